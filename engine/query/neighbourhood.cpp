#include "query/neighbourhood.h"

#include <algorithm>
#include <string>

#include "query/limits.h"

namespace kg::query {

namespace {

Status checkCount(const char* what, size_t value, size_t max) {
  if (value < 1) return Status::invalidArgument(std::string(what) + " must be at least 1");
  if (value > max)
    return Status::limitExceeded(std::string(what) + " " + std::to_string(value) + " is beyond the maximum " +
                                 std::to_string(max));
  return Status::ok();
}

}  // namespace

// The edges are collected while expanding, so no edge is examined twice: an
// edge walked from an expanded vertex (depth < k) has both ends taken once it
// is walked (unless a cap cut the expansion). Each edge is kept from one side
// only: from its source's out-scan when walked that way, otherwise from its
// target's in-scan. Edges whose walking ends are both unexpanded (depth k) are
// found by one scan of the last level, restricted to taken targets. When a cap
// cut the expansion, the edges are collected afterwards from every taken
// vertex instead (the caps make the walk miss edges among taken vertices).
Result<Neighbourhood> neighbourhood(const Snapshot& s, VertexId start, const NeighbourhoodOptions& o) {
  if (start >= s.vertexCount()) return Status::invalidArgument("vertex " + std::to_string(start) + " is not in the graph");
  if (o.depth < 1) return Status::invalidArgument("depth must be at least 1, got " + std::to_string(o.depth));
  KG_RETURN_IF_ERROR(checkCount("depth", static_cast<size_t>(o.depth), kMaxDepth));
  KG_RETURN_IF_ERROR(checkCount("limit", o.limit, kMaxNodeLimit));
  KG_RETURN_IF_ERROR(checkCount("fan-out", o.fanout, kMaxFanout));
  KG_RETURN_IF_ERROR(checkCount("edge limit", o.maxEdges, kMaxNeighbourEdges));
  auto compiled = EdgePredicate::compile(o.filter);
  if (!compiled.isOk()) return compiled.status();
  const EdgePredicate& pred = *compiled;
  const Direction dir = pred.direction();
  const bool walkOut = dir != Direction::kIn, walkIn = dir != Direction::kOut;
  const auto k = static_cast<uint8_t>(o.depth);

  auto scratch = s.scratch();
  auto& position = scratch->u32[0];  // vertex -> index in result.nodes
  position.reset(s.vertexCount());

  Neighbourhood r;
  r.nodes.push_back(start);
  r.depths.push_back(0);
  position.set(start, 0);
  auto depthOf = [&](VertexId v) { return r.depths[position.get(v)]; };
  // Takes n (reached at depth d + 1) unless the limit is reached; true when n is taken.
  auto take = [&](VertexId n, uint8_t depth) {
    if (position.has(n)) return true;
    if (r.nodes.size() == o.limit) {
      r.truncated = true;
      return false;
    }
    position.set(n, static_cast<uint32_t>(r.nodes.size()));
    r.nodes.push_back(n);
    r.depths.push_back(depth);
    return true;
  };

  std::vector<graph::EdgeRef> edges;
  size_t levelBegin = 0;
  for (uint8_t d = 0; d < k; ++d) {
    const size_t levelEnd = r.nodes.size();
    if (levelBegin == levelEnd) break;
    const auto next = static_cast<uint8_t>(d + 1);
    for (size_t i = levelBegin; i < levelEnd; ++i) {
      const VertexId u = r.nodes[i];
      size_t followed = 0;
      bool stopped = false;
      if (walkOut) {
        for (EdgeIndex e = s.outBegin(u), end = s.outEnd(u); e < end; ++e) {
          if (!pred(s, e)) continue;
          if (followed == o.fanout) {
            r.truncated = stopped = true;
            break;
          }
          ++followed;
          const VertexId t = s.target(e);
          if (take(t, next) && !r.truncated) edges.push_back({e, u, t});
        }
      }
      if (walkIn && !stopped) {
        for (uint32_t p = s.inBegin(u), end = s.inEnd(u); p < end; ++p) {
          const EdgeIndex e = s.inEdge(p);
          if (!pred(s, e)) continue;
          if (followed == o.fanout) {
            r.truncated = true;
            break;
          }
          ++followed;
          const VertexId src = s.inSource(p);
          // With kBoth an expanded source keeps the edge from its out-scan.
          if (take(src, next) && !r.truncated && (!walkOut || depthOf(src) == k)) edges.push_back({e, src, u});
        }
      }
    }
    levelBegin = levelEnd;
  }

  if (!r.truncated) {
    // [levelBegin, end) is the unexpanded last level (empty when the walk ran out first).
    for (size_t i = levelBegin; i < r.nodes.size(); ++i) {
      const VertexId v = r.nodes[i];
      if (walkOut) {
        // kOut: an edge from v is walked by nobody; kBoth: only when its target is unexpanded too.
        for (EdgeIndex e = s.outBegin(v), end = s.outEnd(v); e < end; ++e) {
          if (!pred(s, e)) continue;
          const VertexId t = s.target(e);
          if (position.has(t) && (!walkIn || depthOf(t) == k)) edges.push_back({e, v, t});
        }
      } else {
        for (uint32_t p = s.inBegin(v), end = s.inEnd(v); p < end; ++p) {
          const EdgeIndex e = s.inEdge(p);
          if (!pred(s, e)) continue;
          const VertexId src = s.inSource(p);
          if (position.has(src)) edges.push_back({e, src, v});
        }
      }
    }
  } else {
    edges.clear();
    for (VertexId v : r.nodes) {
      for (EdgeIndex e = s.outBegin(v), end = s.outEnd(v); e < end; ++e) {
        if (!position.has(s.target(e)) || !pred(s, e)) continue;
        edges.push_back({e, v, s.target(e)});
        if (edges.size() > o.maxEdges) break;
      }
      if (edges.size() > o.maxEdges) break;
    }
  }
  // The contract's order: by the source's position in nodes, then edge index.
  std::sort(edges.begin(), edges.end(), [&](const graph::EdgeRef& a, const graph::EdgeRef& b) {
    const uint32_t pa = position.get(a.src), pb = position.get(b.src);
    return pa != pb ? pa < pb : a.index < b.index;
  });
  if (edges.size() > o.maxEdges) {
    edges.resize(o.maxEdges);
    r.truncated = true;
  }
  r.edges = std::move(edges);
  return r;
}

}  // namespace kg::query
