// Paths between two actors over a Snapshot, in five modes. Every mode walks
// only edges the filter accepts, in the filter's direction (kOut: src -> dst
// from A towards B; kIn: the reverse; kBoth: either way), and only paths of at
// most maxDepth edges. Paths are loopless; a path is a sequence of edges, so
// parallel edges make distinct paths.
//
//  kShortest     one path with the fewest edges (bidirectional BFS).
//  kAllShortest  every path with the fewest edges, at most maxPaths of them
//                (truncated when there are more), in lexicographic edge order.
//  kKShortest    the k loopless paths with the fewest edges (Yen), shortest
//                first (fewer when there are fewer); among paths of equal
//                length the choice is deterministic but unspecified.
//  kWeighted     the path of least total cost (bidirectional Dijkstra), where
//                an edge costs edgeCost() below; exact under the depth limit (a
//                hop-bounded Bellman-Ford runs when the unbounded optimum is
//                too long).
//  kTemporal     a time-respecting path: each edge is taken on a day within
//                its date range, never earlier than the day the previous edge
//                was taken. Returns one arriving earliest at B within the
//                depth (label setting over (actor, hops) states). Edges
//                without any date are never used; an unknown end of a range
//                is open.
//
// Thread safety: pure functions of a const Snapshot; call from any thread.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "base/status.h"
#include "graph/snapshot.h"
#include "query/filter.h"
#include "query/limits.h"

namespace kg::query {


struct Path {
  std::vector<VertexId> nodes;        // from A to B; nodes.size() == edges.size() + 1
  std::vector<graph::EdgeRef> edges;  // edges[i] joins nodes[i] and nodes[i+1] (either way round)
  double cost = 0;                    // kWeighted: total cost; otherwise the number of edges
  std::vector<int32_t> days;          // kTemporal: the day each edge is taken
};

struct PathResult {
  std::vector<Path> paths;
  bool truncated = false;  // kAllShortest: more paths than maxPaths
};

// 1 / (confidence * (1 + ln(1 + evidenceCount))): confident, often-reported
// edges are cheap. +infinity for confidence 0 (such edges are never used).
double edgeCost(const Snapshot& s, EdgeIndex e);

// Errors: InvalidArgument when a == b, a vertex is outside the snapshot,
// maxDepth/k/maxPaths below 1, or the filter is bad; LimitExceeded beyond the
// maxima of query/limits.h, or when a temporal or weighted search needs more
// than maxSearchStates states; NotFound "no path between A and B within depth N
// (with the given filters)" when there is none; DeadlineExceeded when the
// filter's Cancel was cancelled during the search (no partial answer).
Result<PathResult> findPaths(const Snapshot& s, VertexId a, VertexId b, const PathOptions& options);

}  // namespace kg::query
