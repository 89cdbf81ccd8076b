#include "extract/actors/catalog.h"

#include <catch2/catch.hpp>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>

#include "extract/extractor.h"

using namespace kg;
using namespace kg::extract;

namespace {
std::string tempFile(const std::string& name, const std::string& content) {
  const auto path = std::filesystem::temp_directory_path() / ("kg_e2_" + std::to_string(::getpid()) + "_" + name);
  std::ofstream(path) << content;
  return path.string();
}
}  // namespace

TEST_CASE("Dictionary: actors, aliases, demonyms, titles and dated offices parse", "[extract][dictionary]") {
  Catalog c;
  const char* text =
      "# a comment\n"
      "title Prime Minister | premier | PM\n"
      "actor Ruritania | state | RUR\n"
      "  alias Strelsau\n"
      "  demonym Ruritanian\n"
      "actor Rudolf Rassendyll | person | RUR\n"
      "  alias Rassendyll | Rudolf R.\n"
      "  attr wikidata = Q0\n"
      "  official_of Ruritania | Prime Minister | 2019-03-01 | 2021\n";
  REQUIRE(c.parseDictionary(text, "test.txt").isOk());
  REQUIRE(c.link().isOk());
  REQUIRE(c.actors().size() == 2);
  const auto& r = c.actors()[1];
  CHECK(r.actor.kind == ActorKind::kPerson);
  CHECK(r.actor.aliases == std::vector<std::string>{"Rassendyll", "Rudolf R."});
  CHECK(r.actor.attributes.at("wikidata") == "Q0");
  REQUIRE(r.relations.size() == 1);
  CHECK(r.relations[0].type == EdgeType::kOfficialOf);
  CHECK(r.relations[0].target == 0);
  CHECK(r.relations[0].from.toString() == "2019-03-01");
  CHECK(r.relations[0].to.toString() == "2021");
  CHECK(c.actors()[0].demonyms == std::vector<std::string>{"Ruritanian"});
  REQUIRE(c.titles().size() == 1);
  CHECK(c.titles()[0].forms.size() == 3);
  CHECK(c.findByName("strelsau") == std::optional<size_t>(0));
}

TEST_CASE("Dictionary: a malformed line is InvalidArgument naming file and line", "[extract][dictionary]") {
  auto err = [](const std::string& text) {
    Catalog c;
    Status s = c.parseDictionary(text, "user.txt");
    if (s.isOk()) s = c.link();
    return s;
  };
  Status s = err("actor A | person\nactor B | wizard\n");
  CHECK(s.code() == StatusCode::kInvalidArgument);
  CHECK(s.message().find("user.txt:2") != std::string::npos);
  CHECK(s.message().find("wizard") != std::string::npos);

  s = err("\n  alias Nobody\n");
  CHECK(s.message().find("user.txt:2") != std::string::npos);

  s = err("actor A | person\n  official_of A | Boss | 2020-13-45\n");
  CHECK(s.code() == StatusCode::kInvalidArgument);
  CHECK(s.message().find("user.txt:2") != std::string::npos);
  CHECK(s.message().find("2020-13-45") != std::string::npos);

  // A comment after the fields would become part of the last name: refused.
  s = err("actor A | person\n  alias Ay | Aye   # Spanish spelling\n");
  CHECK(s.code() == StatusCode::kInvalidArgument);
  CHECK(s.message().find("user.txt:2") != std::string::npos);
  CHECK(s.message().find("comment") != std::string::npos);

  s = err("actor A | person\n  frobnicate x\n");
  CHECK(s.message().find("user.txt:2") != std::string::npos);

  s = err("actor A | person\n  leader_of Nowhere Group\n");
  CHECK(s.code() == StatusCode::kInvalidArgument);
  CHECK(s.message().find("user.txt:2") != std::string::npos);
  CHECK(s.message().find("Nowhere Group") != std::string::npos);

  s = err("banana split\n");
  CHECK(s.message().find("user.txt:1") != std::string::npos);

  // "died": a person's, once, with a real date.
  s = err("actor Gondor | state\n  died 2020-01-03\n");
  CHECK(s.code() == StatusCode::kInvalidArgument);
  CHECK(s.message().find("user.txt:2") != std::string::npos);
  CHECK(s.message().find("person") != std::string::npos);
  s = err("actor A | person\n  died 2020-02-30\n");
  CHECK(s.message().find("user.txt:2") != std::string::npos);
  CHECK(s.message().find("2020-02-30") != std::string::npos);
  s = err("actor A | person\n  died 2020-01-03\n  died 2021\n");
  CHECK(s.message().find("user.txt:3") != std::string::npos);
  CHECK(s.message().find("second") != std::string::npos);
}

TEST_CASE("Dictionary: a person's recorded death is kept", "[extract][dictionary]") {
  Catalog c;
  REQUIRE(c.parseDictionary("actor Boromir | person\n  died 3019-02-26\nactor Faramir | person\n", "user.txt").isOk());
  REQUIRE(c.link().isOk());
  std::map<std::string, std::string> died;
  for (const auto& a : c.actors()) died[a.actor.name] = a.died.known() ? a.died.toString() : "";
  CHECK(died["Boromir"] == "3019-02-26");
  CHECK(died["Faramir"].empty());
  // The default dictionary records the deaths this corpus reports.
  Catalog d;
  REQUIRE(d.parseDictionary(defaultDictionaryText(), "default").isOk());
  for (const auto& a : d.actors())
    if (a.actor.name == "Qassem Soleimani") CHECK(a.died.toString() == "2020-01-03");
}

