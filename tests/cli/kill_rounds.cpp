// kill_rounds: crash rounds at random moments for the write path, the way
// RocksDB's crash tests kill db_stress at random times.
//
// For each command it writes a clean database once and times it. Then, round
// after round, it starts the command into a fresh database (or a copy of the
// command's base database, below), sends SIGKILL after a random delay,
// checks that the killed database opens (or does not exist yet), runs the
// command again to completion, compares the database with the clean one
// (stats counts, actors, edges with their ids), and runs the command a third
// time, which must add nothing.
//
// The commands: kg ingest examples/corpus, kg ingest ../shared/seeds and kg
// import --format icews (the ICEWS 2018 sample) into a fresh database; and
// three that start from a base database the setup commands write once (each
// round kills a copy of it):
//   snapshot-new      `kg components` writes the graph snapshot file of the
//                     imported ICEWS sample, where there is none yet;
//   snapshot-replace  the same over a snapshot file left stale by a later
//                     bulk import (a gap in the change log: rebuilt, saved);
//   trim              `kg ingest examples/corpus` into a database whose
//                     snapshot file reflects part of it: after its commits
//                     it drops the change records the file no longer needs.
// For these the compared state also holds the answers of whole-graph queries
// (components, PageRank), and the snapshot file (FORMAT.md, "Graph snapshot
// file") is checked right after the kill, before anything reads it: it must
// be byte for byte the previous file (or absent when there was none) or the
// clean run's new file, never a torn one; no later run may warn about an
// unusable snapshot file, and after the re-run it must equal the clean one.
//
// A command's rounds take turns between its kinds of delay: uniform over
// [0, the clean run's duration] from the start ("random"); from the moment
// the staging directory appears, over twice the time the clean run took to
// create its database ("open"), so that kills land while the database is
// being created; from the moment CURRENT appears, over the rest of the
// clean run ("write": commits and bulk ingestion), since ingest spends most
// of its time loading dictionaries before it opens anything; from the moment
// a temporary snapshot file appears, over twice the time the clean run wrote
// it ("save"); and over the second half of the clean run, up to 95% of it
// ("tail": where a writing command commits its last articles and trims the
// change log).
//
//   kill_rounds [--rounds N] [--seed S] [--only NAME[,NAME...]]
// N rounds in all (default kDefaultRounds) spread round-robin over the
// commands; S seeds the delays (default: random) and is printed first, so a
// failing run repeats with --seed S; NAME keeps those commands. Exit status
// 0 when every round recovered, 1 on any difference (the work directory is
// kept and named), 2 on a usage or setup error.
#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <optional>
#include <random>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "../support/db_state.h"

namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

constexpr int kDefaultRounds = 18;  // each command three times
enum class Aim { kRandom, kOpen, kWrite, kSave, kTail, kCount };  // taken in turn by a command's rounds
constexpr auto kPollInterval = std::chrono::microseconds(200);
constexpr size_t kShownChars = 160;  // of a differing line
constexpr const char* kSnapshotFile = "graph.snapshot";
constexpr const char* kSnapshotWarning = "snapshot file";  // in every report of an unusable file or a failed save

using Args = std::vector<std::string>;  // after `kg --db PATH`

struct Command {
  std::string name;
  Args args;
  std::vector<Args> setup;  // write the base database each round copies; none: a fresh database
  std::vector<Aim> aims;    // the kinds of delay its rounds take in turn
  bool snapshot = false;    // queries join the compared state; the snapshot file is checked after a kill
};

std::vector<Command> allCommands() {
  const std::string src = KG_SOURCE_DIR;
  const std::string corpus = src + "/examples/corpus";
  const Args import = {"import", "--format", "icews", src + "/../shared/data/icews/icews_events_2018_sample.tab"};
  const Args components = {"components", "--top", "1000", "--json"};  // loads (and saves) the snapshot
  const std::vector<Aim> fresh = {Aim::kRandom, Aim::kOpen, Aim::kWrite};
  const std::vector<Aim> save = {Aim::kRandom, Aim::kSave};
  return {{"ingest-corpus", {"ingest", corpus}, {}, fresh},
          {"ingest-seeds", {"ingest", src + "/../shared/seeds"}, {}, fresh},
          {"import-icews", import, {}, fresh},
          {"snapshot-new", components, {import}, save, true},
          {"snapshot-replace", components, {{"ingest", corpus}, components, import}, save, true},
          {"trim",
           {"ingest", corpus},
           {{"ingest", corpus + "/01_us_strikes_kataib_hezbollah.txt"}, components},
           {Aim::kRandom, Aim::kTail},
           true}};
}

