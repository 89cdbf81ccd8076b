#include "core/local_graph.h"

#include <cstring>

#include <array>
#include <map>
#include <set>

#include <algorithm>
#include <cctype>
#include <iostream>
#include <tuple>

#include "core/ingest.h"
#include "core/page_cursor.h"
#include "extract/extractor.h"
#include "graph/snapshot_file.h"
#include "graph/snapshot_holder.h"
#include "query/components.h"
#include "query/neighbourhood.h"
#include "query/paths.h"
#include "query/ranking.h"
#include "query/timeline.h"

namespace kg::core {

static_assert(PathView::kUndated == graph::kOpenStart, "PathView::days says undated as the snapshot does");

struct LocalGraph::Snapshots {
  graph::SnapshotHolder holder;
  std::mutex loadMu;             // one snapshot load or rebuild at a time; guards loaded
  graph::LoadedSnapshot loaded;  // the published snapshot with its stamp and unsaved overlay
};

LocalGraph::LocalGraph(Engine& engine, DictionaryOptions dictionaries)
    : engine_(engine),
      snapshots_(std::make_unique<Snapshots>()),
      report_([](const std::string& line) { std::cerr << "warning: " << line << "\n"; }),
      dictionaries_(std::move(dictionaries)) {}
LocalGraph::~LocalGraph() = default;

Result<storage::StoreStats> LocalGraph::stats() { return engine_.stats(); }

Result<GraphSummary> LocalGraph::summary() {
  auto snap = snapshot();
  if (!snap) return snap.status();
  const graph::Snapshot& s = **snap;
  GraphSummary out;
  std::array<uint64_t, kEdgeTypeCount> byType{};
  int32_t lo = graph::kOpenEnd, hi = graph::kOpenStart;
  // Every edge once, through the rows (a merged snapshot may leave slots between them).
  for (graph::VertexId v = 0; v < s.vertexCount(); ++v)
    for (graph::EdgeIndex e = s.outBegin(v), end = s.outEnd(v); e < end; ++e) {
      const auto t = static_cast<size_t>(s.type(e));
      if (t < byType.size()) ++byType[t];
      if (!s.dated(e)) {
        ++out.undatedEdges;
        continue;
      }
      const int32_t first = s.firstDay(e), last = s.lastDay(e);
      if (first != graph::kOpenStart) {
        lo = std::min(lo, first);
        hi = std::max(hi, first);
      }
      if (last != graph::kOpenEnd) {
        lo = std::min(lo, last);
        hi = std::max(hi, last);
      }
    }
  if (lo <= hi) {
    out.firstDay = Date::fromDays(lo, DatePrecision::kDay);
    out.lastDay = Date::fromDays(hi, DatePrecision::kDay);
  }
  for (size_t t = 0; t < byType.size(); ++t)
    if (byType[t]) out.edgesByType.emplace_back(edgeTypeName(static_cast<EdgeType>(t)), byType[t]);
  std::map<std::string, uint64_t> kinds;
  KG_RETURN_IF_ERROR(engine_.store().scanActors([&](const Actor& a) {
    ++kinds[actorKindName(a.kind)];
    return storage::Scan::kContinue;
  }));
  out.actorsByKind.assign(kinds.begin(), kinds.end());
  std::set<std::string> sources;
  KG_RETURN_IF_ERROR(engine_.store().scanDocuments([&](const Document& d) {
    if (!d.source.empty()) sources.insert(d.source);
    return storage::Scan::kContinue;
  }));
  out.sources = sources.size();
  return out;
}

Result<std::vector<Actor>> LocalGraph::resolve(std::string_view name) { return engine_.resolve(name); }

Result<Actor> LocalGraph::actor(std::string_view name) { return engine_.resolveOne(name); }

Result<Actor> LocalGraph::actorById(ActorId id) { return loadActor(id); }

Result<Actor> LocalGraph::resolveRef(const ActorRef& ref) {
  if (ref.byId()) return loadActor(ref.id());
  return engine_.resolveOne(ref.name());
}

Result<Actor> LocalGraph::loadActor(ActorId id) {
  auto a = engine_.store().getActor(id);
  if (!a) return a.status();
  if (!a->has_value()) return Status::notFound("no actor with id " + std::to_string(id));
  return std::move(**a);
}

Result<std::vector<Actor>> LocalGraph::actors(std::optional<ActorKind> kind) { return engine_.actors(kind); }

std::string LocalGraph::nameOf(ActorId id) {
  const uint64_t epoch = engine_.store().writeEpoch();
  {
    std::lock_guard<std::mutex> lock(namesMu_);
    if (namesEpoch_ == epoch)
      if (auto it = names_.find(id); it != names_.end()) return it->second;
  }
  auto a = engine_.store().getActor(id);
  if (!a) return "#" + std::to_string(id);  // not kept: the next call reads again
  std::string name = a->has_value() ? (*a)->name : "#" + std::to_string(id);
  if (epoch % 2 == 0 && engine_.store().writeEpoch() == epoch) {
    std::lock_guard<std::mutex> lock(namesMu_);
    if (namesEpoch_ != epoch || names_.size() >= kMaxCachedNames) {
      names_.clear();
      namesEpoch_ = epoch;
    }
    names_.emplace(id, name);
  }
  return name;
}

size_t approxWireBytes(const Edge& e) {
  size_t n = 160 + e.mode.size() + e.cameo.size() + e.title.size() + e.srcCode.size() + e.dstCode.size();
  for (const auto& ev : e.evidence) {
    n += 64 + ev.doc.size() + ev.text.size() + ev.docTitle.size();
    for (const auto& [k, v] : ev.attributes) n += 16 + k.size() + v.size();
  }
  return n;
}

size_t approxWireBytes(const Actor& a) {
  size_t n = 64 + a.name.size() + a.country.size();
  for (const auto& al : a.aliases) n += 8 + al.size();
  for (const auto& [k, v] : a.attributes) n += 16 + k.size() + v.size();
  return n;
}

namespace {

// Where a page starts and how many items it may hold at most.
void openSpan(size_t total, const PageRequest& page, PageSpan* span) {
  span->total = total;
  span->next = std::min(page.offset, total);
  span->more = false;
}

}  // namespace

uint64_t LocalGraph::storeVersion(uint64_t epochBefore) {
  const uint64_t after = engine_.store().writeEpoch();
  if (after == epochBefore && after % 2 == 0) return after / 2 + 1;
  return (uint64_t{1} << 63) | ++unstablePages_;
}

namespace {

// The store version of a listing read at a stable (even) write epoch.
uint64_t stableVersion(uint64_t epoch) { return epoch / 2 + 1; }

// The request of an edge listing as text, for its fingerprint: what selects
// and orders its rows (the actor by id, the filter, the limit), not the
// evidence each row carries.
std::string edgeListingText(const core::EdgeFilter& f) {
  std::string t = "edges;actor=" + (f.actor ? std::to_string(*f.actor) : std::string("-"));
  const query::Filter& q = f.filter;
  t += ";direction=" + std::to_string(f.actor ? static_cast<int>(q.direction) : 0);
  t += ";types=";
  for (EdgeType type : q.types) t += std::to_string(static_cast<int>(type)) + ",";
  t += ";cameo=";
  for (const auto& c : q.cameo) t += c + ",";
  t += ";from=" + (q.fromDay ? std::to_string(*q.fromDay) : std::string("-"));
  t += ";to=" + (q.toDay ? std::to_string(*q.toDay) : std::string("-"));
  t += ";undated=" + std::to_string(q.includeUndated ? 1 : 0);
  uint32_t confidence = 0;
  static_assert(sizeof(confidence) == sizeof(q.minConfidence));
  std::memcpy(&confidence, &q.minConfidence, sizeof(confidence));
  t += ";confidence=" + std::to_string(confidence);
  t += ";limit=" + std::to_string(f.limit);
  return t;
}

std::string actorListingText(std::optional<ActorKind> kind) {
  return "actors;kind=" + (kind ? std::string(actorKindName(*kind)) : std::string("-"));
}

}  // namespace

template <typename Select>
Result<ListingCache::Ids> LocalGraph::listingIds(uint64_t listing, uint64_t epoch, Select&& select) {
  const bool stable = epoch % 2 == 0;
  if (stable)
    if (auto kept = listings_.find(listing, stableVersion(epoch))) return kept;
  auto selected = select();
  if (!selected) return selected.status();
  auto ids = std::make_shared<const std::vector<uint64_t>>(std::move(selected).value());
  if (stable && engine_.store().writeEpoch() == epoch) listings_.insert(listing, stableVersion(epoch), ids);
  return ListingCache::Ids(std::move(ids));
}

Result<size_t> LocalGraph::pageStart(const PageRequest& page, uint64_t listing, uint64_t epoch) const {
  if (page.cursor.empty()) return page.offset;
  auto c = PageCursor::decode(page.cursor);
  if (!c) return c.status();
  if (c->listing != listing)
    return Status::invalidArgument(
        "the page cursor belongs to another listing: this request's actor, filters or limit are not those of the "
        "request that began it");
  if (epoch % 2 != 0 || c->version != stableVersion(epoch))
    return Status::failedPrecondition(
        "the graph changed since this listing began (a write was stored between its pages); list again from the "
        "first page");
  return static_cast<size_t>(c->position);
}

std::string LocalGraph::nextCursor(const PageSpan& span, uint64_t listing, uint64_t epoch) const {
  if (!span.more || epoch % 2 != 0 || span.version != stableVersion(epoch)) return "";
  return PageCursor{listing, span.version, span.next}.encode();
}

Result<core::EdgeFilter> LocalGraph::edgeFilter(const EdgeQuery& q) {
  auto pred = query::EdgePredicate::compile(q.filter);  // validates the window and confidence
  if (!pred) return pred.status();
  core::EdgeFilter f;
  f.filter = q.filter;
  if (!q.actor.empty()) {
    auto a = resolveRef(q.actor);
    if (!a) return a.status();
    f.actor = a->id;
  }
  if (q.limit) f.limit = q.limit;
  return f;
}

Result<std::vector<Edge>> LocalGraph::edgesPage(const EdgeQuery& q, const PageRequest& page, PageSpan* span) {
  const uint64_t epoch = engine_.store().writeEpoch();
  auto filtered = edgeFilter(q);
  if (!filtered) return filtered.status();
  const core::EdgeFilter& f = filtered.value();
  const uint64_t listing = listingFingerprint(edgeListingText(f));
  auto start = pageStart(page, listing, epoch);
  if (!start) return start.status();
  auto listed = listingIds(listing, epoch, [&] { return engine_.selectEdgeIds(f); });
  if (!listed) return listed.status();
  const std::vector<uint64_t>& ids = **listed;
  if (!page.cursor.empty() && *start > ids.size())
    return Status::invalidArgument("the page cursor's position " + std::to_string(*start) +
                                   " is past the end of its listing (" + std::to_string(ids.size()) + " edges)");
  openSpan(ids.size(), PageRequest{*start, page.count, page.byteBudget, {}}, span);
  query::Checkpoint cp(f.filter.cancel.get());
  std::vector<Edge> out;
  size_t bytes = 0, i = span->next;
  for (; i < ids.size() && out.size() < page.count; ++i) {
    if (cp.step(16 * (1 + q.evidence))) return query::stoppedAtDeadline();
    auto h = engine_.store().getEdgeHeader(ids[i]);
    if (!h) return h.status();
    if (!h->has_value()) continue;  // removed since it was listed: the store moved, the version says so
    Edge e = std::move((*h)->edge);
    auto ev = engine_.store().getEvidence(e.id, q.evidence);
    if (!ev) return ev.status();
    e.evidence = std::move(ev).value();
    KG_RETURN_IF_ERROR(addDocuments(&e.evidence));
    bytes += approxWireBytes(e);
    if (!out.empty() && bytes > page.byteBudget) break;
    out.push_back(std::move(e));
  }
  span->next = i;
  span->more = span->next < span->total;
  span->version = storeVersion(epoch);
  span->nextCursor = nextCursor(*span, listing, epoch);
  return out;
}

Result<std::vector<Edge>> LocalGraph::edges(const EdgeQuery& q) {
  PageSpan span;
  return edgesPage(q, PageRequest{}, &span);
}

Result<uint64_t> LocalGraph::countEdges(const EdgeQuery& q) {
  if (selectsEveryEdge(q)) {
    auto st = engine_.stats();
    if (!st) return st.status();
    return st->edges;
  }
  EdgeQuery all = q;
  all.limit = 0;
  all.evidence = 0;
  PageRequest none;
  none.count = 0;
  PageSpan span;
  auto listed = edgesPage(all, none, &span);
  if (!listed) return listed.status();
  return span.total;
}

Status LocalGraph::forEachEdge(const EdgeQuery& q, const std::function<bool(Edge&)>& visit) {
  auto filtered = edgeFilter(q);
  if (!filtered) return filtered.status();
  const core::EdgeFilter& f = filtered.value();
  Status docs;
  KG_RETURN_IF_ERROR(engine_.forEachEdge(f, q.evidence, [&](Edge& e) {
    docs = addDocuments(&e.evidence);
    return docs.isOk() && visit(e);
  }));
  return docs;
}

Result<std::vector<Actor>> LocalGraph::actorsPage(std::optional<ActorKind> kind, const PageRequest& page,
                                                  PageSpan* span) {
  const uint64_t epoch = engine_.store().writeEpoch();
  const uint64_t listing = listingFingerprint(actorListingText(kind));
  auto start = pageStart(page, listing, epoch);
  if (!start) return start.status();
  auto listed = listingIds(listing, epoch, [&]() -> Result<std::vector<uint64_t>> {
    std::vector<uint64_t> ids;
    KG_RETURN_IF_ERROR(engine_.store().scanActors([&](const Actor& a) {
      if (!kind || a.kind == *kind) ids.push_back(a.id);
      return storage::Scan::kContinue;
    }));
    return ids;
  });
  if (!listed) return listed.status();
  const std::vector<uint64_t>& ids = **listed;
  if (!page.cursor.empty() && *start > ids.size())
    return Status::invalidArgument("the page cursor's position " + std::to_string(*start) +
                                   " is past the end of its listing (" + std::to_string(ids.size()) + " actors)");
  openSpan(ids.size(), PageRequest{*start, page.count, page.byteBudget, {}}, span);
  std::vector<Actor> out;
  size_t bytes = 0, i = span->next;
  for (; i < ids.size() && out.size() < page.count; ++i) {
    auto a = engine_.store().getActor(ids[i]);
    if (!a) return a.status();
    if (!a->has_value()) continue;  // removed since it was listed: the store moved, the version says so
    bytes += approxWireBytes(**a);
    if (!out.empty() && bytes > page.byteBudget) break;
    out.push_back(std::move(**a));
  }
  span->next = i;
  span->more = span->next < span->total;
  span->version = storeVersion(epoch);
  span->nextCursor = nextCursor(*span, listing, epoch);
  return out;
}

Result<std::shared_ptr<const graph::Snapshot>> LocalGraph::snapshot(uint64_t* version) {
  auto [s, v] = snapshots_->holder.currentWithVersion();
  if (!s) {
    KG_RETURN_IF_ERROR(loadSnapshot());
    std::tie(s, v) = snapshots_->holder.currentWithVersion();
  }
  if (!s) return Status::internal("no graph snapshot after a rebuild");
  if (version) *version = v;
  return s;
}

uint64_t LocalGraph::snapshotVersion() const { return snapshots_->holder.version(); }

graph::LoadOptions LocalGraph::snapshotOptions() const {
  graph::LoadOptions o;
  o.report = report_;
  o.progress = snapshotProgress_;
  if (verifyEveryOpen_) o.verify = graph::SnapshotVerify::kFull;
  return o;
}

Status LocalGraph::loadSnapshot() {
  std::lock_guard<std::mutex> lock(snapshots_->loadMu);
  if (snapshots_->holder.current()) return Status::ok();  // another thread loaded it meanwhile
  auto loaded = graph::loadSnapshot(engine_.store(), engine_.path(), snapshotOptions());
  if (!loaded) return loaded.status();
  snapshots_->loaded = std::move(loaded).value();
  snapshots_->holder.publish(snapshots_->loaded.snapshot);
  return Status::ok();
}

Status LocalGraph::refresh() {
  std::lock_guard<std::mutex> lock(snapshots_->loadMu);
  auto updated = graph::updateSnapshot(engine_.store(), engine_.path(), snapshots_->loaded, snapshotOptions());
  if (!updated) return updated.status();
  snapshots_->loaded = std::move(updated).value();
  snapshots_->holder.publish(snapshots_->loaded.snapshot);
  if (snapshots_->loaded.unsaved == 0) {
    // The file now holds this state: the change log before it is of no use.
    if (Status trimmed = trimChangeLog(engine_); !trimmed.isOk() && report_)
      report_("could not trim the change log: " + trimmed.message());
  }
  return Status::ok();
}

Status trimChangeLog(Engine& engine) {
  return engine.withWriteLock(
      [&](storage::GraphStore& store) { return graph::trimChangeLog(store, engine.path()); });
}

Result<bool> foldSnapshotFile(Engine& engine, bool verifyEveryOpen) {
  bool folded = false;
  graph::LoadOptions options;
  if (verifyEveryOpen) options.verify = graph::SnapshotVerify::kFull;
  KG_RETURN_IF_ERROR(engine.withWriteLock([&](storage::GraphStore& store) -> Status {
    auto done = graph::foldSnapshotFile(store, engine.path(), options);
    if (!done) return done.status();
    folded = *done == graph::WriterFold::kFolded;
    return Status::ok();
  }));
  return folded;
}

Status LocalGraph::addDocuments(std::vector<Evidence>* evidence) const {
  DocumentCache docs;
  return addDocuments(evidence, &docs);
}

Status LocalGraph::addDocuments(std::vector<Evidence>* evidence, DocumentCache* docs) const {
  for (auto& ev : *evidence) {
    if (ev.doc.empty()) continue;
    auto found = docs->find(ev.doc);
    if (found == docs->end()) {
      auto doc = engine_.store().getDocument(ev.doc);
      if (!doc) return doc.status();
      found = docs->emplace(ev.doc, std::move(doc).value()).first;
    }
    if (!found->second.has_value()) continue;
    ev.docTitle = found->second->title;
    ev.docDate = found->second->date;
  }
  return Status::ok();
}

Result<Edge> LocalGraph::loadEdge(EdgeId id, size_t evidence) {
  auto e = engine_.store().getEdges(std::span<const EdgeId>(&id, 1), evidence);
  if (!e) return e.status();
  KG_RETURN_IF_ERROR(addDocuments(&e->front().evidence));
  return std::move(e->front());
}

namespace {

// Where the store keeps the edge `ref` names, as the snapshot says (an
// edge's source, target and type never change; a write that moved its from
// date since is found through the edge index, GraphStore::getEdgesAt).
storage::EdgeLocation locationOf(const graph::Snapshot& s, const graph::EdgeRef& ref) {
  storage::EdgeLocation l;
  l.id = s.edgeId(ref.index);
  l.src = s.actorId(ref.src);
  l.dst = s.actorId(ref.dst);
  l.type = s.type(ref.index);
  if (s.dated(ref.index)) l.from = s.dateRange(ref.index).from;
  return l;
}

}  // namespace

Result<std::vector<Edge>> LocalGraph::loadEdges(const graph::Snapshot& s, const std::vector<graph::EdgeRef>& refs,
                                                size_t evidence, const PageRequest& page, PageSpan* span) {
  openSpan(refs.size(), page, span);
  const size_t end = span->next + std::min(page.count, refs.size() - span->next);
  // Read in batches (GraphStore::getEdgesAt: key order, one view); a page
  // with a byte budget reads batches of kLoadBatch, so that the budget's cut
  // wastes at most one batch.
  const size_t batch = page.byteBudget == SIZE_MAX ? end - span->next : kLoadBatch;
  std::vector<Edge> out;
  std::vector<storage::EdgeLocation> at;
  DocumentCache docs;
  size_t bytes = 0;
  bool full = false;
  for (size_t i = span->next; i < end && !full; i += batch) {
    at.clear();
    for (size_t j = i; j < std::min(end, i + batch); ++j) at.push_back(locationOf(s, refs[j]));
    auto loaded = engine_.store().getEdgesAt(at, evidence);
    if (!loaded) return loaded.status();
    for (Edge& e : *loaded) {
      KG_RETURN_IF_ERROR(addDocuments(&e.evidence, &docs));
      bytes += approxWireBytes(e);
      if (!out.empty() && bytes > page.byteBudget) {
        full = true;
        break;
      }
      out.push_back(std::move(e));
    }
  }
  span->next += out.size();
  span->more = span->next < span->total;
  return out;
}

namespace {

// The snapshot vertex of a resolved actor; nullopt when the actor has no
// edges in the snapshot (added after it was built, or isolated).
std::optional<graph::VertexId> vertexOf(const graph::Snapshot& s, const Actor& a) { return s.vertexOf(a.id); }

}  // namespace

Result<NeighbourhoodView> LocalGraph::neighbours(const NeighbourQuery& q) {
  PageSpan span;
  PageRequest page;
  page.count = q.edgeLimit;
  return neighboursPage(q, page, &span);
}

Result<NeighbourhoodView> LocalGraph::neighboursPage(const NeighbourQuery& q, const PageRequest& page,
                                                     PageSpan* span) {
  auto start = resolveRef(q.actor);
  if (!start) return start.status();
  auto snap = snapshot(&span->version);
  if (!snap) return snap.status();
  const graph::Snapshot& s = **snap;
  NeighbourhoodView view;
  auto v = vertexOf(s, start.value());
  if (!v) {
    // No edges in the snapshot: validate the options as the query would,
    // then answer with the actor alone.
    auto pred = query::EdgePredicate::compile(q.options.filter);
    if (!pred) return pred.status();
    openSpan(0, page, span);
    if (page.offset == 0) {
      view.nodes.push_back(start.value());
      view.depths.push_back(0);
    }
    return view;
  }
  auto n = query::neighbourhood(s, *v, q.options);
  if (!n) return n.status();
  if (page.offset == 0) {
    for (size_t i = 0; i < n->nodes.size(); ++i) {
      auto a = loadActor(s.actorId(n->nodes[i]));
      if (!a) return a.status();
      view.nodes.push_back(std::move(a).value());
      view.depths.push_back(n->depths[i]);
    }
  }
  auto edges = loadEdges(s, n->edges, q.evidence, page, span);
  if (!edges) return edges.status();
  view.edges = std::move(edges).value();
  view.edgeCount = n->edges.size();
  view.truncated = n->truncated;
  return view;
}

Result<PathsView> LocalGraph::paths(const PathQuery& q) {
  auto from = resolveRef(q.from);
  if (!from) return from.status();
  auto to = resolveRef(q.to);
  if (!to) return to.status();
  auto snap = snapshot();
  if (!snap) return snap.status();
  const graph::Snapshot& s = **snap;
  query::PathOptions opts = q.options;
  opts.fromName = from->name;
  opts.toName = to->name;
  auto a = vertexOf(s, from.value());
  auto b = vertexOf(s, to.value());
  if (!a || !b) {
    if (from->id == to->id) return Status::invalidArgument("a path needs two different actors");
    return Status::notFound("no path between " + from->name + " and " + to->name + ": " +
                            (!a ? from->name : to->name) + " has no edges");
  }
  auto found = query::findPaths(s, *a, *b, opts);
  if (!found) return found.status();
  PathsView view;
  view.truncated = found->truncated;
  for (const auto& p : found->paths) {
    PathView pv;
    for (graph::VertexId n : p.nodes) {
      auto act = loadActor(s.actorId(n));
      if (!act) return act.status();
      pv.nodes.push_back(std::move(act).value());
    }
    PageSpan span;
    auto edges = loadEdges(s, p.edges, q.evidence, PageRequest{}, &span);
    if (!edges) return edges.status();
    pv.edges = std::move(edges).value();
    pv.cost = p.cost;
    pv.days = p.days;
    view.paths.push_back(std::move(pv));
  }
  return view;
}

Result<std::vector<Edge>> LocalGraph::timeline(const TimelineQuery& q) {
  PageSpan span;
  return timelinePage(q, PageRequest{}, &span);
}

Result<std::vector<Edge>> LocalGraph::timelinePage(const TimelineQuery& q, const PageRequest& page, PageSpan* span) {
  auto actor = resolveRef(q.actor);
  if (!actor) return actor.status();
  auto snap = snapshot(&span->version);
  if (!snap) return snap.status();
  const graph::Snapshot& s = **snap;
  auto v = vertexOf(s, actor.value());
  if (!v) {
    auto pred = query::EdgePredicate::compile(q.filter);
    if (!pred) return pred.status();
    openSpan(0, page, span);
    return std::vector<Edge>{};
  }
  auto refs = query::timeline(s, *v, q.filter);
  if (!refs) return refs.status();
  return loadEdges(s, refs.value(), q.evidence, page, span);
}

Status LocalGraph::forEachTimelineEdge(const TimelineQuery& q, const std::function<bool(Edge&)>& visit) {
  auto actor = resolveRef(q.actor);
  if (!actor) return actor.status();
  auto snap = snapshot();
  if (!snap) return snap.status();
  const graph::Snapshot& s = **snap;
  auto v = vertexOf(s, actor.value());
  if (!v) return query::EdgePredicate::compile(q.filter).status();
  auto refs = query::timeline(s, *v, q.filter);
  if (!refs) return refs.status();
  for (const graph::EdgeRef& r : refs.value()) {
    auto e = loadEdge(s.edgeId(r.index), q.evidence);
    if (!e) return e.status();
    if (!visit(e.value())) break;
  }
  return Status::ok();
}

Result<std::vector<Edge>> LocalGraph::asOf(const AsOfQuery& q) {
  PageSpan span;
  return asOfPage(q, PageRequest{}, &span);
}

Result<std::vector<Edge>> LocalGraph::asOfPage(const AsOfQuery& q, const PageRequest& page, PageSpan* span) {
  if (!q.date.known()) return Status::invalidArgument("as-of needs a date (YYYY[-MM[-DD]])");
  auto snap = snapshot(&span->version);
  if (!snap) return snap.status();
  const graph::Snapshot& s = **snap;
  query::AsOfOptions opts;
  opts.day = q.date.days();
  opts.filter = q.filter;
  if (!q.actor.empty()) {
    auto actor = resolveRef(q.actor);
    if (!actor) return actor.status();
    auto v = vertexOf(s, actor.value());
    if (!v) {
      openSpan(0, page, span);
      return std::vector<Edge>{};
    }
    opts.actor = *v;
  }
  auto refs = query::asOf(s, opts);
  if (!refs) return refs.status();
  return loadEdges(s, refs.value(), q.evidence, page, span);
}

Result<RankView> LocalGraph::rank(const RankQuery& q) {
  auto snap = snapshot();
  if (!snap) return snap.status();
  const graph::Snapshot& s = **snap;
  auto r = query::rank(s, q);
  if (!r) return r.status();
  RankView view;
  view.approximate = r->approximate;
  view.sources = r->sources;
  for (const auto& x : r->top) {
    auto a = loadActor(s.actorId(x.vertex));
    if (!a) return a.status();
    view.entries.push_back(RankEntry{std::move(a).value(), x.score});
  }
  return view;
}

Result<ComponentsView> LocalGraph::components(const ComponentsQuery& q) {
  auto snap = snapshot();
  if (!snap) return snap.status();
  const graph::Snapshot& s = **snap;
  auto r = query::components(s, q.filter);
  if (!r) return r.status();
  ComponentsView view;
  view.count = r->components.size();
  view.isolated = r->isolated;
  for (size_t i = 0; i < std::min(q.top, r->components.size()); ++i) {
    const auto& c = r->components[i];
    ComponentView cv;
    cv.size = c.size();
    const size_t n = q.members == 0 ? c.size() : std::min(q.members, c.size());
    for (size_t j = 0; j < n; ++j) {
      ActorId id = s.actorId(c[j]);
      cv.members.emplace_back(id, nameOf(id));
    }
    view.components.push_back(std::move(cv));
  }
  return view;
}

Result<IngestSummary> LocalGraph::ingest(const std::vector<IngestDocument>& docs) { return ingest(docs, {}); }

Result<IngestSummary> LocalGraph::ingest(const std::vector<IngestDocument>& docs,
                                               const std::function<void(uint64_t, uint64_t)>& progress) {
  std::lock_guard<std::mutex> lock(ingestMu_);
  if (!ingestor_) {
    auto extractor = extract::Extractor::create(extractorOptions(dictionaries_));
    if (!extractor) return extractor.status();
    extractor_ = std::move(extractor).value();
    auto ingestor = Ingestor::create(engine_, *extractor_, IngestOptions{});
    if (!ingestor) return ingestor.status();
    ingestor_ = std::move(ingestor).value();
  }
  const IngestSummary before = ingestor_->summary();
  // Edge and evidence counts come from the store: Ingestor::summary() keeps
  // them current for ingestPaths() only.
  auto storedBefore = engine_.stats();
  if (!storedBefore) return storedBefore.status();
  Status failed;
  for (size_t i = 0; i < docs.size(); ++i) {
    const IngestDocument& d = docs[i];
    extract::RawDocument raw;
    raw.text = d.text;
    raw.title = d.title;
    raw.url = d.url;
    raw.date = d.date;
    raw.source = d.source.empty() ? "rpc" : d.source;
    raw.path = raw.source + ":" + std::to_string(i + 1);
    failed = ingestor_->ingestDocument(raw);
    if (!failed.isOk()) break;
    if (progress) progress(i + 1, docs.size());
  }
  const IngestSummary& after = ingestor_->summary();
  auto storedAfter = engine_.stats();
  if (!storedAfter) return storedAfter.status();
  // Whatever was committed is visible to readers from now on, even after a
  // failure. An ingest that stored nothing (every document known already)
  // keeps the snapshot and its version, so paged readers are not restarted.
  const bool changed = storedAfter->actors != storedBefore->actors || storedAfter->edges != storedBefore->edges ||
                       storedAfter->evidence != storedBefore->evidence ||
                       storedAfter->documents != storedBefore->documents;
  Status rebuilt = changed ? refresh() : Status::ok();
  if (!failed.isOk()) return failed;
  KG_RETURN_IF_ERROR(rebuilt);
  IngestSummary out;
  out.documents = docs.size();
  out.articles = after.articles - before.articles;
  out.actorsNew = after.actorsNew - before.actorsNew;
  out.edgesNew = storedAfter->edges - storedBefore->edges;
  out.evidenceNew = storedAfter->evidence - storedBefore->evidence;
  out.articlesSkipped = after.articlesSkipped - before.articlesSkipped;
  for (size_t i = before.warnings.size(); i < after.warnings.size(); ++i) out.warnings.push_back(after.warnings[i]);
  return out;
}

}  // namespace kg::core
