#include "core/json_codec.h"

#include <cmath>
#include <cstdlib>
#include <map>
#include <nlohmann/json.hpp>

#include "base/date.h"

namespace kg::core {

namespace {

nlohmann::json dateToJson(const Date& d) {
  if (!d.known()) return nullptr;
  return d.toString();
}

nlohmann::json actorValue(const Actor& a) {
  nlohmann::json j = {{"id", a.id}, {"name", a.name}, {"kind", actorKindName(a.kind)}, {"aliases", a.aliases}};
  if (!a.country.empty()) j["country"] = a.country;
  return j;
}

// Attributes that are numbers in every format that has them.
bool isNumericAttribute(std::string_view key) {
  static constexpr std::string_view kNumeric[] = {"goldstein", "intensity", "tone", "quad_class", "mentions",
                                                  "num_sources", "articles", "lat", "lon", "root_event"};
  for (auto k : kNumeric)
    if (k == key) return true;
  return false;
}

nlohmann::json attributeValue(const std::string& key, const std::string& value) {
  if (!isNumericAttribute(key) || value.empty()) return value;
  char* end = nullptr;
  const double d = std::strtod(value.c_str(), &end);
  if (end != value.c_str() + value.size() || !std::isfinite(d)) return value;  // kept as written
  if (d == std::floor(d) && std::fabs(d) < 1e15 && value.find_first_of(".eE") == std::string::npos)
    return static_cast<int64_t>(d);
  return d;
}

// An evidence record's attributes as a JSON object (numbers as the header says).
nlohmann::json evidenceAttributesToJson(const std::map<std::string, std::string>& attributes) {
  nlohmann::json j = nlohmann::json::object();
  for (const auto& [k, v] : attributes) j[k] = attributeValue(k, v);
  return j;
}

nlohmann::json edgeValue(const Edge& e, const std::function<std::string(ActorId)>& nameOf) {
  // Built by assignment, not from nested initializer lists, which copy every
  // value they hold once more (the members are a std::map: the same document).
  nlohmann::json ev = nlohmann::json::array();
  for (const auto& x : e.evidence) {
    nlohmann::json one = nlohmann::json::object();
    one["doc"] = x.doc;
    one["text"] = x.text;
    if (!x.attributes.empty()) one["attributes"] = evidenceAttributesToJson(x.attributes);
    if (!x.docTitle.empty()) one["doc_title"] = x.docTitle;
    if (x.docDate.known()) one["doc_date"] = dateToJson(x.docDate);
    ev.push_back(std::move(one));
  }
  auto party = [&](ActorId id, const std::string& code) {
    nlohmann::json p = nlohmann::json::object();
    p["id"] = id;
    p["name"] = nameOf(id);
    if (!code.empty()) p["code"] = code;
    return p;
  };
  // Round to 3 decimals so float noise does not leak into the output.
  double conf = std::round(static_cast<double>(e.confidence) * 1000.0) / 1000.0;
  nlohmann::json j = nlohmann::json::object();
  j["id"] = e.id;
  j["src"] = party(e.src, e.srcCode);
  j["dst"] = party(e.dst, e.dstCode);
  j["type"] = edgeTypeName(e.type);
  j["from"] = dateToJson(e.when.from);
  j["to"] = dateToJson(e.when.to);
  j["confidence"] = conf;
  j["sources"] = e.sources;
  j["evidence"] = std::move(ev);
  if (e.dateBasis != DateBasis::kUnknown) j["date_basis"] = dateBasisName(e.dateBasis);
  if (!e.mode.empty()) j["mode"] = e.mode;
  if (!e.cameo.empty()) j["cameo"] = e.cameo;
  if (!e.title.empty()) j["title"] = e.title;
  return j;
}

std::string text(const nlohmann::json& j) { return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace); }

}  // namespace

std::string actorJson(const Actor& a) { return text(actorValue(a)); }

std::string edgeJson(const Edge& e, const std::function<std::string(ActorId)>& nameOf) {
  return text(edgeValue(e, nameOf));
}

}  // namespace kg::core