// Whole-graph answers read from the snapshot, compared with the clean run's.
const std::vector<Args>& snapshotQueries() {
  static const std::vector<Args> kQueries = {{"components", "--top", "1000", "--json"},
                                             {"rank", "--by", "pagerank", "--top", "1000", "--json"}};
  return kQueries;
}

std::string joinArgs(const Args& args) {
  std::string joined;
  for (const auto& a : args) joined += kg::testing::shq(a) + " ";
  return joined;
}

kg::testing::RunResult runKg(const fs::path& db, const Args& args) {
  return kg::testing::run(std::string(KG_BIN) + " --db " + kg::testing::shq(db.string()) + " " + joinArgs(args));
}

// A file's bytes; nullopt when it does not exist.
std::optional<std::string> readFile(const fs::path& path) {
  std::error_code ec;
  if (!fs::exists(path, ec)) return std::nullopt;
  return kg::testing::slurp(path.string());
}

// What a user reads back: stats, actors, edges and, for a snapshot command,
// the queries' answers. `warnings` collects the queries' reports about the
// snapshot file (a torn or unusable file is reported, then rebuilt).
struct State {
  bool opened = false;
  std::string text, error, warnings;
};

State readState(const fs::path& db, bool queries) {
  const auto listed = kg::testing::readDbState(KG_BIN, db.string());
  State state{listed.opened, listed.text, listed.error, ""};
  if (!state.opened || !queries) return state;
  for (const auto& q : snapshotQueries()) {
    const auto r = runKg(db, q);
    if (r.rc != 0) {
      state.opened = false;
      state.error = q.front() + ": " + r.err;
      return state;
    }
    state.text += "\n" + r.out;
    if (r.err.find(kSnapshotWarning) != std::string::npos) state.warnings += r.err;
  }
  return state;
}

double secondsSince(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }

