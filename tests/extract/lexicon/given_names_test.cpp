#include "extract/lexicon/given_names.h"

#include <catch2/catch.hpp>

#include "../extract_test_util.h"

using namespace kg;
using namespace kg::extract;

TEST_CASE("givenNames: the embedded given_names.txt parses, without words that open place names", "[extract][lexicon]") {
  REQUIRE(parseGivenNames(givenNamesText(), "given_names.txt").isOk());
  const GivenNames& g = givenNames();
  CHECK(g.givenNames.words().size() > 500);
  for (const char* w : {"mohamed", "jorge", "aung", "kim", "roman", "yahya"}) CHECK(g.givenNames.contains(w));
  for (const char* w : {"abu", "san", "al", "jordan", "may", "grace"}) CHECK_FALSE(g.givenNames.contains(w));
  for (const char* w : {"airport", "base", "hospital", "province"}) CHECK(g.placeHeads.contains(w));
}

TEST_CASE("parseGivenNames: a malformed line or a missing set names given_names.txt", "[extract][lexicon]") {
  auto r = parseGivenNames("given_names: ali\nplace_heads: base\nnames: bob\n", "given_names.txt");
  REQUIRE_FALSE(r.isOk());
  CHECK(r.status().message() == "given_names.txt:3: unknown set 'names'");
  r = parseGivenNames("given_names: ali\n", "given_names.txt");
  REQUIRE_FALSE(r.isOk());
  CHECK(r.status().message().find("place_heads") != std::string::npos);
}

TEST_CASE("Mentions: an unknown name that opens with a given name is a person, a place is not", "[extract][mentions]") {
  using kg::extract::testing::actorNames;
  using kg::extract::testing::facts;
  using kg::extract::testing::hasLine;
  // Invented people; nothing but the first name says they are people.
  CHECK(hasLine(facts("Egyptian police detained Mohamed Fathallah on Tuesday.", "2023-05-09"),
                "Egypt -COERCE-> Mohamed Fathallah"));
  CHECK(actorNames("Ecuadorian police arrested Jorge Vinueza Palacios overnight.", "2023-05-09").count("Jorge Vinueza Palacios") == 1);
  // Places: a place word at the end, or a preposition of place before.
  CHECK(actorNames("Flights to Hamad International Airport resumed.", "2023-05-09").count("Hamad International Airport") == 0);
  CHECK(actorNames("Israeli forces raided homes in Ali Kamal on Tuesday.", "2023-05-09").count("Ali Kamal") == 0);
  // One word is not enough.
  CHECK(actorNames("Officials said Mohamed would not return.", "2023-05-09").empty());
}
