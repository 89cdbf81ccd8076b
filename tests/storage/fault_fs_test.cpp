// The write-fault file system (KG_FAULT_WRITE): its spec and its errors.
#include <catch2/catch.hpp>
#include <rocksdb/db.h>

#include "../support/temp_dir.h"
#include "storage/fault_fs.h"

using kg::storage::parseWriteFault;

TEST_CASE("WriteFault: 'N' is an I/O error at the Nth write, 'N:nospace' a full disk", "[storage][fault]") {
  auto io = parseWriteFault("17");
  REQUIRE(io);
  CHECK(io->nth == 17);
  CHECK(!io->noSpace);
  auto full = parseWriteFault("3:nospace");
  REQUIRE(full);
  CHECK(full->nth == 3);
  CHECK(full->noSpace);
  for (const char* bad : {"", "0", "-1", "x", "3:full", ":nospace", "1e3", "99999999999999999999"})
    CHECK(!parseWriteFault(bad));
}

TEST_CASE("WriteFault: the Nth write and every later one fail, naming the injection", "[storage][fault]") {
  kg::testing::TempDir dir;
  auto env = kg::storage::newFaultEnv({1, true});
  rocksdb::Options o;
  o.create_if_missing = true;
  o.env = env.get();
  rocksdb::DB* raw = nullptr;
  auto s = rocksdb::DB::Open(o, dir.sub("db"), &raw);
  std::unique_ptr<rocksdb::DB> db(raw);
  REQUIRE(!s.ok());
  CHECK(s.IsIOError());
  CHECK(s.ToString().find("No space left on device") != std::string::npos);
  CHECK(s.ToString().find("injected by KG_FAULT_WRITE") != std::string::npos);
}
