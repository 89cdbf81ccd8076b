// kgd_soak: kgd under load and abuse, on loopback only.
//
// Builds a database from examples/corpus, starts kgd on it, then for
// --seconds runs kQueryClients client threads mixing neighbours, path and
// paged edge listings (kEdgePageSize edges a page); one client ingesting
// ../shared/seeds and examples/corpus in turn into the served database; and
// one abuser cycling through garbage bytes, a frame announcing a huge segment
// table, half frames held open (slowloris), a burst of kAbandonedBurst
// connections opened and abandoned, and clients that drop their connection in
// the middle of a paged listing.
//
// --race is the profile for ThreadSanitizer (scripts/sanitize.sh thread, where
// ctest runs it as kgd_soak_race): under TSan kgd answers a few calls a
// second, so only the abuse whose checks need no deadline runs (garbage
// bytes, a huge segment table, mid-page drops), beside kRaceQueryClients
// query clients and the ingesting client. A race TSan reports stops kgd
// (halt_on_error) or the soak itself, and fails the run.
//
// It fails (exit 1) when kgd dies or stops answering; when a well-formed call
// gets no answer (IOError: the connection dropped or the call timed out) or
// an error that is not a typed answer (Internal, Corruption); when kgd leaves
// an abusive connection open past its timeouts; or when kgd's resident
// memory after the run exceeds the memory before it by more than
// --rss-growth-mb (default kRssGrowthMib); or when kgd's thread count or open
// file descriptors after the run exceed those before it by more than
// kThreadGrowth or kFdGrowth (in every profile: a thread or a descriptor kept
// per connection would pass them within seconds); or when kgd, stopped with SIGTERM
// at the end, does not exit 0 (a failed close of its store, a sanitizer
// report). It prints calls/s, answers and errors by kind, and VmRSS, threads
// and open descriptors before, at their peak and after, then one JSON line.
//
//   kgd_soak [--seconds S] [--rss-growth-mb M] [--race] [--abuse-pause-ms MS]
//
// --abuse-pause-ms: the abuser's pause after each cycle (default 0).
#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <map>
#include <mutex>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "extract/text/reader.h"
#include "rpc/client.h"
#include "rpc/kgd_process.h"
#include "rpc/raw_socket.h"
#include "support/run.h"

