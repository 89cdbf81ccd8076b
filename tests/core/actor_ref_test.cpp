// ActorRef: an id, or a name to resolve; how `kg` reads an ACTOR argument.
#include <catch2/catch.hpp>

#include "core/actor_ref.h"

using kg::StatusCode;
using kg::core::ActorRef;

TEST_CASE("ActorRef: '#' and digits is an id, anything else a name", "[core][actor_ref]") {
  auto id = ActorRef::parseArg("#12");
  REQUIRE(id.isOk());
  CHECK(id->byId());
  CHECK(id->id() == 12);
  CHECK(id->text() == "#12");
  CHECK(*id == ActorRef::ofId(12));

  auto name = ActorRef::parseArg("Georgia");
  REQUIRE(name.isOk());
  CHECK(!name->byId());
  CHECK(name->name() == "Georgia");
  CHECK(*name == ActorRef("Georgia"));

  auto number = ActorRef::parseArg("12");  // a bare number stays a name (kg's query commands always read it so)
  REQUIRE(number.isOk());
  CHECK(!number->byId());
  CHECK(number->name() == "12");

  auto largest = ActorRef::parseArg("#9999999999999999999");
  REQUIRE(largest.isOk());
  CHECK(largest->id() == 9999999999999999999ull);

  CHECK(ActorRef().empty());
  CHECK(ActorRef("").empty());
  CHECK(!ActorRef::ofId(0).empty());
}

TEST_CASE("ActorRef: a '#' without an id's digits is InvalidArgument naming it", "[core][actor_ref]") {
  for (const char* bad : {"#", "#12a", "# 12", "#-3", "#99999999999999999999"}) {
    INFO(bad);
    auto r = ActorRef::parseArg(bad);
    REQUIRE(!r);
    CHECK(r.status().code() == StatusCode::kInvalidArgument);
    CHECK(r.status().message().find(std::string("'") + bad + "'") != std::string::npos);
  }
}
