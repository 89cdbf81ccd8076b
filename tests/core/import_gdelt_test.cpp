// GDELT event rows: 1.0 (57/58 columns), 2.0 (61), headed CSV. The fixtures
// are rows composed for these tests in the codebooks' column order.
#include <catch2/catch.hpp>

#include <algorithm>

#include "../support/shared_data.h"
#include "core/actor_identity.h"
#include "core/importer.h"
#include "import_test_util.h"

using namespace kg;
using namespace kg::core;
using namespace kg::testing;

namespace {

// Codebook positions used below (0-based, the same in 1.0 and 2.0).
constexpr size_t kActor1Code = 5, kActor1Name = 6, kActor1Country = 7;
constexpr size_t kActor2Code = 15, kActor2Name = 16, kActor2Country = 17;
constexpr size_t kEventCode = 26, kGoldstein = 30, kDate = 1;

// A GDELT row of `columns` fields (57/58: 1.0, 61: 2.0): the United States
// attacks Iraq in Baghdad on 2020-01-03, then `set` changes fields.
std::string gdeltRow(size_t columns, const std::string& id, const std::vector<std::pair<size_t, std::string>>& set = {}) {
  const bool v2 = columns == 61;
  std::vector<std::string> f(columns);
  f[0] = id;
  f[1] = "20200103";
  f[2] = "202001";
  f[3] = "2020";
  f[4] = "2020.0082";
  f[kActor1Code] = "USAMIL";
  f[kActor1Name] = "UNITED STATES";
  f[kActor1Country] = "USA";
  f[12] = "MIL";
  f[kActor2Code] = "IRQ";
  f[kActor2Name] = "IRAQ";
  f[kActor2Country] = "IRQ";
  f[25] = "1";
  f[kEventCode] = "190";
  f[27] = "190";
  f[28] = "19";
  f[29] = "4";
  f[kGoldstein] = "-10.0";
  f[31] = "12";
  f[32] = "3";
  f[33] = "11";
  f[34] = "-6.25";
  const size_t geo = v2 ? 8 : 7;
  auto block = [&](size_t at, std::vector<std::string> values) {
    if (!v2) values.erase(values.begin() + 4);  // no ADM2 in 1.0
    for (size_t i = 0; i < geo; ++i) f[at + i] = values[i];
  };
  block(35, {"1", "United States", "US", "US", "", "39.8", "-98.6", "US"});
  block(35 + geo, {"1", "Iraq", "IZ", "IZ", "", "33.0", "44.0", "IZ"});
  block(35 + 2 * geo, {"4", "Baghdad, Baghdad, Iraq", "IZ", "IZ07", "IZ0701", "33.3386", "44.3939", "-3186775"});
  if (columns > 35 + 3 * geo) f[35 + 3 * geo] = v2 ? "20200103120000" : "20200103";
  if (columns > 35 + 3 * geo + 1) f[35 + 3 * geo + 1] = "https://news.example/strike-" + id;
  for (const auto& [i, v] : set) f[i] = v;
  std::string line;
  for (size_t i = 0; i < f.size(); ++i) line += (i ? "\t" : "") + f[i];
  return line + "\n";
}

Result<ImportSummary> importGdelt(storage::GraphStore& store, const std::string& path, bool strict = false) {
  auto o = importOptions(ImportFormat::kGdelt, path);
  o.strict = strict;
  return Importer(store).run(o);
}

}  // namespace

