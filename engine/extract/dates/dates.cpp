#include "extract/dates/dates.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace kg::extract {
namespace {

enum class Tok : uint8_t { kNum, kWord, kPunct };

struct Token {
  Tok kind;
  size_t begin;
  size_t end;
  bool spaceBefore;
  std::string_view text;  // original bytes
  std::string lower;      // ASCII-lowercased word (kWord only)
  int value = 0;          // kNum: the number (saturated), digits = end - begin
  int kanjiDigits = 0;    // kNum written in kanji numerals: its decimal digits (else 0)
};

bool isAsciiSpace(unsigned char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }
bool isDigit(unsigned char c) { return c >= '0' && c <= '9'; }
bool isAsciiAlpha(unsigned char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// Non-ASCII spaces that pages use between date parts (NBSP, ideographic space).
size_t unicodeSpaceLen(std::string_view s, size_t i) {
  if (i + 1 < s.size() && static_cast<unsigned char>(s[i]) == 0xC2 && static_cast<unsigned char>(s[i + 1]) == 0xA0)
    return 2;
  if (i + 2 < s.size() && static_cast<unsigned char>(s[i]) == 0xE3 && static_cast<unsigned char>(s[i + 1]) == 0x80 &&
      static_cast<unsigned char>(s[i + 2]) == 0x80)
    return 3;
  return 0;
}

// The kanji numeral at byte `i` of `s` ("〇" "一" ... "九" 0-9, "十" 10);
// -1 for none. Each is three bytes of UTF-8.
int kanjiNumeral(std::string_view s, size_t i) {
  static constexpr std::array<std::string_view, 11> kDigits = {"〇", "一", "二", "三", "四", "五",
                                                               "六", "七", "八", "九", "十"};
  if (i >= s.size() || s.size() - i < 3) return -1;
  const std::string_view c = s.substr(i, 3);
  for (size_t d = 0; d < kDigits.size(); ++d)
    if (c == kDigits[d]) return static_cast<int>(d);
  return -1;
}

// A number written in kanji numerals at byte `i` and closed by 年, 月 or 日
// ("二〇二四年", "十二月", "二十五日"): its value and the byte after it.
// Positional digits ("二〇二四") or tens with 十 ("二十五", "十二", "三十").
// nullopt otherwise, or when the value is no year, month or day.
std::optional<std::pair<int, size_t>> kanjiNumber(std::string_view s, size_t i) {
  // At most four numerals (a year); no allocation: this runs at every
  // non-ASCII token of every sentence.
  std::array<int, 4> digits{};
  size_t n = 0;
  size_t j = i;
  for (int d; n < digits.size() && (d = kanjiNumeral(s, j)) >= 0; j += 3) digits[n++] = d;
  if (n == 0) return std::nullopt;
  const std::string_view next = s.substr(j, 3);
  if (next != "年" && next != "月" && next != "日") return std::nullopt;
  const auto ds = std::span<const int>(digits.data(), n);
  const auto ten = std::find(ds.begin(), ds.end(), 10);
  int value = 0;
  if (ten == ds.end()) {
    for (int d : ds) value = value * 10 + d;
  } else {
    const size_t at = static_cast<size_t>(ten - ds.begin());
    if (at > 1 || ds.size() - at > 2 || std::count(ds.begin(), ds.end(), 10) > 1) return std::nullopt;
    value = (at == 1 ? ds[0] : 1) * 10 + (at + 1 < ds.size() ? ds[at + 1] : 0);
  }
  if (value <= 0 || (value > 31 && (value < 1900 || value > 2100))) return std::nullopt;
  return std::make_pair(value, j);
}

// Tokens: ASCII digit runs, ASCII letter runs, runs of other non-space bytes
// (one UTF-8 word: Arabic month names, 年/月/日), and single ASCII punctuation.
// A kanji number closed by 年, 月 or 日 is a number token of its own
// ("二月二日に" is 2, 月, 2, 日に: kanjiNumber).
std::vector<Token> tokenize(std::string_view s) {
  std::vector<Token> out;
  out.reserve(s.size() / 4 + 4);  // about one token per five bytes of English
  size_t i = 0;
  bool space = true;
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (isAsciiSpace(c)) {
      space = true;
      ++i;
      continue;
    }
    if (size_t n = unicodeSpaceLen(s, i)) {
      space = true;
      i += n;
      continue;
    }
    Token t{Tok::kPunct, i, i + 1, space, {}, {}, 0};
    if (isDigit(c)) {
      t.kind = Tok::kNum;
      size_t j = i;
      long v = 0;
      while (j < s.size() && isDigit(static_cast<unsigned char>(s[j]))) {
        if (v < 100000000) v = v * 10 + (s[j] - '0');
        ++j;
      }
      t.end = j;
      t.value = static_cast<int>(v);
    } else if (isAsciiAlpha(c)) {
      t.kind = Tok::kWord;
      size_t j = i;
      while (j < s.size() && isAsciiAlpha(static_cast<unsigned char>(s[j]))) ++j;
      t.end = j;
      t.lower.resize(j - i);  // one allocation at most, not one push_back per letter
      for (size_t k = i; k < j; ++k) t.lower[k - i] = static_cast<char>(s[k] | 0x20);
    } else if (auto k = c >= 0x80 ? kanjiNumber(s, i) : std::nullopt) {
      t.kind = Tok::kNum;
      t.end = k->second;
      t.value = k->first;
      t.kanjiDigits = k->first >= 1000 ? 4 : k->first >= 10 ? 2 : 1;
    } else if (c >= 0x80) {
      t.kind = Tok::kWord;
      size_t j = i;
      while (j < s.size()) {
        const auto d = static_cast<unsigned char>(s[j]);
        if (d < 0x80 || unicodeSpaceLen(s, j)) break;
        const bool numeralBefore = j >= 3 && kanjiNumeral(s, j - 3) >= 0;
        if (j > i && !numeralBefore && kanjiNumeral(s, j) >= 0 && kanjiNumber(s, j)) break;
        ++j;
      }
      t.end = j;
      t.lower = std::string(s.substr(i, j - i));
    }
    t.text = s.substr(t.begin, t.end - t.begin);
    out.push_back(std::move(t));
    i = out.back().end;
    space = false;
  }
  return out;
}

// 1..12 for an English month name or abbreviation, 0 otherwise.
int englishMonth(std::string_view w) {
  // Most words are no month: the names and abbreviations below have 3 to 9
  // letters and start with one of these.
  if (w.size() < 3 || w.size() > 9 || std::string_view("jfmasond").find(w[0]) == std::string_view::npos) return 0;
  static constexpr std::array<std::string_view, 12> kFull = {"january",   "february", "march",    "april",
                                                    "may",       "june",     "july",     "august",
                                                    "september", "october",  "november", "december"};
  for (int m = 0; m < 12; ++m) {
    if (w == kFull[m]) return m + 1;
    if (w.size() == 3 && w == kFull[m].substr(0, 3)) return m + 1;
  }
  if (w == "sept") return 9;
  return 0;
}

// Arabic month names: the Egyptian/Gulf forms and the Levantine ones.
// Returns the month and how many word tokens it spans (Levantine names of two words).
int arabicMonth(const std::vector<Token>& t, size_t i, size_t* span) {
  static const std::array<const char*, 12> kEgypt = {"يناير", "فبراير", "مارس",   "أبريل",  "مايو",   "يونيو",
                                                     "يوليو", "أغسطس",  "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"};
  *span = 1;
  if (i >= t.size() || t[i].kind != Tok::kWord) return 0;
  const std::string& w = t[i].lower;
  if (static_cast<unsigned char>(w[0]) < 0x80) return 0;  // the names below are all Arabic script
  for (int m = 0; m < 12; ++m)
    if (w == kEgypt[m]) return m + 1;
  if (w == "إبريل" || w == "ابريل") return 4;
  if (w == "شباط") return 2;
  if (w == "آذار") return 3;
  if (w == "نيسان") return 4;
  if (w == "أيار") return 5;
  if (w == "حزيران") return 6;
  if (w == "تموز") return 7;
  if (w == "آب") return 8;
  if (w == "أيلول") return 9;
  if ((w == "تشرين" || w == "كانون") && i + 1 < t.size() && t[i + 1].kind == Tok::kWord) {
    const std::string& n = t[i + 1].lower;
    const bool first = n == "الأول" || n == "الاول";
    const bool second = n == "الثاني";
    if (first || second) {
      *span = 2;
      if (w == "تشرين") return first ? 10 : 11;
      return first ? 12 : 1;
    }
  }
  return 0;
}

// 0 = Monday .. 6 = Sunday; -1 when not a weekday name.
int weekdayIndex(std::string_view w) {
  // The Latin names below have 3 to 9 letters and start with one of these;
  // the Arabic ones start with a non-ASCII byte.
  if (w.empty()) return -1;
  if (static_cast<unsigned char>(w[0]) < 0x80 &&
      (w.size() < 3 || w.size() > 9 || std::string_view("mtwfs").find(w[0]) == std::string_view::npos))
    return -1;
  static constexpr std::array<std::string_view, 7> kDays = {"monday", "tuesday",  "wednesday", "thursday",
                                                   "friday", "saturday", "sunday"};
  static constexpr std::array<std::string_view, 7> kShort = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
  static constexpr std::array<std::string_view, 7> kArabic = {"الإثنين", "الثلاثاء", "الأربعاء", "الخميس",
                                                     "الجمعة",  "السبت",    "الأحد"};
  for (int d = 0; d < 7; ++d)
    if (w == kDays[d] || w == kShort[d] || w == kArabic[d]) return d;
  if (w == "الاثنين") return 0;
  if (w == "tues") return 1;
  if (w == "thur" || w == "thurs") return 3;
  return -1;
}

struct Found {
  int year = 0;  // 0 when the text gives no year
  int month = 0;
  int day = 0;  // 0 for month precision
  size_t begin = 0;
  size_t end = 0;
  bool bareYear = false;  // "2019" alone
};

bool isNum(const std::vector<Token>& t, size_t i, int minDigits, int maxDigits) {
  if (i >= t.size() || t[i].kind != Tok::kNum) return false;
  const auto n = t[i].kanjiDigits > 0 ? t[i].kanjiDigits : static_cast<int>(t[i].end - t[i].begin);
  return n >= minDigits && n <= maxDigits;
}
bool isPunct(const std::vector<Token>& t, size_t i, char c) {
  return i < t.size() && t[i].kind == Tok::kPunct && t[i].text[0] == c;
}
bool wordStarts(const std::vector<Token>& t, size_t i, std::string_view prefix) {
  return i < t.size() && t[i].kind == Tok::kWord && t[i].text.substr(0, prefix.size()) == prefix;
}
bool wordEnds(const std::vector<Token>& t, size_t i, std::string_view suffix) {
  return i < t.size() && t[i].kind == Tok::kWord && t[i].text.size() >= suffix.size() &&
         t[i].text.substr(t[i].text.size() - suffix.size()) == suffix;
}
bool plausibleYear(int y) { return y >= 1900 && y <= 2100; }

// "5日" alone (Japanese news writes the day of the month without the month):
// the most recent such day on or before the article date; unknown when the
// article date is not a day or the day does not exist in that month. Not
// "5日間" (five days) or "日本" after a number.
Date japaneseDayOfMonth(const std::vector<Token>& t, size_t i, Date articleDate) {
  if (!isNum(t, i, 1, 2) || !wordStarts(t, i + 1, "日") || wordStarts(t, i + 1, "日間") || wordStarts(t, i + 1, "日本"))
    return Date::unknown();
  // "今月2日" (this month's 2nd), "先月2日" (last month's): the month is told;
  // another word ending in 月 is a month's number or name ("2月3日": not here).
  int monthsBack = -1;
  if (i > 0 && wordEnds(t, i - 1, "月")) {
    if (wordEnds(t, i - 1, "今月"))
      monthsBack = 0;
    else if (wordEnds(t, i - 1, "先月"))
      monthsBack = 1;
    else
      return Date::unknown();
  }
  if (!articleDate.known()) return Date::unknown();
  const bool dayPrecision = articleDate.precision() == DatePrecision::kDay;
  // A month-precision article date ("2024年2月現在") places a day only when the
  // month is the article's own or told.
  if (!dayPrecision && articleDate.precision() != DatePrecision::kMonth) return Date::unknown();
  const CivilDate a = articleDate.civil();
  const int day = t[i].value;
  int year = a.year, month = a.month;
  const int back = monthsBack >= 0 ? monthsBack : (dayPrecision && day > a.day ? 1 : 0);
  if (back > 0 && --month == 0) {
    month = 12;
    --year;
  }
  if (!isValidCivil({year, month, day})) return Date::unknown();
  return Date::day(year, month, day);
}

// "12月" with no day after it, "昨年12月" / "去年12月" (last year's), "今年1月"
// (this year's): that month; written alone, the most recent such month on
// or before the article's. Not "2024年12月" (an absolute date: matchAt),
// "来年3月" (next year's: planned) or a month with its day ("12月3日").
Date japaneseMonth(const std::vector<Token>& t, size_t i, Date articleDate) {
  if (!isNum(t, i, 1, 2) || !wordStarts(t, i + 1, "月") || (isNum(t, i + 2, 1, 2) && wordStarts(t, i + 3, "日")))
    return Date::unknown();
  if (i >= 2 && isNum(t, i - 2, 4, 4) && wordStarts(t, i - 1, "年")) return Date::unknown();
  const int m = t[i].value;
  if (m < 1 || m > 12 || !articleDate.known() || i + 1 >= t.size()) return Date::unknown();
  const std::string_view after = std::string_view(t[i + 1].text).substr(std::string_view("月").size());
  if (after.rfind("間", 0) == 0) return Date::unknown();  // "3月間": a span
  const CivilDate a = articleDate.civil();
  const bool monthKnown =
      articleDate.precision() == DatePrecision::kDay || articleDate.precision() == DatePrecision::kMonth;
  if (i > 0 && (wordEnds(t, i - 1, "昨年") || wordEnds(t, i - 1, "去年"))) return Date::month(a.year - 1, m);
  if (i > 0 && wordEnds(t, i - 1, "今年")) return Date::month(a.year, m);
  if (i > 0 && wordEnds(t, i - 1, "来年")) return Date::unknown();
  if (!monthKnown) return Date::unknown();
  return Date::month(m <= a.month ? a.year : a.year - 1, m);
}

// Tries every pattern at token i; fills `f` and returns the index after the match.
size_t matchAt(const std::vector<Token>& t, size_t i, Found* f) {
  f->begin = t[i].begin;
  auto done = [&](size_t next) {
    f->end = t[next - 1].end;
    return next;
  };
  // Numeric dates without spaces: 2020-01-07, 09-25-2020, 06.01.2020, 18/07/2021.
  if (isNum(t, i, 4, 4)) {
    for (char sep : {'-', '/', '.'}) {
      if (isPunct(t, i + 1, sep) && isNum(t, i + 2, 1, 2) && isPunct(t, i + 3, sep) && isNum(t, i + 4, 1, 2) &&
          !t[i + 1].spaceBefore && !t[i + 2].spaceBefore && !t[i + 3].spaceBefore && !t[i + 4].spaceBefore) {
        *f = Found{t[i].value, t[i + 2].value, t[i + 4].value, t[i].begin, 0, false};
        return done(i + 5);
      }
    }
  }
  if (isNum(t, i, 1, 2)) {
    for (char sep : {'-', '/', '.'}) {
      if (isPunct(t, i + 1, sep) && isNum(t, i + 2, 1, 2) && isPunct(t, i + 3, sep) && isNum(t, i + 4, 4, 4) &&
          !t[i + 1].spaceBefore && !t[i + 2].spaceBefore && !t[i + 3].spaceBefore && !t[i + 4].spaceBefore) {
        int a = t[i].value, b = t[i + 2].value;
        int d = a, m = b;                            // day.month.year (European, Sputnik)
        if (sep != '.' && a <= 12) std::swap(d, m);  // 09-25-2020, 09/25/2020: US month first
        *f = Found{t[i + 4].value, m, d, t[i].begin, 0, false};
        return done(i + 5);
      }
    }
  }
  // 2024年2月3日, 2024年2月
  if (isNum(t, i, 4, 4) && wordStarts(t, i + 1, "年") && isNum(t, i + 2, 1, 2) && wordStarts(t, i + 3, "月")) {
    if (isNum(t, i + 4, 1, 2) && wordStarts(t, i + 5, "日")) {
      *f = Found{t[i].value, t[i + 2].value, t[i + 4].value, t[i].begin, 0, false};
      f->end = t[i + 5].begin + std::string_view("日").size();
      return i + 6;
    }
    *f = Found{t[i].value, t[i + 2].value, 0, t[i].begin, 0, false};
    f->end = t[i + 3].begin + std::string_view("月").size();
    return i + 4;
  }
  // 2月3日 (no year): the most recent such day on or before the article date.
  if (isNum(t, i, 1, 2) && wordStarts(t, i + 1, "月") && isNum(t, i + 2, 1, 2) && wordStarts(t, i + 3, "日") &&
      !(i > 0 && wordEnds(t, i - 1, "年"))) {
    *f = Found{0, t[i].value, t[i + 2].value, t[i].begin, 0, false};
    f->end = t[i + 3].begin + std::string_view("日").size();
    return i + 4;
  }
  // Month D, YYYY / Month D YYYY / Month D , YYYY / Month D / Month YYYY
  if (i < t.size() && t[i].kind == Tok::kWord) {
    const int m = englishMonth(t[i].lower);
    if (m != 0) {
      size_t j = i + 1;
      if (isPunct(t, j, '.')) ++j;
      if (isNum(t, j, 1, 2) && !isPunct(t, j + 1, ':')) {
        const int d = t[j].value;
        size_t k = j + 1;
        if (k < t.size() && t[k].kind == Tok::kWord &&
            (t[k].lower == "st" || t[k].lower == "nd" || t[k].lower == "rd" || t[k].lower == "th") && !t[k].spaceBefore)
          ++k;
        size_t y = k;
        if (isPunct(t, y, ',')) ++y;
        if (isNum(t, y, 4, 4) && plausibleYear(t[y].value)) {
          *f = Found{t[y].value, m, d, t[i].begin, 0, false};
          return done(y + 1);
        }
        *f = Found{0, m, d, t[i].begin, 0, false};
        return done(k);
      }
      size_t y = j;
      if (isPunct(t, y, ',')) ++y;
      if (isNum(t, y, 4, 4) && plausibleYear(t[y].value)) {
        *f = Found{t[y].value, m, 0, t[i].begin, 0, false};
        return done(y + 1);
      }
    }
  }
  // D Month[,] YYYY / D Month (also Arabic month names)
  if (isNum(t, i, 1, 2)) {
    size_t j = i + 1;
    if (j < t.size() && t[j].kind == Tok::kWord &&
        (t[j].lower == "st" || t[j].lower == "nd" || t[j].lower == "rd" || t[j].lower == "th") && !t[j].spaceBefore)
      ++j;
    int m = 0;
    size_t span = 1;
    if (j < t.size() && t[j].kind == Tok::kWord) {
      m = englishMonth(t[j].lower);
      if (m == 0) m = arabicMonth(t, j, &span);
    }
    if (m != 0) {
      size_t y = j + span;
      if (isPunct(t, y, '.') && t[j].lower.size() == 3) ++y;
      if (isPunct(t, y, ',')) ++y;
      if (isNum(t, y, 4, 4) && plausibleYear(t[y].value)) {
        *f = Found{t[y].value, m, t[i].value, t[i].begin, 0, false};
        return done(y + 1);
      }
      *f = Found{0, m, t[i].value, t[i].begin, 0, false};
      return done(j + span);
    }
  }
  // Arabic month YYYY
  {
    size_t span = 1;
    const int m = arabicMonth(t, i, &span);
    if (m != 0 && isNum(t, i + span, 4, 4) && plausibleYear(t[i + span].value)) {
      *f = Found{t[i + span].value, m, 0, t[i].begin, 0, false};
      return done(i + span + 1);
    }
  }
  if (isNum(t, i, 4, 4) && plausibleYear(t[i].value)) {
    *f = Found{t[i].value, 0, 0, t[i].begin, 0, true};
    return done(i + 1);
  }
  return 0;
}

bool validFound(const Found& f) {
  if (f.bareYear) return true;
  if (f.month < 1 || f.month > 12) return false;
  if (f.year != 0 && !plausibleYear(f.year)) return false;
  if (f.day == 0) return true;
  const int y = f.year != 0 ? f.year : 2000;  // leap year: a yearless Feb 29 is possible
  return f.day >= 1 && f.day <= daysInMonth(y, f.month);
}

// Every date-like match in order, non-overlapping.
std::vector<Found> scanAll(const std::vector<Token>& t) {
  std::vector<Found> out;
  size_t i = 0;
  while (i < t.size()) {
    Found f;
    // A number glued to a preceding digit separator is part of something
    // else (a version, an IP address, a price).
    const bool glued = i > 0 && t[i - 1].kind == Tok::kPunct && !t[i].spaceBefore && i > 1 &&
                       t[i - 2].kind == Tok::kNum && t[i].kind == Tok::kNum;
    size_t next = glued ? 0 : matchAt(t, i, &f);
    if (next > i && validFound(f)) {
      out.push_back(f);
      i = next;
    } else {
      ++i;
    }
  }
  return out;
}

Date toDate(const Found& f) {
  if (f.bareYear) return Date::year(f.year);
  if (f.day == 0) return Date::month(f.year, f.month);
  return Date::day(f.year, f.month, f.day);
}

bool isTimeSuffix(const std::vector<Token>& t, size_t i) {
  // Accepts: [T]HH:MM[:SS][.fff][Z|+hh:mm] [AM|PM|a.m.] [GMT|UTC|...] [ [ ... ] ]
  auto atEnd = [&](size_t k) { return k >= t.size(); };
  if (atEnd(i)) return true;
  if (t[i].kind == Tok::kWord && t[i].lower == "t" && !t[i].spaceBefore) ++i;
  if (isNum(t, i, 1, 2) && isPunct(t, i + 1, ':') && isNum(t, i + 2, 2, 2)) {
    i += 3;
    if (isPunct(t, i, ':') && isNum(t, i + 1, 2, 2)) i += 2;
    if (isPunct(t, i, '.') && isNum(t, i + 1, 1, 9)) i += 2;
    if (i < t.size() && t[i].kind == Tok::kWord && t[i].lower == "z") ++i;
    if ((isPunct(t, i, '+') || isPunct(t, i, '-')) && isNum(t, i + 1, 2, 4)) {
      i += 2;
      if (isPunct(t, i, ':') && isNum(t, i + 1, 2, 2)) i += 2;
    }
    if (i < t.size() && t[i].kind == Tok::kWord && (t[i].lower == "am" || t[i].lower == "pm")) ++i;
    if (i + 3 < t.size() && t[i].kind == Tok::kWord && (t[i].lower == "a" || t[i].lower == "p") &&
        isPunct(t, i + 1, '.'))
      i += 4;  // a.m.
  }
  if (i < t.size() && t[i].kind == Tok::kWord &&
      (t[i].lower == "gmt" || t[i].lower == "utc" || t[i].lower == "est" || t[i].lower == "edt" || t[i].lower == "et"))
    ++i;
  if (isPunct(t, i, '[') || isPunct(t, i, '(') || isPunct(t, i, '|')) return true;  // "[ Last Update: ... ]"
  return atEnd(i);
}

Date resolveYearless(int month, int day, Date articleDate) {
  if (!articleDate.known()) return Date::unknown();
  const CivilDate a = articleDate.civil();
  if (articleDate.precision() == DatePrecision::kYear) {
    if (day == 0) return Date::month(a.year, month);
    if (!isValidCivil({a.year, month, day})) return Date::unknown();
    return Date::day(a.year, month, day);
  }
  const CivilDate last = civilFromDays(articleDate.lastDay());
  int year = last.year;
  // The most recent such date on or before the article date.
  const bool after = month > last.month || (month == last.month && day > last.day);
  if (after) --year;
  if (day == 0) return Date::month(year, month);
  if (!isValidCivil({year, month, day})) return Date::unknown();
  return Date::day(year, month, day);
}

int numberWord(const Token& t) {
  if (t.kind == Tok::kNum) return t.end - t.begin <= 3 ? t.value : -1;
  return countWord(t.lower);
}

struct Candidate {
  Date date;
  size_t pos;
  bool absolute = false;  // written as a calendar date, not relative to the article
};

int rank(DatePrecision p) { return static_cast<int>(p); }

// The byte spans of the sentence's non-restrictive relative clauses (", who
// had put the army on alert on Friday,"): a date in one dates what that
// clause tells, not the sentence's own event.
std::vector<std::pair<size_t, size_t>> relativeClauseSpans(const std::vector<Token>& t) {
  std::vector<std::pair<size_t, size_t>> spans;
  for (size_t k = 0; k + 1 < t.size(); ++k) {
    if (!isPunct(t, k, ',') || t[k + 1].kind != Tok::kWord) continue;
    const std::string_view w = t[k + 1].lower;
    if (w != "who" && w != "which" && w != "whose") continue;
    size_t e = k + 2;
    while (e < t.size() && !isPunct(t, e, ',')) ++e;
    spans.emplace_back(t[k + 1].begin, e < t.size() ? t[e].begin : std::string::npos);
    k = e > k ? e - 1 : k;
  }
  return spans;
}


// Days from the anchor that a relative phrase at t[i] says, or nullopt:
// "the next day", "the following day", "a day later", "two days later",
// "a week later", "the day before", "the previous day", "a day earlier",
// "three days earlier", "later that day", "the same day", "hours later".
std::optional<int> anchorOffset(const std::vector<Token>& t, size_t i) {
  auto word = [&](size_t k) -> std::string_view {
    return k < t.size() && t[k].kind == Tok::kWord ? std::string_view(t[k].lower) : std::string_view();
  };
  const std::string_view w = word(i), n1 = word(i + 1), n2 = word(i + 2);
  if (w == "the" && (n1 == "next" || n1 == "following") && n2 == "day") return 1;
  // "the day after" alone; "the day after the vote" names another event.
  if (w == "the" && n1 == "day" && (n2 == "afterwards" || (n2 == "after" && word(i + 3).empty()))) return 1;
  if (w == "the" && (n1 == "previous" || n1 == "preceding") && n2 == "day") return -1;
  if (w == "the" && n1 == "day" && n2 == "before" && word(i + 3).empty()) return -1;
  if (w == "the" && n1 == "same" && (n2 == "day" || n2 == "night" || n2 == "evening" || n2 == "morning")) return 0;
  if (w == "later" && n1 == "that" && (n2 == "day" || n2 == "night" || n2 == "evening")) return 0;
  if (w == "hours" && n1 == "later") return 0;
  const int n = (w == "a" || w == "one") ? 1 : (i < t.size() ? numberWord(t[i]) : -1);
  if (n <= 0 || n > 60) return std::nullopt;
  const int unit = n1 == "day" || n1 == "days" ? 1 : n1 == "week" || n1 == "weeks" ? 7 : 0;
  if (unit == 0) return std::nullopt;
  // "two days later"; not "two days after the strike", whose event is the
  // strike's, before the sentence's own ("the vote came two days after US
  // airstrikes killed ...").
  if (n2 == "later") return n * unit;
  if (n2 == "earlier") return -n * unit;
  return std::nullopt;
}
}  // namespace

