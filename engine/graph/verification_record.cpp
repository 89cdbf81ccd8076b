#include "graph/verification_record.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <algorithm>
#include <array>
#include <cerrno>
#include <cstddef>
#include <cstdio>
#include <cstring>
#include <span>

#include "graph/kgsum.h"
#include "graph/temp_files.h"

namespace kg::graph {

namespace {

// FORMAT.md "Verification record".
constexpr char kMagic[8] = {'K', 'G', 'V', 'E', 'R', 'I', 'F', '\n'};
constexpr uint32_t kRecordVersion = 1;
constexpr size_t kRecordBytes = 128;
constexpr size_t kBootIdBytes = 36;
constexpr size_t kOffVersion = 8, kOffSize = 12, kOffBootId = 16, kOffDevice = 56, kOffInode = 64, kOffFileSize = 72,
                 kOffMtime = 80, kOffCtime = 96, kOffDigest = 112, kOffSum = 120;
constexpr const char* kBootIdPath = "/proc/sys/kernel/random/boot_id";

using Record = std::array<std::byte, kRecordBytes>;

void put64(Record& r, size_t at, uint64_t v) { std::memcpy(&r[at], &v, 8); }
uint64_t get64(const Record& r, size_t at) {
  uint64_t v;
  std::memcpy(&v, &r[at], 8);
  return v;
}

std::optional<std::string> bootId() {
  std::FILE* f = std::fopen(kBootIdPath, "re");
  if (f == nullptr) return std::nullopt;
  char buf[64] = {};
  const size_t n = std::fread(buf, 1, sizeof buf - 1, f);
  std::fclose(f);
  std::string id(buf, n);
  while (!id.empty() && (id.back() == '\n' || id.back() == ' ')) id.pop_back();
  if (id.size() != kBootIdBytes) return std::nullopt;
  return id;
}

Record encode(const FileVersion& v) {
  Record r{};
  std::memcpy(&r[0], kMagic, sizeof kMagic);
  const uint32_t version = kRecordVersion, size = kRecordBytes;
  std::memcpy(&r[kOffVersion], &version, 4);
  std::memcpy(&r[kOffSize], &size, 4);
  std::memcpy(&r[kOffBootId], v.bootId.data(), std::min(v.bootId.size(), kBootIdBytes));
  put64(r, kOffDevice, v.device);
  put64(r, kOffInode, v.inode);
  put64(r, kOffFileSize, v.size);
  put64(r, kOffMtime, static_cast<uint64_t>(v.mtimeSec));
  put64(r, kOffMtime + 8, static_cast<uint64_t>(v.mtimeNsec));
  put64(r, kOffCtime, static_cast<uint64_t>(v.ctimeSec));
  put64(r, kOffCtime + 8, static_cast<uint64_t>(v.ctimeNsec));
  put64(r, kOffDigest, v.digest);
  put64(r, kOffSum, kgsum64(std::span(r.data(), kOffSum)));
  return r;
}

std::optional<FileVersion> decode(const Record& r) {
  uint32_t version = 0, size = 0;
  std::memcpy(&version, &r[kOffVersion], 4);
  std::memcpy(&size, &r[kOffSize], 4);
  if (std::memcmp(&r[0], kMagic, sizeof kMagic) != 0 || version != kRecordVersion || size != kRecordBytes ||
      get64(r, kOffSum) != kgsum64(std::span(r.data(), kOffSum)))
    return std::nullopt;
  FileVersion v;
  v.bootId.assign(reinterpret_cast<const char*>(&r[kOffBootId]), kBootIdBytes);
  v.device = get64(r, kOffDevice);
  v.inode = get64(r, kOffInode);
  v.size = get64(r, kOffFileSize);
  v.mtimeSec = static_cast<int64_t>(get64(r, kOffMtime));
  v.mtimeNsec = static_cast<int64_t>(get64(r, kOffMtime + 8));
  v.ctimeSec = static_cast<int64_t>(get64(r, kOffCtime));
  v.ctimeNsec = static_cast<int64_t>(get64(r, kOffCtime + 8));
  v.digest = get64(r, kOffDigest);
  return v;
}

}  // namespace

std::optional<FileVersion> fileVersion(int fd, uint64_t digest) {
  auto boot = bootId();
  if (!boot) return std::nullopt;
  struct stat st {};
  if (::fstat(fd, &st) != 0) return std::nullopt;
  FileVersion v;
  v.bootId = std::move(*boot);
  v.device = static_cast<uint64_t>(st.st_dev);
  v.inode = static_cast<uint64_t>(st.st_ino);
  v.size = static_cast<uint64_t>(st.st_size);
  v.mtimeSec = st.st_mtim.tv_sec;
  v.mtimeNsec = st.st_mtim.tv_nsec;
  v.ctimeSec = st.st_ctim.tv_sec;
  v.ctimeNsec = st.st_ctim.tv_nsec;
  v.digest = digest;
  return v;
}

std::string verificationRecordPath(const std::string& path) { return path + ".verified"; }

bool isRecordedVerified(const std::string& path, const FileVersion& version) {
  const int fd = ::open(verificationRecordPath(path).c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return false;
  Record r{};
  std::byte extra;
  const ssize_t n = ::pread(fd, r.data(), r.size(), 0);
  const ssize_t more = ::pread(fd, &extra, 1, static_cast<off_t>(r.size()));
  ::close(fd);
  if (n != static_cast<ssize_t>(r.size()) || more != 0) return false;
  auto recorded = decode(r);
  return recorded && *recorded == version;
}

bool recordVerified(const std::string& path, const FileVersion& version, std::chrono::system_clock::time_point began,
                    std::chrono::milliseconds settle) {
  using namespace std::chrono;
  const system_clock::time_point changed = system_clock::time_point(
      duration_cast<system_clock::duration>(seconds(version.ctimeSec) + nanoseconds(version.ctimeNsec)));
  if (version.bootId.size() != kBootIdBytes || changed + settle > began) return false;
  const std::string record = verificationRecordPath(path);
  removeAbandonedTemps(record);
  const std::string tmp = tempPathFor(record);
  const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) return false;
  const Record r = encode(version);
  ssize_t written;
  do written = ::write(fd, r.data(), r.size());
  while (written < 0 && errno == EINTR);
  const bool closed = ::close(fd) == 0;
  if (written != static_cast<ssize_t>(r.size()) || !closed || ::rename(tmp.c_str(), record.c_str()) != 0) {
    ::unlink(tmp.c_str());
    return false;
  }
  return true;
}

}  // namespace kg::graph
