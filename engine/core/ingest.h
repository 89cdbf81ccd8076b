// Ingestor: the ingest pipeline — read -> segment -> extract -> one storage
// WriteBatch per article.
//
// Each article lands whole or not at all: its document record, the actors it
// introduces and its edges (with evidence) are committed in one batch. An
// article whose document id (content hash) is already stored is skipped, so
// re-ingesting the same content changes nothing, and a run that was killed
// part-way is completed by running it again.
//
// Thread safety: an Ingestor is used by one thread (with threads > 1 it runs
// extraction on helper threads of its own). It builds and commits each
// batch under the engine's write lock (Engine::withWriteLock), so other
// writers of the same Engine interleave between articles, and readers see
// whole articles.
// The extractor is borrowed and must outlive the Ingestor; nothing else may
// call its addKnownActor() or setArticleActors() meanwhile.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <set>
#include <span>
#include <string>
#include <unordered_set>
#include <vector>

#include "base/date.h"
#include "base/status.h"
#include "core/engine.h"
#include "core/ingest_summary.h"
#include "core/local_ingest.h"
#include "core/name_index_cache.h"
#include "extract/article.h"
#include "extract/extractor.h"
#include "extract/text/reader.h"

namespace kg::core {

// Which stored actors the extractor is told of (Extractor::addKnownActor,
// Extractor::setArticleActors). Both store the same graph on every input the
// tests try (core/README.md, "Ingest into a large database"); with kNamed
// and threads == 1 an article's reading depends only on the stored graph and
// the article, never on which articles the same run read before it.
// The extractor options of `d` (the other options at their defaults).
extract::ExtractorOptions extractorOptions(const DictionaryOptions& d);


class Ingestor {
 public:
  // With KnownActors::kAll, registers every stored actor with `extractor`
  // (addKnownActor) now; with kNamed, each article gets the stored actors it
  // names before it is extracted (setArticleActors; with threads > 1, each
  // group of articles extracted together gets those the group names). Either
  // way mentions resolve to stored ids. Errors: reading the store.
  static Result<std::unique_ptr<Ingestor>> create(Engine& engine, extract::Extractor& extractor,
                                                  const IngestOptions& options);
  Ingestor(const Ingestor&) = delete;
  Ingestor& operator=(const Ingestor&) = delete;

  // Reads `paths` (files, directories, "-" for stdin; see extract::readInputs)
  // and ingests every article. Bad input becomes warnings, never an error;
  // the returned Status is an error only when the store fails (IOError, ...),
  // in which case the articles committed before it stay stored.
  Status ingestPaths(const std::vector<std::string>& paths, const IngestProgress& progress = {});

  // Segments and ingests one raw document (all of it, before returning).
  Status ingestDocument(const extract::RawDocument& doc);

  // Ingests one article in one batch. Skips it when its doc id is stored.
  // A batch the store rejects (InvalidArgument from an edge the extractor got
  // wrong) fails this article only: nothing of it is stored, a warning is
  // recorded and OK is returned. Other errors (IOError, ...) are returned.
  Status ingestArticle(const extract::Article& article);

  // Brings edgesNew, edgesMerged and evidenceNew up to date (ingestPaths does
  // this when it ends). Counts any other writer of the engine meanwhile too.
  Status refreshEdgeCounts();

  const IngestSummary& summary() const { return summary_; }

 private:
  static constexpr size_t kArticlesPerThread = 8;  // group size per extraction thread

  Ingestor(Engine& engine, extract::Extractor& extractor, const IngestOptions& options);
  // Segments `doc`; ingests its articles now (threads == 1) or queues them.
  Status queueDocument(const extract::RawDocument& doc);
  // Extracts the queued articles in parallel and commits them in order.
  Status flushQueue();
  // Writes one extracted article in one batch (see ingestArticle).
  Status commitExtraction(const extract::Article& article, const extract::Extraction& extraction);
  // kNamed: tells the extractor (setArticleActors) dictionaryActors_ and then
  // the other stored actors that `articles` name, each group ascending by id,
  // no others (a no-op with kAll). The constant group first lets the
  // extractor keep its registrations from article to article.
  // Fills (*tokens)[k] with the tokens of articles[k] that it reads for this
  // (extract::tokenize, no MeCab), for extractArticle to hand on; with kAll
  // it leaves them empty. Errors: the store's.
  Status setNamedActors(std::span<const extract::Article* const> articles,
                        std::vector<std::vector<extract::Token>>* tokens);
  // Extracts `article`: with kNamed through Extractor::extractTokenized and
  // the `tokens` setNamedActors read, so the text is not tokenized twice.
  // Safe from the extraction threads (Extractor::extract is).
  extract::Extraction extractArticle(const extract::Article& article, std::vector<extract::Token>&& tokens) const;
  // kAll: Extractor::addKnownActor (a no-op with kNamed).
  void tellExtractor(const Actor& actor);

  Engine& engine_;
  extract::Extractor& extractor_;
  IngestOptions options_;
  IngestSummary summary_;
  storage::StoreStats baseline_;         // the store's counters when this Ingestor was created
  uint64_t putEdges_ = 0;                // edges written by committed batches
  std::vector<extract::Article> queue_;  // segmented, not yet extracted (threads > 1)
  // kNamed only: the extractor's dictionaryKeys, and the stored actors
  // indexed under one of them (read at create(), then kept current with the
  // actors and aliases this Ingestor's articles add).
  std::unordered_set<std::string> dictionaryKeys_;
  std::set<ActorId> dictionaryActors_;
  // kNamed only: the name-index probes and actor reads of setNamedActors,
  // kept across articles while no other writer changes the store.
  NameIndexCache names_;
  // kNamed only: the list setNamedActors hands the extractor, kept between
  // articles so that copying the next article's actors over it reuses the
  // strings, alias lists and attribute nodes instead of allocating them anew
  // (consecutive articles name mostly the same actors).
  std::vector<Actor> namedList_;
  // Adds `id` to dictionaryActors_ when one of `names` has a dictionary key.
  void noteDictionaryNames(ActorId id, const std::vector<std::string>& names);
};

}  // namespace kg::core
