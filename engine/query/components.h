// Weakly connected components of the graph of edges a filter accepts
// (direction is ignored: an edge joins its two ends either way).
//
// Thread safety: a pure function of a const Snapshot; call from any thread.
#pragma once

#include <cstddef>
#include <vector>

#include "base/status.h"
#include "graph/snapshot.h"
#include "query/filter.h"

namespace kg::query {

struct Components {
  // Largest first (ties: smallest first vertex); members in vertex order.
  // Only vertices with at least one matching edge appear.
  std::vector<std::vector<VertexId>> components;
  size_t isolated = 0;  // vertices without a matching edge
};

// InvalidArgument for a bad filter; DeadlineExceeded when the filter's Cancel
// was cancelled during the pass.
Result<Components> components(const Snapshot& s, const Filter& filter);

}  // namespace kg::query
