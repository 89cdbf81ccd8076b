// IngestSummary: what an ingest did, as counts and warnings. The one type
// for every way in: core::Ingestor (kg ingest, local), the GraphApi's
// ingest (local and through kgd) and the RPC report (schema IngestReport).
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "base/date.h"

namespace kg::core {

// Counts accumulate over every call on one Ingestor. An ingest through the
// GraphApi (core/graph_api.h) fills documents, articles, articlesSkipped,
// actorsNew, edgesNew, evidenceNew and warnings, the fields the RPC report
// carries, and leaves the others 0.
struct IngestSummary {
  uint64_t files = 0;            // input files opened (including skipped ones)
  uint64_t documents = 0;        // documents read (a JSON Lines record is one)
  uint64_t bytes = 0;            // input bytes read (counted per file, once it is read)
  uint64_t textBytes = 0;        // text of the documents read so far (as they are read: progress)
  uint64_t articles = 0;         // articles found by the segmenter
  uint64_t articlesStored = 0;   // articles committed by this run
  uint64_t articlesSkipped = 0;  // already stored (same content hash)
  uint64_t articlesFailed = 0;   // rejected whole; see warnings
  uint64_t actorsNew = 0;        // actors created
  uint64_t actorsKnown = 0;      // mentions (per article) that resolved to a stored actor
  // From the store's counters (see Ingestor::refreshEdgeCounts): edges and
  // evidence the store gained since the Ingestor was created, and the edges
  // written that merged into an existing fact.
  uint64_t edgesNew = 0;
  uint64_t edgesMerged = 0;
  uint64_t evidenceNew = 0;
  std::vector<std::string> warnings;  // "file[:line]: message"
};

// One document handed to ingest, with the metadata a JSON Lines record carries.
struct IngestDocument {
  std::string text;
  std::string title;
  Date date;
  std::string source;
  std::string url;
};

enum class KnownActors {
  // The default. Before each article is extracted, exactly the stored actors
  // its word runs name (core/named_actors.h: name-index lookups) and those
  // indexed under a dictionary actor's name (Extractor::dictionaryKeys: they
  // can stand for a dictionary actor the article reaches without naming it),
  // in place of the previous article's (Extractor::setArticleActors): the
  // cost follows the article and the dictionaries, not the database.
  kNamed,
  // Every stored actor, once, when the Ingestor is created (a scan of the
  // actors family: about 20 s of CPU on a database of a million actors), and
  // each actor an article creates, after it commits. The extractor keeps the
  // names it was told: aliases that articles add later reach the store only.
  kAll,
};

struct IngestOptions {
  Date defaultDate;  // for articles whose page and metadata give no date (`kg ingest --date`)
  // Extraction threads. With 1 (the default) each article is extracted
  // knowing every actor committed before it. With more, groups of articles
  // are extracted in parallel and committed in input order; an actor that
  // one article of a group introduces is new to the others of that group, and
  // is merged into the stored one through its name keys when they commit, so
  // the graph is the same except where resolution depends on that knowledge
  // (a bare surname that only an earlier article introduced).
  size_t threads = 1;
  KnownActors knownActors = KnownActors::kNamed;
};

using IngestProgress = std::function<void(const IngestSummary&)>;

}  // namespace kg::core