TEST_CASE("Importer: GDELT 1.0 rows keep the fields analysts use as evidence attributes", "[core][import][gdelt]") {
  TempDir dir;
  auto store = openTestDb(dir);
  const std::string file = dir.sub("events.csv");
  writeFile(file, gdeltRow(58, "1001") + gdeltRow(57, "1002", {{kEventCode, "042"}, {kActor2Name, "IRAN"}}));
  auto r = importGdelt(*store, file);
  INFO(r.status().toString());
  REQUIRE(r.isOk());
  CHECK(r->rows == 2);
  CHECK(r->stored == 2);
  CHECK(r->malformed == 0);
  checkAccounting(*r);

  const Evidence ev = evidenceOfDoc(*store, "gdelt:1001");
  CHECK(ev.text == "Use conventional military force");
  const std::map<std::string, std::string> want = {
      {"src_code", "USAMIL"}, {"dst_code", "IRQ"}, {"root_event", "1"}, {"quad_class", "4"},
      {"goldstein", "-10.0"}, {"mentions", "12"}, {"num_sources", "3"}, {"articles", "11"}, {"tone", "-6.25"},
      {"geo_type", "4"}, {"place", "Baghdad, Baghdad, Iraq"}, {"country", "IZ"}, {"admin1", "IZ07"},
      {"lat", "33.3386"}, {"lon", "44.3939"}, {"feature_id", "-3186775"}, {"date_added", "20200103"},
      {"url", "https://news.example/strike-1001"}};
  CHECK(ev.attributes == want);  // the actors' own geo blocks are not kept
  CHECK(ev.attributes.count("admin2") == 0);  // 1.0 has no ADM2 codes
  // The 57-column backfile layout has no SOURCEURL.
  CHECK(evidenceOfDoc(*store, "gdelt:1002").attributes.count("url") == 0);

  bool attack = false, visit = false;
  for (const Edge& e : edgesWithEvidence(*store)) {
    attack |= e.type == EdgeType::kAssault && e.cameo == "190" && e.when.from == Date::day(2020, 1, 3);
    visit |= e.type == EdgeType::kConsult && e.cameo == "042";
  }
  CHECK(attack);
  CHECK(visit);
  // Locations are attributes of the event, never actors.
  auto names = actorNames(*store);
  std::sort(names.begin(), names.end());
  CHECK(names == std::vector<std::string>{"IRAN", "IRAQ", "UNITED STATES"});
}

TEST_CASE("Importer: GDELT 2.0 rows (61 columns) keep ADM2 codes and the full DATEADDED", "[core][import][gdelt]") {
  TempDir dir;
  auto store = openTestDb(dir);
  const std::string file = dir.sub("20200103.export.CSV");
  writeFile(file, gdeltRow(61, "900000001"));
  auto r = importGdelt(*store, file);
  REQUIRE(r.isOk());
  CHECK(r->stored == 1);
  const Evidence ev = evidenceOfDoc(*store, "gdelt:900000001");
  CHECK(ev.attributes.at("admin2") == "IZ0701");
  CHECK(ev.attributes.at("lat") == "33.3386");
  CHECK(ev.attributes.at("date_added") == "20200103120000");
  CHECK(ev.attributes.at("url") == "https://news.example/strike-900000001");
}

TEST_CASE("Importer: GDELT rows without two actors are counted as no actor pair, their actor kept",
          "[core][import][gdelt]") {
  TempDir dir;
  auto store = openTestDb(dir);
  const std::string file = dir.sub("events.csv");
  writeFile(file, gdeltRow(58, "1", {{kActor2Code, ""}, {kActor2Name, ""}, {kActor2Country, ""}}) +  // one-sided
                      gdeltRow(58, "2", {{kActor1Name, ""}}) +       // no name: the code names the actor
                      gdeltRow(58, "3", {{kActor2Name, "UNITED STATES"}}));  // the same actor twice
  auto r = importGdelt(*store, file, /*strict=*/true);  // none of these is malformed
  INFO(r.status().toString());
  REQUIRE(r.isOk());
  CHECK(r->rows == 3);
  CHECK(r->stored == 1);
  CHECK(r->noActorPair == 2);
  CHECK(r->malformed == 0);
  checkAccounting(*r);
  REQUIRE(r->noActorPairExamples.size() == 2);
  CHECK(r->noActorPairExamples[0].find("events.csv:1: no Actor2") != std::string::npos);
  CHECK(r->noActorPairExamples[1].find("events.csv:3: Actor1 and Actor2 are the same actor") != std::string::npos);
  auto names = actorNames(*store);
  std::sort(names.begin(), names.end());
  CHECK(names == std::vector<std::string>{"IRAQ", "UNITED STATES", "USAMIL"});
}

