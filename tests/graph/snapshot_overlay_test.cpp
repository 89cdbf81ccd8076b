// Snapshot overlays (graph/snapshot_overlay.h, loadSnapshot/updateSnapshot of
// graph/snapshot_file.h): a stale snapshot plus the writes the change log
// names is the snapshot a fresh rebuild gives — the same arrays, byte for
// byte, and so the same answers — on random graphs and random sequences of
// writes: new actors (also below the highest id, which renumbers vertices),
// new edges, new evidence on stored edges (evidence count, confidence), facts
// that move a stored edge to another date, restored edges. The store has no
// edge removal and no actor merge, so there are none to test.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <sstream>
#include <tuple>
#include <type_traits>

#include "../support/temp_dir.h"
#include "graph/shifted_array.h"
#include "graph/snapshot_file.h"
#include "graph/snapshot_overlay.h"
#include "query/neighbourhood.h"
#include "query/paths.h"
#include "query/timeline.h"
#include "storage/graph_store.h"

using namespace kg;
using namespace kg::graph;
using kg::testing::TempDir;

namespace {

void requireSameArrays(const Snapshot& x, const Snapshot& y) {
  const SnapshotArrays& a = x.arrays();
  const SnapshotArrays& b = y.arrays();
  auto same = [](auto p, auto q) { return std::equal(p.begin(), p.end(), q.begin(), q.end()); };
  INFO("vertices " << a.actorIds.size() << " vs " << b.actorIds.size() << ", edges " << a.type.size() << " vs "
                   << b.type.size());
  REQUIRE(same(a.actorIds, b.actorIds));
  REQUIRE(same(a.outRow, b.outRow));
  REQUIRE(same(a.edgeId, b.edgeId));
  REQUIRE(same(a.outCol, b.outCol));
  REQUIRE(same(a.inRow, b.inRow));
  REQUIRE(same(a.inCol, b.inCol));
  REQUIRE(same(a.inEdge, b.inEdge));
  REQUIRE(same(a.type, b.type));
  REQUIRE(same(a.first, b.first));
  REQUIRE(same(a.last, b.last));
  REQUIRE(same(a.precision, b.precision));
  REQUIRE(same(a.conf, b.conf));
  REQUIRE(same(a.evidence, b.evidence));
  REQUIRE(same(a.cameo, b.cameo));
  REQUIRE(same(a.typeSpan, b.typeSpan));
  REQUIRE(same(a.runVertex, b.runVertex));
  REQUIRE(same(a.runStart, b.runStart));
}

// The same graph row by row, whatever the edge indices: the same vertices;
// each vertex's out-row and in-row holding the same edges (target or source,
// every attribute, edge id) in the same order; the same vertices indexed by
// the run index, with the same type-run starts counted from their rows'
// starts; a typeSpan at least x's. What overlayChanges promises for a
// snapshot merged without copying, which has slots between its rows.
void requireSameGraph(const Snapshot& x, const Snapshot& y) {
  REQUIRE(x.vertexCount() == y.vertexCount());
  REQUIRE(x.edgeCount() == y.edgeCount());
  size_t outEdges = 0;
  for (VertexId v = 0; v < x.vertexCount(); ++v) {
    INFO("vertex " << v << " (actor " << x.actorId(v) << ")");
    REQUIRE(x.actorId(v) == y.actorId(v));
    REQUIRE(x.outDegree(v) == y.outDegree(v));
    REQUIRE(x.inDegree(v) == y.inDegree(v));
    outEdges += y.outDegree(v);
    for (size_t j = 0; j < x.outDegree(v); ++j) {
      const EdgeIndex a = x.outBegin(v) + static_cast<EdgeIndex>(j), b = y.outBegin(v) + static_cast<EdgeIndex>(j);
      INFO("out " << j);
      REQUIRE(x.edgeId(a) == y.edgeId(b));
      REQUIRE(x.target(a) == y.target(b));
      REQUIRE(y.source(b) == v);
      REQUIRE(x.type(a) == y.type(b));
      REQUIRE(x.firstDay(a) == y.firstDay(b));
      REQUIRE(x.lastDay(a) == y.lastDay(b));
      REQUIRE(x.arrays().precision[a] == y.arrays().precision[b]);
      REQUIRE(x.confidenceByte(a) == y.confidenceByte(b));
      REQUIRE(x.evidenceCount(a) == y.evidenceCount(b));
      REQUIRE(x.cameoKey(a) == y.cameoKey(b));
    }
    for (size_t j = 0; j < x.inDegree(v); ++j) {
      const uint32_t a = x.inBegin(v) + static_cast<uint32_t>(j), b = y.inBegin(v) + static_cast<uint32_t>(j);
      INFO("in " << j);
      REQUIRE(x.inSource(a) == y.inSource(b));
      REQUIRE(x.edgeId(x.inEdge(a)) == y.edgeId(y.inEdge(b)));
      REQUIRE(y.target(y.inEdge(b)) == v);
    }
    const uint32_t* xo = x.outRunStarts(v);
    const uint32_t* yo = y.outRunStarts(v);
    REQUIRE((xo == nullptr) == (yo == nullptr));
    if (xo != nullptr) {
      const uint32_t* xi = x.inRunStarts(v);
      const uint32_t* yi = y.inRunStarts(v);
      for (size_t t = 0; t <= kRunTypes; ++t) {
        REQUIRE(xo[t] - x.outBegin(v) == yo[t] - y.outBegin(v));
        REQUIRE(xi[t] - x.inBegin(v) == yi[t] - y.inBegin(v));
      }
    }
  }
  REQUIRE(outEdges == y.edgeCount());
  for (unsigned t = 0; t < kRunTypes; ++t) REQUIRE(y.typeSpan(t) >= x.typeSpan(t));
}

// requireSameArrays for a contiguous y, else requireSameGraph.
void requireSame(const Snapshot& x, const Snapshot& y) {
  if (y.contiguous())
    requireSameArrays(x, y);
  else
    requireSameGraph(x, y);
}

template <typename T>
std::string idsOf(const Snapshot& s, const std::vector<T>& xs) {
  std::string out;
  for (const auto& x : xs) {
    if constexpr (std::is_same_v<T, VertexId>) out += std::to_string(s.actorId(x)) + " ";
    else out += std::to_string(s.edgeId(x.index)) + " ";
  }
  return out;
}

const EdgeType kTypes[] = {EdgeType::kConsult, EdgeType::kAssault, EdgeType::kAccuse, EdgeType::kMemberOf,
                           EdgeType::kOfficialOf};

// Answers, by actor and edge ids, to neighbourhoods at depth 1 and 2 with
// filters, paths, timelines and as-of views from actors drawn by `seed`.
std::string answers(const Snapshot& s, uint32_t seed) {
  std::ostringstream out;
  std::mt19937 rng(seed);
  const size_t n = s.vertexCount();
  if (n < 2) return "tiny\n";
  std::vector<query::Filter> filters(5);
  filters[1].types = {EdgeType::kAssault, EdgeType::kAccuse};
  filters[2].fromDay = 18200;
  filters[2].toDay = 18300;
  filters[2].direction = query::Direction::kOut;
  filters[3].minConfidence = 0.5f;
  filters[3].direction = query::Direction::kIn;
  filters[4].fromDay = 18000;
  filters[4].includeUndated = true;
  for (int i = 0; i < 10; ++i) {
    const auto a = static_cast<VertexId>(rng() % n);
    auto b = static_cast<VertexId>(rng() % n);
    if (b == a) b = static_cast<VertexId>((a + 1) % n);
    for (size_t f = 0; f < filters.size(); ++f) {
      for (int depth : {1, 2}) {
        query::NeighbourhoodOptions no;
        no.depth = depth;
        no.filter = filters[f];
        auto nb = query::neighbourhood(s, a, no);
        REQUIRE(nb.isOk());
        out << "nb" << depth << " f" << f << " " << s.actorId(a) << ": " << idsOf(s, nb->nodes) << "| "
            << idsOf(s, nb->edges) << nb->truncated << "\n";
      }
      for (auto mode : {query::PathMode::kShortest, query::PathMode::kAllShortest, query::PathMode::kTemporal}) {
        query::PathOptions po;
        po.mode = mode;
        po.filter = filters[f];
        auto p = query::findPaths(s, a, b, po);
        out << "path" << static_cast<int>(mode) << " f" << f << ": ";
        if (!p) {
          out << p.status().message() << "\n";
          continue;
        }
        for (const auto& path : p->paths) out << idsOf(s, path.nodes) << "/ " << idsOf(s, path.edges) << "; ";
        out << "\n";
      }
      auto tl = query::timeline(s, a, filters[f]);
      REQUIRE(tl.isOk());
      out << "timeline f" << f << ": " << idsOf(s, tl.value()) << "\n";
    }
    query::AsOfOptions ao;
    ao.day = 18250;
    ao.actor = a;
    ao.filter.includeUndated = true;
    auto as = query::asOf(s, ao);
    REQUIRE(as.isOk());
    out << "asof: " << idsOf(s, as.value()) << "\n";
  }
  return out.str();
}

// A store and a random writer with small pools of titles, types, days and
// documents, so that facts often merge into stored edges.
struct World {
  TempDir dir;
  std::string path = dir.sub("db");
  std::unique_ptr<storage::GraphStore> store;
  std::vector<ActorId> actors;
  std::mt19937 rng;
  bool lowIds = true;  // new actors may take an id below the highest (renumbering vertices)

