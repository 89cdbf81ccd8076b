#include "graph/snapshot_overlay.h"

#include <algorithm>
#include <cerrno>
#include <cstddef>
#include <cstring>
#include <sys/mman.h>
#include <limits>
#include <string>
#include <tuple>
#include <vector>

#include "graph/shifted_array.h"

namespace kg::graph {

namespace {

constexpr size_t kMaxIndex = std::numeric_limits<uint32_t>::max() - 1;

// Fresh anonymous memory, populated when it is made (MAP_POPULATE: one
// system call faults in every page, already zeroed by the kernel) and not
// cleared by us (every element the snapshot reads is written once): for 10M
// edges that saves a 350 MB memset and the 90,000 page faults of touching it
// page by page.
// Not huge pages (MADV_HUGEPAGE, before): on a virtual machine that returns
// free memory to its host (free page reporting), a 2 MB page comes from a
// block the host must back again, and the merge of a 10M-edge snapshot took
// 0.05 s to fault its 350 MB in right after a large free but 0.9 s once the
// machine had been idle for a minute; 4 KB pages populated at once cost
// 0.09-0.10 s either way (graph/README.md, "The overlay").
class FreshPages {
 public:
  FreshPages() = default;
  FreshPages(const FreshPages&) = delete;
  FreshPages& operator=(const FreshPages&) = delete;
  ~FreshPages() {
    if (base_ != nullptr) ::munmap(base_, bytes_);
  }

  // Maps `bytes` of zeroed memory (at least 64). Requires that it was not
  // called before. IOError when the system refuses.
  Status allocate(size_t bytes) {
    bytes_ = std::max<size_t>(bytes, 64);
    void* p = ::mmap(nullptr, bytes_, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_POPULATE, -1, 0);
    if (p == MAP_FAILED)
      return Status::ioError(std::string("snapshot overlay: cannot map ") + std::to_string(bytes_) +
                             " bytes: " + std::strerror(errno));
    base_ = p;
    next_ = static_cast<std::byte*>(p);
    return Status::ok();
  }

  // The next `count` elements of the memory, 64-byte aligned. Requires that
  // allocate() reserved room for every carve (each rounded up to 64 bytes).
  template <typename T>
  std::span<T> carve(size_t count) {
    std::span<T> out(reinterpret_cast<T*>(next_), count);
    next_ += roundUp(count * sizeof(T));
    return out;
  }
  static size_t roundUp(size_t bytes) { return (bytes + 63) / 64 * 64; }

 private:
  void* base_ = nullptr;
  size_t bytes_ = 0;
  std::byte* next_ = nullptr;
};

// The arrays of a merged snapshot, owned; Snapshot::view borrows them and
// keeps this alive. Every array but actorIds lies in one FreshPages.
class Owned {
 public:
  Owned() = default;
  Owned(const Owned&) = delete;
  Owned& operator=(const Owned&) = delete;

  // Carves the arrays for `vertices` vertices and `edges` edges.
  Status allocate(size_t vertices, size_t edges) {
    const size_t sizes[] = {4 * (vertices + 1), 4 * edges, 4 * (vertices + 1), 4 * edges, 4 * edges, edges,
                            4 * edges,          4 * edges, edges,              edges,     2 * edges, 2 * edges,
                            8 * edges};
    size_t bytes = 0;
    for (size_t n : sizes) bytes += FreshPages::roundUp(n);
    KG_RETURN_IF_ERROR(memory_.allocate(bytes));
    auto carve = [&]<typename T>(std::span<T>& out, size_t count) { out = memory_.carve<T>(count); };
    carve(outRow, vertices + 1);
    carve(outCol, edges);
    carve(inRow, vertices + 1);
    carve(inCol, edges);
    carve(inEdge, edges);
    carve(type, edges);
    carve(first, edges);
    carve(last, edges);
    carve(precision, edges);
    carve(conf, edges);
    carve(evidence, edges);
    carve(cameo, edges);
    carve(edgeId, edges);
    return Status::ok();
  }

  SnapshotArrays arrays() const {
    return SnapshotArrays{actorIds, outRow, outCol,         inRow,           inCol,         inEdge,
                          type,     first,  last,           precision,       conf,          evidence,
                          cameo,    edgeId, index.typeSpan, index.runVertex, index.runStart};
  }

  std::vector<ActorId> actorIds;
  std::span<uint32_t> outRow, outCol, inRow, inCol, inEdge;
  std::span<uint8_t> type;
  std::span<int32_t> first, last;
  std::span<uint8_t> precision, conf;
  std::span<uint16_t> evidence, cameo;
  std::span<EdgeId> edgeId;
  RunIndex index;  // built from the merged arrays (as a fresh build does)

 private:
  FreshPages memory_;
};

// A written edge, placed in the new vertex numbering.
struct Inserted {
  VertexId src = 0, dst = 0;
  ActorId dstId = 0;
  uint64_t key = 0;  // runKey
  PackedEdge p;
  uint32_t index = 0;  // its edge index in the result
};

// Old edge index -> new one for the edges kept from the base: each range
// [oldBegin, oldEnd) moved by `delta`. Ranges are added in increasing order.
class EdgeMap {
 public:
  void add(uint32_t oldBegin, uint32_t oldEnd, int64_t delta) {
    if (oldBegin == oldEnd) return;
    if (!ranges_.empty() && ranges_.back().oldEnd == oldBegin && ranges_.back().delta == delta)
      ranges_.back().oldEnd = oldEnd;
    else
      ranges_.push_back({oldBegin, oldEnd, delta});
  }
  // Indexes the ranges by buckets of old indices, so that a lookup starts at
  // most a few ranges before its own.
  void seal(size_t oldEdges) {
    bucketStart_.assign((oldEdges >> kShift) + 1, 0);
    size_t r = 0;
    for (size_t b = 0; b < bucketStart_.size(); ++b) {
      while (r < ranges_.size() && ranges_[r].oldEnd <= (b << kShift)) ++r;
      bucketStart_[b] = static_cast<uint32_t>(r);
    }
  }
  // Requires that `old` is a kept edge.
  uint32_t operator()(uint32_t old) const {
    size_t r = bucketStart_[old >> kShift];
    while (ranges_[r].oldEnd <= old) ++r;
    return static_cast<uint32_t>(old + ranges_[r].delta);
  }

