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
// extraction on helper threads of its own). It holds the engine's
// write mutex while it builds and commits each batch, so other writers of the
// same Engine interleave between articles, and readers see whole articles.
// The extractor is borrowed and must outlive the Ingestor; nothing else may
// call its addKnownActor() meanwhile.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <unordered_set>
#include <vector>

#include "base/date.h"
#include "base/status.h"
#include "core/engine.h"
#include "extract/article.h"
#include "extract/extractor.h"
#include "extract/text/reader.h"

namespace kg::core {

// Which stored actors the extractor is told of (Extractor::addKnownActor).
enum class KnownActors {
  // Before each article is extracted, the stored actors its word runs name
  // (core/named_actors.h: name-index lookups), once each per Ingestor: the
  // cost follows the article, not the database. NOT the default yet: the
  // registrations accumulate over one run, so an article's reading can depend
  // on which articles the same process read before it (an ingest re-run after
  // a failure then stores a graph a clean run does not: tests/cli/fault_test
  // "... keeps it as it was plus the whole articles it reports").
  kNamed,
  // Every stored actor, once, when the Ingestor is created (a scan of the
  // actors family: minutes on a database of millions of actors). The default:
  // an article's reading depends only on the stored graph and the article.
  kAll,
};

struct IngestOptions {
  Date defaultDate;  // for articles whose page and metadata give no date (`kg ingest --date`)
  // Extraction threads. With 1 (the default) each article is extracted
  // knowing every actor committed before it. With more, groups of articles
  // are extracted in parallel and committed in input order; an actor that
  // one article of a group introduces is new to the others of that group, and
  // is merged into the stored one through its name keys when they commit, so
  // the graph is the same except where resolution depends on that knowledge
  // (a bare surname that only an earlier article introduced).
  size_t threads = 1;
  KnownActors knownActors = KnownActors::kAll;
};

// What a run did; counts accumulate over every call on one Ingestor.
struct IngestSummary {
  uint64_t files = 0;            // input files opened (including skipped ones)
  uint64_t documents = 0;        // documents read (a JSON Lines record is one)
  uint64_t bytes = 0;            // input bytes read
  uint64_t articles = 0;         // articles found by the segmenter
  uint64_t articlesStored = 0;   // articles committed by this run
  uint64_t articlesSkipped = 0;  // already stored (same content hash)
  uint64_t articlesFailed = 0;   // rejected whole; see warnings
  uint64_t actorsNew = 0;        // actors created
  uint64_t actorsKnown = 0;      // mentions (per article) that resolved to a stored actor
  // From the store's counters (see Ingestor::refreshEdgeCounts): edges and
  // evidence the store gained since the Ingestor was created, and the edges
  // written that merged into an existing fact.
  uint64_t edgesNew = 0;
  uint64_t edgesMerged = 0;
  uint64_t evidenceNew = 0;
  std::vector<std::string> warnings;  // "file[:line]: message"
};

// Progress after each document: the summary so far (edge counts are
// brought up to date only when the run ends).
using IngestProgress = std::function<void(const IngestSummary&)>;

class Ingestor {
 public:
  // With KnownActors::kAll, registers every stored actor with `extractor`
  // (addKnownActor) now; with kNamed, each article registers the stored
  // actors it names before it is extracted. Either way mentions resolve to
  // stored ids. Errors: reading the store.
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
  // kNamed: registers with the extractor the stored actors `article` names
  // that it was not told of yet (a no-op with kAll). Errors: the store's.
  Status registerNamedActors(const extract::Article& article);
  // Extractor::addKnownActor, noted in registered_ under kNamed.
  void tellExtractor(const Actor& actor);

  Engine& engine_;
  extract::Extractor& extractor_;
  IngestOptions options_;
  IngestSummary summary_;
  storage::StoreStats baseline_;         // the store's counters when this Ingestor was created
  uint64_t putEdges_ = 0;                // edges written by committed batches
  std::vector<extract::Article> queue_;  // segmented, not yet extracted (threads > 1)
  // kNamed only (empty with kAll): the actors the extractor was told of.
  std::unordered_set<ActorId> registered_;
};

}  // namespace kg::core
