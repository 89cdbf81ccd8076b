// Extractor: from one article's text to the actors it mentions (resolved) and
// the typed, dated, evidenced edges between them.
//
// It holds an actor catalog: the default dictionary shipped with the project,
// user dictionaries, PETRARCH dictionaries, and the actors the engine already
// stores (addKnownActor), so that every spelling lands on one actor id.
//
// Thread safety: extract() is const and may run concurrently with other
// extract() calls; addKnownActor() must not run concurrently with anything.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "base/status.h"
#include "extract/article.h"
#include "model/actor.h"

namespace kg::extract {

struct ExtractorOptions {
  bool loadDefaultDictionary = true;       // the project's own actor dictionary
  std::vector<std::string> actorFiles;     // user dictionaries (`kg ingest --actors FILE`)
  std::vector<std::string> petrarchFiles;  // PETRARCH actor dictionaries
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
  virtual void addKnownActor(const Actor& actor) = 0;

  // The actors and edges of one article. Never fails on odd text; an article
  // with nothing recognisable yields an empty Extraction.
  virtual Extraction extract(const Article& article) const = 0;
};

}  // namespace kg::extract
