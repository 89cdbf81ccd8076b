#include "core/undo_image.h"

#include <algorithm>
#include <nlohmann/json.hpp>

namespace kg::core {

namespace {

using nlohmann::json;

// True when `s` is UTF-8 that json::dump accepts (it refuses anything else).
bool validUtf8(const std::string& s) {
  if (std::all_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; })) return true;
  try {
    (void)json(s).dump();
    return true;
  } catch (const json::exception&) {
    return false;
  }
}

// A string exactly: as JSON text when it is UTF-8, else {"hex": "..."}.
json str(const std::string& s) {
  if (validUtf8(s)) return s;
  static const char* kHex = "0123456789abcdef";
  std::string h;
  for (unsigned char c : s) {
    h.push_back(kHex[c >> 4]);
    h.push_back(kHex[c & 15]);
  }
  return json{{"hex", h}};
}

Result<std::string> strFrom(const json& j, const char* what) {
  if (j.is_string()) return j.get<std::string>();
  if (j.is_object() && j.contains("hex") && j["hex"].is_string()) {
    const std::string h = j["hex"].get<std::string>();
    std::string s;
    auto val = [](char c) { return c <= '9' ? c - '0' : c - 'a' + 10; };
    for (size_t i = 0; i + 1 < h.size(); i += 2) s.push_back(static_cast<char>(val(h[i]) << 4 | val(h[i + 1])));
    return s;
  }
  return Status::invalidArgument(std::string("undo image: ") + what + " is not a string");
}

json dateJson(const Date& d) {
  if (!d.known()) return nullptr;
  return json::array({d.days(), static_cast<int>(d.precision())});
}

Date dateFrom(const json& j) {
  if (!j.is_array() || j.size() != 2) return Date::unknown();
  return Date::fromDays(j[0].get<int32_t>(), static_cast<DatePrecision>(j[1].get<int>()));
}

json mapJson(const std::map<std::string, std::string>& m) {
  json o = json::array();
  for (const auto& [k, v] : m) o.push_back(json::array({str(k), str(v)}));
  return o;
}

Result<std::map<std::string, std::string>> mapFrom(const json& j) {
  std::map<std::string, std::string> m;
  if (!j.is_array()) return m;
  for (const auto& kv : j) {
    if (!kv.is_array() || kv.size() != 2) return Status::invalidArgument("undo image: malformed attribute");
    auto k = strFrom(kv[0], "attribute name");
    if (!k) return k.status();
    auto v = strFrom(kv[1], "attribute value");
    if (!v) return v.status();
    m.emplace(std::move(k).value(), std::move(v).value());
  }
  return m;
}

json actorJson(const Actor& a) {
  json aliases = json::array();
  for (const auto& al : a.aliases) aliases.push_back(str(al));
  return {{"id", a.id},       {"name", str(a.name)}, {"kind", static_cast<int>(a.kind)}, {"country", str(a.country)},
          {"aliases", aliases}, {"attributes", mapJson(a.attributes)}};
}

Result<Actor> actorFrom(const json& j) {
  if (!j.is_object() || !j.contains("id") || !j.contains("name")) return Status::invalidArgument("undo image: malformed actor");
  Actor a;
  a.id = j["id"].get<ActorId>();
  auto name = strFrom(j["name"], "actor name");
  if (!name) return name.status();
  a.name = std::move(name).value();
  a.kind = static_cast<ActorKind>(j.value("kind", 6));
  auto country = strFrom(j.value("country", json("")), "country");
  if (!country) return country.status();
  a.country = std::move(country).value();
  for (const auto& al : j.value("aliases", json::array())) {
    auto s = strFrom(al, "alias");
    if (!s) return s.status();
    a.aliases.push_back(std::move(s).value());
  }
  auto attrs = mapFrom(j.value("attributes", json::array()));
  if (!attrs) return attrs.status();
  a.attributes = std::move(attrs).value();
  return a;
}

json edgeJson(const Edge& e, bool withEvidence) {
  json j{{"id", e.id},
         {"src", e.src},
         {"dst", e.dst},
         {"type", static_cast<int>(e.type)},
         {"mode", str(e.mode)},
         {"cameo", str(e.cameo)},
         {"title", str(e.title)},
         {"from", dateJson(e.when.from)},
         {"to", dateJson(e.when.to)},
         {"confidence", static_cast<double>(e.confidence)},
         {"basis", static_cast<int>(e.dateBasis)},
         {"sources", e.sources},
         {"src_code", str(e.srcCode)},
         {"dst_code", str(e.dstCode)}};
  if (withEvidence) {
    json ev = json::array();
    for (const auto& x : e.evidence)
      ev.push_back({{"doc", str(x.doc)},
                    {"sentence", x.sentence},
                    {"begin", x.begin},
                    {"end", x.end},
                    {"text", str(x.text)},
                    {"attributes", mapJson(x.attributes)}});
    j["evidence"] = ev;
  }
  return j;
}

