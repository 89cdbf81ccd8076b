#include "extract/actors/petrarch_actors.h"

#include <catch2/catch.hpp>

#include "../../support/shared_data.h"
#include <filesystem>
#include <set>

#include "extract/extractor.h"
#include "extract/text/sentences.h"

using namespace kg;
using namespace kg::extract;

TEST_CASE("Petrarch: phrases become aliases and dated codes dated offices", "[extract][petrarch]") {
  Catalog c;
  std::vector<std::string> warnings;
  const char* text =
      "# sample\n"
      "RURITANIA_  [RUR]\n"
      "+STRELSAU_\n"
      "RUDOLF_RASSENDYLL_  # a comment\n"
      "+PRIME_MINISTER_RASSENDYLL\n"
      "\t[RURGOV 20190301-20210101]\n"
      "\t[RURMIL >20210102]\n"
      "UN_ [IGOUNO]\n";
  REQUIRE(parsePetrarch(text, "p.txt", &c, &warnings).isOk());
  REQUIRE(c.link().isOk());
  CHECK(warnings.empty());
  auto rur = c.findByName("Ruritania");
  auto rud = c.findByName("Rudolf Rassendyll");
  REQUIRE(rur);
  REQUIRE(rud);
  CHECK(c.actors()[*rur].actor.kind == ActorKind::kState);
  CHECK(c.findByName("Strelsau") == rur);
  CHECK(c.findByName("Prime Minister Rassendyll") == rud);
  const auto& rel = c.actors()[*rud].relations;
  REQUIRE(rel.size() == 2);
  CHECK(rel[0].type == EdgeType::kOfficialOf);
  CHECK(rel[0].target == *rur);
  CHECK(rel[0].title == "Government");
  CHECK(rel[0].from.toString() == "2019-03-01");
  CHECK(rel[0].to.toString() == "2021-01-01");
  CHECK(rel[1].title == "Military");
  CHECK(rel[1].from.toString() == "2021-01-02");
  CHECK_FALSE(rel[1].to.known());
  CHECK(c.actors()[*c.findByName("UN")].actor.kind == ActorKind::kOrganisation);
}

TEST_CASE("Petrarch: structural defects are InvalidArgument with file:line, odd dates are warnings", "[extract][petrarch]") {
  Catalog c;
  std::vector<std::string> warnings;
  Status s = parsePetrarch("+SYNONYM_FIRST\n", "p.txt", &c, &warnings);
  CHECK(s.code() == StatusCode::kInvalidArgument);
  CHECK(s.message().find("p.txt:1") != std::string::npos);
  s = parsePetrarch("A_\n\t[AAAGOV 20190101-20200101\n", "p.txt", &c, &warnings);
  CHECK(s.code() == StatusCode::kInvalidArgument);
  CHECK(s.message().find("p.txt:2") != std::string::npos);
  REQUIRE(parsePetrarch("B_\n\t[BBBGOV 1920030320-20060520]\n", "q.txt", &c, &warnings).isOk());
  REQUIRE(warnings.size() == 1);
  CHECK(warnings[0].find("q.txt:2") != std::string::npos);
}

TEST_CASE("Petrarch: the real Phoenix dictionaries import by path and feed resolution", "[extract][petrarch]") {
  const std::string dir = KG_PETRARCH_DIR;
  const std::string countries = dir + "/Phoenix.Countries.actors.txt";
  KG_REQUIRE_SHARED_PATH(countries);
  Catalog c;
  std::vector<std::string> warnings;
  REQUIRE(loadPetrarchFile(countries, &c, &warnings).isOk());
  REQUIRE(c.link().isOk());
  CHECK(c.actors().size() > 10000);
  auto abadi = c.findByName("Haidar al-Abadi");
  REQUIRE(abadi);
  bool iraqGov = false;
  for (const auto& r : c.actors()[*abadi].relations)
    iraqGov = iraqGov || (c.actors()[r.target].actor.country == "IRQ" && r.title == "Government");
  CHECK(iraqGov);

  ExtractorOptions o;
  o.petrarchFiles = {countries, dir + "/Phoenix.International.actors.txt", dir + "/Phoenix.MilNonState.actors.txt"};
  auto x = Extractor::create(o);
  REQUIRE(x.isOk());
  Article a;
  a.text = "Prime Minister Haidar al-Abadi met the Kurdish leader Massoud Barzani in Baghdad.";
  a.doc.id = "d";
  a.doc.date = Date::day(2016, 5, 1);
  a.sentences = splitSentences(a.text);
  std::set<std::string> names;
  for (const auto& xa : (*x)->extract(a).actors) names.insert(xa.actor.name);
  CHECK(names.count("Haider al-Abadi"));  // the dictionary's actor, reached by the PETRARCH spelling

  o.petrarchFiles = {dir + "/does-not-exist.txt"};
  auto y = Extractor::create(o);
  REQUIRE_FALSE(y.isOk());
  CHECK(y.status().code() == StatusCode::kNotFound);
}
