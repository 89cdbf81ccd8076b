#include "core/ingest.h"

#include <catch2/catch.hpp>
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>

#include "../support/temp_dir.h"

using kg::Actor;
using kg::ActorId;
using kg::ActorKind;
using kg::core::Engine;
using kg::core::Ingestor;
using kg::extract::Article;
using kg::extract::Extraction;

namespace {

// A deterministic stand-in for the real extractor: it knows three names,
// and links every pair of them that share a sentence with an ACCUSE edge.
// An article containing "POISON" yields an edge the store must reject.
class FakeExtractor final : public kg::extract::Extractor {
 public:
  void addKnownActor(const Actor& actor) override {
    setArticleActors({});
    known_[actor.name] = actor.id;
  }
  void setArticleActors(const std::vector<Actor>& actors) override {
    told.push_back(actors);
    for (const auto& name : articleNames_) known_.erase(name);
    articleNames_.clear();
    for (const Actor& a : actors) {
      if (known_.emplace(a.name, a.id).second) articleNames_.push_back(a.name);
    }
  }
  const std::vector<std::string>& warnings() const override { return warnings_; }
  const std::vector<std::string>& dictionaryKeys() const override { return dictionaryKeys_; }
  std::vector<std::vector<Actor>> told;  // every setArticleActors list, in order

  Extraction extract(const Article& article) const override {
    static const std::pair<const char*, ActorKind> kNames[] = {{"Mike Pompeo", ActorKind::kPerson},
                                                               {"Kataib Hezbollah", ActorKind::kArmedGroup},
                                                               {"Iraq", ActorKind::kState},
                                                               {"Poison Group", ActorKind::kArmedGroup}};
    Extraction out;
    std::map<std::string, size_t> index;
    for (uint32_t si = 0; si < article.sentences.size(); ++si) {
      const auto& s = article.sentences[si];
      const std::string sentence = article.text.substr(s.begin, s.end - s.begin);
      std::vector<size_t> here;
      for (const auto& [name, kind] : kNames) {
        if (sentence.find(name) == std::string::npos) continue;
        if (!index.count(name)) {
          kg::extract::ExtractedActor ea;
          ea.actor.name = name;
          ea.actor.kind = kind;
          auto it = known_.find(name);
          ea.actor.id = it == known_.end() ? 0 : it->second;
          std::string key = name;
          for (char& c : key) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
          ea.nameKeys = {key};
          // "also known as" names, as the real extractor reports them.
          const std::string aka = std::string(name) + ", also known as ";
          if (auto at = sentence.find(aka); at != std::string::npos) {
            const size_t from = at + aka.size();
            ea.learnedAliases.push_back(sentence.substr(from, sentence.find(',', from) - from));
          }
          index[name] = out.actors.size();
          out.actors.push_back(ea);
        }
        here.push_back(index[name]);
      }
      for (size_t i = 0; i + 1 < here.size(); ++i) {
        kg::extract::ExtractedEdge ee;
        ee.src = here[i];
        ee.dst = here[i + 1];
        ee.edge.type = kg::EdgeType::kAccuse;
        ee.edge.when = kg::DateRange::point(article.doc.date);
        ee.edge.confidence = sentence.find("POISON") != std::string::npos ? 1.5f : 0.8f;
        ee.edge.evidence.push_back({"", si, s.begin, s.end, sentence});
        out.edges.push_back(ee);
      }
    }
    return out;
  }

 private:
  std::map<std::string, ActorId> known_;
  std::vector<std::string> articleNames_;  // names setArticleActors added
  std::vector<std::string> warnings_;
  std::vector<std::string> dictionaryKeys_;  // none: the names above are not a dictionary
};

void writeFile(const std::string& path, const std::string& text) {
  std::filesystem::create_directories(std::filesystem::path(path).parent_path());
  std::ofstream(path, std::ios::binary) << text;
}

// A corpus of three articles in two files (one page holds two).
void writeCorpus(const kg::testing::TempDir& dir) {
  writeFile(dir.sub("in/a.txt"),
            "Pompeo blames militia for embassy attack\nJanuary 1, 2020\n\n"
            "Mike Pompeo accused Kataib Hezbollah of the attack. Iraq was warned.\n");
  writeFile(dir.sub("in/b.txt"),
            "Iraq summons US envoy\nPress TV - January 5, 2020\n\n"
            "Iraq protested after Mike Pompeo spoke. Kataib Hezbollah threatened Iraq again.\n"
            "January 5, 2020 Posted by | Politics | Leave a comment\n\n"
            "Militia vows revenge\nPress TV - January 6, 2020\n\n"
            "Kataib Hezbollah accused Mike Pompeo of murder.\n");
}

kg::storage::StoreStats statsOf(Engine& e) { return e.stats().value(); }

struct Run {
  kg::core::IngestSummary summary;
  kg::storage::StoreStats stats;
};

Run ingest(const std::string& db, const std::vector<std::string>& paths, size_t threads = 1) {
  auto engine = Engine::open(db, {});
  REQUIRE(engine.isOk());
  FakeExtractor extractor;
  kg::core::IngestOptions options;
  options.threads = threads;
  auto ingestor = Ingestor::create(**engine, extractor, options);
  REQUIRE(ingestor.isOk());
  REQUIRE((*ingestor)->ingestPaths(paths).isOk());
  return {(*ingestor)->summary(), statsOf(**engine)};
}

}  // namespace

