// MentionIndex: the catalog's aliases as a token trie over strict keys and
// one over skeleton keys, plus surnames, demonyms and titles, for
// findMentions (mentions.h) to match sentences against.
//
// Thread safety: immutable after build (addAlias included) and may be shared.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "extract/actors/catalog.h"
#include "extract/actors/name_fold.h"
#include "extract/actors/tokens.h"
#include "extract/actors/undo_log.h"
#include "extract/text/japanese_segmenter.h"

namespace kg::extract {

class MentionIndex {
 public:
  MentionIndex(const Catalog& catalog, const JapaneseSegmenter* ja);
  // Adds one alias of catalog actor `actor` (also used for stored actors).
  void addAlias(const std::string& alias, size_t actor);
  // While `log` is set (not null), addAlias records its inverse in it; `log`
  // is borrowed and must outlive this index or be unset. The key filter is
  // not taken back: a key left in it only lets a lookup through that then
  // finds nothing (its false positives cost no result).
  void recordChangesIn(UndoLog* log) { undo_ = log; }

  struct Entry {
    size_t actor;
    bool acronym;                   // "US", "PMF": matches upper-case text only
    std::vector<uint8_t> wordLens;  // strict word lengths (skeleton checks)
    // A one-word Arabic alias: its letters without the long vowels (ا و ي ى)
    // and final ه, for the check a lone Arabic word's skeleton hit must pass
    // ("" otherwise).
    std::string arabicLetters;
    // A one-word Latin alias: its strict key's first and last bytes, which
    // a lone Latin word's skeleton hit must share ("Colombo" is no
    // "Colombia", "Suleimani" is "Soleimani"); 0 otherwise.
    char latinFirst = 0, latinLast = 0;
    // Each Latin word's ending, two bits a word (latinEnding): a name of
    // several words must end each Latin word as the alias does ("Don
    // Farrell" is no "Danny Faure", "Qassem Suleimani" is "Qasem
    // Soleimani"). 0 for a word in another script.
    uint32_t latinEnds = 0;
    // Each Latin word of one or two letters, as its index and its letters
    // (three bytes, the second letter 0 for a one-letter word): such a word
    // is mostly vowel, so a skeleton hit must spell it alike ("Lu Kang" is
    // no "Li Qiang").
    std::string shortWords;
  };
  // 1 when a strict Latin word ends in a vowel ("y", or "h" after a vowel,
  // counts: "Haniyah" ends as "Haniyeh" and "Haniya" do), 2 when in a
  // consonant, 0 when empty; a plural's "s" as latinSkeleton drops it.
  static uint32_t latinEnding(std::string_view strict);
  struct Hit {
    size_t length = 0;  // tokens consumed (including articles)
    std::vector<const Entry*> entries;
    bool skeleton = false;
  };
  // A state's Arabic adjectives made from its one-word Arabic alias ("السويد"
  // -> "سويدي", "سويدية"); empty for any other alias (mention_index.cpp).
  static std::vector<std::string> arabicNisbas(const std::string& alias, const JapaneseSegmenter* ja);
  // An Arabic alias in "ون" (sound masculine plural) in its "ين" case
  // ("الحوثيون" -> "الحوثيين"); nullopt for any other alias.
  static std::optional<std::string> arabicObliquePlural(const std::string& alias);
  // Longest alias starting at token i (i is a word, not an article).
  Hit match(const std::vector<Token>& tokens, size_t i) const;
  // Catalog persons with this surname (strict or "~skeleton" key); not those
  // marked "attr surname = after_full_name", whose surname alone names no one.
  const std::vector<size_t>* surname(const std::string& key) const;
  // Catalog persons whose kanji name (an alias of two or more kanji words,
  // "岸田文雄") opens with this word, their family name ("岸田"); nullptr
  // for none. Read only before a title ("岸田首相"), see mentions.cpp.
  const std::vector<size_t>* japaneseSurname(const std::string& strict) const;
  // Catalog persons whose Arabic name (an alias of two or more Arabic words,
  // "محمد شياع السوداني") ends with this word, their family name
  // ("السوداني"); nullptr for none. Read only where the word stands alone,
  // not after a noun it could qualify as a state's adjective (mentions.cpp).
  const std::vector<size_t>* arabicSurname(const std::string& strict) const;
  // True when lower-case `word` opens the name of a dictionary person and
  // names nothing else ("julian" from "Julian Assange"): a given name an
  // unknown name may open, beside given_names.txt's (catalogGivenNames).
  bool catalogGivenName(const std::string& word) const { return catalogGivenNames_.contains(word); }
  // A state by demonym ("iraqi") or nullptr.
  std::optional<size_t> demonym(const std::string& strict) const;
  // The same for a token's strict key (its precomputed hash saves one).
  std::optional<size_t> demonym(const Token& t) const;
  // Longest title form at token i: canonical title and length in tokens.
  // A deputy's title the list does not know whole ("deputy foreign
  // minister") counts: the opener and the known title after it.
  std::optional<std::pair<std::string, size_t>> title(const std::vector<Token>& tokens, size_t i) const;

