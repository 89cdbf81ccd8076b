#include "extract/coding/follow_suit.h"

#include <algorithm>
#include <string_view>

namespace kg::extract {
namespace {

// A copy is read from two words that say "the same act": less sure than the
// act written out.
constexpr float kFollowSuitFactor = 0.8f;

// The word index after the phrase "followed suit" / "did the same" /
// "followed its lead" starting at `k`, or 0 when none starts there.
size_t repeatPhraseEnd(const std::vector<Token>& tokens, size_t k) {
  auto word = [&](size_t i, std::string_view w) { return i < tokens.size() && tokens[i].lower == w; };
  if (word(k, "followed") && word(k + 1, "suit")) return k + 2;
  if (word(k, "did") && word(k + 1, "the") && word(k + 2, "same")) return k + 3;
  if (word(k, "followed") && (word(k + 1, "its") || word(k + 1, "their")) && word(k + 2, "lead")) return k + 3;
  return 0;
}

}  // namespace

std::vector<Fact> followSuitFacts(const std::vector<Token>& tokens, const std::vector<Mention>& mentions,
                                  const std::vector<Fact>& previous, const std::vector<Fact>& sentenceFacts) {
  std::vector<Fact> out;
  if (previous.empty() || mentions.empty()) return out;
  if (std::any_of(sentenceFacts.begin(), sentenceFacts.end(), [](const Fact& f) { return !isStandingType(f.type); }))
    return out;
  // The subject: the first mention, not owning another, followed by at most
  // two adverbs ("also", "later", "quickly") before the phrase.
  const Mention* subject = nullptr;
  for (const Mention& m : mentions)
    if (!m.modifier && !m.possessive) {
      subject = &m;
      break;
    }
  if (!subject) return out;
  size_t k = subject->tokEnd;
  for (int adverbs = 0; adverbs < 2 && k < tokens.size() && !repeatPhraseEnd(tokens, k); ++adverbs) {
    if (!tokens[k].word || tokens[k].capital) return out;
    ++k;
  }
  if (!repeatPhraseEnd(tokens, k)) return out;
  for (const Fact& f : previous) {
    if (isStandingType(f.type) || f.planned || f.src == subject->entity) continue;
    Fact copy = f;
    copy.src = subject->entity;
    // The one acted on doing the same answers in kind: "Germany expelled
    // Russian diplomats. Russia did the same." is Russia expelling Germany's.
    if (f.dst == subject->entity) {
      copy.dst = f.src;
      copy.dstCode.clear();
    }
    copy.srcCode.clear();
    copy.confidence = std::min(f.confidence, subject->confidence) * kFollowSuitFactor;
    copy.background = false;
    copy.clauseDate = {};
    copy.sentenceDateNotOwn = false;  // dated by its own sentence
    out.push_back(std::move(copy));
  }
  return out;
}

}  // namespace kg::extract
