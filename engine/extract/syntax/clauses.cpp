#include "extract/syntax/clauses.h"

#include <algorithm>
#include <array>
#include <unordered_set>

namespace kg::extract::syntax {

// Literals compared with words are string_views: a std::string == const char*
// would call strlen and compare() for each test.
using namespace std::string_view_literals;

const char* clauseKindName(ClauseKind k) {
  static constexpr std::array<const char*, 6> kNames = {"main", "reported", "relative", "subordinate",
                                                        "participial", "coordinated"};
  return kNames[static_cast<size_t>(k)];
}

namespace {

// Verbs read as passive when a bare participle follows a noun ("two soldiers killed in a strike").
bool isEventPassive(std::string_view lemma) {
  static const std::unordered_set<std::string_view> kPassive = {
      "kill", "wound", "injure", "arrest", "detain", "capture", "abduct", "kidnap", "execute", "sentence",
      "jail", "shoot", "hit", "target", "bomb", "attack", "seize", "hold", "release", "free", "deport",
      "expel", "sanction", "ban", "charge", "accuse", "convict", "displace", "evacuate", "rescue",
      "destroy", "damage", "back", "support", "fund", "arm", "train", "lead", "base", "link", "ally"};
  return kPassive.count(lemma) > 0;
}

// Verbs news writes in the active of what their subjects do together, whose
// past reads like a participle: "Officials from Iraq and Iran met in
// Baghdad" (no reduced passive: not officials "met" by someone).
bool isActiveOnly(std::string_view lemma) {
  static const std::unordered_set<std::string_view> kActiveOnly = {
      "meet", "clash", "gather", "convene", "talk", "speak", "agree", "fight", "confer",
      // Intransitive verbs have no passive: "Zelensky arrived in Jeddah on Friday to address ...".
      "arrive", "come", "go", "happen", "occur", "appear", "disappear", "emerge", "exist", "erupt", "resign", "flee",
      "travel", "march", "remain", "stay", "vanish"};
  return kActiveOnly.count(lemma) > 0;
}

// Subordinators, and prepositions that open a clause ("after crowds trashed ...").
bool opensClause(const Word& w) {
  if (w.pos == Pos::kSubordinator) return true;
  return w.pos == Pos::kPreposition && (w.lower == "after"sv || w.lower == "before"sv || w.lower == "since"sv ||
                                        w.lower == "until"sv || w.lower == "till"sv || w.lower == "as"sv || w.lower == "once"sv);
}

// Verbs of speech and appeal that, coordinated after a reported clause, go
// on with the one who spoke ("said ... and urged X to", "told X that ... and
// called on Y to"): acts of the speaker, which the things a reported clause
// is about rarely do.
bool speakerSideVerb(std::string_view lemma) {
  static const std::unordered_set<std::string_view> kSpeakerSide = {
      "say", "add", "tell", "urge", "call", "ask", "demand", "appeal", "insist", "stress", "reiterate", "repeat",
      "pledge", "vow", "promise", "express", "emphasise", "emphasize", "invite", "thank",
      // directives: "ruled that X has ... and ordered Y to"
      "order", "direct", "instruct"};
  return kSpeakerSide.count(lemma) > 0;
}

bool isRelativeWord(std::string_view w) { return w == "which"sv || w == "who"sv || w == "whom"sv || w == "that"sv || w == "whose"sv; }

struct Elem {
  enum Kind : uint8_t { kNp, kPp, kVg, kWord } kind;
  uint32_t index;  // into nps / pps / vgs / words
  uint32_t first, last;
};

class ClauseFinder {
 public:
  explicit ClauseFinder(SentenceParse& p) : p_(p) {}

  void run() {
    buildElems();
    for (size_t e = 0; e < elems_.size(); ++e) {
      if (elems_[e].kind == Elem::kVg && headsClause(e)) addClause(e);
    }
    attachTrailingSpeech();
    assignParents();
    fillArguments();
    applyAccordingTo();
    negateNeitherSubjects();
  }

  // "Neither Estonia nor Latvia has expelled ...": a subject opened by
  // "neither" says the clause did not happen.
  void negateNeitherSubjects() {
    for (const Clause& c : p_.clauses) {
      if (c.subject == kNoIndex || c.subjectInherited) continue;
      const NounPhrase& n = p_.nps[static_cast<size_t>(c.subject)];
      if (p_.words[n.span.first].lower == "neither"sv) p_.vgs[c.verb].negated = true;
    }
  }

 private:
  // ------------------------------------------------------------ elements

  void buildElems() {
    const auto& w = p_.words;
    std::vector<int32_t> ppAt(w.size(), kNoIndex), vgAt(w.size(), kNoIndex), npAt(w.size(), kNoIndex);
    for (size_t i = 0; i < p_.pps.size(); ++i) ppAt[p_.pps[i].span.first] = static_cast<int32_t>(i);
    for (size_t i = 0; i < p_.vgs.size(); ++i) vgAt[p_.vgs[i].span.first] = static_cast<int32_t>(i);
    for (size_t i = 0; i < p_.nps.size(); ++i) {
      if (p_.nps[i].parent == kNoIndex) npAt[p_.nps[i].span.first] = static_cast<int32_t>(i);
    }
    for (uint32_t i = 0; i < w.size();) {
      if (ppAt[i] != kNoIndex) {
        const PrepPhrase& pp = p_.pps[static_cast<size_t>(ppAt[i])];
        elems_.push_back({Elem::kPp, static_cast<uint32_t>(ppAt[i]), i, pp.span.last});
        i = pp.span.last;
      } else if (vgAt[i] != kNoIndex) {
        const VerbGroup& vg = p_.vgs[static_cast<size_t>(vgAt[i])];
        elems_.push_back({Elem::kVg, static_cast<uint32_t>(vgAt[i]), i, vg.span.last});
        i = vg.span.last;
      } else if (npAt[i] != kNoIndex) {
        const NounPhrase& np = p_.nps[static_cast<size_t>(npAt[i])];
        elems_.push_back({Elem::kNp, static_cast<uint32_t>(npAt[i]), i, np.span.last});
        i = np.span.last;
      } else {
        elems_.push_back({Elem::kWord, i, i, i + 1});
        ++i;
      }
    }
    clauseOfVgElem_.assign(elems_.size(), kNoIndex);
  }

