#include <catch2/catch.hpp>

#include "base/status.h"

using namespace kg;

TEST_CASE("Status: ok is empty, errors carry code and message", "[base]") {
  Status ok;
  CHECK(ok.isOk());
  CHECK(ok.toString() == "OK");
  Status bad = Status::invalidArgument("bad date '2020-13-45'");
  CHECK_FALSE(bad.isOk());
  CHECK(bad.code() == StatusCode::kInvalidArgument);
  CHECK(bad.toString() == "InvalidArgument: bad date '2020-13-45'");
}

TEST_CASE("Result: holds a value or the error it was built from", "[base]") {
  Result<int> v = 42;
  REQUIRE(v.isOk());
  CHECK(*v == 42);
  Result<int> e = Status::notFound("no actor 'X'");
  CHECK_FALSE(e.isOk());
  CHECK(e.status().code() == StatusCode::kNotFound);
  CHECK(e.status().message() == "no actor 'X'");
}
