// The RPC server's request handling: the fuzz bytes are what a client sends
// on one connection (Cap'n Proto frames: a Bootstrap, then calls; seeds from
// make_rpc_seeds), served by an in-process Server over a small database.
// After each input a well-formed stats call must still be answered.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <cstdlib>
#include <filesystem>
#include <future>
#include <memory>
#include <thread>

#include "core/engine.h"
#include "core/local_graph.h"
#include "fuzz_input.h"
#include "rpc/client.h"
#include "rpc/server.h"

namespace {

using namespace kg;

struct Fixture {
  std::filesystem::path dir;
  std::unique_ptr<core::Engine> engine;
  std::unique_ptr<core::LocalGraph> graph;
  std::unique_ptr<rpc::Server> server;
  std::thread thread;
  int port = 0;
  std::string address;

  Fixture() {
    dir = std::filesystem::temp_directory_path() / ("kg-fuzz-rpc-" + std::to_string(::getpid()));
    std::filesystem::remove_all(dir);
    auto e = core::Engine::open((dir / "db").string(), core::EngineOptions{});
    if (!e.isOk()) std::abort();
    engine = std::move(e).value();
    ActorId ids[4];
    const char* names[4] = {"United States", "Kata'ib Hezbollah", "Mike Pompeo", "Iraq"};
    for (int i = 0; i < 4; ++i) {
      Actor a;
      a.name = names[i];
      a.kind = i == 1 ? ActorKind::kArmedGroup : i == 2 ? ActorKind::kPerson : ActorKind::kState;
      auto r = engine->addActor(a);
      if (!r.isOk()) std::abort();
      ids[i] = r->id;
    }
    for (int i = 0; i < 4; ++i) {
      Edge edge;
      edge.src = ids[i];
      edge.dst = ids[(i + 1) % 4];
      edge.type = i % 2 ? EdgeType::kAccuse : EdgeType::kAssault;
      edge.when = DateRange::point(Date::day(2019, 12, 27 + i));
      edge.evidence.push_back(Evidence{"", 0, 0, 6, "A fact"});
      if (!engine->addEdge(edge).isOk()) std::abort();
    }
    graph = std::make_unique<core::LocalGraph>(*engine);
    if (!graph->refresh().isOk()) std::abort();
    // One ingest before serving builds the extractor and the function-local
    // tables it reads (dictionaries, lexicons) now, before the exit handler
    // below is registered: at exit that handler stops the server and joins
    // its workers first, and only then are those tables destroyed. (A fuzzed
    // ingest call still loading them while exit() destroyed them was a
    // heap-use-after-free in the bounded CI run.)
    core::IngestDocument doc;
    doc.text = "Iraq condemned the strike on Monday.";
    doc.date = Date::day(2020, 1, 6);
    if (!graph->ingest({doc}).isOk()) std::abort();
    rpc::ServerOptions o;
    o.listen = "127.0.0.1:0";
    o.queryThreads = 2;
    o.deadline = std::chrono::milliseconds(2000);
    o.readTimeout = std::chrono::milliseconds(500);
    o.idleTimeout = std::chrono::milliseconds(2000);
    o.maxMessageWords = 1u << 17;  // 1 MiB
    server = std::make_unique<rpc::Server>(*graph, o);
    std::promise<std::string> bound;
    auto future = bound.get_future();
    thread = std::thread([this, &bound] {
      Status st = server->serve([&](const std::string& a) { bound.set_value(a); });
      if (!st.isOk()) std::abort();
    });
    address = future.get();
    port = std::stoi(address.substr(address.rfind(':') + 1));
  }
};

Fixture& fixture() {
  // Never destroyed: the server serves until the process ends; its database
  // directory is removed then.
  static Fixture* f = [] {
    auto* made = new Fixture();
    std::atexit([] {
      // The server first: its workers may be in a call that reads tables
      // the exit destroys after this handler (they were built earlier).
      Fixture& fx = fixture();
      fx.server->stop();
      if (fx.thread.joinable()) fx.thread.join();
      std::error_code ec;
      std::filesystem::remove_all(fx.dir, ec);
    });
    return made;
  }();
  return *f;
}

// A connection to the server, or -1 when this machine has no local port
// free (EADDRNOTAVAIL: a run of thousands of connections a second can use
// them all up); a server that refuses (it is gone) aborts the run.
int connectTo(int port) {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) std::abort();
  // Closed with a reset, not a FIN: no TIME_WAIT keeps the port, so a long
  // run at 2,000+ inputs a second does not use up the local ports.
  const linger noLinger{1, 0};
  (void)::setsockopt(fd, SOL_SOCKET, SO_LINGER, &noLinger, sizeof noLinger);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    const int err = errno;
    ::close(fd);
    // No local port free, or a loaded machine where the listen queue stayed
    // full until the connect timed out (the server accepts at its own pace):
    // this input is not run. Anything else (refused: the server is gone)
    // ends the run, saying why.
    if (err == EADDRNOTAVAIL || err == EAGAIN || err == ETIMEDOUT || err == EINTR) return -1;
    std::fprintf(stderr, "fuzz_rpc: connect to port %d failed: %s\n", port, std::strerror(err));
    std::abort();
  }
  return fd;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > (1u << 20)) return 0;
  Fixture& f = fixture();
  const int fd = connectTo(f.port);
  if (fd < 0) return 0;  // no local port free: this input is not run (see connectTo)
  (void)::send(fd, data, size, MSG_NOSIGNAL);
  // The server reads everything sent, answers what it can and, at the end of
  // the stream, closes the connection.
  ::shutdown(fd, SHUT_WR);
  char buf[65536];
  for (int i = 0; i < 200; ++i) {
    pollfd p{fd, POLLIN, 0};
    if (::poll(&p, 1, 10) <= 0) continue;
    if (::recv(fd, buf, sizeof buf, 0) <= 0) break;
  }
  ::close(fd);
  // Every 64 inputs: the server still answers a well-formed call. (Not how
  // many actors it holds: since kgd takes curation calls, a fuzzed but
  // well-formed "merge" or "actor rm" may lawfully remove some of the four.)
  static size_t runs = 0;
  if (++runs % 64 == 0) {
    auto c = rpc::Client::connect(f.address);
    if (!c.isOk()) {
      std::fprintf(stderr, "fuzz_rpc: the server refused a client: %s\n", c.status().toString().c_str());
      __builtin_trap();
    }
    // A call may get a typed DeadlineExceeded while a fuzzed query still
    // holds the workers, or while the machine is loaded (the fuzzer runs at
    // low priority beside builds): that is an answer. The server must answer
    // a well-formed call within a few tries; anything else is a crash.
    Status last = Status::ok();
    bool answered = false;
    for (int attempt = 0; attempt < 10 && !answered; ++attempt) {
      auto s = (*c)->stats();
      answered = s.isOk();
      if (!answered) {
        last = s.status();
        if (last.code() != StatusCode::kDeadlineExceeded) break;
        ::poll(nullptr, 0, 500);
      }
    }
    if (!answered) {
      std::fprintf(stderr, "fuzz_rpc: stats failed: %s\n", last.toString().c_str());
      __builtin_trap();
    }
  }
  return 0;
}
