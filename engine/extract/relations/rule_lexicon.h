// The word tables the relation rules read, from the project data files
// (engine/extract/data/, format in lexicon/word_lines.h):
//   english_triggers.txt        English verbs and nouns -> event (english_rules)
//   japanese_triggers.txt       Japanese action nouns -> event (japanese_rules)
//   arabic_triggers.txt         Arabic verbs and nouns -> event (arabic_rules)
//   english_relation_words.txt  English word sets (english_rules, standing_rules)
//   arabic_words.txt            Arabic word sets (arabic_rules)
// Each file is embedded at build time; the parse functions read any text
// (tests give them malformed lines) and report "FILE:LINE: what is wrong" as
// InvalidArgument. The accessors parse the embedded text once, at first use,
// and abort with that message when it is malformed (lexicon/word_lines.h,
// requireEmbedded). Returned references live as long as the program.
//
// Pure functions over immutable tables; safe from any thread.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>

#include "base/status.h"
#include "extract/lexicon/word_lines.h"
#include "extract/relations/relations.h"
#include "model/edge.h"

namespace kg::extract {

enum class TriggerForm : uint8_t { kVerb, kNoun };

struct EnglishTrigger {
  EdgeType type = EdgeType::kConsult;
  std::string cameo;  // "" for none
  Tense tense = Tense::kNone;
  TriggerForm form = TriggerForm::kVerb;
  bool passiveOnly = false;  // "martyred": the subject is the target
};
using EnglishTriggers = std::unordered_map<std::string, EnglishTrigger>;  // by lower-case word

struct JapaneseTrigger {
  EdgeType type = EdgeType::kConsult;
  std::string cameo;  // "" for none
  std::string mode;   // "" for none
};
using JapaneseTriggers = std::unordered_map<std::string, JapaneseTrigger>;  // by noun

struct ArabicTrigger {
  EdgeType type = EdgeType::kConsult;
  std::string cameo;  // "" for none
  TriggerForm form = TriggerForm::kVerb;
};
using ArabicTriggers = std::unordered_map<std::string, ArabicTrigger>;  // by arabicNormalize'd word

// The sets of english_relation_words.txt (its header says what each is for).
struct EnglishRelationWords {
  WordSet auxiliaries, prepositions, determiners, subordinators, relatives, modals, sequenceAdverbs, roleNouns,
      lightVerbs, targetPrepositions, locationPrepositions, agreementNouns, governingWords, cancelledParticiples;
  WordSet leaderTitleWords, headTitles, honorifics, ranks, stateVagueTitles, roleWordStems, titleQualifiers;
  WordSet placePrepositions, clauseLinkWords, ownerNouns, stateBodyHeads, appointingVerbs, appointedTitleOpeners,
      replacingVerbs;
  WordSet subjectPronouns, sayingWords;  // english_rules: the speaker is not the subject of what was said
  WordSet aspectualVerbs;               // english_rules: "to keep targeting" is intended
  WordSet mandativeWords;               // english_rules: "demanded that X withdraw" has not happened
  WordSet occasionNouns;                // english_rules: "met at the G20 summit" meets no G20
  WordSet unnamedGroupHeads;            // standing_rules: "The Iran-backed group ... its commander"
};

// The sets of arabic_words.txt, words arabicNormalize'd.
struct ArabicWords {
  WordSet strikeNouns, nameParticles, negations;
  WordSet leaderTitles, officialTitles;  // the title words before a state and its holder
  WordSet lightVerbs, consultNouns;       // "أجرى X اتصالا هاتفيا مع Y": talks
  WordSet signingVerbs, agreementNouns;   // "وقعت X وY اتفاقية": signed an agreement
  WordSet launchingVerbs, attackObjects;  // "شنت X غارات على Y", "أطلقت X صواريخ على Y"
  WordSet verbalQualifiers;               // "شن X هجوما حادا على Y": words, not arms
  WordSet timeWords;                      // "يوم الأربعاء": not counted between a verb and its arguments
};

// Parse `text` in the format of the file named; `file` names it in errors.
// Besides malformed lines (word_lines.h): an unknown or standing edge type,
// a CAMEO code not in cameo_plover.txt, an unknown tense / form / kind, a
// word listed twice.
Result<EnglishTriggers> parseEnglishTriggers(std::string_view text, std::string_view file);
Result<JapaneseTriggers> parseJapaneseTriggers(std::string_view text, std::string_view file);
Result<ArabicTriggers> parseArabicTriggers(std::string_view text, std::string_view file);
Result<EnglishRelationWords> parseEnglishRelationWords(std::string_view text, std::string_view file);
Result<ArabicWords> parseArabicWords(std::string_view text, std::string_view file);

// The embedded tables.
const EnglishTriggers& englishTriggers();
const JapaneseTriggers& japaneseTriggers();
const ArabicTriggers& arabicTriggers();
const EnglishRelationWords& englishRelationWords();
const ArabicWords& arabicWords();

// The embedded texts (static storage), as the data files hold them.
std::string_view englishTriggersText();
std::string_view japaneseTriggersText();
std::string_view arabicTriggersText();
std::string_view englishRelationWordsText();
std::string_view arabicWordsText();

}  // namespace kg::extract
