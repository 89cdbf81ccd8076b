#include <catch2/catch.hpp>

#include "query/limits.h"
#include "query/paths.h"
#include "random_graph.h"

using namespace kg;
using namespace kg::query;
using namespace kg::testing;

namespace {

constexpr int kGraphs = 200;

struct Case {
  std::shared_ptr<const Snapshot> snap;
  Filter filter;
  EdgePredicate pred;
  VertexId a = 0, b = 0;
  int maxDepth = 1;
};

// Graph number `i` of the property runs: 5..30 vertices, a random filter,
// two distinct ends and a depth small enough for brute-force enumeration.
Case makeCase(int i) {
  std::mt19937 rng(static_cast<uint32_t>(7919 * i + 17));
  int n = 5 + static_cast<int>(rng() % 26);
  std::vector<ActorId> actors;
  auto edges = randomEdges(rng, n, 1.0 + (rng() % 20) / 10.0, &actors);
  Case c;
  auto snap = Snapshot::fromEdges(actors, edges);
  REQUIRE(snap.isOk());
  c.snap = *snap;
  // Every fourth graph has no filter at all, so that paths are common.
  c.filter = (i % 4 == 0) ? Filter{} : randomFilter(rng);
  c.pred = *EdgePredicate::compile(c.filter);
  c.a = rng() % n;
  do c.b = rng() % n; while (c.b == c.a);
  c.maxDepth = 1 + static_cast<int>(rng() % (n <= 12 ? 8 : 5));
  return c;
}

Result<PathResult> run(const Case& c, PathMode mode, int k = 3, size_t maxPaths = kMaxPaths) {
  PathOptions o;
  o.mode = mode;
  o.filter = c.filter;
  o.maxDepth = c.maxDepth;
  o.k = k;
  o.maxPaths = maxPaths;
  return findPaths(*c.snap, c.a, c.b, o);
}

}  // namespace

TEST_CASE("Paths: shortest has the brute-force BFS length, or NotFound when none is within depth", "[query][paths]") {
  int found = 0;
  for (int i = 0; i < kGraphs; ++i) {
    Case c = makeCase(i);
    auto dist = bfsDist(walkable(*c.snap, c.pred), c.a);
    auto r = run(c, PathMode::kShortest);
    INFO("graph " << i);
    if (dist[c.b] < 0 || dist[c.b] > c.maxDepth) {
      REQUIRE(r.status().code() == StatusCode::kNotFound);
      continue;
    }
    REQUIRE(r.isOk());
    REQUIRE(r->paths.size() == 1);
    CHECK(pathProblem(*c.snap, c.pred, r->paths[0], c.a, c.b, c.maxDepth) == "");
    CHECK(static_cast<int>(r->paths[0].edges.size()) == dist[c.b]);
    ++found;
  }
  CHECK(found > kGraphs / 4);  // the property runs do exercise found paths
}

