// Sentence boundaries for English, Japanese and Arabic text, as byte offsets
// into the text. Works on normalised text (see normalizer.h): quotes and
// full-width punctuation are already ASCII.
//
// A sentence ends at a line break, at 。 (and the closing brackets after it),
// at ! ? ؟ ۔, and at '.' unless the word before it is an abbreviation
// ("Lt.", "Gen.", "Mr.", "U.S.", "p.m.", an initial) or the next word starts
// in lower case. A sentence longer than kMaxSentenceBytes is cut at a space,
// so that no later stage sees an unbounded sentence.
// Stateless; safe to call from several threads.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "extract/article.h"

namespace kg::extract {

inline constexpr size_t kMaxSentenceBytes = 4096;

// Sentences in order, each trimmed of surrounding spaces; never empty.
std::vector<Sentence> splitSentences(std::string_view text);

}  // namespace kg::extract
