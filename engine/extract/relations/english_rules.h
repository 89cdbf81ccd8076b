// English relations: events from verb and noun triggers in one sentence.
//
// Events (PLOVER types, CAMEO code where one fits) come from verb and noun
// triggers: "killed", "warned", "met", "urged", "accused", "sanctions",
// "Tehran-backed", "withdrawal of", ... The source is the subject before an
// active verb, or the agent after "by" ("in a US drone strike") for a passive
// one; the target is the object after it. A past attack verb followed by
// "in"/"during"/"at"/"near" is a reduced passive ("Soleimani killed in US
// drone strike": United States -> Soleimani; no agent, no edge). A verb right
// after "and" shares the subject of the verb before it ("A condemned the raid
// and threatened B": A -> B). Coordinated mentions ("Soleimani
// and al-Muhandis", "A, B and C") each take part. Media named only as the
// outlet quoted are never arguments.
//
// Pure function; safe from any thread.
#pragma once

#include <vector>

#include "extract/actors/mentions.h"
#include "extract/relations/relations.h"

namespace kg::extract {

// Appends the events the English triggers of one sentence state to `out`.
void englishRelations(const std::vector<Token>& tokens, const std::vector<Mention>& mentions,
                      const std::vector<Entity>& entities, std::vector<Fact>* out);

}  // namespace kg::extract
