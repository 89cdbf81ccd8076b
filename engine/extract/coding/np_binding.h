// Which actor each noun phrase of a parsed sentence names, from the
// sentence's mentions (extract/actors/mentions.h): the bridge between the mention
// finder, which knows names, and the event coder, which knows structure.
//
// A phrase names the entity of the mention that covers its head word
// ("the Turkish President Recep Tayyip Erdogan": Erdogan, not Turkey); else
// of the last mention among its own words before the head, with only nouns
// and adjectives between ("a US drone strike", "the Gondor main opposition
// group"); else, when its head is a role or body noun ("Iraq's government",
// "the leader of Hamas", "lawmakers and officials in X" as a subject), its
// owner's. Words of nested phrases other than the owner (and, for a subject
// "X of Y", the X holding the head) are never the phrase's actor, so a place
// in "depots in Syria" is not the depots' actor.
//
// Pure function; safe from any thread.
#pragma once

#include <functional>
#include <string_view>
#include <vector>

#include "extract/coding/event_coder.h"
#include "extract/actors/mentions.h"
#include "extract/syntax/clauses.h"

namespace kg::extract {

// True for heads that stand for their owner as a party to an event: assets
// ("tanker", "depots"), people abroad ("nationals") and acts ("strike"):
// owned_heads in data/english_coder_words.txt.
bool isOwnedHead(std::string_view lemma);

// True for heads that are places of a state ("city", "capital"):
// place_heads in data/english_coder_words.txt.
bool isPlaceHead(std::string_view lemma);

// Appends to `*out` the entity each phrase under `np` names (a coordination:
// each member's; else the phrase's own first entity, its actor), each once
// and in text order of the members; nothing for kNoIndex or a phrase with
// no actor. Owners beyond the first entity are not followed.
void entitiesNamed(const syntax::SentenceParse& parse, const NpActors& actors, int32_t np, std::vector<size_t>* out);

// Makes phrase `np` a coordination one member at a time: appends a member
// phrase over `span` (inside `np`, its last word the head) to parse->nps,
// parented to `np` and listed in its members, and its actor `entity` to
// `*actors` (which must have one entry per phrase). For bindings that learn
// that one phrase stands for several actors ("Armenian and Azerbaijani
// officials", "them").
void addMember(syntax::SentenceParse* parse, NpActors* actors, size_t np, syntax::WordSpan span, size_t entity);

// True when a clause has phrase `np` as its own subject (not one it
// inherits from the clause before: "... and then warned C").
bool isSubject(const syntax::SentenceParse& parse, int32_t np);

// True for the possessive determiners that point back at an actor already
// named: "its" ("Pakistan said its air force ..."), "their". (lower case)
bool isPossessivePronoun(std::string_view word);

// The actors each phrase names. `displaced` (may be null) receives (phrase,
// entity) for an owner a named apposition displaced ("Iraq's top cleric,
// X": the phrase is X, no longer Iraq), so that a reading of the owner as
// the phrase's actor can be denied.
NpActors bindMentions(const syntax::SentenceParse& parse, const std::vector<Mention>& mentions,
                      std::vector<std::pair<int32_t, size_t>>* displaced = nullptr);

// "a convoy of Syrian troops": an owned head (owned_heads) with no actor of
// its own takes the actor of its "of" phrase when that is a plain phrase
// the demonyms bound (bindMentions gives owners before demonyms are read);
// run after bindDemonyms. Phrases already bound are left as they are.
void bindOwnedOf(const syntax::SentenceParse& parse, NpActors* actors);

// "The Israeli military said its aircraft had struck ...": a subject "its
// X" / "their X" (X a role, member or owned head) that bindMentions left
// unbound because its antecedent is named by a demonym takes that
// antecedent's actor once the demonyms are bound. A subject "its X" whose
// clause subjects before it are all plural ("EU leaders ... after its
// authorities arrested") takes the nearest phrase before it that names one
// actor, not a person (`isPerson`; without it, none).
void bindPossessiveSubjects(const syntax::SentenceParse& parse, NpActors* actors,
                           const std::function<bool(size_t)>& isPerson = nullptr);

// "thousands of Israelis", "hundreds of Egyptian workers": a count
// (quantity_heads in data/english_coder_words.txt) right before "of" and a
// proper noun, or people of a state (an owned head its demonym bound), stands
// for that phrase's actor; run after the demonyms are bound. "Thousands of
// supporters of X" stays unbound: supporters are no party X.
void bindCounts(const syntax::SentenceParse& parse, NpActors* actors);

// "struck what Israel described as a Hamas depot": an object "what" stands
// for the actor of the "as" phrase of the clause right after it whose verb
// describes (describing_verbs in data/english_coder_words.txt); run after
// the other bindings.
void bindWhatDescribedAs(const syntax::SentenceParse& parse, NpActors* actors);

// "Special forces led by Colonel X detained Y": a phrase with no actor of
// its own, the subject of a passive relative clause right after it whose
// verb leads (leading_verbs in data/english_coder_words.txt: led,
// commanded, headed) with an agent naming an actor, acts as that agent.
// "Wagner fighters led by X" keep Wagner. Likewise a body "loyal to" a named
// actor right after it ("Forces loyal to Khalifa Haftar launched ...").
// Run after the other bindings.
void bindLedBy(const syntax::SentenceParse& parse, NpActors* actors);

// "two Iraqi bases housing American troops", "a camp hosting Turkish
// soldiers", "the Ain al-Asad air base, which hosts US troops": a phrase
// with an owned head (a base, a camp) followed by "housing" or "hosting"
// (or a relative "which/that houses, hosts") and a phrase naming an actor stands for that
// actor, whose troops were what an act on it reached, not for the state
// its demonym names. Run after the demonyms are bound.
void bindHousedTroops(const syntax::SentenceParse& parse, NpActors* actors);

// "The Rapid Support Forces, a paramilitary group backed by the UAE, ...":
// the subject of a relative clause that is a description opened by "a",
// "an" or "the" right after a comma that closes a phrase naming an actor is
// that actor (the chunker marks no apposition a relative clause runs on
// from), so the clause's act is done to or by it. Run after bindLedBy.
void bindDescribedRelativeSubjects(const syntax::SentenceParse& parse, NpActors* actors);

}  // namespace kg::extract
