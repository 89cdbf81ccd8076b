#include "rpc/server.h"

#include <capnp/message.h>
#include <capnp/rpc-twoparty.h>
#include <kj/async-io.h>
#include <kj/async-unix.h>
#include <kj/debug.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <condition_variable>
#include <thread>
#include <unordered_map>
#include <utility>
#include <vector>

#include "actorgraph.capnp.h"
#include "query/cancel.h"
#include "core/local_ingest.h"
#include "rpc/buffered_stream.h"
#include "rpc/convert.h"
#include "rpc/frame_meter.h"
#include "rpc/loop_inbox.h"
#include "rpc/progress_relay.h"
#include "rpc/spin_wait.h"
#include "rpc/worker_pool.h"

// Cap'n Proto's and KJ's interface bases have protected non-virtual
// destructors, and GCC 12 misreads kj::ExceptionOr's variant storage.
#pragma GCC diagnostic ignored "-Wnon-virtual-dtor"
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"

namespace kg::rpc {

namespace {

constexpr size_t kPageBudgetBytes = 16u << 20;     // a page stays far below the 64 MiB message limit
constexpr size_t kResultBudgetBytes = 32u << 20;   // unpaged results (paths)
constexpr size_t kMaxEvidencePerEdge = 100;
constexpr size_t kMaxNameBytes = 4096;
constexpr std::chrono::minutes kIngestDeadline{10};
// At most one progress report per call this often (schema ProgressSink).
constexpr auto kReportInterval = 200 * kj::MILLISECONDS;

// ServerOptions::ioThreads, 0 read as one per core, at most 4.
size_t ioThreadsOf(const ServerOptions& o) {
  if (o.ioThreads > 0) return o.ioThreads;
  return std::clamp<size_t>(std::thread::hardware_concurrency(), 1, 4);
}

bool isLoopbackHost(std::string host) {
  for (auto& c : host) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (host == "localhost" || host == "::1" || host == "[::1]") return true;
  // 127.0.0.0/8, written as four dotted decimal numbers.
  if (host.rfind("127.", 0) != 0) return false;
  int dots = 0;
  for (char c : host) {
    if (c == '.') ++dots;
    else if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  }
  return dots == 3;
}

// "host:port" -> host (brackets kept for IPv6); "" when malformed.
bool splitHostPort(const std::string& addr, std::string* host, std::string* port) {
  size_t colon;
  if (!addr.empty() && addr[0] == '[') {
    size_t close = addr.find(']');
    if (close == std::string::npos || close + 1 >= addr.size() || addr[close + 1] != ':') return false;
    colon = close + 1;
  } else {
    colon = addr.rfind(':');
    if (colon == std::string::npos || addr.find(':') != colon) return false;
  }
  *host = addr.substr(0, colon);
  *port = addr.substr(colon + 1);
  if (host->empty() || port->empty() || port->size() > 5) return false;
  for (char c : *port)
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  return std::stoi(*port) <= 65535;
}

std::vector<std::string> suggestionsOf(const Status& s) {
  std::vector<std::string> out;
  if (s.code() != StatusCode::kNotFound) return out;
  static const std::string kMarker = "closest known names: ";
  size_t pos = s.message().find(kMarker);
  if (pos == std::string::npos) return out;
  std::string rest = s.message().substr(pos + kMarker.size());
  size_t start = 0;
  while (start <= rest.size()) {
    size_t comma = rest.find(", ", start);
    out.push_back(rest.substr(start, comma == std::string::npos ? std::string::npos : comma - start));
    if (comma == std::string::npos) break;
    start = comma + 2;
  }
  return out;
}

void fail(schema::Error::Builder b, const Status& s) { setError(b, s, suggestionsOf(s)); }

std::string str(capnp::Text::Reader t) { return std::string(t.cStr(), t.size()); }

// An actor named in a request, read on the event loop and resolved on a
// worker (core::LocalGraph resolves an id as that actor only).
Result<core::ActorRef> refOf(schema::ActorRef::Reader r) {
  switch (r.which()) {
    case schema::ActorRef::NONE: return core::ActorRef();
    case schema::ActorRef::NAME: {
      std::string name = str(r.getName());
      if (name.size() > kMaxNameBytes)
        return Status::invalidArgument("actor name of " + std::to_string(name.size()) + " bytes; at most " +
                                       std::to_string(kMaxNameBytes));
      if (name.empty()) return Status::invalidArgument("empty actor name");
      return core::ActorRef(std::move(name));
    }
    case schema::ActorRef::ID:
      return core::ActorRef::ofId(r.getId());
    default: return Status::invalidArgument("unknown kind of actor reference");
  }
}

// A curation request's ACTOR as core::LocalGraph's curation methods read it: an id
// as "#id" (only an id), a name as given.
Result<std::string> actorSpecOf(schema::ActorRef::Reader r) {
  auto ref = refOf(r);
  if (!ref) return ref.status();
  if (ref->empty()) return Status::invalidArgument("no actor given");
  return ref->text();
}

constexpr size_t kMaxUserBytes = 256;
constexpr size_t kMaxArgsBytes = 16384;

// Who asks, for the curation log: the client's user, marked as coming
// through kgd. InvalidArgument for oversized fields.
Result<core::CurationBy> curationByOf(schema::CurationBy::Reader r) {
  core::CurationBy by;
  by.user = str(r.getUser());
  by.args = str(r.getArgs());
  if (by.user.size() > kMaxUserBytes)
    return Status::invalidArgument("user name of " + std::to_string(by.user.size()) + " bytes; at most " +
                                   std::to_string(kMaxUserBytes));
  if (by.args.size() > kMaxArgsBytes)
    return Status::invalidArgument("command line of " + std::to_string(by.args.size()) + " bytes; at most " +
                                   std::to_string(kMaxArgsBytes));
  for (char& c : by.user)
    if (static_cast<unsigned char>(c) < 0x20) c = '?';
  by.user = (by.user.empty() ? std::string("unknown") : by.user) + " via kgd";
  return by;
}

// A text argument of a curation command (an alias, a name).
Status checkText(const std::string& what, const std::string& text) {
  if (text.size() > kMaxNameBytes)
    return Status::invalidArgument(what + " of " + std::to_string(text.size()) + " bytes; at most " +
                                   std::to_string(kMaxNameBytes));
  return Status::ok();
}

struct RemovedEdge {
  Edge edge;
  std::string src, dst;
};

// Sends `relay`'s counts to `sink` as they come, on the event loop: one
// report at a time, the next one only after the last was answered and
// kReportInterval has passed since it left; counts stored meanwhile replace
// each other. Ends (resolves) when a report fails: the client is gone or
// refuses reports, which concerns nobody but the reports.
kj::Promise<void> relayProgress(std::shared_ptr<ProgressRelay> relay, schema::ProgressSink::Client sink,
                                kj::Timer& timer) {
  ProgressRelay* r = relay.get();
  return r->next().then([relay = kj::mv(relay), sink = kj::mv(sink), &timer](ProgressRelay::Counts c) mutable {
    auto req = sink.reportRequest();
    req.setDone(c.done);
    req.setTotal(c.total);
    req.setWhat(c.what);
    auto pause = timer.afterDelay(kReportInterval);
    return req.send()
        .ignoreResult()
        .then([pause = kj::mv(pause)]() mutable { return kj::mv(pause); })
        .then([relay = kj::mv(relay), sink = kj::mv(sink), &timer]() mutable {
          return relayProgress(kj::mv(relay), kj::mv(sink), timer);
        });
  });
}

// The progress relay of a call whose parameters may hold a `progress` sink,
// and the promise that reports through it until the call is answered (never
// resolves: join it with the call's answer). No sink (an older client, or
// one that wants no reports): a null relay and a promise that never resolves.
template <typename Params>
std::pair<std::shared_ptr<ProgressRelay>, kj::Promise<void>> progressOf(Params params, kj::Timer& timer,
                                                                        const std::shared_ptr<LoopInbox>& inbox) {
  if (!params.hasProgress()) return {nullptr, kj::Promise<void>(kj::NEVER_DONE)};
  auto relay = std::make_shared<ProgressRelay>(inbox);
  auto reports = relayProgress(relay, params.getProgress(), timer)
                     .catch_([](kj::Exception&&) {})  // the client is gone or refuses reports: stop reporting
                     .then([]() -> kj::Promise<void> { return kj::NEVER_DONE; });
  return {kj::mv(relay), kj::mv(reports)};
}


Result<core::PageRequest> pageOf(schema::Page::Reader p) {
  uint32_t size = p.getSize() == 0 ? schema::DEFAULT_PAGE_SIZE : p.getSize();
  if (size > schema::MAX_PAGE_SIZE)
    return Status::limitExceeded("page size " + std::to_string(size) + " is above the server maximum of " +
                                 std::to_string(schema::MAX_PAGE_SIZE));
  core::PageRequest r;
  r.offset = p.getOffset();
  r.count = size;
  r.byteBudget = kPageBudgetBytes;
  if (p.hasCursor()) {
    auto c = p.getCursor();
    r.cursor.assign(reinterpret_cast<const char*>(c.begin()), c.size());
  }
  return r;
}

void setPage(schema::PageInfo::Builder b, const core::PageSpan& s) {
  b.setNextOffset(s.next);
  b.setMore(s.more);
  b.setTotal(s.total);
  b.setVersion(s.version);
  if (!s.nextCursor.empty())
    b.setNextCursor(kj::arrayPtr(reinterpret_cast<const kj::byte*>(s.nextCursor.data()), s.nextCursor.size()));
}

Status checkEvidence(uint32_t n) {
  if (n > kMaxEvidencePerEdge)
    return Status::limitExceeded("evidence " + std::to_string(n) + " per edge is above the server maximum of " +
                                 std::to_string(kMaxEvidencePerEdge));
  return Status::ok();
}

using Names = std::unordered_map<ActorId, std::string>;

void addNames(core::LocalGraph& g, const std::vector<Edge>& edges, Names* names) {
  for (const auto& e : edges)
    for (ActorId id : {e.src, e.dst})
      if (!names->count(id)) (*names)[id] = g.nameOf(id);
}

template <typename List>
void edgesToWire(const std::vector<Edge>& edges, const Names& names, List list) {
  for (unsigned i = 0; i < edges.size(); ++i) {
    const Edge& e = edges[i];
    toWire(e, names.at(e.src), names.at(e.dst), list[i]);
  }
}

struct EdgeList {
  std::vector<Edge> edges;
  Names names;
  core::PageSpan span;
};

struct ActorList {
  std::vector<Actor> actors;
  core::PageSpan span;
};

struct NeighbourPage {
  core::NeighbourhoodView view;
  Names names;
  core::PageSpan span;
};

struct PathsAnswer {
  core::PathsView view;
  Names names;
};

// What the server knows of one connection, shared by its stream, its
// service object and its watchdog (all on the event loop thread).
struct ConnectionState {
  ConnectionState(uint64_t maxFrameWords, PendingBudget* budget, kj::TimePoint now)
      : meter(maxFrameWords, budget), lastActivity(now), frameStart(now) {}
  FrameMeter meter;
  kj::TimePoint lastActivity;  // last byte received or call answered
  kj::TimePoint frameStart;    // first byte of the message being received
  size_t inFlight = 0;         // calls accepted and not yet answered
};

class ActorGraphImpl final : public schema::ActorGraph::Server {
 public:
  // One per connection; `state` is that connection's, `timer` and `inbox`
  // its event loop's.
  ActorGraphImpl(core::LocalGraph& graph, WorkerPool& queries, WorkerPool& writer, kj::Timer& timer,
                 std::shared_ptr<LoopInbox> inbox, const ServerOptions& options, std::shared_ptr<ConnectionState> state)
      : graph_(graph), queries_(queries), writer_(writer), timer_(timer), inbox_(std::move(inbox)),
        deadline_(options.deadline), onQueryEnd_(&options.onQueryEnd), state_(std::move(state)) {}

