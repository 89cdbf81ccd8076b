#include "core/importer.h"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <unordered_map>

#include "../support/temp_dir.h"
#include "../support/shared_data.h"
#include "core/cameo.h"
#include "graph/snapshot.h"
#include "query/paths.h"
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

// Lines 1..5: a visit, a negotiation, a statement (no PLOVER event: stored
// as STATEMENT), an attack, and the visit again on the same day from another
// report.
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
  CHECK(r->rows == 5);
  CHECK(r->timeUnit == "hours");
  CHECK(r->timeUnitGuessed);
  CHECK(r->stored == 5);  // every row: the repeated visit is new evidence on the visit's edge
  CHECK(r->merged == 0);
  CHECK(r->malformed == 0);

  auto st = store->stats();
  REQUIRE(st.isOk());
  CHECK(st->edges == 5);  // four facts, and the sector link Citizen (Iraq) PART_OF Iraq
  CHECK(st->evidence == 5);
  CHECK(st->actors == 4);  // Iraq, Pompeo, Iran, and the citizens

  const ActorId pompeo = idOf(*store, "Mike Pompeo"), iraq = idOf(*store, "Iraq"), iran = idOf(*store, "Iran");
  bool sawVisit = false, sawAttack = false, sawStatement = false;
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
    if (e.src == iraq && e.dst == iran) {
      sawStatement = true;
      CHECK(e.type == EdgeType::kStatement);
      CHECK(e.cameo == "010");
      CHECK(e.mode.empty());
      CHECK(e.when.from == Date::day(2018, 1, 2));
    }
    if (e.src == iran) {
      sawAttack = true;
      CHECK(e.type == EdgeType::kAssault);
      CHECK(e.when.from == Date::day(2018, 1, 3));
    }
  }
  CHECK(sawVisit);
  CHECK(sawAttack);
  CHECK(sawStatement);

  auto citizens = store->getActor(idOf(*store, "Citizen (Iraq)"));
  REQUIRE(citizens.isOk());
  REQUIRE(citizens->has_value());
  CHECK((*citizens)->kind == ActorKind::kOrganisation);
  CHECK((*citizens)->country == "Iraq");
  size_t partOf = 0;
  for (const Edge& e : allEdges(*store)) {
    if (e.type != EdgeType::kPartOf) continue;
    ++partOf;
    CHECK(e.src == (*citizens)->id);
    CHECK(e.dst == iraq);
    CHECK_FALSE(e.when.anyKnown());
  }
  CHECK(partOf == 1);
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
  CHECK(r->rows == 3);
  CHECK(r->stored == 3);
  CHECK(store->stats()->edges == 3);
  bool sawAppeal = false;
  for (const Edge& e : allEdges(*store)) {
    CHECK(e.type != EdgeType::kAppeal);
    if (e.type == EdgeType::kRequest) {
      sawAppeal = true;  // 020: an appeal, REQUEST as text coding makes it
      CHECK(e.cameo == "020");
      CHECK(e.mode.empty());
    }
    if (e.type == EdgeType::kAssault) CHECK(e.when.from == Date::day(2018, 1, 3));
    if (e.type == EdgeType::kConsult) CHECK(e.when.from == Date::day(2018, 1, 1));
  }
  CHECK(sawAppeal);
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

  // Every reader's events: PLOVER when it has an event; appeals (02x) REQUEST
  // with their demand twin's mode; statements the CAMEO-only STATEMENT.
  CHECK(eventForCameo("190")->type == EdgeType::kAssault);
  CHECK(eventForCameo("190")->code == "190");
  CHECK(eventForCameo("010")->type == EdgeType::kStatement);
  CHECK(eventForCameo("010")->code == "010");
  CHECK(eventForCameo("01")->type == EdgeType::kStatement);
  CHECK(eventForCameo("020")->type == EdgeType::kRequest);
  CHECK(eventForCameo("020")->mode.empty());  // 100: no mode
  CHECK(eventForCameo("0211")->type == EdgeType::kRequest);
  CHECK(eventForCameo("0211")->mode == "assist");  // as 1011
  CHECK(eventForCameo("0211")->code == "0211");
  CHECK(eventForCameo("0253")->mode == "yield");             // as 1053, demand a release
  CHECK(eventForCameo("026")->mode == "meet");               // as 106
  CHECK(eventForCameo("024")->mode == "change");             // as 104
  CHECK(eventForCameo("0219")->type == EdgeType::kRequest);  // not in the table: its parent
  CHECK(eventForCameo("0219")->code == "021");
  CHECK(eventForCameo("0219")->mode == "assist");
  // Every code of roots 02 and 10 agrees on the type, and twins on the mode.
  for (const char* twin : {"0",  "1",  "11", "12", "13", "14", "2",  "3",  "31", "32", "33", "34", "4", "41",
                           "42", "43", "44", "5",  "51", "52", "53", "54", "55", "56", "6",  "7",  "8"}) {
    const std::string appeal = std::string("02") + twin, demand = std::string("10") + twin;
    INFO(appeal << " / " << demand);
    REQUIRE(eventForCameo(appeal).has_value());
    REQUIRE(eventForCameo(demand).has_value());
    CHECK(eventForCameo(appeal)->type == EdgeType::kRequest);
    CHECK(eventForCameo(demand)->type == EdgeType::kRequest);
    CHECK(eventForCameo(appeal)->mode == eventForCameo(demand)->mode);
  }
  CHECK_FALSE(eventForCameo("99").has_value());  // no such root
  CHECK_FALSE(eventForCameo("0").has_value());
  CHECK_FALSE(eventForCameo("01x").has_value());
  CHECK_FALSE(eventForCameo("").has_value());
  CHECK(std::string(edgeTypeName(EdgeType::kStatement)) == "STATEMENT");
  CHECK(std::string(edgeTypeName(EdgeType::kAppeal)) == "APPEAL");
  CHECK(parseEdgeType("appeal").value() == EdgeType::kAppeal);
  CHECK(isCameoOnlyType(EdgeType::kStatement));
  CHECK_FALSE(isStandingType(EdgeType::kStatement));
  CHECK_FALSE(isPloverType(EdgeType::kAppeal));
  CHECK(isPloverType(EdgeType::kAssault));

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
  CHECK(r->rows == 5);
  CHECK(r->stored == 3);
  CHECK(r->rows == r->stored + r->merged + r->malformed);
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
  CHECK(again->rows == 5);
  CHECK(again->stored == 0);
  CHECK(again->merged == 5);
  CHECK(again->malformed == 0);
  auto after = store->stats().value();
  CHECK(after.edges == before.edges);
  CHECK(after.evidence == before.evidence);
  CHECK(after.actors == before.actors);
  CHECK(allEdges(*store) == edgesBefore);

  // New lines about known facts add evidence to the stored edges only.
  write(set + "/train.txt", kTrain + "1\t3\t0\t0\n");
  auto more = Importer(*store).run(tkgOptions(set));
  REQUIRE(more.isOk());
  CHECK(more->stored == 1);
  CHECK(more->merged == 5);
  CHECK(store->stats()->edges == before.edges);
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
  CHECK(r->rows == 3705);
  CHECK(r->malformed == 0);
  CHECK(r->rows == r->stored + r->merged + r->malformed);
  CHECK(r->stored == r->rows);  // no duplicate event ids in the sample: every row is stored
  auto st = store->stats();
  REQUIRE(st.isOk());
  CHECK(st->edges <= r->stored);
  CHECK(st->actors > 300);
  CHECK(st->evidence == r->stored);  // one record per stored event row
  size_t statements = 0, appeals = 0;
  for (const Edge& e : allEdges(*store)) {
    if (e.type == EdgeType::kStatement) {
      ++statements;
      CHECK(e.cameo.rfind("01", 0) == 0);
    }
    CHECK(e.type != EdgeType::kAppeal);
    if (e.type == EdgeType::kRequest && e.cameo.rfind("02", 0) == 0) ++appeals;  // REQUEST, as text codes them
  }
  CHECK(statements > 100);  // 610 statement rows, some the same fact
  CHECK(appeals > 50);      // 198 appeal rows
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
  CHECK(r->rows == 5);
  CHECK(r->stored == 4);  // four edges; the repeated visit is the same fact
  CHECK(r->merged == 1);
  CHECK(store->stats()->edges == 5);  // and the sector link, which is not a row
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
  CHECK(r->stored == 1);
  bool range = false, escaped = false;
  for (const auto& e : r->examples) {
    range = range || e.find("not a date between the years 1 and 9999") != std::string::npos;
    escaped = escaped || e.find("\\x01\\x02\\xff bad") != std::string::npos;
  }
  INFO(r->examples[0] << " / " << (r->examples.size() > 1 ? r->examples[1] : ""));
  CHECK(range);
  CHECK(escaped);
}

