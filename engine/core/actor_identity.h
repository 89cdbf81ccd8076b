// ActorIdentity: the one place that decides whether a name, alias or code
// from any source — text ingest, a dictionary, ICEWS, GDELT, PETRARCH, a TKG
// set, `kg actor add` — names an actor the store already has (README.md in
// this directory has the rules and why).
//
// The rule, in order (first hit wins):
//  1. merged names: a name a curator merged away (kg actor merge) means the
//     kept actor, whatever kind the claim has; a name of an actor a curator
//     removed (kg actor rm) means that removed actor (a caller that needs a
//     stored actor checks GraphStore::isActorRemoved);
//  2. strict key (extract::nameKeys, transliteration-folded): among the actors
//     indexed under it, one with exactly this name, else one of the claim's
//     kind; a claim whose kind is only guessed also takes another kind's
//     actor when the match is by canonical name, or by an alias of two or more
//     words ("Islamic State of Iraq and the Levant");
//  3. code: a claim that names a country by its ISO-3 code (GDELT's
//     Actor1CountryCode "IRQ", a dictionary's "IRQ") and is a state means the
//     stored state of that country; a claim with a CAMEO / PETRARCH actor
//     code (GDELT's Actor1Code, a PETRARCH dictionary's [IGOUNO]) means the
//     one stored actor whose code (its "cameo" attribute) is that code, when
//     exactly one has it, neither is a person (a person's code is a role
//     shared by many: USAELI) and the kinds agree or the claim's is guessed;
//     a bare country code ("IRN", no role) means the state of that country;
//  4. skeleton key ("~qsm slmn"): a claim of a firm kind takes the first
//     actor of that kind under it (what ingest always did); a guessed kind
//     takes the only actor under it when its kind agrees and one of its
//     names is spelled alike word by word ("Qasem Soleimani" = "Qassem
//     Soleimani"; first letters equal, at most one edit per four letters).
// Distinct names keep distinct keys (Hezbollah / Kata'ib Hezbollah, Mike
// Pompeo / Mike Pence), so they stay distinct actors.
//
// Thread safety: not thread-safe (it caches); one per import, ingest or
// command. Borrows the store, which must outlive it.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "base/status.h"
#include "model/actor.h"
#include "storage/graph_store.h"

namespace kg::core {

// What a source says of an actor it names.
struct ActorClaim {
  std::string_view name;
  ActorKind kind = ActorKind::kOther;
  // True when `kind` was guessed from the name (imports: guessActorKind),
  // false when the source states it (a dictionary, the extractor, the CLI).
  bool kindGuessed = false;
  std::string_view countryCode;  // ISO-3 ("IRQ") when the source gives one
  std::string_view actorCode;    // CAMEO / PETRARCH actor code ("IGOUNO", "IRNGOV", "IRN") when given
  // False when the source knows the name's skeleton key is shared by
  // several actors it knows (the extractor's ambiguous skeletons): step 4 is skipped.
  bool useSkeleton = true;
};

class ActorIdentity {
 public:
  explicit ActorIdentity(const storage::GraphStore& store) : store_(store) {}
  ActorIdentity(const ActorIdentity&) = delete;
  ActorIdentity& operator=(const ActorIdentity&) = delete;

  // The stored actor `claim` names, nullopt when none (a new actor). Errors:
  // the store's.
  Result<std::optional<ActorId>> find(const ActorClaim& claim);

  // The name-index keys of `a`'s name and aliases, without repeats (what a
  // store indexes it under).
  static std::vector<std::string> keysFor(const Actor& a);
  // The strict key of `name` ("" when it has no letter or digit).
  static std::string strictKey(std::string_view name);
  // True when `a` and `b` are spelled alike word by word after folding (the
  // confirming check of a skeleton match).
  static bool spelledAlike(std::string_view a, std::string_view b);
  // Forget cached store contents (after a write by someone else).
  void invalidate() {
    statesLoaded_ = false;
    statesByCode_.clear();
    actorsByCode_.clear();
    cache_.clear();
  }

 private:
  Result<std::optional<Actor>> load(ActorId id);
  Result<std::optional<ActorId>> byStrictKey(const ActorClaim& c, const std::string& key);
  Result<std::optional<ActorId>> byCode(const ActorClaim& c);
  Result<std::optional<ActorId>> byActorCode(const ActorClaim& c);
  // Reads every actor once for the two code maps below.
  Status loadCodes();
  Result<std::optional<ActorId>> bySkeleton(const ActorClaim& c, const std::string& skeleton);

  const storage::GraphStore& store_;
  bool statesLoaded_ = false;
  std::unordered_map<std::string, ActorId> statesByCode_;  // "IRQ" -> state
  std::unordered_map<std::string, ActorId> actorsByCode_;  // "IGOUNO" -> its one non-person actor; 0: several
  std::unordered_map<ActorId, Actor> cache_;
};

// A kind for an entity name that says nothing else of itself (imports): a
// state when it names a country (or equals `country`); for "X (Country)"
// sector names an armed group, government body or organisation by the words
// of X and the sectors; a person for two to four capitalised words without
// organisation words; otherwise other.
ActorKind guessActorKind(std::string_view name, std::string_view country = {}, std::string_view sectors = {});

// "Citizen (India)" -> {"Citizen", "India"}: an ICEWS sector name and the
// country it belongs to; nullopt for any other name.
std::optional<std::pair<std::string, std::string>> splitSectorName(std::string_view name);

// True when `name` is a country's name ("Iraq", "the United States").
bool isCountryName(std::string_view name);

}  // namespace kg::core
