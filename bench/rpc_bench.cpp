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
// "rpc_calls_per_s":..,"inproc_calls_per_s":..,"ratio":..} with the CPU time
// a call cost (the whole process's, and the server's part: the process's
// minus the calling threads'), then {"bench":"rpc_latency",..,
// "added_us_p50":..}, each with the load average at the time (the machine
// may be shared: on a loaded machine CPU time per call is the steadier
// measure), and last {"bench":"rpc_summary",..}: calls/s for each client
// count, the in-process time of a call and the time RPC adds to it.
// The latency line also has a peer measured right after the one-client RPC
// run: a bare loopback TCP request/answer between two threads
// ("loopback_p50_us"), the floor any call over a socket pays on this
// machine, and "added_over_loopback_us_p50", what RPC adds beyond it.
//
//   rpc_bench [--actors 5000] [--seconds 3] [--call resolve|neighbors] [--threads N]
//             [--io-threads N] [--clients 1,4,16] [--rpc-only] [--split-cpus]
//             [--spin-us N] [--client-spin-us N]
//   --threads: the server's query threads; --io-threads: its event loops
//   (ServerOptions::ioThreads, 0 = the server's default); --rpc-only: skip
//   the in-process runs, for profiling; --spin-us / --client-spin-us: the
//   server's and the clients' spin before blocking (ServerOptions::spin,
//   ClientOptions::spin; default: theirs).
//   --split-cpus: the server's threads (its loops and workers) on CPU 1, the
//   calling threads on CPU 0, and the loopback peer's two ends likewise, so
//   that every call and answer crosses CPUs and wakes a thread on the other
//   one: the placement in which a round trip costs most on a VM whose idle
//   virtual CPUs halt (bench/README.md, "RPC latency"). The scheduler picks
//   either placement on its own from run to run; this makes the slow one
//   happen on demand. Needs at least 2 CPUs.
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

#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sched.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

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

// --split-cpus: the CPU calling threads run on, and the one serving threads
// run on; -1 when not pinned.
int callerCpu = -1, serverCpu = -1;

// Pins the calling thread to `cpu` (no-op for -1).
void pinTo(int cpu) {
  if (cpu < 0) return;
  cpu_set_t set;
  CPU_ZERO(&set);
  CPU_SET(cpu, &set);
  if (::sched_setaffinity(0, sizeof set, &set) != 0) die("cannot pin a thread to CPU " + std::to_string(cpu));
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
  double cpuUsPerCall = 0;        // the whole process's CPU time per call
  double callerCpuUsPerCall = 0;  // the calling threads' part of it
  std::vector<double> latenciesUs;  // per call, first thread only
  size_t failures = 0;
};

