#include "extract/lexicon/cameo_plover.h"

#include <catch2/catch.hpp>

#include <fstream>
#include <regex>
#include <set>
#include <string>

using namespace kg;
using namespace kg::extract;

TEST_CASE("ploverForCameo: codes of the conversion table", "[extract][lexicon]") {
  auto e = ploverForCameo("190");
  REQUIRE(e);
  CHECK(e->type == EdgeType::kAssault);
  CHECK(e->mode.empty());
  CHECK(e->code == "190");
  e = ploverForCameo("163");  // "Impose embargo, boycott, or sanctions": COERCE, not SANCTION
  REQUIRE(e);
  CHECK(e->type == EdgeType::kCoerce);
  CHECK(e->mode == "restrict");
  CHECK(ploverForCameo("160")->type == EdgeType::kSanction);
  CHECK(ploverForCameo("042")->mode == "visit");
  CHECK(ploverForCameo("1712")->type == EdgeType::kAssault);  // "Destroy property"
  CHECK(ploverForCameo("191")->type == EdgeType::kCoerce);
  CHECK(ploverForCameo("08")->type == EdgeType::kConcede);  // listed twice: the first reading
  CHECK(ploverForCameo("084")->type == EdgeType::kRetreat);
  CHECK(ploverForCameo("0813")->type == EdgeType::kRetreat);
}

TEST_CASE("ploverForCameo: statements and appeals are valid codes without a PLOVER event", "[extract][lexicon]") {
  for (const char* code : {"01", "010", "019", "02", "020", "0211", "0256", "028"}) {
    INFO(code);
    CHECK_FALSE(ploverForCameo(code).has_value());
    CHECK(isCameoCode(code));
  }
}

TEST_CASE("ploverForCameo: an unlisted code falls back to its parent, garbage is nothing", "[extract][lexicon]") {
  auto e = ploverForCameo("0315");
  REQUIRE(e);
  CHECK(e->code == "031");
  CHECK(e->type == EdgeType::kAgree);
  CHECK(ploverForCameo("1999")->code == "19");
  CHECK_FALSE(isCameoCode("0315"));
  CHECK_FALSE(ploverForCameo("0219").has_value());  // parent 021 is an appeal
  for (const char* bad : {"", "0", "99", "990", "abc", "19a", "12345", "-19"}) {
    INFO(bad);
    CHECK_FALSE(ploverForCameo(bad).has_value());
    CHECK_FALSE(isCameoCode(bad));
  }
}

TEST_CASE("ploverForCameo: the embedded table has a row for every line", "[extract][lexicon]") {
  const std::string text(cameoPloverTableText());
  const std::regex row(R"(^(\d{2,4})\t([A-Z]+|-)\t([a-z_-]+|-)$)");
  size_t rows = 0;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string::npos) nl = text.size();
    const std::string line = text.substr(pos, nl - pos);
    pos = nl + 1;
    if (line.empty() || line[0] == '#') continue;
    INFO(line);
    std::smatch m;
    REQUIRE(std::regex_match(line, m, row));
    CHECK(isCameoCode(m[1].str()));
    ++rows;
  }
  CHECK(rows == 313);  // 39 statement/appeal codes + 274 codes of the conversion table
}

TEST_CASE("ploverForCameo: agrees with the CAMEO2PLOVER-2021 facts", "[extract][lexicon][petrarch-data]") {
  const std::string path = std::string(KG_PETRARCH_DIR) + "/../cameo/CAMEO2PLOVER-2021.txt";
  std::ifstream in(path);
  REQUIRE(in.good());  // fails when ../shared is missing
  const std::regex line(R"(^(\d+):\s*([A-Z]+)\s*(?:,\s*([a-z_-]*)\s*)?(?:,.*)?$)");
  std::set<std::string> seen;
  size_t checked = 0;
  for (std::string l; std::getline(in, l);) {
    l = l.substr(0, l.find('#'));
    std::smatch m;
    if (!std::regex_match(l, m, line)) continue;
    const std::string code = m[1];
    if (!seen.insert(code).second) continue;  // 08 and 175 are listed twice: the first reading counts
    INFO(l);
    const auto e = ploverForCameo(code);
    REQUIRE(e);
    CHECK(edgeTypeName(e->type) == m[2].str());
    CHECK(e->mode == m[3].str());
    CHECK(e->code == code);
    ++checked;
  }
  CHECK(checked == 274);
}
