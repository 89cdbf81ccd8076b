// Spinning before sleeping on an event loop. Internal to kg_rpc (it exposes
// KJ types).
//
// Why: a call over loopback wakes a sleeping thread at each end (kgd's loop
// when the call arrives, the client when the answer does). When the two
// threads run on different CPUs and the other CPU is idle, each wake-up
// costs what that CPU takes to come out of its idle state; on a virtual
// machine whose idle virtual CPUs halt (this project's 2-vCPU machine) that
// is 20-40 us, against a resolve call's 6 us in process, and it was most of
// the time RPC added to a call whenever the scheduler placed client and
// server apart (bench/README.md, "RPC latency"). A thread that polls its
// sockets for a few tens of microseconds after its last work, before it
// sleeps, keeps its CPU awake and sees the next message at once. It costs
// CPU only right after work (at most `spin` per quiet spell, yielding to any
// other runnable thread in between), nothing while idle.
//
// Thread safety: a LoopActivity and spinWait belong to one event loop's thread.
#pragma once

#include <kj/async.h>

#include <chrono>
#include <cstdint>

namespace kg::rpc {

// Counts the work an event loop is given (bytes arriving on a connection,
// closures posted to its inbox) and ends spinWait's sleep when some arrives.
class LoopActivity final {
 public:
  LoopActivity() = default;
  LoopActivity(const LoopActivity&) = delete;
  LoopActivity& operator=(const LoopActivity&) = delete;

  // Notes that the loop was given work. On the loop's thread.
  void note();
  // How many notes so far.
  uint64_t count() const { return count_; }

 private:
  friend void spinWait(kj::Promise<void> done, kj::WaitScope& waitScope, LoopActivity& activity,
                       std::chrono::microseconds spin);
  uint64_t count_ = 0;
  kj::PromiseFulfiller<void>* sleeper_ = nullptr;  // spinWait's sleep, while it sleeps
};

// Gives the CPU to any other runnable thread (sched_yield).
void yieldCpu();

// Runs the loop of `waitScope` until `done` resolves, and returns (or throws
// its exception) as done.wait(waitScope) would. While done is pending the
// loop polls its event port without sleeping until `spin` has passed since
// `activity` last counted work; then it sleeps until the next note (or until
// done resolves) and spins again. spin <= 0: done.wait(waitScope).
void spinWait(kj::Promise<void> done, kj::WaitScope& waitScope, LoopActivity& activity,
              std::chrono::microseconds spin);

// Waits for `promise` as promise.wait(waitScope) does, polling the loop
// without sleeping for up to `spin` first, yielding the CPU between polls (a
// client waiting for its answer).
template <typename T>
T spinThenWait(kj::Promise<T>&& promise, kj::WaitScope& waitScope, std::chrono::microseconds spin) {
  if (spin.count() > 0) {
    const auto until = std::chrono::steady_clock::now() + spin;
    while (!promise.poll(waitScope) && std::chrono::steady_clock::now() < until) yieldCpu();
  }
  return promise.wait(waitScope);
}

}  // namespace kg::rpc
