#include "rpc/client.h"

#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <optional>

#include <capnp/message.h>
#include <capnp/rpc-twoparty.h>
#include <kj/async-io.h>
#include <kj/debug.h>

#include "actorgraph.capnp.h"
#include "rpc/buffered_stream.h"
#include "rpc/convert.h"
#include "rpc/spin_wait.h"

namespace kg::rpc {

namespace {

constexpr int kMaxRestarts = 3;

std::string str(capnp::Text::Reader t) { return std::string(t.cStr(), t.size()); }

// An id travels as an id (the server answers for that actor only), a name
// as a name, none as none.
void setRef(schema::ActorRef::Builder b, const core::ActorRef& ref) {
  if (ref.byId())
    b.setId(ref.id());
  else if (ref.empty())
    b.setNone();
  else
    b.setName(ref.name());
}

schema::PathMode toWire(query::PathMode m) {
  switch (m) {
    case query::PathMode::kShortest: return schema::PathMode::SHORTEST;
    case query::PathMode::kAllShortest: return schema::PathMode::ALL_SHORTEST;
    case query::PathMode::kKShortest: return schema::PathMode::K_SHORTEST;
    case query::PathMode::kWeighted: return schema::PathMode::WEIGHTED;
    case query::PathMode::kTemporal: return schema::PathMode::TEMPORAL;
  }
  return schema::PathMode::SHORTEST;
}

// The client's end of a call's progress (schema ProgressSink): hands each
// report kgd sends to `fn`, on the client's thread (the reports arrive while
// the call is waited for). detach() before the callee's state goes away:
// kgd may still hold the capability, and a report that arrives during a
// later call must find nothing to call.
class ProgressSinkImpl final : public schema::ProgressSink::Server {
 public:
  explicit ProgressSinkImpl(std::function<void(uint64_t, uint64_t)> fn) : fn_(std::move(fn)) {}
  void detach() { fn_ = nullptr; }

 protected:
  kj::Promise<void> report(ReportContext ctx) override {
    auto p = ctx.getParams();
    if (fn_) fn_(p.getDone(), p.getTotal());
    return kj::READY_NOW;
  }

 private:
  std::function<void(uint64_t, uint64_t)> fn_;
};

// A sink for one call, passed with it and detached when the call returns.
class CallProgress {
 public:
  explicit CallProgress(std::function<void(uint64_t, uint64_t)> fn) {
    auto impl = kj::heap<ProgressSinkImpl>(std::move(fn));
    impl_ = impl.get();
    cap_ = kj::mv(impl);
  }
  ~CallProgress() { impl_->detach(); }
  CallProgress(const CallProgress&) = delete;
  CallProgress& operator=(const CallProgress&) = delete;
  schema::ProgressSink::Client cap() { return cap_; }

 private:
  ProgressSinkImpl* impl_;                      // kept alive by cap_ at least
  schema::ProgressSink::Client cap_ = nullptr;
};

}  // namespace

struct Client::Impl {
  explicit Impl(std::chrono::microseconds s) : io(kj::setupAsyncIo()), spin(s) {}
  kj::AsyncIoContext io;
  std::chrono::microseconds spin;  // ClientOptions::spin
  kj::Own<kj::AsyncIoStream> stream;
  kj::Own<capnp::TwoPartyClient> rpc;
  kj::Maybe<schema::ActorGraph::Client> cap;
  std::string broken;  // why the connection is unusable, "" while it works