// Starts `kg --db db ARGS...` with stdout and stderr in `log`.
pid_t spawnKg(const std::string& db, const Command& c, const std::string& log) {
  std::vector<std::string> args = {KG_BIN, "--db", db};
  args.insert(args.end(), c.args.begin(), c.args.end());
  const pid_t pid = ::fork();
  if (pid != 0) return pid;
  const int out = ::open(log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  const int in = ::open("/dev/null", O_RDONLY);
  ::dup2(out, STDOUT_FILENO);
  ::dup2(out, STDERR_FILENO);
  ::dup2(in, STDIN_FILENO);
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  ::execv(KG_BIN, argv.data());
  ::_exit(127);
}

// Exit code of a finished child (128 + signal when killed); -1 while running.
int reap(pid_t pid, bool block) {
  int status = 0;
  if (::waitpid(pid, &status, block ? 0 : WNOHANG) != pid) return -1;
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

// Where a database's creation stands on disk (FORMAT.md, "Crash safety").
enum class Landed { kBeforeCreation, kCreating, kAfterCreation, kCount };
const char* landedName(Landed l) {
  static const char* kNames[] = {"before creation", "while creating", "after creation"};
  return kNames[static_cast<int>(l)];
}

// Two stat calls, cheap enough to poll while the clean run is timed: the
// staging directory's name holds the creating process's id.
Landed creationState(const fs::path& db, pid_t creator) {
  std::error_code ec;
  if (fs::exists(db / "CURRENT", ec)) return Landed::kAfterCreation;
  std::string staging = ".";
  staging += db.filename().string();
  staging += ".creating-" + std::to_string(creator);
  return fs::exists(db.parent_path() / staging, ec) ? Landed::kCreating : Landed::kBeforeCreation;
}

// The temporary file a snapshot writer `pid` writes before renaming it (snapshot_file.h).
fs::path snapshotTemp(const fs::path& db, pid_t pid) {
  return db / (std::string(kSnapshotFile) + ".tmp-" + std::to_string(pid));
}

struct CleanRun {
  std::string state;
  double seconds = 0;
  double creatingFrom = -1, creatingTo = -1;  // seconds after the start when creation was first/last seen
  double savingFrom = -1, savingTo = -1;      // ... when the temporary snapshot file was first/last seen
  std::optional<std::string> previousFile;    // the base database's snapshot file
  std::optional<std::string> newFile;         // the snapshot file the command left
};

// Runs the command to completion into `db`, watching when it creates the
// database and when it writes a snapshot file.
bool runClean(const fs::path& db, const Command& c, CleanRun* clean) {
  clean->previousFile = readFile(db / kSnapshotFile);
  const auto start = Clock::now();
  const pid_t pid = spawnKg(db, c, db.string() + ".log");
  int rc = -1;
  while ((rc = reap(pid, false)) < 0) {
    const Landed now = creationState(db, pid);
    const double t = secondsSince(start);
    if (now == Landed::kCreating && clean->creatingFrom < 0) clean->creatingFrom = t;
    if (now != Landed::kAfterCreation) clean->creatingTo = t;
    std::error_code ec;
    if (fs::exists(snapshotTemp(db, pid), ec)) {
      if (clean->savingFrom < 0) clean->savingFrom = t;
      clean->savingTo = t;
    }
    std::this_thread::sleep_for(kPollInterval);
  }
  clean->seconds = secondsSince(start);
  if (rc != 0) {
    std::fprintf(stderr, "kill_rounds: the clean run of %s failed (exit %d): %s\n", c.name.c_str(), rc,
                 kg::testing::slurp(db.string() + ".log").c_str());
    return false;
  }
  if (clean->creatingFrom < 0) clean->creatingFrom = clean->creatingTo;  // faster than the poll
  clean->newFile = readFile(db / kSnapshotFile);
  const State state = readState(db, c.snapshot);
  if (!state.opened) std::fprintf(stderr, "kill_rounds: the clean database does not open: %s\n", state.error.c_str());
  if (!state.warnings.empty())
    std::fprintf(stderr, "kill_rounds: the clean run of %s warns: %s\n", c.name.c_str(), state.warnings.c_str());
  clean->state = state.text;
  return state.opened && state.warnings.empty();
}

// The first line where two states differ, shortened.
std::string firstDifference(const std::string& expected, const std::string& actual) {
  std::istringstream e(expected), a(actual);
  std::string le, la;
  for (int line = 1;; ++line) {
    const bool moreE = static_cast<bool>(std::getline(e, le));
    const bool moreA = static_cast<bool>(std::getline(a, la));
    if (!moreE && !moreA) return "";
    if (moreE != moreA || le != la)
      return "line " + std::to_string(line) + ": clean '" + le.substr(0, kShownChars) + "', got '" +
             la.substr(0, kShownChars) + "'";
  }
}

const char* aimName(Aim a) {
  static const char* kNames[] = {"random", "open", "write", "save", "tail"};
  return kNames[static_cast<int>(a)];
}

// Where the snapshot file stood right after a kill.
enum class FileLanded { kPrevious, kNew, kTorn, kCount };

struct Round {
  Aim aim = Aim::kRandom;
  double delay = 0;
  bool finishedFirst = false;  // the command ended before the kill
  Landed landed = Landed::kBeforeCreation;
  FileLanded file = FileLanded::kPrevious;  // snapshot commands only
  std::vector<std::string> differences;
};

// Whether the moment a round's delay counts from has come: the start
// ("random", "tail"), the staging directory appearing ("open"), CURRENT
// appearing ("write"), the temporary snapshot file appearing ("save").
// Timing from the event itself keeps the aim when a run is slower than the
// clean one.
bool anchorReached(Aim aim, const fs::path& db, pid_t pid) {
  std::error_code ec;
  switch (aim) {
    case Aim::kOpen: return creationState(db, pid) >= Landed::kCreating;
    case Aim::kWrite: return creationState(db, pid) >= Landed::kAfterCreation;
    case Aim::kSave: return fs::exists(snapshotTemp(db, pid), ec);
    default: return true;
  }
}

// Runs the command, kills it round->delay seconds after its anchor and notes
// where it was (round->finishedFirst when it ended before the kill).
void runAndKill(const fs::path& db, const Command& c, Round* round) {
  const pid_t pid = spawnKg(db, c, db.string() + ".killed.log");
  auto start = Clock::now();
  bool anchored = anchorReached(round->aim, db, pid);
  while (!anchored || secondsSince(start) < round->delay) {
    if (reap(pid, false) >= 0) {
      round->finishedFirst = true;
      break;
    }
    if (!anchored && anchorReached(round->aim, db, pid)) {
      anchored = true;
      start = Clock::now();
    }
    std::this_thread::sleep_for(kPollInterval);
  }
  if (!round->finishedFirst) {
    ::kill(pid, SIGKILL);
    (void)reap(pid, true);
  }
  round->landed = creationState(db, pid);
}

// Runs the command to completion and compares the database with the clean one.
void rerunAndCompare(const fs::path& db, const Command& c, const CleanRun& clean, const char* which, Round* round) {
  const auto r = runKg(db, c.args);
  if (r.rc != 0) {
    round->differences.push_back(std::string(which) + " run failed (exit " + std::to_string(r.rc) + "): " + r.err);
    return;
  }
  if (r.err.find(kSnapshotWarning) != std::string::npos)
    round->differences.push_back(std::string("the ") + which + " run warns: " + r.err);
  const State state = readState(db, c.snapshot);
  if (!state.opened) {
    round->differences.push_back(std::string("after the ") + which + " run the database does not open: " +
                                 state.error);
    return;
  }
  if (!state.warnings.empty())
    round->differences.push_back(std::string("after the ") + which + " run a query warns: " + state.warnings);
  const std::string diff = firstDifference(clean.state, state.text);
  if (!diff.empty()) round->differences.push_back(std::string("after the ") + which + " run, " + diff);
}

// Right after the kill, before anything reads it: the snapshot file is the
// previous one or the clean run's new one, byte for byte (absent only when
// the previous one was).
void checkSnapshotFile(const fs::path& db, const CleanRun& clean, Round* round) {
  const auto now = readFile(db / kSnapshotFile);
  if (now == clean.previousFile) return;
  if (now == clean.newFile) {
    round->file = FileLanded::kNew;
    return;
  }
  round->file = FileLanded::kTorn;
  round->differences.push_back("after the kill the snapshot file is neither the previous one nor the new one (" +
                               (now ? std::to_string(now->size()) + " bytes" : std::string("absent")) + ")");
}

void checkKilledOpens(const fs::path& db, const Command& c, Round* round) {
  if (round->landed != Landed::kAfterCreation) return;  // no database to open yet
  const State state = readState(db, c.snapshot);
  if (!state.opened) round->differences.push_back("the killed database does not open: " + state.error);
  if (!state.warnings.empty()) round->differences.push_back("after the kill a query warns: " + state.warnings);
}

void checkNoStaging(const fs::path& dir, Round* round) {
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(dir, ec))
    if (e.path().filename().string().find(".creating-") != std::string::npos)
      round->differences.push_back("a staging directory was left behind: " + e.path().filename().string());
}

// The delay range [lo, hi] in seconds after its anchor for a round of kind `aim`.
std::pair<double, double> delayRange(const CleanRun& clean, Aim aim) {
  const double creating = clean.creatingTo - clean.creatingFrom;
  // A write shorter than the poll was seen once or not at all: a millisecond
  // still spreads the kills over it and the rename after it.
  const double saving = std::max(clean.savingTo - clean.savingFrom, 0.001);
  switch (aim) {
    case Aim::kOpen: return {0.0, creating * 2};  // half the kills land after the rename
    case Aim::kWrite: return {0.0, clean.seconds - clean.creatingTo};
    case Aim::kSave: return {0.0, saving * 2};    // half the kills land after the rename
    case Aim::kTail: return {clean.seconds * 0.5, clean.seconds * 0.95};
    default: return {0.0, clean.seconds};
  }
}

Round playRound(const fs::path& dir, const fs::path& base, const Command& c, const CleanRun& clean, Aim aim,
                std::mt19937_64& rng) {
  Round round;
  round.aim = aim;
  const auto [lo, hi] = delayRange(clean, aim);
  round.delay = std::uniform_real_distribution<double>(lo, hi)(rng);
  fs::create_directories(dir);
  const fs::path db = dir / "kg.db";
  if (!c.setup.empty()) fs::copy(base, db, fs::copy_options::recursive);
  runAndKill(db, c, &round);
  if (c.snapshot) checkSnapshotFile(db, clean, &round);
  checkKilledOpens(db, c, &round);
  rerunAndCompare(db, c, clean, "second", &round);
  if (round.differences.empty()) rerunAndCompare(db, c, clean, "third", &round);
  checkNoStaging(dir, &round);
  return round;
}

struct Tally {
  int rounds = 0, finishedFirst = 0, differences = 0;
  int aimed[static_cast<int>(Aim::kCount)] = {};
  int landed[static_cast<int>(Landed::kCount)] = {};
  int files[static_cast<int>(FileLanded::kCount)] = {};
};

void printRound(int index, const Command& c, const CleanRun& clean, const Round& r) {
  static const char* kAnchor[] = {"after the start", "after staging", "after CURRENT", "after the temp file",
                                  "after the start"};
  static const char* kFile[] = {"previous snapshot file", "new snapshot file", "TORN snapshot file"};
  std::printf("round %3d  %-16s %-6s kill %6.3f s %-19s (clean run %5.3f s): %s%s%s -> %s\n", index,
              c.name.c_str(), aimName(r.aim), r.delay, kAnchor[static_cast<int>(r.aim)], clean.seconds,
              r.finishedFirst ? "finished before the kill" : landedName(r.landed), c.snapshot ? ", " : "",
              c.snapshot ? kFile[static_cast<int>(r.file)] : "", r.differences.empty() ? "same as clean" : "DIFFERENT");
  for (const auto& d : r.differences) std::printf("           difference: %s\n", d.c_str());
  std::fflush(stdout);
}

void printTally(const Command& c, const CleanRun& clean, const Tally& t) {
  std::printf("%-16s clean %.3f s", c.name.c_str(), clean.seconds);
  if (c.setup.empty()) std::printf(" (creating at %.3f-%.3f s)", clean.creatingFrom, clean.creatingTo);
  if (clean.savingFrom >= 0) std::printf(" (temporary snapshot file seen at %.3f-%.3f s)", clean.savingFrom, clean.savingTo);
  std::printf(": %d rounds (", t.rounds);
  for (size_t i = 0; i < c.aims.size(); ++i)
    std::printf("%s%d %s", i ? ", " : "", t.aimed[static_cast<int>(c.aims[i])], aimName(c.aims[i]));
  std::printf("), %d finished before the kill", t.finishedFirst);
  if (c.setup.empty())
    std::printf(", killed %d before creation, %d while creating, %d after creation", t.landed[0], t.landed[1],
                t.landed[2]);
  if (c.snapshot)
    std::printf("; snapshot file after the kill: %d previous, %d new, %d torn", t.files[0], t.files[1], t.files[2]);
  std::printf("; %d with differences\n", t.differences);
}

struct Options {
  int rounds = kDefaultRounds;
  uint64_t seed = std::random_device()();
  std::string only;
};

bool parseArgs(int argc, char** argv, Options* a) {
  for (int i = 1; i < argc; ++i) {
    const std::string flag = argv[i];
    if (i + 1 >= argc) return false;
    const std::string value = argv[++i];
    try {
      if (flag == "--rounds") a->rounds = std::stoi(value);
      else if (flag == "--seed") a->seed = std::stoull(value);
      else if (flag == "--only") a->only = value;
      else return false;
    } catch (const std::exception&) {
      return false;
    }
  }
  return a->rounds > 0;
}

// The commands --only keeps (a comma-separated list of names); empty (after
// saying why) when a name is unknown or an input is missing.
std::vector<Command> selectCommands(const std::string& only) {
  std::vector<Command> commands;
  const std::string list = "," + only + ",";
  for (auto& c : allCommands())
    if (only.empty() || list.find("," + c.name + ",") != std::string::npos) commands.push_back(c);
  size_t named = only.empty() ? commands.size() : 1;
  for (char ch : only) named += ch == ',';
  if (commands.size() != named) {
    std::fprintf(stderr, "kill_rounds: --only '%s' names a command that does not exist\n", only.c_str());
    return {};
  }
  for (const auto& c : commands) {
    std::vector<Args> all = c.setup;
    all.push_back(c.args);
    for (const auto& args : all)
      if (args.size() > 1 && args.back().find('/') != std::string::npos && !fs::exists(args.back())) {
        std::fprintf(stderr, "kill_rounds: %s is missing: put ../shared beside the repository\n", args.back().c_str());
        return {};
      }
  }
  return commands;
}

// Runs a command's setup into `base` (nothing when it has none).
bool writeBase(const fs::path& base, const Command& c) {
  for (const auto& args : c.setup) {
    const auto r = runKg(base, args);
    if (r.rc != 0) {
      std::fprintf(stderr, "kill_rounds: setting up %s: kg %s failed (exit %d): %s\n", c.name.c_str(),
                   args.front().c_str(), r.rc, r.err.c_str());
      return false;
    }
  }
  return true;
}

// Each command's base database and clean run, timed after a first run that
// warms the page cache.
bool runCleans(const fs::path& work, const std::vector<Command>& commands, std::vector<CleanRun>* clean) {
  clean->assign(commands.size(), CleanRun());
  for (size_t i = 0; i < commands.size(); ++i) {
    const fs::path dir = work / commands[i].name;
    fs::create_directories(dir);
    if (!writeBase(dir / "base.db", commands[i])) return false;
    for (const char* name : {"warm.db", "clean.db"}) {
      (*clean)[i] = CleanRun();
      if (!commands[i].setup.empty()) fs::copy(dir / "base.db", dir / name, fs::copy_options::recursive);
      if (!runClean(dir / name, commands[i], &(*clean)[i])) return false;
    }
  }
  return true;
}

void count(const Round& round, Tally* t) {
  ++t->rounds;
  ++t->aimed[static_cast<int>(round.aim)];
  t->finishedFirst += round.finishedFirst;
  if (!round.finishedFirst) ++t->landed[static_cast<int>(round.landed)];
  ++t->files[static_cast<int>(round.file)];
  t->differences += !round.differences.empty();
}

// Plays `rounds` rounds round-robin over the commands; the rounds with differences.
int playRounds(const fs::path& work, const std::vector<Command>& commands, const std::vector<CleanRun>& clean,
               int rounds, std::mt19937_64& rng) {
  std::vector<Tally> tally(commands.size());
  for (int r = 0; r < rounds; ++r) {
    const size_t ci = static_cast<size_t>(r) % commands.size();
    const auto& aims = commands[ci].aims;
    const Aim aim = aims[static_cast<size_t>(tally[ci].rounds) % aims.size()];
    const fs::path dir = work / commands[ci].name / ("round-" + std::to_string(r));
    const Round round = playRound(dir, work / commands[ci].name / "base.db", commands[ci], clean[ci], aim, rng);
    printRound(r, commands[ci], clean[ci], round);
    count(round, &tally[ci]);
    if (round.differences.empty()) fs::remove_all(dir);
  }
  int differences = 0;
  for (size_t i = 0; i < commands.size(); ++i) {
    printTally(commands[i], clean[i], tally[i]);
    differences += tally[i].differences;
  }
  return differences;
}

}  // namespace

