// Write-fault injection: a RocksDB file system whose writes fail from the
// Nth on, as a failing or full disk would, so tests can check that a command
// which cannot write reports it and leaves the database as it was.
//
// openStore() installs it when the environment variable KG_FAULT_WRITE is
// set: "N" makes the Nth and every later write (an append to any file RocksDB
// or the bulk loader writes, counted from the open) fail with an I/O error,
// "N:nospace" with "No space left on device". Both messages name
// KG_FAULT_WRITE and the write's number. A store keeps its counter across its
// creation and its open.
//
// Internal to kg::storage (RocksDB types); safe from any thread.
#pragma once

#include <rocksdb/env.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "base/status.h"

namespace kg::storage {

struct WriteFault {
  uint64_t nth = 0;      // the first failing write, 1-based
  bool noSpace = false;  // "No space left on device" instead of an I/O error
};

// Parses "N" or "N:nospace" (N >= 1); nullopt for anything else.
std::optional<WriteFault> parseWriteFault(const std::string& spec);

// The fault $KG_FAULT_WRITE asks for; nullopt when it is unset.
// InvalidArgument naming the value when it is malformed (a typo must not
// pass for a fault that never happened).
Result<std::optional<WriteFault>> writeFaultFromEnvironment();

// An Env over the default one whose file system injects `fault`.
std::unique_ptr<rocksdb::Env> newFaultEnv(WriteFault fault);

}  // namespace kg::storage
