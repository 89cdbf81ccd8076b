// ActorIdentity: which stored actor a name from any source means.
#include <catch2/catch.hpp>

#include "core/actor_identity.h"
#include "import_test_util.h"

using namespace kg;
using namespace kg::core;
using kg::testing::TempDir;

namespace {

ActorId put(storage::GraphStore& store, const std::string& name, ActorKind kind,
            std::vector<std::string> aliases = {}, const std::string& country = "", const std::string& cameo = "") {
  Actor a;
  a.name = name;
  a.kind = kind;
  a.aliases = std::move(aliases);
  a.country = country;
  if (!cameo.empty()) a.attributes["cameo"] = cameo;
  auto batch = store.newBatch();
  auto id = batch->putActor(a, ActorIdentity::keysFor(a));
  REQUIRE(id.isOk());
  REQUIRE(store.commit(*batch).isOk());
  return id.value();
}

std::optional<ActorId> find(storage::GraphStore& store, const std::string& name, ActorKind kind, bool guessed,
                            const std::string& code = "") {
  ActorIdentity identity(store);
  ActorClaim c;
  c.name = name;
  c.kind = kind;
  c.kindGuessed = guessed;
  c.countryCode = code;
  auto r = identity.find(c);
  REQUIRE(r.isOk());
  return r.value();
}

// A claim with a CAMEO / PETRARCH actor code.
std::optional<ActorId> findByCode(storage::GraphStore& store, const std::string& name, ActorKind kind, bool guessed,
                                  const std::string& actorCode) {
  ActorIdentity identity(store);
  ActorClaim c;
  c.name = name;
  c.kind = kind;
  c.kindGuessed = guessed;
  c.actorCode = actorCode;
  auto r = identity.find(c);
  REQUIRE(r.isOk());
  return r.value();
}

}  // namespace

TEST_CASE("ActorIdentity: CAMEO and PETRARCH actor codes name the one actor that has them", "[core][identity]") {
  TempDir dir;
  auto store = kg::testing::openTestDb(dir);
  const ActorId un = put(*store, "United Nations", ActorKind::kOrganisation, {}, "", "IGOUNO");
  const ActorId iran = put(*store, "Iran", ActorKind::kState, {}, "IRN", "IRN");
  put(*store, "Hassan Rouhani", ActorKind::kPerson, {}, "IRN", "IRNGOV");
  put(*store, "Mohammad Javad Zarif", ActorKind::kPerson, {}, "IRN", "IRNGOV");
  put(*store, "Arab League", ActorKind::kOrganisation, {}, "", "IGOARL");
  put(*store, "League of Arab States", ActorKind::kOrganisation, {}, "", "IGOARL");

  // A GDELT row naming its actor by code only ("IGOUNO"): the UN, in any case.
  CHECK(findByCode(*store, "IGOUNO", ActorKind::kOther, true, "IGOUNO") == un);
  CHECK(findByCode(*store, "U.N. body", ActorKind::kOrganisation, false, "igouno") == un);
  // A bare country code: the state.
  CHECK(findByCode(*store, "IRN", ActorKind::kOther, true, "IRN") == iran);
  // A stated kind must agree.
  CHECK(findByCode(*store, "UN peacekeepers", ActorKind::kArmedGroup, false, "IGOUNO") == std::nullopt);
  // A person's code is a role many share: never an identity, for either side.
  CHECK(findByCode(*store, "Ali Larijani", ActorKind::kPerson, false, "IRNGOV") == std::nullopt);
  CHECK(findByCode(*store, "IRNGOV", ActorKind::kOther, true, "IRNGOV") == std::nullopt);
  // A code two stored actors share names neither.
  CHECK(findByCode(*store, "ARL", ActorKind::kOrganisation, true, "IGOARL") == std::nullopt);
  // Unknown codes, and no code: nothing.
  CHECK(findByCode(*store, "IGOXYZ", ActorKind::kOther, true, "IGOXYZ") == std::nullopt);
  CHECK(findByCode(*store, "U.N. body", ActorKind::kOrganisation, false, "") == std::nullopt);
  // A name still wins over a code.
  CHECK(findByCode(*store, "Iran", ActorKind::kState, true, "IGOUNO") == iran);
}

