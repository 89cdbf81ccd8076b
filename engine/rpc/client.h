// Client: core::GraphApi over a connection to `kgd` (Cap'n Proto RPC). Long
// results are fetched page by page and returned whole; when the server's
// graph changes between pages (a concurrent ingest), the listing starts over
// (a few times at most, then Busy), so a result never mixes two versions of
// a snapshot-based query.
//
// Errors: those the server reports (same codes and messages as a local
// query; a call kgd stopped at its deadline arrives as DeadlineExceeded),
// IOError when the connection fails or a call times out (the Client is
// unusable afterwards; closing it makes kgd stop the call's work).
//
// Thread safety: a Client owns a Cap'n Proto event loop for the thread that
// connected it; use it from that thread only, and have at most one Client
// per thread at a time.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <unordered_map>

#include "core/graph_api.h"

namespace kg::rpc {

struct ClientOptions {
  std::chrono::milliseconds connectTimeout{30000};
  std::chrono::milliseconds timeout{120000};  // per call
  uint32_t pageSize = 0;                      // 0 = the server's default
  size_t maxItems = 10'000'000;               // a listing longer than this is LimitExceeded
  // How long a call polls for its answer before the thread sleeps until it
  // comes: an answer within it is read without waking the thread. Costs at
  // most this much CPU per call, yielding to other runnable threads. 0:
  // sleep at once. engine/rpc/README.md, "Spinning before sleeping".
  std::chrono::microseconds spin{50};
};

class Client final : public core::GraphApi {
 public:
  // Connects to "HOST:PORT" ("localhost:7419", "[::1]:7419") or "unix:PATH".
  // IOError naming the address when nothing answers there.
  static Result<std::unique_ptr<Client>> connect(const std::string& address, ClientOptions options = {});
  Client(const Client&) = delete;
  Client& operator=(const Client&) = delete;
  ~Client() override;

  const std::string& address() const { return address_; }

  Result<storage::StoreStats> stats() override;
  Result<core::GraphSummary> summary() override;
  Result<std::vector<Actor>> resolve(std::string_view name) override;
  Result<Actor> actor(std::string_view name) override;
  Result<Actor> actorById(ActorId id) override;
  Result<std::vector<Actor>> actors(std::optional<ActorKind> kind) override;
  Result<std::vector<Edge>> edges(const core::EdgeQuery& q) override;
  // One call: stats() when core::selectsEveryEdge(q), else the total of a
  // one-edge page of the unlimited listing.
  Result<uint64_t> countEdges(const core::EdgeQuery& q) override;
  // Visits each page's edges as the page arrives, asking for pages of
  // schema maxPageSize unless ClientOptions::pageSize says otherwise; no
  // maxItems cap. When the server's graph changes between pages the listing
  // cannot start over: Busy, after the edges already visited.
  Status forEachEdge(const core::EdgeQuery& q, const std::function<bool(Edge&)>& visit) override;
  // As forEachEdge, for the timeline.
  Status forEachTimelineEdge(const core::TimelineQuery& q, const std::function<bool(Edge&)>& visit) override;
  // Pages of min(q.edgeLimit, schema maxPageSize) edges unless
  // ClientOptions::pageSize says otherwise (the server runs the query again
  // for every page), and no page after the first q.edgeLimit edges.
  Result<core::NeighbourhoodView> neighbours(const core::NeighbourQuery& q) override;
  Result<core::PathsView> paths(const core::PathQuery& q) override;
  Result<std::vector<Edge>> timeline(const core::TimelineQuery& q) override;
  Result<std::vector<Edge>> asOf(const core::AsOfQuery& q) override;
  // With q.progress set, passes kgd a ProgressSink and calls q.progress with
  // each report while the call is waited for, as a local ranking would
  // (at most every 200 ms; the last count may be skipped).
  Result<core::RankView> rank(const core::RankQuery& q) override;
  Result<core::ComponentsView> components(const core::ComponentsQuery& q) override;
  // At most schema maxIngestDocuments (1000) documents per call are sent at
  // once; longer lists go in several calls and the summaries are added up.
  // When a call fails, the error says how many stored articles kgd confirmed
  // before it and which documents' articles may be stored unconfirmed.
  Result<core::IngestSummary> ingest(const std::vector<core::IngestDocument>& docs) override;
  // Called by ingest() after each call kgd answered, and as kgd reports the
  // documents of a call stored so far (schema ProgressSink; a kgd without
  // reports: after each call only): documents of `docs` done, and their
  // number (kg's progress line). Unset: nothing, and no sink is passed.
  void setIngestProgress(std::function<void(uint64_t done, uint64_t total)> progress) {
    ingestProgress_ = std::move(progress);
  }
  std::string nameOf(ActorId id) override;
  Result<core::MergeResult> mergeActors(const std::string& keep, const std::string& drop,
                                        const core::CurationBy& by) override;
  Result<Actor> aliasActor(const std::string& actor, const std::string& alias, bool add,
                           const core::CurationBy& by) override;
  Result<Actor> renameActor(const std::string& actor, const std::string& name, const core::CurationBy& by) override;
  Result<Actor> setActor(const std::string& actor, std::optional<ActorKind> kind, std::optional<std::string> country,
                         const core::CurationBy& by) override;
  Result<core::RemoveActorSummary> removeActor(const std::string& actor, bool withEdges,
                                               const core::CurationBy& by) override;
  Result<Edge> removeEdge(EdgeId id, const core::CurationBy& by) override;
  Result<core::UndoSummary> undo(std::optional<uint64_t> seq, const core::CurationBy& by) override;
  Result<std::vector<storage::CurationRecord>> curationLog() override;

 private:
  struct Impl;
  Client(std::string address, ClientOptions options, std::unique_ptr<Impl> impl);
  // Sends `req` (a call answering `actor` and `error`) and returns its actor.
  template <typename Req>
  Result<Actor> actorResult(Req& req);

  std::string address_;
  ClientOptions options_;
  std::unique_ptr<Impl> impl_;
  std::unordered_map<ActorId, std::string> names_;  // from results seen so far
  std::function<void(uint64_t, uint64_t)> ingestProgress_;
};

}  // namespace kg::rpc
