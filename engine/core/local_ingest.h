// LocalIngest: `kg ingest` into an open Engine, and the document reading
// and date parsing ingest uses, for programs above core (kg, kgd, the
// examples), which do not see the extract module (engine/core/README.md,
// "The dependency direction"). It owns its extractor (created with the
// dictionaries of DictionaryOptions) and an Ingestor (core/ingest.h, which
// is core's own).
//
// Thread safety: a LocalIngest is used by one thread at a time; it commits
// under the engine's write lock like every other writer.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/date.h"
#include "base/status.h"
#include "core/engine.h"
#include "core/ingest_summary.h"

namespace kg::core {

// The dictionaries an extractor loads (`kg ingest --actors/--petrarch/
// --verbs/--agents/--discards/--no-default-actors`, `kgd --actors`).
struct DictionaryOptions {
  bool loadDefaultDictionary = true;       // the project's own actor dictionary
  std::vector<std::string> actorFiles;     // user actor dictionaries
  std::vector<std::string> petrarchFiles;  // PETRARCH actor dictionaries
  std::vector<std::string> verbFiles;      // PETRARCH verb dictionaries (CAMEO.2.0.txt format)
  std::vector<std::string> agentFiles;     // PETRARCH agent dictionaries
  std::vector<std::string> discardFiles;   // PETRARCH discard lists
};

class LocalIngest {
 public:
  // Loads the dictionaries: InvalidArgument naming file:line for a malformed
  // line that cannot be skipped, NotFound for a missing file. (Before any
  // database is opened, so that a bad dictionary creates none.)
  static Result<std::unique_ptr<LocalIngest>> create(const DictionaryOptions& dictionaries);
  LocalIngest(const LocalIngest&) = delete;
  LocalIngest& operator=(const LocalIngest&) = delete;
  ~LocalIngest();

  // Dictionary lines that were skipped while loading, one line each.
  const std::vector<std::string>& dictionaryWarnings() const;
  // Prepares ingest into `engine` (Ingestor::create; errors: reading the
  // store). Call once, before ingestPaths. Borrows `engine`, which must
  // outlive this object.
  Status open(Engine& engine, const IngestOptions& options);
  // Ingestor::ingestPaths: reads `paths` (files, directories, "-" for stdin)
  // and ingests every article; bad input becomes warnings, the Status is an
  // error only when the store fails (what was committed before stays).
  // Requires open().
  Status ingestPaths(const std::vector<std::string>& paths, const IngestProgress& progress = {});
  // Counts over every call so far. Requires open().
  const IngestSummary& summary() const;

 private:
  struct Impl;
  explicit LocalIngest(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// What readDocuments read.
struct ReadCounts {
  uint64_t files = 0;      // files opened (including skipped ones)
  uint64_t documents = 0;  // documents handed to `visit`
  uint64_t bytes = 0;      // bytes read from the inputs
};

// Reads documents from `paths` as ingest does (text, HTML, JSON Lines;
// directories walked recursively in sorted order, hidden entries skipped,
// "-" is stdin) and hands each to `visit`, in order. Bad input is a warning
// ("file[:line]: message") appended to `warnings`, never an error; a path
// that does not exist is a warning too.
ReadCounts readDocuments(const std::vector<std::string>& paths, const std::function<void(IngestDocument&&)>& visit,
                         std::vector<std::string>* warnings);

// A document's date as ingest reads one from metadata ("2020-01-03",
// "2020-01", "2020", and the other forms of extract::parseDate); nullopt when
// `text` is not a date.
std::optional<Date> parseDocumentDate(std::string_view text);

}  // namespace kg::core
