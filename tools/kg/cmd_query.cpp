// kg neighbors, path, timeline, asof, rank, components: queries over an
// in-memory snapshot of the graph, built from the store when a command runs.
#include <iomanip>
#include <map>
#include <sstream>

#include "core/json_codec.h"
#include "graph/snapshot.h"
#include "query/components.h"
#include "query/neighbourhood.h"
#include "query/paths.h"
#include "query/ranking.h"
#include "query/timeline.h"
#include "tools/kg/cli.h"
#include "tools/kg/graph_output.h"

namespace kg::cli {

namespace {

using graph::EdgeRef;
using graph::Snapshot;
using graph::VertexId;

// Options every query command takes.
struct FilterArgs {
  std::string types, from, to, direction = "both";
  bool undated = false;
  float minConfidence = 0.0f;
  std::string format = "table";
  size_t evidence = 1;
};

void addFilterOptions(CLI::App* cmd, FilterArgs& a, bool drawable) {
  cmd->add_option("--type", a.types, "only these edge types, comma-separated (" + edgeTypeList() + ")");
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
  if (!a.types.empty()) {
    std::stringstream ss(a.types);
    std::string t;
    while (std::getline(ss, t, ',')) {
      auto type = parseEdgeType(t);
      if (!type) return Status::invalidArgument("--type: " + type.status().message());
      f.types.push_back(*type);
    }
  }
  auto from = parseDateOption(a.from, "--from");
  if (!from) return from.status();
  auto to = parseDateOption(a.to, "--to");
  if (!to) return to.status();
  if (*from) f.fromDay = (*from)->days();
  if (*to) f.toDay = (*to)->lastDay();
  if (f.fromDay && f.toDay && *f.toDay < *f.fromDay)
    return Status::invalidArgument("the window ends (--to " + a.to + ") before it starts (--from " + a.from + ")");
  f.includeUndated = a.undated;
  auto dir = query::parseDirection(a.direction);
  if (!dir) return dir.status();
  f.direction = *dir;
  if (!(a.minConfidence >= 0.0f && a.minConfidence <= 1.0f))
    return Status::invalidArgument("--min-confidence " + std::to_string(a.minConfidence) + " is outside 0..1");
  f.minConfidence = a.minConfidence;
  return f;
}

// What a query command works on: the engine, a snapshot of its store, and
// cached lookups of actors and edges for printing.
class Session {
 public:
  explicit Session(CliContext& ctx) : ctx_(ctx) {}

  Status open() {
    auto engine = ctx_.engine(false);
    if (!engine) return engine.status();
    engine_ = *engine;
    auto snap = Snapshot::fromStore(engine_->store());
    if (!snap) return snap.status();
    snap_ = *snap;
    return Status::ok();
  }
  const Snapshot& snap() const { return *snap_; }
  core::Engine& engine() { return *engine_; }

  // Resolves a name to an actor and its vertex.
  Result<std::pair<Actor, VertexId>> resolve(const std::string& name) {
    auto actor = engine_->resolveOne(name);
    if (!actor) return actor.status();
    auto v = snap_->vertexOf(actor->id);
    if (!v) return Status::notFound("actor '" + actor->name + "' is not in the graph snapshot");
    actors_[actor->id] = *actor;
    return std::make_pair(*actor, *v);
  }

  Actor actor(VertexId v) {
    ActorId id = snap_->actorId(v);
    auto it = actors_.find(id);
    if (it != actors_.end()) return it->second;
    Actor a;
    a.id = id;
    a.name = "#" + std::to_string(id);
    auto stored = engine_->store().getActor(id);
    if (stored && stored->has_value()) a = **stored;
    actors_[id] = a;
    return a;
  }
  std::string name(VertexId v) { return actor(v).name; }

  // The stored edge with at most `evidence` pieces of evidence; falls back to
  // the snapshot's attributes if the store no longer has it.
  Edge edge(const EdgeRef& r, size_t evidence) {
    EdgeId id = snap_->edgeId(r.index);
    auto stored = engine_->store().getEdge(id);
    Edge e;
    if (stored) {
      e = std::move(stored).value();
    } else {
      e.id = id;
      e.src = snap_->actorId(r.src);
      e.dst = snap_->actorId(r.dst);
      e.type = snap_->type(r.index);
      e.when = snap_->dateRange(r.index);
      e.confidence = snap_->confidence(r.index);
    }
    if (e.evidence.size() > evidence) e.evidence.resize(evidence);
    return e;
  }

