// End to end: kg export of the seeds graph (ingested from ../shared/seeds)
// read back by the tools each format is for, and kg import --format jsonl.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>

#include "../support/run.h"
#include "../support/shared_data.h"

using kg::testing::RunResult;
using kg::testing::shq;
using kg::testing::slurp;
using kg::testing::TempDir;
using nlohmann::json;

namespace {

using Kg = kg::testing::KgCli;

// Debian's Python, where python3-networkx and python3-igraph live (not the
// python3 first on PATH).
constexpr const char* kPython = "/usr/bin/python3";
const std::string kSeeds = std::string(KG_SHARED_DIR) + "/seeds";

// A database of the seed pages, built once per test run (ingest is deterministic).
const std::string& seedsDb() {
  static TempDir dir;
  static std::string db;
  if (db.empty()) {
    KG_REQUIRE_SHARED_PATH(kSeeds);
    Kg kg{dir.sub("seeds.db")};
    auto r = kg("ingest " + shq(kSeeds));
    INFO(r.err);
    REQUIRE(r.rc == 0);
    db = dir.sub("seeds.db");
  }
  return db;
}

struct Records {
  std::map<uint64_t, json> actors, edges;
  std::vector<json> documents;
};

Records readJsonl(const std::string& text) {
  Records r;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) {
    json j = json::parse(line);
    if (j["record"] == "actor") r.actors[j["id"].get<uint64_t>()] = j;
    else if (j["record"] == "edge") r.edges[j["id"].get<uint64_t>()] = j;
    else if (j["record"] == "document") r.documents.push_back(j);
  }
  return r;
}

RunResult python(const TempDir& dir, const std::string& script, const std::string& args) {
  const std::string path = dir.sub("check.py");
  std::ofstream(path) << script;
  return kg::testing::run(std::string(kPython) + " " + shq(path) + " " + args);
}

// RFC 4180 rows (quoted fields may hold commas, doubled quotes and newlines).
std::vector<std::vector<std::string>> parseCsv(const std::string& text) {
  std::vector<std::vector<std::string>> rows(1, std::vector<std::string>(1));
  bool quoted = false;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    auto& field = rows.back().back();
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') field += '"', ++i;
      else if (c == '"') quoted = false;
      else field += c;
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      rows.back().emplace_back();
    } else if (c == '\n') {
      rows.emplace_back(1);
    } else {
      field += c;
    }
  }
  if (rows.back().size() == 1 && rows.back()[0].empty()) rows.pop_back();
  return rows;
}

// GraphML/GEXF (networkx) and GraphML (igraph) against the jsonl export of
// the same selection: every actor and edge, with every attribute.
const char* kGraphCheck = R"PY(
import json, sys
import networkx as nx
import igraph
jl, gml, gexf = sys.argv[1:4]
actors, edges = {}, {}
for line in open(jl, encoding='utf-8'):
    r = json.loads(line)
    if r['record'] == 'actor': actors[r['id']] = r
    elif r['record'] == 'edge': edges[r['id']] = r
def s(v): return '' if v is None else v
def check_node(d, a, where):
    assert d.get('label') == a['name'], (where, d, a)
    assert d.get('name') == a['name'], where
    assert d.get('kind') == a['kind'], where
    assert s(d.get('country')) == a.get('country', ''), where
    assert s(d.get('aliases')) == '|'.join(x.replace('|', '/') for x in a['aliases']), where
    if 'attributes' in a: assert json.loads(d['attributes']) == a['attributes'], where
def check_edge(d, e, where):
    assert int(d['edge_id']) == e['id'], where
    assert d['type'] == e['type'], where
    assert d['label'].startswith(e['type']), where
    for k in ('mode', 'cameo', 'title', 'date_basis'): assert s(d.get(k)) == e.get(k, ''), (where, k)
    for k in ('from', 'to'): assert (s(d.get(k)) or None) == e[k], (where, k)
    assert abs(float(d['confidence']) - e['confidence']) < 1e-6, where
    assert int(d['sources']) == e['sources'], where
    assert int(d['evidence_count']) == e['evidence_count'], where
    assert s(d.get('src_code')) == e['src'].get('code', ''), where
    assert s(d.get('dst_code')) == e['dst'].get('code', ''), where
    assert int(float(d['weight'])) == 1, where
