// kill_rounds: crash rounds at random moments for the write path, the way
// RocksDB's crash tests kill db_stress at random times.
//
// For each command — kg ingest examples/corpus, kg ingest ../shared/seeds,
// kg import --format icews (the ICEWS 2018 sample) — it writes a clean
// database once and times it. Then, round after round, it starts the command
// into a fresh database, sends SIGKILL after a random delay, checks that the
// killed database opens (or does not exist yet), runs the command again to
// completion, compares the database with the clean one (stats counts,
// actors, edges with their ids), and runs the command a third time, which
// must add nothing.
//
// A command's rounds take turns between three kinds of delay: uniform over
// [0, the clean run's duration] from the start ("random"); from the moment
// the staging directory appears, over twice the time the clean run took to
// create its database ("open"), so that kills land while the database is
// being created; and from the moment CURRENT appears, over the rest of the
// clean run ("write": commits and bulk ingestion), since ingest spends most
// of its time loading dictionaries before it opens anything.
//
//   kill_rounds [--rounds N] [--seed S] [--only NAME]
// N rounds in all (default kDefaultRounds) spread round-robin over the
// commands; S seeds the delays (default: random) and is printed first, so a
// failing run repeats with --seed S; NAME keeps one command. Exit status 0
// when every round recovered, 1 on any difference (the work directory is
// kept and named), 2 on a usage or setup error.
#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <random>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "../support/db_state.h"

namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

constexpr int kDefaultRounds = 9;  // each command once per kind of round
enum class Aim { kRandom, kOpen, kWrite, kCount };  // taken in turn by a command's rounds
constexpr auto kPollInterval = std::chrono::microseconds(200);
constexpr size_t kShownChars = 160;  // of a differing line

struct Command {
  std::string name;
  std::vector<std::string> args;  // after `kg --db PATH`
};

