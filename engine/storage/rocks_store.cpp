#include "storage/rocks_store.h"

#include <rocksdb/cache.h>
#include <rocksdb/db.h>
#include <rocksdb/filter_policy.h>
#include <rocksdb/merge_operator.h>
#include <rocksdb/perf_level.h>
#include <rocksdb/slice_transform.h>
#include <rocksdb/sst_file_writer.h>
#include <rocksdb/table.h>
#include <rocksdb/write_batch.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <cassert>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <map>
#include <mutex>
#include <set>
#include <thread>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

#include <fcntl.h>
#include <signal.h>
#include <unistd.h>

#include <cerrno>

#include "base/kill_point.h"
#include "storage/codec.h"
#include "storage/fault_fs.h"
#include "storage/merge_rule.h"

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

// The memtables' bloom filter, as a share of the write buffer (64 MiB by
// default: 0.64 MiB of filter per memtable). An ingest's point reads mostly
// miss (a new article's document, its evidence keys under each candidate
// edge, a suppressed fact): without the filter each miss walks the memtable's
// skip list, which after a few hundred articles is most of a commit's reads.
constexpr double kMemtableBloomRatio = 0.01;

// RocksDB counts every key comparison (and more) in a thread-local perf
// context unless the thread's perf level says not to. Nothing here reads
// those counters, and a writer's memtable seeks and inserts compare keys
// millions of times per megabyte of text, each count a thread-local lookup
// into the shared library (about 3% of an ingest's instructions). Called by
// every thread that makes a batch; once per thread.
void stopPerfCounting() {
  thread_local const bool stopped = [] {
    rocksdb::SetPerfLevel(rocksdb::PerfLevel::kDisable);
    return true;
  }();
  (void)stopped;
}

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

// Keeps a store's write epoch odd for its lifetime (GraphStore::writeEpoch).
class OddEpoch {
 public:
  explicit OddEpoch(std::atomic<uint64_t>& epoch) : epoch_(epoch) { ++epoch_; }
  ~OddEpoch() { ++epoch_; }
  OddEpoch(const OddEpoch&) = delete;
  OddEpoch& operator=(const OddEpoch&) = delete;

 private:
  std::atomic<uint64_t>& epoch_;
};

class RocksStore;

class RocksBatch final : public WriteBatch {
 public:
  explicit RocksBatch(RocksStore* store) : store_(store) { stopPerfCounting(); }
  Result<ActorId> putActor(Actor actor, const std::vector<std::string>& nameKeys) override;
  Status addAliases(ActorId id, const std::vector<std::string>& aliases,
                    const std::vector<std::string>& nameKeys) override;
  Result<EdgeId> putEdge(Edge edge) override;
  Status putDocument(const Document& doc) override;
  Status restoreEdge(const Edge& edge, uint32_t evidenceCount) override;
  Status removeEdge(EdgeId id) override;
  Status removeActor(ActorId id) override;
  Status suppressFact(const SuppressedFact& fact, EdgeId removed) override;
  Status unsuppressFact(const SuppressedFact& fact) override;
  Status setMergedName(std::string_view strictKey, ActorId keep) override;
  Status setActorRemoved(ActorId id, bool removed) override;
  Result<uint64_t> appendLog(CurationRecord record) override;
  size_t size() const override { return ops_; }
  std::optional<EdgeHeader> writtenEdge(EdgeId id) const override;

  rocksdb::WriteBatch& raw() { return batch_; }

 private:
  friend class RocksStore;
  struct PendingEdge {
    EdgeKey key;  // where the record is (after this batch)
    Edge header;  // without evidence; header.id == key.id
    uint32_t evidenceCount = 0;
  };
  // The edges from `src` of `type` to `dst`, stored or written in this batch
  // (the batch's version wins): with `window`, only those whose start lies in
  // [first, last] days plus the undated ones; without, all of them.
  Status factGroup(const Edge& edge, std::optional<std::pair<int32_t, int32_t>> window,
                   std::vector<PendingEdge>* out);
  // True when `edge` already has evidence from document `doc`.
  Result<bool> hasDocument(EdgeId edge, const DocId& doc);
  // Distinct documents among an edge's stored evidence.
  Result<uint32_t> countSources(EdgeId edge);
  // Moves a pending edge's records to a new `from` date (its id stays).
  void rekey(PendingEdge* p, const Date& from);
  // Visits the out family's records from `from` on while they start with
  // `prefix` (which is at least the extractor's 8 bytes long), as
  // RocksStore::scanPrefix would, through outScan_.
  // `what` names the read in an error.
  Status scanOut(std::string_view from, std::string_view prefix, const char* what,
                 const std::function<Scan(std::string_view, std::string_view)>& fn);
  // Adds `p` to pendingEdges_ and pendingByFact_; returns it there.
  PendingEdge* addPending(PendingEdge p);
  // True when `id` is marked removed after this batch (its own mark, else the store's).
  Result<bool> actorRemoved(ActorId id) const;

  RocksStore* store_;
  rocksdb::WriteBatch batch_;
  size_t ops_ = 0;
  // Edges written in this batch by id, so that a fact repeated within the
  // batch merges too.
  std::map<EdgeId, PendingEdge> pendingEdges_;
  // The ids of pendingEdges_ by (src, type, dst), which never change for an
  // edge: factGroup looks its fact's pending edges up here instead of
  // walking the whole batch (that walk made a batch of n edges cost n^2).
  std::map<std::tuple<ActorId, EdgeType, ActorId>, std::set<EdgeId>> pendingByFact_;
  std::set<std::pair<EdgeId, DocId>> pendingEdgeDocs_;  // (edge, document) pairs written in this batch
  std::set<std::string> pendingEvidence_;
  std::set<std::string> pendingDocs_;
  std::map<ActorId, bool> pendingActors_;  // id -> existed before
  std::map<std::string, bool> pendingSuppressed_;  // suppressedKey -> suppressed after this batch
  std::map<ActorId, bool> pendingRemovedActors_;   // setActorRemoved: actor -> marked after this batch
  std::set<EdgeId> removedEdges_;    // removeEdge: records deleted by this batch
  std::set<ActorId> removedActors_;  // removeActor: records deleted by this batch
  uint64_t lastLogSeq_ = 0;  // 0: not read yet
  int64_t dActors_ = 0, dEdges_ = 0, dEvidence_ = 0, dDocs_ = 0;
  // factGroup's iterator over the out family, kept across putEdge calls
  // while the store's write epoch stays the even outScanEpoch_ it was
  // created at: no write landed since, so it reads what a new iterator
  // would (a new one per scan cost about a third of the scan). Dropped at
  // commit.
  std::unique_ptr<rocksdb::Iterator> outScan_;
  uint64_t outScanEpoch_ = 0;
};

class RocksStore final : public GraphStore {
 public:
  // `env` (may be null: the default Env) must outlive `db`; the store keeps it.
  RocksStore(std::shared_ptr<rocksdb::Env> env, std::shared_ptr<WriteFaults> faults, std::unique_ptr<rocksdb::DB> db,
             std::vector<rocksdb::ColumnFamilyHandle*> cfs, bool readOnly, bool bulk,
             std::shared_ptr<rocksdb::Cache> cache)
      : env_(std::move(env)), faults_(std::move(faults)), db_(std::move(db)), cfs_(std::move(cfs)),
        readOnly_(readOnly), bulk_(bulk), cache_(std::move(cache)) {}

  ~RocksStore() override { (void)close(); }

  Status close() override {
    if (closed_) return Status::ok();
    closed_ = true;
    // RocksDB's own Close() ignores a failed shutdown flush and closes the
    // write-ahead log without syncing it, so the final sync is done here,
    // where its status can be reported.
    Status first;
    if (!readOnly_) {
      if (bulk_) first = fromRocks(db_->Flush(rocksdb::FlushOptions(), cfs_), "flush the memtables at close");
      else first = fromRocks(db_->SyncWAL(), "sync the write-ahead log at close");
    }
    for (auto* h : cfs_) db_->DestroyColumnFamilyHandle(h);
    cfs_.clear();
    Status closed = fromRocks(db_->Close(), "close the database");
    return first.isOk() ? closed : first;
  }

  // Checks the format version and reads the id high-water marks. A database
  // with no version is accepted only when it holds nothing at all: that is an
  // initialisation an older kg was killed in (it wrote the version after
  // RocksDB had created the files); a writable open completes it.
  Status init() {
    std::string v;
    auto s = db_->Get(rocksdb::ReadOptions(), cfs_[kMeta], kVersionKey, &v);
    if (s.IsNotFound()) {
      auto empty = holdsNothing();
      if (!empty) return empty.status();
      if (!empty.value())
        return Status::failedPrecondition("database has no ActorGraph format version; it is not an ActorGraph "
                                          "database (or was never initialised)");
      if (readOnly_)
        return Status::failedPrecondition("database was never fully initialised (an earlier run was interrupted); "
                                          "any writing command (e.g. kg ingest) completes it");
      KG_RETURN_IF_ERROR(writeFormatVersion(db_.get(), cfs_[kMeta]));
    } else if (!s.ok()) {
      return fromRocks(s, "read format version");
    } else {
      uint32_t found = v.size() == 4 ? codec::getU32BE(v, 0) : 0;
      if (found != kFormatVersion)
        return Status::failedPrecondition("database has format version " + std::to_string(found) +
                                          "; this kg reads format version " + std::to_string(kFormatVersion));
    }
    // The stored high-water marks, but never below the highest id in use: a
    // database written by an older kg that was killed between a bulk load's
    // files and its counters keeps handing out unused ids.
    auto maxActor = lastId(kActors);
    if (!maxActor) return maxActor.status();
    auto maxEdge = lastId(kEdgeIds);
    if (!maxEdge) return maxEdge.status();
    nextActor_ = std::max(readU64(kNextActorKey, 1), maxActor.value() + 1);
    nextEdge_ = std::max(readU64(kNextEdgeKey, 1), maxEdge.value() + 1);
    KG_RETURN_IF_ERROR(readCurationState());
    return Status::ok();
  }

  static Status writeFormatVersion(rocksdb::DB* db, rocksdb::ColumnFamilyHandle* meta) {
    std::string ver;
    codec::putU32BE(&ver, kFormatVersion);
    rocksdb::WriteOptions wo;
    wo.sync = true;
    return fromRocks(db->Put(wo, meta, kVersionKey, ver), "write format version");
  }

  // True when no family holds a key.
  Result<bool> holdsNothing() const {
    for (size_t i = 0; i < cfs_.size(); ++i) {
      rocksdb::ReadOptions ro;
      ro.total_order_seek = true;
      std::unique_ptr<rocksdb::Iterator> it(db_->NewIterator(ro, cfs_[i]));
      it->SeekToFirst();
      if (it->Valid()) return false;
      KG_RETURN_IF_ERROR(fromRocks(it->status(), "scan"));
    }
    return true;
  }

