#include <catch2/catch.hpp>

#include "query/timeline.h"
#include "random_graph.h"

using namespace kg;
using namespace kg::query;
using namespace kg::testing;

namespace {

storage::EdgeHeader edge(EdgeId id, ActorId s, EdgeType t, ActorId d, DateRange when) {
  storage::EdgeHeader h;
  h.edge = Edge{id, s, d, t, "", "", "", when, 0.9f, {}};
  return h;
}

std::vector<EdgeId> ids(const Snapshot& s, const std::vector<graph::EdgeRef>& refs) {
  std::vector<EdgeId> out;
  for (const auto& r : refs) out.push_back(s.edgeId(r.index));
  return out;
}

}  // namespace

TEST_CASE("Timeline: an actor's edges come in date order with undated ones last", "[query][timeline]") {
  std::vector<storage::EdgeHeader> edges{
      edge(1, 1, EdgeType::kConsult, 2, DateRange::point(Date::day(2020, 1, 3))),
      edge(2, 3, EdgeType::kAssault, 1, DateRange::point(Date::day(2019, 12, 29))),
      edge(3, 1, EdgeType::kAccuse, 4, {}),
      edge(4, 1, EdgeType::kOfficialOf, 5, {Date::month(2018, 6), Date()}),
      edge(5, 2, EdgeType::kConsult, 3, DateRange::point(Date::day(2020, 1, 1))),  // not touching 1
      edge(6, 1, EdgeType::kAgree, 1, DateRange::point(Date::day(2020, 2, 1))),    // self-loop, once
  };
  auto snap = *Snapshot::fromEdges({}, edges);
  auto t = timeline(*snap, *snap->vertexOf(1), Filter{});
  REQUIRE(t.isOk());
  CHECK(ids(*snap, *t) == std::vector<EdgeId>{4, 2, 1, 6, 3});
  Filter out;
  out.direction = Direction::kOut;
  CHECK(ids(*snap, *timeline(*snap, *snap->vertexOf(1), out)) == std::vector<EdgeId>{4, 1, 6, 3});
  Filter window;
  window.fromDay = Date::day(2020, 1, 1).days();
  CHECK(ids(*snap, *timeline(*snap, *snap->vertexOf(1), window)) == std::vector<EdgeId>{4, 1, 6});
  window.includeUndated = true;
  CHECK(ids(*snap, *timeline(*snap, *snap->vertexOf(1), window)) == std::vector<EdgeId>{4, 1, 6, 3});
}

TEST_CASE("As-of: the offices and memberships that hold on a date", "[query][timeline]") {
  // 10 was prime minister of 20 from 2018-10 to 2020-05; 11 from 2020-05-07 on.
  std::vector<storage::EdgeHeader> edges{
      edge(1, 10, EdgeType::kOfficialOf, 20, {Date::month(2018, 10), Date::month(2020, 5)}),
      edge(2, 11, EdgeType::kOfficialOf, 20, {Date::day(2020, 5, 7), Date()}),
      edge(3, 12, EdgeType::kMemberOf, 30, {}),
      edge(4, 12, EdgeType::kLeaderOf, 30, {Date::year(2017), Date::year(2019)}),
      edge(5, 10, EdgeType::kConsult, 11, DateRange::point(Date::day(2020, 1, 6))),
  };
  auto snap = *Snapshot::fromEdges({}, edges);
  AsOfOptions o;
  o.day = Date::day(2020, 1, 6).days();
  CHECK(ids(*snap, *asOf(*snap, o)) == std::vector<EdgeId>{1});
  o.day = Date::day(2020, 9, 25).days();
  CHECK(ids(*snap, *asOf(*snap, o)) == std::vector<EdgeId>{2});
  o.day = Date::day(2019, 12, 31).days();
  CHECK(ids(*snap, *asOf(*snap, o)) == std::vector<EdgeId>{4, 1});
  o.filter.includeUndated = true;
  CHECK(ids(*snap, *asOf(*snap, o)) == std::vector<EdgeId>{3, 4, 1});
  o.actor = *snap->vertexOf(12);
  CHECK(ids(*snap, *asOf(*snap, o)) == std::vector<EdgeId>{3, 4});
  o.filter.types = {EdgeType::kConsult};
  CHECK(asOf(*snap, o).status().code() == StatusCode::kInvalidArgument);
}
