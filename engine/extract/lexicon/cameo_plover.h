// CAMEO event codes -> PLOVER event types and modes: the one table shared by
// extraction and by importing event data (core/cameo.h delegates here).
//
// The table is the project data file engine/extract/data/cameo_plover.txt
// (its header documents the format and where the facts come from), embedded
// at build time. A code missing from the table falls back to its parent
// ("0315" -> "031" -> "03"). The table lists every CAMEO code; those of
// roots 01 (public statements) and 02 (appeals) have no PLOVER event: they
// are valid codes that map to nothing.
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

// The text of engine/extract/data/cameo_plover.txt as embedded at build time
// (static storage).
std::string_view cameoPloverTableText();

}  // namespace kg::extract
