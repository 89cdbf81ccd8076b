#include "rpc/progress_relay.h"

namespace kg::rpc {

void ProgressRelay::update(uint64_t done, uint64_t total, const char* what) {
  bool wake = false;
  {
    std::lock_guard<std::mutex> lock(mu_);
    latest_.done = done;
    latest_.total = total;
    if (latest_.what != what) latest_.what = what;
    fresh_ = true;
    wake = waiting_;
    waiting_ = false;
  }
  // Outside the lock: the loop runs the closure on its own thread, where the
  // pending next()'s fulfiller lives (or has been cleared, if it was dropped).
  if (wake) inbox_->post([self = shared_from_this()] {
      if (self->wake_ != nullptr && self->wake_->isWaiting()) self->wake_->fulfill();
    });
}

ProgressRelay::Counts ProgressRelay::takeLocked() {
  fresh_ = false;
  return latest_;
}

kj::Promise<ProgressRelay::Counts> ProgressRelay::next() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (fresh_) return takeLocked();
    waiting_ = true;
  }
  auto paf = kj::newPromiseAndFulfiller<void>();
  kj::PromiseFulfiller<void>* mine = paf.fulfiller.get();
  wake_ = mine;
  // Dropped (the call answered or gone) or fulfilled: the pointer is cleared
  // on this thread before the fulfiller goes.
  auto forget = kj::defer([self = shared_from_this(), mine] {
    if (self->wake_ == mine) self->wake_ = nullptr;
  });
  return paf.promise
      .then([self = shared_from_this()] {
        std::lock_guard<std::mutex> lock(self->mu_);
        return self->takeLocked();
      })
      .attach(kj::mv(forget), kj::mv(paf.fulfiller));
}

}  // namespace kg::rpc
