#include "core/importer.h"

#include <algorithm>
#include <cassert>
#include <cctype>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <numeric>
#include <sstream>
#include <unordered_map>
#include <unordered_set>

#include "core/cameo.h"
#include "extract/actors/name_fold.h"

namespace kg::core {

namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

double secondsSince(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }

Result<std::string> readWholeFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::notFound("cannot read '" + path + "'");
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Calls fn(lineNumber, line) for each line (without its "\r\n").
template <typename Fn>
Status forEachLine(std::string_view text, Fn&& fn) {
  size_t lineNo = 0, pos = 0;
  while (pos < text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    std::string_view line = text.substr(pos, nl - pos);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    ++lineNo;
    KG_RETURN_IF_ERROR(fn(lineNo, line));
    pos = nl + 1;
  }
  return Status::ok();
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

std::vector<std::string_view> splitTabs(std::string_view line) {
  std::vector<std::string_view> out;
  size_t pos = 0;
  while (true) {
    size_t t = line.find('\t', pos);
    out.push_back(line.substr(pos, t == std::string_view::npos ? std::string_view::npos : t - pos));
    if (t == std::string_view::npos) break;
    pos = t + 1;
  }
  return out;
}

// Whitespace-separated unsigned integers; false on anything else.
bool parseInts(std::string_view line, int64_t* out, size_t maxFields, size_t* count) {
  size_t n = 0, i = 0;
  while (i < line.size()) {
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
    if (i >= line.size()) break;
    if (n == maxFields) return false;
    int64_t v = 0;
    size_t start = i;
    while (i < line.size() && line[i] >= '0' && line[i] <= '9') {
      v = v * 10 + (line[i] - '0');
      if (v > (int64_t{1} << 40)) return false;
      ++i;
    }
    if (i == start || (i < line.size() && line[i] != ' ' && line[i] != '\t')) return false;
    out[n++] = v;
  }
  *count = n;
  return true;
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool containsWord(std::string_view haystackLower, std::string_view word) {
  size_t pos = 0;
  while ((pos = haystackLower.find(word, pos)) != std::string_view::npos) {
    bool startOk = pos == 0 || !std::isalpha(static_cast<unsigned char>(haystackLower[pos - 1]));
    size_t e = pos + word.size();
    bool endOk = e >= haystackLower.size() || !std::isalpha(static_cast<unsigned char>(haystackLower[e]));
    if (startOk && endOk) return true;
    pos = e;
  }
  return false;
}

// Country names (and common short forms), lower case.
const std::unordered_set<std::string>& countries() {
  static const std::unordered_set<std::string> set = [] {
    const char* names[] = {
        "afghanistan", "albania", "algeria", "andorra", "angola", "antigua and barbuda", "argentina", "armenia",
        "australia", "austria", "azerbaijan", "bahamas", "bahrain", "bangladesh", "barbados", "belarus", "belgium",
        "belize", "benin", "bhutan", "bolivia", "bosnia and herzegovina", "botswana", "brazil", "brunei",
        "bulgaria", "burkina faso", "burundi", "cambodia", "cameroon", "canada", "cape verde",
        "central african republic", "chad", "chile", "china", "colombia", "comoros", "congo",
        "democratic republic of congo", "democratic republic of the congo", "republic of congo", "costa rica",
        "cote d'ivoire", "ivory coast", "croatia", "cuba", "cyprus", "czech republic", "czechia", "denmark",
        "djibouti", "dominica", "dominican republic", "east timor", "timor-leste", "ecuador", "egypt",
        "el salvador", "equatorial guinea", "eritrea", "estonia", "eswatini", "swaziland", "ethiopia", "fiji",
        "finland", "france", "gabon", "gambia", "georgia", "germany", "ghana", "greece", "grenada", "guatemala",
        "guinea", "guinea-bissau", "guyana", "haiti", "honduras", "hungary", "iceland", "india", "indonesia",
        "iran", "iraq", "ireland", "israel", "italy", "jamaica", "japan", "jordan", "kazakhstan", "kenya",
        "kiribati", "kosovo", "kuwait", "kyrgyzstan", "laos", "latvia", "lebanon", "lesotho", "liberia", "libya",
        "liechtenstein", "lithuania", "luxembourg", "macedonia", "north macedonia", "madagascar", "malawi",
        "malaysia", "maldives", "mali", "malta", "marshall islands", "mauritania", "mauritius", "mexico",
        "micronesia", "moldova", "monaco", "mongolia", "montenegro", "morocco", "mozambique", "myanmar", "burma",
        "namibia", "nauru", "nepal", "netherlands", "new zealand", "nicaragua", "niger", "nigeria", "north korea",
        "norway", "oman", "pakistan", "palau", "palestine", "occupied palestinian territory", "panama",
        "papua new guinea", "paraguay", "peru", "philippines", "poland", "portugal", "qatar", "romania", "russia",
        "russian federation", "rwanda", "saint kitts and nevis", "saint lucia", "saint vincent and the grenadines",
        "samoa", "san marino", "sao tome and principe", "saudi arabia", "senegal", "serbia", "seychelles",
        "sierra leone", "singapore", "slovakia", "slovenia", "solomon islands", "somalia", "south africa",
        "south korea", "south sudan", "spain", "sri lanka", "sudan", "suriname", "sweden", "switzerland", "syria",
        "taiwan", "tajikistan", "tanzania", "thailand", "togo", "tonga", "trinidad and tobago", "tunisia",
        "turkey", "turkmenistan", "tuvalu", "uganda", "ukraine", "united arab emirates", "uae", "united kingdom",
        "uk", "britain", "great britain", "united states", "united states of america", "us", "usa", "america",
        "uruguay", "uzbekistan", "vanuatu", "vatican", "holy see", "venezuela", "vietnam", "yemen", "zambia",
        "zimbabwe", "hong kong", "greenland", "puerto rico", "western sahara"};
    return std::unordered_set<std::string>(std::begin(names), std::end(names));
  }();
  return set;
}

bool isCountryName(std::string_view name) {
  std::string l = lower(trim(name));
  if (l.rfind("the ", 0) == 0) l.erase(0, 4);
  return countries().count(l) > 0;
}

const char* const kGovernmentWords[] = {"government", "ministry", "minister", "foreign affairs", "parliament",
                                        "cabinet", "executive", "legislative", "judicial", "court", "police",
                                        "defense", "defence", "interior", "head of government", "head of state",
                                        "president", "congress", "senate", "military", "army", "navy",
                                        "air force", "armed forces", "security forces", "intelligence"};
const char* const kArmedWords[] = {"militant", "insurgent", "rebel", "terrorist", "militia", "guerrilla",
                                   "extremist", "armed gang", "jihadist"};
const char* const kOrgWords[] = {
    "party", "army", "ministry", "council", "union", "nations", "bank", "group", "organization", "organisation",
    "front", "brigades", "hezbollah", "hizbollah", "forces", "police", "court", "government", "parliament",
    "committee", "agency", "company", "news", "times", "movement", "association", "league", "fund", "institute",
    "university", "commission", "office", "department", "state", "republic", "kingdom", "corporation", "media",
    "federation", "coalition", "alliance", "assembly", "taliban", "qaeda", "islamic", "national", "international",
    "world", "people", "citizen", "students", "voice", "radio", "television", "agency", "embassy", "guard",
    "corps", "navy", "church", "community", "society", "network", "authority", "opposition"};

}  // namespace

const char* timeUnitName(TimeUnit u) {
  switch (u) {
    case TimeUnit::kMinutes: return "minutes";
    case TimeUnit::kHours: return "hours";
    case TimeUnit::kDays: return "days";
  }
  return "?";
}

Result<TimeUnit> parseTimeUnit(std::string_view s) {
  if (s == "minutes" || s == "minute") return TimeUnit::kMinutes;
  if (s == "hours" || s == "hour") return TimeUnit::kHours;
  if (s == "days" || s == "day") return TimeUnit::kDays;
  return Status::invalidArgument("unknown time unit '" + std::string(s) + "'; use minutes, hours or days");
}

int64_t dayOfTimeIndex(int64_t t, TimeUnit unit, int32_t epochDay) {
  int64_t per = unit == TimeUnit::kMinutes ? 1440 : unit == TimeUnit::kHours ? 24 : 1;
  int64_t q = t / per;
  if (t % per != 0 && t < 0) --q;  // floor
  return epochDay + q;
}

// Imported event days: years 1 to 9999, what the JSON date contract can write.
const int64_t kFirstImportDay = Date::day(1, 1, 1).days();
const int64_t kLastImportDay = Date::day(9999, 12, 31).days();

TimeUnit guessTimeUnit(uint64_t gcdOfTimes) {
  if (gcdOfTimes != 0 && gcdOfTimes % 24 == 0) return TimeUnit::kHours;
  if (gcdOfTimes > 1 && 1440 % gcdOfTimes == 0) return TimeUnit::kMinutes;
  return TimeUnit::kDays;
}

ActorKind guessActorKind(std::string_view name, std::string_view country, std::string_view sectors) {
  name = trim(name);
  if (isCountryName(name) || (!country.empty() && name == country)) return ActorKind::kState;
  const std::string l = lower(name);
  const std::string sec = lower(sectors);
  auto anyWord = [](const std::string& text, const auto& words) {
    for (const char* w : words)
      if (containsWord(text, w)) return true;
    return false;
  };
  if (auto open = name.rfind('('); open != std::string_view::npos && name.back() == ')' && open > 0) {
    const std::string head = lower(trim(name.substr(0, open)));
    if (anyWord(head, kArmedWords) || containsWord(sec, "rebel") || containsWord(sec, "insurgents"))
      return ActorKind::kArmedGroup;
    if (anyWord(head, kGovernmentWords) || containsWord(sec, "government") || containsWord(sec, "executive"))
      return ActorKind::kGovernmentBody;
    return ActorKind::kOrganisation;
  }
  // All capitals (GDELT actor strings): no basis for a guess.
  bool anyLower = std::any_of(name.begin(), name.end(), [](char c) { return std::islower(static_cast<unsigned char>(c)); });
  if (!anyLower) return ActorKind::kOther;
  if (anyWord(l, kArmedWords)) return ActorKind::kArmedGroup;
  if (anyWord(l, kOrgWords)) return ActorKind::kOrganisation;
  // Two to four words, each capitalised or a name particle, no digits: a person.
  size_t words = 0;
  bool looksLikeName = true;
  std::string_view rest = name;
  while (!rest.empty()) {
    size_t sp = rest.find(' ');
    std::string_view w = rest.substr(0, sp);
    rest = sp == std::string_view::npos ? std::string_view() : rest.substr(sp + 1);
    if (w.empty()) continue;
    ++words;
    if (std::any_of(w.begin(), w.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); }))
      looksLikeName = false;
    bool particle = w == "al" || w == "bin" || w == "ibn" || w == "de" || w == "van" || w == "von" ||
                    w == "da" || w == "el" || w.rfind("al-", 0) == 0 || w.rfind("el-", 0) == 0;
    if (!particle && !std::isupper(static_cast<unsigned char>(w[0])) && static_cast<unsigned char>(w[0]) < 0x80)
      looksLikeName = false;
  }
  if (looksLikeName && words >= 2 && words <= 4) return ActorKind::kPerson;
  return ActorKind::kOther;
}

