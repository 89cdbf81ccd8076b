#include <catch2/catch.hpp>

#include <map>
#include <random>
#include <set>
#include <tuple>

#include "../support/temp_dir.h"
#include "graph/snapshot.h"
#include "storage/graph_store.h"

using namespace kg;
using namespace kg::graph;

namespace {

std::vector<storage::EdgeHeader> randomEdges(std::mt19937& rng, ActorId n, size_t m) {
  std::vector<storage::EdgeHeader> out;
  for (size_t i = 0; i < m; ++i) {
    storage::EdgeHeader h;
    Edge& e = h.edge;
    e.id = 1 + i;
    e.src = 1 + rng() % n;
    e.dst = 1 + rng() % n;
    e.type = static_cast<EdgeType>(rng() % kEdgeTypeCount);
    int32_t day = 17000 + static_cast<int32_t>(rng() % 2000);
    CivilDate c = civilFromDays(day);
    switch (rng() % 6) {
      case 0: break;
      case 1: e.when = DateRange::point(Date::fromDays(day, DatePrecision::kDay)); break;
      case 2: e.when = {Date::month(c.year, c.month), Date::year(c.year + 1)}; break;
      case 3: e.when = {Date::week(day), Date()}; break;
      case 4: e.when = {Date(), Date::day(c.year, c.month, c.day)}; break;
      default: e.when = DateRange::point(Date::year(c.year));
    }
    e.confidence = static_cast<float>(rng() % 1001) / 1000.0f;
    h.evidenceCount = rng() % 3 == 0 ? 70000 + rng() % 10 : rng() % 100;
    out.push_back(h);
  }
  return out;
}

}  // namespace

TEST_CASE("Snapshot: every edge keeps its ends, type, dates, confidence, evidence count and id", "[graph]") {
  std::mt19937 rng(42);
  auto edges = randomEdges(rng, 60, 800);
  auto built = Snapshot::fromEdges({500, 501}, edges);  // two isolated actors
  REQUIRE(built.isOk());
  const Snapshot& s = **built;
  REQUIRE(s.edgeCount() == edges.size());
  std::map<EdgeId, const storage::EdgeHeader*> byId;
  std::set<ActorId> ends{500, 501};
  for (const auto& h : edges) {
    byId[h.edge.id] = &h;
    ends.insert(h.edge.src);
    ends.insert(h.edge.dst);
  }
  CHECK(s.vertexCount() == ends.size());
  for (VertexId v = 1; v < s.vertexCount(); ++v) CHECK(s.actorId(v - 1) < s.actorId(v));
  for (ActorId id : ends) CHECK(s.actorId(*s.vertexOf(id)) == id);
  CHECK_FALSE(s.vertexOf(499).has_value());

  std::set<EdgeId> seen;
  for (VertexId v = 0; v < s.vertexCount(); ++v) {
    for (EdgeIndex e = s.outBegin(v); e < s.outEnd(v); ++e) {
      const storage::EdgeHeader& h = *byId.at(s.edgeId(e));
      INFO("edge " << h.edge.id);
      CHECK(seen.insert(h.edge.id).second);
      CHECK(s.actorId(v) == h.edge.src);
      CHECK(s.source(e) == v);
      CHECK(s.actorId(s.target(e)) == h.edge.dst);
      CHECK(s.type(e) == h.edge.type);
      CHECK(s.dateRange(e) == h.edge.when);
      CHECK(s.dated(e) == h.edge.when.anyKnown());
      if (h.edge.when.anyKnown()) {
        CHECK(s.firstDay(e) == h.edge.when.firstDay());
        CHECK(s.lastDay(e) == h.edge.when.lastDay());
      }
      CHECK(std::abs(s.confidence(e) - h.edge.confidence) <= 0.5f / 255.0f + 1e-6f);
      CHECK(s.evidenceCount(e) == std::min<uint32_t>(h.evidenceCount, 65535));
    }
  }
  CHECK(seen.size() == edges.size());
}

TEST_CASE("Snapshot: the reverse CSR lists each edge once, under its target, with its source", "[graph]") {
  std::mt19937 rng(7);
  auto s = *Snapshot::fromEdges({}, randomEdges(rng, 40, 500));
  std::multiset<EdgeIndex> listed;
  for (VertexId v = 0; v < s->vertexCount(); ++v) {
    for (uint32_t p = s->inBegin(v); p < s->inEnd(v); ++p) {
      EdgeIndex e = s->inEdge(p);
      listed.insert(e);
      CHECK(s->target(e) == v);
      CHECK(s->inSource(p) == s->source(e));
    }
  }
  CHECK(listed.size() == s->edgeCount());
  CHECK(std::set<EdgeIndex>(listed.begin(), listed.end()).size() == s->edgeCount());
}

