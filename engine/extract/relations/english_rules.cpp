#include "extract/relations/english_rules.h"

#include <algorithm>
#include <optional>

#include "extract/lexicon/cameo_plover.h"
#include "extract/relations/rule_lexicon.h"

namespace kg::extract {
namespace {

using Trigger = EnglishTrigger;
using Form = TriggerForm;

// The word sets of data/english_relation_words.txt (the trigger words are
// englishTriggers(), data/english_triggers.txt).
const EnglishRelationWords& words() { return englishRelationWords(); }

bool isAux(const std::string& w) { return words().auxiliaries.contains(w); }
bool isPrep(const std::string& w) { return words().prepositions.contains(w); }
bool isDeterminer(const std::string& w) { return words().determiners.contains(w); }
bool isSubordinator(const std::string& w) { return words().subordinators.contains(w); }
bool isRelative(const std::string& w) { return words().relatives.contains(w); }
bool isClauseBreak(const Token& t) { return !t.word && (t.lower == ";" || t.lower == "." || t.lower == ":" || t.lower == "(" || t.lower == ")"); }
bool isModal(const std::string& w) { return words().modals.contains(w); }
bool isSubjectPronoun(const std::string& w) { return words().subjectPronouns.contains(w); }
// Finite forms of the verbs that report speech, where a shallow reading of
// the clause after them would take the speaker for its subject.
bool isSayingWord(const std::string& w) { return words().sayingWords.contains(w); }

std::string modeOf(const std::vector<Token>& tokens) {
  for (size_t i = 0; i < tokens.size(); ++i) {
    const std::string& w = tokens[i].lower;
    if (w == "drone" || w == "drones") return "drone";
    if (w == "airstrike" || w == "airstrikes" || (w == "air" && i + 1 < tokens.size() && tokens[i + 1].lower.rfind("strike", 0) == 0))
      return "airstrike";
  }
  for (const auto& t : tokens) {
    if (t.lower == "missile" || t.lower == "missiles") return "missile";
    if (t.lower == "rocket" || t.lower == "rockets") return "rocket";
  }
  return "";
}

// One sentence's argument structure.
class Clauses {
 public:
  Clauses(const std::vector<Token>& tokens, const std::vector<Mention>& mentions, const std::vector<Entity>& entities)
      : t_(tokens), transparent_(tokens.size(), false), prefix_(tokens.size(), false), starts_(tokens.size(), false) {
    for (const auto& m : mentions) {
      starts_[m.tokBegin] = true;
      for (size_t k = m.titleBegin; k < m.tokBegin; ++k) prefix_[k] = true;
    }
    // Mentions that can be arguments.
    for (const auto& m : mentions) {
      if (m.modifier) continue;
      if (entities[m.entity].actor.kind == ActorKind::kMedia) continue;
      args_.push_back(&m);
    }
    // Appositions (", the deputy commander of the PMU,") and short asides
    // (", however,") are transparent: their mentions are not arguments.
    for (size_t i = 0; i < t_.size(); ++i) {
      if (t_[i].lower != ",") continue;
      size_t j = i + 1;
      while (j < t_.size() && t_[j].lower != "," && !isClauseBreak(t_[j])) ++j;
      if (j >= t_.size() || t_[j].lower != ",") continue;
      const bool afterMention = argEndingAt(i) >= 0;
      const std::string& first = i + 1 < t_.size() ? t_[i + 1].lower : "";
      // ("X, was killed on Friday, and Iran blamed Y": a verb group after
      // the comma opens no apposition.)
      static const std::unordered_set<std::string_view> kAuxiliaries = {
          "was",   "were",  "is",  "are", "be",    "been",   "has",  "have", "had",  "will",
          "would", "could", "can", "may", "might", "should", "must", "did",  "does", "do"};
      const bool lowerWord = i + 1 < t_.size() && t_[i + 1].word && t_[i + 1].script == Script::kLatin &&
                             !t_[i + 1].capital && first != "and" && first != "or" && first != "but" && first != "as" &&
                             first != "while" && first != "after" && first != "before" &&
                             !englishTriggers().count(first) && !kAuxiliaries.count(first);
      const bool apposition = afterMention && (first == "the" || first == "a" || first == "an" || first == "who" ||
                                               first == "which" || first == "both" || first == "then" || lowerWord);
      const bool aside = j - i <= 3 && argStartingIn(i + 1, j) < 0;
      if (!apposition && !aside) continue;
      for (size_t k = i; k <= j; ++k) transparent_[k] = true;
    }
    std::vector<const Mention*> kept;
    for (const Mention* m : args_) {
      if (!transparent_[m->tokBegin]) kept.push_back(m);
    }
    args_ = std::move(kept);
  }

  const std::vector<const Mention*>& args() const { return args_; }
  bool transparent(size_t tok) const { return transparent_[tok]; }

  int argAt(size_t tok) const {
    for (size_t k = 0; k < args_.size(); ++k)
      if (tok >= args_[k]->tokBegin && tok < args_[k]->tokEnd) return static_cast<int>(k);
    return -1;
  }
  // The first token of argument `k`.
  size_t tokBeginOf(int k) const { return args_[static_cast<size_t>(k)]->tokBegin; }
  int argEndingAt(size_t tokEnd) const {
    for (size_t k = 0; k < args_.size(); ++k)
      if (args_[k]->tokEnd == tokEnd) return static_cast<int>(k);
    return -1;
  }
  int argStartingIn(size_t b, size_t e) const {
    for (size_t k = 0; k < args_.size(); ++k)
      if (args_[k]->tokBegin >= b && args_[k]->tokBegin < e) return static_cast<int>(k);
    return -1;
  }

