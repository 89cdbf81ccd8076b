#include "core/load_pipeline.h"

#include <catch2/catch.hpp>

#include <atomic>
#include <filesystem>
#include <mutex>
#include <string>
#include <vector>

#include "core/importer.h"
#include "import_test_util.h"

using namespace kg;
using kg::core::importing::LoadPipeline;
using kg::testing::TempDir;

namespace {

// Records what putEdge is given, on whichever thread calls it; refuses the
// edge numbered `failAt` (from 0) when set.
class RecordingLoader final : public storage::BulkLoader {
 public:
  explicit RecordingLoader(size_t failAt = SIZE_MAX) : failAt_(failAt) {}
  Result<ActorId> putActor(Actor, const std::vector<std::string>&) override { return ++actors_; }
  Result<EdgeId> putEdge(const Edge& e) override {
    std::lock_guard<std::mutex> lock(mu_);
    if (seen_.size() == failAt_) {
      seen_.push_back(e);
      return Status::invalidArgument("edge " + std::to_string(failAt_) + " refused");
    }
    seen_.push_back(e);
    return static_cast<EdgeId>(seen_.size());
  }
  Result<storage::BulkLoadStats> finish() override {
    finished_ = true;
    return storage::BulkLoadStats{};
  }
  std::vector<Edge> seen() {
    std::lock_guard<std::mutex> lock(mu_);
    return seen_;
  }
  bool finished() const { return finished_; }

 private:
  const size_t failAt_;
  std::atomic<uint64_t> actors_{0};
  std::mutex mu_;
  std::vector<Edge> seen_;  // guarded by mu_
  bool finished_ = false;
};

// Fills `slot` as the n-th edge of a test: every field putEdge reads.
void fill(Edge* slot, uint32_t n) {
  slot->src = 1 + n % 7;
  slot->dst = 100 + n;
  slot->type = EdgeType::kConsult;
  slot->cameo = std::to_string(n);
  slot->mode.clear();
  slot->title.clear();
  slot->when = DateRange::point(Date::fromDays(static_cast<int32_t>(17532 + n % 365), DatePrecision::kDay));
  slot->confidence = 1.0f;
  slot->evidence.resize(1);
  slot->evidence[0].doc = "test:" + std::to_string(n / 100);
  slot->evidence[0].sentence = n;
  slot->evidence[0].text = "event " + std::to_string(n);
}

void requireInOrder(const std::vector<Edge>& seen, size_t n) {
  REQUIRE(seen.size() == n);
  for (uint32_t i = 0; i < n; ++i) {
    Edge want;
    fill(&want, i);
    INFO("edge " << i);
    REQUIRE(seen[i] == want);
  }
}

// A TKG set of `rows` events among 50 actors; line `badLine` (from 1; 0:
// none) names an entity id the set does not have.
std::string writeTkgSet(const TempDir& dir, size_t rows, size_t badLine) {
  const std::string set = dir.sub("set");
  std::filesystem::create_directories(set);
  std::string entities, train;
  for (int i = 0; i < 50; ++i) entities += "Actor Number " + std::to_string(i) + "\t" + std::to_string(i) + "\n";
  for (size_t line = 1; line <= rows; ++line) {
    const size_t s = line % 50, o = (line * 7 + 1) % 50 == s ? (s + 1) % 50 : (line * 7 + 1) % 50;
    train += std::to_string(s) + "\t" + std::to_string(line % 3) + "\t" +
             (line == badLine ? std::string("999") : std::to_string(o)) + "\t" + std::to_string(24 * (line % 400)) + "\n";
  }
  testing::writeFile(set + "/entity2id.txt", entities);
  testing::writeFile(set + "/relation2id.txt", "Make statement\t0\nEngage in negotiation\t1\nMake a visit\t2\n");
  testing::writeFile(set + "/train.txt", train);
  return set;
}

}  // namespace

TEST_CASE("LoadPipeline: every edge reaches the loader once, in the order filled", "[core][import][pipeline]") {
  for (size_t batch : {size_t{1}, size_t{7}, size_t{64}, size_t{2048}}) {
    RecordingLoader loader;
    const uint32_t n = 5000;
    {
      LoadPipeline pipeline(loader, batch, 3);
      for (uint32_t i = 0; i < n; ++i) {
        auto slot = pipeline.slot();
        REQUIRE(slot.isOk());
        fill(*slot, i);
      }
      REQUIRE(pipeline.close().isOk());
    }
    INFO("batch " << batch);
    requireInOrder(loader.seen(), n);
    REQUIRE_FALSE(loader.finished());  // finish() is the caller's, after close()
  }
}