TEST_CASE("ActorIdentity: spellings, aliases and codes of one actor meet, distinct actors stay apart", "[core][identity]") {
  TempDir dir;
  auto store = kg::testing::openTestDb(dir);
  const ActorId soleimani = put(*store, "Qassem Soleimani", ActorKind::kPerson);
  const ActorId isis = put(*store, "Islamic State", ActorKind::kArmedGroup, {"ISIL", "Islamic State of Iraq and the Levant"});
  const ActorId kh = put(*store, "Kata'ib Hezbollah", ActorKind::kArmedGroup);
  const ActorId hezbollah = put(*store, "Hezbollah", ActorKind::kArmedGroup);
  const ActorId pompeo = put(*store, "Mike Pompeo", ActorKind::kPerson);
  const ActorId iraq = put(*store, "Iraq", ActorKind::kState, {}, "IRQ");

  // Imports (guessed kinds): a transliteration, a long alias of another kind, a code.
  CHECK(find(*store, "Qasem Soleimani", ActorKind::kPerson, true) == soleimani);
  CHECK(find(*store, "Islamic State of Iraq and the Levant", ActorKind::kOrganisation, true) == isis);
  CHECK(find(*store, "Kataib Hezbollah", ActorKind::kOrganisation, true) == kh);
  CHECK(find(*store, "IRAQ", ActorKind::kOther, true) == iraq);
  CHECK(find(*store, "Republic of Iraq", ActorKind::kState, true, "IRQ") == iraq);
  // A single-word alias of another kind is not enough for a guess.
  CHECK(find(*store, "ISIL", ActorKind::kPerson, true) == std::nullopt);
  // Distinct actors.
  CHECK(find(*store, "Mike Pence", ActorKind::kPerson, true) == std::nullopt);
  CHECK(find(*store, "Hezbollah", ActorKind::kOrganisation, true) == hezbollah);
  CHECK(find(*store, "Kata'ib Hezbollah", ActorKind::kArmedGroup, false) == kh);
  CHECK(find(*store, "Pompeo", ActorKind::kPerson, true) == std::nullopt);
  CHECK(find(*store, "Mike Pompeo", ActorKind::kPerson, false) == pompeo);
  // A stated kind must agree.
  CHECK(find(*store, "Iraq", ActorKind::kPerson, false) == std::nullopt);
  CHECK(find(*store, "Qasem Soleimani", ActorKind::kPerson, false) == soleimani);
}

TEST_CASE("ActorIdentity: a merged-away name means the kept actor whatever its kind", "[core][identity]") {
  TempDir dir;
  auto store = kg::testing::openTestDb(dir);
  const ActorId pmf = put(*store, "Popular Mobilization Forces", ActorKind::kArmedGroup);
  auto batch = store->newBatch();
  REQUIRE(batch->setMergedName(ActorIdentity::strictKey("Hashd al-Shaabi"), pmf).isOk());
  REQUIRE(store->commit(*batch).isOk());
  CHECK(find(*store, "Hashd al-Shaabi", ActorKind::kOrganisation, false) == pmf);
  CHECK(find(*store, "Hashd al Shaabi", ActorKind::kPerson, true) == pmf);
}

TEST_CASE("ActorIdentity: sector names and spelling checks", "[core][identity]") {
  auto s = splitSectorName("Citizen (India)");
  REQUIRE(s);
  CHECK(s->first == "Citizen");
  CHECK(s->second == "India");
  CHECK_FALSE(splitSectorName("Militant (Islamic State of Iraq and the Levant)"));
  CHECK_FALSE(splitSectorName("India"));
  CHECK(ActorIdentity::spelledAlike("Qasem Soleimani", "Qassem Soleimani"));
  CHECK(ActorIdentity::spelledAlike("Rudy Giuliani", "Rudy Guiliani"));
  CHECK_FALSE(ActorIdentity::spelledAlike("Vladimir Potanin", "Vladimir Putin"));
  CHECK_FALSE(ActorIdentity::spelledAlike("Mike Pompeo", "Mike Pence"));
  CHECK_FALSE(ActorIdentity::spelledAlike("Soleimani", "Qassem Soleimani"));
}
