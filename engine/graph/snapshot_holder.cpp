#include "graph/snapshot_holder.h"

#include <utility>

namespace kg::graph {

std::shared_ptr<const Snapshot> SnapshotHolder::current() const {
  std::lock_guard<std::mutex> lock(mu_);
  return current_;
}

uint64_t SnapshotHolder::publish(std::shared_ptr<const Snapshot> snapshot) {
  std::shared_ptr<const Snapshot> old;
  std::lock_guard<std::mutex> lock(mu_);
  old = std::exchange(current_, std::move(snapshot));
  // `old` is released after the lock: if this was its last holder, freeing a
  // large snapshot must not stall readers. (Declared before `lock`, so it is
  // destroyed after the lock_guard.)
  return ++version_;
}

Status SnapshotHolder::rebuild(const storage::GraphStore& store) {
  std::lock_guard<std::mutex> lock(rebuildMu_);
  auto built = Snapshot::fromStore(store);
  if (!built.isOk()) return built.status();
  publish(std::move(built).value());
  return Status::ok();
}

std::pair<std::shared_ptr<const Snapshot>, uint64_t> SnapshotHolder::currentWithVersion() const {
  std::lock_guard<std::mutex> lock(mu_);
  return {current_, version_};
}

uint64_t SnapshotHolder::version() const {
  std::lock_guard<std::mutex> lock(mu_);
  return version_;
}

}  // namespace kg::graph