TEST_CASE("Paths: on hub-heavy multigraphs shortest and k-shortest find the brute-force BFS length", "[query][paths]") {
  // Hubs joined by many parallel edges, leaves joined to hubs: the searches
  // choose which side to expand by the edges it would scan and stop at the
  // first meeting; every length and direction must still come out exact.
  int found = 0, checked = 0;
  for (int g = 0; g < 40; ++g) {
    std::mt19937 rng(static_cast<uint32_t>(104729 * g + 3));
    const int n = 20 + static_cast<int>(rng() % 200);
    std::vector<ActorId> actors;
    auto edges = hubEdges(rng, n, n * (1 + static_cast<int>(rng() % 12)), &actors);
    auto snap = Snapshot::fromEdges(actors, edges);
    REQUIRE(snap.isOk());
    const Filter filter = (g % 3 == 0) ? Filter{} : randomFilter(rng);
    const EdgePredicate pred = *EdgePredicate::compile(filter);
    const auto adj = walkable(**snap, pred);
    for (int q = 0; q < 30; ++q) {
      const VertexId a = rng() % n;
      VertexId b;
      do b = rng() % n; while (b == a);
      PathOptions o;
      o.filter = filter;
      o.maxDepth = 1 + static_cast<int>(rng() % 6);
      const int dist = bfsDist(adj, a)[b];
      INFO("graph " << g << " pair " << a << " " << b << " depth " << o.maxDepth);
      for (PathMode mode : {PathMode::kShortest, PathMode::kKShortest}) {
        o.mode = mode;
        o.k = 2;
        auto r = findPaths(**snap, a, b, o);
        ++checked;
        if (dist < 0 || dist > o.maxDepth) {
          CHECK(r.status().code() == StatusCode::kNotFound);
          continue;
        }
        REQUIRE(r.isOk());
        CHECK(pathProblem(**snap, pred, r->paths[0], a, b, o.maxDepth) == "");
        CHECK(static_cast<int>(r->paths[0].edges.size()) == dist);
        found += mode == PathMode::kShortest;
      }
    }
  }
  CHECK(found > 300);
  CHECK(checked == 40 * 30 * 2);
}

TEST_CASE("Paths: all-shortest returns exactly the brute-force set of shortest simple paths", "[query][paths]") {
  for (int i = 0; i < kGraphs; ++i) {
    Case c = makeCase(i);
    auto all = simplePaths(walkable(*c.snap, c.pred), c.a, c.b, c.maxDepth);
    auto r = run(c, PathMode::kAllShortest);
    INFO("graph " << i);
    if (all.empty()) {
      REQUIRE(r.status().code() == StatusCode::kNotFound);
      continue;
    }
    REQUIRE(r.isOk());
    size_t best = SIZE_MAX;
    for (const auto& p : all) best = std::min(best, p.size());
    std::set<std::vector<EdgeIndex>> expected, got;
    for (const auto& p : all)
      if (p.size() == best) expected.insert(p);
    for (const auto& p : r->paths) {
      CHECK(pathProblem(*c.snap, c.pred, p, c.a, c.b, c.maxDepth) == "");
      got.insert(edgeSeq(p));
    }
    CHECK(got.size() == r->paths.size());  // no duplicates
    CHECK(got == expected);
    CHECK_FALSE(r->truncated);
  }
}

TEST_CASE("Paths: all-shortest stops at the path limit and says so", "[query][paths]") {
  // A diamond ladder: 3 parallel middles at each of 3 stages = 27 shortest paths.
  std::vector<storage::EdgeHeader> edges;
  EdgeId id = 1;
  auto add = [&](ActorId s, ActorId d) {
    storage::EdgeHeader h;
    h.edge.id = id++;
    h.edge.src = s;
    h.edge.dst = d;
    edges.push_back(h);
  };
  ActorId prev = 1;
  for (ActorId stage = 0; stage < 3; ++stage) {
    ActorId next = 100 + stage;
    for (ActorId m = 0; m < 3; ++m) {
      add(prev, 10 + stage * 3 + m);
      add(10 + stage * 3 + m, next);
    }
    prev = next;
  }
  auto snap = *Snapshot::fromEdges({}, edges);
  PathOptions o;
  o.mode = PathMode::kAllShortest;
  o.maxPaths = 10;
  auto r = findPaths(*snap, *snap->vertexOf(1), *snap->vertexOf(102), o);
  REQUIRE(r.isOk());
  CHECK(r->paths.size() == 10);
  CHECK(r->truncated);
  o.maxPaths = 27;
  r = findPaths(*snap, *snap->vertexOf(1), *snap->vertexOf(102), o);
  REQUIRE(r.isOk());
  CHECK(r->paths.size() == 27);
  CHECK_FALSE(r->truncated);
}