std::optional<Date> parseDate(std::string_view text) {
  if (text.size() > 200) return std::nullopt;
  const std::vector<Token> t = tokenize(text);
  if (t.empty()) return std::nullopt;
  size_t i = 0;
  // An optional weekday prefix: "Sunday, 07 May 2023", "الأربعاء 18 آب 2021".
  if (t[0].kind == Tok::kWord && weekdayIndex(t[0].lower) >= 0) {
    i = 1;
    if (isPunct(t, i, ',')) ++i;
  }
  if (i >= t.size()) return std::nullopt;
  Found f;
  const size_t next = matchAt(t, i, &f);
  if (next == 0 || !validFound(f) || f.year == 0) return std::nullopt;
  if (f.bareYear && (next != t.size() || i != 0)) return std::nullopt;
  if (!isTimeSuffix(t, next)) return std::nullopt;
  return toDate(f);
}

std::optional<DateMatch> findDate(std::string_view text) {
  const std::vector<Token> t = tokenize(text);
  for (const Found& f : scanAll(t)) {
    if (f.bareYear || f.year == 0) continue;
    return DateMatch{toDate(f), f.begin, f.end};
  }
  return std::nullopt;
}

namespace {

// True when the date written at tokens [i, next) dates something other
// than the sentence's event: a period's start ("stationed since March
// 2003") or a noun it qualifies ("the March 2003 invasion", "the 2019
// protests": "the", the date, then a lower-case word that is no preposition
// or conjunction).
bool namesOtherEvent(const std::vector<Token>& t, size_t i, size_t next) {
  if (i == 0 || t[i - 1].kind != Tok::kWord) return false;
  if (t[i - 1].lower == "since") return true;
  if (t[i - 1].lower != "the" || next >= t.size() || t[next].kind != Tok::kWord) return false;
  static const std::array<std::string_view, 12> kLinks = {"of", "in", "on", "at", "to", "and", "or", "by", "for", "from", "as", "with"};
  const std::string& w = t[next].lower;
  const bool lower = !w.empty() && std::islower(static_cast<unsigned char>(t[next].text.front()));
  return lower && std::find(kLinks.begin(), kLinks.end(), w) == kLinks.end();
}

// True when the date opening at token `i` is a deadline or a date set for
// something to come: "asked India to withdraw by March 15", "until Friday",
// "called an election for December 21", "before June 30". It dates no event
// the sentence tells as done. (A bare year keeps "by"/"until": "by 2019".)
bool deadlineOrSchedule(const std::vector<Token>& t, size_t i) {
  if (i == 0 || t[i - 1].kind != Tok::kWord) return false;
  static const std::array<std::string_view, 5> kPreps = {"by", "until", "till", "before", "for"};
  return std::find(kPreps.begin(), kPreps.end(), t[i - 1].lower) != kPreps.end();
}

// True when the relative date opening at token `at` ("last week", "last
// Tuesday") follows an event noun that a preposition governs ("vowed
// revenge for Washington's attack last week", "anger over the strike last
// Tuesday"): it dates that act, not the sentence's event.
bool qualifiesGovernedNoun(const std::vector<Token>& t, size_t at) {
  static const std::array<std::string_view, 16> kEventNouns = {
      "attack", "attacks",  "strike",  "strikes",  "airstrike", "airstrikes", "raid",      "raids",
      "bombing", "killing", "assassination", "invasion", "offensive", "visit", "shelling", "clashes"};
  static const std::array<std::string_view, 8> kGoverning = {"for", "over", "after", "following",
                                                             "against", "about", "since", "before"};
  if (at < 2 || t[at - 1].kind != Tok::kWord ||
      std::find(kEventNouns.begin(), kEventNouns.end(), t[at - 1].lower) == kEventNouns.end())
    return false;
  for (size_t k = at - 1, hops = 0; k-- > 0 && hops < 6; ++hops) {
    if (t[k].kind == Tok::kWord) {
      if (std::find(kGoverning.begin(), kGoverning.end(), t[k].lower) != kGoverning.end()) return true;
      continue;
    }
    if (t[k].kind != Tok::kPunct || t[k].text != "'") return false;  // "Washington's" (the normalizer makes quotes ASCII)
  }
  return false;
}

}  // namespace

