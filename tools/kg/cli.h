// Shared state and helpers of the `kg` command line. main() builds one
// CliContext; each command group registers its subcommands on the app
// (one file per group: cmd_actor.cpp, cmd_edge.cpp, cmd_ingest.cpp, ...).
// Single-threaded.
#pragma once

#include <CLI/CLI.hpp>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <iostream>
#include <mutex>
#include <thread>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "base/status.h"
#include "core/engine.h"
#include "core/graph_api.h"

namespace kg::cli {

// Exit codes (README "Exit codes"): 0 success; 1 an error (the database
// cannot be opened or written, an input file cannot be read, an ambiguous
// name, kgd unreachable, ...); 2 a usage error: the command line is wrong
// (unknown command or option, a malformed or out-of-range value, an option
// that does not apply); 3 not found: an unknown actor or document, no path;
// 4 deadline: kgd stopped the query at its per-call deadline (DeadlineExceeded);
// 5 conflict: kg undo refused because the change cannot be undone as things
// stand (later changes depend on it, it was already undone, or it keeps no
// undo image: Curator::undo's FailedPrecondition).
inline constexpr int kExitError = 1;
inline constexpr int kExitUsage = 2;
inline constexpr int kExitNotFound = 3;
inline constexpr int kExitDeadline = 4;
inline constexpr int kExitConflict = 5;

// Prints an error on stderr: "kg: error: <message>" (with "; did you mean
// ..." when there are suggestions and the message does not name them), or,
// with `json`, one line {"error":{"code","message","suggestions","exit"}}.
// `code` is "usage", "not_found" or the status code in snake case. Returns `exit`.
int printError(bool json, int exit, const std::string& code, const std::string& message,
               const std::vector<std::string>& suggestions = {});
// The names after "closest known names: " in an unknown-actor message.
std::vector<std::string> suggestionsIn(const std::string& message);

class Progress;

struct CliContext {
  std::string dbPath;   // from --db, else $KG_DB, else ./kg.db
  bool json = false;    // --json: machine-readable output
  bool quiet = false;   // --quiet: no progress lines
  std::string remote;   // --remote HOST:PORT (served by kgd), empty for local
  std::string commandLine;  // the arguments after `kg`, for the curation log
  int exitCode = 0;
  // The progress line being drawn, if any (set by Progress), so that the
  // local graph's snapshot build can report into it.
  Progress* progress = nullptr;

  // Opens the database once. Write access takes the lock; read-only access
  // lets `kg` read while another process writes. Errors: as Engine::open.
  Result<core::Engine*> engine(bool write);

  CliContext() = default;
  CliContext(const CliContext&) = delete;
  CliContext& operator=(const CliContext&) = delete;
  ~CliContext() { (void)closeEngine(); }

  // After a writing command, fold the graph snapshot file when a reader
  // would (core::foldSnapshotFile); false with KG_WRITER_FOLD=0.
  bool writerFold = true;
  // Read the graph snapshot file whole at every open instead of once per
  // version of it (KG_SNAPSHOT_VERIFY=always; LocalGraph::setSnapshotVerifyEveryOpen).
  bool verifySnapshotEveryOpen = false;

  // Closes the database opened by engine() (and the api() over it), releasing
  // its lock. After writes, first drops the change records the snapshot file
  // no longer needs (core::trimChangeLog; a failure only leaves them), then,
  // after a command that succeeded (exitCode 0) and with writerFold, folds
  // the file when a reader would (core::foldSnapshotFile: the file then holds
  // the store's state; a failure is a one-line warning on stderr and leaves
  // the file to readers).
  // Returns the store's close error (GraphStore::close: a failed final sync),
  // prefixed "closing the database 'PATH' failed: "; what was committed stays.
  Status closeEngine();

  // Prints the error (printError, with --json as JSON); returns `exit`,
  // except that a DeadlineExceeded status always exits kExitDeadline.
  int fail(const Status& status, int exit = kExitError);
  int fail(const std::string& message) { return fail(Status::invalidArgument(message)); }
  // A usage error (exit 2): a bad option value, options that do not go together.
  int usage(const std::string& message) { return fail(Status::invalidArgument(message), kExitUsage); }
  int usage(const Status& status) { return fail(status, kExitUsage); }
  // The answer of a lookup or query: NotFound (unknown actor or document,
  // no path) exits 3, LimitExceeded 2, DeadlineExceeded 4, anything else 1.
  int failLookup(const Status& status);
  // engine() failed: with --remote a usage error (the command needs a
  // local database), else an error.
  int failOpen(const Status& status) { return fail(status, remote.empty() ? kExitError : kExitUsage); }

  // After a failed command: removes the database this run created, when
  // nothing was stored in it, so that a failed command leaves no trace.
  void discardCreatedDatabase();

  // Prints a JSON value (one line) to stdout.
  void printJson(const nlohmann::json& j) const { std::cout << j.dump() << "\n"; }

  // The canonical name of an actor id ("#id" when the lookup fails).
  std::string nameOf(ActorId id);

