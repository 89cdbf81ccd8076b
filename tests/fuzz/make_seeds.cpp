// Writes the seed corpora that are binary: fuzz_rpc's (what a client sends
// on a connection, as Cap'n Proto frames: a Bootstrap, then one call of each
// method of schema/actorgraph.capnp with plausible parameters) and
// fuzz_codec's (records as storage/codec.h encodes them) and fuzz_snapshot's
// (a small snapshot file as graph/snapshot_file.h writes it, whole, cut short
// and garbled, each behind the selector byte fuzz_snapshot.cpp reads).
//   make_seeds CORPUS_DIR     (tests/fuzz/corpus; its subdirectories must exist)
#include <capnp/message.h>
#include <capnp/rpc.capnp.h>
#include <capnp/serialize.h>

#include <cstdio>
#include <fstream>
#include <cstdlib>
#include <functional>
#include <iterator>
#include <string>

#include "actorgraph.capnp.h"
#include "graph/snapshot_file.h"
#include "storage/codec.h"

namespace {

using kg::schema::ActorGraph;

std::string frame(capnp::MallocMessageBuilder& m) {
  auto words = capnp::messageToFlatArray(m);
  auto bytes = words.asBytes();
  return std::string(reinterpret_cast<const char*>(bytes.begin()), bytes.size());
}

std::string bootstrap() {
  capnp::MallocMessageBuilder m;
  m.initRoot<capnp::rpc::Message>().initBootstrap().setQuestionId(0);
  return frame(m);
}

// A call of method `method` on the bootstrap capability; `fill` sets its parameters.
template <typename Params>
std::string call(uint16_t method, const std::function<void(typename Params::Builder)>& fill) {
  capnp::MallocMessageBuilder m;
  auto c = m.initRoot<capnp::rpc::Message>().initCall();
  c.setQuestionId(1);
  c.initTarget().initPromisedAnswer().setQuestionId(0);
  c.setInterfaceId(capnp::typeId<ActorGraph>());
  c.setMethodId(method);
  fill(c.initParams().getContent().initAs<Params>());
  return frame(m);
}

void write(const std::string& dir, const std::string& name, const std::string& bytes) {
  std::ofstream(dir + "/" + name, std::ios::binary) << bytes;
}

void codecSeeds(const std::string& dir) {
  namespace codec = kg::storage::codec;
  using kg::Date;
  // The selector byte chooses the decoder (see fuzz_codec.cpp); key and
  // value are separated by a NUL.
  kg::storage::codec::EdgeKey k{12, kg::EdgeType::kAssault, Date::day(2020, 1, 3), 34, 56};
  const std::string key = codec::encodeEdgeKey(k);
  write(dir, "edge_key", std::string(1, '\0') + key);
  kg::Actor a;
  a.id = 7;
  a.name = "Kata'ib Hezbollah";
  a.kind = kg::ActorKind::kArmedGroup;
  a.country = "IRQ";
  a.aliases = {"Kataib Hezbollah", "كتائب حزب الله"};
  write(dir, "actor", std::string(1, '\1') + codec::encodeActor(a, {"ktbhzbllh", "kataibhezbollah"}));
  kg::Edge e;
  e.id = 56;
  e.src = 12;
  e.dst = 34;
  e.type = kg::EdgeType::kAssault;
  e.mode = "drone";
  e.cameo = "195";
  e.title = "";
  e.when = kg::DateRange::point(Date::day(2020, 1, 3));
  e.confidence = 0.8f;
  write(dir, "edge", std::string(1, '\2') + key + std::string(1, '\0') + codec::encodeEdgeValue(e, 3));
  kg::Evidence ev{"0123456789abcdef", 4, 10, 52, "A US drone strike killed Qassem Soleimani."};
  write(dir, "evidence", std::string(1, '\3') + codec::evidenceKey(56, ev.doc, 4) + std::string(1, '\0') +
                             codec::encodeEvidenceValue(ev));
  kg::Document d;
  d.id = "0123456789abcdef";
  d.source = "seeds/001.html";
  d.title = "US strikes kill Soleimani";
  d.date = Date::day(2020, 1, 3);
  d.language = "en";
  write(dir, "document", std::string(1, '\4') + d.id + std::string(1, '\0') + codec::encodeDocument(d));
  write(dir, "counter", std::string(1, '\5') + codec::encodeCounter(-42));
}

void snapshotSeeds(const std::string& dir) {
  using kg::Date;
  std::vector<kg::storage::EdgeHeader> edges;
  auto edge = [&](kg::EdgeId id, kg::ActorId src, kg::ActorId dst, kg::EdgeType type, kg::DateRange when) {
    kg::storage::EdgeHeader h;
    h.edge.id = id;
    h.edge.src = src;
    h.edge.dst = dst;
    h.edge.type = type;
    h.edge.cameo = "195";
    h.edge.when = when;
    h.edge.confidence = 0.75f;
    h.evidenceCount = static_cast<uint32_t>(id);
    edges.push_back(h);
  };
  edge(1, 10, 20, kg::EdgeType::kAssault, kg::DateRange::point(Date::day(2020, 1, 3)));
  edge(2, 20, 10, kg::EdgeType::kAccuse, kg::DateRange::point(Date::month(2020, 1)));
  edge(3, 10, 30, kg::EdgeType::kMemberOf, kg::DateRange{Date::year(2014), Date::day(2021, 7, 27)});
  edge(4, 30, 40, kg::EdgeType::kConsult, kg::DateRange());
  edge(5, 40, 10, kg::EdgeType::kStatement, kg::DateRange::point(Date::week(18262)));
  auto snapshot = kg::graph::Snapshot::fromEdges({10, 20, 30, 40, 50}, edges);
  const std::string path = dir + "/.snapshot.tmp";
  if (!snapshot.isOk() ||
      !kg::graph::writeSnapshotFile(path, **snapshot, {"0f8fad5b-d9cb-469f-a165-70867728950e", 42}).isOk()) {
    std::fprintf(stderr, "could not write the snapshot seed\n");
    std::exit(1);
  }
  std::ifstream in(path, std::ios::binary);
  const std::string file((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::remove(path.c_str());
  // Selector bit 0: header-only check; bit 1: checksums recomputed by the target.
  write(dir, "whole", std::string(1, '\0') + file);
  write(dir, "whole_header_only", std::string(1, '\1') + file);
  write(dir, "truncated_header", std::string(1, '\0') + file.substr(0, 100));
  write(dir, "truncated_arrays", std::string(1, '\2') + file.substr(0, file.size() - 40));
  std::string flipped = file;
  flipped[flipped.size() - 3] ^= 0x10;  // in edgeId: a checksum mismatch
  write(dir, "flipped_array", std::string(1, '\0') + flipped);
  std::string column = file;
  // The first outCol entry (the third array, at 1024 + 64 + 64 for 5 vertices)
  // pointing past the vertices, its checksum recomputed by the target.
  column[1024 + 64 + 64] = '\x7f';
  write(dir, "column_out_of_range", std::string(1, '\2') + column);
  std::string header = file;
  header[40] ^= 0x01;  // the edge count
  write(dir, "edge_count_changed", std::string(1, '\2') + header);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: make_seeds CORPUS_DIR\n");
    return 2;
  }
  codecSeeds(std::string(argv[1]) + "/fuzz_codec");
  snapshotSeeds(std::string(argv[1]) + "/fuzz_snapshot");
  const std::string dir = std::string(argv[1]) + "/fuzz_rpc";
  const std::string b = bootstrap();
  write(dir, "bootstrap", b);
  write(dir, "stats", b + call<ActorGraph::StatsParams>(0, [](auto) {}));
  write(dir, "resolve", b + call<ActorGraph::ResolveParams>(1, [](auto p) { p.setName("Kataib Hezbollah"); }));
  write(dir, "actor_id", b + call<ActorGraph::ActorParams>(2, [](auto p) { p.initRef().setId(1); }));
  write(dir, "actors", b + call<ActorGraph::ActorsParams>(3, [](auto p) {
          p.setKind("state");
          p.initPage().setSize(2);
        }));
  write(dir, "edges", b + call<ActorGraph::EdgesParams>(4, [](auto p) {
          p.initActor().setName("Mike Pompeo");
          auto f = p.initFilter();
          auto types = f.initTypes(1);
          types.set(0, "ACCUSE");
          f.setHasFrom(true);
          f.setFromDay(18000);
          p.setEvidence(2);
          p.initPage().setSize(10);
        }));
  write(dir, "neighbors", b + call<ActorGraph::NeighborsParams>(5, [](auto p) {
          p.initActor().setName("Iraq");
          p.setDepth(2);
          p.setLimit(100);
          p.setFanout(10);
        }));
  write(dir, "path_weighted", b + call<ActorGraph::PathParams>(6, [](auto p) {
          p.initFrom().setName("United States");
          p.initTo().setName("Iraq");
          p.setMode(kg::schema::PathMode::WEIGHTED);
          p.setMaxDepth(4);
        }));
  write(dir, "path_k", b + call<ActorGraph::PathParams>(6, [](auto p) {
          p.initFrom().setId(1);
          p.initTo().setId(3);
          p.setMode(kg::schema::PathMode::K_SHORTEST);
          p.setK(3);
          p.setMaxDepth(5);
        }));
  write(dir, "timeline", b + call<ActorGraph::TimelineParams>(7, [](auto p) { p.initActor().setName("Iraq"); }));
  write(dir, "asof", b + call<ActorGraph::AsofParams>(8, [](auto p) {
          auto d = p.initDate();
          d.setDays(18262);
          d.setPrecision(4);
        }));
  write(dir, "rank", b + call<ActorGraph::RankParams>(9, [](auto p) {
          p.setMeasure(kg::schema::RankMeasure::BETWEENNESS);
          p.setTop(3);
        }));
  write(dir, "ingest", b + call<ActorGraph::IngestParams>(10, [](auto p) {
          auto docs = p.initDocuments(1);
          docs[0].setText("Pompeo accused Kataib Hezbollah of the attack on the K-1 base.");
          docs[0].setDate("2019-12-30");
          docs[0].setSource("fuzz");
        }));
  write(dir, "components", b + call<ActorGraph::ComponentsParams>(11, [](auto p) { p.setTop(2); }));
  // Curation (13-20): each changes the fuzzed database, or is refused.
  auto by = [](auto b2) {
    b2.setUser("fuzz");
    b2.setArgs("actor merge Iraq 3");
  };
  write(dir, "merge", b + call<ActorGraph::MergeActorsParams>(13, [&](auto p) {
          p.initKeep().setName("Iraq");
          p.initDrop().setId(3);
          by(p.initBy());
        }));
  write(dir, "alias", b + call<ActorGraph::AliasParams>(14, [&](auto p) {
          p.initActor().setName("Kataib Hezbollah");
          p.setAlias("Kata'ib Hizballah");
          by(p.initBy());
        }));
  write(dir, "rename", b + call<ActorGraph::RenameActorParams>(15, [&](auto p) {
          p.initActor().setName("#2");
          p.setName("Islamic Republic of Iran");
          by(p.initBy());
        }));
  write(dir, "set_actor", b + call<ActorGraph::SetActorParams>(16, [&](auto p) {
          p.initActor().setName("Iraq");
          p.setKind("state");
          p.setSetCountry(true);
          p.setCountry("IRQ");
          by(p.initBy());
        }));
  write(dir, "remove_actor", b + call<ActorGraph::RemoveActorParams>(17, [&](auto p) {
          p.initActor().setName("Lonely Actor");
          p.setWithEdges(true);
          by(p.initBy());
        }));
  write(dir, "remove_edge", b + call<ActorGraph::RemoveEdgeParams>(18, [&](auto p) {
          p.setEdge(1);
          by(p.initBy());
        }));
  write(dir, "undo", b + call<ActorGraph::UndoParams>(19, [&](auto p) { by(p.initBy()); }));
  write(dir, "log", b + call<ActorGraph::LogParams>(20, [](auto) {}));
  return 0;
}
