// The JSON contract shared by the CLI, the RPC client output and tests:
//   actor {"id","name","kind","aliases":[...]}  (+ "country" when known)
//   edge  {"id","src":{"id","name"},"dst":{"id","name"},"type","from","to",
//          "confidence","sources","evidence":[{"doc","text"}]}
//         (+ "attributes":{...} in an evidence record that has them: the
//          imported row's fields, README "Imported fields"; goldstein,
//          intensity, tone, quad_class, mentions, num_sources, articles, lat,
//          lon and root_event are JSON numbers, the rest strings)
//         ("type": edgeTypeName: a PLOVER type, STATEMENT (CAMEO-only,
//          "cameo" holds the 01x code; APPEAL with 02x in older imports) or a
//          standing relation)
//         (+ "mode","cameo","title" when set, "code" in src/dst when a
//          dictionary gave the party a CAMEO actor code ("POLGOV"),
//          "date_basis" when known:
//          "text" | "article" | "dictionary"); "sources" is 0 when not counted
//   dates "YYYY-MM-DD" / "YYYY-MM" / "YYYY" by precision, null when unknown.
// The answer is JSON text, compact (no spaces) with the members in name
// order, as nlohmann::json's dump() prints a document: core's headers do not
// expose nlohmann (engine/core/README.md, "The dependency direction"); a
// caller that builds a larger document parses the text into its own JSON
// value, which dumps back to the same bytes. Bytes that are not UTF-8 come
// out as U+FFFD. Pure functions; safe from any thread.
#pragma once

#include <functional>
#include <string>

#include "model/actor.h"
#include "model/edge.h"

namespace kg::core {

std::string actorJson(const Actor& a);
// `nameOf` gives an actor's canonical name ("" when unknown).
std::string edgeJson(const Edge& e, const std::function<std::string(ActorId)>& nameOf);

}  // namespace kg::core
