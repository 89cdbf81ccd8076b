// Engine: the one public C++ facade of ActorGraph, used by the CLI, the RPC
// service and the examples. It owns the store and wires extraction, storage
// and queries together.
//
// Thread safety: const methods may be called concurrently from any thread;
// the write methods (addActor, addEdge, commit, withWriteLock) serialise among
// themselves on the engine's own write lock: callers never lock anything.
#pragma once

#include <atomic>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <type_traits>
#include <vector>

#include "base/status.h"
#include "model/actor.h"
#include "model/edge.h"
#include "query/options.h"
#include "storage/graph_store.h"

namespace kg::core {

struct EngineOptions {
  bool readOnly = false;          // open without the write lock (others may write)
  bool createIfMissing = true;
  bool bulkLoad = false;
};

// Which stored edges Engine::edges lists: the query filters shared by every
// query (types, date window, undated, direction, min confidence), applied
// while scanning, plus an optional actor and a limit.
struct EdgeFilter {
  std::optional<ActorId> actor;  // edges touching this actor; filter.direction is relative to it
  query::Filter filter;          // direction is ignored without an actor
  size_t limit = SIZE_MAX;       // stop scanning after this many matches
};

class Engine {
 public:
  // Errors as storage::openStore.
  static Result<std::unique_ptr<Engine>> open(const std::string& path, const EngineOptions& options);
  Engine(const Engine&) = delete;
  Engine& operator=(const Engine&) = delete;
  ~Engine();

  // The store, to read; valid as long as this Engine. Writes go through
  // addActor, addEdge or withWriteLock, which hold the engine's write lock:
  // there is no writable store outside it.
  const storage::GraphStore& store() const { return *store_; }
  const std::string& path() const { return path_; }
  // Closes the store (GraphStore::close: syncs what was committed, then
  // closes the database); its errors name the step and the cause. Call it
  // last, with no other call running: nothing but destruction may follow.
  [[nodiscard]] Status close() { return store_->close(); }

  // Adds an actor, indexing its name and aliases. AlreadyExists when the name
  // already names an actor of the same kind (message names it).
  Result<Actor> addActor(Actor actor);
  // Adds an edge (or merges it into the stored edge of the same event or
  // office: storage/merge_rule.h). Requires
  // existing src and dst ids; InvalidArgument otherwise.
  Result<Edge> addEdge(Edge edge);

  // The name-index keys of `a`'s name and aliases (what addActor indexes it
  // under), without repeats.
  static std::vector<std::string> nameKeysFor(const Actor& a);

  // Actors whose name or alias folds to the same key as `name`, best first;
  // when none does, a single word resolves to the people whose name ends in
  // it (a surname), so "Pompeo" finds Mike Pompeo. Scans the name index then.
  // A title written in front ("President Joe Biden", "Foreign Minister Fuad
  // Hussein") is dropped when the whole name finds nothing.
  Result<std::vector<Actor>> resolve(std::string_view name) const;
  // The first step of resolve(): the actors whose name or alias folds to the
  // same key as `name`, best first, from point lookups alone (no scan of the
  // name index, so its cost does not grow with the database). Empty when no
  // key matches; resolve() then goes on to surnames and titles.
  Result<std::vector<Actor>> resolveIndexed(std::string_view name) const;
  // Exactly one actor for `name`: NotFound "unknown actor 'X'; closest known
  // names: A, B, C" when none; InvalidArgument listing the candidates when
  // several of different kinds share the name.
  Result<Actor> resolveOne(std::string_view name) const;
  // Up to `n` known names closest to `name` (edit distance on folded keys).
  std::vector<std::string> closestNames(std::string_view name, size_t n) const;

  Result<std::vector<Actor>> actors(std::optional<ActorKind> kind) const;
  // Edges matching `filter`, at most filter.limit of them (the first found in
  // key order: by source, or out-edges then in-edges of filter.actor), then
  // ordered by start date with undated edges last; each with up to
  // `evidenceLimit` evidence. The window is not validated here (see
  // query::EdgePredicate::compile). Errors: those of the store; DeadlineExceeded
  // when the filter's Cancel is cancelled while it reads.
  Result<std::vector<Edge>> edges(const EdgeFilter& filter, size_t evidenceLimit) const;
  // The edges edges() returns, in the same order and with the same evidence,
  // handed to `visit` one at a time (`visit` returns false to stop), so that
  // a long listing is written as it is read: only the selected edges' ids and
  // start dates are held (16 bytes an edge), each edge's record and evidence
  // are read when it is visited. An edge removed between the two reads (a
  // concurrent curation) is skipped. Errors: as edges(); LimitExceeded when
  // more than 2^32 - 1 edges are selected.
  Status forEachEdge(const EdgeFilter& filter, size_t evidenceLimit, const std::function<bool(Edge&)>& visit) const;
  // The ids of the edges edges() returns, in the same order: one scan of the
  // selected headers (16 bytes an edge held while sorting, 8 returned), no
  // record or evidence read after it. Errors: as forEachEdge().
  Result<std::vector<EdgeId>> selectEdgeIds(const EdgeFilter& filter) const;
  Result<storage::StoreStats> stats() const { return store_->stats(); }

  // A batch of writes to fill and then commit(); it writes nothing before.
  // Ids it hands out are the store's (unique even if it is never committed).
  std::unique_ptr<storage::WriteBatch> newBatch() { return store_->newBatch(); }
  // Commits `batch` (from newBatch()) whole under the engine's write lock.
  // For a batch whose content does not depend on what the store holds;
  // one that does is built and committed inside withWriteLock. Errors:
  // those of the store. Requires: not called from inside withWriteLock.
  [[nodiscard]] Status commit(storage::WriteBatch& batch);

  // Runs `work(store())` while no other write of this Engine runs, holding
  // the engine's write lock for the whole call: what `work` reads to decide
  // a batch and the commit of that batch are one step for every other writer
  // (ingest commits, curation, imports, addActor, addEdge). Returns what
  // `work` returns. Requires: `work` calls no write method of this Engine
  // (the lock is not recursive; asserted in debug builds). Readers are not
  // held up.
  template <typename Work>
  std::invoke_result_t<Work&, storage::GraphStore&> withWriteLock(Work&& work) {
    WriteGuard guard(*this);
    return work(*store_);
  }

 private:
  // Holds writeMu_ for its lifetime and records the holding thread, so that
  // a write method called from inside withWriteLock is caught by an
  // assertion instead of deadlocking.
  class WriteGuard {
   public:
    explicit WriteGuard(Engine& engine);
    ~WriteGuard();
    WriteGuard(const WriteGuard&) = delete;
    WriteGuard& operator=(const WriteGuard&) = delete;

   private:
    Engine& engine_;
  };

  Engine(std::string path, std::unique_ptr<storage::GraphStore> store);
  std::string path_;
  std::unique_ptr<storage::GraphStore> store_;
  std::mutex writeMu_;                     // guards writes to store_; taken by WriteGuard only
  std::atomic<std::thread::id> writer_{};  // the thread holding writeMu_, if any
};

}  // namespace kg::core