  // The graph the query commands read: the local database (read-only), or
  // the kgd at `remote`. Errors: as engine(false), or IOError when kgd
  // cannot be reached.
  Result<core::GraphApi*> api();
  // The graph the curation commands change: the local database opened for
  // writing, or the kgd at `remote`. Errors: as engine(true), or IOError
  // when kgd cannot be reached.
  Result<core::GraphApi*> writableApi();
  // "database:" line of `kg stats`: the path, or "kgd at HOST:PORT".
  std::string where() const { return remote.empty() ? dbPath : "kgd at " + remote; }

 private:
  std::unique_ptr<core::Engine> engine_;
  bool engineWritable_ = false;
  bool createdDb_ = false;  // engine(true) created the directory
  std::unique_ptr<core::GraphApi> api_;  // borrows *engine_ in local mode, so declared after it
};

// A CLI11 check for counts (--limit, --depth, --threads, ...): decimal
// digits only, at most kMaxCount; "-5" or "1e3" or 2^64 are refused with a
// message naming the option's value instead of wrapping or clamping.
inline constexpr unsigned long long kMaxCount = 1000000000000ULL;
CLI::Validator countCheck();

// A CLI11 check for --cameo: a comma-separated list of CAMEO codes or
// prefixes, 1 to 4 digits each (query::parseCameoList); anything else (an
// empty entry, non-digits) is a usage error naming the value.
CLI::Validator cameoCheck();
// Adds `--cameo LIST` (checked by cameoCheck) to a query command; `text` receives it.
void addCameoOption(CLI::App* cmd, std::string& text);
// Sets filter->cameo from a --cameo value ("" = not given). InvalidArgument naming the value.
Status parseCameoOption(const std::string& text, query::Filter* filter);

// Parses an optional date option ("" = not given). InvalidArgument names the option.
Result<std::optional<Date>> parseDateOption(const std::string& text, const char* option);

// The stored actor `ref` names (an ACTOR argument read by
// core::ActorRef::parseArg): an id as that actor only (NotFound "no actor
// with id N"), a name as Engine::resolveOne resolves it (its errors).
Result<Actor> storedActor(const core::Engine& engine, const core::ActorRef& ref);
// Parses a comma-separated list of edge types ("" = none). InvalidArgument
// (parseEdgeType's message) on the first unknown type.
Result<std::vector<EdgeType>> parseTypeList(const std::string& text);
// Sets filter->fromDay/toDay/includeUndated from --from/--to/--undated.
// InvalidArgument naming the option for a malformed date, or when the window
// ends before it starts.
Status parseWindow(const std::string& from, const std::string& to, bool undated, query::Filter* filter);

// The filters every query command takes (ARCHITECTURE "Queries").
struct FilterArgs {
  std::string types, cameo, from, to, direction = "both";
  bool undated = false;
  float minConfidence = 0.0f;
};
// Adds --type, --cameo, --from, --to, --undated, --direction, --min-confidence.
void addFilterOptions(CLI::App* cmd, FilterArgs& a);
// The query::Filter of the options. InvalidArgument naming the option (a
// usage error): a bad type, date or confidence, a window that ends before
// it starts, --undated without a window (`hasWindow`: the command has one
// of its own, asof's DATE).
Result<query::Filter> toFilter(const FilterArgs& a, bool hasWindow = false);

// One rendering of a date range in every table: "2020-01-03" (a point, at
// its precision: "2020-01", "2020"), "2019-05-01..2020-05-06", "2003..?"
// (end unknown or open), "?..2020-05" (start unknown), "undated".
std::string dateText(const DateRange& r);
// A score as a plain number: integers without a fraction, others with six
// significant digits and no exponent ("2801820", "0.0123457").
std::string numberText(double x);
// "... 123 more edges not shown (raise --limit)": the line under a listing
// cut by --limit; "" when nothing was left out.
std::string leftOutLine(size_t leftOut, const std::string& what);

// The evidence of an edge as one table cell: the quoted sentence (cut on a
// character boundary to `width` cells) and, when the document is known,
// its title and date: "\"...\" (Title, 2020-01-03)".
std::string evidenceText(const Evidence& ev, size_t width);
// The edge table of show, timeline, asof, neighbors: DATE, BASIS, SRCS,
// SOURCE, TYPE, TARGET, EVIDENCE (with `withId`, ID first), at most `limit`
// rows (0 = all), then leftOutLine(...) naming `what`. `total`: the length
// of the listing whose first edges `edges` are (the rest not loaded), when
// it is longer.
void printEdgeTable(CliContext& ctx, const std::vector<Edge>& edges, size_t limit, const std::string& what,
                    bool withId = false, std::optional<size_t> total = std::nullopt);
// The JSON contract's actor and edge (core/json_codec.h, which answers in
// text) as values to build a document with; an edge names its ends with ctx.
nlohmann::json actorJson(const Actor& a);
nlohmann::json edgeJson(CliContext& ctx, const Edge& e);

// A listing that hands its edges to a visitor (GraphApi::forEachEdge, ...);
// the visitor returns false to stop it.
using EdgeStream = std::function<Status(const std::function<bool(Edge&)>&)>;
// Prints what printJson would print for `doc` with its "edges" member the
// array of the edges of `stream` (for a null `doc`, that array alone), at
// most `limit` of them (0 = all), each written as it comes instead of the
// whole held as one document. An error before the first edge prints only
// the error; a listing cut by an error later is left unclosed (no reader
// takes it for whole) and the error printed. Returns the exit code (failLookup's).
int printEdgesStreamed(CliContext& ctx, const nlohmann::json& doc, const EdgeStream& stream, size_t limit = 0);

// Progress of a long command on stderr: "kg import: 1200000/4680000 rows,
// 80000 rows/s, ETA 42 s, 15 s elapsed", redrawn on one line at most 5 times
// a second from a background thread, and wiped by finish() (or the
// destructor). Shown only when stderr is a terminal, neither --quiet nor
// --json is given, and after the command has run for a second
// (KG_PROGRESS_DELAY_MS overrides the second, for tests). Without a total
// (0) it shows items done and the rate, without a unit the elapsed time
// only. With the unit "bytes" it counts megabytes, after the items of
// `itemUnit` when one is given ("120 documents, 3.2/10.5 MB, 0.80 MB/s").
// While the local graph builds its snapshot the line shows that stage
// ("building the graph snapshot: 800000/2000000 edges, ..."), then the
// command's own again. set()/add()/setItems() are safe from any thread.
class Progress {
 public:
  Progress(CliContext& ctx, std::string label, std::string unit, uint64_t total, std::string itemUnit = "");
  ~Progress();
  Progress(const Progress&) = delete;
  Progress& operator=(const Progress&) = delete;

