// End to end: spawns build/bin/kg against a fresh database per test.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "../support/run.h"
#include "storage/graph_store.h"

using kg::testing::RunResult;
using kg::testing::shq;
using kg::testing::TempDir;
using nlohmann::json;

namespace {

using Kg = kg::testing::KgCli;

void seed(const Kg& kg) {
  REQUIRE(kg("actor add 'Mike Pompeo' --kind person --alias Pompeo --country USA").rc == 0);
  REQUIRE(kg("actor add 'United States' --kind state --alias USA --alias Washington").rc == 0);
  REQUIRE(kg("actor add \"Kata'ib Hezbollah\" --kind armed_group --alias 'Kataib Hezbollah' "
             "--alias 'كتائب حزب الله'").rc == 0);
  REQUIRE(kg("actor add 'Qassem Soleimani' --kind person --alias 'Qasem Soleimani'").rc == 0);
}

}  // namespace

TEST_CASE("kg: actors and edges round-trip through a reopened database as JSON", "[cli]") {
  TempDir dir;
  Kg kg{dir.sub("kg.db")};
  seed(kg);
  auto add = kg("edge add USA ASSAULT 'Qasem Soleimani' --from 2020-01-03 --mode drone --cameo 183 "
                "--evidence 'A US drone strike killed Soleimani at Baghdad airport.' --doc doc-a --json");
  REQUIRE(add.rc == 0);
  json added = json::parse(add.out);
  CHECK(added["type"] == "ASSAULT");
  CHECK(added["src"]["name"] == "United States");
  CHECK(added["dst"]["name"] == "Qassem Soleimani");

  // Each kg run reopens the database.
  auto edges = kg("edges --json");
  REQUIRE(edges.rc == 0);
  json arr = json::parse(edges.out);
  REQUIRE(arr.is_array());
  REQUIRE(arr.size() == 1);
  const json& e = arr[0];
  for (const char* k : {"id", "src", "dst", "type", "from", "to", "confidence", "evidence"}) CHECK(e.contains(k));
  CHECK(e["src"]["id"].is_number());
  CHECK(e["from"] == "2020-01-03");
  CHECK(e["to"] == "2020-01-03");
  CHECK(e["mode"] == "drone");
  CHECK(e["evidence"][0]["doc"] == "doc-a");
  CHECK(e["evidence"][0]["text"] == "A US drone strike killed Soleimani at Baghdad airport.");
  CHECK(e["sources"] == 1);              // one document backs it
  CHECK_FALSE(e.contains("date_basis"));  // typed in by hand: no basis recorded

  json actors = json::parse(kg("actors --json").out);
  REQUIRE(actors.size() == 4);
  for (const auto& a : actors)
    for (const char* k : {"id", "name", "kind", "aliases"}) CHECK(a.contains(k));
  json people = json::parse(kg("actors --kind person --json").out);
  CHECK(people.size() == 2);

  json resolved = json::parse(kg("resolve 'kataib hezbollah' --json").out);
  REQUIRE(resolved.size() == 1);
  CHECK(resolved[0]["name"] == "Kata'ib Hezbollah");
  CHECK(resolved[0]["kind"] == "armed_group");
  json arabic = json::parse(kg("resolve 'كتائب حزب الله' --json").out);
  CHECK(arabic[0]["name"] == "Kata'ib Hezbollah");

  json stats = json::parse(kg("stats --json").out);
  CHECK(stats["actors"] == 4);
  CHECK(stats["edges"] == 1);
  CHECK(stats["evidence"] == 1);
}

