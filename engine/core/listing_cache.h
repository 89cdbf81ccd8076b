// ListingCache: the item ids of recent paged listings, in listing order, so
// that the pages after a listing's first are read from its ids instead of
// listing the result again (which made a whole-graph listing through kgd cost
// its size times its pages). A listing is kept for one store version: a
// listing of an older version is never answered, and is dropped when one of a
// newer version is kept. Bounded by a number of listings and a byte budget
// (8 bytes an id); the least recently used go first, and a listing larger
// than the budget is not kept (its pages are listed afresh, as before).
//
// Thread safety: every method may be called from any number of threads at
// once (one mutex guards the entries). The id lists are immutable and shared:
// a list found stays valid for its holder after it is dropped here.
#pragma once

#include <cstddef>
#include <cstdint>
#include <list>
#include <memory>
#include <mutex>
#include <vector>

namespace kg::core {

class ListingCache final {
 public:
  using Ids = std::shared_ptr<const std::vector<uint64_t>>;

  static constexpr size_t kDefaultBytes = size_t{256} << 20;  // 32M ids
  static constexpr size_t kDefaultListings = 8;

  explicit ListingCache(size_t byteBudget = kDefaultBytes, size_t maxListings = kDefaultListings)
      : byteBudget_(byteBudget), maxListings_(maxListings) {}
  ListingCache(const ListingCache&) = delete;
  ListingCache& operator=(const ListingCache&) = delete;

  // The ids of listing `listing` read at store version `version`; null when
  // not kept. Marks it most recently used.
  Ids find(uint64_t listing, uint64_t version);
  // Keeps `ids` as listing `listing` at `version` (replacing one kept under
  // the same two), drops every listing of another version, then the least
  // recently used until both bounds hold. Does nothing when `ids` alone is
  // over the byte budget.
  void insert(uint64_t listing, uint64_t version, Ids ids);
  // Listings kept and their bytes (tests, diagnostics).
  size_t listings() const;
  size_t bytes() const;

 private:
  struct Entry {
    uint64_t listing;
    uint64_t version;
    Ids ids;
  };
  static size_t bytesOf(const Entry& e) { return e.ids->size() * sizeof(uint64_t); }

  const size_t byteBudget_;
  const size_t maxListings_;
  mutable std::mutex mu_;
  std::list<Entry> entries_;  // most recently used first; guarded by mu_
  size_t bytes_ = 0;          // guarded by mu_
};

}  // namespace kg::core
