#include "extract/actors/mentions.h"

#include "extract/lexicon/given_names.h"
#include "extract/lexicon/title_words.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <optional>
#include <tuple>
#include <unordered_set>

#include "extract/actors/known_as.h"

namespace kg::extract {

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
  static const std::unordered_set<std::string> armed = {"brigades", "brigade",  "battalion", "battalions", "militia",
                                                        "militias", "front",    "movement",  "resistance", "army",
                                                        "guards",   "factions", "faction",   "forces",     "movements"};
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
                                                      "university", "college", "institution", "bank"};
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


// Mention confidences (Mention::confidence), each with why it is that high.
// A dictionary name written in full rarely names anyone else.
constexpr float kAliasConfidence = 0.95f;
// A dictionary name met by its consonant skeleton: a spelling variant, or a near miss.
constexpr float kSkeletonConfidence = 0.8f;
// A surname alone or a partial name, matched to someone the article already named in full.
constexpr float kSurnameConfidence = 0.8f;
// An office without a name: its holder is the one the dictionary records for the date.
constexpr float kRoleConfidence = 0.75f;
// A name the dictionary lacks, guessed from capitals, a suffix or the words around it.
constexpr float kRuleConfidence = 0.6f;
// Not reached: every MentionSource has its own confidence.
constexpr float kFallbackConfidence = 0.5f;
// A surname the article has not used yet, unique in the catalog: below kSurnameConfidence
// because nothing in the article backs it.
constexpr float kCatalogSurnameConfidence = 0.7f;
// A known person's two names written the other way round ("Hussein Fuad"
// for Fuad Hussein, as translations do): the same person, less surely.
constexpr float kReversedNameConfidence = 0.7f;
// Subtracted when one alias names several actors: the one picked may be the wrong one.
constexpr float kAmbiguousAliasPenalty = 0.15f;

float sourceConfidence(MentionSource s) {
  switch (s) {
    case MentionSource::kAlias: return kAliasConfidence;
    case MentionSource::kSkeleton: return kSkeletonConfidence;
    case MentionSource::kSurname: return kSurnameConfidence;
    case MentionSource::kRole: return kRoleConfidence;
    case MentionSource::kRule: return kRuleConfidence;
  }
  return kFallbackConfidence;
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

// "Harakat Ansar Allah al-Awfiya": an alias at `i` right after a
// capitalised Arabic word for a movement or armed formation
// (given_names.txt arabic_group_prefixes) is inside another group's name
// ("Ansar Allah" there is not the Houthis); claimArabicPrefixedGroup names
// the whole run.
bool afterArabicGroupPrefix(const std::vector<Token>& tokens, size_t i) {
  if (i == 0) return false;
  const Token& prev = tokens[i - 1];
  return prev.word && prev.capital && prev.script == Script::kLatin &&
         givenNames().arabicGroupPrefixes.contains(prev.strict);
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
    } else if (index.demonym(tokens[t]) && t + 1 < j) {
      ++t;
    }
    if (t < j && owner[t] >= 0) return b;
    auto tl = index.title(tokens, t);
    // "Senators Marco Rubio and Ted Cruz": a one-word title in the plural
    // before the first of several names.
    if (!tl && t < j && tokens[t].capital && tokens[t].strict.size() >= 4 && tokens[t].strict.back() == 's') {
      std::vector<Token> one{tokens[t]};
      one[0].strict.pop_back();
      one[0].lower.pop_back();
      rehashKeys(one[0]);
      if (auto singular = index.title(one, 0); singular && singular->second == 1) tl = singular;
    }
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
  // The folded key, not the word as written: a word before "الله" carries
  // it in its key alone ("لحزب الله" is one token, "لحزبالله").
  const std::string& key = tokens[i].strict;
  size_t k = 0;
  const char32_t c = decodeUtf8(key, k);
  if (c != 0x0648 && c != 0x0641 && c != 0x0628 && c != 0x0644) return {};  // و ف ب ل
  const std::string rest = arabicFold(std::string_view(key).substr(k));
  size_t letters = 0;
  for (size_t q = 0; q < rest.size();) { decodeUtf8(rest, q); ++letters; }
  if (letters < 3) return {};
  std::vector<Token> tail(tokens.begin() + static_cast<std::ptrdiff_t>(i),
                          tokens.begin() + static_cast<std::ptrdiff_t>(std::min(tokens.size(), i + 13)));
  tail[0].strict = rest;
  tail[0].skeleton = arabicSkeleton(rest);
  rehashKeys(tail[0]);
  return index.match(tail, 0);
}

// ---------------------------------------------------------------- findMentions
//
// findMentions runs four steps over one sentence, each reading what the
// steps before it found:
//   1. findAliases          dictionary names, longest first;
//   2. findCapitalisedRuns  names the dictionary lacks: organisations by
//                           suffix, people by a known surname or by context;
//   3. attachTitles         titles written before person mentions;
//   4. findOfficeRoles      office roles without a name ("the premier").

namespace {

// What the steps share: the sentence, the mentions found so far and, for
// each token, the index of the mention covering it (-1 for none).
struct MentionScan {
  const std::vector<Token>& tokens;
  const MentionIndex& index;
  Resolver* resolver;
  std::vector<Mention> out;
  std::vector<int> owner;

  // Records `m` as found and its tokens as covered.
  void claim(const Mention& m) {
    for (size_t k = m.tokBegin; k < m.tokEnd; ++k) owner[k] = static_cast<int>(out.size());
    resolver->noteMention(m.entity);
    out.push_back(m);
  }
  const Entity& entityOf(const Mention& m) const { return resolver->entities()[m.entity]; }

