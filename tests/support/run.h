// Runs a command line through the shell and captures its exit code, stdout
// and stderr (for end-to-end tests that spawn build/bin/kg).
#pragma once

#include <sys/wait.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

#include "temp_dir.h"

namespace kg::testing {

struct RunResult {
  int rc = -1;
  std::string out;
  std::string err;
};

inline std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Single-quotes `s` for the shell.
inline std::string shq(const std::string& s) {
  std::string q = "'";
  for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return q + "'";
}

inline RunResult run(const std::string& commandLine) {
  TempDir io;
  const std::string cmd = commandLine + " >" + io.sub("out") + " 2>" + io.sub("err") + " </dev/null";
  int status = std::system(cmd.c_str());
  RunResult r;
  r.rc = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.out = slurp(io.sub("out"));
  r.err = slurp(io.sub("err"));
  return r;
}

}  // namespace kg::testing

#ifdef KG_BIN
namespace kg::testing {

// Runs build/bin/kg (KG_BIN, a compile definition of the test target)
// against one database: kg("edges --json").
struct KgCli {
  std::string db;
  RunResult operator()(const std::string& args) const {
    return run(std::string(KG_BIN) + " --db " + shq(db) + " " + args);
  }
};

}  // namespace kg::testing
#endif  // KG_BIN
