// Progress of long calls over RPC (schema ProgressSink): the relay that
// carries counts from a worker to the event loop, and kgd's reports to a
// client's sink, best-effort: an older client without a sink, a client that
// never answers a report and one that leaves mid-call disturb nothing.
#include <capnp/rpc-twoparty.h>
#include <kj/async-io.h>

#include <catch2/catch.hpp>
#include <condition_variable>
#include <mutex>
#include <thread>
#include <vector>

#include "actorgraph.capnp.h"
#include "rpc/client.h"
#include "rpc/fixture.h"
#include "rpc/loop_inbox.h"
#include "rpc/progress_relay.h"
#include "rpc/raw_client.h"

// Cap'n Proto's interface bases have protected non-virtual destructors.
#pragma GCC diagnostic ignored "-Wnon-virtual-dtor"

namespace kg {
namespace {

using testing::QueryEnds;
using testing::ServerThread;
using testing::SmallGraph;

TEST_CASE("LoopInbox: closures posted from other threads run on the loop in order, and a closed inbox refuses them",
          "[rpc][progress]") {
  auto io = kj::setupAsyncIo();
  auto inbox = std::make_shared<rpc::LoopInbox>();
  auto serving = inbox->serve(*io.lowLevelProvider).eagerlyEvaluate(nullptr);
  const auto loopThread = std::this_thread::get_id();
  std::vector<int> ran;  // touched on the loop's thread only
  bool offThread = false;
  constexpr int kThreads = 4, kEach = 500;
  std::vector<std::thread> posters;
  for (int t = 0; t < kThreads; ++t)
    posters.emplace_back([&, t] {
      for (int i = 0; i < kEach; ++i)
        CHECK(inbox->post([&, t, i] {
          if (std::this_thread::get_id() != loopThread) offThread = true;
          ran.push_back(t * kEach + i);
        }));
    });
  for (auto& p : posters) p.join();
  // Everything posted runs once the loop turns, each poster's in its order.
  for (int i = 0; i < 1000 && ran.size() < size_t(kThreads * kEach); ++i)
    io.provider->getTimer().afterDelay(1 * kj::MILLISECONDS).wait(io.waitScope);
  REQUIRE(ran.size() == size_t(kThreads * kEach));
  CHECK_FALSE(offThread);
  std::vector<int> last(kThreads, -1);
  for (int v : ran) {
    CHECK(v % kEach > last[v / kEach]);
    last[v / kEach] = v % kEach;
  }
  // Closed: a queued closure is destroyed unrun, a later post is refused.
  auto token = std::make_shared<int>(0);
  bool queuedRan = false;
  CHECK(inbox->post([token, &queuedRan] { queuedRan = true; }));
  serving = kj::Promise<void>(kj::NEVER_DONE);  // the loop stops serving
  inbox->close();
  CHECK(token.use_count() == 1);
  CHECK_FALSE(inbox->post([token] {}));
  CHECK(token.use_count() == 1);
  CHECK_FALSE(queuedRan);
}

TEST_CASE("ProgressRelay: next() gives the newest counts, at once or when another thread stores them", "[rpc][progress]") {
  auto io = kj::setupAsyncIo();
  auto inbox = std::make_shared<rpc::LoopInbox>();
  auto serving = inbox->serve(*io.lowLevelProvider).eagerlyEvaluate(nullptr);
  auto shared = std::make_shared<rpc::ProgressRelay>(inbox);
  rpc::ProgressRelay& relay = *shared;
  relay.update(1, 10, "sources");
  relay.update(2, 10, "sources");  // replaces the first: only the newest is kept
  auto c = relay.next().wait(io.waitScope);
  CHECK(c.done == 2);
  CHECK(c.total == 10);
  CHECK(c.what == "sources");

  // Nothing new: pending until a worker thread stores counts.
  auto pending = relay.next();
  CHECK_FALSE(pending.poll(io.waitScope));
  std::thread worker([&relay] { relay.update(5, 10, "sources"); });
  auto d = pending.wait(io.waitScope);
  worker.join();
  CHECK(d.done == 5);

  // A next() dropped unanswered (the call ended) and a later update() are harmless.
  { auto dropped = relay.next(); }
  std::thread late([&relay] { relay.update(6, 10, "iterations"); });
  late.join();
  auto e = relay.next().wait(io.waitScope);
  CHECK(e.done == 6);
  CHECK(e.what == "iterations");
}


// A graph on which exact betweenness takes a fraction of a second (1,500
// bodies: about 0.3 s on an idle machine) or a little more.
struct SlowGraph {
  SmallGraph g;
  std::unique_ptr<core::LocalGraph> local;
  explicit SlowGraph(int bodies = 1500) {
    testing::addSlowGraph(*g.engine, bodies, 8);
    local = std::make_unique<core::LocalGraph>(*g.engine);
    REQUIRE(local->refresh().isOk());
  }
};

// (No semicolon in a test name: CMake's catch_discover_tests cuts it there
// and the ctest entry then runs no test.)
TEST_CASE("Client: rank with a progress callback receives kgd's counts while the call runs, and without one as before",
          "[rpc][progress]") {
  SlowGraph slow(1000);
  rpc::ServerOptions o = ServerThread::defaults();
  o.deadline = std::chrono::minutes(10);  // ThreadSanitizer builds rank slowly
  ServerThread server(*slow.local, o);
  auto c = rpc::Client::connect(server.address());
  REQUIRE(c);
  core::RankQuery q;
  q.measure = query::RankMeasure::kBetweenness;
  q.top = 5;
  std::vector<std::pair<uint64_t, uint64_t>> reports;
  q.progress = [&reports](uint64_t done, uint64_t total) { reports.emplace_back(done, total); };
  auto r = (*c)->rank(q);
  INFO(r.status().toString());
  REQUIRE(r.isOk());
  REQUIRE(r->entries.size() == 5);
  // At least the first report (sent as the work starts); every one counts
  // sources done of the sources the ranking used, never backwards.
  REQUIRE_FALSE(reports.empty());
  for (size_t i = 0; i < reports.size(); ++i) {
    CHECK(reports[i].second == r->sources);
    CHECK(reports[i].first <= reports[i].second);
    if (i) CHECK(reports[i].first >= reports[i - 1].first);
  }
  // Rate-limited: far fewer reports than sources (one per 200 ms at most).
  CHECK(reports.size() < r->sources / 4);

  // An older client's call (no sink: the field left out) is answered alike.
  core::RankQuery plain = q;
  plain.progress = nullptr;
  auto p = (*c)->rank(plain);
  REQUIRE(p.isOk());
  REQUIRE(p->entries.size() == r->entries.size());
  for (size_t i = 0; i < p->entries.size(); ++i) {
    CHECK(p->entries[i].actor.id == r->entries[i].actor.id);
    CHECK(p->entries[i].score == r->entries[i].score);
  }
  // Ingest with a progress callback: the documents of `docs`, ending with all of them.
  std::vector<std::pair<uint64_t, uint64_t>> ingested;
  (*c)->setIngestProgress([&ingested](uint64_t done, uint64_t total) { ingested.emplace_back(done, total); });
  auto docs = testing::corpusDocuments();
  REQUIRE_FALSE(docs.empty());
  auto in = (*c)->ingest(docs);
  INFO(in.status().toString());
  REQUIRE(in.isOk());
  REQUIRE_FALSE(ingested.empty());
  for (const auto& x : ingested) {
    CHECK(x.second == docs.size());
    CHECK(x.first <= docs.size());
  }
  CHECK(ingested.back().first == docs.size());
}

using testing::RawClient;

// A sink that counts the reports and answers none of them (`answer` false)
// or each at once.
class CountingSink final : public schema::ProgressSink::Server {
 public:
  CountingSink(size_t* calls, bool answer) : calls_(calls), answer_(answer) {}

