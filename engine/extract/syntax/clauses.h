// Clauses over chunks: subject, verb group, objects, prepositional phrases,
// passive agent, reported speech, relative and subordinate clauses. The last
// stage of the shallow parser and its entry point, parse().
//
// For the event coder: a clause's source is `subject` (or `agent` when the
// verb is passive, and then `subject` is the target), its targets are
// `objects` and the NPs of `pps`. The NP inside a PP is never a subject.
//
//   auto lexicon = Lexicon::load();     // once per process; NotFound without wordnet-base
//   TaggerCache cache;                  // one per thread
//   SentenceParse p = parse(**lexicon, sentenceText, sentenceOffset, &cache);
//   for (const Clause& c : p.clauses) { const VerbGroup& v = p.vgs[c.verb]; ... } Reported speech keeps the speaker apart:
// "X said Y would impose sanctions" gives a kReported clause (subject Y)
// whose `speaker` is X and whose `parent` is the "X said" clause.
//
// Measured on the PETRARCH unit-test Penn parses (tests/extract/syntax/
// syntax_gold_test.cpp): POS 97%, base NPs P 91% R 96%, main-clause verb 98%,
// subject head 94%, object head 92%. Known limits, all from having no full
// parse: PPs are never attached to nouns (only "of" is), so "the embassy in
// Baghdad, which ..." takes Baghdad as antecedent; a noun/verb-ambiguous word
// right after a noun ("his visit comes") may be read as a noun; objects of a
// gerund after a preposition go to complementObjects; questions, imperatives
// and verb-less headlines give no clause.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "extract/syntax/chunker.h"
#include "extract/syntax/pos_tagger.h"

namespace kg::extract::syntax {

enum class ClauseKind : uint8_t {
  kMain,
  kReported,     // complement of say/tell/announce/believe ...; or "..., X said."
  kRelative,     // "which/who ..." or a reduced passive "X killed in ...": subject = antecedent
  kSubordinate,  // after/before/when/because/if/while ... clause
  kParticipial,  // ", killing three soldiers": subject = the main clause's subject
  kCoordinated,  // "... and threatened B": second VG sharing the first one's subject
};

const char* clauseKindName(ClauseKind k);

struct Clause {
  ClauseKind kind = ClauseKind::kMain;
  int32_t subject = kNoIndex;      // NP index (a coordinated NP has members)
  bool subjectInherited = false;   // from an antecedent, main clause or first conjunct
  uint32_t verb = 0;               // VG index
  std::vector<uint32_t> objects;   // NP indexes of direct/indirect objects
  std::vector<uint32_t> pps;       // PP indexes after the verb, in order
  // Arguments of the verb's infinitival complement ("urged Iran to stop [the attacks]
  // [in Syria]": `objects` holds only "Iran") and of other dependent non-finite
  // verbs that head no clause of their own ("played a role in defending [X]").
  std::vector<uint32_t> complementObjects;
  std::vector<uint32_t> complementPps;
  int32_t agent = kNoIndex;        // NP of "by X" with a passive verb
  int32_t speaker = kNoIndex;      // kReported: who said it; also "according to X"
  int32_t parent = kNoIndex;       // enclosing clause index
  std::string subordinator;        // "that", "which", "after", "if", "" ...
};

// The parse of one sentence. Indexes in one struct refer to its vectors.
struct SentenceParse {
  std::string text;       // the sentence as given
  size_t offset = 0;      // its byte offset in the article
  std::vector<Word> words;
  std::vector<NounPhrase> nps;
  std::vector<PrepPhrase> pps;
  std::vector<VerbGroup> vgs;
  std::vector<Clause> clauses;  // in the order of their verbs
};

// Tags, chunks and finds clauses. Never fails: an unparsable stretch simply
// yields fewer clauses. Thread-safe for a shared lexicon.
// `cache` (optional, borrowed, one per thread) makes repeated words cheaper.
SentenceParse parse(const Lexicon& lexicon, std::string_view text, size_t offset, TaggerCache* cache = nullptr);

// Surface text of a phrase (bytes from its first to its last word).
std::string_view spanText(const SentenceParse& p, WordSpan span);

// True when phrase `np` says when, not who: "this month", "last week",
// "Monday" (a time noun alone or after a deictic word).
bool isTimePhrase(const SentenceParse& p, uint32_t np);

// The word clause `c` (of `p`) opens with: its own subject's first word when
// it has one written (not inherited), else its verb's first word.
size_t clauseFirstWord(const SentenceParse& p, const Clause& c);

// Debug text, one line for the bracketing and one per clause:
//   [NP The/DET army/NOUN] [VG{kill,pass,past} was/AUX killed/VERB] ...
//   clause main: S=NP0 "The army" V=VG0 kill O=[] PP=[in:NP1 "Syria"]
std::string toString(const SentenceParse& p);

}  // namespace kg::extract::syntax
