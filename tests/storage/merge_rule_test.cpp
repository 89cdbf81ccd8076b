// The merge rule (storage/merge_rule.h) and WriteBatch::putEdge applying it:
// one real event, or one office held, is one edge.
#include <catch2/catch.hpp>

#include "../support/temp_dir.h"
#include "storage/codec.h"
#include "storage/graph_store.h"
#include "storage/merge_rule.h"

using namespace kg;
using namespace kg::storage;
using kg::testing::TempDir;

namespace {

Edge fact(EdgeType t, DateRange when, DateBasis basis, const std::string& doc, uint32_t sentence,
          float confidence = 0.6f, const std::string& title = "") {
  Edge e;
  e.src = 1;
  e.dst = 2;
  e.type = t;
  e.title = title;
  e.when = when;
  e.dateBasis = basis;
  e.confidence = confidence;
  e.evidence.push_back({doc, sentence, 0, 10, doc + " sentence " + std::to_string(sentence)});
  return e;
}

Edge strike(Date d, DateBasis basis, const std::string& doc, uint32_t sentence = 0, float confidence = 0.6f) {
  return fact(EdgeType::kAssault, DateRange::point(d), basis, doc, sentence, confidence);
}

Edge office(DateRange when, DateBasis basis, const std::string& doc, const std::string& title) {
  return fact(EdgeType::kOfficialOf, when, basis, doc, 0, basis == DateBasis::kDictionary ? 1.0f : 0.6f, title);
}

struct Store {
  TempDir dir;
  std::unique_ptr<GraphStore> st;
  Store() {
    auto s = openStore(dir.sub("db"), {});
    REQUIRE(s.isOk());
    st = std::move(s).value();
    auto b = st->newBatch();
    Actor a, c, d;
    a.name = "A";
    c.name = "C";
    d.name = "D";
    REQUIRE(b->putActor(a, {"a"}).value() == 1);
    REQUIRE(b->putActor(c, {"c"}).value() == 2);
    REQUIRE(b->putActor(d, {"d"}).value() == 3);
    REQUIRE(st->commit(*b).isOk());
  }
  // Writes each edge in a batch of its own (one article each).
  EdgeId put(Edge e) {
    auto b = st->newBatch();
    auto id = b->putEdge(std::move(e));
    REQUIRE(id.isOk());
    REQUIRE(st->commit(*b).isOk());
    return id.value();
  }
  std::vector<Edge> edges() {
    std::vector<Edge> out;
    REQUIRE(st->scanEdges([&](const EdgeHeader& h) {
                out.push_back(h.edge);
                return Scan::kContinue;
              }).isOk());
    return out;
  }
};

}  // namespace

TEST_CASE("Merge rule: day dates read from text one apart are one event, two apart, or typed in, are not",
          "[storage][merge]") {
  const Date fri = Date::day(2020, 1, 3), sat = Date::day(2020, 1, 4);
  CHECK(merge::rank(strike(fri, DateBasis::kText, "a"), strike(sat, DateBasis::kArticle, "b")) == 3);
  CHECK(merge::rank(strike(fri, DateBasis::kText, "a"), strike(sat, DateBasis::kText, "b")) == 3);  // time zones
  CHECK_FALSE(merge::rank(strike(fri, DateBasis::kArticle, "a"), strike(Date::day(2020, 1, 5), DateBasis::kArticle, "b")));
  CHECK_FALSE(merge::rank(strike(fri, DateBasis::kUnknown, "a"), strike(sat, DateBasis::kUnknown, "b")));
  // A month holds a day in it; a year holds the month.
  CHECK(merge::rank(strike(Date::month(2020, 1), DateBasis::kText, "a"), strike(fri, DateBasis::kText, "b")) == 2);
  CHECK(merge::rank(strike(Date::year(2020), DateBasis::kText, "a"), strike(Date::month(2020, 1), DateBasis::kText, "b")) == 2);
  CHECK_FALSE(merge::rank(strike(Date::month(2020, 2), DateBasis::kText, "a"), strike(fri, DateBasis::kText, "b")));
  CHECK(merge::rank(strike(fri, DateBasis::kUnknown, "a"), strike(fri, DateBasis::kUnknown, "b")) == 0);
}