TEST_CASE("Snapshot: an empty graph and an actor id of 0", "[graph]") {
  auto empty = Snapshot::fromEdges({}, {});
  REQUIRE(empty.isOk());
  CHECK((*empty)->vertexCount() == 0);
  CHECK((*empty)->bytesPerEdge() == 0);
  storage::EdgeHeader h;
  h.edge.src = 0;
  h.edge.dst = 3;
  CHECK(Snapshot::fromEdges({}, {h}).status().code() == StatusCode::kInvalidArgument);
  CHECK(Snapshot::fromEdges({0}, {}).status().code() == StatusCode::kInvalidArgument);
}

TEST_CASE("Snapshot: at most 40 bytes per edge", "[graph]") {
  std::mt19937 rng(1);
  // Ten edges per actor, about the ratio of the ICEWS/GDELT graphs.
  auto s = *Snapshot::fromEdges({}, randomEdges(rng, 20000, 200000));
  INFO("bytes per edge: " << s->bytesPerEdge());
  CHECK(s->bytesPerEdge() <= 40.0);
  CHECK(s->bytesPerEdge() >= 35.0);  // the attribute arrays alone take 35
}

TEST_CASE("Snapshot: scratch arrays forget their values on reset", "[graph]") {
  StampedArray<uint32_t> a;
  a.reset(4);
  a.set(2, 9);
  CHECK(a.has(2));
  CHECK(a.get(2) == 9);
  CHECK_FALSE(a.has(1));
  a.reset(4);
  CHECK_FALSE(a.has(2));
  CHECK(a.getOr(2, 5) == 5);
}

TEST_CASE("Snapshot: built from a real store, it holds the store's actors and edges", "[graph][storage]") {
  kg::testing::TempDir dir;
  auto opened = storage::openStore(dir.sub("db"), {});
  REQUIRE(opened.isOk());
  storage::GraphStore& store = **opened;
  auto batch = store.newBatch();
  std::vector<ActorId> ids;
  for (const char* name : {"Alpha", "Beta", "Gamma", "Delta"}) {
    Actor a;
    a.name = name;
    a.kind = ActorKind::kPerson;
    auto id = batch->putActor(a, {std::string(name)});
    REQUIRE(id.isOk());
    ids.push_back(*id);
  }
  auto addEdge = [&](ActorId s, EdgeType t, ActorId d, DateRange when, int evidence) {
    Edge e;
    e.src = s;
    e.dst = d;
    e.type = t;
    e.when = when;
    e.confidence = 0.75f;
    for (int i = 0; i < evidence; ++i) e.evidence.push_back({"doc" + std::to_string(i), 0, 0, 5, "text"});
    REQUIRE(batch->putEdge(e).isOk());
  };
  addEdge(ids[0], EdgeType::kConsult, ids[1], DateRange::point(Date::day(2020, 1, 3)), 2);
  addEdge(ids[1], EdgeType::kAssault, ids[2], DateRange::point(Date::month(2020, 1)), 1);
  addEdge(ids[2], EdgeType::kOfficialOf, ids[0], {Date::year(2018), Date()}, 3);
  REQUIRE(store.commit(*batch).isOk());

  auto built = Snapshot::fromStore(store);
  REQUIRE(built.isOk());
  const Snapshot& s = **built;
  CHECK(s.vertexCount() == 4);  // Delta has no edges but is a vertex
  REQUIRE(s.edgeCount() == 3);
  std::set<std::tuple<ActorId, EdgeType, ActorId, uint32_t>> got, expected{
      {ids[0], EdgeType::kConsult, ids[1], 2}, {ids[1], EdgeType::kAssault, ids[2], 1},
      {ids[2], EdgeType::kOfficialOf, ids[0], 3}};
  for (EdgeIndex e = 0; e < s.edgeCount(); ++e) {
    got.insert({s.actorId(s.source(e)), s.type(e), s.actorId(s.target(e)), s.evidenceCount(e)});
    auto stored = store.getEdge(s.edgeId(e));
    REQUIRE(stored.isOk());
    CHECK(stored->when == s.dateRange(e));
    CHECK(s.actorId(s.source(e)) == stored->src);
  }
  CHECK(got == expected);
}
