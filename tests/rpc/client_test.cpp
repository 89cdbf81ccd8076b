// Client against a live Server: every query answers what the local graph answers.
#include <catch2/catch.hpp>
#include <algorithm>
#include <source_location>

#include "rpc/client.h"
#include "rpc/fixture.h"

namespace kg {
namespace {

using testing::ServerThread;
using testing::SmallGraph;

template <typename T, typename Eq>
void sameResult(const Result<T>& local, const Result<T>& remote, Eq eq,
                std::source_location where = std::source_location::current()) {
  INFO("line " << where.line());
  INFO("local: " << local.status().toString() << " remote: " << remote.status().toString());
  REQUIRE(local.isOk() == remote.isOk());
  if (!local.isOk()) {
    CHECK(local.status().code() == remote.status().code());
    CHECK(local.status().message() == remote.status().message());
    return;
  }
  CHECK(eq(local.value(), remote.value()));
}

template <typename T>
void sameResult(const Result<T>& local, const Result<T>& remote,
                std::source_location where = std::source_location::current()) {
  sameResult(local, remote, [](const T& a, const T& b) { return a == b; }, where);
}

bool sameStats(const storage::StoreStats& a, const storage::StoreStats& b) {
  return a.actors == b.actors && a.edges == b.edges && a.evidence == b.evidence && a.documents == b.documents;
}

bool sameNeighbourhood(const core::NeighbourhoodView& a, const core::NeighbourhoodView& b) {
  CHECK(a.nodes == b.nodes);
  CHECK(a.depths == b.depths);
  CHECK(a.edges.size() == b.edges.size());
  for (size_t i = 0; i < std::min(a.edges.size(), b.edges.size()); ++i) {
    INFO("edge " << i);
    CHECK(a.edges[i].id == b.edges[i].id);
    CHECK(a.edges[i].evidence.size() == b.edges[i].evidence.size());
    CHECK(a.edges[i].when.from.toString() == b.edges[i].when.from.toString());
    CHECK(a.edges[i].when.to.toString() == b.edges[i].when.to.toString());
  }
  CHECK(a.edgeCount == b.edgeCount);
  CHECK(a.truncated == b.truncated);
  return a.nodes == b.nodes && a.depths == b.depths && a.edges == b.edges && a.edgeCount == b.edgeCount &&
         a.truncated == b.truncated;
}

bool samePaths(const core::PathsView& a, const core::PathsView& b) {
  if (a.truncated != b.truncated || a.paths.size() != b.paths.size()) return false;
  for (size_t i = 0; i < a.paths.size(); ++i) {
    const auto &x = a.paths[i], &y = b.paths[i];
    if (!(x.nodes == y.nodes && x.edges == y.edges && x.cost == y.cost && x.days == y.days)) return false;
  }
  return true;
}

bool sameRanking(const core::RankView& a, const core::RankView& b) {
  if (a.approximate != b.approximate || a.sources != b.sources || a.entries.size() != b.entries.size()) return false;
  for (size_t i = 0; i < a.entries.size(); ++i)
    if (!(a.entries[i].actor == b.entries[i].actor && a.entries[i].score == b.entries[i].score)) return false;
  return true;
}

query::Filter window(const std::string& from, const std::string& to) {
  query::Filter f;
  f.fromDay = Date::parse(from).value().days();
  f.toDay = Date::parse(to).value().lastDay();
  return f;
}

TEST_CASE("Client: every query answers what the local graph answers", "[rpc]") {
  SmallGraph g;
  core::LocalGraph local(*g.engine);
  ServerThread server(local);
  REQUIRE(!server.address().empty());
  auto connected = rpc::Client::connect(server.address());
  REQUIRE(connected);
  rpc::Client& remote = *connected.value();

  sameResult(local.stats(), remote.stats(), sameStats);
  sameResult(local.resolve("Kataib Hezbollah"), remote.resolve("Kataib Hezbollah"));
  sameResult(local.resolve("nobody at all"), remote.resolve("nobody at all"));
  sameResult(local.actor("Qasem Soleimani"), remote.actor("Qasem Soleimani"));
  sameResult(local.actor("Soleimany"), remote.actor("Soleimany"));
  sameResult(local.actors(std::nullopt), remote.actors(std::nullopt));
  sameResult(local.actors(ActorKind::kPerson), remote.actors(ActorKind::kPerson));

  core::EdgeQuery all;
  sameResult(local.edges(all), remote.edges(all));
  core::EdgeQuery us;
  us.actor = "United States";
  us.filter = window("2020-01", "2020-01");
  us.filter.types = {EdgeType::kAssault};
  sameResult(local.edges(us), remote.edges(us));
  us.filter.direction = query::Direction::kIn;
  sameResult(local.edges(us), remote.edges(us));
  core::EdgeQuery bad;
  bad.filter = window("2020-02", "2020-01");
  sameResult(local.edges(bad), remote.edges(bad));

  core::NeighbourQuery nq;
  nq.actor = "Kata'ib Hezbollah";
  nq.options.depth = 2;
  nq.evidence = 2;
  sameResult(local.neighbours(nq), remote.neighbours(nq), sameNeighbourhood);
  nq.actor = "Lonely Actor";
  sameResult(local.neighbours(nq), remote.neighbours(nq), sameNeighbourhood);

  for (auto mode : {query::PathMode::kShortest, query::PathMode::kAllShortest, query::PathMode::kKShortest,
                    query::PathMode::kWeighted, query::PathMode::kTemporal}) {
    INFO("mode " << query::pathModeName(mode));
    core::PathQuery pq;
    pq.from = "Mike Pompeo";
    pq.to = "Qassem Soleimani";
    pq.options.mode = mode;
    sameResult(local.paths(pq), remote.paths(pq), samePaths);
    pq.from = "Lonely Actor";
    sameResult(local.paths(pq), remote.paths(pq), samePaths);
  }

  core::TimelineQuery tq;
  tq.actor = "United States";
  sameResult(local.timeline(tq), remote.timeline(tq));
  core::AsOfQuery aq;
  aq.date = Date::parse("2019-06-01").value();
  sameResult(local.asOf(aq), remote.asOf(aq));
  aq.actor = "Iran";
  sameResult(local.asOf(aq), remote.asOf(aq));

  for (auto m : {query::RankMeasure::kDegree, query::RankMeasure::kPageRank, query::RankMeasure::kBetweenness}) {
    core::RankQuery rq;
    rq.measure = m;
    sameResult(local.rank(rq), remote.rank(rq), sameRanking);
  }

  auto edges = local.edges(all);
  REQUIRE(edges);
  for (const auto& e : edges.value()) CHECK(remote.nameOf(e.src) == local.nameOf(e.src));
}

TEST_CASE("Client: an unknown actor is NotFound with the closest names", "[rpc]") {
  SmallGraph g;
  core::LocalGraph local(*g.engine);
  ServerThread server(local);
  auto c = rpc::Client::connect(server.address());
  REQUIRE(c);
  auto a = (*c)->actor("Kassem Suleimanov");
  REQUIRE(!a);
  CHECK(a.status().code() == StatusCode::kNotFound);
  CHECK(a.status().message().find("closest known names") != std::string::npos);
}

TEST_CASE("Client: long listings arrive whole across pages", "[rpc]") {
  SmallGraph g;
  // 2,500 extra edges (more than two server pages) with evidence.
  core::Engine& e = *g.engine;
  Actor hub = testing::addActor(e, "Hub Ministry", ActorKind::kGovernmentBody);
  std::vector<Actor> spokes;
  for (int i = 0; i < 50; ++i)
    spokes.push_back(testing::addActor(e, "Spoke Office " + std::to_string(i), ActorKind::kGovernmentBody));
  auto batch = e.newBatch();
  for (int i = 0; i < 2500; ++i) {
    Edge edge;
    edge.src = hub.id;
    edge.dst = spokes[static_cast<size_t>(i) % spokes.size()].id;
    edge.type = EdgeType::kConsult;
    edge.when = DateRange::point(Date::fromDays(18000 + i, DatePrecision::kDay));
    edge.evidence.push_back(Evidence{"", 0, 0, 10, "Meeting number " + std::to_string(i)});
    REQUIRE(batch->putEdge(edge));
  }
  REQUIRE(e.commit(*batch).isOk());

  core::LocalGraph local(e);
  ServerThread server(local);
  rpc::ClientOptions options;
  options.pageSize = 700;
  auto c = rpc::Client::connect(server.address(), options);
  REQUIRE(c);
  core::EdgeQuery q;
  q.actor = "Hub Ministry";
  auto want = local.edges(q);
  auto got = (*c)->edges(q);
  REQUIRE(want);
  REQUIRE(got);
  CHECK(got->size() == 2500);
  CHECK(got.value() == want.value());

  core::NeighbourQuery nq;
  nq.actor = "Hub Ministry";
  nq.options.maxEdges = 5000;
  sameResult(local.neighbours(nq), (*c)->neighbours(nq), sameNeighbourhood);
  // The first edgeLimit edges only, and the count of all: through pages of
  // 700 and through the client's own page size.
  auto whole = local.neighbours(nq);
  REQUIRE(whole);
  CHECK(whole->edgeCount == 2500);
  CHECK(whole->edges.size() == 2500);
  for (size_t limit : {size_t{0}, size_t{1}, size_t{699}, size_t{700}, size_t{1500}, size_t{2500}, size_t{3000}}) {
    INFO("edgeLimit " << limit);
    nq.edgeLimit = limit;
    auto first = local.neighbours(nq);
    REQUIRE(first);
    CHECK(first->edgeCount == 2500);
    CHECK(first->nodes == whole->nodes);
    REQUIRE(first->edges.size() == std::min<size_t>(limit, 2500));
    CHECK(std::equal(first->edges.begin(), first->edges.end(), whole->edges.begin()));
    sameResult(first, (*c)->neighbours(nq), sameNeighbourhood);
  }
  core::TimelineQuery tq;
  tq.actor = "Hub Ministry";
  sameResult(local.timeline(tq), (*c)->timeline(tq));

  // The same through the page size the client picks (one thread, one client at a time).
  c.value().reset();
  auto plain = rpc::Client::connect(server.address());
  REQUIRE(plain);
  for (size_t limit : {size_t{0}, size_t{1}, size_t{1500}, size_t{2500}, SIZE_MAX}) {
    INFO("edgeLimit " << limit);
    nq.edgeLimit = limit;
    sameResult(local.neighbours(nq), (*plain)->neighbours(nq), sameNeighbourhood);
  }
}

TEST_CASE("Client: an edge's parties' CAMEO actor codes arrive as the local graph has them", "[rpc]") {
  SmallGraph g;
  Edge coded;
  coded.src = g.engine->resolveOne("Iraq").value().id;
  coded.dst = g.engine->resolveOne("Iran").value().id;
  coded.type = EdgeType::kConsult;
  coded.when = DateRange::point(Date::parse("2020-01-05").value());
  coded.srcCode = "IRQGOV";
  coded.dstCode = "IRN";
  REQUIRE(g.engine->addEdge(coded));
  core::LocalGraph local(*g.engine);
  ServerThread server(local);
  auto c = rpc::Client::connect(server.address());
  REQUIRE(c);
  core::EdgeQuery q;
  q.actor = "Iraq";
  q.filter.types = {EdgeType::kConsult};
  auto want = local.edges(q);
  auto got = (*c)->edges(q);
  REQUIRE(want);
  REQUIRE(got);
  REQUIRE(want->size() == 1);
  CHECK(want->front().srcCode == "IRQGOV");
  CHECK(want->front().dstCode == "IRN");
  CHECK(got.value() == want.value());  // it used to arrive without the codes
}

// The edges forEachEdge visits, in order (all of them unless `stopAfter`).
std::vector<Edge> visited(core::GraphApi& api, const core::EdgeQuery& q, Status* status, size_t stopAfter = SIZE_MAX) {
  std::vector<Edge> out;
  *status = api.forEachEdge(q, [&](Edge& e) {
    out.push_back(e);
    return out.size() < stopAfter;
  });
  return out;
}

TEST_CASE("GraphApi::forEachEdge: local and remote visit what edges() lists, in its order, page by page",
          "[rpc][streaming]") {
  SmallGraph g;
  core::LocalGraph local(*g.engine);
  ServerThread server(local);
  rpc::ClientOptions options;
  options.pageSize = 3;  // ten edges: four pages
  auto c = rpc::Client::connect(server.address(), options);
  REQUIRE(c);
  core::GraphApi& remote = *c.value();

  core::EdgeQuery all;
  core::EdgeQuery us;
  us.actor = "United States";
  us.filter.direction = query::Direction::kOut;
  core::EdgeQuery window2020;
  window2020.filter = window("2020-01", "2020-12");
  window2020.evidence = 1;
  core::EdgeQuery limited;
  limited.limit = 4;
  for (const core::EdgeQuery& q : {all, us, window2020, limited}) {
    INFO("actor '" << q.actor.text() << "', limit " << q.limit);
    auto want = local.edges(q);
    REQUIRE(want);
    REQUIRE(!want->empty());
    for (core::GraphApi* api : {static_cast<core::GraphApi*>(&local), &remote}) {
      Status st;
      auto got = visited(*api, q, &st);
      REQUIRE(st.isOk());
      CHECK(got == want.value());
    }
  }
  for (const char* who : {"United States", "Kata'ib Hezbollah", "Lonely Actor"}) {
    INFO(who);
    core::TimelineQuery tq;
    tq.actor = who;
    auto want = local.timeline(tq);
    REQUIRE(want);
    for (core::GraphApi* api : {static_cast<core::GraphApi*>(&local), &remote}) {
      std::vector<Edge> got;
      REQUIRE(api->forEachTimelineEdge(tq, [&](Edge& e) {
                   got.push_back(e);
                   return true;
                 }).isOk());
      CHECK(got == want.value());
    }
  }
  // The listing holds two edges of one day (2020-01-03) and offices that
  // started long before: the order is edges()'s (by start date, ties in
  // store order), checked above; here that it is by start date at all.
  Status st;
  auto got = visited(local, all, &st);
  REQUIRE(got.size() == 10);
  for (size_t i = 1; i < got.size(); ++i) CHECK(got[i - 1].when.from.days() <= got[i].when.from.days());
  // The edges' actors are named without another call.
  for (const Edge& e : visited(remote, all, &st)) CHECK(remote.nameOf(e.src) == local.nameOf(e.src));

  SECTION("the visitor stops the listing") {
    for (core::GraphApi* api : {static_cast<core::GraphApi*>(&local), &remote}) {
      auto first = visited(*api, all, &st, 4);
      REQUIRE(st.isOk());
      REQUIRE(first.size() == 4);
      CHECK(std::equal(first.begin(), first.end(), got.begin()));
    }
  }
  SECTION("an error comes before any edge") {
    core::EdgeQuery unknown;
    unknown.actor = "Soleimany Nobody";
    core::EdgeQuery bad;
    bad.filter = window("2020-02", "2020-01");
    for (const core::EdgeQuery& q : {unknown, bad}) {
      auto want = local.edges(q);
      REQUIRE(!want);
      for (core::GraphApi* api : {static_cast<core::GraphApi*>(&local), &remote}) {
        auto none = visited(*api, q, &st);
        CHECK(none.empty());
        CHECK(st.code() == want.status().code());
        CHECK(st.message() == want.status().message());
      }
    }
  }
  SECTION("remotely, a graph that changes between pages is Busy after the edges written, never a restart") {
    Actor iraq = g.engine->resolveOne("Iraq").value();
    Actor iran = g.engine->resolveOne("Iran").value();
    bool wrote = false;
    std::vector<Edge> seen;
    st = remote.forEachEdge(all, [&](Edge& e) {
      seen.push_back(e);
      if (!wrote) {
        testing::addEdge(*g.engine, iraq, EdgeType::kConsult, iran, "2020-02-01", "2020-02-01", "Talks in Tehran.");
        wrote = true;
      }
      return true;
    });
    CHECK(st.code() == StatusCode::kBusy);
    CHECK(st.message().find("after 3 edges") != std::string::npos);
    REQUIRE(seen.size() == 3);  // the first page only: nothing visited twice
    CHECK(std::equal(seen.begin(), seen.end(), got.begin()));
  }
}

std::vector<EdgeId> edgeIds(const std::vector<Edge>& edges) {
  std::vector<EdgeId> out;
  for (const Edge& e : edges) out.push_back(e.id);
  return out;
}

TEST_CASE("Client: a query by id answers for that actor when another actor has its name", "[rpc]") {
  SmallGraph g;
  core::Engine& e = *g.engine;
  // A second "Iran": an organisation of that name, with an edge of its own.
  Actor iran = e.resolveOne("Iran").value();
  Actor club = testing::addActor(e, "Iran", ActorKind::kOrganisation);
  Actor us = e.resolveOne("United States").value();
  Edge clubEdge = testing::addEdge(e, club, EdgeType::kConsult, us, "2020-02-01", "2020-02-01", "The club met.");
  REQUIRE(club.id != iran.id);
  core::LocalGraph local(e);
  ServerThread server(local);
  auto connected = rpc::Client::connect(server.address());
  REQUIRE(connected);
  rpc::Client& remote = *connected.value();

  // Old style, by name: whichever "Iran" the name means, as before.
  core::TimelineQuery byName;
  byName.actor = "Iran";
  sameResult(local.timeline(byName), remote.timeline(byName));
  auto named = remote.actor("Iran");
  REQUIRE(named);
  const Actor& other = named->id == iran.id ? club : iran;

  for (const Actor& who : {iran, club}) {
    INFO("actor " << who.id << " " << actorKindName(who.kind));
    core::EdgeQuery eq;
    eq.actor = core::ActorRef::ofId(who.id);
    auto edges = remote.edges(eq);
    REQUIRE(edges);
    REQUIRE(!edges->empty());
    for (const Edge& x : *edges) CHECK((x.src == who.id || x.dst == who.id));
    sameResult(local.edges(eq), edges);
    std::vector<EdgeId> visited;
    REQUIRE(remote.forEachEdge(eq, [&](Edge& x) {
                    visited.push_back(x.id);
                    return true;
                  }).isOk());
    CHECK(visited == edgeIds(*edges));

    core::TimelineQuery tq;
    tq.actor = eq.actor;
    auto timeline = remote.timeline(tq);
    REQUIRE(timeline);
    CHECK(edgeIds(*timeline) == edgeIds(local.timeline(tq).value()));
    for (const Edge& x : *timeline) CHECK((x.src == who.id || x.dst == who.id));

    core::NeighbourQuery nq;
    nq.actor = eq.actor;
    auto hood = remote.neighbours(nq);
    REQUIRE(hood);
    CHECK(hood->nodes.front().id == who.id);
    sameResult(local.neighbours(nq), hood, sameNeighbourhood);

    core::PathQuery pq;
    pq.from = core::ActorRef::ofId(who.id);
    pq.to = "Mike Pompeo";
    auto paths = remote.paths(pq);
    REQUIRE(paths);
    REQUIRE(!paths->paths.empty());
    CHECK(paths->paths.front().nodes.front().id == who.id);
    sameResult(local.paths(pq), paths, samePaths);

    core::AsOfQuery aq;
    aq.date = Date::parse("2019-06-01").value();
    aq.actor = eq.actor;
    sameResult(local.asOf(aq), remote.asOf(aq));

    auto shown = remote.actorByRef(eq.actor);
    REQUIRE(shown);
    CHECK(shown->kind == who.kind);
  }
  // The actor the name does not mean is reached by its id: its edges are its own.
  core::EdgeQuery otherEdges;
  otherEdges.actor = core::ActorRef::ofId(other.id);
  auto got = remote.edges(otherEdges);
  REQUIRE(got);
  if (other.id == club.id)
    CHECK(edgeIds(*got) == std::vector<EdgeId>{clubEdge.id});
  else
    for (const Edge& x : *got) CHECK(x.id != clubEdge.id);
}

TEST_CASE("Client: an id that names no actor is NotFound naming the id", "[rpc]") {
  SmallGraph g;
  core::LocalGraph local(*g.engine);
  ServerThread server(local);
  auto connected = rpc::Client::connect(server.address());
  REQUIRE(connected);
  rpc::Client& remote = *connected.value();
  const core::ActorRef missing = core::ActorRef::ofId(424242);
  auto check = [](const Status& s) {
    CHECK(s.code() == StatusCode::kNotFound);
    CHECK(s.message() == "no actor with id 424242");
  };
  core::EdgeQuery eq;
  eq.actor = missing;
  check(remote.edges(eq).status());
  core::NeighbourQuery nq;
  nq.actor = missing;
  check(remote.neighbours(nq).status());
  core::PathQuery pq;
  pq.from = "Iran";
  pq.to = missing;
  check(remote.paths(pq).status());
  core::TimelineQuery tq;
  tq.actor = missing;
  check(remote.timeline(tq).status());
  core::AsOfQuery aq;
  aq.date = Date::parse("2020").value();
  aq.actor = missing;
  check(remote.asOf(aq).status());
  check(remote.actorByRef(missing).status());
  // The connection keeps serving: a name still resolves.
  tq.actor = "Iran";
  CHECK(remote.timeline(tq).isOk());
}

TEST_CASE("Client: connecting to a port where nothing listens is IOError", "[rpc]") {
  // Bind and close a listener to get a loopback port that is free.
  SmallGraph g;
  core::LocalGraph local(*g.engine);
  std::string address;
  {
    ServerThread server(local);
    address = server.address();
  }
  rpc::ClientOptions options;
  options.timeout = std::chrono::milliseconds(20000);
  auto c = rpc::Client::connect(address, options);
  REQUIRE(!c);
  CHECK(c.status().code() == StatusCode::kIOError);
  CHECK(c.status().message().find(address) != std::string::npos);
}

}  // namespace
}  // namespace kg