TEST_CASE("kg: dates keep their precision and undated edges print null", "[cli]") {
  TempDir dir;
  Kg kg{dir.sub("kg.db")};
  seed(kg);
  REQUIRE(kg("edge add Pompeo ACCUSE 'Kataib Hezbollah' --from 2019-12").rc == 0);
  REQUIRE(kg("edge add Pompeo OFFICIAL_OF USA --from 2018-04-26 --to 2021-01-20 --title 'Secretary of State'").rc == 0);
  REQUIRE(kg("edge add Pompeo THREATEN 'Qassem Soleimani'").rc == 0);
  REQUIRE(kg("edge add 'Qassem Soleimani' CONSULT Pompeo --from 1958").rc == 0);  // before 1970
  json all = json::parse(kg("edges --json").out);
  REQUIRE(all.size() == 4);
  std::map<std::string, json> byType;
  for (auto& e : all) byType[e["type"]] = e;
  CHECK(byType["ACCUSE"]["from"] == "2019-12");
  CHECK(byType["OFFICIAL_OF"]["from"] == "2018-04-26");
  CHECK(byType["OFFICIAL_OF"]["to"] == "2021-01-20");
  CHECK(byType["OFFICIAL_OF"]["title"] == "Secretary of State");
  CHECK(byType["THREATEN"]["from"].is_null());
  CHECK(byType["THREATEN"]["to"].is_null());
  CHECK(byType["CONSULT"]["from"] == "1958");

  // A window keeps edges overlapping it; undated ones only with --undated.
  json jan = json::parse(kg("edges --from 2020-01-01 --to 2020-01-31 --json").out);
  REQUIRE(jan.size() == 1);
  CHECK(jan[0]["type"] == "OFFICIAL_OF");
  CHECK(json::parse(kg("edges --from 2020-01-01 --to 2020-01-31 --undated --json").out).size() == 2);
  CHECK(json::parse(kg("edges --type accuse,threaten --json").out).size() == 2);
  CHECK(json::parse(kg("edges --actor 'Qasem Soleimani' --json").out).size() == 2);
}

TEST_CASE("kg edges --json: written edge by edge, the array the listing holds, cut at --limit", "[cli][streaming]") {
  TempDir dir;
  Kg kg{dir.sub("kg.db")};
  seed(kg);
  CHECK(kg("edges --json").out == "[]\n");  // no edges: an empty array
  REQUIRE(
      kg("edge add Pompeo ACCUSE 'Kataib Hezbollah' --from 2019-12-30 --evidence 'Pompeo blamed the militia.'").rc ==
      0);
  REQUIRE(kg("edge add USA ASSAULT 'Kataib Hezbollah' --from 2019-12-29 --evidence 'US jets struck.'").rc == 0);
  REQUIRE(kg("edge add USA ASSAULT 'Qasem Soleimani' --from 2020-01-03 --evidence 'A drone strike.'").rc == 0);
  REQUIRE(kg("edge add 'Kataib Hezbollah' THREATEN USA --from 2020-01-03").rc == 0);
  REQUIRE(kg("edge add Pompeo OFFICIAL_OF USA --from 2018-04-26 --to 2021-01-20 --title 'Secretary of State'").rc == 0);
  REQUIRE(kg("edge add Pompeo THREATEN 'Qassem Soleimani'").rc == 0);

  auto all = kg("edges --json");
  REQUIRE(all.rc == 0);
  // One line, one array: the elements joined by commas, as one document would print.
  REQUIRE(all.out.size() > 2);
  CHECK(all.out.front() == '[');
  CHECK(all.out.substr(all.out.size() - 2) == "]\n");
  CHECK(all.out.find('\n') == all.out.size() - 1);
  json arr = json::parse(all.out);
  REQUIRE(arr.size() == 6);
  CHECK(all.out == arr.dump() + "\n");
  // The order of the table: by start date, undated last.
  std::vector<std::string> from;
  for (const auto& e : arr) from.push_back(e["from"].is_null() ? "undated" : e["from"].get<std::string>());
  CHECK(from ==
        std::vector<std::string>{"2018-04-26", "2019-12-29", "2019-12-30", "2020-01-03", "2020-01-03", "undated"});
  CHECK(arr[1]["evidence"][0]["text"] == "US jets struck.");
  // The table lists the same ids in the same order, and so with --limit
  // (the first edges found, by start date: Engine::edges).
  auto tableIds = [&](const std::string& args) {
    std::vector<long> ids;
    std::istringstream lines(kg("edges" + args).out);
    std::string line;
    std::getline(lines, line);  // the header
    long id = 0;
    while (std::getline(lines, line))
      if (std::istringstream(line) >> id) ids.push_back(id);
    return ids;
  };
  auto jsonIds = [](const json& a) {
    std::vector<long> ids;
    for (const auto& e : a) ids.push_back(e["id"].get<long>());
    return ids;
  };
  CHECK(jsonIds(arr) == tableIds(""));
  json cut = json::parse(kg("edges --json --limit 2").out);  // with --limit: {"edges","matched","left_out"}
  CHECK(cut["matched"] == 6);
  CHECK(cut["left_out"] == 4);
  json two = cut["edges"];
  REQUIRE(two.size() == 2);
  CHECK(jsonIds(two) == tableIds(" --limit 2"));
  for (const auto& e : two) CHECK(std::find(arr.begin(), arr.end(), e) != arr.end());
  json usAll = json::parse(kg("edges --actor USA --json").out);
  REQUIRE(usAll.size() == 4);
  json usCut = json::parse(kg("edges --actor USA --json --limit 1").out);
  CHECK(usCut["matched"] == 4);
  CHECK(usCut["left_out"] == 3);
  json usOne = usCut["edges"];
  REQUIRE(usOne.size() == 1);
  CHECK(usOne[0] == usAll[0]);
  CHECK(kg("edges --json --type SANCTION").out == "[]\n");

  // show and timeline without --limit are written as they are read too: the
  // same bytes as the held document (a --limit above the count holds it).
  for (const char* cmd : {"show USA --json", "timeline USA --json", "show Pompeo --json --type THREATEN"}) {
    INFO(cmd);
    auto streamed = kg(cmd), held = kg(std::string(cmd) + " --limit 100");
    REQUIRE(streamed.rc == 0);
    CHECK(streamed.out == held.out);
    CHECK(json::parse(streamed.out)["edges"].size() >= 1);
  }
  CHECK(json::parse(kg("show USA --json").out)["edges"].size() == 4);
  CHECK(json::parse(kg("show USA --json --type SANCTION").out)["edges"].empty());

  // An error before the first edge prints no array, only the error.
  auto unknown = kg("edges --actor 'Nobody At All' --json");
  CHECK(unknown.rc == 3);
  CHECK(unknown.out.empty());
  CHECK(json::parse(unknown.err)["error"]["code"] == "not_found");
}