TEST_CASE("Paths: Yen's k paths are the k shortest simple paths by brute-force enumeration", "[query][paths]") {
  for (int i = 0; i < kGraphs; ++i) {
    Case c = makeCase(i);
    const int k = 1 + i % 12;
    auto all = simplePaths(walkable(*c.snap, c.pred), c.a, c.b, c.maxDepth);
    auto r = run(c, PathMode::kKShortest, k);
    INFO("graph " << i << " k " << k);
    if (all.empty()) {
      REQUIRE(r.status().code() == StatusCode::kNotFound);
      continue;
    }
    REQUIRE(r.isOk());
    std::vector<size_t> lengths;
    for (const auto& p : all) lengths.push_back(p.size());
    std::sort(lengths.begin(), lengths.end());
    lengths.resize(std::min<size_t>(lengths.size(), static_cast<size_t>(k)));
    std::vector<size_t> got;
    std::set<std::vector<EdgeIndex>> distinct;
    for (const auto& p : r->paths) {
      CHECK(pathProblem(*c.snap, c.pred, p, c.a, c.b, c.maxDepth) == "");
      got.push_back(p.edges.size());
      distinct.insert(edgeSeq(p));
    }
    CHECK(distinct.size() == r->paths.size());
    CHECK(std::is_sorted(got.begin(), got.end()));
    CHECK(got == lengths);
  }
}

TEST_CASE("Paths: weighted cost equals the brute-force minimum over simple paths within depth", "[query][paths]") {
  int longerThanFewestHops = 0;
  for (int i = 0; i < kGraphs; ++i) {
    Case c = makeCase(i);
    auto all = simplePaths(walkable(*c.snap, c.pred), c.a, c.b, c.maxDepth);
    double best = std::numeric_limits<double>::infinity();
    size_t fewest = SIZE_MAX;
    for (const auto& p : all) {
      double cost = 0;
      for (EdgeIndex e : p) cost += edgeCost(*c.snap, e);
      best = std::min(best, cost);
      if (std::isfinite(cost)) fewest = std::min(fewest, p.size());
    }
    auto r = run(c, PathMode::kWeighted);
    INFO("graph " << i);
    if (!std::isfinite(best)) {
      REQUIRE(r.status().code() == StatusCode::kNotFound);
      continue;
    }
    REQUIRE(r.isOk());
    const Path& p = r->paths.at(0);
    CHECK(pathProblem(*c.snap, c.pred, p, c.a, c.b, c.maxDepth) == "");
    double recomputed = 0;
    for (const auto& e : p.edges) recomputed += edgeCost(*c.snap, e.index);
    CHECK(p.cost == Approx(recomputed).epsilon(1e-12));
    CHECK(p.cost == Approx(best).epsilon(1e-9));
    if (p.edges.size() > fewest) ++longerThanFewestHops;
  }
  // Cheap detours beat short expensive paths somewhere in the runs.
  CHECK(longerThanFewestHops > 0);
}

TEST_CASE("Paths: the depth limit holds for weighted paths even when the cheapest path is longer",
          "[query][paths]") {
  // A -> B directly at low confidence; A -> X1 -> X2 -> X3 -> B at full confidence.
  std::vector<storage::EdgeHeader> edges;
  auto add = [&](EdgeId id, ActorId s, ActorId d, float conf) {
    storage::EdgeHeader h;
    h.edge.id = id;
    h.edge.src = s;
    h.edge.dst = d;
    h.edge.confidence = conf;
    h.evidenceCount = 5;
    edges.push_back(h);
  };
  add(1, 1, 2, 0.05f);
  add(2, 1, 11, 1.0f);
  add(3, 11, 12, 1.0f);
  add(4, 12, 13, 1.0f);
  add(5, 13, 2, 1.0f);
  auto snap = *Snapshot::fromEdges({}, edges);
  PathOptions o;
  o.mode = PathMode::kWeighted;
  o.maxDepth = 4;
  auto r = findPaths(*snap, *snap->vertexOf(1), *snap->vertexOf(2), o);
  REQUIRE(r.isOk());
  CHECK(r->paths[0].edges.size() == 4);
  o.maxDepth = 3;
  r = findPaths(*snap, *snap->vertexOf(1), *snap->vertexOf(2), o);
  REQUIRE(r.isOk());
  CHECK(r->paths[0].edges.size() == 1);
}