TEST_CASE("Importer: a GDELT actor named by its CAMEO code alone is the stored actor with that code",
          "[core][import][gdelt][identity]") {
  TempDir dir;
  auto store = openTestDb(dir);
  auto put = [&](const std::string& name, ActorKind kind, const std::string& country, const std::string& cameo) {
    Actor a;
    a.name = name;
    a.kind = kind;
    a.country = country;
    a.attributes["cameo"] = cameo;
    auto batch = store->newBatch();
    auto id = batch->putActor(a, ActorIdentity::keysFor(a));
    REQUIRE(id.isOk());
    REQUIRE(store->commit(*batch).isOk());
    return id.value();
  };
  const ActorId un = put("United Nations", ActorKind::kOrganisation, "", "IGOUNO");
  put("Iraq", ActorKind::kState, "IRQ", "IRQ");
  put("Adil Abdul-Mahdi", ActorKind::kPerson, "IRQ", "IRQGOV");
  const std::string file = dir.sub("events.csv");
  writeFile(file, gdeltRow(58, "1", {{kActor1Code, "IGOUNO"}, {kActor1Name, ""}, {kActor1Country, ""}}) +
                      gdeltRow(58, "2", {{kActor1Code, "IRQGOV"}, {kActor1Name, ""}, {kActor1Country, "IRQ"}}));
  auto r = importGdelt(*store, file);
  INFO(r.status().toString());
  REQUIRE(r.isOk());
  CHECK(r->stored == 2);
  auto names = actorNames(*store);
  std::sort(names.begin(), names.end());
  // IGOUNO is the United Nations; IRQGOV, a role code a person has, is no
  // identity: a new actor. IRAQ is the stored Iraq by name.
  CHECK(names == std::vector<std::string>{"Adil Abdul-Mahdi", "IRQGOV", "Iraq", "United Nations"});
  size_t ofUn = 0;
  for (const auto& e : edgesWithEvidence(*store)) ofUn += e.src == un;
  CHECK(ofUn == 1);
}

TEST_CASE("Importer: malformed GDELT rows are counted with file:line, and --strict stores nothing",
          "[core][import][gdelt]") {
  TempDir dir;
  const std::string file = dir.sub("events.csv");
  writeFile(file, gdeltRow(58, "1") +                              // 1: good
                      "1\t20200103\tUSA\n" +                        // 2: wrong column count
                      gdeltRow(58, "3", {{kDate, "20200230"}}) +    // 3: no such day
                      gdeltRow(58, "4", {{kGoldstein, "high"}}) +   // 4: not a number
                      gdeltRow(58, "5", {{kEventCode, "19x"}}) +    // 5: not a code
                      gdeltRow(58, "6", {{kEventCode, "990"}}));    // 6: no CAMEO root 99
  auto store = openTestDb(dir);
  auto r = importGdelt(*store, file);
  INFO(r.status().toString());
  REQUIRE(r.isOk());
  CHECK(r->rows == 6);
  CHECK(r->stored == 1);
  CHECK(r->malformed == 5);
  checkAccounting(*r);
  REQUIRE(r->examples.size() == 5);
  CHECK(r->examples[0].find("events.csv:2: expected 57 or 58 (GDELT 1.0) or 61 (GDELT 2.0) tab-separated fields, got 3") !=
        std::string::npos);
  CHECK(r->examples[1].find("events.csv:3: bad SQLDATE '20200230'") != std::string::npos);
  CHECK(r->examples[2].find("events.csv:4: bad GoldsteinScale 'high'") != std::string::npos);
  CHECK(r->examples[3].find("events.csv:5: bad EventCode '19x'") != std::string::npos);
  CHECK(r->examples[4].find("events.csv:6: EventCode '990' is not a CAMEO event code") != std::string::npos);

  auto strictStore = openTestDb(dir, "strict");
  auto s = importGdelt(*strictStore, file, /*strict=*/true);
  REQUIRE_FALSE(s.isOk());
  CHECK(s.status().message().find("events.csv:2:") != std::string::npos);
  auto st = strictStore->stats();
  REQUIRE(st.isOk());
  CHECK(st->edges == 0);
  CHECK(st->actors == 0);
}