  // Preceded by a preposition ("of Iraq's PMU": the PMU and Iraq are oblique).
  bool oblique(int k) const {
    size_t p = args_[k]->tokBegin;
    while (true) {
      while (p > 0 && isDeterminer(t_[p - 1].lower)) --p;
      if (p > 0 && t_[p - 1].possessive) {
        const int q = argEndingAt(p);
        if (q >= 0) { p = args_[q]->tokBegin; continue; }
      }
      break;
    }
    return p > 0 && isPrep(t_[p - 1].lower);
  }
  // A possessive qualifying the next word: "Iran's judiciary", "Iraq's PMU".
  bool qualifier(int k) const { return args_[k]->possessive; }
  // The first half of a compound: "Iran" in "Iran-backed".
  bool compoundModifier(int k) const { return t_[args_[k]->tokEnd - 1].hyphenAfter; }
  static bool roleNoun(const std::string& w) { return words().roleNouns.contains(w); }

  // The subject of the verb at token `v`, or -1.
  int subjectBefore(size_t v) const {
    size_t q = v;
    while (q > 0) {
      --q;
      if (transparent_[q]) continue;
      const Token& t = t_[q];
      const int k = argAt(q);
      if (k >= 0) {
        q = args_[k]->tokBegin;
        if (oblique(k) || qualifier(k) || compoundModifier(k)) continue;
        if (conditional(q)) return -1;
        return k;
      }
      if (t.lower == "," && q + 1 == v) {
        // "NAME, made the remarks", "its deputy leader, NAME, demanded".
        const int a = argEndingAt(q);
        if (a >= 0 && !oblique(a)) return a;
      }
      if (isClauseBreak(t) || t.lower == "," || t.lower == "\"") return -1;
      // "The Pentagon said he had attacked X", "X said the group had ...":
      // a pronoun subject, or a verb of saying, stands between: the speaker
      // is not the one who acted.
      if (isSubjectPronoun(t.lower) || isSayingWord(t.lower)) return -1;
      if (isRelative(t.lower)) {
        // "X, who was killed", "the strike which killed": the subject is
        // what the relative pronoun follows, when that is a mention.
        size_t p = q;
        while (p > 0 && (t_[p - 1].lower == "," || transparent_[p - 1])) --p;
        const int a = p > 0 ? argEndingAt(p) : -1;
        return a >= 0 && !oblique(a) ? a : -1;
      }
      if ((t.lower == "and" || t.lower == "but") && onlyAdverbsBetween(q + 1, v)) return sharedSubject(q);
      if (isSubordinator(t.lower) || t.lower == "and" || t.lower == "but" || t.lower == "or") return -1;
    }
    return -1;
  }

  // "A condemned the raid and threatened B": the verb after "and" shares the
  // subject of the verb before it. That verb is the nearest word right after
  // a mention, in the same clause, before the conjunction at `conj`.
  int sharedSubject(size_t conj) const {
    size_t q = conj;
    if (q > 0 && t_[q - 1].lower == ",") --q;
    while (q > 0) {
      --q;
      if (transparent_[q]) continue;
      const Token& t = t_[q];
      if (isClauseBreak(t) || t.lower == "," || t.lower == "\"" || isRelative(t.lower) || isSubordinator(t.lower) ||
          t.lower == "and" || t.lower == "but" || t.lower == "or")
        return -1;
      if (!t.word || t.capital || t.script != Script::kLatin || argAt(q) >= 0) continue;
      if (isDeterminer(t.lower) || isPrep(t.lower) || isModal(t.lower)) continue;
      size_t p = q;
      while (p > 0 && transparent_[p - 1]) --p;
      const int a = argEndingAt(p);
      if (a >= 0 && !oblique(a) && !qualifier(a) && !compoundModifier(a)) {
        if (conditional(args_[a]->tokBegin)) return -1;
        return a;
      }
    }
    return -1;
  }
  bool onlyAdverbsBetween(size_t b, size_t e) const {
    for (size_t k = b; k < e; ++k)
      if (!words().sequenceAdverbs.contains(t_[k].lower)) return false;
    return true;
  }

