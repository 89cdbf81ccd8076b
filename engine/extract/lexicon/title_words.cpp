#include "extract/lexicon/title_words.h"

#include <utility>

namespace kg::extract {
namespace {

constexpr std::string_view kSetName = "leading_title_words";
constexpr std::string_view kOpenersName = "subordinate_title_openers";
constexpr std::string_view kServiceName = "state_service_titles";

// One set of the embedded file.
Result<WordSet> embeddedSet(std::string_view name) {
  auto sets = parseWordSets(titleWordsText(), "title_words.txt", {kSetName, kOpenersName, kServiceName});
  if (!sets.isOk()) return sets.status();
  return std::move(sets.value().at(std::string(name)));
}

}  // namespace

Result<WordSet> parseTitleWords(std::string_view text, std::string_view file) {
  auto sets = parseWordSets(text, file, {kSetName, kOpenersName, kServiceName});
  if (!sets.isOk()) return sets.status();
  return std::move(sets.value().at(std::string(kSetName)));
}

const WordSet& titleWords() {
  static const Result<WordSet> words = parseTitleWords(titleWordsText(), "title_words.txt");
  return requireEmbedded(words);
}

const WordSet& subordinateTitleOpeners() {
  static const Result<WordSet> words = embeddedSet(kOpenersName);
  return requireEmbedded(words);
}

const WordSet& stateServiceTitles() {
  static const Result<WordSet> words = embeddedSet(kServiceName);
  return requireEmbedded(words);
}

bool isSubordinateTitleOpener(std::string_view word) { return subordinateTitleOpeners().contains(word); }

}  // namespace kg::extract
