#include "core/curation.h"

#include <algorithm>
#include <cstdlib>
#include <ctime>
#include <map>
#include <set>
#include <span>

#include <unistd.h>

#include <nlohmann/json.hpp>

#include "core/actor_identity.h"
#include "core/json_codec.h"
#include "core/undo_image.h"

namespace kg::core {

namespace {

// The JSON contract's actor and edge (json_codec.h) as values of the log details.
nlohmann::json actorValue(const Actor& a) { return nlohmann::json::parse(actorJson(a)); }
nlohmann::json edgeValue(const Edge& e, const std::function<std::string(ActorId)>& nameOf) {
  return nlohmann::json::parse(edgeJson(e, nameOf));
}

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

// The strict keys of `a`'s name and aliases, without repeats ("" among them
// when one of those has no letter or digit).
std::set<std::string> strictKeysOf(const Actor& a) {
  std::set<std::string> keys{ActorIdentity::strictKey(a.name)};
  for (const auto& al : a.aliases) keys.insert(ActorIdentity::strictKey(al));
  return keys;
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

Status Curator::rewriteActor(ImageRecorder& rec, const Actor& a) { return rec.putActor(a, ActorIdentity::keysFor(a)); }

struct Curator::LogDetails {
  LogDetails(nlohmann::json j) : json(std::move(j)) {}  // NOLINT(google-explicit-constructor)
  nlohmann::json json;
};

Result<uint64_t> Curator::commitLogged(storage::GraphStore& store, storage::WriteBatch& batch,
                                       ImageRecorder& recorder, const std::string& command, LogDetails logged) {
  nlohmann::json& details = logged.json;
  auto image = recorder.finish();
  if (!image) return image.status();
  details["image"] = nlohmann::json::parse(image->toJson());
  // The image keeps its strings exactly (undo_image.cpp); the rest is for
  // reading, so a stray byte that is not UTF-8 becomes U+FFFD there.
  auto seq = batch.appendLog(record(command, details.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)));
  if (!seq) return seq.status();
  KG_RETURN_IF_ERROR(store.commit(batch));
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
  auto removed = engine_.store().isActorRemoved(**found);
  if (!removed) return removed.status();
  if (removed.value())
    return Status::failedPrecondition("'" + name + "' names actor " + std::to_string(**found) +
                                      ", which a curator removed (kg actor rm) so that it stays removed; "
                                      "kg undo of that log record (kg log) puts it back");
  auto other = getActor(**found);
  if (!other) return other.status();
  return std::optional<Actor>(std::move(other).value());
}

Result<MergeSummary> Curator::merge(ActorId keepId, ActorId dropId) {
  if (keepId == dropId)
    return Status::invalidArgument("cannot merge actor " + std::to_string(keepId) + " into itself");
  return engine_.withWriteLock([&](storage::GraphStore& store) -> Result<MergeSummary> {
    auto keep = getActor(keepId);
    if (!keep) return keep.status();
    auto drop = getActor(dropId);
    if (!drop) return drop.status();
    auto edges = edgesOf(store, dropId);
    if (!edges) return edges.status();

    MergeSummary sum;
    auto batch = store.newBatch();
    ImageRecorder rec(store, *batch);
    // The dropped actor's edges leave it...
    for (const Edge& e : edges.value()) KG_RETURN_IF_ERROR(rec.removeEdge(e.id));
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
      auto id = rec.putEdge(std::move(e));
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
      KG_RETURN_IF_ERROR(rec.unsuppressFact(f));
      storage::SuppressedFact g = f;
      if (g.src == dropId) g.src = keepId;
      if (g.dst == dropId) g.dst = keepId;
      if (g.src != g.dst) KG_RETURN_IF_ERROR(rec.suppressFact(g, e));
    }
    // Names: the dropped actor's become the kept one's, and keep meaning it.
    Actor kept = keep.value();
    addAliasTo(kept, drop->name);
    for (const auto& al : drop->aliases) addAliasTo(kept, al);
    if (kept.country.empty()) kept.country = drop->country;
    for (const auto& [k, v] : drop->attributes) kept.attributes.emplace(k, v);
    KG_RETURN_IF_ERROR(rec.removeActor(dropId));
    KG_RETURN_IF_ERROR(rewriteActor(rec, kept));
    std::set<std::string> mergedKeys = strictKeysOf(drop.value());
    KG_RETURN_IF_ERROR(store.scanMergedNames([&](std::string_view k, ActorId into) {
      if (into == dropId) mergedKeys.insert(std::string(k));
      return storage::Scan::kContinue;
    }));
    for (const auto& k : mergedKeys)
      if (!k.empty()) KG_RETURN_IF_ERROR(rec.setMergedName(k, keepId));

    nlohmann::json d;
    d["keep"] = keepId;
    d["drop"] = actorValue(drop.value());
    d["keep_before"] = actorValue(keep.value());
    d["edges_moved"] = sum.edgesMoved;
    d["edges_joined"] = sum.edgesJoined;
    d["self_loops_dropped"] = sum.selfLoops;
    d["moved_edge_ids"] = nlohmann::json::array();
    for (const Edge& e : edges.value()) d["moved_edge_ids"].push_back(e.id);
    auto seq = commitLogged(store, *batch, rec, "actor merge", std::move(d));
    if (!seq) return seq.status();
    sum.logSeq = seq.value();
    sum.kept = std::move(kept);
    return sum;
  });
}

Result<Actor> Curator::addAlias(ActorId id, const std::string& alias) {
  if (alias.empty() || ActorIdentity::strictKey(alias).empty())
    return Status::invalidArgument("alias '" + alias + "' has no letters or digits");
  return engine_.withWriteLock([&](storage::GraphStore& store) -> Result<Actor> {
    auto a = getActor(id);
    if (!a) return a.status();
    if (hasName(a.value(), alias))
      return Status::alreadyExists("'" + alias + "' already names " + a->name + " (id " + std::to_string(id) + ")");
    auto other = otherActorNamed(alias, a->kind, id);
    if (!other) return other.status();
    if (other->has_value())
      return Status::alreadyExists("'" + alias + "' already names " + std::string(actorKindName((*other)->kind)) +
                                   " '" + (*other)->name + "' (id " + std::to_string((*other)->id) +
                                   "); to make them one actor: kg actor merge " + std::to_string(id) + " " +
                                   std::to_string((*other)->id));
    Actor updated = a.value();
    updated.aliases.push_back(alias);
    auto batch = store.newBatch();
    ImageRecorder rec(store, *batch);
    KG_RETURN_IF_ERROR(rewriteActor(rec, updated));
    nlohmann::json d{{"actor", id}, {"alias", alias}};
    auto seq = commitLogged(store, *batch, rec, "actor alias add", std::move(d));
    if (!seq) return seq.status();
    return updated;
  });
}

Result<Actor> Curator::removeAlias(ActorId id, const std::string& alias) {
  return engine_.withWriteLock([&](storage::GraphStore& store) -> Result<Actor> {
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
    auto batch = store.newBatch();
    ImageRecorder rec(store, *batch);
    KG_RETURN_IF_ERROR(rewriteActor(rec, updated));
    const std::string key = ActorIdentity::strictKey(alias);
    auto merged = store.mergedInto(key);
    if (!merged) return merged.status();
    // A merged-away name the curator takes back no longer means this actor
    // (unless another of its names still folds to it).
    if (merged->has_value() && **merged == id && !hasName(updated, alias)) {
      if (!strictKeysOf(updated).count(key)) KG_RETURN_IF_ERROR(rec.setMergedName(key, 0));
    }
    nlohmann::json d{{"actor", id}, {"alias", alias}};
    auto seq = commitLogged(store, *batch, rec, "actor alias rm", std::move(d));
    if (!seq) return seq.status();
    return updated;
  });
}

Result<Actor> Curator::rename(ActorId id, const std::string& name) {
  if (name.empty() || ActorIdentity::strictKey(name).empty())
    return Status::invalidArgument("name '" + name + "' has no letters or digits");
  return engine_.withWriteLock([&](storage::GraphStore& store) -> Result<Actor> {
    auto a = getActor(id);
    if (!a) return a.status();
    if (a->name == name)
      return Status::alreadyExists("actor " + std::to_string(id) + " is already named '" + name + "'");
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
    auto batch = store.newBatch();
    ImageRecorder rec(store, *batch);
    KG_RETURN_IF_ERROR(rewriteActor(rec, updated));
    nlohmann::json d{{"actor", id}, {"old", old}, {"new", name}};
    auto seq = commitLogged(store, *batch, rec, "actor rename", std::move(d));
    if (!seq) return seq.status();
    return updated;
  });
}

Result<Actor> Curator::set(ActorId id, std::optional<ActorKind> kind, std::optional<std::string> country) {
  if (!kind && !country) return Status::invalidArgument("kg actor set needs --kind or --country");
  return engine_.withWriteLock([&](storage::GraphStore& store) -> Result<Actor> {
    auto a = getActor(id);
    if (!a) return a.status();
    Actor updated = a.value();
    if (kind) updated.kind = *kind;
    if (country) updated.country = *country;
    auto batch = store.newBatch();
    ImageRecorder rec(store, *batch);
    KG_RETURN_IF_ERROR(rewriteActor(rec, updated));
    nlohmann::json d{{"actor", id},
                     {"old_kind", actorKindName(a->kind)},
                     {"new_kind", actorKindName(updated.kind)},
                     {"old_country", a->country},
                     {"new_country", updated.country}};
    auto seq = commitLogged(store, *batch, rec, "actor set", std::move(d));
    if (!seq) return seq.status();
    return updated;
  });
}

Result<Edge> Curator::removeEdge(EdgeId id) {
  return engine_.withWriteLock([&](storage::GraphStore& store) -> Result<Edge> {
    auto edge = store.getEdge(id);
    if (!edge) return edge.status();
    auto batch = store.newBatch();
    ImageRecorder rec(store, *batch);
    KG_RETURN_IF_ERROR(rec.removeEdge(id));
    const Edge& e = edge.value();
    KG_RETURN_IF_ERROR(rec.suppressFact(storage::SuppressedFact{e.src, e.type, e.when.from, e.dst}, id));
    auto nameOf = [&](ActorId a) -> std::string {
      auto got = store.getActor(a);
      return got && got->has_value() ? (*got)->name : "#" + std::to_string(a);
    };
    nlohmann::json d{{"edge", edgeValue(e, nameOf)}};
    auto seq = commitLogged(store, *batch, rec, "edge rm", std::move(d));
    if (!seq) return seq.status();
    return edge;
  });
}

Result<RemoveActorSummary> Curator::removeActor(ActorId id, bool withEdges) {
  return engine_.withWriteLock([&](storage::GraphStore& store) -> Result<RemoveActorSummary> {
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
    ImageRecorder rec(store, *batch);
    for (const Edge& e : edges.value()) KG_RETURN_IF_ERROR(rec.removeEdge(e.id));
    KG_RETURN_IF_ERROR(rec.removeActor(id));
    // It stays removed: its names keep meaning it (names merged into it already
    // do), so ingest and import find it instead of making it anew, and the
    // store drops their edges of it. A name another actor also has is left to
    // that actor.
    KG_RETURN_IF_ERROR(rec.setActorRemoved(id, true));
    for (const auto& k : strictKeysOf(a.value())) {
      if (k.empty()) continue;
      auto holders = store.lookupNameKey(k);
      if (!holders) return holders.status();
      if (std::any_of(holders->begin(), holders->end(), [&](ActorId h) { return h != id; })) continue;
      auto merged = store.mergedInto(k);
      if (!merged) return merged.status();
      if (merged->has_value() && **merged != id) continue;  // merged into another actor: stays so
      KG_RETURN_IF_ERROR(rec.setMergedName(k, id));
    }
    nlohmann::json d{{"actor", actorValue(a.value())}, {"edges_removed", edges->size()}};
    d["removed_edge_ids"] = nlohmann::json::array();
    for (const Edge& e : edges.value()) d["removed_edge_ids"].push_back(e.id);
    auto seq = commitLogged(store, *batch, rec, "actor rm", std::move(d));
    if (!seq) return seq.status();
    RemoveActorSummary sum;
    sum.removed = std::move(a).value();
    sum.logSeq = seq.value();
    sum.edgesRemoved = edges->size();
    return sum;
  });
}

namespace {

std::string recordName(const storage::CurationRecord& r) {
  return "#" + std::to_string(r.seq) + " (kg " + (r.args.empty() ? r.command : r.args) + ")";
}

}  // namespace

Result<std::string> Curator::undoConflict(const storage::CurationRecord& rec, const UndoImage& image,
                                          std::span<const storage::CurationRecord> later) const {
  auto diff = image.firstDifference(engine_.store());
  if (!diff) return diff.status();
  if (!diff->has_value()) return std::string();
  const std::string msg = "cannot undo " + recordName(rec) + ": ";
  // Which later record changed it, if one did: the latest one that undid it
  // or whose image touches the same actor or edge (else an ingest, import or
  // edge add did).
  for (auto r = later.rbegin(); r != later.rend(); ++r) {
    auto d = nlohmann::json::parse(r->details, nullptr, false);
    if (!d.is_object()) continue;
    if (d.value("undoes", uint64_t{0}) == rec.seq)
      return msg + "it was undone by #" + std::to_string(r->seq) + " (kg undo " + std::to_string(r->seq) +
             " redoes it)";
    if (!d.contains("image")) continue;
    auto img = UndoImage::fromJson(d["image"].dump());
    if (!img || !img->touches((*diff)->what, (*diff)->id)) continue;
    // It is the cause when the store still holds what it left; otherwise
    // something without a log record changed the object after it.
    auto laterDiff = img->firstDifference(engine_.store());
    if (!laterDiff) return laterDiff.status();
    if (!laterDiff->has_value())
      return msg + "since then, " + (*diff)->text + ": " + recordName(*r) + " changed it; undo #" +
             std::to_string(r->seq) + " first";
    break;
  }
  return msg + "since then, " + (*diff)->text + ": an ingest, import or edge add changed it, and undoing #" +
         std::to_string(rec.seq) + " would lose that change";
}

Result<UndoSummary> Curator::undo(std::optional<uint64_t> seq) {
  return engine_.withWriteLock([&](storage::GraphStore& store) -> Result<UndoSummary> {
    // One pass over the log, keeping only the record to undo and those after
    // it (the only ones a conflict can name): the records carry their images.
    std::vector<storage::CurationRecord> tail;
    uint64_t first = 0, last = 0;
    KG_RETURN_IF_ERROR(store.scanLog([&](const storage::CurationRecord& r) {
      if (first == 0) first = r.seq;
      last = r.seq;
      if (!seq)
        tail.assign(1, r);
      else if (r.seq >= *seq)
        tail.push_back(r);
      return storage::Scan::kContinue;
    }));
    if (last == 0) return Status::notFound("the curation log is empty: nothing to undo");
    if (tail.empty() || tail.front().seq != seq.value_or(last))
      return Status::notFound("no curation log record #" + std::to_string(*seq) + " (kg log lists #" +
                              std::to_string(first) + " to #" + std::to_string(last) + ")");
    const storage::CurationRecord& target = tail.front();
    auto details = nlohmann::json::parse(target.details, nullptr, false);
    if (details.is_discarded() || !details.contains("image"))
      return Status::failedPrecondition("cannot undo " + recordName(target) +
                                        ": it was logged by a kg that kept no undo image (it says what changed, "
                                        "not enough to put it back exactly)");
    auto image = UndoImage::fromJson(details["image"].dump());
    if (!image)
      return Status::failedPrecondition("cannot undo " + recordName(target) + ": " + image.status().message());
    auto conflict = undoConflict(target, image.value(), std::span(tail).subspan(1));
    if (!conflict) return conflict.status();
    if (!conflict->empty()) return Status::failedPrecondition(conflict.value());

    // The store holds what the record left: write back what it found.
    auto batch = store.newBatch();
    ImageRecorder rec(store, *batch);
    for (const auto& e : image->edges) {
      if (e.after) KG_RETURN_IF_ERROR(rec.removeEdge(e.id));
      if (e.before) KG_RETURN_IF_ERROR(rec.restoreEdge(*e.before));
    }
    for (const auto& a : image->actors) {
      if (a.before) {
        KG_RETURN_IF_ERROR(
            rec.putActor(*a.before, a.beforeKeys.empty() ? ActorIdentity::keysFor(*a.before) : a.beforeKeys));
      } else if (a.after) {
        KG_RETURN_IF_ERROR(rec.removeActor(a.id));
      }
    }
    for (const auto& f : image->facts) {
      if (f.before)
        KG_RETURN_IF_ERROR(rec.suppressFact(f.fact, *f.before));
      else
        KG_RETURN_IF_ERROR(rec.unsuppressFact(f.fact));
    }
    for (const auto& n : image->names) KG_RETURN_IF_ERROR(rec.setMergedName(n.key, n.before.value_or(0)));
    for (const auto& r : image->removedActors) KG_RETURN_IF_ERROR(rec.setActorRemoved(r.id, r.before));
    nlohmann::json d{{"undoes", target.seq}, {"undone_command", target.command}, {"undone_args", target.args}};
    auto logged = commitLogged(store, *batch, rec, "undo", std::move(d));
    if (!logged) return logged.status();
    UndoSummary sum;
    sum.undone = target.seq;
    sum.undoneCommand = target.command;
    sum.undoneArgs = target.args;
    sum.logSeq = logged.value();
    sum.actors = image->actors.size();
    sum.edges = image->edges.size();
    return sum;
  });
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