TEST_CASE("Paths: a weighted search stops exploring once it is past --max-depth, not after the search",
          "[query][paths][deadline]") {
  // A -> B directly at the lowest confidence kept (1/255: cost 255), and a
  // chain of 2,000 edges from A to B at full confidence and 65,535 pieces of
  // evidence (cost about 0.083 each, 165 in all): the cheapest path is the
  // chain, far beyond a depth of 3.
  std::vector<storage::EdgeHeader> edges;
  auto add = [&](EdgeId id, ActorId s, ActorId d, float conf, uint32_t evidence) {
    storage::EdgeHeader h;
    h.edge.id = id;
    h.edge.src = s;
    h.edge.dst = d;
    h.edge.confidence = conf;
    h.evidenceCount = evidence;
    edges.push_back(h);
  };
  constexpr ActorId kChain = 2000;
  add(1, 1, 2, 1.0f / 255, 0);
  add(2, 1, 100, 1.0f, 65535);
  for (ActorId i = 0; i + 1 < kChain; ++i) add(3 + i, 100 + i, 101 + i, 1.0f, 65535);
  add(3 + kChain, 100 + kChain - 1, 2, 1.0f, 65535);
  auto snap = *Snapshot::fromEdges({}, edges);
  PathOptions o;
  o.mode = PathMode::kWeighted;
  o.maxDepth = 3;
  auto r = findPaths(*snap, *snap->vertexOf(1), *snap->vertexOf(2), o);
  INFO(r.status().toString());
  REQUIRE(r.isOk());
  REQUIRE(r->paths[0].edges.size() == 1);
  // The searches poll their Cancel every Checkpoint::kCheckEvery steps.
  // Cancelled already, a search that stays within the depth (a few steps)
  // still answers; one that followed the cheap chain for thousands of steps
  // before checking the depth would be stopped (DeadlineExceeded).
  auto cancelled = std::make_shared<Cancel>();
  cancelled->cancel();
  o.filter.cancel = cancelled;
  r = findPaths(*snap, *snap->vertexOf(1), *snap->vertexOf(2), o);
  INFO(r.status().toString());
  REQUIRE(r.isOk());
  CHECK(r->paths[0].edges.size() == 1);
  o.maxDepth = kMaxDepth;  // the most a caller may ask: still far short of the chain
  r = findPaths(*snap, *snap->vertexOf(1), *snap->vertexOf(2), o);
  INFO(r.status().toString());
  REQUIRE(r.isOk());
  CHECK(r->paths[0].edges.size() == 1);
}

TEST_CASE("Paths: a temporal path exists iff brute force finds a non-decreasing-date path, arriving as early",
          "[query][paths]") {
  int found = 0;
  for (int i = 0; i < kGraphs; ++i) {
    Case c = makeCase(i);
    auto all = simplePaths(walkable(*c.snap, c.pred), c.a, c.b, c.maxDepth);
    std::optional<int64_t> best;
    for (const auto& p : all)
      if (auto t = earliestArrival(*c.snap, p)) best = best ? std::min(*best, *t) : *t;
    auto r = run(c, PathMode::kTemporal);
    INFO("graph " << i);
    if (!best) {
      REQUIRE(r.status().code() == StatusCode::kNotFound);
      continue;
    }
    REQUIRE(r.isOk());
    ++found;
    const Path& p = r->paths.at(0);
    CHECK(pathProblem(*c.snap, c.pred, p, c.a, c.b, c.maxDepth) == "");
    REQUIRE(p.days.size() == p.edges.size());
    for (size_t j = 0; j < p.days.size(); ++j) {
      EdgeIndex e = p.edges[j].index;
      CHECK(c.snap->dated(e));
      CHECK(p.days[j] >= c.snap->firstDay(e));
      CHECK(p.days[j] <= c.snap->lastDay(e));
      if (j > 0) CHECK(p.days[j] >= p.days[j - 1]);
    }
    CHECK(p.days.back() == *best);
  }
  CHECK(found > 10);
}

