#include "extract/actors/name_fold.h"

#include <array>
#include <functional>
#include <unordered_map>
#include <cctype>

namespace kg::extract {
namespace {

// Latin-1 supplement and Latin Extended-A letters to their base letters
// (lower case); '\0' where there is none.
char latinBase(char32_t c) {
  static constexpr const char* kLatin1 =  // U+00C0..U+00FF
      "aaaaaaaceeeeiiiidnooooo\0ouuuuyts"
      "aaaaaaaceeeeiiiidnooooo\0ouuuuyty";
  static constexpr const char* kExtA =  // U+0100..U+017F
      "aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiiiiijjkkkllllllllll"
      "nnnnnnnnnoooooooorrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs";
  if (c >= 0xC0 && c <= 0xFF) return kLatin1[c - 0xC0];
  if (c >= 0x100 && c <= 0x17F) return kExtA[c - 0x100];
  return '\0';
}

bool isApostrophe(char32_t c) {
  return c == '\'' || c == '`' || c == 0x2019 || c == 0x2018 || c == 0x02BC || c == 0x02BF || c == 0x02BE ||
         c == 0x00B4;
}

bool isArabicLetter(char32_t c) { return (c >= 0x0621 && c <= 0x064A) || (c >= 0x0671 && c <= 0x06D3); }
bool isArabicMark(char32_t c) { return (c >= 0x064B && c <= 0x065F) || c == 0x0670 || c == 0x0640; }
bool isKatakana(char32_t c) { return (c >= 0x30A1 && c <= 0x30FA) || c == 0x30FC || (c >= 0x31F0 && c <= 0x31FF); }
bool isHiragana(char32_t c) { return c >= 0x3041 && c <= 0x3096; }
bool isHan(char32_t c) { return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) || c == 0x3005; }

bool isVowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

const char* kanaSyllable(char32_t c) {
  static constexpr std::array<const char*, 90> kTable = {
      "a",  "a",  "i",  "i",  "u",  "u",  "e",  "e",  "o",  "o",  "ka", "ga", "ki", "gi", "ku",  // 30A1..
      "gu", "ke", "ge", "ko", "go", "sa", "za", "shi", "ji", "su", "zu", "se", "ze", "so", "zo",  // 30B0..
      "ta", "da", "chi", "ji", "",  "tsu", "zu", "te", "de", "to", "do", "na", "ni", "nu", "ne",  // 30BF..
      "no", "ha", "ba", "pa", "hi", "bi", "pi", "fu", "bu", "pu", "he", "be", "pe", "ho", "bo",  // 30CE..
      "po", "ma", "mi", "mu", "me", "mo", "ya", "ya", "yu", "yu", "yo", "yo", "ra", "ri", "ru",  // 30DD..
      "re", "ro", "wa", "wa", "i",  "e",  "o",  "n",  "bu", "ka", "ke", "ba", "bi", "be", "bo"};  // 30EC..30FA
  if (c >= 0x30A1 && c <= 0x30FA) return kTable[c - 0x30A1];
  return nullptr;
}

bool isSmallKana(char32_t c) {
  return c == 0x30A1 || c == 0x30A3 || c == 0x30A5 || c == 0x30A7 || c == 0x30A9 || c == 0x30E3 || c == 0x30E5 ||
         c == 0x30E7;
}

const char* arabicLatin(char32_t c) {
  switch (c) {
    case 0x0628: return "b";
    case 0x062A: case 0x062B: case 0x0637: return "t";
    case 0x062C: case 0x0698: return "j";
    case 0x062D: case 0x0647: return "h";
    case 0x062E: case 0x063A: case 0x0642: case 0x0643: case 0x06A9: return "k";
    case 0x062F: case 0x0636: return "d";
    case 0x0630: case 0x0632: case 0x0638: return "z";
    case 0x0631: case 0x0644: return "r";  // l and r meet (katakana has one)
    case 0x0633: case 0x0635: return "s";
    case 0x0634: case 0x0686: return "x";
    case 0x0641: return "f";
    case 0x0645: return "m";
    case 0x0646: return "n";
    case 0x067E: return "p";
    case 0x06AF: return "g";
    default: return "";
  }
}

std::string latinLower(std::string_view word, bool* sawLetter) {
  std::string out;
  out.reserve(word.size());
  size_t i = 0;
  while (i < word.size()) {
    const char a = word[i];
    if (static_cast<unsigned char>(a) < 0x80) {  // ASCII without decoding or locale calls
      ++i;
      if (a >= 'a' && a <= 'z') { out += a; *sawLetter = true; }
      else if (a >= 'A' && a <= 'Z') { out += static_cast<char>(a - 'A' + 'a'); *sawLetter = true; }
      else if (a >= '0' && a <= '9') out += a;
      continue;
    }
    char32_t c = decodeUtf8(word, i);
    if (char b = latinBase(c)) {
      out += b;
      *sawLetter = true;
    }
  }
  return out;
}

}  // namespace

