#include "export/nebula.h"

#include <filesystem>

#include "export/attributes.h"
#include "export/sink.h"

namespace kg::exports {

namespace {

// nGQL names: FROM, TO and TYPE are keywords, so those columns are renamed.
std::string ngqlName(std::string_view name) {
  if (name == "from") return "date_from";
  if (name == "to") return "date_to";
  if (name == "type") return "rel_type";
  return std::string(name);
}

const char* ngqlType(AttrType t) {
  switch (t) {
    case AttrType::kInt: return "int32";
    case AttrType::kLong: return "int64";
    case AttrType::kDouble: return "float";
    case AttrType::kString: break;
  }
  return "string";
}

const char* importerType(AttrType t) {
  switch (t) {
    case AttrType::kInt:
    case AttrType::kLong: return "INT";
    case AttrType::kDouble: return "FLOAT";
    case AttrType::kString: break;
  }
  return "STRING";
}

std::string yamlQuoted(std::string_view s) {
  std::string out = "'";
  for (char c : s) {
    if (c == '\'') out.push_back('\'');
    out.push_back(c);
  }
  return out + "'";
}

std::vector<std::string> schemaStatements(const NebulaOptions& o) {
  std::vector<std::string> st;
  st.push_back("CREATE SPACE IF NOT EXISTS " + o.space + "(partition_num = " + std::to_string(o.partitions) +
               ", replica_factor = " + std::to_string(o.replicas) + ", vid_type = INT64)");
  st.push_back("USE " + o.space);
  std::string tag = "CREATE TAG IF NOT EXISTS actor(";
  for (size_t i = 0; i < kActorAttrs.size(); ++i)
    tag += (i ? ", " : "") + ngqlName(kActorAttrs[i].name) + " " + ngqlType(kActorAttrs[i].type);
  st.push_back(tag + ")");
  std::string edge = "CREATE EDGE IF NOT EXISTS relation(";
  for (size_t i = 0; i < kEdgeAttrs.size(); ++i)
    edge += (i ? ", " : "") + ngqlName(kEdgeAttrs[i].name) + " " + ngqlType(kEdgeAttrs[i].type);
  st.push_back(edge + ")");
  st.push_back("CREATE TAG INDEX IF NOT EXISTS actor_by_name ON actor(name(64))");
  st.push_back("CREATE EDGE INDEX IF NOT EXISTS relation_by_type ON relation(rel_type(16))");
  return st;
}

class NebulaWriter final : public GraphWriter {
 public:
  NebulaWriter(std::string dir, NebulaOptions o, std::unique_ptr<Sink> schema, std::unique_ptr<Sink> actors,
               std::unique_ptr<Sink> relations, std::unique_ptr<Sink> config)
      : dir_(std::move(dir)),
        o_(std::move(o)),
        schema_(std::move(schema)),
        actors_(std::move(actors)),
        relations_(std::move(relations)),
        config_(std::move(config)) {}

  Status begin(const ExportInfo& info) override {
    *schema_ << "# ActorGraph export (" << info.description << ")\n"
             << "# Run with nebula-console -f schema.ngql; schema changes take effect after the next\n"
             << "# heartbeat (about 20 s), before any data is inserted.\n";
    for (const auto& s : schemaStatements(o_)) *schema_ << s << ";\n";
    std::string h = "vid";
    for (const auto& a : kActorAttrs) h += "," + ngqlName(a.name);
    *actors_ << h << '\n';
    h = "src,dst,rank";
    for (const auto& a : kEdgeAttrs) h += "," + ngqlName(a.name);
    *relations_ << h << '\n';
    return Status::ok();
  }
  Status actor(const Actor& a) override {
    row_ = std::to_string(a.id);
    appendCsvValues(&row_, actorValues(a));
    row_.push_back('\n');
    *actors_ << row_;
    return Status::ok();
  }
  Status edge(const ExportEdge& e) override {
    // The rank keeps parallel facts of a pair apart: the edge id, or for a
    // collapsed edge (one per pair and type) the type's number.
    const uint64_t rank = e.edge.id ? e.edge.id : static_cast<uint64_t>(e.edge.type);
    row_ = std::to_string(e.edge.src) + "," + std::to_string(e.edge.dst) + "," + std::to_string(rank);
    appendCsvValues(&row_, edgeValues(e));
    row_.push_back('\n');
    *relations_ << row_;
    return Status::ok();
  }
  Status finish() override {
    writeConfig();
    Status s[] = {schema_->close(), actors_->close(), relations_->close(), config_->close()};
    for (auto& x : s)
      if (!x.isOk()) return x;
    return Status::ok();
  }

