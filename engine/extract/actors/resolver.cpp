#include "extract/actors/resolver.h"

#include <algorithm>

#include "extract/actors/name_fold.h"

namespace kg::extract {
namespace {

bool covers(const Office& o, Date d) {
  if (!d.known()) return false;
  if (o.from.known() && d.lastDay() < o.from.days()) return false;
  if (o.to.known() && d.days() > o.to.lastDay()) return false;
  return o.from.known() || o.to.known();
}

std::string lowerAscii(std::string_view s) {
  std::string out(s);
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

}  // namespace

OfficeTable::OfficeTable(const Catalog& catalog) {
  const auto& actors = catalog.actors();
  for (size_t i = 0; i < actors.size(); ++i) {
    for (const auto& r : actors[i].relations) {
      if (r.target == kNoActor) continue;
      if (r.type != EdgeType::kOfficialOf && r.type != EdgeType::kLeaderOf) continue;
      byPerson_[i].push_back(offices_.size());
      offices_.push_back(Office{i, r.target, lowerAscii(r.title), r.type, r.from, r.to});
    }
  }
}

std::vector<size_t> OfficeTable::holders(size_t body, std::string_view title, Date date) const {
  std::vector<size_t> out;
  const std::string t = lowerAscii(title);
  for (const auto& o : offices_) {
    if (o.body == body && o.title == t && covers(o, date) &&
        std::find(out.begin(), out.end(), o.person) == out.end())
      out.push_back(o.person);
  }
  return out;
}

bool OfficeTable::hasTitle(size_t person, std::string_view title) const {
  auto it = byPerson_.find(person);
  if (it == byPerson_.end()) return false;
  const std::string t = lowerAscii(title);
  for (size_t k : it->second) {
    if (offices_[k].title == t) return true;
  }
  return false;
}

bool OfficeTable::hasRelation(size_t person, size_t body) const {
  auto it = byPerson_.find(person);
  if (it == byPerson_.end()) return false;
  for (size_t k : it->second) {
    if (offices_[k].body == body) return true;
  }
  return false;
}

Resolver::Resolver(const Catalog& catalog, const OfficeTable& offices, Date articleDate)
    : catalog_(catalog), offices_(offices), date_(articleDate) {}

void Resolver::indexSurname(size_t entity, const std::string& name) {
  const auto words = foldName(name);
  if (words.size() < 2) return;
  const auto& last = words.back();
  auto add = [&](const std::string& k) {
    auto& v = surnames_[k];
    if (std::find(v.begin(), v.end(), entity) == v.end()) v.push_back(entity);
  };
  add(last.strict);
  add("~" + last.skeleton);
  if (words.size() >= 3) {
    const auto& w2 = words[words.size() - 2];
    add(w2.strict + " " + last.strict);
    add("~" + w2.skeleton + " " + last.skeleton);
  }
}

size_t Resolver::fromCatalog(size_t catalogIndex) {
  if (auto it = byCatalog_.find(catalogIndex); it != byCatalog_.end()) return it->second;
  Entity e;
  e.catalog = catalogIndex;
  e.actor = catalog_.actors()[catalogIndex].actor;
  entities_.push_back(std::move(e));
  const size_t idx = entities_.size() - 1;
  byCatalog_.emplace(catalogIndex, idx);
  if (entities_[idx].actor.kind == ActorKind::kPerson) indexSurname(idx, entities_[idx].actor.name);
  return idx;
}

size_t Resolver::fromNew(const std::string& name, ActorKind kind, const std::string& country) {
  // The same new name written twice ("Mohammed Sadeq al-Sadr", "Mohammad
  // Sadiq a-Sadr") is one actor: strict or skeleton key.
  const auto keys = nameKeys(name);
  for (const auto& k : keys) {
    if (auto it = byNewKey_.find(k); it != byNewKey_.end() && entities_[it->second].actor.kind == kind) return it->second;
  }
  const std::string key = keys.empty() ? name : keys.front();
  Entity e;
  e.actor.name = name;
  e.actor.kind = kind;
  e.actor.country = country;
  entities_.push_back(std::move(e));
  const size_t idx = entities_.size() - 1;
  for (const auto& k : keys) byNewKey_.emplace(k, idx);
  if (keys.empty()) byNewKey_.emplace(key, idx);
  if (kind == ActorKind::kPerson) indexSurname(idx, name);
  return idx;
}

std::optional<size_t> Resolver::bySurname(const std::string& strict, const std::string& skeleton) const {
  for (const std::string& k : {strict, skeleton.empty() ? std::string() : "~" + skeleton}) {
    if (k.empty()) continue;
    auto it = surnames_.find(k);
    if (it == surnames_.end()) continue;
    if (it->second.size() == 1) return it->second.front();
    return std::nullopt;  // two people of that name in the article: ambiguous
  }
  return std::nullopt;
}

std::optional<size_t> Resolver::officeHolder(size_t body, std::string_view title) const {
  const auto h = offices_.holders(body, title, date_);
  if (h.size() == 1) return h.front();
  return std::nullopt;
}

std::optional<size_t> Resolver::defaultBodyFor(std::string_view title) const {
  std::optional<size_t> best;
  int bestCount = 0;
  for (const auto& e : entities_) {
    if (e.catalog == kNoActor || e.actor.kind != ActorKind::kState) continue;
    if (e.mentions > bestCount && officeHolder(e.catalog, title)) {
      best = e.catalog;
      bestCount = e.mentions;
    }
  }
  return best;
}

void Resolver::noteMention(size_t entity) { ++entities_[entity].mentions; }

void Resolver::addLearnedAlias(size_t entity, const std::string& alias) {
  if (entity >= entities_.size() || alias.empty()) return;
  Entity& e = entities_[entity];
  if (alias == e.actor.name) return;
  for (const auto& a : e.actor.aliases)
    if (a == alias) return;
  e.actor.aliases.push_back(alias);
  e.learnedAliases.push_back(alias);
}

}  // namespace kg::extract
