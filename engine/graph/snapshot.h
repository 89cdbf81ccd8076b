// Snapshot: a read-only, in-memory picture of the actor graph for multi-hop
// queries. Vertices are dense indices 0..V-1 (in increasing ActorId order);
// edges are dense indices 0..E-1 into compact attribute arrays, grouped by
// source vertex (the forward CSR order). A reverse CSR lists each vertex's
// in-edges as (source, edge index) pairs. Each vertex's out-edges, and its
// in-edges, are ordered by (type, firstDay) (ties: out-edges in input order,
// in-edges by edge index), so that a type or date filter can skip whole runs
// by binary search.
//
// A snapshot brought up to date by graph/snapshot_overlay.h's overlayChanges
// may leave unused slots between rows (its rows are [outBegin(v), outEnd(v))
// and [inBegin(v), inEnd(v)), not up to the next row's start): edge indices
// then run to edgeSlots(), of which edgeCount() hold edges. Every other
// snapshot is contiguous.
//
// The arrays are either owned or borrowed. A snapshot built from a store
// (fromStore, fromEdges, fromScan) lays its adjacency out with two
// boost::compressed_sparse_row_graph instances and owns them and the
// attribute vectors. A snapshot opened from a snapshot file (view(), used by
// graph/snapshot_file.h) has no Boost graph: its arrays are spans over the
// mapped file, which it keeps mapped. Either way this header exposes the same
// plain arrays, so the query code stays free of Boost and the inner loops stay
// inline.
//
// Memory per edge: target 4 + reverse source 4 + reverse edge index 4 +
// type 1 + first/last day 8 + precisions 1 + confidence 1 + evidence count 2 +
// CAMEO code 2 + edge id 8 = 35 bytes, plus 16 bytes per vertex (two row
// starts, ActorId), plus the run index (graph/run_index.h: 188 bytes per
// vertex with a row of at least 256 edges, under 1.5 bytes per edge).
//
// Confidence is kept to 1/255; evidence counts saturate at 65535.
//
// Thread safety: immutable after construction; every method may be called
// from any number of threads at once (the scratch pool is mutex-guarded).
// Share it as std::shared_ptr<const Snapshot> (see SnapshotHolder).
#pragma once

#include <cstdint>
#include <functional>
#include <limits>
#include <memory>
#include <mutex>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "base/date.h"
#include "base/status.h"
#include "graph/run_index.h"
#include "graph/scratch.h"
#include "model/actor.h"
#include "model/edge.h"
#include "storage/graph_store.h"