  explicit World(uint32_t seed) : rng(seed) {
    auto s = storage::openStore(path, storage::StoreOptions{});
    REQUIRE(s.isOk());
    store = std::move(s).value();
  }

  Edge randomFact() {
    Edge e;
    e.src = actors[rng() % actors.size()];
    do e.dst = actors[rng() % actors.size()];
    while (e.dst == e.src);
    e.type = kTypes[rng() % 5];
    const int32_t day = 18200 + static_cast<int32_t>(rng() % 60);
    const CivilDate c = civilFromDays(day);
    switch (rng() % 5) {
      case 0: break;  // undated
      case 1: e.when = DateRange::point(Date::month(c.year, c.month)); break;  // refined later by a day in it
      case 2: e.when = {Date::month(c.year, c.month), Date::year(c.year + 1)}; break;
      default: e.when = DateRange::point(Date::fromDays(day, DatePrecision::kDay));
    }
    e.dateBasis = rng() % 2 ? DateBasis::kText : DateBasis::kArticle;
    e.confidence = static_cast<float>(1 + rng() % 100) / 100.0f;
    static const char* kCameo[] = {"", "190", "0211", "04"};
    e.cameo = kCameo[rng() % 4];
    e.title = "t" + std::to_string(rng() % 2);
    e.evidence.push_back(Evidence{"doc" + std::to_string(rng() % 6), static_cast<uint32_t>(rng() % 4), 0, 10, "s"});
    return e;
  }

  // One commit of random writes.
  void writeBatch(size_t edges) {
    auto batch = store->newBatch();
    if (actors.size() < 2 || rng() % 4 == 0) {
      for (size_t i = 0, n = 1 + rng() % 3; i < n; ++i) {
        Actor a;
        a.name = "actor " + std::to_string(rng());
        if (!actors.empty() && rng() % 3 == 0) {
          // An id below the highest one in use (as a restore writes): every
          // vertex after it is renumbered.
          const ActorId top = *std::max_element(actors.begin(), actors.end());
          a.id = top + 1000 + rng() % 1000;  // above everything...
          if (rng() % 2 && top > 1 && lowIds) {
            for (ActorId gap = top - 1; gap > 0; --gap)  // ...or in a gap below the top
              if (std::find(actors.begin(), actors.end(), gap) == actors.end()) {
                a.id = gap;
                break;
              }
          }
        }
        auto id = batch->putActor(a, {});
        REQUIRE(id.isOk());
        if (std::find(actors.begin(), actors.end(), id.value()) == actors.end()) actors.push_back(id.value());
      }
      if (actors.size() < 2) {
        REQUIRE(store->commit(*batch).isOk());
        return;
      }
    }
    for (size_t i = 0; i < edges; ++i) {
      if (rng() % 20 == 0) {
        Edge e = randomFact();
        e.id = 5'000'000 + rng() % 1'000'000;
        if (store->getEdgeHeader(e.id).value().has_value()) continue;
        if (batch->restoreEdge(e, 1).code() == StatusCode::kAlreadyExists) continue;
      } else {
        REQUIRE(batch->putEdge(randomFact()).isOk());
      }
    }
    REQUIRE(store->commit(*batch).isOk());
  }
};

// Edges in the order of the store's `out` keys (source, then runKey, target,
// id): the order a store scan hands Snapshot::fromEdges, which keeps it for
// ties of type and first day.
std::vector<storage::EdgeHeader> inStoreOrder(std::vector<storage::EdgeHeader> edges) {
  auto key = [](const storage::EdgeHeader& h) {
    const PackedEdge p = packEdge(h);
    return std::tuple(h.edge.src, runKey(p.type, p.first, p.precision), h.edge.dst, h.edge.id);
  };
  std::sort(edges.begin(), edges.end(), [&](const auto& x, const auto& y) { return key(x) < key(y); });
  return edges;
}

// A base graph whose rows end on page boundaries, written to a snapshot file
// and mapped back as a query process maps it; and the changes of one commit,
// checked against a fresh build of the graph after them. Vertices are actors
// 10, 20, ..., 10 * kVertices. Out-rows: vertex 0 has one page's worth of
// 1-byte entries (the type array's first page ends with it), vertex 1 none
// (an empty row on that boundary), vertex 2 a page of 4-byte entries (the
// next 4-byte page boundary), vertex 3 half that (an 8-byte boundary), the
// last vertex 300 edges (indexed by the run index), the others 0 to 120.
// In-rows: vertex 0 has a page of 4-byte entries (inCol's first page), vertex
// 1 none.
struct PagedBase {
  static constexpr size_t kVertices = 200;
  TempDir dir;
  std::mt19937 rng{7};
  std::vector<ActorId> actors;
  std::map<EdgeId, storage::EdgeHeader> edges;  // by id
  EdgeId nextId = 1;
  OpenedSnapshot opened;

