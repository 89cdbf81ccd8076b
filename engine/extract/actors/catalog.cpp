#include "extract/actors/catalog.h"

#include <fstream>
#include <sstream>

#include "extract/actors/name_fold.h"
#include "extract/lexicon/dictionary_lines.h"

namespace kg::extract {
namespace {

std::vector<std::string> splitFields(std::string_view s) {
  std::vector<std::string> out;
  size_t start = 0;
  while (true) {
    const size_t bar = s.find('|', start);
    out.emplace_back(trimBlanks(s.substr(start, bar == std::string_view::npos ? std::string_view::npos : bar - start)));
    if (bar == std::string_view::npos) break;
    start = bar + 1;
  }
  return out;
}

std::string strictKey(std::string_view name) {
  const auto& keys = nameKeysOf(name);
  return keys.empty() ? std::string() : keys.front();
}

}  // namespace

size_t Catalog::addActor(const Actor& actor, std::string_view origin) {
  const std::string key = strictKey(actor.name);
  auto it = byCanonical_.find(key);
  if (it != byCanonical_.end()) {
    const size_t idx = it->second;
    CatalogActor& existing = actors_[idx];
    for (const auto& a : actor.aliases) addAlias(idx, a);
    for (const auto& [k, v] : actor.attributes) {
      const bool inserted = existing.actor.attributes.emplace(k, v).second;
      // A named copy: clang 14 cannot capture a structured binding.
      if (inserted && undo_) undo_->push([this, idx, key = std::string(k)] { actors_[idx].actor.attributes.erase(key); });
    }
    if (existing.actor.country.empty() && !actor.country.empty()) {
      if (undo_) undo_->push([this, idx] { actors_[idx].actor.country.clear(); });
      existing.actor.country = actor.country;
    }
    if (actor.id != 0) setId(idx, actor.id);
    return idx;
  }
  const size_t idx = actors_.size();
  actors_.push_back(CatalogActor{actor, {}, {}, std::string(origin)});
  if (undo_) undo_->push([this] { actors_.pop_back(); });
  byCanonical_.emplace(key, idx);
  if (undo_) undo_->push([this, key] { byCanonical_.erase(key); });
  const auto keys = nameKeys(actor.name);
  if (keys.size() > 1) {
    bySkeleton_[keys[1]].push_back(idx);
    if (undo_) {
      undo_->push([this, skeleton = keys[1]] {
        auto s = bySkeleton_.find(skeleton);
        s->second.pop_back();
        if (s->second.empty()) bySkeleton_.erase(s);
      });
    }
  }
  for (const auto& a : actor.aliases) {
    std::string k = strictKey(a);
    if (byAlias_.emplace(k, idx).second && undo_) undo_->push([this, k] { byAlias_.erase(k); });
  }
  return idx;
}

void Catalog::addAlias(size_t actor, const std::string& alias) {
  Actor& a = actors_[actor].actor;
  if (alias == a.name) return;
  for (const auto& b : a.aliases) {
    if (b == alias) return;
  }
  a.aliases.push_back(alias);
  if (undo_) undo_->push([this, actor] { actors_[actor].actor.aliases.pop_back(); });
  std::string k = strictKey(alias);
  if (byAlias_.try_emplace(k, actor).second && undo_) undo_->push([this, k] { byAlias_.erase(k); });
}

void Catalog::setId(size_t actor, ActorId id) {
  ActorId& have = actors_[actor].actor.id;
  if (have == id) return;
  if (undo_) undo_->push([this, actor, old = have] { actors_[actor].actor.id = old; });
  have = id;
}

std::optional<size_t> Catalog::findBySkeleton(std::string_view name) const {
  const auto& keys = nameKeysOf(name);
  if (keys.size() < 2) return std::nullopt;
  auto it = bySkeleton_.find(keys[1]);
  if (it == bySkeleton_.end() || it->second.size() != 1) return std::nullopt;
  return it->second.front();
}

void Catalog::addRelation(size_t actor, CatalogRelation relation) {
  actors_[actor].relations.push_back(std::move(relation));
}

void Catalog::addTitle(TitleDef title) {
  for (auto& t : titles_) {
    if (t.canonical == title.canonical) {
      t.forms.insert(t.forms.end(), title.forms.begin(), title.forms.end());
      if (!title.state.empty()) t.state = title.state;
      return;
    }
  }
  titles_.push_back(std::move(title));
}

const TitleDef* Catalog::findTitle(std::string_view canonical) const {
  for (const auto& t : titles_)
    if (t.canonical == canonical) return &t;
  return nullptr;
}

std::optional<size_t> Catalog::findByName(std::string_view name) const {
  const std::string key = strictKey(name);
  if (key.empty()) return std::nullopt;
  if (auto it = byCanonical_.find(key); it != byCanonical_.end()) return it->second;
  if (auto it = byAlias_.find(key); it != byAlias_.end()) return it->second;
  return std::nullopt;
}

Status Catalog::link() {
  for (const auto& t : titles_)
    if (!t.state.empty() && !findByName(t.state))
      return Status::invalidArgument("title '" + t.canonical + "': unknown state '" + t.state +
                                     "' (define it with an 'actor' line)");
  for (auto& ca : actors_) {
    for (auto& r : ca.relations) {
      if (r.target != kNoActor) continue;
      const std::string key = strictKey(r.targetName);
      if (auto it = byCanonical_.find(key); it != byCanonical_.end()) {
        r.target = it->second;
      } else if (auto jt = byAlias_.find(key); jt != byAlias_.end()) {
        r.target = jt->second;
      } else {
        return Status::invalidArgument(r.origin + ": unknown actor '" + r.targetName + "' (define it with an 'actor' line)");
      }
    }
  }
  return Status::ok();
}

Status Catalog::parseDictionary(std::string_view text, std::string_view origin) {
  size_t lineNo = 0;
  size_t pos = 0;
  size_t current = kNoActor;
  std::string currentTitle;  // the title record the indented lines below add to (its canonical name)
  while (pos <= text.size()) {
    const size_t nl = text.find('\n', pos);
    std::string_view raw = text.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos);
    pos = nl == std::string_view::npos ? text.size() + 1 : nl + 1;
    ++lineNo;
    const std::string where = std::string(origin) + ":" + std::to_string(lineNo);
    const std::string_view line = trimBlanks(raw);
    if (line.empty() || line.front() == '#') continue;
    // A comment is a line of its own: after the fields, '#' and what follows
    // would be read as part of the last name.
    if (const size_t hash = line.find('#'); hash != std::string_view::npos && (line[hash - 1] == ' ' || line[hash - 1] == '\t'))
      return Status::invalidArgument(where + ": a comment after the fields (comments are lines of their own) in '" +
                                     std::string(line) + "'");
    const bool indented = raw.front() == ' ' || raw.front() == '\t';
    const size_t sp = line.find_first_of(" \t");
    const std::string keyword(line.substr(0, sp));
    const std::string_view rest = sp == std::string_view::npos ? std::string_view() : trimBlanks(line.substr(sp + 1));
    auto fail = [&](const std::string& why) {
      return Status::invalidArgument(where + ": " + why + " in '" + std::string(line) + "'");
    };
    if (!indented) {
      if (keyword == "actor") {
        const auto f = splitFields(rest);
        if (f.size() < 2 || f[0].empty()) return fail("expected 'actor NAME | KIND [| COUNTRY]'");
        auto kind = parseActorKind(f[1]);
        if (!kind) return fail("unknown kind '" + f[1] + "' (person, organisation, armed_group, state, government_body, media, other)");
        if (nameKeys(f[0]).empty()) return fail("a name needs a letter or digit");
        Actor a;
        a.name = f[0];
        a.kind = *kind;
        if (f.size() > 2) a.country = f[2];
        current = addActor(a, where);
        currentTitle.clear();
      } else if (keyword == "title") {
        currentTitle.clear();
        const auto f = splitFields(rest);
        if (f.empty() || f[0].empty()) return fail("expected 'title CANONICAL | FORM | ...'");
        TitleDef t{f[0], {}};
        for (const auto& form : f) {
          if (!form.empty()) t.forms.push_back(form);
        }
        currentTitle = t.canonical;
        addTitle(std::move(t));
        current = kNoActor;
      } else {
        return fail("unknown record '" + keyword + "' (expected 'actor' or 'title' at the start of a line)");
      }
      continue;
    }
    if (current == kNoActor && !currentTitle.empty() && keyword == "state") {
      if (rest.empty() || nameKeys(rest).empty()) return fail("expected 'state NAME' under a title");
      for (auto& t : titles_)
        if (t.canonical == currentTitle) t.state = std::string(rest);
      continue;
    }
    if (current == kNoActor)
      return fail("indented line outside an actor record (or under a title, other than 'state NAME')");
    CatalogActor& ca = actors_[current];  // addAlias below does not reallocate actors_
    if (keyword == "alias") {
      for (const auto& a : splitFields(rest)) {
        if (a.empty()) continue;
        if (nameKeys(a).empty()) return fail("alias '" + a + "' has no letter or digit");
        addAlias(current, a);
      }
    } else if (keyword == "exact") {
      for (const auto& a : splitFields(rest)) {
        if (a.empty()) continue;
        if (nameKeys(a).empty()) return fail("alias '" + a + "' has no letter or digit");
        addAlias(current, a);
        ca.exactAliases.push_back(a);
      }
    } else if (keyword == "demonym") {
      for (const auto& a : splitFields(rest)) {
        if (!a.empty()) ca.demonyms.push_back(a);
      }
    } else if (keyword == "attr") {
      const size_t eq = rest.find('=');
      if (eq == std::string_view::npos) return fail("expected 'attr KEY = VALUE'");
      ca.actor.attributes[std::string(trimBlanks(rest.substr(0, eq)))] = std::string(trimBlanks(rest.substr(eq + 1)));
    } else if (keyword == "died") {
      if (ca.actor.kind != ActorKind::kPerson) return fail("'died' is for a person");
      if (ca.died.known()) return fail("a second 'died' line");
      auto d = Date::parse(rest);
      if (!d) return fail("bad date '" + std::string(rest) + "': " + d.status().message());
      ca.died = *d;
    } else if (keyword == "official_of" || keyword == "leader_of" || keyword == "member_of" || keyword == "part_of") {
      const auto f = splitFields(rest);
      if (f.empty() || f[0].empty()) return fail("expected '" + keyword + " TARGET | TITLE | FROM | TO'");
      if (f.size() > 4) return fail("too many fields");
      CatalogRelation r;
      r.type = keyword == "official_of" ? EdgeType::kOfficialOf
               : keyword == "leader_of" ? EdgeType::kLeaderOf
               : keyword == "member_of" ? EdgeType::kMemberOf
                                        : EdgeType::kPartOf;
      r.targetName = f[0];
      if (f.size() > 1) r.title = f[1];
      for (size_t k = 2; k < f.size(); ++k) {
        if (f[k].empty()) continue;
        auto d = Date::parse(f[k]);
        if (!d) return fail("bad date '" + f[k] + "': " + d.status().message());
        (k == 2 ? r.from : r.to) = *d;
      }
      r.origin = where;
      ca.relations.push_back(std::move(r));
    } else {
      return fail("unknown field '" + keyword +
                  "' (alias, exact, demonym, attr, died, official_of, leader_of, member_of, part_of)");
    }
  }
  return Status::ok();
}

Status Catalog::loadDictionaryFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::notFound("cannot open actor dictionary '" + path + "'");
  std::ostringstream ss;
  ss << in.rdbuf();
  return parseDictionary(ss.str(), path);
}

}  // namespace kg::extract
