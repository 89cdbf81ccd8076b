// Standing relations: who holds which office or belongs to what, read from
// one sentence.
//
// Titles written before names ("Secretary of State Mike Pompeo": OFFICIAL_OF
// United States; a head of state or government is LEADER_OF; a rank is
// MEMBER_OF) and appositives ("Qais al-Khazali, the secretary general of
// Asa'ib Ahl al-Haq": LEADER_OF; "..., a member of X": MEMBER_OF; "X, which
// is part of Y": PART_OF). A relation the dictionary records between the two
// gives its type and title, so that the store joins the mention to it.
//
// Mutates only `resolver` (it may add the recorded body of a title read before a known person); one article, one thread.
#pragma once

#include <vector>

#include "extract/actors/mentions.h"
#include "extract/actors/resolver.h"
#include "extract/relations/relations.h"

namespace kg::extract {

// Appends the standing relations of one sentence to `out`: titles first,
// then appositives. `previous`: what the sentence before named; a
// head-of-state, deputy-head or minister title before an unknown name in a
// sentence naming no state is the office of its one state ("The IMF
// approved a loan for Pakistan. Finance Minister X welcomed it"), and a
// title owned by "the agency's" / "the group's" with no fitting owner before
// it in its own sentence is one of its bodies ("... the International Atomic
// Energy Agency. The agency's director general, X, ...").
void standingRelations(const std::vector<Token>& tokens, const std::vector<Mention>& mentions,
                       Resolver& resolver, std::vector<Fact>* out, const PreviousSentence& previous = {});

// Offices and memberships read from the text never outlive their holder: a
// person whose recorded offices have all ended more than a week before the
// article's date (a death, a successor: "Abu Mahdi al-Muhandis, the deputy
// head of the PMU," in a 2021 article) is told of as background, so every
// standing fact from that person in `facts` is marked `background`
// (undated), never held on the article's date.
void undateEndedTenures(const Resolver& resolver, std::vector<Fact>* facts);

}  // namespace kg::extract
