#include "extract/text/page_segmenter.h"

#include <catch2/catch.hpp>
#include <set>

#include "../../support/shared_data.h"
#include "extract/text/normalizer.h"

using kg::Date;
using kg::extract::Article;
using kg::extract::ArticleOptions;
using kg::extract::RawDocument;
using kg::extract::ReadWarning;
using kg::extract::toArticles;

namespace {

// The seed pages are read from ../shared/seeds by path (never copied).
std::vector<Article> seed(const std::string& prefix, ArticleOptions options = {}) {
  KG_REQUIRE_SHARED_PATH(KG_SEEDS_DIR);
  std::vector<Article> out;
  std::vector<ReadWarning> warnings;
  kg::extract::readInputs(
      {std::string(KG_SEEDS_DIR)},
      [&](RawDocument&& d) {
        if (d.source.find("/" + prefix + "_") == std::string::npos) return;
        for (Article& a : toArticles(d, options)) out.push_back(std::move(a));
      },
      &warnings);
  INFO("seed pages " << prefix << "_* in " << KG_SEEDS_DIR);
  REQUIRE(!out.empty());
  return out;
}

const Article* titled(const std::vector<Article>& arts, const std::string& title) {
  for (const Article& a : arts)
    if (a.doc.title == title) return &a;
  return nullptr;
}

void checkNoBoilerplate(const std::vector<Article>& arts) {
  for (const Article& a : arts) {
    INFO(a.doc.title);
    for (const char* junk :
         {"Link to comment", "Share on other sites", "Like 1", "Thanks 2", "Upvote 4", "Related Videos", "Related News",
          "Visual search query image", "Posted by |", "Leave a comment", "Comment(0)", "posted by ZUKUNASHI",
          "Recommended Posts", "Jump to content", "SHARE THIS ARTICLE"})
      CHECK(a.text.find(junk) == std::string::npos);
  }
}

}  // namespace

TEST_CASE("Segmenter: a blog archive page splits into dated articles", "[extract][segmenter]") {
  const auto arts = seed("002");
  REQUIRE(arts.size() == 12);
  CHECK(arts[0].doc.title == "Iraq PM confirms receiving 'signed' US pullout letter");
  CHECK(arts[0].doc.date == Date::day(2020, 1, 7));
  const Article* sputnik = titled(arts, "US-Led Coalition Tells Baghdad It Will 'Move Out' of Iraq - Official Letter");
  REQUIRE(sputnik);
  CHECK(sputnik->doc.date == Date::day(2020, 1, 6));  // "Sputnik - 06.01.2020"
  const Article* byline = titled(arts, "2019: The Year the Neocons Failed");
  REQUIRE(byline);
  CHECK(byline->doc.date == Date::day(2020, 1, 5));  // "By ... | ... | January 5, 2020"
  const Article* captioned =
      titled(arts, "Soleimani was to deliver Tehran's reply to Saudi de-escalation letter when killed: Iraqi PM");
  REQUIRE(captioned);
  CHECK(captioned->doc.date == Date::day(2020, 1, 5));
  for (const Article& a : arts) {
    CHECK(a.doc.date.known());
    CHECK(a.doc.language == "en");
  }
  checkNoBoilerplate(arts);
}

TEST_CASE("Segmenter: a news archive with many date styles splits into dated articles", "[extract][segmenter]") {
  const auto arts = seed("004");
  CHECK(arts.size() >= 15);
  REQUIRE(!arts.empty());
  CHECK(arts[0].doc.date == Date::day(2023, 5, 7));  // "Sunday, 07 May 2023 12:24 AM [ Last Update: ... ]"
  const Article* kh = titled(
      arts, "Iraqi Kataib Hezbollah Refutes National Security Adviser's Remarks on PM's House Targeting - Statement");
  REQUIRE(kh);
  CHECK(kh->doc.date == Date::day(2021, 12, 1));  // "Dec 1 , 2021"
  const Article* kadhimi = titled(arts, "Al-Kadhimi: Iraq Doesn't Need US Combat Troops");
  REQUIRE(kadhimi);
  CHECK(kadhimi->doc.date == Date::day(2021, 7, 25));
  const Article* sadr = titled(arts, "The rise and fall of Muqtada al-Sadr...again");  // not its standfirst
  REQUIRE(sadr);
  CHECK(sadr->doc.date == Date::day(2022, 9, 1));  // "September 01 2022"
  const Article* asaib = titled(arts, "Asaib Ahl Al-Haq: Iraqi Resistance Decided To Expel US Forces");
  REQUIRE(asaib);
  CHECK(asaib->doc.date == Date::day(2021, 7, 18));  // "18/07/2021"
  size_t arabic = 0;
  for (const Article& a : arts) {
    if (a.doc.language == "ar") {
      ++arabic;
      CHECK(a.doc.date.known());  // "الأربعاء 18 آب 2021"
    }
  }
  CHECK(arabic >= 2);
  checkNoBoilerplate(arts);
}

