// LocalGraph, the GraphApi over an open Engine, lives in core: these cases
// link kg::core alone (no rpc module) and ask the questions `kg` asks
// locally. The same questions through kgd are tests/rpc.
#include <catch2/catch.hpp>

#include <atomic>
#include <filesystem>
#include <random>
#include <thread>

#include "../support/temp_dir.h"
#include "core/engine.h"
#include "core/local_graph.h"

using namespace kg;
using namespace kg::core;
using kg::testing::TempDir;

namespace {

Actor put(Engine& engine, const std::string& name, ActorKind kind) {
  Actor a;
  a.name = name;
  a.kind = kind;
  auto added = engine.addActor(a);
  REQUIRE(added.isOk());
  return added.value();
}

void link(Engine& engine, const Actor& src, EdgeType type, const Actor& dst, const std::string& day) {
  Edge e;
  e.src = src.id;
  e.dst = dst.id;
  e.type = type;
  e.when.from = Date::parse(day).value();
  e.when.to = e.when.from;
  REQUIRE(engine.addEdge(e).isOk());
}

}  // namespace

TEST_CASE("LocalGraph: answers resolve, edges, neighbours and paths with the core library alone", "[core][graph_api]") {
  TempDir dir;
  auto opened = Engine::open(dir.sub("db"), {});
  REQUIRE(opened.isOk());
  Engine& engine = *opened.value();
  Actor us = put(engine, "United States", ActorKind::kState);
  Actor kh = put(engine, "Kata'ib Hezbollah", ActorKind::kArmedGroup);
  Actor iraq = put(engine, "Iraq", ActorKind::kState);
  link(engine, kh, EdgeType::kAssault, us, "2019-12-27");
  link(engine, iraq, EdgeType::kProtest, us, "2020-01-05");

  LocalGraph graph(engine);
  GraphApi& api = graph;
  auto resolved = api.resolve("Kata'ib Hezbollah");
  REQUIRE(resolved.isOk());
  REQUIRE(resolved->size() == 1);
  CHECK(resolved->front().id == kh.id);

  EdgeQuery eq;
  eq.actor = "United States";
  auto edges = api.edges(eq);
  REQUIRE(edges.isOk());
  CHECK(edges->size() == 2);

  NeighbourQuery nq;
  nq.actor = "Iraq";
  nq.options.depth = 2;
  auto hood = api.neighbours(nq);
  REQUIRE(hood.isOk());
  CHECK(hood->nodes.size() == 3);

  PathQuery pq;
  pq.from = "Iraq";
  pq.to = "Kata'ib Hezbollah";
  auto paths = api.paths(pq);
  REQUIRE(paths.isOk());
  REQUIRE(paths->paths.size() == 1);
  CHECK(paths->paths[0].nodes.size() == 3);
  CHECK(paths->paths[0].nodes[1].id == us.id);
  CHECK(api.nameOf(iraq.id) == "Iraq");
}

namespace {

// Two actors named "Georgia" (the state and a party of that name), each
// with edges of its own: a name cannot tell them apart, an id can.
struct TwoGeorgias {
  TempDir dir;
  std::unique_ptr<Engine> engine;
  Actor state, party, russia, leader, usa;

  TwoGeorgias() {
    auto opened = Engine::open(dir.sub("db"), {});
    REQUIRE(opened.isOk());
    engine = std::move(opened).value();
    state = put(*engine, "Georgia", ActorKind::kState);
    party = put(*engine, "Georgia", ActorKind::kOrganisation);
    russia = put(*engine, "Russia", ActorKind::kState);
    leader = put(*engine, "Irakli Kobakhidze", ActorKind::kPerson);
    usa = put(*engine, "United States", ActorKind::kState);
    link(*engine, russia, EdgeType::kAssault, state, "2008-08-08");
    link(*engine, party, EdgeType::kProtest, usa, "2020-01-05");
    Edge office;  // a standing relation, in force from 2012 on
    office.src = leader.id;
    office.dst = party.id;
    office.type = EdgeType::kLeaderOf;
    office.when.from = Date::parse("2012").value();
    REQUIRE(engine->addEdge(office).isOk());
  }
};

std::vector<EdgeId> idsOf(const std::vector<Edge>& edges) {
  std::vector<EdgeId> out;
  for (const Edge& e : edges) out.push_back(e.id);
  return out;
}

}  // namespace

