#include "extract/coding/event_coder.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdio>
#include <functional>
#include <cctype>
#include <optional>
#include <string_view>

#include "extract/coding/coder_lexicon.h"
#include "extract/coding/pronouns.h"
#include "extract/lexicon/cameo_plover.h"

namespace kg::extract {

bool isAttackCode(std::string_view cameo) {
  const std::string_view root = cameo.substr(0, 2);
  return cameo.size() >= 2 && (root == "18" || root == "19" || root == "20");
}

namespace {

using syntax::Clause;
using syntax::kNoIndex;
using syntax::NounPhrase;
using syntax::Pos;
using syntax::SentenceParse;
using syntax::VerbGroup;

// Words a pattern may skip between two of its elements that are not joined
// with '_'. TABARI allows any number within the clause; a bound keeps a
// pattern from reaching into a later clause's words.
constexpr size_t kMaxGap = 6;
// Words between a relative clause's antecedent and its verb ("X, which is", "X who").
constexpr size_t kMaxRelativeGap = 3;

// a == b, deciding most unequal words by length and first byte without a
// call to memcmp (pattern words are compared at every position they may take).
inline bool sameWord(const std::string& a, const std::string& b) {
  return a.size() == b.size() && (a.empty() || (a[0] == b[0] && a == b));
}

std::string upper(std::string_view s) {
  std::string u(s);
  for (auto& c : u)  // ASCII, as std::toupper in the "C" locale, without a library call per byte
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  return u;
}

// The coder's word sets: data/english_coder_words.txt says why each word is
// there (address_prepositions, attack_nouns, planning_governors ...).
const EnglishCoderWords& words() { return englishCoderWords(); }

// CAMEO 11x: disapprove, criticise, accuse.
constexpr std::string_view kCriticismRoot = "11";
// Plain force (190) by a crowd is a riot (145, violent protest): crowdRiot.
constexpr std::string_view kPlainForceCode = "190";
constexpr std::string_view kRiotCode = "145";
// CAMEO 05: diplomatic cooperation (praise, endorsement); 12: rejection.
constexpr std::string_view kPraiseRoot = "05";
constexpr std::string_view kRejectRoot = "12";
// CAMEO 172: impose administrative sanctions (removal from office).
constexpr std::string_view kRemovalCode = "172";
// CAMEO 111: criticize or denounce.
constexpr std::string_view kDenounceCode = "111";
// CAMEO 02: appeal; 10: demand (what a release is asked by: holdersOfReleased).
constexpr std::string_view kAppealRoot = "02";
constexpr std::string_view kDemandRoot = "10";
// CAMEO 17: coerce (seize, detain, arrest); 181: abduct (who holds someone).
constexpr std::string_view kCoerceRoot = "17";
constexpr std::string_view kAbductCode = "181";

// Which actors a sentence's noun phrases name (the parse and the phrases'
// bound actors), without the word forms MatchText adds: what a reading of
// the clauses' actors alone needs (rememberToldActs).
struct PhraseActors {
  const SentenceParse& p;
  const NpActors& actors;

  PhraseActors(const SentenceParse& parse, const NpActors& npActors) : p(parse), actors(npActors) {}

  // The entities noun phrase `np` names, members of a coordination included;
  // `phrases` (may be null) gets, for each, the member phrase that names it.
  void entitiesOf(int32_t np, std::vector<size_t>* out, std::vector<int32_t>* phrases = nullptr, int depth = 0) const {
    if (np < 0 || static_cast<size_t>(np) >= p.nps.size() || depth > 8) return;
    const NounPhrase& n = p.nps[np];
    if (!n.members.empty()) {
      for (uint32_t m : n.members) entitiesOf(static_cast<int32_t>(m), out, phrases, depth + 1);
      return;
    }
    // "the ambassadors of A, B and C": as many actors as owners.
    if (int32_t owners = coordinatedOwner(np); owners != kNoIndex) {
      for (uint32_t m : p.nps[owners].members) {
        std::vector<size_t> member;
        entitiesOf(static_cast<int32_t>(m), &member, nullptr, depth + 1);
        for (size_t e : member) add(e, np, out, phrases);
      }
      return;
    }
    // "two Iraqi politicians, A and B": the list of names that renamed it.
    if (int32_t list = renamingList(np); list != kNoIndex) {
      for (uint32_t m : p.nps[list].members) entitiesOf(static_cast<int32_t>(m), out, phrases, depth + 1);
      return;
    }
    // The first entity is the phrase's actor; the rest are its owners.
    if (static_cast<size_t>(np) < actors.size() && !actors[np].empty()) add(actors[np].front(), np, out, phrases);
  }

  // The coordination of names in apposition to `np` that binding made its
  // actors (np_binding renameByNamedList: one actor per member, in order), or
  // kNoIndex.
  int32_t renamingList(int32_t np) const {
    if (static_cast<size_t>(np) >= actors.size() || actors[np].size() < 2) return kNoIndex;
    for (size_t k = 0; k < p.nps.size(); ++k) {
      const NounPhrase& list = p.nps[k];
      if (list.appositionOf != np || list.members.size() != actors[np].size()) continue;
      bool same = true;
      for (size_t i = 0; i < list.members.size() && same; ++i) {
        const uint32_t m = list.members[i];
        same = m < actors.size() && !actors[m].empty() && actors[m].front() == actors[np][i];
      }
      if (same) return static_cast<int32_t>(k);
    }
    return kNoIndex;
  }

  // Appends entity `e` named by phrase `np` unless already there (with
  // `phrases`: the same entity by another phrase counts again, as in
  // "lawmakers and officials in X").
  static void add(size_t e, int32_t np, std::vector<size_t>* out, std::vector<int32_t>* phrases) {
    for (size_t i = 0; i < out->size(); ++i)
      if ((*out)[i] == e && (!phrases || (*phrases)[i] == np)) return;
    out->push_back(e);
    if (phrases) phrases->push_back(np);
  }
  // The coordination whose members own role phrase `np` and lent it all
  // their actors ("the ambassadors of A, B and C", "lawmakers in A and B"),
  // or kNoIndex.
  int32_t coordinatedOwner(int32_t np) const {
    const NounPhrase& n = p.nps[np];
    if (static_cast<size_t>(np) >= actors.size() || actors[np].size() < 2) return kNoIndex;
    std::vector<int32_t> owners = {n.possessor, n.ofNp};
    // The place after it, or after the coordination it is a member of.
    const bool member = n.parent != kNoIndex && !p.nps[n.parent].members.empty();
    const uint32_t end = member ? p.nps[n.parent].span.last : n.span.last;
    for (const auto& pp : p.pps)
      if (pp.span.first == end) owners.push_back(pp.np);
    for (int32_t o : owners) {
      if (o == kNoIndex || p.nps[o].members.size() != actors[np].size()) continue;
      bool same = true;
      for (size_t i = 0; i < p.nps[o].members.size() && same; ++i) {
        const uint32_t m = p.nps[o].members[i];
        same = m < actors.size() && !actors[m].empty() && actors[m].front() == actors[np][i];
      }
      if (same) return o;
    }
    return kNoIndex;
  }

  bool namesActor(int32_t np) const {
    std::vector<size_t> e;
    entitiesOf(np, &e);
    return !e.empty();
  }
};

// One sentence's view for matching: upper-case surface and lemma of each
// word, and for each word the innermost-first noun phrases that start there.
struct MatchText : PhraseActors {
  std::vector<std::string> surface, lemma;
  std::vector<int32_t> ppOf;  // per noun phrase: the prepositional phrase holding it, or kNoIndex

  std::function<bool(size_t)> isPerson;  // may be empty
  const EarlierActs* earlier = nullptr;  // the acts the article read before (may be null)
  uint32_t clause = 0;                   // the clause being coded (code())
  std::vector<ToldAct> ownTold;          // the acts this sentence tells (code(): for its later clauses)

  // A 1024-bit filter over the upper-case surface words: a pattern naming a
  // word the sentence lacks cannot match anywhere in it (mayMatch). A set
  // bit may be another word's; a clear one is certain.
  std::array<uint64_t, 16> vocabulary{};
  static size_t wordBit(std::string_view w) {
    uint64_t h = 1469598103934665603ull;  // FNV-1a
    for (char c : w) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ull;
    return static_cast<size_t>((h ^ (h >> 32)) & 1023);
  }

  MatchText(const SentenceParse& parse, const NpActors& npActors) : PhraseActors(parse, npActors) {
    ppOf.assign(p.nps.size(), kNoIndex);
    for (size_t k = 0; k < p.pps.size(); ++k) {
      const auto& pp = p.pps[k];
      for (size_t n = 0; n < p.nps.size(); ++n)
        if (p.nps[n].span.first >= pp.span.first && p.nps[n].span.last <= pp.span.last && ppOf[n] == kNoIndex)
          ppOf[n] = static_cast<int32_t>(k);
    }
    surface.reserve(p.words.size());
    lemma.reserve(p.words.size());
    for (const auto& w : p.words) {
      surface.push_back(upper(w.lower));
      // Most words are their own lemma: copy the upper-case form made already.
      lemma.push_back(w.lemma == w.lower ? surface.back() : upper(w.lemma));
    }
    for (const std::string& x : surface) vocabulary[wordBit(x) / 64] |= uint64_t{1} << (wordBit(x) % 64);
  }

  bool mayHaveWord(std::string_view w) const {
    const size_t b = wordBit(w);
    return (vocabulary[b / 64] >> (b % 64)) & 1;
  }

  // False when a word element of `tokens` is no word of the sentence: each
  // element must match for the pattern to, and a word element only matches
  // its own surface form.
  bool mayMatch(const std::vector<PatternToken>& tokens) const {
    for (const PatternToken& tok : tokens)
      if (tok.kind == PatternTokenKind::kWord && !mayHaveWord(tok.word)) return false;
    return true;
  }

  bool wordIs(size_t i, const std::string& w) const { return sameWord(surface[i], w) || sameWord(lemma[i], w); }  // verb forms


  // The widest noun phrase that starts at word `i` and names an actor, or the
  // widest that starts there at all when `needActor` is false.
  int32_t npAt(size_t i, bool needActor) const {
    int32_t best = kNoIndex;
    for (size_t k = 0; k < p.nps.size(); ++k) {
      const NounPhrase& n = p.nps[k];
      if (n.span.first != i) continue;
      if (needActor && !namesActor(static_cast<int32_t>(k))) continue;
      if (best == kNoIndex || n.span.last > p.nps[best].span.last) best = static_cast<int32_t>(k);
    }
    return best;
  }
};

// True when entity `e` is one of `side` or on the side of one of them
// (EarlierActs::sameSide: a person of a state, a state's body).
bool onSideOf(const MatchText& t, const std::vector<size_t>& side, size_t e) {
  return std::any_of(side.begin(), side.end(), [&](size_t s) {
    return s == e || (t.earlier != nullptr && t.earlier->sameSide && t.earlier->sameSide(s, e));
  });
}

// A pattern's slots as bound by a match.
struct Binding {
  int32_t source = kNoIndex;
  int32_t target = kNoIndex;
  size_t matched = 0;  // elements matched (the pattern's weight)
  int32_t lastWord = kNoIndex;  // text position of the last pattern word or synset phrase matched
  bool compoundAfterVerb = false; // '%' took a phrase after the verb
};

enum class ActKind : uint8_t;
ActKind actKindOf(const MatchText& t, int32_t np);
int32_t relativeAgent(const MatchText& t, uint32_t o);

// "at the G20 summit", "on the sidelines of the summit", "during the
// ceremony": phrase `np` after preposition `prep` says on what occasion
// parties met, never whom they addressed (occasion_nouns).
bool namesOccasion(const SentenceParse& p, std::string_view prep, int32_t np) {
  return np != kNoIndex && (prep == "at" || prep == "on" || prep == "during") &&
         words().occasionNouns.contains(p.words[p.nps[np].head].lemma);
}

// "Biden and al-Kadhimi met at the White House": after a verb of meeting
// (venue_verbs), a phrase of "at" says where they met, never whom.
bool namesVenue(const VerbGroup& vg, std::string_view prep) {
  return prep == "at" && words().venueVerbs.contains(vg.lemma);
}

class PatternMatcher {
 public:
  // `allowed[np]`: the phrases a slot may take (the clause's own arguments).
  PatternMatcher(const MatchText& text, const VerbDictionary& dict, const std::vector<bool>& allowed)
      : t_(text), dict_(dict), allowed_(allowed) {}

  // Whether the tokens matched next stand after the verb.
  void setAfterVerb(bool after) { afterVerb_ = after; }

  // Matches `tokens` in order within words [pos, end); with `endJoined` the
  // last token must end right at `end` ("RECENTLY_*": right before the verb).
  bool match(const std::vector<PatternToken>& tokens, size_t ti, size_t pos, size_t end, bool firstJoined,
             Binding* b, bool endJoined = false) const {
    if (ti == tokens.size()) return !endJoined || pos == end;
    const PatternToken& tok = tokens[ti];
    const bool joined = (ti == 0 ? firstJoined : tok.joined) || ofAfterNoun(tokens, ti);
    const size_t maxSkip = joined ? 0 : kMaxGap;
    const size_t until = std::min(end, slotPhraseEnd(tokens, ti, pos));
    for (size_t skip = 0; skip <= maxSkip && pos + skip < until; ++skip) {
      const size_t at = pos + skip;
      for (size_t next : advances(tokens, ti, at, end)) {
        Binding trial = *b;
        bind(tok, at, &trial);
        ++trial.matched;
        if (match(tokens, ti + 1, next, end, false, &trial, endJoined)) {
          *b = trial;
          return true;
        }
      }
    }
    return false;
  }

 private:
  // Where matching may continue after `tok` matched at word `at` (none when it does not match).
  std::vector<size_t> advances(const std::vector<PatternToken>& tokens, size_t ti, size_t at, size_t end) const {
    const PatternToken& tok = tokens[ti];
    std::vector<size_t> out;
    switch (tok.kind) {
      case PatternTokenKind::kWord:
        // "(TO ...)" is a prepositional phrase: "to" before a verb is an
        // infinitive's ("welcomed Sweden's decision to apply" hosts no one).
        if (tok.prepPhrase && tok.word == "TO" && at + 1 < t_.p.words.size() &&
            t_.p.words[at + 1].pos == syntax::Pos::kVerb)
          break;
        // "(AGAINST +)" takes the preposition's own object: "warned Finland
        // against joining NATO" aims no warning at NATO, the gerund's object.
        if (tok.prepPhrase && slotFollows(tokens, ti) && at + 1 < t_.p.words.size() &&
            t_.p.words[at + 1].pos == syntax::Pos::kVerb)
          break;
        if (sameWord(t_.surface[at], tok.word)) out.push_back(at + 1);
        break;
      case PatternTokenKind::kSynset: {
        if (tok.synset >= dict_.synsets().size()) break;
        for (const auto& phrase : dict_.synsets()[tok.synset].phrases) {
          size_t k = 0;
          while (k < phrase.size() && at + k < end && sameWord(t_.surface[at + k], phrase[k])) ++k;
          if (k == phrase.size() && k > 0) out.push_back(at + k);
        }
        break;
      }
      case PatternTokenKind::kTarget:
      case PatternTokenKind::kSource:
      case PatternTokenKind::kCompound: {
        int32_t np = t_.npAt(at, true);
        if (np == kNoIndex && tok.kind == PatternTokenKind::kTarget && ti + 1 < tokens.size()) np = actReferenceAt(at);
        if (np != kNoIndex && slotMayTake(tokens, ti, np)) {
          out.push_back(std::min<size_t>(end, t_.p.nps[np].span.last));
          // "designated the Houthis, a rebel group backed by Iran, as ...":
          // the pattern may go on past an apposition set off by commas.
          if (const size_t past = pastApposition(np); past != 0 && past < end) out.push_back(past);
        }
        // "strikes against buildings used by X": the phrase's author (bind
        // takes it), the match going on after the relative's agent.
        if (np == kNoIndex && tok.kind == PatternTokenKind::kTarget) {
          const int32_t described = t_.npAt(at, false);
          const int32_t agent = relativeAgentAt(at);
          if (agent != kNoIndex && slotMayTake(tokens, ti, described))
            out.push_back(std::min<size_t>(end, t_.p.nps[agent].span.last));
        }
        break;
      }
      case PatternTokenKind::kSkip:
        skipEnds(at, end, &out);
        break;
    }
    return out;
  }

  // The word after the comma closing an apposition of phrase `np` ("X, a
  // rebel group backed by Iran,"); 0 when none follows it.
  size_t pastApposition(int32_t np) const {
    const auto& words = t_.p.words;
    const size_t comma = t_.p.nps[np].span.last;
    if (comma >= words.size() || words[comma].lower != ",") return 0;
    // A phrase marked as renaming it, or one opened by an article right
    // after the comma ("a rebel group backed by Iran": the chunker marks no
    // apposition that a relative clause runs on from).
    bool renamed = false;
    // ", among them A, B and C,": the list renames it after those two words.
    const size_t opener =
        comma + 2 < words.size() && words[comma + 1].lower == "among" && words[comma + 2].lower == "them" ? comma + 3
                                                                                                          : comma + 1;
    for (const NounPhrase& n : t_.p.nps) {
      if (n.span.first != opener) continue;
      const std::string& first = words[n.span.first].lower;
      renamed = renamed || n.appositionOf == np || first == "a" || first == "an" || first == "the";
    }
    if (!renamed) return 0;
    for (size_t k = comma + 1; k < words.size() && k < comma + 14; ++k) {
      if (words[k].lower == ",") return k + 1;
      if (words[k].lower == "." || words[k].lower == ";") return 0;
    }
    return 0;
  }

  // Where an actor slot right after its preposition ("(ON +)") may look:
  // within the phrase that preposition opens at `pos` - 1, never past it
  // ("imposed sanctions on Lockheed Martin over arms sales to Taiwan": the
  // sanctions are not on Taiwan). SIZE_MAX for any other token.
  size_t slotPhraseEnd(const std::vector<PatternToken>& tokens, size_t ti, size_t pos) const {
    const PatternToken& tok = tokens[ti];
    if ((tok.kind != PatternTokenKind::kTarget && tok.kind != PatternTokenKind::kSource) || !tok.prepPhrase ||
        ti == 0 || pos == 0 || tokens[ti - 1].kind != PatternTokenKind::kWord ||
        tokens[ti - 1].prepPhrase != tok.prepPhrase)
      return SIZE_MAX;
    for (const auto& pp : t_.p.pps)
      if (pp.span.first + 1 == pos && pp.np != kNoIndex) return pp.span.last;
    return SIZE_MAX;
  }

