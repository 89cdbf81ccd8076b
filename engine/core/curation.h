// Curator: the curation commands (kg actor merge / alias / rename / set / rm,
// kg edge rm, kg log). Each command is one storage WriteBatch — the change
// and its curation log record land together or not at all — and each record
// says who did it, when, and what would undo it (README.md in this
// directory).
//
// Curation survives re-ingest and re-import: a merged-away name is recorded
// (WriteBatch::setMergedName) and keeps meaning the kept actor
// (core/actor_identity.h); a removed edge's fact is suppressed
// (WriteBatch::suppressFact), so the same report does not bring it back; a
// removed actor is marked removed (WriteBatch::setActorRemoved) and its
// names keep meaning it, so no edge of it comes back either.
//
// Undo: every record keeps an UndoImage (core/undo_image.h) of what its batch
// found and left. undo() checks that the store still holds what the record
// left and writes back what it found, as a new logged batch whose own image
// makes it undoable in turn (undoing an undo redoes).
//
// Thread safety: each command reads and writes under the engine's write
// lock (Engine::withWriteLock). The Curator borrows the engine, which must outlive it.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "base/status.h"
#include "core/engine.h"
#include "model/actor.h"
#include "model/edge.h"
#include "storage/graph_store.h"

namespace kg::core {

struct UndoImage;      // core/undo_image.h (core's own: it speaks JSON)
class ImageRecorder;

// Who runs the commands and how they were written (for the log).
struct CurationContext {
  std::string user;  // "" = $USER, else "uid N"
  std::string args;  // the command line as given, for the log
};

struct MergeSummary {
  Actor kept;                 // after the merge
  uint64_t logSeq = 0;
  uint64_t edgesMoved = 0;    // edges of the dropped actor now on the kept one
  uint64_t edgesJoined = 0;   // ... of those, merged into an edge the kept actor had (same fact)
  uint64_t selfLoops = 0;     // edges between the two, dropped (no edge joins an actor to itself)
  uint64_t suppressed = 0;    // edges whose fact a curator had removed for the kept actor
};

struct UndoSummary {
  uint64_t undone = 0;         // the record undone
  std::string undoneCommand;   // its command ("actor merge", "undo", ...)
  std::string undoneArgs;      // its command line
  uint64_t logSeq = 0;         // the undo's own record
  uint64_t actors = 0, edges = 0;  // actors and edges its image lists, each put back as it was
};

struct RemoveActorSummary {
  Actor removed;
  uint64_t logSeq = 0;
  uint64_t edgesRemoved = 0;
};

// Each command writes one batch and commits it last: on any error nothing is
// stored. Besides the errors each names, a command reports the store's
// (IOError, Corruption; FailedPrecondition on a read-only store).
class Curator {
 public:
  Curator(Engine& engine, CurationContext context);

  // Merges actor `drop` into `keep`: every edge of `drop` (with its evidence
  // and attributes) moves to `keep`, an edge that becomes the same fact as
  // one `keep` has merges into it (storage/merge_rule.h), edges between the
  // two are dropped; `drop`'s name and aliases become aliases of `keep`
  // (its country and attributes fill what `keep` lacks); `drop` is removed.
  // InvalidArgument when keep == drop; NotFound for an unknown id.
  Result<MergeSummary> merge(ActorId keep, ActorId drop);
  // Adds `alias` to actor `id`. InvalidArgument when empty or without a
  // letter or digit; AlreadyExists when it already names `id` or another
  // actor of the same kind (merge them instead); FailedPrecondition when it
  // names an actor a curator removed (kg undo of that removal puts it back);
  // NotFound for an unknown id. Returns the actor as stored now.
  Result<Actor> addAlias(ActorId id, const std::string& alias);
  // Removes `alias` from actor `id` (and its merged-name record). NotFound
  // when the actor does not have that alias.
  Result<Actor> removeAlias(ActorId id, const std::string& alias);
  // Renames actor `id` to `name`; the old name stays as an alias (so it
  // still resolves; kg actor alias rm removes it). InvalidArgument as
  // addAlias; AlreadyExists when `name` is its name already or names another
  // actor of the same kind; FailedPrecondition when it names a removed actor
  // (as addAlias); NotFound for an unknown id.
  Result<Actor> rename(ActorId id, const std::string& name);
  // Sets kind and/or country. InvalidArgument when neither is given;
  // NotFound for an unknown id.
  Result<Actor> set(ActorId id, std::optional<ActorKind> kind, std::optional<std::string> country);
  // Removes edge `id` with its evidence; its fact stays suppressed. NotFound
  // for an unknown id. Returns the removed edge (with its evidence).
  Result<Edge> removeEdge(EdgeId id);
  // Removes actor `id` and marks it removed: its names keep meaning it (those
  // no other actor has), and edges touching it are dropped from then on, so
  // re-ingest and re-import bring neither back. FailedPrecondition "N edges
  // remain" unless `withEdges`, which removes them too. NotFound for an
  // unknown id.
  Result<RemoveActorSummary> removeActor(ActorId id, bool withEdges);
  // Undoes log record `seq` (the last record when nullopt) as a new logged
  // batch. NotFound: no such record (or an empty log). FailedPrecondition,
  // naming the reason, when the record cannot be undone: it keeps no undo
  // image (written by a kg before undo) or a malformed one, or the store no
  // longer holds what it left (a later command or ingest changed an object
  // it touched: the message names the object and, when one did, the later
  // record to undo first; or the record was already undone). Reads the log
  // once, keeping the record and those after it.
  Result<UndoSummary> undo(std::optional<uint64_t> seq);

  // The curation log, oldest first, each record's details as stored: with
  // its undo image when it has one (a merge's holds every edge it moved,
  // with its evidence, so records can be large). Takes no lock: a command
  // committing meanwhile is seen whole or not at all.
  Result<std::vector<storage::CurationRecord>> log() const;

 private:
  storage::CurationRecord record(const std::string& command, const std::string& details) const;
  // Why `rec`, whose image is `image`, cannot be undone as things stand (""
  // when it can); `later` holds the log records after it, oldest first.
  Result<std::string> undoConflict(const storage::CurationRecord& rec, const UndoImage& image,
                                   std::span<const storage::CurationRecord> later) const;
  Result<Actor> getActor(ActorId id) const;
  // Writes `a` (same id) with the index keys of its names; checks nothing.
  Status rewriteActor(ImageRecorder& rec, const Actor& a);
  // Commits `batch` to `store` (the one withWriteLock handed out) with a
  // log record of `command` and `details` (plus the undo image of
  // `recorder`, which must record `batch`) appended; returns its seq.
  // (LogDetails: the record's JSON details, defined in curation.cpp.)
  struct LogDetails;
  Result<uint64_t> commitLogged(storage::GraphStore& store, storage::WriteBatch& batch, ImageRecorder& recorder,
                                const std::string& command, LogDetails details);
  // An actor of `kind` other than `self` that `name` means; nullopt when none.
  Result<std::optional<Actor>> otherActorNamed(const std::string& name, ActorKind kind, ActorId self) const;

  Engine& engine_;
  CurationContext context_;
};

}  // namespace kg::core
