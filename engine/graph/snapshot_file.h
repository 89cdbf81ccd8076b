// Snapshot files: a Snapshot saved inside the database directory
// (`graph.snapshot`) and opened by mapping it, so that a new `kg` process
// answers its first multi-hop query without reading every edge from RocksDB.
// The layout is specified in engine/storage/FORMAT.md ("Graph snapshot file").
//
// A file records the store's identity and sequence number as they were
// before the snapshot read the store; it is current while the store still has
// that sequence number. Staleness, damage, truncation, another version or
// another database's file all mean: rebuild from the store and save again.
//
// Thread safety: free functions; safe from any thread. Any number of
// processes may read and save the file of one database at once: a file is
// written whole under a temporary name and renamed into place. A mapped file
// is never changed in place by ActorGraph; another program truncating it in
// place while a process maps it would make that process fault (SIGBUS) on the
// lost pages — replace the file (rename) instead, or delete it.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "base/status.h"
#include "graph/snapshot.h"
#include "graph/snapshot_overlay.h"
#include "graph/verification_record.h"
#include "storage/graph_store.h"

namespace kg::graph {

// The file's name inside a database directory.
inline constexpr const char* kSnapshotFileName = "graph.snapshot";
// The layout version this code writes and reads (FORMAT.md).
inline constexpr uint32_t kSnapshotFileVersion = 2;

// Which state of which store a snapshot reflects.
struct SnapshotStamp {
  std::string identity;   // GraphStore::identity()
  uint64_t sequence = 0;  // GraphStore::sequenceNumber()
  friend bool operator==(const SnapshotStamp&, const SnapshotStamp&) = default;
};

// What openSnapshotFile checks before handing out a snapshot.
enum class SnapshotVerify {
  // The header, every array's checksum and the contents the queries index by
  // (Snapshot::checkContents), at every open: reads the whole file.
  kFull,
  // kFull the first time this version of the file is opened in this boot,
  // then recorded beside it (`graph.snapshot.verified`,
  // graph/verification_record.h); later opens of the same, unchanged file
  // check the header and that record only, and read the arrays as queries
  // touch them. Any change made to the file through the file system since
  // (a write, truncation, utime, a rename over it, a copy) makes it be read
  // whole again; a change beneath the file system is not seen
  // (graph/README.md, "Verified once").
  kOnce,
  // The header, sizes and row bounds only: the arrays are read as queries
  // touch them. For benchmarks and for a writer that only plans.
  kHeader,
};

// How an open checked the file it handed out.
enum class SnapshotChecked {
  kWhole,     // read whole: every checksum and the contents (kFull, or kOnce on a file not yet recorded)
  kRecorded,  // the header, and a verification record naming this version of the file (kOnce)
  kHeader,    // the header only (kHeader)
};

// `dbPath`/graph.snapshot.
std::string snapshotFilePath(const std::string& dbPath);

// Writes `snapshot` stamped `stamp` to `path`: into `path.tmp-PID`, synced,
// renamed over `path`, then the directory synced. A crash at any moment
// leaves the previous file (or none) in place, plus at most a temporary file,
// which the next write removes once its process is gone; a failed write
// removes its temporary file. Kill points: `snapshot.mid_write`,
// `snapshot.before_rename`. IOError naming the file. `faults` (may be null:
// none) counts and fails the writes, syncs, the creation and the rename as
// KG_FAULT_WRITE asks (GraphStore::writeFaults, base/write_fault.h).
Status writeSnapshotFile(const std::string& path, const Snapshot& snapshot, const SnapshotStamp& stamp,
                         WriteFaults* faults = nullptr);

struct OpenedSnapshot {
  std::shared_ptr<const Snapshot> snapshot;  // its arrays are spans over the mapping it holds
  SnapshotStamp stamp;
  // The open file and its mapping (what overlayChanges maps pieces of), valid
  // while `snapshot` lives.
  FileBacking backing;
  SnapshotChecked checked = SnapshotChecked::kWhole;
};

// Maps the snapshot file at `path` (and keeps it open while the snapshot
// lives). NotFound when there is none; Corruption
// with a message saying what was wrong (not a snapshot file, another layout
// version, truncated, a checksum that does not match, inconsistent sizes;
// when read whole also contents out of range, Snapshot::checkContents);
// IOError when it cannot be read. The mapping lives as long as the snapshot.
// A file read whole and found sound is recorded as verified (kFull and
// kOnce; graph/verification_record.h) unless its status changed less than
// `settle` before the open began; only kOnce trusts such a record.
Result<OpenedSnapshot> openSnapshotFile(const std::string& path, SnapshotVerify verify = SnapshotVerify::kFull,
                                        std::chrono::milliseconds settle = kVerifySettle);

struct LoadOptions {
  SnapshotVerify verify = SnapshotVerify::kOnce;
  // openSnapshotFile's `settle`: how long a file's status must have been
  // unchanged before its verification is recorded.
  std::chrono::milliseconds verifySettle = kVerifySettle;
  // Saves a snapshot built because the file was missing, stale or unusable.
  bool save = true;
  // Receives one line for each problem met (an unusable file, a failed save);
  // the load goes on. Unset: not reported.
  std::function<void(const std::string&)> report;
  // A stale file (the store was written since) is brought up to date with
  // the edges the change log names (GraphStore::changesSince,
  // graph/snapshot_overlay.h) instead of being rebuilt from the whole store,
  // when the log covers every write since the file's stamp.
  bool overlay = true;
  // The overlay is folded into the file (the merged snapshot saved, with
  // options.save) once it holds at least 1/foldRatio of the snapshot's
  // edges; until then every process merges it again. 0: never fold.
  size_t foldRatio = 64;
  // A merge without copying whose fresh memory is at least 1/foldFreshRatio
  // of the snapshot's arrays (overlayChanges' freshBytes: each rewritten row
  // costs whole pages in 10 arrays, about 45 KB, and beyond its piece budget
  // it copies untouched rows too; all of it when it has to copy, as when a
  // restored actor renumbers the vertices) is folded as well (with
  // options.save): every later merge would write at least as much, while
  // the file's writer pays once (graph/README.md, "When the overlay is
  // folded"). 0: never. Not below foldFreshMinBytes of fresh memory: on a
  // small graph a page per array and row is most of the arrays, and costs
  // nothing worth a write.
  size_t foldFreshRatio = 3;
  size_t foldFreshMinBytes = size_t{32} << 20;
  // overlayChanges' budget of mapped pieces a side (kMaxShiftedPieces).
  size_t maxShiftedPieces = kMaxShiftedPieces;
  // Called while a snapshot is built from the store (not when it is read
  // from the file or overlaid): edges read so far of `total` (the store's
  // count when the build began), every 65,536 edges and once at the end.
  // Called on the loading thread. Unset: not reported.
  std::function<void(uint64_t done, uint64_t total)> progress;
};

// A mapped snapshot file and every edge and actor written since its stamp:
// what updateSnapshot merges without copying (overlayChanges) at each update,
// so that kgd's snapshot after an ingest maps the file's pages instead of
// copying the whole graph. Immutable once made; shared by the LoadedSnapshot
// values that merged onto it.
struct OverlayBase {
  OpenedSnapshot file;
  std::vector<ActorId> actors;             // written since the file: sorted, unique
  std::vector<storage::EdgeHeader> edges;  // written since the file, as stored now: by id, each once
};

struct LoadedSnapshot {
  std::shared_ptr<const Snapshot> snapshot;
  SnapshotStamp stamp;  // the store state it reflects
  bool fromFile = false;  // false: built from the store
  size_t overlaid = 0;    // edges and new actors merged from the change log by this load
  // Edges and actors merged since the state the file holds; 0: the file holds
  // this graph (perhaps stamped older: commits that changed no edge or actor).
  size_t unsaved = 0;
  // The mapped file `snapshot` is that file plus `base->edges` and
  // `base->actors` (merged without copying, or copied when overlayChanges
  // had to); null when it is not known to be (built from the store, or
  // merged by copying onto a snapshot that was). updateSnapshot keeps it.
  std::shared_ptr<const OverlayBase> base;
};

// The snapshot of `store`, the database at directory `dbPath`: the mapped
// file when it is current (same identity and sequence number as the store),
// else built from the store and, with options.save, saved — unless the file
// reflects a newer state of the store than this open sees (a read-only open
// older than a writer's commit), which is left alone. A store without an
// identity is always built and never saved. Errors: those of
// Snapshot::fromStore; problems with the file are reported, not returned.
Result<LoadedSnapshot> loadSnapshot(const storage::GraphStore& store, const std::string& dbPath,
                                    const LoadOptions& options);

// Builds the snapshot of `store` and saves it as loadSnapshot does after a
// build. Errors: those of Snapshot::fromStore.
Result<LoadedSnapshot> rebuildSnapshot(const storage::GraphStore& store, const std::string& dbPath,
                                       const LoadOptions& options);

// `current` (a snapshot of `store`, as loaded or updated before) brought up
// to the store's state now (kgd after an ingest): the changes since its stamp
// merged in when the change log covers them (saved once the unsaved overlay
// reaches options.foldRatio), else rebuilt as rebuildSnapshot. With a
// current.base (or, without one, the database's snapshot file when the log
// covers every write since it, mapped once), the result is the file merged
// with every write since it without copying (overlayChanges): what an
// update writes is the rewritten rows, the reverse CSR's edge indices and
// the row bounds (graph/README.md, "kgd without copying"), not the graph.
// A fold saves a copied merge, then maps the saved file as the new base.
// Errors: those of the store and of Snapshot::fromStore.
Result<LoadedSnapshot> updateSnapshot(const storage::GraphStore& store, const std::string& dbPath,
                                      const LoadedSnapshot& current, const LoadOptions& options);

// What foldSnapshotFile found and did.
enum class WriterFold {
  kNone,     // no file of this store, or the change log does not cover it: readers rebuild, as before
  kCurrent,  // the file holds the store's state
  kNotDue,   // stale, but a reader merges the overlay without folding it
  kFolded,   // the file was merged with the change log and saved
};

// A writer's fold, so that the next process maps a current file instead of
// folding it itself (graph/README.md, "When the overlay is folded"): when the
// snapshot file of `dbPath` is stale and the change log covers every write
// since it, and a reader's loadSnapshot with `options` would fold the merge
// (foldRatio on the count of changes, foldFreshRatio on the fresh memory the
// merge would hold: overlayFreshBytes, a plan only), the file (verified as
// options.verify says) is merged with the changes by copying (applyChanges)
// and saved (writeSnapshotFile: a whole new file renamed over the old one, so
// that processes mapping the old file keep it). Otherwise it reads the
// file's header, the change log and the changed edges by id, and writes
// nothing. Ignores options.save and options.report. The caller must hold the
// store's write lock, or the file it saves may be older than a commit it
// missed (still correct: a stale file). Errors: those of the store, of the
// merge, of writeSnapshotFile (the store's write faults count its calls);
// the file is then the previous one.
Result<WriterFold> foldSnapshotFile(const storage::GraphStore& store, const std::string& dbPath,
                                    const LoadOptions& options);

// Drops the change records the snapshot file of `dbPath` no longer needs (those
// of commits it already reflects; GraphStore::dropChangesThrough), so that
// the log holds only what a reader of the file merges. Does nothing when
// there is no usable file of this store. Errors: those of the store.
Status trimChangeLog(storage::GraphStore& store, const std::string& dbPath);

}  // namespace kg::graph
