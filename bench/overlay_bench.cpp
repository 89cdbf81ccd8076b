// overlay_bench: what bringing a snapshot up to date after each of many small
// commits costs, as kgd does it after every ingest (graph::updateSnapshot,
// graph/README.md "kgd without copying"), and how far the no-copy merge of a
// fresh `kg` process reaches (overlayChanges' piece budget).
//
//   overlay_bench --db PATH [--commits K] [--edges N] [--actors A] [--seed S] [--fold-fresh-ratio R]
//
// Opens the database (writable: it writes K commits into it: use a copy whose
// graph.snapshot is current), loads its snapshot as kgd does (the mapped
// file), then K times: one commit of N new edges between random stored actors
// and A new actors (each new actor gets one of the edges), like an article
// that names known actors; the snapshot updated (updateSnapshot; foldRatio
// 0, so never folded for its size) and timed; folded when its fresh memory
// reaches 1/R of the file's arrays (LoadOptions::foldFreshRatio, default 3;
// 0: never). Prints one JSON line per commit: the update's milliseconds,
// whether the result was merged without copying (not contiguous), the edges
// and actors written since the file, and the process's anonymous memory.
// The change log is left in the database, so that fresh `kg` processes
// afterwards merge the same overlay (bench/after_ingest.sh's question after
// K commits).
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <random>
#include <string>
#include <vector>

#include "graph/snapshot_file.h"
#include "storage/graph_store.h"

namespace {

using Clock = std::chrono::steady_clock;
using json = nlohmann::json;

[[noreturn]] void die(const std::string& m) {
  std::cerr << "overlay_bench: " << m << "\n";
  std::exit(1);
}

double anonMb() {
  std::ifstream in("/proc/self/status");
  std::string key;
  while (in >> key) {
    if (key == "RssAnon:") {
      double kb = 0;
      in >> kb;
      return kb / 1024;
    }
    std::getline(in, key);
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  std::string db;
  size_t commits = 20, edges = 50, actors = 10;
  uint32_t seed = 1;
  size_t foldFreshRatio = kg::graph::LoadOptions{}.foldFreshRatio;
  for (int i = 1; i < argc; ++i) {
    const std::string k = argv[i];
    auto next = [&]() -> std::string {
      if (i + 1 >= argc) die(k + " needs a value");
      return argv[++i];
    };
    if (k == "--db")
      db = next();
    else if (k == "--commits")
      commits = std::stoul(next());
    else if (k == "--edges")
      edges = std::stoul(next());
    else if (k == "--actors")
      actors = std::stoul(next());
    else if (k == "--seed")
      seed = static_cast<uint32_t>(std::stoul(next()));
    else if (k == "--fold-fresh-ratio")
      foldFreshRatio = std::stoul(next());
    else
      die("unknown option " + k +
          " (--db PATH [--commits K] [--edges N] [--actors A] [--seed S] [--fold-fresh-ratio R])");
  }
  if (db.empty()) die("--db PATH is required");
  auto store = kg::storage::openStore(db, kg::storage::StoreOptions{});
  if (!store) die(store.status().message());
  kg::graph::LoadOptions options;
  options.foldRatio = 0;
  options.foldFreshRatio = foldFreshRatio;
  options.report = [](const std::string& line) { std::cerr << "overlay_bench: " << line << "\n"; };
  auto t0 = Clock::now();
  auto loaded = kg::graph::loadSnapshot(**store, db, options);
  if (!loaded) die(loaded.status().message());
  std::cout << json{{"bench", "overlay"},
                    {"step", "load"},
                    {"ms", std::chrono::duration<double, std::milli>(Clock::now() - t0).count()},
                    {"from_file", loaded->fromFile},
                    {"vertices", loaded->snapshot->vertexCount()},
                    {"edges", loaded->snapshot->edgeCount()},
                    {"anon_mb", anonMb()}}
                   .dump()
            << std::endl;
  kg::graph::LoadedSnapshot current = std::move(loaded).value();
  const auto ids = current.snapshot->arrays().actorIds;
  std::vector<kg::ActorId> pool(ids.begin(), ids.end());
  std::mt19937 rng(seed);
  const kg::EdgeType types[] = {kg::EdgeType::kConsult, kg::EdgeType::kAssault, kg::EdgeType::kAccuse};
  for (size_t c = 0; c < commits; ++c) {
    auto batch = (*store)->newBatch();
    std::vector<kg::ActorId> fresh;
    for (size_t a = 0; a < actors; ++a) {
      kg::Actor x;
      x.name = "overlay bench " + std::to_string(seed) + " " + std::to_string(c) + " " + std::to_string(a);
      auto id = batch->putActor(x, {});
      if (!id) die(id.status().message());
      fresh.push_back(*id);
    }
    for (size_t e = 0; e < edges; ++e) {
      kg::Edge x;
      x.src = pool[rng() % pool.size()];
      do x.dst = pool[rng() % pool.size()];
      while (x.dst == x.src);
      if (e < fresh.size()) (e % 2 ? x.src : x.dst) = fresh[e];
      x.type = types[rng() % 3];
      x.when =
          kg::DateRange::point(kg::Date::fromDays(18200 + static_cast<int32_t>(rng() % 60), kg::DatePrecision::kDay));
      x.confidence = 0.8f;
      x.title = "overlay bench";
      x.evidence.push_back(
          kg::Evidence{"overlay-bench-" + std::to_string(seed) + "-" + std::to_string(c), 0, 0, 10, "s"});
      if (auto put = batch->putEdge(x); !put) die(put.status().message());
    }
    if (auto st = (*store)->commit(*batch); !st.isOk()) die(st.message());
    t0 = Clock::now();
    auto next = kg::graph::updateSnapshot(**store, db, current, options);
    const double ms = std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
    if (!next) die(next.status().message());
    current = std::move(next).value();
    std::cout << json{{"bench", "overlay"},
                      {"step", "update"},
                      {"commit", c + 1},
                      {"ms", ms},
                      {"without_copy", !current.snapshot->contiguous()},
                      {"edges_since_file", current.base ? current.base->edges.size() : 0},
                      {"unsaved", current.unsaved},
                      {"anon_mb", anonMb()}}
                     .dump()
              << std::endl;
  }
  return 0;
}
