#include <catch2/catch.hpp>

#include <algorithm>
#include <random>

#include "storage/codec.h"

using namespace kg;
using namespace kg::storage;

TEST_CASE("Codec: date keys sort in date order across 1970, unknown first", "[storage]") {
  std::vector<Date> dates = {Date(),
                             Date::day(1958, 7, 14),
                             Date::year(1969),
                             Date::day(1969, 12, 31),
                             Date::day(1970, 1, 1),
                             Date::month(2020, 1),
                             Date::day(2020, 1, 3),
                             Date::day(2024, 2, 1)};
  std::vector<std::string> keys;
  for (const auto& d : dates) {
    std::string k;
    codec::putDateKey(&k, d);
    REQUIRE(k.size() == codec::kDateBytes);
    CHECK(codec::getDateKey(k, 0) == d);
    keys.push_back(k);
  }
  CHECK(std::is_sorted(keys.begin(), keys.end()));
}

TEST_CASE("Codec: every precision round-trips", "[storage]") {
  for (Date d : {Date::day(1901, 3, 4), Date::month(1955, 11), Date::year(1900), Date::week(-5000), Date()}) {
    std::string k;
    codec::putDateKey(&k, d);
    Date back = codec::getDateKey(k, 0);
    CHECK(back == d);
    CHECK(back.precision() == d.precision());
  }
}

TEST_CASE("Codec: edge keys sort by source, type, date, target", "[storage]") {
  std::vector<codec::EdgeKey> ks = {
      {1, EdgeType::kConsult, Date::day(2019, 1, 1), 9, 5},
      {1, EdgeType::kConsult, Date::day(2020, 1, 1), 2, 4},
      {1, EdgeType::kAssault, Date::day(1960, 1, 1), 3, 3},
      {2, EdgeType::kAgree, Date(), 1, 2},
      {300, EdgeType::kAgree, Date::day(1969, 1, 1), 1, 1},
  };
  std::vector<std::string> enc;
  for (const auto& k : ks) {
    enc.push_back(codec::encodeEdgeKey(k));
    auto back = codec::decodeEdgeKey(enc.back());
    REQUIRE(back.isOk());
    CHECK(back->first == k.first);
    CHECK(back->type == k.type);
    CHECK(back->from == k.from);
    CHECK(back->second == k.second);
    CHECK(back->id == k.id);
  }
  CHECK(std::is_sorted(enc.begin(), enc.end()));
}

TEST_CASE("Codec: actor, edge, evidence and document records round-trip", "[storage]") {
  Actor a;
  a.id = 7;
  a.name = "Kata'ib Hezbollah";
  a.kind = ActorKind::kArmedGroup;
  a.country = "IRQ";
  a.aliases = {"Kataib Hezbollah", "كتائب حزب الله"};
  a.attributes = {{"founded", "2007"}};
  std::vector<std::string> keys;
  auto back = codec::decodeActor(7, codec::encodeActor(a, {"kataib hezbollah"}), &keys);
  REQUIRE(back.isOk());
  CHECK(back.value() == a);
  CHECK(keys == std::vector<std::string>{"kataib hezbollah"});

  Edge e;
  e.id = 11;
  e.src = 1;
  e.dst = 2;
  e.type = EdgeType::kOfficialOf;
  e.title = "Prime Minister";
  e.when = {Date::day(2020, 5, 7), Date::day(2022, 10, 27)};
  e.confidence = 0.75f;
  codec::EdgeKey k{1, e.type, e.when.from, 2, 11};
  auto h = codec::decodeEdge(k, codec::encodeEdgeValue(e, 3));
  REQUIRE(h.isOk());
  CHECK(h->edge == e);
  CHECK(h->evidenceCount == 3);
  // The parties' actor codes ride in a second optional tail; without them
  // the record is what older writers wrote.
  Edge coded = e;
  coded.srcCode = "IRQGOV";
  coded.dstCode = "USA";
  const std::string plain = codec::encodeEdgeValue(e, 3);
  CHECK(codec::encodeEdgeValue(coded, 3).substr(0, plain.size()) == plain);
  auto hc = codec::decodeEdge(k, codec::encodeEdgeValue(coded, 3));
  REQUIRE(hc.isOk());
  CHECK(hc->edge == coded);
  coded.srcCode.clear();  // one code alone
  auto hd = codec::decodeEdge(k, codec::encodeEdgeValue(coded, 3));
  REQUIRE(hd.isOk());
  CHECK(hd->edge == coded);

  Evidence ev{"abcd0123", 4, 100, 180, "A sentence that backs the edge."};
  auto evb = codec::decodeEvidence(codec::evidenceKey(11, ev.doc, ev.sentence), codec::encodeEvidenceValue(ev));
  REQUIRE(evb.isOk());
  CHECK(evb.value() == ev);

  Document d{"abcd0123", "seeds/001.txt", "https://example.org/a", "A title", Date::day(2020, 1, 7), "en"};
  auto db = codec::decodeDocument(d.id, codec::encodeDocument(d));
  REQUIRE(db.isOk());
  CHECK(db.value() == d);
  // The optional outlet: written only when known, so a record without one
  // is byte-for-byte what older writers wrote.
  Document withOutlet = d;
  withOutlet.outlet = "Reuters";
  CHECK(codec::encodeDocument(withOutlet).size() > codec::encodeDocument(d).size());
  auto dw = codec::decodeDocument(d.id, codec::encodeDocument(withOutlet));
  REQUIRE(dw.isOk());
  CHECK(dw->outlet == "Reuters");
  CHECK(dw.value() == withOutlet);
}