TEST_CASE("Importer: re-importing GDELT rows adds nothing", "[core][import][gdelt]") {
  TempDir dir;
  auto store = openTestDb(dir);
  const std::string file = dir.sub("events.csv");
  writeFile(file, gdeltRow(58, "1") + gdeltRow(61, "2", {{kEventCode, "0231"}}) + gdeltRow(58, "1"));
  auto first = importGdelt(*store, file);
  REQUIRE(first.isOk());
  CHECK(first->stored == 2);
  CHECK(first->merged == 1);  // the repeated event id
  auto before = store->stats();
  auto again = importGdelt(*store, file);
  REQUIRE(again.isOk());
  CHECK(again->stored == 0);
  CHECK(again->merged == 3);
  auto after = store->stats();
  CHECK(after->edges == before->edges);
  CHECK(after->evidence == before->evidence);
  CHECK(after->actors == before->actors);
}

TEST_CASE("Importer: a headed GDELT CSV is read by the codebook order from GLOBALEVENTID on", "[core][import][gdelt]") {
  TempDir dir;
  auto store = openTestDb(dir);
  // A leading row-number column, GDELT 2.0 columns (headers as a data dump
  // might spell them), and a trailing column of its own.
  std::string header = ",Global_Event_ID,Day";
  for (size_t i = 2; i < 61; ++i) header += i == 39 ? ",Actor1Geo_ADM2Code" : ",c" + std::to_string(i);
  header += ",Confidence\n";
  auto csvRow = [&](const std::string& n, const std::string& tabRow) {
    std::string line = n;
    size_t pos = 0;
    std::string row = tabRow.substr(0, tabRow.size() - 1);
    while (true) {
      size_t t = row.find('\t', pos);
      std::string f = row.substr(pos, t == std::string::npos ? std::string::npos : t - pos);
      line += "," + (f.find(',') != std::string::npos ? "\"" + f + "\"" : f);
      if (t == std::string::npos) break;
      pos = t + 1;
    }
    return line + ",70\n";
  };
  const std::string file = dir.sub("20200103.csv");
  writeFile(file, header + csvRow("0", gdeltRow(61, "77")) + "1,broken\n");
  REQUIRE(detectImportFormat(file).value() == "gdelt");
  auto r = importGdelt(*store, file);
  INFO(r.status().toString());
  REQUIRE(r.isOk());
  CHECK(r->rows == 2);
  CHECK(r->stored == 1);
  CHECK(r->malformed == 1);
  REQUIRE(r->examples.size() == 1);
  CHECK(r->examples[0].find("20200103.csv:3: expected 63 comma-separated fields (as the header), got 2") !=
        std::string::npos);
  const Evidence ev = evidenceOfDoc(*store, "gdelt:77");
  CHECK(ev.attributes.at("place") == "Baghdad, Baghdad, Iraq");  // quoted: holds commas
  CHECK(ev.attributes.at("admin2") == "IZ0701");
  CHECK(ev.attributes.at("Confidence") == "70");  // a column of its own, kept by its header
}

