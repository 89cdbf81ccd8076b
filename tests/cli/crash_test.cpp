// Crash safety end to end: kg ingest and kg import are killed (SIGKILL) at
// each named write step (KG_KILL_POINT, engine/base/kill_point.h), then run
// again; the database must open and end identical to one written by a clean
// run — same counts, same actors, same edges with the same ids — and a third
// run must add nothing.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <filesystem>

#include "../support/db_state.h"

using kg::testing::run;
using kg::testing::shq;
using kg::testing::TempDir;
using nlohmann::json;

namespace {

const std::string kCorpus = std::string(KG_SOURCE_DIR) + "/examples/corpus";
const std::string kIcews = std::string(KG_SOURCE_DIR) + "/../shared/data/icews/icews_events_2018_sample.tab";

kg::testing::RunResult kgAt(const std::string& db, const std::string& args, const std::string& killPoint = "") {
  std::string env = killPoint.empty() ? "" : "KG_KILL_POINT=" + killPoint + " ";
  return run(env + KG_BIN + std::string(" --db ") + shq(db) + " " + args);
}

// Everything a user can read back, ids included.
std::string state(const std::string& db) {
  auto s = kg::testing::readDbState(KG_BIN, db);
  INFO(s.error);
  REQUIRE(s.opened);
  return s.text;
}

void checkRecovers(const std::string& command, const std::vector<std::string>& points) {
  TempDir dir;
  const std::string clean = dir.sub("clean.db");
  REQUIRE(kgAt(clean, command).rc == 0);
  const std::string expected = state(clean);
  for (const auto& point : points) {
    SECTION("killed at " + point) {
      const std::string db = dir.sub("killed.db");
      auto killed = kgAt(db, command, point);
      CHECK(killed.rc != 0);  // the point was reached and the process died there
      auto again = kgAt(db, command);
      INFO(again.err);
      REQUIRE(again.rc == 0);
      CHECK(state(db) == expected);
      REQUIRE(kgAt(db, command).rc == 0);
      CHECK(state(db) == expected);  // a third run adds nothing
      // No staging directory of the killed creation is left behind.
      for (const auto& e : std::filesystem::directory_iterator(dir.path()))
        CHECK(e.path().filename().string().find(".creating-") == std::string::npos);
    }
  }
}

}  // namespace

TEST_CASE("Crash: kg ingest killed at any write step recovers to the clean result", "[cli][crash]") {
  checkRecovers("ingest " + shq(kCorpus),
                {"open.created", "open.initialised", "batch.before_commit", "batch.after_commit"});
}

TEST_CASE("Crash: kg import killed at any write step recovers to the clean result", "[cli][crash]") {
  REQUIRE(std::filesystem::exists(kIcews));  // ../shared must be beside the repository
  checkRecovers("import --format icews " + shq(kIcews),
                {"open.created", "open.initialised", "bulk.before_ingest", "bulk.after_ingest"});
}

TEST_CASE("Crash: after a kill late in kg import the id counters are intact", "[cli][crash]") {
  REQUIRE(std::filesystem::exists(kIcews));
  TempDir dir;
  const std::string db = dir.sub("kg.db");
  REQUIRE(kgAt(db, "import --format icews " + shq(kIcews), "bulk.after_ingest").rc != 0);
  json stats = json::parse(kgAt(db, "stats --json").out);
  CHECK(stats["actors"].get<int64_t>() > 0);
  CHECK(stats["edges"].get<int64_t>() > 0);
  json edges = json::parse(kgAt(db, "edges --json").out);
  int64_t maxId = 0;
  for (const auto& e : edges) maxId = std::max(maxId, e["id"].get<int64_t>());
  REQUIRE(kgAt(db, "actor add 'Crash Test Person' --kind person").rc == 0);
  REQUIRE(kgAt(db, "actor add 'Crash Test Group' --kind organisation").rc == 0);
  auto add = kgAt(db, "edge add 'Crash Test Person' ACCUSE 'Crash Test Group' --from 2020-01-01 --json");
  INFO(add.err);
  REQUIRE(add.rc == 0);
  CHECK(json::parse(add.out)["id"].get<int64_t>() > maxId);  // a new id, never one already in use
}