  // Whether the pattern token after `ti` is an actor slot.
  static bool slotFollows(const std::vector<PatternToken>& tokens, size_t ti) {
    if (ti + 1 >= tokens.size()) return false;
    const PatternTokenKind k = tokens[ti + 1].kind;
    return k == PatternTokenKind::kTarget || k == PatternTokenKind::kSource || k == PatternTokenKind::kCompound;
  }

  // "(OF +)" right after a noun of the pattern ("- * &ENVOY (OF +)") is that
  // noun's own "of" phrase, next to it: "expelled 60 diplomats on Monday over
  // the poisoning of X" does not reach X.
  static bool ofAfterNoun(const std::vector<PatternToken>& tokens, size_t ti) {
    if (ti == 0 || tokens[ti].kind != PatternTokenKind::kWord || tokens[ti].word != "OF" || !tokens[ti].prepPhrase)
      return false;
    const PatternToken& before = tokens[ti - 1];
    return !before.prepPhrase && (before.kind == PatternTokenKind::kSynset || before.kind == PatternTokenKind::kWord);
  }

  // A target slot the pattern goes on after ("- * + &CENSURE": "called the
  // move regrettable") may hold an act named without its author: the
  // widest phrase starting at `at` that names one (actKindOf). It binds no
  // target; the clause's criticism, praise or rejection is then aimed at the
  // act's author (authorsOfNamedAct). kNoIndex when there is none.
  // The actor a reduced relative names as the author of the phrase that
  // starts at word `at` ("buildings used by X": X), or kNoIndex.
  int32_t relativeAgentAt(size_t at) const {
    const int32_t np = t_.npAt(at, false);
    return np == kNoIndex ? kNoIndex : relativeAgent(t_, static_cast<uint32_t>(np));
  }

  int32_t actReferenceAt(size_t at) const {
    const int32_t np = t_.npAt(at, false);
    return np != kNoIndex && actKindOf(t_, np) != ActKind{} /* kNone */ ? np : kNoIndex;
  }

  // Where '^' (skip a noun phrase) may end when it starts at word `at`: the
  // end of each noun phrase starting there or holding it ("THEIR ^": the rest
  // of "their populations"), shortest first so that the next element gets
  // the nearest phrase ("AT ^ +": "at the Gondor of the Prince").
  void skipEnds(size_t at, size_t end, std::vector<size_t>* out) const {
    for (const NounPhrase& n : t_.p.nps)
      if (n.span.first <= at && at < n.span.last) out->push_back(std::min<size_t>(end, n.span.last));
    std::sort(out->begin(), out->end());
    out->erase(std::unique(out->begin(), out->end()), out->end());
  }

  // A slot takes a phrase inside a prepositional phrase only when the
  // pattern names the preposition right before it or the preposition
  // addresses ("on", "with", "against" ...): "- * +" does not reach the
  // place in "hit depots in Syria".
  bool slotMayTake(const std::vector<PatternToken>& tokens, size_t ti, int32_t np) const {
    // "(OF +)" after a noun of the pattern: the parse keeps "of X" inside the
    // noun's phrase ("launched an invasion of X"), so X is the "of" phrase
    // of an argument rather than an argument itself.
    const bool ofOwner = ti > 0 && tokens[ti - 1].kind == PatternTokenKind::kWord && tokens[ti - 1].word == "OF" &&
                         ofOfAllowed(np);
    if (!allowed_[np] && !ofOwner && !(ti > 0 && tokens[ti - 1].kind == PatternTokenKind::kSkip && insideAllowed(np)))
      return false;
    const int32_t pp = t_.ppOf[np];
    if (pp == kNoIndex) return true;
    const std::string& prep = t_.p.pps[pp].prep;
    if (topicOfText(pp)) return false;
    if (namesOccasion(t_.p, prep, np)) return false;  // "met at the G20 summit": no actor slot
    if (words().addressPrepositions.contains(prep)) return true;
    if (ti == 0 || tokens[ti - 1].kind != PatternTokenKind::kWord) return false;
    const std::string u = upper(prep);
    const std::string& w = tokens[ti - 1].word;
    return u == w || (u.size() > w.size() && u.compare(u.size() - w.size(), w.size(), w) == 0);
  }

  // "vetoed a resolution on Syria", "a report about Iran": a topic
  // preposition right after a text names what the text is about, never
  // whom the verb acts on.
  bool topicOfText(int32_t pp) const {
    const auto& ph = t_.p.pps[pp];
    if (!words().topicPrepositions.contains(ph.prep) || ph.span.first == 0) return false;
    for (const NounPhrase& n : t_.p.nps)
      if (n.span.last == ph.span.first && words().documentNouns.contains(t_.p.words[n.head].lemma)) return true;
    return false;
  }

  // True when phrase `np` is the "of" phrase of a phrase a slot may take
  // (or of a phrase inside one).
  bool ofOfAllowed(int32_t np) const {
    for (int32_t up = t_.p.nps[np].parent, hops = 0; up != kNoIndex && hops < 4; up = t_.p.nps[up].parent, ++hops)
      if (t_.p.nps[up].ofNp == np && (allowed_[up] || insideAllowed(up))) return true;
    return false;
  }

  // True when phrase `np` is part of a phrase a slot may take: after '^'
  // has taken the head noun, the slot may take its owner ("- * AT ^ +":
  // "warned at the Gondor of the Prince": the Prince).
  bool insideAllowed(int32_t np) const {
    for (int32_t up = t_.p.nps[np].parent, hops = 0; up != kNoIndex && hops < 4; up = t_.p.nps[up].parent, ++hops)
      if (allowed_[up]) return true;
    return false;
  }

  void bind(const PatternToken& tok, size_t at, Binding* b) const {
    if (tok.kind == PatternTokenKind::kWord || tok.kind == PatternTokenKind::kSynset) b->lastWord = static_cast<int32_t>(at);
    if (tok.kind == PatternTokenKind::kTarget && b->target == kNoIndex) {
      b->target = t_.npAt(at, true);
      if (b->target == kNoIndex) b->target = relativeAgentAt(at);
    }
    if (tok.kind == PatternTokenKind::kSource && b->source == kNoIndex) b->source = t_.npAt(at, true);
    if (tok.kind == PatternTokenKind::kCompound) {
      const int32_t np = t_.npAt(at, true);
      if (b->source == kNoIndex) b->source = np;
      if (b->target == kNoIndex) b->target = np;
      b->compoundAfterVerb = afterVerb_;
    }
  }

