#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <random>
#include <vector>

#include "graph/run_index.h"
#include "graph/snapshot.h"

using namespace kg;
using namespace kg::graph;

namespace {

// A multigraph with a few hubs (rows past kIndexedRowEdges) and many short
// rows; every kind of date the snapshot keeps: points, intervals, open ends,
// unknown starts, none.
std::shared_ptr<const Snapshot> hubGraph(uint32_t seed) {
  std::mt19937 rng(seed);
  const int n = 3 + static_cast<int>(rng() % 40);
  const int m = static_cast<int>(rng() % 3000);
  std::vector<ActorId> actors;
  for (int i = 0; i < n; ++i) actors.push_back(5 + 2 * static_cast<ActorId>(i));
  auto end = [&] {
    // Vertex i drawn with weight 1 / (i + 1): the first few are hubs.
    double u = std::uniform_real_distribution<double>(0, 1)(rng);
    return actors[std::min<size_t>(static_cast<size_t>(std::pow(static_cast<double>(n), u)) - 1, actors.size() - 1)];
  };
  const bool spans = rng() % 3 != 0;  // else points only: every span 0
  std::vector<storage::EdgeHeader> edges;
  for (int i = 0; i < m; ++i) {
    storage::EdgeHeader h;
    h.edge.id = 1 + static_cast<EdgeId>(i);
    h.edge.src = end();
    h.edge.dst = end();
    h.edge.type = static_cast<EdgeType>(rng() % kEdgeTypeCount);
    const int32_t day = 18000 + static_cast<int32_t>(rng() % 300);
    switch (spans ? rng() % 6 : 0) {
      case 0: h.edge.when = DateRange::point(Date::fromDays(day, DatePrecision::kDay)); break;
      case 1: h.edge.when.from = Date::fromDays(day, DatePrecision::kDay); break;   // open end
      case 2: h.edge.when.to = Date::fromDays(day, DatePrecision::kDay); break;     // unknown start
      case 3: break;                                                                // undated
      default:
        h.edge.when.from = Date::fromDays(day, DatePrecision::kDay);
        h.edge.when.to = Date::fromDays(day + static_cast<int32_t>(rng() % 100), DatePrecision::kDay);
    }
    edges.push_back(h);
  }
  auto s = Snapshot::fromEdges(actors, edges);
  REQUIRE(s.isOk());
  return s.value();
}

}  // namespace

TEST_CASE("RunIndex: long rows' type-run starts and the types' date spans equal a brute-force reading",
          "[graph][runindex]") {
  int indexed = 0, unbounded = 0;
  for (uint32_t g = 0; g < 60; ++g) {
    auto s = hubGraph(1000 + g);
    INFO("graph " << g);
    // Spans, by brute force over the edges.
    for (unsigned t = 0; t < kRunTypes; ++t) {
      int64_t span = 0;
      for (EdgeIndex e = 0; e < s->edgeCount(); ++e) {
        if (static_cast<unsigned>(s->type(e)) != t || s->firstDay(e) == kOpenStart) continue;
        span = s->lastDay(e) == kOpenEnd ? kUnboundedSpan
                                         : std::max<int64_t>(span, int64_t{s->lastDay(e)} - s->firstDay(e));
      }
      CHECK(s->typeSpan(t) == span);
      unbounded += s->typeSpan(t) == kUnboundedSpan;
    }
    std::vector<uint32_t> vertices;
    for (VertexId v = 0; v < s->vertexCount(); ++v) {
      const bool isLong = s->outDegree(v) >= kIndexedRowEdges || s->inDegree(v) >= kIndexedRowEdges;
      REQUIRE((s->outRunStarts(v) != nullptr) == isLong);
      REQUIRE((s->inRunStarts(v) != nullptr) == isLong);
      if (!isLong) continue;
      vertices.push_back(v);
      ++indexed;
      for (unsigned t = 0; t <= kRunTypes; ++t) {
        // The first position of the row whose edge's type is >= t.
        uint32_t out = s->outBegin(v), in = s->inBegin(v);
        while (out < s->outEnd(v) && static_cast<unsigned>(s->type(out)) < t) ++out;
        while (in < s->inEnd(v) && static_cast<unsigned>(s->type(s->inEdge(in))) < t) ++in;
        CHECK(s->outRunStarts(v)[t] == out);
        CHECK(s->inRunStarts(v)[t] == in);
      }
    }
    const auto& runVertex = s->arrays().runVertex;
    CHECK(std::vector<uint32_t>(runVertex.begin(), runVertex.end()) == vertices);
    CHECK(Snapshot::checkContents(s->arrays()).isOk());
  }
  CHECK(indexed > 20);   // the runs do exercise indexed rows
  CHECK(unbounded > 5);  // and open-ended types
}

TEST_CASE("RunIndex: a graph without long rows has no indexed vertex, and empty graphs have spans 0",
          "[graph][runindex]") {
  auto empty = Snapshot::fromEdges({}, {});
  REQUIRE(empty.isOk());
  CHECK((*empty)->arrays().runVertex.empty());
  CHECK((*empty)->arrays().runStart.empty());
  REQUIRE((*empty)->arrays().typeSpan.size() == kRunTypes);
  for (unsigned t = 0; t < kRunTypes; ++t) CHECK((*empty)->typeSpan(t) == 0);
}
