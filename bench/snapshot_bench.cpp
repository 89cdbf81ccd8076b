// snapshot_bench: what the snapshot file (graph/snapshot_file.h) costs and
// saves on one database, beside its peer in the same run — building the
// snapshot from RocksDB, which is what every `kg` process did before the file.
//
//   snapshot_bench --db PATH --actor NAME [--from NAME --to NAME]
//
// Prints JSON lines: the build from RocksDB, the file write, its size and
// bytes per edge, the open with full verification, with the header only and
// verified once (the first open, read whole, then opens trusting the
// verification record), and how much of the file a 2-hop neighbourhood (and
// a shortest path) touches after a header-only open and after a recorded
// one: the file is dropped from the page cache (posix_fadvise DONTNEED),
// opened, queried, and its resident pages counted with mincore(). Writes
// DB/graph.snapshot and its verification record (the files kg itself would
// write).
#include <chrono>
#include <cstdio>
#include <fcntl.h>
#include <filesystem>
#include <iostream>
#include <nlohmann/json.hpp>
#include <string>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include <vector>

#include "core/engine.h"
#include "graph/snapshot_file.h"
#include "query/neighbourhood.h"
#include "query/paths.h"

namespace {

using Clock = std::chrono::steady_clock;
using json = nlohmann::json;

double msSince(Clock::time_point t) { return std::chrono::duration<double, std::milli>(Clock::now() - t).count(); }

[[noreturn]] void die(const std::string& m) {
  std::cerr << "snapshot_bench: " << m << "\n";
  std::exit(1);
}

struct Args {
  std::string db, actor, from, to;
};

Args parse(int argc, char** argv) {
  Args a;
  for (int i = 1; i < argc; ++i) {
    const std::string k = argv[i];
    auto next = [&]() -> std::string {
      if (i + 1 >= argc) die(k + " needs a value");
      return argv[++i];
    };
    if (k == "--db") a.db = next();
    else if (k == "--actor") a.actor = next();
    else if (k == "--from") a.from = next();
    else if (k == "--to") a.to = next();
    else die("unknown option " + k + " (--db PATH --actor NAME [--from NAME --to NAME])");
  }
  if (a.db.empty() || a.actor.empty()) die("--db PATH and --actor NAME are required");
  return a;
}

// Drops the file's pages from the page cache (they are clean: it was synced).
void dropFromCache(const std::string& path) {
  const int fd = ::open(path.c_str(), O_RDONLY);
  if (fd < 0) die("open " + path);
  ::fdatasync(fd);
  ::posix_fadvise(fd, 0, 0, POSIX_FADV_DONTNEED);
  ::close(fd);
}

// Pages of the file now in the page cache (a second mapping of the same file
// sees the same cache).
size_t residentPages(const std::string& path, size_t* totalPages) {
  const int fd = ::open(path.c_str(), O_RDONLY);
  if (fd < 0) die("open " + path);
  struct stat st {};
  ::fstat(fd, &st);
  const auto size = static_cast<size_t>(st.st_size);
  void* p = ::mmap(nullptr, size, PROT_READ, MAP_SHARED, fd, 0);
  ::close(fd);
  if (p == MAP_FAILED) die("map " + path);
  const size_t page = static_cast<size_t>(::sysconf(_SC_PAGESIZE));
  *totalPages = (size + page - 1) / page;
  std::vector<unsigned char> v(*totalPages);
  ::mincore(p, size, v.data());
  ::munmap(p, size);
  size_t n = 0;
  for (unsigned char c : v) n += c & 1;
  return n;
}

kg::graph::VertexId vertexNamed(kg::core::Engine& engine, const kg::graph::Snapshot& s, const std::string& name) {
  auto a = engine.resolveOne(name);
  if (!a) die(a.status().message());
  auto v = s.vertexOf(a->id);
  if (!v) die(name + " has no edges");
  return *v;
}

json touched(const std::string& file, size_t pages, size_t total, double ms) {
  const size_t page = static_cast<size_t>(::sysconf(_SC_PAGESIZE));
  return {{"pages", pages},
          {"file_pages", total},
          {"bytes", pages * page},
          {"fraction", total ? static_cast<double>(pages) / static_cast<double>(total) : 0.0},
          {"ms", ms},
          {"file", file}};
}

}  // namespace

