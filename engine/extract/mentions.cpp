#include "extract/mentions.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <span>

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

void finishWord(Token& t, std::string_view text, bool hyphenAfter) {
  const std::string_view raw = text.substr(t.begin, t.end - t.begin);
  t.word = true;
  t.hyphenAfter = hyphenAfter;
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
    if (raw.size() > 2 && (raw.back() == 's' || raw.back() == 'S') &&
        (raw[raw.size() - 2] == '\'' || (raw.size() > 4 && raw.compare(raw.size() - 4, 3, "\xE2\x80\x99") == 0)))
      t.possessive = true;
  }
  if (t.script == Script::kDigit) t.capital = true;
}

}  // namespace

std::vector<Token> tokenize(std::string_view text, size_t begin, size_t end, const JapaneseSegmenter* ja) {
  std::vector<Token> out;
  end = std::min(end, text.size());
  out.reserve(end > begin ? (end - begin) / 4 + 4 : 0);  // about one token per five bytes of English
  size_t i = begin;
  bool hyphenPending = false;
  while (i < end) {
    const size_t s = i;
    const char32_t c = decodeUtf8(text, i);
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0xA0 || c == 0x3000) { hyphenPending = false; continue; }
    if (isLatinish(c)) {
      Token t;
      t.begin = s;
      t.hyphenBefore = hyphenPending;
      hyphenPending = false;
      bool dotted = false;
      while (i < end) {
        const char32_t d = peek(text, i, end);
        if (isLatinish(d)) { i = nextIdx(text, i); continue; }
        const size_t after = nextIdx(text, i);
        const char32_t e = peek(text, after, end);
        if ((isApostropheCp(d) || d == '.') && isLatinish(e) && scriptOf(e) == Script::kLatin) {
          if (d == '.') dotted = true;
          i = after;
          continue;
        }
        if (d == '.' && dotted) { i = after; break; }  // "U.S."
        break;
      }
      t.end = i;
      bool hyphen = false;
      if (i < end && text[i] == '-') {
        const char32_t e = peek(text, i + 1, end);
        if (e != 0 && (isLatinish(e) || scriptOf(e) == Script::kArabic)) {
          hyphen = true;
          ++i;
          hyphenPending = true;
        }
      }
      finishWord(t, text, hyphen);
      out.push_back(std::move(t));
      continue;
    }
    if (scriptOf(c) == Script::kArabic) {
      Token t;
      t.begin = s;
      while (i < end && scriptOf(peek(text, i, end)) == Script::kArabic) i = nextIdx(text, i);
      t.end = i;
      finishWord(t, text, false);
      hyphenPending = false;
      if (t.strict.empty()) continue;
      // "حزب الله": Allah joins the word before it.
      if (t.strict == "\u0627\u0644\u0644\u0647" && !out.empty() && out.back().script == Script::kArabic && out.back().word) {
        Token& prev = out.back();
        prev.strict += t.strict;
        prev.skeleton = arabicSkeleton(prev.strict);
        prev.end = t.end;
        continue;
      }
      out.push_back(std::move(t));
      continue;
    }
    if (isCjk(c)) {
      size_t runEnd = i;
      while (runEnd < end && isCjk(peek(text, runEnd, end))) runEnd = nextIdx(text, runEnd);
      std::vector<std::pair<size_t, size_t>> words;
      if (ja != nullptr) {
        for (const auto& w : ja->segment(text.substr(s, runEnd - s))) words.emplace_back(s + w.begin, s + w.end);
      } else {  // runs of one script
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
      }
      // Katakana words written together or joined by "・" are one name
      // ("アブドゥル・マフディ").
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
      for (const auto& [wb, we] : merged) {
        size_t k = wb;
        const char32_t first = decodeUtf8(text, k);
        if (first == 0x30FB) continue;  // middle dot between name parts
        Token t;
        t.begin = wb;
        t.end = we;
        finishWord(t, text, false);
        if (isHira(first)) { t.script = Script::kOther; t.skeleton.clear(); }
        out.push_back(std::move(t));
      }
      i = runEnd;
      hyphenPending = false;
      continue;
    }
    if (const char* p = punctName(c)) {
      hyphenPending = false;
      Token t;
      t.begin = s;
      t.end = i;
      t.lower = p;
      out.push_back(std::move(t));
    }
  }
  return out;
}

// ---------------------------------------------------------------- index

