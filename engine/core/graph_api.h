// GraphApi: the questions a program (or `kg`) asks of a graph, answered in
// model terms (Actor, Edge) rather than snapshot indices, so that the same
// caller code runs against a local database (LocalGraph) or a `kgd` server
// (Client) and prints the same thing.
//
// Every query takes the filters of query::Filter with the CLI's semantics.
// Queries name actors by ActorRef: an id answers for that actor only, even
// when another actor has the same name; a name resolves as actor() does.
// Errors are those of the underlying query (NotFound for an unknown actor
// with the closest names in the message, NotFound "no actor with id N" for
// an ActorRef id that names no actor, InvalidArgument for a bad filter,
// LimitExceeded beyond query/limits.h), plus, remotely, IOError when the
// server is unreachable, Busy when its queue is full and DeadlineExceeded
// when it stopped the query at its per-call deadline.
//
// Thread safety: as documented by each implementation.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/date.h"
#include "base/status.h"
#include "core/actor_ref.h"
#include "core/curation.h"
#include "core/ingest_summary.h"
#include "model/actor.h"
#include "model/edge.h"
#include "query/options.h"
#include "storage/graph_store.h"

namespace kg::core {

struct EdgeQuery {
  ActorRef actor;           // an id, or a name, alias or spelling; none = every edge
  query::Filter filter;     // direction applies relative to `actor`
  size_t limit = 0;         // 0 = no limit
  size_t evidence = 3;      // evidence snippets per edge
};

// True when `q` lists every stored edge: no actor, no type, CAMEO, window
// or confidence filter (a limit aside). GraphApi::countEdges then counts
// with the store's edge counter instead of listing.
inline bool selectsEveryEdge(const EdgeQuery& q) {
  const query::Filter& f = q.filter;
  return q.actor.empty() && f.types.empty() && f.cameo.empty() && !f.fromDay && !f.toDay && f.minConfidence <= 0.0f;
}

struct NeighbourQuery {
  ActorRef actor;
  query::NeighbourhoodOptions options;
  size_t evidence = 0;
  // How many of the answer's edges to read, the first in its order: a caller
  // that shows only those and counts the rest (kg's table) spares reading
  // the others from the store (or the wire). Nodes are always all read.
  size_t edgeLimit = SIZE_MAX;
};

struct NeighbourhoodView {
  std::vector<Actor> nodes;   // start first, then breadth-first order
  std::vector<int> depths;    // parallel to nodes
  std::vector<Edge> edges;    // edges among the nodes: the first min(edgeCount, q.edgeLimit)
  size_t edgeCount = 0;       // edges among the nodes, those not read included
  bool truncated = false;     // a cap cut the result
};

struct PathQuery {
  ActorRef from;
  ActorRef to;
  query::PathOptions options;  // fromName/toName are filled from the resolved actors
  size_t evidence = 1;
};

struct PathView {
  std::vector<Actor> nodes;     // nodes.size() == edges.size() + 1
  std::vector<Edge> edges;      // edges[i] joins nodes[i] and nodes[i+1] (either way round)
  double cost = 0;
  std::vector<int32_t> days;    // temporal mode: the day each edge is taken (kUndated: an undated edge)
  static constexpr int32_t kUndated = INT32_MIN;
};

struct PathsView {
  std::vector<PathView> paths;
  bool truncated = false;
};

struct TimelineQuery {
  ActorRef actor;
  query::Filter filter;
  size_t evidence = 1;
};

struct AsOfQuery {
  Date date;                 // the day: date.days() (its first day)
  ActorRef actor;            // none = relations of every actor
  query::Filter filter;
  size_t evidence = 1;
};

using RankQuery = query::RankOptions;

struct RankEntry {
  Actor actor;
  double score = 0;
};

struct RankView {
  std::vector<RankEntry> entries;  // best first
  bool approximate = false;        // betweenness from sampled sources
  size_t sources = 0;              // betweenness: sources used
};

struct ComponentsQuery {
  query::Filter filter;
  size_t top = 10;      // the largest `top` components
  size_t members = 0;   // members listed per component; 0 = all
};

struct ComponentView {
  size_t size = 0;
  std::vector<std::pair<ActorId, std::string>> members;  // (id, canonical name), vertex order
};

struct ComponentsView {
  std::vector<ComponentView> components;  // largest first
  size_t count = 0;                       // components in the whole graph
  size_t isolated = 0;                    // actors without a matching edge
};

// What `kg stats` reports beyond storage::StoreStats.
struct GraphSummary {
  Date firstDay;              // earliest known start among dated edges; unknown when none
  Date lastDay;               // latest known end (or start, for an open end)
  uint64_t undatedEdges = 0;  // edges with no known date
  std::vector<std::pair<std::string, uint64_t>> edgesByType;   // edgeTypeName order of the enum; types with edges
  std::vector<std::pair<std::string, uint64_t>> actorsByKind;  // actorKindName; kinds with actors
  uint64_t sources = 0;       // distinct `source` values of the stored documents

