// The JSON contract shared by the CLI, the RPC client output and tests:
//   actor {"id","name","kind","aliases":[...]}  (+ "country" when known)
//   edge  {"id","src":{"id","name"},"dst":{"id","name"},"type","from","to",
//          "confidence","sources","evidence":[{"doc","text"}]}
//         (+ "attributes":{...} in an evidence record that has them: the
//          imported row's fields, README "Imported fields"; goldstein,
//          intensity, tone, quad_class, mentions, num_sources, articles, lat,
//          lon and root_event are JSON numbers, the rest strings)
//         ("type": edgeTypeName: a PLOVER type, STATEMENT/APPEAL (CAMEO-only,
//          "cameo" holds the 01x/02x code) or a standing relation)
//         (+ "mode","cameo","title" when set, "code" in src/dst when a
//          dictionary gave the party a CAMEO actor code ("POLGOV"),
//          "date_basis" when known:
//          "text" | "article" | "dictionary"); "sources" is 0 when not counted
//   dates "YYYY-MM-DD" / "YYYY-MM" / "YYYY" by precision, null when unknown.
// Pure functions; safe from any thread.
#pragma once

#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <string>

#include "base/date.h"
#include "model/actor.h"
#include "model/edge.h"

namespace kg::core {

nlohmann::json dateToJson(const Date& d);
nlohmann::json actorToJson(const Actor& a);
// `nameOf` gives an actor's canonical name ("" when unknown).
// An evidence record's attributes as a JSON object (numbers as above).
nlohmann::json evidenceAttributesToJson(const std::map<std::string, std::string>& attributes);
nlohmann::json edgeToJson(const Edge& e, const std::function<std::string(ActorId)>& nameOf);

}  // namespace kg::core
