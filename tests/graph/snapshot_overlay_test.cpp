// Snapshot overlays (graph/snapshot_overlay.h, loadSnapshot/updateSnapshot of
// graph/snapshot_file.h): a stale snapshot plus the writes the change log
// names is the snapshot a fresh rebuild gives — the same arrays, byte for
// byte, and so the same answers — on random graphs and random sequences of
// writes: new actors (also below the highest id, which renumbers vertices),
// new edges, new evidence on stored edges (evidence count, confidence), facts
// that move a stored edge to another date, restored edges. The store has no
// edge removal and no actor merge, so there are none to test.
#include <catch2/catch.hpp>

#include <filesystem>
#include <random>
#include <sstream>
#include <type_traits>

#include "../support/temp_dir.h"
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
          if (rng() % 2 && top > 1) {
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

LoadOptions quiet(bool save, size_t foldRatio) {
  LoadOptions o;
  o.save = save;
  o.foldRatio = foldRatio;
  o.report = [](const std::string& line) { FAIL("unexpected report: " << line); };
  return o;
}

}  // namespace

TEST_CASE("SnapshotOverlay: a stale file plus the logged writes equals a fresh rebuild", "[graph][snapfile][overlay]") {
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
      requireSameArrays(**fresh, *merged->snapshot);
      CHECK(answers(*merged->snapshot, seed + round) == answers(**fresh, seed + round));
    }
  }
}

TEST_CASE("SnapshotOverlay: kgd's chain of updates equals a fresh rebuild after every write", "[graph][snapfile][overlay]") {
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
      requireSameArrays(**fresh, *s.snapshot);
      // When folded, the file holds this state and maps as it is.
      if (s.unsaved == 0) {
        auto opened = openSnapshotFile(snapshotFilePath(w.path));
        REQUIRE(opened.isOk());
        CHECK(opened->stamp.sequence <= s.stamp.sequence);
        requireSameArrays(**fresh, *opened->snapshot);
      }
    }
  }
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
  requireSameArrays(**fresh, *merged->snapshot);
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
