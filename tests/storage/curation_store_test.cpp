// The store's curation primitives (FORMAT.md "Curation"): removal, suppressed
// facts, merged names and the log, each in one batch.
#include <catch2/catch.hpp>

#include "../support/temp_dir.h"
#include "storage/graph_store.h"

using namespace kg;
using namespace kg::storage;
using kg::testing::TempDir;

namespace {

std::unique_ptr<GraphStore> openFresh(const TempDir& dir) {
  auto s = openStore(dir.sub("db"), {});
  INFO(s.status().toString());
  REQUIRE(s.isOk());
  return std::move(s).value();
}

ActorId addActor(GraphStore& st, const std::string& name) {
  Actor a;
  a.name = name;
  a.kind = ActorKind::kOrganisation;
  auto b = st.newBatch();
  auto id = b->putActor(a, {name});
  REQUIRE(id.isOk());
  REQUIRE(st.commit(*b).isOk());
  return id.value();
}

Edge attack(ActorId s, ActorId d, const std::string& doc) {
  Edge e;
  e.src = s;
  e.dst = d;
  e.type = EdgeType::kAssault;
  e.when = DateRange::point(Date::day(2020, 1, 3));
  e.confidence = 0.8f;
  e.evidence.push_back({doc, 0, 0, 5, "text"});
  return e;
}

// `e` written and committed in a batch of its own; returns its id.
EdgeId addEdge(GraphStore& st, const Edge& e) {
  auto b = st.newBatch();
  auto id = b->putEdge(e);
  REQUIRE(id.isOk());
  REQUIRE(st.commit(*b).isOk());
  return id.value();
}

}  // namespace

TEST_CASE("Curation store: a removed edge takes its evidence and stays removed", "[storage][curation]") {
  TempDir dir;
  auto st = openFresh(dir);
  const ActorId a = addActor(*st, "a"), b = addActor(*st, "b");
  const EdgeId id = addEdge(*st, attack(a, b, "d1"));

  auto batch = st->newBatch();
  REQUIRE(batch->removeEdge(id).isOk());
  REQUIRE(batch->suppressFact(SuppressedFact{a, EdgeType::kAssault, Date::day(2020, 1, 3), b}, id).isOk());
  CurationRecord rec;
  rec.user = "tester";
  rec.command = "edge rm";
  auto seq = batch->appendLog(rec);
  REQUIRE(seq.isOk());
  CHECK(seq.value() == 1);
  REQUIRE(st->commit(*batch).isOk());
  CHECK(st->stats()->edges == 0);
  CHECK(st->stats()->evidence == 0);
  CHECK(st->getEdge(id).status().code() == StatusCode::kNotFound);
  CHECK(st->isSuppressed(SuppressedFact{a, EdgeType::kAssault, Date::day(2020, 1, 3), b}).value());

  // The same fact from another report is dropped; another day is not.
  batch = st->newBatch();
  auto again = batch->putEdge(attack(a, b, "d2"));
  REQUIRE(again.isOk());
  CHECK(again.value() == 0);
  Edge later = attack(a, b, "d3");
  later.when = DateRange::point(Date::day(2020, 1, 9));
  CHECK(batch->putEdge(later).value() != 0);
  REQUIRE(st->commit(*batch).isOk());
  CHECK(st->stats()->edges == 1);

  // ... and by a bulk load.
  auto loader = st->newBulkLoader();
  REQUIRE(loader.isOk());
  CHECK((*loader)->putEdge(attack(a, b, "d4")).value() == 0);
  REQUIRE((*loader)->finish().isOk());
  CHECK(st->stats()->edges == 1);

  std::vector<CurationRecord> log;
  REQUIRE(st->scanLog([&](const CurationRecord& r) {
    log.push_back(r);
    return Scan::kContinue;
  }).isOk());
  REQUIRE(log.size() == 1);
  CHECK(log[0].seq == 1);
  CHECK(log[0].user == "tester");
  batch = st->newBatch();
  CHECK(batch->removeEdge(999).code() == StatusCode::kNotFound);
  CHECK(batch->removeActor(999).code() == StatusCode::kNotFound);
}

