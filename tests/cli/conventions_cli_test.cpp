// End to end: the conventions every kg command follows (README "Exit codes"):
// exit codes, JSON errors, suggestions, refused options, no trace after a
// failure, --limit, one date rendering, tables in terminal cells on the
// Japanese and Arabic seed pages, documents, stats and progress lines.
#include <catch2/catch.hpp>

#include <regex>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "../support/run.h"
#include "tools/kg/table.h"

using kg::testing::RunResult;
using kg::testing::shq;
using kg::testing::TempDir;
using nlohmann::json;

namespace {

using Kg = kg::testing::KgCli;

const std::string kShared = std::string(KG_SOURCE_DIR) + "/../shared";

void seedGraph(const Kg& kg) {
  for (const char* a : {"'Qassem Soleimani' --kind person", "'Abu Mahdi al-Muhandis' --kind person",
                        "\"Kata'ib Hezbollah\" --kind armed_group --alias 'Kataib Hezbollah'",
                        "'United States' --kind state", "Iraq --kind state", "'Mike Pompeo' --kind person",
                        "Yemen --kind state",
                        "'Coordination Framework' --kind organisation"})
    REQUIRE(kg(std::string("actor add ") + a).rc == 0);
  for (const char* e :
       {"'United States' ASSAULT 'Qassem Soleimani' --from 2020-01-03 --evidence 'A US drone strike killed Soleimani.'",
        "'United States' ASSAULT 'Abu Mahdi al-Muhandis' --from 2020-01-03",
        "'Abu Mahdi al-Muhandis' LEADER_OF 'Kataib Hezbollah' --from 2003",
        "'Kataib Hezbollah' ASSAULT 'United States' --from 2019-12 --confidence 0.5",
        "'Mike Pompeo' ACCUSE 'Kataib Hezbollah'", "'Mike Pompeo' CONSULT Iraq --from 2020-01-05"})
    REQUIRE(kg(std::string("edge add ") + e).rc == 0);
}

// Well-formed UTF-8 throughout.
bool validUtf8(const std::string& s) {
  size_t i = 0;
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    size_t n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
    if (n == 0 || i + n > s.size() || (n == 2 && c < 0xC2)) return false;
    for (size_t k = 1; k < n; ++k)
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
    i += n;
  }
  return true;
}

// A line as the terminal shows it: one entry per cell ("" for the second
// cell of a wide character), combining marks kept with their letter.
std::vector<std::string> cells(const std::string& line) {
  std::vector<std::string> out;
  size_t i = 0;
  while (i < line.size()) {
    size_t n = 1;
    while (i + n < line.size() && (static_cast<unsigned char>(line[i + n]) & 0xC0) == 0x80) ++n;
    const std::string ch = line.substr(i, n);
    const size_t w = kg::cli::displayWidth(ch);
    if (w == 0 && !out.empty()) {
      out.back() += ch;
    } else {
      out.push_back(ch);
      for (size_t k = 1; k < w; ++k) out.push_back("");
    }
    i += n;
  }
  return out;
}

// The table starting at `header` in `out`: every column (a header word after
// two spaces) starts at the same cell on every row, after two blank cells.
// Returns the rows checked.
size_t checkAligned(const std::string& out, const std::string& header) {
  std::istringstream in(out);
  std::string line;
  std::vector<size_t> starts;
  size_t rows = 0;
  while (std::getline(in, line)) {
    if (starts.empty()) {
      if (line.find_first_not_of(' ') == std::string::npos || line.substr(line.find_first_not_of(' ')).rfind(header, 0) != 0)
        continue;
      const auto h = cells(line);
      for (size_t c = 2; c < h.size(); ++c)
        if (h[c] != " " && h[c - 1] == " " && h[c - 2] == " ") starts.push_back(c);
      REQUIRE(!starts.empty());
      continue;
    }
    if (line.empty() || line.rfind("...", 0) == 0) break;
    const auto row = cells(line);
    for (size_t s : starts) {
      if (row.size() <= s) break;  // empty trailing cells are trimmed
      INFO(line << "\ncolumn at cell " << s);
      CHECK(row[s - 1] == " ");
      CHECK(row[s - 2] == " ");
    }
    ++rows;
  }
  return rows;
}

