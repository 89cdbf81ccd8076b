// Cancel: how a running query learns that its answer is no longer wanted (a
// server's deadline passed, its client left), and Checkpoint: how the query's
// expansion loops look at it, every kCheckEvery steps, so that a cancelled
// query stops within a few thousand steps of the request and frees its
// thread instead of finishing in the background.
//
// A step is one edge of a vertex's adjacency the search is about to scan
// (a vertex expansion counts its degree), one heap pop, or one unit of work
// of comparable cost; what a loop counts is said where it counts.
//
// Thread safety: Cancel may be cancelled and polled from any threads at once.
// A Checkpoint belongs to one search on one thread.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <memory>

#include "base/status.h"

namespace kg::query {

class Cancel final {
 public:
  using Clock = std::chrono::steady_clock;

  // Never cancelled until cancel() is called.
  Cancel() = default;
  // Cancelled by cancel(), or by itself once `deadline` has passed (seen by
  // the next poll; the clock is read only when polled).
  explicit Cancel(Clock::time_point deadline) : deadline_(deadline) {}
  Cancel(const Cancel&) = delete;
  Cancel& operator=(const Cancel&) = delete;

  // Asks every query polling this to stop. Idempotent; any thread.
  void cancel() { cancelled_.store(true, std::memory_order_relaxed); }
  // True once cancel() was called or the deadline passed. Reads the clock
  // when a deadline is set: poll it every so many steps, not per edge.
  bool cancelled() const {
    if (cancelled_.load(std::memory_order_relaxed)) return true;
    if (deadline_ == Clock::time_point::max() || Clock::now() < deadline_) return false;
    cancelled_.store(true, std::memory_order_relaxed);
    return true;
  }
  // Steps the checkpoints polling this had counted when they polled it,
  // summed (so a count, not a time: what tests compare). Any thread.
  uint64_t steps() const { return steps_.load(std::memory_order_relaxed); }
  // Times a checkpoint polled this.
  uint64_t polls() const { return polls_.load(std::memory_order_relaxed); }

 private:
  friend class Checkpoint;
  bool poll(uint64_t steps) const {
    steps_.fetch_add(steps, std::memory_order_relaxed);
    polls_.fetch_add(1, std::memory_order_relaxed);
    return cancelled();
  }

  mutable std::atomic<bool> cancelled_{false};
  mutable std::atomic<uint64_t> steps_{0};
  mutable std::atomic<uint64_t> polls_{0};
  const Clock::time_point deadline_ = Clock::time_point::max();
};

// What a query returns when it stopped because its Cancel was cancelled.
inline Status stoppedAtDeadline() {
  return Status::deadlineExceeded("the query was stopped at its deadline; narrow it (filters, fewer hops)");
}

// Counts a search's steps and polls its Cancel (if any) every kCheckEvery of
// them. Once it has seen a cancellation it stays stopped.
class Checkpoint final {
 public:
  static constexpr uint64_t kCheckEvery = 4096;

  // `cancel` may be null (never stops); it must outlive the checkpoint.
  explicit Checkpoint(const Cancel* cancel) : cancel_(cancel) {}
  Checkpoint(const Checkpoint&) = delete;
  Checkpoint& operator=(const Checkpoint&) = delete;
  // Reports the steps counted since the last poll (so Cancel::steps() is
  // exact once the search is over).
  ~Checkpoint() {
    if (cancel_ && pending_) cancel_->steps_.fetch_add(pending_, std::memory_order_relaxed);
  }

  // Counts `n` steps about to be taken; true when the search must stop now
  // (polls the Cancel when kCheckEvery or more steps have been counted since
  // the last poll).
  bool step(uint64_t n = 1) {
    if (stopped_) return true;
    pending_ += n;
    if (pending_ < kCheckEvery) return false;
    return poll();
  }
  // True once a poll saw the cancellation.
  bool stopped() const { return stopped_; }

 private:
  bool poll() {
    if (cancel_) stopped_ = cancel_->poll(pending_);
    pending_ = 0;
    return stopped_;
  }

  const Cancel* cancel_;
  uint64_t pending_ = 0;
  bool stopped_ = false;
};

}  // namespace kg::query
