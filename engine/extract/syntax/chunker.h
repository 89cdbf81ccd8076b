// Chunks tagged words into noun phrases, prepositional phrases and verb
// groups: the second stage of the shallow parser (see pos_tagger.h).
// Deterministic, left to right, no backtracking. Stateless; thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "extract/syntax/pos_tagger.h"

namespace kg::extract::syntax {

inline constexpr int32_t kNoIndex = -1;

// Word indexes [first, last) into SentenceParse::words.
struct WordSpan {
  uint32_t first = 0;
  uint32_t last = 0;
};

// A noun phrase. Compound phrases are built from smaller ones and refer to
// them by index into Chunks::nps; a part's `parent` points back:
//   "Iraq's prime minister"     NP(head minister, possessor -> NP "Iraq")
//   "the leader of Hamas"        NP(head leader, ofNp -> NP "Hamas")
//   "Soleimani and al-Muhandis"  NP(members -> two NPs), head = last member's head
//   "Qais al-Khazali, the leader of AAH," second NP has appositionOf -> first
// Titles with names are one base phrase: "the Turkish President Recep Tayyip
// Erdogan", "Secretary of State Mike Pompeo" (head = last name word).
struct NounPhrase {
  WordSpan span;                     // all words, nested parts included
  uint32_t head = 0;                 // word index of the head noun
  int32_t possessor = kNoIndex;      // NP before 's
  int32_t ofNp = kNoIndex;           // NP after "of"
  int32_t appositionOf = kNoIndex;   // NP this one renames
  std::vector<uint32_t> members;     // coordinated members; empty if not coordinated
  int32_t parent = kNoIndex;         // enclosing NP, or kNoIndex for a top-level NP
  bool base = true;                  // no nested NPs (a chunk in the CoNLL sense)
};

// preposition + NP ("in Syria", "according to officials", "out of Syria").
struct PrepPhrase {
  WordSpan span;
  std::string prep;           // lower-case, multiword joined by ' ' ("according to")
  int32_t np = kNoIndex;      // object NP (top-level NP index)
};

enum class Voice : uint8_t { kActive, kPassive };
enum class Modality : uint8_t {
  kNone,
  kFuture,       // will, shall, going to, is to, plans to, is expected to
  kModal,        // could, may, might, would, should, must, can
  kConditional,  // in an if-clause (set by the clause finder)
  kAttempt,      // complement of threaten/vow/try/seek/attempt/pledge ...
};
enum class Tense : uint8_t { kPresent, kPast, kFuture };

const char* voiceName(Voice v);
const char* modalityName(Modality m);
const char* tenseName(Tense t);

// aux/modal/negation/adverbs + main verb (+ particle).
//   "did not attack"      lemma attack, negated, past
//   "was killed"          lemma kill, passive, past
//   "killed in a strike"  after a noun with no aux: reduced passive (set by clauses)
//   "agreed to cooperate" lemma agree, complement -> VG "cooperate"
//   "called on"           lemma call, particle "on"
struct VerbGroup {
  WordSpan span;
  uint32_t main = 0;              // word index of the main verb
  std::string lemma;              // main verb's base form
  std::string particle;           // "" or "on", "out of", "up" ...
  std::string modal;              // "" or the modal/future word ("would", "will", "going to")
  Voice voice = Voice::kActive;
  bool negated = false;
  bool reducedPassive = false;    // participle with no auxiliary after a noun
  Modality modality = Modality::kNone;
  Tense tense = Tense::kPresent;
  int32_t complement = kNoIndex;  // infinitival complement VG ("to cooperate")
  int32_t governor = kNoIndex;    // VG whose complement this is
  bool nonFinite = false;         // infinitive, gerund or bare participle
};

struct Chunks {
  std::vector<NounPhrase> nps;
  std::vector<PrepPhrase> pps;
  std::vector<VerbGroup> vgs;
};

// Verbs whose complement can be a clause of reported speech or cognition
// ("said", "believes", "warned", "denied"): the NP after them may be the
// subject of that clause. Shared by the chunker and the clause finder.
bool isReportingVerb(std::string_view lemma);

// True for a verb (lemma) that governs an -ing form right after it as its
// own act: aspectual ("kept targeting ships", "began shelling") or owning up
// to it ("admitted shooting down the airliner"). The tagger reads that -ing
// form as a verb, the chunker links it as the complement.
bool governsGerund(std::string_view lemma);
// Verbs whose participle before "to" or "by" ties a phrase to its owner
// ("sites linked to X", "depots used by Y"): a reduced relative clause.
// (The coder's owning_link_verbs, data/english_coder_words.txt, is the
// narrower list of links that make X the owner; syntax reads no coder data.)
bool linksToOwner(std::string_view lemma);

// Words of time a gerund may follow as an adjunct with the main clause's
// subject ("after meeting X", "before leaving Y", "upon arriving", "since
// taking office"; lower case). Shared by the chunker (no complement) and the
// clause finder (a clause of its own).
bool isTimePrepositionWord(std::string_view lower);

// Chunks `words` (from tagWords). Every word belongs to at most one base NP
// and one VG; NP indexes in the result are stable.
Chunks chunk(const std::vector<Word>& words);

}  // namespace kg::extract::syntax
