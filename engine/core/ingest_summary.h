// IngestSummary: what an ingest did, as counts and warnings. The one type
// for every way in: core::Ingestor (kg ingest, local), the GraphApi's
// ingest (local and through kgd) and the RPC report (schema IngestReport).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

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

}  // namespace kg::core
