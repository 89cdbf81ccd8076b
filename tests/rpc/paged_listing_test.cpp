// Paged edge and actor listings while an ingest runs (issue 12, defect 3).
// The contract (rpc/local_graph.h PageSpan::version, rpc/client.cpp
// fetchPages): every page carries the store version it was read at; a page
// read while a write landed gets a version of its own. A listing whose pages
// all carry one version is the listing of that version: no row twice, none
// missing. A client that sees the version move starts over (and gives up
// with Busy "kept changing" after a few restarts).
#include <atomic>
#include <catch2/catch.hpp>
#include <chrono>
#include <set>
#include <thread>

#include "rpc/client.h"
#include "rpc/fixture.h"
#include "rpc/raw_client.h"

// Cap'n Proto's interface bases have protected non-virtual destructors.
#pragma GCC diagnostic ignored "-Wnon-virtual-dtor"

namespace kg {
namespace {

using testing::ServerThread;
using testing::SmallGraph;

// Each test pages for kRun and until the writer has stored a few rounds
// (the first ingest loads the extractor), at most kCap.
constexpr auto kRun = std::chrono::seconds(3);
constexpr auto kCap = std::chrono::seconds(60);
constexpr int kMinWrites = 4;

bool goOn(std::chrono::steady_clock::time_point start, int writes) {
  const auto now = std::chrono::steady_clock::now();
  return now < start + kCap && (now < start + kRun || writes < kMinWrites);
}

// Ingests the example corpus again and again, each round dated a day later,
// so that every round stores new edges (keyed by date) that sort among the
// old ones, until `stop`. Counts the rounds that stored something.
class Writer {
 public:
  // Ingests through `local`, or, when `address` is given, through a client
  // of kgd there (connected on the writer's thread: a client belongs to the
  // thread that made it).
  Writer(core::GraphApi* local, const std::string& address, std::atomic<bool>& stop) {
    thread_ = std::thread([this, local, address, &stop] {
      std::unique_ptr<rpc::Client> client;
      if (!address.empty()) {
        auto c = rpc::Client::connect(address);
        if (!c) {
          error_ = c.status().toString();
          return;
        }
        client = std::move(c).value();
      }
      core::GraphApi& api = client ? *client : *local;
      std::vector<core::IngestDocument> docs;
      for (const auto& d : testing::corpusDocuments())
        if (d.source.ends_with(".txt")) docs.push_back(d);
      for (int round = 0; !stop; ++round) {
        for (const auto& original : docs) {
          if (stop) break;
          // Another text (another document) of another day: new edges.
          core::IngestDocument d = original;
          d.text += "\n\nThis report was updated (" + std::to_string(round) + ").\n";
          d.date = Date::fromDays(Date::day(2020, 1, 1).days() + round, DatePrecision::kDay);
          d.source = "round" + std::to_string(round) + "/" + original.source;
          auto r = api.ingest({d});
          if (!r) {
            error_ = r.status().toString();
            return;
          }
          if (r->edgesNew > 0) ++writes_;
        }
      }
    });
  }
  ~Writer() {
    if (thread_.joinable()) thread_.join();
  }
  Writer(const Writer&) = delete;
  Writer& operator=(const Writer&) = delete;
  void join() { thread_.join(); }
  int writes() const { return writes_; }
  const std::string& error() const { return error_; }

