// Relations: typed edges between the mentions of one sentence.
//
// Events (PLOVER types, CAMEO code where one fits) come from verb and noun
// triggers: "killed", "warned", "met", "urged", "accused", "sanctions",
// "Tehran-backed", "withdrawal of", ... The source is the subject before an
// active verb, or the agent after "by" ("in a US drone strike") for a passive
// one; the target is the object after it. A past attack verb followed by
// "in"/"during"/"at"/"near" is a reduced passive ("Soleimani killed in US
// drone strike": United States -> Soleimani; no agent, no edge). A verb right
// after "and" shares the subject of the verb before it ("A condemned the raid
// and threatened B": A -> B). Coordinated mentions ("Soleimani
// and al-Muhandis", "A, B and C") each take part. Media named only as the
// outlet quoted are never arguments.
//
// Japanese sentences: see extract/relations/japanese_rules.h.
// Arabic sentences: see extract/relations/arabic_rules.h.
//
// Standing relations come from titles ("Secretary of State Mike Pompeo":
// OFFICIAL_OF United States) and appositives ("Qais al-Khazali, the secretary
// general of Asa'ib Ahl al-Haq": LEADER_OF; "..., a member of X": MEMBER_OF;
// "X, which is part of Y": PART_OF).
//
// Pure functions; safe from any thread.
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
  float confidence = 0.5f;
  Tense tense = Tense::kNone;  // of the trigger verb (drives the date rule)
  // An event announced, planned or threatened but not (yet) done ("will
  // withdraw", "plans to strike"). Hook for the relation rules: nothing sets
  // it yet. A planned event is never dated as done on the article's date
  // (ExtractorImpl leaves it undated unless its sentence names a date).
  bool planned = false;
  // Told in passing, in a relative clause ("after the strike that killed
  // X"): the sentence's date belongs to its main verb, not to this event. It
  // takes the date its own clause gives (`clauseDate`, "who were killed ...
  // on January 3") or stays undated (and so joins its edge reported elsewhere).
  bool background = false;
  Date clauseDate;
};

std::vector<Fact> findRelations(const std::vector<Token>& tokens, const std::vector<Mention>& mentions,
                                const Resolver& resolver);

}  // namespace kg::extract