  PagedBase() {
    const size_t page = ShiftedArray::pageBytes();
    for (size_t i = 0; i < kVertices; ++i) actors.push_back(10 * (i + 1));
    std::vector<storage::EdgeHeader> list;
    for (size_t v = 0; v < kVertices; ++v) {
      size_t n = rng() % 121;
      if (v == 0) n = page;
      if (v == 1) n = 0;
      if (v == 2) n = page / 4;
      if (v == 3) n = page / 8;
      if (v == kVertices - 1) n = 300;
      for (size_t i = 0; i < n; ++i) list.push_back(randomEdge(static_cast<VertexId>(v), 2));
    }
    for (size_t i = 0, moved = 0; i < list.size() && moved < page / 4; i += 2)
      if (list[i].edge.src != actors[0]) list[i].edge.dst = actors[0], ++moved;
    for (const auto& h : list) edges[h.edge.id] = h;
    auto built = Snapshot::fromEdges(actors, inStoreOrder(list));
    REQUIRE(built.isOk());
    REQUIRE((*built)->outBegin(1) == page);
    REQUIRE((*built)->inBegin(1) == page / 4);
    REQUIRE((*built)->outBegin(3) == page + page / 4);
    REQUIRE((*built)->outBegin(4) == page + page / 4 + page / 8);
    const std::string path = dir.sub("graph.snapshot");
    REQUIRE(writeSnapshotFile(path, **built, SnapshotStamp{"paged", 1}).isOk());
    auto o = openSnapshotFile(path);
    REQUIRE(o.isOk());
    opened = std::move(o).value();
  }

  // A new edge from vertex `src` to a random vertex at or above `lowestDst`
  // (not `src`), with random attributes.
  storage::EdgeHeader randomEdge(VertexId src, size_t lowestDst) {
    storage::EdgeHeader h;
    h.edge.id = nextId++;
    h.edge.src = actors[src];
    do h.edge.dst = actors[lowestDst + rng() % (kVertices - lowestDst)];
    while (h.edge.dst == h.edge.src);
    h.edge.type = kTypes[rng() % 5];
    redate(h);
    return h;
  }
  // New dates, confidence, CAMEO code and evidence count for `h`.
  void redate(storage::EdgeHeader& h) {
    const int32_t day = 18200 + static_cast<int32_t>(rng() % 60);
    switch (rng() % 4) {
      case 0:
        h.edge.when = DateRange{};
        break;
      case 1:
        h.edge.when = {Date::fromDays(day, DatePrecision::kDay), Date::fromDays(day + 30, DatePrecision::kDay)};
        break;
      default:
        h.edge.when = DateRange::point(Date::fromDays(day, DatePrecision::kDay));
    }
    h.edge.confidence = static_cast<float>(1 + rng() % 100) / 100.0f;
    static const char* kCameo[] = {"", "190", "0211"};
    h.edge.cameo = kCameo[rng() % 3];
    h.evidenceCount = 1 + rng() % 5;
  }

  // Merges `changed` (new edges, and stored ones rewritten) and `newActors`
  // into the mapped base without copying (or, with `expectCopy`, by copying)
  // and checks the result against a fresh build of the graph after them.
  void check(const std::vector<ActorId>& newActors, const std::vector<storage::EdgeHeader>& changed, bool expectCopy,
             uint32_t seed, size_t maxPieces = kMaxShiftedPieces, size_t* copiedSlots = nullptr) {
    std::map<EdgeId, storage::EdgeHeader> after = edges;
    std::vector<ActorId> allActors = actors;
    allActors.insert(allActors.end(), newActors.begin(), newActors.end());
    for (const auto& h : changed) after[h.edge.id] = h;
    std::vector<storage::EdgeHeader> list;
    for (const auto& [id, h] : after) list.push_back(h);
    auto fresh = Snapshot::fromEdges(allActors, inStoreOrder(list));
    REQUIRE(fresh.isOk());
    bool copied = !expectCopy;
    auto merged = overlayChanges(*opened.snapshot, opened.backing, newActors, changed, &copied, maxPieces, copiedSlots);
    INFO(merged.status().toString());
    REQUIRE(merged.isOk());
    REQUIRE(copied == expectCopy);
    if (copied) {
      requireSameArrays(**fresh, **merged);
    } else {
      CHECK_FALSE((*merged)->contiguous());
      requireSameGraph(**fresh, **merged);
      auto compact = applyChanges(**merged, {}, {});
      REQUIRE(compact.isOk());
      requireSameArrays(**fresh, **compact);
    }
    CHECK(answers(**merged, seed) == answers(**fresh, seed));
  }
};

LoadOptions quiet(bool save, size_t foldRatio) {
  LoadOptions o;
  o.save = save;
  o.foldRatio = foldRatio;
  o.report = [](const std::string& line) { FAIL("unexpected report: " << line); };
  return o;
}

}  // namespace

