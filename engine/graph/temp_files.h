// Temporary files of the write-new-then-rename files in a database directory
// (the snapshot file and its verification record): `path`.tmp-PID, named by
// the writing process so that a later writer can tell an abandoned one (its
// process gone, after a crash) from one being written.
//
// Thread safety: free functions; safe from any thread.
#pragma once

#include <string>

namespace kg::graph {

// `path`.tmp-PID of the calling process.
std::string tempPathFor(const std::string& path);

// Removes `path`.tmp-PID files whose process has gone. Errors are ignored:
// what is left is removed by a later call.
void removeAbandonedTemps(const std::string& path);

}  // namespace kg::graph