MentionIndex::MentionIndex(const Catalog& catalog, const JapaneseSegmenter* ja) : catalog_(catalog), ja_(ja) {
  const auto& actors = catalog.actors();
  for (size_t i = 0; i < actors.size(); ++i) {
    const auto& a = actors[i];
    addAlias(a.actor.name, i);
    for (const auto& al : a.actor.aliases) addAlias(al, i);
    for (const auto& d : a.demonyms) {
      for (const auto& t : tokenize(d, 0, d.size(), ja)) {
        if (t.word) demonyms_.emplace(t.strict, i);
      }
    }
    if (a.actor.kind == ActorKind::kPerson) {
      const auto words = foldName(a.actor.name);
      if (words.size() >= 2 && words.back().strict.size() >= 4) {
        auto add = [&](const std::string& k) {
          auto& v = surnames_[k];
          if (std::find(v.begin(), v.end(), i) == v.end()) v.push_back(i);
        };
        add(words.back().strict);
        add("~" + words.back().skeleton);
        if (words.size() >= 3) {
          const auto& w2 = words[words.size() - 2];
          add(w2.strict + " " + words.back().strict);
          add("~" + w2.skeleton + " " + words.back().skeleton);
        }
      }
    }
  }
  for (const auto& t : catalog.titles()) {
    for (const auto& form : t.forms) {
      std::string key;
      for (const auto& tok : tokenize(form, 0, form.size(), ja)) {
        if (!tok.word || tok.article) continue;
        if (!key.empty()) key += ' ';
        key += tok.strict;
        titlePrefixes_.insert(key);
      }
      if (!key.empty()) titles_.emplace(key, t.canonical);
    }
  }
}

void MentionIndex::addAlias(const std::string& alias, size_t actor) {
  const std::vector<Token> toks = tokenize(alias, 0, alias.size(), ja_);
  std::string k, s;
  Entry e{actor, false, {}};
  size_t letters = 0;
  bool allCaps = true, anyLatin = false;
  size_t words = 0;
  for (const auto& t : toks) {
    if (!t.word || t.article || t.strict.empty()) continue;
    if (words > 0) { k += ' '; s += ' '; }
    k += t.strict;
    s += t.skeleton;
    ++words;
    strictPrefixes_.insert(k);
    skeletonPrefixes_.insert(s);
    e.wordLens.push_back(static_cast<uint8_t>(std::min<size_t>(t.strict.size(), 255)));
    if (t.script == Script::kLatin) {
      anyLatin = true;
      allCaps = allCaps && t.allCaps;
      letters += t.strict.size();
    }
  }
  if (words == 0) return;
  e.acronym = anyLatin && allCaps && letters <= 6;
  maxWords_ = std::max(maxWords_, std::min<size_t>(words, 12));
  auto addTo = [&](std::vector<Entry>& v) {
    for (const auto& x : v) {
      if (x.actor == actor && x.acronym == e.acronym) return;
    }
    v.push_back(e);
  };
  addTo(strict_[k]);
  addTo(skeleton_[s]);
}

MentionIndex::Hit MentionIndex::match(const std::vector<Token>& tokens, size_t i) const {
  Hit best;
  std::string k, s;
  size_t words = 0;
  bool allCapital = true, allUpper = true;
  // maxWords_ is at most 12 (see addAlias): a fixed array, no allocation per token.
  std::array<size_t, 16> wordIdxBuf{};
  size_t wordCount = 0;
  for (size_t j = i; j < tokens.size(); ++j) {
    const Token& t = tokens[j];
    if (!t.word) break;
    if (t.article) continue;
    if (t.strict.empty()) break;
    if (++words > maxWords_ || wordCount == wordIdxBuf.size()) break;
    if (words > 1) { k += ' '; s += ' '; }
    k += t.strict;
    s += t.skeleton;
    wordIdxBuf[wordCount++] = j;
    const std::span<const size_t> wordIdx(wordIdxBuf.data(), wordCount);
    if (t.script == Script::kLatin) {
      allCapital = allCapital && t.capital;
      allUpper = allUpper && t.allCaps;
    }
    // A name's own leading "the" is written in lower case mid-sentence ("Mordor,
    // the Shire, ..."): the capital that counts is the next word's.
    const size_t lead = wordIdx.size() > 1 && tokens[wordIdx.front()].lower == "the" ? 1 : 0;
    const Token& first = tokens[wordIdx[lead]];
    const bool firstOk = first.script != Script::kLatin || first.capital;
    const size_t len = j - i + 1;
    bool strictHit = false;
    if (auto it = strict_.find(k); it != strict_.end()) {
      Hit h;
      h.length = len;
      for (const auto& e : it->second) {
        if (e.acronym ? allUpper : firstOk) h.entries.push_back(&e);
      }
      if (!h.entries.empty()) {
        best = std::move(h);
        strictHit = true;
      }
    }
    if (!strictHit && allCapital && len > best.length) {
      if (auto it = skeleton_.find(s); it != skeleton_.end()) {
        std::vector<const Entry*> ok;
        for (const auto& e : it->second) {
          if (e.acronym || e.wordLens.size() != wordIdx.size()) continue;
          bool similar = true;
          for (size_t w = 0; w < wordIdx.size(); ++w) {
            const int a = static_cast<int>(tokens[wordIdx[w]].strict.size());
            const int b = e.wordLens[w];
            if (std::abs(a - b) > std::max(2, b / 3)) similar = false;
          }
          if (!similar) continue;
          if (std::none_of(ok.begin(), ok.end(), [&](const Entry* x) { return x->actor == e.actor; })) ok.push_back(&e);
        }
        size_t skelLen = 0;
        for (char c : s) skelLen += c != ' ';
        if (ok.size() == 1 && (skelLen >= 4 || (words >= 2 && skelLen >= 3))) {
          best.length = len;
          best.entries = ok;
          best.skeleton = true;
        }
      }
    }
    // Skeleton matches need every word capitalised; once one is not, only
    // the strict prefixes can still grow.
    if (!strictPrefixes_.count(k) && !(allCapital && skeletonPrefixes_.count(s))) break;
    // A possessive ends the name unless an alias goes on strictly through
    // it ("Tigray People's Liberation Front").
    if (t.possessive && !strictPrefixes_.count(k)) break;
  }
  return best;
}