int main(int argc, char** argv) {
  const Args args = parse(argc, argv);
  kg::core::EngineOptions eo;
  eo.readOnly = true;
  eo.createIfMissing = false;
  auto engine = kg::core::Engine::open(args.db, eo);
  if (!engine) die(engine.status().message());
  const kg::storage::GraphStore& store = (*engine)->store();
  const kg::graph::SnapshotStamp stamp{store.identity(), store.sequenceNumber()};
  const std::string file = kg::graph::snapshotFilePath(args.db);

  auto t = Clock::now();
  auto built = kg::graph::Snapshot::fromStore(store);
  if (!built) die(built.status().message());
  const double buildMs = msSince(t);
  const kg::graph::Snapshot& b = **built;
  std::cout << json{{"bench", "snapshot"}, {"what", "build_from_rocksdb"}, {"db", args.db},
                    {"vertices", b.vertexCount()}, {"edges", b.edgeCount()}, {"ms", buildMs}}
                   .dump()
            << "\n";

  t = Clock::now();
  if (auto st = kg::graph::writeSnapshotFile(file, b, stamp); !st.isOk()) die(st.message());
  const double writeMs = msSince(t);
  const auto bytes = std::filesystem::file_size(file);
  std::cout << json{{"bench", "snapshot"}, {"what", "write_file"}, {"db", args.db}, {"ms", writeMs},
                    {"file_bytes", bytes},
                    {"bytes_per_edge", b.edgeCount() ? static_cast<double>(bytes) / b.edgeCount() : 0.0}}
                   .dump()
            << "\n";
  built = kg::Status::internal("released");  // the queries below read the file only

  for (auto verify : {kg::graph::SnapshotVerify::kFull, kg::graph::SnapshotVerify::kHeader}) {
    for (bool cold : {false, true}) {
      if (cold) dropFromCache(file);
      t = Clock::now();
      auto opened = kg::graph::openSnapshotFile(file, verify);
      if (!opened) die(opened.status().message());
      const double ms = msSince(t);
      std::cout << json{{"bench", "snapshot"}, {"what", "open_file"},
                        {"verify", verify == kg::graph::SnapshotVerify::kFull ? "full" : "header"},
                        {"page_cache", cold ? "dropped" : "warm"}, {"ms", ms}}
                       .dump()
                << "\n";
    }
  }

  // Verified once (what kg and kgd do): the first open reads the file whole
  // and records it (a settle time of 0: nothing changes the file here), the
  // next ones check the header and the record.
  std::filesystem::remove(kg::graph::verificationRecordPath(file));
  const std::pair<const char*, bool> onceOpens[] = {{"unrecorded", true}, {"recorded", true}, {"recorded", false}};
  for (const auto& [state, cold] : onceOpens) {
    if (cold) dropFromCache(file);
    t = Clock::now();
    auto opened = kg::graph::openSnapshotFile(file, kg::graph::SnapshotVerify::kOnce, std::chrono::milliseconds(0));
    if (!opened) die(opened.status().message());
    const double ms = msSince(t);
    const bool read = opened->checked == kg::graph::SnapshotChecked::kWhole;
    std::cout << json{{"bench", "snapshot"},
                      {"what", "open_file"},
                      {"verify", std::string("once_") + state},
                      {"read_whole", read},
                      {"page_cache", cold ? "dropped" : "warm"},
                      {"ms", ms}}
                     .dump()
              << "\n";
  }

  // What a query touches: an open on a cold file, then one query. Header
  // only (MADV_RANDOM: the pages the query reads), and trusted by its record
  // (kOnce: the system's read-around, as kg reads it).
  auto measure = [&](const char* what, kg::graph::SnapshotVerify verify, auto&& query) {
    dropFromCache(file);
    auto t0 = Clock::now();
    auto opened = kg::graph::openSnapshotFile(file, verify, std::chrono::milliseconds(0));
    if (!opened) die(opened.status().message());
    query(*opened->snapshot);
    const double ms = msSince(t0);
    size_t total = 0;
    const size_t pages = residentPages(file, &total);
    json j = touched(file, pages, total, ms);
    j["bench"] = "snapshot";
    j["what"] = what;
    j["verify"] = verify == kg::graph::SnapshotVerify::kHeader ? "header" : "once_recorded";
    std::cout << j.dump() << "\n";
  };
  for (auto verify : {kg::graph::SnapshotVerify::kHeader, kg::graph::SnapshotVerify::kOnce}) {
    measure("touched_by_open", verify, [](const kg::graph::Snapshot&) {});
    measure("touched_by_2hop_neighbors", verify, [&](const kg::graph::Snapshot& s) {
      kg::query::NeighbourhoodOptions no;
      no.depth = 2;
      auto n = kg::query::neighbourhood(s, vertexNamed(**engine, s, args.actor), no);
      if (!n) die(n.status().message());
    });
    if (!args.from.empty() && !args.to.empty())
      measure("touched_by_shortest_path", verify, [&](const kg::graph::Snapshot& s) {
        kg::query::PathOptions po;
        auto p = kg::query::findPaths(s, vertexNamed(**engine, s, args.from), vertexNamed(**engine, s, args.to), po);
        if (!p) die(p.status().message());
      });
  }
  return 0;
}
