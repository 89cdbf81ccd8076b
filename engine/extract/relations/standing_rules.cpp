#include "extract/relations/standing_rules.h"

#include <algorithm>
#include <array>
#include <optional>

#include "extract/actors/mentions.h"
#include "extract/lexicon/title_words.h"
#include "extract/relations/rule_lexicon.h"

namespace kg::extract {
namespace {

// Fact confidences: the mention's confidence (the weaker one's for two)
// times a factor that says how far the reading can go wrong.
// A title written before a name rarely names a body the person does not serve.
constexpr float kTitleFactor = 0.9f;
// An apposition's role words ("P, the secretary general of G") are read loosely.
constexpr float kAppositionFactor = 0.85f;
// "G, which is part of H": a fixed phrase, but the mention after it may be a place.
constexpr float kPartOfFactor = 0.85f;
// A bare title ("President X") given to the one state the sentence names:
// right for "Malian soldiers detained President X", wrong when X is a
// visitor the sentence does not place (hence below the written-owner reading).
constexpr float kContextOwnerFactor = 0.7f;
// The same read from the sentence before, when this one names no state ("The
// IMF approved a loan for Pakistan. Finance Minister X welcomed the
// decision"): one step further from the name, so lower again.
constexpr float kPreviousSentenceFactor = 0.85f;
// "Venezuela's Nicolas Maduro": a state written as the owner of a known
// person's bare name names the office the dictionary records for them in
// that state on the article's date; the text itself says so, but names no
// title, so a little below a written title.
constexpr float kOwnerStateFactor = 0.8f;
// A title only one state's government has ("Secretary of State X", a
// "state" line under the title in actors.txt): that state's office, whatever
// else the sentence names; below a written owner, as another body may use
// the same words (the Holy See has a Secretary of State).
constexpr float kNationalTitleFactor = 0.9f;
// Words a title set before a name by a comma may span ("his deputy foreign
// minister, X"), as mentions.cpp reads it.
constexpr size_t kApposedTitleWords = 6;

// What the title and apposition rules share: the sentence, its mentions and
// the facts found.
struct StandingScan {
  const std::vector<Token>& tokens;
  const std::vector<Mention>& mentions;
  Resolver& resolver;  // may add the body of a recorded title (recordedTitleFact)
  const std::vector<Entity>& entities;
  std::vector<Fact>* out;
  const PreviousSentence& previous;  // what the sentence before named

