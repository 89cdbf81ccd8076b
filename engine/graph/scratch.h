// Per-query working memory for traversals over a Snapshot.
//
// A StampedArray maps vertex -> value with O(1) reset: each slot carries the
// epoch it was written in, and reset() just advances the epoch. Queries lease
// a Scratch from the snapshot's ScratchPool, so a query allocates no O(V)
// memory once the pool is warm.
//
// Thread safety: a Scratch (and its arrays) belongs to one query at a time;
// ScratchPool is safe to use from several threads.
#pragma once

#include <algorithm>
#include <cstdint>
#include <memory>
#include <mutex>
#include <vector>

namespace kg::graph {

template <typename T>
class StampedArray {
 public:
  // Forgets every value; sizes the array for `n` vertices.
  void reset(size_t n) {
    if (stamp_.size() != n) {
      stamp_.assign(n, 0);
      value_.resize(n);
      epoch_ = 0;
    }
    if (++epoch_ == 0) {  // wrapped: clear for real once every 2^32 resets
      std::fill(stamp_.begin(), stamp_.end(), 0);
      epoch_ = 1;
    }
  }
  bool has(size_t i) const { return stamp_[i] == epoch_; }
  // Requires has(i).
  const T& get(size_t i) const { return value_[i]; }
  T getOr(size_t i, T fallback) const { return has(i) ? value_[i] : fallback; }
  void set(size_t i, T v) {
    stamp_[i] = epoch_;
    value_[i] = v;
  }
  size_t memoryBytes() const { return stamp_.capacity() * 4 + value_.capacity() * sizeof(T); }

 private:
  std::vector<uint32_t> stamp_;
  std::vector<T> value_;
  uint32_t epoch_ = 0;
};

// The arrays one query may need; algorithms document which they use.
struct Scratch {
  StampedArray<uint32_t> u32[8];
  StampedArray<double> f64[2];
  std::vector<uint32_t> list[4];  // frontiers and queues; keep their capacity
};

class ScratchPool;

// Owns a Scratch until destroyed, then gives it back to its pool.
class ScratchLease {
 public:
  ScratchLease(ScratchPool* pool, std::unique_ptr<Scratch> s) : pool_(pool), s_(std::move(s)) {}
  ScratchLease(ScratchLease&&) = default;
  ScratchLease& operator=(ScratchLease&&) = delete;
  ScratchLease(const ScratchLease&) = delete;
  ~ScratchLease();
  Scratch& operator*() const { return *s_; }
  Scratch* operator->() const { return s_.get(); }

 private:
  ScratchPool* pool_;
  std::unique_ptr<Scratch> s_;
};

class ScratchPool {
 public:
  ScratchLease acquire() {
    std::lock_guard<std::mutex> lock(mu_);
    if (free_.empty()) return ScratchLease(this, std::make_unique<Scratch>());
    auto s = std::move(free_.back());
    free_.pop_back();
    return ScratchLease(this, std::move(s));
  }
  void release(std::unique_ptr<Scratch> s) {
    std::lock_guard<std::mutex> lock(mu_);
    // Keep a few for concurrent queries; drop the rest to bound memory.
    if (free_.size() < kMaxPooled) free_.push_back(std::move(s));
  }

 private:
  static constexpr size_t kMaxPooled = 8;
  std::mutex mu_;
  std::vector<std::unique_ptr<Scratch>> free_;  // guarded by mu_
};

inline ScratchLease::~ScratchLease() {
  if (s_ && pool_) pool_->release(std::move(s_));
}

}  // namespace kg::graph