namespace kg::graph {

using VertexId = uint32_t;
using EdgeIndex = uint32_t;
inline constexpr VertexId kNoVertex = std::numeric_limits<VertexId>::max();
inline constexpr int32_t kOpenStart = std::numeric_limits<int32_t>::min();
inline constexpr int32_t kOpenEnd = std::numeric_limits<int32_t>::max();

// An edge as found by a traversal: its index and its stored direction.
struct EdgeRef {
  EdgeIndex index = 0;
  VertexId src = 0;
  VertexId dst = 0;
  friend bool operator==(const EdgeRef&, const EdgeRef&) = default;
};

// A CAMEO code (1 to 4 digits) in 16 bits: length * 10000 + the digits
// padded on the right with zeros to four ("19" -> 21900, "0211" -> 40211), so
// that a prefix test is arithmetic. 0 for "" and for anything that is not 1
// to 4 digits (no CAMEO code: matches no --cameo filter).
uint16_t packCameo(std::string_view code);
// True when the code packed as `key` starts with the digits `prefix` packed
// by packCameo (a prefix of length k matches codes of length >= k).
inline bool cameoKeyHasPrefix(uint16_t key, uint16_t prefix) {
  static constexpr uint16_t kScale[5] = {10000, 1000, 100, 10, 1};
  const unsigned len = key / 10000, plen = prefix / 10000;
  if (plen == 0 || len < plen) return false;
  return (key % 10000) / kScale[plen] == (prefix % 10000) / kScale[plen];
}

// One edge's entries in the attribute arrays, as a snapshot stores them
// (what every build and graph/snapshot_overlay.h use, so that both round
// alike).
struct PackedEdge {
  uint8_t type = 0;
  int32_t first = kOpenStart;
  int32_t last = kOpenEnd;
  uint8_t precision = 0;
  uint8_t conf = 0;
  uint16_t evidence = 0;
  uint16_t cameo = 0;
  EdgeId edgeId = 0;
};
PackedEdge packEdge(const storage::EdgeHeader& h);

// The order of a vertex's out-edges in every snapshot, as one integer per
// edge (the order of the store's `out` keys after the source): type, first
// day, first-date precision; ties are broken by target ActorId, then edge id.
inline uint64_t runKey(uint8_t type, int32_t first, uint8_t precision) {
  return static_cast<uint64_t>(type) << 40 | static_cast<uint64_t>(static_cast<uint32_t>(first) ^ 0x80000000u) << 8 |
         (precision >> 4);
}

// Every array of a snapshot, as spans (V vertices, E edges). What a snapshot
// file stores and what Snapshot::view borrows.
// The farthest day from 1970-01-01 (either way) a snapshot's dates may hold:
// about 270,000 years, far beyond any event, and near enough to zero that
// the calendar arithmetic on it cannot overflow.
inline constexpr int32_t kMaxSnapshotDay = 100'000'000;

struct SnapshotArrays {
  std::span<const ActorId> actorIds;  // V, strictly increasing
  std::span<const uint32_t> outRow;   // V + 1: out-edges of v are [outRow[v], outRow[v+1])
  std::span<const uint32_t> outCol;   // E: target vertex of each edge
  std::span<const uint32_t> inRow;    // V + 1: reverse CSR row starts
  std::span<const uint32_t> inCol;    // E: source vertex of each reverse position
  std::span<const uint32_t> inEdge;   // E: edge index of each reverse position
  std::span<const uint8_t> type;      // E
  std::span<const int32_t> first;     // E
  std::span<const int32_t> last;      // E
  std::span<const uint8_t> precision; // E
  std::span<const uint8_t> conf;      // E
  std::span<const uint16_t> evidence; // E
  std::span<const uint16_t> cameo;    // E
  std::span<const EdgeId> edgeId;     // E
  // The run index (graph/run_index.h), derived from the arrays above.
  std::span<const int32_t> typeSpan;    // kRunTypes
  std::span<const uint32_t> runVertex;  // R indexed vertices, increasing
  std::span<const uint32_t> runStart;   // kRunStartsPerVertex * R
};

class Snapshot final {
 public:
  // Reads every actor and every edge of `store` (scanActors, scanEdges).
  // Errors: those of the store; LimitExceeded beyond 2^32-2 vertices or edges.
  static Result<std::shared_ptr<const Snapshot>> fromStore(const storage::GraphStore& store);
  // Builds from values, without a store (tests, imports). Vertices are the
  // union of `actors` and every edge end. Edges need not be sorted. Edge ids
  // of 0 are allowed here (tests); InvalidArgument when src or dst is 0.
  static Result<std::shared_ptr<const Snapshot>> fromEdges(const std::vector<ActorId>& actors,
                                                           const std::vector<storage::EdgeHeader>& edges);

  // Builds from any edge source shaped like GraphStore::scanEdges (a file
  // reader, an importer), without holding the edges as values: `scan` calls
  // its argument once per edge. Vertices as fromEdges. Errors: those `scan`
  // returns, and those of fromEdges.
  using EdgeScan = std::function<Status(const std::function<storage::Scan(const storage::EdgeHeader&)>&)>;
  static Result<std::shared_ptr<const Snapshot>> fromScan(const std::vector<ActorId>& actors, const EdgeScan& scan);