const std::string& seedsDb() {
  static TempDir dir;
  static std::string db;
  if (db.empty()) {
    REQUIRE(std::filesystem::exists(kShared + "/seeds"));  // ../shared must be present: fail, never skip
    Kg kg{dir.sub("seeds.db")};
    auto r = kg("ingest " + shq(kShared + "/seeds"));
    INFO(r.err);
    REQUIRE(r.rc == 0);
    db = dir.sub("seeds.db");
  }
  return db;
}

}  // namespace

TEST_CASE("kg exit codes: 0 success, 1 error, 2 usage, 3 not found", "[cli][conventions]") {
  TempDir dir;
  Kg kg{dir.sub("kg.db")};
  seedGraph(kg);
  struct Case {
    std::string args;
    int rc;
  };
  std::ofstream(dir.sub("plain")) << "not a database";
  const Case cases[] = {
      {"stats", 0},
      {"neighbors Iraq", 0},
      {"actor add Iraq --kind state", 1},                             // already exists
      {"neighbors Iraq --limt 5", 2},                                // unknown option
      {"nieghbors Iraq", 2},                                         // unknown command
      {"neighbors Iraq --depth 9", 2},                               // out of range
      {"neighbors Iraq --direction sideways", 2},                    // not a direction
      {"neighbors Iraq --format dot --json", 2},                     // two outputs
      {"neighbors Iraq --format dot --evidence 2", 2},               // a drawing without evidence
      {"path Iraq 'United States' --format dot --evidence 0", 2},    // (accepted and ignored before)
      // tkg quadruple options elsewhere (accepted and ignored before)
      {"import --format gdelt --epoch 2019-01-01 " + shq(kShared + "/data/gdelt/gdelt1_events_sample.csv"), 2},
      {"import --time-unit hours " + shq(kShared + "/data/gdelt/gdelt1_events_sample.csv"), 2},
      {"import --format tkg --file train.txt " + shq(kShared + "/data/tkg/icews18/events_named.tsv"), 2},
      {"import --format plover --cameo-dir " + shq(kShared + "/data/cameo") + " " + shq(dir.sub("e.jsonl")), 2},
      {"import --format icews --cameo-dir " + shq(dir.sub("nowhere")) + " " +
           shq(kShared + "/data/icews/icews_events_2018_sample.tab"),
       2},  // a --cameo-dir without the code list (passed over in silence before)
      {"rank --evidence 2", 2},                                      // rank shows no evidence
      {"path Iraq 'United States' --k 2", 2},                        // --k without k-shortest
      {"edges --direction out", 2},                                  // a direction needs an actor
      {"edges --undated", 2},                                        // --undated needs a window
      {"components --direction out", 2},                             // weakly connected
      {"--remote 127.0.0.1:1 stats", 2},                             // --db is given too (by Kg)
      {"timeline Iraq --from 2020-13", 2},                           // a bad date
      {"neighbors Pompton", 3},                                      // unknown actor
      {"path 'Qassem Soleimani' Yemen", 3},                          // no path
      {"doc 0123456789abcdef", 3},                                   // unknown document
  };
  for (const auto& c : cases) {
    auto r = kg(c.args);
    INFO(c.args << "\n" << r.err);
    CHECK(r.rc == c.rc);
    if (c.rc != 0 && c.args.find("--json") == std::string::npos) CHECK(r.err.rfind("kg: error: ", 0) == 0);
  }
  Kg onFile{dir.sub("plain")};
  CHECK(onFile("actors").rc == 1);
}

