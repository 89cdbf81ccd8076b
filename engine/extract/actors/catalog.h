// Catalog: the actors extraction knows before it reads an article, with their
// aliases in any script, demonyms, and dated standing relations (offices,
// leadership, membership), plus the office titles and their spoken forms.
//
// Filled from the project's dictionary format (documented at the top of
// engine/extract/data/actors.txt), from PETRARCH actor dictionaries
// (petrarch_actors.h) and from actors the engine already stores.
//
// Thread safety: const members may be called concurrently; mutation is
// single-threaded (building happens before extraction starts).
#pragma once

#include <cstddef>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "base/date.h"
#include "base/status.h"
#include "model/actor.h"
#include "model/edge.h"
#include "extract/actors/undo_log.h"

namespace kg::extract {

inline constexpr size_t kNoActor = std::numeric_limits<size_t>::max();

// A standing relation from the dictionary: `type` is MEMBER_OF, LEADER_OF,
// PART_OF or OFFICIAL_OF; `to` unknown means "still holds" (or not known).
struct CatalogRelation {
  EdgeType type = EdgeType::kOfficialOf;
  std::string targetName;  // as written; resolved by Catalog::link()
  size_t target = kNoActor;
  std::string title;
  Date from;
  Date to;
  std::string origin;  // "file:line"
};

// True when relation `r` is held on `on`: a known date within its bounds (a
// bound that is not known does not limit it); false for an unknown date.
inline bool heldOn(const CatalogRelation& r, Date on) {
  return on.known() && (!r.from.known() || r.from.days() <= on.days()) && (!r.to.known() || on.days() <= r.to.lastDay());
}

struct CatalogActor {
  Actor actor;
  std::vector<std::string> demonyms;  // "Iraqi", "Iranian"
  std::vector<CatalogRelation> relations;
  std::string origin;  // "file:line" of its first record
  // Aliases (also in actor.aliases) the mention index matches only as
  // written, never by consonant skeleton: "Madrid" would otherwise match a
  // capitalised "Modeled" ("exact" lines).
  std::vector<std::string> exactAliases;
  // A person's recorded death ("died DATE" line; unknown when none is
  // recorded, and for any actor that is no person): no act of theirs, and no
  // material act on them, comes after it (extractor_impl.cpp boundByDeath).
  Date died;
};

// An office title and the words that name it ("Prime Minister": "premier",
// "PM", "首相").
struct TitleDef {
  std::string canonical;
  std::vector<std::string> forms;  // includes canonical
  // The one state whose office this is, when no other state has it
  // ("Secretary of State", "Treasury Secretary": the United States), as
  // written in a "state NAME" line under the title; empty for most titles.
  std::string state;
};

class Catalog {
 public:
  // Adds the records of one dictionary in the project's format. `origin`
  // names the file in messages. InvalidArgument "origin:line: ..." for a
  // malformed line (unknown keyword or kind, bad date, field missing, an
  // indented line before any actor).
  Status parseDictionary(std::string_view text, std::string_view origin);
  // Reads a file and parses it; NotFound when it cannot be opened.
  Status loadDictionaryFile(const std::string& path);

  // Adds an actor, or merges names and attributes into the actor with the
  // same canonical name key. Returns its index.
  size_t addActor(const Actor& actor, std::string_view origin);
  void addRelation(size_t actor, CatalogRelation relation);
  void addTitle(TitleDef title);
  // The title whose canonical name is `canonical` (exact spelling), or
  // nullptr; valid until the next addTitle or parseDictionary. A scan of
  // titles() (a hundred or so).
  const TitleDef* findTitle(std::string_view canonical) const;

  // Resolves relation targets by canonical name or alias; InvalidArgument
  // naming the relation's file:line when a target is unknown, or naming the
  // title when a title's `state` line names no actor.
  Status link();

  // Index of the actor whose canonical name or alias has this strict key.
  std::optional<size_t> findByName(std::string_view name) const;
  // Index of the only actor whose canonical name has this skeleton key.
  std::optional<size_t> findBySkeleton(std::string_view name) const;
  // Adds an alias to an actor (and to the name index).
  void addAlias(size_t actor, const std::string& alias);
  // Sets the stored id of an actor (addActor, addAlias and this are the
  // changes a stored actor's registration makes).
  void setId(size_t actor, ActorId id);

  // While `log` is set (not null), addActor, addAlias and setId record their
  // inverse in it; `log` is borrowed and must outlive this Catalog or be unset.
  void recordChangesIn(UndoLog* log) { undo_ = log; }

  const std::vector<CatalogActor>& actors() const { return actors_; }
  std::vector<CatalogActor>& mutableActors() { return actors_; }
  const std::vector<TitleDef>& titles() const { return titles_; }

 private:
  std::vector<CatalogActor> actors_;
  std::unordered_map<std::string, size_t> byCanonical_;  // strict key of the canonical name
  std::unordered_map<std::string, size_t> byAlias_;      // strict key of an alias (first wins)
  std::unordered_map<std::string, std::vector<size_t>> bySkeleton_;  // canonical names
  std::vector<TitleDef> titles_;
  UndoLog* undo_ = nullptr;
};

// The project's default dictionary text (embedded at build time).
std::string_view defaultDictionaryText();

}  // namespace kg::extract
