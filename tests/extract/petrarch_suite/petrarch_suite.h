// PETRARCH2's own unit-test suite (../shared/data/petrarch/validation:
// PETR.UnitTest.records.xml and the validation actor, agent, verb and
// discard dictionaries it was written for), coded from each record's raw
// text — not its gold parse — by our pipeline: mentions -> shallow parse ->
// event coder, with actor codes from the actor dictionary and agent codes
// composed as PETRARCH does (ARN + ~GOV -> ARNGOV).
//
// Shared by tests/extract/petrarch_suite_test.cpp (floors) and
// bench/petrarch_eval.cpp (the report).
#pragma once

#include <map>
#include <string>
#include <vector>

#include "base/status.h"

namespace kg::testing {

struct SuiteEvent {
  std::string source, target, code;
  friend bool operator==(const SuiteEvent&, const SuiteEvent&) = default;
  friend auto operator<=>(const SuiteEvent&, const SuiteEvent&) = default;
};

struct SuiteRecord {
  std::string id, category, date, text;
  std::vector<SuiteEvent> expected;
  bool noEvents = false;  // <EventCoding noevents="True">
  bool errorRecord = false;  // tests PETRARCH's error handling: not scored
  std::vector<SuiteEvent> produced;
  std::string trace;  // the parse and the mentions, for --verbose
};

struct SuiteCounts {
  size_t records = 0, expected = 0, exact = 0, root = 0, missed = 0, produced = 0, spurious = 0;
  size_t recordsWithSpurious = 0;
};

struct SuiteReport {
  std::vector<SuiteRecord> records;
  SuiteCounts total;
  std::map<std::string, SuiteCounts> byCategory;
  std::vector<std::string> warnings;  // dictionary lines that could not be read
};

// Reads the records of `validationDir`/PETR.UnitTest.records.xml and codes
// them with that directory's dictionaries. NotFound when a file is missing.
Result<SuiteReport> runPetrarchSuite(const std::string& validationDir);

}  // namespace kg::testing
