// kg neighbors, path, timeline, asof, rank, components: the query commands,
// asked of rpc::GraphApi (CliContext::api()): rpc::LocalGraph over the local
// database, or an rpc::Client of the kgd at --remote. One implementation and
// one printing path serve both, so a remote answer prints byte for byte what
// the local one prints (tests/rpc/kg_remote_test.cpp).
#include <algorithm>
#include <iomanip>
#include <tuple>
#include <map>

#include "core/json_codec.h"
#include "graph/snapshot.h"
#include "tools/kg/cli.h"
#include "tools/kg/graph_output.h"

namespace kg::cli {

namespace {

struct FilterArgs {
  std::string types, cameo, from, to, direction = "both";
  bool undated = false;
  float minConfidence = 0.0f;
  std::string format = "table";
  size_t evidence = 1;
};

void addFilterOptions(CLI::App* cmd, FilterArgs& a, bool drawable) {
  cmd->add_option("--type", a.types, "only these edge types, comma-separated (" + edgeTypeList() + ")");
  addCameoOption(cmd, a.cameo);
  cmd->add_option("--from", a.from, "window start YYYY[-MM[-DD]]: edges whose dates overlap the window");
  cmd->add_option("--to", a.to, "window end YYYY[-MM[-DD]]");
  cmd->add_flag("--undated", a.undated, "with a window, also use edges with no known date");
  cmd->add_option("--direction", a.direction, "walk edges out (src->dst), in (dst->src) or both (default)")
      ->check(CLI::IsMember({"out", "in", "both"}));
  cmd->add_option("--min-confidence", a.minConfidence, "only edges of at least this confidence (0..1)");
  cmd->add_option("--evidence", a.evidence, "evidence snippets per edge (default 1)");
  if (drawable)
    cmd->add_option("--format", a.format, "table (default), json, dot or graphml")
        ->check(CLI::IsMember({"table", "json", "dot", "graphml"}));
}

Result<query::Filter> toFilter(const FilterArgs& a) {
  query::Filter f;
  auto types = parseTypeList(a.types);
  if (!types) return Status::invalidArgument("--type: " + types.status().message());
  f.types = std::move(types).value();
  KG_RETURN_IF_ERROR(parseCameoOption(a.cameo, &f));
  KG_RETURN_IF_ERROR(parseWindow(a.from, a.to, a.undated, &f));
  auto dir = query::parseDirection(a.direction);
  if (!dir) return dir.status();
  f.direction = *dir;
  if (!(a.minConfidence >= 0.0f && a.minConfidence <= 1.0f))
    return Status::invalidArgument("--min-confidence " + std::to_string(a.minConfidence) + " is outside 0..1");
  f.minConfidence = a.minConfidence;
  return f;
}

std::string when(const DateRange& r) {
  if (!r.anyKnown()) return "undated";
  std::string from = r.from.known() ? r.from.toString() : "?";
  if (r.to == r.from) return from;
  return from + ".." + (r.to.known() ? r.to.toString() : "");
}

std::string snippet(const Edge& e) {
  if (e.evidence.empty()) return "";
  std::string t = e.evidence.front().text;
  if (t.size() > 100) t = t.substr(0, 97) + "...";
  return "\"" + t + "\"";
}

// A cut answer (`truncated`, because of `cutBy`) says so in the drawing and on stderr.
bool printDrawing(const std::string& format, const std::vector<Actor>& actors, const std::vector<Edge>& edges,
                  bool truncated, const std::string& cutBy) {
  if (format != "dot" && format != "graphml") return false;
  std::cout << (format == "dot" ? toDot(actors, edges, truncated, cutBy) : toGraphml(actors, edges, truncated, cutBy));
  if (truncated) std::cerr << "kg: warning: the drawing is truncated: " << cutBy << "\n";
  return true;
}

std::string format(const CliContext& ctx, const FilterArgs& a) { return ctx.json ? "json" : a.format; }

nlohmann::json edgeJson(CliContext& ctx, const Edge& e) {
  return core::edgeToJson(e, [&](ActorId id) { return ctx.nameOf(id); });
}

void printEdgeTable(CliContext& ctx, const std::vector<Edge>& edges) {
  std::cout << std::left << std::setw(24) << "DATE" << std::setw(11) << "BASIS" << std::setw(5) << "SRCS"
            << std::setw(30) << "SOURCE" << std::setw(14) << "TYPE" << std::setw(30) << "TARGET" << "EVIDENCE\n";
  for (const auto& e : edges) {
    std::string type = edgeTypeName(e.type);
    if (!e.title.empty()) type += " (" + e.title + ")";
    const std::string basis = dateBasisName(e.dateBasis);
    std::cout << std::setw(24) << when(e.when) << std::setw(11) << (basis.empty() ? "-" : basis) << std::setw(5)
              << (e.sources ? std::to_string(e.sources) : "-") << std::setw(30) << ctx.nameOf(e.src) << std::setw(14) << type << " "
              << std::setw(30) << ctx.nameOf(e.dst) << snippet(e) << "\n";
  }
}

// --- neighbors --------------------------------------------------------------
struct NeighborsArgs {
  std::string name;
  int depth = 1;
  size_t limit = 500;
  size_t fanout = 100;
  FilterArgs f;
};

int neighbors(CliContext& ctx, const NeighborsArgs& a) {
  auto filter = toFilter(a.f);
  if (!filter) return ctx.fail(filter.status());
  auto api = ctx.api();
  if (!api) return ctx.fail(api.status());
  rpc::NeighbourQuery q;
  q.actor = a.name;
  q.options.depth = a.depth;
  q.options.limit = a.limit;
  q.options.fanout = a.fanout;
  q.options.filter = *filter;
  q.evidence = a.f.evidence;
  auto r = (*api)->neighbours(q);
  if (!r) return ctx.fail(r.status());
  const auto& actors = r->nodes;
  const auto& edges = r->edges;
  const std::string fmt = format(ctx, a.f);
  if (printDrawing(fmt, actors, edges, r->truncated,
                   "more actors are within reach than --limit " + std::to_string(a.limit) + " / --fanout " +
                       std::to_string(a.fanout) + " allow"))
    return 0;
  if (fmt == "json") {
    nlohmann::json nodes = nlohmann::json::array(), es = nlohmann::json::array();
    for (const auto& x : actors) nodes.push_back(core::actorToJson(x));
    for (const auto& e : edges) es.push_back(edgeJson(ctx, e));
    ctx.printJson({{"nodes", nodes}, {"edges", es}, {"truncated", r->truncated}});
    return 0;
  }
  std::cout << actors.size() << " actors within " << a.depth << " hop" << (a.depth == 1 ? "" : "s") << " of "
            << actors.front().name << ", " << edges.size() << " edges"
            << (r->truncated ? " (truncated: raise --limit/--fanout for more)" : "") << "\n\n";
  std::cout << std::left << std::setw(6) << "HOPS" << std::setw(36) << "ACTOR" << "KIND\n";
  for (size_t i = 0; i < actors.size(); ++i)
    std::cout << std::setw(6) << r->depths[i] << std::setw(36) << actors[i].name << actorKindName(actors[i].kind)
              << "\n";
  std::cout << "\n" << std::setw(24) << "DATE" << std::setw(30) << "SOURCE" << std::setw(14) << "TYPE"
            << std::setw(30) << "TARGET" << "EVIDENCE\n";
  for (const auto& e : edges)
    std::cout << std::setw(24) << when(e.when) << std::setw(30) << ctx.nameOf(e.src) << std::setw(14)
              << edgeTypeName(e.type) << std::setw(30) << ctx.nameOf(e.dst) << snippet(e) << "\n";
  return 0;
}

// --- path -------------------------------------------------------------------
struct PathArgs {
  std::string a, b, mode = "shortest";
  int k = 3;
  int maxDepth = 6;
  size_t maxPaths = 100;
  FilterArgs f;
};

int path(CliContext& ctx, const PathArgs& a) {
  auto filter = toFilter(a.f);
  if (!filter) return ctx.fail(filter.status());
  auto mode = query::parsePathMode(a.mode);
  if (!mode) return ctx.fail(mode.status());
  auto api = ctx.api();
  if (!api) return ctx.fail(api.status());
  rpc::PathQuery q;
  q.from = a.a;
  q.to = a.b;
  q.options.mode = *mode;
  q.options.filter = *filter;
  q.options.maxDepth = a.maxDepth;
  q.options.k = a.k;
  q.options.maxPaths = a.maxPaths;
  q.evidence = a.f.evidence;
  auto r = (*api)->paths(q);
  if (!r) return ctx.fail(r.status());

  const std::string fmt = format(ctx, a.f);
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
      for (const auto& n : p.nodes) nodes.push_back(core::actorToJson(n));
      for (const auto& e : p.edges) edges.push_back(edgeJson(ctx, e));
      nlohmann::json jp = {{"nodes", nodes}, {"edges", edges}};
      if (*mode == query::PathMode::kWeighted) jp["cost"] = p.cost;
      if (*mode == query::PathMode::kTemporal) {
        nlohmann::json days = nlohmann::json::array();
        for (int32_t d : p.days)
          days.push_back(d == graph::kOpenStart ? nlohmann::json(nullptr)
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
    if (*mode == query::PathMode::kWeighted) std::cout << ", cost " << std::setprecision(4) << p.cost;
    std::cout << "\n  " << p.nodes[0].name << "\n";
    for (size_t j = 0; j < p.edges.size(); ++j) {
      const Edge& e = p.edges[j];
      bool forward = e.src == p.nodes[j].id;
      std::string date = when(e.when);
      if (*mode == query::PathMode::kTemporal && p.days[j] != graph::kOpenStart)
        date += ", taken " + Date::fromDays(p.days[j], DatePrecision::kDay).toString();
      std::cout << "  " << (forward ? "--" : "<-") << edgeTypeName(e.type) << " (" << date << ")"
                << (forward ? "-->" : "--") << " " << p.nodes[j + 1].name << "\n";
      if (!e.evidence.empty()) std::cout << "      " << snippet(e) << "\n";
    }
  }
  if (r->truncated) std::cout << "\n(more paths exist; raise --max-paths)\n";
  return 0;
}

// --- timeline ---------------------------------------------------------------
struct TimelineArgs {
  std::string name;
  FilterArgs f;
};

int timelineCmd(CliContext& ctx, const TimelineArgs& a) {
  auto filter = toFilter(a.f);
  if (!filter) return ctx.fail(filter.status());
  auto api = ctx.api();
  if (!api) return ctx.fail(api.status());
  auto who = (*api)->actor(a.name);
  if (!who) return ctx.fail(who.status());
  rpc::TimelineQuery q;
  q.actor = a.name;
  q.filter = *filter;
  q.evidence = a.f.evidence;
  auto edges = (*api)->timeline(q);
  if (!edges) return ctx.fail(edges.status());
  if (ctx.json) {
    nlohmann::json es = nlohmann::json::array();
    for (const auto& e : *edges) es.push_back(edgeJson(ctx, e));
    ctx.printJson({{"actor", core::actorToJson(*who)}, {"edges", es}});
    return 0;
  }
  std::cout << "timeline of " << who->name << ": " << edges->size() << " edges\n\n";
  printEdgeTable(ctx, *edges);
  return 0;
}

// --- asof -------------------------------------------------------------------
struct AsOfArgs {
  std::string date, name;
  FilterArgs f;
};

int asOfCmd(CliContext& ctx, const AsOfArgs& a) {
  auto filter = toFilter(a.f);
  if (!filter) return ctx.fail(filter.status());
  auto day = Date::parse(a.date);
  if (!day) return ctx.fail("DATE: " + day.status().message());
  auto api = ctx.api();
  if (!api) return ctx.fail(api.status());
  rpc::AsOfQuery q;
  q.date = *day;
  q.filter = *filter;
  q.evidence = a.f.evidence;
  std::string whoName;
  if (!a.name.empty()) {
    auto who = (*api)->actor(a.name);
    if (!who) return ctx.fail(who.status());
    q.actor = a.name;
    whoName = who->name;
  }
  auto edges = (*api)->asOf(q);
  if (!edges) return ctx.fail(edges.status());
  if (ctx.json) {
    nlohmann::json es = nlohmann::json::array();
    for (const auto& e : *edges) es.push_back(edgeJson(ctx, e));
    ctx.printJson({{"date", day->toString()}, {"edges", es}});
    return 0;
  }
  std::cout << "as of " << day->toString() << (whoName.empty() ? "" : " for " + whoName) << ": " << edges->size()
            << " standing relations\n\n";
  printEdgeTable(ctx, *edges);
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
  if (!filter) return ctx.fail(filter.status());
  auto measure = query::parseRankMeasure(a.by);
  if (!measure) return ctx.fail(measure.status());
  auto api = ctx.api();
  if (!api) return ctx.fail(api.status());
  rpc::RankQuery q;
  q.measure = *measure;
  q.filter = *filter;
  q.top = a.top;
  auto r = (*api)->rank(q);
  if (!r) return ctx.fail(r.status());
  if (ctx.json) {
    nlohmann::json rows = nlohmann::json::array();
    for (const auto& x : r->entries) rows.push_back({{"actor", core::actorToJson(x.actor)}, {"score", x.score}});
    ctx.printJson({{"measure", a.by}, {"approximate", r->approximate}, {"ranking", rows}});
    return 0;
  }
  std::cout << "top " << r->entries.size() << " by " << a.by;
  if (r->approximate) std::cout << " (estimated from " << r->sources << " sampled sources)";
  std::cout << "\n\n" << std::left << std::setw(6) << "RANK" << std::setw(14) << "SCORE" << "ACTOR\n";
  for (size_t i = 0; i < r->entries.size(); ++i)
    std::cout << std::setw(6) << (i + 1) << std::setw(14) << std::setprecision(6) << r->entries[i].score
              << r->entries[i].actor.name << "\n";
  return 0;
}

// --- components -------------------------------------------------------------
struct ComponentsArgs {
  size_t top = 10;
  size_t members = 5;
  FilterArgs f;
};

int componentsCmd(CliContext& ctx, const ComponentsArgs& a) {
  auto filter = toFilter(a.f);
  if (!filter) return ctx.fail(filter.status());
  auto api = ctx.api();
  if (!api) return ctx.fail(api.status());
  rpc::ComponentsQuery q;
  q.filter = *filter;
  q.top = a.top;
  q.members = ctx.json ? 0 : a.members;  // the JSON lists every member of the shown components
  auto r = (*api)->components(q);
  if (!r) return ctx.fail(r.status());
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
  std::cout << std::left << std::setw(6) << "#" << std::setw(8) << "SIZE" << "ACTORS\n";
  for (size_t i = 0; i < r->components.size(); ++i) {
    const auto& c = r->components[i];
    std::string names;
    for (size_t j = 0; j < std::min(a.members, c.members.size()); ++j) names += (j ? ", " : "") + c.members[j].second;
    if (c.size > a.members) names += ", ...";
    std::cout << std::setw(6) << (i + 1) << std::setw(8) << c.size << names << "\n";
  }
  return 0;
}

}  // namespace

void registerQueryCommands(CLI::App& app, CliContext& ctx) {
  auto* nb = app.add_subcommand("neighbors", "actors within k hops of an actor, and the edges among them");
  auto na = std::make_shared<NeighborsArgs>();
  nb->add_option("NAME", na->name, "actor name or alias")->required();
  nb->add_option("--depth", na->depth, "hops (1..8, default 1)")->check(countCheck());
  nb->add_option("--limit", na->limit, "at most this many actors (default 500)")->check(countCheck());
  nb->add_option("--fanout", na->fanout, "follow at most this many edges per actor (default 100)")
      ->check(countCheck());
  addFilterOptions(nb, na->f, true);
  nb->callback([&ctx, na] { ctx.exitCode = neighbors(ctx, *na); });

  auto* p = app.add_subcommand("path", "how two actors are connected");
  auto pa = std::make_shared<PathArgs>();
  p->add_option("A", pa->a, "first actor")->required();
  p->add_option("B", pa->b, "second actor")->required();
  p->add_option("--mode", pa->mode, "shortest (default), all-shortest, k-shortest, weighted or temporal")
      ->check(CLI::IsMember({"shortest", "all-shortest", "k-shortest", "weighted", "temporal"}));
  p->add_option("--k", pa->k, "k-shortest: number of paths (1..100, default 3)")->check(countCheck());
  p->add_option("--max-depth", pa->maxDepth, "at most this many hops (1..8, default 6)")->check(countCheck());
  p->add_option("--max-paths", pa->maxPaths, "all-shortest: at most this many paths (1..1000, default 100)");
  addFilterOptions(p, pa->f, true);
  p->callback([&ctx, pa] { ctx.exitCode = path(ctx, *pa); });

  auto* t = app.add_subcommand("timeline", "an actor's edges in date order");
  auto ta = std::make_shared<TimelineArgs>();
  t->add_option("NAME", ta->name, "actor name or alias")->required();
  addFilterOptions(t, ta->f, false);
  t->callback([&ctx, ta] { ctx.exitCode = timelineCmd(ctx, *ta); });

  auto* as = app.add_subcommand("asof", "offices and memberships held on a date");
  auto aa = std::make_shared<AsOfArgs>();
  as->add_option("DATE", aa->date, "YYYY[-MM[-DD]]")->required();
  as->add_option("NAME", aa->name, "only relations of this actor");
  addFilterOptions(as, aa->f, false);
  as->callback([&ctx, aa] { ctx.exitCode = asOfCmd(ctx, *aa); });

  auto* rk = app.add_subcommand("rank", "most central actors (within a window with --from/--to)");
  auto ra = std::make_shared<RankArgs>();
  rk->add_option("--by", ra->by, "degree (default), pagerank or betweenness")
      ->check(CLI::IsMember({"degree", "pagerank", "betweenness"}));
  rk->add_option("--top", ra->top, "how many actors (default 20)")->check(countCheck());
  addFilterOptions(rk, ra->f, false);
  rk->callback([&ctx, ra] { ctx.exitCode = rankCmd(ctx, *ra); });

  auto* cc = app.add_subcommand("components", "weakly connected components of the graph");
  auto ca = std::make_shared<ComponentsArgs>();
  cc->add_option("--top", ca->top, "list the largest N components (default 10)")->check(countCheck());
  cc->add_option("--members", ca->members, "names shown per component (default 5)");
  addFilterOptions(cc, ca->f, false);
  cc->callback([&ctx, ca] { ctx.exitCode = componentsCmd(ctx, *ca); });
}

}  // namespace kg::cli
