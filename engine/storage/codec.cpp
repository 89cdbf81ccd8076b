#include "storage/codec.h"

#include <cstring>

namespace kg::storage::codec {

namespace {

void putVarint(std::string* out, uint64_t v) {
  while (v >= 0x80) {
    out->push_back(static_cast<char>((v & 0x7f) | 0x80));
    v >>= 7;
  }
  out->push_back(static_cast<char>(v));
}

void putString(std::string* out, std::string_view s) {
  putVarint(out, s.size());
  out->append(s);
}

// Bounds-checked reader over a value; any overrun marks it failed.
class Reader {
 public:
  explicit Reader(std::string_view in) : in_(in) {}
  uint64_t varint() {
    uint64_t v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (pos_ >= in_.size()) { ok_ = false; return 0; }
      auto b = static_cast<uint8_t>(in_[pos_++]);
      v |= static_cast<uint64_t>(b & 0x7f) << shift;
      if (!(b & 0x80)) return v;
    }
    ok_ = false;
    return 0;
  }
  std::string string() {
    uint64_t n = varint();
    if (!ok_ || n > in_.size() - pos_) { ok_ = false; return {}; }
    std::string s(in_.substr(pos_, n));
    pos_ += n;
    return s;
  }
  std::string_view bytes(size_t n) {
    if (n > in_.size() - pos_) { ok_ = false; return {}; }
    auto s = in_.substr(pos_, n);
    pos_ += n;
    return s;
  }
  bool ok() const { return ok_; }
  bool atEnd() const { return pos_ == in_.size(); }

 private:
  std::string_view in_;
  size_t pos_ = 0;
  bool ok_ = true;
};

Status corrupt(const char* what) { return Status::corruption(std::string("malformed ") + what + " record"); }

}  // namespace

void putU32BE(std::string* out, uint32_t v) {
  char b[4];
  for (int i = 0; i < 4; ++i) b[i] = static_cast<char>((v >> (8 * (3 - i))) & 0xff);
  out->append(b, 4);
}
uint64_t getU64BE(std::string_view in, size_t pos) {
  uint64_t v = 0;
  for (size_t i = 0; i < 8; ++i) v = (v << 8) | static_cast<uint8_t>(in[pos + i]);
  return v;
}
uint32_t getU32BE(std::string_view in, size_t pos) {
  uint32_t v = 0;
  for (size_t i = 0; i < 4; ++i) v = (v << 8) | static_cast<uint8_t>(in[pos + i]);
  return v;
}

void putDateKey(std::string* out, const Date& d) {
  uint32_t flipped = d.known() ? (static_cast<uint32_t>(d.days()) ^ 0x80000000u) : 0u;
  putU32BE(out, flipped);
  out->push_back(static_cast<char>(d.precision()));
}

Date getDateKey(std::string_view in, size_t pos) {
  auto p = static_cast<DatePrecision>(static_cast<uint8_t>(in[pos + 4]));
  if (p == DatePrecision::kUnknown || static_cast<uint8_t>(p) > 4) return Date::unknown();
  auto days = static_cast<int32_t>(getU32BE(in, pos) ^ 0x80000000u);
  return Date::fromDays(days, p);
}

std::string idKey(uint64_t id) {
  std::string k;
  putU64BE(&k, id);
  return k;
}

std::string edgeFactPrefix(ActorId first, EdgeType type, const Date& from, ActorId second) {
  std::string k;
  k.reserve(kEdgeKeyBytes);
  putU64BE(&k, first);
  k.push_back(static_cast<char>(type));
  putDateKey(&k, from);
  putU64BE(&k, second);
  return k;
}

std::string encodeEdgeKey(const EdgeKey& e) {
  std::string k;
  k.reserve(kEdgeKeyBytes);
  appendEdgeKey(&k, e);
  return k;
}

void appendEdgeKey(std::string* out, const EdgeKey& e) {
  putU64BE(out, e.first);
  out->push_back(static_cast<char>(e.type));
  putDateKey(out, e.from);
  putU64BE(out, e.second);
  putU64BE(out, e.id);
}