for path, reader in ((gml, nx.read_graphml), (gexf, nx.read_gexf)):
    g = reader(path)
    assert g.is_directed()
    assert g.number_of_nodes() == len(actors), (path, g.number_of_nodes(), len(actors))
    assert g.number_of_edges() == len(edges), (path, g.number_of_edges(), len(edges))
    for n, d in g.nodes(data=True): check_node(d, actors[int(n[1:])], (path, n))
    seen = set()
    for u, v, d in g.edges(data=True):
        e = edges[int(d['edge_id'])]
        assert (u, v) == ('a%d' % e['src']['id'], 'a%d' % e['dst']['id']), (path, u, v)
        check_edge(d, e, (path, u, v))
        seen.add(e['id'])
    assert seen == set(edges), path
G = igraph.Graph.Read_GraphML(gml)
assert G.is_directed()
assert G.vcount() == len(actors) and G.ecount() == len(edges)
for v in G.vs: check_node(v.attributes(), actors[int(v['id'][1:])], 'igraph')
for e in G.es:
    d = e.attributes()
    x = edges[int(d['edge_id'])]
    check_edge(d, x, 'igraph')
    assert (G.vs[e.source]['id'], G.vs[e.target]['id']) == ('a%d' % x['src']['id'], 'a%d' % x['dst']['id'])
print('ok', len(actors), len(edges))
)PY";

}  // namespace

TEST_CASE("kg export jsonl: export, import into a new database, export again gives the same file",
          "[export][cli]") {
  TempDir dir;
  Kg seeds{seedsDb()};
  auto a = seeds("export --format jsonl --out " + shq(dir.sub("a.jsonl")));
  INFO(a.err);
  REQUIRE(a.rc == 0);
  Kg copy{dir.sub("copy.db")};
  auto imp = copy("import --format jsonl " + shq(dir.sub("a.jsonl")));
  INFO(imp.err);
  REQUIRE(imp.rc == 0);
  auto b = copy("export --format jsonl");  // to stdout this time
  REQUIRE(b.rc == 0);
  const std::string first = slurp(dir.sub("a.jsonl"));
  CHECK(b.out == first);
  // The graph is really there: the stats and the query commands agree.
  CHECK(copy("stats --json").out == seeds("stats --json").out.replace(seeds("stats --json").out.find(seedsDb()),
                                                                       seedsDb().size(), dir.sub("copy.db")));
  CHECK(copy("edges --json").out == seeds("edges --json").out);
  CHECK(copy("actors --json").out == seeds("actors --json").out);
  const Records r = readJsonl(first);
  CHECK(r.actors.size() > 100);
  CHECK(r.edges.size() > 100);
  CHECK(!r.documents.empty());
  size_t evidence = 0;
  for (const auto& [id, e] : r.edges) {
    CHECK(e["evidence"].size() == e["evidence_count"].get<size_t>());
    evidence += e["evidence"].size();
  }
  CHECK(evidence > r.edges.size());  // many facts are backed by several sentences

  // A second import into the same database is refused: ids are kept.
  auto again = copy("import --format jsonl " + shq(dir.sub("a.jsonl")));
  CHECK(again.rc == 1);
  CHECK(again.err.find("restores into an empty database") != std::string::npos);
}

TEST_CASE("kg export graphml/gexf: networkx and igraph see every actor and edge with every attribute",
          "[export][cli]") {
  TempDir dir;
  Kg seeds{seedsDb()};
  for (const char* f : {"jsonl", "graphml", "gexf"})
    REQUIRE(seeds(std::string("export --format ") + f + " --out " + shq(dir.sub(std::string("g.") + f))).rc == 0);
  auto r = python(dir, kGraphCheck, shq(dir.sub("g.jsonl")) + " " + shq(dir.sub("g.graphml")) + " " + shq(dir.sub("g.gexf")));
  INFO(r.out << r.err);
  CHECK(r.rc == 0);
  CHECK(r.out.rfind("ok ", 0) == 0);

  // A filtered part: the same check holds for the selection.
  const std::string filter = " --type ASSAULT,COERCE,ACCUSE --from 2020-01-01 --to 2020-01-31 --min-confidence 0.5";
  for (const char* f : {"jsonl", "graphml", "gexf"})
    REQUIRE(seeds(std::string("export --format ") + f + filter + " --out " + shq(dir.sub(std::string("f.") + f))).rc == 0);
  r = python(dir, kGraphCheck, shq(dir.sub("f.jsonl")) + " " + shq(dir.sub("f.graphml")) + " " + shq(dir.sub("f.gexf")));
  INFO(r.out << r.err);
  CHECK(r.rc == 0);
  const Records part = readJsonl(slurp(dir.sub("f.jsonl")));
  REQUIRE(!part.edges.empty());
  for (const auto& [id, e] : part.edges) {
    CHECK((e["type"] == "ASSAULT" || e["type"] == "COERCE" || e["type"] == "ACCUSE"));
    CHECK(e["confidence"].get<double>() >= 0.5);
    CHECK(e["from"].get<std::string>() <= "2020-01-31");
  }
}

