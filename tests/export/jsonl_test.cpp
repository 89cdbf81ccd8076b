// The jsonl export and its reader: a store exported and restored into a new
// one is the same graph, record for record.
#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>

#include "../support/temp_dir.h"
#include "export/exporter.h"
#include "export/jsonl.h"
#include "export/jsonl_reader.h"
#include "small_graph.h"

using namespace kg;
using namespace kg::exports;
using kg::testing::TempDir;

namespace {

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::vector<Actor> allActors(const storage::GraphStore& s) {
  std::vector<Actor> out;
  REQUIRE(s.scanActors([&](const Actor& a) {
               out.push_back(a);
               return storage::Scan::kContinue;
             }).isOk());
  return out;
}

std::vector<Edge> allEdges(const storage::GraphStore& s) {
  std::vector<Edge> out;
  REQUIRE(s.scanEdges([&](const storage::EdgeHeader& h) {
               auto e = s.getEdge(h.edge.id);
               REQUIRE(e);
               out.push_back(*e);
               return storage::Scan::kContinue;
             }).isOk());
  return out;
}

}  // namespace

TEST_CASE("jsonl: an exported store restored into a new one has the same actors, edges, evidence, documents",
          "[export]") {
  TempDir dir;
  auto g = kg::testing::buildSmallGraph(dir.sub("a.db"));
  ExportRequest req;
  req.format = Format::kJsonl;
  req.out = dir.sub("a.jsonl");
  auto stats = exportGraph(g.engine->store(), req);
  REQUIRE(stats);
  CHECK(stats->actors == 4);
  CHECK(stats->edges == 6);
  CHECK(stats->documents == 1);

  auto copy = core::Engine::open(dir.sub("b.db"), {});
  REQUIRE(copy);
  std::ifstream in(req.out);
  auto r = (*copy)->withWriteLock([&](storage::GraphStore& s) { return restoreJsonl(in, "a.jsonl", s); });
  REQUIRE(r);
  CHECK(r->actors == 4);
  CHECK(r->edges == 6);
  CHECK(r->evidence == 2);
  CHECK(r->documents == 1);
  CHECK(allActors((*copy)->store()) == allActors(g.engine->store()));
  CHECK(allEdges((*copy)->store()) == allEdges(g.engine->store()));
  auto doc = (*copy)->store().getDocument("d1");
  REQUIRE(doc);
  REQUIRE(doc->has_value());
  CHECK(**doc == **g.engine->store().getDocument("d1"));
  auto st = (*copy)->store().stats();
  REQUIRE(st);
  CHECK(st->actors == 4);
  CHECK(st->edges == 6);
  CHECK(st->evidence == 2);
  CHECK(st->documents == 1);
  // Names still resolve, and new ids continue after the restored ones.
  CHECK((*copy)->resolveOne("Alfa")->id == g.alpha);
  Actor extra;
  extra.name = "Epsilon";
  auto added = (*copy)->addActor(extra);
  REQUIRE(added);
  CHECK(added->id > g.delta);
  auto e = (*copy)->addEdge(kg::testing::makeEdge(g.alpha, EdgeType::kAid, added->id, "2021", "2021", "070", 1.0f));
  REQUIRE(e);
  CHECK(e->id > g.threat);

  // Exporting the copy gives the same file.
  ExportRequest again = req;
  again.out = dir.sub("b.jsonl");
  auto copyOnly = core::Engine::open(dir.sub("c.db"), {});
  REQUIRE(copyOnly);
  std::ifstream in2(req.out);
  REQUIRE((*copyOnly)->withWriteLock([&](storage::GraphStore& s) { return restoreJsonl(in2, "a.jsonl", s); }));
  REQUIRE(exportGraph((*copyOnly)->store(), again));
  CHECK(slurp(again.out) == slurp(req.out));
}

