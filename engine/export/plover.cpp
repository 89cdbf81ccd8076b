#include "export/plover.h"

#include <unordered_map>

#include <optional>

namespace kg::exports {

namespace {

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
    str("source", doc ? (doc->outlet.empty() ? doc->source : doc->outlet) : "");
    str("publication_date", doc && doc->date.known() ? doc->date.toString() : "");
    str("story_id", ev ? ev->doc : "");
    str("url", doc ? doc->url : "");
    str("language", doc ? doc->language : "");
    str("cameo", e.cameo);
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
