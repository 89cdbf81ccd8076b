// Part-of-speech tagging for one normalised English sentence: the first stage
// of the shallow parser (pos_tagger -> chunker -> clauses) that the event coder
// reads.
//
// Why a lexicon tagger and not a full parser: ingest must run at >= 2 MB/s per
// core, so the parser gets a budget of >= 10 MB/s. A lexicon lookup per word
// plus a few contextual rules fits; link-grammar (a full parser, exponential
// in the worst case, milliseconds per sentence) and the apertium tagger (a
// separate process pipeline with its own stream format) do not.
//
// The lexicon has two parts:
//  * closed-class words (determiners, pronouns, prepositions, auxiliaries,
//    modals, subordinators, titles, common adverbs ...) from
//    engine/extract/data/english_words.txt, embedded at build time;
//  * open-class POS sets and irregular forms from WordNet (package
//    wordnet-base, /usr/share/wordnet: index.{noun,verb,adj,adv},
//    verb.exc, noun.exc), read once by Lexicon::load.
// Unknown words fall back to capitalisation (names) and suffix rules.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace kg::extract::syntax {

// Coarse part of speech.
enum class Pos : uint8_t {
  kNoun,
  kProperNoun,   // names, acronyms (IRGC), name particles inside names (al-, bin)
  kPronoun,
  kVerb,         // a lexical verb
  kAux,          // be / have / do
  kModal,        // will, would, can, could, may, might, shall, should, must
  kAdjective,
  kAdverb,
  kDeterminer,   // the, a, this, some, each, his (possessive determiners too)
  kNumber,
  kPreposition,
  kCoordinator,  // and, or, but, nor
  kSubordinator, // that, which, who, whom, whose, whether, because, after, if ...
  kTo,           // the particle / preposition "to"
  kNegation,     // not, n't, never
  kPossessive,   // 's and the bare ' after a plural
  kPunct,
};

// Inflection of verbs and auxiliaries; kNone for other words.
enum class VerbForm : uint8_t { kNone, kBase, kThirdSingular, kPast, kPastParticiple, kGerund };

const char* posName(Pos pos);          // "NOUN", "PROPN", "VERB", ...
const char* verbFormName(VerbForm f);  // "", "base", "3sg", "past", "part", "ger"

struct Word {
  size_t begin = 0;  // byte offsets in the article (sentence offset + position)
  size_t end = 0;
  std::string lower;  // lower-cased surface form
  std::string lemma;  // verbs: base form; nouns: singular; others: lower
  Pos pos = Pos::kNoun;
  VerbForm form = VerbForm::kNone;
  bool capitalised = false;  // first letter upper case in the text
  bool pastOnly = false;     // a past that is never a participle ("spoke", "took"): no passive
};

// True when tagged word `w` is a common noun in the plural: its form is not
// its lemma (the singular) and ends in "s" ("remarks", not "news" or "people").
bool isPluralNoun(const Word& w);

// Word -> possible parts of speech and irregular forms. Immutable after
// load(); const methods are safe from several threads. Share one instance.
class Lexicon final {
 public:
  static constexpr const char* kDefaultWordNetDir = "/usr/share/wordnet";

  // Reads WordNet from `wordnetDir` (index.noun, index.verb, index.adj,
  // index.adv, verb.exc, noun.exc) and parses the embedded closed-class list.
  // Errors: NotFound naming the missing file and the package to install
  // (wordnet-base); Corruption for an unreadable closed-class line.
  static Result<std::shared_ptr<const Lexicon>> load(const std::string& wordnetDir = kDefaultWordNetDir);

  struct Impl;
  explicit Lexicon(std::unique_ptr<Impl> impl);
  ~Lexicon();
  Lexicon(const Lexicon&) = delete;
  Lexicon& operator=(const Lexicon&) = delete;

  const Impl& impl() const { return *impl_; }

 private:
  std::unique_ptr<Impl> impl_;
};

// Memo of the lexicon's analyses of words already seen, for one thread: with
// it, a frequent word costs one lookup in a small table instead of several in
// WordNet's. Not thread-safe: give each thread its own. Bounded: it forgets
// everything once it holds kMaxWords words.
class TaggerCache final {
 public:
  static constexpr size_t kMaxWords = 200000;
  TaggerCache();
  ~TaggerCache();
  TaggerCache(const TaggerCache&) = delete;
  TaggerCache& operator=(const TaggerCache&) = delete;

  struct Impl;
  Impl& impl() { return *impl_; }

 private:
  std::unique_ptr<Impl> impl_;
};

// Splits `text` (one sentence, normalised: straight quotes, ASCII dashes)
// into words and tags them. `offset` is the sentence's byte offset in the
// article; Word::begin/end include it. Keeps "U.S.", "Gen.", "al-Muhandis",
// "Kata'ib", "1,500" whole; splits off "'s", "n't" and punctuation.
// `cache` (optional, borrowed) speeds up repeated words; results are the same.
std::vector<Word> tagWords(const Lexicon& lexicon, std::string_view text, size_t offset,
                           TaggerCache* cache = nullptr);

}  // namespace kg::extract::syntax