namespace {

// One import (class Run below): the loader, the actor table and the row accounting.
// `text` with control bytes and bytes that are not UTF-8 written as \xNN,
// so that a binary line quoted in a message cannot garble a terminal.
std::string printable(std::string_view text) {
  std::string out;
  auto hex = [&](unsigned char c) {
    static const char* kDigits = "0123456789abcdef";
    out += "\\x";
    out += kDigits[c >> 4];
    out += kDigits[c & 15];
  };
  for (size_t i = 0; i < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    if ((c < 0x20 && c != 0x09) || c == 0x7f) {
      hex(c);
      ++i;
      continue;
    }
    if (c < 0x80) {
      out += static_cast<char>(c);
      ++i;
      continue;
    }
    const size_t n = c >= 0xF0 && c <= 0xF4 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 && c <= 0xDF ? 2 : 0;
    bool ok = n > 0 && i + n <= text.size();
    for (size_t k = 1; ok && k < n; ++k) ok = (static_cast<unsigned char>(text[i + k]) & 0xC0) == 0x80;
    if (!ok) {
      hex(c);
      ++i;
      continue;
    }
    out.append(text.substr(i, n));
    i += n;
  }
  return out;
}

class Run {
 public:
  Run(storage::GraphStore& store, const ImportOptions& options) : store_(store), opt_(options) {}

