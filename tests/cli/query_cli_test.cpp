// End to end: the query commands (neighbors, path, timeline, asof, rank,
// components) of build/bin/kg against a fresh database per test.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>

#include "../support/file_damage.h"
#include "../support/run.h"

using kg::testing::RunResult;
using kg::testing::shq;
using kg::testing::TempDir;
using nlohmann::json;

namespace {

using Kg = kg::testing::KgCli;

// A small graph written for these tests from public facts of January 2020.
void seedGraph(const Kg& kg) {
  for (const char* a : {"'Qassem Soleimani' --kind person", "'Abu Mahdi al-Muhandis' --kind person",
                        "\"Kata'ib Hezbollah\" --kind armed_group --alias 'Kataib Hezbollah'",
                        "'United States' --kind state", "Iraq --kind state",
                        "'Council of Representatives of Iraq' --kind government_body",
                        "'Adil Abdul-Mahdi' --kind person", "'Mustafa al-Kadhimi' --kind person"})
    REQUIRE(kg(std::string("actor add ") + a).rc == 0);
  for (const char* e :
       {"'United States' ASSAULT 'Qassem Soleimani' --from 2020-01-03 --confidence 0.95 "
        "--evidence 'A US drone strike at Baghdad airport killed Soleimani.' --doc d1",
        "'United States' ASSAULT 'Abu Mahdi al-Muhandis' --from 2020-01-03 --evidence 'The same strike killed al-Muhandis.'",
        "'Abu Mahdi al-Muhandis' LEADER_OF 'Kataib Hezbollah' --from 2003 --to 2020-01-03",
        "'Kataib Hezbollah' ASSAULT 'United States' --from 2019-12-27 --evidence 'Rockets hit a base near Kirkuk.'",
        "'Council of Representatives of Iraq' REQUEST 'United States' --from 2020-01-05 "
        "--evidence 'Parliament voted to ask foreign troops to leave.'",
        "'Council of Representatives of Iraq' PART_OF Iraq",
        "'Adil Abdul-Mahdi' OFFICIAL_OF Iraq --from 2018-10-25 --to 2020-05-06 --title 'Prime Minister'",
        "'Mustafa al-Kadhimi' OFFICIAL_OF Iraq --from 2020-05-07 --to 2022-10-27 --title 'Prime Minister'"})
    REQUIRE(kg(std::string("edge add ") + e).rc == 0);
}

std::set<std::string> names(const json& actors) {
  std::set<std::string> out;
  for (const auto& a : actors) out.insert(a["name"].get<std::string>());
  return out;
}

}  // namespace

TEST_CASE("kg path: each hop shows its type, date and evidence, --json lists nodes and edges", "[cli][query]") {
  TempDir dir;
  Kg kg{dir.sub("kg.db")};
  seedGraph(kg);
  auto table = kg("path 'Qassem Soleimani' 'Council of Representatives of Iraq'");
  REQUIRE(table.rc == 0);
  CHECK(table.out.find("ASSAULT (2020-01-03)") != std::string::npos);
  CHECK(table.out.find("REQUEST (2020-01-05)") != std::string::npos);
  CHECK(table.out.find("A US drone strike at Baghdad airport killed Soleimani.") != std::string::npos);

  auto r = kg("path 'Qassem Soleimani' 'Kataib Hezbollah' --mode k-shortest --k 3 --json");
  REQUIRE(r.rc == 0);
  json j = json::parse(r.out);
  REQUIRE(j["paths"].size() == 2);  // only two loopless routes exist
  const json& first = j["paths"][0];
  CHECK(first["nodes"].size() == first["edges"].size() + 1);
  CHECK(first["nodes"][0]["name"] == "Qassem Soleimani");
  CHECK(first["nodes"].back()["name"] == "Kata'ib Hezbollah");
  for (const char* k : {"id", "src", "dst", "type", "from", "to", "confidence", "evidence"})
    CHECK(first["edges"][0].contains(k));
  for (const char* k : {"id", "name", "kind", "aliases"}) CHECK(first["nodes"][0].contains(k));

  // The temporal mode refuses to go back in time: the rocket attack (12-27)
  // cannot follow the strike of 01-03.
  auto t = kg("path 'Qassem Soleimani' 'Kataib Hezbollah' --mode temporal --type ASSAULT --json");
  CHECK(t.rc == 3);  // not found
  CHECK(t.err.find("no path between Qassem Soleimani and Kata'ib Hezbollah within depth 6") != std::string::npos);
  CHECK(kg("path 'Qassem Soleimani' 'Kataib Hezbollah' --mode shortest --type ASSAULT").rc == 0);
}

