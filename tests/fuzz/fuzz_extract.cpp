// Text -> mentions -> actors and edges (English, Japanese, Arabic), with the
// project's default dictionaries and event coder, as `kg ingest` runs them.
#include <cstdlib>
#include <memory>

#include "extract/extractor.h"
#include "extract/text/reader.h"
#include "extract/text/page_segmenter.h"
#include "fuzz_input.h"

using namespace kg::extract;

namespace {

const Extractor& extractor() {
  static std::unique_ptr<Extractor> x = [] {
    auto r = Extractor::create(ExtractorOptions{});
    if (!r.isOk()) std::abort();
    return std::move(r).value();
  }();
  return *x;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > 64 * 1024) return 0;  // an article, not a book
  std::string_view text = kg::fuzz::asText(data, size);
  ArticleOptions options;
  options.defaultDate = kg::Date::day(2020, 1, 5);
  std::vector<ReadWarning> warnings;
  ReadStats stats;
  readBuffer("article.txt", std::string(text), [&](RawDocument&& doc) {
    for (const Article& a : toArticles(doc, options)) (void)extractor().extract(a);
  }, &warnings, &stats);
  return 0;
}