namespace {

const std::string kIcewsHeader =
    "Event ID\tEvent Date\tSource Name\tSource Sectors\tSource Country\tEvent Text\tCAMEO Code\t"
    "Target Name\tTarget Sectors\tTarget Country\n";

ImportOptions icewsOptions(const std::string& path) {
  ImportOptions o;
  o.format = ImportFormat::kIcews;
  o.path = path;
  o.cameoDir = kCameoDir;
  return o;
}

}  // namespace

TEST_CASE("Importer: every ICEWS row is stored, merged, without an actor pair or malformed with its file:line", "[core][import]") {
  TempDir dir;
  auto store = openDb(dir);
  const std::string file = dir.sub("events.tab");
  write(file, kIcewsHeader +
                  // 2: an attack; 3: a statement and 4: an appeal (no PLOVER event: kept)
                  "1\t2018-01-02\tIran\t\tIran\tFight\t190\tIraq\t\tIraq\n"
                  "2\t2018-01-02\tRichard Cheney\t\tUnited States\tComment\t010\tIraq\t\tIraq\n"
                  "3\t2018-01-03\tIraq\t\tIraq\tAppeal\t0211\tIran\t\tIran\n"
                  // 5: too few fields; 6: a bad date; 7: a non-numeric code
                  "4\t2018-01-03\tIraq\n"
                  "5\t2018-13-40\tIraq\t\tIraq\tX\t190\tIran\t\tIran\n"
                  "6\t2018-01-03\tIraq\t\tIraq\tX\t1x0\tIran\t\tIran\n"
                  // 8: no CAMEO root 99; 9: one actor on both sides (the store keeps no self-loops)
                  "7\t2018-01-03\tAbu Bakr al-Baghdadi\t\tIraq\tX\t99\tIran\t\tIran\n"
                  "8\t2018-01-03\tQais al-Khazali\t\tIraq\tX\t190\tQais al-Khazali\t\tIraq\n"
                  // 10: line 2 again (same event id): already present
                  "1\t2018-01-02\tIran\t\tIran\tFight\t190\tIraq\t\tIraq\n"
                  "\n");
  auto r = Importer(*store).run(icewsOptions(file));
  INFO(r.status().toString());
  REQUIRE(r.isOk());
  CHECK(r->rows == 9);
  CHECK(r->stored == 3);
  CHECK(r->merged == 1);
  CHECK(r->malformed == 4);
  CHECK(r->noActorPair == 1);  // line 9: the same actor on both sides
  CHECK(r->rows == r->stored + r->merged + r->noActorPair + r->malformed);
  REQUIRE(r->examples.size() == 4);
  CHECK(r->examples[0].find("events.tab:5: expected 10 tab-separated fields, got 3") != std::string::npos);
  CHECK(r->examples[1].find("events.tab:6: bad Event Date '2018-13-40'") != std::string::npos);
  CHECK(r->examples[2].find("events.tab:7: bad CAMEO Code '1x0'") != std::string::npos);
  CHECK(r->examples[3].find("events.tab:8: CAMEO Code '99' is not a CAMEO event code") != std::string::npos);
  REQUIRE(r->noActorPairExamples.size() == 1);
  CHECK(r->noActorPairExamples[0].find("events.tab:9: Source Name and Target Name are the same actor ('Qais al-Khazali')") !=
        std::string::npos);

  std::map<EdgeType, std::string> cameoOf;
  for (const Edge& e : allEdges(*store)) cameoOf[e.type] = e.cameo;
  CHECK(cameoOf.size() == 3);
  CHECK(cameoOf[EdgeType::kAssault] == "190");
  CHECK(cameoOf[EdgeType::kStatement] == "010");
  CHECK(cameoOf[EdgeType::kRequest] == "0211");  // an appeal: REQUEST, as text coding makes it
  CHECK(cameoOf.count(EdgeType::kAppeal) == 0);
  // Every actor a well-read row names exists, also when its event could not be stored.
  CHECK(idOf(*store, "Richard Cheney") != 0);
  CHECK(idOf(*store, "Abu Bakr al-Baghdadi") != 0);
  CHECK(idOf(*store, "Qais al-Khazali") != 0);

  // The examples are capped; the count is not.
  auto o = icewsOptions(file);
  o.maxExamples = 2;
  auto capped = Importer(*store).run(o);
  REQUIRE(capped.isOk());
  CHECK(capped->malformed == 4);
  CHECK(capped->examples.size() == 2);
  CHECK(capped->stored == 0);
  CHECK(capped->merged == 4);
}

