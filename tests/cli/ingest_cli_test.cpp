// End to end: `kg ingest` on the example corpus and on bad inputs.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "../support/run.h"

using kg::testing::RunResult;
using kg::testing::shq;
using kg::testing::TempDir;
using nlohmann::json;

namespace {

using Kg = kg::testing::KgCli;

const std::string kCorpus = std::string(KG_SOURCE_DIR) + "/examples/corpus";

void writeFile(const std::string& path, const std::string& text) { std::ofstream(path, std::ios::binary) << text; }

}  // namespace

TEST_CASE("kg ingest: the example corpus lands, and a second run changes nothing", "[cli][ingest]") {
  TempDir dir;
  Kg kg{dir.sub("kg.db")};
  auto first = kg("ingest " + shq(kCorpus) + " --json");
  REQUIRE(first.rc == 0);
  json s = json::parse(first.out);
  CHECK(s["files"] == 9);
  CHECK(s["articles"] == 10);
  CHECK(s["articlesStored"] == 10);
  CHECK(s["actorsNew"].get<int>() > 5);
  CHECK(s["edgesNew"].get<int>() > 10);
  CHECK(s["warnings"].empty());

  auto stats1 = kg("stats --json");
  auto again = kg("ingest " + shq(kCorpus) + " --json");
  REQUIRE(again.rc == 0);
  json t = json::parse(again.out);
  CHECK(t["articlesSkipped"] == 10);
  CHECK(t["articlesStored"] == 0);
  CHECK(t["edgesNew"] == 0);
  CHECK(kg("stats --json").out == stats1.out);

  // Parallel extraction lands the same graph.
  Kg par{dir.sub("par.db")};
  REQUIRE(par("ingest " + shq(kCorpus) + " --threads 2 --json").rc == 0);
  auto statsPar = json::parse(par("stats --json").out);
  auto statsSeq = json::parse(stats1.out);
  for (const char* k : {"actors", "edges", "evidence", "documents"}) CHECK(statsPar[k] == statsSeq[k]);

  // The facts connect: Pompeo reaches Kata'ib Hezbollah.
  auto path = kg("path 'Mike Pompeo' \"Kata'ib Hezbollah\"");
  CHECK(path.rc == 0);
}

TEST_CASE("kg ingest: bad files are warnings naming them, the run still lands (exit 0)", "[cli][ingest]") {
  TempDir dir;
  std::filesystem::create_directories(dir.sub("in"));
  writeFile(dir.sub("in/empty.txt"), "");
  writeFile(dir.sub("in/blob.bin"), std::string("\0\1\2binary\0", 10));
  writeFile(dir.sub("in/feed.jsonl"),
            "{\"text\": \"Mike Pompeo accused Kataib Hezbollah of the attack.\", \"date\": \"2020-01-01\"}\n{broken\n");
  Kg kg{dir.sub("kg.db")};
  auto r = kg("ingest " + shq(dir.sub("in")));
  CHECK(r.rc == 0);
  CHECK_THAT(r.err, Catch::Contains("empty.txt") && Catch::Contains("blob.bin") && Catch::Contains("feed.jsonl:2"));
  CHECK_THAT(r.out, Catch::Contains("1 stored"));
}

TEST_CASE("kg ingest: nothing readable is an error with a clear message", "[cli][ingest]") {
  TempDir dir;
  writeFile(dir.sub("empty.txt"), "");
  Kg kg{dir.sub("kg.db")};
  auto r = kg("ingest " + shq(dir.sub("empty.txt")) + " " + shq(dir.sub("missing")));
  CHECK(r.rc == 1);
  CHECK_THAT(r.err, Catch::Contains("nothing could be read") && Catch::Contains("missing"));
  auto bad = kg("ingest " + shq(kCorpus) + " --date 2020-13-45");
  CHECK(bad.rc == 2);
  CHECK_THAT(bad.err, Catch::Contains("--date"));
}

TEST_CASE("kg ingest: '-' reads stdin, --date dates undated text", "[cli][ingest]") {
  TempDir dir;
  writeFile(dir.sub("a.txt"), "Mike Pompeo accused Kataib Hezbollah of attacking the US embassy in Baghdad.\n");
  const std::string cmd = "(cat " + shq(dir.sub("a.txt")) + " | " + std::string(KG_BIN) + " --db " +
                          shq(dir.sub("kg.db")) + " ingest - --date 2019-12-31 --json)";
  auto r = kg::testing::run(cmd);
  REQUIRE(r.rc == 0);
  json s = json::parse(r.out);
  CHECK(s["articlesStored"] == 1);
  Kg kg{dir.sub("kg.db")};
  auto edges = kg("edges --json");
  REQUIRE(edges.rc == 0);
  CHECK_THAT(edges.out, Catch::Contains("2019-12-31"));
}

