#include "export/plover.h"

#include <unordered_map>

#include <optional>

namespace kg::exports {

namespace {

// The fields every record has; attributes of those names are not written twice.
bool isWrittenField(const std::string& key) {
  static constexpr const char* kFields[] = {
      "id", "event_date", "event_type", "mode", "context", "actor", "actor_country", "actor_role", "recipient",
      "recipient_country", "recipient_role", "event_text", "source", "publication_date", "story_id", "url",
      "language", "cameo", "confidence", "sources", "version", "publisher"};
  for (const char* f : kFields)
    if (key == f) return true;
  return false;
}

class PloverWriter final : public GraphWriter {
 public:
  explicit PloverWriter(Sink& sink) : out_(sink) {}
  size_t evidenceLimit() const override { return 1; }

  Status begin(const ExportInfo& info) override {
    store_ = info.store;
    return Status::ok();
  }
  Status actor(const Actor& a) override {
    actors_[a.id] = {a.name, a.country};
    return Status::ok();
  }
  Status edge(const ExportEdge& x) override {
    const Edge& e = x.edge;
    if (isStandingType(e.type)) return Status::ok();
    const auto& src = actors_[e.src];
    const auto& dst = actors_[e.dst];
    std::optional<Document> doc;
    const Evidence* ev = e.evidence.empty() ? nullptr : &e.evidence.front();
    if (ev) {
      auto d = document(ev->doc);
      if (!d.isOk()) return d.status();
      doc = std::move(d).value();
    }
    line_.clear();
    std::string& o = line_;
    auto str = [&](const char* key, const std::string& v, bool first = false) {
      o.append(first ? "{\"" : ",\"").append(key).append("\":");
      if (v.empty()) o.append("null");
      else appendJsonString(&o, v);
    };
    str("id", "kg-" + std::to_string(e.id), true);
    str("event_date", e.when.from.known() ? e.when.from.toString() : "");
    str("event_type", edgeTypeName(e.type));
    str("mode", e.mode);
    o.append(",\"context\":[]");
    str("actor", src.first);
    str("actor_country", src.second);
    str("actor_role", e.srcCode);
    str("recipient", dst.first);
    str("recipient_country", dst.second);
    str("recipient_role", e.dstCode);
    str("event_text", ev ? ev->text : "");
    // An imported event has no document: its row's attributes say these.
    auto attr = [&](const char* key) -> std::string {
      if (!ev) return "";
      auto it = ev->attributes.find(key);
      return it == ev->attributes.end() ? "" : it->second;
    };
    auto docOr = [&](const std::string& fromDoc, const char* key) { return fromDoc.empty() ? attr(key) : fromDoc; };
    str("source", docOr(doc ? (doc->outlet.empty() ? doc->source : doc->outlet) : "", "publisher"));
    str("publication_date", docOr(doc && doc->date.known() ? doc->date.toString() : "", "publication_date"));
    str("story_id", attr("story_id").empty() ? (ev ? ev->doc : "") : attr("story_id"));
    str("url", docOr(doc ? doc->url : "", "url"));
    str("language", docOr(doc ? doc->language : "", "language"));
    str("cameo", e.cameo);
    // The other attributes of the row (goldstein, tone, place, lat, ...) under their own names.
    if (ev)
      for (const auto& [key, value] : ev->attributes)
        if (!isWrittenField(key)) {
          o.push_back(',');
          appendJsonString(&o, key);  // a header name of a CSV column may hold anything
          o.push_back(':');
          appendJsonString(&o, value);
        }
    o.append(",\"confidence\":").append(floatText(e.confidence));
    o.append(",\"sources\":").append(std::to_string(e.sources));
    o.append(",\"version\":\"PLOVER 2021\"}\n");
    out_ << o;
    return Status::ok();
  }
  Status finish() override { return out_.close(); }

 private:
  Result<std::optional<Document>> document(const DocId& id) {
    if (id.empty() || !store_) return std::optional<Document>();
    auto it = docs_.find(id);
    if (it != docs_.end()) return it->second;
    auto d = store_->getDocument(id);
    if (!d) return d.status();
    if (docs_.size() >= kDocCache) docs_.clear();  // bounded memory
    docs_.emplace(id, *d);
    return *d;
  }

  static constexpr size_t kDocCache = 4096;
  Sink& out_;
  const storage::GraphStore* store_ = nullptr;
  std::unordered_map<ActorId, std::pair<std::string, std::string>> actors_;  // name, country
  std::unordered_map<DocId, std::optional<Document>> docs_;
  std::string line_;
};

}  // namespace

std::unique_ptr<GraphWriter> newPloverWriter(Sink& sink) { return std::make_unique<PloverWriter>(sink); }

}  // namespace kg::exports
