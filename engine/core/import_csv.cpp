// A CSV/TSV edge list read through a ColumnMap (importer.h kCsv), and the
// --map parser.
#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>

#include "core/import_run.h"

namespace kg::core {

namespace {

constexpr std::string_view kAttributePrefix = "attr.";
constexpr const char* kMapKeys = "src, dst, date, cameo, type, mode, id, text, attr.NAME";

std::string* slotOf(ColumnMap& m, std::string_view key) {
  if (key == "src") return &m.src;
  if (key == "dst") return &m.dst;
  if (key == "date") return &m.date;
  if (key == "cameo") return &m.cameo;
  if (key == "type") return &m.type;
  if (key == "mode") return &m.mode;
  if (key == "id") return &m.id;
  if (key == "text") return &m.text;
  return nullptr;
}

bool isAttributeName(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) {
    return std::islower(static_cast<unsigned char>(c)) || std::isdigit(static_cast<unsigned char>(c)) || c == '_';
  });
}

Status addEntry(ColumnMap& m, std::string_view entry) {
  const size_t eq = entry.find('=');
  if (eq == std::string_view::npos)
    return Status::invalidArgument("--map entry '" + std::string(entry) + "' is not key=Column");
  const std::string key(importing::trim(entry.substr(0, eq)));
  const std::string column(importing::trim(entry.substr(eq + 1)));
  if (column.empty()) return Status::invalidArgument("--map " + key + "= names no column");
  if (key.rfind(kAttributePrefix, 0) == 0) {
    const std::string name = key.substr(kAttributePrefix.size());
    if (!isAttributeName(name))
      return Status::invalidArgument("--map " + key + ": an attribute name is lower-case letters, digits and '_'");
    for (const auto& [n, c] : m.attributes)
      if (n == name) return Status::invalidArgument("--map " + key + " is given twice");
    m.attributes.emplace_back(name, column);
    return Status::ok();
  }
  std::string* slot = slotOf(m, key);
  if (!slot) return Status::invalidArgument("--map: unknown key '" + key + "'; the keys are " + kMapKeys);
  if (!slot->empty()) return Status::invalidArgument("--map " + key + " is given twice");
  *slot = column;
  return Status::ok();
}

}  // namespace

Result<ColumnMap> parseColumnMap(std::string_view spec) {
  ColumnMap m;
  for (std::string_view entry : importing::splitOn(spec, ',')) {
    if (importing::trim(entry).empty()) continue;
    KG_RETURN_IF_ERROR(addEntry(m, entry));
  }
  if (m.src.empty() || m.dst.empty())
    return Status::invalidArgument("--map needs src=COLUMN and dst=COLUMN (the two actors' names)");
  if (m.cameo.empty() && m.type.empty())
    return Status::invalidArgument("--map needs cameo=COLUMN or type=COLUMN (what the event was)");
  return m;
}

namespace importing {

namespace {

// Column indices of a ColumnMap in one file's header; kNone when unmapped.
constexpr size_t kNone = SIZE_MAX;
struct Columns {
  size_t src = kNone, dst = kNone, date = kNone, cameo = kNone, type = kNone, mode = kNone, id = kNone, text = kNone;
  std::vector<std::pair<std::string, size_t>> attributes;
};

}  // namespace

Result<Columns> resolve(const ColumnMap& m, const std::vector<std::string>& header, const std::string& path) {
  auto find = [&](const std::string& key, const std::string& name, size_t* out) -> Status {
    if (name.empty()) return Status::ok();
    for (size_t i = 0; i < header.size(); ++i)
      if (trim(header[i]) == name) {
        *out = i;
        return Status::ok();
      }
    std::string have;
    for (const auto& h : header) have += (have.empty() ? "'" : ", '") + std::string(trim(h)) + "'";
    return Status::invalidArgument(path + ":1: --map " + key + "=" + name + ": the header has no column '" + name +
                                   "' (it has " + have + ")");
  };
  Columns c;
  KG_RETURN_IF_ERROR(find("src", m.src, &c.src));
  KG_RETURN_IF_ERROR(find("dst", m.dst, &c.dst));
  KG_RETURN_IF_ERROR(find("date", m.date, &c.date));
  KG_RETURN_IF_ERROR(find("cameo", m.cameo, &c.cameo));
  KG_RETURN_IF_ERROR(find("type", m.type, &c.type));
  KG_RETURN_IF_ERROR(find("mode", m.mode, &c.mode));
  KG_RETURN_IF_ERROR(find("id", m.id, &c.id));
  KG_RETURN_IF_ERROR(find("text", m.text, &c.text));
  for (const auto& [name, column] : m.attributes) {
    size_t i = kNone;
    KG_RETURN_IF_ERROR(find("attr." + name, column, &i));
    c.attributes.emplace_back(name, i);
  }
  return c;
}

namespace {

// YYYY-MM-DD (or any date Date::parse reads) or YYYYMMDD.
std::optional<Date> parseDay(std::string_view s) {
  std::string text(s);
  if (s.size() == 8 && allDigits(s))
    text = std::string(s.substr(0, 4)) + "-" + std::string(s.substr(4, 2)) + "-" + std::string(s.substr(6, 2));
  auto d = Date::parse(text);
  if (!d || !d->known()) return std::nullopt;
  return d.value();
}

class CsvReader {
 public:
  CsvReader(ImportRun& run, const ImportOptions& opt, Columns columns)
      : run_(run), path_(opt.path), c_(std::move(columns)), names_(loadCameoNamesIfFound(opt)),
        doc_("csv:" + std::filesystem::path(opt.path).filename().string()) {}

