#include "export/dot.h"

#include "export/attributes.h"

namespace kg::exports {

namespace {

class DotWriter final : public GraphWriter {
 public:
  explicit DotWriter(Sink& sink) : out_(sink) {}

  Status begin(const ExportInfo& info) override {
    std::string s = "digraph kg {\n  graph [truncated=";
    s += info.truncated ? "\"true\"" : "\"false\"";
    s += ", comment=";
    appendDotQuoted(&s, info.description);
    if (info.truncated) {
      s += ", label=";
      appendDotQuoted(&s, "truncated: only the first " + std::to_string(info.limit) + " edges (--limit)");
      s += ", labelloc=t";
    }
    s += "];\n  node [shape=box, fontname=\"Helvetica\"];\n  edge [fontname=\"Helvetica\", fontsize=10];\n";
    out_ << s;
    return Status::ok();
  }

  Status actor(const Actor& a) override {
    line_ = "  " + std::to_string(a.id) + " [label=";
    appendDotQuoted(&line_, a.name);
    const auto values = actorValues(a);
    for (size_t i = 0; i < values.size(); ++i) {
      line_ += std::string(", ") + kActorAttrs[i].name + "=";
      appendDotQuoted(&line_, values[i]);
    }
    line_ += "];\n";
    out_ << line_;
    return Status::ok();
  }

  Status edge(const ExportEdge& e) override {
    line_ = "  " + std::to_string(e.edge.src) + " -> " + std::to_string(e.edge.dst) + " [label=";
    appendDotQuoted(&line_, edgeLabel(e));
    const auto values = edgeValues(e);
    for (size_t i = 0; i < values.size(); ++i) {
      line_ += std::string(", ") + kEdgeAttrs[i].name + "=";
      appendDotQuoted(&line_, values[i]);
    }
    line_ += "];\n";
    out_ << line_;
    return Status::ok();
  }

  Status finish() override {
    out_ << "}\n";
    return out_.close();
  }

 private:
  Sink& out_;
  std::string line_;
};

}  // namespace

void appendDotQuoted(std::string* out, std::string_view text) {
  std::string fixed;
  std::string_view s = text;
  if (!isValidUtf8(s)) s = fixed = sanitizeUtf8(text);
  out->push_back('"');
  for (char c : s) {
    if (c == '\n' || c == '\r') {
      out->append("\\n");
      continue;
    }
    if (c == '"' || c == '\\') out->push_back('\\');
    out->push_back(c);
  }
  out->push_back('"');
}

std::unique_ptr<GraphWriter> newDotWriter(Sink& sink) { return std::make_unique<DotWriter>(sink); }

}  // namespace kg::exports