  // A snapshot over arrays someone else owns (a mapped snapshot file);
  // `owner` keeps them valid and is held for the snapshot's lifetime.
  // InvalidArgument naming the array when the sizes disagree (every E-array
  // of one length, row arrays of V + 1 entries starting at 0 and ending at
  // E, typeSpan of kRunTypes entries, runStart of kRunStartsPerVertex per
  // runVertex entry, at most V of those); the contents are not checked (that
  // is the file checksum's job, and checkContents').
  static Result<std::shared_ptr<const Snapshot>> view(const SnapshotArrays& arrays,
                                                      std::shared_ptr<const void> owner);
  // A view whose rows need not touch (graph/snapshot_overlay.h's
  // overlayChanges): out-edges of v are [arrays.outRow[v], outEnd[v]) and
  // in-edges [arrays.inRow[v], inEnd[v]); the slots between one row's end and
  // the next row's start hold no edge and are never read. `edges` is how many
  // edges the rows hold. The sizes are checked as view() checks them (the
  // E-arrays' length is the number of slots), plus V entries in outEnd and
  // inEnd; `owner` keeps outEnd and inEnd valid too. Contents are not checked.
  static Result<std::shared_ptr<const Snapshot>> viewWithGaps(const SnapshotArrays& arrays,
                                                              std::span<const uint32_t> outEnd,
                                                              std::span<const uint32_t> inEnd, size_t edges,
                                                              std::shared_ptr<const void> owner);
  // OK when the contents of `arrays` (whose sizes view() accepts) hold what
  // the queries index by without checking: actor ids strictly increasing and
  // not 0, row arrays not decreasing, every vertex entry below V and edge
  // entry below E, every type below kRunTypes, date precisions known and the
  // days of known ends within +-kMaxSnapshotDay, and the run index's
  // vertices increasing and below V, each one's type-run starts in order
  // inside its rows.
  // Else InvalidArgument naming the array and the entry. Reads every entry.
  static Status checkContents(const SnapshotArrays& arrays);

  Snapshot(const Snapshot&) = delete;
  Snapshot& operator=(const Snapshot&) = delete;
  ~Snapshot();

  size_t vertexCount() const { return actorIds_.size(); }
  // Edges in the rows.
  size_t edgeCount() const { return edges_; }
  // Edge indices run below this: edgeCount() unless there are slots between
  // rows (contiguous() false). Size per-edge-index arrays by it.
  size_t edgeSlots() const { return type_.size(); }
  // True when each row ends where the next one starts (every snapshot but
  // one from overlayChanges): arrays() then describes the graph whole, and
  // the snapshot can be written to a file.
  bool contiguous() const { return outEnd_ == outRow_ + 1 && inEnd_ == inRow_ + 1; }

  ActorId actorId(VertexId v) const { return actorIds_[v]; }
  // The vertex of `id`, or nullopt when the actor is not in this snapshot.
  std::optional<VertexId> vertexOf(ActorId id) const;

  // Out-edges of v are the edge indices [outBegin(v), outEnd(v)).
  EdgeIndex outBegin(VertexId v) const { return outRow_[v]; }
  EdgeIndex outEnd(VertexId v) const { return outEnd_[v]; }
  VertexId target(EdgeIndex e) const { return outCol_[e]; }
  // O(log V): the source is implied by the CSR row, not stored.
  VertexId source(EdgeIndex e) const;
  // In-edges of v are the positions [inBegin(v), inEnd(v)) of the reverse CSR.
  uint32_t inBegin(VertexId v) const { return inRow_[v]; }
  uint32_t inEnd(VertexId v) const { return inEnd_[v]; }
  VertexId inSource(uint32_t pos) const { return inCol_[pos]; }
  EdgeIndex inEdge(uint32_t pos) const { return inEdge_[pos]; }
  size_t outDegree(VertexId v) const { return outEnd(v) - outBegin(v); }
  size_t inDegree(VertexId v) const { return inEnd(v) - inBegin(v); }

  EdgeType type(EdgeIndex e) const { return static_cast<EdgeType>(type_[e]); }
  // First and last day covered; kOpenStart / kOpenEnd for an unknown end.
  int32_t firstDay(EdgeIndex e) const { return first_[e]; }
  int32_t lastDay(EdgeIndex e) const { return last_[e]; }
  // False when both ends of the date range are unknown.
  bool dated(EdgeIndex e) const { return precision_[e] != 0; }
  DateRange dateRange(EdgeIndex e) const;
  uint8_t confidenceByte(EdgeIndex e) const { return conf_[e]; }
  float confidence(EdgeIndex e) const { return static_cast<float>(conf_[e]) / 255.0f; }
  uint32_t evidenceCount(EdgeIndex e) const { return evidence_[e]; }
  // The edge's CAMEO code packed by packCameo (0: none).
  uint16_t cameoKey(EdgeIndex e) const { return cameo_[e]; }
  EdgeId edgeId(EdgeIndex e) const { return edgeId_[e]; }

