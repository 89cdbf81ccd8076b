#include <catch2/catch.hpp>

#include "../support/temp_dir.h"
#include "storage/graph_store.h"

using namespace kg;
using namespace kg::storage;
using kg::testing::TempDir;

namespace {

std::unique_ptr<GraphStore> open(const TempDir& dir) {
  auto s = openStore(dir.sub("db"), {});
  INFO(s.status().toString());
  REQUIRE(s.isOk());
  return std::move(s).value();
}

Edge fact(ActorId src, ActorId dst, EdgeType type, Date day, const std::string& doc) {
  Edge e;
  e.src = src;
  e.dst = dst;
  e.type = type;
  e.when = DateRange::point(day);
  e.evidence.push_back(Evidence{doc, 0, 0, 4, "text"});
  return e;
}

std::vector<EdgeHeader> out(const GraphStore& s, ActorId a) {
  std::vector<EdgeHeader> v;
  REQUIRE(s.scanOut(a, [&](const EdgeHeader& h) { v.push_back(h); return Scan::kContinue; }).isOk());
  return v;
}

}  // namespace

TEST_CASE("BulkLoader: merges with facts stored by batches, and batches merge with its facts", "[storage][bulk]") {
  TempDir dir;
  auto store = open(dir);
  auto batch = store->newBatch();
  Actor a, b;
  a.name = "Alpha";
  b.name = "Beta";
  ActorId ia = batch->putActor(a, {"alpha"}).value();
  ActorId ib = batch->putActor(b, {"beta"}).value();
  EdgeId first = batch->putEdge(fact(ia, ib, EdgeType::kConsult, Date::day(2020, 1, 1), "doc1")).value();
  REQUIRE(store->commit(*batch).isOk());

  auto loader = store->newBulkLoader();
  REQUIRE(loader.isOk());
  Actor c;
  c.name = "Gamma";
  ActorId ic = (*loader)->putActor(c, {"gamma"}).value();
  CHECK((*loader)->putEdge(fact(ia, ib, EdgeType::kConsult, Date::day(2020, 1, 1), "doc2")).value() == first);
  EdgeId assault = (*loader)->putEdge(fact(ia, ib, EdgeType::kAssault, Date::day(2019, 5, 1), "doc2")).value();
  (*loader)->putEdge(fact(ic, ia, EdgeType::kAccuse, Date::day(2021, 2, 3), "doc3")).value();
  // Repeated evidence, in the load and already stored: kept once.
  (*loader)->putEdge(fact(ia, ib, EdgeType::kConsult, Date::day(2020, 1, 1), "doc1")).value();
  (*loader)->putEdge(fact(ia, ib, EdgeType::kAssault, Date::day(2019, 5, 1), "doc2")).value();
  auto st = (*loader)->finish();
  REQUIRE(st.isOk());
  CHECK(st->actorsAdded == 1);
  CHECK(st->edgesAdded == 2);
  CHECK(st->edgesMerged == 3);
  CHECK(st->evidenceAdded == 3);

  auto stats = store->stats().value();
  CHECK(stats.actors == 3);
  CHECK(stats.edges == 3);
  CHECK(stats.evidence == 4);
  CHECK(store->getEdge(first)->evidence.size() == 2);
  CHECK(store->getEdge(assault)->evidence.size() == 1);
  CHECK(store->lookupNameKey("gamma").value() == std::vector<ActorId>{ic});

  // Out-edges in key order (type, then date), with the evidence counts kept in the record.
  auto edges = out(*store, ia);
  REQUIRE(edges.size() == 2);
  CHECK(edges[0].edge.type == EdgeType::kConsult);
  CHECK(edges[0].evidenceCount == 2);
  CHECK(edges[1].edge.type == EdgeType::kAssault);
  std::vector<EdgeId> in;
  REQUIRE(store->scanIn(ib, [&](const EdgeHeader& h) { in.push_back(h.edge.id); return Scan::kContinue; }).isOk());
  CHECK(in == std::vector<EdgeId>{first, assault});

  // A batch finds the bulk-loaded fact by its key: same encoding.
  auto again = store->newBatch();
  CHECK(again->putEdge(fact(ia, ib, EdgeType::kAssault, Date::day(2019, 5, 1), "doc9")).value() == assault);
  REQUIRE(store->commit(*again).isOk());
  CHECK(store->getEdge(assault)->evidence.size() == 2);
  CHECK(store->stats()->edges == 3);
}

