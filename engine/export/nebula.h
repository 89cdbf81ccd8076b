// NebulaGraph export into a directory: schema.ngql (a space partitioned by
// actor id, vid_type INT64; tag `actor`; one edge type `relation` whose rank
// is our edge id, so parallel facts stay apart; every property typed; indexes
// for LOOKUP by name and type), actors.csv and relations.csv (with a header
// row, columns in schema order) and nebula-importer.yaml (nebula-importer 4.x:
// creates the schema in its `before` hook, then loads both files).
// engine/export/README.md says how the model maps onto a partitioned
// deployment. Streamed.
#pragma once

#include <memory>
#include <string>

#include "export/writer.h"

namespace kg::exports {

struct NebulaOptions {
  std::string space = "actorgraph";
  int partitions = 10;
  int replicas = 1;
  std::string address = "127.0.0.1:9669";  // graphd, for the importer config
};

// IOError when a file in `dir` cannot be created. `dir` must exist.
Result<std::unique_ptr<GraphWriter>> newNebulaWriter(const std::string& dir, const NebulaOptions& options);

}  // namespace kg::exports
