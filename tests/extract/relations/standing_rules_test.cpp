#include "extract/relations/standing_rules.h"

#include <catch2/catch.hpp>

#include "../extract_test_util.h"

using kg::extract::testing::facts;
using kg::extract::testing::happened;

using kg::extract::testing::hasLine;

TEST_CASE("Relations: titles and appositions give standing relations", "[extract][relations]") {
  const auto f = facts("Qais al-Khazali, the secretary general of Asa'ib Ahl al-Haq, spoke on Saturday.", "2023-05-07");
  CHECK(hasLine(f, "Qais al-Khazali -LEADER_OF-> Asa'ib Ahl al-Haq"));
  const auto g = facts("Harakat Hezbollah al-Nujaba, which is part of the Popular Mobilization Units, spoke.", "2023-05-07");
  CHECK(hasLine(g, "Harakat Hezbollah al-Nujaba -PART_OF-> Popular Mobilization Forces"));
  const auto h = facts("Saad Al-Muttalibi, a member of the Baghdad Security Committee, spoke to reporters.", "2020-01-06");
  CHECK(hasLine(h, "Saad Al-Muttalibi -MEMBER_OF-> Baghdad Security Committee"));
  const auto k = facts("Iraqi Foreign Minister Zaid Hamdani met the envoy.", "2020-01-06");
  CHECK(hasLine(k, "Zaid Hamdani -OFFICIAL_OF-> Iraq"));
}

TEST_CASE("Relations: an apposition before or after a name gives its office, and one of many is no leader",
          "[extract][relations]") {
  // Invented names: the dictionary knows neither person.
  // The title before the comma, with a demonym, a possessive or a determiner.
  const auto a = facts("The Chilean ambassador, Tomas Arroyo, said on Monday that Santiago would respond.", "2023-05-08");
  CHECK(hasLine(a, "Tomas Arroyo -OFFICIAL_OF-> Chile"));
  const auto b = facts("Kenya's foreign minister, Amina Wekesa, met her Ugandan counterpart in Kampala.", "2023-05-08");
  CHECK(hasLine(b, "Amina Wekesa -OFFICIAL_OF-> Kenya"));
  // The owner and the role after the comma.
  const auto c = facts("Petra Lindqvist, Sweden's prime minister, criticised Hungary on Monday.", "2023-05-08");
  CHECK(hasLine(c, "Petra Lindqvist -LEADER_OF-> Sweden"));
  CHECK(hasLine(c, "Petra Lindqvist -ACCUSE-> Hungary"));
  const auto d = facts("Omar Haddad, the Lebanese envoy to France, arrived in Paris.", "2023-05-08");
  CHECK(hasLine(d, "Omar Haddad -OFFICIAL_OF-> Lebanon"));
  // "a senior X commander", "X's commander in Y": one of several, not the head.
  const auto e = facts("Karim Yassin, a senior Hamas commander, was killed on Monday.", "2023-05-08");
  CHECK(hasLine(e, "Karim Yassin -MEMBER_OF-> Hamas"));
  CHECK_FALSE(hasLine(e, "Karim Yassin -LEADER_OF-> Hamas"));
  const auto g = facts("Karim Yassin, Hezbollah's commander in the south, was killed on Monday.", "2023-05-08");
  CHECK(hasLine(g, "Karim Yassin -MEMBER_OF-> Hezbollah"));
  CHECK_FALSE(hasLine(g, "Karim Yassin -LEADER_OF-> Hezbollah"));
  // A plural role after a comma is the source of the sentence, not an apposition.
  const auto h = facts("The strike killed Karim Yassin, Israeli officials said.", "2023-05-08");
  CHECK_FALSE(hasLine(h, "Karim Yassin -OFFICIAL_OF-> Israel"));
  // The dictionary's office holder is not read into an apposition that names someone else.
  const auto k = facts("Omar Haddad, Iran's Quds Force commander in Syria, was killed in Damascus.", "2023-05-08");
  for (const auto& line : k) CHECK(line.find("Esmail Qaani") == std::string::npos);
}

TEST_CASE("Relations: two roles joined by 'and' in one apposition are both read", "[extract][relations]") {
  // Invented names.
  const auto a = facts("Marta Quell, the speaker of parliament and leader of the Ostmark Workers' Party, criticised the move.",
                       "2023-05-08");
  CHECK(hasLine(a, "Marta Quell -LEADER_OF-> Ostmark Workers Party"));
  const auto b = facts("Karim Yassin, a member of the Orvak Front and a founder of the Tessel Movement, spoke on Monday.",
                       "2023-05-08");
  CHECK(hasLine(b, "Karim Yassin -MEMBER_OF-> Orvak Front"));
  CHECK(hasLine(b, "Karim Yassin -MEMBER_OF-> Tessel Movement"));
  CHECK_FALSE(hasLine(b, "Karim Yassin -LEADER_OF-> Tessel Movement"));  // "a founder": one of several
  // No second role: "and" joins something else.
  const auto c = facts("Marta Quell, the leader of the Green Union party and Tomas Arroyo met on Monday.", "2023-05-08");
  CHECK_FALSE(hasLine(c, "Marta Quell -LEADER_OF-> Tomas Arroyo"));
}

TEST_CASE("Relations: a role in a state's organ that is no known actor is an office of the state",
          "[extract][relations]") {
  // Invented names.
  const auto a = facts("Omar Haddad, the secretary of Lebanon's Higher Defence Council, said the talks would go on.",
                       "2023-05-08");
  CHECK(hasLine(a, "Omar Haddad -OFFICIAL_OF-> Lebanon"));
  CHECK_FALSE(hasLine(a, "Omar Haddad -LEADER_OF-> Lebanon"));
  // The head of an organ does not lead the state.
  const auto b = facts("Kenya expelled Omar Haddad, the head of Lebanon's General Security Directorate, on Monday.",
                       "2023-05-08");
  CHECK(hasLine(b, "Omar Haddad -OFFICIAL_OF-> Lebanon"));
  CHECK_FALSE(hasLine(b, "Omar Haddad -LEADER_OF-> Lebanon"));
  // A party or movement of the country is no organ of its state.
  const auto c = facts("Omar Haddad, the leader of Lebanon's Cedar Movement, said the talks would go on.", "2023-05-08");
  CHECK_FALSE(hasLine(c, "Omar Haddad -OFFICIAL_OF-> Lebanon"));
  CHECK_FALSE(hasLine(c, "Omar Haddad -LEADER_OF-> Lebanon"));
}

TEST_CASE("Relations: diplomats, consuls and military rulers, a post's place or a rank between title and name",
          "[extract][relations]") {
  // Invented names.
  const auto a = facts("Japan expelled the Russian diplomat Ivan Petrov on Monday.", "2021-05-10");
  CHECK(hasLine(a, "Ivan Petrov -OFFICIAL_OF-> Russia"));
  const auto b = facts("Canada summoned a Chinese consul in Toronto, Li Wen, on Monday.", "2021-05-10");
  CHECK(hasLine(b, "Li Wen -OFFICIAL_OF-> China"));
  const auto c = facts("Spain recalled its ambassador to Algeria, Fernando Moran, on Friday.", "2021-05-10");
  CHECK(hasLine(c, "Fernando Moran -OFFICIAL_OF-> Spain"));
  CHECK_FALSE(hasLine(c, "Fernando Moran -OFFICIAL_OF-> Algeria"));
  const auto d = facts("Mali's military leader, Colonel Adama Keita, visited Moscow on Monday.", "2021-05-10");
  CHECK(hasLine(d, "Adama Keita -LEADER_OF-> Mali"));
  // A rank alone after a comma gives no office.
  const auto e = facts("The army named a new commander, Colonel Adama Keita, on Monday.", "2021-05-10");
  CHECK_FALSE(hasLine(e, "Adama Keita -LEADER_OF-> Mali"));
}