  friend bool operator==(const GraphSummary&, const GraphSummary&) = default;
};

// Who runs a curation command, for the log (CurationContext).
struct CurationBy {
  std::string user;  // "" = the process's user
  std::string args;  // the command line as given
};

struct MergeResult {
  MergeSummary summary;
  Actor dropped;  // as it was before the merge
};

class GraphApi {
 public:
  virtual ~GraphApi() = default;

  virtual Result<storage::StoreStats> stats() = 0;
  // Date range and counts by type, kind and source (reads the graph
  // snapshot, every actor and every document record).
  virtual Result<GraphSummary> summary() = 0;
  // Every actor a name may refer to, best first; empty when none.
  virtual Result<std::vector<Actor>> resolve(std::string_view name) = 0;
  // Exactly one actor (Engine::resolveOne semantics and messages).
  virtual Result<Actor> actor(std::string_view name) = 0;
  virtual Result<Actor> actorById(ActorId id) = 0;
  // actorById() for an id, actor() for a name; InvalidArgument when `ref`
  // is empty.
  Result<Actor> actorByRef(const ActorRef& ref) {
    if (ref.byId()) return actorById(ref.id());
    if (ref.empty()) return Status::invalidArgument("no actor given");
    return actor(ref.name());
  }
  virtual Result<std::vector<Actor>> actors(std::optional<ActorKind> kind) = 0;
  // Edges in date order (Engine::edges).
  virtual Result<std::vector<Edge>> edges(const EdgeQuery& q) = 0;
  // The edges edges(q) returns, in the same order, handed to `visit` one at
  // a time (`visit` returns false to stop) without holding the listing:
  // LocalGraph reads each edge as it is visited, Client fetches page after
  // page. Names of the edges' actors are cheap through nameOf() while
  // visiting. Errors: as edges(), reported after the edges visited before
  // the error; remotely Busy when the server's graph changed between pages
  // (a listing being written cannot start over). This default lists first.
  virtual Status forEachEdge(const EdgeQuery& q, const std::function<bool(Edge&)>& visit) {
    auto all = edges(q);
    if (!all) return all.status();
    for (Edge& e : *all)
      if (!visit(e)) break;
    return Status::ok();
  }
  // How many edges edges(q) lists without q.limit: exact; from the store's
  // edge counter when selectsEveryEdge(q), else the whole listing is
  // selected (a scan of the selected edges' headers, no evidence). Errors:
  // as edges(). This default lists them.
  virtual Result<uint64_t> countEdges(const EdgeQuery& q) {
    EdgeQuery all = q;
    all.limit = 0;
    all.evidence = 0;
    auto e = edges(all);
    if (!e) return e.status();
    return static_cast<uint64_t>(e->size());
  }
  virtual Result<NeighbourhoodView> neighbours(const NeighbourQuery& q) = 0;
  virtual Result<PathsView> paths(const PathQuery& q) = 0;
  virtual Result<std::vector<Edge>> timeline(const TimelineQuery& q) = 0;
  // The edges timeline(q) returns, handed to `visit` as forEachEdge does.
  virtual Status forEachTimelineEdge(const TimelineQuery& q, const std::function<bool(Edge&)>& visit) {
    auto all = timeline(q);
    if (!all) return all.status();
    for (Edge& e : *all)
      if (!visit(e)) break;
    return Status::ok();
  }
  virtual Result<std::vector<Edge>> asOf(const AsOfQuery& q) = 0;
  virtual Result<RankView> rank(const RankQuery& q) = 0;
  virtual Result<ComponentsView> components(const ComponentsQuery& q) = 0;
  // Ingests `docs` (see IngestSummary for the counts it fills).
  virtual Result<IngestSummary> ingest(const std::vector<IngestDocument>& docs) = 0;

  // Curation (Curator, same errors and messages). An ACTOR is read as
  // `kg` reads its argument: "12" or "#12" is an id (a bare number that is no
  // id falls back to a name), anything else a name, alias or spelling
  // (actor()). Readers see each change whole once the call returns.
  virtual Result<MergeResult> mergeActors(const std::string& keep, const std::string& drop, const CurationBy& by) = 0;
  // Adds `alias` to ACTOR, or removes it when !add.
  virtual Result<Actor> aliasActor(const std::string& actor, const std::string& alias, bool add,
                                   const CurationBy& by) = 0;
  virtual Result<Actor> renameActor(const std::string& actor, const std::string& name, const CurationBy& by) = 0;
  virtual Result<Actor> setActor(const std::string& actor, std::optional<ActorKind> kind,
                                 std::optional<std::string> country, const CurationBy& by) = 0;
  virtual Result<RemoveActorSummary> removeActor(const std::string& actor, bool withEdges, const CurationBy& by) = 0;
  virtual Result<Edge> removeEdge(EdgeId id, const CurationBy& by) = 0;
  // Undoes record `seq`, the last one when nullopt.
  virtual Result<UndoSummary> undo(std::optional<uint64_t> seq, const CurationBy& by) = 0;
  // The curation log, oldest first; each record's details are its JSON with
  // the undo image left out and "undoable" saying whether it has one.
  virtual Result<std::vector<storage::CurationRecord>> curationLog() = 0;

  // Canonical name of an actor id ("#id" when unknown). Cheap for ids that
  // appeared in an earlier result.
  virtual std::string nameOf(ActorId id) = 0;
};

}  // namespace kg::core
