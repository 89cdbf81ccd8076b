// Filters shared by every query, and the edge predicate the traversals apply
// while expanding (never to results afterwards).
//
// An edge matches when its type is one of `types` (all when empty), its CAMEO
// code starts with one of the `cameo` prefixes (any edge when empty; an edge
// without a CAMEO code matches no prefix), its confidence is at least `minConfidence` (confidences are kept to 1/255), and,
// when a window is set (fromDay and/or toDay), its date range overlaps the
// window; edges with no date at all match a window only with includeUndated.
// `direction` says which way edges may be walked from a vertex: kOut follows
// src -> dst, kIn follows dst -> src, kBoth either.
//
// Plain values; EdgePredicate is immutable and safe to share across threads.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "graph/snapshot.h"
#include "model/edge.h"
#include "query/cancel.h"
#include "query/options.h"

namespace kg::query {

using graph::EdgeIndex;
using graph::Snapshot;
using graph::VertexId;


// A Filter compiled for the inner loops.
class EdgePredicate {
 public:
  // InvalidArgument when the window ends before it starts ("window end
  // 2020-01-01 is before its start 2020-02-01"), minConfidence is outside
  // 0..1 or a CAMEO prefix is not 1 to 4 digits (naming it).
  static Result<EdgePredicate> compile(const Filter& filter);
  // Matches every edge, in both directions.
  EdgePredicate() = default;

  bool operator()(const Snapshot& s, EdgeIndex e) const {
    if (!(typeMask_ >> static_cast<unsigned>(s.type(e)) & 1u)) return false;
    if (!attributesMatch(s, e)) return false;
    if (windowed_) {
      if (!s.dated(e)) return includeUndated_;
      return s.firstDay(e) <= hi_ && s.lastDay(e) >= lo_;
    }
    return true;
  }
  // operator() for an edge already known to be of one of the filter's
  // types, with a known first day no later than the window's end (what
  // RunSkipper's window search guarantees): the checks left are confidence,
  // CAMEO and the window's start against the last day.
  bool acceptsInWindowRun(const Snapshot& s, EdgeIndex e) const {
    return attributesMatch(s, e) && (!windowed_ || s.lastDay(e) >= lo_);
  }
  Direction direction() const { return direction_; }
  bool windowed() const { return windowed_; }
  // The compiled type filter: bit t set for each type taken (all set: any type).
  uint32_t typeMask() const { return typeMask_; }
  // The window's first and last day (graph::kOpenStart / kOpenEnd when open).
  int32_t windowStart() const { return lo_; }
  int32_t windowEnd() const { return hi_; }
  // The filter's Cancel (null: never cancelled); for a search's Checkpoint.
  const Cancel* cancel() const { return cancel_.get(); }
  // True once the filter's Cancel is cancelled. May read the clock: for the
  // end of a search that stopped, not for its inner loops (use a Checkpoint).
  bool cancelled() const { return cancel_ && cancel_->cancelled(); }

 private:
  // The confidence and CAMEO checks, which every accepted edge passes.
  bool attributesMatch(const Snapshot& s, EdgeIndex e) const {
    return s.confidenceByte(e) >= minConf_ && (cameo_.empty() || cameoMatch(s.cameoKey(e)));
  }
  bool cameoMatch(uint16_t key) const {
    for (uint16_t p : cameo_)
      if (graph::cameoKeyHasPrefix(key, p)) return true;
    return false;
  }

  uint32_t typeMask_ = 0xffffffffu;
  std::vector<uint16_t> cameo_;  // packed prefixes (graph::packCameo); empty = any code
  uint8_t minConf_ = 0;
  bool windowed_ = false;
  bool includeUndated_ = false;
  int32_t lo_ = graph::kOpenStart;
  int32_t hi_ = graph::kOpenEnd;
  Direction direction_ = Direction::kBoth;
  std::shared_ptr<const Cancel> cancel_;
};

// The steps (Checkpoint) of expanding v: the edges a scan of it may look
// at, and one for the vertex itself.
inline uint64_t expansionSteps(const Snapshot& s, VertexId v) { return s.outDegree(v) + s.inDegree(v) + 1; }

// Calls fn(neighbour, EdgeRef) for every edge of v that `pred` accepts and
// that may be walked from v in direction `d`; stops early when fn returns
// false. With kBoth a self-loop is visited twice. Returns false when stopped.
template <typename Fn>
inline bool forEachNeighbour(const Snapshot& s, const EdgePredicate& pred, VertexId v, Direction d, Fn&& fn) {
  if (d != Direction::kIn) {
    for (EdgeIndex e = s.outBegin(v), end = s.outEnd(v); e < end; ++e) {
      if (!pred(s, e)) continue;
      VertexId t = s.target(e);
      if (!fn(t, graph::EdgeRef{e, v, t})) return false;
    }
  }
  if (d != Direction::kOut) {
    for (uint32_t p = s.inBegin(v), end = s.inEnd(v); p < end; ++p) {
      EdgeIndex e = s.inEdge(p);
      if (!pred(s, e)) continue;
      VertexId src = s.inSource(p);
      if (!fn(src, graph::EdgeRef{e, src, v})) return false;
    }
  }
  return true;
}

}  // namespace kg::query
