// Actor identity across sources and the curation commands end to end
// (engine/core/README.md): kg actor merge / alias / rename / set / rm,
// kg edge rm, kg log; curation surviving re-import and re-ingest; a curation
// command killed midway leaves the database as it was.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "../support/db_state.h"
#include "../support/shared_data.h"
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

const std::string kShared = std::string(KG_SOURCE_DIR) + "/../shared";

uint64_t idOf(const KgCli& kg, const std::string& name) {
  auto found = resolveIds(kg, name);
  INFO(name);
  REQUIRE(found.size() == 1);
  return found.front();
}

json edgesOf(const KgCli& kg, const std::string& name) { return parse(kg("--json edges --actor " + shq(name))); }

}  // namespace

TEST_CASE("Identity: a database made from the seeds and ICEWS18 share Soleimani and the Islamic State",
          "[cli][identity]") {
  KG_REQUIRE_SHARED_PATH(kShared + "/seeds");
  KG_REQUIRE_SHARED_PATH(kShared + "/data/tkg/icews18/train.txt");
  TempDir dir;
  KgCli kg{dir.sub("db")};
  REQUIRE(kg("ingest " + shq(kShared + "/seeds")).rc == 0);
  const uint64_t soleimani = idOf(kg, "Qassem Soleimani");
  const uint64_t isis = idOf(kg, "Islamic State");
  auto imported = kg("--json import --format tkg " + shq(kShared + "/data/tkg/icews18"));
  INFO(imported.err);
  REQUIRE(imported.rc == 0);
  // ICEWS18 spells him "Qasem Soleimani" and names ISIL by an alias the seeds' actor has.
  CHECK(resolveIds(kg, "Qasem Soleimani") == std::vector<uint64_t>{soleimani});
  CHECK(resolveIds(kg, "Islamic State of Iraq and the Levant") == std::vector<uint64_t>{isis});
  // ICEWS18's events are now on the seeds' actors.
  CHECK(edgesOf(kg, "Qassem Soleimani").size() > 20);
  // Distinct actors stay distinct.
  CHECK(idOf(kg, "Kata'ib Hezbollah") != idOf(kg, "Hezbollah"));
  CHECK(idOf(kg, "Mike Pompeo") != idOf(kg, "Mike Pence"));
  // A sector is part of its country.
  auto sector = parse(kg("--json edges --type PART_OF --actor " + shq("Citizen (India)")));
  REQUIRE(sector.size() == 1);
  CHECK(sector[0]["dst"]["name"] == "India");
  // Importing again adds nothing.
  auto again = parse(kg("--json import --format tkg " + shq(kShared + "/data/tkg/icews18")));
  CHECK(again["stored"] == 0);
}

TEST_CASE("Curation: kg actor merge moves edges, evidence and names, identical facts merge", "[cli][curation]") {
  TempDir dir;
  KgCli kg{dir.sub("db")};
  addSmallGraph(kg);
  const uint64_t alpha = idOf(kg, "Alpha"), alfa = idOf(kg, "Alfa Group");
  // A query first, so that a graph snapshot file exists and must be rebuilt.
  REQUIRE(kg("neighbors Gamma").rc == 0);

  auto merged = parse(kg("--json actor merge Alpha 'Alfa Group'"));
  CHECK(merged["edges_moved"] == 2);
  CHECK(merged["edges_joined"] == 1);
  CHECK(merged["self_loops_dropped"] == 1);
  CHECK(merged["kept"]["country"] == "IRQ");
  // The dropped actor is gone; its name resolves to the kept one.
  CHECK(resolveIds(kg, "Alfa Group") == std::vector<uint64_t>{alpha});
  for (const auto& a : parse(kg("--json actors"))) CHECK(a["id"] != alfa);
  // One ASSAULT edge with both reports, the ACCUSE edge moved.
  auto edges = edgesOf(kg, "Alpha");
  REQUIRE(edges.size() == 2);
  for (const auto& e : edges) {
    CHECK(e["src"]["id"] == alpha);
    if (e["type"] == "ASSAULT") CHECK(e["evidence"].size() == 2);
  }
  auto stats = parse(kg("--json stats"));
  CHECK(stats["actors"] == 2);
  CHECK(stats["edges"] == 2);
  CHECK(stats["evidence"] == 3);
  // Queries read the merged graph (the snapshot file was rebuilt).
  auto nb = parse(kg("--json neighbors Gamma"));
  std::vector<std::string> nodes;
  for (const auto& n : nb["nodes"]) nodes.push_back(n["name"].get<std::string>());
  std::sort(nodes.begin(), nodes.end());
  CHECK(nodes == std::vector<std::string>{"Alpha", "Gamma"});
  // The log says who did it.
  auto log = parse(kg("--json log"));
  REQUIRE(log.size() == 1);
  CHECK(log[0]["command"] == "actor merge");
  CHECK(!log[0]["user"].get<std::string>().empty());
  CHECK(log[0]["args"].get<std::string>().find("actor merge Alpha") != std::string::npos);
  CHECK(log[0]["details"]["drop"]["name"] == "Alfa Group");
}