TEST_CASE("Paths: a filter that excludes the only connecting edge makes the path disappear, in every mode",
          "[query][paths]") {
  // 1 -CONSULT(2020-01-05, 0.9)-> 2 -ASSAULT(2020-01-10, 0.9)-> 3, plus 3 -> 4 undated.
  std::vector<storage::EdgeHeader> edges(2);
  edges[0].edge = Edge{1, 1, 2, EdgeType::kConsult, "", "", "", DateRange::point(Date::day(2020, 1, 5)), 0.9f, {}};
  edges[1].edge = Edge{2, 2, 3, EdgeType::kAssault, "", "", "", DateRange::point(Date::day(2020, 1, 10)), 0.9f, {}};
  auto snap = *Snapshot::fromEdges({}, edges);
  const VertexId a = *snap->vertexOf(1), c = *snap->vertexOf(3);
  const int32_t jan8 = Date::day(2020, 1, 8).days();

  std::vector<std::pair<std::string, Filter>> excluding;
  Filter f;
  f.types = {EdgeType::kConsult};
  excluding.emplace_back("type", f);
  f = {};
  f.fromDay = jan8 - 30;
  f.toDay = jan8;
  excluding.emplace_back("window", f);
  f = {};
  f.minConfidence = 0.95f;
  excluding.emplace_back("confidence", f);
  f = {};
  f.direction = Direction::kIn;
  excluding.emplace_back("direction", f);

  for (PathMode mode : {PathMode::kShortest, PathMode::kAllShortest, PathMode::kKShortest, PathMode::kWeighted,
                        PathMode::kTemporal}) {
    PathOptions o;
    o.mode = mode;
    o.fromName = "Alpha";
    o.toName = "Gamma";
    INFO(pathModeName(mode));
    REQUIRE(findPaths(*snap, a, c, o).isOk());
    for (const auto& [what, filter] : excluding) {
      INFO("excluded by " << what);
      o.filter = filter;
      auto r = findPaths(*snap, a, c, o);
      REQUIRE(r.status().code() == StatusCode::kNotFound);
      CHECK(r.status().message() ==
            "no path between Alpha and Gamma within depth 6 (with the given filters)");
    }
  }
  // Temporal order matters: walking 3 -> 2 -> 1 against time fails.
  PathOptions o;
  o.mode = PathMode::kTemporal;
  CHECK(findPaths(*snap, c, a, o).status().code() == StatusCode::kNotFound);
  o.mode = PathMode::kShortest;
  CHECK(findPaths(*snap, c, a, o).isOk());
}

