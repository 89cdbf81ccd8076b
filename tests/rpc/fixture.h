// Shared fixtures of the rpc tests: a small graph in a fresh database, and a
// Server running on an ephemeral loopback port in a thread of its own.
#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <filesystem>
#include <fstream>
#include <future>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "core/engine.h"
#include "core/local_graph.h"
#include "rpc/server.h"
#include "support/temp_dir.h"

namespace kg::testing {

inline Actor addActor(core::Engine& e, const std::string& name, ActorKind kind,
                      std::vector<std::string> aliases = {}) {
  Actor a;
  a.name = name;
  a.kind = kind;
  a.aliases = std::move(aliases);
  auto r = e.addActor(a);
  if (!r) throw std::runtime_error(r.status().toString());
  return r.value();
}

inline Edge addEdge(core::Engine& e, const Actor& src, EdgeType type, const Actor& dst, const std::string& from,
                    const std::string& to, const std::string& evidence = "", const std::string& title = "") {
  Edge edge;
  edge.src = src.id;
  edge.dst = dst.id;
  edge.type = type;
  edge.title = title;
  if (!from.empty()) edge.when.from = Date::parse(from).value();
  if (!to.empty()) edge.when.to = Date::parse(to).value();
  if (!evidence.empty()) edge.evidence.push_back(Evidence{"", 0, 0, static_cast<uint32_t>(evidence.size()), evidence});
  auto r = e.addEdge(edge);
  if (!r) throw std::runtime_error(r.status().toString());
  return r.value();
}

// A database holding a few actors of the 2019-2020 crisis and their edges.
struct SmallGraph {
  TempDir dir;
  std::unique_ptr<core::Engine> engine;

  // In a fresh temporary directory, or at `path` when given.
  explicit SmallGraph(const std::string& path = "") {
    auto e = core::Engine::open(path.empty() ? dir.sub("db") : path, core::EngineOptions{});
    if (!e) throw std::runtime_error(e.status().toString());
    engine = std::move(e).value();
    core::Engine& g = *engine;
    Actor us = addActor(g, "United States", ActorKind::kState, {"USA"});
    Actor iran = addActor(g, "Iran", ActorKind::kState);
    Actor iraq = addActor(g, "Iraq", ActorKind::kState);
    Actor soleimani = addActor(g, "Qassem Soleimani", ActorKind::kPerson, {"Qasem Soleimani"});
    Actor muhandis = addActor(g, "Abu Mahdi al-Muhandis", ActorKind::kPerson);
    Actor kh = addActor(g, "Kata'ib Hezbollah", ActorKind::kArmedGroup, {"Kataib Hezbollah"});
    Actor pompeo = addActor(g, "Mike Pompeo", ActorKind::kPerson);
    addActor(g, "Lonely Actor", ActorKind::kOther);
    addEdge(g, kh, EdgeType::kAssault, us, "2019-12-27", "2019-12-27", "A rocket attack hit the K-1 base.");
    addEdge(g, us, EdgeType::kAssault, kh, "2019-12-29", "2019-12-29", "US jets struck five militia sites.");
    addEdge(g, pompeo, EdgeType::kAccuse, kh, "2019-12-30", "2019-12-30", "Pompeo blamed the militia.");
    addEdge(g, us, EdgeType::kAssault, soleimani, "2020-01-03", "2020-01-03", "A drone strike killed Soleimani.");
    addEdge(g, us, EdgeType::kAssault, muhandis, "2020-01-03", "2020-01-03", "Al-Muhandis died in the same strike.");
    addEdge(g, iraq, EdgeType::kProtest, us, "2020-01-05", "2020-01-05", "Parliament voted to expel US troops.");
    addEdge(g, muhandis, EdgeType::kLeaderOf, kh, "2003", "", "", "commander");
    addEdge(g, soleimani, EdgeType::kOfficialOf, iran, "1998", "2020-01-03", "", "Quds Force commander");
    addEdge(g, pompeo, EdgeType::kOfficialOf, us, "2018-04-26", "2021-01-20", "", "Secretary of State");
    addEdge(g, iran, EdgeType::kAssault, us, "2020-01-08", "2020-01-08", "Missiles hit al-Asad air base.");
  }
};

// A graph on which exact betweenness takes seconds: `n` actors, each
// consulting `degree` others picked by a fixed generator ("Body 0", ...).
inline void addSlowGraph(core::Engine& e, int n, int degree) {
  auto batch = e.newBatch();
  std::vector<ActorId> ids;
  for (int i = 0; i < n; ++i) {
    Actor a;
    a.name = "Body " + std::to_string(i);
    a.kind = ActorKind::kGovernmentBody;
    auto id = batch->putActor(a, {});
    if (!id) throw std::runtime_error(id.status().toString());
    ids.push_back(*id);
  }
  uint64_t x = 88172645463325252ull;
  for (int i = 0; i < n; ++i)
    for (int k = 0; k < degree; ++k) {
      x ^= x << 13, x ^= x >> 7, x ^= x << 17;
      size_t j = x % static_cast<uint64_t>(n);
      if (static_cast<int>(j) == i) continue;
      Edge edge;
      edge.src = ids[static_cast<size_t>(i)];
      edge.dst = ids[j];
      edge.type = EdgeType::kConsult;
      edge.when = DateRange::point(Date::fromDays(15000 + k, DatePrecision::kDay));
      if (auto r = batch->putEdge(edge); !r) throw std::runtime_error(r.status().toString());
    }
  if (auto st = e.commit(*batch); !st.isOk()) throw std::runtime_error(st.toString());
}

// Runs a Server over `graph` in a thread; stops and joins it on destruction.
class ServerThread {
 public:
  explicit ServerThread(core::LocalGraph& graph, rpc::ServerOptions options = defaults()) : server_(graph, options) {
    std::promise<std::string> bound;
    auto future = bound.get_future();
    thread_ = std::thread([this, p = std::move(bound)]() mutable {
      bool told = false;
      status_ = server_.serve([&](const std::string& a) {
        p.set_value(a);
        told = true;
      });
      if (!told) p.set_value("");
    });
    if (future.wait_for(std::chrono::seconds(60)) == std::future_status::ready) address_ = future.get();
  }
  ~ServerThread() {
    server_.stop();
    thread_.join();
  }
  ServerThread(const ServerThread&) = delete;
  ServerThread& operator=(const ServerThread&) = delete;