std::optional<Date> asOfDate(std::string_view text) {
  const std::vector<Token> t = tokenize(text);
  std::optional<Date> latest;
  auto note = [&](int y, int m, int d) {
    if (!plausibleYear(y) || m < 1 || m > 12 || (d > 0 && !isValidCivil({y, m, d}))) return;
    const Date found = d > 0 ? Date::day(y, m, d) : Date::month(y, m);
    if (!latest || latest->days() < found.days()) latest = found;
  };
  auto asOfWord = [&](size_t k, std::string_view unit) {
    for (std::string_view w : {"現在", "時点"})
      if (wordStarts(t, k, std::string(unit) + std::string(w))) return true;
    return false;
  };
  for (size_t i = 0; i < t.size(); ++i) {
    // 2024年2月現在, 2024年2月3日時点
    if (isNum(t, i, 4, 4) && wordStarts(t, i + 1, "年") && t[i + 1].text.size() == std::string_view("年").size() &&
        isNum(t, i + 2, 1, 2)) {
      if (asOfWord(i + 3, "月")) note(t[i].value, t[i + 2].value, 0);
      if (wordStarts(t, i + 3, "月") && t[i + 3].text.size() == std::string_view("月").size() &&
          isNum(t, i + 4, 1, 2) && asOfWord(i + 5, "日"))
        note(t[i].value, t[i + 2].value, t[i + 4].value);
    }
    // as of February 2024, as of 3 February 2024, as of February 3, 2024
    if (i + 3 < t.size() && t[i].kind == Tok::kWord && t[i].lower == "as" && t[i + 1].kind == Tok::kWord &&
        t[i + 1].lower == "of") {
      const size_t k = i + 2;
      if (const int m = t[k].kind == Tok::kWord ? englishMonth(t[k].lower) : 0) {
        if (isNum(t, k + 1, 4, 4)) note(t[k + 1].value, m, 0);
        const size_t y = isPunct(t, k + 2, ',') ? k + 3 : k + 2;
        if (isNum(t, k + 1, 1, 2) && isNum(t, y, 4, 4)) note(t[y].value, m, t[k + 1].value);
      } else if (isNum(t, k, 1, 2) && k + 1 < t.size() && t[k + 1].kind == Tok::kWord) {
        if (const int m2 = englishMonth(t[k + 1].lower); m2 && isNum(t, k + 2, 4, 4))
          note(t[k + 2].value, m2, t[k].value);
      }
    }
  }
  return latest;
}