TEST_CASE("Merge rule: the merged edge keeps the date read in text, and confidence grows by noisy-or below 1",
          "[storage][merge]") {
  Edge stored = strike(Date::day(2020, 1, 4), DateBasis::kArticle, "b");
  merge::mergeDates(&stored, strike(Date::day(2020, 1, 3), DateBasis::kText, "a"));
  CHECK(stored.when == DateRange::point(Date::day(2020, 1, 3)));
  CHECK(stored.dateBasis == DateBasis::kText);
  merge::mergeDates(&stored, strike(Date::day(2020, 1, 4), DateBasis::kArticle, "c"));
  CHECK(stored.when.from == Date::day(2020, 1, 3));  // an article's date never replaces the text's
  CHECK(merge::mergeConfidence(0.6f, 0.5f, true) == Approx(0.8f));
  CHECK(merge::mergeConfidence(0.6f, 0.5f, false) == Approx(0.6f));  // same document: no new source
  CHECK(merge::mergeConfidence(0.98f, 0.98f, true) == Approx(merge::kMaxMergedConfidence));
  CHECK(merge::mergeConfidence(1.0f, 0.5f, true) == 1.0f);
}

TEST_CASE("Merge rule: an office read from text joins its recorded tenure and never extends it", "[storage][merge]") {
  const DateRange tenure{Date::day(2018, 4, 26), Date::day(2021, 1, 20)};
  const Edge dict = office(tenure, DateBasis::kDictionary, "", "Secretary of State");
  CHECK(merge::rank(dict, office(DateRange::point(Date::day(2020, 1, 5)), DateBasis::kArticle, "a",
                                 "secretary of state")) == 4);
  Edge later = office(DateRange::point(Date::day(2023, 5, 7)), DateBasis::kArticle, "b", "Secretary of State");
  CHECK(merge::rank(dict, later) == 4);
  Edge merged = dict;
  merge::mergeDates(&merged, later);
  CHECK(merged.when == tenure);
  // Two recorded tenures (two terms) are two edges.
  CHECK_FALSE(merge::rank(dict, office({Date::day(2025, 1, 20), Date()}, DateBasis::kDictionary, "", "Secretary of State")));
  // Two text mentions: one edge covering both.
  Edge text = office(DateRange::point(Date::day(2021, 7, 25)), DateBasis::kArticle, "a", "Foreign Minister");
  Edge text2 = office(DateRange::point(Date::day(2021, 7, 27)), DateBasis::kArticle, "b", "Foreign Minister");
  CHECK(merge::rank(text, text2) == 5);
  merge::mergeDates(&text, text2);
  CHECK(text.when.from == Date::day(2021, 7, 25));
  CHECK(text.when.to == Date::day(2021, 7, 27));
}

TEST_CASE("WriteBatch: two articles reporting one strike a day apart make one edge with two sources",
          "[storage][merge]") {
  Store s;
  // Article 1 (published Friday): "... struck on Friday". Article 2, Saturday: no date in the sentence.
  EdgeId a = s.put(strike(Date::day(2020, 1, 3), DateBasis::kText, "doc1", 4, 0.6f));
  EdgeId b = s.put(strike(Date::day(2020, 1, 4), DateBasis::kArticle, "doc2", 1, 0.5f));
  CHECK(a == b);
  auto e = s.st->getEdge(a);
  REQUIRE(e.isOk());
  CHECK(e->sources == 2);
  CHECK(e->evidence.size() == 2);
  CHECK(e->when == DateRange::point(Date::day(2020, 1, 3)));
  CHECK(e->dateBasis == DateBasis::kText);
  CHECK(e->confidence > 0.6f);
  CHECK(e->confidence < 1.0f);
  // Undated-first order gives the same edge: the text date replaces the article's (the record moves).
  Store t;
  EdgeId c = t.put(strike(Date::day(2020, 1, 4), DateBasis::kArticle, "doc2", 1, 0.5f));
  EdgeId d = t.put(strike(Date::day(2020, 1, 3), DateBasis::kText, "doc1", 4, 0.6f));
  CHECK(c == d);
  auto all = t.edges();
  REQUIRE(all.size() == 1);
  CHECK(all[0].when.from == Date::day(2020, 1, 3));
  CHECK(all[0].sources == 2);
  std::vector<EdgeId> in;
  REQUIRE(t.st->scanIn(2, [&](const EdgeHeader& h) {
                in.push_back(h.edge.id);
                CHECK(h.edge.when.from == Date::day(2020, 1, 3));
                return Scan::kContinue;
              }).isOk());
  CHECK(in == std::vector<EdgeId>{c});
  CHECK(t.st->stats()->edges == 1);
}

