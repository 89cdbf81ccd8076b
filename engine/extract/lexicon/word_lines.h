// The line format of the project's word tables (engine/extract/data/*_triggers.txt,
// *_words.txt): every content line is
//
//     HEAD ... : WORD WORD ...
//
// a fixed number of whitespace-separated head fields (what the words mean:
// a set name, or an edge type, a CAMEO code ...), a colon, then one or more
// whitespace-separated words. '_' inside a word stands for a space
// ("prime_minister"). '#' starts a comment; blank lines are ignored. Each file
// documents its head fields in its header comment.
//
// Pure functions; safe from any thread.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "base/status.h"

namespace kg::extract {

// One content line: its number (from 1), its head fields and its words.
struct WordLine {
  uint32_t line = 0;
  std::vector<std::string> head;
  std::vector<std::string> words;
};

// The content lines of `text`, each with exactly `headFields` head fields.
// InvalidArgument "FILE:LINE: what is wrong" (FILE is `file`) for a line
// without a colon, with another number of head fields, or without words.
Result<std::vector<WordLine>> parseWordLines(std::string_view text, std::string_view file, size_t headFields);

// InvalidArgument "FILE:LINE: what".
Status wordLineError(std::string_view file, uint32_t line, std::string_view what);

// A set of words that also keeps them in file order (for rules that try
// them in order). Not thread-safe to modify; const use is.
class WordSet {
 public:
  // Looks `word` up without copying it. An open-addressing table over the
  // words with a short-key hash: a miss (the common case: most words of a
  // sentence are in no set) costs one hash and usually one probe, with no
  // call into the library's hash or memcmp.
  bool contains(std::string_view word) const {
    if (slots_.empty()) return false;
    const uint32_t h = hashOf(word);
    for (size_t i = h & (slots_.size() - 1);; i = (i + 1) & (slots_.size() - 1)) {
      const Slot& s = slots_[i];
      if (s.index == 0) return false;
      if (s.hash == h && words_[s.index - 1] == word) return true;
    }
  }
  // The words in the order the file lists them.
  const std::vector<std::string>& words() const { return words_; }
  // Adds `word`; false (and nothing added) when it is already there.
  bool add(const std::string& word);

 private:
  struct Slot {
    uint32_t hash = 0;
    uint32_t index = 0;  // 1 + the word's index in words_; 0: empty
  };
  // FNV-1a: words are short.
  static uint32_t hashOf(std::string_view w) {
    uint32_t h = 2166136261u;
    for (char c : w) h = (h ^ static_cast<unsigned char>(c)) * 16777619u;
    return h;
  }
  void place(uint32_t index);  // puts words_[index - 1] into slots_

  std::vector<std::string> words_;
  std::vector<Slot> slots_;  // a power of two, at most half full
};

// Named word sets: lines "NAME: WORD ..." (one head field); a set may span
// several lines.
using WordSets = std::unordered_map<std::string, WordSet>;

// How a file's words are compared (Arabic: arabicNormalize); empty for as written.
using WordForm = std::function<std::string(std::string_view)>;

// The sets of `text`, each word as `form` gives it. Every name in `names`
// must have a line and every line must name one of them; a word may appear
// once in its set. InvalidArgument "FILE:LINE: ..." otherwise ("FILE: no
// line for set NAME" for a missing set).
Result<WordSets> parseWordSets(std::string_view text, std::string_view file,
                               const std::vector<std::string_view>& names, const WordForm& form = {});

// The sets of `text` moved into the WordSet members of a `Words` struct:
// `fields` pairs each set name with its member ({"modals", &Words::modals}).
// Errors as parseWordSets, whose names are the fields' names.
template <typename Words, size_t N>
Result<Words> parseWordSetFields(std::string_view text, std::string_view file,
                                 const std::pair<std::string_view, WordSet Words::*> (&fields)[N],
                                 const WordForm& form = {}) {
  std::vector<std::string_view> names;
  for (const auto& f : fields) names.push_back(f.first);
  auto sets = parseWordSets(text, file, names, form);
  if (!sets.isOk()) return sets.status();
  Words words;
  for (const auto& [name, member] : fields) words.*member = std::move(sets.value().at(std::string(name)));
  return words;
}

// Prints `s`'s message ("FILE:LINE: ...") to stderr and aborts.
[[noreturn]] void abortOnEmbeddedData(const Status& s);

// An embedded table is built into the program and checked by the tests: a
// malformed line is a defect of the build, not bad input. Returns the value
// of `r` (which must outlive the reference), or aborts through
// abortOnEmbeddedData at the first use of the table.
template <typename T>
const T& requireEmbedded(const Result<T>& r) {
  if (!r.isOk()) abortOnEmbeddedData(r.status());
  return r.value();
}

}  // namespace kg::extract
