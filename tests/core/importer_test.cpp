#include "core/importer.h"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "../support/temp_dir.h"
#include "../support/shared_data.h"
#include "core/cameo.h"
#include "storage/graph_store.h"

using namespace kg;
using namespace kg::core;
using kg::testing::TempDir;

namespace {

const std::string kShared = KG_SHARED_DIR;
const std::string kCameoDir = kShared + "/data/cameo";

void write(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
}

std::unique_ptr<storage::GraphStore> openDb(const TempDir& dir) {
  auto s = storage::openStore(dir.sub("db"), {});
  INFO(s.status().toString());
  REQUIRE(s.isOk());
  return std::move(s).value();
}

// A small ICEWS18-style set written for these tests: four actors, CAMEO
// event names as relations, hours since 2018-01-01 as time.
std::string writeTkgFixture(const TempDir& dir, const std::string& train) {
  const std::string set = dir.sub("tiny18");
  std::filesystem::create_directories(set);
  write(set + "/entity2id.txt", "Iraq\t0\nMike Pompeo\t1\nCitizen (Iraq)\t2\nIran\t3\n");
  write(set + "/relation2id.txt",
        "Make statement\t0\nEngage in negotiation\t1\nUse conventional military force\t2\nMake a visit\t3\n");
  write(set + "/train.txt", train);
  return set;
}

// Lines 1..5: a visit, a negotiation, a statement (no PLOVER event), an
// attack, and the visit again on the same day from another report.
const std::string kTrain =
    "1\t3\t0\t0\n"
    "1\t1\t3\t24\n"
    "0\t0\t3\t24\n"
    "3\t2\t2\t48\n"
    "1\t3\t0\t0\n";

ImportOptions tkgOptions(const std::string& path) {
  ImportOptions o;
  o.format = ImportFormat::kTkg;
  o.path = path;
  o.cameoDir = kCameoDir;
  return o;
}

std::vector<Edge> allEdges(const storage::GraphStore& store) {
  std::vector<Edge> out;
  REQUIRE(store.scanEdges([&](const storage::EdgeHeader& h) {
    out.push_back(h.edge);
    return storage::Scan::kContinue;
  }).isOk());
  return out;
}

ActorId idOf(const storage::GraphStore& store, const std::string& name) {
  ActorId found = 0;
  REQUIRE(store.scanActors([&](const Actor& a) {
    if (a.name == name) found = a.id;
    return storage::Scan::kContinue;
  }).isOk());
  return found;
}

}  // namespace

TEST_CASE("Importer: a TKG directory loads as typed, dated, evidenced edges", "[core][import]") {
  TempDir dir;
  auto store = openDb(dir);
  auto r = Importer(*store).run(tkgOptions(writeTkgFixture(dir, kTrain)));
  INFO(r.status().toString());
  REQUIRE(r.isOk());
  CHECK(r->lines == 5);
  CHECK(r->timeUnit == "hours");
  CHECK(r->timeUnitGuessed);
  CHECK(r->unmapped == 1);
  CHECK(r->unmappedCodes.at("010") == 1);
  CHECK(r->events == 4);
  CHECK(r->edgesAdded == 3);
  CHECK(r->edgesMerged == 1);
  CHECK(r->evidenceAdded == 4);
  CHECK(r->actorsAdded == 4);  // Iraq, Pompeo, Iran, and the citizens (all used by a mapped event)

  auto st = store->stats();
  REQUIRE(st.isOk());
  CHECK(st->edges == 3);
  CHECK(st->evidence == 4);
  CHECK(st->actors == 4);

  const ActorId pompeo = idOf(*store, "Mike Pompeo"), iraq = idOf(*store, "Iraq"), iran = idOf(*store, "Iran");
  bool sawVisit = false, sawAttack = false;
  for (const Edge& e : allEdges(*store)) {
    if (e.src == pompeo && e.dst == iraq) {
      sawVisit = true;
      CHECK(e.type == EdgeType::kConsult);
      CHECK(e.mode == "visit");
      CHECK(e.cameo == "042");
      CHECK(e.when.from == Date::day(2018, 1, 1));
      CHECK(e.when.to == e.when.from);
      auto full = store->getEdge(e.id);
      REQUIRE(full.isOk());
      REQUIRE(full->evidence.size() == 2);
      CHECK(full->evidence[0].doc == "tkg:tiny18/train.txt");
      CHECK(full->evidence[0].sentence == 1);
      CHECK(full->evidence[1].sentence == 5);
      CHECK(full->evidence[0].text == "Make a visit");
    }
    if (e.src == iran) {
      sawAttack = true;
      CHECK(e.type == EdgeType::kAssault);
      CHECK(e.when.from == Date::day(2018, 1, 3));
    }
  }
  CHECK(sawVisit);
  CHECK(sawAttack);

  auto citizens = store->getActor(idOf(*store, "Citizen (Iraq)"));
  REQUIRE(citizens.isOk());
  REQUIRE(citizens->has_value());
  CHECK((*citizens)->kind == ActorKind::kOrganisation);
  CHECK((*citizens)->country == "Iraq");
  auto name = store->lookupNameKey("mike pompeo");
  REQUIRE(name.isOk());
  CHECK(name->size() == 1);
}

