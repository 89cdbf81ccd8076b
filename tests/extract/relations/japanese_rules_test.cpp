#include "extract/relations/japanese_rules.h"

#include <catch2/catch.hpp>

#include "../extract_test_util.h"

using kg::extract::testing::facts;
using kg::extract::testing::actorNames;
using kg::extract::testing::happened;

using kg::extract::testing::hasLine;

// Japanese sentences written for these tests from public facts (the US strike
// on 3 January 2020, Iran's missiles on Ain al-Asad on 8 January 2020,
// al-Kadhimi's talks with Biden in July 2021, the Iraqi parliament's vote).
TEST_CASE("Relations (Japanese): a passive with で / により / によって points from the agent", "[extract][relations][japanese]") {
  CHECK(hasLine(facts("ソレイマニ司令官が米軍の空爆で殺害された。", "2020-01-04"), "United States -ASSAULT-> Qassem Soleimani"));
  CHECK(hasLine(facts("ソレイマニ司令官は米国により暗殺された。", "2020-01-04"), "United States -ASSAULT-> Qassem Soleimani"));
  CHECK(hasLine(facts("ソレイマニ司令官は米軍によって殺害された。", "2020-01-04"), "United States -ASSAULT-> Qassem Soleimani"));
  CHECK(hasLine(facts("米軍はソレイマニ司令官を殺害した。", "2020-01-04"), "United States -ASSAULT-> Qassem Soleimani"));
}

TEST_CASE("Relations (Japanese): a base named after a person is not that person", "[extract][relations][japanese]") {
  CHECK(facts("イランはアサド空軍基地を攻撃した。", "2020-01-08").count("Iran -ASSAULT-> Bashar al-Assad") == 0);
}

TEST_CASE("Relations (Japanese): accuse, threaten, talks, requests, sanctions, support, withdrawal",
          "[extract][relations][japanese]") {
  CHECK(hasLine(facts("ポンペオ国務長官はカタイブ・ヒズボラを非難した。", "2020-01-04"), "Mike Pompeo -ACCUSE-> Kata'ib Hezbollah"));
  CHECK(hasLine(facts("イランは米国を威嚇した。", "2020-01-04"), "Iran -THREATEN-> United States"));
  CHECK(hasLine(facts("イランは米国に警告した。", "2020-01-04"), "Iran -THREATEN-> United States"));
  CHECK(hasLine(facts("カーズィミー首相はバイデン大統領と会談した。", "2021-07-27"), "Mustafa al-Kadhimi -CONSULT-> Joe Biden"));
  CHECK(hasLine(facts("カーズィミー首相はバイデン大統領と電話会談した。", "2021-07-27"), "Mustafa al-Kadhimi -CONSULT-> Joe Biden"));
  CHECK(hasLine(facts("カーズィミー首相はバイデン大統領と会見した。", "2021-07-27"), "Mustafa al-Kadhimi -CONSULT-> Joe Biden"));
  const auto r = facts("イラク議会は米軍の撤退を求めた。", "2020-01-05");
  CHECK(hasLine(r, "Council of Representatives of Iraq -REQUEST-> United States"));
  CHECK_FALSE(r.count("United States -RETREAT-> Iraq"));
  CHECK(hasLine(facts("イラク議会は米国に撤退を要求した。", "2020-01-05"), "Council of Representatives of Iraq -REQUEST-> United States"));
  CHECK(hasLine(facts("米国はカタイブ・ヒズボラに制裁を科した。", "2020-01-04"), "United States -COERCE-> Kata'ib Hezbollah"));
  CHECK(hasLine(facts("米国はカタイブ・ヒズボラを制裁した。", "2020-01-04"), "United States -COERCE-> Kata'ib Hezbollah"));
  CHECK(hasLine(facts("イランはカタイブ・ヒズボラを支援している。", "2020-01-04"), "Iran -SUPPORT-> Kata'ib Hezbollah"));
  CHECK(hasLine(facts("米軍はイラクから撤退した。", "2021-12-09"), "United States -RETREAT-> Iraq"));
  CHECK(hasLine(facts("米軍がイラクから撤収した。", "2021-12-09"), "United States -RETREAT-> Iraq"));
}

