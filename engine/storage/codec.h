// The one codec for every key and value ActorGraph stores in RocksDB.
// engine/storage/FORMAT.md is its specification; change both together and
// bump kFormatVersion (graph_store.h) for any incompatible change.
//
// Keys are big-endian so that byte order is numeric order; dates sort as days
// since 1970 with the sign bit flipped. Values are compact varint records.
// Pure functions; safe from any thread.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "base/date.h"
#include "base/status.h"
#include "model/actor.h"
#include "model/document.h"
#include "model/edge.h"
#include "storage/graph_store.h"

namespace kg::storage::codec {

inline constexpr size_t kIdBytes = 8;
inline constexpr size_t kDateBytes = 5;
// src(8) type(1) from(5) dst(8) edge id(8)
inline constexpr size_t kEdgeKeyBytes = 8 + 1 + kDateBytes + 8 + 8;

// Inline: bulk loads build keys with it in their inner loops.
inline void putU64BE(std::string* out, uint64_t v) {
  char b[8];  // one append, not eight
  for (int i = 0; i < 8; ++i) b[i] = static_cast<char>((v >> (8 * (7 - i))) & 0xff);
  out->append(b, 8);
}
void putU32BE(std::string* out, uint32_t v);
uint64_t getU64BE(std::string_view in, size_t pos);  // requires pos + 8 <= size
uint32_t getU32BE(std::string_view in, size_t pos);

// 4 bytes: days with the sign bit flipped (unknown: 0), then 1 byte precision.
void putDateKey(std::string* out, const Date& d);
Date getDateKey(std::string_view in, size_t pos);  // requires pos + 5 <= size

std::string idKey(uint64_t id);

// Parts of an edge key in the `out` family (and, with src/dst swapped, `in`).
struct EdgeKey {
  ActorId first = 0;   // src in `out`, dst in `in`
  EdgeType type = EdgeType::kConsult;
  Date from;
  ActorId second = 0;  // dst in `out`, src in `in`
  EdgeId id = 0;
};
std::string encodeEdgeKey(const EdgeKey& k);
// The same bytes appended to `out` (bulk loads reuse one buffer per file).
void appendEdgeKey(std::string* out, const EdgeKey& k);
Result<EdgeKey> decodeEdgeKey(std::string_view key);
// The key prefix shared by every edge with the same (first, type, from, second).
std::string edgeFactPrefix(ActorId first, EdgeType type, const Date& from, ActorId second);

std::string encodeActor(const Actor& a, const std::vector<std::string>& nameKeys);
Result<Actor> decodeActor(ActorId id, std::string_view value, std::vector<std::string>* nameKeys = nullptr);

// The `out` value: what the key does not hold.
std::string encodeEdgeValue(const Edge& e, uint32_t evidenceCount);
void appendEdgeValue(std::string* out, const Edge& e, uint32_t evidenceCount);  // the same, appended
// Fills header->edge from the key parts and the value.
Result<EdgeHeader> decodeEdge(const EdgeKey& key, std::string_view value);

std::string evidenceKey(EdgeId edge, const DocId& doc, uint32_t sentence);
void appendEvidenceKey(std::string* out, EdgeId edge, std::string_view doc, uint32_t sentence);  // the same, appended
std::string encodeEvidenceValue(const Evidence& ev);
void appendEvidenceValue(std::string* out, const Evidence& ev);  // the same, appended
// The optional attribute tail of an evidence value (FORMAT.md): "" when
// `attributes` is empty, so that encodeEvidenceValue(ev without attributes)
// + this == encodeEvidenceValue(ev with them).
std::string encodeEvidenceAttributes(const std::map<std::string, std::string>& attributes);
Result<Evidence> decodeEvidence(std::string_view key, std::string_view value);

std::string encodeDocument(const Document& d);
Result<Document> decodeDocument(const DocId& id, std::string_view value);

// name key, NUL, actor id (8).
std::string nameIndexKey(std::string_view nameKey, ActorId id);

// Curation records in the `meta` family (FORMAT.md "Curation").
inline constexpr std::string_view kLogPrefix = "curation.log/";
inline constexpr std::string_view kSuppressedPrefix = "curation.removed/";
inline constexpr std::string_view kMergedPrefix = "curation.merged/";
inline constexpr std::string_view kRemovedActorPrefix = "curation.gone/";
// curation.log/ + u64 seq.
std::string logKey(uint64_t seq);
std::string encodeCurationRecord(const CurationRecord& r);  // seq is in the key
Result<CurationRecord> decodeCurationRecord(std::string_view key, std::string_view value);
// curation.removed/ + u64 src, 1 byte type, date from, u64 dst; value u64 edge id.
std::string suppressedKey(const SuppressedFact& f);
Result<SuppressedFact> decodeSuppressedKey(std::string_view key);
// curation.merged/ + strict name key; value u64 actor id.
std::string mergedNameKey(std::string_view strictKey);
// curation.gone/ + u64 actor id; empty value (kg actor rm).
std::string removedActorKey(ActorId id);

std::string encodeCounter(int64_t delta);  // 8 bytes little-endian
int64_t decodeCounter(std::string_view v);

// The change log (FORMAT.md "meta", change records): `meta` key
// "change." + u64 first sequence number of the commit.
inline constexpr std::string_view kChangePrefix = "change.";
std::string changeKey(uint64_t firstSequence);
// The first sequence number of a change key; Corruption when `key` is not one.
Result<uint64_t> decodeChangeKey(std::string_view key);
// u64 last sequence number, varint n + n x varint edge id, varint m + m x
// varint actor id.
std::string encodeChange(uint64_t lastSequence, const std::vector<EdgeId>& edges, const std::vector<ActorId>& actors);
// Appends the record's ids to `edges` and `actors`; returns its last sequence
// number. Corruption when malformed.
Result<uint64_t> decodeChange(std::string_view value, std::vector<EdgeId>* edges, std::vector<ActorId>* actors);

}  // namespace kg::storage::codec