  nlohmann::json edgeJson(const Edge& e) {
    return core::edgeToJson(e, [&](ActorId id) {
      auto v = snap_->vertexOf(id);
      return v ? name(*v) : ctx_.nameOf(id);
    });
  }

 private:
  CliContext& ctx_;
  core::Engine* engine_ = nullptr;
  std::shared_ptr<const Snapshot> snap_;
  std::map<ActorId, Actor> actors_;
};

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

// Prints nodes and edges in the chosen drawing format; true when it did.
bool printDrawing(const std::string& format, const std::vector<Actor>& actors, const std::vector<Edge>& edges) {
  if (format == "dot") {
    std::cout << toDot(actors, edges);
    return true;
  }
  if (format == "graphml") {
    std::cout << toGraphml(actors, edges);
    return true;
  }
  return false;
}

std::string format(const CliContext& ctx, const FilterArgs& a) { return ctx.json ? "json" : a.format; }

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
  Session s(ctx);
  if (auto st = s.open(); !st.isOk()) return ctx.fail(st);
  auto start = s.resolve(a.name);
  if (!start) return ctx.fail(start.status());
  query::NeighbourhoodOptions o;
  o.depth = a.depth;
  o.limit = a.limit;
  o.fanout = a.fanout;
  o.filter = *filter;
  auto r = query::neighbourhood(s.snap(), start->second, o);
  if (!r) return ctx.fail(r.status());
  std::vector<Actor> actors;
  for (VertexId v : r->nodes) actors.push_back(s.actor(v));
  std::vector<Edge> edges;
  for (const auto& e : r->edges) edges.push_back(s.edge(e, a.f.evidence));
  const std::string fmt = format(ctx, a.f);
  if (printDrawing(fmt, actors, edges)) return 0;
  if (fmt == "json") {
    nlohmann::json nodes = nlohmann::json::array(), es = nlohmann::json::array();
    for (const auto& x : actors) nodes.push_back(core::actorToJson(x));
    for (const auto& e : edges) es.push_back(s.edgeJson(e));
    ctx.printJson({{"nodes", nodes}, {"edges", es}, {"truncated", r->truncated}});
    return 0;
  }
  std::cout << actors.size() << " actors within " << a.depth << " hop" << (a.depth == 1 ? "" : "s") << " of "
            << start->first.name << ", " << edges.size() << " edges"
            << (r->truncated ? " (truncated: raise --limit/--fanout for more)" : "") << "\n\n";
  std::cout << std::left << std::setw(6) << "HOPS" << std::setw(36) << "ACTOR" << "KIND\n";
  for (size_t i = 0; i < actors.size(); ++i)
    std::cout << std::setw(6) << static_cast<int>(r->depths[i]) << std::setw(36) << actors[i].name
              << actorKindName(actors[i].kind) << "\n";
  std::cout << "\n" << std::setw(24) << "DATE" << std::setw(30) << "SOURCE" << std::setw(14) << "TYPE"
            << std::setw(30) << "TARGET" << "EVIDENCE\n";
  for (size_t i = 0; i < edges.size(); ++i)
    std::cout << std::setw(24) << when(edges[i].when) << std::setw(30) << s.name(r->edges[i].src) << std::setw(14)
              << edgeTypeName(edges[i].type) << std::setw(30) << s.name(r->edges[i].dst) << snippet(edges[i]) << "\n";
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
  Session s(ctx);
  if (auto st = s.open(); !st.isOk()) return ctx.fail(st);
  auto from = s.resolve(a.a);
  if (!from) return ctx.fail(from.status());
  auto to = s.resolve(a.b);
  if (!to) return ctx.fail(to.status());
  query::PathOptions o;
  o.mode = *mode;
  o.filter = *filter;
  o.maxDepth = a.maxDepth;
  o.k = a.k;
  o.maxPaths = a.maxPaths;
  o.fromName = from->first.name;
  o.toName = to->first.name;
  auto r = query::findPaths(s.snap(), from->second, to->second, o);
  if (!r) return ctx.fail(r.status());