TEST_CASE("Importer: time indices become days in hours, minutes or days from the epoch", "[core][import]") {
  const int32_t epoch = Date::day(2018, 1, 1).days();
  CHECK(dayOfTimeIndex(0, TimeUnit::kHours, epoch) == epoch);
  CHECK(dayOfTimeIndex(23, TimeUnit::kHours, epoch) == epoch);
  CHECK(dayOfTimeIndex(7272, TimeUnit::kHours, epoch) == Date::day(2018, 10, 31).days());
  CHECK(dayOfTimeIndex(38865, TimeUnit::kMinutes, epoch) == Date::day(2018, 1, 27).days());
  CHECK(dayOfTimeIndex(1439, TimeUnit::kMinutes, epoch) == epoch);
  CHECK(dayOfTimeIndex(1440, TimeUnit::kMinutes, epoch) == epoch + 1);
  CHECK(dayOfTimeIndex(31, TimeUnit::kDays, epoch) == Date::day(2018, 2, 1).days());
  CHECK(guessTimeUnit(24) == TimeUnit::kHours);
  CHECK(guessTimeUnit(15) == TimeUnit::kMinutes);
  CHECK(guessTimeUnit(1) == TimeUnit::kDays);
  CHECK(guessTimeUnit(0) == TimeUnit::kDays);
  CHECK(parseTimeUnit("minutes").value() == TimeUnit::kMinutes);
  CHECK_FALSE(parseTimeUnit("weeks").isOk());
}

TEST_CASE("Importer: GDELT-style CAMEO codes and minute steps are read as such", "[core][import]") {
  TempDir dir;
  auto store = openDb(dir);
  const std::string set = dir.sub("tinygdelt");
  std::filesystem::create_directories(set);
  write(set + "/entity2id.txt", "IRAN\t0\nTHE US\t1\nPRESIDENT\t2\n");
  write(set + "/relation2id.txt", "042\t0\n190\t1\n020\t2\n");
  write(set + "/train.txt", "1\t0\t0\t15\n0\t1\t1\t2895\n2\t2\t0\t30\n");
  auto r = Importer(*store).run(tkgOptions(set));
  INFO(r.status().toString());
  REQUIRE(r.isOk());
  CHECK(r->timeUnit == "minutes");
  CHECK(r->edgesAdded == 2);
  CHECK(r->unmapped == 1);  // 020: an appeal
  for (const Edge& e : allEdges(*store)) {
    if (e.type == EdgeType::kAssault) CHECK(e.when.from == Date::day(2018, 1, 3));
    if (e.type == EdgeType::kConsult) CHECK(e.when.from == Date::day(2018, 1, 1));
  }
  auto us = store->getActor(idOf(*store, "THE US"));
  REQUIRE(us.isOk());
  CHECK((*us)->kind == ActorKind::kState);
}

TEST_CASE("Importer: CAMEO codes map to PLOVER types, falling back to the parent code", "[core][import]") {
  CHECK(ploverForCameo("190")->type == EdgeType::kAssault);
  CHECK(ploverForCameo("042")->type == EdgeType::kConsult);
  CHECK(ploverForCameo("042")->mode == "visit");
  CHECK(ploverForCameo("163")->type == EdgeType::kCoerce);
  CHECK(ploverForCameo("084")->type == EdgeType::kRetreat);
  CHECK(ploverForCameo("1823")->type == EdgeType::kAssault);
  CHECK(ploverForCameo("0315")->code == "031");  // not listed: its parent
  CHECK(ploverForCameo("0315")->type == EdgeType::kAgree);
  CHECK_FALSE(ploverForCameo("010").has_value());  // statements: no PLOVER event
  CHECK_FALSE(ploverForCameo("02").has_value());   // appeals
  CHECK_FALSE(ploverForCameo("abc").has_value());
  CHECK_FALSE(ploverForCameo("").has_value());

  auto names = CameoNames::load(kCameoDir);
  REQUIRE(names.isOk());
  CHECK(names->codeOf("Use conventional military force") == "190");
  CHECK(names->codeOf("use conventional  military-force") == "190");
  CHECK(names->codeOf("Threaten") == "130");  // not the root label THREATEN (13)
  CHECK_FALSE(names->codeOf("Write a poem").has_value());
}

