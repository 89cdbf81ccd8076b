// The store's write-fault file system: a RocksDB FileSystem whose write-path
// calls go through a WriteFaults counter (base/write_fault.h, KG_FAULT_WRITE)
// and fail from the Nth on, as a failing or full disk would.
//
// It counts appends (Append, PositionedAppend), file creation
// (NewWritableFile, ReopenWritableFile, ReuseWritableFile, NewRandomRWFile),
// syncs (Sync, Fsync of a file), RenameFile, directory syncs (Fsync of an
// FSDirectory) and LinkFile (SST ingestion moves its files by hard link), each
// when the fault's OPS include its kind. RocksDB's own info log (LOG,
// LOG.old.*) is not data: its calls are neither counted nor failed, so N
// counts the same calls on every run.
//
// Internal to kg::storage (RocksDB types); safe from any thread.
#pragma once

#include <rocksdb/env.h>

#include <memory>

#include "base/write_fault.h"

namespace kg::storage {

// An Env over the default one whose file system fails calls as `faults` says.
std::unique_ptr<rocksdb::Env> newFaultEnv(std::shared_ptr<WriteFaults> faults);

}  // namespace kg::storage
