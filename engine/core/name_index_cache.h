// NameIndexCache: the store's answers to name-key probes and actor reads,
// kept across the articles of one ingest run (core/README.md, "Ingest into a
// large database").
//
// kNamed ingest probes the name index for every capitalised word run of
// every article and reads every actor it finds; consecutive articles name
// mostly the same actors, so most probes repeat one already answered. The
// cache answers those from memory, and stays exactly what the store would
// answer:
//  - it is tied to the store's write epoch (GraphStore::writeEpoch): when the
//    epoch moved since the cache last saw it (a commit or bulk load of any
//    writer), everything is dropped before the next answer;
//  - the caller's own commit is the one exception: `committed()` is told the
//    epoch before and after it and the name keys and actors the commit wrote;
//    when the epoch moved by exactly that one commit, only the answers those
//    keys and actors can change are dropped (the probes of every prefix of a
//    written key: their `longer` may flip), else everything.
// So a cached answer is one the store gave while no write but the caller's
// accounted ones landed. Bounded: past kMaxProbes probes or kMaxActors
// actors the cache starts again empty.
//
// Thread safety: none; one thread (the Ingestor's) uses it. The store's
// const reads it makes are safe alongside other threads' writes.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "base/status.h"
#include "model/actor.h"
#include "storage/graph_store.h"

namespace kg::core {

class NameIndexCache {
 public:
  static constexpr size_t kMaxProbes = size_t{1} << 20;
  static constexpr size_t kMaxActors = size_t{1} << 16;

  // Borrows `store`, which must outlive the cache.
  explicit NameIndexCache(const storage::GraphStore& store) : store_(store) {}
  NameIndexCache(const NameIndexCache&) = delete;
  NameIndexCache& operator=(const NameIndexCache&) = delete;

  // Drops every answer when another write landed since the cache last saw
  // the store (see the class comment). Call before a round of probes.
  void sync();

  // GraphStore::probeNameKey(key, next), from memory when answered since the
  // last sync() that dropped it. Never null; the answer stays valid until
  // the next call of any method. Errors: the store's (not cached).
  Result<const storage::NameKeyProbe*> probe(std::string_view key, char next);

  // GraphStore::getActor(id), likewise. The pointer is null when no actor
  // has that id; it stays valid until the next call of any method.
  Result<const Actor*> actor(ActorId id);

  // The caller committed one batch (or tried: a failed commit wrote nothing
  // and is told with no keys or actors): `epochBefore` and `epochAfter` are
  // GraphStore::writeEpoch read just before and just after the commit, under
  // the caller's write lock; `keys` the name keys it indexed (new actors'
  // keys, added aliases' keys), `actors` the actors it wrote.
  void committed(uint64_t epochBefore, uint64_t epochAfter, std::span<const std::string> keys,
                 std::span<const ActorId> actors);

 private:
  void clear();

  const storage::GraphStore& store_;
  // The write epoch the cached answers were read at; nullopt while a write
  // was landing when the cache last looked (nothing is cached then).
  std::optional<uint64_t> epoch_;
  // Probes by key; `next` is ' ' or '\0' in practice (strict and skeleton
  // runs), other bytes are not cached.
  struct KeyHash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
  };
  using ProbeTable = std::unordered_map<std::string, storage::NameKeyProbe, KeyHash, std::equal_to<>>;
  ProbeTable spaceProbes_;
  ProbeTable anyProbes_;
  std::unordered_map<ActorId, std::optional<Actor>> actors_;
  storage::NameKeyProbe uncached_;  // probe()'s answer when it keeps none
};

}  // namespace kg::core
