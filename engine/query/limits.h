// Documented maxima of the queries. Requests beyond them fail with
// LimitExceeded (zero or negative values with InvalidArgument) instead of
// running for minutes or returning millions of rows.
#pragma once

#include <cstddef>

namespace kg::query {

inline constexpr int kMaxDepth = 8;               // hops, for paths and neighbourhoods
inline constexpr int kMaxK = 100;                 // k-shortest paths
inline constexpr size_t kMaxPaths = 1000;         // all-shortest paths returned
inline constexpr size_t kMaxNodeLimit = 100000;   // neighbourhood nodes
inline constexpr size_t kMaxFanout = 100000;      // neighbourhood edges expanded per node
inline constexpr size_t kMaxNeighbourEdges = 1000000;  // neighbourhood edges returned
// Betweenness is exact up to this many vertices, and while one search per
// vertex stays within kExactBetweennessWork edge visits (V x E: a dense
// graph of a few thousand actors and a million edges is too much); beyond,
// it is estimated from kBetweennessSamples sampled sources (Brandes with
// uniform sampling, scaled by V/s).
inline constexpr size_t kExactBetweennessVertices = 5000;
inline constexpr double kExactBetweennessWork = 2e9;
inline constexpr size_t kBetweennessSamples = 256;
// Search states a path query may hold: the temporal search's (actor, hops,
// arrival) states and the weighted search's hop-bounded records (each about
// 32 bytes with its heap entry: 128 MiB at the cap). Both grow with depth
// times the edges reached, not with the answer; past the cap the query is
// LimitExceeded (narrow it: filters, a date window, a lower depth). Yen's
// k-shortest search needs no cap of its own: it keeps at most k x depth
// candidate paths (kMaxK x kMaxDepth = 800), and its spur searches use
// per-vertex arrays.
inline constexpr size_t kMaxSearchStates = size_t{1} << 22;

}  // namespace kg::query
