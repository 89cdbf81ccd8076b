// GraphWriter: the seam between the export scan (selection.h) and one output
// format. The exporter calls begin, then actor() for every selected actor,
// edge() for every selected edge, document() for the documents their evidence
// cites (writers that ask), and finish(). Each implementation is one format;
// none is thread-safe.
#pragma once

#include <cstdint>
#include <string>

#include "base/status.h"
#include "export/selection.h"
#include "model/document.h"
#include "storage/graph_store.h"

namespace kg::exports {

struct ExportInfo {
  bool truncated = false;    // more edges matched than the limit
  uint64_t limit = UINT64_MAX;
  bool collapsed = false;    // --collapse: edges are weighted merges
  std::string description;   // what was selected, for the file's header
  const storage::GraphStore* store = nullptr;  // for lookups (documents); borrowed
};

class GraphWriter {
 public:
  virtual ~GraphWriter() = default;
  // How many evidence records each edge should carry (0: none, the default).
  virtual size_t evidenceLimit() const { return 0; }
  // True when document() should receive the documents cited by the evidence.
  virtual bool wantsDocuments() const { return false; }
  virtual Status begin(const ExportInfo& info) = 0;
  virtual Status actor(const Actor& a) = 0;
  virtual Status edge(const ExportEdge& e) = 0;
  virtual Status document(const Document&) { return Status::ok(); }
  // Writes the trailer and closes the output; IOError when writing failed.
  virtual Status finish() = 0;
};

}  // namespace kg::exports
