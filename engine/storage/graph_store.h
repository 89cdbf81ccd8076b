// GraphStore: the persistent actor graph. The only seam through which the
// rest of the engine reaches storage; the RocksDB implementation lives in
// rocks_store.{h,cpp} and is the only code that sees RocksDB.
//
// Thread safety: const methods may be called from any number of threads at
// once, also while a batch is being committed; readers see whole batches only.
// Batches are built by one thread each; commits are serialised internally.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "model/actor.h"
#include "model/document.h"
#include "model/edge.h"

namespace kg {
class WriteFaults;  // base/write_fault.h
}  // namespace kg

namespace kg::storage {

inline constexpr uint32_t kFormatVersion = 1;

struct StoreStats {
  uint64_t actors = 0;
  uint64_t edges = 0;
  uint64_t evidence = 0;
  uint64_t documents = 0;
};

// Edge without its evidence list, as kept in the outgoing-edge family.
// `evidenceCount` is the number of evidence records stored for it.
struct EdgeHeader {
  Edge edge;  // edge.evidence is empty
  uint32_t evidenceCount = 0;
};

// Where an edge's record is stored: the fields of its `out` key (FORMAT.md),
// as a picture of the store taken earlier (the graph snapshot) holds them.
// An edge's source, target and type never change; a write may move its
// `from` date (and so its key) or remove it.
struct EdgeLocation {
  EdgeId id = 0;
  ActorId src = 0;
  EdgeType type = EdgeType::kConsult;
  Date from;  // unknown when the edge has no from date
  ActorId dst = 0;
};

// What the commits after some state of the store wrote (GraphStore::changesSince):
// the edges they created or rewrote (new evidence, confidence, dates) and the
// actors they wrote, each list ascending and without repeats.
struct ChangeSet {
  std::vector<EdgeId> edges;
  std::vector<ActorId> actors;
};

// One curation command (kg actor merge, kg edge rm, ...) as the curation log
// keeps it (FORMAT.md "Curation"): written in the same batch as the change.
struct CurationRecord {
  uint64_t seq = 0;          // 1, 2, ... in commit order; assigned by the batch
  int64_t unixSeconds = 0;   // when
  std::string user;          // who ($USER, or the uid)
  std::string command;       // "actor merge", "edge rm", ...
  std::string args;          // the arguments as given
  std::string details;       // what changed, and what would undo it (JSON text)
};

// A fact a curator removed (kg edge rm): the (src, type, from, dst) of the
// removed edge. WriteBatch::putEdge and BulkLoader::putEdge drop a fact with
// the same key from then on, so re-ingest and re-import do not bring it back.
struct SuppressedFact {
  ActorId src = 0;
  EdgeType type = EdgeType::kConsult;
  Date from;
  ActorId dst = 0;
  friend bool operator==(const SuppressedFact&, const SuppressedFact&) = default;
};

// What GraphStore::probeNameKey found under one name key.
struct NameKeyProbe {
  std::vector<ActorId> ids;  // the actors indexed under exactly the key, ascending
  bool longer = false;       // some longer key continues it (as probeNameKey's `next` asks)
};

// What a scan callback returns: keep going or stop early.
enum class Scan { kContinue, kStop };

// A set of writes that lands whole or not at all (GraphStore::commit).
// Edges are merged by the merge rule (storage/merge_rule.h, FORMAT.md "Facts
// and merging"): writing a fact that is the same real event or office as one
// already stored, or already in this batch, adds its evidence to the
// existing edge instead of making a second edge (which may take the fact's
// better dates); the store keeps each edge's `sources` count.
class WriteBatch {
 public:
  virtual ~WriteBatch() = default;
  // Assigns an id when actor.id == 0; returns the id. Replaces an existing
  // actor of the same id (aliases and name keys are rewritten). A given id
  // raises the id high-water mark past it.
  virtual Result<ActorId> putActor(Actor actor, const std::vector<std::string>& nameKeys) = 0;
  // Adds `aliases` (those it does not have yet; its name is never one) to
  // the stored actor `id`, and indexes it under `nameKeys` as well as its
  // old keys, when the batch commits. Nothing is recorded when every alias
  // is known, or when actor `id` is marked removed (GraphStore::isActorRemoved,
  // as stored or as this batch sets it; ingest still finds it by name). NotFound
  // when no stored actor has that id and it is not marked removed;
  // InvalidArgument when this batch already wrote actor `id` (write its
  // aliases with that putActor instead).
  virtual Status addAliases(ActorId id, const std::vector<std::string>& aliases,
                            const std::vector<std::string>& nameKeys) = 0;
  // Returns the id of the new or merged edge; 0, writing nothing, when a
  // curator removed this fact (GraphStore::isSuppressed) or its source or
  // target (GraphStore::isActorRemoved), as stored or as this batch sets it.
  // InvalidArgument when src or dst is 0 or the same, or confidence is
  // outside 0..1.
  virtual Result<EdgeId> putEdge(Edge edge) = 0;
  virtual Status putDocument(const Document& doc) = 0;
  // Writes `edge` exactly as given — its id, dates, confidence, sources,
  // date basis, codes and evidence — with `evidenceCount` as its recorded
  // evidence count, without the merge rule and without putEdge's curation
  // checks (a suppressed fact or a removed actor's edge is written all the
  // same): restoring an export (kg import --format jsonl) into a store that
  // does not hold these ids, or an edge kg undo puts back. InvalidArgument
  // as putEdge, or when edge.id is 0; AlreadyExists when an edge with that id
  // is stored (unless this batch removed it: kg undo puts an edge back as it
  // was by removing it and restoring it in one batch) or already in this
  // batch. Raises the id high-water mark past it.
  virtual Status restoreEdge(const Edge& edge, uint32_t evidenceCount) = 0;
  // Removes the stored edge `id`: its record, back-reference, id index entry
  // and every evidence record. NotFound when no stored edge has that id;
  // InvalidArgument when this batch wrote it.
  virtual Status removeEdge(EdgeId id) = 0;
  // Removes the stored actor `id` and its name-index entries (not its edges:
  // the caller removes or moves them first). NotFound when no stored actor
  // has that id; InvalidArgument when this batch wrote it.
  virtual Status removeActor(ActorId id) = 0;
  // From the commit on, putEdge (and a bulk loader) drop facts with this key
  // and return id 0 (FORMAT.md "Curation"). `removed` is the removed edge's id.
  virtual Status suppressFact(const SuppressedFact& fact, EdgeId removed) = 0;
  // Lifts a suppression from the commit on (the inverse of suppressFact; a
  // no-op when `fact` is not suppressed).
  virtual Status unsuppressFact(const SuppressedFact& fact) = 0;
  // Marks actor `id` removed by a curator (kg actor rm), or lifts the mark
  // (kg undo), from the commit on; later putEdge and addAliases calls of this
  // batch already see it. Marked, putEdge and the bulk loader drop an edge
  // touching the actor (returning id 0) and addAliases of it records nothing,
  // so re-ingest and re-import do not bring its edges back (FORMAT.md
  // "Curation"). Only the mark: the actor need not be stored, and its record
  // is removed with removeActor. Setting a mark that is set, or lifting one
  // that is not, writes the same state again. InvalidArgument when id is 0.
  virtual Status setActorRemoved(ActorId id, bool removed) = 0;
  // Records that the names folding to `strictKey` were merged into actor
  // `keep` (kg actor merge): GraphStore::mergedInto answers it from the
  // commit on. keep == 0 removes the record.
  virtual Status setMergedName(std::string_view strictKey, ActorId keep) = 0;
  // Appends `record` to the curation log; its seq is assigned here (one past
  // the last logged one). Returns the seq.
  virtual Result<uint64_t> appendLog(CurationRecord record) = 0;
  // Number of operations recorded so far.
  virtual size_t size() const = 0;
  // The edge `id` as the operations recorded so far leave it — a copy of its
  // header (edge.evidence empty) with evidenceCount its evidence count after
  // the commit — when this batch writes it (putEdge created or merged into it,
  // or restoreEdge wrote it); nullopt otherwise: not written, only removed,
  // or commit was called on the batch since (whether or not it succeeded). Curation logs it as the state that an
  // undo must find, so it asks after the batch's last write of the edge.
  virtual std::optional<EdgeHeader> writtenEdge(EdgeId id) const = 0;
};

// What a BulkLoader did, for the import summary.
struct BulkLoadStats {
  uint64_t actorsAdded = 0;
  uint64_t edgesAdded = 0;     // new facts
  uint64_t edgesMerged = 0;    // putEdge calls that matched a fact already stored or loaded
  uint64_t evidenceAdded = 0;  // new evidence records (a repeated one is not counted)
};

// The fast path for loading many actors and edges at once (kg import): a
// WriteBatch merges each fact with a RocksDB scan, which caps a bulk load at a
// few ten thousand edges per second. A loader instead keeps every fact it
// loads, and every fact already stored (read once when it is created), in an
// in-memory hash table, so merging costs a lookup; finish() then writes the
// edge families as sorted SST files ingested in one atomic step.
//
// Merging is by exact fact only (imported rows are dated by their rows, not
// by the merge rule of WriteBatch::putEdge): the fact key is (src, type,
// from, to, dst, title); a repeated fact gains the new evidence (the same
// (document, sentence) is kept once) and keeps its first mode and CAMEO code.
// So loading the same data twice adds nothing the second time.
//
// Nothing is visible in the store before finish(); a loader destroyed without
// finish() stores nothing. Memory: about 100 bytes per loaded or stored edge
// plus 28 per evidence record and the encoded size of its attributes. Requires that nobody else writes to the store
// while the loader exists (the CLI holds the database lock and the engine's
// write lock). Not thread-safe, with one exception: putActor may be called
// on one thread while putEdge runs on another (kg import merges edges on a
// loader thread while its importing thread makes actors,
// core/load_pipeline.h); each of the two calls on one thread only, and
// finish() once neither runs.
class BulkLoader {
 public:
  virtual ~BulkLoader() = default;
  // Assigns an id when actor.id == 0 and returns it. Only for new actors:
  // the caller looks names up first (GraphStore::lookupNameKey).
  virtual Result<ActorId> putActor(Actor actor, const std::vector<std::string>& nameKeys) = 0;
  // Returns the id of the new or merged edge, 0 when a curator removed the
  // fact (GraphStore::isSuppressed) or its source or target
  // (GraphStore::isActorRemoved), as stored when the loader was created.
  // InvalidArgument as WriteBatch::putEdge.
  virtual Result<EdgeId> putEdge(const Edge& edge) = 0;
  // Writes everything, updates the counters and id high-water marks, and makes
  // it durable: actors, names and every edge family land at once (one atomic
  // SST ingestion), then the counters in a second write (a crash between the
  // two leaves the counters short by this load). May be called once.
  virtual Result<BulkLoadStats> finish() = 0;
};

class GraphStore {
 public:
  virtual ~GraphStore() = default;

