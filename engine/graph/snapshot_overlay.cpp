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

namespace kg::graph {

namespace {

constexpr size_t kMaxIndex = std::numeric_limits<uint32_t>::max() - 1;

// The arrays of a merged snapshot, owned; Snapshot::view borrows them and
// keeps this alive. Every array but actorIds lies in one anonymous mapping
// that asks for huge pages and is not cleared by us (the kernel hands out
// zeroed pages; every element is written once): for 10M edges that saves a
// 350 MB memset and most of the page faults of separate vectors.
class Owned {
 public:
  Owned() = default;
  Owned(const Owned&) = delete;
  Owned& operator=(const Owned&) = delete;
  ~Owned() {
    if (base_ != nullptr) ::munmap(base_, bytes_);
  }

  // Carves the arrays for `vertices` vertices and `edges` edges.
  Status allocate(size_t vertices, size_t edges) {
    const size_t sizes[] = {4 * (vertices + 1), 4 * edges, 4 * (vertices + 1), 4 * edges, 4 * edges, edges,
                            4 * edges,          4 * edges, edges,              edges,     2 * edges, 2 * edges,
                            8 * edges};
    bytes_ = 0;
    for (size_t n : sizes) bytes_ += (n + 63) / 64 * 64;
    if (bytes_ == 0) bytes_ = 64;
    void* p = ::mmap(nullptr, bytes_, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED) return Status::ioError(std::string("snapshot overlay: cannot map ") + std::to_string(bytes_) +
                                                " bytes: " + std::strerror(errno));
    base_ = p;
#ifdef MADV_HUGEPAGE
    ::madvise(p, bytes_, MADV_HUGEPAGE);
#endif
    auto* at = static_cast<std::byte*>(p);
    auto carve = [&]<typename T>(std::span<T>& out, size_t count) {
      out = std::span<T>(reinterpret_cast<T*>(at), count);
      at += (count * sizeof(T) + 63) / 64 * 64;
    };
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
  void* base_ = nullptr;
  size_t bytes_ = 0;
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

}  // namespace

Result<std::shared_ptr<const Snapshot>> applyChanges(const Snapshot& base, std::span<const ActorId> actors,
                                                     std::span<const storage::EdgeHeader> edges) {
  const SnapshotArrays& b = base.arrays();
  const size_t oldV = b.actorIds.size(), oldE = b.type.size();
  auto owned = std::make_shared<Owned>();
  Owned& o = *owned;

  // Vertices: the base's, plus written actors and edge ends it lacks.
  std::vector<ActorId> extra;
  for (ActorId a : actors) extra.push_back(a);
  for (const auto& h : edges) {
    if (h.edge.src == 0 || h.edge.dst == 0) return Status::invalidArgument("snapshot: an edge has actor id 0");
    extra.push_back(h.edge.src);
    extra.push_back(h.edge.dst);
  }
  std::sort(extra.begin(), extra.end());
  extra.erase(std::unique(extra.begin(), extra.end()), extra.end());
  std::erase_if(extra, [&](ActorId id) { return id == 0 || base.vertexOf(id).has_value(); });
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
  ins.reserve(edges.size());
  for (const auto& h : edges) {
    if (auto ov = base.vertexOf(h.edge.src)) {
      for (uint32_t e = b.outRow[*ov]; e < b.outRow[*ov + 1]; ++e)
        if (b.edgeId[e] == h.edge.id) {
          removed.push_back(e);
          break;
        }
    }
    Inserted x;
    x.src = vertexOfNew(h.edge.src);
    x.dst = vertexOfNew(h.edge.dst);
    x.dstId = h.edge.dst;
    x.p = packEdge(h);
    x.key = runKey(x.p.type, x.p.first, x.p.precision);
    ins.push_back(x);
  }
  std::sort(removed.begin(), removed.end());
  removed.erase(std::unique(removed.begin(), removed.end()), removed.end());
  std::sort(ins.begin(), ins.end(), [](const Inserted& x, const Inserted& y) {
    return std::tie(x.src, x.key, x.dstId, x.p.edgeId) < std::tie(y.src, y.key, y.dstId, y.p.edgeId);
  });
  const size_t newE = oldE - removed.size() + ins.size();
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
    const uint32_t lo = ov == kNoVertex ? 0 : b.outRow[ov];
    const uint32_t hi = ov == kNoVertex ? 0 : b.outRow[ov + 1];
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
    const uint32_t lo = ov == kNoVertex ? 0 : b.inRow[ov];
    const uint32_t hi = ov == kNoVertex ? 0 : b.inRow[ov + 1];
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

}  // namespace kg::graph
