// ShiftedArray: an array whose contents are mostly another array's, moved by
// whole pages, without copying them: the moved pieces are the source file's
// own pages, mapped privately and read-only at their new place; everything
// else is fresh anonymous memory the caller fills. What
// graph/snapshot_overlay.h's overlayChanges builds a merged snapshot's
// arrays with, so that merging a few edges into a mapped 10M-edge snapshot
// does not copy its 360 MB into fresh memory (graph/README.md, "The overlay
// without copying").
//
// Thread safety: make() from any thread; the array is then plain memory.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>

#include "base/status.h"

namespace kg::graph {

// Elements [from, from + count) of the source array, placed at [to, to + count).
struct ShiftedPiece {
  uint64_t from = 0;
  uint64_t to = 0;
  uint64_t count = 0;
};

class ShiftedArray final {
 public:
  // The size of a page, which every piece's shift must be a multiple of.
  static size_t pageBytes();

  // An array of `slots` elements of `elementBytes` bytes. Each piece holds
  // the source's elements: the source array lies at byte `fileOffset` of the
  // open file `fd` and, for the bytes of a piece that only partly fill a
  // page (copied), at `source` in memory. Requires the pieces in increasing
  // order of `to`, not overlapping, inside `slots`, `to >= from`, and
  // (to - from) * elementBytes a multiple of pageBytes(); InvalidArgument
  // naming the piece otherwise. IOError when the system refuses a mapping.
  // The other slots are zero and are the caller's to write through data();
  // the pieces' slots must not be written (the whole pages among them are
  // read-only). The file must not be changed in place while the array lives.
  static Result<std::unique_ptr<ShiftedArray>> make(int fd, uint64_t fileOffset, const std::byte* source,
                                                    size_t elementBytes, size_t slots,
                                                    std::span<const ShiftedPiece> pieces);

  ShiftedArray(const ShiftedArray&) = delete;
  ShiftedArray& operator=(const ShiftedArray&) = delete;
  ~ShiftedArray();

  // The first element; valid while this lives.
  std::byte* data() const { return data_; }
  // Bytes of the pieces mapped from the file, and copied because they
  // only partly fill a page.
  size_t mappedBytes() const { return mapped_; }
  size_t copiedBytes() const { return copied_; }

 private:
  ShiftedArray(void* region, size_t regionBytes, std::byte* data)
      : region_(region), regionBytes_(regionBytes), data_(data) {}
  void* region_;
  size_t regionBytes_;
  std::byte* data_;
  size_t mapped_ = 0, copied_ = 0;
};

}  // namespace kg::graph
