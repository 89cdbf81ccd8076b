#include "extract/coding/coder_lexicon.h"

#include <utility>

namespace kg::extract {
namespace {

using W = EnglishCoderWords;
constexpr std::pair<std::string_view, WordSet W::*> kSets[] = {
    {"address_prepositions", &W::addressPrepositions},
    {"neighbour_nouns", &W::neighbourNouns},
    {"speaker_pronouns", &W::speakerPronouns},
    {"speaker_descriptions", &W::speakerDescriptions},
    {"cancel_verbs", &W::cancelVerbs},
    {"attack_nouns", &W::attackNouns},
    {"speech_verbs", &W::speechVerbs},
    {"act_nouns", &W::actNouns},
    {"killing_nouns", &W::killingNouns},
    {"victim_prepositions", &W::victimPrepositions},
    {"death_verb_forms", &W::deathVerbForms},
    {"occasion_nouns", &W::occasionNouns},
    {"own_state_heads", &W::ownStateHeads},
    {"hypothetical_attack_modifiers", &W::hypotheticalAttackModifiers},
    {"attack_undoing_verbs", &W::attackUndoingVerbs},
    {"of_victim_attack_nouns", &W::ofVictimAttackNouns},
    {"attributing_verbs", &W::attributingVerbs},
    {"removal_verbs", &W::removalVerbs},
    {"naming_verbs", &W::namingVerbs},
    {"characterisation_blame", &W::characterisationBlame},
    {"topic_verbs", &W::topicVerbs},
    {"arrival_verbs", &W::arrivalVerbs},
    {"backed_compound_words", &W::backedCompoundWords},
    {"domestic_body_heads", &W::domesticBodyHeads},
    {"agreeing_verbs", &W::agreeingVerbs},
    {"object_control_verbs", &W::objectControlVerbs},
    {"planning_governors", &W::planningGovernors},
    {"negating_governors", &W::negatingGovernors},
    {"mandative_verbs", &W::mandativeVerbs},
    {"help_nouns", &W::helpNouns},
    {"mediating_verbs", &W::mediatingVerbs},
    {"mediated_nouns", &W::mediatedNouns},
    {"group_people_heads", &W::groupPeopleHeads},
    {"solidarity_nouns", &W::solidarityNouns},
    {"solidarity_prepositions", &W::solidarityPrepositions},
    {"the_country_heads", &W::theCountryHeads},
    {"counted_person_heads", &W::countedPersonHeads},
    {"unnamed_person_heads", &W::unnamedPersonHeads},
    {"counted_state_heads", &W::countedStateHeads},
    {"counted_side_heads", &W::countedSideHeads},
    {"counted_group_heads", &W::countedGroupHeads},
    {"counted_place_prepositions", &W::countedPlacePrepositions},
    {"bare_agent_heads", &W::bareAgentHeads},
    {"bare_force_modifiers", &W::bareForceModifiers},
    {"non_state_modifiers", &W::nonStateModifiers},
    {"the_group_heads", &W::theGroupHeads},
    {"temporal_subordinators", &W::temporalSubordinators},
    {"narrative_adverbs", &W::narrativeAdverbs},
    {"blame_words", &W::blameWords},
    {"wrongdoing_verbs", &W::wrongdoingVerbs},
    {"voted_speech_verbs", &W::votedSpeechVerbs},
    {"causing_verbs", &W::causingVerbs},
    {"coded_appeal_verbs", &W::codedAppealVerbs},
    {"threat_predicates", &W::threatPredicates},
    {"exchange_verbs", &W::exchangeVerbs},
    {"fighting_verbs", &W::fightingVerbs},
    {"authoring_verbs", &W::authoringVerbs},
    {"derived_act_nouns", &W::derivedActNouns},
    {"bare_ministry_heads", &W::bareMinistryHeads},
    {"mediation_verbs", &W::mediationVerbs},
    {"answered_act_adjectives", &W::answeredActAdjectives},
    {"answered_act_verbs", &W::answeredActVerbs},
    {"threat_objects", &W::threatObjects},
    {"announcing_verbs", &W::announcingVerbs},
    {"meeting_nouns", &W::meetingNouns},
    {"fighting_nouns", &W::fightingNouns},
    {"coercion_reference_nouns", &W::coercionReferenceNouns},
    {"force_reference_nouns", &W::forceReferenceNouns},
    {"intrusion_reference_nouns", &W::intrusionReferenceNouns},
    {"request_reference_nouns", &W::requestReferenceNouns},
    {"decision_reference_nouns", &W::decisionReferenceNouns},
    {"statement_reference_nouns", &W::statementReferenceNouns},
    {"retaliation_verbs", &W::retaliationVerbs},
    {"retaliation_taking_verbs", &W::retaliationTakingVerbs},
    {"retaliation_objects", &W::retaliationObjects},
    {"retaliation_measure_modifiers", &W::retaliationMeasureModifiers},
    {"cause_prepositions", &W::causePrepositions},
    {"non_state_words", &W::nonStateWords},
    {"describing_verbs", &W::describingVerbs},
    {"leading_verbs", &W::leadingVerbs},
    {"role_heads", &W::roleHeads},
    {"owned_heads", &W::ownedHeads},
    {"member_heads", &W::memberHeads},
    {"quantity_heads", &W::quantityHeads},
    {"place_heads", &W::placeHeads},
    {"rebuttal_verbs", &W::rebuttalVerbs},
    {"rebuttal_qualifiers", &W::rebuttalQualifiers},
    {"accusation_nouns", &W::accusationNouns},
    {"denial_verbs", &W::denialVerbs},
    {"denial_determiners", &W::denialDeterminers},
    {"denial_objects", &W::denialObjects},
    {"document_nouns", &W::documentNouns},
    {"allegation_nouns", &W::allegationNouns},
    {"fronted_meeting_nouns", &W::frontedMeetingNouns},
    {"fronted_meeting_prepositions", &W::frontedMeetingPrepositions},
    {"coup_nouns", &W::coupNouns},
    {"topic_prepositions", &W::topicPrepositions},
    {"flag_of_convenience_words", &W::flagOfConvenienceWords},
    {"accord_nouns", &W::accordNouns},
    {"accord_verbs", &W::accordVerbs},
};

}  // namespace

Result<EnglishCoderWords> parseEnglishCoderWords(std::string_view text, std::string_view file) {
  return parseWordSetFields<EnglishCoderWords>(text, file, kSets);
}

const EnglishCoderWords& englishCoderWords() {
  static const Result<EnglishCoderWords> words =
      parseEnglishCoderWords(englishCoderWordsText(), "english_coder_words.txt");
  return requireEmbedded(words);
}

}  // namespace kg::extract