char32_t decodeUtf8(std::string_view s, size_t& i) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  if (b0 < 0x80) { ++i; return b0; }
  int n = 0;
  char32_t c = 0;
  if ((b0 & 0xE0) == 0xC0) { n = 1; c = b0 & 0x1F; }
  else if ((b0 & 0xF0) == 0xE0) { n = 2; c = b0 & 0x0F; }
  else if ((b0 & 0xF8) == 0xF0) { n = 3; c = b0 & 0x07; }
  else { ++i; return 0xFFFD; }
  if (i + n >= s.size()) { ++i; return 0xFFFD; }
  for (int k = 1; k <= n; ++k) {
    const auto b = static_cast<unsigned char>(s[i + k]);
    if ((b & 0xC0) != 0x80) { ++i; return 0xFFFD; }
    c = (c << 6) | (b & 0x3F);
  }
  i += n + 1;
  return c;
}

void appendUtf8(std::string& out, char32_t c) {
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (c >> 18));
    out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
}

Script scriptOf(char32_t c) {
  if (c < 0x80) {
    if (c >= '0' && c <= '9') return Script::kDigit;
    const char32_t l = c | 0x20;
    return l >= 'a' && l <= 'z' ? Script::kLatin : Script::kOther;
  }
  if (latinBase(c)) return Script::kLatin;
  if (isArabicLetter(c) || isArabicMark(c)) return Script::kArabic;
  if (isKatakana(c)) return Script::kKana;
  if (isHan(c)) return Script::kHan;
  return Script::kOther;
}

bool isLetterOrDigit(char32_t c) { return scriptOf(c) != Script::kOther || isHiragana(c); }

std::string latinSkeleton(std::string_view w) {
  std::string s(w);
  // "abdul"/"abdel"/"abdl" + name: the article of "Abd al-" folded in.
  if (s.size() >= 4 && s.compare(0, 3, "abd") == 0) {
    size_t k = 3;
    if (k < s.size() && isVowel(s[k])) ++k;
    if (k < s.size() && s[k] == 'l' && k + 1 < s.size() + 1) s = "abd" + s.substr(k + 1);
  }
  // English plurals ("Forces", "Units", "Brigades") meet their singulars.
  if (s.size() > 4 && s.back() == 's') {
    const char p = s[s.size() - 2];
    const bool consonant = !isVowel(p) && p != 's' && p != 'y';
    if (consonant || s.compare(s.size() - 3, 3, "ces") == 0) s.pop_back();
  }
  std::string m;
  for (size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    const char n = i + 1 < s.size() ? s[i + 1] : '\0';
    if ((c == 'k' || c == 'g') && n == 'h') { m += 'k'; ++i; continue; }
    if ((c == 's' || c == 'c') && n == 'h') { m += 'x'; ++i; continue; }
    if (c == 'd' && n == 'h') { m += 'z'; ++i; continue; }
    if (c == 't' && n == 'h') { m += 't'; ++i; continue; }
    if (c == 'p' && n == 'h') { m += 'f'; ++i; continue; }
    switch (c) {
      case 'q': case 'c': m += 'k'; break;
      case 'x': m += "ks"; break;
      case 'l': m += 'r'; break;
      case 'v': m += 'b'; break;
      default: m += c;
    }
  }
  std::string out;
  for (size_t i = 0; i < m.size(); ++i) {
    const char c = m[i];
    if (isVowel(c)) continue;
    if (c == 'y' && i > 0) continue;
    if (!out.empty() && out.back() == c) continue;
    out += c;
  }
  // "mp"/"np" meet (katakana writes ン for both).
  for (size_t i = 0; i + 1 < out.size(); ++i)
    if (out[i] == 'm' && (out[i + 1] == 'p' || out[i + 1] == 'b')) out[i] = 'n';
  return out;
}

std::string kanaToLatin(std::string_view kana) {
  std::string out;
  size_t i = 0;
  while (i < kana.size()) {
    char32_t c = decodeUtf8(kana, i);
    if (c >= 0x3041 && c <= 0x3096) c += 0x60;  // hiragana -> katakana
    if (c == 0x30FC || c == 0x30C3) continue;     // long vowel, sokuon
    if (isSmallKana(c)) {
      const std::string_view v = kanaSyllable(c);
      const char vowel = v.back();
      const bool yRow = v.size() == 2;
      if (!out.empty() && isVowel(out.back())) {
        const char prev = out.back();
        out.pop_back();
        if (yRow) {
          const bool palatal = out.size() >= 2 && (out.compare(out.size() - 2, 2, "sh") == 0 || out.compare(out.size() - 2, 2, "ch") == 0);
          if (prev == 'i' && !palatal && !out.empty() && out.back() != 'j') out += 'y';
        }
      }
      out += vowel;
      continue;
    }
    if (const char* syl = kanaSyllable(c)) out += syl;
  }
  return out;
}

