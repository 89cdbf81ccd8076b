// What the curation and undo CLI tests share: a command's JSON answer, the
// actors a name resolves to, and the small graph they start from.
#pragma once

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>
#include <vector>

#include "../support/run.h"

namespace kg::testing {

// The JSON `r` printed; requires that it exited 0 (else shows its stderr).
inline nlohmann::json parse(const RunResult& r) {
  INFO(r.err);
  REQUIRE(r.rc == 0);
  return nlohmann::json::parse(r.out);
}

// The ids `kg resolve NAME` finds (none when it finds nothing).
inline std::vector<uint64_t> resolveIds(const KgCli& kg, const std::string& name) {
  auto r = kg("--json resolve " + shq(name));
  if (r.rc != 0) return {};
  std::vector<uint64_t> ids;
  for (const auto& a : nlohmann::json::parse(r.out)) ids.push_back(a["id"].get<uint64_t>());
  return ids;
}

// Three actors and four edges: Alpha and "Alfa Group" are one actor written
// twice; both report the same attack on Gamma. `alphaOptions` go on Alpha's
// `kg actor add` (" --alias 'Alpha Front'").
inline void addSmallGraph(const KgCli& kg, const std::string& alphaOptions = "") {
  REQUIRE(kg("actor add Alpha --kind organisation" + alphaOptions).rc == 0);
  REQUIRE(kg("actor add 'Alfa Group' --kind organisation --country IRQ").rc == 0);
  REQUIRE(kg("actor add Gamma --kind state").rc == 0);
  REQUIRE(kg("edge add Alpha ASSAULT Gamma --from 2020-01-03 --evidence 'Alpha struck Gamma.' --doc d1").rc == 0);
  REQUIRE(kg("edge add 'Alfa Group' ASSAULT Gamma --from 2020-01-03 --evidence 'Alfa Group struck Gamma.' --doc d2").rc == 0);
  REQUIRE(kg("edge add 'Alfa Group' ACCUSE Gamma --from 2020-02-01 --evidence 'Alfa accused Gamma.' --doc d3").rc == 0);
  REQUIRE(kg("edge add 'Alfa Group' CONSULT Alpha --from 2020-03-01").rc == 0);
}

}  // namespace kg::testing
