// SelectionScan: which actors and edges `kg export` writes for each filter.
#include <catch2/catch.hpp>
#include <algorithm>
#include <set>

#include "../support/temp_dir.h"
#include "export/selection.h"
#include "small_graph.h"

using namespace kg;
using namespace kg::exports;
using kg::testing::TempDir;

namespace {

struct Scanned {
  std::vector<ActorId> actors;
  std::vector<ExportEdge> edges;
  bool truncated = false;
};

Scanned run(const storage::GraphStore& store, const Selection& sel) {
  auto scan = SelectionScan::prepare(store, sel);
  REQUIRE(scan);
  Scanned s;
  s.truncated = scan->truncated();
  REQUIRE(scan->forEachActor([&](const Actor& a) {
                s.actors.push_back(a.id);
                return Status::ok();
              }).isOk());
  REQUIRE(scan->forEachEdge([&](ExportEdge& e) {
                s.edges.push_back(e);
                return Status::ok();
              }).isOk());
  if (scan->edgeCount()) CHECK(*scan->edgeCount() == s.edges.size());
  return s;
}

std::set<EdgeId> ids(const Scanned& s) {
  std::set<EdgeId> out;
  for (const auto& e : s.edges) out.insert(e.edge.id);
  return out;
}

}  // namespace

TEST_CASE("Selection: the whole graph has every actor, isolated ones too, and every edge", "[export]") {
  TempDir dir;
  auto g = kg::testing::buildSmallGraph(dir.sub("db"));
  auto s = run(g.engine->store(), Selection{});
  CHECK(s.actors == std::vector<ActorId>{g.alpha, g.beta, g.gamma, g.delta});
  CHECK(ids(s) == std::set<EdgeId>{g.strike1, g.strike2, g.accuse, g.office, g.rockets, g.threat});
  CHECK_FALSE(s.truncated);
  for (const auto& e : s.edges) {
    CHECK(e.weight == 1);
    CHECK(e.edge.evidence.empty());  // evidence is read by the exporter only for writers that want it
  }
}

TEST_CASE("Selection: a filter keeps the matching edges and only the actors they touch", "[export]") {
  TempDir dir;
  auto g = kg::testing::buildSmallGraph(dir.sub("db"));
  const auto& store = g.engine->store();
  Selection types;
  types.filter.types = {EdgeType::kAssault};
  auto s = run(store, types);
  CHECK(ids(s) == std::set<EdgeId>{g.strike1, g.strike2, g.rockets});
  CHECK(s.actors == std::vector<ActorId>{g.alpha, g.beta, g.gamma});

  Selection cameo;
  cameo.cameoPrefixes = {"19"};
  CHECK(ids(run(store, cameo)) == std::set<EdgeId>{g.strike1, g.rockets});
  cameo.cameoPrefixes = {"18", "11"};
  CHECK(ids(run(store, cameo)) == std::set<EdgeId>{g.strike2, g.accuse});

  Selection window;  // January 2020: the office held then overlaps it; the undated threat only with includeUndated
  window.filter.fromDay = Date::parse("2020-01-01")->days();
  window.filter.toDay = Date::parse("2020-01-31")->lastDay();
  CHECK(ids(run(store, window)) == std::set<EdgeId>{g.strike1, g.accuse, g.office});
  window.filter.includeUndated = true;
  CHECK(ids(run(store, window)) == std::set<EdgeId>{g.strike1, g.accuse, g.office, g.threat});

  Selection confident;
  confident.filter.minConfidence = 0.55f;
  CHECK(ids(run(store, confident)) == std::set<EdgeId>{g.strike1, g.accuse, g.office, g.rockets});
}

TEST_CASE("Selection: --actor --depth exports the neighbourhood and the edges among it", "[export]") {
  TempDir dir;
  auto g = kg::testing::buildSmallGraph(dir.sub("db"));
  const auto& store = g.engine->store();
  Selection sel;
  sel.root = g.delta;  // isolated: itself, no edges
  auto s = run(store, sel);
  CHECK(s.actors == std::vector<ActorId>{g.delta});
  CHECK(s.edges.empty());

  sel.root = g.beta;  // out of Beta: only the office, reaching Alpha; then every edge between the two
  sel.filter.direction = query::Direction::kOut;
  s = run(store, sel);
  CHECK(s.actors == std::vector<ActorId>{g.alpha, g.beta});
  CHECK(ids(s) == std::set<EdgeId>{g.strike1, g.strike2, g.accuse, g.office});

  sel.filter.direction = query::Direction::kBoth;  // Gamma reaches Beta by the threat
  CHECK(run(store, sel).actors == std::vector<ActorId>{g.alpha, g.beta, g.gamma});
  sel.filter.types = {EdgeType::kOfficialOf, EdgeType::kAccuse};  // filters apply while expanding
  sel.depth = 2;
  s = run(store, sel);
  CHECK(s.actors == std::vector<ActorId>{g.alpha, g.beta});
  CHECK(ids(s) == std::set<EdgeId>{g.accuse, g.office});

  Selection missing;
  missing.root = 999;
  CHECK(SelectionScan::prepare(store, missing).status().code() == StatusCode::kNotFound);
}