  Status begin() {
    start_ = Clock::now();
    auto stats = store_.stats();
    if (!stats) return stats.status();
    storeHasActors_ = stats->actors > 0;
    auto loader = store_.newBulkLoader();
    if (!loader) return loader.status();
    loader_ = std::move(loader).value();
    return Status::ok();
  }

  // A malformed line: fails with `strict`, else is counted and maybe quoted.
  Status malformed(const std::string& where, size_t line, const std::string& what) {
    std::string msg = where + ":" + std::to_string(line) + ": " + printable(what);
    if (opt_.strict) return Status::invalidArgument(msg + " (--strict: nothing was imported)");
    ++sum_.malformed;
    if (sum_.examples.size() < opt_.maxExamples) sum_.examples.push_back(std::move(msg));
    return Status::ok();
  }

  Result<ActorId> actor(const std::string& name, std::string_view country, std::string_view sectors) {
    auto it = actors_.find(name);
    if (it != actors_.end()) return it->second;
    auto keys = extract::nameKeys(name);
    if (keys.empty()) return Status::invalidArgument("actor name '" + name + "' has no letters or digits");
    if (storeHasActors_) {
      auto ids = store_.lookupNameKey(keys.front());
      if (!ids) return ids.status();
      for (ActorId id : ids.value()) {
        auto a = store_.getActor(id);
        if (!a) return a.status();
        if (a->has_value() && (*a)->name == name) {
          actors_.emplace(name, id);
          return id;
        }
      }
    }
    Actor a;
    a.name = name;
    a.kind = guessActorKind(name, country, sectors);
    if (auto open = name.rfind('('); open != std::string::npos && name.back() == ')')
      a.country = std::string(trim(std::string_view(name).substr(open + 1, name.size() - open - 2)));
    else if (a.kind == ActorKind::kState)
      a.country = name;
    else
      a.country = std::string(country);
    auto id = loader_->putActor(std::move(a), keys);
    if (!id) return id.status();
    actors_.emplace(name, id.value());
    return id.value();
  }

