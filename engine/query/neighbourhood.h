// Neighbourhood: the actors within k hops of one actor, and the edges among them.
//
// Breadth-first from `start`, following only edges the filter accepts, in the
// filter's direction. From each reached vertex (above the last level) at most
// `fanout` matching edges are followed, in stored order; at most `limit`
// vertices are taken, in breadth-first order. The edges returned are every
// matching edge whose two ends were both taken (whatever its direction), each
// once, at most `maxEdges`. `truncated` says a cap cut the result: without
// it, the result is exactly the k-hop neighbourhood.
//
// Thread safety: a pure function of a const Snapshot; call from any thread.
#pragma once

#include <cstddef>
#include <vector>

#include "base/status.h"
#include "graph/snapshot.h"
#include "query/filter.h"

namespace kg::query {


struct Neighbourhood {
  std::vector<VertexId> nodes;        // start first, then breadth-first order
  std::vector<uint8_t> depths;        // hops from start, parallel to nodes
  std::vector<graph::EdgeRef> edges;  // in order of their source's position in nodes
  bool truncated = false;
};

// InvalidArgument for a vertex outside the snapshot, depth/limit/fanout/maxEdges
// below 1 or a bad filter; LimitExceeded beyond the maxima in query/limits.h;
// DeadlineExceeded when the filter's Cancel was cancelled during the walk.
Result<Neighbourhood> neighbourhood(const Snapshot& s, VertexId start, const NeighbourhoodOptions& options);

}  // namespace kg::query
