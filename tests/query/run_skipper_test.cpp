#include <catch2/catch.hpp>

#include <vector>

#include "query/run_skipper.h"
#include "random_graph.h"

using namespace kg;
using namespace kg::query;
using namespace kg::testing;

namespace {

// The positions RunSkipper visits in [begin, end), stopping after `stopAfter`;
// *wrongShortcuts counts those it said acceptsInWindowRun decides where
// that disagrees with the whole predicate.
template <typename EdgeAt>
std::vector<uint32_t> visited(const RunSkipper& skip, const Snapshot& s, const EdgePredicate& pred, uint32_t begin,
                              uint32_t end, const uint32_t* starts, EdgeAt edgeAt, int* shortcuts, int* wrongShortcuts,
                              size_t stopAfter = SIZE_MAX) {
  std::vector<uint32_t> out;
  skip.forEach(s, begin, end, starts, edgeAt, [&](uint32_t p, bool inWindowRun) {
    out.push_back(p);
    if (inWindowRun) {
      ++*shortcuts;
      *wrongShortcuts += pred.acceptsInWindowRun(s, edgeAt(p)) != pred(s, edgeAt(p));
    }
    return out.size() < stopAfter;
  });
  return out;
}

}  // namespace

TEST_CASE("RunSkipper: visits every position the filter accepts, in order, each once, inside the row, and says "
          "truly which ones its window search vouches for",
          "[query][runskipper]") {
  int indexedRows = 0, searchedRows = 0, skipped = 0, shortcuts = 0, wrongShortcuts = 0;
  for (int g = 0; g < 80; ++g) {
    std::mt19937 rng(static_cast<uint32_t>(4099 * g + 7));
    const int n = 2 + static_cast<int>(rng() % 30);
    std::vector<ActorId> actors;
    // Up to ~700 edges a hub row: rows below 16 (scanned), 16-255 (searched), 256+ (indexed).
    auto edges = hubEdges(rng, n, static_cast<int>(rng() % 2500), &actors);
    // Half the graphs have only point events and undated edges, as an event
    // import does: bounded type spans, so the window search splits the runs.
    // A quarter more have closed intervals only: bounded spans above 0, so
    // edges starting before the window may still reach into it.
    if (g % 4 == 0 || g % 4 == 2)
      for (auto& h : edges)
        h.edge.when = rng() % 10 == 0 ? DateRange()
                                      : DateRange::point(Date::fromDays(18000 + static_cast<int32_t>(rng() % 200),
                                                                        DatePrecision::kDay));
    if (g % 4 == 1)
      for (auto& h : edges) {
        const int32_t day = 18000 + static_cast<int32_t>(rng() % 200);
        h.edge.when = DateRange{Date::fromDays(day, DatePrecision::kDay),
                                Date::fromDays(day + static_cast<int32_t>(rng() % 40), DatePrecision::kDay)};
      }
    auto snap = *Snapshot::fromEdges(actors, edges);
    const Filter filter = randomFilter(rng);
    const EdgePredicate pred = *EdgePredicate::compile(filter);
    const RunSkipper skip(pred);
    INFO("graph " << g);
    for (VertexId v = 0; v < snap->vertexCount(); ++v) {
      for (int in = 0; in < 2; ++in) {
        const uint32_t begin = in ? snap->inBegin(v) : snap->outBegin(v);
        const uint32_t end = in ? snap->inEnd(v) : snap->outEnd(v);
        const uint32_t* starts = in ? snap->inRunStarts(v) : snap->outRunStarts(v);
        auto edgeAt = [&](uint32_t p) { return in ? snap->inEdge(p) : p; };
        // Once with the index, once without it (the searches alone).
        for (const uint32_t* use : {starts, static_cast<const uint32_t*>(nullptr)}) {
          const auto got = visited(skip, *snap, pred, begin, end, use, edgeAt, &shortcuts, &wrongShortcuts);
          for (size_t i = 0; i < got.size(); ++i) {
            REQUIRE(got[i] >= begin);
            REQUIRE(got[i] < end);
            if (i > 0) REQUIRE(got[i - 1] < got[i]);
          }
          size_t j = 0;
          for (uint32_t p = begin; p < end; ++p) {
            if (!pred(*snap, edgeAt(p))) continue;
            while (j < got.size() && got[j] < p) ++j;
            REQUIRE(j < got.size());
            REQUIRE(got[j] == p);
          }
          skipped += static_cast<int>(end - begin - got.size());
          // Stopping: fn returning false ends the walk at once.
          if (got.size() >= 2)
            CHECK(visited(skip, *snap, pred, begin, end, use, edgeAt, &shortcuts, &wrongShortcuts, 2).size() == 2);
        }
        if (end - begin >= 256) ++indexedRows;
        else if (end - begin >= 16) ++searchedRows;
      }
    }
  }
  CHECK(indexedRows > 20);
  CHECK(searchedRows > 100);
  CHECK(skipped > 10000);  // it does skip
  CHECK(shortcuts > 10000);
  CHECK(wrongShortcuts == 0);  // where it says the window search decided, only the rest is left
}
