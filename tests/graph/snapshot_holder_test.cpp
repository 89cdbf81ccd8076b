#include <catch2/catch.hpp>

#include <atomic>
#include <thread>

#include "graph/snapshot_holder.h"

using namespace kg;
using namespace kg::graph;

namespace {

std::shared_ptr<const Snapshot> chain(ActorId n) {
  std::vector<storage::EdgeHeader> edges;
  for (ActorId i = 1; i < n; ++i) {
    storage::EdgeHeader h;
    h.edge.id = i;
    h.edge.src = i;
    h.edge.dst = i + 1;
    edges.push_back(h);
  }
  return *Snapshot::fromEdges({}, edges);
}

}  // namespace

TEST_CASE("SnapshotHolder: a reader keeps the snapshot it took while a new one is published", "[graph]") {
  SnapshotHolder holder;
  CHECK(holder.current() == nullptr);
  CHECK(holder.version() == 0);
  CHECK(holder.publish(chain(3)) == 1);
  auto mine = holder.current();
  CHECK(holder.publish(chain(10)) == 2);
  CHECK(mine->edgeCount() == 2);
  CHECK(holder.current()->edgeCount() == 9);
}

TEST_CASE("SnapshotHolder: readers on many threads always see a whole snapshot", "[graph]") {
  SnapshotHolder holder;
  holder.publish(chain(2));
  std::atomic<bool> stop{false};
  std::atomic<int> bad{0};
  std::vector<std::thread> readers;
  for (int t = 0; t < 4; ++t)
    readers.emplace_back([&] {
      while (!stop.load()) {
        auto s = holder.current();
        // A chain of n vertices has n - 1 edges, whichever snapshot this is.
        if (s->edgeCount() + 1 != s->vertexCount()) ++bad;
        for (VertexId v = 0; v + 1 < s->vertexCount(); ++v)
          if (s->target(s->outBegin(v)) != v + 1) ++bad;
      }
    });
  for (ActorId n = 3; n < 200; ++n) holder.publish(chain(n));
  stop = true;
  for (auto& r : readers) r.join();
  CHECK(bad.load() == 0);
  CHECK(holder.version() == 198);
}