TEST_CASE("Codec: truncated or garbled records are Corruption, not crashes", "[storage]") {
  Actor a;
  a.name = "Iraq";
  std::string v = codec::encodeActor(a, {"iraq"});
  std::mt19937 rng(7);
  for (size_t cut = 0; cut < v.size(); ++cut) {
    auto r = codec::decodeActor(1, std::string_view(v).substr(0, cut));
    CHECK_FALSE(r.isOk());
  }
  std::string junk(40, '\xff');
  CHECK(codec::decodeActor(1, junk).status().code() == StatusCode::kCorruption);
  CHECK_FALSE(codec::decodeEdgeKey("short").isOk());
  for (int i = 0; i < 200; ++i) {
    std::string g(static_cast<size_t>(rng() % 30), '\0');
    for (auto& c : g) c = static_cast<char>(rng());
    (void)codec::decodeDocument("x", g);  // must not crash
  }
}

TEST_CASE("Codec: evidence attributes are an optional tail, records without one read as before", "[storage]") {
  Evidence plain{"gdelt:1001", 0, 0, 0, "Use conventional military force"};
  const std::string key = codec::evidenceKey(7, plain.doc, plain.sentence);
  const std::string plainBytes = codec::encodeEvidenceValue(plain);
  // What a writer before the tail wrote: varint begin, varint end, str text.
  std::string older;
  older.push_back('\0');
  older.push_back('\0');
  older.push_back(static_cast<char>(plain.text.size()));
  older += plain.text;
  CHECK(plainBytes == older);
  auto decoded = codec::decodeEvidence(key, older);
  REQUIRE(decoded.isOk());
  CHECK(decoded->attributes.empty());

  Evidence rich = plain;
  rich.attributes = {{"goldstein", "-10.0"}, {"url", "https://news.example/a"}, {"place", "Baghdad, Iraq"}};
  const std::string richBytes = codec::encodeEvidenceValue(rich);
  CHECK(richBytes.substr(0, plainBytes.size()) == plainBytes);
  CHECK(richBytes.substr(plainBytes.size()) == codec::encodeEvidenceAttributes(rich.attributes));
  auto back = codec::decodeEvidence(key, richBytes);
  REQUIRE(back.isOk());
  CHECK(back.value() == rich);

  // A tail that says no attributes, or is cut short, is Corruption.
  CHECK(codec::decodeEvidence(key, plainBytes + std::string(1, '\0')).status().code() == StatusCode::kCorruption);
  CHECK(codec::decodeEvidence(key, richBytes.substr(0, richBytes.size() - 3)).status().code() == StatusCode::kCorruption);
}