  const std::string fmt = format(ctx, a.f);
  if (fmt == "dot" || fmt == "graphml") {
    std::map<VertexId, Actor> actors;
    std::map<graph::EdgeIndex, Edge> edges;
    for (const auto& p : r->paths) {
      for (VertexId v : p.nodes) actors.emplace(v, s.actor(v));
      for (const auto& e : p.edges) edges.emplace(e.index, s.edge(e, a.f.evidence));
    }
    std::vector<Actor> av;
    std::vector<Edge> ev;
    for (auto& [v, x] : actors) av.push_back(x);
    for (auto& [i, e] : edges) ev.push_back(e);
    printDrawing(fmt, av, ev);
    return 0;
  }
  if (fmt == "json") {
    nlohmann::json paths = nlohmann::json::array();
    for (const auto& p : r->paths) {
      nlohmann::json nodes = nlohmann::json::array(), edges = nlohmann::json::array();
      for (VertexId v : p.nodes) nodes.push_back(core::actorToJson(s.actor(v)));
      for (const auto& e : p.edges) edges.push_back(s.edgeJson(s.edge(e, a.f.evidence)));
      nlohmann::json jp = {{"nodes", nodes}, {"edges", edges}};
      if (o.mode == query::PathMode::kWeighted) jp["cost"] = p.cost;
      if (o.mode == query::PathMode::kTemporal) {
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
    if (o.mode == query::PathMode::kWeighted) std::cout << ", cost " << std::setprecision(4) << p.cost;
    std::cout << "\n  " << s.name(p.nodes[0]) << "\n";
    for (size_t j = 0; j < p.edges.size(); ++j) {
      const EdgeRef& ref = p.edges[j];
      Edge e = s.edge(ref, a.f.evidence);
      bool forward = ref.src == p.nodes[j];
      std::string date = when(e.when);
      if (o.mode == query::PathMode::kTemporal && p.days[j] != graph::kOpenStart)
        date += ", taken " + Date::fromDays(p.days[j], DatePrecision::kDay).toString();
      std::cout << "  " << (forward ? "--" : "<-") << edgeTypeName(e.type) << " (" << date << ")"
                << (forward ? "-->" : "--") << " " << s.name(p.nodes[j + 1]) << "\n";
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

void printEdgeTable(Session& s, const std::vector<EdgeRef>& refs, const std::vector<Edge>& edges) {
  std::cout << std::left << std::setw(24) << "DATE" << std::setw(30) << "SOURCE" << std::setw(14) << "TYPE"
            << std::setw(30) << "TARGET" << "EVIDENCE\n";
  for (size_t i = 0; i < edges.size(); ++i) {
    std::string type = edgeTypeName(edges[i].type);
    if (!edges[i].title.empty()) type += " (" + edges[i].title + ")";
    std::cout << std::setw(24) << when(edges[i].when) << std::setw(30) << s.name(refs[i].src) << std::setw(14) << type << " "
              << std::setw(30) << s.name(refs[i].dst) << snippet(edges[i]) << "\n";
  }
}

int timelineCmd(CliContext& ctx, const TimelineArgs& a) {
  auto filter = toFilter(a.f);
  if (!filter) return ctx.fail(filter.status());
  Session s(ctx);
  if (auto st = s.open(); !st.isOk()) return ctx.fail(st);
  auto who = s.resolve(a.name);
  if (!who) return ctx.fail(who.status());
  auto r = query::timeline(s.snap(), who->second, *filter);
  if (!r) return ctx.fail(r.status());
  std::vector<Edge> edges;
  for (const auto& e : *r) edges.push_back(s.edge(e, a.f.evidence));
  if (ctx.json) {
    nlohmann::json es = nlohmann::json::array();
    for (const auto& e : edges) es.push_back(s.edgeJson(e));
    ctx.printJson({{"actor", core::actorToJson(who->first)}, {"edges", es}});
    return 0;
  }
  std::cout << "timeline of " << who->first.name << ": " << edges.size() << " edges\n\n";
  printEdgeTable(s, *r, edges);
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
  Session s(ctx);
  if (auto st = s.open(); !st.isOk()) return ctx.fail(st);
  query::AsOfOptions o;
  o.day = day->days();
  o.filter = *filter;
  std::string whoName;
  if (!a.name.empty()) {
    auto who = s.resolve(a.name);
    if (!who) return ctx.fail(who.status());
    o.actor = who->second;
    whoName = who->first.name;
  }
  auto r = query::asOf(s.snap(), o);
  if (!r) return ctx.fail(r.status());
  std::vector<Edge> edges;
  for (const auto& e : *r) edges.push_back(s.edge(e, a.f.evidence));
  if (ctx.json) {
    nlohmann::json es = nlohmann::json::array();
    for (const auto& e : edges) es.push_back(s.edgeJson(e));
    ctx.printJson({{"date", day->toString()}, {"edges", es}});
    return 0;
  }
  std::cout << "as of " << day->toString() << (whoName.empty() ? "" : " for " + whoName) << ": " << edges.size()
            << " standing relations\n\n";
  printEdgeTable(s, *r, edges);
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
  Session s(ctx);
  if (auto st = s.open(); !st.isOk()) return ctx.fail(st);
  query::RankOptions o;
  o.measure = *measure;
  o.filter = *filter;
  o.top = a.top;
  auto r = query::rank(s.snap(), o);
  if (!r) return ctx.fail(r.status());
  if (ctx.json) {
    nlohmann::json rows = nlohmann::json::array();
    for (const auto& x : r->top) rows.push_back({{"actor", core::actorToJson(s.actor(x.vertex))}, {"score", x.score}});
    ctx.printJson({{"measure", a.by}, {"approximate", r->approximate}, {"ranking", rows}});
    return 0;
  }
  std::cout << "top " << r->top.size() << " by " << a.by;
  if (r->approximate) std::cout << " (estimated from " << r->sources << " sampled sources)";
  std::cout << "\n\n" << std::left << std::setw(6) << "RANK" << std::setw(14) << "SCORE" << "ACTOR\n";
  for (size_t i = 0; i < r->top.size(); ++i)
    std::cout << std::setw(6) << (i + 1) << std::setw(14) << std::setprecision(6) << r->top[i].score
              << s.name(r->top[i].vertex) << "\n";
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
  Session s(ctx);
  if (auto st = s.open(); !st.isOk()) return ctx.fail(st);
  auto r = query::components(s.snap(), *filter);
  if (!r) return ctx.fail(r.status());
  const size_t shown = std::min(a.top, r->components.size());
  if (ctx.json) {
    nlohmann::json comps = nlohmann::json::array();
    for (size_t i = 0; i < shown; ++i) {
      nlohmann::json members = nlohmann::json::array();
      for (VertexId v : r->components[i]) members.push_back({{"id", s.snap().actorId(v)}, {"name", s.name(v)}});
      comps.push_back({{"size", r->components[i].size()}, {"actors", members}});
    }
    ctx.printJson({{"count", r->components.size()}, {"isolated", r->isolated}, {"components", comps}});
    return 0;
  }
  std::cout << r->components.size() << " connected components (" << r->isolated
            << " actors without matching edges not counted)\n\n";
  std::cout << std::left << std::setw(6) << "#" << std::setw(8) << "SIZE" << "ACTORS\n";
  for (size_t i = 0; i < shown; ++i) {
    const auto& c = r->components[i];
    std::string names;
    for (size_t j = 0; j < std::min(a.members, c.size()); ++j) names += (j ? ", " : "") + s.name(c[j]);
    if (c.size() > a.members) names += ", ...";
    std::cout << std::setw(6) << (i + 1) << std::setw(8) << c.size() << names << "\n";
  }
  return 0;
}

}  // namespace

void registerQueryCommands(CLI::App& app, CliContext& ctx) {
  auto* nb = app.add_subcommand("neighbors", "actors within k hops of an actor, and the edges among them");
  auto na = std::make_shared<NeighborsArgs>();
  nb->add_option("NAME", na->name, "actor name or alias")->required();
  nb->add_option("--depth", na->depth, "hops (1..8, default 1)");
  nb->add_option("--limit", na->limit, "at most this many actors (default 500)");
  nb->add_option("--fanout", na->fanout, "follow at most this many edges per actor (default 100)");
  addFilterOptions(nb, na->f, true);
  nb->callback([&ctx, na] { ctx.exitCode = neighbors(ctx, *na); });

  auto* p = app.add_subcommand("path", "how two actors are connected");
  auto pa = std::make_shared<PathArgs>();
  p->add_option("A", pa->a, "first actor")->required();
  p->add_option("B", pa->b, "second actor")->required();
  p->add_option("--mode", pa->mode, "shortest (default), all-shortest, k-shortest, weighted or temporal")
      ->check(CLI::IsMember({"shortest", "all-shortest", "k-shortest", "weighted", "temporal"}));
  p->add_option("--k", pa->k, "k-shortest: number of paths (1..100, default 3)");
  p->add_option("--max-depth", pa->maxDepth, "at most this many hops (1..8, default 6)");
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
  rk->add_option("--top", ra->top, "how many actors (default 20)");
  addFilterOptions(rk, ra->f, false);
  rk->callback([&ctx, ra] { ctx.exitCode = rankCmd(ctx, *ra); });

  auto* cc = app.add_subcommand("components", "weakly connected components of the graph");
  auto ca = std::make_shared<ComponentsArgs>();
  cc->add_option("--top", ca->top, "list the largest N components (default 10)");
  cc->add_option("--members", ca->members, "names shown per component (default 5)");
  addFilterOptions(cc, ca->f, false);
  cc->callback([&ctx, ca] { ctx.exitCode = componentsCmd(ctx, *ca); });
}

}  // namespace kg::cli
