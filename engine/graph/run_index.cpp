#include "graph/run_index.h"

#include <algorithm>

#include "graph/snapshot.h"

namespace kg::graph {

RunIndex buildRunIndex(const SnapshotArrays& a) {
  RunIndex x;
  // Spans in 64 bits: a day pair far apart must not wrap.
  std::vector<int64_t> span(kRunTypes, 0);
  for (size_t e = 0; e < a.type.size(); ++e) {
    if (a.first[e] == kOpenStart) continue;
    int64_t& s = span[a.type[e]];
    s = a.last[e] == kOpenEnd ? int64_t{kUnboundedSpan}
                              : std::max(s, static_cast<int64_t>(a.last[e]) - static_cast<int64_t>(a.first[e]));
  }
  x.typeSpan.reserve(kRunTypes);
  for (int64_t s : span) x.typeSpan.push_back(static_cast<int32_t>(std::min<int64_t>(s, kUnboundedSpan)));

  const size_t vertices = a.actorIds.size();
  // Fills kRunTypes + 1 starts of the row [begin, end), whose edge at
  // position p has type typeAt(p).
  auto starts = [&](uint32_t begin, uint32_t end, auto typeAt) {
    uint32_t p = begin;
    for (size_t t = 0; t <= kRunTypes; ++t) {
      while (p < end && typeAt(p) < t) ++p;
      x.runStart.push_back(p);
    }
  };
  for (size_t v = 0; v < vertices; ++v) {
    const uint32_t outLen = a.outRow[v + 1] - a.outRow[v], inLen = a.inRow[v + 1] - a.inRow[v];
    if (outLen < kIndexedRowEdges && inLen < kIndexedRowEdges) continue;
    x.runVertex.push_back(static_cast<uint32_t>(v));
    starts(a.outRow[v], a.outRow[v + 1], [&](uint32_t p) { return a.type[p]; });
    starts(a.inRow[v], a.inRow[v + 1], [&](uint32_t p) { return a.type[a.inEdge[p]]; });
  }
  return x;
}

}  // namespace kg::graph