TEST_CASE("Ingestor: articles land with their document, actors and edges", "[core][ingest]") {
  kg::testing::TempDir dir;
  writeCorpus(dir);
  const Run r = ingest(dir.sub("db"), {dir.sub("in")});
  CHECK(r.summary.files == 2);
  CHECK(r.summary.documents == 2);
  CHECK(r.summary.articles == 3);
  CHECK(r.summary.articlesStored == 3);
  CHECK(r.summary.actorsNew == 3);
  CHECK(r.summary.actorsKnown == 5);  // later articles resolve to the actors the first one created
  CHECK(r.summary.edgesNew >= 3);
  CHECK(r.stats.documents == 3);
  CHECK(r.stats.actors == 3);
  CHECK(r.stats.edges == r.summary.edgesNew);
  CHECK(r.summary.warnings.empty());

  auto engine = Engine::open(dir.sub("db"), {});
  REQUIRE(engine.isOk());
  auto pompeo = (*engine)->resolveOne("Mike Pompeo");
  REQUIRE(pompeo.isOk());
  kg::core::EdgeFilter f;
  f.actor = pompeo->id;
  auto edges = (*engine)->edges(f, 10);
  REQUIRE(edges.isOk());
  REQUIRE(!edges->empty());
  for (const auto& e : edges.value()) {
    REQUIRE(!e.evidence.empty());
    CHECK(e.evidence[0].doc.size() == 16);  // the article's content hash
    CHECK(e.when.from.known());
  }
}

TEST_CASE("Ingestor: re-ingesting the same content changes nothing", "[core][ingest]") {
  kg::testing::TempDir dir;
  writeCorpus(dir);
  const Run first = ingest(dir.sub("db"), {dir.sub("in")});
  const Run again = ingest(dir.sub("db"), {dir.sub("in")});
  CHECK(again.summary.articles == 3);
  CHECK(again.summary.articlesSkipped == 3);
  CHECK(again.summary.articlesStored == 0);
  CHECK(again.summary.actorsNew == 0);
  CHECK(again.summary.edgesNew == 0);
  CHECK(again.stats.actors == first.stats.actors);
  CHECK(again.stats.edges == first.stats.edges);
  CHECK(again.stats.evidence == first.stats.evidence);
  CHECK(again.stats.documents == first.stats.documents);
}

TEST_CASE("Ingestor: a run stopped after some articles is completed by the next run", "[core][ingest]") {
  kg::testing::TempDir dir;
  writeCorpus(dir);
  const Run clean = ingest(dir.sub("clean"), {dir.sub("in")});
  {
    // "Killed" after the first file: only its article is stored.
    const Run part = ingest(dir.sub("db"), {dir.sub("in/a.txt")});
    CHECK(part.summary.articlesStored == 1);
  }
  const Run rest = ingest(dir.sub("db"), {dir.sub("in")});
  CHECK(rest.summary.articlesSkipped == 1);
  CHECK(rest.summary.articlesStored == 2);
  CHECK(rest.summary.actorsNew == 0);  // the first run stored all three actors
  CHECK(rest.stats.actors == clean.stats.actors);
  CHECK(rest.stats.edges == clean.stats.edges);
  CHECK(rest.stats.evidence == clean.stats.evidence);
  CHECK(rest.stats.documents == clean.stats.documents);
}