TEST_CASE("kg export: the filters select what kg edges selects", "[export][cli]") {
  Kg seeds{seedsDb()};
  for (const std::string filter : {"--type ASSAULT", "--from 2020-01-03 --to 2020-01-08", "--type CONSULT,AGREE --from 2020"}) {
    auto e = seeds("edges --json " + filter);
    REQUIRE(e.rc == 0);
    std::set<uint64_t> expected;
    for (const auto& x : json::parse(e.out)) expected.insert(x["id"].get<uint64_t>());
    auto x = seeds("export --format jsonl " + filter);
    REQUIRE(x.rc == 0);
    std::set<uint64_t> got;
    for (const auto& [id, edge] : readJsonl(x.out).edges) got.insert(id);
    INFO(filter);
    CHECK(!got.empty());
    CHECK(got == expected);
  }
  // --cameo: CAMEO code prefixes.
  auto c = seeds("export --format jsonl --cameo 19,112");
  REQUIRE(c.rc == 0);
  const Records r = readJsonl(c.out);
  REQUIRE(!r.edges.empty());
  for (const auto& [id, e] : r.edges) {
    const std::string code = e["cameo"];
    CHECK((code.rfind("19", 0) == 0 || code.rfind("112", 0) == 0));
  }
  // --actor --depth: the root and what the neighbourhood reaches; every edge among them.
  auto n = seeds("export --format jsonl --actor 'Kataib Hezbollah' --depth 1");
  REQUIRE(n.rc == 0);
  const Records hood = readJsonl(n.out);
  auto nb = seeds("neighbors 'Kataib Hezbollah' --depth 1 --limit 100000 --fanout 100000 --json");
  REQUIRE(nb.rc == 0);
  const json hoodJson = json::parse(nb.out);
  std::set<uint64_t> nodes, hoodEdges, exportedEdges;
  for (const auto& a : hoodJson["nodes"]) nodes.insert(a["id"].get<uint64_t>());
  for (const auto& e : hoodJson["edges"]) hoodEdges.insert(e["id"].get<uint64_t>());
  for (const auto& [id, e] : hood.edges) exportedEdges.insert(id);
  CHECK(exportedEdges == hoodEdges);
  std::set<uint64_t> exported;
  for (const auto& [id, a] : hood.actors) exported.insert(id);
  CHECK(exported == nodes);
  for (const auto& [id, e] : hood.edges) {
    CHECK(nodes.count(e["src"]["id"].get<uint64_t>()));
    CHECK(nodes.count(e["dst"]["id"].get<uint64_t>()));
  }
}

TEST_CASE("kg export dot: dot -Tsvg draws every actor and edge", "[export][cli]") {
  TempDir dir;
  Kg seeds{seedsDb()};
  REQUIRE(seeds("export --format dot --out " + shq(dir.sub("g.dot"))).rc == 0);
  const Records r = readJsonl(seeds("export --format jsonl").out);
  auto svg = kg::testing::run("dot -Tsvg " + shq(dir.sub("g.dot")));
  INFO(svg.err);
  REQUIRE(svg.rc == 0);
  auto count = [&](const std::string& what) {
    size_t n = 0;
    for (size_t at = svg.out.find(what); at != std::string::npos; at = svg.out.find(what, at + 1)) ++n;
    return n;
  };
  CHECK(count("class=\"node\"") == r.actors.size());
  CHECK(count("class=\"edge\"") == r.edges.size());
  CHECK(svg.out.find("Kata&#39;ib Hezbollah") != std::string::npos);
}