TEST_CASE("jsonl: an edge line keeps week dates, codes, evidence offsets and the exact confidence", "[export]") {
  Edge e;
  e.id = 42;
  e.src = 1;
  e.dst = 2;
  e.type = EdgeType::kCoerce;
  e.mode = "planned";
  e.cameo = "172";
  e.title = "";
  e.when = {Date::week(Date::parse("2020-01-08")->days()), Date::parse("2020-02").value()};
  e.confidence = 0.123456789f;
  e.dateBasis = DateBasis::kArticle;
  e.sources = 3;
  e.srcCode = "POLGOV";
  e.dstCode = "USAMIL";
  e.evidence.push_back(Evidence{"doc\"1", 7, 100, 180, "text with \"quotes\"\nand a line"});
  std::string line;
  appendEdgeLine(&line, e, 5, "Poland", "United States");
  auto j = nlohmann::json::parse(line);
  CHECK(j["from"] == "2020-01-06");  // the Monday
  CHECK(j["from_week"] == true);
  CHECK(j["src"]["name"] == "Poland");
  auto back = parseEdgeRecord(j);
  REQUIRE(back);
  CHECK(back->first == e);
  CHECK(back->second == 5);
}

TEST_CASE("jsonl: the reader names the line of a bad record and refuses a non-empty store", "[export]") {
  TempDir dir;
  auto g = kg::testing::buildSmallGraph(dir.sub("a.db"));
  {
    std::istringstream in("{\"record\":\"actor\",\"id\":1,\"name\":\"X\",\"kind\":\"person\"}\n");
    auto r = g.engine->withWriteLock([&](storage::GraphStore& s) { return restoreJsonl(in, "x.jsonl", s); });
    CHECK(r.status().code() == StatusCode::kFailedPrecondition);
  }
  auto fresh = core::Engine::open(dir.sub("b.db"), {});
  REQUIRE(fresh);
  struct Case {
    const char* text;
    const char* message;
  } cases[] = {
      {"{\"record\":\"actor\",\"id\":1,\"name\":\"X\",\"kind\":\"person\"}\nnot json\n", "x.jsonl:2: not JSON"},
      {"{\"record\":\"actor\",\"id\":1,\"name\":\"X\",\"kind\":\"wizard\"}\n", "x.jsonl:1: unknown actor kind 'wizard'"},
      {"{\"record\":\"edge\",\"id\":1,\"src\":{\"id\":1},\"dst\":{\"id\":2},\"type\":\"AID\",\"confidence\":1}\n",
       "x.jsonl:1: edge 1 refers to actor 1, which no earlier actor line defines"},
      {"{\"record\":\"header\",\"format\":\"other\",\"version\":1}\n", "x.jsonl:1: not an ActorGraph jsonl export"},
      {"{\"record\":\"vertex\"}\n", "x.jsonl:1: unknown record 'vertex'"},
      {"{\"record\":\"actor\",\"name\":\"X\",\"kind\":\"person\"}\n", "x.jsonl:1: missing 'id'"},
  };
  for (const auto& c : cases) {
    std::istringstream in(c.text);
    auto r = (*fresh)->withWriteLock([&](storage::GraphStore& s) { return restoreJsonl(in, "x.jsonl", s); });
    INFO(c.text);
    REQUIRE_FALSE(r);
    CHECK(r.status().code() == StatusCode::kInvalidArgument);
    CHECK(r.status().message().rfind(c.message, 0) == 0);
  }
}

TEST_CASE("jsonl: evidence attributes are written as strings and read back exactly", "[export]") {
  Edge e;
  e.id = 7;
  e.src = 1;
  e.dst = 2;
  e.type = EdgeType::kAssault;
  e.cameo = "190";
  e.when = DateRange::point(Date::day(2020, 1, 3));
  e.evidence.push_back(Evidence{"gdelt:1001", 0, 0, 0, "Use conventional military force"});
  e.evidence[0].attributes = {{"goldstein", "-10.0"}, {"place", "Baghdad, \"Iraq\""}, {"url", "https://news.example/a"}};
  e.evidence.push_back(Evidence{"gdelt:1002", 0, 0, 0, "plain"});
  std::string line;
  appendEdgeLine(&line, e, 2, "UNITED STATES", "IRAQ");
  auto j = nlohmann::json::parse(line);
  CHECK(j["evidence"][0]["attributes"]["goldstein"] == "-10.0");  // as stored, not reformatted
  CHECK_FALSE(j["evidence"][1].contains("attributes"));
  auto back = parseEdgeRecord(j);
  REQUIRE(back);
  CHECK(back->first == e);
  j["evidence"][0]["attributes"]["goldstein"] = -10;
  CHECK_FALSE(parseEdgeRecord(j));  // attributes are strings
}