TEST_CASE("SnapshotOverlay: a stale file plus the logged writes equals a fresh rebuild", "[graph][snapfile][overlay]") {
  size_t withoutCopy = 0;
  for (uint32_t seed = 1; seed <= 25; ++seed) {
    INFO("seed " << seed);
    World w(seed);
    for (int i = 0; i < 1 + static_cast<int>(seed % 4); ++i) w.writeBatch(seed * 7 % 60);
    auto saved = loadSnapshot(*w.store, w.path, quiet(true, 64));
    REQUIRE(saved.isOk());
    CHECK_FALSE(saved->fromFile);  // built and saved

    std::mt19937 rng(seed * 31);
    for (int round = 0; round < 4; ++round) {
      INFO("round " << round);
      for (int b = 0, n = 1 + static_cast<int>(rng() % 4); b < n; ++b) w.writeBatch(rng() % 25);
      // The file stays stale (no fold): every round merges all writes since it.
      auto merged = loadSnapshot(*w.store, w.path, quiet(false, 0));
      REQUIRE(merged.isOk());
      CHECK(merged->fromFile);
      CHECK(merged->stamp.sequence == w.store->sequenceNumber());
      auto fresh = Snapshot::fromStore(*w.store);
      REQUIRE(fresh.isOk());
      // Merged without copying (overlayChanges) unless an actor renumbered the vertices.
      if (merged->snapshot->contiguous()) {
        requireSameArrays(**fresh, *merged->snapshot);
      } else {
        ++withoutCopy;
        requireSameGraph(**fresh, *merged->snapshot);
      }
      CHECK(answers(*merged->snapshot, seed + round) == answers(**fresh, seed + round));
    }
  }
  CHECK(withoutCopy >= 30);  // of 100 merges: the path is exercised
}

TEST_CASE("SnapshotOverlay: merged without copying, a mapped file answers as a fresh rebuild, rows in the same order",
          "[graph][snapfile][overlay]") {
  // Large enough that rows span pages and some rows are indexed (>= 256 edges).
  int withoutCopy = 0;
  for (uint32_t seed = 40; seed < 46; ++seed) {
    INFO("seed " << seed);
    World w(seed);
    for (int i = 0; i < 40; ++i) w.writeBatch(300);
    // A hub with long rows both ways, so the run index has vertices to move and rewrite.
    {
      auto batch = w.store->newBatch();
      for (int i = 0; i < 600; ++i) {
        Edge e = w.randomFact();
        e.src = w.actors[0];
        if (e.dst == e.src) continue;
        if (i % 2) std::swap(e.src, e.dst);
        REQUIRE(batch->putEdge(e).isOk());
      }
      REQUIRE(w.store->commit(*batch).isOk());
    }
    REQUIRE(loadSnapshot(*w.store, w.path, quiet(true, 64)).isOk());
    auto opened = openSnapshotFile(snapshotFilePath(w.path));
    REQUIRE(opened.isOk());
    REQUIRE(opened->backing.fd >= 0);
    const SnapshotStamp from = opened->stamp;
    // Writes to old rows (the hub's among them) and new actors' rows.
    for (int b = 0; b < 3; ++b) w.writeBatch(40);
    {
      auto batch = w.store->newBatch();
      for (int i = 0; i < 30; ++i) {
        Edge e = w.randomFact();
        e.src = w.actors[0];
        if (e.dst == e.src) continue;
        REQUIRE(batch->putEdge(e).isOk());
      }
      REQUIRE(w.store->commit(*batch).isOk());
    }
    auto changes = w.store->changesSince(from.sequence, w.store->sequenceNumber());
    REQUIRE(changes.isOk());
    REQUIRE(changes->has_value());
    std::vector<storage::EdgeHeader> headers;
    for (EdgeId id : (*changes)->edges) headers.push_back(w.store->getEdgeHeader(id).value().value());
    bool copied = true;
    auto merged = overlayChanges(*opened->snapshot, opened->backing, (*changes)->actors, headers, &copied);
    INFO(merged.status().toString());
    REQUIRE(merged.isOk());
    auto fresh = Snapshot::fromStore(*w.store);
    REQUIRE(fresh.isOk());
    if (copied) {
      requireSameArrays(**fresh, **merged);
    } else {
      ++withoutCopy;
      CHECK_FALSE((*merged)->contiguous());
      CHECK((*merged)->edgeSlots() > (*merged)->edgeCount());
      requireSameGraph(**fresh, **merged);
    }
    CHECK(answers(**merged, seed) == answers(**fresh, seed));
    // The base may go: the merged snapshot maps the file itself.
    opened->snapshot.reset();
    CHECK(answers(**merged, seed + 1) == answers(**fresh, seed + 1));
    // It cannot be saved; a copying merge of it can, and equals a fresh build.
    if (!copied) {
      CHECK(writeSnapshotFile(w.dir.sub("gapped.snapshot"), **merged, from).code() == StatusCode::kInvalidArgument);
      auto compact = applyChanges(**merged, {}, {});
      REQUIRE(compact.isOk());
      REQUIRE((*compact)->contiguous());
      requireSameArrays(**fresh, **compact);
    }
  }
  CHECK(withoutCopy >= 3);  // the others renumbered vertices (a restored actor below the top id) and copied
}

