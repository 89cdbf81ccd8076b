#include "query/timeline.h"

#include <algorithm>
#include <string>
#include <tuple>

namespace kg::query {

namespace {

constexpr EdgeType kStanding[] = {EdgeType::kMemberOf, EdgeType::kLeaderOf, EdgeType::kPartOf,
                                  EdgeType::kOfficialOf};

}  // namespace

Result<std::vector<graph::EdgeRef>> timeline(const Snapshot& s, VertexId v, const Filter& filter) {
  if (v >= s.vertexCount()) return Status::invalidArgument("vertex " + std::to_string(v) + " is not in the graph");
  auto pred = EdgePredicate::compile(filter);
  if (!pred.isOk()) return pred.status();
  std::vector<graph::EdgeRef> out;
  forEachNeighbour(s, *pred, v, pred->direction(), [&](VertexId, const graph::EdgeRef& r) {
    out.push_back(r);
    return true;
  });
  auto key = [&](const graph::EdgeRef& r) {
    return std::make_tuple(!s.dated(r.index), s.firstDay(r.index), s.lastDay(r.index),
                           static_cast<int>(s.type(r.index)), r.index);
  };
  std::sort(out.begin(), out.end(), [&](const auto& x, const auto& y) { return key(x) < key(y); });
  // A self-loop is seen from both ends with kBoth.
  out.erase(std::unique(out.begin(), out.end(), [](const auto& x, const auto& y) { return x.index == y.index; }),
            out.end());
  return out;
}

Result<std::vector<graph::EdgeRef>> asOf(const Snapshot& s, const AsOfOptions& o) {
  if (o.actor && *o.actor >= s.vertexCount())
    return Status::invalidArgument("vertex " + std::to_string(*o.actor) + " is not in the graph");
  Filter f = o.filter;
  std::vector<EdgeType> types;
  for (EdgeType t : kStanding)
    if (f.types.empty() || std::find(f.types.begin(), f.types.end(), t) != f.types.end()) types.push_back(t);
  if (types.empty())
    return Status::invalidArgument(
        "as-of lists standing relations only; give one of MEMBER_OF, LEADER_OF, PART_OF, OFFICIAL_OF as --type");
  f.types = types;
  // The day must fall inside the edge's range; an outer window must overlap too.
  auto outer = EdgePredicate::compile(f);
  if (!outer.isOk()) return outer.status();
  Filter onDay = f;
  onDay.fromDay = o.day;
  onDay.toDay = o.day;
  auto pred = EdgePredicate::compile(onDay);
  if (!pred.isOk()) return pred.status();
  auto both = [&](const Snapshot& snap, EdgeIndex e) { return (*pred)(snap, e) && (*outer)(snap, e); };

  std::vector<graph::EdgeRef> out;
  if (o.actor) {
    forEachNeighbour(s, *pred, *o.actor, f.direction, [&](VertexId, const graph::EdgeRef& r) {
      if ((*outer)(s, r.index)) out.push_back(r);
      return true;
    });
  } else {
    Checkpoint cp(pred->cancel());  // a scan of every edge
    for (VertexId v = 0; v < s.vertexCount(); ++v) {
      if (cp.step(s.outDegree(v) + 1)) return stoppedAtDeadline();
      for (EdgeIndex e = s.outBegin(v), end = s.outEnd(v); e < end; ++e)
        if (both(s, e)) out.push_back({e, v, s.target(e)});
    }
  }
  auto key = [&](const graph::EdgeRef& r) {
    return std::make_tuple(static_cast<int>(s.type(r.index)), r.src, s.firstDay(r.index), r.index);
  };
  std::sort(out.begin(), out.end(), [&](const auto& x, const auto& y) { return key(x) < key(y); });
  out.erase(std::unique(out.begin(), out.end(), [](const auto& x, const auto& y) { return x.index == y.index; }),
            out.end());
  return out;
}

}  // namespace kg::query
