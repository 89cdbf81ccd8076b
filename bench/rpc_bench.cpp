// rpc_bench: calls per second through kgd's RPC server on loopback against
// the same calls made in process on the same LocalGraph, in the same run.
//
// Builds a fresh database of --actors actors (a ring of CONSULT edges among
// them, so that neighbourhood calls have something to walk), serves it with
// rpc::Server on 127.0.0.1 in this process (query threads as kgd picks
// them), then for 1, 4 and 16 clients runs, for --seconds each:
//   inproc  that many threads calling LocalGraph directly;
//   rpc     that many threads, each with its own rpc::Client connection.
// Calls: `resolve` (one name, uniform among the actors) and, with
// --call neighbors, a depth-1 neighbourhood (no evidence). A single client's
// per-call latency (p50, mean) is measured the same way for both, and the
// difference is the time the RPC adds to a call.
//
// Prints one JSON object per line: {"bench":"rpc","call":..,"clients":..,
// "rpc_calls_per_s":..,"inproc_calls_per_s":..,"ratio":..}, then
// {"bench":"rpc_latency",..,"added_us_p50":..}, each with the load average
// at the time (the machine may be shared).
//
//   rpc_bench [--actors 5000] [--seconds 3] [--call resolve|neighbors] [--threads N]
//             [--clients 1,4,16] [--rpc-only]   (--rpc-only: skip the in-process runs, for profiling)
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <future>
#include <iostream>
#include <nlohmann/json.hpp>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "core/actor_identity.h"
#include "core/engine.h"
#include "core/local_graph.h"
#include "rpc/client.h"
#include "rpc/server.h"

namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;
using json = nlohmann::json;

[[noreturn]] void die(const std::string& msg) {
  std::cerr << "rpc_bench: " << msg << "\n";
  std::exit(1);
}

std::string loadAverage() {
  std::ifstream in("/proc/loadavg");
  std::string a, b, c;
  in >> a >> b >> c;
  return a + " " + b + " " + c;
}

std::string actorName(size_t i) { return "Ministry " + std::to_string(i) + " Office"; }

void buildGraph(kg::core::Engine& e, size_t n) {
  auto batch = e.newBatch();
  std::vector<kg::ActorId> ids;
  for (size_t i = 0; i < n; ++i) {
    kg::Actor a;
    a.name = actorName(i);
    a.kind = kg::ActorKind::kGovernmentBody;
    auto id = batch->putActor(a, kg::core::ActorIdentity::keysFor(a));
    if (!id) die(id.status().toString());
    ids.push_back(*id);
  }
  for (size_t i = 0; i < n; ++i) {
    kg::Edge edge;
    edge.src = ids[i];
    edge.dst = ids[(i + 1) % n];
    edge.type = kg::EdgeType::kConsult;
    edge.when = kg::DateRange::point(kg::Date::fromDays(15000 + static_cast<int32_t>(i % 1000), kg::DatePrecision::kDay));
    if (!batch->putEdge(edge)) die("putEdge failed");
  }
  if (auto st = e.commit(*batch); !st.isOk()) die(st.toString());
}

// One call of the kind measured, on `api`; false when it failed.
bool call(kg::core::GraphApi& api, const std::string& kind, size_t i, size_t n) {
  const std::string name = actorName(i % n);
  if (kind == "neighbors") {
    kg::core::NeighbourQuery q;
    q.actor = name;
    q.options.depth = 1;
    return api.neighbours(q).isOk();
  }
  auto r = api.resolve(name);
  return r.isOk() && r->size() == 1;
}

struct Run {
  double callsPerSecond = 0;
  std::vector<double> latenciesUs;  // per call, first thread only
  size_t failures = 0;
};

// `clients` threads, each calling through the GraphApi `open(thread)` gives
// it, for `seconds` after a short warm-up.
template <typename Open>
Run measure(size_t clients, double seconds, const std::string& kind, size_t n, Open open) {
  std::atomic<size_t> ready{0}, total{0}, failures{0};
  std::atomic<bool> go{false}, stop{false};
  Run run;
  std::vector<std::thread> threads;
  for (size_t t = 0; t < clients; ++t) {
    threads.emplace_back([&, t] {
      auto api = open(t);
      std::mt19937_64 rng(t * 7919 + 1);
      for (int w = 0; w < 50; ++w) call(*api, kind, rng(), n);
      ++ready;
      while (!go.load()) std::this_thread::yield();
      size_t calls = 0, bad = 0;
      std::vector<double> lat;
      while (!stop.load(std::memory_order_relaxed)) {
        const auto t0 = Clock::now();
        if (!call(*api, kind, rng(), n)) ++bad;
        if (t == 0) lat.push_back(std::chrono::duration<double, std::micro>(Clock::now() - t0).count());
        ++calls;
      }
      total += calls;
      failures += bad;
      if (t == 0) run.latenciesUs = std::move(lat);
    });
  }
  while (ready.load() < clients) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  const auto start = Clock::now();
  go = true;
  std::this_thread::sleep_for(std::chrono::duration<double>(seconds));
  stop = true;
  const double elapsed = std::chrono::duration<double>(Clock::now() - start).count();
  for (auto& th : threads) th.join();
  run.callsPerSecond = static_cast<double>(total.load()) / elapsed;
  run.failures = failures.load();
  return run;
}

