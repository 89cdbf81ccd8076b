// Verification records (graph/verification_record.h): a record names one
// version of one file in one boot; any change made to the file through the
// file system since — even one that keeps its size and puts its modification
// time back — makes it name another version.
#include <catch2/catch.hpp>

#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <vector>

#include "../support/file_damage.h"
#include "../support/snapshot_spec.h"
#include "../support/temp_dir.h"
#include "graph/kgsum.h"
#include "graph/verification_record.h"

using namespace kg::graph;
using kg::testing::TempDir;
using std::chrono::milliseconds;

namespace {

constexpr milliseconds kSettle{30};

void writeFile(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
}

std::vector<char> readBytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void writeBytes(const std::string& path, const std::vector<char>& bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

// The version of the file at `path` now, with `digest`.
FileVersion versionOf(const std::string& path, uint64_t digest = 42) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  REQUIRE(fd >= 0);
  auto v = fileVersion(fd, digest);
  ::close(fd);
  REQUIRE(v.has_value());  // Linux has a boot id
  return *v;
}

// The file at `path`, settled, recorded as verified.
FileVersion recorded(const std::string& path) {
  kg::testing::waitSettled(path, kSettle);
  const FileVersion v = versionOf(path);
  REQUIRE(recordVerified(path, v, std::chrono::system_clock::now(), kSettle));
  return v;
}

}  // namespace

TEST_CASE("kgsum64: the code computes the checksum FORMAT.md specifies", "[graph][verify]") {
  std::vector<std::byte> bytes(300);
  for (size_t i = 0; i < bytes.size(); ++i) bytes[i] = static_cast<std::byte>(i * 37 + 11);
  for (size_t n : {0, 1, 7, 8, 9, 31, 32, 33, 299, 300})
    CHECK(kgsum64(std::span(bytes.data(), n)) == kg::testing::kgsum64(bytes.data(), n));
}

TEST_CASE("VerificationRecord: a recorded version is recognised, and no other", "[graph][verify]") {
  TempDir dir;
  const std::string path = dir.sub("file");
  writeFile(path, "the verified contents");
  REQUIRE_FALSE(isRecordedVerified(path, versionOf(path)));  // no record yet
  const FileVersion v = recorded(path);
  CHECK(std::filesystem::exists(verificationRecordPath(path)));
  CHECK(isRecordedVerified(path, v));
  CHECK(isRecordedVerified(path, versionOf(path)));
  // Each field names the version: any one changed is another version.
  auto other = [&](auto change) {
    FileVersion w = v;
    change(w);
    return isRecordedVerified(path, w);
  };
  CHECK_FALSE(other([](FileVersion& w) { w.digest ^= 1; }));
  CHECK_FALSE(other([](FileVersion& w) { w.bootId[0] = w.bootId[0] == '0' ? '1' : '0'; }));
  CHECK_FALSE(other([](FileVersion& w) { ++w.device; }));
  CHECK_FALSE(other([](FileVersion& w) { ++w.inode; }));
  CHECK_FALSE(other([](FileVersion& w) { ++w.size; }));
  CHECK_FALSE(other([](FileVersion& w) { ++w.mtimeNsec; }));
  CHECK_FALSE(other([](FileVersion& w) { ++w.ctimeSec; }));
  CHECK_FALSE(other([](FileVersion& w) { ++w.ctimeNsec; }));
}

TEST_CASE("VerificationRecord: a change through the file system makes the file another version", "[graph][verify]") {
  TempDir dir;
  const std::string path = dir.sub("file");
  writeFile(path, "the verified contents, long enough to damage in the middle");
  const FileVersion v = recorded(path);
  SECTION("bytes flipped in place, size kept, modification time put back") {
    kg::testing::flipInPlace(path, 20);
    const FileVersion now = versionOf(path);
    CHECK(now.size == v.size);
    CHECK(now.mtimeSec == v.mtimeSec);
    CHECK(now.mtimeNsec == v.mtimeNsec);
    CHECK_FALSE(isRecordedVerified(path, now));  // its ctime moved
  }
  SECTION("rewritten with the same bytes") {
    writeFile(path, "the verified contents, long enough to damage in the middle");
    CHECK_FALSE(isRecordedVerified(path, versionOf(path)));
  }
  SECTION("truncated") {
    std::filesystem::resize_file(path, 10);
    CHECK_FALSE(isRecordedVerified(path, versionOf(path)));
  }
  SECTION("replaced by another file renamed over it") {
    const std::string next = dir.sub("next");
    writeFile(next, "the verified contents, long enough to damage in the middle");
    std::filesystem::rename(next, path);
    CHECK_FALSE(isRecordedVerified(path, versionOf(path)));
  }
  SECTION("a copy of it, with the record copied beside it") {
    const std::string copy = dir.sub("copy");
    std::filesystem::copy_file(path, copy);
    std::filesystem::copy_file(verificationRecordPath(path), verificationRecordPath(copy));
    CHECK_FALSE(isRecordedVerified(copy, versionOf(copy)));
  }
}

TEST_CASE("VerificationRecord: a file changed within the settle time is not recorded", "[graph][verify]") {
  TempDir dir;
  const std::string path = dir.sub("file");
  writeFile(path, "just written");
  const FileVersion v = versionOf(path);
  // Its ctime is less than an hour before now: a change in the same clock
  // tick could keep it, so the record could not tell the versions apart.
  CHECK_FALSE(recordVerified(path, v, std::chrono::system_clock::now(), std::chrono::hours(1)));
  CHECK_FALSE(std::filesystem::exists(verificationRecordPath(path)));
  CHECK_FALSE(isRecordedVerified(path, v));
}

TEST_CASE("VerificationRecord: a damaged, truncated or foreign record counts as none", "[graph][verify]") {
  TempDir dir;
  const std::string path = dir.sub("file");
  writeFile(path, "the verified contents");
  const FileVersion v = recorded(path);
  const std::string record = verificationRecordPath(path);
  const std::vector<char> good = readBytes(record);
  REQUIRE(good.size() == 128);  // FORMAT.md "Verification record"
  SECTION("a bit flipped") {
    std::vector<char> b = good;
    b[70] ^= 0x01;
    writeBytes(record, b);
    CHECK_FALSE(isRecordedVerified(path, v));
  }
  SECTION("truncated") {
    writeBytes(record, std::vector<char>(good.begin(), good.begin() + 100));
    CHECK_FALSE(isRecordedVerified(path, v));
  }
  SECTION("longer") {
    std::vector<char> b = good;
    b.push_back(0);
    writeBytes(record, b);
    CHECK_FALSE(isRecordedVerified(path, v));
  }
  SECTION("another record version, its checksum matching") {
    std::vector<char> b = good;
    b[8] = 2;
    const uint64_t sum = kg::testing::kgsum64(b.data(), 120);
    std::memcpy(&b[120], &sum, 8);
    writeBytes(record, b);
    CHECK_FALSE(isRecordedVerified(path, v));
  }
  SECTION("written in another boot, its checksum matching") {
    std::vector<char> b = good;
    b[16] = b[16] == '0' ? '1' : '0';  // the boot id starts at 16
    const uint64_t sum = kg::testing::kgsum64(b.data(), 120);
    std::memcpy(&b[120], &sum, 8);
    writeBytes(record, b);
    CHECK_FALSE(isRecordedVerified(path, v));
  }
  SECTION("the intact record is recognised") {
    writeBytes(record, good);
    CHECK(isRecordedVerified(path, v));
  }
}
