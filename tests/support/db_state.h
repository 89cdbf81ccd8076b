// The state of a database as a user reads it back through `kg` — stats
// counts, every actor, every edge with its id and evidence — as one text, so
// the crash and fault tests can compare a database with one a clean run wrote.
#pragma once

#include <nlohmann/json.hpp>

#include <string>

#include "run.h"

namespace kg::testing {

struct DbState {
  bool opened = false;  // every listing ran and exited 0
  std::string text;     // stats (without the path), actors, edges: set when opened
  std::string error;    // the first failing listing's stderr: set when not opened
};

// Runs `kgBin --db db stats|actors|edges --json` (read-only opens).
inline DbState readDbState(const std::string& kgBin, const std::string& db) {
  DbState state;
  const std::string prefix = kgBin + " --db " + shq(db) + " ";
  std::string parts[3];
  const char* listings[3] = {"stats --json", "actors --json", "edges --json"};
  for (int i = 0; i < 3; ++i) {
    RunResult r = run(prefix + listings[i]);
    if (r.rc != 0) {
      state.error = std::string(listings[i]) + ": " + r.err;
      return state;
    }
    parts[i] = std::move(r.out);
  }
  nlohmann::json stats = nlohmann::json::parse(parts[0], nullptr, false);
  if (stats.is_object()) stats.erase("db");  // the path differs between databases
  state.opened = true;
  state.text = stats.dump() + "\n" + parts[1] + "\n" + parts[2];
  return state;
}

}  // namespace kg::testing
