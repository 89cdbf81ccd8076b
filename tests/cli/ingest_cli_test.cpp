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

TEST_CASE("kg ingest: bad files are warnings naming them; the run still lands (exit 0)", "[cli][ingest]") {
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
  CHECK(bad.rc == 1);
  CHECK_THAT(bad.err, Catch::Contains("--date"));
}

TEST_CASE("kg ingest: '-' reads stdin; --date dates undated text", "[cli][ingest]") {
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
