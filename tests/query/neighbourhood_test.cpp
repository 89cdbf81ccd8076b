#include <catch2/catch.hpp>

#include "query/limits.h"
#include "query/neighbourhood.h"
#include "random_graph.h"

using namespace kg;
using namespace kg::query;
using namespace kg::testing;

namespace {

struct Expected {
  std::map<VertexId, int> depth;
  std::set<EdgeIndex> edges;
};

Expected bruteForce(const Snapshot& s, const EdgePredicate& pred, VertexId start, int k) {
  Expected x;
  auto dist = bfsDist(walkable(s, pred), start);
  for (VertexId v = 0; v < s.vertexCount(); ++v)
    if (dist[v] >= 0 && dist[v] <= k) x.depth[v] = dist[v];
  for (EdgeIndex e = 0; e < s.edgeCount(); ++e)
    if (pred(s, e) && x.depth.count(s.source(e)) && x.depth.count(s.target(e))) x.edges.insert(e);
  return x;
}

// True when r's edges are in the contract's order: by their source's
// position in r.nodes, then by edge index (each edge once).
bool inContractOrder(const Neighbourhood& r) {
  std::map<VertexId, size_t> position;
  for (size_t j = 0; j < r.nodes.size(); ++j) position[r.nodes[j]] = j;
  for (size_t j = 1; j < r.edges.size(); ++j) {
    const auto before = std::make_pair(position.at(r.edges[j - 1].src), r.edges[j - 1].index);
    const auto here = std::make_pair(position.at(r.edges[j].src), r.edges[j].index);
    if (!(before < here)) return false;
  }
  return true;
}

}  // namespace

TEST_CASE("Neighbourhood: without caps it is exactly the brute-force k-hop set and the edges among it",
          "[query][neighbourhood]") {
  for (int i = 0; i < 200; ++i) {
    std::mt19937 rng(static_cast<uint32_t>(31 * i + 5));
    int n = 5 + static_cast<int>(rng() % 26);
    std::vector<ActorId> actors;
    auto snap = *Snapshot::fromEdges(actors, randomEdges(rng, n, 1.0 + (rng() % 20) / 10.0, &actors));
    NeighbourhoodOptions o;
    o.filter = (i % 4 == 0) ? Filter{} : randomFilter(rng);
    o.depth = 1 + static_cast<int>(rng() % 4);
    o.limit = kMaxNodeLimit;
    o.fanout = kMaxFanout;
    VertexId start = rng() % n;
    auto pred = *EdgePredicate::compile(o.filter);
    Expected x = bruteForce(*snap, pred, start, o.depth);
    auto r = neighbourhood(*snap, start, o);
    INFO("graph " << i);
    REQUIRE(r.isOk());
    CHECK_FALSE(r->truncated);
    CHECK(r->nodes.front() == start);
    std::map<VertexId, int> got;
    for (size_t j = 0; j < r->nodes.size(); ++j) got[r->nodes[j]] = r->depths[j];
    CHECK(got.size() == r->nodes.size());
    CHECK(got == x.depth);
    std::set<EdgeIndex> edges;
    for (const auto& e : r->edges) {
      CHECK(e.src == snap->source(e.index));
      CHECK(e.dst == snap->target(e.index));
      edges.insert(e.index);
    }
    CHECK(edges.size() == r->edges.size());
    CHECK(edges == x.edges);
    CHECK(inContractOrder(*r));
  }
}

