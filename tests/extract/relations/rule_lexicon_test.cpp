#include "extract/relations/rule_lexicon.h"

#include <catch2/catch.hpp>

#include "extract/lexicon/cameo_plover.h"

#include <string>

#include "extract/relations/arabic_rules.h"

using namespace kg;
using namespace kg::extract;

namespace {

// The message of a failed parse, "" when it succeeded.
template <typename T>
std::string errorOf(const Result<T>& r) {
  return r.isOk() ? "" : r.status().message();
}

}  // namespace

// ---- english_triggers.txt

TEST_CASE("englishTriggers: the embedded table parses and words keep their readings", "[extract][relations]") {
  REQUIRE(parseEnglishTriggers(englishTriggersText(), "english_triggers.txt").isOk());
  const auto& t = englishTriggers();
  CHECK(t.size() == 123);
  const EnglishTrigger& kill = t.at("kill");
  CHECK(kill.type == EdgeType::kAssault);
  CHECK(kill.cameo == "190");
  CHECK(kill.tense == Tense::kPresent);
  CHECK(kill.form == TriggerForm::kVerb);
  CHECK_FALSE(kill.passiveOnly);
  CHECK(t.at("martyred").passiveOnly);
  CHECK(t.at("martyred").form == TriggerForm::kVerb);
  CHECK(t.at("withdrawal").form == TriggerForm::kNoun);
  CHECK(t.at("withdrawal").cameo == "0874");
  CHECK(t.at("targeting").tense == Tense::kNone);
  CHECK(t.at("backed").cameo.empty());  // read by the "Tehran-backed" rule
  CHECK(t.at("called").cameo == "041");
}

TEST_CASE("parseEnglishTriggers: a malformed line is FILE:LINE: what is wrong", "[extract][relations]") {
  const std::string f = "english_triggers.txt";
  CHECK(errorOf(parseEnglishTriggers("# x\nASSALT 190 past verb: hit\n", f)).rfind(
            "english_triggers.txt:2: 'ASSALT' is not a PLOVER event type; valid: ", 0) == 0);
  CHECK(errorOf(parseEnglishTriggers("MEMBER_OF - past verb: joined\n", f)).rfind(
            "english_triggers.txt:1: 'MEMBER_OF' is not a PLOVER event type", 0) == 0);
  CHECK(errorOf(parseEnglishTriggers("ASSAULT 999 past verb: hit\n", f)) ==
        "english_triggers.txt:1: '999' is not a CAMEO code of cameo_plover.txt");
  CHECK(errorOf(parseEnglishTriggers("ASSAULT 190 future verb: hit\n", f)) ==
        "english_triggers.txt:1: tense 'future' is not one of present, past, none");
  CHECK(errorOf(parseEnglishTriggers("ASSAULT 190 past adjective: hit\n", f)) ==
        "english_triggers.txt:1: form 'adjective' is not one of verb, noun, passive");
  CHECK(errorOf(parseEnglishTriggers("ASSAULT 190 past verb: hit\nASSAULT 195 past verb: struck hit\n", f)) ==
        "english_triggers.txt:2: 'hit' is already listed at line 1");
  CHECK(errorOf(parseEnglishTriggers("ASSAULT 190 past: hit\n", f)) ==
        "english_triggers.txt:1: expected 4 field(s) before ':', found 3 in 'ASSAULT 190 past: hit'");
  // A type other than the one CAMEO->PLOVER mapping gives the code: one act, one type, in every reader.
  CHECK(errorOf(parseEnglishTriggers("SANCTION 163 past verb: sanctioned\n", f)) ==
        "english_triggers.txt:1: type SANCTION is not CAMEO 163's type COERCE (cameo_plover.txt, eventForCameo)");
  CHECK(errorOf(parseJapaneseTriggers("SANCTION 163 -: \u5236\u88c1\n", "japanese_triggers.txt")) ==
        "japanese_triggers.txt:1: type SANCTION is not CAMEO 163's type COERCE (cameo_plover.txt, eventForCameo)");
  CHECK(errorOf(parseArabicTriggers("stem SANCTION 163: \u0641\u0631\u0636\n", "arabic_triggers.txt")) ==
        "arabic_triggers.txt:1: type SANCTION is not CAMEO 163's type COERCE (cameo_plover.txt, eventForCameo)");
  // Appeals (root 02) are REQUEST in every reader, as `kg import` stores them.
  CHECK(errorOf(parseEnglishTriggers("ACCUSE 020 past verb: urged\n", f)) ==
        "english_triggers.txt:1: type ACCUSE is not CAMEO 020's type REQUEST (cameo_plover.txt, eventForCameo)");
  // Every embedded trigger agrees with the mapping, appeals included.
  size_t appeals = 0;
  for (const auto& [word, t] : englishTriggers()) {
    if (t.cameo.empty()) continue;
    const auto e = kg::extract::eventForCameo(t.cameo);
    REQUIRE(e.has_value());
    CHECK(e->type == t.type);
    if (t.cameo.rfind("02", 0) == 0) ++appeals;
  }
  CHECK(appeals >= 5);  // urge, urged, asked, requested, request, ...
  for (const auto& [word, t] : japaneseTriggers())
    if (const auto e = kg::extract::eventForCameo(t.cameo); e && !t.cameo.empty()) CHECK(e->type == t.type);
  for (const auto& [word, t] : arabicTriggers())
    if (const auto e = kg::extract::eventForCameo(t.cameo); e && !t.cameo.empty()) CHECK(e->type == t.type);
}

