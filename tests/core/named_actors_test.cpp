// namedActors (core/named_actors.h) and ingest with KnownActors::kNamed:
// looking the stored actors an article names up through the name index
// resolves what registering every stored actor did.
#include "core/named_actors.h"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "../support/shared_data.h"
#include "../support/temp_dir.h"
#include "core/actor_identity.h"
#include "core/engine.h"
#include "core/importer.h"
#include "core/ingest.h"
#include "extract/extractor.h"
#include "extract/text/page_segmenter.h"
#include "extract/text/reader.h"

using kg::Actor;
using kg::ActorId;
using kg::ActorKind;
using kg::core::Engine;
using kg::core::Ingestor;
using kg::core::KnownActors;
using kg::storage::Scan;

namespace {

std::unique_ptr<Engine> openEngine(const std::string& path) {
  auto e = Engine::open(path, {});
  INFO(e.status().toString());
  REQUIRE(e.isOk());
  return std::move(e).value();
}

// Stores `names` (with their kinds) in one batch, indexed as ingest indexes
// them (ActorIdentity::keysFor); returns their ids in order.
std::vector<ActorId> putActors(Engine& e, const std::vector<std::pair<std::string, ActorKind>>& names) {
  auto b = e.newBatch();
  std::vector<ActorId> ids;
  for (const auto& [name, kind] : names) {
    Actor a;
    a.name = name;
    a.kind = kind;
    auto id = b->putActor(a, kg::core::ActorIdentity::keysFor(a));
    REQUIRE(id.isOk());
    ids.push_back(id.value());
  }
  REQUIRE(e.commit(*b).isOk());
  return ids;
}

// Every actor and edge, with the fields ingest decides.
std::string dumpGraph(const std::string& db) {
  auto e = openEngine(db);
  std::string out;
  REQUIRE(e->store()
              .scanActors([&](const Actor& a) {
                out += "actor " + std::to_string(a.id) + " " + a.name + " " + kg::actorKindName(a.kind);
                for (const auto& al : a.aliases) out += " | " + al;
                out += "\n";
                return Scan::kContinue;
              })
              .isOk());
  REQUIRE(e->store()
              .scanEdges([&](const kg::storage::EdgeHeader& h) {
                const kg::Edge& x = h.edge;
                out += "edge " + std::to_string(x.id) + " " + std::to_string(x.src) + " " + kg::edgeTypeName(x.type) +
                       " " + std::to_string(x.dst) + " " + x.when.from.toString() + ".." + x.when.to.toString() + " " +
                       x.title + " " + x.mode + " ev=" + std::to_string(h.evidenceCount) + "\n";
                return Scan::kContinue;
              })
              .isOk());
  return out;
}

kg::core::IngestSummary ingestWith(const std::string& db, const std::vector<std::string>& paths, KnownActors known,
                                   size_t threads = 1) {
  auto engine = openEngine(db);
  auto extractor = kg::extract::Extractor::create({});
  REQUIRE(extractor.isOk());
  kg::core::IngestOptions options;
  options.knownActors = known;
  options.threads = threads;
  auto ingestor = Ingestor::create(*engine, **extractor, options);
  REQUIRE(ingestor.isOk());
  REQUIRE((*ingestor)->ingestPaths(paths).isOk());
  return (*ingestor)->summary();
}

std::string seed(const char* name) { return std::string(KG_SHARED_DIR) + "/seeds/" + name; }

const std::string kSeeds = std::string(KG_SHARED_DIR) + "/seeds";
const std::string kExamples = std::string(KG_SOURCE_DIR) + "/examples/corpus";
const std::string kIcews = std::string(KG_SHARED_DIR) + "/data/icews/icews_events_2018_sample.tab";

// Imports the ICEWS 2018 sample (1,400 actors coded by ICEWS: some carry a
// dictionary actor's name with another kind, "Asa'ib Ahl al-Haq" as a person,
// or another spelling of it, "Sayyed Ali Khamenei").
void importIcews(const std::string& db) {
  auto e = openEngine(db);
  kg::core::ImportOptions o;
  o.format = kg::core::ImportFormat::kIcews;
  o.path = kIcews;
  auto r = e->withWriteLock([&](kg::storage::GraphStore& s) { return kg::core::Importer(s).run(o); });
  INFO(r.status().toString());
  REQUIRE(r.isOk());
}

std::string attributesText(const std::map<std::string, std::string>& attrs) {
  std::string out;
  for (const auto& [k, v] : attrs) out += " " + k + "=" + v;
  return out;
}

// Everything ingest writes: each actor with every field, each edge with every
// field and all its evidence, each document record.
std::string dumpAll(const std::string& db) {
  auto e = openEngine(db);
  const kg::storage::GraphStore& store = e->store();
  std::string out;
  REQUIRE(store
              .scanActors([&](const Actor& a) {
                out += "actor " + std::to_string(a.id) + " " + a.name + " " + kg::actorKindName(a.kind) + " [" +
                       a.country + "]" + attributesText(a.attributes);
                for (const auto& al : a.aliases) out += " | " + al;
                out += "\n";
                return Scan::kContinue;
              })
              .isOk());
  std::vector<kg::EdgeId> edges;
  REQUIRE(store
              .scanEdges([&](const kg::storage::EdgeHeader& h) {
                edges.push_back(h.edge.id);
                return Scan::kContinue;
              })
              .isOk());
  for (kg::EdgeId id : edges) {
    auto edge = store.getEdge(id);
    REQUIRE(edge.isOk());
    const kg::Edge& x = edge.value();
    out += "edge " + std::to_string(x.id) + " " + std::to_string(x.src) + " " + kg::edgeTypeName(x.type) + " " +
           std::to_string(x.dst) + " " + x.when.from.toString() + ".." + x.when.to.toString() + " " +
           kg::dateBasisName(x.dateBasis) + " title=" + x.title + " mode=" + x.mode + " cameo=" + x.cameo +
           " codes=" + x.srcCode + "/" + x.dstCode + " conf=" + std::to_string(x.confidence) +
           " sources=" + std::to_string(x.sources) + "\n";
    for (const kg::Evidence& ev : x.evidence)
      out += "  ev " + ev.doc + " " + std::to_string(ev.sentence) + " " + std::to_string(ev.begin) + "-" +
             std::to_string(ev.end) + attributesText(ev.attributes) + " " + ev.text + "\n";
  }
  REQUIRE(store
              .scanDocuments([&](const kg::Document& d) {
                out += "doc " + d.id + " " + d.source + " " + d.url + " " + d.title + " " + d.date.toString() + " " +
                       d.language + " " + d.outlet + "\n";
                return Scan::kContinue;
              })
              .isOk());
  return out;
}

// The articles of `paths` in the order ingestPaths reads them.
std::vector<kg::extract::Article> articlesOf(const std::vector<std::string>& paths) {
  std::vector<kg::extract::Article> out;
  std::vector<kg::extract::ReadWarning> warnings;
  kg::extract::readInputs(
      paths,
      [&](kg::extract::RawDocument&& doc) {
        for (auto& a : kg::extract::toArticles(doc, {})) out.push_back(std::move(a));
      },
      &warnings);
  return out;
}

}  // namespace