std::string arabicFold(std::string_view word) {
  std::u32string cs;
  size_t i = 0;
  while (i < word.size()) {
    char32_t c = decodeUtf8(word, i);
    if (isArabicMark(c)) continue;
    if (c == 0x0622 || c == 0x0623 || c == 0x0625 || c == 0x0671) c = 0x0627;  // alef variants
    if (c == 0x0649 || c == 0x06CC) c = 0x064A;                                // alef maqsura, Farsi ya
    if (c == 0x0629) c = 0x0647;                                               // ta marbuta
    if (c == 0x06A9) c = 0x0643;                                               // Farsi kaf
    if (!isArabicLetter(c)) continue;
    cs += c;
  }
  // Leading conjunction/preposition + article, or the article alone.
  auto startsWith = [&](std::u32string_view p) { return cs.size() >= p.size() + 2 && cs.compare(0, p.size(), p) == 0; };
  static const std::u32string kPrefixes[] = {U"\u0648\u0627\u0644", U"\u0628\u0627\u0644", U"\u0641\u0627\u0644",
                                             U"\u0643\u0627\u0644", U"\u0627\u0644", U"\u0644\u0644"};
  if (cs != U"\u0627\u0644\u0644\u0647") {  // "Allah" keeps its article
    for (const auto& p : kPrefixes) {
      if (startsWith(p)) { cs = cs.substr(p.size()); break; }
    }
  }
  std::string out;
  for (char32_t c : cs) appendUtf8(out, c);
  return out;
}

std::string arabicSkeleton(std::string_view folded) {
  std::string out;
  size_t i = 0;
  bool first = true;
  while (i < folded.size()) {
    const char32_t c = decodeUtf8(folded, i);
    std::string_view l;
    if (c == 0x0648) l = first ? "w" : "";
    else if (c == 0x064A) l = first ? "y" : "";
    else l = arabicLatin(c);
    first = false;
    for (char ch : l) {
      if (out.empty() || out.back() != ch) out += ch;
    }
  }
  for (size_t k = 0; k + 1 < out.size(); ++k)
    if (out[k] == 'm' && (out[k + 1] == 'p' || out[k + 1] == 'b')) out[k] = 'n';
  return out;
}

FoldedWord foldWord(std::string_view word, bool hyphenAfter, bool nextExists) {
  FoldedWord f;
  // Dominant script: the first letter's.
  size_t i = 0;
  Script script = Script::kOther;
  const char b0 = word.empty() ? '\0' : static_cast<char>(word[0] | 0x20);
  if (b0 >= 'a' && b0 <= 'z') {  // the common case, decided by the first byte
    script = Script::kLatin;
    i = word.size();
  }
  while (i < word.size()) {
    const Script s = scriptOf(decodeUtf8(word, i));
    if (s != Script::kOther && s != Script::kDigit) { script = s; break; }
    if (s == Script::kDigit && script == Script::kOther) script = Script::kDigit;
  }
  f.script = script;
  switch (script) {
    case Script::kLatin:
    case Script::kDigit: {
      std::string_view w = word;
      // Possessive "'s" / "’s".
      if (w.size() > 2 && (w.back() == 's' || w.back() == 'S')) {
        if (w[w.size() - 2] == '\'') w.remove_suffix(2);
        else if (w.size() > 4 && w.compare(w.size() - 4, 4, "\xE2\x80\x99s") == 0) w.remove_suffix(4);
      }
      bool letter = false;
      f.strict = latinLower(w, &letter);
      if ((f.strict == "al" || f.strict == "el") && (nextExists || hyphenAfter)) {
        f.article = true;
      } else if (hyphenAfter && (f.strict == "a" || f.strict == "ad" || f.strict == "ar" || f.strict == "as" || f.strict == "ash" ||
                                 f.strict == "at" || f.strict == "az" || f.strict == "an" || f.strict == "ath" ||
                                 f.strict == "ud" || f.strict == "ul" || f.strict == "ur" || f.strict == "un" ||
                                 f.strict == "ut")) {
        f.article = true;
      }
      if (f.article) {
        f.strict.clear();
        return f;
      }
      f.skeleton = letter ? latinSkeleton(f.strict) : f.strict;
      break;
    }
    case Script::kArabic:
      f.strict = arabicFold(word);
      f.skeleton = arabicSkeleton(f.strict);
      break;
    case Script::kKana: {
      std::string s;
      size_t k = 0;
      while (k < word.size()) {
        const char32_t c = decodeUtf8(word, k);
        if (c == 0x30FC || c == 0x30FB) continue;  // long vowel mark, middle dot
        appendUtf8(s, c);
      }
      f.strict = s;
      f.skeleton = latinSkeleton(kanaToLatin(s));
      break;
    }
    default:
      f.strict = std::string(word);
      break;
  }
  if (f.skeleton.empty()) f.skeleton = f.strict;
  return f;
}

