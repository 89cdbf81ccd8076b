#include "rpc/buffered_stream.h"

#include <catch2/catch.hpp>
#include <kj/debug.h>
#include <string>
#include <vector>

#pragma GCC diagnostic ignored "-Wnon-virtual-dtor"

namespace kg::rpc {
namespace {

// Counts the reads and writes that reach a stream.
class Counting final : public kj::AsyncIoStream {
 public:
  explicit Counting(kj::Own<kj::AsyncIoStream> inner) : inner_(kj::mv(inner)) {}
  kj::Promise<size_t> tryRead(void* buffer, size_t minBytes, size_t maxBytes) override {
    ++reads;
    return inner_->tryRead(buffer, minBytes, maxBytes);
  }
  kj::Promise<void> write(const void* buffer, size_t size) override {
    ++writes;
    return inner_->write(buffer, size);
  }
  kj::Promise<void> write(kj::ArrayPtr<const kj::ArrayPtr<const kj::byte>> pieces) override {
    ++writes;
    return inner_->write(pieces);
  }
  kj::Promise<void> whenWriteDisconnected() override { return inner_->whenWriteDisconnected(); }
  void shutdownWrite() override { inner_->shutdownWrite(); }
  void abortRead() override { inner_->abortRead(); }
  int reads = 0;
  int writes = 0;

 private:
  kj::Own<kj::AsyncIoStream> inner_;
};

// A stream whose writes throw at once, as KJ's socket streams do when the
// peer has gone (EPIPE, ECONNRESET).
class Refusing final : public kj::AsyncIoStream {
 public:
  kj::Promise<size_t> tryRead(void*, size_t, size_t) override { return size_t(0); }
  kj::Promise<void> write(const void*, size_t) override { KJ_FAIL_REQUIRE("peer gone"); }
  kj::Promise<void> write(kj::ArrayPtr<const kj::ArrayPtr<const kj::byte>>) override { KJ_FAIL_REQUIRE("peer gone"); }
  kj::Promise<void> whenWriteDisconnected() override { return kj::NEVER_DONE; }
  void shutdownWrite() override {}
  void abortRead() override {}
};

std::string readExactly(kj::AsyncIoStream& s, size_t n, kj::WaitScope& ws) {
  std::string out(n, '\0');
  const size_t got = s.tryRead(out.data(), n, n).wait(ws);
  out.resize(got);
  return out;
}

TEST_CASE("BufferedStream: reads ahead and hands the bytes out in order, whatever the piece sizes", "[rpc]") {
  auto io = kj::setupAsyncIo();
  auto pipe = io.provider->newTwoWayPipe();
  auto counted = kj::heap<Counting>(kj::mv(pipe.ends[1]));
  Counting& raw = *counted;
  BufferedStream in(kj::mv(counted), /*gatherWrites=*/false);
  const std::string sent = "segment-table|body-of-the-first-message|finish|next-call";
  pipe.ends[0]->write(sent.data(), sent.size()).wait(io.waitScope);
  pipe.ends[0]->shutdownWrite();

  // Cap'n Proto's pattern: a few bytes, then the rest of the message.
  CHECK(readExactly(in, 14, io.waitScope) == "segment-table|");
  CHECK(raw.reads == 1);  // everything sent so far came with the first read
  CHECK(readExactly(in, 26, io.waitScope) == "body-of-the-first-message|");
  CHECK(readExactly(in, 7, io.waitScope) == "finish|");
  CHECK(raw.reads == 1);
  char rest[64];
  const size_t n = in.tryRead(rest, 1, sizeof(rest)).wait(io.waitScope);
  CHECK(std::string(rest, n) == "next-call");
  // End of stream: a short read, then nothing.
  CHECK(in.tryRead(rest, 1, sizeof(rest)).wait(io.waitScope) == 0);
}

TEST_CASE("BufferedStream: a read larger than the read-ahead goes straight to the caller", "[rpc]") {
  auto io = kj::setupAsyncIo();
  auto pipe = io.provider->newTwoWayPipe();
  BufferedStream in(kj::mv(pipe.ends[1]), false);
  std::string big(3 * BufferedStream::kReadAhead + 5, 'x');
  for (size_t i = 0; i < big.size(); ++i) big[i] = static_cast<char>('a' + i % 26);
  auto writing = pipe.ends[0]->write(big.data(), big.size());
  CHECK(readExactly(in, 3, io.waitScope) == big.substr(0, 3));
  CHECK(readExactly(in, big.size() - 3, io.waitScope) == big.substr(3));
  writing.wait(io.waitScope);
}

TEST_CASE("BufferedStream: gathers the writes of one turn into one write, in order, and shuts down after them",
          "[rpc]") {
  auto io = kj::setupAsyncIo();
  auto pipe = io.provider->newTwoWayPipe();
  auto counted = kj::heap<Counting>(kj::mv(pipe.ends[0]));
  Counting& raw = *counted;
  BufferedStream out(kj::mv(counted), /*gatherWrites=*/true);
  // A finish and the next call, as a client sends them in one turn.
  const std::string finish = "finish|";
  out.write(finish.data(), finish.size()).wait(io.waitScope);
  const std::string a = "next-", b = "call";
  const kj::ArrayPtr<const kj::byte> pieces[] = {
      kj::arrayPtr(reinterpret_cast<const kj::byte*>(a.data()), a.size()),
      kj::arrayPtr(reinterpret_cast<const kj::byte*>(b.data()), b.size())};
  out.write(kj::arrayPtr(pieces, 2)).wait(io.waitScope);
  CHECK(raw.writes == 0);  // gathered, not yet written
  out.shutdownWrite();     // after the gathered bytes
  auto text = pipe.ends[1]->readAllText().wait(io.waitScope);
  CHECK(std::string(text.cStr()) == "finish|next-call");
  CHECK(raw.writes == 1);
}

TEST_CASE("BufferedStream: a write its stream refuses at once is a broken promise, not an exception", "[rpc]") {
  // Callers reach write() through a this-adjusting thunk (AsyncOutputStream
  // is AsyncIoStream's second base); under GCC's TSan an exception leaving
  // one costs a stack kept for the life of the process (server.cpp,
  // MeteredStream::write). The error still reaches whoever waits.
  auto io = kj::setupAsyncIo();
  BufferedStream out(kj::heap<Refusing>(), /*gatherWrites=*/false);
  kj::AsyncOutputStream& asOutput = out;
  const std::string bytes = "finish|";
  kj::Maybe<kj::Promise<void>> writing;
  CHECK_NOTHROW(writing = asOutput.write(bytes.data(), bytes.size()));
  KJ_IF_MAYBE(w, writing) {
    auto e = kj::runCatchingExceptions([&] { w->wait(io.waitScope); });
    KJ_IF_MAYBE(ex, e) { CHECK(std::string(ex->getDescription().cStr()).find("peer gone") != std::string::npos); }
    else FAIL("the refused write reported no error");
  }
}

}  // namespace
}  // namespace kg::rpc
