// Japanese relations: typed edges from the mentions of one sentence holding
// kana or kanji.
//
// The subject is the mention marked by が/は, the object
// the one marked by を (に for requests, warnings and "制裁を科す", と for
// talks, から for withdrawals), the verb an action noun (殺害, 空爆, 非難,
// 威嚇, 会談/電話会談/会見, 求め, 制裁, 支援, 撤退/撤収 ...); "される" makes it
// passive, the agent marked に/で/により/によって or owning the strike noun
// ("米軍の空爆で"). A name inside a base's name ("アサド空軍基地") is a place.
//
// Pure function; safe from any thread.
#pragma once

#include <vector>

#include "extract/actors/mentions.h"
#include "extract/relations/relations.h"

namespace kg::extract {

// Appends the events of one sentence holding Japanese words to `out`.
void japaneseRelations(const std::vector<Token>& tokens, const std::vector<Mention>& mentions,
                       const std::vector<Entity>& entities, std::vector<Fact>* out);

}  // namespace kg::extract
