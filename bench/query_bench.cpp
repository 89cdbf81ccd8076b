// query_bench: latency of 2-hop neighbourhoods and shortest paths on the graph
// snapshot, snapshot build time, open-to-first-query time and snapshot bytes
// per edge, on stored graphs (e.g. ICEWS18 and GDELT imported with
// `kg import`) and generated power-law graphs, against igraph, networkx and
// an SQLite recursive query run on the same graph with the same queries in the
// same run (bench/peers.py). Prints one JSON object per line.
//
//   query_bench --store icews18=/tmp/db18 --synthetic synth10m=1000000:10000000[:store]
//               --peers bench/peers.py --work /tmp/kg-bench [--queries 1000] [--paths 300]
//
// Queries (identical for every system; vertex ids are snapshot vertex ids):
//  2hop  the actors within 2 hops of a start, edges walked either way, only
//        edges of 4 types (CONSULT, COOPERATE, ACCUSE, ASSAULT) whose date
//        overlaps a window of 1/12 of the graph's date span (its middle).
//        Starts: uniform among vertices with at least one such edge. kg runs
//        it exactly (no caps: limit/fan-out at their maxima, so the answer is
//        the whole 2-hop set plus the edges among it) and, separately, with
//        the API's default caps (500 nodes, fan-out 100) as `2hop_capped`.
//  path  one shortest path (fewest edges, either direction, no filter, at
//        most 8 edges) between uniform random pairs of non-isolated vertices.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <numeric>
#include <random>
#include <string>
#include <vector>

#include "graph/snapshot.h"
#include "query/limits.h"
#include "query/neighbourhood.h"
#include "query/paths.h"
#include "storage/graph_store.h"

namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;
using kg::graph::Snapshot;
using kg::graph::VertexId;
using json = nlohmann::json;

double secondsSince(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }
// Process CPU seconds (all threads): on a shared machine the wall times above
// include waiting for a core; this does not.
double cpuNow() { return static_cast<double>(std::clock()) / CLOCKS_PER_SEC; }
double microsSince(Clock::time_point t) { return std::chrono::duration<double, std::micro>(Clock::now() - t).count(); }

void emit(const json& j) { std::cout << j.dump() << std::endl; }

[[noreturn]] void die(const std::string& msg) {
  std::cerr << "query_bench: " << msg << "\n";
  std::exit(1);
}

double percentile(std::vector<double> v, double p) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  size_t i = static_cast<size_t>(std::ceil(p * static_cast<double>(v.size()))) - 1;
  return v[std::min(i, v.size() - 1)];
}

struct SynthSpec {
  std::string name;
  size_t actors = 0, edges = 0;
  bool viaStore = false;
};

struct Args {
  std::vector<std::pair<std::string, std::string>> stores;
  std::vector<SynthSpec> synth;
  size_t queries = 1000, paths = 300;
  uint64_t seed = 42;
  std::string work = "/tmp/kg-bench";
  std::string peers;  // path of peers.py; "" = no peers
  std::string python = "/usr/bin/python3";
  size_t networkxMaxEdges = 2'000'000;
  size_t sqliteQueries = 200;
  bool keepStores = false;  // --keep-stores: leave WORK/NAME.db of each :store graph (for bench/open_bench.sh)
};

const std::vector<kg::EdgeType> kFilterTypes = {kg::EdgeType::kConsult, kg::EdgeType::kCooperate,
                                                kg::EdgeType::kAccuse, kg::EdgeType::kAssault};

// A generated graph: Chung-Lu style power law (vertex i drawn with weight
// (i+1)^-0.75, ids shuffled so hubs are not clustered), PLOVER types with a
// skewed mix, one day each, uniform over 2010-2024.
struct CompactEdge {
  uint32_t src, dst;
  int32_t day;
  uint8_t type;
};

