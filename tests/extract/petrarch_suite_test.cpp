// PETRARCH2's unit-test suite coded from raw text with its own validation
// dictionaries (tests/extract/petrarch_suite/petrarch_suite.h); floors at the
// measured values. Needs ../shared: fails, never skips, when it is missing.
#include <catch2/catch.hpp>

#include "petrarch_suite/petrarch_suite.h"

TEST_CASE("PETRARCH suite: validation records coded from raw text meet the measured floors", "[petrarch][suite]") {
  auto report = kg::testing::runPetrarchSuite(std::string(KG_PETRARCH_DIR) + "/validation");
  INFO(report.status().toString());
  REQUIRE(report.isOk());
  const auto& t = report->total;
  INFO("records " << t.records << " expected " << t.expected << " exact " << t.exact << " root " << t.root
                  << " produced " << t.produced << " spurious " << t.spurious << " records with spurious "
                  << t.recordsWithSpurious);
  REQUIRE(t.records >= 270);
  CHECK(t.expected >= 350);
  // Floors: the measured values, rounded to the whole percent on the safe side.
  // Measured 270/359 = 75.2% until session 34, 268/359 = 74.7% since: a
  // subject opened by "neither" negates its clause ("Neither Galadriel nor
  // Gollum boycotted the parade", COMPOUND-23), which PETRARCH2 codes as
  // done (two expected events) and we code as not having happened.
  // Session 39: 271/359 = 75.5%, the target (75%): PETRARCH's ARRIVE
  // [032:033] has no pattern, and a verb of arrival takes the state it
  // arrives "in" as the one it visits (DEMO-17).
  CHECK(100 * t.root >= 75 * t.expected);
  // Measured 13/277 = 4.7% until session 25, 14/277 = 5.1% since: the
  // adjunct clause of PATTERN-24 ("... after leaving Eriador") is coded with
  // the validation dictionary's default for LEAVE (012), which PETRARCH2
  // leaves uncoded. The target is at most 10%.
  CHECK(100 * t.recordsWithSpurious <= 6 * t.records);
}