TEST_CASE("kg neighbors: --json gives the actors within k hops, the edges among them and truncated",
          "[cli][query]") {
  TempDir dir;
  Kg kg{dir.sub("kg.db")};
  seedGraph(kg);
  auto r = kg("neighbors 'United States' --json");
  REQUIRE(r.rc == 0);
  json j = json::parse(r.out);
  CHECK(names(j["nodes"]) == std::set<std::string>{"United States", "Qassem Soleimani", "Abu Mahdi al-Muhandis",
                                                   "Kata'ib Hezbollah", "Council of Representatives of Iraq"});
  CHECK(j["edges"].size() == 5);  // the four US edges and the LEADER_OF among them
  CHECK(j["truncated"] == false);
  auto cut = kg("neighbors 'United States' --limit 2 --json");
  REQUIRE(cut.rc == 0);
  json c = json::parse(cut.out);
  CHECK(c["nodes"].size() == 2);
  CHECK(c["truncated"] == true);
  auto windowed = kg("neighbors 'United States' --from 2020-01-04 --to 2020-01-31 --json");
  CHECK(names(json::parse(windowed.out)["nodes"]) ==
        std::set<std::string>{"United States", "Council of Representatives of Iraq"});
}

TEST_CASE("kg neighbors: the table shows --limit edges and counts the ones it leaves out, as --json lists them",
          "[cli][query]") {
  TempDir dir;
  Kg kg{dir.sub("kg.db")};
  REQUIRE(kg("actor add Alpha --kind state").rc == 0);
  REQUIRE(kg("actor add Beta --kind state").rc == 0);
  REQUIRE(kg("actor add Gamma --kind state").rc == 0);
  for (int day = 1; day <= 5; ++day)
    REQUIRE(kg("edge add Alpha CONSULT Beta --from 2021-03-0" + std::to_string(day) + " --evidence 'Talk " +
               std::to_string(day) + ".'")
                .rc == 0);
  REQUIRE(kg("edge add Beta AID Gamma --from 2021-04-01 --evidence 'Aid.'").rc == 0);
  auto all = kg("neighbors Alpha --depth 2 --json");
  REQUIRE(all.rc == 0);
  const json j = json::parse(all.out);
  REQUIRE(j["edges"].size() == 6);

  auto table = kg("neighbors Alpha --depth 2 --limit 2");
  REQUIRE(table.rc == 0);
  // Two actors (the limit cuts Gamma), the five edges between them, two of them shown.
  CHECK(table.out.rfind("2 actors within 2 hops of Alpha, 5 edges (truncated: raise --limit/--fanout for more)\n", 0) ==
        0);
  CHECK(table.out.find("\"Talk 1.\"") != std::string::npos);
  CHECK(table.out.find("\"Talk 2.\"") != std::string::npos);
  CHECK(table.out.find("\"Talk 3.\"") == std::string::npos);
  CHECK(table.out.find("... 3 more edges not shown (raise --limit)\n") != std::string::npos);
  const json cut = json::parse(kg("neighbors Alpha --depth 2 --limit 2 --json").out);
  CHECK(cut["edges"].size() == 5);

  auto whole = kg("neighbors Alpha --depth 2");
  REQUIRE(whole.rc == 0);
  CHECK(whole.out.rfind("3 actors within 2 hops of Alpha, 6 edges\n", 0) == 0);
  CHECK(whole.out.find("more edges not shown") == std::string::npos);
  CHECK(whole.out.find("\"Aid.\"") != std::string::npos);
}

