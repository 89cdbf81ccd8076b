// Damage done to a file the way a careless tool or a hidden edit would, for
// the tests of what a verified-once snapshot file still detects
// (graph/verification_record.h, graph/snapshot_file.h's SnapshotVerify::kOnce).
#pragma once

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <cstddef>
#include <string>
#include <thread>

namespace kg::testing {

// The file's status-change time (ctime) as a clock value.
inline std::chrono::system_clock::time_point changedAt(const std::string& path) {
  struct stat st {};
  REQUIRE(::stat(path.c_str(), &st) == 0);
  using namespace std::chrono;
  return system_clock::time_point(
      duration_cast<system_clock::duration>(seconds(st.st_ctim.tv_sec) + nanoseconds(st.st_ctim.tv_nsec)));
}

// Returns once the file's ctime is more than `settle` in the past: what a
// verification must see before it records the file (kVerifySettle), and
// what makes any later change show in the ctime.
inline void waitSettled(const std::string& path, std::chrono::milliseconds settle) {
  const auto due = changedAt(path) + settle + std::chrono::milliseconds(1);
  while (std::chrono::system_clock::now() < due) std::this_thread::sleep_for(std::chrono::milliseconds(2));
}

// Flips bits of byte `at` of the file in place (same size, same inode) and
// puts its access and modification times back with utimensat, as an edit
// that hides itself would: only the ctime, which no system call sets back,
// still shows it. Requires that the edit left size and mtime as they were.
inline void flipInPlace(const std::string& path, size_t at, unsigned char bits = 0x20) {
  struct stat before {};
  REQUIRE(::stat(path.c_str(), &before) == 0);
  const int fd = ::open(path.c_str(), O_RDWR | O_CLOEXEC);
  REQUIRE(fd >= 0);
  unsigned char b = 0;
  REQUIRE(::pread(fd, &b, 1, static_cast<off_t>(at)) == 1);
  b ^= bits;
  REQUIRE(::pwrite(fd, &b, 1, static_cast<off_t>(at)) == 1);
  REQUIRE(::close(fd) == 0);
  const struct timespec times[2] = {before.st_atim, before.st_mtim};
  REQUIRE(::utimensat(AT_FDCWD, path.c_str(), times, 0) == 0);
  struct stat after {};
  REQUIRE(::stat(path.c_str(), &after) == 0);
  REQUIRE(after.st_size == before.st_size);
  REQUIRE(after.st_ino == before.st_ino);
  REQUIRE(after.st_mtim.tv_sec == before.st_mtim.tv_sec);
  REQUIRE(after.st_mtim.tv_nsec == before.st_mtim.tv_nsec);
}

// Writes `bytes` over the file in place (same size, same inode) and puts its
// access and modification times back, as flipInPlace does.
inline void rewriteInPlace(const std::string& path, const std::string& bytes) {
  struct stat before {};
  REQUIRE(::stat(path.c_str(), &before) == 0);
  REQUIRE(static_cast<size_t>(before.st_size) == bytes.size());
  const int fd = ::open(path.c_str(), O_RDWR | O_CLOEXEC);
  REQUIRE(fd >= 0);
  REQUIRE(::pwrite(fd, bytes.data(), bytes.size(), 0) == static_cast<ssize_t>(bytes.size()));
  REQUIRE(::close(fd) == 0);
  const struct timespec times[2] = {before.st_atim, before.st_mtim};
  REQUIRE(::utimensat(AT_FDCWD, path.c_str(), times, 0) == 0);
  struct stat after {};
  REQUIRE(::stat(path.c_str(), &after) == 0);
  REQUIRE(after.st_ino == before.st_ino);
  REQUIRE(after.st_mtim.tv_nsec == before.st_mtim.tv_nsec);
}

}  // namespace kg::testing
