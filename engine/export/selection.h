// Which part of the graph `kg export` writes, and the scan that streams it
// from the store: the whole graph, or the edges a query filter accepts
// (types, CAMEO code prefixes, date window, minimum confidence) — optionally
// only among the actors within `depth` hops of a root actor — with their end
// actors; at most `limit` edges; parallel edges of one type between one pair
// merged into one weighted edge with `collapse`.
//
// Memory: the scan holds the set of selected actor ids (O(actors)) and, with
// `collapse`, one source's edges of one type; never the edges themselves.
// The store is read in key order (by source, type, date), so output is
// deterministic. Not thread-safe; reads a GraphStore that may be shared.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "model/actor.h"
#include "model/edge.h"
#include "query/options.h"
#include "storage/graph_store.h"

namespace kg::exports {

struct Selection {
  query::Filter filter;                    // types, window, undated, direction (with root), min confidence
  std::vector<std::string> cameoPrefixes;  // edge CAMEO code starts with one of these; empty = any
  std::optional<ActorId> root;             // only the neighbourhood of this actor
  int depth = 1;                           // hops from root (with root)
  uint64_t limit = UINT64_MAX;             // at most this many edges (after collapsing)
  bool collapse = false;

  // True when it selects everything: every actor, isolated ones included.
  bool wholeGraph() const;
};

// One edge as written. With collapse, `weight` edges of (src, type, dst)
// merged: edge.id 0, dates the earliest start and latest end, confidence the
// highest, sources and evidenceCount summed, mode/CAMEO/title kept only when
// all agree; otherwise weight 1.
struct ExportEdge {
  Edge edge;  // evidence filled only when the writer asks for it
  uint32_t evidenceCount = 0;
  uint32_t weight = 1;
};

class SelectionScan {
 public:
  // Finds the selected actors (and the root's neighbourhood): one pass over
  // the matching edges. InvalidArgument for a bad window or confidence;
  // NotFound when the root actor does not exist; storage errors.
  static Result<SelectionScan> prepare(const storage::GraphStore& store, const Selection& sel);

  // True when more edges matched than `limit`: the output is cut.
  bool truncated() const { return truncated_; }
  // Edges the scan will emit (known after prepare unless wholeGraph()).
  std::optional<uint64_t> edgeCount() const { return edgeCount_; }

  // Every selected actor in id order. Call it before forEachEdge.
  Status forEachActor(const std::function<Status(const Actor&)>& fn);
  // Every selected edge (at most limit), in store order, whose two ends
  // forEachActor gave: an edge another process wrote while the export ran,
  // to an actor not written, is left out (counted in skippedEdges()), so the
  // output never names an actor it does not define.
  Status forEachEdge(const std::function<Status(ExportEdge&)>& fn);
  uint64_t skippedEdges() const { return skipped_; }

 private:
  SelectionScan(const storage::GraphStore& store, Selection sel) : store_(&store), sel_(std::move(sel)) {}
  bool matches(const Edge& e) const;
  // Emits matching (and, with collapse, merged) edges until fn fails or
  // `stopAfter` were emitted.
  Status scan(uint64_t stopAfter, const std::function<Status(ExportEdge&)>& fn) const;
  Status neighbourhood();

  const storage::GraphStore* store_;
  Selection sel_;
  bool truncated_ = false;
  std::optional<uint64_t> edgeCount_;
  std::vector<ActorId> region_;  // with root: the actors within depth hops, sorted
  std::vector<ActorId> actors_;  // unless wholeGraph(): the selected actors, sorted
  std::vector<ActorId> written_; // the actors forEachActor gave, sorted
  uint64_t skipped_ = 0;
};

}  // namespace kg::exports
