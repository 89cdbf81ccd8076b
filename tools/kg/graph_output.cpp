#include "tools/kg/graph_output.h"

#include <set>
#include <sstream>

namespace kg::cli {

namespace {

std::string dotQuote(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    if (c == '\n' || c == '\r') {
      out += "\\n";
      continue;
    }
    out += c;
  }
  return out + "\"";
}

std::string xmlEscape(const std::string& s) {
  std::string out;
  for (unsigned char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      default:
        // XML 1.0 forbids most control characters even when escaped.
        if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') out += ' ';
        else out += static_cast<char>(c);
    }
  }
  return out;
}

std::string dateLabel(const DateRange& r) {
  if (!r.anyKnown()) return "";
  std::string from = r.from.known() ? r.from.toString() : "?";
  if (r.to == r.from) return from;
  return from + ".." + (r.to.known() ? r.to.toString() : "");
}

// Every actor id an edge touches that `actors` lacks, so drawings stay whole.
std::set<ActorId> missingEnds(const std::vector<Actor>& actors, const std::vector<Edge>& edges) {
  std::set<ActorId> known, missing;
  for (const auto& a : actors) known.insert(a.id);
  for (const auto& e : edges)
    for (ActorId id : {e.src, e.dst})
      if (!known.count(id)) missing.insert(id);
  return missing;
}

}  // namespace

std::string toDot(const std::vector<Actor>& actors, const std::vector<Edge>& edges) {
  std::ostringstream out;
  out << "digraph kg {\n  node [shape=box, fontname=\"Helvetica\"];\n  edge [fontname=\"Helvetica\", fontsize=10];\n";
  for (const auto& a : actors)
    out << "  " << a.id << " [label=" << dotQuote(a.name) << ", kind=" << dotQuote(actorKindName(a.kind)) << "];\n";
  for (ActorId id : missingEnds(actors, edges)) out << "  " << id << " [label=" << dotQuote("#" + std::to_string(id)) << "];\n";
  for (const auto& e : edges) {
    std::string label = edgeTypeName(e.type);
    std::string when = dateLabel(e.when);
    if (!when.empty()) label += " " + when;
    out << "  " << e.src << " -> " << e.dst << " [label=" << dotQuote(label) << ", type=" << dotQuote(edgeTypeName(e.type))
        << ", id=" << dotQuote(std::to_string(e.id)) << "];\n";
  }
  out << "}\n";
  return out.str();
}

std::string toGraphml(const std::vector<Actor>& actors, const std::vector<Edge>& edges) {
  std::ostringstream out;
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"\n"
         "    xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
         "    xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
         "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n"
         "  <key id=\"name\" for=\"node\" attr.name=\"name\" attr.type=\"string\"/>\n"
         "  <key id=\"kind\" for=\"node\" attr.name=\"kind\" attr.type=\"string\"/>\n"
         "  <key id=\"type\" for=\"edge\" attr.name=\"type\" attr.type=\"string\"/>\n"
         "  <key id=\"from\" for=\"edge\" attr.name=\"from\" attr.type=\"string\"/>\n"
         "  <key id=\"to\" for=\"edge\" attr.name=\"to\" attr.type=\"string\"/>\n"
         "  <key id=\"confidence\" for=\"edge\" attr.name=\"confidence\" attr.type=\"double\"/>\n"
         "  <key id=\"edge_id\" for=\"edge\" attr.name=\"edge_id\" attr.type=\"long\"/>\n"
         "  <key id=\"evidence\" for=\"edge\" attr.name=\"evidence\" attr.type=\"string\"/>\n"
         "  <graph id=\"kg\" edgedefault=\"directed\">\n";
  for (const auto& a : actors)
    out << "    <node id=\"a" << a.id << "\"><data key=\"name\">" << xmlEscape(a.name) << "</data><data key=\"kind\">"
        << actorKindName(a.kind) << "</data></node>\n";
  for (ActorId id : missingEnds(actors, edges))
    out << "    <node id=\"a" << id << "\"><data key=\"name\">#" << id << "</data></node>\n";
  for (const auto& e : edges) {
    out << "    <edge id=\"e" << e.id << "\" source=\"a" << e.src << "\" target=\"a" << e.dst << "\">"
        << "<data key=\"type\">" << edgeTypeName(e.type) << "</data>"
        << "<data key=\"from\">" << (e.when.from.known() ? e.when.from.toString() : "") << "</data>"
        << "<data key=\"to\">" << (e.when.to.known() ? e.when.to.toString() : "") << "</data>"
        << "<data key=\"confidence\">" << e.confidence << "</data>"
        << "<data key=\"edge_id\">" << e.id << "</data>";
    if (!e.evidence.empty()) out << "<data key=\"evidence\">" << xmlEscape(e.evidence.front().text) << "</data>";
    out << "</edge>\n";
  }
  out << "  </graph>\n</graphml>\n";
  return out.str();
}

}  // namespace kg::cli
