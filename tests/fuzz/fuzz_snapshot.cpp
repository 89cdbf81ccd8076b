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
#include "../support/snapshot_spec.h"

namespace {

void fixChecksums(std::string* file) {
  kg::testing::resumSnapshot(reinterpret_cast<unsigned char*>(file->data()), file->size());
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
    // The run index steers the filtered scans' searches inside the rows.
    for (int in = 0; in < 2; ++in) {
      const uint32_t* starts = in ? s.inRunStarts(v) : s.outRunStarts(v);
      if (starts == nullptr) continue;
      const uint32_t begin = in ? s.inBegin(v) : s.outBegin(v), end = in ? s.inEnd(v) : s.outEnd(v);
      for (size_t t = 0; t <= kg::graph::kRunTypes; ++t)
        require(starts[t] >= (t ? starts[t - 1] : begin) && starts[t] <= end, "type-run starts inside the row");
    }
  }
  for (unsigned t = 0; t < kg::graph::kRunTypes; ++t) acc += static_cast<uint64_t>(s.typeSpan(t));
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
