#include "rpc/buffered_stream.h"

#include <algorithm>
#include <cstring>

namespace kg::rpc {

BufferedStream::BufferedStream(kj::Own<kj::AsyncIoStream> inner, bool gatherWrites)
    : inner_(kj::mv(inner)), gatherWrites_(gatherWrites), readBuf_(kReadAhead) {}

BufferedStream::~BufferedStream() = default;

size_t BufferedStream::take(kj::byte* out, size_t max) {
  const size_t n = std::min(max, readEnd_ - readBegin_);
  if (n) std::memcpy(out, readBuf_.data() + readBegin_, n);
  readBegin_ += n;
  return n;
}

kj::Promise<size_t> BufferedStream::tryRead(void* buffer, size_t minBytes, size_t maxBytes) {
  KJ_IF_MAYBE(e, failed_) { return kj::cp(*e); }
  auto* out = static_cast<kj::byte*>(buffer);
  const size_t got = take(out, maxBytes);
  if (got >= minBytes) return got;
  return fill(out, got, minBytes, maxBytes);
}

kj::Promise<size_t> BufferedStream::fill(kj::byte* out, size_t got, size_t minBytes, size_t maxBytes) {
  // The buffer is empty here. A large read goes straight to the caller.
  if (maxBytes - got >= readBuf_.size())
    return inner_->tryRead(out + got, minBytes - got, maxBytes - got).then([got](size_t n) { return got + n; });
  return inner_->tryRead(readBuf_.data(), 1, readBuf_.size())
      .then([this, out, got, minBytes, maxBytes](size_t n) -> kj::Promise<size_t> {
        if (n == 0) return got;  // end of stream
        readBegin_ = 0;
        readEnd_ = n;
        const size_t now = got + take(out + got, maxBytes - got);
        if (now >= minBytes) return now;
        return fill(out, now, minBytes, maxBytes);
      });
}

kj::Promise<void> BufferedStream::write(const void* buffer, size_t size) {
  const kj::ArrayPtr<const kj::byte> piece(static_cast<const kj::byte*>(buffer), size);
  return write(kj::arrayPtr(&piece, 1));
}

kj::Promise<void> BufferedStream::write(kj::ArrayPtr<const kj::ArrayPtr<const kj::byte>> pieces) {
  KJ_IF_MAYBE(e, failed_) { return kj::cp(*e); }
  // A refused write throws at once in KJ; returned as a broken promise instead
  // (no exception leaves write(), which callers reach through a thunk: see
  // MeteredStream::write in server.cpp for why that matters under TSan).
  if (!gatherWrites_) return kj::evalNow([&] { return inner_->write(pieces); });
  return gather(pieces);
}

kj::Promise<void> BufferedStream::gather(kj::ArrayPtr<const kj::ArrayPtr<const kj::byte>> pieces) {
  for (const auto& p : pieces) pending_.insert(pending_.end(), p.begin(), p.end());
  if (!flushScheduled_) {
    flushScheduled_ = true;
    flushing_ = kj::evalLast([this] { return flush(); }).eagerlyEvaluate([this](kj::Exception&& e) {
      failed_ = kj::mv(e);
      pending_.clear();
      flushScheduled_ = false;
    });
  }
  return kj::READY_NOW;
}

kj::Promise<void> BufferedStream::flush() {
  if (pending_.empty()) {
    flushScheduled_ = false;
    if (shutdownRequested_) inner_->shutdownWrite();
    return kj::READY_NOW;
  }
  writing_.swap(pending_);
  pending_.clear();
  return inner_->write(writing_.data(), writing_.size()).then([this] {
    writing_.clear();
    // What was gathered while that was written goes at the end of this turn.
    return kj::evalLast([this] { return flush(); });
  });
}

void BufferedStream::shutdownWrite() {
  if (flushScheduled_) {
    shutdownRequested_ = true;  // after the gathered bytes
    return;
  }
  inner_->shutdownWrite();
}

}  // namespace kg::rpc