TEST_CASE("kg --json: errors are one JSON object on stderr with code, message and suggestions", "[cli][conventions]") {
  TempDir dir;
  Kg kg{dir.sub("kg.db")};
  seedGraph(kg);
  struct Case {
    std::string args, code;
    int exit;
  };
  for (const Case& c : {Case{"neighbors 'Mike Pompton' --json", "not_found", 3},
                        Case{"--json neighbors Iraq --depth 9", "usage", 2},
                        Case{"neighbors Iraq --limt 5 --json", "usage", 2},
                        Case{"nieghbors Iraq --json", "usage", 2},
                        Case{"neighbors Iraq --direction sideways --json", "usage", 2},
                        Case{"actor add Iraq --kind state --json", "already_exists", 1},
                        Case{"path 'Qassem Soleimani' Yemen --json", "not_found", 3}}) {
    auto r = kg(c.args);
    INFO(c.args << "\n" << r.err);
    CHECK(r.rc == c.exit);
    CHECK(r.out.empty());
    json j = json::parse(r.err);  // the whole of stderr: one object
    REQUIRE(j.contains("error"));
    CHECK(j["error"]["code"] == c.code);
    CHECK(j["error"]["exit"] == c.exit);
    CHECK(j["error"]["message"].is_string());
    CHECK(j["error"]["suggestions"].is_array());
  }
  json unknown = json::parse(kg("resolve Pompton --json").err);
  CHECK(unknown["error"]["suggestions"] == json::array({"Mike Pompeo"}));
  json option = json::parse(kg("neighbors Iraq --limt 5 --json").err);
  CHECK(option["error"]["suggestions"][0] == "--limit");
  json command = json::parse(kg("nieghbors Iraq --json").err);
  CHECK(command["error"]["suggestions"][0] == "neighbors");
}

TEST_CASE("kg: suggestions are names that look alike, and only those", "[cli][conventions]") {
  TempDir dir;
  Kg kg{dir.sub("kg.db")};
  seedGraph(kg);
  auto typo = kg("resolve Pompton");
  CHECK(typo.rc == 3);
  CHECK(typo.err.find("closest known names: Mike Pompeo") != std::string::npos);
  auto word = kg("show Soleimant --json");  // one word of a longer name, misspelt
  CHECK(json::parse(word.err)["error"]["suggestions"] == json::array({"Qassem Soleimani"}));
  // Nothing looks like it: no suggestion rather than unrelated names (it
  // used to suggest "Yemen, Coordination Framework, ...").
  auto unrelated = kg("resolve Zelensky --json");
  CHECK(unrelated.rc == 3);
  CHECK(json::parse(unrelated.err)["error"]["suggestions"].empty());
  CHECK(kg("resolve Zelensky").err.find("closest") == std::string::npos);
  // A short word of the asked name is no likeness to every short name: "jong"
  // of "Kim Jong Un" is three edits from "cnn" and "dod" (it used to suggest
  // "CNN, US Department of Defense"), and an acronym is one edit from another
  // (CNM: CNN, not also CIA); a misspelt word still finds its name.
  REQUIRE(kg("actor add CNN --kind media").rc == 0);
  REQUIRE(kg("actor add 'US Department of Defense' --kind government_body --alias DoD").rc == 0);
  REQUIRE(kg("actor add 'Central Intelligence Agency' --kind government_body --alias CIA").rc == 0);
  auto shortWord = kg("path Iraq 'Kim Jong Un' --json");
  CHECK(shortWord.rc == 3);
  CHECK(json::parse(shortWord.err)["error"]["suggestions"].empty());
  CHECK(json::parse(kg("show 'CNM' --json").err)["error"]["suggestions"] == json::array({"CNN"}));
  CHECK(json::parse(kg("show 'Departmant of Defense' --json").err)["error"]["suggestions"] ==
        json::array({"US Department of Defense"}));
  // Options: the nearest option of that command.
  auto opt = kg("path Iraq Yemen --max-dept 3");
  CHECK(opt.rc == 2);
  CHECK(opt.err.find("did you mean '--max-depth'?") != std::string::npos);
}

TEST_CASE("kg: the shared filters work on every query command, edges and show included", "[cli][conventions]") {
  TempDir dir;
  Kg kg{dir.sub("kg.db")};
  seedGraph(kg);
  for (const char* cmd : {"edges --actor 'Kataib Hezbollah'", "show 'Kataib Hezbollah'",
                          "neighbors 'Kataib Hezbollah'", "timeline 'Kataib Hezbollah'",
                          "asof 2010 'Kataib Hezbollah'", "rank", "components", "path 'Kataib Hezbollah' Iraq"}) {
    for (const char* f : {" --type ASSAULT,LEADER_OF,ACCUSE,CONSULT", " --from 2000 --to 2030 --undated",
                          " --min-confidence 0.1", " --cameo 19"}) {
      auto r = kg(std::string(cmd) + f);
      INFO(cmd << f << "\n" << r.err);
      CHECK((r.rc == 0 || r.rc == 3));
    }
  }
  // Direction relative to the actor: out of Kata'ib Hezbollah, its attack and its leader's membership are not.
  json out = json::parse(kg("edges --actor 'Kataib Hezbollah' --direction out --json").out);
  REQUIRE(out.size() == 1);
  CHECK(out[0]["type"] == "ASSAULT");
  json in = json::parse(kg("edges --actor 'Kataib Hezbollah' --direction in --json").out);
  CHECK(in.size() == 2);
  CHECK(json::parse(kg("edges --min-confidence 0.9 --json").out).size() == 5);
}