TEST_CASE("kg export: an output cut by --limit says so in the file and on stderr", "[export][cli]") {
  TempDir dir;
  Kg seeds{seedsDb()};
  for (const char* f : {"graphml", "gexf", "dot", "jsonl"}) {
    auto r = seeds(std::string("export --limit 5 --format ") + f + " --out " + shq(dir.sub(std::string("cut.") + f)));
    REQUIRE(r.rc == 0);
    INFO(f);
    CHECK(r.err.find("cut at --limit 5 edges") != std::string::npos);
  }
  auto g = python(dir, R"PY(
import sys, networkx as nx
g = nx.read_graphml(sys.argv[1]); assert g.graph['truncated'] is True, g.graph; assert g.number_of_edges() == 5
print('ok')
)PY", shq(dir.sub("cut.graphml")));
  INFO(g.out << g.err);
  CHECK(g.rc == 0);
  CHECK(slurp(dir.sub("cut.gexf")).find("<keywords>truncated</keywords>") != std::string::npos);
  CHECK(slurp(dir.sub("cut.dot")).find("truncated=\"true\"") != std::string::npos);
  CHECK(slurp(dir.sub("cut.jsonl")).find("\"truncated\":true") != std::string::npos);
  CHECK(kg::testing::run("dot -Tsvg " + shq(dir.sub("cut.dot"))).out.find("truncated: only the first 5 edges") !=
        std::string::npos);
  // Not cut: says so too.
  REQUIRE(seeds("export --format graphml --out " + shq(dir.sub("all.graphml"))).rc == 0);
  CHECK(slurp(dir.sub("all.graphml")).find("<data key=\"truncated\">false</data>") != std::string::npos);
}

TEST_CASE("kg export --collapse: parallel edges of one type become one edge weighted by their number",
          "[export][cli]") {
  TempDir dir;
  Kg kg{dir.sub("kg.db")};
  for (const char* a : {"'United States' --kind state", "\"Kata'ib Hezbollah\" --kind armed_group"})
    REQUIRE(kg(std::string("actor add ") + a).rc == 0);
  for (const char* e : {"'United States' ASSAULT 'Kataib Hezbollah' --from 2019-12-29",
                        "'United States' ASSAULT 'Kataib Hezbollah' --from 2020-01-03",
                        "'United States' ASSAULT 'Kataib Hezbollah' --from 2021-02-25",
                        "'Kataib Hezbollah' ASSAULT 'United States' --from 2019-12-27",
                        "'United States' ACCUSE 'Kataib Hezbollah' --from 2019-12-28"})
    REQUIRE(kg(std::string("edge add ") + e).rc == 0);
  REQUIRE(kg("export --format graphml --collapse --out " + shq(dir.sub("c.graphml"))).rc == 0);
  REQUIRE(kg("export --format gexf --collapse --out " + shq(dir.sub("c.gexf"))).rc == 0);
  auto r = python(dir, R"PY(
import sys, networkx as nx
for path, reader in ((sys.argv[1], nx.read_graphml), (sys.argv[2], nx.read_gexf)):
    g = reader(path)
    got = sorted((g.nodes[u]['label'], d['type'], int(float(d['weight'])), d.get('from'), d.get('to'))
                 for u, v, d in g.edges(data=True))
    assert got == [("Kata'ib Hezbollah", 'ASSAULT', 1, '2019-12-27', '2019-12-27'),
                   ('United States', 'ACCUSE', 1, '2019-12-28', '2019-12-28'),
                   ('United States', 'ASSAULT', 3, '2019-12-29', '2021-02-25')], (path, got)
print('ok')
)PY", shq(dir.sub("c.graphml")) + " " + shq(dir.sub("c.gexf")));
  INFO(r.out << r.err);
  CHECK(r.rc == 0);
  auto jsonl = kg("export --format jsonl --collapse");
  CHECK(jsonl.rc == 2);  // an option that does not apply
  CHECK(jsonl.err.find("--collapse does not apply to jsonl") != std::string::npos);
}