  // One well-formed row's event: becomes evidence on an edge (stored) or is
  // found already present (merged) when the load finishes.
  Status event(ActorId src, ActorId dst, const PloverEvent& ev, std::string_view cameo, int32_t day,
               const std::string& doc, uint32_t sentence, const std::string& text) {
    edge_.src = src;
    edge_.dst = dst;
    edge_.type = ev.type;
    edge_.mode.assign(ev.mode);
    edge_.cameo.assign(cameo);
    edge_.when = DateRange::point(Date::fromDays(day, DatePrecision::kDay));
    edge_.confidence = 1.0f;
    edge_.evidence.resize(opt_.evidence ? 1 : 0);
    if (opt_.evidence) {
      edge_.evidence[0].doc = doc;
      edge_.evidence[0].sentence = sentence;
      edge_.evidence[0].text = text;
    }
    ++events_;
    auto id = loader_->putEdge(edge_);
    return id.status();
  }

  Result<ImportSummary> finish() {
    sum_.parseSeconds = secondsSince(start_);
    auto t = Clock::now();
    auto st = loader_->finish();
    if (!st) return st.status();
    sum_.writeSeconds = secondsSince(t);
    // Each event carries exactly one evidence record keyed by its row (doc,
    // line or event id): the event is stored when that record is new, and was
    // already present otherwise (a re-import, a repeated row). Without
    // evidence an event is stored when it made a new edge.
    sum_.stored = opt_.evidence ? st->evidenceAdded : st->edgesAdded;
    assert(sum_.stored <= events_);
    sum_.merged = events_ - sum_.stored;
    assert(sum_.rows == sum_.stored + sum_.merged + sum_.malformed);
    return sum_;
  }

