#include "graph/shifted_array.h"

#include <sys/mman.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <string>

namespace kg::graph {

size_t ShiftedArray::pageBytes() {
  static const size_t page = static_cast<size_t>(::sysconf(_SC_PAGESIZE));
  return page;
}

ShiftedArray::~ShiftedArray() {
  if (region_ != nullptr) ::munmap(region_, regionBytes_);
}

Result<std::unique_ptr<ShiftedArray>> ShiftedArray::make(int fd, uint64_t fileOffset, const std::byte* source,
                                                         size_t elementBytes, size_t slots,
                                                         std::span<const ShiftedPiece> pieces) {
  const size_t page = pageBytes();
  auto bad = [](size_t i, const std::string& what) {
    return Status::invalidArgument("shifted array: piece " + std::to_string(i) + " " + what);
  };
  uint64_t next = 0;
  for (size_t i = 0; i < pieces.size(); ++i) {
    const ShiftedPiece& p = pieces[i];
    if (p.to < next || p.to + p.count > slots) return bad(i, "overlaps another or lies outside the array");
    if (p.to < p.from || (p.to - p.from) * elementBytes % page != 0) return bad(i, "is not moved by whole pages");
    next = p.to + p.count;
  }
  // The region starts where the source's first page would, so that a shift
  // by whole pages keeps every piece on the file's page boundaries.
  const size_t head = static_cast<size_t>(fileOffset % page);
  const size_t regionBytes = (head + std::max<size_t>(slots * elementBytes, 1) + page - 1) / page * page;
  void* region =
      ::mmap(nullptr, regionBytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  if (region == MAP_FAILED)
    return Status::ioError("shifted array: cannot reserve " + std::to_string(regionBytes) +
                           " bytes: " + std::strerror(errno));
  std::unique_ptr<ShiftedArray> out(new ShiftedArray(region, regionBytes, static_cast<std::byte*>(region) + head));
  const auto pageUp = [&](uintptr_t a) { return (a + page - 1) / page * page; };
  const auto pageDown = [&](uintptr_t a) { return a / page * page; };
  for (const ShiftedPiece& p : pieces) {
    if (p.count == 0) continue;
    std::byte* lo = out->data_ + p.to * elementBytes;
    std::byte* hi = lo + p.count * elementBytes;
    const std::byte* src = source + p.from * elementBytes;
    auto* fullLo = reinterpret_cast<std::byte*>(pageUp(reinterpret_cast<uintptr_t>(lo)));
    auto* fullHi = reinterpret_cast<std::byte*>(pageDown(reinterpret_cast<uintptr_t>(hi)));
    if (fullLo >= fullHi) {  // no whole page: copy it all
      std::memcpy(lo, src, static_cast<size_t>(hi - lo));
      out->copied_ += static_cast<size_t>(hi - lo);
      continue;
    }
    const auto offset = static_cast<off_t>(fileOffset + p.from * elementBytes + static_cast<uint64_t>(fullLo - lo));
    if (::mmap(fullLo, static_cast<size_t>(fullHi - fullLo), PROT_READ, MAP_PRIVATE | MAP_FIXED, fd, offset) ==
        MAP_FAILED)
      return Status::ioError("shifted array: cannot map " + std::to_string(fullHi - fullLo) + " bytes of the file at " +
                             std::to_string(offset) + ": " + std::strerror(errno));
    std::memcpy(lo, src, static_cast<size_t>(fullLo - lo));
    std::memcpy(fullHi, src + (fullHi - lo), static_cast<size_t>(hi - fullHi));
    out->mapped_ += static_cast<size_t>(fullHi - fullLo);
    out->copied_ += static_cast<size_t>((fullLo - lo) + (hi - fullHi));
  }
  return out;
}

}  // namespace kg::graph
