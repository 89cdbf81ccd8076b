// Shared state and helpers of the `kg` command line. main() builds one
// CliContext; each command group registers its subcommands on the app
// (one file per group: cmd_actor.cpp, cmd_edge.cpp, cmd_ingest.cpp, ...).
// Single-threaded.
#pragma once

#include <CLI/CLI.hpp>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "base/status.h"
#include "core/engine.h"
#include "rpc/graph_api.h"

namespace kg::cli {

// Exit codes: 0 success, 1 an error the user can fix (unknown actor, bad
// date, no path, ...), 2 command-line usage error.
inline constexpr int kExitError = 1;
inline constexpr int kExitUsage = 2;

struct CliContext {
  std::string dbPath;   // from --db, else $KG_DB, else ./kg.db
  bool json = false;    // --json: machine-readable output
  std::string remote;   // --remote HOST:PORT (served by kgd), empty for local
  std::string commandLine;  // the arguments after `kg`, for the curation log
  int exitCode = 0;

  // Opens the database once. Write access takes the lock; read-only access
  // lets `kg` read while another process writes. Errors: as Engine::open.
  Result<core::Engine*> engine(bool write);

  CliContext() = default;
  CliContext(const CliContext&) = delete;
  CliContext& operator=(const CliContext&) = delete;
  ~CliContext() { closeEngine(); }

  // Closes the database opened by engine() (and the api() over it), releasing
  // its lock. After writes, first drops the change records the snapshot file
  // no longer needs (graph::trimChangeLog; a failure only leaves them).
  void closeEngine();

  // Prints "kg: error: <message>" to stderr; returns kExitError.
  int fail(const Status& status);
  int fail(const std::string& message) { return fail(Status::invalidArgument(message)); }

  // Prints a JSON value (one line) to stdout.
  void printJson(const nlohmann::json& j) const { std::cout << j.dump() << "\n"; }

  // The canonical name of an actor id ("#id" when the lookup fails).
  std::string nameOf(ActorId id);

  // The graph the query commands read: the local database (read-only), or
  // the kgd at `remote`. Errors: as engine(false), or IOError when kgd
  // cannot be reached.
  Result<rpc::GraphApi*> api();
  // "database:" line of `kg stats`: the path, or "kgd at HOST:PORT".
  std::string where() const { return remote.empty() ? dbPath : "kgd at " + remote; }

 private:
  std::unique_ptr<core::Engine> engine_;
  bool engineWritable_ = false;
  std::unique_ptr<rpc::GraphApi> api_;  // borrows *engine_ in local mode, so declared after it
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
// Parses a comma-separated list of edge types ("" = none). InvalidArgument
// (parseEdgeType's message) on the first unknown type.
Result<std::vector<EdgeType>> parseTypeList(const std::string& text);
// Sets filter->fromDay/toDay/includeUndated from --from/--to/--undated.
// InvalidArgument naming the option for a malformed date, or when the window
// ends before it starts.
Status parseWindow(const std::string& from, const std::string& to, bool undated, query::Filter* filter);

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

}  // namespace kg::cli
