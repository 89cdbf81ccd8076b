// LoopInbox: the one way work reaches an event loop from another thread in
// kgd (an answer from a worker, a progress report, an accepted connection,
// a request to stop). Internal to kg_rpc (it exposes KJ types).
//
// Why not KJ's own cross-thread tools (kj::Executor::executeAsync,
// newPromiseAndCrossThreadFulfiller): they hand objects between threads
// under a futex-based mutex inside Debian's uninstrumented libkj-async, so
// ThreadSanitizer sees no order between the thread that writes an answer and
// the loop that reads and frees it, and reports a race whose stacks it often
// cannot even restore (so no suppression by library can catch it reliably).
// Here everything that crosses threads is a std::function moved through a
// std::mutex (which TSan sees), and the loop is woken by an eventfd that it
// reads as an ordinary stream: no KJ object is ever touched off its thread.
//
// Thread safety: post() from any thread. serve() and close() on the loop's
// own thread; closures run there, in the order posted.
#pragma once

#include <kj/async-io.h>

#include <deque>
#include <functional>
#include <memory>
#include <mutex>

#include "rpc/spin_wait.h"

namespace kg::rpc {

class LoopInbox final {
 public:
  // Makes the eventfd; throws kj::Exception when the system refuses one.
  LoopInbox();
  LoopInbox(const LoopInbox&) = delete;
  LoopInbox& operator=(const LoopInbox&) = delete;
  ~LoopInbox();

  // Queues `fn` to run on the loop's thread and wakes the loop. False when
  // the inbox is closed: `fn` is then destroyed on the caller's thread, so a
  // closure must own nothing that belongs to the loop (hold the loop's
  // objects by a pointer that only the loop reads).
  bool post(std::function<void()> fn);

  // On the loop's thread: runs posted closures as they come, until the
  // promise is dropped, and notes each batch in `activity` (when not null;
  // it must outlive the promise). The inbox must outlive the promise.
  kj::Promise<void> serve(kj::LowLevelAsyncIoProvider& lowLevel, LoopActivity* activity = nullptr);

  // On the loop's thread, after dropping serve()'s promise: later posts are
  // refused and queued closures are destroyed without running.
  void close();

 private:
  kj::Promise<void> drain(kj::AsyncInputStream& in, LoopActivity* activity);

  int fd_ = -1;
  std::mutex mu_;
  std::deque<std::function<void()>> queue_;  // guarded by mu_
  bool closed_ = false;                      // guarded by mu_
  uint64_t wakeBuffer_ = 0;                  // the loop's read buffer
};

}  // namespace kg::rpc
