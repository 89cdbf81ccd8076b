#include "graph/snapshot_file.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include <algorithm>
#include <bit>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <iterator>
#include <span>
#include <string_view>
#include <utility>
#include <vector>

#include "base/kill_point.h"
#include "base/write_fault.h"
#include "graph/kgsum.h"
#include "graph/snapshot_overlay.h"
#include "graph/temp_files.h"
#include "graph/verification_record.h"

namespace kg::graph {

static_assert(std::endian::native == std::endian::little,
              "snapshot files hold little-endian arrays that are mapped as they are");

namespace {

namespace fs = std::filesystem;

constexpr char kMagic[8] = {'K', 'G', 'S', 'N', 'A', 'P', '\r', '\n'};  // \r\n: a text-mode copy breaks it
// Room for the fixed fields, the section table and the header checksum,
// rounded up so that the first array starts aligned.
constexpr size_t kHeaderBytes = 1024;
// Each array starts on a multiple of this: enough for any element type, and
// one cache line, so arrays never share one.
constexpr size_t kSectionAlign = 64;
// RocksDB identities are 36-character UUIDs; the field leaves room.
constexpr size_t kIdentityBytes = 64;

// Header field offsets (FORMAT.md "Graph snapshot file").
constexpr size_t kOffVersion = 8, kOffHeaderBytes = 12, kOffFileBytes = 16, kOffSequence = 24, kOffVertices = 32,
                 kOffEdges = 40, kOffSections = 48, kOffIdentityLen = 52, kOffIdentity = 56,
                 kOffTable = kOffIdentity + kIdentityBytes;
constexpr size_t kSectionCount = 17;
constexpr size_t kTableEntryBytes = 24;  // offset, bytes, checksum
// R, the run index's vertex count, then the header checksum.
constexpr size_t kOffRuns = kOffTable + kSectionCount * kTableEntryBytes;
constexpr size_t kOffHeaderSum = kOffRuns + 8;
static_assert(kOffHeaderSum + 8 <= kHeaderBytes);

// The arrays in file order, with their element sizes and how many elements
// each has (V: vertices, V + 1, E: edges, the kRunTypes types, R indexed
// vertices, kRunStartsPerVertex per indexed vertex).
enum class Count { kV, kV1, kE, kTypes, kR, kRunStarts };
struct SectionInfo {
  const char* name;
  size_t elementBytes;
  Count count;
};
constexpr SectionInfo kSections[kSectionCount] = {
    {"actorIds", 8, Count::kV}, {"outRow", 4, Count::kV1},   {"outCol", 4, Count::kE},    {"inRow", 4, Count::kV1},
    {"inCol", 4, Count::kE},    {"inEdge", 4, Count::kE},    {"type", 1, Count::kE},      {"first", 4, Count::kE},
    {"last", 4, Count::kE},     {"precision", 1, Count::kE}, {"confidence", 1, Count::kE}, {"evidence", 2, Count::kE},
    {"cameo", 2, Count::kE},    {"typeSpan", 4, Count::kTypes}, {"runVertex", 4, Count::kR},
    {"runStart", 4, Count::kRunStarts}, {"edgeId", 8, Count::kE}};
// edgeId stays last: an empty graph aside, the file then ends with checksummed bytes, never
// with the padding before an empty run index.

std::span<const std::byte> bytesOf(const auto& span) { return std::as_bytes(span); }

std::span<const std::byte> sectionBytes(const SnapshotArrays& a, size_t i) {
  switch (i) {
    case 0: return bytesOf(a.actorIds);
    case 1: return bytesOf(a.outRow);
    case 2: return bytesOf(a.outCol);
    case 3: return bytesOf(a.inRow);
    case 4: return bytesOf(a.inCol);
    case 5: return bytesOf(a.inEdge);
    case 6: return bytesOf(a.type);
    case 7: return bytesOf(a.first);
    case 8: return bytesOf(a.last);
    case 9: return bytesOf(a.precision);
    case 10: return bytesOf(a.conf);
    case 11: return bytesOf(a.evidence);
    case 12: return bytesOf(a.cameo);
    case 13: return bytesOf(a.typeSpan);
    case 14: return bytesOf(a.runVertex);
    case 15: return bytesOf(a.runStart);
    default: return bytesOf(a.edgeId);
  }
}

template <typename T>
std::span<const T> typed(const std::byte* base, uint64_t offset, uint64_t bytes) {
  return {reinterpret_cast<const T*>(base + offset), static_cast<size_t>(bytes / sizeof(T))};
}

SnapshotArrays arraysAt(const std::byte* base, const uint64_t (&offset)[kSectionCount],
                        const uint64_t (&bytes)[kSectionCount]) {
  SnapshotArrays a;
  a.actorIds = typed<ActorId>(base, offset[0], bytes[0]);
  a.outRow = typed<uint32_t>(base, offset[1], bytes[1]);
  a.outCol = typed<uint32_t>(base, offset[2], bytes[2]);
  a.inRow = typed<uint32_t>(base, offset[3], bytes[3]);
  a.inCol = typed<uint32_t>(base, offset[4], bytes[4]);
  a.inEdge = typed<uint32_t>(base, offset[5], bytes[5]);
  a.type = typed<uint8_t>(base, offset[6], bytes[6]);
  a.first = typed<int32_t>(base, offset[7], bytes[7]);
  a.last = typed<int32_t>(base, offset[8], bytes[8]);
  a.precision = typed<uint8_t>(base, offset[9], bytes[9]);
  a.conf = typed<uint8_t>(base, offset[10], bytes[10]);
  a.evidence = typed<uint16_t>(base, offset[11], bytes[11]);
  a.cameo = typed<uint16_t>(base, offset[12], bytes[12]);
  a.typeSpan = typed<int32_t>(base, offset[13], bytes[13]);
  a.runVertex = typed<uint32_t>(base, offset[14], bytes[14]);
  a.runStart = typed<uint32_t>(base, offset[15], bytes[15]);
  a.edgeId = typed<EdgeId>(base, offset[16], bytes[16]);
  return a;
}

size_t elementCount(Count c, uint64_t vertices, uint64_t edges, uint64_t runs) {
  switch (c) {
    case Count::kV: return vertices;
    case Count::kV1: return vertices + 1;
    case Count::kTypes: return kRunTypes;
    case Count::kR: return runs;
    case Count::kRunStarts: return runs * kRunStartsPerVertex;
    default: return edges;
  }
}

uint64_t alignUp(uint64_t n) { return (n + kSectionAlign - 1) / kSectionAlign * kSectionAlign; }

void putU32(std::byte* p, uint32_t v) { std::memcpy(p, &v, 4); }
void putU64(std::byte* p, uint64_t v) { std::memcpy(p, &v, 8); }
uint32_t getU32(const std::byte* p) {
  uint32_t v;
  std::memcpy(&v, p, 4);
  return v;
}
uint64_t getU64(const std::byte* p) {
  uint64_t v;
  std::memcpy(&v, p, 8);
  return v;
}

std::string errnoText(const std::string& what, const std::string& path) {
  return what + " " + path + ": " + std::strerror(errno);
}

// Owns a file descriptor.
class Fd {
 public:
  explicit Fd(int fd) : fd_(fd) {}
  ~Fd() {
    if (fd_ >= 0) ::close(fd_);
  }
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  int get() const { return fd_; }
  int release() { return std::exchange(fd_, -1); }

