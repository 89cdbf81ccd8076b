#include "extract/relations/rule_lexicon.h"

#include <utility>
#include <vector>

#include "extract/lexicon/cameo_plover.h"
#include "extract/relations/arabic_rules.h"

namespace kg::extract {
namespace {

// Head fields of each trigger file (see the file headers).
constexpr size_t kEnglishHeadFields = 4;   // TYPE CAMEO TENSE FORM
constexpr size_t kJapaneseHeadFields = 3;  // TYPE CAMEO MODE
constexpr size_t kArabicHeadFields = 3;    // KIND TYPE CAMEO
// "-" in a CAMEO or MODE field: none.
constexpr std::string_view kNone = "-";
// The past forms an Arabic verb stem gives: feminine -ت and plural -وا.
constexpr std::string_view kArabicFeminineSuffix = "\u062A";
constexpr std::string_view kArabicPluralSuffix = "\u0648\u0627";

// The PLOVER event type named by `field` (standing relations are not events).
Result<EdgeType> eventType(const std::string& field, std::string_view file, uint32_t line) {
  auto type = parseEdgeType(field);
  if (!type.isOk() || isStandingType(*type))
    return wordLineError(file, line, "'" + field + "' is not a PLOVER event type; valid: " + edgeTypeList());
  return *type;
}

// The CAMEO code of `field`, "" for "-".
Result<std::string> cameoCode(const std::string& field, std::string_view file, uint32_t line) {
  if (field == kNone) return std::string();
  if (!isCameoCode(field)) return wordLineError(file, line, "'" + field + "' is not a CAMEO code of cameo_plover.txt");
  return field;
}

std::string noneAsEmpty(const std::string& field) { return field == kNone ? std::string() : field; }

// A trigger's type must be the one type the project's CAMEO mapping
// (eventForCameo, lexicon/cameo_plover.h) gives its CAMEO code, so that the same
// act gets the same type from every language and from `kg import`.
Status matchesCameo(EdgeType type, const std::string& cameo, std::string_view file, uint32_t line) {
  if (cameo.empty()) return Status::ok();
  const auto event = eventForCameo(cameo);
  if (!event || event->type == type) return Status::ok();
  return wordLineError(file, line,
                       "type " + std::string(edgeTypeName(type)) + " is not CAMEO " + cameo + "'s type " +
                           std::string(edgeTypeName(event->type)) + " (cameo_plover.txt, eventForCameo)");
}

Result<Tense> tenseOf(const std::string& field, std::string_view file, uint32_t line) {
  if (field == "present") return Tense::kPresent;
  if (field == "past") return Tense::kPast;
  if (field == "none") return Tense::kNone;
  return wordLineError(file, line, "tense '" + field + "' is not one of present, past, none");
}

// Adds `word` -> `value` unless the word is already there (from line
// `lines[word]`, kept for the message).
template <typename Table>
Status addOnce(Table* table, std::unordered_map<std::string, uint32_t>* lines, const std::string& word,
               typename Table::mapped_type value, std::string_view file, uint32_t line) {
  if (auto [it, fresh] = lines->emplace(word, line); !fresh)
    return wordLineError(file, line, "'" + word + "' is already listed at line " + std::to_string(it->second));
  table->emplace(word, std::move(value));
  return Status::ok();
}

Result<EnglishTrigger> englishTriggerOf(const WordLine& l, std::string_view file) {
  EnglishTrigger t;
  auto type = eventType(l.head[0], file, l.line);
  if (!type.isOk()) return type.status();
  auto cameo = cameoCode(l.head[1], file, l.line);
  if (!cameo.isOk()) return cameo.status();
  auto tense = tenseOf(l.head[2], file, l.line);
  if (!tense.isOk()) return tense.status();
  const std::string& form = l.head[3];
  if (form != "verb" && form != "noun" && form != "passive")
    return wordLineError(file, l.line, "form '" + form + "' is not one of verb, noun, passive");
  if (Status st = matchesCameo(*type, *cameo, file, l.line); !st.isOk()) return st;
  t.type = *type;
  t.cameo = std::move(cameo).value();
  t.tense = *tense;
  t.form = form == "noun" ? TriggerForm::kNoun : TriggerForm::kVerb;
  t.passiveOnly = form == "passive";
  return t;
}

Result<JapaneseTrigger> japaneseTriggerOf(const WordLine& l, std::string_view file) {
  auto type = eventType(l.head[0], file, l.line);
  if (!type.isOk()) return type.status();
  auto cameo = cameoCode(l.head[1], file, l.line);
  if (!cameo.isOk()) return cameo.status();
  if (Status st = matchesCameo(*type, *cameo, file, l.line); !st.isOk()) return st;
  return JapaneseTrigger{*type, std::move(cameo).value(), noneAsEmpty(l.head[2])};
}

// The words an Arabic line lists, normalised: a stem gives its past forms too.
Result<std::vector<std::string>> arabicForms(const WordLine& l, std::string_view file) {
  const std::string& kind = l.head[0];
  if (kind != "stem" && kind != "verb" && kind != "noun")
    return wordLineError(file, l.line, "kind '" + kind + "' is not one of stem, verb, noun");
  std::vector<std::string> forms;
  for (const auto& w : l.words) {
    const std::string norm = arabicNormalize(w);
    forms.push_back(norm);
    if (kind != "stem") continue;
    forms.push_back(norm + std::string(kArabicFeminineSuffix));
    forms.push_back(norm + std::string(kArabicPluralSuffix));
  }
  return forms;
}

// Runs `read(line)` -> Result<Value> on every line of `text` and enters each
// of its words (as `wordsOf(line)` gives them) once into the table.
template <typename Table, typename ReadFn, typename WordsFn>
Result<Table> parseTriggers(std::string_view text, std::string_view file, size_t headFields, ReadFn read,
                            WordsFn wordsOf) {
  auto lines = parseWordLines(text, file, headFields);
  if (!lines.isOk()) return lines.status();
  Table table;
  std::unordered_map<std::string, uint32_t> firstLine;
  for (const auto& l : lines.value()) {
    auto value = read(l, file);
    if (!value.isOk()) return value.status();
    auto words = wordsOf(l, file);
    if (!words.isOk()) return words.status();
    for (const auto& w : words.value())
      if (Status s = addOnce(&table, &firstLine, w, value.value(), file, l.line); !s.isOk()) return s;
  }
  return table;
}

Result<std::vector<std::string>> listedWords(const WordLine& l, std::string_view /*file*/) { return l.words; }

using E = EnglishRelationWords;
constexpr std::pair<std::string_view, WordSet E::*> kEnglishSets[] = {
    {"auxiliaries", &E::auxiliaries},
    {"prepositions", &E::prepositions},
    {"determiners", &E::determiners},
    {"subordinators", &E::subordinators},
    {"relatives", &E::relatives},
    {"modals", &E::modals},
    {"sequence_adverbs", &E::sequenceAdverbs},
    {"role_nouns", &E::roleNouns},
    {"light_verbs", &E::lightVerbs},
    {"target_prepositions", &E::targetPrepositions},
    {"location_prepositions", &E::locationPrepositions},
    {"agreement_nouns", &E::agreementNouns},
    {"governing_words", &E::governingWords},
    {"cancelled_participles", &E::cancelledParticiples},
    {"leader_title_words", &E::leaderTitleWords},
    {"head_titles", &E::headTitles},
    {"honorifics", &E::honorifics},
    {"ranks", &E::ranks},
    {"state_vague_titles", &E::stateVagueTitles},
    {"place_prepositions", &E::placePrepositions},
    {"owner_nouns", &E::ownerNouns},
    {"state_body_heads", &E::stateBodyHeads},
    {"appointing_verbs", &E::appointingVerbs},
    {"appointed_title_openers", &E::appointedTitleOpeners},
    {"replacing_verbs", &E::replacingVerbs},
    {"subject_pronouns", &E::subjectPronouns},
    {"saying_words", &E::sayingWords},
    {"aspectual_verbs", &E::aspectualVerbs},
    {"mandative_words", &E::mandativeWords},
    {"occasion_nouns", &E::occasionNouns},
    {"clause_link_words", &E::clauseLinkWords},
    {"role_word_stems", &E::roleWordStems},
    {"title_qualifiers", &E::titleQualifiers},
    {"unnamed_group_heads", &E::unnamedGroupHeads},
};

constexpr std::pair<std::string_view, WordSet ArabicWords::*> kArabicSets[] = {
    {"strike_nouns", &ArabicWords::strikeNouns},
    {"name_particles", &ArabicWords::nameParticles},
    {"negations", &ArabicWords::negations},
    {"leader_titles", &ArabicWords::leaderTitles},
    {"official_titles", &ArabicWords::officialTitles},
    {"light_verbs", &ArabicWords::lightVerbs},
    {"consult_nouns", &ArabicWords::consultNouns},
    {"signing_verbs", &ArabicWords::signingVerbs},
    {"agreement_nouns", &ArabicWords::agreementNouns},
    {"launching_verbs", &ArabicWords::launchingVerbs},
    {"attack_objects", &ArabicWords::attackObjects},
    {"verbal_qualifiers", &ArabicWords::verbalQualifiers},
    {"time_words", &ArabicWords::timeWords},
};

}  // namespace

Result<EnglishTriggers> parseEnglishTriggers(std::string_view text, std::string_view file) {
  return parseTriggers<EnglishTriggers>(text, file, kEnglishHeadFields, englishTriggerOf, listedWords);
}

Result<JapaneseTriggers> parseJapaneseTriggers(std::string_view text, std::string_view file) {
  return parseTriggers<JapaneseTriggers>(text, file, kJapaneseHeadFields, japaneseTriggerOf, listedWords);
}

Result<ArabicTriggers> parseArabicTriggers(std::string_view text, std::string_view file) {
  auto read = [](const WordLine& l, std::string_view f) -> Result<ArabicTrigger> {
    auto type = eventType(l.head[1], f, l.line);
    if (!type.isOk()) return type.status();
    auto cameo = cameoCode(l.head[2], f, l.line);
    if (!cameo.isOk()) return cameo.status();
    if (Status st = matchesCameo(*type, *cameo, f, l.line); !st.isOk()) return st;
    const TriggerForm form = l.head[0] == "noun" ? TriggerForm::kNoun : TriggerForm::kVerb;
    return ArabicTrigger{*type, std::move(cameo).value(), form};
  };
  return parseTriggers<ArabicTriggers>(text, file, kArabicHeadFields, read, arabicForms);
}

Result<EnglishRelationWords> parseEnglishRelationWords(std::string_view text, std::string_view file) {
  return parseWordSetFields<EnglishRelationWords>(text, file, kEnglishSets);
}

Result<ArabicWords> parseArabicWords(std::string_view text, std::string_view file) {
  return parseWordSetFields<ArabicWords>(text, file, kArabicSets, arabicNormalize);
}

const EnglishTriggers& englishTriggers() {
  static const Result<EnglishTriggers> table = parseEnglishTriggers(englishTriggersText(), "english_triggers.txt");
  return requireEmbedded(table);
}

const JapaneseTriggers& japaneseTriggers() {
  static const Result<JapaneseTriggers> table =
      parseJapaneseTriggers(japaneseTriggersText(), "japanese_triggers.txt");
  return requireEmbedded(table);
}

const ArabicTriggers& arabicTriggers() {
  static const Result<ArabicTriggers> table = parseArabicTriggers(arabicTriggersText(), "arabic_triggers.txt");
  return requireEmbedded(table);
}

const EnglishRelationWords& englishRelationWords() {
  static const Result<EnglishRelationWords> words =
      parseEnglishRelationWords(englishRelationWordsText(), "english_relation_words.txt");
  return requireEmbedded(words);
}

const ArabicWords& arabicWords() {
  static const Result<ArabicWords> words = parseArabicWords(arabicWordsText(), "arabic_words.txt");
  return requireEmbedded(words);
}

}  // namespace kg::extract
