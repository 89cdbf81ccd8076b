#include "core/listing_cache.h"

namespace kg::core {

ListingCache::Ids ListingCache::find(uint64_t listing, uint64_t version) {
  std::lock_guard<std::mutex> lock(mu_);
  for (auto it = entries_.begin(); it != entries_.end(); ++it) {
    if (it->listing != listing || it->version != version) continue;
    entries_.splice(entries_.begin(), entries_, it);
    return entries_.front().ids;
  }
  return nullptr;
}

void ListingCache::insert(uint64_t listing, uint64_t version, Ids ids) {
  if (!ids || ids->size() * sizeof(uint64_t) > byteBudget_ || maxListings_ == 0) return;
  std::lock_guard<std::mutex> lock(mu_);
  for (auto it = entries_.begin(); it != entries_.end();) {
    if (it->version != version || it->listing == listing) {
      bytes_ -= bytesOf(*it);
      it = entries_.erase(it);
    } else {
      ++it;
    }
  }
  entries_.push_front(Entry{listing, version, std::move(ids)});
  bytes_ += bytesOf(entries_.front());
  while (entries_.size() > maxListings_ || bytes_ > byteBudget_) {
    bytes_ -= bytesOf(entries_.back());
    entries_.pop_back();
  }
}

size_t ListingCache::listings() const {
  std::lock_guard<std::mutex> lock(mu_);
  return entries_.size();
}

size_t ListingCache::bytes() const {
  std::lock_guard<std::mutex> lock(mu_);
  return bytes_;
}

}  // namespace kg::core
