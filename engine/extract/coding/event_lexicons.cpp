#include "extract/coding/event_lexicons.h"

#include "extract/syntax/pos_tagger.h"

namespace kg::extract {

Result<std::unique_ptr<EventLexicons>> EventLexicons::load(const EventLexiconOptions& options,
                                                           std::vector<std::string>* warnings) {
  std::unique_ptr<EventLexicons> x(new EventLexicons());
  if (options.loadDefaults) {
    auto verbs = VerbDictionary::parse(defaultVerbsText(), "verbs.txt (default dictionary)", warnings);
    if (!verbs) return verbs.status();
    x->verbs_.push_back(std::make_unique<VerbDictionary>(std::move(verbs).value()));
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
