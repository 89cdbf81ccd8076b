// kgd, the binary: prints its ephemeral port, serves, stops on SIGTERM.
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>

#include "rpc/client.h"
#include "rpc/fixture.h"
#include "support/run.h"

namespace kg {
namespace {

// A kgd child process whose stdout we read; killed on destruction if still running.
class Kgd {
 public:
  explicit Kgd(const std::vector<std::string>& args) {
    int out[2];
    if (::pipe(out) != 0) return;
    pid_ = ::fork();
    if (pid_ == 0) {
      ::dup2(out[1], 1);
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

TEST_CASE("kgd: prints the ephemeral port it bound, serves, and stops cleanly on SIGTERM", "[rpc][kgd]") {
  testing::TempDir dir;
  { testing::SmallGraph g(dir.sub("db")); }  // fill a database, then close it for kgd
  Kgd kgd({"--db", dir.sub("db"), "--listen", "127.0.0.1:0"});
  std::string line = kgd.firstLine();
  REQUIRE(line.rfind("listening on 127.0.0.1:", 0) == 0);
  std::string address = line.substr(std::string("listening on ").size());
  CHECK(address != "127.0.0.1:0");
  {
    auto c = rpc::Client::connect(address);
    REQUIRE(c);
    auto s = (*c)->stats();
    REQUIRE(s);
    CHECK(s->actors == 8);
    auto p = (*c)->paths(rpc::PathQuery{"Mike Pompeo", "Qassem Soleimani", {}, 1});
    REQUIRE(p);
    CHECK(!p->paths.empty());
  }
  CHECK(kgd.signalAndWait(SIGTERM) == 0);
}

TEST_CASE("kgd: SIGINT stops it too, also over a unix socket", "[rpc][kgd]") {
  testing::TempDir dir;
  const std::string sock = "unix:" + dir.sub("kgd.sock");
  Kgd kgd({"--db", dir.sub("db"), "--listen", sock});
  REQUIRE(kgd.firstLine() == "listening on " + sock);
  {
    auto c = rpc::Client::connect(sock);
    REQUIRE(c);
    CHECK((*c)->stats());
  }
  CHECK(kgd.signalAndWait(SIGINT) == 0);
}

TEST_CASE("kgd: refuses a non-loopback address without --allow-remote", "[rpc][kgd]") {
  testing::TempDir dir;
  auto r = testing::run(std::string(KGD_BIN) + " --db " + testing::shq(dir.sub("db")) + " --listen 0.0.0.0:0");
  CHECK(r.rc == 2);
  CHECK(r.err.find("--allow-remote") != std::string::npos);
}

}  // namespace
}  // namespace kg
