#include "rpc/spin_wait.h"

#include <catch2/catch.hpp>
#include <kj/async-io.h>
#include <kj/debug.h>

#include <chrono>
#include <functional>
#include <string>
#include <thread>

#include <fcntl.h>
#include <unistd.h>

namespace kg::rpc {
namespace {

using std::chrono::microseconds;

TEST_CASE("spinWait: returns once its promise resolves, while the loop spins or after it fell asleep", "[rpc]") {
  auto io = kj::setupAsyncIo();
  LoopActivity activity;
  for (auto spin : {microseconds(0), microseconds(50), microseconds(100'000)}) {
    bool ran = false;
    // Ready after a turn of the loop: found while spinning (or by wait()).
    spinWait(kj::evalLater([&] { ran = true; }), io.waitScope, activity, spin);
    CHECK(ran);
    // Ready after 20 ms of nothing: with a 50 us spin the loop sleeps first, and the timer wakes it.
    ran = false;
    spinWait(io.provider->getTimer().afterDelay(20 * kj::MILLISECONDS).then([&] { ran = true; }), io.waitScope,
             activity, spin);
    CHECK(ran);
  }
}

TEST_CASE("spinWait: a rejected promise throws as wait() would", "[rpc]") {
  auto io = kj::setupAsyncIo();
  LoopActivity activity;
  for (auto spin : {microseconds(0), microseconds(50)}) {
    auto failing = io.provider->getTimer().afterDelay(5 * kj::MILLISECONDS).then([]() -> kj::Promise<void> {
      KJ_FAIL_REQUIRE("the awaited work failed");
    });
    CHECK_THROWS_WITH(spinWait(kj::mv(failing), io.waitScope, activity, spin),
                      Catch::Contains("the awaited work failed"));
  }
}

TEST_CASE("spinWait: bytes from another thread reach the loop while it sleeps, and notes count them", "[rpc]") {
  auto io = kj::setupAsyncIo();
  LoopActivity activity;
  int fds[2];
  REQUIRE(::pipe2(fds, O_NONBLOCK | O_CLOEXEC) == 0);
  auto in = io.lowLevelProvider->wrapInputFd(fds[0], kj::LowLevelAsyncIoProvider::TAKE_OWNERSHIP);
  const int fd = fds[1];
  // Read three single bytes, noting each as the server's streams do; done after the third.
  char buf[1];
  int got = 0;
  std::function<kj::Promise<void>()> readOne = [&]() -> kj::Promise<void> {
    return in->read(buf, 1).then([&]() -> kj::Promise<void> {
      activity.note();
      if (++got == 3) return kj::READY_NOW;
      return readOne();
    });
  };
  // The writer waits 10 ms before each byte: the loop, spinning 50 us, is asleep when each arrives.
  std::thread writer([fd] {
    for (int i = 0; i < 3; ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
      const char c = 'x';
      KJ_ASSERT(::write(fd, &c, 1) == 1);
    }
  });
  const uint64_t before = activity.count();
  spinWait(readOne(), io.waitScope, activity, microseconds(50));
  writer.join();
  ::close(fd);
  CHECK(got == 3);
  CHECK(activity.count() == before + 3);
}

TEST_CASE("spinThenWait: gives the promise's value, whether ready at once, within the spin or after it", "[rpc]") {
  auto io = kj::setupAsyncIo();
  for (auto spin : {microseconds(0), microseconds(50), microseconds(100'000)}) {
    CHECK(spinThenWait(kj::Promise<int>(7), io.waitScope, spin) == 7);
    CHECK(spinThenWait(kj::evalLater([] { return std::string("later"); }), io.waitScope, spin) == "later");
    CHECK(spinThenWait(io.provider->getTimer().afterDelay(10 * kj::MILLISECONDS).then([] { return 42; }),
                       io.waitScope, spin) == 42);
  }
}

}  // namespace
}  // namespace kg::rpc