  bool isWord(size_t e, std::string_view lower) const {
    return e < elems_.size() && elems_[e].kind == Elem::kWord && p_.words[elems_[e].index].lower == lower;
  }
  bool isWordPos(size_t e, Pos pos) const {
    return e < elems_.size() && elems_[e].kind == Elem::kWord && p_.words[elems_[e].index].pos == pos;
  }
  bool isNp(size_t e) const { return e < elems_.size() && elems_[e].kind == Elem::kNp; }
  bool isAppositive(size_t e) const { return isNp(e) && p_.nps[elems_[e].index].appositionOf != kNoIndex; }
  // "last week", "this month", "two days" (before "ago"): a phrase of time
  // between a subject and its verb ("Poland last week expelled ..."), which
  // says when, never who.
  bool isTimeBeforeVerb(size_t e) const {
    static const std::unordered_set<std::string_view> kTimeHeads = {"week", "weekend", "month", "year", "night",
                                                                     "day", "decade", "morning", "evening"};
    static const std::unordered_set<std::string_view> kOpeners = {"this", "last", "next", "past", "that"};
    if (!isNp(e)) return false;
    const NounPhrase& n = p_.nps[elems_[e].index];
    if (!kTimeHeads.count(p_.words[n.head].lemma)) return false;
    const Word& first = p_.words[n.span.first];
    const bool ago = n.span.last < p_.words.size() && p_.words[n.span.last].lower == "ago"sv;
    return kOpeners.count(first.lower) || (ago && first.pos == Pos::kNumber);
  }
  const VerbGroup& vgOf(size_t e) const { return p_.vgs[elems_[e].index]; }
  bool isSpeechVg(size_t e) const {
    return e < elems_.size() && elems_[e].kind == Elem::kVg && isReportingVerb(vgOf(e).lemma);
  }
  bool bareParticiple(const VerbGroup& vg) const {
    const Word& m = p_.words[vg.main];
    return vg.span.last - vg.span.first == 1 + (vg.particle.empty() ? 0 : 1) && m.pos == Pos::kVerb &&
           !m.pastOnly && (m.form == VerbForm::kPast || m.form == VerbForm::kPastParticiple);
  }
  bool bareGerund(const VerbGroup& vg) const {
    const Word& m = p_.words[vg.main];
    return vg.span.first == vg.main && m.form == VerbForm::kGerund;
  }

  // "after meeting X", "before leaving Y", "upon arriving": a gerund after a
  // word of time is an adjunct clause whose subject is the main clause's.
  // ("without naming X" is left out: it says the act did not happen.)
  bool afterTimePreposition(size_t e) const {
    return e > 0 && elems_[e - 1].kind == Elem::kWord && isTimePrepositionWord(p_.words[elems_[e - 1].index].lower);
  }

  bool headsClause(size_t e) const {
    const VerbGroup& vg = vgOf(e);
    if (vg.governor != kNoIndex) return false;
    if (p_.words[vg.span.first].pos == Pos::kTo) return false;
    if (bareGerund(vg))
      return e == 0 || isWord(e - 1, ",") || isWordPos(e - 1, Pos::kCoordinator) || afterTimePreposition(e);
    return true;
  }

  // ------------------------------------------------------------ subjects

  // A "which/who" clause set off by commas whose region ends at the comma `comma`.
  int32_t relativeEndingAt(size_t comma) const {
    for (size_t c = p_.clauses.size(); c-- > 0;) {
      const Clause& cl = p_.clauses[c];
      if (cl.kind != ClauseKind::kRelative || cl.subordinator.empty() || cl.subject == kNoIndex) continue;
      size_t start = starts_[c];
      if (start > 0 && isWord(start - 1, ",") && verbElem_[c] < comma) return static_cast<int32_t>(c);
      return kNoIndex;
    }
    return kNoIndex;
  }

  struct SubjectScan {
    int32_t subjectNp = kNoIndex;
    bool viaRelative = false;
    int32_t subjectElem = -1;
    int32_t markerElem = -1;  // subordinator, relative word or coordinator before the subject/verb
  };

  SubjectScan scanBack(size_t e) const {
    SubjectScan s;
    bool skippedAppositive = false;
    for (size_t j = e; j-- > 0;) {
      const Elem& x = elems_[j];
      if (x.kind == Elem::kPp) continue;
      if (x.kind == Elem::kVg) {
        if (clauseOfVgElem_[j] != kNoIndex && p_.vgs[x.index].reducedPassive) continue;
        return s;
      }
      if (x.kind == Elem::kNp) {
        if (isAppositive(j)) { skippedAppositive = true; continue; }
        if (j > 0 && isTimeBeforeVerb(j) && isNp(j - 1)) continue;
        // "the decision to close the embassy is": the noun the infinitive modifies.
        if (j >= 2 && elems_[j - 1].kind == Elem::kVg && clauseOfVgElem_[j - 1] == kNoIndex &&
            p_.words[vgOf(j - 1).span.first].pos == Pos::kTo && vgOf(j - 1).governor == kNoIndex && isNp(j - 2)) {
          j -= 2;
        }
        s.subjectElem = static_cast<int32_t>(j);
        s.subjectNp = static_cast<int32_t>(elems_[j].index);
        if (j > 0 && elems_[j - 1].kind == Elem::kWord) {
          const Word& m = p_.words[elems_[j - 1].index];
          if (opensClause(m) || m.pos == Pos::kCoordinator) s.markerElem = static_cast<int32_t>(j - 1);
        }
        return s;
      }
      const Word& wd = p_.words[x.index];
      if (wd.pos == Pos::kAdverb || wd.pos == Pos::kAdjective || wd.lower == ")"sv || wd.lower == "("sv) continue;
      if (wd.lower == ","sv && (skippedAppositive || isAppositive(j - 1))) continue;
      if (wd.lower == ","sv) {
        // "The group, which is backed by Iran, denied": the subject is the antecedent.
        int32_t rel = relativeEndingAt(j);
        if (rel != kNoIndex) {
          const Clause& rc = p_.clauses[static_cast<size_t>(rel)];
          s.subjectNp = rc.subject;
          // "The group, which al-Muhandis founded, threatened": an object
          // relative has a subject of its own; the main subject is the antecedent.
          if (!rc.subjectInherited) {
            const int32_t antecedent = antecedentBefore(starts_[static_cast<size_t>(rel)]);
            if (antecedent != kNoIndex) s.subjectNp = antecedent;
          }
          s.subjectElem = static_cast<int32_t>(starts_[static_cast<size_t>(rel)]);
          s.viaRelative = true;
          return s;
        }
      }
      if (wd.lower == ","sv) {
        int32_t np = parentheticalSubject(j);
        if (np >= 0) {
          s.subjectElem = np;
          s.subjectNp = static_cast<int32_t>(elems_[static_cast<size_t>(np)].index);
          s.viaRelative = true;
          return s;
        }
      }
      if (opensClause(wd) || wd.pos == Pos::kCoordinator) s.markerElem = static_cast<int32_t>(j);
      if (wd.pos == Pos::kCoordinator && j > 0 && isWord(j - 1, ",")) s.markerElem = static_cast<int32_t>(j);
      return s;
    }
    return s;
  }

