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

std::string entityCodeOn(const Entity& entity, const Catalog& catalog, Date day) {
  std::string c = actorCodeOn(entity.actor, day);
  if (c.empty() && entity.catalog != kNoActor) c = actorCodeOn(catalog.actors()[entity.catalog].actor, day);
  return c;
}

std::string partyCode(const syntax::SentenceParse& p, const NpActors& actors, size_t entity, int32_t np,
                      const EntityCode& entityCode, const std::vector<const AgentDictionary*>& agents,
                      AgentWords which, bool composeWithoutCode) {
  std::string base = entityCode(entity);
  const bool inPhrase = np >= 0 && static_cast<size_t>(np) < actors.size() && static_cast<size_t>(np) < p.nps.size();
  if (base.empty() && inPhrase)
    for (size_t k = 1; k < actors[np].size() && base.empty(); ++k) base = entityCode(actors[np][k]);
  if ((base.empty() && !composeWithoutCode) || !inPhrase) return base;
  const auto& n = p.nps[np];
  const size_t last = which == AgentWords::kUpToHead ? std::min<size_t>(n.span.last, static_cast<size_t>(n.head) + 1)
                                                     : n.span.last;
  std::vector<std::string> words;
  for (size_t w = n.span.first; w < last; ++w) words.push_back(p.words[w].lower);
  for (const AgentDictionary* a : agents) base = composeCode(std::move(base), *a, words);
  return base;
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