  virtual Result<std::optional<Actor>> getActor(ActorId id) const = 0;
  // Actor ids registered under exactly this (already folded) name key,
  // ascending.
  virtual Result<std::vector<ActorId>> lookupNameKey(std::string_view key) const = 0;
  // The actors under exactly `key` (ids as lookupNameKey returns them) and
  // whether some stored key starts with `key` followed by the byte `next`
  // (by any byte when next == '\0'), so that a caller matching word runs
  // against the index can stop extending a run no stored name continues
  // ("iran" goes on with ' ' when "iran revolutionary guard" is stored).
  // `key` is a folded name key (extract::nameKeys: no '\0' in it). The
  // RocksDB store answers with one seek (two when the first longer key goes
  // on with a byte below `next`); a store that cannot tell says longer =
  // true, which costs a caller only lookups. Errors: IOError / Corruption
  // from the disk.
  virtual Result<NameKeyProbe> probeNameKey(std::string_view key, char next) const {
    (void)next;
    auto ids = lookupNameKey(key);
    if (!ids) return ids.status();
    return NameKeyProbe{std::move(ids).value(), true};
  }
  // Visits every (name key, actor id) pair in key order.
  virtual Status scanNameKeys(const std::function<Scan(std::string_view, ActorId)>& fn) const = 0;
  virtual Status scanActors(const std::function<Scan(const Actor&)>& fn) const = 0;

