// ShiftedArray (graph/shifted_array.h): pieces of a file's array moved by
// whole pages, the rest fresh and writable.
#include "graph/shifted_array.h"

#include <catch2/catch.hpp>

#include <fcntl.h>
#include <sys/mman.h>
#include <unistd.h>

#include <cstring>
#include <fstream>
#include <vector>

#include "../support/temp_dir.h"

using namespace kg;
using namespace kg::graph;
using kg::testing::TempDir;

namespace {

// A file of `header` bytes of 0xEE, then `n` uint32 values 1..n.
struct ArrayFile {
  TempDir dir;
  std::string path = dir.sub("array");
  int fd = -1;
  const std::byte* mapped = nullptr;
  size_t bytes = 0;
  ArrayFile(size_t header, size_t n) {
    std::vector<uint32_t> v(n);
    for (size_t i = 0; i < n; ++i) v[i] = static_cast<uint32_t>(i + 1);
    std::ofstream out(path, std::ios::binary);
    const std::string pad(header, '\xEE');
    out.write(pad.data(), static_cast<std::streamsize>(pad.size()));
    out.write(reinterpret_cast<const char*>(v.data()), static_cast<std::streamsize>(n * 4));
    out.close();
    fd = ::open(path.c_str(), O_RDONLY);
    REQUIRE(fd >= 0);
    bytes = header + n * 4;
    void* p = ::mmap(nullptr, bytes, PROT_READ, MAP_SHARED, fd, 0);
    REQUIRE(p != MAP_FAILED);
    mapped = static_cast<const std::byte*>(p);
  }
  ~ArrayFile() {
    ::munmap(const_cast<std::byte*>(mapped), bytes);
    ::close(fd);
  }
};

}  // namespace

TEST_CASE("ShiftedArray: pieces hold the file's elements at their new places, the rest is zero and writable",
          "[graph][overlay]") {
  const size_t page = ShiftedArray::pageBytes();
  const size_t perPage = page / 4;
  for (size_t header : {size_t{64}, size_t{1024}, page}) {  // the array starting mid-page or on one
    INFO("header " << header);
    const size_t n = 10 * perPage + 37;
    ArrayFile f(header, n);
    const auto* source = f.mapped + header;
    // [0, 3000) stays; [3000, 5000) moves by one page's worth; [5000, n) by three.
    const std::vector<ShiftedPiece> pieces = {
        {0, 0, 3000}, {3000, 3000 + perPage, 2000}, {5000, 5000 + 3 * perPage, n - 5000}};
    const size_t slots = n + 3 * perPage + 5;
    auto a = ShiftedArray::make(f.fd, header, source, 4, slots, pieces);
    REQUIRE(a.isOk());
    auto* v = reinterpret_cast<uint32_t*>((*a)->data());
    std::vector<bool> inPiece(slots, false);
    for (const auto& p : pieces)
      for (uint64_t i = 0; i < p.count; ++i) {
        REQUIRE(v[p.to + i] == p.from + i + 1);
        inPiece[p.to + i] = true;
      }
    for (size_t i = 0; i < slots; ++i)
      if (!inPiece[i]) {
        REQUIRE(v[i] == 0);
        v[i] = 7;  // writable
      }
    CHECK((*a)->mappedBytes() > 0);  // whole pages came from the file, not copied
    CHECK((*a)->mappedBytes() + (*a)->copiedBytes() == n * 4);
  }
}

TEST_CASE("ShiftedArray: a piece that is not moved by whole pages, or overlaps, is refused", "[graph][overlay]") {
  const size_t perPage = ShiftedArray::pageBytes() / 4;
  ArrayFile f(64, 4 * perPage);
  const auto* source = f.mapped + 64;
  const ShiftedPiece notWhole[] = {{0, 3, 10}};
  CHECK(ShiftedArray::make(f.fd, 64, source, 4, 8 * perPage, notWhole).status().code() == StatusCode::kInvalidArgument);
  const ShiftedPiece overlapping[] = {{0, 0, 100}, {100, 50, 10}};
  CHECK(ShiftedArray::make(f.fd, 64, source, 4, 8 * perPage, overlapping).status().code() ==
        StatusCode::kInvalidArgument);
  const ShiftedPiece outside[] = {{0, perPage, 4 * perPage}};
  CHECK(ShiftedArray::make(f.fd, 64, source, 4, 4 * perPage, outside).status().code() == StatusCode::kInvalidArgument);
}
