#include "query/ranking.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <random>
#include <string>

#include "query/limits.h"

namespace kg::query {

namespace {

// Each measure counts a vertex's expansion (expansionSteps) at `cp` and
// returns {} when it says to stop; the caller reports the stop.
std::vector<double> degrees(const Snapshot& s, const EdgePredicate& pred, Checkpoint& cp) {
  std::vector<double> out(s.vertexCount(), 0.0);
  for (VertexId v = 0; v < s.vertexCount(); ++v) {
    if (cp.step(expansionSteps(s, v))) return {};
    forEachNeighbour(s, pred, v, pred.direction(), [&](VertexId, const graph::EdgeRef&) {
      out[v] += 1;
      return true;
    });
  }
  return out;
}

std::vector<double> pageRank(const Snapshot& s, const EdgePredicate& pred, const std::vector<double>& outDeg,
                             Checkpoint& cp, const RankProgress& progress) {
  if (outDeg.size() != s.vertexCount()) return {};  // degrees() was stopped
  const size_t n = s.vertexCount();
  constexpr double kDamping = 0.85;
  std::vector<double> pr(n, 1.0 / static_cast<double>(n)), next(n);
  for (int iter = 0; iter < 100; ++iter) {
    double dangling = 0;
    for (VertexId v = 0; v < n; ++v)
      if (outDeg[v] == 0) dangling += pr[v];
    std::fill(next.begin(), next.end(), (1.0 - kDamping + kDamping * dangling) / static_cast<double>(n));
    for (VertexId v = 0; v < n; ++v) {
      if (cp.step(expansionSteps(s, v))) return {};
      if (outDeg[v] == 0) continue;
      const double share = kDamping * pr[v] / outDeg[v];
      forEachNeighbour(s, pred, v, pred.direction(), [&](VertexId w, const graph::EdgeRef&) {
        next[w] += share;
        return true;
      });
    }
    double change = 0;
    for (size_t i = 0; i < n; ++i) change += std::abs(next[i] - pr[i]);
    pr.swap(next);
    if (progress) progress(static_cast<uint64_t>(iter) + 1, 100);
    if (change < 1e-10) break;
  }
  return pr;
}

std::vector<double> betweenness(const Snapshot& s, const EdgePredicate& pred, bool* approximate, size_t* used,
                                Checkpoint& cp, const RankProgress& progress) {
  const size_t n = s.vertexCount();
  std::vector<double> bc(n, 0.0), sigma(n, 0.0), delta(n, 0.0);
  std::vector<int32_t> dist(n, -1);
  std::vector<VertexId> order;
  order.reserve(n);
  auto lease = s.scratch();
  auto& lastFrom = lease->u32[0];  // dedupes parallel edges: neighbour -> vertex expanding it
  std::vector<VertexId> sources(n);
  std::iota(sources.begin(), sources.end(), 0);
  const double work = static_cast<double>(n) * static_cast<double>(s.edgeCount());
  bool sampled = n > kExactBetweennessVertices || (work > kExactBetweennessWork && n > kBetweennessSamples);
  if (sampled) {
    std::mt19937_64 rng(0x5eed);
    std::shuffle(sources.begin(), sources.end(), rng);
    sources.resize(kBetweennessSamples);
  }
  const Direction fwd = pred.direction();
  const Direction back = reverse(fwd);
  uint64_t done = 0;
  for (VertexId src : sources) {
    if (progress) progress(done++, sources.size());
    order.clear();
    dist[src] = 0;
    sigma[src] = 1;
    order.push_back(src);
    for (size_t head = 0; head < order.size(); ++head) {
      const VertexId v = order[head];
      if (cp.step(expansionSteps(s, v))) return {};
      lastFrom.reset(n);
      forEachNeighbour(s, pred, v, fwd, [&](VertexId w, const graph::EdgeRef&) {
        if (w == v || lastFrom.has(w)) return true;
        lastFrom.set(w, 0);
        if (dist[w] < 0) {
          dist[w] = dist[v] + 1;
          order.push_back(w);
        }
        if (dist[w] == dist[v] + 1) sigma[w] += sigma[v];
        return true;
      });
    }
    for (size_t i = order.size(); i-- > 0;) {
      const VertexId w = order[i];
      if (cp.step(expansionSteps(s, w))) return {};
      lastFrom.reset(n);
      forEachNeighbour(s, pred, w, back, [&](VertexId v, const graph::EdgeRef&) {
        if (v == w || lastFrom.has(v)) return true;
        lastFrom.set(v, 0);
        if (dist[v] >= 0 && dist[v] == dist[w] - 1) delta[v] += sigma[v] / sigma[w] * (1.0 + delta[w]);
        return true;
      });
      if (w != src) bc[w] += delta[w];
    }
    for (VertexId v : order) {
      dist[v] = -1;
      sigma[v] = 0;
      delta[v] = 0;
    }
  }
  if (progress) progress(done, sources.size());
  double scale = sampled ? static_cast<double>(n) / static_cast<double>(sources.size()) : 1.0;
  if (fwd == Direction::kBoth) scale /= 2;  // each unordered pair was counted from both ends
  for (double& x : bc) x *= scale;
  if (approximate) *approximate = sampled;
  if (used) *used = sources.size();
  return bc;
}

}  // namespace

const char* rankMeasureName(RankMeasure m) {
  switch (m) {
    case RankMeasure::kDegree: return "degree";
    case RankMeasure::kPageRank: return "pagerank";
    case RankMeasure::kBetweenness: return "betweenness";
  }
  return "degree";
}

Result<RankMeasure> parseRankMeasure(std::string_view text) {
  for (RankMeasure m : {RankMeasure::kDegree, RankMeasure::kPageRank, RankMeasure::kBetweenness})
    if (text == rankMeasureName(m)) return m;
  return Status::invalidArgument("unknown ranking '" + std::string(text) + "'; use degree, pagerank or betweenness");
}

Result<std::vector<double>> scores(const Snapshot& s, RankMeasure measure, const Filter& filter, bool* approximate,
                                   size_t* sources, const RankProgress& progress) {
  auto pred = EdgePredicate::compile(filter);
  if (!pred.isOk()) return pred.status();
  if (approximate) *approximate = false;
  if (sources) *sources = 0;
  if (s.vertexCount() == 0) return std::vector<double>{};
  Checkpoint cp(pred->cancel());
  std::vector<double> out;
  switch (measure) {
    case RankMeasure::kDegree: out = degrees(s, *pred, cp); break;
    case RankMeasure::kPageRank: out = pageRank(s, *pred, degrees(s, *pred, cp), cp, progress); break;
    case RankMeasure::kBetweenness: out = betweenness(s, *pred, approximate, sources, cp, progress); break;
  }
  if (cp.stopped()) return stoppedAtDeadline();
  if (out.size() != s.vertexCount()) return Status::internal("rank: unhandled measure");
  return out;
}

Result<Ranking> rank(const Snapshot& s, const RankOptions& o) {
  if (o.top < 1) return Status::invalidArgument("top must be at least 1");
  if (o.top > kMaxNodeLimit)
    return Status::limitExceeded("top " + std::to_string(o.top) + " is beyond the maximum " +
                                 std::to_string(kMaxNodeLimit));
  Ranking r;
  auto all = scores(s, o.measure, o.filter, &r.approximate, &r.sources, o.progress);
  if (!all.isOk()) return all.status();
  // Ranked: vertices with a matching edge in either direction.
  Filter anyWay = o.filter;
  anyWay.direction = Direction::kBoth;
  auto pred = EdgePredicate::compile(anyWay);
  if (!pred.isOk()) return pred.status();
  std::vector<Ranked> ranked;
  for (VertexId v = 0; v < s.vertexCount(); ++v) {
    bool any = !forEachNeighbour(s, *pred, v, Direction::kBoth, [](VertexId, const graph::EdgeRef&) { return false; });
    if (any) ranked.push_back({v, (*all)[v]});
  }
  auto better = [](const Ranked& x, const Ranked& y) {
    return x.score != y.score ? x.score > y.score : x.vertex < y.vertex;
  };
  size_t k = std::min(o.top, ranked.size());
  std::partial_sort(ranked.begin(), ranked.begin() + static_cast<long>(k), ranked.end(), better);
  ranked.resize(k);
  r.top = std::move(ranked);
  return r;
}

}  // namespace kg::query
