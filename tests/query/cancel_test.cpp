// Cancel and Checkpoint: a cancelled query stops inside its expansion, at
// the first poll after the cancellation, with DeadlineExceeded and never a
// partial answer. Everything here is counted in steps, not timed.
#include <catch2/catch.hpp>

#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "query/cancel.h"
#include "query/components.h"
#include "query/limits.h"
#include "query/neighbourhood.h"
#include "query/paths.h"
#include "query/ranking.h"
#include "query/timeline.h"

using namespace kg;
using namespace kg::query;

namespace {

TEST_CASE("Checkpoint: polls its Cancel once every kCheckEvery steps and stays stopped", "[query][deadline]") {
  Cancel cancel;
  {
    Checkpoint cp(&cancel);
    uint64_t stops = 0;
    for (uint64_t i = 0; i + 1 < Checkpoint::kCheckEvery; ++i) stops += cp.step();
    CHECK(stops == 0);
    CHECK(cancel.polls() == 0);
    CHECK_FALSE(cp.step());  // the kCheckEvery-th step polls: not cancelled
    CHECK(cancel.polls() == 1);
    CHECK(cancel.steps() == Checkpoint::kCheckEvery);
    cancel.cancel();
    // Seen at the next poll, not before.
    CHECK_FALSE(cp.step(Checkpoint::kCheckEvery - 1));
    CHECK_FALSE(cp.stopped());
    CHECK(cp.step());
    CHECK(cp.stopped());
    CHECK(cancel.polls() == 2);
    CHECK(cp.step());  // stopped for good, without polling again
    CHECK(cancel.polls() == 2);
    CHECK(cancel.steps() == 2 * Checkpoint::kCheckEvery);
  }
  // A checkpoint without a Cancel counts but never stops.
  Checkpoint none(nullptr);
  for (int i = 0; i < 3; ++i) CHECK_FALSE(none.step(Checkpoint::kCheckEvery));
}

TEST_CASE("Cancel: a deadline already past is a cancellation, seen at the first poll", "[query][deadline]") {
  Cancel late(Cancel::Clock::now() - std::chrono::seconds(1));
  Checkpoint cp(&late);
  CHECK(cp.step(Checkpoint::kCheckEvery));
  CHECK(late.cancelled());
  Cancel never(Cancel::Clock::time_point::max());
  CHECK_FALSE(never.cancelled());
}

// A double star: a -> x_i -> b for kSpokes spokes, every edge a dated
// MEMBER_OF (so that temporal paths and as-of listings have work too). Every
// query below takes more than two polls' worth of steps on it, however it
// is implemented, because a and b each have kSpokes edges.
constexpr ActorId kA = 1, kB = 2;
constexpr uint64_t kSpokes = 5000;
constexpr int32_t kDay = 18000;

std::shared_ptr<const graph::Snapshot> doubleStar() {
  std::vector<storage::EdgeHeader> edges;
  EdgeId id = 1;
  auto add = [&](ActorId s, ActorId d, int32_t day) {
    storage::EdgeHeader h;
    h.edge.id = id++;
    h.edge.src = s;
    h.edge.dst = d;
    h.edge.type = EdgeType::kMemberOf;
    h.edge.confidence = 1.0f;
    h.edge.when = DateRange::point(Date::fromDays(day, DatePrecision::kDay));
    h.evidenceCount = 1;
    edges.push_back(h);
  };
  for (ActorId i = 0; i < kSpokes; ++i) {
    add(kA, 10 + i, kDay);
    add(10 + i, kB, kDay + 1);
  }
  auto s = graph::Snapshot::fromEdges({}, edges);
  REQUIRE(s.isOk());
  return s.value();
}

// Each query, run with `filter`; its status.
std::vector<std::pair<std::string, std::function<Status(const Filter&)>>> queries(const graph::Snapshot& s) {
  const VertexId a = *s.vertexOf(kA), b = *s.vertexOf(kB);
  std::vector<std::pair<std::string, std::function<Status(const Filter&)>>> out;
  out.emplace_back("neighbourhood", [&s, a](const Filter& f) {
    NeighbourhoodOptions o;
    o.filter = f;
    o.depth = 2;
    o.limit = kMaxNodeLimit;
    o.fanout = kMaxFanout;
    o.maxEdges = kMaxNeighbourEdges;
    return neighbourhood(s, a, o).status();
  });
  for (PathMode mode :
       {PathMode::kShortest, PathMode::kAllShortest, PathMode::kKShortest, PathMode::kWeighted, PathMode::kTemporal})
    out.emplace_back(std::string("path ") + pathModeName(mode), [&s, a, b, mode](const Filter& f) {
      PathOptions o;
      o.filter = f;
      o.mode = mode;
      o.k = 5;
      return findPaths(s, a, b, o).status();
    });
  for (RankMeasure m : {RankMeasure::kDegree, RankMeasure::kPageRank, RankMeasure::kBetweenness})
    out.emplace_back(std::string("rank ") + rankMeasureName(m), [&s, m](const Filter& f) {
      RankOptions o;
      o.filter = f;
      o.measure = m;
      return rank(s, o).status();
    });
  out.emplace_back("components", [&s](const Filter& f) { return components(s, f).status(); });
  out.emplace_back("as-of, every actor", [&s](const Filter& f) {
    AsOfOptions o;
    o.filter = f;
    o.day = kDay;
    return asOf(s, o).status();
  });
  return out;
}

TEST_CASE("Queries: a cancelled query stops at its first poll with DeadlineExceeded, never a partial answer",
          "[query][deadline]") {
  auto snap = doubleStar();
  for (auto& [name, run] : queries(*snap)) {
    INFO(name);
    // Never cancelled: the whole query, and how many steps it takes.
    auto free = std::make_shared<Cancel>();
    Filter f;
    f.cancel = free;
    Status whole = run(f);
    INFO(whole.toString());
    REQUIRE(whole.isOk());
    CHECK(run(Filter{}).isOk());
    // The test means something only if the query reaches a second poll.
    REQUIRE(free->steps() >= 2 * Checkpoint::kCheckEvery);

    // Cancelled before it starts: it must stop at its first poll, having done
    // at most one poll's worth of steps (plus the vertex being counted).
    auto stopped = std::make_shared<Cancel>();
    stopped->cancel();
    f.cancel = stopped;
    Status st = run(f);
    INFO(st.toString());
    CHECK(st.code() == StatusCode::kDeadlineExceeded);
    CHECK(stopped->polls() == 1);
    CHECK(stopped->steps() <= Checkpoint::kCheckEvery + kSpokes + 1);
    CHECK(stopped->steps() < free->steps());
  }
}

}  // namespace
