// End to end: `kg import` accounts for every row it reads (stored, merged,
// malformed), keeps the events PLOVER has no type for under STATEMENT and
// REQUEST (appeals), and shows them through the JSON contract.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <vector>

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

TEST_CASE("kg import: statements come out as STATEMENT, appeals as REQUEST edges, with their CAMEO code",
          "[cli][import]") {
  TempDir dir;
  Kg kg{dir.sub("kg.db")};
  REQUIRE(kg("import --format icews " + shq(writeEvents(dir))).rc == 0);
  CHECK(json::parse(kg("--json edges --type APPEAL").out).empty());
  auto r = kg("--json edges --cameo 01,02");
  REQUIRE(r.rc == 0);
  json edges = json::parse(r.out);
  REQUIRE(edges.size() == 2);
  std::map<std::string, json> byType;
  for (const auto& e : edges)
    byType[e["type"].get<std::string>() == "REQUEST" ? "APPEAL" : e["type"].get<std::string>()] = e;
  REQUIRE(byType.count("STATEMENT") == 1);
  REQUIRE(byType.count("APPEAL") == 1);
  CHECK(byType["STATEMENT"]["src"]["name"] == "Richard Cheney");
  CHECK(byType["STATEMENT"]["dst"]["name"] == "Iraq");
  CHECK(byType["STATEMENT"]["cameo"] == "010");
  CHECK(byType["STATEMENT"]["from"] == "2018-01-02");
  CHECK(byType["STATEMENT"]["evidence"][0]["doc"] == "icews:2");
  CHECK(byType["APPEAL"]["cameo"] == "0211");
  CHECK(byType["APPEAL"]["mode"] == "assist");  // as its demand twin 1011
  CHECK(byType["APPEAL"]["evidence"][0]["text"] == "Appeal for a change of leadership");
  CHECK(kg("show 'Richard Cheney'").out.find("STATEMENT Iraq") != std::string::npos);
  // The type list names the new types wherever types are listed.
  auto help = kg("edges --help");
  CHECK(help.out.find("STATEMENT, APPEAL") != std::string::npos);
  auto bad = kg("edges --type SPEECH");
  CHECK(bad.rc == 2);
  CHECK(bad.err.find("STATEMENT, APPEAL") != std::string::npos);
}

TEST_CASE("kg ingest and kg import store an appeal under one type: REQUEST, its mode from the CAMEO code",
          "[cli][import]") {
  TempDir dir;
  Kg kg{dir.sub("kg.db")};
  const std::string article = dir.sub("a.txt");
  std::ofstream(article) << "Iran urged Iraq on Sunday to expel American troops.\n";
  auto in = kg("ingest --date 2020-01-06 " + shq(article));
  INFO(in.err);
  REQUIRE(in.rc == 0);
  const std::string csv = dir.sub("e.csv");
  std::ofstream(csv) << "Source,Target,Date,CAMEO\nIran,Iraq,2020-02-01,020\nIraq,Iran,2020-02-02,0253\n";
  auto im = kg("import --format csv --map src=Source,dst=Target,date=Date,cameo=CAMEO " + shq(csv));
  INFO(im.err);
  REQUIRE(im.rc == 0);
  json edges = json::parse(kg("--json edges --cameo 02").out);
  std::map<std::string, json> byDay;  // from -> edge
  for (const auto& e : edges) byDay[e["from"].get<std::string>()] = e;
  REQUIRE(byDay.size() == 3);
  // Read from text ("urged", 020) and imported (020): the same type and mode.
  REQUIRE(byDay.count("2020-01-05") == 1);
  CHECK(byDay["2020-01-05"]["type"] == "REQUEST");
  CHECK(byDay["2020-01-05"]["cameo"] == "020");
  CHECK(byDay["2020-01-05"]["date_basis"] == "text");
  REQUIRE(byDay.count("2020-02-01") == 1);
  CHECK(byDay["2020-02-01"]["type"] == "REQUEST");
  CHECK(byDay["2020-02-01"].value("mode", "") == byDay["2020-01-05"].value("mode", ""));
  // An appeal for a release takes the mode of the demand for one (1053).
  REQUIRE(byDay.count("2020-02-02") == 1);
  CHECK(byDay["2020-02-02"]["type"] == "REQUEST");
  CHECK(byDay["2020-02-02"]["mode"] == "yield");
  CHECK(json::parse(kg("--json edges --type APPEAL").out).empty());
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
  // Nothing stored, and no trace: the database the import created is gone again.
  CHECK_FALSE(std::filesystem::exists(dir.sub("strict.db")));
  auto lenientRun = fresh("--json import --format tkg " + shq(bad) + " --cameo-dir " + shq(kShared + "/cameo"));
  INFO(lenientRun.err);
  REQUIRE(lenientRun.rc == 0);
  auto lenient = json::parse(lenientRun.out);
  CHECK(lenient["rows"] == 3);
  CHECK(lenient["stored"] == 2);
  CHECK(lenient["malformed"] == 1);
}