TEST_CASE("Curation: bad merges are refused and change nothing", "[cli][curation]") {
  TempDir dir;
  KgCli kg{dir.sub("db")};
  addSmallGraph(kg);
  const auto before = kg::testing::readDbState(KG_BIN, kg.db).text;
  auto self = kg("actor merge Alpha Alpha");
  CHECK(self.rc == 1);
  CHECK(self.err.find("into itself") != std::string::npos);
  auto unknown = kg("actor merge Alpha '#999'");
  CHECK(unknown.rc == 1);
  CHECK(unknown.err.find("no actor with id 999") != std::string::npos);
  CHECK(kg("actor merge Alpha Nobody").rc == 1);
  CHECK(kg("edge rm 12345").rc == 1);
  CHECK(kg("edge rm abc").rc == 1);
  CHECK(kg("actor alias rm Alpha Nope").rc == 1);
  CHECK(kg::testing::readDbState(KG_BIN, kg.db).text == before);
  CHECK(parse(kg("--json log")).empty());
}

TEST_CASE("Curation: alias add/rm, rename, set and actor rm", "[cli][curation]") {
  TempDir dir;
  KgCli kg{dir.sub("db")};
  addSmallGraph(kg);
  const uint64_t alpha = idOf(kg, "Alpha");
  REQUIRE(kg("actor alias add Alpha 'Alpha Brigades'").rc == 0);
  CHECK(resolveIds(kg, "Alpha Brigades") == std::vector<uint64_t>{alpha});
  // An alias that names another actor of the kind is refused, with the merge to run.
  auto clash = kg("actor alias add Alpha 'Alfa Group'");
  CHECK(clash.rc == 1);
  CHECK(clash.err.find("kg actor merge") != std::string::npos);
  REQUIRE(kg("actor alias rm Alpha 'Alpha Brigades'").rc == 0);
  CHECK(resolveIds(kg, "Alpha Brigades").empty());

  REQUIRE(kg("actor rename Alpha 'Alpha Organisation'").rc == 0);
  CHECK(resolveIds(kg, "Alpha Organisation") == std::vector<uint64_t>{alpha});
  CHECK(resolveIds(kg, "Alpha") == std::vector<uint64_t>{alpha});  // the old name stays an alias
  CHECK(kg("actor rename 'Alpha Organisation' 'Alfa Group'").rc == 1);

  auto set = parse(kg("--json actor set " + std::to_string(alpha) + " --kind armed_group --country IRN"));
  CHECK(set["kind"] == "armed_group");
  CHECK(set["country"] == "IRN");
  CHECK(kg("actor set Gamma").rc == 1);  // nothing to set

  auto refused = kg("actor rm Gamma");
  CHECK(refused.rc == 1);
  CHECK(refused.err.find("--with-edges") != std::string::npos);
  auto removed = parse(kg("--json actor rm Gamma --with-edges"));
  CHECK(removed["edges_removed"] == 3);
  auto stats = parse(kg("--json stats"));
  CHECK(stats["actors"] == 2);
  CHECK(stats["edges"] == 1);
  CHECK(stats["evidence"] == 0);
  auto log = parse(kg("--json log"));
  REQUIRE(log.size() == 5);  // refused commands are not logged
  CHECK(log[0]["command"] == "actor alias add");
  CHECK(log[4]["command"] == "actor rm");
  CHECK(log[4]["seq"] == 5);
}

