// The jsonl export: one JSON object per line, everything needed to rebuild
// the graph exactly (kg import --format jsonl, jsonl_reader.h):
//   {"record":"header","format":"actorgraph-jsonl","version":1,"truncated","description"}
//   {"record":"actor","id","name","kind","aliases":[...]} (+ "country", "attributes" when set)
//   {"record":"edge","id","src":{"id","name"},"dst":{"id","name"},"type","from","to",
//    "confidence","sources","evidence_count","evidence":[{"doc","sentence","begin","end","text"}]}
//    (+ "mode","cameo","title","date_basis", "code" in src/dst, as the JSON contract;
//     "from_week"/"to_week": true for a date of week precision)
//   {"record":"document","id","source","url","title","date","language","outlet"}
// Actors come before the edges that use them; documents last. Confidence is
// written as the shortest decimal that reads back as the stored float.
#pragma once

#include <memory>
#include <nlohmann/json.hpp>

#include "export/sink.h"
#include "export/writer.h"
#include "model/document.h"

namespace kg::exports {

inline constexpr const char* kJsonlFormat = "actorgraph-jsonl";
inline constexpr int kJsonlVersion = 1;

// Borrows `sink`, which must outlive the writer.
std::unique_ptr<GraphWriter> newJsonlWriter(Sink& sink);

nlohmann::json actorRecord(const Actor& a);
// The edge line (with its newline), written without a JSON DOM: edges are
// most of an export, so this is the hot path.
void appendEdgeLine(std::string* out, const Edge& e, uint32_t evidenceCount, const std::string& srcName,
                    const std::string& dstName);
nlohmann::json documentRecord(const Document& d);

// The inverses. InvalidArgument naming the field that is missing or malformed.
Result<Actor> parseActorRecord(const nlohmann::json& j);
Result<std::pair<Edge, uint32_t>> parseEdgeRecord(const nlohmann::json& j);  // edge, evidence count
Result<Document> parseDocumentRecord(const nlohmann::json& j);

// One line of output: compact, invalid UTF-8 replaced by U+FFFD.
std::string jsonLine(const nlohmann::json& j);

}  // namespace kg::exports
