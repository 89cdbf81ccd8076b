// Snapshot: a read-only, in-memory picture of the actor graph for multi-hop
// queries. Vertices are dense indices 0..V-1 (in increasing ActorId order);
// edges are dense indices 0..E-1 into compact attribute arrays, grouped by
// source vertex (the forward CSR order). A reverse CSR lists each vertex's
// in-edges as (source, edge index) pairs. Each vertex's out-edges, and its
// in-edges, are ordered by (type, firstDay) (ties: out-edges in input order,
// in-edges by edge index), so that a type or date filter can skip whole runs
// by binary search.
//
// The adjacency lives in two boost::compressed_sparse_row_graph instances
// owned by the implementation; this header exposes plain arrays so that the
// query code stays free of Boost and the inner loops stay inline.
//
// Memory per edge: target 4 + reverse source 4 + reverse edge index 4 +
// type 1 + first/last day 8 + precisions 1 + confidence 1 + evidence count 2 +
// CAMEO code 2 + edge id 8 = 35 bytes, plus 16 bytes per vertex (two row
// starts, ActorId).
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
#include <string_view>
#include <vector>

#include "base/date.h"
#include "base/status.h"
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

  Snapshot(const Snapshot&) = delete;
  Snapshot& operator=(const Snapshot&) = delete;
  ~Snapshot();

  size_t vertexCount() const { return actorIds_.size(); }
  size_t edgeCount() const { return type_.size(); }

  ActorId actorId(VertexId v) const { return actorIds_[v]; }
  // The vertex of `id`, or nullopt when the actor is not in this snapshot.
  std::optional<VertexId> vertexOf(ActorId id) const;

  // Out-edges of v are the edge indices [outBegin(v), outEnd(v)).
  EdgeIndex outBegin(VertexId v) const { return outRow_[v]; }
  EdgeIndex outEnd(VertexId v) const { return outRow_[v + 1]; }
  VertexId target(EdgeIndex e) const { return outCol_[e]; }
  // O(log V): the source is implied by the CSR row, not stored.
  VertexId source(EdgeIndex e) const;
  // In-edges of v are the positions [inBegin(v), inEnd(v)) of the reverse CSR.
  uint32_t inBegin(VertexId v) const { return inRow_[v]; }
  uint32_t inEnd(VertexId v) const { return inRow_[v + 1]; }
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

  // Bytes held by the adjacency and attribute arrays (capacity, not size).
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

  std::unique_ptr<Impl> impl_;  // the two Boost CSR graphs
  // Views into impl_'s CSR arrays; valid for the snapshot's lifetime.
  const uint32_t* outRow_ = nullptr;
  const uint32_t* outCol_ = nullptr;
  const uint32_t* inRow_ = nullptr;
  const uint32_t* inCol_ = nullptr;

  std::vector<ActorId> actorIds_;  // sorted; VertexId = position
  std::vector<uint32_t> inEdge_;   // reverse CSR position -> edge index
  std::vector<uint8_t> type_;
  std::vector<int32_t> first_;
  std::vector<int32_t> last_;
  std::vector<uint8_t> precision_;  // from precision << 4 | to precision
  std::vector<uint8_t> conf_;
  std::vector<uint16_t> evidence_;
  std::vector<uint16_t> cameo_;  // packCameo of each edge's CAMEO code
  std::vector<EdgeId> edgeId_;

  mutable ScratchPool pool_;
};

}  // namespace kg::graph
