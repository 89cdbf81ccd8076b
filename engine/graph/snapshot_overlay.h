// Snapshot overlays: a snapshot brought up to date with the edges and actors
// written after it, without reading the rest of the store. This is how a
// stale snapshot file is used after a small write (graph/README.md,
// "The overlay"): the change log (GraphStore::changesSince) says which edges
// and actors the later commits wrote; those are read by id and merged in.
//
// Thread safety: free functions; safe from any thread.
#pragma once

#include <cstddef>
#include <memory>
#include <span>

#include "base/status.h"
#include "graph/snapshot.h"
#include "storage/graph_store.h"

namespace kg::graph {

// The snapshot a fresh build (Snapshot::fromStore) gives for `base`'s graph
// after `edges` were written: each edge replaces the one of the same id in
// `base` (new evidence count, confidence, dates — an edge's ends and type
// never change) or is added; every actor in `actors`, and every end of an
// edge, is a vertex. Requires that `base` was built from a store (or read
// from a file of one), so that its edges are in the store's key order, and
// that `edges` holds each id once. The result owns its arrays; `base` may be
// released. O(V + E) copying plus O(k log k) for k changes.
// Errors: InvalidArgument when an edge has actor id 0; LimitExceeded beyond
// 2^32-2 vertices or edges.
Result<std::shared_ptr<const Snapshot>> applyChanges(const Snapshot& base, std::span<const ActorId> actors,
                                                     std::span<const storage::EdgeHeader> edges);

// Where a snapshot opened from a file lies (openSnapshotFile): the open file
// and a mapping of it whose first byte is the file's first. Borrowed.
struct FileBacking {
  int fd = -1;
  const std::byte* mapped = nullptr;
  size_t bytes = 0;
};

// Pieces of untouched rows at most that overlayChanges maps from the file,
// on each side (forward rows, reverse rows). Each piece is mapped by one
// system call per array and held as about two kernel mappings each (9
// forward arrays, 1 reverse): 1024 pieces a side stay near 22,000 of the
// 65,530 mappings a process has by default (vm.max_map_count), so that kgd
// can hold two merged snapshots at once (one still read by a query). When
// the rewritten rows split the arrays into more pieces, the untouched rows
// in the smallest gaps between rewritten rows are rewritten too (copied into
// fresh memory) until the budget holds: the merge never falls back to copying
// everything because of the number of rows it rewrites, and what it copies
// grows with the rows (graph/README.md, "The overlay without copying").
inline constexpr size_t kMaxShiftedPieces = 1024;

// The graph applyChanges gives, without copying the base's arrays: the rows
// the writes touch are written anew in fresh memory, the rows that grow
// followed by whole pages of unused slots, and every other piece of every
// array is the file's own pages mapped at its new place
// (graph/shifted_array.h). Fresh memory written: the reverse CSR's edge
// indices (4 bytes an edge: renumbered), the row starts and ends (16 bytes a
// vertex) and the touched rows, instead of every array (36 bytes an edge);
// graph/README.md, "The overlay without copying".
// The result has the same vertices, the same rows holding the same edges in
// the same order, and the run index of the same rows (its typeSpan an upper
// bound: at least a fresh build's), so every query answers the same; but it
// is not contiguous() (slots lie between rows, and its edge indices are not a
// fresh build's, though in the same order), so it cannot be saved to a file.
// Requires `edges` to hold each id once. Copies instead, as applyChanges
// (and sets *copied when `copied` is not null), when `base` is not
// contiguous or its arrays do not lie inside `file`'s mapping, when `file`
// has no descriptor, when a written actor renumbers the vertices (an id
// below the highest), or when the system refuses a mapping. At most
// `maxPieces` (at least 2) pieces a side are mapped (kMaxShiftedPieces);
// `copiedSlots`, when not null, receives how many slots of untouched rows it
// copied (forward rows of the gaps closed to keep that budget; every slot
// when it copied everything); `freshBytes` about how much fresh memory the
// result holds: the row bounds and the reverse CSR's edge indices, and whole
// pages of every array for each rewritten row and each piece's partial end
// pages (the arrays' size when it copied).
// Errors: those of applyChanges.
Result<std::shared_ptr<const Snapshot>> overlayChanges(const Snapshot& base, const FileBacking& file,
                                                       std::span<const ActorId> actors,
                                                       std::span<const storage::EdgeHeader> edges,
                                                       bool* copied = nullptr, size_t maxPieces = kMaxShiftedPieces,
                                                       size_t* copiedSlots = nullptr, size_t* freshBytes = nullptr);

// The fresh memory overlayChanges(base, file, actors, edges, ...,
// maxPieces) would report in *freshBytes, from its plan alone: the rows it
// would rewrite and the pieces it would map, nothing mapped or allocated
// (base.memoryBytes() when it would copy; a mapping the system would refuse
// is not foreseen). What a writer checks to fold the file before a reader's
// merge would (graph/README.md, "When the overlay is folded"): it reads the
// touched rows and the row bounds around them, O(k log k + touched rows).
// Errors: those of overlayChanges' plan (an edge with actor id 0, too many vertices).
Result<size_t> overlayFreshBytes(const Snapshot& base, const FileBacking& file, std::span<const ActorId> actors,
                                 std::span<const storage::EdgeHeader> edges, size_t maxPieces = kMaxShiftedPieces);

}  // namespace kg::graph
