// Bytes -> documents -> articles: format sniffing (text, HTML, JSON Lines),
// UTF-8 repair, normalisation, segmentation and sentence splitting.
#include "extract/text/reader.h"
#include "extract/text/page_segmenter.h"
#include "extract/text/sentences.h"
#include "fuzz_input.h"

using namespace kg::extract;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text = kg::fuzz::asText(data, size);
  // The name's extension chooses the format; "page" makes the reader sniff.
  static const char* kNames[] = {"page", "page.txt", "page.html", "page.jsonl"};
  const char* name = kNames[kg::fuzz::selector(&text) % 4];
  std::vector<ReadWarning> warnings;
  ReadStats stats;
  readBuffer(name, std::string(text), [&](RawDocument&& doc) {
    for (const Article& a : toArticles(doc, ArticleOptions{}))
      for (const Sentence& s : a.sentences)
        if (s.begin > s.end || s.end > a.text.size()) __builtin_trap();  // sentences are ranges of the text
  }, &warnings, &stats);
  return 0;
}
