#include "storage/rocks_store.h"

#include <rocksdb/cache.h>
#include <rocksdb/db.h>
#include <rocksdb/filter_policy.h>
#include <rocksdb/merge_operator.h>
#include <rocksdb/slice_transform.h>
#include <rocksdb/table.h>
#include <rocksdb/write_batch.h>

#include <atomic>
#include <filesystem>
#include <map>
#include <mutex>
#include <set>
#include <unordered_map>

#include "storage/codec.h"

namespace kg::storage {

namespace {

namespace fs = std::filesystem;
using codec::EdgeKey;

enum Cf { kDefault = 0, kActors, kNames, kOut, kIn, kEvidence, kDocs, kMeta, kEdgeIds, kCfCount };

constexpr const char* kVersionKey = "format_version";
constexpr const char* kNextActorKey = "next_actor_id";
constexpr const char* kNextEdgeKey = "next_edge_id";
constexpr const char* kCountActors = "count.actors";
constexpr const char* kCountEdges = "count.edges";
constexpr const char* kCountEvidence = "count.evidence";
constexpr const char* kCountDocs = "count.documents";

Status fromRocks(const rocksdb::Status& s, const std::string& context) {
  if (s.ok()) return Status::ok();
  std::string msg = context + ": " + s.ToString();
  if (s.IsCorruption()) return Status::corruption(msg);
  if (s.IsNotFound()) return Status::notFound(msg);
  if (s.IsInvalidArgument()) return Status::invalidArgument(msg);
  return Status::ioError(msg);
}

// Adds signed 64-bit little-endian deltas: the meta counters.
class CounterMerge final : public rocksdb::AssociativeMergeOperator {
 public:
  bool Merge(const rocksdb::Slice&, const rocksdb::Slice* existing, const rocksdb::Slice& value,
             std::string* newValue, rocksdb::Logger*) const override {
    int64_t base = existing ? codec::decodeCounter({existing->data(), existing->size()}) : 0;
    *newValue = codec::encodeCounter(base + codec::decodeCounter({value.data(), value.size()}));
    return true;
  }
  const char* Name() const override { return "kg.CounterAdd"; }
};

std::string_view sv(const rocksdb::Slice& s) { return {s.data(), s.size()}; }

bool startsWith(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

class RocksStore;

class RocksBatch final : public WriteBatch {
 public:
  explicit RocksBatch(RocksStore* store) : store_(store) {}
  Result<ActorId> putActor(Actor actor, const std::vector<std::string>& nameKeys) override;
  Result<EdgeId> putEdge(Edge edge) override;
  Status putDocument(const Document& doc) override;
  size_t size() const override { return ops_; }

  rocksdb::WriteBatch& raw() { return batch_; }

 private:
  friend class RocksStore;
  struct PendingEdge {
    EdgeKey key;
    Edge header;  // without evidence
    uint32_t evidenceCount = 0;
  };
  RocksStore* store_;
  rocksdb::WriteBatch batch_;
  size_t ops_ = 0;
  // Edges written in this batch by fact prefix, so a fact repeated within the
  // batch merges too.
  std::multimap<std::string, PendingEdge> pendingEdges_;
  std::set<std::string> pendingEvidence_;
  std::set<std::string> pendingDocs_;
  std::map<ActorId, bool> pendingActors_;  // id -> existed before
  int64_t dActors_ = 0, dEdges_ = 0, dEvidence_ = 0, dDocs_ = 0;
};

class RocksStore final : public GraphStore {
 public:
  RocksStore(std::unique_ptr<rocksdb::DB> db, std::vector<rocksdb::ColumnFamilyHandle*> cfs, bool readOnly,
             bool bulk, std::shared_ptr<rocksdb::Cache> cache)
      : db_(std::move(db)), cfs_(std::move(cfs)), readOnly_(readOnly), bulk_(bulk), cache_(std::move(cache)) {}

  ~RocksStore() override {
    for (auto* h : cfs_) db_->DestroyColumnFamilyHandle(h);
    cfs_.clear();
    db_->Close();
  }

  Status init(bool fresh) {
    std::string v;
    auto s = db_->Get(rocksdb::ReadOptions(), cfs_[kMeta], kVersionKey, &v);
    if (s.IsNotFound()) {
      if (!fresh || readOnly_)
        return Status::failedPrecondition("database has no ActorGraph format version; it is not an ActorGraph "
                                          "database (or was never initialised)");
      std::string ver;
      codec::putU32BE(&ver, kFormatVersion);
      KG_RETURN_IF_ERROR(fromRocks(db_->Put(rocksdb::WriteOptions(), cfs_[kMeta], kVersionKey, ver), "write format version"));
    } else if (!s.ok()) {
      return fromRocks(s, "read format version");
    } else {
      uint32_t found = v.size() == 4 ? codec::getU32BE(v, 0) : 0;
      if (found != kFormatVersion)
        return Status::failedPrecondition("database has format version " + std::to_string(found) +
                                          "; this kg reads format version " + std::to_string(kFormatVersion));
    }
    nextActor_ = readU64(kNextActorKey, 1);
    nextEdge_ = readU64(kNextEdgeKey, 1);
    return Status::ok();
  }

  uint64_t readU64(const char* key, uint64_t dflt) {
    std::string v;
    if (db_->Get(rocksdb::ReadOptions(), cfs_[kMeta], key, &v).ok() && v.size() == 8) return codec::getU64BE(v, 0);
    return dflt;
  }

  // --- reads ---

  Result<std::optional<Actor>> getActor(ActorId id) const override {
    std::string v;
    auto s = db_->Get(rocksdb::ReadOptions(), cfs_[kActors], codec::idKey(id), &v);
    if (s.IsNotFound()) return std::optional<Actor>();
    KG_RETURN_IF_ERROR(fromRocks(s, "read actor"));
    auto a = codec::decodeActor(id, v);
    if (!a) return a.status();
    return std::optional<Actor>(std::move(a).value());
  }

  Result<std::vector<std::string>> nameKeysOf(ActorId id) const {
    std::string v;
    std::vector<std::string> keys;
    auto s = db_->Get(rocksdb::ReadOptions(), cfs_[kActors], codec::idKey(id), &v);
    if (s.IsNotFound()) return keys;
    KG_RETURN_IF_ERROR(fromRocks(s, "read actor"));
    auto a = codec::decodeActor(id, v, &keys);
    if (!a) return a.status();
    return keys;
  }

  Result<std::vector<ActorId>> lookupNameKey(std::string_view key) const override {
    std::vector<ActorId> ids;
    std::string prefix(key);
    prefix.push_back('\0');
    KG_RETURN_IF_ERROR(scanPrefix(kNames, prefix, [&](std::string_view k, std::string_view) {
      if (k.size() == prefix.size() + 8) ids.push_back(codec::getU64BE(k, prefix.size()));
      return Scan::kContinue;
    }));
    return ids;
  }

  Status scanNameKeys(const std::function<Scan(std::string_view, ActorId)>& fn) const override {
    return scanPrefix(kNames, "", [&](std::string_view k, std::string_view) {
      if (k.size() < 9) return Scan::kContinue;
      return fn(k.substr(0, k.size() - 9), codec::getU64BE(k, k.size() - 8));
    });
  }

  Status scanActors(const std::function<Scan(const Actor&)>& fn) const override {
    Status err;
    KG_RETURN_IF_ERROR(scanPrefix(kActors, "", [&](std::string_view k, std::string_view v) {
      if (k.size() != 8) { err = Status::corruption("malformed actor key"); return Scan::kStop; }
      auto a = codec::decodeActor(codec::getU64BE(k, 0), v);
      if (!a) { err = a.status(); return Scan::kStop; }
      return fn(a.value());
    }));
    return err;
  }

  Result<Edge> getEdge(EdgeId id) const override {
    std::string outKey;
    auto s = db_->Get(rocksdb::ReadOptions(), cfs_[kEdgeIds], codec::idKey(id), &outKey);
    if (s.IsNotFound()) return Status::notFound("no edge with id " + std::to_string(id));
    KG_RETURN_IF_ERROR(fromRocks(s, "read edge index"));
    std::string v;
    s = db_->Get(rocksdb::ReadOptions(), cfs_[kOut], outKey, &v);
    if (s.IsNotFound()) return Status::corruption("edge " + std::to_string(id) + " is indexed but missing");
    KG_RETURN_IF_ERROR(fromRocks(s, "read edge"));
    auto key = codec::decodeEdgeKey(outKey);
    if (!key) return key.status();
    auto h = codec::decodeEdge(key.value(), v);
    if (!h) return h.status();
    auto ev = getEvidence(id, SIZE_MAX);
    if (!ev) return ev.status();
    Edge e = std::move(h.value().edge);
    e.evidence = std::move(ev).value();
    return e;
  }

  Result<std::vector<Evidence>> getEvidence(EdgeId id, size_t limit) const override {
    std::vector<Evidence> out;
    Status err;
    if (limit == 0) return out;
    KG_RETURN_IF_ERROR(scanPrefix(kEvidence, codec::idKey(id), [&](std::string_view k, std::string_view v) {
      auto ev = codec::decodeEvidence(k, v);
      if (!ev) { err = ev.status(); return Scan::kStop; }
      out.push_back(std::move(ev).value());
      return out.size() >= limit ? Scan::kStop : Scan::kContinue;
    }));
    if (!err.isOk()) return err;
    return out;
  }

  Status scanEdgeFamily(Cf cf, std::string_view prefix, const std::function<Scan(const EdgeHeader&)>& fn) const {
    Status err;
    KG_RETURN_IF_ERROR(scanPrefix(cf, prefix, [&](std::string_view k, std::string_view v) {
      auto key = codec::decodeEdgeKey(k);
      if (!key) { err = key.status(); return Scan::kStop; }
      if (cf == kIn) {
        // The `in` family holds back-references; the record lives in `out`.
        EdgeKey outKey{key->second, key->type, key->from, key->first, key->id};
        std::string val;
        auto s = db_->Get(rocksdb::ReadOptions(), cfs_[kOut], codec::encodeEdgeKey(outKey), &val);
        if (!s.ok()) { err = fromRocks(s, "read edge " + std::to_string(key->id)); return Scan::kStop; }
        auto h = codec::decodeEdge(outKey, val);
        if (!h) { err = h.status(); return Scan::kStop; }
        return fn(h.value());
      }
      auto h = codec::decodeEdge(key.value(), v);
      if (!h) { err = h.status(); return Scan::kStop; }
      return fn(h.value());
    }));
    return err;
  }

  Status scanOut(ActorId src, const std::function<Scan(const EdgeHeader&)>& fn) const override {
    return scanEdgeFamily(kOut, codec::idKey(src), fn);
  }
  Status scanIn(ActorId dst, const std::function<Scan(const EdgeHeader&)>& fn) const override {
    return scanEdgeFamily(kIn, codec::idKey(dst), fn);
  }
  Status scanEdges(const std::function<Scan(const EdgeHeader&)>& fn) const override {
    return scanEdgeFamily(kOut, "", fn);
  }

  Result<std::optional<Document>> getDocument(const DocId& id) const override {
    std::string v;
    auto s = db_->Get(rocksdb::ReadOptions(), cfs_[kDocs], id, &v);
    if (s.IsNotFound()) return std::optional<Document>();
    KG_RETURN_IF_ERROR(fromRocks(s, "read document"));
    auto d = codec::decodeDocument(id, v);
    if (!d) return d.status();
    return std::optional<Document>(std::move(d).value());
  }

  Status scanDocuments(const std::function<Scan(const Document&)>& fn) const override {
    Status err;
    KG_RETURN_IF_ERROR(scanPrefix(kDocs, "", [&](std::string_view k, std::string_view v) {
      auto d = codec::decodeDocument(std::string(k), v);
      if (!d) { err = d.status(); return Scan::kStop; }
      return fn(d.value());
    }));
    return err;
  }

  Result<StoreStats> stats() const override {
    StoreStats st;
    auto read = [&](const char* key) -> uint64_t {
      std::string v;
      if (!db_->Get(rocksdb::ReadOptions(), cfs_[kMeta], key, &v).ok()) return 0;
      int64_t n = codec::decodeCounter(v);
      return n < 0 ? 0 : static_cast<uint64_t>(n);
    };
    st.actors = read(kCountActors);
    st.edges = read(kCountEdges);
    st.evidence = read(kCountEvidence);
    st.documents = read(kCountDocs);
    return st;
  }

  // --- writes ---

  std::unique_ptr<WriteBatch> newBatch() override { return std::make_unique<RocksBatch>(this); }

  Status commit(WriteBatch& batch) override {
    if (readOnly_) return Status::failedPrecondition("the database is open read-only");
    auto* b = dynamic_cast<RocksBatch*>(&batch);
    assert(b && "batch from another store");
    std::lock_guard<std::mutex> lock(commitMu_);
    auto& wb = b->raw();
    if (b->dActors_) wb.Merge(cfs_[kMeta], kCountActors, codec::encodeCounter(b->dActors_));
    if (b->dEdges_) wb.Merge(cfs_[kMeta], kCountEdges, codec::encodeCounter(b->dEdges_));
    if (b->dEvidence_) wb.Merge(cfs_[kMeta], kCountEvidence, codec::encodeCounter(b->dEvidence_));
    if (b->dDocs_) wb.Merge(cfs_[kMeta], kCountDocs, codec::encodeCounter(b->dDocs_));
    std::string na, ne;
    codec::putU64BE(&na, nextActor_.load());
    codec::putU64BE(&ne, nextEdge_.load());
    wb.Put(cfs_[kMeta], kNextActorKey, na);
    wb.Put(cfs_[kMeta], kNextEdgeKey, ne);
    rocksdb::WriteOptions wo;
    wo.disableWAL = bulk_;
    auto s = db_->Write(wo, &wb);
    b->batch_.Clear();
    b->pendingEdges_.clear();
    b->pendingEvidence_.clear();
    b->pendingDocs_.clear();
    b->pendingActors_.clear();
    b->dActors_ = b->dEdges_ = b->dEvidence_ = b->dDocs_ = 0;
    b->ops_ = 0;
    return fromRocks(s, "commit batch");
  }

  Status flush() override {
    if (readOnly_) return Status::ok();
    rocksdb::FlushOptions fo;
    return fromRocks(db_->Flush(fo, cfs_), "flush");
  }

  // Visits keys of family `cf` starting with `prefix` in order.
  Status scanPrefix(int cf, std::string_view prefix,
                    const std::function<Scan(std::string_view, std::string_view)>& fn) const {
    rocksdb::ReadOptions ro;
    // Our prefixes may be shorter or longer than the extractor's fixed 8 bytes.
    ro.total_order_seek = prefix.size() < 8;
    ro.prefix_same_as_start = prefix.size() >= 8;
    std::unique_ptr<rocksdb::Iterator> it(db_->NewIterator(ro, cfs_[cf]));
    for (it->Seek(rocksdb::Slice(prefix.data(), prefix.size())); it->Valid(); it->Next()) {
      auto k = sv(it->key());
      if (!startsWith(k, prefix)) break;
      if (fn(k, sv(it->value())) == Scan::kStop) break;
    }
    return fromRocks(it->status(), "scan");
  }

  rocksdb::DB* db() { return db_.get(); }
  rocksdb::ColumnFamilyHandle* cf(int i) { return cfs_[i]; }
  uint64_t allocActor() { return nextActor_++; }
  uint64_t allocEdge() { return nextEdge_++; }

 private:
  std::unique_ptr<rocksdb::DB> db_;
  std::vector<rocksdb::ColumnFamilyHandle*> cfs_;
  bool readOnly_;
  bool bulk_;
  std::shared_ptr<rocksdb::Cache> cache_;
  std::atomic<uint64_t> nextActor_{1};
  std::atomic<uint64_t> nextEdge_{1};
  std::mutex commitMu_;  // serialises commits (and the id high-water marks they write)
};

Result<ActorId> RocksBatch::putActor(Actor actor, const std::vector<std::string>& nameKeys) {
  if (actor.name.empty()) return Status::invalidArgument("an actor needs a non-empty name");
  bool existed = false;
  if (actor.id == 0) {
    actor.id = store_->allocActor();
  } else if (!pendingActors_.count(actor.id)) {
    auto old = store_->nameKeysOf(actor.id);
    if (!old) return old.status();
    auto a = store_->getActor(actor.id);
    if (!a) return a.status();
    existed = a->has_value();
    for (const auto& k : old.value()) batch_.Delete(store_->cf(kNames), codec::nameIndexKey(k, actor.id));
  }
  if (!pendingActors_.count(actor.id)) {
    pendingActors_[actor.id] = existed;
    if (!existed) ++dActors_;
  }
  batch_.Put(store_->cf(kActors), codec::idKey(actor.id), codec::encodeActor(actor, nameKeys));
  for (const auto& k : nameKeys) batch_.Put(store_->cf(kNames), codec::nameIndexKey(k, actor.id), "");
  ++ops_;
  return actor.id;
}

Result<EdgeId> RocksBatch::putEdge(Edge edge) {
  if (edge.src == 0 || edge.dst == 0) return Status::invalidArgument("an edge needs a source and a target actor");
  if (edge.src == edge.dst) return Status::invalidArgument("an edge cannot join an actor to itself");
  if (!(edge.confidence >= 0.0f && edge.confidence <= 1.0f))
    return Status::invalidArgument("confidence " + std::to_string(edge.confidence) + " is outside 0..1");
  const std::string prefix = codec::edgeFactPrefix(edge.src, edge.type, edge.when.from, edge.dst);
  auto sameFact = [&](const Edge& e) { return e.when.to == edge.when.to && e.title == edge.title; };

  PendingEdge* target = nullptr;
  auto range = pendingEdges_.equal_range(prefix);
  for (auto it = range.first; it != range.second; ++it)
    if (sameFact(it->second.header)) target = &it->second;
  if (!target) {
    std::optional<PendingEdge> found;
    Status err;
    KG_RETURN_IF_ERROR(store_->scanPrefix(kOut, prefix, [&](std::string_view k, std::string_view v) {
      auto key = codec::decodeEdgeKey(k);
      if (!key) { err = key.status(); return Scan::kStop; }
      auto h = codec::decodeEdge(key.value(), v);
      if (!h) { err = h.status(); return Scan::kStop; }
      if (sameFact(h->edge)) {
        found = PendingEdge{key.value(), h->edge, h->evidenceCount};
        return Scan::kStop;
      }
      return Scan::kContinue;
    }));
    KG_RETURN_IF_ERROR(err);
    if (found) {
      target = &pendingEdges_.emplace(prefix, *found)->second;
    } else {
      PendingEdge p;
      p.key = EdgeKey{edge.src, edge.type, edge.when.from, edge.dst, store_->allocEdge()};
      p.header = edge;
      p.header.evidence.clear();
      p.header.id = p.key.id;
      target = &pendingEdges_.emplace(prefix, p)->second;
      ++dEdges_;
      const std::string outKey = codec::encodeEdgeKey(p.key);
      batch_.Put(store_->cf(kIn),
                 codec::encodeEdgeKey(EdgeKey{edge.dst, edge.type, edge.when.from, edge.src, p.key.id}), "");
      batch_.Put(store_->cf(kEdgeIds), codec::idKey(p.key.id), outKey);
    }
  }
  // Merge: the fact keeps its first mode/cameo; confidence is the best seen.
  Edge& h = target->header;
  if (h.mode.empty()) h.mode = edge.mode;
  if (h.cameo.empty()) h.cameo = edge.cameo;
  h.confidence = std::max(h.confidence, edge.confidence);
  for (const auto& ev : edge.evidence) {
    const std::string evKey = codec::evidenceKey(target->key.id, ev.doc, ev.sentence);
    if (pendingEvidence_.count(evKey)) continue;
    std::string existing;
    auto s = store_->db()->Get(rocksdb::ReadOptions(), store_->cf(kEvidence), evKey, &existing);
    if (s.ok()) continue;  // this sentence already backs this edge
    if (!s.IsNotFound()) return fromRocks(s, "read evidence");
    pendingEvidence_.insert(evKey);
    batch_.Put(store_->cf(kEvidence), evKey, codec::encodeEvidenceValue(ev));
    ++target->evidenceCount;
    ++dEvidence_;
  }
  batch_.Put(store_->cf(kOut), codec::encodeEdgeKey(target->key), codec::encodeEdgeValue(h, target->evidenceCount));
  ++ops_;
  return target->key.id;
}

Status RocksBatch::putDocument(const Document& doc) {
  if (doc.id.empty()) return Status::invalidArgument("a document needs an id");
  if (!pendingDocs_.count(doc.id)) {
    auto old = store_->getDocument(doc.id);
    if (!old) return old.status();
    if (!old->has_value()) ++dDocs_;
    pendingDocs_.insert(doc.id);
  }
  batch_.Put(store_->cf(kDocs), doc.id, codec::encodeDocument(doc));
  ++ops_;
  return Status::ok();
}

}  // namespace

Result<std::unique_ptr<GraphStore>> openStore(const std::string& path, const StoreOptions& options) {
  std::error_code ec;
  if (fs::exists(path, ec) && !fs::is_directory(path, ec))
    return Status::invalidArgument("database path '" + path + "' is a file, not a database directory");
  const bool exists = fs::exists(fs::path(path) / "CURRENT", ec);
  if (!exists && (!options.createIfMissing || options.readOnly))
    return Status::notFound("no database at '" + path + "'");

  auto cache = rocksdb::NewLRUCache(options.blockCacheBytes);
  rocksdb::BlockBasedTableOptions table;
  table.block_cache = cache;
  table.filter_policy.reset(rocksdb::NewBloomFilterPolicy(10));
  table.whole_key_filtering = true;
  auto tableFactory = std::shared_ptr<rocksdb::TableFactory>(rocksdb::NewBlockBasedTableFactory(table));

  rocksdb::DBOptions dbo;
  dbo.create_if_missing = options.createIfMissing;
  dbo.create_missing_column_families = true;
  dbo.max_background_jobs = 2;
  dbo.info_log_level = rocksdb::InfoLogLevel::WARN_LEVEL;
  dbo.keep_log_file_num = 2;

  std::vector<rocksdb::ColumnFamilyDescriptor> descs;
  for (const char* name : kFamilies) {
    rocksdb::ColumnFamilyOptions co;
    co.table_factory = tableFactory;
    std::string n = name;
    // Vertex-keyed families: bloom filters on the 8-byte vertex id prefix.
    if (n == "out" || n == "in" || n == "evidence" || n == "actors" || n == "edge_ids")
      co.prefix_extractor.reset(rocksdb::NewFixedPrefixTransform(8));
    if (n == "meta") co.merge_operator = std::make_shared<CounterMerge>();
    if (options.bulkLoad) co.write_buffer_size = 128u << 20;
    descs.emplace_back(n, co);
  }
  std::vector<rocksdb::ColumnFamilyHandle*> handles;
  rocksdb::DB* raw = nullptr;
  rocksdb::Status s = options.readOnly ? rocksdb::DB::OpenForReadOnly(dbo, path, descs, &handles, &raw)
                                       : rocksdb::DB::Open(dbo, path, descs, &handles, &raw);
  if (!s.ok()) {
    const std::string msg = s.ToString();
    if (msg.find("lock") != std::string::npos || msg.find("Resource temporarily unavailable") != std::string::npos)
      return Status::busy("database '" + path + "' is in use by another process (" + msg + ")");
    if (msg.find("Column famil") != std::string::npos || msg.find("column famil") != std::string::npos)
      return Status::failedPrecondition("'" + path + "' is not an ActorGraph database of format version " +
                                        std::to_string(kFormatVersion) + ": " + msg);
    return fromRocks(s, "open database '" + path + "'");
  }
  auto store = std::make_unique<RocksStore>(std::unique_ptr<rocksdb::DB>(raw), handles, options.readOnly,
                                            options.bulkLoad, cache);
  Status st = store->init(!exists);
  if (!st.isOk()) return Status(st.code(), "database '" + path + "': " + st.message());
  return std::unique_ptr<GraphStore>(std::move(store));
}

}  // namespace kg::storage