 protected:
  kj::Promise<void> stats(StatsContext ctx) override {
    core::LocalGraph* g = &graph_;
    return answer<storage::StoreStats>(ctx, queries_, [g] { return g->stats(); },
                                       [](auto res, storage::StoreStats& v) { toWire(v, res.initStats()); });
  }

  kj::Promise<void> summary(SummaryContext ctx) override {
    core::LocalGraph* g = &graph_;
    return answer<core::GraphSummary>(ctx, queries_, [g] { return g->summary(); }, [](auto res, core::GraphSummary& v) {
      auto out = res.initSummary();
      toWire(v.firstDay, out.initFirstDay());
      toWire(v.lastDay, out.initLastDay());
      out.setUndatedEdges(v.undatedEdges);
      auto types = out.initEdgesByType(static_cast<unsigned>(v.edgesByType.size()));
      for (unsigned i = 0; i < v.edgesByType.size(); ++i) {
        types[i].setName(v.edgesByType[i].first);
        types[i].setCount(v.edgesByType[i].second);
      }
      auto kinds = out.initActorsByKind(static_cast<unsigned>(v.actorsByKind.size()));
      for (unsigned i = 0; i < v.actorsByKind.size(); ++i) {
        kinds[i].setName(v.actorsByKind[i].first);
        kinds[i].setCount(v.actorsByKind[i].second);
      }
      out.setSources(v.sources);
    });
  }

  kj::Promise<void> resolve(ResolveContext ctx) override {
    std::string name = str(ctx.getParams().getName());
    if (name.size() > kMaxNameBytes) return refuse(ctx, Status::invalidArgument("name too long"));
    auto fill = [](auto res, std::vector<Actor>& v) {
      auto list = res.initActors(static_cast<unsigned>(v.size()));
      for (unsigned i = 0; i < v.size(); ++i) toWire(v[i], list[i]);
    };
    // Most names are found by point lookups, answered here on the event
    // loop: handing a call of a few microseconds to a worker and its answer
    // back costs more than the call. Only a name that needs a scan of the
    // name index (a surname, a title in front) goes to the workers.
    auto quick = graph_.resolveIndexed(name);
    if (!quick || !quick->empty()) return answerNow(ctx, std::move(quick), fill);
    core::LocalGraph* g = &graph_;
    return answer<std::vector<Actor>>(ctx, queries_, [g, name] { return g->resolve(name); }, fill);
  }

  kj::Promise<void> actor(ActorContext ctx) override {
    auto ref = refOf(ctx.getParams().getRef());
    if (!ref) return refuse(ctx, ref.status());
    if (ref->empty()) return refuse(ctx, Status::invalidArgument("no actor given"));
    auto fill = [](auto res, Actor& a) { toWire(a, res.initActor()); };
    // An id is one point lookup: answered on the event loop (see resolve).
    if (ref->byId()) return answerNow(ctx, graph_.actorById(ref->id()), fill);
    core::LocalGraph* g = &graph_;
    std::string name = ref->name();
    return answer<Actor>(ctx, queries_, [g, name] { return g->actor(name); }, fill);
  }

  kj::Promise<void> actors(ActorsContext ctx) override {
    auto params = ctx.getParams();
    std::optional<ActorKind> kind;
    std::string kindText = str(params.getKind());
    if (!kindText.empty()) {
      auto k = parseActorKind(kindText);
      if (!k) return refuse(ctx, k.status());
      kind = k.value();
    }
    auto page = pageOf(params.getPage());
    if (!page) return refuse(ctx, page.status());
    core::LocalGraph* g = &graph_;
    core::PageRequest pr = page.value();
    return answer<ActorList>(
        ctx, queries_,
        [g, kind, pr]() -> Result<ActorList> {
          ActorList out;
          auto a = g->actorsPage(kind, pr, &out.span);
          if (!a) return a.status();
          out.actors = std::move(a).value();
          return out;
        },
        [](auto res, ActorList& v) {
          auto list = res.initActors(static_cast<unsigned>(v.actors.size()));
          for (unsigned i = 0; i < v.actors.size(); ++i) toWire(v.actors[i], list[i]);
          setPage(res.initPage(), v.span);
        });
  }

  kj::Promise<void> edges(EdgesContext ctx) override {
    auto params = ctx.getParams();
    auto req = edgePageRequest(params, /*needsActor=*/false);
    if (!req) return refuse(ctx, req.status());
    core::EdgeQuery q;
    q.filter = req->filter;
    q.limit = params.getLimit();
    q.evidence = params.getEvidence();
    return answerEdgePage(ctx, std::move(req).value(),
                          [q](core::LocalGraph& g, const core::ActorRef& actor, const core::PageRequest& page,
                              core::PageSpan* span) mutable {
                            q.actor = actor;
                            return g.edgesPage(q, page, span);
                          });
  }