TEST_CASE("Relations: a vague title with a demonym is an office only when the dictionary records it then",
          "[extract][relations]") {
  // Kim Jong Un is recorded leading North Korea; "leader" alone says too little otherwise.
  const auto a = facts("North Korean leader Kim Jong Un met President Xi Jinping in Beijing on Tuesday.", "2019-01-08");
  CHECK(hasLine(a, "Kim Jong-un -LEADER_OF-> North Korea"));
  const auto b = facts("Iraqi militia leader Qais al-Khazali threatened American troops on Monday.", "2020-01-06");
  CHECK_FALSE(hasLine(b, "Qais al-Khazali -LEADER_OF-> Iraq"));
  const auto c = facts("Iraqi leader Karim Yassin met the envoy on Monday.", "2020-01-06");
  CHECK_FALSE(hasLine(c, "Karim Yassin -LEADER_OF-> Iraq"));
}

TEST_CASE("Relations: a title read before a recorded office holder joins the tenure held on the article's date",
          "[extract][relations]") {
  using namespace kg;
  auto x = kg::extract::testing::defaultExtractor().extract(
      kg::extract::testing::article("US President Joe Biden met Mustafa al-Kadhimi at the White House.", "2021-07-26"));
  bool seen = false;
  for (const auto& e : x.edges) {
    if (e.edge.type != EdgeType::kLeaderOf || e.edge.evidence.empty() || e.edge.evidence[0].doc.empty()) continue;
    if (x.actors[e.src].actor.name != "Joe Biden") continue;
    seen = true;
    CHECK(e.edge.title == "President");  // the recorded presidency, not the vice presidency
  }
  CHECK(seen);
}

TEST_CASE("Relations: a title alone before a recorded holder states the tenure held then, and only an unambiguous one",
          "[extract][relations]") {
  // No state is written: the dictionary records al-Kadhimi as Iraq's Prime Minister from May 2020 to October 2022.
  CHECK(hasLine(facts("Prime Minister Mustafa al-Kadhimi spoke to reporters in Baghdad on Sunday.", "2021-11-07"),
                "Mustafa al-Kadhimi -LEADER_OF-> Iraq"));
  // Outside the tenure, or under another title, the sentence states no office.
  CHECK(facts("Prime Minister Mustafa al-Kadhimi spoke to reporters in Baghdad on Sunday.", "2023-11-05").count(
            "Mustafa al-Kadhimi -LEADER_OF-> Iraq") == 0);
  CHECK(facts("Foreign Minister Mustafa al-Kadhimi spoke to reporters in Baghdad on Sunday.", "2021-11-07").empty());
  // Sadr leads both the Sadrist Movement and Saraya al-Salam: "leader" alone does not say which.
  const auto s = facts("Political leader Muqtada al-Sadr spoke to reporters in Najaf on Sunday.", "2022-08-29");
  CHECK(s.count("Muqtada al-Sadr -LEADER_OF-> Saraya al-Salam") == 0);
  CHECK(s.count("Muqtada al-Sadr -LEADER_OF-> Sadrist Movement") == 0);
}

TEST_CASE("Relations: 'G, led by P' and 'G headed by P' make P the leader of G", "[extract][relations]") {
  // Invented names.
  const auto a = facts("The Andes Unity Party, led by the lawyer Jose Quispe, won most seats on Sunday.", "2023-05-08");
  CHECK(hasLine(a, "Jose Quispe -LEADER_OF-> Andes Unity Party"));
  const auto b = facts("The Andes Unity Party, the largest bloc and headed by Jose Quispe, walked out on Sunday.", "2023-05-08");
  CHECK(hasLine(b, "Jose Quispe -LEADER_OF-> Andes Unity Party"));
  // A state that leads is no person: "a coalition led by Chile" gives no leader fact here.
  for (const auto& line : facts("A coalition led by Chile sent ships to the strait on Sunday.", "2023-05-08"))
    CHECK(line.find("LEADER_OF") == std::string::npos);
}

TEST_CASE("Relations: a person written as the owner of a party or armed group leads it", "[extract][relations]") {
  const auto a = facts("Sadr formed an alliance with Massoud Barzani's Kurdistan Democratic Party on Monday.", "2021-11-08");
  CHECK(hasLine(a, "Massoud Barzani -LEADER_OF-> Kurdistan Democratic Party"));
  // Invented names: the party read from "the ... party" after the owner.
  const auto b = facts("Jose Quispe's Andes Unity party won most seats on Sunday.", "2023-05-08");
  CHECK(hasLine(b, "Jose Quispe -LEADER_OF-> Andes Unity"));
  // A government body is served, not led, by whoever is written as its owner.
  for (const auto& line : facts("Joe Biden's State Department criticised Iran on Monday.", "2021-11-08"))
    CHECK(line.find("LEADER_OF") == std::string::npos);
}

TEST_CASE("Relations: a bare head-of-state title before an unknown name goes to the sentence's one owning state",
          "[extract][relations]") {
  // Invented names: the dictionary knows neither person.
  const auto a = facts("Mutinous Malian soldiers detained President Oumar Keldiba on Tuesday.", "2023-05-09");
  CHECK(hasLine(a, "Oumar Keldiba -LEADER_OF-> Mali"));
  const auto b = facts("Peru's Congress removed President Julio Anchaya from office on Wednesday.", "2023-05-09");
  CHECK(hasLine(b, "Julio Anchaya -LEADER_OF-> Peru"));
  const auto c = facts("Kenyan police arrested Interior Minister Joseph Kamau Otieno on Friday.", "2023-05-09");
  CHECK(hasLine(c, "Joseph Kamau Otieno -OFFICIAL_OF-> Kenya"));
  // A state that only places the sentence, or is a party to it, is not the owner.
  const auto d = facts("President Oumar Keldiba arrived in Japan on Tuesday.", "2023-05-09");
  CHECK_FALSE(hasLine(d, "Oumar Keldiba -LEADER_OF-> Japan"));
  const auto e = facts("President Julio Anchaya broke off diplomatic relations with the United States.", "2023-05-09");
  CHECK_FALSE(hasLine(e, "Julio Anchaya -LEADER_OF-> United States"));
  // Two states, or a state another person of the sentence holds: no owner.
  const auto f = facts("Armenia and Azerbaijan agreed to a truce signed by Prime Minister Aram Vardanyan.", "2023-05-09");
  CHECK_FALSE(hasLine(f, "Aram Vardanyan -LEADER_OF-> Azerbaijan"));
  CHECK_FALSE(hasLine(f, "Aram Vardanyan -LEADER_OF-> Armenia"));
  const auto g = facts("Prime Minister Arben Hoxha said Serbian President Aleksandar Vucic was lying.", "2023-05-09");
  CHECK_FALSE(hasLine(g, "Arben Hoxha -LEADER_OF-> Serbia"));
  // A former office is not dated now.
  const auto h = facts("Peru's Congress questioned former president Julio Anchaya on Wednesday.", "2023-05-09");
  CHECK_FALSE(hasLine(h, "Julio Anchaya -LEADER_OF-> Peru"));
}

