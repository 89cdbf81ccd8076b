#include "extract/actors/resolver.h"

#include <map>

#include <catch2/catch.hpp>

#include "../extract_test_util.h"

using namespace kg;
using namespace kg::extract;
using kg::extract::testing::actorNames;
using kg::extract::testing::article;
using kg::extract::testing::defaultExtractor;
using kg::extract::testing::facts;

TEST_CASE("Resolver: a surname refers back to the person named earlier", "[extract][resolver]") {
  const auto f = facts("Mike Pompeo arrived in Baghdad. Pompeo met Barham Salih on Tuesday.", "2020-09-25");
  CHECK(f.count("Mike Pompeo -CONSULT-> Barham Salih"));
  // "Hussein" alone is ambiguous (Saddam, Fuad) until one of them is named.
  CHECK_FALSE(actorNames("Hussein spoke.").count("Fuad Hussein"));
  CHECK(actorNames("Fuad Hussein landed. Hussein spoke.").count("Fuad Hussein"));
  CHECK_FALSE(actorNames("Fuad Hussein landed. Hussein spoke.").count("Saddam Hussein"));
  // A new person introduced by a title is found again by surname.
  const auto g = facts("Brigadier General William Seely wrote to Iraq. Later Seely informed Iraq of the plan.", "2020-01-06");
  CHECK(g.count("William Seely -CONSULT-> Iraq"));
}

TEST_CASE("Resolver: office roles resolve to the holder on the article's date", "[extract][resolver]") {
  CHECK(actorNames("The premier spoke in Baghdad about Iraq.", "2020-01-06").count("Adil Abdul-Mahdi"));
  CHECK(actorNames("Iraq's prime minister spoke.", "2020-09-25").count("Mustafa al-Kadhimi"));
  CHECK(actorNames("Iraq's prime minister spoke.", "2023-03-01").count("Mohammed Shia al-Sudani"));
  CHECK(actorNames("\u30a4\u30e9\u30af\u9996\u76f8\u304c\u8a71\u3057\u305f\u3002", "2020-01-06").count("Adil Abdul-Mahdi"));
  // Without a date there is no holder to name.
  const auto n = actorNames("Iraq's prime minister spoke.");
  CHECK_FALSE(n.count("Adil Abdul-Mahdi"));
  CHECK_FALSE(n.count("Mustafa al-Kadhimi"));
  // The state is taken from the article when the role does not say it.
  const auto f = facts("Iraq rejected the plan. The premier met Matthew Tueller in Baghdad.", "2020-01-06");
  CHECK(f.count("Adil Abdul-Mahdi -CONSULT-> Matthew Tueller"));
}

TEST_CASE("Resolver: capitals stand for their states, spellings meet on one actor", "[extract][resolver]") {
  const auto f = facts("Washington accused Tehran of the attack.", "2020-01-06");
  CHECK(f.count("United States -ACCUSE-> Iran"));
  const auto x = defaultExtractor().extract(article("Mustafa Al-Kazemi met Pompeo. Al-Kazimi spoke later.", "2020-09-25"));
  size_t kadhimi = 0;
  for (const auto& a : x.actors) kadhimi += a.actor.name == "Mustafa al-Kadhimi";
  CHECK(kadhimi == 1);
}

TEST_CASE("Resolver: stored actors registered with addKnownActor resolve to their ids", "[extract][resolver]") {
  auto r = Extractor::create({});
  REQUIRE(r.isOk());
  auto& x = **r;
  Actor pompeo;
  pompeo.id = 42;
  pompeo.name = "Mike Pompeo";
  pompeo.kind = ActorKind::kPerson;
  x.addKnownActor(pompeo);
  Actor local;
  local.id = 77;
  local.name = "Zaid Hamdani";
  local.kind = ActorKind::kPerson;
  local.aliases = {"Abu Zaid"};
  x.addKnownActor(local);
  const Extraction e = x.extract(article("Michael Pompeo met Abu Zaid in Baghdad.", "2020-09-25"));
  std::map<std::string, ActorId> ids;
  for (const auto& a : e.actors) ids[a.actor.name] = a.actor.id;
  CHECK(ids["Mike Pompeo"] == 42);
  CHECK(ids["Zaid Hamdani"] == 77);
  CHECK(ids["Iraq"] == 0);  // a dictionary actor the store does not hold yet
  for (const auto& a : e.actors) CHECK_FALSE(a.nameKeys.empty());
}

namespace {

// An extraction as text: every actor (id, name, kind, name keys) and edge.
std::string extractionText(const Extraction& x) {
  std::string out;
  for (const auto& a : x.actors) {
    out += std::to_string(a.actor.id) + " " + a.actor.name + " " + actorKindName(a.actor.kind) + " keys";
    for (const auto& k : a.nameKeys) out += " " + k;
    for (const auto& al : a.actor.aliases) out += " | " + al;
    out += "\n";
  }
  for (const auto& e : x.edges)
    out += std::to_string(e.src) + " " + edgeTypeName(e.edge.type) + " " + std::to_string(e.dst) + " " + e.edge.title + "\n";
  return out;
}

Actor storedActor(ActorId id, std::string name, ActorKind kind, std::vector<std::string> aliases = {}) {
  Actor a;
  a.id = id;
  a.name = std::move(name);
  a.kind = kind;
  a.aliases = std::move(aliases);
  return a;
}

}  // namespace

