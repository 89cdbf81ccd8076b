#include <catch2/catch.hpp>

#include "base/date.h"

using namespace kg;

TEST_CASE("Date: civil conversion round-trips across 1970 and leap years", "[base]") {
  CHECK(daysFromCivil({1970, 1, 1}) == 0);
  CHECK(daysFromCivil({1969, 12, 31}) == -1);
  CHECK(daysFromCivil({2000, 3, 1}) == 11017);
  CHECK(daysFromCivil({2020, 1, 3}) == 18264);
  for (int32_t d = -800000; d <= 800000; d += 997) {
    CivilDate c = civilFromDays(d);
    REQUIRE(isValidCivil(c));
    REQUIRE(daysFromCivil(c) == d);
  }
}

TEST_CASE("Date: weekday of known days", "[base]") {
  CHECK(weekdayFromDays(daysFromCivil({2020, 1, 6})) == 0);  // a Monday
  CHECK(weekdayFromDays(daysFromCivil({2020, 1, 5})) == 6);  // a Sunday
  CHECK(weekdayFromDays(daysFromCivil({1969, 12, 29})) == 0);
}

TEST_CASE("Date: parse accepts the three precisions", "[base]") {
  auto d = Date::parse("2020-01-03");
  REQUIRE(d.isOk());
  CHECK(d->precision() == DatePrecision::kDay);
  CHECK(d->toString() == "2020-01-03");
  auto m = Date::parse("2020-02");
  REQUIRE(m.isOk());
  CHECK(m->precision() == DatePrecision::kMonth);
  CHECK(m->lastDay() == daysFromCivil({2020, 2, 29}));
  auto y = Date::parse("1958");
  REQUIRE(y.isOk());
  CHECK(y->precision() == DatePrecision::kYear);
  CHECK(y->days() < 0);
  CHECK(y->toString() == "1958");
  CHECK(Date::parse("1958-07-14")->toString() == "1958-07-14");
}

TEST_CASE("Date: parse rejects impossible dates with a reason", "[base]") {
  auto bad = Date::parse("2020-13-45");
  REQUIRE_FALSE(bad.isOk());
  CHECK(bad.status().code() == StatusCode::kInvalidArgument);
  CHECK(bad.status().message().find("month 13") != std::string::npos);
  CHECK(Date::parse("2019-02-29").status().message().find("day 29") != std::string::npos);
  CHECK_FALSE(Date::parse("2020-1-3").isOk());
  CHECK_FALSE(Date::parse("").isOk());
  CHECK_FALSE(Date::parse("yesterday").isOk());
  CHECK_FALSE(Date::parse("2020-01-03x").isOk());
}

TEST_CASE("Date: unknown stays unknown and prints empty", "[base]") {
  Date u;
  CHECK_FALSE(u.known());
  CHECK(u.toString().empty());
  CHECK(u == Date::unknown());
  CHECK(Date::week(daysFromCivil({2020, 1, 8})).toString() == "2020-01-06");
}

TEST_CASE("DateRange: overlap with a window", "[base]") {
  DateRange office{Date::day(2020, 5, 7), Date::day(2022, 10, 27)};
  CHECK(office.overlaps(daysFromCivil({2020, 9, 25}), daysFromCivil({2020, 9, 25})));
  CHECK_FALSE(office.overlaps(daysFromCivil({2020, 1, 1}), daysFromCivil({2020, 5, 6})));
  DateRange open{Date::day(2022, 10, 27), Date()};
  CHECK(open.overlaps(daysFromCivil({2024, 1, 1}), daysFromCivil({2024, 1, 31})));
  DateRange month = DateRange::point(Date::month(2020, 1));
  CHECK(month.overlaps(daysFromCivil({2020, 1, 31}), daysFromCivil({2020, 2, 5})));
  CHECK_FALSE(DateRange{}.overlaps(INT32_MIN, INT32_MAX));
}

TEST_CASE("Date: parse names a year of five digits and refuses year 0000", "[base]") {
  auto five = Date::parse("99999-01-01");
  REQUIRE_FALSE(five.isOk());
  CHECK(five.status().message().find("more than four digits") != std::string::npos);
  for (const char* zero : {"0000", "0000-01", "0000-01-01"}) {
    auto z = Date::parse(zero);
    REQUIRE_FALSE(z.isOk());
    CHECK(z.status().message().find("no year 0000") != std::string::npos);
  }
  CHECK(Date::parse("0001-01-01").isOk());
}
