// Reads a jsonl export (jsonl.h) back into a store: kg import --format jsonl.
// Every actor, edge and document is restored exactly — ids, dates and their
// precision, confidence, sources, date basis, codes, evidence — so exporting
// the new store gives the same file. Needs an empty store (ids are kept);
// writes in batches of a few thousand records.
//
// Thread safety: no other writer while it runs (run it inside Engine::withWriteLock).
#pragma once

#include <cstdint>
#include <istream>
#include <string>

#include "base/status.h"
#include "storage/graph_store.h"

namespace kg::exports {

struct RestoreSummary {
  uint64_t lines = 0;
  uint64_t actors = 0;
  uint64_t edges = 0;
  uint64_t evidence = 0;
  uint64_t documents = 0;
  bool truncated = false;  // the header says the export was cut by --limit
};

// Errors: FailedPrecondition when `store` already holds actors or edges;
// InvalidArgument "NAME:LINE: what is wrong" for a line that is no record
// (bad JSON, unknown record, missing field, an edge whose actor no earlier
// line defines, a repeated id); storage errors. On an error the records of
// the batches committed before it stay stored.
Result<RestoreSummary> restoreJsonl(std::istream& in, const std::string& name, storage::GraphStore& store);

}  // namespace kg::exports
