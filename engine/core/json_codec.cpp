#include "core/json_codec.h"

#include <cmath>

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

nlohmann::json edgeToJson(const Edge& e, const std::function<std::string(ActorId)>& nameOf) {
  nlohmann::json ev = nlohmann::json::array();
  for (const auto& x : e.evidence) ev.push_back({{"doc", x.doc}, {"text", x.text}});
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