Date eventDate(std::string_view sentence, Date articleDate) {
  const std::vector<Token> t = tokenize(sentence);
  std::vector<Candidate> cands;
  const bool artDay = articleDate.known() && articleDate.precision() == DatePrecision::kDay;
  const int32_t artDays = articleDate.known() ? articleDate.days() : 0;

  // Absolute dates (with or without a year; a bare year only after "in", "since", ...).
  {
    size_t i = 0;
    while (i < t.size()) {
      Found f;
      const size_t next = matchAt(t, i, &f);
      if (next == 0 || !validFound(f)) {
        ++i;
        continue;
      }
      if (namesOtherEvent(t, i, next) || (!f.bareYear && deadlineOrSchedule(t, i))) {
        i = next;
        continue;
      }
      if (f.bareYear) {
        static const std::array<const char*, 8> kYearPreps = {"in",    "since", "during", "late",
                                                              "early", "mid",   "until",  "by"};
        bool ok = false;
        if (i > 0 && t[i - 1].kind == Tok::kWord)
          for (const char* p : kYearPreps) ok = ok || t[i - 1].lower == p;
        if (ok) cands.push_back({Date::year(f.year), f.begin, true});
      } else if (f.year != 0) {
        cands.push_back({toDate(f), f.begin, true});
      } else {
        // "on January 3": the most recent January 3 on or before the article date.
        const Date d = resolveYearless(f.month, f.day, articleDate);
        if (d.known()) cands.push_back({d, f.begin, true});
      }
      i = next;
    }
  }
  // Japanese "5日": a calendar day in the article's month (or the one before);
  // "12月", "昨年12月": a month.
  for (size_t i = 0; i + 1 < t.size(); ++i)
    if (const Date d = japaneseDayOfMonth(t, i, articleDate); d.known()) {
      cands.push_back({d, t[i].begin, true});
    } else if (const Date m = japaneseMonth(t, i, articleDate); m.known()) {
      cands.push_back({m, t[i].begin, true});
    }
  // Relative phrases.
  for (size_t i = 0; i < t.size(); ++i) {
    if (t[i].kind != Tok::kWord) continue;
    // Views: a std::string == "literal" would call strlen and compare() at
    // every test; a view compares lengths first.
    const std::string_view w = t[i].lower;
    const size_t pos = t[i].begin;
    const std::string_view prev = i > 0 && t[i - 1].kind == Tok::kWord ? std::string_view(t[i - 1].lower) : std::string_view();
    if (w == "yesterday") {
      if (artDay) cands.push_back({Date::fromDays(artDays - 1, DatePrecision::kDay), pos});
    } else if (w == "today" || w == "tonight") {
      if (artDay) cands.push_back({articleDate, pos});
    } else if (w == "tomorrow") {
      if (artDay) cands.push_back({Date::fromDays(artDays + 1, DatePrecision::kDay), pos});
    } else if (w == "ago" && i >= 2) {
      const std::string_view unit = t[i - 1].lower;
      const int n = numberWord(t[i - 2]);
      if (n < 0 || !articleDate.known()) continue;
      const size_t at = t[i - 2].begin;
      if ((unit == "days" || unit == "day") && artDay) {
        cands.push_back({movedBack(articleDate, n, unit), at});
      } else if ((unit == "weeks" || unit == "week") && artDay) {
        cands.push_back({Date::week(artDays - 7 * n), at});  // a week ago: that week, not a day
      } else if ((unit == "months" || unit == "month") &&
                 rank(articleDate.precision()) >= rank(DatePrecision::kMonth)) {
        cands.push_back({movedBack(articleDate, n, unit), at});
      } else if (unit == "years" || unit == "year") {
        cands.push_back({movedBack(articleDate, n, unit), at});
      }
    } else if ((w == "week" || w == "month" || w == "year") && (prev == "last" || prev == "this" || prev == "next")) {
      const int delta = prev == "last" ? -1 : prev == "next" ? 1 : 0;
      const size_t at = t[i - 1].begin;
      if (!articleDate.known() || qualifiesGovernedNoun(t, i - 1)) continue;
      if (w == "week" && artDay) {
        cands.push_back({Date::week(artDays + 7 * delta), at});
      } else if (w == "month" && rank(articleDate.precision()) >= rank(DatePrecision::kMonth)) {
        const CivilDate c = articleDate.civil();
        const int total = c.year * 12 + (c.month - 1) + delta;
        cands.push_back({Date::month(total / 12, total % 12 + 1), at});
      } else if (w == "year") {
        cands.push_back({Date::year(articleDate.civil().year + delta), at});
      }
    } else if (const int m = englishMonth(w); m != 0 && (w.size() > 3 || w == "may") && !isNum(t, i + 1, 1, 4) &&
                                              (prev == "in" || prev == "since" || prev == "during" || prev == "early" ||
                                               prev == "late" || prev == "mid" || prev == "until" || prev == "last")) {
      // "in May": the most recent May on or before the article date; "last
      // May" the one before the article's own month ("last September" in a
      // September article is a year before).
      Date d = resolveYearless(m, 0, articleDate);
      if (prev == "last" && d.known() && articleDate.known() && d.civil().year == articleDate.civil().year &&
          d.civil().month == articleDate.civil().month)
        d = Date::month(d.civil().year - 1, m);
      if (d.known()) cands.push_back({d, t[i - 1].begin, true});
    } else if (const int wd = weekdayIndex(w); wd >= 0 && w.size() > 3) {
      // "on Sunday", "last Sunday", "Sunday's vote", "early Friday". The most
      // recent such weekday on or before the article date ("last X": before).
      if (!artDay || (prev == "last" && qualifiesGovernedNoun(t, i - 1))) continue;
      const int artWd = weekdayFromDays(artDays);
      int back = (artWd - wd + 7) % 7;
      if (prev == "last" && back == 0) back = 7;
      if (prev == "next" || deadlineOrSchedule(t, i)) continue;  // future plans and deadlines are not events
      cands.push_back(
          {Date::fromDays(artDays - back, DatePrecision::kDay), prev == "last" || prev == "on" ? t[i - 1].begin : pos});
    }
  }
  for (const std::pair<size_t, size_t>& span : relativeClauseSpans(t))
    std::erase_if(cands, [&span](const Candidate& c) { return c.pos >= span.first && c.pos < span.second; });
  if (cands.empty()) return Date::unknown();
  // The most precise phrase wins (a weekday over "in 2019"); at equal
  // precision a calendar date beats a relative one ("Friday, 3 January" in a
  // later article), then the earliest phrase.
  const Candidate* best = &cands[0];
  for (const Candidate& c : cands) {
    const int a = rank(c.date.precision()), b = rank(best->date.precision());
    if (a != b) {
      if (a > b) best = &c;
    } else if (c.absolute != best->absolute) {
      if (c.absolute) best = &c;
    } else if (c.pos < best->pos) {
      best = &c;
    }
  }
  return best->date;
}

