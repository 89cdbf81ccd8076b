#include "base/date.h"

#include <charconv>
#include <climits>
#include <cstdio>

namespace kg {

const char* precisionName(DatePrecision p) {
  switch (p) {
    case DatePrecision::kUnknown: return "unknown";
    case DatePrecision::kYear: return "year";
    case DatePrecision::kMonth: return "month";
    case DatePrecision::kWeek: return "week";
    case DatePrecision::kDay: return "day";
  }
  return "unknown";
}

// Shifts the year to start in March so that the leap day is the last day of
// the (shifted) year; then a 400-year era has a fixed length of 146097 days.
int32_t daysFromCivil(CivilDate c) {
  const int y = c.year - (c.month <= 2 ? 1 : 0);
  const int era = (y >= 0 ? y : y - 399) / 400;
  const int yoe = y - era * 400;                                  // [0, 399]
  const int mp = (c.month + 9) % 12;                              // March = 0
  const int doy = (153 * mp + 2) / 5 + c.day - 1;                 // [0, 365]
  const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;          // [0, 146096]
  return static_cast<int32_t>(era * 146097 + doe - 719468);       // 719468: 0000-03-01 .. 1970-01-01
}

CivilDate civilFromDays(int32_t days) {
  const int64_t z = static_cast<int64_t>(days) + 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const int doe = static_cast<int>(z - era * 146097);
  const int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int mp = (5 * doy + 2) / 153;
  CivilDate c;
  c.day = doy - (153 * mp + 2) / 5 + 1;
  c.month = mp < 10 ? mp + 3 : mp - 9;
  c.year = static_cast<int>(yoe + era * 400) + (c.month <= 2 ? 1 : 0);
  return c;
}

static bool isLeap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int daysInMonth(int year, int month) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month == 2 && isLeap(year)) return 29;
  return kDays[month - 1];
}

bool isValidCivil(CivilDate c) {
  return c.month >= 1 && c.month <= 12 && c.day >= 1 && c.day <= daysInMonth(c.year, c.month);
}

int weekdayFromDays(int32_t days) {
  // 1970-01-01 was a Thursday (3 with Monday = 0).
  int64_t w = (static_cast<int64_t>(days) + 3) % 7;
  return static_cast<int>(w < 0 ? w + 7 : w);
}

Date Date::day(int year, int month, int dayOfMonth) {
  return Date(daysFromCivil({year, month, dayOfMonth}), DatePrecision::kDay);
}
Date Date::month(int year, int monthOfYear) {
  return Date(daysFromCivil({year, monthOfYear, 1}), DatePrecision::kMonth);
}
Date Date::year(int y) { return Date(daysFromCivil({y, 1, 1}), DatePrecision::kYear); }
Date Date::week(int32_t anyDay) { return Date(anyDay - weekdayFromDays(anyDay), DatePrecision::kWeek); }

int32_t Date::lastDay() const {
  const CivilDate c = civil();
  switch (precision_) {
    case DatePrecision::kYear: return daysFromCivil({c.year, 12, 31});
    case DatePrecision::kMonth: return daysFromCivil({c.year, c.month, daysInMonth(c.year, c.month)});
    case DatePrecision::kWeek: return days_ + 6;
    default: return days_;
  }
}

std::string Date::toString() const {
  if (!known()) return "";
  const CivilDate c = civil();
  char buf[32];
  switch (precision_) {
    case DatePrecision::kYear: std::snprintf(buf, sizeof buf, "%04d", c.year); break;
    case DatePrecision::kMonth: std::snprintf(buf, sizeof buf, "%04d-%02d", c.year, c.month); break;
    default: std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", c.year, c.month, c.day); break;
  }
  return buf;
}

namespace {
// Reads exactly `width` ASCII digits.
bool readDigits(std::string_view s, size_t pos, size_t width, int* out) {
  if (pos + width > s.size()) return false;
  int v = 0;
  for (size_t i = pos; i < pos + width; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
    v = v * 10 + (s[i] - '0');
  }
  *out = v;
  return true;
}
}  // namespace

Result<Date> Date::parse(std::string_view text) {
  auto bad = [&](const std::string& why) {
    return Status::invalidArgument("invalid date '" + std::string(text) + "': " + why +
                                   " (expected YYYY-MM-DD, YYYY-MM or YYYY)");
  };
  int y = 0, m = 0, d = 0;
  if (!readDigits(text, 0, 4, &y)) return bad("the year must be four digits");
  if (text.size() > 4 && text[4] >= '0' && text[4] <= '9') return bad("the year has more than four digits");
  if (y == 0) return bad("there is no year 0000 (1 BC is followed by AD 1)");
  if (text.size() == 4) return Date::year(y);
  if (text[4] != '-' || !readDigits(text, 5, 2, &m)) return bad("the month must be two digits after '-'");
  if (m < 1 || m > 12) return bad("month " + std::to_string(m) + " is out of range 1..12");
  if (text.size() == 7) return Date::month(y, m);
  if (text.size() != 10 || text[7] != '-' || !readDigits(text, 8, 2, &d))
    return bad("the day must be two digits after '-'");
  if (d < 1 || d > daysInMonth(y, m))
    return bad("day " + std::to_string(d) + " is out of range 1.." + std::to_string(daysInMonth(y, m)) +
               " for " + std::to_string(y) + "-" + (m < 10 ? "0" : "") + std::to_string(m));
  return Date::day(y, m, d);
}

int32_t DateRange::firstDay() const {
  if (from.known()) return from.days();
  return INT32_MIN;
}
int32_t DateRange::lastDay() const {
  if (to.known()) return to.lastDay();
  // A point event with only `from` known covers from's span.
  if (from.known() && !to.known()) return INT32_MAX;
  return INT32_MAX;
}

bool DateRange::overlaps(int32_t lo, int32_t hi) const {
  if (!anyKnown()) return false;
  return firstDay() <= hi && lastDay() >= lo;
}

}  // namespace kg
