// The snapshot file loader (graph/snapshot_file.h, openSnapshotFile): a
// damaged, truncated or garbled file is Corruption (or NotFound/IOError),
// never a crash, a hang or an allocation sized by its bytes; a file it
// accepts with a full check can be walked whole without reading out of
// bounds.
//
// Input: one selector byte, then the file's bytes. Selector bit 0: open with
// SnapshotVerify::kHeader instead of kFull (the header-only open promises
// nothing about the arrays' contents, so its snapshot is not walked). Bit 1:
// before opening, recompute the checksums the file carries (kgsum64,
// FORMAT.md) for the array table entries that lie inside the file and then
// the header's, so that mutations reach the checks behind the checksums
// (sizes, offsets, row arrays, the arrays' contents).
#include <sys/mman.h>
#include <unistd.h>

#include <algorithm>
#include <bit>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

#include "fuzz_input.h"
#include "graph/snapshot_file.h"

namespace {

// kgsum64 as FORMAT.md specifies it (written again here, from the
// specification, so that the fuzzer does not borrow the code it tests).
uint64_t kgsum64(const unsigned char* p, size_t n) {
  constexpr uint64_t kSeed = 0x2545F4914F6CDD1DULL, kPrime = 0x9E3779B97F4A7C15ULL;
  auto step = [](uint64_t h, uint64_t w) { return std::rotl((h ^ w) * kPrime, 29); };
  uint64_t lane[4];
  for (int j = 0; j < 4; ++j) lane[j] = kSeed + static_cast<uint64_t>(j);
  const size_t words = (n + 7) / 8;
  for (size_t i = 0; i < words; ++i) {
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

// Header layout (FORMAT.md "Graph snapshot file").
constexpr size_t kTable = 120, kSections = 14, kEntry = 24, kHeaderSum = 456;

void fixChecksums(std::string* file) {
  auto* b = reinterpret_cast<unsigned char*>(file->data());
  const size_t n = file->size();
  if (n < kHeaderSum + 8) return;
  for (size_t i = 0; i < kSections; ++i) {
    unsigned char* entry = b + kTable + i * kEntry;
    uint64_t offset, bytes;
    std::memcpy(&offset, entry, 8);
    std::memcpy(&bytes, entry + 8, 8);
    if (offset > n || bytes > n - offset) continue;
    const uint64_t sum = kgsum64(b + offset, bytes);
    std::memcpy(entry + 16, &sum, 8);
  }
  const uint64_t sum = kgsum64(b, kHeaderSum);
  std::memcpy(b + kHeaderSum, &sum, 8);
}

// Reads every element a query can reach, the way the query code does, and
// aborts when an index the queries follow unchecked leaves its array: reads
// past a mapped array stay inside the mapping's last page, where neither
// AddressSanitizer nor a fault would see them.
void require(bool ok, const char* what) {
  if (!ok) {
    std::fprintf(stderr, "fuzz_snapshot: an accepted snapshot breaks: %s\n", what);
    std::abort();
  }
}

uint64_t walk(const kg::graph::Snapshot& s) {
  uint64_t acc = 0;
  const size_t vertices = s.vertexCount(), edges = s.edgeCount();
  for (kg::graph::VertexId v = 0; v < vertices; ++v) {
    acc += s.actorId(v);
    require(s.outBegin(v) <= s.outEnd(v) && s.outEnd(v) <= edges, "out rows");
    require(s.inBegin(v) <= s.inEnd(v) && s.inEnd(v) <= edges, "in rows");
    for (auto e = s.outBegin(v); e < s.outEnd(v); ++e) {
      require(s.target(e) < vertices, "target below V");
      acc += s.actorId(s.target(e)) + s.edgeId(e) + s.evidenceCount(e) + s.cameoKey(e) + s.confidenceByte(e);
      acc += static_cast<uint64_t>(s.type(e)) + static_cast<uint64_t>(s.source(e));
      if (s.dated(e)) acc += static_cast<uint64_t>(s.dateRange(e).from.days());
    }
    for (auto pos = s.inBegin(v); pos < s.inEnd(v); ++pos) {
      require(s.inSource(pos) < vertices && s.inEdge(pos) < edges, "reverse entries in range");
      acc += s.actorId(s.inSource(pos)) + s.edgeId(s.inEdge(pos));
    }
    require(s.vertexOf(s.actorId(v)) == v, "actor ids sorted");
  }
  return acc;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text = kg::fuzz::asText(data, size);
  const uint8_t which = kg::fuzz::selector(&text);
  std::string file(text);
  if (which & 2) fixChecksums(&file);
  // The loader maps a path: an anonymous in-memory file, opened by its
  // /proc name, leaves nothing on disk.
  const int fd = ::memfd_create("fuzz_snapshot", MFD_CLOEXEC);
  if (fd < 0) return 0;
  if (::write(fd, file.data(), file.size()) == static_cast<ssize_t>(file.size())) {
    const auto verify = (which & 1) ? kg::graph::SnapshotVerify::kHeader : kg::graph::SnapshotVerify::kFull;
    auto opened = kg::graph::openSnapshotFile("/proc/self/fd/" + std::to_string(fd), verify);
    if (opened && verify == kg::graph::SnapshotVerify::kFull) {
      volatile uint64_t sink = walk(*opened->snapshot);
      (void)sink;
    }
  }
  ::close(fd);
  return 0;
}