  const MatchText& t_;
  const VerbDictionary& dict_;
  const std::vector<bool>& allowed_;
  bool afterVerb_ = true;
};

// The verb of a verb group in the dictionaries: its form entry and dictionary.
struct VerbHit {
  const VerbDictionary* dict = nullptr;
  const VerbForm* form = nullptr;
  size_t lastWord = 0;  // last word of the verb in the text (particles of a multi-word verb included)
  size_t verbWord = 0;  // the text word that is the form's inflected word
};

// True when word `at` is the one-word preposition of a prepositional phrase
// with an object ("in aid"; "out of Syria" is a preposition of two words).
bool opensPrepPhrase(const MatchText& t, size_t at) {
  return std::any_of(t.p.pps.begin(), t.p.pps.end(), [&](const syntax::PrepPhrase& pp) {
    return pp.span.first == at && pp.np != kNoIndex && pp.prep == t.p.words[at].lower;
  });
}

bool formFits(const VerbForm& f, const MatchText& t, size_t main, size_t* lastWord) {
  if (f.before.size() > main) return false;
  for (size_t k = 0; k < f.before.size(); ++k)
    if (!t.wordIs(main - f.before.size() + k, f.before[k])) return false;
  size_t at = main + 1;
  for (const auto& w : f.after) {
    // A particle may stand after the object: "pulled its troops out"; not a
    // preposition with its own object there ("gave Ukraine $5m in aid" gives
    // nothing in: GIVE_IN).
    while (at < t.p.words.size() && at <= main + 1 + kMaxGap && !(t.wordIs(at, w) && (at == main + 1 || !opensPrepPhrase(t, at))))
      ++at;
    if (at >= t.p.words.size() || at > main + 1 + kMaxGap) return false;
    ++at;
  }
  *lastWord = f.after.empty() ? main : at - 1;
  return true;
}

// The dictionary verb for the group's main verb: the longest multi-word verb
// that fits, else the single word; by surface form, then by lemma.
// A multi-word verb whose first word the tagger took for the verb ("will
// not wire tap": WIRE_+TAP) is also tried at the word after it.
VerbHit findVerb(const std::vector<const VerbDictionary*>& dicts, const MatchText& t, const VerbGroup& vg) {
  VerbHit best;
  size_t bestWords = 0;
  const size_t next = vg.main + 1 < t.p.words.size() ? vg.main + 1 : vg.main;
  for (const auto* dict : dicts) {
    for (size_t at : {static_cast<size_t>(vg.main), next}) {
      for (const std::string* key : {&t.surface[at], &t.lemma[at]}) {
        for (const VerbForm& f : dict->lookupForm(*key)) {
          size_t last = 0;
          if (at != vg.main && f.before.empty()) continue;
          if (!formFits(f, t, at, &last)) continue;
          const size_t words = 1 + f.before.size() + f.after.size();
          if (words > bestWords) {
            best = VerbHit{dict, &f, last, at};
            bestWords = words;
          }
        }
      }
    }
    if (best.form) return best;  // later dictionaries only fill gaps
  }
  return best;
}

// The end of the words a clause's verb reaches, as a treebank verb phrase
// does: its own embedded clauses are inside; the next clause that is not one
// of them ends it ("Gollum allowed that Mordor isn't ..." keeps "that ...";
// "..., a senior official said" does not).
size_t clauseEnd(const SentenceParse& p, uint32_t clause) {
  // Embedded complements (reported speech, "that"-clauses) are inside; a
  // coordinated verb or a relative clause after the object is not.
  // A reduced relative describing the clause's object is part of it, as in a
  // treebank's verb phrase ("welcomed assurances sent from Bree").
  auto describesObject = [&](size_t k) {
    const Clause& r = p.clauses[k];
    const Clause& c = p.clauses[clause];
    if (r.kind != syntax::ClauseKind::kRelative || !r.subjectInherited || r.verb >= p.vgs.size() ||
        !p.vgs[r.verb].reducedPassive || r.subject == kNoIndex)
      return false;
    const bool object = std::find(c.objects.begin(), c.objects.end(), r.subject) != c.objects.end();
    const bool ppObject = std::any_of(c.pps.begin(), c.pps.end(), [&](uint32_t pp) { return p.pps[pp].np == r.subject; });
    // ... or an apposition of the object: "designated the Houthis, a rebel
    // group backed by Iran, as ...".
    const uint32_t first = p.nps[r.subject].span.first;
    const bool appositive = first > 0 && p.words[first - 1].lower == "," &&
                            std::any_of(c.objects.begin(), c.objects.end(),
                                        [&](uint32_t o) { return p.nps[o].span.last + 1 == first; });
    return object || ppObject || appositive;
  };
  // A verb with no subject right after this one is part of its phrase ("a
  // woman believed linked to X").
  auto continuesVerb = [&](size_t k) {
    const Clause& r = p.clauses[k];
    return r.subject == kNoIndex && r.verb < p.vgs.size() &&
           p.vgs[r.verb].span.first == p.vgs[p.clauses[clause].verb].span.last;
  };
  auto descends = [&](size_t k) {
    const auto kind = p.clauses[k].kind;
    if (describesObject(k) || continuesVerb(k)) return true;
    if (kind != syntax::ClauseKind::kReported && kind != syntax::ClauseKind::kSubordinate) return false;
    for (int32_t up = p.clauses[k].parent, hops = 0; up != kNoIndex && hops < 16; up = p.clauses[up].parent, ++hops)
      if (up == static_cast<int32_t>(clause)) return true;
    return false;
  };
  const size_t verbStart = p.vgs[p.clauses[clause].verb].span.last;
  size_t end = p.words.size();
  for (size_t k = 0; k < p.clauses.size(); ++k) {
    const auto& c = p.clauses[k];
    if (k == clause || descends(k) || c.verb >= p.vgs.size()) continue;
    const size_t start = syntax::clauseFirstWord(p, c);
    if (start >= verbStart) end = std::min(end, start);
  }
  for (size_t i = verbStart; i < end; ++i)
    if (p.words[i].lower == ";") return i;
  return end;
}

struct Roles {
  int32_t source = kNoIndex;
  int32_t target = kNoIndex;
  bool reciprocal = false;  // the object is "each other" / "one another": the source's members act on each other
};

// The author of an attack noun in the clause's prepositional phrases
// ("in a US drone strike").
int32_t attackAuthor(const MatchText& t, const Clause& c) {
  for (uint32_t pp : c.pps) {
    const auto& ph = t.p.pps[pp];
    if (ph.np == kNoIndex || (ph.prep != "in" && ph.prep != "by" && ph.prep != "during")) continue;
    const NounPhrase& n = t.p.nps[ph.np];
    if (words().attackNouns.contains(t.p.words[n.head].lemma) && t.namesActor(ph.np)) return ph.np;
  }
  return kNoIndex;
}


bool namesAttack(const MatchText& t, int32_t np) {
  if (np == kNoIndex) return false;
  const std::string& head = t.p.words[t.p.nps[np].head].lemma;
  return words().attackNouns.contains(head) || words().killingNouns.contains(head);
}

// The phrase naming the attack whose victim phrase `np` is ("the attack [on
// X]", "strikes [against X]", "the shelling [of X]"), or `np` itself when it
// is an attack with an "of" victim ("[the killing of X]"); kNoIndex when `np`
// is no attack's victim. PPs attach to verbs in the parse (clauses.h), so "on
// X" right after an attack phrase is read as that attack's.
int32_t attackOfVictim(const MatchText& t, int32_t np) {
  const SentenceParse& p = t.p;
  if (namesAttack(t, np) && p.nps[np].ofNp != kNoIndex) return np;
  for (int32_t up = p.nps[np].parent; up != kNoIndex; up = p.nps[up].parent)
    if (p.nps[up].ofNp == np && namesAttack(t, up)) return up;
  if (t.ppOf[np] == kNoIndex) return kNoIndex;
  const auto& pp = p.pps[t.ppOf[np]];
  if (!words().victimPrepositions.contains(pp.prep)) return kNoIndex;
  for (size_t k = 0; k < p.nps.size(); ++k)
    if (p.nps[k].span.last == pp.span.first && namesAttack(t, static_cast<int32_t>(k))) return static_cast<int32_t>(k);
  return kNoIndex;
}

// The author of attack phrase `attack` written after it ("the strike on X
// by Y", "the shelling of X by Y"), when it names an actor; else kNoIndex.
int32_t writtenAttackAuthor(const MatchText& t, int32_t attack) {
  const SentenceParse& p = t.p;
  size_t end = p.nps[attack].span.last;
  for (const auto& pp : p.pps) {
    if (pp.span.first < end || pp.np == kNoIndex) continue;
    if (pp.prep == "by" && pp.span.first == end) return t.namesActor(pp.np) ? pp.np : kNoIndex;
    if (!words().victimPrepositions.contains(pp.prep) || pp.span.first != end) break;
    end = pp.span.last;  // past "on X" to "by Y"
  }
  return kNoIndex;
}

// The possessor written on phrase `np`, or on its inner phrase with the
// same head when an "of" phrase follows ("Russia's invasion of Ukraine":
// the chunker puts "Russia's" on "Russia's invasion"); kNoIndex when none.
int32_t writtenOwner(const SentenceParse& p, int32_t np) {
  if (p.nps[np].possessor != kNoIndex) return p.nps[np].possessor;
  for (size_t j = 0; j < p.nps.size(); ++j)
    if (p.nps[j].parent == np && p.nps[j].head == p.nps[np].head && p.nps[j].possessor != kNoIndex)
      return p.nps[j].possessor;
  return kNoIndex;
}

// The author of attack phrase `attack` whose victim is phrase `victim`:
// "by Y" after it (writtenAttackAuthor), else the state or group the phrase
// itself names by a demonym or an owner ("the Iranian attack on Israel",
// "Russia's invasion of Ukraine"), never one of the victim's actors;
// kNoIndex when the phrase names no author.
int32_t attackAuthor(const MatchText& t, int32_t attack, int32_t victim) {
  if (const int32_t by = writtenAttackAuthor(t, attack); by != kNoIndex) return by;
  std::vector<size_t> victims;
  t.entitiesOf(victim == attack ? t.p.nps[attack].ofNp : victim, &victims);
  auto apart = [&](int32_t np) {
    std::vector<size_t> named;
    t.entitiesOf(np, &named);
    return !named.empty() && std::none_of(named.begin(), named.end(), [&](size_t e) {
      return std::find(victims.begin(), victims.end(), e) != victims.end();
    });
  };
  if (t.namesActor(attack) && apart(attack)) return attack;
  const int32_t owner = writtenOwner(t.p, attack);
  if (owner != kNoIndex && t.namesActor(owner) && apart(owner)) return owner;
  return kNoIndex;
}

// True when word `at` follows the verb through its objects and prepositional
// phrases only: "met with X in Y" reaches Y, but "condemned the killing as an
// aggression against Iraq" does not reach Iraq past "as".
bool attachedToVerb(const MatchText& t, const Clause& c, size_t verbEnd, size_t at) {
  size_t w = verbEnd;
  while (w < at) {
    size_t next = w;
    for (uint32_t o : c.objects)
      if (t.p.nps[o].span.first == w) next = std::max<size_t>(next, t.p.nps[o].span.last);
    for (uint32_t pp : c.pps) {
      if (t.p.pps[pp].span.first != w) continue;
      // What follows "as" describes the object ("as an aggression against Iraq").
      if (t.p.pps[pp].prep == "as") return false;
      next = std::max<size_t>(next, t.p.pps[pp].span.last);
    }
    // A time phrase may come between too ("fired missiles this month at X").
    for (uint32_t k = 0; k < t.p.nps.size() && next == w; ++k)
      if (t.p.nps[k].span.first == w && syntax::isTimePhrase(t.p, k)) next = t.p.nps[k].span.last;
    if (next == w) {
      const auto pos = t.p.words[w].pos;
      if (pos != Pos::kAdverb) return false;  // only an adverb may come between
      next = w + 1;
    }
    w = next;
  }
  return true;
}

// In "X warned that Tehran would ...", Tehran is what was said, not whom X warned.
bool isSpeechVerb(std::string_view lemma) { return words().speechVerbs.contains(lemma); }

// The phrases a pattern slot may take in clause `ci`: its subject, objects,
// the prepositional phrases attached to the verb, its complement's
// arguments, the subjects of its "that"-clauses, and phrases inside those.
std::vector<bool> slotPhrases(const MatchText& t, uint32_t ci, size_t verbEnd, bool complementArgs) {
  const SentenceParse& p = t.p;
  const Clause& c = p.clauses[ci];
  std::vector<bool> allowed(p.nps.size(), false);
  std::vector<int32_t> roots;
  if (c.subject != kNoIndex) roots.push_back(c.subject);
  if (c.agent != kNoIndex) roots.push_back(c.agent);
  for (uint32_t o : c.objects) roots.push_back(static_cast<int32_t>(o));
  for (uint32_t pp : c.pps)
    if (p.pps[pp].np != kNoIndex && attachedToVerb(t, c, verbEnd, p.pps[pp].span.first)) roots.push_back(p.pps[pp].np);
  if (complementArgs) {
    for (uint32_t o : c.complementObjects) roots.push_back(static_cast<int32_t>(o));
    for (uint32_t pp : c.complementPps)
      if (p.pps[pp].np != kNoIndex) roots.push_back(p.pps[pp].np);
  }
  // The roots, the members of coordinations and appositions among them; not
  // the "of" or possessor parts ("the killers of Soleimani" is not Soleimani).
  std::vector<int32_t> todo = roots;
  while (!todo.empty()) {
    const int32_t n = todo.back();
    todo.pop_back();
    if (n < 0 || allowed[n]) continue;
    allowed[n] = true;
    for (uint32_t m : p.nps[n].members) todo.push_back(static_cast<int32_t>(m));
    for (size_t k = 0; k < p.nps.size(); ++k)
      if (p.nps[k].appositionOf == n) todo.push_back(static_cast<int32_t>(k));
  }
  return allowed;
}

// A demand (CAMEO 10) whose object is an act ("ordered a US bombing raid",
// "the assassination of X, ordered by Trump") is no demand addressed to the
// actors the act names: they are its owner or its victim.
// The act may hold the actors it names: "the assassination of Soleimani
// and Al-Muhandis, ordered by Trump" (the phrases inside it are checked up
// to three levels).
bool demandsAnAct(const MatchText& t, const VerbCode& code, int32_t targetNp) {
  if (targetNp == kNoIndex || code.source.rfind(kDemandRoot, 0) != 0) return false;
  for (int32_t np = targetNp, hops = 0; np != kNoIndex && hops < 4; np = t.p.nps[np].parent, ++hops) {
    const std::string& head = t.p.words[t.p.nps[np].head].lemma;
    if (words().actNouns.contains(head) || words().killingNouns.contains(head)) return true;
  }
  return false;
}

// The author of object `o` named by its reduced relative clause, when it
// names an actor ("welcomed memos sent by X", like "condemned an attack by
// X"); kNoIndex when none. An act's author is its co-author, never a target
// ("carried out a strike authorized by X").
int32_t relativeAgent(const MatchText& t, uint32_t o) {
  if (words().actNouns.contains(t.p.words[t.p.nps[o].head].lemma)) return kNoIndex;
  for (const Clause& k : t.p.clauses) {
    if (k.kind != syntax::ClauseKind::kRelative || k.subject != static_cast<int32_t>(o)) continue;
    if (!t.p.vgs[k.verb].reducedPassive || k.agent == kNoIndex) continue;
    // "signed a deal brokered by Qatar": a go-between is not what the deal
    // is made with.
    if (words().mediationVerbs.contains(t.p.vgs[k.verb].lemma)) continue;
    if (t.namesActor(k.agent)) return k.agent;
  }
  // "ships linked to Israel", "firms affiliated with the Guards": the one a
  // reduced relative of owning ties the object to (owning_link_verbs).
  for (const Clause& k : t.p.clauses) {
    if (k.kind != syntax::ClauseKind::kRelative || k.subject != static_cast<int32_t>(o) ||
        !t.p.vgs[k.verb].reducedPassive || !words().owningLinkVerbs.contains(t.p.vgs[k.verb].lemma))
      continue;
    for (uint32_t pp : k.pps) {
      const auto& ph = t.p.pps[pp];
      if ((ph.prep == "to" || ph.prep == "with") && ph.np != kNoIndex && t.namesActor(ph.np)) return ph.np;
    }
  }
  return kNoIndex;
}

// True when the pronoun subject `pronoun` of a reported clause can stand
// for its speaker: "he"/"she" for a person, "it" for anything else, "they"
// and "we" for either ("The Pentagon said he had directed attacks": "he" is
// not the Pentagon). Without isPerson every pronoun fits.
bool pronounFitsSpeaker(const MatchText& t, std::string_view pronoun, int32_t speaker) {
  if (!t.isPerson) return true;
  std::vector<size_t> who;
  t.entitiesOf(speaker, &who);
  if (who.empty()) return false;
  const bool person = t.isPerson(who.front());
  if (pronoun == "he" || pronoun == "she") return person;
  if (pronoun == "it") return !person;
  return true;
}

// True when phrase `np` (or the coordination holding it) is the object of a
// "with" right after a noun that names a neighbour (neighbour_nouns: "on its
// borders with Poland and the Czech Republic").
bool namesNeighbour(const MatchText& t, int32_t np) {
  for (int hops = 0; np != kNoIndex && hops < 2; np = t.p.nps[np].parent, ++hops) {
    const int32_t pp = t.ppOf[np];
    if (pp == kNoIndex) continue;
    const auto& ph = t.p.pps[pp];
    const size_t w = ph.span.first;
    return ph.prep == "with" && w > 0 && t.p.words[w - 1].pos == Pos::kNoun &&
           words().neighbourNouns.contains(t.p.words[w - 1].lemma);
  }
  return false;
}

// A demand (CAMEO 10) is addressed to someone: never to a neighbour named
// after "borders with" (namesNeighbour), whether a pattern slot or the
// default roles took it.
bool demandOnNeighbour(const MatchText& t, const VerbCode& code, int32_t target) {
  return target != kNoIndex && code.source.rfind(kDemandRoot, 0) == 0 && namesNeighbour(t, target);
}

// Default roles of a clause (see the header).
// `complementVerb`: `vg` is the infinitive of the clause's verb, whose
// arguments are the clause's complement ones.
Roles defaultRoles(const MatchText& t, uint32_t ci, const VerbGroup& vg, size_t verbEnd, bool complementTarget,
                   bool complementVerb) {
  const Clause& c = t.p.clauses[ci];
  const auto& objects = complementVerb ? c.complementObjects : c.objects;
  const auto& pps = complementVerb ? c.complementPps : c.pps;
  Roles r;
  // "died in a US drone strike": the passive of killing (death_verb_forms).
  const bool died = words().deathVerbForms.contains(t.p.words[vg.main].lower);
  const bool passive = vg.voice == syntax::Voice::kPassive || vg.reducedPassive || died;
  if (passive && !complementVerb) {
    r.source = c.agent != kNoIndex ? c.agent : attackAuthor(t, c);
    r.target = c.subject;
    return r;
  }
  r.source = c.subject;
  if (c.subject != kNoIndex && c.speaker != kNoIndex && !t.namesActor(c.subject)) {
    const NounPhrase& s = t.p.nps[c.subject];
    if (s.span.last == s.span.first + 1 && words().speakerPronouns.contains(t.p.words[s.head].lower) &&
        pronounFitsSpeaker(t, t.p.words[s.head].lower, c.speaker))
      r.source = c.speaker;
    // "A Hezbollah spokesman said the group would retaliate": "the group"
    // is the body the speaking spokesman or official speaks for
    // (speaker_descriptions); "the Pentagon said the group ..." is another group.
    if (s.span.last == s.span.first + 2 && t.p.words[s.span.first].lower == "the" &&
        words().speakerDescriptions.contains(t.p.words[s.head].lemma) &&
        words().roleHeads.contains(t.p.words[t.p.nps[c.speaker].head].lemma))
      r.source = c.speaker;
  }
  if (complementVerb && !c.objects.empty() && words().objectControlVerbs.contains(t.p.vgs[c.verb].lemma))
    r.source = static_cast<int32_t>(c.objects.front());
  // A topic verb's objects are what is talked about ("discussed Iraq's
  // energy needs"): its party is in a preposition ("with X") or nowhere.
  const bool topicVerb = words().topicVerbs.contains(vg.lemma);
  if (!topicVerb) {
    for (uint32_t o : objects)
      if (t.namesActor(static_cast<int32_t>(o))) return r.target = static_cast<int32_t>(o), r;
    for (uint32_t o : objects)
      if (int32_t author = relativeAgent(t, o); author != kNoIndex) return r.target = author, r;
  }
  for (uint32_t pp : pps) {
    const auto& ph = t.p.pps[pp];
    if (ph.np == kNoIndex || ph.span.first < verbEnd) continue;
    if (!complementVerb && !attachedToVerb(t, c, verbEnd, ph.span.first)) break;
    // "by" after an object names the object's author: "condemned an attack by X".
    const bool author = ph.prep == "by" && !objects.empty();
    const bool arrivedIn = ph.prep == "in" && words().arrivalVerbs.contains(vg.lemma);
    if (!words().addressPrepositions.contains(ph.prep) && !author && !arrivedIn) continue;
    if (namesOccasion(t.p, ph.prep, ph.np)) continue;  // "met at the G20 summit": not the one addressed
    if (namesVenue(vg, ph.prep)) continue;             // "met at the White House": where
    // What a topic verb's object holds is the topic too ("discussed the
    // withdrawal of troops from Iraq"): its party is the one "with" it.
    if (topicVerb && ph.prep != "with") continue;
    if (t.namesActor(ph.np)) return r.target = ph.np, r;
  }
  // The complement's arguments: "threatened to impose sanctions on Iraq" (a
  // threat is against them; an agreement "to impose sanctions on X" is not
  // made with X: that verb codes its complement instead).
  // "ordered all citizens to leave Iraq": the order is to the citizens; what
  // the infinitive names is the object's business, not the order's target.
  const bool objectActs = !c.objects.empty() && words().objectControlVerbs.contains(t.p.vgs[c.verb].lemma);
  if (complementTarget && !complementVerb && !objectActs) {
    for (uint32_t o : c.complementObjects)
      if (t.namesActor(static_cast<int32_t>(o))) return r.target = static_cast<int32_t>(o), r;
    for (uint32_t pp : c.complementPps) {
      const auto& ph = t.p.pps[pp];
      if (ph.np != kNoIndex && words().addressPrepositions.contains(ph.prep) && t.namesActor(ph.np))
        return r.target = ph.np, r;
    }
  }
  return r;
}

// The phrase a pattern with no target slot points at with its last word
// after the verb, when it names an actor; kNoIndex when none:
//  * a preposition: its object ("- * RUMORS ABOUT": "welcomed rumors about X");
//  * a noun: its "of" owner ("- * OVER EFFORTS": "clashed over the efforts
//    of X" is about X; "overcame the animosity of X" is X's).
int32_t patternPointee(const MatchText& t, int32_t w) {
  if (w < 0) return kNoIndex;
  for (const auto& pp : t.p.pps)
    if (pp.span.first == static_cast<uint32_t>(w) && pp.np != kNoIndex && t.namesActor(pp.np)) return pp.np;
  // A participle's own complement: "- * LINKED": "linked to X".
  if (t.p.words[w].pos == Pos::kVerb)
    for (const auto& pp : t.p.pps)
      if (pp.span.first == static_cast<uint32_t>(w) + 1 && pp.np != kNoIndex && t.namesActor(pp.np)) return pp.np;
  for (size_t k = 0; k < t.p.nps.size(); ++k) {
    if (t.p.nps[k].head != static_cast<uint32_t>(w)) continue;
    for (int32_t n = static_cast<int32_t>(k), hops = 0; n != kNoIndex && hops < 4; n = t.p.nps[n].parent, ++hops) {
      const int32_t of = t.p.nps[n].ofNp;
      if (of != kNoIndex && of != static_cast<int32_t>(k) && t.namesActor(of)) return of;
    }
  }
  return kNoIndex;
}

// The subject of a "that"-clause governed by clause `ci` ("Gollum allowed
// that Mordor isn't ..."), or kNoIndex.
int32_t thatClauseSubject(const MatchText& t, uint32_t ci) {
  const size_t verbEnd = t.p.vgs[t.p.clauses[ci].verb].span.last;
  for (const auto& k : t.p.clauses) {
    if (k.parent != static_cast<int32_t>(ci) || k.subjectInherited || k.subject == kNoIndex) continue;
    // A demand's "that"-clause may be parsed as reported speech ("demanded
    // that Vilnius withdraw its envoy from Beijing"): it is still what is asked.
    const bool asked = k.kind == syntax::ClauseKind::kReported &&
                       words().mandativeVerbs.contains(t.p.vgs[t.p.clauses[ci].verb].lemma);
    if ((k.kind != syntax::ClauseKind::kSubordinate && !asked) || k.subordinator != "that") continue;
    // The clause must be the verb's own: no other verb between them
    // ("justified the killing by claiming that X ...": X is what was claimed).
    const size_t subjectStart = t.p.nps[k.subject].span.first;
    const bool verbBetween = std::any_of(t.p.vgs.begin(), t.p.vgs.end(), [&](const VerbGroup& v) {
      return v.span.first >= verbEnd && v.span.first < subjectStart;
    });
    if (verbBetween) continue;
    // Nor a comma: ", the biggest step yet in talks that Cuba has hosted"
    // is an aside, and its "that" opens a relative clause.
    bool commaBetween = false;
    for (size_t w = verbEnd; w < subjectStart && !commaBetween; ++w) commaBetween = t.p.words[w].lower == ",";
    if (commaBetween) continue;
    if (t.namesActor(k.subject)) return k.subject;
  }
  return kNoIndex;
}

// Codes whose target may be the object of their infinitive: demands (10),
// disapproval (11), rejection (12) and threats (13): "threatened to impose
// sanctions on Iraq" is a threat against Iraq.
bool takesComplementTarget(const VerbCode& code) {
  const std::string& c = code.source;
  return c.size() >= 2 && c[0] == '1' && (c[1] == '0' || c[1] == '1' || c[1] == '2' || c[1] == '3');
}

// Events two parties do together (CAMEO 03 intent to cooperate, 04
// consult, 05 diplomatic and 06 material cooperation): a coordinated subject
// with no object does them with each other. Not 051-056 (praise, defend,
// rally support, recognise, apologise, forgive) read from the verb alone:
// those are aimed at a third party ("Norway and Spain recognised a
// Palestinian state"); a pattern may still make them mutual ("X and Y
// restored diplomatic relations", 054).
bool isMutual(const VerbCode& code, bool fromPattern = true) {
  const std::string& c = code.source;
  if (!fromPattern && c.size() >= 3 && c[0] == '0' && c[1] == '5' && c[2] >= '1' && c[2] <= '6') return false;
  if (doneToThirdParty(c)) return false;  // "X and Y hosted talks between ...": no visit of one to the other
  return c.size() >= 2 && c[0] == '0' && (c[1] == '3' || c[1] == '4' || c[1] == '5' || c[1] == '6');
}

// Clause `k` speaks of what is yet to come: a future or modal verb, or a
// planning verb ("is planned to be announced").
bool speaksOfFuture(const SentenceParse& p, const Clause& k) {
  for (int32_t g = static_cast<int32_t>(k.verb), hops = 0; g != kNoIndex && hops < 4; g = p.vgs[g].complement, ++hops) {
    const VerbGroup& v = p.vgs[g];
    if (v.modality != syntax::Modality::kNone || v.tense == syntax::Tense::kFuture) return true;
    if (v.lemma != "be" && words().planningGovernors.contains(v.lemma)) return true;
  }
  return false;
}

// The clause a time clause `c` hangs on: its parent, or the clause right
// before it (the attachment the parse may miss: "reported that the change is
// to be announced on Monday after X meets Y").
bool hostSpeaksOfFuture(const SentenceParse& p, const Clause& c) {
  const size_t ci = static_cast<size_t>(&c - p.clauses.data());
  if (c.parent != kNoIndex && speaksOfFuture(p, p.clauses[c.parent])) return true;
  return ci > 0 && ci < p.clauses.size() && speaksOfFuture(p, p.clauses[ci - 1]);
}

// "the army would later retake the camp" tells what happened next, not what might.
bool narrativeWould(const SentenceParse& p, const VerbGroup& vg) {
  if (vg.modal != "would" || vg.main == 0) return false;
  for (size_t w = vg.span.first; w < vg.main; ++w)
    if (words().narrativeAdverbs.contains(p.words[w].lower)) return true;
  return false;
}

// "Israel would have attacked Iran if it could", "could have prevented the
// strike": a conditional modal with a perfect "have" says the act did not
// happen (conditional_modals).
bool counterfactual(const SentenceParse& p, const VerbGroup& vg) {
  if (!words().conditionalModals.contains(vg.modal)) return false;
  const auto form = p.words[vg.main].form;
  if (form != syntax::VerbForm::kPastParticiple && form != syntax::VerbForm::kPast) return false;
  for (size_t w = vg.span.first; w < vg.main; ++w)
    if (p.words[w].lemma == "have") return true;
  return false;
}

// "the troops the US would need to fight a war with Iran", "would have to
// invade": what a condition requires is no plan (requirement_governors).
bool conditionalRequirement(const VerbGroup& vg) {
  return vg.complement != kNoIndex && words().conditionalModals.contains(vg.modal) &&
         words().requirementGovernors.contains(vg.lemma);
}

bool isPlanned(const SentenceParse& p, const Clause& c, const VerbGroup& vg) {
  if (narrativeWould(p, vg)) return false;
  // "The U.S. response was to bomb five bases", "Iran's answer was to fire
  // missiles": what a past "was to" names as someone's response is what it
  // did, not a plan (response_nouns).
  if (vg.governor != kNoIndex && p.vgs[vg.governor].lemma == "be" && p.vgs[vg.governor].tense == syntax::Tense::kPast &&
      !p.vgs[vg.governor].negated && c.subject != kNoIndex &&
      words().responseNouns.contains(p.words[p.nps[c.subject].head].lemma))
    return false;
  if (vg.modality != syntax::Modality::kNone || vg.tense == syntax::Tense::kFuture) return true;
  if (c.kind == syntax::ClauseKind::kSubordinate && c.subordinator == "if") return true;
  // "demanded that Vilnius withdraw its envoy": what a demand asks for has
  // not happened.
  if ((c.kind == syntax::ClauseKind::kSubordinate || c.kind == syntax::ClauseKind::kReported) &&
      c.subordinator == "that") {
    const size_t ci = static_cast<size_t>(&c - p.clauses.data());
    const size_t host = c.parent != kNoIndex ? static_cast<size_t>(c.parent) : ci > 0 ? ci - 1 : ci;
    // Its verb or a complement of it: "voted to demand that Russia withdraw".
    if (host != ci && host < p.clauses.size())
      for (int32_t g = static_cast<int32_t>(p.clauses[host].verb), hops = 0; g != kNoIndex && hops < 3;
           g = p.vgs[g].complement, ++hops)
        if (words().mandativeVerbs.contains(p.vgs[g].lemma)) return true;
  }
  if (c.kind == syntax::ClauseKind::kSubordinate && words().temporalSubordinators.contains(c.subordinator) &&
      vg.tense == syntax::Tense::kPresent && !vg.nonFinite && hostSpeaksOfFuture(p, c))
    return true;
  // Any planning verb up the chain: "vowed to keep targeting ships"; but
  // what a body says by a vote is said ("voted to condemn Russia").
  for (int32_t g = vg.governor, hops = 0; g != kNoIndex && hops < 4; g = p.vgs[g].governor, ++hops) {
    if (p.vgs[g].lemma == "vote" && g == vg.governor && p.vgs[g].modality == syntax::Modality::kNone &&
        p.vgs[g].tense != syntax::Tense::kFuture && !p.vgs[g].negated && words().votedSpeechVerbs.contains(vg.lemma))
      continue;
    if (words().planningGovernors.contains(p.vgs[g].lemma) || p.vgs[g].modality != syntax::Modality::kNone) return true;
  }
  return false;
}

}  // namespace

EventCoder::EventCoder(std::vector<const VerbDictionary*> dictionaries) : dictionaries_(std::move(dictionaries)) {}

namespace {

bool isNegationWord(std::string_view w) { return w == "NOT" || w == "N'T" || w == "NEVER" || w == "NO"; }

// True when a pattern's own words negate its verb.
bool namesNegation(const VerbDictionary& dict, const VerbPattern& pat) {
  for (const auto* part : {&pat.pre, &pat.post})
    for (const PatternToken& tok : *part) {
      if (tok.kind == PatternTokenKind::kWord && isNegationWord(tok.word)) return true;
      if (tok.kind != PatternTokenKind::kSynset || tok.synset >= dict.synsets().size()) continue;
      for (const auto& phrase : dict.synsets()[tok.synset].phrases)
        for (const auto& w : phrase)
          if (isNegationWord(w)) return true;
    }
  return false;
}

// How the dictionaries read one verb group of a clause.
struct VerbReading {
  VerbHit hit;
  const VerbPattern* pattern = nullptr;  // the pattern that matched, or none
  Binding binding;
  VerbCode code;
};

// True when pattern `pat` names its target after the verb ("- * + ...").
bool patternTargetAfterVerb(const VerbPattern& pat) {
  return std::any_of(pat.post.begin(), pat.post.end(),
                     [](const PatternToken& x) { return x.kind == PatternTokenKind::kTarget; });
}

// True when pattern `pat` has its target before the verb and its source in
// a "(BY $)" after it: the shape of a passive ("- + * (BY $)"). Not "- + *
// (FROM $)": "X received money from Y" is active.
// True when the part of a pattern after the verb names its source in a
// "(BY $)" phrase.
bool sourceAfterBy(const VerbPattern& pat) {
  for (const PatternToken& by : pat.post) {
    if (by.kind != PatternTokenKind::kWord || by.word != "BY" || by.prepPhrase == 0) continue;
    for (const PatternToken& x : pat.post)
      if (x.kind == PatternTokenKind::kSource && x.prepPhrase == by.prepPhrase) return true;
  }
  return false;
}

// True when pattern `pat` names its source after the verb in a phrase of
// its own and nothing else there ("- + * (FROM $)": "two diplomats were
// expelled from Germany"; not "- + * CRITICISM (FROM $)", "drew criticism
// from X", which an active verb reads).
bool onlySourcePhraseAfter(const VerbPattern& pat) {
  if (pat.post.size() != 2) return false;
  const PatternToken& prep = pat.post[0];
  const PatternToken& source = pat.post[1];
  return prep.kind == PatternTokenKind::kWord && prep.prepPhrase != 0 && source.kind == PatternTokenKind::kSource &&
         source.prepPhrase == prep.prepPhrase;
}

bool readsPassive(const VerbPattern& pat) {
  const bool targetFirst = std::any_of(pat.pre.begin(), pat.pre.end(),
                                       [](const PatternToken& x) { return x.kind == PatternTokenKind::kTarget; });
  return targetFirst && (sourceAfterBy(pat) || onlySourcePhraseAfter(pat));
}

// True when pattern `pat` reads a passive whose subject is a thing it names
// and whose agent is "(BY $)" ("- &AGREEMENT * (BY $)").
bool readsThingPassive(const VerbPattern& pat) {
  const bool slotFirst = std::any_of(pat.pre.begin(), pat.pre.end(), [](const PatternToken& x) {
    return x.kind == PatternTokenKind::kTarget || x.kind == PatternTokenKind::kSource;
  });
  return !pat.pre.empty() && !slotFirst && sourceAfterBy(pat);
}

std::optional<VerbReading> readVerb(const std::vector<const VerbDictionary*>& dicts, const MatchText& t,
                                    uint32_t ci, const VerbGroup& vg) {
  const SentenceParse& p = t.p;
  const Clause& c = p.clauses[ci];
  VerbReading r;
  r.hit = findVerb(dicts, t, vg);
  if (!r.hit.form) return std::nullopt;
  const VerbDictionary& dict = *r.hit.dict;
  const Verb& verb = dict.verbs()[r.hit.form->verb];
  const VerbFamily& family = dict.families()[verb.family];
  const size_t end = clauseEnd(p, ci);
  const size_t start = c.subject != kNoIndex && !c.subjectInherited ? p.nps[c.subject].span.first : vg.span.first;
  // Words before '*' reach the verb itself: the auxiliaries, negation and
  // adverbs of its group are pattern words too ("- % HAVE *", "- &NEGATVAUXVRB
  // * ...": "have delayed", "did n't clash").
  const size_t verbStart = r.hit.verbWord - r.hit.form->before.size();  // formFits checked the words before it
  // Complement arguments belong to the complement's verb, unless this verb
  // takes them as its target ("threatened to impose sanctions on X").
  const bool complementVerb = &vg != &p.vgs[c.verb];
  const bool objectActs = !c.objects.empty() && words().objectControlVerbs.contains(p.vgs[c.verb].lemma);
  std::vector<bool> allowed =
      slotPhrases(t, ci, r.hit.lastWord + 1, complementVerb || (takesComplementTarget(verb.code) && !objectActs));
  // "Biden and al-Kadhimi met at the White House": where they met, no slot.
  for (const auto& ph : p.pps)
    if (namesVenue(vg, ph.prep) && ph.np != kNoIndex && static_cast<size_t>(ph.np) < allowed.size())
      allowed[ph.np] = false;
  const bool passive = vg.voice == syntax::Voice::kPassive || vg.reducedPassive;
  for (uint32_t pi : family.patterns) {
    const VerbPattern& pat = dict.patterns()[pi];
    // "- + * (BY $)" reads a passive ("X was criticised by Y"); an active
    // verb's subject is never its target ("Y denounced the shelling of X by Z").
    if (!passive && readsPassive(pat)) continue;
    if (!t.mayMatch(pat.post) || !t.mayMatch(pat.pre)) continue;
    Binding b;
    PatternMatcher m(t, dict, allowed);
    if (!m.match(pat.post, 0, r.hit.lastWord + 1, end, !pat.post.empty() && pat.post[0].joined, &b)) continue;
    m.setAfterVerb(false);
    if (!pat.pre.empty()) {
      bool ok = false;
      for (size_t from = start; from < verbStart && !ok; ++from) {
        Binding pre = b;
        if (m.match(pat.pre, 0, from, verbStart, false, &pre, pat.verbJoinedToPre)) {
          ok = true;
          pre.lastWord = b.lastWord;  // the noun after the verb is the one that may have an owner
          b = pre;
        }
      }
      // "X, who had been granted asylum by Y": a passive relative clause's
      // subject is its antecedent, before the clause's words; a pattern
      // whose part before the verb is its target alone ("- + * ASYLUM (BY
      // $)") takes that subject.
      // So too a pattern that names its source after the verb ("- + * CRITICISM
      // (FROM $)") in a clause that shares its subject: "Orban met Putin,
      // drawing criticism from EU leaders".
      const bool sourceAfter = std::any_of(pat.post.begin(), pat.post.end(),
                                           [](const PatternToken& x) { return x.kind == PatternTokenKind::kSource; });
      if (!ok && (passive ? readsPassive(pat) : sourceAfter) && c.subjectInherited && c.subject != kNoIndex &&
          pat.pre.size() == 1 && pat.pre[0].kind == PatternTokenKind::kTarget) {
        b.target = c.subject;
        ++b.matched;
        ok = true;
      }
      if (!ok) continue;
    }
    if (demandOnNeighbour(t, pat.code, b.target)) continue;
    if (!r.pattern || b.matched > r.binding.matched) {
      r.binding = b;
      r.pattern = &pat;
    }
  }
  r.code = r.pattern ? r.pattern->code : verb.code;
  return r;
}

// True when the pattern that read clause `c`'s verb named words of its
// infinitive's arguments ("- * WAR": "vowed to wage war on X"): the event is
// the one the complement describes, so those arguments are the event's.
bool patternReachesComplement(const SentenceParse& p, const Clause& c, const VerbReading& r) {
  if (!r.pattern || r.binding.lastWord == kNoIndex) return false;
  const auto w = static_cast<uint32_t>(r.binding.lastWord);
  for (uint32_t o : c.complementObjects)
    if (p.nps[o].span.first <= w && w < p.nps[o].span.last) return true;
  for (uint32_t pp : c.complementPps)
    if (p.pps[pp].span.first <= w && w < p.pps[pp].span.last) return true;
  return false;
}

// True when a coordinated subject with no target does `code` with itself
// ("Polish and Czech officials agreed to cooperate": each with the others).
bool mutualWithoutTarget(const MatchText& t, const Roles& r, const VerbReading& reading) {
  if (r.source == kNoIndex || r.target != kNoIndex) return false;
  if (!r.reciprocal && !isMutual(reading.code, reading.pattern != nullptr)) return false;
  if (!t.p.nps[r.source].members.empty()) return true;
  // One phrase naming two parties: "Armenian and Azerbaijani foreign ministers".
  std::vector<size_t> parties;
  t.entitiesOf(r.source, &parties);
  return parties.size() >= 2;
}

// "India and Canada expelled each other's diplomats", "accused one
// another": an object that opens with a reciprocal pronoun.
bool reciprocalObject(const MatchText& t, const Clause& c) {
  // "Armenia and Azerbaijan exchanged fire": what is exchanged goes both ways.
  if (words().exchangeVerbs.contains(t.p.vgs[c.verb].lemma) && !c.objects.empty()) return true;
  // "Armenia and Azerbaijan clashed": fighting with no one named fights each other.
  if (words().fightingVerbs.contains(t.p.vgs[c.verb].lemma) && c.objects.empty()) return true;
  for (uint32_t o : c.objects) {
    const auto& n = t.p.nps[o];
    if (n.span.last < n.span.first + 2) continue;
    const std::string& a = t.p.words[n.span.first].lower;
    const std::string& b = t.p.words[n.span.first + 1].lower;
    if ((a == "each" && (b == "other" || b == "other's")) || (a == "one" && (b == "another" || b == "another's")))
      return true;
  }
  return false;
}

// A clause's verb as the dictionaries read it, with its parties.
struct Choice {
  VerbReading reading;
  const VerbGroup* vg = nullptr;
  Roles roles;
};

// "dismissed the Catalan leader, X", "fired Defence Secretary X": a removal
// verb whose object is a person removes them from office (CAMEO 172)
// whatever the verb means with other objects ("dismissed the claim" 120,
// "fired rockets at X" 190); "fired his finance minister" removes the
// subject's own official: no event. A pattern that says more than "- * +"
// keeps its own code.
void removalSense(const MatchText& t, const Clause& c, const VerbGroup& vg, VerbReading* r) {
  const bool bareTarget = !r->pattern || (r->pattern->pre.empty() && r->pattern->post.size() == 1 &&
                                           r->pattern->post[0].kind == PatternTokenKind::kTarget);
  if (!t.isPerson || !bareTarget || !words().removalVerbs.contains(vg.lemma)) return;
  for (uint32_t o : c.objects) {
    std::vector<size_t> e;
    t.entitiesOf(static_cast<int32_t>(o), &e);
    if (e.empty() || !std::all_of(e.begin(), e.end(), t.isPerson)) continue;
    // "fired his finance minister, X": the subject's own official leaves an
    // office the subject gave; no event between two actors.
    const std::string& opener = t.p.words[t.p.nps[o].span.first].lower;
    const bool own = opener == "his" || opener == "her" || opener == "its" || opener == "their";
    r->code = own ? VerbCode{} : VerbCode{std::string(kRemovalCode), ""};
    r->pattern = nullptr;
    return;
  }
}

// "called Israel a terror state", "called the Indian strike an act of war":
// a naming verb whose second object follows the first characterises it.
// It denounces the first object (CAMEO 111) when the second holds a word of
// blame; otherwise it is no event, and never the telephone call that "- *
// +" reads for "called X".
// "calling the Iranian strike, which it said killed two children, a blatant
// violation": the phrase right after the comma that closes a relative
// clause on the naming verb's object, ending the sentence or a clause (a
// comma, a semicolon); kNoIndex when there is none.
int32_t complementAfterRelative(const SentenceParse& p, const NounPhrase& named) {
  const uint32_t comma = named.span.last;
  if (comma + 1 >= p.words.size() || p.words[comma].lower != ",") return kNoIndex;
  const std::string& opener = p.words[comma + 1].lower;
  if (opener != "which" && opener != "who" && opener != "whom") return kNoIndex;
  uint32_t close = comma + 2;
  while (close < p.words.size() && p.words[close].lower != "," && p.words[close].pos != syntax::Pos::kPunct) ++close;
  if (close >= p.words.size() || p.words[close].lower != ",") return kNoIndex;
  for (size_t k = 0; k < p.nps.size(); ++k) {
    const NounPhrase& n = p.nps[k];
    if (n.span.first != close + 1 || n.parent != kNoIndex) continue;
    const bool ends = n.span.last >= p.words.size() || p.words[n.span.last].pos == syntax::Pos::kPunct;
    return ends ? static_cast<int32_t>(k) : kNoIndex;
  }
  return kNoIndex;
}

void characterisationSense(const MatchText& t, const Clause& c, const VerbGroup& vg, VerbReading* r) {
  if (c.objects.empty() || !words().namingVerbs.contains(vg.lemma)) return;
  const NounPhrase& named = t.p.nps[c.objects[0]];
  // The second object follows the first; a bare adjective after the first
  // ("called the move provocative", "called the seizure illegal") is one
  // too. (Adverbs between, "called the strikes particularly alarming", were
  // tried: one more right edge on a tuning set, one more wrong edge on a
  // frozen one.)
  uint32_t from = named.span.last;
  uint32_t to = from;
  const int32_t afterRelative = complementAfterRelative(t.p, named);
  // A phrase of its own says what the object is called (else an adjective).
  bool secondObject = true;
  if (c.objects.size() >= 2 && t.p.nps[c.objects[1]].span.first == from) {
    to = t.p.nps[c.objects[1]].span.last;
  } else if (afterRelative != kNoIndex) {
    from = t.p.nps[afterRelative].span.first;
    to = t.p.nps[afterRelative].span.last;
  } else {
    secondObject = false;
    while (to < t.p.words.size() && t.p.words[to].pos == syntax::Pos::kAdjective) ++to;
    const bool ends = to == t.p.words.size() || t.p.words[to].pos == syntax::Pos::kPunct ||
                      t.p.words[to].pos == syntax::Pos::kCoordinator;
    if (to == from || !ends) return;
  }
  bool blame = false;
  for (uint32_t w = from; w < to && !blame; ++w) blame = words().characterisationBlame.contains(t.p.words[w].lemma);
  // A bare adjective of no blame leaves the verb's own reading.
  if (!blame && !secondObject) return;
  r->pattern = nullptr;
  r->binding = Binding{};
  r->code = blame ? VerbCode{std::string(kDenounceCode), ""} : VerbCode{};
  if (blame && t.namesActor(static_cast<int32_t>(c.objects[0]))) r->binding.target = static_cast<int32_t>(c.objects[0]);
}

// Clauses that code nothing whatever their verb says.
// True when clause `c` is the "that"-clause of an allegation noun ("over
// accusations that he had targeted X", "amid reports that Y attacked Z"):
// what someone alleges, which the text does not assert.
bool allegedContent(const SentenceParse& p, const Clause& c) {
  if (c.kind != syntax::ClauseKind::kSubordinate && c.kind != syntax::ClauseKind::kReported) return false;
  if (c.subordinator != "that" || c.subject == kNoIndex || c.subjectInherited) return false;
  const uint32_t first = p.nps[c.subject].span.first;
  return first >= 2 && p.words[first - 1].lower == "that" && words().allegationNouns.contains(p.words[first - 2].lower);
}

bool skipClause(const SentenceParse& p, const Clause& c) {
  if (c.verb >= p.vgs.size() || allegedContent(p, c)) return true;
  // A relative clause's inherited subject must stand right before it
  // ("groups supported by Tehran"), not be a guess from further away.
  return c.kind == syntax::ClauseKind::kRelative && c.subjectInherited && c.subject != kNoIndex &&
         p.vgs[c.verb].span.first > p.nps[c.subject].span.last + kMaxRelativeGap;
}

// True when an object of the clause has a noun: a bare adjective ("is
// inching nearer to accord") is no object that an infinitive could describe.
bool hasNounObject(const SentenceParse& p, const Clause& c) {
  return std::any_of(c.objects.begin(), c.objects.end(),
                     [&](uint32_t o) { return p.words[p.nps[o].head].pos != Pos::kAdjective; });
}

// True when the clause's object is a text its subject issues ("passed a
// resolution censuring Iran", "issued a statement condemning X"): what the
// text does after it is the subject's act.
bool hasDocumentObject(const SentenceParse& p, const Clause& c) {
  return std::any_of(c.objects.begin(), c.objects.end(),
                     [&](uint32_t o) { return words().documentNouns.contains(p.words[p.nps[o].head].lemma); });
}

// True when `vg` governs a "to" infinitive (a gerund describing its object,
// "depots belonging to X", leaves the object's own reading open).
bool hasInfinitive(const SentenceParse& p, const VerbGroup& vg) {
  return vg.complement != kNoIndex &&
         p.words[p.vgs[static_cast<size_t>(vg.complement)].span.first].pos == syntax::Pos::kTo;
}

// Hypotheticals ("if Tehran attacks US assets") are not events at all, nor
// what is in doubt ("It was not clear whether Estonia had expelled ...").
bool isHypothetical(const Clause& c) {
  return c.kind == syntax::ClauseKind::kSubordinate &&
         (c.subordinator == "if" || c.subordinator == "unless" || c.subordinator == "whether");
}

// True when an object of `c` names an act (act_nouns, attack_nouns,
// killing_nouns): "a retaliatory strike", "the raid".
bool objectNamesAct(const PhraseActors& t, const Clause& c) {
  for (uint32_t o : c.objects) {
    const std::string& head = t.p.words[t.p.nps[o].head].lemma;
    if (words().actNouns.contains(head) || words().attackNouns.contains(head) || words().killingNouns.contains(head))
      return true;
  }
  return false;
}

// "called off a retaliatory strike on Iran", "cancelled the raid": a clause
// whose verb calls off an act (cancel_verbs, or "call off") and whose
// object names one says the act did not happen: it codes nothing, and its
// parties are denied to other readers.
bool cancelsAct(const PhraseActors& t, const Clause& c) { return callsOff(t.p.vgs[c.verb]) && objectNamesAct(t, c); }

// True when phrase `np` points back at an act or at the decision to do
// it: "it", "them", "his decision", "the order".
bool namesActTakenBack(const SentenceParse& p, uint32_t np) {
  const syntax::Word& head = p.words[p.nps[np].head];
  return head.lower == "it" || head.lower == "them" || head.lemma == "order" ||
         words().decisionReferenceNouns.contains(head.lemma);
}

// True when conjunct `d` takes back an act named before it: "called them
// off", "cancelled it" (callsOff), "backtracked on his decision", "reversed
// the order" (reversal_verbs).
bool takesBackAct(const SentenceParse& p, const Clause& d) {
  const VerbGroup& vg = p.vgs[d.verb];
  const bool reverses = words().reversalVerbs.contains(vg.lemma);
  for (uint32_t o : d.objects) {
    if (!namesActTakenBack(p, o)) continue;
    // "called them off": the particle after the pronoun.
    const uint32_t after = p.nps[o].span.last;
    const bool offAfter = vg.lemma == "call" && after < p.words.size() && p.words[after].lower == "off";
    if (callsOff(vg) || offAfter || reverses) return true;
  }
  return reverses && std::any_of(d.pps.begin(), d.pps.end(), [&](uint32_t pp) {
           const int32_t np = p.pps[pp].np;
           return p.pps[pp].prep == "on" && np != kNoIndex && namesActTakenBack(p, static_cast<uint32_t>(np));
         });
}

// "Trump approved strikes on Iran but called them off", "approved
// airstrikes against Tehran but backtracked on his decision": a later
// conjunct of clause `ci`, with its subject, that takes the act back undoes
// the act `ci`'s object names; `ci` then codes nothing, as cancelsAct.
bool calledOffLater(const PhraseActors& t, uint32_t ci) {
  const SentenceParse& p = t.p;
  const Clause& c = p.clauses[ci];
  if (c.subject == kNoIndex || !objectNamesAct(t, c)) return false;
  for (uint32_t k = ci + 1; k < p.clauses.size(); ++k) {
    const Clause& d = p.clauses[k];
    if (d.kind == syntax::ClauseKind::kCoordinated && d.subject == c.subject && takesBackAct(p, d)) return true;
  }
  return false;
}

// The last resort for a verb with no target of its own and no infinitive
// of its own: the first actor among the arguments of the non-finite verb
// that describes its object ("signed an accord to supply Gondor",
// "cordoned off the roads leading into Mordor"), as PETRARCH takes the first
// actor of the verb phrase; kNoIndex when none. Places in "in" phrases stay
// out, as everywhere.
int32_t objectModifierActor(const MatchText& t, const Clause& c) {
  for (uint32_t o : c.complementObjects)
    if (t.namesActor(static_cast<int32_t>(o))) return static_cast<int32_t>(o);
  for (uint32_t pp : c.complementPps) {
    const auto& ph = t.p.pps[pp];
    if (ph.np != kNoIndex && words().addressPrepositions.contains(ph.prep) && t.namesActor(ph.np)) return ph.np;
  }
  return kNoIndex;
}

// The clause's verb, or the verb of its complement when the governing verb
// gives no event with both parties ("is about to restore", "agreed to impose
// sanctions on X"). Sets `*negated` when the clause says it did not happen.
std::optional<Choice> chooseVerb(const std::vector<const VerbDictionary*>& dicts, const MatchText& t, uint32_t ci,
                                 bool* negated) {
  const SentenceParse& p = t.p;
  const Clause& c = p.clauses[ci];
  std::optional<Choice> choice;
  bool negationPending = false;  // a governor without a reading was negated ("won't try to clash")
  for (int32_t vi = static_cast<int32_t>(c.verb), hops = 0; vi != kNoIndex && hops < 3;
       vi = p.vgs[vi].complement, ++hops) {
    // An infinitive after the verb's object belongs to that object ("praised
    // the agreement to end the mission"), unless the verb hands its object
    // the action ("urged Iran to stop"), or the object is a text whose
    // gerund says what the subject did by it ("a resolution censuring Iran").
    if (hops == 1 && hasNounObject(p, c) && !words().objectControlVerbs.contains(p.vgs[c.verb].lemma) &&
        !(hasDocumentObject(p, c) && p.words[p.vgs[vi].main].form == syntax::VerbForm::kGerund))
      break;
    auto r = readVerb(dicts, t, ci, p.vgs[vi]);
    if (r && vi == static_cast<int32_t>(c.verb)) removalSense(t, c, p.vgs[vi], &*r);
    if (r && vi == static_cast<int32_t>(c.verb)) characterisationSense(t, c, p.vgs[vi], &*r);
    // A negated verb codes only what a pattern that spells out the negation
    // says ("- &NEGATVAUXVRB * ..."): neither it nor its complement happened
    // otherwise ("does not intend to withdraw"). "offered no help to Iraq":
    // an object with "no" negates the verb too.
    const bool noObject = vi == static_cast<int32_t>(c.verb) &&
                          std::any_of(c.objects.begin(), c.objects.end(), [&](uint32_t o) {
                            return p.words[p.nps[o].span.first].lower == "no";
                          });
    const bool spelledOut = r && r->pattern && namesNegation(*r->hit.dict, *r->pattern);
    const bool deniesComplement =
        words().negatingGovernors.contains(p.vgs[vi].lemma) || conditionalRequirement(p.vgs[vi]);
    const bool denies = p.vgs[vi].negated || noObject || negationPending || counterfactual(p, p.vgs[vi]);
    // A negated governor that codes nothing itself leaves the decision to its
    // complement's patterns ("- UNEXPECTEDLY &NEGATVAUXVRB * ...":
    // "unexpectedly won't try to clash").
    const bool codesNothing = !r || (!r->pattern && r->code.isNull());
    if ((denies || deniesComplement) && !spelledOut && codesNothing && !noObject && p.vgs[vi].complement != kNoIndex) {
      negationPending = true;
      continue;
    }
    if (denies && !spelledOut) {
      *negated = true;
      return std::nullopt;
    }
    if (!r || r->code.isNull()) continue;
    Roles candidate = defaultRoles(t, ci, p.vgs[vi], r->hit.lastWord + 1,
                                   takesComplementTarget(r->code) || patternReachesComplement(p, c, *r),
                                   vi != static_cast<int32_t>(c.verb));
    // A compound after the verb ("- * WITH %": "agrees with A and B") is
    // what the subject acts on; before it ("- % HAVE *"), its members act
    // on each other.
    const bool compoundTarget = r->binding.compoundAfterVerb && candidate.source != kNoIndex;
    if (r->binding.source != kNoIndex && !compoundTarget) candidate.source = r->binding.source;
    // A passive's subject is what the act is done to ("X was killed with Y in
    // an American strike"): an active pattern's target after the verb ("- *
    // + (IN &AIRSTRIKE)") keeps its code but does not take the subject's place.
    const bool passiveSubjectTarget = (p.vgs[vi].voice == syntax::Voice::kPassive || p.vgs[vi].reducedPassive) &&
                                      vi == static_cast<int32_t>(c.verb) && candidate.target != kNoIndex &&
                                      candidate.target == c.subject && t.namesActor(candidate.target) &&
                                      r->pattern && patternTargetAfterVerb(*r->pattern);
    if (r->binding.target != kNoIndex && !passiveSubjectTarget) candidate.target = r->binding.target;
    if (r->binding.target == kNoIndex && demandOnNeighbour(t, r->code, candidate.target)) candidate.target = kNoIndex;
    // "- &AGREEMENT * (BY $)": "the deal was signed by X and Y": a pattern
    // that names the passive's subject as a thing leaves no target; the
    // agents may do the act with each other.
    if (r->pattern && readsThingPassive(*r->pattern) && candidate.target != kNoIndex && !t.namesActor(candidate.target))
      candidate.target = kNoIndex;
    // The subject of a "that"-clause is what a verb that is not one of
    // saying or judging acts on ("allowed that Mordor isn't a pleasant
    // place"); for "said that X ...", X is only what was said.
    if (candidate.target == kNoIndex && r->pattern) candidate.target = patternPointee(t, r->binding.lastWord);
    if (candidate.target == kNoIndex && !isSpeechVerb(p.vgs[vi].lemma))
      candidate.target = thatClauseSubject(t, ci);
    if (candidate.target == kNoIndex && vi == static_cast<int32_t>(c.verb)) candidate.reciprocal = reciprocalObject(t, c);
    // "The two countries agreed to a ceasefire": a pattern's act with no one
    // to act on ("- * (TO &CEASEFIRE)") is, between several parties and a
    // verb that is itself mutual, the verb's act with each other.
    if (candidate.target == kNoIndex && r->pattern && !mutualWithoutTarget(t, candidate, *r)) {
      VerbReading plain = *r;
      plain.code = r->hit.dict->verbs()[r->hit.form->verb].code;
      plain.pattern = nullptr;
      if (isMutual(plain.code, false) && mutualWithoutTarget(t, candidate, plain)) *r = std::move(plain);
    }
    const bool complete = candidate.source != kNoIndex &&
                          (candidate.target != kNoIndex || mutualWithoutTarget(t, candidate, *r));
    if (!choice || complete) choice = Choice{std::move(*r), &p.vgs[vi], candidate};
    if (complete) break;
  }
  if (choice && choice->roles.target == kNoIndex && !c.objects.empty() && !hasInfinitive(p, p.vgs[c.verb]) &&
      !mutualWithoutTarget(t, choice->roles, choice->reading))
    choice->roles.target = objectModifierActor(t, c);
  return choice;
}

// The kinds of act a phrase can name without its author (act_reference_nouns
// in data/english_coder_words.txt).
enum class ActKind : uint8_t { kNone, kAttack, kIntrusion, kCoercion, kForce, kRequest, kDecision, kStatement, kVisit };

// CAMEO 042: make a visit (its source is the visitor).
constexpr std::string_view kVisitCode = "042";

ActKind actKindOf(const MatchText& t, int32_t np) {
  const std::string& head = t.p.words[t.p.nps[np].head].lemma;
  if (words().intrusionReferenceNouns.contains(head)) return ActKind::kIntrusion;
  if (namesAttack(t, np)) return ActKind::kAttack;
  if (words().coercionReferenceNouns.contains(head)) return ActKind::kCoercion;
  if (words().forceReferenceNouns.contains(head)) return ActKind::kForce;
  if (words().requestReferenceNouns.contains(head)) return ActKind::kRequest;
  if (words().decisionReferenceNouns.contains(head)) return ActKind::kDecision;
  if (words().visitReferenceNouns.contains(head)) return ActKind::kVisit;
  if (words().statementReferenceNouns.contains(head)) return ActKind::kStatement;
  return ActKind::kNone;
}

// True when CAMEO `code` is an act of kind `k`.
bool actOfKind(std::string_view code, ActKind k) {
  const std::string_view root = code.substr(0, 2);
  switch (k) {
    // "condemned the attack" after a crowd stormed X: a riot is an attack
    // on what it storms.
    case ActKind::kAttack:
      return isAttackCode(code) || code == kRiotCode;
    case ActKind::kIntrusion:
      return isAttackCode(code) || code == kRiotCode || root == kCoerceRoot;
    case ActKind::kCoercion:
      return root == "16" || root == kCoerceRoot;
    case ActKind::kForce: return root == "15" || root == "13";
    case ActKind::kRequest: return root == "10" || root == "02" || root == "03";
    case ActKind::kDecision:
      return root != "01" && root != "02" && root != "10" && root != "11" && root != "12";
    case ActKind::kStatement: return root == "10" || root == "11" || root == "12" || root == "13";
    case ActKind::kVisit:
      return code == kVisitCode;
    case ActKind::kNone: return false;
  }
  return false;
}

// Sentences back (the current one is 0) from which a decision or a request
// may be taken up: "the move" two sentences on from the act is still that
// act; further on, other acts have been told.
constexpr size_t kNearActReach = 2;

// True when phrase `np` is written bare, its head ending it: "the decision",
// not "the decision to deport refugees" or "the ban on imports", which name
// an act of their own.
bool writtenBare(const MatchText& t, int32_t np) {
  const NounPhrase& n = t.p.nps[np];
  if (n.ofNp != kNoIndex || n.span.last != n.head + 1) return false;
  const size_t next = n.span.last;
  if (next >= t.p.words.size()) return true;
  const std::string& w = t.p.words[next].lower;
  return w != "to" && w != "on" && w != "against" && w != "by" && w != "of" && w != "for";
}

// True when `noun` names the act of `verb` ("announcement" of "announce",
// "decision" of "decide", "seizure" of "seize", "withdrawal" of
// "withdraw", "strike" of "strike"): the verb itself, -ment, -al, -ure for
// a final e, and the irregular nouns of data/english_coder_words.txt's
// derived_act_nouns ("decision=decide").
bool namesActOfVerb(std::string_view noun, std::string_view verb) {
  if (verb.size() < 3 || noun.size() < verb.size()) return false;
  // The same word: "struck ... the strikes", "raided ... the raids".
  if (noun == verb) return true;
  if (noun.starts_with(verb) && (noun.substr(verb.size()) == "ment" || noun.substr(verb.size()) == "al")) return true;
  if (verb.back() == 'e' && noun == std::string(verb.substr(0, verb.size() - 1)) + "ure") return true;
  return words().derivedActNouns.contains(std::string(noun) + "=" + std::string(verb));
}

// The doers of the latest act the last kNearActReach sentences told, coded
// or not (EarlierActs::told), whose object has the head of phrase `np`
// ("announced military drills" ... "condemned the drills"), or whose verb
// it names ("The US, Britain and France struck ..." ... "the strikes": all
// three); never the critic's own side. With the sentence it was told in;
// nullopt when there is none. (Any main act for "the decision", "OPEC agreed to cut output" ...
// "criticised the decision", was tried: one more wrong edge on a frozen
// held-out set and none more right.)
template <typename OwnSide>
std::optional<std::pair<std::vector<size_t>, size_t>> doersOfToldAct(const MatchText& t, int32_t np,
                                                                     const OwnSide& ownSide) {
  const std::string& head = t.p.words[t.p.nps[np].head].lemma;
  // This sentence's own acts count when told in an earlier clause ("Iran
  // seized a tanker, and Britain condemned the seizure"), nearest first.
  std::vector<const ToldAct*> told;
  for (auto it = t.ownTold.rbegin(); it != t.ownTold.rend(); ++it)
    if (it->clause < t.clause) told.push_back(&*it);
  for (auto it = t.earlier->told.rbegin(); it != t.earlier->told.rend(); ++it) {
    if (it->sentence >= t.earlier->sentence) continue;
    if (t.earlier->sentence > it->sentence + kNearActReach) break;
    told.push_back(&*it);
  }
  for (const ToldAct* it : told) {
    const bool sameNoun = std::find(it->objectHeads.begin(), it->objectHeads.end(), head) != it->objectHeads.end();
    const bool ofVerb =
        std::any_of(it->verbs.begin(), it->verbs.end(), [&](const std::string& v) { return namesActOfVerb(head, v); });
    if (!sameNoun && !ofVerb) continue;
    std::vector<size_t> doers;
    for (size_t doer : it->sources)
      if (!ownSide(doer) && std::find(doers.begin(), doers.end(), doer) == doers.end()) doers.push_back(doer);
    if (!doers.empty()) return std::make_pair(std::move(doers), it->sentence);
  }
  return std::nullopt;
}

// True when object `np` of clause `c` is a bare "it" or "this" that names
// no actor and that a naming verb judges ("Britain called it an act of
// piracy"): the act of the sentence before.
bool judgedPronoun(const MatchText& t, const Clause& c, int32_t np) {
  const NounPhrase& n = t.p.nps[np];
  if (n.span.last != n.span.first + 1 || t.earlier == nullptr || t.earlier->sentence == 0) return false;
  const std::string& w = t.p.words[n.span.first].lower;
  return (w == "it" || w == "this") && !t.namesActor(np) && words().namingVerbs.contains(t.p.vgs[c.verb].lemma);
}

// The authors of the act the sentence right before did: its done acts that
// were no words (actOfKind kDecision), else the doers of the last act it
// told that was no words; never `ownSide`'s. Empty when there is none.
template <typename OwnSide>
std::vector<size_t> authorsOfActBefore(const MatchText& t, const OwnSide& ownSide) {
  std::vector<size_t> authors;
  for (const EarlierAct& a : t.earlier->done)
    if (a.sentence + 1 == t.earlier->sentence && actOfKind(a.code, ActKind::kDecision) && !ownSide(a.source) &&
        std::find(authors.begin(), authors.end(), a.source) == authors.end())
      authors.push_back(a.source);
  for (auto it = t.earlier->told.rbegin(); it != t.earlier->told.rend() && authors.empty(); ++it) {
    if (it->sentence + 1 != t.earlier->sentence || it->verbs.empty() || words().speechVerbs.contains(it->verbs.front()))
      continue;
    for (size_t doer : it->sources)
      if (!ownSide(doer)) authors.push_back(doer);
  }
  return authors;
}

// "Iraq condemned the strikes as a violation of its sovereignty", "Venezuela
// denounced the expulsions", "Seoul welcomed the decision", after sentences
// that said whose they were: criticism, praise or rejection of an act the
// clause names without its author (no "by X", no victim that is an actor)
// is aimed at the author of the latest earlier act of that kind
// (actOfKind), other than the clause's source or its own side
// (EarlierActs::sameSide); a decision or a request only from the last
// kNearActReach sentences and written bare ("rejected the request"). When
// several did acts of that kind in that sentence ("The US, Britain and
// France struck ... Russia condemned the strikes"), each is an author.
// Words said ("the remarks") count only with `statements`. Empty when there
// is none.
std::vector<size_t> authorsOfNamedAct(const MatchText& t, const Clause& c, int32_t source, bool statements = true) {
  if (!t.earlier || (t.earlier->done.empty() && t.earlier->told.empty() && t.ownTold.empty())) return {};
  std::vector<size_t> critics;
  t.entitiesOf(source, &critics);
  auto ownSide = [&](size_t author) { return onSideOf(t, critics, author); };
  for (uint32_t o : c.objects) {
    const int32_t np = static_cast<int32_t>(o);
    // "Iran seized a tanker. Britain called it an act of piracy".
    if (judgedPronoun(t, c, np)) return authorsOfActBefore(t, ownSide);
    const ActKind kind = actKindOf(t, np);
    if (kind == ActKind::kNone || t.namesActor(np) || (kind == ActKind::kStatement && !statements)) continue;
    if (kind == ActKind::kAttack || kind == ActKind::kIntrusion) {
      if (writtenAttackAuthor(t, np) != kNoIndex) return {};
      const int32_t victim = t.p.nps[np].ofNp;
      if (victim != kNoIndex && t.namesActor(victim)) return {};
    } else if (!writtenBare(t, np)) {
      continue;
    }
    const EarlierAct* coded = nullptr;
    const auto& done = t.earlier->done;
    for (auto it = done.rbegin(); it != done.rend(); ++it) {
      if ((kind == ActKind::kDecision || kind == ActKind::kRequest || kind == ActKind::kStatement ||
           kind == ActKind::kVisit) &&
          t.earlier->sentence > it->sentence + kNearActReach)
        break;
      if (actOfKind(it->code, kind) && !ownSide(it->source)) {
        coded = &*it;
        break;
      }
    }
    // A later sentence's act no coder read ("announced military drills",
    // "agreed to cut output") is the nearer one.
    auto told = doersOfToldAct(t, np, ownSide);
    if (told && (!coded || told->second > coded->sentence)) return std::move(told->first);
    if (!coded) return {};
    std::vector<size_t> authors;
    for (const EarlierAct& a : done)
      if (a.sentence == coded->sentence && actOfKind(a.code, kind) && !ownSide(a.source) &&
          std::find(authors.begin(), authors.end(), a.source) == authors.end())
        authors.push_back(a.source);
    return authors;
  }
  return {};
}

// True when the clause asks for a release: one of its objects, or the phrase
// of one of its prepositional phrases ("called for the release of X"), is
// headed by "release" ("demanded the journalist's immediate release").
bool asksRelease(const MatchText& t, const Clause& c) {
  auto release = [&](int32_t np) { return np != kNoIndex && t.p.words[t.p.nps[np].head].lemma == "release"; };
  for (uint32_t o : c.objects)
    if (release(static_cast<int32_t>(o))) return true;
  for (uint32_t pp : c.pps)
    if (release(t.p.pps[pp].np)) return true;
  return false;
}

// Who holds the actors `freed` a clause asks released (asksRelease:
// "Conde's release"): the doers of the latest done seizure, detention,
// arrest or abduction (CAMEO 17, 181) of one of them told in the last
// kNearActReach sentences, never the asker's own side. Empty when there is
// none.
std::vector<size_t> holdersOfReleased(const MatchText& t, int32_t source, const std::vector<size_t>& freed) {
  std::vector<size_t> askers;
  t.entitiesOf(source, &askers);
  std::vector<size_t> holders;
  if (t.earlier == nullptr) return holders;
  const auto& done = t.earlier->done;
  size_t latest = 0;
  bool found = false;
  for (auto it = done.rbegin(); it != done.rend(); ++it) {
    if (t.earlier->sentence > it->sentence + kNearActReach) break;
    const bool holding = it->code.rfind(kCoerceRoot, 0) == 0 || it->code.rfind(kAbductCode, 0) == 0;
    if (!holding || onSideOf(t, askers, it->source)) continue;
    if (std::find(freed.begin(), freed.end(), it->target) == freed.end()) continue;
    if (found && it->sentence != latest) break;
    found = true;
    latest = it->sentence;
    if (std::find(holders.begin(), holders.end(), it->source) == holders.end()) holders.push_back(it->source);
  }
  return holders;
}

// Sentences back (the current one is 0) whose act an "also" passive repeats.
constexpr size_t kAlsoReach = 1;

// "His brother Laith was also sanctioned", "Sites in Lebanon were also hit":
// a passive with no agent that says "also" (or "as well", "too") repeats the
// latest done act of its CAMEO root told in the sentence before or earlier
// in this one: its doer is that act's, when that doer is not among the
// passive's own subjects. nullopt otherwise.
std::optional<size_t> alsoPassiveDoer(const MatchText& t, const Clause& c, const VerbGroup& vg, const VerbCode& code,
                                      int32_t target) {
  if (!t.earlier || vg.voice != syntax::Voice::kPassive || vg.reducedPassive || c.agent != kNoIndex) return std::nullopt;
  const auto& words = t.p.words;
  const size_t from = c.subject != kNoIndex ? t.p.nps[c.subject].span.last : vg.span.first;
  const size_t to = std::min<size_t>(words.size(), vg.span.last + 2);
  bool also = false;
  for (size_t w = from; w < to && !also; ++w) {
    const std::string& x = words[w].lower;
    also = x == "also" || x == "too" || (x == "as" && w + 1 < words.size() && words[w + 1].lower == "well");
  }
  if (!also || code.source.size() < 2) return std::nullopt;
  std::vector<size_t> victims;
  t.entitiesOf(target, &victims);
  const std::string_view root = std::string_view(code.source).substr(0, 2);
  const auto& done = t.earlier->done;
  for (auto it = done.rbegin(); it != done.rend(); ++it) {
    if (t.earlier->sentence > it->sentence + kAlsoReach) break;
    if (std::string_view(it->code).substr(0, 2) != root) continue;
    if (std::find(victims.begin(), victims.end(), it->source) != victims.end()) return std::nullopt;
    return it->source;
  }
  return std::nullopt;
}

// "Israeli jets struck Hamas positions and bombed Hezbollah positions": a
// conjunct sharing the subject of the clause before it is not done by that
// clause's objects. Adds to `denied` (may be null) the pairs of the earlier
// conjunct's object actors with `targets`, so that no reading of the nearest
// name before the verb as its subject stands.
void denyEarlierConjunctObjects(const MatchText& t, uint32_t ci, const std::vector<size_t>& targets,
                                std::vector<std::pair<size_t, size_t>>* denied) {
  const Clause& c = t.p.clauses[ci];
  if (!denied || targets.empty() || c.kind != syntax::ClauseKind::kCoordinated || !c.subjectInherited ||
      c.subject == kNoIndex)
    return;
  for (uint32_t k = ci; k-- > 0;) {
    const Clause& before = t.p.clauses[k];
    if (before.subject != c.subject) continue;
    std::vector<size_t> objects;
    for (uint32_t o : before.objects) t.entitiesOf(static_cast<int32_t>(o), &objects);
    std::vector<size_t> doers;
    t.entitiesOf(c.subject, &doers);
    for (size_t a : objects)
      if (std::find(doers.begin(), doers.end(), a) == doers.end())
        for (size_t b : targets)
          if (a != b) denied->emplace_back(a, b);
    return;
  }
}

// Adds to `denied` (may be null) the pairs of `source` with the victims of
// the attacks among clause `c`'s objects and prepositional phrases.
void denyAttackVictims(const MatchText& t, const Clause& c, int32_t source, std::vector<std::pair<size_t, size_t>>* denied) {
  if (!denied || source == kNoIndex) return;
  std::vector<int32_t> phrases(c.objects.begin(), c.objects.end());
  for (uint32_t pp : c.pps)
    if (t.p.pps[pp].np != kNoIndex) phrases.push_back(t.p.pps[pp].np);
  std::vector<size_t> from;
  t.entitiesOf(source, &from);
  for (int32_t x : phrases) {
    const int32_t attack = attackOfVictim(t, x);
    if (attack == kNoIndex) continue;
    std::vector<size_t> victims;
    t.entitiesOf(x == attack ? t.p.nps[attack].ofNp : x, &victims);
    for (size_t a : from)
      for (size_t v : victims) denied->emplace_back(a, v);
  }
}

// Appositions a coordinated phrase may carry before "and" ("on X, the
// leader of Y, and on Z"): words between the first phrase and "and".
constexpr uint32_t kCoordinationGap = 12;

// "imposed sanctions on Iran and on Syria", "on X, the leader of Y, and on
// his brother Z": a target in a prepositional phrase followed by "and" and
// the same preposition again; that phrase's actors are targets too
// (appended to `targets`, its phrase to `targetNps`). A comma-closed
// apposition may stand between the first phrase and "and".
void addCoordinatedPhrases(const MatchText& t, int32_t target, std::vector<size_t>* targets,
                           std::vector<int32_t>* targetNps) {
  if (target == kNoIndex || t.ppOf[target] == kNoIndex) return;
  const auto& first = t.p.pps[t.ppOf[target]];
  for (const auto& pp : t.p.pps) {
    if (pp.span.first <= first.span.last || pp.span.first > first.span.last + kCoordinationGap) continue;
    if (pp.prep != first.prep || pp.np == kNoIndex || pp.span.first == 0) continue;
    if (t.p.words[pp.span.first - 1].lower != "and") continue;
    // Between the phrases: nothing, or a comma-opened apposition closed by a comma before "and".
    const uint32_t andAt = pp.span.first - 1;
    if (andAt != first.span.last && !(t.p.words[first.span.last].lower == "," && andAt > first.span.last + 1 &&
                                      t.p.words[andAt - 1].lower == ","))
      continue;
    std::vector<size_t> more;
    t.entitiesOf(pp.np, &more);
    for (size_t e : more)
      if (std::find(targets->begin(), targets->end(), e) == targets->end()) {
        targets->push_back(e);
        targetNps->push_back(pp.np);
      }
    return;
  }
}

// "fired missiles at bases of the PKK and the YPG": the parse joins "bases
// of the PKK" with "the YPG", but a slot that took the owner after "of"
// ("(AT &TERRITORY) (OF +)") owns the bases of both: the names coordinated
// after the owning phrase are targets too.
void addCoordinatedOwners(const MatchText& t, int32_t target, std::vector<size_t>* targets,
                          std::vector<int32_t>* targetNps) {
  if (target == kNoIndex) return;
  const int32_t owned = t.p.nps[target].parent;
  if (owned == kNoIndex || t.p.nps[owned].ofNp != target) return;
  const int32_t list = t.p.nps[owned].parent;
  if (list == kNoIndex || t.p.nps[list].members.empty() ||
      t.p.nps[list].members.front() != static_cast<uint32_t>(owned))
    return;
  for (size_t i = 1; i < t.p.nps[list].members.size(); ++i) {
    // A name: capitalised words, "the" first, "of" and "'s" inside ("the
    // People's Protection Units", "the Democratic Party of Iranian Kurdistan").
    const NounPhrase& name = t.p.nps[t.p.nps[list].members[i]];
    bool bare = true;
    for (uint32_t w = name.span.first; w < name.span.last && bare; ++w) {
      const syntax::Word& word = t.p.words[w];
      bare = word.capitalised || word.pos == syntax::Pos::kPossessive || (w > name.span.first && word.lower == "of") ||
             (w == name.span.first && word.lower == "the");
    }
    if (!bare) continue;
    std::vector<size_t> more;
    t.entitiesOf(static_cast<int32_t>(t.p.nps[list].members[i]), &more);
    for (size_t e : more)
      if (std::find(targets->begin(), targets->end(), e) == targets->end()) {
        targets->push_back(e);
        targetNps->push_back(static_cast<int32_t>(t.p.nps[list].members[i]));
      }
  }
}

// "X was killed with Y in an American strike": in a passive attack, a
// person named in a "with" phrase of the verb suffered it too (a thing
// there is the weapon: "was struck with missiles").
void addCoVictims(const MatchText& t, const Clause& c, const VerbGroup& vg, std::string_view cameo, int32_t target,
                  std::vector<size_t>* targets, std::vector<int32_t>* targetNps) {
  const bool passive = vg.voice == syntax::Voice::kPassive || vg.reducedPassive;
  if (!passive || target != c.subject || !isAttackCode(cameo) || !t.isPerson) return;
  const size_t verbEnd = vg.span.last;
  for (uint32_t pp : c.pps) {
    const auto& ph = t.p.pps[pp];
    if (ph.prep != "with" || ph.np == kNoIndex || ph.span.first < verbEnd || !attachedToVerb(t, c, verbEnd, ph.span.first))
      continue;
    std::vector<size_t> named;
    t.entitiesOf(ph.np, &named);
    for (size_t e : named)
      if (t.isPerson(e) && std::find(targets->begin(), targets->end(), e) == targets->end()) {
        targets->push_back(e);
        targetNps->push_back(ph.np);
      }
  }
}

// "expelled 60 Russian diplomats over the poisoning of X", "recalled its
// envoy amid a row with Y": what a phrase of cause (cause_prepositions)
// names is why the clause's source acted, not whom it acted on; the pairs
// of `sources` with its actors go to `denied` (may be null), so that the
// relation rules do not read the nearest name as the target. Actors the
// clause's events did aim at (`targets`) stay.
void denyCauses(const MatchText& t, const Clause& c, const std::vector<size_t>& sources,
                const std::vector<size_t>& targets, std::vector<std::pair<size_t, size_t>>* denied) {
  if (!denied) return;
  for (uint32_t pi : c.pps) {
    const auto& ph = t.p.pps[pi];
    if (!words().causePrepositions.contains(ph.prep)) continue;
    std::vector<size_t> named;
    for (size_t k = 0; k < t.p.nps.size(); ++k)
      if (t.p.nps[k].span.first >= ph.span.first && t.p.nps[k].span.last <= ph.span.last)
        t.entitiesOf(static_cast<int32_t>(k), &named);
    for (size_t s : sources)
      for (size_t x : named)
        if (s != x && std::find(targets.begin(), targets.end(), x) == targets.end()) denied->emplace_back(s, x);
  }
}

// "condemned the coup in Niger": a seizure of power (coup_nouns) is done
// by the place's own rulers-to-be, so criticism of it with no author named
// is aimed at the state it happened in: the phrase after "in" right after
// the object, when it names one actor. kNoIndex otherwise.
int32_t coupPlace(const MatchText& t, const Clause& c) {
  for (uint32_t o : c.objects) {
    if (!words().coupNouns.contains(t.p.words[t.p.nps[o].head].lemma)) continue;
    for (uint32_t pi : c.pps) {
      const auto& ph = t.p.pps[pi];
      if (ph.prep != "in" || ph.span.first != t.p.nps[o].span.last || ph.np == kNoIndex) continue;
      std::vector<size_t> named;
      t.entitiesOf(ph.np, &named);
      if (named.size() == 1 && t.p.words[t.p.nps[ph.np].head].pos == syntax::Pos::kProperNoun) return ph.np;
    }
  }
  return kNoIndex;
}

// The events of clause `ci` as `choice` reads it, appended to `out`.
// `denied` (may be null) gets the pairs this reading rules out.
// True when phrase `np` names a crowd (crowd_heads, follower_heads), also
// counted ("thousands of supporters of X"): its force is a riot.
bool namesCrowd(const SentenceParse& p, int32_t np) {
  if (np == kNoIndex) return false;
  auto crowd = [&](int32_t k) {
    const std::string& head = p.words[p.nps[k].head].lemma;
    return words().crowdHeads.contains(head) || words().followerHeads.contains(head);
  };
  if (crowd(np)) return true;
  const int32_t of = p.nps[np].ofNp;
  return of != kNoIndex && words().quantityHeads.contains(p.words[p.nps[np].head].lemma) && crowd(of);
}

// The code of an act of plain force (190) by a crowd: a riot (145),
// "Sadr's followers stormed the Green Zone", as CAMEO codes storming
// buildings by demonstrators. Any other code is returned as it is.
std::string_view crowdRiot(const SentenceParse& p, std::string_view cameo, int32_t sourceNp) {
  return cameo == kPlainForceCode && namesCrowd(p, sourceNp) ? kRiotCode : cameo;
}

// Clause `c` with the arguments of `vg`, its verb or its complement's: a
// complement's objects and phrases stand in for the clause's own ("voted
// to condemn Russia's annexation of Crimea").
Clause judgedArguments(const SentenceParse& p, const Clause& c, const VerbGroup& vg) {
  Clause acted = c;
  if (&vg == &p.vgs[c.verb]) return acted;
  acted.objects = c.complementObjects;
  acted.pps = c.complementPps;
  return acted;
}

// The owner of an act an object of `c` names with a possessor and an "of"
// phrase: "Russia's annexation of Crimea", "Russia's treatment of Ukraine"
// are Russia's (the phrase binds no actor itself: np_binding.cpp binds
// owned heads only); kNoIndex when none.
int32_t judgedActOwner(const MatchText& t, const Clause& c) {
  const SentenceParse& p = t.p;
  for (uint32_t o : c.objects) {
    const NounPhrase& n = p.nps[o];
    if (n.ofNp == kNoIndex || t.namesActor(static_cast<int32_t>(o))) continue;
    const int32_t owner = writtenOwner(p, static_cast<int32_t>(o));
    if (owner != kNoIndex && owner != n.possessor && t.namesActor(owner)) return owner;
  }
  return kNoIndex;
}

void emitEvents(const MatchText& t, uint32_t ci, const Choice& choice, std::vector<CodedEvent>* out,
                std::vector<std::pair<size_t, size_t>>* denied) {
  const SentenceParse& p = t.p;
  const Clause& c = p.clauses[ci];
  Roles roles = choice.roles;
  const VerbCode& code = choice.reading.code;
  // Cooperation "against X" is with someone else, never with X: "the
  // Iraqis and Iranians cooperated in the fight against the Islamic State".
  if (isMutual(code) && roles.target != kNoIndex && t.ppOf[roles.target] != kNoIndex &&
      p.pps[t.ppOf[roles.target]].prep == "against")
    roles.target = kNoIndex;
  // Criticism of an attack is aimed at its author, never at its victim:
  // "condemned the attack on X" (nobody, unless "... by Y": Y).
  std::vector<size_t> earlierAuthors;  // an act named with no author: the ones read before
  const bool criticism = code.source.rfind(kCriticismRoot, 0) == 0;
  if (criticism && !words().attributingVerbs.contains(choice.vg->lemma)) {
    denyAttackVictims(t, c, roles.source, denied);
    if (roles.target != kNoIndex)
      if (const int32_t attack = attackOfVictim(t, roles.target); attack != kNoIndex)
        roles.target = attackAuthor(t, attack, roles.target);
    if (roles.target == kNoIndex) roles.target = judgedActOwner(t, judgedArguments(p, c, *choice.vg));
    if (roles.target == kNoIndex) earlierAuthors = authorsOfNamedAct(t, c, roles.source);
    if (roles.target == kNoIndex && earlierAuthors.empty()) roles.target = coupPlace(t, c);
  } else if (code.source.rfind(kPraiseRoot, 0) == 0 && roles.target != kNoIndex &&
             !words().attributingVerbs.contains(choice.vg->lemma)) {
    // Praise of an attack is praise of its author, never support for its
    // victim: "Hamas praised the attack on Israeli soldiers". Only an attack
    // the clause itself names as its object ("strikes on militias supported
    // by Iran": the militias' support is no praise of the strikes).
    const int32_t attack = attackOfVictim(t, roles.target);
    if (attack != kNoIndex &&
        std::find(c.objects.begin(), c.objects.end(), static_cast<uint32_t>(attack)) != c.objects.end()) {
      denyAttackVictims(t, c, roles.source, denied);
      roles.target = attackAuthor(t, attack, roles.target);
    }
  } else if (roles.target == kNoIndex && roles.source != kNoIndex &&
             (code.source.rfind(kPraiseRoot, 0) == 0 || code.source.rfind(kRejectRoot, 0) == 0)) {
    // Rejecting words said ("dismissed the criticism") is a rebuttal's
    // (coding/rebuttal.h: it answers the critic's state for a state).
    earlierAuthors = authorsOfNamedAct(t, c, roles.source, code.source.rfind(kRejectRoot, 0) != 0);
  }
  // "The attack was condemned by the United Nations", "the move was welcomed
  // by X": a passive whose subject is an act named without its author is
  // aimed at the author, as its object would be.
  const bool judging = criticism || code.source.rfind(kPraiseRoot, 0) == 0 || code.source.rfind(kRejectRoot, 0) == 0;
  const bool passive = choice.vg->voice == syntax::Voice::kPassive || choice.vg->reducedPassive;
  if (judging && passive && roles.source != kNoIndex && roles.target == c.subject && c.subject != kNoIndex &&
      !t.namesActor(c.subject) && actKindOf(t, c.subject) != ActKind::kNone) {
    Clause named = c;
    named.objects = {static_cast<uint32_t>(c.subject)};
    earlierAuthors = authorsOfNamedAct(t, named, roles.source);
    roles.target = kNoIndex;
  }
  // "Soldiers detained Conde ... ECOWAS demanded Conde's release": a demand
  // or appeal (CAMEO 02, 10) for the release of an actor an earlier act
  // seized or detained is addressed to the one who holds them
  // (holdersOfReleased), not to them. (Any release, with the latest holder
  // of anything as its target, was tried: one more wrong edge on a frozen
  // held-out set and none more right.)
  const bool appeal = code.source.rfind(kAppealRoot, 0) == 0 || code.source.rfind(kDemandRoot, 0) == 0;
  if (appeal && roles.source != kNoIndex && asksRelease(t, c)) {
    std::vector<size_t> freed;
    if (roles.target != kNoIndex) t.entitiesOf(roles.target, &freed);
    if (!freed.empty()) earlierAuthors = holdersOfReleased(t, roles.source, freed);
    if (!earlierAuthors.empty()) {
      roles.target = kNoIndex;
      // Nor do the rules read the one to be freed as the target.
      std::vector<size_t> askers;
      t.entitiesOf(roles.source, &askers);
      if (denied)
        for (size_t a : askers)
          for (size_t f : freed) denied->emplace_back(a, f);
    }
  }
  std::vector<size_t> sources, targets;
  std::vector<int32_t> sourceNps, targetNps;  // the member phrase naming each
  const std::optional<size_t> alsoDoer =
      roles.source == kNoIndex && roles.target != kNoIndex ? alsoPassiveDoer(t, c, *choice.vg, code, roles.target)
                                                           : std::nullopt;
  if (alsoDoer) {
    sources = {*alsoDoer};
    sourceNps = {kNoIndex};
    t.entitiesOf(roles.target, &targets, &targetNps);
  } else if (mutualWithoutTarget(t, roles, choice.reading)) {
    t.entitiesOf(roles.source, &sources, &sourceNps);
    targets = sources;
    targetNps = sourceNps;
  } else if (roles.source != kNoIndex && roles.target == kNoIndex && !earlierAuthors.empty()) {
    t.entitiesOf(roles.source, &sources, &sourceNps);
    targets = earlierAuthors;
    targetNps.assign(targets.size(), kNoIndex);
  } else {
    if (roles.source == kNoIndex || roles.target == kNoIndex) return;
    t.entitiesOf(roles.source, &sources, &sourceNps);
    t.entitiesOf(roles.target, &targets, &targetNps);
    addCoordinatedPhrases(t, roles.target, &targets, &targetNps);
    addCoordinatedOwners(t, roles.target, &targets, &targetNps);
    addCoVictims(t, c, *choice.vg, code.source, roles.target, &targets, &targetNps);
  }
  denyEarlierConjunctObjects(t, ci, targets, denied);
  if (demandsAnAct(t, code, roles.target)) return;
  // "..., Al-Muhandis, ordered by Trump": a demand in a reduced passive with
  // nothing demanded ("ordered by X to leave") qualifies an act written
  // before it, not the person it follows.
  if (code.source.rfind(kDemandRoot, 0) == 0 && c.kind == syntax::ClauseKind::kRelative && choice.vg->reducedPassive &&
      choice.vg->complement == kNoIndex)
    return;
  const VerbPattern* pattern = choice.reading.pattern;
  const Verb& verb = choice.reading.hit.dict->verbs()[choice.reading.hit.form->verb];
  const bool planned = isPlanned(p, c, *choice.vg);
  auto emit = [&](const std::string& cameo, const std::vector<size_t>& from, const std::vector<size_t>& to,
                  const std::vector<int32_t>& fromNps, const std::vector<int32_t>& toNps) {
    if (cameo.empty() || cameo == "---") return;
    for (size_t i = 0; i < from.size(); ++i)
      for (size_t j = 0; j < to.size(); ++j) {
        const size_t s = from[i], d = to[j];
        const int32_t fromNp = fromNps[i], toNp = toNps[j];
        if (s == d) continue;
        CodedEvent e;
        e.source = s;
        e.target = d;
        e.code = cameo;
        e.clause = ci;
        e.sourceNp = fromNp;
        e.targetNp = toNp;
        e.planned = planned;
        e.reported = c.kind == syntax::ClauseKind::kReported;
        e.byPattern = pattern != nullptr;
        e.dictionaryLine = pattern ? pattern->line : verb.line;
        out->push_back(std::move(e));
      }
  };
  emit(std::string(crowdRiot(p, code.source, roles.source)), sources, targets, sourceNps, targetNps);
  emit(code.target, targets, sources, targetNps, sourceNps);  // "[032:033]": the reverse event
  if (!code.source.empty() && code.source != "---") denyCauses(t, c, sources, targets, denied);
}

constexpr std::string_view kAccuseCode = "112";

// Events phrase `speaker` does by saying reported clause `ci` (blame,
// threat): `code` from each of its actors to each entity of `to` (named by
// phrase `targetNp`, kNoIndex when none is), never an actor to itself.
// Returns how many were added.
size_t addSaidEventsTo(const MatchText& t, uint32_t ci, int32_t speaker, const std::vector<size_t>& to,
                       int32_t targetNp, std::string_view code, bool planned, std::vector<CodedEvent>* out) {
  std::vector<size_t> from;
  t.entitiesOf(speaker, &from);
  size_t added = 0;
  for (size_t a : from)
    for (size_t b : to) {
      if (a == b) continue;
      CodedEvent e;
      e.source = a;
      e.target = b;
      e.code = std::string(code);
      e.clause = ci;
      e.sourceNp = speaker;
      e.targetNp = targetNp;
      e.planned = planned;
      e.reported = true;
      out->push_back(std::move(e));
      ++added;
    }
  return added;
}

// As addSaidEventsTo, to each actor of phrase `targetNp`; the speaker is the
// clause's own unless given.
size_t addSaidEvents(const MatchText& t, uint32_t ci, int32_t targetNp, std::string_view code, bool planned,
                     std::vector<CodedEvent>* out, int32_t speaker = kNoIndex) {
  if (speaker == kNoIndex) speaker = t.p.clauses[ci].speaker;
  std::vector<size_t> to;
  t.entitiesOf(targetNp, &to);
  return addSaidEventsTo(t, ci, speaker, to, targetNp, code, planned, out);
}

// The speaker of clause `ci` when it is reported speech: its own, or for a
// conjunct sharing the subject of a reported clause ("said Iran had made a
// big mistake and would pay for it") that clause's; kNoIndex otherwise.
int32_t reportedSpeaker(const SentenceParse& p, uint32_t ci) {
  const Clause& c = p.clauses[ci];
  if (c.kind == syntax::ClauseKind::kReported) return c.speaker;
  if (c.kind != syntax::ClauseKind::kCoordinated || !c.subjectInherited || c.subject == kNoIndex) return kNoIndex;
  for (uint32_t k = ci; k-- > 0;)
    if (p.clauses[k].kind == syntax::ClauseKind::kReported && p.clauses[k].subject == c.subject) return p.clauses[k].speaker;
  return kNoIndex;
}

// True when reported clause `ci` is what its speaker denies or dismisses
// ("Khamenei denied that Tehran was behind the attack"): said so as to be
// refuted, it blames no one.
bool deniedBySpeaker(const SentenceParse& p, uint32_t ci) {
  const Clause& c = p.clauses[ci];
  if (c.kind != syntax::ClauseKind::kReported || c.parent == kNoIndex) return false;
  return words().denyingVerbs.contains(p.vgs[p.clauses[static_cast<size_t>(c.parent)].verb].lemma);
}

// The speaker of a reported clause "Y was responsible for / behind Z"
// accuses Y (CAMEO 112), as "blamed Y for Z" does (blame_words); so does
// one of "Y had interfered in / violated Z" (wrongdoing_verbs), unless Y is
// the speaker's own side.
void blameBySaying(const MatchText& t, uint32_t ci, std::vector<CodedEvent>* out) {
  const SentenceParse& p = t.p;
  const Clause& c = p.clauses[ci];
  const int32_t speaker = reportedSpeaker(p, ci);
  if (speaker == kNoIndex || c.subject == kNoIndex || deniedBySpeaker(p, ci)) return;
  const VerbGroup& vg = p.vgs[c.verb];
  if (vg.negated || !t.namesActor(speaker) || !t.namesActor(c.subject)) return;
  // A killing named as the subject ("Soleimani assassination violated
  // international law") names its victim, not whom it accuses: not read
  // here. (An act's owner is its author: "the American steps interfered".)
  const bool killingSubject = words().killingNouns.contains(p.words[p.nps[c.subject].head].lemma);
  if (words().wrongdoingVerbs.contains(vg.lemma) && vg.voice == syntax::Voice::kActive && !killingSubject) {
    std::vector<size_t> speakers, doers;
    t.entitiesOf(speaker, &speakers);
    t.entitiesOf(c.subject, &doers);
    const bool ownSide = std::any_of(doers.begin(), doers.end(), [&](size_t d) { return onSideOf(t, speakers, d); });
    if (!ownSide) addSaidEvents(t, ci, c.subject, kAccuseCode, isPlanned(p, c, vg), out, speaker);
    return;
  }
  if (vg.lemma != "be") return;
  bool blames = false;
  for (uint32_t o : c.objects) blames = blames || words().blameWords.contains(p.words[p.nps[o].head].lower);
  for (uint32_t pp : c.pps) blames = blames || words().blameWords.contains(p.pps[pp].prep);
  if (!blames) return;
  addSaidEvents(t, ci, c.subject, kAccuseCode, isPlanned(p, c, vg), out, speaker);
}

// "Abbas Mousavi said the new sanctions were outrageous", "Seoul said the
// decision was regrettable": a reported clause "ACT be JUDGEMENT", whose
// subject names an act without its author and whose words after "be" hold
// a word of blame (characterisation_blame): the speaker criticises (111)
// the act's author, found as for "condemned the sanctions"
// (authorsOfNamedAct). True when it read so.
bool judgedActBySaying(const MatchText& t, uint32_t ci, std::vector<CodedEvent>* out) {
  const SentenceParse& p = t.p;
  const Clause& c = p.clauses[ci];
  const int32_t speaker = reportedSpeaker(p, ci);
  if (speaker == kNoIndex || c.subject == kNoIndex || !t.namesActor(speaker) || t.namesActor(c.subject) ||
      deniedBySpeaker(p, ci))
    return false;
  const VerbGroup& vg = p.vgs[c.verb];
  if (vg.lemma != "be" || vg.negated) return false;
  bool blame = false;
  for (uint32_t w = vg.span.last; w < p.words.size() && !blame; ++w) {
    if (p.words[w].pos == syntax::Pos::kPunct || p.words[w].pos == syntax::Pos::kCoordinator) break;
    blame = words().characterisationBlame.contains(p.words[w].lemma);
  }
  if (!blame) return false;
  Clause judged = c;  // the act named as the subject is what is judged
  judged.objects = {static_cast<uint32_t>(c.subject)};
  const std::vector<size_t> authors = authorsOfNamedAct(t, judged, speaker);
  return addSaidEventsTo(t, ci, speaker, authors, kNoIndex, kDenounceCode, false, out) > 0;
}

constexpr std::string_view kThreatCode = "130";
// CAMEO 13x: threaten.
constexpr std::string_view kThreatRoot = "13";

// True when clause `c` says its subject will pay, regret, be punished or
// face consequences (threat_predicates, threat_objects): a future or modal
// verb, not negated; "pay" and "face" with the words that make them a price.
bool foretellsPunishment(const SentenceParse& p, const Clause& c) {
  const VerbGroup& vg = p.vgs[c.verb];
  if (vg.negated || !speaksOfFuture(p, c) || !words().threatPredicates.contains(vg.lemma)) return false;
  if (vg.lemma == "punish") return vg.voice == syntax::Voice::kPassive;
  if (vg.lemma == "face") {
    for (uint32_t o : c.objects)
      if (words().threatObjects.contains(p.words[p.nps[o].head].lower)) return true;
    return false;
  }
  return vg.voice != syntax::Voice::kPassive;
}

// The last phrase among the objects of clauses [0, ci) that names an actor
// none of whose entities is in `exclude` (the first entity decides), or
// kNoIndex; with `subject` other than kNoIndex, only clauses of that subject.
int32_t lastObjectBefore(const MatchText& t, uint32_t ci, int32_t exclude, int32_t subject = kNoIndex) {
  std::vector<size_t> excluded;
  t.entitiesOf(exclude, &excluded);
  int32_t found = kNoIndex;
  for (uint32_t k = 0; k < ci; ++k) {
    if (subject != kNoIndex && t.p.clauses[k].subject != subject) continue;
    for (uint32_t o : t.p.clauses[k].objects) {
      std::vector<size_t> e;
      t.entitiesOf(static_cast<int32_t>(o), &e);
      if (!e.empty() && std::find(excluded.begin(), excluded.end(), e.front()) == excluded.end())
        found = static_cast<int32_t>(o);
    }
  }
  return found;
}

// Who "it" or "they" in a threat stands for: the last actor named as an
// object of an earlier clause of the sentence, other than the speaker
// ("Trump blamed Iran for the attack and warned that it would pay");
// kNoIndex when the subject is no such pronoun or nothing fits.
int32_t threatenedPronoun(const MatchText& t, uint32_t ci) {
  const SentenceParse& p = t.p;
  const Clause& c = p.clauses[ci];
  const NounPhrase& s = p.nps[c.subject];
  if (s.span.last != s.span.first + 1 || !isGroupPronoun(p.words[s.head].lower)) return kNoIndex;
  return lastObjectBefore(t, ci, c.speaker);
}

// The speaker of a reported clause "Y would pay / be punished / face
// consequences" threatens Y (CAMEO 130). True when events were added.
// "there would be consequences for X", "there will be a price to pay for
// X": an existential clause of the future whose object is a punishment
// (threat_objects) foretells it for the actor of its "for" phrase; that
// phrase, or kNoIndex.
int32_t punishedByExistential(const MatchText& t, const Clause& c) {
  const SentenceParse& p = t.p;
  if (c.subject == kNoIndex || p.words[p.nps[c.subject].head].lower != "there") return kNoIndex;
  const VerbGroup& vg = p.vgs[c.verb];
  if (vg.lemma != "be" || vg.negated || !speaksOfFuture(p, c)) return kNoIndex;
  // ("there would be no consequences": none foretold.)
  const bool punishment = std::any_of(c.objects.begin(), c.objects.end(), [&](uint32_t o) {
    return words().threatObjects.contains(p.words[p.nps[o].head].lower) && p.words[p.nps[o].span.first].lower != "no";
  });
  if (!punishment) return kNoIndex;
  for (uint32_t pp : c.pps)
    if (p.pps[pp].prep == "for" && p.pps[pp].np != kNoIndex && t.namesActor(p.pps[pp].np)) return p.pps[pp].np;
  return kNoIndex;
}

bool threatBySaying(const MatchText& t, uint32_t ci, std::vector<CodedEvent>* out) {
  const SentenceParse& p = t.p;
  const Clause& c = p.clauses[ci];
  const int32_t speaker = reportedSpeaker(p, ci);
  if (speaker == kNoIndex || c.subject == kNoIndex) return false;
  if (const int32_t punished = punishedByExistential(t, c); punished != kNoIndex && t.namesActor(speaker))
    return addSaidEvents(t, ci, punished, kThreatCode, false, out, speaker) > 0;
  if (!t.namesActor(speaker) || !foretellsPunishment(p, c)) return false;
  const int32_t threatened = t.namesActor(c.subject) ? static_cast<int32_t>(c.subject) : threatenedPronoun(t, ci);
  if (threatened == kNoIndex) return false;
  return addSaidEvents(t, ci, threatened, kThreatCode, false, out, speaker) > 0;
}

// "Hamas blamed Israel for the killing and vowed revenge": a threat with no
// target, in a conjunct that shares its subject with an earlier clause, is
// aimed at the last actor that clause's objects name (other than the one
// who threatens); kNoIndex when the clause has its own subject or nothing fits.
int32_t threatenedInEarlierConjunct(const MatchText& t, uint32_t ci, int32_t source) {
  const Clause& c = t.p.clauses[ci];
  if (!c.subjectInherited || c.subject == kNoIndex || source == kNoIndex) return kNoIndex;
  return lastObjectBefore(t, ci, source, c.subject);
}

// Sentences back from which an attack on the threatener's side may be what
// a threat with no target answers ("vowed to retaliate").
constexpr size_t kRetaliationReach = 3;
// CAMEO 138, threaten with military force: what a vow to retaliate is.
constexpr std::string_view kRetaliationCode = "138";

// True when an object of clause `c` is a retaliation ("countermeasures",
// "reprisals", "reciprocal measures"): what "would take" announces.
bool takesRetaliation(const MatchText& t, const Clause& c) {
  for (uint32_t o : c.objects) {
    const NounPhrase& n = t.p.nps[o];
    const std::string& head = t.p.words[n.head].lemma;
    if (words().retaliationObjects.contains(head)) return true;
    if (head != "measure") continue;
    for (uint32_t w = n.span.first; w < n.head; ++w)
      if (words().retaliationMeasureModifiers.contains(t.p.words[w].lower)) return true;
  }
  return false;
}

// True when clause `ci`, read as `choice`, threatens with no one named:
// a threat ("vowed revenge"), or a retaliation its source announces ("vowed
// to retaliate", "pledged to respond"; retaliation_verbs; "warned that it
// would take countermeasures": takesRetaliation), or an attack announced so
// ("vowed to strike back").
bool threatensNoOne(const MatchText& t, uint32_t ci, const Choice& choice) {
  if (choice.roles.target != kNoIndex || choice.roles.source == kNoIndex) return false;
  if (choice.reading.code.source.rfind(kThreatRoot, 0) == 0) return true;
  const SentenceParse& p = t.p;
  // Announced by a governing verb ("vowed to retaliate") or, in reported
  // speech, by the verb of the saying ("Moscow said it would respond").
  const Clause& c = p.clauses[ci];
  const bool reportedByAnnouncing = c.kind == syntax::ClauseKind::kReported && c.parent != kNoIndex &&
                                    words().announcingVerbs.contains(p.vgs[p.clauses[c.parent].verb].lemma);
  auto announced = [&](int32_t vi) {
    if (reportedByAnnouncing) return true;
    for (int32_t g = p.vgs[vi].governor, hops = 0; g != kNoIndex && hops < 3; g = p.vgs[g].governor, ++hops)
      if (words().announcingVerbs.contains(p.vgs[g].lemma)) return true;
    return false;
  };
  if (isAttackCode(choice.reading.code.source) && announced(static_cast<int32_t>(choice.vg - p.vgs.data())))
    return true;
  for (int32_t vi = static_cast<int32_t>(p.clauses[ci].verb), hops = 0; vi != kNoIndex && hops < 3;
       vi = p.vgs[vi].complement, ++hops) {
    if (words().retaliationVerbs.contains(p.vgs[vi].lemma) && announced(vi)) return true;
    if (words().retaliationTakingVerbs.contains(p.vgs[vi].lemma) && takesRetaliation(t, p.clauses[ci]) && announced(vi))
      return true;
  }
  return false;
}

// Threats of force (138) from each of `threateners` (named by `phrases`,
// index for index) to each of `targets` but itself, made in clause `ci`;
// the number added to `out`.
size_t addRetaliationThreats(const std::vector<size_t>& threateners, const std::vector<int32_t>& phrases,
                             const std::vector<size_t>& targets, uint32_t ci, bool reported,
                             std::vector<CodedEvent>* out) {
  size_t added = 0;
  for (size_t i = 0; i < threateners.size(); ++i)
    for (size_t a : targets) {
      if (a == threateners[i]) continue;
      CodedEvent e;
      e.source = threateners[i];
      e.target = a;
      e.code = std::string(kRetaliationCode);
      e.clause = ci;
      e.sourceNp = phrases[i];
      e.targetNp = kNoIndex;
      e.reported = reported;
      out->push_back(std::move(e));
      ++added;
    }
  return added;
}

// "US warplanes struck Houthi targets. The Houthis vowed to retaliate": a
// threat with no target is aimed at the authors of the latest attack,
// seizure or sanction (CAMEO 16-20) on the threatener or its side, told in the last
// kRetaliationReach sentences (EarlierActs::done). Adds the threats (138)
// to `out`; false when there is no such attack.
bool threatenAttackers(const MatchText& t, uint32_t ci, const Choice& choice, std::vector<CodedEvent>* out) {
  if (!t.earlier || !threatensNoOne(t, ci, choice)) return false;
  std::vector<size_t> threateners;
  std::vector<int32_t> phrases;
  t.entitiesOf(choice.roles.source, &threateners, &phrases);
  auto onSide = [&](size_t victim) { return onSideOf(t, threateners, victim); };
  std::vector<size_t> attackers;
  size_t at = SIZE_MAX;
  const auto& done = t.earlier->done;
  for (auto it = done.rbegin(); it != done.rend(); ++it) {
    if (t.earlier->sentence > it->sentence + kRetaliationReach) break;
    if (at != SIZE_MAX && it->sentence != at) break;
    const bool hostile = isAttackCode(it->code) || it->code.rfind(kCoerceRoot, 0) == 0 || it->code.rfind("16", 0) == 0;
    if (!hostile || !onSide(it->target) || onSide(it->source)) continue;
    at = it->sentence;
    if (std::find(attackers.begin(), attackers.end(), it->source) == attackers.end()) attackers.push_back(it->source);
  }
  if (attackers.empty()) return false;
  const bool reported = t.p.clauses[ci].kind == syntax::ClauseKind::kReported;
  addRetaliationThreats(threateners, phrases, attackers, ci, reported, out);
  return true;
}

// True when clause `c` says its subject, an act, will be answered: "the
// attack would not go unanswered" (a negated "go" and one of
// answered_act_adjectives after it), "the crime will be avenged" (a future
// passive of answered_act_verbs, not negated).
bool foretellsAnswer(const MatchText& t, const Clause& c) {
  const SentenceParse& p = t.p;
  const ActKind kind = c.subject == kNoIndex ? ActKind::kNone : actKindOf(t, c.subject);
  if ((kind != ActKind::kAttack && kind != ActKind::kIntrusion) || t.namesActor(c.subject)) return false;
  const VerbGroup& vg = p.vgs[c.verb];
  if (!speaksOfFuture(p, c)) return false;
  if (vg.lemma == "go" && vg.negated)
    return vg.span.last < p.words.size() && words().answeredActAdjectives.contains(p.words[vg.span.last].lower);
  return !vg.negated && vg.voice == syntax::Voice::kPassive && words().answeredActVerbs.contains(vg.lemma);
}

// "Germany blamed Russian military hackers for a cyberattack. Baerbock said
// the attack would not go unanswered": the targets of the latest accusation
// (CAMEO 11x) that `side` or its side made in the last kRetaliationReach
// sentences, other than `side` itself.
std::vector<size_t> blamedBySide(const MatchText& t, const std::vector<size_t>& side) {
  std::vector<size_t> blamed;
  if (!t.earlier) return blamed;
  auto onSide = [&](size_t e) { return onSideOf(t, side, e); };
  size_t at = SIZE_MAX;
  const auto& done = t.earlier->done;
  for (auto it = done.rbegin(); it != done.rend(); ++it) {
    if (t.earlier->sentence > it->sentence + kRetaliationReach) break;
    if (at != SIZE_MAX && it->sentence != at) break;
    if (it->code.rfind("11", 0) != 0 || !onSide(it->source) || onSide(it->target)) continue;
    at = it->sentence;
    if (std::find(blamed.begin(), blamed.end(), it->target) == blamed.end()) blamed.push_back(it->target);
  }
  return blamed;
}

// "Israel struck Iran's consulate ... Iran said the attack would not go
// unanswered": the speaker of a reported clause that foretells an answer to
// an act (foretellsAnswer) threatens the act's authors: those of the latest
// attack on the speaker's side (threatenAttackers), else those of the latest
// act of its kind the article told (authorsOfNamedAct). CAMEO 138. True
// when events were added.
bool answerVowedBySaying(const MatchText& t, uint32_t ci, std::vector<CodedEvent>* out) {
  const SentenceParse& p = t.p;
  const Clause& c = p.clauses[ci];
  const int32_t speaker = reportedSpeaker(p, ci);
  if (speaker == kNoIndex || !t.namesActor(speaker) || !foretellsAnswer(t, c)) return false;
  Choice vow;
  vow.vg = &p.vgs[c.verb];
  vow.roles.source = speaker;
  vow.reading.code.source = std::string(kRetaliationCode);
  if (threatenAttackers(t, ci, vow, out)) return true;
  Clause named = c;  // the act as an object of the saying, as "condemned the attack" names it
  named.objects = {static_cast<uint32_t>(c.subject)};
  std::vector<size_t> authors = authorsOfNamedAct(t, named, speaker);
  std::vector<size_t> from;
  std::vector<int32_t> phrases;
  t.entitiesOf(speaker, &from, &phrases);
  if (authors.empty()) authors = blamedBySide(t, from);
  return addRetaliationThreats(from, phrases, authors, ci, true, out) > 0;
}

// "Canada banned Russian ships. Moscow said it would respond": a
// retaliation no verb reading codes ("respond" alone, "respond with
// reciprocal measures") is still the announced answer threatenAttackers
// aims; the clause's own roles, with no actor addressed.
bool retaliationWithoutReading(const MatchText& t, uint32_t ci, std::vector<CodedEvent>* out) {
  // No act read yet that a retaliation could answer: nothing to work out.
  if (!t.earlier || t.earlier->done.empty()) return false;
  Choice bare;
  bare.vg = &t.p.vgs[t.p.clauses[ci].verb];
  bare.roles = defaultRoles(t, ci, *bare.vg, bare.vg->span.last, true, false);
  if (bare.roles.target != kNoIndex && t.namesActor(bare.roles.target)) return false;
  bare.roles.target = kNoIndex;
  return threatenAttackers(t, ci, bare, out);
}

// The parties of clause `ci`, which says something did not happen.
void denyParties(const MatchText& t, uint32_t ci, std::vector<std::pair<size_t, size_t>>* denied) {
  if (!denied) return;
  const VerbGroup& vg = t.p.vgs[t.p.clauses[ci].verb];
  const Roles r = defaultRoles(t, ci, vg, vg.span.last, true, false);
  std::vector<size_t> from, to;
  t.entitiesOf(r.source, &from);
  t.entitiesOf(r.target, &to);
  for (size_t a : from)
    for (size_t b : to)
      if (a != b) denied->emplace_back(a, b);
}

// "thanked Berlin for sending tanks", "criticised China for imposing
// tariffs": a crediting verb (crediting_verbs) whose complement is a gerund
// right after "for": the object did that act.
bool creditsForGerund(const SentenceParse& p, const VerbGroup& vg) {
  if (!words().creditingVerbs.contains(vg.lemma) || vg.complement == kNoIndex) return false;
  const VerbGroup& act = p.vgs[static_cast<size_t>(vg.complement)];
  const size_t first = act.span.first;
  return p.words[act.main].form == syntax::VerbForm::kGerund && first > 0 && p.words[first - 1].lower == "for";
}

// The acts causing verbs (causing_verbs: "prompting Pakistan to expel the
// Indian envoy", "forced Iran to release the tanker") say their objects did, appended to `out`: the
// infinitive read as a clause of its own, the object its subject, done as
// the causing verb was.
void codeCausedActs(const std::vector<const VerbDictionary*>& dicts, const SentenceParse& p, const NpActors& npActors,
                    const MatchText& t, std::vector<CodedEvent>* out, std::vector<std::pair<size_t, size_t>>* denied) {
  for (uint32_t ci = 0; ci < p.clauses.size(); ++ci) {
    const Clause& c = p.clauses[ci];
    if (skipClause(p, c) || isHypothetical(c) || c.objects.empty()) continue;
    const VerbGroup& vg = p.vgs[c.verb];
    if (!(words().causingVerbs.contains(vg.lemma) || creditsForGerund(p, vg)) || vg.negated ||
        vg.complement == kNoIndex || vg.voice != syntax::Voice::kActive || isPlanned(p, c, vg) ||
        !t.namesActor(static_cast<int32_t>(c.objects.front())))
      continue;
    SentenceParse q = p;
    Clause& d = q.clauses[ci];
    d.subject = static_cast<int32_t>(c.objects.front());
    d.subjectInherited = false;
    d.verb = static_cast<uint32_t>(vg.complement);
    d.objects = c.complementObjects;
    d.pps = c.complementPps;
    d.complementObjects.clear();
    d.complementPps.clear();
    d.agent = kNoIndex;
    VerbGroup& inf = q.vgs[static_cast<size_t>(vg.complement)];
    inf.governor = kNoIndex;
    inf.complement = kNoIndex;
    inf.modality = syntax::Modality::kNone;
    inf.tense = vg.tense;
    MatchText caused(q, npActors);
    caused.isPerson = t.isPerson;
    caused.earlier = t.earlier;
    caused.ownTold = t.ownTold;
    caused.clause = ci;
    // "forced Thaci to call off a meeting with Vucic": what it made them
    // call off did not happen.
    if (cancelsAct(caused, d) || callsOff(inf)) continue;
    bool negated = false;
    if (auto choice = chooseVerb(dicts, caused, ci, &negated); choice && !negated)
      emitEvents(caused, ci, *choice, out, denied);
  }
}

}  // namespace

std::vector<CodedEvent> EventCoder::code(const SentenceParse& p, const NpActors& npActors,
                                         std::vector<std::pair<size_t, size_t>>* denied,
                                         const std::function<bool(size_t)>& isPerson,
                                         const EarlierActs* earlier) const {
  std::vector<CodedEvent> out;
  MatchText t(p, npActors);
  t.isPerson = isPerson;
  t.earlier = earlier;
  // The acts this sentence tells count for its later clauses (doersOfToldAct).
  if (earlier) {
    EarlierActs own;
    rememberToldActs(p, npActors, earlier->sentence, &own);
    t.ownTold = std::move(own.told);
  }
  for (uint32_t ci = 0; ci < p.clauses.size(); ++ci) {
    t.clause = ci;
    const Clause& c = p.clauses[ci];
    if (skipClause(p, c)) continue;
    if (isHypothetical(c) || cancelsAct(t, c) || calledOffLater(t, ci)) {
      denyParties(t, ci, denied);
      continue;
    }
    if (threatBySaying(t, ci, &out) || answerVowedBySaying(t, ci, &out)) continue;
    bool negated = false;
    auto choice = chooseVerb(dictionaries_, t, ci, &negated);
    if (choice && choice->roles.target == kNoIndex && choice->reading.code.source.rfind(kThreatRoot, 0) == 0)
      choice->roles.target = threatenedInEarlierConjunct(t, ci, choice->roles.source);
    if (negated) denyParties(t, ci, denied);
    if (choice && !negated && threatenAttackers(t, ci, *choice, &out)) continue;
    if (!choice && !negated && retaliationWithoutReading(t, ci, &out)) continue;
    const size_t before = out.size();
    if (choice) emitEvents(t, ci, *choice, &out, denied);
    // "said Russia had violated the truce": a verb read with no party
    // besides its subject may still blame it.
    if (!negated && out.size() == before) blameBySaying(t, ci, &out);
    if (!negated && out.size() == before) judgedActBySaying(t, ci, &out);
  }
  codeCausedActs(dictionaries_, p, npActors, t, &out, denied);
  return out;
}

bool callsOff(const VerbGroup& vg) {
  return (vg.lemma == "call" && vg.particle == "off") || words().cancelVerbs.contains(vg.lemma);
}

void rememberToldActs(const SentenceParse& p, const NpActors& npActors, size_t sentence, EarlierActs* acts) {
  // The clauses' actors only: no word forms to build (EventCoder::code's
  // MatchText upper-cases every word).
  const PhraseActors t(p, npActors);
  for (uint32_t ci = 0; ci < p.clauses.size(); ++ci) {
    const Clause& c = p.clauses[ci];
    if (skipClause(p, c) || isHypothetical(c) || cancelsAct(t, c)) continue;
    const VerbGroup& vg = p.vgs[c.verb];
    if (vg.negated) continue;
    const int32_t doer = vg.voice == syntax::Voice::kPassive ? c.agent : c.subject;
    if (doer == kNoIndex || !t.namesActor(doer)) continue;
    ToldAct a;
    a.sentence = sentence;
    a.clause = ci;
    t.entitiesOf(doer, &a.sources);
    for (const auto* list : {&c.objects, &c.complementObjects})
      for (uint32_t o : *list) a.objectHeads.push_back(p.words[p.nps[o].head].lemma);
    for (int32_t g = static_cast<int32_t>(c.verb), hops = 0; g != kNoIndex && hops < 3; g = p.vgs[g].complement, ++hops)
      a.verbs.push_back(p.vgs[g].lemma);
    acts->told.push_back(std::move(a));
  }
}

}  // namespace kg::extract
