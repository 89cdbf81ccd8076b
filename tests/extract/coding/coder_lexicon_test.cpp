#include "extract/coding/coder_lexicon.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <string>

using namespace kg;
using namespace kg::extract;

namespace {

// The message of a failed parse, "" when it succeeded.
template <typename T>
std::string errorOf(const Result<T>& r) {
  return r.isOk() ? "" : r.status().message();
}

}  // namespace

TEST_CASE("englishCoderWords: the embedded english_coder_words.txt parses into its sets", "[extract][coder]") {
  REQUIRE(parseEnglishCoderWords(englishCoderWordsText(), "english_coder_words.txt").isOk());
  const EnglishCoderWords& w = englishCoderWords();
  CHECK(w.addressPrepositions.words().size() == 14);
  CHECK(w.speakerPronouns.words().size() == 5);
  CHECK(w.attackNouns.words().size() == 17);
  CHECK(w.attackNouns.contains("invasion"));
  CHECK(w.coercionReferenceNouns.contains("expulsion"));
  CHECK(w.forceReferenceNouns.contains("drill"));
  CHECK(w.decisionReferenceNouns.contains("decision"));
  CHECK_FALSE(w.decisionReferenceNouns.contains("talks"));
  CHECK(w.speechVerbs.words().size() == 16);
  CHECK(w.actNouns.words().size() == 12);
  CHECK(w.objectControlVerbs.words().size() == 12);
  CHECK(w.planningGovernors.words().size() == 38);
  CHECK(w.negatingGovernors.words().size() == 5);
  CHECK(w.temporalSubordinators.words().size() == 6);
  CHECK(w.narrativeAdverbs.words().size() == 4);
  CHECK(w.blameWords.words().size() == 2);
  CHECK(w.wrongdoingVerbs.words().size() == 8);
  CHECK(w.wrongdoingVerbs.contains("interfere"));
  CHECK(w.votedSpeechVerbs.contains("condemn"));
  CHECK_FALSE(w.votedSpeechVerbs.contains("expel"));
  CHECK(w.announcingVerbs.words().size() == 9);
  CHECK(w.killingNouns.words().size() == 4);
  CHECK(w.roleHeads.words().size() == 67);
  CHECK(w.ownedHeads.words().size() == 169);
  CHECK(w.ownedHeads.contains("hideout"));
  CHECK(w.hypotheticalActNouns.contains("withdrawal"));
  CHECK(w.swapReleaseVerbs.contains("free"));
  CHECK(w.swapHoldingVerbs.contains("jail"));
  CHECK(w.followerHeads.contains("supporter"));
  CHECK(w.refusalBackingVerbs.contains("support"));
  CHECK(w.venueVerbs.contains("meet"));
  CHECK(w.placeHeads.words().size() == 5);
  CHECK(w.describingVerbs.contains("describe"));
  CHECK(w.topicVerbs.contains("discuss"));
  CHECK(w.countedPersonHeads.contains("leaders"));
  CHECK(w.countedStateHeads.contains("governments"));
  CHECK(w.countedSideHeads.contains("sides"));
  CHECK(w.countedGroupHeads.contains("groups"));
  CHECK(w.authoringVerbs.contains("carry out"));  // written carry_out
  CHECK(w.authoringVerbs.contains("launch"));
  CHECK_FALSE(w.countedSideHeads.contains("groups"));
  CHECK(w.countedPlacePrepositions.contains("in"));
  CHECK_FALSE(w.placeHeads.contains("region"));
  CHECK(w.quantityHeads.words().size() == 8);
  CHECK(w.quantityHeads.contains("dozen"));
  CHECK(w.groupPeopleHeads.contains("member"));
  CHECK(w.mediatingVerbs.contains("broker"));
  CHECK(w.namingVerbs.words().size() == 5);
  CHECK(w.topicPrepositions.words().size() == 4);
  CHECK(w.characterisationBlame.contains("provocation"));
  CHECK_FALSE(w.characterisationBlame.contains("partner"));
}