TEST_CASE("kg: a failed command leaves no trace", "[cli][conventions]") {
  TempDir dir;
  Kg fresh{dir.sub("new.db")};
  CHECK(fresh("edge add Nobody ACCUSE Nothing").rc == 3);
  CHECK_FALSE(std::filesystem::exists(dir.sub("new.db")));
  CHECK(fresh("ingest " + shq(dir.sub("missing.txt"))).rc == 1);
  CHECK_FALSE(std::filesystem::exists(dir.sub("new.db")));
  std::ofstream(dir.sub("bad.tsv")) << "no\tevent\there\n";
  CHECK(fresh("import --format tkg " + shq(dir.sub("bad.tsv"))).rc != 0);
  CHECK_FALSE(std::filesystem::exists(dir.sub("new.db")));
  CHECK(fresh("actor add X --kind wizard").rc == 2);
  CHECK_FALSE(std::filesystem::exists(dir.sub("new.db")));
  // A database that existed before stays.
  REQUIRE(fresh("actor add Iraq --kind state").rc == 0);
  CHECK(fresh("edge add Nobody ACCUSE Iraq").rc == 3);
  CHECK(std::filesystem::exists(dir.sub("new.db")));
}

TEST_CASE("kg: --limit cuts every listing and says how many were left out", "[cli][conventions]") {
  TempDir dir;
  Kg kg{dir.sub("kg.db")};
  seedGraph(kg);
  auto actors = kg("actors --limit 2");
  CHECK(actors.out.find("... 6 more actors not shown (raise --limit)") != std::string::npos);
  CHECK(json::parse(kg("actors --limit 2 --json").out).size() == 2);
  auto edges = kg("edges --actor 'Kataib Hezbollah' --limit 1");
  CHECK(edges.out.find("... 2 more edges not shown") != std::string::npos);
  auto all = kg("edges --limit 2");  // without --actor too: counted (GraphApi::countEdges)
  const size_t edgeCount = json::parse(kg("edges --json").out).size();
  REQUIRE(edgeCount > 2);
  CHECK(all.out.find("... " + std::to_string(edgeCount - 2) + " more edges not shown (raise --limit)") !=
        std::string::npos);
  auto filtered = kg("edges --limit 1 --type ASSAULT");
  const size_t assaults = json::parse(kg("edges --type ASSAULT --json").out).size();
  REQUIRE(assaults > 1);
  CHECK(filtered.out.find("... " + std::to_string(assaults - 1) + " more edges not shown") != std::string::npos);
  // --json with --limit: an object with the count of matching edges.
  json cut = json::parse(kg("edges --limit 2 --json").out);
  CHECK(cut["edges"].size() == 2);
  CHECK(cut["matched"] == edgeCount);
  CHECK(cut["left_out"] == edgeCount - 2);
  json whole = json::parse(kg("edges --limit 1000 --json").out);
  CHECK(whole["edges"].size() == edgeCount);
  CHECK(whole["matched"] == edgeCount);
  CHECK_FALSE(whole.contains("left_out"));
  json cutAssaults = json::parse(kg("edges --limit 1 --type ASSAULT --json").out);
  CHECK(cutAssaults["matched"] == assaults);
  CHECK(cutAssaults["left_out"] == assaults - 1);
  auto show = kg("show 'United States' --limit 1");
  CHECK(show.out.find("... 2 more edges not shown") != std::string::npos);
  CHECK(json::parse(kg("show 'United States' --limit 1 --json").out)["left_out"] == 2);
  auto timeline = kg("timeline 'United States' --limit 2");
  CHECK(timeline.out.find("... 1 more edges not shown") != std::string::npos);
  CHECK(kg("actors --limit 0").out.find("not shown") == std::string::npos);  // 0: all
}