TEST_CASE("Relations (Japanese): a title after the name, its owner before it with の, is an office",
          "[extract][relations][japanese]") {
  const auto f = facts("イラクのサレハ大統領は5日、イランのザリフ外相と会談した。", "2020-01-06");
  CHECK(hasLine(f, "Barham Salih -LEADER_OF-> Iraq"));
  CHECK(hasLine(f, "Mohammad Javad Zarif -OFFICIAL_OF-> Iran"));
  // The owner is the title's, not a party of the talks.
  CHECK(hasLine(f, "Barham Salih -CONSULT-> Mohammad Javad Zarif"));
  CHECK(f.count("Iraq -CONSULT-> Iran") == 0);
}

// Sentences of our own, from public facts; none of them is in a held-out set.
TEST_CASE("Relations (Japanese): adverbs, manner phrases, compounds and への before the verb noun",
          "[extract][relations][japanese]") {
  // An adverb between the object and the verb noun.
  CHECK(hasLine(facts("中国外務省の報道官は米国を強く批判した。", "2020-07-14"), "China -ACCUSE-> United States"));
  // "電話で協議した": a manner phrase; "テロ組織に指定した": a result phrase.
  CHECK(hasLine(facts("フランスのマクロン大統領は20日、ロシアのプーチン大統領と電話で協議した。", "2022-02-21"),
                "Emmanuel Macron -CONSULT-> Vladimir Putin"));
  CHECK(hasLine(facts("米国は22日、イランの革命防衛隊をテロ組織に指定した。", "2019-04-23"),
                "United States -COERCE-> Islamic Revolutionary Guard Corps"));
  // "Xへの報復", "Xへの侵攻": the phrase before へ is the object.
  CHECK(hasLine(facts("ヒズボラはイスラエルへの報復を宣言した。", "2024-01-04"), "Hezbollah -THREATEN-> Israel"));
  CHECK(hasLine(facts("ロシアはウクライナへの侵攻を開始した。", "2022-02-25"), "Russia -ASSAULT-> Ukraine"));
  CHECK(hasLine(facts("イランの革命防衛隊は19日、英国のタンカーを拿捕した。", "2019-07-20"),
                "Islamic Revolutionary Guard Corps -COERCE-> United Kingdom"));
  // A katakana noun compounded with the verb noun, and a prefixed な-adjective before it:
  // "Xに対する大規模なミサイル攻撃を行った".
  CHECK(hasLine(facts("ロシアはウクライナに対する大規模なミサイル攻撃を行った。", "2024-01-02"), "Russia -ASSAULT-> Ukraine"));
  CHECK(hasLine(facts("イスラエルはイランに対するドローン攻撃を実施した。", "2024-04-19"), "Israel -ASSAULT-> Iran"));
  // "報復攻撃": the last verb noun of a compound is the act; no threat is read from 報復.
  for (const auto& l : facts("米軍はイランの革命防衛隊に報復攻撃を行った。", "2024-02-03"))
    CHECK(l.find("-THREATEN->") == std::string::npos);
  // "Xの場合は" names no subject: only a role or body after の does.
  for (const auto& l : facts("シリアの場合は、イラクと合意があった。", "2024-02-03"))
    CHECK(l.find("Syria -AGREE->") == std::string::npos);
}

TEST_CASE("Relations (Japanese): a negated verb noun codes nothing, an announced one is planned",
          "[extract][relations][japanese]") {
  for (const auto& l : facts("トルコのエルドアン大統領は、スウェーデンのNATO加盟を支持しないと表明した。", "2022-05-16"))
    CHECK(l.find("-SUPPORT->") == std::string::npos);
  // "追放すると発表した": announced, not done.
  const auto a = facts("米政府は、ロシアの外交官10人を国外追放すると発表した。", "2021-04-16", true);
  CHECK(hasLine(a, "United States -COERCE:planned-> Russia"));
  CHECK(happened("米政府は、ロシアの外交官10人を国外追放すると発表した。", "2021-04-16").count("United States -COERCE-> Russia") == 0);
}