  // The first object after token `v` within `window` tokens, or -1.
  int objectAfter(size_t v, size_t window, bool crossThat) const {
    size_t limit = v + window;
    for (size_t q = v + 1; q < t_.size() && q <= limit; ++q) {
      const Token& t = t_[q];
      const int k = argAt(q);
      if (k >= 0) {
        if (qualifier(k) && k + 1 < static_cast<int>(args_.size()) && args_[k + 1]->tokBegin == args_[k]->tokEnd)
          return k + 1;
        // "the commander of the Quds Force": the object is the commander.
        if (compoundModifier(k)) continue;  // "Iran-backed militias"
        if (qualifier(k) && args_[k]->tokEnd < t_.size() && starts_[args_[k]->tokEnd]) return -1;  // "Lebanon's al-Mayadeen"
        if (qualifier(k)) {  // "Sadr's followers", "Iran's top commander": the object is the noun
          for (size_t r = args_[k]->tokEnd; r < t_.size() && r < args_[k]->tokEnd + 4; ++r)
            if (roleNoun(t_[r].lower)) return -1;
        }
        size_t p = args_[k]->tokBegin;
        while (p > v + 1 && isDeterminer(t_[p - 1].lower)) --p;
        if (p > v + 2 && t_[p - 1].lower == "of" && roleNoun(t_[p - 2].lower)) return -1;
        // "met at the G20 summit": the name qualifies an occasion, no party.
        if (const size_t e = args_[k]->tokEnd; e < t_.size() && words().occasionNouns.contains(t_[e].lower)) return -1;
        return k;
      }
      if (t.lower == "(" || t.lower == ")") continue;
      if (isClauseBreak(t) || t.lower == "," || t.lower == "\"") return -1;
      if (words().locationPrepositions.contains(t.lower)) return -1;  // a place, not the object
      if (t.lower == "that" && !crossThat) return -1;
      // "condemned the killing as an aggression against Iraq": what follows
      // "as" describes the object; it is not one.
      if (t.lower == "as" && q > v + 1 && !(q + 1 < t_.size() && t_[q + 1].lower == "well") &&
          t_[q - 1].lower != "known" && t_[q - 1].lower != "such")  // "a faction known as X"
        return -1;
      if (t.lower == "that") limit = std::min(limit, q + 3);  // "demanded that the government ..."
      if (t.lower == "to" && q + 1 < t_.size() && t_[q + 1].word && !t_[q + 1].capital && argAt(q + 1) < 0 &&
          !isDeterminer(t_[q + 1].lower))
        return -1;  // "asked him to mediate": an infinitive, not an object
      if (isSubordinator(t.lower) && t.lower != "as" && t.lower != "following") return -1;
    }
    return -1;
  }

  // The agent of a passive verb at `v`: "by a US drone", "in a US drone strike".
  int agentAfter(size_t v) const {
    for (size_t q = v + 1; q < t_.size() && q < v + 10; ++q) {
      if (isClauseBreak(t_[q]) || t_[q].lower == ",") return -1;
      if (t_[q].lower == "by") {
        size_t r = q + 1;
        while (r < t_.size() && isDeterminer(t_[r].lower)) ++r;
        const int k = r < t_.size() ? argAt(r) : -1;
        if (k >= 0 && args_[k]->tokBegin == r) return k;
      }
      if (t_[q].lower == "in" || t_[q].lower == "during") {
        size_t r = q + 1;
        while (r < t_.size() && isDeterminer(t_[r].lower)) ++r;
        const int k = r < t_.size() ? argAt(r) : -1;
        if (k < 0 || args_[k]->tokBegin != r) continue;
        size_t n = args_[k]->tokEnd;
        while (n < t_.size() && (t_[n].lower == "drone" || t_[n].lower == "air" || t_[n].lower == "military" ||
                                 t_[n].lower == "missile" || t_[n].lower == "rocket"))
          ++n;
        if (n < t_.size()) {
          const std::string& w = t_[n].lower;
          if (w.rfind("strike", 0) == 0 || w.rfind("attack", 0) == 0 || w.rfind("airstrike", 0) == 0 ||
              w == "raid" || w == "operation" || w == "bombing")
            return k;
        }
      }
    }
    return -1;
  }

  // Mentions coordinated with args[k] ("Soleimani and al-Muhandis",
  // "A, B and C"); a list joined by commas only is not taken ("Iraq, X said").
  std::vector<size_t> group(int k, bool backward, bool forward) const {
    std::vector<size_t> g{static_cast<size_t>(k)};
    if (backward) {
      // "A, B and C were killed": the gap next to C must hold the conjunction.
      int cur = k;
      bool first = true;
      for (int a = k - 1; a >= 0; --a) {
        if (oblique(a) || qualifier(a)) continue;
        bool conj = false;
        if (!coordination(args_[a]->tokEnd, args_[cur]->tokBegin, &conj)) break;
        if (first && !conj) break;
        first = false;
        g.insert(g.begin(), static_cast<size_t>(a));
        cur = a;
      }
    }
    if (forward) {
      std::vector<size_t> chain;
      size_t accepted = 0;
      size_t cur = static_cast<size_t>(k);
      for (size_t a = static_cast<size_t>(k) + 1; a < args_.size(); ++a) {
        bool conj = false;
        if (!coordination(args_[cur]->tokEnd, args_[a]->tokBegin, &conj)) break;
        // "attacked Kyiv, and Berlin said ...": a comma before the "and"
        // right after the first phrase joins clauses, not two objects (a list
        // with a serial comma has three: "A, B, and C").
        if (chain.empty() && conj && commaThenAnd(args_[cur]->tokEnd, args_[a]->tokBegin)) break;
        chain.push_back(a);
        if (conj) accepted = chain.size();
        cur = a;
      }
      for (size_t c = 0; c < accepted; ++c) g.push_back(chain[c]);
    }
    return g;
  }

