// Tokens: the words of a sentence with their folded keys (Latin, Arabic,
// katakana/kanji through MeCab) and its punctuation, the units mentions and
// the relation rules read.
//
// Pure function; safe from any thread (the segmenter is, see
// japanese_segmenter.h). Each thread keeps a bounded memo of the words it
// has folded (tokens.cpp); results do not depend on it.
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "extract/actors/name_fold.h"
#include "extract/text/japanese_segmenter.h"

namespace kg::extract {

struct Token {
  size_t begin = 0;  // byte offsets in the article text
  size_t end = 0;
  std::string lower;     // raw text lower-cased (ASCII), for verb and word rules
  std::string strict;    // folded keys (empty for punctuation and articles)
  std::string skeleton;
  // std::hash of `strict` and of `skeleton`, computed once per distinct word
  // (tokenize's memo): MentionIndex's key filter reads them for one-word keys
  // instead of hashing the word again at every lookup. Whoever changes
  // `strict` or `skeleton` calls rehashKeys.
  size_t strictHash = 0;
  size_t skeletonHash = 0;
  Script script = Script::kOther;
  bool word = false;        // a word (else punctuation, kept for rules)
  bool article = false;     // a dropped Arabic article ("al" of "al-Muhandis")
  bool capital = false;     // Latin word starting with an upper-case letter
  bool allCaps = false;     // Latin word with all letters upper case ("US", "PMF")
  bool possessive = false;  // ended in "'s"
  bool hyphenAfter = false;
  bool hyphenBefore = false;
};

// Recomputes t.strictHash and t.skeletonHash from t.strict and t.skeleton.
void rehashKeys(Token& t);

// Where an office written after a name opens: "X as (prime minister)",
// "X was named as ...", "X was sworn in as ...", "X became (prime
// minister)". `next` is the token after the name; `passiveVerb(lower)` says
// which word between "was"/"were" and "as" counts (every word when empty).
// nullopt when no such "as" follows.
struct OfficeAs {
  size_t as = 0;    // the token "as" (or "became": the office follows it)
  size_t verb = 0;  // the passive verb's token ("became" itself), or tokens.size() for "X as"
};
std::optional<OfficeAs> officeAsAfter(const std::vector<Token>& tokens, size_t next,
                                      const std::function<bool(std::string_view)>& passiveVerb);

// The word of a possessive token without its "'s" ("country" for
// "country's"); empty when the token is not possessive.
std::string possessiveStem(const Token& t);

// The tokens of text[begin, end). `ja` may be null (then kana and kanji runs
// are one token each).
std::vector<Token> tokenize(std::string_view text, size_t begin, size_t end, const JapaneseSegmenter* ja);

}  // namespace kg::extract
