// Verification records: the fact that one version of a file was read whole
// and found sound, kept beside it (`FILE.verified`), so that later opens of
// the same, unchanged file need not read it again (graph/README.md,
// "Verified once"; engine/storage/FORMAT.md, "Verification record").
//
// A version of a file is what the kernel says of it (device, inode, size,
// modification and status-change times) in one boot (the kernel's boot id),
// plus a digest of its contents the caller supplies (the snapshot file's
// header checksum). The status-change time (ctime) is what makes it sound:
// every change made through the file system (a write, a truncation, a
// utime() that puts the modification time back, a rename over the file,
// even a chmod) sets it to the clock of that moment, and no system call sets
// it back. A change beneath the file system (the disk, the block device, a
// damaged file system) changes none of these and is not seen; a reboot
// makes every record void (graph/README.md says what is and is not detected).
//
// Thread safety: free functions on values; safe from any thread. Any number
// of processes may read and write the record of one file at once: a record
// is written whole under a temporary name and renamed into place, and a torn,
// damaged or foreign record fails its checksum and counts as no record.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>

namespace kg::graph {

// A version of a file, as a record names it.
struct FileVersion {
  std::string bootId;  // /proc/sys/kernel/random/boot_id, 36 characters
  uint64_t device = 0, inode = 0, size = 0;
  int64_t mtimeSec = 0, mtimeNsec = 0, ctimeSec = 0, ctimeNsec = 0;
  uint64_t digest = 0;  // the caller's digest of the contents
  friend bool operator==(const FileVersion&, const FileVersion&) = default;
};

// A file whose status last changed (ctime) less than this before its
// verification began is not recorded: a change in the same tick of the
// kernel's clock (a few milliseconds), or in the same second on a file system
// that keeps whole seconds, would leave its ctime as it was.
inline constexpr std::chrono::milliseconds kVerifySettle{2000};

// The version of the open file `fd` whose contents have `digest`; nullopt
// when it cannot be told (no boot id readable, fstat failing): such a file is
// never recorded, so it is read whole at every open.
std::optional<FileVersion> fileVersion(int fd, uint64_t digest);

// `path`.verified.
std::string verificationRecordPath(const std::string& path);

// True when the record beside `path` names `version`: that version was read
// whole and found sound in this boot. False when there is no record, it
// cannot be read, it is damaged, or it names another version.
bool isRecordedVerified(const std::string& path, const FileVersion& version);

// Records `version` of `path` as verified — the caller read it whole and
// found it sound, `version` taken before and after — when it had settled:
// its ctime at least `settle` before `began` (the clock when the caller began
// reading it). Best effort and silent (a record only saves time): returns
// whether the record was written. Removes temporary records of processes that
// have gone. Not synced: a crash reboots, which voids every record anyway.
bool recordVerified(const std::string& path, const FileVersion& version, std::chrono::system_clock::time_point began,
                    std::chrono::milliseconds settle = kVerifySettle);

}  // namespace kg::graph