TEST_CASE("Segmenter: forum posts split at their buttons and lose them", "[extract][segmenter]") {
  const auto arts = seed("001");
  REQUIRE(arts.size() >= 3);
  CHECK(arts[0].doc.title == "Pompeo Saleh: Washington will close its embassy in Iraq unless its targeting stops");
  CHECK(arts[0].doc.date == Date::day(2020, 9, 25));  // "09-25-2020 09:18 AM"
  CHECK(arts[1].doc.date == Date::day(2020, 9, 26));  // "2020-09-26 05:22"
  checkNoBoilerplate(arts);
}

TEST_CASE("Segmenter: 'posted by ... Comment(0)' separators split a blog page, --date fills missing dates",
          "[extract][segmenter]") {
  ArticleOptions options;
  options.defaultDate = Date::day(2020, 1, 10);
  const auto arts = seed("000", options);
  REQUIRE(arts.size() == 3);
  for (const Article& a : arts) {
    CHECK(a.doc.date == options.defaultDate);
    CHECK(a.doc.language == "en");  // English articles under Japanese headlines
    CHECK(kg::extract::detectLanguage(a.doc.title) == "ja");
  }
  checkNoBoilerplate(arts);
}

TEST_CASE("Segmenter: document ids are 16 hex digits of the content, distinct and stable", "[extract][segmenter]") {
  const auto first = seed("004");
  const auto again = seed("004");
  REQUIRE(first.size() == again.size());
  std::set<std::string> ids;
  for (size_t i = 0; i < first.size(); ++i) {
    CHECK(first[i].doc.id == again[i].doc.id);
    CHECK(first[i].doc.id.size() == 16);
    CHECK(first[i].doc.id.find_first_not_of("0123456789abcdef") == std::string::npos);
    CHECK(first[i].doc.id == kg::extract::contentHash(first[i].text));
    ids.insert(first[i].doc.id);
  }
  CHECK(ids.size() == first.size());
}

TEST_CASE("Segmenter: sentences are byte ranges of the article text", "[extract][segmenter]") {
  for (const Article& a : seed("002")) {
    REQUIRE(!a.sentences.empty());
    for (const auto& s : a.sentences) {
      REQUIRE(s.begin < s.end);
      REQUIRE(s.end <= a.text.size());
    }
  }
}

TEST_CASE("Segmenter: a titled, dated page is one article with title and date", "[extract][segmenter]") {
  RawDocument doc;
  doc.source = "a.txt";
  doc.text =
      "Iraqi parliament votes to expel US troops\n"
      "January 5, 2020\n\n"
      "Iraq's parliament voted on Sunday to expel foreign troops.\n\n"
      "Share\nLike 3\n";
  const auto arts = toArticles(doc, {});
  REQUIRE(arts.size() == 1);
  CHECK(arts[0].doc.title == "Iraqi parliament votes to expel US troops");
  CHECK(arts[0].doc.date == Date::day(2020, 1, 5));
  CHECK(arts[0].doc.source == "a.txt");
  CHECK(arts[0].text ==
        "Iraqi parliament votes to expel US troops\n\nIraq's parliament voted on Sunday to expel foreign troops.");
}

