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
// Thread safety: an image is a value; a recorder is used by one thread that
// holds the engine's write mutex from its creation until after the commit.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

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
  std::vector<ActorState> actors;
  std::vector<EdgeState> edges;
  std::vector<FactState> facts;
  std::vector<NameState> names;
  std::vector<RemovedActorState> removedActors;

  nlohmann::json toJson() const;
  // InvalidArgument naming the malformed part.
  static Result<UndoImage> fromJson(const nlohmann::json& j);

  // The first object the store holds otherwise than this image's `after`
  // says: "actor" or "edge", its id (for a fact or a merged name, the actor
  // it names), and a phrase saying how ("edge 7 (Alpha ASSAULT Gamma) has 3
  // evidence records where it left 2").
  struct Difference {
    std::string what;
    uint64_t id = 0;
    std::string text;
  };
  // nullopt when the store holds everything as `after` says. Errors: the store's.
  Result<std::optional<Difference>> firstDifference(const storage::GraphStore& store) const;
  // True when the image touches actor or edge `id` of that kind, or a fact
  // or merged name of actor `id` ("actor"/"edge").
  bool touches(const std::string& what, uint64_t id) const;
};

class ImageRecorder {
 public:
  // Borrows `store` and `batch` (a batch of that store), which must outlive it.
  ImageRecorder(const storage::GraphStore& store, storage::WriteBatch& batch) : store_(store), batch_(batch) {}
  ImageRecorder(const ImageRecorder&) = delete;
  ImageRecorder& operator=(const ImageRecorder&) = delete;

  // The batch's operations (storage/graph_store.h), recording what they touch.
  Status putActor(const Actor& a, const std::vector<std::string>& keys);  // a.id != 0
  Status removeActor(ActorId id);
  Result<EdgeId> putEdge(Edge e);
  Status restoreEdge(const Edge& e);  // evidence count = e.evidence.size()
  Status removeEdge(EdgeId id);
  Status suppressFact(const storage::SuppressedFact& f, EdgeId removed);
  Status unsuppressFact(const storage::SuppressedFact& f);
  Status setMergedName(const std::string& key, ActorId actor);  // 0 removes it
  Status setActorRemoved(ActorId id, bool removed);

  // Whether the store marks `f` removed, and the id of the edge its removal took.
  Result<std::optional<EdgeId>> storedFact(const storage::SuppressedFact& f);

  // The image of everything touched so far, with what the batch will leave.
  Result<UndoImage> finish();

 private:
  Status touchActor(ActorId id);
  Status touchEdge(EdgeId id);
  Status loadFacts();

  const storage::GraphStore& store_;
  storage::WriteBatch& batch_;
  std::map<ActorId, UndoImage::ActorState> actors_;
  std::map<EdgeId, UndoImage::EdgeState> edges_;
  std::map<std::string, UndoImage::FactState> facts_;  // by a printable fact key
  std::map<std::string, UndoImage::NameState> names_;
  std::map<ActorId, UndoImage::RemovedActorState> removed_;
  bool factsLoaded_ = false;
  std::map<std::string, EdgeId> storedFacts_;
};

}  // namespace kg::core
