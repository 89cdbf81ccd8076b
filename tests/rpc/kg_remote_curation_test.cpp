// kg --remote curation: kg actor merge / alias / rename / set / rm, kg edge
// rm, kg undo and kg log through kgd do what they do on a local database
// (same output, errors and exit codes), and kgd's readers see each change.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "rpc/client.h"
#include "rpc/fixture.h"
#include "rpc/kgd_process.h"
#include "support/run.h"

namespace kg {
namespace {

std::string addressOf(testing::Kgd& kgd) {
  const std::string line = kgd.firstLine();
  const std::string prefix = "listening on ";
  REQUIRE(line.rfind(prefix, 0) == 0);
  return line.substr(prefix.size());
}

// `text` with every `from` replaced by `to`.
std::string replaced(std::string text, const std::string& from, const std::string& to) {
  for (size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
    text.replace(at, from.size(), to);
  return text;
}

// `kg --json log` without what differs between two databases curated alike:
// when, and by whom (kgd logs "USER via kgd").
nlohmann::json logWithoutWhoAndWhen(const std::string& out) {
  nlohmann::json j = nlohmann::json::parse(out);
  for (auto& r : j) {
    r.erase("time");
    r.erase("user");
  }
  return j;
}

TEST_CASE("kg --remote curation: every command does through kgd what it does locally", "[rpc][kgd][cli][curation]") {
  testing::TempDir dir;
  const std::string localDb = dir.sub("local"), servedDb = dir.sub("served");
  { testing::SmallGraph g(localDb); }
  { testing::SmallGraph g(servedDb); }
  testing::Kgd kgd({"--db", servedDb, "--listen", "127.0.0.1:0"});
  const std::string address = addressOf(kgd);
  const std::string local = std::string(KG_BIN) + " --db " + testing::shq(localDb) + " ";
  const std::string remote = std::string(KG_BIN) + " --remote " + address + " ";

  auto firstEdge = testing::run(local + "--json edges --actor Iran");
  REQUIRE(firstEdge.rc == 0);
  const std::string edgeId = std::to_string(nlohmann::json::parse(firstEdge.out).at(0).at("id").get<uint64_t>());

  // Reads compared after the writes: kgd's snapshot must follow each change.
  const std::vector<std::string> reads = {"--json actors", "--json edges", "show 'Qassem Soleimani'",
                                          "neighbors Kataib --depth 2", "path 'Michael Pompeo' Kataib", "stats"};
  const std::vector<std::pair<std::string, int>> commands = {
      {"actor merge 'Qassem Soleimani' 'Abu Mahdi al-Muhandis'", 0},
      {"actor alias add Iran 'Islamic Republic of Iran'", 0},
      {"--json actor alias add Iraq 'Republic of Iraq'", 0},
      {"actor alias rm Iraq 'Republic of Iraq'", 0},
      {"actor rename 'Mike Pompeo' 'Michael Pompeo'", 0},
      {"--json actor set Iraq --country IRQ --kind state", 0},
      {"actor rm 'Lonely Actor'", 0},
      {"edge rm " + edgeId, 0},
      {"--json log", 0},
      {"undo", 0},
      {"--json undo", 0},  // redoes the edge removal
      {"undo 2", 0},
      // Refused, with the local message and exit code (curation errors exit
      // 1, as locally; kg undo's "no such record" 3 and "cannot be undone" 5).
      {"actor rm Iran", 1},                                  // edges remain
      {"actor merge Iran Iran", 1},                          // into itself
      {"actor merge Iran Nobody", 1},                        // unknown actor
      {"--json actor merge Iran Nobody", 1},
      {"actor merge Iran '#999999'", 1},                     // unknown id
      {"actor alias add Iran 'USA'", 1},                     // another state's alias
      {"actor alias add Iran ''", 1},                        // empty
      {"actor alias rm Iran 'Not An Alias'", 1},
      {"actor set Iraq", 1},                                 // nothing to set
      {"actor set Iraq --kind bogus", 1},
      {"actor rename Iran Iraq", 1},                         // names another state
      {"edge rm 999999", 1},
      {"edge rm abc", 1},
      {"undo 99", 3},
      {"undo 1", 0},                                         // the merge: Muhandis is back
      {"--json undo 1", 5},                                  // already undone
  };
  // The log keeps each command line as given: "--db PATH ..." here,
  // "--remote ADDRESS ..." there (kg undo prints it).
  auto same = [&](testing::RunResult r, bool isLocal) {
    const std::string where = isLocal ? "--db " + localDb : "--remote " + address;
    r.out = replaced(r.out, where, "WHERE");
    r.err = replaced(r.err, where, "WHERE");
    return r;
  };
  for (const auto& [cmd, rc] : commands) {
    INFO("kg " << cmd);
    auto l = same(testing::run(local + cmd), true);
    auto r = same(testing::run(remote + cmd), false);
    INFO("local: " << l.out << l.err << "\nremote: " << r.out << r.err);
    CHECK(l.rc == rc);
    CHECK(r.rc == l.rc);
    CHECK(r.err == l.err);
    if (cmd.find("log") != std::string::npos) {
      CHECK(logWithoutWhoAndWhen(r.out) == logWithoutWhoAndWhen(l.out));
    } else {
      CHECK(r.out == l.out);
    }
  }
  for (const auto& cmd : reads) {
    INFO("kg " << cmd);
    auto l = testing::run(local + cmd);
    auto r = testing::run(remote + cmd);
    CHECK(r.rc == l.rc);
    if (cmd == "stats") continue;  // names where the database is
    CHECK(r.out == l.out);
  }
  // The log says who asked, through kgd.
  auto log = nlohmann::json::parse(testing::run(remote + "--json log").out);
  REQUIRE(log.size() == 12);
  CHECK(log[0]["command"] == "actor merge");
  CHECK(log[0]["user"].get<std::string>().ends_with(" via kgd"));
  CHECK(log[0]["args"].get<std::string>().find("actor merge 'Qassem Soleimani'") != std::string::npos);
  CHECK(kgd.signalAndWait(SIGTERM) == 0);
}

TEST_CASE("kgd curation: a hostile or invalid request gets a clear error and changes nothing",
          "[rpc][kgd][curation]") {
  testing::TempDir dir;
  const std::string db = dir.sub("db");
  { testing::SmallGraph g(db); }
  testing::Kgd kgd({"--db", db, "--listen", "127.0.0.1:0"});
  auto client = rpc::Client::connect(addressOf(kgd));
  REQUIRE(client.isOk());
  rpc::Client& c = **client;
  auto before = c.stats();
  REQUIRE(before.isOk());
  const core::CurationBy by{"tester", "test"};

  auto longAlias = c.aliasActor("Iran", std::string(5000, 'x'), true, by);
  CHECK(longAlias.status().code() == StatusCode::kInvalidArgument);
  CHECK(longAlias.status().message() == "alias of 5000 bytes; at most 4096");
  auto longName = c.renameActor(std::string(5000, 'y'), "Iran", by);
  CHECK(longName.status().code() == StatusCode::kInvalidArgument);
  CHECK(longName.status().message().find("actor name of 5000 bytes") != std::string::npos);
  auto noActor = c.mergeActors("", "Iran", by);
  CHECK(noActor.status().code() == StatusCode::kInvalidArgument);
  CHECK(noActor.status().message() == "empty actor name");
  auto longUser = c.removeEdge(1, core::CurationBy{std::string(300, 'u'), ""});
  CHECK(longUser.status().code() == StatusCode::kInvalidArgument);
  CHECK(longUser.status().message() == "user name of 300 bytes; at most 256");
  auto longArgs = c.undo(std::nullopt, core::CurationBy{"u", std::string(20000, 'a')});
  CHECK(longArgs.status().code() == StatusCode::kInvalidArgument);
  CHECK(longArgs.status().message() == "command line of 20000 bytes; at most 16384");
  auto noEdge = c.removeEdge(0, by);
  CHECK(noEdge.status().code() == StatusCode::kNotFound);
  auto self = c.mergeActors("Iran", "Iran", by);
  CHECK(self.status().code() == StatusCode::kInvalidArgument);
  auto ctl = c.aliasActor("Iran", "\x01\x02", true, by);
  CHECK(ctl.status().code() == StatusCode::kInvalidArgument);
  auto none = c.undo(std::nullopt, by);
  CHECK(none.status().code() == StatusCode::kNotFound);

  auto log = c.curationLog();
  REQUIRE(log.isOk());
  CHECK(log->empty());
  auto after = c.stats();
  REQUIRE(after.isOk());
  CHECK(after->actors == before->actors);
  CHECK(after->edges == before->edges);
  // A valid command from the same client still works; the log names its user.
  auto renamed = c.renameActor("#" + std::to_string(c.actor("Iraq")->id), "Republic of Iraq", by);
  REQUIRE(renamed.isOk());
  CHECK(renamed->name == "Republic of Iraq");
  log = c.curationLog();
  REQUIRE(log.isOk());
  REQUIRE(log->size() == 1);
  CHECK((*log)[0].user == "tester via kgd");
  CHECK((*log)[0].args == "test");
  CHECK(c.actor("Republic of Iraq").isOk());
  CHECK(kgd.signalAndWait(SIGTERM) == 0);
}

}  // namespace
}  // namespace kg
