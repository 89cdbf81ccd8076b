#include <catch2/catch.hpp>
#include <functional>
#include <numeric>

#include "query/limits.h"
#include "query/paths.h"
#include "query/ranking.h"
#include "random_graph.h"

using namespace kg;
using namespace kg::query;
using namespace kg::testing;

namespace {

std::shared_ptr<const Snapshot> randomSnapshot(std::mt19937& rng, int* nOut) {
  int n = 5 + static_cast<int>(rng() % 26);
  *nOut = n;
  std::vector<ActorId> actors;
  return *Snapshot::fromEdges(actors, randomEdges(rng, n, 1.0 + (rng() % 20) / 10.0, &actors));
}

// Betweenness by definition: sum over ordered pairs (s, t) of the share of
// shortest s-t paths through v, on the simple graph of walkable steps.
std::vector<double> bruteBetweenness(const Snapshot& s, const EdgePredicate& pred) {
  const size_t n = s.vertexCount();
  auto adj = walkable(s, pred);
  std::vector<std::set<VertexId>> simple(n);
  for (VertexId v = 0; v < n; ++v)
    for (const Step& st : adj[v])
      if (st.to != v) simple[v].insert(st.to);
  std::vector<std::vector<int>> dist(n, std::vector<int>(n, -1));
  std::vector<std::vector<double>> sigma(n, std::vector<double>(n, 0));
  for (VertexId src = 0; src < n; ++src) {
    std::vector<VertexId> q{src};
    dist[src][src] = 0;
    sigma[src][src] = 1;
    for (size_t i = 0; i < q.size(); ++i)
      for (VertexId w : simple[q[i]]) {
        if (dist[src][w] < 0) {
          dist[src][w] = dist[src][q[i]] + 1;
          q.push_back(w);
        }
        if (dist[src][w] == dist[src][q[i]] + 1) sigma[src][w] += sigma[src][q[i]];
      }
  }
  std::vector<double> bc(n, 0);
  for (VertexId a = 0; a < n; ++a)
    for (VertexId b = 0; b < n; ++b) {
      if (a == b || dist[a][b] < 0) continue;
      for (VertexId v = 0; v < n; ++v)
        if (v != a && v != b && dist[a][v] >= 0 && dist[v][b] >= 0 && dist[a][v] + dist[v][b] == dist[a][b])
          bc[v] += sigma[a][v] * sigma[v][b] / sigma[a][b];
    }
  if (pred.direction() == Direction::kBoth)
    for (double& x : bc) x /= 2;
  return bc;
}

}  // namespace

TEST_CASE("Ranking: degree counts walkable matching edges", "[query][ranking]") {
  for (int i = 0; i < 50; ++i) {
    std::mt19937 rng(static_cast<uint32_t>(i + 300));
    int n = 0;
    auto snap = randomSnapshot(rng, &n);
    Filter f = randomFilter(rng);
    auto adj = walkable(*snap, *EdgePredicate::compile(f));
    auto deg = scores(*snap, RankMeasure::kDegree, f);
    REQUIRE(deg.isOk());
    for (VertexId v = 0; v < snap->vertexCount(); ++v) CHECK((*deg)[v] == static_cast<double>(adj[v].size()));
  }
}

TEST_CASE("Ranking: betweenness equals the definition computed by brute force", "[query][ranking]") {
  for (int i = 0; i < 100; ++i) {
    std::mt19937 rng(static_cast<uint32_t>(i + 900));
    int n = 0;
    auto snap = randomSnapshot(rng, &n);
    Filter f = (i % 4 == 0) ? Filter{} : randomFilter(rng);
    auto expected = bruteBetweenness(*snap, *EdgePredicate::compile(f));
    bool approximate = true;
    auto got = scores(*snap, RankMeasure::kBetweenness, f, &approximate);
    REQUIRE(got.isOk());
    CHECK_FALSE(approximate);
    INFO("graph " << i);
    for (VertexId v = 0; v < snap->vertexCount(); ++v) CHECK((*got)[v] == Approx(expected[v]).margin(1e-9));
  }
}

TEST_CASE("Ranking: betweenness on a dense graph past kExactBetweennessWork is sampled and says so",
          "[query][ranking]") {
  // 5,000 vertices (not above kExactBetweennessVertices) and 405,000 edges:
  // V x E = 2.025e9 edge visits for the exact answer, past
  // kExactBetweennessWork; sampled, 256 searches of 405,000 edges. 1,000
  // vertices and 15,000 edges stay exact.
  static_assert(5000 <= kExactBetweennessVertices);
  auto dense = [](ActorId vertices, size_t edgesPerVertex) {
    std::vector<ActorId> actors(vertices);
    std::iota(actors.begin(), actors.end(), ActorId{1});
    std::mt19937 rng(77);
    auto built = Snapshot::fromScan(actors, [&](const std::function<storage::Scan(const storage::EdgeHeader&)>& fn) {
      storage::EdgeHeader h;
      h.edge.confidence = 0.5f;
      for (size_t i = 0; i < vertices * edgesPerVertex; ++i) {
        h.edge.id = i + 1;
        h.edge.src = 1 + rng() % vertices;
        do h.edge.dst = 1 + rng() % vertices;
        while (h.edge.dst == h.edge.src);
        if (fn(h) == storage::Scan::kStop) break;
      }
      return Status::ok();
    });
    REQUIRE(built.isOk());
    return std::move(built).value();
  };
  auto big = dense(5000, 81);
  REQUIRE(static_cast<double>(big->vertexCount()) * static_cast<double>(big->edgeCount()) > kExactBetweennessWork);
  RankOptions ro;
  ro.measure = RankMeasure::kBetweenness;
  auto ranked = rank(*big, ro);
  REQUIRE(ranked.isOk());
  CHECK(ranked->approximate);
  CHECK(ranked->sources == kBetweennessSamples);

  auto small = dense(1000, 15);
  REQUIRE(static_cast<double>(small->vertexCount()) * static_cast<double>(small->edgeCount()) <= kExactBetweennessWork);
  bool approximate = true;
  size_t sources = 0;
  auto got = scores(*small, RankMeasure::kBetweenness, Filter{}, &approximate, &sources);
  REQUIRE(got.isOk());
  CHECK_FALSE(approximate);
  CHECK(sources == 1000);
}