TEST_CASE("Relations: a bare title in a sentence naming no state goes to the one state of the sentence before",
          "[extract][relations]") {
  // Invented names: the dictionary knows neither person.
  const auto a = facts("The World Bank approved a loan for Zambia on Monday.\nFinance Minister Peter Mwansa welcomed it.",
                       "2023-05-09");
  CHECK(hasLine(a, "Peter Mwansa -OFFICIAL_OF-> Zambia"));
  const auto b = facts("Rebels seized a town in northern Chad on Sunday.\nPresident Idriss Mahamat vowed to retake it.",
                       "2023-05-09");
  CHECK(hasLine(b, "Idriss Mahamat -LEADER_OF-> Chad"));
  // Two states before: no owner.
  const auto c = facts("Zambia and Malawi signed a trade deal on Monday.\nFinance Minister Peter Mwansa welcomed it.",
                       "2023-05-09");
  for (const auto& l : c) CHECK(l.find("Peter Mwansa -OFFICIAL_OF->") == std::string::npos);
  // A demonym in the title's own sentence says another state may be meant: no owner.
  const auto d = facts("The World Bank approved a loan for Zambia on Monday.\n"
                       "Finance Minister Peter Mwansa thanked the Malawian envoy.",
                       "2023-05-09");
  for (const auto& l : d) CHECK(l.find("Peter Mwansa -OFFICIAL_OF-> Zambia") == std::string::npos);
  // A government's other portfolios are titles too, written before the name or in apposition.
  const auto g = facts(
      "The World Bank approved a loan for Zambia on Monday.\n"
      "Information Minister Peter Mwansa welcomed it.",
      "2023-05-09");
  CHECK(hasLine(g, "Peter Mwansa -OFFICIAL_OF-> Zambia"));
  const auto h = facts(
      "The World Bank approved a loan for Zambia on Monday.\n"
      "The information minister, Peter Mwansa, welcomed it.",
      "2023-05-09");
  CHECK(hasLine(h, "Peter Mwansa -OFFICIAL_OF-> Zambia"));
  // A state's government body in the title's sentence names that state: the
  // state of the sentence before is not the office's.
  const auto k = facts(
      "The World Bank approved a loan for Zambia on Monday.\n"
      "Health Secretary Peter Mwansa spoke at the White House.",
      "2023-05-09");
  for (const auto& l : k) CHECK(l.find("Peter Mwansa -OFFICIAL_OF-> Zambia") == std::string::npos);
  // Another body's title beside it names no state: the office is still Zambia's.
  const auto f = facts(
      "The World Bank approved a loan for Zambia on Monday.\n"
      "Finance Minister Peter Mwansa handed the plan to UN Secretary-General Antonio Guterres.",
      "2023-05-09");
  CHECK(hasLine(f, "Peter Mwansa -OFFICIAL_OF-> Zambia"));
  // Only the sentence right before counts.
  const auto e = facts("The World Bank approved a loan for Zambia on Monday.\nMarkets rose.\n"
                       "Finance Minister Peter Mwansa welcomed it.",
                       "2023-05-09");
  for (const auto& l : e) CHECK(l.find("Peter Mwansa -OFFICIAL_OF->") == std::string::npos);
}

TEST_CASE("Relations: the staff of an international body are its officials, a party's its members",
          "[extract][relations]") {
  // Invented names.
  const auto a = facts("Peter Mwansa, the UN special envoy for Yemen, met the rebels on Monday.", "2023-05-09");
  CHECK(hasLine(a, "Peter Mwansa -OFFICIAL_OF-> United Nations"));
  CHECK(a.count("Peter Mwansa -MEMBER_OF-> United Nations") == 0);
  const auto b = facts("Peter Mwansa, a spokesman for the Kurdistan Democratic Party, spoke on Monday.", "2023-05-09");
  CHECK(hasLine(b, "Peter Mwansa -MEMBER_OF-> Kurdistan Democratic Party"));
}

TEST_CASE("Relations: 'the agency's director general, X' opening a sentence is an office of the body the sentence before named",
          "[extract][relations]") {
  // Invented names.
  const auto a = facts("Iran barred inspectors of the International Atomic Energy Agency on Monday.\n"
                       "The agency's director general, Karl Wendt, called the step regrettable.",
                       "2023-05-09");
  CHECK(hasLine(a, "Karl Wendt -LEADER_OF-> International Atomic Energy Agency"));
  const auto b = facts("The African Union suspended Mali on Monday.\nThe bloc's chairman, Amadou Sy, urged elections.",
                       "2023-05-09");
  CHECK(hasLine(b, "Amadou Sy -LEADER_OF-> African Union"));
  // Two bodies and no name holding the noun: no owner.
  const auto c = facts("The African Union and the Arab League met in Cairo on Monday.\n"
                       "The bloc's chairman, Amadou Sy, urged elections.",
                       "2023-05-09");
  for (const auto& l : c) CHECK(l.find("Amadou Sy -LEADER_OF->") == std::string::npos);
  // Only the sentence right before counts.
  const auto d = facts("The African Union suspended Mali on Monday.\nMarkets fell.\n"
                       "The bloc's chairman, Amadou Sy, urged elections.",
                       "2023-05-09");
  for (const auto& l : d) CHECK(l.find("Amadou Sy -LEADER_OF->") == std::string::npos);
}

TEST_CASE("Relations: 'the Deputy Secretary-General of G X' is a member of G, not its leader",
          "[extract][relations]") {
  // Invented name.
  const auto a = facts("On Monday, the Deputy Secretary-General of Lebanon's \"Hezbollah Movement\" Omar Tarek "
                       "expressed his distrust.",
                       "2021-07-27");
  CHECK(hasLine(a, "Omar Tarek -MEMBER_OF-> Hezbollah"));
  CHECK_FALSE(hasLine(a, "Omar Tarek -LEADER_OF-> Hezbollah"));
  // The dictionary records Naim Qassem as secretary general from 2024 only: in 2021 he was the deputy.
  const auto b = facts("On Monday, the Deputy Secretary-General of Hezbollah Naim Qassem expressed his distrust.",
                       "2021-07-27");
  CHECK(hasLine(b, "Naim Qassem -MEMBER_OF-> Hezbollah"));
  CHECK_FALSE(hasLine(b, "Naim Qassem -LEADER_OF-> Hezbollah"));
  // Without "Deputy" the title leads.
  CHECK(hasLine(facts("On Monday, the Secretary-General of Lebanon's \"Hezbollah Movement\" Omar Tarek expressed "
                      "his distrust.",
                      "2021-07-27"),
                "Omar Tarek -LEADER_OF-> Hezbollah"));
}

TEST_CASE("Relations: 'X joined ORGANISATION' is membership, wanting or planning to join is not",
          "[extract][relations]") {
  const auto a = facts("Montenegro formally joined NATO on Tuesday.", "2017-06-06");
  CHECK(hasLine(a, "Montenegro -MEMBER_OF-> NATO"));
  CHECK_FALSE(hasLine(a, "Montenegro -SUPPORT-> NATO"));  // the membership says it
  CHECK(hasLine(facts("Croatia has joined the European Union.", "2013-07-02"), "Croatia -MEMBER_OF-> European Union"));
  CHECK_FALSE(hasLine(facts("Georgia wants to join NATO.", "2017-06-06"), "Georgia -MEMBER_OF-> NATO"));
  CHECK_FALSE(hasLine(facts("Georgia will join NATO one day.", "2017-06-06"), "Georgia -MEMBER_OF-> NATO"));
  // Joining a state (in condemning X) is no membership.
  CHECK_FALSE(hasLine(facts("Canada joined France in condemning the coup.", "2017-06-06"), "Canada -MEMBER_OF-> France"));
}

TEST_CASE("Relations: 'sworn in as the island's president' is an office of the island named before",
          "[extract][relations]") {
  // Invented name.
  const auto f = facts("China sent warships near Taiwan on Friday, a week after Lin Weiming was sworn in as the "
                       "island's president.",
                       "2024-05-25");
  CHECK(hasLine(f, "Lin Weiming -LEADER_OF-> Taiwan"));
  CHECK_FALSE(hasLine(f, "Lin Weiming -OFFICIAL_OF-> China"));
  CHECK_FALSE(hasLine(f, "Lin Weiming -LEADER_OF-> China"));
}