std::vector<Command> allCommands() {
  const std::string src = KG_SOURCE_DIR;
  return {{"ingest-corpus", {"ingest", src + "/examples/corpus"}},
          {"ingest-seeds", {"ingest", src + "/../shared/seeds"}},
          {"import-icews",
           {"import", "--format", "icews", src + "/../shared/data/icews/icews_events_2018_sample.tab"}}};
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

struct CleanRun {
  std::string state;
  double seconds = 0;
  double creatingFrom = -1, creatingTo = -1;  // seconds after the start when creation was first/last seen
};

// Runs the command to completion into `db`, watching when it creates the database.
bool runClean(const fs::path& db, const Command& c, CleanRun* clean) {
  const auto start = Clock::now();
  const pid_t pid = spawnKg(db, c, db.string() + ".log");
  int rc = -1;
  while ((rc = reap(pid, false)) < 0) {
    const Landed now = creationState(db, pid);
    const double t = secondsSince(start);
    if (now == Landed::kCreating && clean->creatingFrom < 0) clean->creatingFrom = t;
    if (now != Landed::kAfterCreation) clean->creatingTo = t;
    std::this_thread::sleep_for(kPollInterval);
  }
  clean->seconds = secondsSince(start);
  if (rc != 0) {
    std::fprintf(stderr, "kill_rounds: the clean run of %s failed (exit %d): %s\n", c.name.c_str(), rc,
                 kg::testing::slurp(db.string() + ".log").c_str());
    return false;
  }
  if (clean->creatingFrom < 0) clean->creatingFrom = clean->creatingTo;  // faster than the poll
  const auto state = kg::testing::readDbState(KG_BIN, db.string());
  if (!state.opened) std::fprintf(stderr, "kill_rounds: the clean database does not open: %s\n", state.error.c_str());
  clean->state = state.text;
  return state.opened;
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
  static const char* kNames[] = {"random", "open", "write"};
  return kNames[static_cast<int>(a)];
}

struct Round {
  Aim aim = Aim::kRandom;
  double delay = 0;
  bool finishedFirst = false;  // the command ended before the kill
  Landed landed = Landed::kBeforeCreation;
  std::vector<std::string> differences;
};

// The on-disk state a round's delay counts from: the start ("random"), the
// staging directory appearing ("open"), CURRENT appearing ("write"). Timing
// from the event itself keeps the aim when a run is slower than the clean one.
Landed anchorOf(Aim aim) {
  return aim == Aim::kOpen ? Landed::kCreating : aim == Aim::kWrite ? Landed::kAfterCreation : Landed::kBeforeCreation;
}

// Runs the command, kills it round->delay seconds after its anchor and notes
// where it was (round->finishedFirst when it ended before the kill).
void runAndKill(const fs::path& db, const Command& c, Round* round) {
  const pid_t pid = spawnKg(db, c, db.string() + ".killed.log");
  const Landed anchor = anchorOf(round->aim);
  auto start = Clock::now();
  bool anchored = anchor == Landed::kBeforeCreation;
  while (!anchored || secondsSince(start) < round->delay) {
    if (reap(pid, false) >= 0) {
      round->finishedFirst = true;
      break;
    }
    if (!anchored && creationState(db, pid) >= anchor) {
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
  auto r = kg::testing::run(std::string(KG_BIN) + " --db " + kg::testing::shq(db.string()) + " " + [&] {
    std::string joined;
    for (const auto& a : c.args) joined += kg::testing::shq(a) + " ";
    return joined;
  }());
  if (r.rc != 0) {
    round->differences.push_back(std::string(which) + " run failed (exit " + std::to_string(r.rc) + "): " + r.err);
    return;
  }
  const auto state = kg::testing::readDbState(KG_BIN, db.string());
  if (!state.opened) {
    round->differences.push_back(std::string("after the ") + which + " run the database does not open: " +
                                 state.error);
    return;
  }
  const std::string diff = firstDifference(clean.state, state.text);
  if (!diff.empty()) round->differences.push_back(std::string("after the ") + which + " run, " + diff);
}

void checkKilledOpens(const fs::path& db, Round* round) {
  if (round->landed != Landed::kAfterCreation) return;  // no database to open yet
  const auto state = kg::testing::readDbState(KG_BIN, db.string());
  if (!state.opened) round->differences.push_back("the killed database does not open: " + state.error);
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
  switch (aim) {
    case Aim::kOpen: return {0.0, creating * 2};  // half the kills land after the rename
    case Aim::kWrite: return {0.0, clean.seconds - clean.creatingTo};
    default: return {0.0, clean.seconds};
  }
}

Round playRound(const fs::path& dir, const Command& c, const CleanRun& clean, Aim aim, std::mt19937_64& rng) {
  Round round;
  round.aim = aim;
  const auto [lo, hi] = delayRange(clean, aim);
  round.delay = std::uniform_real_distribution<double>(lo, hi)(rng);
  fs::create_directories(dir);
  const fs::path db = dir / "kg.db";
  runAndKill(db, c, &round);
  checkKilledOpens(db, &round);
  rerunAndCompare(db, c, clean, "second", &round);
  if (round.differences.empty()) rerunAndCompare(db, c, clean, "third", &round);
  checkNoStaging(dir, &round);
  return round;
}

struct Tally {
  int rounds = 0, finishedFirst = 0, differences = 0;
  int aimed[static_cast<int>(Aim::kCount)] = {};
  int landed[static_cast<int>(Landed::kCount)] = {};
};

void printRound(int index, const Command& c, const CleanRun& clean, const Round& r) {
  static const char* kAnchor[] = {"after the start", "after staging", "after CURRENT"};
  std::printf("round %3d  %-13s %-6s kill %6.3f s %-15s (clean run %5.3f s): %s -> %s\n", index, c.name.c_str(),
              aimName(r.aim), r.delay, kAnchor[static_cast<int>(r.aim)], clean.seconds,
              r.finishedFirst ? "finished before the kill" : landedName(r.landed),
              r.differences.empty() ? "same as clean" : "DIFFERENT");
  for (const auto& d : r.differences) std::printf("           difference: %s\n", d.c_str());
  std::fflush(stdout);
}

void printTally(const Command& c, const CleanRun& clean, const Tally& t) {
  std::printf("%-13s clean %.3f s (creating at %.3f-%.3f s): %d rounds (%d random, %d open, %d write), %d finished "
              "before the kill, killed %d before creation, %d while creating, %d after creation; %d with "
              "differences\n",
              c.name.c_str(), clean.seconds, clean.creatingFrom, clean.creatingTo, t.rounds, t.aimed[0], t.aimed[1],
              t.aimed[2], t.finishedFirst, t.landed[0], t.landed[1], t.landed[2], t.differences);
}

struct Args {
  int rounds = kDefaultRounds;
  uint64_t seed = std::random_device()();
  std::string only;
};

bool parseArgs(int argc, char** argv, Args* a) {
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

// The commands --only keeps; empty (after saying why) when none or an input is missing.
std::vector<Command> selectCommands(const std::string& only) {
  std::vector<Command> commands;
  for (auto& c : allCommands())
    if (only.empty() || c.name == only) commands.push_back(c);
  if (commands.empty()) std::fprintf(stderr, "kill_rounds: no command named '%s'\n", only.c_str());
  for (const auto& c : commands)
    if (!fs::exists(c.args.back())) {
      std::fprintf(stderr, "kill_rounds: %s is missing: put ../shared beside the repository\n", c.args.back().c_str());
      return {};
    }
  return commands;
}

// Each command's clean run, timed after a first run that warms the page cache.
bool runCleans(const fs::path& work, const std::vector<Command>& commands, std::vector<CleanRun>* clean) {
  clean->assign(commands.size(), CleanRun());
  for (size_t i = 0; i < commands.size(); ++i) {
    fs::create_directories(work / commands[i].name);
    for (const char* name : {"warm.db", "clean.db"}) {
      (*clean)[i] = CleanRun();
      if (!runClean(work / commands[i].name / name, commands[i], &(*clean)[i])) return false;
    }
  }
  return true;
}

void count(const Round& round, Tally* t) {
  ++t->rounds;
  ++t->aimed[static_cast<int>(round.aim)];
  t->finishedFirst += round.finishedFirst;
  if (!round.finishedFirst) ++t->landed[static_cast<int>(round.landed)];
  t->differences += !round.differences.empty();
}

// Plays `rounds` rounds round-robin over the commands; the rounds with differences.
int playRounds(const fs::path& work, const std::vector<Command>& commands, const std::vector<CleanRun>& clean,
               int rounds, std::mt19937_64& rng) {
  std::vector<Tally> tally(commands.size());
  for (int r = 0; r < rounds; ++r) {
    const size_t ci = static_cast<size_t>(r) % commands.size();
    const Aim aim = static_cast<Aim>(tally[ci].rounds % static_cast<int>(Aim::kCount));
    const fs::path dir = work / commands[ci].name / ("round-" + std::to_string(r));
    const Round round = playRound(dir, commands[ci], clean[ci], aim, rng);
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
  Args args;
  if (!parseArgs(argc, argv, &args)) {
    std::fprintf(stderr, "usage: kill_rounds [--rounds N] [--seed S] [--only ingest-corpus|ingest-seeds|import-icews]\n");
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