TEST_CASE("Ingestor: an article the store rejects leaves nothing behind, the rest lands", "[core][ingest]") {
  kg::testing::TempDir dir;
  writeCorpus(dir);
  writeFile(
      dir.sub("in/c.txt"),
      "A bad article\nJanuary 7, 2020\n\nPoison Group attacked Iraq. POISON Poison Group threatened Mike Pompeo.\n");
  const Run r = ingest(dir.sub("db"), {dir.sub("in")});
  CHECK(r.summary.articles == 4);
  CHECK(r.summary.articlesStored == 3);
  CHECK(r.summary.articlesFailed == 1);
  CHECK(r.stats.documents == 3);
  REQUIRE(r.summary.warnings.size() == 1);
  CHECK_THAT(r.summary.warnings[0], Catch::Contains("c.txt") && Catch::Contains("not stored"));
  auto engine = Engine::open(dir.sub("db"), {});
  REQUIRE(engine.isOk());
  auto poison = (*engine)->resolve("Poison Group");
  REQUIRE(poison.isOk());
  CHECK(poison->empty());  // its new actor did not land either
  CHECK(r.stats.actors == 3);
}

TEST_CASE("Ingestor: bad inputs become warnings naming files, --date fills undated articles", "[core][ingest]") {
  kg::testing::TempDir dir;
  writeFile(dir.sub("in/empty.txt"), "");
  writeFile(dir.sub("in/blob.bin"), std::string("\0\1\2\3binary", 10));
  writeFile(dir.sub("in/undated.txt"), "Mike Pompeo accused Kataib Hezbollah of the attack on the embassy.\n");
  auto engine = Engine::open(dir.sub("db"), {});
  REQUIRE(engine.isOk());
  FakeExtractor extractor;
  kg::core::IngestOptions options;
  options.defaultDate = kg::Date::day(2020, 1, 2);
  auto ingestor = Ingestor::create(**engine, extractor, options);
  REQUIRE(ingestor.isOk());
  REQUIRE((*ingestor)->ingestPaths({dir.sub("in"), dir.sub("nope")}).isOk());
  const auto& s = (*ingestor)->summary();
  CHECK(s.articlesStored == 1);
  REQUIRE(s.warnings.size() == 3);
  CHECK_THAT(s.warnings[0], Catch::Contains("blob.bin"));
  CHECK_THAT(s.warnings[1], Catch::Contains("empty.txt"));
  CHECK_THAT(s.warnings[2], Catch::Contains("nope"));
  bool found = false;
  REQUIRE((*engine)
              ->store()
              .scanDocuments([&](const kg::Document& d) {
                found = true;
                CHECK(d.date == kg::Date::day(2020, 1, 2));
                return kg::storage::Scan::kContinue;
              })
              .isOk());
  CHECK(found);
}

TEST_CASE("Ingestor: parallel extraction stores the same graph as sequential ingest", "[core][ingest]") {
  kg::testing::TempDir dir;
  writeCorpus(dir);
  for (int i = 0; i < 12; ++i)
    writeFile(dir.sub("in/more" + std::to_string(i) + ".txt"),
              "Story " + std::to_string(i) + "\nJanuary " + std::to_string(10 + i) +
                  ", 2020\n\nIraq accused Kataib Hezbollah of attack number " + std::to_string(i) + ".\n");
  const Run seq = ingest(dir.sub("seq"), {dir.sub("in")}, 1);
  const Run par = ingest(dir.sub("par"), {dir.sub("in")}, 3);
  CHECK(par.summary.articles == seq.summary.articles);
  CHECK(par.summary.articlesStored == seq.summary.articlesStored);
  CHECK(par.stats.actors == seq.stats.actors);  // actors new to a group merge by name key
  CHECK(par.stats.edges == seq.stats.edges);
  CHECK(par.stats.evidence == seq.stats.evidence);
  CHECK(par.stats.documents == seq.stats.documents);
  const Run again = ingest(dir.sub("par"), {dir.sub("in")}, 3);
  CHECK(again.summary.articlesSkipped == seq.summary.articles);
  CHECK(again.stats.edges == seq.stats.edges);
}

// --- dates and merging with the real extractor (storage/merge_rule.h) -------

namespace {

Run ingestReal(const std::string& db, const std::vector<std::string>& paths) {
  auto engine = Engine::open(db, {});
  REQUIRE(engine.isOk());
  auto extractor = kg::extract::Extractor::create({});
  REQUIRE(extractor.isOk());
  auto ingestor = Ingestor::create(**engine, **extractor, {});
  REQUIRE(ingestor.isOk());
  REQUIRE((*ingestor)->ingestPaths(paths).isOk());
  return {(*ingestor)->summary(), statsOf(**engine)};
}

// Edges of `type` from `src` to `dst` (names as the dictionary has them), in a window when given.
std::vector<kg::Edge> edgesOf(const std::string& db, const std::string& src, kg::EdgeType type, const std::string& dst,
                              std::optional<std::pair<kg::Date, kg::Date>> window = std::nullopt) {
  auto engine = Engine::open(db, {});
  REQUIRE(engine.isOk());
  auto s = (*engine)->resolveOne(src);
  REQUIRE(s.isOk());
  auto d = (*engine)->resolveOne(dst);
  REQUIRE(d.isOk());
  kg::core::EdgeFilter f;
  f.actor = s->id;
  f.filter.direction = kg::query::Direction::kOut;
  f.filter.types = {type};
  if (window) {
    f.filter.fromDay = window->first.days();
    f.filter.toDay = window->second.lastDay();
  }
  auto all = (*engine)->edges(f, 100);
  REQUIRE(all.isOk());
  std::vector<kg::Edge> out;
  for (auto& e : all.value())
    if (e.dst == d->id) out.push_back(std::move(e));
  return out;
}

}  // namespace

