// A small graph written for the export tests through the Engine API: four
// actors (one isolated) and six edges, with parallel edges, a standing
// relation, an undated planned event, evidence and a document.
#pragma once

#include <catch2/catch.hpp>
#include <memory>

#include "core/engine.h"

namespace kg::testing {

struct SmallGraph {
  std::unique_ptr<core::Engine> engine;
  ActorId alpha = 0, beta = 0, gamma = 0, delta = 0;
  EdgeId strike1 = 0, strike2 = 0, accuse = 0, office = 0, rockets = 0, threat = 0;
};

inline Edge makeEdge(ActorId src, EdgeType type, ActorId dst, const char* from, const char* to, const char* cameo,
                     float confidence, const char* doc = "", const char* text = "") {
  Edge e;
  e.src = src;
  e.dst = dst;
  e.type = type;
  if (from) e.when.from = Date::parse(from).value();
  if (to) e.when.to = Date::parse(to).value();
  e.cameo = cameo;
  e.confidence = confidence;
  if (*text) e.evidence.push_back(Evidence{doc, 0, 0, 10, text});
  return e;
}

inline SmallGraph buildSmallGraph(const std::string& path) {
  SmallGraph g;
  auto e = core::Engine::open(path, {});
  REQUIRE(e);
  g.engine = std::move(e).value();
  auto add = [&](const char* name, ActorKind kind, const char* country, std::vector<std::string> aliases) {
    Actor a;
    a.name = name;
    a.kind = kind;
    a.country = country;
    a.aliases = std::move(aliases);
    if (kind == ActorKind::kState) a.attributes["code"] = country;
    auto r = g.engine->addActor(a);
    REQUIRE(r);
    return r->id;
  };
  g.alpha = add("Alpha", ActorKind::kState, "AAA", {"Alfa", "Al|pha", "ألفا"});
  g.beta = add("Beta Person", ActorKind::kPerson, "AAA", {});
  g.gamma = add("Gamma Brigades", ActorKind::kArmedGroup, "", {"ガンマ"});
  g.delta = add("Delta Org", ActorKind::kOrganisation, "", {});
  auto put = [&](Edge edge) {
    auto r = g.engine->addEdge(std::move(edge));
    REQUIRE(r);
    return r->id;
  };
  {
    auto batch = g.engine->newBatch();
    Document d;
    d.id = "d1";
    d.source = "wire";
    d.title = "A strike";
    d.url = "https://example.org/1";
    d.date = Date::parse("2020-01-04").value();
    d.language = "en";
    REQUIRE(batch->putDocument(d).isOk());
    REQUIRE(g.engine->commit(*batch).isOk());
  }
  g.strike1 = put(makeEdge(g.alpha, EdgeType::kAssault, g.beta, "2020-01-03", "2020-01-03", "190", 0.9f, "d1",
                           "Alpha struck Beta."));
  g.strike2 = put(makeEdge(g.alpha, EdgeType::kAssault, g.beta, "2020-03-10", "2020-03-10", "183", 0.5f));
  g.accuse = put(makeEdge(g.alpha, EdgeType::kAccuse, g.beta, "2020-01-04", "2020-01-04", "112", 1.0f, "d1",
                          "Alpha accused \"Beta\", again.\nTwice."));
  Edge office = makeEdge(g.beta, EdgeType::kOfficialOf, g.alpha, "2018-01", "2020-05", "", 1.0f);
  office.title = "Minister";
  g.office = put(office);
  g.rockets = put(makeEdge(g.gamma, EdgeType::kAssault, g.alpha, "2019-12-27", "2019-12-27", "190", 0.6f));
  Edge threat = makeEdge(g.gamma, EdgeType::kThreaten, g.beta, nullptr, nullptr, "138", 0.4f);
  threat.mode = "planned";
  g.threat = put(threat);
  return g;
}

}  // namespace kg::testing
