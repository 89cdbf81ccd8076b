// Importer: bulk loading of real event data into a GraphStore (`kg import`,
// and reusable by the RPC service).
//
// Formats (README "kg import" has the analyst's view, with every kept field):
//  kTkg    a temporal-knowledge-graph directory: quadruple files
//          `subject relation object t [ignored]` (whitespace-separated ids;
//          train.txt, valid.txt, test.txt by default) with entity2id.txt and
//          relation2id.txt (`name<TAB>id`). t becomes a day: epoch + t/24
//          (hours), + t/1440 (minutes) or + t (days). Or a named events file
//          (events_named.tsv): a header `date t subject relation object ...`
//          and one event per line, the relation a CAMEO event name or code.
//  kIcews  ICEWS event rows: tab-separated with a header naming at least
//          Event ID, Event Date, Source Name, CAMEO Code, Target Name
//          (sectors, countries, intensity, story/sentence ids, publisher and
//          the location columns are kept when present).
//  kGdelt  GDELT event rows by the codebook's column order: 1.0 (57 or 58
//          tab-separated columns, no header), 2.0 (61, no header), or a CSV
//          with a header line naming GLOBALEVENTID (any spelling), whose
//          columns from that one on follow the 1.0 or 2.0 order (2.0 when a
//          header names an ADM2 code); other header columns are kept too.
//  kPlover PLOVER / POLECAT event records, one JSON object per line (what
//          `kg export --format plover` writes).
//  kCsv    any CSV/TSV edge list with a header line, read through a
//          ColumnMap (`--map src=Source,dst=Target,date=Date,cameo=CAMEO`).
//
// No event is lost: every well-formed row becomes a point-dated edge typed by
// core/cameo.h's eventForCameo (relation names go through the CAMEO code list
// first; PLOVER records and mapped type columns name the type): its PLOVER
// event; appeals (02x) as REQUEST, as text extraction codes them; public
// statements (01x) as the CAMEO-only type STATEMENT. Each edge keeps the
// row's CAMEO code and PLOVER mode and one small evidence record:
// doc "icews:<event id>", "gdelt:<GLOBALEVENTID>", "plover:<id>" (sentence 0),
// or doc "tkg:<dir>/<file>" / "csv:<file>" with the line number as the
// sentence; the text is the CAMEO event name (none at all with
// ImportOptions::evidence = false, the fastest bulk load). The row's fields
// analysts use (Goldstein, tone, mentions, url, location, ...) are the
// evidence record's attributes. Identical facts (same ends, type and day)
// merge into one edge with several evidence records.
//
// Accounting: every data row read is exactly one of stored (its event is now
// evidence on an edge), merged (that event was already present: a re-import
// or a repeated row), no actor pair (a well-formed row that names fewer than
// two actors — a one-sided GDELT/PLOVER/CSV event — or the same actor twice:
// the store keeps no self-loops, so no edge can hold it; the actor it names
// is stored, and the row is quoted like a malformed one, but --strict
// accepts it) or
// malformed (not stored; reported as "file:line: what is wrong"):
// rows == stored + merged + noActorPair + malformed. Malformed: wrong field
// count, bad date, bad number, non-numeric code, a code no CAMEO root holds,
// unknown entity/relation ids, empty names (ICEWS, TKG). Malformed rows are
// skipped and the rest loads, unless `strict`: then the first one fails the
// import with InvalidArgument and nothing is stored.
//
// Every actor a row names becomes an actor (also when the row's code or
// ends make it malformed), reusing the stored actor it means
// (core/actor_identity.h: the same name, a folded spelling, an alias, a name
// merged into another actor). A new ICEWS sector actor ("Citizen (India)",
// "Police (Iraq)") gets its country as `country` and an undated PART_OF edge
// to that state (no evidence; not a row, so not in the accounting).
// A GDELT actor with an empty name is named by its actor code ("GOV");
// with neither, the row has no actor pair. Locations are never actors.
// Re-importing the same files adds nothing: every row counts as merged (the
// bulk loader merges facts with the stored ones; evidence keys repeat).
//
// Thread safety: one import at a time per store, and no other writer while it
// runs (run it inside Engine::withWriteLock).
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/date.h"
#include "base/status.h"
#include "core/actor_identity.h"
#include "model/actor.h"
#include "storage/graph_store.h"