namespace {

// A header field as neo4j-admin database import reads it: [name][:TYPE][(group)][[]].
struct Neo4jField {
  std::string name, type, group;
  bool array = false;
};

Neo4jField parseNeo4jField(const std::string& f) {
  static const std::regex re(R"(^([A-Za-z_][A-Za-z0-9_]*)?(?::([A-Za-z_]+))?(?:\(([A-Za-z0-9_]+)\))?(\[\])?$)");
  std::smatch m;
  INFO("header field '" << f << "'");
  REQUIRE(std::regex_match(f, m, re));
  Neo4jField out{m[1], m[2], m[3], m[4].matched};
  static const std::set<std::string> kKeywords = {"ID", "LABEL", "START_ID", "END_ID", "TYPE", "IGNORE"};
  static const std::set<std::string> kTypes = {"int", "long", "float", "double", "boolean", "byte", "short",
                                                "char", "string", "point", "date", "localtime", "time",
                                                "localdatetime", "datetime", "duration"};
  if (kKeywords.count(out.type)) {
    CHECK(!out.array);
  } else {
    CHECK(!out.name.empty());                   // a property has a name
    CHECK(kTypes.count(out.type) == 1);          // and one of the types the importer knows
    CHECK(out.group.empty());
  }
  return out;
}

}  // namespace

TEST_CASE("kg export neo4j: headers parse as neo4j-admin database import reads them, rows fit them",
          "[export][cli]") {
  TempDir dir;
  Kg seeds{seedsDb()};
  REQUIRE(seeds("export --format neo4j --out " + shq(dir.sub("neo"))).rc == 0);
  const Records r = readJsonl(seeds("export --format jsonl").out);
  auto nodes = parseCsv(slurp(dir.sub("neo/actors.csv")));
  auto rels = parseCsv(slurp(dir.sub("neo/relationships.csv")));
  REQUIRE(nodes.size() == r.actors.size() + 1);
  REQUIRE(rels.size() == r.edges.size() + 1);

  std::vector<Neo4jField> nh, rh;
  for (const auto& f : nodes[0]) nh.push_back(parseNeo4jField(f));
  for (const auto& f : rels[0]) rh.push_back(parseNeo4jField(f));
  auto count = [](const std::vector<Neo4jField>& h, const char* type) {
    return std::count_if(h.begin(), h.end(), [&](const Neo4jField& f) { return f.type == type; });
  };
  CHECK(count(nh, "ID") == 1);
  CHECK(count(nh, "LABEL") == 1);
  CHECK(count(rh, "START_ID") == 1);
  CHECK(count(rh, "END_ID") == 1);
  CHECK(count(rh, "TYPE") == 1);
  size_t idCol = 0, labelCol = 0, startCol = 0, endCol = 0, typeCol = 0, aliasCol = 0, confCol = 0;
  for (size_t i = 0; i < nh.size(); ++i) {
    if (nh[i].type == "ID") idCol = i;
    if (nh[i].type == "LABEL") labelCol = i;
    if (nh[i].name == "aliases") aliasCol = i;
  }
  for (size_t i = 0; i < rh.size(); ++i) {
    if (rh[i].type == "START_ID") startCol = i;
    if (rh[i].type == "END_ID") endCol = i;
    if (rh[i].type == "TYPE") typeCol = i;
    if (rh[i].name == "confidence") confCol = i;
  }
  CHECK(nh[idCol].group == "Actor");  // the relationships refer to this ID space
  CHECK(rh[startCol].group == "Actor");
  CHECK(rh[endCol].group == "Actor");
  CHECK(nh[aliasCol].array);           // aliases:string[]
  CHECK(rh[confCol].type == "float");
  std::set<std::string> ids;
  for (size_t i = 1; i < nodes.size(); ++i) {
    REQUIRE(nodes[i].size() == nh.size());
    CHECK(ids.insert(nodes[i][idCol]).second);
    const json& a = r.actors.at(std::stoull(nodes[i][idCol]));
    CHECK(nodes[i][labelCol].rfind("Actor|", 0) == 0);
    std::string joined;  // the array, split on the --array-delimiter '|' the import command passes
    for (const auto& al : a["aliases"]) joined += (joined.empty() ? "" : "|") + al.get<std::string>();
    CHECK(nodes[i][aliasCol] == joined);
  }
  for (size_t i = 1; i < rels.size(); ++i) {
    REQUIRE(rels[i].size() == rh.size());
    CHECK(ids.count(rels[i][startCol]));
    CHECK(ids.count(rels[i][endCol]));
    CHECK(std::regex_match(rels[i][typeCol], std::regex("[A-Z_]+")));
    CHECK(std::stod(rels[i][confCol]) > 0);
  }
  const std::string script = slurp(dir.sub("neo/neo4j-import.sh"));
  CHECK(script.find("neo4j-admin database import full --array-delimiter='|'") != std::string::npos);
  CHECK(script.find("--nodes=\"$DIR/actors.csv\" --relationships=\"$DIR/relationships.csv\"") != std::string::npos);
}

