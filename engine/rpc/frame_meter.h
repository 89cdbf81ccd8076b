// FrameMeter: follows the Cap'n Proto stream framing (a segment table, then
// the segments) of the bytes one client sends, so that the server can refuse
// a frame from its segment table alone — before the message reader allocates
// room for it — and can tell whether a client stopped in the middle of a
// frame (a slowloris) or between frames (idle).
//
// PendingBudget: the bytes of frames announced but not yet fully received,
// summed over every connection, with a maximum; it bounds what many clients
// each sending most of a large frame can make the server hold.
//
// Thread safety: a PendingBudget is (the server's event loops share one); a
// FrameMeter is not (it belongs to one connection, on its loop's thread).
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>

#include "base/status.h"

namespace kg::rpc {

class PendingBudget final {
 public:
  explicit PendingBudget(uint64_t maxBytes) : max_(maxBytes) {}
  PendingBudget(const PendingBudget&) = delete;
  PendingBudget& operator=(const PendingBudget&) = delete;

  // Takes `bytes` and returns true, or returns false (taking nothing) when
  // that would exceed the maximum.
  bool tryTake(uint64_t bytes);
  // Gives back bytes taken earlier.
  void give(uint64_t bytes);
  uint64_t used() const { return used_.load(std::memory_order_relaxed); }
  uint64_t max() const { return max_; }

 private:
  const uint64_t max_;
  std::atomic<uint64_t> used_{0};
};

class FrameMeter final {
 public:
  // Cap'n Proto's own reader refuses more segments than this.
  static constexpr uint32_t kMaxSegments = 512;

  // Frames of more than `maxFrameWords` 8-byte words are refused; the body of
  // each frame is taken from `budget` (borrowed; must outlive the meter) from
  // its segment table until its last byte.
  FrameMeter(uint64_t maxFrameWords, PendingBudget* budget) : maxWords_(maxFrameWords), budget_(budget) {}
  FrameMeter(const FrameMeter&) = delete;
  FrameMeter& operator=(const FrameMeter&) = delete;
  ~FrameMeter();

  // Follows `n` more bytes of the stream. InvalidArgument for a segment table
  // that is no frame (0 or more than kMaxSegments segments); LimitExceeded
  // for a frame larger than the maximum or than what the budget has left.
  // After an error the meter refuses everything; the connection must close.
  Status feed(const uint8_t* bytes, size_t n);
  // True between the first byte of a frame and its last.
  bool midFrame() const { return tableHave_ > 0 || bodyLeft_ > 0; }
  // Frames received whole so far.
  uint64_t frames() const { return frames_; }

 private:
  Status tableComplete();
  void finishFrame();

  const uint64_t maxWords_;
  PendingBudget* budget_;
  uint8_t table_[8 + 4 * kMaxSegments] = {};
  size_t tableHave_ = 0;
  size_t tableNeed_ = 8;  // known after the first four bytes
  uint64_t bodyLeft_ = 0;
  uint64_t taken_ = 0;  // from budget_, for the frame being received
  uint64_t frames_ = 0;
  bool failed_ = false;
};

}  // namespace kg::rpc