const std::vector<size_t>* MentionIndex::surname(const std::string& key) const {
  auto it = surnames_.find(key);
  return it == surnames_.end() ? nullptr : &it->second;
}

std::optional<size_t> MentionIndex::demonym(const std::string& strict) const {
  auto it = demonyms_.find(strict);
  if (it == demonyms_.end()) return std::nullopt;
  return it->second;
}

std::optional<std::pair<std::string, size_t>> MentionIndex::title(const std::vector<Token>& tokens, size_t i) const {
  std::optional<std::pair<std::string, size_t>> best;
  std::string k;
  for (size_t j = i; j < tokens.size() && j < i + 6; ++j) {
    const Token& t = tokens[j];
    if (!t.word || t.strict.empty()) {
      if (t.lower == "." && j > i) continue;  // "Lt. Gen."
      break;
    }
    if (!k.empty()) k += ' ';
    k += t.strict;
    if (auto it = titles_.find(k); it != titles_.end()) best = std::make_pair(it->second, j - i + 1);
    if (!titlePrefixes_.count(k)) break;
  }
  return best;
}

// ---------------------------------------------------------------- rules

namespace {

const std::unordered_set<std::string>& stopCapitals() {
  static const std::unordered_set<std::string> k = {
      "the", "a", "an", "in", "on", "at", "he", "she", "it", "they", "we", "i", "but", "and", "or", "if", "as", "for",
      "of", "to", "by", "with", "from", "this", "that", "these", "those", "his", "her", "its", "their", "our", "after",
      "before", "since", "while", "when", "speaking", "asked", "meanwhile", "earlier", "later", "however", "also",
      "there", "here", "what", "who", "why", "how", "mr", "mrs", "ms", "dr", "january", "february", "march", "april",
      "may", "june", "july", "august", "september", "october", "november", "december", "monday", "tuesday",
      "wednesday", "thursday", "friday", "saturday", "sunday", "according", "under", "amid", "despite", "during",
      "likewise", "some", "many", "all", "both", "each", "while", "not", "no", "yes", "so", "then", "now", "today",
      "yesterday", "last", "next", "one", "two", "three", "said", "says", "share", "link", "posted", "like",
      "upvote", "comment", "source", "sources", "read", "more", "see", "also", "jump", "content", "guest", "click",
      "west", "east", "north", "south", "islamic", "arab", "american", "americans", "western", "iraqi", "iraqis",
      "iranian", "shiite", "sunni", "muslim", "christian", "kurdish", "british", "russian", "chinese", "israeli",
      "saudi", "syrian", "lebanese", "zone", "green", "red", "air", "base", "in", "anti", "martyr", "martyrs",
      "president", "former", "late", "then", "caretaker", "acting", "commander", "general"};
  return k;
}

ActorKind suffixKind(const std::string& w, bool* isSuffix) {
  static const std::unordered_set<std::string> armed = {"brigades", "brigade", "battalion", "battalions", "militia",
                                                        "militias", "front", "movement", "resistance", "army",
                                                        "guards", "factions", "faction"};
  static const std::unordered_set<std::string> gov = {"committee", "council", "ministry", "command", "parliament",
                                                      "cabinet", "department", "commission", "assembly", "court",
                                                      "embassy", "directorate", "administration", "force", "office",
                                                      "agency", "service", "authority", "senate", "congress"};
  static const std::unordered_set<std::string> media = {"news", "post", "times", "tv", "television", "radio",
                                                        "channel", "network", "gazette", "journal", "herald",
                                                        "tribune", "press", "akhbariya", "mawred"};
  static const std::unordered_set<std::string> org = {"organization", "organisation", "party", "association",
                                                      "union", "foundation", "institute", "company", "corporation",
                                                      "group", "coalition", "alliance", "bloc", "center", "centre",
                                                      "university", "college", "institution"};
  *isSuffix = true;
  if (armed.count(w)) return ActorKind::kArmedGroup;
  if (gov.count(w)) return ActorKind::kGovernmentBody;
  if (media.count(w)) return ActorKind::kMedia;
  if (org.count(w)) return ActorKind::kOrganisation;
  *isSuffix = false;
  return ActorKind::kOther;
}

bool speechVerb(const std::string& w) {
  static const std::unordered_set<std::string> k = {
      "said", "says", "told", "tells", "added", "noted", "stated", "warned", "wrote", "announced", "made",
      "explained", "confirmed", "stressed", "claimed", "declared", "insisted", "urged", "called", "who",
      "vowed", "threatened", "denied", "accused", "demanded", "condemned", "rejected", "met", "visited", "asked",
      "hailed", "praised", "criticized", "criticised", "affirmed", "emphasized", "emphasised", "expressed",
      "described", "considered", "argued", "reported", "tweeted", "replied", "responded", "revealed", "recalled",
      "believes", "thinks", "saying", "adding", "noting", "stating", "warning"};
  return k.count(w) > 0;
}


float sourceConfidence(MentionSource s) {
  switch (s) {
    case MentionSource::kAlias: return 0.95f;
    case MentionSource::kSkeleton: return 0.8f;
    case MentionSource::kSurname: return 0.8f;
    case MentionSource::kRole: return 0.75f;
    case MentionSource::kRule: return 0.6f;
  }
  return 0.5f;
}

Mention makeMention(const std::vector<Token>& tokens, size_t b, size_t e, size_t entity, MentionSource src) {
  Mention m;
  m.tokBegin = b;
  m.tokEnd = e;
  m.begin = tokens[b].begin;
  m.end = tokens[e - 1].end;
  m.entity = entity;
  m.source = src;
  m.confidence = sourceConfidence(src);
  m.possessive = tokens[e - 1].possessive;
  m.titleBegin = b;
  return m;
}


// A one-word name matched only by its consonant skeleton next to another
// capitalised word is part of a longer, unknown name: "Rodrigo Londono" is
// not London.
bool insideLongerName(const std::vector<Token>& tokens, size_t i, const MentionIndex::Hit& hit) {
  if (!hit.skeleton || hit.length != 1 || tokens[i].script != Script::kLatin) return false;
  auto capitalWord = [&](size_t k) {
    return tokens[k].word && tokens[k].script == Script::kLatin && tokens[k].capital && !tokens[k].article;
  };
  return (i > 0 && capitalWord(i - 1)) || (i + 1 < tokens.size() && capitalWord(i + 1));
}

// True when the run at `b` follows "known as" or "aka" (a leading "the"
// or quote between them allowed).
bool afterKnownAs(const std::vector<Token>& tokens, size_t b) {
  size_t p = b;
  while (p > 0 && (tokens[p - 1].lower == "the" || tokens[p - 1].lower == "\"")) --p;
  if (p >= 1 && tokens[p - 1].lower == "aka") return true;
  return p >= 2 && tokens[p - 1].lower == "as" && tokens[p - 2].lower == "known";
}

// Lower-case particles inside personal names starting at k: "da", "von der".
size_t namePartCount(const std::vector<Token>& tokens, size_t k) {
  static const std::unordered_set<std::string> particles = {"da", "de", "do", "dos", "das", "del", "della", "di",
                                                            "van", "von", "der", "den", "ter", "bin", "ibn", "bint"};
  size_t n = 0;
  while (k + n < tokens.size() && n < 2 && tokens[k + n].word && !tokens[k + n].capital &&
         particles.count(tokens[k + n].lower))
    ++n;
  return n;
}

// The first token after the demonyms and titles that open the capitalised
// run [b, j): a demonym counts only when a title follows it, so "Iraqi
// National Congress" keeps its demonym.
size_t skipLeadingTitles(const std::vector<Token>& tokens, const MentionIndex& index, const std::vector<int>& owner,
                         size_t b, size_t j) {
  for (;;) {
    if (b >= j) return b;
    size_t t = b;
    if (owner[b] >= 0) {  // "South Korean" read as the state's name
      while (t < j && owner[t] == owner[b]) ++t;
    } else if (index.demonym(tokens[t].strict) && t + 1 < j) {
      ++t;
    }
    if (t < j && owner[t] >= 0) return b;
    auto tl = index.title(tokens, t);
    if (!tl || t + tl->second >= j) return b;
    b = t + tl->second;
    if (b < j && tokens[b].lower == ".") ++b;
  }
}

}  // namespace

