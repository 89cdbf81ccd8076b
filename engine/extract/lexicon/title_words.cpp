#include "extract/lexicon/title_words.h"

#include <utility>

namespace kg::extract {
namespace {

constexpr std::string_view kSetName = "leading_title_words";

}  // namespace

Result<WordSet> parseTitleWords(std::string_view text, std::string_view file) {
  auto sets = parseWordSets(text, file, {kSetName});
  if (!sets.isOk()) return sets.status();
  return std::move(sets.value().at(std::string(kSetName)));
}

const WordSet& titleWords() {
  static const Result<WordSet> words = parseTitleWords(titleWordsText(), "title_words.txt");
  return requireEmbedded(words);
}

}  // namespace kg::extract
