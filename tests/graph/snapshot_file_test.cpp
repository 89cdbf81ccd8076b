// Snapshot files (graph/snapshot_file.h): a mapped file answers every query
// as the snapshot it was written from; a stale file is rebuilt; a damaged,
// truncated, foreign or half-written one is reported and rebuilt, never used.
#include <catch2/catch.hpp>

#include <bit>
#include <csignal>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <sys/wait.h>
#include <unistd.h>

#include "../support/file_damage.h"
#include "../support/snapshot_spec.h"
#include "../support/temp_dir.h"
#include "graph/snapshot_file.h"
#include "query/components.h"
#include "query/neighbourhood.h"
#include "query/paths.h"
#include "query/ranking.h"
#include "query/timeline.h"
#include "storage/graph_store.h"

using namespace kg;
using namespace kg::graph;
using kg::testing::TempDir;

namespace {

constexpr uint64_t kIdentitySeq = 7;

// Random edges over `actors` with every attribute the snapshot keeps varied.
storage::EdgeHeader randomEdge(std::mt19937& rng, const std::vector<ActorId>& actors, EdgeId id) {
  storage::EdgeHeader h;
  Edge& e = h.edge;
  e.id = id;
  e.src = actors[rng() % actors.size()];
  do e.dst = actors[rng() % actors.size()];
  while (e.dst == e.src);
  static constexpr EdgeType kTypes[] = {EdgeType::kConsult, EdgeType::kAssault, EdgeType::kAccuse,
                                        EdgeType::kMemberOf, EdgeType::kStatement};
  e.type = kTypes[rng() % 5];
  const int32_t day = 17500 + static_cast<int32_t>(rng() % 1500);
  const CivilDate c = civilFromDays(day);
  switch (rng() % 4) {
    case 0: break;  // undated
    case 1: e.when = DateRange::point(Date::fromDays(day, DatePrecision::kDay)); break;
    case 2: e.when = {Date::month(c.year, c.month), Date::year(c.year + 1)}; break;
    default: e.when = DateRange::point(Date::fromDays(day, DatePrecision::kDay));
  }
  e.confidence = static_cast<float>(1 + rng() % 100) / 100.0f;
  static const char* kCameo[] = {"", "190", "0211", "04", "1"};
  e.cameo = kCameo[rng() % 5];
  e.title = "t" + std::to_string(rng() % 1000000);  // distinct facts: the merge rule keeps them apart
  h.evidenceCount = rng() % 50;
  return h;
}

std::string ids(const Snapshot& s, const std::vector<VertexId>& vs) {
  std::string out;
  for (VertexId v : vs) out += std::to_string(s.actorId(v)) + " ";
  return out;
}

std::string ids(const Snapshot& s, const std::vector<EdgeRef>& es) {
  std::string out;
  for (const EdgeRef& e : es) out += std::to_string(s.edgeId(e.index)) + " ";
  return out;
}

// A canonical text of the answers to many queries (by actor and edge ids, so
// that two snapshots of one store compare equal whatever their indices).
std::string answers(const Snapshot& s, uint32_t seed) {
  std::ostringstream out;
  std::mt19937 rng(seed);
  const size_t n = s.vertexCount();
  if (n < 2) return "tiny graph\n";
  for (int i = 0; i < 12; ++i) {
    const auto a = static_cast<VertexId>(rng() % n);
    auto b = static_cast<VertexId>(rng() % n);
    if (b == a) b = static_cast<VertexId>((a + 1) % n);
    query::NeighbourhoodOptions no;
    no.depth = 2;
    auto nb = query::neighbourhood(s, a, no);
    REQUIRE(nb.isOk());
    out << "nb " << s.actorId(a) << ": " << ids(s, nb->nodes) << "| " << ids(s, nb->edges) << nb->truncated << "\n";
    for (auto mode : {query::PathMode::kShortest, query::PathMode::kAllShortest, query::PathMode::kKShortest,
                      query::PathMode::kWeighted, query::PathMode::kTemporal}) {
      query::PathOptions po;
      po.mode = mode;
      auto p = query::findPaths(s, a, b, po);
      out << "path " << query::pathModeName(mode) << " " << s.actorId(a) << "-" << s.actorId(b) << ": ";
      if (!p) {
        out << p.status().message() << "\n";
        continue;
      }
      for (const auto& path : p->paths) out << ids(s, path.nodes) << "/ " << ids(s, path.edges) << path.cost << "; ";
      out << "\n";
    }
    query::Filter window;
    window.fromDay = 18000;
    window.toDay = 18400;
    auto tl = query::timeline(s, a, window);
    REQUIRE(tl.isOk());
    out << "timeline " << s.actorId(a) << ": " << ids(s, tl.value()) << "\n";
  }
  for (auto m : {query::RankMeasure::kDegree, query::RankMeasure::kPageRank, query::RankMeasure::kBetweenness}) {
    query::RankOptions ro;
    ro.measure = m;
    ro.top = 10;
    auto r = query::rank(s, ro);
    REQUIRE(r.isOk());
    out << "rank " << query::rankMeasureName(m) << ":";
    for (const auto& x : r->top) out << " " << s.actorId(x.vertex) << "=" << x.score;
    out << "\n";
  }
  auto c = query::components(s, query::Filter{});
  REQUIRE(c.isOk());
  out << "components " << c->components.size() << " isolated " << c->isolated << "\n";
  return out.str();
}

// Every array of both snapshots, element by element.
void requireSameArrays(const Snapshot& x, const Snapshot& y) {
  const SnapshotArrays& a = x.arrays();
  const SnapshotArrays& b = y.arrays();
  auto same = [](auto p, auto q) { return std::equal(p.begin(), p.end(), q.begin(), q.end()); };
  CHECK(same(a.actorIds, b.actorIds));
  CHECK(same(a.outRow, b.outRow));
  CHECK(same(a.outCol, b.outCol));
  CHECK(same(a.inRow, b.inRow));
  CHECK(same(a.inCol, b.inCol));
  CHECK(same(a.inEdge, b.inEdge));
  CHECK(same(a.type, b.type));
  CHECK(same(a.first, b.first));
  CHECK(same(a.last, b.last));
  CHECK(same(a.precision, b.precision));
  CHECK(same(a.conf, b.conf));
  CHECK(same(a.evidence, b.evidence));
  CHECK(same(a.cameo, b.cameo));
  CHECK(same(a.edgeId, b.edgeId));
  CHECK(same(a.typeSpan, b.typeSpan));
  CHECK(same(a.runVertex, b.runVertex));
  CHECK(same(a.runStart, b.runStart));
}

std::shared_ptr<const Snapshot> randomSnapshot(uint32_t seed, size_t actors, size_t edges) {
  std::mt19937 rng(seed);
  std::vector<ActorId> ids;
  for (size_t i = 0; i < actors; ++i) ids.push_back(10 + 3 * i);
  std::vector<storage::EdgeHeader> hs;
  for (size_t i = 0; i < edges; ++i) hs.push_back(randomEdge(rng, ids, 1 + i));
  ids.push_back(100000);  // an isolated actor
  auto s = Snapshot::fromEdges(ids, hs);
  REQUIRE(s.isOk());
  return s.value();
}

const SnapshotStamp kStamp{"test-identity", kIdentitySeq};

std::vector<char> readBytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void writeBytes(const std::string& path, const std::vector<char>& bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

// A store with `actors` actors and `edges` random edges.
struct TestStore {
  TempDir dir;
  std::string path = dir.sub("db");
  std::unique_ptr<storage::GraphStore> store;
  std::vector<ActorId> actors;
  std::mt19937 rng;

  explicit TestStore(uint32_t seed) : rng(seed) {
    auto s = storage::openStore(path, storage::StoreOptions{});
    REQUIRE(s.isOk());
    store = std::move(s).value();
  }

  void addActors(size_t n) {
    auto batch = store->newBatch();
    for (size_t i = 0; i < n; ++i) {
      Actor a;
      a.name = "actor " + std::to_string(actors.size() + i) + " of " + std::to_string(rng());
      auto id = batch->putActor(a, {});
      REQUIRE(id.isOk());
      actors.push_back(id.value());
    }
    REQUIRE(store->commit(*batch).isOk());
  }

  void addEdges(size_t n) {
    auto batch = store->newBatch();
    for (size_t i = 0; i < n; ++i) REQUIRE(batch->putEdge(randomEdge(rng, actors, 0).edge).isOk());
    REQUIRE(store->commit(*batch).isOk());
  }

  LoadedSnapshot load(std::vector<std::string>* reports = nullptr,
                      std::chrono::milliseconds settle = LoadOptions{}.verifySettle) {
    LoadOptions o;
    o.verifySettle = settle;
    o.report = [reports](const std::string& line) {
      if (reports) reports->push_back(line);
    };
    auto l = loadSnapshot(*store, path, o);
    REQUIRE(l.isOk());
    return std::move(l).value();
  }
};

}  // namespace

TEST_CASE("SnapshotFile: a written file maps back to the same arrays and the same answers", "[graph][snapfile]") {
  TempDir dir;
  const std::string path = dir.sub("graph.snapshot");
  for (uint32_t seed : {1u, 2u, 3u}) {
    auto built = randomSnapshot(seed, 40 + 20 * seed, 300 * seed);
    REQUIRE(writeSnapshotFile(path, *built, kStamp).isOk());
    for (auto verify : {SnapshotVerify::kFull, SnapshotVerify::kHeader}) {
      auto opened = openSnapshotFile(path, verify);
      REQUIRE(opened.isOk());
      CHECK(opened->stamp == kStamp);
      const Snapshot& m = *opened->snapshot;
      CHECK(m.mapped());
      CHECK_FALSE(built->mapped());
      REQUIRE(m.vertexCount() == built->vertexCount());
      REQUIRE(m.edgeCount() == built->edgeCount());
      requireSameArrays(*built, m);
      CHECK(answers(m, seed) == answers(*built, seed));
    }
  }
}

TEST_CASE("SnapshotFile: an empty graph round-trips", "[graph][snapfile]") {
  TempDir dir;
  const std::string path = dir.sub("graph.snapshot");
  auto empty = Snapshot::fromEdges({}, {});
  REQUIRE(empty.isOk());
  REQUIRE(writeSnapshotFile(path, **empty, kStamp).isOk());
  auto opened = openSnapshotFile(path);
  REQUIRE(opened.isOk());
  CHECK(opened->snapshot->vertexCount() == 0);
  CHECK(opened->snapshot->edgeCount() == 0);
}

TEST_CASE("SnapshotFile: a stale file plus newer writes answers what a fresh rebuild answers", "[graph][snapfile]") {
  for (uint32_t seed = 1; seed <= 6; ++seed) {
    INFO("seed " << seed);
    TestStore db(seed);
    db.addActors(30);
    db.addEdges(200);
    LoadedSnapshot first = db.load();
    CHECK_FALSE(first.fromFile);  // no file yet: built and saved
    CHECK(std::filesystem::exists(snapshotFilePath(db.path)));
    LoadedSnapshot again = db.load();
    CHECK(again.fromFile);
    requireSameArrays(*first.snapshot, *again.snapshot);

    // A random sequence of writes: new actors, new edges, facts that merge
    // into stored edges (more evidence, higher confidence).
    std::mt19937 rng(seed * 7919);
    const int writes = 1 + static_cast<int>(rng() % 5);
    for (int w = 0; w < writes; ++w) {
      if (rng() % 3 == 0) db.addActors(1 + rng() % 4);
      db.addEdges(1 + rng() % 40);
    }
    std::vector<std::string> reports;
    LoadedSnapshot after = db.load(&reports);
    CHECK(reports.empty());  // staleness is not a problem worth a line
    CHECK(after.fromFile);     // the file plus the writes the change log names
    CHECK(after.overlaid > 0);
    auto fresh = Snapshot::fromStore(*db.store);
    REQUIRE(fresh.isOk());
    requireSameArrays(**fresh, *after.snapshot);
    CHECK(answers(*after.snapshot, seed) == answers(**fresh, seed));
    CHECK(after.snapshot->edgeCount() > first.snapshot->edgeCount());
    // The next load maps the file (folded, or merged again).
    LoadedSnapshot mapped = db.load();
    CHECK(mapped.fromFile);
    requireSameArrays(**fresh, *mapped.snapshot);
    CHECK(answers(*mapped.snapshot, seed) == answers(**fresh, seed));
  }
}

// FORMAT.md "Graph snapshot file": the array table at 120, 24 bytes an
// entry (offset, bytes, checksum); the header checksum at 536.
size_t arrayOffset(const std::vector<char>& b, size_t array) {
  uint64_t offset;
  std::memcpy(&offset, &b[120 + array * 24], 8);
  return offset;
}

// `b` with every checksum made to match its bytes again: damage only the
// content checks can see.
void resum(std::vector<char>& b) {
  kg::testing::resumSnapshot(reinterpret_cast<unsigned char*>(b.data()), b.size());
}

// fuzz_snapshot's seed column_out_of_range (tests/fuzz/corpus/fuzz_snapshot):
// a file whose checksums match but whose arrays hold entries no writer makes
// was opened, and queries index by those entries unchecked.
TEST_CASE("SnapshotFile: contents no writer makes are Corruption even when the checksums match",
          "[graph][snapfile]") {
  TestStore db(13);
  db.addActors(20);
  db.addEdges(150);
  const std::string file = snapshotFilePath(db.path);
  LoadedSnapshot good = db.load();
  const std::vector<char> original = readBytes(file);
  auto put32 = [](std::vector<char>& b, size_t at, uint32_t v) { std::memcpy(&b[at], &v, 4); };
  struct Damage {
    const char* name;
    std::function<void(std::vector<char>&)> apply;
    const char* message;
  };
  const std::vector<Damage> damages = {
      {"a target past the vertices", [&](auto& b) { put32(b, arrayOffset(b, 2) + 4 * 7, 20000); }, "outCol entry 7"},
      {"a reverse source past the vertices", [&](auto& b) { put32(b, arrayOffset(b, 4), 0xffffffffu); }, "inCol entry 0"},
      {"a reverse edge past the edges", [&](auto& b) { put32(b, arrayOffset(b, 5) + 4, 150); }, "inEdge entry 1"},
      {"rows going backwards", [&](auto& b) { put32(b, arrayOffset(b, 1) + 4 * 3, 0xfffffff0u); }, "outRow entry"},
      {"actor ids out of order", [&](auto& b) { std::swap(b[arrayOffset(b, 0)], b[arrayOffset(b, 0) + 8]); },
       "actorIds entry"},
      {"an unknown date precision", [&](auto& b) { b[arrayOffset(b, 9) + 5] = '\x77'; }, "precision entry 5"},
  };
  for (const auto& d : damages) {
    SECTION(d.name) {
      std::vector<char> bytes = original;
      d.apply(bytes);
      resum(bytes);
      writeBytes(file, bytes);
      auto opened = openSnapshotFile(file);
      REQUIRE_FALSE(opened.isOk());
      CHECK(opened.status().code() == StatusCode::kCorruption);
      CHECK_THAT(opened.status().message(), Catch::Contains(d.message) && Catch::Contains(file));
      std::vector<std::string> reports;
      LoadedSnapshot loaded = db.load(&reports);
      CHECK_FALSE(loaded.fromFile);
      REQUIRE(reports.size() == 1);
      CHECK_THAT(reports[0], Catch::Contains(d.message) && Catch::Contains("rebuilding"));
      requireSameArrays(*good.snapshot, *loaded.snapshot);
      CHECK(readBytes(file) == original);
    }
  }
  SECTION("the resummed file itself is accepted") {
    std::vector<char> bytes = original;
    resum(bytes);
    CHECK(bytes == original);  // the test's kgsum64 is the file's
  }
}

TEST_CASE("SnapshotFile: a run index that leaves its rows is Corruption even when the checksums match",
          "[graph][snapfile]") {
  TestStore db(17);
  db.addActors(4);
  db.addEdges(1200);  // about 300 edges a row: every vertex is indexed
  const std::string file = snapshotFilePath(db.path);
  LoadedSnapshot good = db.load();
  REQUIRE(good.snapshot->arrays().runVertex.size() == 4);
  const std::vector<char> original = readBytes(file);
  auto put32 = [](std::vector<char>& b, size_t at, uint32_t v) { std::memcpy(&b[at], &v, 4); };
  struct Damage {
    const char* name;
    std::function<void(std::vector<char>&)> apply;
    const char* message;
  };
  const std::vector<Damage> damages = {
      {"a type-run start past its row", [&](auto& b) { put32(b, arrayOffset(b, 15) + 4 * 3, 5000); },
       "runStart entry 3"},
      {"type-run starts going backwards", [&](auto& b) { put32(b, arrayOffset(b, 15) + 4 * 48, 0); },
       "runStart entry 48"},
      {"indexed vertices out of order", [&](auto& b) { put32(b, arrayOffset(b, 14) + 4, 0); }, "runVertex entry 1"},
      {"an edge of no known type", [&](auto& b) { b[arrayOffset(b, 6) + 9] = '\x40'; }, "type entry 9"},
  };
  for (const auto& d : damages) {
    SECTION(d.name) {
      std::vector<char> bytes = original;
      d.apply(bytes);
      resum(bytes);
      writeBytes(file, bytes);
      auto opened = openSnapshotFile(file);
      REQUIRE_FALSE(opened.isOk());
      CHECK(opened.status().code() == StatusCode::kCorruption);
      CHECK_THAT(opened.status().message(), Catch::Contains(d.message));
      std::vector<std::string> reports;
      LoadedSnapshot loaded = db.load(&reports);
      CHECK_FALSE(loaded.fromFile);
      REQUIRE(reports.size() == 1);
      requireSameArrays(*good.snapshot, *loaded.snapshot);
      CHECK(readBytes(file) == original);
    }
  }
}

TEST_CASE("SnapshotFile: a version 1 file (before the run index) is reported and rebuilt", "[graph][snapfile]") {
  TestStore db(19);
  db.addActors(10);
  db.addEdges(60);
  const std::string file = snapshotFilePath(db.path);
  LoadedSnapshot good = db.load();
  const std::vector<char> original = readBytes(file);
  // A version 1 file starts like this one; its version field says 1.
  std::vector<char> old = original;
  old.resize(700);
  old[8] = 1;
  writeBytes(file, old);
  std::vector<std::string> reports;
  LoadedSnapshot loaded = db.load(&reports);
  CHECK_FALSE(loaded.fromFile);
  REQUIRE(reports.size() == 1);
  CHECK_THAT(reports[0], Catch::Contains("layout version 1, this kg reads version 2") && Catch::Contains("rebuilding"));
  requireSameArrays(*good.snapshot, *loaded.snapshot);
  CHECK(readBytes(file) == original);
  CHECK(db.load().fromFile);
}

TEST_CASE("SnapshotFile: a damaged, truncated or foreign file is reported and rebuilt", "[graph][snapfile]") {
  TestStore db(11);
  db.addActors(20);
  db.addEdges(150);
  const std::string file = snapshotFilePath(db.path);
  LoadedSnapshot good = db.load();
  const std::vector<char> original = readBytes(file);
  REQUIRE(original.size() > 1024);
  constexpr size_t kHeaderBytes = 1024;  // FORMAT.md: the arrays start here

  struct Damage {
    const char* name;
    std::function<void(std::vector<char>&)> apply;
    const char* message;  // what the report must say
  };
  const std::vector<Damage> damages = {
      {"a bit flipped in an array", [](auto& b) { b[b.size() - 70] ^= 0x10; }, "checksum mismatch in array"},
      {"a bit flipped in the first array", [&](auto& b) { b[kHeaderBytes + 3] ^= 0x01; }, "checksum mismatch in array actorIds"},
      {"a bit flipped in the header", [](auto& b) { b[30] ^= 0x04; }, "header checksum mismatch"},
      {"truncated in the arrays", [](auto& b) { b.resize(b.size() - 100); }, "truncated"},
      {"truncated in the header", [](auto& b) { b.resize(100); }, "truncated"},
      {"empty", [](auto& b) { b.clear(); }, "empty"},
      {"another magic", [](auto& b) { b[0] = 'X'; }, "bad magic"},
      {"another layout version", [](auto& b) { b[8] = 9; }, "layout version 9"},
  };
  for (const auto& d : damages) {
    SECTION(d.name) {
      std::vector<char> bytes = original;
      d.apply(bytes);
      writeBytes(file, bytes);
      auto opened = openSnapshotFile(file);
      REQUIRE_FALSE(opened.isOk());
      CHECK(opened.status().code() == StatusCode::kCorruption);
      CHECK_THAT(opened.status().message(), Catch::Contains(d.message) && Catch::Contains(file));
      std::vector<std::string> reports;
      LoadedSnapshot loaded = db.load(&reports);
      CHECK_FALSE(loaded.fromFile);
      REQUIRE(reports.size() == 1);
      CHECK_THAT(reports[0], Catch::Contains(file) && Catch::Contains(d.message) && Catch::Contains("rebuilding"));
      requireSameArrays(*good.snapshot, *loaded.snapshot);
      // Rebuilt and saved: the file is whole again.
      CHECK(readBytes(file) == original);
      CHECK(db.load().fromFile);
    }
  }
  SECTION("another database's file") {
    TestStore other(12);
    other.addActors(5);
    other.addEdges(10);
    other.load();
    std::filesystem::copy_file(snapshotFilePath(other.path), file, std::filesystem::copy_options::overwrite_existing);
    std::vector<std::string> reports;
    LoadedSnapshot loaded = db.load(&reports);
    CHECK_FALSE(loaded.fromFile);
    REQUIRE(reports.size() == 1);
    CHECK_THAT(reports[0], Catch::Contains(file) && Catch::Contains("another database"));
    requireSameArrays(*good.snapshot, *loaded.snapshot);
    CHECK(db.load().fromFile);
  }
}

TEST_CASE("SnapshotFile: a file of a later state than a read-only open sees is left alone", "[graph][snapfile]") {
  TestStore db(21);
  db.addActors(10);
  db.addEdges(40);
  const std::string file = snapshotFilePath(db.path);
  // Forge a current file stamped with a sequence number from the future.
  auto fresh = Snapshot::fromStore(*db.store);
  REQUIRE(fresh.isOk());
  const SnapshotStamp future{db.store->identity(), db.store->sequenceNumber() + 100};
  REQUIRE(writeSnapshotFile(file, **fresh, future).isOk());
  LoadedSnapshot loaded = db.load();
  CHECK_FALSE(loaded.fromFile);
  auto opened = openSnapshotFile(file);
  REQUIRE(opened.isOk());
  CHECK(opened->stamp == future);  // not overwritten by the older view
}

TEST_CASE("SnapshotFile: a writer killed while writing leaves the previous file usable", "[graph][snapfile]") {
  TempDir dir;
  const std::string path = dir.sub("graph.snapshot");
  auto old = randomSnapshot(5, 30, 200);
  auto next = randomSnapshot(6, 50, 400);
  REQUIRE(writeSnapshotFile(path, *old, kStamp).isOk());
  for (const char* point : {"snapshot.mid_write", "snapshot.before_rename"}) {
    SECTION(std::string("killed at ") + point) {
      const pid_t child = ::fork();
      REQUIRE(child >= 0);
      if (child == 0) {
        ::setenv("KG_KILL_POINT", point, 1);
        (void)writeSnapshotFile(path, *next, SnapshotStamp{"test-identity", kIdentitySeq + 1});
        ::_exit(0);  // not reached: the kill point kills the child
      }
      int status = 0;
      REQUIRE(::waitpid(child, &status, 0) == child);
      REQUIRE(WIFSIGNALED(status));
      CHECK(WTERMSIG(status) == SIGKILL);
      // The previous file is untouched and whole.
      auto opened = openSnapshotFile(path);
      REQUIRE(opened.isOk());
      CHECK(opened->stamp == kStamp);
      requireSameArrays(*old, *opened->snapshot);
      // The dead writer's temporary file is there, and the next write removes it.
      const std::string tmp = path + ".tmp-" + std::to_string(child);
      CHECK(std::filesystem::exists(tmp));
      REQUIRE(writeSnapshotFile(path, *next, SnapshotStamp{"test-identity", kIdentitySeq + 1}).isOk());
      CHECK_FALSE(std::filesystem::exists(tmp));
      auto reopened = openSnapshotFile(path);
      REQUIRE(reopened.isOk());
      requireSameArrays(*next, *reopened->snapshot);
    }
  }
}

TEST_CASE("SnapshotFile: a missing file is built and saved without a report", "[graph][snapfile]") {
  TestStore db(31);
  db.addActors(8);
  db.addEdges(20);
  std::vector<std::string> reports;
  LoadedSnapshot l = db.load(&reports);
  CHECK(reports.empty());
  CHECK_FALSE(l.fromFile);
  CHECK(l.stamp.sequence == db.store->sequenceNumber());
  CHECK(l.stamp.identity == db.store->identity());
  CHECK_FALSE(l.stamp.identity.empty());
  auto opened = openSnapshotFile(snapshotFilePath(db.path));
  INFO(opened.status().message());
  CHECK(opened.isOk());
}

// SnapshotVerify::kOnce (graph/README.md, "Verified once"): a file is read
// whole the first time, then its verification record stands in for the
// reading until anything changes the file; a short settle time stands in for
// kVerifySettle's two seconds.
namespace {

constexpr std::chrono::milliseconds kSettle{30};

std::string readText(const std::string& path) {
  const std::vector<char> b = readBytes(path);
  return {b.begin(), b.end()};
}

}  // namespace

TEST_CASE("SnapshotFile: kOnce reads a file whole once, then trusts its record until the file is replaced",
          "[graph][snapfile][verify]") {
  TempDir dir;
  const std::string path = dir.sub("graph.snapshot");
  auto built = randomSnapshot(4, 60, 900);
  REQUIRE(writeSnapshotFile(path, *built, kStamp).isOk());
  kg::testing::waitSettled(path, kSettle);
  auto first = openSnapshotFile(path, SnapshotVerify::kOnce, kSettle);
  REQUIRE(first.isOk());
  CHECK(first->checked == SnapshotChecked::kWhole);
  CHECK(std::filesystem::exists(verificationRecordPath(path)));
  auto second = openSnapshotFile(path, SnapshotVerify::kOnce, kSettle);
  REQUIRE(second.isOk());
  CHECK(second->checked == SnapshotChecked::kRecorded);
  CHECK(second->stamp == kStamp);
  requireSameArrays(*built, *second->snapshot);
  CHECK(answers(*second->snapshot, 4) == answers(*built, 4));
  // kFull never takes a record's word; kHeader never reads one.
  CHECK(openSnapshotFile(path, SnapshotVerify::kFull, kSettle)->checked == SnapshotChecked::kWhole);
  CHECK(openSnapshotFile(path, SnapshotVerify::kHeader, kSettle)->checked == SnapshotChecked::kHeader);
  // A save renames a new file over it: another version, read whole once more.
  REQUIRE(writeSnapshotFile(path, *built, kStamp).isOk());
  kg::testing::waitSettled(path, kSettle);
  CHECK(openSnapshotFile(path, SnapshotVerify::kOnce, kSettle)->checked == SnapshotChecked::kWhole);
  CHECK(openSnapshotFile(path, SnapshotVerify::kOnce, kSettle)->checked == SnapshotChecked::kRecorded);
}

TEST_CASE("SnapshotFile: a file changed less than the settle time ago is read whole at every open",
          "[graph][snapfile][verify]") {
  TempDir dir;
  const std::string path = dir.sub("graph.snapshot");
  auto built = randomSnapshot(5, 30, 200);
  REQUIRE(writeSnapshotFile(path, *built, kStamp).isOk());
  for (int i = 0; i < 2; ++i) {
    auto opened = openSnapshotFile(path, SnapshotVerify::kOnce, std::chrono::hours(1));
    REQUIRE(opened.isOk());
    CHECK(opened->checked == SnapshotChecked::kWhole);
  }
  CHECK_FALSE(std::filesystem::exists(verificationRecordPath(path)));
}

TEST_CASE("SnapshotFile: a copied database's file is read whole, though its record was copied with it",
          "[graph][snapfile][verify]") {
  TestStore db(27);
  db.addActors(15);
  db.addEdges(120);
  const std::string file = snapshotFilePath(db.path);
  db.load(nullptr, kSettle);
  kg::testing::waitSettled(file, kSettle);
  db.load(nullptr, kSettle);  // reads it whole and records it
  REQUIRE(openSnapshotFile(file, SnapshotVerify::kOnce, kSettle)->checked == SnapshotChecked::kRecorded);
  const std::string copy = db.dir.sub("copy.snapshot");
  std::filesystem::copy_file(file, copy);
  std::filesystem::copy_file(verificationRecordPath(file), verificationRecordPath(copy));
  kg::testing::waitSettled(copy, kSettle);
  CHECK(openSnapshotFile(copy, SnapshotVerify::kOnce, kSettle)->checked == SnapshotChecked::kWhole);
}

TEST_CASE("SnapshotFile: damage done after the file was verified once (same size, mtime put back) is caught",
          "[graph][snapfile][verify]") {
  TestStore db(23);
  db.addActors(20);
  db.addEdges(300);
  const std::string file = snapshotFilePath(db.path);
  const LoadedSnapshot good = db.load(nullptr, kSettle);  // built and saved
  CHECK_FALSE(good.fromFile);
  const std::vector<char> original = readBytes(file);
  // The state every section starts from: the file verified once, so that a
  // later open trusts its record instead of reading it.
  auto verifiedOnce = [&] {
    kg::testing::waitSettled(file, kSettle);
    std::vector<std::string> reports;
    REQUIRE(db.load(&reports, kSettle).fromFile);
    REQUIRE(reports.empty());
    auto trusted = openSnapshotFile(file, SnapshotVerify::kOnce, kSettle);
    REQUIRE(trusted.isOk());
    REQUIRE(trusted->checked == SnapshotChecked::kRecorded);
  };
  // After the damage: one line naming the file and what was wrong, the
  // snapshot rebuilt from the store, the file saved whole again.
  auto detected = [&](const std::string& message) {
    std::vector<std::string> reports;
    LoadedSnapshot loaded = db.load(&reports, kSettle);
    CHECK_FALSE(loaded.fromFile);
    REQUIRE(reports.size() == 1);
    CHECK_THAT(reports[0], Catch::Contains(file) && Catch::Contains(message) && Catch::Contains("rebuilding"));
    requireSameArrays(*good.snapshot, *loaded.snapshot);
    CHECK(readBytes(file) == original);
  };
  static const char* kNames[] = {"actorIds", "outRow",   "outCol",    "inRow",     "inCol",      "inEdge",
                                 "type",     "first",    "last",      "precision", "confidence", "evidence",
                                 "cameo",    "typeSpan", "runVertex", "runStart",  "edgeId"};
  SECTION("a bit flipped in each array in turn") {
    for (size_t array = 0; array < 17; ++array) {
      uint64_t bytes;
      std::memcpy(&bytes, &original[120 + array * 24 + 8], 8);
      if (bytes == 0) continue;  // an empty run index
      INFO("array " << kNames[array]);
      verifiedOnce();
      kg::testing::flipInPlace(file, arrayOffset(original, array) + bytes / 2);
      detected(std::string("checksum mismatch in array ") + kNames[array]);
    }
  }
  SECTION("a bit flipped in the header") {
    verifiedOnce();
    kg::testing::flipInPlace(file, 30);
    detected("header checksum mismatch");
  }
  SECTION("contents no writer makes, with every checksum made to match") {
    verifiedOnce();
    std::vector<char> bytes = original;
    const uint32_t past = 20000;
    std::memcpy(&bytes[arrayOffset(bytes, 2) + 4 * 7], &past, 4);  // a target past the vertices
    resum(bytes);
    kg::testing::rewriteInPlace(file, std::string(bytes.begin(), bytes.end()));
    detected("outCol entry 7");
  }
  SECTION("truncated in place") {
    verifiedOnce();
    std::filesystem::resize_file(file, original.size() - 100);
    detected("truncated");
  }
  SECTION("the record itself damaged: the file is read whole, found sound and recorded again") {
    verifiedOnce();
    const std::string record = verificationRecordPath(file);
    std::string text = readText(record);
    text[60] ^= 0x01;
    std::ofstream(record, std::ios::binary | std::ios::trunc) << text;
    auto opened = openSnapshotFile(file, SnapshotVerify::kOnce, kSettle);
    REQUIRE(opened.isOk());
    CHECK(opened->checked == SnapshotChecked::kWhole);
    CHECK(openSnapshotFile(file, SnapshotVerify::kOnce, kSettle)->checked == SnapshotChecked::kRecorded);
  }
}
