#include "core/ingest.h"

#include <algorithm>
#include <atomic>
#include <set>
#include <span>
#include <thread>
#include <utility>

#include "core/actor_identity.h"
#include "core/named_actors.h"
#include "extract/actors/name_fold.h"
#include "extract/actors/tokens.h"
#include "extract/text/page_segmenter.h"

namespace kg::core {

Ingestor::Ingestor(Engine& engine, extract::Extractor& extractor, const IngestOptions& options)
    : engine_(engine), extractor_(extractor), options_(options), names_(engine.store()) {}

Result<std::unique_ptr<Ingestor>> Ingestor::create(Engine& engine, extract::Extractor& extractor,
                                                   const IngestOptions& options) {
  std::unique_ptr<Ingestor> ingestor(new Ingestor(engine, extractor, options));
  auto baseline = engine.store().stats();
  if (!baseline) return baseline.status();
  ingestor->baseline_ = baseline.value();
  // The stored actors indexed under a dictionary name: registered first, in
  // either mode, so that kNamed registers a subsequence of what kAll does.
  std::set<ActorId> dictionaryActors;
  for (const std::string& key : extractor.dictionaryKeys()) {
    auto ids = engine.store().lookupNameKey(key);
    if (!ids) return ids.status();
    dictionaryActors.insert(ids->begin(), ids->end());
  }
  if (options.knownActors == KnownActors::kNamed) {
    ingestor->dictionaryKeys_.insert(extractor.dictionaryKeys().begin(), extractor.dictionaryKeys().end());
    ingestor->dictionaryActors_ = std::move(dictionaryActors);
  } else {
    for (ActorId id : dictionaryActors) {
      auto a = engine.store().getActor(id);
      if (!a) return a.status();
      if (a->has_value()) ingestor->tellExtractor(**a);
    }
    KG_RETURN_IF_ERROR(engine.store().scanActors([&](const Actor& a) {
      if (!dictionaryActors.count(a.id)) ingestor->tellExtractor(a);
      return storage::Scan::kContinue;
    }));
  }
  return ingestor;
}

void Ingestor::tellExtractor(const Actor& actor) {
  // kNamed tells the extractor only what each article names (setNamedActors).
  if (options_.knownActors == KnownActors::kAll) extractor_.addKnownActor(actor);
}

Status Ingestor::setNamedActors(std::span<const extract::Article* const> articles,
                                std::vector<std::vector<extract::Token>>* tokens) {
  tokens->assign(articles.size(), {});
  if (options_.knownActors != KnownActors::kNamed) return Status::ok();
  names_.sync();
  // The dictionary actors first (the same every article: the extractor keeps
  // their registrations), then the others the articles name; each group
  // ascending by id, each id once.
  std::vector<ActorId> ids(dictionaryActors_.begin(), dictionaryActors_.end());
  const size_t dictionaryCount = ids.size();
  for (size_t k = 0; k < articles.size(); ++k) {
    const std::string& text = articles[k]->text;
    (*tokens)[k] = extract::tokenize(text, 0, text.size(), nullptr);  // as namedActors(names_, text) would
    auto named = namedActors(names_, (*tokens)[k]);
    if (!named) return named.status();
    for (ActorId id : *named)
      if (!dictionaryActors_.count(id)) ids.push_back(id);
  }
  std::sort(ids.begin() + static_cast<std::ptrdiff_t>(dictionaryCount), ids.end());
  ids.erase(std::unique(ids.begin() + static_cast<std::ptrdiff_t>(dictionaryCount), ids.end()), ids.end());
  size_t count = 0;
  for (ActorId id : ids) {
    auto actor = names_.actor(id);
    if (!actor) return actor.status();
    if (*actor == nullptr) continue;  // indexed but gone (a removal racing this read)
    if (count < namedList_.size()) {
      namedList_[count] = **actor;  // assigned over: storage reused
    } else {
      namedList_.push_back(**actor);
    }
    ++count;
  }
  namedList_.resize(count);
  extractor_.setArticleActors(namedList_);
  return Status::ok();
}

extract::Extraction Ingestor::extractArticle(const extract::Article& article,
                                             std::vector<extract::Token>&& tokens) const {
  if (options_.knownActors != KnownActors::kNamed) return extractor_.extract(article);
  return extractor_.extractTokenized(article, std::move(tokens));
}

void Ingestor::noteDictionaryNames(ActorId id, const std::vector<std::string>& names) {
  if (options_.knownActors != KnownActors::kNamed) return;
  for (const std::string& n : names) {
    for (const std::string& k : extract::nameKeys(n)) {
      if (dictionaryKeys_.count(k)) {
        dictionaryActors_.insert(id);
        return;
      }
    }
  }
}

Status Ingestor::refreshEdgeCounts() {
  // The store's counters, read once per call rather than once per article:
  // reading them costs more the more batches were committed since the last flush.
  auto now = engine_.store().stats();
  if (!now) return now.status();
  summary_.edgesNew = now->edges - baseline_.edges;
  summary_.evidenceNew = now->evidence - baseline_.evidence;
  summary_.edgesMerged = putEdges_ > summary_.edgesNew ? putEdges_ - summary_.edgesNew : 0;
  return Status::ok();
}

Status Ingestor::ingestPaths(const std::vector<std::string>& paths, const IngestProgress& progress) {
  std::vector<extract::ReadWarning> warnings;
  Status failure;
  size_t reported = 0;
  const extract::ReadStats stats = extract::readInputs(
      paths,
      [&](extract::RawDocument&& doc) {
        if (!failure.isOk()) return;  // the store failed: read on, ingest nothing more
        ++summary_.documents;
        summary_.textBytes += doc.text.size();
        failure = queueDocument(doc);
        for (; reported < warnings.size(); ++reported) summary_.warnings.push_back(warnings[reported].toString());
        if (progress) progress(summary_);
      },
      &warnings);
  for (; reported < warnings.size(); ++reported) summary_.warnings.push_back(warnings[reported].toString());
  summary_.files += stats.files;
  summary_.bytes += stats.bytes;
  if (failure.isOk()) failure = flushQueue();
  KG_RETURN_IF_ERROR(failure);
  KG_RETURN_IF_ERROR(refreshEdgeCounts());
  if (progress) progress(summary_);
  return Status::ok();
}

Status Ingestor::ingestDocument(const extract::RawDocument& doc) {
  KG_RETURN_IF_ERROR(queueDocument(doc));
  return flushQueue();
}

Status Ingestor::queueDocument(const extract::RawDocument& doc) {
  extract::ArticleOptions options;
  options.defaultDate = options_.defaultDate;
  std::vector<extract::Article> articles = extract::toArticles(doc, options);
  summary_.articles += articles.size();
  if (articles.empty()) summary_.warnings.push_back(doc.path + ": no article text found (only page furniture?)");
  for (extract::Article& article : articles) {
    if (options_.threads <= 1) {
      // Sequential: each article is extracted knowing every actor committed before it.
      KG_RETURN_IF_ERROR(ingestArticle(article));
      continue;
    }
    queue_.push_back(std::move(article));
    if (queue_.size() >= options_.threads * kArticlesPerThread) KG_RETURN_IF_ERROR(flushQueue());
  }
  return Status::ok();
}

Status Ingestor::flushQueue() {
  if (queue_.empty()) return Status::ok();
  std::vector<extract::Article> articles = std::move(queue_);
  queue_.clear();
  // Articles already stored are neither extracted nor written.
  std::vector<size_t> todo;
  for (size_t i = 0; i < articles.size(); ++i) {
    auto existing = engine_.store().getDocument(articles[i].doc.id);
    if (!existing) return existing.status();
    if (existing->has_value()) {
      ++summary_.articlesSkipped;
    } else {
      todo.push_back(i);
    }
  }
  // The stored actors they name, before extraction (addKnownActor must not
  // run concurrently with it).
  std::vector<const extract::Article*> group;
  for (size_t i : todo) group.push_back(&articles[i]);
  std::vector<std::vector<extract::Token>> tokens;
  KG_RETURN_IF_ERROR(setNamedActors(group, &tokens));
  // Extraction in parallel (Extractor::extract is const and thread-safe);
  // no addKnownActor runs meanwhile.
  std::vector<extract::Extraction> results(todo.size());
  std::atomic<size_t> next{0};
  auto work = [&] {
    for (size_t k = next++; k < todo.size(); k = next++)
      results[k] = extractArticle(articles[todo[k]], std::move(tokens[k]));
  };
  std::vector<std::thread> workers;
  const size_t helpers = std::min(options_.threads, todo.size()) - (todo.empty() ? 0 : 1);
  for (size_t t = 0; t < helpers; ++t) workers.emplace_back(work);
  work();
  for (std::thread& w : workers) w.join();
  // Commits in input order; actors an earlier article of this group created
  // are found by their name keys when a later one names them again.
  for (size_t k = 0; k < todo.size(); ++k) KG_RETURN_IF_ERROR(commitExtraction(articles[todo[k]], results[k]));
  return Status::ok();
}

namespace {

// What one article's batch holds beyond the store's own counters.
struct ArticleCounts {
  uint64_t actorsNew = 0;
  uint64_t actorsKnown = 0;
  uint64_t putEdges = 0;
};

}  // namespace

Status Ingestor::ingestArticle(const extract::Article& article) {
  const storage::GraphStore& store = engine_.store();
  // Cheap check before extraction; repeated under the lock below.
  {
    auto existing = store.getDocument(article.doc.id);
    if (!existing) return existing.status();
    if (existing->has_value()) {
      ++summary_.articlesSkipped;
      return Status::ok();
    }
  }
  const extract::Article* one[] = {&article};
  std::vector<std::vector<extract::Token>> tokens;
  KG_RETURN_IF_ERROR(setNamedActors(one, &tokens));
  return commitExtraction(article, extractArticle(article, std::move(tokens[0])));
}

namespace {

// The names the article gave a stored actor ("also known as ...") join its
// aliases and name keys; the keys are appended to `written` too.
Status addLearnedAliases(storage::WriteBatch& batch, ActorId id, const extract::ExtractedActor& ea,
                         std::vector<std::string>* written) {
  if (ea.learnedAliases.empty()) return Status::ok();
  std::vector<std::string> keys;
  for (const auto& al : ea.learnedAliases)
    for (auto& k : extract::nameKeys(al)) keys.push_back(std::move(k));
  written->insert(written->end(), keys.begin(), keys.end());
  return batch.addAliases(id, ea.learnedAliases, keys);
}

}  // namespace

Status Ingestor::commitExtraction(const extract::Article& article, const extract::Extraction& extraction) {
  std::vector<Actor> created;  // committed actors to register afterwards
  std::vector<std::pair<ActorId, const std::vector<std::string>*>> learned;  // aliases given to stored actors
  ArticleCounts counts;
  // What the batch writes to the name index and the actors (names_.committed).
  std::vector<std::string> writtenKeys;
  std::vector<ActorId> writtenActors;
  Status rejected;  // an InvalidArgument from the batch: this article fails alone
  const Status locked = engine_.withWriteLock([&](storage::GraphStore& store) -> Status {
    auto existing = store.getDocument(article.doc.id);
    if (!existing) return existing.status();
    if (existing->has_value()) {
      ++summary_.articlesSkipped;
      return Status::ok();
    }
    auto batch = store.newBatch();
    auto build = [&]() -> Status {
      Document doc = article.doc;
      if (doc.outlet.empty()) doc.outlet = extraction.outlet;
      KG_RETURN_IF_ERROR(batch->putDocument(doc));
      std::vector<ActorId> ids(extraction.actors.size(), 0);
      for (size_t i = 0; i < extraction.actors.size(); ++i) {
        const extract::ExtractedActor& ea = extraction.actors[i];
        if (ea.actor.id != 0) {
          ids[i] = ea.actor.id;
          ++counts.actorsKnown;
          if (!ea.learnedAliases.empty()) writtenActors.push_back(ids[i]);
          KG_RETURN_IF_ERROR(addLearnedAliases(*batch, ids[i], ea, &writtenKeys));
          learned.emplace_back(ids[i], &ea.learnedAliases);
          continue;
        }
        // A new actor may already be stored (written by another process, by
        // an article extracted before it was known, or merged into another
        // actor by a curator): core/actor_identity.h decides, with the
        // extractor's kind as stated.
        {
          ActorIdentity identity(store);
          std::vector<std::string_view> names{ea.actor.name};
          for (const auto& al : ea.actor.aliases) names.push_back(al);
          for (std::string_view n : names) {
            ActorClaim claim;
            claim.name = n;
            claim.kind = ea.actor.kind;
            const auto keys = extract::nameKeys(n);
            claim.useSkeleton = keys.size() > 1 && std::find(ea.nameKeys.begin(), ea.nameKeys.end(), keys[1]) != ea.nameKeys.end();
            auto found = identity.find(claim);
            if (!found) return found.status();
            if (found->has_value()) {
              ids[i] = **found;
              break;
            }
          }
        }
        if (ids[i] != 0) {
          ++counts.actorsKnown;
          if (!ea.learnedAliases.empty()) writtenActors.push_back(ids[i]);
          KG_RETURN_IF_ERROR(addLearnedAliases(*batch, ids[i], ea, &writtenKeys));
          learned.emplace_back(ids[i], &ea.learnedAliases);
          continue;
        }
        auto id = batch->putActor(ea.actor, ea.nameKeys);
        if (!id) return id.status();
        ids[i] = id.value();
        writtenActors.push_back(id.value());
        writtenKeys.insert(writtenKeys.end(), ea.nameKeys.begin(), ea.nameKeys.end());
        Actor a = ea.actor;
        a.id = id.value();
        created.push_back(std::move(a));
        ++counts.actorsNew;
      }
      // Recorded tenures (dictionary offices) first, so that the offices the
      // article's text names merge into them rather than the other way round
      // (storage/merge_rule.h).
      std::vector<const extract::ExtractedEdge*> order;
      for (const extract::ExtractedEdge& ee : extraction.edges)
        if (ee.edge.dateBasis == DateBasis::kDictionary) order.push_back(&ee);
      for (const extract::ExtractedEdge& ee : extraction.edges)
        if (ee.edge.dateBasis != DateBasis::kDictionary) order.push_back(&ee);
      for (const extract::ExtractedEdge* eep : order) {
        const extract::ExtractedEdge& ee = *eep;
        if (ee.src >= ids.size() || ee.dst >= ids.size()) {
          summary_.warnings.push_back(article.doc.source + ": article " + article.doc.id +
                                      ": an extracted edge names no actor of the article; edge skipped");
          continue;
        }
        Edge edge = ee.edge;
        edge.id = 0;
        edge.src = ids[ee.src];
        edge.dst = ids[ee.dst];
        if (edge.src == edge.dst) continue;  // two spellings of one actor: not a relation
        for (Evidence& ev : edge.evidence) {
          // Evidence read from this article names it; evidence from a
          // dictionary line (doc "") stays as it is.
          if (ev.doc.empty() && ev.end <= article.text.size() && ev.begin < ev.end &&
              std::string_view(article.text).substr(ev.begin, ev.end - ev.begin) == ev.text)
            ev.doc = article.doc.id;
        }
        auto id = batch->putEdge(std::move(edge));
        if (!id) return id.status();
        if (id.value() != 0) ++counts.putEdges;  // 0: a fact a curator removed (kg edge rm)
      }
      return Status::ok();
    };
    Status built = build();
    if (built.isOk()) {
      // Under the write lock: names_ keeps its answers when this commit is
      // the only write between the two reads of the epoch.
      const uint64_t epochBefore = store.writeEpoch();
      built = store.commit(*batch);
      names_.committed(epochBefore, store.writeEpoch(), writtenKeys, writtenActors);
    }
    if (!built.isOk()) {
      if (built.code() != StatusCode::kInvalidArgument) return built;
      rejected = built;
      created.clear();
      learned.clear();
    } else {
      putEdges_ += counts.putEdges;
      summary_.actorsNew += counts.actorsNew;
      summary_.actorsKnown += counts.actorsKnown;
      ++summary_.articlesStored;
    }
    return Status::ok();
  });
  KG_RETURN_IF_ERROR(locked);
  if (!rejected.isOk()) {
    ++summary_.articlesFailed;
    summary_.warnings.push_back(article.doc.source + ": article " + article.doc.id + " ('" + article.doc.title +
                                "') not stored: " + rejected.message());
    return Status::ok();
  }
  for (const Actor& a : created) {
    tellExtractor(a);
    std::vector<std::string> names = a.aliases;
    names.push_back(a.name);
    noteDictionaryNames(a.id, names);
  }
  for (const auto& [id, aliases] : learned) noteDictionaryNames(id, *aliases);
  return Status::ok();
}

}  // namespace kg::core