TEST_CASE("Ingestor: two articles reporting one strike a day apart are one edge with two sources", "[core][ingest]") {
  kg::testing::TempDir dir;
  // Friday's article dates the strike in its sentence; Saturday's gives no date.
  writeFile(dir.sub("in/1.txt"), "US strikes militia\nJanuary 3, 2020\n\n"
                                 "The United States struck Kataib Hezbollah on Friday.\n");
  writeFile(dir.sub("in/2.txt"), "Militia hit\nJanuary 4, 2020\n\n"
                                 "The United States struck Kataib Hezbollah, officials said.\n");
  writeFile(dir.sub("in/3.txt"), "Another target\nJanuary 4, 2020\n\n"
                                 "The United States struck Asaib Ahl al-Haq.\n");
  const Run r = ingestReal(dir.sub("db"), {dir.sub("in")});
  auto kh = edgesOf(dir.sub("db"), "United States", kg::EdgeType::kAssault, "Kata'ib Hezbollah");
  REQUIRE(kh.size() == 1);
  CHECK(kh[0].sources == 2);
  CHECK(kh[0].evidence.size() == 2);
  CHECK(kh[0].when == kg::DateRange::point(kg::Date::day(2020, 1, 3)));
  CHECK(kh[0].dateBasis == kg::DateBasis::kText);
  // Each report alone had the extractor's confidence; together more, below 1.
  auto one = edgesOf(dir.sub("db"), "United States", kg::EdgeType::kAssault, "Asa'ib Ahl al-Haq");
  REQUIRE(one.size() == 1);  // another target: its own edge
  CHECK(one[0].sources == 1);
  CHECK(one[0].dateBasis == kg::DateBasis::kArticle);
  CHECK(kh[0].confidence > one[0].confidence);
  CHECK(kh[0].confidence < 1.0f);
  // Re-ingesting adds nothing.
  const Run again = ingestReal(dir.sub("db"), {dir.sub("in")});
  CHECK(again.stats.edges == r.stats.edges);
  CHECK(again.stats.evidence == r.stats.evidence);
  CHECK(edgesOf(dir.sub("db"), "United States", kg::EdgeType::kAssault, "Kata'ib Hezbollah")[0] == kh[0]);
}

TEST_CASE("Ingestor: an event with no date of its own is a point at its article's date, outside earlier windows",
          "[core][ingest]") {
  kg::testing::TempDir dir;
  writeFile(dir.sub("in/may.txt"), "Iraq and Iran\nMay 10, 2020\n\nIraq accused Iran of meddling in its internal affairs. "
                                   "The ministry issued a long statement about the dispute.\n");
  ingestReal(dir.sub("db"), {dir.sub("in")});
  auto all = edgesOf(dir.sub("db"), "Iraq", kg::EdgeType::kAccuse, "Iran");
  REQUIRE(all.size() == 1);
  CHECK(all[0].when == kg::DateRange::point(kg::Date::day(2020, 5, 10)));
  CHECK(all[0].dateBasis == kg::DateBasis::kArticle);
  CHECK(edgesOf(dir.sub("db"), "Iraq", kg::EdgeType::kAccuse, "Iran",
                std::make_pair(kg::Date::day(2019, 12, 1), kg::Date::day(2019, 12, 31)))
            .empty());
  CHECK(edgesOf(dir.sub("db"), "Iraq", kg::EdgeType::kAccuse, "Iran",
                std::make_pair(kg::Date::day(2020, 5, 1), kg::Date::day(2020, 5, 31)))
            .size() == 1);
}

