// The bulk import line parsers (`kg import`): ICEWS event rows, TKG
// quadruples with their entity2id/relation2id files, TKG named events
// (events_named.tsv), GDELT 1.0/2.0 rows and headed CSV, PLOVER JSON lines and
// mapped CSV/TSV edge lists, fed to a store that keeps nothing. A malformed
// line is counted or an InvalidArgument naming it, never a crash, a wrapped
// date or an allocation sized by an id.
//
// Input: a selector byte, then the file. Bit 1 of the selector asks for
// --strict; bits 2-4 choose the format: 0 ICEWS (even selector) or TKG (odd),
// 1 GDELT, 2 PLOVER, 3 CSV, 4 TKG events_named.tsv. For TKG, three parts
// separated by "\n====\n": entity2id.txt, relation2id.txt, train.txt. For
// CSV, the first line is the --map specification (an unreadable one ends the
// run) and the rest the file.
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "core/importer.h"
#include "fuzz_input.h"
#include "storage/graph_store.h"

namespace {

using namespace kg;

// A loader that checks what it is given and stores nothing.
class NullLoader final : public storage::BulkLoader {
 public:
  Result<ActorId> putActor(Actor, const std::vector<std::string>&) override { return ++actors_; }
  Result<EdgeId> putEdge(const Edge& e) override {
    if (e.src == 0 || e.dst == 0 || e.src > actors_ || e.dst > actors_) __builtin_trap();  // ids we handed out
    if (e.when.from.known() && (e.when.from.civil().year < 1 || e.when.from.civil().year > 9999)) __builtin_trap();
    return ++edges_;
  }
  Result<storage::BulkLoadStats> finish() override { return storage::BulkLoadStats{actors_, edges_, 0, 0}; }

 private:
  // kg import calls putActor on its importing thread while its loader
  // thread calls putEdge (core/load_pipeline.h).
  std::atomic<uint64_t> actors_{0};
  uint64_t edges_ = 0;  // the loader thread's
};

// An empty store that only bulk-loads.
class NullStore final : public storage::GraphStore {
 public:
  Result<std::optional<Actor>> getActor(ActorId) const override { return std::optional<Actor>(); }
  Result<std::vector<ActorId>> lookupNameKey(std::string_view) const override { return std::vector<ActorId>(); }
  Status scanNameKeys(const std::function<storage::Scan(std::string_view, ActorId)>&) const override {
    return Status::ok();
  }
  Status scanActors(const std::function<storage::Scan(const Actor&)>&) const override { return Status::ok(); }
  Result<Edge> getEdge(EdgeId) const override { return Status::notFound("no edges"); }
  Result<std::vector<Evidence>> getEvidence(EdgeId, size_t) const override { return std::vector<Evidence>(); }
  Status scanOut(ActorId, const std::function<storage::Scan(const storage::EdgeHeader&)>&) const override {
    return Status::ok();
  }
  Status scanIn(ActorId, const std::function<storage::Scan(const storage::EdgeHeader&)>&) const override {
    return Status::ok();
  }
  Status scanEdges(const std::function<storage::Scan(const storage::EdgeHeader&)>&) const override {
    return Status::ok();
  }
  Result<std::optional<Document>> getDocument(const DocId&) const override { return std::optional<Document>(); }
  Status scanDocuments(const std::function<storage::Scan(const Document&)>&) const override { return Status::ok(); }
  Result<storage::StoreStats> stats() const override { return storage::StoreStats{}; }
  std::unique_ptr<storage::WriteBatch> newBatch() override { std::abort(); }
  Status commit(storage::WriteBatch&) override { return Status::internal("read-only fuzz store"); }
  Status flush() override { return Status::ok(); }
  Status close() override { return Status::ok(); }
  uint64_t writeEpoch() const override { return 0; }
  Result<std::unique_ptr<storage::BulkLoader>> newBulkLoader() override {
    return std::unique_ptr<storage::BulkLoader>(std::make_unique<NullLoader>());
  }
};

const std::filesystem::path& workDir() {
  static const std::filesystem::path dir = [] {
    auto d = std::filesystem::temp_directory_path() / ("kg-fuzz-import-" + std::to_string(::getpid()));
    std::filesystem::create_directories(d);
    return d;
  }();
  return dir;
}

void write(const std::filesystem::path& p, std::string_view text) {
  std::ofstream out(p, std::ios::binary | std::ios::trunc);
  out.write(text.data(), static_cast<std::streamsize>(text.size()));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text = kg::fuzz::asText(data, size);
  const uint8_t which = kg::fuzz::selector(&text);
  NullStore store;
  core::ImportOptions o;
  o.cameoDir = KG_FUZZ_CAMEO_DIR;
  o.strict = (which & 2) != 0;
  const int kind = (which >> 2) & 7;
  if (kind == 1) {
    o.format = core::ImportFormat::kGdelt;
    o.path = (workDir() / "gdelt.csv").string();
    write(o.path, text);
  } else if (kind == 2) {
    o.format = core::ImportFormat::kPlover;
    o.path = (workDir() / "events.jsonl").string();
    write(o.path, text);
  } else if (kind == 3) {
    o.format = core::ImportFormat::kCsv;
    const size_t eol = text.find('\n');
    auto map = core::parseColumnMap(text.substr(0, eol));
    if (!map.isOk()) return 0;
    o.columns = std::move(map).value();
    o.path = (workDir() / "edges.csv").string();
    write(o.path, eol == std::string_view::npos ? std::string_view() : text.substr(eol + 1));
  } else if (kind == 4) {
    o.format = core::ImportFormat::kTkg;
    o.path = (workDir() / "events_named.tsv").string();
    write(o.path, text);
  } else if (which % 2 == 0) {
    o.format = core::ImportFormat::kIcews;
    o.path = (workDir() / "events.tab").string();
    write(o.path, text);
  } else {
    o.format = core::ImportFormat::kTkg;
    o.path = workDir().string();
    auto parts = kg::fuzz::splitParts(text, "\n====\n", 3);
    write(workDir() / "entity2id.txt", parts[0]);
    write(workDir() / "relation2id.txt", parts[1]);
    write(workDir() / "train.txt", parts[2]);
    o.files = {"train.txt"};
  }
  (void)core::Importer(store).run(o);
  return 0;
}
