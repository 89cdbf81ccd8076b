#include "graph/snapshot.h"

#include <algorithm>
#include <boost/graph/compressed_sparse_row_graph.hpp>
#include <boost/iterator/counting_iterator.hpp>
#include <boost/iterator/transform_iterator.hpp>
#include <cmath>
#include <functional>
#include <string>
#include <utility>

namespace kg::graph {

namespace {

using Csr = boost::compressed_sparse_row_graph<boost::directedS, boost::no_property, boost::no_property,
                                               boost::no_property, uint32_t, uint32_t>;

constexpr size_t kMaxIndex = std::numeric_limits<uint32_t>::max() - 1;

// Stable counting sort of [0, keys.size()) by keys[i] < buckets; returns the
// order and fills rowStart (buckets + 1 entries).
std::vector<uint32_t> countingOrder(const std::vector<uint32_t>& keys, size_t buckets) {
  std::vector<uint32_t> start(buckets + 1, 0);
  for (uint32_t k : keys) ++start[k + 1];
  for (size_t i = 0; i < buckets; ++i) start[i + 1] += start[i];
  std::vector<uint32_t> order(keys.size());
  for (uint32_t i = 0; i < keys.size(); ++i) order[start[keys[i]]++] = i;
  return order;
}

// Sorts each run of `order` (positions where rowOf is constant) by the key of
// its element, so that each vertex's edges are ordered by (type, firstDay).
template <typename RowOf, typename KeyLess>
void sortRuns(std::vector<uint32_t>& order, RowOf rowOf, KeyLess less) {
  for (size_t b = 0, n = order.size(); b < n;) {
    size_t e = b + 1;
    while (e < n && rowOf(order[e]) == rowOf(order[b])) ++e;
    if (e - b > 1) std::sort(order.begin() + b, order.begin() + e, less);
    b = e;
  }
}

// The run order's key of each edge: type, then firstDay (as unsigned, so
// kOpenStart sorts first), packed so that a comparison is one load.
std::vector<uint64_t> runKeys(const std::vector<uint8_t>& type, const std::vector<int32_t>& first) {
  std::vector<uint64_t> key(type.size());
  for (size_t i = 0; i < key.size(); ++i)
    key[i] = static_cast<uint64_t>(type[i]) << 32 | (static_cast<uint32_t>(first[i]) ^ 0x80000000u);
  return key;
}

template <typename T>
void permute(std::vector<T>& v, const std::vector<uint32_t>& order) {
  std::vector<T> out(v.size());
  for (size_t i = 0; i < order.size(); ++i) out[i] = v[order[i]];
  v.swap(out);
  v.shrink_to_fit();
}

// Builds a CSR from (row, col) pairs listed in row order.
Csr sortedCsr(const std::vector<uint32_t>& order, const std::vector<uint32_t>& rows,
              const std::vector<uint32_t>& cols, size_t numVertices) {
  auto pairAt = [&](uint32_t i) { return std::pair<uint32_t, uint32_t>(rows[order[i]], cols[order[i]]); };
  std::function<std::pair<uint32_t, uint32_t>(uint32_t)> fn = pairAt;
  auto begin = boost::make_transform_iterator(boost::counting_iterator<uint32_t>(0), fn);
  auto end = boost::make_transform_iterator(boost::counting_iterator<uint32_t>(static_cast<uint32_t>(order.size())), fn);
  // The overload taking an edge count is ambiguous with the property-iterator
  // one, so the column grows by push_back; trim it afterwards.
  Csr g(boost::edges_are_sorted, begin, end, static_cast<Csr::vertices_size_type>(numVertices));
  g.m_forward.m_column.shrink_to_fit();
  return g;
}

}  // namespace

// The arrays of a built snapshot.
struct Snapshot::Impl {
  Csr forward;
  Csr reverse;
  std::vector<ActorId> actorIds;
  std::vector<uint32_t> inEdge;
  std::vector<uint8_t> type;
  std::vector<int32_t> first;
  std::vector<int32_t> last;
  std::vector<uint8_t> precision;
  std::vector<uint8_t> conf;
  std::vector<uint16_t> evidence;
  std::vector<uint16_t> cameo;
  std::vector<EdgeId> edgeId;
  RunIndex index;
};

uint16_t packCameo(std::string_view code) {
  if (code.empty() || code.size() > 4) return 0;
  unsigned digits = 0;
  for (char c : code) {
    if (c < '0' || c > '9') return 0;
    digits = digits * 10 + static_cast<unsigned>(c - '0');
  }
  for (size_t i = code.size(); i < 4; ++i) digits *= 10;
  return static_cast<uint16_t>(code.size() * 10000 + digits);
}

PackedEdge packEdge(const storage::EdgeHeader& h) {
  const Edge& e = h.edge;
  PackedEdge p;
  p.type = static_cast<uint8_t>(e.type);
  p.first = e.when.anyKnown() ? e.when.firstDay() : kOpenStart;
  p.last = e.when.anyKnown() ? e.when.lastDay() : kOpenEnd;
  p.precision = static_cast<uint8_t>(static_cast<uint8_t>(e.when.from.precision()) << 4 |
                                     static_cast<uint8_t>(e.when.to.precision()));
  float c = std::clamp(std::isnan(e.confidence) ? 0.0f : e.confidence, 0.0f, 1.0f);
  p.conf = static_cast<uint8_t>(std::lround(c * 255.0f));
  p.evidence = static_cast<uint16_t>(std::min<uint32_t>(h.evidenceCount, 65535));
  p.cameo = packCameo(e.cameo);
  p.edgeId = e.id;
  return p;
}

// Collects edges in input order, then lays them out as CSR.
class Snapshot::Builder {
 public:
  explicit Builder(std::vector<ActorId> actors) : actors_(std::move(actors)) {}

