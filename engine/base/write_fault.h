// Write-fault injection: the Nth write-path call of a process fails, as on a
// failing or full disk, so tests can check that a command which cannot write
// reports it and leaves the database as it was.
//
// The environment variable KG_FAULT_WRITE asks for it:
//   N[:nospace][:OPS]
// The Nth and every later call of the kinds OPS names fails with an I/O
// error ("N:nospace": "No space left on device"). OPS is `all` or a list
// joined by `+` of: append (a write to a file), create (a new or reopened
// file), sync (fsync of a file), rename, dirsync (fsync of a directory),
// link (a hard link: the bulk loader's SST ingestion). Without OPS only
// appends are counted. The calls are those of the store's RocksDB file system
// (storage/fault_fs.h; RocksDB's own info log excepted), the store's creation
// (its rename into place and the directory sync) and the graph snapshot file
// writer (graph/snapshot_file.h): one count per opened store, kept across its
// creation and its open (every kg command opens its database once).
//
//   count[:OPS]
// fails nothing and, when the store closes, prints on stderr how many calls
// of each kind were counted ("kg: KG_FAULT_WRITE=count: 146 calls: append 67,
// create 20, sync 26, rename 14, dirsync 15, link 0"), so that a sweep knows
// its range of N. Without OPS it counts every kind.
//
// WriteFaults is safe to call from any thread.
#pragma once

#include <atomic>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "base/status.h"

namespace kg {

// The kinds of write-path call a fault can hit (bits of WriteFault::ops).
enum class WriteOp : unsigned { kAppend = 1, kCreate = 2, kSync = 4, kRename = 8, kDirSync = 16, kLink = 32 };
inline constexpr unsigned kAllWriteOps = 63;

// "append", "create", ...: the name KG_FAULT_WRITE's OPS uses.
const char* writeOpName(WriteOp op);

struct WriteFault {
  uint64_t nth = 0;      // the first failing call, 1-based; 0: count only (none fails)
  bool noSpace = false;  // "No space left on device" instead of an I/O error
  unsigned ops = static_cast<unsigned>(WriteOp::kAppend);  // the kinds counted and failed
};

// Parses "N[:nospace][:OPS]" (N >= 1) or "count[:OPS]"; nullopt for anything else.
std::optional<WriteFault> parseWriteFault(std::string_view spec);

// The fault $KG_FAULT_WRITE asks for; nullopt when it is unset.
// InvalidArgument naming the value when it is malformed (a typo must not
// pass for a fault that never happened).
Result<std::optional<WriteFault>> writeFaultFromEnvironment();

// The call counter of one process's write path.
class WriteFaults {
 public:
  explicit WriteFaults(WriteFault fault) : fault_(fault) {}
  // In count mode (nth 0) prints the counts on stderr.
  ~WriteFaults();
  WriteFaults(const WriteFaults&) = delete;
  WriteFaults& operator=(const WriteFaults&) = delete;

  // OK when `op` is not counted or this is an earlier call than the Nth;
  // else IOError "<op> <what>: No space left on device|Input/output error
  // (call K, injected by KG_FAULT_WRITE)". `what` names the file.
  Status next(WriteOp op, std::string_view what);
  bool noSpace() const { return fault_.noSpace; }
  // "146 calls: append 67, create 20, ...": the counted calls so far.
  std::string summary() const;

 private:
  static constexpr size_t kKinds = 6;
  const WriteFault fault_;
  std::atomic<uint64_t> calls_{0};
  std::atomic<uint64_t> byKind_[kKinds] = {};
};

}  // namespace kg
