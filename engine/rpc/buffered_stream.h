// BufferedStream: a byte stream that reads ahead and, optionally, gathers
// the writes of one event-loop turn into one system call. Internal to kg_rpc
// (it exposes KJ types).
//
// Why: Cap'n Proto 0.9 reads each message with two reads (its segment table,
// then its body) and writes each message with its own writev, and every
// call is three messages (call, return, finish). On loopback each of those
// system calls costs about as much as a small query. Reading ahead turns
// "finish, next call" into one read; gathering writes turns a client's
// "finish, next call" into one writev.
//
// Gathered writes are copied and reported done at once; they reach the
// socket when the event loop runs out of other work in its turn (kj::evalLast),
// in order. A failed flush fails every later write and read of the stream.
//
// Thread safety: like any KJ stream, confined to its event loop's thread.
#pragma once

#include <kj/async-io.h>

#include <cstddef>

#include <vector>

// KJ's stream interfaces have protected non-virtual destructors.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wnon-virtual-dtor"

namespace kg::rpc {

class BufferedStream final : public kj::AsyncIoStream {
 public:
  static constexpr size_t kReadAhead = 8192;

  explicit BufferedStream(kj::Own<kj::AsyncIoStream> inner, bool gatherWrites);
  ~BufferedStream();

  kj::Promise<size_t> tryRead(void* buffer, size_t minBytes, size_t maxBytes) override;
  kj::Promise<void> write(const void* buffer, size_t size) override;
  kj::Promise<void> write(kj::ArrayPtr<const kj::ArrayPtr<const kj::byte>> pieces) override;
  kj::Promise<void> whenWriteDisconnected() override { return inner_->whenWriteDisconnected(); }
  void shutdownWrite() override;
  void abortRead() override { inner_->abortRead(); }

 private:
  // Moves buffered bytes to `out` (at most `max`); how many.
  size_t take(kj::byte* out, size_t max);
  kj::Promise<size_t> fill(kj::byte* out, size_t got, size_t minBytes, size_t maxBytes);
  kj::Promise<void> gather(kj::ArrayPtr<const kj::ArrayPtr<const kj::byte>> pieces);
  // Writes what was gathered, then what was gathered meanwhile.
  kj::Promise<void> flush();

  kj::Own<kj::AsyncIoStream> inner_;
  const bool gatherWrites_;
  std::vector<kj::byte> readBuf_;
  size_t readBegin_ = 0, readEnd_ = 0;  // unread bytes: readBuf_[readBegin_, readEnd_)
  std::vector<kj::byte> pending_;       // gathered, not yet handed to inner_
  std::vector<kj::byte> writing_;       // being written by inner_
  bool flushScheduled_ = false;         // a flush will run (or is running)
  bool shutdownRequested_ = false;      // shutdownWrite() after the pending bytes
  kj::Maybe<kj::Exception> failed_;     // a flush failed: the stream is broken
  kj::Promise<void> flushing_ = kj::READY_NOW;  // the flush in progress, if any
};

}  // namespace kg::rpc

#pragma GCC diagnostic pop
