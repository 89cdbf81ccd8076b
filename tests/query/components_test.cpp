#include <catch2/catch.hpp>

#include "query/components.h"
#include "random_graph.h"

using namespace kg;
using namespace kg::query;
using namespace kg::testing;

TEST_CASE("Components: weakly connected components of the matching edges equal brute force", "[query][components]") {
  for (int i = 0; i < 100; ++i) {
    std::mt19937 rng(static_cast<uint32_t>(i + 5000));
    int n = 5 + static_cast<int>(rng() % 26);
    std::vector<ActorId> actors;
    auto snap = *Snapshot::fromEdges(actors, randomEdges(rng, n, 0.5 + (rng() % 20) / 10.0, &actors));
    Filter f = randomFilter(rng);
    f.direction = Direction::kBoth;
    auto adj = walkable(*snap, *EdgePredicate::compile(f));
    std::set<std::set<VertexId>> expected;
    std::vector<char> done(adj.size(), 0);
    size_t isolated = 0;
    for (VertexId v = 0; v < adj.size(); ++v) {
      if (done[v]) continue;
      if (adj[v].empty()) {
        ++isolated;
        continue;
      }
      std::set<VertexId> comp{v};
      std::vector<VertexId> q{v};
      done[v] = 1;
      for (size_t j = 0; j < q.size(); ++j)
        for (const Step& st : adj[q[j]])
          if (!done[st.to]) {
            done[st.to] = 1;
            comp.insert(st.to);
            q.push_back(st.to);
          }
      expected.insert(comp);
    }
    f.direction = static_cast<Direction>(i % 3);  // direction must not matter
    auto got = components(*snap, f);
    REQUIRE(got.isOk());
    std::set<std::set<VertexId>> actual;
    for (size_t j = 0; j < got->components.size(); ++j) {
      actual.insert({got->components[j].begin(), got->components[j].end()});
      if (j > 0) CHECK(got->components[j].size() <= got->components[j - 1].size());
    }
    CHECK(actual == expected);
    CHECK(got->isolated == isolated);
  }
}