  // The edge with its evidence; NotFound when there is none with that id.
  virtual Result<Edge> getEdge(EdgeId id) const = 0;
  // The edge without its evidence (two point reads); nullopt when there is
  // none with that id.
  virtual Result<std::optional<EdgeHeader>> getEdgeHeader(EdgeId id) const {
    auto e = getEdge(id);
    if (!e) {
      if (e.status().code() == StatusCode::kNotFound) return std::optional<EdgeHeader>();
      return e.status();
    }
    EdgeHeader h{std::move(e).value(), 0};
    h.evidenceCount = static_cast<uint32_t>(h.edge.evidence.size());
    h.edge.evidence.clear();
    return std::optional<EdgeHeader>(std::move(h));
  }
  // Evidence of one edge, in (document, sentence) order, at most `limit`.
  virtual Result<std::vector<Evidence>> getEvidence(EdgeId id, size_t limit) const = 0;
  // As getEdges, for edges expected at `at[i]`: each record is read at that
  // key without a look in the edge_ids index (whose entries for the edges of
  // one answer lie scattered over the whole family, a block each); an edge
  // not found there (a later write moved or removed it) is looked up by id
  // as getEdges does. out[i] is edge at[i].id, whatever its location says.
  // Errors as getEdges'.
  virtual Result<std::vector<Edge>> getEdgesAt(std::span<const EdgeLocation> at, size_t evidence) const {
    std::vector<EdgeId> ids;
    ids.reserve(at.size());
    for (const EdgeLocation& l : at) ids.push_back(l.id);
    return getEdges(ids, evidence);
  }
  // The edges `ids` (any order, repeats allowed), out[i] for ids[i], each
  // with the first `evidence` records getEvidence(ids[i], evidence) returns:
  // what getEdgeHeader and getEvidence give one id at a time, read together
  // (the RocksDB store: one consistent view, batched point reads in key order
  // and one evidence iterator, instead of three reads and a new iterator per
  // edge). NotFound "no edge with id N" when an id names no edge; IOError /
  // Corruption from the disk.
  virtual Result<std::vector<Edge>> getEdges(std::span<const EdgeId> ids, size_t evidence) const {
    std::vector<Edge> out;
    out.reserve(ids.size());
    for (EdgeId id : ids) {
      auto h = getEdgeHeader(id);
      if (!h) return h.status();
      if (!h->has_value()) return Status::notFound("no edge with id " + std::to_string(id));
      auto ev = getEvidence(id, evidence);
      if (!ev) return ev.status();
      out.push_back(std::move((*h)->edge));
      out.back().evidence = std::move(ev).value();
    }
    return out;
  }
  // Edges leaving `src` (or entering `dst`), ordered by type then from-date.
  virtual Status scanOut(ActorId src, const std::function<Scan(const EdgeHeader&)>& fn) const = 0;
  virtual Status scanIn(ActorId dst, const std::function<Scan(const EdgeHeader&)>& fn) const = 0;
  // Every edge, ordered by source.
  virtual Status scanEdges(const std::function<Scan(const EdgeHeader&)>& fn) const = 0;

