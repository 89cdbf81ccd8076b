// Rebuttals of an earlier accusation: "Tehran dismissed the accusation",
// "Israel rejected the charges" name no accuser; the article named one
// earlier ("Pompeo accused Iran ..."). The one who rejects is the accused of
// an earlier accusation in the same article, and the rebuttal answers the
// latest accuser of that actor (REJECT, CAMEO 120 'reject, not specified').
//
// Pure functions; safe from any thread.
#pragma once

#include <functional>
#include <optional>
#include <vector>

#include "extract/actors/mentions.h"
#include "extract/actors/resolver.h"
#include "extract/actors/tokens.h"
#include "extract/relations/relations.h"

namespace kg::extract {

// One accusation read earlier in the article (the parties of an ACCUSE fact, or of an act that
// accuses by its doing: SANCTION, COERCE, ASSAULT, THREATEN; rebuttal.cpp answerableAct), and
// the accused's state when the accused was a person with a title of one).
struct Accusation {
  size_t accuser = 0;
  size_t accused = 0;
  size_t accuserState = kNoActor;  // the body a title gave the accuser ("Secretary of State X": the US), if any
};

// A REJECT fact from the sentence when it reads "<actor> (rejected |
// dismissed | denied) the (accusation | charge | allegation | claim)[s]" with
// no owner of the noun, or "<actor> denied (that ... | <gerund> | any role)";
// the actor may be the owner of a body written before the verb ("Iran's
// foreign ministry rejected the accusation"); the actor (or the state a title gives it) was accused
// earlier in `earlier` (latest first wins), and no fact of the sentence
// already answers someone; nullopt otherwise. A state that rejects answers
// the accuser's state when a title gave one ("Pompeo accused Iran ... Tehran
// dismissed the accusation": Iran REJECT United States), else the accuser.
std::optional<Fact> rebuttalFact(const std::vector<Token>& tokens, const std::vector<Mention>& mentions,
                                 const std::vector<Entity>& entities, const std::vector<Accusation>& earlier,
                                 const std::vector<Fact>& sentenceFacts);

// An ACCUSE (CAMEO 111) or SUPPORT (051) fact from an apposition that
// reacts to the act its sentence told: "Russia expelled two Estonian
// diplomats, a decision Tallinn condemned" (Estonia ACCUSE Russia), ", a move
// that Seoul welcomed", ", which Seoul welcomed". The act's author is the source of the sentence's one
// done event (`sentenceFacts`); nullopt when the words do not read so or
// two actors did something.
// With `judged` (EventLexicons::judgement), the reaction may also be a
// judgement: ", a move Mogadishu called illegal", ", which Moscow called a
// provocation" (blame: ACCUSE; praise: SUPPORT). With `demonymEntity` (the
// entity of the state a word is a demonym of), the one who reacts may be a
// demonym and a body's words: ", which the Russian foreign ministry called a
// provocation".
std::optional<Fact> appositiveReactionFact(
    const std::vector<Token>& tokens, const std::vector<Mention>& mentions, const std::vector<Fact>& sentenceFacts,
    const std::function<std::optional<bool>(const std::vector<std::string_view>&)>& judged = nullptr,
    const std::function<std::optional<size_t>(const Token&)>& demonymEntity = nullptr);

// ", a move condemned by France, Germany and Britain", ", a decision
// welcomed by Seoul": the passive form of appositiveReactionFact. Each
// actor after "by" criticises (ACCUSE, 111) or praises (SUPPORT, 051) the
// author of the act the sentence told: the source of its one done event,
// else the first actor the sentence names (its subject: "Iran said it had
// begun enriching uranium ..., a move condemned by ..."). Empty when the
// words do not read so.
std::vector<Fact> passiveAppositiveReactions(const std::vector<Token>& tokens, const std::vector<Mention>& mentions,
                                             const std::vector<Fact>& sentenceFacts);

// "The Kremlin said Estonia's decision was a provocation", "X said Y's
// strikes were unacceptable": a speaker (the mention right before a past
// "said"), then an owner written possessive and its act (an act noun after
// at most three lower-case words), then "was", "is", "were" or "are" and a
// judgement (`judged`, EventLexicons::judgement) up to the clause's end: the
// speaker criticises (ACCUSE, 111) or praises (SUPPORT, 051) the owner.
// nullopt when the words do not read so, or speaker and owner are one.
std::optional<Fact> judgedActFact(
    const std::vector<Token>& tokens, const std::vector<Mention>& mentions,
    const std::function<std::optional<bool>(const std::vector<std::string_view>&)>& judged);

// The accusations among `facts` (ACCUSE, not planned), each with the body
// whose office the accuser holds by a title written with them (the mention's
// owner, else an office fact of the same sentence).
std::vector<Accusation> accusationsOf(const std::vector<Fact>& facts, const std::vector<Mention>& mentions);

}  // namespace kg::extract
