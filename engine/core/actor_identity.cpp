#include "core/actor_identity.h"

#include <algorithm>
#include <cctype>
#include <unordered_set>

#include "base/edit_distance.h"
#include "extract/actors/name_fold.h"

namespace kg::core {

namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool containsWord(std::string_view haystackLower, std::string_view word) {
  size_t pos = 0;
  while ((pos = haystackLower.find(word, pos)) != std::string_view::npos) {
    bool startOk = pos == 0 || !std::isalpha(static_cast<unsigned char>(haystackLower[pos - 1]));
    size_t e = pos + word.size();
    bool endOk = e >= haystackLower.size() || !std::isalpha(static_cast<unsigned char>(haystackLower[e]));
    if (startOk && endOk) return true;
    pos = e;
  }
  return false;
}

// Country names (and common short forms), lower case.
const std::unordered_set<std::string>& countries() {
  static const std::unordered_set<std::string> set = [] {
    const char* names[] = {
        "afghanistan", "albania", "algeria", "andorra", "angola", "antigua and barbuda", "argentina", "armenia",
        "australia", "austria", "azerbaijan", "bahamas", "bahrain", "bangladesh", "barbados", "belarus", "belgium",
        "belize", "benin", "bhutan", "bolivia", "bosnia and herzegovina", "botswana", "brazil", "brunei",
        "bulgaria", "burkina faso", "burundi", "cambodia", "cameroon", "canada", "cape verde",
        "central african republic", "chad", "chile", "china", "colombia", "comoros", "congo",
        "democratic republic of congo", "democratic republic of the congo", "republic of congo", "costa rica",
        "cote d'ivoire", "ivory coast", "croatia", "cuba", "cyprus", "czech republic", "czechia", "denmark",
        "djibouti", "dominica", "dominican republic", "east timor", "timor-leste", "ecuador", "egypt",
        "el salvador", "equatorial guinea", "eritrea", "estonia", "eswatini", "swaziland", "ethiopia", "fiji",
        "finland", "france", "gabon", "gambia", "georgia", "germany", "ghana", "greece", "grenada", "guatemala",
        "guinea", "guinea-bissau", "guyana", "haiti", "honduras", "hungary", "iceland", "india", "indonesia",
        "iran", "iraq", "ireland", "israel", "italy", "jamaica", "japan", "jordan", "kazakhstan", "kenya",
        "kiribati", "kosovo", "kuwait", "kyrgyzstan", "laos", "latvia", "lebanon", "lesotho", "liberia", "libya",
        "liechtenstein", "lithuania", "luxembourg", "macedonia", "north macedonia", "madagascar", "malawi",
        "malaysia", "maldives", "mali", "malta", "marshall islands", "mauritania", "mauritius", "mexico",
        "micronesia", "moldova", "monaco", "mongolia", "montenegro", "morocco", "mozambique", "myanmar", "burma",
        "namibia", "nauru", "nepal", "netherlands", "new zealand", "nicaragua", "niger", "nigeria", "north korea",
        "norway", "oman", "pakistan", "palau", "palestine", "occupied palestinian territory", "panama",
        "papua new guinea", "paraguay", "peru", "philippines", "poland", "portugal", "qatar", "romania", "russia",
        "russian federation", "rwanda", "saint kitts and nevis", "saint lucia", "saint vincent and the grenadines",
        "samoa", "san marino", "sao tome and principe", "saudi arabia", "senegal", "serbia", "seychelles",
        "sierra leone", "singapore", "slovakia", "slovenia", "solomon islands", "somalia", "south africa",
        "south korea", "south sudan", "spain", "sri lanka", "sudan", "suriname", "sweden", "switzerland", "syria",
        "taiwan", "tajikistan", "tanzania", "thailand", "togo", "tonga", "trinidad and tobago", "tunisia",
        "turkey", "turkmenistan", "tuvalu", "uganda", "ukraine", "united arab emirates", "uae", "united kingdom",
        "uk", "britain", "great britain", "united states", "united states of america", "us", "usa", "america",
        "uruguay", "uzbekistan", "vanuatu", "vatican", "holy see", "venezuela", "vietnam", "yemen", "zambia",
        "zimbabwe", "hong kong", "greenland", "puerto rico", "western sahara"};
    return std::unordered_set<std::string>(std::begin(names), std::end(names));
  }();
  return set;
}

}  // namespace