TEST_CASE("kg: one rendering of dates everywhere, plain numbers in rank", "[cli][conventions]") {
  TempDir dir;
  Kg kg{dir.sub("kg.db")};
  seedGraph(kg);
  const std::string outputs = kg("edges").out + kg("show 'Kataib Hezbollah'").out +
                              kg("timeline 'Kataib Hezbollah'").out + kg("neighbors 'Mike Pompeo'").out +
                              kg("path 'Mike Pompeo' 'Abu Mahdi al-Muhandis'").out + kg("asof 2010").out;
  CHECK(outputs.find("undated") != std::string::npos);  // Pompeo's accusation
  CHECK(outputs.find("2003..?") != std::string::npos);  // a leadership with no known end
  CHECK(outputs.find("2019-12") != std::string::npos);  // month precision
  for (const char* other : {"[?", " .. ", "(undated)  "}) {
    INFO(other);
    CHECK(outputs.find(other) == std::string::npos);
  }
  for (const char* by : {"degree", "pagerank", "betweenness"}) {
    auto r = kg(std::string("rank --by ") + by);
    INFO(r.out);
    CHECK(r.rc == 0);
    CHECK(r.out.find("e+") == std::string::npos);
    CHECK(r.out.find("e-") == std::string::npos);
  }
}

TEST_CASE("kg tables on the Japanese and Arabic seed pages: valid UTF-8, aligned, cut with a marker",
          "[cli][conventions][seeds]") {
  Kg kg{seedsDb()};
  auto edges = kg("edges");
  REQUIRE(edges.rc == 0);
  CHECK(validUtf8(edges.out));
  CHECK(edges.out.find("\xE3\x80") != std::string::npos);  // CJK punctuation / kana: Japanese evidence
  CHECK(edges.out.find("\xE2\x80\xA6") != std::string::npos);  // long sentences are cut with "…"
  CHECK(checkAligned(edges.out, "ID") > 50);
  auto actors = kg("actors");
  CHECK(validUtf8(actors.out));
  CHECK(actors.out.find("\xD8") != std::string::npos);  // Arabic aliases
  CHECK(actors.out.find("\xE3\x82") != std::string::npos);  // Katakana aliases
  CHECK(checkAligned(actors.out, "ID") > 50);
  auto iraq = kg("timeline Iraq");
  CHECK(validUtf8(iraq.out));
  CHECK(checkAligned(iraq.out, "DATE") > 5);
  auto docs = kg("docs");  // Arabic and Japanese titles
  CHECK(validUtf8(docs.out));
  CHECK(docs.out.find("\xD8") != std::string::npos);
  CHECK(checkAligned(docs.out, "ID") >= 5);
  auto neighbours = kg("neighbors Iraq");
  CHECK(validUtf8(neighbours.out));
  CHECK(checkAligned(neighbours.out, "HOPS") > 5);
}

TEST_CASE("kg doc, kg docs: a document's title, source, date, URL and language, evidence carries title and date",
          "[cli][conventions][seeds]") {
  Kg kg{seedsDb()};
  auto docs = kg("docs --json");
  REQUIRE(docs.rc == 0);
  json list = json::parse(docs.out);
  REQUIRE(list.size() >= 5);
  std::string withTitle;
  for (const auto& d : list) {
    for (const char* k : {"id", "title", "source", "url", "date", "language"}) CHECK(d.contains(k));
    if (withTitle.empty() && !d["title"].get<std::string>().empty()) withTitle = d["id"];
  }
  REQUIRE(!withTitle.empty());
  auto one = kg("doc " + withTitle.substr(0, 12));
  CHECK(one.rc == 0);
  for (const char* k : {"title:", "source:", "date:", "url:", "language:"}) CHECK(one.out.find(k) != std::string::npos);
  CHECK(json::parse(kg("doc " + withTitle + " --json").out)["id"] == withTitle);
  auto cut = kg("docs --limit 1");
  CHECK(cut.out.find("more documents not shown") != std::string::npos);
  // Evidence in JSON names its document's title and date.
  json edges = json::parse(kg("edges --json").out);
  size_t titled = 0;
  for (const auto& e : edges)
    for (const auto& ev : e["evidence"])
      if (ev.contains("doc_title") && ev.contains("doc_date")) ++titled;
  CHECK(titled > 10);
}

