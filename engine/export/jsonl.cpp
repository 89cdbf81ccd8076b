#include "export/jsonl.h"

#include <cstdlib>
#include <unordered_map>

namespace kg::exports {

namespace {

using nlohmann::json;

void putDate(json& j, const char* key, const Date& d) {
  j[key] = d.known() ? json(d.toString()) : json(nullptr);
  if (d.precision() == DatePrecision::kWeek) j[std::string(key) + "_week"] = true;
}

Result<Date> getDate(const json& j, const char* key) {
  auto it = j.find(key);
  if (it == j.end() || it->is_null()) return Date::unknown();
  if (!it->is_string()) return Status::invalidArgument(std::string("'") + key + "' is not a date string");
  auto d = Date::parse(it->get<std::string>());
  if (!d) return Status::invalidArgument(std::string("'") + key + "': " + d.status().message());
  auto week = j.find(std::string(key) + "_week");
  if (week != j.end() && week->is_boolean() && week->get<bool>()) return Date::week(d->days());
  return d.value();
}

template <typename T>
Result<T> field(const json& j, const char* key) {
  auto it = j.find(key);
  if (it == j.end()) return Status::invalidArgument(std::string("missing '") + key + "'");
  try {
    return it->get<T>();
  } catch (const json::exception&) {
    return Status::invalidArgument(std::string("'") + key + "' has the wrong type");
  }
}

template <typename T>
T optional(const json& j, const char* key, T fallback) {
  auto it = j.find(key);
  if (it == j.end() || it->is_null()) return fallback;
  try {
    return it->get<T>();
  } catch (const json::exception&) {
    return fallback;
  }
}

class JsonlWriter final : public GraphWriter {
 public:
  explicit JsonlWriter(Sink& sink) : out_(sink) {}
  size_t evidenceLimit() const override { return SIZE_MAX; }
  bool wantsDocuments() const override { return true; }

  Status begin(const ExportInfo& info) override {
    out_ << jsonLine({{"record", "header"},
                      {"format", kJsonlFormat},
                      {"version", kJsonlVersion},
                      {"truncated", info.truncated},
                      {"description", info.description}});
    return Status::ok();
  }
  Status actor(const Actor& a) override {
    names_[a.id] = a.name;
    out_ << jsonLine(actorRecord(a));
    return Status::ok();
  }
  Status edge(const ExportEdge& e) override {
    line_.clear();
    appendEdgeLine(&line_, e.edge, e.evidenceCount, names_[e.edge.src], names_[e.edge.dst]);
    out_ << line_;
    return Status::ok();
  }
  Status document(const Document& d) override {
    out_ << jsonLine(documentRecord(d));
    return Status::ok();
  }
  Status finish() override { return out_.close(); }

