#include "extract/syntax/chunker.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <string_view>
#include <unordered_set>

namespace kg::extract::syntax {

// Literals compared with words are string_views: a std::string == const char*
// would call strlen and compare() for each test.
using namespace std::string_view_literals;

const char* voiceName(Voice v) { return v == Voice::kPassive ? "passive" : "active"; }

const char* modalityName(Modality m) {
  static constexpr std::array<const char*, 5> kNames = {"none", "future", "modal", "conditional", "attempt"};
  return kNames[static_cast<size_t>(m)];
}

const char* tenseName(Tense t) {
  static constexpr std::array<const char*, 3> kNames = {"present", "past", "future"};
  return kNames[static_cast<size_t>(t)];
}

namespace {

bool isAlnumByte(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }


using Words = std::vector<Word>;

// Prepositions of more than one word; their words never start a noun phrase.
constexpr std::array<std::array<std::string_view, 3>, 14> kMultiPreps = {{
    {"according", "to", ""}, {"because", "of", ""}, {"due", "to", ""}, {"ahead", "of", ""},
    {"instead", "of", ""}, {"out", "of", ""}, {"prior", "to", ""}, {"away", "from", ""},
    {"in", "response", "to"}, {"on", "behalf", "of"}, {"in", "front", "of"}, {"in", "addition", "to"},
    {"in", "support", "of"}, {"as", "part", "of"},
}};

// Titles that take "of" without splitting the phrase: "Secretary of State Mike Pompeo".
bool isOfTitle(std::string_view w) {
  static const std::unordered_set<std::string_view> kTitles = {
      "secretary", "minister", "chief", "head", "commander", "director", "chairman", "president",
      "governor", "prince", "king", "queen", "emir", "speaker", "leader", "chair", "ministers"};
  return kTitles.count(w) > 0;
}

// "Secretary of State", "Minister of Defence", "Chief of Staff".
bool isOfTitleField(std::string_view w) {
  static const std::unordered_set<std::string_view> kFields = {
      "state", "defense", "defence", "staff", "interior", "finance", "justice", "foreign", "health",
      "energy", "oil", "trade", "education", "information", "economy", "agriculture", "transport", "homeland"};
  return kFields.count(w) > 0;
}

bool isWeekday(std::string_view w) {
  if (w.size() < 6 || w.size() > 9 || !w.ends_with("day")) return false;  // most words, without hashing
  static const std::unordered_set<std::string_view> kDays = {
      "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};
  return kDays.count(w) > 0;
}

// verb + particle pairs that make one verb ("called on", "pulled out").
bool isPhrasal(std::string_view lemma, std::string_view particle) {
  static const std::unordered_set<std::string_view> kPhrasal = {
      "call on", "call off", "call up", "pull out", "pull back", "set up", "carry out", "step down",
      "crack down", "take over", "back down", "shut down", "blow up", "break off", "cut off",
      "give up", "hand over", "turn over", "rule out", "wipe out", "fight back", "strike back",
      "step up", "walk out", "break out", "break down", "turn down", "hold off", "lay off",
      "back away", "move out", "send back", "bring down", "shoot down", "stand down", "sign up",
      "round up", "lock down", "move in", "close down", "take off", "drop out", "speak out",
      "stay out", "break up", "build up", "bring in", "pour in", "roll back", "stand by", "take up",
      "cordon off", "seal off", "fend off", "ward off", "set off", "kick off", "pay off", "send in"};
  std::string key;
  key.reserve(lemma.size() + particle.size() + 1);
  key.append(lemma).append(" ").append(particle);
  return kPhrasal.count(key) > 0;
}

// Verbs that take two objects ("granted Morales asylum", "gave Kyiv new
// weapons"): after them a name is one object and the common noun phrase
// after it the other.
bool isDoubleObjectVerb(std::string_view lemma) {
  static const std::unordered_set<std::string_view> kVerbs = {"grant", "give", "offer", "award", "deny", "send",
                                                              "hand", "lend", "loan", "pay", "promise", "sell",
                                                              "supply", "refuse"};
  return kVerbs.count(lemma) > 0;
}

// Verbs of naming, whose object is followed by what they name it ("called
// the Dutch government fascists", "branded the group terrorists"): the
// second phrase is no part of the object.
bool isNamingVerb(std::string_view lemma) {
  return lemma == "call"sv || lemma == "brand"sv || lemma == "label"sv || lemma == "dub"sv || lemma == "term"sv;
}

// Adjectives written after the noun of a title ("attorney general",
// "president elect"): they end no phrase.
bool isPostTitleAdjective(std::string_view lower) {
  return lower == "general"sv || lower == "elect"sv || lower == "designate"sv || lower == "emeritus"sv;
}

// Prepositions that also open clauses: "after crowds trashed its embassy".
bool isClauseOpener(std::string_view w) {
  return w == "after"sv || w == "before"sv || w == "since"sv || w == "until"sv || w == "till"sv || w == "as"sv || w == "once"sv;
}

bool isBeForm(const Word& w) { return w.pos == Pos::kAux && w.lemma == "be"sv; }

bool isParticipleLike(const Word& w) {
  return w.pos == Pos::kVerb && (w.form == VerbForm::kPast || w.form == VerbForm::kPastParticiple);
}

// ---------------------------------------------------------------- verb groups

void setModality(VerbGroup& vg, const Word& modal) {
  std::string_view m = modal.lemma;
  vg.modal = modal.lemma;
  if (m == "will"sv || m == "shall"sv) {
    vg.modality = Modality::kFuture;
    vg.tense = Tense::kFuture;
  } else {
    vg.modality = Modality::kModal;
    if (m == "cannot"sv) vg.negated = true;
  }
}

// Fills voice, tense, negation and modality from the words of `vg`.
void describeVerbGroup(const Words& w, VerbGroup& vg) {
  bool finiteSeen = false;
  for (uint32_t i = vg.span.first; i < vg.span.last; ++i) {
    const Word& x = w[i];
    if (x.pos == Pos::kNegation) vg.negated = true;
    if (x.pos == Pos::kModal) setModality(vg, x);
    if (x.pos == Pos::kTo) vg.nonFinite = true;
    bool verbal = x.pos == Pos::kModal || x.pos == Pos::kAux || x.pos == Pos::kVerb;
    if (verbal && !finiteSeen) {
      finiteSeen = true;
      if (vg.tense != Tense::kFuture && x.form == VerbForm::kPast) vg.tense = Tense::kPast;
      if (x.pos == Pos::kVerb && x.form == VerbForm::kGerund) vg.nonFinite = true;
    }
  }
  const Word& main = w[vg.main];
  vg.lemma = main.lemma;
  // Passive: a form of "be" right before the participle (adverbs and "not" may sit between).
  for (uint32_t i = vg.main; i > vg.span.first;) {
    --i;
    if (w[i].pos == Pos::kAdverb || w[i].pos == Pos::kNegation) continue;
    if (isBeForm(w[i]) && isParticipleLike(main)) vg.voice = Voice::kPassive;
    break;
  }
}

// Extends a verb group from `i` (a modal, auxiliary, verb or "to"); returns the end.
uint32_t verbGroupEnd(const Words& w, uint32_t i, uint32_t& main) {
  uint32_t n = static_cast<uint32_t>(w.size());
  uint32_t j = i;
  bool haveAux = false;
  if (w[j].pos == Pos::kTo) ++j;
  main = UINT32_MAX;
  while (j < n) {
    Pos p = w[j].pos;
    if (p == Pos::kModal || p == Pos::kAux) {
      haveAux = true;
      main = j++;
      continue;
    }
    if ((p == Pos::kAdverb || p == Pos::kNegation) && (haveAux || w[i].pos == Pos::kTo)) {
      uint32_t k = j;
      while (k < n && (w[k].pos == Pos::kAdverb || w[k].pos == Pos::kNegation)) ++k;
      if (k < n && (w[k].pos == Pos::kVerb || w[k].pos == Pos::kAux)) { j = k; continue; }
      if (p == Pos::kNegation) { j = k; continue; }  // "did not." keeps its negation
      break;
    }
    if (p == Pos::kVerb) {
      main = j++;
      break;
    }
    break;
  }
  return j;
}

void addParticle(const Words& w, VerbGroup& vg, uint32_t& end) {
  if (end >= w.size()) return;
  const std::string& next = w[end].lower;
  bool particle = next == "up"sv || next == "out"sv || next == "off"sv || next == "down"sv || next == "on"sv || next == "in"sv ||
                  next == "back"sv || next == "away"sv || next == "over"sv || next == "by"sv;
  if (particle && isPhrasal(w[vg.main].lemma, next)) {
    vg.particle = w[end].lower;
    ++end;
    vg.span.last = end;
  }
}

// ---------------------------------------------------------------- assembly

enum class Owner : uint8_t { kFree, kVerb, kPrepPart };

// The most words between a verb and a gerund that still describes its object
// ("a resolution on Wednesday censuring"): an object and one short phrase.
constexpr uint32_t kGerundGapWords = 8;

class Chunker {
 public:
  explicit Chunker(const Words& w) : w_(w), owner_(w.size(), Owner::kFree), npOf_(w.size(), kNoIndex) {}

  Chunks run() {
    markMultiPreps();
    findVerbGroups();
    findBaseNps();
    buildItems();
    composeModifierCoordination();
    composePossessives();
    composeCoordination(true);
    composeOf();
    composeCoordination(false);
    markAppositions();
    findPrepPhrases();
    linkComplements();
    return std::move(out_);
  }

 private:
  // A top-level NP or a single word, in sentence order.
  struct Item {
    bool np;
    uint32_t index;  // NP index or word index
    uint32_t first, last;
  };

  void markMultiPreps() {
    for (uint32_t i = 0; i < w_.size(); ++i) {
      char first = w_[i].lower.empty() ? '\0' : w_[i].lower[0];
      if (first != 'a' && first != 'b' && first != 'd' && first != 'i' && first != 'o' && first != 'p') continue;
      for (const auto& mp : kMultiPreps) {
        if (mp[0][0] != first) continue;  // one byte rules most out before comparing words
        uint32_t len = mp[2].empty() ? 2 : 3;
        if (i + len > w_.size()) continue;
        bool match = true;
        for (uint32_t k = 0; k < len && match; ++k) match = w_[i + k].lower == mp[k];
        if (!match) continue;
        multiPrepLen_.emplace_back(i, len);
        for (uint32_t k = 0; k < len; ++k) owner_[i + k] = Owner::kPrepPart;
        i += len - 1;
        break;
      }
    }
  }

  // A particle taken by a verb ("pulled out of") no longer opens "out of".
  void dropMultiPrepAt(uint32_t i) {
    for (size_t k = 0; k < multiPrepLen_.size(); ++k) {
      if (multiPrepLen_[k].first != i) continue;
      for (uint32_t m = 1; m < multiPrepLen_[k].second; ++m) owner_[i + m] = Owner::kFree;
      multiPrepLen_.erase(multiPrepLen_.begin() + static_cast<long>(k));
      return;
    }
  }

  void findVerbGroups() {
    uint32_t n = static_cast<uint32_t>(w_.size());
    for (uint32_t i = 0; i < n;) {
      Pos p = w_[i].pos;
      bool starts = p == Pos::kModal || p == Pos::kAux || p == Pos::kVerb ||
                    (p == Pos::kTo && i + 1 < n && (w_[i + 1].pos == Pos::kVerb || w_[i + 1].pos == Pos::kAux ||
                                                    w_[i + 1].pos == Pos::kAdverb));
      if (!starts || owner_[i] == Owner::kPrepPart) { ++i; continue; }
      uint32_t main = 0;
      uint32_t end = verbGroupEnd(w_, i, main);
      if (main == UINT32_MAX) { ++i; continue; }
      VerbGroup vg;
      vg.span = {i, end};
      vg.main = main;
      addParticle(w_, vg, end);
      if (!vg.particle.empty()) dropMultiPrepAt(end - 1);
      describeVerbGroup(w_, vg);
      for (uint32_t k = i; k < end; ++k) owner_[k] = Owner::kVerb;
      out_.vgs.push_back(std::move(vg));
      i = end;
    }
  }

  bool npWord(uint32_t i, bool started) const {
    if (owner_[i] != Owner::kFree) return false;
    Pos p = w_[i].pos;
    if (p == Pos::kNoun || p == Pos::kProperNoun || p == Pos::kAdjective || p == Pos::kNumber) return true;
    if (p == Pos::kDeterminer) {
      // "3,000 more troops", "20 other countries"
      bool quantity =
          started && w_[i - 1].pos == Pos::kNumber &&
          (w_[i].lower == "more"sv || w_[i].lower == "fewer"sv || w_[i].lower == "less"sv || w_[i].lower == "other"sv);
      return !started || w_[i - 1].pos == Pos::kDeterminer || quantity;
    }
    return false;
  }

  // "Secretary of State Mike Pompeo": title + of + a capitalised run of two or more words.
  uint32_t titleOfEnd(uint32_t i) const {
    if (i + 3 >= w_.size() || !w_[i].capitalised || !isOfTitle(w_[i].lower) || w_[i + 1].lower != "of"sv) return 0;
    uint32_t k = i + 2;
    while (k < w_.size() && w_[k].capitalised && (w_[k].pos == Pos::kProperNoun || w_[k].pos == Pos::kNoun)) ++k;
    uint32_t run = k - (i + 2);
    return run >= 3 || (run >= 2 && isOfTitleField(w_[i + 2].lower)) ? k : 0;
  }

  // "hours later", "days earlier", "weeks ago": a unit of time that, with
  // the word after it, dates the clause; it is no part of the phrase before.
  bool relativeTimeUnit(uint32_t j) const {
    static const std::unordered_set<std::string_view> kUnits = {"minutes", "hours", "days",  "weeks",
                                                                "months",  "years", "moments"};
    static const std::unordered_set<std::string_view> kRelations = {"later", "earlier", "ago", "after", "before"};
    // After a name or noun only: "five years after" and "two days ago" stay one phrase.
    return j > 0 && (w_[j - 1].pos == Pos::kProperNoun || w_[j - 1].pos == Pos::kNoun) && j + 1 < w_.size() &&
           kUnits.count(w_[j].lower) && kRelations.count(w_[j + 1].lower);
  }

  // "more than a dozen people", "fewer than 30 people", "up to 200
  // percent": two words that bound a number open its phrase. The index of
  // the number (after "a" or "an"), or 0 when the words at `i` are not so.
  uint32_t boundedNumberAt(uint32_t i) const {
    const uint32_t n = static_cast<uint32_t>(w_.size());
    if (i + 2 >= n || owner_[i] != Owner::kFree || owner_[i + 1] != Owner::kFree) return 0;
    const std::string& a = w_[i].lower;
    const std::string& b = w_[i + 1].lower;
    // "expelled over 100 Russian diplomats": "over" right after a verb,
    // before a number and a word of a phrase, bounds the number.
    if (a == "over"sv && i > 0 && owner_[i - 1] == Owner::kVerb && w_[i + 1].pos == Pos::kNumber &&
        (w_[i + 2].pos == Pos::kNoun || w_[i + 2].pos == Pos::kAdjective || w_[i + 2].pos == Pos::kProperNoun))
      return i + 1;
    const bool bound =
        ((a == "more"sv || a == "less"sv || a == "fewer"sv) && b == "than"sv) || (a == "up"sv && b == "to"sv);
    if (!bound) return 0;
    uint32_t k = i + 2;
    if (k + 1 < n && (w_[k].lower == "a"sv || w_[k].lower == "an"sv)) ++k;
    return w_[k].pos == Pos::kNumber && owner_[k] == Owner::kFree ? k : 0;
  }

  uint32_t baseNpEnd(uint32_t i) const {
    uint32_t n = static_cast<uint32_t>(w_.size());
    if (w_[i].pos == Pos::kPronoun) return i + 1;
    if (const uint32_t k = boundedNumberAt(i)) {
      const uint32_t end = baseNpEnd(k);
      return end > k ? end : i;
    }
    uint32_t j = i;
    while (j < i + 2 && w_[j].pos == Pos::kAdverb) ++j;  // "almost five years", "at least five"
    const bool firstOfTwoObjects = i > 0 && owner_[i - 1] == Owner::kVerb && isDoubleObjectVerb(w_[i - 1].lemma);
    const bool namedObject = i > 0 && owner_[i - 1] == Owner::kVerb && isNamingVerb(w_[i - 1].lemma);
    while (j < n) {
      // "called the Dutch government Nazi remnants", "called the Dutch
      // government fascists": after a verb of naming, an adjective after a
      // common noun, or a plural noun after a singular one, opens what the
      // object is called.
      if (namedObject && j > i && w_[j - 1].pos == Pos::kNoun && !isPostTitleAdjective(w_[j].lower)) {
        auto plural = [&](uint32_t k) { return isPluralNoun(w_[k]); };
        const bool adjective = w_[j].pos == Pos::kAdjective && j + 1 < n && w_[j + 1].pos == Pos::kNoun;
        // "called the remarks crazy": a singular word ending the phrase
        // after a plural noun is what they are called (the tagger may read
        // the adjective as a noun).
        const bool phraseEnds = j + 1 >= n || (w_[j + 1].pos != Pos::kNoun && w_[j + 1].pos != Pos::kProperNoun &&
                                               w_[j + 1].pos != Pos::kAdjective && w_[j + 1].pos != Pos::kDeterminer &&
                                               w_[j + 1].pos != Pos::kNumber);
        const bool lastAfterPlural = w_[j].pos == Pos::kNoun && plural(j - 1) && !plural(j) && phraseEnds;
        // "called US leaders liars": a plural after a plural too.
        if (adjective || plural(j) || lastAfterPlural) break;
      }
      // "granted Evo Morales political asylum": the name is the first object.
      if (firstOfTwoObjects && j > i && w_[j - 1].pos == Pos::kProperNoun && !w_[j].capitalised &&
          (w_[j].pos == Pos::kAdjective || w_[j].pos == Pos::kNoun))
        break;
      if (j > i && w_[j].pos == Pos::kNumber && w_[j - 1].pos == Pos::kNoun) break;  // "a call two days ago"
      // "lent Pakistan 3 billion dollars": the amount is the second object.
      if (firstOfTwoObjects && j > i && w_[j].pos == Pos::kNumber && w_[j - 1].pos == Pos::kProperNoun) break;
      // "gave Ukraine $500 million": an amount opens a phrase of its own.
      if (j > i && w_[j].pos == Pos::kNumber && !w_[j].lower.empty() && !isAlnumByte(w_[j].lower[0]) &&
          w_[j - 1].pos != Pos::kNumber)
        break;
      if (j > i && relativeTimeUnit(j)) break;  // "arrested Zuniga hours later"
      // "measures Washington took last week", "the sanctions Europe imposed":
      // a name after a plural common noun, with a finite verb right after
      // the name, is the subject of a relative clause, never part of the
      // plural's phrase.
      if (j > i && w_[j].pos == Pos::kProperNoun && w_[j - 1].pos == Pos::kNoun && isPluralNoun(w_[j - 1])) {
        uint32_t k = j;
        while (k < n && w_[k].pos == Pos::kProperNoun) ++k;
        if (k < n && w_[k].pos == Pos::kVerb &&
            (w_[k].form == VerbForm::kPast || w_[k].form == VerbForm::kThirdSingular))
          break;
      }
      bool postnominalAdj = j > i && w_[j].pos == Pos::kAdjective &&
                            (w_[j - 1].pos == Pos::kNoun || w_[j - 1].pos == Pos::kProperNoun) &&
                            !(j + 1 < n && (w_[j + 1].pos == Pos::kNoun || w_[j + 1].pos == Pos::kProperNoun ||
                                            w_[j + 1].pos == Pos::kAdjective));
      if (postnominalAdj) break;  // "rebels loyal to Haftar"
      if (npWord(j, j > i)) {
        if (uint32_t t = titleOfEnd(j)) { j = t; continue; }
        bool day = w_[j].capitalised && isWeekday(w_[j].lower);
        bool timeWord = j > i && (w_[j].lower == "next"sv || w_[j].lower == "last"sv || w_[j].lower == "past"sv ||
                                    w_[j].lower == "late"sv || w_[j].lower == "early"sv);
        if (timeWord) break;  // "in Sochi next week"
        ++j;
        bool partOfDay = j < n && (w_[j].lower == "night"sv || w_[j].lower == "morning"sv ||
                                   w_[j].lower == "afternoon"sv || w_[j].lower == "evening"sv);
        if (day && !partOfDay) break;  // "on Sunday night", but "on Monday Iran said"
        continue;
      }
      // "Polish and Czech officials", "a very large force"
      bool adjCoord = w_[j].pos == Pos::kCoordinator && j > i && w_[j - 1].pos == Pos::kAdjective &&
                      j + 1 < n && w_[j + 1].pos == Pos::kAdjective;
      // ... and "Yemen's internationally recognised government": right after
      // a possessive the adverb may open the owned phrase.
      bool adverbAdj = w_[j].pos == Pos::kAdverb && j + 1 < n && w_[j + 1].pos == Pos::kAdjective &&
                       owner_[j] == Owner::kFree && (j > i || (i > 0 && w_[i - 1].pos == Pos::kPossessive));
      if (adjCoord || adverbAdj || adjectiveListComma(j, i)) {
        ++j;
        continue;
      }
      break;
    }
    if (j < n && w_[j].pos == Pos::kPossessive && j > i) ++j;
    return j;
  }

  // "the British, French and German foreign ministers": a comma after an
  // adjective of the phrase begun at `start` joins it to a list of
  // adjectives that a coordinator closes before the phrase's noun (ADJ ,
  // ADJ ... and ADJ NOUN), so all of them qualify that noun. A comma after
  // an adjective with no such list ahead ("was peaceful, British officials
  // said") ends the phrase.
  bool adjectiveListComma(uint32_t j, uint32_t start) const {
    const uint32_t n = static_cast<uint32_t>(w_.size());
    if (!(j > start && w_[j].lower == ","sv && w_[j - 1].pos == Pos::kAdjective)) return false;
    bool coordinated = false;
    for (uint32_t k = j + 1; k < n; ++k) {
      const Pos p = w_[k].pos;
      if (p == Pos::kAdjective) continue;
      if (w_[k].lower == ","sv && !coordinated && k + 1 < n && w_[k + 1].pos == Pos::kAdjective) continue;
      if (p == Pos::kCoordinator && !coordinated && w_[k - 1].pos == Pos::kAdjective && k + 1 < n &&
          w_[k + 1].pos == Pos::kAdjective) {
        coordinated = true;
        continue;
      }
      return coordinated && w_[k - 1].pos == Pos::kAdjective && (p == Pos::kNoun || p == Pos::kProperNoun);
    }
    return false;
  }

  uint32_t headOf(WordSpan s) const {
    for (uint32_t k = s.last; k > s.first;) {
      --k;
      Pos p = w_[k].pos;
      if (p == Pos::kNoun || p == Pos::kProperNoun || p == Pos::kPronoun) return k;
    }
    uint32_t last = s.last - 1;
    return w_[last].pos == Pos::kPossessive && last > s.first ? last - 1 : last;
  }

  void findBaseNps() {
    uint32_t n = static_cast<uint32_t>(w_.size());
    for (uint32_t i = 0; i < n;) {
      Pos p = w_[i].pos;
      uint32_t numberAt = i + 1 < n && w_[i + 1].pos == Pos::kAdverb ? i + 2 : i + 1;
      bool adverbNumber = p == Pos::kAdverb && numberAt < n && w_[numberAt].pos == Pos::kNumber && owner_[i] == Owner::kFree;
      const bool ownedAdverbAdj = p == Pos::kAdverb && i > 0 && w_[i - 1].pos == Pos::kPossessive && i + 1 < n &&
                                  w_[i + 1].pos == Pos::kAdjective && owner_[i] == Owner::kFree;
      bool starts = (npWord(i, false) || (p == Pos::kPronoun && owner_[i] == Owner::kFree) || adverbNumber ||
                     ownedAdverbAdj || boundedNumberAt(i) != 0);
      if (!starts) { ++i; continue; }
      uint32_t end = baseNpEnd(i);
      bool lonePostnominal = end == i + 1 && p == Pos::kAdjective && i > 0 &&
                             (w_[i - 1].pos == Pos::kNoun || w_[i - 1].pos == Pos::kProperNoun);
      if (end == i || (end <= numberAt && adverbNumber) || lonePostnominal) { ++i; continue; }
      NounPhrase np;
      np.span = {i, end};
      np.head = headOf(np.span);
      addNp(std::move(np));
      i = end;
    }
  }

  uint32_t addNp(NounPhrase np) {
    uint32_t idx = static_cast<uint32_t>(out_.nps.size());
    for (uint32_t k = np.span.first; k < np.span.last; ++k) {
      if (np.base) npOf_[k] = static_cast<int32_t>(idx);
    }
    out_.nps.push_back(std::move(np));
    return idx;
  }

  void buildItems() {
    for (uint32_t i = 0; i < w_.size();) {
      if (npOf_[i] != kNoIndex) {
        const NounPhrase& np = out_.nps[static_cast<size_t>(npOf_[i])];
        items_.push_back({true, static_cast<uint32_t>(npOf_[i]), np.span.first, np.span.last});
        i = np.span.last;
      } else {
        items_.push_back({false, i, i, i + 1});
        ++i;
      }
    }
  }

  bool itemIs(size_t k, std::string_view lower) const {
    return k < items_.size() && !items_[k].np && w_[items_[k].index].lower == lower;
  }
  bool itemPos(size_t k, Pos p) const { return k < items_.size() && !items_[k].np && w_[items_[k].index].pos == p; }
  bool itemNp(size_t k) const { return k < items_.size() && items_[k].np; }

  // Replaces items [k, k + count) by a new NP built from `np`.
  void replaceItems(size_t k, size_t count, NounPhrase np, const std::vector<uint32_t>& parts) {
    np.base = false;
    uint32_t idx = addNp(std::move(np));
    for (uint32_t part : parts) out_.nps[part].parent = static_cast<int32_t>(idx);
    const NounPhrase& made = out_.nps[idx];
    items_[k] = {true, idx, made.span.first, made.span.last};
    items_.erase(items_.begin() + static_cast<long>(k) + 1, items_.begin() + static_cast<long>(k + count));
  }

  void composePossessives() {
    for (size_t k = 0; k + 1 < items_.size(); ++k) {
      while (itemNp(k) && itemNp(k + 1) && w_[items_[k].last - 1].pos == Pos::kPossessive) {
        const NounPhrase& owner = out_.nps[items_[k].index];
        const NounPhrase& owned = out_.nps[items_[k + 1].index];
        NounPhrase np;
        np.span = {owner.span.first, owned.span.last};
        np.head = owned.head;
        np.possessor = static_cast<int32_t>(items_[k].index);
        replaceItems(k, 2, std::move(np), {items_[k].index, items_[k + 1].index});
      }
    }
  }

  void composeOf() {
    for (size_t k = 0; k + 2 < items_.size(); ++k) {
      while (itemNp(k) && itemIs(k + 1, "of") && itemNp(k + 2)) {
        const NounPhrase& left = out_.nps[items_[k].index];
        const NounPhrase& right = out_.nps[items_[k + 2].index];
        NounPhrase np;
        np.span = {left.span.first, right.span.last};
        np.head = left.head;
        np.ofNp = static_cast<int32_t>(items_[k + 2].index);
        replaceItems(k, 3, std::move(np), {items_[k].index, items_[k + 2].index});
      }
    }
  }

  // "targets in Iraq and Syria linked to the Revolutionary Guards": a
  // participle of owning or tying (linksToOwner) right before "to" or "by"
  // qualifies the phrase before it; it opens no clause.
  bool reducedRelativeAt(size_t k) const {
    if (k + 1 >= items_.size() || items_[k].np || items_[k + 1].np) return false;
    const Word& v = w_[items_[k].index];
    const std::string_view prep = w_[items_[k + 1].index].lower;
    return (v.form == VerbForm::kPast || v.form == VerbForm::kPastParticiple) && linksToOwner(v.lemma) &&
           (prep == "to"sv || prep == "by"sv);
  }

  bool startsVerb(size_t k) const {
    if (k >= items_.size() || items_[k].np) return false;
    Pos p = w_[items_[k].index].pos;
    // An adverb starts a verb only when one follows ("also said"), not at
    // the end of a phrase ("in Syria and Lebanon overnight").
    if (p == Pos::kAdverb) return startsVerb(k + 1);
    return owner_[items_[k].index] == Owner::kVerb || p == Pos::kModal;
  }

  bool isDate(uint32_t np) const {
    static const std::unordered_set<std::string_view> kMonths = {
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
        "november", "december"};
    // "Later in the day, X and Y ...", "Earlier that week, ...": a phrase
    // headed by a word of time opens no list either.
    static const std::unordered_set<std::string_view> kTimeHeads = {
        "day", "morning", "afternoon", "evening", "night", "week", "weekend", "month", "year", "hours"};
    const NounPhrase& p = out_.nps[np];
    for (uint32_t i = p.span.first; i < p.span.last; ++i) {
      if (kMonths.count(w_[i].lower) || isWeekday(w_[i].lower)) return true;
    }
    return kTimeHeads.count(w_[p.head].lower) > 0;
  }

  bool reportingVerbEndsAt(uint32_t word) const {
    for (const VerbGroup& vg : out_.vgs)
      if (vg.span.last == word + 1) return isReportingVerb(vg.lemma);
    return false;
  }

  bool verbBefore(uint32_t word) const {
    return std::any_of(out_.vgs.begin(), out_.vgs.end(), [&](const VerbGroup& vg) { return vg.span.last <= word; });
  }

  // "two Iraqi politicians, A and B": a plural common noun, a comma and bare
  // names after it is the noun renamed by a list of the names (an
  // apposition, markAppositions), not a list that includes the noun.
  bool namesTheListBefore(const std::vector<size_t>& members) const {
    if (members.size() < 3 || !itemIs(members[0] + 1, ",")) return false;
    const NounPhrase& first = out_.nps[items_[members[0]].index];
    const Word& head = w_[first.head];
    if (head.pos != Pos::kNoun || head.lemma == head.lower || !first.members.empty()) return false;
    return std::all_of(members.begin() + 1, members.end(), [&](size_t m) { return bareName(m); });
  }

  // "X, the speaker of parliament and leader of the Y party, called ...": a
  // name, a comma, then common-noun phrases joined by a coordinator, the
  // first of them determined, and a comma that closes them before a verb
  // (`after` is the item after the last member). A list subject takes no
  // comma before its verb; an apposition does. So the phrases after the
  // name are one coordinated apposition (markAppositions), not two more
  // members of a list with the name.
  bool namesRolesAfter(const std::vector<size_t>& members, size_t after) const {
    if (members.size() < 3 || !itemIs(members[0] + 1, ",") || !itemIs(after, ",") || !startsVerb(after + 1))
      return false;
    if (!bareName(members[0]) || !determined(items_[members[1]].index)) return false;
    return std::none_of(members.begin() + 1, members.end(), [&](size_t m) { return properHeaded(items_[m].index); });
  }

  // Members of "A, B and C" starting at item k; empty when there is no list.
  std::vector<size_t> listAt(size_t k) const {
    if (itemIs(k + 1, ",") && isDate(items_[k].index)) return {};  // "On September 15, the embassy's ..."
    // Most phrases start no list: find the coordinator before allocating.
    size_t j = k + 1;
    while (itemIs(j, ",") && itemNp(j + 1)) j += 2;
    const size_t listEnd = j;
    if (itemIs(j, ",")) ++j;
    if (!(itemPos(j, Pos::kCoordinator) && itemNp(j + 1) && w_[items_[j].index].lower != "but"sv)) return {};
    std::vector<size_t> members = {k};
    for (size_t m = k + 2; m < listEnd; m += 2) members.push_back(m);
    members.push_back(j + 1);
    if (namesTheListBefore(members)) return {};
    if (namesRolesAfter(members, j + 2)) return {};
    // "X condemned the raid and Iran said": two clauses, not a list.
    // ("believes A and B can cope" is one list: the verb before takes a clause.)
    bool objectPosition = k > 0 && !items_[k - 1].np && owner_[items_[k - 1].index] == Owner::kVerb &&
                          !reportingVerbEndsAt(items_[k - 1].index);
    if (objectPosition && startsVerb(j + 2)) return {};
    // "summoned the ambassador, X, and the State Department condemned ...":
    // a comma before the coordinator of two phrases, with a verb after the
    // second, joins two clauses (the first phrase ends an apposition or an
    // object), not a list.
    if (members.size() == 2 && itemIs(listEnd, ",") && startsVerb(j + 2)) return {};
    bool afterPrep = k > 0 && !items_[k - 1].np && w_[items_[k - 1].index].pos == Pos::kPreposition &&
                     w_[items_[k - 1].index].lower != "between"sv;
    // "fell after the US and Iran opened talks": a preposition that opens a
    // clause takes the whole list as that clause's subject.
    if (afterPrep && startsVerb(j + 2) && members.size() == 2 && verbBefore(items_[k].first) &&
        !isClauseOpener(w_[items_[k - 1].index].lower) && !reducedRelativeAt(j + 2))
      return {};
    return members;
  }

  // A phrase of proper nouns only; with `the`, "the" allowed before them
  // ("the United States", "the Philippines").
  bool bareName(size_t k, bool the = false) const {
    const NounPhrase& np = out_.nps[items_[k].index];
    uint32_t first = np.span.first;
    if (the && first + 1 < np.span.last && w_[first].lower == "the"sv) ++first;
    for (uint32_t i = first; i < np.span.last; ++i)
      if (w_[i].pos != Pos::kProperNoun) return false;
    return true;
  }

  // namesOnly: the first pass joins lists of bare names, so that "the ambassadors
  // of Arnor, Osgiliath and Gondor" takes the whole list after "of".
  // "Houthi missile and drone attacks", "oil and gas fields": two singular
  // nouns joined before the plural head they both qualify, with no
  // determiner in either phrase, are one phrase with that head, not a list
  // ("Houthi missile" and "drone attacks").
  bool modifierCoordination(size_t k) const {
    if (!(itemNp(k) && itemPos(k + 1, Pos::kCoordinator) && itemNp(k + 2))) return false;
    const std::string_view c = w_[items_[k + 1].index].lower;
    if (c != "and"sv && c != "or"sv) return false;
    const NounPhrase& a = out_.nps[items_[k].index];
    const NounPhrase& b = out_.nps[items_[k + 2].index];
    if (!a.members.empty() || !b.members.empty() || a.possessor != kNoIndex || b.possessor != kNoIndex) return false;
    if (w_[a.span.first].pos == Pos::kDeterminer || w_[b.span.first].pos == Pos::kDeterminer) return false;
    if (b.span.last < b.span.first + 2) return false;
    const Word& ah = w_[a.head];
    const Word& bFirst = w_[b.span.first];
    const Word& bh = w_[b.head];
    auto singularNoun = [](const Word& x) { return x.pos == Pos::kNoun && x.lemma == x.lower; };
    return a.head + 1 == a.span.last && singularNoun(ah) && singularNoun(bFirst) && bh.pos == Pos::kNoun &&
           bh.lemma != bh.lower && b.head + 1 == b.span.last;
  }

  // Before any other composition ("months of Houthi missile and drone
  // attacks" takes the whole phrase after "of").
  void composeModifierCoordination() {
    for (size_t k = 0; k < items_.size(); ++k) {
      if (!modifierCoordination(k)) continue;
      NounPhrase np;
      np.span = {items_[k].first, items_[k + 2].last};
      np.head = out_.nps[items_[k + 2].index].head;
      // (The two parts stay base phrases of no parent: the words are the
      // new phrase's own modifiers, not phrases inside it.)
      replaceItems(k, 3, std::move(np), {});
    }
  }

  void composeCoordination(bool namesOnly) {
    for (size_t k = 0; k < items_.size(); ++k) {
      if (!itemNp(k)) continue;
      // The tail of a longer list waits for the whole list ("Mordor, the
      // Shire, Fornost and Bree" is one list, not "Fornost and Bree").
      if (namesOnly && k >= 2 && itemIs(k - 1, ",") && itemNp(k - 2)) continue;
      std::vector<size_t> at = listAt(k);
      if (at.empty()) continue;
      // "the United States, Germany and France": in a list of three or more
      // a name may keep its "the" ("of the X Brigades and Y" may be a name
      // and a phrase of its own).
      constexpr size_t kListWithThe = 3;
      const bool the = at.size() >= kListWithThe;
      if (namesOnly && !std::all_of(at.begin(), at.end(), [&](size_t m) { return bareName(m, the); })) continue;
      // "Prime Ministers A of India and B of Pakistan": after "of", a name
      // joined to a name that has an "of" phrase of its own is the next
      // person of a parallel list, not a second owner of the first.
      if (namesOnly && k > 0 && itemIs(k - 1, "of") && itemIs(at.back() + 1, "of") && itemNp(at.back() + 2) &&
          properHeaded(items_[at.back() + 2].index))
        continue;
      NounPhrase np;
      np.span = {items_[k].first, items_[at.back()].last};
      std::vector<uint32_t> parts;
      for (size_t m : at) parts.push_back(items_[m].index);
      np.members = parts;
      np.head = out_.nps[parts.back()].head;
      replaceItems(k, at.back() - k + 1, std::move(np), parts);
    }
  }

  bool properHeaded(uint32_t np) const { return w_[out_.nps[np].head].pos == Pos::kProperNoun; }
  bool determined(uint32_t np) const {
    const NounPhrase& p = out_.nps[np];
    return w_[p.span.first].pos == Pos::kDeterminer || p.possessor != kNoIndex ||
           (p.ofNp != kNoIndex && !properHeaded(np));
  }

  // "Gulen, a cleric living in Pennsylvania, whom ...": from item `k`, an
  // -ing participle and then only prepositions, adverbs and phrases up to a
  // comma: the apposition before it closes there.
  bool participleRunCloses(size_t k) const {
    if (!itemPos(k, Pos::kVerb)) return false;
    const std::string_view v = w_[items_[k].index].lower;
    if (!v.ends_with("ing")) return false;  // ("a movement backed by X," is read as the agent's, elsewhere)
    for (size_t j = k + 1; j < items_.size() && j < k + 8; ++j) {
      if (itemIs(j, ",")) return true;
      if (!itemNp(j) && !itemPos(j, Pos::kPreposition) && !itemPos(j, Pos::kAdverb)) return false;
    }
    return false;
  }

  // "Qais al-Khazali, the leader of Asa'ib Ahl al-Haq," -> the second NP renames the first.
  void markAppositions() {
    for (size_t k = 0; k + 3 < items_.size(); ++k) {  // "the European Union (EU)"
      if (itemNp(k) && itemIs(k + 1, "(") && itemNp(k + 2) && itemIs(k + 3, ")")) {
        out_.nps[items_[k + 2].index].appositionOf = static_cast<int32_t>(items_[k].index);
      }
    }
    for (size_t k = 0; k + 2 < items_.size(); ++k) {
      if (!(itemNp(k) && itemIs(k + 1, ",") && itemNp(k + 2))) continue;
      bool closes =
          k + 3 >= items_.size() || itemIs(k + 3, ",") || itemPos(k + 3, Pos::kPunct) || participleRunCloses(k + 3);
      if (!closes) continue;
      bool afterPrep = k > 0 && !items_[k - 1].np && w_[items_[k - 1].index].pos == Pos::kPreposition &&
                     w_[items_[k - 1].index].lower != "between"sv;
      uint32_t a = items_[k].index, b = items_[k + 2].index;
      bool renames = (properHeaded(a) && (determined(b) || !properHeaded(b))) ||
                     (!properHeaded(a) && properHeaded(b));
      // After a preposition, "In a statement, Pompeo, who ..." opens the
      // sentence with a phrase and its subject; a phrase with its owner
      // written ("on Venezuela's state oil company, PDVSA,") is renamed.
      // So is a plural noun renamed by a list of names ("on two Iraqi
      // politicians, A and B,"; namesTheListBefore).
      const bool pluralRenamedByList = out_.nps[b].members.size() >= 2 && w_[out_.nps[a].head].pos == Pos::kNoun &&
                                       w_[out_.nps[a].head].lemma != w_[out_.nps[a].head].lower;
      const bool introductory = afterPrep && k + 3 < items_.size() && itemIs(k + 3, ",") && !properHeaded(a) &&
                                out_.nps[a].possessor == kNoIndex && !pluralRenamedByList;
      if (!renames || introductory) continue;
      out_.nps[b].appositionOf = static_cast<int32_t>(a);
    }
    // "diplomats from seven countries, among them Argentina, Chile and Peru,":
    // the names after "among them" rename the plural before the comma.
    for (size_t k = 0; k + 4 < items_.size(); ++k) {
      if (!(itemNp(k) && itemIs(k + 1, ",") && itemIs(k + 2, "among") && itemNp(k + 3) && itemNp(k + 4))) continue;
      const NounPhrase& them = out_.nps[items_[k + 3].index];
      if (them.span.last != them.span.first + 1 || w_[them.span.first].lower != "them"sv) continue;
      const bool closes = k + 5 >= items_.size() || itemIs(k + 5, ",") || itemPos(k + 5, Pos::kPunct);
      const uint32_t a = items_[k].index, b = items_[k + 4].index;
      if (closes && w_[out_.nps[a].head].pos == Pos::kNoun && properHeaded(b))
        out_.nps[b].appositionOf = static_cast<int32_t>(a);
    }
  }

  void findPrepPhrases() {
    for (size_t k = 0; k < items_.size(); ++k) {
      if (items_[k].np) continue;
      uint32_t wi = items_[k].index;
      Pos p = w_[wi].pos;
      size_t len = 1;
      std::string prep = w_[wi].lower;
      for (const auto& [start, l] : multiPrepLen_) {
        if (start == wi) {
          len = l;
          for (uint32_t m = 1; m < l; ++m) prep += " " + w_[wi + m].lower;
        }
      }
      bool isPrep = len > 1 || ((p == Pos::kPreposition || p == Pos::kTo || p == Pos::kSubordinator) &&
                                owner_[wi] == Owner::kFree);
      if (!isPrep || !itemNp(k + len)) continue;
      if (p == Pos::kSubordinator && len == 1 && w_[wi].lower != "after"sv && w_[wi].lower != "before"sv &&
          w_[wi].lower != "since"sv && w_[wi].lower != "until"sv) continue;
      if (len == 1 && isClauseOpener(w_[wi].lower) && startsVerb(k + 2)) continue;  // "after Iran said"
      PrepPhrase pp;
      pp.prep = std::move(prep);
      pp.np = static_cast<int32_t>(items_[k + len].index);
      pp.span = {wi, items_[k + len].last};
      out_.pps.push_back(std::move(pp));
    }
  }

  // "agreed to cooperate", "urged Iran to stop", "is expected to meet".
  // "passed a resolution (on Wednesday) censuring Iran": a bare gerund after
  // the governor's object, with at most a prepositional phrase between and
  // no comma, verb or conjunction; the coder decides whether the object
  // hands it the subject's act (coding/event_coder.cpp, document nouns).
  bool gerundAfterObject(const VerbGroup& gov, const VerbGroup& ger) const {
    if (ger.span.first != ger.main || w_[ger.main].form != VerbForm::kGerund) return false;
    const uint32_t from = gov.span.last, to = ger.span.first;
    if (to <= from || to - from > kGerundGapWords || npOf_[from] == kNoIndex) return false;
    if (isTimePrepositionWord(w_[to - 1].lower)) return false;  // "praised China after meeting X": an adjunct
    for (uint32_t k = from; k < to; ++k) {
      const Pos p = w_[k].pos;
      if (p == Pos::kPunct || p == Pos::kVerb || p == Pos::kAux || p == Pos::kCoordinator || p == Pos::kSubordinator)
        return false;
    }
    return true;
  }

  // Words [from, to) are only a day or a manner adverb: "on Sunday", "late on
  // Monday", "swiftly", "within hours" (at most four words; none is fine).
  bool onlyWhenOrManner(uint32_t from, uint32_t to) const {
    static const std::unordered_set<std::string_view> kWords = {
        "on", "late", "early", "today", "yesterday", "later", "quickly", "swiftly", "immediately",
        "promptly", "within", "hours", "days", "overnight", "soon", "afterwards", "the", "same", "day"};
    if (to < from || to - from > 4) return false;
    // "voted overwhelmingly to demand", "agreed unanimously on Monday to
    // send", "was likely to use": an adverb in -ly too (not "only").
    for (uint32_t k = from; k < to; ++k)
      if (!kWords.count(w_[k].lower) && !isWeekday(w_[k].lower) &&
          !(w_[k].pos == Pos::kAdverb && w_[k].lower.ends_with("ly") && w_[k].lower != "only"sv))
        return false;
    return true;
  }

  void linkComplements() {
    for (size_t b = 1; b < out_.vgs.size(); ++b) {
      VerbGroup& inf = out_.vgs[b];
      if (w_[inf.span.first].pos != Pos::kTo) {
        VerbGroup& gov = out_.vgs[b - 1];
        // "responded by expelling the ambassador": "by" and a gerund say
        // how the governor was done; the act is the gerund's.
        // Also with a day or a manner word between ("responded on Sunday by
        // ordering ...", "retaliated swiftly by expelling ...").
        const bool byNext = w_[gov.span.last].lower == "by"sv ||
                            (inf.span.first >= 2 && w_[inf.span.first - 1].lower == "by"sv &&
                             onlyWhenOrManner(gov.span.last + 1, inf.span.first - 1));
        const bool byGerund = inf.span.first == inf.main && w_[inf.main].form == VerbForm::kGerund &&
                              gov.voice == Voice::kActive && byNext &&
                              (inf.span.first == gov.span.last + 1 || w_[gov.span.last].lower != "by"sv);
        // "kept targeting ships", "admitted shooting down the airliner": a
        // verb right before a gerund governs it (governsGerund).
        const bool aspectual = inf.span.first == gov.span.last && inf.span.first == inf.main &&
                               w_[inf.main].form == VerbForm::kGerund && governsGerund(gov.lemma);
        if (gov.complement == kNoIndex && (byGerund || aspectual || gerundAfterObject(gov, inf))) {
          gov.complement = static_cast<int32_t>(b);
          inf.governor = static_cast<int32_t>(b - 1);
        }
        continue;
      }
      VerbGroup& gov = out_.vgs[b - 1];
      uint32_t gap = inf.span.first - gov.span.last;
      if (gap == 1 && w_[gov.span.last].lower == "about"sv) {  // "is about to restore": imminent
        gov.complement = static_cast<int32_t>(b);
        inf.governor = static_cast<int32_t>(b - 1);
        inf.modality = Modality::kFuture;
        inf.tense = Tense::kFuture;
        continue;
      }
      bool objectBetween = gap > 0 && npOf_[gov.span.last] != kNoIndex &&
                           out_.nps[static_cast<size_t>(npOf_[gov.span.last])].span.last == inf.span.first;
      // "agreed on Wednesday to send", "decided late on Monday to expel": a
      // day or a manner word between the governor and its infinitive.
      if (gap != 0 && !objectBetween && !onlyWhenOrManner(gov.span.last, inf.span.first)) continue;
      gov.complement = static_cast<int32_t>(b);
      inf.governor = static_cast<int32_t>(b - 1);
      inf.modality = complementModality(gov);
      if (inf.modality == Modality::kFuture) inf.tense = Tense::kFuture;
    }
  }

  static Modality complementModality(const VerbGroup& gov) {
    static const std::unordered_set<std::string_view> kAttempt = {
        "threaten", "vow", "try", "attempt", "seek", "pledge", "promise", "strive", "aim", "intend",
        "want", "offer", "swear", "resolve", "push"};
    static const std::unordered_set<std::string_view> kFuture = {"plan", "expect", "be", "go", "schedule", "set", "prepare"};
    if (kAttempt.count(gov.lemma)) return Modality::kAttempt;
    if (kFuture.count(gov.lemma)) return Modality::kFuture;
    return gov.modality == Modality::kFuture ? Modality::kFuture : Modality::kNone;
  }

  const Words& w_;
  std::vector<Owner> owner_;
  std::vector<int32_t> npOf_;  // base NP of each word
  std::vector<std::pair<uint32_t, uint32_t>> multiPrepLen_;
  std::vector<Item> items_;
  Chunks out_;
};

}  // namespace

bool isTimePrepositionWord(std::string_view lower) {
  return lower == "after" || lower == "before" || lower == "since" || lower == "upon";
}

bool linksToOwner(std::string_view lemma) {
  static const std::unordered_set<std::string_view> kVerbs = {
      "link", "tie", "connect", "affiliate", "align", "use", "back", "own", "operate", "control", "fund", "sponsor"};
  return kVerbs.count(lemma) > 0;
}

bool governsGerund(std::string_view lemma) {
  static const std::unordered_set<std::string_view> kVerbs = {"keep",  "continue",    "resume", "start",
                                                              "begin", "acknowledge", "admit",  "confess"};
  return kVerbs.count(lemma) > 0;
}

bool isReportingVerb(std::string_view lemma) {
  static const std::unordered_set<std::string_view> kSpeech = {
      "say", "tell", "announce", "state", "claim", "add", "warn", "believe", "think", "report", "confirm",
      "deny", "insist", "argue", "note", "stress", "reiterate", "declare", "acknowledge", "admit", "allege",
      "assert", "estimate", "predict", "suggest", "indicate", "reveal", "explain", "fear", "hope", "know",
      "write", "tweet", "reply", "respond", "maintain", "feel", "expect", "understand", "learn", "show",
      "emphasize", "emphasise", "caution", "concede", "conclude", "decide", "demand", "urge", "vow",
      "pledge", "promise", "threaten", "tell", "inform", "assure", "signal", "agree"};
  return kSpeech.count(lemma) > 0;
}

Chunks chunk(const std::vector<Word>& words) { return Chunker(words).run(); }

}  // namespace kg::extract::syntax