  void push(Fact f) { out->push_back(std::move(f)); }
};

// The word sets of data/english_relation_words.txt.
const EnglishRelationWords& words() { return englishRelationWords(); }

// True when `title` holds one of `words` anywhere ("deputy" in "deputy head").
bool holdsAny(const std::string& title, const WordSet& words) {
  for (const std::string& w : words.words())
    if (title.find(w) != std::string::npos) return true;
  return false;
}

// The rest of a title that opens with a word of service ("president" of
// "vice president", "secretary-general" of "deputy secretary-general"), or
// nullopt when it opens with none.
std::optional<std::string> afterSubordinateOpener(const std::string& title) {
  const size_t cut = title.find_first_of(" -");
  if (!isSubordinateTitleOpener(std::string_view(title).substr(0, cut))) return std::nullopt;
  return cut == std::string::npos ? std::string() : title.substr(cut + 1);
}

// A title naming who leads its body ("secretary general", "commander"),
// unless it opens with a word of service ("deputy secretary-general").
bool leaderTitle(const std::string& title) {
  // A word of service anywhere before the last word ("first vice president").
  for (size_t at = 0; at != std::string::npos && at < title.size();) {
    if (afterSubordinateOpener(title.substr(at))) return false;
    at = title.find_first_of(" -", at);
    if (at != std::string::npos) ++at;
  }
  return holdsAny(title, words().leaderTitleWords);
}

// Heads of state and of government lead their state (LEADER_OF); every
// other office of a state is OFFICIAL_OF with its title.
bool headTitle(const std::string& lt) { return words().headTitles.contains(lt); }

// Ranks, religious honorifics and opposition roles: a demonym before them
// ("Iraqi cleric Grand Ayatollah ...", "Venezuelan opposition leader ...")
// names a nationality, not an office of the state.
bool honorificOrRank(const std::string& lt) { return words().honorifics.contains(lt); }

std::string lowerCase(std::string s) {
  for (auto& ch : s) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  return s;
}

// The relation the dictionary records between `person` and `body` (catalog
// indexes) that a title read in text (`lowerTitle`) belongs to: of several
// (two terms, two offices), the one with this title held on the article's
// date, else one held then, else the first; nullptr when none is recorded.
const CatalogRelation* recordedRelation(const Resolver& resolver, size_t person, size_t body,
                                        const std::string& lowerTitle) {
  if (person == kNoActor || body == kNoActor) return nullptr;
  const Date on = resolver.articleDate();
  const CatalogRelation* best = nullptr;
  for (const auto& r : resolver.catalog().actors()[person].relations) {
    if (r.target != body) continue;
    if (lowerCase(r.title) == lowerTitle && heldOn(r, on)) return &r;
    if (!best || (heldOn(r, on) && !heldOn(*best, on))) best = &r;
  }
  return best;
}

// Pushes a standing relation of `type` from mention `a`'s actor to `b`'s,
// at the weaker mention's confidence times `factor`.
void pushBetween(StandingScan& s, const Mention& a, const Mention& b, EdgeType type, float factor) {
  Fact f;
  f.src = a.entity;
  f.dst = b.entity;
  f.type = type;
  f.confidence = std::min(a.confidence, b.confidence) * factor;
  s.push(std::move(f));
}

// ---- Titles written before names

// Military ranks and honorifics: membership, not an office.
bool rankTitle(const std::string& lt) {
  return honorificOrRank(lt) || words().ranks.contains(lt);
}

// "former president X", "the late prime minister X", "ex-President X": an
// office that is over, which a sentence read today must not date.
// The word may stand before a qualifier or two of the title ("the former
// regional vice president X", "the late Iraqi president X").
bool formerTitle(const StandingScan& s, const Mention& m) {
  for (size_t at = m.titleBegin, back = 0; at > 0 && back < 3; --at, ++back) {
    const Token& t = s.tokens[at - 1];
    const std::string& w = t.lower;
    if (w == "then" || isPastOfficeWord(w)) return true;
    if (!t.word || t.capital || t.possessive || w == "the" || w == "a" || w == "an") return false;
  }
  return false;
}

// Days after a recorded tenure's end in which an article may still write
// the title as held: news of a fall comes a day or more after it ("Mutinous
// soldiers detained President X on Tuesday", dated Wednesday, X's presidency
// recorded to Tuesday). The text's mention joins that tenure in the store
// (storage/merge_rule.h: the nearest tenure), so it extends nothing.
constexpr int32_t kJustEndedDays = 7;

// True when `r` is held on `on` or ended at most kJustEndedDays before it.
bool heldOrJustEnded(const CatalogRelation& r, Date on) {
  if (heldOn(r, on)) return true;
  return on.known() && r.to.known() && (!r.from.known() || r.from.days() <= on.days()) &&
         on.days() > r.to.lastDay() && on.days() - r.to.lastDay() <= kJustEndedDays;
}

// A title written before a known person's name with no body beside it
// ("Prime Minister Mustafa al-Kadhimi", "Secretary of State Mike Pompeo"):
// when the dictionary records that person holding that very title on the
// article's date, or ending it at most kJustEndedDays before (unless the
// title is written as over: "the ousted president X"), the sentence states
// that tenure; the fact joins it in the store. Nothing is read without an article date, for another title, or
// when the person holds that title in two bodies then ("leader" of a
// movement and of its militia: the text does not say which).
std::optional<Fact> recordedTitleFact(const StandingScan& s, const Mention& m) {
  const size_t person = s.entities[m.entity].catalog;
  const Date on = s.resolver.articleDate();
  if (person == kNoActor || s.entities[m.entity].actor.kind != ActorKind::kPerson || !on.known()) return std::nullopt;
  const std::string lt = lowerCase(m.title);
  const CatalogRelation* held = nullptr;
  for (const auto& r : s.resolver.catalog().actors()[person].relations) {
    if (r.target == kNoActor || lowerCase(r.title) != lt || !heldOrJustEnded(r, on)) continue;
    if (!heldOn(r, on) && formerTitle(s, m)) continue;  // "the ousted president X": no longer held
    if (held) return std::nullopt;
    held = &r;
  }
  if (!held) return std::nullopt;
  Fact f;
  f.src = m.entity;
  f.dst = s.resolver.fromCatalog(held->target);
  if (f.dst == f.src) return std::nullopt;
  f.type = held->type;
  f.title = held->title;
  f.confidence = m.confidence * kTitleFactor;
  return f;
}

// A state mention that can say whose office a bare title is: one that
// qualifies a noun or heads the clause after it ("Peru's Congress", "Malian
// soldiers", "Ukraine was"), never one that only places something ("in
// Iraq", "visited Mali") or ends a phrase as a party ("relations with the
// United States.", "accused Belgrade of").
bool owningStateMention(const StandingScan& s, const Mention& m) {
  if (m.tokBegin > 0) {
    const std::string& prev = s.tokens[m.tokBegin - 1].lower;  // a place, or one of a list ("Armenia and Azerbaijan")
    if (words().placePrepositions.contains(prev) || words().clauseLinkWords.contains(prev) || prev == ",") return false;
  }
  if (m.possessive) return true;
  if (m.tokEnd >= s.tokens.size()) return false;
  const Token& next = s.tokens[m.tokEnd];
  return next.word && !next.capital && !words().placePrepositions.contains(next.lower) &&
         !words().clauseLinkWords.contains(next.lower);
}

// True when another person of the sentence holds an office of `state` (a
// catalog catalog index): by a title written with them ("Serbian President
// X") or by the dictionary on the article's date (Macron for France).
bool stateHeldByAnother(const StandingScan& s, const Mention& person, size_t state) {
  const Date on = s.resolver.articleDate();
  for (const Mention& o : s.mentions) {
    const Entity& e = s.entities[o.entity];
    if (&o == &person || e.actor.kind != ActorKind::kPerson) continue;
    if (o.titleOf != kNoActor && s.entities[o.titleOf].catalog == state) return true;
    if (e.catalog == kNoActor) continue;
    for (const auto& r : s.resolver.catalog().actors()[e.catalog].relations)
      if (r.target == state && heldOn(r, on)) return true;
  }
  return false;
}

// The one state a sentence names outside place phrases, other than through
// `person`'s own mention, whose offices no other person of the sentence
// holds (`heldAlike`: whatever others hold there, for an office several
// serve beside its head); kNoActor when none or several.
size_t soleStateOfSentence(const StandingScan& s, const Mention& person, bool heldAlike = false) {
  size_t found = kNoActor;
  for (const Mention& o : s.mentions) {
    if (&o == &person || s.entities[o.entity].actor.kind != ActorKind::kState || !owningStateMention(s, o)) continue;
    if (!heldAlike && stateHeldByAnother(s, person, s.entities[o.entity].catalog)) return kNoActor;
    if (found != kNoActor && s.entities[found].catalog != s.entities[o.entity].catalog) return kNoActor;
    found = o.entity;
  }
  return found;
}


// The state whose office person `o` holds: the state a title written with
// them names ("Chancellor X" read as Germany's), else the one state the
// dictionary records them serving on the article's date; kNoActor when none
// or several.
size_t servedState(const StandingScan& s, const Mention& o) {
  if (o.titleOf != kNoActor && s.entities[o.titleOf].actor.kind == ActorKind::kState) return o.titleOf;
  const size_t cat = s.entities[o.entity].catalog;
  const Date on = s.resolver.articleDate();
  if (cat == kNoActor || !on.known()) return kNoActor;
  size_t found = kNoActor;
  for (const auto& r : s.resolver.catalog().actors()[cat].relations) {
    if (r.target == kNoActor || !heldOn(r, on)) continue;
    if (r.type != EdgeType::kLeaderOf && r.type != EdgeType::kOfficialOf) continue;
    if (s.resolver.catalog().actors()[r.target].actor.kind != ActorKind::kState) continue;
    if (found != kNoActor && found != r.target) return kNoActor;
    found = r.target;
  }
  return found == kNoActor ? kNoActor : s.resolver.fromCatalog(found);
}

// True when the dictionary records person's title `title` in a body other
// than `body`: a mention naming `body` for it is a misreading, the
// dictionary knows better.
bool titleRecordedElsewhere(const StandingScan& s, const Entity& person, const Entity& body,
                            const std::string& title) {
  const auto& offices = s.resolver.offices();
  return person.catalog != kNoActor && offices.hasTitle(person.catalog, title) &&
         (body.catalog == kNoActor || !offices.hasRelation(person.catalog, body.catalog));
}

// An international body (an organisation of no one state: the UN, the EU,
// the IAEA): the people its titles name serve it as its officials ("the UN
// special envoy for Yemen, X"); a party or movement of a state has members.
bool staffedBody(const Actor& a) { return a.kind == ActorKind::kOrganisation && a.country.empty(); }

// The standing relation mention `m`'s title makes between its person and
// `body` (an entity): a rank is membership; a head of a state or government
// body leads it, its other offices are OFFICIAL_OF; a group's leaders lead
// it, its other roles are membership. A relation the dictionary records
// between the two is this one: its type and title are taken, so that the
// store joins the mention to that tenure (and never starts a second edge
// that outlives it).
Fact officeFact(const StandingScan& s, const Mention& m, size_t body, float confidence) {
  const Entity& person = s.entities[m.entity];
  const Entity& b = s.entities[body];
  const std::string lt = lowerCase(m.title);
  const bool stateLike = b.actor.kind == ActorKind::kState || b.actor.kind == ActorKind::kGovernmentBody;
  Fact f;
  f.src = m.entity;
  f.dst = body;
  f.type = rankTitle(lt)                ? EdgeType::kMemberOf
           : stateLike && headTitle(lt) ? EdgeType::kLeaderOf
           : stateLike                  ? EdgeType::kOfficialOf
           : leaderTitle(lt)            ? EdgeType::kLeaderOf
           : staffedBody(b.actor)       ? EdgeType::kOfficialOf
                                        : EdgeType::kMemberOf;
  f.title = m.title;
  // "a commander of X, Y": one of several holders leads nothing.
  if (m.titleOneOfMany && f.type == EdgeType::kLeaderOf) f.type = stateLike ? EdgeType::kOfficialOf : EdgeType::kMemberOf;
  // Not a record of another time under another title: "the Deputy
  // Secretary-General X" in 2021 is no part of X's tenure as Secretary
  // General from 2024.
  const CatalogRelation* r = recordedRelation(s.resolver, person.catalog, b.catalog, lt);
  if (r && (lowerCase(r->title) == lt || heldOrJustEnded(*r, s.resolver.articleDate()))) {
    f.type = r->type;
    f.title = r->title;
  }
  f.confidence = confidence;
  return f;
}

// The token that says whose title a mention's title is: "his"/"her"/"its"/
// "their" right before it, or the possessive of "the country's", "the
// group's" ...; for a title set before the name by a comma ("his finance
// minister, X") the owner word starts the words before the comma.
std::string ownerWord(const Token& t) {
  const std::string& w = t.lower;
  if (w == "his" || w == "her" || w == "its" || w == "their") return w;
  std::string stem = possessiveStem(t);
  return words().ownerNouns.contains(stem) ? stem : std::string();
}

// True for an owner word that stands for a state ("the country's", "the
// kingdom's"); the other owner nouns stand for organisations and groups.
bool countryOwner(const std::string& w) {
  return w == "country" || w == "nation" || w == "state" || w == "island" || w == "kingdom" || w == "republic";
}

std::optional<size_t> titleOwnerWord(const StandingScan& s, const Mention& m) {
  auto owner = [&](size_t at) { return !ownerWord(s.tokens[at]).empty(); };
  if (m.titleApposed) {
    for (size_t q = m.tokBegin - 1; q > 0 && q + kApposedTitleWords >= m.tokBegin; --q)
      if (owner(q - 1)) return q - 1;
    return std::nullopt;
  }
  if (m.titleBegin > 0 && owner(m.titleBegin - 1)) return m.titleBegin - 1;
  return std::nullopt;
}

// "its", "their": the possessive pronouns that stand for a state or body.
bool bodyPronoun(const std::string& w) { return w == "its" || w == "their"; }

// Words a sentence-opening unnamed group phrase may take before its head
// ("The Iran-backed Shiite armed group"): "the", then up to five more.
constexpr size_t kUnnamedGroupPhraseWords = 6;

// True when the sentence opens with a group named by a common noun, not by
// its name ("The Iran-backed group ...", "The militia ..."): its "its" and
// "their" are that group's, whose name only the sentence before can give.
bool opensWithUnnamedGroup(const StandingScan& s) {
  const auto& tokens = s.tokens;
  if (tokens.empty() || tokens[0].lower != "the") return false;
  for (size_t k = 1; k < tokens.size() && k < kUnnamedGroupPhraseWords; ++k) {
    const Token& t = tokens[k];
    if (!t.word) return false;
    if (words().unnamedGroupHeads.contains(t.lower)) return true;
    const bool named = std::any_of(s.mentions.begin(), s.mentions.end(),
                                   [&](const Mention& o) { return o.tokBegin <= k && k < o.tokEnd; });
    // Only a compound's first half ("Iran-" in "Iran-backed") may be a name here.
    if (named && !tokens[k].hyphenAfter) return false;
    if (!named && t.capital && !t.hyphenBefore) return false;
  }
  return false;
}

// The actor the owner word at `det` stands for: for "his"/"her" the nearest
// person before it; for "its"/"their" the nearest state, organisation or
// group before it; for "the country's" the nearest state, for "the group's"
// (the movement's, the militia's ...) the nearest organisation or group.
// nullptr when there is none.
const Mention* titleOwner(const StandingScan& s, const Mention& m, size_t det) {
  const std::string w = ownerWord(s.tokens[det]);
  const bool personal = w == "his" || w == "her";
  const bool country = countryOwner(w);
  auto fits = [&](ActorKind k) {
    if (personal) return k == ActorKind::kPerson;
    if (country) return k == ActorKind::kState;
    if (bodyPronoun(w)) return k != ActorKind::kPerson && k != ActorKind::kMedia && k != ActorKind::kOther;
    return k == ActorKind::kOrganisation || k == ActorKind::kArmedGroup || k == ActorKind::kGovernmentBody;
  };
  // A pronoun takes up the sentence's subject first: the mention that opens
  // the sentence ("Wagner fighters halted their march on Moscow after ...
  // a deal with their leader, X"), unless it only owns something ("Israel's
  // strike on Hezbollah killed its leader").
  // The first half of a compound ("Iran" in "the Iran-backed group ... its
  // commander") qualifies the phrase's noun and owns nothing.
  if (bodyPronoun(w) && opensWithUnnamedGroup(s)) return nullptr;
  const Mention* found = nullptr;
  for (const Mention& o : s.mentions) {
    if (&o == &m || o.tokEnd > det || !fits(s.entities[o.entity].actor.kind)) continue;
    if (s.tokens[o.tokEnd - 1].hyphenAfter) continue;
    const bool opens = o.tokBegin == 0 || (o.tokBegin == 1 && s.tokens[0].lower == "the");
    if (opens && !o.possessive && bodyPronoun(w)) return &o;
    if (!found || o.tokBegin > found->tokBegin) found = &o;
  }
  return found;
}

// The body the common noun `w` ("agency", "alliance", "group") stands for,
// from the sentence before (PreviousSentence::bodies): the one whose name
// holds that noun as a word ("the International Atomic Energy Agency" for
// "agency"), else the only one named (`soleFits`: for any noun; otherwise
// only for an unnamed_group_heads noun, and only an armed group); kNoActor
// when none fits or several do.
size_t previousBodyForNoun(const StandingScan& s, const std::string& w, bool soleFits) {
  size_t holding = kNoActor;
  for (size_t e : s.previous.bodies) {
    const std::string name = lowerCase(s.entities[e].actor.name);
    const size_t at = name.find(w);
    const bool holds = at != std::string::npos && (at == 0 || name[at - 1] == ' ') &&
                       (at + w.size() == name.size() || name[at + w.size()] == ' ');
    if (holds) {
      if (holding != kNoActor) return kNoActor;
      holding = e;
    }
  }
  if (holding != kNoActor || s.previous.bodies.size() != 1) return holding;
  const size_t only = s.previous.bodies.front();
  if (soleFits) return only;
  // "the group", "the militia": an armed group (an organisation such as the
  // EU is no "group").
  return s.entities[only].actor.kind == ActorKind::kArmedGroup && words().unnamedGroupHeads.contains(w) ? only
                                                                                                        : kNoActor;
}

// The body of the sentence before (PreviousSentence::bodies) that the owner
// noun at `det` of `person`'s title ("the agency's", "the group's", not
// "his", nor "its" but in a sentence opened by an unnamed group, where it is
// the only armed group or organisation the sentence before named) stands
// for when its own sentence names none before it but the person:
// previousBodyForNoun; kNoActor when none fits or several do.
size_t bodyOfSentenceBefore(const StandingScan& s, const Mention& person, size_t det) {
  const std::string w = ownerWord(s.tokens[det]);
  if (bodyPronoun(w) && opensWithUnnamedGroup(s)) {
    if (s.previous.bodies.size() != 1) return kNoActor;
    const ActorKind k = s.entities[s.previous.bodies.front()].actor.kind;
    return k == ActorKind::kArmedGroup || k == ActorKind::kOrganisation ? s.previous.bodies.front() : kNoActor;
  }
  if (w.empty() || w == "his" || w == "her" || w == "its" || w == "their") return kNoActor;
  if (countryOwner(w)) return kNoActor;
  // A name before the owner word (other than the person's own, "X, the
  // group's spokesman,"): titleOwner found nothing fitting.
  for (const Mention& o : s.mentions)
    if (&o != &person && o.tokEnd <= det) return kNoActor;
  return previousBodyForNoun(s, w, true);
}

// "his finance minister, X", "its leader, X", "the country's elected
// leader, X", "the group's commander X": a title owned by the actor the
// possessive stands for. A person's minister holds an office of the state
// that person serves; a state's leader leads it; a group's leader or
// commander leads it, its other roles are membership.
std::optional<Fact> ownedTitleFact(const StandingScan& s, const Mention& m) {
  const Entity& person = s.entities[m.entity];
  if (person.actor.kind != ActorKind::kPerson) return std::nullopt;
  const auto det = titleOwnerWord(s, m);
  if (!det) return std::nullopt;
  const Mention* owner = titleOwner(s, m, *det);
  const std::string lt = lowerCase(m.title);
  if (!owner) {
    // "The agency's director general, X" opening a sentence: a body the
    // sentence before named.
    const size_t body = bodyOfSentenceBefore(s, m, *det);
    if (body == kNoActor || body == m.entity || titleRecordedElsewhere(s, person, s.entities[body], m.title))
      return std::nullopt;
    return officeFact(s, m, body, m.confidence * kTitleFactor * kContextOwnerFactor * kPreviousSentenceFactor);
  }
  const bool personal = s.entities[owner->entity].actor.kind == ActorKind::kPerson;
  const size_t body = personal ? servedState(s, *owner) : owner->entity;
  if (body == kNoActor || body == m.entity) return std::nullopt;
  // "his deputy" under a president is no head of the state.
  if (personal && headTitle(lt)) return std::nullopt;
  if (titleRecordedElsewhere(s, person, s.entities[body], m.title)) return std::nullopt;
  return officeFact(s, m, body, m.confidence * kTitleFactor * kContextOwnerFactor);
}

// True when the sentence of `person` names no state by name, and no other
// person's title names one ("Turkish President X"); a title of another body
// names none ("UN Secretary-General Y": a bare "Foreign Minister X" beside
// it is still a state's). (Demonyms elsewhere in the sentence are the
// caller's to rule out: it passes no previous state.)
bool namesNoState(const StandingScan& s, const Mention& person) {
  auto isState = [&](size_t e) { return s.entities[e].actor.kind == ActorKind::kState; };
  // "at the White House": a state's government body names its state too.
  auto isStateBody = [&](size_t e) {
    const Actor& a = s.entities[e].actor;
    return a.kind == ActorKind::kGovernmentBody && !a.country.empty();
  };
  for (const Mention& o : s.mentions)
    if (&o != &person && (isState(o.entity) || isStateBody(o.entity) || (o.titleOf != kNoActor && isState(o.titleOf))))
      return false;
  return true;
}

// A minister's title (lower case): "... minister", "... secretary" and
// "secretary of ..." as governments name their ministers ("foreign
// secretary", "secretary of state"); not a body's "secretary general". A
// ministry's or government's spokesman speaks for a government too.
// ("attorney general" was tried: its holder is often named beside another
// state's act, "the attorney general, X, ... and the United States barred
// her", and took that state.)
bool ministerialTitle(std::string_view lt) {
  return lt.find("minister") != std::string_view::npos || lt.ends_with(" secretary") ||
         lt.starts_with("secretary of ") || lt.starts_with("foreign ministry ") || lt.starts_with("government spokes");
}

// A head-of-state, head-of-government, minister or armed forces head's
// (state_service_titles) title written bare before the name of someone the
// dictionary does not know, or knows under other titles only ("Mutinous Malian soldiers
// detained President X"): the office of the sentence's one state, read at a
// lower confidence. Nothing when the sentence names no state or several.
// A title only one state has ("Secretary of State X", "House Speaker X")
// is that state's office, whatever the sentence names.
std::optional<Fact> contextTitleFact(const StandingScan& s, const Mention& m) {
  const Entity& person = s.entities[m.entity];
  if (person.actor.kind != ActorKind::kPerson) return std::nullopt;
  // The dictionary's own titles are recordedTitleFact's; a known person's
  // other title ("Deputy President X" before X's presidency) is read as
  // anyone's.
  if (person.catalog != kNoActor && s.resolver.offices().hasTitle(person.catalog, m.title)) return std::nullopt;
  const std::string lt = lowerCase(m.title);
  const bool head = headTitle(lt);
  if (titleOwnerWord(s, m)) return std::nullopt;  // an owned title is ownedTitleFact's
  // "Vice President X", "Deputy President X": a head's deputy, an official.
  const auto deputyOf = afterSubordinateOpener(lt);
  const bool deputyHead = deputyOf && !deputyOf->empty() && headTitle(*deputyOf);
  const bool service = stateServiceTitles().contains(lt);
  const TitleDef* def = s.resolver.catalog().findTitle(m.title);
  const auto national = def && !def->state.empty() ? s.resolver.catalog().findByName(def->state) : std::nullopt;
  if (!national && !head && !deputyHead && !service && !ministerialTitle(lt)) return std::nullopt;
  if (formerTitle(s, m)) return std::nullopt;
  size_t state = national ? s.resolver.fromCatalog(*national) : soleStateOfSentence(s, m, service);
  float confidence = m.confidence * kTitleFactor * (national ? kNationalTitleFactor : kContextOwnerFactor);
  if (state == kNoActor && person.catalog == kNoActor && s.previous.state != kNoActor && namesNoState(s, m)) {
    state = s.resolver.fromCatalog(s.previous.state);
    confidence *= kPreviousSentenceFactor;
  }
  if (state == kNoActor || state == m.entity) return std::nullopt;
  Fact f;
  f.src = m.entity;
  f.dst = state;
  f.type = head && !m.titleOneOfMany ? EdgeType::kLeaderOf : EdgeType::kOfficialOf;
  f.title = m.title;
  f.confidence = confidence;
  return f;
}

// The standing relation a title before a person's name states ("Secretary
// of State Mike Pompeo": OFFICIAL_OF United States), or nullopt.
std::optional<Fact> titleFact(const StandingScan& s, const Mention& m) {
  if (m.title.empty() || m.source == MentionSource::kRole) return std::nullopt;
  if (m.titleOf == kNoActor) {
    if (auto f = recordedTitleFact(s, m)) return f;
    if (auto f = ownedTitleFact(s, m)) return f;
    return contextTitleFact(s, m);
  }
  const Entity& person = s.entities[m.entity];
  const Entity& body = s.entities[m.titleOf];
  if (person.actor.kind != ActorKind::kPerson || m.entity == m.titleOf) return std::nullopt;
  // "the former Iraqi prime minister X": an office that is over; read, but
  // never as held on the article's date (`background`: undated).
  const bool former = formerTitle(s, m);
  // A title the dictionary already records is still read when it names the
  // recorded body: the store joins it to that tenure (storage/merge_rule.h),
  // which then carries this sentence as evidence. Naming another body for a
  // recorded title is a misreading; the dictionary knows better.
  // Without an article date the mention cannot be placed in the tenure: the
  // dictionary's edge already says it.
  if (titleRecordedElsewhere(s, person, body, m.title) ||
      (person.catalog != kNoActor && s.resolver.offices().hasTitle(person.catalog, m.title) &&
       !s.resolver.articleDate().known()))
    return std::nullopt;
  const std::string lt = lowerCase(m.title);
  // A rank or a group role with a state ("Iranian General X", "Iraqi
  // commander X") says too little about which body it is held in; a group
  // role is still the office the dictionary records for that state on the
  // article's date ("North Korean leader Kim Jong Un", recorded leading
  // North Korea).
  if (body.actor.kind == ActorKind::kState && rankTitle(lt)) return std::nullopt;
  if (body.actor.kind == ActorKind::kState && words().stateVagueTitles.contains(lt)) {
    const CatalogRelation* r = recordedRelation(s.resolver, person.catalog, body.catalog, lt);
    if (!r || !heldOn(*r, s.resolver.articleDate()) ||
        (r->type != EdgeType::kLeaderOf && r->type != EdgeType::kOfficialOf))
      return std::nullopt;
  }
  Fact f = officeFact(s, m, m.titleOf, m.confidence * kTitleFactor);
  f.background = former;
  return f;
}

// ---- Appositions

// The first mention starting within `window` tokens after `from` ("of
// Iraq's PMU" gives the PMU); nullptr when a possessive heads another noun.
const Mention* mentionAfter(const std::vector<Token>& tokens, const std::vector<const Mention*>& all, size_t from,
                            size_t window) {
  for (size_t k = 0; k < all.size(); ++k) {
    const Mention* m = all[k];
    if (m->tokBegin < from) continue;
    if (m->tokBegin > from + window) return nullptr;
    if (m->possessive && k + 1 < all.size() && all[k + 1]->tokBegin == m->tokEnd) return all[k + 1];
    if (tokens[m->tokEnd - 1].hyphenAfter) continue;  // "the Iran-backed PMF"
    if (m->possessive) return nullptr;
    return m;
  }
  return nullptr;
}

// "of Iran's Supreme National Security Council": a state's possessive
// mention starting within `window` tokens after `from`, followed by a
// capitalised name of one of its organs that no mention covers (the state
// owns the office); nullptr otherwise.
const Mention* stateOfUnknownOrgan(const StandingScan& s, const std::vector<const Mention*>& all, size_t from,
                                   size_t window) {
  const auto& tokens = s.tokens;
  for (size_t k = 0; k < all.size(); ++k) {
    const Mention* m = all[k];
    if (m->tokBegin < from) continue;
    if (m->tokBegin > from + window || !m->possessive) return nullptr;
    if (s.entities[m->entity].actor.kind != ActorKind::kState) return nullptr;
    size_t e = m->tokEnd;
    while (e < tokens.size() && e < m->tokEnd + 6 && tokens[e].word && tokens[e].capital) ++e;
    if (e == m->tokEnd || !words().stateBodyHeads.contains(tokens[e - 1].lower)) return nullptr;
    if (k + 1 < all.size() && all[k + 1]->tokBegin < e) return nullptr;  // the organ is an actor
    return m;
  }
  return nullptr;
}

// The role words of an apposition starting at the article `q` ("the
// secretary general" before "of"/"with"/"in"/"for"); `*end` is set to the
// preposition. Empty when no preposition ends them.
std::string appositiveTitle(const std::vector<Token>& tokens, size_t q, size_t* end) {
  std::string title;
  size_t r = q + 1;
  for (; r < tokens.size() && r < q + 9; ++r) {
    const std::string& w = tokens[r].lower;
    if ((w == "of" || w == "with" || w == "in" || w == "for") && !tokens[r].hyphenBefore) {
      *end = r;
      return title;
    }
    if (!tokens[r].word) break;
    if (!title.empty()) title += tokens[r].hyphenBefore ? "-" : " ";
    title += w;
  }
  return "";
}

// "an analyst with ...", "a guest of ..." name no role in the body.
bool roleWords(const std::string& title) { return holdsAny(title, words().roleWordStems); }

// The standing relation an apposition states between the person `m` and
// the body `g` it names, with the role words `title`.
// `oneOfMany`: the role is written as one of several ("a senior commander",
// "commander in Syria"): it names a member or an official, not the head.
void pushAppositionFact(StandingScan& s, const Mention& m, size_t bodyEntity, float bodyConfidence, std::string title,
                        bool oneOfMany) {
  const Entity& body = s.entities[bodyEntity];
  if (body.actor.kind == ActorKind::kPerson || body.actor.kind == ActorKind::kMedia || bodyEntity == m.entity) return;
  for (const std::string& word : words().titleQualifiers.words()) {
    const std::string qualifier = word + " ";
    if (title.rfind(qualifier, 0) == 0) title.erase(0, qualifier.size());
  }
  Fact f;
  f.src = m.entity;
  f.dst = bodyEntity;
  const bool lead = leaderTitle(title) && !oneOfMany;
  const bool stateLike = body.actor.kind == ActorKind::kState || body.actor.kind == ActorKind::kGovernmentBody;
  f.type = (lead && !stateLike) || (stateLike && headTitle(title) && !oneOfMany) ? EdgeType::kLeaderOf
           : (stateLike || staffedBody(body.actor)) && title != "member"         ? EdgeType::kOfficialOf
                                                                                 : EdgeType::kMemberOf;
  if (lead && body.actor.kind == ActorKind::kGovernmentBody) f.type = EdgeType::kLeaderOf;
  f.title = title;
  f.confidence = std::min(m.confidence, bodyConfidence) * kAppositionFactor;
  s.push(std::move(f));
}

void pushAppositionFact(StandingScan& s, const Mention& m, const Mention& g, std::string title, bool oneOfMany) {
  pushAppositionFact(s, m, g.entity, g.confidence, std::move(title), oneOfMany);
}

// "of the alliance" at `of`, closed by a comma or the sentence's end, in a
// sentence that names no body before it: the body of the sentence before
// that the noun stands for (previousBodyForNoun); kNoActor otherwise.
size_t bodyOfDefiniteNoun(const StandingScan& s, const std::vector<const Mention*>& all, size_t of) {
  const auto& tokens = s.tokens;
  if (of + 2 >= tokens.size() || tokens[of + 1].lower != "the" || !tokens[of + 2].word || tokens[of + 2].capital)
    return kNoActor;
  if (of + 3 < tokens.size() && tokens[of + 3].word)
    return kNoActor;  // "of the alliance's ...", "of the party leadership"
  for (const Mention* o : all) {
    const ActorKind k = s.entities[o->entity].actor.kind;
    if (o->tokEnd <= of && k != ActorKind::kPerson && k != ActorKind::kState) return kNoActor;
  }
  return previousBodyForNoun(s, tokens[of + 2].lower, false);
}

// "P, the secretary general of G", "P, a member of G": `q` is the article
// after the comma.
// A second role joined by "and" ("P, the speaker of parliament and leader of
// the Ennahda party,"; "..., and the head of G") is read as the first is.
void appositiveRole(StandingScan& s, const std::vector<const Mention*>& all, const Mention& m, size_t q) {
  const auto& tokens = s.tokens;
  bool definite = tokens[q].lower == "the";  // a second role without an article shares the first's
  for (int role = 0; role < 2; ++role) {
    size_t r = 0;
    std::string title = appositiveTitle(tokens, q, &r);
    if (title.empty() || !roleWords(title)) return;
    if (const Mention* g = mentionAfter(tokens, all, r + 1, 3)) {
      pushAppositionFact(s, m, *g, title, !definite);
    } else if (const Mention* state = stateOfUnknownOrgan(s, all, r + 1, 1)) {
      pushAppositionFact(s, m, *state, title, true);  // an office in the organ: OFFICIAL_OF the state
    } else if (const size_t body = bodyOfDefiniteNoun(s, all, r); body != kNoActor) {
      // "Hadi al-Amiri, the head of the alliance," after a sentence naming the Fatah Alliance.
      pushAppositionFact(s, m, body, m.confidence * kPreviousSentenceFactor, title, !definite);
    }
    // The second role: "and", then its article or its first word, within
    // a few words of the first role's "of" and before any comma.
    size_t k = r + 1;
    while (k < tokens.size() && k < r + 8 && tokens[k].word && tokens[k].lower != "and") ++k;
    if (k + 1 >= tokens.size() || tokens[k].lower != "and") return;
    const std::string& next = tokens[k + 1].lower;
    q = next == "the" || next == "a" || next == "an" ? k + 1 : k;
    if (q != k) definite = next == "the";
  }
}

// True for the words a role may be qualified by ("senior", "former").
bool qualifier(const std::string& w) { return words().titleQualifiers.contains(w); }

// "P, Kosovo's prime minister,", "P, a senior Hamas commander,", "P, the
// US envoy to Iraq": the body named inside the apposition, before its role
// words. `q` is the token after the comma. True when it read one.
bool appositiveOwnedRole(StandingScan& s, const std::vector<const Mention*>& all, const Mention& m, size_t q) {
  const auto& tokens = s.tokens;
  size_t r = q;
  if (r < tokens.size() && (tokens[r].lower == "the" || tokens[r].lower == "a" || tokens[r].lower == "an")) ++r;
  auto startingAt = [&all](size_t k) -> const Mention* {
    for (const Mention* c : all) {
      if (c->tokBegin == k) return c;
    }
    return nullptr;
  };
  while (r < tokens.size() && r < q + 4 && qualifier(tokens[r].lower) && !startingAt(r)) ++r;
  const Mention* g = startingAt(r);
  if (g == nullptr || g == &m) return false;
  std::string title;
  size_t e = g->tokEnd;
  for (; e < tokens.size() && e < g->tokEnd + 4; ++e) {
    const Token& t = tokens[e];
    if (!t.word || words().prepositions.contains(t.lower) || t.lower == "who" || t.lower == "and") break;
    if (const Mention* inner = startingAt(e)) {  // "P, Iran's Quds Force commander": the group, not the state
      if (!title.empty() || s.entities[inner->entity].actor.kind == ActorKind::kPerson) return false;
      g = inner;
      e = inner->tokEnd - 1;
      continue;
    }
    if (!title.empty()) title += t.hyphenBefore ? "-" : " ";
    title += t.lower;
  }
  // The last word is the role, one person's: "X, US officials said" is no apposition.
  const std::string last = title.substr(title.find_last_of(" -") == std::string::npos ? 0 : title.find_last_of(" -") + 1);
  if (last.empty() || !roleWords(last) || (last.back() == 's' && last.size() > 2 && last[last.size() - 2] != 's'))
    return false;
  if (e < tokens.size() && tokens[e].word && !words().prepositions.contains(tokens[e].lower) &&
      tokens[e].lower != "who" && tokens[e].lower != "and")
    return false;  // the role words run on: not an apposition we can read
  const bool indefinite = tokens[q].lower == "a" || tokens[q].lower == "an";
  const bool located = e < tokens.size() && (tokens[e].lower == "in" || tokens[e].lower == "for");
  pushAppositionFact(s, m, *g, std::move(title), indefinite || located);
  return true;
}

// Words of role an owned apposition may take after its owner word ("the
// group's [chief military] spokesman").
constexpr size_t kOwnedRoleWords = 4;

// "P, the group's military spokesman,", "P, the agency's director general,":
// an apposition whose owner is a common noun (owner_nouns) standing for a
// body named before: the one this sentence names before it (titleOwner),
// else the one of the sentence before the noun stands for
// (previousBodyForNoun). A country noun ("the country's
// foreign minister") is left to the title rules. `q` is the token after the
// comma. True when it read one.
bool appositiveOwnerNounRole(StandingScan& s, const std::vector<const Mention*>& all, const Mention& m, size_t q) {
  const auto& tokens = s.tokens;
  if (q + 2 >= tokens.size() || tokens[q].lower != "the") return false;
  const std::string w = ownerWord(tokens[q + 1]);
  if (w.empty() || bodyPronoun(w) || countryOwner(w)) return false;
  std::string title;
  size_t e = q + 2;
  for (; e < tokens.size() && e < q + 2 + kOwnedRoleWords && tokens[e].word; ++e) {
    if (!title.empty()) title += tokens[e].hyphenBefore ? "-" : " ";
    title += tokens[e].lower;
  }
  if (e < tokens.size() && tokens[e].word) return false;  // the role words run on
  // "A, the council's leader, B,": the role is B's, written before B's name.
  if (e + 1 < tokens.size() && tokens[e].lower == "," && std::any_of(all.begin(), all.end(), [&](const Mention* o) {
        return o->tokBegin == e + 1 && s.entities[o->entity].actor.kind == ActorKind::kPerson;
      }))
    return false;
  const size_t space = title.find_last_of(" -");
  if (title.empty() || !roleWords(title.substr(space == std::string::npos ? 0 : space + 1))) return false;
  if (const Mention* before = titleOwner(s, m, q + 1)) {
    pushAppositionFact(s, m, *before, std::move(title), false);
    return true;
  }
  const size_t body = previousBodyForNoun(s, w, false);
  if (body == kNoActor) return false;
  pushAppositionFact(s, m, body, m.confidence * kPreviousSentenceFactor, std::move(title), false);
  return true;
}

// P leads G ("leader"), read loosely as an apposition is (kAppositionFactor).
void pushLeader(StandingScan& s, const Mention& p, const Mention& g) {
  Fact f;
  f.src = p.entity;
  f.dst = g.entity;
  f.type = EdgeType::kLeaderOf;
  f.title = "leader";
  f.confidence = std::min(p.confidence, g.confidence) * kAppositionFactor;
  s.push(std::move(f));
}

// "G, led by P", "G led by P", "G, the political wing of the factions and
// led by P,": P leads G. `by` is the index of "by" after "led"/"headed"; G is
// the group or state right before "led" or right before the comma that opens
// the phrase "led by" closes.
void ledBy(StandingScan& s, const std::vector<const Mention*>& all, size_t by) {
  const auto& tokens = s.tokens;
  const Mention* p = mentionAfter(tokens, all, by + 1, 3);  // "led by (the cleric) P"
  if (p == nullptr || s.entities[p->entity].actor.kind != ActorKind::kPerson) return;
  auto endingAt = [&all](size_t e) -> const Mention* {
    for (const Mention* c : all)
      if (c->tokEnd == e) return c;
    return nullptr;
  };
  size_t at = by - 1;  // "led"
  const Mention* g = at > 0 ? endingAt(at) : nullptr;
  if (g == nullptr && at > 1 && tokens[at - 1].lower == ",") g = endingAt(at - 1);
  for (size_t k = at; g == nullptr && k > 0 && k + 12 > at; --k) {
    if (tokens[k - 1].lower != ",") continue;
    g = endingAt(k - 1);
    break;
  }
  if (g == nullptr || g->entity == p->entity) return;
  const ActorKind kind = s.entities[g->entity].actor.kind;
  if (kind == ActorKind::kPerson || kind == ActorKind::kMedia) return;
  pushLeader(s, *p, *g);
}

// "G, which is part of the PMU": `q` is the token after the comma.
void partOfAfter(StandingScan& s, const std::vector<const Mention*>& all, const Mention& m, size_t q) {
  const auto& tokens = s.tokens;
  for (size_t r = q; r + 1 < tokens.size() && r < q + 5; ++r) {
    if (tokens[r].lower != "part" || tokens[r + 1].lower != "of") continue;
    const Mention* g = mentionAfter(tokens, all, r + 2, 3);
    if (g == nullptr || g->entity == m.entity) return;
    pushBetween(s, m, *g, EdgeType::kPartOf, kPartOfFactor);
    return;
  }
}

// ---- Appointments

// The office written after "as" at token `q` ("as his new defence
// minister", "as prime minister of Iraq"): its words, without the openers;
// `*end` is set to the token after it. Empty unless its last word is a
// role of one person.
std::string appointedTitle(const std::vector<Token>& tokens, size_t q, size_t* end, size_t* owner) {
  size_t r = q;
  *owner = tokens.size();
  for (; r < tokens.size() && r < q + 3 &&
         (words().appointedTitleOpeners.contains(tokens[r].lower) || !ownerWord(tokens[r]).empty());
       ++r)
    if (!ownerWord(tokens[r]).empty()) *owner = r;  // "as his minister", "as the island's president"
  std::string title;
  size_t e = r;
  for (; e < tokens.size() && e < r + 4; ++e) {
    const Token& t = tokens[e];
    if (!t.word || t.capital || words().prepositions.contains(t.lower) || t.lower == "and" || t.lower == "on") break;
    if (!title.empty()) title += t.hyphenBefore ? "-" : " ";
    title += t.lower;
  }
  *end = e;
  const size_t cut = title.find_last_of(" -");
  const std::string last = title.substr(cut == std::string::npos ? 0 : cut + 1);
  if (last.empty() || !roleWords(last) || last == "member" || last.back() == 's') return "";
  // "as head of state", "as head of government": the office's whole name.
  if (title == "head" && e + 1 < tokens.size() && tokens[e].lower == "of" &&
      (tokens[e + 1].lower == "state" || tokens[e + 1].lower == "government")) {
    title += " of " + tokens[e + 1].lower;
    *end = e + 2;
  }
  return title;
}

// The person or state whose act of appointing is written before token
// `verb`: the nearest mention before it that is not `m`.
const Mention* appointer(const StandingScan& s, const Mention& m, size_t verb) {
  const Mention* found = nullptr;
  for (const Mention& o : s.mentions)
    if (&o != &m && !o.modifier && o.tokEnd <= verb && (!found || o.tokBegin > found->tokBegin)) found = &o;
  return found;
}

// Pushes the office `title` of person mention `m` in entity `body`, read
// from context (an appointment or a replacement) at the confidence of a bare
// title, unless the dictionary records that title in another body.
void pushReadOffice(StandingScan& s, const Mention& m, const std::string& title, size_t body) {
  if (titleRecordedElsewhere(s, s.entities[m.entity], s.entities[body], title)) return;
  Mention office = m;
  office.title = title;
  s.push(officeFact(s, office, body, m.confidence * kTitleFactor * kContextOwnerFactor));
}

// The body of the office person `m` is appointed to, when the text writes
// no state with the office: the appointer's before `verb` (a person's served
// state, the state a body's title names, else the appointer itself); failing
// that, unless an owner word ("as his minister") owns the office, the state
// the dictionary records `m` serving on the article's date, else the
// sentence's one state. kNoActor when none.
size_t appointmentBody(StandingScan& s, const Mention& m, size_t verb, bool owned) {
  size_t body = kNoActor;
  if (verb < m.tokBegin)
    if (const Mention* a = appointer(s, m, verb)) {
      const ActorKind k = s.entities[a->entity].actor.kind;
      body = k == ActorKind::kPerson ? servedState(s, *a)
             : k == ActorKind::kGovernmentBody && a->titleOf != kNoActor ? a->titleOf
                                                                         : a->entity;
    }
  if (body != kNoActor || owned) return body;
  // The state the dictionary records them serving on the article's date
  // first ("since X, a former intelligence chief, became prime minister"
  // beside "the Iran-backed group"), else the sentence's one state ("Keir
  // Starmer was sworn in as prime minister": none written).
  body = servedState(s, m);
  return body != kNoActor ? body : soleStateOfSentence(s, m);
}

// "Macron appointed X as prime minister", "X was named as defence
// minister", "X was sworn in as Kenya's president", "parliament elected X
// as president of Iraq", "X became prime minister", "named X prime
// minister": X holds the office written after "as" (or after "became", or
// the name), in the state written with it ("Kenya's", "of Iraq"), else
// appointmentBody's.
void appointedAs(StandingScan& s, const Mention& m) {
  const auto& tokens = s.tokens;
  if (s.entities[m.entity].actor.kind != ActorKind::kPerson) return;
  const auto appointing = [](std::string_view w) { return words().appointingVerbs.contains(w); };
  auto office = officeAsAfter(tokens, m.tokEnd, appointing);
  // "X, a former intelligence chief, became prime minister": past an
  // apposition set off by commas (words only, at most six).
  if (!office && m.tokEnd + 2 < tokens.size() && tokens[m.tokEnd].lower == ",")
    for (size_t k = m.tokEnd + 1; k < tokens.size() && k <= m.tokEnd + 7; ++k) {
      if (tokens[k].lower == ",") {
        if (k + 1 < tokens.size() && (tokens[k + 1].lower == "became" || tokens[k + 1].lower == "becomes"))
          office = officeAsAfter(tokens, k + 1, appointing);
        break;
      }
      if (!tokens[k].word) break;
    }
  // "Iraq named X prime minister", "parliament elected X president": the
  // office right after the name, with no "as".
  if (!office && m.tokBegin > 0 && m.tokEnd < tokens.size() && appointing(tokens[m.tokBegin - 1].lower) &&
      tokens[m.tokEnd].word && !tokens[m.tokEnd].capital) {
    size_t end = 0, owner = 0;
    if (!appointedTitle(tokens, m.tokEnd, &end, &owner).empty()) office = OfficeAs{m.tokEnd - 1, m.tokBegin - 1};
  }
  if (!office) return;
  // Active "appointed X as ...": the verb right before the name.
  // ("named Lieutenant Colonel X as head of state": a rank between them.)
  if (office->verb == tokens.size()) {
    const size_t named = !m.title.empty() && m.titleBegin < m.tokBegin ? m.titleBegin : m.tokBegin;
    if (named == 0 || !words().appointingVerbs.contains(tokens[named - 1].lower)) return;
    office->verb = named - 1;
  }
  const size_t as = office->as;
  size_t body = kNoActor;
  size_t titleAt = as + 1;
  for (const Mention& o : s.mentions) {
    if (o.tokBegin != as + 1) continue;
    // "as Kenya's president" read as a role naming the same person: its
    // title and body.
    if (o.entity == m.entity && o.source == MentionSource::kRole && !o.title.empty() && o.titleOf != kNoActor) {
      pushReadOffice(s, m, o.title, o.titleOf);
      return;
    }
    if (o.possessive && s.entities[o.entity].actor.kind == ActorKind::kState) {
      body = o.entity;
      titleAt = o.tokEnd;
    }
  }
  size_t end = 0, owner = 0;
  const std::string title = appointedTitle(tokens, titleAt, &end, &owner);
  if (title.empty()) return;
  if (body == kNoActor && end + 1 < tokens.size() && tokens[end].lower == "of")
    for (const Mention& o : s.mentions)
      if (o.tokBegin == end + 1 || (o.tokBegin == end + 2 && tokens[end + 1].lower == "the")) body = o.entity;
  // "as the island's president": the owner word stands for the nearest
  // fitting actor before it (a person's: the state that person serves).
  if (body == kNoActor && owner != tokens.size())
    if (const Mention* o = titleOwner(s, m, owner))
      body = s.entities[o->entity].actor.kind == ActorKind::kPerson ? servedState(s, *o) : o->entity;
  if (body == kNoActor) body = appointmentBody(s, m, office->verb, owner != tokens.size());
  if (body == kNoActor || body == m.entity || s.entities[body].actor.kind == ActorKind::kPerson) return;
  pushReadOffice(s, m, title, body);
}

// "Putin replaced Defence Minister X with Y", "replaced his foreign
// minister, X, with Y": Y takes the office X's title states, in the same body.
void replacedWith(StandingScan& s, const Mention& y) {
  const auto& tokens = s.tokens;
  if (s.entities[y.entity].actor.kind != ActorKind::kPerson || y.tokBegin < 3) return;
  // "with Y", "with the economist Y": up to three lower-case words between.
  size_t with = y.tokBegin - 1;
  while (with + 4 > y.tokBegin && with > 0 && tokens[with].word && !tokens[with].capital && tokens[with].lower != "with")
    --with;
  if (tokens[with].lower != "with") return;
  size_t verb = tokens.size();
  for (size_t k = with; k > 0 && k + kApposedTitleWords + 6 > with; --k)
    if (words().replacingVerbs.contains(tokens[k - 1].lower)) {
      verb = k - 1;
      break;
    }
  if (verb == tokens.size()) return;
  for (const Mention& x : s.mentions) {
    if (&x == &y || x.tokBegin <= verb || x.tokEnd > with || x.title.empty()) continue;
    if (s.entities[x.entity].actor.kind != ActorKind::kPerson) continue;
    // The body of X's office: the one its title states, else (a bare title
    // of someone the dictionary knows, "Defence Minister X") the state the
    // person replacing X serves, for X as for Y.
    size_t body = kNoActor;
    if (const auto held = titleFact(s, x)) {
      body = held->dst;
    } else if (const Mention* a = appointer(s, x, verb); a && s.entities[a->entity].actor.kind == ActorKind::kPerson) {
      body = servedState(s, *a);
      if (body != kNoActor && roleWords(lowerCase(x.title))) pushReadOffice(s, x, x.title, body);
    }
    if (body == kNoActor || body == y.entity || s.entities[body].actor.kind == ActorKind::kPerson) return;
    pushReadOffice(s, y, x.title, body);
    return;
  }
}

// "General X of the Quds Force", "Senator X of the Republican Party",
// "Secretary-General X of NATO": a person's organisation, armed group,
// or government body (parties are organisations) written right after the name with "of". A
// leader's title written with the name leads it; any other title, or none,
// is membership. A state after "of" is left alone ("Prime Minister X of
// Japan" is the title rules'; "X of Iran" is only a nationality).
void personOfBody(StandingScan& s, const std::vector<const Mention*>& all, const Mention& m) {
  const auto& tokens = s.tokens;
  const Entity& person = s.entities[m.entity];
  if (person.actor.kind != ActorKind::kPerson || m.tokEnd + 1 >= tokens.size() || tokens[m.tokEnd].lower != "of") return;
  const Mention* g = mentionAfter(tokens, all, m.tokEnd + 1, 1);
  if (!g || g->entity == m.entity) return;
  const ActorKind kind = s.entities[g->entity].actor.kind;
  if (kind != ActorKind::kOrganisation && kind != ActorKind::kArmedGroup &&
      kind != ActorKind::kGovernmentBody)
    return;
  if (m.titleOf != kNoActor) return;  // the title names its own body
  if (titleRecordedElsewhere(s, person, s.entities[g->entity], m.title)) return;
  // "two militia leaders, A of the X Brigades and B of ...": the list's noun
  // is each one's title.
  std::string title = lowerCase(m.title);
  if (const std::string* noun = peopleListNoun(tokens, m.tokBegin); title.empty() && noun && noun->size() > 1)
    title = noun->substr(0, noun->size() - 1);
  Fact f;
  f.src = m.entity;
  f.dst = g->entity;
  f.type = !title.empty() && leaderTitle(title) && !rankTitle(title) ? EdgeType::kLeaderOf : EdgeType::kMemberOf;
  f.title = m.title;
  f.confidence = std::min(m.confidence, g->confidence) * kAppositionFactor;
  s.push(std::move(f));
}

// ---- Joining

// "was admitted to" / "became the 32nd member of" starting at token `v`: the
// token after "to" / "of", or 0 when the words are not there.
size_t admittedOrBecameMember(const std::vector<Token>& tokens, size_t v) {
  auto is = [&](size_t k, std::string_view w) { return k < tokens.size() && tokens[k].lower == w; };
  if ((is(v, "was") || is(v, "is")) && is(v + 1, "admitted") && is(v + 2, "to")) return v + 3;
  if (!is(v, "became") && !is(v, "becomes")) return 0;
  constexpr size_t kMemberReach = 4;  // "the 32nd full member of"
  for (size_t k = v + 1; k < tokens.size() && k <= v + kMemberReach; ++k)
    if (is(k, "member") && is(k + 1, "of")) return k + 2;
  return 0;
}

// "Finland formally joined NATO", "Sweden has joined the European Union",
// "fighters who joined the Islamic State": a state, person or group written
// right before "joined"/"joins" (an auxiliary or an adverb of manner may
// stand between) is a member of the organisation or armed group written
// right after it; so is one that "was admitted to" it or "became the (32nd)
// member of" it. Not "wants to join", "will join", "bid to join": those are
// not (yet) memberships.
void joinedBody(StandingScan& s, const std::vector<const Mention*>& all, const Mention& m) {
  static const std::array<std::string_view, 8> kBetween = {"has", "have", "had", "formally", "officially",
                                                           "finally", "also", "now"};
  const auto& tokens = s.tokens;
  size_t v = m.tokEnd;
  while (v < tokens.size() && std::find(kBetween.begin(), kBetween.end(), tokens[v].lower) != kBetween.end()) ++v;
  if (v >= tokens.size()) return;
  // "Sweden was admitted to NATO", "became the 32nd member of NATO": the
  // body's first word comes after "to" / "member of".
  size_t body = v + 1;
  if (tokens[v].lower != "joined" && tokens[v].lower != "joins") {
    body = admittedOrBecameMember(tokens, v);
    if (body == 0) return;
  }
  const Mention* g = mentionAfter(tokens, all, body, 1);
  if (!g || g->entity == m.entity || g->tokBegin > body + 1) return;
  const ActorKind kind = s.entities[g->entity].actor.kind;
  if (kind != ActorKind::kOrganisation && kind != ActorKind::kArmedGroup) return;
  pushBetween(s, m, *g, EdgeType::kMemberOf, kAppositionFactor);
}

// True when mention `m` starts right after possessive mention `owner`, with
// nothing but its "'s" between, and names another entity.
bool ownedRightAfter(const StandingScan& s, const Mention& owner, const Mention& m) {
  if (m.tokBegin < owner.tokEnd || m.tokBegin > owner.tokEnd + 1 || m.entity == owner.entity) return false;
  return m.tokBegin == owner.tokEnd || !s.tokens[owner.tokEnd].word;
}

// "Massoud Barzani's Kurdistan Democratic Party", "Netanyahu's Likud": a
// person written as the owner of a party, movement or armed group right
// after them leads it. Not a government body ("Biden's State Department" is
// served, not led, by most of its people) nor a state.
void possessorLeads(StandingScan& s, const std::vector<const Mention*>& all) {
  for (const Mention* p : all) {
    if (!p->possessive || s.entities[p->entity].actor.kind != ActorKind::kPerson) continue;
    for (const Mention* g : all) {
      if (!ownedRightAfter(s, *p, *g)) continue;
      const ActorKind kind = s.entities[g->entity].actor.kind;
      if (kind != ActorKind::kOrganisation && kind != ActorKind::kArmedGroup) continue;
      pushLeader(s, *p, *g);
      break;
    }
  }
}

// "Venezuela's Nicolas Maduro", "Chile's Gabriel Boric": a state's
// possessive right before a person's bare name is the office the dictionary
// records for that person in that state on the article's date (nothing when
// none is held then: "Iraq's Saddam Hussein" in 2020 reads no office).
void ownerStateRecordedRole(StandingScan& s, const std::vector<const Mention*>& all) {
  const Date on = s.resolver.articleDate();
  if (!on.known()) return;
  for (const Mention* g : all) {
    if (!g->possessive || s.entities[g->entity].actor.kind != ActorKind::kState) continue;
    const size_t state = s.entities[g->entity].catalog;
    if (state == kNoActor) continue;
    for (const Mention* p : all) {
      if (!ownedRightAfter(s, *g, *p)) continue;
      if (!p->title.empty() || s.entities[p->entity].actor.kind != ActorKind::kPerson) break;
      const size_t person = s.entities[p->entity].catalog;
      if (person == kNoActor) break;
      for (const CatalogRelation& r : s.resolver.catalog().actors()[person].relations) {
        if (r.target != state || !heldOn(r, on)) continue;
        Fact f;
        f.src = p->entity;
        f.dst = g->entity;
        f.type = r.type;
        f.title = r.title;
        f.confidence = std::min(p->confidence, g->confidence) * kOwnerStateFactor;
        s.push(std::move(f));
        break;
      }
      break;
    }
  }
}

// Appositives: "P, the secretary general of G", "P, a member of G"; "G,
// which is part of H". They read all mentions, transparent or not.
void appositionRelations(StandingScan& s) {
  const auto& tokens = s.tokens;
  std::vector<const Mention*> all;
  for (const auto& m : s.mentions) {
    if (!m.modifier) all.push_back(&m);
  }
  for (size_t k = 1; k + 1 < tokens.size(); ++k) {
    if (tokens[k].lower == "by" && (tokens[k - 1].lower == "led" || tokens[k - 1].lower == "headed")) ledBy(s, all, k);
  }
  possessorLeads(s, all);
  ownerStateRecordedRole(s, all);
  for (const Mention* m : all) {
    personOfBody(s, all, *m);
    joinedBody(s, all, *m);
    size_t q = m->tokEnd;
    if (q >= tokens.size() || tokens[q].lower != ",") continue;
    ++q;
    if (s.entities[m->entity].actor.kind == ActorKind::kPerson &&
        (appositiveOwnedRole(s, all, *m, q) || appositiveOwnerNounRole(s, all, *m, q)))
      continue;
    if (s.entities[m->entity].actor.kind == ActorKind::kPerson && q < tokens.size() &&
        (tokens[q].lower == "the" || tokens[q].lower == "a" || tokens[q].lower == "an"))
      appositiveRole(s, all, *m, q);
    else
      partOfAfter(s, all, *m, q);
  }
}

// "dismissed his army chief, X, and appointed Y in his place": Y, after an
// appointing verb and before "in his place" / "in her place", takes the
// office the sentence read for the one person other than the appointer
// (its first person) it names holding one.
void appointedInTheirPlace(StandingScan& s, size_t first) {
  const auto& tokens = s.tokens;
  const auto isPerson = [&](size_t entity) { return s.entities[entity].actor.kind == ActorKind::kPerson; };
  // The appointer (the sentence's first person) holds an office too: not theirs.
  size_t appointer = kNoActor;
  for (const Mention& p : s.mentions)
    if (isPerson(p.entity)) {
      appointer = p.entity;
      break;
    }
  for (const Mention& y : s.mentions) {
    if (!isPerson(y.entity) || y.tokBegin == 0 || !words().appointingVerbs.contains(tokens[y.tokBegin - 1].lower))
      continue;
    const size_t q = y.tokEnd;
    if (q + 2 >= tokens.size() || tokens[q].lower != "in" ||
        (tokens[q + 1].lower != "his" && tokens[q + 1].lower != "her") || tokens[q + 2].lower != "place")
      continue;
    // The office read for the one other holder (none when two persons hold one).
    std::optional<Fact> held;
    bool several = false;
    for (size_t k = first; k < s.out->size(); ++k) {
      const Fact& f = (*s.out)[k];
      if (!isStandingType(f.type) || f.src == y.entity || f.src == appointer || !isPerson(f.src)) continue;
      if (!held) held = f;
      else several = several || held->src != f.src;
    }
    if (!held || several) continue;
    held->confidence = std::min(held->confidence, y.confidence);
    held->src = y.entity;
    s.push(std::move(*held));
  }
}

}  // namespace

void standingRelations(const std::vector<Token>& tokens, const std::vector<Mention>& mentions,
                       Resolver& resolver, std::vector<Fact>* out, const PreviousSentence& previous) {
  StandingScan s{tokens, mentions, resolver, resolver.entities(), out, previous};
  const size_t first = out->size();
  for (const auto& m : mentions) {
    if (auto f = titleFact(s, m)) out->push_back(std::move(*f));
    appointedAs(s, m);
    replacedWith(s, m);
  }
  appositionRelations(s);
  appointedInTheirPlace(s, first);
}

namespace {

// True when the dictionary records offices of fact `f`'s person and every
// one of them ended before the article's date (a death, a successor): the
// person holds none of them then, and a role read for them is over too. A
// fact of a recorded relation itself (its body and type) is left to the
// store, which joins it to that tenure without extending it
// (storage/merge_rule.h).
bool recordedTenuresOver(const Resolver& resolver, const Fact& f) {
  const Entity& person = resolver.entities()[f.src];
  const Date on = resolver.articleDate();
  if (person.actor.kind != ActorKind::kPerson || person.catalog == kNoActor || !on.known()) return false;
  const auto& relations = resolver.catalog().actors()[person.catalog].relations;
  const size_t body = resolver.entities()[f.dst].catalog;
  size_t offices = 0;
  for (const CatalogRelation& r : relations) {
    if (r.target == kNoActor) continue;
    if (r.target == body && r.type == f.type) return false;
    ++offices;
    if (!r.to.known() || on.days() <= r.to.lastDay()) return false;  // still held on the article's date
  }
  return offices > 0;
}

}  // namespace

void undateEndedTenures(const Resolver& resolver, std::vector<Fact>* facts) {
  for (Fact& f : *facts)
    if (isStandingType(f.type) && f.type != EdgeType::kPartOf && recordedTenuresOver(resolver, f)) f.background = true;
}

}  // namespace kg::extract