namespace {

using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;

constexpr int kDefaultSeconds = 15;
// Resident memory may grow by this much from the warm server (its ingest
// dictionaries loaded, every kind of call served once) to the end of the run.
// Measured: 20 MiB cold, 64 MiB warm, 82 MiB from the fifth second on, the
// same after 15 s and after 60 s (+18 MiB: 16 busy connections and the
// seeds' data); the rest is headroom for the lazily filled block cache.
// Under ThreadSanitizer every byte kgd touches has shadow memory beside it
// (measured: 264 MiB warm, +69 MiB over a 30 s run with no race found), so
// the bound there is scaled by kSanitizerRssFactor. AddressSanitizer also
// holds freed memory in its quarantine (256 MiB by default) before reusing
// it (measured: 289 MiB warm, +313 MiB over 15 s, no leak reported).
#if defined(__SANITIZE_ADDRESS__)
constexpr size_t kSanitizerRssFactor = 4, kQuarantineMib = 256;
#elif defined(__SANITIZE_THREAD__)
constexpr size_t kSanitizerRssFactor = 4, kQuarantineMib = 0;
#else
constexpr size_t kSanitizerRssFactor = 1, kQuarantineMib = 0;
#endif
constexpr size_t kRssGrowthMib = 32 * kSanitizerRssFactor + kQuarantineMib;
constexpr int kWarmUpCalls = 64;
constexpr int kQueryClients = 16;
constexpr int kRaceQueryClients = 8;  // --race
// The memory bound holds under TSan too since kgd's streams stopped letting
// a refused write's exception leave write() (engine/rpc/server.cpp,
// MeteredStream::write): before, GCC's TSan kept a new stack for every
// allocation after each such exception, and kgd grew from 313 to 657 MiB in
// 63 s of this profile (13.8 GiB in 240 s); now 305 to 352 MiB over 41 s and
// 3060 abusive connections, flat from the 15th second.
// kgd's threads are its event loop, its worker pools and RocksDB's background
// pools (which start their threads on first use); none is made per
// connection or per call. Its descriptors: the listening socket, one per open
// connection and RocksDB's files (the table cache keeps every table file
// open, and ingests add and compactions replace some). Measured: ordinary
// build, 15 s: 7 threads throughout, 25 descriptors before and after (536 at
// the peak: the burst of abandoned connections); --race, 30 s: 7 threads, 25
// then 24 descriptors; --race under TSan, 41 s: 8 threads, 26 then 28.
constexpr size_t kThreadGrowth = 4;
constexpr size_t kFdGrowth = 64;
constexpr uint32_t kEdgePageSize = 5;  // small pages: an edge listing is many calls
constexpr int kAbandonedBurst = 500;
constexpr int kHalfFrames = 8;
constexpr int kMidPageDrops = 4;  // per abuse cycle
constexpr auto kMidPageTimeouts = std::array{1ms, 3ms, 10ms, 30ms};  // a listing's pages take longer in all
constexpr auto kIdleTimeout = 3000ms;  // kgd --idle-timeout-ms for this run
constexpr auto kReadTimeout = 2000ms;  // kgd --read-timeout-ms for this run
constexpr auto kCloseMargin = 3000ms;  // beyond a timeout, for kgd to close a connection
constexpr int kMaxPathDepth = 4;
constexpr auto kRssSampleEvery = 1000ms;

// Answers and errors by kind ("ok", "Busy", ...), over all threads.
class Tally {
 public:
  void add(const std::string& kind, uint64_t n = 1) {
    std::lock_guard<std::mutex> lock(mu_);
    counts_[kind] += n;
  }
  void add(const kg::Status& s) {
    std::lock_guard<std::mutex> lock(mu_);
    const std::string kind = s.isOk() ? "ok" : kg::statusCodeName(s.code());
    ++counts_[kind];
    if (!s.isOk()) examples_.emplace(kind, s.message());
  }
  // The first message of each error kind.
  std::map<std::string, std::string> examples() const {
    std::lock_guard<std::mutex> lock(mu_);
    return examples_;
  }
  std::map<std::string, uint64_t> counts() const {
    std::lock_guard<std::mutex> lock(mu_);
    return counts_;
  }

