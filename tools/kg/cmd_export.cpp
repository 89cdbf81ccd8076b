// kg export: the whole graph, or a filtered part of it, in the formats
// analysts' tools read (engine/export/README.md), streamed to a file, stdout
// or a directory.
#include <unistd.h>

#include <algorithm>
#include <sstream>

#include "export/exporter.h"
#include "tools/kg/cli.h"

namespace kg::cli {

namespace {

struct ExportArgs {
  std::string format, out, types, cameo, from, to, actor, direction = "both";
  bool undated = false;
  bool collapse = false;
  float minConfidence = 0.0f;
  int depth = -1;  // -1: not given
  uint64_t limit = UINT64_MAX;
  std::string space = "actorgraph";
  int partitions = 10;
};

std::vector<std::string> splitList(const std::string& text) {
  std::vector<std::string> out;
  std::stringstream ss(text);
  std::string x;
  while (std::getline(ss, x, ','))
    if (!x.empty()) out.push_back(x);
  return out;
}

int runExport(CliContext& ctx, CLI::App* cmd, const ExportArgs& a) {
  auto format = exports::parseFormat(a.format);
  if (!format) return ctx.usage(format.status());
  exports::ExportRequest req;
  req.format = *format;
  req.out = a.out;
  exports::Selection& sel = req.selection;
  auto types = parseTypeList(a.types);
  if (!types) return ctx.usage(Status::invalidArgument("--type: " + types.status().message()));
  sel.filter.types = std::move(types).value();
  if (Status s = parseWindow(a.from, a.to, a.undated, &sel.filter); !s.isOk()) return ctx.usage(s);
  if (a.undated && a.from.empty() && a.to.empty())
    return ctx.usage("--undated only applies with a window (--from/--to): without one every edge is exported");
  if (!(a.minConfidence >= 0.0f && a.minConfidence <= 1.0f))
    return ctx.usage("--min-confidence " + std::to_string(a.minConfidence) + " is outside 0..1");
  sel.filter.minConfidence = a.minConfidence;
  sel.cameoPrefixes = splitList(a.cameo);
  for (const auto& p : sel.cameoPrefixes)
    if (p.find_first_not_of("0123456789") != std::string::npos)
      return ctx.usage("--cameo: '" + p + "' is not a CAMEO code prefix (digits, e.g. 18 or 190)");
  auto dir = query::parseDirection(a.direction);
  if (!dir) return ctx.usage(dir.status());
  sel.filter.direction = *dir;
  sel.limit = a.limit;
  sel.collapse = a.collapse;
  req.nebula.space = a.space;
  req.nebula.partitions = a.partitions;
  if (a.actor.empty()) {
    if (a.depth >= 0) return ctx.usage("--depth needs --actor NAME (the actor whose neighbourhood is exported)");
    if (cmd->count("--direction")) return ctx.usage("--direction needs --actor NAME");
  } else if (a.depth > 8) {
    return ctx.usage("--depth " + std::to_string(a.depth) + " is beyond the largest depth 8");
  }
  if (*format != exports::Format::kNebula)
    for (const char* opt : {"--space", "--partitions"})
      if (cmd->count(opt)) return ctx.usage(std::string(opt) + " only applies to --format nebula");
  if (a.space.empty() || a.space.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_") !=
                             std::string::npos)
    return ctx.usage("--space '" + a.space + "' is not a NebulaGraph space name (letters, digits, _)");
  if (a.partitions < 1) return ctx.usage("--partitions must be at least 1");

  auto root = core::ActorRef::parseArg(a.actor);
  if (!root) return ctx.usage(root.status());
  auto engine = ctx.engine(false);
  if (!engine) return ctx.failOpen(engine.status());
  std::string description = "kg export --format " + a.format;
  if (!a.actor.empty()) {
    auto who = storedActor(**engine, *root);
    if (!who) return ctx.failLookup(who.status());
    sel.root = who->id;
    sel.depth = a.depth < 0 ? 1 : a.depth;
    description += " --actor '" + who->name + "' --depth " + std::to_string(sel.depth);
  }
  for (auto [opt, val] : {std::pair{"--type", &a.types}, {"--cameo", &a.cameo}, {"--from", &a.from}, {"--to", &a.to}})
    if (!val->empty()) description += std::string(" ") + opt + " " + *val;
  if (a.minConfidence > 0) description += " --min-confidence " + std::to_string(a.minConfidence);
  if (a.limit != UINT64_MAX) description += " --limit " + std::to_string(a.limit);
  if (a.collapse) description += " --collapse";
  req.description = description;

  // The total (a whole-graph export: the store's edges) is known before the
  // first line is drawn; read only when lines can be drawn.
  uint64_t total = 0;
  if (!ctx.quiet && !ctx.json && isatty(STDERR_FILENO) && sel.wholeGraph()) {
    auto st = (*engine)->store().stats();
    if (st) total = std::min<uint64_t>(st->edges, a.limit);
  }
  Progress progress(ctx, "export", "edges", total);
  if (progress.shown()) {
    req.progress = [&progress](uint64_t edges) { progress.set(edges); };
  }
  auto r = exports::exportGraph((*engine)->store(), req);
  progress.finish();
  // InvalidArgument: options that do not go together (a usage error).
  if (!r) return r.status().code() == StatusCode::kInvalidArgument ? ctx.usage(r.status()) : ctx.failLookup(r.status());
  if (r->truncated)
    std::cerr << "kg: warning: the export was cut at --limit " << a.limit << " edges; more edges match"
              << " (the file says so: truncated)\n";
  if (r->skipped)
    std::cerr << "kg: warning: " << r->skipped << " edges written to the database during the export were left out"
              << " (their actors came after the export had listed its actors)\n";
  const bool toStdout = !exports::writesDirectory(*format) && (a.out.empty() || a.out == "-");
  if (ctx.json) {
    nlohmann::json j = {{"format", a.format}, {"out", toStdout ? "-" : a.out}, {"actors", r->actors},
                        {"edges", r->edges},   {"documents", r->documents},        {"truncated", r->truncated}};
    if (toStdout) std::cerr << j.dump() << "\n";  // stdout holds the export itself
    else ctx.printJson(j);
  } else if (!toStdout) {
    std::cout << "exported " << r->actors << " actors, " << r->edges << " edges"
              << (r->documents ? ", " + std::to_string(r->documents) + " documents" : "") << " as " << a.format
              << " to " << a.out << (r->truncated ? " (truncated)" : "") << "\n";
  }
  return 0;
}

}  // namespace

void registerExportCommands(CLI::App& app, CliContext& ctx) {
  auto a = std::make_shared<ExportArgs>();
  auto* cmd = app.add_subcommand("export", "write the graph, or a filtered part of it, for other tools");
  cmd->add_option("--format", a->format, std::string("output format: ") + exports::kFormatList)->required();
  cmd->add_option("--out", a->out,
                  "output file (default: standard output); csv, neo4j and nebula: a directory (created)");
  cmd->add_option("--type", a->types, "only these edge types, comma-separated (" + edgeTypeList() + ")");
  cmd->add_option("--cameo", a->cameo, "only edges whose CAMEO code starts with one of these, comma-separated (18,19)");
  cmd->add_option("--from", a->from, "window start YYYY[-MM[-DD]]: edges whose dates overlap the window");
  cmd->add_option("--to", a->to, "window end YYYY[-MM[-DD]]");
  cmd->add_flag("--undated", a->undated, "with a window, also export edges with no known date");
  cmd->add_option("--min-confidence", a->minConfidence, "only edges of at least this confidence (0..1)");
  cmd->add_option("--actor", a->actor, "only the neighbourhood of this actor (name or alias, or #ID)");
  cmd->add_option("--depth", a->depth, "with --actor: hops (0..8, default 1)")->check(countCheck());
  cmd->add_option("--direction", a->direction, "with --actor: walk edges out, in or both (default)")
      ->check(CLI::IsMember({"out", "in", "both"}));
  cmd->add_option("--limit", a->limit, "at most this many edges; a cut output says so")->check(countCheck());
  cmd->add_flag("--collapse", a->collapse,
                "merge parallel edges of one type between the same pair into one edge weighted by their number");
  cmd->add_option("--space", a->space, "nebula: the space name (default actorgraph)");
  cmd->add_option("--partitions", a->partitions, "nebula: partition_num of the space (default 10)")
      ->check(countCheck());
  cmd->callback([&ctx, cmd, a] { ctx.exitCode = runExport(ctx, cmd, *a); });
}

}  // namespace kg::cli
