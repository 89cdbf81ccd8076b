// kg actor add, kg actors, kg resolve, kg show, kg stats.

#include <algorithm>

#include "tools/kg/cli.h"
#include "tools/kg/table.h"

namespace kg::cli {

namespace {

std::string joinAliases(const Actor& a) {
  std::string s;
  for (const auto& al : a.aliases) s += (s.empty() ? "" : "; ") + al;
  return s;
}

// At most `limit` actors (0 = all), then how many were left out.
void printActorTable(const std::vector<Actor>& actors, size_t limit = 0) {
  Table t({{"ID", 10, true}, {"KIND", 15}, {"NAME", 40}, {"ALIASES", 80}});
  const size_t shown = limit ? std::min(limit, actors.size()) : actors.size();
  for (size_t i = 0; i < shown; ++i)
    t.addRow({std::to_string(actors[i].id), actorKindName(actors[i].kind), actors[i].name, joinAliases(actors[i])});
  t.print(std::cout);
  if (shown < actors.size()) std::cout << leftOutLine(actors.size() - shown, "actors") << "\n";
}

int actorAdd(CliContext& ctx, const std::string& name, const std::string& kindText,
             const std::vector<std::string>& aliases, const std::string& country) {
  auto kind = parseActorKind(kindText);
  if (!kind) return ctx.usage(kind.status());
  auto engine = ctx.engine(true);
  if (!engine) return ctx.failOpen(engine.status());
  Actor a;
  a.name = name;
  a.kind = kind.value();
  a.aliases = aliases;
  a.country = country;
  auto added = (*engine)->addActor(a);
  if (!added) return ctx.fail(added.status());
  if (ctx.json)
    ctx.printJson(actorJson(added.value()));
  else
    std::cout << "added " << actorKindName(added->kind) << " '" << added->name << "' (id " << added->id << ")\n";
  return 0;
}

int listActors(CliContext& ctx, const std::string& kindText, size_t limit) {
  std::optional<ActorKind> kind;
  if (!kindText.empty()) {
    auto k = parseActorKind(kindText);
    if (!k) return ctx.usage(k.status());
    kind = k.value();
  }
  auto api = ctx.api();
  if (!api) return ctx.fail(api.status());
  auto actors = (*api)->actors(kind);
  if (!actors) return ctx.fail(actors.status());
  if (ctx.json) {
    nlohmann::json arr = nlohmann::json::array();
    for (const auto& a : actors.value()) {
      if (limit && arr.size() >= limit) break;
      arr.push_back(actorJson(a));
    }
    ctx.printJson(arr);
  } else {
    printActorTable(actors.value(), limit);
  }
  return 0;
}

int resolveName(CliContext& ctx, const std::string& name) {
  auto api = ctx.api();
  if (!api) return ctx.fail(api.status());
  auto found = (*api)->resolve(name);
  if (!found) return ctx.fail(found.status());
  if (found->empty()) return ctx.failLookup((*api)->actor(name).status());
  if (ctx.json) {
    nlohmann::json arr = nlohmann::json::array();
    for (const auto& a : found.value()) arr.push_back(actorJson(a));
    ctx.printJson(arr);
  } else {
    printActorTable(found.value());
  }
  return 0;
}

// "  (date: article, 2 sources)": where the date comes from and how many
// documents report the edge, when known.
std::string provenance(const Edge& e) {
  std::string parts;
  if (e.dateBasis != DateBasis::kUnknown) parts = std::string("date: ") + dateBasisName(e.dateBasis);
  if (e.sources)
    parts += (parts.empty() ? "" : ", ") + std::to_string(e.sources) + (e.sources == 1 ? " source" : " sources");
  return parts.empty() ? "" : "  (" + parts + ")";
}

struct ShowArgs {
  std::string name;
  FilterArgs f;
  size_t evidence = 2;
  size_t limit = 0;
};

int showActor(CliContext& ctx, const ShowArgs& args) {
  const std::string& name = args.name;
  core::EdgeQuery q;
  auto filter = toFilter(args.f);
  if (!filter) return ctx.usage(filter.status());
  q.filter = *filter;
  auto ref = core::ActorRef::parseArg(name);
  if (!ref) return ctx.usage(ref.status());
  auto api = ctx.api();
  if (!api) return ctx.fail(api.status());
  auto actor = (*api)->actorByRef(*ref);
  if (!actor) return ctx.failLookup(actor.status());
  q.actor = core::ActorRef::ofId(actor->id);  // the actor shown, whoever else has its name
  q.evidence = args.evidence;
  // Without --limit, --json is written as it is read (an actor of a large
  // import has a hundred thousand edges); --limit's choice of offices
  // first needs them all.
  if (ctx.json && !args.limit)
    return printEdgesStreamed(ctx, actorJson(actor.value()),
                              [&](const auto& visit) { return (*api)->forEachEdge(q, visit); });
  auto edges = (*api)->edges(q);
  if (!edges) return ctx.failLookup(edges.status());
  auto nameOf = [&](ActorId id) { return ctx.nameOf(id); };
  // --limit: the offices first, then the events, at most `limit` in all.
  std::vector<const Edge*> standing, events;
  for (const auto& e : edges.value()) (isStandingType(e.type) ? standing : events).push_back(&e);
  const size_t total = standing.size() + events.size();
  if (args.limit && standing.size() > args.limit) standing.resize(args.limit);
  if (args.limit && standing.size() + events.size() > args.limit) events.resize(args.limit - standing.size());
  const size_t leftOut = total - standing.size() - events.size();
  if (ctx.json) {
    nlohmann::json j = actorJson(actor.value());
    j["edges"] = nlohmann::json::array();
    for (const auto& e : edges.value())
      if (!args.limit || std::find(standing.begin(), standing.end(), &e) != standing.end() ||
          std::find(events.begin(), events.end(), &e) != events.end())
        j["edges"].push_back(edgeJson(ctx, e));
    if (leftOut) j["left_out"] = leftOut;
    ctx.printJson(j);
    return 0;
  }
  const Actor& a = actor.value();
  std::cout << printable(a.name) << "  (" << actorKindName(a.kind) << ", id " << a.id << ")\n";
  if (!a.country.empty()) std::cout << "  country: " << printable(a.country) << "\n";
  if (!a.aliases.empty()) std::cout << "  aliases: " << printable(joinAliases(a)) << "\n";
  std::cout << "  offices and memberships:\n";
  for (const Edge* e : standing) {
    std::string line = std::string(edgeTypeName(e->type)) + " " + nameOf(e->src == a.id ? e->dst : e->src);
    if (!e->title.empty()) line += " as " + e->title;
    std::cout << "    " << printable(line) << "  " << dateText(e->when) << provenance(*e) << "\n";
  }
  std::cout << "  events:\n";
  for (const Edge* e : events) {
    const std::string line = nameOf(e->src) + " " + edgeTypeName(e->type) + (e->mode.empty() ? "" : ":" + e->mode) +
                             " " + nameOf(e->dst);
    std::cout << "    " << dateText(e->when) << "  " << printable(line) << provenance(*e) << "\n";
    for (const auto& ev : e->evidence) std::cout << "        " << evidenceText(ev, 160) << "\n";
  }
  if (leftOut) std::cout << leftOutLine(leftOut, "edges") << "\n";
  return 0;
}

int printStats(CliContext& ctx) {
  auto api = ctx.api();
  if (!api) return ctx.fail(api.status());
  auto st = (*api)->stats();
  if (!st) return ctx.fail(st.status());
  auto sum = (*api)->summary();
  if (!sum) return ctx.fail(sum.status());
  if (ctx.json) {
    nlohmann::json byType = nlohmann::json::object(), byKind = nlohmann::json::object();
    for (const auto& [t, n] : sum->edgesByType) byType[t] = n;
    for (const auto& [k, n] : sum->actorsByKind) byKind[k] = n;
    nlohmann::json range = {{"first", nullptr}, {"last", nullptr}, {"undated_edges", sum->undatedEdges}};
    if (sum->firstDay.known()) range["first"] = sum->firstDay.toString();
    if (sum->lastDay.known()) range["last"] = sum->lastDay.toString();
    ctx.printJson({{"actors", st->actors},
                   {"edges", st->edges},
                   {"evidence", st->evidence},
                   {"documents", st->documents},
                   {"sources", sum->sources},
                   {"dates", range},
                   {"edges_by_type", byType},
                   {"actors_by_kind", byKind},
                   {"db", ctx.where()}});
    return 0;
  }
  std::cout << "database:  " << ctx.where() << "\nactors:    " << st->actors << "\nedges:     " << st->edges
            << "\nevidence:  " << st->evidence << "\ndocuments: " << st->documents << "\nsources:   " << sum->sources
            << "\ndates:     "
            << (sum->firstDay.known() ? sum->firstDay.toString() + ".." + sum->lastDay.toString() : "undated")
            << " (" << sum->undatedEdges << " undated edges)\n";
  if (!sum->edgesByType.empty()) {
    std::cout << "\n";
    Table t({{"EDGE TYPE", 20}, {"EDGES", 12, true}});
    for (const auto& [type, n] : sum->edgesByType) t.addRow({type, std::to_string(n)});
    t.print(std::cout);
  }
  if (!sum->actorsByKind.empty()) {
    std::cout << "\n";
    Table t({{"ACTOR KIND", 20}, {"ACTORS", 12, true}});
    for (const auto& [kind, n] : sum->actorsByKind) t.addRow({kind, std::to_string(n)});
    t.print(std::cout);
  }
  return 0;
}

}  // namespace

void registerActorCommands(CLI::App& app, CliContext& ctx) {
  auto* actor = app.add_subcommand("actor", "manage actors");
  actor->require_subcommand(1);
  auto* add = actor->add_subcommand("add", "add an actor");
  auto name = std::make_shared<std::string>();
  auto kind = std::make_shared<std::string>();
  auto country = std::make_shared<std::string>();
  auto aliases = std::make_shared<std::vector<std::string>>();
  add->add_option("NAME", *name, "canonical name")->required();
  add->add_option("--kind", *kind,
                  "person, organisation, armed_group, state, government_body, media or other")->required();
  add->add_option("--alias", *aliases, "another name, in any script (repeatable)");
  add->add_option("--country", *country, "country (e.g. IRQ)");
  add->callback([&ctx, name, kind, aliases, country] { ctx.exitCode = actorAdd(ctx, *name, *kind, *aliases, *country); });

  auto* list = app.add_subcommand("actors", "list actors");
  auto listKind = std::make_shared<std::string>();
  auto listLimit = std::make_shared<size_t>(0);
  list->add_option("--kind", *listKind, "only actors of this kind");
  list->add_option("--limit", *listLimit, "list at most this many actors (default: all)")->check(countCheck());
  list->callback([&ctx, listKind, listLimit] { ctx.exitCode = listActors(ctx, *listKind, *listLimit); });

  auto* resolve = app.add_subcommand("resolve", "find the actors a name or spelling refers to");
  auto rname = std::make_shared<std::string>();
  resolve->add_option("NAME", *rname, "a name, alias or spelling")->required();
  resolve->callback([&ctx, rname] { ctx.exitCode = resolveName(ctx, *rname); });

  auto* show = app.add_subcommand("show", "an actor with its aliases, offices and edges with evidence");
  auto sargs = std::make_shared<ShowArgs>();
  show->add_option("NAME", sargs->name, "a name, alias or spelling, or #ID")->required();
  show->add_option("--evidence", sargs->evidence, "evidence snippets per edge (default 2)")->check(countCheck());
  show->add_option("--limit", sargs->limit, "list at most this many edges, offices first (default: all)")
      ->check(countCheck());
  addFilterOptions(show, sargs->f);
  show->callback([&ctx, sargs] { ctx.exitCode = showActor(ctx, *sargs); });

  auto* stats = app.add_subcommand("stats",
                                   "counts of actors, edges, evidence, documents and sources; the date range; "
                                   "edges by type and actors by kind");
  stats->callback([&ctx] { ctx.exitCode = printStats(ctx); });
}

}  // namespace kg::cli