TEST_CASE("WriteBatch: another target, type or a date two days off stays a separate edge, rewriting adds nothing",
          "[storage][merge]") {
  Store s;
  EdgeId a = s.put(strike(Date::day(2020, 1, 3), DateBasis::kText, "doc1", 0));
  Edge other = strike(Date::day(2020, 1, 3), DateBasis::kArticle, "doc2", 0);
  other.dst = 3;
  CHECK(s.put(other) != a);
  Edge threat = strike(Date::day(2020, 1, 3), DateBasis::kArticle, "doc2", 1);
  threat.type = EdgeType::kThreaten;
  CHECK(s.put(threat) != a);
  CHECK(s.put(strike(Date::day(2020, 1, 5), DateBasis::kText, "doc3", 0)) != a);
  CHECK(s.put(strike(Date::day(2020, 1, 1), DateBasis::kText, "doc4", 0)) != a);
  // An article's date more than a week after the text's, or before it, is another event.
  CHECK(s.put(strike(Date::day(2020, 1, 11), DateBasis::kArticle, "doc5", 0)) != a);
  const auto before = s.edges();
  const auto stats = s.st->stats().value();
  // The same sentences again: nothing changes, not even the confidence.
  CHECK(s.put(strike(Date::day(2020, 1, 3), DateBasis::kText, "doc1", 0)) == a);
  CHECK(s.put(other) != a);
  CHECK(s.edges() == before);
  CHECK(s.st->stats()->edges == stats.edges);
  CHECK(s.st->stats()->evidence == stats.evidence);
}

TEST_CASE("Merge rule: an article's day meets a text day up to a week before it, never after it", "[storage][merge]") {
  const Date fri = Date::day(2020, 1, 3);
  auto article = [](int day) { return strike(Date::day(2020, 1, day), DateBasis::kArticle, "b"); };
  const Edge text = strike(fri, DateBasis::kText, "a");
  CHECK(merge::rank(text, article(5)) == 3);   // Sunday's report of Friday's strike
  CHECK(merge::rank(article(5), text) == 3);   // either order
  CHECK(merge::rank(text, article(10)) == 3);  // a week on
  CHECK_FALSE(merge::rank(text, article(11)));
  CHECK(merge::rank(text, article(2)) == 3);   // the date line: kTextDayTolerance
  CHECK_FALSE(merge::rank(text, article(1)));  // reported before it happened: another event
  // Two article days, or two text days, keep the one-day tolerance.
  CHECK_FALSE(merge::rank(article(3), article(5)));
  CHECK_FALSE(merge::rank(text, strike(Date::day(2020, 1, 5), DateBasis::kText, "b")));
}

TEST_CASE("WriteBatch: one membership read under two titles is one edge, two offices stay two", "[storage][merge]") {
  Store s;
  const DateRange day = DateRange::point(Date::day(2021, 7, 27));
  Edge spokesman = office(day, DateBasis::kArticle, "doc1", "spokesman");
  spokesman.type = EdgeType::kMemberOf;
  Edge deputy = office(day, DateBasis::kArticle, "doc2", "deputy secretary-general");
  deputy.type = EdgeType::kMemberOf;
  const EdgeId a = s.put(spokesman);
  CHECK(s.put(deputy) == a);
  CHECK(s.edges().size() == 1);
  // Offices (OFFICIAL_OF) under two titles are two offices.
  CHECK(s.put(office(day, DateBasis::kArticle, "doc1", "spokesman")) !=
        s.put(office(day, DateBasis::kArticle, "doc2", "foreign minister")));
}