namespace {

// A GDELT 1.0 row (58 columns) composed for these tests: the United States
// attacks Iraq in Baghdad on 2020-01-03, Goldstein -10, tone -6.25.
std::string gdeltRow(const std::string& id) {
  std::vector<std::string> f(58);
  f[0] = id;
  f[1] = "20200103";
  f[5] = "USAMIL";
  f[6] = "UNITED STATES";
  f[15] = "IRQ";
  f[16] = "IRAQ";
  f[26] = "190";
  f[29] = "4";
  f[30] = "-10.0";
  f[31] = "12";
  f[32] = "3";
  f[33] = "11";
  f[34] = "-6.25";
  const std::vector<std::string> action = {"4", "Baghdad, Baghdad, Iraq", "IZ", "IZ07", "33.3386", "44.3939", "-3186775"};
  for (size_t i = 0; i < action.size(); ++i) f[49 + i] = action[i];
  f[56] = "20200103";
  f[57] = "https://news.example/" + id;
  std::string line;
  for (size_t i = 0; i < f.size(); ++i) line += (i ? "\t" : "") + f[i];
  return line + "\n";
}

}  // namespace

TEST_CASE("kg import: a GDELT file is recognised, and its fields come out in edges --json and show --json",
          "[cli][import][gdelt]") {
  TempDir dir;
  Kg kg{dir.sub("kg.db")};
  const std::string file = dir.sub("events.csv");
  std::ofstream(file) << gdeltRow("1001");
  auto r = kg("--json import " + shq(file) + " --cameo-dir " + shq(kShared + "/cameo"));  // no --format: auto
  INFO(r.err);
  REQUIRE(r.rc == 0);
  json s = json::parse(r.out);
  CHECK(s["format"] == "gdelt");
  CHECK(s["rows"] == 1);
  CHECK(s["stored"] == 1);
  CHECK(s["no_actor_pair"] == 0);

  auto edges = kg("--json edges --type ASSAULT");
  REQUIRE(edges.rc == 0);
  json e = json::parse(edges.out);
  REQUIRE(e.size() == 1);
  CHECK(e[0]["cameo"] == "190");
  const json& a = e[0]["evidence"][0]["attributes"];
  CHECK(a["goldstein"] == -10.0);
  CHECK(a["tone"] == -6.25);
  CHECK(a["quad_class"] == 4);
  CHECK(a["mentions"] == 12);
  CHECK(a["num_sources"] == 3);
  CHECK(a["articles"] == 11);
  CHECK(a["lat"] == 33.3386);
  CHECK(a["lon"] == 44.3939);
  CHECK(a["place"] == "Baghdad, Baghdad, Iraq");
  CHECK(a["country"] == "IZ");
  CHECK(a["admin1"] == "IZ07");
  CHECK(a["url"] == "https://news.example/1001");
  CHECK(a["src_code"] == "USAMIL");

  auto show = kg("--json show 'UNITED STATES'");
  REQUIRE(show.rc == 0);
  CHECK(show.out.find("\"goldstein\":-10.0") != std::string::npos);
  // The place is an attribute of the event, not an actor.
  CHECK(kg("resolve 'Baghdad, Baghdad, Iraq'").out.find("Baghdad") == std::string::npos);

  auto again = json::parse(kg("--json import --format gdelt " + shq(file)).out);
  CHECK(again["stored"] == 0);
  CHECK(again["merged"] == 1);
}

TEST_CASE("kg import --map: a CSV edge list, and clear usage errors for a bad map", "[cli][import][csv]") {
  TempDir dir;
  Kg kg{dir.sub("kg.db")};
  const std::string file = dir.sub("edges.csv");
  std::ofstream(file) << "Source,Target,Date,CAMEO,Tone\nUnited States,Iraq,2020-01-03,190,-7.5\n";
  auto ok = kg("--json import " + shq(file) + " --map src=Source,dst=Target,date=Date,cameo=CAMEO,attr.tone=Tone");
  INFO(ok.err);
  REQUIRE(ok.rc == 0);
  CHECK(json::parse(ok.out)["format"] == "csv");
  CHECK(json::parse(ok.out)["stored"] == 1);
  json e = json::parse(kg("--json edges").out);
  CHECK(e[0]["evidence"][0]["attributes"]["tone"] == -7.5);

  auto unknown = kg("import --format csv " + shq(file) + " --map src=Source,dst=Target,cameo=CAMEO,weight=W");
  CHECK(unknown.rc == 2);
  CHECK(unknown.err.find("kg: error: --map: unknown key 'weight'; the keys are src, dst, date, cameo, type") !=
        std::string::npos);
  auto missing = kg("import " + shq(file) + " --map src=Source,dst=Target,date=When,cameo=CAMEO");
  CHECK(missing.rc == 2);
  CHECK(missing.err.find("--map date=When: the header has no column 'When'") != std::string::npos);
  auto noMap = kg("import --format csv " + shq(file));
  CHECK(noMap.rc == 2);
  CHECK(noMap.err.find("--format csv needs --map") != std::string::npos);
  auto wrongFormat = kg("import --format gdelt " + shq(file) + " --map src=Source,dst=Target,cameo=CAMEO");
  CHECK(wrongFormat.rc == 2);
  CHECK(wrongFormat.err.find("--map applies to --format csv only") != std::string::npos);
  auto unknownFile = kg("import " + shq(file));
  CHECK(unknownFile.rc == 1);
  CHECK(unknownFile.err.find("cannot tell the format") != std::string::npos);
}