TEST_CASE("LocalGraph: a query by id answers for that actor when another actor has its name", "[core][graph_api]") {
  TwoGeorgias g;
  REQUIRE(g.state.id != g.party.id);
  LocalGraph graph(*g.engine);
  GraphApi& api = graph;

  // By name, "Georgia" means one of them (Engine::resolveOne: the first of
  // those spelled exactly so), as it always did; the other one is reached
  // by its id only.
  auto byNameActor = api.actor("Georgia");
  REQUIRE(byNameActor.isOk());
  EdgeQuery byName;
  byName.actor = "Georgia";
  auto byNameEdges = api.edges(byName);
  REQUIRE(byNameEdges.isOk());

  EdgeQuery eq;
  eq.actor = ActorRef::ofId(g.state.id);
  auto stateEdges = api.edges(eq);
  REQUIRE(stateEdges.isOk());
  REQUIRE(stateEdges->size() == 1);
  CHECK(stateEdges->front().src == g.russia.id);
  eq.actor = ActorRef::ofId(g.party.id);
  auto partyEdges = api.edges(eq);
  REQUIRE(partyEdges.isOk());
  REQUIRE(partyEdges->size() == 2);
  for (const Edge& e : *partyEdges) CHECK((e.src == g.party.id || e.dst == g.party.id));
  CHECK(idsOf(*byNameEdges) == idsOf(byNameActor->id == g.state.id ? *stateEdges : *partyEdges));
  std::vector<EdgeId> visited;
  REQUIRE(api.forEachEdge(eq, [&](Edge& e) {
                visited.push_back(e.id);
                return true;
              }).isOk());
  CHECK(visited == idsOf(*partyEdges));

  NeighbourQuery nq;
  nq.actor = ActorRef::ofId(g.party.id);
  auto hood = api.neighbours(nq);
  REQUIRE(hood.isOk());
  REQUIRE(hood->nodes.size() == 3);
  CHECK(hood->nodes.front().id == g.party.id);
  nq.actor = ActorRef::ofId(g.state.id);
  hood = api.neighbours(nq);
  REQUIRE(hood.isOk());
  REQUIRE(hood->nodes.size() == 2);
  CHECK(hood->nodes.front().id == g.state.id);
  CHECK(hood->nodes.back().id == g.russia.id);

  PathQuery pq;
  pq.from = "Russia";
  pq.to = ActorRef::ofId(g.state.id);
  auto paths = api.paths(pq);
  REQUIRE(paths.isOk());
  REQUIRE(paths->paths.size() == 1);
  CHECK(paths->paths[0].nodes.back().id == g.state.id);
  pq.from = ActorRef::ofId(g.leader.id);
  pq.to = ActorRef::ofId(g.party.id);
  paths = api.paths(pq);
  REQUIRE(paths.isOk());
  REQUIRE(paths->paths.size() == 1);
  CHECK(paths->paths[0].nodes.back().id == g.party.id);
  pq.to = ActorRef::ofId(g.state.id);  // the leader leads the party, not the state
  paths = api.paths(pq);
  CHECK((!paths || paths->paths.empty()));

  TimelineQuery tq;
  tq.actor = ActorRef::ofId(g.state.id);
  auto timeline = api.timeline(tq);
  REQUIRE(timeline.isOk());
  CHECK(idsOf(*timeline) == idsOf(*stateEdges));
  visited.clear();
  REQUIRE(api.forEachTimelineEdge(tq, [&](Edge& e) {
                visited.push_back(e.id);
                return true;
              }).isOk());
  CHECK(visited == idsOf(*stateEdges));

  AsOfQuery aq;
  aq.date = Date::parse("2020-06-01").value();
  aq.actor = ActorRef::ofId(g.party.id);
  auto held = api.asOf(aq);
  REQUIRE(held.isOk());
  REQUIRE(held->size() == 1);
  CHECK(held->front().src == g.leader.id);
  aq.actor = ActorRef::ofId(g.state.id);
  held = api.asOf(aq);
  REQUIRE(held.isOk());
  CHECK(held->empty());

  auto shown = api.actorByRef(ActorRef::ofId(g.party.id));
  REQUIRE(shown.isOk());
  CHECK(shown->kind == ActorKind::kOrganisation);
}