TEST_CASE("Relations: a former office with a demonym is read undated, never as held on the article's date",
          "[extract][relations]") {
  // Invented name.
  using namespace kg::extract;
  const Extraction x = testing::defaultExtractor().extract(
      testing::article("The former Chilean president Julio Anchaya criticised Peru on Wednesday.", "2023-05-09"));
  bool seen = false;
  for (const auto& e : x.edges) {
    if (e.edge.type != kg::EdgeType::kLeaderOf || x.actors[e.src].actor.name != "Julio Anchaya") continue;
    seen = true;
    CHECK(x.actors[e.dst].actor.name == "Chile");
    CHECK_FALSE(e.edge.when.anyKnown());
  }
  CHECK(seen);
  // Without "former" it is held on the article's date.
  const Extraction y = testing::defaultExtractor().extract(
      testing::article("The Chilean president Julio Anchaya criticised Peru on Wednesday.", "2023-05-09"));
  bool dated = false;
  for (const auto& e : y.edges)
    if (e.edge.type == kg::EdgeType::kLeaderOf && y.actors[e.src].actor.name == "Julio Anchaya")
      dated = e.edge.when.anyKnown();
  CHECK(dated);
}

TEST_CASE("Relations: 'his Iranian counterpart, X' and 'the Iranian foreign ministry spokesman, X' are offices",
          "[extract][relations]") {
  // Invented names.
  const auto a = facts("Chile's foreign minister and his Argentine counterpart, Lucas Ferreyra, spoke on Monday.",
                       "2023-05-09");
  CHECK(hasLine(a, "Lucas Ferreyra -OFFICIAL_OF-> Argentina"));
  const auto b = facts("The Peruvian foreign ministry spokesman, Diego Salcedo, denied the report.", "2023-05-09");
  CHECK(hasLine(b, "Diego Salcedo -OFFICIAL_OF-> Peru"));
}

TEST_CASE("Relations: a title owned through its, their or 'the group's' belongs to the group or state before it",
          "[extract][relations]") {
  // Invented names: the dictionary knows none of the people.
  const auto a = facts("Hezbollah said its leader, Karim Yassin, had met the Iraqi ambassador.", "2023-05-08");
  CHECK(hasLine(a, "Karim Yassin -LEADER_OF-> Hezbollah"));
  const auto b = facts("The Houthis said their spokesman, Omar Haddad, had announced new attacks.", "2023-05-08");
  CHECK(hasLine(b, "Omar Haddad -MEMBER_OF-> Houthis"));
  CHECK_FALSE(hasLine(b, "Omar Haddad -LEADER_OF-> Houthis"));
  const auto c = facts("Hamas said on Monday that the group's political chief, Karim Yassin, had been killed.",
                       "2023-05-08");
  CHECK(hasLine(c, "Karim Yassin -LEADER_OF-> Hamas"));
  // "their" takes up the subject that opens the sentence, not the city in between.
  const auto d = facts("Wagner Group fighters halted their march on Moscow after a deal with their leader, Omar Haddad.",
                       "2023-06-24");
  CHECK(hasLine(d, "Omar Haddad -LEADER_OF-> Wagner Group"));
  CHECK_FALSE(hasLine(d, "Omar Haddad -OFFICIAL_OF-> Russia"));
  // A state's minister is an official of the state; "his" still needs a person.
  const auto e = facts("Kenya said its foreign minister, Amina Wekesa, would travel to Kampala.", "2023-05-08");
  CHECK(hasLine(e, "Amina Wekesa -OFFICIAL_OF-> Kenya"));
}

TEST_CASE("Mentions: a capitalised name after a group noun is a group, armed after 'militant'", "[extract][relations]") {
  using namespace kg;
  auto x = kg::extract::testing::defaultExtractor().extract(kg::extract::testing::article(
      "Iran struck bases of the militant group Zarqa Front and of the opposition group Nahr al-Amal on Tuesday.",
      "2024-01-17"));
  std::map<std::string, ActorKind> kinds;
  for (const auto& a : x.actors) kinds[a.actor.name] = a.actor.kind;
  REQUIRE(kinds.count("Zarqa Front") == 1);
  CHECK(kinds["Zarqa Front"] == ActorKind::kArmedGroup);
  REQUIRE(kinds.count("Nahr al-Amal") == 1);
  CHECK(kinds["Nahr al-Amal"] == ActorKind::kOrganisation);
  const auto f = happened("Iran struck bases of the militant group Zarqa Front on Tuesday.", "2024-01-17");
  CHECK(hasLine(f, "Iran -ASSAULT-> Zarqa Front"));
  // A weekday after the noun is a time, not a name.
  auto y = kg::extract::testing::defaultExtractor().extract(
      kg::extract::testing::article("The group Monday said it would keep fighting in the north.", "2024-01-17"));
  for (const auto& a : y.actors) CHECK(a.actor.name != "Monday");
}

TEST_CASE("Relations: a party's general secretary leads it, a group's chief negotiator is one of it",
          "[extract][relations]") {
  // Invented names: the dictionary knows neither.
  CHECK(hasLine(
      facts("Biden held talks with Tran Van Minh, the general secretary of Vietnam's Communist Party.", "2023-09-10"),
      "Tran Van Minh -LEADER_OF-> Communist Party"));
  CHECK(hasLine(facts("The delegation was led by the Houthis' chief negotiator, Ahmed Qassem.", "2023-09-10"),
                "Ahmed Qassem -MEMBER_OF-> Houthis"));
}

TEST_CASE("Relations: 'X became <office>' and 'named X <office>' give X the office", "[extract][relations]") {
  // Invented names: the dictionary knows neither.
  CHECK(hasLine(facts("Claire Vautrin became prime minister of France in January.", "2024-01-09"),
                "Claire Vautrin -LEADER_OF-> France"));
  CHECK(hasLine(facts("Protests went on in Peru after Rosa Quispe became Peru's interior minister.", "2023-05-08"),
                "Rosa Quispe -OFFICIAL_OF-> Peru"));
  CHECK(hasLine(facts("Kenya's president named Amina Wekesa foreign minister on Monday.", "2023-05-08"),
                "Amina Wekesa -OFFICIAL_OF-> Kenya"));
  // No office after the name or "became": nothing.
  CHECK_FALSE(hasLine(facts("Kenya's president named Amina Wekesa on Monday.", "2023-05-08"),
                      "Amina Wekesa -OFFICIAL_OF-> Kenya"));
  for (const auto& l : facts("Rosa Quispe became the first woman to lead Peru's police.", "2023-05-08"))
    CHECK(l.find("Rosa Quispe -LEADER_OF->") == std::string::npos);
  // Past an apposition; a person the dictionary knows serves the state it records, not another of the sentence.
  const auto f = facts(
      "It was the boldest move against the Iran-backed group since Mustafa al-Kadhimi, a former "
      "intelligence chief, became prime minister in May.",
      "2020-06-26");
  CHECK(hasLine(f, "Mustafa al-Kadhimi -LEADER_OF-> Iraq"));
  CHECK_FALSE(hasLine(f, "Mustafa al-Kadhimi -LEADER_OF-> Iran"));
}

TEST_CASE("Relations: 'appointed X as <office>' gives X the office of the appointer's state", "[extract][relations]") {
  // Invented names: the dictionary knows neither appointee.
  const auto a = facts("Emmanuel Macron appointed Claire Vautrin as prime minister on Tuesday.", "2024-01-09");
  CHECK(hasLine(a, "Claire Vautrin -LEADER_OF-> France"));
  const auto b = facts("Kenya's president named Amina Wekesa as his new foreign minister on Monday.", "2023-05-08");
  CHECK(hasLine(b, "Amina Wekesa -OFFICIAL_OF-> Kenya"));
  // "as ... of X": the state written after the office.
  const auto c = facts("The council named Tomas Arroyo as trade minister of Chile.", "2023-05-08");
  CHECK(hasLine(c, "Tomas Arroyo -OFFICIAL_OF-> Chile"));
  // The passive, with the sentence's one state.
  const auto d = facts("In Peru, Rosa Quispe was appointed as interior minister on Friday.", "2023-05-08");
  CHECK_FALSE(hasLine(d, "Rosa Quispe -OFFICIAL_OF-> Peru"));  // "In Peru" only places the sentence
  const auto e = facts("Peru's Rosa Quispe was appointed as interior minister on Friday.", "2023-05-08");
  CHECK(hasLine(e, "Rosa Quispe -OFFICIAL_OF-> Peru"));
  // No office after "as": nothing ("named X as a suspect", "chose X as its venue").
  const auto f = facts("Emmanuel Macron named Claire Vautrin as a suspect in the case.", "2024-01-09");
  CHECK_FALSE(hasLine(f, "Claire Vautrin -OFFICIAL_OF-> France"));
  CHECK_FALSE(hasLine(f, "Claire Vautrin -LEADER_OF-> France"));
}

