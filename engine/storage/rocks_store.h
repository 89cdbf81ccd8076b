// The RocksDB implementation of GraphStore. Only this file pair and the codec
// see RocksDB; rocksdb::Status never leaves it. Obtain one via openStore().
#pragma once

#include "storage/graph_store.h"

namespace kg::storage {

// Column family names, in the order they are opened (FORMAT.md).
inline constexpr const char* kFamilies[] = {"default", "actors", "names", "out", "in",
                                            "evidence", "docs", "meta", "edge_ids"};

}  // namespace kg::storage
