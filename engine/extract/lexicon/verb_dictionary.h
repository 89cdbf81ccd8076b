// PETRARCH / TABARI verb dictionaries (format: PETRARCH docs_dictionaries.rst,
// "Verb Dictionary"; the real files are CAMEO.2.0.txt and the validation
// PETR.Validate.verbs.txt), read into tables an event coder can match quickly.
//
// Line kinds (a '#' outside "[...]" and a ';' after a verb's forms start a
// comment; "<!-- ... -->" blocks, possibly over several lines, are skipped):
//   &NAME            a synset; the '+' lines after it are its phrases
//   --- NAME [CODE] --- a verb family; CODE (default "---") is the default
//                    code of the family's verbs
//   VERB {FORMS} [CODE]  a verb of the current family. '_' or a blank joins
//                    the words of a multi-word verb, '+' marks the inflected
//                    word (the first word when no '+'). Without {...} the
//                    regular forms are generated; {...} lists all other forms
//                    ("{}" = none). A line starting with '+' outside a synset
//                    is a multi-word verb ("+CORDON_OFF").
//   - PRE * POST [CODE]  a pattern of the current family (see PatternToken)
//   ~ a (b c VERB) VERB2 = a b CODE  a transformation (VerbTransformation)
// A line that cannot be read is skipped and reported in `warnings` as
// "file:line: reason"; nothing is skipped silently.
//
// Immutable after load: const members are safe from several threads.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "base/status.h"

namespace kg::extract {

// A code in "[...]": "[190]", "[032:033]", "[:173]", "[---]". A code is any
// blank-free text (the validation file holds WEIS codes and test markers such
// as "075A" or "+++"); "---" and an empty side mean "no event".
struct VerbCode {
  std::string source;  // the event coded source -> target; "" = none
  std::string target;  // after ':': the event coded with the roles swapped
                       // (target -> source), e.g. ARRIVE [032:033]; "" = none
  bool isNull() const { return source.empty() && target.empty(); }
  friend bool operator==(const VerbCode&, const VerbCode&) = default;
};

// "&NAME": a set of phrases usable wherever a pattern word is.
struct Synset {
  std::string name;  // upper case, without '&' and without a trailing '_' (so
                     // "&PREPOSIT1" finds "&PREPOSIT1_")
  // Each phrase is a sequence of consecutive upper-case words. Regular plurals
  // of a phrase's last word are included (not when the label or the phrase
  // ends with '_'); a member "+&OTHER" is replaced by OTHER's phrases.
  std::vector<std::vector<std::string>> phrases;
  uint32_t line = 0;
};

// "--- NAME [CODE] ---": verbs that share patterns.
struct VerbFamily {
  std::string name;               // "ACCELERATE", "LASH OUT"
  VerbCode code;                  // default code of its verbs
  std::vector<uint32_t> verbs;    // indices into VerbDictionary::verbs()
  std::vector<uint32_t> patterns; // indices into VerbDictionary::patterns()
  uint32_t line = 0;
};

struct Verb {
  std::string lemma;     // upper case, words joined by ' ': "ASK FOR", "WIRE TAP"
  uint32_t verbWord = 0; // index of the inflected word in the lemma's words
  uint32_t family = 0;   // index into VerbDictionary::families()
  VerbCode code;         // its own "[...]" code, else the family's
  bool ownCode = false;
  uint32_t line = 0;
};

// Generated forms: kBase "ATTACK", kThirdPerson "ATTACKS", kPast "ATTACKED"
// (past and participle), kGerund "ATTACKING". A form listed in {...} is
// classified by its ending (-ING gerund, -S third person, else kPast).
enum class VerbFormKind : uint8_t { kBase, kThirdPerson, kPast, kGerund };

// One inflected word of a verb, the key of lookupForm().
struct VerbForm {
  std::string word;                 // upper case: "CORDONED"
  std::vector<std::string> before;  // words that must immediately precede it ("WIRE" in WIRE_+TAPPED)
  std::vector<std::string> after;   // words that must immediately follow it ("OFF" in +CORDONED_OFF)
  uint32_t verb = 0;                // index into VerbDictionary::verbs()
  VerbFormKind kind = VerbFormKind::kBase;
  bool listed = false;              // written in {...} rather than generated
};

// One element of a pattern.
//   WORD  a literal word (upper case); "&NAME" a synset; '+' the target slot;
//   '$' the source slot; '%' a compound actor (source and target together);
//   '^' skip one noun phrase.
// Grouping, as the docs define it: "{A B}" is a noun phrase whose last word is
// the head; "(PREP X)" a prepositional phrase whose first element is the
// preposition and X a word, synset or "{...}". In the older TABARI syntax of
// the validation file '_' joins elements that must be adjacent
// ("IN_*", "*_OUT", "NEW_&TIETYPES_RELATIONS").
enum class PatternTokenKind : uint8_t { kWord, kSynset, kTarget, kSource, kCompound, kSkip };

struct PatternToken {
  PatternTokenKind kind = PatternTokenKind::kWord;
  std::string word;          // kWord only
  uint32_t synset = 0;       // kSynset only: index into VerbDictionary::synsets()
  bool joined = false;       // written with '_' to the element before it (for
                             // post[0]: to the verb): must be adjacent in the text
  uint16_t nounPhrase = 0;   // != 0: member of the "{...}" with this id (ids are unique within a pattern)
  uint16_t prepPhrase = 0;   // != 0: member of the "(...)" with this id
};

// "- PRE * POST [CODE]".
struct VerbPattern {
  uint32_t family = 0;              // index into VerbDictionary::families()
  std::vector<PatternToken> pre;    // before '*', in text order
  std::vector<PatternToken> post;   // after '*', in text order
  bool verbJoinedToPre = false;     // "X_*": pre.back() must immediately precede the verb
  VerbCode code;
  uint32_t line = 0;
};

// "~ a (b . ATTACK) SAY = a b 112": when verb `outerVerb` (source
// `outerSource`) governs a clause (innerSource innerTarget innerVerb), code
// (resultSource resultTarget resultCode) instead. Actor variables are letters,
// "." (unspecified) or "_" (absent); a verb "Q" means any verb.
struct VerbTransformation {
  std::string outerSource, innerSource, innerTarget, innerVerb, outerVerb;
  std::string resultSource, resultTarget, resultCode;
  uint32_t line = 0;
};

struct VerbDictionaryCounts {
  size_t families = 0, verbs = 0, forms = 0, patterns = 0, synsets = 0, transformations = 0;
};

class VerbDictionary final {
 public:
  // Reads a verb dictionary file. NotFound when it cannot be opened. Lines
  // that cannot be read are appended to `warnings` (may be null) as
  // "path:line: reason" and skipped.
  static Result<VerbDictionary> load(const std::string& path, std::vector<std::string>* warnings);
  // The same from text; `origin` names it in warnings. Never fails today
  // (every defect is a warning); Result for future structural errors.
  static Result<VerbDictionary> parse(std::string_view text, std::string_view origin,
                                      std::vector<std::string>* warnings);

