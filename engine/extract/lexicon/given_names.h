// Given names that open a person's name, and the last words of place names
// that rule a run out (engine/extract/data/given_names.txt, format in
// word_lines.h, embedded at build time). Read by actors/mentions.cpp: an
// unknown capitalised run of two to four words whose first word is a given
// name and whose last word is no place head is a person; a short lower-case
// syllable after a hyphen that is no hyphen word stays in a name ("Tsai
// Ing-wen"); a capitalised run after a group noun ("the militant group
// Jaish al-Adl") is an organisation or armed group, and one after a company
// noun ("the Russian lender Sberbank") an organisation.
//
// Pure functions over immutable sets; safe from any thread.
#pragma once

#include <string_view>

#include "base/status.h"
#include "extract/lexicon/word_lines.h"

namespace kg::extract {

struct GivenNames {
  WordSet givenNames;  // lower case: "mohamed", "aung", "kim"
  WordSet placeHeads;  // lower case: "airport", "base", "province"
  WordSet hyphenWords;  // after a hyphen, no name syllable: "run", "era"
  WordSet groupNouns;   // a name after them is a group's: "group", "movement"
  WordSet kinNouns;     // "his brother Laith": a given name after them is a person's
  WordSet arabicGroupPrefixes;  // a name they open is an armed group's: "Harakat", "Saraya"
  WordSet leadingNouns;  // a name after them and "of" is a body's: "the leader of X"
  WordSet armedWords;   // before a group noun, the group is armed: "militant"
  WordSet companyNouns;  // a name after them is a company's: "company", "lender"
  WordSet personNouns;  // a name after them is a person's: "activist", "journalist"
  WordSet peopleNouns;  // names listed after them and a comma are people: "leaders"
  WordSet notGivenNames;  // first words of dictionary persons that are no given name: "sheikh", "san"
  WordSet personObjectVerbs;  // a name right after them is a person's: "arrested", "freed"
  WordSet nameClosers;        // words that may follow such a name: "on", "in", "and"
  WordSet homeBoundNames;     // a body's bare name any state's body may bear: "congress"
  WordSet tenureWords;     // between an owner and a title: "caretaker" (Poland's caretaker prime minister)
  WordSet officeFieldWords;  // between an owner and a title: "national security" (Israel's national security minister)
  WordSet stateNameHeads;  // a capitalised one after a state's name makes another name: "lobby" (Israel Lobby)
  WordSet arabicStandaloneOpeners;  // Arabic verbs after which a state's adjective stands alone: "قال"
};

// The sets of given_names.txt's format read from `text`; InvalidArgument
// "FILE:LINE: ..." (FILE is `file`) for a malformed line or a missing set.
Result<GivenNames> parseGivenNames(std::string_view text, std::string_view file);

// The embedded sets, parsed at first use (which aborts on a malformed line,
// word_lines.h requireEmbedded).
const GivenNames& givenNames();

// The text of given_names.txt as embedded (static storage).
std::string_view givenNamesText();

}  // namespace kg::extract