 private:
  mutable std::mutex mu_;
  std::map<std::string, uint64_t> counts_;  // guarded by mu_
  std::map<std::string, std::string> examples_;  // guarded by mu_
};

struct Soak {
  bool race = false;  // --race: the abuse without deadlines
  std::chrono::milliseconds abusePause{0};  // after each abuse cycle
  std::string address;
  int port = 0;
  std::vector<std::string> actors;
  Clock::time_point end;
  Tally calls;   // well-formed calls of the query clients
  Tally ingest;  // remote ingest calls
  Tally abuse;   // abusive connections: "closed" by kgd or "left open"
  std::atomic<uint64_t> pages{0};
};

std::string kindOf(const kg::Status& s) { return s.isOk() ? "ok" : kg::statusCodeName(s.code()); }

// One well-formed call chosen at random; its Status.
kg::Status randomCall(kg::rpc::Client& c, Soak& soak, std::mt19937& rng) {
  auto pick = [&] { return soak.actors[std::uniform_int_distribution<size_t>(0, soak.actors.size() - 1)(rng)]; };
  switch (std::uniform_int_distribution<int>(0, 2)(rng)) {
    case 0: {
      kg::core::NeighbourQuery q{pick(), {}, 0};
      q.options.depth = std::uniform_int_distribution<int>(1, 2)(rng);
      return c.neighbours(q).status();
    }
    case 1: {
      kg::core::PathQuery q{pick(), pick(), {}, 1};
      while (q.to == q.from && soak.actors.size() > 1) q.to = pick();  // the same actor twice is a bad query
      q.options.maxDepth = kMaxPathDepth;
      return c.paths(q).status();
    }
    default: {
      kg::core::EdgeQuery q;
      if (rng() % 2) q.actor = pick();
      auto r = c.edges(q);
      if (r) soak.pages += r->size() / kEdgePageSize + 1;
      return r.status();
    }
  }
}

void queryClient(Soak& soak, unsigned seed) {
  std::mt19937 rng(seed);
  kg::rpc::ClientOptions options;
  options.pageSize = kEdgePageSize;
  while (Clock::now() < soak.end) {
    auto client = kg::rpc::Client::connect(soak.address, options);
    if (!client) {
      soak.calls.add("connect " + kindOf(client.status()));
      continue;
    }
    while (Clock::now() < soak.end) {
      const kg::Status s = randomCall(**client, soak, rng);
      soak.calls.add(s);
      if (s.code() == kg::StatusCode::kIOError) break;  // the client is unusable: reconnect
    }
  }
}

std::vector<kg::core::IngestDocument> readDocuments(const std::string& path) {
  std::vector<kg::core::IngestDocument> docs;
  std::vector<kg::extract::ReadWarning> warnings;
  kg::extract::readInputs({path}, [&](kg::extract::RawDocument&& d) {
    docs.push_back({std::move(d.text), std::move(d.title), d.date, std::move(d.source), std::move(d.url)});
  }, &warnings);
  return docs;
}

void ingestClient(Soak& soak, const std::vector<std::vector<kg::core::IngestDocument>>& sets) {
  for (size_t i = 0; Clock::now() < soak.end; ++i) {
    auto client = kg::rpc::Client::connect(soak.address);
    if (!client) {
      soak.ingest.add("connect " + kindOf(client.status()));
      continue;
    }
    for (; Clock::now() < soak.end; ++i) {
      auto r = (*client)->ingest(sets[i % sets.size()]);
      soak.ingest.add(r.status());
      if (r) soak.ingest.add("articles", r->articles);
      if (!r && r.status().code() == kg::StatusCode::kIOError) break;
    }
  }
}

// Notes, for each of `fds`, whether kgd closed it within `limit`; closes them.
void expectClosed(Soak& soak, const char* what, std::vector<int>& fds, std::chrono::milliseconds limit) {
  const auto until = Clock::now() + limit;
  for (int fd : fds) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(until - Clock::now());
    const bool closed = fd < 0 || kg::testing::awaitClose(fd, std::max(left, 1ms));
    soak.abuse.add(std::string(what) + (closed ? " closed" : " LEFT OPEN"));
    if (fd >= 0) ::close(fd);
  }
  fds.clear();
}

void sendGarbage(Soak& soak) {
  const std::string junk = "GET / HTTP/1.1\r\nHost: x\r\n\r\n" + std::string(4096, '\x7f');
  soak.abuse.add(kg::testing::sendRawAndAwaitClose(soak.port, junk) ? "garbage closed" : "garbage LEFT OPEN");
  const std::string table = kg::testing::frameHeader(std::vector<uint32_t>(511, 0xffffffffu));
  soak.abuse.add(kg::testing::sendRawAndAwaitClose(soak.port, table) ? "huge table closed" : "huge table LEFT OPEN");
}

void holdHalfFrames(Soak& soak) {
  std::vector<int> fds;
  const std::string half = kg::testing::frameHeader({16}) + std::string(40, '\0');
  for (int i = 0; i < kHalfFrames; ++i) {
    fds.push_back(kg::testing::connectRaw(soak.port));
    if (fds.back() >= 0) (void)::send(fds.back(), half.data(), half.size(), MSG_NOSIGNAL);
  }
  expectClosed(soak, "half frame", fds, kReadTimeout + kCloseMargin);
}

void abandonBurst(Soak& soak) {
  std::vector<int> fds;
  for (int i = 0; i < kAbandonedBurst; ++i) fds.push_back(kg::testing::connectRaw(soak.port));
  expectClosed(soak, "abandoned", fds, kIdleTimeout + kCloseMargin);
}

