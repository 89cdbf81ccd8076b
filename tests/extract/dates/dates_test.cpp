#include "extract/dates/dates.h"

#include <catch2/catch.hpp>

using kg::Date;
using kg::DatePrecision;
using kg::daysFromCivil;
using kg::extract::anchoredOffset;
using kg::extract::asOfDate;
using kg::extract::eventDate;
using kg::extract::findDate;
using kg::extract::parseDate;

namespace {
std::string str(std::optional<Date> d) { return d ? d->toString() + "/" + kg::precisionName(d->precision()) : "none"; }
std::string str(Date d) { return d.known() ? d.toString() + "/" + kg::precisionName(d.precision()) : "unknown"; }
}  // namespace

TEST_CASE("Dates: every absolute style found on news pages parses to a day", "[extract][dates]") {
  CHECK(str(parseDate("2020-01-07")) == "2020-01-07/day");
  CHECK(str(parseDate("2020-01-07T10:15:00Z")) == "2020-01-07/day");
  CHECK(str(parseDate("January 7, 2020")) == "2020-01-07/day");
  CHECK(str(parseDate("Jan. 7, 2020")) == "2020-01-07/day");
  CHECK(str(parseDate("7 January 2020")) == "2020-01-07/day");
  CHECK(str(parseDate("Sunday, 07 May 2023 12:24 AM")) == "2023-05-07/day");
  CHECK(str(parseDate("Sunday, 07 May 2023 12:24 AM  [ Last Update: Sunday, 07 May 2023 2:14 AM ]")) ==
        "2023-05-07/day");
  CHECK(str(parseDate("09-25-2020")) == "2020-09-25/day");
  CHECK(str(parseDate("09-25-2020 09:18 AM")) == "2020-09-25/day");
  CHECK(str(parseDate("06.01.2020")) == "2020-01-06/day");
  CHECK(str(parseDate("18/07/2021")) == "2021-07-18/day");
  CHECK(str(parseDate("Dec 1 , 2021")) == "2021-12-01/day");
  CHECK(str(parseDate("27 Jul, 2021")) == "2021-07-27/day");
  CHECK(str(parseDate("September 01 2022")) == "2022-09-01/day");
  CHECK(str(parseDate("2024年2月3日")) == "2024-02-03/day");
  CHECK(str(parseDate("الأربعاء 18 آب 2021")) == "2021-08-18/day");
  CHECK(str(parseDate("10 أيار 2021")) == "2021-05-10/day");
}

TEST_CASE("Dates: coarser dates keep their precision", "[extract][dates]") {
  CHECK(str(parseDate("2024年2月")) == "2024-02/month");
  CHECK(str(parseDate("January 2020")) == "2020-01/month");
  CHECK(str(parseDate("2020")) == "2020/year");
}

TEST_CASE("Dates: text that is not exactly one date does not parse", "[extract][dates]") {
  CHECK_FALSE(parseDate(""));
  CHECK_FALSE(parseDate("Link to comment"));
  CHECK_FALSE(parseDate("2020-13-45"));
  CHECK_FALSE(parseDate("February 30, 2020"));
  CHECK_FALSE(parseDate("January 7, 2020 Posted by | War Crimes"));
  CHECK_FALSE(parseDate("5,000 operations"));
}

TEST_CASE("Dates: a date embedded in a byline or footer line is found", "[extract][dates]") {
  CHECK(str(findDate("Press TV – January 7, 2020").value().date) == "2020-01-07/day");
  CHECK(str(findDate("Sputnik – 06.01.2020").value().date) == "2020-01-06/day");
  CHECK(str(findDate("January 5, 2020 Posted by | Illegal Occupation").value().date) == "2020-01-05/day");
  CHECK(str(findDate("By Tom Luongo | Strategic Culture Foundation | January 5, 2020").value().date) ==
        "2020-01-05/day");
  CHECK(str(findDate("2024年2月現在は約2,500人の兵士が駐留").value().date) == "2024-02/month");
  auto m = findDate("RT | January 5, 2020");
  REQUIRE(m);
  CHECK(m->begin == 5);
  CHECK(m->end == 20);
  CHECK_FALSE(findDate("The US-led coalition was sent to Iraq in 2014."));
  CHECK_FALSE(findDate("about 2,500 troops and 10.1.1.1"));
}

