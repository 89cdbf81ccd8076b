// Timeline of one actor, and the as-of view of standing relations.
//
// Thread safety: pure functions of a const Snapshot; call from any thread.
#pragma once

#include <optional>
#include <vector>

#include "base/status.h"
#include "graph/snapshot.h"
#include "query/filter.h"

namespace kg::query {

// Edges of `v` the filter accepts, walked in the filter's direction from v
// (kOut: edges v is the source of), each once, in date order: by first day
// (an unknown start first among dated edges), then last day, type and edge
// index; edges with no date at all come last.
// InvalidArgument for a vertex outside the snapshot or a bad filter.
Result<std::vector<graph::EdgeRef>> timeline(const Snapshot& s, VertexId v, const Filter& filter);

struct AsOfOptions {
  int32_t day = 0;                  // days since 1970
  std::optional<VertexId> actor;    // only relations touching this actor (filter.direction applies)
  Filter filter;                    // types (standing ones only), confidence, includeUndated
};

// Standing relations (MEMBER_OF, LEADER_OF, PART_OF, OFFICIAL_OF) that hold on
// `day`: their date range contains it, an unknown end counting as open. Edges
// with no date at all only with filter.includeUndated. A window in the
// filter, if any, must also overlap. Ordered by type, source, first day.
// InvalidArgument when filter.types names no standing type, or a bad filter;
// DeadlineExceeded when the filter's Cancel was cancelled during a scan of
// every actor.
Result<std::vector<graph::EdgeRef>> asOf(const Snapshot& s, const AsOfOptions& options);

}  // namespace kg::query