 private:
  static constexpr unsigned kShift = 12;
  struct Range {
    uint32_t oldBegin, oldEnd;
    int64_t delta;
  };
  std::vector<Range> ranges_;
  std::vector<uint32_t> bucketStart_;
};

// The reverse CSR order of in-edges (graph/snapshot.cpp): type, first day,
// then forward edge index.
uint64_t reverseKey(uint8_t type, int32_t first) {
  return static_cast<uint64_t>(type) << 32 | (static_cast<uint32_t>(first) ^ 0x80000000u);
}

// The actor ids the writes bring that `base` has no vertex for (written
// actors and edge ends), sorted and unique. InvalidArgument when an edge has
// actor id 0.
Result<std::vector<ActorId>> addedActors(const Snapshot& base, std::span<const ActorId> actors,
                                         std::span<const storage::EdgeHeader> edges) {
  std::vector<ActorId> extra(actors.begin(), actors.end());
  for (const auto& h : edges) {
    if (h.edge.src == 0 || h.edge.dst == 0) return Status::invalidArgument("snapshot: an edge has actor id 0");
    extra.push_back(h.edge.src);
    extra.push_back(h.edge.dst);
  }
  std::sort(extra.begin(), extra.end());
  extra.erase(std::unique(extra.begin(), extra.end()), extra.end());
  std::erase_if(extra, [&](ActorId id) { return id == 0 || base.vertexOf(id).has_value(); });
  return extra;
}

// The base's edge indices of the written edges' old versions (sorted,
// unique) and the written edges as inserted, ordered as rows keep them
// (source, run key, target, edge id). `vertexOfNew` gives an actor id's
// vertex in the result.
template <typename VertexOfNew>
void writtenEdges(const Snapshot& base, std::span<const storage::EdgeHeader> edges, const VertexOfNew& vertexOfNew,
                  std::vector<uint32_t>* removed, std::vector<Inserted>* ins) {
  const SnapshotArrays& b = base.arrays();
  ins->reserve(edges.size());
  for (const auto& h : edges) {
    if (auto ov = base.vertexOf(h.edge.src)) {
      for (uint32_t e = base.outBegin(*ov); e < base.outEnd(*ov); ++e)
        if (b.edgeId[e] == h.edge.id) {
          removed->push_back(e);
          break;
        }
    }
    Inserted x;
    x.src = vertexOfNew(h.edge.src);
    x.dst = vertexOfNew(h.edge.dst);
    x.dstId = h.edge.dst;
    x.p = packEdge(h);
    x.key = runKey(x.p.type, x.p.first, x.p.precision);
    ins->push_back(x);
  }
  std::sort(removed->begin(), removed->end());
  removed->erase(std::unique(removed->begin(), removed->end()), removed->end());
  std::sort(ins->begin(), ins->end(), [](const Inserted& x, const Inserted& y) {
    return std::tie(x.src, x.key, x.dstId, x.p.edgeId) < std::tie(y.src, y.key, y.dstId, y.p.edgeId);
  });
}

}  // namespace

Result<std::shared_ptr<const Snapshot>> applyChanges(const Snapshot& base, std::span<const ActorId> actors,
                                                     std::span<const storage::EdgeHeader> edges) {
  const SnapshotArrays& b = base.arrays();
  // oldE: the base's edge slots (its edge indices); a merged base may leave
  // slots between rows, so rows are read through its accessors.
  const size_t oldV = b.actorIds.size(), oldE = base.edgeSlots();
  auto owned = std::make_shared<Owned>();
  Owned& o = *owned;

  // Vertices: the base's, plus written actors and edge ends it lacks.
  auto added = addedActors(base, actors, edges);
  if (!added.isOk()) return added.status();
  const std::vector<ActorId>& extra = *added;
  o.actorIds.resize(oldV + extra.size());
  std::merge(b.actorIds.begin(), b.actorIds.end(), extra.begin(), extra.end(), o.actorIds.begin());
  const size_t newV = o.actorIds.size();
  if (newV > kMaxIndex)
    return Status::limitExceeded("snapshot: " + std::to_string(newV) + " actors; at most " +
                                 std::to_string(kMaxIndex) + " fit");
  // New actors normally have ids above every old one (ids are handed out in
  // increasing order), so old vertices keep their numbers; a restored actor
  // with a lower id renumbers the vertices after it.
  const bool sameNumbers = extra.empty() || oldV == 0 || extra.front() > b.actorIds.back();
  std::vector<VertexId> vmap, oldOf;  // old -> new, new -> old (kNoVertex: new); empty when sameNumbers
  if (!sameNumbers) {
    vmap.resize(oldV);
    oldOf.assign(newV, kNoVertex);
    for (size_t ov = 0, nv = 0; ov < oldV; ++ov) {
      while (o.actorIds[nv] != b.actorIds[ov]) ++nv;
      vmap[ov] = static_cast<VertexId>(nv);
      oldOf[nv] = static_cast<VertexId>(ov);
    }
  }
  auto newOfOld = [&](VertexId ov) { return sameNumbers ? ov : vmap[ov]; };
  auto oldOfNew = [&](size_t nv) -> VertexId {
    if (sameNumbers) return nv < oldV ? static_cast<VertexId>(nv) : kNoVertex;
    return oldOf[nv];
  };
  auto vertexOfNew = [&](ActorId id) {
    return static_cast<VertexId>(std::lower_bound(o.actorIds.begin(), o.actorIds.end(), id) - o.actorIds.begin());
  };

  // The base's copies of written edges go; the written versions come in.
  std::vector<uint32_t> removed;
  std::vector<Inserted> ins;
  writtenEdges(base, edges, vertexOfNew, &removed, &ins);
  const size_t newE = base.edgeCount() - removed.size() + ins.size();
  if (newE > kMaxIndex)
    return Status::limitExceeded("snapshot: " + std::to_string(newE) + " edges; at most " +
                                 std::to_string(kMaxIndex) + " fit");
  KG_RETURN_IF_ERROR(o.allocate(newV, newE));

  // Forward CSR: untouched rows are copied in blocks, touched rows merged.
  EdgeMap emap;
  uint32_t out = 0;
  uint32_t blockOld = 0, blockEnd = 0, blockNew = 0;  // a pending run of untouched rows
  auto copyOld = [&](uint32_t from, uint32_t to, uint32_t at) {
    const size_t n = to - from;
    if (n == 0) return;
    if (sameNumbers) {
      std::copy_n(b.outCol.begin() + from, n, o.outCol.begin() + at);
    } else {
      for (size_t i = 0; i < n; ++i) o.outCol[at + i] = vmap[b.outCol[from + i]];
    }
    std::copy_n(b.type.begin() + from, n, o.type.begin() + at);
    std::copy_n(b.first.begin() + from, n, o.first.begin() + at);
    std::copy_n(b.last.begin() + from, n, o.last.begin() + at);
    std::copy_n(b.precision.begin() + from, n, o.precision.begin() + at);
    std::copy_n(b.conf.begin() + from, n, o.conf.begin() + at);
    std::copy_n(b.evidence.begin() + from, n, o.evidence.begin() + at);
    std::copy_n(b.cameo.begin() + from, n, o.cameo.begin() + at);
    std::copy_n(b.edgeId.begin() + from, n, o.edgeId.begin() + at);
    emap.add(from, to, static_cast<int64_t>(at) - static_cast<int64_t>(from));
  };
  auto flush = [&] {
    copyOld(blockOld, blockEnd, blockNew);
    blockOld = blockEnd;
    blockNew = out;
  };
  size_t ri = 0, ii = 0;
  for (size_t nv = 0; nv < newV; ++nv) {
    o.outRow[nv] = out;
    const VertexId ov = oldOfNew(nv);
    const uint32_t lo = ov == kNoVertex ? 0 : base.outBegin(ov);
    const uint32_t hi = ov == kNoVertex ? 0 : base.outEnd(ov);
    const bool touched = (ii < ins.size() && ins[ii].src == nv) || (ri < removed.size() && removed[ri] < hi);
    if (!touched) {
      if (hi > lo) {
        if (blockEnd != lo) flush();  // not contiguous (cannot happen: rows are in order); stay safe
        if (blockEnd == blockOld) blockOld = lo, blockNew = out;
        blockEnd = hi;
        out += hi - lo;
      }
      continue;
    }
    flush();
    uint32_t e = lo;
    for (;;) {
      while (ri < removed.size() && removed[ri] == e && e < hi) ++ri, ++e;
      const bool haveOld = e < hi;
      const bool haveIns = ii < ins.size() && ins[ii].src == nv;
      if (!haveOld && !haveIns) break;
      bool takeOld = haveOld;
      if (haveOld && haveIns) {
        const uint64_t k = runKey(b.type[e], b.first[e], b.precision[e]);
        takeOld = std::tie(k, b.actorIds[b.outCol[e]], b.edgeId[e]) <
                  std::tie(ins[ii].key, ins[ii].dstId, ins[ii].p.edgeId);
      }
      if (takeOld) {
        copyOld(e, e + 1, out);
        ++e;
      } else {
        Inserted& x = ins[ii++];
        x.index = out;
        o.outCol[out] = x.dst;
        o.type[out] = x.p.type;
        o.first[out] = x.p.first;
        o.last[out] = x.p.last;
        o.precision[out] = x.p.precision;
        o.conf[out] = x.p.conf;
        o.evidence[out] = x.p.evidence;
        o.cameo[out] = x.p.cameo;
        o.edgeId[out] = x.p.edgeId;
      }
      ++out;
    }
    if (ov != kNoVertex) blockOld = blockEnd = hi;
    blockNew = out;
  }
  flush();
  o.outRow[newV] = out;
  emap.seal(oldE);

  // Reverse CSR: rows of targets no written edge enters are copied (sources
  // and edge indices renumbered); the others are rebuilt and sorted.
  std::vector<const Inserted*> byDst;
  byDst.reserve(ins.size());
  for (const auto& x : ins) byDst.push_back(&x);
  std::sort(byDst.begin(), byDst.end(), [](const Inserted* x, const Inserted* y) { return x->dst < y->dst; });
  uint32_t pos = 0;
  size_t di = 0;
  std::vector<std::pair<uint64_t, std::pair<uint32_t, uint32_t>>> row;  // (key, (edge, source))
  for (size_t nv = 0; nv < newV; ++nv) {
    o.inRow[nv] = pos;
    const VertexId ov = oldOfNew(nv);
    const uint32_t lo = ov == kNoVertex ? 0 : base.inBegin(ov);
    const uint32_t hi = ov == kNoVertex ? 0 : base.inEnd(ov);
    if (di >= byDst.size() || byDst[di]->dst != nv) {
      for (uint32_t p = lo; p < hi; ++p, ++pos) {
        o.inCol[pos] = newOfOld(b.inCol[p]);
        o.inEdge[pos] = emap(b.inEdge[p]);
      }
      continue;
    }
    row.clear();
    for (uint32_t p = lo; p < hi; ++p) {
      const uint32_t oldEdge = b.inEdge[p];
      if (std::binary_search(removed.begin(), removed.end(), oldEdge)) continue;
      const uint32_t e = emap(oldEdge);
      row.push_back({reverseKey(o.type[e], o.first[e]), {e, newOfOld(b.inCol[p])}});
    }
    for (; di < byDst.size() && byDst[di]->dst == nv; ++di) {
      const Inserted& x = *byDst[di];
      row.push_back({reverseKey(x.p.type, x.p.first), {x.index, x.src}});
    }
    std::sort(row.begin(), row.end());
    for (const auto& [key, entry] : row) {
      o.inEdge[pos] = entry.first;
      o.inCol[pos] = entry.second;
      ++pos;
    }
  }
  o.inRow[newV] = pos;
  if (pos != newE || out != newE)
    return Status::internal("snapshot overlay: " + std::to_string(out) + " out-edges and " + std::to_string(pos) +
                            " in-edges for " + std::to_string(newE) + " edges");
  o.index = buildRunIndex(o.arrays());
  const SnapshotArrays arrays = o.arrays();
  return Snapshot::view(arrays, std::shared_ptr<const void>(owned, owned.get()));
}

namespace {

// The arrays of a snapshot merged by overlayChanges; Snapshot::viewWithGaps
// borrows them and keeps this alive.
struct Shifted {
  std::unique_ptr<ShiftedArray> actorIds, outCol, inCol, type, first, last, precision, conf, evidence, cameo, edgeId;
  // The row starts and ends, and inEdge (written whole but for the slots
  // between rows): fresh memory.
  FreshPages fresh;
  std::span<uint32_t> outRow, outEnd, inRow, inEnd, inEdge;
  RunIndex index;
};

template <typename T>
std::span<T> spanOf(const ShiftedArray& a, size_t n) {
  return {reinterpret_cast<T*>(a.data()), n};
}

// The byte offset of `span`'s first element in the file `f` maps whole.
template <typename T>
uint64_t offsetIn(const FileBacking& f, std::span<const T> span) {
  return static_cast<uint64_t>(reinterpret_cast<const std::byte*>(span.data()) - f.mapped);
}

template <typename T>
bool inside(const FileBacking& f, std::span<const T> span) {
  const auto* p = reinterpret_cast<const std::byte*>(span.data());
  return span.empty() || (p >= f.mapped && p + span.size_bytes() <= f.mapped + f.bytes);
}

// One rewritten row: the old row [oldBegin, oldEnd) and where its new
// content starts; `items` is that content in order, each an old position
// (kept) or an inserted edge (index into the inserted edges, high bit set).
struct RowPlan {
  VertexId v = 0;
  uint32_t oldBegin = 0, oldEnd = 0;
  uint64_t newBegin = 0;
  std::vector<uint32_t> items;
};
constexpr uint32_t kInsertedBit = 0x80000000u;

// Lays out rows: pieces of untouched rows keep their old order, moved by a
// displacement that grows by whole multiples of `granule` slots after each
// rewritten row that no longer fits in its old place; rows of new vertices
// follow the last old slot. Fills the pieces and each plan's newBegin;
// returns the slots in all.
uint64_t layOut(std::vector<RowPlan>& rows, size_t firstNew, uint64_t oldSlots, uint64_t granule,
                std::vector<ShiftedPiece>* pieces) {
  uint64_t shift = 0, from = 0;
  for (size_t i = 0; i < firstNew; ++i) {
    RowPlan& r = rows[i];
    pieces->push_back({from, from + shift, r.oldBegin - from});
    r.newBegin = r.oldBegin + shift;
    const uint64_t room = r.oldEnd - r.oldBegin;
    if (r.items.size() > room) shift += (r.items.size() - room + granule - 1) / granule * granule;
    from = r.oldEnd;
  }
  pieces->push_back({from, from + shift, oldSlots - from});
  uint64_t at = oldSlots + shift;
  for (size_t i = firstNew; i < rows.size(); ++i) {
    rows[i].newBegin = at;
    at += rows[i].items.size();
  }
  return at;
}

// Keeps the pieces of untouched rows that hold slots, between and around
// the rewritten old rows `rows` (sorted, unique; entries from `oldV` on are
// new vertices' rows, which come after every piece), at `maxPieces` (at least
// 2): while more hold slots, the rows of the smallest gap between two
// rewritten rows join `rows` (rewritten unchanged, in fresh memory).
// `begin(v)`/`end(v)`: v's old row. Returns the slots the closed gaps hold.
template <typename Begin, typename End>
uint64_t closeSmallestGaps(std::vector<VertexId>* rows, size_t oldV, uint64_t oldSlots, size_t maxPieces,
                           const Begin& begin, const End& end) {
  std::vector<VertexId>& r = *rows;
  const size_t old = static_cast<size_t>(std::lower_bound(r.begin(), r.end(), oldV) - r.begin());
  if (old == 0) return 0;
  size_t pieces = (begin(r[0]) > 0) + (end(r[old - 1]) < oldSlots);
  std::vector<std::pair<uint64_t, size_t>> gaps;  // (slots, k): the gap after r[k]
  for (size_t k = 0; k + 1 < old; ++k)
    if (const uint64_t n = begin(r[k + 1]) - end(r[k]); n > 0) gaps.push_back({n, k});
  pieces += gaps.size();
  if (pieces <= maxPieces) return 0;
  const size_t close = std::min(gaps.size(), pieces - std::max<size_t>(maxPieces, 2));
  std::nth_element(gaps.begin(), gaps.begin() + static_cast<ptrdiff_t>(close), gaps.end());
  uint64_t slots = 0;
  std::vector<VertexId> extra;
  for (size_t i = 0; i < close; ++i) {
    slots += gaps[i].first;
    for (VertexId v = r[gaps[i].second] + 1; v < r[gaps[i].second + 1]; ++v) extra.push_back(v);
  }
  const size_t mid = r.size();
  r.insert(r.end(), extra.begin(), extra.end());
  std::sort(r.begin() + static_cast<ptrdiff_t>(mid), r.end());
  std::inplace_merge(r.begin(), r.begin() + static_cast<ptrdiff_t>(mid), r.end());
  return slots;
}

// overlayChanges; with `planOnly`, only its plan: *freshBytes (and *copied)
// as overlayChanges would set them, nothing mapped or allocated, and a null
// snapshot (the copy's fresh memory is then the base's size).
Result<std::shared_ptr<const Snapshot>> overlay(const Snapshot& base, const FileBacking& file,
                                                std::span<const ActorId> actors,
                                                std::span<const storage::EdgeHeader> edges, bool* copied,
                                                size_t maxPieces, size_t* copiedSlots, size_t* freshBytes,
                                                bool planOnly) {
  auto copy = [&]() -> Result<std::shared_ptr<const Snapshot>> {
    if (copied != nullptr) *copied = true;
    if (planOnly) {
      if (freshBytes != nullptr) *freshBytes = base.memoryBytes();
      return std::shared_ptr<const Snapshot>();
    }
    auto merged = applyChanges(base, actors, edges);
    if (merged && copiedSlots != nullptr) *copiedSlots = (*merged)->edgeSlots();
    if (merged && freshBytes != nullptr) *freshBytes = (*merged)->memoryBytes();
    return merged;
  };
  if (copied != nullptr) *copied = false;
  if (copiedSlots != nullptr) *copiedSlots = 0;
  if (freshBytes != nullptr) *freshBytes = 0;
  const SnapshotArrays& b = base.arrays();
  const size_t oldV = b.actorIds.size(), oldE = b.type.size();
  if (file.fd < 0 || !base.contiguous() || oldV == 0 || oldE == 0) return copy();
  for (const auto span :
       {std::as_bytes(b.actorIds), std::as_bytes(b.outCol), std::as_bytes(b.inCol), std::as_bytes(b.type),
        std::as_bytes(b.first), std::as_bytes(b.last), std::as_bytes(b.precision), std::as_bytes(b.conf),
        std::as_bytes(b.evidence), std::as_bytes(b.cameo), std::as_bytes(b.edgeId)})
    if (!inside(file, span)) return copy();

  // Vertices: the base's, then written actors and edge ends it lacks, which
  // must all come after its highest id (else the vertices renumber: copy).
  auto added = addedActors(base, actors, edges);
  if (!added.isOk()) return added.status();
  const std::vector<ActorId>& extra = *added;
  if (!extra.empty() && extra.front() < b.actorIds.back()) return copy();
  const size_t newV = oldV + extra.size();
  if (newV > kMaxIndex)
    return Status::limitExceeded("snapshot: " + std::to_string(newV) + " actors; at most " + std::to_string(kMaxIndex) +
                                 " fit");
  auto vertexOfNew = [&](ActorId id) -> VertexId {
    if (auto v = base.vertexOf(id)) return *v;
    return static_cast<VertexId>(oldV + (std::lower_bound(extra.begin(), extra.end(), id) - extra.begin()));
  };

  // The base's copies of written edges go; the written versions come in
  // (as applyChanges: same order within a row).
  std::vector<uint32_t> removed;
  std::vector<Inserted> ins;
  writtenEdges(base, edges, vertexOfNew, &removed, &ins);
  const size_t newEdges = oldE - removed.size() + ins.size();

  // Forward rows to rewrite: sources of inserted edges and of removed ones,
  // old rows first (in order), then the rows of new vertices.
  std::vector<VertexId> outRows;
  for (const auto& x : ins) outRows.push_back(x.src);
  for (uint32_t e : removed) outRows.push_back(base.source(e));
  std::sort(outRows.begin(), outRows.end());
  outRows.erase(std::unique(outRows.begin(), outRows.end()), outRows.end());
  std::vector<VertexId> inRows;
  for (const auto& x : ins) inRows.push_back(x.dst);
  for (uint32_t e : removed) inRows.push_back(base.target(e));
  std::sort(inRows.begin(), inRows.end());
  inRows.erase(std::unique(inRows.begin(), inRows.end()), inRows.end());
  // At most maxPieces pieces a side are mapped (kMaxShiftedPieces: the
  // process's mapping budget); the rows of the smallest gaps are copied.
  const uint64_t closed = closeSmallestGaps(
      &outRows, oldV, oldE, maxPieces, [&](VertexId v) { return base.outBegin(v); },
      [&](VertexId v) { return base.outEnd(v); });
  closeSmallestGaps(
      &inRows, oldV, oldE, maxPieces, [&](VertexId v) { return base.inBegin(v); },
      [&](VertexId v) { return base.inEnd(v); });

  std::vector<RowPlan> out(outRows.size());
  size_t firstNewOut = 0;
  {
    size_t ii = 0, ri = 0;
    for (size_t k = 0; k < outRows.size(); ++k) {
      RowPlan& r = out[k];
      r.v = outRows[k];
      if (r.v < oldV) {
        r.oldBegin = base.outBegin(r.v);
        r.oldEnd = base.outEnd(r.v);
        firstNewOut = k + 1;
      }
      while (ri < removed.size() && removed[ri] < r.oldBegin) ++ri;
      while (ii < ins.size() && ins[ii].src < r.v) ++ii;
      uint32_t e = r.oldBegin;
      for (;;) {
        while (ri < removed.size() && removed[ri] == e && e < r.oldEnd) ++ri, ++e;
        const bool haveOld = e < r.oldEnd;
        const bool haveIns = ii < ins.size() && ins[ii].src == r.v;
        if (!haveOld && !haveIns) break;
        bool takeOld = haveOld;
        if (haveOld && haveIns) {
          const uint64_t key = runKey(b.type[e], b.first[e], b.precision[e]);
          takeOld = std::tie(key, b.actorIds[b.outCol[e]], b.edgeId[e]) <
                    std::tie(ins[ii].key, ins[ii].dstId, ins[ii].p.edgeId);
        }
        if (takeOld)
          r.items.push_back(e++);
        else
          r.items.push_back(kInsertedBit | static_cast<uint32_t>(ii++));
      }
    }
  }
  // Whole pages for every forward array (elements of 1 to 8 bytes).
  const uint64_t page = ShiftedArray::pageBytes();
  std::vector<ShiftedPiece> outPieces;
  const uint64_t outUsed = layOut(out, firstNewOut, oldE, page, &outPieces);

  // Old edge index -> new one, and each inserted edge's index.
  EdgeMap emap;
  {
    size_t k = 0;
    for (const ShiftedPiece& p : outPieces) {
      // The rewritten row that ends where this piece starts comes first.
      for (; k < firstNewOut && out[k].oldEnd <= p.from; ++k)
        for (size_t j = 0; j < out[k].items.size(); ++j)
          if (!(out[k].items[j] & kInsertedBit))
            emap.add(out[k].items[j], out[k].items[j] + 1,
                     static_cast<int64_t>(out[k].newBegin + j) - static_cast<int64_t>(out[k].items[j]));
      emap.add(static_cast<uint32_t>(p.from), static_cast<uint32_t>(p.from + p.count),
               static_cast<int64_t>(p.to) - static_cast<int64_t>(p.from));
    }
    for (; k < firstNewOut; ++k)
      for (size_t j = 0; j < out[k].items.size(); ++j)
        if (!(out[k].items[j] & kInsertedBit))
          emap.add(out[k].items[j], out[k].items[j] + 1,
                   static_cast<int64_t>(out[k].newBegin + j) - static_cast<int64_t>(out[k].items[j]));
    emap.seal(oldE);
    for (const RowPlan& r : out)
      for (size_t j = 0; j < r.items.size(); ++j)
        if (r.items[j] & kInsertedBit) ins[r.items[j] & ~kInsertedBit].index = static_cast<uint32_t>(r.newBegin + j);
  }

  // Reverse rows to rewrite, each sorted as a fresh build sorts it: type,
  // first day, then (new) edge index, which keeps a fresh build's order.
  std::vector<RowPlan> in(inRows.size());
  std::vector<std::pair<uint64_t, std::pair<uint32_t, uint32_t>>> entries;           // (key, (edge, source))
  std::vector<std::vector<std::pair<uint32_t, uint32_t>>> inContent(inRows.size());  // (edge, source)
  size_t firstNewIn = 0;
  {
    std::vector<const Inserted*> byDst;
    for (const auto& x : ins) byDst.push_back(&x);
    std::sort(byDst.begin(), byDst.end(), [](const Inserted* x, const Inserted* y) { return x->dst < y->dst; });
    size_t di = 0;
    for (size_t k = 0; k < inRows.size(); ++k) {
      RowPlan& r = in[k];
      r.v = inRows[k];
      entries.clear();
      if (r.v < oldV) {
        r.oldBegin = base.inBegin(r.v);
        r.oldEnd = base.inEnd(r.v);
        firstNewIn = k + 1;
        for (uint32_t p = r.oldBegin; p < r.oldEnd; ++p) {
          const uint32_t oldEdge = b.inEdge[p];
          if (std::binary_search(removed.begin(), removed.end(), oldEdge)) continue;
          entries.push_back({reverseKey(b.type[oldEdge], b.first[oldEdge]), {emap(oldEdge), b.inCol[p]}});
        }
      }
      while (di < byDst.size() && byDst[di]->dst < r.v) ++di;
      for (; di < byDst.size() && byDst[di]->dst == r.v; ++di)
        entries.push_back({reverseKey(byDst[di]->p.type, byDst[di]->p.first), {byDst[di]->index, byDst[di]->src}});
      std::sort(entries.begin(), entries.end());
      r.items.resize(entries.size());  // only the count matters for the layout
      for (const auto& [key, entry] : entries) inContent[k].push_back(entry);
    }
  }
  std::vector<ShiftedPiece> inPieces;
  const uint64_t inUsed = layOut(in, firstNewIn, oldE, page / sizeof(uint32_t), &inPieces);
  // One slot count for every E-array, forward and reverse (as in any snapshot).
  const uint64_t slots = std::max(outUsed, inUsed);
  if (slots > kMaxIndex) return copy();
  // The forward arrays hold 27 bytes a slot in 9 arrays, the reverse one
  // mapped (inCol) 4: a rewritten row dirties its bytes plus up to a page
  // in each, a piece's ends up to two pages in each.
  size_t fresh =
      2 * FreshPages::roundUp(4 * (newV + 1)) + 2 * FreshPages::roundUp(4 * newV) + FreshPages::roundUp(4 * slots);
  for (const RowPlan& r : out) fresh += r.items.size() * 27 + 9 * page;
  for (const RowPlan& r : in) fresh += r.items.size() * 4 + page;
  fresh += outPieces.size() * 2 * 9 * page + inPieces.size() * 2 * page;
  if (planOnly) {
    if (copiedSlots != nullptr) *copiedSlots = closed;
    if (freshBytes != nullptr) *freshBytes = fresh;
    return std::shared_ptr<const Snapshot>();
  }

  auto owned = std::make_shared<Shifted>();
  Shifted& o = *owned;
  auto shifted = [&](auto span, size_t count, std::span<const ShiftedPiece> pieces,
                     std::unique_ptr<ShiftedArray>* dst) -> Status {
    using T = typename decltype(span)::value_type;
    auto a = ShiftedArray::make(file.fd, offsetIn(file, span), reinterpret_cast<const std::byte*>(span.data()),
                                sizeof(T), count, pieces);
    if (!a) return a.status();
    *dst = std::move(a).value();
    return Status::ok();
  };
  const ShiftedPiece vertexPiece{0, 0, oldV};
  auto mapArrays = [&]() -> Status {
    KG_RETURN_IF_ERROR(shifted(b.actorIds, newV, std::span(&vertexPiece, 1), &o.actorIds));
    KG_RETURN_IF_ERROR(shifted(b.outCol, slots, outPieces, &o.outCol));
    KG_RETURN_IF_ERROR(shifted(b.type, slots, outPieces, &o.type));
    KG_RETURN_IF_ERROR(shifted(b.first, slots, outPieces, &o.first));
    KG_RETURN_IF_ERROR(shifted(b.last, slots, outPieces, &o.last));
    KG_RETURN_IF_ERROR(shifted(b.precision, slots, outPieces, &o.precision));
    KG_RETURN_IF_ERROR(shifted(b.conf, slots, outPieces, &o.conf));
    KG_RETURN_IF_ERROR(shifted(b.evidence, slots, outPieces, &o.evidence));
    KG_RETURN_IF_ERROR(shifted(b.cameo, slots, outPieces, &o.cameo));
    KG_RETURN_IF_ERROR(shifted(b.edgeId, slots, outPieces, &o.edgeId));
    KG_RETURN_IF_ERROR(shifted(b.inCol, slots, inPieces, &o.inCol));
    return o.fresh.allocate(2 * FreshPages::roundUp(4 * (newV + 1)) + 2 * FreshPages::roundUp(4 * newV) +
                            FreshPages::roundUp(4 * slots));
  };
  // A mapping the system refuses (vm.max_map_count reached, no address
  // space left) costs the copy, never the answer.
  if (!mapArrays().isOk()) return copy();
  o.outRow = o.fresh.carve<uint32_t>(newV + 1);
  o.outEnd = o.fresh.carve<uint32_t>(newV);
  o.inRow = o.fresh.carve<uint32_t>(newV + 1);
  o.inEnd = o.fresh.carve<uint32_t>(newV);
  o.inEdge = o.fresh.carve<uint32_t>(slots);

  SnapshotArrays a;
  auto ids = spanOf<ActorId>(*o.actorIds, newV);
  std::copy(extra.begin(), extra.end(), ids.begin() + static_cast<ptrdiff_t>(oldV));
  auto outCol = spanOf<uint32_t>(*o.outCol, slots);
  auto type = spanOf<uint8_t>(*o.type, slots);
  auto first = spanOf<int32_t>(*o.first, slots);
  auto last = spanOf<int32_t>(*o.last, slots);
  auto precision = spanOf<uint8_t>(*o.precision, slots);
  auto conf = spanOf<uint8_t>(*o.conf, slots);
  auto evidence = spanOf<uint16_t>(*o.evidence, slots);
  auto cameo = spanOf<uint16_t>(*o.cameo, slots);
  auto edgeId = spanOf<EdgeId>(*o.edgeId, slots);
  // The rewritten forward rows.
  for (const RowPlan& r : out)
    for (size_t j = 0; j < r.items.size(); ++j) {
      const size_t at = r.newBegin + j;
      if (r.items[j] & kInsertedBit) {
        const Inserted& x = ins[r.items[j] & ~kInsertedBit];
        outCol[at] = x.dst;
        type[at] = x.p.type;
        first[at] = x.p.first;
        last[at] = x.p.last;
        precision[at] = x.p.precision;
        conf[at] = x.p.conf;
        evidence[at] = x.p.evidence;
        cameo[at] = x.p.cameo;
        edgeId[at] = x.p.edgeId;
      } else {
        const uint32_t e = r.items[j];
        outCol[at] = b.outCol[e];
        type[at] = b.type[e];
        first[at] = b.first[e];
        last[at] = b.last[e];
        precision[at] = b.precision[e];
        conf[at] = b.conf[e];
        evidence[at] = b.evidence[e];
        cameo[at] = b.cameo[e];
        edgeId[at] = b.edgeId[e];
      }
    }
  // The reverse CSR: sources shifted with their rows, edge indices renumbered.
  auto inCol = spanOf<uint32_t>(*o.inCol, slots);
  const std::span<uint32_t> inEdge = o.inEdge;
  for (const ShiftedPiece& p : inPieces)
    for (uint64_t i = 0; i < p.count; ++i) inEdge[p.to + i] = emap(b.inEdge[p.from + i]);
  for (size_t k = 0; k < in.size(); ++k)
    for (size_t j = 0; j < inContent[k].size(); ++j) {
      inEdge[in[k].newBegin + j] = inContent[k][j].first;
      inCol[in[k].newBegin + j] = inContent[k][j].second;
    }

  // Row starts and ends: an untouched row moves with the piece it lies in
  // (pieces[k + 1] follows the k-th rewritten old row); a new vertex without
  // a rewritten row gets an empty one where the row before it ends.
  auto rowsOf = [&](const std::vector<RowPlan>& plans, const std::vector<ShiftedPiece>& pieces,
                    std::span<const uint32_t> oldRow, std::span<uint32_t> begin, std::span<uint32_t> end) {
    size_t k = 0;
    int64_t shift = 0;
    for (size_t v = 0; v < newV; ++v) {
      if (k < plans.size() && plans[k].v == v) {
        begin[v] = static_cast<uint32_t>(plans[k].newBegin);
        end[v] = static_cast<uint32_t>(plans[k].newBegin + plans[k].items.size());
        ++k;
        if (v < oldV) shift = static_cast<int64_t>(pieces[k].to) - static_cast<int64_t>(pieces[k].from);
      } else if (v < oldV) {
        begin[v] = static_cast<uint32_t>(oldRow[v] + shift);
        end[v] = static_cast<uint32_t>(oldRow[v + 1] + shift);
      } else {
        begin[v] = end[v] = end[v - 1];
      }
    }
    begin[newV] = static_cast<uint32_t>(slots);
  };
  rowsOf(out, outPieces, b.outRow, o.outRow, o.outEnd);
  rowsOf(in, inPieces, b.inRow, o.inRow, o.inEnd);

  // The run index: the base's, its starts moved with their rows, recomputed
  // for the rows rewritten and for new vertices; typeSpan widened by the
  // inserted edges (an upper bound is all the scans need).
  o.index.typeSpan.assign(b.typeSpan.begin(), b.typeSpan.end());
  for (const auto& x : ins) {
    if (x.p.first == kOpenStart) continue;
    int32_t& s = o.index.typeSpan[x.p.type];
    s = x.p.last == kOpenEnd ? kUnboundedSpan
                             : static_cast<int32_t>(std::min<int64_t>(
                                   kUnboundedSpan, std::max<int64_t>(s, int64_t{x.p.last} - int64_t{x.p.first})));
  }
  {
    std::vector<VertexId> candidates(b.runVertex.begin(), b.runVertex.end());
    candidates.insert(candidates.end(), outRows.begin(), outRows.end());
    candidates.insert(candidates.end(), inRows.begin(), inRows.end());
    std::sort(candidates.begin(), candidates.end());
    candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
    size_t bi = 0;
    for (VertexId v : candidates) {
      const uint32_t outLen = o.outEnd[v] - o.outRow[v], inLen = o.inEnd[v] - o.inRow[v];
      while (bi < b.runVertex.size() && b.runVertex[bi] < v) ++bi;
      if (outLen < kIndexedRowEdges && inLen < kIndexedRowEdges) continue;
      o.index.runVertex.push_back(v);
      const bool rewritten =
          std::binary_search(outRows.begin(), outRows.end(), v) || std::binary_search(inRows.begin(), inRows.end(), v);
      if (!rewritten && bi < b.runVertex.size() && b.runVertex[bi] == v) {
        const uint32_t* old = b.runStart.data() + bi * kRunStartsPerVertex;
        const int64_t outShift = int64_t{o.outRow[v]} - int64_t{b.outRow[v]};
        const int64_t inShift = int64_t{o.inRow[v]} - int64_t{b.inRow[v]};
        for (size_t j = 0; j < kRunStartsPerVertex; ++j)
          o.index.runStart.push_back(static_cast<uint32_t>(old[j] + (j <= kRunTypes ? outShift : inShift)));
        continue;
      }
      auto starts = [&](uint32_t begin, uint32_t end, auto typeAt) {
        uint32_t p = begin;
        for (size_t t = 0; t <= kRunTypes; ++t) {
          while (p < end && typeAt(p) < t) ++p;
          o.index.runStart.push_back(p);
        }
      };
      starts(o.outRow[v], o.outEnd[v], [&](uint32_t p) { return type[p]; });
      starts(o.inRow[v], o.inEnd[v], [&](uint32_t p) { return type[inEdge[p]]; });
    }
  }

  if (copiedSlots != nullptr) *copiedSlots = closed;
  if (freshBytes != nullptr) *freshBytes = fresh;
  a.actorIds = ids;
  a.outRow = o.outRow;
  a.outCol = outCol;
  a.inRow = o.inRow;
  a.inCol = inCol;
  a.inEdge = inEdge;
  a.type = type;
  a.first = first;
  a.last = last;
  a.precision = precision;
  a.conf = conf;
  a.evidence = evidence;
  a.cameo = cameo;
  a.edgeId = edgeId;
  a.typeSpan = o.index.typeSpan;
  a.runVertex = o.index.runVertex;
  a.runStart = o.index.runStart;
  return Snapshot::viewWithGaps(a, o.outEnd, o.inEnd, newEdges, std::shared_ptr<const void>(owned, owned.get()));
}

}  // namespace

Result<std::shared_ptr<const Snapshot>> overlayChanges(const Snapshot& base, const FileBacking& file,
                                                       std::span<const ActorId> actors,
                                                       std::span<const storage::EdgeHeader> edges, bool* copied,
                                                       size_t maxPieces, size_t* copiedSlots, size_t* freshBytes) {
  return overlay(base, file, actors, edges, copied, maxPieces, copiedSlots, freshBytes, false);
}

Result<size_t> overlayFreshBytes(const Snapshot& base, const FileBacking& file, std::span<const ActorId> actors,
                                 std::span<const storage::EdgeHeader> edges, size_t maxPieces) {
  size_t fresh = 0;
  auto planned = overlay(base, file, actors, edges, nullptr, maxPieces, nullptr, &fresh, true);
  if (!planned) return planned.status();
  return fresh;
}

}  // namespace kg::graph
