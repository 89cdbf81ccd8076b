#include "export/tables.h"

#include <unordered_map>

#include "export/attributes.h"
#include "export/sink.h"

namespace kg::exports {

namespace {

std::string join(const std::string& dir, const char* file) { return dir + "/" + file; }

class CsvWriter final : public GraphWriter {
 public:
  CsvWriter(std::unique_ptr<Sink> actors, std::unique_ptr<Sink> edges)
      : actors_(std::move(actors)), edges_(std::move(edges)) {}

  Status begin(const ExportInfo&) override {
    std::string h = "id";
    for (const auto& a : kActorAttrs) h += std::string(",") + a.name;
    *actors_ << h << '\n';
    h = "src,src_name,dst,dst_name";
    for (const auto& a : kEdgeAttrs) h += std::string(",") + a.name;
    *edges_ << h << '\n';
    return Status::ok();
  }
  Status actor(const Actor& a) override {
    names_[a.id] = a.name;
    row_ = std::to_string(a.id);
    appendCsvValues(&row_, actorValues(a));
    row_.push_back('\n');
    *actors_ << row_;
    return Status::ok();
  }
  Status edge(const ExportEdge& e) override {
    row_ = std::to_string(e.edge.src) + ",";
    appendCsvField(&row_, names_[e.edge.src]);
    row_ += "," + std::to_string(e.edge.dst) + ",";
    appendCsvField(&row_, names_[e.edge.dst]);
    appendCsvValues(&row_, edgeValues(e));
    row_.push_back('\n');
    *edges_ << row_;
    return Status::ok();
  }
  Status finish() override {
    Status a = actors_->close();
    Status e = edges_->close();
    return a.isOk() ? e : a;
  }

 private:
  std::unique_ptr<Sink> actors_, edges_;
  std::unordered_map<ActorId, std::string> names_;
  std::string row_;
};

const char* neo4jType(AttrType t) {
  switch (t) {
    case AttrType::kInt: return "int";
    case AttrType::kLong: return "long";
    case AttrType::kDouble: return "float";
    case AttrType::kString: break;
  }
  return "string";
}

// camelCase property names, as Cypher users write them (evidence_count -> evidenceCount).
std::string camel(std::string_view snake) {
  std::string out;
  bool up = false;
  for (char c : snake) {
    if (c == '_') {
      up = true;
      continue;
    }
    out.push_back(up ? static_cast<char>(std::toupper(static_cast<unsigned char>(c))) : c);
    up = false;
  }
  return out;
}

class Neo4jWriter final : public GraphWriter {
 public:
  Neo4jWriter(std::string dir, std::unique_ptr<Sink> nodes, std::unique_ptr<Sink> rels, std::unique_ptr<Sink> script)
      : dir_(std::move(dir)), nodes_(std::move(nodes)), rels_(std::move(rels)), script_(std::move(script)) {}

  Status begin(const ExportInfo&) override {
    std::string h = "actorId:ID(Actor),:LABEL";
    for (const auto& a : kActorAttrs)
      h += std::string(",") + camel(a.name) + ":" +
           (std::string_view(a.name) == "aliases" ? "string[]" : neo4jType(a.type));
    *nodes_ << h << '\n';
    h = ":START_ID(Actor),:END_ID(Actor),:TYPE";
    for (const auto& a : kEdgeAttrs) {
      if (std::string_view(a.name) == "type") continue;  // the relationship type itself
      h += std::string(",") + camel(a.name) + ":" + neo4jType(a.type);
    }
    *rels_ << h << '\n';
    return Status::ok();
  }
  Status actor(const Actor& a) override {
    row_ = std::to_string(a.id) + ",Actor|" + neo4jKindLabel(a.kind);
    appendCsvValues(&row_, actorValues(a));
    row_.push_back('\n');
    *nodes_ << row_;
    return Status::ok();
  }
  Status edge(const ExportEdge& e) override {
    row_ = std::to_string(e.edge.src) + "," + std::to_string(e.edge.dst) + "," + edgeTypeName(e.edge.type);
    const auto values = edgeValues(e);
    for (size_t i = 0; i < values.size(); ++i) {
      if (std::string_view(kEdgeAttrs[i].name) == "type") continue;
      row_.push_back(',');
      appendCsvField(&row_, values[i]);
    }
    row_.push_back('\n');
    *rels_ << row_;
    return Status::ok();
  }
  Status finish() override {
    *script_ << "#!/bin/sh\n"
                "# Loads this export into Neo4j 5 (the target database must not exist yet,\n"
                "# or add --overwrite-destination). Run from $NEO4J_HOME with Neo4j stopped;\n"
                "# then start Neo4j (Community: the database is 'neo4j').\n"
                "set -e\n"
                "DIR=$(cd \"$(dirname \"$0\")\" && pwd)\n"
                "bin/neo4j-admin database import full --array-delimiter='|' \\\n"
                "  --nodes=\"$DIR/actors.csv\" --relationships=\"$DIR/relationships.csv\" \"${1:-neo4j}\"\n";
    Status a = nodes_->close();
    Status b = rels_->close();
    Status c = script_->close();
    return !a.isOk() ? a : !b.isOk() ? b : c;
  }

 private:
  std::string dir_;
  std::unique_ptr<Sink> nodes_, rels_, script_;
  std::string row_;
};

}  // namespace

std::string neo4jKindLabel(ActorKind k) {
  switch (k) {
    case ActorKind::kPerson: return "Person";
    case ActorKind::kOrganisation: return "Organisation";
    case ActorKind::kArmedGroup: return "ArmedGroup";
    case ActorKind::kState: return "State";
    case ActorKind::kGovernmentBody: return "GovernmentBody";
    case ActorKind::kMedia: return "Media";
    case ActorKind::kOther: break;
  }
  return "Other";
}

Result<std::unique_ptr<GraphWriter>> newCsvWriter(const std::string& dir) {
  auto a = Sink::open(join(dir, "actors.csv"));
  if (!a) return a.status();
  auto e = Sink::open(join(dir, "edges.csv"));
  if (!e) return e.status();
  return std::unique_ptr<GraphWriter>(new CsvWriter(std::move(a).value(), std::move(e).value()));
}

Result<std::unique_ptr<GraphWriter>> newNeo4jWriter(const std::string& dir) {
  auto n = Sink::open(join(dir, "actors.csv"));
  if (!n) return n.status();
  auto r = Sink::open(join(dir, "relationships.csv"));
  if (!r) return r.status();
  auto s = Sink::open(join(dir, "neo4j-import.sh"));
  if (!s) return s.status();
  return std::unique_ptr<GraphWriter>(
      new Neo4jWriter(dir, std::move(n).value(), std::move(r).value(), std::move(s).value()));
}

}  // namespace kg::exports