  kj::Promise<void> neighbors(NeighborsContext ctx) override {
    auto params = ctx.getParams();
    auto ref = refOf(params.getActor());
    if (!ref) return refuse(ctx, ref.status());
    if (ref->empty()) return refuse(ctx, Status::invalidArgument("no actor given"));
    auto cancel = newCancel();
    auto filter = filterOf(params.getFilter(), cancel);
    if (!filter) return refuse(ctx, filter.status());
    auto page = pageOf(params.getPage());
    if (!page) return refuse(ctx, page.status());
    core::NeighbourQuery q;
    q.options.filter = filter.value();
    if (params.getDepth()) q.options.depth = static_cast<int>(std::min<uint32_t>(params.getDepth(), 1000));
    if (params.getLimit()) q.options.limit = params.getLimit();
    if (params.getFanout()) q.options.fanout = params.getFanout();
    if (params.getMaxEdges()) q.options.maxEdges = params.getMaxEdges();
    Status ev = checkEvidence(params.getEvidence());
    if (!ev.isOk()) return refuse(ctx, ev);
    q.evidence = params.getEvidence();
    core::LocalGraph* g = &graph_;
    q.actor = ref.value();
    core::PageRequest pr = page.value();
    return answer<NeighbourPage>(
        ctx, queries_,
        [g, q, pr]() mutable -> Result<NeighbourPage> {
          NeighbourPage out;
          auto n = g->neighboursPage(q, pr, &out.span);
          if (!n) return n.status();
          out.view = std::move(n).value();
          for (const auto& a : out.view.nodes) out.names[a.id] = a.name;
          addNames(*g, out.view.edges, &out.names);
          return out;
        },
        [](auto res, NeighbourPage& v) {
          auto nodes = res.initNodes(static_cast<unsigned>(v.view.nodes.size()));
          for (unsigned i = 0; i < v.view.nodes.size(); ++i) {
            toWire(v.view.nodes[i], nodes[i].initActor());
            nodes[i].setDepth(static_cast<uint8_t>(v.view.depths[i]));
          }
          edgesToWire(v.view.edges, v.names, res.initEdges(static_cast<unsigned>(v.view.edges.size())));
          res.setTruncated(v.view.truncated);
          setPage(res.initPage(), v.span);
        }, cancel);
  }

  kj::Promise<void> path(PathContext ctx) override {
    auto params = ctx.getParams();
    auto from = refOf(params.getFrom());
    if (!from) return refuse(ctx, from.status());
    auto to = refOf(params.getTo());
    if (!to) return refuse(ctx, to.status());
    if (from->empty() || to->empty())
      return refuse(ctx, Status::invalidArgument("a path needs both `from` and `to`"));
    auto cancel = newCancel();
    auto filter = filterOf(params.getFilter(), cancel);
    if (!filter) return refuse(ctx, filter.status());
    Status ev = checkEvidence(params.getEvidence());
    if (!ev.isOk()) return refuse(ctx, ev);
    core::PathQuery q;
    q.options.filter = filter.value();
    switch (params.getMode()) {
      case schema::PathMode::SHORTEST: q.options.mode = query::PathMode::kShortest; break;
      case schema::PathMode::ALL_SHORTEST: q.options.mode = query::PathMode::kAllShortest; break;
      case schema::PathMode::K_SHORTEST: q.options.mode = query::PathMode::kKShortest; break;
      case schema::PathMode::WEIGHTED: q.options.mode = query::PathMode::kWeighted; break;
      case schema::PathMode::TEMPORAL: q.options.mode = query::PathMode::kTemporal; break;
      default: return refuse(ctx, Status::invalidArgument("unknown path mode"));
    }
    if (params.getMaxDepth()) q.options.maxDepth = static_cast<int>(std::min<uint32_t>(params.getMaxDepth(), 1000));
    if (params.getK()) q.options.k = static_cast<int>(std::min<uint32_t>(params.getK(), 1000000));
    if (params.getMaxPaths()) q.options.maxPaths = params.getMaxPaths();
    q.evidence = params.getEvidence();
    core::LocalGraph* g = &graph_;
    q.from = from.value();
    q.to = to.value();
    return answer<PathsAnswer>(
        ctx, queries_,
        [g, q]() mutable -> Result<PathsAnswer> {
          PathsAnswer out;
          auto p = g->paths(q);
          if (!p) return p.status();
          out.view = std::move(p).value();
          size_t bytes = 0;
          for (const auto& path : out.view.paths) {
            for (const auto& e : path.edges) bytes += core::approxWireBytes(e);
            for (const auto& n : path.nodes) bytes += core::approxWireBytes(n);
            addNames(*g, path.edges, &out.names);
          }
          if (bytes > kResultBudgetBytes)
            return Status::limitExceeded("the paths found make about " + std::to_string(bytes >> 20) +
                                         " MiB; ask for fewer paths or less evidence");
          return out;
        },
        [](auto res, PathsAnswer& v) {
          auto paths = res.initPaths(static_cast<unsigned>(v.view.paths.size()));
          for (unsigned i = 0; i < v.view.paths.size(); ++i) {
            const core::PathView& p = v.view.paths[i];
            auto out = paths[i];
            auto nodes = out.initNodes(static_cast<unsigned>(p.nodes.size()));
            for (unsigned j = 0; j < p.nodes.size(); ++j) toWire(p.nodes[j], nodes[j]);
            edgesToWire(p.edges, v.names, out.initEdges(static_cast<unsigned>(p.edges.size())));
            out.setCost(p.cost);
            auto days = out.initDays(static_cast<unsigned>(p.days.size()));
            for (unsigned j = 0; j < p.days.size(); ++j) days.set(j, p.days[j]);
          }
          res.setTruncated(v.view.truncated);
        }, cancel);
  }

  kj::Promise<void> timeline(TimelineContext ctx) override {
    auto params = ctx.getParams();
    auto req = edgePageRequest(params, /*needsActor=*/true);
    if (!req) return refuse(ctx, req.status());
    core::TimelineQuery q;
    q.filter = req->filter;
    q.evidence = params.getEvidence();
    return answerEdgePage(ctx, std::move(req).value(),
                          [q](core::LocalGraph& g, const core::ActorRef& actor, const core::PageRequest& page,
                              core::PageSpan* span) mutable {
                            q.actor = actor;
                            return g.timelinePage(q, page, span);
                          });
  }

  kj::Promise<void> asof(AsofContext ctx) override {
    auto params = ctx.getParams();
    auto req = edgePageRequest(params, /*needsActor=*/false);
    if (!req) return refuse(ctx, req.status());
    auto date = fromWire(params.getDate());
    if (!date) return refuse(ctx, date.status());
    core::AsOfQuery q;
    q.date = date.value();
    q.filter = req->filter;
    q.evidence = params.getEvidence();
    return answerEdgePage(ctx, std::move(req).value(),
                          [q](core::LocalGraph& g, const core::ActorRef& actor, const core::PageRequest& page,
                              core::PageSpan* span) mutable {
                            q.actor = actor;
                            return g.asOfPage(q, page, span);
                          });
  }

  kj::Promise<void> rank(RankContext ctx) override {
    auto params = ctx.getParams();
    auto cancel = newCancel();
    auto filter = filterOf(params.getFilter(), cancel);
    if (!filter) return refuse(ctx, filter.status());
    core::RankQuery q;
    q.filter = filter.value();
    switch (params.getMeasure()) {
      case schema::RankMeasure::DEGREE: q.measure = query::RankMeasure::kDegree; break;
      case schema::RankMeasure::PAGERANK: q.measure = query::RankMeasure::kPageRank; break;
      case schema::RankMeasure::BETWEENNESS: q.measure = query::RankMeasure::kBetweenness; break;
      default: return refuse(ctx, Status::invalidArgument("unknown rank measure"));
    }
    if (params.getTop()) q.top = params.getTop();
    if (q.top > schema::MAX_PAGE_SIZE)
      return refuse(ctx, Status::limitExceeded("top " + std::to_string(q.top) + " is above the server maximum of " +
                                               std::to_string(schema::MAX_PAGE_SIZE)));
    // The ranking's own progress hook (what `kg rank` draws locally) feeds
    // the client's sink, if it passed one.
    auto progress = progressOf(params, timer_, inbox_);
    if (auto relay = progress.first; relay && q.measure != query::RankMeasure::kDegree) {
      const char* unit = q.measure == query::RankMeasure::kBetweenness ? "sources" : "iterations";
      q.progress = [relay, unit](uint64_t done, uint64_t total) { relay->update(done, total, unit); };
    }
    core::LocalGraph* g = &graph_;
    return answer<core::RankView>(ctx, queries_, [g, q] { return g->rank(q); }, [](auto res, core::RankView& v) {
      auto list = res.initEntries(static_cast<unsigned>(v.entries.size()));
      for (unsigned i = 0; i < v.entries.size(); ++i) {
        toWire(v.entries[i].actor, list[i].initActor());
        list[i].setScore(v.entries[i].score);
      }
      res.setApproximate(v.approximate);
      res.setSources(v.sources);
    }, cancel).exclusiveJoin(kj::mv(progress.second));
  }

