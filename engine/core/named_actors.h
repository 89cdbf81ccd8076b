// Which stored actors an article may name, found through the store's name
// index instead of a scan of every actor (README.md, "Ingest into a large
// database").
//
// The extractor resolves a mention to a stored actor only when that actor
// was registered with it (Extractor::addKnownActor), and it matches its
// registered actors' names word run by word run (extract/actors/mention_index.h:
// the strict key of a run, or its skeleton key while every word is
// capitalised). So the stored actors one article can reach are those indexed
// under the strict or skeleton key of one of its word runs. namedActors
// looks those keys up (GraphStore::probeNameKey), extending a run only while
// some stored key goes on through it, so its cost grows with the article,
// not with the number of stored actors.
//
// Pure function of the store's contents; safe from any thread (the store's
// const methods are).
#pragma once

#include <span>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "core/name_index_cache.h"
#include "extract/actors/tokens.h"
#include "model/actor.h"
#include "storage/graph_store.h"

namespace kg::core {

// The stored actors `text` may name: the ids, ascending and without repeats,
// of the actors indexed under the strict key of a run of its words that
// starts with a capital (or "the", or a word of another script), or under
// the skeleton key of a run of capitalised words; runs of at most 12 words
// (the extractor's limit, extract/actors/mention_index.cpp). Candidates, not
// a resolution: they cover the stored actors the extractor can match in
// `text` (two known gaps: core/README.md "Ingest into a large database") and
// may hold some it will not match there; an id may be gone by the time the
// caller reads it (another writer).
// Cost: per word of a run, one GraphStore::probeNameKey for the strict key
// and one for the skeleton key, each only while some stored key goes on
// through the run. Errors: the store's (IOError, Corruption); nothing else
// fails.
Result<std::vector<ActorId>> namedActors(const storage::GraphStore& store, std::string_view text);
// The same, each probe answered by `cache` (NameIndexCache::probe: what the
// store answers, from memory when asked before). Call cache.sync() first.
Result<std::vector<ActorId>> namedActors(NameIndexCache& cache, std::string_view text);
// The same for a text the caller has tokenized: requires tokens ==
// extract::tokenize(text, 0, text.size(), nullptr), which the caller may then
// hand on to Extractor::extractTokenized rather than tokenize the text again.
Result<std::vector<ActorId>> namedActors(NameIndexCache& cache, std::span<const extract::Token> tokens);

}  // namespace kg::core
