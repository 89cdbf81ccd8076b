// "also known as" names read from text (extract/actors/known_as.h), through the
// default extractor. Sentences written for these tests from public facts.
#include <catch2/catch.hpp>

#include "../extract_test_util.h"

using namespace kg;
using namespace kg::extract;

namespace {

// The learned aliases of the extracted actor named `name`.
std::vector<std::string> learned(const Extraction& x, const std::string& name) {
  for (const auto& a : x.actors)
    if (a.actor.name == name) return a.learnedAliases;
  return {};
}

}  // namespace

TEST_CASE("KnownAs: 'also known as', 'better known as', 'formerly known as' and 'aka' give aliases",
          "[extract][known_as]") {
  const auto& ex = testing::defaultExtractor();
  auto x = ex.extract(testing::article(
      "The Popular Mobilization Forces, also known as al-Hashd al-Shaabi, paraded in Baghdad.", "2021-06-26"));
  CHECK(learned(x, "Popular Mobilization Forces") == std::vector<std::string>{"al-Hashd al-Shaabi"});
  x = ex.extract(testing::article("Hayat Tahrir al-Sham, formerly known as the Support Front, took Aleppo.", "2024-11-30"));
  CHECK(learned(x, "Hayat Tahrir al-Sham") == std::vector<std::string>{"Support Front"});
  x = ex.extract(testing::article("Kata'ib Hezbollah (also known as the Party of God Battalions) denied it.", "2020-01-02"));
  CHECK(learned(x, "Kata'ib Hezbollah") == std::vector<std::string>{"Party of God Battalions"});
  // The introduced name is no actor of its own.
  for (const auto& a : x.actors) CHECK(a.actor.name != "Party of God Battalions");
}

TEST_CASE("KnownAs: a description after 'known as' is no name, and nothing without the phrase", "[extract][known_as]") {
  const auto& ex = testing::defaultExtractor();
  auto x = ex.extract(testing::article("Qais al-Khazali, known as a hardliner, spoke on Sunday.", "2023-05-07"));
  CHECK(learned(x, "Qais al-Khazali").empty());
  x = ex.extract(testing::article("Kata'ib Hezbollah and Asa'ib Ahl al-Haq denied it.", "2020-01-02"));
  for (const auto& a : x.actors) CHECK(a.learnedAliases.empty());
}