TEST_CASE("LocalGraph: an id that names no actor is NotFound naming the id, in every query", "[core][graph_api]") {
  TwoGeorgias g;
  LocalGraph graph(*g.engine);
  GraphApi& api = graph;
  const ActorRef missing = ActorRef::ofId(987654);
  auto check = [](const Status& s) {
    CHECK(s.code() == StatusCode::kNotFound);
    CHECK(s.message() == "no actor with id 987654");
  };
  EdgeQuery eq;
  eq.actor = missing;
  check(api.edges(eq).status());
  check(api.forEachEdge(eq, [](Edge&) { return true; }));
  NeighbourQuery nq;
  nq.actor = missing;
  check(api.neighbours(nq).status());
  PathQuery pq;
  pq.from = "Russia";
  pq.to = missing;
  check(api.paths(pq).status());
  TimelineQuery tq;
  tq.actor = missing;
  check(api.timeline(tq).status());
  check(api.forEachTimelineEdge(tq, [](Edge&) { return true; }));
  AsOfQuery aq;
  aq.date = Date::parse("2020").value();
  aq.actor = missing;
  check(api.asOf(aq).status());
  check(api.actorByRef(missing).status());
}

TEST_CASE("LocalGraph: a query by name resolves as before ActorRef", "[core][graph_api]") {
  TwoGeorgias g;
  LocalGraph graph(*g.engine);
  GraphApi& api = graph;
  TimelineQuery tq;
  tq.actor = "Russia";
  auto timeline = api.timeline(tq);
  REQUIRE(timeline.isOk());
  REQUIRE(timeline->size() == 1);
  CHECK(timeline->front().dst == g.state.id);
  tq.actor = "Ruritania";  // unknown: NotFound, as Engine::resolveOne says
  auto unknown = api.timeline(tq);
  REQUIRE(!unknown);
  CHECK(unknown.status().code() == StatusCode::kNotFound);
  CHECK(unknown.status().message() == g.engine->resolveOne("Ruritania").status().message());
  CHECK(unknown.status().message().find("unknown actor 'Ruritania'") == 0);
}

TEST_CASE("LocalGraph: nameOf answers the stored name, also after a rename through it or a write beside it",
          "[core][graph_api]") {
  TempDir dir;
  auto opened = Engine::open(dir.sub("db"), {});
  REQUIRE(opened.isOk());
  Engine& engine = *opened.value();
  Actor iraq = put(engine, "Iraq", ActorKind::kState);
  Actor us = put(engine, "United States", ActorKind::kState);
  LocalGraph graph(engine);
  CHECK(graph.nameOf(iraq.id) == "Iraq");
  CHECK(graph.nameOf(iraq.id) == "Iraq");  // kept: the same answer
  CHECK(graph.nameOf(us.id + 100) == "#" + std::to_string(us.id + 100));

  CurationBy by;
  by.user = "test";
  REQUIRE(graph.renameActor("Iraq", "Republic of Iraq", by).isOk());
  CHECK(graph.nameOf(iraq.id) == "Republic of Iraq");

  // A writer that goes around this LocalGraph (the engine's own write) is seen too.
  CHECK(graph.nameOf(us.id) == "United States");
  Actor later = put(engine, "Kuwait", ActorKind::kState);
  CHECK(graph.nameOf(later.id) == "Kuwait");
  REQUIRE(engine
              .withWriteLock([&](storage::GraphStore& store) {
                auto b = store.newBatch();
                Actor renamed = us;
                renamed.name = "USA";
                auto put = b->putActor(renamed, {"usa"});
                if (!put) return put.status();
                return store.commit(*b);
              })
              .isOk());
  CHECK(graph.nameOf(us.id) == "USA");
}