TEST_CASE("kg export nebula: nGQL statements well-formed and typed, CSV columns and importer config match",
          "[export][cli]") {
  TempDir dir;
  Kg seeds{seedsDb()};
  auto x = seeds("export --format nebula --space kg_seeds --partitions 8 --out " + shq(dir.sub("neb")));
  INFO(x.err);
  REQUIRE(x.rc == 0);
  std::string ngql;
  {
    std::istringstream in(slurp(dir.sub("neb/schema.ngql")));
    std::string line;
    while (std::getline(in, line))
      if (line.rfind("#", 0) != 0) ngql += line + "\n";
  }
  std::vector<std::string> statements;
  {
    std::istringstream in(ngql);
    std::string st;
    while (std::getline(in, st, ';')) {
      st = std::regex_replace(st, std::regex(R"(^\s+|\s+$)"), "");
      if (!st.empty()) statements.push_back(st);
    }
  }
  const std::regex space(R"(^CREATE SPACE IF NOT EXISTS kg_seeds\(partition_num = 8, replica_factor = [0-9]+, vid_type = INT64\)$)");
  const std::regex use(R"(^USE kg_seeds$)");
  const std::regex schema(R"(^CREATE (TAG|EDGE) IF NOT EXISTS ([a-z_]+)\((.*)\)$)");
  const std::regex index(R"(^CREATE (TAG|EDGE) INDEX IF NOT EXISTS [a-z_]+ ON ([a-z_]+)\(([a-z_]+)(\([0-9]+\))?\)$)");
  const std::regex prop(R"(^([a-z_][a-z0-9_]*) (int64|int32|int16|int8|int|float|double|bool|string|date|time|datetime|timestamp)$)");
  const std::set<std::string> keywords = {"from", "to", "type", "where", "over", "yield", "limit", "order", "match", "return"};
  std::map<std::string, std::vector<std::string>> props;  // tag or edge -> property names in order
  REQUIRE(statements.size() >= 4);
  CHECK(std::regex_match(statements[0], space));
  CHECK(std::regex_match(statements[1], use));
  for (size_t i = 2; i < statements.size(); ++i) {
    std::smatch m;
    INFO(statements[i]);
    if (std::regex_match(statements[i], m, schema)) {
      std::istringstream list(m[3].str());
      std::string p;
      while (std::getline(list, p, ',')) {
        p = std::regex_replace(p, std::regex(R"(^\s+|\s+$)"), "");
        std::smatch pm;
        INFO("property '" << p << "'");
        REQUIRE(std::regex_match(p, pm, prop));  // every property has a type
        CHECK(keywords.count(pm[1]) == 0);
        props[m[2]].push_back(pm[1]);
      }
    } else {
      REQUIRE(std::regex_match(statements[i], m, index));
      REQUIRE(props.count(m[2]));  // an index on a tag or edge defined above, on one of its properties
      const auto& known = props[m[2]];
      CHECK(std::find(known.begin(), known.end(), m[3].str()) != known.end());
    }
  }
  REQUIRE(props.count("actor"));
  REQUIRE(props.count("relation"));
  auto actors = parseCsv(slurp(dir.sub("neb/actors.csv")));
  auto relations = parseCsv(slurp(dir.sub("neb/relations.csv")));
  std::vector<std::string> vh{"vid"}, eh{"src", "dst", "rank"};
  vh.insert(vh.end(), props["actor"].begin(), props["actor"].end());
  eh.insert(eh.end(), props["relation"].begin(), props["relation"].end());
  CHECK(actors[0] == vh);
  CHECK(relations[0] == eh);
  std::set<std::string> vids;
  for (size_t i = 1; i < actors.size(); ++i) {
    REQUIRE(actors[i].size() == vh.size());
    CHECK(std::regex_match(actors[i][0], std::regex("[1-9][0-9]*")));  // INT64 vids
    vids.insert(actors[i][0]);
  }
  std::set<std::tuple<std::string, std::string, std::string>> keys;  // Nebula's edge key: src, dst, rank
  for (size_t i = 1; i < relations.size(); ++i) {
    REQUIRE(relations[i].size() == eh.size());
    CHECK(vids.count(relations[i][0]));
    CHECK(vids.count(relations[i][1]));
    CHECK(keys.insert({relations[i][0], relations[i][1], relations[i][2]}).second);  // parallel facts stay apart
  }
  const Records r = readJsonl(seeds("export --format jsonl").out);
  CHECK(actors.size() == r.actors.size() + 1);
  CHECK(relations.size() == r.edges.size() + 1);

  // The importer config loads both files with the schema's columns at their CSV positions.
  auto y = python(dir, R"PY(
import sys, yaml, json
c = yaml.safe_load(open(sys.argv[1]))
assert c['manager']['spaceName'] == 'kg_seeds'
out = {}
for s in c['sources']:
    assert s['csv']['withHeader'] is True
    for kind in ('tags', 'edges'):
        for t in s.get(kind, []):
            out[t['name']] = {'path': s['path'], 'props': [(p['name'], p['type'], p['index']) for p in t['props']]}
            if kind == 'tags': assert t['id']['index'] == 0 and t['id']['type'] == 'INT'
            else: assert (t['src']['id']['index'], t['dst']['id']['index'], t['rank']['index']) == (0, 1, 2)
stmts = ' '.join(x for h in c['manager']['hooks']['before'] for x in h['statements'])
assert 'CREATE SPACE IF NOT EXISTS kg_seeds' in stmts and 'CREATE TAG IF NOT EXISTS actor' in stmts
print(json.dumps(out))
)PY", shq(dir.sub("neb/nebula-importer.yaml")));
  INFO(y.out << y.err);
  REQUIRE(y.rc == 0);
  json cfg = json::parse(y.out);
  for (const auto& [name, header, first] : {std::tuple{"actor", vh, 1}, std::tuple{"relation", eh, 3}}) {
    const auto& p = cfg[name]["props"];
    REQUIRE(p.size() == header.size() - first);
    for (size_t i = 0; i < p.size(); ++i) {
      CHECK(p[i][0] == header[i + first]);
      CHECK(p[i][2] == i + first);
      CHECK((p[i][1] == "STRING" || p[i][1] == "INT" || p[i][1] == "FLOAT"));
    }
    CHECK(std::filesystem::exists(cfg[name]["path"].get<std::string>()));
  }
}