TEST_CASE("kg: bad input gets a clear error and changes nothing", "[cli]") {
  TempDir dir;
  Kg kg{dir.sub("kg.db")};
  seed(kg);
  REQUIRE(kg("edge add Pompeo ACCUSE 'Kataib Hezbollah' --from 2020-01-01").rc == 0);
  const std::string before = kg("edges --json").out + kg("actors --json").out + kg("stats --json").out;

  auto unknown = kg("edge add 'Mike Pompton' ACCUSE USA");
  CHECK(unknown.rc == 3);  // not found
  CHECK(unknown.err.find("unknown actor 'Mike Pompton'") != std::string::npos);
  CHECK(unknown.err.find("closest known names: Mike Pompeo") != std::string::npos);

  auto badDate = kg("edge add Pompeo ACCUSE USA --from 2020-13-45");
  CHECK(badDate.rc == 2);  // usage
  CHECK(badDate.err.find("2020-13-45") != std::string::npos);
  CHECK(badDate.err.find("month 13") != std::string::npos);

  auto badType = kg("edge add Pompeo SHOUT_AT USA");
  CHECK(badType.rc == 2);
  CHECK(badType.err.find("unknown edge type 'SHOUT_AT'") != std::string::npos);
  CHECK(badType.err.find("ASSAULT") != std::string::npos);
  CHECK(badType.err.find("OFFICIAL_OF") != std::string::npos);

  auto badKind = kg("actor add X --kind wizard");
  CHECK(badKind.rc == 2);
  CHECK(badKind.err.find("armed_group") != std::string::npos);

  auto backwards = kg("edge add Pompeo OFFICIAL_OF USA --from 2021-01-20 --to 2018-04-26");
  CHECK(backwards.rc == 2);
  CHECK(backwards.err.find("before it starts") != std::string::npos);

  auto dup = kg("actor add 'mike pompeo' --kind person");
  CHECK(dup.rc == 1);
  CHECK(dup.err.find("already names") != std::string::npos);

  auto unknownResolve = kg("resolve Pompton");
  CHECK(unknownResolve.rc == 3);
  CHECK(unknownResolve.err.find("Mike Pompeo") != std::string::npos);

  auto usage = kg("edge add OnlyOneArg");
  CHECK(usage.rc == 2);

  CHECK(kg("edges --json").out + kg("actors --json").out + kg("stats --json").out == before);
}