bool isCountryName(std::string_view name) {
  std::string l = lower(trim(name));
  if (l.rfind("the ", 0) == 0) l.erase(0, 4);
  return countries().count(l) > 0;
}

namespace {

const char* const kGovernmentWords[] = {"government", "ministry", "minister", "foreign affairs", "parliament",
                                        "cabinet", "executive", "legislative", "judicial", "court", "police",
                                        "defense", "defence", "interior", "head of government", "head of state",
                                        "president", "congress", "senate", "military", "army", "navy",
                                        "air force", "armed forces", "security forces", "intelligence"};
const char* const kArmedWords[] = {"militant", "insurgent", "rebel", "terrorist", "militia", "guerrilla",
                                   "extremist", "armed gang", "jihadist"};
const char* const kOrgWords[] = {
    "party", "army", "ministry", "council", "union", "nations", "bank", "group", "organization", "organisation",
    "front", "brigades", "hezbollah", "hizbollah", "forces", "police", "court", "government", "parliament",
    "committee", "agency", "company", "news", "times", "movement", "association", "league", "fund", "institute",
    "university", "commission", "office", "department", "state", "republic", "kingdom", "corporation", "media",
    "federation", "coalition", "alliance", "assembly", "taliban", "qaeda", "islamic", "national", "international",
    "world", "people", "citizen", "students", "voice", "radio", "television", "agency", "embassy", "guard",
    "corps", "navy", "church", "community", "society", "network", "authority", "opposition"};


// Words of a name after folding (articles dropped), strict forms.
std::vector<std::string> foldedWords(std::string_view name) {
  std::vector<std::string> out;
  for (auto& w : extract::foldName(name))
    if (!w.article && !w.strict.empty()) out.push_back(std::move(w.strict));
  return out;
}

size_t wordCount(std::string_view name) {
  size_t n = 0;
  for (const auto& w : extract::foldName(name))
    if (!w.article && !w.strict.empty()) ++n;
  return n;
}

}  // namespace

ActorKind guessActorKind(std::string_view name, std::string_view country, std::string_view sectors) {
  name = trim(name);
  if (isCountryName(name) || (!country.empty() && name == country)) return ActorKind::kState;
  const std::string l = lower(name);
  const std::string sec = lower(sectors);
  auto anyWord = [](const std::string& text, const auto& words) {
    for (const char* w : words)
      if (containsWord(text, w)) return true;
    return false;
  };
  if (auto open = name.rfind('('); open != std::string_view::npos && name.back() == ')' && open > 0) {
    const std::string head = lower(trim(name.substr(0, open)));
    if (anyWord(head, kArmedWords) || containsWord(sec, "rebel") || containsWord(sec, "insurgents"))
      return ActorKind::kArmedGroup;
    if (anyWord(head, kGovernmentWords) || containsWord(sec, "government") || containsWord(sec, "executive"))
      return ActorKind::kGovernmentBody;
    return ActorKind::kOrganisation;
  }
  // All capitals (GDELT actor strings): no basis for a guess.
  bool anyLower = std::any_of(name.begin(), name.end(), [](char c) { return std::islower(static_cast<unsigned char>(c)); });
  if (!anyLower) return ActorKind::kOther;
  if (anyWord(l, kArmedWords)) return ActorKind::kArmedGroup;
  if (anyWord(l, kOrgWords)) return ActorKind::kOrganisation;
  // Two to four words, each capitalised or a name particle, no digits: a person.
  size_t words = 0;
  bool looksLikeName = true;
  std::string_view rest = name;
  while (!rest.empty()) {
    size_t sp = rest.find(' ');
    std::string_view w = rest.substr(0, sp);
    rest = sp == std::string_view::npos ? std::string_view() : rest.substr(sp + 1);
    if (w.empty()) continue;
    ++words;
    if (std::any_of(w.begin(), w.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); }))
      looksLikeName = false;
    bool particle = w == "al" || w == "bin" || w == "ibn" || w == "de" || w == "van" || w == "von" ||
                    w == "da" || w == "el" || w.rfind("al-", 0) == 0 || w.rfind("el-", 0) == 0;
    if (!particle && !std::isupper(static_cast<unsigned char>(w[0])) && static_cast<unsigned char>(w[0]) < 0x80)
      looksLikeName = false;
  }
  if (looksLikeName && words >= 2 && words <= 4) return ActorKind::kPerson;
  return ActorKind::kOther;
}