TEST_CASE("namedActors: the stored actors a text's word runs name, by strict or skeleton key", "[core][ingest]") {
  kg::testing::TempDir dir;
  auto e = openEngine(dir.sub("db"));
  std::vector<std::pair<std::string, ActorKind>> names = {
      {"Kata'ib Hezbollah", ActorKind::kArmedGroup},  // strict key "kataib hezbollah"
      {"Qassem Soleimani", ActorKind::kPerson},       // skeleton key: "Qasem Soleimani" in the text
      {"Coordination Framework", ActorKind::kOrganisation},
      {"Hezbollah", ActorKind::kArmedGroup},                       // the last word of a longer name
      {"Strategic Culture Foundation", ActorKind::kOrganisation},  // not in the text
      {"Sound", ActorKind::kOther},                                // only a lower-case word of the text
  };
  for (int i = 0; i < 2000; ++i) names.emplace_back("Filler Actor " + std::to_string(i), ActorKind::kOther);
  const auto ids = putActors(*e, names);
  const std::string text =
      "Qasem Soleimani met Kataib Hezbollah commanders in Baghdad. The Coordination Framework, a bloc, "
      "said the plan was sound; Filler Actor 7 and filler actor 8 stayed home.";
  auto found = kg::core::namedActors(e->store(), text);
  REQUIRE(found.isOk());
  // "filler actor 8" is lower case: the extractor would not match it either.
  CHECK(found.value() == std::vector<ActorId>{ids[0], ids[1], ids[2], ids[3], ids[6 + 7]});
  auto none = kg::core::namedActors(e->store(), "nobody here is named at all.");
  REQUIRE(none.isOk());
  CHECK(none->empty());
}