TEST_CASE("WriteBatch: an undated report days after a strike joins it, in either order, the nearest of two",
          "[storage][merge]") {
  Store s;
  EdgeId fri = s.put(strike(Date::day(2020, 1, 3), DateBasis::kText, "doc1", 0));
  EdgeId sun = s.put(strike(Date::day(2020, 1, 5), DateBasis::kArticle, "doc2", 0));
  CHECK(sun == fri);
  auto e = s.st->getEdge(fri);
  REQUIRE(e.isOk());
  CHECK(e->when == DateRange::point(Date::day(2020, 1, 3)));
  CHECK(e->dateBasis == DateBasis::kText);
  CHECK(e->sources == 2);
  // The report stored first: the strike read later (its day a week before) finds it.
  Store t;
  EdgeId report = t.put(strike(Date::day(2020, 1, 10), DateBasis::kArticle, "doc2", 0));
  CHECK(t.put(strike(Date::day(2020, 1, 3), DateBasis::kText, "doc1", 0)) == report);
  auto all = t.edges();
  REQUIRE(all.size() == 1);
  CHECK(all[0].when.from == Date::day(2020, 1, 3));
  CHECK(all[0].dateBasis == DateBasis::kText);
  // Two strikes read with their days: the report joins the nearer one.
  Store u;
  EdgeId first = u.put(strike(Date::day(2020, 1, 1), DateBasis::kText, "doc1", 0));
  EdgeId second = u.put(strike(Date::day(2020, 1, 4), DateBasis::kText, "doc3", 0));
  REQUIRE(first != second);
  CHECK(u.put(strike(Date::day(2020, 1, 6), DateBasis::kArticle, "doc4", 0)) == second);
}

TEST_CASE("WriteBatch: a role read in six articles is one OFFICIAL_OF edge within its recorded tenure",
          "[storage][merge]") {
  Store s;
  const DateRange tenure{Date::day(2018, 4, 26), Date::day(2021, 1, 20)};
  EdgeId id = s.put(office(tenure, DateBasis::kDictionary, "", "Secretary of State"));
  const int days[] = {3, 5, 6, 8, 9, 12};
  for (int i = 0; i < 6; ++i) {
    Edge mention = office(DateRange::point(Date::day(2020, 1, days[i])), DateBasis::kArticle, "doc" + std::to_string(i),
                          i % 2 ? "secretary of state" : "Secretary of State");
    CHECK(s.put(mention) == id);
  }
  // Two years after the tenure ended: joins it, does not extend it.
  CHECK(s.put(office(DateRange::point(Date::day(2023, 5, 7)), DateBasis::kArticle, "late", "Secretary of State")) == id);
  auto all = s.edges();
  REQUIRE(all.size() == 1);
  CHECK(all[0].when == tenure);
  CHECK(all[0].dateBasis == DateBasis::kDictionary);
  CHECK(all[0].sources == 8);  // the dictionary ("") and seven articles
}

TEST_CASE("WriteBatch: a text office without a recorded tenure is one edge that grows, a second term stays apart",
          "[storage][merge]") {
  Store s;
  EdgeId a = s.put(office(DateRange::point(Date::day(2021, 7, 27)), DateBasis::kArticle, "d1", "Foreign Minister"));
  CHECK(s.put(office(DateRange::point(Date::day(2021, 7, 25)), DateBasis::kArticle, "d2", "Foreign Minister")) == a);
  auto all = s.edges();
  REQUIRE(all.size() == 1);
  CHECK(all[0].when.from == Date::day(2021, 7, 25));
  CHECK(all[0].when.to == Date::day(2021, 7, 27));
  Store t;
  EdgeId first = t.put(office({Date::day(2017, 1, 20), Date::day(2021, 1, 20)}, DateBasis::kDictionary, "", "President"));
  EdgeId second = t.put(office({Date::day(2025, 1, 20), Date()}, DateBasis::kDictionary, "", "President"));
  CHECK(first != second);
  CHECK(t.put(office(DateRange::point(Date::day(2020, 1, 3)), DateBasis::kArticle, "x", "President")) == first);
  CHECK(t.put(office(DateRange::point(Date::day(2025, 3, 1)), DateBasis::kArticle, "y", "President")) == second);
}

TEST_CASE("WriteBatch: an undated report joins the one dated edge of its fact, never one of several", "[storage][merge]") {
  Store s;
  EdgeId a = s.put(strike(Date::day(2020, 1, 3), DateBasis::kText, "doc1", 0));
  CHECK(s.put(fact(EdgeType::kAssault, {}, DateBasis::kUnknown, "doc2", 0)) == a);
  CHECK(s.st->getEdge(a)->sources == 2);
  EdgeId b = s.put(strike(Date::day(2021, 6, 1), DateBasis::kText, "doc3", 0));
  CHECK(b != a);
  EdgeId u = s.put(fact(EdgeType::kAssault, {}, DateBasis::kUnknown, "doc4", 0));
  CHECK(u != a);
  CHECK(u != b);
}

