// PETRARCH agent dictionaries (format: PETRARCH docs_dictionaries.rst, "Agent
// Dictionary"; the real files are Phoenix.agents.txt and the validation
// PETR.Validate.agents.txt): the generic roles ("minister", "rebels",
// "human rights body") that qualify an actor code.
//
//   !NAME! = A, B, C          a substitution set, usable inside later phrases
//   PHRASE {PLURALS} [~CODE]  an agent; '_' joins words that must be adjacent,
//                             a blank lets other words come between (at most
//                             `maxGap` of them when matching); a ',' is a word
//                             of its own
// Plurals: without {...} the regular plural of the last word is added (S; IES
// after a consonant + Y; ES after SS, X, CH, SH); not when the phrase ends with
// '_' or holds a substitution marker (whose items are used as written).
// {A_B C_D} lists the plurals instead; "{}" means none. "[~CODE]" is appended
// to the actor code (ISR + ~GOV -> ISRGOV), "[CODE~]" put before it (NGO~).
// A line that cannot be read is skipped and reported in `warnings` as
// "file:line: reason".
//
// Immutable after load: const members are safe from several threads.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "base/status.h"

namespace kg::extract {

// One written form of an agent: a phrase's plurals and each item of a
// substitution set are entries of their own (same code and line).
struct AgentEntry {
  std::vector<std::string> words;  // lower case
  std::vector<bool> gapBefore;     // gapBefore[i]: a blank (not '_') preceded words[i]; gapBefore[0] is false
  std::string code;                // without '~': "GOV", "NGO"
  bool prefix = false;             // "[NGO~]": the code goes before the actor code
  uint32_t line = 0;
};

struct AgentMatch {
  uint32_t entry = 0;  // index into AgentDictionary::entries()
  size_t begin = 0;    // first token matched
  size_t end = 0;      // one past the last token matched (gaps included)
};

class AgentDictionary final {
 public:
  // NotFound when `path` cannot be opened; unreadable lines go to `warnings`
  // (may be null) as "path:line: reason".
  static Result<AgentDictionary> load(const std::string& path, std::vector<std::string>* warnings);
  static Result<AgentDictionary> parse(std::string_view text, std::string_view origin,
                                       std::vector<std::string>* warnings);

  // The agent that starts at tokens[pos] and has the most words (ties: the
  // shortest span, then the earliest entry). `tokens` are lower-case words;
  // a blank in a phrase lets up to `maxGap` tokens come between its words.
  std::optional<AgentMatch> matchAt(std::span<const std::string> tokens, size_t pos, size_t maxGap = 2) const;

  const std::vector<AgentEntry>& entries() const { return entries_; }
  // Substitution sets by marker name (upper case, without '!').
  const std::unordered_map<std::string, std::vector<std::string>>& substitutions() const { return subs_; }

 private:
  friend class AgentDictionaryParser;
  std::vector<AgentEntry> entries_;
  std::unordered_map<std::string, std::vector<uint32_t>> byFirstWord_;  // first word -> entries
  std::unordered_map<std::string, std::vector<std::string>> subs_;
};

}  // namespace kg::extract