TEST_CASE("Dictionary: a title may name the one state whose office it is", "[extract][dictionary]") {
  Catalog c;
  REQUIRE(c.parseDictionary("actor Gondor | state | GON\n"
                            "title Steward | steward\n  state Gondor\n"
                            "title Captain | captain\n",
                            "user.txt")
              .isOk());
  REQUIRE(c.link().isOk());
  REQUIRE(c.findTitle("Steward") != nullptr);
  CHECK(c.findTitle("Steward")->state == "Gondor");
  CHECK(c.findTitle("Captain")->state.empty());
  CHECK(c.findTitle("Wizard") == nullptr);
  // An unknown state is an error at link time; a state line elsewhere is an error naming its line.
  Catalog d;
  REQUIRE(d.parseDictionary("title Steward | steward\n  state Mordor\n", "user.txt").isOk());
  const Status s = d.link();
  CHECK(s.code() == StatusCode::kInvalidArgument);
  CHECK(s.message().find("Mordor") != std::string::npos);
  Catalog e;
  const Status t = e.parseDictionary("title Steward | steward\n  alias Ruling Steward\n", "user.txt");
  CHECK(t.code() == StatusCode::kInvalidArgument);
  CHECK(t.message().find("user.txt:2") != std::string::npos);
  // The default dictionary: the United States' own titles.
  Catalog f;
  REQUIRE(f.parseDictionary(defaultDictionaryText(), "actors.txt").isOk());
  REQUIRE(f.findTitle("Secretary of State") != nullptr);
  CHECK(f.findTitle("Secretary of State")->state == "United States");
  CHECK(f.findTitle("Foreign Minister")->state.empty());
}

TEST_CASE("Dictionary: defining a known actor again adds to it", "[extract][dictionary]") {
  Catalog c;
  REQUIRE(c.parseDictionary("actor Iraq | state | IRQ\n  alias Baghdad\n", "a").isOk());
  REQUIRE(c.parseDictionary("actor IRAQ | state\n  alias Bagdad\n", "b").isOk());
  REQUIRE(c.actors().size() == 1);
  CHECK(c.actors()[0].actor.aliases == std::vector<std::string>{"Baghdad", "Bagdad"});
}

TEST_CASE("Dictionary: the embedded default dictionary parses and covers the corpus' actors", "[extract][dictionary]") {
  Catalog c;
  REQUIRE(c.parseDictionary(defaultDictionaryText(), "default").isOk());
  REQUIRE(c.link().isOk());
  for (const char* name : {"Qassem Soleimani", "Kata'ib Hezbollah", "Hezbollah", "Popular Mobilization Forces",
                           "Mike Pompeo", "Adil Abdul-Mahdi", "Mustafa al-Kadhimi", "Press TV", "United States",
                           "Iraq", "Iran", "Islamic Revolutionary Guard Corps", "United Nations Assistance Mission for Iraq"}) {
    INFO(name);
    CHECK(c.findByName(name).has_value());
  }
  CHECK(c.findByName("Hezbollah") != c.findByName("Kata'ib Hezbollah"));
  CHECK(c.findByName("Washington") == c.findByName("United States"));
  CHECK(c.findByName("\u0643\u062a\u0627\u0626\u0628 \u062d\u0632\u0628 \u0627\u0644\u0644\u0647") == c.findByName("Kata'ib Hezbollah"));
}

TEST_CASE("Dictionary: user files load through the extractor options, errors stop creation", "[extract][dictionary]") {
  const std::string good = tempFile("good.txt", "actor Zaid Hamdani | person | IRQ\n  alias Z. Hamdani\n");
  ExtractorOptions o;
  o.actorFiles = {good};
  auto x = Extractor::create(o);
  REQUIRE(x.isOk());
  Article a;
  a.text = "Zaid Hamdani spoke.";
  a.doc.id = "d";
  a.sentences = {{0, static_cast<uint32_t>(a.text.size())}};
  bool found = false;
  for (const auto& xa : (*x)->extract(a).actors) found = found || xa.actor.name == "Zaid Hamdani";
  CHECK(found);

  const std::string bad = tempFile("bad.txt", "actor A | person\n  official_of A | X | yesterday\n");
  o.actorFiles = {bad};
  auto y = Extractor::create(o);
  REQUIRE_FALSE(y.isOk());
  CHECK(y.status().code() == StatusCode::kInvalidArgument);
  CHECK(y.status().message().find(bad + ":2") != std::string::npos);

  o.actorFiles = {"/nonexistent/actors.txt"};
  auto z = Extractor::create(o);
  REQUIRE_FALSE(z.isOk());
  CHECK(z.status().code() == StatusCode::kNotFound);
  std::remove(good.c_str());
  std::remove(bad.c_str());
}
