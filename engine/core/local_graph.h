// LocalGraph: the GraphApi over an open Engine, in process. Point lookups and edge
// listings read the store; multi-hop queries (neighbourhood, paths,
// timeline, as-of, rank) run on the last published graph snapshot. On first
// use that is the database's snapshot file when it is current
// (graph/snapshot_file.h), else one built from the store and saved; after
// every ingest through this object it is rebuilt and saved.
// `kgd` serves one LocalGraph (rpc::Server); `kg` uses one in local mode,
// without the rpc module.
//
// Thread safety: every method may be called from any number of threads at
// once; ingest and curation calls serialise among themselves (ingestMu_) and
// commit under the engine's write lock with its other writers, while readers
// keep using the previous snapshot.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <span>
#include <string>
#include <unordered_map>

#include "core/engine.h"
#include "core/listing_cache.h"
#include "core/graph_api.h"
#include "core/local_ingest.h"

// Used by LocalGraph's private members only (local_graph.cpp): nothing above
// core sees the graph or extract modules.
namespace kg::graph {
class Snapshot;
struct EdgeRef;
struct LoadOptions;
}  // namespace kg::graph
namespace kg::extract {
class Extractor;
}  // namespace kg::extract

namespace kg::core {

class Ingestor;

// A page of a long result: at most `count` items from `offset`, fewer when
// their approximate wire size would pass `byteBudget` (never fewer than one
// unless `count` is 0). `cursor` (edgesPage, actorsPage): the `nextCursor` of
// the page before, which says where this one starts instead of `offset`
// (page_cursor.h); empty = start at `offset`.
struct PageRequest {
  size_t offset = 0;
  size_t count = SIZE_MAX;
  size_t byteBudget = SIZE_MAX;
  std::string cursor;
};

struct PageSpan {
  size_t total = 0;       // items in the whole result
  size_t next = 0;        // offset of the next page
  bool more = false;      // next < total
  uint64_t version = 0;   // snapshot version (0 for store-only results)
  // edgesPage, actorsPage: where the next page starts, for its PageRequest;
  // empty when no page follows or the store moved while this one was read
  // (the listing must start over).
  std::string nextCursor;
};

// Approximate size of an edge (and its two actor names) in a message.
size_t approxWireBytes(const Edge& e);
size_t approxWireBytes(const Actor& a);

// Drops the store's change log up to what the database's snapshot file
// holds (graph::trimChangeLog), under the engine's write lock; `kg` calls it
// when it closes a database it wrote. Errors: those of the store.
Status trimChangeLog(Engine& engine);

// A writer's fold of the database's snapshot file (graph::foldSnapshotFile
// with the rules a reader applies), under the engine's write lock: `kg`
// calls it when it closes a database it wrote, after trimChangeLog, so that
// the next query maps a current file instead of folding it itself. Returns
// true when it saved the file. Costs a read of the change log and of the
// changed edges when no fold is due. `verifyEveryOpen`: the file is read
// whole before it is merged even when it was verified before
// (graph::SnapshotVerify::kFull instead of kOnce). Errors: those of the store
// and of the file's write; the previous file then stays.
Result<bool> foldSnapshotFile(Engine& engine, bool verifyEveryOpen = false);

class LocalGraph final : public GraphApi {
 public:
  // Borrows `engine`, which must outlive this object. The extractor used by
  // ingest() is created with `dictionaries` on the first ingest.
  explicit LocalGraph(Engine& engine, DictionaryOptions dictionaries = {});
  LocalGraph(const LocalGraph&) = delete;
  LocalGraph& operator=(const LocalGraph&) = delete;
  ~LocalGraph() override;

