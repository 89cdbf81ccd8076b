#include "extract/lexicon/word_lines.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>

#include "extract/lexicon/dictionary_lines.h"

namespace kg::extract {
namespace {

// The written form of a word: '_' stands for a space.
constexpr char kSpaceMark = '_';
constexpr char kHeadEnd = ':';

// The blank-separated fields of `s`.
std::vector<std::string> splitFields(std::string_view s) {
  std::vector<std::string> out;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && isDictionaryBlank(s[i])) ++i;
    size_t end = i;
    while (end < s.size() && !isDictionaryBlank(s[end])) ++end;
    if (end > i) out.emplace_back(s.substr(i, end - i));
    i = end;
  }
  return out;
}

Status parseLine(std::string_view content, uint32_t lineNo, std::string_view file, size_t headFields,
                 std::vector<WordLine>* out) {
  const size_t colon = content.find(kHeadEnd);
  if (colon == std::string_view::npos)
    return wordLineError(file, lineNo, "no ':' between the head and the words in '" + std::string(content) + "'");
  WordLine line{lineNo, splitFields(content.substr(0, colon)), splitFields(content.substr(colon + 1))};
  if (line.head.size() != headFields)
    return wordLineError(file, lineNo, "expected " + std::to_string(headFields) + " field(s) before ':', found " +
                                           std::to_string(line.head.size()) + " in '" + std::string(content) + "'");
  if (line.words.empty()) return wordLineError(file, lineNo, "no words after ':' in '" + std::string(content) + "'");
  for (auto& w : line.words) std::replace(w.begin(), w.end(), kSpaceMark, ' ');
  out->push_back(std::move(line));
  return Status::ok();
}

}  // namespace

Status wordLineError(std::string_view file, uint32_t line, std::string_view what) {
  return Status::invalidArgument(std::string(file) + ":" + std::to_string(line) + ": " + std::string(what));
}

Result<std::vector<WordLine>> parseWordLines(std::string_view text, std::string_view file, size_t headFields) {
  std::vector<WordLine> lines;
  Status status;
  const uint32_t openComment = forEachContentLine(text, [&](uint32_t lineNo, std::string_view content) {
    if (status.isOk()) status = parseLine(content, lineNo, file, headFields, &lines);
  });
  if (!status.isOk()) return status;
  if (openComment != 0) return wordLineError(file, openComment, "a '<!--' comment is never closed");
  return lines;
}

bool WordSet::add(const std::string& word) {
  if (contains(word)) return false;
  words_.push_back(word);
  if (2 * words_.size() > slots_.size()) {
    size_t size = 16;
    while (size < 4 * words_.size()) size *= 2;
    slots_.assign(size, Slot{});
    for (size_t i = 1; i <= words_.size(); ++i) place(static_cast<uint32_t>(i));
  } else {
    place(static_cast<uint32_t>(words_.size()));
  }
  return true;
}

void WordSet::place(uint32_t index) {
  const uint32_t h = hashOf(words_[index - 1]);
  size_t i = h & (slots_.size() - 1);
  while (slots_[i].index != 0) i = (i + 1) & (slots_.size() - 1);
  slots_[i] = Slot{h, index};
}

Result<WordSets> parseWordSets(std::string_view text, std::string_view file,
                               const std::vector<std::string_view>& names, const WordForm& form) {
  auto lines = parseWordLines(text, file, 1);
  if (!lines.isOk()) return lines.status();
  WordSets sets;
  for (const auto& line : lines.value()) {
    const std::string& name = line.head.front();
    if (std::find(names.begin(), names.end(), name) == names.end())
      return wordLineError(file, line.line, "unknown set '" + name + "'");
    WordSet& set = sets[name];
    for (const auto& written : line.words) {
      const std::string w = form ? form(written) : written;
      if (!set.add(w)) return wordLineError(file, line.line, "'" + w + "' is already in set " + name);
    }
  }
  for (std::string_view name : names)
    if (!sets.count(std::string(name)))
      return Status::invalidArgument(std::string(file) + ": no line for set " + std::string(name));
  return sets;
}

void abortOnEmbeddedData(const Status& s) {
  std::fprintf(stderr, "embedded data file: %s\n", s.message().c_str());
  std::abort();
}

}  // namespace kg::extract
