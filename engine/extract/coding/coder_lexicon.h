// The word sets the English event coder reads besides its dictionaries, from
// engine/extract/data/english_coder_words.txt (format in lexicon/word_lines.h;
// the file's comments say why each word is there). The file is embedded at
// build time; parseEnglishCoderWords reads any text (tests give it malformed
// lines) and reports "FILE:LINE: what is wrong" as InvalidArgument.
// englishCoderWords() parses the embedded text once, at first use, and
// aborts with that message when it is malformed (word_lines.h,
// requireEmbedded).
//
// Pure functions over immutable sets; safe from any thread.
#pragma once

#include <string_view>

#include "base/status.h"
#include "extract/lexicon/word_lines.h"

namespace kg::extract {

// The sets of english_coder_words.txt, one member per set (the file names
// them in snake_case: address_prepositions, ...).
struct EnglishCoderWords {
  // event_coder.cpp: roles of a clause.
  WordSet addressPrepositions, neighbourNouns, speakerPronouns, attackNouns, speechVerbs, actNouns, killingNouns, objectControlVerbs;
  WordSet occasionNouns, ownStateHeads;
  WordSet deathVerbForms, hypotheticalAttackModifiers, attackUndoingVerbs, ofVictimAttackNouns;
  WordSet victimPrepositions, attributingVerbs, removalVerbs, namingVerbs, characterisationBlame, topicVerbs;
  // event_coder.cpp: planned, negated and narrated events.
  WordSet conditionalModals, requirementGovernors;  // event_coder.cpp: "would have attacked", "would need to fight"
  WordSet planningGovernors, negatingGovernors, temporalSubordinators, narrativeAdverbs, blameWords, wrongdoingVerbs,
      votedSpeechVerbs, causingVerbs, threatPredicates, threatObjects, answeredActAdjectives, answeredActVerbs;
  // english_events.cpp.
  WordSet announcingVerbs, meetingNouns, fightingNouns;
  WordSet codedAppealVerbs;                  // "urged X to ..." as a request of X
  WordSet speakerDescriptions, cancelVerbs;  // "the group" said by its spokesman
  WordSet coercionReferenceNouns, intrusionReferenceNouns, forceReferenceNouns, requestReferenceNouns,
      decisionReferenceNouns, visitReferenceNouns,
      statementReferenceNouns;  // acts named without their author
  // np_binding.cpp.
  WordSet roleHeads, ownedHeads, quantityHeads, placeHeads, describingVerbs, memberHeads, leadingVerbs;
  WordSet rebuttalVerbs, rebuttalQualifiers, accusationNouns;  // coding/rebuttal.h
  WordSet theCountryHeads;                                    // pronouns.h: "the country"
  WordSet countedPersonHeads, countedStateHeads, countedSideHeads, countedGroupHeads,
      countedPlacePrepositions;                                // pronouns.h: "the two leaders"
  WordSet unnamedPersonHeads;                                  // pronouns.h: "The spokesman said ..." then "He"
  WordSet bareAgentHeads, bareForceModifiers, nonStateModifiers;  // pronouns.h: bindBareAgents
  WordSet theGroupHeads;                                      // pronouns.h: "the bloc", "the group"
  WordSet helpNouns;
  WordSet mediatingVerbs, mediatedNouns, groupPeopleHeads, solidarityNouns, solidarityPrepositions;
  WordSet sanctionsUnderNouns;  // english_events.cpp: "under US sanctions"
  WordSet retaliationVerbs, retaliationTakingVerbs, retaliationObjects, retaliationMeasureModifiers, causePrepositions, nonStateWords;                                   // event_coder.cpp: "vowed to retaliate"                                          // english_events.cpp: "with help from Y"
  WordSet mandativeVerbs;                                     // event_coder.cpp: "demanded that X withdraw"
  WordSet denialVerbs, denialDeterminers, denialObjects;       // coding/rebuttal.h: "denied any role"
  WordSet documentNouns, topicPrepositions;
  WordSet allegationNouns;  // event_coder.cpp: "over accusations that he had targeted X"
  WordSet frontedMeetingNouns, frontedMeetingPrepositions;  // english_events.cpp: "In a phone call with X, Y ..."
  WordSet hypotheticalActNouns;  // english_events.cpp: "a US withdrawal from Syria would ..."
  WordSet swapReleaseVerbs, swapHoldingVerbs;  // english_events.cpp: "freed A in exchange for B"
  WordSet followerHeads;                       // english_events.cpp: "Sadr's followers" are not Sadr
  WordSet reversalVerbs;                       // event_coder.cpp: "but backtracked on his decision"
  WordSet creditingVerbs;                      // event_coder.cpp: "thanked X for sending tanks"
  WordSet crowdHeads;                          // event_coder.cpp: "protesters stormed X" riot (145)
  WordSet refusalBackingVerbs;                 // english_events.cpp: "will not support the bids of X"
  WordSet denyingVerbs;                        // event_coder.cpp: "denied that Tehran was behind it" blames no one
  WordSet venueVerbs;                          // event_coder.cpp: "met at the White House": where, not whom
  WordSet coupNouns;  // event_coder.cpp: "condemned the coup in Niger"
  WordSet exchangeVerbs;  // event_coder.cpp: "A and B exchanged fire" act on each other
  WordSet fightingVerbs;  // event_coder.cpp: "A and B clashed" act on each other
  WordSet authoringVerbs;     // np_binding.cpp: "The attack, carried out by Hamas, killed ..."
  WordSet derivedActNouns;    // event_coder.cpp: "decision=decide", the act a told verb named
  WordSet bareMinistryHeads;  // pronouns.cpp: "the foreign ministry summoned the British ambassador"
  WordSet mediationVerbs;  // event_coder.cpp: "a deal brokered by X": X is no party
  WordSet flagOfConvenienceWords;    // english_events.cpp: "the Panama-flagged tanker" is no act on Panama
  WordSet accordNouns, accordVerbs;  // english_events.cpp: "an agreement was signed between X and Y"
  WordSet arrivalVerbs;              // event_coder.cpp: "arrived in X" visits X
  WordSet backedCompoundWords;       // pronouns.cpp: "the Iran-backed militia"
  WordSet domesticBodyHeads;         // pronouns.cpp: "Parliament impeached President X"
  WordSet agreeingVerbs;             // english_events.cpp: "agreed to restore ties with Y"
  WordSet frontedSpeakingVerbs;      // english_events.cpp: "Speaking at a news conference with X, ..."
  WordSet owningLinkVerbs;           // event_coder.cpp: "ships linked to Israel" are Israel's
  WordSet responseNouns;             // event_coder.cpp: "the US response was to bomb X" is done
};

// The sets of `text` in english_coder_words.txt's format; `file` names it in
// errors. InvalidArgument "FILE:LINE: ..." for a malformed line, an unknown
// set or a word listed twice in a set; "FILE: no line for set NAME" when a
// set is missing.
Result<EnglishCoderWords> parseEnglishCoderWords(std::string_view text, std::string_view file);

// The embedded sets. The reference lives as long as the program.
const EnglishCoderWords& englishCoderWords();

// The text of english_coder_words.txt as embedded (static storage).
std::string_view englishCoderWordsText();

}  // namespace kg::extract
