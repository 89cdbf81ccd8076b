// Extractor: from one article's text to the actors it mentions (resolved) and
// the typed, dated, evidenced edges between them.
//
// It holds an actor catalog: the default dictionary shipped with the project,
// user dictionaries, PETRARCH dictionaries, and the actors the engine already
// stores (addKnownActor), so that every spelling lands on one actor id.
//
// Thread safety: extract() is const and may run concurrently with other
// extract() calls; addKnownActor() and setArticleActors() must not run
// concurrently with anything.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "base/status.h"
#include "extract/actors/tokens.h"
#include "extract/article.h"
#include "extract/coding/english_events.h"
#include "model/actor.h"

namespace kg::extract {

struct ExtractorOptions {
  bool loadDefaultDictionary = true;       // the project's own actor dictionary
  std::vector<std::string> actorFiles;     // user dictionaries (`kg ingest --actors FILE`)
  std::vector<std::string> petrarchFiles;  // PETRARCH actor dictionaries
  // Event coding (extract/coding/event_lexicons.h): our verb and agent
  // dictionaries, and PETRARCH-format files (`kg ingest --verbs/--agents/--discards`).
  bool loadDefaultEventDictionaries = true;
  std::vector<std::string> verbFiles;
  std::vector<std::string> agentFiles;
  std::vector<std::string> discardFiles;
  // How the event coder and the older relation rules share English sentences.
  EnglishEvents englishEvents = EnglishEvents::kBoth;
};

class Extractor {
 public:
  // InvalidArgument naming file:line for a malformed dictionary line;
  // NotFound for a missing file.
  static Result<std::unique_ptr<Extractor>> create(const ExtractorOptions& options);
  virtual ~Extractor() = default;

  // Registers a stored actor (id != 0) so that later mentions resolve to it.
  // Called by the engine at start for every stored actor, and after each
  // committed article for the actors that article created.
  // Also takes back the last setArticleActors first (see there).
  virtual void addKnownActor(const Actor& actor) = 0;

  // Registers `actors` (stored, id != 0), in this order, as addKnownActor
  // would, for the extract() calls that follow, after taking back every
  // registration the previous setArticleActors made (an empty list only takes
  // them back). So after it the extractor reads exactly as if it had been
  // created, told the addKnownActor actors, and then told `actors`: what
  // earlier calls registered leaves no trace (engine ingest, KnownActors::kNamed,
  // gives each article the stored actors it names this way).
  virtual void setArticleActors(const std::vector<Actor>& actors) = 0;

  // The name keys (nameKeys: strict and skeleton) of the names and aliases of
  // the actors create() loaded (dictionaries; no stored actor), sorted and
  // without repeats; valid as long as the Extractor. A stored actor indexed
  // under one of them, once registered (addKnownActor), can change what an
  // article resolves to without being named in it: it can be attached to
  // that dictionary actor (the state of an office holder the article names,
  // a demonym's state), or share a skeleton key with it, which then no
  // longer identifies the dictionary actor (ExtractedActor::nameKeys).
  virtual const std::vector<std::string>& dictionaryKeys() const = 0;

  // Dictionary lines that could not be read, as "file:line: reason" (the
  // line was skipped; loading went on).
  virtual const std::vector<std::string>& warnings() const = 0;

  // The actors and edges of one article. Never fails on odd text; an article
  // with nothing recognisable yields an empty Extraction.
  virtual Extraction extract(const Article& article) const = 0;

  // extract(article) for an article the caller has tokenized already:
  // requires tokens == tokenize(article.text, 0, article.text.size(), nullptr)
  // (core's namedActors reads them to find the stored actors the article
  // names). Returns what extract(article) returns; an implementation may take
  // its sentences' tokens from `tokens` (actors/token_slice.h) rather than
  // tokenize the text a second time. This default ignores them.
  virtual Extraction extractTokenized(const Article& article, std::vector<Token> tokens) const {
    (void)tokens;
    return extract(article);
  }
};

}  // namespace kg::extract