TEST_CASE(
    "SnapshotOverlay: merged without copying, rows at the ends, on page boundaries and of new vertices "
    "equal a fresh build's",
    "[graph][snapfile][overlay]") {
  PagedBase g;
  const size_t page = ShiftedArray::pageBytes();
  const VertexId last = PagedBase::kVertices - 1;
  const ActorId top = g.actors.back();
  auto edge = [&](VertexId src, VertexId dst) {
    storage::EdgeHeader h = g.randomEdge(src, 0);
    h.edge.dst = g.actors[dst];
    return h;
  };
  // A stored edge with new dates, confidence, CAMEO code and evidence.
  auto rewritten = [&](VertexId src, size_t nth) {
    const Snapshot& s = *g.opened.snapshot;
    storage::EdgeHeader h = g.edges.at(s.edgeId(s.outBegin(src) + static_cast<EdgeIndex>(nth)));
    g.redate(h);
    return h;
  };
  SECTION("the first vertex's rows, which end on page boundaries, grow") {
    g.check({}, {edge(0, 5), edge(7, 0)}, false, 1);
  }
  SECTION("the last vertex's rows grow") { g.check({}, {edge(last, 3), edge(4, last)}, false, 2); }
  SECTION("empty rows on page boundaries gain an edge") { g.check({}, {edge(1, 2), edge(6, 1)}, false, 3); }
  SECTION("rows ending on 4-byte and 8-byte page boundaries grow") {
    g.check({}, {edge(2, 9), edge(3, 9), edge(9, 3)}, false, 4);
  }
  SECTION("new vertices: one without edges, one with edges both ways, edges between them") {
    std::vector<storage::EdgeHeader> changed = {edge(0, 5)};
    changed.push_back(edge(8, 9));
    changed.back().edge.src = top + 20;
    changed.push_back(edge(last, 9));
    changed.back().edge.dst = top + 30;
    changed.push_back(edge(8, 9));
    changed.back().edge.src = top + 20;
    changed.back().edge.dst = top + 30;
    changed.push_back(edge(0, 9));
    changed.back().edge.dst = top + 40;
    g.check({top + 10, top + 20}, changed, false, 5);
  }
  SECTION("a row grows by more than a page: the rows after it move by two") {
    std::vector<storage::EdgeHeader> changed;
    for (size_t i = 0; i < page + 100; ++i) changed.push_back(g.randomEdge(5, 0));
    g.check({}, changed, false, 6);
  }
  SECTION("stored edges rewritten in place: the first and last of a row, of the first and last vertex") {
    const size_t n0 = g.opened.snapshot->outDegree(0), nl = g.opened.snapshot->outDegree(last);
    g.check({},
            {rewritten(0, 0), rewritten(0, n0 - 1), rewritten(0, n0 / 2), rewritten(last, 0), rewritten(last, nl - 1),
             rewritten(2, 0)},
            false, 7);
  }
  SECTION("adjacent rows all grow") {
    g.check({}, {edge(10, 13), edge(11, 13), edge(12, 13), edge(13, 10), edge(13, 11)}, false, 8);
  }
  SECTION("an actor below the highest id renumbers the vertices: merged by copying") {
    std::vector<storage::EdgeHeader> changed = {edge(0, 5)};
    changed.back().edge.dst = 15;
    g.check({}, changed, true, 9);
  }
  SECTION("more rewritten rows than the piece budget: the smallest gaps are copied, the rest still mapped") {
    // 60 rows rewritten, at most 4 pieces a side mapped: the rows of the
    // smallest gaps are written in fresh memory, unchanged.
    std::mt19937 rng(5);
    std::vector<storage::EdgeHeader> changed;
    size_t rowEdges = 0;
    std::vector<VertexId> srcs;
    for (VertexId v = 4; v < PagedBase::kVertices; v += 3) srcs.push_back(v);
    for (VertexId v : srcs) {
      changed.push_back(edge(v, static_cast<VertexId>(rng() % PagedBase::kVertices)));
      if (changed.back().edge.dst == changed.back().edge.src) changed.back().edge.dst = g.actors[0];
      rowEdges += g.opened.snapshot->outDegree(v) + 1;
    }
    size_t copiedSlots = 0;
    g.check({}, changed, false, 12, 4, &copiedSlots);
    CHECK(copiedSlots > 0);                                          // gaps were closed...
    CHECK(copiedSlots + rowEdges < g.opened.snapshot->edgeCount());  // ...not every one
    size_t unbounded = 1;
    g.check({}, changed, false, 12, 1'000'000, &unbounded);
    CHECK(unbounded == 0);  // with room for every piece only the rewritten rows are written
  }
  SECTION("random commits: new edges, rewritten ones and new vertices anywhere") {
    std::mt19937 rng(11);
    for (uint32_t round = 0; round < 20; ++round) {
      INFO("round " << round);
      std::vector<ActorId> newActors;
      for (size_t i = 0, n = rng() % 3; i < n; ++i) newActors.push_back(top + 10 * (1 + rng() % 5));
      std::vector<storage::EdgeHeader> changed;
      for (size_t i = 0, n = 1 + rng() % 60; i < n; ++i) {
        changed.push_back(g.randomEdge(static_cast<VertexId>(rng() % PagedBase::kVertices), 0));
        if (!newActors.empty() && rng() % 4 == 0) changed.back().edge.src = newActors[rng() % newActors.size()];
      }
      std::vector<EdgeId> ids;
      for (const auto& [id, h] : g.edges) ids.push_back(id);
      std::vector<EdgeId> picked;
      for (size_t i = 0, n = rng() % 20; i < n; ++i) picked.push_back(ids[rng() % ids.size()]);
      std::sort(picked.begin(), picked.end());
      picked.erase(std::unique(picked.begin(), picked.end()), picked.end());
      for (EdgeId id : picked) {
        storage::EdgeHeader h = g.edges.at(id);
        g.redate(h);
        changed.push_back(h);
      }
      g.check(newActors, changed, false, 100 + round);
    }
  }
}

namespace {
// Lines of /proc/self/maps: the mappings the process holds.
size_t processMappings() {
  std::ifstream maps("/proc/self/maps");
  std::string line;
  size_t n = 0;
  while (std::getline(maps, line)) ++n;
  return n;
}
}  // namespace

TEST_CASE("SnapshotOverlay: the mappings a merge holds stay within its piece budget however many rows it rewrites",
          "[graph][snapfile][overlay]") {
  // 3,000 vertices of 60-140 edges (300,000 edges): rewriting every tenth
  // vertex's row leaves 300 gaps of about a thousand slots, each mapping
  // whole pages of the 4- and 8-byte arrays.
  TempDir dir;
  std::mt19937 rng(3);
  constexpr size_t kV = 3000;
  std::vector<ActorId> actors;
  for (size_t i = 0; i < kV; ++i) actors.push_back(i + 1);
  std::vector<storage::EdgeHeader> list;
  EdgeId nextId = 1;
  auto randomEdge = [&](ActorId src) {
    storage::EdgeHeader h;
    h.edge.id = nextId++;
    h.edge.src = src;
    do h.edge.dst = 1 + rng() % kV;
    while (h.edge.dst == src);
    h.edge.type = kTypes[rng() % 5];
    h.edge.when = DateRange::point(Date::fromDays(18200 + static_cast<int32_t>(rng() % 60), DatePrecision::kDay));
    h.edge.confidence = 0.5f;
    h.evidenceCount = 1;
    return h;
  };
  for (ActorId a : actors)
    for (size_t i = 0, n = 60 + rng() % 81; i < n; ++i) list.push_back(randomEdge(a));
  std::map<EdgeId, storage::EdgeHeader> byId;
  for (const auto& h : list) byId[h.edge.id] = h;
  auto built = Snapshot::fromEdges(actors, inStoreOrder(list));
  REQUIRE(built.isOk());
  const std::string path = dir.sub("graph.snapshot");
  REQUIRE(writeSnapshotFile(path, **built, SnapshotStamp{"many", 1}).isOk());
  auto opened = openSnapshotFile(path);
  REQUIRE(opened.isOk());
  std::vector<storage::EdgeHeader> changed;
  for (ActorId a = 1; a <= kV; a += 10) changed.push_back(randomEdge(a));
  for (const auto& h : changed) byId[h.edge.id] = h;
  std::vector<storage::EdgeHeader> after;
  for (const auto& [id, h] : byId) after.push_back(h);
  auto fresh = Snapshot::fromEdges(actors, inStoreOrder(after));
  REQUIRE(fresh.isOk());

  const size_t before = processMappings();
  auto mappingsOf = [&](size_t maxPieces) {
    bool copied = true;
    auto merged = overlayChanges(*opened->snapshot, opened->backing, {}, changed, &copied, maxPieces);
    REQUIRE(merged.isOk());
    CHECK_FALSE(copied);
    requireSameGraph(**fresh, **merged);
    CHECK(answers(**merged, 3) == answers(**fresh, 3));
    return processMappings() - before;
  };
  const size_t bounded = mappingsOf(16);
  const size_t unbounded = mappingsOf(1'000'000);
  INFO("mappings: " << bounded << " with 16 pieces a side, " << unbounded << " with one per gap");
  // About two kernel mappings per piece for each of the 11 arrays, plus the
  // fresh memory: 16 pieces a side stay under 11 * 2 * 17 + 8.
  CHECK(bounded <= 11 * 2 * 17 + 8);
  CHECK(unbounded > 4 * bounded);  // the budget is what bounds them
}

