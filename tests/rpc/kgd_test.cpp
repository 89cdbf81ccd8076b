// kgd, the binary: prints its ephemeral port, serves, stops on SIGTERM.
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>

#include <fstream>

#include "rpc/client.h"
#include "rpc/fixture.h"
#include "support/run.h"
#include "rpc/kgd_process.h"

namespace kg {
namespace {

using testing::Kgd;

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

TEST_CASE("kgd: a socket left by a killed kgd is reused; a live one or a plain file is refused", "[rpc][kgd]") {
  testing::TempDir dir;
  const std::string path = dir.sub("kgd.sock");
  const std::string sock = "unix:" + path;
  {
    Kgd first({"--db", dir.sub("db"), "--listen", sock});
    REQUIRE(first.firstLine() == "listening on " + sock);
    {
      // While it runs, a second kgd on the same socket is refused.
      auto r = testing::run(std::string(KGD_BIN) + " --db " + testing::shq(dir.sub("db2")) + " --listen " +
                            testing::shq(sock));
      CHECK(r.rc != 0);
      CHECK(r.err.find("running kgd") != std::string::npos);
    }
    first.signalAndWait(SIGKILL);  // leaves the socket file behind
  }
  REQUIRE(::access(path.c_str(), F_OK) == 0);
  Kgd second({"--db", dir.sub("db"), "--listen", sock});
  REQUIRE(second.firstLine() == "listening on " + sock);
  CHECK(second.signalAndWait(SIGTERM) == 0);

  const std::string plain = dir.sub("plain");
  { std::ofstream(plain) << "not a socket"; }
  auto r = testing::run(std::string(KGD_BIN) + " --db " + testing::shq(dir.sub("db")) + " --listen unix:" +
                        testing::shq(plain));
  CHECK(r.rc != 0);
  CHECK(r.err.find("not a socket") != std::string::npos);
}

TEST_CASE("kgd: refuses a non-loopback address without --allow-remote", "[rpc][kgd]") {
  testing::TempDir dir;
  auto r = testing::run(std::string(KGD_BIN) + " --db " + testing::shq(dir.sub("db")) + " --listen 0.0.0.0:0");
  CHECK(r.rc == 2);
  CHECK(r.err.find("--allow-remote") != std::string::npos);
}

}  // namespace
}  // namespace kg

namespace kg {
namespace {

TEST_CASE("kg_example_client: ingests the example corpus through kgd and prints a path", "[rpc][kgd][example]") {
  testing::TempDir dir;
  testing::Kgd kgd({"--db", dir.sub("db"), "--listen", "127.0.0.1:0"});
  std::string line = kgd.firstLine();
  REQUIRE(line.rfind("listening on ", 0) == 0);
  const std::string address = line.substr(std::string("listening on ").size());
  auto first = testing::run(std::string(KG_EXAMPLE_BIN) + " " + address);
  INFO(first.out << first.err);
  CHECK(first.rc == 0);
  CHECK(first.out.find("ingested ") != std::string::npos);
  CHECK(first.out.find("\nMike Pompeo\n") != std::string::npos);
  CHECK(first.out.find("Qassem Soleimani") != std::string::npos);
  auto again = testing::run(std::string(KG_EXAMPLE_BIN) + " " + address);
  CHECK(again.rc == 0);
  CHECK(again.out.find("0 new actors, 0 new edges") != std::string::npos);
  CHECK(kgd.signalAndWait(SIGTERM) == 0);
}

}  // namespace
}  // namespace kg
