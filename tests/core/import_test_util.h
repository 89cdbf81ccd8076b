// Helpers shared by the per-format importer tests: a fresh store, files
// written by the tests, and reading back what an import stored.
#pragma once

#include <catch2/catch.hpp>

#include <fstream>
#include <map>
#include <string>
#include <vector>

#include "../support/temp_dir.h"
#include "core/importer.h"
#include "storage/graph_store.h"

namespace kg::testing {

inline const std::string kSharedData = std::string(KG_SHARED_DIR) + "/data";
inline const std::string kCameoDir = kSharedData + "/cameo";

inline void writeFile(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
}

inline std::unique_ptr<storage::GraphStore> openTestDb(const TempDir& dir, const std::string& name = "db") {
  auto s = storage::openStore(dir.sub(name), {});
  INFO(s.status().toString());
  REQUIRE(s.isOk());
  return std::move(s).value();
}

inline core::ImportOptions importOptions(core::ImportFormat format, const std::string& path) {
  core::ImportOptions o;
  o.format = format;
  o.path = path;
  o.cameoDir = kCameoDir;
  return o;
}

// Every edge with all its evidence.
inline std::vector<Edge> edgesWithEvidence(const storage::GraphStore& store) {
  std::vector<Edge> out;
  REQUIRE(store.scanEdges([&](const storage::EdgeHeader& h) {
    auto e = store.getEdge(h.edge.id);
    REQUIRE(e.isOk());
    out.push_back(std::move(e).value());
    return storage::Scan::kContinue;
  }).isOk());
  return out;
}

// The evidence record of document `doc` (fails the test when there is none).
inline Evidence evidenceOfDoc(const storage::GraphStore& store, const std::string& doc) {
  for (const Edge& e : edgesWithEvidence(store))
    for (const Evidence& ev : e.evidence)
      if (ev.doc == doc) return ev;
  FAIL("no evidence of document " << doc);
  return {};
}

inline std::vector<std::string> actorNames(const storage::GraphStore& store) {
  std::vector<std::string> names;
  REQUIRE(store.scanActors([&](const Actor& a) {
    names.push_back(a.name);
    return storage::Scan::kContinue;
  }).isOk());
  return names;
}

inline void checkAccounting(const core::ImportSummary& s) {
  CHECK(s.rows == s.stored + s.merged + s.noActorPair + s.malformed);
}

}  // namespace kg::testing