  kj::Promise<void> components(ComponentsContext ctx) override {
    auto params = ctx.getParams();
    auto cancel = newCancel();
    auto filter = filterOf(params.getFilter(), cancel);
    if (!filter) return refuse(ctx, filter.status());
    core::ComponentsQuery q;
    q.filter = filter.value();
    if (params.getTop()) q.top = params.getTop();
    q.members = params.getMembers();
    if (q.top > schema::MAX_PAGE_SIZE)
      return refuse(ctx, Status::limitExceeded("top " + std::to_string(q.top) + " is above the server maximum of " +
                                               std::to_string(schema::MAX_PAGE_SIZE)));
    core::LocalGraph* g = &graph_;
    return answer<core::ComponentsView>(
        ctx, queries_,
        [g, q]() -> Result<core::ComponentsView> {
          auto r = g->components(q);
          if (!r) return r;
          size_t bytes = 0;
          for (const auto& c : r->components)
            for (const auto& m : c.members) bytes += 24 + m.second.size();
          if (bytes > kResultBudgetBytes)
            return Status::limitExceeded("the components' members make about " + std::to_string(bytes >> 20) +
                                         " MiB; ask for fewer components or members");
          return r;
        },
        [](auto res, core::ComponentsView& v) {
          auto list = res.initComponents(static_cast<unsigned>(v.components.size()));
          for (unsigned i = 0; i < v.components.size(); ++i) {
            list[i].setSize(v.components[i].size);
            auto members = list[i].initMembers(static_cast<unsigned>(v.components[i].members.size()));
            for (unsigned j = 0; j < members.size(); ++j) {
              members[j].setId(v.components[i].members[j].first);
              members[j].setName(v.components[i].members[j].second);
            }
          }
          res.setCount(v.count);
          res.setIsolated(v.isolated);
        }, cancel);
  }

  kj::Promise<void> ingest(IngestContext ctx) override {
    auto docs = ctx.getParams().getDocuments();
    if (docs.size() > schema::MAX_INGEST_DOCUMENTS)
      return refuse(ctx, Status::limitExceeded(std::to_string(docs.size()) + " documents in one call; at most " +
                                               std::to_string(schema::MAX_INGEST_DOCUMENTS)));
    std::vector<core::IngestDocument> in;
    std::vector<std::string> warnings;
    in.reserve(docs.size());
    for (unsigned i = 0; i < docs.size(); ++i) {
      auto d = docs[i];
      core::IngestDocument doc;
      doc.text = str(d.getText());
      doc.title = str(d.getTitle());
      doc.source = str(d.getSource());
      doc.url = str(d.getUrl());
      // Dates are read as `kg ingest` reads a JSON Lines "date": leniently,
      // and an unreadable one is ignored with a warning.
      std::string date = str(d.getDate());
      if (!date.empty()) {
        if (auto parsed = core::parseDocumentDate(date))
          doc.date = *parsed;
        else
          warnings.push_back("document " + std::to_string(i + 1) + ": unreadable date '" + date + "' ignored");
      }
      in.push_back(std::move(doc));
    }
    core::LocalGraph* g = &graph_;
    auto shared = std::make_shared<std::vector<core::IngestDocument>>(std::move(in));
    auto progress = progressOf(ctx.getParams(), timer_, inbox_);
    std::function<void(uint64_t, uint64_t)> onDocument;
    if (auto relay = progress.first)
      onDocument = [relay](uint64_t done, uint64_t total) { relay->update(done, total, "documents"); };
    return answer<core::IngestSummary>(
        ctx, writer_,
        [g, shared, warnings, onDocument]() -> Result<core::IngestSummary> {
          auto r = g->ingest(*shared, onDocument);
          if (r) r->warnings.insert(r->warnings.begin(), warnings.begin(), warnings.end());
          return r;
        },
        [](auto res, core::IngestSummary& s) {
          auto r = res.initReport();
          r.setDocuments(s.documents);
          r.setArticles(s.articles);
          r.setActorsAdded(s.actorsNew);
          r.setEdgesAdded(s.edgesNew);
          r.setEvidenceAdded(s.evidenceNew);
          r.setSkipped(s.articlesSkipped);
          auto w = r.initWarnings(static_cast<unsigned>(std::min<size_t>(s.warnings.size(), 1000)));
          for (unsigned i = 0; i < w.size(); ++i) w.set(i, s.warnings[i]);
        },
        nullptr, kIngestDeadline)
        .exclusiveJoin(kj::mv(progress.second));
  }

  // --- curation: on the writer thread, like ingest ---------------------------

  kj::Promise<void> mergeActors(MergeActorsContext ctx) override {
    auto p = ctx.getParams();
    auto keep = actorSpecOf(p.getKeep());
    if (!keep) return refuse(ctx, keep.status());
    auto drop = actorSpecOf(p.getDrop());
    if (!drop) return refuse(ctx, drop.status());
    auto by = curationByOf(p.getBy());
    if (!by) return refuse(ctx, by.status());
    core::LocalGraph* g = &graph_;
    return answer<core::MergeResult>(
        ctx, writer_, [g, k = *keep, d = *drop, b = *by] { return g->mergeActors(k, d, b); },
        [](auto res, core::MergeResult& m) {
          auto r = res.initReport();
          toWire(m.summary.kept, r.initKept());
          toWire(m.dropped, r.initDropped());
          r.setLogSeq(m.summary.logSeq);
          r.setEdgesMoved(m.summary.edgesMoved);
          r.setEdgesJoined(m.summary.edgesJoined);
          r.setSelfLoops(m.summary.selfLoops);
          r.setSuppressed(m.summary.suppressed);
        },
        nullptr, kIngestDeadline);
  }

  kj::Promise<void> alias(AliasContext ctx) override {
    auto p = ctx.getParams();
    auto actor = actorSpecOf(p.getActor());
    if (!actor) return refuse(ctx, actor.status());
    std::string text = str(p.getAlias());
    if (Status st = checkText("alias", text); !st.isOk()) return refuse(ctx, st);
    auto by = curationByOf(p.getBy());
    if (!by) return refuse(ctx, by.status());
    const bool add = !p.getRemove();
    core::LocalGraph* g = &graph_;
    return answer<Actor>(
        ctx, writer_, [g, a = *actor, text, add, b = *by] { return g->aliasActor(a, text, add, b); },
        [](auto res, Actor& a) { toWire(a, res.initActor()); }, nullptr, kIngestDeadline);
  }

  kj::Promise<void> renameActor(RenameActorContext ctx) override {
    auto p = ctx.getParams();
    auto actor = actorSpecOf(p.getActor());
    if (!actor) return refuse(ctx, actor.status());
    std::string name = str(p.getName());
    if (Status st = checkText("name", name); !st.isOk()) return refuse(ctx, st);
    auto by = curationByOf(p.getBy());
    if (!by) return refuse(ctx, by.status());
    core::LocalGraph* g = &graph_;
    return answer<Actor>(
        ctx, writer_, [g, a = *actor, name, b = *by] { return g->renameActor(a, name, b); },
        [](auto res, Actor& a) { toWire(a, res.initActor()); }, nullptr, kIngestDeadline);
  }

  kj::Promise<void> setActor(SetActorContext ctx) override {
    auto p = ctx.getParams();
    auto actor = actorSpecOf(p.getActor());
    if (!actor) return refuse(ctx, actor.status());
    std::optional<ActorKind> kind;
    if (std::string text = str(p.getKind()); !text.empty()) {
      if (Status st = checkText("kind", text); !st.isOk()) return refuse(ctx, st);
      auto k = parseActorKind(text);
      if (!k) return refuse(ctx, k.status());
      kind = k.value();
    }
    std::optional<std::string> country;
    if (p.getSetCountry()) {
      country = str(p.getCountry());
      if (Status st = checkText("country", *country); !st.isOk()) return refuse(ctx, st);
    }
    auto by = curationByOf(p.getBy());
    if (!by) return refuse(ctx, by.status());
    core::LocalGraph* g = &graph_;
    return answer<Actor>(
        ctx, writer_, [g, a = *actor, kind, country, b = *by] { return g->setActor(a, kind, country, b); },
        [](auto res, Actor& a) { toWire(a, res.initActor()); }, nullptr, kIngestDeadline);
  }