TEST_CASE("Curation store: a removed actor leaves the name index, merged names are recorded", "[storage][curation]") {
  TempDir dir;
  auto st = openFresh(dir);
  const ActorId a = addActor(*st, "alpha"), b = addActor(*st, "beta");
  auto batch = st->newBatch();
  REQUIRE(batch->removeActor(b).isOk());
  REQUIRE(batch->setMergedName("beta", a).isOk());
  REQUIRE(st->commit(*batch).isOk());
  CHECK(st->stats()->actors == 1);
  CHECK_FALSE(st->getActor(b).value().has_value());
  CHECK(st->lookupNameKey("beta").value().empty());
  CHECK(st->mergedInto("beta").value() == std::optional<ActorId>(a));
  CHECK_FALSE(st->mergedInto("gamma").value().has_value());
  batch = st->newBatch();
  REQUIRE(batch->setMergedName("beta", 0).isOk());
  REQUIRE(st->commit(*batch).isOk());
  CHECK_FALSE(st->mergedInto("beta").value().has_value());
}

TEST_CASE("Curation store: a removed actor's edges are dropped by batches and bulk loads until the mark is lifted",
          "[storage][curation]") {
  TempDir dir;
  auto st = openFresh(dir);
  const ActorId a = addActor(*st, "a"), b = addActor(*st, "b");
  auto batch = st->newBatch();
  REQUIRE(batch->removeActor(b).isOk());
  REQUIRE(batch->setActorRemoved(b, true).isOk());
  // Within the batch already.
  auto dropped = batch->putEdge(attack(a, b, "d1"));
  REQUIRE(dropped.isOk());
  CHECK(dropped.value() == 0);
  REQUIRE(st->commit(*batch).isOk());
  CHECK(st->isActorRemoved(b).value());
  CHECK(!st->isActorRemoved(a).value());

  batch = st->newBatch();
  CHECK(batch->putEdge(attack(b, a, "d2")).value() == 0);
  CHECK(batch->addAliases(b, {"bee"}, {"bee"}).isOk());  // nothing to name: no error, nothing written
  auto loader = st->newBulkLoader();
  REQUIRE(loader.isOk());
  CHECK((*loader)->putEdge(attack(a, b, "d3")).value() == 0);
  REQUIRE((*loader)->finish().isOk());
  CHECK(st->stats().value().edges == 0);

  std::vector<ActorId> removed;
  REQUIRE(st->scanRemovedActors([&](ActorId id) {
              removed.push_back(id);
              return Scan::kContinue;
            }).isOk());
  CHECK(removed == std::vector<ActorId>{b});

  batch = st->newBatch();
  REQUIRE(batch->setActorRemoved(b, false).isOk());
  REQUIRE(st->commit(*batch).isOk());
  CHECK(!st->isActorRemoved(b).value());
  batch = st->newBatch();
  CHECK(batch->putEdge(attack(a, b, "d4")).value() != 0);
}

TEST_CASE("Curation store: a batch may remove an edge and restore it as it was, writtenEdge says what it leaves",
          "[storage][curation]") {
  TempDir dir;
  auto st = openFresh(dir);
  const ActorId a = addActor(*st, "a"), b = addActor(*st, "b");
  const EdgeId id = addEdge(*st, attack(a, b, "d1"));
  auto original = st->getEdge(id);
  REQUIRE(original.isOk());

  // Evidence joins it; the batch reports the edge as it will be.
  auto batch = st->newBatch();
  REQUIRE(batch->putEdge(attack(a, b, "d2")).value() == id);
  auto written = batch->writtenEdge(id);
  REQUIRE(written.has_value());
  CHECK(written->evidenceCount == 2);
  CHECK(written->edge.sources == 2);
  CHECK(!batch->writtenEdge(id + 1).has_value());
  REQUIRE(st->commit(*batch).isOk());
  auto header = st->getEdgeHeader(id);
  REQUIRE(header.isOk());
  CHECK(header.value()->edge == written->edge);
  CHECK(header.value()->evidenceCount == 2);

  // Removed and restored in one batch: exactly the edge it was, counters included.
  batch = st->newBatch();
  REQUIRE(batch->removeEdge(id).isOk());
  CHECK(!batch->writtenEdge(id).has_value());
  REQUIRE(batch->restoreEdge(original.value(), 1).isOk());
  CHECK(batch->writtenEdge(id)->evidenceCount == 1);
  REQUIRE(st->commit(*batch).isOk());
  CHECK(st->getEdge(id).value() == original.value());
  CHECK(st->stats().value().edges == 1);
  CHECK(st->stats().value().evidence == 1);
  // Without the removal, a stored id is still refused.
  batch = st->newBatch();
  CHECK(batch->restoreEdge(original.value(), 1).code() == StatusCode::kAlreadyExists);
}