TEST_CASE("kg: refuses a --db that is a file, a missing db for reads, a locked db, another version", "[cli]") {
  TempDir dir;
  std::ofstream(dir.sub("plain")) << "hello";
  Kg onFile{dir.sub("plain")};
  auto r = onFile("actors");
  CHECK(r.rc == 1);
  CHECK(r.err.find("is a file") != std::string::npos);

  Kg missing{dir.sub("nowhere")};
  auto m = missing("actors");
  CHECK(m.rc == 1);
  CHECK(m.err.find("no database at") != std::string::npos);

  Kg kg{dir.sub("kg.db")};
  seed(kg);
  {
    // Another process (here: this test) holds the database open for writing.
    auto held = kg::storage::openStore(kg.db, {});
    REQUIRE(held.isOk());
    auto locked = kg("actor add 'Iraq' --kind state");
    CHECK(locked.rc == 1);
    CHECK(locked.err.find("in use by another process") != std::string::npos);
    // Readers still read.
    auto read = kg("actors --json");
    INFO(read.err);
    CHECK(read.rc == 0);
  }
  CHECK(json::parse(kg("actors --json").out).size() == 4);
}

TEST_CASE("kg: --help works on every command", "[cli]") {
  TempDir dir;
  Kg kg{dir.sub("kg.db")};
  for (const char* cmd : {"", "actor", "actor add", "edge add", "actors", "resolve", "edges", "stats", "show"}) {
    auto r = kg(std::string(cmd) + " --help");
    INFO(cmd);
    CHECK(r.rc == 0);
    CHECK(r.out.find("--help") != std::string::npos);
  }
}

TEST_CASE("kg: a surname resolves to the one person it ends, and is ambiguous between two", "[cli]") {
  TempDir dir;
  Kg kg{dir.sub("kg.db")};
  REQUIRE(kg("actor add 'Mark Esper' --kind person").rc == 0);
  REQUIRE(kg("actor add 'Saddam Hussein' --kind person").rc == 0);
  REQUIRE(kg("actor add 'Fuad Hussein' --kind person").rc == 0);
  REQUIRE(kg("actor add 'Esper Institute' --kind organisation").rc == 0);
  json esper = json::parse(kg("resolve Esper --json").out);
  REQUIRE(esper.size() == 1);
  CHECK(esper[0]["name"] == "Mark Esper");
  // A spelling of the surname never indexed still finds its person.
  REQUIRE(kg("actor add 'Mustafa al-Kadhimi' --kind person").rc == 0);
  json kazimi = json::parse(kg("resolve Al-Kazimi --json").out);
  REQUIRE(kazimi.size() == 1);
  CHECK(kazimi[0]["name"] == "Mustafa al-Kadhimi");
  REQUIRE(kg("actor add Iraq --kind state").rc == 0);
  CHECK(kg("edge add Esper CONSULT Iraq --from 2020-01-06").rc == 0);
  auto both = kg("edge add Hussein CONSULT Iraq");
  CHECK(both.rc == 1);
  CHECK(both.err.find("ambiguous") != std::string::npos);
  CHECK(both.err.find("Saddam Hussein") != std::string::npos);
  CHECK(both.err.find("Fuad Hussein") != std::string::npos);
}

TEST_CASE("kg resolve: a title in front of a name is dropped when the whole name finds nothing", "[cli]") {
  TempDir dir;
  Kg kg{dir.sub("kg.db")};
  seed(kg);
  for (const char* written : {"Secretary of State Mike Pompeo", "Secretary of State Pompeo", "Mr. Mike Pompeo"}) {
    auto r = kg(std::string("resolve ") + shq(written) + " --json");
    INFO(written << ": " << r.err);
    REQUIRE(r.rc == 0);
    json found = json::parse(r.out);
    REQUIRE_FALSE(found.empty());
    CHECK(found[0]["name"] == "Mike Pompeo");
  }
  // Only title words are dropped: an unknown name is still unknown.
  CHECK(kg("resolve 'President Nobody Known'").rc == 3);
  CHECK(kg("resolve 'Hezbollah'").rc == 3);  // not a title: "Kata'ib" is never stripped from the stored name
}

