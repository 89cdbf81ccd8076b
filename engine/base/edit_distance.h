// Levenshtein distance between two byte strings: the one spelling measure
// of actor identity (core/actor_identity), name suggestions
// (core::Engine::closestNames) and command suggestions (kg's "did you
// mean"). Bytes, not characters: callers compare folded ASCII keys or
// command words.
//
// Thread safety: a pure function.
#pragma once

#include <cstddef>
#include <string_view>

namespace kg {

// The number of single-byte insertions, deletions and substitutions that
// turn `a` into `b`. O(|a|·|b|) time, O(|b|) memory.
size_t editDistance(std::string_view a, std::string_view b);

}  // namespace kg
