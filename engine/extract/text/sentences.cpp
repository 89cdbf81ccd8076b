#include "extract/text/sentences.h"

#include <array>
#include <string>

namespace kg::extract {
namespace {

bool isSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }
bool isLowerAscii(char c) { return c >= 'a' && c <= 'z'; }
bool isAlphaAscii(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// Words that end in '.' without ending a sentence (compared lower-cased).
bool isAbbreviation(std::string_view word) {
  static const std::array<const char*, 53> kAbbrev = {
      "mr",   "mrs", "ms",  "dr",   "prof", "gen", "lt",   "col",    "maj", "capt",   "cpt", "sgt", "adm", "brig",
      "cmdr", "gov", "sen", "rep",  "rev",  "st",  "jr",   "sr",     "hon", "pres",   "sec", "amb", "no",  "nos",
      "vs",   "etc", "inc", "corp", "co",   "ltd", "dept", "approx", "al",  "jan",    "feb", "mar", "apr", "jun",
      "jul",  "aug", "sep", "sept", "oct",  "nov", "dec",  "mt",     "ft",  "messrs", "cf"};
  if (word.empty() || word.size() > 8) return false;
  std::string lower;
  for (char c : word) lower.push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c));
  for (const char* a : kAbbrev)
    if (lower == a) return true;
  return false;
}

// Closing marks that belong to the sentence they follow.
size_t closerLen(std::string_view s, size_t i) {
  if (i >= s.size()) return 0;
  const char c = s[i];
  if (c == '"' || c == '\'' || c == ')' || c == ']') return 1;
  // 」 』 ） 】 (E3 80 8D, E3 80 8F, EF BC 89, E3 80 91)
  if (s.substr(i, 3) == "\xE3\x80\x8D" || s.substr(i, 3) == "\xE3\x80\x8F" || s.substr(i, 3) == "\xEF\xBC\x89" ||
      s.substr(i, 3) == "\xE3\x80\x91")
    return 3;
  return 0;
}

size_t skipClosers(std::string_view s, size_t i) {
  while (size_t n = closerLen(s, i)) i += n;
  return i;
}

// The word ending just before position `dot` (letters and inner dots).
std::string_view wordBefore(std::string_view s, size_t dot) {
  size_t b = dot;
  while (b > 0 && (isAlphaAscii(s[b - 1]) || s[b - 1] == '.')) --b;
  return s.substr(b, dot - b);
}

class Splitter {
 public:
  explicit Splitter(std::string_view text) : s_(text) {}

  std::vector<Sentence> run() {
    size_t i = 0;
    while (i < s_.size()) {
      if (i - start_ >= kMaxSentenceBytes) {
        cutLong(i);
        continue;
      }
      const char c = s_[i];
      if (c == '\n') {
        emit(i, i + 1);
        ++i;
        continue;
      }
      if (s_.substr(i, 3) == "\xE3\x80\x82") {  // 。 always ends a sentence
        const size_t e = skipClosers(s_, i + 3);
        emit(e, e);
        i = e;
        continue;
      }
      if (c == '!' || c == '?' || s_.substr(i, 2) == "\xD8\x9F" || s_.substr(i, 2) == "\xDB\x94") {
        const size_t after = skipClosers(s_, i + (c == '!' || c == '?' ? 1 : 2));
        // Inside a URL or "?!" runs the next byte is ASCII non-space.
        if (after >= s_.size() || isSpace(s_[after]) || static_cast<unsigned char>(s_[after]) >= 0x80) {
          emit(after, after);
          i = after;
          continue;
        }
        i = after;
        continue;
      }
      if (c == '.') {
        size_t e = i + 1;
        while (e < s_.size() && s_[e] == '.') ++e;  // an ellipsis
        e = skipClosers(s_, e);
        if (e < s_.size() && !isSpace(s_[e])) {  // "3.5", "U.S", "example.com"
          i = e;
          continue;
        }
        if (e == i + 1 && closerLen(s_, i + 1) == 0) {
          const std::string_view w = wordBefore(s_, i);
          const bool initial = w.size() == 1 && w[0] >= 'A' && w[0] <= 'Z';
          const bool dotted = w.find('.') != std::string_view::npos;  // U.S. p.m. e.g.
          // "No. 5" abbreviates; "No. It was not." ends a sentence.
          size_t after = i + 1;
          while (after < s_.size() && s_[after] == ' ') ++after;
          const bool numberWord = (w == "No" || w == "no" || w == "Nos" || w == "nos");
          const bool abbrev =
              numberWord ? (after < s_.size() && s_[after] >= '0' && s_[after] <= '9') : isAbbreviation(w);
          if (initial || dotted || abbrev) {
            i = e;
            continue;
          }
        }
        size_t n = e;
        while (n < s_.size() && (s_[n] == ' ' || s_[n] == '\t')) ++n;
        if (n < s_.size() && isLowerAscii(s_[n])) {  // "... approx. five", "etc. and"
          i = e;
          continue;
        }
        emit(e, e);
        i = e;
        continue;
      }
      ++i;
    }
    emit(s_.size(), s_.size());
    return std::move(out_);
  }

 private:
  // Ends the current sentence at `end`; the next one starts at `next`.
  void emit(size_t end, size_t next) {
    size_t b = start_, e = end;
    while (b < e && isSpace(s_[b])) ++b;
    while (e > b && isSpace(s_[e - 1])) --e;
    if (e > b) out_.push_back({static_cast<uint32_t>(b), static_cast<uint32_t>(e)});
    start_ = next;
  }

  // Cuts an over-long sentence at its last space (else at a character boundary).
  void cutLong(size_t& i) {
    size_t cut = i;
    while (cut > start_ + kMaxSentenceBytes / 2 && !isSpace(s_[cut - 1])) --cut;
    if (cut <= start_ + kMaxSentenceBytes / 2) {
      cut = i;
      while (cut > start_ && (static_cast<unsigned char>(s_[cut]) & 0xC0) == 0x80) --cut;
    }
    emit(cut, cut);
    i = cut;
  }

  std::string_view s_;
  size_t start_ = 0;
  std::vector<Sentence> out_;
};

}  // namespace

std::vector<Sentence> splitSentences(std::string_view text) { return Splitter(text).run(); }

}  // namespace kg::extract