  kj::Promise<void> removeActor(RemoveActorContext ctx) override {
    auto p = ctx.getParams();
    auto actor = actorSpecOf(p.getActor());
    if (!actor) return refuse(ctx, actor.status());
    auto by = curationByOf(p.getBy());
    if (!by) return refuse(ctx, by.status());
    core::LocalGraph* g = &graph_;
    return answer<core::RemoveActorSummary>(
        ctx, writer_, [g, a = *actor, w = p.getWithEdges(), b = *by] { return g->removeActor(a, w, b); },
        [](auto res, core::RemoveActorSummary& r) {
          toWire(r.removed, res.initRemoved());
          res.setEdgesRemoved(r.edgesRemoved);
          res.setLogSeq(r.logSeq);
        },
        nullptr, kIngestDeadline);
  }

  kj::Promise<void> removeEdge(RemoveEdgeContext ctx) override {
    auto p = ctx.getParams();
    auto by = curationByOf(p.getBy());
    if (!by) return refuse(ctx, by.status());
    core::LocalGraph* g = &graph_;
    return answer<RemovedEdge>(
        ctx, writer_,
        [g, id = p.getEdge(), b = *by]() -> Result<RemovedEdge> {
          auto e = g->removeEdge(id, b);
          if (!e) return e.status();
          RemovedEdge out{std::move(e).value(), {}, {}};
          out.src = g->nameOf(out.edge.src);
          out.dst = g->nameOf(out.edge.dst);
          return out;
        },
        [](auto res, RemovedEdge& r) { toWire(r.edge, r.src, r.dst, res.initEdge()); }, nullptr, kIngestDeadline);
  }

  kj::Promise<void> undo(UndoContext ctx) override {
    auto p = ctx.getParams();
    auto by = curationByOf(p.getBy());
    if (!by) return refuse(ctx, by.status());
    std::optional<uint64_t> seq;
    if (p.getSeq() != 0) seq = p.getSeq();
    core::LocalGraph* g = &graph_;
    return answer<core::UndoSummary>(
        ctx, writer_, [g, seq, b = *by] { return g->undo(seq, b); },
        [](auto res, core::UndoSummary& u) {
          auto r = res.initReport();
          r.setUndone(u.undone);
          r.setUndoneCommand(u.undoneCommand);
          r.setUndoneArgs(u.undoneArgs);
          r.setLogSeq(u.logSeq);
          r.setActors(u.actors);
          r.setEdges(u.edges);
        },
        nullptr, kIngestDeadline);
  }

  kj::Promise<void> log(LogContext ctx) override {
    core::LocalGraph* g = &graph_;
    return answer<std::vector<storage::CurationRecord>>(
        ctx, queries_, [g] { return g->curationLog(); },
        [](auto res, std::vector<storage::CurationRecord>& v) {
          auto list = res.initRecords(static_cast<unsigned>(v.size()));
          for (unsigned i = 0; i < v.size(); ++i) {
            list[i].setSeq(v[i].seq);
            list[i].setUnixSeconds(v[i].unixSeconds);
            list[i].setUser(v[i].user);
            list[i].setCommand(v[i].command);
            list[i].setArgs(v[i].args);
            list[i].setDetails(v[i].details);
          }
        });
  }

 private:
  template <typename Ctx>
  kj::Promise<void> refuse(Ctx& ctx, const Status& s) {
    fail(ctx.getResults().initError(), s);
    return kj::READY_NOW;
  }

  // Fills the results now, on the event loop: for calls answered from a
  // few point lookups (see resolve).
  template <typename Ctx, typename T, typename Fill>
  kj::Promise<void> answerNow(Ctx& ctx, Result<T> r, Fill&& fill) {
    auto res = ctx.getResults();
    if (r.isOk())
      fill(res, r.value());
    else
      fail(res.initError(), r.status());
    state_->lastActivity = timer_.now();
    return kj::READY_NOW;
  }

  // The answer to a call that ran past its deadline.
  static Status deadlineStatus(std::chrono::milliseconds deadline) {
    return Status::deadlineExceeded("the query ran past the server's deadline of " + std::to_string(deadline.count()) +
                                    " ms and was stopped; narrow it (fewer hops, a smaller limit, filters)");
  }

  // Runs `work` on `pool` and fills the results with `fill` on the event
  // loop, or with an error: the work's, Busy when the pool's queue is full,
  // DeadlineExceeded when it takes longer than the deadline. At the deadline,
  // and when the call is dropped first (its client gone, the server
  // stopping), `cancel` is cancelled, so that work polling it (a query whose
  // filter holds it) stops within a few thousand steps and frees its worker;
  // a job still queued then does not start. Work without a cancel (stats,
  // ingest, point lookups) is bounded otherwise and finishes unobserved.
  template <typename T, typename Ctx, typename Work, typename Fill>
  kj::Promise<void> answer(Ctx ctx, WorkerPool& pool, Work work, Fill fill,
                           std::shared_ptr<query::Cancel> cancel = nullptr,
                           std::chrono::milliseconds deadline = std::chrono::milliseconds(0)) {
    if (deadline.count() == 0) deadline = deadline_;
    // The answer comes back through the loop's inbox (rpc/loop_inbox.h) to a
    // fulfiller that only this loop touches: `slot` points at it while the
    // call waits and is cleared (on this thread) when the call is dropped.
    auto paf = kj::newPromiseAndFulfiller<Result<T>>();
    using Slot = std::shared_ptr<kj::PromiseFulfiller<Result<T>>*>;
    Slot slot = std::make_shared<kj::PromiseFulfiller<Result<T>>*>(paf.fulfiller.get());
    struct Job {
      Work work;
      std::shared_ptr<LoopInbox> inbox;
      Slot slot;
      std::shared_ptr<query::Cancel> cancel;
      bool answered = false;
      void deliver(Result<T> r) {
        answered = true;
        auto value = std::make_shared<Result<T>>(std::move(r));
        inbox->post([slot = slot, value] {
          if (*slot != nullptr && (*slot)->isWaiting()) (*slot)->fulfill(kj::mv(*value));
        });
      }
      // A job dropped unrun (the pool shutting down) still answers.
      ~Job() {
        if (!answered) deliver(Status::ioError("the server stopped before running the call"));
      }
    };
    // Built in place: a Job copied or moved would answer from its destructor.
    std::shared_ptr<Job> job(new Job{std::move(work), inbox_, slot, cancel});
    const auto* onEnd = onQueryEnd_;  // the server's options outlive every job
    bool queued = pool.trySubmit([job, onEnd] {
      Result<T> r = query::stoppedAtDeadline();
      if (!job->cancel || !job->cancel->cancelled()) {
        try {
          r = job->work();
        } catch (const std::exception& e) {
          r = Status::internal(std::string("query failed: ") + e.what());
        } catch (...) {
          r = Status::internal("query failed");
        }
      }
      if (*onEnd) (*onEnd)(r.status());
      job->deliver(std::move(r));
    });
    if (!queued) {
      job->answered = true;  // refused here and now
      job.reset();
      return refuse(ctx, Status::busy("the server is busy (too many queued queries); retry later"));
    }
    auto forget = kj::defer([slot] { *slot = nullptr; });
    auto timeout = timer_.afterDelay(deadline.count() * kj::MILLISECONDS).then([cancel]() -> kj::Maybe<Result<T>> {
      if (cancel) cancel->cancel();  // the work stops at its next poll
      return nullptr;
    });
    // Cap'n Proto 0.9 lets a call's promise be dropped when its client
    // cancels it or leaves only when the server allows it; dropping it
    // cancels the work (below) instead of finishing it unobserved.
    ctx.allowCancellation();
    // A connection waiting for an answer is not idle, however long it waits.
    ++state_->inFlight;
    // Runs when the call is settled or dropped: in both cases nobody wants
    // more work done for it.
    auto settle = kj::defer([state = state_, &timer = timer_, cancel] {
      if (cancel) cancel->cancel();
      --state->inFlight;
      state->lastActivity = timer.now();
    });
    return paf.promise.then([](Result<T>&& r) -> kj::Maybe<Result<T>> { return kj::mv(r); })
        .exclusiveJoin(kj::mv(timeout))
        .then([ctx, fill = std::move(fill), deadline](kj::Maybe<Result<T>>&& m) mutable {
          auto res = ctx.getResults();
          KJ_IF_MAYBE(r, m) {
            if (r->isOk())
              fill(res, r->value());
            else if (r->status().code() == StatusCode::kDeadlineExceeded)
              fail(res.initError(), deadlineStatus(deadline));  // stopped by its own clock, just before the timer
            else
              fail(res.initError(), r->status());
          } else {
            fail(res.initError(), deadlineStatus(deadline));
          }
        })
        .attach(kj::mv(settle), kj::mv(forget), kj::mv(paf.fulfiller));
  }