TEST_CASE("Ranking: PageRank sums to 1 and is a fixed point of the damped walk", "[query][ranking]") {
  for (int i = 0; i < 50; ++i) {
    std::mt19937 rng(static_cast<uint32_t>(i + 1300));
    int n = 0;
    auto snap = randomSnapshot(rng, &n);
    Filter f = randomFilter(rng);
    auto adj = walkable(*snap, *EdgePredicate::compile(f));
    auto pr = *scores(*snap, RankMeasure::kPageRank, f);
    double sum = 0;
    for (double x : pr) sum += x;
    CHECK(sum == Approx(1.0).epsilon(1e-9));
    // One more step of the walk, computed independently, changes nothing.
    double dangling = 0;
    for (VertexId v = 0; v < adj.size(); ++v)
      if (adj[v].empty()) dangling += pr[v];
    std::vector<double> next(adj.size(), (0.15 + 0.85 * dangling) / static_cast<double>(adj.size()));
    for (VertexId v = 0; v < adj.size(); ++v)
      for (const Step& st : adj[v]) next[st.to] += 0.85 * pr[v] / static_cast<double>(adj[v].size());
    for (VertexId v = 0; v < adj.size(); ++v) CHECK(next[v] == Approx(pr[v]).margin(1e-9));
  }
}

TEST_CASE("Ranking: top lists the best first and skips actors without matching edges", "[query][ranking]") {
  std::vector<storage::EdgeHeader> edges(3);
  edges[0].edge = Edge{1, 1, 2, EdgeType::kConsult, "", "", "", {}, 0.9f, {}};
  edges[1].edge = Edge{2, 1, 3, EdgeType::kConsult, "", "", "", {}, 0.9f, {}};
  edges[2].edge = Edge{3, 4, 5, EdgeType::kAssault, "", "", "", {}, 0.9f, {}};
  auto snap = *Snapshot::fromEdges({1, 2, 3, 4, 5, 6}, edges);
  RankOptions o;
  o.filter.types = {EdgeType::kConsult};
  auto r = rank(*snap, o);
  REQUIRE(r.isOk());
  REQUIRE(r->top.size() == 3);
  CHECK(snap->actorId(r->top[0].vertex) == 1);
  CHECK(r->top[0].score == 2);
  o.top = 0;
  CHECK(rank(*snap, o).status().code() == StatusCode::kInvalidArgument);
  CHECK(parseRankMeasure("fame").status().code() == StatusCode::kInvalidArgument);
}


TEST_CASE("Ranking and paths stop at a Cancel whose deadline has passed with DeadlineExceeded, never a partial "
          "answer",
          "[query][deadline]") {
  std::mt19937 rng(7);
  std::vector<ActorId> actors;
  auto snap = *Snapshot::fromEdges(actors, randomEdges(rng, 40, 3.0, &actors));
  const Snapshot& s = *snap;
  Filter past;
  past.cancel = std::make_shared<Cancel>(Cancel::Clock::now() - std::chrono::seconds(1));
  for (RankMeasure m : {RankMeasure::kPageRank, RankMeasure::kBetweenness}) {
    RankOptions o;
    o.measure = m;
    o.filter = past;
    auto r = rank(s, o);
    REQUIRE_FALSE(r.isOk());
    CHECK(r.status().code() == StatusCode::kDeadlineExceeded);
    o.filter = Filter{};  // no stop: it runs
    CHECK(rank(s, o).isOk());
  }
  // Weighted and k-shortest searches that were cut say so instead of "no
  // path"; on a graph large enough that the searches reach a poll of their
  // Cancel, some must be cut.
  auto big = *Snapshot::fromEdges(actors, randomEdges(rng, 4000, 3.0, &actors));
  for (PathMode mode : {PathMode::kWeighted, PathMode::kKShortest}) {
    PathOptions po;
    po.mode = mode;
    po.filter = past;
    po.k = 5;
    po.maxDepth = kMaxDepth;
    size_t cut = 0;
    for (VertexId b = 1; b < 60; ++b) {
      auto r = findPaths(*big, 0, b, po);
      if (r.isOk()) continue;  // found before its first poll
      CHECK(r.status().code() == StatusCode::kDeadlineExceeded);
      cut += r.status().code() == StatusCode::kDeadlineExceeded;
    }
    INFO("mode " << pathModeName(mode));
    CHECK(cut > 0);
  }
}