TEST_CASE("Resolver: setArticleActors replaces the previous call's actors and leaves no trace of them",
          "[extract][resolver]") {
  auto used = Extractor::create({});
  auto fresh = Extractor::create({});
  auto empty = Extractor::create({});
  REQUIRE(used.isOk());
  REQUIRE(fresh.isOk());
  REQUIRE(empty.isOk());
  // Every kind of change a registration makes: a dictionary actor given an
  // id and aliases (Iraq, Pompeo), a new actor, one sharing a skeleton key
  // with another (ambiguous), a second stored actor of a dictionary name
  // (a separate catalog entry), a long name (the index's word limit).
  const std::vector<Actor> first = {
      storedActor(5, "Iraq", ActorKind::kState, {"Mesopotamian Republic"}),
      storedActor(42, "Mike Pompeo", ActorKind::kPerson, {"Pompeo the Elder"}),
      storedActor(77, "Zaid Hamdani", ActorKind::kPerson, {"Abu Zaid"}),
      storedActor(78, "Zayd Hamdany", ActorKind::kPerson),
      storedActor(90, "Iraq", ActorKind::kOrganisation),
      storedActor(91, "The Very Long Named Committee For The Study Of Rivers And Canals Of The South", ActorKind::kOrganisation),
  };
  const std::vector<Actor> second = {storedActor(42, "Mike Pompeo", ActorKind::kPerson),
                                     storedActor(99, "Zorbland", ActorKind::kOrganisation)};
  const Article text = article(
      "Michael Pompeo met Abu Zaid and Zayd Hamdany in Baghdad. Zorbland accused Iraq and the Mesopotamian Republic "
      "of neglect; Pompeo the Elder criticised the Very Long Named Committee For The Study Of Rivers And Canals Of "
      "The South.",
      "2020-09-25");
  (*used)->setArticleActors(first);
  const std::string withFirst = extractionText((*used)->extract(text));
  CHECK(withFirst.find("77 Zaid Hamdani") != std::string::npos);  // the registrations took effect
  (*used)->setArticleActors(second);
  (*fresh)->setArticleActors(second);
  CHECK(extractionText((*used)->extract(text)) == extractionText((*fresh)->extract(text)));
  (*used)->setArticleActors({});
  CHECK(extractionText((*used)->extract(text)) == extractionText((*empty)->extract(text)));
  // addKnownActor takes the article's actors back first, then registers for good.
  (*used)->setArticleActors(first);
  (*used)->addKnownActor(second[1]);
  (*empty)->addKnownActor(second[1]);
  CHECK(extractionText((*used)->extract(text)) == extractionText((*empty)->extract(text)));
}

TEST_CASE("Resolver: setArticleActors keeps a prefix shared with the previous call and reads as a fresh extractor",
          "[extract][resolver]") {
  auto used = Extractor::create({});
  REQUIRE(used.isOk());
  const Actor iraq = storedActor(5, "Iraq", ActorKind::kState, {"Mesopotamian Republic"});
  const Actor pompeo = storedActor(42, "Mike Pompeo", ActorKind::kPerson, {"Pompeo the Elder"});
  const Actor zaid = storedActor(77, "Zaid Hamdani", ActorKind::kPerson, {"Abu Zaid"});
  // The same id with an alias more (an article taught it one since): not the same registration.
  const Actor zaidLater = storedActor(77, "Zaid Hamdani", ActorKind::kPerson, {"Abu Zaid", "Zaid the Younger"});
  const Actor zayd = storedActor(78, "Zayd Hamdany", ActorKind::kPerson);
  const Actor zorbland = storedActor(99, "Zorbland", ActorKind::kOrganisation);
  const Article text = article(
      "Michael Pompeo met Abu Zaid, Zaid the Younger and Zayd Hamdany in Baghdad. Zorbland accused Iraq and the "
      "Mesopotamian Republic of neglect; Pompeo the Elder agreed.",
      "2020-09-25");
  const std::vector<std::vector<Actor>> lists = {
      {iraq, pompeo, zaid, zayd},       // first
      {iraq, pompeo, zaid, zayd},       // the same again
      {iraq, pompeo, zaid},             // a prefix of it
      {iraq, pompeo, zaidLater, zayd},  // differs in the third: aliases changed
      {iraq, pompeo, zaidLater, zayd, zorbland},
      {pompeo, zorbland},               // nothing shared from the start
      {iraq, pompeo, zaid, zayd},
  };
  for (size_t i = 0; i < lists.size(); ++i) {
    auto fresh = Extractor::create({});
    REQUIRE(fresh.isOk());
    (*used)->setArticleActors(lists[i]);
    (*fresh)->setArticleActors(lists[i]);
    INFO("list " << i);
    CHECK(extractionText((*used)->extract(text)) == extractionText((*fresh)->extract(text)));
  }
}

TEST_CASE("Resolver: offices are dated and looked up by body and title", "[extract][resolver]") {
  Catalog c;
  REQUIRE(c.parseDictionary(defaultDictionaryText(), "default").isOk());
  REQUIRE(c.link().isOk());
  OfficeTable offices(c);
  const size_t iraq = *c.findByName("Iraq");
  auto holders = [&](const char* date) {
    std::set<std::string> out;
    for (size_t p : offices.holders(iraq, "Prime Minister", Date::parse(date).value())) out.insert(c.actors()[p].actor.name);
    return out;
  };
  CHECK(holders("2020-01-06") == std::set<std::string>{"Adil Abdul-Mahdi"});
  CHECK(holders("2020-09-25") == std::set<std::string>{"Mustafa al-Kadhimi"});
  CHECK(holders("2022-12-01") == std::set<std::string>{"Mohammed Shia al-Sudani"});
  CHECK(holders("2016-01-01") == std::set<std::string>{"Haider al-Abadi"});
  CHECK(offices.holders(iraq, "Prime Minister", Date()).empty());
}
