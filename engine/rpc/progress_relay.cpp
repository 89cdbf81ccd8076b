#include "rpc/progress_relay.h"

namespace kg::rpc {

void ProgressRelay::update(uint64_t done, uint64_t total, const char* what) {
  kj::Own<kj::CrossThreadPromiseFulfiller<void>> wake;
  {
    std::lock_guard<std::mutex> lock(mu_);
    latest_.done = done;
    latest_.total = total;
    if (latest_.what != what) latest_.what = what;
    fresh_ = true;
    wake = kj::mv(wake_);
  }
  // Outside the lock: fulfilling queues an event on the loop's thread.
  if (wake.get() != nullptr) wake->fulfill();
}

ProgressRelay::Counts ProgressRelay::takeLocked() {
  fresh_ = false;
  return latest_;
}

kj::Promise<ProgressRelay::Counts> ProgressRelay::next() {
  auto paf = kj::newPromiseAndCrossThreadFulfiller<void>();
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (fresh_) return takeLocked();
    wake_ = kj::mv(paf.fulfiller);
  }
  return paf.promise.then([this] {
    std::lock_guard<std::mutex> lock(mu_);
    return takeLocked();
  });
}

}  // namespace kg::rpc