TEST_CASE("BulkLoader: nothing is stored before finish", "[storage][bulk]") {
  TempDir dir;
  auto store = open(dir);
  {
    auto loader = store->newBulkLoader();
    REQUIRE(loader.isOk());
    Actor a, b;
    a.name = "Alpha";
    b.name = "Beta";
    ActorId ia = (*loader)->putActor(a, {"alpha"}).value();
    ActorId ib = (*loader)->putActor(b, {"beta"}).value();
    REQUIRE((*loader)->putEdge(fact(ia, ib, EdgeType::kConsult, Date::day(2020, 1, 1), "d")).isOk());
    CHECK_FALSE((*loader)->putEdge(fact(ia, ia, EdgeType::kConsult, Date::day(2020, 1, 1), "d")).isOk());
  }
  auto stats = store->stats().value();
  CHECK(stats.actors == 0);
  CHECK(stats.edges == 0);
  CHECK(store->lookupNameKey("alpha").value().empty());
}

TEST_CASE("BulkLoader: a read-only store refuses to bulk load", "[storage][bulk]") {
  TempDir dir;
  { open(dir); }
  StoreOptions ro;
  ro.readOnly = true;
  auto store = openStore(dir.sub("db"), ro);
  REQUIRE(store.isOk());
  auto loader = (*store)->newBulkLoader();
  REQUIRE_FALSE(loader.isOk());
  CHECK(loader.status().code() == StatusCode::kFailedPrecondition);
}

TEST_CASE("BulkLoader: an ingested edge keeps its date basis and source count when a load adds to it",
          "[storage][bulk]") {
  TempDir dir;
  auto store = open(dir);
  auto batch = store->newBatch();
  Actor a, b;
  a.name = "Alpha";
  b.name = "Beta";
  ActorId ia = batch->putActor(a, {"alpha"}).value();
  ActorId ib = batch->putActor(b, {"beta"}).value();
  Edge read = fact(ia, ib, EdgeType::kAssault, Date::day(2020, 1, 3), "doc1");
  read.dateBasis = DateBasis::kText;
  EdgeId id = batch->putEdge(read).value();
  REQUIRE(store->commit(*batch).isOk());
  const Edge before = store->getEdge(id).value();
  REQUIRE(before.dateBasis == DateBasis::kText);
  REQUIRE(before.sources == 1);

  auto loader = store->newBulkLoader();
  REQUIRE(loader.isOk());
  CHECK((*loader)->putEdge(fact(ia, ib, EdgeType::kAssault, Date::day(2020, 1, 3), "events.tab:7")).value() == id);
  REQUIRE((*loader)->finish().isOk());
  const Edge after = store->getEdge(id).value();
  CHECK(after.evidence.size() == 2);
  CHECK(after.dateBasis == DateBasis::kText);
  CHECK(after.sources == before.sources);  // imported rows are not counted as sources
}

TEST_CASE("BulkLoader: evidence attributes are stored, and a repeated record keeps the first one's", "[storage][bulk]") {
  TempDir dir;
  auto store = open(dir);
  Actor x, y;
  x.name = "X";
  y.name = "Y";
  auto loader = store->newBulkLoader();
  REQUIRE(loader.isOk());
  auto xi = (*loader)->putActor(x, {"x"});
  auto yi = (*loader)->putActor(y, {"y"});
  REQUIRE(xi.isOk());
  REQUIRE(yi.isOk());
  Edge e = fact(*xi, *yi, EdgeType::kAssault, Date::day(2020, 1, 3), "gdelt:1");
  e.evidence[0].attributes = {{"goldstein", "-10.0"}, {"lat", "33.3"}};
  Edge plain = fact(*xi, *yi, EdgeType::kAssault, Date::day(2020, 1, 3), "gdelt:2");
  Edge repeat = e;
  repeat.evidence[0].attributes = {{"goldstein", "0"}};
  for (const Edge* one : {&e, &plain, &repeat}) REQUIRE((*loader)->putEdge(*one).isOk());
  auto st = (*loader)->finish();
  REQUIRE(st.isOk());
  CHECK(st->evidenceAdded == 2);
  auto edges = out(*store, *xi);
  REQUIRE(edges.size() == 1);
  auto full = store->getEdge(edges[0].edge.id);
  REQUIRE(full.isOk());
  REQUIRE(full->evidence.size() == 2);
  CHECK(full->evidence[0].doc == "gdelt:1");
  CHECK(full->evidence[0].attributes == std::map<std::string, std::string>{{"goldstein", "-10.0"}, {"lat", "33.3"}});
  CHECK(full->evidence[1].attributes.empty());
}
