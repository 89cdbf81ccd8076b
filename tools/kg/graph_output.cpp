#include "tools/kg/graph_output.h"

#include <set>
#include <string_view>

#include "export/attributes.h"
#include "export/dot.h"
#include "export/graph_xml.h"
#include "export/sink.h"

namespace kg::cli {

namespace {

using exports::kActorAttrs;
using exports::kEdgeAttrs;

// The edge columns a query result can fill: all but evidence_count and weight.
bool drawnEdgeAttr(std::string_view name) { return name != "evidence_count" && name != "weight"; }

// Every actor id an edge touches that `actors` lacks, so drawings stay whole.
std::set<ActorId> missingEnds(const std::vector<Actor>& actors, const std::vector<Edge>& edges) {
  std::set<ActorId> known, missing;
  for (const auto& a : actors) known.insert(a.id);
  for (const auto& e : edges)
    for (ActorId id : {e.src, e.dst})
      if (!known.count(id)) missing.insert(id);
  return missing;
}

Actor placeholder(ActorId id) {
  Actor a;
  a.id = id;
  a.name = "#" + std::to_string(id);
  return a;
}

}  // namespace

std::string toDot(const std::vector<Actor>& actors, const std::vector<Edge>& edges, bool truncated,
                  const std::string& cutBy) {
  std::string out = "digraph kg {\n  graph [truncated=";
  out += truncated ? "\"true\"" : "\"false\"";
  if (truncated) {
    out += ", label=";
    exports::appendDotQuoted(&out, "truncated: " + cutBy);
    out += ", labelloc=t";
  }
  out += "];\n  node [shape=box, fontname=\"Helvetica\"];\n  edge [fontname=\"Helvetica\", fontsize=10];\n";
  auto node = [&](const Actor& a) {
    out += "  " + std::to_string(a.id) + " [label=";
    exports::appendDotQuoted(&out, a.name);
    const auto values = exports::actorValues(a);
    for (size_t i = 0; i < values.size(); ++i) {
      out += std::string(", ") + kActorAttrs[i].name + "=";
      exports::appendDotQuoted(&out, values[i]);
    }
    out += "];\n";
  };
  for (const auto& a : actors) node(a);
  for (ActorId id : missingEnds(actors, edges)) node(placeholder(id));
  for (const auto& e : edges) {
    const exports::ExportEdge x{e, 0, 1};
    out += "  " + std::to_string(e.src) + " -> " + std::to_string(e.dst) + " [label=";
    exports::appendDotQuoted(&out, exports::edgeLabel(x));
    const auto values = exports::edgeValues(x);
    for (size_t i = 0; i < values.size(); ++i) {
      if (!drawnEdgeAttr(kEdgeAttrs[i].name)) continue;
      out += std::string(", ") + kEdgeAttrs[i].name + "=";
      exports::appendDotQuoted(&out, values[i]);
    }
    out += "];\n";
  }
  out += "}\n";
  return out;
}

std::string toGraphml(const std::vector<Actor>& actors, const std::vector<Edge>& edges, bool truncated,
                      const std::string& cutBy) {
  std::string out;
  exports::appendGraphmlPreamble(&out);
  for (const auto& a : kActorAttrs) exports::appendGraphmlKey(&out, "node", "n_", a);
  out += "  <key id=\"elabel\" for=\"edge\" attr.name=\"label\" attr.type=\"string\"/>\n";
  for (const auto& a : kEdgeAttrs)
    if (drawnEdgeAttr(a.name)) exports::appendGraphmlKey(&out, "edge", "e_", a);
  out += "  <key id=\"evidence\" for=\"edge\" attr.name=\"evidence\" attr.type=\"string\"/>\n";
  out += "  <graph id=\"kg\" edgedefault=\"directed\">\n";
  out += std::string("    <data key=\"truncated\">") + (truncated ? "true" : "false") + "</data>\n";
  if (truncated) {
    out += "    <data key=\"description\">truncated: ";
    exports::appendXmlEscaped(&out, cutBy);
    out += "</data>\n";
  }
  auto node = [&](const Actor& a) {
    out += "    <node id=\"a" + std::to_string(a.id) + "\"><data key=\"label\">";
    exports::appendXmlEscaped(&out, a.name);
    out += "</data>";
    const auto values = exports::actorValues(a);
    for (size_t i = 0; i < values.size(); ++i) {
      out += std::string("<data key=\"n_") + kActorAttrs[i].name + "\">";
      exports::appendXmlEscaped(&out, values[i]);
      out += "</data>";
    }
    out += "</node>\n";
  };
  for (const auto& a : actors) node(a);
  for (ActorId id : missingEnds(actors, edges)) node(placeholder(id));
  for (const auto& e : edges) {
    const exports::ExportEdge x{e, 0, 1};
    out += "    <edge id=\"e" + std::to_string(e.id) + "\" source=\"a" + std::to_string(e.src) + "\" target=\"a" +
           std::to_string(e.dst) + "\"><data key=\"elabel\">";
    exports::appendXmlEscaped(&out, exports::edgeLabel(x));
    out += "</data>";
    const auto values = exports::edgeValues(x);
    for (size_t i = 0; i < values.size(); ++i) {
      if (!drawnEdgeAttr(kEdgeAttrs[i].name)) continue;
      out += std::string("<data key=\"e_") + kEdgeAttrs[i].name + "\">";
      exports::appendXmlEscaped(&out, values[i]);
      out += "</data>";
    }
    if (!e.evidence.empty()) {
      out += "<data key=\"evidence\">";
      exports::appendXmlEscaped(&out, e.evidence.front().text);
      out += "</data>";
    }
    out += "</edge>\n";
  }
  out += "  </graph>\n</graphml>\n";
  return out;
}

}  // namespace kg::cli
