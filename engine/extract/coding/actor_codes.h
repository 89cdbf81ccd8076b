// CAMEO actor codes of an event's parties, composed as PETRARCH composes
// them: the actor's dictionary code, then each agent of its phrase in turn
// ("Polish officials": POL + ~GOV = POLGOV; "An MSF Arnor diplomat": NGO~ +
// ARN + ~GOV = NGOARNGOV). An agent whose code the actor code already holds
// adds nothing.
//
// Pure functions; safe from any thread.
#pragma once

#include <string>
#include <vector>

#include "base/date.h"
#include "extract/lexicon/agent_dictionary.h"
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

}  // namespace kg::extract