  // "Arnor's minister, in remarks published on Monday, urged": the NP before a
  // comma-enclosed stretch of PPs, relative clauses and adverbs ending at `comma`.
  int32_t parentheticalSubject(size_t comma) const {
    for (size_t k = comma; k-- > 0;) {
      const Elem& y = elems_[k];
      if (isWord(k, ",")) {
        if (k > 0 && isNp(k - 1) && !isAppositive(k - 1) && k + 1 < comma) return static_cast<int32_t>(k - 1);
        return -1;
      }
      if (y.kind == Elem::kPp || isWordPos(k, Pos::kAdverb) || isAppositive(k)) continue;
      if (y.kind == Elem::kVg) {
        int32_t c = clauseOfVgElem_[k];
        if (c != kNoIndex && (p_.clauses[static_cast<size_t>(c)].kind == ClauseKind::kRelative || onRelative(c)))
          continue;
        return -1;
      }
      if (y.kind == Elem::kWord && isRelativeWord(p_.words[y.index].lower)) continue;
      // The subordinator of a clause hanging on a relative one ("whose fatwa
      // led to X after ISIS invaded Iraq,").
      if (y.kind == Elem::kWord && k + 1 < comma && elems_[k + 1].kind != Elem::kWord &&
          opensClause(p_.words[y.index]) && subordinateOnRelativeAfter(k))
        continue;
      if (y.kind == Elem::kNp) continue;
      return -1;
    }
    return -1;
  }

  // True when clause `c` is a subordinate clause hanging on a relative one.
  bool onRelative(int32_t c) const {
    const Clause& cl = p_.clauses[static_cast<size_t>(c)];
    return cl.kind == ClauseKind::kSubordinate && cl.parent != kNoIndex &&
           p_.clauses[static_cast<size_t>(cl.parent)].kind == ClauseKind::kRelative;
  }

  // True when the clause whose first element is `k` (its subordinator) hangs
  // on a relative clause.
  bool subordinateOnRelativeAfter(size_t k) const {
    for (size_t c = 0; c < p_.clauses.size(); ++c)
      if (starts_[c] == k) return onRelative(static_cast<int32_t>(c));
    return false;
  }

  // The NP before a relative word: "the group, which", "militants who".
  int32_t antecedentBefore(size_t marker) const {
    size_t j = marker;
    if (j > 0 && isWord(j - 1, ",")) --j;
    // A time phrase is no antecedent: "struck depots of X on Tuesday, which
    // it blamed for ..." relates to X.
    while (j > 1 && elems_[j - 1].kind == Elem::kPp && p_.pps[elems_[j - 1].index].np != kNoIndex &&
           isTemporal(static_cast<uint32_t>(p_.pps[elems_[j - 1].index].np)))
      --j;
    // "Gulen, a cleric living in Pennsylvania, whom he blamed": a person's
    // relative word skips the named place a phrase is located in (and the
    // participle placing it) for the phrase itself.
    if ((isWord(marker, "who") || isWord(marker, "whom")) && j > 1 && elems_[j - 1].kind == Elem::kPp) {
      const PrepPhrase& pp = p_.pps[elems_[j - 1].index];
      static const std::unordered_set<std::string_view> kLocative = {"in", "near", "at", "inside", "from"};
      if (pp.np != kNoIndex && kLocative.count(pp.prep) && p_.words[p_.nps[pp.np].head].pos == Pos::kProperNoun) {
        size_t k = j - 1;
        if (k > 1 && elems_[k - 1].kind == Elem::kVg && p_.vgs[elems_[k - 1].index].nonFinite) --k;
        if (k > 0 && isNp(k - 1)) {
          // (An apposition's antecedent is the phrase it renames: "Gulen, a cleric ...".)
          const int32_t np = static_cast<int32_t>(elems_[k - 1].index);
          return p_.nps[np].appositionOf != kNoIndex ? p_.nps[np].appositionOf : np;
        }
      }
    }
    if (j > 0 && isNp(j - 1)) return static_cast<int32_t>(elems_[j - 1].index);
    if (j > 0 && elems_[j - 1].kind == Elem::kPp) return p_.pps[elems_[j - 1].index].np;
    return kNoIndex;
  }

  int32_t lastTopClause() const {
    for (size_t c = p_.clauses.size(); c-- > 0;) {
      const Clause& cl = p_.clauses[c];
      if (cl.parent == kNoIndex && (cl.kind == ClauseKind::kMain || cl.kind == ClauseKind::kCoordinated)) {
        return static_cast<int32_t>(c);
      }
    }
    return lastClauseOf({ClauseKind::kMain, ClauseKind::kReported, ClauseKind::kCoordinated});
  }

  int32_t lastClauseOf(std::initializer_list<ClauseKind> kinds) const {
    for (size_t c = p_.clauses.size(); c-- > 0;) {
      for (ClauseKind k : kinds)
        if (p_.clauses[c].kind == k) return static_cast<int32_t>(c);
    }
    return kNoIndex;
  }

  // A speech verb before `e` (possibly with an object and PPs between): "told reporters (that)".
  int32_t speechClauseBefore(size_t e) const {
    for (size_t j = e; j-- > 0;) {
      if (elems_[j].kind == Elem::kPp || isNp(j)) continue;
      if (elems_[j].kind == Elem::kVg) {
        return isSpeechVg(j) ? clauseOfVgElem_[j] : kNoIndex;
      }
      return kNoIndex;
    }
    return kNoIndex;
  }

  void addClause(size_t e) {
    VerbGroup& vg = p_.vgs[elems_[e].index];
    Clause c;
    c.verb = elems_[e].index;
    size_t startElem = e;
    if (!reducedOrParticipial(c, vg, e)) startElem = classify(c, vg, e, scanBack(e));
    if (c.subordinator == "if"sv && vg.modality == Modality::kNone) vg.modality = Modality::kConditional;
    clauseOfVgElem_[e] = static_cast<int32_t>(p_.clauses.size());
    starts_.push_back(startElem);
    verbElem_.push_back(e);
    p_.clauses.push_back(std::move(c));
  }

  // The common noun right before PP element `pe` when that PP places it in a
  // named place ("buildings in eastern Syria"); kNoIndex otherwise.
  int32_t locatedNoun(size_t pe) const {
    const PrepPhrase& pp = p_.pps[elems_[pe].index];
    static const std::unordered_set<std::string_view> kLocative = {"in", "near", "at", "inside", "outside", "across"};
    if (pe == 0 || pp.np == kNoIndex || !kLocative.count(pp.prep)) return kNoIndex;
    if (p_.words[p_.nps[pp.np].head].pos != Pos::kProperNoun) return kNoIndex;
    // The noun: the phrase before, or the object of the prepositional phrase
    // before ("strikes against depots in southern Lebanon used by X").
    int32_t noun = kNoIndex;
    if (isNp(pe - 1)) noun = static_cast<int32_t>(elems_[pe - 1].index);
    else if (elems_[pe - 1].kind == Elem::kPp) noun = p_.pps[elems_[pe - 1].index].np;
    return noun != kNoIndex && p_.words[p_.nps[noun].head].pos == Pos::kNoun ? noun : kNoIndex;
  }