TEST_CASE("Ingestor: stored actors looked up by name resolve as when every stored actor is registered",
          "[core][ingest]") {
  KG_REQUIRE_SHARED_PATH(seed("000_d28f87548be35c30.txt"));
  kg::testing::TempDir dir;
  const std::string named = dir.sub("named"), all = dir.sub("all");
  // A database that knows the first two seed pages, actors the later pages name that no
  // dictionary has (some spelled otherwise), and many actors no page names.
  ingestWith(named, {seed("000_d28f87548be35c30.txt"), seed("001_2899c6cece51748e.txt")}, KnownActors::kAll);
  {
    auto e = openEngine(named);
    std::vector<std::pair<std::string, ActorKind>> names = {
        {"Al Mayadeen", ActorKind::kMedia},
        {"The Cradle", ActorKind::kMedia},
        {"Coordination Framework", ActorKind::kOrganisation},
        {"Ali Kadkhodaei", ActorKind::kPerson},
        {"Strategic Culture Foundation", ActorKind::kOrganisation},
        {"Green Zone", ActorKind::kOther},
        {"Asaib Ahl al-Haq", ActorKind::kArmedGroup},
        {"Mostafa Al-Kazimi", ActorKind::kPerson},
        {"Baghdad International Airport", ActorKind::kOther},
    };
    for (int i = 0; i < 3000; ++i) names.emplace_back("Unnamed Body " + std::to_string(i), ActorKind::kGovernmentBody);
    putActors(*e, names);
  }
  std::filesystem::copy(named, all, std::filesystem::copy_options::recursive);
  const std::vector<std::string> later = {seed("002_0cb08e175ab5b549.txt"), seed("003_f07c3dcb5c060805.txt"),
                                          seed("004_d3a64df3fb8f3d34.txt")};
  const auto a = ingestWith(named, later, KnownActors::kNamed);
  const auto b = ingestWith(all, later, KnownActors::kAll);
  CHECK(a.articlesStored == b.articlesStored);
  CHECK(a.actorsNew == b.actorsNew);
  CHECK(a.actorsKnown == b.actorsKnown);
  CHECK(a.actorsKnown > 0);
  const std::string graph = dumpGraph(named);
  CHECK(graph == dumpGraph(all));

  SECTION("and with parallel extraction") {
    const std::string par = dir.sub("par"), parAll = dir.sub("parall");
    ingestWith(par, {seed("000_d28f87548be35c30.txt")}, KnownActors::kAll);
    std::filesystem::copy(par, parAll, std::filesystem::copy_options::recursive);
    ingestWith(par, later, KnownActors::kNamed, 2);
    ingestWith(parAll, later, KnownActors::kAll, 2);
    CHECK(dumpGraph(par) == dumpGraph(parAll));
  }
}

TEST_CASE("Ingestor: a stored actor only its registration can resolve is found by name", "[core][ingest]") {
  // No dictionary knows "Zorbland", and no rule makes an actor of a lone
  // unknown word: the edge exists only if ingest told the extractor of it.
  kg::testing::TempDir dir;
  const std::string db = dir.sub("db");
  ActorId zorbland = 0;
  {
    auto e = openEngine(db);
    std::vector<std::pair<std::string, ActorKind>> names = {{"Zorbland", ActorKind::kOrganisation}};
    for (int i = 0; i < 1000; ++i) names.emplace_back("Unnamed Body " + std::to_string(i), ActorKind::kGovernmentBody);
    zorbland = putActors(*e, names).front();
  }
  std::filesystem::create_directories(dir.sub("in"));
  {
    std::ofstream(dir.sub("in/a.txt")) << "Zorbland condemns Iraq\nJanuary 6, 2020\n\nZorbland accused Iraq of killing "
                                          "protesters in Baghdad on Sunday.\n";
  }
  const auto s = ingestWith(db, {dir.sub("in")}, KnownActors::kNamed);
  CHECK(s.articlesStored == 1);
  auto e = openEngine(db);
  bool found = false;
  REQUIRE(e->store()
              .scanOut(zorbland,
                       [&](const kg::storage::EdgeHeader& h) {
                         found = found || h.edge.type == kg::EdgeType::kAccuse;
                         return Scan::kContinue;
                       })
              .isOk());
  CHECK(found);
}

