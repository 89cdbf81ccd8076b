#include "extract/coding/pronouns.h"

#include <algorithm>
#include <cctype>
#include <string_view>

#include "extract/coding/coder_lexicon.h"
#include "extract/syntax/pos_tagger.h"

namespace kg::extract {

namespace {

using syntax::kNoIndex;
using syntax::SentenceParse;

enum class PronounCase { kNone, kSubject, kObject };

PronounCase pronounCase(const SentenceParse& p, const syntax::NounPhrase& np) {
  if (np.span.last != np.span.first + 1 || !np.members.empty()) return PronounCase::kNone;
  const std::string_view w = p.words[np.span.first].lower;
  if (!isPersonPronoun(w)) return PronounCase::kNone;
  // "her" alone is an object ("told her"); before a noun it is a determiner
  // and then not a phrase of its own.
  return w == "he" || w == "she" ? PronounCase::kSubject : PronounCase::kObject;
}

// The one person phrase `np` names, if it names exactly one entity and that
// entity is a person.
std::optional<size_t> personOf(const NpActors& actors, size_t np, const std::function<bool(size_t)>& isPerson) {
  if (np >= actors.size()) return std::nullopt;
  // The one person a phrase names, beside the state or body of its title
  // ("French President Emmanuel Macron": Macron); none when it names two.
  std::optional<size_t> person;
  for (size_t e : actors[np]) {
    if (!isPerson(e)) continue;
    if (person) return std::nullopt;
    person = e;
  }
  return person;
}

// The clause whose own subject or object list holds phrase `np`.
int32_t clauseOf(const SentenceParse& p, int32_t np) {
  for (size_t ci = 0; ci < p.clauses.size(); ++ci) {
    const syntax::Clause& c = p.clauses[ci];
    if (c.subject == np && !c.subjectInherited) return static_cast<int32_t>(ci);
    for (uint32_t o : c.objects)
      if (static_cast<int32_t>(o) == np) return static_cast<int32_t>(ci);
    for (uint32_t o : c.complementObjects)
      if (static_cast<int32_t>(o) == np) return static_cast<int32_t>(ci);
  }
  return kNoIndex;
}

// The entity that is the subject of clause `ci` (for the binding condition).
std::optional<size_t> subjectEntity(const SentenceParse& p, const NpActors& actors, int32_t ci) {
  if (ci == kNoIndex) return std::nullopt;
  const int32_t s = p.clauses[ci].subject;
  if (s == kNoIndex || static_cast<size_t>(s) >= actors.size() || actors[s].empty()) return std::nullopt;
  return actors[s].front();
}

std::optional<size_t> subjectAntecedent(const SentenceParse& p, const NpActors& actors, size_t np,
                                        const std::function<bool(size_t)>& isPerson) {
  const uint32_t at = p.nps[np].span.first;
  int32_t bestSubject = kNoIndex;
  for (const syntax::Clause& c : p.clauses) {
    if (c.subject == kNoIndex || c.subjectInherited || static_cast<size_t>(c.subject) == np) continue;
    if (p.nps[c.subject].span.last > at || !personOf(actors, c.subject, isPerson)) continue;
    if (bestSubject == kNoIndex || p.nps[c.subject].span.first > p.nps[bestSubject].span.first) bestSubject = c.subject;
  }
  if (bestSubject != kNoIndex) return personOf(actors, bestSubject, isPerson);
  return std::nullopt;
}

// The nearest earlier person phrase of the sentence, skipping `exclude`.
std::optional<size_t> nearestPerson(const SentenceParse& p, const NpActors& actors, size_t np,
                                    const std::function<bool(size_t)>& isPerson, std::optional<size_t> exclude) {
  const uint32_t at = p.nps[np].span.first;
  std::optional<size_t> best;
  uint32_t bestAt = 0;
  for (size_t k = 0; k < p.nps.size(); ++k) {
    if (k == np || p.nps[k].span.last > at) continue;
    auto e = personOf(actors, k, isPerson);
    if (!e || (exclude && *e == *exclude)) continue;
    if (!best || p.nps[k].span.first >= bestAt) best = e, bestAt = p.nps[k].span.first;
  }
  return best;
}

// True when phrase `np` is "It" or "They" opening the sentence as the
// subject of its first clause.
bool openingGroupPronoun(const SentenceParse& p, size_t np) {
  const syntax::NounPhrase& n = p.nps[np];
  if (n.span.first != 0 || n.span.last != 1 || p.clauses.empty()) return false;
  return isGroupPronoun(p.words[0].lower) && p.clauses.front().subject == static_cast<int32_t>(np);
}

}  // namespace

bool isPersonPronoun(std::string_view w) { return w == "he" || w == "him" || w == "she" || w == "her"; }

bool isGroupPronoun(std::string_view w) { return w == "it" || w == "they"; }

void bindPersonPronouns(const SentenceParse& p, const DiscourseState& state, NpActors* actors) {
  if (!state.isPerson) return;
  for (size_t k = 0; k < p.nps.size() && k < actors->size(); ++k) {
    if (!(*actors)[k].empty()) continue;
    if (state.earlierGroup && openingGroupPronoun(p, k)) {
      (*actors)[k] = {*state.earlierGroup};
      continue;
    }
    const PronounCase pc = pronounCase(p, p.nps[k]);
    if (pc == PronounCase::kNone) continue;
    std::optional<size_t> e;
    if (pc == PronounCase::kSubject) {
      e = subjectAntecedent(p, *actors, k, state.isPerson);
      if (!e) e = nearestPerson(p, *actors, k, state.isPerson, std::nullopt);
      if (!e && !state.earlier.empty()) e = state.earlier.front();
    } else {
      const auto own = subjectEntity(p, *actors, clauseOf(p, static_cast<int32_t>(k)));
      e = nearestPerson(p, *actors, k, state.isPerson, own);
      for (size_t i = 0; !e && i < state.earlier.size(); ++i)
        if (!own || state.earlier[i] != *own) e = state.earlier[i];
    }
    if (e) (*actors)[k] = {*e};
  }
  // "accusing [him of corruption]": a phrase the parse opened with the
  // pronoun and closed after its "of" phrase is the pronoun's person.
  for (size_t k = 0; k < p.nps.size() && k < actors->size(); ++k) {
    const syntax::NounPhrase& n = p.nps[k];
    if (!(*actors)[k].empty() || n.ofNp == kNoIndex || n.head != n.span.first || !n.members.empty()) continue;
    if (!isPersonPronoun(p.words[n.head].lower)) continue;
    for (size_t j = 0; j < p.nps.size() && j < actors->size(); ++j)
      if (j != k && p.nps[j].span.first == n.head && p.nps[j].span.last == n.head + 1 && (*actors)[j].size() == 1) {
        (*actors)[k] = (*actors)[j];
        break;
      }
  }
}

void bindParticipleObjects(SentenceParse* parse, NpActors* actors) {
  SentenceParse& p = *parse;
  const EnglishCoderWords& words = englishCoderWords();
  for (const syntax::Clause& c : p.clauses) {
    if (c.kind != syntax::ClauseKind::kParticipial || !c.subjectInherited || c.parent == kNoIndex) continue;
    if (c.objects.empty()) continue;
    const uint32_t k = c.objects.front();
    if (k >= actors->size() || !(*actors)[k].empty()) continue;
    const syntax::NounPhrase n = p.nps[k];
    // The pronoun alone, or with the "of" phrase the parse kept inside its
    // phrase ("accusing [it of hostile actions]").
    const bool alone = n.span.last == n.span.first + 1 || (n.head == n.span.first && n.ofNp != kNoIndex);
    if (!alone || !n.members.empty()) continue;
    const std::string_view w = p.words[n.span.first].lower;
    if (w != "it" && w != "them") continue;
    const syntax::Clause& up = p.clauses[c.parent];
    std::vector<size_t> subject;
    entitiesNamed(p, *actors, up.subject, &subject);
    std::vector<size_t> found;
    for (uint32_t o : up.objects) {
      if (!found.empty()) break;
      entitiesNamed(p, *actors, static_cast<int32_t>(o), &found);
    }
    for (uint32_t pp : up.pps) {
      if (!found.empty()) break;
      const auto& ph = p.pps[pp];
      if (ph.np != kNoIndex && words.addressPrepositions.contains(ph.prep)) entitiesNamed(p, *actors, ph.np, &found);
    }
    std::erase_if(found, [&](size_t e) { return std::find(subject.begin(), subject.end(), e) != subject.end(); });
    if (found.empty() || (w == "it" && found.size() != 1)) continue;
    if (found.size() == 1) {
      (*actors)[k] = {found.front()};
      continue;
    }
    for (size_t e : found) addMember(&p, actors, k, n.span, e);
  }
}

void bindSpeakersOwnState(const SentenceParse& p, const DiscourseState& d,
                          const std::vector<std::pair<uint32_t, size_t>>& demonymStates, NpActors* actors) {
  if (!d.stateOf || !d.isPerson) return;
  for (const syntax::Clause& c : p.clauses) {
    if (c.kind != syntax::ClauseKind::kReported || c.subject == kNoIndex || c.subjectInherited || c.speaker == kNoIndex)
      continue;
    const auto k = static_cast<size_t>(c.subject);
    if (k >= actors->size() || !(*actors)[k].empty()) continue;
    const syntax::NounPhrase& n = p.nps[k];
    if (n.span.last != n.span.first + 2 || n.head != n.span.first + 1) continue;
    const std::string_view owner = p.words[n.span.first].lower;
    if (owner != "his" && owner != "her" && owner != "their") continue;
    if (!englishCoderWords().ownStateHeads.contains(p.words[n.head].lemma)) continue;
    const auto s = static_cast<size_t>(c.speaker);
    if (s >= actors->size()) continue;
    // The one person the speaker's phrase names ("Mexican Foreign Minister
    // Marcelo Ebrard" also names Mexico).
    std::optional<size_t> person;
    size_t persons = 0;
    for (size_t e : (*actors)[s])
      if (d.isPerson(e)) person = e, ++persons;
    if (persons != 1) continue;
    if (auto state = d.stateOf(*person)) {
      (*actors)[k] = {*state};
      continue;
    }
    const syntax::NounPhrase& speaker = p.nps[s];
    for (const auto& [w, state] : demonymStates)
      if (w >= speaker.span.first && w < speaker.span.last) {
        (*actors)[k] = {state};
        break;
      }
  }
}

void bindRelativeSubjectPronouns(const SentenceParse& p, NpActors* actors) {
  for (const syntax::Clause& c : p.clauses) {
    // With "which"/"whom", or none: "the sanctions it had imposed on Turkey".
    if (c.kind != syntax::ClauseKind::kRelative || c.subjectInherited || c.subject == kNoIndex ||
        c.parent == kNoIndex || (c.subordinator != "which" && c.subordinator != "whom" && !c.subordinator.empty()))
      continue;
    const auto k = static_cast<size_t>(c.subject);
    if (k >= actors->size() || !(*actors)[k].empty()) continue;
    const syntax::NounPhrase& n = p.nps[k];
    if (n.span.last != n.span.first + 1) continue;
    const std::string_view w = p.words[n.span.first].lower;
    if (w != "it" && w != "they") continue;
    // The pronoun right after the relative word, or opening the clause.
    if (!c.subordinator.empty() && (n.span.first == 0 || p.words[n.span.first - 1].lower != c.subordinator)) continue;
    const syntax::Clause& up = p.clauses[c.parent];
    if (up.subject == kNoIndex || static_cast<size_t>(up.subject) >= actors->size()) continue;
    // "it" never stands for a plural subject: "American F-16s struck
    // facilities used by X and groups it backs".
    const syntax::NounPhrase& host = p.nps[static_cast<size_t>(up.subject)];
    const std::string_view hostHead = p.words[host.head].lower;
    const bool countedModel = hostHead.size() > 2 && hostHead.back() == 's' &&
                              std::isdigit(static_cast<unsigned char>(hostHead[hostHead.size() - 2]));  // "F-16s"
    if (w == "it" && host.members.empty() && (syntax::isPluralNoun(p.words[host.head]) || countedModel)) continue;
    std::vector<size_t> subject;
    entitiesNamed(p, *actors, up.subject, &subject);
    if (subject.empty() || (w == "it" && subject.size() != 1)) continue;
    std::vector<size_t> about;
    for (uint32_t o : c.objects) entitiesNamed(p, *actors, static_cast<int32_t>(o), &about);
    if (std::any_of(subject.begin(), subject.end(),
                    [&](size_t e) { return std::find(about.begin(), about.end(), e) != about.end(); }))
      continue;
    (*actors)[k] = subject;
  }
}

namespace {

// The sentence's phrase indexes ordered by where they start (stable: a
// phrase before the ones nested in it).
std::vector<size_t> phrasesInTextOrder(const SentenceParse& p) {
  std::vector<size_t> order(p.nps.size());
  for (size_t k = 0; k < order.size(); ++k) order[k] = k;
  std::stable_sort(order.begin(), order.end(),
                   [&](size_t a, size_t b) { return p.nps[a].span.first < p.nps[b].span.first; });
  return order;
}

}  // namespace

std::vector<size_t> namedActors(const SentenceParse& p, const NpActors& actors) {
  std::vector<size_t> out;
  for (size_t k : phrasesInTextOrder(p)) {
    if (k >= actors.size() || actors[k].empty() || !p.nps[k].members.empty()) continue;
    const size_t e = actors[k].front();
    if (std::find(out.begin(), out.end(), e) == out.end()) out.push_back(e);
  }
  return out;
}

std::vector<size_t> namedActorsWhere(const SentenceParse& p, const NpActors& actors,
                                     const std::function<bool(size_t)>& keep) {
  std::vector<size_t> out;
  if (!keep) return out;
  for (size_t e : namedActors(p, actors))
    if (keep(e)) out.push_back(e);
  return out;
}

size_t countOf(std::string_view w) {
  static constexpr std::pair<std::string_view, size_t> kCounts[] = {
      {"both", 2}, {"two", 2}, {"three", 3}, {"four", 4}, {"five", 5}};
  for (const auto& [word, n] : kCounts)
    if (w == word) return n;
  return 0;
}

namespace {

enum class Counted { kNone, kPersons, kStates, kSides, kGroups };
// The count of "the groups": all those of the kind named, two or more.
constexpr size_t kAllNamed = SIZE_MAX;

// What phrase `k` counts and how many: "the two leaders" (persons, 2),
// "both countries" (states, 2). The count word opens the phrase, after "the"
// unless it is "both"; the head closes it; only modifiers stand between.
std::pair<Counted, size_t> countedPhrase(const SentenceParse& p, const NpActors& actors, size_t k) {
  const syntax::NounPhrase& n = p.nps[k];
  if (!actors[k].empty() || !n.members.empty() || n.possessor != kNoIndex || n.head + 1 != n.span.last)
    return {Counted::kNone, 0};
  size_t at = n.span.first;
  const bool both = p.words[at].lower == "both";
  if (!both && p.words[at].lower != "the") return {Counted::kNone, 0};
  const EnglishCoderWords& cw = englishCoderWords();
  // "The Guards accused the groups of ...": every group named just before
  // (two or more), uncounted.
  if (!both && n.head == at + 1 && cw.countedGroupHeads.contains(p.words[n.head].lower))
    return {Counted::kGroups, kAllNamed};
  const size_t count = both ? 2 : (at + 1 < n.head ? countOf(p.words[at + 1].lower) : 0);
  if (count == 0) return {Counted::kNone, 0};
  for (size_t x = at + (both ? 1 : 2); x < n.head; ++x)
    if (p.words[x].pos != syntax::Pos::kAdjective && p.words[x].pos != syntax::Pos::kNoun) return {Counted::kNone, 0};
  const EnglishCoderWords& w = englishCoderWords();
  const std::string& head = p.words[n.head].lower;
  if (w.countedPersonHeads.contains(head)) return {Counted::kPersons, count};
  if (w.countedStateHeads.contains(head)) return {Counted::kStates, count};
  if (w.countedSideHeads.contains(head)) return {Counted::kSides, count};
  if (w.countedGroupHeads.contains(head)) return {Counted::kGroups, count};
  return {Counted::kNone, 0};
}

// The actors of `named` of the kind counted, in order.
std::vector<size_t> ofKind(const std::vector<size_t>& named, Counted kind, const DiscourseState& state) {
  std::vector<size_t> out;
  for (size_t e : named) {
    const bool person = state.isPerson(e);
    const bool fits = kind == Counted::kPersons  ? person
                      : kind == Counted::kStates ? state.isState(e)
                      : kind == Counted::kGroups ? !person && !state.isState(e)
                                                 : !person;
    if (fits) out.push_back(e);
  }
  return out;
}

// The parties of the kind counted among `named`: exactly `count` of them, a
// side falling back to persons; empty otherwise.
std::vector<size_t> countedAmong(const std::vector<size_t>& named, Counted kind, size_t count,
                                 const DiscourseState& state) {
  std::vector<size_t> found = ofKind(named, kind, state);
  if (count == kAllNamed) return found.size() >= 2 ? found : std::vector<size_t>{};
  if (kind == Counted::kSides && found.size() != count) found = ofKind(named, Counted::kPersons, state);
  return found.size() == count ? found : std::vector<size_t>{};
}

}  // namespace

NamedParties namedParties(const SentenceParse& p, const NpActors& actors,
                          const std::vector<std::pair<uint32_t, size_t>>& demonymStates, uint32_t before) {
  struct At {
    uint32_t word;
    size_t entity;
    bool place;
  };
  std::vector<At> at;
  for (const auto& [w, e] : demonymStates) at.push_back({w, e, false});
  std::vector<bool> place(p.nps.size(), false);
  const WordSet& placePrepositions = englishCoderWords().countedPlacePrepositions;
  for (const auto& pp : p.pps)
    if (pp.np != kNoIndex && static_cast<size_t>(pp.np) < place.size() && placePrepositions.contains(pp.prep))
      place[pp.np] = true;
  for (size_t k = 0; k < p.nps.size() && k < actors.size(); ++k) {
    // A member of a place phrase is a place too ("in Paris and Berlin").
    const int32_t parent = p.nps[k].parent;
    const bool where = place[k] || (parent != kNoIndex && static_cast<size_t>(parent) < place.size() && place[parent]);
    if (!actors[k].empty() && p.nps[k].members.empty()) at.push_back({p.nps[k].span.first, actors[k].front(), where});
  }
  std::stable_sort(at.begin(), at.end(), [](const At& x, const At& y) { return x.word < y.word; });
  NamedParties out;
  auto addOnce = [](std::vector<size_t>* v, size_t e) {
    if (std::find(v->begin(), v->end(), e) == v->end()) v->push_back(e);
  };
  for (const At& x : at) {
    if (x.word >= before) continue;
    addOnce(&out.withPlaces, x.entity);
    if (!x.place) addOnce(&out.apart, x.entity);
  }
  return out;
}

void bindCountedParties(SentenceParse* parse, const DiscourseState& state,
                        const std::vector<std::pair<uint32_t, size_t>>& demonymStates, NpActors* actors) {
  if (!state.isPerson || !state.isState) return;
  SentenceParse& p = *parse;
  const size_t phrases = std::min(p.nps.size(), actors->size());
  for (size_t k = 0; k < phrases; ++k) {
    // (Not a structured binding: clang 14 cannot capture one in a lambda.)
    const std::pair<Counted, size_t> counting = countedPhrase(p, *actors, k);
    const Counted kind = counting.first;
    const size_t count = counting.second;
    if (kind == Counted::kNone) continue;
    const syntax::WordSpan span = p.nps[k].span;
    // The parties counted: those not named as a place first, then with the
    // places ("arrived in Baghdad and met X ... the two governments": the
    // host is a party).
    auto counted = [&](const std::vector<size_t>& without, const std::vector<size_t>& with) {
      std::vector<size_t> found = countedAmong(without, kind, count, state);
      return found.empty() ? countedAmong(with, kind, count, state) : found;
    };
    const NamedParties before = namedParties(p, *actors, demonymStates, span.first);
    std::vector<size_t> parties;
    // (All of them: those the sentence before named; in the same sentence,
    // "the re-emergence of Al Qaeda under the name of Islamic State, and
    // after that the militias took control ..." names no such set.)
    const bool here = count != kAllNamed && !ofKind(before.withPlaces, kind, state).empty();
    if (here) {
      parties = counted(before.apart, before.withPlaces);
    } else {
      const bool justBefore = state.acts.sentence > 0 && state.earlierPartiesAt == state.acts.sentence - 1;
      if (justBefore) parties = counted(state.earlierParties.apart, state.earlierParties.withPlaces);
    }
    // "The Guards accused the groups": all the groups but the one acting.
    if (count == kAllNamed)
      std::erase_if(parties, [&](size_t e) {
        return std::find(before.withPlaces.begin(), before.withPlaces.end(), e) != before.withPlaces.end();
      });
    if (count == kAllNamed && parties.size() < 2) continue;
    for (size_t e : parties) addMember(&p, actors, k, span, e);
  }
}

namespace {

// The one state the sentence right before this one named, if it named
// exactly one.
std::optional<size_t> soleStateJustBefore(const DiscourseState& state) {
  const bool justBefore = state.acts.sentence > 0 && state.earlierStatesAt == state.acts.sentence - 1;
  if (!justBefore || state.earlierStates.size() != 1) return std::nullopt;
  return state.earlierStates.front();
}

// True when phrase `k` is unbound and reads "the HEAD" with HEAD in `heads`
// ("the country", "the bloc").
bool unboundTheHead(const SentenceParse& p, const NpActors& actors, size_t k, const WordSet& heads) {
  const syntax::NounPhrase& n = p.nps[k];
  // "the country's": a possessive after the head too.
  const bool possessive = n.span.last == n.span.first + 3 && p.words[n.span.first + 2].pos == syntax::Pos::kPossessive;
  if (!actors[k].empty() || !n.members.empty() || (n.span.last != n.span.first + 2 && !possessive)) return false;
  return p.words[n.span.first].lower == "the" && heads.contains(p.words[n.span.first + 1].lower);
}

}  // namespace

void bindTitledRoles(const SentenceParse& p, const DiscourseState& state, NpActors* actors) {
  if (state.titled.empty()) return;
  for (size_t k = 0; k < p.nps.size() && k < actors->size(); ++k) {
    const syntax::NounPhrase& n = p.nps[k];
    if (!(*actors)[k].empty() || !n.members.empty() || n.span.last < n.span.first + 2 || n.head + 1 != n.span.last ||
        p.words[n.span.first].lower != "the")
      continue;
    bool lower = true;
    for (size_t w = n.span.first + 1; w < n.span.last; ++w) lower = lower && !p.words[w].capitalised;
    if (!lower) continue;
    std::optional<size_t> who;
    bool several = false;
    for (const auto& [entity, words] : state.titled) {
      if (words.empty() || words.back() != p.words[n.head].lower) continue;
      bool all = true;
      for (size_t w = n.span.first + 1; w + 1 < n.span.last && all; ++w)
        all = std::find(words.begin(), words.end(), p.words[w].lower) != words.end();
      if (!all) continue;
      if (who && *who != entity) several = true;
      who = entity;
    }
    if (who && !several) (*actors)[k] = {*who};
  }
}

void rememberTitle(size_t person, std::string_view title, DiscourseState* state) {
  if (title.empty() || !state->isPerson || !state->isPerson(person)) return;
  std::vector<std::string> words;
  size_t at = 0;
  while (at < title.size()) {
    const size_t end = std::min(title.find(' ', at), title.size());
    if (end > at) {
      std::string w(title.substr(at, end - at));
      for (char& ch : w) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
      words.push_back(std::move(w));
    }
    at = end + 1;
  }
  state->titled.emplace_back(person, std::move(words));
}

namespace {

// "France withdrew its troops from Mali, accusing the country's military
// rulers": of the two states `before`, the one the first clause's subject
// (or a person subject's state: "Macron announced that France ...") is not,
// when "the country" at phrase `k` owns a phrase after it; nullopt else.
std::optional<size_t> stateTheSubjectIsNot(const SentenceParse& p, const DiscourseState& state, const NpActors& actors,
                                           size_t k, const std::vector<size_t>& before) {
  if (p.clauses.empty() || p.clauses.front().subject == kNoIndex) return std::nullopt;
  std::vector<size_t> subject = actors[static_cast<size_t>(p.clauses.front().subject)];
  for (size_t i = 0, n0 = subject.size(); i < n0 && state.stateOf; ++i)
    if (auto own = state.stateOf(subject[i])) subject.push_back(*own);
  std::vector<size_t> other;
  for (size_t e : before)
    if (std::find(subject.begin(), subject.end(), e) == subject.end()) other.push_back(e);
  const bool owns = std::any_of(p.nps.begin(), p.nps.end(),
                                [&](const syntax::NounPhrase& o) { return o.possessor == static_cast<int32_t>(k); });
  if (other.size() != 1 || !owns) return std::nullopt;
  return other.front();
}

// The role and member phrases the phrase at `k` owns ("the country's
// military rulers", "14 members of the group") that binding left unbound
// (it gave owners before "the country" / "the group" was bound), and the
// phrases around them with the same head ("... of obstruction"), stand for
// the actor `k` was bound to.
void lendToOwnedRoles(const SentenceParse& p, size_t k, NpActors* actors) {
  const auto& w = englishCoderWords();
  for (size_t j = 0; j < p.nps.size() && j < actors->size(); ++j) {
    const auto& n = p.nps[j];
    const std::string& head = p.words[n.head].lemma;
    const bool owns = n.possessor == static_cast<int32_t>(k) || n.ofNp == static_cast<int32_t>(k);
    if (!owns || !(*actors)[j].empty() || !(w.roleHeads.contains(head) || w.memberHeads.contains(head))) continue;
    (*actors)[j] = (*actors)[k];
    for (size_t up = 0; up < p.nps.size() && up < actors->size(); ++up)
      if (up != j && p.nps[up].head == p.nps[j].head && (*actors)[up].empty() &&
          p.nps[up].span.first <= p.nps[j].span.first && p.nps[j].span.last <= p.nps[up].span.last)
        (*actors)[up] = (*actors)[k];
  }
}

}  // namespace

void bindTheCountry(const SentenceParse& p, const DiscourseState& state, NpActors* actors) {
  if (!state.isState) return;
  const EnglishCoderWords& w = englishCoderWords();
  for (size_t k = 0; k < p.nps.size() && k < actors->size(); ++k) {
    if (!unboundTheHead(p, *actors, k, w.theCountryHeads)) continue;
    const syntax::NounPhrase& n = p.nps[k];
    std::vector<size_t> before;
    for (size_t j = 0; j < p.nps.size() && j < actors->size(); ++j) {
      if (j == k || p.nps[j].span.first >= n.span.first || (*actors)[j].empty() || !p.nps[j].members.empty()) continue;
      const size_t e = (*actors)[j].front();
      if (state.isState(e) && std::find(before.begin(), before.end(), e) == before.end()) before.push_back(e);
    }
    if (before.size() == 1) {
      (*actors)[k] = {before.front()};
    } else if (auto earlier = soleStateJustBefore(state); before.empty() && earlier) {
      (*actors)[k] = {*earlier};
    } else if (before.empty() && state.earlierSubjectState && state.acts.sentence > 0 &&
               state.earlierStatesAt == state.acts.sentence - 1) {
      // Of several states the sentence before named, a subject "the
      // kingdom" goes on with the one that was its subject.
      bool subject = false;
      for (const auto& c : p.clauses) subject = subject || c.subject == static_cast<int32_t>(k);
      if (subject) (*actors)[k] = {*state.earlierSubjectState};
    } else if (before.size() == 2) {
      if (auto other = stateTheSubjectIsNot(p, state, *actors, k, before)) (*actors)[k] = {*other};
    }
    if (!(*actors)[k].empty()) lendToOwnedRoles(p, k, actors);
  }
}

namespace {

// The states phrase `k` names ("the British ambassador", "Iran's charge
// d'affaires": the envoy's state).
void statesOf(const SentenceParse& p, const NpActors& actors, const DiscourseState& state, int32_t k,
              std::vector<size_t>* out) {
  if (k == kNoIndex || static_cast<size_t>(k) >= actors.size()) return;
  for (size_t e : actors[static_cast<size_t>(k)])
    if (state.isState(e) && std::find(out->begin(), out->end(), e) == out->end()) out->push_back(e);
  for (uint32_t m : p.nps[static_cast<size_t>(k)].members) statesOf(p, actors, state, static_cast<int32_t>(m), out);
}

// "The foreign ministry summoned the British ambassador", "the Foreign
// Office summoned Iran's charge d'affaires": a clause subject written as a
// ministry with no state (bare_ministry_heads, only "the" and modifiers
// before it) is that of the one state left, among those the subjects of the
// sentence's main clauses name (not a reported one's: "X said Israel would
// be punished, and the foreign ministry ..."; else those of the last
// sentence that named any,
// when it is the one right before), once the states its clause acts on
// (the envoy's) are set aside. Nothing when none or several are left.
void bindBareMinistries(const SentenceParse& p, const DiscourseState& state, NpActors* actors) {
  const EnglishCoderWords& w = englishCoderWords();
  for (const syntax::Clause& c : p.clauses) {
    if (c.subject == kNoIndex || c.subjectInherited || static_cast<size_t>(c.subject) >= actors->size()) continue;
    const auto k = static_cast<size_t>(c.subject);
    const syntax::NounPhrase& n = p.nps[k];
    if (!(*actors)[k].empty() || !n.members.empty() || n.possessor != kNoIndex || n.ofNp != kNoIndex ||
        !w.bareMinistryHeads.contains(p.words[n.head].lemma) || n.head == n.span.first)
      continue;
    bool plain = p.words[n.span.first].lower == "the";
    for (size_t x = n.span.first + 1; x < n.head && plain; ++x)
      plain = p.words[x].pos == syntax::Pos::kAdjective || p.words[x].pos == syntax::Pos::kNoun ||
              p.words[x].pos == syntax::Pos::kProperNoun;
    if (!plain) continue;
    std::vector<size_t> actedOn;
    for (uint32_t o : c.objects) statesOf(p, *actors, state, static_cast<int32_t>(o), &actedOn);
    auto left = [&](std::vector<size_t> states) {
      std::erase_if(states, [&](size_t e) { return std::find(actedOn.begin(), actedOn.end(), e) != actedOn.end(); });
      return states;
    };
    std::vector<size_t> own;
    for (const syntax::Clause& other : p.clauses)
      if (other.subject != c.subject && other.parent == kNoIndex &&
          (other.kind == syntax::ClauseKind::kMain || other.kind == syntax::ClauseKind::kCoordinated))
        statesOf(p, *actors, state, other.subject, &own);
    std::vector<size_t> found = left(own);
    const bool justBefore = state.acts.sentence > 0 && state.earlierStatesAt == state.acts.sentence - 1;
    if (own.empty() && justBefore) found = left(state.earlierStates);
    if (found.size() == 1) (*actors)[k] = {found.front()};
  }
}

}  // namespace

namespace {

// The armed groups and organisations (state.isGroup) phrases before phrase
// `k` name, each once ("raided a Kata'ib Hezbollah headquarters and detained
// 14 members of the group"); phrases naming several actors count for none.
std::vector<size_t> groupsNamedBefore(const SentenceParse& p, const NpActors& actors, const DiscourseState& state,
                                      size_t k) {
  std::vector<size_t> found;
  if (!state.isGroup) return found;
  for (size_t j = 0; j < p.nps.size() && j < actors.size(); ++j) {
    if (j == k || p.nps[j].span.first >= p.nps[k].span.first || actors[j].size() != 1) continue;
    const size_t e = actors[j].front();
    if (state.isGroup(e) && std::find(found.begin(), found.end(), e) == found.end()) found.push_back(e);
  }
  return found;
}

// True when the words of `n` before its head are only an opening "the" and
// adjectives (with `nouns`, nouns too), none a non-state word
// (non_state_modifiers: "rebel soldiers", "opposition lawmakers").
bool stateModifiersOnly(const SentenceParse& p, const syntax::NounPhrase& n, bool nouns) {
  const EnglishCoderWords& w = englishCoderWords();
  for (size_t x = n.span.first; x < n.head; ++x) {
    const auto& word = p.words[x];
    if (x == n.span.first && word.lower == "the") continue;
    if (w.nonStateModifiers.contains(word.lower)) return false;
    if (word.pos != syntax::Pos::kAdjective && !(nouns && word.pos == syntax::Pos::kNoun)) return false;
  }
  return true;
}

}  // namespace

void bindBareAgents(const SentenceParse& p, const DiscourseState& state, NpActors* actors) {
  if (!state.isState) return;
  bindBareMinistries(p, state, actors);
  const EnglishCoderWords& w = englishCoderWords();
  auto bareAgent = [&](size_t k) {
    const syntax::NounPhrase& n = p.nps[k];
    if (!(*actors)[k].empty() || !n.members.empty() || n.possessor != kNoIndex || n.ofNp != kNoIndex) return false;
    const auto& head = p.words[n.head];
    const bool force = head.lemma == "force" && n.head > n.span.first &&
                       w.bareForceModifiers.contains(p.words[n.head - 1].lower);
    if (!force && !w.bareAgentHeads.contains(head.lemma)) return false;
    return stateModifiersOnly(p, n, true);
  };
  // "Parliament impeached President X", "The army ousted President Y": a
  // body acting on a person the dictionary gives a state is that state's own
  // (domestic_body_heads: courts, parliaments, prosecutors act on their
  // state's people); the state of the clause's first object that is such a
  // person, or nullopt.
  auto objectPersonState = [&](const syntax::Clause& c) -> std::optional<size_t> {
    if (!state.isPerson || !state.stateOf) return std::nullopt;
    for (uint32_t o : c.objects) {
      // A coordinated object ("President X and Y"): its first member naming a person.
      std::vector<uint32_t> parts = p.nps[o].members.empty() ? std::vector<uint32_t>{o} : p.nps[o].members;
      for (uint32_t q : parts)
        if (q < actors->size() && (*actors)[q].size() == 1 && state.isPerson((*actors)[q].front()))
          return state.stateOf((*actors)[q].front());
    }
    return std::nullopt;
  };
  auto domesticBody = [&](size_t k) {
    const syntax::NounPhrase& n = p.nps[k];
    if (!(*actors)[k].empty() || !n.members.empty() || n.possessor != kNoIndex || n.ofNp != kNoIndex) return false;
    return w.domesticBodyHeads.contains(p.words[n.head].lemma) && stateModifiersOnly(p, n, false);
  };
  for (const syntax::Clause& c : p.clauses) {
    if (c.subject == kNoIndex || c.subjectInherited || static_cast<size_t>(c.subject) >= actors->size()) continue;
    const auto k = static_cast<size_t>(c.subject);
    if (!bareAgent(k)) {
      if (domesticBody(k))
        if (const auto own = objectPersonState(c)) (*actors)[k] = {*own};
      continue;
    }
    // The clause's own objects are what the agent acts on, not its state
    // ("The government accused France of hostile remarks"); an owner inside
    // one still may be ("Soldiers detained Guinea's interim president").
    auto objectOfClause = [&](size_t j) {
      for (uint32_t o : c.objects)
        if (o == j || p.nps[o].head == p.nps[j].head) return true;  // ("France of hostile remarks": its head phrase)
      return false;
    };
    std::vector<size_t> states;
    for (size_t j = 0; j < p.nps.size() && j < actors->size(); ++j) {
      if (j == k || !p.nps[j].members.empty() || objectOfClause(j)) continue;
      for (size_t e : (*actors)[j])
        if (state.isState(e) && std::find(states.begin(), states.end(), e) == states.end()) states.push_back(e);
    }
    // "Police arrested Zuniga hours later": none here, the one state of
    // the sentence right before, else the state that sentence's first
    // clause had as its subject ("Mali expelled the French ambassador. The
    // junta accused France ...").
    if (const auto own = objectPersonState(c); states.empty() && own) states = {*own};
    if (auto earlier = soleStateJustBefore(state); states.empty() && earlier) states = {*earlier};
    if (states.empty() && state.earlierSubjectState && state.earlierStatesAt + 1 == state.acts.sentence)
      states = {*state.earlierSubjectState};
    if (states.size() == 1) (*actors)[k] = {states.front()};
  }
}

void bindTheGroup(const SentenceParse& p, const DiscourseState& state, NpActors* actors) {
  if (!state.isState) return;
  const EnglishCoderWords& w = englishCoderWords();
  // "raided a Kata'ib Hezbollah headquarters and detained 14 members of the
  // group": the one group or organisation the sentence named before the
  // phrase (not a ministry: "The Pentagon said the group would strike").
  // The one group named before phrase `k`; nullopt for none or several.
  auto groupBefore = [&](size_t k) -> std::optional<size_t> {
    const std::vector<size_t> g = groupsNamedBefore(p, *actors, state, k);
    return g.size() == 1 ? std::optional<size_t>(g.front()) : std::nullopt;
  };
  for (size_t k = 0; k < p.nps.size() && k < actors->size(); ++k)
    if (unboundTheHead(p, *actors, k, w.theGroupHeads))
      if (const auto g = groupBefore(k)) {
        (*actors)[k] = {*g};
        lendToOwnedRoles(p, k, actors);
      }
  // "raided a site used by Kata'ib Hezbollah and detained a dozen of its
  // members": an object "its"/"their" + member head (no subject: "its
  // fighters said" is bindPossessiveSubjects') is the one group named before.
  bool lent = false;
  for (size_t k = 0; k < p.nps.size() && k < actors->size(); ++k) {
    const syntax::NounPhrase& n = p.nps[k];
    if (!(*actors)[k].empty() || !n.members.empty() || !isPossessivePronoun(p.words[n.span.first].lower) ||
        !w.groupPeopleHeads.contains(p.words[n.head].lemma) || isSubject(p, static_cast<int32_t>(k)))
      continue;
    if (const auto g = groupBefore(k)) {
      (*actors)[k] = {*g};
      lent = true;
    }
  }
  if (lent) bindCounts(p, actors);  // ("a dozen of its members")
  if (!state.earlierGroup || state.isState(*state.earlierGroup)) return;
  auto namedAgain = [&](size_t k) {
    const syntax::NounPhrase& n = p.nps[k];
    if (state.earlierGroupHead.empty() || !(*actors)[k].empty() || !n.members.empty() ||
        n.span.last != n.span.first + 2 || p.words[n.span.first].lower != "the")
      return false;
    const auto& head = p.words[n.span.first + 1];
    return head.capitalised && head.lower == state.earlierGroupHead;
  };
  for (size_t k = 0; k < p.nps.size() && k < actors->size(); ++k)
    if (unboundTheHead(p, *actors, k, w.theGroupHeads) || namedAgain(k)) {
      (*actors)[k] = {*state.earlierGroup};
      lendToOwnedRoles(p, k, actors);
    }
}

std::vector<BackedGroupPhrase> bindBackedGroups(const SentenceParse& p, const DiscourseState& state, NpActors* actors) {
  std::vector<BackedGroupPhrase> out;
  if (!state.isGroup) return out;
  const EnglishCoderWords& w = englishCoderWords();
  // The word after a compound's last hyphen ("backed" of "Iran-backed").
  auto backedWord = [&](const syntax::Word& word) {
    const size_t dash = word.lower.rfind('-');
    return dash != std::string::npos && dash > 0 && w.backedCompoundWords.contains(word.lower.substr(dash + 1));
  };
  for (size_t k = 0; k < p.nps.size() && k < actors->size(); ++k) {
    const syntax::NounPhrase& n = p.nps[k];
    if (!(*actors)[k].empty() || !n.members.empty() || n.span.last < n.span.first + 3 || n.head + 1 != n.span.last ||
        p.words[n.span.first].lower != "the" || !w.theGroupHeads.contains(p.words[n.head].lower))
      continue;
    std::optional<uint32_t> backed;
    bool plain = true;  // the other words before the head are adjectives
    for (uint32_t x = n.span.first + 1; x < n.head; ++x) {
      if (backedWord(p.words[x]))
        backed = x;
      else if (p.words[x].pos != syntax::Pos::kAdjective)
        plain = false;
    }
    if (!backed || !plain) continue;
    std::vector<size_t> groups = groupsNamedBefore(p, *actors, state, k);
    const bool justBefore = state.acts.sentence > 0 && state.earlierGroupsAt == state.acts.sentence - 1;
    if (groups.empty() && justBefore) groups = state.earlierGroups;
    if (groups.size() != 1) continue;
    (*actors)[k] = {groups.front()};
    out.push_back({k, *backed});
  }
  return out;
}

std::string salientGroupHead(const SentenceParse& p) {
  if (p.clauses.empty()) return {};
  const int32_t s = p.clauses.front().subject;
  if (s == kNoIndex) return {};
  const auto& head = p.words[p.nps[s].head];
  return head.capitalised ? head.lower : std::string();
}

std::vector<size_t> salientPersons(const SentenceParse& p, const NpActors& actors,
                                   const std::function<bool(size_t)>& isPerson) {
  std::vector<size_t> out;
  if (!isPerson) return out;
  auto add = [&](std::optional<size_t> e) {
    if (e && std::find(out.begin(), out.end(), *e) == out.end()) out.push_back(*e);
  };
  for (const syntax::Clause& c : p.clauses)
    if (c.subject != kNoIndex && !c.subjectInherited) add(personOf(actors, c.subject, isPerson));
  const std::vector<size_t> order = phrasesInTextOrder(p);
  for (size_t k : order) add(personOf(actors, k, isPerson));
  return out;
}

bool mainSubjectIsUnnamedPerson(const SentenceParse& p, const NpActors& actors) {
  for (const syntax::Clause& c : p.clauses) {
    if (c.kind != syntax::ClauseKind::kMain) continue;
    if (c.subject == kNoIndex || c.subjectInherited) return false;
    const auto s = static_cast<size_t>(c.subject);
    if (s < actors.size() && !actors[s].empty()) return false;
    const syntax::NounPhrase& n = p.nps[s];
    const syntax::Word& head = p.words[n.head];
    const std::string& first = p.words[n.span.first].lower;
    return n.members.empty() && (first == "the" || first == "a" || first == "an") && head.pos == syntax::Pos::kNoun &&
           englishCoderWords().unnamedPersonHeads.contains(head.lemma);
  }
  return false;
}

std::optional<size_t> salientGroup(const SentenceParse& p, const NpActors& actors,
                                   const std::function<bool(size_t)>& isPerson,
                                   const std::function<bool(size_t)>& isState) {
  if (!isPerson || p.clauses.empty()) return std::nullopt;
  const int32_t s = p.clauses.front().subject;
  if (s == kNoIndex || static_cast<size_t>(s) >= actors.size() || actors[s].empty()) return std::nullopt;
  std::vector<size_t> named = actors[s];
  // "Iran's Revolutionary Guards": the body, not its state.
  if (named.size() == 2 && isState && isState(named[0]) != isState(named[1]))
    named = {isState(named[0]) ? named[1] : named[0]};
  if (named.size() != 1) return std::nullopt;
  const size_t e = named.front();
  return isPerson(e) ? std::nullopt : std::optional<size_t>(e);
}

}  // namespace kg::extract