 private:
  // Only conjunctions, commas and articles between two mentions; `conj` is
  // set when a real conjunction ("and", "along with", "as well as") is there.
  bool coordination(size_t from, size_t to, bool* conj) const {
    bool joined = false;
    for (size_t k = from; k < to; ++k) {
      if (transparent_[k] || prefix_[k]) continue;
      const std::string& w = t_[k].lower;
      if (w == "and" || w == "along" || w == "with" || w == "as" || w == "well") { joined = true; *conj = true; continue; }
      if (w == ",") { joined = true; continue; }
      if (w == "the" || w == "a" || w == "an" || t_[k].article) continue;
      return false;
    }
    return joined;
  }
  // True when the gap [from, to) holds a comma followed by "and".
  bool commaThenAnd(size_t from, size_t to) const {
    for (size_t k = from; k + 1 < to; ++k)
      if (t_[k].lower == "," && t_[k + 1].lower == "and") return true;
    return false;
  }
  bool conditional(size_t tok) const {
    for (size_t q = tok; q > 0; --q) {
      const Token& t = t_[q - 1];
      if (isClauseBreak(t)) return false;
      if (t.lower == "if" || t.lower == "unless" || t.lower == "whether") return true;
      if (t.lower == "," && !transparent_[q - 1]) return false;
    }
    return false;
  }

  const std::vector<Token>& t_;
  std::vector<const Mention*> args_;
  std::vector<bool> transparent_;
  std::vector<bool> prefix_;  // title words written before a name ("US President")
  std::vector<bool> starts_;  // first token of any mention (media and modifiers too)
};

// Fact confidences: the weaker argument's mention confidence times a factor
// that says how far the reading can go wrong.
// English triggers over a shallow clause reading: an argument may be misread.
constexpr float kEnglishEventFactor = 0.85f;
// Targets listed after a passive's agent ("supported by Tehran, the Hezbollah
// Brigades and AAH") stand further from the verb than an object does.
constexpr float kListedTargetFactor = 0.8f;

// What the English rules share: the sentence, its clause reading and
// the facts found so far.
class RelationScan {
 public:
  RelationScan(const std::vector<Token>& sentence, const std::vector<Mention>& found,
               const std::vector<Entity>& known, const Clauses& clauses, std::vector<Fact>* out)
      : tokens(sentence), mentions(found), entities(known), c(clauses), args(clauses.args()), out_(out) {}

  // One fact per source and target (args indexes) of trigger `tr`; `mode`
  // overrides an attack's mode read from the sentence.
  void add(const std::vector<size_t>& srcs, const std::vector<size_t>& dsts, const Trigger& tr, Tense tense,
           const std::string* mode = nullptr) {
    for (size_t s : srcs)
      for (size_t d : dsts) addPair(args[s], args[d], tr, tense, mode);
  }
  // The fact of trigger `tr` from mention `ms` to mention `md`.
  void addPair(const Mention* ms, const Mention* md, const Trigger& tr, Tense tense,
               const std::string* mode = nullptr) {
    if (ms->entity == md->entity) return;
    Fact f;
    f.src = ms->entity;
    f.dst = md->entity;
    f.type = tr.type;
    f.cameo = tr.cameo;
    if (tr.type == EdgeType::kAssault) f.mode = mode ? *mode : attackMode();
    if (tr.type == EdgeType::kConsult && tr.cameo == "041") f.mode = "phone";
    f.confidence = std::min(ms->confidence, md->confidence) * kEnglishEventFactor;
    f.tense = tense;
    out_->push_back(std::move(f));
  }
  void push(Fact f) { out_->push_back(std::move(f)); }

  const std::vector<Token>& tokens;
  const std::vector<Mention>& mentions;
  const std::vector<Entity>& entities;
  const Clauses& c;
  const std::vector<const Mention*>& args;

 private:
  // The attack mode is read only when an attack is found (most sentences have none).
  const std::string& attackMode() {
    if (!modeRead_) { modeCache_ = modeOf(tokens); modeRead_ = true; }
    return modeCache_;
  }