TEST_CASE("Ingestor: kNamed and kAll store the same actors, edges and evidence, on empty and on filled databases",
          "[core][ingest]") {
  KG_REQUIRE_SHARED_PATH(kSeeds);
  KG_REQUIRE_SHARED_PATH(kIcews);
  kg::testing::TempDir dir;
  struct Case {
    const char* name;
    bool icews;                     // the ICEWS sample imported first
    std::vector<std::string> base;  // then stored (with kAll) in both databases
    std::vector<std::string> input;
  };
  const Case cases[] = {
      {"seeds into an empty database", false, {}, {kSeeds}},
      {"examples into an empty database", false, {}, {kExamples}},
      {"seeds and examples into an empty database", false, {}, {kSeeds, kExamples}},
      {"seeds into a database holding the examples", false, {kExamples}, {kSeeds}},
      {"examples into a database holding the seeds", false, {kSeeds}, {kExamples}},
      {"examples and seeds into the ICEWS sample", true, {}, {kExamples, kSeeds}},
  };
  int n = 0;
  for (const Case& c : cases) {
    INFO(c.name);
    const std::string named = dir.sub("named" + std::to_string(n)), all = dir.sub("all" + std::to_string(n));
    ++n;
    if (c.icews) importIcews(named);
    if (!c.base.empty()) ingestWith(named, c.base, KnownActors::kAll);
    if (c.icews || !c.base.empty()) std::filesystem::copy(named, all, std::filesystem::copy_options::recursive);
    const auto a = ingestWith(named, c.input, KnownActors::kNamed);
    const auto b = ingestWith(all, c.input, KnownActors::kAll);
    CHECK(a.articlesStored == b.articlesStored);
    CHECK(a.articlesStored > 0);
    CHECK(a.actorsNew == b.actorsNew);
    CHECK(a.actorsKnown == b.actorsKnown);
    CHECK(dumpAll(named) == dumpAll(all));
  }
}

TEST_CASE("Ingestor: with kNamed, a run that stopped after k articles and a re-run store what one clean run stores",
          "[core][ingest]") {
  KG_REQUIRE_SHARED_PATH(kSeeds);
  KG_REQUIRE_SHARED_PATH(kIcews);
  kg::testing::TempDir dir;
  // Into the ICEWS sample: the first kNamed kept its registrations for the
  // whole run, and there a dictionary actor took the id of whichever stored
  // actor of its name an earlier article had named.
  const std::vector<std::string> input = {kExamples, kSeeds};
  const std::string clean = dir.sub("clean");
  importIcews(clean);
  ingestWith(clean, input, KnownActors::kNamed);
  const std::string want = dumpAll(clean);
  const std::vector<kg::extract::Article> articles = articlesOf(input);
  REQUIRE(articles.size() > 20);
  // A failed ingest keeps the whole articles before its failure, in input
  // order; the re-run is a new process (new Ingestor, new Extractor).
  for (size_t k : {size_t{1}, size_t{4}, size_t{9}, size_t{15}, articles.size() / 2, articles.size() - 1}) {
    INFO("stopped after " << k << " of " << articles.size() << " articles");
    const std::string db = dir.sub("rerun" + std::to_string(k));
    importIcews(db);
    {
      auto engine = openEngine(db);
      auto extractor = kg::extract::Extractor::create({});
      REQUIRE(extractor.isOk());
      kg::core::IngestOptions options;
      options.knownActors = KnownActors::kNamed;
      auto ingestor = Ingestor::create(*engine, **extractor, options);
      REQUIRE(ingestor.isOk());
      for (size_t i = 0; i < k; ++i) REQUIRE((*ingestor)->ingestArticle(articles[i]).isOk());
    }
    const auto s = ingestWith(db, input, KnownActors::kNamed);
    CHECK(s.articlesSkipped > 0);
    CHECK(dumpAll(db) == want);
  }
}

