// Curation: kg actor merge / alias add|rm / rename / set / rm, kg edge rm,
// kg log, kg undo (core/curation.h), on a local database or through kgd (--remote).
#include <algorithm>
#include <ctime>
#include <iomanip>

#include "core/curation.h"
#include "core/graph_api.h"
#include "tools/kg/cli.h"

namespace kg::cli {

namespace {

bool allDigits(const std::string& s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// A number as kg prints ids and log records: "12" or "#12", at most 19
// digits; nullopt for anything else.
std::optional<uint64_t> numberArg(const std::string& text) {
  const std::string digits = !text.empty() && text[0] == '#' ? text.substr(1) : text;
  if (!allDigits(digits) || digits.size() > 19) return std::nullopt;
  return std::stoull(digits);
}

// The curation commands run through GraphApi: on the local database (opened
// for writing) or, with --remote, on kgd, with the same semantics, messages
// and exit codes. An ACTOR argument is an id ("12" or "#12") or a name,
// alias or spelling; the graph reads it (core::GraphApi).
struct Session {
  core::GraphApi* api = nullptr;
  core::CurationBy by;
};

Result<Session> openSession(CliContext& ctx) {
  auto api = ctx.writableApi();
  if (!api) return api.status();
  return Session{api.value(), core::CurationBy{"", ctx.commandLine}};
}

void printActor(CliContext& ctx, const std::string& what, const Actor& a, uint64_t extraSeq = 0) {
  if (ctx.json) {
    nlohmann::json j = actorJson(a);
    if (extraSeq) j["log"] = extraSeq;
    ctx.printJson(j);
    return;
  }
  std::cout << what << " " << actorKindName(a.kind) << " '" << a.name << "' (id " << a.id << ")";
  if (!a.country.empty()) std::cout << ", country " << a.country;
  if (!a.aliases.empty()) {
    std::cout << ", aliases: ";
    for (size_t i = 0; i < a.aliases.size(); ++i) std::cout << (i ? "; " : "") << a.aliases[i];
  }
  std::cout << "\n";
}

int merge(CliContext& ctx, const std::string& keepSpec, const std::string& dropSpec) {
  auto s = openSession(ctx);
  if (!s) return ctx.fail(s.status());
  auto r = s->api->mergeActors(keepSpec, dropSpec, s->by);
  if (!r) return ctx.fail(r.status());
  const core::MergeSummary* m = &r->summary;
  const Actor* drop = &r->dropped;
  if (ctx.json) {
    nlohmann::json j{{"kept", actorJson(m->kept)},
                     {"dropped", drop->id},
                     {"edges_moved", m->edgesMoved},
                     {"edges_joined", m->edgesJoined},
                     {"self_loops_dropped", m->selfLoops},
                     {"suppressed", m->suppressed},
                     {"log", m->logSeq}};
    ctx.printJson(j);
    return 0;
  }
  std::cout << "merged '" << drop->name << "' (id " << drop->id << ") into '" << m->kept.name << "' (id "
            << m->kept.id << "): " << m->edgesMoved << " edges moved (" << m->edgesJoined
            << " joined an edge it had), " << m->selfLoops << " edges between the two dropped";
  if (m->suppressed) std::cout << ", " << m->suppressed << " removed facts stay removed";
  std::cout << "; log #" << m->logSeq << "\n";
  return 0;
}

int aliasCmd(CliContext& ctx, bool add, const std::string& spec, const std::string& alias) {
  auto s = openSession(ctx);
  if (!s) return ctx.fail(s.status());
  auto r = s->api->aliasActor(spec, alias, add, s->by);
  if (!r) return ctx.fail(r.status());
  printActor(ctx, add ? "alias added:" : "alias removed:", r.value());
  return 0;
}

int renameActor(CliContext& ctx, const std::string& spec, const std::string& name) {
  auto s = openSession(ctx);
  if (!s) return ctx.fail(s.status());
  auto r = s->api->renameActor(spec, name, s->by);
  if (!r) return ctx.fail(r.status());
  printActor(ctx, "renamed:", r.value());
  return 0;
}

int setCmd(CliContext& ctx, const std::string& spec, const std::string& kindText, const std::string& country,
           bool countryGiven) {
  std::optional<ActorKind> kind;
  if (!kindText.empty()) {
    auto k = parseActorKind(kindText);
    if (!k) return ctx.fail(k.status());
    kind = k.value();
  }
  auto s = openSession(ctx);
  if (!s) return ctx.fail(s.status());
  auto r = s->api->setActor(spec, kind, countryGiven ? std::optional<std::string>(country) : std::nullopt, s->by);
  if (!r) return ctx.fail(r.status());
  printActor(ctx, "set:", r.value());
  return 0;
}

int removeActor(CliContext& ctx, const std::string& spec, bool withEdges) {
  auto s = openSession(ctx);
  if (!s) return ctx.fail(s.status());
  auto r = s->api->removeActor(spec, withEdges, s->by);
  if (!r) return ctx.fail(r.status());
  if (ctx.json) {
    ctx.printJson({{"removed", actorJson(r->removed)}, {"edges_removed", r->edgesRemoved}, {"log", r->logSeq}});
  } else {
    std::cout << "removed " << actorKindName(r->removed.kind) << " '" << r->removed.name << "' (id " << r->removed.id
              << ") and " << r->edgesRemoved << " edges; log #" << r->logSeq << "\n";
  }
  return 0;
}

int removeEdge(CliContext& ctx, const std::string& idText) {
  const auto edge = numberArg(idText);
  if (!edge) return ctx.fail("edge id '" + idText + "' is not a number (kg edges --json lists ids)");
  auto s = openSession(ctx);
  if (!s) return ctx.fail(s.status());
  auto e = s->api->removeEdge(*edge, s->by);
  if (!e) return ctx.fail(e.status());
  auto nameOf = [&](ActorId id) { return ctx.nameOf(id); };
  if (ctx.json) {
    ctx.printJson({{"removed", edgeJson(ctx, e.value())}});
  } else {
    std::cout << "removed edge " << e->id << ": " << nameOf(e->src) << " " << edgeTypeName(e->type) << " "
              << nameOf(e->dst) << " (" << (e->when.from.known() ? e->when.from.toString() : "undated") << ", "
              << e->evidence.size() << " evidence); re-ingesting or re-importing it will not bring it back\n";
  }
  return 0;
}

std::string isoTime(int64_t t) {
  std::time_t tt = static_cast<std::time_t>(t);
  std::tm tm{};
  gmtime_r(&tt, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

// A record's details as shown (GraphApi::curationLog leaves the undo image
// out and says "undoable").
nlohmann::json shownDetails(const std::string& text) {
  nlohmann::json details = nlohmann::json::parse(text, nullptr, false);
  if (details.is_discarded()) return text;
  return details;
}

int showLog(CliContext& ctx) {
  auto api = ctx.api();
  if (!api) return ctx.fail(api.status());
  auto log = (*api)->curationLog();
  if (!log) return ctx.fail(log.status());
  if (ctx.json) {
    nlohmann::json arr = nlohmann::json::array();
    for (const auto& r : log.value()) {
      nlohmann::json details = shownDetails(r.details);
      arr.push_back({{"seq", r.seq}, {"time", isoTime(r.unixSeconds)}, {"user", r.user}, {"command", r.command},
                     {"args", r.args}, {"details", details}});
    }
    ctx.printJson(arr);
    return 0;
  }
  if (log->empty()) {
    std::cout << "no curation yet\n";
    return 0;
  }
  for (const auto& r : log.value()) {
    const nlohmann::json details = shownDetails(r.details);
    const std::string text = details.is_string() ? details.get<std::string>() : details.dump();
    std::cout << "#" << r.seq << "  " << isoTime(r.unixSeconds) << "  " << r.user << "  kg " << r.args << "\n"
              << "      " << text.substr(0, 300) << (text.size() > 300 ? " ..." : "") << "\n";
  }
  return 0;
}

int undo(CliContext& ctx, const std::string& idText) {
  std::optional<uint64_t> seq;  // the last record when none is given
  if (!idText.empty()) {
    seq = numberArg(idText);
    if (!seq || *seq == 0)
      return ctx.usage("log record '" + idText + "' is not a record number (kg log lists them: #1, #2, ...)");
  }
  auto s = openSession(ctx);
  if (!s) return ctx.fail(s.status());
  auto r = s->api->undo(seq, s->by);
  if (!r) {
    if (r.status().code() == StatusCode::kNotFound) return ctx.fail(r.status(), kExitNotFound);
    if (r.status().code() == StatusCode::kFailedPrecondition) return ctx.fail(r.status(), kExitConflict);
    return ctx.fail(r.status());
  }
  if (ctx.json) {
    ctx.printJson({{"undone", r->undone},
                   {"undone_command", r->undoneCommand},
                   {"undone_args", r->undoneArgs},
                   {"actors", r->actors},
                   {"edges", r->edges},
                   {"log", r->logSeq}});
  } else {
    std::cout << (r->undoneCommand == "undo" ? "redid: undid" : "undid") << " #" << r->undone << " (kg "
              << r->undoneArgs << "): " << r->actors << " actors and " << r->edges << " edges put back as they were; log #"
              << r->logSeq << " (kg undo " << r->logSeq << " redoes it)\n";
  }
  return 0;
}

}  // namespace

void registerCurationCommands(CLI::App& app, CliContext& ctx) {
  CLI::App* actor = app.get_subcommand("actor");
  CLI::App* edge = app.get_subcommand("edge");

  auto* mergeCmd = actor->add_subcommand("merge", "merge actor DROP into KEEP (edges, evidence and aliases move)");
  auto keep = std::make_shared<std::string>(), drop = std::make_shared<std::string>();
  mergeCmd->add_option("KEEP", *keep, "the actor that stays (id or name)")->required();
  mergeCmd->add_option("DROP", *drop, "the actor merged into it and removed (id or name)")->required();
  mergeCmd->callback([&ctx, keep, drop] { ctx.exitCode = merge(ctx, *keep, *drop); });

  auto* alias = actor->add_subcommand("alias", "add or remove an alias of an actor");
  alias->require_subcommand(1);
  for (bool add : {true, false}) {
    auto* sub = alias->add_subcommand(add ? "add" : "rm", add ? "add an alias" : "remove an alias");
    auto who = std::make_shared<std::string>(), name = std::make_shared<std::string>();
    sub->add_option("ACTOR", *who, "id or name")->required();
    sub->add_option("ALIAS", *name, "the alias")->required();
    sub->callback([&ctx, add, who, name] { ctx.exitCode = aliasCmd(ctx, add, *who, *name); });
  }

  auto* renameCmd = actor->add_subcommand("rename", "give an actor a new canonical name (the old one stays an alias)");
  auto rwho = std::make_shared<std::string>(), rname = std::make_shared<std::string>();
  renameCmd->add_option("ACTOR", *rwho, "id or name")->required();
  renameCmd->add_option("NAME", *rname, "the new name")->required();
  renameCmd->callback([&ctx, rwho, rname] { ctx.exitCode = renameActor(ctx, *rwho, *rname); });

  auto* setSub = actor->add_subcommand("set", "set an actor's kind and/or country");
  auto swho = std::make_shared<std::string>(), skind = std::make_shared<std::string>(),
       scountry = std::make_shared<std::string>();
  setSub->add_option("ACTOR", *swho, "id or name")->required();
  setSub->add_option("--kind", *skind, "person, organisation, armed_group, state, government_body, media or other");
  auto* countryOpt = setSub->add_option("--country", *scountry, "country (e.g. IRQ; \"\" clears it)");
  setSub->callback([&ctx, swho, skind, scountry, countryOpt] {
    ctx.exitCode = setCmd(ctx, *swho, *skind, *scountry, countryOpt->count() > 0);
  });

  auto* rmActor = actor->add_subcommand("rm", "remove an actor (refused while it has edges, unless --with-edges)");
  auto rmwho = std::make_shared<std::string>();
  auto withEdges = std::make_shared<bool>(false);
  rmActor->add_option("ACTOR", *rmwho, "id or name")->required();
  rmActor->add_flag("--with-edges", *withEdges, "remove its edges too");
  rmActor->callback([&ctx, rmwho, withEdges] { ctx.exitCode = removeActor(ctx, *rmwho, *withEdges); });

  auto* rmEdge = edge->add_subcommand("rm", "remove an edge with its evidence (it stays removed on re-ingest)");
  auto eid = std::make_shared<std::string>();
  rmEdge->add_option("ID", *eid, "edge id (kg edges --json lists them)")->required();
  rmEdge->callback([&ctx, eid] { ctx.exitCode = removeEdge(ctx, *eid); });

  auto* logCmd = app.add_subcommand("log", "the curation history: who changed what, when, and how to undo it");
  logCmd->callback([&ctx] { ctx.exitCode = showLog(ctx); });

  auto* undoCmd = app.add_subcommand(
      "undo", "undo the last curation command (or log record ID) as a new logged command; undoing an undo redoes");
  auto uid = std::make_shared<std::string>();
  undoCmd->add_option("ID", *uid, "the log record to undo (kg log lists them); default: the last one");
  undoCmd->callback([&ctx, uid] { ctx.exitCode = undo(ctx, *uid); });
}

}  // namespace kg::cli