 private:
  std::thread thread_;
  std::atomic<int> writes_{0};
  std::string error_;
};

std::vector<EdgeId> idsOf(const std::vector<Edge>& edges) {
  std::vector<EdgeId> ids;
  for (const auto& e : edges) ids.push_back(e.id);
  return ids;
}
std::vector<ActorId> idsOf(const std::vector<Actor>& actors) {
  std::vector<ActorId> ids;
  for (const auto& a : actors) ids.push_back(a.id);
  return ids;
}

template <typename Id>
bool hasRepeats(const std::vector<Id>& ids) {
  return std::set<Id>(ids.begin(), ids.end()).size() != ids.size();
}

// One listing through `page(request, span)`, three rows a page, each page
// asked for by the previous page's cursor (`byCursor`) or offset. Returns the
// rows' ids; *pinned: the version when every page carried the same one, else
// 0 (also when a cursor was refused because the store moved: FailedPrecondition).
template <typename Page>
auto listPaged(Page&& page, bool byCursor, uint64_t* pinned) {
  core::PageRequest req;
  req.count = 3;
  decltype(idsOf(page(req, nullptr).value())) ids;
  uint64_t version = 0;
  bool same = true;
  for (bool first = true;; first = false) {
    core::PageSpan span;
    auto rows = page(req, &span);
    if (!first && byCursor && !rows.isOk()) {
      CHECK(rows.status().code() == StatusCode::kFailedPrecondition);
      same = false;
      break;
    }
    REQUIRE(rows.isOk());
    if (first) version = span.version;
    same = same && span.version == version;
    for (auto id : idsOf(rows.value())) ids.push_back(id);
    if (!span.more) break;
    if (byCursor && span.nextCursor.empty()) {  // a write landed while the page was read
      same = false;
      break;
    }
    req.offset = span.next;
    if (byCursor) req.cursor = span.nextCursor;
  }
  *pinned = same ? version : 0;
  return ids;
}

// Pages through a listing again and again while the writer runs; every
// listing pinned to one version must equal the whole listing read at that
// version (when one was read) and, since an ingest only adds rows, contain
// every row of the whole listing read before it and nothing the whole
// listing read after it lacks.
template <typename Page>
void pageWhileIngesting(core::LocalGraph& local, Page&& page) {
  std::atomic<bool> stop{false};
  Writer writer(&local, "", stop);
  int pinned = 0, restarts = 0, exact = 0;
  const auto start = std::chrono::steady_clock::now();
  for (bool byCursor = false; goOn(start, writer.writes()); byCursor = !byCursor) {
    core::PageSpan beforeSpan, afterSpan;
    auto before = page(core::PageRequest{}, &beforeSpan);
    REQUIRE(before.isOk());
    uint64_t version = 0;
    auto ids = listPaged(page, byCursor, &version);
    auto after = page(core::PageRequest{}, &afterSpan);
    REQUIRE(after.isOk());
    if (version == 0 || (version >> 63) != 0) {
      ++restarts;  // the pages disagree: a client starts over
      continue;
    }
    ++pinned;
    INFO("listing " << pinned << " at version " << version << (byCursor ? " by cursor: " : " by offset: ")
                     << ids.size() << " rows");
    CHECK_FALSE(hasRepeats(ids));
    const auto all = idsOf(before.value()), later = idsOf(after.value());
    const std::set<typename decltype(ids)::value_type> got(ids.begin(), ids.end()), last(later.begin(), later.end());
    for (auto id : all) CHECK(got.count(id) == 1);  // nothing missing
    for (auto id : ids) CHECK(last.count(id) == 1);  // nothing invented
    if (beforeSpan.version == version) {
      ++exact;
      CHECK(ids == all);  // the very listing of the pinned version, in order
    }
  }
  stop = true;
  writer.join();
  INFO(writer.error());
  REQUIRE(writer.error().empty());
  INFO("pinned " << pinned << ", restarted " << restarts << ", exact " << exact << ", writes " << writer.writes());
  CHECK(writer.writes() > 0);
  CHECK(pinned > 0);
}

TEST_CASE("LocalGraph: an edge listing paged during an ingest has no repeated or missing row at its version",
          "[rpc][paging]") {
  SmallGraph g;
  core::LocalGraph local(*g.engine);
  pageWhileIngesting(local, [&](const core::PageRequest& req, core::PageSpan* span) {
    core::PageSpan ignored;
    return local.edgesPage(core::EdgeQuery{}, req, span ? span : &ignored);
  });
}

TEST_CASE("LocalGraph: an actor listing paged during an ingest has no repeated or missing row at its version",
          "[rpc][paging]") {
  SmallGraph g;
  core::LocalGraph local(*g.engine);
  pageWhileIngesting(local, [&](const core::PageRequest& req, core::PageSpan* span) {
    core::PageSpan ignored;
    return local.actorsPage(std::nullopt, req, span ? span : &ignored);
  });
}

// Through kgd: Client::edges and Client::actors page (three rows a page) and
// start over when the version moves; what they return is whole (every row
// stored before the call, nothing the store lacked after it, no repeats) or
// Busy "kept changing".
TEST_CASE("Client: edge and actor listings paged during a remote ingest are whole or Busy", "[rpc][paging]") {
  SmallGraph g;
  core::LocalGraph local(*g.engine);
  ServerThread server(local);
  REQUIRE(!server.address().empty());
  rpc::ClientOptions options;
  options.pageSize = 3;
  auto c = rpc::Client::connect(server.address(), options);
  REQUIRE(c);
  std::atomic<bool> stop{false};
  Writer writer(nullptr, server.address(), stop);
  int whole = 0, busy = 0;
  const auto start = std::chrono::steady_clock::now();
  while (goOn(start, writer.writes())) {
    auto edgesBefore = local.edges(core::EdgeQuery{});
    auto actorsBefore = local.actors(std::nullopt);
    REQUIRE(edgesBefore.isOk());
    REQUIRE(actorsBefore.isOk());
    auto edges = (*c)->edges(core::EdgeQuery{});
    auto actors = (*c)->actors(std::nullopt);
    auto edgesAfter = local.edges(core::EdgeQuery{});
    auto actorsAfter = local.actors(std::nullopt);
    REQUIRE(edgesAfter.isOk());
    REQUIRE(actorsAfter.isOk());
    for (const Status& s : {edges.status(), actors.status()}) {
      if (s.isOk()) continue;
      INFO(s.toString());
      CHECK(s.code() == StatusCode::kBusy);
      ++busy;
    }
    auto check = [&](const auto& got, const auto& before, const auto& after) {
      ++whole;
      CHECK_FALSE(hasRepeats(got));
      const std::set<typename std::decay_t<decltype(got)>::value_type> in(got.begin(), got.end()),
          last(after.begin(), after.end());
      for (auto id : before) CHECK(in.count(id) == 1);
      for (auto id : got) CHECK(last.count(id) == 1);
    };
    if (edges) check(idsOf(*edges), idsOf(*edgesBefore), idsOf(*edgesAfter));
    if (actors) check(idsOf(*actors), idsOf(*actorsBefore), idsOf(*actorsAfter));
  }
  stop = true;
  writer.join();
  INFO(writer.error());
  REQUIRE(writer.error().empty());
  INFO("whole " << whole << ", busy " << busy << ", writes " << writer.writes());
  CHECK(writer.writes() > 0);
  CHECK(whole > 0);
}

// The edges of `q` as local `kg edges` reads them (LocalGraph::forEachEdge).
std::vector<Edge> localListing(core::LocalGraph& local, const core::EdgeQuery& q) {
  std::vector<Edge> out;
  REQUIRE(local.forEachEdge(q, [&](Edge& e) {
                 out.push_back(e);
                 return true;
               }).isOk());
  return out;
}

// What a row shows: id, type, dates, confidence, evidence texts.
std::vector<std::string> rowsOf(const std::vector<Edge>& edges) {
  std::vector<std::string> rows;
  for (const auto& e : edges) {
    std::string r = std::to_string(e.id) + " " + std::string(edgeTypeName(e.type)) + " " + e.when.from.toString() +
                    ".." + e.when.to.toString() + " " + std::to_string(e.confidence);
    for (const auto& ev : e.evidence) r += " | " + ev.text;
    rows.push_back(r);
  }
  return rows;
}

TEST_CASE("Client: listings through kgd, paged by cursor at any page size, are the local listing", "[rpc][paging]") {
  SmallGraph g;
  core::LocalGraph local(*g.engine);
  ServerThread server(local);
  std::vector<core::EdgeQuery> queries(6);
  queries[1].filter.types = {EdgeType::kAssault};
  queries[2].filter.fromDay = Date::day(2020, 1, 1).days();
  queries[2].filter.toDay = Date::day(2020, 1, 31).days();
  queries[3] = queries[2];
  queries[3].filter.includeUndated = true;
  queries[4].filter.minConfidence = 0.5f;
  queries[5].actor = "USA";
  queries[5].filter.direction = query::Direction::kOut;
  for (uint32_t size : {1u, 3u, 1000u}) {
    rpc::ClientOptions options;
    options.pageSize = size;
    auto c = rpc::Client::connect(server.address(), options);
    REQUIRE(c);
    for (size_t i = 0; i < queries.size(); ++i) {
      INFO("page size " << size << ", query " << i);
      const auto want = rowsOf(localListing(local, queries[i]));
      auto got = (*c)->edges(queries[i]);
      REQUIRE(got.isOk());
      CHECK(rowsOf(*got) == want);
      std::vector<Edge> visited;
      REQUIRE((*c)->forEachEdge(queries[i], [&](Edge& e) {
                     visited.push_back(e);
                     return true;
                   }).isOk());
      CHECK(rowsOf(visited) == want);
      auto count = (*c)->countEdges(queries[i]);
      REQUIRE(count.isOk());
      CHECK(count.value() == want.size());
    }
    auto actors = (*c)->actors(std::nullopt);
    REQUIRE(actors.isOk());
    CHECK(idsOf(*actors) == idsOf(local.actors(std::nullopt).value()));
  }
}

TEST_CASE("Client: a write between two pages of a streamed listing is Busy, not a listing with rows missing",
          "[rpc][paging]") {
  SmallGraph g;
  core::LocalGraph local(*g.engine);
  ServerThread server(local);
  rpc::ClientOptions options;
  options.pageSize = 3;
  auto c = rpc::Client::connect(server.address(), options);
  REQUIRE(c);
  const Actor iran = g.engine->resolveOne("Iran").value();
  const Actor iraq = g.engine->resolveOne("Iraq").value();
  size_t visited = 0;
  Status st = (*c)->forEachEdge(core::EdgeQuery{}, [&](Edge&) {
    if (++visited == 2)  // while the first page is read: its cursor is of the state before
      testing::addEdge(*g.engine, iran, EdgeType::kAccuse, iraq, "2020-01-04", "2020-01-04", "New.");
    return true;
  });
  CHECK(visited == 3);  // the first page, then the refused cursor
  CHECK(st.code() == StatusCode::kBusy);
  CHECK(st.message().find("changed while the listing was read, after 3 edges") != std::string::npos);
  // Held listings start over and are whole.
  auto all = (*c)->edges(core::EdgeQuery{});
  REQUIRE(all.isOk());
  CHECK(rowsOf(*all) == rowsOf(localListing(local, core::EdgeQuery{})));
  CHECK(all->size() == 11);
}

TEST_CASE("Server: an edge page asked for with a made-up, foreign or stale cursor gets a typed error, and one by offset "
          "alone (an older client) is read from the kept listing",
          "[rpc][paging]") {
  SmallGraph g;
  core::LocalGraph local(*g.engine);
  ServerThread server(local);
  testing::RawClient raw(server.address());
  struct Answer {
    schema::ErrorCode code;
    std::string message;
    std::vector<uint64_t> ids;
    uint64_t next = 0;
    bool more = false;
    std::string cursor;
  };
  auto call = [&](const std::string& type, uint64_t offset, const std::string& cursor) {
    auto req = raw.cap.edgesRequest();
    if (!type.empty()) req.initFilter().initTypes(1).set(0, type);
    auto page = req.initPage();
    page.setOffset(offset);
    page.setSize(3);
    if (!cursor.empty())
      page.setCursor(kj::arrayPtr(reinterpret_cast<const kj::byte*>(cursor.data()), cursor.size()));
    auto r = req.send().wait(raw.io.waitScope);
    Answer a;
    a.code = r.getError().getCode();
    a.message = r.getError().getMessage();
    for (auto e : r.getEdges()) a.ids.push_back(e.getId());
    a.next = r.getPage().getNextOffset();
    a.more = r.getPage().getMore();
    auto c = r.getPage().getNextCursor();
    a.cursor.assign(reinterpret_cast<const char*>(c.begin()), c.size());
    return a;
  };
  // By offset alone, page after page: the listing, in order.
  std::vector<uint64_t> byOffset;
  for (uint64_t offset = 0;;) {
    Answer a = call("", offset, "");
    REQUIRE(a.code == schema::ErrorCode::NONE);
    byOffset.insert(byOffset.end(), a.ids.begin(), a.ids.end());
    if (!a.more) break;
    offset = a.next;
  }
  CHECK(byOffset == idsOf(localListing(local, core::EdgeQuery{})));
  CHECK(local.listings().listings() == 1);  // one listing kept for all its pages

  Answer first = call("", 0, "");
  REQUIRE(first.more);
  REQUIRE(first.cursor.size() == 36);
  Answer second = call("", 999, first.cursor);  // the cursor, not the offset, says where
  REQUIRE(second.code == schema::ErrorCode::NONE);
  CHECK(second.ids == std::vector<uint64_t>(byOffset.begin() + 3, byOffset.begin() + 6));

  Answer junk = call("", 0, "garbage");
  CHECK(junk.code == schema::ErrorCode::INVALID_ARGUMENT);
  CHECK(junk.message.find("malformed page cursor") != std::string::npos);
  CHECK(junk.ids.empty());
  Answer foreign = call("ASSAULT", 0, first.cursor);
  CHECK(foreign.code == schema::ErrorCode::INVALID_ARGUMENT);
  CHECK(foreign.message.find("another listing") != std::string::npos);

  testing::addEdge(*g.engine, g.engine->resolveOne("Iran").value(), EdgeType::kAccuse,
                   g.engine->resolveOne("Iraq").value(), "2020-01-04", "2020-01-04", "New.");
  Answer stale = call("", 0, first.cursor);
  CHECK(stale.code == schema::ErrorCode::FAILED_PRECONDITION);
  CHECK(stale.message.find("list again from the first page") != std::string::npos);
  CHECK(stale.ids.empty());
  // The connection keeps serving.
  Answer again = call("", 0, "");
  CHECK(again.code == schema::ErrorCode::NONE);
  CHECK(again.ids.size() == 3);
}

}  // namespace
}  // namespace kg
