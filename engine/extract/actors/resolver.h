// Resolver: the actors one article speaks of. Every mention is resolved to an
// entity of the article: a catalog actor (dictionary, PETRARCH or stored), or
// a new actor the article introduces. It also answers the in-article
// questions resolution needs: who did a surname refer to earlier, and who
// held an office on the article's date ("the premier" in January 2020).
//
// Thread safety: one Resolver per article and thread.
#pragma once

#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "base/date.h"
#include "extract/actors/catalog.h"
#include "model/actor.h"

namespace kg::extract {

// A dated office or leadership from the catalog, for role resolution.
struct Office {
  size_t person = kNoActor;
  size_t body = kNoActor;  // the state or organisation
  std::string title;       // canonical title
  EdgeType type = EdgeType::kOfficialOf;
  Date from;
  Date to;
};

// The catalog's offices, indexed once per extractor. Immutable after build.
class OfficeTable {
 public:
  explicit OfficeTable(const Catalog& catalog);
  // Holders of `title` of `body` on `date` (unknown date: none).
  std::vector<size_t> holders(size_t body, std::string_view title, Date date) const;
  // True when the catalog already records `person` holding `title` (any body).
  bool hasTitle(size_t person, std::string_view title) const;
  bool hasRelation(size_t person, size_t body) const;

 private:
  std::vector<Office> offices_;
  std::unordered_map<size_t, std::vector<size_t>> byPerson_;
};

struct Entity {
  size_t catalog = kNoActor;  // kNoActor for a new actor
  Actor actor;                // new actors: name, kind, country
  std::vector<std::string> learnedAliases;  // read from the text ("also known as")
  int mentions = 0;
};

class Resolver {
 public:
  Resolver(const Catalog& catalog, const OfficeTable& offices, Date articleDate);

  size_t fromCatalog(size_t catalogIndex);
  // A new actor named `name` (deduplicated within the article by name key).
  size_t fromNew(const std::string& name, ActorKind kind, const std::string& country = "");
  // The entity a lone surname (strict or skeleton key of the last word)
  // referred to earlier in the article; nullopt when none or ambiguous.
  // An empty key is not looked up.
  std::optional<size_t> bySurname(const std::string& strict, const std::string& skeleton) const;
  // The holder of `title` of `body` (catalog index) on the article date.
  std::optional<size_t> officeHolder(size_t body, std::string_view title) const;
  // The most mentioned state of the article so far with a holder of `title`.
  std::optional<size_t> defaultBodyFor(std::string_view title) const;

  void noteMention(size_t entity);
  // The states the article has named so far, by country code (alpha-3 or
  // name): its states, and those its other actors belong to or hold office
  // in (actors/mentions.cpp, dropForeignHomeBodies).
  void noteStateCode(const std::string& code) {
    if (!code.empty()) stateCodes_.insert(code);
  }
  bool stateCodeSeen(const std::string& code) const { return stateCodes_.count(code) != 0; }
  bool anyStateCodeSeen() const { return !stateCodes_.empty(); }
  // Another name the text gives `entity` ("also known as ..."): added to its
  // aliases (once) and to learnedAliases, for the store. Later mentions of
  // the alias in the same article are not matched to it.
  void addLearnedAlias(size_t entity, const std::string& alias);
  const std::vector<Entity>& entities() const { return entities_; }
  Date articleDate() const { return date_; }
  const Catalog& catalog() const { return catalog_; }
  const OfficeTable& offices() const { return offices_; }

 private:
  void indexSurname(size_t entity, const std::string& name);

  const Catalog& catalog_;
  const OfficeTable& offices_;
  Date date_;
  std::vector<Entity> entities_;
  std::unordered_map<size_t, size_t> byCatalog_;
  std::unordered_map<std::string, size_t> byNewKey_;
  std::unordered_map<std::string, std::vector<size_t>> surnames_;
  std::unordered_set<std::string> stateCodes_;
};

}  // namespace kg::extract