// Clients whose call timeout ends a paged listing after a few pages: the
// Client gives up and drops its connection while kgd is serving the listing.
void dropMidPage(Soak& soak) {
  for (int i = 0; i < kMidPageDrops; ++i) {
    kg::rpc::ClientOptions options;
    options.pageSize = 1;
    options.timeout = kMidPageTimeouts[static_cast<size_t>(i) % kMidPageTimeouts.size()];
    auto client = kg::rpc::Client::connect(soak.address, options);
    if (!client) continue;
    auto r = (*client)->edges(kg::core::EdgeQuery{});
    soak.abuse.add(r ? "mid-page drop finished first" : "mid-page drop " + kindOf(r.status()));
  }
}

void abuser(Soak& soak) {
  while (Clock::now() < soak.end) {
    sendGarbage(soak);
    dropMidPage(soak);
    if (!soak.race) {  // the rest is judged against kgd's timeouts
      holdHalfFrames(soak);
      dropMidPage(soak);
      abandonBurst(soak);
    }
    std::this_thread::sleep_for(soak.abusePause);
  }
}

size_t mib(size_t kib) { return kib >> 10; }

struct Args {
  int seconds = kDefaultSeconds;
  size_t rssGrowthMib = kRssGrowthMib;
  bool race = false;
  long abusePauseMs = 0;
};

bool parseArgs(int argc, char** argv, Args* a) {
  for (int i = 1; i < argc; ++i) {
    const std::string flag = argv[i];
    if (flag == "--race") {
      a->race = true;
      continue;
    }
    if (i + 1 >= argc) return false;
    const std::string value = argv[++i];
    try {
      if (flag == "--seconds") a->seconds = std::stoi(value);
      else if (flag == "--rss-growth-mb") a->rssGrowthMib = std::stoul(value);
      else if (flag == "--abuse-pause-ms") a->abusePauseMs = std::stol(value);
      else return false;
    } catch (const std::exception&) {
      return false;
    }
  }
  return a->seconds > 0 && a->abusePauseMs >= 0;
}

// The served database: examples/corpus ingested by kg.
bool buildDatabase(const std::string& db) {
  auto r = kg::testing::run(std::string(KG_BIN) + " --db " + kg::testing::shq(db) + " ingest " +
                            kg::testing::shq(KG_CORPUS_DIR));
  if (r.rc != 0) std::fprintf(stderr, "kgd_soak: kg ingest failed: %s\n", r.err.c_str());
  return r.rc == 0;
}

// Loads kgd's ingest dictionaries (a remote ingest of stored documents) and
// serves each kind of call, so that memory measured afterwards is the warm
// server's, not the cost of its first ingest.
bool warmUp(Soak& soak, const std::vector<kg::core::IngestDocument>& docs) {
  kg::rpc::ClientOptions options;
  options.pageSize = kEdgePageSize;
  auto client = kg::rpc::Client::connect(soak.address, options);
  if (!client || !(*client)->ingest(docs)) return false;
  std::mt19937 rng(0);
  for (int i = 0; i < kWarmUpCalls; ++i) (void)randomCall(**client, soak, rng);
  return true;
}

bool loadActors(Soak& soak) {
  auto client = kg::rpc::Client::connect(soak.address);
  if (!client) return false;
  auto actors = (*client)->actors(std::nullopt);
  if (!actors) return false;
  for (const auto& a : *actors) soak.actors.push_back(a.name);
  return !soak.actors.empty();
}

// kgd's resident memory (KiB), threads and open descriptors at one moment.
struct Usage {
  size_t rssKib = 0, threads = 0, fds = 0;
};

Usage usageOf(const kg::testing::Kgd& kgd) {
  return {kg::testing::residentKib(kgd.pid()), kg::testing::threadCount(kgd.pid()), kg::testing::openFds(kgd.pid())};
}