TEST_CASE("WriteBatch: a planned event and a done one of the same pair are two edges, each merging with its kind",
          "[storage][merge]") {
  Store s;
  Edge done = strike(Date::year(2003), DateBasis::kText, "doc1", 0);
  Edge planned = fact(EdgeType::kAssault, {}, DateBasis::kUnknown, "doc2", 0);
  planned.mode = std::string(merge::kPlannedMode);
  CHECK_FALSE(merge::sameStatus(done, planned));
  CHECK_FALSE(merge::rank(done, planned).has_value());
  EdgeId a = s.put(done);
  EdgeId p = s.put(planned);
  CHECK(p != a);  // the hypothetical war is not the invasion, and does not take its date
  CHECK(s.st->getEdge(a)->mode.empty());
  CHECK_FALSE(s.st->getEdge(p)->when.anyKnown());
  // An undated done report still joins the done edge; a second planned one the planned edge.
  CHECK(s.put(fact(EdgeType::kAssault, {}, DateBasis::kUnknown, "doc3", 0)) == a);
  Edge again = planned;
  again.evidence[0].doc = "doc4";
  CHECK(s.put(again) == p);
  CHECK(s.st->getEdge(a)->sources == 2);
  CHECK(s.st->getEdge(p)->sources == 2);
}

TEST_CASE("Codec: the date basis and sources tail is optional, records without it read as before", "[storage][codec]") {
  Edge e;
  e.mode = "drone";
  e.when = DateRange::point(Date::day(2020, 1, 3));
  e.confidence = 0.5f;
  const codec::EdgeKey key{1, EdgeType::kAssault, e.when.from, 2, 7};
  const std::string plain = codec::encodeEdgeValue(e, 3);
  auto h = codec::decodeEdge(key, plain);
  REQUIRE(h.isOk());
  CHECK(h->edge.dateBasis == DateBasis::kUnknown);
  CHECK(h->edge.sources == 0);
  e.dateBasis = DateBasis::kArticle;
  e.sources = 4;
  const std::string tailed = codec::encodeEdgeValue(e, 3);
  CHECK(tailed.size() == plain.size() + 2);
  CHECK(tailed.substr(0, plain.size()) == plain);
  h = codec::decodeEdge(key, tailed);
  REQUIRE(h.isOk());
  CHECK(h->edge.dateBasis == DateBasis::kArticle);
  CHECK(h->edge.sources == 4);
  CHECK(h->evidenceCount == 3);
  std::string bad = plain;
  bad.push_back(static_cast<char>(9));  // no such basis
  bad.push_back(1);
  CHECK_FALSE(codec::decodeEdge(key, bad).isOk());
}

TEST_CASE("WriteBatch: a support stated by articles years apart is one edge spanning them, an act of support is not",
          "[storage][merge]") {
  Store s;
  // "the Iran-backed militia" in a January 2020 article, then in July 2021 and March 2020 ones.
  auto stated = [](Date d, const std::string& doc) {
    return fact(EdgeType::kSupport, DateRange::point(d), DateBasis::kArticle, doc, 0);
  };
  EdgeId a = s.put(stated(Date::day(2020, 1, 4), "doc1"));
  EdgeId b = s.put(stated(Date::day(2021, 7, 27), "doc2"));
  EdgeId c = s.put(stated(Date::day(2020, 3, 1), "doc3"));
  CHECK(a == b);
  CHECK(a == c);
  auto e = s.st->getEdge(a);
  REQUIRE(e.isOk());
  CHECK(e->when.from == Date::day(2020, 1, 4));
  CHECK(e->when.to == Date::day(2021, 7, 27));
  CHECK(e->sources == 3);
  CHECK(merge::isStatedSupport(*e));
  // Praise (CAMEO 051) is an act: a month later it is another edge, and it never joins the stated support.
  Edge praise = stated(Date::day(2020, 6, 1), "doc4");
  praise.cameo = "051";
  Edge praise2 = stated(Date::day(2020, 7, 1), "doc5");
  praise2.cameo = "051";
  EdgeId p = s.put(praise);
  EdgeId q = s.put(praise2);
  CHECK(p != a);
  CHECK(q != p);
  CHECK(s.st->stats()->edges == 3);
}