  // A new call's cancellation, due at the deadline.
  // What a paged edge listing's request (edges, timeline, asof) carries
  // besides its own fields, checked on the event loop: the actor, the filter
  // holding the call's cancellation, the page and the evidence count.
  struct EdgePageRequest {
    core::ActorRef actor;
    query::Filter filter;
    core::PageRequest page;
    std::shared_ptr<query::Cancel> cancel;
  };

  // Errors in the order the handlers used to report them: the actor
  // reference (and, with `needsActor`, "no actor given"), the filter, the
  // page, the evidence count.
  template <typename Params>
  Result<EdgePageRequest> edgePageRequest(Params params, bool needsActor) const {
    auto ref = refOf(params.getActor());
    if (!ref) return ref.status();
    if (needsActor && ref->empty()) return Status::invalidArgument("no actor given");
    EdgePageRequest r;
    r.actor = ref.value();
    r.cancel = newCancel();
    auto filter = filterOf(params.getFilter(), r.cancel);
    if (!filter) return filter.status();
    r.filter = std::move(filter).value();
    auto page = pageOf(params.getPage());
    if (!page) return page.status();
    r.page = std::move(page).value();
    KG_RETURN_IF_ERROR(checkEvidence(params.getEvidence()));
    return r;
  }

  // The paged edge listings' one path from request to answer: on a worker,
  // `page(graph, actor, request, span)` for the page (the actor as the
  // request referred to it: an id answers for that actor only) and the
  // names of its edges' actors; on the event loop, the edges and the page
  // info.
  template <typename Ctx, typename Page>
  kj::Promise<void> answerEdgePage(Ctx& ctx, EdgePageRequest req, Page page) {
    core::LocalGraph* g = &graph_;
    auto cancel = req.cancel;
    return answer<EdgeList>(
        ctx, queries_,
        [g, req = std::move(req), page]() mutable -> Result<EdgeList> {
          EdgeList out;
          auto e = page(*g, req.actor, req.page, &out.span);
          if (!e) return e.status();
          out.edges = std::move(e).value();
          addNames(*g, out.edges, &out.names);
          return out;
        },
        [](auto res, EdgeList& v) {
          edgesToWire(v.edges, v.names, res.initEdges(static_cast<unsigned>(v.edges.size())));
          setPage(res.initPage(), v.span);
        },
        cancel);
  }

  std::shared_ptr<query::Cancel> newCancel() const {
    return std::make_shared<query::Cancel>(std::chrono::steady_clock::now() + deadline_);
  }

  // A call's filter, holding its cancellation.
  static Result<query::Filter> filterOf(schema::Filter::Reader wire, std::shared_ptr<query::Cancel> cancel) {
    auto filter = fromWire(wire);
    if (filter) filter->cancel = std::move(cancel);
    return filter;
  }

  core::LocalGraph& graph_;
  WorkerPool& queries_;
  WorkerPool& writer_;
  kj::Timer& timer_;
  std::shared_ptr<LoopInbox> inbox_;  // this connection's event loop's
  std::chrono::milliseconds deadline_;
  const std::function<void(const Status&)>* onQueryEnd_;  // ServerOptions::onQueryEnd, never null
  std::shared_ptr<ConnectionState> state_;
};

// A client's byte stream, followed by its connection's FrameMeter: a message
// refused from its segment table fails the read (and so closes the
// connection) before the message reader sees, or allocates for, it.
class MeteredStream final : public kj::AsyncIoStream {
 public:
  MeteredStream(kj::Own<kj::AsyncIoStream> inner, std::shared_ptr<ConnectionState> state, kj::Timer& timer,
                LoopActivity& activity)
      : inner_(kj::mv(inner)), state_(std::move(state)), timer_(timer), activity_(activity) {}

  kj::Promise<size_t> tryRead(void* buffer, size_t minBytes, size_t maxBytes) override {
    return inner_->tryRead(buffer, minBytes, maxBytes).then([this, buffer](size_t n) -> size_t {
      if (n == 0) return 0;
      activity_.note();
      const bool wasMid = state_->meter.midFrame();
      const auto now = timer_.now();
      state_->lastActivity = now;
      if (!wasMid) state_->frameStart = now;
      Status st = state_->meter.feed(static_cast<const uint8_t*>(buffer), n);
      if (!st.isOk()) KJ_FAIL_REQUIRE("refused an incoming message", st.message());
      return n;
    });
  }
  // A write the socket refuses (the client has gone) throws at once in KJ;
  // evalNow returns that as a broken promise, which is how Cap'n Proto, which
  // calls write() inside a continuation, receives it anyway. Why: write() is
  // reached through a this-adjusting thunk (AsyncOutputStream is
  // AsyncIoStream's second base), and under GCC 12's ThreadSanitizer every
  // exception leaving such a thunk leaves a frame on the thread's shadow
  // stack; each later allocation on the event loop then records a new,
  // deeper stack that TSan keeps for the life of the process (kgd reached
  // 13.8 GiB in 240 s of the unpaused --race soak; README, "Fuzzing and
  // sanitizers").
  kj::Promise<void> write(const void* buffer, size_t size) override {
    return kj::evalNow([&] { return inner_->write(buffer, size); });
  }
  kj::Promise<void> write(kj::ArrayPtr<const kj::ArrayPtr<const kj::byte>> pieces) override {
    return kj::evalNow([&] { return inner_->write(pieces); });
  }
  kj::Promise<void> whenWriteDisconnected() override { return inner_->whenWriteDisconnected(); }
  void shutdownWrite() override { inner_->shutdownWrite(); }
  void abortRead() override { inner_->abortRead(); }

 private:
  kj::Own<kj::AsyncIoStream> inner_;
  std::shared_ptr<ConnectionState> state_;
  kj::Timer& timer_;
  LoopActivity& activity_;  // the loop's
};

// What every event loop of the server shares: the connection count and the
// budget of bytes still arriving. Safe across threads.
struct SharedLimits {
  explicit SharedLimits(uint64_t maxPendingBytes) : budget(maxPendingBytes) {}
  PendingBudget budget;
  std::atomic<size_t> open{0};  // connections accepted and not yet closed, on every loop
};

// What Connections needs to make each connection's service object and to
// enforce the limits. `timer` is its own loop's.
struct ServiceParts {
  core::LocalGraph& graph;
  WorkerPool& queries;
  WorkerPool& writer;
  kj::Timer& timer;
  std::shared_ptr<LoopInbox> inbox;  // the loop's: answers from the workers come back through it
  const ServerOptions& options;
  SharedLimits& shared;
  LoopActivity& activity;  // the loop's: what arrives on its connections ends its sleep (spin_wait.h)
};

// One client connection: its stream, the two-party network and RPC system.
struct Connection {
  Connection(kj::Own<kj::AsyncIoStream>&& s, capnp::Capability::Client bootstrap, capnp::ReaderOptions options)
      : stream(kj::mv(s)),
        network(*stream, capnp::rpc::twoparty::Side::SERVER, options),
        rpc(capnp::makeRpcServer(network, kj::mv(bootstrap))) {
    // Stop reading from a client whose calls in flight exceed this.
    rpc.setFlowLimit(options.traversalLimitInWords);
  }
  kj::Own<kj::AsyncIoStream> stream;
  capnp::TwoPartyVatNetwork network;
  capnp::RpcSystem<capnp::rpc::twoparty::VatId> rpc;
};

// The connections of one event loop, on that loop's thread.
class Connections final : public kj::TaskSet::ErrorHandler {
 public:
  // `open` counts this loop's connections (the acceptor adds, this class
  // subtracts when one ends).
  Connections(const ServiceParts& parts, capnp::ReaderOptions options, std::atomic<size_t>* open)
      : parts_(parts), options_(options), open_(open) {}

  // Serves `stream`, for which the acceptor has counted a connection in
  // SharedLimits::open and in this loop's count (both given back when the
  // connection ends).
  void add(kj::Own<kj::AsyncIoStream>&& stream) {
    kj::Timer& timer = parts_.timer;
    auto state = std::make_shared<ConnectionState>(options_.traversalLimitInWords, &parts_.shared.budget, timer.now());
    capnp::Capability::Client bootstrap = kj::heap<ActorGraphImpl>(
        parts_.graph, parts_.queries, parts_.writer, timer, parts_.inbox, parts_.options, state);
    // Read ahead below the meter, which still sees every byte as Cap'n Proto
    // receives it; the server's answers are written as they come.
    auto buffered = kj::heap<BufferedStream>(kj::mv(stream), /*gatherWrites=*/false);
    auto metered = kj::heap<MeteredStream>(kj::mv(buffered), state, timer, parts_.activity);
    auto c = kj::heap<Connection>(kj::mv(metered), kj::mv(bootstrap), options_);
    // The connection ends when the client leaves, its stream fails (a refused
    // message), or the watchdog finds it idle or stuck in a message.
    auto done = c->network.onDisconnect().exclusiveJoin(watch(state));
    tasks_.add(done.attach(kj::mv(c), kj::mv(state))
                   .then([this] { release(); }, [this](kj::Exception&&) { release(); }));
  }

