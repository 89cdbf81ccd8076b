// CAMEO event codes and names -> PLOVER edge types, for importing event data
// (ICEWS, GDELT, temporal knowledge graphs built from them).
//
// The code -> (type, mode) table is the one extraction uses:
// kg::extract::ploverForCameo (extract/lexicon/cameo_plover.h), built from
// engine/extract/data/cameo_plover.txt, which restates the public
// CAMEO-to-PLOVER conversion (PLOVER draft 0.8, 2021). A code missing from the
// table falls back to its parent ("0315" -> "031" -> "03"). CAMEO roots 01
// (public statements) and 02 (appeals) have no PLOVER event in that table;
// eventForCameo below gives them the type every reader stores them under.
//
// Event names ("Make statement", "Use conventional military force") are
// looked up in the CAMEO code list read at runtime (cameo_codes_goldstein.tsv,
// `code<TAB>name<TAB>goldstein<TAB>root`), found via cameoDirectory().
//
// Pure functions and an immutable table; safe from any thread.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "base/status.h"
#include "extract/lexicon/cameo_plover.h"
#include "model/edge.h"

namespace kg::core {

// type, mode ("" when none) and the table code that matched; static storage.
using PloverEvent = extract::PloverEvent;

// nullopt when `code` is not digits or PLOVER has no event for it (or its
// parents). Delegates to extract::ploverForCameo: one table for import and
// extraction.
std::optional<PloverEvent> ploverForCameo(std::string_view code);

// The edge type an event of CAMEO code `code` is stored under, by `kg import`
// and by text extraction alike: its PLOVER event when it has one
// (ploverForCameo); root 02 (appeals) as REQUEST with the mode of its root-10
// demand twin; root 01 as the CAMEO-only type STATEMENT (mode ""). Delegates
// to extract::eventForCameo. nullopt only when `code` is not digits or neither
// it nor a parent is a CAMEO code ("99", "0" , "abc").
std::optional<PloverEvent> eventForCameo(std::string_view code);

// The directory holding cameo_codes_goldstein.tsv: `explicitDir` when
// non-empty, else $KG_CAMEO_DIR, else the first of `candidates` that holds the
// file. NotFound naming every place tried otherwise.
Result<std::string> cameoDirectory(const std::string& explicitDir, const std::vector<std::string>& candidates);

// CAMEO event names -> codes. Immutable after load.
class CameoNames {
 public:
  // Reads `dir`/cameo_codes_goldstein.tsv. NotFound / InvalidArgument (file:line).
  static Result<CameoNames> load(const std::string& dir);
  // The code of an event name; case, punctuation and spacing are ignored.
  std::optional<std::string> codeOf(std::string_view name) const;
  // The name of a code ("" when unknown).
  std::string nameOf(std::string_view code) const;
  size_t size() const { return byName_.size(); }

 private:
  std::unordered_map<std::string, std::string> byName_;  // folded name -> code
  std::unordered_map<std::string, std::string> byCode_;  // code -> name
};

// Lower case, every run of non-alphanumeric ASCII bytes as one space, trimmed.
std::string foldEventName(std::string_view name);

}  // namespace kg::core
