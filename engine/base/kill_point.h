// Kill points: named places on the write path where a crash test can stop the
// process dead, the way RocksDB's crash tests kill db_stress at chosen steps.
//
// killPoint("bulk.after_ingest") sends SIGKILL to the calling process when
// the environment variable KG_KILL_POINT names that point (and does nothing
// otherwise), so a test can run `kg ingest` or `kg import` with
// KG_KILL_POINT=... and check what a crash at exactly that step leaves behind.
// The points are listed in engine/storage/FORMAT.md ("Crash safety").
//
// Safe from any thread.
#pragma once

#include <string_view>

namespace kg {

// Kills the process with SIGKILL when $KG_KILL_POINT == `name`.
void killPoint(std::string_view name);

}  // namespace kg
