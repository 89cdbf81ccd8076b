// Engine's write lock: every writer takes it inside the engine, so writers on
// several threads (addActor, and batches built and committed through
// withWriteLock as ingest, curation and imports do) never interleave.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <thread>
#include <vector>

#include "../support/temp_dir.h"
#include "core/engine.h"

using namespace kg;
using namespace kg::core;
using kg::testing::TempDir;

TEST_CASE("Engine: writers on several threads serialise on the engine's own write lock", "[core][engine]") {
  TempDir dir;
  auto opened = Engine::open(dir.sub("db"), {});
  REQUIRE(opened.isOk());
  Engine& engine = *opened.value();
  constexpr int kPerThread = 40;
  // Read and written only inside withWriteLock: a second writer inside the
  // lock at the same time would lose increments (and ThreadSanitizer, in
  // scripts/sanitize.sh thread, would report the race).
  int inside = 0;
  int maxInside = 0;
  std::vector<std::string> failures(4);
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&engine, &inside, &maxInside, &failures, t] {
      for (int i = 0; i < kPerThread; ++i) {
        Actor a;
        a.name = "Writer " + std::to_string(t) + " actor " + std::to_string(i);
        a.kind = ActorKind::kOrganisation;
        if (t % 2 == 0) {
          auto added = engine.addActor(a);
          if (!added) failures[t] = added.status().toString();
          continue;
        }
        Status st = engine.withWriteLock([&](storage::GraphStore& store) -> Status {
          maxInside = std::max(maxInside, ++inside);
          auto batch = store.newBatch();
          auto id = batch->putActor(a, Engine::nameKeysFor(a));
          Status committed = id ? store.commit(*batch) : id.status();
          --inside;
          return committed;
        });
        if (!st.isOk()) failures[t] = st.toString();
      }
    });
  }
  for (auto& th : threads) th.join();
  for (const auto& f : failures) CHECK(f.empty());
  CHECK(maxInside == 1);
  auto stats = engine.stats();
  REQUIRE(stats.isOk());
  CHECK(stats->actors == 4 * kPerThread);
  auto found = engine.resolve("Writer 3 actor 39");
  REQUIRE(found.isOk());
  CHECK(found->size() == 1);
}

TEST_CASE("Engine: withWriteLock returns what its work returns, and releases the lock", "[core][engine]") {
  TempDir dir;
  auto opened = Engine::open(dir.sub("db"), {});
  REQUIRE(opened.isOk());
  Engine& engine = *opened.value();
  Result<int> r = engine.withWriteLock([](storage::GraphStore&) -> Result<int> { return 7; });
  REQUIRE(r.isOk());
  CHECK(r.value() == 7);
  Status refused = engine.withWriteLock([](storage::GraphStore&) { return Status::invalidArgument("no"); });
  CHECK(refused.code() == StatusCode::kInvalidArgument);
  // The lock is free again: a write method after it does not wait.
  Actor a;
  a.name = "After the lock";
  a.kind = ActorKind::kOther;
  CHECK(engine.addActor(a).isOk());
}