TEST_CASE("kg ingest: one strike in two articles is one edge, --json and the table show its date basis and sources",
          "[cli][ingest]") {
  TempDir dir;
  std::filesystem::create_directories(dir.sub("in"));
  writeFile(dir.sub("in/fri.txt"), "US strikes militia\nJanuary 3, 2020\n\nThe United States struck Kataib Hezbollah on Friday.\n");
  writeFile(dir.sub("in/sat.txt"), "Militia hit\nJanuary 4, 2020\n\nThe United States struck Kataib Hezbollah, officials said.\n");
  writeFile(dir.sub("in/may.txt"), "Iraq and Iran\nMay 10, 2020\n\nIraq accused Iran of meddling in its internal affairs. "
                                   "The ministry issued a long statement about the dispute.\n");
  Kg kg{dir.sub("kg.db")};
  REQUIRE(kg("ingest " + shq(dir.sub("in"))).rc == 0);
  auto strikes = json::parse(kg("edges --type ASSAULT --json").out);
  REQUIRE(strikes.size() == 1);
  CHECK(strikes[0]["from"] == "2020-01-03");
  CHECK(strikes[0]["to"] == "2020-01-03");
  CHECK(strikes[0]["date_basis"] == "text");
  CHECK(strikes[0]["sources"] == 2);
  auto accuse = json::parse(kg("edges --type ACCUSE --json").out);
  REQUIRE(accuse.size() == 1);
  CHECK(accuse[0]["from"] == "2020-05-10");
  CHECK(accuse[0]["to"] == "2020-05-10");
  CHECK(accuse[0]["date_basis"] == "article");
  CHECK(accuse[0]["sources"] == 1);
  // A window before the article's date does not return it (no "on or before" range).
  CHECK(json::parse(kg("edges --type ACCUSE --from 2019-12-01 --to 2019-12-31 --json").out).empty());
  auto table = kg("edges --type ASSAULT");
  REQUIRE(table.rc == 0);
  CHECK(table.out.find("BASIS") != std::string::npos);
  CHECK(table.out.find("text") != std::string::npos);
  auto show = kg("show 'Kataib Hezbollah'");
  REQUIRE(show.rc == 0);
  CHECK(show.out.find("(date: text, 2 sources)") != std::string::npos);
}

TEST_CASE("kg ingest: an article naming stored actors joins them, and the next query sees it",
          "[cli][ingest][snapfile]") {
  TempDir dir;
  const std::string db = dir.sub("kg.db");
  Kg kg{db};
  REQUIRE(kg("actor add 'Coordination Framework' --kind organisation").rc == 0);
  REQUIRE(kg("actor add 'United States' --kind state").rc == 0);
  REQUIRE(kg("actor add \"Kata'ib Hezbollah\" --kind armed_group --alias 'Kataib Hezbollah'").rc == 0);
  REQUIRE(kg("edge add \"Kata'ib Hezbollah\" ASSAULT 'United States' --from 2019-12-27").rc == 0);
  const std::string question = "path 'Coordination Framework' 'United States' --json";
  REQUIRE(kg("path \"Kata'ib Hezbollah\" 'United States'").rc == 0);  // the snapshot file is current
  REQUIRE(std::filesystem::exists(db + "/graph.snapshot"));

  std::filesystem::create_directories(dir.sub("in"));
  writeFile(dir.sub("in/a.txt"),
            "Coordination Framework condemns US strike\nJanuary 5, 2020\n\n"
            "The Coordination Framework accused the United States of violating the sovereignty of Iraq on Sunday. "
            "Kataib Hezbollah threatened the United States.\n");
  auto in = kg("ingest " + shq(dir.sub("in")) + " --json");
  REQUIRE(in.rc == 0);
  CHECK(json::parse(in.out)["actorsKnown"] == 3);  // the stored actors, found by name

  auto path = kg(question);
  REQUIRE(path.rc == 0);
  CHECK(path.err.empty());
  auto paths = json::parse(path.out)["paths"];
  REQUIRE(paths.size() == 1);
  REQUIRE(paths[0]["edges"].size() == 1);
  CHECK(paths[0]["edges"][0]["type"] == "ACCUSE");
  auto near = kg("neighbors \"Kata'ib Hezbollah\" --json");
  REQUIRE(near.rc == 0);
  CHECK(json::parse(near.out)["edges"].size() == 3);  // ASSAULT, THREATEN, PART_OF
  // No second "Coordination Framework": the article's name is the stored actor.
  auto found = json::parse(kg("resolve 'Coordination Framework' --json").out);
  CHECK(found.size() == 1);
  // The file plus the change log answered as a rebuild does.
  std::filesystem::remove(db + "/graph.snapshot");
  CHECK(kg(question).out == path.out);
  CHECK(kg("neighbors \"Kata'ib Hezbollah\" --json").out == near.out);
}
