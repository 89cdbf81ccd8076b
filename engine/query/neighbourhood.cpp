#include "query/neighbourhood.h"

#include <algorithm>
#include <cstddef>
#include <string>

#include "query/limits.h"
#include "query/run_skipper.h"

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
// only: from its source's out-scan when edges are walked out (kOut, kBoth),
// otherwise (kIn) from its target's in-scan. Edges kept by no expansion (from
// a last-level source, or both ends unexpanded) are found by one scan of the
// last level, restricted to taken vertices. Keeping every edge from its
// source's out-scan (kOut, kBoth) yields the result's order directly; only kIn
// needs a sort. When a cap
// cut the expansion, the edges are collected afterwards from every taken
// vertex instead (the caps make the walk miss edges among taken vertices).
// Every scan goes through RunSkipper (query/run_skipper.h), which uses the
// snapshot's (type, firstDay) row order and its run index to skip edges the
// filter cannot accept.
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
  // Every vertex scanned counts its expansion; a stopped walk answers
  // DeadlineExceeded, never a partial neighbourhood.
  Checkpoint cp(pred.cancel());

  auto scratch = s.scratch();
  auto& position = scratch->u32[0];  // vertex -> index in result.nodes
  position.reset(s.vertexCount());

  Neighbourhood r;
  r.nodes.push_back(start);
  r.depths.push_back(0);
  position.set(start, 0);
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

  const RunSkipper skip(pred);
  auto outEdge = [](uint32_t e) { return e; };
  auto inEdge = [&s](uint32_t p) { return s.inEdge(p); };
  std::vector<graph::EdgeRef> edges;
  size_t levelBegin = 0;
  for (uint8_t d = 0; d < k; ++d) {
    const size_t levelEnd = r.nodes.size();
    if (levelBegin == levelEnd) break;
    const auto next = static_cast<uint8_t>(d + 1);
    for (size_t i = levelBegin; i < levelEnd; ++i) {
      const VertexId u = r.nodes[i];
      if (cp.step(expansionSteps(s, u))) return stoppedAtDeadline();
      size_t followed = 0;
      bool stopped = false;
      if (walkOut) {
        skip.forEach(s, s.outBegin(u), s.outEnd(u), s.outRunStarts(u), outEdge, [&](uint32_t e, bool inRun) {
          if (!(inRun ? pred.acceptsInWindowRun(s, e) : pred(s, e))) return true;
          if (followed == o.fanout) {
            r.truncated = stopped = true;
            return false;
          }
          ++followed;
          const VertexId t = s.target(e);
          if (take(t, next) && !r.truncated) edges.push_back({e, u, t});
          return true;
        });
      }
      if (walkIn && !stopped) {
        skip.forEach(s, s.inBegin(u), s.inEnd(u), s.inRunStarts(u), inEdge, [&](uint32_t p, bool inRun) {
          const EdgeIndex e = s.inEdge(p);
          if (!(inRun ? pred.acceptsInWindowRun(s, e) : pred(s, e))) return true;
          if (followed == o.fanout) {
            r.truncated = true;
            return false;
          }
          ++followed;
          const VertexId src = s.inSource(p);
          // With kBoth every edge is kept from its source's out-scan (the
          // last level's when the source is not expanded).
          if (take(src, next) && !r.truncated && !walkOut) edges.push_back({e, src, u});
          return true;
        });
      }
    }
    levelBegin = levelEnd;
  }

  if (!r.truncated) {
    // [levelBegin, end) is the unexpanded last level (empty when the walk ran out first).
    for (size_t i = levelBegin; i < r.nodes.size(); ++i) {
      const VertexId v = r.nodes[i];
      if (cp.step(expansionSteps(s, v))) return stoppedAtDeadline();
      if (walkOut) {
        // kOut: an edge from v is walked by nobody; kBoth: the in-scans kept none.
        skip.forEach(s, s.outBegin(v), s.outEnd(v), s.outRunStarts(v), outEdge, [&](uint32_t e, bool inRun) {
          if (!(inRun ? pred.acceptsInWindowRun(s, e) : pred(s, e))) return true;
          const VertexId t = s.target(e);
          if (position.has(t)) edges.push_back({e, v, t});
          return true;
        });
      } else {
        skip.forEach(s, s.inBegin(v), s.inEnd(v), s.inRunStarts(v), inEdge, [&](uint32_t p, bool inRun) {
          const EdgeIndex e = s.inEdge(p);
          if (!(inRun ? pred.acceptsInWindowRun(s, e) : pred(s, e))) return true;
          const VertexId src = s.inSource(p);
          if (position.has(src)) edges.push_back({e, src, v});
          return true;
        });
      }
    }
  } else {
    edges.clear();
    for (VertexId v : r.nodes) {
      if (cp.step(expansionSteps(s, v))) return stoppedAtDeadline();
      skip.forEach(s, s.outBegin(v), s.outEnd(v), s.outRunStarts(v), outEdge, [&](uint32_t e, bool inRun) {
        if (!(inRun ? pred.acceptsInWindowRun(s, e) : pred(s, e)) || !position.has(s.target(e))) return true;
        edges.push_back({e, v, s.target(e)});
        return edges.size() <= o.maxEdges;
      });
      if (edges.size() > o.maxEdges) break;
    }
  }
  // The contract's order: by the source's position in nodes, then edge
  // index. When edges are walked out (kOut, kBoth) every edge was kept by its
  // source's out-scan, and the sources were scanned in position order, each
  // once, each run in index order: the edges are in that order already.
  // With kIn they were kept by their targets' in-scans: a counting sort by
  // the source's position, then each source's edges by index.
  if (!walkOut) {
    auto& bucketEnd = scratch->list[0];
    bucketEnd.assign(r.nodes.size() + 1, 0);
    for (const auto& e : edges) ++bucketEnd[position.get(e.src) + 1];
    for (size_t i = 0; i < r.nodes.size(); ++i) bucketEnd[i + 1] += bucketEnd[i];
    std::vector<graph::EdgeRef> sorted(edges.size());
    for (const auto& e : edges) sorted[bucketEnd[position.get(e.src)]++] = e;
    auto byIndex = [](const graph::EdgeRef& a, const graph::EdgeRef& b) { return a.index < b.index; };
    for (size_t i = 0, b = 0; i < r.nodes.size(); b = bucketEnd[i++]) {
      auto first = sorted.begin() + static_cast<ptrdiff_t>(b);
      auto last = sorted.begin() + static_cast<ptrdiff_t>(bucketEnd[i]);
      if (!std::is_sorted(first, last, byIndex)) std::sort(first, last, byIndex);
    }
    edges.swap(sorted);
  }
  if (edges.size() > o.maxEdges) {
    edges.resize(o.maxEdges);
    r.truncated = true;
  }
  r.edges = std::move(edges);
  return r;
}

}  // namespace kg::query
