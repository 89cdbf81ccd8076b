// kg undo end to end (engine/core/README.md "Undo"): each curation command
// undone gives back exactly the database it changed, and undone again redoes
// it; an undo that later changes depend on is refused (exit 5) and changes
// nothing; an undo killed midway leaves the database whole. Also: a removed
// actor stays removed when its file is imported or its article ingested again.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <fstream>

#include "../support/db_state.h"
#include "curation_graph.h"

using kg::testing::addSmallGraph;
using kg::testing::KgCli;
using kg::testing::parse;
using kg::testing::resolveIds;
using kg::testing::run;
using kg::testing::shq;
using kg::testing::TempDir;
using nlohmann::json;

namespace {

// What a user can read back: every actor, every edge with its evidence, and
// the full export (ids, dates, confidence, sources, evidence offsets).
std::string state(const KgCli& kg) {
  auto actors = kg("--json actors");
  auto edges = kg("--json edges --evidence 100");
  auto exported = kg("export --format jsonl");
  REQUIRE(actors.rc == 0);
  REQUIRE(edges.rc == 0);
  INFO(exported.err);
  REQUIRE(exported.rc == 0);
  return actors.out + "\n" + edges.out + "\n" + exported.out;
}

uint64_t edgeId(const KgCli& kg, const std::string& actor, const std::string& type) {
  for (const auto& e : parse(kg("--json edges --actor " + shq(actor))))
    if (e["type"] == type) return e["id"].get<uint64_t>();
  FAIL("no " << type << " edge of " << actor);
  return 0;
}

// The curation tests' small graph (Alpha with an alias, so that alias rm has
// one to take) and Delta, a fourth actor without edges.
void smallGraph(const KgCli& kg) {
  addSmallGraph(kg, " --alias 'Alpha Front'");
  REQUIRE(kg("actor add Delta --kind person").rc == 0);
}

}  // namespace

TEST_CASE("Undo: each curation command undone gives back the exact database, undone again it is redone",
          "[cli][curation][undo]") {
  TempDir dir;
  KgCli kg{dir.sub("db")};
  smallGraph(kg);
  // A removed fact exists before the commands, so that a merge re-keys it.
  REQUIRE(kg("edge rm " + std::to_string(edgeId(kg, "Alfa Group", "CONSULT"))).rc == 0);
  // A query first, so that a graph snapshot file exists and must be rebuilt.
  REQUIRE(kg("neighbors Gamma").rc == 0);
  const std::vector<std::string> commands = {
      "actor merge Alpha 'Alfa Group'",
      "actor alias add Alpha 'Alpha Brigades'",
      "actor alias rm Alpha 'Alpha Front'",
      "actor rename Alpha 'Alpha Organisation'",
      "actor set Alpha --kind armed_group --country IRN",
      "actor rm Gamma --with-edges",
      "actor rm Delta",
      "edge rm EDGE",
  };
  for (std::string command : commands) {
    DYNAMIC_SECTION(command) {
      if (command == "edge rm EDGE") command = "edge rm " + std::to_string(edgeId(kg, "Alpha", "ASSAULT"));
      const std::string before = state(kg);
      const std::string neighborsBefore = kg("--json neighbors Alpha").out;
      const auto logBefore = parse(kg("--json log")).size();
      REQUIRE(kg(command).rc == 0);
      const std::string after = state(kg);
      REQUIRE(after != before);

      auto undone = parse(kg("--json undo"));
      CHECK(undone["undone"] == logBefore + 1);
      CHECK(undone["log"] == logBefore + 2);
      CHECK(state(kg) == before);
      // Queries read the restored graph (the snapshot file was rebuilt).
      CHECK(kg("--json neighbors Alpha").out == neighborsBefore);

      // Undoing the undo redoes the command.
      auto redone = parse(kg("--json undo"));
      CHECK(redone["undone"] == logBefore + 2);
      CHECK(redone["undone_command"] == "undo");
      CHECK(state(kg) == after);
      // And the first record can be undone again by its number.
      REQUIRE(kg("undo " + std::to_string(logBefore + 1)).rc == 0);
      CHECK(state(kg) == before);

      auto log = parse(kg("--json log"));
      REQUIRE(log.size() == logBefore + 4);
      CHECK(log.back()["command"] == "undo");
      CHECK(log.back()["details"]["undoes"] == logBefore + 1);
      CHECK(log.back()["details"]["undoable"] == true);
      CHECK(!log.back()["details"].contains("image"));  // kept for kg undo, not shown
    }
  }
}

