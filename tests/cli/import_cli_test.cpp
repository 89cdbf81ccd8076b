// End to end: `kg import` accounts for every row it reads (stored, merged,
// malformed), keeps the events PLOVER has no type for under STATEMENT and
// APPEAL, and shows them through the JSON contract.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>

#include "../support/run.h"

using kg::testing::shq;
using kg::testing::TempDir;
using nlohmann::json;

namespace {

using Kg = kg::testing::KgCli;

const std::string kShared = std::string(KG_SOURCE_DIR) + "/../shared/data";

// Rows 2-4 are events (an attack, a statement, an appeal); row 5 repeats row
// 2; row 6 has a bad date.
std::string writeEvents(const TempDir& dir) {
  const std::string file = dir.sub("events.tab");
  std::ofstream(file) << "Event ID\tEvent Date\tSource Name\tEvent Text\tCAMEO Code\tTarget Name\n"
                         "1\t2018-01-02\tIran\tFight\t190\tIraq\n"
                         "2\t2018-01-02\tRichard Cheney\tComment\t010\tIraq\n"
                         "3\t2018-01-03\tIraq\tAppeal for a change of leadership\t0211\tIran\n"
                         "1\t2018-01-02\tIran\tFight\t190\tIraq\n"
                         "4\t2018-02-30\tIraq\tX\t190\tIran\n";
  return file;
}

}  // namespace

TEST_CASE("kg import: the summary counts rows read, stored, merged and malformed, and nothing else", "[cli][import]") {
  TempDir dir;
  Kg kg{dir.sub("kg.db")};
  const std::string file = writeEvents(dir);
  auto r = kg("--json import --format icews " + shq(file) + " --cameo-dir " + shq(kShared + "/cameo"));
  INFO(r.err);
  REQUIRE(r.rc == 0);
  json s = json::parse(r.out);
  CHECK(s["rows"] == 5);
  CHECK(s["stored"] == 3);
  CHECK(s["merged"] == 1);
  CHECK(s["malformed"] == 1);
  REQUIRE(s["examples"].size() == 1);
  CHECK(s["examples"][0].get<std::string>().find("events.tab:6: bad Event Date '2018-02-30'") != std::string::npos);
  for (const char* gone : {"unmapped", "self_loops", "unmapped_codes", "events", "lines", "edges_added"})
    CHECK_FALSE(s.contains(gone));
  CHECK(r.err.find("events.tab:6:") != std::string::npos);

  auto table = kg("import --format icews " + shq(file) + " --cameo-dir " + shq(kShared + "/cameo"));
  REQUIRE(table.rc == 0);
  CHECK(table.out.find("read 5 rows of") != std::string::npos);
  CHECK(table.out.find("0 events stored, 4 merged (already present), 1 malformed") != std::string::npos);
}

TEST_CASE("kg import: statements and appeals come out as STATEMENT and APPEAL edges with their CAMEO code",
          "[cli][import]") {
  TempDir dir;
  Kg kg{dir.sub("kg.db")};
  REQUIRE(kg("import --format icews " + shq(writeEvents(dir))).rc == 0);
  auto r = kg("--json edges --type STATEMENT,APPEAL");
  REQUIRE(r.rc == 0);
  json edges = json::parse(r.out);
  REQUIRE(edges.size() == 2);
  std::map<std::string, json> byType;
  for (const auto& e : edges) byType[e["type"].get<std::string>()] = e;
  CHECK(byType["STATEMENT"]["src"]["name"] == "Richard Cheney");
  CHECK(byType["STATEMENT"]["dst"]["name"] == "Iraq");
  CHECK(byType["STATEMENT"]["cameo"] == "010");
  CHECK(byType["STATEMENT"]["from"] == "2018-01-02");
  CHECK(byType["STATEMENT"]["evidence"][0]["doc"] == "icews:2");
  CHECK(byType["APPEAL"]["cameo"] == "0211");
  CHECK(byType["APPEAL"]["evidence"][0]["text"] == "Appeal for a change of leadership");
  CHECK(kg("show 'Richard Cheney'").out.find("STATEMENT Iraq") != std::string::npos);
  // The type list names the new types wherever types are listed.
  auto help = kg("edges --help");
  CHECK(help.out.find("STATEMENT, APPEAL") != std::string::npos);
  auto bad = kg("edges --type SPEECH");
  CHECK(bad.rc == 1);
  CHECK(bad.err.find("STATEMENT, APPEAL") != std::string::npos);
}

TEST_CASE("kg import: ICEWS18 keeps every row, a re-import adds nothing, and --strict stores nothing on a bad row",
          "[cli][import][icews18]") {
  const std::string set = kShared + "/tkg/icews18";
  REQUIRE(std::filesystem::exists(set + "/train.txt"));  // ../shared must be present: fail, never skip
  TempDir dir;
  Kg kg{dir.sub("kg.db")};
  auto r = kg("--json import --format tkg " + shq(set));
  INFO(r.err);
  REQUIRE(r.rc == 0);
  json s = json::parse(r.out);
  CHECK(s["rows"] == 468558);
  CHECK(s["stored"] == 468558);
  CHECK(s["merged"] == 0);
  CHECK(s["malformed"] == 0);
  auto cheney = kg("--json show 'Richard Cheney'");
  REQUIRE(cheney.rc == 0);
  CHECK(json::parse(cheney.out)["name"] == "Richard Cheney");
  auto stats = json::parse(kg("--json stats").out);

  auto again = json::parse(kg("--json import --format tkg " + shq(set)).out);
  CHECK(again["rows"] == 468558);
  CHECK(again["stored"] == 0);
  CHECK(again["merged"] == 468558);
  CHECK(json::parse(kg("--json stats").out) == stats);

  // A copy of the set with one bad row: --strict refuses it and stores nothing.
  const std::string bad = dir.sub("bad18");
  std::filesystem::create_directories(bad);
  for (const char* f : {"entity2id.txt", "relation2id.txt"}) std::filesystem::copy_file(set + "/" + f, bad + "/" + f);
  std::ofstream(bad + "/train.txt") << "0 0 1 0\n1 0 0 24\n1 x 0 24\n";
  Kg fresh{dir.sub("strict.db")};
  auto strict = fresh("import --format tkg --strict " + shq(bad) + " --cameo-dir " + shq(kShared + "/cameo"));
  CHECK(strict.rc == 1);
  CHECK(strict.err.find("train.txt:3:") != std::string::npos);
  CHECK(strict.err.find("nothing was imported") != std::string::npos);
  auto empty = fresh("--json stats");
  REQUIRE(empty.rc == 0);
  CHECK(json::parse(empty.out)["actors"] == 0);
  CHECK(json::parse(empty.out)["edges"] == 0);
  auto lenientRun = fresh("--json import --format tkg " + shq(bad) + " --cameo-dir " + shq(kShared + "/cameo"));
  INFO(lenientRun.err);
  REQUIRE(lenientRun.rc == 0);
  auto lenient = json::parse(lenientRun.out);
  CHECK(lenient["rows"] == 3);
  CHECK(lenient["stored"] == 2);
  CHECK(lenient["malformed"] == 1);
}
