// LocalGraph's curation methods (GraphApi: mergeActors ... curationLog):
// Curator under the ingest mutex, then the snapshot brought up to date
// when one is published (kgd), so that the next query sees the change.
#include <algorithm>

#include <nlohmann/json.hpp>

#include "core/local_graph.h"

#include "core/ingest.h"

namespace kg::core {

namespace {

bool allDigits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// A record's details as shown: the undo image is for undo, not for reading
// (a merge's holds every edge it moved, with its evidence); "undoable" says
// whether the record has one.
std::string shownDetails(const std::string& text) {
  nlohmann::json details = nlohmann::json::parse(text, nullptr, false);
  if (details.is_discarded() || !details.is_object()) return text;
  details["undoable"] = details.contains("image");
  details.erase("image");
  return details.dump();
}

}  // namespace

Result<Actor> LocalGraph::actorBySpec(const std::string& spec) {
  const bool hash = !spec.empty() && spec[0] == '#';
  const std::string digits = hash ? spec.substr(1) : spec;
  if (allDigits(digits) && digits.size() < 19) {
    auto a = engine_.store().getActor(std::stoull(digits));
    if (!a) return a.status();
    if (a->has_value()) return std::move(**a);
    if (hash) return Status::notFound("no actor with id " + digits);
  }
  return engine_.resolveOne(spec);
}

template <typename T, typename Work>
Result<T> LocalGraph::curate(const CurationBy& by, Work work) {
  std::lock_guard<std::mutex> lock(ingestMu_);
  Curator curator(engine_, CurationContext{by.user, by.args});
  Result<T> r = work(curator);
  if (!r) return r;
  // The ingestor's identity caches may name what the command changed.
  ingestor_.reset();
  if (snapshotVersion() != 0) KG_RETURN_IF_ERROR(refresh());
  return r;
}

Result<MergeResult> LocalGraph::mergeActors(const std::string& keep, const std::string& drop, const CurationBy& by) {
  return curate<MergeResult>(by, [&](Curator& c) -> Result<MergeResult> {
    auto k = actorBySpec(keep);
    if (!k) return k.status();
    auto d = actorBySpec(drop);
    if (!d) return d.status();
    auto m = c.merge(k->id, d->id);
    if (!m) return m.status();
    return MergeResult{std::move(m).value(), std::move(d).value()};
  });
}

Result<Actor> LocalGraph::aliasActor(const std::string& actor, const std::string& alias, bool add,
                                     const CurationBy& by) {
  return curate<Actor>(by, [&](Curator& c) -> Result<Actor> {
    auto a = actorBySpec(actor);
    if (!a) return a.status();
    return add ? c.addAlias(a->id, alias) : c.removeAlias(a->id, alias);
  });
}

Result<Actor> LocalGraph::renameActor(const std::string& actor, const std::string& name, const CurationBy& by) {
  return curate<Actor>(by, [&](Curator& c) -> Result<Actor> {
    auto a = actorBySpec(actor);
    if (!a) return a.status();
    return c.rename(a->id, name);
  });
}

Result<Actor> LocalGraph::setActor(const std::string& actor, std::optional<ActorKind> kind,
                                   std::optional<std::string> country, const CurationBy& by) {
  return curate<Actor>(by, [&](Curator& c) -> Result<Actor> {
    auto a = actorBySpec(actor);
    if (!a) return a.status();
    return c.set(a->id, kind, country);
  });
}

Result<RemoveActorSummary> LocalGraph::removeActor(const std::string& actor, bool withEdges, const CurationBy& by) {
  return curate<RemoveActorSummary>(by, [&](Curator& c) -> Result<RemoveActorSummary> {
    auto a = actorBySpec(actor);
    if (!a) return a.status();
    return c.removeActor(a->id, withEdges);
  });
}

Result<Edge> LocalGraph::removeEdge(EdgeId id, const CurationBy& by) {
  return curate<Edge>(by, [&](Curator& c) { return c.removeEdge(id); });
}

Result<UndoSummary> LocalGraph::undo(std::optional<uint64_t> seq, const CurationBy& by) {
  return curate<UndoSummary>(by, [&](Curator& c) { return c.undo(seq); });
}

Result<std::vector<storage::CurationRecord>> LocalGraph::curationLog() {
  Curator curator(engine_, {});
  auto log = curator.log();
  if (!log) return log.status();
  for (auto& r : *log) r.details = shownDetails(r.details);
  return log;
}

}  // namespace kg::core
