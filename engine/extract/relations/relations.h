// Relations: typed edges between the mentions of one sentence, from pattern
// rules, one file pair per rule group:
//   english_rules.h   events from English verb and noun triggers;
//   japanese_rules.h  events from Japanese particles and action nouns;
//   arabic_rules.h    events from Arabic verb-first sentences;
//   standing_rules.h  standing relations from titles and appositives.
// (The English event coder, extract/coding/, reads English sentences too.)
//
// findRelations may add entities to `resolver` (the body of an office the
// dictionary records for a title read before a known person: standing_rules.h),
// so a resolver is one article's and one thread's; the rule tables are
// immutable and shared.
#pragma once

#include <string>
#include <vector>

#include "base/date.h"
#include "extract/actors/mentions.h"
#include "extract/actors/resolver.h"
#include "model/edge.h"

namespace kg::extract {

enum class Tense : uint8_t { kPresent, kPast, kNone };

struct Fact {
  size_t src = 0;  // Resolver entities
  size_t dst = 0;
  EdgeType type = EdgeType::kConsult;
  std::string mode;
  std::string cameo;
  std::string title;
  std::string srcCode;  // CAMEO actor codes composed by the event coder ("POLGOV"); "" when none
  std::string dstCode;
  float confidence = 0.5f;
  Tense tense = Tense::kNone;  // of the trigger verb (drives the date rule)
  // An event announced, planned or threatened but not (yet) done ("will
  // withdraw", "plans to strike"), written with mode "planned". Dated by
  // when it was planned: the date its sentence names, else the article's
  // (ExtractorImpl), never by when it is to happen; its tense is kNone.
  bool planned = false;
  // Told in passing, in a relative clause ("after the strike that killed
  // X"): the sentence's date belongs to its main verb, not to this event. It
  // takes the date its own clause gives (`clauseDate`, "who were killed ...
  // on January 3") or stays undated (and so joins its edge reported elsewhere).
  // For a standing relation: an office the text says is over ("the former
  // prime minister X"), left undated rather than held on the article's date.
  bool background = false;
  // Also, for an event of a subordinate or reported clause that names its
  // own day ("after X met Y on Wednesday"), that day: it beats the sentence's.
  Date clauseDate;
  // An event of a clause opened by "after", "since" or "before" that names
  // no day of its own: the day the sentence names is its main verb's, not
  // this event's ("agreed on Monday to impose sanctions after its
  // authorities arrested X"); dated as an undated sentence's event is.
  bool sentenceDateNotOwn = false;
};

// What the sentence right before named, for the rules reading the next:
// the catalog index of the one state it named by name, title or demonym
// (kNoActor when none or several; the caller passes kNoActor too when the
// next sentence has a demonym of its own), and the organisations, armed
// groups and government bodies it named (entities, in text order).
struct PreviousSentence {
  size_t state = kNoActor;
  std::vector<size_t> bodies;
  bool demonym = false;  // it has a state's demonym (namedIn); not read by findRelations
};

// `previous`: a bare title in a sentence naming no state is read as the
// office of the state the sentence before named, and "the agency's director
// general, X" opening a sentence as an office of the body it named
// (standingRelations).
std::vector<Fact> findRelations(const std::vector<Token>& tokens, const std::vector<Mention>& mentions,
                                Resolver& resolver, const PreviousSentence& previous = {});

}  // namespace kg::extract