// An Arabic name written with a proclitic conjunction or preposition
// ("وأبو مهدي المهندس", "لإيران", "فسليماني"): matched again without it,
// only when the word as written matched nothing.
static MentionIndex::Hit matchAfterProclitic(const MentionIndex& index, const std::vector<Token>& tokens, size_t i) {
  const std::string& raw = tokens[i].lower;
  size_t k = 0;
  const char32_t c = decodeUtf8(raw, k);
  if (c != 0x0648 && c != 0x0641 && c != 0x0628 && c != 0x0644) return {};  // و ف ب ل
  const std::string rest = arabicFold(std::string_view(raw).substr(k));
  size_t letters = 0;
  for (size_t q = 0; q < rest.size();) { decodeUtf8(rest, q); ++letters; }
  if (letters < 3) return {};
  std::vector<Token> tail(tokens.begin() + static_cast<std::ptrdiff_t>(i),
                          tokens.begin() + static_cast<std::ptrdiff_t>(std::min(tokens.size(), i + 13)));
  tail[0].strict = rest;
  tail[0].skeleton = arabicSkeleton(rest);
  return index.match(tail, 0);
}

std::vector<Mention> findMentions(const std::vector<Token>& tokens, const MentionIndex& index, Resolver* resolver) {
  std::vector<Mention> out;
  if (tokens.empty()) return out;
  // New names are rebuilt from the tokens (their lower-case forms with the
  // capitalisation they were written with): findMentions does not see the text.
  auto rawName = [&](size_t b, size_t e) {
    std::string s;
    for (size_t k = b; k < e; ++k) {
      const Token& t = tokens[k];
      if (!t.word) continue;
      if (!s.empty() && !tokens[k].hyphenBefore) s += ' ';
      else if (!s.empty()) s += '-';
      std::string w = t.lower;
      if (t.possessive && w.size() > 2) w.resize(w.size() - 2);
      if (t.capital && !w.empty()) w[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(w[0])));
      if (t.allCaps) for (auto& c : w) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      s += w;
    }
    return s;
  };

  std::vector<int> owner(tokens.size(), -1);  // mention covering each token
  auto claim = [&](const Mention& m) {
    for (size_t k = m.tokBegin; k < m.tokEnd; ++k) owner[k] = static_cast<int>(out.size());
    resolver->noteMention(m.entity);
    out.push_back(m);
  };

  // 1. Dictionary aliases, longest first from left to right.
  for (size_t i = 0; i < tokens.size();) {
    const Token& t = tokens[i];
    if (!t.word || t.article || t.strict.empty()) { ++i; continue; }
    MentionIndex::Hit hit = index.match(tokens, i);
    if (hit.length == 0 && t.script == Script::kArabic) hit = matchAfterProclitic(index, tokens, i);
    if (hit.length == 0 || insideLongerName(tokens, i, hit)) { ++i; continue; }
    size_t pick = hit.entries.front()->actor;
    if (hit.entries.size() > 1) {  // one alias, several actors: the one already in the article
      for (const auto* e : hit.entries) {
        for (const auto& ent : resolver->entities()) {
          if (ent.catalog == e->actor) { pick = e->actor; break; }
        }
      }
    }
    size_t b = i;
    if (b > 0 && tokens[b - 1].article) --b;  // "al-" belongs to the name's span
    claim(makeMention(tokens, b, i + hit.length, resolver->fromCatalog(pick),
                      hit.skeleton ? MentionSource::kSkeleton : MentionSource::kAlias));
    if (hit.entries.size() > 1) out.back().confidence -= 0.15f;
    i += hit.length;
  }

  // A headline ("Biden, Al-Kadhimi Agree on Continued Security Partnership")
  // capitalises every word: capitals say nothing there, so the name rules
  // stay quiet. Known names, titles and demonyms are not counted.
  size_t longWords = 0, capitals = 0;
  for (size_t k = 0; k < tokens.size(); ++k) {
    const Token& t = tokens[k];
    if (!t.word || t.script != Script::kLatin || t.strict.size() < 4 || owner[k] >= 0) continue;
    if (index.demonym(t.strict)) continue;
    if (auto tl = index.title(tokens, k)) { k += tl->second - 1; continue; }
    ++longWords;
    capitals += t.capital;
  }
  bool endsWithStop = false;  // headlines end without a full stop
  for (size_t k = tokens.size(); k > 0; --k) {
    if (tokens[k - 1].lower == "\"" || tokens[k - 1].lower == ")") continue;
    endsWithStop = tokens[k - 1].lower == ".";
    break;
  }
  const bool titleCase = !endsWithStop && longWords >= 4 && capitals * 10 >= longWords * 7;

  // 2. Capitalised runs: organisations by suffix, people by context.
  const auto& stops = stopCapitals();
  auto isCapWord = [&](size_t k) {
    const Token& t = tokens[k];
    return t.word && (t.article || (t.script == Script::kLatin && t.capital && !t.allCaps));
  };
  for (size_t i = 0; i < tokens.size();) {
    if (!isCapWord(i) || tokens[i].article) { ++i; continue; }
    size_t j = i;
    while (j < tokens.size()) {
      if (isCapWord(j)) {
        if (tokens[j].possessive) { ++j; break; }
        ++j;
        continue;
      }
      // "Council of Representatives": a lower-case "of" between capitals.
      if ((tokens[j].lower == "of" || tokens[j].lower == "for") && j + 1 < tokens.size() && isCapWord(j + 1) &&
          !tokens[j + 1].article)
        { ++j; continue; }
      // "Lula da Silva", "von der Leyen": a name particle between capitals.
      if (j > i && namePartCount(tokens, j) > 0 && j + namePartCount(tokens, j) < tokens.size() &&
          isCapWord(j + namePartCount(tokens, j)))
        { j += namePartCount(tokens, j); continue; }
      break;
    }
    size_t b = i;
    if (b > 0 && tokens[b - 1].article && owner[b - 1] < 0) --b;  // "al-Muhandis"
    while (b < j && !tokens[b].article && (stops.count(tokens[b].strict) || tokens[b].lower == "of")) ++b;
    // A title opening the run ("Brigadier General William Seely") is not
    // part of the name.
    // A demonym or a title opening the run ("Pakistani Prime Minister
    // Imran Khan", "Brigadier General William Seely") is not part of the
    // name; titleOwner() below reads the demonym again.
    b = skipLeadingTitles(tokens, index, owner, b, j);
    size_t e = j;
    while (e > b && (tokens[e - 1].lower == "of" || tokens[e - 1].lower == "for" || tokens[e - 1].article)) --e;
    const size_t next = j;
    i = j;
    if (b >= e) continue;
    // "X, also known as Y": Y is another name of X (known_as.h), not an actor.
    if (afterKnownAs(tokens, b)) continue;
    // Organisation suffix (not when a dictionary name ends the run).
    bool suffix = false;
    ActorKind kind = suffixKind(tokens[e - 1].strict, &suffix);
    for (size_t k = b; k < e; ++k)
      if (suffix && (tokens[k].strict == "news" || tokens[k].strict == "tv")) kind = ActorKind::kMedia;  // "... News Agency"
    size_t words = 0;
    for (size_t k = b; k < e; ++k) words += tokens[k].word && !tokens[k].article;
    int groupInside = -1;  // "Al-Nujaba Islamic Resistance Movement" is al-Nujaba
    for (size_t k = b; k < e; ++k) {
      if (owner[k] < 0) continue;
      const ActorKind ok = resolver->entities()[out[owner[k]].entity].actor.kind;
      if (ok == ActorKind::kArmedGroup || ok == ActorKind::kOrganisation || ok == ActorKind::kMedia) groupInside = owner[k];
    }
    if (suffix && groupInside >= 0 && owner[e - 1] < 0) {
      Mention& g = out[groupInside];
      for (size_t k = g.tokEnd; k < e; ++k) owner[k] = groupInside;
      g.tokEnd = e;
      g.end = tokens[e - 1].end;
      g.possessive = tokens[e - 1].possessive;
      continue;
    }
    static const std::unordered_set<std::string> kGeneric = {
        "foreign", "defense", "defence", "interior", "media", "security", "ground", "air", "oval", "national",
        "joint", "special", "general", "central", "supreme", "high", "higher", "electoral", "trump", "biden",
        "obama", "bush", "administration", "state", "ministerial", "council", "task", "press", "the"};
    bool generic = true;
    for (size_t k = b; k + 1 < e; ++k) generic = generic && (tokens[k].article || kGeneric.count(tokens[k].strict) > 0);
    if (suffix && generic) continue;  // "Foreign Ministry", "Media Office": whose?
    if (suffix && words >= 2 && owner[e - 1] < 0 && !tokens[e - 1].possessive) {
      // Leading dictionary mentions become modifiers of the organisation
      // ("Baghdad Security Committee"); leading stop words are dropped.
      for (size_t k = b; k < e; ++k) {
        if (owner[k] >= 0) out[owner[k]].modifier = true;
      }
      const std::string name = rawName(b, e);
      Mention m = makeMention(tokens, b, e, resolver->fromNew(name, kind), MentionSource::kRule);
      claim(m);
      continue;
    }
    // People: only tokens no mention covers.
    bool free = true;
    for (size_t k = b; k < e; ++k) free = free && owner[k] < 0;
    if (!free) continue;
    if (words == 1) {
      const Token& t = tokens[tokens[b].article ? b + 1 : b];
      if (t.strict.size() < 3) continue;
      // Exact spellings first (in the article, then in the catalog), then
      // skeletons: "Khomeini" after "Khamenei" is still Khomeini.
      if (auto ent = resolver->bySurname(t.strict, "")) {
        claim(makeMention(tokens, b, e, *ent, MentionSource::kSurname));
        continue;
      }
      const std::vector<size_t>* cands = index.surname(t.strict);
      if (cands == nullptr || cands->size() != 1) {
        if (auto ent = resolver->bySurname("", t.skeleton)) {
          claim(makeMention(tokens, b, e, *ent, MentionSource::kSurname));
          continue;
        }
        // A lone word meets a catalog surname by skeleton only when the two
        // differ in vowels alone ("Saleh"/"Salih", not "Mark"/"Maliki").
        const std::vector<size_t>* sk = index.surname("~" + t.skeleton);
        if (sk != nullptr && sk->size() == 1 && t.skeleton.size() >= 3) {
          const auto known = foldName(index.catalog().actors()[sk->front()].actor.name);
          auto vowelFold = [](const std::string& w) {
            std::string o;
            for (char ch : w) {
              const bool v = ch == 'a' || ch == 'e' || ch == 'i' || ch == 'o' || ch == 'u' || ch == 'y';
              if (v && !o.empty() && o.back() == 'a') continue;
              o += v ? 'a' : ch;
            }
            return o;
          };
          // An Arabic article ("Al-Kazimi") marks the word as a surname too.
          const bool article = b < e && tokens[b].article;
          if (!known.empty() && (article || vowelFold(known.back().strict) == vowelFold(t.strict))) cands = sk;
        }
      }
      if (cands != nullptr && cands->size() == 1) {
        Mention m = makeMention(tokens, b, e, resolver->fromCatalog(cands->front()), MentionSource::kSurname);
        m.confidence = 0.7f;
        claim(m);
      }
      continue;
    }
    if (words > 4) continue;
    if (auto tl = index.title(tokens, b); tl && b + tl->second >= e) continue;  // "Prime Minister" alone
    // A partial name of someone known ("Abdul-Mahdi", "Abdel Mahdi").
    if (words <= 3) {
      std::string sk, st;
      for (size_t k = b; k < e; ++k) {
        if (!tokens[k].word || tokens[k].article) continue;
        if (!st.empty()) { st += ' '; sk += ' '; }
        st += tokens[k].strict;
        sk += tokens[k].skeleton;
      }
      if (auto ent = resolver->bySurname(st, sk)) {
        claim(makeMention(tokens, b, e, *ent, MentionSource::kSurname));
        continue;
      }
      const std::vector<size_t>* cands = index.surname(st);
      if (cands == nullptr || cands->size() != 1) cands = index.surname("~" + sk);
      if (cands != nullptr && cands->size() == 1) {
        Mention m = makeMention(tokens, b, e, resolver->fromCatalog(cands->front()), MentionSource::kSurname);
        m.confidence = 0.7f;
        claim(m);
        continue;
      }
    }
    bool person = false;
    if (titleCase) continue;  // headlines capitalise every word
    if (b > 0) {
      for (size_t s = b > 5 ? b - 5 : 0; s < b; ++s) {
        if (auto tl = index.title(tokens, s); tl && s + tl->second == b && !tokens[b - 1].possessive) person = true;
      }
      const std::string& prev = tokens[b - 1].lower;
      if (prev == "writer" || prev == "spokesman" || prev == "spokeswoman" || prev == "analyst" ||
          prev == "journalist" || prev == "columnist" || prev == "correspondent" || prev == "cleric")
        person = true;
    }
    if (next < tokens.size()) {
      const Token& n = tokens[next];
      if (n.word && speechVerb(n.lower)) person = true;
      if (n.lower == "," && next + 1 < tokens.size() &&
          (tokens[next + 1].lower == "the" || tokens[next + 1].lower == "a" || tokens[next + 1].lower == "an" ||
           tokens[next + 1].lower == "who" || speechVerb(tokens[next + 1].lower)))
        person = true;
    }
    if (!person) continue;
    claim(makeMention(tokens, b, e, resolver->fromNew(rawName(b, e), ActorKind::kPerson), MentionSource::kRule));
  }

  std::sort(out.begin(), out.end(), [](const Mention& a, const Mention& b) { return a.tokBegin < b.tokBegin; });
  std::fill(owner.begin(), owner.end(), -1);
  for (size_t m = 0; m < out.size(); ++m)
    for (size_t k = out[m].tokBegin; k < out[m].tokEnd; ++k) owner[k] = static_cast<int>(m);

  // The owner of a title written at [s, ...): a state or organisation
  // mention, possessive or adjacent, or a demonym, just before it.
  auto titleOwner = [&](size_t s) -> std::pair<size_t, int> {  // (catalog idx or entity?, mention index)
    if (s == 0) return {kNoActor, -1};
    size_t p = s - 1;
    if (tokens[p].lower == "\"" && p > 0) --p;  // the "Kata'ib Sayyid al-Shuhada" Spokesman
    if (tokens[p].lower == "the" && p > 0) --p;
    if (owner[p] >= 0) {
      const Mention& m = out[owner[p]];
      const Entity& ent = resolver->entities()[m.entity];
      if (ent.actor.kind != ActorKind::kPerson && ent.actor.kind != ActorKind::kMedia) return {m.entity, owner[p]};
      return {kNoActor, -1};
    }
    if (tokens[p].word) {
      if (auto st = index.demonym(tokens[p].strict)) return {resolver->fromCatalog(*st), -1};
    }
    return {kNoActor, -1};
  };

  // 3. Titles before person mentions.
  for (auto& m : out) {
    const Entity& ent = resolver->entities()[m.entity];
    if (ent.actor.kind != ActorKind::kPerson || m.source == MentionSource::kRole) continue;
    size_t nameStart = m.tokBegin;
    for (size_t s = nameStart > 6 ? nameStart - 6 : 0; s < nameStart; ++s) {
      if (owner[s] >= 0) continue;
      auto tl = index.title(tokens, s);
      if (!tl) continue;
      size_t tEnd = s + tl->second;
      if (tEnd < nameStart && tokens[tEnd].lower == ".") ++tEnd;
      if (tEnd != nameStart || tokens[tEnd - 1].possessive) continue;
      m.title = tl->first;
      auto [own, ownerMention] = titleOwner(s);
      m.titleOf = own;
      m.titleBegin = s;
      if (ownerMention >= 0) {
        out[ownerMention].modifier = true;
        m.titleBegin = out[ownerMention].tokBegin;
      } else if (own != kNoActor && s > 0) {
        m.titleBegin = s - 1;  // a demonym
      }
      break;
    }
    if (!m.title.empty() || nameStart == 0) continue;
    // "the Deputy Secretary-General of Iraq's "Al-Nujaba" Nasr al-Shammari"
    size_t p = nameStart;
    while (p > 0 && tokens[p - 1].lower == "\"") --p;
    if (p == 0 || owner[p - 1] < 0) continue;
    const int om = owner[p - 1];
    const Entity& oe = resolver->entities()[out[om].entity];
    if (oe.actor.kind == ActorKind::kPerson || oe.actor.kind == ActorKind::kMedia) continue;
    p = out[om].tokBegin;
    while (p > 0 && tokens[p - 1].lower == "\"") --p;
    if (p > 0 && tokens[p - 1].possessive && owner[p - 1] >= 0) p = out[owner[p - 1]].tokBegin;
    if (p < 2 || tokens[p - 1].lower != "of") continue;
    for (size_t s = p - 1 > 6 ? p - 7 : 0; s < p - 1; ++s) {
      auto tl = index.title(tokens, s);
      if (!tl || s + tl->second != p - 1) continue;
      m.title = tl->first;
      m.titleOf = out[om].entity;
      out[om].modifier = true;
      break;
    }
  }

  // 4. Office roles without a name: "the premier", "Iraq's prime minister".
  std::vector<Mention> roles;
  for (size_t s = 0; s < tokens.size(); ++s) {
    if (owner[s] >= 0 || !tokens[s].word) continue;
    auto tl = index.title(tokens, s);
    if (!tl) continue;
    const size_t tEnd = s + tl->second;
    bool freeSpan = true;
    for (size_t k = s; k < tEnd; ++k) freeSpan = freeSpan && owner[k] < 0;
    if (!freeSpan) continue;
    // A name follows: handled as a title above (or an unknown name).
    if (tEnd < tokens.size() && tokens[tEnd].word && (tokens[tEnd].capital || owner[tEnd] >= 0) &&
        tokens[tEnd].script == Script::kLatin)
      continue;
    auto [own, ownerMention] = titleOwner(s);
    const bool determiner = s > 0 && (tokens[s - 1].lower == "the" || tokens[s - 1].lower == "his" ||
                                      tokens[s - 1].lower == "its" || tokens[s - 1].lower == "then");
    std::optional<size_t> body;
    if (own != kNoActor && resolver->entities()[own].catalog != kNoActor) body = resolver->entities()[own].catalog;
    else if (determiner) body = resolver->defaultBodyFor(tl->first);
    if (!body) { s = tEnd - 1; continue; }
    auto holder = resolver->officeHolder(*body, tl->first);
    if (!holder) { s = tEnd - 1; continue; }
    Mention m = makeMention(tokens, s, tEnd, resolver->fromCatalog(*holder), MentionSource::kRole);
    if (ownerMention >= 0) {
      out[ownerMention].modifier = true;
      m.tokBegin = out[ownerMention].tokBegin;
      m.begin = out[ownerMention].begin;
    }
    m.title = tl->first;
    m.titleOf = own;
    resolver->noteMention(m.entity);
    roles.push_back(m);
    s = tEnd - 1;
  }
  if (!roles.empty()) {
    // A role absorbs its owner's mention ("Iraq's prime minister" is one actor).
    std::vector<Mention> merged;
    for (auto& m : out) {
      bool inside = false;
      for (const auto& r : roles) inside = inside || (m.tokBegin >= r.tokBegin && m.tokEnd <= r.tokEnd);
      if (!inside) merged.push_back(m);
    }
    merged.insert(merged.end(), roles.begin(), roles.end());
    out = std::move(merged);
    std::sort(out.begin(), out.end(), [](const Mention& a, const Mention& b) { return a.tokBegin < b.tokBegin; });
  }
  return out;
}

}  // namespace kg::extract
