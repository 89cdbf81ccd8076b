#include "export/selection.h"

#include <algorithm>
#include <map>
#include <unordered_set>

namespace kg::exports {

bool Selection::wholeGraph() const {
  return filter.types.empty() && !filter.fromDay && !filter.toDay && filter.minConfidence <= 0.0f &&
         cameoPrefixes.empty() && !root && limit == UINT64_MAX;
}

bool SelectionScan::matches(const Edge& e) const {
  const query::Filter& f = sel_.filter;
  if (!f.types.empty() && std::find(f.types.begin(), f.types.end(), e.type) == f.types.end()) return false;
  if (e.confidence < f.minConfidence) return false;
  if (f.fromDay || f.toDay) {
    if (!e.when.anyKnown()) {
      if (!f.includeUndated) return false;
    } else if (!e.when.overlaps(f.fromDay.value_or(INT32_MIN), f.toDay.value_or(INT32_MAX))) {
      return false;
    }
  }
  if (!sel_.cameoPrefixes.empty() &&
      std::none_of(sel_.cameoPrefixes.begin(), sel_.cameoPrefixes.end(),
                   [&](const std::string& p) { return e.cameo.compare(0, p.size(), p) == 0; }))
    return false;
  return true;
}

Result<SelectionScan> SelectionScan::prepare(const storage::GraphStore& store, const Selection& sel) {
  if (!(sel.filter.minConfidence >= 0.0f && sel.filter.minConfidence <= 1.0f))
    return Status::invalidArgument("minimum confidence " + std::to_string(sel.filter.minConfidence) +
                                   " is outside 0..1");
  if (sel.filter.fromDay && sel.filter.toDay && *sel.filter.toDay < *sel.filter.fromDay)
    return Status::invalidArgument("the window ends before it starts");
  SelectionScan s(store, sel);
  if (sel.root) {
    auto a = store.getActor(*sel.root);
    if (!a) return a.status();
    if (!a->has_value()) return Status::notFound("no actor with id " + std::to_string(*sel.root));
    KG_RETURN_IF_ERROR(s.neighbourhood());
  }
  if (sel.wholeGraph()) return s;
  // One pass to learn which actors the selected edges touch and whether the
  // limit cuts them.
  std::unordered_set<ActorId> ends;
  if (sel.root) ends.insert(*sel.root);
  uint64_t n = 0;
  const uint64_t stopAfter = sel.limit == UINT64_MAX ? UINT64_MAX : sel.limit + 1;
  KG_RETURN_IF_ERROR(s.scan(stopAfter, [&](ExportEdge& e) {
    if (++n <= sel.limit) {
      ends.insert(e.edge.src);
      ends.insert(e.edge.dst);
    }
    return Status::ok();
  }));
  s.truncated_ = n > sel.limit;
  s.edgeCount_ = std::min(n, sel.limit);
  s.actors_.assign(ends.begin(), ends.end());
  std::sort(s.actors_.begin(), s.actors_.end());
  return s;
}

// Breadth-first from the root over matching edges in the filter's direction,
// reading one-hop runs from the store.
Status SelectionScan::neighbourhood() {
  std::unordered_set<ActorId> seen{*sel_.root};
  std::vector<ActorId> frontier{*sel_.root};
  const query::Direction d = sel_.filter.direction;
  for (int hop = 0; hop < sel_.depth && !frontier.empty(); ++hop) {
    std::vector<ActorId> next;
    for (ActorId v : frontier) {
      auto visit = [&](ActorId other, const storage::EdgeHeader& h) {
        if (matches(h.edge) && seen.insert(other).second) next.push_back(other);
        return storage::Scan::kContinue;
      };
      if (d != query::Direction::kIn)
        KG_RETURN_IF_ERROR(store_->scanOut(v, [&](const storage::EdgeHeader& h) { return visit(h.edge.dst, h); }));
      if (d != query::Direction::kOut)
        KG_RETURN_IF_ERROR(store_->scanIn(v, [&](const storage::EdgeHeader& h) { return visit(h.edge.src, h); }));
    }
    frontier = std::move(next);
  }
  region_.assign(seen.begin(), seen.end());
  std::sort(region_.begin(), region_.end());
  return Status::ok();
}

namespace {

// Parallel edges of one (src, type) run, merged per target (--collapse).
class Collapser {
 public:
  void add(const storage::EdgeHeader& h) {
    auto [it, fresh] = group_.try_emplace(h.edge.dst);
    ExportEdge& x = it->second;
    if (fresh) {
      x.edge = h.edge;
      x.edge.id = 0;
      x.evidenceCount = h.evidenceCount;
      x.weight = 1;
      return;
    }
    Edge& e = x.edge;
    const Edge& o = h.edge;
    ++x.weight;
    x.evidenceCount += h.evidenceCount;
    e.sources += o.sources;
    e.confidence = std::max(e.confidence, o.confidence);
    if (e.mode != o.mode) e.mode.clear();
    if (e.cameo != o.cameo) e.cameo.clear();
    if (e.title != o.title) e.title.clear();
    if (e.dateBasis != o.dateBasis) e.dateBasis = DateBasis::kUnknown;
    if (e.srcCode != o.srcCode) e.srcCode.clear();
    if (e.dstCode != o.dstCode) e.dstCode.clear();
    if (o.when.from.known() && (!e.when.from.known() || o.when.from.days() < e.when.from.days())) e.when.from = o.when.from;
    if (o.when.to.known() && (!e.when.to.known() || o.when.to.lastDay() > e.when.to.lastDay())) e.when.to = o.when.to;
  }
  bool sameRun(const Edge& e) const { return !group_.empty() && e.src == src_ && e.type == type_; }
  void start(const Edge& e) {
    src_ = e.src;
    type_ = e.type;
  }
  std::map<ActorId, ExportEdge>& group() { return group_; }

