// "The African Union followed suit", "Canada did the same": a sentence whose
// only news is that its subject repeated the act the previous sentence
// reported. The earlier sentence's done events are copied with the new
// subject as their source (a state's own target is dropped: "Germany
// expelled Russian diplomats. Russia did the same" does not make Russia
// expel itself).
//
// Pure functions; safe from any thread.
#pragma once

#include <optional>
#include <vector>

#include "extract/actors/mentions.h"
#include "extract/actors/tokens.h"
#include "extract/relations/relations.h"

namespace kg::extract {

// The events of `previous` (the facts of the last sentence that coded a
// done event) repeated by this sentence's subject, when the sentence reads
// "<actor> (also) followed suit" or "<actor> (later) did the same" with the
// actor its first mention and no event of its own (`sentenceFacts`); empty
// otherwise.
std::vector<Fact> followSuitFacts(const std::vector<Token>& tokens, const std::vector<Mention>& mentions,
                                  const std::vector<Fact>& previous, const std::vector<Fact>& sentenceFacts);

}  // namespace kg::extract