 private:
  int fd_;
};

Status writeAll(int fd, const std::byte* p, size_t n, const std::string& path, WriteFaults* faults) {
  if (faults != nullptr && n > 0) KG_RETURN_IF_ERROR(faults->next(WriteOp::kAppend, path));
  while (n > 0) {
    const ssize_t w = ::write(fd, p, n);
    if (w < 0) {
      if (errno == EINTR) continue;
      return Status::ioError(errnoText("write", path));
    }
    p += w;
    n -= static_cast<size_t>(w);
  }
  return Status::ok();
}

Status syncDirectory(const std::string& dir, WriteFaults* faults) {
  if (faults != nullptr) KG_RETURN_IF_ERROR(faults->next(WriteOp::kDirSync, dir));
  Fd fd(::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (fd.get() < 0) return Status::ioError(errnoText("open directory", dir));
  if (::fsync(fd.get()) != 0) return Status::ioError(errnoText("sync directory", dir));
  return Status::ok();
}

// The header of `s` with its section table filled in; the section offsets
// follow the header in order, each aligned.
std::vector<std::byte> makeHeader(const Snapshot& s, const SnapshotStamp& stamp, uint64_t* fileBytes) {
  std::vector<std::byte> h(kHeaderBytes);
  std::memcpy(h.data(), kMagic, sizeof kMagic);
  putU32(&h[kOffVersion], kSnapshotFileVersion);
  putU32(&h[kOffHeaderBytes], kHeaderBytes);
  putU64(&h[kOffSequence], stamp.sequence);
  putU64(&h[kOffVertices], s.vertexCount());
  putU64(&h[kOffEdges], s.edgeCount());
  putU32(&h[kOffSections], kSectionCount);
  putU64(&h[kOffRuns], s.arrays().runVertex.size());
  putU32(&h[kOffIdentityLen], static_cast<uint32_t>(stamp.identity.size()));
  std::memcpy(&h[kOffIdentity], stamp.identity.data(), stamp.identity.size());
  uint64_t offset = kHeaderBytes, end = kHeaderBytes;
  for (size_t i = 0; i < kSectionCount; ++i) {
    const auto bytes = sectionBytes(s.arrays(), i);
    std::byte* entry = &h[kOffTable + i * kTableEntryBytes];
    offset = alignUp(end);
    putU64(entry, offset);
    putU64(entry + 8, bytes.size());
    putU64(entry + 16, kgsum64(bytes));
    end = offset + bytes.size();
  }
  *fileBytes = end;  // the last array ends the file: no padding after it
  putU64(&h[kOffFileBytes], end);
  putU64(&h[kOffHeaderSum], kgsum64(std::span(h.data(), kOffHeaderSum)));
  return h;
}

Status writeTemp(int fd, const std::string& tmp, const Snapshot& s, const std::vector<std::byte>& header,
                 WriteFaults* faults) {
  KG_RETURN_IF_ERROR(writeAll(fd, header.data(), header.size(), tmp, faults));
  uint64_t end = kHeaderBytes;
  static constexpr std::byte kZeros[kSectionAlign] = {};
  for (size_t i = 0; i < kSectionCount; ++i) {
    if (i == kSectionCount / 2) killPoint("snapshot.mid_write");
    KG_RETURN_IF_ERROR(writeAll(fd, kZeros, alignUp(end) - end, tmp, faults));  // padding before the array
    const auto bytes = sectionBytes(s.arrays(), i);
    KG_RETURN_IF_ERROR(writeAll(fd, bytes.data(), bytes.size(), tmp, faults));
    end = alignUp(end) + bytes.size();
  }
  if (faults != nullptr) KG_RETURN_IF_ERROR(faults->next(WriteOp::kSync, tmp));
  if (::fsync(fd) != 0) return Status::ioError(errnoText("sync", tmp));
  return Status::ok();
}

// A read-only mapping of a whole file, and the file kept open (an overlay
// maps pieces of it again: graph/shifted_array.h); unmapped and closed when
// destroyed.
class Mapping {
 public:
  Mapping(void* p, size_t n, int fd) : p_(p), n_(n), fd_(fd) {}
  ~Mapping() {
    if (p_ != nullptr) ::munmap(p_, n_);
  }
  Mapping(const Mapping&) = delete;
  Mapping& operator=(const Mapping&) = delete;
  const std::byte* data() const { return static_cast<const std::byte*>(p_); }
  size_t size() const { return n_; }
  FileBacking backing() const { return FileBacking{fd_.get(), data(), n_}; }

 private:
  void* p_;
  size_t n_;
  Fd fd_;
};

Status corrupt(const std::string& path, const std::string& what) {
  return Status::corruption("snapshot file " + path + ": " + what);
}

// Checks the header of the mapped file and fills the section table.
Status checkHeader(const Mapping& m, const std::string& path, SnapshotStamp* stamp, uint64_t* vertices,
                   uint64_t* edges, uint64_t (&offset)[kSectionCount], uint64_t (&bytes)[kSectionCount],
                   uint64_t (&sums)[kSectionCount]) {
  const std::byte* h = m.data();
  if (m.size() < sizeof kMagic || std::memcmp(h, kMagic, sizeof kMagic) != 0)
    return corrupt(path, "not a snapshot file (bad magic)");
  // The version first: another version's header may be shorter than this one's.
  if (m.size() >= kOffVersion + 4 && getU32(h + kOffVersion) != kSnapshotFileVersion)
    return corrupt(path, "layout version " + std::to_string(getU32(h + kOffVersion)) + ", this kg reads version " +
                             std::to_string(kSnapshotFileVersion));
  if (m.size() < kHeaderBytes)
    return corrupt(path, "truncated: " + std::to_string(m.size()) + " bytes, shorter than its " +
                             std::to_string(kHeaderBytes) + "-byte header");
  if (getU64(h + kOffHeaderSum) != kgsum64(std::span(h, kOffHeaderSum)))
    return corrupt(path, "header checksum mismatch");
  const uint64_t fileBytes = getU64(h + kOffFileBytes);
  if (fileBytes != m.size())
    return corrupt(path, (m.size() < fileBytes ? "truncated: " : "wrong size: ") + std::to_string(m.size()) +
                             " bytes, the header says " + std::to_string(fileBytes));
  if (getU32(h + kOffHeaderBytes) != kHeaderBytes || getU32(h + kOffSections) != kSectionCount ||
      getU32(h + kOffIdentityLen) > kIdentityBytes)
    return corrupt(path, "header fields out of range");
  stamp->identity.assign(reinterpret_cast<const char*>(h + kOffIdentity), getU32(h + kOffIdentityLen));
  stamp->sequence = getU64(h + kOffSequence);
  *vertices = getU64(h + kOffVertices);
  *edges = getU64(h + kOffEdges);
  const uint64_t runs = getU64(h + kOffRuns);
  if (runs > *vertices) return corrupt(path, "header fields out of range");
  for (size_t i = 0; i < kSectionCount; ++i) {
    const std::byte* entry = h + kOffTable + i * kTableEntryBytes;
    offset[i] = getU64(entry);
    bytes[i] = getU64(entry + 8);
    sums[i] = getU64(entry + 16);
    const SectionInfo& info = kSections[i];
    if (*vertices > UINT32_MAX || *edges > UINT32_MAX ||
        bytes[i] != elementCount(info.count, *vertices, *edges, runs) * info.elementBytes)
      return corrupt(path, std::string("array ") + info.name + " has the wrong size for " +
                               std::to_string(*vertices) + " vertices and " + std::to_string(*edges) + " edges");
    if (offset[i] % kSectionAlign != 0 || offset[i] < kHeaderBytes || offset[i] > fileBytes ||
        bytes[i] > fileBytes - offset[i])
      return corrupt(path, std::string("array ") + info.name + " lies outside the file");
  }
  return Status::ok();
}

void report(const LoadOptions& options, const std::string& line) {
  if (options.report) options.report(line);
}

// Saves `built` for `store` (whose write faults, if any, the file's writes count on).
void saveBuilt(const storage::GraphStore& store, const LoadedSnapshot& built, const std::string& path,
               const LoadOptions& options) {
  if (!options.save || built.stamp.identity.empty()) return;
  Status saved = writeSnapshotFile(path, *built.snapshot, built.stamp, store.writeFaults().get());
  if (!saved.isOk()) report(options, "could not save the graph snapshot: " + saved.message());
}

Result<LoadedSnapshot> build(const storage::GraphStore& store, const LoadOptions& options) {
  // The stamp is read before the store: a write landing during the build
  // makes the saved file look older than it is (rebuilt once more later),
  // never newer.
  LoadedSnapshot out;
  out.stamp = SnapshotStamp{store.identity(), store.sequenceNumber()};
  auto s = [&]() -> Result<std::shared_ptr<const Snapshot>> {
    if (!options.progress) return Snapshot::fromStore(store);
    // Snapshot::fromStore, counting the edges as they are read.
    auto stats = store.stats();
    if (!stats) return stats.status();
    const uint64_t total = stats->edges;
    std::vector<ActorId> actors;
    KG_RETURN_IF_ERROR(store.scanActors([&](const Actor& a) {
      actors.push_back(a.id);
      return storage::Scan::kContinue;
    }));
    uint64_t done = 0;
    options.progress(0, total);
    auto built = Snapshot::fromScan(actors, [&](const std::function<storage::Scan(const storage::EdgeHeader&)>& fn) {
      return store.scanEdges([&](const storage::EdgeHeader& e) {
        if ((++done & 0xffff) == 0) options.progress(done, std::max(total, done));
        return fn(e);
      });
    });
    options.progress(done, std::max(total, done));
    return built;
  }();
  if (!s) return s.status();
  out.snapshot = std::move(s).value();
  return out;
}

// True when an overlay of `unsaved` edges over a snapshot of `edges` edges
// is due to be folded into the file.
bool foldDue(size_t unsaved, size_t edges, const LoadOptions& options) {
  return options.foldRatio != 0 && unsaved > 0 && unsaved * options.foldRatio >= edges;
}

// What the store's commits after `from` up to `now` wrote: the actors their
// records name and the edges as stored now, each ascending by id; nullopt
// when the change log does not cover them (or a named edge is gone: trust
// only a rebuild).
struct Written {
  std::vector<ActorId> actors;
  std::vector<storage::EdgeHeader> edges;
};
Result<std::optional<Written>> readChanges(const storage::GraphStore& store, uint64_t from, uint64_t now) {
  auto changes = store.changesSince(from, now);
  if (!changes) return changes.status();
  if (!changes->has_value()) return std::optional<Written>();
  Written w;
  w.actors = std::move((*changes)->actors);
  w.edges.reserve((*changes)->edges.size());
  for (EdgeId id : (*changes)->edges) {
    auto h = store.getEdgeHeader(id);
    if (!h) return h.status();
    if (!h->has_value()) return std::optional<Written>();
    w.edges.push_back(std::move(**h));
  }
  return std::optional<Written>(std::move(w));
}

// Edges and actors written onto `base` that it has no copy of: the count a
// merge reports as overlaid.
size_t overlaidCount(const Snapshot& base, const Written& w) {
  return w.edges.size() + static_cast<size_t>(std::count_if(w.actors.begin(), w.actors.end(),
                                                            [&](ActorId a) { return !base.vertexOf(a).has_value(); }));
}

// `base`'s writes since its file, then `w`'s (a write since `base`'s newest
// replaces the older version of the same edge).
std::shared_ptr<OverlayBase> extend(const OverlayBase& base, const Written& w) {
  auto out = std::make_shared<OverlayBase>();
  out->file = base.file;
  std::set_union(w.actors.begin(), w.actors.end(), base.actors.begin(), base.actors.end(),
                 std::back_inserter(out->actors));
  auto byId = [](const storage::EdgeHeader& x, const storage::EdgeHeader& y) { return x.edge.id < y.edge.id; };
  // std::set_union takes equal elements from its first range: the newer.
  std::set_union(w.edges.begin(), w.edges.end(), base.edges.begin(), base.edges.end(), std::back_inserter(out->edges),
                 byId);
  return out;
}

// The database's snapshot file as an overlay base for the store's state
// `now`: mapped (verified as options.verify says) with every write since its
// stamp; null when there is no usable file of this store, it is newer than
// `now`, or the change log does not cover the writes since it.
Result<std::shared_ptr<OverlayBase>> attachFile(const storage::GraphStore& store, const std::string& dbPath,
                                                const SnapshotStamp& now, const LoadOptions& options) {
  auto opened = openSnapshotFile(snapshotFilePath(dbPath), options.verify, options.verifySettle);
  if (!opened || opened->stamp.identity != now.identity || opened->stamp.sequence > now.sequence)
    return std::shared_ptr<OverlayBase>();
  auto out = std::make_shared<OverlayBase>();
  if (opened->stamp.sequence < now.sequence) {
    auto w = readChanges(store, opened->stamp.sequence, now.sequence);
    if (!w) return w.status();
    if (!w->has_value()) return std::shared_ptr<OverlayBase>();
    out->actors = std::move((*w)->actors);
    out->edges = std::move((*w)->edges);
  }
  out->file = std::move(opened).value();
  return out;
}

// `base`'s file merged with its writes, without copying when it can
// (overlayChanges); *freshBytes: about how much fresh memory it holds.
Result<std::shared_ptr<const Snapshot>> mergeOnto(const OverlayBase& base, const LoadOptions& options,
                                                  size_t* freshBytes) {
  *freshBytes = 0;
  const Snapshot& file = *base.file.snapshot;
  if (base.edges.empty() &&
      std::all_of(base.actors.begin(), base.actors.end(), [&](ActorId a) { return file.vertexOf(a).has_value(); }))
    return base.file.snapshot;
  return overlayChanges(file, base.file.backing, base.actors, base.edges, nullptr, options.maxShiftedPieces, nullptr,
                        freshBytes);
}

// True when a merge onto `file` that holds `fresh` bytes of fresh memory is
// worth folding (options.foldFreshRatio, foldFreshMinBytes); a reader folds
// it only with options.save.
bool freshWorthFolding(size_t fresh, const Snapshot& file, const LoadOptions& options) {
  return options.foldFreshRatio != 0 && fresh > 0 && fresh >= options.foldFreshMinBytes &&
         fresh * options.foldFreshRatio >= file.memoryBytes();
}

bool freshFoldDue(size_t fresh, const Snapshot& file, const LoadOptions& options) {
  return options.save && freshWorthFolding(fresh, file, options);
}

// `out` (a merged snapshot of the store's state out.stamp) saved as the
// database's file: copied into a contiguous snapshot first when it is not.
Status fold(const storage::GraphStore& store, const std::string& path, LoadedSnapshot* out,
            const LoadOptions& options) {
  if (!out->snapshot->contiguous()) {
    auto compact = applyChanges(*out->snapshot, {}, {});
    if (!compact) return compact.status();
    out->snapshot = std::move(compact).value();
  }
  saveBuilt(store, *out, path, options);
  out->unsaved = 0;
  out->base.reset();
  return Status::ok();
}

// `out`, just saved as the database's file, takes that file as its
// snapshot and overlay base (its pages instead of the copy or build); not
// when another process's file took its place meanwhile.
Status attachSaved(const storage::GraphStore& store, const std::string& dbPath, const LoadOptions& options,
                   LoadedSnapshot* out) {
  auto attached = attachFile(store, dbPath, out->stamp, options);
  if (!attached) return attached.status();
  if (*attached && (*attached)->file.stamp == out->stamp) {
    out->snapshot = (*attached)->file.snapshot;
    out->base = std::move(attached).value();
  }
  return Status::ok();
}

}  // namespace

std::string snapshotFilePath(const std::string& dbPath) { return (fs::path(dbPath) / kSnapshotFileName).string(); }

Status writeSnapshotFile(const std::string& path, const Snapshot& snapshot, const SnapshotStamp& stamp,
                         WriteFaults* faults) {
  if (!snapshot.contiguous())
    return Status::invalidArgument("snapshot file " + path +
                                   ": a snapshot merged without copying (slots between its rows) cannot be saved");
  if (stamp.identity.size() > kIdentityBytes)
    return Status::invalidArgument("snapshot file " + path + ": store identity longer than " +
                                   std::to_string(kIdentityBytes) + " bytes");
  removeAbandonedTemps(path);
  const std::string tmp = tempPathFor(path);
  uint64_t fileBytes = 0;
  const std::vector<std::byte> header = makeHeader(snapshot, stamp, &fileBytes);
  if (faults != nullptr) KG_RETURN_IF_ERROR(faults->next(WriteOp::kCreate, tmp));
  Fd fd(::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644));
  if (fd.get() < 0) return Status::ioError(errnoText("create", tmp));
  Status written = writeTemp(fd.get(), tmp, snapshot, header, faults);
  if (written.isOk() && ::close(fd.release()) != 0) written = Status::ioError(errnoText("close", tmp));
  if (!written.isOk()) {
    std::error_code ec;
    fs::remove(tmp, ec);
    return written;
  }
  killPoint("snapshot.before_rename");
  Status renamed = faults != nullptr ? faults->next(WriteOp::kRename, tmp + " to " + path) : Status::ok();
  if (renamed.isOk() && ::rename(tmp.c_str(), path.c_str()) != 0)
    renamed = Status::ioError(errnoText("rename " + tmp + " to", path));
  if (!renamed.isOk()) {
    Status failed = renamed;
    std::error_code ec;
    fs::remove(tmp, ec);
    return failed;
  }
  return syncDirectory(fs::path(path).parent_path().string(), faults);
}

Result<OpenedSnapshot> openSnapshotFile(const std::string& path, SnapshotVerify verify,
                                        std::chrono::milliseconds settle) {
  // Before the file's status is read: a change after this moment gets a
  // later ctime than the one a record would hold (verification_record.h).
  const auto began = std::chrono::system_clock::now();
  Fd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
  if (fd.get() < 0) {
    if (errno == ENOENT) return Status::notFound("no snapshot file " + path);
    return Status::ioError(errnoText("open", path));
  }
  struct stat st {};
  if (::fstat(fd.get(), &st) != 0) return Status::ioError(errnoText("stat", path));
  const auto size = static_cast<size_t>(st.st_size);
  if (size == 0) return corrupt(path, "empty (0 bytes)");
  // A full check reads every page at once: populating the mapping up front
  // costs one call instead of a fault per page.
  void* p = ::mmap(nullptr, size, PROT_READ, MAP_SHARED | (verify == SnapshotVerify::kFull ? MAP_POPULATE : 0),
                   fd.get(), 0);
  if (p == MAP_FAILED) return Status::ioError(errnoText("map", path));
  // A header-only open reads arrays as queries touch them, scattered: no
  // read-around, so that a query brings in only the pages it reads. Not for
  // a file trusted by its record (kOnce): a query after a write merges the
  // change log, which reads the row bounds and the reverse CSR's edge indices
  // through (tens of MB on 10M edges), and 4 KB faults cost it more than the
  // system's read-around (graph/README.md, "Verified once").
  if (verify == SnapshotVerify::kHeader) ::madvise(p, size, MADV_RANDOM);
  auto mapping = std::make_shared<Mapping>(p, size, fd.release());
  OpenedSnapshot out;
  uint64_t vertices = 0, edges = 0, offset[kSectionCount], bytes[kSectionCount], sums[kSectionCount];
  KG_RETURN_IF_ERROR(checkHeader(*mapping, path, &out.stamp, &vertices, &edges, offset, bytes, sums));
  // This version of the file, named by its header checksum (which covers
  // every array's checksum) and what the kernel says of it.
  const uint64_t digest = getU64(mapping->data() + kOffHeaderSum);
  const int fileFd = mapping->backing().fd;
  std::optional<FileVersion> version;
  if (verify != SnapshotVerify::kHeader) version = fileVersion(fileFd, digest);
  out.checked = verify == SnapshotVerify::kHeader ? SnapshotChecked::kHeader : SnapshotChecked::kWhole;
  if (verify == SnapshotVerify::kOnce && version && isRecordedVerified(path, *version))
    out.checked = SnapshotChecked::kRecorded;
  const bool whole = out.checked == SnapshotChecked::kWhole;
  // Read whole as kFull's MAP_POPULATE does (older kernels refuse
  // MADV_POPULATE_READ: the checksums then fault the pages in).
  if (whole && verify == SnapshotVerify::kOnce) ::madvise(p, size, MADV_POPULATE_READ);
  if (whole)
    for (size_t i = 0; i < kSectionCount; ++i)
      if (kgsum64(std::span(mapping->data() + offset[i], bytes[i])) != sums[i])
        return corrupt(path, std::string("checksum mismatch in array ") + kSections[i].name);
  const SnapshotArrays arrays = arraysAt(mapping->data(), offset, bytes);
  auto view = Snapshot::view(arrays, mapping);
  if (!view) return corrupt(path, view.status().message());
  // The checksums catch damage; a file with matching checksums and contents
  // no writer makes (crafted, or a writer's bug) is refused as well, since
  // the queries index by these entries without checking them.
  if (whole) {
    Status contents = Snapshot::checkContents(arrays);
    if (!contents.isOk()) return corrupt(path, contents.message());
    // Sound as read, and unchanged from before the reading to after it.
    if (version && fileVersion(fileFd, digest) == version) recordVerified(path, *version, began, settle);
  }
  out.snapshot = std::move(view).value();
  out.backing = mapping->backing();
  return out;
}

Result<LoadedSnapshot> rebuildSnapshot(const storage::GraphStore& store, const std::string& dbPath,
                                       const LoadOptions& options) {
  auto built = build(store, options);
  if (!built) return built.status();
  saveBuilt(store, built.value(), snapshotFilePath(dbPath), options);
  return built;
}

Result<LoadedSnapshot> loadSnapshot(const storage::GraphStore& store, const std::string& dbPath,
                                    const LoadOptions& options) {
  const SnapshotStamp now{store.identity(), store.sequenceNumber()};
  if (now.identity.empty()) return build(store, options);
  const std::string path = snapshotFilePath(dbPath);
  auto opened = openSnapshotFile(path, options.verify, options.verifySettle);
  if (opened) {
    if (opened->stamp == now) {
      LoadedSnapshot out;
      out.snapshot = opened->snapshot;
      out.stamp = now;
      out.fromFile = true;
      auto base = std::make_shared<OverlayBase>();
      base->file = std::move(opened).value();
      out.base = std::move(base);
      return out;
    }
    // Reflecting a later state than this open sees: another process's
    // current file; build for ourselves and leave it.
    if (opened->stamp.identity == now.identity && opened->stamp.sequence > now.sequence) return build(store, options);
    if (opened->stamp.identity != now.identity)
      report(options, "snapshot file " + path + " belongs to another database (identity " + opened->stamp.identity +
                     "); rebuilding it");
  } else if (opened.status().code() != StatusCode::kNotFound) {
    report(options, opened.status().message() + "; rebuilding it");
  }
  // Stale (the usual case after a write): the file plus what was written since,
  // when the change log covers it.
  if (opened && opened->stamp.identity == now.identity && options.overlay) {
    auto written = readChanges(store, opened->stamp.sequence, now.sequence);
    if (!written) return written.status();
    if (written->has_value()) {
      LoadedSnapshot out;
      out.stamp = now;
      out.fromFile = true;
      out.overlaid = overlaidCount(*opened->snapshot, **written);
      out.unsaved = out.overlaid;
      auto base = std::make_shared<OverlayBase>();
      base->actors = std::move((*written)->actors);
      base->edges = std::move((*written)->edges);
      base->file = std::move(opened).value();
      // A merge due to be folded (saved) must be contiguous: copied.
      if (options.save && foldDue(out.unsaved, base->file.snapshot->edgeCount(), options)) {
        auto merged = applyChanges(*base->file.snapshot, base->actors, base->edges);
        if (!merged) return merged.status();
        out.snapshot = std::move(merged).value();
        KG_RETURN_IF_ERROR(fold(store, path, &out, options));
        return out;
      }
      size_t fresh = 0;
      auto merged = mergeOnto(*base, options, &fresh);
      if (!merged) return merged.status();
      out.snapshot = std::move(merged).value();
      out.base = std::move(base);
      // Every later merge writes at least this much: once it is a large part
      // of a copy, the file is worth writing.
      if (freshFoldDue(fresh, *out.base->file.snapshot, options)) KG_RETURN_IF_ERROR(fold(store, path, &out, options));
      return out;
    }
  }
  // Missing, stale beyond the change log, damaged or foreign.
  return rebuildSnapshot(store, dbPath, options);
}

Result<LoadedSnapshot> updateSnapshot(const storage::GraphStore& store, const std::string& dbPath,
                                      const LoadedSnapshot& current, const LoadOptions& options) {
  const SnapshotStamp now{store.identity(), store.sequenceNumber()};
  if (current.snapshot && !now.identity.empty() && current.stamp.identity == now.identity && options.overlay &&
      current.stamp.sequence <= now.sequence) {
    if (current.stamp == now) return current;
    auto written = readChanges(store, current.stamp.sequence, now.sequence);
    if (!written) return written.status();
    if (written->has_value()) {
      const Written& w = **written;
      LoadedSnapshot out;
      out.stamp = now;
      out.fromFile = current.fromFile;
      out.overlaid = overlaidCount(*current.snapshot, w);
      out.unsaved = current.unsaved + out.overlaid;
      if (out.overlaid == 0) {  // commits that touched no edge and added no actor (documents, aliases)
        out.snapshot = current.snapshot;
        out.base = current.base;
        return out;
      }
      const std::string path = snapshotFilePath(dbPath);
      // Saves `out` as the file, which then is the base.
      auto foldAndAttach = [&]() -> Status {
        KG_RETURN_IF_ERROR(fold(store, path, &out, options));
        return attachSaved(store, dbPath, options, &out);
      };
      // The merged snapshot has at least current's edges: a fold not due at
      // its count is not due after the merge either.
      const bool due = options.save && foldDue(out.unsaved, current.snapshot->edgeCount(), options);
      if (!due) {
        // The file plus every write since it, merged without copying.
        std::shared_ptr<OverlayBase> next;
        if (current.base) {
          next = extend(*current.base, w);
        } else {
          auto attached = attachFile(store, dbPath, now, options);
          if (!attached) return attached.status();
          next = std::move(attached).value();
        }
        if (next) {
          size_t fresh = 0;
          auto merged = mergeOnto(*next, options, &fresh);
          if (!merged) return merged.status();
          out.snapshot = std::move(merged).value();
          out.base = std::move(next);
          if (freshFoldDue(fresh, *out.base->file.snapshot, options)) KG_RETURN_IF_ERROR(foldAndAttach());
          return out;
        }
      }
      // No usable file, or a fold: copied onto current.
      auto merged = applyChanges(*current.snapshot, w.actors, w.edges);
      if (!merged) return merged.status();
      out.snapshot = std::move(merged).value();
      if (due) KG_RETURN_IF_ERROR(foldAndAttach());
      return out;
    }
  }
  auto rebuilt = rebuildSnapshot(store, dbPath, options);
  if (!rebuilt || !options.save) return rebuilt;
  // Saved: the file is the base of the next updates.
  KG_RETURN_IF_ERROR(attachSaved(store, dbPath, options, &*rebuilt));
  return rebuilt;
}

Result<WriterFold> foldSnapshotFile(const storage::GraphStore& store, const std::string& dbPath,
                                    const LoadOptions& options) {
  const SnapshotStamp now{store.identity(), store.sequenceNumber()};
  if (now.identity.empty() || !options.overlay) return WriterFold::kNone;
  const std::string path = snapshotFilePath(dbPath);
  // The header and the rows the changes touch only, until a fold is due.
  auto opened = openSnapshotFile(path, SnapshotVerify::kHeader);
  if (!opened || opened->stamp.identity != now.identity || opened->stamp.sequence > now.sequence)
    return WriterFold::kNone;
  if (opened->stamp.sequence == now.sequence) return WriterFold::kCurrent;
  auto written = readChanges(store, opened->stamp.sequence, now.sequence);
  if (!written) return written.status();
  if (!written->has_value()) return WriterFold::kNone;
  const Written& w = **written;
  const Snapshot& file = *opened->snapshot;
  // The rules of loadSnapshot with options.save.
  const size_t unsaved = overlaidCount(file, w);
  bool due = foldDue(unsaved, file.edgeCount(), options);
  if (!due && unsaved > 0 && options.foldFreshRatio != 0) {
    auto fresh = overlayFreshBytes(file, opened->backing, w.actors, w.edges, options.maxShiftedPieces);
    if (!fresh) return fresh.status();
    due = freshWorthFolding(*fresh, file, options);
  }
  if (!due) return WriterFold::kNotDue;
  // Only a verified file is merged into a new one: a damaged array must not
  // be saved again under fresh checksums.
  if (options.verify != SnapshotVerify::kHeader) {
    // Damaged (the next reader reports it and rebuilds), or replaced
    // meanwhile by a reader's fold: left to readers.
    auto verified = openSnapshotFile(path, options.verify, options.verifySettle);
    if (!verified || verified->stamp != opened->stamp) return WriterFold::kNone;
    opened = std::move(verified);
  }
  auto merged = applyChanges(*opened->snapshot, w.actors, w.edges);
  if (!merged) return merged.status();
  KG_RETURN_IF_ERROR(writeSnapshotFile(path, **merged, now, store.writeFaults().get()));
  return WriterFold::kFolded;
}

Status trimChangeLog(storage::GraphStore& store, const std::string& dbPath) {
  auto opened = openSnapshotFile(snapshotFilePath(dbPath), SnapshotVerify::kHeader);
  if (!opened) return Status::ok();  // no usable file: nothing to trim against
  if (opened->stamp.identity.empty() || opened->stamp.identity != store.identity() ||
      opened->stamp.sequence > store.sequenceNumber())
    return Status::ok();
  return store.dropChangesThrough(opened->stamp.sequence);
}

}  // namespace kg::graph
