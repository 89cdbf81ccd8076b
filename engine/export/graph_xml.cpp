#include "export/graph_xml.h"

#include "export/attributes.h"

namespace kg::exports {

namespace {

const char* graphmlType(AttrType t) {
  switch (t) {
    case AttrType::kInt: return "int";
    case AttrType::kLong: return "long";
    case AttrType::kDouble: return "double";
    case AttrType::kString: break;
  }
  return "string";
}

std::string edgeXmlId(const ExportEdge& e, uint64_t ordinal) {
  return e.edge.id ? "e" + std::to_string(e.edge.id) : "c" + std::to_string(ordinal);
}

class GraphmlWriter final : public GraphWriter {
 public:
  explicit GraphmlWriter(Sink& sink) : out_(sink) {}

  Status begin(const ExportInfo& info) override {
    std::string s;
    appendGraphmlPreamble(&s);
    for (const auto& a : kActorAttrs) appendGraphmlKey(&s, "node", "n_", a);
    s += "  <key id=\"elabel\" for=\"edge\" attr.name=\"label\" attr.type=\"string\"/>\n";
    for (const auto& a : kEdgeAttrs) appendGraphmlKey(&s, "edge", "e_", a);
    s += "  <graph id=\"kg\" edgedefault=\"directed\">\n";
    s += std::string("    <data key=\"truncated\">") + (info.truncated ? "true" : "false") + "</data>\n";
    s += "    <data key=\"description\">";
    appendXmlEscaped(&s, info.description);
    s += "</data>\n";
    out_ << s;
    return Status::ok();
  }

  Status actor(const Actor& a) override {
    line_.clear();
    line_ += "    <node id=\"a" + std::to_string(a.id) + "\"><data key=\"label\">";
    appendXmlEscaped(&line_, a.name);
    line_ += "</data>";
    const auto values = actorValues(a);
    for (size_t i = 0; i < values.size(); ++i) {
      line_ += std::string("<data key=\"n_") + kActorAttrs[i].name + "\">";
      appendXmlEscaped(&line_, values[i]);
      line_ += "</data>";
    }
    line_ += "</node>\n";
    out_ << line_;
    return Status::ok();
  }

  Status edge(const ExportEdge& e) override {
    line_.clear();
    line_ += "    <edge id=\"" + edgeXmlId(e, ++ordinal_) + "\" source=\"a" + std::to_string(e.edge.src) +
             "\" target=\"a" + std::to_string(e.edge.dst) + "\"><data key=\"elabel\">";
    appendXmlEscaped(&line_, edgeLabel(e));
    line_ += "</data>";
    const auto values = edgeValues(e);
    for (size_t i = 0; i < values.size(); ++i) {
      line_ += std::string("<data key=\"e_") + kEdgeAttrs[i].name + "\">";
      appendXmlEscaped(&line_, values[i]);
      line_ += "</data>";
    }
    line_ += "</edge>\n";
    out_ << line_;
    return Status::ok();
  }

  Status finish() override {
    out_ << "  </graph>\n</graphml>\n";
    return out_.close();
  }

 private:
  Sink& out_;
  std::string line_;
  uint64_t ordinal_ = 0;
};

const char* gexfType(AttrType t) {
  switch (t) {
    case AttrType::kInt: return "integer";
    case AttrType::kLong: return "long";
    case AttrType::kDouble: return "double";
    case AttrType::kString: break;
  }
  return "string";
}

class GexfWriter final : public GraphWriter {
 public:
  explicit GexfWriter(Sink& sink) : out_(sink) {}