TEST_CASE("Paths: a temporal or weighted search that needs more than maxSearchStates states is LimitExceeded",
          "[query][paths]") {
  // A -> ten L1 -> ten L2 -> ten L3 -> B, every layer joined to the next by
  // all hundred edges, each dated all of 2020: the temporal search holds
  // some 220 states before it reaches B.
  std::vector<storage::EdgeHeader> edges;
  EdgeId id = 1;
  auto add = [&](ActorId s, ActorId d) {
    storage::EdgeHeader h;
    h.edge.id = id++;
    h.edge.src = s;
    h.edge.dst = d;
    h.edge.confidence = 0.9f;
    h.edge.when = DateRange{Date::year(2020), Date::year(2020)};
    edges.push_back(h);
  };
  constexpr ActorId kA = 1, kB = 2;
  for (ActorId i = 0; i < 10; ++i) {
    add(kA, 100 + i);
    add(300 + i, kB);
    for (ActorId j = 0; j < 10; ++j) {
      add(100 + i, 200 + j);
      add(200 + i, 300 + j);
    }
  }
  auto snap = *Snapshot::fromEdges({}, edges);
  const VertexId a = *snap->vertexOf(kA), b = *snap->vertexOf(kB);
  PathOptions o;
  o.mode = PathMode::kTemporal;
  o.fromName = "A";
  o.toName = "B";
  auto r = findPaths(*snap, a, b, o);
  REQUIRE(r.isOk());
  CHECK(r->paths[0].edges.size() == 4);
  o.maxSearchStates = 50;
  r = findPaths(*snap, a, b, o);
  REQUIRE(r.status().code() == StatusCode::kLimitExceeded);
  CHECK_THAT(r.status().message(), Catch::Contains("temporal search between A and B needs more than 50 search states"));
  // The weighted search's hop-bounded rounds (run when the cheapest path is
  // longer than the depth: here the direct edge A -> B is dear) hold records
  // the same way.
  add(kA, kB);
  edges.back().edge.confidence = 1.0f / 255;
  snap = *Snapshot::fromEdges({}, edges);
  o.mode = PathMode::kWeighted;
  o.maxDepth = 3;
  o.maxSearchStates = kMaxSearchStates;
  r = findPaths(*snap, *snap->vertexOf(kA), *snap->vertexOf(kB), o);
  REQUIRE(r.isOk());
  CHECK(r->paths[0].edges.size() == 1);
  o.maxSearchStates = 5;
  r = findPaths(*snap, *snap->vertexOf(kA), *snap->vertexOf(kB), o);
  REQUIRE(r.status().code() == StatusCode::kLimitExceeded);
  CHECK_THAT(r.status().message(), Catch::Contains("weighted search"));
}

TEST_CASE("Paths: bad requests are refused with a reason", "[query][paths]") {
  std::vector<storage::EdgeHeader> edges(1);
  edges[0].edge = Edge{1, 1, 2, EdgeType::kConsult, "", "", "", {}, 0.9f, {}};
  auto snap = *Snapshot::fromEdges({}, edges);
  PathOptions o;
  o.fromName = "Alpha";
  auto r = findPaths(*snap, 0, 0, o);
  CHECK(r.status().code() == StatusCode::kInvalidArgument);
  CHECK(r.status().message().find("Alpha") != std::string::npos);
  o.maxDepth = 0;
  CHECK(findPaths(*snap, 0, 1, o).status().code() == StatusCode::kInvalidArgument);
  o.maxDepth = kMaxDepth + 1;
  CHECK(findPaths(*snap, 0, 1, o).status().code() == StatusCode::kLimitExceeded);
  o.maxDepth = 3;
  o.mode = PathMode::kKShortest;
  o.k = kMaxK + 1;
  CHECK(findPaths(*snap, 0, 1, o).status().code() == StatusCode::kLimitExceeded);
  o.k = 0;
  CHECK(findPaths(*snap, 0, 1, o).status().code() == StatusCode::kInvalidArgument);
  o.k = 3;
  o.filter.fromDay = 100;
  o.filter.toDay = 50;
  auto bad = findPaths(*snap, 0, 1, o);
  CHECK(bad.status().code() == StatusCode::kInvalidArgument);
  CHECK(bad.status().message().find("before its start") != std::string::npos);
  CHECK(findPaths(*snap, 0, 7, PathOptions{}).status().code() == StatusCode::kInvalidArgument);
}

TEST_CASE("Paths: modes parse from their names", "[query][paths]") {
  for (PathMode m : {PathMode::kShortest, PathMode::kAllShortest, PathMode::kKShortest, PathMode::kWeighted,
                     PathMode::kTemporal})
    CHECK(*parsePathMode(pathModeName(m)) == m);
  CHECK(parsePathMode("fastest").status().message().find("all-shortest") != std::string::npos);
}