// ---- japanese_triggers.txt

TEST_CASE("japaneseTriggers: the embedded table parses and nouns keep their readings", "[extract][relations]") {
  REQUIRE(parseJapaneseTriggers(japaneseTriggersText(), "japanese_triggers.txt").isOk());
  const auto& t = japaneseTriggers();
  CHECK(t.size() == 40);  // session 40: 訪問 (visit), 釈放 and 解放 (release)
  CHECK(t.at("承認").type == EdgeType::kSupport);
  CHECK(t.at("拿捕").type == EdgeType::kCoerce);
  CHECK(t.at("抗議").type == EdgeType::kAccuse);  // "Xに抗議した": a complaint to X (CAMEO 114)
  CHECK(t.at("抗議").cameo == "114");
  CHECK(t.at("報復").cameo == "138");
  CHECK(t.at("空爆").type == EdgeType::kAssault);
  CHECK(t.at("空爆").cameo == "195");
  CHECK(t.at("空爆").mode == "airstrike");
  CHECK(t.at("殺害").mode.empty());
  CHECK(t.at("支援").cameo.empty());
  CHECK(t.at("撤収").type == EdgeType::kRetreat);
}

TEST_CASE("parseJapaneseTriggers: a malformed line is FILE:LINE: what is wrong", "[extract][relations]") {
  const std::string f = "japanese_triggers.txt";
  CHECK(errorOf(parseJapaneseTriggers("ASSAULT 190: 殺害\n", f)) ==
        "japanese_triggers.txt:1: expected 3 field(s) before ':', found 2 in 'ASSAULT 190: 殺害'");
  CHECK(errorOf(parseJapaneseTriggers("\nASSAULT 19x -: 殺害\n", f)) ==
        "japanese_triggers.txt:2: '19x' is not a CAMEO code of cameo_plover.txt");
  CHECK(errorOf(parseJapaneseTriggers("ASSAULT 190 -: 殺害\nACCUSE 111 -: 非難 殺害\n", f)) ==
        "japanese_triggers.txt:2: '殺害' is already listed at line 1");
  CHECK(errorOf(parseJapaneseTriggers("ASSAULT 190 - 殺害\n", f)) ==
        "japanese_triggers.txt:1: no ':' between the head and the words in 'ASSAULT 190 - 殺害'");
}

// ---- arabic_triggers.txt

TEST_CASE("arabicTriggers: stems give their past forms and words are normalised", "[extract][relations]") {
  REQUIRE(parseArabicTriggers(arabicTriggersText(), "arabic_triggers.txt").isOk());
  const auto& t = arabicTriggers();
  CHECK(t.size() == 156);  // six stems of session 40 (استنكر شجب أشاد ناشد اقتحم أغار), three forms each
  for (const char* w : {"قتل", "قتلت", "قتلوا"}) {
    INFO(w);
    REQUIRE(t.count(w));
    CHECK(t.at(w).type == EdgeType::kAssault);
    CHECK(t.at(w).cameo == "190");
    CHECK(t.at(w).form == TriggerForm::kVerb);
  }
  CHECK(t.count(arabicNormalize("أدان")));  // written with hamza, found without
  CHECK(t.count("التقي"));                  // ى -> ي
  CHECK(t.at("انسحاب").form == TriggerForm::kNoun);
  CHECK(t.at("طرد").form == TriggerForm::kVerb);  // the verb reading of طرد
  CHECK(t.at(arabicNormalize("إخراج")).form == TriggerForm::kNoun);
}