TEST_CASE("LocalGraph: a neighbourhood's edges are the stored edges, in the traversal's order, with their evidence",
          "[core][graph_api]") {
  TempDir dir;
  auto opened = Engine::open(dir.sub("db"), {});
  REQUIRE(opened.isOk());
  Engine& engine = *opened.value();
  std::vector<Actor> a;
  for (int i = 0; i < 8; ++i) a.push_back(put(engine, "Actor " + std::to_string(i), ActorKind::kOrganisation));
  for (int i = 0; i < 30; ++i) {
    Edge e;
    e.src = a[i % 8].id;
    e.dst = a[(i * 3 + 1) % 8].id;
    if (e.src == e.dst) continue;
    e.type = static_cast<EdgeType>(i % 4);
    e.when = DateRange::point(Date::day(2021, 1 + i % 12, 1 + i % 28));
    e.confidence = 0.5f;
    for (int k = 0; k < i % 4; ++k)
      e.evidence.push_back(
          {"doc" + std::to_string((i + k) % 5), static_cast<uint32_t>(k), 0, 4, "text " + std::to_string(k)});
    REQUIRE(engine.addEdge(e).isOk());
  }
  LocalGraph graph(engine);
  for (size_t evidence : {size_t{0}, size_t{1}, size_t{3}}) {
    NeighbourQuery q;
    q.actor = "Actor 0";
    q.options.depth = 2;
    q.evidence = evidence;
    auto hood = graph.neighbours(q);
    REQUIRE(hood.isOk());
    REQUIRE(hood->edges.size() > 10);
    for (const Edge& got : hood->edges) {
      INFO("edge " << got.id << ", evidence " << evidence);
      auto stored = engine.store().getEdge(got.id);
      REQUIRE(stored.isOk());
      Edge want = stored.value();
      if (want.evidence.size() > evidence) want.evidence.resize(evidence);
      CHECK(got == want);
    }
    // Paged as kgd pages it, the pages join into the same answer.
    std::vector<Edge> joined;
    PageRequest page;
    page.count = 7;
    page.byteBudget = 1u << 20;
    for (;;) {
      PageSpan span;
      auto part = graph.neighboursPage(q, page, &span);
      REQUIRE(part.isOk());
      joined.insert(joined.end(), part->edges.begin(), part->edges.end());
      if (!span.more) break;
      page.offset = span.next;
    }
    CHECK(joined == hood->edges);
  }
}

TEST_CASE("LocalGraph: edges read at the snapshot's locations are the store's, after a write moved one",
          "[core][graph_api]") {
  TempDir dir;
  auto opened = Engine::open(dir.sub("db"), {});
  REQUIRE(opened.isOk());
  Engine& engine = *opened.value();
  Actor us = put(engine, "United States", ActorKind::kState);
  Actor iraq = put(engine, "Iraq", ActorKind::kState);
  Actor iran = put(engine, "Iran", ActorKind::kState);
  Edge undated;
  undated.src = iraq.id;
  undated.dst = us.id;
  undated.type = EdgeType::kProtest;
  undated.evidence.push_back({"d1", 0, 0, 5, "Iraq protested."});
  REQUIRE(engine.addEdge(undated).isOk());
  link(engine, iran, EdgeType::kAssault, us, "2020-01-08");
  link(engine, us, EdgeType::kAssault, iraq, "2020-01-03");

  NeighbourQuery q;
  q.actor = "United States";
  q.options.depth = 2;
  q.evidence = 5;
  auto stored = [&](const NeighbourhoodView& view) {
    for (const Edge& e : view.edges) {
      INFO("edge " << e.id);
      auto want = engine.store().getEdge(e.id);
      REQUIRE(want.isOk());
      CHECK(e == want.value());
    }
  };
  LocalGraph first(engine);
  auto before = first.neighbours(q);  // publishes a snapshot and saves the file
  REQUIRE(before.isOk());
  REQUIRE(before->edges.size() == 3);
  stored(before.value());

  // A dated report joins the undated edge (the only one of its kind): its from
  // date, and so its place in the store, changes.
  Edge dated = undated;
  dated.when = DateRange::point(Date::day(2020, 1, 5));
  dated.evidence = {{"d2", 0, 0, 5, "Iraq protested again."}};
  auto joined = engine.addEdge(dated);
  REQUIRE(joined.isOk());

  // The published snapshot still places the edge where it was: read by id.
  auto stale = first.neighbours(q);
  REQUIRE(stale.isOk());
  REQUIRE(stale->edges.size() == 3);
  stored(stale.value());
  CHECK(std::any_of(stale->edges.begin(), stale->edges.end(),
                    [](const Edge& e) { return e.when.from == Date::day(2020, 1, 5) && e.evidence.size() == 2; }));
  // A new reader maps the file and merges the change log: the edge's new place.
  LocalGraph second(engine);
  auto merged = second.neighbours(q);
  REQUIRE(merged.isOk());
  stored(merged.value());
  CHECK(merged->edges.size() == 3);
}

