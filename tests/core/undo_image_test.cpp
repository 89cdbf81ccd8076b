// UndoImage and the Curator's undo: images read back exactly, including bytes
// that are not UTF-8; a record without an image is refused; an undo is
// refused when the store no longer holds what the record left.
#include <catch2/catch.hpp>

#include "../support/temp_dir.h"
#include "core/curation.h"
#include "core/undo_image.h"

using namespace kg;
using namespace kg::core;
using kg::testing::TempDir;

namespace {

std::unique_ptr<Engine> openEngine(const TempDir& dir) {
  auto e = Engine::open(dir.sub("db"), {});
  REQUIRE(e.isOk());
  return std::move(e).value();
}

ActorId put(Engine& engine, const std::string& name) {
  Actor a;
  a.name = name;
  a.kind = ActorKind::kOrganisation;
  auto added = engine.addActor(a);
  REQUIRE(added.isOk());
  return added->id;
}

}  // namespace

TEST_CASE("UndoImage: reads back exactly what it was given, strings that are not UTF-8 included", "[core][undo]") {
  UndoImage img;
  Actor a;
  a.id = 4;
  a.name = "Kata'ib \xff Hezbollah";  // a stray byte
  a.kind = ActorKind::kArmedGroup;
  a.country = "IRQ";
  a.aliases = {"KH", "كتائب حزب الله"};
  a.attributes = {{"source", "dict\x80"}};
  img.actors.push_back({4, a, std::nullopt, {"kataib hezbollah", "~ktb hzbllh"}});
  Edge e;
  e.id = 9;
  e.src = 4;
  e.dst = 5;
  e.type = EdgeType::kOfficialOf;
  e.title = "Secretary General";
  e.when = {Date::month(2019, 12), Date::unknown()};
  e.confidence = 0.73f;
  e.dateBasis = DateBasis::kDictionary;
  e.sources = 2;
  e.srcCode = "IRQREB";
  e.evidence.push_back({"doc1", 3, 10, 50, "He leads \xc3 it.", {{"tone", "-2.5"}}});
  storage::EdgeHeader after{e, 7};
  after.edge.evidence.clear();
  img.edges.push_back({9, e, after});
  img.edges.push_back({10, std::nullopt, std::nullopt});
  img.facts.push_back({storage::SuppressedFact{4, EdgeType::kAssault, Date::day(2020, 1, 3), 5}, 12, std::nullopt});
  img.names.push_back({"kataib hezbollah", std::nullopt, 4});
  img.removedActors.push_back({4, false, true});

  const std::string text = img.toJson();  // the stray bytes written as hex
  CHECK(text.find('\x80') == std::string::npos);
  auto back = UndoImage::fromJson(text);
  REQUIRE(back.isOk());
  REQUIRE(back->actors.size() == 1);
  CHECK(back->actors[0].before == a);
  CHECK(!back->actors[0].after);
  CHECK(back->actors[0].beforeKeys == img.actors[0].beforeKeys);
  REQUIRE(back->edges.size() == 2);
  CHECK(back->edges[0].before == e);
  CHECK(back->edges[0].after->edge == after.edge);
  CHECK(back->edges[0].after->evidenceCount == 7);
  CHECK(!back->edges[1].before);
  CHECK(!back->edges[1].after);
  CHECK(back->facts[0].fact == img.facts[0].fact);
  CHECK(back->facts[0].before == EdgeId{12});
  CHECK(back->names[0].after == ActorId{4});
  CHECK(back->removedActors[0].after);
  CHECK(back->touches("actor", 4));
  CHECK(back->touches("edge", 10));
  CHECK(!back->touches("edge", 4));

  CHECK(UndoImage::fromJson(R"({"actors":[{"id":1}]})").status().code() == StatusCode::kInvalidArgument);
  CHECK(UndoImage::fromJson(R"({"actors":[)").status().code() == StatusCode::kInvalidArgument);
  CHECK(UndoImage::fromJson("[]").status().code() == StatusCode::kInvalidArgument);
}

TEST_CASE("Curator: a record logged without an undo image is not undone", "[core][undo]") {
  TempDir dir;
  auto engine = openEngine(dir);
  put(*engine, "Alpha");
  auto batch = engine->newBatch();
  storage::CurationRecord old;
  old.user = "someone";
  old.command = "actor rename";
  old.args = "actor rename 1 Alfa";
  old.details = R"({"actor":1,"old":"Alpha","new":"Alfa","undo":"kg actor rename 1 'Alpha'"})";
  REQUIRE(batch->appendLog(old).isOk());
  REQUIRE(engine->commit(*batch).isOk());

  Curator curator(*engine, {"tester", "undo"});
  auto r = curator.undo(std::nullopt);
  REQUIRE(r.status().code() == StatusCode::kFailedPrecondition);
  CHECK(r.status().message().find("kept no undo image") != std::string::npos);
  CHECK(curator.undo(2).status().code() == StatusCode::kNotFound);
}

TEST_CASE("Curator: undo puts a rename back and is refused once the actor changed again", "[core][undo]") {
  TempDir dir;
  auto engine = openEngine(dir);
  const ActorId id = put(*engine, "Alpha");
  Curator curator(*engine, {"tester", "test"});
  REQUIRE(curator.rename(id, "Alpha Organisation").isOk());  // #1
  REQUIRE(curator.addAlias(id, "Alpha Brigades").isOk());     // #2
  auto refused = curator.undo(1);
  REQUIRE(refused.status().code() == StatusCode::kFailedPrecondition);
  CHECK(refused.status().message().find("undo #2 first") != std::string::npos);
  REQUIRE(curator.undo(2).isOk());  // #3
  auto undone = curator.undo(1);    // #4
  REQUIRE(undone.isOk());
  CHECK(undone->undone == 1);
  CHECK(undone->logSeq == 4);
  auto a = engine->store().getActor(id);
  REQUIRE(a.isOk());
  CHECK((*a)->name == "Alpha");
  CHECK((*a)->aliases.empty());
}