TEST_CASE("Dates: a deadline or a date set for what is to come dates no event", "[extract][dates]") {
  const Date monday = Date::day(2024, 1, 15);
  // The saying's weekday, not the deadline it names.
  CHECK(str(eventDate("The Maldives asked India to withdraw its troops by March 15, its president said on Sunday.", monday)) ==
        "2024-01-14/day");
  CHECK(str(eventDate("Rajoy called a regional election for December 21.", monday)) == "unknown");
  CHECK(str(eventDate("The rebels were given until Friday to leave.", monday)) == "unknown");
  CHECK(str(eventDate("Parliament must approve the budget before June 30.", monday)) == "unknown");
  // A bare year keeps its prepositions: "by 2019" is a time the sentence places its event in.
  CHECK(str(eventDate("The troops had left by 2019.", monday)) == "2019/year");
  // The date itself, with no deadline word, still dates the event.
  CHECK(str(eventDate("The ministers met on March 15.", monday)) == "2023-03-15/day");
}

TEST_CASE("Dates: relative phrases resolve against the article date", "[extract][dates]") {
  const Date monday = Date::day(2020, 1, 6);  // a Monday
  CHECK(str(eventDate("On Sunday, the Iraqi parliament voted to expel US troops.", monday)) == "2020-01-05/day");
  CHECK(str(eventDate("Abdul-Mahdi met Tueller on Monday.", monday)) == "2020-01-06/day");
  CHECK(str(eventDate("The strike came on Friday.", monday)) == "2020-01-03/day");
  CHECK(str(eventDate("Last Monday the embassy was attacked.", monday)) == "2019-12-30/day");
  CHECK(str(eventDate("Pompeo called Saleh two days ago.", monday)) == "2020-01-04/day");
  CHECK(str(eventDate("He said 3 days ago that ...", monday)) == "2020-01-03/day");
  CHECK(str(eventDate("Iran vowed revenge yesterday.", monday)) == "2020-01-05/day");
  CHECK(str(eventDate("Protesters stormed the embassy last week.", monday)) == "2019-12-30/week");
  CHECK(str(eventDate("Talks broke down last month.", monday)) == "2019-12/month");
  CHECK(str(eventDate("The drone strike on January 3 killed Soleimani.", monday)) == "2020-01-03/day");
  CHECK(str(eventDate("On 29 December, Pompeo and Esper travelled to Florida.", monday)) == "2019-12-29/day");
  CHECK(str(eventDate("Parliament voted on 5 January 2020.", Date())) == "2020-01-05/day");
  CHECK(str(eventDate("The coalition was formed in 2014.", monday)) == "2014/year");
  CHECK(str(eventDate("In the early hours of Friday, 3 January, the strike hit.", Date::day(2020, 1, 20))) ==
        "2020-01-03/day");
}

TEST_CASE("Dates: no date phrase, or no article date to resolve against, gives unknown", "[extract][dates]") {
  const Date monday = Date::day(2020, 1, 6);
  CHECK_FALSE(eventDate("Kata'ib Hezbollah denied any role.", monday).known());
  CHECK_FALSE(eventDate("On Sunday, parliament voted.", Date()).known());
  CHECK_FALSE(eventDate("Two days ago Pompeo called.", Date()).known());
  CHECK_FALSE(eventDate("On Sunday, parliament voted.", Date::month(2020, 1)).known());
  CHECK_FALSE(eventDate("The sun rose over 5,000 troops.", monday).known());
}

TEST_CASE("Dates: a yearless day or month is the most recent one on or before the article date", "[extract][dates]") {
  const Date jan2 = Date::day(2020, 1, 2);
  CHECK(str(eventDate("Protesters stormed the embassy on December 31.", jan2)) == "2019-12-31/day");
  CHECK(str(eventDate("The talks took place in May.", Date::day(2020, 3, 1))) == "2019-05/month");
  CHECK(str(eventDate("Al-Kadhimi took office in May 2020.", jan2)) == "2020-05/month");
  CHECK(str(eventDate("Iran expanded enrichment last year.", jan2)) == "2019/year");
  // "last September": the most recent September before the article's own month.
  CHECK(str(eventDate("Raisi spoke at the United Nations last September.", Date::day(2022, 12, 31))) == "2022-09/month");
  CHECK(str(eventDate("Raisi spoke at the United Nations last September.", Date::day(2022, 9, 20))) == "2021-09/month");
  CHECK(str(eventDate("The talks resumed last May.", Date::day(2020, 3, 1))) == "2019-05/month");
  // "last week" after an act a preposition governs dates that act, not the sentence's.
  CHECK(str(eventDate("Previously the PMU had vowed revenge for Washington's attack last week.", Date::day(2021, 3, 4))) ==
        "unknown");
  CHECK(str(eventDate("Iraq condemned the strikes last week.", Date::day(2021, 3, 4))) != "unknown");
  CHECK(str(eventDate("The militia vowed revenge for the raid last Tuesday.", Date::day(2021, 3, 4))) == "unknown");
  CHECK(str(eventDate("The strike came on Friday.", Date::week(daysFromCivil({2020, 1, 6})))) == "unknown");
  // A date inside ", who ... ," dates what that clause tells, not the sentence's event.
  CHECK(str(eventDate("The president, who had put the army on alert on Friday, demanded talks.", Date::day(2020, 1, 6))) == "unknown");
  CHECK(str(eventDate("The president, who had put the army on alert on Friday, demanded talks on Sunday.", Date::day(2020, 1, 6))) ==
        "2020-01-05/day");
}