  // Sends `req` and waits for its response within `timeout`. Transport
  // failures become IOError and mark the connection broken.
  template <typename Req, typename Fn>
  Status call(Req& req, std::chrono::milliseconds timeout, const std::string& address, Fn&& onResponse) {
    if (!broken.empty()) return Status::ioError(broken);
    try {
      auto response = spinThenWait(
          io.provider->getTimer().timeoutAfter(timeout.count() * kj::MILLISECONDS, req.send()), io.waitScope, spin);
      return onResponse(response);
    } catch (const kj::Exception& e) {
      broken = "connection to kgd at " + address + " failed: " + std::string(e.getDescription().cStr());
      return Status::ioError(broken);
    }
  }
};

Client::Client(std::string address, ClientOptions options, std::unique_ptr<Impl> impl)
    : address_(std::move(address)), options_(options), impl_(std::move(impl)) {}

Client::~Client() = default;

Result<std::unique_ptr<Client>> Client::connect(const std::string& address, ClientOptions options) {
  std::unique_ptr<Impl> impl;
  try {
    impl = std::make_unique<Impl>(options.spin);
    auto& io = impl->io;
    impl->stream = io.provider->getTimer()
                       .timeoutAfter(options.connectTimeout.count() * kj::MILLISECONDS,
                                     io.provider->getNetwork()
                                         .parseAddress(address, 7419)
                                         .then([](kj::Own<kj::NetworkAddress> a) { return a->connect(); }))
                       .wait(io.waitScope);
    // A call's "finish" and the next call leave in one write, and a return
    // arrives in one read (see BufferedStream).
    impl->stream = kj::heap<BufferedStream>(kj::mv(impl->stream), /*gatherWrites=*/true);
    impl->rpc = kj::heap<capnp::TwoPartyClient>(*impl->stream);
    impl->cap = impl->rpc->bootstrap().castAs<schema::ActorGraph>();
  } catch (const kj::Exception& e) {
    return Status::ioError("cannot connect to kgd at '" + address + "': " + std::string(e.getDescription().cStr()));
  }
  return std::unique_ptr<Client>(new Client(address, options, std::move(impl)));
}

#define KG_CAP (KJ_ASSERT_NONNULL(impl_->cap))

Result<storage::StoreStats> Client::stats() {
  auto req = KG_CAP.statsRequest();
  storage::StoreStats out;
  Status st1 = impl_->call(req, options_.timeout, address_, [&](auto& r) {
    KG_RETURN_IF_ERROR(toStatus(r.getError()));
    auto s = r.getStats();
    out.actors = s.getActors();
    out.edges = s.getEdges();
    out.evidence = s.getEvidence();
    out.documents = s.getDocuments();
    return Status::ok();
  });
  KG_RETURN_IF_ERROR(st1);
  return out;
}

Result<core::GraphSummary> Client::summary() {
  auto req = KG_CAP.summaryRequest();
  core::GraphSummary out;
  Status st = impl_->call(req, options_.timeout, address_, [&](auto& r) {
    KG_RETURN_IF_ERROR(toStatus(r.getError()));
    auto s = r.getSummary();
    auto first = fromWire(s.getFirstDay());
    if (!first) return first.status();
    auto last = fromWire(s.getLastDay());
    if (!last) return last.status();
    out.firstDay = first.value();
    out.lastDay = last.value();
    out.undatedEdges = s.getUndatedEdges();
    for (auto c : s.getEdgesByType()) out.edgesByType.emplace_back(str(c.getName()), c.getCount());
    for (auto c : s.getActorsByKind()) out.actorsByKind.emplace_back(str(c.getName()), c.getCount());
    out.sources = s.getSources();
    return Status::ok();
  });
  KG_RETURN_IF_ERROR(st);
  return out;
}

Result<std::vector<Actor>> Client::resolve(std::string_view name) {
  auto req = KG_CAP.resolveRequest();
  req.setName(std::string(name));
  std::vector<Actor> out;
  Status st2 = impl_->call(req, options_.timeout, address_, [&](auto& r) {
    KG_RETURN_IF_ERROR(toStatus(r.getError()));
    for (auto a : r.getActors()) {
      auto actor = fromWire(a);
      if (!actor) return actor.status();
      names_[actor->id] = actor->name;
      out.push_back(std::move(actor).value());
    }
    return Status::ok();
  });
  KG_RETURN_IF_ERROR(st2);
  return out;
}

Result<Actor> Client::actor(std::string_view name) {
  auto req = KG_CAP.actorRequest();
  req.initRef().setName(std::string(name));
  Actor out;
  Status st3 = impl_->call(req, options_.timeout, address_, [&](auto& r) {
    KG_RETURN_IF_ERROR(toStatus(r.getError()));
    auto a = fromWire(r.getActor());
    if (!a) return a.status();
    out = std::move(a).value();
    return Status::ok();
  });
  KG_RETURN_IF_ERROR(st3);
  names_[out.id] = out.name;
  return out;
}

Result<Actor> Client::actorById(ActorId id) {
  auto req = KG_CAP.actorRequest();
  req.initRef().setId(id);
  Actor out;
  Status st4 = impl_->call(req, options_.timeout, address_, [&](auto& r) {
    KG_RETURN_IF_ERROR(toStatus(r.getError()));
    auto a = fromWire(r.getActor());
    if (!a) return a.status();
    out = std::move(a).value();
    return Status::ok();
  });
  KG_RETURN_IF_ERROR(st4);
  names_[out.id] = out.name;
  return out;
}

std::string Client::nameOf(ActorId id) {
  auto it = names_.find(id);
  if (it != names_.end()) return it->second;
  auto a = actorById(id);
  if (!a) return "#" + std::to_string(id);
  return a->name;
}

namespace {

// Fetches every page of a paged call. `make()` builds a request (without its
// page); `consume(response)` appends a page; `reset()` drops what was
// consumed when the server's snapshot changed and the listing starts over.
// Stops without asking for another page once `*done` (when given) is set.
template <typename Impl, typename Make, typename Consume, typename Reset>
Status fetchPages(Impl& impl, const ClientOptions& options, const std::string& address, Make&& make, Consume&& consume,
                  Reset&& reset, const bool* done = nullptr) {
  uint64_t offset = 0, version = 0, items = 0;
  std::string cursor;  // the server's nextCursor (edges, actors): the next page starts there
  int restarts = 0;
  for (;;) {
    if (done && *done) return Status::ok();
    auto req = make();
    auto page = req.initPage();
    page.setOffset(offset);
    page.setSize(options.pageSize);
    if (!cursor.empty())
      page.setCursor(kj::arrayPtr(reinterpret_cast<const kj::byte*>(cursor.data()), cursor.size()));
    bool more = false, restart = false;
    uint64_t next = 0;
    Status st1 = impl.call(req, options.timeout, address, [&](auto& r) {
      Status error = toStatus(r.getError());
      if (!cursor.empty() && error.code() == StatusCode::kFailedPrecondition) {
        restart = true;  // the graph changed since the cursor's page: start over
        return Status::ok();
      }
      KG_RETURN_IF_ERROR(error);
      auto info = r.getPage();
      if (offset == 0) {
        version = info.getVersion();
      } else if (info.getVersion() != version) {
        restart = true;
        return Status::ok();
      }
      size_t n = 0;
      KG_RETURN_IF_ERROR(consume(r, &n));
      items += n;
      more = info.getMore();
      next = info.getNextOffset();
      auto nextCursor = info.getNextCursor();
      cursor.assign(reinterpret_cast<const char*>(nextCursor.begin()), nextCursor.size());
      return Status::ok();
    });
    KG_RETURN_IF_ERROR(st1);
    if (restart) {
      if (++restarts > kMaxRestarts)
        return Status::busy("the server's graph kept changing while the result was paged; retry later");
      reset();
      offset = 0;
      items = 0;
      cursor.clear();
      continue;
    }
    if (items > options.maxItems)
      return Status::limitExceeded("the result has more than " + std::to_string(options.maxItems) +
                                   " items; narrow the query");
    if (!more) return Status::ok();
    if (next <= offset) return Status::internal("the server's paging did not advance (offset " + std::to_string(offset) + ")");
    offset = next;
  }
}

}  // namespace

Result<std::vector<Actor>> Client::actors(std::optional<ActorKind> kind) {
  std::vector<Actor> out;
  Status st1 = fetchPages(
      *impl_, options_, address_,
      [&] {
        auto req = KG_CAP.actorsRequest();
        req.setKind(kind ? actorKindName(*kind) : "");
        return req;
      },
      [&](auto& r, size_t* n) {
        for (auto a : r.getActors()) {
          auto actor = fromWire(a);
          if (!actor) return actor.status();
          out.push_back(std::move(actor).value());
        }
        *n = r.getActors().size();
        return Status::ok();
      },
      [&] { out.clear(); });
  KG_RETURN_IF_ERROR(st1);
  return out;
}

namespace {

template <typename List, typename Names>
Status appendEdges(List list, std::vector<Edge>* out, Names* names) {
  for (auto info : list) {
    auto e = fromWire(info);
    if (!e) return e.status();
    (*names)[e->src] = str(info.getSrcName());
    (*names)[e->dst] = str(info.getDstName());
    out->push_back(std::move(e).value());
  }
  return Status::ok();
}

}  // namespace

namespace {

// The edges request for `q` on capability `cap` (one page of it: fetchPages
// sets the page).
template <typename Cap>
auto edgesRequest(Cap& cap, const core::EdgeQuery& q) {
  auto req = cap.edgesRequest();
  setRef(req.initActor(), q.actor);
  rpc::toWire(q.filter, req.initFilter());
  req.setLimit(q.limit);
  req.setEvidence(static_cast<uint32_t>(std::min<size_t>(q.evidence, UINT32_MAX)));
  return req;
}

// The timeline request for `q` on capability `cap` (one page of it).
template <typename Cap>
auto timelineRequest(Cap& cap, const core::TimelineQuery& q) {
  auto req = cap.timelineRequest();
  setRef(req.initActor(), q.actor);
  rpc::toWire(q.filter, req.initFilter());
  req.setEvidence(static_cast<uint32_t>(std::min<size_t>(q.evidence, UINT32_MAX)));
  return req;
}

}  // namespace

Result<std::vector<Edge>> Client::edges(const core::EdgeQuery& q) {
  std::vector<Edge> out;
  Status st2 = fetchPages(
      *impl_, options_, address_,
      [&] { return edgesRequest(KG_CAP, q); },
      [&](auto& r, size_t* n) {
        *n = r.getEdges().size();
        return appendEdges(r.getEdges(), &out, &names_);
      },
      [&] { out.clear(); });
  KG_RETURN_IF_ERROR(st2);
  return out;
}

Result<uint64_t> Client::countEdges(const core::EdgeQuery& q) {
  if (core::selectsEveryEdge(q)) {
    auto st = stats();
    if (!st) return st.status();
    return st->edges;
  }
  core::EdgeQuery all = q;
  all.limit = 0;
  all.evidence = 0;
  auto req = edgesRequest(KG_CAP, all);
  req.initPage().setSize(1);  // the count is the page's total; kgd keeps the listing for its pages
  uint64_t total = 0;
  Status st = impl_->call(req, options_.timeout, address_, [&](auto& r) {
    KG_RETURN_IF_ERROR(toStatus(r.getError()));
    total = r.getPage().getTotal();
    return Status::ok();
  });
  KG_RETURN_IF_ERROR(st);
  return total;
}

namespace {

// Visits the edges of every page of a paged edge listing as each page
// arrives (GraphApi::forEachEdge's contract): pages of maxPageSize unless the
// options say otherwise, no maxItems cap, Busy when the server's graph
// changed between pages. `make()` builds the request.
template <typename Impl, typename Make, typename Names>
Status visitEdgePages(Impl& impl, ClientOptions options, const std::string& address, Make&& make, Names* names,
                      const std::function<bool(Edge&)>& visit) {
  if (options.pageSize == 0) options.pageSize = schema::MAX_PAGE_SIZE;  // fewer calls
  options.maxItems = SIZE_MAX;                                          // nothing is held
  bool done = false, changed = false;
  size_t visited = 0;
  Status st = fetchPages(
      impl, options, address, make,
      [&](auto& r, size_t* n) {
        *n = r.getEdges().size();
        for (auto info : r.getEdges()) {
          auto e = fromWire(info);
          if (!e) return e.status();
          (*names)[e->src] = str(info.getSrcName());
          (*names)[e->dst] = str(info.getDstName());
          ++visited;
          if (!visit(e.value())) {
            done = true;
            break;
          }
        }
        return Status::ok();
      },
      [&] { done = changed = true; }, &done);
  KG_RETURN_IF_ERROR(st);
  if (changed)
    return Status::busy("the server's graph changed while the listing was read, after " + std::to_string(visited) +
                        " edges; retry later");
  return Status::ok();
}

}  // namespace

Status Client::forEachEdge(const core::EdgeQuery& q, const std::function<bool(Edge&)>& visit) {
  return visitEdgePages(
      *impl_, options_, address_,
      [&] { return edgesRequest(KG_CAP, q); },
      &names_, visit);
}

Status Client::forEachTimelineEdge(const core::TimelineQuery& q, const std::function<bool(Edge&)>& visit) {
  return visitEdgePages(
      *impl_, options_, address_,
      [&] { return timelineRequest(KG_CAP, q); },
      &names_, visit);
}

Result<core::NeighbourhoodView> Client::neighbours(const core::NeighbourQuery& q) {
  core::NeighbourhoodView view;
  // Every page makes the server run the query again: ask for as many edges
  // a page as are wanted (the server's byte budget still cuts a page), and
  // no more pages once q.edgeLimit edges are here.
  ClientOptions options = options_;
  if (options.pageSize == 0)
    options.pageSize = static_cast<uint32_t>(std::clamp<size_t>(q.edgeLimit, 1, schema::MAX_PAGE_SIZE));
  bool enough = false;
  Status st3 = fetchPages(
      *impl_, options, address_,
      [&] {
        auto req = KG_CAP.neighborsRequest();
        setRef(req.initActor(), q.actor);
        req.setDepth(static_cast<uint32_t>(std::max(q.options.depth, 0)));
        req.setLimit(q.options.limit);
        req.setFanout(q.options.fanout);
        req.setMaxEdges(q.options.maxEdges);
        req.setEvidence(static_cast<uint32_t>(std::min<size_t>(q.evidence, UINT32_MAX)));
        toWire(q.options.filter, req.initFilter());
        return req;
      },
      [&](auto& r, size_t* n) {
        for (auto node : r.getNodes()) {
          auto a = fromWire(node.getActor());
          if (!a) return a.status();
          names_[a->id] = a->name;
          view.nodes.push_back(std::move(a).value());
          view.depths.push_back(node.getDepth());
        }
        view.truncated = view.truncated || r.getTruncated();
        view.edgeCount = r.getPage().getTotal();
        *n = r.getEdges().size();
        KG_RETURN_IF_ERROR(appendEdges(r.getEdges(), &view.edges, &names_));
        if (view.edges.size() >= q.edgeLimit) {
          view.edges.resize(q.edgeLimit);
          enough = true;
        }
        return Status::ok();
      },
      [&] { view = core::NeighbourhoodView(); }, &enough);
  KG_RETURN_IF_ERROR(st3);
  return view;
}

Result<core::PathsView> Client::paths(const core::PathQuery& q) {
  auto req = KG_CAP.pathRequest();
  setRef(req.initFrom(), q.from);
  setRef(req.initTo(), q.to);
  req.setMode(toWire(q.options.mode));
  toWire(q.options.filter, req.initFilter());
  req.setMaxDepth(static_cast<uint32_t>(std::max(q.options.maxDepth, 0)));
  req.setK(static_cast<uint32_t>(std::max(q.options.k, 0)));
  req.setMaxPaths(static_cast<uint32_t>(std::min<size_t>(q.options.maxPaths, UINT32_MAX)));
  req.setEvidence(static_cast<uint32_t>(std::min<size_t>(q.evidence, UINT32_MAX)));
  core::PathsView view;
  Status st5 = impl_->call(req, options_.timeout, address_, [&](auto& r) {
    KG_RETURN_IF_ERROR(toStatus(r.getError()));
    for (auto p : r.getPaths()) {
      core::PathView pv;
      for (auto a : p.getNodes()) {
        auto actor = fromWire(a);
        if (!actor) return actor.status();
        names_[actor->id] = actor->name;
        pv.nodes.push_back(std::move(actor).value());
      }
      KG_RETURN_IF_ERROR(appendEdges(p.getEdges(), &pv.edges, &names_));
      pv.cost = p.getCost();
      for (int32_t d : p.getDays()) pv.days.push_back(d);
      view.paths.push_back(std::move(pv));
    }
    view.truncated = r.getTruncated();
    return Status::ok();
  });
  KG_RETURN_IF_ERROR(st5);
  return view;
}

Result<std::vector<Edge>> Client::timeline(const core::TimelineQuery& q) {
  std::vector<Edge> out;
  Status st4 = fetchPages(
      *impl_, options_, address_,
      [&] { return timelineRequest(KG_CAP, q); },
      [&](auto& r, size_t* n) {
        *n = r.getEdges().size();
        return appendEdges(r.getEdges(), &out, &names_);
      },
      [&] { out.clear(); });
  KG_RETURN_IF_ERROR(st4);
  return out;
}

Result<std::vector<Edge>> Client::asOf(const core::AsOfQuery& q) {
  std::vector<Edge> out;
  Status st5 = fetchPages(
      *impl_, options_, address_,
      [&] {
        auto req = KG_CAP.asofRequest();
        toWire(q.date, req.initDate());
        setRef(req.initActor(), q.actor);
        toWire(q.filter, req.initFilter());
        req.setEvidence(static_cast<uint32_t>(std::min<size_t>(q.evidence, UINT32_MAX)));
        return req;
      },
      [&](auto& r, size_t* n) {
        *n = r.getEdges().size();
        return appendEdges(r.getEdges(), &out, &names_);
      },
      [&] { out.clear(); });
  KG_RETURN_IF_ERROR(st5);
  return out;
}

Result<core::RankView> Client::rank(const core::RankQuery& q) {
  auto req = KG_CAP.rankRequest();
  req.setMeasure(q.measure == query::RankMeasure::kPageRank      ? schema::RankMeasure::PAGERANK
                 : q.measure == query::RankMeasure::kBetweenness ? schema::RankMeasure::BETWEENNESS
                                                                 : schema::RankMeasure::DEGREE);
  toWire(q.filter, req.initFilter());
  req.setTop(static_cast<uint32_t>(std::min<size_t>(q.top, UINT32_MAX)));
  // kgd reports the ranking's progress as q.progress would be called locally.
  std::optional<CallProgress> progress;
  if (q.progress) {
    progress.emplace(q.progress);
    req.setProgress(progress->cap());
  }
  core::RankView out;
  Status st6 = impl_->call(req, options_.timeout, address_, [&](auto& r) {
    KG_RETURN_IF_ERROR(toStatus(r.getError()));
    for (auto e : r.getEntries()) {
      auto a = fromWire(e.getActor());
      if (!a) return a.status();
      names_[a->id] = a->name;
      out.entries.push_back(core::RankEntry{std::move(a).value(), e.getScore()});
    }
    out.approximate = r.getApproximate();
    out.sources = r.getSources();
    return Status::ok();
  });
  KG_RETURN_IF_ERROR(st6);
  return out;
}

Result<core::ComponentsView> Client::components(const core::ComponentsQuery& q) {
  auto req = KG_CAP.componentsRequest();
  toWire(q.filter, req.initFilter());
  req.setTop(static_cast<uint32_t>(std::min<size_t>(q.top, UINT32_MAX)));
  req.setMembers(static_cast<uint32_t>(std::min<size_t>(q.members, UINT32_MAX)));
  core::ComponentsView out;
  Status st = impl_->call(req, options_.timeout, address_, [&](auto& r) {
    KG_RETURN_IF_ERROR(toStatus(r.getError()));
    for (auto c : r.getComponents()) {
      core::ComponentView cv;
      cv.size = c.getSize();
      for (auto m : c.getMembers()) {
        cv.members.emplace_back(m.getId(), str(m.getName()));
        names_[m.getId()] = str(m.getName());
      }
      out.components.push_back(std::move(cv));
    }
    out.count = r.getCount();
    out.isolated = r.getIsolated();
    return Status::ok();
  });
  KG_RETURN_IF_ERROR(st);
  return out;
}

namespace {

// The error of an ingest whose batch of documents [from, to) failed. kgd
// commits article by article, so it may have stored some of that batch
// without confirming it; what earlier batches stored it did confirm.
Status interruptedIngest(const Status& cause, const core::IngestSummary& confirmed, size_t from, size_t to) {
  const uint64_t stored = confirmed.articles - std::min(confirmed.articlesSkipped, confirmed.articles);
  std::string msg = "kgd confirmed " + std::to_string(stored) + " stored article(s)";
  if (from > 0) msg += " of documents 1-" + std::to_string(from);
  msg += "; articles of documents " + std::to_string(from + 1) + "-" + std::to_string(to) +
         " may be stored too, unconfirmed (an ingest run again skips what is stored): " + cause.message();
  return Status(cause.code(), msg);
}

}  // namespace

Result<core::IngestSummary> Client::ingest(const std::vector<core::IngestDocument>& docs) {
  // Batches stay under the server's document count and well under its
  // message size limit.
  constexpr size_t kBatchBytes = 8u << 20;
  core::IngestSummary total;
  size_t start = 0;
  do {
    size_t end = start, bytes = 0;
    while (end < docs.size() && end - start < schema::MAX_INGEST_DOCUMENTS) {
      const auto& d = docs[end];
      size_t n = 64 + d.text.size() + d.title.size() + d.source.size() + d.url.size();
      if (end > start && bytes + n > kBatchBytes) break;
      bytes += n;
      ++end;
    }
    auto req = KG_CAP.ingestRequest();
    auto list = req.initDocuments(static_cast<unsigned>(end - start));
    for (size_t i = start; i < end; ++i) {
      auto d = list[static_cast<unsigned>(i - start)];
      d.setText(docs[i].text);
      d.setTitle(docs[i].title);
      d.setDate(docs[i].date.toString());
      d.setSource(docs[i].source);
      d.setUrl(docs[i].url);
    }
    // Documents of this call stored so far, counted among all of `docs`.
    std::optional<CallProgress> progress;
    if (ingestProgress_) {
      progress.emplace([this, start, end, total = docs.size()](uint64_t done, uint64_t) {
        ingestProgress_(start + std::min<uint64_t>(done, end - start), total);
      });
      req.setProgress(progress->cap());
    }
    Status st7 = impl_->call(req, options_.timeout, address_, [&](auto& r) {
      KG_RETURN_IF_ERROR(toStatus(r.getError()));
      auto rep = r.getReport();
      total.documents += rep.getDocuments();
      total.articles += rep.getArticles();
      total.actorsNew += rep.getActorsAdded();
      total.edgesNew += rep.getEdgesAdded();
      total.evidenceNew += rep.getEvidenceAdded();
      total.articlesSkipped += rep.getSkipped();
      for (auto w : rep.getWarnings()) total.warnings.push_back(str(w));
      return Status::ok();
    });
    if (!st7.isOk()) return interruptedIngest(st7, total, start, end);
    start = end;
    if (ingestProgress_) ingestProgress_(start, docs.size());
  } while (start < docs.size());
  return total;
}

}  // namespace kg::rpc

