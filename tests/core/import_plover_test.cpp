// PLOVER / POLECAT event records (one JSON object per line). The fixtures
// are records written for these tests after the PLOVER field names.
#include <catch2/catch.hpp>

#include <algorithm>

#include "core/importer.h"
#include "import_test_util.h"

using namespace kg;
using namespace kg::core;
using namespace kg::testing;

namespace {

// 1: a drone strike with a POLECAT-style location; 2: a statement without a
// CAMEO code; 3: a record without a recipient; 4: undated (as kg export
// writes an undated edge).
const std::string kRecords =
    R"({"event_id":"p-1","event_date":"2020-01-03","event_type":"ASSAULT","event_mode":"aerial","actor":"United States","actor_country":"USA","actor_role":"MIL","recipient":"Qassem Soleimani","recipient_country":"IRN","event_text":"A US drone strike killed Soleimani.","cameo":"195","publisher":"Example Wire","story_id":"s-9","story_date":"2020-01-03","url":"https://news.example/1","context":["military","terrorism"],"location":{"place_name":"Baghdad International Airport","admin1":"Baghdad","country":"IRQ","lat":33.26,"lon":44.23}})"
    "\n"
    R"({"id":"p-2","event_date":"2020-01-05","event_type":"STATEMENT","actor":"Iraqi Parliament","recipient":"United States","event_text":"Parliament voted to expel US troops.","language":"en"})"
    "\n"
    R"({"id":"p-3","event_date":"2020-01-06","event_type":"THREATEN","actor":"Iran"})"
    "\n"
    R"({"id":"p-4","event_date":null,"event_type":"ACCUSE","actor":"Iran","recipient":"United States"})"
    "\n";

}  // namespace

TEST_CASE("Importer: PLOVER records load with their fields as evidence attributes", "[core][import][plover]") {
  TempDir dir;
  auto store = openTestDb(dir);
  const std::string file = dir.sub("events.jsonl");
  writeFile(file, kRecords);
  REQUIRE(detectImportFormat(file).value() == "plover");
  auto r = Importer(*store).run(importOptions(ImportFormat::kPlover, file));
  INFO(r.status().toString());
  REQUIRE(r.isOk());
  CHECK(r->rows == 4);
  CHECK(r->stored == 3);
  CHECK(r->noActorPair == 1);
  CHECK(r->malformed == 0);
  checkAccounting(*r);

  bool strike = false, statement = false, undated = false;
  for (const Edge& e : edgesWithEvidence(*store)) {
    if (e.type == EdgeType::kAssault) {
      strike = true;
      CHECK(e.mode == "aerial");
      CHECK(e.cameo == "195");
      CHECK(e.when.from == Date::day(2020, 1, 3));
    }
    if (e.type == EdgeType::kStatement) {
      statement = true;
      CHECK(e.cameo.empty());
    }
    if (e.type == EdgeType::kAccuse) undated = !e.when.from.known();
  }
  CHECK(strike);
  CHECK(statement);
  CHECK(undated);

  const Evidence ev = evidenceOfDoc(*store, "plover:p-1");
  CHECK(ev.text == "A US drone strike killed Soleimani.");
  const std::map<std::string, std::string> want = {
      {"publisher", "Example Wire"}, {"story_id", "s-9"}, {"publication_date", "2020-01-03"},
      {"url", "https://news.example/1"}, {"context", "military; terrorism"}, {"src_role", "MIL"},
      {"location.place", "Baghdad International Airport"}, {"location.admin1", "Baghdad"},
      {"location.country", "IRQ"}, {"location.lat", "33.26"}, {"location.lon", "44.23"}};
  for (const auto& [k, v] : want) {
    INFO(k);
    REQUIRE(ev.attributes.count(k) == 1);
    CHECK(ev.attributes.at(k) == v);
  }
  auto names = actorNames(*store);
  CHECK(std::find(names.begin(), names.end(), "Baghdad International Airport") == names.end());  // not an actor
  CHECK(std::find(names.begin(), names.end(), "Iran") != names.end());  // named by the one-sided record

  auto again = Importer(*store).run(importOptions(ImportFormat::kPlover, file));
  REQUIRE(again.isOk());
  CHECK(again->stored == 0);
  CHECK(again->merged == 3);
}

TEST_CASE("Importer: malformed PLOVER records are counted with file:line", "[core][import][plover]") {
  TempDir dir;
  auto store = openTestDb(dir);
  const std::string file = dir.sub("events.jsonl");
  writeFile(file, "{\"id\":\"1\",\"event_type\":\"ASSAULT\",\"actor\":\"A\",\"recipient\":\"B\"\n"  // cut short
                  "{\"id\":\"2\",\"event_type\":\"BOMB\",\"actor\":\"A\",\"recipient\":\"B\"}\n"
                  "{\"id\":\"3\",\"event_type\":\"AID\",\"event_date\":\"2020-13-01\",\"actor\":\"A\",\"recipient\":\"B\"}\n"
                  "{\"event_type\":\"AID\",\"actor\":\"A\",\"recipient\":\"B\"}\n"
                  "{\"id\":\"5\",\"event_type\":\"AID\",\"actor\":\"A\",\"recipient\":\"B\",\"cameo\":\"99\"}\n"
                  "{\"id\":\"6\",\"event_type\":\"AID\",\"actor\":\"A\",\"recipient\":\"B\"}\n");
  auto r = Importer(*store).run(importOptions(ImportFormat::kPlover, file));
  REQUIRE(r.isOk());
  CHECK(r->rows == 6);
  CHECK(r->stored == 1);
  CHECK(r->malformed == 5);
  REQUIRE(r->examples.size() == 5);
  CHECK(r->examples[0].find("events.jsonl:1: not a JSON object") != std::string::npos);
  CHECK(r->examples[1].find("events.jsonl:2: \"event_type\":") != std::string::npos);
  CHECK(r->examples[2].find("events.jsonl:3: bad \"event_date\" '2020-13-01'") != std::string::npos);
  CHECK(r->examples[3].find("events.jsonl:4: no \"id\"") != std::string::npos);
  CHECK(r->examples[4].find("events.jsonl:5: \"cameo\" '99' is not a CAMEO event code") != std::string::npos);
  auto strict = importOptions(ImportFormat::kPlover, file);
  strict.strict = true;
  auto fresh = openTestDb(dir, "strict");
  CHECK_FALSE(Importer(*fresh).run(strict).isOk());
  CHECK(fresh->stats()->edges == 0);
}