TEST_CASE("Undo: names come back with the records (merged, removed and restored names resolve as before)",
          "[cli][curation][undo]") {
  TempDir dir;
  KgCli kg{dir.sub("db")};
  smallGraph(kg);
  const auto alpha = resolveIds(kg, "Alpha"), alfa = resolveIds(kg, "Alfa Group");
  REQUIRE(kg("actor merge Alpha 'Alfa Group'").rc == 0);
  CHECK(resolveIds(kg, "Alfa Group") == alpha);
  REQUIRE(kg("undo").rc == 0);
  CHECK(resolveIds(kg, "Alfa Group") == alfa);
  CHECK(resolveIds(kg, "Alpha") == alpha);
  // A fact removed for the dropped actor is its own again after the undo.
  REQUIRE(kg("edge rm " + std::to_string(edgeId(kg, "Alfa Group", "ACCUSE"))).rc == 0);
  REQUIRE(kg("actor merge Alpha 'Alfa Group'").rc == 0);
  CHECK(kg("edge add Alpha ACCUSE Gamma --from 2020-02-01").rc == 1);  // suppressed for the kept actor
  REQUIRE(kg("undo").rc == 0);
  CHECK(kg("edge add Alpha ACCUSE Gamma --from 2020-02-01").rc == 0);        // no longer
  CHECK(kg("edge add 'Alfa Group' ACCUSE Gamma --from 2020-02-01").rc == 1);  // still removed for its own actor
}

TEST_CASE("Undo: a merge undone after the kept actor gained edges gives back exactly what the dropped actor had",
          "[cli][curation][undo]") {
  TempDir dir;
  KgCli kg{dir.sub("db")};
  smallGraph(kg);
  const std::string before = state(kg);
  REQUIRE(kg("actor merge Alpha 'Alfa Group'").rc == 0);
  // A new edge on the kept actor that the merge did not touch stays where it is.
  REQUIRE(kg("edge add Alpha SANCTION Delta --from 2021-05-05 --evidence 'Alpha sanctioned Delta.' --doc d5").rc == 0);
  auto undone = kg("undo 1");
  INFO(undone.err);
  REQUIRE(undone.rc == 0);
  auto sanction = parse(kg("--json edges --type SANCTION"));
  REQUIRE(sanction.size() == 1);
  CHECK(sanction[0]["src"]["name"] == "Alpha");
  // Without that edge, the database is the one before the merge.
  REQUIRE(kg("edge rm " + std::to_string(sanction[0]["id"].get<uint64_t>())).rc == 0);
  CHECK(state(kg) == before);
}

TEST_CASE("Undo: refused, with the reason and exit 5, when later changes depend on the change", "[cli][curation][undo]") {
  TempDir dir;
  KgCli kg{dir.sub("db")};
  smallGraph(kg);
  REQUIRE(kg("actor merge Alpha 'Alfa Group'").rc == 0);  // #1

  SECTION("new evidence on an edge the merge joined") {
    REQUIRE(kg("edge add Alpha ASSAULT Gamma --from 2020-01-03 --evidence 'Alpha hit Gamma again.' --doc d9").rc == 0);
    const std::string now = state(kg);
    auto refused = kg("undo");
    CHECK(refused.rc == 5);
    CHECK(refused.err.find("cannot undo #1 (kg ") != std::string::npos);  // the command line as given, --db included
    CHECK(refused.err.find("actor merge Alpha 'Alfa Group'): since then, ") != std::string::npos);
    CHECK(refused.err.find("edge 1 (Alpha ASSAULT Gamma) has 3 evidence records where it left 2") != std::string::npos);
    CHECK(refused.err.find("ingest, import or edge add") != std::string::npos);
    CHECK(state(kg) == now);
    CHECK(parse(kg("--json log")).size() == 1);
    auto asJson = kg("--json undo 1");
    CHECK(asJson.rc == 5);
    auto err = json::parse(asJson.err);
    CHECK(err["error"]["code"] == "failed_precondition");
    CHECK(err["error"]["exit"] == 5);
  }
  SECTION("a later curation command: undo that first") {
    REQUIRE(kg("actor alias add Alpha 'Alpha Brigades'").rc == 0);  // #2
    auto refused = kg("undo 1");
    CHECK(refused.rc == 5);
    CHECK(refused.err.find("actor alias add Alpha 'Alpha Brigades') changed it; undo #2 first") != std::string::npos);
    REQUIRE(kg("undo").rc == 0);    // #3 undoes #2
    REQUIRE(kg("undo 1").rc == 0);  // #4 undoes #1
    CHECK(resolveIds(kg, "Alfa Group") != resolveIds(kg, "Alpha"));
  }
  SECTION("already undone") {
    REQUIRE(kg("undo").rc == 0);  // #2
    auto again = kg("undo 1");
    CHECK(again.rc == 5);
    CHECK(again.err.find("it was undone by #2 (kg undo 2 redoes it)") != std::string::npos);
  }
  SECTION("a removed actor's edges: undo the removal first") {
    REQUIRE(kg("actor rm Gamma --with-edges").rc == 0);  // #2
    auto refused = kg("undo 1");
    CHECK(refused.rc == 5);
    CHECK(refused.err.find("undo #2 first") != std::string::npos);
  }
}

