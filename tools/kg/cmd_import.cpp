// kg import: bulk loading of event data (TKG directories and named event
// files, ICEWS, GDELT, PLOVER/POLECAT, CSV edge lists), or restoring a jsonl export.
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <ctime>
#include <iomanip>

#include <filesystem>
#include <fstream>

#include "core/importer.h"
#include "export/jsonl_reader.h"
#include "tools/kg/cli.h"

namespace kg::cli {

namespace {

struct ImportArgs {
  std::string format = "auto", path, timeUnit, epoch = "2018-01-01", cameoDir, map;
  std::vector<std::string> files;
  bool strict = false;
  bool noEvidence = false;
  size_t examples = 10;
};

// kg import --format jsonl: a `kg export --format jsonl` file back into an
// empty database, ids and all.
int runJsonlImport(CliContext& ctx, CLI::App* cmd, const ImportArgs& a) {
  for (const char* opt : {"--file", "--time-unit", "--epoch", "--cameo-dir", "--strict", "--no-evidence", "--examples", "--map"})
    if (cmd->count(opt))
      return ctx.usage(std::string(opt) + " does not apply to --format jsonl (a jsonl export is restored whole)");
  std::ifstream file;
  const bool stdinInput = a.path == "-";
  if (!stdinInput) {
    file.open(a.path, std::ios::binary);
    if (!file) return ctx.fail(Status::notFound("cannot read '" + a.path + "'"));
  }
  // Restoring is committed in batches; a database this command creates is
  // removed again when the restore fails, so a failed import leaves nothing.
  std::error_code ec;
  const bool existed = std::filesystem::exists(ctx.dbPath, ec);
  auto engine = ctx.engine(true);
  if (!engine) return ctx.failOpen(engine.status());
  Result<exports::RestoreSummary> r = (*engine)->withWriteLock([&](storage::GraphStore& store) {
    return exports::restoreJsonl(stdinInput ? std::cin : file, stdinInput ? "stdin" : a.path, store);
  });
  if (!r) {
    if (!existed) {
      (void)ctx.closeEngine();  // the database is removed
      std::filesystem::remove_all(ctx.dbPath, ec);
    }
    return ctx.fail(r.status());
  }
  if (ctx.json) {
    ctx.printJson({{"format", "jsonl"}, {"path", a.path}, {"lines", r->lines}, {"actors", r->actors},
                   {"edges", r->edges}, {"evidence", r->evidence}, {"documents", r->documents},
                   {"truncated", r->truncated}});
  } else {
    std::cout << "imported " << r->actors << " actors, " << r->edges << " edges (" << r->evidence << " evidence), "
              << r->documents << " documents from " << a.path << "\n";
  }
  if (r->truncated) std::cerr << "kg: warning: " << a.path << " is an export cut by --limit: the graph is partial\n";
  return 0;
}

// --format (or what the file says of itself, for auto) -> the importer's format.
// 0, or the exit code after printing why not (a file that says nothing known,
// an unknown --format).
int chooseFormat(CliContext& ctx, CLI::App* cmd, ImportArgs& a, core::ImportOptions* o) {
  if (a.format == "auto") {
    if (cmd->count("--map")) {
      a.format = "csv";
    } else if (a.path == "-") {
      a.format = "jsonl";  // stdin is read only as a jsonl export
    } else {
      auto detected = core::detectImportFormat(a.path);
      if (!detected) return ctx.fail(detected.status());
      a.format = detected.value();
    }
  }
  for (auto f : {core::ImportFormat::kTkg, core::ImportFormat::kIcews, core::ImportFormat::kGdelt,
                 core::ImportFormat::kPlover, core::ImportFormat::kCsv})
    if (a.format == core::importFormatName(f)) {
      o->format = f;
      return 0;
    }
  if (a.format == "jsonl") return 0;
  return ctx.usage("--format '" + a.format + "' is not known; use auto, tkg, icews, gdelt, plover, csv or jsonl");
}

// --map for csv, and only for csv. Prints a usage error and returns false when wrong.
bool chooseColumns(CliContext& ctx, CLI::App* cmd, const ImportArgs& a, core::ImportOptions* o) {
  if (o->format != core::ImportFormat::kCsv) {
    if (!cmd->count("--map")) return true;
    ctx.usage("--map applies to --format csv only (this is " + a.format + ")");
    return false;
  }
  if (!cmd->count("--map")) {
    ctx.usage("--format csv needs --map src=COLUMN,dst=COLUMN,date=COLUMN,cameo=COLUMN (or type=COLUMN)");
    return false;
  }
  auto m = core::parseColumnMap(a.map);
  if (!m) {
    ctx.usage(m.status());
    return false;
  }
  if (Status st = core::checkColumnMap(m.value(), a.path); !st.isOk()) {
    if (st.code() != StatusCode::kInvalidArgument) return true;  // the import reports an unreadable file
    ctx.usage(st);
    return false;
  }
  o->columns = std::move(m).value();
  return true;
}

// Lines of the files an import reads (the data rows, give or take a header):
// the total of its progress line. Counted only when a progress line is shown.
uint64_t countLines(const ImportArgs& a, core::ImportFormat format) {
  std::vector<std::string> files;
  std::error_code ec;
  if (std::filesystem::is_directory(a.path, ec)) {
    if (format != core::ImportFormat::kTkg) return 0;
    for (const auto& f : a.files.empty() ? std::vector<std::string>{"train.txt", "valid.txt", "test.txt"} : a.files)
      files.push_back(a.path + "/" + f);
  } else {
    files.push_back(a.path);
  }
  uint64_t lines = 0;
  std::vector<char> buf(1 << 20);
  for (const auto& f : files) {
    std::ifstream in(f, std::ios::binary);
    while (in) {
      in.read(buf.data(), static_cast<std::streamsize>(buf.size()));
      lines += static_cast<uint64_t>(std::count(buf.begin(), buf.begin() + in.gcount(), '\n'));
    }
  }
  return lines;
}

int runImport(CliContext& ctx, CLI::App* cmd, ImportArgs a) {
  core::ImportOptions o;
  if (int rc = chooseFormat(ctx, cmd, a, &o); rc != 0) return rc;
  if (a.format == "jsonl") return runJsonlImport(ctx, cmd, a);
  if (!chooseColumns(ctx, cmd, a, &o)) return kExitUsage;
  // The quadruple files' options are read only there (a tkg directory; an
  // events_named file has dates of its own): elsewhere they would be
  // accepted and ignored.
  std::error_code ec;
  const bool quadruples = o.format == core::ImportFormat::kTkg && !std::filesystem::is_regular_file(a.path, ec);
  for (const char* opt : {"--file", "--time-unit", "--epoch"})
    if (cmd->count(opt) && !quadruples)
      return ctx.usage(std::string(opt) + " applies to the quadruple files of a tkg directory only (this is " +
                       (o.format == core::ImportFormat::kTkg ? std::string("a tkg events file with dates") : a.format) +
                       ")");
  // --cameo-dir: the PLOVER reader reads no CAMEO names (a record's evidence
  // is its own event_text); elsewhere a directory without the code list
  // would be passed over in silence (ICEWS, GDELT and CSV rows then stored
  // without the CAMEO event names).
  if (cmd->count("--cameo-dir")) {
    if (o.format == core::ImportFormat::kPlover)
      return ctx.usage("--cameo-dir does not apply to --format plover (a record's evidence is its own event_text)");
    if (!std::filesystem::is_regular_file(std::filesystem::path(a.cameoDir) / "cameo_codes_goldstein.tsv", ec))
      return ctx.usage("--cameo-dir '" + a.cameoDir + "' holds no cameo_codes_goldstein.tsv");
  }
  o.path = a.path;
  o.files = a.files;
  o.strict = a.strict;
  o.evidence = !a.noEvidence;
  o.cameoDir = a.cameoDir;
  o.maxExamples = a.examples;
  if (!a.timeUnit.empty()) {
    auto u = core::parseTimeUnit(a.timeUnit);
    if (!u) return ctx.usage(Status::invalidArgument("--time-unit: " + u.status().message()));
    o.timeUnit = u.value();
  }
  auto epoch = Date::parse(a.epoch);
  if (!epoch || epoch->precision() != DatePrecision::kDay)
    return ctx.usage("--epoch '" + a.epoch + "' is not a day (YYYY-MM-DD)");
  o.epoch = epoch.value();

  const std::clock_t cpu0 = std::clock();
  auto engine = ctx.engine(true);
  if (!engine) return ctx.failOpen(engine.status());
  // The total is known before the first line is drawn (the lines are
  // counted only when lines can be drawn).
  const bool drawn = !ctx.quiet && !ctx.json && isatty(STDERR_FILENO);
  Progress progress(ctx, "import", "rows", drawn ? countLines(a, o.format) : 0);
  if (progress.shown()) {
    o.progress = [&progress](uint64_t rows) { progress.set(rows); };
    o.writing = [&progress] { progress.setPhase("writing"); };
  }
  // The import writes alone (core/importer.h); readers of the engine go on.
  auto r = (*engine)->withWriteLock([&](storage::GraphStore& store) {
    core::Importer importer(store);
    return importer.run(o);
  });
  progress.finish();
  if (!r) return ctx.fail(r.status());
  const auto& s = r.value();
  const double secs = s.parseSeconds + s.writeSeconds;
  const double rate = secs > 0 ? static_cast<double>(s.stored + s.merged) / secs : 0;
  if (ctx.json) {
    nlohmann::json j = {{"format", a.format},         {"path", a.path},
                        {"rows", s.rows},             {"stored", s.stored},
                        {"merged", s.merged},         {"no_actor_pair", s.noActorPair},
                        {"malformed", s.malformed},   {"examples", s.examples},
                        {"no_actor_pair_examples", s.noActorPairExamples},
                        {"seconds", secs},            {"parse_seconds", s.parseSeconds},
                        {"write_seconds", s.writeSeconds}, {"events_per_second", std::round(rate)},
                        // CPU time of the whole command (all threads): on a busy machine
                        // `seconds` includes waiting for a core.
                        {"cpu_seconds", static_cast<double>(std::clock() - cpu0) / CLOCKS_PER_SEC}};
    if (!s.timeUnit.empty()) j["time_unit"] = s.timeUnit;
    ctx.printJson(j);
  } else {
    std::cout << "read " << s.rows << " rows of " << a.path << " (" << a.format << "): " << s.stored
              << " events stored, " << s.merged << " merged (already present), ";
    if (s.noActorPair) std::cout << s.noActorPair << " without an actor pair (no edge), ";
    std::cout << s.malformed << " malformed\n";
    std::cout << "  " << std::fixed << std::setprecision(2) << secs << " s (" << std::setprecision(0) << rate
              << " events/s)\n";
    if (!s.timeUnit.empty())
      std::cout << "  time unit: " << s.timeUnit << (s.timeUnitGuessed ? " (guessed; --time-unit to override)" : "")
                << ", epoch " << o.epoch.toString() << "\n";
  }
  if (s.malformed) {
    std::cerr << "kg: warning: skipped " << s.malformed << " malformed row" << (s.malformed == 1 ? "" : "s")
              << " (--strict to refuse the import instead):\n";
    for (const auto& e : s.examples) std::cerr << "  " << e << "\n";
    if (s.malformed > s.examples.size()) std::cerr << "  ... " << (s.malformed - s.examples.size()) << " more\n";
  }
  if (s.noActorPair) {
    std::cerr << "kg: note: " << s.noActorPair << " row" << (s.noActorPair == 1 ? "" : "s")
              << " name fewer than two distinct actors (no edge; the actor named is kept):\n";
    for (const auto& e : s.noActorPairExamples) std::cerr << "  " << e << "\n";
    if (s.noActorPair > s.noActorPairExamples.size())
      std::cerr << "  ... " << (s.noActorPair - s.noActorPairExamples.size()) << " more\n";
  }
  if (s.malformed > 0 && s.malformed == s.rows)
    return ctx.fail("no row of the input could be read (" + std::to_string(s.malformed) + " malformed)");
  return 0;
}

}  // namespace

void registerImportCommands(CLI::App& app, CliContext& ctx) {
  auto args = std::make_shared<ImportArgs>();
  auto* cmd = app.add_subcommand("import", "bulk-load event data (TKG, ICEWS, GDELT, PLOVER/POLECAT, a CSV edge list) "
                                          "or restore a jsonl export");
  cmd->add_option("--format", args->format,
                  "auto (default: what the file says it is), tkg (quadruple files + entity2id/relation2id, or an "
                  "events_named.tsv), icews (event rows), gdelt (1.0/2.0 rows, or a headed CSV), plover (JSON "
                  "records, one per line), csv (an edge list, with --map) or jsonl (kg export --format jsonl, into "
                  "an empty database)");
  cmd->add_option("path", args->path, "tkg: the directory or events_named file; jsonl: the file, - for stdin; "
                                      "others: the file")->required();
  cmd->add_option("--map", args->map,
                  "csv: which column holds what: src=COL,dst=COL[,date=COL][,cameo=COL][,type=COL][,mode=COL]"
                  "[,id=COL][,text=COL][,attr.NAME=COL...] (src, dst and cameo or type required)");
  cmd->add_option("--file", args->files, "tkg: quadruple file(s) in the directory (default: train/valid/test.txt)");
  cmd->add_option("--time-unit", args->timeUnit, "tkg: unit of the time column: minutes, hours or days "
                                                 "(default: guessed from the step of the values)");
  cmd->add_option("--epoch", args->epoch, "tkg: the date of time 0 (default 2018-01-01)");
  cmd->add_option("--cameo-dir", args->cameoDir,
                  "directory with cameo_codes_goldstein.tsv (default: $KG_CAMEO_DIR, else a cameo/ folder beside "
                  "the data, else ../shared/data/cameo)");
  cmd->add_flag("--strict", args->strict, "refuse the whole import (nothing stored) on any malformed line");
  cmd->add_flag("--no-evidence", args->noEvidence,
                "store no evidence records (fastest; by default each event keeps one: doc "
                "tkg:<set>/<file> or csv:<file> with the line number, or icews:/gdelt:/plover:<event id>, the "
                "event name, and the row's fields as attributes (README); without them identical events of "
                "one day count as merged)");
  cmd->add_option("--examples", args->examples, "malformed lines quoted in the summary (default 10)");
  cmd->callback([&ctx, cmd, args] { ctx.exitCode = runImport(ctx, cmd, *args); });
}

}  // namespace kg::cli