TEST_CASE("LocalGraph: kgd's refresh after each write answers as a rebuild, with readers running meanwhile",
          "[core][graph_api][overlay]") {
  // kgd's path: the snapshot loaded once, then after every commit
  // LocalGraph::refresh (graph::updateSnapshot: the file merged with every
  // write since it, without copying) while other threads query. After each
  // refresh, a LocalGraph over the same store whose snapshot is rebuilt from
  // it (the file removed first) answers every neighbourhood and path alike.
  TempDir dir;
  auto opened = Engine::open(dir.sub("db"), {});
  REQUIRE(opened.isOk());
  Engine& engine = *opened.value();
  std::mt19937 rng(9);
  std::vector<Actor> actors;
  for (int i = 0; i < 40; ++i) actors.push_back(put(engine, "actor " + std::to_string(i), ActorKind::kPerson));
  const EdgeType types[] = {EdgeType::kAssault, EdgeType::kProtest, EdgeType::kConsult};
  auto randomLinks = [&](size_t n) {
    for (size_t i = 0; i < n; ++i) {
      const Actor& a = actors[rng() % actors.size()];
      const Actor& b = actors[rng() % actors.size()];
      if (a.id == b.id) continue;
      link(engine, a, types[rng() % 3], b, "2020-01-" + std::to_string(10 + rng() % 20));
    }
  };
  randomLinks(200);
  LocalGraph graph(engine);
  REQUIRE(graph.loadSnapshot().isOk());  // built and saved: the file the refreshes merge onto

  // Readers: every answer must be a whole one (no error, a path's edges join its nodes).
  std::atomic<bool> stop{false};
  std::atomic<size_t> failures{0}, answered{0};
  std::vector<std::thread> readers;
  for (int t = 0; t < 2; ++t)
    readers.emplace_back([&, t] {
      std::mt19937 r(100 + t);
      while (!stop.load()) {
        NeighbourQuery nq;
        nq.actor = ActorRef::ofId(actors[r() % 40].id);
        nq.options.depth = 2;
        auto hood = graph.neighbours(nq);
        PathQuery pq;
        pq.from = ActorRef::ofId(actors[r() % 40].id);
        pq.to = ActorRef::ofId(actors[r() % 40].id);
        auto paths = graph.paths(pq);
        if (!hood.isOk() || (!paths.isOk() && paths.status().code() != StatusCode::kNotFound &&
                             paths.status().code() != StatusCode::kInvalidArgument))
          ++failures;
        if (paths.isOk())
          for (const auto& p : paths->paths)
            if (p.nodes.size() != p.edges.size() + 1) ++failures;
        ++answered;
      }
    });

  for (int round = 0; round < 12; ++round) {
    INFO("round " << round);
    if (round % 4 == 3) actors.push_back(put(engine, "new actor " + std::to_string(round), ActorKind::kState));
    randomLinks(1 + rng() % 15);
    REQUIRE(graph.refresh().isOk());

    std::filesystem::remove(dir.sub("db") + "/graph.snapshot");
    LocalGraph fresh(engine);
    fresh.setSnapshotReport([](const std::string&) {});
    REQUIRE(fresh.loadSnapshot().isOk());  // rebuilt from the store (and saved)
    for (size_t i = 0; i < actors.size(); i += 3) {
      NeighbourQuery nq;
      nq.actor = ActorRef::ofId(actors[i].id);
      nq.options.depth = 2;
      auto a = graph.neighbours(nq);
      auto b = fresh.neighbours(nq);
      REQUIRE(a.isOk());
      REQUIRE(b.isOk());
      CHECK(idsOf(a->edges) == idsOf(b->edges));
      CHECK(a->nodes.size() == b->nodes.size());
      PathQuery pq;
      pq.from = ActorRef::ofId(actors[i].id);
      pq.to = ActorRef::ofId(actors[(i * 7 + 5) % actors.size()].id);
      pq.options.mode = query::PathMode::kAllShortest;
      auto pa = graph.paths(pq);
      auto pb = fresh.paths(pq);
      REQUIRE(pa.isOk() == pb.isOk());
      if (pa.isOk()) {
        REQUIRE(pa->paths.size() == pb->paths.size());
        for (size_t k = 0; k < pa->paths.size(); ++k) CHECK(idsOf(pa->paths[k].edges) == idsOf(pb->paths[k].edges));
      }
    }
  }
  stop = true;
  for (auto& t : readers) t.join();
  CHECK(failures.load() == 0);
  CHECK(answered.load() > 0);
}
