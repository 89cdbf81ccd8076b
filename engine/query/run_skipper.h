// RunSkipper: which positions of a vertex's row (its out-edges, or its
// in-edges) a filter can accept, found without looking at the others.
//
// A snapshot orders each row by (type, first day). For each type the filter
// takes, the skipper goes to that type's run (the run index's starts for a
// row of at least graph::kIndexedRowEdges edges, else a binary search),
// then, with a window [lo, hi], to its edges whose first day lies in
// [lo - typeSpan(type), hi] (graph/run_index.h), plus the run's edges with an
// unknown first day, which come first. For point events that is exactly the
// edges of the window. The caller still applies the EdgePredicate to each
// position visited (confidence, CAMEO codes and the window's other end).
//
// Immutable after construction; safe to share across threads.
#pragma once

#include <cstdint>

#include "graph/snapshot.h"
#include "query/filter.h"

namespace kg::query {

class RunSkipper {
 public:
  // The types and window of `pred` (the edges it may accept).
  explicit RunSkipper(const EdgePredicate& pred)
      : mask_(pred.typeMask()), lo_(pred.windowStart()), hi_(pred.windowEnd()) {
    useful_ = mask_ != kAll || hi_ != graph::kOpenEnd || lo_ != graph::kOpenStart;
  }

  // Calls fn(position, inWindowRun) for positions of the row [begin, end),
  // in increasing order, each once, among them every position whose edge the
  // filter accepts; stops when fn returns false. inWindowRun true says the
  // edge is of one of the filter's types with a known first day within
  // [window start - span, window end], so EdgePredicate::acceptsInWindowRun
  // decides it. `starts` is the row's type-run starts
  // (Snapshot::outRunStarts / inRunStarts), or null; edgeAt(position) is the
  // edge index at a position.
  template <typename EdgeAt, typename Fn>
  void forEach(const graph::Snapshot& s, uint32_t begin, uint32_t end, const uint32_t* starts, EdgeAt edgeAt,
               Fn&& fn) const {
    if (!useful_ || end - begin < kMinRun) {
      for (uint32_t p = begin; p < end; ++p)
        if (!fn(p, false)) return;
      return;
    }
    uint32_t cur = begin;
    for (uint32_t mask = mask_; mask != 0 && cur < end; mask &= mask - 1) {
      const auto t = static_cast<unsigned>(__builtin_ctz(mask));
      if (t >= graph::kRunTypes) break;  // no edge has such a type
      if (starts) {
        auto anyEdge = [](graph::EdgeIndex) { return true; };  // the index bounds the run
        if (!scanRun(s, t, starts[t], starts[t + 1], edgeAt, fn, anyEdge, &cur)) return;
      } else {
        // Type t's run starts at the first position of a type >= t, and ends
        // where the type changes: the searches test the type too.
        cur = partitionPoint(cur, end, [&](uint32_t p) { return static_cast<unsigned>(s.type(edgeAt(p))) < t; });
        auto inRun = [&](graph::EdgeIndex e) { return static_cast<unsigned>(s.type(e)) == t; };
        if (!scanRun(s, t, cur, end, edgeAt, fn, inRun, &cur)) return;
      }
    }
  }

 private:
  static constexpr uint32_t kAll = 0xffffffffu;
  static constexpr uint32_t kMinRun = 16;  // shorter rows: a plain scan is cheaper

  template <typename Pred>
  static uint32_t partitionPoint(uint32_t lo, uint32_t hi, Pred pred) {
    while (lo < hi) {
      const uint32_t mid = lo + (hi - lo) / 2;
      if (pred(mid)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  // Visits the candidates of type t's run, which starts at `cur` and lies
  // within [cur, runEnd) where inRun(edge) holds; *next: where the run's
  // candidates end. False when fn stopped the scan.
  template <typename EdgeAt, typename Fn, typename InRun>
  bool scanRun(const graph::Snapshot& s, unsigned t, uint32_t cur, uint32_t runEnd, EdgeAt edgeAt, Fn& fn, InRun inRun,
               uint32_t* next) const {
    const int32_t span = s.typeSpan(t);
    // With the unknown first days split off, [cur, stop) below holds only
    // edges of type t with a known first day in [lo - span, hi].
    const bool split = lo_ != graph::kOpenStart && span != graph::kUnboundedSpan;
    if (split) {
      // Edges with an unknown first day come first; they may match.
      if (cur < runEnd && inRun(edgeAt(cur)) && s.firstDay(edgeAt(cur)) == graph::kOpenStart) {
        const uint32_t known = partitionPoint(cur, runEnd, [&](uint32_t p) {
          const graph::EdgeIndex e = edgeAt(p);
          return inRun(e) && s.firstDay(e) == graph::kOpenStart;
        });
        for (; cur < known; ++cur)
          if (!fn(cur, false)) return false;
      }
      // An edge starting before lo - span ends before lo.
      const int64_t from = static_cast<int64_t>(lo_) - span;
      cur = partitionPoint(cur, runEnd, [&](uint32_t p) {
        const graph::EdgeIndex e = edgeAt(p);
        return inRun(e) && s.firstDay(e) < from;
      });
    }
    const uint32_t stop = partitionPoint(cur, runEnd, [&](uint32_t p) {
      const graph::EdgeIndex e = edgeAt(p);
      return inRun(e) && s.firstDay(e) <= hi_;
    });
    for (; cur < stop; ++cur)
      if (!fn(cur, split)) return false;
    *next = stop;
    return true;
  }

  uint32_t mask_ = kAll;
  int32_t lo_ = graph::kOpenStart;
  int32_t hi_ = graph::kOpenEnd;
  bool useful_ = false;
};

}  // namespace kg::query