TEST_CASE("Curation: kg edge rm stays removed when the same file is imported again", "[cli][curation]") {
  TempDir dir;
  KgCli kg{dir.sub("db")};
  const std::string csv = dir.sub("events.csv");
  {
    std::ofstream out(csv);
    out << "Source,Target,Date,CAMEO\n"
        << "Jamal Jaafar Ibrahimi,Iraq,2019-12-01,042\n"
        << "Kata'ib Hezbollah,United States,2019-12-27,190\n";
  }
  const std::string importCmd = "--json import --format csv --map src=Source,dst=Target,date=Date,cameo=CAMEO " + shq(csv);
  REQUIRE(parse(kg(importCmd))["stored"] == 2);
  auto kh = edgesOf(kg, "Kata'ib Hezbollah");
  REQUIRE(kh.size() == 1);
  REQUIRE(kg("edge rm " + std::to_string(kh[0]["id"].get<uint64_t>())).rc == 0);
  CHECK(edgesOf(kg, "Kata'ib Hezbollah").empty());
  auto again = parse(kg(importCmd));
  CHECK(again["stored"] == 0);
  CHECK(again["rows"] == 2);
  CHECK(edgesOf(kg, "Kata'ib Hezbollah").empty());
  // A hand-entered copy of the removed fact is refused too.
  CHECK(kg("edge add \"Kata'ib Hezbollah\" ASSAULT 'United States' --from 2019-12-27").rc == 1);

  // After a merge, the merged-away name keeps meaning the kept actor on import.
  REQUIRE(kg("actor add 'Abu Mahdi al-Muhandis' --kind person").rc == 0);
  REQUIRE(kg("actor merge 'Abu Mahdi al-Muhandis' 'Jamal Jaafar Ibrahimi'").rc == 0);
  const auto actorsBefore = parse(kg("--json stats"))["actors"];
  auto third = parse(kg(importCmd));
  CHECK(third["stored"] == 0);
  CHECK(parse(kg("--json stats"))["actors"] == actorsBefore);
  CHECK(edgesOf(kg, "Abu Mahdi al-Muhandis").size() == 1);
  CHECK(resolveIds(kg, "Jamal Jaafar Ibrahimi") == resolveIds(kg, "Abu Mahdi al-Muhandis"));
}

TEST_CASE("Curation: a removed edge is not re-created by ingesting its article again", "[cli][curation]") {
  TempDir dir;
  KgCli kg{dir.sub("db")};
  const std::string article = dir.sub("a.txt");
  const std::string text =
      "Title: Strike in Baghdad\nDate: 2020-01-03\n\n"
      "Kata'ib Hezbollah attacked the US embassy in Baghdad on 31 December 2019, officials said.\n";
  { std::ofstream(article) << text; }
  REQUIRE(kg("ingest " + shq(article)).rc == 0);
  auto edges = parse(kg("--json edges"));
  REQUIRE(!edges.empty());  // the article must give the extractor something to remove
  for (const auto& e : edges) REQUIRE(kg("edge rm " + std::to_string(e["id"].get<uint64_t>())).rc == 0);
  CHECK(parse(kg("--json edges")).empty());
  // The same article (and the same article as another document: one more line).
  REQUIRE(kg("ingest " + shq(article)).rc == 0);
  { std::ofstream(article) << text << "\nThe embassy was closed.\n"; }
  REQUIRE(kg("ingest " + shq(article)).rc == 0);
  CHECK(parse(kg("--json edges")).empty());
}

TEST_CASE("Curation: a merge killed before or after its commit leaves the database whole", "[cli][curation][crash]") {
  TempDir dir;
  const std::string clean = dir.sub("clean.db");
  KgCli ck{clean};
  addSmallGraph(ck);
  const std::string before = kg::testing::readDbState(KG_BIN, clean).text;
  REQUIRE(ck("actor merge Alpha 'Alfa Group'").rc == 0);
  const std::string after = kg::testing::readDbState(KG_BIN, clean).text;
  REQUIRE(before != after);
  for (const char* point : {"batch.before_commit", "batch.after_commit"}) {
    SECTION(point) {
      const std::string db = dir.sub(std::string("killed-") + point);
      KgCli kg{db};
      addSmallGraph(kg);
      auto killed = run("KG_KILL_POINT=" + std::string(point) + " " + KG_BIN + " --db " + shq(db) +
                        " actor merge Alpha 'Alfa Group'");
      CHECK(killed.rc != 0);
      const std::string state = kg::testing::readDbState(KG_BIN, db).text;
      if (std::string(point) == "batch.before_commit") {
        CHECK(state == before);
        CHECK(parse(kg("--json log")).empty());
      } else {
        CHECK(state == after);
        CHECK(parse(kg("--json log")).size() == 1);
      }
    }
  }
}
