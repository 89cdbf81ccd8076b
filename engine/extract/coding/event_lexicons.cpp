#include "extract/coding/event_lexicons.h"

#include <algorithm>
#include <cctype>

#include "extract/syntax/pos_tagger.h"

namespace kg::extract {

Result<std::unique_ptr<EventLexicons>> EventLexicons::load(const EventLexiconOptions& options,
                                                           std::vector<std::string>* warnings) {
  std::unique_ptr<EventLexicons> x(new EventLexicons());
  if (options.loadDefaults) {
    auto verbs = VerbDictionary::parse(defaultVerbsText(), "verbs.txt (default dictionary)", warnings);
    if (!verbs) return verbs.status();
    x->verbs_.push_back(std::make_unique<VerbDictionary>(std::move(verbs).value()));
    x->censure_ = x->verbs_.front()->findSynset("CENSURE");
    x->commend_ = x->verbs_.front()->findSynset("COMMEND");
    auto agents = AgentDictionary::parse(defaultAgentsText(), "agents.txt (default dictionary)", warnings);
    if (!agents) return agents.status();
    x->agents_.push_back(std::move(agents).value());
  }
  for (const auto& f : options.verbFiles) {
    auto verbs = VerbDictionary::load(f, warnings);
    if (!verbs) return verbs.status();
    x->verbs_.push_back(std::make_unique<VerbDictionary>(std::move(verbs).value()));
  }
  for (const auto& f : options.agentFiles) {
    auto agents = AgentDictionary::load(f, warnings);
    if (!agents) return agents.status();
    x->agents_.push_back(std::move(agents).value());
  }
  for (const auto& f : options.discardFiles) {
    auto d = DiscardList::load(f, warnings);
    if (!d) return d.status();
    x->discards_.push_back(std::move(d).value());
  }
  auto lexicon = syntax::Lexicon::load();
  if (!lexicon) return lexicon.status();
  std::vector<const VerbDictionary*> verbs;
  for (const auto& v : x->verbs_) verbs.push_back(v.get());
  std::vector<const AgentDictionary*> agents;
  for (const auto& a : x->agents_) agents.push_back(&a);
  x->english_ = std::make_unique<EnglishEventCoder>(std::move(lexicon).value(), std::move(verbs), std::move(agents));
  return x;
}

std::optional<bool> EventLexicons::judgement(const std::vector<std::string_view>& lowerWords) const {
  if (censure_ < 0 && commend_ < 0) return std::nullopt;
  const VerbDictionary& ours = *verbs_.front();
  auto holds = [&](int64_t i) {
    if (i < 0) return false;
    for (const auto& phrase : ours.synsets()[static_cast<size_t>(i)].phrases)
      for (size_t at = 0; at + phrase.size() <= lowerWords.size(); ++at) {
        bool same = true;
        for (size_t k = 0; k < phrase.size() && same; ++k) {
          const std::string_view w = lowerWords[at + k];
          same = w.size() == phrase[k].size() &&
                 std::equal(w.begin(), w.end(), phrase[k].begin(),
                            [](char a, char b) { return std::toupper(static_cast<unsigned char>(a)) == b; });
        }
        if (same) return true;
      }
    return false;
  };
  const bool blame = holds(censure_), praise = holds(commend_);
  if (blame == praise) return std::nullopt;
  return blame;
}

bool EventLexicons::discards(std::string_view sentence, bool* story) const {
  for (const auto& d : discards_) {
    if (auto m = d.find(sentence)) {
      if (story) *story = m->kind == DiscardKind::kStory;
      return true;
    }
  }
  return false;
}

}  // namespace kg::extract