TEST_CASE("kg neighbors: GraphML opens in networkx and DOT renders in Graphviz", "[cli][query]") {
  TempDir dir;
  Kg kg{dir.sub("kg.db")};
  seedGraph(kg);
  auto g = kg("neighbors Iraq --depth 3 --format graphml");
  REQUIRE(g.rc == 0);
  std::ofstream(dir.sub("g.graphml")) << g.out;
  auto py = kg::testing::run(
      "/usr/bin/python3 -c 'import networkx as nx, sys; G = nx.read_graphml(sys.argv[1]); "
      "print(G.number_of_nodes(), G.number_of_edges(), sorted(d[\"type\"] for _, _, d in G.edges(data=True))[0])' " +
      shq(dir.sub("g.graphml")));
  INFO(py.err);
  REQUIRE(py.rc == 0);
  CHECK(py.out == "8 8 ASSAULT\n");
  auto d = kg("path Iraq 'Qassem Soleimani' --format dot");
  REQUIRE(d.rc == 0);
  CHECK(d.out.rfind("digraph kg {", 0) == 0);
  if (kg::testing::run("command -v dot").rc == 0) {
    std::ofstream(dir.sub("p.dot")) << d.out;
    auto svg = kg::testing::run("dot -Tsvg " + shq(dir.sub("p.dot")));
    INFO(svg.err);
    CHECK(svg.rc == 0);
    CHECK(svg.out.find("<svg") != std::string::npos);
  }
}

TEST_CASE("kg timeline, asof, rank and components answer from the snapshot", "[cli][query]") {
  TempDir dir;
  Kg kg{dir.sub("kg.db")};
  seedGraph(kg);
  json tl = json::parse(kg("timeline 'United States' --json").out);
  REQUIRE(tl["edges"].size() == 4);
  CHECK(tl["edges"][0]["from"] == "2019-12-27");
  CHECK(tl["edges"][3]["from"] == "2020-01-05");

  json before = json::parse(kg("asof 2020-01-06 Iraq --json").out);
  REQUIRE(before["edges"].size() == 1);  // PART_OF (undated) is left out without --undated
  CHECK(before["edges"][0]["src"]["name"] == "Adil Abdul-Mahdi");
  json after = json::parse(kg("asof 2020-09-25 Iraq --undated --json").out);
  std::set<std::string> srcs;
  for (const auto& e : after["edges"]) srcs.insert(e["src"]["name"].get<std::string>());
  CHECK(srcs == std::set<std::string>{"Mustafa al-Kadhimi", "Council of Representatives of Iraq"});

  json rank = json::parse(kg("rank --by degree --top 1 --json").out);
  CHECK(rank["ranking"][0]["actor"]["name"] == "United States");
  CHECK(rank["ranking"][0]["score"] == 4);
  json bc = json::parse(kg("rank --by betweenness --json").out);
  CHECK(bc["approximate"] == false);

  json comps = json::parse(kg("components --json").out);
  CHECK(comps["count"] == 1);  // parliament joins Iraq's offices to the January events
  CHECK(comps["components"][0]["size"] == 8);
  json offices = json::parse(kg("components --type OFFICIAL_OF,ASSAULT --json").out);
  CHECK(offices["count"] == 2);
  CHECK(offices["components"][0]["size"] == 4);  // US, Soleimani, al-Muhandis, Kata'ib Hezbollah
  CHECK(offices["components"][1]["size"] == 3);  // Iraq and its two prime ministers
  CHECK(offices["isolated"] == 1);
}

TEST_CASE("kg query commands: bad input exits 2 (usage), unknown actors 3, with a clear message, and changes nothing",
          "[cli][query]") {
  TempDir dir;
  Kg kg{dir.sub("kg.db")};
  seedGraph(kg);
  const std::string before = kg("edges --json").out;
  struct Bad {
    const char* args;
    int rc;
    const char* message;
  };
  for (const Bad& b : {
           Bad{"path Iraq Iraq", 1, "two different actors"},
           Bad{"path Iraq 'Irak Kataib'", 3, "unknown actor 'Irak Kataib'; closest known names"},
           Bad{"path Iraq 'Nobody At All'", 3, "unknown actor 'Nobody At All'"},
           Bad{"neighbors Iraq --depth 0", 2, "depth must be at least 1"},
           Bad{"neighbors Iraq --depth 9", 2, "beyond the maximum 8"},
           Bad{"path Iraq 'United States' --max-depth 12", 2, "beyond the maximum 8"},
           Bad{"path Iraq 'United States' --mode k-shortest --k 500", 2, "k 500 is beyond the maximum 100"},
           Bad{"path Iraq 'United States' --from 2020-02-01 --to 2020-01-01", 2, "before it starts"},
           Bad{"timeline Iraq --from 2020-13-01", 2, "month 13"},
           Bad{"rank --type BOMBING", 2, "unknown edge type 'BOMBING'"},
           Bad{"path Iraq 'United States' --mode fastest", 2, "fastest"},
           Bad{"neighbors Iraq --direction sideways", 2, "sideways"},
       }) {
    INFO(b.args);
    auto r = kg(b.args);
    CHECK(r.rc == b.rc);
    CHECK((r.err + r.out).find(b.message) != std::string::npos);
  }
  CHECK(kg("edges --json").out == before);
}

