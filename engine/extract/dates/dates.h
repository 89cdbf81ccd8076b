// Dates in news text: absolute dates as pages print them, and the date a
// sentence speaks of relative to its article's date.
//
// Pure functions of their arguments; safe to call from any number of threads.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

#include "base/date.h"

namespace kg::extract {

// An absolute date found in text, with where it was found (byte offsets).
struct DateMatch {
  Date date;
  size_t begin = 0;
  size_t end = 0;
};

// Parses `text` when the whole of it (after trimming spaces and a trailing
// time of day such as "12:24 AM") is one absolute date:
//   "2020-01-07", "2020-01-07T10:00:00Z", "2020/01/07"       day
//   "January 7, 2020", "Jan. 7, 2020", "7 January 2020"       day
//   "Sunday, 07 May 2023 12:24 AM"                            day
//   "09-25-2020" (US month-day-year), "06.01.2020" (day.month.year)  day
//   "2024年2月3日" day, "2024年2月" month, "January 2020" month, "2020" year
// std::nullopt when it is not exactly one date (or names an impossible one).
std::optional<Date> parseDate(std::string_view text);

// The first absolute date written anywhere in `text` (formats as parseDate,
// plus a date embedded in a line such as "Press TV – January 7, 2020",
// "Sputnik – 06.01.2020" or "January 5, 2020 Posted by"). A bare year is not
// taken (too many numbers look like years). std::nullopt when there is none.
std::optional<DateMatch> findDate(std::string_view text);

// The writer's present that `text` states outright, for an article with no
// dateline: "2024年2月現在" / "2024年2月3日時点" (as of), "as of February
// 2024", "as of 3 February 2024", "as of February 3, 2024" (kanji numerals
// too: "二〇二四年二月現在"). The latest such date, at the precision written
// (month or day); std::nullopt when there is none.
std::optional<Date> asOfDate(std::string_view text);

// The date `sentence` speaks of, resolved against `articleDate` (the
// publication date of the article the sentence is in):
//   "on Sunday"   -> the most recent Sunday on or before the article date
//                    (an article of Monday 2020-01-06: 2020-01-05; of a
//                    Sunday: that Sunday)                          day
//   "yesterday", "today", "two days ago", "3 days ago"             day
//   "last week" (the week before the article's)                    week
//   "last month", "last year"                                      month / year
//   "on January 3" (the most recent January 3 on or before the
//   article date), "on 3 January 2020", "January 3, 2020"          day
//   "in May 2020" month, "in 2019" year
//   Japanese "5日" (the day of the month alone: the article's month, or the
//   month before when the day is after the article's; "5日間", "日本" are
//   not dates), "1月3日" (the most recent January 3)            day
// When the phrase needs the article date and it is unknown, or coarser than
// the phrase needs (a weekday against a month-precision date), the result is
// unknown. Returns Date::unknown() when the sentence has no date phrase: the
// caller decides whether to fall back to the article date. An unknown date is
// never replaced by today's date.
Date eventDate(std::string_view sentence, Date articleDate);

// The days a sentence counts from the narrative's previous date ("On
// Tuesday Iran struck ... The next day Pakistan recalled its ambassador"):
// "the next/following day" +1, "a day/two days/a week later" +1/+2/+7,
// "the day before", "the previous day" -1, "three days earlier" -3, "later
// that day", "the same day", "hours later" 0. nullopt when the sentence has
// no such phrase. The caller finds the anchor (extractor_impl.cpp: the
// latest day-precision date of the sentences before) and uses this only for
// sentences with no date of their own. Japanese and Arabic phrases count
// too: 翌日 +1, 前日 -1, 同日 0, N日後 +N, N週間後 +7N, N日前 -N; في اليوم
// التالي +1, في اليوم السابق -1, في اليوم نفسه 0, بعد يوم / يومين / أسبوع /
// N أيام +1 / +2 / +7 / +N, قبل يوم / يومين -1 / -2.
std::optional<int> anchoredOffset(std::string_view sentence);

// The count a word says, as in "three days ago" or "seven years after":
// "zero" to "twelve", "a" or "an" (1), one to three digits; -1 for anything
// else.
int countWord(std::string_view lower);

// `base` moved back `n` units (forward when n < 0): "day(s)" and "week(s)"
// (7 days) count from its first day and give a day; "month(s)" a month;
// "year(s)" a year. Unknown for another unit or an unknown `base`.
Date movedBack(Date base, int n, std::string_view unit);

}  // namespace kg::extract
