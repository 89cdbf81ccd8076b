// exportGraph: `kg export` — streams the selected part of a store (selection.h)
// through the writer of one format to a file, stdout or a directory.
// Memory stays bounded by the number of selected actors (and one evidence
// list at a time), whatever the number of edges.
// Thread safety: reads the store only; one export per call.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

#include "base/status.h"
#include "export/nebula.h"
#include "export/selection.h"
#include "storage/graph_store.h"

namespace kg::exports {

enum class Format : uint8_t { kGraphml, kGexf, kDot, kJsonl, kCsv, kNeo4j, kNebula, kPlover };
// "graphml", "gexf", "dot", "jsonl", "csv", "neo4j", "nebula", "plover";
// InvalidArgument listing them otherwise.
Result<Format> parseFormat(std::string_view s);
const char* formatName(Format f);
inline constexpr const char* kFormatList = "graphml, gexf, dot, jsonl, csv, neo4j, nebula, plover";
// csv, neo4j and nebula write several files into a directory.
bool writesDirectory(Format f);

struct ExportRequest {
  Format format = Format::kJsonl;
  std::string out;              // file ("" or "-": stdout) or, for directory formats, a directory (created)
  Selection selection;
  std::string description;      // what was asked, written into the file's header where the format has one
  NebulaOptions nebula;
  // Called on the exporting thread after each edge is written, with the
  // number written so far (kg export's progress line); may be empty.
  std::function<void(uint64_t edges)> progress;
};

struct ExportStats {
  uint64_t actors = 0;
  uint64_t edges = 0;
  uint64_t documents = 0;
  bool truncated = false;
  uint64_t skipped = 0;  // edges written by another process during the export, to actors not exported
};

// Errors: InvalidArgument for a bad selection, --collapse with jsonl or
// plover (those carry each fact's evidence), or a directory format without
// an output directory; NotFound for a missing root actor; IOError naming a
// path that cannot be written; storage errors. A failed single-file export
// leaves no file at `out`.
Result<ExportStats> exportGraph(const storage::GraphStore& store, const ExportRequest& request);

}  // namespace kg::exports
