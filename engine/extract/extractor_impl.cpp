#include "extract/extractor_impl.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

#include "extract/actors/known_as.h"
#include "extract/actors/name_fold.h"
#include "extract/actors/petrarch_actors.h"
#include "extract/actors/token_slice.h"
#include "extract/coding/actor_codes.h"
#include "extract/coding/coder_lexicon.h"
#include "extract/coding/follow_suit.h"
#include "extract/coding/pronouns.h"
#include "extract/coding/rebuttal.h"
#include "extract/dates/dates.h"
#include "extract/lexicon/cameo_plover.h"
#include "extract/relations/relations.h"
#include "extract/text/dateline.h"

namespace kg::extract {

// Embedded from data/states.txt, organisations.txt, leaders.txt and
// leaders_world.txt (data/default_dictionary.cpp.in).
extern const char kDefaultStatesText[];
extern const char kDefaultOrganisationsText[];
extern const char kDefaultLeadersText[];
extern const char kDefaultLeadersWorldText[];

Result<std::unique_ptr<Extractor>> Extractor::create(const ExtractorOptions& options) {
  auto impl = ExtractorImpl::make(options);
  if (!impl) return impl.status();
  return std::unique_ptr<Extractor>(std::move(impl).value());
}

Result<std::unique_ptr<ExtractorImpl>> ExtractorImpl::make(const ExtractorOptions& options) {
  std::unique_ptr<ExtractorImpl> x(new ExtractorImpl());
  if (options.loadDefaultDictionary) {
    KG_RETURN_IF_ERROR(x->catalog_.parseDictionary(defaultDictionaryText(), "actors.txt (default dictionary)"));
    KG_RETURN_IF_ERROR(x->catalog_.parseDictionary(kDefaultStatesText, "states.txt (default dictionary)"));
    KG_RETURN_IF_ERROR(x->catalog_.parseDictionary(kDefaultOrganisationsText, "organisations.txt (default dictionary)"));
    KG_RETURN_IF_ERROR(x->catalog_.parseDictionary(kDefaultLeadersText, "leaders.txt (default dictionary)"));
    KG_RETURN_IF_ERROR(x->catalog_.parseDictionary(kDefaultLeadersWorldText, "leaders_world.txt (default dictionary)"));
  }
  for (const auto& f : options.actorFiles) KG_RETURN_IF_ERROR(x->catalog_.loadDictionaryFile(f));
  for (const auto& f : options.petrarchFiles) KG_RETURN_IF_ERROR(loadPetrarchFile(f, &x->catalog_, &x->warnings_));
  KG_RETURN_IF_ERROR(x->catalog_.link());
  EventLexiconOptions eo;
  eo.loadDefaults = options.loadDefaultEventDictionaries;
  eo.verbFiles = options.verbFiles;
  eo.agentFiles = options.agentFiles;
  eo.discardFiles = options.discardFiles;
  auto events = EventLexicons::load(eo, &x->warnings_);
  if (!events) return events.status();
  x->events_ = std::move(events).value();
  x->englishEvents_ = options.englishEvents;
  x->ja_ = JapaneseSegmenter::create();
  x->index_ = std::make_unique<MentionIndex>(x->catalog_, x->ja_.get());
  x->offices_ = std::make_unique<OfficeTable>(x->catalog_);
  for (size_t i = 0; i < x->catalog_.actors().size(); ++i) {
    const Actor& a = x->catalog_.actors()[i].actor;
    x->noteKeys(i, a.name);
    for (const auto& al : a.aliases) x->noteKeys(i, al);
    x->computeKeys(i);
  }
  for (const CatalogActor& ca : x->catalog_.actors()) {
    auto add = [&](const std::string& name) {
      for (auto& k : nameKeys(name))
        if (!k.empty()) x->dictionaryKeys_.push_back(std::move(k));
    };
    add(ca.actor.name);
    for (const auto& al : ca.actor.aliases) add(al);
  }
  std::sort(x->dictionaryKeys_.begin(), x->dictionaryKeys_.end());
  x->dictionaryKeys_.erase(std::unique(x->dictionaryKeys_.begin(), x->dictionaryKeys_.end()), x->dictionaryKeys_.end());
  return x;
}

void ExtractorImpl::computeKeys(size_t actor) {
  if (catalogKeys_.size() <= actor) {
    if (undo_) undo_->push([this, old = catalogKeys_.size()] { catalogKeys_.resize(old); });
    catalogKeys_.resize(actor + 1);
  }
  std::vector<std::string>& keys = catalogKeys_[actor];
  if (undo_) undo_->push([this, actor, old = keys] { catalogKeys_[actor] = old; });
  keys.clear();
  const Actor& a = catalog_.actors()[actor].actor;
  auto add = [&](const std::string& name) {
    for (auto& k : nameKeys(name))
      if (std::find(keys.begin(), keys.end(), k) == keys.end()) keys.push_back(std::move(k));
  };
  add(a.name);
  for (const auto& al : a.aliases) add(al);
}

void ExtractorImpl::extendKeys(size_t actor, size_t firstAlias) {
  // catalogKeys_[actor] is computeKeys' answer for the aliases before
  // `firstAlias` (every change of an actor's aliases is an append followed by
  // computeKeys or this): going on from there over the new ones gives what
  // computeKeys would, and taking them back is a truncation.
  const Actor& a = catalog_.actors()[actor].actor;
  if (firstAlias >= a.aliases.size()) return;
  std::vector<std::string>& keys = catalogKeys_[actor];
  if (undo_) undo_->push([this, actor, old = keys.size()] { catalogKeys_[actor].resize(old); });
  for (size_t i = firstAlias; i < a.aliases.size(); ++i) {
    for (auto& k : nameKeys(a.aliases[i]))
      if (std::find(keys.begin(), keys.end(), k) == keys.end()) keys.push_back(std::move(k));
  }
}

void ExtractorImpl::noteKeys(size_t actor, const std::string& name) {
  for (const auto& k : nameKeysOf(name)) {
    if (k.empty() || k[0] != '~') continue;
    // try_emplace: no node is built for a key already owned.
    auto [it, inserted] = skeletonOwner_.try_emplace(k, actor);
    if (inserted && undo_) undo_->push([this, k] { skeletonOwner_.erase(k); });
    if (!inserted && it->second != actor && ambiguousSkeletons_.insert(k).second && undo_)
      undo_->push([this, k] { ambiguousSkeletons_.erase(k); });
  }
}

void ExtractorImpl::addKnownActor(const Actor& actor) {
  dropArticleActors();
  registerActor(actor);
}

void ExtractorImpl::setArticleActors(const std::vector<Actor>& actors) {
  // Consecutive articles name mostly the same stored actors: keep the
  // registrations of the longest common prefix of the two lists.
  size_t keep = 0;
  while (keep < actors.size() && keep < articleActors_.size() && articleActors_[keep] == actors[keep]) ++keep;
  if (keep < articleMarks_.size()) {
    articleUndo_.rollbackTo(articleMarks_[keep]);
    articleActors_.resize(keep);
    articleMarks_.resize(keep);
  }
  undo_ = &articleUndo_;
  catalog_.recordChangesIn(undo_);
  index_->recordChangesIn(undo_);
  for (size_t i = keep; i < actors.size(); ++i) {
    articleMarks_.push_back(articleUndo_.size());
    articleActors_.push_back(actors[i]);
    registerActor(actors[i]);
  }
  catalog_.recordChangesIn(nullptr);
  index_->recordChangesIn(nullptr);
  undo_ = nullptr;
}

void ExtractorImpl::dropArticleActors() {
  articleUndo_.rollback();
  articleActors_.clear();
  articleMarks_.clear();
}

void ExtractorImpl::registerActor(const Actor& actor) {
  std::optional<size_t> idx = catalog_.findByName(actor.name);
  for (size_t k = 0; !idx && k < actor.aliases.size(); ++k) {
    // Only an alias naming the same kind of actor identifies it.
    auto cand = catalog_.findByName(actor.aliases[k]);
    if (cand && catalog_.actors()[*cand].actor.kind == actor.kind) idx = cand;
  }
  if (idx && catalog_.actors()[*idx].actor.id != 0 && catalog_.actors()[*idx].actor.id != actor.id) idx.reset();
  const bool added = !idx;
  if (!idx) {
    Actor a = actor;
    a.aliases.clear();
    idx = catalog_.addActor(a, "stored actor");
    index_->addAlias(actor.name, *idx);
    noteKeys(*idx, actor.name);
  }
  catalog_.setId(*idx, actor.id);
  const size_t aliasesBefore = catalog_.actors()[*idx].actor.aliases.size();
  for (const auto& al : actor.aliases) {
    catalog_.addAlias(*idx, al);
    index_->addAlias(al, *idx);
    noteKeys(*idx, al);
  }
  if (added) {
    computeKeys(*idx);
  } else {
    extendKeys(*idx, aliasesBefore);
  }
}

namespace {

// "last summer", "last spring", "last autumn/fall": the year of the season
// before the article's date, at year precision. A fallback for sentences
// eventDate() finds no date in. Winter spans two years and is not read.
// True when a sentence ends with a question mark (closing quotes and
// brackets after it allowed).
bool isQuestion(std::string_view sentence) {
  size_t end = sentence.size();
  while (end > 0) {
    const unsigned char c = static_cast<unsigned char>(sentence[end - 1]);
    if (c == ' ' || c == '\n' || c == '\t' || c == '"' || c == '\'' || c == ')') {
      --end;
    } else if (end >= 3 && sentence.substr(end - 3, 3) == "\xE2\x80\x9D") {  // closing curly quote
      end -= 3;
    } else {
      break;
    }
  }
  return end > 0 && (sentence[end - 1] == '?' || (end >= 3 && sentence.substr(end - 3, 3) == "\xEF\xBC\x9F"));
}

Date seasonDate(std::string_view sentence, Date articleDate) {
  if (!articleDate.known()) return {};
  struct Season { const char* words; int lastMonth; };
  static const Season kSeasons[] = {{"last spring", 5}, {"last summer", 8}, {"last autumn", 11}, {"last fall", 11}};
  std::string lower(sentence);
  for (auto& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  const CivilDate at = articleDate.civil();
  for (const auto& season : kSeasons) {
    if (lower.find(season.words) == std::string::npos) continue;
    // The season is over by the article's month: this year's; else last year's.
    return Date::year(at.month > season.lastMonth ? at.year : at.year - 1);
  }
  return {};
}

// True when the sentence has a word "he", "him", "she" or "her" as the
// coder's tagger splits words: a maximal run of ASCII letters (any case)
// spelling one (the tagger's words are runs of letters, digits and joiners,
// so each of its words "he" is such a run).
bool hasPersonPronoun(std::string_view text) {
  auto letter = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
  for (size_t i = 0; i < text.size();) {
    if (!letter(text[i])) { ++i; continue; }
    size_t j = i;
    char run[4];
    size_t n = 0;
    while (j < text.size() && letter(text[j])) {
      if (n < 4) run[n] = static_cast<char>(text[j] | 0x20);
      ++n;
      ++j;
    }
    if (n <= 3 && isPersonPronoun(std::string_view(run, n))) return true;
    i = j;
  }
  return false;
}

// True when `at` starts the text or a line.
bool startsParagraph(std::string_view text, size_t at) {
  size_t k = at;
  while (k > 0 && (text[k - 1] == ' ' || text[k - 1] == '\t')) --k;
  return k == 0 || text[k - 1] == '\n';
}

// How many sentences back "the next day" may look for the day it counts from.
constexpr size_t kAnchorLookback = 3;

// The day sentence `s` of `article` names in its own words (its first date,
// resolved against the article's), when of day precision; else unknown.
Date dayOfSentence(const Article& article, const Sentence& s) {
  if (s.begin >= s.end || s.end > article.text.size()) return Date::unknown();
  const Date d = eventDate(std::string_view(article.text).substr(s.begin, s.end - s.begin), article.doc.date);
  return d.known() && d.precision() == DatePrecision::kDay ? d : Date::unknown();
}

// The day sentence `si` gives relative to an earlier one ("the next day"):
// the latest day-precision date of the kAnchorLookback sentences before it,
// moved by the sentence's offset; unknown when either is missing.
Date anchoredDay(const Article& article, const std::vector<Sentence>& sentences, size_t si) {
  const Sentence& here = sentences[si];
  const auto offset = anchoredOffset(std::string_view(article.text).substr(here.begin, here.end - here.begin));
  if (!offset) return Date::unknown();
  for (size_t back = 1; back <= kAnchorLookback && back <= si; ++back)
    if (const Date d = dayOfSentence(article, sentences[si - back]); d.known())
      return Date::fromDays(d.days() + *offset, DatePrecision::kDay);
  // "Two days earlier, X had ...", "the day before" with no day told before
  // it: earlier than the article's news, counted from the article's date (a
  // later day would be after the article; left unknown).
  const Date at = article.doc.date;
  if (*offset <= 0 && at.known() && at.precision() == DatePrecision::kDay)
    return Date::fromDays(at.days() + *offset, DatePrecision::kDay);
  return Date::unknown();
}

// What a sentence names for the next one's rules (PreviousSentence): the
// catalog index of the one state it names, by name, by a title's owner
// ("Turkish President X") or by demonym ("Iraqi troops"), kNoActor when none
// or several; its organisations, armed groups and government bodies; and
// whether it has a demonym. One pass over its mentions and one over its words.
PreviousSentence namedIn(const std::vector<Token>& tokens, const std::vector<Mention>& mentions,
                         const std::vector<Entity>& entities, const MentionIndex& index) {
  PreviousSentence out;
  bool several = false;
  auto note = [&](size_t catalogIndex) {
    if (catalogIndex == kNoActor) return;
    if (out.state != kNoActor && out.state != catalogIndex) several = true;
    out.state = catalogIndex;
  };
  for (const Mention& m : mentions) {
    const ActorKind k = entities[m.entity].actor.kind;
    if (k == ActorKind::kState) note(entities[m.entity].catalog);
    if (m.titleOf != kNoActor && entities[m.titleOf].actor.kind == ActorKind::kState) note(entities[m.titleOf].catalog);
    if ((k == ActorKind::kOrganisation || k == ActorKind::kArmedGroup || k == ActorKind::kGovernmentBody) &&
        std::find(out.bodies.begin(), out.bodies.end(), m.entity) == out.bodies.end())
      out.bodies.push_back(m.entity);
  }
  for (const Token& t : tokens)
    if (t.word)
      if (auto state = index.demonym(t)) {
        note(*state);
        out.demonym = true;
      }
  if (several) out.state = kNoActor;
  return out;
}

// The sentence's done events, for an act a later sentence names without its
// author (EarlierActs): events not planned, and requests even when what
// they ask for is ("asked Ethiopia to open its border": the asking is done).
void rememberDoneActs(const std::vector<Fact>& facts, size_t sentence, EarlierActs* acts) {
  for (const Fact& f : facts) {
    if (isStandingType(f.type) || f.cameo.empty()) continue;
    const bool request = f.cameo.rfind("02", 0) == 0 || f.cameo.rfind("10", 0) == 0;
    if (!f.planned || request) acts->done.push_back({f.src, f.cameo, sentence, f.dst});
  }
}

// The date rule for an event (extractor_impl.h): the date its sentence
// gives; else, for a done event (present or past tense), the article's date
// as a point; for a planned one (announced, threatened, hypothetical: mode
// planned), the article's date too, the day by which it was planned, not
// the day it is to happen; else (an act named by a noun with no tense, "the
// US assassination of Soleimani", which may be years old) unknown. Never an
// open-start range.
void pickEventDate(const Fact& f, Date sentenceDate, Date articleDate, Edge* e) {
  e->when = {};
  e->dateBasis = DateBasis::kUnknown;
  // A stated support (model/edge.h isStatedSupport: "the Iran-backed
  // group") holds on the article's date, whatever day the sentence's own
  // event has ("the Iran-backed group then launched rockets ... last month").
  if (isStatedSupport(f.type, f.cameo) && !f.planned) {
    if (articleDate.known()) {
      e->when = DateRange::point(articleDate);
      e->dateBasis = DateBasis::kArticle;
    }
    return;
  }
  if (f.background) {
    if (f.clauseDate.known()) {
      e->when = DateRange::point(f.clauseDate);
      e->dateBasis = DateBasis::kText;
    }
    return;
  }
  if (f.clauseDate.known()) {  // the event's own clause named its day (english_events.cpp)
    e->when = DateRange::point(f.clauseDate);
    e->dateBasis = DateBasis::kText;
    return;
  }
  if (sentenceDate.known() && !f.sentenceDateNotOwn) {
    e->when = DateRange::point(sentenceDate);
    e->dateBasis = DateBasis::kText;
    return;
  }
  if (!articleDate.known() || (f.tense == Tense::kNone && !f.planned)) return;
  e->when = DateRange::point(articleDate);
  e->dateBasis = DateBasis::kArticle;
}

// Days after a party's recorded death within which an undated report of
// an act of or on them is of the death's own days (an article of 6 January
// on "Soleimani landed in Baghdad" and "Al-Muhandis met him": both on the
// 3rd): the lag the store allows between a text day and the article that
// reports it (storage/merge_rule.h kArticleLagDays).
constexpr int32_t kDeathReportLagDays = 7;

// True for the CAMEO roots of acts that need their target alive: meeting
// (04), material cooperation and aid (06, 07), yielding (08), force posture
// and coercion (15, 17) and violence (18-20). Words about the dead (praise,
// blame, appeals, threats against their killers) need no one alive.
bool needsLivingTarget(std::string_view cameo) {
  if (cameo.size() < 2) return false;
  const std::string_view root = cameo.substr(0, 2);
  return root == "04" || root == "06" || root == "07" || root == "08" || root == "15" || root == "17" || root == "18" ||
         root == "19" || root == "20";
}

// An event cannot come after a recorded death (CatalogActor::died) of its
// source, nor, for an act that needs its target alive, of its target. An
// edge dated after that day is dated the day of the death when its date is
// within kDeathReportLagDays of it (the report of the days around the
// death), else left undated (an older act of unknown day, which the
// article's date would misplace by months or years).
void boundByDeath(const Catalog& catalog, const Resolver& resolver, const Fact& f, Edge* e) {
  if (!e->when.from.known()) return;
  auto deathOf = [&](size_t entity) {
    const size_t cat = resolver.entities()[entity].catalog;
    return cat == kNoActor ? Date::unknown() : catalog.actors()[cat].died;
  };
  Date death = deathOf(f.src);
  if (const Date d = deathOf(f.dst);
      d.known() && needsLivingTarget(f.cameo) && (!death.known() || d.days() < death.days()))
    death = d;
  if (!death.known() || e->when.firstDay() <= death.lastDay()) return;
  if (e->when.firstDay() - death.lastDay() <= kDeathReportLagDays) {
    e->when = DateRange::point(death);
    return;
  }
  e->when = {};
  e->dateBasis = DateBasis::kUnknown;
}

// The recorded office or membership (a dictionary relation of the same
// person or body, type and target) that a role read from the text is: the
// one held on the article's date; else the latest begun before it (an
// office known to have ended, "former US president X" in a later article,
// is that tenure again, not a new one); for an undated article, the only
// one. nullptr when none is recorded. A role read again thus joins its
// known tenure (one edge) whatever title the text words it by.
const CatalogRelation* recordedTenure(const Catalog& catalog, const Resolver& resolver, const Fact& f, Date on) {
  const size_t src = resolver.entities()[f.src].catalog, dst = resolver.entities()[f.dst].catalog;
  if (src == kNoActor || dst == kNoActor) return nullptr;
  const CatalogRelation* latest = nullptr;
  const CatalogRelation* only = nullptr;  // the first recorded, while it is the only one
  size_t count = 0;
  for (const CatalogRelation& r : catalog.actors()[src].relations) {
    if (r.target != dst || r.type != f.type) continue;
    if (++count == 1) only = &r;
    if (!r.from.known() && !r.to.known()) return &r;  // recorded without dates: any time
    if (heldOn(r, on)) return &r;
    if (on.known() && r.from.known() && r.from.days() <= on.days() &&
        (!latest || latest->from.days() < r.from.days()))
      latest = &r;
  }
  return !on.known() && count == 1 ? only : latest;
}

// Writes recorded tenure `r` into `e`: its dates (basis dictionary, or
// unknown when it has none) and its title.
void setRecordedTenure(const CatalogRelation& r, Edge* e) {
  e->title = r.title;
  e->when = DateRange{r.from, r.to};
  e->dateBasis = e->when.anyKnown() ? DateBasis::kDictionary : DateBasis::kUnknown;
}

// True when the sentence (its tokens) places what it tells before the
// article's news without a date: "recently", "previously", "formerly", "in
// the past", "years ago". Not "recent": "in recent weeks" is usually the
// news itself.
bool tellsVaguePast(const std::vector<Token>& tokens) {
  for (size_t k = 0; k < tokens.size(); ++k) {
    const std::string& w = tokens[k].lower;
    if (!tokens[k].word) continue;
    if (w == "recently" || w == "previously" || w == "formerly") return true;
    if (w == "past" && k >= 2 && tokens[k - 1].lower == "the" && tokens[k - 2].lower == "in") return true;
    if (w == "ago" && k >= 1 && tokens[k - 1].lower == "years") return true;
  }
  return false;
}

}  // namespace

// "Vice President Mike Pence ... meeting American troops", "X met Chinese
// President Xi Jinping during a visit to Beijing": a meeting or accord
// between a person and the state that person holds office in or belongs to (a
// standing fact of the same sentence or of an earlier one of the article,
// `offices`, or the same country: `sameSide`) is a misreading, not an event
// between the two ("Zelaya said he would fly back to Tegucigalpa" after
// "President Manuel Zelaya"); it is dropped.
static void dropActsOnOwnState(const std::vector<Entity>& entities, const std::function<bool(size_t, size_t)>& sameSide,
                               const std::vector<std::pair<size_t, size_t>>& offices, std::vector<Fact>* facts) {
  auto kindOf = [&](size_t e) { return e < entities.size() ? entities[e].actor.kind : ActorKind::kOther; };
  auto holds = [&](size_t person, size_t state) {
    if (sameSide && sameSide(person, state)) return true;
    if (std::find(offices.begin(), offices.end(), std::make_pair(person, state)) != offices.end()) return true;
    return std::any_of(facts->begin(), facts->end(), [&](const Fact& g) {
      return isStandingType(g.type) && g.src == person && g.dst == state;
    });
  };
  std::erase_if(*facts, [&](const Fact& f) {
    // Only meetings and accords: a state arresting, sanctioning or facing
    // protests from its own people is an event ("police arrested former prime
    // minister X", "Chileans protested against Pinera").
    if (f.type != EdgeType::kConsult && f.type != EdgeType::kAgree && f.type != EdgeType::kCooperate) return false;
    if (kindOf(f.src) == ActorKind::kPerson && kindOf(f.dst) == ActorKind::kState) return holds(f.src, f.dst);
    if (kindOf(f.dst) == ActorKind::kPerson && kindOf(f.src) == ActorKind::kState) return holds(f.dst, f.src);
    return false;
  });
}

// "US Democratic lawmakers condemned Trump for ordering the strike",
// "Opposition parties accused him": criticism or rejection of a
// person who holds office in a state (recorded in the catalog on `on`, or
// a standing fact of the sentence), with that state as its source, is a
// domestic faction's act the agent composition folded into the state; the
// state does not criticise its own office-holder. It is dropped. Protest
// stays ("Chileans protested against Pinera": the people). A person
// with no office there stays a target ("Russia accused Navalny").
static void dropCriticismOfOwnOfficeHolder(const std::vector<Entity>& entities, const Catalog& catalog, Date on,
                                           std::vector<Fact>* facts) {
  auto holdsOffice = [&](size_t person, size_t state) {
    if (std::any_of(facts->begin(), facts->end(), [&](const Fact& g) {
          return (g.type == EdgeType::kLeaderOf || g.type == EdgeType::kOfficialOf) && g.src == person &&
                 g.dst == state;
        }))
      return true;
    const size_t p = entities[person].catalog, s = entities[state].catalog;
    if (p == kNoActor || s == kNoActor) return false;
    const auto& rels = catalog.actors()[p].relations;
    return std::any_of(rels.begin(), rels.end(), [&](const CatalogRelation& r) {
      return (r.type == EdgeType::kLeaderOf || r.type == EdgeType::kOfficialOf) && r.target == s && heldOn(r, on);
    });
  };
  std::erase_if(*facts, [&](const Fact& f) {
    if (f.type != EdgeType::kAccuse && f.type != EdgeType::kReject) return false;
    if (f.src >= entities.size() || f.dst >= entities.size()) return false;
    if (entities[f.src].actor.kind != ActorKind::kState || entities[f.dst].actor.kind != ActorKind::kPerson)
      return false;
    return holdsOffice(f.dst, f.src);
  });
}

// "summoned the Israeli ambassador, Jonathan Peled": a summons (CAMEO 114,
// a complaint lodged with an envoy) is aimed at the state the envoy
// represents, which a standing fact of the same sentence gives (the envoy
// OFFICIAL_OF it as Ambassador); the person named in apposition is only
// the one who was handed it.
static void summonsAimedAtEnvoysState(const std::vector<Entity>& entities, std::vector<Fact>* facts) {
  for (Fact& f : *facts) {
    if (isStandingType(f.type) || f.cameo.rfind("114", 0) != 0 || f.dst >= entities.size() ||
        entities[f.dst].actor.kind != ActorKind::kPerson)
      continue;
    for (const Fact& g : *facts)
      if (g.type == EdgeType::kOfficialOf && g.src == f.dst && g.title == "Ambassador" && g.dst < entities.size() &&
          entities[g.dst].actor.kind == ActorKind::kState && g.dst != f.src) {
        f.dst = g.dst;
        break;
      }
  }
}

Extraction ExtractorImpl::extractWith(const Article& article, std::vector<Token>* whole) const {
  Extraction result;
  Resolver resolver(catalog_, *offices_, article.doc.date);
  std::vector<Sentence> sentences = article.sentences;
  if (sentences.empty() && !article.text.empty()) sentences.push_back({0, static_cast<uint32_t>(article.text.size())});

  struct Pending {
    size_t src, dst;
    Edge edge;
  };
  std::vector<Pending> pending;
  std::map<std::tuple<size_t, size_t, int, std::string, std::string>, size_t> byKey;
  std::vector<bool> mentioned;
  std::vector<Accusation> accusations;  // read so far, for rebuttals (coding/rebuttal.h)
  std::vector<Fact> lastEvents;         // the last sentence's done events, for "followed suit" (coding/follow_suit.h)
  DiscourseState discourse;             // what the article's sentences so far leave for the next
  discourse.isPerson = [&resolver](size_t e) {
    return e < resolver.entities().size() && resolver.entities()[e].actor.kind == ActorKind::kPerson;
  };
  discourse.isState = [&resolver](size_t e) {
    return e < resolver.entities().size() && resolver.entities()[e].actor.kind == ActorKind::kState;
  };
  discourse.isGroup = [&resolver](size_t e) {
    if (e >= resolver.entities().size()) return false;
    const ActorKind k = resolver.entities()[e].actor.kind;
    return k == ActorKind::kArmedGroup || k == ActorKind::kOrganisation;
  };
  // The catalog's state of each country code asked for, found once per
  // article (a scan of the catalog).
  std::unordered_map<std::string, std::optional<size_t>> stateOfCountry;
  discourse.movementOf = [&resolver, this, &article](size_t e) -> std::optional<size_t> {
    const auto& es = resolver.entities();
    if (e >= es.size() || es[e].actor.kind != ActorKind::kPerson || es[e].catalog == kNoActor) return std::nullopt;
    // A movement or party before an armed group: followers are a political following.
    std::optional<size_t> armed;
    for (const CatalogRelation& r : catalog_.actors()[es[e].catalog].relations) {
      if (r.type != EdgeType::kLeaderOf || r.target == kNoActor) continue;
      const ActorKind k = catalog_.actors()[r.target].actor.kind;
      if (k != ActorKind::kOrganisation && k != ActorKind::kArmedGroup) continue;
      if (article.doc.date.known() && (r.from.known() || r.to.known()) && !heldOn(r, article.doc.date)) continue;
      if (k == ActorKind::kOrganisation) return resolver.fromCatalog(r.target);
      if (!armed) armed = r.target;
    }
    if (armed) return resolver.fromCatalog(*armed);
    return std::nullopt;
  };
  discourse.stateOf = [&resolver, &stateOfCountry](size_t e) -> std::optional<size_t> {
    const auto& es = resolver.entities();
    if (e >= es.size() || es[e].actor.kind != ActorKind::kPerson || es[e].actor.country.empty()) return std::nullopt;
    const std::string& country = es[e].actor.country;
    auto [at, added] = stateOfCountry.try_emplace(country);
    if (added) {
      const auto& catalog = resolver.catalog().actors();
      for (size_t i = 0; i < catalog.size() && !at->second; ++i)
        if (catalog[i].actor.kind == ActorKind::kState && catalog[i].actor.country == country) at->second = i;
    }
    if (!at->second) return std::nullopt;
    return resolver.fromCatalog(*at->second);
  };
  size_t sentenceAt = 0;  // the sentence being read, for previousDay
  discourse.previousDay = [&]() -> Date {
    return sentenceAt == 0 ? Date::unknown() : dayOfSentence(article, sentences[sentenceAt - 1]);
  };
  // One side: a state, its government bodies and its people by their
  // country ("the State Department" and the United States); armed groups,
  // organisations and parties are their own side.
  discourse.acts.sameSide = [&resolver](size_t a, size_t b) {
    const auto& es = resolver.entities();
    if (a >= es.size() || b >= es.size()) return false;
    auto governs = [](ActorKind k) {
      return k == ActorKind::kState || k == ActorKind::kGovernmentBody || k == ActorKind::kPerson;
    };
    const Actor& x = es[a].actor;
    const Actor& y = es[b].actor;
    if (!governs(x.kind) || !governs(y.kind) || x.country.empty() || x.country != y.country) return false;
    return x.kind != ActorKind::kPerson || y.kind != ActorKind::kPerson;
  };

  PreviousSentence nextPrevious;  // what the sentence just read named (findRelations)
  // (person, state) offices the article's sentences read so far (dropActsOnOwnState).
  std::vector<std::pair<size_t, size_t>> articleOffices;
  // takeTokens moves a sentence's tokens out of `whole`: a sentence that does
  // not start after the last one taken (none from the segmenter) is tokenized anew.
  size_t takenUpTo = 0;
  for (size_t si = 0; si < sentences.size(); ++si) {
    sentenceAt = si;
    const PreviousSentence previous = std::move(nextPrevious);
    nextPrevious = {};
    const Sentence s = sentences[si];
    if (s.begin >= s.end || s.end > article.text.size()) continue;
    const std::string_view sentenceText = std::string_view(article.text).substr(s.begin, s.end - s.begin);
    // A dateline opening a paragraph ("BAGHDAD (Reuters) -") names the
    // article's outlet; its words are nobody's mention.
    size_t bodyBegin = s.begin;
    if (startsParagraph(article.text, s.begin)) {
      if (auto d = findDateline(sentenceText)) {
        bodyBegin = s.begin + d->end;
        if (result.outlet.empty()) result.outlet = d->outlet;
      }
    }
    const bool take = whole != nullptr && bodyBegin >= takenUpTo;
    const std::vector<Token> tokens = take ? takeTokens(article.text, *whole, bodyBegin, s.end, ja_.get())
                                           : tokenize(article.text, bodyBegin, s.end, ja_.get());
    if (take) takenUpTo = s.end;
    const std::vector<Mention> mentions = findMentions(tokens, *index_, &resolver);
    for (const KnownAs& k : findKnownAs(article.text, tokens, mentions))
      resolver.addLearnedAlias(mentions[k.mention].entity, k.alias);
    for (const auto& m : mentions) {
      if (mentioned.size() <= m.entity) mentioned.resize(m.entity + 1, false);
      mentioned[m.entity] = true;
    }
    bool wholeStory = false;
    if (events_->discards(sentenceText, &wholeStory)) {
      if (wholeStory) return Extraction{};
      continue;
    }
    // The one state this sentence names (by name or demonym), for a bare
    // title in the next one that names none (findRelations).
    const PreviousSentence here = namedIn(tokens, mentions, resolver.entities(), *index_);
    PreviousSentence before = previous;
    if (here.demonym) before.state = kNoActor;
    std::vector<Fact> facts = findRelations(tokens, mentions, resolver, before);
    // The rules' events take their mode from their CAMEO code as the
    // coder's do (one CAMEO->PLOVER mapping): "sanctioned" is COERCE/restrict
    // from either reader, one edge, not two differing in mode.
    for (Fact& f : facts)
      if (!isStandingType(f.type) && f.mode.empty() && !f.cameo.empty())
        if (const auto event = eventForCameo(f.cameo); event && event->type == f.type)
          f.mode = std::string(event->mode);
    nextPrevious = here;
    if (englishEvents_ != EnglishEvents::kRules && isLatinSentence(tokens)) {
      // The state (catalog index) word `t` is a demonym of: "Iraqi", or the
      // plural noun of one ("Americans", "Israelis").
      auto demonymState = [&](const Token& t) -> std::optional<size_t> {
        if (!t.word) return std::nullopt;
        auto state = index_->demonym(t);
        if (!state && t.strict.size() > 3 && t.strict.back() == 's')
          state = index_->demonym(t.strict.substr(0, t.strict.size() - 1));
        return state;
      };
      // "Iraqi troops": a demonym before an agent names its state. A state's
      // name of several words joined to the next by a hyphen ("the South
      // Korean-flagged tanker") stands as one demonym does ("British-flagged"),
      // and so does a one-word name before "-linked", "-owned", "-operated",
      // "-made", "-brokered", "-mediated" ("an Israel-linked ship", "Iran-made
      // drones", "a US-brokered truce").
      auto ownerSuffix = [&](size_t tokEnd) {
        static const std::unordered_set<std::string_view> kSuffixes = {"linked", "owned",    "operated",
                                                                       "made",   "brokered", "mediated"};
        for (size_t k = tokEnd; k < tokens.size() && k < tokEnd + 2; ++k)
          if (tokens[k].word) return kSuffixes.count(tokens[k].lower) > 0;
        return false;
      };
      auto demonym = [&](size_t wordBegin) -> std::optional<size_t> {
        for (const Token& t : tokens) {
          if (t.begin != wordBegin || !t.word) continue;
          if (auto state = demonymState(t)) return resolver.fromCatalog(*state);
          break;
        }
        for (const Mention& m : mentions)
          if (tokens[m.tokBegin].begin == wordBegin && tokens[m.tokEnd - 1].hyphenAfter &&
              (m.tokEnd > m.tokBegin + 1 || ownerSuffix(m.tokEnd)) &&
              resolver.entities()[m.entity].actor.kind == ActorKind::kState)
            return m.entity;
        return std::nullopt;
      };
      std::vector<std::pair<size_t, size_t>> denied;
      auto entityCode = [&](size_t entity) {
        return entityCodeOn(resolver.entities()[entity], catalog_, article.doc.date);
      };
      // The coder's parties are the sentence's mentions, its demonyms and
      // its personal pronouns (bound to persons read earlier). A sentence
      // with none of them gives every phrase no actor: the coder would parse
      // it, code no event, deny no pair and leave the pronoun state as it is
      // but for the group it is about (none).
      auto isDemonymWord = [&](const Token& t) { return demonymState(t).has_value(); };
      // "It"/"They" opening the sentence stand for the group the previous
      // sentence was about (coding/pronouns.h): a party too.
      auto opensWithGroupPronoun = [&] {
        const Token* first = nullptr;
        for (const Token& t : tokens)
          if (t.word && t.begin >= bodyBegin) { first = &t; break; }
        return discourse.earlierGroup && first && isGroupPronoun(first->lower);
      };
      // "The two leaders", "both countries" may count the parties named
      // before (coding/pronouns.h, bindCountedParties).
      auto countsParties = [&] {
        for (size_t t = 0; t + 1 < tokens.size(); ++t)
          if (tokens[t].word && (tokens[t].lower == "both" || (tokens[t].lower == "the" && countOf(tokens[t + 1].lower))))
            return true;
        return false;
      };
      // "The Guards accused the groups of ...", "the group", "the
      // country's rulers": "the" and a head the discourse binds
      // (coding/pronouns.h: the_group_heads, the_country_heads,
      // counted_group_heads, the head that named the previous subject group)
      // names a party too.
      auto namesBack = [&] {
        const EnglishCoderWords& cw = englishCoderWords();
        for (size_t t = 0; t + 1 < tokens.size(); ++t) {
          if (!tokens[t].word || tokens[t].lower != "the") continue;
          const std::string& w = tokens[t + 1].lower;
          if (cw.theGroupHeads.contains(w) || cw.theCountryHeads.contains(w) || cw.countedGroupHeads.contains(w) ||
              (!discourse.earlierGroupHead.empty() && w == discourse.earlierGroupHead))
            return true;
        }
        return false;
      };
      const bool parties = !mentions.empty() || std::any_of(tokens.begin(), tokens.end(), isDemonymWord) ||
                           hasPersonPronoun(std::string_view(article.text).substr(bodyBegin, s.end - bodyBegin)) ||
                           opensWithGroupPronoun() || countsParties() || namesBack();
      std::vector<Fact> coded;
      discourse.acts.sentence = si;
      if (parties)
        coded = events_->english().code(article.text, bodyBegin, s.end, mentions, demonym, article.doc.date, &denied,
                                        entityCode, &discourse);
      else
        discourse.earlierGroup.reset();  // what the parse would leave: a sentence about no group
      facts = combineFacts(std::move(facts), std::move(coded), englishEvents_, denied);
      rememberDoneActs(facts, si, &discourse.acts);
      // Titles given to persons (written before the name, or read into an
      // office), for "the prince", "the minister" later.
      for (const Mention& m : mentions) rememberTitle(m.entity, m.title, &discourse);
      for (const Fact& f : facts)
        if (isStandingType(f.type)) rememberTitle(f.src, f.title, &discourse);
      if (auto r = rebuttalFact(tokens, mentions, resolver.entities(), accusations, facts)) facts.push_back(std::move(*r));
      const auto judged = [this](const std::vector<std::string_view>& words) { return events_->judgement(words); };
      if (auto r =
              appositiveReactionFact(tokens, mentions, facts, judged, [&](const Token& t) -> std::optional<size_t> {
                if (auto state = demonymState(t)) return resolver.fromCatalog(*state);
                return std::nullopt;
              }))
        facts.push_back(std::move(*r));
      // ", a move welcomed by X": X's praise of the mover; the coder's own
      // reading of "welcomed by X" aimed elsewhere is dropped.
      for (Fact& r : passiveAppositiveReactions(tokens, mentions, facts)) {
        std::erase_if(facts, [&](const Fact& f) { return f.src == r.src && f.type == r.type && f.dst != r.dst; });
        if (std::none_of(facts.begin(), facts.end(), [&](const Fact& f) { return f.src == r.src && f.dst == r.dst; }))
          facts.push_back(std::move(r));
      }
      if (auto r = judgedActFact(tokens, mentions, judged))
        if (std::none_of(facts.begin(), facts.end(), [&](const Fact& f) { return f.src == r->src && f.dst == r->dst; }))
          facts.push_back(std::move(*r));
      for (Fact& f : followSuitFacts(tokens, mentions, lastEvents, facts)) facts.push_back(std::move(f));
      for (const Accusation& a : accusationsOf(facts, mentions)) accusations.push_back(a);
    }
    // A question asserts nothing happened ("Or was he offered this option
    // by X?"): only the offices and memberships its names carry are kept.
    if (isQuestion(sentenceText)) std::erase_if(facts, [](const Fact& f) { return !isStandingType(f.type); });
    summonsAimedAtEnvoysState(resolver.entities(), &facts);
    dropActsOnOwnState(resolver.entities(), discourse.acts.sameSide, articleOffices, &facts);
    for (const Fact& f : facts)
      if ((f.type == EdgeType::kLeaderOf || f.type == EdgeType::kOfficialOf) && f.dst < resolver.entities().size() &&
          resolver.entities()[f.dst].actor.kind == ActorKind::kState)
        articleOffices.emplace_back(f.src, f.dst);
    dropCriticismOfOwnOfficeHolder(resolver.entities(), catalog_, article.doc.date, &facts);
    if (std::any_of(facts.begin(), facts.end(), [](const Fact& f) { return !isStandingType(f.type) && !f.planned; })) {
      lastEvents.clear();
      for (const Fact& f : facts)
        if (!isStandingType(f.type) && !f.planned) lastEvents.push_back(f);
    }
    if (facts.empty()) continue;
    Date sentenceDate = eventDate(sentenceText, article.doc.date);
    if (!sentenceDate.known()) sentenceDate = anchoredDay(article, sentences, si);
    if (!sentenceDate.known()) sentenceDate = seasonDate(sentenceText, article.doc.date);
    // "met recently with X", "had previously struck Y": an act told as
    // before the article's news, with no date of its own, is not dated by
    // the article (it stays undated).
    const bool vaguePast = !sentenceDate.known() && tellsVaguePast(tokens);
    Evidence ev{article.doc.id, static_cast<uint32_t>(si), s.begin, s.end, std::string(sentenceText)};
    for (const auto& f : facts) {
      Edge e;
      e.type = f.type;
      e.mode = f.mode;
      e.cameo = f.cameo;
      e.srcCode = f.srcCode;
      e.dstCode = f.dstCode;
      e.title = f.title;
      e.confidence = f.confidence;
      if (isStandingType(f.type)) {
        if (const CatalogRelation* r = recordedTenure(catalog_, resolver, f, article.doc.date)) {
          setRecordedTenure(*r, &e);
        } else if (article.doc.date.known() && !f.background) {
          // A past office ("the former Iraqi prime minister X") stays undated.
          e.when = DateRange::point(article.doc.date);
          e.dateBasis = DateBasis::kArticle;
        }
      } else {
        pickEventDate(f, sentenceDate, vaguePast ? Date::unknown() : article.doc.date, &e);
        boundByDeath(catalog_, resolver, f, &e);
      }
      const auto key = std::make_tuple(f.src, f.dst, static_cast<int>(f.type), f.mode, f.title);
      if (auto it = byKey.find(key); it != byKey.end()) {
        Edge& have = pending[it->second].edge;
        if (have.evidence.size() < 8) have.evidence.push_back(ev);
        have.confidence = std::max(have.confidence, e.confidence);
        if (have.srcCode.empty()) have.srcCode = e.srcCode;
        if (have.dstCode.empty()) have.dstCode = e.dstCode;
        // A date the text gives beats the article's date; any date beats none.
        if (!have.when.anyKnown() || (have.dateBasis == DateBasis::kArticle && e.dateBasis == DateBasis::kText)) {
          have.when = e.when;
          have.dateBasis = e.dateBasis;
        }
        continue;
      }
      e.evidence.push_back(ev);
      byKey.emplace(key, pending.size());
      pending.push_back({f.src, f.dst, std::move(e)});
    }
  }

  // Dictionary offices and memberships of the mentioned actors.
  const size_t mentionedCount = resolver.entities().size();
  for (size_t ei = 0; ei < mentionedCount; ++ei) {
    const size_t cat = resolver.entities()[ei].catalog;
    if (cat == kNoActor) continue;
    for (const auto& r : catalog_.actors()[cat].relations) {
      if (r.target == kNoActor) continue;
      const size_t dst = resolver.fromCatalog(r.target);
      Edge e;
      e.type = r.type;
      setRecordedTenure(r, &e);
      e.confidence = 1.0f;
      e.evidence.push_back(Evidence{"", 0, 0, 0, "dictionary " + r.origin});
      pending.push_back({ei, dst, std::move(e)});
    }
  }

  // Entities -> actors (all entities: mentioned ones and dictionary targets).
  for (const auto& ent : resolver.entities()) {
    ExtractedActor xa;
    xa.actor = ent.actor;
    auto addKey = [&](const std::string& k) {
      if (ambiguousSkeletons_.count(k)) return;  // shared by two known actors: not an identity
      if (std::find(xa.nameKeys.begin(), xa.nameKeys.end(), k) == xa.nameKeys.end()) xa.nameKeys.push_back(k);
    };
    xa.learnedAliases = ent.learnedAliases;
    for (const auto& al : ent.learnedAliases)
      for (const auto& k : nameKeys(al)) addKey(k);
    if (ent.catalog != kNoActor && ent.catalog < catalogKeys_.size()) {
      for (const auto& k : catalogKeys_[ent.catalog]) addKey(k);
    } else {
      for (const auto& k : nameKeys(xa.actor.name)) addKey(k);
      for (const auto& al : xa.actor.aliases)
        for (const auto& k : nameKeys(al)) addKey(k);
    }
    result.actors.push_back(std::move(xa));
  }
  for (auto& p : pending) result.edges.push_back(ExtractedEdge{p.src, p.dst, std::move(p.edge)});
  return result;
}

}  // namespace kg::extract