  // Clauses whose subject comes from elsewhere whatever precedes them:
  // comma-enclosed and post-PP participles, and ", killing ..." adjuncts.
  bool reducedOrParticipial(Clause& c, VerbGroup& vg, size_t e) {
    if (int32_t np = commaParticipleHost(e); np != kNoIndex) {
      // "The militia, backed by Iran, seized": a reduced relative set off by commas.
      c.kind = ClauseKind::kRelative;
      c.subject = np;
    } else if (bareParticiple(vg) && e > 0 && elems_[e - 1].kind == Elem::kPp && !isNp(e + 1) &&
               !isReportingVerb(vg.lemma) && !isActiveOnly(vg.lemma)) {
      // "in remarks published on Monday": a reduced relative on the PP's noun;
      // "buildings in eastern Syria used by X": on the noun the named place
      // locates.
      c.kind = ClauseKind::kRelative;
      c.subject = p_.pps[elems_[e - 1].index].np;
      if (int32_t located = locatedNoun(e - 1); located != kNoIndex) c.subject = located;
    } else if (bareGerund(vg)) {
      c.kind = ClauseKind::kParticipial;
      int32_t main = lastTopClause();  // ", adding ..." belongs to the speaker, not to what was said
      c.parent = main;
      if (main != kNoIndex) c.subject = p_.clauses[static_cast<size_t>(main)].subject;
      c.subjectInherited = true;
      return true;
    } else {
      return false;
    }
    c.subjectInherited = true;
    vg.voice = Voice::kPassive, vg.reducedPassive = true;
    return true;
  }

  // "X said (that) the attacks were unacceptable and urged Iraq to ...": a
  // verb of speech or appeal coordinated right after a reported clause, in
  // the tense of the verb that reported it, goes on the speaker's side (the
  // clause that reported `prev`); any other verb is the reported clause's
  // conjunct ("said Iran attacked ships and seized a tanker"). Returns the
  // clause whose subject the conjunct shares.
  int32_t speakerSideConjunct(int32_t prev, const VerbGroup& vg) const {
    if (prev == kNoIndex) return prev;
    const Clause& pc = p_.clauses[static_cast<size_t>(prev)];
    // A "that" clause of a verb that is no saying ("ruled that", "found
    // that") is read as a reported one is.
    const bool thatClause = pc.kind == ClauseKind::kSubordinate && pc.subordinator == "that";
    // (A subordinate clause is given its parent only once the sentence is
    // read: the clause that governs it is the last top clause before it.)
    const int32_t governor = thatClause && pc.parent == kNoIndex ? lastTopClause() : pc.parent;
    if ((pc.kind != ClauseKind::kReported && !thatClause) || governor == kNoIndex || governor >= prev) return prev;
    const Clause& reporter = p_.clauses[static_cast<size_t>(governor)];
    const VerbGroup& said = p_.vgs[reporter.verb];
    if (!speakerSideVerb(vg.lemma) || vg.tense != said.tense || !vg.modal.empty() || vg.nonFinite) return prev;
    return governor;
  }

  // "Iraqi forces raided a site used by X and detained a dozen of its
  // members": an active verb with an object after "and" does not go on the
  // reduced passive ("used by X") it follows, but the clause before it.
  int32_t pastReducedRelative(int32_t prev, const VerbGroup& vg, size_t e) const {
    if (prev == kNoIndex) return prev;
    const Clause& pc = p_.clauses[static_cast<size_t>(prev)];
    if (pc.kind != ClauseKind::kRelative || !p_.vgs[pc.verb].reducedPassive) return prev;
    if (vg.voice != Voice::kActive || vg.nonFinite || e + 1 >= elems_.size() || !isNp(e + 1)) return prev;
    for (int32_t c = prev; c-- > 0;) {
      const Clause& k = p_.clauses[static_cast<size_t>(c)];
      if (k.kind == ClauseKind::kMain || k.kind == ClauseKind::kCoordinated || k.kind == ClauseKind::kReported)
        return c;
    }
    return prev;
  }

  // "Russia, accused by Estonia of spying, expelled two diplomats": the
  // verb at element `e` follows the comma that closes a reduced relative set
  // off by commas (the clause just read), with no finite verb between; the
  // phrase that relative describes is the verb's subject. kNoIndex otherwise.
  int32_t hostOfClosedApposition(size_t e) const {
    if (e == 0 || !isWord(e - 1, ",") || p_.clauses.empty()) return kNoIndex;
    const Clause& rel = p_.clauses.back();
    const size_t relVerb = verbElem_.back();
    if (relVerb < 2 || !isWord(relVerb - 1, ",") || !isNp(relVerb - 2)) return kNoIndex;
    // ... or an -ing participle set off so ("Blinken, speaking in London
    // alongside Lammy, said ..."), opening right after the phrase.
    const bool participle = rel.kind == ClauseKind::kParticipial && rel.subject == kNoIndex && relVerb == 2;
    if (participle) {
      for (size_t k = relVerb + 1; k + 1 < e; ++k)
        if (elems_[k].kind == Elem::kVg && !vgOf(k).nonFinite) return kNoIndex;
      return static_cast<int32_t>(elems_[relVerb - 2].index);
    }
    if (rel.kind != ClauseKind::kRelative || !rel.subjectInherited || rel.subject == kNoIndex ||
        !p_.vgs[rel.verb].reducedPassive)
      return kNoIndex;
    if (static_cast<int32_t>(elems_[relVerb - 2].index) != rel.subject) return kNoIndex;
    for (size_t k = relVerb + 1; k + 1 < e; ++k)
      if (elems_[k].kind == Elem::kVg && !vgOf(k).nonFinite) return kNoIndex;
    return rel.subject;
  }