// --- curation ---------------------------------------------------------------

namespace kg::rpc {

namespace {

// The user the log names when the caller gives none: this process's, as a
// local kg would record it.
std::string localUser() {
  if (const char* u = std::getenv("USER"); u && *u) return u;
  return "uid " + std::to_string(::getuid());
}

void setBy(schema::CurationBy::Builder out, const core::CurationBy& by) {
  out.setUser(by.user.empty() ? localUser() : by.user);
  out.setArgs(by.args);
}

}  // namespace

Result<core::MergeResult> Client::mergeActors(const std::string& keep, const std::string& drop,
                                              const core::CurationBy& by) {
  auto req = KG_CAP.mergeActorsRequest();
  req.initKeep().setName(keep);
  req.initDrop().setName(drop);
  setBy(req.initBy(), by);
  core::MergeResult out;
  Status called = impl_->call(req, options_.timeout, address_, [&](auto& r) {
    KG_RETURN_IF_ERROR(toStatus(r.getError()));
    auto rep = r.getReport();
    auto kept = fromWire(rep.getKept());
    if (!kept) return kept.status();
    auto dropped = fromWire(rep.getDropped());
    if (!dropped) return dropped.status();
    out.summary.kept = std::move(kept).value();
    out.dropped = std::move(dropped).value();
    out.summary.logSeq = rep.getLogSeq();
    out.summary.edgesMoved = rep.getEdgesMoved();
    out.summary.edgesJoined = rep.getEdgesJoined();
    out.summary.selfLoops = rep.getSelfLoops();
    out.summary.suppressed = rep.getSuppressed();
    return Status::ok();
  });
  KG_RETURN_IF_ERROR(called);
  names_.erase(out.dropped.id);
  names_[out.summary.kept.id] = out.summary.kept.name;
  return out;
}

template <typename Req>
Result<Actor> Client::actorResult(Req& req) {
  Actor out;
  Status called = impl_->call(req, options_.timeout, address_, [&](auto& r) {
    KG_RETURN_IF_ERROR(toStatus(r.getError()));
    auto a = fromWire(r.getActor());
    if (!a) return a.status();
    out = std::move(a).value();
    return Status::ok();
  });
  KG_RETURN_IF_ERROR(called);
  names_[out.id] = out.name;
  return out;
}

Result<Actor> Client::aliasActor(const std::string& actor, const std::string& alias, bool add,
                                 const core::CurationBy& by) {
  auto req = KG_CAP.aliasRequest();
  req.initActor().setName(actor);
  req.setAlias(alias);
  req.setRemove(!add);
  setBy(req.initBy(), by);
  return actorResult(req);
}

Result<Actor> Client::renameActor(const std::string& actor, const std::string& name, const core::CurationBy& by) {
  auto req = KG_CAP.renameActorRequest();
  req.initActor().setName(actor);
  req.setName(name);
  setBy(req.initBy(), by);
  return actorResult(req);
}

Result<Actor> Client::setActor(const std::string& actor, std::optional<ActorKind> kind,
                               std::optional<std::string> country, const core::CurationBy& by) {
  auto req = KG_CAP.setActorRequest();
  req.initActor().setName(actor);
  if (kind) req.setKind(actorKindName(*kind));
  req.setSetCountry(country.has_value());
  if (country) req.setCountry(*country);
  setBy(req.initBy(), by);
  return actorResult(req);
}

Result<core::RemoveActorSummary> Client::removeActor(const std::string& actor, bool withEdges,
                                                     const core::CurationBy& by) {
  auto req = KG_CAP.removeActorRequest();
  req.initActor().setName(actor);
  req.setWithEdges(withEdges);
  setBy(req.initBy(), by);
  core::RemoveActorSummary out;
  Status called = impl_->call(req, options_.timeout, address_, [&](auto& r) {
    KG_RETURN_IF_ERROR(toStatus(r.getError()));
    auto a = fromWire(r.getRemoved());
    if (!a) return a.status();
    out.removed = std::move(a).value();
    out.edgesRemoved = r.getEdgesRemoved();
    out.logSeq = r.getLogSeq();
    return Status::ok();
  });
  KG_RETURN_IF_ERROR(called);
  names_[out.removed.id] = out.removed.name;
  return out;
}

Result<Edge> Client::removeEdge(EdgeId id, const core::CurationBy& by) {
  auto req = KG_CAP.removeEdgeRequest();
  req.setEdge(id);
  setBy(req.initBy(), by);
  Edge out;
  Status called = impl_->call(req, options_.timeout, address_, [&](auto& r) {
    KG_RETURN_IF_ERROR(toStatus(r.getError()));
    auto e = fromWire(r.getEdge());
    if (!e) return e.status();
    out = std::move(e).value();
    names_[out.src] = str(r.getEdge().getSrcName());
    names_[out.dst] = str(r.getEdge().getDstName());
    return Status::ok();
  });
  KG_RETURN_IF_ERROR(called);
  return out;
}

Result<core::UndoSummary> Client::undo(std::optional<uint64_t> seq, const core::CurationBy& by) {
  auto req = KG_CAP.undoRequest();
  req.setSeq(seq.value_or(0));
  setBy(req.initBy(), by);
  core::UndoSummary out;
  Status called = impl_->call(req, options_.timeout, address_, [&](auto& r) {
    KG_RETURN_IF_ERROR(toStatus(r.getError()));
    auto rep = r.getReport();
    out.undone = rep.getUndone();
    out.undoneCommand = str(rep.getUndoneCommand());
    out.undoneArgs = str(rep.getUndoneArgs());
    out.logSeq = rep.getLogSeq();
    out.actors = rep.getActors();
    out.edges = rep.getEdges();
    return Status::ok();
  });
  KG_RETURN_IF_ERROR(called);
  names_.clear();  // an undo may rename or bring back any actor
  return out;
}

Result<std::vector<storage::CurationRecord>> Client::curationLog() {
  auto req = KG_CAP.logRequest();
  std::vector<storage::CurationRecord> out;
  Status called = impl_->call(req, options_.timeout, address_, [&](auto& r) {
    KG_RETURN_IF_ERROR(toStatus(r.getError()));
    for (auto rec : r.getRecords()) {
      storage::CurationRecord c;
      c.seq = rec.getSeq();
      c.unixSeconds = rec.getUnixSeconds();
      c.user = str(rec.getUser());
      c.command = str(rec.getCommand());
      c.args = str(rec.getArgs());
      c.details = str(rec.getDetails());
      out.push_back(std::move(c));
    }
    return Status::ok();
  });
  KG_RETURN_IF_ERROR(called);
  return out;
}

}  // namespace kg::rpc
