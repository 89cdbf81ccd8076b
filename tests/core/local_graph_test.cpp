// LocalGraph, the GraphApi over an open Engine, lives in core: these cases
// link kg::core alone (no rpc module) and ask the questions `kg` asks
// locally. The same questions through kgd are tests/rpc.
#include <catch2/catch.hpp>

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