TEST_CASE("SnapshotOverlay: kgd's chain of updates equals a fresh rebuild after every write", "[graph][snapfile][overlay]") {
  size_t withoutCopy = 0, folds = 0;
  for (uint32_t seed = 100; seed < 110; ++seed) {
    INFO("seed " << seed);
    World w(seed);
    w.writeBatch(30);
    auto current = loadSnapshot(*w.store, w.path, quiet(true, 64));
    REQUIRE(current.isOk());
    LoadedSnapshot s = std::move(current).value();
    for (int step = 0; step < 8; ++step) {
      INFO("step " << step << " stamp " << s.stamp.sequence << " unsaved " << s.unsaved);
      w.writeBatch(w.rng() % 12);
      auto next = updateSnapshot(*w.store, w.path, s, quiet(true, 4));
      REQUIRE(next.isOk());
      s = std::move(next).value();
      auto fresh = Snapshot::fromStore(*w.store);
      REQUIRE(fresh.isOk());
      requireSame(**fresh, *s.snapshot);
      if (!s.snapshot->contiguous()) ++withoutCopy;
      CHECK(answers(*s.snapshot, seed + static_cast<uint32_t>(step)) ==
            answers(**fresh, seed + static_cast<uint32_t>(step)));
      // Every update that merged something keeps the file it merges onto:
      // the file plus what the base says was written since it is this state.
      if (s.overlaid == 0) continue;  // nothing new: the snapshot before
      REQUIRE(s.base != nullptr);
      {
        auto again = applyChanges(*s.base->file.snapshot, s.base->actors, s.base->edges);
        REQUIRE(again.isOk());
        requireSameArrays(**fresh, **again);
      }
      // When folded, the file holds this state, maps as it is, and is what
      // the update hands out (its pages, not the copy that was saved).
      if (s.unsaved == 0) {
        ++folds;
        auto opened = openSnapshotFile(snapshotFilePath(w.path));
        REQUIRE(opened.isOk());
        CHECK(opened->stamp.sequence <= s.stamp.sequence);
        requireSameArrays(**fresh, *opened->snapshot);
        CHECK(s.snapshot->mapped());
        CHECK(s.base->file.stamp == s.stamp);
        CHECK(s.base->edges.empty());
      }
    }
  }
  CHECK(withoutCopy >= 20);  // of 80 updates: the path without copying is exercised
  CHECK(folds >= 5);
}

TEST_CASE("SnapshotOverlay: kgd's long chain of updates without a fold merges the file without copying",
          "[graph][snapfile][overlay]") {
  // kgd's path (updateSnapshot after each ingest) over many commits, none
  // folded: every update merges all writes since the file onto its mapping
  // and equals a fresh rebuild, row by row and by its answers; and the
  // snapshot it replaces is untouched (a query may still hold it).
  // mapFirst: kgd found a current file; else it built the snapshot (and
  // saved it), and its first update maps the saved file.
  auto run = [](bool mapFirst) {
    size_t withoutCopy = 0;
    for (uint32_t seed = 200; seed < 204; ++seed) {
      INFO("seed " << seed);
      World w(seed);
      w.lowIds = seed != 203;  // one world where a restored actor renumbers the vertices: those merges copy
      for (int i = 0; i < 6; ++i) w.writeBatch(80);
      auto current = loadSnapshot(*w.store, w.path, quiet(true, 64));
      REQUIRE(current.isOk());
      CHECK_FALSE(current->fromFile);
      CHECK(current->base == nullptr);
      if (mapFirst) {
        current = loadSnapshot(*w.store, w.path, quiet(true, 64));
        REQUIRE(current.isOk());
        CHECK(current->fromFile);
        CHECK(current->base != nullptr);
      }
      LoadedSnapshot s = std::move(current).value();
      for (int step = 0; step < 30; ++step) {
        INFO("step " << step);
        const std::string before = answers(*s.snapshot, 7);
        const std::shared_ptr<const Snapshot> held = s.snapshot;
        w.writeBatch(w.rng() % 25);
        auto next = updateSnapshot(*w.store, w.path, s, quiet(true, 0));
        REQUIRE(next.isOk());
        s = std::move(next).value();
        REQUIRE(s.base != nullptr);
        auto fresh = Snapshot::fromStore(*w.store);
        REQUIRE(fresh.isOk());
        requireSame(**fresh, *s.snapshot);
        if (!s.snapshot->contiguous()) ++withoutCopy;
        CHECK(answers(*s.snapshot, seed + static_cast<uint32_t>(step)) ==
              answers(**fresh, seed + static_cast<uint32_t>(step)));
        CHECK(answers(*held, 7) == before);
      }
    }
    CHECK(withoutCopy >= 90);  // of 120
  };
  SECTION("kgd opened a current file") { run(true); }
  SECTION("kgd built and saved the snapshot") { run(false); }
}

