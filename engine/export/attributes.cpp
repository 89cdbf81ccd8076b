#include "export/attributes.h"

#include <nlohmann/json.hpp>

#include "export/sink.h"

namespace kg::exports {

std::array<std::string, kActorAttrs.size()> actorValues(const Actor& a) {
  std::string aliases;
  for (const auto& al : a.aliases) {
    if (!aliases.empty()) aliases.push_back('|');
    for (char c : al) aliases.push_back(c == '|' ? '/' : c);
  }
  std::string attrs;
  if (!a.attributes.empty()) attrs = nlohmann::json(a.attributes).dump();
  return {a.name, actorKindName(a.kind), a.country, aliases, attrs};
}

std::array<std::string, kEdgeAttrs.size()> edgeValues(const ExportEdge& x) {
  const Edge& e = x.edge;
  return {std::to_string(e.id),
          edgeTypeName(e.type),
          e.mode,
          e.cameo,
          e.title,
          e.when.from.known() ? e.when.from.toString() : "",
          e.when.to.known() ? e.when.to.toString() : "",
          dateBasisName(e.dateBasis),
          floatText(e.confidence),
          std::to_string(e.sources),
          std::to_string(x.evidenceCount),
          e.srcCode,
          e.dstCode,
          std::to_string(x.weight)};
}

std::string edgeLabel(const ExportEdge& x) {
  const Edge& e = x.edge;
  std::string label = edgeTypeName(e.type);
  if (!e.title.empty()) label += " (" + e.title + ")";
  if (x.weight > 1) label += " x" + std::to_string(x.weight);
  if (e.when.anyKnown()) {
    const std::string from = e.when.from.known() ? e.when.from.toString() : "?";
    label += " " + from;
    if (!(e.when.to == e.when.from)) label += ".." + (e.when.to.known() ? e.when.to.toString() : std::string("?"));
  }
  return label;
}

}  // namespace kg::exports