TEST_CASE("Importer: actor kinds are guessed from the name", "[core][import]") {
  CHECK(guessActorKind("Iraq") == ActorKind::kState);
  CHECK(guessActorKind("THE US") == ActorKind::kState);
  CHECK(guessActorKind("Citizen (Iraq)") == ActorKind::kOrganisation);
  CHECK(guessActorKind("Foreign Affairs (Bangladesh)") == ActorKind::kGovernmentBody);
  CHECK(guessActorKind("Militant (Iraq)") == ActorKind::kArmedGroup);
  CHECK(guessActorKind("Mike Pompeo") == ActorKind::kPerson);
  CHECK(guessActorKind("Kata'ib Hezbollah") == ActorKind::kOrganisation);
  CHECK(guessActorKind("PRESIDENT") == ActorKind::kOther);
}

TEST_CASE("Importer: a malformed line is reported with file:line and the rest loads", "[core][import]") {
  TempDir dir;
  auto store = openDb(dir);
  const std::string set = writeTkgFixture(dir, "1\t3\t0\t0\n1\t1\t3\t24\nnot a quadruple\n3\t2\t2\t48\n9\t2\t2\t48\n");
  auto r = Importer(*store).run(tkgOptions(set));
  INFO(r.status().toString());
  REQUIRE(r.isOk());
  CHECK(r->malformed == 2);
  REQUIRE(r->examples.size() == 2);
  CHECK(r->examples[0].find("train.txt:3:") != std::string::npos);
  CHECK(r->examples[1].find("train.txt:5: unknown entity id 9") != std::string::npos);
  CHECK(r->edgesAdded == 3);
}

TEST_CASE("Importer: with strict, a malformed line stores nothing", "[core][import]") {
  TempDir dir;
  auto store = openDb(dir);
  const std::string set = writeTkgFixture(dir, "1\t3\t0\t0\n1\t1\t3\t24\n1 3 x 0\n");
  auto o = tkgOptions(set);
  o.strict = true;
  auto r = Importer(*store).run(o);
  REQUIRE_FALSE(r.isOk());
  CHECK(r.status().code() == StatusCode::kInvalidArgument);
  CHECK(r.status().message().find("train.txt:3:") != std::string::npos);
  auto st = store->stats();
  REQUIRE(st.isOk());
  CHECK(st->edges == 0);
  CHECK(st->actors == 0);
  CHECK(allEdges(*store).empty());
}

TEST_CASE("Importer: importing the same data again changes nothing", "[core][import]") {
  TempDir dir;
  auto store = openDb(dir);
  const std::string set = writeTkgFixture(dir, kTrain);
  REQUIRE(Importer(*store).run(tkgOptions(set)).isOk());
  auto before = store->stats().value();
  auto edgesBefore = allEdges(*store);
  auto again = Importer(*store).run(tkgOptions(set));
  REQUIRE(again.isOk());
  CHECK(again->edgesAdded == 0);
  CHECK(again->evidenceAdded == 0);
  CHECK(again->actorsAdded == 0);
  CHECK(again->actorsReused == 4);
  auto after = store->stats().value();
  CHECK(after.edges == before.edges);
  CHECK(after.evidence == before.evidence);
  CHECK(after.actors == before.actors);
  CHECK(allEdges(*store) == edgesBefore);

  // New lines about known facts add evidence to the stored edges only.
  write(set + "/train.txt", kTrain + "1\t3\t0\t0\n");
  auto more = Importer(*store).run(tkgOptions(set));
  REQUIRE(more.isOk());
  CHECK(more->edgesAdded == 0);
  CHECK(more->evidenceAdded == 1);
  CHECK(store->stats()->evidence == before.evidence + 1);
  for (const Edge& e : allEdges(*store))
    if (e.cameo == "042") CHECK(store->getEvidence(e.id, 10)->size() == 3);
}

