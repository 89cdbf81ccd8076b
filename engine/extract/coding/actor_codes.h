// CAMEO actor codes of an event's parties, composed as PETRARCH composes
// them: the actor's dictionary code, then each agent of its phrase in turn
// ("Polish officials": POL + ~GOV = POLGOV; "An MSF Arnor diplomat": NGO~ +
// ARN + ~GOV = NGOARNGOV). An agent whose code the actor code already holds
// adds nothing.
//
// Pure functions; safe from any thread.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "base/date.h"
#include "extract/actors/catalog.h"
#include "extract/actors/resolver.h"
#include "extract/coding/event_coder.h"
#include "extract/lexicon/agent_dictionary.h"
#include "extract/syntax/clauses.h"
#include "model/actor.h"

namespace kg::extract {

// The actor's own code on `day`: a PETRARCH actor dictionary's dated code,
// else our dictionary's `attr code`, else a state's country code; "" when
// none.
std::string actorCodeOn(const Actor& actor, Date day);

// `actor` followed by the agents `agents` finds among `words` (the phrase's
// words, lower case). An empty actor code becomes the agents' codes alone
// ("officials" -> "GOV"), as PETRARCH writes them.
std::string composeCode(std::string actor, const AgentDictionary& agents, const std::vector<std::string>& words);

// An article entity's own code on `day`: its actor's (actorCodeOn), else,
// for a dictionary actor, its `catalog` record's; "" when none.
std::string entityCodeOn(const Entity& entity, const Catalog& catalog, Date day);

// An entity's own code ("" when none), as the caller knows its entities.
using EntityCode = std::function<std::string(size_t entity)>;

// Which words of phrase `np` an agent may come from.
enum class AgentWords : uint8_t {
  kUpToHead,    // the phrase's own words up to its head: not a nested "of"
                // or relative part ("Iraqi militia leaders of ..." is IRQUAF...)
  kWholeSpan,   // every word of the span (PETRARCH's reading, for its suite)
};

// The code of the party `entity` that phrase `np` of `parse` names: the
// entity's own code, else the first of the phrase's owners (`actors[np]`
// after its first entry: "Gondor's Prime Minister Falastur") that has one,
// composed with each dictionary of `agents` in turn. "" when no code is
// found and `composeWithoutCode` is false; with it, the agents' codes alone
// ("GOV"). `np` may be syntax::kNoIndex (then no agents).
std::string partyCode(const syntax::SentenceParse& parse, const NpActors& actors, size_t entity, int32_t np,
                      const EntityCode& entityCode, const std::vector<const AgentDictionary*>& agents,
                      AgentWords words = AgentWords::kUpToHead, bool composeWithoutCode = false);

}  // namespace kg::extract