std::vector<FoldedWord> foldName(std::string_view name) {
  // Words: runs of one script; apostrophes and dots inside Latin words stay.
  struct Span { size_t b, e; Script s; bool hyphen; };
  std::vector<Span> spans;
  size_t i = 0;
  while (i < name.size()) {
    size_t start = i;
    char32_t c = decodeUtf8(name, i);
    Script s = scriptOf(c);
    if (isHiragana(c)) s = Script::kOther;
    if (s == Script::kOther || (s == Script::kKana && c == 0x30FB)) continue;
    if (s == Script::kDigit) s = Script::kLatin;
    size_t end = i;
    while (i < name.size()) {
      size_t j = i;
      char32_t d = decodeUtf8(name, j);
      Script t = scriptOf(d);
      if (t == Script::kDigit) t = Script::kLatin;
      if (d == 0x30FB) break;
      const bool joiner = s == Script::kLatin && (isApostrophe(d) || d == '.') && j < name.size() &&
                          scriptOf([&] { size_t q = j; return decodeUtf8(name, q); }()) == Script::kLatin;
      if (t == s || (s == Script::kArabic && isArabicMark(d)) || (s == Script::kKana && d == 0x30FC) || joiner) {
        i = j;
        end = j;
        continue;
      }
      if (s == Script::kLatin && isApostrophe(d)) {  // trailing possessive apostrophe
        i = j;
        end = j;
        continue;
      }
      break;
    }
    const bool hyphen = end < name.size() && name[end] == '-';
    spans.push_back({start, end, s, hyphen});
    (void)start;
  }
  std::vector<FoldedWord> out;
  for (size_t k = 0; k < spans.size(); ++k) {
    FoldedWord w = foldWord(name.substr(spans[k].b, spans[k].e - spans[k].b), spans[k].hyphen, k + 1 < spans.size());
    if (w.article || w.strict.empty()) continue;
    // "حزب الله", "عبد الله": Allah joins the word before it.
    if (w.script == Script::kArabic && w.strict == "\u0627\u0644\u0644\u0647" && !out.empty() &&
        out.back().script == Script::kArabic) {
      out.back().strict += w.strict;
      out.back().skeleton = arabicSkeleton(out.back().strict);
      continue;
    }
    out.push_back(std::move(w));
  }
  return out;
}

namespace {

std::vector<std::string> computeNameKeys(std::string_view name) {
  const std::vector<FoldedWord> words = foldName(name);
  if (words.empty()) return {};
  std::string strict, skeleton;
  for (const auto& w : words) {
    if (!strict.empty()) strict += ' ';
    strict += w.strict;
    skeleton += w.skeleton;
  }
  std::vector<std::string> keys{strict};
  // A short skeleton ("Syria" and "Israel" -> "sr") would join unrelated
  // names; only skeletons of four letters or more are keys.
  if (skeleton.size() >= kMinSkeletonKey && skeleton != strict) keys.push_back("~" + skeleton);
  return keys;
}

// This thread's memo of nameKeys. Ingest registers each article's stored
// actors before reading it (Extractor::setArticleActors), so the same names
// are keyed again for every article; folding a name costs thousands of
// instructions, a hit one hash and a copy of its keys. Bounded: forgotten
// whole when full.
struct NameKeysMemo {
  static constexpr size_t kMaxNames = 1 << 15;
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
  };
  std::unordered_map<std::string, std::vector<std::string>, Hash, std::equal_to<>> keys;
};

}  // namespace

const std::vector<std::string>& nameKeysOf(std::string_view name) {
  thread_local NameKeysMemo memo;
  if (auto it = memo.keys.find(name); it != memo.keys.end()) return it->second;
  std::vector<std::string> keys = computeNameKeys(name);
  if (memo.keys.size() >= NameKeysMemo::kMaxNames) memo.keys.clear();
  return memo.keys.emplace(std::string(name), std::move(keys)).first->second;
}

std::vector<std::string> nameKeys(std::string_view name) { return nameKeysOf(name); }

}  // namespace kg::extract