  // The highest 8-byte id key of family `cf` (0 when empty).
  Result<uint64_t> lastId(int cf) const {
    rocksdb::ReadOptions ro;
    ro.total_order_seek = true;
    std::unique_ptr<rocksdb::Iterator> it(db_->NewIterator(ro, cfs_[cf]));
    it->SeekToLast();
    if (!it->Valid()) {
      KG_RETURN_IF_ERROR(fromRocks(it->status(), "scan"));
      return uint64_t{0};
    }
    auto k = sv(it->key());
    if (k.size() != 8) return Status::corruption("malformed id key in family " + std::string(kFamilies[cf]));
    return codec::getU64BE(k, 0);
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

  Result<NameKeyProbe> probeNameKey(std::string_view key, char next) const override {
    NameKeyProbe out;
    std::string exact(key);
    exact.push_back('\0');
    rocksdb::ReadOptions ro;
    ro.total_order_seek = true;
    std::unique_ptr<rocksdb::Iterator> it(db_->NewIterator(ro, cfs_[kNames]));
    // Keys are `name key 0x00 id` and name keys hold no 0x00, so the exact
    // run comes first (ids ascending: big-endian), then the longer keys in
    // byte order.
    it->Seek(rocksdb::Slice(key.data(), key.size()));
    for (; it->Valid(); it->Next()) {
      auto k = sv(it->key());
      if (!startsWith(k, exact)) break;
      if (k.size() == exact.size() + 8) out.ids.push_back(codec::getU64BE(k, exact.size()));
    }
    if (it->Valid()) {
      auto k = sv(it->key());
      if (k.size() > key.size() && startsWith(k, key)) {
        const auto c = static_cast<unsigned char>(k[key.size()]);
        const auto want = static_cast<unsigned char>(next);
        if (want == 0 || c == want) {
          out.longer = true;
        } else if (c < want) {
          std::string probe(key);
          probe.push_back(next);
          it->Seek(probe);
          out.longer = it->Valid() && startsWith(sv(it->key()), probe);
        }
      }
    }
    KG_RETURN_IF_ERROR(fromRocks(it->status(), "probe names"));
    return out;
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
    auto h = getEdgeHeader(id);
    if (!h) return h.status();
    if (!h.value()) return Status::notFound("no edge with id " + std::to_string(id));
    auto ev = getEvidence(id, SIZE_MAX);
    if (!ev) return ev.status();
    Edge e = std::move(h.value()->edge);
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

  Result<std::optional<ActorId>> mergedInto(std::string_view strictKey) const override {
    std::string v;
    auto s = db_->Get(rocksdb::ReadOptions(), cfs_[kMeta], codec::mergedNameKey(strictKey), &v);
    if (s.IsNotFound()) return std::optional<ActorId>();
    KG_RETURN_IF_ERROR(fromRocks(s, "read merged name"));
    if (v.size() != 8) return Status::corruption("malformed merged name record");
    return std::optional<ActorId>(codec::getU64BE(v, 0));
  }

  // True when family meta holds `key`.
  Result<bool> hasMetaKey(const std::string& key, const char* what) const {
    std::string v;
    auto s = db_->Get(rocksdb::ReadOptions(), cfs_[kMeta], key, &v);
    if (s.IsNotFound()) return false;
    KG_RETURN_IF_ERROR(fromRocks(s, what));
    return true;
  }

  Result<bool> isSuppressed(const SuppressedFact& f) const override {
    if (!hasSuppressed_.load()) return false;
    return hasMetaKey(codec::suppressedKey(f), "read removed fact");
  }

  Status scanSuppressed(const std::function<Scan(const SuppressedFact&, EdgeId)>& fn) const override {
    Status err;
    KG_RETURN_IF_ERROR(scanPrefix(kMeta, codec::kSuppressedPrefix, [&](std::string_view k, std::string_view v) {
      auto f = codec::decodeSuppressedKey(k);
      if (!f) { err = f.status(); return Scan::kStop; }
      return fn(f.value(), v.size() == 8 ? codec::getU64BE(v, 0) : 0);
    }));
    return err;
  }

  Result<bool> isActorRemoved(ActorId id) const override {
    if (!hasRemovedActors_.load()) return false;
    return hasMetaKey(codec::removedActorKey(id), "read removed actor");
  }

  Status scanRemovedActors(const std::function<Scan(ActorId)>& fn) const override {
    return scanPrefix(kMeta, codec::kRemovedActorPrefix, [&](std::string_view k, std::string_view) {
      if (k.size() != codec::kRemovedActorPrefix.size() + 8) return Scan::kContinue;
      return fn(codec::getU64BE(k, codec::kRemovedActorPrefix.size()));
    });
  }

  Status scanMergedNames(const std::function<Scan(std::string_view, ActorId)>& fn) const override {
    return scanPrefix(kMeta, codec::kMergedPrefix, [&](std::string_view k, std::string_view v) {
      if (v.size() != 8) return Scan::kContinue;
      return fn(k.substr(codec::kMergedPrefix.size()), codec::getU64BE(v, 0));
    });
  }

  Status scanLog(const std::function<Scan(const CurationRecord&)>& fn) const override {
    Status err;
    KG_RETURN_IF_ERROR(scanPrefix(kMeta, codec::kLogPrefix, [&](std::string_view k, std::string_view v) {
      auto r = codec::decodeCurationRecord(k, v);
      if (!r) { err = r.status(); return Scan::kStop; }
      return fn(r.value());
    }));
    return err;
  }

  // The highest curation log seq stored (0: none).
  Result<uint64_t> lastLogSeq() const {
    rocksdb::ReadOptions ro;
    ro.total_order_seek = true;
    std::unique_ptr<rocksdb::Iterator> it(db_->NewIterator(ro, cfs_[kMeta]));
    std::string end = codec::logKey(UINT64_MAX);
    it->SeekForPrev(end);
    if (it->Valid()) {
      auto k = sv(it->key());
      if (startsWith(k, codec::kLogPrefix) && k.size() == codec::kLogPrefix.size() + 8)
        return codec::getU64BE(k, codec::kLogPrefix.size());
      return uint64_t{0};
    }
    KG_RETURN_IF_ERROR(fromRocks(it->status(), "scan curation log"));
    return uint64_t{0};
  }

  // Sets hasSuppressed_ and hasRemovedActors_ at open: whether any fact is
  // suppressed, or any actor marked removed, so that putEdge pays no read for
  // them on databases without curation (commits then raise the flags).
  Status readCurationState() {
    auto anyKey = [&](std::string_view prefix) -> Result<bool> {
      bool any = false;
      KG_RETURN_IF_ERROR(scanPrefix(kMeta, prefix, [&](std::string_view, std::string_view) {
        any = true;
        return Scan::kStop;
      }));
      return any;
    };
    auto suppressed = anyKey(codec::kSuppressedPrefix);
    if (!suppressed) return suppressed.status();
    hasSuppressed_ = suppressed.value();
    auto removed = anyKey(codec::kRemovedActorPrefix);
    if (!removed) return removed.status();
    hasRemovedActors_ = removed.value();
    return Status::ok();
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
    b->outScan_.reset();  // a committed batch reads no more through it
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
    std::vector<EdgeId> edges;
    std::vector<ActorId> actors;
    edges.reserve(b->pendingEdges_.size());
    for (const auto& [id, p] : b->pendingEdges_) edges.push_back(id);
    for (const auto& [id, existed] : b->pendingActors_) actors.push_back(id);
    // The overlay (engine/graph/README.md) merges new and rewritten edges
    // only: a batch that removes edges or actors, or any curation command,
    // writes no change record, so that readers see a gap and rebuild.
    const bool curation = b->lastLogSeq_ != 0 || !b->removedEdges_.empty() || !b->removedActors_.empty();
    if (!curation) recordChange(wb, edges, actors);
    rocksdb::WriteOptions wo;
    wo.disableWAL = bulk_;
    killPoint("batch.before_commit");
    rocksdb::Status s;
    {
      OddEpoch writing(writeEpoch_);
      s = db_->Write(wo, &wb);
    }
    killPoint("batch.after_commit");
    b->batch_.Clear();
    b->pendingEdges_.clear();
    b->pendingByFact_.clear();
    b->pendingEdgeDocs_.clear();
    b->pendingEvidence_.clear();
    b->pendingDocs_.clear();
    b->pendingActors_.clear();
    // A mark this commit set: the flags only ever go up (a lifted mark may leave others).
    auto setsOne = [](const auto& marks) {
      return std::any_of(marks.begin(), marks.end(), [](const auto& kv) { return kv.second; });
    };
    if (s.ok() && setsOne(b->pendingSuppressed_)) hasSuppressed_ = true;
    b->pendingSuppressed_.clear();
    if (s.ok() && setsOne(b->pendingRemovedActors_)) hasRemovedActors_ = true;
    b->pendingRemovedActors_.clear();
    b->removedEdges_.clear();
    b->removedActors_.clear();
    b->lastLogSeq_ = 0;
    b->dActors_ = b->dEdges_ = b->dEvidence_ = b->dDocs_ = 0;
    b->ops_ = 0;
    return fromRocks(s, "commit batch");
  }

  // Appends the change record of `wb` (FORMAT.md "Change records") as its
  // last operation. Requires commitMu_: the batch's sequence numbers follow
  // the latest one because this process is the only writer (the database
  // lock) and commits are serialised; each operation of a batch takes one.
  void recordChange(rocksdb::WriteBatch& wb, const std::vector<EdgeId>& edges, const std::vector<ActorId>& actors) {
    const uint64_t first = db_->GetLatestSequenceNumber() + 1;
    const uint64_t last = first + wb.Count();  // counts every operation but the record itself
    wb.Put(cfs_[kMeta], codec::changeKey(first), codec::encodeChange(last, edges, actors));
  }

  Result<std::optional<ChangeSet>> changesSince(uint64_t since, uint64_t upTo) const override {
    ChangeSet out;
    uint64_t expected = since + 1;  // the next sequence number a record must start at
    Status err;
    rocksdb::ReadOptions ro;
    ro.total_order_seek = true;
    std::unique_ptr<rocksdb::Iterator> it(db_->NewIterator(ro, cfs_[kMeta]));
    bool gap = false;
    for (it->Seek(codec::changeKey(expected)); it->Valid() && expected <= upTo; it->Next()) {
      auto k = sv(it->key());
      if (!startsWith(k, codec::kChangePrefix)) break;
      auto first = codec::decodeChangeKey(k);
      if (!first) return first.status();
      if (first.value() != expected) {
        gap = true;
        break;
      }
      auto last = codec::decodeChange(sv(it->value()), &out.edges, &out.actors);
      if (!last) return last.status();
      if (last.value() < first.value()) return Status::corruption("change record ends before it starts");
      expected = last.value() + 1;
    }
    KG_RETURN_IF_ERROR(fromRocks(it->status(), "read change records"));
    if (gap || expected != upTo + 1) return std::optional<ChangeSet>();
    for (auto* ids : {&out.edges, &out.actors}) {
      std::sort(ids->begin(), ids->end());
      ids->erase(std::unique(ids->begin(), ids->end()), ids->end());
    }
    return std::optional<ChangeSet>(std::move(out));
  }

  Status dropChangesThrough(uint64_t sequence) override {
    if (readOnly_) return Status::failedPrecondition("the database is open read-only");
    std::lock_guard<std::mutex> lock(commitMu_);
    rocksdb::WriteBatch wb;
    {
      rocksdb::ReadOptions ro;
      ro.total_order_seek = true;
      std::unique_ptr<rocksdb::Iterator> it(db_->NewIterator(ro, cfs_[kMeta]));
      for (it->Seek(codec::changeKey(0)); it->Valid(); it->Next()) {
        auto k = sv(it->key());
        if (!startsWith(k, codec::kChangePrefix)) break;
        std::vector<EdgeId> edges;
        std::vector<ActorId> actors;
        auto last = codec::decodeChange(sv(it->value()), &edges, &actors);
        // A malformed record is dropped with the rest: the log only ever
        // spares a rebuild, and a gap makes readers rebuild.
        if (last && last.value() > sequence) break;
        wb.Delete(cfs_[kMeta], it->key());
      }
      KG_RETURN_IF_ERROR(fromRocks(it->status(), "read change records"));
    }
    if (wb.Count() == 0) return Status::ok();
    recordChange(wb, {}, {});
    rocksdb::WriteOptions wo;
    wo.disableWAL = bulk_;
    killPoint("changes.before_drop");
    OddEpoch writing(writeEpoch_);
    return fromRocks(db_->Write(wo, &wb), "drop change records");
  }

  Result<std::optional<EdgeHeader>> getEdgeHeader(EdgeId id) const override {
    std::string outKey;
    auto s = db_->Get(rocksdb::ReadOptions(), cfs_[kEdgeIds], codec::idKey(id), &outKey);
    if (s.IsNotFound()) return std::optional<EdgeHeader>();
    KG_RETURN_IF_ERROR(fromRocks(s, "read edge index"));
    std::string v;
    s = db_->Get(rocksdb::ReadOptions(), cfs_[kOut], outKey, &v);
    if (s.IsNotFound()) return Status::corruption("edge " + std::to_string(id) + " is indexed but missing");
    KG_RETURN_IF_ERROR(fromRocks(s, "read edge"));
    auto key = codec::decodeEdgeKey(outKey);
    if (!key) return key.status();
    auto h = codec::decodeEdge(key.value(), v);
    if (!h) return h.status();
    return std::optional<EdgeHeader>(std::move(h).value());
  }

  Result<std::vector<Edge>> getEdges(std::span<const EdgeId> ids, size_t evidence) const override {
    return readEdges(ids, {}, evidence);
  }

  Result<std::vector<Edge>> getEdgesAt(std::span<const EdgeLocation> at, size_t evidence) const override {
    std::vector<EdgeId> ids;
    ids.reserve(at.size());
    for (const EdgeLocation& l : at) ids.push_back(l.id);
    return readEdges(ids, at, evidence);
  }

  // getEdges / getEdgesAt (`at` empty, or parallel to `ids`). Passes over the
  // distinct ids, each in key order so that neighbouring keys share their
  // blocks: the out family at the given locations (MultiGet, ascending key);
  // for the ids without a location or not found there, the edge_ids family
  // (MultiGet, ascending id) and then the out family at the keys it names;
  // then the evidence family (one iterator, ascending id: evidence keys
  // start with the id). All of them read one RocksDB snapshot, so an edge a
  // writer moves to another out key meanwhile is read as it was, never
  // reported missing.
  Result<std::vector<Edge>> readEdges(std::span<const EdgeId> ids, std::span<const EdgeLocation> at,
                                      size_t evidence) const {
    std::vector<uint32_t> order(ids.size());  // positions in ids, by id
    for (size_t i = 0; i < ids.size(); ++i) order[i] = static_cast<uint32_t>(i);
    std::sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) { return ids[a] < ids[b]; });
    std::vector<EdgeId> uniq;
    std::vector<const EdgeLocation*> located;  // parallel to uniq: the first location given, or null
    for (uint32_t i : order) {
      if (!uniq.empty() && uniq.back() == ids[i]) continue;
      uniq.push_back(ids[i]);
      located.push_back(at.empty() ? nullptr : &at[i]);
    }
    const size_t n = uniq.size();
    rocksdb::ReadOptions ro;
    const rocksdb::Snapshot* snap = db_->GetSnapshot();
    std::unique_ptr<const rocksdb::Snapshot, std::function<void(const rocksdb::Snapshot*)>> release(
        snap, [this](const rocksdb::Snapshot* s) { db_->ReleaseSnapshot(s); });
    ro.snapshot = snap;

    std::vector<Edge> edges(n);           // parallel to uniq
    std::vector<std::string> outKeys(n);  // parallel to uniq
    std::vector<char> found(n, 0);
    // Reads the out records at outKeys[i] for i in `which`; NotFound leaves found[i] 0.
    auto readOut = [&](std::vector<uint32_t>& which) -> Status {
      std::sort(which.begin(), which.end(), [&](uint32_t a, uint32_t b) { return outKeys[a] < outKeys[b]; });
      const size_t m = which.size();
      std::vector<rocksdb::Slice> keys(m);
      for (size_t j = 0; j < m; ++j) keys[j] = outKeys[which[j]];
      std::vector<rocksdb::PinnableSlice> values(m);
      std::vector<rocksdb::Status> sts(m);
      db_->MultiGet(ro, cfs_[kOut], m, keys.data(), values.data(), sts.data(), /*sorted_input=*/true);
      for (size_t j = 0; j < m; ++j) {
        if (sts[j].IsNotFound()) continue;
        KG_RETURN_IF_ERROR(fromRocks(sts[j], "read edge"));
        auto key = codec::decodeEdgeKey(outKeys[which[j]]);
        if (!key) return key.status();
        auto h = codec::decodeEdge(key.value(), sv(values[j]));
        if (!h) return h.status();
        edges[which[j]] = std::move(h->edge);
        found[which[j]] = 1;
      }
      return Status::ok();
    };

    std::vector<uint32_t> which;
    for (size_t i = 0; i < n; ++i) {
      if (!located[i]) continue;
      const EdgeLocation& l = *located[i];
      outKeys[i] = codec::encodeEdgeKey(codec::EdgeKey{l.src, l.type, l.from, l.dst, l.id});
      which.push_back(static_cast<uint32_t>(i));
    }
    if (!which.empty()) KG_RETURN_IF_ERROR(readOut(which));

    which.clear();  // the ids to look up in edge_ids, ascending
    for (size_t i = 0; i < n; ++i)
      if (!found[i]) which.push_back(static_cast<uint32_t>(i));
    if (!which.empty()) {
      const size_t m = which.size();
      std::vector<std::string> idKeys(m);
      std::vector<rocksdb::Slice> slices(m);
      for (size_t j = 0; j < m; ++j) {
        idKeys[j] = codec::idKey(uniq[which[j]]);
        slices[j] = idKeys[j];
      }
      std::vector<rocksdb::PinnableSlice> values(m);
      std::vector<rocksdb::Status> sts(m);
      db_->MultiGet(ro, cfs_[kEdgeIds], m, slices.data(), values.data(), sts.data(), /*sorted_input=*/true);
      for (size_t j = 0; j < m; ++j) {
        if (sts[j].IsNotFound()) return Status::notFound("no edge with id " + std::to_string(uniq[which[j]]));
        KG_RETURN_IF_ERROR(fromRocks(sts[j], "read edge index"));
        outKeys[which[j]].assign(values[j].data(), values[j].size());
      }
      KG_RETURN_IF_ERROR(readOut(which));
      for (uint32_t i : which)
        if (!found[i]) return Status::corruption("edge " + std::to_string(uniq[i]) + " is indexed but missing");
    }

    if (evidence > 0) {
      ro.prefix_same_as_start = true;  // evidence keys start with the 8-byte id the prefix extractor takes
      std::unique_ptr<rocksdb::Iterator> it(db_->NewIterator(ro, cfs_[kEvidence]));
      std::string prefix;
      for (size_t i = 0; i < n; ++i) {
        prefix = codec::idKey(uniq[i]);
        for (it->Seek(prefix); it->Valid() && edges[i].evidence.size() < evidence; it->Next()) {
          auto k = sv(it->key());
          if (!startsWith(k, prefix)) break;
          auto ev = codec::decodeEvidence(k, sv(it->value()));
          if (!ev) return ev.status();
          edges[i].evidence.push_back(std::move(ev).value());
        }
        KG_RETURN_IF_ERROR(fromRocks(it->status(), "scan"));
      }
    }

    std::vector<Edge> out;
    out.reserve(ids.size());
    for (EdgeId id : ids) {
      const size_t i = static_cast<size_t>(std::lower_bound(uniq.begin(), uniq.end(), id) - uniq.begin());
      out.push_back(ids.size() == n ? std::move(edges[i]) : edges[i]);
    }
    return out;
  }