TEST_CASE("kg export csv: actors.csv and edges.csv read by Python's csv module", "[export][cli]") {
  TempDir dir;
  Kg seeds{seedsDb()};
  REQUIRE(seeds("export --format csv --out " + shq(dir.sub("csv"))).rc == 0);
  const Records r = readJsonl(seeds("export --format jsonl").out);
  auto p = python(dir, R"PY(
import csv, sys
a = list(csv.DictReader(open(sys.argv[1] + '/actors.csv', encoding='utf-8', newline='')))
e = list(csv.DictReader(open(sys.argv[1] + '/edges.csv', encoding='utf-8', newline='')))
names = {x['id']: x['name'] for x in a}
for x in e: assert names[x['src']] == x['src_name'] and names[x['dst']] == x['dst_name'], x
print(len(a), len(e))
)PY", shq(dir.sub("csv")));
  INFO(p.err);
  REQUIRE(p.rc == 0);
  CHECK(p.out == std::to_string(r.actors.size()) + " " + std::to_string(r.edges.size()) + "\n");
}

TEST_CASE("kg export plover: one PLOVER record per event edge", "[export][cli]") {
  Kg seeds{seedsDb()};
  auto p = seeds("export --format plover");
  REQUIRE(p.rc == 0);
  const Records r = readJsonl(seeds("export --format jsonl").out);
  size_t events = 0;
  for (const auto& [id, e] : r.edges)
    if (e["type"] != "MEMBER_OF" && e["type"] != "LEADER_OF" && e["type"] != "PART_OF" && e["type"] != "OFFICIAL_OF")
      ++events;
  std::istringstream in(p.out);
  std::string line;
  size_t n = 0;
  const std::set<std::string> types = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID",
                                       "RETREAT", "REQUEST", "ACCUSE", "REJECT", "THREATEN", "PROTEST",
                                       "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"};
  while (std::getline(in, line)) {
    ++n;
    json j = json::parse(line);
    for (const char* k : {"id", "event_date", "event_type", "mode", "context", "actor", "actor_country",
                          "recipient", "recipient_country", "event_text", "source", "story_id", "version"})
      CHECK(j.contains(k));
    CHECK(types.count(j["event_type"].get<std::string>()));
    const json& e = r.edges.at(std::stoull(j["id"].get<std::string>().substr(3)));
    CHECK(j["actor"] == e["src"]["name"]);
    CHECK(j["recipient"] == e["dst"]["name"]);
    CHECK(j["event_date"] == e["from"]);
    CHECK(j["event_text"] == e["evidence"][0]["text"]);
    CHECK(j["source"].is_string());  // the document of the evidence sentence
  }
  CHECK(n == events);
}