int main(int argc, char** argv) {
  Options args;
  if (!parseArgs(argc, argv, &args)) {
    std::fprintf(stderr,
                 "usage: kill_rounds [--rounds N] [--seed S] [--only NAME[,NAME...]]\n"
                 "  NAME: ingest-corpus, ingest-seeds, import-icews, snapshot-new, snapshot-replace, trim\n");
    return 2;
  }
  const std::vector<Command> commands = selectCommands(args.only);
  if (commands.empty()) return 2;
  std::printf("kill_rounds: seed %llu (repeat with --seed %llu), %d rounds\n",
              static_cast<unsigned long long>(args.seed), static_cast<unsigned long long>(args.seed), args.rounds);
  std::mt19937_64 rng(args.seed);
  const fs::path work = fs::temp_directory_path() / ("kg-kill-rounds-" + std::to_string(args.seed));
  fs::remove_all(work);
  std::vector<CleanRun> clean;
  if (!runCleans(work, commands, &clean)) return 2;
  const int differences = playRounds(work, commands, clean, args.rounds, rng);
  if (differences == 0) {
    fs::remove_all(work);
    std::printf("kill_rounds: every round recovered to the clean result\n");
    return 0;
  }
  std::printf("kill_rounds: %d round(s) differ; their databases are kept in %s\n", differences, work.c_str());
  return 1;
}
