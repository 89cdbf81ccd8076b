// The run index: small arrays derived from a snapshot's edges that let a
// filtered scan of a vertex's edges go straight to the part a type and date
// filter can accept (engine/graph/README.md, "The run index").
//
// A row (a vertex's out-edges, or its in-edges) is ordered by (type, first
// day). So the edges of type t that can overlap a window [lo, hi] lie
// between two positions of t's run: first day >= lo - typeSpan[t] and first
// day <= hi, where typeSpan[t] bounds (last day - first day) over the edges
// of type t with a known first day (edges with an unknown first day come
// first in the run, and are scanned whole). For a point event (span 0) that
// is exactly the edges in the window. And for rows of at least
// kIndexedRowEdges edges, the index holds where each type's run starts, so
// no search is needed to find it.
//
// Plain values; what a snapshot stores (SnapshotArrays::typeSpan, runVertex,
// runStart) and a snapshot file holds (engine/storage/FORMAT.md).
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "model/edge.h"

namespace kg::graph {

struct SnapshotArrays;

// Rows at least this long get their type-run starts stored: a vertex is
// indexed when its out-row or its in-row is. Worst case (every indexed row
// just this long) the index costs 2 * 188 / 256 < 1.5 bytes per edge.
inline constexpr uint32_t kIndexedRowEdges = 256;
// Types the index knows (every EdgeType).
inline constexpr size_t kRunTypes = kEdgeTypeCount;
// runStart entries per indexed vertex: its out-row's kRunTypes + 1 type-run
// starts (the last one: where the types past the known ones start, i.e. the
// row's end), then its in-row's.
inline constexpr size_t kRunStartsPerVertex = 2 * (kRunTypes + 1);
// typeSpan's value for a type with an edge whose first day is known and whose
// last is not: no bound.
inline constexpr int32_t kUnboundedSpan = INT32_MAX;

struct RunIndex {
  // kRunTypes entries: max(0, last - first) over the edges of each type with
  // a known first day; kUnboundedSpan when one of them has an unknown last day.
  std::vector<int32_t> typeSpan;
  // The indexed vertices, increasing.
  std::vector<uint32_t> runVertex;
  // kRunStartsPerVertex entries per indexed vertex, in runVertex's order:
  // entry t of its out part is the first out-edge index of its row whose type
  // is >= t (so type t's run is [entry t, entry t + 1)); its in part likewise
  // in reverse-CSR positions.
  std::vector<uint32_t> runStart;
};

// The index of the base arrays of `a` (actorIds, the rows, type, first,
// last, inEdge; the index spans of `a` are not read). Requires arrays a
// snapshot accepts (Snapshot::view's size checks) with every type below
// kRunTypes. O(V + E).
RunIndex buildRunIndex(const SnapshotArrays& a);

}  // namespace kg::graph