TEST_CASE("englishCoderWords: each set holds its words and not its neighbours'", "[extract][coder]") {
  const EnglishCoderWords& w = englishCoderWords();
  // Addressing prepositions, not locating ones.
  CHECK(w.addressPrepositions.contains("with"));
  CHECK(w.addressPrepositions.contains("towards"));
  CHECK_FALSE(w.addressPrepositions.contains("in"));
  CHECK_FALSE(w.addressPrepositions.contains("near"));
  CHECK(w.speakerPronouns.contains("it"));
  CHECK_FALSE(w.speakerPronouns.contains("you"));
  CHECK(w.attackNouns.contains("ambush"));
  CHECK_FALSE(w.attackNouns.contains("campaign"));  // an act, not an attack
  CHECK(w.actNouns.contains("campaign"));
  CHECK_FALSE(w.actNouns.contains("assassination"));  // compared inline by demandsAnAct
  CHECK(w.speechVerbs.contains("warn"));
  CHECK_FALSE(w.speechVerbs.contains("warned"));  // lemmas
  CHECK(w.objectControlVerbs.contains("urge"));
  CHECK_FALSE(w.objectControlVerbs.contains("promise"));
  CHECK(w.planningGovernors.contains("be"));
  CHECK(w.planningGovernors.contains("authorize"));
  CHECK_FALSE(w.planningGovernors.contains("continue"));  // "continued to shell" happened
  CHECK(w.negatingGovernors.contains("decline"));
  CHECK_FALSE(w.negatingGovernors.contains("agree"));
  CHECK(w.temporalSubordinators.contains("until"));
  CHECK_FALSE(w.temporalSubordinators.contains("if"));
  CHECK(w.narrativeAdverbs.contains("eventually"));
  CHECK(w.blameWords.contains("behind"));
  CHECK(w.announcingVerbs.contains("vow"));
  CHECK_FALSE(w.announcingVerbs.contains("plan"));
  CHECK(w.roleHeads.contains("spokeswoman"));
  CHECK(w.roleHeads.contains("delegation"));
  CHECK_FALSE(w.roleHeads.contains("tanker"));
  CHECK(w.ownedHeads.contains("tanker"));
  CHECK(w.ownedHeads.contains("embassy"));  // in both: a role and a holding
  CHECK(w.roleHeads.contains("embassy"));
  CHECK_FALSE(w.ownedHeads.contains("oil"));  // descriptive ("Iraqi oil fields")
  CHECK(w.ownedHeads.contains("seafood"));    // goods: "imports of Japanese seafood"
  CHECK_FALSE(w.ownedHeads.contains(""));
  CHECK(w.memberHeads.contains("rebel"));
  CHECK_FALSE(w.memberHeads.contains("soldier"));  // a state's, with a role head's place rule
}

TEST_CASE("parseEnglishCoderWords: a malformed line is FILE:LINE: what is wrong", "[extract][coder]") {
  const std::string f = "english_coder_words.txt";
  // A bad line after the real file is reported with its line number there.
  const std::string all(englishCoderWordsText());
  const std::string next = std::to_string(std::count(all.begin(), all.end(), '\n') + 1);
  CHECK(errorOf(parseEnglishCoderWords(all + "blame_words responsible\n", f)) ==
        "english_coder_words.txt:" + next + ": no ':' between the head and the words in 'blame_words responsible'");
  CHECK(errorOf(parseEnglishCoderWords("# header\n\nspeech_verbs say\n", f)) ==
        "english_coder_words.txt:3: no ':' between the head and the words in 'speech_verbs say'");
  CHECK(errorOf(parseEnglishCoderWords("speech_verb: say\n", f)) ==
        "english_coder_words.txt:1: unknown set 'speech_verb'");
  CHECK(errorOf(parseEnglishCoderWords("speech_verbs: say warn\nspeech_verbs: tell say\n", f)) ==
        "english_coder_words.txt:2: 'say' is already in set speech_verbs");
  CHECK(errorOf(parseEnglishCoderWords("role heads: army\n", f)) ==
        "english_coder_words.txt:1: expected 1 field(s) before ':', found 2 in 'role heads: army'");
  CHECK(errorOf(parseEnglishCoderWords("blame_words:\n", f)) ==
        "english_coder_words.txt:1: no words after ':' in 'blame_words:'");
  CHECK(errorOf(parseEnglishCoderWords("speech_verbs: say\n", f)) ==
        "english_coder_words.txt: no line for set address_prepositions");
}
