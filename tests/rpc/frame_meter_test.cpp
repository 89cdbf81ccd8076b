#include "rpc/frame_meter.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "rpc/raw_socket.h"

namespace kg::rpc {
namespace {

Status feed(FrameMeter& m, const std::string& bytes) {
  return m.feed(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size());
}

TEST_CASE("FrameMeter: follows whole frames fed in any pieces", "[rpc]") {
  PendingBudget budget(1 << 20);
  FrameMeter m(1000, &budget);
  // Two frames: one segment of 2 words; three segments of 1, 0 and 3 words.
  std::string stream = testing::frameHeader({2}) + std::string(16, 'a') + testing::frameHeader({1, 0, 3}) +
                       std::string(32, 'b');
  for (char c : stream) {
    REQUIRE(feed(m, std::string(1, c)).isOk());
    if (m.frames() == 0) CHECK(m.midFrame());
  }
  CHECK(m.frames() == 2);
  CHECK_FALSE(m.midFrame());
  CHECK(budget.used() == 0);
  // All at once as well.
  FrameMeter whole(1000, &budget);
  REQUIRE(feed(whole, stream).isOk());
  CHECK(whole.frames() == 2);
}

TEST_CASE("FrameMeter: refuses a frame from its segment table alone", "[rpc]") {
  PendingBudget budget(1 << 20);
  {
    FrameMeter m(1000, &budget);
    Status s = feed(m, testing::frameHeader({1001}));
    CHECK(s.code() == StatusCode::kLimitExceeded);
    CHECK(s.message().find("8008 bytes; at most 8000") != std::string::npos);
    CHECK_FALSE(feed(m, std::string(8, '\0')).isOk());  // refused for good
  }
  {
    // 512 segments of 2^32-1 words: the sum does not wrap.
    FrameMeter m(1000, &budget);
    CHECK(feed(m, testing::frameHeader(std::vector<uint32_t>(512, 0xffffffffu))).code() ==
          StatusCode::kLimitExceeded);
  }
  {
    // A segment count of 2^32 (wraps to 0 in Cap'n Proto's reader), or 513.
    FrameMeter m(1000, &budget);
    CHECK(feed(m, std::string(8, '\xff')).code() == StatusCode::kInvalidArgument);
    FrameMeter n(1000, &budget);
    CHECK(feed(n, testing::frameHeader(std::vector<uint32_t>(513, 1))).code() == StatusCode::kInvalidArgument);
  }
  CHECK(budget.used() == 0);
}

TEST_CASE("FrameMeter: frames in progress share one budget, given back when they end", "[rpc]") {
  PendingBudget budget(100 * 8);
  FrameMeter a(1000, &budget), b(1000, &budget);
  REQUIRE(feed(a, testing::frameHeader({60}) + std::string(8, 'x')).isOk());
  CHECK(budget.used() == 480);
  Status s = feed(b, testing::frameHeader({60}));
  CHECK(s.code() == StatusCode::kLimitExceeded);
  CHECK(s.message().find("already hold 480 of at most 800 bytes") != std::string::npos);
  REQUIRE(feed(a, std::string(59 * 8, 'x')).isOk());
  CHECK(budget.used() == 0);
  {
    FrameMeter c(1000, &budget);
    REQUIRE(feed(c, testing::frameHeader({100})).isOk());
    CHECK(budget.used() == 800);
  }  // a connection closed mid-frame gives its share back
  CHECK(budget.used() == 0);
}

}  // namespace
}  // namespace kg::rpc