TEST_CASE("kg: counts refuse negative, scientific and overflowing values instead of wrapping", "[cli][query]") {
  TempDir dir;
  Kg kg{dir.sub("kg.db")};
  REQUIRE(kg("actor add 'Mike Pompeo' --kind person").rc == 0);
  for (const char* bad : {"-5", "1e3", "18446744073709551616"}) {
    auto r = kg(std::string("neighbors 'Mike Pompeo' --limit ") + bad);
    INFO(bad << ": " << r.err);
    CHECK(r.rc == 2);
    CHECK(r.err.find("is not a count") != std::string::npos);
  }
  CHECK(kg("ingest - --threads -1").rc == 2);
  CHECK(kg("neighbors 'Mike Pompeo' --limit 5").rc == 0);
}

TEST_CASE("kg neighbors --format graphml|dot: labels and every attribute, and a cut answer says so",
          "[cli][query]") {
  TempDir dir;
  Kg kg{dir.sub("kg.db")};
  seedGraph(kg);
  auto whole = kg("neighbors Iraq --depth 3 --format graphml");
  REQUIRE(whole.rc == 0);
  CHECK(whole.err.empty());
  std::ofstream(dir.sub("w.graphml")) << whole.out;
  auto cut = kg("neighbors Iraq --depth 3 --limit 3 --format graphml");
  REQUIRE(cut.rc == 0);
  CHECK(cut.err.find("kg: warning: the drawing is truncated: more actors are within reach than --limit 3") !=
        std::string::npos);
  std::ofstream(dir.sub("c.graphml")) << cut.out;
  auto py = kg::testing::run(
      "/usr/bin/python3 -c 'import networkx as nx, sys\n"
      "w = nx.read_graphml(sys.argv[1]); c = nx.read_graphml(sys.argv[2])\n"
      "assert w.graph[\"truncated\"] is False and c.graph[\"truncated\"] is True, (w.graph, c.graph)\n"
      "assert c.number_of_nodes() == 3\n"
      "n = {d[\"label\"]: d for _, d in w.nodes(data=True)}\n"
      "assert n[\"Kata\\x27ib Hezbollah\"][\"aliases\"] == \"Kataib Hezbollah\" and n[\"Iraq\"][\"kind\"] == \"state\"\n"
      "e = [d for _, _, d in w.edges(data=True) if d[\"type\"] == \"OFFICIAL_OF\"]\n"
      "assert {d[\"title\"] for d in e} == {\"Prime Minister\"} and all(d[\"label\"].startswith(\"OFFICIAL_OF (Prime Minister)\") for d in e), e\n"
      "print(\"ok\")' " +
      shq(dir.sub("w.graphml")) + " " + shq(dir.sub("c.graphml")));
  INFO(py.out << py.err);
  CHECK(py.out == "ok\n");
  auto dot = kg("neighbors Iraq --depth 3 --limit 3 --format dot");
  REQUIRE(dot.rc == 0);
  CHECK(dot.out.find("truncated=\"true\"") != std::string::npos);
  CHECK(kg("neighbors Iraq --depth 3 --format dot").out.find("truncated=\"false\"") != std::string::npos);
}