TEST_CASE("kg stats: date range, edges by type, actors by kind, documents and sources", "[cli][conventions]") {
  TempDir dir;
  Kg kg{dir.sub("kg.db")};
  seedGraph(kg);
  json s = json::parse(kg("stats --json").out);
  CHECK(s["dates"]["first"] == "2003-01-01");
  CHECK(s["dates"]["last"] == "2020-01-05");
  CHECK(s["dates"]["undated_edges"] == 1);
  CHECK(s["edges_by_type"]["ASSAULT"] == 3);
  CHECK(s["edges_by_type"]["LEADER_OF"] == 1);
  CHECK(s["actors_by_kind"]["person"] == 3);
  CHECK(s["actors_by_kind"]["state"] == 3);
  CHECK(s["documents"] == 0);
  CHECK(s["sources"] == 0);
  auto table = kg("stats");
  CHECK(table.out.find("dates:     2003-01-01..2020-01-05 (1 undated edges)") != std::string::npos);
  CHECK(table.out.find("ASSAULT") != std::string::npos);
  Kg seeds{seedsDb()};
  json t = json::parse(seeds("stats --json").out);
  CHECK(t["documents"].get<int>() >= 5);
  CHECK(t["sources"].get<int>() >= 1);
}

TEST_CASE("kg import: progress on a terminal, none in a pipe or with --quiet", "[cli][conventions][progress]") {
  const std::string set = kShared + "/data/tkg/icews18";
  REQUIRE(std::filesystem::exists(set + "/train.txt"));
  TempDir dir;
  const std::string kg = std::string(KG_BIN) + " --db ";
  // script(1) gives the command a pseudo-terminal; what it drew comes back on script's stdout.
  // KG_PROGRESS_DELAY_MS=0: the line from the start, since an idle machine imports
  // ICEWS18 in under the default second (0.87 s measured), which draws nothing.
  auto tty = kg::testing::run("KG_PROGRESS_DELAY_MS=0 script -qec " +
                              shq(kg + shq(dir.sub("a.db")) + " import --no-evidence --format tkg " + shq(set)) +
                              " /dev/null");
  INFO(tty.out << tty.err);
  REQUIRE(tty.rc == 0);
  // "kg import: 466944/468558 rows, 465343 rows/s, ETA 0 s, 1 s elapsed", then
  // "kg import: 468558 rows read; writing, 2 s elapsed" (the rows are read
  // within a second on an idle machine: then only the second kind).
  CHECK(tty.out.find("kg import: ") != std::string::npos);
  CHECK(tty.out.find(" rows") != std::string::npos);
  CHECK(tty.out.find(" elapsed") != std::string::npos);
  // A pipe: nothing but the summary.
  // (The delay is 0 here too, so that no line is a choice and not the clock's.)
  auto pipe = kg::testing::run("KG_PROGRESS_DELAY_MS=0 " + kg + shq(dir.sub("b.db")) + " import --no-evidence --format tkg " +
                               shq(set));
  REQUIRE(pipe.rc == 0);
  CHECK(pipe.err.find("kg import: ") == std::string::npos);
  CHECK(pipe.err.find("elapsed") == std::string::npos);
  auto quiet = kg::testing::run("KG_PROGRESS_DELAY_MS=0 script -qec " +
                                shq(kg + shq(dir.sub("c.db")) + " --quiet import --no-evidence --format tkg " +
                                    shq(set)) +
                                " /dev/null");
  REQUIRE(quiet.rc == 0);
  CHECK(quiet.out.find("kg import: ") == std::string::npos);
}