TEST_CASE("Dates: 'the next day', 'two days later', 'the day before' count from an earlier sentence", "[extract][dates]") {
  CHECK(anchoredOffset("The next day Ruritania recalled its ambassador.") == 1);
  CHECK(anchoredOffset("A day later, the talks resumed.") == 1);
  CHECK(anchoredOffset("Two days later the rebels withdrew.") == 2);
  CHECK(anchoredOffset("A week later the border reopened.") == 7);
  CHECK(anchoredOffset("Three days earlier, the envoy had visited.") == -3);
  CHECK(anchoredOffset("Hours later the embassy was closed.") == 0);
  CHECK(anchoredOffset("Later that day the ministry responded.") == 0);
  CHECK(anchoredOffset("Chile recalled its ambassador the same night.") == 0);
  CHECK_FALSE(anchoredOffset("The talks resumed on Monday.").has_value());
  CHECK_FALSE(anchoredOffset("The day before the election was quiet.").has_value());
  CHECK_FALSE(anchoredOffset("Many days of talks lie ahead.").has_value());
  // "N days after X" dates X's event relative to the sentence's, not the other way.
  CHECK_FALSE(anchoredOffset("The vote came two days after US airstrikes killed the general.").has_value());
  CHECK_FALSE(anchoredOffset("The day after the vote, the envoy left.").has_value());
}

TEST_CASE("Dates: Japanese and Arabic relative day phrases count from an earlier sentence", "[extract][dates]") {
  CHECK(anchoredOffset("翌日、英国はイランを非難した。") == 1);
  CHECK(anchoredOffset("前日、イランはタンカーを拿捕した。") == -1);
  CHECK(anchoredOffset("同日、外務省は抗議した。") == 0);
  CHECK(anchoredOffset("1週間後、英国はイランを非難した。") == 7);
  CHECK(anchoredOffset("３日後、両国は合意した。") == 3);
  CHECK(anchoredOffset("二日前、米軍は撤退した。") == -2);
  CHECK_FALSE(anchoredOffset("英国は3日、イランを非難した。").has_value());
  CHECK(anchoredOffset("وفي اليوم التالي، أدانت بريطانيا إيران.") == 1);
  CHECK(anchoredOffset("وفي اليوم السابق، احتجزت إيران الناقلة.") == -1);
  CHECK(anchoredOffset("وبعد أسبوع، أدانت بريطانيا إيران.") == 7);
  CHECK(anchoredOffset("وبعد يومين، انسحبت القوات.") == 2);
  CHECK(anchoredOffset("وبعد 3 أيام، انسحبت القوات.") == 3);
  CHECK(anchoredOffset("وقبل يومين، زار المبعوث بغداد.") == -2);
  // "بعد يوم الأحد" names a day; "بعد الهجوم" (after the attack) no count.
  CHECK_FALSE(anchoredOffset("وصل المبعوث بعد يوم الأحد.").has_value());
  CHECK_FALSE(anchoredOffset("أدانت بريطانيا إيران بعد الهجوم.").has_value());
}