  uint64_t writeEpoch() const override { return writeEpoch_.load(); }
  std::shared_ptr<WriteFaults> writeFaults() const override { return faults_; }
  uint64_t sequenceNumber() const override { return db_->GetLatestSequenceNumber(); }
  std::string identity() const override {
    std::string id;
    return db_->GetDbIdentity(id).ok() ? id : std::string();
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

  Result<std::unique_ptr<BulkLoader>> newBulkLoader() override;

  // Writes, to the SST file `path`, a bulk load's counter deltas and the id
  // high-water marks as they are now; the caller ingests it with the load's
  // other files in one atomic step and holds commitMutex() meanwhile.
  Status writeBulkMetaFile(const std::string& path, int64_t dActors, int64_t dEdges, int64_t dEvidence) {
    rocksdb::Options opts(db_->GetDBOptions(), db_->GetOptions(cfs_[kMeta]));
    rocksdb::SstFileWriter w(rocksdb::EnvOptions(), opts, cfs_[kMeta]);
    KG_RETURN_IF_ERROR(fromRocks(w.Open(path), "create " + path));
    // In key order: count.actors < count.edges < count.evidence < next_actor_id < next_edge_id.
    auto merge = [&](const char* key, int64_t d) {
      return d ? fromRocks(w.Merge(key, codec::encodeCounter(d)), "write " + path) : Status::ok();
    };
    KG_RETURN_IF_ERROR(merge(kCountActors, dActors));
    KG_RETURN_IF_ERROR(merge(kCountEdges, dEdges));
    KG_RETURN_IF_ERROR(merge(kCountEvidence, dEvidence));
    std::string na, ne;
    codec::putU64BE(&na, nextActor_.load());
    codec::putU64BE(&ne, nextEdge_.load());
    KG_RETURN_IF_ERROR(fromRocks(w.Put(kNextActorKey, na), "write " + path));
    KG_RETURN_IF_ERROR(fromRocks(w.Put(kNextEdgeKey, ne), "write " + path));
    return fromRocks(w.Finish(), "write " + path);
  }
  std::mutex& commitMutex() { return commitMu_; }
  std::atomic<uint64_t>& writeEpochCounter() { return writeEpoch_; }
  bool readOnly() const { return readOnly_; }

  rocksdb::DB* db() { return db_.get(); }
  rocksdb::ColumnFamilyHandle* cf(int i) { return cfs_[i]; }
  uint64_t allocActor() { return nextActor_++; }
  uint64_t allocEdge() { return nextEdge_++; }
  uint64_t nextEdgeId() const { return nextEdge_.load(); }
  // Raise the high-water marks past an id given by the caller.
  void reserveActor(uint64_t id) { raise(nextActor_, id + 1); }
  void reserveEdge(uint64_t id) { raise(nextEdge_, id + 1); }

 private:
  std::shared_ptr<rocksdb::Env> env_;  // declared first: destroyed after db_
  std::shared_ptr<WriteFaults> faults_;  // what env_'s file system counts on; null without KG_FAULT_WRITE
  std::unique_ptr<rocksdb::DB> db_;
  std::vector<rocksdb::ColumnFamilyHandle*> cfs_;
  bool readOnly_;
  bool bulk_;
  bool closed_ = false;  // close() ran: db_ is closed
  std::shared_ptr<rocksdb::Cache> cache_;
  std::atomic<uint64_t> nextActor_{1};
  std::atomic<uint64_t> nextEdge_{1};
  std::mutex commitMu_;  // serialises commits (and the id high-water marks they write)
  std::atomic<uint64_t> writeEpoch_{0};
  // True once any fact is known suppressed. A read-only open that started
  // before another process removed an edge may miss it until reopened.
  std::atomic<bool> hasSuppressed_{false};
  std::atomic<bool> hasRemovedActors_{false};  // likewise for removed actors

  static void raise(std::atomic<uint64_t>& next, uint64_t atLeast) {
    uint64_t cur = next.load();
    while (cur < atLeast && !next.compare_exchange_weak(cur, atLeast)) {
    }
  }
};

Result<ActorId> RocksBatch::putActor(Actor actor, const std::vector<std::string>& nameKeys) {
  if (actor.name.empty()) return Status::invalidArgument("an actor needs a non-empty name");
  bool existed = false;
  if (actor.id == 0) {
    actor.id = store_->allocActor();
  } else if (!pendingActors_.count(actor.id)) {
    store_->reserveActor(actor.id);
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

Status RocksBatch::addAliases(ActorId id, const std::vector<std::string>& aliases,
                              const std::vector<std::string>& nameKeys) {
  if (pendingActors_.count(id)) return Status::invalidArgument("addAliases: actor " + std::to_string(id) +
                                                              " was written in this batch");
  auto gone = actorRemoved(id);
  if (!gone) return gone.status();
  if (gone.value()) return Status::ok();  // a curator removed it (kg actor rm): nothing to name
  auto stored = store_->getActor(id);
  if (!stored) return stored.status();
  if (!stored->has_value()) return Status::notFound("no actor with id " + std::to_string(id));
  Actor actor = std::move(**stored);
  bool added = false;
  for (const auto& al : aliases) {
    if (al == actor.name || std::find(actor.aliases.begin(), actor.aliases.end(), al) != actor.aliases.end()) continue;
    actor.aliases.push_back(al);
    added = true;
  }
  if (!added) return Status::ok();
  auto old = store_->nameKeysOf(id);
  if (!old) return old.status();
  std::vector<std::string> keys = std::move(old).value();
  for (const auto& k : nameKeys)
    if (std::find(keys.begin(), keys.end(), k) == keys.end()) keys.push_back(k);
  auto put = putActor(std::move(actor), keys);
  return put ? Status::ok() : put.status();
}

Status RocksBatch::factGroup(const Edge& edge, std::optional<std::pair<int32_t, int32_t>> window,
                             std::vector<PendingEdge>* out) {
  std::string run = codec::idKey(edge.src);
  run.push_back(static_cast<char>(edge.type));
  Status err;
  auto visit = [&](std::string_view k, std::string_view v) {
    auto key = codec::decodeEdgeKey(k);
    if (!key) { err = key.status(); return Scan::kStop; }
    if (window && key->from.known() && key->from.days() > window->second) return Scan::kStop;
    if (key->second != edge.dst) return Scan::kContinue;
    if (pendingEdges_.count(key->id)) return Scan::kContinue;  // the batch's version is added below
    if (removedEdges_.count(key->id)) return Scan::kContinue;  // removed by this batch
    auto h = codec::decodeEdge(key.value(), v);
    if (!h) { err = h.status(); return Scan::kStop; }
    out->push_back(PendingEdge{key.value(), h->edge, h->evidenceCount});
    return Scan::kContinue;
  };
  if (!window) {
    KG_RETURN_IF_ERROR(scanOut(run, run, "scan", visit));
  } else {
    std::string undated = run;
    codec::putDateKey(&undated, Date::unknown());
    KG_RETURN_IF_ERROR(scanOut(undated, undated, "scan", visit));
    KG_RETURN_IF_ERROR(err);
    // From the window's first day on, in key (= date) order.
    std::string seek = run;
    codec::putU32BE(&seek, static_cast<uint32_t>(window->first) ^ 0x80000000u);
    KG_RETURN_IF_ERROR(scanOut(seek, run, "scan edges", visit));
  }
  KG_RETURN_IF_ERROR(err);
  const auto pending = pendingByFact_.find({edge.src, edge.type, edge.dst});
  if (pending == pendingByFact_.end()) return Status::ok();
  for (const EdgeId id : pending->second) {
    const PendingEdge& p = pendingEdges_.at(id);
    if (window && p.header.when.from.known() &&
        (p.header.when.from.days() < window->first || p.header.when.from.days() > window->second))
      continue;
    out->push_back(p);
  }
  return Status::ok();
}

Status RocksBatch::scanOut(std::string_view from, std::string_view prefix, const char* what,
                           const std::function<Scan(std::string_view, std::string_view)>& fn) {
  assert(prefix.size() >= 8 && startsWith(from, prefix));
  // Read before the iterator is made: a write landing in between moves it.
  const uint64_t epoch = store_->writeEpoch();
  if (!outScan_ || outScanEpoch_ != epoch || epoch % 2 != 0) {
    outScan_.reset();
    // scanPrefix's options for a prefix of 8 bytes or more.
    rocksdb::ReadOptions ro;
    ro.prefix_same_as_start = true;
    outScan_.reset(store_->db()->NewIterator(ro, store_->cf(kOut)));
    outScanEpoch_ = epoch;
  }
  rocksdb::Iterator* it = outScan_.get();
  for (it->Seek(rocksdb::Slice(from.data(), from.size())); it->Valid(); it->Next()) {
    auto k = sv(it->key());
    if (!startsWith(k, prefix)) break;
    if (fn(k, sv(it->value())) == Scan::kStop) break;
  }
  return fromRocks(it->status(), what);
}

Result<bool> RocksBatch::hasDocument(EdgeId edge, const DocId& doc) {
  if (pendingEdgeDocs_.count({edge, doc})) return true;
  std::string prefix = codec::idKey(edge);
  prefix.append(doc);
  prefix.push_back('\0');
  bool found = false;
  KG_RETURN_IF_ERROR(store_->scanPrefix(kEvidence, prefix, [&](std::string_view, std::string_view) {
    found = true;
    return Scan::kStop;
  }));
  return found;
}

Result<uint32_t> RocksBatch::countSources(EdgeId edge) {
  std::set<std::string> docs;
  KG_RETURN_IF_ERROR(store_->scanPrefix(kEvidence, codec::idKey(edge), [&](std::string_view k, std::string_view) {
    if (k.size() >= 8 + 5) docs.emplace(k.substr(8, k.size() - 8 - 5));
    return Scan::kContinue;
  }));
  for (auto it = pendingEdgeDocs_.lower_bound({edge, DocId()}); it != pendingEdgeDocs_.end() && it->first == edge; ++it)
    docs.insert(it->second);
  return static_cast<uint32_t>(docs.size());
}

RocksBatch::PendingEdge* RocksBatch::addPending(PendingEdge p) {
  const EdgeId id = p.key.id;
  pendingByFact_[{p.header.src, p.header.type, p.header.dst}].insert(id);
  return &pendingEdges_.emplace(id, std::move(p)).first->second;
}

void RocksBatch::rekey(PendingEdge* p, const Date& from) {
  const Edge& e = p->header;
  batch_.Delete(store_->cf(kOut), codec::encodeEdgeKey(p->key));
  batch_.Delete(store_->cf(kIn), codec::encodeEdgeKey(EdgeKey{e.dst, e.type, p->key.from, e.src, p->key.id}));
  p->key.from = from;
  batch_.Put(store_->cf(kIn), codec::encodeEdgeKey(EdgeKey{e.dst, e.type, from, e.src, p->key.id}), "");
  batch_.Put(store_->cf(kEdgeIds), codec::idKey(p->key.id), codec::encodeEdgeKey(p->key));
}

Result<EdgeId> RocksBatch::putEdge(Edge edge) {
  if (edge.src == 0 || edge.dst == 0) return Status::invalidArgument("an edge needs a source and a target actor");
  if (edge.src == edge.dst) return Status::invalidArgument("an edge cannot join an actor to itself");
  if (!(edge.confidence >= 0.0f && edge.confidence <= 1.0f))
    return Status::invalidArgument("confidence " + std::to_string(edge.confidence) + " is outside 0..1");

  // A fact a curator removed stays removed (FORMAT.md "Curation").
  {
    const SuppressedFact f{edge.src, edge.type, edge.when.from, edge.dst};
    auto pending = pendingSuppressed_.find(codec::suppressedKey(f));
    if (pending != pendingSuppressed_.end()) {
      if (pending->second) return EdgeId{0};
    } else {
      auto gone = store_->isSuppressed(f);
      if (!gone) return gone.status();
      if (gone.value()) return EdgeId{0};
    }
    for (ActorId a : {edge.src, edge.dst}) {
      auto removed = actorRemoved(a);
      if (!removed) return removed.status();
      if (removed.value()) return EdgeId{0};
    }
  }

  // The edges this fact may be the same as (merge_rule.h, FORMAT.md "Facts
  // and merging"): an event's neighbours in date, an office's whole run.
  // (A stated support's reports may lie years apart: its whole run too.)
  const bool standing = isStandingType(edge.type);
  const bool wholeRun = standing || merge::isStatedSupport(edge);
  std::optional<std::pair<int32_t, int32_t>> window;
  if (!wholeRun && edge.when.from.known() && edge.when.to.known())
    window = std::make_pair(edge.when.firstDay() - merge::kScanBefore, edge.when.lastDay() + merge::kScanAfter);
  std::vector<PendingEdge> group;
  KG_RETURN_IF_ERROR(factGroup(edge, window, &group));

  const PendingEdge* chosen = nullptr;
  {
    size_t recorded = 0;  // recorded tenures (not read from text) of this pair
    for (const auto& c : group)
      if (standing && c.header.when.anyKnown() && !merge::readFromText(c.header.dateBasis)) ++recorded;
    // Best first: an edge that already holds this fact's evidence (re-reading a
    // sentence finds the same edge), then rank, nearest dates, lowest id.
    std::tuple<int, int, int32_t, EdgeId> best{};
    for (const auto& c : group) {
      auto r = merge::rank(c.header, edge, recorded != 1);
      if (!r) continue;
      int holds = 1;
      if (!edge.evidence.empty()) {
        const auto& ev = edge.evidence.front();
        const std::string evKey = codec::evidenceKey(c.key.id, ev.doc, ev.sentence);
        std::string v;
        auto st = store_->db()->Get(rocksdb::ReadOptions(), store_->cf(kEvidence), evKey, &v);
        if (!st.ok() && !st.IsNotFound()) return fromRocks(st, "read evidence");
        if (st.ok() || pendingEvidence_.count(evKey)) holds = 0;
      }
      const int32_t g = c.header.when.anyKnown() && edge.when.anyKnown() ? merge::gap(c.header.when, edge.when) : 0;
      const std::tuple<int, int, int32_t, EdgeId> score{holds, *r, g, c.key.id};
      if (!chosen || score < best) {
        chosen = &c;
        best = score;
      }
    }
  }
  if (!chosen) {
    // An undated report joins the one edge of its (src, type, dst, title),
    // and a dated one the one undated edge; never one of several.
    // (Planned and done reports of a pair are counted apart: they never meet.)
    auto alone = [&](const std::vector<PendingEdge>& g) -> const PendingEdge* {
      const PendingEdge* only = nullptr;
      for (const auto& c : g) {
        if (!merge::sameStatus(c.header, edge)) continue;
        if (only) return nullptr;
        only = &c;
      }
      if (!only || only->header.title != edge.title) return nullptr;
      return edge.when.anyKnown() == only->header.when.anyKnown() ? nullptr : only;
    };
    if (!edge.when.anyKnown()) {
      chosen = alone(group);
    } else if (std::any_of(group.begin(), group.end(), [](const PendingEdge& c) { return !c.header.when.anyKnown(); })) {
      if (window) {
        group.clear();
        KG_RETURN_IF_ERROR(factGroup(edge, std::nullopt, &group));
      }
      chosen = alone(group);
    }
  }

  PendingEdge* target = nullptr;
  const bool added = chosen == nullptr;
  if (chosen) {
    auto it = pendingEdges_.find(chosen->key.id);
    if (it == pendingEdges_.end()) {
      PendingEdge p = *chosen;
      if (p.header.sources == 0 && p.evidenceCount > 0) {
        // Written before the count was kept (or by the bulk loader): count it now.
        auto n = countSources(p.key.id);
        if (!n) return n.status();
        p.header.sources = n.value();
      }
      target = addPending(std::move(p));
    } else {
      target = &it->second;
    }
    const Date from = target->header.when.from;
    merge::mergeDates(&target->header, edge);
    if (!(target->header.when.from == from)) rekey(target, target->header.when.from);
  } else {
    PendingEdge p;
    p.key = EdgeKey{edge.src, edge.type, edge.when.from, edge.dst, store_->allocEdge()};
    p.header = edge;
    p.header.evidence.clear();
    p.header.id = p.key.id;
    p.header.sources = 0;
    target = addPending(p);
    ++dEdges_;
    const std::string outKey = codec::encodeEdgeKey(p.key);
    batch_.Put(store_->cf(kIn),
               codec::encodeEdgeKey(EdgeKey{edge.dst, edge.type, edge.when.from, edge.src, p.key.id}), "");
    batch_.Put(store_->cf(kEdgeIds), codec::idKey(p.key.id), outKey);
  }
  // Merge: the fact keeps its first mode/cameo; the evidence is keyed by
  // (edge, document, sentence); a document new to the edge is one more source.
  Edge& h = target->header;
  if (h.mode.empty()) h.mode = edge.mode;
  if (h.cameo.empty()) h.cameo = edge.cameo;
  if (h.srcCode.empty()) h.srcCode = edge.srcCode;
  if (h.dstCode.empty()) h.dstCode = edge.dstCode;
  uint32_t newSources = 0;
  bool newEvidence = false;
  for (const auto& ev : edge.evidence) {
    const std::string evKey = codec::evidenceKey(target->key.id, ev.doc, ev.sentence);
    if (pendingEvidence_.count(evKey)) continue;
    std::string existing;
    auto s = store_->db()->Get(rocksdb::ReadOptions(), store_->cf(kEvidence), evKey, &existing);
    if (s.ok()) continue;  // this sentence already backs this edge
    if (!s.IsNotFound()) return fromRocks(s, "read evidence");
    auto known = hasDocument(target->key.id, ev.doc);
    if (!known) return known.status();
    if (!known.value()) ++newSources;
    pendingEvidence_.insert(evKey);
    pendingEdgeDocs_.insert({target->key.id, ev.doc});
    batch_.Put(store_->cf(kEvidence), evKey, codec::encodeEvidenceValue(ev));
    ++target->evidenceCount;
    ++dEvidence_;
    newEvidence = true;
  }
  h.sources += newSources;
  if (added) h.confidence = edge.confidence;
  else if (newEvidence) h.confidence = merge::mergeConfidence(h.confidence, edge.confidence, newSources > 0);
  else h.confidence = std::max(h.confidence, edge.confidence);
  batch_.Put(store_->cf(kOut), codec::encodeEdgeKey(target->key), codec::encodeEdgeValue(h, target->evidenceCount));
  ++ops_;
  return target->key.id;
}

Status RocksBatch::restoreEdge(const Edge& edge, uint32_t evidenceCount) {
  if (edge.id == 0) return Status::invalidArgument("a restored edge needs its id");
  if (edge.src == 0 || edge.dst == 0) return Status::invalidArgument("an edge needs a source and a target actor");
  if (edge.src == edge.dst) return Status::invalidArgument("an edge cannot join an actor to itself");
  if (!(edge.confidence >= 0.0f && edge.confidence <= 1.0f))
    return Status::invalidArgument("confidence " + std::to_string(edge.confidence) + " is outside 0..1");
  const std::string idKey = codec::idKey(edge.id);
  if (!removedEdges_.count(edge.id)) {
    std::string existing;
    auto s = store_->db()->Get(rocksdb::ReadOptions(), store_->cf(kEdgeIds), idKey, &existing);
    if (!s.IsNotFound()) {
      KG_RETURN_IF_ERROR(fromRocks(s, "read edge index"));
      return Status::alreadyExists("an edge with id " + std::to_string(edge.id) + " is already stored");
    }
  }
  if (pendingEdges_.count(edge.id))
    return Status::alreadyExists("edge id " + std::to_string(edge.id) + " appears twice");
  store_->reserveEdge(edge.id);
  PendingEdge p;
  p.key = EdgeKey{edge.src, edge.type, edge.when.from, edge.dst, edge.id};
  p.header = edge;
  p.header.evidence.clear();
  p.evidenceCount = evidenceCount;
  const std::string outKey = codec::encodeEdgeKey(p.key);
  batch_.Put(store_->cf(kOut), outKey, codec::encodeEdgeValue(p.header, evidenceCount));
  batch_.Put(store_->cf(kIn), codec::encodeEdgeKey(EdgeKey{edge.dst, edge.type, edge.when.from, edge.src, edge.id}), "");
  batch_.Put(store_->cf(kEdgeIds), idKey, outKey);
  addPending(std::move(p));
  ++dEdges_;
  for (const auto& ev : edge.evidence) {
    const std::string evKey = codec::evidenceKey(edge.id, ev.doc, ev.sentence);
    if (!pendingEvidence_.insert(evKey).second) continue;
    pendingEdgeDocs_.insert({edge.id, ev.doc});
    batch_.Put(store_->cf(kEvidence), evKey, codec::encodeEvidenceValue(ev));
    ++dEvidence_;
  }
  ++ops_;
  return Status::ok();
}

Status RocksBatch::removeEdge(EdgeId id) {
  if (pendingEdges_.count(id)) return Status::invalidArgument("edge " + std::to_string(id) + " was written in this batch");
  if (removedEdges_.count(id)) return Status::notFound("edge " + std::to_string(id) + " is already removed in this batch");
  const std::string idKey = codec::idKey(id);
  std::string outKey;
  auto s = store_->db()->Get(rocksdb::ReadOptions(), store_->cf(kEdgeIds), idKey, &outKey);
  if (s.IsNotFound()) return Status::notFound("no edge with id " + std::to_string(id));
  KG_RETURN_IF_ERROR(fromRocks(s, "read edge index"));
  auto key = codec::decodeEdgeKey(outKey);
  if (!key) return key.status();
  batch_.Delete(store_->cf(kOut), outKey);
  batch_.Delete(store_->cf(kIn), codec::encodeEdgeKey(EdgeKey{key->second, key->type, key->from, key->first, id}));
  batch_.Delete(store_->cf(kEdgeIds), idKey);
  int64_t evidence = 0;
  KG_RETURN_IF_ERROR(store_->scanPrefix(kEvidence, idKey, [&](std::string_view k, std::string_view) {
    batch_.Delete(store_->cf(kEvidence), rocksdb::Slice(k.data(), k.size()));
    ++evidence;
    return Scan::kContinue;
  }));
  removedEdges_.insert(id);
  --dEdges_;
  dEvidence_ -= evidence;
  ++ops_;
  return Status::ok();
}

Status RocksBatch::removeActor(ActorId id) {
  if (pendingActors_.count(id)) return Status::invalidArgument("actor " + std::to_string(id) + " was written in this batch");
  if (removedActors_.count(id)) return Status::notFound("actor " + std::to_string(id) + " is already removed in this batch");
  auto stored = store_->getActor(id);
  if (!stored) return stored.status();
  if (!stored->has_value()) return Status::notFound("no actor with id " + std::to_string(id));
  auto keys = store_->nameKeysOf(id);
  if (!keys) return keys.status();
  for (const auto& k : keys.value()) batch_.Delete(store_->cf(kNames), codec::nameIndexKey(k, id));
  batch_.Delete(store_->cf(kActors), codec::idKey(id));
  removedActors_.insert(id);
  --dActors_;
  ++ops_;
  return Status::ok();
}

Status RocksBatch::suppressFact(const SuppressedFact& fact, EdgeId removed) {
  if (fact.src == 0 || fact.dst == 0) return Status::invalidArgument("a removed fact needs both actors");
  const std::string key = codec::suppressedKey(fact);
  std::string v;
  codec::putU64BE(&v, removed);
  batch_.Put(store_->cf(kMeta), key, v);
  pendingSuppressed_[key] = true;
  ++ops_;
  return Status::ok();
}

Status RocksBatch::unsuppressFact(const SuppressedFact& fact) {
  const std::string key = codec::suppressedKey(fact);
  batch_.Delete(store_->cf(kMeta), key);
  pendingSuppressed_[key] = false;
  ++ops_;
  return Status::ok();
}

Status RocksBatch::setMergedName(std::string_view strictKey, ActorId keep) {
  if (strictKey.empty()) return Status::invalidArgument("an empty name key");
  if (keep == 0) {
    batch_.Delete(store_->cf(kMeta), codec::mergedNameKey(strictKey));
  } else {
    std::string v;
    codec::putU64BE(&v, keep);
    batch_.Put(store_->cf(kMeta), codec::mergedNameKey(strictKey), v);
  }
  ++ops_;
  return Status::ok();
}

Status RocksBatch::setActorRemoved(ActorId id, bool removed) {
  if (id == 0) return Status::invalidArgument("actor id 0");
  if (removed)
    batch_.Put(store_->cf(kMeta), codec::removedActorKey(id), "");
  else
    batch_.Delete(store_->cf(kMeta), codec::removedActorKey(id));
  pendingRemovedActors_[id] = removed;
  ++ops_;
  return Status::ok();
}

Result<bool> RocksBatch::actorRemoved(ActorId id) const {
  auto pending = pendingRemovedActors_.find(id);
  if (pending != pendingRemovedActors_.end()) return pending->second;
  return store_->isActorRemoved(id);
}

std::optional<EdgeHeader> RocksBatch::writtenEdge(EdgeId id) const {
  auto it = pendingEdges_.find(id);
  if (it == pendingEdges_.end()) return std::nullopt;
  return EdgeHeader{it->second.header, it->second.evidenceCount};  // header: its id, no evidence
}

Result<uint64_t> RocksBatch::appendLog(CurationRecord record) {
  if (lastLogSeq_ == 0) {
    auto last = store_->lastLogSeq();
    if (!last) return last.status();
    lastLogSeq_ = last.value();
  }
  record.seq = ++lastLogSeq_;
  batch_.Put(store_->cf(kMeta), codec::logKey(record.seq), codec::encodeCurationRecord(record));
  ++ops_;
  return record.seq;
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


// --- bulk loading (BulkLoader in graph_store.h) ---

class RocksBulkLoader final : public BulkLoader {
 public:
  explicit RocksBulkLoader(RocksStore* store) : store_(store) {}
  Status preload();
  Result<ActorId> putActor(Actor actor, const std::vector<std::string>& nameKeys) override;
  Result<EdgeId> putEdge(const Edge& edge) override;
  Result<BulkLoadStats> finish() override;

 private:
  // The merge key of a fact (WriteBatch::putEdge's rule), with the title interned.
  struct Fact {
    ActorId src = 0, dst = 0;
    int32_t fromDays = 0, toDays = 0;
    uint8_t type = 0, fromPrec = 0, toPrec = 0;
    uint32_t title = 0;
    bool operator==(const Fact&) const = default;
  };
  struct FactHash {
    static uint64_t mix(uint64_t x) {
      x ^= x >> 33;
      x *= 0xff51afd7ed558ccdULL;
      x ^= x >> 33;
      return x;
    }
    size_t operator()(const Fact& f) const {
      uint64_t h = mix(f.src * 0x9e3779b97f4a7c15ULL ^ f.dst);
      h = mix(h ^ (static_cast<uint64_t>(static_cast<uint32_t>(f.fromDays)) << 32 | static_cast<uint32_t>(f.toDays)));
      return mix(h ^ (uint64_t{f.type} << 40 | uint64_t{f.fromPrec} << 36 | uint64_t{f.toPrec} << 32 | f.title));
    }
  };
  struct Pending {
    ActorId src = 0, dst = 0;
    EdgeId id = 0;
    Date from, to;
    EdgeType type = EdgeType::kConsult;
    uint32_t mode = 0, cameo = 0, title = 0, srcCode = 0, dstCode = 0;  // interned strings
    float confidence = 1.0f;
    uint32_t evidenceCount = 0;
    DateBasis dateBasis = DateBasis::kUnknown;  // kept from a stored edge (imports record none)
    uint32_t sources = 0;                       // likewise; 0 = not counted
    bool existing = false;  // stored before this load
    bool dirty = false;     // its `out` record must be (re)written
  };
  struct PendingEvidence {
    uint32_t edge;  // index into edges_
    uint32_t doc;   // interned; replaced by its rank in finish()
    uint32_t sentence;
    uint32_t text;
    uint32_t begin, end;
    uint32_t attributes;  // 0: none; else the encoded tail attributeTail(attributes)
  };
  struct StringHash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>()(s); }
  };

  uint32_t intern(std::string_view s) {
    if (s.empty()) return 0;
    // Bulk data repeats itself: the same document, text or code as last time.
    for (uint32_t r : recent_)
      if (strings_[r] == s) return r;
    uint32_t id = internSlow(s);
    recent_[recentNext_++ % 4] = id;
    return id;
  }
  uint32_t internSlow(std::string_view s) {
    auto it = stringIndex_.find(s);
    if (it != stringIndex_.end()) return it->second;
    auto id = static_cast<uint32_t>(strings_.size());
    strings_.emplace_back(s);
    stringIndex_.emplace(strings_.back(), id);
    return id;
  }
  static Fact factOf(ActorId src, ActorId dst, EdgeType type, const Date& from, const Date& to, uint32_t title) {
    Fact f;
    f.src = src;
    f.dst = dst;
    f.type = static_cast<uint8_t>(type);
    f.fromDays = from.known() ? from.days() : 0;
    f.toDays = to.known() ? to.days() : 0;
    f.fromPrec = static_cast<uint8_t>(from.precision());
    f.toPrec = static_cast<uint8_t>(to.precision());
    f.title = title;
    return f;
  }
  Status writeSst(const std::string& path, Cf cf, const std::function<Status(rocksdb::SstFileWriter&)>& fill);

  RocksStore* store_;
  std::vector<std::string> strings_{""};  // 0 is ""
  uint32_t recent_[4] = {0, 0, 0, 0};
  uint32_t recentNext_ = 0;
  std::unordered_map<std::string, uint32_t, StringHash, std::equal_to<>> stringIndex_{{"", 0}};
  std::vector<Pending> edges_;
  // Open addressing: a slot holds (hash high bits << 32 | edge index + 1),
  // 0 = empty; power-of-two size, at most half full. Keys are recomputed
  // from edges_ only when the stored hash bits agree.
  std::vector<uint64_t> slots_ = std::vector<uint64_t>(1024, 0);
  Fact factOf(const Pending& p) const { return factOf(p.src, p.dst, p.type, p.from, p.to, p.title); }
  // The slot holding `f` (hash `h`), or the empty slot where it belongs.
  size_t findSlot(const Fact& f, uint64_t h) const {
    const size_t mask = slots_.size() - 1;
    const uint64_t tag = h >> 32;
    for (size_t i = h & mask;; i = (i + 1) & mask) {
      uint64_t v = slots_[i];
      if (v == 0) return i;
      if ((v >> 32) == tag && factOf(edges_[static_cast<uint32_t>(v) - 1]) == f) return i;
    }
  }
  // Records edges_[index] (whose fact is `f`, hash `h`) in the empty slot `slot`.
  void addAt(size_t slot, uint64_t h, uint32_t index) {
    slots_[slot] = (h >> 32 << 32) | (index + 1u);
    if (2 * (static_cast<size_t>(index) + 1) > slots_.size()) {
      std::vector<uint64_t> old(slots_.size() * 2, 0);
      old.swap(slots_);
      const size_t mask = slots_.size() - 1;
      for (uint64_t v : old) {
        if (v == 0) continue;
        uint64_t hv = FactHash()(factOf(edges_[static_cast<uint32_t>(v) - 1]));
        size_t i = hv & mask;
        while (slots_[i] != 0) i = (i + 1) & mask;
        slots_[i] = v;
      }
    }
  }
  // The encoded attribute tails (codec::encodeEvidenceAttributes) of the
  // evidence, one after another in one arena: no allocation per record.
  uint32_t addAttributeTail(const std::map<std::string, std::string>& attributes) {
    if (attributes.empty()) return 0;
    attributeArena_.append(codec::encodeEvidenceAttributes(attributes));
    attributeEnds_.push_back(attributeArena_.size());
    return static_cast<uint32_t>(attributeEnds_.size() - 1);
  }
  std::string_view attributeTail(uint32_t i) const {
    if (i == 0) return {};
    return std::string_view(attributeArena_).substr(attributeEnds_[i - 1], attributeEnds_[i] - attributeEnds_[i - 1]);
  }
  std::string attributeArena_;
  std::vector<size_t> attributeEnds_{0};
  std::vector<PendingEvidence> evidence_;
  // New actors, in id order (ids are handed out increasing), and their name index keys.
  std::vector<std::pair<ActorId, std::string>> actors_;
  std::vector<std::string> nameIndex_;
  BulkLoadStats stats_;
  bool finished_ = false;
  // Facts a curator removed (codec::suppressedKey), read at preload: a load
  // does not bring them back.
  std::unordered_set<std::string> suppressed_;
  std::unordered_set<ActorId> removedActors_;  // likewise, actors (kg actor rm)
};

Status RocksBulkLoader::preload() {
  KG_RETURN_IF_ERROR(store_->scanSuppressed([&](const SuppressedFact& f, EdgeId) {
    suppressed_.insert(codec::suppressedKey(f));
    return Scan::kContinue;
  }));
  KG_RETURN_IF_ERROR(store_->scanRemovedActors([&](ActorId a) {
    removedActors_.insert(a);
    return Scan::kContinue;
  }));
  Status err;
  KG_RETURN_IF_ERROR(store_->scanPrefix(kOut, "", [&](std::string_view k, std::string_view v) {
    auto key = codec::decodeEdgeKey(k);
    if (!key) { err = key.status(); return Scan::kStop; }
    auto h = codec::decodeEdge(key.value(), v);
    if (!h) { err = h.status(); return Scan::kStop; }
    const Edge& e = h->edge;
    Pending p;
    p.src = e.src;
    p.dst = e.dst;
    p.id = e.id;
    p.from = e.when.from;
    p.to = e.when.to;
    p.type = e.type;
    p.mode = intern(e.mode);
    p.cameo = intern(e.cameo);
    p.title = intern(e.title);
    p.srcCode = intern(e.srcCode);
    p.dstCode = intern(e.dstCode);
    p.confidence = e.confidence;
    p.evidenceCount = h->evidenceCount;
    p.dateBasis = e.dateBasis;
    p.sources = e.sources;
    p.existing = true;
    const Fact f = factOf(p);
    const uint64_t hf = FactHash()(f);
    size_t slot = findSlot(f, hf);
    if (slots_[slot] == 0) {
      edges_.push_back(p);
      addAt(slot, hf, static_cast<uint32_t>(edges_.size() - 1));
    }
    return Scan::kContinue;
  }));
  return err;
}

Result<ActorId> RocksBulkLoader::putActor(Actor actor, const std::vector<std::string>& nameKeys) {
  if (finished_) return Status::failedPrecondition("bulk loader already finished");
  if (actor.name.empty()) return Status::invalidArgument("an actor needs a non-empty name");
  if (actor.id != 0) return Status::invalidArgument("a bulk loader only adds new actors (id 0)");
  actor.id = store_->allocActor();
  actors_.emplace_back(actor.id, codec::encodeActor(actor, nameKeys));
  for (const auto& k : nameKeys) nameIndex_.push_back(codec::nameIndexKey(k, actor.id));
  ++stats_.actorsAdded;
  return actor.id;
}

Result<EdgeId> RocksBulkLoader::putEdge(const Edge& edge) {
  if (finished_) return Status::failedPrecondition("bulk loader already finished");
  if (edge.src == 0 || edge.dst == 0) return Status::invalidArgument("an edge needs a source and a target actor");
  if (edge.src == edge.dst) return Status::invalidArgument("an edge cannot join an actor to itself");
  if (!(edge.confidence >= 0.0f && edge.confidence <= 1.0f))
    return Status::invalidArgument("confidence " + std::to_string(edge.confidence) + " is outside 0..1");
  if (edges_.size() >= UINT32_MAX - 1) return Status::limitExceeded("more than 2^32 edges in one bulk load");
  const uint32_t title = intern(edge.title);
  const Fact fact = factOf(edge.src, edge.dst, edge.type, edge.when.from, edge.when.to, title);
  const uint64_t hash = FactHash()(fact);
  size_t slot = findSlot(fact, hash);
  const bool added = slots_[slot] == 0;
  if (added && !suppressed_.empty() &&
      suppressed_.count(codec::suppressedKey(SuppressedFact{edge.src, edge.type, edge.when.from, edge.dst})))
    return EdgeId{0};  // removed by a curator (kg edge rm)
  if (!removedActors_.empty() && (removedActors_.count(edge.src) || removedActors_.count(edge.dst)))
    return EdgeId{0};  // touches an actor a curator removed (kg actor rm)
  const uint32_t index = added ? static_cast<uint32_t>(edges_.size()) : static_cast<uint32_t>(slots_[slot]) - 1;
  if (added) {
    Pending p;
    p.src = edge.src;
    p.dst = edge.dst;
    p.id = store_->allocEdge();
    p.from = edge.when.from;
    p.to = edge.when.to;
    p.type = edge.type;
    p.mode = intern(edge.mode);
    p.cameo = intern(edge.cameo);
    p.title = title;
    p.srcCode = intern(edge.srcCode);
    p.dstCode = intern(edge.dstCode);
    p.confidence = edge.confidence;
    p.dirty = true;
    edges_.push_back(p);
    addAt(slot, hash, index);
    ++stats_.edgesAdded;
  } else {
    ++stats_.edgesMerged;
    Pending& p = edges_[index];
    // Merge: the fact keeps its first mode/cameo; confidence is the best seen.
    if (p.mode == 0 && !edge.mode.empty()) { p.mode = intern(edge.mode); p.dirty = true; }
    if (p.cameo == 0 && !edge.cameo.empty()) { p.cameo = intern(edge.cameo); p.dirty = true; }
    if (p.srcCode == 0 && !edge.srcCode.empty()) { p.srcCode = intern(edge.srcCode); p.dirty = true; }
    if (p.dstCode == 0 && !edge.dstCode.empty()) { p.dstCode = intern(edge.dstCode); p.dirty = true; }
    if (edge.confidence > p.confidence) { p.confidence = edge.confidence; p.dirty = true; }
  }
  Pending& p = edges_[index];
  for (const auto& ev : edge.evidence) {
    evidence_.push_back(PendingEvidence{index, intern(ev.doc), ev.sentence, intern(ev.text), ev.begin, ev.end,
                                        addAttributeTail(ev.attributes)});
    ++p.evidenceCount;  // corrected in finish() for repeats
    p.dirty = true;
  }
  return p.id;
}

Status RocksBulkLoader::writeSst(const std::string& path, Cf cf,
                                 const std::function<Status(rocksdb::SstFileWriter&)>& fill) {
  rocksdb::DB* db = store_->db();
  rocksdb::Options opts(db->GetDBOptions(), db->GetOptions(store_->cf(cf)));
  // Speed over size: the files are compressed when compaction rewrites them.
  opts.compression = rocksdb::kNoCompression;
  // invalidate_page_cache = false: the writer would otherwise drop each
  // megabyte it wrote from the page cache (fadvise DONTNEED), which starts
  // its write-back at once and leaves the new files uncached for the first
  // queries; ingestion syncs the files either way.
  rocksdb::SstFileWriter writer(rocksdb::EnvOptions(), opts, store_->cf(cf), /*invalidate_page_cache=*/false);
  KG_RETURN_IF_ERROR(fromRocks(writer.Open(path), "create " + path));
  KG_RETURN_IF_ERROR(fill(writer));
  return fromRocks(writer.Finish(), "write " + path);
}

Result<BulkLoadStats> RocksBulkLoader::finish() {
  if (finished_) return Status::failedPrecondition("bulk loader already finished");
  finished_ = true;
  const bool trace = std::getenv("KG_BULK_TRACE") != nullptr;
  auto t0 = std::chrono::steady_clock::now();
  auto phase = [&](const char* what) {
    if (!trace) return;
    auto t = std::chrono::steady_clock::now();
    std::fprintf(stderr, "bulk: %-12s %.3f s\n", what, std::chrono::duration<double>(t - t0).count());
    t0 = t;
  };
  rocksdb::DB* db = store_->db();

  // Evidence in key order: (edge id, document, sentence). Documents sort by
  // their bytes, which is the order of `doc NUL` in the key.
  std::vector<uint32_t> order(strings_.size());
  for (uint32_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) { return strings_[a] < strings_[b]; });
  std::vector<uint32_t> rank(strings_.size());
  for (uint32_t r = 0; r < order.size(); ++r) rank[order[r]] = r;
  for (auto& ev : evidence_) ev.doc = rank[ev.doc];
  // Stable: of a record repeated within the load, the first (and its attributes) is kept.
  std::stable_sort(evidence_.begin(), evidence_.end(), [&](const PendingEvidence& a, const PendingEvidence& b) {
    EdgeId ia = edges_[a.edge].id, ib = edges_[b.edge].id;
    if (ia != ib) return ia < ib;
    if (a.doc != b.doc) return a.doc < b.doc;
    return a.sentence < b.sentence;
  });
  // Drop repeats within this load and evidence an already stored edge has.
  size_t kept = 0;
  for (size_t i = 0; i < evidence_.size(); ++i) {
    const auto& ev = evidence_[i];
    bool repeat = kept > 0 && evidence_[kept - 1].edge == ev.edge && evidence_[kept - 1].doc == ev.doc &&
                  evidence_[kept - 1].sentence == ev.sentence;
    if (!repeat && edges_[ev.edge].existing) {
      std::string v;
      auto s = db->Get(rocksdb::ReadOptions(), store_->cf(kEvidence),
                       codec::evidenceKey(edges_[ev.edge].id, strings_[order[ev.doc]], ev.sentence), &v);
      if (s.ok()) repeat = true;
      else if (!s.IsNotFound()) return fromRocks(s, "read evidence");
    }
    if (repeat) {
      --edges_[ev.edge].evidenceCount;
      continue;
    }
    evidence_[kept++] = ev;
  }
  evidence_.resize(kept);
  stats_.evidenceAdded = kept;
  phase("evidence");

  // Edge keys in byte order. The codec's keys are big-endian (src, type,
  // from as flipped days + precision, dst, id), so numeric order on those
  // fields is their byte order.
  struct KeyRef {
    uint64_t first, mid, second, id;
    uint32_t edge;
  };
  constexpr size_t kPrefetch = 8;  // records fetched ahead of the one written
  auto keyRef = [&](uint32_t i, bool out) {
    const Pending& p = edges_[i];
    uint64_t flipped = p.from.known() ? (static_cast<uint32_t>(p.from.days()) ^ 0x80000000u) : 0u;
    uint64_t mid = uint64_t{static_cast<uint8_t>(p.type)} << 40 | flipped << 8 | static_cast<uint8_t>(p.from.precision());
    return out ? KeyRef{p.src, mid, p.dst, p.id, i} : KeyRef{p.dst, mid, p.src, p.id, i};
  };
  auto byKey = [](const KeyRef& a, const KeyRef& b) {
    if (a.first != b.first) return a.first < b.first;
    if (a.mid != b.mid) return a.mid < b.mid;
    if (a.second != b.second) return a.second < b.second;
    return a.id < b.id;
  };
  // The key a KeyRef stands for, from the KeyRef alone: the in.sst loop
  // then reads no edge record (records in key order are scattered in memory,
  // and those reads were most of its time).
  auto appendKey = [](std::string* out, const KeyRef& r) {
    const auto prec = static_cast<DatePrecision>(r.mid & 0xff);
    const auto flipped = static_cast<uint32_t>(r.mid >> 8);
    const Date from = prec == DatePrecision::kUnknown
                          ? Date::unknown()
                          : Date::fromDays(static_cast<int32_t>(flipped ^ 0x80000000u), prec);
    codec::appendEdgeKey(out, EdgeKey{r.first, static_cast<EdgeType>(r.mid >> 40), from, r.second, r.id});
  };
  std::vector<KeyRef> outKeys, inKeys;
  for (uint32_t i = 0; i < edges_.size(); ++i) {
    const Pending& p = edges_[i];
    if (!p.dirty) continue;
    outKeys.push_back(keyRef(i, true));
    if (!p.existing) inKeys.push_back(keyRef(i, false));
  }
  {
    std::thread sortIn([&] { std::sort(inKeys.begin(), inKeys.end(), byKey); });
    std::sort(outKeys.begin(), outKeys.end(), byKey);
    sortIn.join();
  }
  phase("edge keys");

  const fs::path dir = fs::path(db->GetName()) / "bulk-import.tmp";
  std::error_code ec;
  fs::remove_all(dir, ec);
  fs::create_directories(dir, ec);
  if (ec) return Status::ioError("cannot create " + dir.string() + ": " + ec.message());
  struct Cleanup {
    fs::path dir;
    ~Cleanup() {
      std::error_code e;
      fs::remove_all(dir, e);
    }
  } cleanup{dir};

  // The four files are independent: write them in parallel.
  struct Job {
    Cf cf;
    std::string path;
    std::function<Status(rocksdb::SstFileWriter&)> fill;
    Status status;
  };
  std::vector<Job> jobs;
  auto addFile = [&](Cf cf, const char* name, bool empty, std::function<Status(rocksdb::SstFileWriter&)> fill) -> Status {
    if (!empty) jobs.push_back(Job{cf, (dir / name).string(), std::move(fill), Status::ok()});
    return Status::ok();
  };
  if (Status st = addFile(kOut, "out.sst", outKeys.empty(), [&](rocksdb::SstFileWriter& w) {
    Edge e;  // reused, as are the key and value buffers: no allocation per record
    std::string k, v;
    for (size_t i = 0; i < outKeys.size(); ++i) {
      // Records in key order are scattered in memory: fetch ahead.
      if (i + kPrefetch < outKeys.size()) __builtin_prefetch(&edges_[outKeys[i + kPrefetch].edge]);
      const KeyRef& r = outKeys[i];
      const Pending& p = edges_[r.edge];
      e.mode = strings_[p.mode];
      e.cameo = strings_[p.cameo];
      e.title = strings_[p.title];
      e.srcCode = strings_[p.srcCode];
      e.dstCode = strings_[p.dstCode];
      e.when.to = p.to;
      e.confidence = p.confidence;
      e.dateBasis = p.dateBasis;
      e.sources = p.sources;
      k.clear();
      appendKey(&k, r);
      v.clear();
      codec::appendEdgeValue(&v, e, p.evidenceCount);
      KG_RETURN_IF_ERROR(fromRocks(w.Put(k, v), "write out.sst"));
    }
    return Status::ok();
  }); !st.isOk()) return st;
  if (Status st = addFile(kIn, "in.sst", inKeys.empty(), [&](rocksdb::SstFileWriter& w) {
    std::string k;
    for (const auto& r : inKeys) {
      k.clear();
      appendKey(&k, r);
      KG_RETURN_IF_ERROR(fromRocks(w.Put(k, ""), "write in.sst"));
    }
    return Status::ok();
  }); !st.isOk()) return st;
  // New edges got increasing ids in the order they were added: already sorted.
  if (Status st = addFile(kEdgeIds, "edge_ids.sst", inKeys.empty(), [&](rocksdb::SstFileWriter& w) {
    std::string k, outKey;
    for (const Pending& p : edges_) {
      if (p.existing) continue;
      k.clear();
      codec::putU64BE(&k, p.id);  // codec::idKey
      outKey.clear();
      codec::appendEdgeKey(&outKey, EdgeKey{p.src, p.type, p.from, p.dst, p.id});
      KG_RETURN_IF_ERROR(fromRocks(w.Put(k, outKey), "write edge_ids.sst"));
    }
    return Status::ok();
  }); !st.isOk()) return st;
  if (Status st = addFile(kEvidence, "evidence.sst", evidence_.empty(), [&](rocksdb::SstFileWriter& w) {
    Evidence ev;
    std::string k, v;
    for (const auto& pe : evidence_) {
      ev.begin = pe.begin;
      ev.end = pe.end;
      ev.text = strings_[pe.text];
      k.clear();
      codec::appendEvidenceKey(&k, edges_[pe.edge].id, strings_[order[pe.doc]], pe.sentence);
      v.clear();
      codec::appendEvidenceValue(&v, ev);
      v.append(attributeTail(pe.attributes));
      KG_RETURN_IF_ERROR(fromRocks(w.Put(k, v), "write evidence.sst"));
    }
    return Status::ok();
  }); !st.isOk()) return st;

  std::sort(nameIndex_.begin(), nameIndex_.end());
  nameIndex_.erase(std::unique(nameIndex_.begin(), nameIndex_.end()), nameIndex_.end());
  if (Status st = addFile(kActors, "actors.sst", actors_.empty(), [&](rocksdb::SstFileWriter& w) {
    for (const auto& [id, value] : actors_)
      KG_RETURN_IF_ERROR(fromRocks(w.Put(codec::idKey(id), value), "write actors.sst"));
    return Status::ok();
  }); !st.isOk()) return st;
  if (Status st = addFile(kNames, "names.sst", nameIndex_.empty(), [&](rocksdb::SstFileWriter& w) {
    for (const auto& k : nameIndex_) KG_RETURN_IF_ERROR(fromRocks(w.Put(k, ""), "write names.sst"));
    return Status::ok();
  }); !st.isOk()) return st;
  {
    std::vector<std::thread> threads;
    for (auto& job : jobs) threads.emplace_back([&job, this] { job.status = writeSst(job.path, job.cf, job.fill); });
    for (auto& t : threads) t.join();
  }
  for (const auto& job : jobs) KG_RETURN_IF_ERROR(job.status);  // the first file that failed, by name
  // The counters and id high-water marks go into the same atomic ingestion
  // as the data, so a crash leaves both or neither.
  std::lock_guard<std::mutex> commitLock(store_->commitMutex());
  const std::string metaPath = (dir / "meta.sst").string();
  KG_RETURN_IF_ERROR(store_->writeBulkMetaFile(metaPath, static_cast<int64_t>(stats_.actorsAdded),
                                               static_cast<int64_t>(stats_.edgesAdded),
                                               static_cast<int64_t>(stats_.evidenceAdded)));
  jobs.push_back(Job{kMeta, metaPath, nullptr, Status::ok()});
  std::vector<rocksdb::IngestExternalFileArg> args;
  for (auto& job : jobs) {
    rocksdb::IngestExternalFileArg arg;
    arg.column_family = store_->cf(job.cf);
    arg.external_files = {job.path};
    arg.options.move_files = true;
    args.push_back(std::move(arg));
  }
  phase("sst files");
  killPoint("bulk.before_ingest");
  rocksdb::Status ingested;
  {
    OddEpoch writing(store_->writeEpochCounter());
    const rocksdb::SequenceNumber before = db->GetLatestSequenceNumber();
    ingested = db->IngestExternalFiles(args);
    // Files that overlap nothing stored are ingested with sequence number 0
    // and leave the store's number where it was; the graph snapshot file
    // (FORMAT.md "Graph snapshot file") tells stale from current by that
    // number, so a load that landed must move it: rewrite a meta key with
    // the value the load just gave it.
    if (ingested.ok() && db->GetLatestSequenceNumber() == before) {
      std::string ne;
      codec::putU64BE(&ne, store_->nextEdgeId());
      ingested = db->Put(rocksdb::WriteOptions(), store_->cf(kMeta), kNextEdgeKey, ne);
    }
  }
  KG_RETURN_IF_ERROR(fromRocks(ingested, "ingest"));
  killPoint("bulk.after_ingest");
  phase("ingest");
  return stats_;
}

Result<std::unique_ptr<BulkLoader>> RocksStore::newBulkLoader() {
  if (readOnly_) return Status::failedPrecondition("the database is open read-only");
  auto loader = std::make_unique<RocksBulkLoader>(this);
  KG_RETURN_IF_ERROR(loader->preload());
  return std::unique_ptr<BulkLoader>(std::move(loader));
}

// --- opening ---

struct OpenConfig {
  std::shared_ptr<rocksdb::Env> env;  // the KG_FAULT_WRITE file system, or null (the default Env)
  std::shared_ptr<WriteFaults> faults;  // what that file system counts on, or null
  rocksdb::DBOptions db;
  std::vector<rocksdb::ColumnFamilyDescriptor> families;
  std::shared_ptr<rocksdb::Cache> cache;
};

Result<OpenConfig> openConfig(const StoreOptions& options) {
  OpenConfig c;
  auto fault = writeFaultFromEnvironment();
  if (!fault) return fault.status();
  if (fault.value()) {
    c.faults = std::make_shared<WriteFaults>(*fault.value());
    c.env = newFaultEnv(c.faults);
    c.db.env = c.env.get();
  }
  c.cache = rocksdb::NewLRUCache(options.blockCacheBytes);
  rocksdb::BlockBasedTableOptions table;
  table.block_cache = c.cache;
  table.filter_policy.reset(rocksdb::NewBloomFilterPolicy(10));
  table.whole_key_filtering = true;
  auto tableFactory = std::shared_ptr<rocksdb::TableFactory>(rocksdb::NewBlockBasedTableFactory(table));

  c.db.create_if_missing = false;
  c.db.create_missing_column_families = false;
  c.db.max_background_jobs = 2;
  c.db.info_log_level = rocksdb::InfoLogLevel::WARN_LEVEL;
  c.db.keep_log_file_num = 2;
  for (const char* name : kFamilies) {
    rocksdb::ColumnFamilyOptions co;
    co.table_factory = tableFactory;
    std::string n = name;
    // Vertex-keyed families: bloom filters on the 8-byte vertex id prefix.
    if (n == "out" || n == "in" || n == "evidence" || n == "actors" || n == "edge_ids")
      co.prefix_extractor.reset(rocksdb::NewFixedPrefixTransform(8));
    if (n == "meta") co.merge_operator = std::make_shared<CounterMerge>();
    // Whole keys (point reads) and, where there is an extractor, prefixes
    // (prefix_same_as_start scans): answers are the same, misses cheaper.
    co.memtable_prefix_bloom_size_ratio = kMemtableBloomRatio;
    co.memtable_whole_key_filtering = true;
    if (options.bulkLoad) co.write_buffer_size = 128u << 20;
    c.families.emplace_back(n, co);
  }
  return c;
}

// Files RocksDB writes while creating a database, before CURRENT exists.
bool isRocksLeftover(const std::string& name) {
  auto starts = [&](const char* p) { return name.rfind(p, 0) == 0; };
  auto ends = [&](const char* e) {
    const size_t n = std::strlen(e);
    return name.size() >= n && name.compare(name.size() - n, n, e) == 0;
  };
  return name == "LOCK" || name == "IDENTITY" || starts("LOG") || starts("MANIFEST-") || starts("OPTIONS-") ||
         ends(".log") || ends(".dbtmp") || ends(".sst");
}

bool processAlive(long pid) { return pid > 0 && (::kill(static_cast<pid_t>(pid), 0) == 0 || errno == EPERM); }

// IOError naming the directory when it cannot be synced (or `faults` fails the call).
Status syncDirectory(const fs::path& dir, WriteFaults* faults) {
  if (faults != nullptr) KG_RETURN_IF_ERROR(faults->next(WriteOp::kDirSync, dir.string()));
  int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY);
  if (fd < 0) return Status::ioError("cannot open directory '" + dir.string() + "' to sync it: " + std::strerror(errno));
  const int rc = ::fsync(fd);
  const int err = errno;
  ::close(fd);
  if (rc != 0) return Status::ioError("cannot sync directory '" + dir.string() + "': " + std::strerror(err));
  return Status::ok();
}

