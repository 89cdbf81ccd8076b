// PageCursor: the opaque bytes a paged listing goes on from, and the
// ListingCache that makes the pages after the first cost their own size.
#include <catch2/catch.hpp>

#include "core/listing_cache.h"
#include "core/page_cursor.h"

using namespace kg;
using namespace kg::core;

TEST_CASE("PageCursor: what encode() wrote decodes to the same numbers", "[core][paging]") {
  const PageCursor c{listingFingerprint("edges;actor=-"), 42, 1000000007};
  const std::string bytes = c.encode();
  CHECK(bytes.size() == 36);
  auto back = PageCursor::decode(bytes);
  REQUIRE(back.isOk());
  CHECK(back->listing == c.listing);
  CHECK(back->version == 42);
  CHECK(back->position == 1000000007);
}

TEST_CASE("PageCursor: bytes a client made up, cut or changed are InvalidArgument, never a position",
          "[core][paging]") {
  const std::string good = PageCursor{7, 8, 9}.encode();
  auto refused = [](const std::string& bytes, const std::string& why) {
    auto c = PageCursor::decode(bytes);
    REQUIRE_FALSE(c.isOk());
    CHECK(c.status().code() == StatusCode::kInvalidArgument);
    CHECK(c.status().message().find("malformed page cursor") != std::string::npos);
    CHECK(c.status().message().find(why) != std::string::npos);
  };
  refused("", "0 bytes");
  refused(good.substr(0, 35), "35 bytes");
  refused(good + "x", "37 bytes");
  refused(std::string(36, '\0'), "mark");
  for (size_t i = 4; i < good.size(); ++i) {  // any one byte changed after the mark
    std::string bad = good;
    bad[i] = static_cast<char>(bad[i] ^ 0x01);
    INFO("byte " << i);
    refused(bad, "check value");
  }
}

TEST_CASE("ListingCache: keeps listings of one store version, the most recently used within its bounds",
          "[core][paging]") {
  auto ids = [](size_t n) {
    auto v = std::make_shared<std::vector<uint64_t>>(n);
    for (size_t i = 0; i < n; ++i) (*v)[i] = i + 1;
    return ListingCache::Ids(std::move(v));
  };
  SECTION("found by listing and version only") {
    ListingCache cache;
    cache.insert(1, 10, ids(3));
    REQUIRE(cache.find(1, 10) != nullptr);
    CHECK(cache.find(1, 10)->size() == 3);
    CHECK(cache.find(1, 11) == nullptr);
    CHECK(cache.find(2, 10) == nullptr);
    CHECK(cache.bytes() == 24);
  }
  SECTION("a listing of a newer version drops every listing of another version") {
    ListingCache cache;
    cache.insert(1, 10, ids(3));
    cache.insert(2, 10, ids(4));
    cache.insert(3, 11, ids(5));
    CHECK(cache.listings() == 1);
    CHECK(cache.find(1, 10) == nullptr);
    CHECK(cache.find(3, 11) != nullptr);
    CHECK(cache.bytes() == 40);
  }
  SECTION("the least recently used go first when the count or the byte budget is passed") {
    ListingCache cache(/*byteBudget=*/80, /*maxListings=*/2);
    cache.insert(1, 10, ids(2));
    cache.insert(2, 10, ids(2));
    REQUIRE(cache.find(1, 10) != nullptr);  // 1 is now the most recently used
    cache.insert(3, 10, ids(2));
    CHECK(cache.find(2, 10) == nullptr);
    CHECK(cache.find(1, 10) != nullptr);
    CHECK(cache.find(3, 10) != nullptr);
    cache.insert(4, 10, ids(9));  // 72 bytes: only it fits
    CHECK(cache.listings() == 1);
    CHECK(cache.find(4, 10) != nullptr);
    cache.insert(5, 10, ids(11));  // 88 bytes: over the budget alone, not kept, nothing dropped
    CHECK(cache.find(5, 10) == nullptr);
    CHECK(cache.find(4, 10) != nullptr);
  }
  SECTION("a list found stays valid after it is dropped") {
    ListingCache cache(64, 1);
    cache.insert(1, 10, ids(3));
    auto held = cache.find(1, 10);
    cache.insert(2, 10, ids(3));
    REQUIRE(held != nullptr);
    CHECK(held->at(2) == 3);
  }
}
