#include "rpc/loop_inbox.h"

#include <kj/debug.h>
#include <sys/eventfd.h>
#include <unistd.h>

#include <cerrno>

namespace kg::rpc {

LoopInbox::LoopInbox() { KJ_SYSCALL(fd_ = ::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK)); }

LoopInbox::~LoopInbox() {
  if (fd_ >= 0) ::close(fd_);
}

bool LoopInbox::post(std::function<void()> fn) {
  bool wake = false;
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (closed_) return false;
    // A queue that already held closures has a wake-up on its way (its first
    // poster's), and the loop takes the whole queue after reading it.
    wake = queue_.empty();
    queue_.push_back(std::move(fn));
  }
  if (wake) {
    const uint64_t one = 1;
    // The fd lives as long as the inbox, which the caller holds. It can only
    // fail with EAGAIN (the counter near 2^64), when the loop is woken anyway.
    ssize_t n;
    do n = ::write(fd_, &one, sizeof(one));
    while (n < 0 && errno == EINTR);
  }
  return true;
}

kj::Promise<void> LoopInbox::serve(kj::LowLevelAsyncIoProvider& lowLevel, LoopActivity* activity) {
  // Not TAKE_OWNERSHIP: the fd stays open for posters until the inbox goes.
  auto in = lowLevel.wrapInputFd(
      fd_, kj::LowLevelAsyncIoProvider::ALREADY_CLOEXEC | kj::LowLevelAsyncIoProvider::ALREADY_NONBLOCK);
  kj::AsyncInputStream& ref = *in;
  return drain(ref, activity).attach(kj::mv(in));
}

kj::Promise<void> LoopInbox::drain(kj::AsyncInputStream& in, LoopActivity* activity) {
  // Reading the eventfd resets its counter; the queue is taken after that
  // read, so a closure posted later wakes the next read.
  return in.read(&wakeBuffer_, sizeof(wakeBuffer_)).then([this, &in, activity]() {
    std::deque<std::function<void()>> batch;
    {
      std::lock_guard<std::mutex> lock(mu_);
      batch.swap(queue_);
    }
    for (auto& fn : batch) fn();
    if (activity != nullptr) activity->note();
    return drain(in, activity);
  });
}

void LoopInbox::close() {
  std::deque<std::function<void()>> dropped;
  {
    std::lock_guard<std::mutex> lock(mu_);
    closed_ = true;
    dropped.swap(queue_);
  }
}

}  // namespace kg::rpc