// Removes the staging directories of creations whose process is gone.
void removeStaleStaging(const fs::path& parent, const std::string& prefix) {
  std::error_code ec;
  for (fs::directory_iterator it(parent, ec), end; !ec && it != end; it.increment(ec)) {
    const std::string n = it->path().filename().string();
    if (n.rfind(prefix, 0) != 0) continue;
    if (!processAlive(std::strtol(n.c_str() + prefix.size(), nullptr, 10))) {
      std::error_code e2;
      fs::remove_all(it->path(), e2);
    }
  }
}

// Creates a complete, versioned database at `path`. It is built in a staging
// directory beside `path` and renamed into place, so a crash at any moment
// leaves either no database or a whole one: never files without a version.
Status createDatabase(const std::string& path, const OpenConfig& config) {
  const fs::path target = fs::absolute(fs::path(path)).lexically_normal();
  const fs::path parent = target.parent_path();
  std::error_code ec;
  fs::create_directories(parent, ec);
  if (ec) return Status::ioError("cannot create directory '" + parent.string() + "': " + ec.message());
  const std::string prefix = "." + target.filename().string() + ".creating-";
  removeStaleStaging(parent, prefix);
  const fs::path staging = parent / (prefix + std::to_string(::getpid()));
  fs::remove_all(staging, ec);

  rocksdb::DBOptions dbo = config.db;
  dbo.create_if_missing = true;
  dbo.create_missing_column_families = true;
  std::vector<rocksdb::ColumnFamilyHandle*> handles;
  rocksdb::DB* raw = nullptr;
  auto s = rocksdb::DB::Open(dbo, staging.string(), config.families, &handles, &raw);
  if (!s.ok()) {
    fs::remove_all(staging, ec);  // a failed creation leaves nothing behind
    return fromRocks(s, "create database in '" + staging.string() + "'");
  }
  std::unique_ptr<rocksdb::DB> db(raw);
  killPoint("open.created");
  Status st = RocksStore::writeFormatVersion(db.get(), handles[kMeta]);
  for (auto* h : handles) db->DestroyColumnFamilyHandle(h);
  (void)db->Close();
  db.reset();
  if (!st.isOk()) {
    fs::remove_all(staging, ec);
    return st;
  }
  killPoint("open.initialised");

  // An existing directory without CURRENT may hold an older kg's interrupted
  // creation; anything else in it is not ours to replace.
  if (fs::is_directory(target, ec)) {
    for (const auto& entry : fs::directory_iterator(target, ec)) {
      if (!isRocksLeftover(entry.path().filename().string())) {
        fs::remove_all(staging, ec);
        return Status::failedPrecondition("'" + path + "' is a directory that holds files but no database ('" +
                                          entry.path().filename().string() + "'); choose an empty or new path");
      }
    }
    for (const auto& entry : fs::directory_iterator(target, ec)) fs::remove(entry.path(), ec);
    fs::remove(target, ec);
  }
  if (config.faults) {
    if (Status injected = config.faults->next(WriteOp::kRename, staging.string() + " to " + target.string());
        !injected.isOk()) {
      fs::remove_all(staging, ec);
      return Status::ioError("cannot move the new database into '" + path + "': " + injected.message());
    }
  }
  if (::rename(staging.c_str(), target.c_str()) != 0) {
    const int err = errno;
    fs::remove_all(staging, ec);
    // Another process created it at the same moment: use theirs.
    if ((err == ENOTEMPTY || err == EEXIST) && fs::exists(target / "CURRENT", ec)) return Status::ok();
    return Status::ioError("cannot move the new database into '" + path + "': " + std::strerror(err));
  }
  // The database is in place, whole and empty; only its name may not yet be durable.
  return syncDirectory(parent, config.faults.get());
}