 private:
  Sink& out_;
  std::unordered_map<ActorId, std::string> names_;  // of the actors written, for the edges' src/dst names
  std::string line_;
};

}  // namespace

std::string jsonLine(const nlohmann::json& j) {
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

std::unique_ptr<GraphWriter> newJsonlWriter(Sink& sink) { return std::make_unique<JsonlWriter>(sink); }

json actorRecord(const Actor& a) {
  json j = {{"record", "actor"}, {"id", a.id}, {"name", a.name}, {"kind", actorKindName(a.kind)}, {"aliases", a.aliases}};
  if (!a.country.empty()) j["country"] = a.country;
  if (!a.attributes.empty()) j["attributes"] = a.attributes;
  return j;
}

namespace {

void appendUint(std::string* out, uint64_t v) { out->append(std::to_string(v)); }

void appendDateField(std::string* out, const char* key, const Date& d) {
  out->append(",\"").append(key).append("\":");
  if (!d.known()) {
    out->append("null");
    return;
  }
  appendJsonString(out, d.toString());
  if (d.precision() == DatePrecision::kWeek) out->append(",\"").append(key).append("_week\":true");
}

void appendParty(std::string* out, const char* key, ActorId id, const std::string& name, const std::string& code) {
  out->append(",\"").append(key).append("\":{\"id\":");
  appendUint(out, id);
  out->append(",\"name\":");
  appendJsonString(out, name);
  if (!code.empty()) {
    out->append(",\"code\":");
    appendJsonString(out, code);
  }
  out->push_back('}');
}

void appendOptionalString(std::string* out, const char* key, const std::string& v) {
  if (v.empty()) return;
  out->append(",\"").append(key).append("\":");
  appendJsonString(out, v);
}

}  // namespace

void appendEdgeLine(std::string* out, const Edge& e, uint32_t evidenceCount, const std::string& srcName,
                    const std::string& dstName) {
  out->append("{\"record\":\"edge\",\"id\":");
  appendUint(out, e.id);
  appendParty(out, "src", e.src, srcName, e.srcCode);
  appendParty(out, "dst", e.dst, dstName, e.dstCode);
  out->append(",\"type\":\"").append(edgeTypeName(e.type)).append("\"");
  appendDateField(out, "from", e.when.from);
  appendDateField(out, "to", e.when.to);
  out->append(",\"confidence\":").append(floatText(e.confidence));
  out->append(",\"sources\":");
  appendUint(out, e.sources);
  out->append(",\"evidence_count\":");
  appendUint(out, evidenceCount);
  if (e.dateBasis != DateBasis::kUnknown) out->append(",\"date_basis\":\"").append(dateBasisName(e.dateBasis)).append("\"");
  appendOptionalString(out, "mode", e.mode);
  appendOptionalString(out, "cameo", e.cameo);
  appendOptionalString(out, "title", e.title);
  out->append(",\"evidence\":[");
  for (size_t i = 0; i < e.evidence.size(); ++i) {
    const Evidence& x = e.evidence[i];
    out->append(i ? ",{\"doc\":" : "{\"doc\":");
    appendJsonString(out, x.doc);
    out->append(",\"sentence\":");
    appendUint(out, x.sentence);
    out->append(",\"begin\":");
    appendUint(out, x.begin);
    out->append(",\"end\":");
    appendUint(out, x.end);
    out->append(",\"text\":");
    appendJsonString(out, x.text);
    if (!x.attributes.empty()) {  // strings, exactly as stored
      out->append(",\"attributes\":{");
      bool first = true;
      for (const auto& [k, v] : x.attributes) {
        if (!first) out->push_back(',');
        first = false;
        appendJsonString(out, k);
        out->push_back(':');
        appendJsonString(out, v);
      }
      out->push_back('}');
    }
    out->push_back('}');
  }
  out->append("]}\n");
}

json documentRecord(const Document& d) {
  json j = {{"record", "document"}, {"id", d.id},       {"source", d.source},     {"url", d.url},
            {"title", d.title},     {"language", d.language}, {"outlet", d.outlet}};
  putDate(j, "date", d.date);
  return j;
}

Result<Actor> parseActorRecord(const json& j) {
  Actor a;
  auto id = field<uint64_t>(j, "id");
  if (!id) return id.status();
  a.id = *id;
  if (a.id == 0) return Status::invalidArgument("actor id 0 is not an id");
  auto name = field<std::string>(j, "name");
  if (!name) return name.status();
  a.name = *name;
  auto kind = field<std::string>(j, "kind");
  if (!kind) return kind.status();
  auto k = parseActorKind(*kind);
  if (!k) return k.status();
  a.kind = *k;
  a.country = optional<std::string>(j, "country", "");
  a.aliases = optional<std::vector<std::string>>(j, "aliases", {});
  a.attributes = optional<std::map<std::string, std::string>>(j, "attributes", {});
  return a;
}

Result<std::pair<Edge, uint32_t>> parseEdgeRecord(const json& j) {
  Edge e;
  auto id = field<uint64_t>(j, "id");
  if (!id) return id.status();
  e.id = *id;
  if (e.id == 0) return Status::invalidArgument("edge id 0 is not an id");
  for (auto [key, end, code] : {std::tuple{"src", &e.src, &e.srcCode}, std::tuple{"dst", &e.dst, &e.dstCode}}) {
    auto it = j.find(key);
    if (it == j.end() || !it->is_object()) return Status::invalidArgument(std::string("missing '") + key + "'");
    auto v = field<uint64_t>(*it, "id");
    if (!v) return Status::invalidArgument(std::string(key) + ": " + v.status().message());
    *end = *v;
    *code = optional<std::string>(*it, "code", "");
  }
  auto type = field<std::string>(j, "type");
  if (!type) return type.status();
  auto t = parseEdgeType(*type);
  if (!t) return t.status();
  e.type = *t;
  auto from = getDate(j, "from");
  if (!from) return from.status();
  auto to = getDate(j, "to");
  if (!to) return to.status();
  e.when = {*from, *to};
  auto conf = field<double>(j, "confidence");
  if (!conf) return conf.status();
  e.confidence = static_cast<float>(*conf);
  e.sources = optional<uint32_t>(j, "sources", 0);
  e.mode = optional<std::string>(j, "mode", "");
  e.cameo = optional<std::string>(j, "cameo", "");
  e.title = optional<std::string>(j, "title", "");
  const std::string basis = optional<std::string>(j, "date_basis", "");
  e.dateBasis = DateBasis::kUnknown;
  for (uint8_t b = 1; b < kDateBasisCount; ++b)
    if (basis == dateBasisName(static_cast<DateBasis>(b))) e.dateBasis = static_cast<DateBasis>(b);
  if (!basis.empty() && e.dateBasis == DateBasis::kUnknown)
    return Status::invalidArgument("unknown date_basis '" + basis + "'; use text, article or dictionary");
  auto ev = j.find("evidence");
  if (ev != j.end() && ev->is_array()) {
    for (const auto& x : *ev) {
      Evidence v;
      auto doc = field<std::string>(x, "doc");
      if (!doc) return Status::invalidArgument("evidence: " + doc.status().message());
      v.doc = *doc;
      v.sentence = optional<uint32_t>(x, "sentence", 0);
      v.begin = optional<uint32_t>(x, "begin", 0);
      v.end = optional<uint32_t>(x, "end", 0);
      v.text = optional<std::string>(x, "text", "");
      if (auto at = x.find("attributes"); at != x.end() && !at->is_null()) {
        if (!at->is_object()) return Status::invalidArgument("evidence: 'attributes' is not an object");
        for (const auto& [k, val] : at->items()) {
          if (!val.is_string())
            return Status::invalidArgument("evidence: attribute '" + k + "' is not a string");
          v.attributes[k] = val.get<std::string>();
        }
      }
      e.evidence.push_back(std::move(v));
    }
  }
  const uint32_t count = optional<uint32_t>(j, "evidence_count", static_cast<uint32_t>(e.evidence.size()));
  return std::make_pair(std::move(e), count);
}

Result<Document> parseDocumentRecord(const json& j) {
  Document d;
  auto id = field<std::string>(j, "id");
  if (!id) return id.status();
  d.id = *id;
  d.source = optional<std::string>(j, "source", "");
  d.url = optional<std::string>(j, "url", "");
  d.title = optional<std::string>(j, "title", "");
  d.language = optional<std::string>(j, "language", "");
  d.outlet = optional<std::string>(j, "outlet", "");
  auto date = getDate(j, "date");
  if (!date) return date.status();
  d.date = *date;
  return d;
}

}  // namespace kg::exports
