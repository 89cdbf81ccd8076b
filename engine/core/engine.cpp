#include "core/engine.h"

#include <algorithm>
#include <cassert>
#include <map>
#include <set>

#include "base/edit_distance.h"
#include "core/actor_identity.h"
#include "extract/actors/name_fold.h"
#include "extract/lexicon/title_words.h"
#include "query/filter.h"

namespace kg::core {

Engine::Engine(std::string path, std::unique_ptr<storage::GraphStore> store)
    : path_(std::move(path)), store_(std::move(store)) {}

Engine::~Engine() = default;

Engine::WriteGuard::WriteGuard(Engine& engine) : engine_(engine) {
  assert(engine_.writer_.load() != std::this_thread::get_id() && "Engine write lock taken twice by one thread");
  engine_.writeMu_.lock();
  engine_.writer_.store(std::this_thread::get_id());
}

Engine::WriteGuard::~WriteGuard() {
  engine_.writer_.store(std::thread::id());
  engine_.writeMu_.unlock();
}

std::vector<std::string> Engine::nameKeysFor(const Actor& a) { return ActorIdentity::keysFor(a); }

Result<std::unique_ptr<Engine>> Engine::open(const std::string& path, const EngineOptions& options) {
  storage::StoreOptions so;
  so.readOnly = options.readOnly;
  so.createIfMissing = options.createIfMissing;
  so.bulkLoad = options.bulkLoad;
  auto store = storage::openStore(path, so);
  if (!store) return store.status();
  return std::unique_ptr<Engine>(new Engine(path, std::move(store).value()));
}

Status Engine::commit(storage::WriteBatch& batch) {
  WriteGuard guard(*this);
  return store_->commit(batch);
}

Result<Actor> Engine::addActor(Actor actor) {
  if (actor.name.empty()) return Status::invalidArgument("an actor needs a non-empty name");
  auto keys = ActorIdentity::keysFor(actor);
  if (keys.empty()) return Status::invalidArgument("actor name '" + actor.name + "' has no letters or digits");
  WriteGuard guard(*this);
  // The name and every alias must not already mean a stored actor of this
  // kind (core/actor_identity.h, with the kind stated).
  ActorIdentity identity(*store_);
  std::vector<std::string> names{actor.name};
  names.insert(names.end(), actor.aliases.begin(), actor.aliases.end());
  for (const auto& n : names) {
    ActorClaim claim;
    claim.name = n;
    claim.kind = actor.kind;
    auto found = identity.find(claim);
    if (!found) return found.status();
    if (!found->has_value() || **found == actor.id) continue;
    auto other = store_->getActor(**found);
    if (!other) return other.status();
    if (!other->has_value()) {
      auto removed = store_->isActorRemoved(**found);
      if (!removed) return removed.status();
      if (removed.value())
        return Status::failedPrecondition("'" + n + "' names actor " + std::to_string(**found) +
                                          ", which a curator removed (kg actor rm) so that it stays removed; "
                                          "kg undo of that log record (kg log) puts it back");
      continue;
    }
    return Status::alreadyExists("'" + n + "' already names " + actorKindName((*other)->kind) + " '" +
                                 (*other)->name + "' (id " + std::to_string(**found) +
                                 "); add a spelling to it with kg actor alias add");
  }
  auto batch = store_->newBatch();
  auto id = batch->putActor(actor, keys);
  if (!id) return id.status();
  KG_RETURN_IF_ERROR(store_->commit(*batch));
  actor.id = id.value();
  return actor;
}

Result<Edge> Engine::addEdge(Edge edge) {
  for (ActorId id : {edge.src, edge.dst}) {
    auto a = store_->getActor(id);
    if (!a) return a.status();
    if (!a->has_value()) return Status::invalidArgument("no actor with id " + std::to_string(id));
  }
  if (edge.when.from.known() && edge.when.to.known() && edge.when.to.lastDay() < edge.when.from.days())
    return Status::invalidArgument("the edge ends (" + edge.when.to.toString() + ") before it starts (" +
                                   edge.when.from.toString() + ")");
  WriteGuard guard(*this);
  auto batch = store_->newBatch();
  auto id = batch->putEdge(edge);
  if (!id) return id.status();
  if (id.value() == 0)
    return Status::failedPrecondition("this fact was removed with kg edge rm (kg log lists it); it stays removed");
  KG_RETURN_IF_ERROR(store_->commit(*batch));
  return store_->getEdge(id.value());
}

namespace {

// `name` without the title words in front of it (its last word is always
// kept). The words are engine/extract/data/title_words.txt: "Prime
// Minister", "Secretary of State", "Grand Ayatollah", "Lt. Gen.".
std::string_view withoutLeadingTitle(std::string_view name) {
  size_t at = 0;
  while (at < name.size()) {
    while (at < name.size() && name[at] == ' ') ++at;
    size_t end = name.find(' ', at);
    if (end == std::string_view::npos) break;  // the last word is always kept
    std::string word(name.substr(at, end - at));
    while (!word.empty() && word.back() == '.') word.pop_back();
    for (auto& c : word) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (!extract::titleWords().contains(word)) break;
    at = end + 1;
  }
  return name.substr(at);
}

// Exact names before alias matches, otherwise in the order found.
void sortResolved(std::string_view name, std::vector<Actor>* out) {
  std::stable_sort(out->begin(), out->end(), [&](const Actor& a, const Actor& b) {
    return (a.name == name) > (b.name == name);
  });
}

}  // namespace

Result<std::vector<Actor>> Engine::resolveIndexed(std::string_view name) const {
  std::vector<Actor> out;
  std::set<ActorId> seen;
  // Exact canonical-name matches first, then alias matches.
  for (const auto& k : extract::nameKeys(name)) {
    auto ids = store_->lookupNameKey(k);
    if (!ids) return ids.status();
    for (ActorId id : ids.value()) {
      if (!seen.insert(id).second) continue;
      auto a = store_->getActor(id);
      if (!a) return a.status();
      if (a->has_value()) out.push_back(std::move(**a));
    }
  }
  sortResolved(name, &out);
  return out;
}

Result<std::vector<Actor>> Engine::resolve(std::string_view name) const {
  auto indexed = resolveIndexed(name);
  if (!indexed || !indexed->empty()) return indexed;
  std::vector<Actor> out;
  std::set<ActorId> seen;
  {
    // Analysts type surnames ("Pompeo"): a one-word name that no key matches
    // resolves to the people one of whose names ends with that word (a scan
    // of the name index).
    auto keys = extract::nameKeys(name);
    if (!keys.empty() && keys.front().find(' ') == std::string::npos && keys.front().size() >= 3) {
      const std::string suffix = " " + keys.front();
      // Failing an exact surname, a transliteration of it (Al-Kazemi for
      // al-Kadhimi): the consonant skeletons of the last words agree.
      const std::string skeleton = extract::latinSkeleton(keys.front());
      std::vector<ActorId> ids, similar;
      KG_RETURN_IF_ERROR(store_->scanNameKeys([&](std::string_view k, ActorId id) {
        if (k.empty() || k.front() == '~') return storage::Scan::kContinue;
        const size_t space = k.rfind(' ');
        if (space == std::string_view::npos) return storage::Scan::kContinue;
        if (k.substr(space) == suffix) {
          ids.push_back(id);
        } else if (skeleton.size() >= 3 && extract::latinSkeleton(k.substr(space + 1)) == skeleton) {
          similar.push_back(id);
        }
        return storage::Scan::kContinue;
      }));
      if (ids.empty()) ids = std::move(similar);
      for (ActorId id : ids) {
        if (!seen.insert(id).second) continue;
        auto a = store_->getActor(id);
        if (!a) return a.status();
        if (a->has_value() && (*a)->kind == ActorKind::kPerson) out.push_back(std::move(**a));
      }
    }
  }
  if (out.empty()) {
    // "President Joe Biden", "Foreign Minister Fuad Hussein": the name after the title.
    const std::string_view rest = withoutLeadingTitle(name);
    if (!rest.empty() && rest.size() < name.size()) return resolve(rest);
  }
  sortResolved(name, &out);
  return out;
}

namespace {

// How far a stored name key is from the asked one, when they look alike: the
// least edit distance of the whole keys (at most a third of the asked key's
// letters, two for short keys, one for keys of three letters or fewer, which
// are acronyms: "cnm" is CNN, not CIA or UN), of the asked key and one word of the stored
// one ("pompton" is two edits from the word "pompeo" of "mike pompeo"), or of
// a word of the asked key and the whole stored key. A comparison with one
// word counts only within a third of the shorter side's letters (at least
// one): a short word of the asked name ("jong" of "kim jong un") is three
// edits from any short key ("cnn", "dod"), which is no likeness.
// nullopt when nothing looks alike.
std::optional<size_t> nameDistance(std::string_view asked, std::string_view stored) {
  std::optional<size_t> best;
  auto consider = [&best](size_t d, size_t budget) {
    if (d <= budget && (!best || d < *best)) best = d;
  };
  consider(editDistance(asked, stored), asked.size() <= 3 ? 1 : std::max<size_t>(2, asked.size() / 3));
  auto words = [](std::string_view s) {
    std::vector<std::string_view> out;
    size_t start = 0;
    while (start < s.size()) {
      size_t sp = s.find(' ', start);
      if (sp == std::string_view::npos) sp = s.size();
      if (sp > start) out.push_back(s.substr(start, sp - start));
      start = sp + 1;
    }
    return out;
  };
  auto wordBudget = [](std::string_view a, std::string_view b) {
    return std::max<size_t>(1, std::min(a.size(), b.size()) / 3);
  };
  const auto storedWords = words(stored);
  if (storedWords.size() > 1)
    for (auto w : storedWords)
      if (w.size() >= 4) consider(editDistance(asked, w), wordBudget(asked, w));
  const auto askedWords = words(asked);
  if (askedWords.size() > 1)
    for (auto w : askedWords)
      if (w.size() >= 4) consider(editDistance(w, stored), wordBudget(w, stored));
  return best;
}

}  // namespace

std::vector<std::string> Engine::closestNames(std::string_view name, size_t n) const {
  auto keys = extract::nameKeys(name);
  const std::string key = keys.empty() ? std::string(name) : keys.front();
  // Only names that look alike (nameDistance). Unrelated names are no suggestion.
  std::multimap<size_t, ActorId> best;
  (void)store_->scanNameKeys([&](std::string_view k, ActorId id) {
    if (!k.empty() && k.front() == '~') return storage::Scan::kContinue;  // skeleton keys: not readable names
    const auto near = nameDistance(key, k);
    if (!near) return storage::Scan::kContinue;
    const size_t d = *near;
    // Ranked by distance, a whole-name match before a one-word match.
    best.emplace(2 * d + (d == editDistance(key, k) ? 0 : 1), id);
    if (best.size() > n * 4) best.erase(std::prev(best.end()));
    return storage::Scan::kContinue;
  });
  std::vector<std::string> names;
  for (auto& [d, id] : best) {
    auto a = store_->getActor(id);
    if (!a || !a->has_value()) continue;
    const std::string& nm = (*a)->name;
    if (std::find(names.begin(), names.end(), nm) == names.end()) names.push_back(nm);
    if (names.size() >= n) break;
  }
  return names;
}

Result<Actor> Engine::resolveOne(std::string_view name) const {
  auto found = resolve(name);
  if (!found) return found.status();
  if (found->empty()) {
    auto close = closestNames(name, 3);
    std::string msg = "unknown actor '" + std::string(name) + "'";
    if (!close.empty()) {
      msg += "; closest known names: ";
      for (size_t i = 0; i < close.size(); ++i) msg += (i ? ", " : "") + close[i];
    }
    return Status::notFound(msg);
  }
  if (found->size() > 1 && found->at(0).name != name) {
    std::string msg = "'" + std::string(name) + "' is ambiguous: ";
    for (size_t i = 0; i < found->size(); ++i)
      msg += (i ? ", " : "") + found->at(i).name + " (" + actorKindName(found->at(i).kind) + ", id " +
             std::to_string(found->at(i).id) + ")";
    return Status::invalidArgument(msg);
  }
  return found->front();
}

Result<std::vector<Actor>> Engine::actors(std::optional<ActorKind> kind) const {
  std::vector<Actor> out;
  KG_RETURN_IF_ERROR(store_->scanActors([&](const Actor& a) {
    if (!kind || a.kind == *kind) out.push_back(a);
    return storage::Scan::kContinue;
  }));
  return out;
}

namespace {

// Whether `e` passes the filters (all but direction, which the scan applies).
bool selects(const query::Filter& f, const Edge& e) {
  if (!f.types.empty() && std::find(f.types.begin(), f.types.end(), e.type) == f.types.end()) return false;
  if (e.confidence < f.minConfidence) return false;
  if (!query::cameoMatches(f.cameo, e.cameo)) return false;
  if (f.fromDay || f.toDay) {
    if (!e.when.anyKnown()) return f.includeUndated;
    return e.when.overlaps(f.fromDay.value_or(INT32_MIN), f.toDay.value_or(INT32_MAX));
  }
  return true;
}

// The listing's order: by start date, undated edges last.
int32_t startKey(const Edge& e) { return e.when.from.known() ? e.when.from.days() : INT32_MAX; }

// Calls `keep` with each stored edge header `ef` selects, in key order (out-
// then in-edges of the actor, or every edge by source), each edge once, until
// `keep` returns false or ef.limit were kept. A stored edge costs a record
// read: weighed as 16 snapshot steps on `cp`.
template <typename Keep>
Status scanSelected(const storage::GraphStore& store, const EdgeFilter& ef, query::Checkpoint& cp, Keep keep) {
  const query::Filter& f = ef.filter;
  size_t kept = 0;
  // Only an actor's out- and in-edges could meet twice; the whole-graph scan
  // reads each edge once, and a set of every id would cost more than the listing.
  std::set<EdgeId> seen;
  auto visit = [&](const storage::EdgeHeader& h) {
    if (cp.step(16)) return storage::Scan::kStop;
    if (!selects(f, h.edge)) return storage::Scan::kContinue;
    if (ef.actor && !seen.insert(h.edge.id).second) return storage::Scan::kContinue;
    if (!keep(h.edge)) return storage::Scan::kStop;
    return ++kept >= ef.limit ? storage::Scan::kStop : storage::Scan::kContinue;
  };
  if (ef.actor) {
    if (f.direction != query::Direction::kIn) KG_RETURN_IF_ERROR(store.scanOut(*ef.actor, visit));
    if (f.direction != query::Direction::kOut && kept < ef.limit && !cp.stopped())
      KG_RETURN_IF_ERROR(store.scanIn(*ef.actor, visit));
  } else {
    KG_RETURN_IF_ERROR(store.scanEdges(visit));
  }
  if (cp.stopped()) return query::stoppedAtDeadline();
  return Status::ok();
}

}  // namespace

Result<std::vector<Edge>> Engine::edges(const EdgeFilter& ef, size_t evidenceLimit) const {
  std::vector<Edge> out;
  query::Checkpoint cp(ef.filter.cancel.get());
  KG_RETURN_IF_ERROR(scanSelected(*store_, ef, cp, [&](const Edge& e) {
    out.push_back(e);
    return true;
  }));
  std::stable_sort(out.begin(), out.end(), [](const Edge& a, const Edge& b) { return startKey(a) < startKey(b); });
  for (auto& e : out) {
    if (evidenceLimit && cp.step(16 * evidenceLimit)) return query::stoppedAtDeadline();
    auto ev = store_->getEvidence(e.id, evidenceLimit);
    if (!ev) return ev.status();
    e.evidence = std::move(ev).value();
  }
  return out;
}

Result<std::vector<EdgeId>> Engine::selectEdgeIds(const EdgeFilter& ef) const {
  // What edges() sorts, without the records: the start date, the place in
  // the scan (so that equal dates keep the scan's order, as stable_sort
  // does there) and the id to read the record by.
  struct Ref {
    int32_t day;
    uint32_t order;
    EdgeId id;
  };
  static_assert(sizeof(Ref) == 16);
  std::vector<Ref> refs;
  query::Checkpoint cp(ef.filter.cancel.get());
  bool tooMany = false;
  KG_RETURN_IF_ERROR(scanSelected(*store_, ef, cp, [&](const Edge& e) {
    if (refs.size() >= UINT32_MAX) {
      tooMany = true;
      return false;
    }
    refs.push_back(Ref{startKey(e), static_cast<uint32_t>(refs.size()), e.id});
    return true;
  }));
  if (tooMany)
    return Status::limitExceeded("more than " + std::to_string(UINT32_MAX) + " edges match; narrow the query");
  std::sort(refs.begin(), refs.end(),
            [](const Ref& a, const Ref& b) { return a.day != b.day ? a.day < b.day : a.order < b.order; });
  std::vector<EdgeId> ids;
  ids.reserve(refs.size());
  for (const Ref& r : refs) ids.push_back(r.id);
  return ids;
}

Status Engine::forEachEdge(const EdgeFilter& ef, size_t evidenceLimit, const std::function<bool(Edge&)>& visit) const {
  auto ids = selectEdgeIds(ef);
  if (!ids) return ids.status();
  query::Checkpoint cp(ef.filter.cancel.get());
  for (const EdgeId id : *ids) {
    if (cp.step(16 * (1 + evidenceLimit))) return query::stoppedAtDeadline();
    auto h = store_->getEdgeHeader(id);
    if (!h) return h.status();
    if (!h->has_value()) continue;
    Edge e = std::move((*h)->edge);
    if (evidenceLimit) {
      auto ev = store_->getEvidence(id, evidenceLimit);
      if (!ev) return ev.status();
      e.evidence = std::move(ev).value();
    }
    if (!visit(e)) break;
  }
  return Status::ok();
}

}  // namespace kg::core