// Runs the load and the abuse for `seconds`; kgd's usage sampled meanwhile.
std::vector<Usage> runLoad(Soak& soak, kg::testing::Kgd& kgd, int seconds,
                           const std::vector<std::vector<kg::core::IngestDocument>>& sets) {
  soak.end = Clock::now() + std::chrono::seconds(seconds);
  std::vector<std::thread> threads;
  const int clients = soak.race ? kRaceQueryClients : kQueryClients;
  for (int i = 0; i < clients; ++i) threads.emplace_back(queryClient, std::ref(soak), 1000u + i);
  threads.emplace_back(ingestClient, std::ref(soak), std::cref(sets));
  threads.emplace_back(abuser, std::ref(soak));
  std::vector<Usage> samples;
  while (Clock::now() < soak.end) {
    samples.push_back(usageOf(kgd));
    std::this_thread::sleep_for(kRssSampleEvery);
  }
  for (auto& t : threads) t.join();
  return samples;
}

nlohmann::json toJson(const Tally& t) { return nlohmann::json(t.counts()); }

void printTally(const char* what, const Tally& t) {
  std::printf("%-8s", what);
  for (const auto& [kind, n] : t.counts()) std::printf(" %s %llu;", kind.c_str(), static_cast<unsigned long long>(n));
  std::printf("\n");
  for (const auto& [kind, message] : t.examples()) std::printf("         e.g. %s: %s\n", kind.c_str(), message.c_str());
}

// The failures among the well-formed calls and the abuse (empty: none).
std::vector<std::string> failures(const Soak& soak) {
  std::vector<std::string> out;
  for (const auto* t : {&soak.calls, &soak.ingest})
    for (const auto& [kind, n] : t->counts())
      if (kind.find("IOError") != std::string::npos || kind == "Internal" || kind == "Corruption")
        out.push_back(std::to_string(n) + " call(s) ended in " + kind);
  for (const auto& [kind, n] : soak.abuse.counts())
    if (kind.find("LEFT OPEN") != std::string::npos) out.push_back(std::to_string(n) + " " + kind);
  if (soak.calls.counts().count("ok") == 0) out.push_back("no call was answered");
  return out;
}

struct Memory {
  Usage cold, before, after;
  std::vector<Usage> samples;  // during the run
  size_t peak(size_t Usage::*of) const {
    size_t most = 0;
    for (const Usage& u : samples) most = std::max(most, u.*of);
    return most;
  }
};

// Prints the run's numbers (and one JSON line); the exit status. `stopped`:
// kgd's exit status after SIGTERM (-1: it did not exit).
int report(const Soak& soak, double seconds, const Memory& m, bool up, int stopped, size_t rssGrowthMib) {
  uint64_t calls = 0;
  for (const auto& [kind, n] : soak.calls.counts()) calls += n;
  std::printf("kgd_soak%s: %d query clients, %.1f s: %llu calls (%.0f calls/s), %llu edge pages\n",
              soak.race ? " --race" : "", soak.race ? kRaceQueryClients : kQueryClients,
              seconds, static_cast<unsigned long long>(calls), static_cast<double>(calls) / seconds,
              static_cast<unsigned long long>(soak.pages.load()));
  printTally("calls", soak.calls);
  printTally("ingest", soak.ingest);
  printTally("abuse", soak.abuse);
  std::printf("kgd VmRSS: %zu MiB cold, %zu MiB warm (before), %zu MiB peak, %zu MiB after (bound: before + %zu "
              "MiB); every %lld ms:",
              mib(m.cold.rssKib), mib(m.before.rssKib), mib(m.peak(&Usage::rssKib)), mib(m.after.rssKib), rssGrowthMib,
              static_cast<long long>(kRssSampleEvery.count()));
  for (const Usage& u : m.samples) std::printf(" %zu", mib(u.rssKib));
  std::printf("\n");
  std::printf("kgd threads: %zu before, %zu peak, %zu after (bound: before + %zu); open descriptors: %zu before, "
              "%zu peak, %zu after (bound: before + %zu)\n",
              m.before.threads, m.peak(&Usage::threads), m.after.threads, kThreadGrowth, m.before.fds,
              m.peak(&Usage::fds), m.after.fds, kFdGrowth);
  std::vector<std::string> failed = failures(soak);
  if (!up) failed.push_back("kgd is not running or not answering after the run");
  if (up && stopped != 0)
    failed.push_back("kgd stopped by SIGTERM exited " + std::to_string(stopped) + " instead of 0 (its stderr says why)");
  if (mib(m.after.rssKib) > mib(m.before.rssKib) + rssGrowthMib)
    failed.push_back("kgd resident memory grew beyond the bound");
  if (m.after.threads > m.before.threads + kThreadGrowth)
    failed.push_back("kgd's thread count grew beyond the bound (a thread kept per connection or call?)");
  if (m.after.fds > m.before.fds + kFdGrowth)
    failed.push_back("kgd's open descriptors grew beyond the bound (a connection or file left open?)");
  const nlohmann::json result = {
      {"seconds", seconds},           {"calls", calls},          {"calls_per_second", calls / seconds},
      {"by_kind", toJson(soak.calls)}, {"ingest", toJson(soak.ingest)}, {"abuse", toJson(soak.abuse)},
      {"rss_kib_cold", m.cold.rssKib}, {"rss_kib_before", m.before.rssKib},
      {"rss_kib_peak", m.peak(&Usage::rssKib)}, {"rss_kib_after", m.after.rssKib},
      {"threads_before", m.before.threads}, {"threads_peak", m.peak(&Usage::threads)},
      {"threads_after", m.after.threads}, {"fds_before", m.before.fds}, {"fds_peak", m.peak(&Usage::fds)},
      {"fds_after", m.after.fds}, {"abuse_pause_ms", soak.abusePause.count()},
      {"race", soak.race},         {"kgd_exit", stopped},
      {"failures", failed}};
  std::printf("%s\n", result.dump().c_str());
  for (const auto& f : failed) std::printf("kgd_soak: FAILED: %s\n", f.c_str());
  return failed.empty() ? 0 : 1;
}

