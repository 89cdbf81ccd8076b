// SnapshotHolder: the current Snapshot of a store, replaced whole after writes.
//
// Readers take a shared_ptr copy (current()) and keep using it for as long as
// they like; publishing a new snapshot never waits for them and never changes
// the one they hold. The old snapshot is freed when its last reader lets go.
//
// Thread safety: every method may be called from any thread. current() and
// publish() hold a mutex only while copying a pointer; rebuild() builds
// outside that mutex and serialises concurrent rebuilds among themselves.
#pragma once

#include <cstdint>
#include <memory>
#include <utility>
#include <mutex>

#include "base/status.h"
#include "graph/snapshot.h"
#include "storage/graph_store.h"

namespace kg::graph {

class SnapshotHolder final {
 public:
  SnapshotHolder() = default;
  SnapshotHolder(const SnapshotHolder&) = delete;
  SnapshotHolder& operator=(const SnapshotHolder&) = delete;

  // The latest published snapshot; nullptr before the first publish/rebuild.
  std::shared_ptr<const Snapshot> current() const;
  // Replaces the current snapshot; returns the new version number.
  uint64_t publish(std::shared_ptr<const Snapshot> snapshot);
  // Builds a snapshot of `store` and publishes it. Store errors are returned
  // and the current snapshot stays in place.
  Status rebuild(const storage::GraphStore& store);
  // Counts publishes; 0 before the first.
  uint64_t version() const;
  // The current snapshot and its version, read together (one lock), so that
  // a page never pairs one snapshot with another's version.
  std::pair<std::shared_ptr<const Snapshot>, uint64_t> currentWithVersion() const;

 private:
  mutable std::mutex mu_;
  std::shared_ptr<const Snapshot> current_;  // guarded by mu_
  uint64_t version_ = 0;                     // guarded by mu_
  std::mutex rebuildMu_;                     // one rebuild at a time
};

}  // namespace kg::graph
