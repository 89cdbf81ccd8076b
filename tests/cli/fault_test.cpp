// Write faults end to end: kg ingest, kg import, kg actor add and kg edge
// add run with KG_FAULT_WRITE=N[:nospace][:OPS] (engine/base/write_fault.h)
// for N swept from the first counted call until the command makes fewer
// calls than N: appends alone, then every kind of call (file creation, sync,
// rename, directory sync, the hard links of SST ingestion) and each kind
// alone. Each failing run must exit non-zero naming the injected error, and
// leave the database as it was before (a fresh one: absent or empty);
// ingest, which commits article by article, may keep exactly the whole
// articles its error message counts. A normal run afterwards must give the
// clean result, ids included. The graph snapshot file's writer (a query
// saving it) is swept the same way: the query still answers, reports that
// the save failed, and leaves the previous file whole.
//
// Each sweep first counts the calls the command makes (KG_FAULT_WRITE=count)
// and tries a bounded spread of N over them, the first and the last call
// included (every call of the snapshot writer, of SST ingestion's links);
// KG_FAULT_SWEEP=full tries every N of every sweep (on demand: minutes).
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <cstdlib>
#include <filesystem>
#include <optional>
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
const std::string kFirstArticle = kCorpus + "/01_us_strikes_kataib_hezbollah.txt";

// How kg reports a store whose close failed (CliContext::closeEngine).
constexpr const char* kErrorPrefix = "kg: error: ";
constexpr const char* kCloseFailed = "closing the database '";

// KG_FAULT_SWEEP=full: every N of every sweep, not a bounded spread.
bool sweepAll() {
  const char* sweep = std::getenv("KG_FAULT_SWEEP");
  return sweep != nullptr && std::string(sweep) == "full";
}

