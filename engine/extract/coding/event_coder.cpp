#include "extract/coding/event_coder.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <string_view>

namespace kg::extract {

namespace {

using syntax::Clause;
using syntax::kNoIndex;
using syntax::NounPhrase;
using syntax::Pos;
using syntax::SentenceParse;
using syntax::VerbGroup;

// Words a pattern may skip between two of its elements that are not joined
// with '_'. TABARI allows any number within the clause; a bound keeps a
// pattern from reaching into a later clause's words.
constexpr size_t kMaxGap = 6;

// Prepositions that address an actor by default ("met with X", "fired at X",
// "imposed sanctions on X"); "in", "near", "across" and the like locate.
constexpr std::array<std::string_view, 14> kAddressPreps = {
    "with", "against", "on", "at", "to", "toward", "towards", "into", "upon", "from", "over", "for", "between", "among"};

// Pronouns that, as the subject of reported speech, stand for the speaker:
// "Ethiopia indicated it would act" (it = Ethiopia).
constexpr std::array<std::string_view, 5> kSpeakerPronouns = {"it", "they", "he", "she", "we"};

// Heads of noun phrases that name an attack, whose actor is its author:
// "killed in a US drone strike".
constexpr std::array<std::string_view, 10> kAttackNouns = {
    "strike", "airstrike", "attack", "raid", "bombing", "operation", "assault", "shelling", "ambush", "offensive"};

std::string upper(std::string_view s) {
  std::string u(s);
  for (auto& c : u) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return u;
}

bool contains(auto const& list, std::string_view w) { return std::find(list.begin(), list.end(), w) != list.end(); }

// One sentence's view for matching: upper-case surface and lemma of each
// word, and for each word the innermost-first noun phrases that start there.
struct MatchText {
  const SentenceParse& p;
  const NpActors& actors;
  std::vector<std::string> surface, lemma;
  std::vector<int32_t> ppOf;  // per noun phrase: the prepositional phrase holding it, or kNoIndex

  MatchText(const SentenceParse& parse, const NpActors& npActors) : p(parse), actors(npActors) {
    ppOf.assign(p.nps.size(), kNoIndex);
    for (size_t k = 0; k < p.pps.size(); ++k) {
      const auto& pp = p.pps[k];
      for (size_t n = 0; n < p.nps.size(); ++n)
        if (p.nps[n].span.first >= pp.span.first && p.nps[n].span.last <= pp.span.last && ppOf[n] == kNoIndex)
          ppOf[n] = static_cast<int32_t>(k);
    }
    surface.reserve(p.words.size());
    lemma.reserve(p.words.size());
    for (const auto& w : p.words) {
      surface.push_back(upper(w.lower));
      lemma.push_back(upper(w.lemma));
    }
  }

  bool wordIs(size_t i, const std::string& w) const { return surface[i] == w || lemma[i] == w; }

  // The entities noun phrase `np` names, members of a coordination included.
  void entitiesOf(int32_t np, std::vector<size_t>* out, int depth = 0) const {
    if (np < 0 || static_cast<size_t>(np) >= p.nps.size() || depth > 8) return;
    const NounPhrase& n = p.nps[np];
    if (!n.members.empty()) {
      for (uint32_t m : n.members) entitiesOf(static_cast<int32_t>(m), out, depth + 1);
      return;
    }
    if (static_cast<size_t>(np) < actors.size())
      for (size_t e : actors[np])
        if (std::find(out->begin(), out->end(), e) == out->end()) out->push_back(e);
  }
  bool namesActor(int32_t np) const {
    std::vector<size_t> e;
    entitiesOf(np, &e);
    return !e.empty();
  }

  // The widest noun phrase that starts at word `i` and names an actor, or the
  // widest that starts there at all when `needActor` is false.
  int32_t npAt(size_t i, bool needActor) const {
    int32_t best = kNoIndex;
    for (size_t k = 0; k < p.nps.size(); ++k) {
      const NounPhrase& n = p.nps[k];
      if (n.span.first != i) continue;
      if (needActor && !namesActor(static_cast<int32_t>(k))) continue;
      if (best == kNoIndex || n.span.last > p.nps[best].span.last) best = static_cast<int32_t>(k);
    }
    return best;
  }
};

// A pattern's slots as bound by a match.
struct Binding {
  int32_t source = kNoIndex;
  int32_t target = kNoIndex;
  size_t matched = 0;  // elements matched (the pattern's weight)
};

class PatternMatcher {
 public:
  PatternMatcher(const MatchText& text, const VerbDictionary& dict) : t_(text), dict_(dict) {}

