// The dictionaries the event coder reads, loaded once per extractor: the
// project's own verb dictionary (engine/extract/data/verbs.txt, embedded at
// build time) and agent dictionary (data/agents.txt), PETRARCH-format files
// given by the user (`kg ingest --verbs/--agents/--discards`), and the
// English lexicon of the shallow parser (WordNet).
//
// Thread safety: immutable after load(); share freely.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "extract/coding/english_events.h"
#include "extract/lexicon/agent_dictionary.h"
#include "extract/lexicon/discard_list.h"
#include "extract/lexicon/verb_dictionary.h"

namespace kg::extract {

struct EventLexiconOptions {
  bool loadDefaults = true;                // data/verbs.txt and data/agents.txt
  std::vector<std::string> verbFiles;      // CAMEO.2.0.txt format; consulted after ours
  std::vector<std::string> agentFiles;     // Phoenix.agents.txt format
  std::vector<std::string> discardFiles;   // Phoenix.discards.txt format
};

class EventLexicons final {
 public:
  // NotFound for a missing file or for WordNet (syntax::Lexicon::load); a
  // line that cannot be read is a warning "file:line: reason" appended to
  // `warnings` (may be null), never a silent skip. Reads WordNet once: build
  // one per extractor, not per article.
  static Result<std::unique_ptr<EventLexicons>> load(const EventLexiconOptions& options,
                                                     std::vector<std::string>* warnings);

  // Valid as long as these lexicons.
  const EnglishEventCoder& english() const { return *english_; }
  const std::vector<AgentDictionary>& agents() const { return agents_; }
  // True when a discard list names `sentence` (or its story, `story` set).
  bool discards(std::string_view sentence, bool* story) const;
  // The judgement the words `lowerWords` hold ("illegal", "a serious
  // mistake", "an important step"): true for blame (our verbs.txt &CENSURE),
  // false for praise (&COMMEND), nullopt for neither or both, and always
  // nullopt when the lexicons were loaded without our default dictionary
  // (EventLexiconOptions::loadDefaults off). A phrase of the synset matches
  // consecutive words (lower case). Thread-safe (reads only).
  std::optional<bool> judgement(const std::vector<std::string_view>& lowerWords) const;

 private:
  EventLexicons() = default;
  std::vector<std::unique_ptr<VerbDictionary>> verbs_;
  // Our verbs.txt's &CENSURE and &COMMEND (indexes into verbs_.front()'s
  // synsets), -1 when the defaults were not loaded.
  int64_t censure_ = -1, commend_ = -1;
  std::vector<AgentDictionary> agents_;
  std::vector<DiscardList> discards_;
  std::unique_ptr<EnglishEventCoder> english_;
};

// The embedded default dictionaries (data/verbs.txt, data/agents.txt).
std::string_view defaultVerbsText();
std::string_view defaultAgentsText();

}  // namespace kg::extract