  // Kind, subject and subordinator from what precedes the verb; returns the
  // clause's first element.
  size_t classify(Clause& c, VerbGroup& vg, size_t e, const SubjectScan& s) {
    const Word* markerWord = s.markerElem >= 0 ? &p_.words[elems_[static_cast<size_t>(s.markerElem)].index] : nullptr;
    std::string marker = markerWord ? markerWord->lower : "";
    Pos markerPos = markerWord ? markerWord->pos : Pos::kPunct;
    if (markerWord && opensClause(*markerWord)) markerPos = Pos::kSubordinator;  // "before troops arrived"
    if (s.subjectElem < 0 && markerPos == Pos::kSubordinator && isRelativeWord(marker)) {
      c.kind = ClauseKind::kRelative;
      c.subordinator = marker;
      c.subject = antecedentBefore(static_cast<size_t>(s.markerElem));
      c.subjectInherited = true;
      return static_cast<size_t>(s.markerElem);
    }
    if (s.subjectElem < 0 && markerPos == Pos::kCoordinator) {
      int32_t prev = lastClauseOf({ClauseKind::kMain, ClauseKind::kReported, ClauseKind::kCoordinated,
                                   ClauseKind::kRelative, ClauseKind::kSubordinate});
      c.kind = ClauseKind::kCoordinated;
      prev = speakerSideConjunct(prev, vg);
      prev = pastReducedRelative(prev, vg, e);
      if (prev != kNoIndex) {
        const Clause& pc = p_.clauses[static_cast<size_t>(prev)];
        c.subject = pc.subject, c.parent = pc.parent, c.speaker = pc.speaker;
      }
      c.subjectInherited = true;
      return static_cast<size_t>(s.markerElem);
    }
    if (s.viaRelative) {
      c.subject = s.subjectNp;
      return static_cast<size_t>(s.subjectElem);
    }
    if (s.subjectElem >= 0) {
      size_t se = static_cast<size_t>(s.subjectElem);
      c.subject = s.subjectNp;
      if (isReducedPassive(vg, se, e)) {
        vg.voice = Voice::kPassive, vg.reducedPassive = true;
        c.kind = ClauseKind::kRelative;
        c.subjectInherited = true;
        return e;
      }
      // "the cleric whose fatwa led to ...": a subject opened by "whose" is
      // a relative clause on the phrase before it, with a subject of its own.
      if (s.markerElem < 0 && s.subjectNp != kNoIndex &&
          p_.words[p_.nps[static_cast<size_t>(s.subjectNp)].span.first].lower == "whose"sv) {
        c.kind = ClauseKind::kRelative;
        c.subordinator = "whose";
        return se;
      }
      classifyBySubject(c, s, marker, markerPos, se);
      if (c.kind == ClauseKind::kMain && s.markerElem < 0 && contactRelativeAt(se, e)) {
        c.kind = ClauseKind::kRelative;  // "the sanctions it had imposed on Turkey"
        c.parent = lastTopClause();
      }
      return s.markerElem >= 0 ? static_cast<size_t>(s.markerElem) : se;
    }
    if (int32_t host = hostOfClosedApposition(e); host != kNoIndex) {
      c.subject = host;  // "Russia, accused by Estonia of spying, expelled ..."
      return e;
    }
    if (isInvertedSpeech(e)) {
      c.subject = static_cast<int32_t>(elems_[e + 1].index);  // "..., said the minister."
      inverted_.push_back(e + 1);
    } else if (markerPos == Pos::kSubordinator) {
      c.kind = ClauseKind::kSubordinate;
      c.subordinator = marker;
    }
    return e;
  }


  // "two soldiers killed in a strike (were buried)": a bare participle right after
  // its noun, followed by a PP and then either the real verb or nothing.
  // NP , participle (by-PP | PP) : the NP that a comma-enclosed participle describes.
  int32_t commaParticipleHost(size_t e) const {
    const VerbGroup& vg = vgOf(e);
    if (!bareParticiple(vg) || e < 2 || !isWord(e - 1, ",") || !isNp(e - 2) || isReportingVerb(vg.lemma)) return kNoIndex;
    if (e + 1 >= elems_.size() || elems_[e + 1].kind != Elem::kPp) return kNoIndex;
    // "Putin and his Turkish counterpart, Recep Tayyip Erdogan, met in
    // Sochi": after an apposition set off by commas, a verb with no other
    // verb before or after it in the sentence is the main verb, not a
    // participle on the apposition ("The militia, backed by Iran, seized").
    if (e >= 3 && isWord(e - 3, ",")) {
      bool otherVerb = false;
      for (size_t k = 0; k < elems_.size() && !otherVerb; ++k) otherVerb = k != e && elems_[k].kind == Elem::kVg;
      if (!otherVerb) return kNoIndex;
    }
    return static_cast<int32_t>(elems_[e - 2].index);
  }

  // "..., said the minister."
  bool isInvertedSpeech(size_t e) const {
    static const std::unordered_set<std::string_view> kSay = {"say", "add", "tell", "announce", "write", "state", "report"};
    if (!kSay.count(vgOf(e).lemma) || e == 0 || !isWord(e - 1, ",") || !isNp(e + 1)) return false;
    return e + 2 >= elems_.size() || isWordPos(e + 2, Pos::kPunct);
  }

  bool isReducedPassive(const VerbGroup& vg, size_t subjectElem, size_t e) const {
    if (!bareParticiple(vg) || subjectElem + 1 != e || isReportingVerb(vg.lemma)) return false;
    // "Kavala, whom Ankara accused of financing ...": after an object
    // relative word the phrase is the relative clause's subject, its verb active.
    if (subjectElem > 0 && (isWord(subjectElem - 1, "whom") || isWord(subjectElem - 1, "which"))) return false;
    bool byNext = e + 1 < elems_.size() && elems_[e + 1].kind == Elem::kPp && p_.pps[elems_[e + 1].index].prep == "by"sv;
    if (byNext) return true;
    // "three men accused of plotting attacks"
    bool prepGerund = isWordPos(e + 1, Pos::kPreposition) && e + 2 < elems_.size() && elems_[e + 2].kind == Elem::kVg &&
                      bareGerund(vgOf(e + 2));
    if (prepGerund) return true;
    // A passive takes no direct object: "Ethiopia broke down a treaty" (a
    // time phrase is no object: "two soldiers killed Monday ...").
    if (isNp(e + 1) && !isTemporalAt(e + 1)) return false;
    if (isActiveOnly(vg.lemma)) return false;
    if (p_.words[vg.main].form == VerbForm::kPastParticiple) return true;  // "a faction known as ..."
    // "kept targeting ships linked to Israel": a participle on the object of
    // the verb right before that object describes it (not after a verb of
    // saying: "officials said the troops retreated to ...").
    if (subjectElem > 0 && elems_[subjectElem - 1].kind == Elem::kVg && !isReportingVerb(vgOf(subjectElem - 1).lemma))
      return true;

    size_t k = e + 1;
    bool sawPp = false;
    while (k < elems_.size() && (elems_[k].kind == Elem::kPp || isWordPos(k, Pos::kAdverb))) {
      // "arrived in X since protesters in Y were crushed": the verb after a
      // preposition that opens a clause is that clause's, not the main verb.
      if (elems_[k].kind == Elem::kPp && opensClause(p_.words[p_.pps[elems_[k].index].span.first])) return false;
      sawPp = sawPp || elems_[k].kind == Elem::kPp;
      ++k;
    }
    // An infinitive is no main verb: "X landed in Y on Friday to address ...".
    if (k < elems_.size() && elems_[k].kind == Elem::kVg)
      return sawPp && !bareParticiple(vgOf(k)) && p_.words[vgOf(k).span.first].lower != "to"sv;
    bool ends = k >= elems_.size() || isWordPos(k, Pos::kPunct);
    return ends && isEventPassive(vg.lemma);
  }