kg::testing::RunResult kgAt(const std::string& db, const std::string& args, const std::string& fault = "",
                            const std::string& moreEnv = "") {
  const std::string env = moreEnv + (fault.empty() ? "" : "KG_FAULT_WRITE=" + fault + " ");
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

// Writes the base database (`setup` commands run in order) into `db`; none: no database.
void writeBase(const std::string& db, const std::vector<std::string>& setup, const std::string& env = "") {
  for (const auto& command : setup) {
    const auto r = kgAt(db, command, "", env);
    INFO(command << ": " << r.err);
    REQUIRE(r.rc == 0);
  }
}

// A copy of the base database at `db` (nothing when there is none).
void copyBase(const std::string& base, const std::string& db) {
  if (std::filesystem::exists(base)) std::filesystem::copy(base, db, std::filesystem::copy_options::recursive);
}

// The state of `base`, read from a copy at `scratch`: reading it may save the
// graph snapshot file, which must not change the base the sweeps copy.
DbState stateOfCopy(const std::string& base, const std::string& scratch) {
  copyBase(base, scratch);
  DbState s = stateOf(scratch);
  std::filesystem::remove_all(scratch);
  return s;
}

// How many calls of the kinds `ops` (":OPS") `command` makes on a copy of
// `base` (KG_FAULT_WRITE=count:OPS): the largest count a store of it printed.
uint64_t countCalls(const std::string& base, const std::string& scratch, const std::string& command,
                    const std::string& ops) {
  copyBase(base, scratch);
  const auto r = kgAt(scratch, command, "count" + ops);
  std::filesystem::remove_all(scratch);
  INFO("KG_FAULT_WRITE=count" << ops << ": " << r.err);
  REQUIRE(r.rc == 0);
  static const std::regex kCounted("KG_FAULT_WRITE=count: ([0-9]+) calls");
  uint64_t most = 0;
  for (std::sregex_iterator it(r.err.begin(), r.err.end(), kCounted), end; it != end; ++it)
    most = std::max<uint64_t>(most, std::stoull((*it)[1].str()));
  return most;
}

// The N a sweep tries: all of 1..count with KG_FAULT_SWEEP=full, else
// `points` of them spread evenly, the first and the last call included.
std::vector<uint64_t> faultPoints(uint64_t count, uint64_t points) {
  std::vector<uint64_t> out;
  if (sweepAll() || count <= points) {
    for (uint64_t n = 1; n <= count; ++n) out.push_back(n);
    return out;
  }
  for (uint64_t i = 0; i < points; ++i) {
    const uint64_t n = 1 + i * (count - 1) / (points - 1);
    if (out.empty() || out.back() != n) out.push_back(n);
  }
  return out;
}

// What every sweep of one command on one base shares, written once: the base
// database (`setup` commands run in order; none: no database), its state
// (none for a fresh database) and the state a normal run of `command` on a
// copy of it leaves. Sweeps of the same command and base differ only in the
// calls they fail, so they start from the same files.
struct SweepBase {
  SweepBase(std::string cmd, const std::vector<std::string>& setup) : command(std::move(cmd)) {
    writeBase(base, setup);
    if (!setup.empty()) before = stateOfCopy(base, dir.sub("before.db"));
    const std::string cleanDb = dir.sub("clean.db");
    copyBase(base, cleanDb);
    const auto r = kgAt(cleanDb, command);
    INFO(command << ": " << r.err);
    REQUIRE(r.rc == 0);
    clean = stateOf(cleanDb);
    REQUIRE(clean.opened);
    std::filesystem::remove_all(cleanDb);
  }
  std::string command;
  TempDir dir;
  std::string base = dir.sub("base.db");
  std::optional<DbState> before;
  DbState clean;
};

// Runs the command of `s` into copies of its base with the Nth counted call
// of the kinds `ops` (":OPS") failing, for N over faultPoints of the calls the
// command makes (at least `minCalls` of them). A run either fails naming the
// error, leaves the database as it was, and lets a normal run give the clean
// result; or (a call after its commit: the change-log trim) succeeds with the
// clean result; or (the store's final sync at close) fails naming it and
// keeps the clean result. Returns the failed runs.
int sweepFaults(const SweepBase& s, const std::string& ops, uint64_t points, uint64_t minCalls = 1) {
  const std::string& command = s.command;
  const uint64_t calls = countCalls(s.base, s.dir.sub("count.db"), command, ops);
  INFO(command << " makes " << calls << " calls of " << ops);
  CHECK(calls >= minCalls);
  int failing = 0;
  for (uint64_t n : faultPoints(calls, points)) {
    const std::string db = s.dir.sub("db" + std::to_string(n));
    copyBase(s.base, db);
    const bool noSpace = (n % 2) == 0;
    const std::string fault = std::to_string(n) + (noSpace ? ":nospace" : "") + ops;
    const auto faulty = kgAt(db, command, fault);
    INFO("KG_FAULT_WRITE=" << fault << ": " << faulty.err);
    if (faulty.rc == 0) {
      // The call failed after the command's work was stored (the change-log
      // trim, which a command does not report): the result must be the
      // clean one.
      CHECK(stateOf(db).text == s.clean.text);
      std::filesystem::remove_all(db);
      continue;
    }
    ++failing;
    CHECK(faulty.err.find("kg: error: ") != std::string::npos);
    CHECK(faulty.err.find("injected by KG_FAULT_WRITE") != std::string::npos);
    CHECK(faulty.err.find(noSpace ? "No space left on device" : "Input/output error") != std::string::npos);
    if (faulty.err.find(kErrorPrefix + std::string(kCloseFailed)) != std::string::npos) {
      // Only the final sync failed: the command's work is committed. (After
      // an earlier failure the close's is a warning, and the rest applies.)
      CHECK(stateOf(db).text == s.clean.text);
      std::filesystem::remove_all(db);
      continue;
    }
    checkUnchanged(db, s.before, faulty.err);
    for (const auto& e : std::filesystem::directory_iterator(s.dir.path()))  // a failed creation leaves nothing
      CHECK(e.path().filename().string().find(".creating-") == std::string::npos);
    const auto again = kgAt(db, command);
    INFO("the normal run after it: " << again.err);
    REQUIRE(again.rc == 0);
    CHECK(stateOf(db).text == s.clean.text);
    std::filesystem::remove_all(db);
  }
  return failing;
}

// Appends alone, then every kind of call together, then each rarer kind
// alone (its first and last call in the bounded run), all from one base.
void sweepEveryKind(const SweepBase& s) {
  CHECK(sweepFaults(s, ":append", 6) >= 5);
  CHECK(sweepFaults(s, ":all", 8) >= 7);
  for (const char* ops : {":create", ":sync", ":rename", ":dirsync"}) {
    INFO("OPS " << ops);
    sweepFaults(s, ops, 2);
  }
}

}  // namespace

TEST_CASE("Fault: kg ingest into a new database with failing calls reports it and recovers", "[cli][fault]") {
  sweepEveryKind(SweepBase(kIngestCorpus, {}));
}

TEST_CASE("Fault: kg ingest into a database with failing calls keeps it as it was plus the whole articles it reports",
          "[cli][fault]") {
  KG_REQUIRE_SHARED_PATH(kIcews);
  sweepEveryKind(SweepBase(kIngestCorpus, {kImportIcews}));
}

