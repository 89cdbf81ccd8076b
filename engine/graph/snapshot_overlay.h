// Snapshot overlays: a snapshot brought up to date with the edges and actors
// written after it, without reading the rest of the store. This is how a
// stale snapshot file is used after a small write (graph/README.md,
// "The overlay"): the change log (GraphStore::changesSince) says which edges
// and actors the later commits wrote; those are read by id and merged in.
//
// Thread safety: free functions; safe from any thread.
#pragma once

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

}  // namespace kg::graph
