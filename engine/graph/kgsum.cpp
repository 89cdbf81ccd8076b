#include "graph/kgsum.h"

#include <bit>
#include <cstring>

namespace kg::graph {

namespace {

constexpr uint64_t kSumSeed = 0x2545F4914F6CDD1DULL;
constexpr uint64_t kSumPrime = 0x9E3779B97F4A7C15ULL;

// Each step is a bijection of the word for a given state and of the state
// for a given word, so changing any one word always changes the result.
uint64_t sumStep(uint64_t h, uint64_t w) { return std::rotl((h ^ w) * kSumPrime, 29); }

}  // namespace

// The bytes as little-endian 64-bit words, the last one padded with zeros,
// dealt round-robin to four lanes (independent chains, so the CPU overlaps
// their multiplies); then the fold of the lanes.
uint64_t kgsum64(std::span<const std::byte> bytes) {
  constexpr size_t kLanes = 4;
  uint64_t lane[kLanes];
  for (size_t j = 0; j < kLanes; ++j) lane[j] = kSumSeed + j;
  const std::byte* p = bytes.data();
  const size_t words = bytes.size() / 8;
  size_t i = 0;
  for (; i + kLanes <= words; i += kLanes)
    for (size_t j = 0; j < kLanes; ++j) {
      uint64_t w;
      std::memcpy(&w, p + 8 * (i + j), 8);
      lane[j] = sumStep(lane[j], w);
    }
  for (; i < words; ++i) {
    uint64_t w;
    std::memcpy(&w, p + 8 * i, 8);
    lane[i % kLanes] = sumStep(lane[i % kLanes], w);
  }
  if (bytes.size() % 8) {
    uint64_t w = 0;
    std::memcpy(&w, p + 8 * words, bytes.size() % 8);
    lane[words % kLanes] = sumStep(lane[words % kLanes], w);
  }
  uint64_t h = kSumSeed ^ bytes.size();
  for (uint64_t l : lane) h = sumStep(h, l);
  h ^= h >> 33;
  h *= kSumPrime;
  return h ^ (h >> 29);
}

}  // namespace kg::graph
