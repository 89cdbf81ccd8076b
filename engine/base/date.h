// Calendar dates with a precision, and date ranges.
//
// A Date is a day count since 1970-01-01 (negative before) plus how much of it
// is known: the year only, the month, the week, the day, or nothing at all.
// A date of year precision stores its first day (YYYY-01-01), of month
// precision the first of the month, of week precision the Monday of the week.
// An unknown date stays unknown; it is never replaced by today's date.
// Plain value type; safe to share across threads.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "base/status.h"

namespace kg {

enum class DatePrecision : uint8_t { kUnknown = 0, kYear = 1, kMonth = 2, kWeek = 3, kDay = 4 };

const char* precisionName(DatePrecision p);

struct CivilDate {
  int year = 1970;
  int month = 1;  // 1..12
  int day = 1;    // 1..31
};

// Days since 1970-01-01 for a proleptic Gregorian date (valid for any int year
// in +-1,000,000). Does not validate; see isValidCivil.
int32_t daysFromCivil(CivilDate c);
CivilDate civilFromDays(int32_t days);
bool isValidCivil(CivilDate c);
int daysInMonth(int year, int month);
// 0 = Monday .. 6 = Sunday.
int weekdayFromDays(int32_t days);

class Date {
 public:
  Date() = default;  // unknown
  static Date unknown() { return {}; }
  static Date day(int year, int month, int day);  // requires a valid civil date
  static Date month(int year, int month);
  static Date year(int year);
  static Date week(int32_t anyDayOfWeek);
  static Date fromDays(int32_t days, DatePrecision p) { return Date(days, p); }

  // Parses "YYYY-MM-DD", "YYYY-MM", "YYYY" (a leading '-' for years before 1
  // is not supported). Returns InvalidArgument naming the text and what is
  // wrong ("month 13 out of range") for anything else, such as "2020-13-45".
  static Result<Date> parse(std::string_view text);

  bool known() const { return precision_ != DatePrecision::kUnknown; }
  DatePrecision precision() const { return precision_; }
  // First day covered. Requires known().
  int32_t days() const { return days_; }
  // Last day covered by this date at its precision (a month date: its last day).
  // Requires known().
  int32_t lastDay() const;
  CivilDate civil() const { return civilFromDays(days_); }

  // "2020-01-03", "2020-01", "2020"; a week prints as its Monday; "" when unknown.
  std::string toString() const;

  friend bool operator==(const Date& a, const Date& b) {
    return a.precision_ == b.precision_ && (a.precision_ == DatePrecision::kUnknown || a.days_ == b.days_);
  }
  friend bool operator!=(const Date& a, const Date& b) { return !(a == b); }

 private:
  Date(int32_t days, DatePrecision p) : days_(days), precision_(p) {}
  int32_t days_ = 0;
  DatePrecision precision_ = DatePrecision::kUnknown;
};

// An interval of dates: a point event has from == to; an office held has an
// interval; either end may be unknown.
struct DateRange {
  Date from;
  Date to;

  static DateRange point(Date d) { return {d, d}; }
  bool anyKnown() const { return from.known() || to.known(); }
  // Earliest and latest day covered; an unknown end is open (INT32_MIN/MAX).
  // Requires anyKnown().
  int32_t firstDay() const;
  int32_t lastDay() const;
  // True when the range shares at least one day with [lo, hi]. An entirely
  // unknown range overlaps nothing.
  bool overlaps(int32_t lo, int32_t hi) const;
  friend bool operator==(const DateRange& a, const DateRange& b) { return a.from == b.from && a.to == b.to; }
};

}  // namespace kg
