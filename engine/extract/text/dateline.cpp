#include "extract/text/dateline.h"

#include <array>

#include "extract/lexicon/dictionary_lines.h"

namespace kg::extract {

namespace {

// Longest dateline place and outlet, in bytes: longer openings are sentences.
constexpr size_t kMaxPlaceBytes = 40;
constexpr size_t kMaxOutletBytes = 40;

bool isUpperAscii(char c) { return c >= 'A' && c <= 'Z'; }
bool isSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

size_t skipSpaces(std::string_view t, size_t i) {
  while (i < t.size() && isSpace(t[i])) ++i;
  return i;
}

// The dash or colon that ends a dateline at `i` (after spaces): its end, or 0.
size_t afterDash(std::string_view t, size_t i) {
  i = skipSpaces(t, i);
  static constexpr std::array<std::string_view, 5> kDashes = {"\xE2\x80\x94", "\xE2\x80\x93", "--", "-", ":"};
  for (auto d : kDashes)
    if (t.substr(i, d.size()) == d) return i + d.size();
  return 0;
}

// A place: capitalised words (letters, hyphens, apostrophes, dots) and
// spaces, up to a comma, parenthesis, slash or dash. Returns its end, or 0.
size_t placeEnd(std::string_view t, size_t i) {
  if (i >= t.size() || !isUpperAscii(t[i])) return 0;
  size_t k = i, words = 1;
  for (; k < t.size() && k - i <= kMaxPlaceBytes; ++k) {
    const char c = t[k];
    if (c == ',' || c == '(' || c == '/' || c == ':') break;
    if (c == ' ') {
      if (k + 1 < t.size() && (t[k + 1] == '(' || t[k + 1] == '/' || t[k + 1] == '-' ||
                               static_cast<unsigned char>(t[k + 1]) == 0xE2))
        break;
      if (k + 1 >= t.size() || !isUpperAscii(t[k + 1]) || ++words > 3) return 0;
      continue;
    }
    const bool ok = (c >= 'a' && c <= 'z') || isUpperAscii(c) || c == '-' || c == '\'' || c == '.';
    if (!ok) return 0;
  }
  return k - i > kMaxPlaceBytes ? 0 : k;
}

// ", March 3" / ", Jan. 5" / ", 3 March" after the place: its end, or the
// same position when there is none.
size_t skipDate(std::string_view t, size_t i) {
  if (i >= t.size() || t[i] != ',') return i;
  size_t k = skipSpaces(t, i + 1);
  const size_t start = k;
  while (k < t.size() && k - start < 20 && t[k] != '(' && t[k] != '-' && t[k] != ':' &&
         static_cast<unsigned char>(t[k]) != 0xE2)
    ++k;
  // A date has a digit in it.
  for (size_t x = start; x < k; ++x)
    if (t[x] >= '0' && t[x] <= '9') return k;
  return i;
}

// "BAGHDAD", "NEW YORK": datelines write the place in capitals.
bool allCapitals(std::string_view s) {
  size_t letters = 0;
  for (char c : s) {
    if (c >= 'a' && c <= 'z') return false;
    letters += isUpperAscii(c);
  }
  return letters >= 3;
}


}  // namespace

std::optional<Dateline> findDateline(std::string_view text) {
  const size_t start = skipSpaces(text, 0);
  const size_t pe = placeEnd(text, start);
  if (pe == 0) return std::nullopt;
  Dateline d;
  d.place = std::string(trimBlanks(text.substr(start, pe - start)));
  size_t i = skipSpaces(text, pe);
  const size_t afterDate = skipDate(text, i);
  const bool dated = afterDate != i;
  i = skipSpaces(text, afterDate);
  if (i < text.size() && text[i] == '(') {  // "(Reuters)"
    const size_t close = text.find(')', i);
    if (close == std::string_view::npos || close - i - 1 > kMaxOutletBytes || close == i + 1) return std::nullopt;
    d.outlet = std::string(trimBlanks(text.substr(i + 1, close - i - 1)));
    if (d.outlet.empty() || !isUpperAscii(d.outlet[0])) return std::nullopt;  // "(and its allies)"
    i = close + 1;
  } else if (i < text.size() && text[i] == '/') {  // "Baghdad / Al-Akhbariya:"
    const size_t from = i + 1;
    size_t k = from;
    // Up to a colon or a spaced dash: "Al-Akhbariya" keeps its hyphen.
    while (k < text.size() && k - from <= kMaxOutletBytes && text[k] != ':' && text[k] != '\n' &&
           !(text[k] == ' ' && k + 1 < text.size() && (text[k + 1] == '-' || static_cast<unsigned char>(text[k + 1]) == 0xE2)))
      ++k;
    if (k - from > kMaxOutletBytes) return std::nullopt;
    d.outlet = std::string(trimBlanks(text.substr(from, k - from)));
    if (d.outlet.empty() || !isUpperAscii(d.outlet[0])) return std::nullopt;
    i = k;
  } else if (!dated && !allCapitals(d.place)) {
    return std::nullopt;  // "Iran - a history" is no dateline; "BAGHDAD -" is
  }
  const size_t end = afterDash(text, i);
  if (end == 0) return std::nullopt;
  d.end = end;
  return d;
}

}  // namespace kg::extract
