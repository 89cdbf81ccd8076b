#include "graph/temp_files.h"

#include <unistd.h>
#include <cerrno>
#include <csignal>
#include <filesystem>

namespace kg::graph {

namespace fs = std::filesystem;

std::string tempPathFor(const std::string& path) { return path + ".tmp-" + std::to_string(::getpid()); }

void removeAbandonedTemps(const std::string& path) {
  const fs::path target(path);
  const std::string prefix = target.filename().string() + ".tmp-";
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(target.parent_path(), ec)) {
    const std::string name = entry.path().filename().string();
    if (name.rfind(prefix, 0) != 0) continue;
    const std::string pidText = name.substr(prefix.size());
    if (pidText.empty() || pidText.size() > 9 || pidText.find_first_not_of("0123456789") != std::string::npos) continue;
    const pid_t pid = static_cast<pid_t>(std::stol(pidText));
    if (pid == ::getpid()) continue;
    if (::kill(pid, 0) == 0 || errno != ESRCH) continue;  // alive, or not ours to judge
    fs::remove(entry.path(), ec);
  }
}

}  // namespace kg::graph