  void taskFailed(kj::Exception&&) override {}  // one connection's failure concerns no one else

 private:
  void release() {
    open_->fetch_sub(1, std::memory_order_relaxed);
    parts_.shared.open.fetch_sub(1, std::memory_order_relaxed);
  }

  // Resolves when the connection should be closed: idle (nothing received
  // and no call in flight) for idleTimeout, or in the middle of a message for
  // readTimeout.
  kj::Promise<void> watch(std::shared_ptr<ConnectionState> state) {
    const auto idle = parts_.options.idleTimeout.count() * kj::MILLISECONDS;
    const auto read = parts_.options.readTimeout.count() * kj::MILLISECONDS;
    const auto tick = std::max<kj::Duration>(10 * kj::MILLISECONDS, std::min(idle, read) / 4);
    return parts_.timer.afterDelay(tick).then([this, state, idle, read]() -> kj::Promise<void> {
      const auto now = parts_.timer.now();
      if (state->meter.midFrame()) {
        if (now - state->frameStart >= read) return kj::READY_NOW;
      } else if (state->inFlight == 0 && now - state->lastActivity >= idle) {
        return kj::READY_NOW;
      }
      return watch(state);
    });
  }

  ServiceParts parts_;
  capnp::ReaderOptions options_;
  std::atomic<size_t>* open_;
  kj::TaskSet tasks_{*this};
};

// An accepted socket on its way to another loop: closed if the loop never
// takes it (the loop gone, or stopping with it still queued).
struct HandedFd {
  explicit HandedFd(int f) : fd(f) {}
  HandedFd(const HandedFd&) = delete;
  HandedFd& operator=(const HandedFd&) = delete;
  ~HandedFd() {
    if (fd >= 0) ::close(fd);
  }
  int take() { return std::exchange(fd, -1); }
  int fd;
};

// An event loop on a thread of its own, serving the connections the
// acceptor hands it (see engine/rpc/README.md, "Threads and the path of a
// call"). start(), hand() and the destructor on the acceptor's thread;
// everything else reaches the loop through its LoopInbox.
class IoLoop final {
 public:
  IoLoop(core::LocalGraph& graph, WorkerPool& queries, WorkerPool& writer, const ServerOptions& options,
         SharedLimits& shared, capnp::ReaderOptions readerOptions)
      : graph_(graph), queries_(queries), writer_(writer), options_(options), shared_(shared),
        readerOptions_(readerOptions) {}
  IoLoop(const IoLoop&) = delete;
  IoLoop& operator=(const IoLoop&) = delete;
  // Stops the loop (its connections are dropped, cancelling their calls) and
  // joins its thread.
  ~IoLoop() {
    std::shared_ptr<LoopInbox> inbox;
    {
      std::lock_guard<std::mutex> lock(mu_);
      stopping_ = true;
      inbox = inbox_;
    }
    // stop_ is the loop's own: read on its thread, where the closure runs.
    if (inbox) inbox->post([this] {
        if (stop_ != nullptr && stop_->isWaiting()) stop_->fulfill();
      });
    if (thread_.joinable()) thread_.join();
  }

  // Starts the thread and returns once its loop runs; an IOError when it
  // could not be set up.
  Status start() {
    thread_ = std::thread([this] { run(); });
    std::unique_lock<std::mutex> lock(mu_);
    cv_.wait(lock, [this] { return ready_; });
    if (!error_.empty()) return Status::ioError(error_);
    return Status::ok();
  }

  // Connections this loop serves or has been handed (the acceptor adds).
  std::atomic<size_t>& open() { return open_; }

  // Hands the accepted socket `fd` to this loop, which serves it from then
  // on. False when the loop has gone (the socket is then closed).
  bool hand(int fd) {
    std::shared_ptr<LoopInbox> inbox;
    {
      std::lock_guard<std::mutex> lock(mu_);
      inbox = inbox_;
    }
    auto handed = std::make_shared<HandedFd>(fd);
    if (!inbox) return false;
    // lowLevel_ and connections_ are the loop's own, read on its thread.
    return inbox->post([this, handed] {
      constexpr uint kFlags =
          kj::LowLevelAsyncIoProvider::ALREADY_CLOEXEC | kj::LowLevelAsyncIoProvider::ALREADY_NONBLOCK;
      connections_->add(lowLevel_->wrapSocketFd(kj::AutoCloseFd(handed->take()), kFlags));
    });
  }

 private:
  void run() {
    std::shared_ptr<LoopInbox> inbox;
    try {
      auto io = kj::setupAsyncIo();
      inbox = std::make_shared<LoopInbox>();
      LoopActivity activity;
      Connections connections(
          ServiceParts{graph_, queries_, writer_, io.provider->getTimer(), inbox, options_, shared_, activity},
          readerOptions_, &open_);
      auto stopPaf = kj::newPromiseAndFulfiller<void>();
      lowLevel_ = io.lowLevelProvider.get();
      connections_ = &connections;
      stop_ = stopPaf.fulfiller.get();
      bool stopNow;
      {
        std::lock_guard<std::mutex> lock(mu_);
        inbox_ = inbox;
        stopNow = stopping_;
        ready_ = true;
      }
      cv_.notify_all();
      // Posted closures run only while this waits; after it, none runs again.
      if (!stopNow)
        spinWait(stopPaf.promise.exclusiveJoin(inbox->serve(*io.lowLevelProvider, &activity)), io.waitScope, activity,
                 options_.spin);
      inbox->close();
      stop_ = nullptr;
      connections_ = nullptr;
    } catch (const kj::Exception& e) {
      if (inbox) inbox->close();
      std::lock_guard<std::mutex> lock(mu_);
      if (!ready_) error_ = "cannot start an event loop: " + std::string(e.getDescription().cStr());
      stop_ = nullptr;
      connections_ = nullptr;
      open_.store(SIZE_MAX / 2);  // a loop that failed is never picked again
      ready_ = true;
      cv_.notify_all();
    }
  }

  core::LocalGraph& graph_;
  WorkerPool& queries_;
  WorkerPool& writer_;
  const ServerOptions& options_;
  SharedLimits& shared_;
  capnp::ReaderOptions readerOptions_;
  std::thread thread_;
  std::mutex mu_;
  std::condition_variable cv_;
  bool ready_ = false;                 // guarded by mu_: run() has set up its loop, or failed to
  bool stopping_ = false;              // guarded by mu_
  std::string error_;                  // guarded by mu_
  std::shared_ptr<LoopInbox> inbox_;   // guarded by mu_; set once the loop runs
  // The loop's own, set and read on its thread only (by run() and by the
  // closures it runs): its stop signal, provider and connections.
  kj::PromiseFulfiller<void>* stop_ = nullptr;
  kj::LowLevelAsyncIoProvider* lowLevel_ = nullptr;
  Connections* connections_ = nullptr;
  std::atomic<size_t> open_{0};
};

// Accepts connections and deals them out: each to the event loop serving the
// fewest (the acceptor's own loop, `local`, first among equals). A
// connection beyond ServerOptions::maxConnections is closed at once.
class Acceptor final {
 public:
  // `localOpen` is `local`'s count of connections.
  Acceptor(Connections& local, std::atomic<size_t>* localOpen, std::vector<std::unique_ptr<IoLoop>>& loops,
           SharedLimits& shared, size_t maxConnections)
      : local_(local), localOpen_(localOpen), loops_(loops), shared_(shared), max_(maxConnections) {}

  void add(kj::Own<kj::AsyncIoStream>&& stream) {
    if (shared_.open.load(std::memory_order_relaxed) >= max_) return;  // dropping the stream closes it
    shared_.open.fetch_add(1, std::memory_order_relaxed);
    int fd = -1;
    KJ_IF_MAYBE(f, stream->getFd()) { fd = *f; }
    if (fd >= 0) {
      // Answers leave at once: Nagle would hold a small answer back until the
      // client's ack. KJ sets TCP_NODELAY on the listening socket and Linux
      // hands it down to accepted ones; set here so that this does not rest
      // on the platform.
      int one = 1;
      ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));  // fails harmlessly on a unix socket
    }
    IoLoop* least = nullptr;
    size_t fewest = localOpen_->load(std::memory_order_relaxed);
    for (auto& l : loops_) {
      const size_t n = l->open().load(std::memory_order_relaxed);
      if (n < fewest) {
        fewest = n;
        least = l.get();
      }
    }
    // The socket goes to another loop as a duplicate (`stream` closes its own).
    const int dup = least != nullptr && fd >= 0 ? ::fcntl(fd, F_DUPFD_CLOEXEC, 0) : -1;
    if (dup < 0) {
      localOpen_->fetch_add(1, std::memory_order_relaxed);
      local_.add(kj::mv(stream));
      return;
    }
    stream = nullptr;
    least->open().fetch_add(1, std::memory_order_relaxed);
    if (!least->hand(dup)) {  // the loop has gone and closed the socket
      least->open().fetch_sub(1, std::memory_order_relaxed);
      shared_.open.fetch_sub(1, std::memory_order_relaxed);
    }
  }

