#include "core/curation.h"

#include <algorithm>
#include <cstdlib>
#include <ctime>
#include <map>
#include <set>

#include <unistd.h>

#include <nlohmann/json.hpp>

#include "core/actor_identity.h"
#include "core/json_codec.h"

namespace kg::core {

namespace {

std::string currentUser() {
  if (const char* u = std::getenv("USER"); u && *u) return u;
  if (const char* u = std::getenv("LOGNAME"); u && *u) return u;
  return "uid " + std::to_string(::getuid());
}

bool hasName(const Actor& a, const std::string& n) {
  return a.name == n || std::find(a.aliases.begin(), a.aliases.end(), n) != a.aliases.end();
}

void addAliasTo(Actor& a, const std::string& n) {
  if (!n.empty() && !hasName(a, n)) a.aliases.push_back(n);
}

// The edges touching `id` (out, then in), each once, with their evidence.
Result<std::vector<Edge>> edgesOf(const storage::GraphStore& store, ActorId id) {
  std::vector<EdgeId> ids;
  std::set<EdgeId> seen;
  auto visit = [&](const storage::EdgeHeader& h) {
    if (seen.insert(h.edge.id).second) ids.push_back(h.edge.id);
    return storage::Scan::kContinue;
  };
  KG_RETURN_IF_ERROR(store.scanOut(id, visit));
  KG_RETURN_IF_ERROR(store.scanIn(id, visit));
  std::vector<Edge> out;
  out.reserve(ids.size());
  for (EdgeId e : ids) {
    auto edge = store.getEdge(e);
    if (!edge) return edge.status();
    out.push_back(std::move(edge).value());
  }
  return out;
}

}  // namespace

Curator::Curator(Engine& engine, CurationContext context) : engine_(engine), context_(std::move(context)) {
  if (context_.user.empty()) context_.user = currentUser();
}

storage::CurationRecord Curator::record(const std::string& command, const std::string& details) const {
  storage::CurationRecord r;
  r.unixSeconds = static_cast<int64_t>(std::time(nullptr));
  r.user = context_.user;
  r.command = command;
  r.args = context_.args;
  r.details = details;
  return r;
}

Result<Actor> Curator::getActor(ActorId id) const {
  auto a = engine_.store().getActor(id);
  if (!a) return a.status();
  if (!a->has_value()) return Status::notFound("no actor with id " + std::to_string(id));
  return std::move(**a);
}

Status Curator::rewriteActor(storage::WriteBatch& batch, const Actor& a) {
  auto id = batch.putActor(a, ActorIdentity::keysFor(a));
  return id.status();
}

Result<uint64_t> Curator::commitLogged(storage::WriteBatch& batch, storage::CurationRecord rec) {
  auto seq = batch.appendLog(std::move(rec));
  if (!seq) return seq.status();
  KG_RETURN_IF_ERROR(engine_.store().commit(batch));
  return seq.value();
}

Result<std::optional<Actor>> Curator::otherActorNamed(const std::string& name, ActorKind kind, ActorId self) const {
  ActorIdentity identity(engine_.store());
  ActorClaim claim;
  claim.name = name;
  claim.kind = kind;
  auto found = identity.find(claim);
  if (!found) return found.status();
  if (!found->has_value() || **found == self) return std::optional<Actor>();
  auto other = getActor(**found);
  if (!other) return other.status();
  return std::optional<Actor>(std::move(other).value());
}

Result<MergeSummary> Curator::merge(ActorId keepId, ActorId dropId) {
  if (keepId == dropId)
    return Status::invalidArgument("cannot merge actor " + std::to_string(keepId) + " into itself");
  std::lock_guard<std::mutex> lock(engine_.writeMutex());
  storage::GraphStore& store = engine_.store();
  auto keep = getActor(keepId);
  if (!keep) return keep.status();
  auto drop = getActor(dropId);
  if (!drop) return drop.status();
  auto edges = edgesOf(store, dropId);
  if (!edges) return edges.status();

  MergeSummary sum;
  auto batch = store.newBatch();
  // The dropped actor's edges leave it...
  for (const Edge& e : edges.value()) KG_RETURN_IF_ERROR(batch->removeEdge(e.id));
  // ... and land on the kept one, merging with the same facts it has.
  std::set<EdgeId> keptBefore;
  KG_RETURN_IF_ERROR(store.scanOut(keepId, [&](const storage::EdgeHeader& h) {
    keptBefore.insert(h.edge.id);
    return storage::Scan::kContinue;
  }));
  KG_RETURN_IF_ERROR(store.scanIn(keepId, [&](const storage::EdgeHeader& h) {
    keptBefore.insert(h.edge.id);
    return storage::Scan::kContinue;
  }));
  std::set<EdgeId> landed;
  for (Edge e : edges.value()) {
    if (e.src == dropId) e.src = keepId;
    if (e.dst == dropId) e.dst = keepId;
    if (e.src == e.dst) {
      ++sum.selfLoops;
      continue;
    }
    e.id = 0;
    auto id = batch->putEdge(std::move(e));
    if (!id) return id.status();
    if (id.value() == 0) {
      ++sum.suppressed;
      continue;
    }
    ++sum.edgesMoved;
    if (keptBefore.count(id.value()) || !landed.insert(id.value()).second) ++sum.edgesJoined;
  }
  // Facts removed by a curator for the dropped actor stay removed for the kept one.
  std::vector<std::pair<storage::SuppressedFact, EdgeId>> facts;
  KG_RETURN_IF_ERROR(store.scanSuppressed([&](const storage::SuppressedFact& f, EdgeId e) {
    if (f.src == dropId || f.dst == dropId) facts.emplace_back(f, e);
    return storage::Scan::kContinue;
  }));
  for (const auto& [f, e] : facts) {
    KG_RETURN_IF_ERROR(batch->unsuppressFact(f));
    storage::SuppressedFact g = f;
    if (g.src == dropId) g.src = keepId;
    if (g.dst == dropId) g.dst = keepId;
    if (g.src != g.dst) KG_RETURN_IF_ERROR(batch->suppressFact(g, e));
  }
  // Names: the dropped actor's become the kept one's, and keep meaning it.
  Actor kept = keep.value();
  addAliasTo(kept, drop->name);
  for (const auto& al : drop->aliases) addAliasTo(kept, al);
  if (kept.country.empty()) kept.country = drop->country;
  for (const auto& [k, v] : drop->attributes) kept.attributes.emplace(k, v);
  KG_RETURN_IF_ERROR(batch->removeActor(dropId));
  KG_RETURN_IF_ERROR(rewriteActor(*batch, kept));
  std::set<std::string> mergedKeys;
  for (const std::string& n : std::vector<std::string>{drop->name}) mergedKeys.insert(ActorIdentity::strictKey(n));
  for (const auto& al : drop->aliases) mergedKeys.insert(ActorIdentity::strictKey(al));
  KG_RETURN_IF_ERROR(store.scanMergedNames([&](std::string_view k, ActorId into) {
    if (into == dropId) mergedKeys.insert(std::string(k));
    return storage::Scan::kContinue;
  }));
  for (const auto& k : mergedKeys)
    if (!k.empty()) KG_RETURN_IF_ERROR(batch->setMergedName(k, keepId));

  nlohmann::json d;
  d["keep"] = keepId;
  d["drop"] = actorToJson(drop.value());
  d["keep_before"] = actorToJson(keep.value());
  d["edges_moved"] = sum.edgesMoved;
  d["edges_joined"] = sum.edgesJoined;
  d["self_loops_dropped"] = sum.selfLoops;
  d["moved_edge_ids"] = nlohmann::json::array();
  for (const Edge& e : edges.value()) d["moved_edge_ids"].push_back(e.id);
  auto seq = commitLogged(*batch, record("actor merge", d.dump()));
  if (!seq) return seq.status();
  sum.logSeq = seq.value();
  sum.kept = std::move(kept);
  return sum;
}

Result<Actor> Curator::addAlias(ActorId id, const std::string& alias) {
  if (alias.empty() || ActorIdentity::strictKey(alias).empty())
    return Status::invalidArgument("alias '" + alias + "' has no letters or digits");
  std::lock_guard<std::mutex> lock(engine_.writeMutex());
  auto a = getActor(id);
  if (!a) return a.status();
  if (hasName(a.value(), alias))
    return Status::alreadyExists("'" + alias + "' already names " + a->name + " (id " + std::to_string(id) + ")");
  auto other = otherActorNamed(alias, a->kind, id);
  if (!other) return other.status();
  if (other->has_value())
    return Status::alreadyExists("'" + alias + "' already names " + std::string(actorKindName((*other)->kind)) + " '" +
                                 (*other)->name + "' (id " + std::to_string((*other)->id) +
                                 "); to make them one actor: kg actor merge " + std::to_string(id) + " " +
                                 std::to_string((*other)->id));
  Actor updated = a.value();
  updated.aliases.push_back(alias);
  auto batch = engine_.store().newBatch();
  KG_RETURN_IF_ERROR(rewriteActor(*batch, updated));
  nlohmann::json d{{"actor", id}, {"alias", alias}, {"undo", "kg actor alias rm " + std::to_string(id) + " '" + alias + "'"}};
  auto seq = commitLogged(*batch, record("actor alias add", d.dump()));
  if (!seq) return seq.status();
  return updated;
}

Result<Actor> Curator::removeAlias(ActorId id, const std::string& alias) {
  std::lock_guard<std::mutex> lock(engine_.writeMutex());
  auto a = getActor(id);
  if (!a) return a.status();
  Actor updated = a.value();
  auto it = std::find(updated.aliases.begin(), updated.aliases.end(), alias);
  if (it == updated.aliases.end()) {
    std::string known;
    for (const auto& al : updated.aliases) known += (known.empty() ? "" : ", ") + al;
    return Status::notFound(updated.name + " (id " + std::to_string(id) + ") has no alias '" + alias + "'" +
                            (known.empty() ? std::string(" (it has none)") : "; its aliases: " + known));
  }
  updated.aliases.erase(it);
  auto batch = engine_.store().newBatch();
  KG_RETURN_IF_ERROR(rewriteActor(*batch, updated));
  const std::string key = ActorIdentity::strictKey(alias);
  auto merged = engine_.store().mergedInto(key);
  if (!merged) return merged.status();
  // A merged-away name the curator takes back no longer means this actor
  // (unless another of its names still folds to it).
  if (merged->has_value() && **merged == id && !hasName(updated, alias)) {
    bool still = ActorIdentity::strictKey(updated.name) == key;
    for (const auto& al : updated.aliases) still = still || ActorIdentity::strictKey(al) == key;
    if (!still) KG_RETURN_IF_ERROR(batch->setMergedName(key, 0));
  }
  nlohmann::json d{{"actor", id}, {"alias", alias}, {"undo", "kg actor alias add " + std::to_string(id) + " '" + alias + "'"}};
  auto seq = commitLogged(*batch, record("actor alias rm", d.dump()));
  if (!seq) return seq.status();
  return updated;
}

Result<Actor> Curator::rename(ActorId id, const std::string& name) {
  if (name.empty() || ActorIdentity::strictKey(name).empty())
    return Status::invalidArgument("name '" + name + "' has no letters or digits");
  std::lock_guard<std::mutex> lock(engine_.writeMutex());
  auto a = getActor(id);
  if (!a) return a.status();
  if (a->name == name) return Status::alreadyExists("actor " + std::to_string(id) + " is already named '" + name + "'");
  auto other = otherActorNamed(name, a->kind, id);
  if (!other) return other.status();
  if (other->has_value())
    return Status::alreadyExists("'" + name + "' already names " + std::string(actorKindName((*other)->kind)) + " '" +
                                 (*other)->name + "' (id " + std::to_string((*other)->id) +
                                 "); to make them one actor: kg actor merge " + std::to_string((*other)->id) + " " +
                                 std::to_string(id));
  Actor updated = a.value();
  const std::string old = updated.name;
  updated.name = name;
  updated.aliases.erase(std::remove(updated.aliases.begin(), updated.aliases.end(), name), updated.aliases.end());
  addAliasTo(updated, old);
  auto batch = engine_.store().newBatch();
  KG_RETURN_IF_ERROR(rewriteActor(*batch, updated));
  nlohmann::json d{{"actor", id}, {"old", old}, {"new", name},
                   {"undo", "kg actor rename " + std::to_string(id) + " '" + old + "'"}};
  auto seq = commitLogged(*batch, record("actor rename", d.dump()));
  if (!seq) return seq.status();
  return updated;
}

Result<Actor> Curator::set(ActorId id, std::optional<ActorKind> kind, std::optional<std::string> country) {
  if (!kind && !country) return Status::invalidArgument("kg actor set needs --kind or --country");
  std::lock_guard<std::mutex> lock(engine_.writeMutex());
  auto a = getActor(id);
  if (!a) return a.status();
  Actor updated = a.value();
  if (kind) updated.kind = *kind;
  if (country) updated.country = *country;
  auto batch = engine_.store().newBatch();
  KG_RETURN_IF_ERROR(rewriteActor(*batch, updated));
  nlohmann::json d{{"actor", id},
                   {"old_kind", actorKindName(a->kind)},
                   {"new_kind", actorKindName(updated.kind)},
                   {"old_country", a->country},
                   {"new_country", updated.country},
                   {"undo", "kg actor set " + std::to_string(id) + " --kind " + actorKindName(a->kind) +
                                " --country '" + a->country + "'"}};
  auto seq = commitLogged(*batch, record("actor set", d.dump()));
  if (!seq) return seq.status();
  return updated;
}

Result<Edge> Curator::removeEdge(EdgeId id) {
  std::lock_guard<std::mutex> lock(engine_.writeMutex());
  storage::GraphStore& store = engine_.store();
  auto edge = store.getEdge(id);
  if (!edge) return edge.status();
  auto batch = store.newBatch();
  KG_RETURN_IF_ERROR(batch->removeEdge(id));
  const Edge& e = edge.value();
  KG_RETURN_IF_ERROR(batch->suppressFact(storage::SuppressedFact{e.src, e.type, e.when.from, e.dst}, id));
  auto nameOf = [&](ActorId a) -> std::string {
    auto got = store.getActor(a);
    return got && got->has_value() ? (*got)->name : "#" + std::to_string(a);
  };
  nlohmann::json d{{"edge", edgeToJson(e, nameOf)}};
  auto seq = commitLogged(*batch, record("edge rm", d.dump()));
  if (!seq) return seq.status();
  return edge;
}

Result<RemoveActorSummary> Curator::removeActor(ActorId id, bool withEdges) {
  std::lock_guard<std::mutex> lock(engine_.writeMutex());
  storage::GraphStore& store = engine_.store();
  auto a = getActor(id);
  if (!a) return a.status();
  auto edges = edgesOf(store, id);
  if (!edges) return edges.status();
  if (!edges->empty() && !withEdges)
    return Status::failedPrecondition(a->name + " (id " + std::to_string(id) + ") still has " +
                                      std::to_string(edges->size()) +
                                      " edges; remove them first (kg edge rm), merge the actor into another "
                                      "(kg actor merge), or remove it with its edges (--with-edges)");
  auto batch = store.newBatch();
  for (const Edge& e : edges.value()) KG_RETURN_IF_ERROR(batch->removeEdge(e.id));
  KG_RETURN_IF_ERROR(batch->removeActor(id));
  KG_RETURN_IF_ERROR(store.scanMergedNames([&](std::string_view k, ActorId into) {
    if (into == id) (void)batch->setMergedName(k, 0);
    return storage::Scan::kContinue;
  }));
  nlohmann::json d{{"actor", actorToJson(a.value())}, {"edges_removed", edges->size()}};
  d["removed_edge_ids"] = nlohmann::json::array();
  for (const Edge& e : edges.value()) d["removed_edge_ids"].push_back(e.id);
  auto seq = commitLogged(*batch, record("actor rm", d.dump()));
  if (!seq) return seq.status();
  RemoveActorSummary sum;
  sum.removed = std::move(a).value();
  sum.logSeq = seq.value();
  sum.edgesRemoved = edges->size();
  return sum;
}

Result<std::vector<storage::CurationRecord>> Curator::log() const {
  std::vector<storage::CurationRecord> out;
  KG_RETURN_IF_ERROR(engine_.store().scanLog([&](const storage::CurationRecord& r) {
    out.push_back(r);
    return storage::Scan::kContinue;
  }));
  return out;
}

}  // namespace kg::core