 private:
  void writeConfig() {
    const std::string abs = std::filesystem::absolute(dir_).lexically_normal().string();
    auto& y = *config_;
    y << "# nebula-importer 4.x: nebula-importer --config nebula-importer.yaml\n"
         "# Creates the space and schema (schema.ngql), waits for them to take effect, then loads\n"
         "# actors.csv and relations.csv. Paths are absolute: edit them if you move the directory.\n"
         "client:\n  version: v3\n  address: "
      << yamlQuoted(o_.address)
      << "\n  user: root\n  password: nebula\n  concurrencyPerAddress: 10\n  retry: 3\n"
         "manager:\n  spaceName: "
      << o_.space << "\n  batch: 256\n  readerConcurrency: 8\n  importerConcurrency: 64\n  statsInterval: 10s\n"
                     "  hooks:\n    before:\n      - statements:\n";
    auto st = schemaStatements(o_);
    y << "          - " << yamlQuoted(st[0]) << "\n        wait: 10s\n      - statements:\n";
    std::string rest;
    for (size_t i = 1; i < st.size(); ++i) rest += st[i] + "; ";
    y << "          - " << yamlQuoted(rest) << "\n        wait: 20s\n";
    y << "log:\n  level: INFO\n  console: true\n  files:\n    - " << yamlQuoted(abs + "/nebula-importer.log") << "\n";
    y << "sources:\n  - path: " << yamlQuoted(abs + "/actors.csv")
      << "\n    csv:\n      delimiter: \",\"\n      withHeader: true\n    tags:\n      - name: actor\n"
         "        id:\n          type: \"INT\"\n          index: 0\n        props:\n";
    for (size_t i = 0; i < kActorAttrs.size(); ++i)
      y << "          - name: \"" << ngqlName(kActorAttrs[i].name) << "\"\n            type: \""
        << importerType(kActorAttrs[i].type) << "\"\n            index: " << static_cast<uint64_t>(i + 1) << "\n";
    y << "  - path: " << yamlQuoted(abs + "/relations.csv")
      << "\n    csv:\n      delimiter: \",\"\n      withHeader: true\n    edges:\n      - name: relation\n"
         "        src:\n          id:\n            type: \"INT\"\n            index: 0\n"
         "        dst:\n          id:\n            type: \"INT\"\n            index: 1\n"
         "        rank:\n          index: 2\n        props:\n";
    for (size_t i = 0; i < kEdgeAttrs.size(); ++i)
      y << "          - name: \"" << ngqlName(kEdgeAttrs[i].name) << "\"\n            type: \""
        << importerType(kEdgeAttrs[i].type) << "\"\n            index: " << static_cast<uint64_t>(i + 3) << "\n";
  }

  std::string dir_;
  NebulaOptions o_;
  std::unique_ptr<Sink> schema_, actors_, relations_, config_;
  std::string row_;
};

}  // namespace

Result<std::unique_ptr<GraphWriter>> newNebulaWriter(const std::string& dir, const NebulaOptions& options) {
  std::unique_ptr<Sink> sinks[4];
  const char* names[4] = {"schema.ngql", "actors.csv", "relations.csv", "nebula-importer.yaml"};
  for (int i = 0; i < 4; ++i) {
    auto s = Sink::open(dir + "/" + names[i]);
    if (!s) return s.status();
    sinks[i] = std::move(s).value();
  }
  return std::unique_ptr<GraphWriter>(new NebulaWriter(dir, options, std::move(sinks[0]), std::move(sinks[1]),
                                                       std::move(sinks[2]), std::move(sinks[3])));
}

}  // namespace kg::exports
