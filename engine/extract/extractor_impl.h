// ExtractorImpl: the Extractor of extractor.h — catalog (default, user and
// PETRARCH dictionaries plus stored actors), mention index, office table,
// and the per-article pipeline tokens -> mentions -> resolution -> relations.
//
// Date rule for an event edge (Edge::dateBasis records which applied): the
// date the sentence speaks of (eventDate: "on Sunday", "January 3") when it
// has one (kText); otherwise, for a verb in the present, present perfect or
// past tense ("tells", "has told", "told"), the article's date as a point at
// its precision (kArticle), as ICEWS, GDELT and PETRARCH date events; a
// planned event (Fact::planned, mode planned) likewise takes the article's
// date, the day by which it was announced or threatened (not the day it is
// to happen); a noun trigger with no tense ("the killing of", which may name
// an act years old) with no date of its own stays undated, and joins the
// one edge of its fact when the store has exactly one (storage/merge_rule.h).
// A support stated as a standing state ("the Iran-backed militia": SUPPORT
// with no CAMEO code) holds on the article's date (kArticle), never on the
// day of the sentence's own event; the store grows one edge over the
// articles that state it (merge_rule.h isStatedSupport).
// Never an open-start "on or before" range: it
// would overlap every earlier query window. A title or appositive
// ("Secretary of State Mike Pompeo") yields a standing edge held on the
// article's date (kArticle); the store merges it into the dictionary tenure
// of that office when there is one, never extending an ended tenure.
// Dictionary offices of the actors an article mentions are emitted with
// their own dates (kDictionary) and evidence naming the dictionary line (doc "").
//
// Thread safety: as Extractor.
#pragma once

#include <memory>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "extract/coding/event_lexicons.h"
#include "extract/actors/catalog.h"
#include "extract/extractor.h"
#include "extract/text/japanese_segmenter.h"
#include "extract/actors/mentions.h"
#include "extract/actors/resolver.h"

namespace kg::extract {

class ExtractorImpl final : public Extractor {
 public:
  static Result<std::unique_ptr<ExtractorImpl>> make(const ExtractorOptions& options);

  void addKnownActor(const Actor& actor) override;
  void setArticleActors(const std::vector<Actor>& actors) override;
  const std::vector<std::string>& dictionaryKeys() const override { return dictionaryKeys_; }
  Extraction extract(const Article& article) const override { return extractWith(article, nullptr); }
  Extraction extractTokenized(const Article& article, std::vector<Token> tokens) const override {
    return extractWith(article, &tokens);
  }

  // Non-fatal problems met while loading (PETRARCH dates that do not parse).
  const std::vector<std::string>& warnings() const override { return warnings_; }
  const Catalog& catalog() const { return catalog_; }

 private:
  ExtractorImpl() = default;
  // extract(), each sentence's tokens taken from `*whole` (the article's
  // tokens, see extractTokenized) when it is given, tokenized otherwise.
  Extraction extractWith(const Article& article, std::vector<Token>* whole) const;

  Catalog catalog_;
  std::unique_ptr<JapaneseSegmenter> ja_;
  std::unique_ptr<MentionIndex> index_;
  std::unique_ptr<OfficeTable> offices_;
  std::unique_ptr<EventLexicons> events_;
  EnglishEvents englishEvents_ = EnglishEvents::kBoth;
  std::vector<std::string> warnings_;
  // Skeleton keys ("~...") that more than one catalog actor has: they are not
  // handed to the engine as identity keys.
  std::unordered_map<std::string, size_t> skeletonOwner_;
  std::unordered_set<std::string> ambiguousSkeletons_;
  void noteKeys(size_t actor, const std::string& name);
  // The name keys of each catalog actor (name and aliases, deduplicated),
  // computed once rather than for every article that mentions the actor.
  std::vector<std::vector<std::string>> catalogKeys_;
  void computeKeys(size_t actor);
  // computeKeys(actor) after aliases were appended to it from `firstAlias`
  // on (only the new aliases' keys are folded).
  void extendKeys(size_t actor, size_t firstAlias);
  // addKnownActor's work, recorded in undo_ when that is set.
  void registerActor(const Actor& actor);
  // Takes back the registrations of the last setArticleActors.
  void dropArticleActors();
  // How to take back the last setArticleActors; undo_ points at it while
  // that call registers (null otherwise: addKnownActor's changes stay).
  std::vector<std::string> dictionaryKeys_;  // see Extractor::dictionaryKeys
  UndoLog articleUndo_;
  UndoLog* undo_ = nullptr;
  // The actors the last setArticleActors registered, in order, and the size
  // of articleUndo_ before each: a call whose list starts with the same
  // actors rolls back only to the first that differs (registration is a
  // function of the tables and the actor, so the kept prefix leaves the
  // tables as registering it again would).
  std::vector<Actor> articleActors_;
  std::vector<size_t> articleMarks_;
};

}  // namespace kg::extract