TEST_CASE("Relations: 'replaced <office> X with Y' gives Y the office X held", "[extract][relations]") {
  const auto a = facts("Benjamin Netanyahu replaced his defence minister, Avi Marom, with Eli Sasson on Tuesday.",
                       "2024-11-06");
  CHECK(hasLine(a, "Avi Marom -OFFICIAL_OF-> Israel"));
  CHECK(hasLine(a, "Eli Sasson -OFFICIAL_OF-> Israel"));
  // A bare title: the office is in the state of the person who replaces.
  const auto b = facts("Vladimir Putin replaced Defence Minister Ivan Petrov with the economist Oleg Smirnov.",
                       "2024-05-13");
  CHECK(hasLine(b, "Ivan Petrov -OFFICIAL_OF-> Russia"));
  CHECK(hasLine(b, "Oleg Smirnov -OFFICIAL_OF-> Russia"));
  // "replaced X with Y" without an office of X: nothing for Y.
  const auto c = facts("Vladimir Putin replaced Ivan Petrov with Oleg Smirnov.", "2024-05-13");
  CHECK_FALSE(hasLine(c, "Oleg Smirnov -OFFICIAL_OF-> Russia"));
}

TEST_CASE("Mentions: a given name that is also a demonym-like word opens a person's name", "[extract][relations]") {
  const auto a = facts("Olaf Scholz fired his finance minister, Christian Lindmark, on Wednesday.", "2024-11-07");
  CHECK(hasLine(a, "Christian Lindmark -OFFICIAL_OF-> Germany"));
  // "Christian" before a common noun stays a word.
  auto x = kg::extract::testing::defaultExtractor().extract(
      kg::extract::testing::article("Christian militias attacked the village on Monday.", "2024-11-07"));
  for (const auto& actor : x.actors) CHECK(actor.actor.name.find("Christian") == std::string::npos);
}

TEST_CASE("Relations: 'X was sworn in as <office>' gives the office, the state from the text or the dictionary",
          "[extract][relations]") {
  // An invented minister: the state written before the office.
  const auto a = facts("Amina Wekesa was sworn in as Kenya's foreign minister on Tuesday.", "2022-09-14");
  CHECK(hasLine(a, "Amina Wekesa -OFFICIAL_OF-> Kenya"));
  // No state written and none known: nothing.
  const auto b = facts("Amina Wekesa was sworn in as foreign minister on Tuesday.", "2022-09-14");
  CHECK_FALSE(hasLine(b, "Amina Wekesa -OFFICIAL_OF-> Kenya"));
  // A known leader: the office read joins the dictionary's tenure.
  const auto c = facts("William Ruto was sworn in as Kenya's president on Tuesday.", "2022-09-14");
  CHECK(hasLine(c, "William Ruto -LEADER_OF-> Kenya"));
}

TEST_CASE("Relations: 'the <title> of <body>, <name>' gives the named person the body's office",
          "[extract][relations]") {
  // Invented names: the dictionary knows none of these people.
  const auto a = facts("The foreign minister of Oman, Salim al-Harthi, met Iranian officials on Monday.", "2023-05-08");
  CHECK(hasLine(a, "Salim al-Harthi -OFFICIAL_OF-> Oman"));
  CHECK(hasLine(a, "Salim al-Harthi -CONSULT-> Iran"));
  CHECK_FALSE(hasLine(a, "Oman -CONSULT-> Iran"));  // the body only qualifies the title
  // A qualifier that says who leads ("chief") is kept; the person need not be known.
  const auto b = facts("The chief prosecutor of the International Criminal Court, Tomas Ferreira, asked judges for warrants.",
                       "2023-05-08");
  CHECK(hasLine(b, "Tomas Ferreira -LEADER_OF-> International Criminal Court"));
  const auto c = facts("The secretary general of the Arab League, Hisham Mansour, said Iraq was safe.", "2023-05-08");
  CHECK(hasLine(c, "Hisham Mansour -LEADER_OF-> Arab League"));
  // A list of bodies or of names is no single office; without "the" it is no apposition.
  const auto d = facts("The foreign ministers of Oman and Qatar, Salim al-Harthi and Ali Thani, met on Monday.", "2023-05-08");
  CHECK_FALSE(hasLine(d, "Salim al-Harthi -OFFICIAL_OF-> Qatar"));
  const auto e = facts("He met leaders of Oman, Salim al-Harthi and others.", "2023-05-08");
  CHECK_FALSE(hasLine(e, "Salim al-Harthi -LEADER_OF-> Oman"));
}

TEST_CASE("Relations: a recorded title written just after its tenure ended joins that tenure", "[extract][relations]") {
  // The dictionary (leaders_world.txt) records Ashraf Ghani as President of
  // Afghanistan until 2021-08-15; the report of his flight comes later.
  const auto a = facts("Taliban commanders said President Ashraf Ghani had left the country.", "2021-08-17");
  CHECK(hasLine(a, "Ashraf Ghani -LEADER_OF-> Afghanistan"));
  // A title written as over, or a tenure long ended, says nothing of a current office.
  const auto b = facts("Taliban commanders said the ousted President Ashraf Ghani had left the country.", "2021-08-17");
  CHECK_FALSE(hasLine(b, "Ashraf Ghani -LEADER_OF-> Afghanistan"));
  const auto c = facts("Taliban commanders said President Ashraf Ghani had left the country.", "2021-10-17");
  CHECK_FALSE(hasLine(c, "Ashraf Ghani -LEADER_OF-> Afghanistan"));
}

TEST_CASE("Relations: 'a commander of G, X' is a member, 'General X of G' belongs to G", "[extract][relations]") {
  // Invented names: the dictionary knows none of these people.
  const auto a = facts("A US drone strike killed a commander of Kataib Hezbollah, Abu Karim al-Tamimi, on Thursday.",
                       "2024-02-08");
  CHECK(hasLine(a, "Abu Karim al-Tamimi -MEMBER_OF-> Kata'ib Hezbollah"));
  CHECK_FALSE(hasLine(a, "Abu Karim al-Tamimi -LEADER_OF-> Kata'ib Hezbollah"));
  CHECK(hasLine(a, "United States -ASSAULT-> Abu Karim al-Tamimi"));  // the person, not the group, was hit
  const auto b = facts("An Israeli air strike killed General Hossein Amini of the Quds Force on Monday.", "2024-04-02");
  CHECK(hasLine(b, "Hossein Amini -MEMBER_OF-> Quds Force"));
  const auto c = facts("Secretary General Omar Haddad of the Arab League met Iraqi officials.", "2024-04-02");
  CHECK(hasLine(c, "Omar Haddad -LEADER_OF-> Arab League"));
  // A state after "of" is a nationality, not a membership.
  const auto d = facts("General Hossein Amini of Iran met Iraqi officials.", "2024-04-02");
  CHECK_FALSE(hasLine(d, "Hossein Amini -MEMBER_OF-> Iran"));
}