TEST_CASE("parseArabicTriggers: a malformed line is FILE:LINE: what is wrong", "[extract][relations]") {
  const std::string f = "arabic_triggers.txt";
  CHECK(errorOf(parseArabicTriggers("particle ASSAULT 190: قتل\n", f)) ==
        "arabic_triggers.txt:1: kind 'particle' is not one of stem, verb, noun");
  CHECK(errorOf(parseArabicTriggers("stem KILL 190: قتل\n", f)).rfind(
            "arabic_triggers.txt:1: 'KILL' is not a PLOVER event type", 0) == 0);
  // The stem rule gives قتلت, which the next line lists again.
  CHECK(errorOf(parseArabicTriggers("stem ASSAULT 190: قتل\nverb ASSAULT 190: قتلت\n", f)) ==
        "arabic_triggers.txt:2: 'قتلت' is already listed at line 1");
  // The same word after normalisation: أدان and ادان.
  CHECK(errorOf(parseArabicTriggers("stem ACCUSE 111: أدان\nverb ACCUSE 111: ادان\n", f)) ==
        "arabic_triggers.txt:2: 'ادان' is already listed at line 1");
}

// ---- english_relation_words.txt

TEST_CASE("englishRelationWords: the embedded sets parse", "[extract][relations]") {
  REQUIRE(parseEnglishRelationWords(englishRelationWordsText(), "english_relation_words.txt").isOk());
  const auto& w = englishRelationWords();
  CHECK(w.prepositions.words().size() == 32);
  CHECK(w.prepositions.contains("towards"));
  CHECK(w.determiners.contains("drone"));
  CHECK(w.lightVerbs.words().size() == 17);
  CHECK(w.headTitles.contains("prime minister"));  // '_' is a space
  CHECK(w.leaderTitleWords.contains("secretary-general"));
  CHECK(w.titleQualifiers.words().front() == "high-ranking");  // tried in file order
  CHECK(w.titleQualifiers.words().back() == "us");
}

TEST_CASE("parseEnglishRelationWords: a malformed line is FILE:LINE: what is wrong", "[extract][relations]") {
  const std::string f = "english_relation_words.txt";
  std::string text(englishRelationWordsText());
  CHECK(errorOf(parseEnglishRelationWords(text + "adverbs: also\n", f)).find(": unknown set 'adverbs'") !=
        std::string::npos);
  CHECK(errorOf(parseEnglishRelationWords(text + "modals: will\n", f)).find(": 'will' is already in set modals") !=
        std::string::npos);
  CHECK(errorOf(parseEnglishRelationWords("auxiliaries: was\n", f)).rfind("english_relation_words.txt: no line for set ",
                                                                            0) == 0);
  CHECK(errorOf(parseEnglishRelationWords("\nauxiliaries was were\n", f)) ==
        "english_relation_words.txt:2: no ':' between the head and the words in 'auxiliaries was were'");
}

// ---- arabic_words.txt

TEST_CASE("arabicWords: the embedded sets parse, normalised", "[extract][relations]") {
  REQUIRE(parseArabicWords(arabicWordsText(), "arabic_words.txt").isOk());
  const auto& w = arabicWords();
  CHECK(w.strikeNouns.contains("غاره"));  // غارة: ة -> ه
  CHECK(w.strikeNouns.words().size() == 7);
  CHECK(w.nameParticles.contains("ال"));  // آل
  CHECK(w.negations.contains("لن"));
  CHECK(w.lightVerbs.contains("اجري"));  // أجرى: أ -> ا, ى -> ي
  CHECK(w.consultNouns.contains("اتصالا"));
  CHECK(w.launchingVerbs.contains("اطلقت"));  // أطلقت
  CHECK(w.timeWords.contains("الاربعاء"));    // الأربعاء
}

TEST_CASE("parseArabicWords: a malformed line is FILE:LINE: what is wrong", "[extract][relations]") {
  const std::string f = "arabic_words.txt";
  CHECK(errorOf(parseArabicWords("strike_nouns: غارة\nname_particles: بن\n", f)) ==
        "arabic_words.txt: no line for set negations");
  CHECK(errorOf(parseArabicWords("strike_nouns: غارة\nname_particles: بن\nnegations: لم\nnegation: لن\n", f)) ==
        "arabic_words.txt:4: unknown set 'negation'");
  CHECK(errorOf(parseArabicWords("strike_nouns: غارة غاره\nname_particles: بن\nnegations: لم\n", f)) ==
        "arabic_words.txt:1: 'غاره' is already in set strike_nouns");  // غارة and غاره are one word
}
