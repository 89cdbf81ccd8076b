// Random small graphs and filters, and brute-force reference answers, for the
// query property tests. The brute force shares only EdgePredicate (tested on
// its own in filter_test.cpp) with the code under test.
#pragma once

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>
#include <map>
#include <memory>
#include <random>
#include <set>
#include <vector>

#include "graph/snapshot.h"
#include "query/filter.h"
#include "query/paths.h"
#include "storage/graph_store.h"

namespace kg::testing {

using graph::EdgeIndex;
using graph::Snapshot;
using graph::VertexId;
using query::Direction;
using query::EdgePredicate;
using query::Filter;

inline Date randomDate(std::mt19937& rng, int32_t day) {
  switch (rng() % 4) {
    case 0: return Date::fromDays(day, DatePrecision::kDay);
    case 1: {
      CivilDate c = civilFromDays(day);
      return Date::month(c.year, c.month);
    }
    case 2: return Date::week(day);
    default: return Date::fromDays(day, DatePrecision::kDay);
  }
}

// n vertices with ActorIds 100 + 7i, about n * density edges with random
// types (from a small set, so type filters bite), dates, confidences and
// evidence counts; parallel edges and self-loops included.
inline std::vector<storage::EdgeHeader> randomEdges(std::mt19937& rng, int n, double density,
                                                    std::vector<ActorId>* actors) {
  actors->clear();
  for (int i = 0; i < n; ++i) actors->push_back(100 + 7 * static_cast<ActorId>(i));
  const int m = static_cast<int>(n * density);
  std::vector<storage::EdgeHeader> out;
  for (int i = 0; i < m; ++i) {
    storage::EdgeHeader h;
    Edge& e = h.edge;
    e.id = 1000 + static_cast<EdgeId>(i);
    e.src = (*actors)[rng() % n];
    e.dst = (rng() % 25 == 0) ? e.src : (*actors)[rng() % n];
    static constexpr EdgeType kTypes[] = {EdgeType::kConsult, EdgeType::kAssault, EdgeType::kAccuse,
                                          EdgeType::kMemberOf, EdgeType::kOfficialOf};
    e.type = kTypes[rng() % 5];
    const int32_t base = 18000;  // 2019-04
    switch (rng() % 6) {
      case 0: break;  // undated
      case 1: {       // open-ended interval
        e.when.from = randomDate(rng, base + static_cast<int32_t>(rng() % 200));
        break;
      }
      case 2: {  // interval
        int32_t d = base + static_cast<int32_t>(rng() % 200);
        e.when.from = randomDate(rng, d);
        e.when.to = randomDate(rng, d + static_cast<int32_t>(rng() % 90));
        break;
      }
      default: e.when = DateRange::point(randomDate(rng, base + static_cast<int32_t>(rng() % 200)));
    }
    e.confidence = static_cast<float>(rng() % 256) / 255.0f;
    h.evidenceCount = rng() % 8;
    out.push_back(std::move(h));
  }
  return out;
}

// A multigraph shaped like the news graphs: n vertices with ActorIds
// 100 + 7i, m edges whose ends are drawn with weight (i + 1)^-1 (a few hubs
// hold most edges, so hub pairs are joined by many parallel edges), with the
// types, dates, confidences and evidence counts of randomEdges.
inline std::vector<storage::EdgeHeader> hubEdges(std::mt19937& rng, int n, int m, std::vector<ActorId>* actors) {
  std::vector<double> cdf(static_cast<size_t>(n));
  double total = 0;
  for (int i = 0; i < n; ++i) cdf[static_cast<size_t>(i)] = (total += 1.0 / (i + 1));
  std::uniform_real_distribution<double> u(0, total);
  auto draw = [&] {
    return std::min<size_t>(std::upper_bound(cdf.begin(), cdf.end(), u(rng)) - cdf.begin(), cdf.size() - 1);
  };
  auto out = randomEdges(rng, n, static_cast<double>(m) / n, actors);
  for (auto& h : out) {
    h.edge.src = (*actors)[draw()];
    h.edge.dst = (*actors)[draw()];
  }
  return out;
}

inline Filter randomFilter(std::mt19937& rng) {
  Filter f;
  if (rng() % 2) {
    static constexpr EdgeType kTypes[] = {EdgeType::kConsult, EdgeType::kAssault, EdgeType::kAccuse,
                                          EdgeType::kMemberOf, EdgeType::kOfficialOf};
    for (EdgeType t : kTypes)
      if (rng() % 3 != 0) f.types.push_back(t);
  }
  switch (rng() % 4) {
    case 0: break;
    case 1: f.fromDay = 18000 + static_cast<int32_t>(rng() % 200); break;
    case 2: f.toDay = 18000 + static_cast<int32_t>(rng() % 200); break;
    default: {
      int32_t lo = 18000 + static_cast<int32_t>(rng() % 200);
      f.fromDay = lo;
      f.toDay = lo + static_cast<int32_t>(rng() % 120);
    }
  }
  f.includeUndated = rng() % 2;
  f.direction = static_cast<Direction>(rng() % 3);
  if (rng() % 2) f.minConfidence = static_cast<float>(rng() % 60) / 100.0f;
  return f;
}

// A walkable step: from `from` to `to` over `edge`.
struct Step {
  VertexId to;
  EdgeIndex edge;
};

// Adjacency of walkable steps under `pred` (in pred's direction), by brute force.
inline std::vector<std::vector<Step>> walkable(const Snapshot& s, const EdgePredicate& pred) {
  std::vector<std::vector<Step>> adj(s.vertexCount());
  for (EdgeIndex e = 0; e < s.edgeCount(); ++e) {
    if (!pred(s, e)) continue;
    VertexId src = s.source(e), dst = s.target(e);
    if (pred.direction() != Direction::kIn) adj[src].push_back({dst, e});
    if (pred.direction() != Direction::kOut) adj[dst].push_back({src, e});
  }
  return adj;
}

inline std::vector<int> bfsDist(const std::vector<std::vector<Step>>& adj, VertexId from) {
  std::vector<int> dist(adj.size(), -1);
  std::vector<VertexId> q{from};
  dist[from] = 0;
  for (size_t i = 0; i < q.size(); ++i)
    for (const Step& st : adj[q[i]])
      if (dist[st.to] < 0) {
        dist[st.to] = dist[q[i]] + 1;
        q.push_back(st.to);
      }
  return dist;
}

// Every simple path (as edge sequences) from a to b with at most maxLen edges.
inline std::vector<std::vector<EdgeIndex>> simplePaths(const std::vector<std::vector<Step>>& adj, VertexId a,
                                                       VertexId b, int maxLen) {
  std::vector<std::vector<EdgeIndex>> out;
  std::vector<EdgeIndex> stack;
  std::vector<char> on(adj.size(), 0);
  std::function<void(VertexId)> go = [&](VertexId u) {
    if (u == b) {
      out.push_back(stack);
      return;
    }
    if (static_cast<int>(stack.size()) == maxLen) return;
    on[u] = 1;
    for (const Step& st : adj[u]) {
      if (on[st.to]) continue;
      stack.push_back(st.edge);
      go(st.to);
      stack.pop_back();
    }
    on[u] = 0;
  };
  go(a);
  return out;
}

// Checks that `p` is a loopless walk from a to b over edges `pred` accepts,
// in its direction, of at most maxLen edges. Returns "" or what is wrong.
inline std::string pathProblem(const Snapshot& s, const EdgePredicate& pred, const query::Path& p, VertexId a,
                               VertexId b, int maxLen) {
  if (p.nodes.size() != p.edges.size() + 1) return "node/edge counts disagree";
  if (p.nodes.front() != a || p.nodes.back() != b) return "wrong ends";
  if (static_cast<int>(p.edges.size()) > maxLen) return "too long";
  std::set<VertexId> seen(p.nodes.begin(), p.nodes.end());
  if (seen.size() != p.nodes.size()) return "repeats a vertex";
  for (size_t i = 0; i < p.edges.size(); ++i) {
    const auto& r = p.edges[i];
    if (s.source(r.index) != r.src || s.target(r.index) != r.dst) return "edge ref disagrees with the snapshot";
    if (!pred(s, r.index)) return "edge rejected by the filter";
    bool fwd = r.src == p.nodes[i] && r.dst == p.nodes[i + 1];
    bool bwd = r.dst == p.nodes[i] && r.src == p.nodes[i + 1];
    if (pred.direction() == Direction::kOut && !fwd) return "edge walked against --direction out";
    if (pred.direction() == Direction::kIn && !bwd) return "edge walked against --direction in";
    if (!fwd && !bwd) return "edge does not join its nodes";
  }
  return "";
}

inline std::vector<EdgeIndex> edgeSeq(const query::Path& p) {
  std::vector<EdgeIndex> out;
  for (const auto& r : p.edges) out.push_back(r.index);
  return out;
}

// Earliest arrival along a fixed edge sequence, taking each edge as early as
// possible; nullopt when the sequence cannot be walked in time order.
inline std::optional<int64_t> earliestArrival(const Snapshot& s, const std::vector<EdgeIndex>& edges) {
  int64_t t = std::numeric_limits<int32_t>::min();
  for (EdgeIndex e : edges) {
    if (!s.dated(e)) return std::nullopt;
    t = std::max<int64_t>(t, s.firstDay(e));
    if (t > s.lastDay(e)) return std::nullopt;
  }
  return t;
}

}  // namespace kg::testing