  // Matches `tokens` in order within words [pos, end).
  bool match(const std::vector<PatternToken>& tokens, size_t ti, size_t pos, size_t end, bool firstJoined,
             Binding* b) const {
    if (ti == tokens.size()) return true;
    const PatternToken& tok = tokens[ti];
    const bool joined = ti == 0 ? firstJoined : tok.joined;
    const size_t maxSkip = joined ? 0 : kMaxGap;
    for (size_t skip = 0; skip <= maxSkip && pos + skip < end; ++skip) {
      const size_t at = pos + skip;
      for (size_t next : advances(tokens, ti, at, end)) {
        Binding trial = *b;
        bind(tok, at, &trial);
        ++trial.matched;
        if (match(tokens, ti + 1, next, end, false, &trial)) {
          *b = trial;
          return true;
        }
      }
    }
    return false;
  }

 private:
  // Where matching may continue after `tok` matched at word `at` (none when it does not match).
  std::vector<size_t> advances(const std::vector<PatternToken>& tokens, size_t ti, size_t at, size_t end) const {
    const PatternToken& tok = tokens[ti];
    std::vector<size_t> out;
    switch (tok.kind) {
      case PatternTokenKind::kWord:
        if (t_.wordIs(at, tok.word)) out.push_back(at + 1);
        break;
      case PatternTokenKind::kSynset: {
        if (tok.synset >= dict_.synsets().size()) break;
        for (const auto& phrase : dict_.synsets()[tok.synset].phrases) {
          size_t k = 0;
          while (k < phrase.size() && at + k < end && t_.wordIs(at + k, phrase[k])) ++k;
          if (k == phrase.size() && k > 0) out.push_back(at + k);
        }
        break;
      }
      case PatternTokenKind::kTarget:
      case PatternTokenKind::kSource:
      case PatternTokenKind::kCompound: {
        int32_t np = t_.npAt(at, true);
        if (np != kNoIndex && slotMayTake(tokens, ti, np)) out.push_back(std::min<size_t>(end, t_.p.nps[np].span.last));
        break;
      }
      case PatternTokenKind::kSkip: {
        int32_t np = t_.npAt(at, false);
        if (np != kNoIndex) out.push_back(std::min<size_t>(end, t_.p.nps[np].span.last));
        break;
      }
    }
    return out;
  }

  // A slot takes a phrase inside a prepositional phrase only when the
  // pattern names the preposition right before it or the preposition
  // addresses ("on", "with", "against" ...): "- * +" does not reach the
  // place in "hit depots in Syria".
  bool slotMayTake(const std::vector<PatternToken>& tokens, size_t ti, int32_t np) const {
    const int32_t pp = t_.ppOf[np];
    if (pp == kNoIndex) return true;
    const std::string& prep = t_.p.pps[pp].prep;
    if (contains(kAddressPreps, prep)) return true;
    if (ti == 0 || tokens[ti - 1].kind != PatternTokenKind::kWord) return false;
    const std::string u = upper(prep);
    const std::string& w = tokens[ti - 1].word;
    return u == w || (u.size() > w.size() && u.compare(u.size() - w.size(), w.size(), w) == 0);
  }

  void bind(const PatternToken& tok, size_t at, Binding* b) const {
    if (tok.kind == PatternTokenKind::kTarget && b->target == kNoIndex) b->target = t_.npAt(at, true);
    if (tok.kind == PatternTokenKind::kSource && b->source == kNoIndex) b->source = t_.npAt(at, true);
    if (tok.kind == PatternTokenKind::kCompound) {
      const int32_t np = t_.npAt(at, true);
      if (b->source == kNoIndex) b->source = np;
      if (b->target == kNoIndex) b->target = np;
    }
  }