  // Curation (FORMAT.md "Curation"); a store without it has none.
  // The actor the names folding to `strictKey` were merged into, if any.
  virtual Result<std::optional<ActorId>> mergedInto(std::string_view /*strictKey*/) const {
    return std::optional<ActorId>();
  }
  // True when a curator removed the fact `f` (WriteBatch::suppressFact).
  virtual Result<bool> isSuppressed(const SuppressedFact& /*f*/) const { return false; }
  // Calls `fn` with every suppressed fact and the id of the edge its removal
  // took, in key order, until it returns kStop. Errors: the disk's.
  virtual Status scanSuppressed(const std::function<Scan(const SuppressedFact&, EdgeId)>& /*fn*/) const {
    return Status::ok();
  }
  // Calls `fn` with every merged name's strict key and the actor it was
  // merged into, in key order, until it returns kStop. Errors: the disk's.
  virtual Status scanMergedNames(const std::function<Scan(std::string_view, ActorId)>& /*fn*/) const {
    return Status::ok();
  }
  // True when actor `id` is marked removed (WriteBatch::setActorRemoved) and
  // no later commit lifted the mark. kg actor rm also removes the actor's
  // record (getActor finds nothing) and records its names as merged into its
  // id (mergedInto), so they still resolve to it. Answered without a read
  // while no actor was ever marked; a read-only open may miss a mark another
  // process committed after it opened (as isSuppressed may miss a
  // suppression). Errors: IOError / Corruption from the disk.
  virtual Result<bool> isActorRemoved(ActorId /*id*/) const { return false; }
  // Calls `fn` with the id of every actor marked removed (isActorRemoved),
  // ascending, until it returns kStop. Errors: the disk's.
  virtual Status scanRemovedActors(const std::function<Scan(ActorId)>& /*fn*/) const { return Status::ok(); }
  // The curation log in seq order.
  virtual Status scanLog(const std::function<Scan(const CurationRecord&)>& /*fn*/) const { return Status::ok(); }

  virtual Result<std::optional<Document>> getDocument(const DocId& id) const = 0;
  virtual Status scanDocuments(const std::function<Scan(const Document&)>& fn) const = 0;
  virtual Result<StoreStats> stats() const = 0;