TEST_CASE("Fault: kg import into a new database with failing calls reports it and recovers", "[cli][fault]") {
  KG_REQUIRE_SHARED_PATH(kIcews);
  sweepEveryKind(SweepBase(kImportIcews, {}));
}

TEST_CASE("Fault: kg import into a database with failing calls (SST ingestion links included) leaves it as it was",
          "[cli][fault]") {
  KG_REQUIRE_SHARED_PATH(kIcews);
  const SweepBase s(kImportIcews, {kIngestCorpus});
  sweepEveryKind(s);
  // Each of the load's files is linked into the database: fail each link.
  CHECK(sweepFaults(s, ":link", 100, 2) >= 2);
}

const std::vector<std::string> kCuratedBase = {kIngestCorpus, "actor add 'Fault Test Person' --kind person",
                                               "actor add 'Fault Test Group' --kind organisation"};

TEST_CASE("Fault: kg actor add with failing calls leaves the database as it was", "[cli][fault]") {
  sweepEveryKind(SweepBase("actor add 'Fault Test Newcomer' --kind person", kCuratedBase));
}

TEST_CASE("Fault: kg edge add with failing calls leaves the database as it was", "[cli][fault]") {
  sweepEveryKind(SweepBase("edge add 'Fault Test Person' ACCUSE 'Fault Test Group' --from 2020-01-01", kCuratedBase));
}

namespace {

int snapshotTemps(const std::string& db) {
  int n = 0;
  for (const auto& e : std::filesystem::directory_iterator(db))
    n += e.path().filename().string().rfind("graph.snapshot.tmp-", 0) == 0;
  return n;
}

std::optional<std::string> snapshotBytes(const std::string& db) {
  const std::string file = db + "/graph.snapshot";
  if (!std::filesystem::exists(file)) return std::nullopt;
  return kg::testing::slurp(file);
}

// What every sweep of the snapshot writer shares, written once: a database
// whose snapshot file is stale and due to be folded, that file, the
// database's state, and what a normal run of the query answers and saves.
struct SnapshotSweepBase {
  SnapshotSweepBase() {
    // The ingest leaves the due fold to the query (KG_WRITER_FOLD=0).
    writeBase(base, {"ingest " + shq(kFirstArticle), "components --json", kIngestCorpus}, "KG_WRITER_FOLD=0 ");
    previous = snapshotBytes(base);
    REQUIRE(previous);
    before = stateOfCopy(base, dir.sub("before.db"));
    const std::string cleanDb = dir.sub("clean.db");
    copyBase(base, cleanDb);
    clean = kgAt(cleanDb, query);
    REQUIRE(clean.rc == 0);
    REQUIRE(clean.err.empty());
    saved = snapshotBytes(cleanDb);
    REQUIRE(saved != previous);  // the query saved the merged file
    std::filesystem::remove_all(cleanDb);
  }
  const std::string query = "components --top 1000 --json";
  TempDir dir;
  std::string base = dir.sub("base.db");
  std::optional<std::string> previous;
  DbState before;
  kg::testing::RunResult clean;
  std::optional<std::string> saved;
};

// The query of `s`, which saves the graph snapshot file, with the Nth counted
// call of the kinds `ops` failing, N over faultPoints of its calls. A save
// that fails is reported and the query answered (the file is a cache:
// FORMAT.md); the file stays the previous one, whole, no temporary file is
// left, and a normal run then saves the clean file. A run that fails earlier
// (opening the store) exits non-zero naming the error and changes nothing.
// Returns the failed saves.
int sweepSnapshotFaults(const SnapshotSweepBase& s, const std::string& ops, uint64_t points) {
  const std::string& query = s.query;
  const uint64_t calls = countCalls(s.base, s.dir.sub("count.db"), query, ops);
  INFO("the query makes " << calls << " calls of " << ops);
  int failedSaves = 0;
  for (uint64_t n : faultPoints(calls, points)) {
    const std::string db = s.dir.sub("db" + std::to_string(n));
    copyBase(s.base, db);
    const bool noSpace = n % 2 == 0;
    const std::string fault = std::to_string(n) + (noSpace ? ":nospace" : "") + ops;
    const auto faulty = kgAt(db, query, fault);
    INFO("KG_FAULT_WRITE=" << fault << ": exit " << faulty.rc << ": " << faulty.err);
    REQUIRE(!(faulty.rc == 0 && faulty.err.empty()));  // a read-only query: nothing in the background
    CHECK(faulty.err.find("injected by KG_FAULT_WRITE") != std::string::npos);
    CHECK(faulty.err.find(noSpace ? "No space left on device" : "Input/output error") != std::string::npos);
    if (faulty.rc == 0) {
      ++failedSaves;
      CHECK(faulty.err.find("kg: warning: could not save the graph snapshot: ") != std::string::npos);
      CHECK(faulty.out == s.clean.out);
      // Only a failed directory sync comes after the rename.
      const auto after = snapshotBytes(db);
      CHECK((after == s.previous || (after == s.saved && faulty.err.find("dirsync") != std::string::npos)));
    } else {
      CHECK(faulty.err.find("kg: error: ") != std::string::npos);
      CHECK(snapshotBytes(db) == s.previous);
    }
    CHECK(snapshotTemps(db) == 0);
    CHECK(stateOf(db).text == s.before.text);
    const auto again = kgAt(db, query);
    INFO("the normal run after it: " << again.err);
    REQUIRE(again.rc == 0);
    CHECK(again.err.empty());
    CHECK(again.out == s.clean.out);
    CHECK(snapshotBytes(db) == s.saved);
    std::filesystem::remove_all(db);
  }
  return failedSaves;
}

}  // namespace

