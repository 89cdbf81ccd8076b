// Server: serves one core::LocalGraph over Cap'n Proto RPC (schema/actorgraph.capnp)
// to any number of clients. Connections are served by a few event loops (the
// thread that calls serve(), which also accepts, and ServerOptions::ioThreads
// - 1 threads of their own), each answering the point lookups of its
// connections itself (a name found through the name index, an actor by id);
// every other query runs on a pool of worker threads and ingest on a thread
// of its own, so readers keep being answered (from the last complete
// snapshot) while an ingest runs. See engine/rpc/README.md. Every call is bounded: page sizes, the
// limits of query/limits.h, a per-call deadline and a bounded queue (Busy
// when full). A malformed or oversized message closes that one connection;
// the server keeps serving the others. Connections are limited in number,
// in idle time, in the time a message may take to arrive, and in the bytes
// of messages still arriving (see ServerOptions).
//
// Thread safety: serve() once, on one thread; stop() from any thread.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string>

#include "base/status.h"
#include "core/local_graph.h"

namespace kg::rpc {

inline constexpr uint16_t kDefaultPort = 7419;

struct ServerOptions {
  // "HOST:PORT" (port 0 = an ephemeral port), "[::1]:PORT" or "unix:PATH".
  std::string listen = "127.0.0.1:7419";
  bool allowRemote = false;          // accept a non-loopback listen address
  // Event loops reading, decoding and answering connections: the thread
  // calling serve() (which also accepts) and ioThreads - 1 more; each
  // connection is served by one loop, the one with the fewest when it
  // arrives. 0: one per core, at most 4.
  size_t ioThreads = 0;
  size_t queryThreads = 2;
  size_t maxQueued = 256;            // waiting queries beyond which calls get Busy
  // Connections beyond this are closed as soon as they are accepted.
  size_t maxConnections = 512;
  std::chrono::milliseconds deadline{30000};  // per call
  // A connection with no call in flight that sends nothing for this long is
  // closed (an abandoned or idle client frees its slot).
  std::chrono::milliseconds idleTimeout{60000};
  // A message must arrive whole within this time of its first byte; a
  // connection that stops in the middle of one (a slowloris) is closed.
  std::chrono::milliseconds readTimeout{10000};
  // Largest incoming message, in 8-byte words (the traversal limit); well
  // under Cap'n Proto's 64 MiB. A message announcing more in its segment
  // table closes the connection before anything is allocated for it.
  uint64_t maxMessageWords = 4u << 20;  // 32 MiB
  // Bytes of incoming messages announced but not yet received whole, summed
  // over all connections; a message that would exceed it closes its
  // connection. Bounds what many clients sending large messages slowly cost.
  uint64_t maxPendingBytes = 256u << 20;  // 256 MiB
  // Nesting depth of incoming messages (Cap'n Proto's nesting limit).
  int maxNesting = 64;
  // How long an event loop keeps polling its sockets after it last received
  // something (a message on a connection, a worker's answer) before it
  // sleeps: a client's next call that comes within it is read without
  // waking the loop's thread. Costs at most this much CPU per quiet spell
  // of a loop, yielding to other runnable threads; nothing while idle. 0:
  // sleep at once. engine/rpc/README.md, "Spinning before sleeping".
  std::chrono::microseconds spin{50};
  bool handleSignals = false;        // stop on SIGINT/SIGTERM (see captureSignals)
  // Called on the worker thread as the work of each queued call ends, with
  // its status (DeadlineExceeded: stopped at its deadline, or dropped before
  // it started because its deadline had passed or its client had gone).
  // For logs (kgd reports stopped queries) and tests; must be safe to call
  // from several threads at once. Calls answered on the event loop (point
  // lookups) do not report.
  std::function<void(const Status&)> onQueryEnd;
};

// Checks a listen address: InvalidArgument for a malformed one, or for a
// non-loopback host unless `allowRemote`. Pure.
Status checkListenAddress(const std::string& address, bool allowRemote);

class Server final {
 public:
  // Borrows `graph`, which must outlive the server.
  Server(core::LocalGraph& graph, ServerOptions options);
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;
  ~Server();

  // Blocks SIGINT and SIGTERM so that serve() can receive them; call in
  // main() before any thread is started.
  static void captureSignals();

  // Listens, calls `onListening` with the bound address ("127.0.0.1:40123",
  // "unix:/tmp/kg.sock") and serves until stop() or, with handleSignals, a
  // signal. Returns InvalidArgument for a bad/refused address, IOError when
  // it cannot listen. Running queries are finished (their answers dropped)
  // before serve() returns.
  Status serve(const std::function<void(const std::string&)>& onListening);
  // Makes serve() return soon; safe from any thread, also before serve().
  void stop();

 private:
  struct Loop;
  core::LocalGraph& graph_;
  ServerOptions options_;
  std::mutex mu_;
  bool stopRequested_ = false;  // guarded by mu_
  Loop* loop_ = nullptr;        // guarded by mu_; set while serve() runs
};

}  // namespace kg::rpc