TEST_CASE("Segmenter: metadata date and title apply when the text has none", "[extract][segmenter]") {
  RawDocument doc;
  doc.text = "Kataib Hezbollah denied any role in the rocket attack on the embassy.";
  doc.title = "Militia denies attack";
  doc.date = Date::day(2020, 3, 12);
  ArticleOptions options;
  options.defaultDate = Date::day(1999, 1, 1);
  const auto arts = toArticles(doc, options);
  REQUIRE(arts.size() == 1);
  CHECK(arts[0].doc.title == "Militia denies attack");
  CHECK(arts[0].doc.date == Date::day(2020, 3, 12));
}

TEST_CASE("Segmenter: a page of boilerplate only yields no article", "[extract][segmenter]") {
  RawDocument doc;
  doc.text = "Share\n\nLink to comment\nShare on other sites\n  • Like 1\n7 Comments\nRelated Videos\n";
  CHECK(toArticles(doc, {}).empty());
}

TEST_CASE("Segmenter: an enormous article is split into bounded parts", "[extract][segmenter]") {
  RawDocument doc;
  while (doc.text.size() < 3 * kg::extract::kMaxArticleBytes) doc.text += "Rockets hit the Green Zone again. ";
  const auto arts = toArticles(doc, {});
  REQUIRE(arts.size() >= 3);
  for (const Article& a : arts) CHECK(a.text.size() <= kg::extract::kMaxArticleBytes + 64);
}

TEST_CASE("Segmenter: a page that is one short statement keeps it, short furniture beside an article is dropped",
          "[extract][segmenter]") {
  auto one = kg::extract::segmentPage("Iraq held talks with Kuwait.");
  REQUIRE(one.size() == 1);
  CHECK(one[0].text == "Iraq held talks with Kuwait.");
  // Navigation crumbs are no statement.
  CHECK(kg::extract::segmentPage("Home | News | World").empty());
  CHECK(kg::extract::segmentPage("Share this").empty());
  // Beside a real article, a short statement is not an article of its own.
  auto page = kg::extract::segmentPage(
      "Short line here.\n\nIraq and Kuwait held talks on Monday about their shared border and the oil fields near it, "
      "officials said after the meeting in Baghdad.");
  REQUIRE(page.size() == 1);
  CHECK(page[0].text.find("Iraq and Kuwait") != std::string::npos);
}

TEST_CASE("Segmenter: an article with no dateline is dated by the present it states ('as of')",
          "[extract][segmenter]") {
  RawDocument doc;
  doc.text = "米軍のイラク駐留\n\n2024年2月現在は約2,500人の兵士が駐留しています。米軍は今月二日、空爆を行いました。";
  const auto arts = toArticles(doc, {});
  REQUIRE(arts.size() == 1);
  CHECK(arts[0].doc.date == Date::month(2024, 2));
  // A dateline, the document's metadata or the caller's default wins over it.
  doc.date = Date::day(2024, 3, 1);
  CHECK(toArticles(doc, {})[0].doc.date == Date::day(2024, 3, 1));
  doc.date = Date::unknown();
  ArticleOptions options;
  options.defaultDate = Date::day(2024, 3, 2);
  CHECK(toArticles(doc, options)[0].doc.date == Date::day(2024, 3, 2));
}

TEST_CASE("Segmenter: a post line that lost its date opens another, undated article", "[extract][segmenter]") {
  RawDocument doc;
  doc.text =
      "Biden strikes militias in Syria\n"
      "March 4, 2021\n\n"
      "US jets struck militia sites in eastern Syria last week.\n\n"
      "Iraqi officials condemned the strikes on Friday.\n\n"
      "USA TO IRAQ: WE WILL WITHDRAW\n\n"
      "Posted on  by A Blogger\n\n"
      "The Iraqi prime minister is preparing to visit Washington.\n\n"
      "He visited Tehran last month.\n";
  const auto arts = toArticles(doc, {});
  REQUIRE(arts.size() == 2);
  CHECK(arts[0].doc.date == Date::day(2021, 3, 4));
  CHECK(arts[1].doc.title == "USA TO IRAQ: WE WILL WITHDRAW");
  CHECK_FALSE(arts[1].doc.date.known());
  CHECK(arts[1].text.find("Tehran") != std::string::npos);
  CHECK(arts[0].text.find("Tehran") == std::string::npos);
}
