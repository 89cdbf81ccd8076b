// Actor: a person, organisation, armed group, state, government body or
// medium that does things to other actors. Plain value type.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace kg {

using ActorId = uint64_t;  // 0 is never a valid id
using EdgeId = uint64_t;   // 0 is never a valid id

enum class ActorKind : uint8_t {
  kPerson = 0,
  kOrganisation = 1,
  kArmedGroup = 2,
  kState = 3,
  kGovernmentBody = 4,
  kMedia = 5,
  kOther = 6,
};

// "person", "organisation", "armed_group", "state", "government_body", "media", "other".
const char* actorKindName(ActorKind k);
// Accepts the names above (and "organization"); InvalidArgument listing them otherwise.
Result<ActorKind> parseActorKind(std::string_view s);

struct Actor {
  ActorId id = 0;
  std::string name;       // canonical name
  ActorKind kind = ActorKind::kOther;
  std::string country;    // ISO 3166 alpha-3 or a name where known; "" otherwise
  std::vector<std::string> aliases;  // any script; excludes `name`
  std::map<std::string, std::string> attributes;

  friend bool operator==(const Actor&, const Actor&) = default;
};

}  // namespace kg