  Result<storage::StoreStats> stats() override;
  Result<GraphSummary> summary() override;
  Result<std::vector<Actor>> resolve(std::string_view name) override;
  // resolve() from point lookups alone (Engine::resolveIndexed): the
  // same answer when it is not empty; empty when resolve() would go on to
  // scan the name index. Its cost does not grow with the database.
  Result<std::vector<Actor>> resolveIndexed(std::string_view name) { return engine_.resolveIndexed(name); }
  Result<Actor> actor(std::string_view name) override;
  Result<Actor> actorById(ActorId id) override;
  Result<std::vector<Actor>> actors(std::optional<ActorKind> kind) override;
  Result<std::vector<Edge>> edges(const EdgeQuery& q) override;
  // Without an actor or filter: the store's edge counter (no scan); else the
  // length of the whole listing (edgesPage's, kept for its pages).
  Result<uint64_t> countEdges(const EdgeQuery& q) override;
  // Reads each edge when it is visited (core::Engine::forEachEdge).
  Status forEachEdge(const EdgeQuery& q, const std::function<bool(Edge&)>& visit) override;
  Result<NeighbourhoodView> neighbours(const NeighbourQuery& q) override;
  Result<PathsView> paths(const PathQuery& q) override;
  Result<std::vector<Edge>> timeline(const TimelineQuery& q) override;
  // Holds the timeline's snapshot references only; reads each edge when it is visited.
  Status forEachTimelineEdge(const TimelineQuery& q, const std::function<bool(Edge&)>& visit) override;
  Result<std::vector<Edge>> asOf(const AsOfQuery& q) override;
  Result<RankView> rank(const RankQuery& q) override;
  Result<ComponentsView> components(const ComponentsQuery& q) override;
  Result<IngestSummary> ingest(const std::vector<IngestDocument>& docs) override;
  // ingest(), calling `progress` (when set) after each document with the
  // documents done and docs.size(), on the calling thread (kgd relays it to
  // its client).
  Result<IngestSummary> ingest(const std::vector<IngestDocument>& docs,
                                     const std::function<void(uint64_t done, uint64_t total)>& progress);
  std::string nameOf(ActorId id) override;
  Result<MergeResult> mergeActors(const std::string& keep, const std::string& drop, const CurationBy& by) override;
  Result<Actor> aliasActor(const std::string& actor, const std::string& alias, bool add,
                           const CurationBy& by) override;
  Result<Actor> renameActor(const std::string& actor, const std::string& name, const CurationBy& by) override;
  Result<Actor> setActor(const std::string& actor, std::optional<ActorKind> kind, std::optional<std::string> country,
                         const CurationBy& by) override;
  Result<RemoveActorSummary> removeActor(const std::string& actor, bool withEdges, const CurationBy& by) override;
  Result<Edge> removeEdge(EdgeId id, const CurationBy& by) override;
  Result<UndoSummary> undo(std::optional<uint64_t> seq, const CurationBy& by) override;
  Result<std::vector<storage::CurationRecord>> curationLog() override;

  // Paged variants for the server. Each computes the whole result, then
  // loads only the edges of the requested page (see PageRequest); `span`
  // receives the total and where the next page starts. Neighbourhood nodes
  // are returned with the page at offset 0 only; the page, not
  // NeighbourQuery::edgeLimit, says which edges are read.
  //
  // edgesPage and actorsPage list the ids of the whole result once per
  // store version and keep them (ListingCache, keyed by the request and the
  // version): a later page of the same request at the same version, by
  // offset or by cursor, reads only its own items. span->version is the
  // store version; a page read while a write landed gets a version no other
  // page has. Errors besides the store's: InvalidArgument for a cursor that
  // is malformed, of another request, or past its listing's end;
  // FailedPrecondition when the store moved since the cursor's page was read
  // (an ingest or curation landed: the listing must start over).
  Result<std::vector<Edge>> edgesPage(const EdgeQuery& q, const PageRequest& page, PageSpan* span);
  Result<NeighbourhoodView> neighboursPage(const NeighbourQuery& q, const PageRequest& page, PageSpan* span);
  Result<std::vector<Edge>> timelinePage(const TimelineQuery& q, const PageRequest& page, PageSpan* span);
  Result<std::vector<Edge>> asOfPage(const AsOfQuery& q, const PageRequest& page, PageSpan* span);
  Result<std::vector<Actor>> actorsPage(std::optional<ActorKind> kind, const PageRequest& page, PageSpan* span);

  // Version of the current snapshot (0 before the first).
  uint64_t snapshotVersion() const;
  // Publishes the database's snapshot unless one is published already: the
  // snapshot file when it is current, else built from the store and saved
  // (graph::loadSnapshot). Errors: those of the store.
  Status loadSnapshot();
  // Brings the snapshot up to the store's state after writes
  // (graph::updateSnapshot): the edges the change log names merged into it,
  // or rebuilt from the store when the log does not cover the writes; saved
  // as the database's snapshot file when rebuilt or when the unsaved overlay
  // is due to be folded (then the change log is trimmed). Errors: those of
  // the store (a failed save is reported, not returned).
  Status refresh();
  // Where problems with the snapshot file go (one line each: a damaged file
  // that is being rebuilt, a save that failed). Default: stderr, "warning: ".
  // Call before the first query.
  void setSnapshotReport(std::function<void(const std::string&)> report) { report_ = std::move(report); }
  // Receives the progress of a snapshot built from the store
  // (graph::LoadOptions::progress). Call before the first query.
  void setSnapshotProgress(std::function<void(uint64_t done, uint64_t total)> progress) {
    snapshotProgress_ = std::move(progress);
  }
  // true: the snapshot file is read whole (every checksum) at every open
  // (graph::SnapshotVerify::kFull); default false: once per version of the
  // file, then its verification record stands in (kOnce; graph/README.md,
  // "Verified once"). Call before the first query.
  void setSnapshotVerifyEveryOpen(bool every) { verifyEveryOpen_ = every; }