TEST_CASE("Neighbourhood: caps cut the result to a subset and set truncated", "[query][neighbourhood]") {
  int truncatedRuns = 0;
  for (int i = 0; i < 200; ++i) {
    std::mt19937 rng(static_cast<uint32_t>(77 * i + 1));
    int n = 5 + static_cast<int>(rng() % 26);
    std::vector<ActorId> actors;
    auto snap = *Snapshot::fromEdges(actors, randomEdges(rng, n, 1.0 + (rng() % 20) / 10.0, &actors));
    NeighbourhoodOptions o;
    o.filter = (i % 3 == 0) ? Filter{} : randomFilter(rng);
    o.depth = 1 + static_cast<int>(rng() % 3);
    o.limit = 1 + rng() % 8;
    o.fanout = 1 + rng() % 4;
    o.maxEdges = 1 + rng() % 20;
    VertexId start = rng() % n;
    auto pred = *EdgePredicate::compile(o.filter);
    Expected x = bruteForce(*snap, pred, start, o.depth);
    auto r = neighbourhood(*snap, start, o);
    INFO("graph " << i);
    REQUIRE(r.isOk());
    CHECK(r->nodes.size() <= o.limit);
    CHECK(r->edges.size() <= o.maxEdges);
    for (size_t j = 0; j < r->nodes.size(); ++j) {
      REQUIRE(x.depth.count(r->nodes[j]));
      CHECK(r->depths[j] >= x.depth[r->nodes[j]]);  // a cut can only lengthen the route found
    }
    for (const auto& e : r->edges) CHECK(x.edges.count(e.index));
    if (!r->truncated) {
      CHECK(r->nodes.size() == x.depth.size());
      CHECK(r->edges.size() == x.edges.size());
    } else {
      ++truncatedRuns;
    }
  }
  CHECK(truncatedRuns > 20);
}

TEST_CASE("Neighbourhood: bad options are refused", "[query][neighbourhood]") {
  std::vector<storage::EdgeHeader> edges(1);
  edges[0].edge = Edge{1, 1, 2, EdgeType::kConsult, "", "", "", {}, 0.9f, {}};
  auto snap = *Snapshot::fromEdges({}, edges);
  NeighbourhoodOptions o;
  o.depth = 0;
  CHECK(neighbourhood(*snap, 0, o).status().code() == StatusCode::kInvalidArgument);
  o.depth = kMaxDepth + 1;
  CHECK(neighbourhood(*snap, 0, o).status().code() == StatusCode::kLimitExceeded);
  o.depth = 1;
  o.limit = 0;
  CHECK(neighbourhood(*snap, 0, o).status().code() == StatusCode::kInvalidArgument);
  o.limit = 10;
  CHECK(neighbourhood(*snap, 5, o).status().code() == StatusCode::kInvalidArgument);
}

TEST_CASE("Neighbourhood: on dense graphs (long edge runs a filter skips through) it is still exact",
          "[query][neighbourhood]") {
  for (int i = 0; i < 120; ++i) {
    std::mt19937 rng(static_cast<uint32_t>(13 * i + 3));
    int n = 6 + static_cast<int>(rng() % 30);
    std::vector<ActorId> actors;
    // 20..80 edges per vertex: every run is long enough for the binary-search path.
    auto snap = *Snapshot::fromEdges(actors, randomEdges(rng, n, 20.0 + static_cast<double>(rng() % 61), &actors));
    NeighbourhoodOptions o;
    o.filter = (i % 5 == 0) ? Filter{} : randomFilter(rng);
    o.depth = 1 + static_cast<int>(rng() % 3);
    o.limit = kMaxNodeLimit;
    o.fanout = kMaxFanout;
    o.maxEdges = kMaxNeighbourEdges;
    VertexId start = rng() % n;
    auto pred = *EdgePredicate::compile(o.filter);
    Expected x = bruteForce(*snap, pred, start, o.depth);
    auto r = neighbourhood(*snap, start, o);
    INFO("graph " << i);
    REQUIRE(r.isOk());
    CHECK_FALSE(r->truncated);
    std::map<VertexId, int> got;
    for (size_t j = 0; j < r->nodes.size(); ++j) got[r->nodes[j]] = r->depths[j];
    CHECK(got == x.depth);
    std::set<EdgeIndex> edges;
    size_t lastPos = 0;
    for (const auto& e : r->edges) {
      CHECK(e.src == snap->source(e.index));
      CHECK(e.dst == snap->target(e.index));
      size_t pos = static_cast<size_t>(std::find(r->nodes.begin(), r->nodes.end(), e.src) - r->nodes.begin());
      CHECK(pos >= lastPos);  // in order of the source's position in nodes
      lastPos = pos;
      edges.insert(e.index);
    }
    CHECK(edges.size() == r->edges.size());
    CHECK(edges == x.edges);
    CHECK(inContractOrder(*r));
  }
}

