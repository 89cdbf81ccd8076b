// ingest_bench: end-to-end ingest throughput (read -> segment -> extract ->
// RocksDB) on the seed pages of ../shared/seeds, repeated to a corpus of at
// least --mb megabytes. Each copy is varied (a tag on every long line) so that
// every article has its own content hash and is really stored.
//
// Prints one JSON object per line:
//   {"bench":"ingest","stage":"front"...}   read + normalise + segment + sentences
//   {"bench":"ingest","stage":"extract"...} the above + extraction
//   {"bench":"ingest","stage":"full"...}    the above + one RocksDB batch per article
//   {"bench":"ingest","stage":"full_parallel"...}  the same with parallel extraction
//   {"bench":"ingest","peer":"PETRARCH2"...} a published reference, NOT measured here
// mb_per_s is bytes of input / wall time; mb_per_s_per_core is bytes / CPU
// time of this process (all its threads, RocksDB's background work included).
//
// Usage: ingest_bench [--seeds DIR] [--mb N] [--keep DIR]
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "core/engine.h"
#include "core/ingest.h"
#include "extract/extractor.h"
#include "extract/text/reader.h"
#include "extract/text/page_segmenter.h"

namespace fs = std::filesystem;

namespace {

double cpuSeconds() {
  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  return static_cast<double>(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) +
         static_cast<double>(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;
}

struct Clock {
  std::chrono::steady_clock::time_point wall = std::chrono::steady_clock::now();
  double cpu = cpuSeconds();
  double wallSeconds() const { return std::chrono::duration<double>(std::chrono::steady_clock::now() - wall).count(); }
  double cpuUsed() const { return cpuSeconds() - cpu; }
};

double threadCpuSeconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) / 1e9;
}

// Forwards to the real extractor and accounts the CPU time spent in it, so
// that the full stage can say how much of its time was extraction.
class TimedExtractor final : public kg::extract::Extractor {
 public:
  explicit TimedExtractor(kg::extract::Extractor& inner) : inner_(inner) {}
  void addKnownActor(const kg::Actor& actor) override { inner_.addKnownActor(actor); }
  void setArticleActors(const std::vector<kg::Actor>& actors) override { inner_.setArticleActors(actors); }
  const std::vector<std::string>& dictionaryKeys() const override { return inner_.dictionaryKeys(); }
  const std::vector<std::string>& warnings() const override { return inner_.warnings(); }
  kg::extract::Extraction extract(const kg::extract::Article& article) const override {
    const double t0 = threadCpuSeconds();
    kg::extract::Extraction x = inner_.extract(article);
    seconds_ += threadCpuSeconds() - t0;
    return x;
  }
  kg::extract::Extraction extractTokenized(const kg::extract::Article& article,
                                           std::vector<kg::extract::Token> tokens) const override {
    const double t0 = threadCpuSeconds();
    kg::extract::Extraction x = inner_.extractTokenized(article, std::move(tokens));
    seconds_ += threadCpuSeconds() - t0;
    return x;
  }
  double seconds() const { return seconds_; }

 private:
  kg::extract::Extractor& inner_;
  mutable double seconds_ = 0;  // single-threaded use
};

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Copy `k` of a page: every line longer than 80 bytes gets " (k)" appended,
// which changes each article's text (and hash) but none of the page's
// structure (short lines: buttons, date lines and headings stay as they are).
std::string vary(const std::string& page, size_t k) {
  std::string out;
  out.reserve(page.size() + page.size() / 40);
  const std::string tag = " (" + std::to_string(k) + ")";
  size_t pos = 0;
  while (pos < page.size()) {
    size_t nl = page.find('\n', pos);
    if (nl == std::string::npos) nl = page.size();
    out.append(page, pos, nl - pos);
    if (nl - pos > 80) out += tag;
    if (nl < page.size()) out += '\n';
    pos = nl + 1;
  }
  return out;
}

void report(const char* stage, uint64_t bytes, uint64_t articles, const Clock& c, const char* extra = "",
            size_t threads = 1) {
  const double wall = c.wallSeconds(), cpu = c.cpuUsed();
  const double mb = static_cast<double>(bytes) / 1e6;
  std::printf(
      "{\"bench\":\"ingest\",\"stage\":\"%s\",\"bytes\":%llu,\"articles\":%llu,\"seconds\":%.3f,"
      "\"cpu_seconds\":%.3f,\"mb_per_s\":%.2f,\"mb_per_s_per_core\":%.2f,\"threads\":%zu%s}\n",
      stage, static_cast<unsigned long long>(bytes), static_cast<unsigned long long>(articles), wall, cpu, mb / wall,
      cpu > 0 ? mb / cpu : 0.0, threads, extra);
  std::fflush(stdout);
}

}  // namespace

