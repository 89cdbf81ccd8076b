#include "rpc/frame_meter.h"

#include <algorithm>
#include <string>

namespace kg::rpc {

namespace {

uint32_t le32(const uint8_t* p) {
  return static_cast<uint32_t>(p[0]) | static_cast<uint32_t>(p[1]) << 8 | static_cast<uint32_t>(p[2]) << 16 |
         static_cast<uint32_t>(p[3]) << 24;
}

}  // namespace

bool PendingBudget::tryTake(uint64_t bytes) {
  uint64_t used = used_.load(std::memory_order_relaxed);
  do {
    if (bytes > max_ - used) return false;
  } while (!used_.compare_exchange_weak(used, used + bytes, std::memory_order_relaxed));
  return true;
}

void PendingBudget::give(uint64_t bytes) {
  uint64_t used = used_.load(std::memory_order_relaxed);
  while (!used_.compare_exchange_weak(used, used - std::min(bytes, used), std::memory_order_relaxed)) {
  }
}

FrameMeter::~FrameMeter() {
  if (taken_ > 0) budget_->give(taken_);
}

Status FrameMeter::feed(const uint8_t* bytes, size_t n) {
  if (failed_) return Status::invalidArgument("the connection already sent a refused frame");
  while (n > 0) {
    if (bodyLeft_ > 0) {
      const uint64_t step = std::min<uint64_t>(bodyLeft_, n);
      bodyLeft_ -= step;
      bytes += step;
      n -= static_cast<size_t>(step);
      if (bodyLeft_ == 0) finishFrame();
      continue;
    }
    // The segment count (the first four bytes) says how long the table is.
    const size_t need = tableHave_ < 4 ? 4 : tableNeed_;
    const size_t step = std::min(n, need - tableHave_);
    std::copy(bytes, bytes + step, table_ + tableHave_);
    tableHave_ += step;
    bytes += step;
    n -= step;
    if (tableHave_ == 4) {
      // The first word's low half is the segment count minus one.
      const uint64_t segments = static_cast<uint64_t>(le32(table_)) + 1;
      if (segments > kMaxSegments) {
        failed_ = true;
        return Status::invalidArgument("a frame announcing " + std::to_string(segments) +
                                       " segments; at most " + std::to_string(kMaxSegments));
      }
      // Count, then one size per segment, padded to a whole word.
      tableNeed_ = static_cast<size_t>((4 + 4 * segments + 7) / 8 * 8);
    }
    if (tableHave_ >= 8 && tableHave_ == tableNeed_) KG_RETURN_IF_ERROR(tableComplete());
  }
  return Status::ok();
}

Status FrameMeter::tableComplete() {
  const uint64_t segments = static_cast<uint64_t>(le32(table_)) + 1;
  uint64_t words = 0;
  for (uint64_t i = 0; i < segments; ++i) words += le32(table_ + 4 + 4 * i);  // < 2^41: no overflow
  if (words > maxWords_) {
    failed_ = true;
    return Status::limitExceeded("a frame of " + std::to_string(words * 8) + " bytes; at most " +
                                 std::to_string(maxWords_ * 8));
  }
  if (!budget_->tryTake(words * 8)) {
    failed_ = true;
    return Status::limitExceeded("a frame of " + std::to_string(words * 8) + " bytes while clients' frames in " +
                                 "progress already hold " + std::to_string(budget_->used()) + " of at most " +
                                 std::to_string(budget_->max()) + " bytes");
  }
  taken_ = words * 8;
  bodyLeft_ = words * 8;
  tableHave_ = 0;
  tableNeed_ = 8;
  if (bodyLeft_ == 0) finishFrame();
  return Status::ok();
}

void FrameMeter::finishFrame() {
  budget_->give(taken_);
  taken_ = 0;
  ++frames_;
}

}  // namespace kg::rpc