  void classifyBySubject(Clause& c, const SubjectScan& s, const std::string& marker, Pos markerPos, size_t se) {
    if (markerPos == Pos::kCoordinator) {
      int32_t prev = lastClauseOf({ClauseKind::kMain, ClauseKind::kReported, ClauseKind::kCoordinated});
      if (prev != kNoIndex) {
        const Clause& pc = p_.clauses[static_cast<size_t>(prev)];
        c.kind = pc.kind == ClauseKind::kReported ? ClauseKind::kReported : ClauseKind::kMain;
        c.parent = pc.parent, c.speaker = pc.speaker;
      }
      return;
    }
    if (markerPos == Pos::kSubordinator) {
      c.subordinator = marker;
      int32_t speech = (marker == "that"sv || marker == "whether"sv) && s.markerElem >= 0
                           ? speechClauseBefore(static_cast<size_t>(s.markerElem)) : kNoIndex;
      if (speech != kNoIndex) {
        c.kind = ClauseKind::kReported, c.parent = speech;
      } else if (isRelativeWord(marker) && marker != "that"sv) {
        c.kind = ClauseKind::kRelative;  // "whom Iran backs": the subject is Iran
      } else {
        c.kind = ClauseKind::kSubordinate;
        // "the cleric whose fatwa led to X after ISIS invaded Iraq": a
        // subordinate clause right after a relative one, no comma between,
        // hangs on it.
        if (!p_.clauses.empty() && p_.clauses.back().kind == ClauseKind::kRelative && s.markerElem >= 0) {
          bool comma = false;
          for (size_t k = verbElem_.back() + 1; k < static_cast<size_t>(s.markerElem); ++k)
            comma = comma || isWord(k, ",");
          if (!comma) c.parent = static_cast<int32_t>(p_.clauses.size() - 1);
        }
      }
      return;
    }
    int32_t speech = speechClauseBefore(se);
    if (speech != kNoIndex && se > 0 && zeroThatComplementAt(se)) {
      c.kind = ClauseKind::kReported, c.parent = speech;
    }
  }

  // A reported clause without "that" starts right after its speech verb, or
  // after what wire copy puts between them: time and source phrases and
  // adverbs ("said on Friday it had seized ...", "said in a statement they
  // would ..."), or the addressee of "told" ("told reporters it would ...").
  // "late" / "early" in "said late on Monday", which the tagger may read as
  // a one-word noun phrase.
  bool timeAdverbNp(size_t k) const {
    if (!isNp(k)) return false;
    const NounPhrase& n = p_.nps[elems_[k].index];
    if (n.span.last != n.span.first + 1) return false;
    const std::string& w = p_.words[n.span.first].lower;
    return w == "late"sv || w == "early"sv || w == "earlier"sv || w == "later"sv;
  }
  bool zeroThatComplementAt(size_t se) const {
    size_t j = se - 1;
    while (j > 0 && ((elems_[j].kind == Elem::kPp && !opensClause(p_.words[p_.pps[elems_[j].index].span.first])) ||
                     isWordPos(j, Pos::kAdverb) || timeAdverbNp(j)))
      --j;
    if (elems_[j].kind == Elem::kVg) return true;
    static const std::unordered_set<std::string_view> kAddressed = {"tell", "inform", "assure", "warn", "remind",
                                                                    "notify"};
    return isNp(j) && j > 0 && elems_[j - 1].kind == Elem::kVg && kAddressed.count(vgOf(j - 1).lemma) > 0;
  }

  // "..., Iran's foreign minister said." -> earlier top-level clauses are what he said.
  void attachTrailingSpeech() {
    for (size_t c = 1; c < p_.clauses.size(); ++c) {
      Clause& sc = p_.clauses[c];
      size_t e = verbElem_[c];
      size_t before = starts_[c];
      if (before > 0 && isWord(before - 1, "\"")) --before;  // '..., " Netanyahu told reporters.'
      const std::string& lemma = vgOf(e).lemma;
      bool addressee = lemma == "tell"sv || lemma == "inform"sv || lemma == "assure"sv;
      bool trailing = sc.kind == ClauseKind::kMain && isSpeechVg(e) && before > 0 && isWord(before - 1, ",") &&
                      (!hasObjectAfter(e) || addressee);
      bool inverted = std::find(inverted_.begin(), inverted_.end(), e + 1) != inverted_.end();
      if (!trailing && !inverted) continue;
      for (size_t k = 0; k < c; ++k) {
        Clause& rc = p_.clauses[k];
        if (rc.parent != kNoIndex || rc.kind == ClauseKind::kReported) continue;
        if (rc.kind == ClauseKind::kMain || rc.kind == ClauseKind::kCoordinated) {
          if (rc.kind == ClauseKind::kMain) rc.kind = ClauseKind::kReported;
          rc.parent = static_cast<int32_t>(c);
          rc.speaker = sc.subject;
        }
      }
    }
  }

  bool hasObjectAfter(size_t e) const {
    size_t k = e + 1;
    while (k < elems_.size() && elems_[k].kind == Elem::kPp) ++k;
    return isNp(k) || isWord(k, "that");
  }

  void assignParents() {
    for (size_t c = 0; c < p_.clauses.size(); ++c) {
      Clause& cl = p_.clauses[c];
      if (cl.kind == ClauseKind::kReported && cl.parent != kNoIndex && cl.speaker == kNoIndex) {
        cl.speaker = p_.clauses[static_cast<size_t>(cl.parent)].subject;
      }
      if (cl.parent != kNoIndex) continue;
      if (cl.kind == ClauseKind::kRelative) cl.parent = clauseHolding(cl.subject, c);
      if (cl.kind == ClauseKind::kSubordinate || (cl.kind == ClauseKind::kParticipial)) cl.parent = nearestMain(c);
      if (cl.kind == ClauseKind::kParticipial && cl.subject == kNoIndex && cl.parent != kNoIndex) {
        cl.subject = p_.clauses[static_cast<size_t>(cl.parent)].subject;
      }
    }
  }

  int32_t nearestMain(size_t c) const {
    for (size_t k = c; k-- > 0;)
      if (p_.clauses[k].kind == ClauseKind::kMain) return static_cast<int32_t>(k);
    for (size_t k = c + 1; k < p_.clauses.size(); ++k)
      if (p_.clauses[k].kind == ClauseKind::kMain) return static_cast<int32_t>(k);
    return kNoIndex;
  }

  int32_t clauseHolding(int32_t np, size_t self) const {
    if (np == kNoIndex) return kNoIndex;
    for (size_t k = 0; k < p_.clauses.size(); ++k) {
      if (k == self) continue;
      if (p_.clauses[k].subject == np) return static_cast<int32_t>(k);
    }
    // The antecedent is an object: the nearest clause before the relative one.
    return self > 0 ? static_cast<int32_t>(self - 1) : kNoIndex;
  }

  // ------------------------------------------------------------ objects and PPs

  bool isSubjectNp(uint32_t np) const {
    for (const Clause& c : p_.clauses)
      if (!c.subjectInherited && c.subject == static_cast<int32_t>(np)) return true;
    return false;
  }

  // "next week", "last month", "Monday": time adverbials, not objects.
  bool isTemporal(uint32_t npIndex) const { return isTimePhrase(p_, npIndex); }

