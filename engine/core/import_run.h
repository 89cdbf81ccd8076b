// Internal to core: what every `kg import` format reader shares — reading
// lines, splitting fields, quoting bad bytes, and ImportRun, one import's
// loader, actor table and row accounting (importer.h "Accounting").
// Not thread-safe: one ImportRun per import, used by one thread (it runs
// the bulk loader's edge merging on a thread of its own, load_pipeline.h).
#pragma once

#include <chrono>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "base/status.h"
#include "core/actor_identity.h"
#include "core/cameo.h"
#include "core/importer.h"
#include "core/load_pipeline.h"
#include "storage/graph_store.h"

namespace kg::core::importing {

using Clock = std::chrono::steady_clock;
using Attributes = std::map<std::string, std::string>;

// Imported event days: years 1 to 9999, what the JSON date contract can write.
int64_t firstImportDay();
int64_t lastImportDay();

double secondsSince(Clock::time_point t);
// NotFound naming `path` when it cannot be read.
Result<std::string> readWholeFile(const std::string& path);

// Calls fn(lineNumber, line) for each line (without its "\r\n"), from 1;
// stops at the first error fn returns.
template <typename Fn>
Status forEachLine(std::string_view text, Fn&& fn) {
  size_t lineNo = 0, pos = 0;
  while (pos < text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    std::string_view line = text.substr(pos, nl - pos);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    ++lineNo;
    KG_RETURN_IF_ERROR(fn(lineNo, line));
    pos = nl + 1;
  }
  return Status::ok();
}

// The first line of `text` (without "\r\n").
std::string_view firstLine(std::string_view text);
std::string_view trim(std::string_view s);
// Fields separated by `sep`, none quoted (ICEWS, GDELT tab files).
std::vector<std::string_view> splitOn(std::string_view line, char sep);
inline std::vector<std::string_view> splitTabs(std::string_view line) { return splitOn(line, '\t'); }
// One line of RFC 4180 CSV (fields in double quotes may hold `sep` and ""
// for a quote) separated by `sep`. False, with `error` set, on an
// unterminated quote or text after a closing quote.
bool splitQuoted(std::string_view line, char sep, std::vector<std::string>* out, std::string* error);
// A decimal number (sign, digits, one '.', exponent); false on anything else.
bool isNumber(std::string_view s);
// `text` with control bytes and bytes that are not UTF-8 written as \xNN.
std::string printable(std::string_view text);
bool allDigits(std::string_view s);
// Where to look for the CAMEO code list when none is given: a cameo/ folder
// beside the data (or above it), then ../shared/data/cameo.
std::vector<std::string> cameoCandidates(const std::string& dataPath);
// The CAMEO names when a list is found (explicit --cameo-dir, $KG_CAMEO_DIR,
// the candidates); nullopt otherwise (event names then fall back to codes).
std::optional<CameoNames> loadCameoNamesIfFound(const ImportOptions& opt);

// One import: the bulk loader, the actors by exact name, the accounting.
class ImportRun {
 public:
  ImportRun(storage::GraphStore& store, const ImportOptions& options) : store_(store), opt_(options) {}
  ImportRun(const ImportRun&) = delete;
  ImportRun& operator=(const ImportRun&) = delete;

  Status begin();
  // A malformed row: fails with `strict` (InvalidArgument "file:line: what"),
  // else is counted and maybe quoted.
  Status malformed(const std::string& where, size_t line, const std::string& what);
  // A well-formed row that names fewer than two actors (a one-sided GDELT
  // event): counted and maybe quoted; no edge. Never fails.
  void noActorPair(const std::string& where, size_t line, const std::string& what);
  // The id of the actor `name` means (core/actor_identity.h: a stored actor
  // of this or a folded spelling, or one made on first use). A new ICEWS
  // sector actor "Citizen (India)" is linked PART_OF its country (made too
  // when new) unless !sectorLinks. InvalidArgument when the name has no
  // letters or digits.
  // `code`, when the row gives one, is the actor's CAMEO code (GDELT's
  // Actor1Code), which ActorIdentity also weighs (rule 3).
  Result<ActorId> actor(const std::string& name, std::string_view country, std::string_view sectors,
                        std::string_view code = {});
  // One well-formed row's event: becomes evidence on an edge (stored) or is
  // found already present (merged) when the load finishes. `attributes` are
  // moved into the evidence record. The edge is merged on the loader thread
  // (load_pipeline.h): an error there (putEdge's) is returned by a later
  // call, or by finish().
  Status event(ActorId src, ActorId dst, const PloverEvent& ev, std::string_view cameo, const Date& date,
               const std::string& doc, uint32_t sentence, const std::string& text, Attributes attributes = {});
  Result<ImportSummary> finish();
  ImportSummary& summary() { return sum_; }
  // One more data row read (summary().rows), reported to options().progress every 4096 rows.
  void countRow() {
    if ((++sum_.rows & 4095) == 0 && opt_.progress) opt_.progress(sum_.rows);
  }

 private:
  Status partOfCountry(ActorId sectorActor, const std::string& country);
  storage::GraphStore& store_;
  const ImportOptions& opt_;
  Clock::time_point start_;
  bool storeHasActors_ = false;
  std::unique_ptr<ActorIdentity> identity_;
  std::unique_ptr<storage::BulkLoader> loader_;
  // Declared after loader_: destroyed (its thread stopped) before it.
  std::unique_ptr<LoadPipeline> pipeline_;
  uint64_t sectorLinks_ = 0;  // PART_OF edges of new sector actors
  std::unordered_map<std::string, ActorId> actors_;
  ImportSummary sum_;
  uint64_t events_ = 0;  // events offered to the loader
};

// A header line of a headed GDELT CSV (it names GLOBALEVENTID in any spelling).
bool looksLikeGdeltHeader(std::string_view firstLineText);

// The format readers (import_*.cpp); Importer::run picks one.
Result<ImportSummary> importGdelt(storage::GraphStore& store, const ImportOptions& opt);
Result<ImportSummary> importPlover(storage::GraphStore& store, const ImportOptions& opt);
Result<ImportSummary> importCsv(storage::GraphStore& store, const ImportOptions& opt);
Result<ImportSummary> importNamedEvents(storage::GraphStore& store, const ImportOptions& opt);

}  // namespace kg::core::importing
