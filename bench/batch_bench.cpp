// batch_bench: the CPU time of writing N edges through one storage::WriteBatch
// (as tests/rpc/fixture.h's addSlowGraph and the query tests' random graphs do),
// beside the peer: the same edges in batches of 1,000. With a per-fact walk
// over the whole batch (factGroup before it indexed its pending edges by fact)
// the one-batch time grew with N^2; now both grow with N.
//
//   batch_bench [--actors 4000] [--degree 8] [--sizes 1,2,4]   (multiples of actors*degree/4)
// Prints one JSON line per (size, mode): {"bench":"batch","edges":...,"mode":"one"|"per1000","cpu_s":...}
#include <unistd.h>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <string>
#include <vector>

#include "storage/graph_store.h"

namespace {

double cpuSeconds() { return static_cast<double>(std::clock()) / CLOCKS_PER_SEC; }

// Writes `actors` actors, then `edges` CONSULT edges from a fixed generator,
// `perBatch` to a batch (0: all in one). Returns the CPU seconds of the edges.
double run(size_t actors, size_t edges, size_t perBatch) {
  const std::string path = "/tmp/kg-batch-bench-" + std::to_string(::getpid());
  std::filesystem::remove_all(path);
  auto store = kg::storage::openStore(path, {});
  if (!store) {
    std::fprintf(stderr, "batch_bench: %s\n", store.status().toString().c_str());
    std::exit(1);
  }
  kg::storage::GraphStore& st = **store;
  std::vector<kg::ActorId> ids;
  {
    auto b = st.newBatch();
    for (size_t i = 0; i < actors; ++i) {
      kg::Actor a;
      a.name = "Body " + std::to_string(i);
      a.kind = kg::ActorKind::kGovernmentBody;
      ids.push_back(b->putActor(a, {}).value());
    }
    if (!st.commit(*b).isOk()) std::exit(1);
  }
  const double c0 = cpuSeconds();
  uint64_t x = 88172645463325252ull;
  auto batch = st.newBatch();
  for (size_t k = 0; k < edges; ++k) {
    x ^= x << 13, x ^= x >> 7, x ^= x << 17;
    kg::Edge e;
    e.src = ids[k % actors];
    e.dst = ids[x % actors];
    if (e.dst == e.src) e.dst = ids[(x + 1) % actors];
    e.type = kg::EdgeType::kConsult;
    e.when =
        kg::DateRange::point(kg::Date::fromDays(15000 + static_cast<int32_t>(k / actors), kg::DatePrecision::kDay));
    if (!batch->putEdge(e)) std::exit(1);
    if (perBatch != 0 && (k + 1) % perBatch == 0) {
      if (!st.commit(*batch).isOk()) std::exit(1);
      batch = st.newBatch();
    }
  }
  if (!st.commit(*batch).isOk()) std::exit(1);
  const double cpu = cpuSeconds() - c0;
  store->reset();
  std::filesystem::remove_all(path);
  return cpu;
}

}  // namespace

int main(int argc, char** argv) {
  size_t actors = 4000, degree = 8;
  std::vector<size_t> sizes = {1, 2, 4};
  // Every option takes a value: one given last without its value is an
  // error, not silently ignored (the loop used to stop at i + 1 < argc).
  for (int i = 1; i < argc; i += 2) {
    const std::string k = argv[i];
    if (i + 1 >= argc) {
      std::fprintf(stderr, "batch_bench: option %s needs a value\n", k.c_str());
      return 2;
    }
    const std::string v = argv[i + 1];
    if (v.empty() || v.find_first_not_of("0123456789,") != std::string::npos) {
      std::fprintf(stderr, "batch_bench: %s %s: expected a number\n", k.c_str(), v.c_str());
      return 2;
    }
    if (k == "--actors")
      actors = std::stoul(v);
    else if (k == "--degree")
      degree = std::stoul(v);
    else if (k == "--sizes") {
      sizes.clear();
      for (size_t p = 0; p < v.size();) {
        const size_t q = v.find(',', p);
        sizes.push_back(std::stoul(v.substr(p, q - p)));
        p = q == std::string::npos ? v.size() : q + 1;
      }
    } else {
      std::fprintf(stderr, "batch_bench: unknown option %s\n", k.c_str());
      return 2;
    }
  }
  for (size_t s : sizes) {
    const size_t edges = actors * degree * s / 4;
    for (size_t perBatch : {size_t{0}, size_t{1000}})
      std::printf("{\"bench\":\"batch\",\"edges\":%zu,\"mode\":\"%s\",\"cpu_s\":%.3f}\n", edges,
                  perBatch == 0 ? "one" : "per1000", run(actors, edges, perBatch));
  }
  return 0;
}
