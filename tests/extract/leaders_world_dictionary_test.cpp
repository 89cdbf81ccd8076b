// The world leaders dictionary embedded with actors.txt
// (engine/extract/data/leaders_world.txt): heads of state and government of
// the states outside the G20, and the foreign ministers of the Middle East,
// North Africa, Ukraine, Poland, Armenia and Azerbaijan, 2017-2024. It loads
// without a warning, names no one the other default files define, and its
// leaders are read with the office they held on the article's date.
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>
#include <string>

#include "extract/actors/name_fold.h"
#include "extract/extractor_impl.h"
#include "extract_test_util.h"

using namespace kg;
using namespace kg::extract;
using kg::extract::testing::facts;
using kg::extract::testing::hasLine;

namespace {

std::string readDataFile(const std::string& name) {
  std::ifstream in(std::string(KG_EXTRACT_DATA_DIR) + "/" + name, std::ios::binary);
  REQUIRE(in);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

const ExtractorImpl& defaultImpl() {
  static std::unique_ptr<ExtractorImpl> x = [] {
    auto r = ExtractorImpl::make({});
    REQUIRE(r.isOk());
    return std::move(r).value();
  }();
  return *x;
}

const CatalogActor& actor(const std::string& name) {
  const Catalog& c = defaultImpl().catalog();
  auto i = c.findByName(name);
  INFO(name);
  REQUIRE(i.has_value());
  return c.actors()[*i];
}

// True when `person` holds `title` of `target` on `date` by the dictionary.
bool holds(const std::string& person, const std::string& target, const std::string& title, const std::string& date) {
  const Catalog& c = defaultImpl().catalog();
  const int32_t day = Date::parse(date).value().days();
  for (const auto& r : actor(person).relations) {
    if (r.target == kNoActor || c.actors()[r.target].actor.name != target || r.title != title) continue;
    if (r.from.known() && day < r.from.days()) continue;
    if (r.to.known() && day > r.to.lastDay()) continue;
    return true;
  }
  return false;
}

}  // namespace

TEST_CASE("World leaders: the default dictionary loads without a warning, every person with an office",
          "[extract][dictionary]") {
  const ExtractorImpl& x = defaultImpl();
  for (const auto& w : x.warnings()) UNSCOPED_INFO(w);
  CHECK(x.warnings().empty());
  // Each record of leaders_world.txt is a person with a surname rule and at
  // least one office, linked to a state.
  Catalog world;
  REQUIRE(world.parseDictionary(readDataFile("leaders_world.txt"), "leaders_world.txt").isOk());
  CHECK(world.actors().size() >= 700);
  for (const auto& a : world.actors()) {
    INFO(a.actor.name << " from " << a.origin);
    CHECK(a.actor.kind == ActorKind::kPerson);
    CHECK(a.actor.attributes.count("surname"));
    CHECK_FALSE(a.relations.empty());
    // Each term starts before it ends, and the file's rule holds: someone
    // is here for an office held at some time from 2017 to 2024.
    const int32_t ruleFrom = Date::parse("2017-01-01").value().days();
    const int32_t ruleTo = Date::parse("2024-12-31").value().days();
    bool inRule = false;
    for (const auto& r : a.relations) {
      INFO(r.title << " from " << r.origin);
      if (r.from.known() && r.to.known()) CHECK(r.from.days() <= r.to.lastDay());
      inRule = inRule || ((!r.from.known() || r.from.days() <= ruleTo) && (!r.to.known() || r.to.lastDay() >= ruleFrom));
    }
    CHECK(inRule);
    const CatalogActor& loaded = actor(a.actor.name);
    CHECK(loaded.origin.rfind("leaders_world.txt", 0) == 0);
    for (const auto& r : loaded.relations) {
      REQUIRE(r.target != kNoActor);
      CHECK(x.catalog().actors()[r.target].actor.kind == ActorKind::kState);
    }
  }
}

TEST_CASE("World leaders: nobody repeats a name or alias of the other default dictionaries, or of each other",
          "[extract][dictionary]") {
  Catalog others;
  for (const char* f : {"actors.txt", "states.txt", "organisations.txt", "leaders.txt"}) {
    REQUIRE(others.parseDictionary(readDataFile(f), f).isOk());
  }
  const std::string text = readDataFile("leaders_world.txt");
  Catalog world;
  REQUIRE(world.parseDictionary(text, "leaders_world.txt").isOk());
  // One record per 'actor' line: no name is written twice in the file (a
  // second record would merge silently into the first).
  size_t records = 0;
  for (size_t pos = 0; pos < text.size();) {
    records += text.compare(pos, 6, "actor ") == 0;
    const size_t nl = text.find('\n', pos);
    pos = nl == std::string::npos ? text.size() : nl + 1;
  }
  CHECK(world.actors().size() == records);
  for (size_t i = 0; i < world.actors().size(); ++i) {
    const Actor& a = world.actors()[i].actor;
    std::vector<std::string> names = a.aliases;
    names.push_back(a.name);
    for (const auto& n : names) {
      INFO(a.name << ": '" << n << "' from " << world.actors()[i].origin);
      auto other = others.findByName(n);
      if (other) INFO("already names " << others.actors()[*other].actor.name);
      CHECK_FALSE(other.has_value());
      CHECK(world.findByName(n) == i);  // an alias two people share would name only the first
    }
    // Nor a canonical name's consonant skeleton: an unknown spelling is read
    // by its skeleton only when one canonical name has it
    // (Catalog::findBySkeleton), so a second would make the first unreadable.
    const auto keys = nameKeys(a.name);
    if (keys.size() > 1) {
      INFO(a.name << " skeleton " << keys[1]);
      CHECK_FALSE(others.findBySkeleton(a.name).has_value());
    }
  }
}

TEST_CASE("World leaders: a title before a leader's name states the office held on the article's date",
          "[extract][dictionary]") {
  // Asia, Europe, Africa: the office by the title and the date.
  CHECK(hasLine(facts("President Win Myint met the Japanese ambassador in Naypyidaw.", "2019-05-01"),
                "Win Myint -LEADER_OF-> Myanmar"));
  CHECK_FALSE(hasLine(facts("President Win Myint met the Japanese ambassador in Naypyidaw.", "2022-05-01"),
                      "Win Myint -LEADER_OF-> Myanmar"));
  CHECK(hasLine(facts("Prime Minister Nikol Pashinyan met the French ambassador on Monday.", "2020-10-12"),
                "Nikol Pashinyan -LEADER_OF-> Armenia"));
  CHECK(hasLine(facts("President Ibrahim Boubacar Keita met the French ambassador on Monday.", "2019-06-03"),
                "Ibrahim Boubacar Keita -LEADER_OF-> Mali"));
  CHECK(hasLine(facts("Foreign Minister Ayman Safadi met his Iraqi counterpart on Sunday.", "2023-04-02"),
                "Ayman Safadi -OFFICIAL_OF-> Jordan"));
  // The dictionary's terms, inside and outside, on four continents and Oceania.
  CHECK(holds("Abiy Ahmed Ali", "Ethiopia", "Prime Minister", "2020-01-15"));
  CHECK_FALSE(holds("Abiy Ahmed", "Ethiopia", "Prime Minister", "2017-06-01"));
  CHECK(holds("Gustavo Petro", "Colombia", "President", "2023-05-01"));
  CHECK_FALSE(holds("Gustavo Petro", "Colombia", "President", "2019-05-01"));
  CHECK(holds("Jacinda Ardern", "New Zealand", "Prime Minister", "2020-03-15"));
  CHECK_FALSE(holds("Jacinda Ardern", "New Zealand", "Prime Minister", "2023-03-15"));
  CHECK(holds("Sebastian Kurz", "Austria", "Chancellor", "2018-06-01"));
  CHECK_FALSE(holds("Sebastian Kurz", "Austria", "Chancellor", "2019-09-01"));  // Bierlein's caretaker months
  CHECK(holds("Sebastian Kurz", "Austria", "Chancellor", "2020-06-01"));
  CHECK(holds("King Abdullah II", "Jordan", "King", "2024-01-01"));
  CHECK(holds("Dmytro Kuleba", "Ukraine", "Foreign Minister", "2022-03-01"));
  CHECK_FALSE(holds("Dmytro Kuleba", "Ukraine", "Foreign Minister", "2024-10-01"));
  CHECK(holds("Andrii Sybiha", "Ukraine", "Foreign Minister", "2024-10-01"));
  // Alternative spellings are aliases.
  CHECK(actor("Volodymyr Zelenskyy").actor.name == "Volodymyr Zelensky");
  CHECK(actor("Abu Mohammed al-Jolani").actor.name == "Ahmed al-Sharaa");
}