TEST_CASE("Importer: with strict, one malformed ICEWS row stores nothing, actors included", "[core][import]") {
  TempDir dir;
  auto store = openDb(dir);
  const std::string file = dir.sub("events.tab");
  write(file, kIcewsHeader + "1\t2018-01-02\tIran\t\tIran\tFight\t190\tIraq\t\tIraq\n" +
                  "2\t2018-01-02\tRichard Cheney\t\tUnited States\tComment\t99\tIraq\t\tIraq\n");
  auto o = icewsOptions(file);
  o.strict = true;
  auto r = Importer(*store).run(o);
  REQUIRE_FALSE(r.isOk());
  CHECK(r.status().code() == StatusCode::kInvalidArgument);
  CHECK(r.status().message().find("events.tab:3: CAMEO Code '99'") != std::string::npos);
  CHECK(r.status().message().find("nothing was imported") != std::string::npos);
  auto st = store->stats();
  REQUIRE(st.isOk());
  CHECK(st->actors == 0);
  CHECK(st->edges == 0);
  CHECK(st->evidence == 0);
}

TEST_CASE("Importer: no ICEWS18 event is lost, and re-importing adds nothing", "[core][import][icews18]") {
  const std::string set = kShared + "/data/tkg/icews18";
  KG_REQUIRE_SHARED_PATH(set + "/train.txt");
  TempDir dir;
  auto store = openDb(dir);
  auto r = Importer(*store).run(tkgOptions(set));
  INFO(r.status().toString());
  REQUIRE(r.isOk());
  // 373,018 + 45,995 + 49,545 rows in train/valid/test (stat.txt).
  CHECK(r->rows == 468558);
  CHECK(r->malformed == 0);
  CHECK(r->rows == r->stored + r->merged + r->malformed);
  CHECK(r->stored == r->rows);  // each row is its own evidence record (file, line)
  auto st = store->stats();
  REQUIRE(st.isOk());
  CHECK(st->evidence == r->stored);
  // Every entity of entity2id.txt occurs in some row; and Kiribati, which
  // only sector names ("... (Kiribati)") mention, is made for their PART_OF links.
  CHECK(st->actors == 23033 + 1);

  // The statements and appeals that used to be dropped are stored with their code.
  uint64_t statements = 0, appeals = 0, events = 0;
  bool codesOk = true;
  REQUIRE(store->scanEdges([&](const storage::EdgeHeader& h) {
    events += h.evidenceCount;
    if (h.edge.type == EdgeType::kStatement) {
      statements += h.evidenceCount;
      codesOk = codesOk && h.edge.cameo.rfind("01", 0) == 0;
    }
    codesOk = codesOk && h.edge.type != EdgeType::kAppeal;
    if (h.edge.type == EdgeType::kRequest)
      codesOk = codesOk && (h.edge.cameo.rfind("02", 0) == 0 || h.edge.cameo.rfind("10", 0) == 0);
    if (h.edge.type == EdgeType::kRequest && h.edge.cameo.rfind("02", 0) == 0) appeals += h.evidenceCount;
    return storage::Scan::kContinue;
  }).isOk());
  CHECK(codesOk);
  CHECK(events == 468558);
  // The rows an import without them dropped: 124,935 (468,558 - 343,623), of
  // which 94,611 statements and 30,324 appeals. Appeals are REQUEST now, so an
  // appeal and a demand of one pair and day are one edge, whose code is its
  // first row's: the appeals counted by code are close to 30,324, not exact.
  CHECK(statements == 94611);
  CHECK(appeals > 30000);
  CHECK(appeals < 30700);
  const ActorId cheney = idOf(*store, "Richard Cheney");
  CHECK(cheney != 0);

  auto again = Importer(*store).run(tkgOptions(set));
  REQUIRE(again.isOk());
  CHECK(again->rows == 468558);
  CHECK(again->stored == 0);
  CHECK(again->merged == 468558);
  CHECK(again->malformed == 0);
  auto after = store->stats();
  REQUIRE(after.isOk());
  CHECK(after->edges == st->edges);
  CHECK(after->evidence == st->evidence);
  CHECK(after->actors == st->actors);
}

