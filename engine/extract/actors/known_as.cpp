#include "extract/actors/known_as.h"

#include <algorithm>
#include <array>

namespace kg::extract {

namespace {

// Longest name "known as" may introduce, in words.
constexpr size_t kMaxAliasWords = 8;

bool isWord(const Token& t, std::string_view w) { return t.word && t.lower == w; }
bool isPunct(const Token& t, std::string_view p) { return !t.word && t.lower == p; }

// The token after the introducing phrase that starts at `i` ("also known
// as", "known as", "better/formerly/widely known as", "a.k.a.", "aka"), or
// 0 when none starts there.
size_t afterIntroducer(const std::vector<Token>& t, size_t i) {
  static constexpr std::array<std::string_view, 4> kAdverbs = {"also", "better", "formerly", "widely"};
  size_t k = i;
  for (auto adv : kAdverbs)
    if (k < t.size() && isWord(t[k], adv)) { ++k; break; }
  if (k + 1 < t.size() && isWord(t[k], "known") && isWord(t[k + 1], "as")) return k + 2;
  if (k == i && k < t.size() && isWord(t[k], "aka")) return k + 1;
  // "a.k.a." tokenises as a . k . a .
  if (k == i && k + 4 < t.size() && isWord(t[k], "a") && isPunct(t[k + 1], ".") && isWord(t[k + 2], "k") &&
      isPunct(t[k + 3], ".") && isWord(t[k + 4], "a")) {
    return k + 5 < t.size() && isPunct(t[k + 5], ".") ? k + 6 : k + 5;
  }
  return 0;
}

// A "the" or a quote before a name: "known as the Hezbollah Brigades".
bool opensName(const Token& t) { return isPunct(t, "\"") || isPunct(t, "'") || isWord(t, "the"); }

// Longest introducing phrase, in tokens ("a . k . a ." is six).
constexpr size_t kMaxIntroducerTokens = 6;

bool isNameParticle(const Token& t) {
  static constexpr std::array<std::string_view, 6> kParticles = {"of", "al", "el", "bin", "ibn", "and"};
  for (auto p : kParticles)
    if (t.word && t.lower == p) return true;
  return t.article;
}

// The name starting at `i`: [begin, end) token indexes, end == begin when
// none. A leading "the" or quote is skipped; the name ends at punctuation or
// at a lower-case word that is not a particle between capitals.
std::pair<size_t, size_t> nameAt(const std::vector<Token>& t, size_t i) {
  while (i < t.size() && opensName(t[i])) ++i;
  size_t end = i, words = 0;
  for (size_t k = i; k < t.size() && words < kMaxAliasWords; ++k) {
    const Token& w = t[k];
    if (!w.word) {
      if (w.lower == "-" && k + 1 < t.size() && t[k + 1].word) continue;  // "al-Hashd"
      break;
    }
    if (w.capital || w.allCaps) {
      end = k + 1;
      ++words;
      continue;
    }
    if (isNameParticle(w) && k + 1 < t.size() && (t[k + 1].capital || t[k + 1].article || t[k + 1].lower == "-"))
      continue;
    break;
  }
  return {i, words == 0 ? i : end};
}

}  // namespace

bool followsKnownAs(const std::vector<Token>& tokens, size_t at) {
  size_t p = std::min(at, tokens.size());
  while (p > 0 && opensName(tokens[p - 1])) --p;
  for (size_t k = p > kMaxIntroducerTokens ? p - kMaxIntroducerTokens : 0; k < p; ++k)
    if (afterIntroducer(tokens, k) == p) return true;
  return false;
}

std::vector<KnownAs> findKnownAs(std::string_view text, const std::vector<Token>& tokens,
                                 const std::vector<Mention>& mentions) {
  std::vector<KnownAs> out;
  for (size_t m = 0; m < mentions.size(); ++m) {
    if (mentions[m].modifier) continue;
    size_t i = mentions[m].tokEnd;
    if (i < tokens.size() && (isPunct(tokens[i], ",") || isPunct(tokens[i], "("))) ++i;
    const size_t start = afterIntroducer(tokens, i);
    if (start == 0) continue;
    const auto [b, e] = nameAt(tokens, start);
    if (e <= b) continue;
    // The name must not be wholly another actor's: "X, known as Y" where Y
    // is a different known actor is a comparison, not a name. A known name
    // inside a longer one ("Hezbollah" in "the Hezbollah Brigades") is not.
    bool other = false;
    for (size_t o = 0; o < mentions.size(); ++o)
      if (o != m && mentions[o].tokBegin <= b && mentions[o].tokEnd >= e && mentions[o].entity != mentions[m].entity)
        other = true;
    if (other) continue;
    const size_t from = tokens[b].begin, to = tokens[e - 1].end;
    if (to <= from || to > text.size()) continue;
    out.push_back({m, std::string(text.substr(from, to - from))});
  }
  return out;
}

}  // namespace kg::extract