  Status begin(const ExportInfo& info) override {
    std::string s =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<gexf xmlns=\"http://www.gexf.net/1.2draft\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
        "    xsi:schemaLocation=\"http://www.gexf.net/1.2draft http://www.gexf.net/1.2draft/gexf.xsd\" "
        "version=\"1.2\">\n"
        "  <meta>\n    <creator>ActorGraph kg export</creator>\n";
    s += std::string("    <keywords>") + (info.truncated ? "truncated" : "complete") + "</keywords>\n";
    s += "    <description>";
    appendXmlEscaped(&s, info.description);
    s += "</description>\n  </meta>\n";
    s += "  <graph mode=\"static\" defaultedgetype=\"directed\">\n    <attributes class=\"node\">\n";
    for (const auto& a : kActorAttrs)
      s += std::string("      <attribute id=\"") + a.name + "\" title=\"" + a.name + "\" type=\"" + gexfType(a.type) +
           "\"/>\n";
    s += "    </attributes>\n    <attributes class=\"edge\">\n";
    for (const auto& a : kEdgeAttrs) {
      if (std::string_view(a.name) == "weight") continue;  // GEXF's own weight attribute carries it
      s += std::string("      <attribute id=\"") + a.name + "\" title=\"" + a.name + "\" type=\"" + gexfType(a.type) +
           "\"/>\n";
    }
    s += "    </attributes>\n    <nodes>\n";
    out_ << s;
    return Status::ok();
  }

  Status actor(const Actor& a) override {
    line_.clear();
    line_ += "      <node id=\"a" + std::to_string(a.id) + "\" label=\"";
    appendXmlEscaped(&line_, a.name);
    line_ += "\"><attvalues>";
    const auto values = actorValues(a);
    for (size_t i = 0; i < values.size(); ++i) {
      line_ += std::string("<attvalue for=\"") + kActorAttrs[i].name + "\" value=\"";
      appendXmlEscaped(&line_, values[i]);
      line_ += "\"/>";
    }
    line_ += "</attvalues></node>\n";
    out_ << line_;
    return Status::ok();
  }

  Status edge(const ExportEdge& e) override {
    line_.clear();
    if (!inEdges_) {
      line_ += "    </nodes>\n    <edges>\n";
      inEdges_ = true;
    }
    line_ += "      <edge id=\"" + edgeXmlId(e, ++ordinal_) + "\" source=\"a" + std::to_string(e.edge.src) +
             "\" target=\"a" + std::to_string(e.edge.dst) + "\" weight=\"" + std::to_string(e.weight) + "\" label=\"";
    appendXmlEscaped(&line_, edgeLabel(e));
    line_ += "\"><attvalues>";
    const auto values = edgeValues(e);
    for (size_t i = 0; i < values.size(); ++i) {
      if (std::string_view(kEdgeAttrs[i].name) == "weight") continue;
      line_ += std::string("<attvalue for=\"") + kEdgeAttrs[i].name + "\" value=\"";
      appendXmlEscaped(&line_, values[i]);
      line_ += "\"/>";
    }
    line_ += "</attvalues></edge>\n";
    out_ << line_;
    return Status::ok();
  }

  Status finish() override {
    out_ << (inEdges_ ? "    </edges>\n" : "    </nodes>\n    <edges>\n    </edges>\n");
    out_ << "  </graph>\n</gexf>\n";
    return out_.close();
  }

 private:
  Sink& out_;
  std::string line_;
  bool inEdges_ = false;
  uint64_t ordinal_ = 0;
};

}  // namespace

void appendGraphmlPreamble(std::string* out) {
  *out +=
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"\n"
      "    xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
      "    xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
      "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n"
      "  <key id=\"truncated\" for=\"graph\" attr.name=\"truncated\" attr.type=\"boolean\"/>\n"
      "  <key id=\"description\" for=\"graph\" attr.name=\"description\" attr.type=\"string\"/>\n"
      "  <key id=\"label\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>\n";
}

void appendGraphmlKey(std::string* out, const char* domain, const char* idPrefix, const AttrSpec& attr) {
  *out += std::string("  <key id=\"") + idPrefix + attr.name + "\" for=\"" + domain + "\" attr.name=\"" + attr.name +
          "\" attr.type=\"" + graphmlType(attr.type) + "\"/>\n";
}

std::unique_ptr<GraphWriter> newGraphmlWriter(Sink& sink) { return std::make_unique<GraphmlWriter>(sink); }
std::unique_ptr<GraphWriter> newGexfWriter(Sink& sink) { return std::make_unique<GexfWriter>(sink); }

}  // namespace kg::exports
