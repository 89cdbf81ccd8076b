#include "core/named_actors.h"

#include <algorithm>
#include <string>

#include "extract/actors/tokens.h"

namespace kg::core {
namespace {

// Runs of more words than this are not looked up (the extractor's own limit,
// extract/actors/mention_index.cpp: MentionIndex::addAlias).
constexpr size_t kMaxNameWords = 12;

// The tokens namedActors reads: script runs (no MeCab), the words
// extract::nameKeys splits a stored name into, so that a run's keys are the
// keys the store indexed that name under.
std::vector<extract::Token> nameTokens(std::string_view text) {
  return extract::tokenize(text, 0, text.size(), nullptr);
}

// namedActors with `probeKey(key, next)` answering as GraphStore::probeNameKey.
template <typename Probe>
Result<std::vector<ActorId>> namedActorsWith(Probe&& probeKey, std::span<const extract::Token> tokens) {
  std::vector<ActorId> found;
  auto probe = [&](const std::string& key, char next) -> Result<bool> {
    auto p = probeKey(key, next);
    if (!p) return p.status();
    const storage::NameKeyProbe& answer = *p.value();
    found.insert(found.end(), answer.ids.begin(), answer.ids.end());
    return answer.longer;
  };
  std::string strict, skeleton;
  for (size_t i = 0; i < tokens.size(); ++i) {
    const extract::Token& first = tokens[i];
    if (!first.word || first.article || first.strict.empty()) continue;
    // The extractor matches a run only when it starts with a capital (or a
    // name's own lower-case "the"), or with a word of another script.
    const bool latin = first.script == extract::Script::kLatin;
    if (latin && !first.capital && first.lower != "the") continue;
    bool strictGoes = true;
    bool skeletonGoes = !latin || first.capital;  // skeletons: every word capitalised
    strict.clear();
    // Stored skeleton keys are '~' and the words' skeletons run together ("~qsmslmn").
    skeleton.assign(1, '~');
    size_t words = 0;
    for (size_t j = i; j < tokens.size() && (strictGoes || skeletonGoes); ++j) {
      const extract::Token& t = tokens[j];
      if (!t.word) break;
      if (t.article) continue;
      if (t.strict.empty() || ++words > kMaxNameWords) break;
      if (words > 1) strict += ' ';
      strict += t.strict;
      skeleton += t.skeleton;
      if (t.script == extract::Script::kLatin && !t.capital) skeletonGoes = false;
      if (strictGoes) {
        auto more = probe(strict, ' ');
        if (!more) return more.status();
        strictGoes = more.value();
      }
      if (skeletonGoes) {
        auto more = probe(skeleton, '\0');
        if (!more) return more.status();
        skeletonGoes = more.value();
      }
      // A possessive ends a name unless a stored one goes on through it.
      if (t.possessive && !strictGoes) break;
    }
  }
  std::sort(found.begin(), found.end());
  found.erase(std::unique(found.begin(), found.end()), found.end());
  return found;
}

}  // namespace

Result<std::vector<ActorId>> namedActors(const storage::GraphStore& store, std::string_view text) {
  storage::NameKeyProbe last;
  return namedActorsWith(
      [&](std::string_view key, char next) -> Result<const storage::NameKeyProbe*> {
        auto p = store.probeNameKey(key, next);
        if (!p) return p.status();
        last = std::move(p).value();
        return &last;
      },
      nameTokens(text));
}

Result<std::vector<ActorId>> namedActors(NameIndexCache& cache, std::string_view text) {
  return namedActors(cache, nameTokens(text));
}

Result<std::vector<ActorId>> namedActors(NameIndexCache& cache, std::span<const extract::Token> tokens) {
  return namedActorsWith([&](std::string_view key, char next) { return cache.probe(key, next); }, tokens);
}

}  // namespace kg::core