TEST_CASE("kg import: an input of which no row can be read is an error", "[cli]") {
  TempDir dir;
  const std::string set = dir.sub("tkg");
  std::filesystem::create_directories(set);
  std::ofstream(set + "/entity2id.txt") << "Iraq\t0\nIran\t1\n";
  std::ofstream(set + "/relation2id.txt") << "190\t0\n";
  std::ofstream(set + "/train.txt") << "not a quadruple\n0 0 7 0\n";
  Kg kg{dir.sub("kg.db")};
  auto r = kg("import --format tkg " + shq(set));
  CHECK(r.rc == 1);
  CHECK(r.err.find("no row of the input could be read (2 malformed)") != std::string::npos);
  std::ofstream(set + "/train.txt") << "0 0 1 0\nnot a quadruple\n";
  CHECK(kg("import --format tkg " + shq(set)).rc == 0);  // one good line is enough
}

TEST_CASE("kg: --version, and a mistyped command gets the nearest commands with a usage exit", "[cli]") {
  auto v = kg::testing::run(std::string(KG_BIN) + " --version");
  CHECK(v.rc == 0);
  CHECK(v.out.rfind("kg (ActorGraph) ", 0) == 0);
  TempDir dir;
  Kg kg{dir.sub("kg.db")};
  auto typo = kg("nieghbors IRAN");
  CHECK(typo.rc == 2);
  CHECK(typo.err.find("'nieghbors' is not a kg command; did you mean 'neighbors'?") != std::string::npos);
  auto two = kg("edgs");
  CHECK(two.rc == 2);
  CHECK(two.err.find("did you mean 'edge' or 'edges'?") != std::string::npos);
  auto none = kg("zzzqqq");
  CHECK(none.rc == 2);
  CHECK(none.err.find("did you mean") == std::string::npos);
  // A failed command leaves no database behind.
  CHECK_FALSE(std::filesystem::exists(dir.sub("kg.db")));
}

TEST_CASE("kg: an actor given as #ID is that actor, whoever else has its name", "[cli]") {
  TempDir dir;
  Kg kg{dir.sub("kg.db")};
  REQUIRE(kg("actor add Georgia --kind state").rc == 0);
  REQUIRE(kg("actor add Georgia --kind organisation").rc == 0);  // another kind: another actor
  REQUIRE(kg("actor add Russia --kind state").rc == 0);
  json actors = json::parse(kg("actors --json").out);
  uint64_t state = 0, party = 0;
  for (const auto& a : actors)
    if (a["name"] == "Georgia") (a["kind"] == "state" ? state : party) = a["id"].get<uint64_t>();
  REQUIRE(state != 0);
  REQUIRE(party != 0);
  REQUIRE(kg("edge add Russia ASSAULT '#" + std::to_string(state) + "' --from 2008-08-08").rc == 0);

  for (uint64_t id : {state, party}) {
    INFO("id " << id);
    const std::string ref = shq("#" + std::to_string(id));
    auto shown = kg("show " + ref + " --json");
    REQUIRE(shown.rc == 0);
    json j = json::parse(shown.out);
    CHECK(j["id"] == id);
    CHECK(j["edges"].size() == (id == state ? 1u : 0u));
    auto timeline = kg("timeline " + ref + " --json");
    REQUIRE(timeline.rc == 0);
    CHECK(json::parse(timeline.out)["actor"]["id"] == id);
    auto hood = kg("neighbors " + ref + " --json");
    REQUIRE(hood.rc == 0);
    CHECK(json::parse(hood.out)["nodes"][0]["id"] == id);
    auto edges = kg("edges --actor " + ref + " --json");
    REQUIRE(edges.rc == 0);
    CHECK(json::parse(edges.out).size() == (id == state ? 1u : 0u));
  }
  auto path = kg("path Russia " + shq("#" + std::to_string(state)) + " --json");
  REQUIRE(path.rc == 0);
  CHECK(json::parse(path.out)["paths"][0]["nodes"][1]["id"] == state);

  auto unknown = kg("show '#999999'");
  CHECK(unknown.rc == 3);  // not found
  CHECK(unknown.err.find("no actor with id 999999") != std::string::npos);
  auto bad = kg("timeline '#12x'");
  CHECK(bad.rc == 2);  // usage
  CHECK(bad.err.find("'#12x' is not an actor id") != std::string::npos);
}