int main(int argc, char** argv) {
  std::string seeds = KG_SEEDS_DIR;
  double targetMb = 20;
  std::string keep;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--seeds" && i + 1 < argc)
      seeds = argv[++i];
    else if (a == "--mb" && i + 1 < argc)
      targetMb = std::atof(argv[++i]);
    else if (a == "--keep" && i + 1 < argc)
      keep = argv[++i];
    else {
      std::fprintf(stderr, "usage: ingest_bench [--seeds DIR] [--mb N] [--keep DIR]\n");
      return 2;
    }
  }

  std::vector<std::pair<std::string, std::string>> pages;  // name, text
  for (const auto& e : fs::directory_iterator(seeds))
    if (e.is_regular_file()) pages.emplace_back(e.path().filename().string(), slurp(e.path()));
  std::sort(pages.begin(), pages.end());
  if (pages.empty()) {
    std::fprintf(stderr, "ingest_bench: no seed pages in %s\n", seeds.c_str());
    return 1;
  }

  std::random_device rd;
  const fs::path work =
      keep.empty() ? fs::temp_directory_path() / ("kg-ingest-bench-" + std::to_string(rd())) : fs::path(keep);
  fs::create_directories(work / "in");
  uint64_t bytes = 0;
  size_t copies = 0;
  while (static_cast<double>(bytes) < targetMb * 1e6) {
    for (const auto& [name, text] : pages) {
      const std::string v = vary(text, copies);
      std::ofstream(work / "in" / (std::to_string(copies) + "_" + name), std::ios::binary) << v;
      bytes += v.size();
    }
    ++copies;
  }
  std::fprintf(stderr, "ingest_bench: %zu copies of %zu seed pages, %.1f MB in %s\n", copies, pages.size(),
               static_cast<double>(bytes) / 1e6, (work / "in").c_str());

  const std::vector<std::string> inputs = {(work / "in").string()};
  auto extractor = kg::extract::Extractor::create({});
  if (!extractor) {
    std::fprintf(stderr, "ingest_bench: %s\n", extractor.status().toString().c_str());
    return 1;
  }

  {  // Stage 1: read + normalise + segment + sentences.
    std::vector<kg::extract::ReadWarning> warnings;
    uint64_t articles = 0, inBytes = 0;
    Clock c;
    inBytes =
        kg::extract::readInputs(
            inputs, [&](kg::extract::RawDocument&& d) { articles += kg::extract::toArticles(d, {}).size(); }, &warnings)
            .bytes;
    report("front", inBytes, articles, c);
  }
  {  // Stage 2: + extraction (no storage).
    std::vector<kg::extract::ReadWarning> warnings;
    uint64_t articles = 0, edges = 0;
    Clock c;
    const uint64_t inBytes = kg::extract::readInputs(
                                 inputs,
                                 [&](kg::extract::RawDocument&& d) {
                                   for (const auto& a : kg::extract::toArticles(d, {})) {
                                     edges += (*extractor)->extract(a).edges.size();
                                     ++articles;
                                   }
                                 },
                                 &warnings)
                                 .bytes;
    report("extract", inBytes, articles, c, (",\"edges\":" + std::to_string(edges)).c_str());
  }
  {  // Stage 3: the whole pipeline into a fresh RocksDB database.
    auto fresh = kg::extract::Extractor::create({});
    auto engine = kg::core::Engine::open((work / "db").string(), {});
    if (!engine || !fresh) {
      std::fprintf(stderr, "ingest_bench: cannot open %s\n", (work / "db").c_str());
      return 1;
    }
    TimedExtractor timed(**fresh);
    auto ingestor = kg::core::Ingestor::create(**engine, timed, {});
    if (!ingestor) return 1;
    Clock c;
    const kg::Status st = (*ingestor)->ingestPaths(inputs);
    const auto& s = (*ingestor)->summary();
    if (!st.isOk()) std::fprintf(stderr, "ingest_bench: %s\n", st.toString().c_str());
    const std::string extra =
        ",\"stored\":" + std::to_string(s.articlesStored) + ",\"skipped\":" + std::to_string(s.articlesSkipped) +
        ",\"actors\":" + std::to_string(s.actorsNew) + ",\"edges\":" + std::to_string(s.edgesNew) +
        ",\"evidence\":" + std::to_string(s.evidenceNew) +
        ",\"extract_cpu_seconds\":" + std::to_string(timed.seconds());
    report("full", s.bytes, s.articles, c, extra.c_str());
  }
  const size_t threads = std::max(2u, std::thread::hardware_concurrency());
  {  // Stage 4: the whole pipeline with parallel extraction (IngestOptions::threads).
    auto fresh = kg::extract::Extractor::create({});
    auto engine = kg::core::Engine::open((work / "db-parallel").string(), {});
    if (!engine || !fresh) return 1;
    kg::core::IngestOptions options;
    options.threads = threads;
    auto ingestor = kg::core::Ingestor::create(**engine, **fresh, options);
    if (!ingestor) return 1;
    Clock c;
    const kg::Status st = (*ingestor)->ingestPaths(inputs);
    const auto& s = (*ingestor)->summary();
    if (!st.isOk()) std::fprintf(stderr, "ingest_bench: %s\n", st.toString().c_str());
    const std::string extra = ",\"stored\":" + std::to_string(s.articlesStored) +
                              ",\"actors\":" + std::to_string(s.actorsNew) + ",\"edges\":" + std::to_string(s.edgesNew);
    report("full_parallel", s.bytes, s.articles, c, extra.c_str(), threads);
  }
  std::printf(
      "{\"bench\":\"ingest\",\"peer\":\"PETRARCH2\",\"mb_per_s_per_core\":0.2,\"measured\":false,"
      "\"note\":\"published reference figure for PETRARCH2 (Python); not runnable here, not measured in this run\"}\n");
  std::printf("{\"bench\":\"ingest\",\"target_mb_per_s_per_core\":2.0}\n");  // the event-coding issue's floor
  if (keep.empty()) fs::remove_all(work);
  return 0;
}