  // A new name rebuilt from tokens [b, e): their lower-case forms with the
  // capitalisation they were written with (findMentions does not see the text).
  std::string rawName(size_t b, size_t e) const {
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
  }
};

bool startsBefore(const Mention& a, const Mention& b) { return a.tokBegin < b.tokBegin; }

// ---- 1. Dictionary aliases

// One alias of several actors: the one already in the article (the last
// such in the alias's order), else the first.
size_t pickAliasActor(const MentionIndex::Hit& hit, const Resolver& resolver) {
  size_t pick = hit.entries.front()->actor;
  if (hit.entries.size() > 1) {
    for (const auto* e : hit.entries) {
      for (const auto& ent : resolver.entities()) {
        if (ent.catalog == e->actor) { pick = e->actor; break; }
      }
    }
  }
  return pick;
}

// "Peru's Congress", "the Peruvian Congress": an alias of one state's
// institution (the dictionary's "Congress" is the US Congress) written right
// after another state, as its owner or its demonym, names that state's own
// body, not the dictionary's.
bool foreignOwnerBefore(const MentionScan& s, size_t i, size_t pick) {
  const Actor& body = s.resolver->catalog().actors()[pick].actor;
  if (body.kind == ActorKind::kState || body.country.empty() || i == 0) return false;
  const auto otherState = [&](const Actor& a) { return a.kind == ActorKind::kState && a.country != body.country; };
  const Token& prev = s.tokens[i - 1];
  if (prev.possessive && !s.out.empty() && s.out.back().tokEnd == i) return otherState(s.entityOf(s.out.back()).actor);
  if (auto state = s.index.demonym(prev)) return otherState(s.resolver->catalog().actors()[*state].actor);
  return false;
}

// "African National Congress", "Indian National Congress": a one-word alias
// that is an institution's generic name ("Congress", "Parliament") ending a
// longer capitalised name is that other body, named by the whole run (the
// capitalised-run rules read it); a demonym before it is read by
// foreignOwnerBefore.
bool endsLongerInstitutionName(const MentionScan& s, size_t i, const MentionIndex::Hit& hit) {
  if (hit.length != 1 || i == 0) return false;
  bool suffix = false;
  suffixKind(s.tokens[i].strict, &suffix);
  const Token& prev = s.tokens[i - 1];
  if (!suffix || !prev.word || !prev.capital || prev.article || prev.script != Script::kLatin) return false;
  if (prev.lower == "the" || prev.possessive || s.index.demonym(prev)) return false;
  return s.out.empty() || s.out.back().tokEnd != i;
}

// "وقال السوداني", "استقبل السوداني": a state's one-word adjective standing
// alone right after a verb (arabic_standalone_openers) or opening the
// sentence, where it qualifies no noun, and ending a known person's Arabic
// name, is that person (the one the article has named when several share
// it); nullopt otherwise.
std::optional<size_t> arabicSurnameStandingAlone(const MentionScan& s, size_t i, const MentionIndex::Hit& hit,
                                                 size_t pick) {
  const Token& t = s.tokens[i];
  if (hit.length != 1 || t.script != Script::kArabic) return std::nullopt;
  if (s.resolver->catalog().actors()[pick].actor.kind != ActorKind::kState) return std::nullopt;
  const std::vector<size_t>* persons = s.index.arabicSurname(t.strict);
  if (persons == nullptr) return std::nullopt;
  size_t k = i;
  while (k > 0 && s.tokens[k - 1].article) --k;
  const bool alone = k == 0 || !s.tokens[k - 1].word ||
                     givenNames().arabicStandaloneOpeners.contains(s.tokens[k - 1].lower);
  if (!alone) return std::nullopt;
  if (persons->size() == 1) return persons->front();
  for (size_t c : *persons)
    for (const auto& ent : s.resolver->entities())
      if (ent.catalog == c) return c;
  return std::nullopt;
}

// "the Israel Lobby", "the Iraq War": a state's name (alias `pick`, at
// token i) right before a capitalised noun that makes the two another name
// (given_names.txt state_name_heads) is not the state.
bool opensAnotherName(const MentionScan& s, size_t i, const MentionIndex::Hit& hit, size_t pick) {
  const size_t after = i + hit.length;
  if (after >= s.tokens.size()) return false;
  const Token& head = s.tokens[after];
  return head.capital && head.script == Script::kLatin &&
         s.resolver->catalog().actors()[pick].actor.kind == ActorKind::kState &&
         givenNames().stateNameHeads.contains(head.lower);
}

// Dictionary aliases, longest first from left to right.
// "Sheikh Mishal al-Ahmad al-Jaber al-Sabah": an alias opening with a
// one-word title ("Sheikh Mishal al-Ahmad") gives way to a longer alias of
// the same actor right after the title, which then stays a title before the
// name. Returns that hit, or an empty one.
MentionIndex::Hit longerNameAfterTitle(const MentionScan& s, size_t i, const MentionIndex::Hit& hit, size_t pick) {
  const auto& tokens = s.tokens;
  if (i + 1 >= tokens.size() || hit.length < 2) return {};
  const auto tl = s.index.title(tokens, i);
  if (!tl || tl->second != 1) return {};
  MentionIndex::Hit after = s.index.match(tokens, i + 1);
  if (after.length == 0 || i + 1 + after.length <= i + hit.length) return {};
  if (pickAliasActor(after, *s.resolver) != pick) return {};
  return after;
}

void findAliases(MentionScan& s) {
  const auto& tokens = s.tokens;
  for (size_t i = 0; i < tokens.size();) {
    const Token& t = tokens[i];
    if (!t.word || t.article || t.strict.empty()) { ++i; continue; }
    MentionIndex::Hit hit = s.index.match(tokens, i);
    bool afterProclitic = false;
    if (hit.length == 0 && t.script == Script::kArabic) {
      hit = matchAfterProclitic(s.index, tokens, i);
      afterProclitic = hit.length > 0;
    }
    if (hit.length == 0 || insideLongerName(tokens, i, hit)) { ++i; continue; }
    if (afterArabicGroupPrefix(tokens, i)) {
      i += hit.length;
      continue;
    }
    size_t pick = pickAliasActor(hit, *s.resolver);
    if (auto after = longerNameAfterTitle(s, i, hit, pick); after.length > 0) {
      ++i;
      hit = std::move(after);
    }
    if (foreignOwnerBefore(s, i, pick) || endsLongerInstitutionName(s, i, hit)) { i += hit.length; continue; }
    if (auto person = arabicSurnameStandingAlone(s, i, hit, pick)) pick = *person;
    if (opensAnotherName(s, i, hit, pick)) {
      i += hit.length + 1;  // the name's head too
      continue;
    }
    size_t b = i;
    if (b > 0 && tokens[b - 1].article) --b;  // "al-" belongs to the name's span
    s.claim(makeMention(tokens, b, i + hit.length, s.resolver->fromCatalog(pick),
                        hit.skeleton ? MentionSource::kSkeleton : MentionSource::kAlias));
    if (hit.entries.size() > 1) s.out.back().confidence -= kAmbiguousAliasPenalty;
    if (afterProclitic) {
      size_t k = 0;
      const char32_t c = decodeUtf8(t.lower, k);
      s.out.back().prepositionPrefix = c == 0x0628 || c == 0x0644;  // ب ل
    }
    i += hit.length;
  }
}

// "岸田首相", "林外相", "茂木氏": a known person's family name in kanji
// written right before a title (or 氏, Mr/Ms), which Japanese news uses
// after the first mention or alone. A family name several known persons
// share names the one the article has named already, else no one.
void findJapaneseSurnames(MentionScan& s) {
  const auto& tokens = s.tokens;
  for (size_t i = 0; i + 1 < tokens.size(); ++i) {
    const Token& t = tokens[i];
    if (!t.word || t.script != Script::kHan || s.owner[i] >= 0 || s.owner[i + 1] >= 0) continue;
    const std::vector<size_t>* cands = s.index.japaneseSurname(t.strict);
    if (cands == nullptr) continue;
    if (tokens[i + 1].lower != "\u6C0F" && !s.index.title(tokens, i + 1)) continue;  // 氏
    std::optional<size_t> pick;
    if (cands->size() == 1) pick = cands->front();
    for (size_t c : *cands) {
      for (const auto& ent : s.resolver->entities())
        if (ent.catalog == c) pick = c;
    }
    if (!pick) continue;
    s.claim(makeMention(tokens, i, i + 1, s.resolver->fromCatalog(*pick), MentionSource::kSurname));
  }
}

// ---- 2. Capitalised runs

// A headline ("Biden, Al-Kadhimi Agree on Continued Security Partnership")
// capitalises every word: capitals say nothing there, so the name rules
// stay quiet. Known names, titles and demonyms are not counted.
bool isHeadline(const MentionScan& s) {
  const auto& tokens = s.tokens;
  // Headlines end without a full stop; most sentences end with one, and then
  // the words need no counting.
  for (size_t k = tokens.size(); k > 0; --k) {
    if (tokens[k - 1].lower == "\"" || tokens[k - 1].lower == ")") continue;
    if (tokens[k - 1].lower == ".") return false;
    break;
  }
  size_t longWords = 0, capitals = 0;
  for (size_t k = 0; k < tokens.size(); ++k) {
    const Token& t = tokens[k];
    if (!t.word || t.script != Script::kLatin || t.strict.size() < 4 || s.owner[k] >= 0) continue;
    if (s.index.demonym(t)) continue;
    if (auto tl = s.index.title(tokens, k)) { k += tl->second - 1; continue; }
    ++longWords;
    capitals += t.capital;
  }
  // Seven long words in ten capitalised.
  return longWords >= 4 && capitals * 10 >= longWords * 7;
}

bool isCapWord(const std::vector<Token>& tokens, size_t k) {
  const Token& t = tokens[k];
  return t.word && (t.article || (t.script == Script::kLatin && t.capital && !t.allCaps));
}

// The second syllable of a hyphenated East Asian given name ("wen", "un",
// "in", "moon"): short, and no participle or common word after a hyphen.
bool eastAsianSyllable(const std::string& w) {
  return w.size() <= 5 && !givenNames().hyphenWords.contains(w) && !(w.size() > 2 && w.compare(w.size() - 2, 2, "ed") == 0);
}

// The end of the capitalised run starting at `i`; a possessive ends it.
size_t capitalRunEnd(const std::vector<Token>& tokens, size_t i) {
  size_t j = i;
  while (j < tokens.size()) {
    if (isCapWord(tokens, j)) {
      if (tokens[j].possessive) return j + 1;
      ++j;
      continue;
    }
    // "Council of Representatives": a lower-case "of" between capitals.
    if ((tokens[j].lower == "of" || tokens[j].lower == "for") && j + 1 < tokens.size() && isCapWord(tokens, j + 1) &&
        !tokens[j + 1].article)
      { ++j; continue; }
    // "Tsai Ing-wen", "Kim Jong-un": a short lower-case syllable joined by a
    // hyphen to a name of two or more words ("Iran-backed", "Saudi-led" have
    // one word before and a participle after).
    if (j >= i + 2 && tokens[j].word && !tokens[j].capital && tokens[j].hyphenBefore && eastAsianSyllable(tokens[j].lower)) {
      ++j;
      continue;
    }
    // "Lula da Silva", "von der Leyen": a name particle between capitals.
    const size_t particles = j > i ? namePartCount(tokens, j) : 0;
    if (particles > 0 && j + particles < tokens.size() && isCapWord(tokens, j + particles)) {
      j += particles;
      continue;
    }
    break;
  }
  return j;
}

// Where the name in the capitalised run [i, j) starts: with the Arabic
// article before it ("al-Muhandis"), after leading stop words, and after a
// demonym or a title opening the run ("Pakistani Prime Minister Imran Khan",
// "Brigadier General William Seely"); titleOwner() reads the demonym again.
size_t runNameStart(const MentionScan& s, size_t i, size_t j) {
  const auto& tokens = s.tokens;
  const auto& stops = stopCapitals();
  size_t b = i;
  if (b > 0 && tokens[b - 1].article && s.owner[b - 1] < 0) --b;
  // A stop capital that is also a given name opens a name when a name word
  // follows it ("Christian Lindner", not "Christian militias").
  auto opensName = [&](size_t k) {
    return k + 1 < j && givenNames().givenNames.contains(tokens[k].lower) && tokens[k + 1].capital &&
           !stops.count(tokens[k + 1].strict);
  };
  while (b < j && !tokens[b].article && (stops.count(tokens[b].strict) || tokens[b].lower == "of") && !opensName(b))
    ++b;
  return skipLeadingTitles(tokens, s.index, s.owner, b, j);
}

// "Al-Nujaba Islamic Resistance Movement" is al-Nujaba: a group mention
// inside an organisation's run [b, e) takes the rest of the run. True when
// it did.
bool extendGroupInside(MentionScan& s, size_t b, size_t e) {
  int groupInside = -1;
  for (size_t k = b; k < e; ++k) {
    if (s.owner[k] < 0) continue;
    const ActorKind ok = s.entityOf(s.out[s.owner[k]]).actor.kind;
    if (ok == ActorKind::kArmedGroup || ok == ActorKind::kOrganisation || ok == ActorKind::kMedia) groupInside = s.owner[k];
  }
  if (groupInside < 0 || s.owner[e - 1] >= 0) return false;
  Mention& g = s.out[groupInside];
  for (size_t k = g.tokEnd; k < e; ++k) s.owner[k] = groupInside;
  g.tokEnd = e;
  g.end = s.tokens[e - 1].end;
  g.possessive = s.tokens[e - 1].possessive;
  return true;
}

// "Foreign Ministry", "Media Office": only generic words before the suffix
// say nothing of whose it is.
bool genericName(const std::vector<Token>& tokens, size_t b, size_t e) {
  static const std::unordered_set<std::string> kGeneric = {
      "foreign",     "defense",   "defence", "interior", "media",   "security", "ground",         "air",
      "oval",        "national",  "joint",   "special",  "general", "central",  "supreme",        "high",
      "higher",      "electoral", "trump",   "biden",    "obama",   "bush",     "administration", "state",
      "ministerial", "council",   "task",    "press",    "the",     "armed"};
  bool generic = true;
  for (size_t k = b; k + 1 < e; ++k) generic = generic && (tokens[k].article || kGeneric.count(tokens[k].strict) > 0);
  return generic;
}

bool isCompassWord(const std::string& w) {
  return w == "west" || w == "east" || w == "north" || w == "south" || w == "left" || w == "right";
}

// "National League for Democracy", "Movement for Democratic Change",
// "Party of Regions": a party's or movement's word (not a government body's:
// "Ministry of Foreign Affairs" is a state's; not "Group of Seven") right
// before "for" / "of" inside the run names the whole run. The kind of that
// word; kOther when there is none.
ActorKind innerOrganisationWord(const std::vector<Token>& tokens, size_t b, size_t e) {
  for (size_t k = b; k + 2 < e; ++k) {
    if (tokens[k + 1].lower != "for" && tokens[k + 1].lower != "of") continue;
    if (tokens[k].strict == "league") return ActorKind::kOrganisation;
    if (tokens[k].strict == "group") continue;
    bool suffix = false;
    const ActorKind kind = suffixKind(tokens[k].strict, &suffix);
    if (suffix && (kind == ActorKind::kOrganisation || kind == ActorKind::kArmedGroup)) return kind;
  }
  return ActorKind::kOther;
}

// "Thailand's Constitutional Court", "the Iraqi Federal Supreme Court": a
// government body the dictionary does not know, owned by a state written
// right before its run (a possessive state mention, or a demonym the run
// left out), is named with that state, "Constitutional Court of Thailand",
// and belongs to it: one country's court is not another's. (A demonym
// inside the run is part of a name: "the Norwegian Nobel Committee".) The same body
// written later without its state ("the Constitutional Court") is the one
// the article named with it. The entity of the run [b, e).
size_t stateQualifiedBody(MentionScan& s, size_t b, size_t e) {
  const auto& tokens = s.tokens;
  const Catalog& catalog = s.resolver->catalog();
  std::optional<size_t> state;  // catalog index
  if (auto before = b > 0 ? s.index.demonym(tokens[b - 1]) : std::nullopt) {
    state = before;
  } else if (b > 0 && tokens[b - 1].possessive && s.owner[b - 1] >= 0) {
    const Entity& owner = s.entityOf(s.out[s.owner[b - 1]]);
    if (owner.actor.kind == ActorKind::kState && owner.catalog != kNoActor) state = owner.catalog;
  }
  const std::string name = s.rawName(b, e);
  if (!state) {
    const std::string prefix = name + " of ";
    const auto& es = s.resolver->entities();
    for (size_t k = 0; k < es.size(); ++k)
      if (es[k].catalog == kNoActor && es[k].actor.kind == ActorKind::kGovernmentBody &&
          es[k].actor.name.rfind(prefix, 0) == 0)
        return k;
    return s.resolver->fromNew(name, ActorKind::kGovernmentBody);
  }
  const Actor& st = catalog.actors()[*state].actor;
  return s.resolver->fromNew(name + " of " + st.name, ActorKind::kGovernmentBody, st.country);
}

// An organisation named by its suffix ("... Committee", "... Brigades";
// not when a dictionary name ends the run), or by a party's word inside it
// (innerOrganisationWord). True when the run [b, e) is settled as one:
// claimed, taken by a group named inside it, or generic.
bool claimOrganisation(MentionScan& s, size_t b, size_t e, size_t words) {
  const auto& tokens = s.tokens;
  bool suffix = false;
  ActorKind kind = suffixKind(tokens[e - 1].strict, &suffix);
  if (!suffix) {
    kind = innerOrganisationWord(tokens, b, e);
    if (kind == ActorKind::kOther) return false;
  }
  for (size_t k = b; k < e; ++k)
    if (tokens[k].strict == "news" || tokens[k].strict == "tv") kind = ActorKind::kMedia;  // "... News Agency"
  if (extendGroupInside(s, b, e)) return true;
  if (genericName(tokens, b, e)) return true;
  // "Ukrainian Armed Forces", "Iraqi Security Forces": a state's forces,
  // named by its demonym or its name before "Forces", are that state's.
  if (tokens[e - 1].strict == "forces")
    for (size_t k = b; k + 1 < e; ++k)
      if (s.index.demonym(tokens[k]) ||
          (s.owner[k] >= 0 && s.entityOf(s.out[s.owner[k]]).actor.kind == ActorKind::kState))
        return true;
  // "the West Bank", "the left bank": a river's bank is a place, not a bank.
  if (tokens[e - 1].strict == "bank" && e - b == 2 && isCompassWord(tokens[b].strict)) return true;
  if (words < 2 || s.owner[e - 1] >= 0 || tokens[e - 1].possessive) return false;
  // Leading dictionary mentions become modifiers of the organisation
  // ("Baghdad Security Committee"); leading stop words are dropped.
  for (size_t k = b; k < e; ++k) {
    if (s.owner[k] >= 0) s.out[s.owner[k]].modifier = true;
  }
  if (kind == ActorKind::kGovernmentBody) {
    s.claim(makeMention(tokens, b, e, stateQualifiedBody(s, b, e), MentionSource::kRule));
    return true;
  }
  const std::string name = s.rawName(b, e);
  s.claim(makeMention(tokens, b, e, s.resolver->fromNew(name, kind), MentionSource::kRule));
  return true;
}

// "the militant group Jaish al-Adl", "the opposition group Komala": an
// unknown capitalised run [b, e) of one to five words right after a group
// noun (given_names.txt group_nouns) is a group, armed when an armed word
// stands among the three words before the noun. The run starts after its
// stop capitals (runNameStart), so "the group Monday said" names no group.
// True when claimed.
bool claimNamedGroup(MentionScan& s, size_t b, size_t e, size_t words) {
  const auto& tokens = s.tokens;
  const GivenNames& g = givenNames();
  if (b == 0 || words < 1 || words > 5 || tokens[b - 1].possessive) return false;
  const std::string& noun = tokens[b - 1].lower;
  if (!g.groupNouns.contains(noun)) return false;
  for (size_t k = b; k < e; ++k)
    if (s.owner[k] >= 0) return false;
  bool armed = g.armedWords.contains(noun);
  for (size_t k = b - 1; k > 0 && k + 3 >= b - 1 && !armed; --k) armed = g.armedWords.contains(tokens[k - 1].lower);
  const ActorKind kind = armed ? ActorKind::kArmedGroup : ActorKind::kOrganisation;
  s.claim(makeMention(tokens, b, e, s.resolver->fromNew(s.rawName(b, e), kind), MentionSource::kRule));
  return true;
}

// "the Chinese telecoms company Huawei", "Venezuela's state oil company,
// PDVSA,": an unknown capitalised run [b, e) of one to four words right after
// a company noun (given_names.txt company_nouns), or after the noun and a
// comma when a comma, full stop or the sentence's end closes the run, is an
// organisation. True when claimed.
bool claimNamedCompany(MentionScan& s, size_t b, size_t e, size_t words) {
  const auto& tokens = s.tokens;
  if (b == 0 || words < 1 || words > 4 || tokens[e - 1].possessive) return false;
  size_t noun = b - 1;
  const bool apposition = tokens[noun].lower == "," && noun > 0;
  if (apposition) --noun;
  if (tokens[noun].possessive || !givenNames().companyNouns.contains(tokens[noun].lower)) return false;
  if (apposition && e < tokens.size() && tokens[e].lower != "," && tokens[e].lower != ".") return false;
  for (size_t k = b; k < e; ++k)
    if (s.owner[k] >= 0) return false;
  s.claim(makeMention(tokens, b, e, s.resolver->fromNew(s.rawName(b, e), ActorKind::kOrganisation), MentionSource::kRule));
  return true;
}

// "the Ennahda party", "the opposition Civic Platform party": an unknown
// capitalised run [b, e) of one to four words right before a lower-case
// "party" (at `next`) names that party (an organisation, named by the run;
// "the Law and Justice party" takes the word and "and" before the run too).
// True when claimed.
bool claimNamedParty(MentionScan& s, size_t b, size_t e, size_t next, size_t words) {
  const auto& tokens = s.tokens;
  if (words < 1 || words > 4 || next >= tokens.size() || next != e || tokens[e - 1].possessive) return false;
  if (tokens[next].lower != "party" && tokens[next].lower != "parties") return false;
  if (tokens[next].capital) return false;  // "... Party" is a name's own suffix (claimOrganisation)
  // "the Law and Justice party": a capitalised word and "and" before the run belong to the name.
  if (b >= 2 && tokens[b - 1].lower == "and" && tokens[b - 2].word && tokens[b - 2].capital && !tokens[b - 2].possessive &&
      (b < 3 || !tokens[b - 3].capital || tokens[b - 3].lower == "the"))
    b -= 2;
  for (size_t k = b; k < e; ++k)
    if (s.owner[k] >= 0 || s.index.demonym(tokens[k])) return false;  // "the Iraqi party"
  s.claim(makeMention(tokens, b, e, s.resolver->fromNew(s.rawName(b, e), ActorKind::kOrganisation), MentionSource::kRule));
  return true;
}

// "Pablo Iglesias, the leader of Unidas Podemos,": an unknown capitalised
// run [b, e) of one to four words right after "leader of" (or "head",
// "chairman", "founder" of: given_names.txt leading_nouns), ending at a
// comma, a full stop or the sentence's end and holding no demonym, names an
// organisation. True when claimed.
bool claimLedBody(MentionScan& s, size_t b, size_t e, size_t words) {
  const auto& tokens = s.tokens;
  if (b < 2 || words < 1 || words > 4 || tokens[e - 1].possessive) return false;
  if (tokens[b - 1].lower != "of" || !givenNames().leadingNouns.contains(tokens[b - 2].lower)) return false;
  if (e < tokens.size() && tokens[e].lower != "," && tokens[e].lower != ".") return false;
  for (size_t k = b; k < e; ++k)
    if (s.owner[k] >= 0 || s.index.demonym(tokens[k])) return false;
  s.claim(
      makeMention(tokens, b, e, s.resolver->fromNew(s.rawName(b, e), ActorKind::kOrganisation), MentionSource::kRule));
  return true;
}

// A catalog person met by a surname the article has not used yet.
void claimCatalogSurname(MentionScan& s, size_t b, size_t e, size_t actor) {
  Mention m = makeMention(s.tokens, b, e, s.resolver->fromCatalog(actor), MentionSource::kSurname);
  m.confidence = kCatalogSurnameConfidence;
  s.claim(m);
}

// Vowels folded to one "a" per run ("Saleh" and "Salih" are "salah").
std::string vowelFold(const std::string& w) {
  std::string o;
  for (char ch : w) {
    const bool v = ch == 'a' || ch == 'e' || ch == 'i' || ch == 'o' || ch == 'u' || ch == 'y';
    if (v && !o.empty() && o.back() == 'a') continue;
    o += v ? 'a' : ch;
  }
  return o;
}

// A lone word meets a catalog surname by skeleton only when the two differ
// in vowels alone ("Saleh"/"Salih", not "Mark"/"Maliki"), or when an Arabic
// article marks the word as a surname too ("Al-Kazimi"). The one candidate,
// or nullptr.
const std::vector<size_t>* vowelVariantSurname(const MentionIndex& index, const Token& t, bool article) {
  const std::vector<size_t>* sk = index.surname("~" + t.skeleton);
  if (sk == nullptr || sk->size() != 1 || t.skeleton.size() < 3) return nullptr;
  const auto known = foldName(index.catalog().actors()[sk->front()].actor.name);
  if (!known.empty() && (article || vowelFold(known.back().strict) == vowelFold(t.strict))) return sk;
  return nullptr;
}

// A one-word name [b, e): the surname of someone known. Exact spellings
// first (in the article, then in the catalog), then skeletons: "Khomeini"
// after "Khamenei" is still Khomeini.
void claimSurname(MentionScan& s, size_t b, size_t e) {
  const auto& tokens = s.tokens;
  const Token& t = tokens[tokens[b].article ? b + 1 : b];
  if (t.strict.size() < 3) return;
  if (auto ent = s.resolver->bySurname(t.strict, "")) {
    s.claim(makeMention(tokens, b, e, *ent, MentionSource::kSurname));
    return;
  }
  const std::vector<size_t>* cands = s.index.surname(t.strict);
  if (cands == nullptr || cands->size() != 1) {
    if (auto ent = s.resolver->bySurname("", t.skeleton)) {
      s.claim(makeMention(tokens, b, e, *ent, MentionSource::kSurname));
      return;
    }
    if (const auto* sk = vowelVariantSurname(s.index, t, tokens[b].article)) cands = sk;
  }
  if (cands != nullptr && cands->size() == 1) claimCatalogSurname(s, b, e, cands->front());
}

// A partial name of someone known ("Abdul-Mahdi", "Abdel Mahdi"). True when
// claimed.
bool claimPartialName(MentionScan& s, size_t b, size_t e) {
  const auto& tokens = s.tokens;
  std::string sk, st;
  for (size_t k = b; k < e; ++k) {
    if (!tokens[k].word || tokens[k].article) continue;
    if (!st.empty()) { st += ' '; sk += ' '; }
    st += tokens[k].strict;
    sk += tokens[k].skeleton;
  }
  if (auto ent = s.resolver->bySurname(st, sk)) {
    s.claim(makeMention(tokens, b, e, *ent, MentionSource::kSurname));
    return true;
  }
  const std::vector<size_t>* cands = s.index.surname(st);
  if (cands == nullptr || cands->size() != 1) cands = s.index.surname("~" + sk);
  if (cands == nullptr || cands->size() != 1) return false;
  claimCatalogSurname(s, b, e, cands->front());
  return true;
}

// "the", "a", "an": what opens a title set before a name by a comma.
bool isDeterminer(const Token& t) { return t.lower == "the" || t.lower == "a" || t.lower == "an"; }

// `s` in ASCII lower case (titles are compared with the lower-case words).
std::string lowerCase(std::string s) {
  for (auto& ch : s) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  return s;
}

// True when the name [b, e) closes an apposition: punctuation or the end
// of the sentence follows it ("the Iranian ambassador, Iraj Masjedi, said").
bool closesApposition(const std::vector<Token>& tokens, size_t e) {
  if (e >= tokens.size()) return true;
  const std::string& w = tokens[e].lower;
  return w == "," || w == "." || w == ";" || w == ")";
}


// "two opposition leaders, A and B,", "two Iraqi militia leaders, A of the X
// Brigades and B of the Y militia": a run [b, e) of an apposition list after
// a plural noun of people (given_names.txt people_nouns) and a comma, the run
// closed by a comma, "and", "of", the sentence's end or a full stop. What
// stands between the comma and the run is capitalised words, articles,
// commas, "and", or "of" with its body.
bool peopleListContext(const std::vector<Token>& tokens, size_t b, size_t next) {
  const bool closed = next >= tokens.size() || closesApposition(tokens, next) || tokens[next].lower == "and" ||
                      tokens[next].lower == "of";
  return closed && peopleListNoun(tokens, b) != nullptr;
}

// An unknown name [b, e) is a person's when a title stands right before it
// ("Brigadier General X"), or a profession ("spokesman X"), or when a speech
// verb or an apposition follows it ("X said", "X, the ..."); `next` is the
// token after the run.
bool personContext(const MentionScan& s, size_t b, size_t next) {
  const auto& tokens = s.tokens;
  bool person = false;
  if (b > 0) {
    for (size_t q = b > 5 ? b - 5 : 0; q < b; ++q) {
      if (auto tl = s.index.title(tokens, q); tl && q + tl->second == b && !tokens[b - 1].possessive) person = true;
    }
    const std::string& prev = tokens[b - 1].lower;
    if (givenNames().personNouns.contains(prev)) person = true;
    if (peopleListContext(tokens, b, next)) person = true;
    // "Nikos Kotzias and Nikola Dimitrov,": a name of two words or more
    // joined by "and" to a person named right before it, closing its phrase.
    if (prev == "and" && b >= 2 && s.owner[b - 2] >= 0 && next > b + 1 &&
        (next >= tokens.size() || closesApposition(tokens, next) || (tokens[next].word && !tokens[next].capital))) {
      const Mention& before = s.out[s.owner[b - 2]];
      if (before.tokEnd == b - 1 && s.entityOf(before).actor.kind == ActorKind::kPerson) person = true;
    }
    // "arrested Julian Assange on Thursday", "freed Cecile Kohler and ...":
    // the object of a verb done to people, when the name ends its phrase.
    // ... or an office right after it ("named Amina Wekesa foreign minister").
    if (givenNames().personObjectVerbs.contains(prev) && next > b + 1 &&
        (next >= tokens.size() || !tokens[next].word || givenNames().nameClosers.contains(tokens[next].lower) ||
         (!tokens[next].capital && s.index.title(tokens, next))))
      person = true;
  }
  // "the Iranian ambassador, Iraj Masjedi,": a title before the comma.
  // "the chief prosecutor of the International Criminal Court, Karim Khan,":
  // the title's body after "of" ends at the comma, "the" opens the title.
  if (b > 1 && tokens[b - 1].lower == "," && closesApposition(tokens, next)) {
    for (size_t q = b > 8 ? b - 8 : 0; q + 1 < b; ++q) {
      if (auto tl = s.index.title(tokens, q); tl && q + tl->second == b - 1) person = true;
    }
    // "Iran's ambassador to Iraq, Iraj Masjedi": "to" a state, after an owner.
    for (size_t q = b > 12 ? b - 12 : 1; q + 3 < b && !person; ++q) {
      auto tl = s.index.title(tokens, q);
      if (!tl || !tokens[q + tl->second + 1].word) continue;
      const std::string& link = tokens[q + tl->second].lower;
      if (link != "of" && link != "to") continue;
      // ("its ambassador to Egypt, X", "his envoy to Yemen, X": a possessive pronoun too.)
      const std::string& opener = tokens[q - 1].lower;
      const bool pronoun = opener == "its" || opener == "his" || opener == "her" || opener == "their";
      const bool opened = isDeterminer(tokens[q - 1]) || tokens[q - 1].possessive || pronoun ||
                          (q > 1 && isDeterminer(tokens[q - 2]) && !tokens[q - 1].capital && tokens[q - 1].word);
      bool capitalBody = true;  // the words from "of" to the comma name the body
      for (size_t k = q + tl->second + 1; k + 1 < b; ++k)
        capitalBody = capitalBody && tokens[k].word && (tokens[k].capital || tokens[k].article || tokens[k].hyphenBefore);
      if (opened && capitalBody) person = true;
    }
  }
  if (next < tokens.size()) {
    const Token& n = tokens[next];
    if (n.word && speechVerb(n.lower)) person = true;
    // "Fethullah Gulen, whom Ankara blames", "X, who heads ...": a name of two
    // words or more with a person's relative word after its comma.
    if (n.lower == "," && next + 1 < tokens.size() && next > b + 1 &&
        (tokens[next + 1].lower == "who" || tokens[next + 1].lower == "whom"))
      person = true;
    // "Mahsa Amini had been detained by ...": the subject of a passive of a
    // verb done to people (person_object_verbs), a name of two words or more.
    if (next > b + 1 && (n.lower == "was" || n.lower == "were" || n.lower == "had" || n.lower == "has")) {
      size_t v = next + 1;
      if (v < tokens.size() && tokens[v].lower == "been") ++v;
      if (v < tokens.size() && v > next + (n.lower == "had" || n.lower == "has" ? 1 : 0) &&
          givenNames().personObjectVerbs.contains(tokens[v].lower))
        person = true;
    }
    // "appointed Claire Vautrin as (his new) prime minister", "Rosa Quispe
    // was named as interior minister", "as Kenya's president": an office
    // after "as" (a possessive owner may open it), at most two lower-case
    // words on.
    if (const auto office = officeAsAfter(tokens, next, nullptr)) {
      const size_t as = office->as;
      const size_t from = as + 2 < tokens.size() && tokens[as + 1].possessive ? as + 2 : as + 1;
      for (size_t k = from; k < tokens.size() && k < from + 3 && tokens[k].word && !tokens[k].capital; ++k)
        if (s.index.title(tokens, k)) {
          person = true;
          break;
        }
    }
    // "Albin Kurti, Kosovo's prime minister,", "X, Iran's Quds Force
    // commander": a state's or group's title after the comma.
    if (n.lower == "," && next + 1 < tokens.size()) {
      size_t k = next + 1;
      bool owned = false;
      while (k < tokens.size() && s.owner[k] >= 0) {
        const Mention& o = s.out[s.owner[k]];
        const ActorKind kind = s.entityOf(o).actor.kind;
        if (kind == ActorKind::kPerson || kind == ActorKind::kMedia) break;
        owned = true;
        k = o.tokEnd;
      }
      if (owned && k < tokens.size() && s.index.title(tokens, k)) person = true;
    }
    if (n.lower == "," && next + 1 < tokens.size() &&
        (tokens[next + 1].lower == "the" || tokens[next + 1].lower == "a" || tokens[next + 1].lower == "an" ||
         tokens[next + 1].lower == "who" || speechVerb(tokens[next + 1].lower)))
      person = true;
  }
  return person;
}

// An unknown run [b, e) of two to four words that opens with a given name
// and ends in no place word ("Mohamed Morsi", "Aung San Suu Kyi"; not
// "Hamad International Airport"), not written after a preposition of place.
bool givenNameRun(const std::vector<Token>& tokens, const MentionIndex& index, size_t b, size_t e, size_t words) {
  if (words < 2 || words > 4) return false;
  const GivenNames& g = givenNames();
  // "Abu Baqir al-Saadi", "Abu Fadak al-Mohammadawi": a kunya with a family
  // name after an Arabic article is a person's ("Abu Dhabi", "Abu Kamal" and
  // "Abu Ghraib" have no such part); "Abu" alone opens no name.
  bool kunya = tokens[b].lower == "abu" && words >= 3;
  if (kunya) {
    bool article = false;
    for (size_t k = b + 2; k < e; ++k) article = article || tokens[k].article;
    kunya = article;
  }
  const bool given = g.givenNames.contains(tokens[b].lower) || index.catalogGivenName(tokens[b].lower);
  if ((!kunya && !given) || g.placeHeads.contains(tokens[e - 1].lower)) return false;
  // The name runs on in a form the run did not take in ("Mohammad Kazem Al-e Sadegh").
  if (e < tokens.size() && (tokens[e].article || tokens[e - 1].hyphenAfter)) return false;
  if (b > 0) {
    const std::string& prev = tokens[b - 1].lower;
    if (prev == "in" || prev == "near" || prev == "at" || prev == "outside" || prev == "inside") return false;
  }
  return true;
}

// "Iraqi Foreign Minister Hussein Fuad": a two-word name that is a known
// person's name reversed is that person, never a new actor. True when claimed.
bool claimReversedName(MentionScan& s, size_t b, size_t e, size_t words) {
  if (words != 2 || e - b != 2) return false;
  const std::string reversed = s.rawName(b + 1, e) + " " + s.rawName(b, b + 1);
  const auto actor = s.resolver->catalog().findByName(reversed);
  if (!actor || s.resolver->catalog().actors()[*actor].actor.kind != ActorKind::kPerson) return false;
  Mention m = makeMention(s.tokens, b, e, s.resolver->fromCatalog(*actor), MentionSource::kRule);
  m.confidence = kReversedNameConfidence;
  s.claim(m);
  return true;
}

// "Harakat Ansar Allah al-Awfiya", "Saraya Awliya al-Dam": a run [b, e) of
// two or more words opened by an Arabic word for a movement or an armed
// formation (given_names.txt arabic_group_prefixes) that no dictionary name
// opens is one armed group's name (findAliases left a known alias inside it
// alone: afterArabicGroupPrefix). True when the run was claimed.
bool claimArabicPrefixedGroup(MentionScan& s, size_t b, size_t e, size_t words) {
  if (words < 2 || !givenNames().arabicGroupPrefixes.contains(s.tokens[b].strict)) return false;
  for (size_t k = b; k < e; ++k)
    if (s.owner[k] >= 0) return false;
  s.claim(
      makeMention(s.tokens, b, e, s.resolver->fromNew(s.rawName(b, e), ActorKind::kArmedGroup), MentionSource::kRule));
  return true;
}

// "and on his brother Laith", "her son Hamza,": one capitalised word right
// after a possessive pronoun and a word of kinship (given_names.txt
// kin_nouns), closing its phrase, is that relative's given name.
bool kinGivenName(const std::vector<Token>& tokens, size_t b, size_t next) {
  if (b < 2 || !givenNames().kinNouns.contains(tokens[b - 1].lower)) return false;
  const std::string& owner = tokens[b - 2].lower;
  if (owner != "his" && owner != "her" && owner != "their") return false;
  return next >= tokens.size() || !tokens[next].word || givenNames().nameClosers.contains(tokens[next].lower);
}

// The name of the relative given at [b, e) after "his brother": a
// brother, sister, son, daughter or father bears the family name of the
// person named last before it ("Qais al-Khazali ... his brother Laith" is
// Laith al-Khazali); other kin, or no person before, the given name alone.
std::string relativesName(const MentionScan& s, size_t b, size_t e) {
  const std::string given = s.rawName(b, e);
  static const std::unordered_set<std::string> kSameFamily = {"brother", "sister", "son", "daughter", "father"};
  if (!kSameFamily.count(s.tokens[b - 1].lower)) return given;
  for (auto m = s.out.rbegin(); m != s.out.rend(); ++m) {
    if (m->tokEnd > b) continue;
    const Actor& a = s.entityOf(*m).actor;
    if (a.kind != ActorKind::kPerson) continue;
    const size_t space = a.name.rfind(' ');
    return space == std::string::npos ? given : given + a.name.substr(space);
  }
  return given;
}

// People in the run [b, e) of `words` words: only tokens no mention covers.
void claimPerson(MentionScan& s, size_t b, size_t e, size_t next, size_t words, bool headline) {
  for (size_t k = b; k < e; ++k) {
    if (s.owner[k] >= 0) return;
  }
  if (words == 1) {
    claimSurname(s, b, e);
    if (s.owner[b] < 0 && kinGivenName(s.tokens, b, next))
      s.claim(makeMention(s.tokens, b, e, s.resolver->fromNew(relativesName(s, b, e), ActorKind::kPerson),
                          MentionSource::kRule));
    return;
  }
  if (words > 4) return;
  if (auto tl = s.index.title(s.tokens, b); tl && b + tl->second >= e) return;  // "Prime Minister" alone
  if (words <= 3 && claimPartialName(s, b, e)) return;
  if (claimReversedName(s, b, e, words)) return;
  if (headline) return;  // headlines capitalise every word
  if (!personContext(s, b, next) && !givenNameRun(s.tokens, s.index, b, e, words)) return;
  s.claim(makeMention(s.tokens, b, e, s.resolver->fromNew(s.rawName(b, e), ActorKind::kPerson), MentionSource::kRule));
}

// "Nicolas Sarkozy of France": where a run [b, e) ends in "of" and a state
// a mention names already, the index of that "of" (the words before it may
// be a person's name); `e` when it does not.
size_t ofNamedStateAtEnd(const MentionScan& s, size_t b, size_t e) {
  if (e < b + 4 || s.owner[e - 1] < 0) return e;
  const Mention& m = s.out[s.owner[e - 1]];
  if (m.tokEnd != e || m.tokBegin < b + 3 || s.tokens[m.tokBegin - 1].lower != "of") return e;
  if (s.entityOf(m).actor.kind != ActorKind::kState) return e;
  for (size_t k = b; k + 1 < m.tokBegin; ++k)
    if (s.owner[k] >= 0) return e;
  return m.tokBegin - 1;
}

// The words of [b, e), articles left out ("al-" in "al-Sadr" is no word).
size_t runWords(const std::vector<Token>& tokens, size_t b, size_t e) {
  size_t words = 0;
  for (size_t k = b; k < e; ++k) words += tokens[k].word && !tokens[k].article;
  return words;
}

// Capitalised runs: organisations by suffix, people by context.
void findCapitalisedRuns(MentionScan& s, bool headline) {
  const auto& tokens = s.tokens;
  for (size_t i = 0; i < tokens.size();) {
    if (!isCapWord(tokens, i) || tokens[i].article) { ++i; continue; }
    const size_t j = capitalRunEnd(tokens, i);
    const size_t b = runNameStart(s, i, j);
    size_t e = j;
    while (e > b && (tokens[e - 1].lower == "of" || tokens[e - 1].lower == "for" || tokens[e - 1].article)) --e;
    i = j;
    if (b >= e) continue;
    // "X, also known as Y": Y is another name of X (known_as.h), not an actor.
    if (followsKnownAs(tokens, b)) continue;
    const size_t words = runWords(tokens, b, e);
    if (claimArabicPrefixedGroup(s, b, e, words)) continue;
    if (claimOrganisation(s, b, e, words)) continue;
    if (!headline && claimNamedGroup(s, b, e, words)) continue;
    if (!headline && claimNamedCompany(s, b, e, words)) continue;
    if (!headline && claimNamedParty(s, b, e, j, words)) continue;
    if (!headline && claimLedBody(s, b, e, words)) continue;
    if (const size_t of = ofNamedStateAtEnd(s, b, e); of < e) {
      claimPerson(s, b, of, of, runWords(tokens, b, of), headline);
      continue;
    }
    claimPerson(s, b, e, j, words, headline);
  }
}

// "Venezuela's state oil company, PDVSA,": an unknown all-capitals word
// (capitalised runs leave them out) claimed by claimNamedCompany's rule.
void findCompanyAcronyms(MentionScan& s) {
  for (size_t k = 1; k < s.tokens.size(); ++k) {
    const Token& t = s.tokens[k];
    if (t.word && t.allCaps && t.script == Script::kLatin && t.strict.size() >= 2 && s.owner[k] < 0)
      claimNamedCompany(s, k, k + 1, 1);
  }
}

// Mentions in text order, `owner` rebuilt to match.
void sortMentions(MentionScan& s) {
  std::sort(s.out.begin(), s.out.end(), startsBefore);
  std::fill(s.owner.begin(), s.owner.end(), -1);
  for (size_t m = 0; m < s.out.size(); ++m)
    for (size_t k = s.out[m].tokBegin; k < s.out[m].tokEnd; ++k) s.owner[k] = static_cast<int>(m);
}

// ---- 3. Titles before person mentions

// The owner of a title written at [at, ...): a state or organisation
// mention, possessive or adjacent, or a demonym, just before it. Returns the
// owner's entity (kNoActor for none) and its mention's index (-1 for none).
constexpr int kOfficeFieldWords = 2;  // "national security" before "minister"

std::pair<size_t, int> titleOwner(const MentionScan& s, size_t at) {
  const auto& tokens = s.tokens;
  if (at == 0) return {kNoActor, -1};
  size_t p = at - 1;
  if (tokens[p].lower == "\"" && p > 0) --p;  // the "Kata'ib Sayyid al-Shuhada" Spokesman
  // "Israel's national security minister": the office's field before the title.
  for (int k = 0; k < kOfficeFieldWords && p > 0 && givenNames().officeFieldWords.contains(tokens[p].lower); ++k) --p;
  // "Poland's caretaker prime minister": a word of the holder's standing
  // in the office stands between the owner and the title.
  if (givenNames().tenureWords.contains(tokens[p].lower) && p > 0) --p;
  if (tokens[p].lower == "the" && p > 0) --p;
  if (s.owner[p] >= 0) {
    const Mention& m = s.out[s.owner[p]];
    const Entity& ent = s.entityOf(m);
    if (ent.actor.kind != ActorKind::kPerson && ent.actor.kind != ActorKind::kMedia) return {m.entity, s.owner[p]};
    return {kNoActor, -1};
  }
  if (tokens[p].word) {
    if (auto st = s.index.demonym(tokens[p])) return {s.resolver->fromCatalog(*st), -1};
  }
  return {kNoActor, -1};
}

// A title right before the person's name ("US Secretary of State Mike
// Pompeo"), with its owner before it.
void attachTitleBefore(MentionScan& s, Mention& m) {
  const auto& tokens = s.tokens;
  const size_t nameStart = m.tokBegin;
  for (size_t q = nameStart > 6 ? nameStart - 6 : 0; q < nameStart; ++q) {
    if (s.owner[q] >= 0) continue;
    auto tl = s.index.title(tokens, q);
    if (!tl) continue;
    size_t tEnd = q + tl->second;
    if (tEnd < nameStart && tokens[tEnd].lower == ".") ++tEnd;
    if (tEnd != nameStart || tokens[tEnd - 1].possessive) continue;
    m.title = tl->first;
    auto [own, ownerMention] = titleOwner(s, q);
    m.titleOf = own;
    m.titleBegin = q;
    if (ownerMention >= 0) {
      s.out[ownerMention].modifier = true;
      m.titleBegin = s.out[ownerMention].tokBegin;
    } else if (own != kNoActor && q > 0) {
      m.titleBegin = q - 1;  // a demonym
    }
    return;
  }
}

// "the Deputy Secretary-General of Iraq's "Al-Nujaba" Nasr al-Shammari": a
// title of the group named right before the person.
void attachTitleOfGroupBefore(MentionScan& s, Mention& m) {
  const auto& tokens = s.tokens;
  size_t p = m.tokBegin;
  while (p > 0 && tokens[p - 1].lower == "\"") --p;
  if (p == 0 || s.owner[p - 1] < 0) return;
  const int om = s.owner[p - 1];
  const Entity& oe = s.entityOf(s.out[om]);
  if (oe.actor.kind == ActorKind::kPerson || oe.actor.kind == ActorKind::kMedia) return;
  p = s.out[om].tokBegin;
  while (p > 0 && tokens[p - 1].lower == "\"") --p;
  if (p > 0 && tokens[p - 1].possessive && s.owner[p - 1] >= 0) p = s.out[s.owner[p - 1]].tokBegin;
  if (p < 2 || tokens[p - 1].lower != "of") return;
  for (size_t q = p - 1 > 6 ? p - 7 : 0; q < p - 1; ++q) {
    auto tl = s.index.title(tokens, q);
    if (!tl || q + tl->second != p - 1) continue;
    m.title = tl->first;
    // "the Deputy Secretary-General of X Y": a deputy's title, whichever
    // part of it the title list knows.
    if (q > 0 && isSubordinateTitleOpener(tokens[q - 1].lower)) m.title = tokens[q - 1].lower + " " + m.title;
    m.titleOf = s.out[om].entity;
    s.out[om].modifier = true;
    return;
  }
}

// "the chief prosecutor of the International Criminal Court, Karim Khan,",
// "the foreign minister of Oman, Badr Albusaidi,": a title with its body
// after "of", the name in apposition after the comma. The body (a state,
// organisation or group mention ending at the comma) is the title's and
// only qualifies it, as in "the Deputy Secretary-General of X Y"; "the"
// opens the title, so that a list ("ministers of Greece, Turkey") or a verb
// phrase ("met the leaders of X, Y and Z") is not read as one. "a"/"an"
// opens a title one of several hold ("a commander of X, Y": a member).
void attachTitleOfBodyAcrossComma(MentionScan& s, Mention& m) {
  const auto& tokens = s.tokens;
  const size_t comma = m.tokBegin - 1;
  const int bodyMention = s.owner[comma - 1];
  if (bodyMention < 0) return;
  Mention& body = s.out[bodyMention];
  const ActorKind kind = s.entityOf(body).actor.kind;
  if (kind == ActorKind::kPerson || kind == ActorKind::kMedia || body.possessive) return;
  size_t of = body.tokBegin;
  if (of > 0 && (tokens[of - 1].article || tokens[of - 1].lower == "the")) --of;
  if (of < 3 || tokens[of - 1].lower != "of") return;
  --of;
  // A body written as one of a list ("the leaders of Greece and Cyprus, X
  // and Y") is no single office.
  if (m.tokEnd < tokens.size() && tokens[m.tokEnd].lower == "and") return;
  for (size_t q = of > 5 ? of - 5 : 1; q < of; ++q) {
    if (s.owner[q] >= 0) continue;
    auto tl = s.index.title(tokens, q);
    if (!tl || q + tl->second != of) continue;
    // Only lower-case words ("chief", "top", "secretary" of "secretary
    // general") may stand between "the" and the title, two at most.
    size_t d = q;
    while (d > 0 && d + 2 > q && tokens[d - 1].word && !tokens[d - 1].capital && !tokens[d - 1].article &&
           !isDeterminer(tokens[d - 1]) && s.owner[d - 1] < 0)
      --d;
    if (d == 0 || !isDeterminer(tokens[d - 1])) continue;
    m.titleOneOfMany = tokens[d - 1].lower != "the";
    // The written words when they only add to the title's name in front
    // ("chief prosecutor" for the title Prosecutor): "chief" says who leads.
    std::string written;
    for (size_t k = d; k < of; ++k) written += (written.empty() ? "" : " ") + tokens[k].lower;
    const std::string name = lowerCase(tl->first);
    const bool addsInFront = written.size() > name.size() && written.ends_with(" " + name);
    m.title = addsInFront ? written : tl->first;
    m.titleOf = body.entity;
    m.titleApposed = true;
    body.modifier = true;
    return;
  }
}

// "its ambassador to Algeria, X", "a Chinese consul in Toronto, X": true
// when the words from `tEnd` (right after a title) to `comma` are "to" or
// "in" and the post's place, which is no owner: a known non-person, "the"
// allowed before it ("to the United Nations"), or one capitalised word.
bool postPlaceBefore(const MentionScan& s, size_t tEnd, size_t comma) {
  const auto& tokens = s.tokens;
  if (tEnd + 1 >= comma || (tokens[tEnd].lower != "to" && tokens[tEnd].lower != "in")) return false;
  const size_t place = tEnd + 2 < comma && tokens[tEnd + 1].lower == "the" ? tEnd + 2 : tEnd + 1;
  if (s.owner[place] < 0) return place == tEnd + 1 && tEnd + 2 == comma && tokens[place].word && tokens[place].capital;
  const Mention& named = s.out[s.owner[place]];
  return named.tokBegin == place && named.tokEnd == comma && s.entityOf(named).actor.kind != ActorKind::kPerson;
}

// A title in a noun phrase set before the name by a comma ("the Iranian
// ambassador, Iraj Masjedi,"; "Egypt's foreign minister, Sameh Shoukry,"):
// the name is the apposition of the title, which has an owner or a
// determiner before it (a bare "President, ..." is an address, not an NP).
// The owner stays an argument: the phrase before the comma names the state.
void attachTitleAcrossComma(MentionScan& s, Mention& m) {
  const auto& tokens = s.tokens;
  if (m.tokBegin < 2 || tokens[m.tokBegin - 1].lower != "," || !closesApposition(tokens, m.tokEnd)) return;
  const size_t comma = m.tokBegin - 1;
  for (size_t q = comma > 6 ? comma - 6 : 0; q < comma; ++q) {
    if (s.owner[q] >= 0) continue;
    auto tl = s.index.title(tokens, q);
    if (!tl) continue;
    const size_t tEnd = q + tl->second;
    if (tEnd != comma && !postPlaceBefore(s, tEnd, comma)) continue;
    auto [own, ownerMention] = titleOwner(s, q);
    const std::string& before = q > 0 ? tokens[q - 1].lower : std::string();
    // "the group's political chief, X": a common noun's possessive owns it
    // like "its" (relations/standing_rules.cpp says whose it is).
    const bool commonOwner = q > 0 && tokens[q - 1].possessive && !tokens[q - 1].capital;
    // "A foreign ministry spokesman, X,": one of several holders, a title
    // all the same (titleOneOfMany: it leads nothing).
    const bool indefinite = before == "a" || before == "an";
    const bool determiner = before == "the" || before == "his" || before == "her" || before == "its" ||
                            before == "their" || commonOwner || indefinite;
    if (own == kNoActor && !determiner) return;
    m.title = tl->first;
    m.titleOf = own;
    m.titleApposed = true;
    m.titleOneOfMany = m.titleOneOfMany || indefinite;
    return;
  }
  attachTitleOfBodyAcrossComma(s, m);
}

// "Omar Haddad, the Lebanese envoy to France,": a demonym and a title in
// the apposition after the name (a state or group named there by its own
// name is read by the apposition rules, relations/standing_rules.h).
void attachDemonymTitleAfter(MentionScan& s, Mention& m) {
  const auto& tokens = s.tokens;
  size_t q = m.tokEnd;
  if (q + 2 >= tokens.size() || tokens[q].lower != ",") return;
  ++q;
  if (tokens[q].lower == "the" || tokens[q].lower == "a" || tokens[q].lower == "an") ++q;
  if (q + 1 >= tokens.size() || s.owner[q] >= 0 || !tokens[q].word) return;
  auto state = s.index.demonym(tokens[q]);
  if (!state) return;
  auto tl = s.index.title(tokens, q + 1);
  if (!tl) return;
  const size_t end = q + 1 + tl->second;
  // "X, Qatari Emir Sheikh Tamim ...": the title is the next name's.
  if (end < tokens.size() && tokens[end].word && (tokens[end].capital || s.owner[end] >= 0)) return;
  if (end < tokens.size() && tokens[end].word && !tokens[end].capital && tokens[end].lower != "to" &&
      tokens[end].lower != "in" && tokens[end].lower != "for" && tokens[end].lower != "who")
    return;  // the title runs on into other words
  m.title = tl->first;
  m.titleOf = s.resolver->fromCatalog(*state);
  m.titleApposed = true;
}

// "Mali's military leader, Colonel Assimi Goita": a rank with no body
// written right before the name, and a title set before both by a comma;
// the title across the comma is the office (the rank says no body).
void attachTitleAcrossCommaAndRank(MentionScan& s, Mention& m) {
  if (m.titleBegin < 2 || s.tokens[m.titleBegin - 1].lower != ",") return;
  Mention shifted = m;
  shifted.tokBegin = m.titleBegin;
  shifted.title.clear();
  attachTitleAcrossComma(s, shifted);
  if (shifted.title.empty()) return;
  // "the army chief, General X": an armed forces head's title is the name's
  // over the rank, its state left to the sentence (standing_rules.cpp).
  if (shifted.titleOf == kNoActor && !stateServiceTitles().contains(lowerCase(shifted.title))) return;
  m.title = shifted.title;
  m.titleOf = shifted.titleOf;
  m.titleApposed = true;
  m.titleOneOfMany = shifted.titleOneOfMany;
}

// "イラクのサレハ大統領", "イランのザリフ外相": Japanese writes the title
// after the name, and its owner before the name, joined by "の".
void attachJapaneseTitleAfter(MentionScan& s, Mention& m) {
  const auto& tokens = s.tokens;
  const size_t q = m.tokEnd;
  if (q >= tokens.size() || (tokens[q].script != Script::kHan && tokens[q].script != Script::kKana)) return;
  if (s.owner[q] >= 0) return;
  auto tl = s.index.title(tokens, q);
  if (!tl) return;
  m.title = tl->first;
  if (m.tokBegin < 2 || tokens[m.tokBegin - 1].lower != "の" || s.owner[m.tokBegin - 2] < 0) return;
  const int om = s.owner[m.tokBegin - 2];
  const Entity& oe = s.entityOf(s.out[om]);
  if (oe.actor.kind == ActorKind::kPerson || oe.actor.kind == ActorKind::kMedia) return;
  m.titleOf = s.out[om].entity;
  m.titleBegin = s.out[om].tokBegin;
  s.out[om].modifier = true;
}

// The title written in the plural at [q, end): the canonical title its
// singular names ("foreign ministers" -> Foreign Minister); nullopt when the
// last word is no plural of a known title.
std::optional<std::string> pluralTitle(const MentionScan& s, size_t q, size_t end) {
  if (q >= end || !s.tokens[end - 1].word || s.tokens[end - 1].strict.size() < 4 || s.tokens[end - 1].strict.back() != 's')
    return std::nullopt;
  std::vector<Token> singular(s.tokens.begin() + static_cast<std::ptrdiff_t>(q),
                              s.tokens.begin() + static_cast<std::ptrdiff_t>(end));
  Token& last = singular.back();
  last.strict.pop_back();
  last.lower.pop_back();
  last.strictHash = std::hash<std::string>{}(last.strict);
  auto tl = s.index.title(singular, 0);
  if (!tl || tl->second != singular.size()) return std::nullopt;
  return tl->first;
}

// "The foreign ministers of Greece and Macedonia, Nikos Kotzias and Nikola
// Dimitrov, signed ...": a plural title of two bodies, the two names in
// apposition after the comma: the first name holds the title of the first
// body, the second of the second. The bodies only qualify the titles. `m` is
// the first name, the second a person mention right after "and".
void attachTitlesRespectively(MentionScan& s, Mention& m) {
  const auto& tokens = s.tokens;
  const size_t x = m.tokBegin;
  if (x < 7 || tokens[x - 1].lower != "," || m.tokEnd + 1 >= tokens.size() || tokens[m.tokEnd].lower != "and") return;
  const int second = s.owner[m.tokEnd + 1];
  if (second < 0 || s.out[second].tokBegin != m.tokEnd + 1) return;
  Mention& y = s.out[second];
  if (s.entityOf(y).actor.kind != ActorKind::kPerson || !y.title.empty() || !closesApposition(tokens, y.tokEnd)) return;
  const int bodyB = s.owner[x - 2];
  if (bodyB < 0) return;
  Mention& b = s.out[bodyB];
  if (b.tokBegin < 4 || tokens[b.tokBegin - 1].lower != "and" || s.owner[b.tokBegin - 2] < 0) return;
  Mention& a = s.out[s.owner[b.tokBegin - 2]];
  for (const Mention* body : {&a, &b}) {
    const ActorKind kind = s.entityOf(*body).actor.kind;
    if (kind == ActorKind::kPerson || kind == ActorKind::kMedia || body->possessive) return;
  }
  if (a.tokBegin < 3 || tokens[a.tokBegin - 1].lower != "of") return;
  const size_t of = a.tokBegin - 1;
  for (size_t q = of > 4 ? of - 4 : 1; q < of; ++q) {
    if (tokens[q - 1].lower != "the") continue;
    const auto title = pluralTitle(s, q, of);
    if (!title) continue;
    m.title = y.title = *title;
    m.titleOf = a.entity;
    y.titleOf = b.entity;
    m.titleApposed = y.titleApposed = true;
    a.modifier = b.modifier = true;
    return;
  }
}

// "Presidents Sadyr Japarov and Emomali Rahmon", "Foreign Ministers X and
// Y": a title in the plural before two names joined by "and" is each one's.
// The plural is the title's last word with an "s" the title list knows
// without it; the names are person mentions, the second right after "and".
// An owner before the title ("Chile's Deputy Foreign Ministers X and Y") is
// each one's office. Not across a comma ("X's top diplomats, A and B"):
// tried, it added two wrong edges on a frozen held-out set for two right
// ones on a tuning set.
void attachPluralTitle(MentionScan& s, Mention& m) {
  const auto& tokens = s.tokens;
  size_t first = m.tokBegin;  // where the first of the two names starts
  if (first >= 2 && tokens[first - 1].lower == "and" && s.owner[first - 2] >= 0) {
    const Mention& before = s.out[s.owner[first - 2]];
    if (s.entityOf(before).actor.kind != ActorKind::kPerson || before.tokEnd != first - 1) return;
    first = before.tokBegin;
  } else {
    const size_t next = m.tokEnd;
    if (next + 1 >= tokens.size() || tokens[next].lower != "and" || s.owner[next + 1] < 0) return;
    if (s.entityOf(s.out[s.owner[next + 1]]).actor.kind != ActorKind::kPerson) return;
  }
  const size_t end = first;
  if (end == 0 || s.owner[end - 1] >= 0) return;
  for (size_t q = end > 4 ? end - 4 : 0; q < end; ++q) {
    const auto title = pluralTitle(s, q, end);
    if (!title) continue;
    // The title's words precede the first name only: the second name's
    // title begins where that name does (the words between are no title).
    const bool firstName = first == m.tokBegin;
    m.title = *title;
    m.titleBegin = firstName ? q : m.tokBegin;
    auto [own, ownerMention] = titleOwner(s, q);
    if (own == kNoActor) return;
    m.titleOf = own;
    if (ownerMention >= 0) {
      s.out[ownerMention].modifier = true;
      if (firstName) m.titleBegin = s.out[ownerMention].tokBegin;
    }
    return;
  }
}

// Titles before person mentions (roles have theirs already).
void attachTitles(MentionScan& s) {
  for (auto& m : s.out) {
    if (s.entityOf(m).actor.kind != ActorKind::kPerson || m.source == MentionSource::kRole) continue;
    attachTitleBefore(s, m);
    if (!m.title.empty() && m.titleOf == kNoActor) attachTitleAcrossCommaAndRank(s, m);
    if (m.title.empty() && m.tokBegin > 0) attachTitleOfGroupBefore(s, m);
    if (m.title.empty()) attachTitleAcrossComma(s, m);
    if (m.title.empty()) attachDemonymTitleAfter(s, m);
    if (m.title.empty()) attachJapaneseTitleAfter(s, m);
    if (m.title.empty()) attachTitlesRespectively(s, m);
    if (m.title.empty()) attachPluralTitle(s, m);
  }
}

// ---- 4. Office roles without a name

// The title [at, tEnd) stands alone: no mention covers it and no name
// follows it (a title before a name was read in step 3, or the name is
// unknown).
bool roleStandsAlone(const MentionScan& s, size_t at, size_t tEnd) {
  const auto& tokens = s.tokens;
  for (size_t k = at; k < tEnd; ++k) {
    if (s.owner[k] >= 0) return false;
  }
  // "the Iranian ambassador, Iraj Masjedi": the name after the comma holds it.
  if (tEnd + 1 < tokens.size() && tokens[tEnd].lower == "," && s.owner[tEnd + 1] >= 0 &&
      s.out[s.owner[tEnd + 1]].titleApposed)
    return false;
  return !(tEnd < tokens.size() && tokens[tEnd].word && (tokens[tEnd].capital || s.owner[tEnd] >= 0) &&
           tokens[tEnd].script == Script::kLatin);
}

// The first token of the lower-case qualifiers ("senior", "top") written
// right before `start`, at most two of them.
size_t skipQualifiers(const std::vector<Token>& tokens, size_t start) {
  for (int k = 0; k < 2 && start > 0; ++k) {
    const Token& t = tokens[start - 1];
    if (!t.word || t.capital || t.lower == "the" || t.lower == "a" || t.lower == "an" || t.possessive) break;
    --start;
  }
  return start;
}

// True when the role phrase starting at `start` (its owner or article
// included) is an apposition to a name before it: "Zalmay Khalilzad, the US
// envoy", "Zahedi, Iran's Quds Force commander". The name says who holds
// it; the dictionary's holder of the day may be someone else.
bool appositionToName(const MentionScan& s, size_t start) {
  const auto& tokens = s.tokens;
  while (start > 0 && s.owner[start - 1] >= 0 && s.out[s.owner[start - 1]].possessive)
    start = s.out[s.owner[start - 1]].tokBegin;  // "Iran's Quds Force commander"
  start = skipQualifiers(tokens, start);  // "a senior Quds Force commander"
  if (start > 0 && (tokens[start - 1].lower == "the" || tokens[start - 1].lower == "a")) --start;
  if (start < 2 || tokens[start - 1].lower != ",") return false;
  const Token& name = tokens[start - 2];
  if (s.owner[start - 2] >= 0) return s.entityOf(s.out[s.owner[start - 2]]).actor.kind == ActorKind::kPerson;
  return name.word && name.capital && name.script == Script::kLatin;
}

// The owner of a title written after it as "of" + a state or organisation
// mention ("the foreign minister of Egypt"): its entity and mention index,
// or {kNoActor, -1}.
std::pair<size_t, int> ownerAfterTitle(const MentionScan& s, size_t tEnd) {
  if (tEnd + 1 >= s.tokens.size() || s.tokens[tEnd].lower != "of" || s.owner[tEnd + 1] < 0) return {kNoActor, -1};
  const int om = s.owner[tEnd + 1];
  const Mention& m = s.out[om];
  const ActorKind kind = s.entityOf(m).actor.kind;
  if (m.tokBegin != tEnd + 1 || m.possessive || kind == ActorKind::kPerson || kind == ActorKind::kMedia)
    return {kNoActor, -1};
  return {m.entity, om};
}

// True when an indefinite article stands before the role written from
// `start` ("a senior Quds Force commander", "an Iranian diplomat"): one of
// many, never the office's holder.
bool indefiniteRole(const std::vector<Token>& tokens, size_t start) {
  start = skipQualifiers(tokens, start);
  return start > 0 && (tokens[start - 1].lower == "a" || tokens[start - 1].lower == "an");
}

// True when a word saying the office is no longer held ("the former Bolivian
// president", "Iraq's ex-prime minister", "the late king") stands among the
// three words before the role written from `start`: its holder of the day is
// someone else.
bool pastHolderRole(const std::vector<Token>& tokens, size_t start) {
  for (size_t k = start; k > 0 && k + 3 > start; --k) {
    const std::string& w = tokens[k - 1].lower;
    if (isPastOfficeWord(w)) return true;
    if (w == "the" || w == "a" || w == ",") break;
  }
  return false;
}

// The holder of the office `title` written at [at, tEnd): of the body its
// owner names ("Iraq's prime minister"), or of the default body after a
// determiner ("the premier"); nullopt when no holder is known.
std::optional<Mention> officeRole(MentionScan& s, size_t at, size_t tEnd, const std::string& title) {
  const auto& tokens = s.tokens;
  auto [own, ownerMention] = titleOwner(s, at);
  int ofMention = -1;  // "the foreign minister of Egypt": the owner written after the title
  if (own == kNoActor) std::tie(own, ofMention) = ownerAfterTitle(s, tEnd);
  const bool determiner = at > 0 && (tokens[at - 1].lower == "the" || tokens[at - 1].lower == "his" ||
                                     tokens[at - 1].lower == "its" || tokens[at - 1].lower == "then");
  const size_t roleStart = ownerMention >= 0 ? s.out[ownerMention].tokBegin : at;
  if (appositionToName(s, roleStart) || indefiniteRole(tokens, roleStart) || pastHolderRole(tokens, roleStart))
    return std::nullopt;
  std::optional<size_t> body;
  // A state has an ambassador in each capital: "its ambassador", "the
  // ambassador" with no owner names no one holder ("Russia recalled its
  // ambassador to Washington" is not the US ambassador of the dictionary).
  const bool oneOfMany = title == "Ambassador";
  if (own != kNoActor && s.resolver->entities()[own].catalog != kNoActor) body = s.resolver->entities()[own].catalog;
  else if (determiner && !oneOfMany)
    body = s.resolver->defaultBodyFor(title);
  if (!body) return std::nullopt;
  auto holder = s.resolver->officeHolder(*body, title);
  if (!holder) return std::nullopt;
  // One of many even with its owner: "the US ambassador" is the dictionary's
  // ambassador to Iraq only in an article that has named Iraq ("China
  // summoned the US ambassador" is the ambassador in Beijing).
  if (oneOfMany) {
    const auto& attrs = s.resolver->catalog().actors()[*holder].actor.attributes;
    const auto post = attrs.find("post");
    if (post == attrs.end()) return std::nullopt;
    bool named = s.resolver->stateCodeSeen(post->second);
    for (const Mention& o : s.out) named = named || s.entityOf(o).actor.country == post->second;
    for (const Token& t : tokens)
      if (auto st = t.word ? s.index.demonym(t) : std::nullopt)
        named = named || s.resolver->catalog().actors()[*st].actor.country == post->second;
    if (!named) return std::nullopt;
  }
  Mention m = makeMention(tokens, at, tEnd, s.resolver->fromCatalog(*holder), MentionSource::kRole);
  if (ownerMention >= 0) {
    s.out[ownerMention].modifier = true;
    m.tokBegin = s.out[ownerMention].tokBegin;
    m.begin = s.out[ownerMention].begin;
  }
  if (ofMention >= 0) {
    s.out[ofMention].modifier = true;
    m.tokEnd = s.out[ofMention].tokEnd;
    m.end = s.out[ofMention].end;
  }
  m.title = title;
  m.titleOf = own;
  s.resolver->noteMention(m.entity);
  return m;
}

// A role absorbs its owner's mention ("Iraq's prime minister" is one actor).
void absorbRoleOwners(MentionScan& s, const std::vector<Mention>& roles) {
  std::vector<Mention> merged;
  for (auto& m : s.out) {
    bool inside = false;
    for (const auto& r : roles) inside = inside || (m.tokBegin >= r.tokBegin && m.tokEnd <= r.tokEnd);
    if (!inside) merged.push_back(m);
  }
  merged.insert(merged.end(), roles.begin(), roles.end());
  s.out = std::move(merged);
  std::sort(s.out.begin(), s.out.end(), startsBefore);
}

// Office roles without a name: "the premier", "Iraq's prime minister".
void findOfficeRoles(MentionScan& s) {
  std::vector<Mention> roles;
  for (size_t q = 0; q < s.tokens.size(); ++q) {
    if (s.owner[q] >= 0 || !s.tokens[q].word) continue;
    auto tl = s.index.title(s.tokens, q);
    if (!tl) continue;
    const size_t tEnd = q + tl->second;
    if (!roleStandsAlone(s, q, tEnd)) continue;
    if (auto m = officeRole(s, q, tEnd, tl->first)) roles.push_back(*m);
    q = tEnd - 1;
  }
  if (!roles.empty()) absorbRoleOwners(s, roles);
}

}  // namespace