TEST_CASE("Ingestor: a role read in six articles is one office edge that an ended tenure does not outlive",
          "[core][ingest]") {
  kg::testing::TempDir dir;
  const std::pair<int, const char*> reports[] = {{4, "Tehran"}, {5, "Mashhad"}, {6, "Kerman"},
                                                 {8, "Qom"},    {9, "Ahvaz"},   {12, "Isfahan"}};
  for (const auto& [day, city] : reports)
    writeFile(dir.sub("in/" + std::to_string(day) + ".txt"),
              "Report " + std::to_string(day) + "\nJanuary " + std::to_string(day) + ", 2020\n\n" +
                  "Qassem Soleimani, the commander of Iran's Quds Force, was mourned in " + city + ".\n");
  writeFile(dir.sub("in/late.txt"), "Years later\nMay 7, 2023\n\n"
                                    "Qassem Soleimani, the commander of Iran's Quds Force, was remembered in Baghdad.\n");
  ingestReal(dir.sub("db"), {dir.sub("in")});
  auto roles = edgesOf(dir.sub("db"), "Qassem Soleimani", kg::EdgeType::kLeaderOf, "Quds Force");
  REQUIRE(roles.size() == 1);
  CHECK(roles[0].when.from == kg::Date::year(1998));
  CHECK(roles[0].when.to == kg::Date::day(2020, 1, 3));  // the dictionary's end: never extended
  CHECK(roles[0].dateBasis == kg::DateBasis::kDictionary);
  CHECK(roles[0].sources == 8);  // the dictionary line and seven articles
}

TEST_CASE("Ingestor: a name an article gives a stored actor ('also known as') becomes its alias", "[core][ingest]") {
  kg::testing::TempDir dir;
  writeCorpus(dir);
  ingest(dir.sub("db"), {dir.sub("in")});
  writeFile(dir.sub("more/c.txt"), "KH speaks\nJanuary 9, 2020\n\n"
                                   "Kataib Hezbollah, also known as Brigades of the Party of God, accused Iraq.\n");
  const Run r = ingest(dir.sub("db"), {dir.sub("more")});
  CHECK(r.summary.actorsNew == 0);
  auto engine = Engine::open(dir.sub("db"), {});
  REQUIRE(engine.isOk());
  auto kh = (*engine)->resolveOne("Kataib Hezbollah");
  REQUIRE(kh.isOk());
  auto byAlias = (*engine)->resolveOne("Brigades of the Party of God");
  REQUIRE(byAlias.isOk());
  CHECK(byAlias->id == kh->id);
  CHECK(std::count(byAlias->aliases.begin(), byAlias->aliases.end(), "Brigades of the Party of God") == 1);
}

TEST_CASE("Ingestor: actors and aliases another writer stores between articles reach the next article",
          "[core][ingest]") {
  kg::testing::TempDir dir;
  auto engine = Engine::open(dir.sub("db"), {});
  REQUIRE(engine.isOk());
  FakeExtractor extractor;
  auto ingestor = Ingestor::create(**engine, extractor, {});
  REQUIRE(ingestor.isOk());
  writeFile(dir.sub("one/a.txt"), "Iraq warned\nJanuary 1, 2020\n\nIraq warned Kataib Hezbollah, Mike said.\n");
  REQUIRE((*ingestor)->ingestPaths({dir.sub("one")}).isOk());
  auto iraq = (*engine)->resolveOne("Iraq");
  REQUIRE(iraq.isOk());
  // Another writer of the same engine, between this Ingestor's articles: a
  // name continuing a word the first article had ("Mike"), an alias of an
  // actor it named.
  Actor pompeo;
  pompeo.name = "Mike Pompeo";
  pompeo.kind = ActorKind::kPerson;
  auto batch = (*engine)->newBatch();
  auto pompeoId = batch->putActor(pompeo, {"mike pompeo"});
  REQUIRE(pompeoId.isOk());
  REQUIRE(batch->addAliases(iraq->id, {"Mesopotamia"}, {"mesopotamia"}).isOk());
  REQUIRE((*engine)->commit(*batch).isOk());

  writeFile(dir.sub("two/b.txt"), "Pompeo blames militia\nJanuary 2, 2020\n\nMike Pompeo accused Iraq.\n");
  extractor.told.clear();
  REQUIRE((*ingestor)->ingestPaths({dir.sub("two")}).isOk());
  REQUIRE(extractor.told.size() == 1);
  const std::vector<Actor>& told = extractor.told[0];
  auto byId = [&](ActorId id) -> const Actor* {
    for (const Actor& a : told)
      if (a.id == id) return &a;
    return nullptr;
  };
  REQUIRE(byId(pompeoId.value()) != nullptr);
  const Actor* toldIraq = byId(iraq->id);
  REQUIRE(toldIraq != nullptr);
  CHECK(toldIraq->aliases == std::vector<std::string>{"Mesopotamia"});
  CHECK((*ingestor)->summary().actorsNew == 2);  // Iraq and Kataib Hezbollah, by the first article
}
