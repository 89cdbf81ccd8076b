// Datelines and outlet bylines that open a news story or paragraph:
//   "BAGHDAD (Reuters) - ...", "TEHRAN, March 3 (AFP) — ...",
//   "Baghdad / Al-Akhbariya: ...", "WASHINGTON, Jan. 5 -- ...",
//   "Erbil/Shafaq News - ...".
// They say where a story was filed and who filed it: the outlet is the
// article's source, and neither the place nor the outlet is an actor of the
// sentence that follows (an outlet is not "Iraq's" anything, and the city
// did nothing).
//
// Pure function; safe from any thread.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace kg::extract {

struct Dateline {
  size_t end = 0;      // byte offset (in the text given) just after the dateline and its dash or colon
  std::string place;   // "BAGHDAD", "Baghdad"
  std::string outlet;  // "Reuters", "Al-Akhbariya"; empty when the dateline names none
};

// The dateline at the start of `text` (leading spaces skipped), or nullopt.
// A place is one to three capitalised words; an outlet is in parentheses
// after it (and an optional date), or after a slash; the dateline ends with
// a dash (-, --, – or —) or a colon. Ordinary sentences ("Iraq (the state)
// said -", "Iran: a history") are not read as datelines unless they have
// exactly this shape, so the place must be followed by the outlet or a date.
std::optional<Dateline> findDateline(std::string_view text);

}  // namespace kg::extract
