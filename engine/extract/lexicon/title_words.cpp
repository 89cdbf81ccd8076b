#include "extract/lexicon/title_words.h"

#include <utility>

namespace kg::extract {
namespace {

constexpr std::string_view kSetName = "leading_title_words";
constexpr std::string_view kOpenersName = "subordinate_title_openers";

}  // namespace

Result<WordSet> parseTitleWords(std::string_view text, std::string_view file) {
  auto sets = parseWordSets(text, file, {kSetName, kOpenersName});
  if (!sets.isOk()) return sets.status();
  return std::move(sets.value().at(std::string(kSetName)));
}

const WordSet& titleWords() {
  static const Result<WordSet> words = parseTitleWords(titleWordsText(), "title_words.txt");
  return requireEmbedded(words);
}

const WordSet& subordinateTitleOpeners() {
  static const Result<WordSet> words = [] () -> Result<WordSet> {
    auto sets = parseWordSets(titleWordsText(), "title_words.txt", {kSetName, kOpenersName});
    if (!sets.isOk()) return sets.status();
    return std::move(sets.value().at(std::string(kOpenersName)));
  }();
  return requireEmbedded(words);
}

bool isSubordinateTitleOpener(std::string_view word) { return subordinateTitleOpeners().contains(word); }

}  // namespace kg::extract