TEST_CASE("Importer: after importing ICEWS18, shortest paths are the BFS distances over every row",
          "[core][import][icews18]") {
  const std::string set = kShared + "/data/tkg/icews18";
  KG_REQUIRE_SHARED_PATH(set + "/train.txt");
  TempDir dir;
  auto store = openDb(dir);
  auto o = tkgOptions(set);
  o.evidence = false;
  o.sectorLinks = false;  // the reference below is the rows alone
  REQUIRE(Importer(*store).run(o).isOk());
  auto snap = graph::Snapshot::fromStore(*store);
  REQUIRE(snap.isOk());
  std::unordered_map<std::string, ActorId> idByName;
  REQUIRE(store->scanActors([&](const Actor& a) {
    idByName.emplace(a.name, a.id);
    return storage::Scan::kContinue;
  }).isOk());

  // The reference: every row of the three files as an undirected edge, read here.
  std::vector<std::string> names;
  {
    std::ifstream in(set + "/entity2id.txt");
    std::string line;
    while (std::getline(in, line)) {
      auto tab = line.rfind('\t');
      size_t id = std::stoul(line.substr(tab + 1));
      if (names.size() <= id) names.resize(id + 1);
      names[id] = line.substr(0, tab);
    }
  }
  std::vector<std::vector<uint32_t>> adj(names.size());
  for (const char* f : {"train.txt", "valid.txt", "test.txt"}) {
    std::ifstream in(set + "/" + f);
    std::string line;
    while (std::getline(in, line)) {  // subject relation object time [ignored]
      std::istringstream fields(line);
      uint32_t s = 0, r = 0, t = 0;
      if (!(fields >> s >> r >> t)) continue;
      adj[s].push_back(t);
      adj[t].push_back(s);
    }
  }
  std::mt19937 rng(2024);
  int compared = 0;
  while (compared < 100) {
    const uint32_t a = rng() % names.size(), b = rng() % names.size();
    if (a == b || adj[a].empty() || adj[b].empty()) continue;
    std::vector<int> dist(names.size(), -1);
    std::vector<uint32_t> queue{a};
    dist[a] = 0;
    for (size_t i = 0; i < queue.size() && dist[b] < 0; ++i)
      for (uint32_t n : adj[queue[i]])
        if (dist[n] < 0) {
          dist[n] = dist[queue[i]] + 1;
          queue.push_back(n);
        }
    if (dist[b] < 0 || dist[b] > 8) continue;
    query::PathOptions po;
    po.maxDepth = 8;
    auto va = (*snap)->vertexOf(idByName.at(names[a])), vb = (*snap)->vertexOf(idByName.at(names[b]));
    REQUIRE(va.has_value());
    REQUIRE(vb.has_value());
    auto p = query::findPaths(**snap, *va, *vb, po);
    INFO(names[a] << " -> " << names[b] << ": BFS " << dist[b]);
    REQUIRE(p.isOk());
    REQUIRE_FALSE(p->paths.empty());
    CHECK(p->paths[0].edges.size() == static_cast<size_t>(dist[b]));
    ++compared;
  }
}
