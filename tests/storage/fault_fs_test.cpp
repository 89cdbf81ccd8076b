// The write-fault file system (KG_FAULT_WRITE) under RocksDB: which calls it
// fails and how the errors read.
#include <catch2/catch.hpp>
#include <rocksdb/db.h>

#include <memory>

#include "../support/temp_dir.h"
#include "storage/fault_fs.h"

using kg::WriteFault;
using kg::WriteFaults;
using kg::WriteOp;

namespace {

// Creates a RocksDB database at `path` through a file system failing as `fault` says.
rocksdb::Status createWith(const std::string& path, WriteFault fault) {
  auto env = kg::storage::newFaultEnv(std::make_shared<WriteFaults>(fault));
  rocksdb::Options o;
  o.create_if_missing = true;
  o.env = env.get();
  rocksdb::DB* raw = nullptr;
  auto s = rocksdb::DB::Open(o, path, &raw);
  std::unique_ptr<rocksdb::DB> db(raw);
  return s;
}

}  // namespace

TEST_CASE("FaultFs: the Nth write and every later one fail, naming the injection", "[storage][fault]") {
  kg::testing::TempDir dir;
  auto s = createWith(dir.sub("db"), WriteFault{1, true});
  REQUIRE(!s.ok());
  CHECK(s.IsIOError());
  CHECK(s.ToString().find("No space left on device") != std::string::npos);
  CHECK(s.ToString().find("injected by KG_FAULT_WRITE") != std::string::npos);
}

TEST_CASE("FaultFs: file creation, syncs, renames and directory syncs fail when their kind is asked for",
          "[storage][fault]") {
  kg::testing::TempDir dir;
  // Creating a database creates files, syncs them, renames CURRENT's
  // temporary file into place and syncs the directory.
  for (WriteOp op : {WriteOp::kCreate, WriteOp::kSync, WriteOp::kRename, WriteOp::kDirSync}) {
    const std::string name = kg::writeOpName(op);
    INFO(name);
    auto s = createWith(dir.sub(name), WriteFault{1, false, static_cast<unsigned>(op)});
    REQUIRE(!s.ok());
    CHECK(s.IsIOError());
    CHECK(s.ToString().find(name + " ") != std::string::npos);
    CHECK(s.ToString().find("Input/output error (call 1, injected by KG_FAULT_WRITE)") != std::string::npos);
  }
  // A link is not part of creating a database: asking for links only fails nothing.
  CHECK(createWith(dir.sub("link"), WriteFault{1, false, static_cast<unsigned>(WriteOp::kLink)}).ok());
}