std::vector<CompactEdge> generate(const SynthSpec& spec, uint64_t seed, std::vector<kg::ActorId>* actorIds) {
  std::mt19937_64 rng(seed);
  std::vector<double> cdf(spec.actors);
  double total = 0;
  for (size_t i = 0; i < spec.actors; ++i) cdf[i] = (total += std::pow(static_cast<double>(i + 1), -0.75));
  std::vector<uint32_t> perm(spec.actors);
  std::iota(perm.begin(), perm.end(), 0u);
  std::shuffle(perm.begin(), perm.end(), rng);
  actorIds->resize(spec.actors);
  for (size_t i = 0; i < spec.actors; ++i) (*actorIds)[i] = i + 1;
  const double typeWeights[16] = {4, 20, 8, 2, 10, 3, 2, 5, 12, 4, 4, 5, 3, 3, 6, 9};
  std::discrete_distribution<int> typeDist(std::begin(typeWeights), std::end(typeWeights));
  const int32_t lo = kg::daysFromCivil({2010, 1, 1}), hi = kg::daysFromCivil({2024, 12, 31});
  std::uniform_int_distribution<int32_t> dayDist(lo, hi);
  std::uniform_real_distribution<double> u(0, total);
  auto draw = [&] {
    return perm[std::min<size_t>(std::upper_bound(cdf.begin(), cdf.end(), u(rng)) - cdf.begin(), spec.actors - 1)];
  };
  std::vector<CompactEdge> edges(spec.edges);
  for (auto& e : edges) {
    e.src = draw();
    e.dst = draw();
    if (e.dst == e.src) e.dst = static_cast<uint32_t>((e.src + 1) % spec.actors);
    e.type = static_cast<uint8_t>(typeDist(rng));
    e.day = dayDist(rng);
  }
  return edges;
}

std::shared_ptr<const Snapshot> snapshotFromCompact(const std::vector<CompactEdge>& edges,
                                                     const std::vector<kg::ActorId>& actorIds) {
  std::vector<kg::storage::EdgeHeader> headers(edges.size());
  for (size_t i = 0; i < edges.size(); ++i) {
    auto& h = headers[i];
    h.edge.id = i + 1;
    h.edge.src = edges[i].src + 1;
    h.edge.dst = edges[i].dst + 1;
    h.edge.type = static_cast<kg::EdgeType>(edges[i].type);
    h.edge.when = kg::DateRange::point(kg::Date::fromDays(edges[i].day, kg::DatePrecision::kDay));
    h.evidenceCount = 1;
  }
  auto s = Snapshot::fromEdges(actorIds, headers);
  if (!s) die("fromEdges: " + s.status().toString());
  return s.value();
}

// Writes the generated graph into a fresh store through the bulk loader.
double storeCompact(const std::string& path, const std::vector<CompactEdge>& edges, size_t actors) {
  fs::remove_all(path);
  auto t = Clock::now();
  auto store = kg::storage::openStore(path, {});
  if (!store) die(store.status().toString());
  auto loader = (*store)->newBulkLoader();
  if (!loader) die(loader.status().toString());
  for (size_t i = 0; i < actors; ++i) {
    kg::Actor a;
    a.name = "actor " + std::to_string(i + 1);
    a.kind = kg::ActorKind::kOther;
    auto id = (*loader)->putActor(a, {"actor " + std::to_string(i + 1)});
    if (!id || id.value() != i + 1) die("actor ids are not dense in a fresh store");
  }
  kg::Edge e;
  for (const auto& c : edges) {
    e.src = c.src + 1;
    e.dst = c.dst + 1;
    e.type = static_cast<kg::EdgeType>(c.type);
    e.when = kg::DateRange::point(kg::Date::fromDays(c.day, kg::DatePrecision::kDay));
    auto r = (*loader)->putEdge(e);
    if (!r) die(r.status().toString());
  }
  auto st = (*loader)->finish();
  if (!st) die(st.status().toString());
  return secondsSince(t);
}

struct Workload {
  kg::query::Filter filter;
  std::vector<VertexId> starts;
  std::vector<std::pair<VertexId, VertexId>> pairs;
};