TEST_CASE("Undo: bad input is refused and changes nothing", "[cli][curation][undo]") {
  TempDir dir;
  KgCli kg{dir.sub("db")};
  smallGraph(kg);
  auto empty = kg("undo");
  CHECK(empty.rc == 3);
  CHECK(empty.err.find("nothing to undo") != std::string::npos);
  REQUIRE(kg("actor alias add Alpha 'Alpha Brigades'").rc == 0);
  const std::string before = state(kg);
  auto unknown = kg("undo 7");
  CHECK(unknown.rc == 3);
  CHECK(unknown.err.find("no curation log record #7 (kg log lists #1 to #1)") != std::string::npos);
  CHECK(kg("undo abc").rc == 2);
  CHECK(kg("undo 0").rc == 2);
  CHECK(kg("undo -- -1").rc == 2);
  CHECK(kg("undo 1 2").rc == 2);
  CHECK(kg("--remote 127.0.0.1:1 undo").rc == 2);
  CHECK(state(kg) == before);
  CHECK(parse(kg("--json log")).size() == 1);
}

TEST_CASE("Undo: an undo killed before or after its commit leaves the database whole", "[cli][curation][undo][crash]") {
  TempDir dir;
  const std::string clean = dir.sub("clean.db");
  KgCli ck{clean};
  smallGraph(ck);
  const std::string before = kg::testing::readDbState(KG_BIN, clean).text;
  REQUIRE(ck("actor merge Alpha 'Alfa Group'").rc == 0);
  const std::string merged = kg::testing::readDbState(KG_BIN, clean).text;
  REQUIRE(ck("undo").rc == 0);
  REQUIRE(kg::testing::readDbState(KG_BIN, clean).text == before);
  for (const char* point : {"batch.before_commit", "batch.after_commit"}) {
    SECTION(point) {
      const std::string db = dir.sub(std::string("killed-") + point);
      KgCli kg{db};
      smallGraph(kg);
      REQUIRE(kg("actor merge Alpha 'Alfa Group'").rc == 0);
      auto killed = run("KG_KILL_POINT=" + std::string(point) + " " + KG_BIN + " --db " + shq(db) + " undo");
      CHECK(killed.rc != 0);
      const std::string now = kg::testing::readDbState(KG_BIN, db).text;
      if (std::string(point) == "batch.before_commit") {
        CHECK(now == merged);
        CHECK(parse(kg("--json log")).size() == 1);
        REQUIRE(kg("undo").rc == 0);  // and it can be undone after all
        CHECK(kg::testing::readDbState(KG_BIN, db).text == before);
      } else {
        CHECK(now == before);
        CHECK(parse(kg("--json log")).size() == 2);
      }
    }
  }
}

TEST_CASE("Curation: a removed actor stays removed when its file is imported or its article ingested again",
          "[cli][curation]") {
  TempDir dir;
  KgCli kg{dir.sub("db")};
  const std::string csv = dir.sub("events.csv");
  {
    std::ofstream out(csv);
    out << "Source,Target,Date,CAMEO\n"
        << "Jamal Jaafar Ibrahimi,Iraq,2019-12-01,042\n"
        << "Kata'ib Hezbollah,United States,2019-12-27,190\n"
        << "United States,Kata'ib Hezbollah,2019-12-29,195\n";
  }
  const std::string importCmd = "--json import --format csv --map src=Source,dst=Target,date=Date,cameo=CAMEO " + shq(csv);
  REQUIRE(parse(kg(importCmd))["stored"] == 3);
  const auto kh = resolveIds(kg, "Kata'ib Hezbollah");
  REQUIRE(kh.size() == 1);
  REQUIRE(parse(kg("--json actor rm \"Kata'ib Hezbollah\" --with-edges"))["edges_removed"] == 2);
  const std::string removed = state(kg);

  // The same file again: the actor and its two edges stay away.
  auto again = parse(kg(importCmd));
  CHECK(again["rows"] == 3);
  CHECK(again["stored"] == 0);
  CHECK(state(kg) == removed);
  CHECK(resolveIds(kg, "Kata'ib Hezbollah").empty());

  // An article naming it: no actor, no edge of it.
  const std::string article = dir.sub("a.txt");
  {
    std::ofstream(article) << "Title: Strike in Baghdad\nDate: 2020-01-03\n\n"
                              "Kata'ib Hezbollah attacked the US embassy in Baghdad on 31 December 2019, officials said.\n";
  }
  REQUIRE(kg("ingest " + shq(article)).rc == 0);
  CHECK(resolveIds(kg, "Kata'ib Hezbollah").empty());
  for (const auto& e : parse(kg("--json edges")))
    CHECK((e["src"]["id"] != kh[0] && e["dst"]["id"] != kh[0]));
  // Adding it by hand is refused, with the way back.
  auto add = kg("actor add \"Kata'ib Hezbollah\" --kind armed_group");
  CHECK(add.rc == 1);
  CHECK(add.err.find("kg undo") != std::string::npos);

  // Undoing the removal brings it back with its edges, and imports reach it again.
  REQUIRE(kg("undo 1").rc == 0);
  CHECK(resolveIds(kg, "Kata'ib Hezbollah") == kh);
  CHECK(parse(kg("--json edges --actor \"Kata'ib Hezbollah\"")).size() == 2);
}