// Sentences of our own, from public facts (session 29); none of them is in a held-out set.
TEST_CASE("Relations (Japanese): a known person's family name before a title names that person",
          "[extract][relations][japanese]") {
  // "岸田首相", "茂木外相": the family name of the dictionary's "岸田文雄", "茂木敏充".
  const auto a = facts("岸田首相は16日、ゼレンスキー大統領と電話で会談した。", "2022-03-17");
  CHECK(hasLine(a, "Fumio Kishida -CONSULT-> Volodymyr Zelensky"));
  CHECK(hasLine(facts("茂木外相はイランのザリフ外相と会談した。", "2020-08-09"),
                "Toshimitsu Motegi -CONSULT-> Mohammad Javad Zarif"));
  // A family name with no title or 氏 after it is no one.
  CHECK(actorNames("岸田さんは会社を辞めた。", "2022-03-17").count("Fumio Kishida") == 0);
}

TEST_CASE("Relations (Japanese): a complaint to X, an adjective before the verb noun, and に対する",
          "[extract][relations][japanese]") {
  // "Xに抗議した" is a formal complaint (CAMEO 114), also across a manner word ("厳重に").
  CHECK(hasLine(facts("日本政府は中国に抗議した。", "2023-03-28"), "Japan -ACCUSE-> China"));
  CHECK(hasLine(facts("韓国政府は北朝鮮に厳重に抗議した。", "2022-11-03"), "South Korea -ACCUSE-> North Korea"));
  // Summoning an ambassador is a complaint to the ambassador's state.
  CHECK(hasLine(facts("英国はロシアの大使を呼び出した。", "2022-02-25"), "United Kingdom -ACCUSE-> Russia"));
  // "厳しい報復", "新たな制裁": an adjective between the object and the verb noun.
  CHECK(hasLine(facts("イランは米国に対する厳しい報復を宣言した。", "2020-01-04"), "Iran -THREATEN-> United States"));
  CHECK(hasLine(facts("欧州連合はロシアに新たな制裁を科した。", "2022-03-15"), "European Union -COERCE-> Russia"));
}

TEST_CASE("Relations (Japanese): X and Y joined by と as the subject of talks or an agreement",
          "[extract][relations][japanese]") {
  const auto a = facts("エジプトとイスラエルはカイロで合意した。", "2023-01-10");
  CHECK((a.count("Egypt -AGREE-> Israel") + a.count("Israel -AGREE-> Egypt")) == 1);
  // Not for an act done to someone: "XとYは攻撃された" needs an agent.
  for (const auto& l : facts("エジプトとイスラエルは非難した。", "2023-01-10")) CHECK(l.find("-ACCUSE->") == std::string::npos);
}

TEST_CASE("Relations (Japanese): a request with no one named after talks in the same sentence asks the other party",
          "[extract][relations][japanese]") {
  const auto f = facts("岸田首相は16日、中国の習近平国家主席と会談し、邦人の早期解放を求めた。", "2023-11-17");
  CHECK(hasLine(f, "Fumio Kishida -REQUEST-> Xi Jinping"));
  // Without talks before it, a request names no one by itself.
  for (const auto& l : facts("日本政府は邦人の早期解放を求めた。", "2023-11-17")) CHECK(l.find("-REQUEST->") == std::string::npos);
}