Workload makeWorkload(const Snapshot& s, const Args& args, uint64_t seed) {
  Workload w;
  int32_t lo = INT32_MAX, hi = INT32_MIN;
  for (uint32_t e = 0; e < s.edgeCount(); ++e) {
    if (!s.dated(e)) continue;
    if (s.firstDay(e) != kg::graph::kOpenStart) lo = std::min(lo, s.firstDay(e));
    if (s.lastDay(e) != kg::graph::kOpenEnd) hi = std::max(hi, s.lastDay(e));
  }
  if (lo > hi) lo = hi = 0;
  const int32_t span = hi - lo + 1, len = std::max(1, span / 12), mid = lo + span / 2;
  w.filter.types = kFilterTypes;
  w.filter.fromDay = mid - len / 2;
  w.filter.toDay = mid - len / 2 + len - 1;
  w.filter.direction = kg::query::Direction::kBoth;
  auto pred = kg::query::EdgePredicate::compile(w.filter).value();
  std::vector<uint8_t> eligible(s.vertexCount(), 0);
  std::vector<VertexId> nonIsolated;
  for (VertexId v = 0; v < s.vertexCount(); ++v) {
    if (s.outDegree(v) + s.inDegree(v) > 0) nonIsolated.push_back(v);
    for (uint32_t e = s.outBegin(v); e < s.outEnd(v); ++e)
      if (pred(s, e)) eligible[v] = eligible[s.target(e)] = 1;
  }
  std::vector<VertexId> cand;
  for (VertexId v = 0; v < s.vertexCount(); ++v)
    if (eligible[v]) cand.push_back(v);
  std::mt19937_64 rng(seed);
  if (!cand.empty())
    for (size_t i = 0; i < args.queries; ++i) w.starts.push_back(cand[rng() % cand.size()]);
  if (nonIsolated.size() >= 2)
    for (size_t i = 0; i < args.paths; ++i) {
      VertexId a = nonIsolated[rng() % nonIsolated.size()], b = a;
      while (b == a) b = nonIsolated[rng() % nonIsolated.size()];
      w.pairs.emplace_back(a, b);
    }
  return w;
}

kg::query::NeighbourhoodOptions exactTwoHop(const kg::query::Filter& f) {
  kg::query::NeighbourhoodOptions o;
  o.depth = 2;
  o.limit = kg::query::kMaxNodeLimit;
  o.fanout = kg::query::kMaxFanout;
  o.maxEdges = kg::query::kMaxNeighbourEdges;
  o.filter = f;
  return o;
}

json latencyJson(const std::vector<double>& us) {
  return {{"p50_us", percentile(us, 0.5)}, {"p95_us", percentile(us, 0.95)}, {"n", us.size()}};
}

