#include "core/name_index_cache.h"

namespace kg::core {

void NameIndexCache::clear() {
  spaceProbes_.clear();
  anyProbes_.clear();
  actors_.clear();
}

void NameIndexCache::sync() {
  const uint64_t now = store_.writeEpoch();
  if (epoch_ && *epoch_ == now) return;
  clear();
  // Odd: a write is landing; answers read now might straddle it.
  epoch_ = now % 2 == 0 ? std::optional<uint64_t>(now) : std::nullopt;
}

Result<const storage::NameKeyProbe*> NameIndexCache::probe(std::string_view key, char next) {
  auto* table = next == ' ' ? &spaceProbes_ : next == '\0' ? &anyProbes_ : nullptr;
  if (table && epoch_) {
    if (auto it = table->find(key); it != table->end()) return &it->second;
  }
  auto p = store_.probeNameKey(key, next);
  if (!p) return p.status();
  if (!table || !epoch_) {
    uncached_ = std::move(p).value();
    return &uncached_;
  }
  if (spaceProbes_.size() + anyProbes_.size() >= kMaxProbes) {
    spaceProbes_.clear();
    anyProbes_.clear();
  }
  return &table->emplace(std::string(key), std::move(p).value()).first->second;
}

Result<const Actor*> NameIndexCache::actor(ActorId id) {
  if (!epoch_) {
    // Not cached: kept only until the next call, as the contract says.
    actors_.clear();
    auto a = store_.getActor(id);
    if (!a) return a.status();
    auto& slot = actors_[id] = std::move(a).value();
    const Actor* out = slot ? &*slot : nullptr;
    return out;
  }
  auto it = actors_.find(id);
  if (it == actors_.end()) {
    auto a = store_.getActor(id);
    if (!a) return a.status();
    if (actors_.size() >= kMaxActors) actors_.clear();
    it = actors_.emplace(id, std::move(a).value()).first;
  }
  const Actor* out = it->second ? &*it->second : nullptr;
  return out;
}

void NameIndexCache::committed(uint64_t epochBefore, uint64_t epochAfter, std::span<const std::string> keys,
                               std::span<const ActorId> actors) {
  // Exactly the caller's commit landed since the answers were read: a commit
  // moves the epoch by two (odd while it lands).
  if (!epoch_ || *epoch_ != epochBefore || epochAfter != epochBefore + 2) {
    clear();
    epoch_ = epochAfter % 2 == 0 ? std::optional<uint64_t>(epochAfter) : std::nullopt;
    return;
  }
  epoch_ = epochAfter;
  for (ActorId id : actors) actors_.erase(id);
  // A written key changes the probe of itself (ids) and of each of its
  // prefixes (whether a longer key goes on).
  for (const std::string& key : keys) {
    for (size_t n = 0; n <= key.size(); ++n) {
      const std::string_view prefix(key.data(), n);
      if (auto it = spaceProbes_.find(prefix); it != spaceProbes_.end()) spaceProbes_.erase(it);
      if (auto it = anyProbes_.find(prefix); it != anyProbes_.end()) anyProbes_.erase(it);
    }
  }
}

}  // namespace kg::core
