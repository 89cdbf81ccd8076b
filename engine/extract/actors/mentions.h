// Mentions: where an article names an actor, and which actor it is.
//
// findMentions() reads the tokens of a sentence (tokens.h) against the alias
// index (mention_index.h): dictionary matches (longest first, skeleton
// matches only when unique and of similar length), surnames, office roles
// ("the premier", "Iraq's prime minister", "イラク首相"), and rules for
// actors the catalog lacks: a title before a capitalised name ("Brigadier
// General William Seely"), an appositive after one ("X, the secretary
// general of Y"), a speech verb after one, an organisation suffix ("...
// Committee", "... Brigades").
//
// Thread safety: findMentions writes only to the Resolver it is given.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "extract/actors/mention_index.h"
#include "extract/actors/resolver.h"
#include "extract/actors/tokens.h"

namespace kg::extract {

// How a mention was found (drives confidence).
enum class MentionSource : uint8_t { kAlias, kSkeleton, kSurname, kRole, kRule };

struct Mention {
  size_t tokBegin = 0;  // token range [tokBegin, tokEnd) within the sentence's tokens
  size_t tokEnd = 0;
  size_t begin = 0;  // byte range in the article text
  size_t end = 0;
  size_t entity = 0;  // Resolver entity
  MentionSource source = MentionSource::kAlias;
  float confidence = 1.0f;
  // A title written with it ("Secretary of State Mike Pompeo"), and the
  // entity the title belongs to when written ("US", "Iraq's"); kNoActor if none.
  std::string title;
  size_t titleOf = kNoActor;
  size_t titleBegin = 0;  // first token of the title and its owner (== tokBegin when none)
  bool titleApposed = false;  // the title stood before a comma ("the Iranian ambassador, X")
  bool titleOneOfMany = false;  // written as one of several holders ("a commander of X, Y")
  bool modifier = false;    // only qualifies another mention ("US" in "US ambassador X")
  bool possessive = false;  // written "Iran's": qualifies the noun after it
  bool prepositionPrefix = false;  // Arabic, written after ب/ل ("لسورية": to Syria): governed by a preposition
};

// The mentions of one sentence in text order.
std::vector<Mention> findMentions(const std::vector<Token>& tokens, const MentionIndex& index, Resolver* resolver);

// True for the lower-case words that say an office is no longer held:
// "former", "ex", "late", "outgoing", "ousted", "deposed" ("the former
// Bolivian president" is not the president of the day). Pure; any thread.
bool isPastOfficeWord(std::string_view lower);

// "two militia leaders, A of the X Brigades and B ...": the plural noun of
// people (given_names.txt people_nouns, as written: "leaders") whose list of
// names, after it and a comma, the name at token `b` belongs to; nullptr when
// the name is in no such list. What may stand between the comma and the name:
// capitalised words, articles, commas, "and", "of". The pointer is into
// `tokens` (valid while it is); pure, safe from any thread.
const std::string* peopleListNoun(const std::vector<Token>& tokens, size_t b);

}  // namespace kg::extract