  // Also "five years after/ago/later".
  bool isTemporalAt(size_t k) const {
    if (isTemporal(elems_[k].index)) return true;
    static const std::unordered_set<std::string_view> kAfter = {"after", "before", "ago", "later", "earlier"};
    static const std::unordered_set<std::string_view> kUnits = {
        "year", "month", "week", "day", "hour", "decade", "minute",
        "years", "months", "weeks", "days", "hours", "decades", "minutes"};  // WordNet keeps "years" as a lemma
    const NounPhrase& n = p_.nps[elems_[k].index];
    return kUnits.count(p_.words[n.head].lower) > 0 && k + 1 < elems_.size() && elems_[k + 1].kind == Elem::kWord &&
           kAfter.count(p_.words[elems_[k + 1].index].lower) > 0;
  }

  void fillArguments() {
    std::vector<size_t> sortedStarts = starts_;
    sortedStarts.insert(sortedStarts.end(), verbElem_.begin(), verbElem_.end());
    std::sort(sortedStarts.begin(), sortedStarts.end());
    for (size_t c = 0; c < p_.clauses.size(); ++c) {
      Clause& cl = p_.clauses[c];
      size_t e = verbElem_[c];
      auto next = std::upper_bound(sortedStarts.begin(), sortedStarts.end(), e);
      size_t end = next == sortedStarts.end() ? elems_.size() : *next;
      const VerbGroup& vg = p_.vgs[cl.verb];
      bool inComplement = false;
      for (size_t k = e + 1; k < end; ++k) {
        const Elem& x = elems_[k];
        // Past the verb's complement or another dependent non-finite verb ("in defending X").
        if (x.kind == Elem::kVg && (static_cast<int32_t>(x.index) == vg.complement || vgOf(k).nonFinite)) {
          inComplement = true;
        }
        if (inComplement) {
          if (x.kind == Elem::kNp && !isAppositive(k) && !isSubjectNp(x.index)) cl.complementObjects.push_back(x.index);
          if (x.kind == Elem::kPp) cl.complementPps.push_back(x.index);
          continue;
        }
        if (x.kind == Elem::kWord && p_.words[x.index].pos == Pos::kSubordinator) break;  // "..., because"
        if (x.kind == Elem::kWord && p_.words[x.index].lower == ","sv && k + 1 < end && !isAppositive(k + 1) &&
            elems_[k + 1].kind != Elem::kPp) break;
        // "designated X, a militia led by Y, as a terrorist organisation": a
        // reduced relative inside an apposition ends at the comma that closes
        // it; the phrases after it are the enclosing clause's.
        if (x.kind == Elem::kWord && p_.words[x.index].lower == ","sv && cl.kind == ClauseKind::kRelative &&
            vg.reducedPassive && cl.parent != kNoIndex && inApposition(e)) {
          Clause& up = p_.clauses[static_cast<size_t>(cl.parent)];
          for (size_t j = k + 1; j < end && elems_[j].kind == Elem::kPp; ++j) up.pps.push_back(elems_[j].index);
          break;
        }
        if (x.kind == Elem::kNp && !isAppositive(k) && !isSubjectNp(x.index) && !isTemporalAt(k) &&
            std::find(inverted_.begin(), inverted_.end(), k) == inverted_.end()) {
          cl.objects.push_back(x.index);
        } else if (x.kind == Elem::kPp) {
          const PrepPhrase& pp = p_.pps[x.index];
          if (pp.prep == "by"sv && vg.voice == Voice::kPassive && cl.agent == kNoIndex) cl.agent = pp.np;
          else cl.pps.push_back(x.index);
        }
      }
      fillRelativeGap(c);
    }
  }

  // True when the verb at element `e` follows an apposition opened by a
  // comma: ", NP VERB" or ", NP , VERB" with a noun phrase before the comma.
  bool inApposition(size_t e) const {
    size_t k = e;
    if (k > 0 && isWord(k - 1, ",")) --k;
    if (k == 0 || !isNp(k - 1)) return false;
    --k;
    return k >= 2 && isWord(k - 1, ",") && isNp(k - 2);
  }

  // "lifted the sanctions it had imposed on Turkey": a relative clause with
  // no relative word, right after the common noun it describes, its subject
  // a personal pronoun and its active finite verb without an object of its
  // own (the noun is that object: fillRelativeGap).
  bool contactRelativeAt(size_t se, size_t e) const {
    static const std::unordered_set<std::string_view> kPronouns = {"it", "they", "he", "she", "we"};
    if (se == 0 || e != se + 1 || !isNp(se)) return false;
    // The noun before: a phrase, or the phrase of a preposition ("in
    // retaliation for a chemical attack it blamed on Damascus").
    int32_t before = kNoIndex;
    if (isNp(se - 1))
      before = static_cast<int32_t>(elems_[se - 1].index);
    else if (elems_[se - 1].kind == Elem::kPp)
      before = p_.pps[elems_[se - 1].index].np;
    if (before == kNoIndex) return false;
    const NounPhrase& subject = p_.nps[elems_[se].index];
    if (subject.span.last != subject.span.first + 1 || !kPronouns.count(p_.words[subject.span.first].lower))
      return false;
    if (p_.words[p_.nps[static_cast<size_t>(before)].head].pos != Pos::kNoun) return false;
    const VerbGroup& v = vgOf(e);
    if (v.voice != Voice::kActive || v.nonFinite || isReportingVerb(v.lemma)) return false;
    return e + 1 >= elems_.size() || !isNp(e + 1);
  }

  // "Kata'ib Hezbollah, which Washington blamed for the attack": a relative
  // clause with a subject of its own and an active verb with no object has
  // its antecedent as that object.
  void fillRelativeGap(size_t c) {
    static const std::unordered_set<std::string_view> kObjectRelatives = {"which", "who", "whom", "that", ""};
    Clause& cl = p_.clauses[c];
    const VerbGroup& vg = p_.vgs[cl.verb];
    if (cl.kind != ClauseKind::kRelative || cl.subjectInherited || !cl.objects.empty() ||
        vg.voice != Voice::kActive || vg.nonFinite || !kObjectRelatives.count(cl.subordinator))
      return;
    const int32_t antecedent = antecedentBefore(starts_[c]);
    if (antecedent != kNoIndex && antecedent != cl.subject) cl.objects.push_back(static_cast<uint32_t>(antecedent));
  }

  void applyAccordingTo() {
    for (const PrepPhrase& pp : p_.pps) {
      if (pp.prep != "according to"sv) continue;
      for (Clause& c : p_.clauses) {
        if (c.parent == kNoIndex && c.speaker == kNoIndex) c.speaker = pp.np;
      }
    }
  }