TEST_CASE("Neighbourhood: on hub multigraphs (indexed rows, parallel edges, windows) it is still exact",
          "[query][neighbourhood]") {
  int indexed = 0;
  for (int i = 0; i < 60; ++i) {
    std::mt19937 rng(static_cast<uint32_t>(61 * i + 2));
    const int n = 4 + static_cast<int>(rng() % 40);
    std::vector<ActorId> actors;
    // Hubs with hundreds of edges to each other: rows past graph::kIndexedRowEdges.
    auto headers = hubEdges(rng, n, 200 + static_cast<int>(rng() % 3000), &actors);
    // Every other graph holds point events and undated edges only (an event
    // import): bounded type spans, so windowed scans take the shortcut.
    if (i % 2 == 0)
      for (auto& h : headers)
        h.edge.when = rng() % 10 == 0 ? DateRange()
                                      : DateRange::point(Date::fromDays(18000 + static_cast<int32_t>(rng() % 200),
                                                                        DatePrecision::kDay));
    auto snap = *Snapshot::fromEdges(actors, headers);
    for (VertexId v = 0; v < snap->vertexCount(); ++v) indexed += snap->outRunStarts(v) != nullptr;
    NeighbourhoodOptions o;
    o.filter = (i % 6 == 0) ? Filter{} : randomFilter(rng);
    o.depth = 1 + static_cast<int>(rng() % 3);
    o.limit = kMaxNodeLimit;
    o.fanout = kMaxFanout;
    o.maxEdges = kMaxNeighbourEdges;
    const VertexId start = rng() % n;
    auto pred = *EdgePredicate::compile(o.filter);
    Expected x = bruteForce(*snap, pred, start, o.depth);
    auto r = neighbourhood(*snap, start, o);
    INFO("graph " << i);
    REQUIRE(r.isOk());
    CHECK_FALSE(r->truncated);
    std::map<VertexId, int> got;
    for (size_t j = 0; j < r->nodes.size(); ++j) got[r->nodes[j]] = r->depths[j];
    CHECK(got == x.depth);
    std::set<EdgeIndex> edges;
    for (const auto& e : r->edges) edges.insert(e.index);
    CHECK(edges.size() == r->edges.size());
    CHECK(edges == x.edges);
    CHECK(inContractOrder(*r));
  }
  CHECK(indexed > 30);
}

TEST_CASE("Neighbourhood: under caps on dense graphs the edges are every matching edge among the taken vertices",
          "[query][neighbourhood]") {
  for (int i = 0; i < 120; ++i) {
    std::mt19937 rng(static_cast<uint32_t>(29 * i + 11));
    int n = 6 + static_cast<int>(rng() % 30);
    std::vector<ActorId> actors;
    auto snap = *Snapshot::fromEdges(actors, randomEdges(rng, n, 20.0 + static_cast<double>(rng() % 61), &actors));
    NeighbourhoodOptions o;
    o.filter = (i % 5 == 0) ? Filter{} : randomFilter(rng);
    o.depth = 1 + static_cast<int>(rng() % 3);
    o.limit = 2 + rng() % 12;
    o.fanout = 1 + rng() % 30;
    o.maxEdges = 1 + rng() % 400;
    VertexId start = rng() % n;
    auto pred = *EdgePredicate::compile(o.filter);
    auto r = neighbourhood(*snap, start, o);
    INFO("graph " << i);
    REQUIRE(r.isOk());
    std::set<VertexId> taken(r->nodes.begin(), r->nodes.end());
    std::set<EdgeIndex> among;
    for (EdgeIndex e = 0; e < snap->edgeCount(); ++e)
      if (pred(*snap, e) && taken.count(snap->source(e)) && taken.count(snap->target(e))) among.insert(e);
    std::set<EdgeIndex> got;
    for (const auto& e : r->edges) got.insert(e.index);
    CHECK(got.size() == r->edges.size());
    CHECK(std::includes(among.begin(), among.end(), got.begin(), got.end()));
    if (r->edges.size() < o.maxEdges) CHECK(got == among);
    CHECK(inContractOrder(*r));
    if (among.size() > o.maxEdges) CHECK(r->truncated);
  }
}