Result<EdgeKey> decodeEdgeKey(std::string_view key) {
  if (key.size() != kEdgeKeyBytes) return corrupt("edge key");
  EdgeKey e;
  e.first = getU64BE(key, 0);
  auto t = static_cast<uint8_t>(key[8]);
  if (t >= kEdgeTypeCount) return corrupt("edge key type");
  e.type = static_cast<EdgeType>(t);
  e.from = getDateKey(key, 9);
  e.second = getU64BE(key, 14);
  e.id = getU64BE(key, 22);
  return e;
}

std::string encodeActor(const Actor& a, const std::vector<std::string>& nameKeys) {
  std::string v;
  putString(&v, a.name);
  v.push_back(static_cast<char>(a.kind));
  putString(&v, a.country);
  putVarint(&v, a.aliases.size());
  for (const auto& s : a.aliases) putString(&v, s);
  putVarint(&v, a.attributes.size());
  for (const auto& [k, val] : a.attributes) {
    putString(&v, k);
    putString(&v, val);
  }
  putVarint(&v, nameKeys.size());
  for (const auto& s : nameKeys) putString(&v, s);
  return v;
}

Result<Actor> decodeActor(ActorId id, std::string_view value, std::vector<std::string>* nameKeys) {
  Reader r(value);
  Actor a;
  a.id = id;
  a.name = r.string();
  auto kb = r.bytes(1);
  if (!r.ok() || static_cast<uint8_t>(kb[0]) > static_cast<uint8_t>(ActorKind::kOther)) return corrupt("actor");
  a.kind = static_cast<ActorKind>(static_cast<uint8_t>(kb[0]));
  a.country = r.string();
  uint64_t n = r.varint();
  for (uint64_t i = 0; i < n && r.ok(); ++i) a.aliases.push_back(r.string());
  n = r.varint();
  for (uint64_t i = 0; i < n && r.ok(); ++i) {
    std::string k = r.string();
    a.attributes[k] = r.string();
  }
  n = r.varint();
  for (uint64_t i = 0; i < n && r.ok(); ++i) {
    std::string k = r.string();
    if (nameKeys) nameKeys->push_back(std::move(k));
  }
  if (!r.ok() || !r.atEnd()) return corrupt("actor");
  return a;
}

std::string encodeEdgeValue(const Edge& e, uint32_t evidenceCount) {
  std::string v;
  appendEdgeValue(&v, e, evidenceCount);
  return v;
}

void appendEdgeValue(std::string* out, const Edge& e, uint32_t evidenceCount) {
  std::string& v = *out;
  putString(&v, e.mode);
  putString(&v, e.cameo);
  putString(&v, e.title);
  putDateKey(&v, e.when.to);
  uint32_t bits;
  std::memcpy(&bits, &e.confidence, 4);
  putU32BE(&v, bits);
  putVarint(&v, evidenceCount);
  // Optional trailing fields (FORMAT.md): readers of records without them
  // default them, and readers that predate them never get this far.
  const bool codes = !e.srcCode.empty() || !e.dstCode.empty();
  if (e.dateBasis != DateBasis::kUnknown || e.sources != 0 || codes) {
    v.push_back(static_cast<char>(e.dateBasis));
    putVarint(&v, e.sources);
  }
  if (codes) {  // a second optional tail: the parties' actor codes
    putString(&v, e.srcCode);
    putString(&v, e.dstCode);
  }
}

Result<EdgeHeader> decodeEdge(const EdgeKey& key, std::string_view value) {
  Reader r(value);
  EdgeHeader h;
  Edge& e = h.edge;
  e.id = key.id;
  e.src = key.first;
  e.dst = key.second;
  e.type = key.type;
  e.when.from = key.from;
  e.mode = r.string();
  e.cameo = r.string();
  e.title = r.string();
  auto to = r.bytes(kDateBytes);
  auto conf = r.bytes(4);
  uint64_t count = r.varint();
  if (r.ok() && !r.atEnd()) {
    auto basis = r.bytes(1);
    uint64_t sources = r.varint();
    if (!r.ok() || static_cast<uint8_t>(basis[0]) >= kDateBasisCount || sources > UINT32_MAX) return corrupt("edge");
    e.dateBasis = static_cast<DateBasis>(static_cast<uint8_t>(basis[0]));
    e.sources = static_cast<uint32_t>(sources);
    if (r.ok() && !r.atEnd()) {
      e.srcCode = r.string();
      e.dstCode = r.string();
    }
  }
  if (!r.ok() || !r.atEnd()) return corrupt("edge");
  e.when.to = getDateKey(to, 0);
  uint32_t bits = getU32BE(conf, 0);
  std::memcpy(&e.confidence, &bits, 4);
  h.evidenceCount = static_cast<uint32_t>(count);
  return h;
}