TEST_CASE("SnapshotOverlay: a write the change log does not cover means a rebuild", "[graph][snapfile][overlay]") {
  World w(7);
  w.writeBatch(40);
  REQUIRE(loadSnapshot(*w.store, w.path, quiet(true, 64)).isOk());
  w.writeBatch(10);
  const uint64_t fileSeq = openSnapshotFile(snapshotFilePath(w.path))->stamp.sequence;
  auto covered = w.store->changesSince(fileSeq, w.store->sequenceNumber());
  REQUIRE(covered.isOk());
  REQUIRE(covered->has_value());
  CHECK_FALSE((*covered)->edges.empty());

  SECTION("a bulk load (no change record)") {
    auto loader = w.store->newBulkLoader();
    REQUIRE(loader.isOk());
    Edge e = w.randomFact();
    e.title = "bulk";
    REQUIRE((*loader)->putEdge(e).isOk());
    REQUIRE((*loader)->finish().isOk());
  }
  SECTION("records dropped") {
    REQUIRE(w.store->dropChangesThrough(w.store->sequenceNumber()).isOk());
  }
  auto gap = w.store->changesSince(fileSeq, w.store->sequenceNumber());
  REQUIRE(gap.isOk());
  CHECK_FALSE(gap->has_value());
  auto loaded = loadSnapshot(*w.store, w.path, quiet(true, 64));
  REQUIRE(loaded.isOk());
  CHECK_FALSE(loaded->fromFile);  // rebuilt from the store
  auto fresh = Snapshot::fromStore(*w.store);
  REQUIRE(fresh.isOk());
  requireSameArrays(**fresh, *loaded->snapshot);
}

TEST_CASE("SnapshotOverlay: trimming drops only records the file reflects, and keeps the log gapless",
          "[graph][snapfile][overlay]") {
  World w(9);
  w.writeBatch(30);
  REQUIRE(loadSnapshot(*w.store, w.path, quiet(true, 64)).isOk());
  const uint64_t fileSeq = openSnapshotFile(snapshotFilePath(w.path))->stamp.sequence;
  w.writeBatch(10);
  w.writeBatch(10);
  REQUIRE(trimChangeLog(*w.store, w.path).isOk());
  // Everything since the file is still covered, through the trim's own record.
  auto since = w.store->changesSince(fileSeq, w.store->sequenceNumber());
  REQUIRE(since.isOk());
  REQUIRE(since->has_value());
  // Nothing before the file is left.
  auto all = w.store->changesSince(0, w.store->sequenceNumber());
  REQUIRE(all.isOk());
  CHECK_FALSE(all->has_value());
  auto merged = loadSnapshot(*w.store, w.path, quiet(false, 0));
  REQUIRE(merged.isOk());
  CHECK(merged->fromFile);
  auto fresh = Snapshot::fromStore(*w.store);
  REQUIRE(fresh.isOk());
  requireSame(**fresh, *merged->snapshot);
}

TEST_CASE("SnapshotOverlay: the overlay is folded into the file once it is large enough", "[graph][snapfile][overlay]") {
  World w(13);
  for (int i = 0; i < 5; ++i) w.writeBatch(50);
  auto first = loadSnapshot(*w.store, w.path, quiet(true, 64));
  REQUIRE(first.isOk());
  const size_t edges = first->snapshot->edgeCount();
  REQUIRE(edges > 64);
  const uint64_t fileSeq = first->stamp.sequence;
  w.writeBatch(1);  // far below 1/4 of the edges
  auto small = loadSnapshot(*w.store, w.path, quiet(true, 4));
  REQUIRE(small.isOk());
  CHECK(small->fromFile);
  CHECK(small->unsaved > 0);
  CHECK(openSnapshotFile(snapshotFilePath(w.path))->stamp.sequence == fileSeq);  // not folded
  for (int i = 0; i < 4; ++i) w.writeBatch(40);
  auto large = loadSnapshot(*w.store, w.path, quiet(true, 4));
  REQUIRE(large.isOk());
  CHECK(large->unsaved == 0);
  CHECK(openSnapshotFile(snapshotFilePath(w.path))->stamp == large->stamp);  // folded: the file is current
}

TEST_CASE("SnapshotOverlay: a merge that copies much of the graph anyway is folded into the file",
          "[graph][snapfile][overlay]") {
  // foldRatio 0: only the fresh memory counts. With a budget of 2 pieces a
  // side, writes to many rows close most gaps (their rows copied): folded
  // when its fresh memory is at least 1/foldFreshRatio of the file's arrays,
  // and the file then holds the merged state; kgd's update maps the saved
  // file.
  for (const bool viaUpdate : {false, true}) {
    INFO((viaUpdate ? "kgd's update" : "a kg process's load"));
    World w(21);
    w.lowIds = false;
    while (w.actors.size() < 100) w.writeBatch(0);  // many rows, so that 40 edges leave gaps between them
    for (int i = 0; i < 8; ++i) w.writeBatch(60);
    auto first = loadSnapshot(*w.store, w.path, quiet(true, 64));
    REQUIRE(first.isOk());
    const uint64_t fileSeq = first->stamp.sequence;
    LoadedSnapshot s = std::move(first).value();
    auto step = [&](size_t freshRatio) {
      LoadOptions o = quiet(true, 0);
      o.maxShiftedPieces = 2;
      o.foldFreshRatio = freshRatio;
      o.foldFreshMinBytes = 0;
      auto next = viaUpdate ? updateSnapshot(*w.store, w.path, s, o) : loadSnapshot(*w.store, w.path, o);
      REQUIRE(next.isOk());
      s = std::move(next).value();
      auto fresh = Snapshot::fromStore(*w.store);
      REQUIRE(fresh.isOk());
      requireSame(**fresh, *s.snapshot);
    };
    w.writeBatch(40);
    step(0);  // never folded for its fresh memory
    CHECK(openSnapshotFile(snapshotFilePath(w.path))->stamp.sequence == fileSeq);
    CHECK_FALSE(s.snapshot->contiguous());
    CHECK(s.unsaved > 0);
    w.writeBatch(40);
    step(1'000'000);  // folded as soon as it holds any fresh memory
    CHECK(s.unsaved == 0);
    auto opened = openSnapshotFile(snapshotFilePath(w.path));
    REQUIRE(opened.isOk());
    CHECK(opened->stamp == s.stamp);
    if (viaUpdate) {
      CHECK(s.snapshot->mapped());  // the saved file, mapped
      REQUIRE(s.base != nullptr);
      CHECK(s.base->file.stamp == s.stamp);
    }
  }
}

namespace {

std::string fileBytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

}  // namespace

