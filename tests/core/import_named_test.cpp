// Named TKG event files (events_named.tsv), and the ICEWS fields kept as
// evidence attributes.
#include <catch2/catch.hpp>

#include <filesystem>

#include "../support/shared_data.h"
#include "core/importer.h"
#include "import_test_util.h"

using namespace kg;
using namespace kg::core;
using namespace kg::testing;

TEST_CASE("Importer: a named events file loads as a TKG set, dated by its date column", "[core][import]") {
  TempDir dir;
  auto store = openTestDb(dir);
  std::filesystem::create_directories(dir.sub("tiny"));
  const std::string file = dir.sub("tiny/events_named.tsv");
  writeFile(file, "date\tt\tsubject\trelation\tobject\tsplit\n"
                  "2019-12-29\t0\tUnited States\tUse conventional military force\tKataib Hezbollah\ttrain\n"
                  "2019-12-31\t2\tProtester (Iraq)\tDemonstrate or rally\tEmbassy (United States)\ttrain\n"
                  "2020-01-03\t5\tUnited States\t195\tQassem Soleimani\ttest\n"
                  "2020-01-03\t5\tUnited States\tDance a jig\tIran\ttest\n"       // 5: no such event
                  "2020-02-30\t5\tUnited States\tMake statement\tIran\ttest\n"    // 6: no such day
                  "2020-01-05\t7\tIraq\tMake statement\n");                       // 7: short
  REQUIRE(detectImportFormat(file).value() == "tkg");
  auto r = Importer(*store).run(importOptions(ImportFormat::kTkg, file));
  INFO(r.status().toString());
  REQUIRE(r.isOk());
  CHECK(r->rows == 6);
  CHECK(r->stored == 3);
  CHECK(r->malformed == 3);
  checkAccounting(*r);
  REQUIRE(r->examples.size() == 3);
  CHECK(r->examples[0].find("events_named.tsv:5: relation 'Dance a jig' is not a CAMEO event code or name") !=
        std::string::npos);
  CHECK(r->examples[1].find("events_named.tsv:6: bad date '2020-02-30'") != std::string::npos);
  CHECK(r->examples[2].find("events_named.tsv:7: expected 6 tab-separated fields, got 4") != std::string::npos);
  const Evidence ev = evidenceOfDoc(*store, "tkg:tiny/events_named.tsv");
  CHECK(ev.sentence == 2);
  CHECK(ev.text == "Use conventional military force");
  bool strike = false;
  for (const Edge& e : edgesWithEvidence(*store))
    if (e.cameo == "195") strike = e.when.from == Date::day(2020, 1, 3) && e.type == EdgeType::kAssault;
  CHECK(strike);
  auto again = Importer(*store).run(importOptions(ImportFormat::kTkg, file));
  REQUIRE(again.isOk());
  CHECK(again->stored == 0);
  CHECK(again->merged == 3);
}

TEST_CASE("Importer: ICEWS rows keep intensity, sectors, story, publisher and location", "[core][import]") {
  TempDir dir;
  auto store = openTestDb(dir);
  const std::string file = dir.sub("events.tab");
  writeFile(file,
            "Event ID\tEvent Date\tSource Name\tSource Sectors\tSource Country\tEvent Text\tCAMEO Code\tIntensity\t"
            "Target Name\tTarget Sectors\tTarget Country\tStory ID\tSentence Number\tPublisher\tCity\tDistrict\t"
            "Province\tCountry\tLatitude\tLongitude\n"
            "7\t2020-01-03\tUnited States\tGovernment\tUnited States\tUse conventional military force\t190\t-10\t"
            "Iraq\tGovernment\tIraq\t555\t2\tExample Wire\tBaghdad\tNA\tBaghdad\tIraq\t33.34\t44.40\n"
            "8\t2020-01-04\tIraq\tGovernment\tIraq\tMake statement\t010\tstrong\t"
            "United States\tGovernment\tUnited States\t556\t1\tExample Wire\t\t\t\tIraq\tNA\tNA\n");
  auto r = Importer(*store).run(importOptions(ImportFormat::kIcews, file));
  INFO(r.status().toString());
  REQUIRE(r.isOk());
  CHECK(r->stored == 1);
  CHECK(r->malformed == 1);
  REQUIRE(r->examples.size() == 1);
  CHECK(r->examples[0].find("events.tab:3: bad Intensity 'strong' (want a number)") != std::string::npos);
  const Evidence ev = evidenceOfDoc(*store, "icews:7");
  const std::map<std::string, std::string> want = {
      {"intensity", "-10"}, {"src_sectors", "Government"}, {"src_country", "United States"},
      {"dst_sectors", "Government"}, {"dst_country", "Iraq"}, {"story_id", "555"}, {"sentence_id", "2"},
      {"publisher", "Example Wire"}, {"place", "Baghdad"}, {"admin1", "Baghdad"}, {"country", "Iraq"},
      {"lat", "33.34"}, {"lon", "44.40"}};
  CHECK(ev.attributes == want);  // "NA" (ICEWS's no value) is not kept
  auto names = actorNames(*store);
  CHECK(std::find(names.begin(), names.end(), "Baghdad") == names.end());
}

TEST_CASE("Importer: the real ICEWS05-15 named events file loads every row", "[core][import][icews0515]") {
  const std::string file = kSharedData + "/tkg/icews05-15/events_named.tsv";
  KG_REQUIRE_SHARED_PATH(file);
  REQUIRE(detectImportFormat(file).value() == "tkg");
  TempDir dir;
  auto store = openTestDb(dir);
  auto r = Importer(*store).run(importOptions(ImportFormat::kTkg, file));
  INFO(r.status().toString());
  REQUIRE(r.isOk());
  CHECK(r->rows == 461329);
  CHECK(r->malformed == 0);
  CHECK(r->noActorPair == 164);  // "Aceh" -> "Aceh" and the like: no self-loops
  CHECK(r->stored + r->merged == 461329 - 164);
  checkAccounting(*r);
  auto st = store->stats();
  REQUIRE(st.isOk());
  CHECK(st->evidence == r->stored);
  CHECK(st->actors > 10000);
}
