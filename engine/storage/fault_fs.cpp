#include "storage/fault_fs.h"

#include <rocksdb/file_system.h>

namespace kg::storage {

namespace {

using rocksdb::IODebugContext;
using rocksdb::IOOptions;
using rocksdb::IOStatus;

// RocksDB's info log: never counted (see the header).
bool isInfoLog(const std::string& name) {
  const size_t slash = name.rfind('/');
  return name.compare(slash == std::string::npos ? 0 : slash + 1, 3, "LOG") == 0;
}

IOStatus check(WriteFaults& faults, WriteOp op, const std::string& what) {
  Status s = faults.next(op, what);
  if (s.isOk()) return IOStatus::OK();
  return faults.noSpace() ? IOStatus::NoSpace(s.message()) : IOStatus::IOError(s.message());
}

class FaultFile final : public rocksdb::FSWritableFileOwnerWrapper {
 public:
  FaultFile(std::unique_ptr<rocksdb::FSWritableFile> file, std::shared_ptr<WriteFaults> faults, std::string name)
      : FSWritableFileOwnerWrapper(std::move(file)), faults_(std::move(faults)), name_(std::move(name)) {}

  IOStatus Append(const rocksdb::Slice& data, const IOOptions& o, IODebugContext* dbg) override {
    auto s = check(*faults_, WriteOp::kAppend, name_);
    return s.ok() ? FSWritableFileOwnerWrapper::Append(data, o, dbg) : s;
  }
  IOStatus Append(const rocksdb::Slice& data, const IOOptions& o, const rocksdb::DataVerificationInfo& info,
                  IODebugContext* dbg) override {
    auto s = check(*faults_, WriteOp::kAppend, name_);
    return s.ok() ? FSWritableFileOwnerWrapper::Append(data, o, info, dbg) : s;
  }
  IOStatus PositionedAppend(const rocksdb::Slice& data, uint64_t offset, const IOOptions& o,
                            IODebugContext* dbg) override {
    auto s = check(*faults_, WriteOp::kAppend, name_);
    return s.ok() ? FSWritableFileOwnerWrapper::PositionedAppend(data, offset, o, dbg) : s;
  }
  IOStatus PositionedAppend(const rocksdb::Slice& data, uint64_t offset, const IOOptions& o,
                            const rocksdb::DataVerificationInfo& info, IODebugContext* dbg) override {
    auto s = check(*faults_, WriteOp::kAppend, name_);
    return s.ok() ? FSWritableFileOwnerWrapper::PositionedAppend(data, offset, o, info, dbg) : s;
  }
  IOStatus Sync(const IOOptions& o, IODebugContext* dbg) override {
    auto s = check(*faults_, WriteOp::kSync, name_);
    return s.ok() ? FSWritableFileOwnerWrapper::Sync(o, dbg) : s;
  }
  IOStatus Fsync(const IOOptions& o, IODebugContext* dbg) override {
    auto s = check(*faults_, WriteOp::kSync, name_);
    return s.ok() ? FSWritableFileOwnerWrapper::Fsync(o, dbg) : s;
  }

 private:
  std::shared_ptr<WriteFaults> faults_;
  const std::string name_;
};

class FaultDirectory final : public rocksdb::FSDirectory {
 public:
  FaultDirectory(std::unique_ptr<rocksdb::FSDirectory> dir, std::shared_ptr<WriteFaults> faults, std::string name)
      : dir_(std::move(dir)), faults_(std::move(faults)), name_(std::move(name)) {}

  IOStatus Fsync(const IOOptions& o, IODebugContext* dbg) override {
    auto s = check(*faults_, WriteOp::kDirSync, name_);
    return s.ok() ? dir_->Fsync(o, dbg) : s;
  }
  IOStatus FsyncWithDirOptions(const IOOptions& o, IODebugContext* dbg,
                               const rocksdb::DirFsyncOptions& options) override {
    auto s = check(*faults_, WriteOp::kDirSync, name_);
    return s.ok() ? dir_->FsyncWithDirOptions(o, dbg, options) : s;
  }
  IOStatus Close(const IOOptions& o, IODebugContext* dbg) override { return dir_->Close(o, dbg); }
  size_t GetUniqueId(char* id, size_t max) const override { return dir_->GetUniqueId(id, max); }