std::optional<std::pair<std::string, std::string>> splitSectorName(std::string_view name) {
  name = trim(name);
  const size_t open = name.rfind('(');
  if (open == std::string_view::npos || open == 0 || name.back() != ')') return std::nullopt;
  std::string sector(trim(name.substr(0, open)));
  std::string country(trim(name.substr(open + 1, name.size() - open - 2)));
  if (sector.empty() || country.empty() || !isCountryName(country)) return std::nullopt;
  return std::make_pair(std::move(sector), std::move(country));
}

std::vector<std::string> ActorIdentity::keysFor(const Actor& a) {
  std::vector<std::string> keys;
  auto add = [&](const std::string& n) {
    for (auto& k : extract::nameKeys(n))
      if (std::find(keys.begin(), keys.end(), k) == keys.end()) keys.push_back(std::move(k));
  };
  add(a.name);
  for (const auto& al : a.aliases) add(al);
  return keys;
}

std::string ActorIdentity::strictKey(std::string_view name) {
  auto keys = extract::nameKeys(name);
  return keys.empty() ? std::string() : std::move(keys.front());
}

bool ActorIdentity::spelledAlike(std::string_view a, std::string_view b) {
  const auto wa = foldedWords(a), wb = foldedWords(b);
  if (wa.empty() || wa.size() != wb.size()) return false;
  for (size_t i = 0; i < wa.size(); ++i) {
    if (wa[i].front() != wb[i].front()) return false;
    // One edit per four letters: Qasem/Qassem, Guiliani/Giuliani,
    // Sulaimani/Soleimani meet; Potanin/Putin (three edits) do not.
    const size_t shorter = std::min(wa[i].size(), wb[i].size());
    if (editDistance(wa[i], wb[i]) > std::max<size_t>(1, shorter / 4)) return false;
  }
  return true;
}

Result<std::optional<Actor>> ActorIdentity::load(ActorId id) {
  if (auto it = cache_.find(id); it != cache_.end()) return std::optional<Actor>(it->second);
  auto a = store_.getActor(id);
  if (!a) return a.status();
  if (a->has_value()) cache_.emplace(id, **a);
  return std::move(a).value();
}

Result<std::optional<ActorId>> ActorIdentity::byStrictKey(const ActorClaim& c, const std::string& key) {
  auto ids = store_.lookupNameKey(key);
  if (!ids) return ids.status();
  std::optional<ActorId> sameKind, canonical, longAlias;
  const bool multiWord = wordCount(c.name) >= 2;
  for (ActorId id : ids.value()) {
    auto a = load(id);
    if (!a) return a.status();
    if (!a->has_value()) continue;
    const Actor& actor = **a;
    const bool kindOk = actor.kind == c.kind;
    if (actor.name == c.name && (kindOk || c.kindGuessed)) return std::optional<ActorId>(id);
    if (kindOk && !sameKind) sameKind = id;
    if (c.kindGuessed) {
      if (!canonical && strictKey(actor.name) == key) canonical = id;
      if (!longAlias && multiWord) longAlias = id;
    }
  }
  if (sameKind) return sameKind;
  if (canonical) return canonical;
  return longAlias;
}

namespace {

std::string upper(std::string_view s) {
  std::string out(s);
  for (auto& ch : out) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
  return out;
}

}  // namespace

Status ActorIdentity::loadCodes() {
  if (statesLoaded_) return Status::ok();
  statesLoaded_ = true;
  return store_.scanActors([&](const Actor& a) {
    if (a.kind == ActorKind::kState && a.country.size() == 3) statesByCode_.emplace(a.country, a.id);
    if (a.kind != ActorKind::kPerson) {
      if (auto it = a.attributes.find("cameo"); it != a.attributes.end() && !it->second.empty()) {
        auto [at, inserted] = actorsByCode_.emplace(upper(it->second), a.id);
        if (!inserted && at->second != a.id) at->second = 0;  // shared: names none of them
      }
    }
    return storage::Scan::kContinue;
  });
}