  std::vector<Fact>* out_;
  std::string modeCache_;
  bool modeRead_ = false;
};

// ---- English verb and noun triggers

// "Tehran-backed factions": the compound's first half supports what
// follows. True when token i is such a compound.
bool backedCompound(RelationScan& s, size_t i) {
  static const std::string kNoMode;
  const Token& t = s.tokens[i];
  if (!((t.lower == "backed" || t.lower == "supported") && t.hyphenBefore && i > 0)) return false;
  // What is backed is named right after, or after role words ("Iran-backed
  // militia Kata'ib Hezbollah"); "Iran-backed militias attacked US forces"
  // backs no US.
  auto namedRightAfter = [&](size_t begin) {
    for (size_t q = i + 1; q < begin; ++q) {
      const Token& w = s.tokens[q];
      if (w.word && !w.capital && !words().roleNouns.contains(w.lower) && !isDeterminer(w.lower)) return false;
    }
    return true;
  };
  const Trigger& backed = englishTriggers().at("backed");
  // Inside an apposition ("X, the leader of the Iran-backed militia Y, and
  // Z") the clause's arguments leave its names out: the sentence's mentions
  // are read instead.
  if (s.c.transparent(i)) {
    const Mention* src = nullptr;
    const Mention* dst = nullptr;
    for (const Mention& m : s.mentions) {
      if (m.tokEnd == i && !src) src = &m;
      if (m.tokBegin > i && m.tokBegin <= i + 3 && (!dst || m.tokBegin < dst->tokBegin)) dst = &m;
    }
    if (src && dst && namedRightAfter(dst->tokBegin)) s.addPair(src, dst, backed, Tense::kNone, &kNoMode);
    return true;
  }
  const int src = s.c.argEndingAt(i);
  int dst = s.c.objectAfter(i, 3, false);
  if (dst >= 0 && !namedRightAfter(s.c.tokBeginOf(dst))) dst = -1;
  if (src >= 0 && dst >= 0)
    s.add({static_cast<size_t>(src)}, s.c.group(dst, false, true), backed, Tense::kNone, &kNoMode);
  return true;
}

// "signed / sealed an agreement": an agreement word within four tokens.
bool agreementFollows(const std::vector<Token>& tokens, size_t i) {
  for (size_t q = i + 1; q < tokens.size() && q <= i + 4; ++q)
    if (words().agreementNouns.contains(tokens[q].lower)) return true;
  return false;
}

// The trigger at token i: "pull out", "called for / on", or a lexicon word
// ("call" only as "phone call", "signed" only of an agreement).
std::optional<Trigger> triggerAt(const std::vector<Token>& tokens, size_t i) {
  const std::string& word = tokens[i].lower;
  const char first = word.empty() ? '\0' : word[0];  // the two phrasal checks below start with 'p' and 'c'
  if (first == 'p' && (word == "pull" || word == "pulled" || word == "pulling" || word == "pulls") && i + 1 < tokens.size() &&
      tokens[i + 1].lower == "out")
    return Trigger{EdgeType::kRetreat, "0874", word == "pulled" ? Tense::kPast : Tense::kPresent, Form::kVerb};
  if (first == 'c' && (word == "called" || word == "calling" || word == "calls") && i + 1 < tokens.size() &&
      (tokens[i + 1].lower == "for" || tokens[i + 1].lower == "on"))
    return Trigger{EdgeType::kRequest, "020", word == "called" ? Tense::kPast : Tense::kPresent, Form::kVerb};
  const auto it = englishTriggers().find(word);
  if (it == englishTriggers().end()) return std::nullopt;
  if (word == "call" && !(i > 0 && tokens[i - 1].lower == "phone")) return std::nullopt;
  if (word == "called") return std::nullopt;
  if ((word == "signed" || word == "sealed") && !agreementFollows(tokens, i)) return std::nullopt;
  return it->second;
}

// A verb form after a determiner or a qualifying mention is a noun ("the
// attack", "US strikes on"); so is a tenseless verb form ending the sentence.
Form triggerForm(const RelationScan& s, size_t i, const Trigger& tr, const std::string& prev) {
  const auto& tokens = s.tokens;
  const std::string& word = tokens[i].lower;
  Form form = tr.form;
  const bool prepAfter = i + 1 < tokens.size() && isPrep(tokens[i + 1].lower);
  // "X calls on Y" / "X calls for": after a subject these are verbs, not nouns.
  const bool callsVerb = tr.type == EdgeType::kRequest && word == "calls";
  if (form == Form::kVerb && (isDeterminer(prev) || (isPrep(prev) && prev != "to") ||
                              (s.c.argEndingAt(i) >= 0 && prepAfter && word.back() == 's' && !callsVerb)))
    form = Form::kNoun;
  if (form == Form::kVerb && tr.tense == Tense::kNone && !(i + 1 < tokens.size())) form = Form::kNoun;
  // "welcomed Iran's attack on Israel": after a possessive, a present or
  // tenseless form is the owner's noun, never a verb of the clause's subject.
  if (form == Form::kVerb && tr.tense != Tense::kPast && i > 0 && tokens[i - 1].possessive) form = Form::kNoun;
  // "foiled an Iranian attack on X": after a determiner and a capitalised
  // word no mention covers (a demonym), a present or tenseless form is a noun.
  if (form == Form::kVerb && tr.tense != Tense::kPast && i >= 2 && isDeterminer(tokens[i - 2].lower) &&
      tokens[i - 1].capital && tokens[i - 1].script == Script::kLatin && s.c.argAt(i - 1) < 0)
    form = Form::kNoun;
  // "an EU aid package": a present or tenseless form between a mention
  // opened by a determiner and a lower-case word that opens no phrase of
  // its own is part of that noun phrase ("The EU urged Ankara" stays a verb).
  const bool nounAfter = i + 1 < tokens.size() && tokens[i + 1].word && !tokens[i + 1].capital &&
                         !isDeterminer(tokens[i + 1].lower) && !isPrep(tokens[i + 1].lower);
  if (form == Form::kVerb && tr.tense != Tense::kPast && nounAfter)
    if (const int q = s.c.argEndingAt(i); q >= 0)
      if (const size_t b = s.c.tokBeginOf(q); b > 0 && (tokens[b - 1].lower == "a" || tokens[b - 1].lower == "an" ||
                                                      tokens[b - 1].lower == "the"))
        form = Form::kNoun;
  return form;
}

struct Voice {
  bool passive = false;
  bool reduced = false;  // no auxiliary: "X killed in a strike", "X backed by Y"
};

// The voice of the trigger at i: passive after an auxiliary, or reduced
// before "by" or, for an attack verb, before a place or occasion preposition.
Voice voiceOf(const std::vector<Token>& tokens, size_t i, const Trigger& tr, Form form, const std::string& prev) {
  Voice v{tr.passiveOnly, false};
  if (v.passive || form != Form::kVerb || tr.tense != Tense::kPast) return v;
  const std::string& word = tokens[i].lower;
  for (size_t q = i > 3 ? i - 3 : 0; q < i; ++q) v.passive = v.passive || isAux(tokens[q].lower);
  // "X killed by Y", and with the verb's own preposition "talks called for by Y".
  size_t after = i + 1;
  if (after + 1 < tokens.size() && (tokens[after].lower == "for" || tokens[after].lower == "on")) ++after;
  if (!v.passive && after < tokens.size() && tokens[after].lower == "by") v.passive = v.reduced = true;
  // "Soleimani killed in US drone strike", "X, hit in an Israeli raid":
  // an attack verb takes a direct object when active, so a past form
  // followed by a place or occasion preposition is a reduced passive.
  if (!v.passive && tr.type == EdgeType::kAssault && i + 1 < tokens.size() && i > 0 && !isAux(prev) &&
      (tokens[i + 1].lower == "in" || tokens[i + 1].lower == "during" ||
       (tokens[i + 1].lower == "at" && word != "struck" && word != "hit") ||
       tokens[i + 1].lower == "near" || tokens[i + 1].lower == "when"))
    v.passive = v.reduced = true;
  return v;
}

// What a withdrawal at `from` leaves: the object after "from" or "out of".
int retreatTarget(const RelationScan& s, size_t from) {
  const auto& tokens = s.tokens;
  for (size_t q = from + 1; q < tokens.size() && q < from + 10; ++q) {
    if (isClauseBreak(tokens[q])) return -1;
    if (tokens[q].lower == "from" || (tokens[q].lower == "of" && q > 0 && tokens[q - 1].lower == "out"))
      return s.c.objectAfter(q, 3, false);
  }
  return -1;
}

// "the deployment of 3,000 soldiers to Kuwait": where a mobilisation at i goes.
int destinationAfter(const RelationScan& s, size_t i) {
  int dst = -1;
  for (size_t q = i + 1; q < s.tokens.size() && q < i + 12 && dst < 0; ++q) {
    if (isClauseBreak(s.tokens[q])) break;
    if (s.tokens[q].lower == "to" || s.tokens[q].lower == "into") dst = s.c.objectAfter(q, 3, false);
  }
  return dst;
}

// "two groups supported by Tehran, the Hezbollah Brigades and AAH": the
// agent acts on each mention listed after it. True when it found any.
bool listedTargets(RelationScan& s, int agent, const Trigger& tr) {
  const auto& tokens = s.tokens;
  const Mention* a = s.args[agent];
  const size_t q = a->tokEnd;
  if (!(q + 1 < tokens.size() && tokens[q].lower == "," &&
        (tokens[q + 1].lower == "the" || tokens[q + 1].lower == "namely")))
    return false;
  bool any = false;
  size_t spanEnd = q + 1;
  while (spanEnd < tokens.size() && !isClauseBreak(tokens[spanEnd]) &&
         !(tokens[spanEnd].lower == "," && spanEnd + 1 < tokens.size() && tokens[spanEnd + 1].lower != "and"))
    ++spanEnd;
  for (const auto& m : s.mentions) {
    if (m.tokBegin <= q || m.tokBegin >= spanEnd || m.modifier) continue;
    if (s.entities[m.entity].actor.kind == ActorKind::kMedia || m.entity == a->entity) continue;
    Fact f;
    f.src = a->entity;
    f.dst = m.entity;
    f.type = tr.type;
    f.cameo = tr.cameo;
    f.confidence = std::min(a->confidence, m.confidence) * kListedTargetFactor;
    f.tense = Tense::kPast;
    s.push(std::move(f));
    any = true;
  }
  return any;
}

// A passive verb: the agent ("by X", "in a US strike") acts on the patient
// (the subject, or for a reduced passive the mention right before the verb).
void passiveEvent(RelationScan& s, size_t i, const Trigger& tr, Tense tense, bool reduced) {
  const auto& c = s.c;
  int patient = -1;
  if (reduced) {
    size_t p = i;
    while (p > 0 && (s.tokens[p - 1].lower == "," || c.transparent(p - 1))) --p;
    patient = c.argEndingAt(p);
    if (patient >= 0 && (c.oblique(patient) || c.qualifier(patient))) patient = -1;
  } else {
    patient = c.subjectBefore(i);
  }
  const int agent = c.agentAfter(i);
  if (reduced && patient < 0 && agent >= 0 && listedTargets(s, agent, tr)) return;
  if (patient >= 0 && agent >= 0)
    s.add(c.group(agent, false, true), c.group(patient, !reduced, false), tr,
          tense == Tense::kPresent ? tense : Tense::kPast);
}

// "called for the withdrawal", "will not result in the withdrawal": the
// event noun at i is asked for or denied, not done.
bool governedNoun(const RelationScan& s, size_t i) {
  const auto& tokens = s.tokens;
  bool governed = false;
  size_t from = i;  // look before the noun's own phrase ("the US sanctions")
  while (from > 0 && tokens[from - 1].lower != "that" &&
         (isDeterminer(tokens[from - 1].lower) || s.c.argAt(from - 1) >= 0))
    --from;
  for (size_t q = from; q > 0 && q + 6 > from; --q) {
    const Token& w = tokens[q - 1];
    if (isClauseBreak(w) || w.lower == "that" || w.lower == "," || w.lower == "which") break;
    if (words().governingWords.contains(w.lower)) governed = true;
  }
  return governed;
}

// "Macron's visit to Algeria was postponed", "talks with X were called
// off": the event noun at i is the subject of a passive that calls it off
// (cancelled_participles, "called off", "put off") within the next eight
// words of its clause.
bool calledOffNoun(const RelationScan& s, size_t i) {
  const auto& tokens = s.tokens;
  for (size_t q = i + 1; q + 1 < tokens.size() && q < i + 9; ++q) {
    const Token& w = tokens[q];
    if (isClauseBreak(w) || w.lower == "," || w.lower == "that" || w.lower == "which") return false;
    if (w.lower != "was" && w.lower != "were" && w.lower != "been") continue;
    const std::string& next = tokens[q + 1].lower;
    if (words().cancelledParticiples.contains(next)) return true;
    if ((next == "called" || next == "put") && q + 2 < tokens.size() && tokens[q + 2].lower == "off") return true;
  }
  return false;
}

// The source of the event noun at i whose phrase starts at p: the mention
// right before the phrase ("the US killing of X", "Washington's
// assassination"), or the subject of a light verb before it ("X began the
// withdrawal"), or of talks held "with" someone.
int nounSource(const RelationScan& s, size_t i, size_t p, const Trigger& tr) {
  const auto& tokens = s.tokens;
  int src = p > 0 ? s.c.argEndingAt(p) : -1;
  if (src < 0 && p > 0) {
    if (words().lightVerbs.contains(tokens[p - 1].lower)) {
      size_t v = p - 1;
      if (tokens[v].lower == "out" && v > 0) --v;
      src = s.c.subjectBefore(v);
    }
  }
  if (src < 0 && tr.type == EdgeType::kConsult && i + 1 < tokens.size() &&
      (tokens[i + 1].lower == "with" || tokens[i + 1].lower == "to"))
    src = s.c.subjectBefore(p);  // "X discussed it in phone calls with Y"
  return src;
}

// An event noun: "the US killing of X", "US sanctions on Iraq", "the
// withdrawal of US troops from Iraq", "the arrest of X by Y".
void nounEvent(RelationScan& s, size_t i, const Trigger& tr) {
  const auto& tokens = s.tokens;
  const auto& c = s.c;
  const bool governed = governedNoun(s, i);
  if (governed && tr.type != EdgeType::kRequest && tr.type != EdgeType::kThreaten) return;
  if (calledOffNoun(s, i)) return;
  size_t p = i;
  // "that" before a plural noun opens a clause ("told X that attacks on Y
  // were ..."): X is not the attacks' author.
  const bool plural = tokens[i].lower.size() > 1 && tokens[i].lower.back() == 's';
  while (p > 0 && isDeterminer(tokens[p - 1].lower) && !(plural && tokens[p - 1].lower == "that")) --p;
  int src = nounSource(s, i, p, tr);
  int dst = -1;
  // The target follows "of", "on", "against" ...; "in Baghdad" is where, not whom.
  if (i + 1 < tokens.size() && words().targetPrepositions.contains(tokens[i + 1].lower)) dst = c.objectAfter(i + 1, 4, false);
  if (tr.type == EdgeType::kMobilize) dst = destinationAfter(s, i);
  // "the killing of X by Y", "the arrest of X by Y police": the author after
  // "by", right after the target's phrase.
  // Also "a visit to Accra by X".
  if (src < 0 && dst >= 0 && (tokens[i + 1].lower == "of" || tokens[i + 1].lower == "to")) {
    const size_t by = s.args[dst]->tokEnd;
    if (by < tokens.size() && tokens[by].lower == "by") src = c.objectAfter(by, 4, false);
  }
  // "a visit by X to Ghana": the author right after the noun, the target after it.
  if (src < 0 && dst < 0 && i + 1 < tokens.size() && tokens[i + 1].lower == "by") {
    const int by = c.objectAfter(i + 1, 4, false);
    const size_t after = by >= 0 ? s.args[by]->tokEnd : tokens.size();
    if (after + 1 < tokens.size() && words().targetPrepositions.contains(tokens[after].lower)) {
      src = by;
      dst = c.objectAfter(after, 4, false);
    }
  }
  if (tr.type == EdgeType::kRetreat) {  // "the withdrawal of US troops from Iraq"
    if (i + 1 < tokens.size() && tokens[i + 1].lower == "of") {
      const int of = c.objectAfter(i + 1, 3, false);
      if (of >= 0 && s.args[of]->tokBegin > 0 && tokens[s.args[of]->tokBegin - 1].lower != "from") src = of;
    }
    dst = retreatTarget(s, i);
  }
  if (src >= 0 && dst >= 0) s.add({static_cast<size_t>(src)}, c.group(dst, false, true), tr, Tense::kNone);
}

// "signed", "sealed" (CAMEO 057, sign formal agreement: SUPPORT in the one
// CAMEO->PLOVER mapping): the agreement is the object and its parties act
// with each other, as for AGREE.
bool signsAgreement(const Trigger& tr) { return tr.type == EdgeType::kAgree || tr.cameo == "057"; }

// The object of the active verb at i, or -1.
int verbObject(const RelationScan& s, size_t i, const Trigger& tr) {
  const std::string& word = s.tokens[i].lower;
  if (tr.type == EdgeType::kRetreat) return retreatTarget(s, i);
  if (tr.type == EdgeType::kMobilize) return destinationAfter(s, i);
  if (signsAgreement(tr) && (word == "signed" || word == "sealed")) {
    int obj = -1;  // the agreement is the object; the parties are the subjects (or "with" X)
    for (size_t q = i + 1; q < s.tokens.size() && q < i + 8 && obj < 0; ++q)
      if (s.tokens[q].lower == "with") obj = s.c.objectAfter(q, 3, false);
    return obj;
  }
  const int obj = s.c.objectAfter(i, 10, tr.type == EdgeType::kRequest);
  // "Biden and al-Kadhimi met at the White House": where they met, not whom.
  if (obj >= 0 && tr.type == EdgeType::kConsult) {
    size_t p = s.args[obj]->tokBegin;
    while (p > i + 1 && isDeterminer(s.tokens[p - 1].lower)) --p;
    if (p > i + 1 && s.tokens[p - 1].lower == "at") return -1;
  }
  return obj;
}

// An active verb: its subjects act on its objects.
void activeEvent(RelationScan& s, size_t i, const Trigger& tr, Tense tense) {
  // "denied backing the M23 rebels": what is denied is an act the gerund
  // names, not its object; the denial rejects no one written here.
  if (tr.type == EdgeType::kReject && i + 1 < s.tokens.size()) {
    const Token& next = s.tokens[i + 1];
    if (next.word && !next.capital && next.lower.size() > 4 && next.lower.ends_with("ing")) return;
  }
  const int subj = s.c.subjectBefore(i);
  if (subj < 0) return;
  // "demanded that Vilnius withdraw its envoy": asked for, not done.
  if (const size_t b = s.c.tokBeginOf(subj); tense != Tense::kPast && b >= 2 && s.tokens[b - 1].lower == "that" &&
                                             words().mandativeWords.contains(s.tokens[b - 2].lower))
    return;
  const int obj = verbObject(s, i, tr);
  const std::vector<size_t> subjects = s.c.group(subj, true, false);
  if (obj < 0) {
    // "Biden and al-Kadhimi met / sealed an agreement": between the two. Not
    // a visit made or hosted ("X and Y hosted talks between ...": a third party).
    const bool mutual = (tr.type == EdgeType::kConsult && !doneToThirdParty(tr.cameo)) || tr.type == EdgeType::kAgree ||
                        tr.type == EdgeType::kCooperate || signsAgreement(tr);
    if (mutual && subjects.size() >= 2)
      s.add({subjects.front()}, std::vector<size_t>(subjects.begin() + 1, subjects.end()), tr, tense);
    return;
  }
  s.add(subjects, s.c.group(obj, false, true), tr, tense);
}

// Events from English verb and noun triggers.
void englishEvents(RelationScan& s) {
  const auto& tokens = s.tokens;
  for (size_t i = 0; i < tokens.size(); ++i) {
    const Token& t = tokens[i];
    if (!t.word || t.script != Script::kLatin || s.c.argAt(i) >= 0) continue;
    // "X, the leader of the Iran-backed militia Y, and Z": the compound is
    // read inside an apposition too, which clause-level triggers skip.
    if (backedCompound(s, i) || s.c.transparent(i)) continue;
    const std::optional<Trigger> tr = triggerAt(tokens, i);
    if (!tr) continue;
    const std::string prev = i > 0 ? tokens[i - 1].lower : "";
    if (isModal(prev) || (i > 1 && isModal(tokens[i - 2].lower) && tokens[i - 2].lower != "to")) continue;  // intent, negation
    // "to publicly demand": an infinitive split by an adverb is intended too.
    if (i > 1 && tokens[i - 2].lower == "to" && prev.size() > 3 && prev.ends_with("ly") && !tokens[i - 1].capital) continue;
    // "vowed to keep targeting ships": intended too.
    if (i > 1 && tokens[i - 2].lower == "to" && words().aspectualVerbs.contains(prev) && t.lower.ends_with("ing")) continue;
    const Tense tense = prev == "has" || prev == "have" ? Tense::kPresent : tr->tense;
    const Form form = triggerForm(s, i, *tr, prev);
    const Voice voice = voiceOf(tokens, i, *tr, form, prev);
    if (voice.passive) passiveEvent(s, i, *tr, tense, voice.reduced);
    else if (form == Form::kNoun) nounEvent(s, i, *tr);
    else activeEvent(s, i, *tr, tense);
  }
}

}  // namespace

void englishRelations(const std::vector<Token>& tokens, const std::vector<Mention>& mentions,
                      const std::vector<Entity>& entities, std::vector<Fact>* out) {
  const Clauses clauses(tokens, mentions, entities);
  RelationScan s(tokens, mentions, entities, clauses, out);
  englishEvents(s);
}

}  // namespace kg::extract