TEST_CASE("kg import: kg export --format plover reads back as the same events", "[cli][import][plover]") {
  TempDir dir;
  Kg kg{dir.sub("kg.db")};
  REQUIRE(kg("import --format icews " + shq(writeEvents(dir))).rc == 0);
  const std::string plover = dir.sub("events.plover.jsonl");
  auto ex = kg("export --format plover --out " + shq(plover));
  INFO(ex.err);
  REQUIRE(ex.rc == 0);
  Kg back{dir.sub("back.db")};
  auto r = back("--json import " + shq(plover));
  INFO(r.err);
  REQUIRE(r.rc == 0);
  json s = json::parse(r.out);
  CHECK(s["format"] == "plover");
  CHECK(s["malformed"] == 0);
  auto key = [](const json& edges) {
    std::set<std::string> out;
    for (const auto& e : edges)
      out.insert(e["src"]["name"].get<std::string>() + "|" + e["type"].get<std::string>() + "|" +
                 e["dst"]["name"].get<std::string>() + "|" + e["from"].get<std::string>() + "|" +
                 e.value("cameo", std::string()));
    return out;
  };
  json before = json::parse(kg("--json edges").out), after = json::parse(back("--json edges").out);
  CHECK(key(after) == key(before));
  CHECK(after.size() == before.size());
  // The exported provenance is kept: the original document is the story id.
  CHECK(after[0]["evidence"][0]["attributes"]["story_id"].get<std::string>().rfind("icews:", 0) == 0);
  auto again = json::parse(back("--json import " + shq(plover)).out);
  CHECK(again["stored"] == 0);

  // A GDELT event's attributes travel through PLOVER and back.
  Kg gdelt{dir.sub("gdelt.db")};
  const std::string rows = dir.sub("events.csv");
  std::ofstream(rows) << gdeltRow("1001");
  REQUIRE(gdelt("import " + shq(rows)).rc == 0);
  const std::string out = dir.sub("gdelt.plover.jsonl");
  REQUIRE(gdelt("export --format plover --out " + shq(out)).rc == 0);
  Kg round{dir.sub("round.db")};
  auto rr = round("import " + shq(out));
  INFO(rr.err);
  REQUIRE(rr.rc == 0);
  json a = json::parse(round("--json edges").out)[0]["evidence"][0]["attributes"];
  CHECK(a["goldstein"] == -10.0);
  CHECK(a["place"] == "Baghdad, Baghdad, Iraq");
  CHECK(a["lat"] == 33.3386);
  CHECK(a["url"] == "https://news.example/1001");
  CHECK(a["story_id"] == "gdelt:1001");
}

TEST_CASE("kg import: the real GDELT and ICEWS05-15 files, every row accounted for", "[cli][import][gdelt]") {
  struct Case {
    std::string file;
    uint64_t rows;
  } cases[] = {{kShared + "/gdelt/gdelt1_events_sample.csv", 710},
               {kShared + "/gdelt/20201113.csv", 2824},
               {kShared + "/gdelt/20201114.csv", 2601},
               {kShared + "/gdelt/20201115.csv", 3929}};
  TempDir dir;
  Kg kg{dir.sub("kg.db")};
  for (const auto& c : cases) {
    REQUIRE(std::filesystem::exists(c.file));  // ../shared must be present: fail, never skip
    auto r = kg("--json import --strict " + shq(c.file));
    INFO(c.file << ": " << r.err);
    REQUIRE(r.rc == 0);
    json s = json::parse(r.out);
    CHECK(s["format"] == "gdelt");
    CHECK(s["rows"] == c.rows);
    CHECK(s["malformed"] == 0);
    CHECK(s["rows"].get<uint64_t>() == s["stored"].get<uint64_t>() + s["merged"].get<uint64_t>() +
                                           s["no_actor_pair"].get<uint64_t>());
  }
}
