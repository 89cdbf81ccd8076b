#include <catch2/catch.hpp>

#include "query/filter.h"
#include "random_graph.h"

using namespace kg;
using namespace kg::query;
using namespace kg::testing;

TEST_CASE("Filter: the predicate agrees with the model's own type, confidence and overlap rules", "[query][filter]") {
  for (int i = 0; i < 200; ++i) {
    std::mt19937 rng(static_cast<uint32_t>(i + 1));
    std::vector<ActorId> actors;
    auto edges = randomEdges(rng, 10, 3.0, &actors);
    auto snap = *Snapshot::fromEdges(actors, edges);
    Filter f = randomFilter(rng);
    auto pred = *EdgePredicate::compile(f);
    std::map<EdgeId, const storage::EdgeHeader*> byId;
    for (const auto& h : edges) byId[h.edge.id] = &h;
    for (EdgeIndex e = 0; e < snap->edgeCount(); ++e) {
      const Edge& raw = byId.at(snap->edgeId(e))->edge;
      bool typeOk = f.types.empty() || std::find(f.types.begin(), f.types.end(), raw.type) != f.types.end();
      // Confidence kept to 1/255: compare against the stored value.
      bool confOk = snap->confidence(e) + 1e-6f >= f.minConfidence;
      bool dateOk = true;
      if (f.fromDay || f.toDay) {
        int32_t lo = f.fromDay.value_or(INT32_MIN), hi = f.toDay.value_or(INT32_MAX);
        dateOk = raw.when.anyKnown() ? raw.when.overlaps(lo, hi) : f.includeUndated;
      }
      INFO("run " << i << " edge " << raw.id);
      CHECK(pred(*snap, e) == (typeOk && confOk && dateOk));
    }
  }
}

TEST_CASE("Filter: a window that ends before it starts, or a confidence outside 0..1, is refused", "[query][filter]") {
  Filter f;
  f.fromDay = Date::day(2020, 2, 1).days();
  f.toDay = Date::day(2020, 1, 1).days();
  auto r = EdgePredicate::compile(f);
  REQUIRE(r.status().code() == StatusCode::kInvalidArgument);
  CHECK(r.status().message() == "window end 2020-01-01 is before its start 2020-02-01");
  f = {};
  f.minConfidence = 1.5f;
  CHECK(EdgePredicate::compile(f).status().code() == StatusCode::kInvalidArgument);
  CHECK(parseDirection("sideways").status().message().find("out, in or both") != std::string::npos);
  CHECK(*parseDirection("in") == Direction::kIn);
}

TEST_CASE("Filter: forEachNeighbour walks out-edges, in-edges or both", "[query][filter]") {
  std::vector<storage::EdgeHeader> edges(2);
  edges[0].edge = Edge{1, 1, 2, EdgeType::kConsult, "", "", "", {}, 0.9f, {}};
  edges[1].edge = Edge{2, 3, 1, EdgeType::kAssault, "", "", "", {}, 0.9f, {}};
  auto snap = *Snapshot::fromEdges({}, edges);
  auto neighbours = [&](Direction d) {
    std::set<ActorId> out;
    forEachNeighbour(*snap, EdgePredicate{}, 0, d, [&](VertexId n, const graph::EdgeRef&) {
      out.insert(snap->actorId(n));
      return true;
    });
    return out;
  };
  CHECK(neighbours(Direction::kOut) == std::set<ActorId>{2});
  CHECK(neighbours(Direction::kIn) == std::set<ActorId>{3});
  CHECK(neighbours(Direction::kBoth) == std::set<ActorId>{2, 3});
}