Result<Edge> edgeFrom(const json& j) {
  if (!j.is_object() || !j.contains("id") || !j.contains("src") || !j.contains("dst"))
    return Status::invalidArgument("undo image: malformed edge");
  Edge e;
  e.id = j["id"].get<EdgeId>();
  e.src = j["src"].get<ActorId>();
  e.dst = j["dst"].get<ActorId>();
  e.type = static_cast<EdgeType>(j.value("type", 0));
  for (auto [field, key] : {std::pair<std::string*, const char*>{&e.mode, "mode"}, {&e.cameo, "cameo"},
                            {&e.title, "title"}, {&e.srcCode, "src_code"}, {&e.dstCode, "dst_code"}}) {
    auto s = strFrom(j.value(key, json("")), key);
    if (!s) return s.status();
    *field = std::move(s).value();
  }
  e.when.from = dateFrom(j.value("from", json()));
  e.when.to = dateFrom(j.value("to", json()));
  e.confidence = static_cast<float>(j.value("confidence", 1.0));
  e.dateBasis = static_cast<DateBasis>(j.value("basis", 0));
  e.sources = j.value("sources", 0u);
  for (const auto& x : j.value("evidence", json::array())) {
    Evidence ev;
    auto doc = strFrom(x.value("doc", json("")), "evidence doc");
    if (!doc) return doc.status();
    ev.doc = std::move(doc).value();
    ev.sentence = x.value("sentence", 0u);
    ev.begin = x.value("begin", 0u);
    ev.end = x.value("end", 0u);
    auto text = strFrom(x.value("text", json("")), "evidence text");
    if (!text) return text.status();
    ev.text = std::move(text).value();
    auto attrs = mapFrom(x.value("attributes", json::array()));
    if (!attrs) return attrs.status();
    ev.attributes = std::move(attrs).value();
    e.evidence.push_back(std::move(ev));
  }
  return e;
}

json factJson(const storage::SuppressedFact& f) {
  return {{"src", f.src}, {"type", static_cast<int>(f.type)}, {"from", dateJson(f.from)}, {"dst", f.dst}};
}

storage::SuppressedFact factFrom(const json& j) {
  storage::SuppressedFact f;
  f.src = j.value("src", ActorId{0});
  f.type = static_cast<EdgeType>(j.value("type", 0));
  f.from = dateFrom(j.value("from", json()));
  f.dst = j.value("dst", ActorId{0});
  return f;
}

std::string factKey(const storage::SuppressedFact& f) { return factJson(f).dump(); }

template <typename T>
json opt(const std::optional<T>& v) {
  return v ? json(*v) : json(nullptr);
}

template <typename T>
std::optional<T> optFrom(const json& j) {
  if (j.is_null()) return std::nullopt;
  return j.get<T>();
}

std::string actorName(const storage::GraphStore& store, ActorId id) {
  auto a = store.getActor(id);
  if (a && a->has_value()) return (*a)->name;
  return "#" + std::to_string(id);
}

std::string describeEdge(const storage::GraphStore& store, const Edge& e) {
  return "edge " + std::to_string(e.id) + " (" + actorName(store, e.src) + " " + edgeTypeName(e.type) + " " +
         actorName(store, e.dst) + ")";
}

}  // namespace

