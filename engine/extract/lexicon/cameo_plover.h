// CAMEO event codes -> PLOVER event types and modes: the one table shared by
// extraction and by importing event data (core/cameo.h delegates here).
//
// The table is the project data file engine/extract/data/cameo_plover.txt
// (its header documents the format and where the facts come from), embedded
// at build time. A code missing from the table falls back to its parent
// ("0315" -> "031" -> "03"). The table lists every CAMEO code; those of
// roots 01 (public statements) and 02 (appeals) have no PLOVER event: they
// are valid codes ploverForCameo maps to nothing, and eventForCameo below
// gives the type every reader stores them under.
//
// Pure functions over an immutable table; safe from any thread.
#pragma once

#include <optional>
#include <string_view>

#include "model/edge.h"

namespace kg::extract {

struct PloverEvent {
  EdgeType type = EdgeType::kConsult;
  std::string_view mode;  // "" when PLOVER gives none; points into static storage
  std::string_view code;  // the table code that matched (the code or a parent); static storage
};

// The PLOVER event of a CAMEO code (2-4 digits), falling back to parent
// codes. nullopt when neither `code` nor a parent is in the table, or its event has no PLOVER
// counterpart (roots 01 and 02): tell these apart with isCameoCode().
std::optional<PloverEvent> ploverForCameo(std::string_view code);

// True when `code` itself is a CAMEO code of the table, with or without a
// PLOVER event: "0211" and "190" are; "0219", "99", "abc" and "" are not.
bool isCameoCode(std::string_view code);

// The event type every reader stores a CAMEO code under: the one mapping of
// text extraction (trigger tables, rules) and `kg import` alike.
//   - a code with a PLOVER event: that event (ploverForCameo);
//   - root 02 (appeals, "urge", "ask", "call for"): REQUEST with the mode of
//     its demand twin in root 10, which CAMEO builds in parallel (021 appeal
//     for material cooperation / 101 demand it: assist; 025 / 105: yield;
//     026 / 106: meet; 020 / 100: none). PLOVER's REQUEST is asking in any
//     tone; the 2021 conversion table only lists root 10;
//   - root 01 (public statements): the CAMEO-only type STATEMENT.
// `code` is the longest prefix of the code that is a CAMEO code ("0219" ->
// "021"). nullopt when `code` is not 2-4 digits or neither it nor a parent is
// a CAMEO code.
// The verb dictionary's own patterns of root 02 are not coded from text (see
// coding/english_events.cpp); its rules' "urged", "called for" are.
std::optional<PloverEvent> eventForCameo(std::string_view code);

// True for a visit made (042) or hosted (043) and for mediation (045), and
// their subcodes: acts two actors doing them together do to a third party,
// never to each other ("Saudi Arabia and the United States hosted talks
// between the warring parties"). Any string is safe.
bool doneToThirdParty(std::string_view code);

// The text of engine/extract/data/cameo_plover.txt as embedded at build time
// (static storage).
std::string_view cameoPloverTableText();

}  // namespace kg::extract
