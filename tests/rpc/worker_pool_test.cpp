#include "rpc/worker_pool.h"

#include <atomic>
#include <catch2/catch.hpp>
#include <future>

namespace kg {
namespace {

TEST_CASE("WorkerPool: runs every queued job", "[rpc]") {
  std::atomic<int> ran{0};
  {
    rpc::WorkerPool pool(2, 1000);
    std::vector<std::promise<void>> done(100);
    for (auto& d : done) REQUIRE(pool.trySubmit([&ran, &d] { ++ran; d.set_value(); }));
    for (auto& d : done) d.get_future().wait();
  }
  CHECK(ran == 100);
}

TEST_CASE("WorkerPool: refuses jobs beyond its queue and drops queued ones at shutdown", "[rpc]") {
  std::promise<void> release;
  std::shared_future<void> gate = release.get_future().share();
  std::promise<void> started;
  std::atomic<int> ran{0};
  rpc::WorkerPool pool(1, 2);
  REQUIRE(pool.trySubmit([&] {
    started.set_value();
    gate.wait();
    ++ran;
  }));
  started.get_future().wait();  // the only thread is busy now
  CHECK(pool.trySubmit([&] { ++ran; }));
  CHECK(pool.trySubmit([&] { ++ran; }));
  CHECK(!pool.trySubmit([&] { ++ran; }));
  std::thread stopper([&] { pool.shutdown(); });
  release.set_value();
  stopper.join();
  CHECK(ran >= 1);
  CHECK(ran <= 3);
  CHECK(!pool.trySubmit([&] { ++ran; }));
}

}  // namespace
}  // namespace kg