  const Catalog& catalog() const { return catalog_; }
  const JapaneseSegmenter* japanese() const { return ja_; }

 private:
  // title()'s fallback: an opener (title_words.txt) before a known title.
  std::optional<std::pair<std::string, size_t>> deputyTitle(const std::vector<Token>& tokens, size_t i) const;
  // The entries (one per actor) whose skeleton key is `skeleton` and whose
  // words have about the lengths of the tokens at `wordIdx`.
  static std::string arabicLetters(std::string_view key);
  std::vector<const Entry*> similarSkeletonEntries(const std::vector<Entry>& entries, const std::vector<Token>& tokens,
                                                   std::span<const size_t> wordIdx) const;
  void addJapaneseSurname(const std::string& alias, size_t actor);
  std::vector<std::string> aliasWords(const std::string& alias, std::vector<FoldedWord>* folded) const;

  const Catalog& catalog_;
  const JapaneseSegmenter* ja_;
  // The tries: every word prefix of an alias key is a node, holding the
  // entries of the aliases that end there (none for a prefix only), so that
  // one lookup per word both matches and says whether to go on.
  std::unordered_map<std::string, std::vector<Entry>> strict_;
  std::unordered_map<std::string, std::vector<Entry>> skeleton_;
  // A one-hash Bloom filter over the keys of both tries, of the titles and
  // of the demonyms: most words start no alias, and one bit (in 128 KiB that
  // stay in cache) says so without a trip through the large, cache-cold
  // tables. False positives only cost the lookup they would have cost anyway.
  static constexpr size_t kFilterBits = size_t{1} << 20;
  std::vector<uint64_t> keyFilter_ = std::vector<uint64_t>(kFilterBits / 64);
  static size_t filterBit(const std::string& key) { return filterBitOfHash(std::hash<std::string>{}(key)); }
  static size_t filterBitOfHash(size_t h) { return (h ^ (h >> 29)) & (kFilterBits - 1); }
  void noteKey(const std::string& key) { noteFilterBit(filterBit(key)); }
  void noteFilterBit(size_t b);
  bool mayHold(const std::string& key) const { return mayHoldHash(std::hash<std::string>{}(key)); }
  // `h`: std::hash of the key (a token's strictHash or skeletonHash).
  bool mayHoldHash(size_t h) const {
    const size_t b = filterBitOfHash(h);
    return (keyFilter_[b / 64] >> (b % 64)) & 1;
  }
  void addCatalogGivenNames(const Catalog& catalog);
  std::unordered_map<std::string, std::vector<size_t>> surnames_;
  std::unordered_set<std::string> catalogGivenNames_;
  // The strict last word (4+ Latin letters) of every catalog person's name,
  // whatever "attr surname" says: a lone word spelt so takes no skeleton hit.
  std::unordered_set<std::string> personLastWords_;
  std::unordered_map<std::string, std::vector<size_t>> japaneseSurnames_;
  std::unordered_map<std::string, std::vector<size_t>> arabicSurnames_;
  void addArabicSurname(const std::string& alias, size_t actor);
  std::unordered_map<std::string, size_t> demonyms_;
  struct TitleNode {
    std::optional<std::string> canonical;  // set when a title form ends here
  };
  std::unordered_map<std::string, TitleNode> titles_;  // strict phrase (or a prefix of one) -> canonical
  size_t maxWords_ = 1;
  UndoLog* undo_ = nullptr;
  // What addAlias derives from an alias's words alone: the strict and
  // skeleton key of each word prefix, the words' strict lengths and whether
  // it is an acronym, and from those the keys' filter bits and a one-word
  // alias's Arabic letters. Ingest registers the stored actors an article names
  // before every article (Extractor::setArticleActors), so the same aliases
  // come back again and again; tokenizing one costs far more than a lookup.
  // Bounded: forgotten whole when full.
  struct AliasPlan {
    std::vector<std::pair<std::string, std::string>> prefixes;  // (strict, skeleton) per word
    std::vector<uint8_t> wordLens;
    std::vector<std::pair<size_t, size_t>> filterBits;  // filterBit of each prefix (strict, skeleton)
    std::string arabicLetters;                         // arabicLetters of a one-word alias's key, else ""
    char latinFirst = 0, latinLast = 0;                // Entry::latinFirst/latinLast
    uint32_t latinEnds = 0;                            // Entry::latinEnds
    std::string shortWords;                            // Entry::shortWords
    bool acronym = false;
  };
  static constexpr size_t kMaxAliasPlans = size_t{1} << 15;
  struct PlanHash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
  };
  std::unordered_map<std::string, AliasPlan, PlanHash, std::equal_to<>> aliasPlans_;
  AliasPlan planAlias(const std::string& alias) const;
};

}  // namespace kg::extract
