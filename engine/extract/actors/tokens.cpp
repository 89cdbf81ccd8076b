#include "extract/actors/tokens.h"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <functional>
#include <string>
#include <utility>
#include <vector>

namespace kg::extract {
namespace {

bool isApostropheCp(char32_t c) { return c == '\'' || c == 0x2019 || c == 0x2018 || c == 0x02BC || c == '`'; }
bool isHira(char32_t c) { return c >= 0x3041 && c <= 0x309F; }
bool isCjk(char32_t c) {
  const Script s = scriptOf(c);
  return s == Script::kKana || s == Script::kHan || isHira(c) || c == 0x30FB;
}
bool isLatinish(char32_t c) {
  const Script s = scriptOf(c);
  return s == Script::kLatin || s == Script::kDigit;
}
char32_t peek(std::string_view t, size_t i, size_t end) {
  if (i >= end) return 0;
  return decodeUtf8(t, i);
}
size_t nextIdx(std::string_view t, size_t i) {
  decodeUtf8(t, i);
  return i;
}

const char* punctName(char32_t c) {
  switch (c) {
    case ',': case 0x3001: case 0xFF0C: case 0x060C: return ",";
    case '.': case 0x3002: return ".";
    case ';': case 0x061B: return ";";
    case ':': return ":";
    case '(': case 0x300C: case 0x300E: return "(";
    case ')': case 0x300D: case 0x300F: return ")";
    case '"': return "\"";
    case '[': return "(";
    case ']': return ")";
    case '?': case '!': return ".";
    case '-': case 0x2013: case 0x2014: return "-";
    default: return nullptr;
  }
}

// FNV-1a over a word's bytes (short keys).
size_t wordHash(std::string_view s) {
  uint64_t h = 1469598103934665603ull;
  for (char c : s) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ull;
  return static_cast<size_t>(h);
}

// What finishWord derives from a word's bytes (and whether a hyphen follows
// it): the same for every occurrence of the word.
struct WordFold {
  std::string lower, strict, skeleton;
  size_t strictHash = 0, skeletonHash = 0;
  Script script = Script::kOther;
  bool article = false, capital = false, allCaps = false, possessive = false;
};

// This thread's cache of folded words: a two-way set-associative table of
// kSets * kWays words, each set holding the last two words that hashed to it
// (the one used longer ago makes room). Words repeat (news text is
// Zipfian), and folding one (lower case, strict key, consonant skeleton)
// costs several string builds; a hit costs one hash and a compare or two, in
// a table small enough to stay in cache (a growing hash map of every word
// seen was not: its lookups missed the cache). Direct-mapped, the same 16384
// slots refolded one word in five on the benchmark corpus: two frequent words
// sharing a slot evicted each other.
struct FoldCache {
  static constexpr size_t kWays = 2;
  static constexpr size_t kSets = 8192;  // a power of two
  struct Slot {
    std::string word;
    bool hyphenAfter = false;
    bool used = false;
    WordFold fold;
  };
  struct Set {
    Slot way[kWays];
    uint8_t recent = 0;  // the way hit or filled last
  };
  std::vector<Set> sets = std::vector<Set>(kSets);
};

// Bytes of the "'s" or "’s" that ends word `w` after at least one other
// character (2 or 4); 0 when it ends in neither.
size_t possessiveSuffixBytes(std::string_view w) {
  if (w.size() < 3 || (w.back() != 's' && w.back() != 'S')) return 0;
  if (w[w.size() - 2] == '\'') return 2;
  if (w.size() > 4 && w.compare(w.size() - 4, 3, "\xE2\x80\x99") == 0) return 4;
  return 0;
}

WordFold foldForToken(std::string_view raw, bool hyphenAfter) {
  WordFold t;
  FoldedWord f = foldWord(raw, hyphenAfter, true);
  t.strict = std::move(f.strict);
  t.skeleton = std::move(f.skeleton);
  t.script = f.script;
  t.article = f.article;
  // ASCII only (the "C" locale's rules) without the per-byte locale calls.
  t.lower.assign(raw);
  bool anyLetter = false, allUpper = true;
  for (char& c : t.lower) {
    if (c >= 'A' && c <= 'Z') {
      c = static_cast<char>(c - 'A' + 'a');
      anyLetter = true;
    } else if (c >= 'a' && c <= 'z') {
      anyLetter = true;
      allUpper = false;
    }
  }
  if (t.script == Script::kLatin) {
    size_t k = 0;
    const char32_t first = decodeUtf8(raw, k);
    t.capital = (first < 0x80 && std::isupper(static_cast<int>(first))) || (first >= 0xC0 && first <= 0xDE);
    t.allCaps = anyLetter && allUpper;
    t.possessive = possessiveSuffixBytes(raw) > 0;
  }
  if (t.script == Script::kDigit) t.capital = true;
  t.strictHash = std::hash<std::string>{}(t.strict);
  t.skeletonHash = std::hash<std::string>{}(t.skeleton);
  return t;
}

void finishWord(Token& t, std::string_view text, bool hyphenAfter) {
  const std::string_view raw = text.substr(t.begin, t.end - t.begin);
  t.word = true;
  t.hyphenAfter = hyphenAfter;
  thread_local FoldCache cache;
  const size_t h = wordHash(raw);
  FoldCache::Set& set = cache.sets[(h ^ (h >> 29) ^ (hyphenAfter ? 1 : 0)) & (FoldCache::kSets - 1)];
  const FoldCache::Slot* hit = nullptr;
  for (uint8_t w = 0; w < FoldCache::kWays; ++w) {
    const FoldCache::Slot& slot = set.way[w];
    if (slot.used && slot.hyphenAfter == hyphenAfter && slot.word == raw) {
      set.recent = w;
      hit = &slot;
      break;
    }
  }
  if (hit == nullptr) {
    const uint8_t victim = static_cast<uint8_t>((set.recent + 1) % FoldCache::kWays);
    FoldCache::Slot& slot = set.way[victim];
    slot.word.assign(raw);
    slot.hyphenAfter = hyphenAfter;
    slot.used = true;
    slot.fold = foldForToken(raw, hyphenAfter);
    set.recent = victim;
    hit = &slot;
  }
  const WordFold& f = hit->fold;
  t.lower = f.lower;
  t.strict = f.strict;
  t.skeleton = f.skeleton;
  t.strictHash = f.strictHash;
  t.skeletonHash = f.skeletonHash;
  t.script = f.script;
  t.article = f.article;
  t.capital = f.capital;
  t.allCaps = f.allCaps;
  t.possessive = f.possessive;
}

// A Latin (or digit) word starting at `s`, `*i` just past its first
// character: letters with inner apostrophes and dots ("Kata'ib", "U.S."),
// and a hyphen joining it to the next word ("Iran-backed"), which sets
// `*hyphenPending` for that word. `*i` ends past the word (and hyphen).
// The token is built in place at the end of `out` (a Token moved there
// would copy its three short strings once more).
void latinWord(std::string_view text, size_t s, size_t* i, size_t end, bool* hyphenPending, std::vector<Token>* out) {
  Token& t = out->emplace_back();
  t.begin = s;
  t.hyphenBefore = *hyphenPending;
  *hyphenPending = false;
  bool dotted = false;
  while (*i < end) {
    // ASCII letters and digits, the common case, without decoding.
    const char a = text[*i];
    if ((a >= 'a' && a <= 'z') || (a >= 'A' && a <= 'Z') || (a >= '0' && a <= '9')) { ++*i; continue; }
    // Any other ASCII byte but an apostrophe or a dot ends the word (the
    // tests below, without decoding it and the character after it).
    if (static_cast<unsigned char>(a) < 0x80 && a != '\'' && a != '`' && a != '.') break;
    const char32_t d = peek(text, *i, end);
    if (isLatinish(d)) { *i = nextIdx(text, *i); continue; }
    const size_t after = nextIdx(text, *i);
    const char32_t e = peek(text, after, end);
    if ((isApostropheCp(d) || d == '.') && isLatinish(e) && scriptOf(e) == Script::kLatin) {
      if (d == '.') dotted = true;
      *i = after;
      continue;
    }
    if (d == '.' && dotted) { *i = after; break; }  // "U.S."
    break;
  }
  t.end = *i;
  bool hyphen = false;
  if (*i < end && text[*i] == '-') {
    const char32_t e = peek(text, *i + 1, end);
    if (e != 0 && (isLatinish(e) || scriptOf(e) == Script::kArabic)) {
      hyphen = true;
      ++*i;
      *hyphenPending = true;
    }
  }
  finishWord(t, text, hyphen);
}

// An Arabic word starting at `s`, appended to `out` unless it folds to
// nothing; "حزب الله": Allah joins the word before it.
void arabicWord(std::string_view text, size_t s, size_t* i, size_t end, std::vector<Token>* out) {
  Token t;
  t.begin = s;
  while (*i < end && scriptOf(peek(text, *i, end)) == Script::kArabic) *i = nextIdx(text, *i);
  t.end = *i;
  finishWord(t, text, false);
  if (t.strict.empty()) return;
  if (t.strict == "\u0627\u0644\u0644\u0647" && !out->empty() && out->back().script == Script::kArabic &&
      out->back().word) {
    Token& prev = out->back();
    prev.strict += t.strict;
    prev.skeleton = arabicSkeleton(prev.strict);
    rehashKeys(prev);
    prev.end = t.end;
    return;
  }
  out->push_back(std::move(t));
}

// The words of the kana/kanji run [s, runEnd): MeCab's when there is a
// segmenter, else runs of one script.
std::vector<std::pair<size_t, size_t>> cjkWords(std::string_view text, size_t s, size_t runEnd,
                                                const JapaneseSegmenter* ja) {
  std::vector<std::pair<size_t, size_t>> words;
  if (ja != nullptr) {
    for (const auto& w : ja->segment(text.substr(s, runEnd - s))) words.emplace_back(s + w.begin, s + w.end);
    return words;
  }
  size_t k = s;
  while (k < runEnd) {
    const size_t ws = k;
    const char32_t first = decodeUtf8(text, k);
    const bool hira = isHira(first);
    const Script sc = scriptOf(first);
    while (k < runEnd) {
      size_t q = k;
      const char32_t d = decodeUtf8(text, q);
      if (isHira(d) != hira || (!hira && scriptOf(d) != sc && d != 0x30FC)) break;
      k = q;
    }
    words.emplace_back(ws, k);
  }
  return words;
}

// Katakana words written together or joined by "・" are one name
// ("アブドゥル・マフディ").
std::vector<std::pair<size_t, size_t>> joinKatakana(std::string_view text,
                                                    const std::vector<std::pair<size_t, size_t>>& words) {
  std::vector<std::pair<size_t, size_t>> merged;
  auto allKana = [&](size_t b, size_t e) {
    size_t k = b;
    while (k < e) {
      if (scriptOf(decodeUtf8(text, k)) != Script::kKana) return false;
    }
    return true;
  };
  bool joinNext = false;
  for (const auto& w : words) {
    if (text.compare(w.first, w.second - w.first, "\u30FB") == 0) {
      joinNext = !merged.empty() && allKana(merged.back().first, merged.back().second);
      continue;
    }
    if (!merged.empty() && allKana(w.first, w.second) && allKana(merged.back().first, merged.back().second) &&
        (joinNext || merged.back().second == w.first)) {
      merged.back().second = w.second;
      joinNext = false;
      continue;
    }
    joinNext = false;
    merged.push_back(w);
  }
  return merged;
}

// The words of the kana/kanji run [s, runEnd), appended to `out`;
// hiragana words are kept for rules (particles) but match no name.
void cjkRun(std::string_view text, size_t s, size_t runEnd, const JapaneseSegmenter* ja, std::vector<Token>* out) {
  for (const auto& [wb, we] : joinKatakana(text, cjkWords(text, s, runEnd, ja))) {
    size_t k = wb;
    const char32_t first = decodeUtf8(text, k);
    if (first == 0x30FB) continue;  // middle dot between name parts
    Token t;
    t.begin = wb;
    t.end = we;
    finishWord(t, text, false);
    if (isHira(first)) {
      t.script = Script::kOther;
      t.skeleton.clear();
      rehashKeys(t);
    }
    out->push_back(std::move(t));
  }
}

}  // namespace

std::vector<Token> tokenize(std::string_view text, size_t begin, size_t end, const JapaneseSegmenter* ja) {
  std::vector<Token> out;
  end = std::min(end, text.size());
  out.reserve(end > begin ? (end - begin) / 4 + 4 : 0);  // about one token per five bytes of English
  size_t i = begin;
  bool hyphenPending = false;
  // A punctuation token [from, to) under its name.
  auto pushPunct = [&out](size_t from, size_t to, const char* name) {
    Token t;
    t.begin = from;
    t.end = to;
    t.lower = name;
    out.push_back(std::move(t));
  };
  while (i < end) {
    const size_t s = i;
    // ASCII, most bytes of most articles: no decoding, no script lookup
    // (the same branches as below take the same bytes).
    if (const auto b = static_cast<unsigned char>(text[i]); b < 0x80) {
      ++i;
      if (b == ' ' || b == '\t' || b == '\n' || b == '\r') { hyphenPending = false; continue; }
      if ((b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9')) {
        latinWord(text, s, &i, end, &hyphenPending, &out);
        continue;
      }
      if (const char* p = punctName(b)) {
        hyphenPending = false;
        pushPunct(s, i, p);
      }
      continue;
    }
    const char32_t c = decodeUtf8(text, i);
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0xA0 || c == 0x3000) { hyphenPending = false; continue; }
    if (isLatinish(c)) {
      latinWord(text, s, &i, end, &hyphenPending, &out);
      continue;
    }
    if (scriptOf(c) == Script::kArabic) {
      hyphenPending = false;
      arabicWord(text, s, &i, end, &out);
      continue;
    }
    if (isCjk(c)) {
      size_t runEnd = i;
      while (runEnd < end && isCjk(peek(text, runEnd, end))) runEnd = nextIdx(text, runEnd);
      cjkRun(text, s, runEnd, ja, &out);
      i = runEnd;
      hyphenPending = false;
      continue;
    }
    if (const char* p = punctName(c)) {
      hyphenPending = false;
      pushPunct(s, i, p);
    }
  }
  return out;
}

void rehashKeys(Token& t) {
  t.strictHash = std::hash<std::string>{}(t.strict);
  t.skeletonHash = std::hash<std::string>{}(t.skeleton);
}

std::optional<OfficeAs> officeAsAfter(const std::vector<Token>& tokens, size_t next,
                                      const std::function<bool(std::string_view)>& passiveVerb) {
  if (next >= tokens.size()) return std::nullopt;
  if (tokens[next].lower == "as") return OfficeAs{next, tokens.size()};
  if (tokens[next].lower == "became" || tokens[next].lower == "becomes") return OfficeAs{next, next};
  if (tokens[next].lower != "was" && tokens[next].lower != "were") return std::nullopt;
  if (next + 2 >= tokens.size() || (passiveVerb && !passiveVerb(tokens[next + 1].lower))) return std::nullopt;
  if (tokens[next + 2].lower == "as") return OfficeAs{next + 2, next + 1};
  if (next + 3 < tokens.size() && tokens[next + 2].lower == "in" && tokens[next + 3].lower == "as")
    return OfficeAs{next + 3, next + 1};  // "sworn in as"
  return std::nullopt;
}

std::string possessiveStem(const Token& t) {
  if (!t.possessive) return {};
  return t.lower.substr(0, t.lower.size() - possessiveSuffixBytes(t.lower));
}

}  // namespace kg::extract
