// WorkerPool: a fixed set of threads running queued jobs, with a bounded
// queue so that a flood of requests is refused (trySubmit returns false)
// instead of piling up without limit.
//
// Thread safety: trySubmit may be called from any thread. The destructor
// (or shutdown()) lets running jobs finish, drops queued ones and joins.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace kg::rpc {

class WorkerPool final {
 public:
  // `threads` >= 1; at most `maxQueued` jobs wait for a thread.
  WorkerPool(size_t threads, size_t maxQueued);
  WorkerPool(const WorkerPool&) = delete;
  WorkerPool& operator=(const WorkerPool&) = delete;
  ~WorkerPool();

  // Queues `job`; false (and `job` is dropped) when the queue is full or the
  // pool is shutting down. Jobs must not throw.
  bool trySubmit(std::function<void()> job);
  // Drops queued jobs (their destructors run), waits for running ones, joins.
  void shutdown();

 private:
  void loop();

  const size_t maxQueued_;
  std::mutex mu_;
  std::condition_variable cv_;
  std::deque<std::function<void()>> queue_;  // guarded by mu_
  bool stopping_ = false;                    // guarded by mu_
  std::vector<std::thread> threads_;
};

}  // namespace kg::rpc
