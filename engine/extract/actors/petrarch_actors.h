// PETRARCH / TABARI actor dictionaries (format: PETRARCH docs_dictionaries.rst,
// "Actor Dictionary"): a primary phrase, '+' synonym phrases, and tab-indented
// code restrictions such as "[IRQGOV 20060520-20100512]".
//
// Import rules:
//   - phrases (underscores as spaces) become the actor's name and aliases;
//     an actor whose name already exists in the catalog (same strict or
//     skeleton key) receives the aliases instead of a duplicate.
//   - a dated code becomes a dated OFFICIAL_OF relation to the state of the
//     code's first three letters, titled by the role ("GOV" -> "Government");
//     an undated code only sets the actor's country and attribute "cameo".
//   - kind: a bare three-letter code without dates is a state; IGO/NGO codes
//     are organisations; rebel/insurgent codes (REB, INS, UAF) armed groups;
//     a phrase with dated codes is a person; otherwise "other".
// Errors: a structural defect (a synonym or restriction before any primary
// phrase, an unclosed '[') is InvalidArgument "file:line: ...". A date that
// does not parse (real dictionaries hold some, e.g. "1920030320") drops that
// restriction's date bound and is reported in `warnings` as "file:line: ...".
#pragma once

#include <string>
#include <vector>

#include "base/date.h"
#include "base/status.h"
#include "extract/actors/catalog.h"

namespace kg::extract {

// Reads one PETRARCH actor file into `catalog`. NotFound when it cannot be
// opened. Call catalog->link() afterwards as for any dictionary.
Status loadPetrarchFile(const std::string& path, Catalog* catalog, std::vector<std::string>* warnings);

// The same from text (`origin` names it in messages).
Status parsePetrarch(std::string_view text, std::string_view origin, Catalog* catalog,
                     std::vector<std::string>* warnings);

// The PETRARCH code `actor` had on `day`: its dated code covering the day
// (attribute "cameo.dated", written by the loader), else its undated code
// (attribute "cameo"); "" when it has none.
std::string cameoCodeOn(const Actor& actor, Date day);

}  // namespace kg::extract
