// Personal pronouns that stand for a person: "he", "him", "she", "her" as a
// phrase of their own ("urged him to step down", "said he had ordered").
//
// A coder that leaves them unbound loses the event ("Police arrested him"
// after a sentence about Pedro Castillo) or, worse, lets a later rule take a
// nearby place or group as the party. They are bound the way a reader binds
// them, in order of preference (a simplified Hobbs/centering reading):
//  * "he"/"she" (a subject): the person subject of the nearest earlier clause
//    of the sentence, else the nearest earlier person of the sentence, else
//    the first person of `earlier` (the persons the previous sentence named,
//    its subject first);
//  * "him"/"her" (an object): the nearest earlier person of the sentence that
//    is not the subject of the pronoun's own clause (binding: "Kaliman urged
//    him" is never Kaliman), else the first person of `earlier` under the
//    same condition ("Gantz met Netanyahu. Gantz criticised him").
// Gender is not known for most names and is not checked. "it" and "they"
// are bound only where a reader has no doubt: opening a sentence as its
// subject ("It said ...", "They accused ..."), to the state, organisation or
// group that was the subject of the previous sentence's first clause
// (`earlierGroup`); elsewhere they are left alone (most stand for things).
// Inside reported speech the coder binds them to the speaker itself.
//
// Thread safety: free functions over caller-owned data.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

#include "extract/coding/event_coder.h"
#include "extract/coding/np_binding.h"
#include "extract/syntax/clauses.h"