TEST_CASE("Relations: a bare deputy's title, or a known person's unrecorded title, is the sentence's state's office",
          "[extract][relations]") {
  // William Ruto is in the dictionary as President of Kenya from September 2022 only.
  const auto a = facts("Kenya's electoral commission met Deputy President William Ruto on Monday.", "2022-08-15");
  CHECK(hasLine(a, "William Ruto -OFFICIAL_OF-> Kenya"));
  CHECK_FALSE(hasLine(a, "William Ruto -LEADER_OF-> Kenya"));
  const auto b = facts("Ghana's parliament questioned Vice President Kwame Asante on Monday.", "2022-08-15");
  CHECK(hasLine(b, "Kwame Asante -OFFICIAL_OF-> Ghana"));
}

TEST_CASE("Relations: a deputy's title the list does not know whole is still a title ('deputy foreign minister')",
          "[extract][relations]") {
  // Invented names. The title list knows "Foreign Minister", not "Deputy Foreign Minister".
  const auto a = facts("Russia's deputy foreign minister, Pavel Orlov, criticised the United States on Monday.",
                       "2021-03-10");
  CHECK(hasLine(a, "Pavel Orlov -OFFICIAL_OF-> Russia"));
  CHECK(hasLine(a, "Pavel Orlov -ACCUSE-> United States"));
  const auto b = facts("Russian Deputy Foreign Minister Pavel Orlov met Iraqi officials on Monday.", "2021-03-10");
  CHECK(hasLine(b, "Pavel Orlov -OFFICIAL_OF-> Russia"));
  CHECK_FALSE(hasLine(b, "Pavel Orlov -LEADER_OF-> Russia"));
  // Without the opener's help the name was no person at all.
  const auto c = facts("Deputy Foreign Minister Pavel Orlov criticised the United States on Monday.", "2021-03-10");
  CHECK(hasLine(c, "Pavel Orlov -ACCUSE-> United States"));
  // A deputy of a group serves its leader.
  const auto d = facts("Hezbollah's deputy commander Karim Haddad threatened Israel on Sunday.", "2021-03-10");
  CHECK(hasLine(d, "Karim Haddad -MEMBER_OF-> Hezbollah"));
  CHECK_FALSE(hasLine(d, "Karim Haddad -LEADER_OF-> Hezbollah"));
}

TEST_CASE("Relations: a role read for someone whose recorded offices all ended is undated, not held on the article's date",
          "[extract][relations]") {
  using namespace kg::extract;
  // The dictionary records al-Muhandis's offices up to his death on 2020-01-03: Deputy Chairman
  // (a member) of the Popular Mobilization Forces from 2014, and the founder (leader) of Kata'ib
  // Hezbollah. A membership of Kata'ib Hezbollah is recorded for him in no entry.
  struct Read {
    std::optional<kg::DateRange> when;
    kg::DateBasis basis = kg::DateBasis::kUnknown;
    std::string title;
  };
  auto roleRead = [](const char* date, const char* body) {
    const Extraction x = testing::defaultExtractor().extract(testing::article(
        "Anger has grown since the killing of Abu Mahdi al-Muhandis, a senior member of Kata'ib Hezbollah and "
        "the deputy head of the Popular Mobilization Forces.",
        date));
    Read r;
    for (const auto& e : x.edges)
      // The role the sentence states (evidence from the text), not the dictionary's own edge.
      if (e.edge.type == kg::EdgeType::kMemberOf && x.actors[e.src].actor.name == "Abu Mahdi al-Muhandis" &&
          x.actors[e.dst].actor.name == body && !e.edge.evidence.empty() && !e.edge.evidence.front().doc.empty()) {
        r.when = e.edge.when;
        r.basis = e.edge.dateBasis;
        r.title = e.edge.title;
      }
    return r;
  };
  // A role that is not recorded: undated once every recorded office has ended, ...
  const Read later = roleRead("2021-07-27", "Kata'ib Hezbollah");
  REQUIRE(later.when.has_value());
  CHECK_FALSE(later.when->anyKnown());
  const Read justAfter = roleRead("2020-01-05", "Kata'ib Hezbollah");
  REQUIRE(justAfter.when.has_value());
  CHECK_FALSE(justAfter.when->anyKnown());
  // ... dated by the article while he held them.
  const Read during = roleRead("2019-07-27", "Kata'ib Hezbollah");
  REQUIRE(during.when.has_value());
  CHECK(during.when->from.toString() == "2019-07-27");
  CHECK(during.basis == kg::DateBasis::kArticle);
  // The recorded one, read again in whatever words ("the deputy head"), is that tenure: its
  // dates and title, never extended past his death nor started on the article's date.
  for (const char* date : {"2021-07-27", "2020-01-05", "2019-07-27"}) {
    INFO(date);
    const Read pmf = roleRead(date, "Popular Mobilization Forces");
    REQUIRE(pmf.when.has_value());
    CHECK(pmf.when->from.toString() == "2014");
    CHECK(pmf.when->to.toString() == "2020-01-03");
    CHECK(pmf.basis == kg::DateBasis::kDictionary);
    CHECK(pmf.title == "Deputy Chairman");
  }
}

TEST_CASE("Relations: an office read after its recorded tenure ended is that tenure, the latest begun before the article",
          "[extract][relations]") {
  using namespace kg::extract;
  // Trump's two recorded terms: 2017-01-20..2021-01-20 and from 2025-01-20.
  auto term = [](const char* text, const char* date) {
    const Extraction x = testing::defaultExtractor().extract(testing::article(text, date));
    std::vector<std::string> out;
    for (const auto& e : x.edges)
      if (e.edge.type == kg::EdgeType::kLeaderOf && x.actors[e.src].actor.name == "Donald Trump" &&
          !e.edge.evidence.empty() && !e.edge.evidence.front().doc.empty())
        out.push_back(e.edge.when.from.toString() + ".." + e.edge.when.to.toString() + " " + e.edge.title);
    return out;
  };
  const char* former = "The strike was ordered by former US President Donald Trump.";
  CHECK(term(former, "2022-12-31") == std::vector<std::string>{"2017-01-20..2021-01-20 President"});
  CHECK(term("US President Donald Trump warned Iran on Sunday.", "2020-01-05") ==
        std::vector<std::string>{"2017-01-20..2021-01-20 President"});
  CHECK(term("US President Donald Trump warned Iran on Sunday.", "2025-03-09") ==
        std::vector<std::string>{"2025-01-20.. President"});
  // Before any recorded term began, nothing recorded is his office then: read as the text gives it.
  const auto before = term("US President Donald Trump warned Iran on Sunday.", "2016-03-06");
  for (const auto& t : before) CHECK(t.rfind("2017", 0) != 0);
}

TEST_CASE("Relations: 'the TITLEs of A and B, X and Y' gives X A's title and Y B's", "[extract][relations]") {
  const auto f = facts("The presidents of Colombia and Peru, Ivan Duque and Martin Vizcarra, met in Lima.", "2019-01-20");
  CHECK(hasLine(f, "Ivan Duque -LEADER_OF-> Colombia"));
  CHECK(hasLine(f, "Martin Vizcarra -LEADER_OF-> Peru"));
  // The bodies only qualify the titles: Peru met no one.
  for (const auto& l : f) CHECK(l.find("Peru -CONSULT->") == std::string::npos);
  const auto g = facts("The foreign ministers of Russia and Ukraine, Sergei Lavrov and Dmytro Kuleba, met in Antalya.",
                       "2022-03-10");
  CHECK(hasLine(g, "Sergei Lavrov -OFFICIAL_OF-> Russia"));
  CHECK(hasLine(g, "Dmytro Kuleba -OFFICIAL_OF-> Ukraine"));
  CHECK_FALSE(hasLine(g, "Sergei Lavrov -OFFICIAL_OF-> Ukraine"));
}

