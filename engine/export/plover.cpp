#include "export/plover.h"

#include <unordered_map>

#include "export/jsonl.h"

namespace kg::exports {

namespace {

using nlohmann::json;

json orNull(const std::string& s) { return s.empty() ? json(nullptr) : json(s); }

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
    json j = {{"id", "kg-" + std::to_string(e.id)},
              {"event_date", e.when.from.known() ? json(e.when.from.toString()) : json(nullptr)},
              {"event_type", edgeTypeName(e.type)},
              {"mode", orNull(e.mode)},
              {"context", json::array()},
              {"actor", src.first},
              {"actor_country", orNull(src.second)},
              {"actor_role", orNull(e.srcCode)},
              {"recipient", dst.first},
              {"recipient_country", orNull(dst.second)},
              {"recipient_role", orNull(e.dstCode)},
              {"event_text", nullptr},
              {"source", nullptr},
              {"publication_date", nullptr},
              {"story_id", nullptr},
              {"url", nullptr},
              {"language", nullptr},
              {"cameo", orNull(e.cameo)},
              {"confidence", std::strtod(floatText(e.confidence).c_str(), nullptr)},
              {"sources", e.sources},
              {"version", "PLOVER 2021"}};
    if (!e.evidence.empty()) {
      const Evidence& ev = e.evidence.front();
      j["event_text"] = orNull(ev.text);
      j["story_id"] = orNull(ev.doc);
      auto d = document(ev.doc);
      if (!d.isOk()) return d.status();
      if (d->has_value()) {
        const Document& doc = **d;
        j["source"] = orNull(doc.outlet.empty() ? doc.source : doc.outlet);
        j["publication_date"] = doc.date.known() ? json(doc.date.toString()) : json(nullptr);
        j["url"] = orNull(doc.url);
        j["language"] = orNull(doc.language);
      }
    }
    out_ << jsonLine(j);
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
};

}  // namespace

std::unique_ptr<GraphWriter> newPloverWriter(Sink& sink) { return std::make_unique<PloverWriter>(sink); }

}  // namespace kg::exports