  void add(const storage::EdgeHeader& h) {
    const PackedEdge p = packEdge(h);
    srcIds_.push_back(h.edge.src);
    dstIds_.push_back(h.edge.dst);
    type_.push_back(p.type);
    first_.push_back(p.first);
    last_.push_back(p.last);
    precision_.push_back(p.precision);
    conf_.push_back(p.conf);
    evidence_.push_back(p.evidence);
    cameo_.push_back(p.cameo);
    edgeId_.push_back(p.edgeId);
  }

  Result<std::shared_ptr<const Snapshot>> build() {
    if (srcIds_.size() > kMaxIndex)
      return Status::limitExceeded("snapshot: " + std::to_string(srcIds_.size()) + " edges; at most " +
                                   std::to_string(kMaxIndex) + " fit");
    // Vertex set: known actors plus any edge end missing from them.
    std::sort(actors_.begin(), actors_.end());
    actors_.erase(std::unique(actors_.begin(), actors_.end()), actors_.end());
    std::vector<ActorId> missing;
    for (const auto* ids : {&srcIds_, &dstIds_})
      for (ActorId id : *ids) {
        if (id == 0) return Status::invalidArgument("snapshot: an edge has actor id 0");
        if (!std::binary_search(actors_.begin(), actors_.end(), id)) missing.push_back(id);
      }
    if (!missing.empty()) {
      actors_.insert(actors_.end(), missing.begin(), missing.end());
      std::sort(actors_.begin(), actors_.end());
      actors_.erase(std::unique(actors_.begin(), actors_.end()), actors_.end());
    }
    actors_.shrink_to_fit();
    if (actors_.size() > kMaxIndex)
      return Status::limitExceeded("snapshot: " + std::to_string(actors_.size()) + " actors; at most " +
                                   std::to_string(kMaxIndex) + " fit");
    const size_t n = actors_.size();
    auto toVertices = [&](std::vector<ActorId>& ids) {
      std::vector<uint32_t> out(ids.size());
      for (size_t i = 0; i < ids.size(); ++i)
        out[i] = static_cast<uint32_t>(std::lower_bound(actors_.begin(), actors_.end(), ids[i]) - actors_.begin());
      std::vector<ActorId>().swap(ids);
      return out;
    };
    std::vector<uint32_t> src = toVertices(srcIds_);
    std::vector<uint32_t> dst = toVertices(dstIds_);

    std::shared_ptr<Snapshot> s(new Snapshot());
    s->impl_ = std::make_unique<Impl>();
    {
      std::vector<uint32_t> order = countingOrder(src, n);
      {
        const std::vector<uint64_t> key = runKeys(type_, first_);
        sortRuns(order, [&](uint32_t i) { return src[i]; },
                 [&](uint32_t a, uint32_t b) { return key[a] != key[b] ? key[a] < key[b] : a < b; });
      }
      s->impl_->forward = sortedCsr(order, src, dst, n);
      permute(type_, order);
      permute(first_, order);
      permute(last_, order);
      permute(precision_, order);
      permute(conf_, order);
      permute(evidence_, order);
      permute(cameo_, order);
      permute(edgeId_, order);
      permute(src, order);
      permute(dst, order);
    }
    // Now edge index e has source src[e]; the reverse CSR lists edges by target.
    std::vector<uint32_t> revOrder = countingOrder(dst, n);
    {
      const std::vector<uint64_t> key = runKeys(type_, first_);
      sortRuns(revOrder, [&](uint32_t e) { return dst[e]; },
               [&](uint32_t a, uint32_t b) { return key[a] != key[b] ? key[a] < key[b] : a < b; });
    }
    s->impl_->reverse = sortedCsr(revOrder, dst, src, n);
    Impl& impl = *s->impl_;
    impl.inEdge = std::move(revOrder);
    impl.actorIds = std::move(actors_);
    impl.type = std::move(type_);
    impl.first = std::move(first_);
    impl.last = std::move(last_);
    impl.precision = std::move(precision_);
    impl.conf = std::move(conf_);
    impl.evidence = std::move(evidence_);
    impl.cameo = std::move(cameo_);
    impl.edgeId = std::move(edgeId_);
    s->a_ = SnapshotArrays{impl.actorIds,
                           impl.forward.m_forward.m_rowstart,
                           impl.forward.m_forward.m_column,
                           impl.reverse.m_forward.m_rowstart,
                           impl.reverse.m_forward.m_column,
                           impl.inEdge,
                           impl.type,
                           impl.first,
                           impl.last,
                           impl.precision,
                           impl.conf,
                           impl.evidence,
                           impl.cameo,
                           impl.edgeId,
                           {},
                           {},
                           {}};
    impl.index = buildRunIndex(s->a_);
    s->a_.typeSpan = impl.index.typeSpan;
    s->a_.runVertex = impl.index.runVertex;
    s->a_.runStart = impl.index.runStart;
    s->bindArrays();
    return std::shared_ptr<const Snapshot>(std::move(s));
  }