namespace {

// The number written right before byte `at` of `s`: ASCII or full-width
// digits ("3", "３"), or a kanji numeral of one to ten; -1 when none.
int numberBefore(std::string_view s, size_t at) {
  static const std::array<std::string_view, 10> kKanji = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};
  for (size_t k = 0; k < kKanji.size(); ++k)
    if (at >= kKanji[k].size() && s.substr(at - kKanji[k].size(), kKanji[k].size()) == kKanji[k]) return static_cast<int>(k) + 1;
  int value = 0, scale = 1;
  size_t q = at;
  while (q > 0) {
    if (s[q - 1] >= '0' && s[q - 1] <= '9') {
      value += (s[q - 1] - '0') * scale;
      --q;
    } else if (q >= 3 && static_cast<unsigned char>(s[q - 3]) == 0xEF && static_cast<unsigned char>(s[q - 2]) == 0xBC &&
               static_cast<unsigned char>(s[q - 1]) >= 0x90 && static_cast<unsigned char>(s[q - 1]) <= 0x99) {
      value += (static_cast<unsigned char>(s[q - 1]) - 0x90) * scale;  // "０" .. "９"
      q -= 3;
    } else {
      break;
    }
    scale *= 10;
    if (scale > 1000) return -1;
  }
  return q == at ? -1 : value;
}

