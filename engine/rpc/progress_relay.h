// ProgressRelay: carries the progress of one call's work from the worker
// thread doing it to the event loop that reports it to the client's
// ProgressSink (schema/actorgraph.capnp). Internal to kg_rpc (it exposes KJ
// types).
//
// Why a relay: a capability may only be called on the event loop thread
// that owns its connection, and the work runs on a worker thread that must
// never wait for a client. So the worker only stores the newest counts (a
// mutex held for a few assignments) and, when the loop is waiting for news,
// wakes it through a cross-thread fulfiller -- the mechanism that already
// hands each call's answer back to the loop. The loop takes the newest
// counts when it is ready to send another report; counts stored meanwhile
// replace each other (what was not sent is dropped, never queued).
//
// Thread safety: update() from any thread; next() on one event loop thread,
// one next() pending at a time.
#pragma once

#include <kj/async.h>

#include <cstdint>
#include <memory>
#include <mutex>
#include <string>

#include "rpc/loop_inbox.h"

namespace kg::rpc {

class ProgressRelay final : public std::enable_shared_from_this<ProgressRelay> {
 public:
  struct Counts {
    uint64_t done = 0;
    uint64_t total = 0;   // 0 = not known
    std::string what;     // the unit: "sources", "iterations", "documents"
  };

  // `inbox` is the event loop's that calls next().
  explicit ProgressRelay(std::shared_ptr<LoopInbox> inbox) : inbox_(std::move(inbox)) {}
  ProgressRelay(const ProgressRelay&) = delete;
  ProgressRelay& operator=(const ProgressRelay&) = delete;

  // Stores the newest counts and wakes a pending next(). Never blocks on the
  // event loop or the client.
  void update(uint64_t done, uint64_t total, const char* what);
  // The newest counts, once there are counts that next() has not returned
  // yet (at once when there are). The promise belongs to the calling event
  // loop and must not outlive the relay; dropping it is safe while update()
  // runs elsewhere. The relay must be held by a std::shared_ptr.
  kj::Promise<Counts> next();

 private:
  Counts takeLocked();

  const std::shared_ptr<LoopInbox> inbox_;
  std::mutex mu_;
  Counts latest_;         // guarded by mu_
  bool fresh_ = false;    // latest_ not yet taken; guarded by mu_
  bool waiting_ = false;  // a next() waits and nobody has woken it yet; guarded by mu_
  // The pending next()'s fulfiller: set, read and cleared on the loop's
  // thread only (so never destroyed elsewhere).
  kj::PromiseFulfiller<void>* wake_ = nullptr;
};

}  // namespace kg::rpc
