#include "extract/coding/follow_suit.h"

#include <catch2/catch.hpp>

#include "../extract_test_util.h"

using kg::extract::testing::facts;
using kg::extract::testing::hasLine;

TEST_CASE("Follow suit: 'X followed suit' / 'X did the same' repeats the previous sentence's act with X as its source",
          "[extract][coder]") {
  const auto a = facts("ECOWAS suspended Mali on Thursday.\nThe African Union followed suit on Friday.", "2020-08-20");
  CHECK(hasLine(a, "African Union -SANCTION-> Mali"));
  const auto b = facts("Germany expelled two Russian diplomats on Monday.\nPoland did the same.", "2021-06-05");
  CHECK(hasLine(b, "Poland -COERCE-> Russia"));
  // The one acted on answers in kind.
  const auto c = facts("Germany expelled two Russian diplomats on Monday.\nRussia did the same on Tuesday.", "2021-06-05");
  CHECK(hasLine(c, "Russia -COERCE-> Germany"));
  CHECK_FALSE(hasLine(c, "Russia -COERCE-> Russia"));
}

TEST_CASE("Follow suit: nothing is repeated without a subject of its own or an earlier act", "[extract][coder]") {
  // The phrase is not the subject's ("said others followed suit").
  const auto a = facts("Germany expelled two Russian diplomats on Monday.\nAnalysts said others followed suit.", "2021-06-05");
  for (const auto& l : a) CHECK(l.rfind("Analysts", 0) != 0);
  CHECK(a.size() == 1);
  // No act before.
  const auto b = facts("The African Union followed suit on Friday.", "2020-08-21");
  CHECK(b.empty());
  // A planned act is not repeated as done.
  const auto c = facts("Germany will expel two Russian diplomats.\nPoland did the same.", "2021-06-05");
  CHECK_FALSE(hasLine(c, "Poland -COERCE-> Russia"));
}

TEST_CASE("Follow suit: the repeated act is dated by its own sentence, also when the first was told in an after-clause",
          "[extract][coder]") {
  auto x = kg::extract::testing::defaultExtractor().extract(kg::extract::testing::article(
      "EU leaders met on Monday after Germany expelled two Russian diplomats.\nPoland did the same on Tuesday.",
      "2021-06-10"));
  size_t seen = 0;
  for (const auto& e : x.edges) {
    if (x.actors[e.src].actor.name != "Poland" || e.edge.evidence.empty() || e.edge.evidence.front().doc.empty()) continue;
    CHECK(e.edge.when.from == kg::Date::day(2021, 6, 8));
    ++seen;
  }
  CHECK(seen > 0);
}