namespace {

// Four events with CAMEO codes, and one office without one:
//   Soleimani -CONSULT 040-> Iraq, United States -ASSAULT 190-> Soleimani,
//   Iraq -APPEAL 0211-> United States, United States -STATEMENT 010-> Iraq.
void seedCameoGraph(const Kg& kg) {
  for (const char* a : {"'Qassem Soleimani' --kind person", "'United States' --kind state", "Iraq --kind state",
                        "'Adil Abdul-Mahdi' --kind person"})
    REQUIRE(kg(std::string("actor add ") + a).rc == 0);
  for (const char* e : {"'Qassem Soleimani' CONSULT Iraq --from 2019-12-30 --cameo 040",
                        "'United States' ASSAULT 'Qassem Soleimani' --from 2020-01-03 --cameo 190",
                        "Iraq APPEAL 'United States' --from 2020-01-05 --cameo 0211",
                        "'United States' STATEMENT Iraq --from 2020-01-06 --cameo 010",
                        "'Adil Abdul-Mahdi' OFFICIAL_OF Iraq --from 2018-10-25 --to 2020-05-06 --title 'Prime Minister'"})
    REQUIRE(kg(std::string("edge add ") + e).rc == 0);
}

std::set<std::string> edgeTypes(const json& edges) {
  std::set<std::string> out;
  for (const auto& e : edges) out.insert(e["type"].get<std::string>());
  return out;
}

}  // namespace

TEST_CASE("kg query commands: --cameo keeps the edges whose CAMEO code starts with a listed code", "[cli][query]") {
  TempDir dir;
  Kg kg{dir.sub("kg.db")};
  seedCameoGraph(kg);

  // path: the direct consultation is not a 19x/0211 event, so the path goes round.
  json direct = json::parse(kg("path 'Qassem Soleimani' Iraq --json").out);
  REQUIRE(direct["paths"].size() == 1);
  CHECK(direct["paths"][0]["edges"].size() == 1);
  json round = json::parse(kg("path 'Qassem Soleimani' Iraq --cameo 19,0211 --json").out);
  REQUIRE(round["paths"].size() == 1);
  CHECK(edgeTypes(round["paths"][0]["edges"]) == std::set<std::string>{"ASSAULT", "APPEAL"});
  CHECK(kg("path 'Qassem Soleimani' Iraq --cameo 18").rc == 3);  // no path of 18x events

  json nb = json::parse(kg("neighbors 'Qassem Soleimani' --depth 1 --cameo 19 --json").out);
  CHECK(names(nb["nodes"]) == std::set<std::string>{"Qassem Soleimani", "United States"});

  CHECK(edgeTypes(json::parse(kg("edges --cameo 02 --json").out)) == std::set<std::string>{"APPEAL"});
  CHECK(edgeTypes(json::parse(kg("edges --cameo 0 --json").out)) == std::set<std::string>{"CONSULT", "APPEAL", "STATEMENT"});
  CHECK(json::parse(kg("edges --cameo 021 --type ASSAULT --json").out).empty());
  json show = json::parse(kg("show 'United States' --cameo 01 --json").out);
  CHECK(edgeTypes(show["edges"]) == std::set<std::string>{"STATEMENT"});

  json tl = json::parse(kg("timeline 'United States' --cameo 19,01 --json").out);
  CHECK(edgeTypes(tl["edges"]) == std::set<std::string>{"ASSAULT", "STATEMENT"});
  json rank = json::parse(kg("rank --by degree --top 1 --cameo 0211,010 --json").out);
  CHECK(rank["ranking"][0]["score"] == 2);  // Iraq and the US: one appeal and one statement each
  json comps = json::parse(kg("components --cameo 190 --json").out);
  CHECK(comps["count"] == 1);
  CHECK(comps["components"][0]["size"] == 2);
  // An office has no CAMEO code: --cameo never matches it.
  json asof = json::parse(kg("asof 2020-01-06 Iraq --cameo 0 --json").out);
  CHECK(asof["edges"].empty());

  // Anything but comma-separated 1-4 digit codes is a usage error naming the value.
  for (const auto& [args, value] : std::vector<std::pair<std::string, std::string>>{
           {"neighbors Iraq --cameo 1x", "'1x'"},
           {"path Iraq 'United States' --cameo 19,abc", "'abc'"},
           {"edges --cameo 19,,02", "'19,,02'"},
           {"show Iraq --cameo ''", "empty CAMEO code"},
           {"rank --cameo 12345", "'12345'"},
           {"timeline Iraq --cameo=-1", "'-1'"}}) {
    INFO(args);
    auto r = kg(args);
    CHECK(r.rc == 2);
    CHECK((r.err + r.out).find(value) != std::string::npos);
  }
}