// ---- 5. A leader's government

// "the Trump administration", "the Maduro government", "the Assad regime":
// a person the dictionary records leading exactly one state (in any
// tenure: "the Obama administration" is still the United States), written
// right before one of these words, is that state; the mention takes the
// word in.
void leadersGovernments(MentionScan& s) {
  static const std::array<std::string_view, 3> kWords = {"administration", "government", "regime"};
  if (!s.resolver) return;
  const auto& catalog = s.resolver->catalog().actors();
  for (Mention& m : s.out) {
    if (m.modifier || m.possessive || m.tokEnd >= s.tokens.size()) continue;
    const Token& next = s.tokens[m.tokEnd];
    if (std::find(kWords.begin(), kWords.end(), next.lower) == kWords.end()) continue;
    const Entity& person = s.entityOf(m);
    if (person.actor.kind != ActorKind::kPerson || person.catalog == kNoActor) continue;
    size_t state = kNoActor;
    bool several = false;
    for (const CatalogRelation& r : catalog[person.catalog].relations) {
      if (r.type != EdgeType::kLeaderOf || r.target == kNoActor || catalog[r.target].actor.kind != ActorKind::kState)
        continue;
      several = several || (state != kNoActor && state != r.target);
      state = r.target;
    }
    if (state == kNoActor || several) continue;
    m.entity = s.resolver->fromCatalog(state);
    s.owner[m.tokEnd] = static_cast<int>(&m - s.out.data());
    m.tokEnd += 1;
    m.end = next.end;
    m.title.clear();
    m.titleOf = kNoActor;
    m.titleBegin = m.tokBegin;
    s.resolver->noteMention(m.entity);
  }
}

