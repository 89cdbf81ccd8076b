// A kgd child process for end-to-end tests.
#pragma once

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace kg::testing {

// Resident memory of a process in KiB (VmRSS of /proc/PID/status), or 0.
inline size_t residentKib(pid_t pid) {
  std::ifstream in("/proc/" + std::to_string(pid) + "/status");
  std::string line;
  while (std::getline(in, line))
    if (line.rfind("VmRSS:", 0) == 0) return std::stoul(line.substr(6));
  return 0;
}

// Threads of a process (Threads: of /proc/PID/status), or 0.
inline size_t threadCount(pid_t pid) {
  std::ifstream in("/proc/" + std::to_string(pid) + "/status");
  std::string line;
  while (std::getline(in, line))
    if (line.rfind("Threads:", 0) == 0) return std::stoul(line.substr(8));
  return 0;
}

// Open file descriptors of a process (entries of /proc/PID/fd), or 0.
inline size_t openFds(pid_t pid) {
  std::error_code ec;
  size_t n = 0;
  for (std::filesystem::directory_iterator it("/proc/" + std::to_string(pid) + "/fd", ec), end; !ec && it != end;
       it.increment(ec))
    ++n;
  return n;
}

// A kgd child process whose stdout we read; killed on destruction if still running.
class Kgd {
 public:
  // `stderrPath`: a file its stderr goes to (empty: ours).
  explicit Kgd(const std::vector<std::string>& args, const std::string& stderrPath = "") {
    int out[2];
    if (::pipe(out) != 0) return;
    pid_ = ::fork();
    if (pid_ == 0) {
      ::dup2(out[1], 1);
      if (!stderrPath.empty()) {
        const int err = ::open(stderrPath.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        if (err >= 0) ::dup2(err, 2);
      }
      ::close(out[0]);
      ::close(out[1]);
      std::vector<char*> argv;
      std::string bin = KGD_BIN;
      argv.push_back(bin.data());
      std::vector<std::string> copy = args;
      for (auto& a : copy) argv.push_back(a.data());
      argv.push_back(nullptr);
      ::execv(bin.c_str(), argv.data());
      ::_exit(127);
    }
    ::close(out[1]);
    fd_ = out[0];
  }
  ~Kgd() {
    if (pid_ > 0 && !exited_) {
      ::kill(pid_, SIGKILL);
      ::waitpid(pid_, nullptr, 0);
    }
    if (fd_ >= 0) ::close(fd_);
  }

  pid_t pid() const { return pid_; }
  // True while the process has not exited.
  bool running() {
    if (exited_) return false;
    int status = 0;
    if (::waitpid(pid_, &status, WNOHANG) == pid_) exited_ = true;
    return !exited_;
  }

  // The first stdout line, waiting at most ~60 s.
  std::string firstLine() {
    std::string line;
    char c;
    for (int i = 0; i < 600; ++i) {
      pollfd p{fd_, POLLIN, 0};
      if (::poll(&p, 1, 100) <= 0) continue;
      while (::read(fd_, &c, 1) == 1) {
        if (c == '\n') return line;
        line += c;
      }
      return line;
    }
    return line;
  }

  // Sends `sig` and waits (at most ~60 s) for the exit status; -1 if it did not exit.
  int signalAndWait(int sig) {
    ::kill(pid_, sig);
    for (int i = 0; i < 600; ++i) {
      int status = 0;
      if (::waitpid(pid_, &status, WNOHANG) == pid_) {
        exited_ = true;
        return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
      }
      ::usleep(100000);
    }
    return -1;
  }

 private:
  pid_t pid_ = -1;
  int fd_ = -1;
  bool exited_ = false;
};

}  // namespace kg::testing
