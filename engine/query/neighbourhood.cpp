#include "query/neighbourhood.h"

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

Result<Neighbourhood> neighbourhood(const Snapshot& s, VertexId start, const NeighbourhoodOptions& o) {
  if (start >= s.vertexCount()) return Status::invalidArgument("vertex " + std::to_string(start) + " is not in the graph");
  if (o.depth < 1) return Status::invalidArgument("depth must be at least 1, got " + std::to_string(o.depth));
  KG_RETURN_IF_ERROR(checkCount("depth", static_cast<size_t>(o.depth), kMaxDepth));
  KG_RETURN_IF_ERROR(checkCount("limit", o.limit, kMaxNodeLimit));
  KG_RETURN_IF_ERROR(checkCount("fan-out", o.fanout, kMaxFanout));
  KG_RETURN_IF_ERROR(checkCount("edge limit", o.maxEdges, kMaxNeighbourEdges));
  auto pred = EdgePredicate::compile(o.filter);
  if (!pred.isOk()) return pred.status();

  auto scratch = s.scratch();
  auto& position = scratch->u32[0];  // vertex -> index in result.nodes
  position.reset(s.vertexCount());

  Neighbourhood r;
  r.nodes.push_back(start);
  r.depths.push_back(0);
  position.set(start, 0);
  size_t levelBegin = 0;
  for (int d = 0; d < o.depth; ++d) {
    size_t levelEnd = r.nodes.size();
    if (levelBegin == levelEnd) break;
    for (size_t i = levelBegin; i < levelEnd; ++i) {
      size_t followed = 0;
      forEachNeighbour(s, *pred, r.nodes[i], pred->direction(), [&](VertexId n, const graph::EdgeRef&) {
        if (followed == o.fanout) {
          r.truncated = true;
          return false;
        }
        ++followed;
        if (position.has(n)) return true;
        if (r.nodes.size() == o.limit) {
          r.truncated = true;
          return true;  // keep counting edges to vertices already taken
        }
        position.set(n, static_cast<uint32_t>(r.nodes.size()));
        r.nodes.push_back(n);
        r.depths.push_back(static_cast<uint8_t>(d + 1));
        return true;
      });
    }
    levelBegin = levelEnd;
  }

  // Edges among the taken vertices: each is found once, from its source.
  for (VertexId v : r.nodes) {
    for (EdgeIndex e = s.outBegin(v), end = s.outEnd(v); e < end; ++e) {
      if (!position.has(s.target(e)) || !(*pred)(s, e)) continue;
      if (r.edges.size() == o.maxEdges) {
        r.truncated = true;
        return r;
      }
      r.edges.push_back({e, v, s.target(e)});
    }
  }
  return r;
}

}  // namespace kg::query
