// KG_FAULT_WRITE's spec and the call counter (base/write_fault.h).
#include <catch2/catch.hpp>

#include "base/write_fault.h"

using kg::parseWriteFault;
using kg::WriteFault;
using kg::WriteFaults;
using kg::WriteOp;

TEST_CASE("WriteFault: 'N' is an I/O error at the Nth append, 'N:nospace' a full disk", "[base][fault]") {
  auto io = parseWriteFault("17");
  REQUIRE(io);
  CHECK(io->nth == 17);
  CHECK(!io->noSpace);
  CHECK(io->ops == static_cast<unsigned>(WriteOp::kAppend));
  auto full = parseWriteFault("3:nospace");
  REQUIRE(full);
  CHECK(full->nth == 3);
  CHECK(full->noSpace);
  CHECK(full->ops == static_cast<unsigned>(WriteOp::kAppend));
}

TEST_CASE("WriteFault: OPS names the kinds of call counted, 'all' every kind", "[base][fault]") {
  auto some = parseWriteFault("5:sync+rename");
  REQUIRE(some);
  CHECK(some->nth == 5);
  CHECK(!some->noSpace);
  CHECK(some->ops == (static_cast<unsigned>(WriteOp::kSync) | static_cast<unsigned>(WriteOp::kRename)));
  auto all = parseWriteFault("2:nospace:all");
  REQUIRE(all);
  CHECK(all->noSpace);
  CHECK(all->ops == kg::kAllWriteOps);
  auto one = parseWriteFault("1:nospace:dirsync");
  REQUIRE(one);
  CHECK(one->ops == static_cast<unsigned>(WriteOp::kDirSync));
}

TEST_CASE("WriteFault: a malformed spec is refused", "[base][fault]") {
  for (const char* bad : {"", "0", "-1", "x", "3:full", ":nospace", "1e3", "99999999999999999999", "5:", "5::",
                          "5:nospace:", "5:sync+", "5:+sync", "5:sync+disk", "5:all+sync", "5:sync:nospace"})
    CHECK(!parseWriteFault(bad));
}

TEST_CASE("WriteFaults: the Nth counted call and every later one fail, naming the call and the injection",
          "[base][fault]") {
  WriteFaults faults(WriteFault{3, true, static_cast<unsigned>(WriteOp::kSync)});
  CHECK(faults.next(WriteOp::kSync, "a").isOk());
  CHECK(faults.next(WriteOp::kAppend, "b").isOk());  // not counted
  CHECK(faults.next(WriteOp::kSync, "c").isOk());
  const auto third = faults.next(WriteOp::kSync, "/db/MANIFEST-000001");
  REQUIRE(!third.isOk());
  CHECK(third.code() == kg::StatusCode::kIOError);
  CHECK(third.message() == "sync /db/MANIFEST-000001: No space left on device (call 3, injected by KG_FAULT_WRITE)");
  CHECK(!faults.next(WriteOp::kSync, "d").isOk());
  CHECK(faults.next(WriteOp::kRename, "e").isOk());
  WriteFaults io(WriteFault{1, false, kg::kAllWriteOps});
  const auto first = io.next(WriteOp::kLink, "x to y");
  REQUIRE(!first.isOk());
  CHECK(first.message() == "link x to y: Input/output error (call 1, injected by KG_FAULT_WRITE)");
}

TEST_CASE("WriteFaults: 'count' fails nothing and counts each kind", "[base][fault]") {
  auto all = parseWriteFault("count");
  REQUIRE(all);
  CHECK(all->nth == 0);
  CHECK(all->ops == kg::kAllWriteOps);
  auto some = parseWriteFault("count:sync+link");
  REQUIRE(some);
  CHECK(some->ops == (static_cast<unsigned>(WriteOp::kSync) | static_cast<unsigned>(WriteOp::kLink)));
  CHECK(!parseWriteFault("count:"));
  CHECK(!parseWriteFault("count:nospace"));
  WriteFaults faults(*some);
  for (int i = 0; i < 3; ++i) CHECK(faults.next(WriteOp::kSync, "f").isOk());
  CHECK(faults.next(WriteOp::kLink, "f").isOk());
  CHECK(faults.next(WriteOp::kAppend, "f").isOk());  // not counted
  CHECK(faults.summary() == "4 calls: sync 3, link 1");
}