double processCpuSeconds() {
  rusage u{};
  ::getrusage(RUSAGE_SELF, &u);
  return static_cast<double>(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
         static_cast<double>(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

double threadCpuSeconds() {
  timespec t{};
  ::clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) / 1e9;
}

// `clients` threads, each calling through the GraphApi `open(thread)` gives
// it, for `seconds` after a short warm-up.
template <typename Open>
Run measure(size_t clients, double seconds, const std::string& kind, size_t n, Open open) {
  std::atomic<size_t> ready{0}, total{0}, failures{0};
  std::atomic<bool> go{false}, stop{false};
  std::atomic<int64_t> callerCpuNs{0};
  Run run;
  std::vector<std::thread> threads;
  for (size_t t = 0; t < clients; ++t) {
    threads.emplace_back([&, t] {
      pinTo(callerCpu);
      auto api = open(t);
      std::mt19937_64 rng(t * 7919 + 1);
      for (int w = 0; w < 50; ++w) call(*api, kind, rng(), n);
      ++ready;
      while (!go.load()) std::this_thread::yield();
      size_t calls = 0, bad = 0;
      std::vector<double> lat;
      if (t == 0) lat.reserve(1u << 20);
      const double cpu0 = threadCpuSeconds();
      while (!stop.load(std::memory_order_relaxed)) {
        const auto t0 = Clock::now();
        if (!call(*api, kind, rng(), n)) ++bad;
        if (t == 0) lat.push_back(std::chrono::duration<double, std::micro>(Clock::now() - t0).count());
        ++calls;
      }
      callerCpuNs += static_cast<int64_t>((threadCpuSeconds() - cpu0) * 1e9);
      total += calls;
      failures += bad;
      if (t == 0) run.latenciesUs = std::move(lat);
    });
  }
  while (ready.load() < clients) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  const auto start = Clock::now();
  const double cpuStart = processCpuSeconds();
  go = true;
  std::this_thread::sleep_for(std::chrono::duration<double>(seconds));
  stop = true;
  const double elapsed = std::chrono::duration<double>(Clock::now() - start).count();
  const double cpu = processCpuSeconds() - cpuStart;
  for (auto& th : threads) th.join();
  run.callsPerSecond = static_cast<double>(total.load()) / elapsed;
  if (total.load() > 0) {
    run.cpuUsPerCall = cpu * 1e6 / static_cast<double>(total.load());
    run.callerCpuUsPerCall = static_cast<double>(callerCpuNs.load()) / 1e3 / static_cast<double>(total.load());
  }
  run.failures = failures.load();
  return run;
}

// The peer for the latency: a bare request and answer (64 and 128 bytes, about
// a resolve call's) between two threads of this process over a loopback TCP
// connection, for `seconds`; the latency of each, in us. What it measures is
// the machine's floor for any call over a socket: two system calls a side and
// the wake-up of a blocked thread at each end, which on a VM with idle
// virtual CPUs costs far more than the calls themselves.
std::vector<double> loopbackLatencies(double seconds) {
  const int ls = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t len = sizeof addr;
  if (ls < 0 || ::bind(ls, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 || ::listen(ls, 1) != 0 ||
      ::getsockname(ls, reinterpret_cast<sockaddr*>(&addr), &len) != 0)
    die("loopback peer: cannot listen");
  const int one = 1;
  auto exact = [](int fd, char* buf, size_t n, bool write) {
    for (size_t done = 0; done < n;) {
      const ssize_t r = write ? ::write(fd, buf + done, n - done) : ::read(fd, buf + done, n - done);
      if (r <= 0) return false;
      done += static_cast<size_t>(r);
    }
    return true;
  };
  std::thread echo([&] {
    pinTo(serverCpu);
    const int fd = ::accept(ls, nullptr, nullptr);
    if (fd < 0) return;
    ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    char in[64], out[128] = {};
    while (exact(fd, in, sizeof in, false) && exact(fd, out, sizeof out, true)) {
    }
    ::close(fd);
  });
  pinTo(callerCpu);
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0 || ::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0)
    die("loopback peer: cannot connect");
  ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  char req[64] = {}, ans[128];
  std::vector<double> lat;
  const auto end = Clock::now() + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(seconds));
  for (int i = 0; Clock::now() < end; ++i) {  // the first 50 warm up
    const auto t0 = Clock::now();
    if (!exact(fd, req, sizeof req, true) || !exact(fd, ans, sizeof ans, false)) die("loopback peer: connection lost");
    if (i >= 50) lat.push_back(std::chrono::duration<double, std::micro>(Clock::now() - t0).count());
  }
  ::close(fd);
  echo.join();
  ::close(ls);
  return lat;
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
  size_t ioThreads = 0;
  std::vector<size_t> clientCounts{1, 4, 16};
  bool rpcOnly = false, split = false;
  long spinUs = -1, clientSpinUs = -1;
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
    else if (a == "--io-threads") ioThreads = std::stoul(next());
    else if (a == "--rpc-only") rpcOnly = true;
    else if (a == "--split-cpus") split = true;
    else if (a == "--spin-us") spinUs = std::stol(next());
    else if (a == "--client-spin-us") clientSpinUs = std::stol(next());
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
      die("unknown option " + a + " (--actors N --seconds S --call resolve|neighbors --threads N --io-threads N "
          "--clients 1,4,16 --rpc-only --split-cpus --spin-us N --client-spin-us N)");
    }
  }
  if (kind != "resolve" && kind != "neighbors") die("--call is resolve or neighbors");
  if (split) {
    if (std::thread::hardware_concurrency() < 2) die("--split-cpus needs at least 2 CPUs");
    callerCpu = 0;
    serverCpu = 1;
  }

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
  options.ioThreads = ioThreads;
  if (spinUs >= 0) options.spin = std::chrono::microseconds(spinUs);
  kg::rpc::Server server(local, options);
  std::promise<std::string> bound;
  auto boundFuture = bound.get_future();
  std::thread serving([&] {
    pinTo(serverCpu);  // the server's loops and workers start from here and inherit it
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
    kg::rpc::ClientOptions co;
    if (clientSpinUs >= 0) co.spin = std::chrono::microseconds(clientSpinUs);
    auto c = kg::rpc::Client::connect(address, co);
    if (!c) die(c.status().toString());
    return std::move(c).value();
  };

  json summary = {{"bench", "rpc_summary"},     {"call", kind},
                  {"server_threads", threads},  {"io_threads", ioThreads},
                  {"split_cpus", split},        {"spin_us", options.spin.count()},
                  {"client_spin_us", kg::rpc::ClientOptions{}.spin.count()}};
  if (clientSpinUs >= 0) summary["client_spin_us"] = clientSpinUs;
  json perClients = json::object();
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
              {"rpc_cpu_us_per_call", rpc.cpuUsPerCall},
              {"rpc_server_cpu_us_per_call", rpc.cpuUsPerCall - rpc.callerCpuUsPerCall},
              {"inproc_cpu_us_per_call", in.cpuUsPerCall},
              {"failures", rpc.failures + in.failures},
              {"split_cpus", split},
              {"load", loadAverage()}};
    std::cout << j.dump() << std::endl;
    perClients[std::to_string(clients)] = std::lround(rpc.callsPerSecond);
    if (clients == 1) {
      json l = {{"bench", "rpc_latency"},
                {"call", kind},
                {"rpc_p50_us", percentile(rpc.latenciesUs, 0.5)},
                {"rpc_p99_us", percentile(rpc.latenciesUs, 0.99)},
                {"inproc_p50_us", percentile(in.latenciesUs, 0.5)},
                {"inproc_p99_us", percentile(in.latenciesUs, 0.99)},
                {"added_us_p50", percentile(rpc.latenciesUs, 0.5) - percentile(in.latenciesUs, 0.5)},
                {"added_us_mean", mean(rpc.latenciesUs) - mean(in.latenciesUs)},
                {"split_cpus", split},
                {"spin_us", options.spin.count()},
                {"load", loadAverage()}};
      const std::vector<double> loopback = loopbackLatencies(seconds);
      const double loopbackP50 = percentile(loopback, 0.5);
      l["loopback_p50_us"] = loopbackP50;
      l["loopback_p99_us"] = percentile(loopback, 0.99);
      l["added_over_loopback_us_p50"] = l["added_us_p50"].get<double>() - loopbackP50;
      l["load"] = loadAverage();
      std::cout << l.dump() << std::endl;
      summary["loopback_us_p50"] = loopbackP50;
      summary["added_over_loopback_us_p50"] = l["added_over_loopback_us_p50"];
      summary["inproc_us_per_call_p50"] = percentile(in.latenciesUs, 0.5);
      summary["inproc_us_per_call_mean"] = mean(in.latenciesUs);
      summary["added_us_per_call_p50"] = percentile(rpc.latenciesUs, 0.5) - percentile(in.latenciesUs, 0.5);
      summary["added_us_per_call_mean"] = mean(rpc.latenciesUs) - mean(in.latenciesUs);
    }
  }
  summary["rpc_calls_per_s"] = perClients;
  summary["load"] = loadAverage();
  std::cout << summary.dump() << std::endl;
  server.stop();
  serving.join();
  engine->reset();
  fs::remove_all(dir);
  return 0;
}