TEST_CASE("kg queries: the snapshot file is saved, reused, rebuilt after a write and when damaged",
          "[cli][query][snapfile]") {
  TempDir dir;
  const std::string db = dir.sub("kg.db");
  Kg kg{db};
  seedGraph(kg);
  const std::string file = db + "/graph.snapshot";
  const std::string question = "path 'Qassem Soleimani' 'Council of Representatives of Iraq' --json";
  REQUIRE_FALSE(std::filesystem::exists(file));
  auto first = kg(question);
  REQUIRE(first.rc == 0);
  CHECK(first.err.empty());
  REQUIRE(std::filesystem::exists(file));  // saved by the first query
  const auto saved = std::filesystem::last_write_time(file);
  auto second = kg(question);
  REQUIRE(second.rc == 0);
  CHECK(second.out == first.out);
  CHECK(std::filesystem::last_write_time(file) == saved);  // mapped, not rewritten

  SECTION("a write makes it stale; the next query sees the write and saves the file again") {
    REQUIRE(kg("edge add 'Qassem Soleimani' CONSULT 'Council of Representatives of Iraq' --from 2019-12-01").rc == 0);
    auto after = kg(question);
    REQUIRE(after.rc == 0);
    CHECK(after.err.empty());
    auto paths = json::parse(after.out)["paths"];
    REQUIRE(paths.size() == 1);
    CHECK(paths[0]["edges"].size() == 1);  // the new edge is the path now
    auto again = kg(question);
    CHECK(again.out == after.out);
  }
  SECTION("a writer killed while dropping change records loses no write to the next query") {
    const std::string add = "edge add 'Qassem Soleimani' CONSULT 'Council of Representatives of Iraq' --from 2019-12-01";
    auto killed = kg::testing::run("KG_KILL_POINT=changes.before_drop " + std::string(KG_BIN) + " --db " + shq(db) +
                                   " " + add);
    CHECK(killed.rc != 0);  // died after its commit, before dropping the records the file reflects
    auto after = kg(question);
    REQUIRE(after.rc == 0);
    CHECK(after.err.empty());
    auto paths = json::parse(after.out)["paths"];
    REQUIRE(paths.size() == 1);
    CHECK(paths[0]["edges"].size() == 1);  // the new edge is the path now
    REQUIRE(kg("edge add 'Mustafa al-Kadhimi' CONSULT 'Qassem Soleimani' --from 2019-12-02").rc == 0);
    const std::string both = "neighbors 'Qassem Soleimani' --depth 2 --json";
    auto merged = kg(both);
    REQUIRE(merged.rc == 0);
    CHECK(merged.err.empty());
    std::filesystem::remove(file);
    auto rebuilt = kg(both);
    REQUIRE(rebuilt.rc == 0);
    CHECK(rebuilt.out == merged.out);  // the file plus the change log answers as a rebuild
    CHECK(names(json::parse(merged.out)["nodes"]).count("Mustafa al-Kadhimi") == 1);
  }
  SECTION("a damaged file is reported on stderr, rebuilt, and the answer is unchanged") {
    {
      std::fstream f(file, std::ios::in | std::ios::out | std::ios::binary);
      f.seekp(-20, std::ios::end);
      f.put('\x5a');
    }
    auto damaged = kg(question);
    REQUIRE(damaged.rc == 0);
    CHECK(damaged.out == first.out);
    CHECK_THAT(damaged.err, Catch::StartsWith("kg: warning: snapshot file " + file + ": checksum mismatch in array"));
    CHECK(std::count(damaged.err.begin(), damaged.err.end(), '\n') == 1);
    auto healed = kg(question);
    CHECK(healed.err.empty());
    CHECK(healed.out == first.out);
  }
  SECTION("a query killed while saving the file leaves a usable database and file") {
    std::filesystem::remove(file);
    for (const char* point : {"snapshot.mid_write", "snapshot.before_rename"}) {
      auto killed = kg::testing::run("KG_KILL_POINT=" + std::string(point) + " " + KG_BIN + " --db " + shq(db) + " " +
                                     question);
      CHECK(killed.rc != 0);
      CHECK_FALSE(std::filesystem::exists(file));  // no half-written file under the real name
    }
    auto after = kg(question);
    REQUIRE(after.rc == 0);
    CHECK(after.err.empty());
    CHECK(after.out == first.out);
    CHECK(std::filesystem::exists(file));
    for (const auto& e : std::filesystem::directory_iterator(db))
      CHECK(e.path().filename().string().find("graph.snapshot.tmp-") == std::string::npos);
  }
}