// "listening on ADDRESS" -> the soak's address and port; false when kgd did not start.
bool connectTo(kg::testing::Kgd& kgd, Soak* soak) {
  const std::string prefix = "listening on ";
  const std::string line = kgd.firstLine();
  if (line.rfind(prefix, 0) != 0) return false;
  soak->address = line.substr(prefix.size());
  soak->port = std::stoi(soak->address.substr(soak->address.rfind(':') + 1));
  return loadActors(*soak);
}

}  // namespace

int main(int argc, char** argv) {
  Args args;
  if (!parseArgs(argc, argv, &args))
    return std::fprintf(stderr, "usage: kgd_soak [--seconds S] [--rss-growth-mb M] [--race] [--abuse-pause-ms MS]\n"),
           2;
  const std::string seeds = KG_SEEDS_DIR;
  if (!std::filesystem::exists(seeds))
    return std::fprintf(stderr, "kgd_soak: %s is missing: put ../shared beside the repository\n", seeds.c_str()), 2;
  kg::testing::TempDir dir;
  if (!buildDatabase(dir.sub("kg.db"))) return 2;
  kg::testing::Kgd kgd({"--db", dir.sub("kg.db"), "--listen", "127.0.0.1:0", "--idle-timeout-ms",
                        std::to_string(kIdleTimeout.count()), "--read-timeout-ms", std::to_string(kReadTimeout.count())});
  Soak soak;
  soak.race = args.race;
  soak.abusePause = std::chrono::milliseconds(std::max(0L, args.abusePauseMs));
  if (!connectTo(kgd, &soak)) return std::fprintf(stderr, "kgd_soak: kgd did not start or lists no actors\n"), 2;
  const auto sets = std::vector{readDocuments(seeds), readDocuments(KG_CORPUS_DIR)};
  Memory memory;
  memory.cold = usageOf(kgd);
  if (!warmUp(soak, sets[1])) return std::fprintf(stderr, "kgd_soak: kgd did not answer the warm-up\n"), 2;
  memory.before = usageOf(kgd);
  soak.pages = 0;
  const auto start = Clock::now();
  memory.samples = runLoad(soak, kgd, args.seconds, sets);
  const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
  std::this_thread::sleep_for(kCloseMargin);  // abusive connections closed, work done
  const bool up = kgd.running() && loadActors(soak);
  memory.after = usageOf(kgd);
  const int stopped = up ? kgd.signalAndWait(SIGTERM) : -1;
  return report(soak, seconds, memory, up, stopped, args.rssGrowthMib);
}
