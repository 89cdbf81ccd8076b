// kgd: serves one ActorGraph database over Cap'n Proto RPC.
//   kgd --db PATH [--listen 127.0.0.1:7419 | unix:PATH] [--allow-remote]
//       [--max-connections N] [--idle-timeout-ms MS] [--read-timeout-ms MS]
//       [--max-message-mb MB] [--max-pending-mb MB] [--deadline-ms MS] [--spin-us US]
// Prints "listening on ADDRESS" (with the chosen port when 0 was asked) on
// stdout once it accepts connections; stops cleanly on SIGINT or SIGTERM
// (exit 0, or 1 naming the cause when the final sync or close of its store
// fails: what was committed is kept).
// Wires options -> engine -> LocalGraph -> Server.
#include <CLI/CLI.hpp>
#include <cstdlib>
#include <iostream>
#include <thread>

#include "core/engine.h"
#include "core/local_graph.h"
#include "rpc/server.h"

namespace {

// Serves `engine` until a signal stops the server: 0 then, else 1 after
// printing why. The graph over the engine and the server end with it.
int serveGraph(kg::core::Engine& engine, const std::vector<std::string>& actorFiles,
               const kg::rpc::ServerOptions& options) {
  kg::core::DictionaryOptions xo;
  xo.actorFiles = actorFiles;
  kg::core::LocalGraph graph(engine, xo);
  graph.setSnapshotReport([](const std::string& line) { std::cerr << "kgd: warning: " << line << "\n"; });
  // KG_SNAPSHOT_VERIFY=always: read the snapshot file whole at every open,
  // not once per version of the file (graph/README.md, "Verified once").
  const char* verify = std::getenv("KG_SNAPSHOT_VERIFY");
  graph.setSnapshotVerifyEveryOpen(verify != nullptr && std::string(verify) == "always");
  // Load (or build) the first snapshot before accepting clients, so that the
  // first multi-hop query does not pay for it.
  if (auto st = graph.loadSnapshot(); !st.isOk()) {
    std::cerr << "kgd: error: " << st.message() << "\n";
    return 1;
  }
  kg::rpc::Server server(graph, options);
  auto st = server.serve([&](const std::string& address) {
    std::cout << "listening on " << address << std::endl;
  });
  if (!st.isOk()) {
    std::cerr << "kgd: error: " << st.message() << "\n";
    return 1;
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  // Before any thread exists, so that only the event loop receives them.
  kg::rpc::Server::captureSignals();

  CLI::App app{"kgd: serves an ActorGraph database over Cap'n Proto RPC"};
  const char* env = std::getenv("KG_DB");
  std::string db = env && *env ? env : "./kg.db";
  kg::rpc::ServerOptions options;
  std::vector<std::string> actorFiles;
  size_t deadlineMs = static_cast<size_t>(options.deadline.count());
  options.queryThreads = std::max(2u, std::thread::hardware_concurrency());
  app.add_option("--db", db, "database directory (default: $KG_DB, else ./kg.db)");
  app.add_option("--listen", options.listen,
                 "HOST:PORT or unix:PATH (default 127.0.0.1:7419; port 0 picks a free port)");
  app.add_flag("--allow-remote", options.allowRemote, "allow a non-loopback listen address (no authentication!)");
  app.add_option("--threads", options.queryThreads, "query worker threads");
  app.add_option("--io-threads", options.ioThreads,
                 "event loops reading and answering connections (default 0: one per core, at most 4)")
      ->check(CLI::Range(size_t{0}, size_t{64}));
  app.add_option("--deadline-ms", deadlineMs, "per-call deadline in milliseconds (default 30000)");
  size_t spinUs = static_cast<size_t>(options.spin.count());
  app.add_option("--spin-us", spinUs,
                 "microseconds an event loop keeps polling after it last received something, before it sleeps "
                 "(default 50; 0: sleep at once)")
      ->check(CLI::Range(size_t{0}, size_t{100000}));
  size_t idleMs = static_cast<size_t>(options.idleTimeout.count());
  size_t readMs = static_cast<size_t>(options.readTimeout.count());
  size_t maxMessageMb = static_cast<size_t>(options.maxMessageWords * 8 >> 20);
  size_t maxPendingMb = static_cast<size_t>(options.maxPendingBytes >> 20);
  app.add_option("--max-connections", options.maxConnections,
                 "connections served at once; more are closed on accept (default 512)")
      ->check(CLI::Range(size_t{1}, size_t{1} << 20));
  app.add_option("--idle-timeout-ms", idleMs,
                 "close a connection that sends nothing and awaits no answer for this long (default 60000)")
      ->check(CLI::Range(size_t{1}, size_t{86400000}));
  app.add_option("--read-timeout-ms", readMs,
                 "close a connection whose message has not arrived whole this long after its first byte "
                 "(default 10000)")
      ->check(CLI::Range(size_t{1}, size_t{86400000}));
  app.add_option("--max-message-mb", maxMessageMb,
                 "largest incoming message in MiB, refused from its segment table (default 32, at most 63)")
      ->check(CLI::Range(size_t{1}, size_t{63}));
  app.add_option("--max-pending-mb", maxPendingMb,
                 "MiB of incoming messages still arriving, over all connections (default 256)")
      ->check(CLI::Range(size_t{1}, size_t{1} << 20));
  app.add_option("--actors", actorFiles, "actor dictionary for ingest (repeatable)");
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int rc = app.exit(e);
    return rc == 0 ? 0 : 2;
  }
  options.deadline = std::chrono::milliseconds(deadlineMs);
  options.spin = std::chrono::microseconds(spinUs);
  options.idleTimeout = std::chrono::milliseconds(idleMs);
  options.readTimeout = std::chrono::milliseconds(readMs);
  options.maxMessageWords = static_cast<uint64_t>(maxMessageMb) << 17;  // MiB -> 8-byte words
  options.maxPendingBytes = static_cast<uint64_t>(maxPendingMb) << 20;
  options.handleSignals = true;
  // A query stopped at its deadline is worth a line: whoever runs kgd learns
  // which deadline bites (the client gets DEADLINE_EXCEEDED).
  options.onQueryEnd = [deadlineMs](const kg::Status& st) {
    if (st.code() != kg::StatusCode::kDeadlineExceeded) return;
    const std::string line = "kgd: stopped a query at its deadline of " + std::to_string(deadlineMs) + " ms\n";
    std::cerr << line << std::flush;
  };
  if (auto st = kg::rpc::checkListenAddress(options.listen, options.allowRemote); !st.isOk()) {
    std::cerr << "kgd: error: " << st.message() << "\n";
    return 2;
  }

  kg::core::EngineOptions eo;
  auto engine = kg::core::Engine::open(db, eo);
  if (!engine) {
    std::cerr << "kgd: error: " << engine.status().message() << "\n";
    return 1;
  }
  int rc = serveGraph(**engine, actorFiles, options);
  // The graph and the server are gone: the store closes last, its final sync
  // reported (a failed one must not pass for a clean stop).
  if (kg::Status closed = (*engine)->close(); !closed.isOk()) {
    std::cerr << "kgd: error: closing the database '" << db << "' failed: " << closed.message()
              << " (what was committed is kept: the next open recovers it)\n";
    return 1;
  }
  if (rc == 0) std::cerr << "kgd: stopped\n";
  return rc;
}