  // A new empty batch; it borrows this store and must not outlive it.
  virtual std::unique_ptr<WriteBatch> newBatch() = 0;
  // Applies every write of `batch` atomically. On failure nothing of it is
  // stored and the batch may be discarded. FailedPrecondition on a read-only store.
  virtual Status commit(WriteBatch& batch) = 0;
  // Speeds up bulk loads: commits skip the write-ahead log until flush().
  virtual Status flush() = 0;
  // Makes what was committed durable and closes the database, releasing its
  // lock: a writable store syncs its write-ahead log (a bulk-load store
  // flushes its memtables instead), then RocksDB closes. Returns the first
  // error of those steps: IOError naming the step and its cause (a failed
  // sync, a full disk). Committed batches are kept whatever it returns (they
  // are in the write-ahead log, which the next open replays); an error means
  // they may not survive a power loss now. A bulk-load store's commits skip
  // the log: there a failed flush loses those not flushed before. Call it last: nothing but the
  // store's destruction may follow, from any thread. A store destroyed without
  // it closes all the same and ignores the errors. Not safe concurrently with
  // any other call.
  [[nodiscard]] virtual Status close() = 0;
  // Even while no commit or bulk load is landing; each one moves it on, to
  // odd as it starts and to even once it is stored. A reader that sees the
  // same even value before and after its reads read one state of the store
  // (how kgd stamps the pages of a listing read from the store). Safe from
  // any thread.
  virtual uint64_t writeEpoch() const = 0;
  // RocksDB's sequence number: it grows with every commit and bulk load that
  // lands and persists across opens, so two reads of one database that see
  // the same number saw the same contents. A read-only open sees the number
  // of the state it opened. 0 for a store that does not keep one.
  virtual uint64_t sequenceNumber() const { return 0; }
  // A string naming this database for as long as it exists (RocksDB's DB
  // identity, made when it was created); a copy of the directory keeps it,
  // a new database gets another. "" for a store that has none.
  virtual std::string identity() const { return ""; }
  // The change log (FORMAT.md "Change records"): every commit records, in its
  // own batch, the sequence numbers it took and the edges and actors it wrote
  // -- except a curation commit (one that removes edges or actors, or logs a
  // curation command), which records nothing and so leaves a gap.
  // Returns what the commits after sequence number `since` up to `upTo`
  // wrote, when their records cover every sequence number in (since, upTo];
  // nullopt when any is not covered (a bulk load, a write by a kg that
  // predates the log, records dropped by dropChangesThrough) or the store
  // keeps no log: the caller then reads the whole store. Requires since <=
  // upTo <= sequenceNumber(). Errors: IOError / Corruption from the disk.
  virtual Result<std::optional<ChangeSet>> changesSince(uint64_t since, uint64_t upTo) const {
    (void)since;
    (void)upTo;
    return std::optional<ChangeSet>();
  }
  // Deletes the change records of commits that ended at or before `sequence`
  // (the state a saved graph snapshot reflects), in one commit that records
  // itself, so the log of later commits stays gapless. No-op on a store
  // without a log. FailedPrecondition on a read-only store. Kill point
  // `changes.before_drop`.
  virtual Status dropChangesThrough(uint64_t sequence) {
    (void)sequence;
    return Status::ok();
  }
  // A loader for bulk imports (see BulkLoader); it borrows this store and must
  // not outlive it. Reads the fact keys of every stored edge first (O(edges)).
  // FailedPrecondition on a read-only store or a store without bulk loading.
  virtual Result<std::unique_ptr<BulkLoader>> newBulkLoader() {
    return Status::failedPrecondition("this store does not support bulk loading");
  }
  // The write-fault counter this store's file system counts its calls on
  // (KG_FAULT_WRITE, base/write_fault.h), shared so that other writers of the
  // database directory (the graph snapshot file) count on it too; null when
  // no fault is injected. Lives as long as the returned pointer.
  virtual std::shared_ptr<WriteFaults> writeFaults() const { return nullptr; }
};

struct StoreOptions {
  bool createIfMissing = true;
  bool readOnly = false;         // no lock taken; others may write meanwhile
  size_t blockCacheBytes = 64u << 20;
  bool bulkLoad = false;         // no write-ahead log; flush() makes it durable
};

// Opens (or creates) the database at `path`. Errors:
//  InvalidArgument  `path` is a regular file, not a database directory;
//  NotFound         no database at `path` and !createIfMissing;
//  Busy             another process holds the database open for writing;
//  FailedPrecondition  the database has another format version (says which);
//  IOError / Corruption from the disk.
Result<std::unique_ptr<GraphStore>> openStore(const std::string& path, const StoreOptions& options);

}  // namespace kg::storage
