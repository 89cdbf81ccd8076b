// kg actor add, kg actors, kg resolve, kg show, kg stats.
#include <iomanip>

#include "core/json_codec.h"
#include "tools/kg/cli.h"

namespace kg::cli {

namespace {

std::string joinAliases(const Actor& a) {
  std::string s;
  for (const auto& al : a.aliases) s += (s.empty() ? "" : "; ") + al;
  return s;
}

void printActorTable(const std::vector<Actor>& actors) {
  std::cout << std::left << std::setw(8) << "ID" << std::setw(16) << "KIND" << std::setw(36) << "NAME" << "ALIASES\n";
  for (const auto& a : actors)
    std::cout << std::setw(8) << a.id << std::setw(16) << actorKindName(a.kind) << std::setw(35) << a.name << " "
              << joinAliases(a) << "\n";
}

int actorAdd(CliContext& ctx, const std::string& name, const std::string& kindText,
             const std::vector<std::string>& aliases, const std::string& country) {
  auto kind = parseActorKind(kindText);
  if (!kind) return ctx.fail(kind.status());
  auto engine = ctx.engine(true);
  if (!engine) return ctx.fail(engine.status());
  Actor a;
  a.name = name;
  a.kind = kind.value();
  a.aliases = aliases;
  a.country = country;
  auto added = (*engine)->addActor(a);
  if (!added) return ctx.fail(added.status());
  if (ctx.json)
    ctx.printJson(core::actorToJson(added.value()));
  else
    std::cout << "added " << actorKindName(added->kind) << " '" << added->name << "' (id " << added->id << ")\n";
  return 0;
}

int listActors(CliContext& ctx, const std::string& kindText) {
  std::optional<ActorKind> kind;
  if (!kindText.empty()) {
    auto k = parseActorKind(kindText);
    if (!k) return ctx.fail(k.status());
    kind = k.value();
  }
  auto api = ctx.api();
  if (!api) return ctx.fail(api.status());
  auto actors = (*api)->actors(kind);
  if (!actors) return ctx.fail(actors.status());
  if (ctx.json) {
    nlohmann::json arr = nlohmann::json::array();
    for (const auto& a : actors.value()) arr.push_back(core::actorToJson(a));
    ctx.printJson(arr);
  } else {
    printActorTable(actors.value());
  }
  return 0;
}

int resolveName(CliContext& ctx, const std::string& name) {
  auto api = ctx.api();
  if (!api) return ctx.fail(api.status());
  auto found = (*api)->resolve(name);
  if (!found) return ctx.fail(found.status());
  if (found->empty()) return ctx.fail((*api)->actor(name).status());
  if (ctx.json) {
    nlohmann::json arr = nlohmann::json::array();
    for (const auto& a : found.value()) arr.push_back(core::actorToJson(a));
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
  std::string name, types, cameo;
  size_t evidence = 2;
};

int showActor(CliContext& ctx, const ShowArgs& args) {
  const std::string& name = args.name;
  rpc::EdgeQuery q;
  auto types = parseTypeList(args.types);
  if (!types) return ctx.fail(Status::invalidArgument("--type: " + types.status().message()));
  q.filter.types = std::move(types).value();
  if (Status c = parseCameoOption(args.cameo, &q.filter); !c.isOk()) return ctx.fail(c);
  auto api = ctx.api();
  if (!api) return ctx.fail(api.status());
  auto actor = (*api)->actor(name);
  if (!actor) return ctx.fail(actor.status());
  q.actor = name;
  q.evidence = args.evidence;
  auto edges = (*api)->edges(q);
  if (!edges) return ctx.fail(edges.status());
  auto nameOf = [&](ActorId id) { return ctx.nameOf(id); };
  if (ctx.json) {
    nlohmann::json j = core::actorToJson(actor.value());
    j["edges"] = nlohmann::json::array();
    for (const auto& e : edges.value()) j["edges"].push_back(core::edgeToJson(e, nameOf));
    ctx.printJson(j);
    return 0;
  }
  const Actor& a = actor.value();
  std::cout << a.name << "  (" << actorKindName(a.kind) << ", id " << a.id << ")\n";
  if (!a.country.empty()) std::cout << "  country: " << a.country << "\n";
  if (!a.aliases.empty()) std::cout << "  aliases: " << joinAliases(a) << "\n";
  std::cout << "  offices and memberships:\n";
  for (const auto& e : edges.value()) {
    if (!isStandingType(e.type)) continue;
    std::cout << "    " << edgeTypeName(e.type) << " " << nameOf(e.src == a.id ? e.dst : e.src);
    if (!e.title.empty()) std::cout << " as " << e.title;
    std::cout << "  [" << (e.when.from.known() ? e.when.from.toString() : "?") << " .. "
              << (e.when.to.known() ? e.when.to.toString() : "?") << "]" << provenance(e) << "\n";
  }
  std::cout << "  events:\n";
  for (const auto& e : edges.value()) {
    if (isStandingType(e.type)) continue;
    std::cout << "    " << (e.when.from.known() ? e.when.from.toString() : "(undated)") << "  " << nameOf(e.src)
              << " " << edgeTypeName(e.type) << (e.mode.empty() ? "" : ":" + e.mode) << " " << nameOf(e.dst)
              << provenance(e) << "\n";
    for (const auto& ev : e.evidence) std::cout << "        \"" << ev.text.substr(0, 160) << "\"\n";
  }
  return 0;
}

int printStats(CliContext& ctx) {
  auto api = ctx.api();
  if (!api) return ctx.fail(api.status());
  auto st = (*api)->stats();
  if (!st) return ctx.fail(st.status());
  if (ctx.json) {
    ctx.printJson({{"actors", st->actors}, {"edges", st->edges}, {"evidence", st->evidence},
                   {"documents", st->documents}, {"db", ctx.where()}});
  } else {
    std::cout << "database:  " << ctx.where() << "\nactors:    " << st->actors << "\nedges:     " << st->edges
              << "\nevidence:  " << st->evidence << "\ndocuments: " << st->documents << "\n";
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
  list->add_option("--kind", *listKind, "only actors of this kind");
  list->callback([&ctx, listKind] { ctx.exitCode = listActors(ctx, *listKind); });

  auto* resolve = app.add_subcommand("resolve", "find the actors a name or spelling refers to");
  auto rname = std::make_shared<std::string>();
  resolve->add_option("NAME", *rname, "a name, alias or spelling")->required();
  resolve->callback([&ctx, rname] { ctx.exitCode = resolveName(ctx, *rname); });

  auto* show = app.add_subcommand("show", "an actor with its aliases, offices and edges with evidence");
  auto sargs = std::make_shared<ShowArgs>();
  show->add_option("NAME", sargs->name, "a name, alias or spelling")->required();
  show->add_option("--evidence", sargs->evidence, "evidence snippets per edge (default 2)");
  show->add_option("--type", sargs->types, "only edges of these types, comma-separated (" + edgeTypeList() + ")");
  addCameoOption(show, sargs->cameo);
  show->callback([&ctx, sargs] { ctx.exitCode = showActor(ctx, *sargs); });

  auto* stats = app.add_subcommand("stats", "counts of actors, edges, evidence and documents");
  stats->callback([&ctx] { ctx.exitCode = printStats(ctx); });
}

}  // namespace kg::cli