TEST_CASE("SnapshotOverlay: a writer folds the file when a reader would, and otherwise leaves its bytes",
          "[graph][snapfile][overlay][writerfold]") {
  World w(17);
  for (int i = 0; i < 5; ++i) w.writeBatch(50);
  const std::string file = snapshotFilePath(w.path);
  LoadOptions o = quiet(true, 4);
  CHECK(foldSnapshotFile(*w.store, w.path, o).value() == WriterFold::kNone);  // no file yet
  auto first = loadSnapshot(*w.store, w.path, o);
  REQUIRE(first.isOk());
  REQUIRE(first->snapshot->edgeCount() > 64);
  CHECK(foldSnapshotFile(*w.store, w.path, o).value() == WriterFold::kCurrent);

  const std::string before = fileBytes(file);
  w.writeBatch(1);  // far below 1/4 of the edges
  auto notDue = foldSnapshotFile(*w.store, w.path, o);
  REQUIRE(notDue.isOk());
  CHECK(*notDue == WriterFold::kNotDue);
  CHECK(fileBytes(file) == before);  // nothing merged, nothing written

  for (int i = 0; i < 4; ++i) w.writeBatch(40);
  auto folded = foldSnapshotFile(*w.store, w.path, o);
  REQUIRE(folded.isOk());
  CHECK(*folded == WriterFold::kFolded);
  auto opened = openSnapshotFile(file);
  REQUIRE(opened.isOk());
  CHECK(opened->stamp == (SnapshotStamp{w.store->identity(), w.store->sequenceNumber()}));
  auto fresh = Snapshot::fromStore(*w.store);
  REQUIRE(fresh.isOk());
  requireSameArrays(**fresh, *opened->snapshot);
  // The next reader maps it as it is: nothing to merge, nothing saved.
  const std::string saved = fileBytes(file);
  auto read = loadSnapshot(*w.store, w.path, o);
  REQUIRE(read.isOk());
  CHECK(read->fromFile);
  CHECK(read->overlaid == 0);
  CHECK(fileBytes(file) == saved);
  CHECK(answers(*read->snapshot, 17) == answers(**fresh, 17));
}

TEST_CASE("SnapshotOverlay: a writer leaves a file the change log does not cover to the readers",
          "[graph][snapfile][overlay][writerfold]") {
  World w(19);
  w.writeBatch(40);
  REQUIRE(loadSnapshot(*w.store, w.path, quiet(true, 64)).isOk());
  for (int i = 0; i < 3; ++i) w.writeBatch(40);
  REQUIRE(w.store->dropChangesThrough(w.store->sequenceNumber()).isOk());  // a gap, as a bulk load leaves
  const std::string before = fileBytes(snapshotFilePath(w.path));
  auto r = foldSnapshotFile(*w.store, w.path, quiet(true, 4));
  REQUIRE(r.isOk());
  CHECK(*r == WriterFold::kNone);
  CHECK(fileBytes(snapshotFilePath(w.path)) == before);
}

TEST_CASE("SnapshotOverlay: a writer's plan foresees the fresh memory of the merge and folds as the reader would",
          "[graph][snapfile][overlay][writerfold]") {
  // overlayFreshBytes (the plan only) against overlayChanges' freshBytes on
  // random worlds and writes, with small piece budgets so that gaps close;
  // then the writer folds at a fresh-memory ratio the merge reaches (the
  // size rule off), and the file it saves is a fresh rebuild's.
  int folds = 0;
  for (uint32_t seed = 60; seed < 70; ++seed) {
    INFO("seed " << seed);
    World w(seed);
    w.lowIds = seed % 2 == 0;
    while (w.actors.size() < 60) w.writeBatch(0);
    for (int i = 0; i < 6; ++i) w.writeBatch(50);
    REQUIRE(loadSnapshot(*w.store, w.path, quiet(true, 64)).isOk());
    for (int i = 0; i < 1 + static_cast<int>(seed % 3); ++i) w.writeBatch(5 + seed % 30);
    auto opened = openSnapshotFile(snapshotFilePath(w.path));
    REQUIRE(opened.isOk());
    auto changes = w.store->changesSince(opened->stamp.sequence, w.store->sequenceNumber());
    REQUIRE(changes.isOk());
    REQUIRE(changes->has_value());
    std::vector<storage::EdgeHeader> edges;
    for (EdgeId id : (*changes)->edges) edges.push_back(w.store->getEdgeHeader(id).value().value());
    const size_t pieces = 2 + seed % 5;
    size_t fresh = 0;
    auto merged =
        overlayChanges(*opened->snapshot, opened->backing, (*changes)->actors, edges, nullptr, pieces, nullptr, &fresh);
    REQUIRE(merged.isOk());
    auto planned = overlayFreshBytes(*opened->snapshot, opened->backing, (*changes)->actors, edges, pieces);
    REQUIRE(planned.isOk());
    if ((*merged)->contiguous())
      CHECK(*planned == opened->snapshot->memoryBytes());  // it copied: the plan says "the whole graph"
    else
      CHECK(*planned == fresh);

    // The writer folds at a ratio the merge reaches, not at one it misses.
    LoadOptions o = quiet(true, 0);
    o.maxShiftedPieces = pieces;
    o.foldFreshMinBytes = 0;
    o.foldFreshRatio = std::max<size_t>(1, opened->snapshot->memoryBytes() / fresh) + 1;  // fresh * ratio > memory
    auto r = foldSnapshotFile(*w.store, w.path, o);
    REQUIRE(r.isOk());
    CHECK(*r == WriterFold::kFolded);
    ++folds;
    auto after = openSnapshotFile(snapshotFilePath(w.path));
    REQUIRE(after.isOk());
    CHECK(after->stamp.sequence == w.store->sequenceNumber());
    auto rebuilt = Snapshot::fromStore(*w.store);
    REQUIRE(rebuilt.isOk());
    requireSameArrays(**rebuilt, *after->snapshot);
  }
  CHECK(folds == 10);
}

TEST_CASE("ChangeLog: every commit's record covers exactly the sequence numbers it took", "[storage][overlay]") {
  World w(17);
  uint64_t before = w.store->sequenceNumber();
  for (int i = 0; i < 10; ++i) {
    w.writeBatch(w.rng() % 8);
    const uint64_t after = w.store->sequenceNumber();
    REQUIRE(after > before);
    auto c = w.store->changesSince(before, after);
    REQUIRE(c.isOk());
    REQUIRE(c->has_value());
    before = after;
  }
  // An empty range is covered trivially; a range starting inside a commit is not.
  auto none = w.store->changesSince(before, before);
  REQUIRE(none.isOk());
  CHECK(none->has_value());
  auto inside = w.store->changesSince(before - 1, before);
  REQUIRE(inside.isOk());
  CHECK_FALSE(inside->has_value());
}