TEST_CASE("Selection: --limit cuts the edges, says so, and keeps only the actors they touch", "[export]") {
  TempDir dir;
  auto g = kg::testing::buildSmallGraph(dir.sub("db"));
  Selection sel;
  sel.limit = 2;
  auto s = run(g.engine->store(), sel);
  CHECK(s.truncated);
  REQUIRE(s.edges.size() == 2);
  std::set<ActorId> ends;
  for (const auto& e : s.edges) ends.insert({e.edge.src, e.edge.dst});
  CHECK(std::set<ActorId>(s.actors.begin(), s.actors.end()) == ends);
  sel.limit = 6;  // exactly as many as match: not cut
  CHECK_FALSE(run(g.engine->store(), sel).truncated);
}

TEST_CASE("Selection: --collapse merges parallel edges of one type into one weighted edge", "[export]") {
  TempDir dir;
  auto g = kg::testing::buildSmallGraph(dir.sub("db"));
  Selection sel;
  sel.collapse = true;
  auto s = run(g.engine->store(), sel);
  REQUIRE(s.edges.size() == 5);  // the two strikes of Alpha on Beta become one
  const ExportEdge* merged = nullptr;
  for (const auto& e : s.edges) {
    CHECK(e.edge.id == 0);
    if (e.edge.type == EdgeType::kAssault && e.edge.src == g.alpha) merged = &e;
    else CHECK(e.weight == 1);
  }
  REQUIRE(merged);
  CHECK(merged->weight == 2);
  CHECK(merged->edge.when.from.toString() == "2020-01-03");
  CHECK(merged->edge.when.to.toString() == "2020-03-10");
  CHECK(merged->edge.confidence == 0.9f);
  CHECK(merged->edge.cameo.empty());  // 190 and 183 disagree
  CHECK(merged->evidenceCount == 1);
  sel.limit = 1;
  CHECK(run(g.engine->store(), sel).truncated);
}

TEST_CASE("Selection: a bad window or confidence is refused", "[export]") {
  TempDir dir;
  auto g = kg::testing::buildSmallGraph(dir.sub("db"));
  Selection sel;
  sel.filter.minConfidence = 1.5f;
  CHECK(SelectionScan::prepare(g.engine->store(), sel).status().code() == StatusCode::kInvalidArgument);
  sel.filter.minConfidence = 0;
  sel.filter.fromDay = 100;
  sel.filter.toDay = 50;
  CHECK(SelectionScan::prepare(g.engine->store(), sel).status().code() == StatusCode::kInvalidArgument);
}

TEST_CASE("Selection: an edge written during the export to an actor not yet written is left out", "[export]") {
  TempDir dir;
  auto g = kg::testing::buildSmallGraph(dir.sub("db"));
  for (bool whole : {true, false}) {
    Selection sel;
    if (!whole) sel.filter.types = {EdgeType::kAssault};
    auto scan = SelectionScan::prepare(g.engine->store(), sel);
    REQUIRE(scan);
    std::vector<ActorId> actors;
    REQUIRE(scan->forEachActor([&](const Actor& a) {
                  actors.push_back(a.id);
                  return Status::ok();
                }).isOk());
    // Meanwhile a writer adds an actor and an edge to it (and one among known actors).
    Actor late;
    late.name = whole ? "Late One" : "Late Two";
    auto added = g.engine->addActor(late);
    REQUIRE(added);
    REQUIRE(g.engine->addEdge(kg::testing::makeEdge(g.alpha, EdgeType::kAssault, added->id, "2021", "2021", "190", 1.0f)));
    std::vector<ExportEdge> edges;
    REQUIRE(scan->forEachEdge([&](ExportEdge& e) {
                  edges.push_back(e);
                  return Status::ok();
                }).isOk());
    INFO("whole graph: " << whole);
    CHECK(scan->skippedEdges() == 1);
    for (const auto& e : edges) {
      CHECK(std::find(actors.begin(), actors.end(), e.edge.src) != actors.end());
      CHECK(std::find(actors.begin(), actors.end(), e.edge.dst) != actors.end());
    }
  }
}