namespace kg::extract {

// The actors a sentence names before some word, in text order, each once:
// `withPlaces` all of them, `apart` those named at least once other than
// as a place (after a counted_place_prepositions word: "in Singapore").
struct NamedParties {
  std::vector<size_t> apart;
  std::vector<size_t> withPlaces;
};

// What the sentences read so far leave for the next one of the same article
// (one per article, updated by EnglishEventCoder::code sentence by sentence).
struct DiscourseState {
  // True when entity `e` is a person; without it nothing is bound.
  std::function<bool(size_t)> isPerson;
  // The persons the last sentence that named any was about, its subject
  // first (salientPersons).
  std::vector<size_t> earlier;
  // The actor, not a person, that was the subject of the first clause of the
  // last sentence that had one (salientGroup); "It"/"They" opening the next
  // sentence stand for it.
  std::optional<size_t> earlierGroup;
  // The head word of the phrase that named `earlierGroup`, lower case, when
  // written with a capital ("guards" of "Iran's Revolutionary Guards"):
  // "the Guards" names that group again (bindTheGroup). Empty otherwise.
  std::string earlierGroupHead;
  // True when entity `e` is a state; without it "the country" is not bound.
  std::function<bool(size_t)> isState;
  // True when entity `e` is an armed group or an organisation (no state, no
  // government body, no person); without it "the group" is bound only to
  // the previous sentence's subject (bindTheGroup).
  std::function<bool(size_t)> isGroup;
  // The state entity of person `e` (its country), made when needed; nullopt
  // when it has none. Without it "his government" is not bound.
  std::function<std::optional<size_t>(size_t)> stateOf;
  // The movement, party or armed group person `e` leads (a recorded
  // LEADER_OF held on the article's date), made when needed; nullopt when
  // none. Without it a person's followers stand for no one (bindFollowers).
  std::function<std::optional<size_t>(size_t)> movementOf;
  // The states the last sentence that named any named, in text order, and
  // that sentence's number (acts.sentence numbering).
  std::vector<size_t> earlierStates;
  size_t earlierStatesAt = SIZE_MAX;
  // The armed groups and organisations (isGroup) the last sentence that
  // named any named, in text order, and that sentence's number.
  std::vector<size_t> earlierGroups;
  size_t earlierGroupsAt = SIZE_MAX;
  // The state the first clause of that sentence had as its subject, if any:
  // "Saudi Arabia expelled Canada's ambassador. The kingdom called ...".
  std::optional<size_t> earlierSubjectState;
  // The parties the sentence right before named (namedParties) and that
  // sentence's number: "the two leaders" may count them.
  NamedParties earlierParties;
  size_t earlierPartiesAt = SIZE_MAX;
  // The day the sentence right before told in its own words (its first date
  // of day precision, resolved against the article's), unknown when none:
  // "The vote came two days after X" counts back from the vote that
  // sentence dated. Asked only when needed; unset means unknown.
  std::function<Date()> previousDay;
  // The persons the article's earlier sentences gave a title, each with the
  // title's words in lower case ({"crown", "prince"}), in the order read:
  // "the prince", "the minister" may name one of them again
  // (bindTitledRoles). Filled by rememberTitle.
  std::vector<std::pair<size_t, std::vector<std::string>>> titled;
  // The done events the article's sentences coded so far, for an act named
  // without its author in a later sentence ("condemned the strikes":
  // EventCoder::code); the caller sets `acts.sentence` and `acts.sameSide`.
  EarlierActs acts;
};

// "Ebrard said his government had granted Morales asylum": "his / her /
// their" + a word for one's state (own_state_heads) as the subject of a
// reported clause is the state of the person who says it (a speaker with a
// country: DiscourseState::stateOf, else a demonym written in the speaker's
// phrase, "Mexican Foreign Minister Marcelo Ebrard": `demonymStates`, word
// index and state entity).
void bindSpeakersOwnState(const syntax::SentenceParse& p, const DiscourseState& d,
                          const std::vector<std::pair<uint32_t, size_t>>& demonymStates, NpActors* actors);

// True when the first main clause's own subject is a singular phrase that
// names a person by role only and no actor ("The spokesman said that X
// would ..."; unnamed_person_heads): the person a next "He" stands for is
// that one, whom the sentence does not name, so the persons it names are not
// the pronoun's (english_events.cpp leaves DiscourseState::earlier empty).
bool mainSubjectIsUnnamedPerson(const syntax::SentenceParse& p, const NpActors& actors);

// True for "he", "him", "she", "her" (lower case): the words bound to persons.
bool isPersonPronoun(std::string_view lower);
// True for "it", "they" (lower case): the words bound to a group opening a
// sentence.
bool isGroupPronoun(std::string_view lower);

// Binds each unbound personal-pronoun phrase of `p` in `*actors` (indexed by
// NP) to one person entity, and a sentence-opening "It"/"They" to
// `state.earlierGroup`, per the rules above.
void bindPersonPronouns(const syntax::SentenceParse& p, const DiscourseState& state, NpActors* actors);

// Binds an unbound phrase "the country" (the_country_heads in
// data/english_coder_words.txt: "the country", "the kingdom") to the one
// state it can stand for: the only state named before it in the sentence,
// else the only state the sentence right before named. Nothing when there
// are several or none.
void bindTheCountry(const syntax::SentenceParse& p, const DiscourseState& state, NpActors* actors);

// "Soldiers detained Mali's interim President X", "Security forces arrested
// Y in Kampala": a clause subject with no actor, no owner and no determiner
// but "the", whose head is a state's security body (bare_agent_heads;
// "force" only after bare_force_modifiers) and which holds no non-state
// word ("rebel soldiers"), is a body of the sentence's one state (the states
// the other phrases name, capitals included; when they name none, the one
// state of the sentence right before). Nothing when they name several.
void bindBareAgents(const syntax::SentenceParse& p, const DiscourseState& state, NpActors* actors);

// Binds an unbound phrase "the bloc" / "the group" / "the alliance"
// (the_group_heads in data/english_coder_words.txt), or "the" and the
// capitalised head word of the phrase that named it ("the Guards" after
// "Iran's Revolutionary Guards", `state.earlierGroupHead`), to the group the
// sentence right before was about (`state.earlierGroup`) when that is no
// state. Nothing otherwise.
void bindTheGroup(const syntax::SentenceParse& p, const DiscourseState& state, NpActors* actors);

// A phrase "the" + adjectives + "X-backed" (or -sponsored, -funded, ...:
// backed_compound_words) + a group head (the_group_heads): "the Iran-backed
// militia", "the Iranian-backed group". It names the one armed group or
// organisation the sentence named before it, else the one the sentence
// right before named (`state.earlierGroups`); nothing when several. Binds
// it and returns each phrase bound with the word saying who backs it.
struct BackedGroupPhrase {
  size_t np = 0;
  uint32_t backedWord = 0;
};
std::vector<BackedGroupPhrase> bindBackedGroups(const syntax::SentenceParse& p, const DiscourseState& state,
                                                NpActors* actors);

// "Foreign Minister Ayman Safadi accused the prince of ...", after a
// sentence that named "former Crown Prince Hamzah bin Hussein": an unbound
// phrase "the" and lower-case words whose last word ends a title an earlier
// sentence gave a person (DiscourseState::titled), its other words in that
// title too, names that person, when exactly one person of the article so
// far had such a title.
void bindTitledRoles(const syntax::SentenceParse& p, const DiscourseState& state, NpActors* actors);

// Notes that entity `person` was given `title` ("Crown Prince": written with
// the name, or read into an office) for bindTitledRoles. Nothing for an
// empty title, or when `state->isPerson` is unset or says `person` is none.
void rememberTitle(size_t person, std::string_view title, DiscourseState* state);

// "The two leaders agreed", "Both countries condemned", "the three
// ministers": an unbound phrase of the/both, a number word and a head of
// counted_person_heads / counted_state_heads / counted_side_heads / counted_group_heads
// (data/english_coder_words.txt), with only modifiers between ("the two
// foreign ministers"), stands for that many persons, states, parties or groups (a
// side is a state or group, else a person; a group neither) named before it in the sentence;
// when the sentence names none of that kind before it, for those the
// sentence right before named (`state.earlierParties`); those named as
// places count only when the count fails without them. The states named
// include those of demonyms inside other phrases (`demonymStates`, word and
// state: "Iraqi Prime Minister X received Iranian President Y ... the two
// governments"). Bound only when the count is exact: each party becomes a
// member of the phrase, so a mutual verb codes them with each other ("the
// two leaders agreed": A AGREE B).
void bindCountedParties(syntax::SentenceParse* p, const DiscourseState& state,
                        const std::vector<std::pair<uint32_t, size_t>>& demonymStates, NpActors* actors);

// The actors of a sentence's phrases and its demonyms' states
// (`demonymStates`, word and state) that start before word `before` (all:
// UINT32_MAX); member phrases stand for themselves.
NamedParties namedParties(const syntax::SentenceParse& p, const NpActors& actors,
                          const std::vector<std::pair<uint32_t, size_t>>& demonymStates, uint32_t before);

// The number a counting word gives ("both" and "two" 2, "three" .. "five");
// 0 for any other word (lower case).
size_t countOf(std::string_view lower);

// Every actor a sentence names, phrase by phrase in text order, each once;
// member phrases stand for themselves.
std::vector<size_t> namedActors(const syntax::SentenceParse& p, const NpActors& actors);

// The actors a sentence names that `keep` accepts (the states, with
// DiscourseState::isState; the groups, with isGroup), phrase by phrase in
// text order, each once; member phrases stand for themselves. Empty when
// `keep` is empty.
std::vector<size_t> namedActorsWhere(const syntax::SentenceParse& p, const NpActors& actors,
                                     const std::function<bool(size_t)>& keep);

// Binds "it" / "them" as the object of a participle that follows a clause
// and shares its subject (", accusing them of ...", ", calling it a threat")
// to the first object or addressed phrase of that clause naming actors ("imposed
// sanctions on Belarus and Russia, accusing them of ..."): "it" when that
// phrase names one actor, "them" one or several (member phrases are
// appended to p->nps and `*actors`). A reader has no doubt there: the
// participle speaks of what the clause just acted on.
void bindParticipleObjects(syntax::SentenceParse* p, NpActors* actors);

// "The United States struck depots of Kata'ib Hezbollah, which it blamed for
// the attack", "Turkey detained Kavala, whom it accused of ...": an unbound
// "it" or "they" subject of an object relative clause ("which"/"whom" and
// the pronoun) is the subject of the clause the relative hangs on, when that
// subject names actors and is not the relative's antecedent (the one the
// relative clause is about cannot be its own subject there).
void bindRelativeSubjectPronouns(const syntax::SentenceParse& p, NpActors* actors);

// The persons a sentence is about, for the next one: the person subjects of
// its clauses in order, then its other person phrases in text order, each
// once; empty when it names no person.
std::vector<size_t> salientPersons(const syntax::SentenceParse& p, const NpActors& actors,
                                   const std::function<bool(size_t)>& isPerson);

// The subject of the sentence's first clause when it names one actor that is
// not a person, or a state's body ("Iran's Revolutionary Guards": the Guards,
// not Iran, when `isState` is given); nullopt when it names a person or
// nothing (then the next sentence's "It" stands for nothing known).
std::optional<size_t> salientGroup(const syntax::SentenceParse& p, const NpActors& actors,
                                   const std::function<bool(size_t)>& isPerson,
                                   const std::function<bool(size_t)>& isState = nullptr);

// The head word of the first clause's subject, lower case, when written
// with a capital (DiscourseState::earlierGroupHead); empty otherwise.
std::string salientGroupHead(const syntax::SentenceParse& p);

}  // namespace kg::extract