namespace {

// Forwards to a real extractor and records the ids of every registration
// list it is handed (setArticleActors) and every actor it is told
// (addKnownActor), in order.
class RecordingExtractor final : public kg::extract::Extractor {
 public:
  explicit RecordingExtractor(kg::extract::Extractor& inner) : inner_(inner) {}
  void addKnownActor(const Actor& actor) override {
    told.push_back(actor.id);
    inner_.addKnownActor(actor);
  }
  void setArticleActors(const std::vector<Actor>& actors) override {
    std::vector<ActorId>& list = lists.emplace_back();
    for (const Actor& a : actors) list.push_back(a.id);
    inner_.setArticleActors(actors);
  }
  const std::vector<std::string>& dictionaryKeys() const override { return inner_.dictionaryKeys(); }
  const std::vector<std::string>& warnings() const override { return inner_.warnings(); }
  kg::extract::Extraction extract(const kg::extract::Article& article) const override {
    return inner_.extract(article);
  }
  std::vector<std::vector<ActorId>> lists;
  std::vector<ActorId> told;

 private:
  kg::extract::Extractor& inner_;
};

// The one article of a text file holding `text`.
kg::extract::Article articleOf(const std::string& path, const std::string& text) {
  std::ofstream(path) << text << "\n";
  std::vector<kg::extract::Article> articles = articlesOf({path});
  REQUIRE(articles.size() == 1);
  return articles[0];
}

}  // namespace

TEST_CASE("Ingestor: the stored actors with a dictionary name lead every registration list, then the others an "
          "article names, each group ascending",
          "[core][ingest]") {
  kg::testing::TempDir dir;
  const std::string db = dir.sub("db");
  std::vector<ActorId> ids;
  {
    auto e = openEngine(db);
    // Invented organisations (no dictionary names them) interleaved by id
    // with two states the default dictionaries hold.
    ids = putActors(*e, {{"Vardell Mining Consortium", ActorKind::kOrganisation},
                         {"Iran", ActorKind::kState},
                         {"Ostrava Grain Board", ActorKind::kOrganisation},
                         {"Iraq", ActorKind::kState},
                         {"Quillon Shipping Federation", ActorKind::kOrganisation}});
  }
  const ActorId vardell = ids[0], iran = ids[1], ostrava = ids[2], iraq = ids[3], quillon = ids[4];
  auto engine = openEngine(db);
  auto inner = kg::extract::Extractor::create({});
  REQUIRE(inner.isOk());

  SECTION("kNamed") {
    RecordingExtractor rec(**inner);
    kg::core::IngestOptions options;
    options.knownActors = KnownActors::kNamed;
    auto ingestor = Ingestor::create(*engine, rec, options);
    REQUIRE(ingestor.isOk());
    REQUIRE((*ingestor)
                ->ingestArticle(articleOf(dir.sub("a1.txt"), "The Quillon Shipping Federation criticised the Vardell Mining "
                                                "Consortium on Sunday."))
                .isOk());
    REQUIRE((*ingestor)->ingestArticle(articleOf(dir.sub("a2.txt"), "The Ostrava Grain Board met on Monday.")).isOk());
    REQUIRE(rec.lists.size() == 2);
    // Iran and Iraq are in both lists although neither article names them:
    // a stored actor with a dictionary name can stand for a dictionary actor.
    CHECK(rec.lists[0] == std::vector<ActorId>{iran, iraq, vardell, quillon});
    CHECK(rec.lists[1] == std::vector<ActorId>{iran, iraq, ostrava});
  }
  SECTION("kAll tells the same order: the dictionary group, then the rest of the store") {
    RecordingExtractor rec(**inner);
    kg::core::IngestOptions options;
    options.knownActors = KnownActors::kAll;
    auto ingestor = Ingestor::create(*engine, rec, options);
    REQUIRE(ingestor.isOk());
    CHECK(rec.told == std::vector<ActorId>{iran, iraq, vardell, ostrava, quillon});
    CHECK(rec.lists.empty());
  }
}