TEST_CASE("eventDate: Japanese day of the month and month-day without a year", "[extract][dates]") {
  const Date jan5 = Date::day(2020, 1, 5);
  // "5日": this month's 5th; a day after the article's is last month's.
  CHECK(str(eventDate("イランのザリフ外相は4日、シリアのアサド大統領と会談した。", jan5)) == "2020-01-04/day");
  CHECK(str(eventDate("イラク議会は28日、決議を採択した。", jan5)) == "2019-12-28/day");
  // "1月3日" without a year: the most recent January 3 on or before the article.
  CHECK(str(eventDate("米軍は1月3日、バグダッドで空爆を行った。", jan5)) == "2020-01-03/day");
  CHECK(str(eventDate("2019年12月29日、米軍は空爆を行った。", jan5)) == "2019-12-29/day");
  // Durations and "日本" after a number are no dates.
  CHECK_FALSE(eventDate("デモは3日間続いた。", jan5).known());
  CHECK_FALSE(eventDate("31日本の企業が参加した。", jan5).known());
  // A day that does not exist in the month it falls in.
  CHECK_FALSE(eventDate("会談は31日に行われた。", Date::day(2020, 3, 5)).known());
}

TEST_CASE("Dates: a date that starts a period or qualifies another event's noun does not date the sentence",
          "[extract][dates]") {
  const Date monday = Date::day(2020, 1, 6);
  // "since": when something began, not when the sentence's event happened.
  CHECK_FALSE(eventDate("Trump snubbed the idea of leaving Iraq, where US forces have been since March 2003.", monday).known());
  CHECK_FALSE(eventDate("Trump snubbed the idea of leaving Iraq, where US forces have been since the March 2003 invasion.",
                        monday)
                  .known());
  // "the <date> <noun>": the noun's own date.
  CHECK_FALSE(eventDate("Protesters marked the October 2019 uprising with a march.", monday).known());
  // A date of the sentence's own event still counts, also after "the" with a link word.
  CHECK(str(eventDate("Iraq's parliament voted on January 5, 2020 to expel US troops.", monday)) == "2020-01-05/day");
  CHECK(str(eventDate("Protesters marked the uprising with a march on Sunday, the October 2019 anniversary.", monday)) ==
        "2020-01-05/day");
}

TEST_CASE("eventDate: Japanese dates in kanji numerals, this or last month's day, and a month alone",
          "[extract][dates]") {
  const Date feb10 = Date::day(2024, 2, 10);
  CHECK(str(eventDate("二月二日に米国が空爆を行った。", feb10)) == "2024-02-02/day");
  CHECK(str(eventDate("二〇二三年十二月二十五日、米軍は空爆を行った。", feb10)) == "2023-12-25/day");
  // "今月2日" is this month's 2nd, "先月二日" last month's.
  CHECK(str(eventDate("米軍は今月2日、空爆を行った。", feb10)) == "2024-02-02/day");
  CHECK(str(eventDate("米軍は先月二日、空爆を行った。", feb10)) == "2024-01-02/day");
  // A month alone: the most recent such month; "昨年" gives last year's, "来年" none.
  CHECK(str(eventDate("米軍は12月、空爆を行った。", feb10)) == "2023-12/month");
  CHECK(str(eventDate("国連安保理は昨年十二月、決議を採択した。", feb10)) == "2023-12/month");
  CHECK(str(eventDate("国連安保理は今年1月、決議を採択した。", feb10)) == "2024-01/month");
  CHECK_FALSE(eventDate("選挙は来年3月に行われる。", feb10).known());
  // Kanji numerals that are no date: a count of days, a numeral in a word.
  CHECK_FALSE(eventDate("デモは三日間続いた。", feb10).known());
  CHECK_FALSE(eventDate("第二の都市で会談した。", feb10).known());
  // Against a month-precision article date ("2024年2月現在"), a day of its month.
  CHECK(str(eventDate("米軍は今月二日、空爆を行った。", Date::month(2024, 2))) == "2024-02-02/day");
}

TEST_CASE("asOfDate: the writer's present a page without a dateline states", "[extract][dates]") {
  CHECK(str(asOfDate("2024年2月現在は約2,500人の兵士が駐留しています。")) == "2024-02/month");
  CHECK(str(asOfDate("二〇二四年二月三日時点で、交渉は続いている。")) == "2024-02-03/day");
  CHECK(str(asOfDate("As of February 2024, about 2,500 US troops remain in Iraq.")) == "2024-02/month");
  CHECK(str(asOfDate("as of 3 February 2024 the talks continued; as of January 5, 2024 they had not")) ==
        "2024-02-03/day");
  // A date with no "as of" is not the writer's present.
  CHECK(str(asOfDate("US forces were sent to Iraq in 2014 and on January 3, 2020 struck Baghdad.")) == "none");
  CHECK(str(asOfDate("2024年2月に空爆が行われた。")) == "none");
}