TEST_CASE("kg export: bad input gets a clear error, exit 2 (usage), 3 (unknown actor) or 1, and leaves no file",
          "[export][cli]") {
  TempDir dir;
  Kg seeds{seedsDb()};
  struct Case {
    std::string args, message;
    int rc;
  } cases[] = {
      {"--format xml --out " + shq(dir.sub("x")), "unknown export format 'xml'; use one of graphml, gexf", 2},
      {"--format graphml --out " + shq(dir.sub("no/such/dir/x.graphml")), "cannot write", 1},
      {"--format graphml --actor 'Nobody At All' --out " + shq(dir.sub("x")), "unknown actor 'Nobody At All'", 3},
      {"--format csv", "csv writes several files: give a directory with --out DIR", 2},
      {"--format graphml --type BOMB --out " + shq(dir.sub("x")), "--type: unknown edge type 'BOMB'", 2},
      {"--format graphml --depth 2 --out " + shq(dir.sub("x")), "--depth needs --actor", 2},
      {"--format graphml --from 2020-02 --to 2020-01 --out " + shq(dir.sub("x")), "the window ends", 2},
      {"--format graphml --cameo 1x --out " + shq(dir.sub("x")), "--cameo: '1x' is not a CAMEO code prefix", 2},
      {"--format dot --out " + shq(dir.path()), "dot writes one file, and", 2},
      {"--format graphml --space s --out " + shq(dir.sub("x")), "--space only applies to --format nebula", 2},
      {"--format graphml --direction in --out " + shq(dir.sub("x")), "--direction needs --actor", 2},
      {"--format graphml --undated --out " + shq(dir.sub("x")), "--undated only applies with a window", 2},
  };
  for (const auto& c : cases) {
    auto r = seeds("export " + c.args);
    INFO(c.args << "\n" << r.err);
    CHECK(r.rc == c.rc);
    CHECK(r.err.find("kg: error: " + c.message.substr(0, 0)) == 0);
    CHECK(r.err.find(c.message) != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(dir.sub("x")));
  }
  std::filesystem::create_directories(dir.sub("ro"));
  std::filesystem::permissions(dir.sub("ro"), std::filesystem::perms::owner_read | std::filesystem::perms::owner_exec);
  if (::geteuid() != 0) {  // root writes anywhere
    auto r = seeds("export --format graphml --out " + shq(dir.sub("ro/x.graphml")));
    CHECK(r.rc == 1);
    CHECK(r.err.find("cannot write") != std::string::npos);
  }
  auto usage = seeds("export");  // --format is required
  CHECK(usage.rc == 2);
  REQUIRE(seeds("export --format jsonl --out " + shq(dir.sub("a.jsonl"))).rc == 0);
  Kg fresh{dir.sub("fresh.db")};
  auto tkgOnly = fresh("import --format jsonl --strict " + shq(dir.sub("a.jsonl")));
  CHECK(tkgOnly.rc == 2);
  CHECK(tkgOnly.err.find("--strict does not apply to --format jsonl") != std::string::npos);
  // A restore that fails after some batches were committed leaves no new database behind.
  {
    std::ofstream bad(dir.sub("bad.jsonl"));
    for (int i = 1; i <= 10000; ++i)
      bad << "{\"record\":\"actor\",\"id\":" << i << ",\"name\":\"Actor " << i << "\",\"kind\":\"person\"}\n";
    bad << "{\"record\":\"edge\",\"id\":1,\"src\":{\"id\":1},\"dst\":{\"id\":99999},\"type\":\"AID\",\"confidence\":1}\n";
  }
  auto failed = fresh("import --format jsonl " + shq(dir.sub("bad.jsonl")));
  CHECK(failed.rc == 1);
  CHECK(failed.err.find("bad.jsonl:10001: edge 1 refers to actor 99999") != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(dir.sub("fresh.db")));
  Kg none{dir.sub("missing.db")};
  auto missing = none("export --format jsonl");
  CHECK(missing.rc == 1);
  CHECK(missing.err.find("no database at") != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(dir.sub("missing.db")));
}