namespace kg::core {

enum class ImportFormat : uint8_t { kTkg, kIcews, kGdelt, kPlover, kCsv };
// "tkg", "icews", "gdelt", "plover", "csv".
const char* importFormatName(ImportFormat f);

// What `kg import --format auto` (the default) reads `path` as, from what it
// says of itself: a directory -> "tkg"; a file by its first line: a header
// with Event ID and CAMEO Code -> "icews", `date t subject relation object`
// -> "tkg", one naming GLOBALEVENTID -> "gdelt", 57/58/61 tab-separated
// fields with a numeric id and a YYYYMMDD date -> "gdelt", a JSON object
// with "record" -> "jsonl" (kg export), with "event_type" -> "plover".
// InvalidArgument saying what was seen and listing --format values when the
// file says nothing known (a CSV edge list needs --format csv --map);
// NotFound when `path` cannot be read.
Result<std::string> detectImportFormat(const std::string& path);

// Which columns of a CSV/TSV edge list hold what (kg import --map). Keys:
// src, dst (required: actor names), date (YYYY-MM-DD or YYYYMMDD; empty or
// unmapped -> undated), cameo (a CAMEO event code), type (an edge type name:
// AGREE ... ASSAULT, STATEMENT, APPEAL), at least one of cameo and type; mode
// (PLOVER mode), id (the row's id: doc "csv:<id>" instead of the line),
// text (the evidence text), and attr.NAME for any column kept as attribute
// NAME. Values are header names, matched exactly.
struct ColumnMap {
  std::string src, dst, date, cameo, type, mode, id, text;
  std::vector<std::pair<std::string, std::string>> attributes;  // (attribute, column)
};
// Parses "key=Column,key=Column". InvalidArgument naming the unknown key, a
// key given twice, an entry without '=', an empty column or a missing
// required key.
Result<ColumnMap> parseColumnMap(std::string_view spec);
// Checks `map` against the header line of the CSV/TSV file `path` (the same
// check an import makes first): InvalidArgument "path:1: --map key=Column:
// the header has no column 'Column' (it has ...)"; NotFound when unreadable.
Status checkColumnMap(const ColumnMap& map, const std::string& path);
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

// guessActorKind: core/actor_identity.h.

struct ImportOptions {
  ImportFormat format = ImportFormat::kTkg;
  std::string path;                   // kTkg: a directory or an events_named file; other formats: a file
  std::vector<std::string> files;     // kTkg: quad files in `path`; empty = train/valid/test present
  std::optional<TimeUnit> timeUnit;   // kTkg: nullopt = guessTimeUnit
  Date epoch = Date::day(2018, 1, 1); // kTkg: the day of t = 0
  std::string cameoDir;               // "" = cameoDirectory() with candidates near `path`
  ColumnMap columns;                  // kCsv
  bool strict = false;
  bool evidence = true;               // false: no evidence records (fastest; edges keep no provenance)
  bool sectorLinks = true;            // "Citizen (India)" PART_OF India (a new sector actor only)
  size_t maxExamples = 10;            // malformed lines quoted in the summary
  // Called on the importing thread every 4096 rows read, with the rows read
  // so far (kg import's progress line); may be empty.
  std::function<void(uint64_t rows)> progress;
  // Called once on the importing thread when every row is read and the
  // write (sorting, storing) begins; may be empty.
  std::function<void()> writing;
};

// What happened to the rows: rows == stored + merged + noActorPair + malformed, always.
struct ImportSummary {
  std::string timeUnit;          // kTkg: the unit used; "guessed" noted in timeUnitGuessed
  bool timeUnitGuessed = false;
  uint64_t rows = 0;             // data rows read (blank lines and the header are not rows)
  uint64_t stored = 0;           // events now stored: new evidence (or, without evidence, a new edge)
  uint64_t merged = 0;           // events already present (re-import, repeated row, or an identical fact without evidence)
  uint64_t noActorPair = 0;      // well-formed rows naming fewer than two distinct actors: no edge
  uint64_t malformed = 0;        // rows not stored (always 0 with strict: the import fails instead)
  std::vector<std::string> examples;  // "file:line: message", the first maxExamples malformed rows
  std::vector<std::string> noActorPairExamples;  // likewise, rows without an actor pair
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