  // Every form whose word is `word` (ASCII case-insensitive), in dictionary
  // order; empty when none. The span stays valid as long as this dictionary.
  std::span<const VerbForm> lookupForm(std::string_view word) const;

  const std::vector<VerbFamily>& families() const { return families_; }
  const std::vector<Verb>& verbs() const { return verbs_; }
  const std::vector<VerbPattern>& patterns() const { return patterns_; }
  const std::vector<Synset>& synsets() const { return synsets_; }
  const std::vector<VerbTransformation>& transformations() const { return transformations_; }
  // Index of a synset by name (with or without '&' / trailing '_'); -1 when unknown.
  int64_t findSynset(std::string_view name) const;
  VerbDictionaryCounts counts() const;

 private:
  friend class VerbDictionaryParser;
  std::vector<VerbFamily> families_;
  std::vector<Verb> verbs_;
  std::vector<VerbForm> forms_;  // sorted by word; lookupForm() returns runs of it
  std::vector<VerbPattern> patterns_;
  std::vector<Synset> synsets_;
  std::vector<VerbTransformation> transformations_;
  // Transparent, so that lookupForm finds an upper-case word without copying it.
  struct WordHash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
  };
  std::unordered_map<std::string, std::pair<uint32_t, uint32_t>, WordHash, std::equal_to<>>
      formRuns_;  // word -> (first, count)
  std::unordered_map<std::string, uint32_t> synsetIndex_;
};

}  // namespace kg::extract
