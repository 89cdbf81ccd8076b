// LoadPipeline: the second stage of `kg import` (README "Import pipeline").
// The importing thread parses rows and resolves their actors; it fills the
// edges it makes into batches here, and a loader thread hands every edge,
// in the order they were filled, to BulkLoader::putEdge (the fact merge,
// string interning and evidence bookkeeping), so parsing the next rows
// overlaps merging the last ones. Edge ids are handed out by putEdge, so
// they are the same as when one thread does both.
//
// Thread safety: one importing thread calls slot(), close() and the
// destructor; the loader thread is this class's own. While it runs, the
// importing thread may call BulkLoader::putActor (graph_store.h allows that
// one call beside putEdge) but nothing else of the loader; after close()
// returns the loader belongs to the importing thread again (finish()).
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "base/status.h"
#include "model/edge.h"
#include "storage/graph_store.h"

namespace kg::core::importing {

class LoadPipeline {
 public:
  // Starts the loader thread. Borrows `loader`, which must outlive this.
  // `batchEdges` edges go to the loader thread at a time, and at most
  // `batches` batches are filled or waiting (the importing thread waits for
  // a free one): memory stays bounded whatever the input's size.
  explicit LoadPipeline(storage::BulkLoader& loader, size_t batchEdges = 2048, size_t batches = 4);
  // Cancels: the loader thread stops before its next edge, batches not yet
  // loaded are dropped, and the thread is joined. The loader is left with
  // some prefix of the edges; a caller that did not close() destroys it
  // without finish() (so nothing is stored).
  ~LoadPipeline();
  LoadPipeline(const LoadPipeline&) = delete;
  LoadPipeline& operator=(const LoadPipeline&) = delete;

  // The next edge to fill: a reused object (its strings and evidence keep
  // their capacity from earlier edges; the caller assigns every field
  // putEdge reads). Valid until the next slot() or close(). Fails with the
  // loader thread's first error (putEdge's), after which nothing more is
  // loaded and the import must stop.
  Result<Edge*> slot();
  // Hands the last batch over, waits until the loader thread has put every
  // edge and joins it. Returns its first error, if any. Call once; slot()
  // may not be called afterwards.
  Status close();

 private:
  struct Batch {
    std::vector<Edge> edges;  // the first `used` are filled
    size_t used = 0;
  };
  void run();  // the loader thread
  // Queues current_ for the loader thread and takes a free batch (waiting
  // for one); the loader thread's error when it has failed.
  Status handOver(bool last);

  storage::BulkLoader& loader_;
  const size_t batchEdges_;
  std::vector<std::unique_ptr<Batch>> all_;  // owns every batch
  Batch* current_ = nullptr;                 // being filled: importing thread only

  std::mutex mu_;
  std::condition_variable filled_;  // full_ grew, or closing_/cancelled_ set
  std::condition_variable freed_;   // free_ grew, or the loader thread failed
  std::deque<Batch*> full_;         // guarded by mu_: in fill order
  std::vector<Batch*> free_;        // guarded by mu_
  Status error_;                    // guarded by mu_: putEdge's first error
  bool failed_ = false;             // guarded by mu_
  bool closing_ = false;            // guarded by mu_: no batch follows those in full_
  // Set under mu_ (so a waiting loader thread sees it), read without it
  // between edges.
  std::atomic<bool> cancelled_{false};
  bool closed_ = false;             // importing thread only
  std::thread thread_;              // last: started once the members above exist
};

}  // namespace kg::core::importing
