#include "extract/relations/relations.h"

#include "extract/lexicon/cameo_plover.h"
#include "extract/relations/arabic_rules.h"
#include "extract/relations/english_rules.h"
#include "extract/relations/japanese_rules.h"
#include "extract/relations/standing_rules.h"

namespace kg::extract {
namespace {

bool anyScript(const std::vector<Token>& tokens, Script a, Script b) {
  for (const auto& t : tokens) {
    if (t.script == a || t.script == b) return true;
  }
  return false;
}

// One CAMEO -> PLOVER mapping (lexicon/cameo_plover.h) for every path: a
// rule that gives a CAMEO code takes that code's PLOVER type, as the event
// coder and `kg import` do, so "sealed an agreement" (057) is one fact
// whichever reader found it; an appeal (root 02) is REQUEST either way.
void typeFromCameo(std::vector<Fact>* facts) {
  for (Fact& f : *facts) {
    if (f.cameo.empty() || isStandingType(f.type)) continue;
    if (auto event = eventForCameo(f.cameo)) f.type = event->type;
  }
}

}  // namespace

// The rule groups in the order their facts are listed: Japanese and Arabic
// events, English events, then standing relations (titles, appositions).
std::vector<Fact> findRelations(const std::vector<Token>& tokens, const std::vector<Mention>& mentions,
                                Resolver& resolver, const PreviousSentence& previous) {
  std::vector<Fact> out;
  const auto& entities = resolver.entities();
  if (anyScript(tokens, Script::kKana, Script::kHan)) japaneseRelations(tokens, mentions, entities, &out);
  if (anyScript(tokens, Script::kArabic, Script::kArabic)) arabicRelations(tokens, mentions, entities, &out);
  englishRelations(tokens, mentions, entities, &out);
  standingRelations(tokens, mentions, resolver, &out, previous);
  undateEndedTenures(resolver, &out);
  typeFromCameo(&out);
  return out;
}

}  // namespace kg::extract
