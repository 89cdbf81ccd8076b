#include "extract/actors/token_slice.h"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

using namespace kg::extract;

namespace {

bool sameToken(const Token& a, const Token& b) {
  return a.begin == b.begin && a.end == b.end && a.lower == b.lower && a.strict == b.strict &&
         a.skeleton == b.skeleton && a.strictHash == b.strictHash && a.skeletonHash == b.skeletonHash &&
         a.script == b.script && a.word == b.word && a.article == b.article && a.capital == b.capital &&
         a.allCaps == b.allCaps && a.possessive == b.possessive && a.hyphenAfter == b.hyphenAfter &&
         a.hyphenBefore == b.hyphenBefore;
}

bool sameTokens(const std::vector<Token>& a, const std::vector<Token>& b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (!sameToken(a[i], b[i])) return false;
  return true;
}

bool charStart(const std::string& text, size_t at) {
  return at >= text.size() || (static_cast<unsigned char>(text[at]) & 0xC0) != 0x80;
}

}  // namespace

TEST_CASE("takeTokens: any range of a text, the tokens tokenize gives it", "[extract][mentions]") {
  // Ranges cut at spaces, inside words, between a word and its hyphen or
  // its "U.S." dot, across "Allah" joined to the Arabic word before it, and
  // through kana and kanji runs.
  const std::vector<std::string> texts = {
      "BAGHDAD (Reuters) - Iran-backed Kata'ib Hezbollah's chief met U.S. envoys. They left.",
      "Then al-Muhandis's car, in Baghdad.\nThe PMF - a group - said: \"no\"",
      "\u0642\u0627\u0644 \u062d\u0632\u0628 \u0627\u0644\u0644\u0647 \u0627\u0644\u064a\u0648\u0645. "
      "\u0627\u0644\u0644\u0647 \u0623\u0643\u0628\u0631",
      "\u30a2\u30d6\u30c9\u30a5\u30eb\u30fb\u30de\u30d5\u30c7\u30a3\u9996\u76f8\u306f\u8a00\u3063\u305f\u3002 Abe "
      "said.",
  };
  for (const std::string& text : texts) {
    const std::vector<Token> whole = tokenize(text, 0, text.size(), nullptr);
    for (size_t b = 0; b <= text.size(); ++b) {
      if (!charStart(text, b)) continue;
      for (size_t e = b; e <= text.size(); ++e) {
        if (!charStart(text, e)) continue;
        std::vector<Token> pool = whole;
        INFO("text \"" << text << "\" [" << b << ", " << e << ")");
        CHECK(sameTokens(takeTokens(text, pool, b, e, nullptr), tokenize(text, b, e, nullptr)));
      }
    }
  }
}

TEST_CASE("takeTokens: consecutive sentences, each taken once, as tokenized one by one", "[extract][mentions]") {
  const std::string text = "Iran-backed groups met. The U.S. envoy left.\nHezbollah's chief spoke.";
  const size_t cuts[] = {0, 23, 24, 44, 45, text.size()};
  std::vector<Token> whole = tokenize(text, 0, text.size(), nullptr);
  for (size_t k = 0; k + 1 < std::size(cuts); ++k)
    CHECK(sameTokens(takeTokens(text, whole, cuts[k], cuts[k + 1], nullptr),
                     tokenize(text, cuts[k], cuts[k + 1], nullptr)));
}