  Status row(size_t lineNo, const std::vector<std::string>& f) {
    Date date;
    if (std::string_view d = at(f, c_.date); !d.empty()) {
      auto parsed = parseDay(d);
      if (!parsed) return run_.malformed(path_, lineNo, "bad date '" + std::string(d) + "' (want YYYY-MM-DD or YYYYMMDD)");
      date = *parsed;
    }
    // The actors a row names are stored before its event is checked.
    ActorId ids[2] = {0, 0};
    const size_t cols[2] = {c_.src, c_.dst};
    for (int i = 0; i < 2; ++i) {
      const std::string name(at(f, cols[i]));
      if (name.empty()) continue;
      auto a = run_.actor(name, {}, {});
      if (a.status().code() == StatusCode::kInvalidArgument) return run_.malformed(path_, lineNo, a.status().message());
      if (!a) return a.status();
      ids[i] = a.value();
    }
    const std::string cameo(at(f, c_.cameo));
    auto ev = eventOf(cameo, at(f, c_.type));
    if (!ev) return run_.malformed(path_, lineNo, ev.status().message());
    if (!ids[0] || !ids[1]) {
      run_.noActorPair(path_, lineNo, std::string("empty ") + (ids[0] ? "dst" : "src") + " name: no edge");
      return Status::ok();
    }
    if (ids[0] == ids[1]) {
      run_.noActorPair(path_, lineNo, "src and dst are the same actor: no edge joins an actor to itself");
      return Status::ok();
    }
    return event(lineNo, f, ids, ev.value(), cameo, date);
  }

 private:
  static std::string_view at(const std::vector<std::string>& f, size_t i) {
    return i == kNone ? std::string_view() : trim(f[i]);
  }

  // The edge type of a row: its type column, else its CAMEO code's event;
  // the message of what is wrong otherwise.
  Result<PloverEvent> eventOf(const std::string& cameo, std::string_view typeName) {
    std::optional<PloverEvent> ev;
    if (!cameo.empty() && !(ev = eventForCameo(cameo)))
      return Status::invalidArgument("CAMEO code '" + cameo + "' is not a CAMEO event code");
    if (c_.type != kNone) {
      auto t = parseEdgeType(typeName);
      if (!t) return Status::invalidArgument("type: " + t.status().message());
      // The code's PLOVER mode only when the code says the same type.
      ev = PloverEvent{t.value(), ev && ev->type == t.value() ? ev->mode : std::string_view(), {}};
    }
    if (!ev) return Status::invalidArgument("no CAMEO code and no type: what was the event?");
    return *ev;
  }

  Status event(size_t lineNo, const std::vector<std::string>& f, const ActorId (&ids)[2], PloverEvent ev,
               const std::string& cameo, const Date& date) {
    const std::string mode(at(f, c_.mode));
    if (!mode.empty()) ev.mode = mode;
    Attributes attrs;
    for (const auto& [name, i] : c_.attributes)
      if (std::string_view v = trim(f[i]); !v.empty()) attrs.emplace(name, std::string(v));
    std::string text(at(f, c_.text));
    if (text.empty() && !cameo.empty() && names_) text = names_->nameOf(cameo);
    if (text.empty() && !cameo.empty()) text = "CAMEO " + cameo;
    const std::string_view id = at(f, c_.id);
    return run_.event(ids[0], ids[1], ev, cameo, date, id.empty() ? doc_ : "csv:" + std::string(id),
                      id.empty() ? static_cast<uint32_t>(lineNo) : 0, text, std::move(attrs));
  }

  ImportRun& run_;
  const std::string& path_;
  Columns c_;
  std::optional<CameoNames> names_;
  std::string doc_;
};

}  // namespace

Result<ImportSummary> importCsv(storage::GraphStore& store, const ImportOptions& opt) {
  if (opt.columns.src.empty() || opt.columns.dst.empty())
    return Status::invalidArgument("--format csv needs --map (src=COLUMN,dst=COLUMN,...)");
  auto text = readWholeFile(opt.path);
  if (!text) return text.status();
  const std::string_view head = firstLine(text.value());
  if (trim(head).empty()) return Status::invalidArgument(opt.path + ":1: no header line (a CSV edge list starts with one)");
  const char sep = head.find('\t') != std::string_view::npos ? '\t' : ',';
  std::vector<std::string> header, cells;
  std::string error;
  if (!splitQuoted(head, sep, &header, &error)) return Status::invalidArgument(opt.path + ":1: " + error);
  auto columns = resolve(opt.columns, header, opt.path);
  if (!columns) return columns.status();
  ImportRun run(store, opt);
  KG_RETURN_IF_ERROR(run.begin());
  CsvReader reader(run, opt, std::move(columns).value());
  KG_RETURN_IF_ERROR(forEachLine(text.value(), [&](size_t lineNo, std::string_view line) -> Status {
    if (lineNo == 1 || trim(line).empty()) return Status::ok();
    run.countRow();
    if (!splitQuoted(line, sep, &cells, &error)) return run.malformed(opt.path, lineNo, error);
    if (cells.size() != header.size())
      return run.malformed(opt.path, lineNo, "expected " + std::to_string(header.size()) + " fields (as the header), got " +
                                                 std::to_string(cells.size()));
    return reader.row(lineNo, cells);
  }));
  return run.finish();
}

}  // namespace importing

Status checkColumnMap(const ColumnMap& map, const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::notFound("cannot read '" + path + "'");
  std::string head;
  std::getline(in, head);
  if (!head.empty() && head.back() == '\r') head.pop_back();
  const char sep = head.find('\t') != std::string::npos ? '\t' : ',';
  std::vector<std::string> header;
  std::string error;
  if (!importing::splitQuoted(head, sep, &header, &error)) return Status::invalidArgument(path + ":1: " + error);
  auto columns = importing::resolve(map, header, path);
  return columns ? Status::ok() : columns.status();
}

}  // namespace kg::core
