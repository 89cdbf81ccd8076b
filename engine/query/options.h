// The options of the queries, as plain values: the filters every query
// takes (an edge matches when its type is one of `types`, all when empty;
// its CAMEO code starts with one of the `cameo` prefixes, any edge when
// empty, an edge without a CAMEO code matching no prefix; its confidence is
// at least `minConfidence`, kept to 1/255; and, with a window, its date
// range overlaps the window, edges with no date at all matching a window only
// with includeUndated; `direction` says which way edges may be walked: kOut
// src -> dst, kIn dst -> src, kBoth either), and the options of the
// neighbourhood, path and ranking queries.
//
// The queries themselves (filter.h's EdgePredicate, neighbourhood.h,
// paths.h, ranking.h, ...) run on a graph::Snapshot; this header does not
// include the graph module, so that what asks questions above core (the
// GraphApi, rpc, kg) does not see it (engine/core/README.md, "The dependency
// direction").
//
// Plain values; safe to copy and share when not modified.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "model/edge.h"
#include "query/cancel.h"
#include "query/limits.h"

namespace kg::query {

enum class Direction : uint8_t { kOut, kIn, kBoth };
const char* directionName(Direction d);
// "out", "in", "both"; InvalidArgument naming the value otherwise.
Result<Direction> parseDirection(std::string_view s);
inline Direction reverse(Direction d) {
  return d == Direction::kOut ? Direction::kIn : d == Direction::kIn ? Direction::kOut : Direction::kBoth;
}

struct Filter {
  std::vector<EdgeType> types;     // any of these; empty = every type
  std::vector<std::string> cameo;  // CAMEO code prefixes, 1-4 digits each ("19", "0211"); empty = any
  std::optional<int32_t> fromDay;  // window start, days since 1970 (inclusive)
  std::optional<int32_t> toDay;    // window end (inclusive)
  bool includeUndated = false;     // with a window: keep edges with no date
  Direction direction = Direction::kBoth;
  float minConfidence = 0.0f;      // 0..1
  // Not a filter: when the work must stop (a server's deadline, a client
  // gone). Expansions poll it every Checkpoint::kCheckEvery steps and give
  // up with DeadlineExceeded (stoppedAtDeadline), never a partial answer;
  // null (local queries) runs to the end. Shared, so copies of a filter
  // stop together.
  std::shared_ptr<const Cancel> cancel;
};

// Parses a comma-separated list of CAMEO codes or prefixes ("19,0211"):
// each 1 to 4 digits. InvalidArgument naming the offending value (an empty
// entry, non-digits, more than 4 digits) otherwise; "" is an empty list.
Result<std::vector<std::string>> parseCameoList(std::string_view text);
// True when `prefixes` is empty or `code` starts with one of them (the
// filter's rule, for code that reads edges from storage rather than a snapshot).
bool cameoMatches(const std::vector<std::string>& prefixes, std::string_view code);

struct NeighbourhoodOptions {
  int depth = 1;            // 1..kMaxDepth
  size_t limit = 500;       // vertices, 1..kMaxNodeLimit (start included)
  size_t fanout = 100;      // edges followed per vertex, 1..kMaxFanout
  size_t maxEdges = 10000;  // edges returned, 1..kMaxNeighbourEdges
  Filter filter;
};

enum class PathMode : uint8_t { kShortest, kAllShortest, kKShortest, kWeighted, kTemporal };
const char* pathModeName(PathMode m);
// "shortest", "all-shortest", "k-shortest", "weighted", "temporal".
Result<PathMode> parsePathMode(std::string_view s);

struct PathOptions {
  PathMode mode = PathMode::kShortest;
  Filter filter;
  int maxDepth = 6;        // 1..kMaxDepth edges
  int k = 3;               // kKShortest: 1..kMaxK
  size_t maxPaths = 100;   // kAllShortest: 1..kMaxPaths
  // kTemporal and kWeighted: search states held at most (kMaxSearchStates;
  // lower values for tests), past which the query is LimitExceeded.
  size_t maxSearchStates = kMaxSearchStates;
  // Names used in messages ("no path between <fromName> and <toName> ...");
  // "actor <id>" when empty.
  std::string fromName;
  std::string toName;
};

enum class RankMeasure : uint8_t { kDegree, kPageRank, kBetweenness };
const char* rankMeasureName(RankMeasure m);
// "degree", "pagerank", "betweenness"; InvalidArgument otherwise.
Result<RankMeasure> parseRankMeasure(std::string_view s);

// Progress of a ranking, on the ranking's thread: betweenness reports the
// sources done of those it uses after each, PageRank its iterations of at
// most 100 (it may stop earlier, on convergence); degree reports nothing.
using RankProgress = std::function<void(uint64_t done, uint64_t total)>;

struct RankOptions {
  RankMeasure measure = RankMeasure::kDegree;
  Filter filter;
  size_t top = 20;  // 1..kMaxNodeLimit
  RankProgress progress;  // may be empty
};

}  // namespace kg::query
