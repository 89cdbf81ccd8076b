// Importer: bulk loading of real event data into a GraphStore (`kg import`,
// and reusable by the RPC service).
//
// Formats:
//  kTkg    a temporal-knowledge-graph directory: quadruple files
//          `subject relation object t [ignored]` (whitespace-separated ids;
//          train.txt, valid.txt, test.txt by default) with entity2id.txt and
//          relation2id.txt (`name<TAB>id`). t becomes a day: epoch + t/24
//          (hours), + t/1440 (minutes) or + t (days).
//  kIcews  ICEWS event rows: tab-separated with a header naming at least
//          Event ID, Event Date, Source Name, CAMEO Code, Target Name
//          (Source/Target Sectors and Country are used when present).
//
// No event is lost: every well-formed row becomes a point-dated edge typed by
// core/cameo.h's eventForCameo (relation names go through the CAMEO code list
// first): its PLOVER event, or for CAMEO roots PLOVER has no event for, the
// CAMEO-only types STATEMENT (01x) and APPEAL (02x). Each edge keeps the
// row's CAMEO code and PLOVER mode and one small evidence record:
// doc "icews:<event id>" (sentence 0), or doc "tkg:<dir>/<file>" with the line
// number as the sentence; the text is the CAMEO event name (none at all with
// ImportOptions::evidence = false, the fastest bulk load). Identical facts
// (same ends, type and day) merge into one edge with several evidence records.
//
// Accounting: every data row read is exactly one of stored (its event is now
// evidence on an edge), merged (that event was already present: a re-import
// or a repeated row) or malformed (not stored; reported as "file:line: what
// is wrong"): rows == stored + merged + malformed. Malformed: wrong field
// count, bad date, non-numeric code, a code no CAMEO root holds, unknown
// entity/relation ids, empty names, and a row whose two actors are the same
// (the store keeps no self-loops). Malformed rows are skipped and the rest
// loads, unless `strict`: then the first one fails the import with
// InvalidArgument and nothing is stored.
//
// Every actor a row names becomes an actor (also when the row's code or
// ends make it malformed), reusing a stored actor of exactly the same name.
// Re-importing the same files adds nothing: every row counts as merged (the
// bulk loader merges facts with the stored ones; evidence keys repeat).
//
// Thread safety: one import at a time per store, and no other writer while it
// runs (hold Engine::writeMutex()).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/date.h"
#include "base/status.h"
#include "model/actor.h"
#include "storage/graph_store.h"

namespace kg::core {

enum class ImportFormat : uint8_t { kTkg, kIcews };
enum class TimeUnit : uint8_t { kMinutes, kHours, kDays };
const char* timeUnitName(TimeUnit u);
// "minutes", "hours", "days"; InvalidArgument otherwise.
Result<TimeUnit> parseTimeUnit(std::string_view s);
// The day of time index `t` counted in `unit` from `epoch` (floor division;
// not clamped: an importer refuses a day outside the years 1..9999).
int64_t dayOfTimeIndex(int64_t t, TimeUnit unit, int32_t epochDay);
// Guesses the unit of a TKG time column from the gcd of its values:
// a multiple of 24 -> hours (daily data in hours, ICEWS18); a divisor of 1440
// above 1 (15-minute steps, GDELT) -> minutes; otherwise days.
TimeUnit guessTimeUnit(uint64_t gcdOfTimes);

// A simple kind for an entity name: a state when it names a country (or
// equals `country`); for "X (Country)" groups a government body when the
// sectors say government, else an organisation; a person for two to four
// capitalised words without organisation words; otherwise other.
ActorKind guessActorKind(std::string_view name, std::string_view country = {}, std::string_view sectors = {});

struct ImportOptions {
  ImportFormat format = ImportFormat::kTkg;
  std::string path;                   // kTkg: a directory; kIcews: a file
  std::vector<std::string> files;     // kTkg: quad files in `path`; empty = train/valid/test present
  std::optional<TimeUnit> timeUnit;   // kTkg: nullopt = guessTimeUnit
  Date epoch = Date::day(2018, 1, 1); // kTkg: the day of t = 0
  std::string cameoDir;               // "" = cameoDirectory() with candidates near `path`
  bool strict = false;
  bool evidence = true;               // false: no evidence records (fastest; edges keep no provenance)
  size_t maxExamples = 10;            // malformed lines quoted in the summary
};

// What happened to the rows: rows == stored + merged + malformed, always.
struct ImportSummary {
  std::string timeUnit;          // kTkg: the unit used; "guessed" noted in timeUnitGuessed
  bool timeUnitGuessed = false;
  uint64_t rows = 0;             // data rows read (blank lines and the header are not rows)
  uint64_t stored = 0;           // events now stored: new evidence (or, without evidence, a new edge)
  uint64_t merged = 0;           // events already present (re-import, repeated row, or an identical fact without evidence)
  uint64_t malformed = 0;        // rows not stored (always 0 with strict: the import fails instead)
  std::vector<std::string> examples;  // "file:line: message", the first maxExamples malformed rows
  double parseSeconds = 0;       // reading, parsing, merging in memory
  double writeSeconds = 0;       // sorting, writing and ingesting
};

class Importer {
 public:
  // Borrows `store` for the importer's lifetime.
  explicit Importer(storage::GraphStore& store) : store_(store) {}
  // Errors: NotFound for missing files (names them); InvalidArgument for a bad
  // header, entity/relation file or (strict) data line, as "file:line: ...";
  // FailedPrecondition when relation names need the CAMEO list and none is
  // found; storage errors.
  Result<ImportSummary> run(const ImportOptions& options);

 private:
  storage::GraphStore& store_;
};

}  // namespace kg::core
