// kg neighbors, path, timeline, asof, rank, components: the query commands,
// asked of core::GraphApi (CliContext::api()): core::LocalGraph over the local
// database, or an rpc::Client of the kgd at --remote. One implementation and
// one printing path serve both, so a remote answer prints byte for byte what
// the local one prints (tests/rpc/kg_remote_test.cpp).
#include <algorithm>
#include <tuple>
#include <map>

#include "tools/kg/cli.h"
#include "tools/kg/graph_output.h"
#include "tools/kg/table.h"
#include "query/limits.h"

namespace kg::cli {

namespace {

// Options of the query commands that draw or list edges.
struct OutputArgs {
  std::string format = "table";
  size_t evidence = 1;
};

void addEvidenceOption(CLI::App* cmd, OutputArgs& a) {
  cmd->add_option("--evidence", a.evidence,
                  "evidence snippets per edge (default 1; the table shows the first, --json all of them)")
      ->check(countCheck());
}

void addFormatOption(CLI::App* cmd, OutputArgs& a) {
  cmd->add_option("--format", a.format, "table (default), json, dot or graphml")
      ->check(CLI::IsMember({"table", "json", "dot", "graphml"}));
}

// The output format, or "" after a usage error: --json with --format
// dot/graphml/table, or --evidence with --format dot (a DOT drawing carries
// no evidence: the option would be accepted and ignored).
std::string format(CliContext& ctx, const CLI::App* cmd, const OutputArgs& a) {
  if (ctx.json && cmd->count("--format") && a.format != "json") {
    ctx.exitCode = ctx.usage("--json and --format " + a.format + " ask for two outputs; give one of them");
    return "";
  }
  if (!ctx.json && a.format == "dot" && cmd->count("--evidence")) {
    ctx.exitCode = ctx.usage(
        "--evidence does not apply to --format dot: a DOT drawing carries no evidence (--format graphml carries "
        "each edge's first snippet, --json all of them)");
    return "";
  }
  return ctx.json ? "json" : a.format;
}

// A cut answer (`truncated`, because of `cutBy`) says so in the drawing and on stderr.
bool printDrawing(const std::string& format, const std::vector<Actor>& actors, const std::vector<Edge>& edges,
                  bool truncated, const std::string& cutBy) {
  if (format != "dot" && format != "graphml") return false;
  std::cout << (format == "dot" ? toDot(actors, edges, truncated, cutBy) : toGraphml(actors, edges, truncated, cutBy));
  if (truncated) std::cerr << "kg: warning: the drawing is truncated: " << cutBy << "\n";
  return true;
}

// A count option within 1..max, else a usage error naming it.
Status inRange(const char* option, long long value, long long max) {
  if (value < 1) return Status::invalidArgument(std::string(option) + " must be at least 1");
  if (value > max)
    return Status::invalidArgument(std::string(option) + " " + std::to_string(value) + " is beyond the maximum " +
                                   std::to_string(max));
  return Status::ok();
}

// --- neighbors --------------------------------------------------------------
struct NeighborsArgs {
  std::string name;
  int depth = 1;
  size_t limit = 500;
  size_t fanout = 100;
  FilterArgs f;
  OutputArgs o;
};

int neighbors(CliContext& ctx, const CLI::App* cmd, const NeighborsArgs& a) {
  const std::string fmt = format(ctx, cmd, a.o);
  if (fmt.empty()) return ctx.exitCode;
  auto filter = toFilter(a.f);
  if (!filter) return ctx.usage(filter.status());
  if (Status s = inRange("--depth", a.depth, query::kMaxDepth); !s.isOk()) return ctx.usage(s);
  if (Status s = inRange("--limit", static_cast<long long>(a.limit), query::kMaxNodeLimit); !s.isOk())
    return ctx.usage(s);
  if (Status s = inRange("--fanout", static_cast<long long>(a.fanout), query::kMaxFanout); !s.isOk())
    return ctx.usage(s);
  auto ref = core::ActorRef::parseArg(a.name);
  if (!ref) return ctx.usage(ref.status());
  auto api = ctx.api();
  if (!api) return ctx.fail(api.status());
  core::NeighbourQuery q;
  q.actor = *ref;
  q.options.depth = a.depth;
  q.options.limit = a.limit;
  q.options.fanout = a.fanout;
  q.options.filter = *filter;
  q.evidence = a.o.evidence;
  if (fmt == "table") q.edgeLimit = a.limit;   // the table shows that many edges and counts the rest
  Progress progress(ctx, "neighbors", "", 0);  // elapsed time, building the graph snapshot included
  auto r = (*api)->neighbours(q);
  progress.finish();
  if (!r) return ctx.failLookup(r.status());
  const auto& actors = r->nodes;
  const auto& edges = r->edges;
  if (printDrawing(fmt, actors, edges, r->truncated,
                   "more actors are within reach than --limit " + std::to_string(a.limit) + " / --fanout " +
                       std::to_string(a.fanout) + " allow"))
    return 0;
  if (fmt == "json") {
    // Each edge is written as it is made, not held in one document with the
    // others: the bytes printJson would print, for a fraction of the memory.
    nlohmann::json nodes = nlohmann::json::array();
    for (const auto& x : actors) nodes.push_back(actorJson(x));
    return printEdgesStreamed(ctx, {{"nodes", nodes}, {"truncated", r->truncated}},
                              [&](const std::function<bool(Edge&)>& visit) {
                                for (Edge& e : r->edges)
                                  if (!visit(e)) break;
                                return Status::ok();
                              });
  }
  std::cout << actors.size() << " actors within " << a.depth << " hop" << (a.depth == 1 ? "" : "s") << " of "
            << actors.front().name << ", " << r->edgeCount << " edges"
            << (r->truncated ? " (truncated: raise --limit/--fanout for more)" : "") << "\n\n";
  Table t({{"HOPS", 4, true}, {"ACTOR", 40}, {"KIND", 16}});
  for (size_t i = 0; i < actors.size(); ++i)
    t.addRow({std::to_string(r->depths[i]), actors[i].name, actorKindName(actors[i].kind)});
  t.print(std::cout);
  std::cout << "\n";
  printEdgeTable(ctx, edges, a.limit, "edges", false, r->edgeCount);
  return 0;
}

// --- path -------------------------------------------------------------------
struct PathArgs {
  std::string a, b, mode = "shortest";
  int k = 3;
  int maxDepth = 6;
  size_t maxPaths = 100;
  FilterArgs f;
  OutputArgs o;
};

int path(CliContext& ctx, const CLI::App* cmd, const PathArgs& a) {
  const std::string fmt = format(ctx, cmd, a.o);
  if (fmt.empty()) return ctx.exitCode;
  auto filter = toFilter(a.f);
  if (!filter) return ctx.usage(filter.status());
  auto mode = query::parsePathMode(a.mode);
  if (!mode) return ctx.usage(mode.status());
  if (cmd->count("--k") && *mode != query::PathMode::kKShortest)
    return ctx.usage("--k applies to --mode k-shortest only (this is --mode " + a.mode + ")");
  if (cmd->count("--max-paths") && *mode != query::PathMode::kAllShortest)
    return ctx.usage("--max-paths applies to --mode all-shortest only (this is --mode " + a.mode + ")");
  if (Status s = inRange("--max-depth", a.maxDepth, query::kMaxDepth); !s.isOk()) return ctx.usage(s);
  if (Status s = inRange("--k", a.k, query::kMaxK); !s.isOk()) return ctx.usage(s);
  if (Status s = inRange("--max-paths", static_cast<long long>(a.maxPaths), query::kMaxPaths); !s.isOk())
    return ctx.usage(s);
  auto from = core::ActorRef::parseArg(a.a);
  if (!from) return ctx.usage(from.status());
  auto to = core::ActorRef::parseArg(a.b);
  if (!to) return ctx.usage(to.status());
  auto api = ctx.api();
  if (!api) return ctx.fail(api.status());
  core::PathQuery q;
  q.from = *from;
  q.to = *to;
  q.options.mode = *mode;
  q.options.filter = *filter;
  q.options.maxDepth = a.maxDepth;
  q.options.k = a.k;
  q.options.maxPaths = a.maxPaths;
  q.evidence = a.o.evidence;
  Progress progress(ctx, "path", "", 0);
  auto r = (*api)->paths(q);
  progress.finish();
  if (!r) return ctx.failLookup(r.status());

  if (fmt == "dot" || fmt == "graphml") {
    // Nodes and edges in snapshot index order, as a drawing of the snapshot
    // lists them: actor-id order for nodes and (source id, stored order) for edges.
    std::map<ActorId, Actor> actors;
    std::map<EdgeId, Edge> edges;
    for (const auto& p : r->paths) {
      for (const auto& n : p.nodes) actors.emplace(n.id, n);
      for (const auto& e : p.edges) edges.emplace(e.id, e);
    }
    std::vector<Actor> av;
    std::vector<Edge> ev;
    for (auto& [id, x] : actors) av.push_back(x);
    for (auto& [id, e] : edges) ev.push_back(e);
    // Stored order: source, type, start date, target.
    std::stable_sort(ev.begin(), ev.end(), [](const Edge& x, const Edge& y) {
      auto key = [](const Edge& e) {
        return std::make_tuple(e.src, static_cast<int>(e.type), e.when.from.known() ? e.when.from.days() : INT32_MIN,
                               e.dst);
      };
      return key(x) < key(y);
    });
    printDrawing(fmt, av, ev, r->truncated, "more paths exist than --max-paths " + std::to_string(a.maxPaths));
    return 0;
  }
  if (fmt == "json") {
    nlohmann::json paths = nlohmann::json::array();
    for (const auto& p : r->paths) {
      nlohmann::json nodes = nlohmann::json::array(), edges = nlohmann::json::array();
      for (const auto& n : p.nodes) nodes.push_back(actorJson(n));
      for (const auto& e : p.edges) edges.push_back(edgeJson(ctx, e));
      nlohmann::json jp = {{"nodes", nodes}, {"edges", edges}};
      if (*mode == query::PathMode::kWeighted) jp["cost"] = p.cost;
      if (*mode == query::PathMode::kTemporal) {
        nlohmann::json days = nlohmann::json::array();
        for (int32_t d : p.days)
          days.push_back(d == core::PathView::kUndated ? nlohmann::json(nullptr)
                                                : nlohmann::json(Date::fromDays(d, DatePrecision::kDay).toString()));
        jp["taken"] = days;
      }
      paths.push_back(jp);
    }
    nlohmann::json out = {{"paths", paths}};
    if (r->truncated) out["truncated"] = true;
    ctx.printJson(out);
    return 0;
  }
  for (size_t i = 0; i < r->paths.size(); ++i) {
    const auto& p = r->paths[i];
    std::cout << (i ? "\n" : "") << "path " << (i + 1) << ": " << p.edges.size() << " hop"
              << (p.edges.size() == 1 ? "" : "s");
    if (*mode == query::PathMode::kWeighted) std::cout << ", cost " << numberText(p.cost);
    std::cout << "\n  " << printable(p.nodes[0].name) << "\n";
    for (size_t j = 0; j < p.edges.size(); ++j) {
      const Edge& e = p.edges[j];
      bool forward = e.src == p.nodes[j].id;
      std::string date = dateText(e.when);
      if (*mode == query::PathMode::kTemporal && p.days[j] != core::PathView::kUndated)
        date += ", taken " + Date::fromDays(p.days[j], DatePrecision::kDay).toString();
      std::cout << "  " << (forward ? "--" : "<-") << edgeTypeName(e.type) << " (" << date << ")"
                << (forward ? "-->" : "--") << " " << printable(p.nodes[j + 1].name) << "\n";
      if (!e.evidence.empty()) std::cout << "      " << evidenceText(e.evidence.front(), 160) << "\n";
    }
  }
  if (r->truncated) std::cout << "\n(more paths exist; raise --max-paths)\n";
  return 0;
}

// --- timeline ---------------------------------------------------------------
struct TimelineArgs {
  std::string name;
  size_t limit = 0;
  FilterArgs f;
  OutputArgs o;
};

int timelineCmd(CliContext& ctx, const TimelineArgs& a) {
  auto filter = toFilter(a.f);
  if (!filter) return ctx.usage(filter.status());
  auto ref = core::ActorRef::parseArg(a.name);
  if (!ref) return ctx.usage(ref.status());
  auto api = ctx.api();
  if (!api) return ctx.fail(api.status());
  auto who = (*api)->actorByRef(*ref);
  if (!who) return ctx.failLookup(who.status());
  core::TimelineQuery q;
  q.actor = core::ActorRef::ofId(who->id);  // the actor shown, whoever else has its name
  q.filter = *filter;
  q.evidence = a.o.evidence;
  if (ctx.json && !a.limit)  // written as it is read; --limit's left_out needs them all
    return printEdgesStreamed(ctx, {{"actor", actorJson(*who)}},
                              [&](const auto& visit) { return (*api)->forEachTimelineEdge(q, visit); });
  Progress progress(ctx, "timeline", "", 0);
  auto edges = (*api)->timeline(q);
  progress.finish();
  if (!edges) return ctx.failLookup(edges.status());
  const size_t total = edges->size();
  if (ctx.json) {
    nlohmann::json es = nlohmann::json::array();
    for (const auto& e : *edges) {
      if (a.limit && es.size() >= a.limit) break;
      es.push_back(edgeJson(ctx, e));
    }
    nlohmann::json out = {{"actor", actorJson(*who)}, {"edges", es}};
    if (es.size() < total) out["left_out"] = total - es.size();
    ctx.printJson(out);
    return 0;
  }
  std::cout << "timeline of " << printable(who->name) << ": " << total << " edges\n\n";
  printEdgeTable(ctx, *edges, a.limit, "edges");
  return 0;
}

// --- asof -------------------------------------------------------------------
struct AsOfArgs {
  std::string date, name;
  size_t limit = 0;
  FilterArgs f;
  OutputArgs o;
};

int asOfCmd(CliContext& ctx, const CLI::App* cmd, const AsOfArgs& a) {
  auto filter = toFilter(a.f, /*hasWindow=*/true);  // --undated: relations with no dates count as held on DATE
  if (!filter) return ctx.usage(filter.status());
  if (a.name.empty() && cmd->count("--direction"))
    return ctx.usage("--direction needs NAME (the actor whose relations are walked out or in)");
  auto day = Date::parse(a.date);
  if (!day) return ctx.usage("DATE: " + day.status().message());
  auto api = ctx.api();
  if (!api) return ctx.fail(api.status());
  core::AsOfQuery q;
  q.date = *day;
  q.filter = *filter;
  q.evidence = a.o.evidence;
  std::string whoName;
  if (!a.name.empty()) {
    auto ref = core::ActorRef::parseArg(a.name);
    if (!ref) return ctx.usage(ref.status());
    auto who = (*api)->actorByRef(*ref);
    if (!who) return ctx.failLookup(who.status());
    q.actor = core::ActorRef::ofId(who->id);
    whoName = who->name;
  }
  Progress progress(ctx, "asof", "", 0);
  auto edges = (*api)->asOf(q);
  progress.finish();
  if (!edges) return ctx.failLookup(edges.status());
  const size_t total = edges->size();
  if (ctx.json) {
    nlohmann::json es = nlohmann::json::array();
    for (const auto& e : *edges) {
      if (a.limit && es.size() >= a.limit) break;
      es.push_back(edgeJson(ctx, e));
    }
    nlohmann::json out = {{"date", day->toString()}, {"edges", es}};
    if (es.size() < total) out["left_out"] = total - es.size();
    ctx.printJson(out);
    return 0;
  }
  std::cout << "as of " << day->toString() << (whoName.empty() ? "" : " for " + printable(whoName)) << ": " << total
            << " standing relations\n\n";
  printEdgeTable(ctx, *edges, a.limit, "relations");
  return 0;
}

// --- rank -------------------------------------------------------------------
struct RankArgs {
  std::string by = "degree";
  size_t top = 20;
  FilterArgs f;
};

int rankCmd(CliContext& ctx, const RankArgs& a) {
  auto filter = toFilter(a.f);
  if (!filter) return ctx.usage(filter.status());
  auto measure = query::parseRankMeasure(a.by);
  if (!measure) return ctx.usage(measure.status());
  auto api = ctx.api();
  if (!api) return ctx.fail(api.status());
  core::RankQuery q;
  q.measure = *measure;
  q.filter = *filter;
  q.top = a.top;
  // Betweenness counts its sources, PageRank its iterations (at most 100; it
  // may converge sooner); degree shows the elapsed time. Remotely kgd runs
  // the ranking and reports the same counts (rpc::Client::rank, at most every
  // 200 ms); a kgd without progress reports leaves the elapsed time.
  // The first report starts the count (locally 0 sources or 1 iteration;
  // remotely whatever kgd had reached when it sent its first).
  Progress progress(ctx, "rank --by " + a.by, "", 0);
  bool started = false;
  if (progress.shown() && *measure != query::RankMeasure::kDegree) {
    const std::string unit = *measure == query::RankMeasure::kBetweenness ? "sources" : "iterations";
    q.progress = [&progress, &started, unit](uint64_t done, uint64_t total) {
      if (!started || done == 0 || (unit == "iterations" && done == 1)) progress.restart(unit, done, total);
      else progress.set(done);
      started = true;
    };
  }
  auto r = (*api)->rank(q);
  progress.finish();
  if (!r) return ctx.failLookup(r.status());
  if (ctx.json) {
    nlohmann::json rows = nlohmann::json::array();
    for (const auto& x : r->entries) rows.push_back({{"actor", actorJson(x.actor)}, {"score", x.score}});
    ctx.printJson({{"measure", a.by}, {"approximate", r->approximate}, {"ranking", rows}});
    return 0;
  }
  std::cout << "top " << r->entries.size() << " by " << a.by;
  if (r->approximate) std::cout << " (estimated from " << r->sources << " sampled sources)";
  std::cout << "\n\n";
  Table t({{"RANK", 4, true}, {"SCORE", 16, true}, {"ACTOR", 60}, {"KIND", 16}});
  for (size_t i = 0; i < r->entries.size(); ++i)
    t.addRow({std::to_string(i + 1), numberText(r->entries[i].score), r->entries[i].actor.name,
              actorKindName(r->entries[i].actor.kind)});
  t.print(std::cout);
  return 0;
}

// --- components -------------------------------------------------------------
struct ComponentsArgs {
  size_t top = 10;
  size_t members = 5;
  FilterArgs f;
};

int componentsCmd(CliContext& ctx, const CLI::App* cmd, const ComponentsArgs& a) {
  auto filter = toFilter(a.f);
  if (!filter) return ctx.usage(filter.status());
  if (cmd->count("--direction"))
    return ctx.usage("--direction does not apply to components: they are weakly connected (edges count either way)");
  if (ctx.json && cmd->count("--members"))
    return ctx.usage("--members applies to the table; --json lists every member of the components shown");
  auto api = ctx.api();
  if (!api) return ctx.fail(api.status());
  core::ComponentsQuery q;
  q.filter = *filter;
  q.top = a.top;
  q.members = ctx.json ? 0 : a.members;  // the JSON lists every member of the shown components
  Progress progress(ctx, "components", "", 0);
  auto r = (*api)->components(q);
  progress.finish();
  if (!r) return ctx.failLookup(r.status());
  if (ctx.json) {
    nlohmann::json comps = nlohmann::json::array();
    for (const auto& c : r->components) {
      nlohmann::json members = nlohmann::json::array();
      for (const auto& [id, name] : c.members) members.push_back({{"id", id}, {"name", name}});
      comps.push_back({{"size", c.size}, {"actors", members}});
    }
    ctx.printJson({{"count", r->count}, {"isolated", r->isolated}, {"components", comps}});
    return 0;
  }
  std::cout << r->count << " connected components (" << r->isolated
            << " actors without matching edges not counted)\n\n";
  Table t({{"#", 4, true}, {"SIZE", 10, true}, {"ACTORS", 120}});
  for (size_t i = 0; i < r->components.size(); ++i) {
    const auto& c = r->components[i];
    std::string names;
    for (size_t j = 0; j < std::min(a.members, c.members.size()); ++j) names += (j ? ", " : "") + c.members[j].second;
    if (c.size > a.members) names += ", ...";
    t.addRow({std::to_string(i + 1), std::to_string(c.size), names});
  }
  t.print(std::cout);
  return 0;
}

}  // namespace

void registerQueryCommands(CLI::App& app, CliContext& ctx) {
  auto* nb = app.add_subcommand("neighbors", "actors within k hops of an actor, and the edges among them");
  auto na = std::make_shared<NeighborsArgs>();
  nb->add_option("NAME", na->name, "actor name or alias, or #ID")->required();
  nb->add_option("--depth", na->depth, "hops (1..8, default 1)")->check(countCheck());
  nb->add_option("--limit", na->limit,
                 "at most this many actors, and edges listed in the table (default 500)")->check(countCheck());
  nb->add_option("--fanout", na->fanout, "follow at most this many edges per actor (default 100)")
      ->check(countCheck());
  addFilterOptions(nb, na->f);
  addEvidenceOption(nb, na->o);
  addFormatOption(nb, na->o);
  nb->callback([&ctx, nb, na] { ctx.exitCode = neighbors(ctx, nb, *na); });

  auto* p = app.add_subcommand("path", "how two actors are connected");
  auto pa = std::make_shared<PathArgs>();
  p->add_option("A", pa->a, "first actor (a name, or #ID)")->required();
  p->add_option("B", pa->b, "second actor (a name, or #ID)")->required();
  p->add_option("--mode", pa->mode, "shortest (default), all-shortest, k-shortest, weighted or temporal")
      ->check(CLI::IsMember({"shortest", "all-shortest", "k-shortest", "weighted", "temporal"}));
  p->add_option("--k", pa->k, "k-shortest: number of paths (1..100, default 3)")->check(countCheck());
  p->add_option("--max-depth", pa->maxDepth, "at most this many hops (1..8, default 6)")->check(countCheck());
  p->add_option("--max-paths", pa->maxPaths, "all-shortest: at most this many paths (1..1000, default 100)")
      ->check(countCheck());
  addFilterOptions(p, pa->f);
  addEvidenceOption(p, pa->o);
  addFormatOption(p, pa->o);
  p->callback([&ctx, p, pa] { ctx.exitCode = path(ctx, p, *pa); });

  auto* t = app.add_subcommand("timeline", "an actor's edges in date order");
  auto ta = std::make_shared<TimelineArgs>();
  t->add_option("NAME", ta->name, "actor name or alias, or #ID")->required();
  t->add_option("--limit", ta->limit, "list at most this many edges (default: all)")->check(countCheck());
  addFilterOptions(t, ta->f);
  addEvidenceOption(t, ta->o);
  t->callback([&ctx, ta] { ctx.exitCode = timelineCmd(ctx, *ta); });

  auto* as = app.add_subcommand("asof", "offices and memberships held on a date");
  auto aa = std::make_shared<AsOfArgs>();
  as->add_option("DATE", aa->date, "YYYY[-MM[-DD]]")->required();
  as->add_option("NAME", aa->name, "only relations of this actor (a name, or #ID)");
  as->add_option("--limit", aa->limit, "list at most this many relations (default: all)")->check(countCheck());
  addFilterOptions(as, aa->f);
  addEvidenceOption(as, aa->o);
  as->callback([&ctx, as, aa] { ctx.exitCode = asOfCmd(ctx, as, *aa); });

  auto* rk = app.add_subcommand("rank", "most central actors (within a window with --from/--to)");
  auto ra = std::make_shared<RankArgs>();
  rk->add_option("--by", ra->by, "degree (default), pagerank or betweenness")
      ->check(CLI::IsMember({"degree", "pagerank", "betweenness"}));
  rk->add_option("--top", ra->top, "how many actors (default 20)")->check(countCheck());
  addFilterOptions(rk, ra->f);
  rk->callback([&ctx, ra] { ctx.exitCode = rankCmd(ctx, *ra); });

  auto* cc = app.add_subcommand("components", "weakly connected components of the graph");
  auto ca = std::make_shared<ComponentsArgs>();
  cc->add_option("--top", ca->top, "list the largest N components (default 10)")->check(countCheck());
  cc->add_option("--members", ca->members, "names shown per component in the table (default 5)")
      ->check(countCheck());
  addFilterOptions(cc, ca->f);
  cc->callback([&ctx, cc, ca] { ctx.exitCode = componentsCmd(ctx, cc, *ca); });
}

}  // namespace kg::cli