  const MatchText& t_;
  const VerbDictionary& dict_;
};

// The verb of a verb group in the dictionaries: its form entry and dictionary.
struct VerbHit {
  const VerbDictionary* dict = nullptr;
  const VerbForm* form = nullptr;
  size_t lastWord = 0;  // last word of the verb in the text (particles of a multi-word verb included)
};

bool formFits(const VerbForm& f, const MatchText& t, size_t main, size_t* lastWord) {
  if (f.before.size() > main) return false;
  for (size_t k = 0; k < f.before.size(); ++k)
    if (!t.wordIs(main - f.before.size() + k, f.before[k])) return false;
  size_t at = main + 1;
  for (const auto& w : f.after) {
    // A particle may stand after the object: "pulled its troops out".
    while (at < t.p.words.size() && at <= main + 1 + kMaxGap && !t.wordIs(at, w)) ++at;
    if (at >= t.p.words.size() || at > main + 1 + kMaxGap) return false;
    ++at;
  }
  *lastWord = f.after.empty() ? main : at - 1;
  return true;
}

// The dictionary verb for the group's main verb: the longest multi-word verb
// that fits, else the single word; by surface form, then by lemma.
VerbHit findVerb(const std::vector<const VerbDictionary*>& dicts, const MatchText& t, const VerbGroup& vg) {
  VerbHit best;
  size_t bestWords = 0;
  for (const auto* dict : dicts) {
    for (const std::string* key : {&t.surface[vg.main], &t.lemma[vg.main]}) {
      for (const VerbForm& f : dict->lookupForm(*key)) {
        size_t last = 0;
        if (!formFits(f, t, vg.main, &last)) continue;
        const size_t words = 1 + f.before.size() + f.after.size();
        if (words > bestWords) {
          best = VerbHit{dict, &f, last};
          bestWords = words;
        }
      }
    }
    if (best.form) return best;  // later dictionaries only fill gaps
  }
  return best;
}

// The end of the words a clause's verb reaches: the next finite verb group
// of another clause, a subordinator, a semicolon, or the sentence end.
size_t clauseEnd(const SentenceParse& p, const VerbGroup& vg, uint32_t vgIndex) {
  for (size_t i = vg.span.last; i < p.words.size(); ++i) {
    const auto& w = p.words[i];
    if (w.pos == Pos::kSubordinator || w.lower == ";") return i;
    for (size_t k = 0; k < p.vgs.size(); ++k) {
      const VerbGroup& other = p.vgs[k];
      if (k == vgIndex || other.span.first != i) continue;
      if (other.governor == static_cast<int32_t>(vgIndex) || other.nonFinite) continue;
      return i;
    }
  }
  return p.words.size();
}

struct Roles {
  int32_t source = kNoIndex;
  int32_t target = kNoIndex;
};

// The author of an attack noun in the clause's prepositional phrases
// ("in a US drone strike").
int32_t attackAuthor(const MatchText& t, const Clause& c) {
  for (uint32_t pp : c.pps) {
    const auto& ph = t.p.pps[pp];
    if (ph.np == kNoIndex || (ph.prep != "in" && ph.prep != "by" && ph.prep != "during")) continue;
    const NounPhrase& n = t.p.nps[ph.np];
    if (contains(kAttackNouns, t.p.words[n.head].lemma) && t.namesActor(ph.np)) return ph.np;
  }
  return kNoIndex;
}

// Default roles of a clause (see the header).
Roles defaultRoles(const MatchText& t, const Clause& c, const VerbGroup& vg, size_t verbEnd) {
  Roles r;
  const bool passive = vg.voice == syntax::Voice::kPassive || vg.reducedPassive;
  if (passive) {
    r.source = c.agent != kNoIndex ? c.agent : attackAuthor(t, c);
    r.target = c.subject;
    return r;
  }
  r.source = c.subject;
  if (c.subject != kNoIndex && c.speaker != kNoIndex && !t.namesActor(c.subject)) {
    const NounPhrase& s = t.p.nps[c.subject];
    if (s.span.last == s.span.first + 1 && contains(kSpeakerPronouns, t.p.words[s.head].lower)) r.source = c.speaker;
  }
  for (uint32_t o : c.objects)
    if (t.namesActor(static_cast<int32_t>(o))) return r.target = static_cast<int32_t>(o), r;
  for (uint32_t pp : c.pps) {
    const auto& ph = t.p.pps[pp];
    if (ph.np == kNoIndex || ph.span.first < verbEnd) continue;
    if (!contains(kAddressPreps, ph.prep)) continue;
    if (t.namesActor(ph.np)) return r.target = ph.np, r;
  }
  return r;
}

bool isPlanned(const SentenceParse& p, const Clause& c, const VerbGroup& vg) {
  if (vg.modality != syntax::Modality::kNone || vg.tense == syntax::Tense::kFuture) return true;
  if (c.kind == syntax::ClauseKind::kSubordinate && c.subordinator == "if") return true;
  // The complement of a planning verb ("agreed to cooperate") is planned too.
  return vg.governor != kNoIndex && p.vgs[vg.governor].lemma != "continue";
}

}  // namespace

EventCoder::EventCoder(std::vector<const VerbDictionary*> dictionaries) : dictionaries_(std::move(dictionaries)) {}

std::vector<CodedEvent> EventCoder::code(const SentenceParse& p, const NpActors& npActors) const {
  std::vector<CodedEvent> out;
  MatchText t(p, npActors);
  for (uint32_t ci = 0; ci < p.clauses.size(); ++ci) {
    const Clause& c = p.clauses[ci];
    if (c.verb >= p.vgs.size()) continue;
    const VerbGroup& vg = p.vgs[c.verb];
    if (vg.negated) continue;
    const VerbHit hit = findVerb(dictionaries_, t, vg);
    if (!hit.form) continue;
    const VerbDictionary& dict = *hit.dict;
    const Verb& verb = dict.verbs()[hit.form->verb];
    const VerbFamily& family = dict.families()[verb.family];

    // The pattern with the most matched elements.
    const size_t end = clauseEnd(p, vg, c.verb);
    const size_t start = c.subject != kNoIndex ? p.nps[c.subject].span.first : vg.span.first;
    Binding best;
    const VerbPattern* chosen = nullptr;
    for (uint32_t pi : family.patterns) {
      const VerbPattern& pat = dict.patterns()[pi];
      Binding b;
      PatternMatcher m(t, dict);
      if (!m.match(pat.post, 0, hit.lastWord + 1, end, !pat.post.empty() && pat.post[0].joined, &b)) continue;
      if (!pat.pre.empty()) {
        // The pre-verb words, matched right up to the verb when joined.
        bool ok = false;
        for (size_t from = start; from < vg.span.first && !ok; ++from) {
          Binding pre = b;
          if (m.match(pat.pre, 0, from, vg.span.first, false, &pre)) {
            ok = true;
            b = pre;
          }
        }
        if (!ok) continue;
      }
      if (!chosen || b.matched > best.matched) {
        best = b;
        chosen = &pat;
      }
    }
    const VerbCode code = chosen ? chosen->code : verb.code;
    if (code.isNull()) continue;
    Roles roles = defaultRoles(t, c, vg, hit.lastWord + 1);
    if (best.source != kNoIndex) roles.source = best.source;
    if (best.target != kNoIndex) roles.target = best.target;
    if (roles.source == kNoIndex || roles.target == kNoIndex) continue;

    std::vector<size_t> sources, targets;
    t.entitiesOf(roles.source, &sources);
    t.entitiesOf(roles.target, &targets);
    auto emit = [&](const std::string& cameo, const std::vector<size_t>& from, const std::vector<size_t>& to,
                    int32_t fromNp, int32_t toNp) {
      if (cameo.empty() || cameo == "---") return;
      for (size_t s : from)
        for (size_t d : to) {
          if (s == d) continue;
          CodedEvent e;
          e.source = s;
          e.target = d;
          e.code = cameo;
          e.clause = ci;
          e.sourceNp = fromNp;
          e.targetNp = toNp;
          e.planned = isPlanned(p, c, vg);
          e.reported = c.kind == syntax::ClauseKind::kReported;
          e.byPattern = chosen != nullptr;
          e.dictionaryLine = chosen ? chosen->line : verb.line;
          out.push_back(std::move(e));
        }
    };
    emit(code.source, sources, targets, roles.source, roles.target);
    emit(code.target, targets, sources, roles.target, roles.source);  // "[032:033]": the reverse event
  }
  return out;
}

}  // namespace kg::extract