// A MANIFEST that names a table file which is not there. A bulk load leaves
// one when its ingestion's MANIFEST write fails after the record reached the
// file (a failed fsync): RocksDB then deletes the files it had linked in, but
// the record stays, and every later open refuses the database.
bool namesMissingTableFile(const rocksdb::Status& s) {
  const std::string m = s.ToString();
  return s.IsCorruption() && m.find("No such file or directory") != std::string::npos &&
         m.find("MANIFEST") != std::string::npos;
}

// Whether no write-ahead log in `path` holds anything: then a best-efforts
// recovery, which does not replay them, loses no commit.
bool logsEmpty(const std::string& path) {
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(path, ec)) {
    const std::string n = e.path().filename().string();
    if (n.size() > 4 && n.compare(n.size() - 4, 4, ".log") == 0 && e.file_size(ec) > 0) return false;
  }
  return !ec;
}

// Whether another process holds the database's LOCK (RocksDB takes an fcntl
// write lock on it for a writable open): a writer such as kgd is live, and
// may compact, flush and delete files while this process opens it.
bool lockedByAnotherProcess(const std::string& path) {
  const int fd = ::open((fs::path(path) / "LOCK").c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return false;
  struct flock fl {};
  fl.l_type = F_WRLCK;
  fl.l_whence = SEEK_SET;
  const bool held = ::fcntl(fd, F_GETLK, &fl) == 0 && fl.l_type != F_UNLCK;
  ::close(fd);
  return held;
}

// Opens an existing database with RocksDB.
Result<rocksdb::DB*> openExisting(const std::string& path, const StoreOptions& options, OpenConfig& config,
                                  std::vector<rocksdb::ColumnFamilyHandle*>* handles) {
  std::vector<std::string> present;
  auto ls = rocksdb::DB::ListColumnFamilies(config.db, path, &present);
  if (ls.ok()) {
    for (const auto& f : present)
      if (std::find_if(std::begin(kFamilies), std::end(kFamilies), [&](const char* k) { return f == k; }) ==
          std::end(kFamilies))
        return Status::failedPrecondition("'" + path + "' is not an ActorGraph database: it has a column family '" +
                                          f + "'");
    // Families missing from a database of ours only after an older kg was
    // killed while creating it; init() checks it holds nothing.
    if (present.size() < std::size(kFamilies)) {
      if (options.readOnly)
        return Status::failedPrecondition("database '" + path +
                                          "' was never fully initialised (an earlier run was interrupted); any "
                                          "writing command (e.g. kg ingest) completes it");
      config.db.create_missing_column_families = true;
    }
  }
  rocksdb::DB* raw = nullptr;
  auto open = [&](const rocksdb::DBOptions& dbo) {
    rocksdb::Status s;
    if (options.readOnly) {
      // A read-only open races with a writer that is rotating its MANIFEST or
      // WAL at that moment, or compacting (the files it names can vanish
      // under it); the state a moment later is consistent again, so a few
      // retries are enough. A MANIFEST naming a table file that is gone is
      // such a race while a writer holds the database (kgd compacting: the
      // read saw the record before the compaction's), and is retried too;
      // only without a live writer is it a failed bulk load's record
      // (recovered below).
      for (int attempt = 0; attempt < 8; ++attempt) {
        handles->clear();
        s = rocksdb::DB::OpenForReadOnly(dbo, path, config.families, handles, &raw);
        if (s.ok() || s.IsInvalidArgument()) break;
        if (namesMissingTableFile(s) && !lockedByAnotherProcess(path)) break;
        std::this_thread::sleep_for(std::chrono::milliseconds(25 * (attempt + 1)));
      }
    } else {
      handles->clear();
      s = rocksdb::DB::Open(dbo, path, config.families, handles, &raw);
    }
    return s;
  };
  rocksdb::Status s = open(config.db);
  // The record of a bulk load that failed names files that are gone; the
  // state before it is whole. Recover to it when no commit waits in a log
  // (a bulk load writes none, and a later open replays and flushes them):
  // RocksDB's best-efforts recovery takes the newest state whose files all
  // exist, and a writable open writes it down. Never beside a live writer:
  // there the missing files are a compaction's inputs, and the "newest
  // state whose files all exist" is an older one that lacks whole families
  // (a read-only `kg` beside kgd answered without evidence, or found no
  // format version).
  if (namesMissingTableFile(s) && logsEmpty(path) && !(options.readOnly && lockedByAnotherProcess(path))) {
    rocksdb::DBOptions recovering = config.db;
    recovering.best_efforts_recovery = true;
    s = open(recovering);
  }
  if (s.ok()) return raw;
  const std::string msg = s.ToString();
  if (msg.find("lock") != std::string::npos || msg.find("Resource temporarily unavailable") != std::string::npos)
    return Status::busy("database '" + path + "' is in use by another process (" + msg + ")");
  if (msg.find("Column famil") != std::string::npos || msg.find("column famil") != std::string::npos)
    return Status::failedPrecondition("'" + path + "' is not an ActorGraph database of format version " +
                                      std::to_string(kFormatVersion) + ": " + msg);
  return fromRocks(s, "open database '" + path + "'");
}

}  // namespace

Result<std::unique_ptr<GraphStore>> openStore(const std::string& path, const StoreOptions& options) {
  std::error_code ec;
  if (fs::exists(path, ec) && !fs::is_directory(path, ec))
    return Status::invalidArgument("database path '" + path + "' is a file, not a database directory");
  auto configured = openConfig(options);
  if (!configured) return configured.status();
  OpenConfig& config = configured.value();
  if (!fs::exists(fs::path(path) / "CURRENT", ec)) {
    if (!options.createIfMissing || options.readOnly) return Status::notFound("no database at '" + path + "'");
    KG_RETURN_IF_ERROR(createDatabase(path, config));
  }
  std::vector<rocksdb::ColumnFamilyHandle*> handles;
  auto raw = openExisting(path, options, config, &handles);
  if (!raw) return raw.status();
  auto store = std::make_unique<RocksStore>(config.env, config.faults, std::unique_ptr<rocksdb::DB>(raw.value()), handles,
                                            options.readOnly, options.bulkLoad, config.cache);
  Status st = store->init();
  if (!st.isOk()) return Status(st.code(), "database '" + path + "': " + st.message());
  return std::unique_ptr<GraphStore>(std::move(store));
}

}  // namespace kg::storage
