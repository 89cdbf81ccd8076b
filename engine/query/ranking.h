// Rankings of actors over the edges a filter accepts (e.g. within a date
// window): degree, PageRank and betweenness.
//
//  kDegree       matching edges walkable from the actor in the filter's
//                direction (kOut: out-degree; kBoth: in + out).
//  kPageRank     damping 0.85, mass flowing along walkable edges (parallel
//                edges add weight), dangling mass spread evenly; at most 100
//                iterations or until the L1 change is below 1e-10. Scores sum to 1.
//  kBetweenness  Brandes, unnormalised, on the simple graph of walkable
//                edges (parallel edges and self-loops count once; kBoth is
//                undirected, so each pair counts once). Exact up to
//                kExactBetweennessVertices vertices and kExactBetweennessWork
//                (vertices x edges); beyond, estimated from
//                kBetweennessSamples sources drawn with a fixed seed, scaled
//                by V / samples (Ranking::approximate is then true).
//
// Only actors with at least one matching edge are ranked. Ties are broken by
// vertex (i.e. ActorId) order.
// Thread safety: pure functions of a const Snapshot; call from any thread.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <vector>

#include "base/status.h"
#include "graph/snapshot.h"
#include "query/filter.h"

namespace kg::query {


struct Ranked {
  VertexId vertex = 0;
  double score = 0;
};

struct Ranking {
  std::vector<Ranked> top;   // best first
  bool approximate = false;  // betweenness from sampled sources
  size_t sources = 0;        // betweenness: sources used
};

// InvalidArgument for top 0 or a bad filter; LimitExceeded beyond kMaxNodeLimit;
// DeadlineExceeded when the filter's Cancel was cancelled during the ranking.
Result<Ranking> rank(const Snapshot& s, const RankOptions& options);

// Scores of every vertex (0 for unranked ones); for tests and exports.
Result<std::vector<double>> scores(const Snapshot& s, RankMeasure measure, const Filter& filter,
                                   bool* approximate = nullptr, size_t* sources = nullptr,
                                   const RankProgress& progress = {});

}  // namespace kg::query
