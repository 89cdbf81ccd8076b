#include "core/load_pipeline.h"

#include <cassert>

namespace kg::core::importing {

LoadPipeline::LoadPipeline(storage::BulkLoader& loader, size_t batchEdges, size_t batches)
    : loader_(loader), batchEdges_(batchEdges == 0 ? 1 : batchEdges) {
  if (batches < 2) batches = 2;  // one filling while one loads
  for (size_t i = 0; i < batches; ++i) {
    all_.push_back(std::make_unique<Batch>());
    all_.back()->edges.resize(batchEdges_);
    free_.push_back(all_.back().get());
  }
  current_ = free_.back();
  free_.pop_back();
  thread_ = std::thread([this] { run(); });
}

LoadPipeline::~LoadPipeline() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    cancelled_.store(true, std::memory_order_relaxed);
  }
  filled_.notify_all();
  if (thread_.joinable()) thread_.join();
}

Result<Edge*> LoadPipeline::slot() {
  assert(!closed_);
  if (current_->used == batchEdges_) KG_RETURN_IF_ERROR(handOver(false));
  return &current_->edges[current_->used++];
}

Status LoadPipeline::handOver(bool last) {
  std::unique_lock<std::mutex> lock(mu_);
  if (failed_) return error_;
  if (current_->used > 0) {
    full_.push_back(current_);
    current_ = nullptr;
  }
  if (last) {
    closing_ = true;
    filled_.notify_one();
    return Status::ok();
  }
  filled_.notify_one();
  freed_.wait(lock, [&] { return !free_.empty() || failed_; });
  if (failed_) return error_;
  current_ = free_.back();
  free_.pop_back();
  current_->used = 0;
  return Status::ok();
}

Status LoadPipeline::close() {
  assert(!closed_);
  closed_ = true;
  Status handed = handOver(true);
  if (thread_.joinable()) thread_.join();
  std::lock_guard<std::mutex> lock(mu_);
  if (failed_) return error_;
  return handed;
}

void LoadPipeline::run() {
  std::unique_lock<std::mutex> lock(mu_);
  while (true) {
    filled_.wait(lock, [&] { return !full_.empty() || closing_ || cancelled_.load(std::memory_order_relaxed); });
    if (cancelled_.load(std::memory_order_relaxed)) break;
    if (full_.empty()) break;  // closing, and every batch is loaded
    Batch* b = full_.front();
    full_.pop_front();
    lock.unlock();
    // The batch is this thread's until it goes back to free_: the mutex
    // hand-over orders the importing thread's writes before these reads.
    Status st = Status::ok();
    for (size_t i = 0; i < b->used && st.isOk() && !cancelled_.load(std::memory_order_relaxed); ++i) {
      auto id = loader_.putEdge(b->edges[i]);
      if (!id) st = id.status();
    }
    lock.lock();
    free_.push_back(b);
    if (!st.isOk()) {
      error_ = st;
      failed_ = true;
      freed_.notify_all();
      break;
    }
    freed_.notify_one();
  }
}

}  // namespace kg::core::importing