 protected:
  kj::Promise<void> report(ReportContext) override {
    ++*calls_;
    if (!answer_) return kj::NEVER_DONE;
    return kj::READY_NOW;
  }

 private:
  size_t* calls_;
  bool answer_;
};

TEST_CASE("Server: a client that never answers a report gets one and its answer, and one that leaves mid-call "
          "stops the work while the next call is answered",
          "[rpc][progress]") {
  SlowGraph slow(2000);  // the work must outlast the first report by far: the client leaves after it
  QueryEnds ends;
  rpc::ServerOptions o = ServerThread::defaults();
  o.deadline = std::chrono::seconds(600);  // only the client's leaving can stop the work
  o.queryThreads = 1;                      // a worker still busy would hold up the next call
  o.onQueryEnd = ends.observer();
  ServerThread server(*slow.local, o);
  {
    RawClient raw(server.address());
    size_t calls = 0;
    auto req = raw.cap.rankRequest();
    req.setMeasure(schema::RankMeasure::BETWEENNESS);
    req.setTop(3);
    req.setProgress(kj::heap<CountingSink>(&calls, /*answer=*/false));
    auto res = req.send().wait(raw.io.waitScope);
    CHECK(res.getError().getCode() == schema::ErrorCode::NONE);
    CHECK(res.getEntries().size() == 3);
    // The unanswered report was the only one: kgd sends the next only after
    // the last was answered.
    CHECK(calls == 1);
  }
  CHECK(ends.wait(0).isOk());
  {
    RawClient raw(server.address());
    size_t calls = 0;
    auto req = raw.cap.rankRequest();
    req.setMeasure(schema::RankMeasure::BETWEENNESS);
    req.setTop(3);
    req.setProgress(kj::heap<CountingSink>(&calls, /*answer=*/true));
    auto pending = req.send();
    // Wait for the first report, then leave with the call unanswered.
    for (int i = 0; i < 3000 && calls == 0; ++i) raw.io.provider->getTimer().afterDelay(10 * kj::MILLISECONDS).wait(raw.io.waitScope);
    REQUIRE(calls >= 1);
  }
  // The work was stopped (its cancellation), not finished in the background.
  Status stopped = ends.wait(1);
  INFO(stopped.toString());
  CHECK(stopped.code() == StatusCode::kDeadlineExceeded);
  // kgd serves on: the next call, progress included, is answered.
  auto c = rpc::Client::connect(server.address());
  REQUIRE(c);
  CHECK((*c)->stats().isOk());
  core::RankQuery q;
  q.measure = query::RankMeasure::kPageRank;
  q.top = 3;
  size_t reports = 0;
  q.progress = [&reports](uint64_t, uint64_t) { ++reports; };
  auto r = (*c)->rank(q);
  INFO(r.status().toString());
  REQUIRE(r.isOk());
  CHECK(r->entries.size() == 3);
}

}  // namespace
}  // namespace kg
