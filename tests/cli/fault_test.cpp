// Write faults end to end: kg ingest and kg import run with
// KG_FAULT_WRITE=N (engine/storage/fault_fs.h) for N swept from the first
// write until the command needs fewer writes than N. Each failing run must
// exit non-zero naming the injected error, and leave the database as it was
// before (a fresh one: absent or empty); ingest, which commits article by
// article, may keep exactly the whole articles its error message counts. A
// normal run afterwards must give the clean result, ids included.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <regex>

#include "../support/db_state.h"
#include "../support/shared_data.h"

using kg::testing::DbState;
using kg::testing::readDbState;
using kg::testing::run;
using kg::testing::shq;
using kg::testing::TempDir;
using nlohmann::json;

namespace {

const std::string kCorpus = std::string(KG_SOURCE_DIR) + "/examples/corpus";
const std::string kIcews = std::string(KG_SOURCE_DIR) + "/../shared/data/icews/icews_events_2018_sample.tab";
const std::string kIngestCorpus = "ingest " + shq(kCorpus);
const std::string kImportIcews = "import --format icews " + shq(kIcews);

constexpr int kFaultStep = 6;          // N advances by this much (every write step of a clean run is < 100)
constexpr int kLastFault = 400;        // a command still failing here writes far more than it should
constexpr int kMinFailingRuns = 5;     // creation, open and commit/ingest faults all need a few

kg::testing::RunResult kgAt(const std::string& db, const std::string& args, const std::string& fault = "") {
  const std::string env = fault.empty() ? "" : "KG_FAULT_WRITE=" + fault + " ";
  return run(env + KG_BIN + std::string(" --db ") + shq(db) + " " + args);
}

DbState stateOf(const std::string& db) { return readDbState(KG_BIN, db); }

int64_t documentsIn(const DbState& s) {
  return json::parse(s.text.substr(0, s.text.find('\n')))["documents"].get<int64_t>();
}

bool isEmpty(const DbState& s) {
  json stats = json::parse(s.text.substr(0, s.text.find('\n')));
  for (const char* k : {"actors", "edges", "evidence", "documents"})
    if (stats[k].get<int64_t>() != 0) return false;
  return true;
}

// The articles a failed ingest says it stored ("ingest stopped after K stored article(s)").
int64_t storedBeforeFailure(const std::string& err) {
  std::smatch m;
  static const std::regex kStopped("stopped after ([0-9]+) stored article");
  return std::regex_search(err, m, kStopped) ? std::stoll(m[1].str()) : 0;
}

// What a failed run left: the state before it, or (fresh) nothing or an empty
// database, or (ingest) the state before plus the whole articles it reports.
void checkUnchanged(const std::string& db, const std::optional<DbState>& before, const std::string& err) {
  const DbState after = stateOf(db);
  INFO("after the failed run: " << after.error);
  if (!before) {
    if (!after.opened) CHECK(after.error.find("no database at") != std::string::npos);
    else if (storedBeforeFailure(err) == 0) CHECK(isEmpty(after));
    else CHECK(documentsIn(after) == storedBeforeFailure(err));
    return;
  }
  REQUIRE(after.opened);
  if (storedBeforeFailure(err) == 0) CHECK(after.text == before->text);
  else CHECK(documentsIn(after) == documentsIn(*before) + storedBeforeFailure(err));
}

// Runs `command` into a database (fresh, or written by `base` first) with the
// Nth write failing for N = 1, 1 + kFaultStep, ... until it succeeds.
void sweepFaults(const std::string& command, const std::string& base) {
  TempDir dir;
  const std::string cleanDb = dir.sub("clean.db");
  if (!base.empty()) REQUIRE(kgAt(cleanDb, base).rc == 0);
  REQUIRE(kgAt(cleanDb, command).rc == 0);
  const DbState clean = stateOf(cleanDb);
  REQUIRE(clean.opened);
  int failing = 0;
  for (int n = 1;; n += kFaultStep) {
    REQUIRE(n <= kLastFault);
    const std::string db = dir.sub("db" + std::to_string(n));
    if (!base.empty()) REQUIRE(kgAt(db, base).rc == 0);
    std::optional<DbState> before;
    if (!base.empty()) before = stateOf(db);
    const bool noSpace = (n / kFaultStep) % 2 == 1;
    const auto faulty = kgAt(db, command, std::to_string(n) + (noSpace ? ":nospace" : ""));
    INFO("KG_FAULT_WRITE=" << n << (noSpace ? ":nospace" : "") << ": " << faulty.err);
    if (faulty.rc == 0) break;  // N lies beyond the command's writes
    ++failing;
    CHECK(faulty.err.find("kg: error: ") != std::string::npos);
    CHECK(faulty.err.find("injected by KG_FAULT_WRITE") != std::string::npos);
    CHECK(faulty.err.find(noSpace ? "No space left on device" : "IO error") != std::string::npos);
    checkUnchanged(db, before, faulty.err);
    for (const auto& e : std::filesystem::directory_iterator(dir.path()))  // a failed creation leaves nothing
      CHECK(e.path().filename().string().find(".creating-") == std::string::npos);
    REQUIRE(kgAt(db, command).rc == 0);
    CHECK(stateOf(db).text == clean.text);
    std::filesystem::remove_all(db);
  }
  CHECK(failing >= kMinFailingRuns);
}

}  // namespace

TEST_CASE("Fault: kg ingest into a new database with failing writes reports it and recovers", "[cli][fault]") {
  sweepFaults(kIngestCorpus, "");
}

TEST_CASE("Fault: kg ingest into a database with failing writes keeps it as it was plus the whole articles it reports", "[cli][fault]") {
  KG_REQUIRE_SHARED_PATH(kIcews);
  sweepFaults(kIngestCorpus, kImportIcews);
}

TEST_CASE("Fault: kg import into a new database with failing writes reports it and recovers", "[cli][fault]") {
  KG_REQUIRE_SHARED_PATH(kIcews);
  sweepFaults(kImportIcews, "");
}

TEST_CASE("Fault: kg import into a database with failing writes leaves it exactly as it was", "[cli][fault]") {
  KG_REQUIRE_SHARED_PATH(kIcews);
  sweepFaults(kImportIcews, kIngestCorpus);
}

TEST_CASE("Fault: a malformed KG_FAULT_WRITE is refused, not ignored", "[cli][fault]") {
  TempDir dir;
  for (const char* bad : {"0", "x", "5:full", "-3"}) {
    const auto r = kgAt(dir.sub("kg.db"), kIngestCorpus, bad);
    INFO("KG_FAULT_WRITE='" << bad << "': " << r.err);
    CHECK(r.rc != 0);
    CHECK(r.err.find("KG_FAULT_WRITE") != std::string::npos);
  }
}
