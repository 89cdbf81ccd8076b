#include "query/paths.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>
#include <set>
#include <string>
#include <tuple>
#include <utility>

#include "query/limits.h"

namespace kg::query {

namespace {

using graph::EdgeRef;
using graph::Scratch;
constexpr uint32_t kInf = std::numeric_limits<uint32_t>::max();
// Vertices the temporal search's backward bound may visit before it stops.
constexpr size_t kTemporalBoundBudget = 50000;

EdgeRef refOf(const Snapshot& s, EdgeIndex e) { return {e, s.source(e), s.target(e)}; }

// The end of `e` that is not `v` (v must be an end of e).
VertexId otherEnd(const Snapshot& s, EdgeIndex e, VertexId v) {
  return s.target(e) == v ? s.source(e) : s.target(e);
}

std::string label(const std::string& name, const Snapshot& s, VertexId v) {
  return name.empty() ? "actor " + std::to_string(s.actorId(v)) : name;
}

// Walks parent edges from `v` back to the root of a search; returns the edges
// root-first.
std::vector<EdgeIndex> walkBack(const Snapshot& s, const graph::StampedArray<uint32_t>& parent, VertexId root,
                                VertexId v) {
  std::vector<EdgeIndex> edges;
  while (v != root) {
    EdgeIndex e = parent.get(v);
    edges.push_back(e);
    v = otherEnd(s, e, v);
  }
  std::reverse(edges.begin(), edges.end());
  return edges;
}

Path makePath(const Snapshot& s, VertexId a, const std::vector<EdgeIndex>& edges) {
  Path p;
  p.nodes.push_back(a);
  for (EdgeIndex e : edges) {
    EdgeRef r = refOf(s, e);
    p.edges.push_back(r);
    p.nodes.push_back(r.src == p.nodes.back() ? r.dst : r.src);
  }
  p.cost = static_cast<double>(edges.size());
  return p;
}

// --- shortest: bidirectional BFS -------------------------------------------
// Vertices stamped in `blocked` and edges listed in `blockedEdges` (sorted)
// are never used (Yen's spur searches); both may be null.
struct Blocks {
  const graph::StampedArray<uint32_t>* vertices = nullptr;
  const std::vector<EdgeIndex>* edges = nullptr;
  bool allows(VertexId v, EdgeIndex e) const {
    if (vertices && vertices->has(v)) return false;
    return !edges || !std::binary_search(edges->begin(), edges->end(), e);
  }
};

// Scratch: u32[0] forward distance, u32[1] backward distance, u32[2] forward
// parent edge, u32[3] backward parent edge, u32[6] forward parent vertex,
// u32[7] backward parent vertex, list[0] forward frontier, list[1] backward
// frontier, list[2]. Unless stopped at the first meeting, on success the
// distance arrays hold every vertex within depthF of a and depthB of b
// (depthF + depthB = the path length), and list[1] the backward frontier at
// depthB.
struct BfsMeeting {
  std::vector<EdgeIndex> edges;
  std::vector<VertexId> nodes;  // a first, b last
  uint32_t depthF = 0, depthB = 0;
};

// The edges a scan of v walks in direction d (what expanding v costs).
inline uint64_t sideDegree(const Snapshot& s, VertexId v, Direction d) {
  return (d != Direction::kIn ? s.outDegree(v) : 0) + (d != Direction::kOut ? s.inDegree(v) : 0);
}

// Each round expands one side's whole frontier: the one whose vertices have
// fewer edges to scan (ties: the forward side), so a hub on one side is
// scanned only when the other side costs more. Every meeting found in the
// first round that meets has the same length (a shorter one would have met
// a round earlier), so with `firstMeeting` the search stops at the first
// one (kShortest, and the existence checks); without it the round is
// finished so that the distance arrays are whole (kAllShortest).
// Stops (nullopt) when `cp` says so; a step is an edge of an expanded vertex.
std::optional<BfsMeeting> bidirectionalBfs(const Snapshot& s, const EdgePredicate& pred, VertexId a, VertexId b,
                                           int maxDepth, Scratch& sc, Checkpoint& cp, bool firstMeeting,
                                           Blocks blocks = {}) {
  auto& distF = sc.u32[0];
  auto& distB = sc.u32[1];
  auto& parF = sc.u32[2];
  auto& parB = sc.u32[3];
  auto& fromF = sc.u32[6];
  auto& fromB = sc.u32[7];
  for (auto* arr : {&distF, &distB, &parF, &parB, &fromF, &fromB}) arr->reset(s.vertexCount());
  auto& frontF = sc.list[0];
  auto& frontB = sc.list[1];
  auto& next = sc.list[2];
  frontF.assign(1, a);
  frontB.assign(1, b);
  distF.set(a, 0);
  distB.set(b, 0);
  const Direction dir = pred.direction();
  const Direction back = reverse(dir);
  // The cost of expanding a frontier, counted only as far as `cap`.
  auto frontierCost = [&](const std::vector<VertexId>& f, Direction d, uint64_t cap) {
    uint64_t c = 0;
    for (VertexId v : f) {
      c += sideDegree(s, v, d);
      if (c > cap) break;
    }
    return c;
  };
  uint32_t depthF = 0, depthB = 0;
  uint32_t best = kInf;
  VertexId meet = graph::kNoVertex;
  while (depthF + depthB < static_cast<uint32_t>(maxDepth) && !frontF.empty() && !frontB.empty()) {
    bool forward;
    if (frontF.size() <= frontB.size()) {
      const uint64_t cf = frontierCost(frontF, dir, UINT64_MAX);
      forward = frontierCost(frontB, back, cf) >= cf;
    } else {
      const uint64_t cb = frontierCost(frontB, back, UINT64_MAX);
      forward = frontierCost(frontF, dir, cb) <= cb;
    }
    auto& front = forward ? frontF : frontB;
    auto& mine = forward ? distF : distB;
    auto& theirs = forward ? distB : distF;
    auto& parent = forward ? parF : parB;
    auto& from = forward ? fromF : fromB;
    const uint32_t d = (forward ? depthF : depthB) + 1;
    next.clear();
    for (VertexId u : front) {
      if (cp.step(expansionSteps(s, u))) return std::nullopt;
      const bool whole = forEachNeighbour(s, pred, u, forward ? dir : back, [&](VertexId n, const EdgeRef& r) {
        if (mine.has(n) || !blocks.allows(n, r.index)) return true;
        mine.set(n, d);
        parent.set(n, r.index);
        from.set(n, u);
        next.push_back(n);
        // Keep the first meeting of the round for determinism.
        if (theirs.has(n) && d + theirs.get(n) < best) {
          best = d + theirs.get(n);
          meet = n;
          if (firstMeeting) return false;
        }
        return true;
      });
      if (!whole) break;
    }
    front.swap(next);
    (forward ? depthF : depthB) += 1;
    if (best != kInf) break;
  }
  if (best == kInf) return std::nullopt;
  BfsMeeting m;
  for (VertexId v = meet; v != a; v = fromF.get(v)) {
    m.nodes.push_back(v);
    m.edges.push_back(parF.get(v));
  }
  m.nodes.push_back(a);
  std::reverse(m.nodes.begin(), m.nodes.end());
  std::reverse(m.edges.begin(), m.edges.end());
  for (VertexId v = meet; v != b;) {
    m.edges.push_back(parB.get(v));
    v = fromB.get(v);
    m.nodes.push_back(v);
  }
  m.depthF = depthF;
  m.depthB = depthB;
  return m;
}

// The path of a meeting, without looking up edge sources.
Path meetingPath(const Snapshot& s, const BfsMeeting& m) {
  Path p;
  p.nodes = m.nodes;
  p.edges.reserve(m.edges.size());
  for (size_t i = 0; i < m.edges.size(); ++i) {
    const EdgeIndex e = m.edges[i];
    const VertexId u = m.nodes[i], v = m.nodes[i + 1];
    // A path has no self-loop, so the edge's target tells its direction.
    p.edges.push_back(s.target(e) == v ? EdgeRef{e, u, v} : EdgeRef{e, v, u});
  }
  p.cost = static_cast<double>(m.edges.size());
  return p;
}

// --- all shortest -----------------------------------------------------------
// Gives up (leaving `out` partial) when `cp` says so; the caller checks cp.
void enumerateShortest(const Snapshot& s, const EdgePredicate& pred, VertexId u, uint32_t depth, uint32_t length,
                       const graph::StampedArray<uint32_t>& distB, std::vector<EdgeIndex>& stack, size_t maxPaths,
                       PathResult& out, VertexId a, Checkpoint& cp) {
  if (cp.step(depth == length ? length : expansionSteps(s, u))) return;
  if (depth == length) {
    if (out.paths.size() == maxPaths) {
      out.truncated = true;
      return;
    }
    out.paths.push_back(makePath(s, a, stack));
    return;
  }
  std::vector<std::pair<EdgeIndex, VertexId>> steps;
  forEachNeighbour(s, pred, u, pred.direction(), [&](VertexId n, const EdgeRef& r) {
    // A walk of depth + 1 edges from a that is length - depth - 1 from b is
    // on a shortest path (so its forward distance need not be checked).
    if (distB.has(n) && distB.get(n) == length - depth - 1) steps.emplace_back(r.index, n);
    return true;
  });
  std::sort(steps.begin(), steps.end());
  for (auto [e, n] : steps) {
    if (out.truncated || cp.stopped()) return;
    stack.push_back(e);
    enumerateShortest(s, pred, n, depth + 1, length, distB, stack, maxPaths, out, a, cp);
    stack.pop_back();
  }
}

// After bidirectionalBfs: extends the backward distances to every vertex on
// a shortest path, walking back only through vertices whose forward distance
// fits (distF + distB == length), so the work stays inside the forward ball.
// Gives up when `cp` says so; the caller checks cp.
void extendBackward(const Snapshot& s, const EdgePredicate& pred, const BfsMeeting& m, Scratch& sc, Checkpoint& cp) {
  auto& distF = sc.u32[0];
  auto& distB = sc.u32[1];
  const uint32_t length = m.depthF + m.depthB;
  auto& front = sc.list[1];
  auto& next = sc.list[2];
  // Keep only frontier vertices that lie on a shortest path.
  next.clear();
  for (VertexId v : front)
    if (distF.has(v) && distF.get(v) == m.depthF) next.push_back(v);
  front.swap(next);
  for (uint32_t d = m.depthB + 1; d <= length && !front.empty(); ++d) {
    next.clear();
    for (VertexId u : front) {
      if (cp.step(expansionSteps(s, u))) return;
      forEachNeighbour(s, pred, u, reverse(pred.direction()), [&](VertexId n, const EdgeRef&) {
        if (distB.has(n) || !distF.has(n) || distF.get(n) != length - d) return true;
        distB.set(n, d);
        next.push_back(n);
        return true;
      });
    }
    front.swap(next);
  }
}

// --- weighted ---------------------------------------------------------------
struct Record {
  VertexId v;
  EdgeIndex edge;
  uint32_t parent;  // record index; kInf for the root
  double value;     // cost (weighted) or arrival day (temporal)
};

std::vector<EdgeIndex> recordChain(const std::vector<Record>& recs, uint32_t r) {
  std::vector<EdgeIndex> edges;
  for (; recs[r].parent != kInf; r = recs[r].parent) edges.push_back(recs[r].edge);
  std::reverse(edges.begin(), edges.end());
  return edges;
}

// Hop-bounded label-correcting search in rounds: after round h every vertex
// holds the best value reachable with at most h edges. `step(value, e)`
// returns the value on the far side of e, or nullopt when e cannot be taken.
// Only strict improvements are recorded, so the chain of a vertex never
// repeats a vertex when values never decrease along edges. Gives up
// (nullopt) when `cp` says so, or, setting *overflow, when it would hold more
// than `maxStates` records.
// Scratch: u32[0] best record, u32[1] round mark, list[0..1].
template <typename Step>
std::optional<uint32_t> boundedRounds(const Snapshot& s, const EdgePredicate& pred, VertexId a, VertexId b,
                                      int maxDepth, double startValue, Step step, std::vector<Record>& recs,
                                      Scratch& sc, Checkpoint& cp, size_t maxStates, bool* overflow) {
  auto& bestRec = sc.u32[0];
  auto& mark = sc.u32[1];
  bestRec.reset(s.vertexCount());
  mark.reset(s.vertexCount());
  recs.clear();
  recs.push_back({a, 0, kInf, startValue});
  bestRec.set(a, 0);
  auto& frontier = sc.list[0];  // record indices
  auto& touched = sc.list[1];   // vertices improved in this round
  frontier.assign(1, 0);
  for (int h = 1; h <= maxDepth && !frontier.empty(); ++h) {
    touched.clear();
    for (uint32_t r : frontier) {
      const VertexId u = recs[r].v;
      if (cp.step(expansionSteps(s, u))) return std::nullopt;
      const double value = recs[r].value;
      forEachNeighbour(s, pred, u, pred.direction(), [&](VertexId n, const EdgeRef& ref) {
        std::optional<double> nv = step(value, ref.index);
        if (!nv) return true;
        if (bestRec.has(n) && !(*nv < recs[bestRec.get(n)].value)) return true;
        if (recs.size() >= maxStates) {
          *overflow = true;
          return false;
        }
        bestRec.set(n, static_cast<uint32_t>(recs.size()));
        recs.push_back({n, ref.index, r, *nv});
        if (!mark.has(n) || mark.get(n) != static_cast<uint32_t>(h)) {
          mark.set(n, static_cast<uint32_t>(h));
          touched.push_back(n);
        }
        return true;
      });
      if (*overflow) return std::nullopt;
    }
    frontier.clear();
    for (VertexId v : touched) frontier.push_back(bestRec.get(v));
  }
  if (!bestRec.has(b)) return std::nullopt;
  return bestRec.get(b);
}

// Bidirectional Dijkstra on edgeCost. Scratch: f64[0..1] cost, u32[0..1]
// parent edge, u32[2..3] settled, u32[4..5] hops from the side's root
// (forward, backward). Returns the edges of a cheapest path, or nullopt.
// Stops when the two heap tops together cannot beat the best meeting found,
// or, setting *tooDeep, as soon as a side settles a vertex whose cheapest
// path from its root has more than `maxDepth` edges: from then on the search
// would only explore beyond the depth limit, so the caller's hop-bounded
// search answers instead (the work stays within the depth, not the
// component).
// Gives up (nullopt) when `cp` says so; a step is a heap pop or an edge of a
// settled vertex.
std::optional<std::vector<EdgeIndex>> bidirectionalDijkstra(const Snapshot& s, const EdgePredicate& pred, VertexId a,
                                                            VertexId b, int maxDepth, Scratch& sc, bool* tooDeep,
                                                            Checkpoint& cp) {
  *tooDeep = false;
  using Item = std::pair<double, VertexId>;
  auto cmp = [](const Item& x, const Item& y) { return x.first > y.first; };
  struct Side {
    graph::StampedArray<double>* cost;
    graph::StampedArray<uint32_t>* parent;
    graph::StampedArray<uint32_t>* settled;
    graph::StampedArray<uint32_t>* hops;
    std::vector<Item> heap;
    Direction dir;
  };
  Side sides[2] = {{&sc.f64[0], &sc.u32[0], &sc.u32[2], &sc.u32[4], {}, pred.direction()},
                   {&sc.f64[1], &sc.u32[1], &sc.u32[3], &sc.u32[5], {}, reverse(pred.direction())}};
  for (Side& side : sides) {
    side.cost->reset(s.vertexCount());
    side.parent->reset(s.vertexCount());
    side.settled->reset(s.vertexCount());
    side.hops->reset(s.vertexCount());
  }
  sides[0].cost->set(a, 0.0);
  sides[0].hops->set(a, 0);
  sides[0].heap.push_back({0.0, a});
  sides[1].cost->set(b, 0.0);
  sides[1].hops->set(b, 0);
  sides[1].heap.push_back({0.0, b});
  double best = std::numeric_limits<double>::infinity();
  VertexId meet = graph::kNoVertex;
  while (!sides[0].heap.empty() && !sides[1].heap.empty()) {
    if (cp.step()) return std::nullopt;
    if (sides[0].heap.front().first + sides[1].heap.front().first >= best) break;
    const int i = sides[0].heap.front().first <= sides[1].heap.front().first ? 0 : 1;
    Side& me = sides[i];
    Side& other = sides[1 - i];
    std::pop_heap(me.heap.begin(), me.heap.end(), cmp);
    // Copies, not a structured binding: the lambda below captures them
    // (clang 14, the fuzzing and sanitizer compiler, cannot capture bindings).
    const double cu = me.heap.back().first;
    const VertexId u = me.heap.back().second;
    me.heap.pop_back();
    if (me.settled->has(u)) continue;
    if (me.hops->get(u) > static_cast<uint32_t>(maxDepth)) {
      *tooDeep = true;
      return std::nullopt;
    }
    me.settled->set(u, 1);
    if (cp.step(expansionSteps(s, u))) return std::nullopt;
    const uint32_t nextHops = me.hops->get(u) + 1;
    forEachNeighbour(s, pred, u, me.dir, [&](VertexId n, const EdgeRef& r) {
      if (me.settled->has(n)) return true;
      double c = edgeCost(s, r.index);
      if (!std::isfinite(c)) return true;
      double nc = cu + c;
      if (!me.cost->has(n) || nc < me.cost->get(n)) {
        me.cost->set(n, nc);
        me.parent->set(n, r.index);
        me.hops->set(n, nextHops);
        me.heap.push_back({nc, n});
        std::push_heap(me.heap.begin(), me.heap.end(), cmp);
      }
      if (other.cost->has(n) && me.cost->get(n) + other.cost->get(n) < best) {
        best = me.cost->get(n) + other.cost->get(n);
        meet = n;
      }
      return true;
    });
  }
  if (meet == graph::kNoVertex) return std::nullopt;
  std::vector<EdgeIndex> edges = walkBack(s, *sides[0].parent, a, meet);
  for (VertexId v = meet; v != b;) {
    EdgeIndex e = sides[1].parent->get(v);
    edges.push_back(e);
    v = otherEnd(s, e, v);
  }
  return edges;
}

// Earliest arrival within `maxDepth` edges: label setting over (vertex,
// hops) states in order of (arrival, hops). A state is dropped when its vertex
// was already settled with no more hops, since that one arrived no later and
// can continue at least as far; so each vertex settles at most maxDepth times.
// Scratch: u32[0] fewest hops settled per vertex, u32[1] hops to b, list[0..1].
// Returns the edges, or nullopt (also when `cp` says to stop, and, setting
// *overflow, when it would hold more than `maxStates` states).
template <typename Step>
std::optional<std::vector<EdgeIndex>> earliestArrival(const Snapshot& s, const EdgePredicate& pred, VertexId a,
                                                      VertexId b, int maxDepth, Step step, Scratch& sc,
                                                      Checkpoint& cp, size_t maxStates, bool* overflow) {
  struct State {
    VertexId v;
    uint32_t hops;
    uint32_t parent;  // state index; kInf for the start
    EdgeIndex edge;
  };
  auto& settledHops = sc.u32[0];
  settledHops.reset(s.vertexCount());
  // A lower bound on the hops still needed from each vertex, from a
  // breadth-first search back from b over dated edges, cut off when its ball
  // grows large: inside the ball the bound is the distance, outside it is
  // one more than the ball's radius. States that cannot reach b within the
  // depth are never created; this is what keeps the search near b small.
  auto& toB = sc.u32[1];
  toB.reset(s.vertexCount());
  toB.set(b, 0);
  uint32_t radius = 0;
  {
    auto& front = sc.list[0];
    auto& next = sc.list[1];
    front.assign(1, b);
    size_t seen = 1;
    while (radius + 1 < static_cast<uint32_t>(maxDepth) && !front.empty() && seen < kTemporalBoundBudget) {
      next.clear();
      for (VertexId u : front) {
        if (cp.step(expansionSteps(s, u))) return std::nullopt;
        forEachNeighbour(s, pred, u, reverse(pred.direction()), [&](VertexId n, const EdgeRef& r) {
          if (toB.has(n) || !s.dated(r.index)) return true;
          toB.set(n, radius + 1);
          next.push_back(n);
          ++seen;
          return true;
        });
      }
      front.swap(next);
      ++radius;
    }
    // The last level may be cut short only by the budget check above, which
    // runs between levels, so every level up to `radius` is complete. An
    // emptied frontier means everything that can reach b is inside.
    if (front.empty()) radius = static_cast<uint32_t>(maxDepth);
  }
  auto hopsLeftAtLeast = [&](VertexId v) { return toB.has(v) ? toB.get(v) : radius + 1; };
  std::vector<State> states{{a, 0, kInf, 0}};
  using Item = std::tuple<double, uint32_t, uint32_t>;  // arrival, hops, state
  std::vector<Item> heap{{static_cast<double>(graph::kOpenStart), 0, 0}};
  auto cmp = [](const Item& x, const Item& y) { return x > y; };
  while (!heap.empty()) {
    if (cp.step()) return std::nullopt;
    std::pop_heap(heap.begin(), heap.end(), cmp);
    const auto t = std::get<0>(heap.back());  // not a binding: captured below (clang 14)
    const auto hops = std::get<1>(heap.back());
    const auto si = std::get<2>(heap.back());
    heap.pop_back();
    const VertexId u = states[si].v;
    if (settledHops.has(u) && settledHops.get(u) <= hops) continue;
    settledHops.set(u, hops);
    if (u == b) {
      std::vector<EdgeIndex> edges;
      for (uint32_t i = si; states[i].parent != kInf; i = states[i].parent) edges.push_back(states[i].edge);
      std::reverse(edges.begin(), edges.end());
      return edges;
    }
    if (hops == static_cast<uint32_t>(maxDepth)) continue;
    if (cp.step(expansionSteps(s, u))) return std::nullopt;
    forEachNeighbour(s, pred, u, pred.direction(), [&](VertexId n, const EdgeRef& r) {
      if (settledHops.has(n) && settledHops.get(n) <= hops + 1) return true;
      if (hops + 1 + hopsLeftAtLeast(n) > static_cast<uint32_t>(maxDepth)) return true;
      std::optional<double> nt = step(t, r.index);
      if (!nt) return true;
      if (states.size() >= maxStates) {
        *overflow = true;
        return false;
      }
      states.push_back({n, hops + 1, si, r.index});
      heap.emplace_back(*nt, hops + 1, static_cast<uint32_t>(states.size() - 1));
      std::push_heap(heap.begin(), heap.end(), cmp);
      return true;
    });
    if (*overflow) return std::nullopt;
  }
  return std::nullopt;
}

double pathCost(const Snapshot& s, const std::vector<EdgeIndex>& edges) {
  double c = 0;
  for (EdgeIndex e : edges) c += edgeCost(s, e);
  return c;
}

Status checkRange(const char* what, long long value, long long max) {
  if (value < 1) return Status::invalidArgument(std::string(what) + " must be at least 1, got " + std::to_string(value));
  if (value > max)
    return Status::limitExceeded(std::string(what) + " " + std::to_string(value) + " is beyond the maximum " +
                                 std::to_string(max));
  return Status::ok();
}

}  // namespace

const char* pathModeName(PathMode m) {
  switch (m) {
    case PathMode::kShortest: return "shortest";
    case PathMode::kAllShortest: return "all-shortest";
    case PathMode::kKShortest: return "k-shortest";
    case PathMode::kWeighted: return "weighted";
    case PathMode::kTemporal: return "temporal";
  }
  return "shortest";
}

Result<PathMode> parsePathMode(std::string_view text) {
  for (PathMode m : {PathMode::kShortest, PathMode::kAllShortest, PathMode::kKShortest, PathMode::kWeighted,
                     PathMode::kTemporal})
    if (text == pathModeName(m)) return m;
  return Status::invalidArgument("unknown path mode '" + std::string(text) +
                                 "'; use shortest, all-shortest, k-shortest, weighted or temporal");
}

double edgeCost(const Snapshot& s, EdgeIndex e) {
  double conf = s.confidence(e);
  if (conf <= 0) return std::numeric_limits<double>::infinity();
  return 1.0 / (conf * (1.0 + std::log1p(static_cast<double>(s.evidenceCount(e)))));
}

Result<PathResult> findPaths(const Snapshot& s, VertexId a, VertexId b, const PathOptions& o) {
  if (a >= s.vertexCount() || b >= s.vertexCount())
    return Status::invalidArgument("path: vertex " + std::to_string(std::max(a, b)) + " is not in the graph");
  if (a == b)
    return Status::invalidArgument("path: both ends are " + label(o.fromName, s, a) + "; give two different actors");
  KG_RETURN_IF_ERROR(checkRange("max depth", o.maxDepth, kMaxDepth));
  if (o.mode == PathMode::kKShortest) KG_RETURN_IF_ERROR(checkRange("k", o.k, kMaxK));
  if (o.mode == PathMode::kAllShortest)
    KG_RETURN_IF_ERROR(checkRange("path limit", static_cast<long long>(o.maxPaths), static_cast<long long>(kMaxPaths)));
  auto compiled = EdgePredicate::compile(o.filter);
  if (!compiled.isOk()) return compiled.status();
  const EdgePredicate& pred = *compiled;
  // One checkpoint for the whole query, so that its phases and Yen's many
  // small spur searches count their steps together. A search cut short by
  // it found nothing it can vouch for: DeadlineExceeded, not "no path".
  Checkpoint cp(pred.cancel());
  // Built only when needed: a query that finds its path makes no message.
  auto notFound = [&] {
    if (cp.stopped()) return stoppedAtDeadline();
    return Status::notFound("no path between " + label(o.fromName, s, a) + " and " + label(o.toName, s, b) +
                            " within depth " + std::to_string(o.maxDepth) + " (with the given filters)");
  };
  auto tooManyStates = [&] {
    return Status::limitExceeded(std::string("path: the ") + pathModeName(o.mode) + " search between " +
                                 label(o.fromName, s, a) + " and " + label(o.toName, s, b) + " needs more than " +
                                 std::to_string(o.maxSearchStates) +
                                 " search states; narrow it with filters, a date window or a lower depth");
  };
  auto lease = s.scratch();
  Scratch& sc = *lease;
  PathResult out;

  switch (o.mode) {
    case PathMode::kShortest: {
      auto m = bidirectionalBfs(s, pred, a, b, o.maxDepth, sc, cp, true);
      if (!m) return notFound();
      out.paths.push_back(meetingPath(s, *m));
      return out;
    }
    case PathMode::kAllShortest: {
      auto m = bidirectionalBfs(s, pred, a, b, o.maxDepth, sc, cp, false);
      if (!m) return notFound();
      const auto length = static_cast<uint32_t>(m->edges.size());
      extendBackward(s, pred, *m, sc, cp);
      if (cp.stopped()) return stoppedAtDeadline();
      std::vector<EdgeIndex> stack;
      enumerateShortest(s, pred, a, 0, length, sc.u32[1], stack, o.maxPaths, out, a, cp);
      if (cp.stopped()) return stoppedAtDeadline();
      return out;
    }
    case PathMode::kKShortest: {
      auto first = bidirectionalBfs(s, pred, a, b, o.maxDepth, sc, cp, true);
      if (!first) return notFound();
      std::vector<std::vector<EdgeIndex>> found{first->edges};
      std::set<std::pair<size_t, std::vector<EdgeIndex>>> candidates;
      std::set<std::vector<EdgeIndex>> seen{first->edges};
      graph::StampedArray<uint32_t>& blocked = sc.u32[4];
      while (found.size() < static_cast<size_t>(o.k)) {
        if (cp.stopped()) return stoppedAtDeadline();
        const std::vector<EdgeIndex> prev = found.back();
        const Path prevPath = makePath(s, a, prev);
        for (size_t i = 0; i < prev.size(); ++i) {
          const VertexId spur = prevPath.nodes[i];
          std::vector<EdgeIndex> blockedEdges;
          for (const auto& p : found)
            if (p.size() > i && std::equal(prev.begin(), prev.begin() + static_cast<long>(i), p.begin()))
              blockedEdges.push_back(p[i]);
          std::sort(blockedEdges.begin(), blockedEdges.end());
          blocked.reset(s.vertexCount());
          for (size_t j = 0; j < i; ++j) blocked.set(prevPath.nodes[j], 1);
          auto spurPath = bidirectionalBfs(s, pred, spur, b, o.maxDepth - static_cast<int>(i), sc, cp, true,
                                           Blocks{&blocked, &blockedEdges});
          if (cp.stopped()) return stoppedAtDeadline();
          if (!spurPath) continue;
          std::vector<EdgeIndex> total(prev.begin(), prev.begin() + static_cast<long>(i));
          total.insert(total.end(), spurPath->edges.begin(), spurPath->edges.end());
          if (seen.insert(total).second) candidates.insert({total.size(), std::move(total)});
        }
        if (candidates.empty()) break;
        found.push_back(candidates.begin()->second);
        candidates.erase(candidates.begin());
      }
      for (const auto& p : found) out.paths.push_back(makePath(s, a, p));
      return out;
    }
    case PathMode::kWeighted: {
      // A cheap necessary condition first: without any path within the depth
      // the cost searches would only exhaust B's or A's component.
      if (!bidirectionalBfs(s, pred, a, b, o.maxDepth, sc, cp, true)) return notFound();
      bool tooDeep = false;
      auto edges = bidirectionalDijkstra(s, pred, a, b, o.maxDepth, sc, &tooDeep, cp);
      if (!edges && !tooDeep) return notFound();
      if (tooDeep || edges->size() > static_cast<size_t>(o.maxDepth)) {
        // The cheapest path is too long, or the search went past the depth
        // before finding it; find the cheapest short enough one.
        std::vector<Record> recs;
        auto step = [&](double value, EdgeIndex e) -> std::optional<double> {
          double c = edgeCost(s, e);
          if (!std::isfinite(c)) return std::nullopt;
          return value + c;
        };
        bool overflow = false;
        auto r = boundedRounds(s, pred, a, b, o.maxDepth, 0.0, step, recs, sc, cp, o.maxSearchStates, &overflow);
        if (overflow) return tooManyStates();
        if (!r) return notFound();
        edges = recordChain(recs, *r);
      }
      Path p = makePath(s, a, *edges);
      p.cost = pathCost(s, *edges);
      out.paths.push_back(std::move(p));
      return out;
    }
    case PathMode::kTemporal: {
      auto step = [&](double value, EdgeIndex e) -> std::optional<double> {
        if (!s.dated(e)) return std::nullopt;
        double depart = std::max(value, static_cast<double>(s.firstDay(e)));
        if (depart > static_cast<double>(s.lastDay(e))) return std::nullopt;
        return depart;
      };
      if (!bidirectionalBfs(s, pred, a, b, o.maxDepth, sc, cp, true)) return notFound();  // as for kWeighted
      bool overflow = false;
      auto edges = earliestArrival(s, pred, a, b, o.maxDepth, step, sc, cp, o.maxSearchStates, &overflow);
      if (overflow) return tooManyStates();
      if (!edges) return notFound();
      Path p = makePath(s, a, *edges);
      double t = static_cast<double>(graph::kOpenStart);
      for (EdgeIndex e : *edges) {
        t = *step(t, e);
        p.days.push_back(static_cast<int32_t>(t));
      }
      out.paths.push_back(std::move(p));
      return out;
    }
  }
  return Status::internal("path: unhandled mode");
}

}  // namespace kg::query
