// PETRARCH discard lists (format: PETRARCH docs_dictionaries.rst, "Discard
// List"; the real files are Phoenix.discards.txt and the validation
// PETR.Validate.discards.txt): phrases that mark a sentence (sports results,
// historical chronologies) or a whole story as not to be coded.
//
//   PHRASE        discard the sentence
//   +PHRASE       discard the whole story
// The phrase must start at a word start; '_' and blanks both stand for one
// blank; a phrase ending with '_' must end at a word end, otherwise its last
// word is a stem ("BASEBALL" matches "baseballs"). Case is ignored. A line
// that cannot be read is skipped and reported in `warnings` as
// "file:line: reason".
//
// Immutable after load: const members are safe from several threads.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace kg::extract {

enum class DiscardKind : uint8_t { kSentence, kStory };

struct DiscardPhrase {
  std::string text;    // upper case, single blanks between words, without flag or trailing '_'
  bool wholeWord = false;  // written with a trailing '_'
  DiscardKind kind = DiscardKind::kSentence;
  uint32_t line = 0;
};

struct DiscardMatch {
  uint32_t phrase = 0;  // index into DiscardList::phrases()
  DiscardKind kind = DiscardKind::kSentence;
  size_t offset = 0;    // byte offset of the match in the sentence
};

class DiscardList final {
 public:
  // NotFound when `path` cannot be opened; unreadable lines go to `warnings`
  // (may be null) as "path:line: reason".
  static Result<DiscardList> load(const std::string& path, std::vector<std::string>* warnings);
  static Result<DiscardList> parse(std::string_view text, std::string_view origin,
                                   std::vector<std::string>* warnings);

  // The first discard phrase found in `sentence` (any text; ASCII case and
  // runs of white space are ignored). A story-level phrase wins over a
  // sentence-level one found in the same sentence. nullopt when none.
  std::optional<DiscardMatch> find(std::string_view sentence) const;

  const std::vector<DiscardPhrase>& phrases() const { return phrases_; }

 private:
  friend class DiscardListParser;
  std::vector<DiscardPhrase> phrases_;
};

}  // namespace kg::extract
