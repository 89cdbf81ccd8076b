// The text helpers every export writer uses: number, CSV, JSON and XML text.
#include <catch2/catch.hpp>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <random>

#include "export/sink.h"

using namespace kg::exports;

TEST_CASE("floatText: the shortest decimal that reads back as the same float", "[export]") {
  CHECK(floatText(0.95f) == "0.95");
  CHECK(floatText(1.0f) == "1");
  CHECK(floatText(0.0f) == "0");
  CHECK(floatText(0.6f) == "0.6");
  std::mt19937 rng(7);
  std::uniform_real_distribution<float> unit(0.0f, 1.0f);
  for (int i = 0; i < 10000; ++i) {
    const float v = unit(rng);
    CHECK(std::strtof(floatText(v).c_str(), nullptr) == v);
    CHECK(static_cast<float>(std::strtod(floatText(v).c_str(), nullptr)) == v);  // as a JSON reader sees it
  }
}

TEST_CASE("appendCsvField: quoted only when needed, inner quotes doubled", "[export]") {
  std::string s;
  appendCsvField(&s, "plain");
  CHECK(s == "plain");
  s.clear();
  appendCsvField(&s, "a,b");
  CHECK(s == "\"a,b\"");
  s.clear();
  appendCsvField(&s, "say \"no\"\nnow");
  CHECK(s == "\"say \"\"no\"\"\nnow\"");
}

TEST_CASE("appendJsonString: valid JSON for any bytes, invalid UTF-8 becomes U+FFFD", "[export]") {
  const std::string cases[] = {"plain", "quote \" backslash \\ tab \t nl \n", "\x01\x1f ctrl", "كتائب حزب الله",
                               "撤退を", std::string("cut \xe6\x92 half"), std::string("\xff\xfe"),
                               std::string("overlong \xc0\xaf")};
  for (const auto& c : cases) {
    std::string s;
    appendJsonString(&s, c);
    INFO(s);
    auto j = nlohmann::json::parse(s);  // throws on invalid JSON or UTF-8
    if (isValidUtf8(c))
      CHECK(j.get<std::string>() == c);
    else
      CHECK(j.get<std::string>().find("\xEF\xBF\xBD") != std::string::npos);
  }
}

TEST_CASE("appendXmlEscaped: markup escaped, forbidden control characters replaced", "[export]") {
  std::string s;
  appendXmlEscaped(&s, "a<b & \"c\" 'd'\x01");
  CHECK(s == "a&lt;b &amp; &quot;c&quot; &apos;d&apos; ");
}

TEST_CASE("XML and CSV text is valid UTF-8 even when a stored string is not", "[export]") {
  const std::string cut = std::string("撤退を") + "\xe3\x81";  // a character cut in half
  CHECK_FALSE(isValidUtf8(cut));
  CHECK(isValidUtf8("كتائب حزب الله 撤退を"));
  std::string xml, csv;
  appendXmlEscaped(&xml, cut);
  appendCsvField(&csv, cut + ",");
  CHECK(xml == "撤退を\xEF\xBF\xBD\xEF\xBF\xBD");
  CHECK(csv == "\"撤退を\xEF\xBF\xBD\xEF\xBF\xBD,\"");
  CHECK(isValidUtf8(xml));
  CHECK(isValidUtf8(csv));
}