// Exports the snapshot for the peers: binary arrays and edge lists indexed by
// snapshot vertex, plus the workload.
void exportGraph(const std::string& dir, const std::string& name, const Snapshot& s, const Workload& w,
                 const Args& args, const std::vector<int>& kgTwoHop, const std::vector<int>& kgTwoHopEdges,
                 const std::vector<int>& kgPath) {
  fs::create_directories(dir);
  std::vector<uint32_t> src(s.edgeCount()), dst(s.edgeCount());
  std::vector<uint8_t> type(s.edgeCount());
  std::vector<int32_t> first(s.edgeCount()), last(s.edgeCount());
  for (VertexId v = 0; v < s.vertexCount(); ++v)
    for (uint32_t e = s.outBegin(v); e < s.outEnd(v); ++e) {
      src[e] = v;
      dst[e] = s.target(e);
      type[e] = static_cast<uint8_t>(s.type(e));
      first[e] = s.dated(e) ? s.firstDay(e) : kg::graph::kOpenEnd;  // undated: never in a window
      last[e] = s.dated(e) ? s.lastDay(e) : kg::graph::kOpenStart;
    }
  auto dump = [&](const char* file, const void* data, size_t bytes) {
    std::ofstream out(fs::path(dir) / file, std::ios::binary);
    out.write(static_cast<const char*>(data), static_cast<std::streamsize>(bytes));
  };
  dump("src.u32", src.data(), src.size() * 4);
  dump("dst.u32", dst.data(), dst.size() * 4);
  dump("type.u8", type.data(), type.size());
  dump("first.i32", first.data(), first.size() * 4);
  dump("last.i32", last.data(), last.size() * 4);
  json types = json::array();
  for (auto t : w.filter.types) types.push_back(static_cast<int>(t));
  json starts = w.starts, pairs = json::array();
  for (auto& [a, b] : w.pairs) pairs.push_back({a, b});
  json meta = {{"graph", name},
               {"vertices", s.vertexCount()},
               {"edges", s.edgeCount()},
               {"types", types},
               {"from_day", *w.filter.fromDay},
               {"to_day", *w.filter.toDay},
               {"starts", starts},
               {"pairs", pairs},
               {"max_depth", kg::query::kMaxDepth},
               {"networkx", s.edgeCount() <= args.networkxMaxEdges},
               {"sqlite_queries", args.sqliteQueries},
               {"kg_2hop_sizes", kgTwoHop},
               {"kg_2hop_edges", kgTwoHopEdges},
               {"kg_path_lengths", kgPath}};
  std::ofstream(fs::path(dir) / "meta.json") << meta.dump();
}

void runGraph(const std::string& name, std::shared_ptr<const Snapshot> snap, json buildInfo, const Args& args,
              uint64_t seed) {
  const Snapshot& s = *snap;
  buildInfo["graph"] = name;
  buildInfo["system"] = "kg";
  buildInfo["what"] = "snapshot";
  buildInfo["vertices"] = s.vertexCount();
  buildInfo["edges"] = s.edgeCount();
  buildInfo["bytes_per_edge"] = s.bytesPerEdge();
  buildInfo["snapshot_mib"] = static_cast<double>(s.memoryBytes()) / (1 << 20);
  emit(buildInfo);

  Workload w = makeWorkload(s, args, seed);
  // Warm the scratch pool and caches with a few queries first.
  for (size_t i = 0; i < std::min<size_t>(20, w.starts.size()); ++i)
    (void)kg::query::neighbourhood(s, w.starts[i], exactTwoHop(w.filter));

  std::vector<double> us;
  std::vector<int> sizes, edgeCounts;
  size_t truncated = 0;
  double meanEdges = 0;
  for (VertexId v : w.starts) {
    auto t = Clock::now();
    auto r = kg::query::neighbourhood(s, v, exactTwoHop(w.filter));
    us.push_back(microsSince(t));
    if (!r) die("neighbourhood: " + r.status().toString());
    sizes.push_back(static_cast<int>(r->nodes.size()));
    meanEdges += static_cast<double>(r->edges.size());
    edgeCounts.push_back(static_cast<int>(r->edges.size()));
    truncated += r->truncated;
  }
  json j = latencyJson(us);
  double meanNodes = sizes.empty() ? 0 : std::accumulate(sizes.begin(), sizes.end(), 0.0) / sizes.size();
  j.update({{"graph", name}, {"system", "kg"}, {"what", "2hop"}, {"mean_nodes", meanNodes},
            {"mean_edges", sizes.empty() ? 0 : meanEdges / sizes.size()}, {"truncated", truncated},
            {"window", {kg::Date::fromDays(*w.filter.fromDay, kg::DatePrecision::kDay).toString(),
                        kg::Date::fromDays(*w.filter.toDay, kg::DatePrecision::kDay).toString()}}});
  emit(j);
  const double kgTwoHopP50 = percentile(us, 0.5);

  std::vector<double> capped;
  kg::query::NeighbourhoodOptions co;
  co.depth = 2;
  co.filter = w.filter;
  for (VertexId v : w.starts) {
    auto t = Clock::now();
    auto r = kg::query::neighbourhood(s, v, co);
    capped.push_back(microsSince(t));
    if (!r) die("neighbourhood: " + r.status().toString());
  }
  j = latencyJson(capped);
  j.update({{"graph", name}, {"system", "kg"}, {"what", "2hop_capped"}, {"limit", co.limit}, {"fanout", co.fanout}});
  emit(j);

  std::vector<double> pus;
  std::vector<int> lengths;
  kg::query::PathOptions po;
  po.mode = kg::query::PathMode::kShortest;
  po.maxDepth = kg::query::kMaxDepth;
  for (auto [a, b] : w.pairs) {
    auto t = Clock::now();
    auto r = kg::query::findPaths(s, a, b, po);
    pus.push_back(microsSince(t));
    if (r) lengths.push_back(static_cast<int>(r->paths.front().edges.size()));
    else if (r.status().code() == kg::StatusCode::kNotFound) lengths.push_back(-1);
    else die("findPaths: " + r.status().toString());
  }
  j = latencyJson(pus);
  j.update({{"graph", name}, {"system", "kg"}, {"what", "path"},
            {"found", std::count_if(lengths.begin(), lengths.end(), [](int l) { return l >= 0; })}});
  emit(j);
  const double kgPathP50 = percentile(pus, 0.5);

  if (args.peers.empty()) return;
  const std::string dir = (fs::path(args.work) / name).string();
  exportGraph(dir, name, s, w, args, sizes, edgeCounts, lengths);
  const std::string cmd = args.python + " " + args.peers + " " + dir;
  FILE* p = popen(cmd.c_str(), "r");
  if (!p) die("cannot run " + cmd);
  char buf[1 << 16];
  std::string line;
  while (fgets(buf, sizeof buf, p)) {
    line += buf;
    if (line.empty() || line.back() != '\n') continue;
    json pj;
    try {
      pj = json::parse(line);
    } catch (const std::exception&) {
      std::cerr << line;
      line.clear();
      continue;
    }
    line.clear();
    emit(pj);
    if (!pj.contains("p50_us")) continue;
    const std::string what = pj.value("what", "");
    double kgP50 = what == "2hop" ? kgTwoHopP50 : what == "path" ? kgPathP50 : 0;
    if (kgP50 <= 0) continue;
    emit({{"graph", name}, {"what", what}, {"ratio", pj.value("system", "") + "/kg"},
          {"p50_speedup", pj.value("p50_us", 0.0) / kgP50}, {"agree", pj.value("agree", -1.0)}});
  }
  int rc = pclose(p);
  if (rc != 0) std::cerr << "query_bench: peers exited with status " << rc << " for " << name << "\n";
}