 private:
  Connections& local_;
  std::atomic<size_t>* localOpen_;
  std::vector<std::unique_ptr<IoLoop>>& loops_;
  SharedLimits& shared_;
  const size_t max_;
};

// Accepts connections until cancelled. A failed accept (e.g. out of file
// descriptors) is retried after a pause instead of ending the server.
kj::Promise<void> acceptLoop(kj::ConnectionReceiver& listener, Acceptor& acceptor, kj::Timer& timer) {
  return listener.accept()
      .then(
          [&acceptor](kj::Own<kj::AsyncIoStream>&& stream) -> kj::Promise<void> {
            acceptor.add(kj::mv(stream));
            return kj::READY_NOW;
          },
          [&timer](kj::Exception&&) -> kj::Promise<void> { return timer.afterDelay(100 * kj::MILLISECONDS); })
      .then([&listener, &acceptor, &timer]() { return acceptLoop(listener, acceptor, timer); });
}

}  // namespace

Status checkListenAddress(const std::string& address, bool allowRemote) {
  if (address.rfind("unix:", 0) == 0) {
    if (address.size() == 5) return Status::invalidArgument("listen address 'unix:' needs a path (unix:/tmp/kgd.sock)");
    return Status::ok();
  }
  std::string host, port;
  if (!splitHostPort(address, &host, &port))
    return Status::invalidArgument("bad listen address '" + address +
                                   "'; expected HOST:PORT (127.0.0.1:7419, [::1]:0) or unix:PATH");
  if (!allowRemote && !isLoopbackHost(host))
    return Status::invalidArgument("refusing to listen on non-loopback address '" + address +
                                   "' (the service has no authentication); pass --allow-remote to do it anyway");
  return Status::ok();
}

// The running serve()'s loop: its inbox, and its stop signal (read only on
// its thread, by the closure Server::stop() posts).
struct Server::Loop {
  std::shared_ptr<LoopInbox> inbox;
  kj::PromiseFulfiller<void>* stop;
};

Server::Server(core::LocalGraph& graph, ServerOptions options) : graph_(graph), options_(std::move(options)) {}

Server::~Server() = default;

void Server::captureSignals() {
  kj::UnixEventPort::captureSignal(SIGINT);
  kj::UnixEventPort::captureSignal(SIGTERM);
}

void Server::stop() {
  std::shared_ptr<LoopInbox> inbox;
  kj::PromiseFulfiller<void>* stop = nullptr;
  {
    std::lock_guard<std::mutex> lock(mu_);
    stopRequested_ = true;
    if (loop_ == nullptr) return;  // serve() sees stopRequested_ when it starts
    inbox = loop_->inbox;
    stop = loop_->stop;
  }
  inbox->post([stop] {
    if (stop->isWaiting()) stop->fulfill();
  });
}

namespace {

// A unix socket file left by a kgd that was killed: nobody accepts on it, so
// it is removed; one a live server holds, or a file that is not a socket,
// is an error that names it.
Status clearStaleSocket(const std::string& path) {
  struct stat st;
  if (::lstat(path.c_str(), &st) != 0) return Status::ok();  // nothing there
  if (!S_ISSOCK(st.st_mode))
    return Status::failedPrecondition("cannot listen on 'unix:" + path + "': the path exists and is not a socket");
  sockaddr_un addr{};
  addr.sun_family = AF_UNIX;
  if (path.size() >= sizeof(addr.sun_path))
    return Status::invalidArgument("unix socket path '" + path + "' is too long");
  std::memcpy(addr.sun_path, path.c_str(), path.size() + 1);
  const int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
  if (fd < 0) return Status::ioError(std::string("socket: ") + std::strerror(errno));
  const int rc = ::connect(fd, reinterpret_cast<const sockaddr*>(&addr), sizeof(addr));
  const int err = errno;
  ::close(fd);
  if (rc == 0) return Status::busy("'unix:" + path + "' is served by a running kgd");
  if (err != ECONNREFUSED) return Status::ioError("cannot check 'unix:" + path + "': " + std::strerror(err));
  if (::unlink(path.c_str()) != 0)
    return Status::ioError("cannot remove the stale socket '" + path + "': " + std::strerror(errno));
  return Status::ok();
}

}  // namespace

Status Server::serve(const std::function<void(const std::string&)>& onListening) {
  KG_RETURN_IF_ERROR(checkListenAddress(options_.listen, options_.allowRemote));
  const bool isUnix = options_.listen.rfind("unix:", 0) == 0;
  if (isUnix) KG_RETURN_IF_ERROR(clearStaleSocket(options_.listen.substr(5)));
  std::string error;
  bool listened = false;
  {
    WorkerPool queries(std::max<size_t>(1, options_.queryThreads), options_.maxQueued);
    WorkerPool writer(1, 4);
    try {
      auto io = kj::setupAsyncIo();
      auto inbox = std::make_shared<LoopInbox>();
      auto stopPaf = kj::newPromiseAndFulfiller<void>();
      Loop loop{inbox, stopPaf.fulfiller.get()};
      {
        std::lock_guard<std::mutex> lock(mu_);
        loop_ = &loop;
        if (stopRequested_) stopPaf.fulfiller->fulfill();
      }
      // Before stopPaf goes: a stop() posted later is refused, never run.
      KJ_DEFER({
        inbox->close();
        std::lock_guard<std::mutex> lock(mu_);
        loop_ = nullptr;
      });
      auto address = io.provider->getNetwork().parseAddress(options_.listen, kDefaultPort).wait(io.waitScope);
      auto listener = address->listen();
      listened = true;
      std::string bound = options_.listen;
      if (!isUnix) bound = options_.listen.substr(0, options_.listen.rfind(':')) + ":" + std::to_string(listener->getPort());

      capnp::ReaderOptions readerOptions;
      readerOptions.traversalLimitInWords = options_.maxMessageWords;
      readerOptions.nestingLimit = options_.maxNesting;
      SharedLimits shared(options_.maxPendingBytes);
      std::atomic<size_t> localOpen{0};
      LoopActivity activity;
      Connections connections(
          ServiceParts{graph_, queries, writer, io.provider->getTimer(), inbox, options_, shared, activity},
          readerOptions, &localOpen);
      // The other event loops, each on a thread of its own; they stop (and
      // drop their connections) before `connections` and the pools go.
      std::vector<std::unique_ptr<IoLoop>> loops;
      for (size_t i = 1; i < ioThreadsOf(options_); ++i) {
        loops.push_back(std::make_unique<IoLoop>(graph_, queries, writer, options_, shared, readerOptions));
        if (Status st = loops.back()->start(); !st.isOk()) {
          loops.pop_back();
          break;  // serve with the loops there are
        }
      }
      Acceptor acceptor(connections, &localOpen, loops, shared, options_.maxConnections);
      kj::Promise<void> done = acceptLoop(*listener, acceptor, io.provider->getTimer())
                                   .exclusiveJoin(kj::mv(stopPaf.promise))
                                   .exclusiveJoin(inbox->serve(*io.lowLevelProvider, &activity));
      if (options_.handleSignals) {
        done = done.exclusiveJoin(io.unixEventPort.onSignal(SIGINT).ignoreResult())
                   .exclusiveJoin(io.unixEventPort.onSignal(SIGTERM).ignoreResult());
      }
      if (onListening) onListening(bound);
      spinWait(kj::mv(done), io.waitScope, activity, options_.spin);
      // Connections, the service and the listener go first; the pools then
      // finish running jobs, whose answers nobody awaits any more.
    } catch (const kj::Exception& e) {
      error = "cannot serve on '" + options_.listen + "': " + std::string(e.getDescription().cStr());
    }
  }
  if (isUnix && listened) ::unlink(options_.listen.substr(5).c_str());
  if (!error.empty()) return Status::ioError(error);
  return Status::ok();
}

}  // namespace kg::rpc