 private:
  std::unique_ptr<rocksdb::FSDirectory> dir_;
  std::shared_ptr<WriteFaults> faults_;
  const std::string name_;
};

class FaultFileSystem final : public rocksdb::FileSystemWrapper {
 public:
  explicit FaultFileSystem(std::shared_ptr<WriteFaults> faults)
      : FileSystemWrapper(rocksdb::FileSystem::Default()), faults_(std::move(faults)) {}
  const char* Name() const override { return "KgFaultFileSystem"; }

  IOStatus NewWritableFile(const std::string& f, const rocksdb::FileOptions& o,
                           std::unique_ptr<rocksdb::FSWritableFile>* r, IODebugContext* dbg) override {
    if (auto s = created(f); !s.ok()) return s;
    return wrap(f, target()->NewWritableFile(f, o, r, dbg), r);
  }
  IOStatus ReopenWritableFile(const std::string& f, const rocksdb::FileOptions& o,
                              std::unique_ptr<rocksdb::FSWritableFile>* r, IODebugContext* dbg) override {
    if (auto s = created(f); !s.ok()) return s;
    return wrap(f, target()->ReopenWritableFile(f, o, r, dbg), r);
  }
  IOStatus ReuseWritableFile(const std::string& f, const std::string& old, const rocksdb::FileOptions& o,
                             std::unique_ptr<rocksdb::FSWritableFile>* r, IODebugContext* dbg) override {
    if (auto s = created(f); !s.ok()) return s;
    return wrap(f, target()->ReuseWritableFile(f, old, o, r, dbg), r);
  }
  IOStatus NewRandomRWFile(const std::string& f, const rocksdb::FileOptions& o,
                           std::unique_ptr<rocksdb::FSRandomRWFile>* r, IODebugContext* dbg) override {
    if (auto s = created(f); !s.ok()) return s;
    return target()->NewRandomRWFile(f, o, r, dbg);
  }
  IOStatus RenameFile(const std::string& from, const std::string& to, const IOOptions& o,
                      IODebugContext* dbg) override {
    if (!isInfoLog(from))
      if (auto s = check(*faults_, WriteOp::kRename, from + " to " + to); !s.ok()) return s;
    return target()->RenameFile(from, to, o, dbg);
  }
  IOStatus LinkFile(const std::string& from, const std::string& to, const IOOptions& o,
                    IODebugContext* dbg) override {
    if (auto s = check(*faults_, WriteOp::kLink, from + " to " + to); !s.ok()) return s;
    return target()->LinkFile(from, to, o, dbg);
  }
  IOStatus NewDirectory(const std::string& name, const IOOptions& o, std::unique_ptr<rocksdb::FSDirectory>* r,
                        IODebugContext* dbg) override {
    IOStatus s = target()->NewDirectory(name, o, r, dbg);
    if (s.ok()) *r = std::make_unique<FaultDirectory>(std::move(*r), faults_, name);
    return s;
  }

 private:
  IOStatus created(const std::string& name) const {
    return isInfoLog(name) ? IOStatus::OK() : check(*faults_, WriteOp::kCreate, name);
  }
  IOStatus wrap(const std::string& name, IOStatus s, std::unique_ptr<rocksdb::FSWritableFile>* r) const {
    if (s.ok() && !isInfoLog(name)) *r = std::make_unique<FaultFile>(std::move(*r), faults_, name);
    return s;
  }
  std::shared_ptr<WriteFaults> faults_;
};

}  // namespace

std::unique_ptr<rocksdb::Env> newFaultEnv(std::shared_ptr<WriteFaults> faults) {
  return rocksdb::NewCompositeEnv(std::make_shared<FaultFileSystem>(std::move(faults)));
}

}  // namespace kg::storage
