// Other names a text gives an actor in passing: "the Popular Mobilization
// Forces, also known as al-Hashd al-Shaabi", "Ansar Allah (better known as
// the Houthis)", "Hayat Tahrir al-Sham, formerly known as the Nusra Front",
// "X, a.k.a. Y". Only names (capitalised words, Arabic articles and name
// particles between them) are taken; "known as a hardliner" is not a name.
//
// Pure function; safe from any thread.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "extract/actors/mentions.h"

namespace kg::extract {

struct KnownAs {
  size_t mention = 0;  // index into the sentence's mentions
  std::string alias;   // as written in the text
};

// True when token `at` starts the name an introducing phrase ("also known
// as", "aka", "a.k.a.", a "the" or quote allowed between) brings in: the
// mention finder makes no new actor of it.
bool followsKnownAs(const std::vector<Token>& tokens, size_t at);

// The "known as" names of `mentions` in one sentence (`tokens` of
// article text `text`).
std::vector<KnownAs> findKnownAs(std::string_view text, const std::vector<Token>& tokens,
                                 const std::vector<Mention>& mentions);

}  // namespace kg::extract