  // The run index (graph/run_index.h). An upper bound of lastDay - firstDay
  // over the edges of type t with a known first day (kUnboundedSpan: none).
  // Requires t < kRunTypes.
  int32_t typeSpan(unsigned t) const { return a_.typeSpan[t]; }
  // The kRunTypes + 1 type-run starts of v's out-row (edge indices: type t's
  // run is [starts[t], starts[t + 1])), or null when v is not indexed (both
  // its rows are shorter than kIndexedRowEdges). Valid for the snapshot's
  // lifetime. O(log R) for a vertex with a long row, O(1) otherwise.
  const uint32_t* outRunStarts(VertexId v) const { return runStarts(v); }
  // The same for v's in-row, in reverse-CSR positions.
  const uint32_t* inRunStarts(VertexId v) const {
    const uint32_t* x = runStarts(v);
    return x ? x + kRunTypes + 1 : nullptr;
  }

  // Every array, valid for the snapshot's lifetime (what a snapshot file
  // stores). When !contiguous(), outRow and inRow hold the rows' starts only
  // (their ends: outEnd(), inEnd()) and the E-arrays hold edgeSlots() slots.
  const SnapshotArrays& arrays() const { return a_; }
  // True when the arrays are spans over a mapped file rather than owned.
  bool mapped() const { return impl_ == nullptr; }

  // Bytes held by the adjacency and attribute arrays (owned: capacity, not
  // size; mapped: the arrays' size).
  size_t memoryBytes() const;
  // memoryBytes() / edgeCount(); 0 for an empty graph.
  double bytesPerEdge() const;

  // Working memory sized for this snapshot, reused across queries; return it
  // by destroying the lease. Safe to call from several threads.
  ScratchLease scratch() const;

 private:
  struct Impl;
  class Builder;
  Snapshot();
  void bindArrays();
  // view()'s checks and a contiguous snapshot over `a`.
  static Result<std::shared_ptr<Snapshot>> make(const SnapshotArrays& a, std::shared_ptr<const void> owner);
  // v's kRunStartsPerVertex entries of runStart, or null.
  const uint32_t* runStarts(VertexId v) const {
    if (outDegree(v) < kIndexedRowEdges && inDegree(v) < kIndexedRowEdges) return nullptr;
    return indexedRunStarts(v);
  }
  const uint32_t* indexedRunStarts(VertexId v) const;

  // Owned arrays: the two Boost CSR graphs and the attribute vectors; null
  // for a view.
  std::unique_ptr<Impl> impl_;
  std::shared_ptr<const void> owner_;  // a view's arrays live as long as this
  SnapshotArrays a_;                    // spans over impl_ or owner_'s memory
  // Shorthands of a_'s arrays, kept as plain pointers for the inline accessors.
  const uint32_t* outRow_ = nullptr;
  const uint32_t* outEnd_ = nullptr;  // outRow_ + 1 when contiguous
  const uint32_t* outCol_ = nullptr;
  const uint32_t* inRow_ = nullptr;
  const uint32_t* inEnd_ = nullptr;  // inRow_ + 1 when contiguous
  const uint32_t* inCol_ = nullptr;
  size_t edges_ = 0;                   // edges in the rows
  size_t endsBytes_ = 0;               // the separate row ends' bytes, when not contiguous
  std::span<const ActorId> actorIds_;  // sorted; VertexId = position
  std::span<const uint32_t> inEdge_;   // reverse CSR position -> edge index
  std::span<const uint8_t> type_;
  std::span<const int32_t> first_;
  std::span<const int32_t> last_;
  std::span<const uint8_t> precision_;  // from precision << 4 | to precision
  std::span<const uint8_t> conf_;
  std::span<const uint16_t> evidence_;
  std::span<const uint16_t> cameo_;  // packCameo of each edge's CAMEO code
  std::span<const EdgeId> edgeId_;

  mutable ScratchPool pool_;
};

}  // namespace kg::graph
