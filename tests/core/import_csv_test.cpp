// A CSV/TSV edge list read through --map, and the --map parser.
#include <catch2/catch.hpp>

#include "core/importer.h"
#include "import_test_util.h"

using namespace kg;
using namespace kg::core;
using namespace kg::testing;

namespace {

ImportOptions csvOptions(const std::string& path, const std::string& map) {
  auto o = importOptions(ImportFormat::kCsv, path);
  auto m = parseColumnMap(map);
  INFO(m.status().toString());
  REQUIRE(m.isOk());
  o.columns = m.value();
  return o;
}

}  // namespace

TEST_CASE("parseColumnMap: keys, attributes and clear errors", "[core][import][csv]") {
  auto m = parseColumnMap("src=Source, dst=Target,date=Date,cameo=CAMEO,attr.goldstein=Goldstein,attr.url=Link");
  REQUIRE(m.isOk());
  CHECK(m->src == "Source");
  CHECK(m->dst == "Target");
  CHECK(m->date == "Date");
  CHECK(m->cameo == "CAMEO");
  CHECK(m->type.empty());
  REQUIRE(m->attributes.size() == 2);
  CHECK(m->attributes[0] == std::make_pair(std::string("goldstein"), std::string("Goldstein")));

  auto error = [](const std::string& spec) { return parseColumnMap(spec).status().message(); };
  CHECK(error("src=A,dst=B,cameo=C,weight=W").find("unknown key 'weight'; the keys are src, dst") != std::string::npos);
  CHECK(error("src=A,dst=B,cameo").find("--map entry 'cameo' is not key=Column") != std::string::npos);
  CHECK(error("src=A,dst=B,cameo=C,src=D").find("--map src is given twice") != std::string::npos);
  CHECK(error("src=A,cameo=C").find("--map needs src=COLUMN and dst=COLUMN") != std::string::npos);
  CHECK(error("src=A,dst=B").find("--map needs cameo=COLUMN or type=COLUMN") != std::string::npos);
  CHECK(error("src=A,dst=B,type=").find("--map type= names no column") != std::string::npos);
  CHECK(error("src=A,dst=B,type=T,attr.Bad Name=X").find("attribute name is lower-case") != std::string::npos);
}

TEST_CASE("Importer: a CSV edge list loads through its column map", "[core][import][csv]") {
  TempDir dir;
  auto store = openTestDb(dir);
  const std::string file = dir.sub("edges.csv");
  writeFile(file,
            "Source,Target,Date,CAMEO,Goldstein,Note\n"
            "United States,Iraq,2020-01-03,190,-10,\"strike, near the airport\"\n"
            "Iraq,United States,20200105,0233,5.2,\n"
            "Iraq,United States,2020-01-06,,1,\n"           // 4: no code: malformed
            "Iraq,,2020-01-06,042,1,\n"                      // 5: no target: no actor pair
            "Iraq,United States,2020-02-30,042,1,\n"         // 6: bad date
            "Iraq,United States,2020-01-07,042\n"            // 7: short row
            "\"Iraq,United States,2020-01-07,042,1,\n");     // 8: unterminated quote
  auto r = Importer(*store).run(csvOptions(file, "src=Source,dst=Target,date=Date,cameo=CAMEO,attr.goldstein=Goldstein,attr.note=Note"));
  INFO(r.status().toString());
  REQUIRE(r.isOk());
  CHECK(r->rows == 7);
  CHECK(r->stored == 2);
  CHECK(r->noActorPair == 1);
  CHECK(r->malformed == 4);
  checkAccounting(*r);
  REQUIRE(r->examples.size() == 4);
  CHECK(r->examples[0].find("edges.csv:4: no CAMEO code and no type") != std::string::npos);
  CHECK(r->examples[1].find("edges.csv:6: bad date '2020-02-30'") != std::string::npos);
  CHECK(r->examples[2].find("edges.csv:7: expected 6 fields (as the header), got 4") != std::string::npos);
  CHECK(r->examples[3].find("edges.csv:8: unterminated quote") != std::string::npos);

  const Evidence ev = evidenceOfDoc(*store, "csv:edges.csv");
  CHECK(ev.sentence == 2);
  CHECK(ev.attributes.at("goldstein") == "-10");
  CHECK(ev.attributes.at("note") == "strike, near the airport");
  bool aid = false;
  for (const Edge& e : edgesWithEvidence(*store))
    if (e.cameo == "0233") {
      aid = true;
      CHECK(e.when.from == Date::day(2020, 1, 5));
    }
  CHECK(aid);

  auto again = Importer(*store).run(csvOptions(file, "src=Source,dst=Target,date=Date,cameo=CAMEO,attr.goldstein=Goldstein,attr.note=Note"));
  REQUIRE(again.isOk());
  CHECK(again->stored == 0);
  CHECK(again->merged == 2);
}

TEST_CASE("Importer: a TSV edge list with a type column, ids and a missing mapped column", "[core][import][csv]") {
  TempDir dir;
  auto store = openTestDb(dir);
  const std::string file = dir.sub("edges.tsv");
  writeFile(file, "id\tfrom\tto\twhen\tkind\n"
                  "e1\tKataib Hezbollah\tUnited States\t2019-12-27\tASSAULT\n"
                  "e2\tUnited States\tKataib Hezbollah\t2019-12-29\tattack\n");
  auto r = Importer(*store).run(csvOptions(file, "id=id,src=from,dst=to,date=when,type=kind"));
  INFO(r.status().toString());
  REQUIRE(r.isOk());
  CHECK(r->stored == 1);
  CHECK(r->malformed == 1);
  REQUIRE(r->examples.size() == 1);
  CHECK(r->examples[0].find("edges.tsv:3: type: ") != std::string::npos);
  CHECK(evidenceOfDoc(*store, "csv:e1").sentence == 0);

  auto missing = Importer(*store).run(csvOptions(file, "src=from,dst=to,date=Date,type=kind"));
  REQUIRE_FALSE(missing.isOk());
  CHECK(missing.status().code() == StatusCode::kInvalidArgument);
  CHECK(missing.status().message().find("edges.tsv:1: --map date=Date: the header has no column 'Date'") !=
        std::string::npos);
}