// The relative day phrases of Japanese and Arabic news: 翌日 (the next day),
// 前日 (the day before), 同日 (the same day), N日後 / N週間後 (N days /
// weeks later), N日前 (N days before); في اليوم التالي (the next day), في
// اليوم السابق (the day before), في اليوم نفسه / في نفس اليوم (the same
// day), بعد يوم / يومين / أسبوع / أسبوعين (a day, two days, a week, two
// weeks later), بعد N أيام (N days later), قبل يوم / يومين (a day, two
// days earlier). nullopt for none.
std::optional<int> jaArOffset(std::string_view s) {
  if (s.find("翌日") != std::string_view::npos) return 1;
  if (s.find("前日") != std::string_view::npos) return -1;
  if (s.find("同日") != std::string_view::npos) return 0;
  for (const auto& [unit, days] : {std::pair<std::string_view, int>{"週間後", 7}, {"日後", 1}, {"日前", -1}}) {
    for (size_t at = s.find(unit); at != std::string_view::npos; at = s.find(unit, at + 1)) {
      const int n = numberBefore(s, at);
      if (n > 0 && n <= 60) return n * days;
    }
  }
  if (s.find("اليوم التالي") != std::string_view::npos) return 1;
  if (s.find("اليوم السابق") != std::string_view::npos) return -1;
  if (s.find("اليوم نفسه") != std::string_view::npos || s.find("نفس اليوم") != std::string_view::npos) return 0;
  static const std::array<std::pair<std::string_view, int>, 4> kUnits = {
      {{"يومين", 2}, {"يوم", 1}, {"أسبوعين", 14}, {"أسبوع", 7}}};
  for (const auto& [link, sign] : {std::pair<std::string_view, int>{"بعد ", 1}, {"قبل ", -1}}) {
    for (size_t at = s.find(link); at != std::string_view::npos; at = s.find(link, at + 1)) {
      const std::string_view rest = s.substr(at + link.size());
      for (const auto& [word, days] : kUnits) {
        // The unit word alone ("بعد يوم"), not the start of another ("بعد يوم الأحد" names a day).
        if (rest.substr(0, word.size()) != word) continue;
        const std::string_view tail = rest.substr(word.size());
        if (!tail.empty() && tail[0] != ' ' && tail[0] != ',' && tail[0] != '.' && static_cast<unsigned char>(tail[0]) != 0xD8)
          continue;
        if (word == "يوم" && tail.size() > 1 && tail[0] == ' ' && static_cast<unsigned char>(tail[1]) == 0xD8 &&
            tail.substr(1, 4) == "ال")  // "بعد يوم الأحد": a named day, not "a day later"
          continue;
        return sign * days;
      }
      // "بعد 3 أيام": N days.
      size_t q = 0;
      int n = 0;
      while (q < rest.size() && rest[q] >= '0' && rest[q] <= '9' && q < 3) n = n * 10 + (rest[q++] - '0');
      if (q > 0 && rest.substr(q, 1) == " " && rest.substr(q + 1).rfind("أيام", 0) == 0 && n <= 60) return sign * n;
    }
  }
  return std::nullopt;
}

}  // namespace