  ImportSummary& summary() { return sum_; }

 private:
  storage::GraphStore& store_;
  const ImportOptions& opt_;
  Clock::time_point start_;
  bool storeHasActors_ = false;
  std::unique_ptr<storage::BulkLoader> loader_;
  std::unordered_map<std::string, ActorId> actors_;
  ImportSummary sum_;
  uint64_t events_ = 0;  // events offered to the loader
  Edge edge_;
};

// `name<TAB>id` lines -> names by id. Ids are dense (0..n-1 in the TKG
// sets); one far beyond the number of lines, or given twice, is an error
// naming its line, never an allocation sized by it or a silent overwrite.
Result<std::vector<std::string>> readIdFile(const std::string& path) {
  auto text = readWholeFile(path);
  if (!text) return text.status();
  std::unordered_map<int64_t, std::pair<std::string, size_t>> byId;  // id -> (name, line)
  int64_t maxId = -1;
  size_t maxLine = 0;
  Status st = forEachLine(text.value(), [&](size_t lineNo, std::string_view line) -> Status {
    if (trim(line).empty()) return Status::ok();
    const std::string where = path + ":" + std::to_string(lineNo);
    auto tab = line.rfind('\t');
    int64_t id = -1;
    size_t n = 0;
    if (tab == std::string_view::npos || !parseInts(line.substr(tab + 1), &id, 1, &n) || n != 1)
      return Status::invalidArgument(where + ": expected name<TAB>id, got '" + printable(line.substr(0, 80)) + "'");
    auto [it, added] = byId.emplace(id, std::make_pair(std::string(trim(line.substr(0, tab))), lineNo));
    if (!added)
      return Status::invalidArgument(where + ": id " + std::to_string(id) + " was already given on line " +
                                     std::to_string(it->second.second) + " ('" + printable(it->second.first) + "')");
    if (id > maxId) maxId = id, maxLine = lineNo;
    return Status::ok();
  });
  if (!st.isOk()) return st;
  constexpr int64_t kSlack = 1024;  // ids may skip a few numbers
  if (maxId >= static_cast<int64_t>(byId.size()) * 2 + kSlack)
    return Status::invalidArgument(path + ":" + std::to_string(maxLine) + ": id " + std::to_string(maxId) +
                                   " is far beyond the " + std::to_string(byId.size()) +
                                   " entries of the file; ids must number the entries from 0");
  std::vector<std::string> out(static_cast<size_t>(maxId + 1));
  for (auto& [id, entry] : byId) out[static_cast<size_t>(id)] = std::move(entry.first);
  return out;
}

bool allDigits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::vector<std::string> cameoCandidates(const std::string& dataPath) {
  fs::path p = fs::absolute(dataPath).lexically_normal();
  std::vector<std::string> c;
  // <data>/tkg/<set> or <data>/icews/<file>: the sibling cameo/ folder.
  for (fs::path up = p; up.has_parent_path() && up != up.parent_path(); up = up.parent_path())
    c.push_back((up / "cameo").string());
  c.push_back("../shared/data/cameo");
  return c;
}

struct Relation {
  std::optional<PloverEvent> event;
  std::string code;  // CAMEO code, or "?<name>" when the name has none
  std::string text;  // evidence text: the CAMEO event name
};

Result<ImportSummary> importTkg(storage::GraphStore& store, const ImportOptions& opt) {
  const fs::path dir(opt.path);
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return Status::notFound("'" + opt.path + "' is not a directory of TKG files");
  auto entities = readIdFile((dir / "entity2id.txt").string());
  if (!entities) return entities.status();
  auto relations = readIdFile((dir / "relation2id.txt").string());
  if (!relations) return relations.status();

  // Relation -> edge type (eventForCameo), through the CAMEO code list for names.
  std::optional<CameoNames> names;
  bool needNames = !std::all_of(relations->begin(), relations->end(), [](const std::string& r) { return r.empty() || allDigits(r); });
  std::optional<std::string> cameoDir;
  if (auto d = cameoDirectory(opt.cameoDir, cameoCandidates(opt.path)); d) cameoDir = d.value();
  else if (needNames) return Status::failedPrecondition(d.status().message());
  if (cameoDir) {
    auto n = CameoNames::load(*cameoDir);
    if (!n) {
      if (needNames) return n.status();
    } else {
      names = std::move(n).value();
    }
  }
  std::vector<Relation> rels(relations->size());
  for (size_t i = 0; i < rels.size(); ++i) {
    const std::string& r = (*relations)[i];
    if (r.empty()) continue;
    if (allDigits(r)) {
      rels[i].code = r;
      rels[i].text = names ? names->nameOf(r) : "";
      if (rels[i].text.empty()) rels[i].text = "CAMEO " + r;
    } else {
      auto code = names->codeOf(r);
      rels[i].code = code ? *code : "?" + r;
      rels[i].text = r;
    }
    rels[i].event = eventForCameo(rels[i].code);
  }

  std::vector<std::string> files = opt.files;
  if (files.empty())
    for (const char* f : {"train.txt", "valid.txt", "test.txt"})
      if (fs::exists(dir / f, ec)) files.push_back(f);
  if (files.empty()) return Status::notFound("no quadruple files (train.txt, valid.txt, test.txt) in '" + opt.path + "'");

  Run run(store, opt);
  KG_RETURN_IF_ERROR(run.begin());

  // Pass 1: parse every line (the time unit needs all of them).
  struct Quad {
    uint32_t s, r, o, file;
    int64_t t;
    uint32_t line;
  };
  std::vector<Quad> quads;
  uint64_t gcd = 0;
  std::vector<std::string> docs;
  const std::string setName = fs::absolute(dir).lexically_normal().filename().string().empty()
                                  ? fs::absolute(dir).lexically_normal().parent_path().filename().string()
                                  : fs::absolute(dir).lexically_normal().filename().string();
  for (uint32_t fi = 0; fi < files.size(); ++fi) {
    const std::string path = (dir / files[fi]).string();
    docs.push_back("tkg:" + setName + "/" + files[fi]);
    auto text = readWholeFile(path);
    if (!text) return text.status();
    quads.reserve(quads.size() + text->size() / 20);
    KG_RETURN_IF_ERROR(forEachLine(text.value(), [&](size_t lineNo, std::string_view line) -> Status {
      if (trim(line).empty()) return Status::ok();
      run.summary().rows++;
      int64_t v[5];
      size_t n = 0;
      if (!parseInts(line, v, 5, &n) || n < 4)
        return run.malformed(path, lineNo, "expected 'subject relation object time' as 4 or 5 non-negative integers, got '" +
                                               std::string(line.substr(0, 80)) + "'");
      if (static_cast<size_t>(v[0]) >= entities->size() || (*entities)[v[0]].empty())
        return run.malformed(path, lineNo, "unknown entity id " + std::to_string(v[0]));
      if (static_cast<size_t>(v[2]) >= entities->size() || (*entities)[v[2]].empty())
        return run.malformed(path, lineNo, "unknown entity id " + std::to_string(v[2]));
      if (static_cast<size_t>(v[1]) >= rels.size() || (*relations)[v[1]].empty())
        return run.malformed(path, lineNo, "unknown relation id " + std::to_string(v[1]));
      gcd = std::gcd(gcd, static_cast<uint64_t>(v[3]));
      quads.push_back(Quad{static_cast<uint32_t>(v[0]), static_cast<uint32_t>(v[1]), static_cast<uint32_t>(v[2]), fi,
                           v[3], static_cast<uint32_t>(lineNo)});
      return Status::ok();
    }));
  }
  TimeUnit unit = opt.timeUnit ? *opt.timeUnit : guessTimeUnit(gcd);
  run.summary().timeUnit = timeUnitName(unit);
  run.summary().timeUnitGuessed = !opt.timeUnit.has_value();

  // Pass 2: actors and edges.
  std::vector<ActorId> ids(entities->size(), 0);
  const int32_t epoch = opt.epoch.days();
  for (const Quad& q : quads) {
    const Relation& rel = rels[q.r];
    // The actors a row names are stored before its relation is checked.
    bool named = true;
    for (uint32_t e : {q.s, q.o}) {
      if (ids[e]) continue;
      auto id = run.actor((*entities)[e], {}, {});
      if (id.status().code() == StatusCode::kInvalidArgument) {
        KG_RETURN_IF_ERROR(run.malformed((dir / files[q.file]).string(), q.line, id.status().message()));
        named = false;
        break;
      }
      if (!id) return id.status();
      ids[e] = id.value();
    }
    if (!named) continue;
    if (!rel.event) {
      KG_RETURN_IF_ERROR(run.malformed((dir / files[q.file]).string(), q.line,
                                       "relation '" + (*relations)[q.r] + "' is not a CAMEO event code or name"));
      continue;
    }
    if (q.s == q.o || ids[q.s] == ids[q.o]) {
      KG_RETURN_IF_ERROR(run.malformed((dir / files[q.file]).string(), q.line,
                                       "subject and object are the same actor ('" + (*entities)[q.s] +
                                           "'); an edge cannot join an actor to itself"));
      continue;
    }
    const int64_t day = dayOfTimeIndex(q.t, unit, epoch);
    if (day < kFirstImportDay || day > kLastImportDay) {
      KG_RETURN_IF_ERROR(run.malformed((dir / files[q.file]).string(), q.line,
                                       "time " + std::to_string(q.t) + " (" + timeUnitName(unit) +
                                           " from the epoch) is not a date between the years 1 and 9999"));
      continue;
    }
    KG_RETURN_IF_ERROR(run.event(ids[q.s], ids[q.o], *rel.event, rel.code, static_cast<int32_t>(day), docs[q.file],
                                 q.line, rel.text));
  }
  return run.finish();
}

Result<ImportSummary> importIcews(storage::GraphStore& store, const ImportOptions& opt) {
  auto text = readWholeFile(opt.path);
  if (!text) return text.status();
  Run run(store, opt);
  KG_RETURN_IF_ERROR(run.begin());
  std::unordered_map<std::string, size_t> col;
  size_t columns = 0;
  size_t cId = 0, cDate = 0, cSrc = 0, cTgt = 0, cCode = 0, cText = SIZE_MAX;
  size_t cSrcSec = SIZE_MAX, cSrcCty = SIZE_MAX, cTgtSec = SIZE_MAX, cTgtCty = SIZE_MAX;
  std::optional<CameoNames> names;
  if (auto d = cameoDirectory(opt.cameoDir, cameoCandidates(opt.path)); d)
    if (auto n = CameoNames::load(d.value()); n) names = std::move(n).value();
  const std::string& path = opt.path;
  std::string doc;
  Status parsed = forEachLine(text.value(), [&](size_t lineNo, std::string_view line) -> Status {
    if (lineNo == 1) {
      auto fields = splitTabs(line);
      columns = fields.size();
      for (size_t i = 0; i < fields.size(); ++i) col[std::string(trim(fields[i]))] = i;
      auto need = [&](const char* name, size_t* out) -> Status {
        auto it = col.find(name);
        if (it == col.end())
          return Status::invalidArgument(path + ":1: the header has no '" + name +
                                         "' column; an ICEWS event file starts with a header line "
                                         "(Event ID, Event Date, Source Name, ..., CAMEO Code, ..., Target Name)");
        *out = it->second;
        return Status::ok();
      };
      KG_RETURN_IF_ERROR(need("Event ID", &cId));
      KG_RETURN_IF_ERROR(need("Event Date", &cDate));
      KG_RETURN_IF_ERROR(need("Source Name", &cSrc));
      KG_RETURN_IF_ERROR(need("Target Name", &cTgt));
      KG_RETURN_IF_ERROR(need("CAMEO Code", &cCode));
      auto opt2 = [&](const char* name, size_t* out) {
        if (auto it = col.find(name); it != col.end()) *out = it->second;
      };
      opt2("Event Text", &cText);
      opt2("Source Sectors", &cSrcSec);
      opt2("Source Country", &cSrcCty);
      opt2("Target Sectors", &cTgtSec);
      opt2("Target Country", &cTgtCty);
      return Status::ok();
    }
    if (trim(line).empty()) return Status::ok();
    run.summary().rows++;
    auto f = splitTabs(line);
    if (f.size() != columns)
      return run.malformed(path, lineNo, "expected " + std::to_string(columns) + " tab-separated fields, got " +
                                             std::to_string(f.size()));
    auto field = [&](size_t i) { return i == SIZE_MAX ? std::string_view() : trim(f[i]); };
    auto date = Date::parse(field(cDate));
    if (!date || date->precision() != DatePrecision::kDay)
      return run.malformed(path, lineNo, "bad Event Date '" + std::string(field(cDate)) + "' (want YYYY-MM-DD)");
    std::string code(field(cCode));
    if (!allDigits(code) || code.size() < 2 || code.size() > 4)
      return run.malformed(path, lineNo, "bad CAMEO Code '" + code + "'");
    std::string src(field(cSrc)), dst(field(cTgt));
    if (src.empty() || dst.empty()) return run.malformed(path, lineNo, "empty Source Name or Target Name");
    if (field(cId).empty()) return run.malformed(path, lineNo, "empty Event ID");
    // The actors a row names are stored before its code is checked.
    auto s = run.actor(src, field(cSrcCty), field(cSrcSec));
    if (s.status().code() == StatusCode::kInvalidArgument) return run.malformed(path, lineNo, s.status().message());
    if (!s) return s.status();
    auto d = run.actor(dst, field(cTgtCty), field(cTgtSec));
    if (d.status().code() == StatusCode::kInvalidArgument) return run.malformed(path, lineNo, d.status().message());
    if (!d) return d.status();
    auto ev = eventForCameo(code);
    if (!ev) return run.malformed(path, lineNo, "CAMEO Code '" + code + "' is not a CAMEO event code");
    if (s.value() == d.value())
      return run.malformed(path, lineNo, "Source Name and Target Name are the same actor ('" + src +
                                             "'); an edge cannot join an actor to itself");
    doc = "icews:" + std::string(field(cId));
    std::string desc(field(cText));
    if (desc.empty() && names) desc = names->nameOf(code);
    return run.event(s.value(), d.value(), *ev, code, date->days(), doc, 0, desc);
  });
  KG_RETURN_IF_ERROR(parsed);
  if (columns == 0) return Status::invalidArgument(path + ": empty file (an ICEWS event file starts with a header line)");
  return run.finish();
}

}  // namespace

Result<ImportSummary> Importer::run(const ImportOptions& options) {
  if (!options.epoch.known()) return Status::invalidArgument("the time epoch must be a known date");
  return options.format == ImportFormat::kTkg ? importTkg(store_, options) : importIcews(store_, options);
}

}  // namespace kg::core