// Issue 11 point 4: every command that can run past a second shows items
// done, rate and (with a known total) ETA on a terminal, nothing in a pipe or
// with --quiet. KG_PROGRESS_DELAY_MS=0 draws from the start and draws each
// stage as it begins, so what is checked does not depend on the machine's speed.
TEST_CASE("kg ingest, export, rank: progress on a terminal, none in a pipe or with --quiet",
          "[cli][conventions][progress]") {
  const std::string set = kShared + "/data/tkg/icews18";
  REQUIRE(std::filesystem::exists(set + "/train.txt"));
  REQUIRE(std::filesystem::exists(kShared + "/seeds"));
  TempDir dir;
  const std::string db = dir.sub("i.db");
  const std::string kg = std::string(KG_BIN) + " --db " + shq(db) + " ";
  REQUIRE(kg::testing::run(kg + "import --no-evidence --format tkg " + shq(set)).rc == 0);
  auto onTty = [](const std::string& cmd) {
    return kg::testing::run("KG_PROGRESS_DELAY_MS=0 script -qec " + shq(cmd) + " /dev/null");
  };

  // rank: the graph snapshot is built first (its edges of the store's count),
  // then betweenness counts its sampled sources of 256.
  std::filesystem::remove(db + "/graph.snapshot");
  auto rank = onTty(kg + "rank --by betweenness --top 3");
  INFO(rank.out << rank.err);
  REQUIRE(rank.rc == 0);
  CHECK(rank.out.find("kg rank --by betweenness: building the graph snapshot: 0/") != std::string::npos);
  CHECK(rank.out.find(" edges, ") != std::string::npos);
  CHECK(rank.out.find("kg rank --by betweenness: 0/256 sources, 0 sources/s") != std::string::npos);
  auto pagerank = onTty(kg + "rank --by pagerank --top 3");
  REQUIRE(pagerank.rc == 0);
  CHECK(pagerank.out.find("kg rank --by pagerank: 1/100 iterations, ") != std::string::npos);
  CHECK(pagerank.out.find("kg rank --by pagerank: building") == std::string::npos);  // the snapshot file is current

  // export: edges written.
  auto exported = onTty(kg + "export --format jsonl --out " + shq(dir.sub("x.jsonl")));
  INFO(exported.out << exported.err);
  REQUIRE(exported.rc == 0);
  CHECK(exported.out.find("kg export: ") != std::string::npos);
  CHECK(exported.out.find(" edges, ") != std::string::npos);
  CHECK(exported.out.find(" edges/s") != std::string::npos);
  CHECK(exported.out.find("/466615 edges, ") !=
        std::string::npos);  // the whole graph: its total from the first line (467,241 before appeals were REQUEST,
                             // merging with demands)

  // ingest: documents read, and the bytes of their text of the inputs' size.
  const std::string seedsKg = std::string(KG_BIN) + " --db " + shq(dir.sub("s.db")) + " ";
  auto ingest = onTty(seedsKg + "ingest " + shq(kShared + "/seeds"));
  INFO(ingest.out << ingest.err);
  REQUIRE(ingest.rc == 0);
  // "kg ingest: 2 documents, 0.0/0.2 MB, 0.15 MB/s, ETA 1 s, 0 s elapsed": the total from the first line.
  CHECK(std::regex_search(ingest.out, std::regex("kg ingest: [0-9]+ documents, [0-9.]+/[0-9.]+ MB, ")));
  CHECK(ingest.out.find(" MB, ") != std::string::npos);
  CHECK(ingest.out.find(" MB/s") != std::string::npos);

  // In a pipe and with --quiet: nothing but the results.
  const std::vector<std::pair<std::string, std::string>> runs = {
      {"i.db", "rank --by betweenness --top 3"},
      {"i.db", "export --format jsonl --out " + shq(dir.sub("y.jsonl"))},
      {"t.db", "ingest " + shq(kShared + "/seeds")},
      {"u.db", "ingest " + shq(kShared + "/seeds")}};
  for (size_t i = 0; i < runs.size(); ++i) {
    const bool quiet = i % 2 == 1 || i == 3;
    const std::string cmd = std::string(KG_BIN) + (quiet ? " --quiet" : "") + " --db " + shq(dir.sub(runs[i].first)) +
                            " " + runs[i].second;
    INFO(cmd);
    auto r = quiet ? onTty(cmd) : kg::testing::run("KG_PROGRESS_DELAY_MS=0 " + cmd);
    REQUIRE(r.rc == 0);
    CHECK(r.err.find("elapsed") == std::string::npos);
    CHECK(r.out.find("elapsed") == std::string::npos);
  }
}
