// The values passed between the stages of extraction:
//   reader/segmenter -> Article (text, sentences, metadata)
//   extractor        -> Extraction (actors and edges of one article)
// Plain value types.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "model/actor.h"
#include "model/document.h"
#include "model/edge.h"

namespace kg::extract {

// A sentence as byte offsets into Article::text.
struct Sentence {
  uint32_t begin = 0;
  uint32_t end = 0;
};

// One article: a page holding several articles yields several of these.
struct Article {
  Document doc;          // id = content hash of `text`; title, date, source, language
  std::string text;      // normalised (NFKC, quotes/dashes folded), boilerplate removed
  std::vector<Sentence> sentences;
};

// An actor mentioned in an article. actor.id != 0 when it is a stored actor
// (or one from the catalog that the engine already knows); 0 for a new one.
struct ExtractedActor {
  Actor actor;
  std::vector<std::string> nameKeys;  // keys to index it under (extract::nameKeys of names)
  // Names the text gave it ("also known as ..."), also in actor.aliases and
  // nameKeys: the store adds them to an actor it already holds.
  std::vector<std::string> learnedAliases;
};

// An edge between two entries of Extraction::actors. edge.src/dst are
// ignored; the engine fills them from the actors' ids. edge.evidence carries
// the sentence(s) with doc = the article's doc id.
struct ExtractedEdge {
  size_t src = 0;
  size_t dst = 0;
  Edge edge;
};

struct Extraction {
  std::vector<ExtractedActor> actors;
  std::vector<ExtractedEdge> edges;
  // The outlet a dateline or byline names ("BAGHDAD (Reuters) -" -> "Reuters");
  // empty when none. The ingestor records it as the document's outlet.
  std::string outlet;
};

}  // namespace kg::extract
