// The graph snapshot file's checksums as engine/storage/FORMAT.md ("Graph
// snapshot file") specifies them, written from the specification for the
// tests that damage files on purpose (tests/graph/snapshot_file_test.cpp,
// tests/fuzz/fuzz_snapshot.cpp): an oracle independent of the code under
// test, so those tests do not borrow the checksum they check.
//
// Pure functions; safe from any thread.
#pragma once

#include <algorithm>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>

namespace kg::testing {

// Header layout (version 2): the array table at 120, 24 bytes an entry
// (offset, bytes, checksum) for 17 arrays; R at 528; the header checksum at
// 536, of the 536 bytes before it.
inline constexpr size_t kSnapshotTable = 120, kSnapshotArrays = 17, kSnapshotEntry = 24, kSnapshotHeaderSum = 536;

// kgsum64 of the `n` bytes at `p`.
inline uint64_t kgsum64(const void* data, size_t n) {
  const auto* p = static_cast<const unsigned char*>(data);
  constexpr uint64_t kSeed = 0x2545F4914F6CDD1DULL, kPrime = 0x9E3779B97F4A7C15ULL;
  auto step = [](uint64_t h, uint64_t w) { return std::rotl((h ^ w) * kPrime, 29); };
  uint64_t lane[4] = {kSeed, kSeed + 1, kSeed + 2, kSeed + 3};
  for (size_t i = 0; i < (n + 7) / 8; ++i) {
    uint64_t w = 0;
    std::memcpy(&w, p + 8 * i, std::min<size_t>(8, n - 8 * i));
    lane[i % 4] = step(lane[i % 4], w);
  }
  uint64_t h = kSeed ^ n;
  for (uint64_t l : lane) h = step(h, l);
  h ^= h >> 33;
  h *= kPrime;
  return h ^ (h >> 29);
}

// Makes every checksum of the snapshot file bytes [b, b + n) match its
// bytes again, so that only the content checks can see damage done to them.
// An array entry whose range leaves the file is skipped; a file too short
// for a header is left as it is.
inline void resumSnapshot(unsigned char* b, size_t n) {
  if (n < kSnapshotHeaderSum + 8) return;
  for (size_t i = 0; i < kSnapshotArrays; ++i) {
    unsigned char* entry = b + kSnapshotTable + i * kSnapshotEntry;
    uint64_t offset, bytes;
    std::memcpy(&offset, entry, 8);
    std::memcpy(&bytes, entry + 8, 8);
    if (offset > n || bytes > n - offset) continue;
    const uint64_t sum = kgsum64(b + offset, bytes);
    std::memcpy(entry + 16, &sum, 8);
  }
  const uint64_t sum = kgsum64(b, kSnapshotHeaderSum);
  std::memcpy(b + kSnapshotHeaderSum, &sum, 8);
}

}  // namespace kg::testing