TEST_CASE("Importer: formats are told by what the file says", "[core][import]") {
  TempDir dir;
  const std::string g1 = dir.sub("g1.tsv"), g2 = dir.sub("g2.tsv");
  writeFile(g1, gdeltRow(58, "1"));
  writeFile(g2, gdeltRow(61, "1"));
  CHECK(detectImportFormat(g1).value() == "gdelt");
  CHECK(detectImportFormat(g2).value() == "gdelt");
  const std::string icews = dir.sub("events.tab");
  writeFile(icews, "Event ID\tEvent Date\tSource Name\tCAMEO Code\tTarget Name\n");
  CHECK(detectImportFormat(icews).value() == "icews");
  const std::string named = dir.sub("events_named.tsv");
  writeFile(named, "date\tt\tsubject\trelation\tobject\tsplit\n");
  CHECK(detectImportFormat(named).value() == "tkg");
  CHECK(detectImportFormat(dir.path()).value() == "tkg");
  const std::string plover = dir.sub("events.jsonl");
  writeFile(plover, "{\"id\":\"1\",\"event_type\":\"ASSAULT\"}\n");
  CHECK(detectImportFormat(plover).value() == "plover");
  const std::string jsonl = dir.sub("graph.jsonl");
  writeFile(jsonl, "{\"record\":\"actor\",\"id\":1}\n");
  CHECK(detectImportFormat(jsonl).value() == "jsonl");
  const std::string edges = dir.sub("edges.csv");
  writeFile(edges, "Source,Target,Date\nA,B,2020-01-01\n");
  auto unknown = detectImportFormat(edges);
  REQUIRE_FALSE(unknown.isOk());
  CHECK(unknown.status().message().find("edges.csv:1: cannot tell the format") != std::string::npos);
  CHECK(unknown.status().message().find("csv (with --map)") != std::string::npos);
  CHECK(detectImportFormat(dir.sub("missing.tsv")).status().code() == StatusCode::kNotFound);
}

TEST_CASE("Importer: the real GDELT 1.0 sample loads every row (57 and 58 columns)", "[core][import][gdelt]") {
  const std::string file = kSharedData + "/gdelt/gdelt1_events_sample.csv";
  KG_REQUIRE_SHARED_PATH(file);
  REQUIRE(detectImportFormat(file).value() == "gdelt");
  TempDir dir;
  auto store = openTestDb(dir);
  auto r = importGdelt(*store, file, /*strict=*/true);
  INFO(r.status().toString());
  REQUIRE(r.isOk());
  CHECK(r->rows == 710);
  CHECK(r->malformed == 0);
  // 239 rows name one actor only (43 without Actor1, 196 without Actor2) and
  // 27 the same actor twice; all the others are stored.
  CHECK(r->noActorPair == 266);
  CHECK(r->stored == 444);
  checkAccounting(*r);
  auto st = store->stats();
  REQUIRE(st.isOk());
  CHECK(st->evidence == r->stored);
}

TEST_CASE("Importer: the real headed GDELT 2.0 CSV files load every row", "[core][import][gdelt]") {
  const std::pair<const char*, uint64_t> files[] = {{"20201113.csv", 2824}, {"20201114.csv", 2601}, {"20201115.csv", 3929}};
  TempDir dir;
  auto store = openTestDb(dir);
  for (const auto& [name, rows] : files) {
    const std::string file = kSharedData + "/gdelt/" + name;
    KG_REQUIRE_SHARED_PATH(file);
    REQUIRE(detectImportFormat(file).value() == "gdelt");
    auto r = importGdelt(*store, file, /*strict=*/true);
    INFO(file << ": " << r.status().toString());
    REQUIRE(r.isOk());
    CHECK(r->rows == rows);
    CHECK(r->malformed == 0);
    CHECK(r->stored + r->noActorPair == rows);  // every event id is new
    checkAccounting(*r);
  }
  // Spot check: every evidence record has a URL, and a located event its place.
  size_t withUrl = 0, located = 0, total = 0;
  for (const Edge& e : edgesWithEvidence(*store))
    for (const Evidence& ev : e.evidence) {
      ++total;
      withUrl += ev.attributes.count("url");
      located += ev.attributes.count("lat");
    }
  CHECK(withUrl == total);
  CHECK(located > total / 2);
}
