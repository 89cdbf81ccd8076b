#include "storage/fault_fs.h"

#include <rocksdb/file_system.h>

#include <atomic>
#include <cstdlib>

namespace kg::storage {

namespace {

constexpr const char* kFaultVariable = "KG_FAULT_WRITE";
constexpr std::string_view kNoSpaceSuffix = ":nospace";
constexpr size_t kMaxDigits = 18;  // any such N fits a uint64_t

// The write counter all files of one file system share.
class WriteCounter {
 public:
  explicit WriteCounter(WriteFault fault) : fault_(fault) {}
  // OK, or the injected error when this write is the Nth or later.
  rocksdb::IOStatus next() {
    const uint64_t n = ++writes_;
    if (n < fault_.nth) return rocksdb::IOStatus::OK();
    const std::string what = "write " + std::to_string(n) + " failed (injected by " + kFaultVariable + ")";
    return fault_.noSpace ? rocksdb::IOStatus::NoSpace(what) : rocksdb::IOStatus::IOError(what);
  }

 private:
  const WriteFault fault_;
  std::atomic<uint64_t> writes_{0};
};

class FaultFile final : public rocksdb::FSWritableFileOwnerWrapper {
 public:
  FaultFile(std::unique_ptr<rocksdb::FSWritableFile> file, std::shared_ptr<WriteCounter> counter)
      : FSWritableFileOwnerWrapper(std::move(file)), counter_(std::move(counter)) {}

  rocksdb::IOStatus Append(const rocksdb::Slice& data, const rocksdb::IOOptions& o,
                           rocksdb::IODebugContext* dbg) override {
    auto s = counter_->next();
    return s.ok() ? FSWritableFileOwnerWrapper::Append(data, o, dbg) : s;
  }
  rocksdb::IOStatus Append(const rocksdb::Slice& data, const rocksdb::IOOptions& o,
                           const rocksdb::DataVerificationInfo& info, rocksdb::IODebugContext* dbg) override {
    auto s = counter_->next();
    return s.ok() ? FSWritableFileOwnerWrapper::Append(data, o, info, dbg) : s;
  }
  rocksdb::IOStatus PositionedAppend(const rocksdb::Slice& data, uint64_t offset, const rocksdb::IOOptions& o,
                                     rocksdb::IODebugContext* dbg) override {
    auto s = counter_->next();
    return s.ok() ? FSWritableFileOwnerWrapper::PositionedAppend(data, offset, o, dbg) : s;
  }
  rocksdb::IOStatus PositionedAppend(const rocksdb::Slice& data, uint64_t offset, const rocksdb::IOOptions& o,
                                     const rocksdb::DataVerificationInfo& info,
                                     rocksdb::IODebugContext* dbg) override {
    auto s = counter_->next();
    return s.ok() ? FSWritableFileOwnerWrapper::PositionedAppend(data, offset, o, info, dbg) : s;
  }

 private:
  std::shared_ptr<WriteCounter> counter_;
};

class FaultFileSystem final : public rocksdb::FileSystemWrapper {
 public:
  explicit FaultFileSystem(WriteFault fault)
      : FileSystemWrapper(rocksdb::FileSystem::Default()), counter_(std::make_shared<WriteCounter>(fault)) {}
  const char* Name() const override { return "KgFaultFileSystem"; }

  rocksdb::IOStatus NewWritableFile(const std::string& f, const rocksdb::FileOptions& o,
                                    std::unique_ptr<rocksdb::FSWritableFile>* r,
                                    rocksdb::IODebugContext* dbg) override {
    return wrap(f, target()->NewWritableFile(f, o, r, dbg), r);
  }
  rocksdb::IOStatus ReopenWritableFile(const std::string& f, const rocksdb::FileOptions& o,
                                       std::unique_ptr<rocksdb::FSWritableFile>* r,
                                       rocksdb::IODebugContext* dbg) override {
    return wrap(f, target()->ReopenWritableFile(f, o, r, dbg), r);
  }
  rocksdb::IOStatus ReuseWritableFile(const std::string& f, const std::string& old, const rocksdb::FileOptions& o,
                                      std::unique_ptr<rocksdb::FSWritableFile>* r,
                                      rocksdb::IODebugContext* dbg) override {
    return wrap(f, target()->ReuseWritableFile(f, old, o, r, dbg), r);
  }

 private:
  // RocksDB's own info log (LOG, LOG.old.*) is not data: its writes are
  // neither counted nor failed, so N counts the same writes on every run.
  rocksdb::IOStatus wrap(const std::string& name, rocksdb::IOStatus s,
                         std::unique_ptr<rocksdb::FSWritableFile>* r) const {
    const size_t slash = name.rfind('/');
    const bool infoLog = name.compare(slash == std::string::npos ? 0 : slash + 1, 3, "LOG") == 0;
    if (s.ok() && !infoLog) *r = std::make_unique<FaultFile>(std::move(*r), counter_);
    return s;
  }
  std::shared_ptr<WriteCounter> counter_;
};

}  // namespace

std::optional<WriteFault> parseWriteFault(const std::string& spec) {
  std::string number = spec;
  WriteFault fault;
  if (number.size() > kNoSpaceSuffix.size() &&
      number.compare(number.size() - kNoSpaceSuffix.size(), kNoSpaceSuffix.size(), kNoSpaceSuffix) == 0) {
    fault.noSpace = true;
    number.resize(number.size() - kNoSpaceSuffix.size());
  }
  if (number.empty() || number.size() > kMaxDigits || number.find_first_not_of("0123456789") != std::string::npos)
    return std::nullopt;
  fault.nth = std::stoull(number);
  if (fault.nth == 0) return std::nullopt;
  return fault;
}

Result<std::optional<WriteFault>> writeFaultFromEnvironment() {
  const char* spec = std::getenv(kFaultVariable);
  if (spec == nullptr) return std::optional<WriteFault>();
  auto fault = parseWriteFault(spec);
  if (!fault)
    return Status::invalidArgument(std::string(kFaultVariable) + "='" + spec +
                                   "' is not N or N:nospace (N >= 1: the first write that fails)");
  return fault;
}

std::unique_ptr<rocksdb::Env> newFaultEnv(WriteFault fault) {
  return rocksdb::NewCompositeEnv(std::make_shared<FaultFileSystem>(fault));
}

}  // namespace kg::storage
