#include "extract/coding/actor_codes.h"

#include <algorithm>

#include "extract/actors/petrarch_actors.h"

namespace kg::extract {

std::string actorCodeOn(const Actor& actor, Date day) {
  std::string c = cameoCodeOn(actor, day);
  if (!c.empty()) return c;
  if (auto it = actor.attributes.find("code"); it != actor.attributes.end()) return it->second;
  if (actor.kind == ActorKind::kState) return actor.country;
  return {};
}

std::string composeCode(std::string actor, const AgentDictionary& agents, const std::vector<std::string>& words) {
  for (size_t i = 0; i < words.size();) {
    auto m = agents.matchAt(words, i);
    if (!m) {
      ++i;
      continue;
    }
    const AgentEntry& a = agents.entries()[m->entry];
    if (actor.size() < 3 || actor.find(a.code) == std::string::npos) actor = a.prefix ? a.code + actor : actor + a.code;
    i = std::max(m->end, i + 1);
  }
  return actor;
}

}  // namespace kg::extract