 private:
  std::vector<ActorId> actors_;
  std::vector<ActorId> srcIds_, dstIds_;
  std::vector<uint8_t> type_;
  std::vector<int32_t> first_, last_;
  std::vector<uint8_t> precision_;
  std::vector<uint8_t> conf_;
  std::vector<uint16_t> evidence_;
  std::vector<uint16_t> cameo_;
  std::vector<EdgeId> edgeId_;
};

Snapshot::Snapshot() = default;
Snapshot::~Snapshot() = default;

void Snapshot::bindArrays() {
  outRow_ = a_.outRow.data();
  outEnd_ = outRow_ + 1;
  inEnd_ = a_.inRow.data() + 1;
  edges_ = a_.type.size();
  outCol_ = a_.outCol.data();
  inRow_ = a_.inRow.data();
  inCol_ = a_.inCol.data();
  actorIds_ = a_.actorIds;
  inEdge_ = a_.inEdge;
  type_ = a_.type;
  first_ = a_.first;
  last_ = a_.last;
  precision_ = a_.precision;
  conf_ = a_.conf;
  evidence_ = a_.evidence;
  cameo_ = a_.cameo;
  edgeId_ = a_.edgeId;
}

namespace {

// InvalidArgument naming `what` unless `rows` is a row-start array of a CSR
// with `vertices` vertices and `edges` edges.
Status checkRows(std::span<const uint32_t> rows, size_t vertices, size_t edges, const char* what) {
  if (rows.size() != vertices + 1)
    return Status::invalidArgument(std::string("snapshot: ") + what + " has " + std::to_string(rows.size()) +
                                   " entries for " + std::to_string(vertices) + " vertices (needs V + 1)");
  if (rows.front() != 0 || rows.back() != edges)
    return Status::invalidArgument(std::string("snapshot: ") + what + " does not run from 0 to the edge count " +
                                   std::to_string(edges));
  return Status::ok();
}

}  // namespace

Result<std::shared_ptr<const Snapshot>> Snapshot::view(const SnapshotArrays& a, std::shared_ptr<const void> owner) {
  auto s = make(a, std::move(owner));
  if (!s) return s.status();
  return std::shared_ptr<const Snapshot>(std::move(s).value());
}

Result<std::shared_ptr<const Snapshot>> Snapshot::viewWithGaps(const SnapshotArrays& a,
                                                               std::span<const uint32_t> outEnd,
                                                               std::span<const uint32_t> inEnd, size_t edges,
                                                               std::shared_ptr<const void> owner) {
  const size_t v = a.actorIds.size();
  if (outEnd.size() != v || inEnd.size() != v)
    return Status::invalidArgument("snapshot: row ends have " + std::to_string(outEnd.size()) + " and " +
                                   std::to_string(inEnd.size()) + " entries for " + std::to_string(v) + " vertices");
  if (edges > a.type.size())
    return Status::invalidArgument("snapshot: " + std::to_string(edges) + " edges in " + std::to_string(a.type.size()) +
                                   " slots");
  auto s = make(a, std::move(owner));
  if (!s) return s.status();
  Snapshot& x = **s;
  x.outEnd_ = outEnd.data();
  x.inEnd_ = inEnd.data();
  x.edges_ = edges;
  x.endsBytes_ = outEnd.size_bytes() + inEnd.size_bytes();
  return std::shared_ptr<const Snapshot>(std::move(s).value());
}

Result<std::shared_ptr<Snapshot>> Snapshot::make(const SnapshotArrays& a, std::shared_ptr<const void> owner) {
  const size_t v = a.actorIds.size(), e = a.type.size();
  if (v > kMaxIndex || e > kMaxIndex)
    return Status::invalidArgument("snapshot: " + std::to_string(v) + " vertices and " + std::to_string(e) +
                                   " edges; at most " + std::to_string(kMaxIndex) + " of each fit");
  KG_RETURN_IF_ERROR(checkRows(a.outRow, v, e, "the out-edge row array"));
  KG_RETURN_IF_ERROR(checkRows(a.inRow, v, e, "the in-edge row array"));
  const std::pair<const char*, size_t> edgeArrays[] = {
      {"outCol", a.outCol.size()},       {"inCol", a.inCol.size()}, {"inEdge", a.inEdge.size()},
      {"first", a.first.size()},         {"last", a.last.size()},   {"precision", a.precision.size()},
      {"confidence", a.conf.size()},     {"evidence", a.evidence.size()}, {"cameo", a.cameo.size()},
      {"edgeId", a.edgeId.size()}};
  for (const auto& [name, size] : edgeArrays)
    if (size != e)
      return Status::invalidArgument(std::string("snapshot: array ") + name + " has " + std::to_string(size) +
                                     " entries for " + std::to_string(e) + " edges");
  if (a.typeSpan.size() != kRunTypes)
    return Status::invalidArgument("snapshot: array typeSpan has " + std::to_string(a.typeSpan.size()) +
                                   " entries for " + std::to_string(kRunTypes) + " types");
  if (a.runVertex.size() > v || a.runStart.size() != a.runVertex.size() * kRunStartsPerVertex)
    return Status::invalidArgument("snapshot: arrays runVertex and runStart have " +
                                   std::to_string(a.runVertex.size()) + " and " + std::to_string(a.runStart.size()) +
                                   " entries (needs at most V and " + std::to_string(kRunStartsPerVertex) +
                                   " per indexed vertex)");
  std::shared_ptr<Snapshot> s(new Snapshot());
  s->owner_ = std::move(owner);
  s->a_ = a;
  s->bindArrays();
  return s;
}

Status Snapshot::checkContents(const SnapshotArrays& a) {
  const size_t v = a.actorIds.size(), e = a.type.size();
  auto bad = [](const char* name, size_t i, const std::string& what) {
    return Status::invalidArgument(std::string("snapshot: array ") + name + " entry " + std::to_string(i) + " " + what);
  };
  for (size_t i = 0; i < v; ++i)
    if (a.actorIds[i] == 0 || (i > 0 && a.actorIds[i] <= a.actorIds[i - 1]))
      return bad("actorIds", i, "is 0 or not above the one before");
  const std::pair<const char*, std::span<const uint32_t>> rows[] = {{"outRow", a.outRow}, {"inRow", a.inRow}};
  for (const auto& row : rows)
    for (size_t i = 1; i < row.second.size(); ++i)
      if (row.second[i] < row.second[i - 1]) return bad(row.first, i, "is below the one before");
  const std::pair<const char*, std::span<const uint32_t>> vertexArrays[] = {{"outCol", a.outCol}, {"inCol", a.inCol}};
  for (const auto& arr : vertexArrays)
    for (size_t i = 0; i < arr.second.size(); ++i)
      if (arr.second[i] >= v) return bad(arr.first, i, "names vertex " + std::to_string(arr.second[i]) + " of " + std::to_string(v));
  for (size_t i = 0; i < a.inEdge.size(); ++i)
    if (a.inEdge[i] >= e) return bad("inEdge", i, "names edge " + std::to_string(a.inEdge[i]) + " of " + std::to_string(e));
  constexpr auto kLastPrecision = static_cast<uint8_t>(DatePrecision::kDay);
  for (size_t i = 0; i < e; ++i) {
    if (a.type[i] >= kRunTypes) return bad("type", i, "is not an edge type");
    if ((a.precision[i] >> 4) > kLastPrecision || (a.precision[i] & 0x0f) > kLastPrecision)
      return bad("precision", i, "holds an unknown date precision");
    // An unknown end holds an open bound (INT32_MIN, INT32_MAX), never read as a date.
    if ((a.precision[i] >> 4) != 0 && (a.first[i] < -kMaxSnapshotDay || a.first[i] > kMaxSnapshotDay))
      return bad("first", i, "is a day out of range");
    if ((a.precision[i] & 0x0f) != 0 && (a.last[i] < -kMaxSnapshotDay || a.last[i] > kMaxSnapshotDay))
      return bad("last", i, "is a day out of range");
  }
  // The run index bounds the scans' searches: each indexed vertex's starts
  // must stay inside its rows, in order.
  for (size_t i = 0; i < a.runVertex.size(); ++i) {
    const uint32_t vx = a.runVertex[i];
    if (vx >= v || (i > 0 && vx <= a.runVertex[i - 1]))
      return bad("runVertex", i, "is not a vertex above the one before");
    // Entries [0, kRunTypes] of the vertex's part: its out-row; the rest: its in-row.
    for (size_t j = 0; j < kRunStartsPerVertex; ++j) {
      const size_t t = j % (kRunTypes + 1);
      const std::span<const uint32_t> row = j <= kRunTypes ? a.outRow : a.inRow;
      const uint32_t x = a.runStart[i * kRunStartsPerVertex + j];
      if (x < (t == 0 ? row[vx] : a.runStart[i * kRunStartsPerVertex + j - 1]) || x > row[vx + 1])
        return bad("runStart", i * kRunStartsPerVertex + j, "lies outside its row or before the start before it");
    }
  }
  return Status::ok();
}

Result<std::shared_ptr<const Snapshot>> Snapshot::fromStore(const storage::GraphStore& store) {
  std::vector<ActorId> actors;
  KG_RETURN_IF_ERROR(store.scanActors([&](const Actor& a) {
    actors.push_back(a.id);
    return storage::Scan::kContinue;
  }));
  return fromScan(actors, [&](const std::function<storage::Scan(const storage::EdgeHeader&)>& fn) {
    return store.scanEdges(fn);
  });
}

Result<std::shared_ptr<const Snapshot>> Snapshot::fromScan(const std::vector<ActorId>& actors, const EdgeScan& scan) {
  for (ActorId a : actors)
    if (a == 0) return Status::invalidArgument("snapshot: actor id 0 is not a valid id");
  Builder b(actors);
  KG_RETURN_IF_ERROR(scan([&](const storage::EdgeHeader& h) {
    b.add(h);
    return storage::Scan::kContinue;
  }));
  return b.build();
}

Result<std::shared_ptr<const Snapshot>> Snapshot::fromEdges(const std::vector<ActorId>& actors,
                                                            const std::vector<storage::EdgeHeader>& edges) {
  return fromScan(actors, [&](const std::function<storage::Scan(const storage::EdgeHeader&)>& fn) {
    for (const auto& h : edges)
      if (fn(h) == storage::Scan::kStop) break;
    return Status::ok();
  });
}

std::optional<VertexId> Snapshot::vertexOf(ActorId id) const {
  auto it = std::lower_bound(actorIds_.begin(), actorIds_.end(), id);
  if (it == actorIds_.end() || *it != id) return std::nullopt;
  return static_cast<VertexId>(it - actorIds_.begin());
}

const uint32_t* Snapshot::indexedRunStarts(VertexId v) const {
  auto it = std::lower_bound(a_.runVertex.begin(), a_.runVertex.end(), v);
  if (it == a_.runVertex.end() || *it != v) return nullptr;  // only in a damaged file
  return a_.runStart.data() + static_cast<size_t>(it - a_.runVertex.begin()) * kRunStartsPerVertex;
}

VertexId Snapshot::source(EdgeIndex e) const {
  // The last row starting at or before e (rows are in order; a slot between
  // rows is never an edge index).
  const uint32_t* end = outRow_ + actorIds_.size() + 1;
  return static_cast<VertexId>(std::upper_bound(outRow_, end, e) - outRow_ - 1);
}

DateRange Snapshot::dateRange(EdgeIndex e) const {
  auto pf = static_cast<DatePrecision>(precision_[e] >> 4);
  auto pt = static_cast<DatePrecision>(precision_[e] & 0x0f);
  DateRange r;
  if (pf != DatePrecision::kUnknown) r.from = Date::fromDays(first_[e], pf);
  if (pt != DatePrecision::kUnknown) {
    int32_t last = last_[e];
    int32_t start = last;
    CivilDate c = civilFromDays(last);
    switch (pt) {
      case DatePrecision::kYear: start = daysFromCivil({c.year, 1, 1}); break;
      case DatePrecision::kMonth: start = daysFromCivil({c.year, c.month, 1}); break;
      case DatePrecision::kWeek: start = last - 6; break;
      default: break;
    }
    r.to = Date::fromDays(start, pt);
  }
  return r;
}

size_t Snapshot::memoryBytes() const {
  if (!impl_) {
    return a_.actorIds.size_bytes() + a_.outRow.size_bytes() + a_.outCol.size_bytes() + a_.inRow.size_bytes() +
           a_.inCol.size_bytes() + a_.inEdge.size_bytes() + a_.type.size_bytes() + a_.first.size_bytes() +
           a_.last.size_bytes() + a_.precision.size_bytes() + a_.conf.size_bytes() + a_.evidence.size_bytes() +
           a_.cameo.size_bytes() + a_.edgeId.size_bytes() + a_.typeSpan.size_bytes() + a_.runVertex.size_bytes() +
           a_.runStart.size_bytes() + endsBytes_;
  }
  const Impl& i = *impl_;
  auto bytes = [](const auto& v) { return v.capacity() * sizeof(v[0]); };
  size_t total = bytes(i.actorIds) + bytes(i.inEdge) + bytes(i.type) + bytes(i.first) + bytes(i.last) +
                 bytes(i.precision) + bytes(i.conf) + bytes(i.evidence) + bytes(i.cameo) + bytes(i.edgeId) +
                 bytes(i.index.typeSpan) + bytes(i.index.runVertex) + bytes(i.index.runStart);
  for (const Csr* g : {&i.forward, &i.reverse})
    total += bytes(g->m_forward.m_rowstart) + bytes(g->m_forward.m_column);
  return total;
}

double Snapshot::bytesPerEdge() const {
  return edgeCount() == 0 ? 0.0 : static_cast<double>(memoryBytes()) / static_cast<double>(edgeCount());
}

ScratchLease Snapshot::scratch() const { return pool_.acquire(); }

}  // namespace kg::graph
