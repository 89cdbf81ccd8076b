// Datelines and bylines (extract/text/dateline.h). Lines written for these tests.
#include "extract/text/dateline.h"

#include <catch2/catch.hpp>

#include "../extract_test_util.h"

using kg::extract::findDateline;

TEST_CASE("Dateline: place, optional date and outlet, then a dash or colon", "[extract][dateline]") {
  auto a = findDateline("BAGHDAD (Reuters) - Iraqi forces arrested three men.");
  REQUIRE(a.has_value());
  CHECK(a->place == "BAGHDAD");
  CHECK(a->outlet == "Reuters");
  CHECK(std::string("BAGHDAD (Reuters) - Iraqi forces arrested three men.").substr(a->end) == " Iraqi forces arrested three men.");
  auto b = findDateline("TEHRAN, March 3 (AFP) \xE2\x80\x94 Iran and Iraq held talks.");
  REQUIRE(b.has_value());
  CHECK(b->place == "TEHRAN");
  CHECK(b->outlet == "AFP");
  auto c = findDateline("Baghdad / Al-Akhbariya: Iraq condemned the strikes.");
  REQUIRE(c.has_value());
  CHECK(c->place == "Baghdad");
  CHECK(c->outlet == "Al-Akhbariya");
  auto d = findDateline("NEW YORK - The council met.");
  REQUIRE(d.has_value());
  CHECK(d->place == "NEW YORK");
  CHECK(d->outlet.empty());
  auto e = findDateline("WASHINGTON, Jan. 5 -- The Pentagon said.");
  REQUIRE(e.has_value());
  CHECK(e->outlet.empty());
}

TEST_CASE("Dateline: ordinary sentences are not datelines", "[extract][dateline]") {
  CHECK_FALSE(findDateline("Iran - a country of 85 million - voted.").has_value());
  CHECK_FALSE(findDateline("Iraq condemned the strikes on Sunday.").has_value());
  CHECK_FALSE(findDateline("The United States (and its allies) - said nothing.").has_value());
  CHECK_FALSE(findDateline("Iran: a history of the revolution").has_value());
  CHECK_FALSE(findDateline("").has_value());
}

TEST_CASE("Dateline: the outlet is the article's, and neither it nor the place is an actor", "[extract][dateline]") {
  const auto& ex = kg::extract::testing::defaultExtractor();
  auto x = ex.extract(kg::extract::testing::article(
      "BAGHDAD (Reuters) - Iraqi forces arrested three members of Kata'ib Hezbollah on Sunday.", "2020-01-05"));
  CHECK(x.outlet == "Reuters");
  for (const auto& a : x.actors) {
    CHECK(a.actor.name != "Reuters");
    CHECK(a.actor.kind != kg::ActorKind::kMedia);
  }
  bool coerce = false;
  for (const auto& e : x.edges)
    coerce = coerce || (x.actors[e.src].actor.name == "Iraq" && x.actors[e.dst].actor.name == "Kata'ib Hezbollah");
  CHECK(coerce);
}
