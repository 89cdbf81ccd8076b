// Codes PETRARCH2's unit-test records from raw text with the validation
// dictionaries and reports exact, root-code, missed and spurious events per
// category (tests/extract/petrarch_suite/petrarch_suite.h). A measurement:
// exits 0 unless the suite cannot be read.
//   petrarch_eval [VALIDATION_DIR] [--verbose]
#include <cstdio>
#include <cstring>
#include <string>

#include "petrarch_suite/petrarch_suite.h"

namespace {

void row(const char* name, const kg::testing::SuiteCounts& c) {
  auto pct = [](size_t a, size_t b) { return b ? 100.0 * static_cast<double>(a) / static_cast<double>(b) : 0.0; };
  std::printf("%-12s %4zu %5zu %5zu %5.1f%% %5zu %5.1f%% %5zu %5zu %5zu %5.1f%%\n", name, c.records, c.expected,
              c.exact, pct(c.exact, c.expected), c.root, pct(c.root, c.expected), c.missed, c.produced, c.spurious,
              pct(c.recordsWithSpurious, c.records));
}

}  // namespace

int main(int argc, char** argv) {
  std::string dir = std::string(KG_PETRARCH_DIR) + "/validation";
  bool verbose = false;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--verbose") == 0) verbose = true;
    else dir = argv[i];
  }
  auto report = kg::testing::runPetrarchSuite(dir);
  if (!report) {
    std::fprintf(stderr, "petrarch_eval: %s\n", report.status().toString().c_str());
    return 1;
  }
  if (verbose) {
    for (const auto& r : report->records) {
      std::printf("%s [%s] %s\n", r.id.c_str(), r.category.c_str(), r.text.c_str());
      for (const auto& e : r.expected) std::printf("   expect %s %s %s\n", e.source.c_str(), e.target.c_str(), e.code.c_str());
      for (const auto& e : r.produced) std::printf("   coded  %s %s %s\n", e.source.c_str(), e.target.c_str(), e.code.c_str());
      std::printf("%s\n", r.trace.c_str());
    }
  }
  std::printf("%-12s %4s %5s %5s %6s %5s %6s %5s %5s %5s %6s\n", "category", "recs", "expct", "exact", "%", "root",
              "%", "miss", "prod", "spur", "recs%");
  for (const auto& [cat, c] : report->byCategory) row(cat.c_str(), c);
  row("TOTAL", report->total);
  const auto& t = report->total;
  std::printf("{\"records\":%zu,\"expected\":%zu,\"exact\":%zu,\"root\":%zu,\"missed\":%zu,\"produced\":%zu,"
              "\"spurious\":%zu,\"records_with_spurious\":%zu,\"dictionary_warnings\":%zu}\n",
              t.records, t.expected, t.exact, t.root, t.missed, t.produced, t.spurious, t.recordsWithSpurious,
              report->warnings.size());
  return 0;
}