Args parseArgs(int argc, char** argv) {
  Args a;
  for (int i = 1; i < argc; ++i) {
    std::string k = argv[i];
    auto next = [&]() -> std::string {
      if (i + 1 >= argc) die("missing value after " + k);
      return argv[++i];
    };
    if (k == "--store") {
      std::string v = next();
      auto eq = v.find('=');
      if (eq == std::string::npos) die("--store NAME=PATH");
      a.stores.emplace_back(v.substr(0, eq), v.substr(eq + 1));
    } else if (k == "--synthetic") {
      std::string v = next();
      SynthSpec s;
      auto eq = v.find('=');
      if (eq == std::string::npos) die("--synthetic NAME=ACTORS:EDGES[:store]");
      s.name = v.substr(0, eq);
      std::string rest = v.substr(eq + 1);
      s.viaStore = rest.size() > 6 && rest.substr(rest.size() - 6) == ":store";
      if (s.viaStore) rest.resize(rest.size() - 6);
      auto colon = rest.find(':');
      if (colon == std::string::npos) die("--synthetic NAME=ACTORS:EDGES[:store]");
      s.actors = std::stoull(rest.substr(0, colon));
      s.edges = std::stoull(rest.substr(colon + 1));
      a.synth.push_back(s);
    } else if (k == "--queries") a.queries = std::stoull(next());
    else if (k == "--paths") a.paths = std::stoull(next());
    else if (k == "--seed") a.seed = std::stoull(next());
    else if (k == "--work") a.work = next();
    else if (k == "--peers") a.peers = next();
    else if (k == "--python") a.python = next();
    else if (k == "--networkx-max-edges") a.networkxMaxEdges = std::stoull(next());
    else if (k == "--sqlite-queries") a.sqliteQueries = std::stoull(next());
    else if (k == "--keep-stores") a.keepStores = true;
    else die("unknown option " + k);
  }
  return a;
}

}  // namespace

