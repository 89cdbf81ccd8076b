// WriteBatch (the RocksDB one, storage/rocks_store.cpp): facts written in one
// batch merge exactly as the same facts written one batch each.
#include <catch2/catch.hpp>

#include <cstdio>
#include <random>
#include <string>
#include <vector>

#include "../support/temp_dir.h"
#include "storage/graph_store.h"

using namespace kg;
using namespace kg::storage;
using kg::testing::TempDir;

namespace {

std::unique_ptr<GraphStore> openOrDie(const std::string& path) {
  auto s = openStore(path, {});
  INFO(s.status().toString());
  REQUIRE(s.isOk());
  return std::move(s).value();
}

// Every edge with all its fields and evidence, in key order.
std::string dumpEdges(const GraphStore& st) {
  std::string out;
  REQUIRE(st.scanEdges([&](const EdgeHeader& h) {
              const Edge& e = h.edge;
              char conf[32];
              std::snprintf(conf, sizeof conf, "%.6f", static_cast<double>(e.confidence));
              out += "edge " + std::to_string(e.id) + " " + std::to_string(e.src) + " " + edgeTypeName(e.type) + " " +
                     std::to_string(e.dst) + " " + e.when.from.toString() + ".." + e.when.to.toString() +
                     " basis=" + std::to_string(static_cast<int>(e.dateBasis)) + " mode=" + e.mode +
                     " title=" + e.title + " conf=" + conf + " sources=" + std::to_string(e.sources) +
                     " ev=" + std::to_string(h.evidenceCount) + "\n";
              auto ev = st.getEvidence(e.id, SIZE_MAX);
              if (ev)
                for (const Evidence& x : ev.value())
                  out += "  evidence " + x.doc + "#" + std::to_string(x.sentence) + " " + x.text + "\n";
              return Scan::kContinue;
            }).isOk());
  auto stats = st.stats();
  REQUIRE(stats.isOk());
  out += "stats " + std::to_string(stats->actors) + " " + std::to_string(stats->edges) + " " +
         std::to_string(stats->evidence) + "\n";
  return out;
}

// Facts that collide often: few actors and types, dates within days of each
// other at mixed precisions, undated reports, planned and done, offices
// with and without titles, the same sentences read again.
std::vector<Edge> randomFacts(uint32_t seed, size_t n, size_t actors) {
  std::mt19937 rng(seed);
  auto pick = [&](size_t k) { return static_cast<size_t>(rng() % k); };
  const EdgeType types[] = {EdgeType::kAssault, EdgeType::kConsult, EdgeType::kAccuse, EdgeType::kOfficialOf,
                            EdgeType::kMemberOf};
  const char* titles[] = {"", "Prime Minister", "prime minister", "Ambassador"};
  const DateBasis bases[] = {DateBasis::kUnknown, DateBasis::kText, DateBasis::kArticle, DateBasis::kDictionary};
  std::vector<Edge> facts;
  for (size_t i = 0; i < n; ++i) {
    Edge e;
    e.src = 1 + pick(actors);
    do e.dst = 1 + pick(actors);
    while (e.dst == e.src);
    e.type = types[pick(std::size(types))];
    const int day = 18000 + static_cast<int>(pick(40));
    switch (pick(6)) {
      case 0:
        break;  // undated
      case 1:
        e.when = DateRange::point(Date::month(2019, 4 + static_cast<int>(pick(3))));
        break;
      case 2:
        e.when = {Date::fromDays(day, DatePrecision::kDay),
                  Date::fromDays(day + static_cast<int>(pick(400)), DatePrecision::kDay)};
        break;
      default:
        e.when = DateRange::point(Date::fromDays(day, DatePrecision::kDay));
        break;
    }
    if (isStandingType(e.type)) e.title = titles[pick(std::size(titles))];
    e.dateBasis = e.when.anyKnown() ? bases[pick(std::size(bases))] : DateBasis::kUnknown;
    if (pick(5) == 0) e.mode = "planned";
    e.confidence = 0.5f + 0.1f * static_cast<float>(pick(5));
    const std::string doc = pick(8) == 0 ? "" : "doc" + std::to_string(pick(12));
    const uint32_t sentence = static_cast<uint32_t>(pick(4));
    e.evidence.push_back({doc, sentence, sentence * 10, sentence * 10 + 9, "s" + std::to_string(sentence)});
    facts.push_back(std::move(e));
  }
  return facts;
}

void putActors(GraphStore& st, size_t n) {
  auto b = st.newBatch();
  for (size_t i = 0; i < n; ++i) {
    Actor a;
    a.name = "Actor " + std::to_string(i + 1);
    a.kind = ActorKind::kOrganisation;
    REQUIRE(b->putActor(a, {}).isOk());
  }
  REQUIRE(st.commit(*b).isOk());
}

}  // namespace

TEST_CASE("WriteBatch: facts written in one batch merge as when written one batch each", "[storage][merge]") {
  for (uint32_t seed : {1u, 2u, 3u, 4u, 5u}) {
    INFO("seed " << seed);
    const auto facts = randomFacts(seed, 600, 5);
    TempDir dir;
    auto one = openOrDie(dir.sub("one"));
    auto each = openOrDie(dir.sub("each"));
    putActors(*one, 5);
    putActors(*each, 5);
    std::vector<EdgeId> idsOne, idsEach;
    {
      auto b = one->newBatch();
      for (const Edge& e : facts) {
        auto id = b->putEdge(e);
        REQUIRE(id.isOk());
        idsOne.push_back(id.value());
      }
      REQUIRE(one->commit(*b).isOk());
    }
    for (const Edge& e : facts) {
      auto b = each->newBatch();
      auto id = b->putEdge(e);
      REQUIRE(id.isOk());
      idsEach.push_back(id.value());
      REQUIRE(each->commit(*b).isOk());
    }
    CHECK(idsOne == idsEach);  // every fact joined the same edge
    const std::string d = dumpEdges(*one);
    CHECK(d == dumpEdges(*each));
    CHECK(d.find("ev=2") != std::string::npos);  // facts did merge
  }
}
