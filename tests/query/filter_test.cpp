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

TEST_CASE("Filter: a CAMEO prefix matches the codes that start with it, in the snapshot and in storage", "[query][filter]") {
  CHECK(graph::packCameo("19") == 21900);
  CHECK(graph::packCameo("0211") == 40211);
  CHECK(graph::packCameo("1") == 11000);
  CHECK(graph::packCameo("") == 0);
  CHECK(graph::packCameo("12345") == 0);
  CHECK(graph::packCameo("1a") == 0);
  // The packed test and the string rule agree on every code and prefix of up to 3 digits.
  static const char* kCodes[] = {"", "0", "01", "010", "0211", "02", "021", "19", "190", "1823", "18", "183", "x9"};
  for (const char* code : kCodes)
    for (const char* prefix : {"0", "01", "02", "021", "0211", "1", "18", "19", "190", "1823", "183"}) {
      INFO(code << " / " << prefix);
      CHECK(graph::cameoKeyHasPrefix(graph::packCameo(code), graph::packCameo(prefix)) ==
            cameoMatches({prefix}, code));
    }
  CHECK(cameoMatches({}, ""));
  CHECK(cameoMatches({"19", "0211"}, "190"));
  CHECK(cameoMatches({"19", "0211"}, "0211"));
  CHECK_FALSE(cameoMatches({"19", "0211"}, "021"));
  CHECK_FALSE(cameoMatches({"19"}, ""));

  std::mt19937 rng(7);
  std::vector<ActorId> actors;
  auto edges = randomEdges(rng, 30, 4.0, &actors);
  static const char* kStored[] = {"", "010", "0211", "02", "190", "1823", "183", "042"};
  for (auto& h : edges) h.edge.cameo = kStored[rng() % 8];
  auto snap = *Snapshot::fromEdges(actors, edges);
  std::map<EdgeId, std::string> codeOf;
  for (const auto& h : edges) codeOf[h.edge.id] = h.edge.cameo;
  for (std::vector<std::string> prefixes :
       {std::vector<std::string>{"19"}, {"0211"}, {"02"}, {"19", "0211"}, {"1"}, {"0", "18"}, {}}) {
    Filter f;
    f.cameo = prefixes;
    auto pred = EdgePredicate::compile(f);
    REQUIRE(pred.isOk());
    size_t matched = 0;
    for (EdgeIndex e = 0; e < snap->edgeCount(); ++e) {
      const bool want = cameoMatches(prefixes, codeOf.at(snap->edgeId(e)));
      CHECK((*pred)(*snap, e) == want);
      matched += want;
    }
    CHECK(matched > 0);
  }
}

TEST_CASE("Filter: a CAMEO list of anything but 1-4 digit codes is refused, naming the value", "[query][filter]") {
  CHECK(*parseCameoList("19,0211") == std::vector<std::string>{"19", "0211"});
  CHECK(parseCameoList("")->empty());
  auto bad = parseCameoList("19,abc");
  REQUIRE(bad.status().code() == StatusCode::kInvalidArgument);
  CHECK(bad.status().message().find("'abc' is not a CAMEO code or prefix") != std::string::npos);
  auto empty = parseCameoList("19,,02");
  REQUIRE(empty.status().code() == StatusCode::kInvalidArgument);
  CHECK(empty.status().message().find("empty CAMEO code in '19,,02'") != std::string::npos);
  CHECK(parseCameoList("19,").status().code() == StatusCode::kInvalidArgument);
  CHECK(parseCameoList("12345").status().message().find("'12345'") != std::string::npos);
  CHECK(parseCameoList("-1").status().message().find("'-1'") != std::string::npos);
  Filter f;
  f.cameo = {"1 9"};
  auto r = EdgePredicate::compile(f);
  REQUIRE(r.status().code() == StatusCode::kInvalidArgument);
  CHECK(r.status().message().find("'1 9'") != std::string::npos);
}