int main(int argc, char** argv) {
  const Args args = parseArgs(argc, argv);
  uint64_t seed = args.seed;
  for (const auto& [name, path] : args.stores) {
    auto t0 = Clock::now();
    kg::storage::StoreOptions so;
    so.readOnly = true;
    so.createIfMissing = false;
    auto store = kg::storage::openStore(path, so);
    if (!store) die(store.status().toString());
    const double openS = secondsSince(t0);
    auto t1 = Clock::now();
    double c1 = cpuNow();
    auto snap = Snapshot::fromStore(**store);
    if (!snap) die(snap.status().toString());
    const double buildS = secondsSince(t1);
    const double buildCpu = cpuNow() - c1;
    Workload w = makeWorkload(**snap, args, seed);  // not timed: picks the first start
    auto t2 = Clock::now();
    if (!w.starts.empty()) (void)kg::query::neighbourhood(**snap, w.starts[0], exactTwoHop(w.filter));
    const double firstQueryS = secondsSince(t2);
    json info = {{"source", "rocksdb"}, {"open_s", openS}, {"snapshot_build_s", buildS}, {"snapshot_build_cpu_s", buildCpu},
                 {"open_to_first_query_s", openS + buildS + firstQueryS}};
    runGraph(name, snap.value(), info, args, seed++);
  }
  for (const auto& spec : args.synth) {
    std::vector<kg::ActorId> ids;
    auto tg = Clock::now();
    auto edges = generate(spec, seed, &ids);
    const double genS = secondsSince(tg);
    json info = {{"source", "generated"}, {"generate_s", genS}};
    if (spec.viaStore) {
      const std::string path = (fs::path(args.work) / (spec.name + ".db")).string();
      fs::create_directories(args.work);
      double c0 = cpuNow();
      const double loadS = storeCompact(path, edges, spec.actors);
      info["bulk_load_s"] = loadS;
      info["bulk_load_cpu_s"] = cpuNow() - c0;
      info["bulk_load_edges_per_s"] = static_cast<double>(edges.size()) / loadS;
      auto t0 = Clock::now();
      kg::storage::StoreOptions so;
      so.readOnly = true;
      auto store = kg::storage::openStore(path, so);
      if (!store) die(store.status().toString());
      auto t1 = Clock::now();
      double c1 = cpuNow();
      auto fromStore = Snapshot::fromStore(**store);
      if (!fromStore) die(fromStore.status().toString());
      info["rocksdb_snapshot_build_s"] = secondsSince(t1);
      info["rocksdb_snapshot_build_cpu_s"] = cpuNow() - c1;
      const double untilBuilt = secondsSince(t0);
      Workload w = makeWorkload(**fromStore, args, seed);  // not timed: picks the first start
      auto t2 = Clock::now();
      if (!w.starts.empty()) (void)kg::query::neighbourhood(**fromStore, w.starts[0], exactTwoHop(w.filter));
      info["open_to_first_query_s"] = untilBuilt + secondsSince(t2);
      store->reset();
      if (!args.keepStores) fs::remove_all(path);
    }
    auto tb = Clock::now();
    double cb = cpuNow();
    auto snap = snapshotFromCompact(edges, ids);
    info["snapshot_build_s"] = secondsSince(tb);  // from values in memory (incl. making the values)
    info["snapshot_build_cpu_s"] = cpuNow() - cb;
    edges.clear();
    edges.shrink_to_fit();
    runGraph(spec.name, snap, info, args, seed++);
  }
  return 0;
}