  void set(uint64_t done) { done_.store(done, std::memory_order_relaxed); }
  void add(uint64_t n) { done_.fetch_add(n, std::memory_order_relaxed); }
  void setTotal(uint64_t total) { total_.store(total, std::memory_order_relaxed); }
  void setItems(uint64_t n) { items_.store(n, std::memory_order_relaxed); }
  // From now on the line counts `unit` of `total` from `done`, its rate
  // measured from now and from `done` (a remote count's first report may
  // start far from 0) ("kg rank --by betweenness: 40/1000 sources, ..."),
  // after `stage` when one is given ("kg ingest: stored by kgd: 3000/9000 documents").
  void restart(std::string unit, uint64_t done, uint64_t total, std::string stage = "");
  // The snapshot build's report (LocalGraph::setSnapshotProgress): the first
  // call shows the build stage, the call with done >= total goes back.
  void snapshotBuild(uint64_t done, uint64_t total);
  // From now on the line names `phase` and the elapsed time instead of the
  // counts ("kg import: 468558 rows read; writing, 5 s elapsed").
  void setPhase(const std::string& phase) {
    std::lock_guard<std::mutex> lock(mu_);
    phase_ = phase;
  }
  // Stops the redraws and wipes the line.
  void finish();
  // True when lines are drawn (a terminal, no --quiet/--json).
  bool shown() const { return enabled_; }

 private:
  void run();
  std::string line(std::chrono::steady_clock::time_point now) const;
  // Draws the line now, when lines are being drawn (the delay is over).
  // Called with mu_ held: a stage is drawn as it starts, however short.
  void drawLocked();

  struct Stage {
    std::string name;  // "" for the command's own counts
    std::string unit;
    uint64_t done = 0, total = 0;
    std::chrono::steady_clock::time_point start;
    uint64_t base = 0;  // done when the stage started: the rate counts from it
  };

  CliContext& ctx_;
  std::string label_, itemUnit_;
  Stage stage_;                // guarded by mu_ (its done/total live in done_/total_)
  std::optional<Stage> saved_; // the command's stage during a snapshot build; guarded by mu_
  std::string phase_;          // guarded by mu_
  std::chrono::steady_clock::time_point start_;
  std::atomic<uint64_t> done_{0}, total_{0}, items_{0};
  bool enabled_ = false;
  std::atomic<bool> stop_{false};
  bool active_ = false;  // the delay is over: lines are drawn; guarded by mu_
  bool drawn_ = false;   // guarded by mu_ (read by finish() after the join)
  mutable std::mutex mu_;
  std::condition_variable cv_;
  std::thread thread_;
};

void registerActorCommands(CLI::App& app, CliContext& ctx);
void registerEdgeCommands(CLI::App& app, CliContext& ctx);
// actor merge/alias/rename/set/rm, edge rm, log (cmd_curate.cpp); after the actor and edge groups.
void registerCurationCommands(CLI::App& app, CliContext& ctx);
void registerImportCommands(CLI::App& app, CliContext& ctx);
void registerIngestCommands(CLI::App& app, CliContext& ctx);
// neighbors, path, timeline, asof, rank, components over api() (cmd_query.cpp).
void registerQueryCommands(CLI::App& app, CliContext& ctx);
// export (cmd_export.cpp).
void registerExportCommands(CLI::App& app, CliContext& ctx);
// doc, docs (cmd_doc.cpp).
void registerDocCommands(CLI::App& app, CliContext& ctx);

}  // namespace kg::cli
