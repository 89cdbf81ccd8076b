#include "extract/coding/rebuttal.h"

#include <string_view>
#include <unordered_set>

#include "extract/coding/coder_lexicon.h"

namespace kg::extract {
namespace {

// The accuser is named only in an earlier sentence: the link is inferred.
constexpr float kRebuttalConfidence = 0.6f;
// How far (in tokens) the verb may follow the end of the rejecting actor's
// mention or its apposition ("Tehran, which denies any role, dismissed ...").
constexpr size_t kVerbWindow = 8;

// "denied" is followed by what a denial of an earlier accusation reads:
// "that" (a clause), a gerund ("denied supporting"), or a denial object with
// an optional determiner ("any role", "involvement").
bool isDenialObject(const std::vector<Token>& tokens, size_t k) {
  const auto& w = englishCoderWords();
  if (k >= tokens.size()) return false;
  const std::string& t = tokens[k].lower;
  if (t == "that") return true;
  if (t.size() > 5 && t.ends_with("ing") && tokens[k].word && !tokens[k].capital) return true;
  if (w.denialDeterminers.contains(t)) ++k;
  return k < tokens.size() && w.denialObjects.contains(tokens[k].lower);
}

// The token index of a rejection verb followed by "the" and an accusation
// noun, searched from `from`; tokens.size() when none.
size_t rebuttalVerb(const std::vector<Token>& tokens, size_t from) {
  const auto& w = englishCoderWords();
  for (size_t k = from; k + 2 < tokens.size() && k < from + kVerbWindow; ++k) {
    if (!w.rebuttalVerbs.contains(tokens[k].lower)) continue;
    if (w.denialVerbs.contains(tokens[k].lower) && isDenialObject(tokens, k + 1)) return k;
    const std::string& det = tokens[k + 1].lower;
    if (det != "the" && det != "these" && det != "those" && det != "such") return tokens.size();
    size_t n = k + 2;
    if (n + 1 < tokens.size() && w.rebuttalQualifiers.contains(tokens[n].lower)) ++n;  // "the latest accusation"
    return w.accusationNouns.contains(tokens[n].lower) ? k : tokens.size();
  }
  return tokens.size();
}

// True when only a body of the actor written possessive at `m` stands
// between it and the verb at `verb`: "Iran's foreign ministry dismissed the
// claim" (lower-case words: "foreign ministry", "government", "embassy").
// The body answers for its owner, whom the accusation named.
bool ownBodyBefore(const std::vector<Token>& tokens, const Mention& m, size_t verb) {
  constexpr size_t kMaxBodyWords = 4;
  size_t words = 0;
  for (size_t k = m.tokEnd; k < verb; ++k) {
    const std::string& w = tokens[k].lower;
    if (w == "'s" || w == "'" || w == "s" || w == "’s") continue;
    if (!tokens[k].word || tokens[k].capital || ++words > kMaxBodyWords) return false;
  }
  return words > 0;
}

// The noun of an apposition that opens with ", a|an|the NOUN" right before
// mention `m` (a "that" or "which" may stand between): ", a charge Tehran
// rejected", ", a decision that Tallinn condemned". nullptr when the words
// before `m` do not read so.
const std::string* appositionNounBefore(const std::vector<Token>& tokens, size_t begin) {
  size_t k = begin;
  if (k > 0 && tokens[k - 1].lower == "the") --k;  // ", an allegation the US embassy rejected"
  if (k > 0 && (tokens[k - 1].lower == "that" || tokens[k - 1].lower == "which")) --k;
  if (k < 3 || tokens[k - 3].lower != ",") return nullptr;
  const std::string& det = tokens[k - 2].lower;
  if (det != "a" && det != "an" && det != "the") return nullptr;
  return &tokens[k - 1].lower;
}

// ", a charge Tehran rejected", ", an accusation that Moscow denied": the
// accusation noun written before the actor, in an apposition to the clause
// that told the accusation. The index of the verb right after mention `m`
// (one adverb may stand between), or tokens.size() when the words do not
// read so.
size_t appositiveRebuttalVerb(const std::vector<Token>& tokens, const Mention& m) {
  const auto& w = englishCoderWords();
  const std::string* noun = appositionNounBefore(tokens, m.tokBegin);
  if (noun == nullptr || !w.accusationNouns.contains(*noun)) return tokens.size();
  size_t v = m.tokEnd;
  // "the US embassy", "the Sudanese foreign ministry": the mention stands
  // for its body when role words follow it (the last a role head).
  size_t role = v;
  while (role < tokens.size() && role < v + 3 && tokens[role].word && !tokens[role].capital &&
         !w.rebuttalVerbs.contains(tokens[role].lower))
    ++role;
  if (role > v) {
    if (!w.roleHeads.contains(tokens[role - 1].lower)) return tokens.size();
    v = role;
  } else if (m.modifier) {
    return tokens.size();
  }
  if (v < tokens.size() && tokens[v].word && tokens[v].lower.ends_with("ly")) ++v;
  if (v >= tokens.size() || !w.rebuttalVerbs.contains(tokens[v].lower)) return tokens.size();
  return v;
}

// True when the actor of mention `m` answers an accusation of `accused`:
// it is the accused, the body its title is of, or the state of an accused
// person ("Biden called Xi a dictator ... Beijing rejected the remarks").
bool answersFor(const std::vector<Entity>& entities, const Mention& m, size_t accused) {
  if (accused == m.entity || (m.titleOf != kNoActor && accused == m.titleOf)) return true;
  const Actor& state = entities[m.entity].actor;
  const Actor& a = entities[accused].actor;
  return state.kind == ActorKind::kState && a.kind == ActorKind::kPerson && !a.country.empty() && a.country == state.country;
}

// The REJECT of accusation `a` by mention `m`'s actor, its verb at `verb`: a
// state answers the accuser's state when a title gave one, else the
// accuser; the verb's tense dates it as the coder's events are dated
// ("rejected": the article's day, or the day the sentence names).
Fact rejectionOf(const std::vector<Token>& tokens, const std::vector<Entity>& entities, const Mention& m,
                 const Accusation& a, size_t verb) {
  Fact f;
  f.src = m.entity;
  const bool stateAnswers = entities[m.entity].actor.kind == ActorKind::kState && a.accuserState != kNoActor;
  f.dst = stateAnswers ? a.accuserState : a.accuser;
  f.type = EdgeType::kReject;
  f.cameo = "120";
  f.confidence = m.confidence * kRebuttalConfidence;
  f.tense = tokens[verb].lower.ends_with("ed") ? Tense::kPast : Tense::kPresent;
  return f;
}

}  // namespace

std::optional<Fact> rebuttalFact(const std::vector<Token>& tokens, const std::vector<Mention>& mentions,
                                 const std::vector<Entity>& entities, const std::vector<Accusation>& earlier,
                                 const std::vector<Fact>& sentenceFacts) {
  for (const Fact& f : sentenceFacts)
    if (f.type == EdgeType::kReject) return std::nullopt;
  // The accusation told in the same sentence, answered in its apposition.
  for (const Mention& m : mentions) {
    if (m.possessive) continue;
    const size_t verb = appositiveRebuttalVerb(tokens, m);
    if (verb == tokens.size()) continue;
    for (const Accusation& a : accusationsOf(sentenceFacts, mentions)) {
      if (!answersFor(entities, m, a.accused) || a.accuser == m.entity) continue;
      return rejectionOf(tokens, entities, m, a, verb);
    }
  }
  // The accusations of this sentence ("Washington blamed Iran for the
  // attacks, but Tehran denied involvement"), then those of earlier ones,
  // latest first.
  const std::vector<Accusation> own = accusationsOf(sentenceFacts, mentions);
  if (own.empty() && earlier.empty()) return std::nullopt;
  for (const Mention& m : mentions) {
    if (m.modifier) continue;
    const size_t verb = rebuttalVerb(tokens, m.tokEnd);
    if (verb == tokens.size()) continue;
    if (m.possessive && !ownBodyBefore(tokens, m, verb)) continue;
    bool nearer = false;  // "X said Y rejected the charges": Y rejects
    for (const Mention& o : mentions) nearer = nearer || (!o.modifier && o.tokBegin >= m.tokEnd && o.tokBegin < verb);
    if (nearer) continue;
    for (const auto* list : {&own, &earlier})
      for (auto it = list->rbegin(); it != list->rend(); ++it) {
        if (!answersFor(entities, m, it->accused) || it->accuser == m.entity) continue;
        return rejectionOf(tokens, entities, m, *it, verb);
      }
    return std::nullopt;  // the actor right before such a verb is the one who rejects
  }
  return std::nullopt;
}

namespace {

// ", a decision Tallinn condemned", ", a move that Seoul welcomed": an act
// noun (a decision, a coercion, an attack) opening an apposition to the
// clause that told the act. (singular or plural, lower case)
bool appositiveActNoun(const std::string& w) {
  const auto& cw = englishCoderWords();
  const std::string one = w.size() > 3 && w.back() == 's' ? w.substr(0, w.size() - 1) : w;
  for (const std::string* x : {&w, &one})
    if (cw.decisionReferenceNouns.contains(*x) || cw.coercionReferenceNouns.contains(*x) || cw.attackNouns.contains(*x))
      return true;
  return false;
}

}  // namespace

namespace {

// Who reacts in an apposition: an actor and the words [begin, end) that name
// it, the reaction's verb right after them.
struct Reactor {
  size_t entity;
  size_t begin, end;
  float confidence;
};

// Past forms that react to an act: criticism ("condemned") or praise
// ("welcomed").
bool criticisingWord(std::string_view w) {
  static const std::unordered_set<std::string_view> k = {"condemned", "criticised", "criticized",
                                                         "denounced", "deplored",   "decried"};
  return k.count(w) > 0;
}
bool praisingWord(std::string_view w) {
  static const std::unordered_set<std::string_view> k = {"welcomed", "praised", "hailed", "applauded"};
  return k.count(w) > 0;
}

// The author of the act a sentence told: the source of its done events
// (standing facts, planned ones and those `skip` rejects aside) when they
// all have one. Sets `*several` when they have more than one (whose act
// is then unclear) and returns nullopt.
std::optional<size_t> soleDoneAuthor(const std::vector<Fact>& sentenceFacts, const std::function<bool(size_t)>& skip,
                                     bool* several) {
  std::optional<size_t> author;
  *several = false;
  for (const Fact& f : sentenceFacts) {
    if (isStandingType(f.type) || f.planned || skip(f.src)) continue;
    if (author && *author != f.src) {
      *several = true;
      return std::nullopt;
    }
    author = f.src;
  }
  return author;
}

// The criticism (ACCUSE, 111) or praise (SUPPORT, 051) of `author` by
// `reactor`, told now, at the reactor mention's confidence lowered as a
// rebuttal's is.
Fact reactionFact(size_t reactor, size_t author, bool criticise, float confidence) {
  Fact f;
  f.src = reactor;
  f.dst = author;
  f.type = criticise ? EdgeType::kAccuse : EdgeType::kSupport;
  f.cameo = criticise ? "111" : "051";
  f.confidence = confidence * kRebuttalConfidence;
  f.tense = Tense::kPast;
  return f;
}

// ", a decision Tallinn condemned", ", which Seoul welcomed", ", a move
// Mogadishu called illegal": the reaction of `r` to the act its sentence
// told (see appositiveReactionFact); nullopt when the words do not read so.
std::optional<Fact> reactionOf(const std::vector<Token>& tokens, const std::vector<Fact>& sentenceFacts,
                               const std::function<std::optional<bool>(const std::vector<std::string_view>&)>& judged,
                               const Reactor& r) {
  // ", which Seoul condemned": "which" after the clause's comma stands for
  // the act the clause told, as an act noun does.
  const bool sentential = r.begin >= 2 && tokens[r.begin - 1].lower == "which" && tokens[r.begin - 2].lower == ",";
  const std::string* noun = appositionNounBefore(tokens, r.begin);
  if (!sentential && (noun == nullptr || !appositiveActNoun(*noun))) return std::nullopt;
  const size_t v = r.end;
  if (v >= tokens.size()) return std::nullopt;
  bool criticise = criticisingWord(tokens[v].lower), praise = praisingWord(tokens[v].lower);
  // ", a move Mogadishu called illegal": what follows "called", up to the
  // apposition's end, judges the act.
  if (!criticise && !praise && judged && (tokens[v].lower == "called" || tokens[v].lower == "termed")) {
    std::vector<std::string_view> words;
    for (size_t k = v + 1; k < tokens.size() && tokens[k].word; ++k) words.push_back(tokens[k].lower);
    if (const auto j = judged(words)) {
      criticise = *j;
      praise = !*j;
    }
  }
  if (!criticise && !praise) return std::nullopt;
  // The act's author: the source of the sentence's one done event told
  // before the apposition, other than the one who reacts.
  bool several = false;
  const auto author = soleDoneAuthor(
      sentenceFacts, [&](size_t e) { return e == r.entity; }, &several);
  if (!author) return std::nullopt;
  return reactionFact(r.entity, *author, criticise, r.confidence);
}

// The confidence of a reactor named by a demonym phrase ("the Russian
// foreign ministry"): its state is read, not named.
constexpr float kDemonymReactorConfidence = 0.8F;

}  // namespace

std::optional<Fact> appositiveReactionFact(
    const std::vector<Token>& tokens, const std::vector<Mention>& mentions, const std::vector<Fact>& sentenceFacts,
    const std::function<std::optional<bool>(const std::vector<std::string_view>&)>& judged,
    const std::function<std::optional<size_t>(const Token&)>& demonymEntity) {
  for (const Mention& m : mentions) {
    if (m.modifier || m.possessive) continue;
    if (auto f = reactionOf(tokens, sentenceFacts, judged, {m.entity, m.tokBegin, m.tokEnd, m.confidence})) return f;
  }
  // ", which the Russian foreign ministry called a provocation": "the", a
  // demonym and one to three lower-case words of a body, then the verb.
  if (!demonymEntity) return std::nullopt;
  for (size_t b = 1; b + 2 < tokens.size(); ++b) {
    if (tokens[b].lower != "the" || (tokens[b - 1].lower != "which" && tokens[b - 1].lower != "that" &&
                                     appositionNounBefore(tokens, b) == nullptr))
      continue;
    const auto state = demonymEntity(tokens[b + 1]);
    if (!state) continue;
    size_t e = b + 2;
    while (e < tokens.size() && e < b + 5 && tokens[e].word && !tokens[e].capital && !tokens[e].lower.ends_with("ed")) ++e;
    if (e == b + 2) continue;
    if (auto f = reactionOf(tokens, sentenceFacts, judged, {*state, b, e, kDemonymReactorConfidence})) return f;
  }
  return std::nullopt;
}

std::vector<Fact> passiveAppositiveReactions(const std::vector<Token>& tokens, const std::vector<Mention>& mentions,
                                             const std::vector<Fact>& sentenceFacts) {
  std::vector<Fact> out;
  for (size_t v = 3; v + 2 < tokens.size(); ++v) {
    const bool criticise = criticisingWord(tokens[v].lower), praise = praisingWord(tokens[v].lower);
    if ((!criticise && !praise) || tokens[v + 1].lower != "by") continue;
    const std::string* noun = appositionNounBefore(tokens, v);
    if (noun == nullptr || !appositiveActNoun(*noun)) continue;
    const size_t comma = v - 3;  // ", a move condemned by"
    // The act's author: the one done event's source, else the first actor named.
    // (Not the reactors' own readings of the apposition: "welcomed by X" read as X's praise.)
    auto reacts = [&](size_t e) {
      return std::any_of(mentions.begin(), mentions.end(),
                         [&](const Mention& m) { return m.entity == e && m.tokBegin > v; });
    };
    bool several = false;
    std::optional<size_t> author = soleDoneAuthor(sentenceFacts, reacts, &several);
    if (several) return out;
    if (!author)
      for (const Mention& m : mentions)
        if (!m.modifier && m.tokEnd <= comma) {
          author = m.entity;
          break;
        }
    if (!author) return out;
    // The reactors: the mentions after "by", up to the apposition's end.
    for (const Mention& m : mentions) {
      if (m.tokBegin < v + 2 || m.modifier || m.possessive || m.entity == *author) continue;
      bool inside = true;
      for (size_t k = v + 2; k < m.tokBegin && inside; ++k)
        inside = tokens[k].lower == "," || tokens[k].lower == "and" || tokens[k].lower == "the" || tokens[k].capital;
      if (!inside) break;
      out.push_back(reactionFact(m.entity, *author, criticise, m.confidence));
    }
    return out;
  }
  return out;
}

std::optional<Fact> judgedActFact(
    const std::vector<Token>& tokens, const std::vector<Mention>& mentions,
    const std::function<std::optional<bool>(const std::vector<std::string_view>&)>& judged) {
  if (!judged) return std::nullopt;
  // The mention starting at token `k` (nullptr when none).
  auto mentionAt = [&](size_t k) -> const Mention* {
    for (const Mention& m : mentions)
      if (m.tokBegin == k) return &m;
    return nullptr;
  };
  for (const Mention& speaker : mentions) {
    if (speaker.modifier || speaker.possessive) continue;
    size_t k = speaker.tokEnd;
    if (k >= tokens.size() || (tokens[k].lower != "said" && tokens[k].lower != "says")) continue;
    ++k;
    if (k < tokens.size() && tokens[k].lower == "that") ++k;
    const Mention* owner = mentionAt(k);
    if (owner == nullptr || !owner->possessive || owner->entity == speaker.entity) continue;
    k = owner->tokEnd;
    while (k < tokens.size() && !tokens[k].word) ++k;  // the "'s"
    if (k < tokens.size() && (tokens[k].lower == "'s" || tokens[k].lower == "s")) ++k;
    size_t act = tokens.size();
    for (size_t w = k; w < tokens.size() && w < k + 4; ++w) {
      if (!tokens[w].word || tokens[w].capital) break;
      const std::string& x = tokens[w].lower;
      const std::string one = x.size() > 3 && x.back() == 's' ? x.substr(0, x.size() - 1) : x;
      if (appositiveActNoun(x) || englishCoderWords().statementReferenceNouns.contains(one)) {
        act = w;
        break;
      }
    }
    if (act + 1 >= tokens.size()) continue;
    const std::string& be = tokens[act + 1].lower;
    if (be != "was" && be != "is" && be != "were" && be != "are") continue;
    std::vector<std::string_view> words;
    for (size_t w = act + 2; w < tokens.size() && tokens[w].word && tokens[w].lower != "and"; ++w)
      words.push_back(tokens[w].lower);
    const auto blame = judged(words);
    if (!blame) continue;
    Fact f;
    f.src = speaker.entity;
    f.dst = owner->entity;
    f.type = *blame ? EdgeType::kAccuse : EdgeType::kSupport;
    f.cameo = *blame ? "111" : "051";
    f.confidence = std::min(speaker.confidence, owner->confidence) * kRebuttalConfidence;
    f.tense = Tense::kPast;
    return f;
  }
  return std::nullopt;
}

namespace {

// An act its target may deny or reject as an accusation: an accusation, and
// a sanction, coercion, attack or threat, which accuse by their act ("The EU
// imposed sanctions on Iran for supplying drones ... Iran rejected the
// accusation"; "The United States seized the cargoes of Iranian tankers ...
// Tehran denied that the fuel belonged to Iran").
bool answerableAct(EdgeType t) {
  return t == EdgeType::kAccuse || t == EdgeType::kSanction || t == EdgeType::kCoerce || t == EdgeType::kAssault ||
         t == EdgeType::kThreaten;
}

}  // namespace

std::vector<Accusation> accusationsOf(const std::vector<Fact>& facts, const std::vector<Mention>& mentions) {
  std::vector<Accusation> out;
  for (const Fact& f : facts) {
    if (!answerableAct(f.type) || f.planned) continue;
    Accusation a{f.src, f.dst, kNoActor};
    for (const Mention& m : mentions)
      if (m.entity == f.src && m.titleOf != kNoActor) a.accuserState = m.titleOf;
    for (const Fact& o : facts)  // a recorded title: "Secretary of State X" is the US's official
      if (a.accuserState == kNoActor && o.src == f.src &&
          (o.type == EdgeType::kOfficialOf || o.type == EdgeType::kLeaderOf))
        a.accuserState = o.dst;
    out.push_back(a);
  }
  return out;
}

}  // namespace kg::extract
