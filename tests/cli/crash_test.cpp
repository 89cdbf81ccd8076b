// Crash safety end to end: kg ingest and kg import are killed (SIGKILL) at
// each named write step (KG_KILL_POINT, engine/base/kill_point.h), then run
// again; the database must open and end identical to one written by a clean
// run — same counts, same actors, same edges with the same ids — and a third
// run must add nothing. The graph snapshot file's writer (a query saving it)
// and the change-log trim (a writing command closing) are killed at theirs:
// the file must be the previous one, whole, and the answers after a re-run
// those of a clean run.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <optional>

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

namespace {

namespace fs = std::filesystem;

const std::string kFirstArticle = kCorpus + "/01_us_strikes_kataib_hezbollah.txt";
const std::string kComponents = "components --top 1000 --json";  // loads the snapshot, saving it when due

std::optional<std::string> snapshotBytes(const std::string& db) {
  const fs::path file = fs::path(db) / "graph.snapshot";
  if (!fs::exists(file)) return std::nullopt;
  return kg::testing::slurp(file.string());
}

int snapshotTemps(const std::string& db) {
  int n = 0;
  for (const auto& e : fs::directory_iterator(db)) n += e.path().filename().string().rfind("graph.snapshot.tmp-", 0) == 0;
  return n;
}

// state() plus whole-graph answers read from the snapshot; a query that
// finds the file unusable says so on stderr, which fails the check.
std::string answers(const std::string& db) {
  std::string out = state(db);
  for (const char* q : {"components --top 1000 --json", "rank --by pagerank --top 1000 --json"}) {
    auto r = kgAt(db, q);
    INFO(q << ": " << r.err);
    REQUIRE(r.rc == 0);
    CHECK(r.err.find("snapshot file") == std::string::npos);
    out += "\n" + r.out;
  }
  return out;
}

// Writes a base database with `setup`, runs `command` on a copy of it to
// completion (the clean run), and on other copies killed at each point: the
// snapshot file the kill leaves is the previous one, whole (a kill point
// lies before the rename), the database answers after a re-run exactly as
// the clean one, and a third run changes nothing.
// `setupEnv` ("NAME=VALUE "): the environment of the setup commands.
void checkSnapshotRecovers(const std::vector<std::string>& setup, const std::string& command,
                           const std::vector<std::string>& points, bool writesTemp, const std::string& setupEnv = "") {
  TempDir dir;
  const std::string base = dir.sub("base.db");
  for (const auto& s : setup) REQUIRE(run(setupEnv + KG_BIN + std::string(" --db ") + shq(base) + " " + s).rc == 0);
  const auto previous = snapshotBytes(base);
  const std::string clean = dir.sub("clean.db");
  fs::copy(base, clean, fs::copy_options::recursive);
  REQUIRE(kgAt(clean, command).rc == 0);
  const std::string expected = answers(clean);
  for (const auto& point : points) {
    SECTION("killed at " + point) {
      const std::string db = dir.sub("killed.db");
      fs::copy(base, db, fs::copy_options::recursive);
      auto killed = kgAt(db, command, point);
      CHECK(killed.rc != 0);  // the point was reached and the process died there
      CHECK(snapshotBytes(db) == previous);
      CHECK(snapshotTemps(db) == (writesTemp ? 1 : 0));  // the killed writer's, never renamed
      auto again = kgAt(db, command);
      INFO(again.err);
      REQUIRE(again.rc == 0);
      CHECK(again.err.find("snapshot file") == std::string::npos);
      CHECK(answers(db) == expected);
      CHECK(snapshotTemps(db) == 0);  // the next save removed the dead writer's temporary file
      REQUIRE(kgAt(db, command).rc == 0);
      CHECK(answers(db) == expected);  // a third run changes nothing
    }
  }
}

}  // namespace

TEST_CASE("Crash: a query killed while saving a new snapshot file leaves none, then saves it whole",
          "[cli][crash][snapshot]") {
  checkSnapshotRecovers({"ingest " + shq(kCorpus)}, kComponents, {"snapshot.mid_write", "snapshot.before_rename"},
                        true);
}

TEST_CASE("Crash: a query killed while replacing a stale snapshot file leaves the previous one whole",
          "[cli][crash][snapshot]") {
  // The file reflects one article; the rest of the corpus, merged from the
  // change log, is due to be folded into it (the ingest left that to the
  // query: KG_WRITER_FOLD=0): the query saves the merged file.
  checkSnapshotRecovers({"ingest " + shq(kFirstArticle), kComponents, "ingest " + shq(kCorpus)}, kComponents,
                        {"snapshot.mid_write", "snapshot.before_rename"}, true, "KG_WRITER_FOLD=0 ");
}

TEST_CASE("Crash: a writer killed while folding the snapshot file keeps its commits and the previous file whole",
          "[cli][crash][snapshot][writerfold]") {
  // The file reflects one article; the ingest of the corpus makes a fold due
  // and saves the merged file when it closes. Killed there, the ingest's
  // commits stand, the file is the previous one, and the next writer (the
  // re-run) folds it and removes the dead writer's temporary file.
  checkSnapshotRecovers({"ingest " + shq(kFirstArticle), kComponents}, "ingest " + shq(kCorpus),
                        {"snapshot.mid_write", "snapshot.before_rename"}, true);
}

TEST_CASE("Crash: a write killed while dropping change records recovers to the clean result",
          "[cli][crash][snapshot]") {
  // The file reflects the first article's commit, whose change record the
  // ingest of the corpus drops when it closes (before its fold of the file).
  checkSnapshotRecovers({"ingest " + shq(kFirstArticle), kComponents}, "ingest " + shq(kCorpus),
                        {"changes.before_drop"}, false);
}