Result<std::optional<ActorId>> ActorIdentity::byCode(const ActorClaim& c) {
  if (c.countryCode.size() != 3 || c.kind != ActorKind::kState) return std::optional<ActorId>();
  KG_RETURN_IF_ERROR(loadCodes());
  auto it = statesByCode_.find(upper(c.countryCode));
  if (it == statesByCode_.end()) return std::optional<ActorId>();
  return std::optional<ActorId>(it->second);
}

Result<std::optional<ActorId>> ActorIdentity::byActorCode(const ActorClaim& c) {
  if (c.actorCode.empty() || c.kind == ActorKind::kPerson) return std::optional<ActorId>();
  KG_RETURN_IF_ERROR(loadCodes());
  const std::string code = upper(c.actorCode);
  if (auto it = actorsByCode_.find(code); it != actorsByCode_.end() && it->second != 0) {
    auto a = load(it->second);
    if (!a) return a.status();
    if (a->has_value() && ((*a)->kind == c.kind || c.kindGuessed)) return std::optional<ActorId>(it->second);
  }
  // A bare country code: the state.
  if (code.size() == 3 && (c.kind == ActorKind::kState || c.kindGuessed)) {
    if (auto it = statesByCode_.find(code); it != statesByCode_.end()) return std::optional<ActorId>(it->second);
  }
  return std::optional<ActorId>();
}

Result<std::optional<ActorId>> ActorIdentity::bySkeleton(const ActorClaim& c, const std::string& skeleton) {
  auto ids = store_.lookupNameKey(skeleton);
  if (!ids) return ids.status();
  std::optional<ActorId> only;
  for (ActorId id : ids.value()) {
    auto a = load(id);
    if (!a) return a.status();
    if (!a->has_value()) continue;
    const Actor& actor = **a;
    if (!c.kindGuessed) {
      // A stated kind: the first actor of that kind (the extractor has
      // already weighed the spelling).
      if (actor.kind == c.kind) return std::optional<ActorId>(id);
      continue;
    }
    if (only && *only != id) return std::optional<ActorId>();  // several: no guess
    only = id;
  }
  if (!only) return only;
  auto a = load(*only);
  if (!a) return a.status();
  const Actor& actor = **a;
  if (actor.kind != c.kind && c.kind != ActorKind::kOther) return std::optional<ActorId>();
  bool alike = spelledAlike(c.name, actor.name);
  for (size_t i = 0; !alike && i < actor.aliases.size(); ++i) alike = spelledAlike(c.name, actor.aliases[i]);
  if (!alike) return std::optional<ActorId>();
  return only;
}

Result<std::optional<ActorId>> ActorIdentity::find(const ActorClaim& c) {
  const auto keys = extract::nameKeys(c.name);
  if (keys.empty()) return std::optional<ActorId>();
  // 1. A name merged away by a curator.
  auto merged = store_.mergedInto(keys.front());
  if (!merged) return merged.status();
  if (merged->has_value()) {
    auto a = load(**merged);
    if (!a) return a.status();
    if (a->has_value()) return merged;
    // A name of an actor a curator removed (kg actor rm) still means it, so
    // that nothing makes it anew; the store drops edges of it.
    auto removed = store_.isActorRemoved(**merged);
    if (!removed) return removed.status();
    if (removed.value()) return merged;
  }
  // 2. The strict key.
  auto strict = byStrictKey(c, keys.front());
  if (!strict) return strict.status();
  if (strict->has_value()) return strict;
  // 3. A country code, an actor code.
  auto coded = byCode(c);
  if (!coded) return coded.status();
  if (coded->has_value()) return coded;
  auto byActor = byActorCode(c);
  if (!byActor) return byActor.status();
  if (byActor->has_value()) return byActor;
  // 4. The skeleton key.
  if (keys.size() > 1 && c.useSkeleton) return bySkeleton(c, keys[1]);
  return std::optional<ActorId>();
}

}  // namespace kg::core