TEST_CASE("kg queries: the snapshot file is read whole once, and damage done to it after that is still reported",
          "[cli][query][snapfile][verify]") {
  TempDir dir;
  const std::string db = dir.sub("kg.db");
  Kg kg{db};
  seedGraph(kg);
  const std::string file = db + "/graph.snapshot";
  const std::string record = file + ".verified";
  const std::string question = "neighbors 'Qassem Soleimani' --depth 2 --json";
  auto first = kg(question);  // builds and saves the file: too new to be recorded
  REQUIRE(first.rc == 0);
  CHECK_FALSE(std::filesystem::exists(record));
  kg::testing::waitSettled(file, std::chrono::milliseconds(2000));  // kVerifySettle
  auto verifying = kg(question);                                    // reads it whole, finds it sound, records it
  REQUIRE(verifying.rc == 0);
  CHECK(verifying.out == first.out);
  REQUIRE(std::filesystem::exists(record));
  auto trusting = kg(question);  // checks the header and the record
  CHECK(trusting.err.empty());
  CHECK(trusting.out == first.out);
  // KG_SNAPSHOT_VERIFY=always reads it whole again, and answers alike.
  auto always =
      kg::testing::run("KG_SNAPSHOT_VERIFY=always " + std::string(KG_BIN) + " --db " + shq(db) + " " + question);
  CHECK(always.rc == 0);
  CHECK(always.err.empty());
  CHECK(always.out == first.out);

  // The same size, a byte flipped in the last array, the modification time
  // put back: the ctime moved, so the record no longer names the file.
  kg::testing::flipInPlace(file, std::filesystem::file_size(file) - 20);
  auto damaged = kg(question);
  REQUIRE(damaged.rc == 0);
  CHECK(damaged.out == first.out);
  CHECK_THAT(damaged.err, Catch::StartsWith("kg: warning: snapshot file " + file + ": checksum mismatch in array"));
  auto healed = kg(question);
  CHECK(healed.err.empty());
  CHECK(healed.out == first.out);
}

TEST_CASE("kg queries: a writing command folds a due snapshot file, and the next query maps it as it is",
          "[cli][query][snapfile][writerfold]") {
  TempDir dir;
  const std::string db = dir.sub("kg.db");
  Kg kg{db};
  seedGraph(kg);
  const std::string file = db + "/graph.snapshot";
  const std::string question = "neighbors 'Qassem Soleimani' --depth 2 --json";
  REQUIRE(kg(question).rc == 0);  // saves the file
  const std::string saved = kg::testing::slurp(file);
  const std::string add = "edge add 'Qassem Soleimani' CONSULT 'Council of Representatives of Iraq' --from 2019-12-01";
  SECTION("the writer folds it") {
    auto wrote = kg(add);
    REQUIRE(wrote.rc == 0);
    CHECK(wrote.err.empty());
    const std::string folded = kg::testing::slurp(file);
    CHECK(folded != saved);  // one edge is more than 1/64 of this small graph: due
    auto after = kg(question);
    REQUIRE(after.rc == 0);
    CHECK(after.err.empty());
    CHECK(kg::testing::slurp(file) == folded);  // current: nothing merged, nothing saved
    std::filesystem::remove(file);
    auto rebuilt = kg(question);
    REQUIRE(rebuilt.rc == 0);
    CHECK(rebuilt.out == after.out);
    CHECK(kg::testing::slurp(file) == folded);  // a rebuild saves the same bytes
  }
  SECTION("KG_WRITER_FOLD=0 leaves it to the next query") {
    auto wrote = kg::testing::run("KG_WRITER_FOLD=0 " + std::string(KG_BIN) + " --db " + shq(db) + " " + add);
    REQUIRE(wrote.rc == 0);
    CHECK(wrote.err.empty());
    CHECK(kg::testing::slurp(file) == saved);
    auto after = kg(question);
    REQUIRE(after.rc == 0);
    CHECK(after.err.empty());
    CHECK(kg::testing::slurp(file) != saved);  // the query folded it
    std::filesystem::remove(file);
    CHECK(kg(question).out == after.out);
  }
}