std::string evidenceKey(EdgeId edge, const DocId& doc, uint32_t sentence) {
  std::string k;
  appendEvidenceKey(&k, edge, doc, sentence);
  return k;
}

void appendEvidenceKey(std::string* out, EdgeId edge, std::string_view doc, uint32_t sentence) {
  putU64BE(out, edge);
  out->append(doc);
  out->push_back('\0');
  putU32BE(out, sentence);
}

std::string encodeEvidenceValue(const Evidence& ev) {
  std::string v;
  appendEvidenceValue(&v, ev);
  return v;
}

void appendEvidenceValue(std::string* out, const Evidence& ev) {
  putVarint(out, ev.begin);
  putVarint(out, ev.end);
  putString(out, ev.text);
  if (!ev.attributes.empty()) out->append(encodeEvidenceAttributes(ev.attributes));
}

std::string encodeEvidenceAttributes(const std::map<std::string, std::string>& attributes) {
  std::string v;
  if (attributes.empty()) return v;  // optional tail: older records have none
  putVarint(&v, attributes.size());
  for (const auto& [k, val] : attributes) {
    putString(&v, k);
    putString(&v, val);
  }
  return v;
}

Result<Evidence> decodeEvidence(std::string_view key, std::string_view value) {
  if (key.size() < 8 + 1 + 4 || key[key.size() - 5] != '\0') return corrupt("evidence key");
  Evidence ev;
  ev.doc = std::string(key.substr(8, key.size() - 8 - 5));
  ev.sentence = getU32BE(key, key.size() - 4);
  Reader r(value);
  ev.begin = static_cast<uint32_t>(r.varint());
  ev.end = static_cast<uint32_t>(r.varint());
  ev.text = r.string();
  if (r.ok() && !r.atEnd()) {  // the optional attribute tail
    uint64_t n = r.varint();
    if (n == 0) return corrupt("evidence");  // writers omit an empty tail
    for (uint64_t i = 0; i < n && r.ok(); ++i) {
      std::string k = r.string();
      ev.attributes[std::move(k)] = r.string();
    }
  }
  if (!r.ok() || !r.atEnd()) return corrupt("evidence");
  return ev;
}

std::string encodeDocument(const Document& d) {
  std::string v;
  putString(&v, d.source);
  putString(&v, d.url);
  putString(&v, d.title);
  putDateKey(&v, d.date);
  putString(&v, d.language);
  // Optional trailing field (FORMAT.md): records without it read as no outlet.
  if (!d.outlet.empty()) putString(&v, d.outlet);
  return v;
}

Result<Document> decodeDocument(const DocId& id, std::string_view value) {
  Reader r(value);
  Document d;
  d.id = id;
  d.source = r.string();
  d.url = r.string();
  d.title = r.string();
  auto date = r.bytes(kDateBytes);
  d.language = r.string();
  if (r.ok() && !r.atEnd()) d.outlet = r.string();
  if (!r.ok() || !r.atEnd()) return corrupt("document");
  d.date = getDateKey(date, 0);
  return d;
}

std::string nameIndexKey(std::string_view nameKey, ActorId id) {
  std::string k(nameKey);
  k.push_back('\0');
  putU64BE(&k, id);
  return k;
}

std::string logKey(uint64_t seq) {
  std::string k(kLogPrefix);
  putU64BE(&k, seq);
  return k;
}

std::string encodeCurationRecord(const CurationRecord& r) {
  std::string out;
  putU64BE(&out, static_cast<uint64_t>(r.unixSeconds));
  putString(&out, r.user);
  putString(&out, r.command);
  putString(&out, r.args);
  putString(&out, r.details);
  return out;
}