TEST_CASE("Relations: names listed after 'leaders,' with 'of' lead their groups", "[extract][relations]") {
  // Invented people and groups: the list makes them people, "of" their groups, "leaders" the title.
  const auto f = facts("Washington imposed sanctions on two militia leaders, Zorvan Qelbarri of the Velmora Brigades "
                       "and Teodric Vashko of the Orvex Militia, on Thursday.",
                       "2023-05-08");
  CHECK(hasLine(f, "Zorvan Qelbarri -LEADER_OF-> Velmora Brigades"));
  CHECK(hasLine(f, "Teodric Vashko -LEADER_OF-> Orvex Militia"));
  CHECK(hasLine(f, "United States -COERCE-> Zorvan Qelbarri"));
  CHECK(hasLine(f, "United States -COERCE-> Teodric Vashko"));
  // Without a leader's noun, "of" is membership.
  const auto g = facts("Police arrested two members, Zorvan Qelbarri of the Velmora Brigades and Teodric Vashko, on Thursday.",
                       "2023-05-08");
  CHECK(hasLine(g, "Zorvan Qelbarri -MEMBER_OF-> Velmora Brigades"));
}

TEST_CASE("Relations: a state admitted to a body, or become its member, is a member", "[extract][relations]") {
  CHECK(hasLine(facts("Sweden was admitted to NATO on Thursday.", "2024-03-07"), "Sweden -MEMBER_OF-> NATO"));
  CHECK(hasLine(facts("Sweden became the 32nd member of NATO on Thursday.", "2024-03-07"), "Sweden -MEMBER_OF-> NATO"));
  // Not a wish: "hopes to become a member of".
  CHECK_FALSE(hasLine(facts("Ukraine hopes to become a member of NATO.", "2024-03-07"), "Ukraine -MEMBER_OF-> NATO"));
}

TEST_CASE("Relations: naval and field ranks before a name are titles ('Rear Admiral', 'Lieutenant Colonel')",
          "[extract][relations]") {
  // Invented people.
  const auto f = facts("Chile's navy commander, Rear Admiral Tarvo Kelmani, said the drills would continue.", "2023-03-01");
  CHECK(hasLine(f, "Tarvo Kelmani -OFFICIAL_OF-> Chile"));
  const auto g = facts("Soldiers ousted Mali's military leader, Lieutenant Colonel Tarvo Kelmani, on Monday.", "2023-03-01");
  CHECK(hasLine(g, "Tarvo Kelmani -LEADER_OF-> Mali"));
}

TEST_CASE("Relations: a title in the plural before two names is each one's", "[extract][relations]") {
  // The dictionary records both offices; the plural title says they hold them.
  const auto f = facts("Prime Ministers Fumio Kishida and Anthony Albanese met in Hiroshima on Saturday.", "2023-05-20");
  CHECK(hasLine(f, "Fumio Kishida -LEADER_OF-> Japan"));
  CHECK(hasLine(f, "Anthony Albanese -LEADER_OF-> Australia"));
  // The words between the title and the second name are no title: the
  // coordinated subject still agrees with itself.
  const auto g = facts("Foreign Ministers Subrahmanyam Jaishankar and Penny Wong agreed on Monday to expand naval drills.",
                       "2023-03-13");
  CHECK(hasLine(g, "Subrahmanyam Jaishankar -OFFICIAL_OF-> India"));
  CHECK(hasLine(g, "Penny Wong -OFFICIAL_OF-> Australia"));
  CHECK(hasLine(g, "Subrahmanyam Jaishankar -AGREE-> Penny Wong"));
  // No title before the first name: nothing for either.
  const auto k = facts("Tarvo Kelmani and Arvo Pellin met ministers in Oslo.", "2023-03-13");
  CHECK_FALSE(hasLine(k, "Tarvo Kelmani -OFFICIAL_OF-> Norway"));
}

TEST_CASE("Relations: 'the army chief, General X' serves the sentence's one state, its head named beside him or not",
          "[extract][relations]") {
  // Invented people.
  const auto f = facts("Chile's President Gabriel Boric met the army chief, General Tarvo Kelmani, on Monday.", "2023-03-13");
  CHECK(hasLine(f, "Tarvo Kelmani -OFFICIAL_OF-> Chile"));
  const auto g = facts("Chilean protesters marched on Monday after the chief of staff, General Tarvo Kelmani, resigned.",
                       "2023-03-13");
  CHECK(hasLine(g, "Tarvo Kelmani -OFFICIAL_OF-> Chile"));
  // Two states: whose army is not said.
  const auto h = facts("Peru's President Dina Boluarte called Chile's President Gabriel Boric after the army chief, General "
                       "Tarvo Kelmani, resigned.",
                       "2023-03-13");
  CHECK_FALSE(hasLine(h, "Tarvo Kelmani -OFFICIAL_OF-> Chile"));
  CHECK_FALSE(hasLine(h, "Tarvo Kelmani -OFFICIAL_OF-> Peru"));
  // Any other title after "the" and a comma still yields to the rank ("the
  // commander, General X": no state's office read from the sentence).
  const auto k = facts("Chile's President Gabriel Boric met the commander, General Tarvo Kelmani, on Monday.", "2023-03-13");
  CHECK_FALSE(hasLine(k, "Tarvo Kelmani -OFFICIAL_OF-> Chile"));
}

TEST_CASE("Relations: a state's possessive before a known person's bare name is the office recorded for them then",
          "[extract][relations]") {
  using kg::extract::testing::facts;
  using kg::extract::testing::hasLine;
  // Boric led Chile from 2022-03-11; Modi has been India's prime minister since 2014.
  const auto f = facts("Chile's Gabriel Boric met India's Narendra Modi on Tuesday.", "2023-05-10");
  CHECK(hasLine(f, "Gabriel Boric -LEADER_OF-> Chile"));
  CHECK(hasLine(f, "Narendra Modi -LEADER_OF-> India"));
  // Before his term nothing is recorded as held: no office is read.
  const auto g = facts("Chile's Gabriel Boric met students on Tuesday.", "2019-05-14");
  CHECK_FALSE(hasLine(g, "Gabriel Boric -LEADER_OF-> Chile"));
  // Another state's possessive reads nothing ("Peru's" is no office of Boric).
  const auto h = facts("Peru's Gabriel Boric comments angered Lima on Tuesday.", "2023-05-10");
  CHECK_FALSE(hasLine(h, "Gabriel Boric -LEADER_OF-> Peru"));
}

TEST_CASE("Relations: 'State's caretaker / interim / acting TITLE, X,' is the state's office", "[extract][relations]") {
  using kg::extract::testing::facts;
  using kg::extract::testing::hasLine;
  // Invented name (no dictionary entry), so the office comes from the words alone.
  for (const char* word : {"caretaker", "interim", "acting", "outgoing", "new"}) {
    const std::string text = std::string("Poland's ") + word + " prime minister, Adam Nowicki, criticised Belarus on Tuesday.";
    INFO(text);
    CHECK(hasLine(facts(text, "2023-05-10"), "Adam Nowicki -LEADER_OF-> Poland"));
  }
  // Another word there is no standing in the office: no owner is read across it.
  CHECK_FALSE(hasLine(facts("Poland's embattled rival prime minister, Adam Nowicki, spoke on Tuesday.", "2023-05-10"),
                      "Adam Nowicki -LEADER_OF-> Poland"));
}

TEST_CASE("Relations: 'State's national security minister, X,': an office's field between owner and title",
          "[extract][relations]") {
  using kg::extract::testing::facts;
  using kg::extract::testing::hasLine;
  // Invented names (no dictionary entry), so the office comes from the words alone.
  CHECK(hasLine(facts("Chile's national security minister, Tomas Verda, visited Peru on Tuesday.", "2023-05-10"),
                "Tomas Verda -OFFICIAL_OF-> Chile"));
  CHECK(hasLine(facts("Chile's new tourism minister Tomas Verda visited Peru on Tuesday.", "2023-05-10"),
                "Tomas Verda -OFFICIAL_OF-> Chile"));
  // A word of no field between them still reads no owner.
  CHECK_FALSE(hasLine(facts("Chile's embattled rival minister, Tomas Verda, spoke on Tuesday.", "2023-05-10"),
                      "Tomas Verda -OFFICIAL_OF-> Chile"));
}