TEST_CASE("LoadPipeline: closing with nothing filled loads nothing", "[core][import][pipeline]") {
  RecordingLoader loader;
  {
    LoadPipeline pipeline(loader, 16, 2);
    REQUIRE(pipeline.close().isOk());
  }
  REQUIRE(loader.seen().empty());
}

TEST_CASE("LoadPipeline: the loader thread's first error stops the load and reaches the importing thread",
          "[core][import][pipeline]") {
  RecordingLoader loader(100);
  Status st = Status::ok();
  uint32_t filled = 0;
  {
    LoadPipeline pipeline(loader, 16, 2);
    for (; filled < 100000; ++filled) {
      auto slot = pipeline.slot();
      if (!slot) {
        st = slot.status();
        break;
      }
      fill(*slot, filled);
    }
    Status closed = pipeline.close();
    if (st.isOk()) st = closed;
    else REQUIRE(closed.message() == st.message());  // close() says it again
  }
  REQUIRE(st.code() == StatusCode::kInvalidArgument);
  REQUIRE(st.message() == "edge 100 refused");
  // Filling stopped within a few batches of the failure (2 batches of 16 in
  // flight), and nothing after the refused edge reached the loader.
  REQUIRE(filled < 100 + 3 * 16 + 1);
  const auto seen = loader.seen();
  REQUIRE(seen.size() == 101);
  for (uint32_t i = 0; i < seen.size(); ++i) REQUIRE(seen[i].evidence[0].sentence == i);
}

TEST_CASE("LoadPipeline: destroyed without close, it stops and loads a prefix of what was filled",
          "[core][import][pipeline]") {
  RecordingLoader loader;
  const uint32_t n = 3000;
  {
    LoadPipeline pipeline(loader, 16, 4);
    for (uint32_t i = 0; i < n; ++i) {
      auto slot = pipeline.slot();
      REQUIRE(slot.isOk());
      fill(*slot, i);
    }
  }  // cancelled: an import that failed on its importing thread
  const auto seen = loader.seen();
  REQUIRE(seen.size() <= n);
  for (uint32_t i = 0; i < seen.size(); ++i) REQUIRE(seen[i].evidence[0].sentence == i);
  REQUIRE_FALSE(loader.finished());
}

// The pipeline inside a real import: rows well past the batches in flight,
// so the importing thread has waited for the loader thread before the bad row.
TEST_CASE("LoadPipeline: an import's malformed row past the first batches is reported as file:line, --strict stores nothing",
          "[core][import][pipeline]") {
  const size_t rows = 20000, bad = 19000;
  TempDir dir;
  const std::string set = writeTkgSet(dir, rows, bad);
  const std::string where = (std::filesystem::path(set) / "train.txt").string() + ":" + std::to_string(bad) + ": ";
  SECTION("strict: the import fails naming the row, and the store stays empty") {
    auto store = testing::openTestDb(dir);
    auto o = testing::importOptions(core::ImportFormat::kTkg, set);
    o.strict = true;
    auto r = core::Importer(*store).run(o);
    REQUIRE(r.status().code() == StatusCode::kInvalidArgument);
    REQUIRE(r.status().message().rfind(where, 0) == 0);
    REQUIRE(r.status().message().find("unknown entity id 999") != std::string::npos);
    auto stats = store->stats();
    REQUIRE(stats.isOk());
    REQUIRE(stats->actors == 0);
    REQUIRE(stats->edges == 0);
  }
  SECTION("not strict: every other row is stored, the bad one quoted") {
    auto store = testing::openTestDb(dir);
    auto r = core::Importer(*store).run(testing::importOptions(core::ImportFormat::kTkg, set));
    REQUIRE(r.isOk());
    REQUIRE(r->rows == rows);
    REQUIRE(r->malformed == 1);
    REQUIRE(r->stored + r->merged == rows - 1);
    REQUIRE(r->examples.size() == 1);
    REQUIRE(r->examples[0].rfind(where, 0) == 0);
    auto stats = store->stats();
    REQUIRE(stats.isOk());
    REQUIRE(stats->actors == 50);
    REQUIRE(stats->evidence == r->stored);
  }
}