Result<CurationRecord> decodeCurationRecord(std::string_view key, std::string_view value) {
  if (key.size() != kLogPrefix.size() + 8 || key.substr(0, kLogPrefix.size()) != kLogPrefix)
    return corrupt("curation log key");
  CurationRecord c;
  c.seq = getU64BE(key, kLogPrefix.size());
  Reader r(value);
  auto t = r.bytes(8);
  c.user = r.string();
  c.command = r.string();
  c.args = r.string();
  c.details = r.string();
  if (!r.ok() || !r.atEnd()) return corrupt("curation log");
  c.unixSeconds = static_cast<int64_t>(getU64BE(t, 0));
  return c;
}

std::string suppressedKey(const SuppressedFact& f) {
  std::string k(kSuppressedPrefix);
  putU64BE(&k, f.src);
  k.push_back(static_cast<char>(f.type));
  putDateKey(&k, f.from);
  putU64BE(&k, f.dst);
  return k;
}

Result<SuppressedFact> decodeSuppressedKey(std::string_view key) {
  const size_t n = kSuppressedPrefix.size();
  if (key.size() != n + 8 + 1 + kDateBytes + 8 || key.substr(0, n) != kSuppressedPrefix)
    return corrupt("removed fact key");
  SuppressedFact f;
  f.src = getU64BE(key, n);
  auto type = static_cast<uint8_t>(key[n + 8]);
  if (type >= kEdgeTypeCount) return corrupt("removed fact key");
  f.type = static_cast<EdgeType>(type);
  f.from = getDateKey(key, n + 9);
  f.dst = getU64BE(key, n + 9 + kDateBytes);
  return f;
}

std::string mergedNameKey(std::string_view strictKey) {
  std::string k(kMergedPrefix);
  k.append(strictKey);
  return k;
}

std::string removedActorKey(ActorId id) {
  std::string k(kRemovedActorPrefix);
  putU64BE(&k, id);
  return k;
}

std::string encodeCounter(int64_t delta) {
  std::string v(8, '\0');
  auto u = static_cast<uint64_t>(delta);
  for (int i = 0; i < 8; ++i) v[i] = static_cast<char>((u >> (8 * i)) & 0xff);
  return v;
}

int64_t decodeCounter(std::string_view v) {
  if (v.size() != 8) return 0;
  uint64_t u = 0;
  for (int i = 7; i >= 0; --i) u = (u << 8) | static_cast<uint8_t>(v[i]);
  return static_cast<int64_t>(u);
}

std::string changeKey(uint64_t firstSequence) {
  std::string k(kChangePrefix);
  putU64BE(&k, firstSequence);
  return k;
}

Result<uint64_t> decodeChangeKey(std::string_view key) {
  if (key.size() != kChangePrefix.size() + 8 || key.substr(0, kChangePrefix.size()) != kChangePrefix)
    return Status::corruption("malformed change record key");
  return getU64BE(key, kChangePrefix.size());
}

std::string encodeChange(uint64_t lastSequence, const std::vector<EdgeId>& edges, const std::vector<ActorId>& actors) {
  std::string v;
  putU64BE(&v, lastSequence);
  putVarint(&v, edges.size());
  for (EdgeId id : edges) putVarint(&v, id);
  putVarint(&v, actors.size());
  for (ActorId id : actors) putVarint(&v, id);
  return v;
}

Result<uint64_t> decodeChange(std::string_view value, std::vector<EdgeId>* edges, std::vector<ActorId>* actors) {
  Reader r(value);
  std::string_view last = r.bytes(8);
  for (auto* ids : {edges, actors}) {
    const uint64_t n = r.ok() ? r.varint() : 0;
    if (!r.ok() || n > value.size()) return corrupt("change");
    for (uint64_t i = 0; i < n && r.ok(); ++i) ids->push_back(r.varint());
  }
  if (!r.ok() || !r.atEnd()) return corrupt("change");
  return getU64BE(last, 0);
}

}  // namespace kg::storage::codec
