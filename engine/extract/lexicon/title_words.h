// The words of titles written before names ("Prime Minister", "Lt. Gen."),
// which `kg resolve` drops when a name matches nothing (core/engine.cpp).
// The list is engine/extract/data/title_words.txt (format in word_lines.h),
// embedded at build time.
//
// Pure functions over an immutable set; safe from any thread.
#pragma once

#include <string_view>

#include "base/status.h"
#include "extract/lexicon/word_lines.h"

namespace kg::extract {

// The set of title_words.txt's format read from `text`; InvalidArgument
// "FILE:LINE: ..." (FILE is `file`) for a malformed line.
Result<WordSet> parseTitleWords(std::string_view text, std::string_view file);

// The embedded set, parsed at first use (which aborts on a malformed line,
// word_lines.h requireEmbedded). Lower case, without a final '.'.
const WordSet& titleWords();

// The words that open a deputy's title ("deputy", "vice", "assistant"):
// title_words.txt's subordinate_title_openers, parsed at first use like
// titleWords(). Shared by the mention reader and the standing rules.
const WordSet& subordinateTitleOpeners();

// The titles of the heads of a state's armed forces ("army chief"):
// title_words.txt's state_service_titles, parsed at first use like
// titleWords(). Whole titles, lower case, words joined by spaces.
const WordSet& stateServiceTitles();

// True when `word` (lower case) opens a deputy's title.
bool isSubordinateTitleOpener(std::string_view word);

// The text of title_words.txt as embedded (static storage).
std::string_view titleWordsText();

}  // namespace kg::extract
