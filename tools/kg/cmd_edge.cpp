// kg edge add, kg edges.

#include "tools/kg/cli.h"

namespace kg::cli {

namespace {

struct EdgeAddArgs {
  std::string src, type, dst, from, to, evidence, doc, mode, cameo, title;
  float confidence = 1.0f;
};

int edgeAdd(CliContext& ctx, const EdgeAddArgs& a) {
  auto type = parseEdgeType(a.type);
  if (!type) return ctx.usage(type.status());
  auto from = parseDateOption(a.from, "--from");
  if (!from) return ctx.usage(from.status());
  auto to = parseDateOption(a.to, "--to");
  if (!to) return ctx.usage(to.status());
  if (*from && *to && (*to)->lastDay() < (*from)->days())
    return ctx.usage("the edge ends (--to " + a.to + ") before it starts (--from " + a.from + ")");
  if (!(a.confidence >= 0.0f && a.confidence <= 1.0f))
    return ctx.usage("--confidence " + std::to_string(a.confidence) + " is outside 0..1");
  auto srcRef = core::ActorRef::parseArg(a.src);
  if (!srcRef) return ctx.usage(srcRef.status());
  auto dstRef = core::ActorRef::parseArg(a.dst);
  if (!dstRef) return ctx.usage(dstRef.status());
  auto engine = ctx.engine(true);
  if (!engine) return ctx.failOpen(engine.status());
  auto src = storedActor(**engine, *srcRef);
  if (!src) return ctx.failLookup(src.status());
  auto dst = storedActor(**engine, *dstRef);
  if (!dst) return ctx.failLookup(dst.status());
  Edge e;
  e.src = src->id;
  e.dst = dst->id;
  e.type = type.value();
  e.mode = a.mode;
  e.cameo = a.cameo;
  e.title = a.title;
  e.confidence = a.confidence;
  e.when.from = from->value_or(Date());
  // A point event: --from alone also ends there; standing relations stay open.
  e.when.to = to->has_value() ? **to : (isStandingType(e.type) ? Date() : e.when.from);
  if (!a.evidence.empty() || !a.doc.empty()) {
    Evidence ev;
    ev.doc = a.doc;
    ev.text = a.evidence;
    ev.end = static_cast<uint32_t>(a.evidence.size());
    e.evidence.push_back(ev);
  }
  auto added = (*engine)->addEdge(e);
  if (!added) return ctx.fail(added.status());
  if (ctx.json) {
    ctx.printJson(edgeJson(ctx, added.value()));
  } else {
    std::cout << "edge " << added->id << ": " << src->name << " " << edgeTypeName(added->type) << " " << dst->name
              << " (" << added->evidence.size() << " evidence)\n";
  }
  return 0;
}

struct EdgesArgs {
  std::string actor;
  FilterArgs f;
  size_t limit = 0;
  size_t evidence = 3;
};

int listEdges(CliContext& ctx, const CLI::App* cmd, const EdgesArgs& a) {
  core::EdgeQuery q;
  auto filter = toFilter(a.f);
  if (!filter) return ctx.usage(filter.status());
  if (a.actor.empty() && cmd->count("--direction"))
    return ctx.usage("--direction needs --actor NAME (edges out of or into that actor)");
  q.filter = *filter;
  // One more than shown tells whether --limit cut the listing; with --actor
  // all of them are read, to say how many were left out.
  q.limit = a.limit == 0 || !a.actor.empty() ? 0 : a.limit + 1;
  q.evidence = a.evidence;
  auto ref = core::ActorRef::parseArg(a.actor);
  if (!ref) return ctx.usage(ref.status());
  q.actor = *ref;
  auto api = ctx.api();
  if (!api) return ctx.fail(api.status());
  if (ctx.json) {  // written as it is read, not held
    if (!a.limit)
      return printEdgesStreamed(ctx, nullptr, [&](const auto& visit) { return (*api)->forEachEdge(q, visit); });
    // --limit: an object saying how many edges match and how many were left
    // out; the count is read first (GraphApi::countEdges), then the listing.
    auto matched = (*api)->countEdges(q);
    if (!matched) return ctx.failLookup(matched.status());
    nlohmann::json doc = {{"edges", nullptr}, {"matched", *matched}};
    if (*matched > a.limit) doc["left_out"] = *matched - a.limit;
    return printEdgesStreamed(
        ctx, doc, [&](const auto& visit) { return (*api)->forEachEdge(q, visit); }, a.limit);
  }
  auto edges = (*api)->edges(q);
  if (!edges) return ctx.failLookup(edges.status());
  size_t total = edges->size();
  const size_t shown = a.limit ? std::min(a.limit, total) : total;
  std::vector<Edge> cut(edges->begin(), edges->begin() + static_cast<std::ptrdiff_t>(shown));
  if (shown < total && a.actor.empty()) {  // the listing stopped at --limit + 1: count the rest
    auto matched = (*api)->countEdges(q);
    if (!matched) return ctx.failLookup(matched.status());
    total = std::max<size_t>(*matched, shown);
  }
  printEdgeTable(ctx, cut, 0, "edges", true);
  if (shown < total) std::cout << leftOutLine(total - shown, "edges") << "\n";
  return 0;
}

}  // namespace

void registerEdgeCommands(CLI::App& app, CliContext& ctx) {
  auto* edge = app.add_subcommand("edge", "manage edges");
  edge->require_subcommand(1);
  auto* add = edge->add_subcommand("add", "add a typed, dated edge (merged into an identical stored fact)");
  auto args = std::make_shared<EdgeAddArgs>();
  add->add_option("SRC", args->src, "source actor (name or alias, or #ID)")->required();
  add->add_option("TYPE", args->type, "edge type: " + edgeTypeList())->required();
  add->add_option("DST", args->dst, "target actor (name or alias, or #ID)")->required();
  add->add_option("--from", args->from, "start date YYYY[-MM[-DD]]");
  add->add_option("--to", args->to, "end date YYYY[-MM[-DD]] (default: --from for events, open for offices)");
  add->add_option("--evidence", args->evidence, "the sentence this fact was read from");
  add->add_option("--doc", args->doc, "document id of the evidence");
  add->add_option("--mode", args->mode, "PLOVER mode, e.g. drone");
  add->add_option("--cameo", args->cameo, "CAMEO code, e.g. 183");
  add->add_option("--title", args->title, "office title for OFFICIAL_OF / LEADER_OF");
  add->add_option("--confidence", args->confidence, "0..1 (default 1)");
  add->callback([&ctx, args] { ctx.exitCode = edgeAdd(ctx, *args); });

  auto* list = app.add_subcommand("edges", "list edges");
  auto la = std::make_shared<EdgesArgs>();
  list->add_option("--actor", la->actor, "only edges touching this actor (a name, or #ID)");
  addFilterOptions(list, la->f);
  list->add_option("--limit", la->limit, "list at most this many edges (default: all)")->check(countCheck());
  list->add_option("--evidence", la->evidence,
                   "evidence snippets per edge (default 3; the table shows the first, --json all of them)")
      ->check(countCheck());
  list->callback([&ctx, list, la] { ctx.exitCode = listEdges(ctx, list, *la); });
}

}  // namespace kg::cli
