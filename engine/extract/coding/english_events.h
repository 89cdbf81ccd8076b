// The English event coder of the extraction pipeline: one sentence's text
// and mentions -> shallow parse (extract/syntax) -> which phrase names which
// actor (np_binding.h) -> CAMEO events (event_coder.h) -> Facts with their
// PLOVER type and mode from the one CAMEO->PLOVER table
// (lexicon/cameo_plover.h).
//
// Confidence: see the named constants in english_events.cpp.
//
// Thread safety: immutable after construction; code() may run concurrently.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string_view>
#include <vector>

#include "extract/coding/actor_codes.h"
#include "extract/coding/event_coder.h"
#include "extract/coding/pronouns.h"
#include "extract/lexicon/agent_dictionary.h"
#include "extract/actors/mentions.h"
#include "extract/relations/relations.h"
#include "extract/syntax/pos_tagger.h"

namespace kg::extract {

// The entity a demonym word names ("Iraqi" -> Iraq), given the word's byte
// offset in the article; nullopt when it is not a demonym.
using DemonymLookup = std::function<std::optional<size_t>(size_t wordBegin)>;


class EnglishEventCoder final {
 public:
  // Borrows `verbs` (consulted in order, see EventCoder) and `agents` (the
  // generic roles, "officials", "troops", that make a demonym before them
  // name its state: "Iraqi troops" -> Iraq); both must outlive the coder.
  EnglishEventCoder(std::shared_ptr<const syntax::Lexicon> lexicon, std::vector<const VerbDictionary*> verbs,
                    std::vector<const AgentDictionary*> agents);

  // The events of text[begin, end) (one sentence of an article) between the
  // entities of `mentions` (and of demonyms before an agent, via `demonym`,
  // which may be empty). Events whose CAMEO code has no PLOVER type
  // (statements, appeals without a request) are not returned.
  // `articleDate` resolves a date written inside a relative clause.
  // `denied` (may be null): entity pairs of negated or hypothetical clauses
  // (EventCoder::code), for combineFacts. `entityCode` (may be empty): an
  // entity's own CAMEO actor code, from which each Fact's srcCode/dstCode
  // are composed (actor_codes.h); without it they stay empty.
  // `discourse` (may be null; the caller's, one per article, sentences in
  // order): binds "he"/"him"/"she"/"her" to persons and a sentence-opening
  // "It"/"They" to the group the article was about (pronouns.h), and aims
  // criticism, praise or rejection of an act named without its author at
  // that act's author read before. On return it holds what this sentence
  // leaves for the next: `earlier` the persons it is about (when it names
  // any), `earlierGroup` the group it is about (or none), and `acts` gains
  // the done events it coded.
  std::vector<Fact> code(std::string_view text, size_t begin, size_t end, const std::vector<Mention>& mentions,
                         const DemonymLookup& demonym = {}, Date articleDate = {},
                         std::vector<std::pair<size_t, size_t>>* denied = nullptr,
                         const EntityCode& entityCode = {}, DiscourseState* discourse = nullptr) const;

 private:
  // Phrases named by the demonyms before their agent or owned head ("Iraqi
  // troops", "the Israeli strike"); several coordinated demonyms ("German
  // and French ministers") make the phrase a coordination of new one-word
  // member phrases appended to `parse`.
  // `isState` (may be empty): whether an entity is a state; with it the
  // demonym of a group on its fighters ("Houthi rebels") names the group.
  void bindDemonyms(syntax::SentenceParse* parse, const DemonymLookup& demonym, NpActors* actors,
                    const std::function<bool(size_t)>& isState = {}) const;
  // True when an agent of the agent dictionaries ("troops", "security
  // forces") starts at a word from `from` on and ends the phrase `span`.
  bool endsWithAgent(const syntax::SentenceParse& p, syntax::WordSpan span, size_t from) const;
  // The bare demonym members of coordination `k` whose last member is an
  // agent after a name ("Israeli and Hamas officials").
  void bindDemonymMembers(const syntax::SentenceParse& p, const DemonymLookup& demonym, size_t k,
                          NpActors* actors) const;

  std::shared_ptr<const syntax::Lexicon> lexicon_;
  EventCoder coder_;
  std::vector<const AgentDictionary*> agents_;
};

// How the English event coder and the older per-pattern relation rules
// (relations/relations.h) share an English sentence.
enum class EnglishEvents : uint8_t {
  kRules,   // the relation rules only (the coder is not run)
  kCoder,   // coder events; the rules only for standing relations
  kBoth,    // coder events, plus rule events between pairs the coder left alone
};

// True when most words of the sentence's tokens are in Latin script.
bool isLatinSentence(const std::vector<Token>& tokens);

// Combines the rules' facts with the coder's per `mode` (see EnglishEvents);
// rule events between a `denied` pair (either way) are dropped, and so is a
// coded cooperation event (CAMEO 050) of a pair the rules read a membership
// of ("Finland joined NATO": MEMBER_OF says it).
std::vector<Fact> combineFacts(std::vector<Fact> rules, std::vector<Fact> coded, EnglishEvents mode,
                               const std::vector<std::pair<size_t, size_t>>& denied = {});

}  // namespace kg::extract
