// Mentions: where an article names an actor, and which actor it is.
//
//   tokenize()     words of a sentence with their folded keys (Latin, Arabic,
//                  katakana/kanji through MeCab) and punctuation.
//   MentionIndex   the catalog's aliases as a token trie over strict keys and
//                  one over skeleton keys, plus surnames, demonyms and titles.
//   findMentions() dictionary matches (longest first, skeleton matches only
//                  when unique and of similar length), surnames, office roles
//                  ("the premier", "Iraq's prime minister", "イラク首相"), and
//                  rules for actors the catalog lacks: a title before a
//                  capitalised name ("Brigadier General William Seely"), an
//                  appositive after one ("X, the secretary general of Y"), a
//                  speech verb after one, an organisation suffix
//                  ("... Committee", "... Brigades").
//
// Thread safety: MentionIndex is immutable after build and may be shared.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "extract/actors/catalog.h"
#include "extract/text/japanese_segmenter.h"
#include "extract/actors/name_fold.h"
#include "extract/actors/resolver.h"

namespace kg::extract {

struct Token {
  size_t begin = 0;  // byte offsets in the article text
  size_t end = 0;
  std::string lower;     // raw text lower-cased (ASCII), for verb and word rules
  std::string strict;    // folded keys (empty for punctuation and articles)
  std::string skeleton;
  Script script = Script::kOther;
  bool word = false;        // a word (else punctuation, kept for rules)
  bool article = false;     // a dropped Arabic article ("al" of "al-Muhandis")
  bool capital = false;     // Latin word starting with an upper-case letter
  bool allCaps = false;     // Latin word with all letters upper case ("US", "PMF")
  bool possessive = false;  // ended in "'s"
  bool hyphenAfter = false;
  bool hyphenBefore = false;
};

// The tokens of text[begin, end). `ja` may be null (then kana and kanji runs
// are one token each).
std::vector<Token> tokenize(std::string_view text, size_t begin, size_t end, const JapaneseSegmenter* ja);

class MentionIndex {
 public:
  MentionIndex(const Catalog& catalog, const JapaneseSegmenter* ja);
  // Adds one alias of catalog actor `actor` (also used for stored actors).
  void addAlias(const std::string& alias, size_t actor);

  struct Entry {
    size_t actor;
    bool acronym;                   // "US", "PMF": matches upper-case text only
    std::vector<uint8_t> wordLens;  // strict word lengths (skeleton checks)
  };
  struct Hit {
    size_t length = 0;  // tokens consumed (including articles)
    std::vector<const Entry*> entries;
    bool skeleton = false;
  };
  // Longest alias starting at token i (i is a word, not an article).
  Hit match(const std::vector<Token>& tokens, size_t i) const;
  // Catalog persons with this surname (strict or "~skeleton" key).
  const std::vector<size_t>* surname(const std::string& key) const;
  // A state by demonym ("iraqi") or nullptr.
  std::optional<size_t> demonym(const std::string& strict) const;
  // Longest title form at token i: canonical title and length in tokens.
  std::optional<std::pair<std::string, size_t>> title(const std::vector<Token>& tokens, size_t i) const;

  const Catalog& catalog() const { return catalog_; }
  const JapaneseSegmenter* japanese() const { return ja_; }

 private:
  std::vector<std::string> aliasWords(const std::string& alias, std::vector<FoldedWord>* folded) const;

  const Catalog& catalog_;
  const JapaneseSegmenter* ja_;
  std::unordered_map<std::string, std::vector<Entry>> strict_;
  std::unordered_map<std::string, std::vector<Entry>> skeleton_;
  std::unordered_set<std::string> strictPrefixes_;
  std::unordered_set<std::string> skeletonPrefixes_;
  std::unordered_map<std::string, std::vector<size_t>> surnames_;
  std::unordered_map<std::string, size_t> demonyms_;
  std::unordered_map<std::string, std::string> titles_;  // strict phrase -> canonical
  std::unordered_set<std::string> titlePrefixes_;
  size_t maxWords_ = 1;
};

// How a mention was found (drives confidence).
enum class MentionSource : uint8_t { kAlias, kSkeleton, kSurname, kRole, kRule };

struct Mention {
  size_t tokBegin = 0;  // token range [tokBegin, tokEnd) within the sentence's tokens
  size_t tokEnd = 0;
  size_t begin = 0;  // byte range in the article text
  size_t end = 0;
  size_t entity = 0;  // Resolver entity
  MentionSource source = MentionSource::kAlias;
  float confidence = 1.0f;
  // A title written with it ("Secretary of State Mike Pompeo"), and the
  // entity the title belongs to when written ("US", "Iraq's"); kNoActor if none.
  std::string title;
  size_t titleOf = kNoActor;
  size_t titleBegin = 0;  // first token of the title and its owner (== tokBegin when none)
  bool modifier = false;    // only qualifies another mention ("US" in "US ambassador X")
  bool possessive = false;  // written "Iran's": qualifies the noun after it
};

// The mentions of one sentence in text order.
std::vector<Mention> findMentions(const std::vector<Token>& tokens, const MentionIndex& index, Resolver* resolver);

}  // namespace kg::extract
