#include "rpc/spin_wait.h"

#include <sched.h>

#include <utility>

#include <kj/common.h>

namespace kg::rpc {

void LoopActivity::note() {
  ++count_;
  if (sleeper_ != nullptr) std::exchange(sleeper_, nullptr)->fulfill();
}

void yieldCpu() { ::sched_yield(); }

void spinWait(kj::Promise<void> done, kj::WaitScope& waitScope, LoopActivity& activity,
              std::chrono::microseconds spin) {
  if (spin.count() <= 0) return done.wait(waitScope);
  using Clock = std::chrono::steady_clock;
  auto forked = done.fork();
  auto finished = forked.addBranch();
  for (;;) {
    // Spin: poll() runs whatever is ready (events, then the port's I/O
    // without blocking) and says whether `done` has resolved.
    uint64_t seen = activity.count();
    auto quietSince = Clock::now();
    for (;;) {
      if (finished.poll(waitScope)) return finished.wait(waitScope);
      const auto now = Clock::now();
      if (activity.count() != seen) {
        seen = activity.count();
        quietSince = now;
      } else if (now - quietSince >= spin) {
        break;
      } else {
        yieldCpu();
      }
    }
    // Sleep until the loop is given work or `done` resolves.
    auto woken = kj::newPromiseAndFulfiller<void>();
    activity.sleeper_ = woken.fulfiller.get();
    KJ_DEFER(activity.sleeper_ = nullptr);
    forked.addBranch().exclusiveJoin(kj::mv(woken.promise)).wait(waitScope);
  }
}

}  // namespace kg::rpc