TEST_CASE("Importer: the real ICEWS 2018 sample loads with plausible counts", "[core][import]") {
  const std::string file = kShared + "/data/icews/icews_events_2018_sample.tab";
  KG_REQUIRE_SHARED_PATH(file);
  TempDir dir;
  auto store = openDb(dir);
  ImportOptions o;
  o.format = ImportFormat::kIcews;
  o.path = file;
  auto r = Importer(*store).run(o);
  INFO(r.status().toString());
  REQUIRE(r.isOk());
  CHECK(r->lines > 3000);
  CHECK(r->malformed == 0);
  CHECK(r->events > 1500);
  CHECK(r->unmapped > 100);  // statements and appeals
  CHECK(r->edgesAdded > 1000);
  CHECK(r->edgesAdded <= r->events);
  CHECK(r->actorsAdded > 300);
  auto st = store->stats();
  REQUIRE(st.isOk());
  CHECK(st->edges == r->edgesAdded);
  CHECK(st->evidence == r->events);  // one record per event row
  auto ids = store->lookupNameKey("iran");
  REQUIRE(ids.isOk());
  REQUIRE_FALSE(ids->empty());
  CHECK((*store->getActor(ids->front()))->kind == ActorKind::kState);
}

TEST_CASE("Importer: a bad ICEWS header names the missing column", "[core][import]") {
  TempDir dir;
  auto store = openDb(dir);
  write(dir.sub("events.tab"), "Event ID\tDate\tSource Name\n1\t2018-01-01\tIraq\n");
  ImportOptions o;
  o.format = ImportFormat::kIcews;
  o.path = dir.sub("events.tab");
  o.cameoDir = kCameoDir;
  auto r = Importer(*store).run(o);
  REQUIRE_FALSE(r.isOk());
  CHECK(r.status().message().find("events.tab:1:") != std::string::npos);
  CHECK(r.status().message().find("'Event Date'") != std::string::npos);
}

TEST_CASE("Importer: without evidence, edges load bare and repeats still merge", "[core][import]") {
  TempDir dir;
  auto store = openDb(dir);
  auto o = tkgOptions(writeTkgFixture(dir, kTrain));
  o.evidence = false;
  auto r = Importer(*store).run(o);
  REQUIRE(r.isOk());
  CHECK(r->edgesAdded == 3);
  CHECK(r->edgesMerged == 1);
  CHECK(r->evidenceAdded == 0);
  CHECK(store->stats()->evidence == 0);
  for (const Edge& e : allEdges(*store)) CHECK(store->getEvidence(e.id, 10)->empty());
}

TEST_CASE("Importer: hostile TKG files: huge or repeated ids, times beyond year 9999, binary bytes", "[core][import]") {
  TempDir dir;
  auto store = openDb(dir);
  const std::string set = writeTkgFixture(dir, kTrain);
  // One id far beyond the file's size: an error naming the line, not 50 million empty names.
  write(set + "/entity2id.txt", "Iraq\t0\nMike Pompeo\t50000000\n");
  auto huge = Importer(*store).run(tkgOptions(set));
  REQUIRE_FALSE(huge.isOk());
  CHECK(huge.status().message().find("entity2id.txt:2: id 50000000 is far beyond") != std::string::npos);
  // An id given twice names both lines.
  write(set + "/entity2id.txt", "Iraq\t0\nMike Pompeo\t1\nIran\t1\n");
  auto twice = Importer(*store).run(tkgOptions(set));
  REQUIRE_FALSE(twice.isOk());
  CHECK(twice.status().message().find("entity2id.txt:3: id 1 was already given on line 2") != std::string::npos);
  // A time far beyond year 9999 is a malformed line, never a wrapped date;
  // control bytes in a quoted line are escaped.
  write(set + "/entity2id.txt", "Iraq\t0\nMike Pompeo\t1\nCitizen (Iraq)\t2\nIran\t3\n");
  write(set + "/train.txt", "1\t3\t0\t0\n1\t3\t0\t100000000000\n\x01\x02\xff bad\n");
  auto r = Importer(*store).run(tkgOptions(set));
  INFO(r.status().toString());
  REQUIRE(r.isOk());
  CHECK(r->malformed == 2);
  CHECK(r->edgesAdded == 1);
  bool range = false, escaped = false;
  for (const auto& e : r->examples) {
    range = range || e.find("not a date between the years 1 and 9999") != std::string::npos;
    escaped = escaped || e.find("\\x01\\x02\\xff bad") != std::string::npos;
  }
  INFO(r->examples[0] << " / " << (r->examples.size() > 1 ? r->examples[1] : ""));
  CHECK(range);
  CHECK(escaped);
}
