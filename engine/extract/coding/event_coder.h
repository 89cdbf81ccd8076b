// EventCoder: CAMEO events from the clauses of one parsed English sentence,
// the way TABARI and PETRARCH2 code them — a verb dictionary's patterns
// matched over sentence structure — but over our shallow parse
// (extract/syntax) instead of a treebank parse.
//
// For each clause, the main verb's forms are looked up in the verb
// dictionaries (ours, engine/extract/data/verbs.txt, and any PETRARCH
// CAMEO.2.0-format file given with `kg ingest --verbs`). Each pattern of the
// verb's family is matched: its words before '*' against the clause's words
// before the verb (auxiliaries and negation included), its words after '*'
// against the words after it, as written (a synset brings its plurals) (other
// words may come between unless the pattern joins them with '_'), a '+' slot
// against a noun phrase that names an actor (the target), a '$' slot likewise
// (the source), a '%' slot a coordination whose members act on each other
// (before the verb) or that the subject acts on (after it). The pattern with
// the most elements wins; with none, the
// verb's own code applies with the default roles: source = the subject (the
// "by" agent of a passive), target = the first object naming an actor, else
// the first prepositional object after a preposition of address ("with",
// "against", "on", "at", "to", ...). Places inside "in/near/across ..."
// phrases are never targets by default. A passive with no agent takes its
// source from an attack noun in a prepositional phrase ("killed in a US
// drone strike").
//
// Which noun phrase names which actor is the caller's business (NpActors):
// the coder sees only entity numbers.
//
// Negated verb groups code nothing, nor does the complement of a verb that
// says it did not happen ("declined / refused / failed to strike"). Future,
// modal, conditional and attempted events (will/could/if/threatened to ...)
// are coded with `planned` set, and so is a present tense after a time word
// in a clause about the future ("to be announced after X meets Y"); "would
// later / eventually" tells a narrative's past and is done. A demand (10)
// whose object is an act ("ordered a US bombing raid") codes nothing: the
// act's owner is no addressee ("ordered strikes on X" codes the strike).
// Planned and done reports of one event never merge in storage
// (storage/merge_rule.h sameStatus).
//
// Thread safety: immutable after construction; code() is const and may run
// concurrently. The dictionaries must outlive the coder.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "extract/lexicon/verb_dictionary.h"
#include "extract/syntax/clauses.h"

namespace kg::extract {

// npActors[i]: the entities noun phrase i of the parse names (empty when
// none): first the phrase's actor, then its owners ("Gondor's Prime Minister
// Falastur": Falastur, then Gondor), which the coder never makes parties of
// an event but a caller may use to qualify the actor. Coordinated phrases
// need no entry of their own: the coder takes the union of their members.
using NpActors = std::vector<std::vector<size_t>>;

struct CodedEvent {
  size_t source = 0;  // caller's entity numbers
  size_t target = 0;
  std::string code;   // CAMEO code from the dictionary
  uint32_t clause = 0;
  int32_t sourceNp = syntax::kNoIndex;  // the phrase naming `source` (a member of a coordination)
  int32_t targetNp = syntax::kNoIndex;
  bool planned = false;   // future, modal, conditional or attempted: not (yet) happened
  bool statedNow = false;  // done by being said, whatever the verb's tense ("will not support X": a refusal now)
  bool reported = false;  // inside reported speech
  bool byPattern = false; // a pattern matched (else the verb's default code)
  uint32_t dictionaryLine = 0;  // the pattern's or verb's line, for tracing
};

// True for CAMEO 18 (assault), 19 (fight) and 20 (mass violence): an attack.
bool isAttackCode(std::string_view cameo);

// An event an earlier sentence of the article coded as done: its source
// (caller's entity number), CAMEO code and the sentence it was read in.
struct EarlierAct {
  size_t source = 0;
  std::string code;
  size_t sentence = 0;
  size_t target = 0;
};

// An act an earlier sentence told with an actor as its doer, coded or not
// ("China announced military drills around Taiwan"): its doers (caller's
// entity numbers), the sentence, the lemmas of the heads of its objects
// and of its complement's objects ("drill"), and the lemmas of its verb and
// of the verbs of its complements ("announce": "the announcement").
struct ToldAct {
  std::vector<size_t> sources;
  size_t sentence = 0;
  uint32_t clause = 0;  // its clause in that sentence
  std::vector<std::string> objectHeads;
  std::vector<std::string> verbs;
};

struct EarlierActs {
  std::vector<EarlierAct> done;
  std::vector<ToldAct> told;  // rememberToldActs
  size_t sentence = 0;
  std::function<bool(size_t, size_t)> sameSide;
};

// True when verb group `vg` calls something off: its lemma is a cancel verb
// (cancel_verbs in data/english_coder_words.txt: "cancelled", "postponed")
// or it is "call off". Pure; safe from any thread.
bool callsOff(const syntax::VerbGroup& vg);

// Appends to `acts->told` the acts clauses of `p` tell with an actor as
// their doer (not negated, hypothetical or called off), read in `sentence`:
// a later "condemned the drills" whose act no sentence coded is aimed at
// their doer (EventCoder::code).
void rememberToldActs(const syntax::SentenceParse& p, const NpActors& npActors, size_t sentence, EarlierActs* acts);

class EventCoder final {
 public:
  // Later dictionaries are consulted only for verbs the earlier ones lack.
  explicit EventCoder(std::vector<const VerbDictionary*> dictionaries);

  // `denied` (may be null) receives the (source, target) entity pairs of
  // clauses that say something did not happen or is only supposed
  // (negated, "if ..."), so that other readers of the sentence do not code them.
  // `isPerson` (may be empty): whether an entity is a person, for verbs
  // whose sense depends on it ("dismissed the minister" removes from office,
  // "dismissed the claim" rejects it; removal_verbs in
  // data/english_coder_words.txt). `earlier` (may be null): the acts the
  // article read before this sentence, whose author criticism, praise or
  // rejection of an act named without its author is aimed at
  // (act_reference_nouns in data/english_coder_words.txt); with it, the
  // acts this sentence tells in its earlier clauses count too ("Iran seized
  // a tanker, and Britain condemned the seizure"), and a bare "it" a naming
  // verb judges is the act of the sentence right before. Besides each
  // clause's own events, a causing verb's object does its infinitive's act
  // (causing_verbs: "prompting Pakistan to expel ..."). Returns the events
  // in clause order, the caused acts last; `earlier` is only read.
  std::vector<CodedEvent> code(const syntax::SentenceParse& parse, const NpActors& npActors,
                               std::vector<std::pair<size_t, size_t>>* denied = nullptr,
                               const std::function<bool(size_t)>& isPerson = {},
                               const EarlierActs* earlier = nullptr) const;

 private:
  std::vector<const VerbDictionary*> dictionaries_;
};

}  // namespace kg::extract