double percentile(std::vector<double> v, double p) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  return v[static_cast<size_t>(p * static_cast<double>(v.size() - 1))];
}

double mean(const std::vector<double>& v) {
  double s = 0;
  for (double x : v) s += x;
  return v.empty() ? 0 : s / static_cast<double>(v.size());
}

// LocalGraph is safe from many threads; this borrows it as a GraphApi.
struct Borrowed {
  kg::core::GraphApi* api;
  kg::core::GraphApi& operator*() { return *api; }
};

}  // namespace

int main(int argc, char** argv) {
  size_t actors = 5000;
  double seconds = 3;
  std::string kind = "resolve";
  size_t threads = std::max(2u, std::thread::hardware_concurrency());
  std::vector<size_t> clientCounts{1, 4, 16};
  bool rpcOnly = false;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    auto next = [&]() -> std::string {
      if (i + 1 >= argc) die(a + " needs a value");
      return argv[++i];
    };
    if (a == "--actors") actors = std::stoul(next());
    else if (a == "--seconds") seconds = std::stod(next());
    else if (a == "--call") kind = next();
    else if (a == "--threads") threads = std::stoul(next());
    else if (a == "--rpc-only") rpcOnly = true;
    else if (a == "--clients") {
      clientCounts.clear();
      std::string list = next();
      for (size_t pos = 0; pos < list.size();) {
        size_t comma = list.find(',', pos);
        if (comma == std::string::npos) comma = list.size();
        clientCounts.push_back(std::stoul(list.substr(pos, comma - pos)));
        pos = comma + 1;
      }
    } else {
      die("unknown option " + a + " (--actors N --seconds S --call resolve|neighbors --threads N --clients 1,4,16 "
          "--rpc-only)");
    }
  }
  if (kind != "resolve" && kind != "neighbors") die("--call is resolve or neighbors");

  const fs::path dir = fs::temp_directory_path() / ("kg-rpc-bench-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  auto engine = kg::core::Engine::open((dir / "db").string(), kg::core::EngineOptions{});
  if (!engine) die(engine.status().toString());
  buildGraph(**engine, actors);
  kg::core::LocalGraph local(**engine);
  if (auto st = local.loadSnapshot(); !st.isOk()) die(st.toString());

  kg::rpc::ServerOptions options;
  options.listen = "127.0.0.1:0";
  options.queryThreads = threads;
  kg::rpc::Server server(local, options);
  std::promise<std::string> bound;
  auto boundFuture = bound.get_future();
  std::thread serving([&] {
    bool told = false;
    auto st = server.serve([&](const std::string& address) {
      bound.set_value(address);
      told = true;
    });
    if (!told) bound.set_value("");
    if (!st.isOk()) std::cerr << "rpc_bench: " << st.toString() << "\n";
  });
  const std::string address = boundFuture.get();
  if (address.empty()) die("the server did not start");

  auto inproc = [&](size_t) { return Borrowed{&local}; };
  auto remote = [&](size_t) {
    auto c = kg::rpc::Client::connect(address);
    if (!c) die(c.status().toString());
    return std::move(c).value();
  };

  for (size_t clients : clientCounts) {
    Run in;
    if (!rpcOnly) in = measure(clients, seconds, kind, actors, inproc);
    Run rpc = measure(clients, seconds, kind, actors, remote);
    json j = {{"bench", "rpc"},
              {"call", kind},
              {"clients", clients},
              {"server_threads", threads},
              {"rpc_calls_per_s", std::lround(rpc.callsPerSecond)},
              {"inproc_calls_per_s", std::lround(in.callsPerSecond)},
              {"ratio", rpc.callsPerSecond / in.callsPerSecond},
              {"failures", rpc.failures + in.failures},
              {"load", loadAverage()}};
    std::cout << j.dump() << std::endl;
    if (clients == 1) {
      json l = {{"bench", "rpc_latency"},
                {"call", kind},
                {"rpc_p50_us", percentile(rpc.latenciesUs, 0.5)},
                {"rpc_p99_us", percentile(rpc.latenciesUs, 0.99)},
                {"inproc_p50_us", percentile(in.latenciesUs, 0.5)},
                {"inproc_p99_us", percentile(in.latenciesUs, 0.99)},
                {"added_us_p50", percentile(rpc.latenciesUs, 0.5) - percentile(in.latenciesUs, 0.5)},
                {"added_us_mean", mean(rpc.latenciesUs) - mean(in.latenciesUs)},
                {"load", loadAverage()}};
      std::cout << l.dump() << std::endl;
    }
  }
  server.stop();
  serving.join();
  engine->reset();
  fs::remove_all(dir);
  return 0;
}