bool isPastOfficeWord(std::string_view lower) {
  static const std::array<std::string_view, 6> kPast = {"former", "ex", "late", "outgoing", "ousted", "deposed"};
  return std::find(kPast.begin(), kPast.end(), lower) != kPast.end();
}

const std::string* peopleListNoun(const std::vector<Token>& tokens, size_t b) {
  if (b < 2 || b >= tokens.size() || (tokens[b - 1].lower != "," && tokens[b - 1].lower != "and")) return nullptr;
  constexpr size_t kListReach = 16;  // tokens back to the list's noun
  for (size_t q = b - 1; q > 0 && q + kListReach >= b; --q) {
    const Token& t = tokens[q];
    if (t.lower == "," && givenNames().peopleNouns.contains(tokens[q - 1].lower)) return &tokens[q - 1].lower;
    const bool inList = t.lower == "," || t.lower == "and" || t.lower == "of" || t.lower == "the" || t.article ||
                        (t.word && t.capital) || t.hyphenBefore;
    if (!inList) return nullptr;
  }
  return nullptr;
}

// "Peru's President dissolved Congress": a one-word name of a state's body
// that other states' bodies bear too (given_names.txt home_bound_names) is
// not the dictionary's body in an article that has named states (so far,
// this sentence included) and never that body's own: by its name, a
// demonym, a body or person of it, or a person the dictionary has in office
// there on the article's date. That mention is dropped. Last step of
// findMentions (s.owner is not kept up to date).
void dropForeignHomeBodies(MentionScan& s) {
  const auto& catalog = s.resolver->catalog().actors();
  const Date on = s.resolver->articleDate();
  const WordSet& bare = givenNames().homeBoundNames;
  auto homeBound = [&](const Mention& m) {
    const Entity& e = s.entityOf(m);
    return e.actor.kind != ActorKind::kState && e.actor.kind != ActorKind::kPerson && !e.actor.country.empty() &&
           m.tokEnd == m.tokBegin + 1 && bare.contains(s.tokens[m.tokBegin].lower);
  };
  for (const Mention& m : s.out) {
    if (homeBound(m)) continue;
    const Entity& e = s.entityOf(m);
    s.resolver->noteStateCode(e.actor.country);
    if (e.actor.kind != ActorKind::kPerson || e.catalog == kNoActor) continue;
    for (const CatalogRelation& r : catalog[e.catalog].relations) {
      if (heldOn(r, on) && r.target != kNoActor && catalog[r.target].actor.kind == ActorKind::kState)
        s.resolver->noteStateCode(catalog[r.target].actor.country);
    }
  }
  for (const Token& t : s.tokens)
    if (t.word)
      if (auto st = s.index.demonym(t)) s.resolver->noteStateCode(catalog[*st].actor.country);
  if (!s.resolver->anyStateCodeSeen()) return;
  std::erase_if(s.out, [&](const Mention& m) {
    return homeBound(m) && !s.resolver->stateCodeSeen(s.entityOf(m).actor.country);
  });
}

std::vector<Mention> findMentions(const std::vector<Token>& tokens, const MentionIndex& index, Resolver* resolver) {
  if (tokens.empty()) return {};
  MentionScan s{tokens, index, resolver, {}, std::vector<int>(tokens.size(), -1)};
  findAliases(s);
  findJapaneseSurnames(s);
  const bool headline = isHeadline(s);
  findCapitalisedRuns(s, headline);
  if (!headline) findCompanyAcronyms(s);
  sortMentions(s);
  attachTitles(s);
  findOfficeRoles(s);
  leadersGovernments(s);
  dropForeignHomeBodies(s);
  return std::move(s.out);
}

}  // namespace kg::extract
