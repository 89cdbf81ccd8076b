#include "core/json_codec.h"

#include <cmath>
#include <cstdlib>

namespace kg::core {

nlohmann::json dateToJson(const Date& d) {
  if (!d.known()) return nullptr;
  return d.toString();
}

nlohmann::json actorToJson(const Actor& a) {
  nlohmann::json j = {{"id", a.id}, {"name", a.name}, {"kind", actorKindName(a.kind)}, {"aliases", a.aliases}};
  if (!a.country.empty()) j["country"] = a.country;
  return j;
}

namespace {

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

}  // namespace

nlohmann::json evidenceAttributesToJson(const std::map<std::string, std::string>& attributes) {
  nlohmann::json j = nlohmann::json::object();
  for (const auto& [k, v] : attributes) j[k] = attributeValue(k, v);
  return j;
}

nlohmann::json edgeToJson(const Edge& e, const std::function<std::string(ActorId)>& nameOf) {
  nlohmann::json ev = nlohmann::json::array();
  for (const auto& x : e.evidence) {
    nlohmann::json one = {{"doc", x.doc}, {"text", x.text}};
    if (!x.attributes.empty()) one["attributes"] = evidenceAttributesToJson(x.attributes);
    if (!x.docTitle.empty()) one["doc_title"] = x.docTitle;
    if (x.docDate.known()) one["doc_date"] = dateToJson(x.docDate);
    ev.push_back(std::move(one));
  }
  // Round to 3 decimals so float noise does not leak into the output.
  double conf = std::round(static_cast<double>(e.confidence) * 1000.0) / 1000.0;
  nlohmann::json j = {{"id", e.id},
                      {"src", {{"id", e.src}, {"name", nameOf(e.src)}}},
                      {"dst", {{"id", e.dst}, {"name", nameOf(e.dst)}}},
                      {"type", edgeTypeName(e.type)},
                      {"from", dateToJson(e.when.from)},
                      {"to", dateToJson(e.when.to)},
                      {"confidence", conf},
                      {"sources", e.sources},
                      {"evidence", ev}};
  if (e.dateBasis != DateBasis::kUnknown) j["date_basis"] = dateBasisName(e.dateBasis);
  if (!e.mode.empty()) j["mode"] = e.mode;
  if (!e.cameo.empty()) j["cameo"] = e.cameo;
  if (!e.title.empty()) j["title"] = e.title;
  if (!e.srcCode.empty()) j["src"]["code"] = e.srcCode;
  if (!e.dstCode.empty()) j["dst"]["code"] = e.dstCode;
  return j;
}

}  // namespace kg::core
