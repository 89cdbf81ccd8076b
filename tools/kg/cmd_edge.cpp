// kg edge add, kg edges.
#include <iomanip>

#include "core/json_codec.h"
#include "tools/kg/cli.h"

namespace kg::cli {

namespace {

struct EdgeAddArgs {
  std::string src, type, dst, from, to, evidence, doc, mode, cameo, title;
  float confidence = 1.0f;
};

int edgeAdd(CliContext& ctx, const EdgeAddArgs& a) {
  auto type = parseEdgeType(a.type);
  if (!type) return ctx.fail(type.status());
  auto from = parseDateOption(a.from, "--from");
  if (!from) return ctx.fail(from.status());
  auto to = parseDateOption(a.to, "--to");
  if (!to) return ctx.fail(to.status());
  if (!(a.confidence >= 0.0f && a.confidence <= 1.0f))
    return ctx.fail("--confidence " + std::to_string(a.confidence) + " is outside 0..1");
  auto engine = ctx.engine(true);
  if (!engine) return ctx.fail(engine.status());
  auto src = (*engine)->resolveOne(a.src);
  if (!src) return ctx.fail(src.status());
  auto dst = (*engine)->resolveOne(a.dst);
  if (!dst) return ctx.fail(dst.status());
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
    ctx.printJson(core::edgeToJson(added.value(), [&](ActorId id) { return ctx.nameOf(id); }));
  } else {
    std::cout << "edge " << added->id << ": " << src->name << " " << edgeTypeName(added->type) << " " << dst->name
              << " (" << added->evidence.size() << " evidence)\n";
  }
  return 0;
}

// Cuts `s` to `width` characters (UTF-8 aware) so table columns stay apart.
std::string cell(const std::string& s, size_t width) {
  size_t chars = 0, i = 0;
  for (; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80 && chars++ == width) break;
  }
  return i < s.size() ? s.substr(0, i) : s;
}

struct EdgesArgs {
  std::string actor, types, cameo, from, to;
  bool undated = false;
  size_t limit = 0;
  size_t evidence = 3;
};

int listEdges(CliContext& ctx, const EdgesArgs& a) {
  rpc::EdgeQuery q;
  auto types = parseTypeList(a.types);
  if (!types) return ctx.fail(types.status());
  q.filter.types = std::move(types).value();
  if (Status c = parseCameoOption(a.cameo, &q.filter); !c.isOk()) return ctx.fail(c);
  Status window = parseWindow(a.from, a.to, a.undated, &q.filter);
  if (!window.isOk()) return ctx.fail(window);
  q.limit = a.limit;
  q.evidence = a.evidence;
  q.actor = a.actor;
  auto api = ctx.api();
  if (!api) return ctx.fail(api.status());
  auto edges = (*api)->edges(q);
  if (!edges) return ctx.fail(edges.status());
  auto nameOf = [&](ActorId id) { return ctx.nameOf(id); };
  if (ctx.json) {
    nlohmann::json arr = nlohmann::json::array();
    for (const auto& e : edges.value()) arr.push_back(core::edgeToJson(e, nameOf));
    ctx.printJson(arr);
    return 0;
  }
  std::cout << std::left << std::setw(7) << "ID" << std::setw(12) << "FROM" << std::setw(12) << "TO" << std::setw(11)
            << "BASIS" << std::setw(5) << "SRCS" << std::setw(28) << "SOURCE" << std::setw(14) << "TYPE"
            << std::setw(28) << "TARGET" << "EVIDENCE\n";
  for (const auto& e : edges.value()) {
    const std::string basis = dateBasisName(e.dateBasis);
    std::cout << std::setw(7) << e.id << std::setw(12) << (e.when.from.known() ? e.when.from.toString() : "-")
              << std::setw(12) << (e.when.to.known() ? e.when.to.toString() : "-") << std::setw(11)
              << (basis.empty() ? "-" : basis) << std::setw(5) << (e.sources ? std::to_string(e.sources) : "-")
              << std::setw(28)
              << cell(nameOf(e.src), 27) << std::setw(14) << edgeTypeName(e.type) << std::setw(28)
              << cell(nameOf(e.dst), 27)
              << (e.evidence.empty() ? "" : e.evidence.front().text.substr(0, 80)) << "\n";
  }
  return 0;
}

}  // namespace

void registerEdgeCommands(CLI::App& app, CliContext& ctx) {
  auto* edge = app.add_subcommand("edge", "manage edges");
  edge->require_subcommand(1);
  auto* add = edge->add_subcommand("add", "add a typed, dated edge (merged into an identical stored fact)");
  auto args = std::make_shared<EdgeAddArgs>();
  add->add_option("SRC", args->src, "source actor (name or alias)")->required();
  add->add_option("TYPE", args->type, "edge type: " + edgeTypeList())->required();
  add->add_option("DST", args->dst, "target actor (name or alias)")->required();
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
  list->add_option("--actor", la->actor, "only edges touching this actor");
  list->add_option("--type", la->types, "only these types, comma-separated (" + edgeTypeList() + ")");
  addCameoOption(list, la->cameo);
  list->add_option("--from", la->from, "window start: edges whose dates overlap the window");
  list->add_option("--to", la->to, "window end");
  list->add_flag("--undated", la->undated, "with a window, also list edges with no known date");
  list->add_option("--limit", la->limit, "at most this many edges")->check(countCheck());
  list->add_option("--evidence", la->evidence, "evidence snippets per edge in JSON (default 3)");
  list->callback([&ctx, la] { ctx.exitCode = listEdges(ctx, *la); });
}

}  // namespace kg::cli
