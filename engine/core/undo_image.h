// UndoImage: what one curation batch found and what it left, for every
// object it touched — actors, edges, removed facts, merged names, removed
// actors — kept in the batch's curation log record (details.image) so that
// `kg undo` can check that nothing since depends on the change and put the
// old state back exactly (README.md in this directory, "Undo").
//
// ImageRecorder is a write batch that records as it writes: each operation
// reads the touched object's stored state first (the store does not change
// until the commit), and finish() reads what the batch will leave.
//
// Thread safety: an image is a value (const members are safe from several
// threads, given a store that is); a recorder is used by one thread, from its
// creation until after the commit, inside Engine::withWriteLock.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "model/actor.h"
#include "model/edge.h"
#include "storage/graph_store.h"

namespace kg::core {

struct UndoImage {
  struct ActorState {
    ActorId id = 0;
    std::optional<Actor> before, after;
    std::vector<std::string> beforeKeys;  // the name-index keys it was stored under
  };
  struct EdgeState {
    EdgeId id = 0;
    std::optional<Edge> before;  // with its evidence
    // What the batch left: the header (no evidence) and evidence count.
    std::optional<storage::EdgeHeader> after;
  };
  struct FactState {  // a removed fact (kg edge rm): the removed edge's id, none when not removed
    storage::SuppressedFact fact;
    std::optional<EdgeId> before, after;
  };
  struct NameState {  // a merged name: the actor it means, none when not merged
    std::string key;
    std::optional<ActorId> before, after;
  };
  struct RemovedActorState {  // an actor marked removed (kg actor rm)
    ActorId id = 0;
    bool before = false, after = false;
  };
  // As ImageRecorder::finish makes them: each object once; every edge the
  // batch touched; an actor that existed, a fact, a name or a removal mark
  // only when the batch changed it.
  std::vector<ActorState> actors;
  std::vector<EdgeState> edges;
  std::vector<FactState> facts;
  std::vector<NameState> names;
  std::vector<RemovedActorState> removedActors;

  // The image as the log keeps it, as JSON text (compact, members in name
  // order): strings that are not UTF-8 are written as {"hex": ...}, so the
  // text is always valid and reads back byte for byte.
  std::string toJson() const;
  // Reads what toJson wrote. InvalidArgument ("undo image: " and what is
  // wrong) when `text` is not JSON or not an object, a state lacks a member
  // it needs (its id, fact or key; before; after), or a value has a type it
  // cannot read.
  static Result<UndoImage> fromJson(std::string_view text);

  // The first object the store holds otherwise than this image's `after`
  // says: `what` "actor" or "edge"; `id` that object's id (for a removed fact,
  // its source actor; for a merged name, the actor it should name, else the
  // one it names now); `text` a phrase saying how ("edge 7 (Alpha ASSAULT
  // Gamma) has 3 evidence records where it left 2"). Objects are checked in
  // the order actors, edges, facts, names, removal marks.
  struct Difference {
    std::string what;
    uint64_t id = 0;
    std::string text;
  };
  // nullopt when the store holds everything as `after` says. Reads the store
  // (point reads per object); errors: the store's.
  Result<std::optional<Difference>> firstDifference(const storage::GraphStore& store) const;
  // True when the image touches object `id` of kind `what` as Difference
  // names them: for "actor", the actor itself, its removal mark, a fact of it
  // or a merged name that meant or means it; for "edge", the edge. Any other
  // `what` is taken as "edge".
  bool touches(const std::string& what, uint64_t id) const;
};

// Not copyable or movable: it borrows the store and the batch.
class ImageRecorder {
 public:
  // Borrows `store` and `batch` (a batch of that store), which must outlive
  // it. A write made on the batch directly (other than its log record) is
  // missing from the image, and undo would not reverse it.
  ImageRecorder(const storage::GraphStore& store, storage::WriteBatch& batch) : store_(store), batch_(batch) {}
  ImageRecorder(const ImageRecorder&) = delete;
  ImageRecorder& operator=(const ImageRecorder&) = delete;

  // The batch's operations (storage/graph_store.h), with the batch's results
  // and errors; each also reports the store's errors from reading the
  // touched object's stored state. After a failed operation the image may
  // list the object as touched; a caller drops the batch on any error anyway.
  Status putActor(const Actor& a, const std::vector<std::string>& keys);  // a.id != 0
  Status removeActor(ActorId id);
  // Id 0 (a dropped fact, nothing written) records nothing.
  Result<EdgeId> putEdge(Edge e);
  Status restoreEdge(const Edge& e);  // evidence count = e.evidence.size()
  Status removeEdge(EdgeId id);
  Status suppressFact(const storage::SuppressedFact& f, EdgeId removed);
  Status unsuppressFact(const storage::SuppressedFact& f);
  Status setMergedName(const std::string& key, ActorId actor);  // 0 removes it
  Status setActorRemoved(ActorId id, bool removed);

  // The image of everything touched so far, with what the batch will leave
  // (WriteBatch::writtenEdge); call it after the last write, before the
  // commit. Reads every name key in the store once when an actor that
  // existed was touched (its index keys, restored by an undo). Errors: the
  // store's.
  Result<UndoImage> finish();

 private:
  Status touchActor(ActorId id);
  Status touchEdge(EdgeId id);
  // The state of fact `f`, recorded as the store holds it when first touched;
  // the pointer stays valid as long as the recorder.
  Result<UndoImage::FactState*> touchFact(const storage::SuppressedFact& f);
  // Whether the store marks `f` removed, and the id of the edge its removal took.
  Result<std::optional<EdgeId>> storedFact(const storage::SuppressedFact& f);

  const storage::GraphStore& store_;
  storage::WriteBatch& batch_;
  std::map<ActorId, UndoImage::ActorState> actors_;
  std::map<EdgeId, UndoImage::EdgeState> edges_;
  std::map<std::string, UndoImage::FactState> facts_;  // by a printable fact key
  std::map<std::string, UndoImage::NameState> names_;
  std::map<ActorId, UndoImage::RemovedActorState> removed_;
  // The store's removed facts (by the same key) and the edge each removal
  // took, read when the first fact is touched.
  std::optional<std::map<std::string, EdgeId>> storedFacts_;
};

}  // namespace kg::core
