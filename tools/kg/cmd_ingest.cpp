// kg ingest PATH... [--date D] [--actors FILE]... [--petrarch FILE]...
//   [--verbs FILE]... [--agents FILE]... [--discards FILE]... [--known-actors named|all]
// kg --remote HOST:PORT ingest PATH...: reads the inputs here and sends the
// documents to kgd, whose extractor turns them into actors and edges.
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>

#include "core/local_ingest.h"
#include "rpc/client.h"
#include "tools/kg/cli.h"

namespace kg::cli {

namespace {

constexpr size_t kMaxWarningsShown = 50;

struct IngestArgs {
  std::vector<std::string> paths;
  std::string date;
  std::vector<std::string> actorFiles;
  std::vector<std::string> petrarchFiles;
  std::vector<std::string> verbFiles;
  std::vector<std::string> agentFiles;
  std::vector<std::string> discardFiles;
  bool noDefaultActors = false;
  size_t threads = 1;
  std::string knownActors = "named";
};

nlohmann::json summaryToJson(const core::IngestSummary& s, double seconds, const std::string& db) {
  return {{"db", db},
          {"files", s.files},
          {"documents", s.documents},
          {"bytes", s.bytes},
          {"articles", s.articles},
          {"articlesStored", s.articlesStored},
          {"articlesSkipped", s.articlesSkipped},
          {"articlesFailed", s.articlesFailed},
          {"actorsNew", s.actorsNew},
          {"actorsKnown", s.actorsKnown},
          {"edgesNew", s.edgesNew},
          {"edgesMerged", s.edgesMerged},
          {"evidenceNew", s.evidenceNew},
          {"warnings", s.warnings},
          {"seconds", seconds}};
}

void printSummary(const core::IngestSummary& s, double seconds) {
  std::printf("read      %llu file(s), %llu document(s), %.2f MB in %.2f s\n", static_cast<unsigned long long>(s.files),
              static_cast<unsigned long long>(s.documents), static_cast<double>(s.bytes) / 1e6, seconds);
  std::printf("articles  %llu found: %llu stored, %llu already stored, %llu failed\n",
              static_cast<unsigned long long>(s.articles), static_cast<unsigned long long>(s.articlesStored),
              static_cast<unsigned long long>(s.articlesSkipped), static_cast<unsigned long long>(s.articlesFailed));
  std::printf("actors    %llu new, %llu known\n", static_cast<unsigned long long>(s.actorsNew),
              static_cast<unsigned long long>(s.actorsKnown));
  std::printf("edges     %llu new, %llu merged into known facts (%llu new evidence)\n",
              static_cast<unsigned long long>(s.edgesNew), static_cast<unsigned long long>(s.edgesMerged),
              static_cast<unsigned long long>(s.evidenceNew));
  std::printf("warnings  %zu\n", s.warnings.size());
}

// Warnings on stderr (at most kMaxWarningsShown), the summary on stdout, and
// the exit code of a run over args.paths.
int report(CliContext& ctx, const IngestArgs& args, const core::IngestSummary& s, double seconds,
           const Status& status) {
  const std::string where = ctx.where();
  if (!ctx.json) {
    for (size_t i = 0; i < s.warnings.size() && i < kMaxWarningsShown; ++i)
      std::cerr << "kg: warning: " << s.warnings[i] << "\n";
    if (s.warnings.size() > kMaxWarningsShown)
      std::cerr << "kg: warning: ... and " << s.warnings.size() - kMaxWarningsShown
                << " more (use --json to see them all)\n";
  }
  if (!status.isOk()) {
    if (ctx.json) ctx.printJson(summaryToJson(s, seconds, where));
    // A remote ingest's error says itself what kgd confirmed (rpc::Client::ingest).
    if (!ctx.remote.empty()) return ctx.fail(Status(status.code(), "remote ingest stopped: " + status.message()));
    return ctx.fail(Status(status.code(), "ingest stopped after " + std::to_string(s.articlesStored) +
                                              " stored article(s): " + status.message()));
  }
  if (ctx.json)
    ctx.printJson(summaryToJson(s, seconds, where));
  else
    printSummary(s, seconds);
  if (s.documents == 0) {
    std::string joined;
    for (const auto& p : args.paths) joined += (joined.empty() ? "" : ", ") + p;
    return ctx.fail("nothing could be read from " + joined + " (see the warnings above)");
  }
  if (s.articles == 0) return ctx.fail("no article text found in the input (see the warnings above)");
  return 0;
}

// --remote: the server's extractor (its dictionaries, its one thread) does the
// work, so the options that configure a local extractor do not apply.
int ingestRemote(CliContext& ctx, const IngestArgs& args) {
  auto refuse = [&](const char* option) {
    return ctx.usage(std::string(option) + " configures a local ingest; kgd at " + ctx.remote +
                    " uses its own settings (drop " + option + ", or ingest with --db PATH)");
  };
  if (!args.date.empty()) return refuse("--date");
  if (!args.actorFiles.empty()) return refuse("--actors");
  if (!args.petrarchFiles.empty()) return refuse("--petrarch");
  if (!args.verbFiles.empty()) return refuse("--verbs");
  if (!args.agentFiles.empty()) return refuse("--agents");
  if (!args.discardFiles.empty()) return refuse("--discards");
  if (args.noDefaultActors) return refuse("--no-default-actors");
  if (args.threads != 1) return refuse("--threads");
  if (args.knownActors != "named") return refuse("--known-actors");  // kgd's ingest reads the named ones
  auto api = ctx.api();
  if (!api) return ctx.fail(api.status());

  const auto start = std::chrono::steady_clock::now();
  // Documents read here, then documents kgd stored of those sent (as kgd
  // reports them during each call, and confirmed by each call's answer).
  Progress progress(ctx, "ingest", "documents", 0);
  std::vector<core::IngestDocument> docs;
  core::IngestSummary s;
  const core::ReadCounts read = core::readDocuments(
      args.paths,
      [&](core::IngestDocument&& doc) {
        progress.add(1);
        docs.push_back(std::move(doc));
      },
      &s.warnings);
  s.files = read.files;
  s.documents = read.documents;
  s.bytes = read.bytes;
  Status status;
  if (!docs.empty()) {
    auto* client = dynamic_cast<rpc::Client*>(*api);
    if (progress.shown() && client) {
      progress.restart("documents", 0, docs.size(), "stored by kgd");
      client->setIngestProgress([&progress](uint64_t done, uint64_t) { progress.set(done); });
    }
    auto sent = (*api)->ingest(docs);
    if (client) client->setIngestProgress({});
    progress.finish();
    if (sent) {
      s.articles = sent->articles;
      s.articlesSkipped = sent->articlesSkipped;
      s.articlesStored = sent->articles - std::min(sent->articlesSkipped, sent->articles);
      s.actorsNew = sent->actorsNew;
      s.edgesNew = sent->edgesNew;
      s.evidenceNew = sent->evidenceNew;
      for (auto& w : sent->warnings) s.warnings.push_back(std::move(w));
    } else {
      status = sent.status();
    }
  }
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return report(ctx, args, s, seconds, status);
}

// The bytes of the regular files under `paths` that readInputs walks
// (hidden entries skipped); stdin ("-") and unreadable paths count 0.
uint64_t inputBytes(const std::vector<std::string>& paths) {
  namespace fs = std::filesystem;
  uint64_t total = 0;
  std::error_code ec;
  for (const auto& p : paths) {
    if (p == "-") continue;
    if (fs::is_regular_file(p, ec)) {
      total += fs::file_size(p, ec);
      continue;
    }
    if (!fs::is_directory(p, ec)) continue;
    for (auto it = fs::recursive_directory_iterator(p, ec); !ec && it != fs::recursive_directory_iterator();
         it.increment(ec)) {
      const std::string name = it->path().filename().string();
      if (!name.empty() && name[0] == '.') {
        if (it->is_directory(ec)) it.disable_recursion_pending();
        continue;
      }
      if (it->is_regular_file(ec)) total += it->file_size(ec);
    }
  }
  return total;
}

int ingest(CliContext& ctx, const IngestArgs& args) {
  if (!ctx.remote.empty()) return ingestRemote(ctx, args);
  auto date = parseDateOption(args.date, "--date");
  if (!date) return ctx.usage(date.status());

  core::DictionaryOptions xo;
  xo.loadDefaultDictionary = !args.noDefaultActors;
  xo.actorFiles = args.actorFiles;
  xo.petrarchFiles = args.petrarchFiles;
  xo.verbFiles = args.verbFiles;
  xo.agentFiles = args.agentFiles;
  xo.discardFiles = args.discardFiles;
  auto ingestor = core::LocalIngest::create(xo);
  if (!ingestor) return ctx.fail(ingestor.status());
  // Dictionary lines that could not be read were skipped: say which.
  const auto& warnings = (*ingestor)->dictionaryWarnings();
  constexpr size_t kShownWarnings = 20;
  for (size_t i = 0; i < warnings.size() && i < kShownWarnings; ++i)
    std::cerr << "warning: " << warnings[i] << "\n";
  if (warnings.size() > kShownWarnings)
    std::cerr << "warning: ... and " << warnings.size() - kShownWarnings << " more dictionary lines skipped\n";

  auto engine = ctx.engine(true);
  if (!engine) return ctx.failOpen(engine.status());
  core::IngestOptions io;
  if (date->has_value()) io.defaultDate = **date;
  if (args.threads == 0) return ctx.usage("--threads must be at least 1");
  io.threads = args.threads;
  io.knownActors = args.knownActors == "all" ? core::KnownActors::kAll : core::KnownActors::kNamed;
  if (Status opened = (*ingestor)->open(**engine, io); !opened.isOk()) return ctx.fail(opened);

  const auto start = std::chrono::steady_clock::now();
  // Documents read so far, and their text's bytes of the inputs' size: the
  // rate and ETA go by bytes (documents differ in length; their number is
  // known only once read). The text is a little less than the files it
  // comes from (markup, JSON), so the ETA errs short.
  // The total is known before the first line is drawn (walked only when
  // lines can be drawn).
  const bool drawn = !ctx.quiet && !ctx.json && isatty(STDERR_FILENO);
  Progress progress(ctx, "ingest", "bytes", drawn ? inputBytes(args.paths) : 0, "documents");
  core::IngestProgress onProgress;
  if (progress.shown()) {
    onProgress = [&progress](const core::IngestSummary& s) {
      progress.setItems(s.documents);
      progress.set(s.textBytes);
    };
  }
  const Status status = (*ingestor)->ingestPaths(args.paths, onProgress);
  progress.finish();
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return report(ctx, args, (*ingestor)->summary(), seconds, status);
}

}  // namespace

void registerIngestCommands(CLI::App& app, CliContext& ctx) {
  auto* cmd =
      app.add_subcommand("ingest",
                         "read news text (files, directories, '-' for stdin; text, HTML or JSON Lines) into the graph; "
                         "content already stored is skipped");
  auto args = std::make_shared<IngestArgs>();
  cmd->add_option("PATH", args->paths, "files or directories to read ('-' reads stdin)")->required();
  cmd->add_option("--date", args->date, "date (YYYY-MM-DD, YYYY-MM or YYYY) for articles that carry none");
  cmd->add_option("--actors", args->actorFiles, "an actor dictionary file (repeatable)");
  cmd->add_option("--petrarch", args->petrarchFiles, "a PETRARCH actor dictionary (repeatable)");
  cmd->add_option("--verbs", args->verbFiles,
                  "a PETRARCH verb dictionary (CAMEO.2.0.txt format), consulted after ours (repeatable)");
  cmd->add_option("--agents", args->agentFiles, "a PETRARCH agent dictionary (Phoenix.agents.txt format) (repeatable)");
  cmd->add_option("--discards", args->discardFiles,
                  "a PETRARCH discard list (Phoenix.discards.txt format): sentences or stories to skip (repeatable)");
  cmd->add_option("--threads", args->threads,
                  "extraction threads (default 1: each article sees the actors of the ones before it)")
      ->check(countCheck());
  cmd->add_option("--known-actors", args->knownActors,
                  "which stored actors the extractor is told of: 'named' (default: those each article names, "
                  "looked up by name) or 'all' (every stored actor, read at start: slow on a large database; "
                  "the same graph)")
      ->check(CLI::IsMember({"named", "all"}));
  cmd->add_flag("--no-default-actors", args->noDefaultActors, "do not load the project's own actor dictionary");
  cmd->callback([&ctx, args] { ctx.exitCode = ingest(ctx, *args); });
}

}  // namespace kg::cli
