// Arabic relations: typed edges from the mentions of one Arabic sentence.
//
// Arabic news prose puts the verb first (VSO): "اغتالت الولايات المتحدة
// قاسم سليماني" — the subject is the first mention after the verb, the
// object the next one ("التقى X بـY", "اجتمع X مع Y", "فرضت X عقوبات على Y"
// allow a few words or a preposition in between). A mention right before the
// verb is its subject instead (SVO). An attack verb whose first mention is
// followed by "في غارة / بضربة / في هجوم" + an actor is passive ("قتل X في
// غارة أمريكية": United States -> X); so is the noun "اغتيال X بغارة
// أمريكية", and "اغتيال واشنطن لسليماني" names the attacker first. "X
// المدعومة من Y" is Y SUPPORT X;
// "انسحاب القوات الأمريكية من العراق" is RETREAT; "إخراج القوات" COERCE.
// Verbs are recognised after their proclitics (و، ف) and in feminine and
// plural forms (اغتالت، هددت، اتهموا). Questions (هل، ؟) and negated verbs
// (لم، لن، لا، ما) give nothing; a name after ابن/بن/آل is part of another
// person's name ("ابن سلمان").
//
// Pure functions; safe from any thread.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "extract/actors/mentions.h"
#include "extract/relations/relations.h"

namespace kg::extract {

// The Arabic word normalised for verb rules: diacritics and tatweel dropped,
// alef variants to bare alef, alef maqsura to ya, ta marbuta to ha.
std::string arabicNormalize(std::string_view word);

// Appends the events of one sentence holding Arabic words to `out`.
void arabicRelations(const std::vector<Token>& tokens, const std::vector<Mention>& mentions,
                     const std::vector<Entity>& entities, std::vector<Fact>* out);

}  // namespace kg::extract