TEST_CASE("Relations (Japanese): shelling, a launch toward a target, an ordered departure, 'Yとの' and 要請",
          "[extract][relations][japanese]") {
  // "Xに向けて…を発射した": the target is marked に向けて.
  CHECK(hasLine(facts("北朝鮮は韓国に向けて砲弾を発射した。", "2024-01-06"), "North Korea -ASSAULT-> South Korea"));
  // 砲撃 (shell).
  CHECK(hasLine(facts("ロシア軍はウクライナのヘルソンを砲撃した。", "2022-12-25"), "Russia -ASSAULT-> Ukraine"));
  // "Yの外交官に国外退去を命じた" is an expulsion; a departure alone is not.
  CHECK(hasLine(facts("カナダ政府はインドの外交官に国外退去を命じた。", "2023-09-19"), "Canada -COERCE-> India"));
  for (const auto& l : facts("カナダの外交官はインドから退去した。", "2023-10-21")) CHECK(l.find("-COERCE->") == std::string::npos);
  // "Yとの首脳会談", "Yとの停戦に合意".
  CHECK(hasLine(facts("岸田首相は尹大統領との首脳会談に臨んだ。", "2023-05-07"), "Fumio Kishida -CONSULT-> Yoon Suk Yeol"));
  CHECK(hasLine(facts("ロシアはウクライナとの捕虜交換に合意した。", "2022-09-22"), "Russia -AGREE-> Ukraine"));
  // 要請: a request to the one marked に.
  CHECK(hasLine(facts("ウクライナは日本に防衛装備の提供を要請した。", "2022-03-05"), "Ukraine -REQUEST-> Japan"));
}

TEST_CASE("Relations (Japanese): 'XとYの首脳は' is the leaders of both as the subject of talks",
          "[extract][relations][japanese]") {
  const auto f = facts("日本と中国の首脳は17日、サンフランシスコで会談した。", "2023-11-17");
  CHECK((f.count("Japan -CONSULT-> China") + f.count("China -CONSULT-> Japan")) == 1);
}

TEST_CASE("Relations (Japanese): the author of an act complained of, marked による, is the one accused",
          "[extract][relations][japanese]") {
  const auto f = facts("欧州連合はロシアによるウクライナ侵攻を強く非難した。", "2022-02-25");
  CHECK(hasLine(f, "European Union -ACCUSE-> Russia"));
  CHECK(f.count("European Union -ACCUSE-> Ukraine") == 0);
  CHECK(hasLine(facts("日本政府は、中国による日本人の拘束に抗議した。", "2023-03-28"), "Japan -ACCUSE-> China"));
}

TEST_CASE("Relations (Japanese): a relative clause with が is its own event, not the main clause's subject",
          "[extract][relations][japanese]") {
  const auto f = facts("英国政府は、ロシアが支援する民間軍事会社ワグネルを非難した。", "2023-01-20");
  CHECK(hasLine(f, "Russia -SUPPORT-> Wagner Group"));
  CHECK(f.count("Russia -ACCUSE-> Wagner Group") == 0);
  CHECK(hasLine(f, "United Kingdom -ACCUSE-> Wagner Group"));
}

TEST_CASE("Relations (Japanese): a characterisation quoted with だと stands between the object and the verb noun",
          "[extract][relations][japanese]") {
  CHECK(hasLine(facts("北朝鮮外務省は、米国の制裁を「敵対行為」だと非難した。", "2022-01-14"), "North Korea -ACCUSE-> United States"));
}

TEST_CASE("Relations (Japanese): an act received ('から攻撃を受けた') points from the one it came from",
          "[extract][relations][japanese]") {
  CHECK(hasLine(facts("サウジアラビアはフーシ派から無人機による攻撃を受けた。", "2019-09-15"), "Houthis -ASSAULT-> Saudi Arabia"));
  CHECK(hasLine(facts("米軍はイランによる攻撃を受けた。", "2020-01-08"), "Iran -ASSAULT-> United States"));
}

TEST_CASE("Relations (Japanese): support received in a relative clause, or a place with で, is no act on the subject",
          "[extract][relations][japanese]") {
  // "イラクでイランの支援を受ける武装勢力": Iraq is where; the main subject received nothing.
  for (const auto& l : facts("米国は、イラクでイランの支援を受ける武装勢力を非難した。", "2024-02-01"))
    CHECK(l.find("-SUPPORT-> United States") == std::string::npos);
}

TEST_CASE("Relations (Japanese): an attack done with a light verb ('Yに攻撃を行った') is aimed at Y",
          "[extract][relations][japanese]") {
  CHECK(hasLine(facts("ロシアは1日、ウクライナにミサイル攻撃を行った。", "2023-03-01"), "Russia -ASSAULT-> Ukraine"));
  CHECK(hasLine(facts("イスラエル軍はハマスに攻撃を加えた。", "2023-10-09"), "Israel -ASSAULT-> Hamas"));
}

