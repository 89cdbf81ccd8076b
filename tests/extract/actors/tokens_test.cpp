#include "extract/actors/tokens.h"

#include <catch2/catch.hpp>

#include <string>

using namespace kg::extract;

TEST_CASE("Mentions: tokens carry byte offsets into the article text", "[extract][mentions]") {
  const std::string text = "Then al-Muhandis's car, in Baghdad.";
  const auto toks = tokenize(text, 0, text.size(), nullptr);
  REQUIRE(toks.size() >= 6);
  CHECK(text.substr(toks[1].begin, toks[1].end - toks[1].begin) == "al");
  CHECK(toks[1].article);
  CHECK(toks[2].strict == "muhandis");
  CHECK(toks[2].possessive);
  CHECK(toks[3].strict == "car");
  CHECK(toks[4].lower == ",");
}