  Engine& engine() { return engine_; }
  // The listings kept for paging (tests, diagnostics).
  const ListingCache& listings() const { return listings_; }

 private:
  // The store's filter for `q`: its window and confidence checked, its actor resolved.
  Result<core::EdgeFilter> edgeFilter(const EdgeQuery& q);
  // The documents a load has read (nullopt: not stored), so that edges
  // reported by one document read it once.
  using DocumentCache = std::map<DocId, std::optional<Document>>;
  // Edges a paged load reads at once when the page has a byte budget.
  static constexpr size_t kLoadBatch = 1024;
  // The stored edge `id` with at most `evidence` snippets.
  Result<Edge> loadEdge(EdgeId id, size_t evidence);
  // Fills docTitle/docDate of each evidence whose document is stored.
  Status addDocuments(std::vector<Evidence>* evidence) const;
  // The same, reading each document once per `docs` (which it fills).
  Status addDocuments(std::vector<Evidence>* evidence, DocumentCache* docs) const;
  // Loads refs[page.offset ...] within the page's count and byte budget.
  Result<std::vector<Edge>> loadEdges(const graph::Snapshot& s, const std::vector<graph::EdgeRef>& refs,
                                      size_t evidence, const PageRequest& page, PageSpan* span);
  Result<Actor> loadActor(ActorId id);
  // The actor `ref` names: loadActor() for an id (NotFound "no actor with id
  // N"), Engine::resolveOne for a name.
  Result<Actor> resolveRef(const ActorRef& ref);

  // The current snapshot, built first when there is none; never null on
  // success. `version`, when given, receives its version, read with it.
  Result<std::shared_ptr<const graph::Snapshot>> snapshot(uint64_t* version = nullptr);
  graph::LoadOptions snapshotOptions() const;
  // An actor as `kg` reads its ACTOR argument (GraphApi's curation methods).
  Result<Actor> actorBySpec(const std::string& spec);
  // Runs a curation command under ingestMu_, then refreshes a published snapshot.
  template <typename T, typename Work>
  Result<T> curate(const CurationBy& by, Work work);

  Engine& engine_;
  // The published snapshot, its loading (one load or rebuild at a time) and
  // the loaded state with its stamp and unsaved overlay (local_graph.cpp).
  struct Snapshots;
  const std::unique_ptr<Snapshots> snapshots_;
  std::function<void(const std::string&)> report_;
  std::function<void(uint64_t, uint64_t)> snapshotProgress_;
  bool verifyEveryOpen_ = false;
  const DictionaryOptions dictionaries_;
  // A listing read straight from the store (edges, actors) is stamped with
  // the store's write epoch (GraphStore::writeEpoch: odd while a commit
  // lands), so an ingest that commits nothing, or is still extracting,
  // restarts no reader. A page read while it moved gets a stamp no other
  // page has, so a client paging through restarts instead of mixing two
  // states of the store.
  uint64_t storeVersion(uint64_t epochBefore);
  // The ids of listing `listing` (fingerprint of its request) at the store
  // state of write epoch `epoch`: kept ones, else `select()`'s, kept when the
  // epoch was stable and did not move while they were selected.
  template <typename Select>
  Result<ListingCache::Ids> listingIds(uint64_t listing, uint64_t epoch, Select&& select);
  // Where a page of listing `listing` starts at write epoch `epoch`: the
  // cursor's position after checking it (see edgesPage), else page.offset.
  Result<size_t> pageStart(const PageRequest& page, uint64_t listing, uint64_t epoch) const;
  // The cursor of the page after one that ended at `next`, read at `epoch`.
  std::string nextCursor(const PageSpan& span, uint64_t listing, uint64_t epoch) const;
  ListingCache listings_;
  // nameOf's answers, kept while the store's write epoch stays the even
  // value they were read at (any commit or bulk load moves it, and the next
  // call starts afresh), so printing many edges among few actors reads each
  // actor once. At most kMaxCachedNames entries (then it starts afresh).
  static constexpr size_t kMaxCachedNames = 1u << 16;
  std::mutex namesMu_;       // guards the two below
  uint64_t namesEpoch_ = 1;  // odd: nothing kept
  std::unordered_map<ActorId, std::string> names_;
  std::atomic<uint64_t> unstablePages_{0};
  std::mutex ingestMu_;  // serialises ingest() and curation; guards the two below
  std::unique_ptr<extract::Extractor> extractor_;
  std::unique_ptr<Ingestor> ingestor_;
};

}  // namespace kg::core
