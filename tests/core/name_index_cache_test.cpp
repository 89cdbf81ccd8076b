// NameIndexCache (core/name_index_cache.h): the store's name-index probes and
// actor reads, kept across articles, always what the store itself answers.
#include "core/name_index_cache.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "../support/temp_dir.h"
#include "core/actor_identity.h"
#include "core/engine.h"
#include "core/named_actors.h"

using kg::Actor;
using kg::ActorId;
using kg::ActorKind;
using kg::core::Engine;
using kg::core::NameIndexCache;

namespace {

std::unique_ptr<Engine> openEngine(const std::string& path) {
  auto e = Engine::open(path, {});
  INFO(e.status().toString());
  REQUIRE(e.isOk());
  return std::move(e).value();
}

Actor named(const std::string& name, ActorKind kind) {
  Actor a;
  a.name = name;
  a.kind = kind;
  return a;
}

// Commits one new actor; returns its id and, in *keys, the keys it was indexed under.
ActorId putActor(Engine& e, const Actor& a, std::vector<std::string>* keys = nullptr) {
  auto b = e.newBatch();
  const auto k = kg::core::ActorIdentity::keysFor(a);
  auto id = b->putActor(a, k);
  REQUIRE(id.isOk());
  REQUIRE(e.commit(*b).isOk());
  if (keys) *keys = k;
  return id.value();
}

// The cache's answer and the store's to one probe, side by side.
void checkSameProbe(NameIndexCache& cache, const kg::storage::GraphStore& store, const std::string& key, char next) {
  auto cached = cache.probe(key, next);
  auto direct = store.probeNameKey(key, next);
  REQUIRE(cached.isOk());
  REQUIRE(direct.isOk());
  INFO("key '" << key << "' next " << int(next));
  CHECK((*cached)->ids == direct->ids);
  CHECK((*cached)->longer == direct->longer);
}

}  // namespace

TEST_CASE("NameIndexCache: a commit by another writer is seen at the next sync", "[core][ingest]") {
  kg::testing::TempDir dir;
  auto e = openEngine(dir.sub("db"));
  const ActorId hezbollah = putActor(*e, named("Hezbollah", ActorKind::kArmedGroup));
  NameIndexCache cache(e->store());
  cache.sync();
  auto first = cache.probe("hezbollah", ' ');
  REQUIRE(first.isOk());
  CHECK((*first)->ids == std::vector<ActorId>{hezbollah});
  CHECK_FALSE((*first)->longer);
  auto a = cache.actor(hezbollah);
  REQUIRE(a.isOk());
  REQUIRE(*a != nullptr);
  CHECK((*a)->name == "Hezbollah");

  // Another writer: a longer name through "hezbollah", and an alias for the actor.
  putActor(*e, named("Hezbollah Brigades", ActorKind::kArmedGroup));
  {
    auto b = e->newBatch();
    REQUIRE(b->addAliases(hezbollah, {"Hizbullah"}, {"hizbullah"}).isOk());
    REQUIRE(e->commit(*b).isOk());
  }
  cache.sync();
  checkSameProbe(cache, e->store(), "hezbollah", ' ');
  CHECK(cache.probe("hezbollah", ' ').value()->longer);
  checkSameProbe(cache, e->store(), "hizbullah", ' ');
  auto again = cache.actor(hezbollah);
  REQUIRE(again.isOk());
  REQUIRE(*again != nullptr);
  CHECK((*again)->aliases == std::vector<std::string>{"Hizbullah"});
  auto none = cache.actor(hezbollah + 100);
  REQUIRE(none.isOk());
  CHECK(*none == nullptr);
}

TEST_CASE("NameIndexCache: the caller's own commit refreshes the keys it wrote and their prefixes",
          "[core][ingest]") {
  kg::testing::TempDir dir;
  auto e = openEngine(dir.sub("db"));
  const ActorId abu = putActor(*e, named("Abu", ActorKind::kPerson));
  NameIndexCache cache(e->store());
  cache.sync();
  // Cached before the commit: the exact key, a prefix of the new name, a key about to gain an actor.
  for (const char* key : {"abu", "abu mahdi", "abu mahdi al muhandis"}) REQUIRE(cache.probe(key, ' ').isOk());
  REQUIRE(cache.probe("~b", '\0').isOk());
  REQUIRE(cache.actor(abu).isOk());

  Actor muhandis = named("Abu Mahdi al-Muhandis", ActorKind::kPerson);
  const auto keys = kg::core::ActorIdentity::keysFor(muhandis);
  auto b = e->newBatch();
  auto id = b->putActor(muhandis, keys);
  REQUIRE(id.isOk());
  REQUIRE(b->addAliases(abu, {"Abu the Elder"}, {"abu the elder"}).isOk());
  const uint64_t before = e->store().writeEpoch();
  REQUIRE(e->commit(*b).isOk());
  std::vector<std::string> written = keys;
  written.push_back("abu the elder");
  cache.committed(before, e->store().writeEpoch(), written, std::vector<ActorId>{id.value(), abu});

  for (const char* key : {"abu", "abu mahdi", "abu mahdi al muhandis", "abu the elder"})
    checkSameProbe(cache, e->store(), key, ' ');
  for (const std::string& key : keys) checkSameProbe(cache, e->store(), key, key[0] == '~' ? '\0' : ' ');
  checkSameProbe(cache, e->store(), "~b", '\0');
  auto a = cache.actor(abu);
  REQUIRE(a.isOk());
  REQUIRE(*a != nullptr);
  CHECK((*a)->aliases == std::vector<std::string>{"Abu the Elder"});

  // A commit the cache is not told of, between the epochs it is told: all dropped.
  cache.sync();
  REQUIRE(cache.probe("zaid", ' ').isOk());
  const uint64_t before2 = e->store().writeEpoch();
  const ActorId zaid = putActor(*e, named("Zaid", ActorKind::kPerson));  // "another writer"
  auto own = e->newBatch();
  REQUIRE(own->putActor(named("Omar", ActorKind::kPerson), {"omar"}).isOk());
  REQUIRE(e->commit(*own).isOk());
  cache.committed(before2, e->store().writeEpoch(), std::vector<std::string>{"omar"}, std::vector<ActorId>{});
  auto z = cache.probe("zaid", ' ');
  REQUIRE(z.isOk());
  CHECK((*z)->ids == std::vector<ActorId>{zaid});
}

TEST_CASE("namedActors: through a NameIndexCache, the same ids as from the store, before and after commits",
          "[core][ingest]") {
  kg::testing::TempDir dir;
  auto e = openEngine(dir.sub("db"));
  putActor(*e, named("Kata'ib Hezbollah", ActorKind::kArmedGroup));
  putActor(*e, named("Qassem Soleimani", ActorKind::kPerson));
  NameIndexCache cache(e->store());
  const std::string text = "Qasem Soleimani met Kataib Hezbollah and Hezbollah commanders in Baghdad.";
  for (int round = 0; round < 3; ++round) {
    cache.sync();
    auto cached = kg::core::namedActors(cache, text);
    auto direct = kg::core::namedActors(e->store(), text);
    REQUIRE(cached.isOk());
    REQUIRE(direct.isOk());
    CHECK(cached.value() == direct.value());
    if (round == 0) putActor(*e, named("Hezbollah", ActorKind::kArmedGroup));
    if (round == 1) putActor(*e, named("Baghdad", ActorKind::kState));
  }
}