std::optional<int> anchoredOffset(std::string_view sentence) {
  if (const auto other = jaArOffset(sentence)) return other;
  const std::vector<Token> t = tokenize(sentence);
  for (size_t i = 0; i < t.size(); ++i) {
    if (t[i].kind == Tok::kPunct) continue;
    if (auto off = anchorOffset(t, i)) return off;
  }
  return std::nullopt;
}

int countWord(std::string_view lower) {
  static constexpr std::array<std::string_view, 13> kWords = {"zero",  "one",   "two",  "three", "four",   "five",  "six",
                                                              "seven", "eight", "nine", "ten",   "eleven", "twelve"};
  for (int n = 0; n < 13; ++n)
    if (lower == kWords[n]) return n;
  if (lower == "a" || lower == "an") return 1;
  if (!lower.empty() && lower.size() <= 3 && std::all_of(lower.begin(), lower.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    int n = 0;
    for (char c : lower) n = n * 10 + (c - '0');
    return n;
  }
  return -1;
}

Date movedBack(Date base, int n, std::string_view unit) {
  if (!base.known()) return Date::unknown();
  if (unit == "day" || unit == "days") return Date::fromDays(base.days() - n, DatePrecision::kDay);
  if (unit == "week" || unit == "weeks") return Date::fromDays(base.days() - 7 * n, DatePrecision::kDay);
  const CivilDate c = base.civil();
  if (unit == "month" || unit == "months") {
    const int total = c.year * 12 + (c.month - 1) - n;
    return Date::month(total / 12, total % 12 + 1);
  }
  if (unit == "year" || unit == "years") return Date::year(c.year - n);
  return Date::unknown();
}

}  // namespace kg::extract
