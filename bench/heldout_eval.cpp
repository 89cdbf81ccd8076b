// heldout_eval: recall and precision of the current Extractor on the held-out
// paragraphs of tests/extract/heldout/ (written before the extraction rules
// were replaced; format in tests/extract/heldout/README.md).
//
// Prints a table per file (and with --verbose every miss, wrong edge, must-not
// violation, future/negated event coded as happened and wrong date), then one
// JSON line: {"bench":"heldout_eval","files":[...],"overall":{...}}.
// It is a measurement: exit 0 whatever the scores; 2 on unreadable input
// (the message names file:line).
//
// Usage: heldout_eval [--verbose] [FILE_OR_DIR ...]   (default: the held-out dir)
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <string>
#include <vector>

#include "extract/extractor.h"
#include "heldout/heldout_score.h"

namespace fs = std::filesystem;
using namespace kg::extract;

int main(int argc, char** argv) {
  bool verbose = false;
  std::vector<std::string> inputs;
  ExtractorOptions options;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--verbose") == 0 || std::strcmp(argv[i], "-v") == 0) {
      verbose = true;
    } else if (std::strcmp(argv[i], "--verbs") == 0 && i + 1 < argc) {
      options.verbFiles.push_back(argv[++i]);
    } else if (std::strcmp(argv[i], "--no-default-verbs") == 0) {
      options.loadDefaultEventDictionaries = false;
    } else if (std::strcmp(argv[i], "--events") == 0 && i + 1 < argc) {
      const std::string mode = argv[++i];
      options.englishEvents = mode == "rules" ? EnglishEvents::kRules
                              : mode == "coder" ? EnglishEvents::kCoder
                                                : EnglishEvents::kBoth;
    } else if (std::strcmp(argv[i], "--help") == 0 || std::strcmp(argv[i], "-h") == 0) {
      std::printf("usage: heldout_eval [--verbose] [--verbs FILE] [--no-default-verbs] [--events rules|coder|both] "
                  "[FILE_OR_DIR ...]  (default: %s)\n", KG_HELDOUT_DIR);
      return 0;
    } else {
      inputs.push_back(argv[i]);
    }
  }
  if (inputs.empty()) inputs.push_back(KG_HELDOUT_DIR);

  std::vector<std::string> files;
  for (const std::string& in : inputs) {
    if (fs::is_directory(in)) {
      auto listed = heldout::heldoutFiles(in);
      if (!listed.isOk()) {
        std::fprintf(stderr, "heldout_eval: %s\n", listed.status().message().c_str());
        return 2;
      }
      files.insert(files.end(), listed->begin(), listed->end());
    } else {
      files.push_back(in);
    }
  }

  auto created = Extractor::create(options);
  if (!created.isOk()) {
    std::fprintf(stderr, "heldout_eval: cannot build the extractor: %s\n", created.status().message().c_str());
    return 2;
  }
  const Extractor& extractor = *created.value();

  std::vector<heldout::FileScore> scores;
  for (const std::string& f : files) {
    auto docs = heldout::parseHeldoutFile(f);
    if (!docs.isOk()) {
      std::fprintf(stderr, "heldout_eval: %s\n", docs.status().message().c_str());
      return 2;
    }
    scores.push_back(heldout::scoreFile(extractor, fs::path(f).filename().string(), docs.value()));
  }

  if (verbose) {
    for (const auto& s : scores)
      for (const std::string& n : s.notes) std::printf("%s\n", n.c_str());
    std::printf("\n");
  }
  std::printf("%s", heldout::formatTable(scores).c_str());
  std::printf("recall/prec: all expected facts (events and standing relations); ev.rec/ev.prec: PLOVER events only;\n"
              "=!viol: must-not lines produced; fut/neg: future or negated events coded as happened; dates: right/checked\n");
  std::printf("%s\n", heldout::formatJson(scores).c_str());
  return 0;
}