  static rpc::ServerOptions defaults() {
    rpc::ServerOptions o;
    o.listen = "127.0.0.1:0";
    o.queryThreads = 2;
    o.ioThreads = 2;  // the acceptor's loop and one more, whatever the machine's cores
    return o;
  }
  // "127.0.0.1:PORT"; "" when the server failed to start.
  const std::string& address() const { return address_; }
  int port() const { return std::stoi(address_.substr(address_.rfind(':') + 1)); }

 private:
  rpc::Server server_;
  Status status_;
  std::string address_;
  std::thread thread_;
};

// The example corpus, one IngestDocument per .txt file.
inline std::vector<core::IngestDocument> corpusDocuments() {
  std::vector<core::IngestDocument> docs;
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(KG_CORPUS_DIR))
    if (entry.path().extension() == ".txt") files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  for (const auto& f : files) {
    std::ifstream in(f);
    std::stringstream ss;
    ss << in.rdbuf();
    core::IngestDocument d;
    d.text = ss.str();
    d.source = f.filename().string();
    docs.push_back(std::move(d));
  }
  return docs;
}

// The statuses the server reports as its queued calls' work ends
// (ServerOptions::onQueryEnd), in order, for a test thread to wait on.
class QueryEnds {
 public:
  std::function<void(const Status&)> observer() {
    return [this](const Status& s) {
      std::lock_guard<std::mutex> lock(mu_);
      ends_.push_back(s);
      cv_.notify_all();
    };
  }
  // The n-th status (0-based), waiting for it. The wait is a guard against
  // hanging, not a measurement: even a query that nothing stops ends well
  // within it.
  Status wait(size_t n) {
    std::unique_lock<std::mutex> lock(mu_);
    if (!cv_.wait_for(lock, std::chrono::minutes(5), [&] { return ends_.size() > n; }))
      return Status::internal("no query ended");
    return ends_[n];
  }

 private:
  std::mutex mu_;
  std::condition_variable cv_;
  std::vector<Status> ends_;
};

}  // namespace kg::testing