 private:
  ActorId src_ = 0;
  EdgeType type_ = EdgeType::kConsult;
  std::map<ActorId, ExportEdge> group_;
};

}  // namespace

Status SelectionScan::scan(uint64_t stopAfter, const std::function<Status(ExportEdge&)>& fn) const {
  uint64_t emitted = 0;
  Status err;
  Collapser collapser;
  auto emit = [&](ExportEdge& e) {
    if (emitted >= stopAfter) return false;
    err = fn(e);
    ++emitted;
    return err.isOk() && emitted < stopAfter;
  };
  auto flush = [&]() {
    bool go = true;
    for (auto& [dst, e] : collapser.group())
      if (go) go = emit(e);
    collapser.group().clear();
    return go;
  };
  const bool regional = sel_.root.has_value();
  auto visit = [&](const storage::EdgeHeader& h) {
    if (!matches(h.edge)) return storage::Scan::kContinue;
    if (regional && !std::binary_search(region_.begin(), region_.end(), h.edge.dst)) return storage::Scan::kContinue;
    if (sel_.collapse) {
      if (!collapser.sameRun(h.edge)) {
        if (!flush()) return storage::Scan::kStop;
        collapser.start(h.edge);
      }
      collapser.add(h);
      return storage::Scan::kContinue;
    }
    ExportEdge e{h.edge, h.evidenceCount, 1};
    return emit(e) ? storage::Scan::kContinue : storage::Scan::kStop;
  };
  if (regional) {
    for (ActorId v : region_) {
      KG_RETURN_IF_ERROR(store_->scanOut(v, visit));
      if (!err.isOk() || emitted >= stopAfter) break;
    }
  } else {
    KG_RETURN_IF_ERROR(store_->scanEdges(visit));
  }
  if (err.isOk() && sel_.collapse && emitted < stopAfter) flush();
  return err;
}

Status SelectionScan::forEachActor(const std::function<Status(const Actor&)>& fn) {
  written_.clear();
  if (sel_.wholeGraph()) {
    Status err;
    KG_RETURN_IF_ERROR(store_->scanActors([&](const Actor& a) {
      written_.push_back(a.id);  // key order is id order
      err = fn(a);
      return err.isOk() ? storage::Scan::kContinue : storage::Scan::kStop;
    }));
    return err;
  }
  written_ = actors_;
  for (ActorId id : actors_) {
    auto a = store_->getActor(id);
    if (!a) return a.status();
    if (!a->has_value()) {
      Actor missing;  // an edge whose end is gone: still drawn, named by its id
      missing.id = id;
      missing.name = "#" + std::to_string(id);
      KG_RETURN_IF_ERROR(fn(missing));
      continue;
    }
    KG_RETURN_IF_ERROR(fn(**a));
  }
  return Status::ok();
}

Status SelectionScan::forEachEdge(const std::function<Status(ExportEdge&)>& fn) {
  skipped_ = 0;
  return scan(sel_.limit, [&](ExportEdge& e) {
    if (!std::binary_search(written_.begin(), written_.end(), e.edge.src) ||
        !std::binary_search(written_.begin(), written_.end(), e.edge.dst)) {
      ++skipped_;
      return Status::ok();
    }
    return fn(e);
  });
}

}  // namespace kg::exports
