#include "extract/relations/japanese_rules.h"

#include <catch2/catch.hpp>

#include "../extract_test_util.h"

using kg::extract::testing::facts;
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
