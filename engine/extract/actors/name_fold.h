// Name folding: the folded forms under which an actor's names are indexed and
// matched, so that spellings of one name meet on the same key.
//
// Two keys per name:
//   strict    lower case, diacritics and apostrophes dropped, hyphens and
//             punctuation as spaces, Arabic articles (al-, el-, ad-, as-,
//             ...) dropped: "Kata'ib Hezbollah" and "Kataib Hezbollah" meet.
//   skeleton  a consonant skeleton in one Latin alphabet for every script:
//             vowels dropped, doubled letters collapsed, q/k, kh/gh/k,
//             dh/z, ph/f, sh/x, l/r ...; Arabic letters and katakana are
//             mapped to Latin first. "Ketaib Hizbullah", "Kataeb Hezbollah"
//             and "كتائب حزب الله" meet. Skeleton keys are prefixed with '~'
//             and are looser: matchers use them only with a confirming check
//             (a unique candidate, similar token lengths).
// Distinct names keep distinct keys when their consonants differ
// ("Mike Pompeo" vs "Mike Pence", "Saddam Hussein" vs "Fuad Hussein",
// "Hezbollah" vs "Kata'ib Hezbollah").
//
// Pure functions; safe from any thread.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace kg::extract {

// The index keys for one name or alias: the strict key first, then the
// skeleton key ("~...") when it differs and is long enough to identify. At least one, none empty, for any
// name with a letter or digit in it; empty for a name without any.
std::vector<std::string> nameKeys(std::string_view name);

// nameKeys(name) borrowed from this thread's memo instead of copied: valid
// until this thread's next call of nameKeys or nameKeysOf (either may drop
// the memo). For loops that only read the keys (registering an article's
// stored actors reads the same names' keys again for every article).
const std::vector<std::string>& nameKeysOf(std::string_view name);

// Skeletons shorter than this are not emitted as keys ("Syria" and "Israel"
// share "sr"); matchers may still compare them with a confirming check.
inline constexpr size_t kMinSkeletonKey = 4;

enum class Script : uint8_t { kLatin, kArabic, kKana, kHan, kDigit, kOther };

// One word folded both ways. `article` is set for a dropped Arabic article
// ("al" in "al-Muhandis"); its keys are empty.
struct FoldedWord {
  std::string strict;
  std::string skeleton;
  Script script = Script::kOther;
  bool article = false;
};

// Folds one word (no spaces). `hyphenAfter`: the word is joined to the next
// by a hyphen (so "as-" / "ad-" are articles, "as" alone is English).
// `nextExists`: a word follows (an article needs something to attach to).
FoldedWord foldWord(std::string_view word, bool hyphenAfter, bool nextExists);

// A name split into words and folded; articles removed.
std::vector<FoldedWord> foldName(std::string_view name);

// The Latin consonant skeleton of a strict Latin word ("hezbollah" -> "hzbrh").
std::string latinSkeleton(std::string_view strictWord);
// Katakana to Latin letters ("ソレイマニ" -> "soreimani"); other bytes dropped.
std::string kanaToLatin(std::string_view kana);
// Arabic word folded: diacritics and tatweel dropped, alef/ya/ta-marbuta
// variants unified, a leading article (ال, وال, بال, لل ...) dropped.
std::string arabicFold(std::string_view word);
// The Latin consonant skeleton of an Arabic-folded word.
std::string arabicSkeleton(std::string_view foldedArabic);

// UTF-8 helpers shared by the extraction stages.
// Decodes the code point at s[i] and advances i (invalid bytes -> U+FFFD, +1).
char32_t decodeUtf8(std::string_view s, size_t& i);
void appendUtf8(std::string& out, char32_t c);
Script scriptOf(char32_t c);
bool isLetterOrDigit(char32_t c);

}  // namespace kg::extract
