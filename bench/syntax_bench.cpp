// syntax_bench: throughput of the English shallow parser (extract/syntax) on
// the English sentences of the seed pages in ../shared/seeds, repeated until
// at least --mb megabytes have been parsed.
//
// Prints one JSON object per line:
//   {"bench":"syntax","stage":"split",...}  sentence splitting alone (the peer)
//   {"bench":"syntax","stage":"tag",...}    tagging (with a TaggerCache)
//   {"bench":"syntax","stage":"parse_nocache",...}  tagging + chunks + clauses, no TaggerCache
//   {"bench":"syntax","stage":"parse",...}  the same with a TaggerCache (the intended use)
// mb_per_s is bytes of normalised text / CPU time of this thread.
//
// Usage: syntax_bench [--seeds DIR] [--mb N]
//        syntax_bench --print "SENTENCE"   (prints the sentence's parse, syntax::toString; for rule work)
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "extract/text/normalizer.h"
#include "extract/text/sentences.h"
#include "extract/syntax/clauses.h"

namespace fs = std::filesystem;
using namespace kg::extract;

namespace {

double threadCpuSeconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) / 1e9;
}

// Lines that are mostly ASCII letters: the English part of the bilingual seeds.
std::string englishText(const std::string& raw) {
  std::string norm = normalizeText(raw);
  std::istringstream in(norm);
  std::string out, line;
  while (std::getline(in, line)) {
    size_t ascii = 0;
    for (char c : line) ascii += static_cast<unsigned char>(c) < 0x80;
    if (line.size() > 20 && ascii * 10 > line.size() * 9) out += line + "\n";
  }
  return out;
}

template <typename F>
void measure(const char* stage, const std::string& text, double mb, F&& perSentence) {
  size_t bytes = 0, sentences = 0, sink = 0;
  double start = threadCpuSeconds();
  std::vector<Sentence> split = splitSentences(text);
  while (static_cast<double>(bytes) < mb * 1e6) {
    if (std::string_view(stage) == "split") split = splitSentences(text);  // the peer re-splits every round
    for (const Sentence& s : split) {
      sink += perSentence(std::string_view(text).substr(s.begin, s.end - s.begin), s.begin);
      ++sentences;
    }
    bytes += text.size();
  }
  double cpu = threadCpuSeconds() - start;
  std::printf("{\"bench\":\"syntax\",\"stage\":\"%s\",\"bytes\":%zu,\"sentences\":%zu,\"cpu_s\":%.3f,"
              "\"mb_per_s\":%.2f,\"sink\":%zu}\n",
              stage, bytes, sentences, cpu, static_cast<double>(bytes) / 1e6 / cpu, sink);
}

}  // namespace

int main(int argc, char** argv) {
  std::string seeds = KG_SEEDS_DIR;
  double mb = 20;
  const char* print = nullptr;
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string a = argv[i];
    if (a == "--seeds") seeds = argv[i + 1];
    if (a == "--mb") mb = std::atof(argv[i + 1]);
    if (a == "--print") print = argv[i + 1];
  }
  if (print != nullptr) {
    auto lexicon = syntax::Lexicon::load();
    if (!lexicon) {
      std::fprintf(stderr, "%s\n", lexicon.status().toString().c_str());
      return 1;
    }
    std::printf("%s\n", syntax::toString(syntax::parse(**lexicon, print, 0)).c_str());
    return 0;
  }
  std::string text;
  for (const auto& entry : fs::directory_iterator(seeds)) {
    std::ifstream in(entry.path());
    std::stringstream ss;
    ss << in.rdbuf();
    text += englishText(ss.str());
  }
  if (text.empty()) {
    std::fprintf(stderr, "no English text under %s\n", seeds.c_str());
    return 1;
  }
  auto lexicon = syntax::Lexicon::load();
  if (!lexicon) {
    std::fprintf(stderr, "%s\n", lexicon.status().toString().c_str());
    return 1;
  }
  const syntax::Lexicon& lex = **lexicon;
  syntax::TaggerCache cache;
  measure("split", text, mb, [](std::string_view s, size_t) { return s.size(); });
  measure("tag", text, mb, [&](std::string_view s, size_t off) { return syntax::tagWords(lex, s, off, &cache).size(); });
  measure("parse_nocache", text, mb, [&](std::string_view s, size_t off) { return syntax::parse(lex, s, off).clauses.size(); });
  measure("parse", text, mb, [&](std::string_view s, size_t off) { return syntax::parse(lex, s, off, &cache).clauses.size(); });
  return 0;
}