std::string UndoImage::toJson() const {
  json j;
  j["actors"] = json::array();
  for (const auto& a : actors) {
    json keys = json::array();
    for (const auto& k : a.beforeKeys) keys.push_back(str(k));
    j["actors"].push_back({{"id", a.id},
                           {"before", a.before ? actorJson(*a.before) : json(nullptr)},
                           {"before_keys", keys},
                           {"after", a.after ? actorJson(*a.after) : json(nullptr)}});
  }
  j["edges"] = json::array();
  for (const auto& e : edges) {
    json after = nullptr;
    if (e.after) {
      after = edgeJson(e.after->edge, false);
      after["evidence_count"] = e.after->evidenceCount;
    }
    j["edges"].push_back({{"id", e.id}, {"before", e.before ? edgeJson(*e.before, true) : json(nullptr)}, {"after", after}});
  }
  j["facts"] = json::array();
  for (const auto& f : facts) j["facts"].push_back({{"fact", factJson(f.fact)}, {"before", opt(f.before)}, {"after", opt(f.after)}});
  j["names"] = json::array();
  for (const auto& n : names) j["names"].push_back({{"key", str(n.key)}, {"before", opt(n.before)}, {"after", opt(n.after)}});
  j["removed_actors"] = json::array();
  for (const auto& r : removedActors) j["removed_actors"].push_back({{"id", r.id}, {"before", r.before}, {"after", r.after}});
  // As the curation log dumps its details (curation.cpp); str() leaves no
  // byte to replace.
  return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

Result<UndoImage> UndoImage::fromJson(std::string_view text) {
  const json j = json::parse(text.begin(), text.end(), nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) return Status::invalidArgument("undo image: not JSON");
  if (!j.is_object()) return Status::invalidArgument("undo image: not an object");
  UndoImage img;
  try {
    for (const auto& a : j.value("actors", json::array())) {
      ActorState s;
      s.id = a.at("id").get<ActorId>();
      if (!a.at("before").is_null()) {
        auto b = actorFrom(a["before"]);
        if (!b) return b.status();
        s.before = std::move(b).value();
      }
      if (!a.at("after").is_null()) {
        auto b = actorFrom(a["after"]);
        if (!b) return b.status();
        s.after = std::move(b).value();
      }
      for (const auto& k : a.value("before_keys", json::array())) {
        auto key = strFrom(k, "name key");
        if (!key) return key.status();
        s.beforeKeys.push_back(std::move(key).value());
      }
      img.actors.push_back(std::move(s));
    }
    for (const auto& e : j.value("edges", json::array())) {
      EdgeState s;
      s.id = e.at("id").get<EdgeId>();
      if (!e.at("before").is_null()) {
        auto b = edgeFrom(e["before"]);
        if (!b) return b.status();
        s.before = std::move(b).value();
      }
      if (!e.at("after").is_null()) {
        auto b = edgeFrom(e["after"]);
        if (!b) return b.status();
        s.after = storage::EdgeHeader{std::move(b).value(), e["after"].value("evidence_count", 0u)};
      }
      img.edges.push_back(std::move(s));
    }
    for (const auto& f : j.value("facts", json::array()))
      img.facts.push_back({factFrom(f.at("fact")), optFrom<EdgeId>(f.at("before")), optFrom<EdgeId>(f.at("after"))});
    for (const auto& n : j.value("names", json::array())) {
      auto key = strFrom(n.at("key"), "merged name key");
      if (!key) return key.status();
      img.names.push_back({std::move(key).value(), optFrom<ActorId>(n.at("before")), optFrom<ActorId>(n.at("after"))});
    }
    for (const auto& r : j.value("removed_actors", json::array()))
      img.removedActors.push_back({r.at("id").get<ActorId>(), r.at("before").get<bool>(), r.at("after").get<bool>()});
  } catch (const json::exception& e) {
    return Status::invalidArgument(std::string("undo image: ") + e.what());
  }
  return img;
}

Result<std::optional<UndoImage::Difference>> UndoImage::firstDifference(const storage::GraphStore& store) const {
  for (const auto& a : actors) {
    auto now = store.getActor(a.id);
    if (!now) return now.status();
    if (*now == a.after) continue;
    auto found = [&](std::string text) { return std::optional<Difference>(Difference{"actor", a.id, std::move(text)}); };
    if (!a.after) return found("actor " + std::to_string(a.id) + " ('" + (*now)->name + "') exists again");
    if (!now->has_value()) return found("actor " + std::to_string(a.id) + " ('" + a.after->name + "') was removed");
    const Actor& n = **now;
    const Actor& w = *a.after;
    std::string how = n.name != w.name       ? "is named '" + n.name + "', not '" + w.name + "'"
                      : n.aliases != w.aliases ? "has other aliases (" + std::to_string(n.aliases.size()) + ", not " +
                                                     std::to_string(w.aliases.size()) + ")"
                      : n.kind != w.kind       ? std::string("is of kind ") + actorKindName(n.kind)
                      : n.country != w.country ? "has country '" + n.country + "'"
                                               : "has other attributes";
    return found("actor " + std::to_string(a.id) + " ('" + w.name + "') " + how);
  }
  for (const auto& e : edges) {
    auto now = store.getEdgeHeader(e.id);
    if (!now) return now.status();
    auto found = [&](std::string text) { return std::optional<Difference>(Difference{"edge", e.id, std::move(text)}); };
    if (!now->has_value() && !e.after) continue;
    if (!e.after) return found(describeEdge(store, (*now)->edge) + " exists again");
    if (!now->has_value()) return found(describeEdge(store, e.after->edge) + " was removed");
    if ((*now)->evidenceCount != e.after->evidenceCount)
      return found(describeEdge(store, e.after->edge) + " has " + std::to_string((*now)->evidenceCount) +
                   " evidence records where it left " + std::to_string(e.after->evidenceCount));
    if ((*now)->edge != e.after->edge)  // both headers: no evidence
      return found(describeEdge(store, e.after->edge) + " was changed (its dates, confidence or sources)");
  }
  for (const auto& f : facts) {
    auto now = store.isSuppressed(f.fact);  // whether it is removed is what counts, not by which edge id
    if (!now) return now.status();
    if (now.value() != f.after.has_value())
      return std::optional<Difference>(
          Difference{"actor", f.fact.src,
                     std::string("the removed fact ") + actorName(store, f.fact.src) + " " + edgeTypeName(f.fact.type) +
                         " " + actorName(store, f.fact.dst) + (now.value() ? " is removed again" : " was restored")});
  }
  for (const auto& n : names) {
    auto now = store.mergedInto(n.key);
    if (!now) return now.status();
    if (now->value_or(0) != n.after.value_or(0))
      return std::optional<Difference>(
          Difference{"actor", n.after.value_or(now->value_or(0)),
                     "the merged name '" + n.key + "' now means " +
                         (now->has_value() ? "actor " + std::to_string(**now) : std::string("no actor"))});
  }
  for (const auto& r : removedActors) {
    auto now = store.isActorRemoved(r.id);
    if (!now) return now.status();
    if (now.value() != r.after)
      return std::optional<Difference>(Difference{
          "actor", r.id, "actor " + std::to_string(r.id) + (now.value() ? " is marked removed" : " is no longer marked removed")});
  }
  return std::optional<Difference>();
}

bool UndoImage::touches(const std::string& what, uint64_t id) const {
  if (what == "actor") {
    for (const auto& a : actors)
      if (a.id == id) return true;
    for (const auto& r : removedActors)
      if (r.id == id) return true;
    for (const auto& f : facts)
      if (f.fact.src == id || f.fact.dst == id) return true;
    for (const auto& n : names)
      if (n.before == id || n.after == id) return true;
    return false;
  }
  for (const auto& e : edges)
    if (e.id == id) return true;
  return false;
}

// --- ImageRecorder ---

Status ImageRecorder::touchActor(ActorId id) {
  if (actors_.count(id)) return Status::ok();
  auto a = store_.getActor(id);
  if (!a) return a.status();
  UndoImage::ActorState s;
  s.id = id;
  s.before = std::move(a).value();
  s.after = s.before;
  actors_.emplace(id, std::move(s));
  return Status::ok();
}

Status ImageRecorder::touchEdge(EdgeId id) {
  if (edges_.count(id)) return Status::ok();
  UndoImage::EdgeState s;
  s.id = id;
  auto e = store_.getEdge(id);
  if (e) {
    s.before = std::move(e).value();
  } else if (e.status().code() != StatusCode::kNotFound) {
    return e.status();
  }
  edges_.emplace(id, std::move(s));
  return Status::ok();
}

Result<std::optional<EdgeId>> ImageRecorder::storedFact(const storage::SuppressedFact& f) {
  if (!storedFacts_) {
    // GraphStore::isSuppressed does not say which edge a removal took, so the
    // first fact touched reads them all once.
    std::map<std::string, EdgeId> stored;
    KG_RETURN_IF_ERROR(store_.scanSuppressed([&](const storage::SuppressedFact& g, EdgeId id) {
      stored.emplace(factKey(g), id);
      return storage::Scan::kContinue;
    }));
    storedFacts_ = std::move(stored);
  }
  auto it = storedFacts_->find(factKey(f));
  if (it == storedFacts_->end()) return std::optional<EdgeId>();
  return std::optional<EdgeId>(it->second);
}

Result<UndoImage::FactState*> ImageRecorder::touchFact(const storage::SuppressedFact& f) {
  const std::string key = factKey(f);
  if (auto it = facts_.find(key); it != facts_.end()) return &it->second;
  auto now = storedFact(f);
  if (!now) return now.status();
  return &facts_.emplace(key, UndoImage::FactState{f, now.value(), now.value()}).first->second;
}

Status ImageRecorder::putActor(const Actor& a, const std::vector<std::string>& keys) {
  KG_RETURN_IF_ERROR(touchActor(a.id));
  auto id = batch_.putActor(a, keys);
  if (!id) return id.status();
  actors_[a.id].after = a;
  return Status::ok();
}

Status ImageRecorder::removeActor(ActorId id) {
  KG_RETURN_IF_ERROR(touchActor(id));
  KG_RETURN_IF_ERROR(batch_.removeActor(id));
  actors_[id].after.reset();
  return Status::ok();
}

Result<EdgeId> ImageRecorder::putEdge(Edge e) {
  auto id = batch_.putEdge(std::move(e));
  if (!id) return id.status();
  if (id.value() != 0) KG_RETURN_IF_ERROR(touchEdge(id.value()));
  return id;
}

Status ImageRecorder::restoreEdge(const Edge& e) {
  KG_RETURN_IF_ERROR(touchEdge(e.id));
  return batch_.restoreEdge(e, static_cast<uint32_t>(e.evidence.size()));
}

Status ImageRecorder::removeEdge(EdgeId id) {
  KG_RETURN_IF_ERROR(touchEdge(id));
  return batch_.removeEdge(id);
}

Status ImageRecorder::suppressFact(const storage::SuppressedFact& f, EdgeId removed) {
  auto state = touchFact(f);
  if (!state) return state.status();
  KG_RETURN_IF_ERROR(batch_.suppressFact(f, removed));
  (*state)->after = removed;
  return Status::ok();
}

Status ImageRecorder::unsuppressFact(const storage::SuppressedFact& f) {
  auto state = touchFact(f);
  if (!state) return state.status();
  KG_RETURN_IF_ERROR(batch_.unsuppressFact(f));
  (*state)->after.reset();
  return Status::ok();
}

Status ImageRecorder::setMergedName(const std::string& key, ActorId actor) {
  auto it = names_.find(key);
  if (it == names_.end()) {
    auto now = store_.mergedInto(key);
    if (!now) return now.status();
    it = names_.emplace(key, UndoImage::NameState{key, now.value(), now.value()}).first;
  }
  KG_RETURN_IF_ERROR(batch_.setMergedName(key, actor));
  it->second.after = actor ? std::optional<ActorId>(actor) : std::nullopt;
  return Status::ok();
}

Status ImageRecorder::setActorRemoved(ActorId id, bool removed) {
  auto it = removed_.find(id);
  if (it == removed_.end()) {
    auto now = store_.isActorRemoved(id);
    if (!now) return now.status();
    it = removed_.emplace(id, UndoImage::RemovedActorState{id, now.value(), now.value()}).first;
  }
  KG_RETURN_IF_ERROR(batch_.setActorRemoved(id, removed));
  it->second.after = removed;
  return Status::ok();
}

Result<UndoImage> ImageRecorder::finish() {
  UndoImage img;
  // The name-index keys of every touched actor that existed, in one pass.
  std::map<ActorId, std::vector<std::string>> keys;
  bool any = false;
  for (const auto& [id, s] : actors_) any = any || s.before.has_value();
  if (any)
    KG_RETURN_IF_ERROR(store_.scanNameKeys([&](std::string_view k, ActorId id) {
      auto it = actors_.find(id);
      if (it != actors_.end() && it->second.before) keys[id].emplace_back(k);
      return storage::Scan::kContinue;
    }));
  for (auto& [id, s] : actors_) {
    if (s.before == s.after && s.before) continue;  // touched, unchanged
    s.beforeKeys = keys[id];
    img.actors.push_back(s);
  }
  for (auto& [id, s] : edges_) {
    s.after = batch_.writtenEdge(id);
    img.edges.push_back(s);
  }
  for (const auto& [k, f] : facts_)
    if (f.before != f.after) img.facts.push_back(f);
  for (const auto& [k, n] : names_)
    if (n.before != n.after) img.names.push_back(n);
  for (const auto& [id, r] : removed_)
    if (r.before != r.after) img.removedActors.push_back(r);
  return img;
}

}  // namespace kg::core