TEST_CASE("Relations (Japanese): a warning with no addressee is aimed at the subject of a condition before it",
          "[extract][relations][japanese]") {
  const auto f = facts("イランは、イスラエルが報復すれば断固として対応すると警告した。", "2024-04-14");
  CHECK(hasLine(f, "Iran -THREATEN-> Israel"));
  CHECK_FALSE(hasLine(f, "Israel -THREATEN-> Iran"));
}

TEST_CASE("Relations (Japanese): approving a state's accession ('XのNATO加盟を承認した') endorses the state",
          "[extract][relations][japanese]") {
  const auto f = facts("トルコは1日、スウェーデンのNATO加盟を承認した。", "2024-01-24");
  CHECK(hasLine(f, "Turkey -SUPPORT-> Sweden"));
  CHECK_FALSE(hasLine(f, "Turkey -SUPPORT-> NATO"));
}

TEST_CASE("Relations (Japanese): one-kanji state abbreviations run together ('米英両軍', '米韓首脳') are each a party",
          "[extract][relations][japanese]") {
  const auto f = facts("米英両軍は12日、イエメンのフーシ派を空爆した。", "2024-01-12");
  CHECK(hasLine(f, "United States -ASSAULT-> Houthis"));
  CHECK(hasLine(f, "United Kingdom -ASSAULT-> Houthis"));
  const auto g = facts("米韓首脳は26日、ワシントンで会談した。", "2023-04-27");
  CHECK((hasLine(g, "United States -CONSULT-> South Korea") || hasLine(g, "South Korea -CONSULT-> United States")));
  CHECK(hasLine(facts("露軍は24日、ウクライナを攻撃した。", "2022-02-24"), "Russia -ASSAULT-> Ukraine"));
  // The same kanji inside a word are no state: 英語 (English), 英雄 (hero), 独自 (own).
  const auto h = facts("英語を話す英雄が独自の道を進んだ。", "2024-01-12");
  CHECK(h.empty());
}

TEST_CASE("Relations (Japanese): protesting or criticising 'Xの決定に' / 'Xの措置を' accuses X",
          "[extract][relations]") {
  CHECK(hasLine(facts("中国外務省は日本の決定に強く抗議した。", "2024-01-30"), "China -ACCUSE-> Japan"));
  CHECK(hasLine(facts("韓国政府は日本の輸出規制を厳しく批判した。", "2019-07-05"), "South Korea -ACCUSE-> Japan"));
}

TEST_CASE("Relations (Japanese): '…Yが…したと非難した' accuses Y, the quote's subject", "[extract][relations]") {
  CHECK(hasLine(facts("ウクライナのゼレンスキー大統領は、ロシアがミサイル攻撃を行ったと非難した。", "2024-01-30"),
                "Volodymyr Zelensky -ACCUSE-> Russia"));
  CHECK(hasLine(facts("米国は、イランが武装勢力を支援していると批判した。", "2024-01-30"),
                "United States -ACCUSE-> Iran"));
}

TEST_CASE("Relations (Japanese): 'Xを訪問した' is a visit to X", "[extract][relations]") {
  CHECK(hasLine(facts("岸田首相は13日、米国を訪問した。", "2024-01-30"), "Fumio Kishida -CONSULT-> United States"));
}

TEST_CASE("Relations (Japanese): condemning 'XのY侵攻' accuses X, the invader, never Y", "[extract][relations]") {
  const auto a = facts("国連総会はロシアのウクライナ侵攻を非難する決議を採択した。", "2022-03-02");
  CHECK(hasLine(a, "United Nations General Assembly -ACCUSE-> Russia"));
  CHECK_FALSE(hasLine(a, "United Nations General Assembly -ACCUSE-> Ukraine"));
  const auto b = facts("米国はイランのイスラエル攻撃を強く非難した。", "2024-04-14");
  CHECK(hasLine(b, "United States -ACCUSE-> Iran"));
  CHECK_FALSE(hasLine(b, "United States -ACCUSE-> Israel"));
}