TEST_CASE(
    "Relations: an honorific before a dictionary name stays a title when the name runs on past the alias "
    "that holds it",
    "[extract][relations]") {
  using kg::extract::testing::facts;
  using kg::extract::testing::hasLine;
  // leaders_world.txt has the alias "Sheikh Mishal al-Ahmad" and the full name; the text writes both at once.
  const auto f =
      facts("Kuwait's emir, Sheikh Mishal al-Ahmad al-Jaber al-Sabah, dissolved parliament on Friday.", "2024-05-10");
  CHECK(hasLine(f, "Mishal Al-Ahmad Al-Jaber Al-Sabah -LEADER_OF-> Kuwait"));
}

TEST_CASE(
    "Relations: appointed as sultan, king or head of state leads the state, a rank between the verb and the "
    "name too",
    "[extract][relations]") {
  using kg::extract::testing::facts;
  using kg::extract::testing::hasLine;
  // Invented names, so the office comes from the words alone.
  CHECK(hasLine(facts("Brunei named Omar Halvani as its new sultan on Saturday.", "2020-01-11"),
                "Omar Halvani -LEADER_OF-> Brunei"));
  CHECK(
      hasLine(facts("The army named Lieutenant Colonel Ivo Tamsen as head of state of Mali on Saturday.", "2014-11-01"),
              "Ivo Tamsen -LEADER_OF-> Mali"));
  CHECK(hasLine(facts("Mali's army named Colonel Ivo Tamsen as president on Saturday.", "2014-11-01"),
                "Ivo Tamsen -LEADER_OF-> Mali"));
  // An ordinal or "female" before the title is no part of it: a head of government still leads.
  CHECK(hasLine(facts("Ana Velmora was sworn in as Chile's first female prime minister on Monday.", "2021-05-24"),
                "Ana Velmora -LEADER_OF-> Chile"));
  // "head of" anything else is no head of state.
  CHECK_FALSE(hasLine(facts("Mali's army named Ivo Tamsen as head of security on Saturday.", "2014-11-01"),
                      "Ivo Tamsen -LEADER_OF-> Mali"));
}

TEST_CASE("Relations: 'sacked X as TITLE' says X held the office", "[extract][relations]") {
  using kg::extract::testing::facts;
  using kg::extract::testing::hasLine;
  // Invented minister; the office is the sacking prime minister's state's.
  const auto f = facts("Rishi Sunak sacked Marta Quell as home secretary on Monday.", "2023-11-14");
  CHECK(hasLine(f, "Marta Quell -OFFICIAL_OF-> United Kingdom"));
  CHECK(hasLine(facts("Rishi Sunak dismissed Marta Quell as defence secretary on Monday.", "2023-11-14"),
                "Marta Quell -OFFICIAL_OF-> United Kingdom"));
}

TEST_CASE("Relations: 'appointed Y in his place' gives Y the office the sentence read for the one replaced",
          "[extract][relations]") {
  using kg::extract::testing::facts;
  using kg::extract::testing::hasLine;
  // Invented officers; Zelensky (the appointer) keeps his own office only.
  const auto f = facts(
      "President Volodymyr Zelensky dismissed his army chief, Marko Dovhan, on Thursday and appointed Ivan Sereda in "
      "his place.",
      "2024-02-09");
  CHECK(hasLine(f, "Marko Dovhan -OFFICIAL_OF-> Ukraine"));
  CHECK(hasLine(f, "Ivan Sereda -OFFICIAL_OF-> Ukraine"));
  CHECK_FALSE(hasLine(f, "Ivan Sereda -LEADER_OF-> Ukraine"));
}

TEST_CASE("Standing: a group's second-in-command is no leader of it", "[extract][relations]") {
  const auto f = kg::extract::testing::facts(
      "Abu Mahdi al-Muhandis, the second-in-command of the Popular Mobilization Forces, was also killed.",
      "2020-01-04");
  CHECK_FALSE(f.count("Abu Mahdi al-Muhandis -LEADER_OF-> Popular Mobilization Forces"));
  CHECK(kg::extract::testing::hasLine(f, "Abu Mahdi al-Muhandis -MEMBER_OF-> Popular Mobilization Forces"));
}

TEST_CASE("Standing: 'its' in a sentence opened by an unnamed group is that group's, never the compound's backer",
          "[extract][relations]") {
  // "Iran" only qualifies "group": Shukr is no official of Iran.
  const auto alone =
      kg::extract::testing::facts("The Iran-backed group mourned its commander Fuad Shukr.", "2024-08-26");
  for (const auto& line : alone) CHECK(line.find("Fuad Shukr -OFFICIAL_OF-> Iran") == std::string::npos);
  // With the group named in the sentence before, "its" is that group.
  const auto named = kg::extract::testing::facts(
      "Hezbollah fired rockets at Israel on Sunday. The Iran-backed group mourned its commander Fuad Shukr.",
      "2024-08-26");
  CHECK_FALSE(named.count("Fuad Shukr -OFFICIAL_OF-> Iran"));
  CHECK((named.count("Fuad Shukr -LEADER_OF-> Hezbollah") + named.count("Fuad Shukr -MEMBER_OF-> Hezbollah")) == 1);
  // A named opener keeps its own reading ("Hezbollah mourned its commander").
  CHECK(kg::extract::testing::facts("Hezbollah mourned its commander Fuad Shukr.", "2024-08-26")
            .count("Fuad Shukr -LEADER_OF-> Hezbollah") == 1);
}

TEST_CASE("Standing: 'X, the group's military spokesman,' and 'X, the head of the alliance,' name a body named before",
          "[extract][relations]") {
  // Invented names.
  const auto a = facts(
      "The Houthis fired missiles at Israeli ships on Monday.\n"
      "Karim Dabbagh, the group's military spokesman, said the attack was a response.",
      "2023-05-09");
  CHECK(hasLine(a, "Karim Dabbagh -MEMBER_OF-> Houthis"));
  const auto b = facts(
      "The court threw out a challenge by the Fatah Alliance on Monday.\n"
      "Karim Dabbagh, the head of the alliance, had asked the court to annul the results.",
      "2023-05-09");
  CHECK(hasLine(b, "Karim Dabbagh -LEADER_OF-> Fatah Alliance"));
  // "the group" is no name for an organisation such as the EU.
  const auto c = facts(
      "The European Union condemned the attacks on Monday.\n"
      "Karim Dabbagh, the group's military spokesman, said the attack was a response.",
      "2023-05-09");
  for (const auto& l : c) CHECK(l.find("Karim Dabbagh -") == std::string::npos);
  // "A, the council's leader, B,": the role is B's.
  const auto d = facts(
      "The Southern Transitional Council signed the accord on Monday.\n"
      "The ceremony was attended by Wendel Ostrand, the council's leader, Karim Dabbagh, and others.",
      "2023-05-09");
  for (const auto& l : d) CHECK(l.find("Wendel Ostrand -LEADER_OF->") == std::string::npos);
  // A first vice president leads nothing.
  const auto e = facts(
      "The European Commission fined Google on Monday.\n"
      "Karl Wendt, the commission's first vice president, said the fine was fair.",
      "2023-05-09");
  CHECK(hasLine(e, "Karl Wendt -OFFICIAL_OF-> European Commission"));
  for (const auto& l : e) CHECK(l.find("Karl Wendt -LEADER_OF->") == std::string::npos);
}