TEST_CASE("Fault: a query whose snapshot file save fails answers and says so and keeps the previous file whole",
          "[cli][fault][snapshot]") {
  // The file's own calls: its creation, its writes (header, arrays, padding),
  // its sync, the rename and the directory sync; the read-only open of the
  // store makes none.
  const SnapshotSweepBase s;
  CHECK(sweepSnapshotFaults(s, ":all", 100) >= 20);
  for (const char* ops : {":create", ":sync", ":rename", ":dirsync"}) {
    INFO(ops);
    CHECK(sweepSnapshotFaults(s, ops, 100) == 1);
  }
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

TEST_CASE("Fault: a bulk load whose MANIFEST sync fails leaves a database that opens as it was", "[cli][fault]") {
  // The ingestion's MANIFEST record reaches the file, its sync fails, RocksDB
  // deletes the files it had linked in: the record names missing files. Every
  // later open refused the database ("Corruption: ... No such file or
  // directory ... MANIFEST") until opens recovered to the state before it.
  KG_REQUIRE_SHARED_PATH(kIcews);
  TempDir dir;
  const std::string base = dir.sub("base.db");
  writeBase(base, {kIngestCorpus});
  const DbState before = stateOfCopy(base, dir.sub("before.db"));
  const uint64_t syncs = countCalls(base, dir.sub("count.db"), kImportIcews, ":sync");
  REQUIRE(syncs >= 2);
  const std::string db = dir.sub("db");
  copyBase(base, db);
  // The last sync is the store's sync of the write-ahead log at close; the
  // one before it the ingestion's MANIFEST write.
  const auto faulty = kgAt(db, kImportIcews, std::to_string(syncs - 1) + ":sync");
  INFO(faulty.err);
  REQUIRE(faulty.rc != 0);
  CHECK(faulty.err.find("MANIFEST") != std::string::npos);
  const DbState after = stateOf(db);  // read-only opens first
  INFO(after.error);
  REQUIRE(after.opened);
  CHECK(after.text == before.text);
  REQUIRE(kgAt(db, kImportIcews).rc == 0);
  const std::string cleanDb = dir.sub("clean.db");
  copyBase(base, cleanDb);
  REQUIRE(kgAt(cleanDb, kImportIcews).rc == 0);
  CHECK(stateOf(db).text == stateOf(cleanDb).text);
}

namespace {

// `command` on a copy of a database holding `setup`, with its last sync (the
// store's final sync of the write-ahead log at close) failing as `kind` says
// ("" or ":nospace"): the run must fail naming the close and the cause, and
// keep everything the command committed (the clean run's state).
void checkFailedFinalSync(const std::string& command, const std::vector<std::string>& setup,
                          const std::string& kind, const std::string& flags = "") {
  TempDir dir;
  const std::string base = dir.sub("base.db");
  writeBase(base, setup);
  const std::string cleanDb = dir.sub("clean.db");
  copyBase(base, cleanDb);
  REQUIRE(kgAt(cleanDb, command).rc == 0);
  const DbState clean = stateOf(cleanDb);
  const DbState before = stateOfCopy(base, dir.sub("before.db"));
  REQUIRE(clean.text != before.text);  // the command commits something
  const uint64_t syncs = countCalls(base, dir.sub("count.db"), command, ":sync");
  REQUIRE(syncs >= 1);
  const std::string db = dir.sub("db");
  copyBase(base, db);
  const std::string fault = std::to_string(syncs) + kind + ":sync";
  const auto faulty = kgAt(db, flags + command, fault);
  INFO("KG_FAULT_WRITE=" << fault << ": exit " << faulty.rc << ": " << faulty.err);
  CHECK(faulty.rc == 1);
  if (flags.empty()) {
    CHECK(faulty.err.find(std::string(kErrorPrefix) + kCloseFailed + db + "' failed: ") != std::string::npos);
  } else {
    const json e = json::parse(faulty.err.substr(0, faulty.err.find('\n')));
    CHECK(e["error"]["code"] == "io_error");
    CHECK(e["error"]["exit"] == 1);
    CHECK(e["error"]["message"].get<std::string>().rfind(kCloseFailed, 0) == 0);
  }
  CHECK(faulty.err.find("sync the write-ahead log at close") != std::string::npos);
  CHECK(faulty.err.find("injected by KG_FAULT_WRITE") != std::string::npos);
  CHECK(faulty.err.find(kind.empty() ? "Input/output error" : "No space left on device") != std::string::npos);
  const DbState after = stateOf(db);
  INFO(after.error);
  REQUIRE(after.opened);
  CHECK(after.text == clean.text);
}

}  // namespace

TEST_CASE("Fault: kg whose final sync at close fails exits 1 naming it and keeps what it committed",
          "[cli][fault]") {
  const std::vector<std::string> base = {"actor add 'Close Test Person' --kind person"};
  SECTION("actor add, an I/O error") { checkFailedFinalSync("actor add 'Close Test Newcomer' --kind person", base, ""); }
  SECTION("edge add, a full disk, --json") {
    checkFailedFinalSync("edge add 'Close Test Person' ACCUSE 'Close Test Person Two' --from 2020-01-01",
                         {"actor add 'Close Test Person' --kind person",
                          "actor add 'Close Test Person Two' --kind person"},
                         ":nospace", "--json ");
  }
  SECTION("ingest into a new database") { checkFailedFinalSync(kIngestCorpus, {}, ""); }
}

TEST_CASE(
    "Fault: a writer whose fold of the snapshot file fails keeps its commit, warns, and leaves the file to readers",
    "[cli][fault][snapshot][writerfold]") {
  // The ingest of the corpus onto a one-article database with a current file
  // is due to fold it when it closes. A failing create, rename or directory
  // sync of the file's write is a warning; the ingest stands and a query
  // answers as after a clean run.
  TempDir dir;
  const std::string base = dir.sub("base.db");
  writeBase(base, {"ingest " + shq(kFirstArticle), "components --json"});
  const auto previous = snapshotBytes(base);
  REQUIRE(previous);
  const std::string query = "components --top 1000 --json";
  const std::string cleanDb = dir.sub("clean.db");
  copyBase(base, cleanDb);
  REQUIRE(kgAt(cleanDb, kIngestCorpus).rc == 0);
  REQUIRE(snapshotBytes(cleanDb) != previous);  // folded by the ingest
  const auto clean = kgAt(cleanDb, query);
  REQUIRE(clean.rc == 0);
  const DbState cleanState = stateOf(cleanDb);
  int warned = 0;
  for (const char* ops : {":create", ":rename", ":dirsync"}) {
    const uint64_t calls = countCalls(base, dir.sub("count.db"), kIngestCorpus, ops);
    for (uint64_t n : faultPoints(calls, 12)) {
      const std::string db = dir.sub("db" + std::to_string(n));
      copyBase(base, db);
      const std::string fault = std::to_string(n) + ops;
      const auto faulty = kgAt(db, kIngestCorpus, fault);
      INFO("KG_FAULT_WRITE=" << fault << ": exit " << faulty.rc << ": " << faulty.err);
      if (faulty.err.find("kg: warning: could not fold the graph snapshot file") != std::string::npos) {
        ++warned;
        // Only the store's own close fails after it (every later call of the kind fails).
        CHECK((faulty.rc == 0 || faulty.err.find(kCloseFailed) != std::string::npos));
        CHECK(faulty.err.find("injected by KG_FAULT_WRITE") != std::string::npos);
        CHECK(snapshotTemps(db) == 0);
        const auto again = kgAt(db, query);
        REQUIRE(again.rc == 0);
        CHECK(again.err.empty());
        CHECK(again.out == clean.out);
        CHECK(stateOf(db).text == cleanState.text);
      }
      std::filesystem::remove_all(db);
    }
  }
  CHECK(warned >= 3);
}