  SentenceParse& p_;
  std::vector<Elem> elems_;
  std::vector<int32_t> clauseOfVgElem_;
  std::vector<size_t> starts_;    // per clause: its first element
  std::vector<size_t> verbElem_;  // per clause: its verb's element
  std::vector<size_t> inverted_;  // elements of subjects after their verb
};

void appendSpan(std::string& out, const SentenceParse& p, int32_t np) {
  if (np == kNoIndex) {
    out += "-";
    return;
  }
  out += "NP" + std::to_string(np) + " \"";
  out += spanText(p, p.nps[static_cast<size_t>(np)].span);
  out += "\"";
}

std::string vgLabel(const VerbGroup& vg) {
  std::string s = vg.lemma;
  if (!vg.particle.empty()) s += "_" + vg.particle;
  s += std::string(",") + voiceName(vg.voice) + "," + tenseName(vg.tense);
  if (vg.negated) s += ",neg";
  if (vg.modality != Modality::kNone) s += std::string(",") + modalityName(vg.modality);
  if (vg.nonFinite) s += ",nonfinite";
  return s;
}

void appendBrackets(std::string& out, const SentenceParse& p) {
  const size_t n = p.words.size();
  std::vector<std::string> open(n), close(n);
  for (const PrepPhrase& pp : p.pps) {
    open[pp.span.first] += "[PP ";
    close[pp.span.last - 1] += "]";
  }
  for (size_t i = 0; i < p.nps.size(); ++i) {
    const NounPhrase& np = p.nps[i];
    if (!np.base) continue;
    open[np.span.first] += "[NP" + std::to_string(i) + " ";
    close[np.span.last - 1] += "]";
  }
  for (size_t i = 0; i < p.vgs.size(); ++i) {
    const VerbGroup& vg = p.vgs[i];
    open[vg.span.first] += "[VG" + std::to_string(i) + "{" + vgLabel(vg) + "} ";
    close[vg.span.last - 1] += "]";
  }
  for (size_t i = 0; i < n; ++i) {
    const Word& w = p.words[i];
    if (i > 0) out += ' ';
    out += open[i];
    out += spanText(p, {static_cast<uint32_t>(i), static_cast<uint32_t>(i + 1)});
    out += '/';
    out += posName(w.pos);
    out += close[i];
  }
  out += '\n';
}

void appendCompositeNps(std::string& out, const SentenceParse& p) {
  for (size_t i = 0; i < p.nps.size(); ++i) {
    const NounPhrase& np = p.nps[i];
    if (np.base && np.appositionOf == kNoIndex) continue;
    out += "NP" + std::to_string(i) + " head=" + p.words[np.head].lower;
    if (np.possessor != kNoIndex) out += " poss=NP" + std::to_string(np.possessor);
    if (np.ofNp != kNoIndex) out += " of=NP" + std::to_string(np.ofNp);
    if (np.appositionOf != kNoIndex) out += " appos=NP" + std::to_string(np.appositionOf);
    if (!np.members.empty()) {
      out += " members=";
      for (size_t m = 0; m < np.members.size(); ++m) out += (m ? "," : "") + std::string("NP") + std::to_string(np.members[m]);
    }
    out += " \"";
    out += spanText(p, np.span);
    out += "\"\n";
  }
}

}  // namespace

SentenceParse parse(const Lexicon& lexicon, std::string_view text, size_t offset, TaggerCache* cache) {
  SentenceParse p;
  p.text = std::string(text);
  p.offset = offset;
  p.words = tagWords(lexicon, text, offset, cache);
  Chunks chunks = chunk(p.words);
  p.nps = std::move(chunks.nps);
  p.pps = std::move(chunks.pps);
  p.vgs = std::move(chunks.vgs);
  ClauseFinder(p).run();
  return p;
}

size_t clauseFirstWord(const SentenceParse& p, const Clause& c) {
  size_t first = p.vgs[c.verb].span.first;
  if (c.subject != kNoIndex && !c.subjectInherited) first = std::min<size_t>(first, p.nps[c.subject].span.first);
  return first;
}

bool isTimePhrase(const SentenceParse& p, uint32_t np) {
  static const std::unordered_set<std::string_view> kTime = {
      "week", "month",  "year",   "day",     "weekend",   "morning",  "afternoon", "evening",  "night",
      "hour", "decade", "monday", "tuesday", "wednesday", "thursday", "friday",    "saturday", "sunday"};
  static const std::unordered_set<std::string_view> kDeictic = {"next",  "last", "this", "every",
                                                                "early", "late", "that"};
  const NounPhrase& n = p.nps[np];
  if (!kTime.count(p.words[n.head].lemma)) return false;
  return n.span.last - n.span.first == 1 || kDeictic.count(p.words[n.span.first].lower) > 0;
}

std::string_view spanText(const SentenceParse& p, WordSpan span) {
  if (span.first >= span.last || span.last > p.words.size()) return {};
  size_t b = p.words[span.first].begin - p.offset;
  size_t e = p.words[span.last - 1].end - p.offset;
  return std::string_view(p.text).substr(b, e - b);
}

std::string toString(const SentenceParse& p) {
  std::string out;
  appendBrackets(out, p);
  appendCompositeNps(out, p);
  for (size_t c = 0; c < p.clauses.size(); ++c) {
    const Clause& cl = p.clauses[c];
    out += "clause" + std::to_string(c) + " " + clauseKindName(cl.kind);
    if (!cl.subordinator.empty()) out += "(" + cl.subordinator + ")";
    out += ": S=";
    appendSpan(out, p, cl.subject);
    if (cl.subjectInherited) out += "*";
    out += " V=VG" + std::to_string(cl.verb) + "{" + vgLabel(p.vgs[cl.verb]) + "}";
    if (p.vgs[cl.verb].complement != kNoIndex) {
      out += "+VG" + std::to_string(p.vgs[cl.verb].complement) + "{" +
             vgLabel(p.vgs[static_cast<size_t>(p.vgs[cl.verb].complement)]) + "}";
    }
    out += " O=[";
    for (size_t i = 0; i < cl.objects.size(); ++i) {
      if (i) out += "; ";
      appendSpan(out, p, static_cast<int32_t>(cl.objects[i]));
    }
    out += "] PP=[";
    for (size_t i = 0; i < cl.pps.size(); ++i) {
      const PrepPhrase& pp = p.pps[cl.pps[i]];
      if (i) out += "; ";
      out += pp.prep + ":";
      appendSpan(out, p, pp.np);
    }
    out += "]";
    if (!cl.complementObjects.empty() || !cl.complementPps.empty()) {
      out += " CO=[";
      for (size_t i = 0; i < cl.complementObjects.size(); ++i) {
        if (i) out += "; ";
        appendSpan(out, p, static_cast<int32_t>(cl.complementObjects[i]));
      }
      out += "] CPP=[";
      for (size_t i = 0; i < cl.complementPps.size(); ++i) {
        const PrepPhrase& pp = p.pps[cl.complementPps[i]];
        if (i) out += "; ";
        out += pp.prep + ":";
        appendSpan(out, p, pp.np);
      }
      out += "]";
    }
    if (cl.agent != kNoIndex) { out += " agent="; appendSpan(out, p, cl.agent); }
    if (cl.speaker != kNoIndex) { out += " speaker="; appendSpan(out, p, cl.speaker); }
    if (cl.parent != kNoIndex) out += " parent=clause" + std::to_string(cl.parent);
    out += "\n";
  }
  return out;
}

}  // namespace kg::extract::syntax
