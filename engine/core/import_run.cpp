#include "core/import_run.h"

#include <algorithm>
#include <cassert>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "extract/actors/name_fold.h"

namespace kg::core::importing {

namespace fs = std::filesystem;

int64_t firstImportDay() { return Date::day(1, 1, 1).days(); }
int64_t lastImportDay() { return Date::day(9999, 12, 31).days(); }

double secondsSince(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }

Result<std::string> readWholeFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::notFound("cannot read '" + path + "'");
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string_view firstLine(std::string_view text) {
  std::string_view line = text.substr(0, text.find('\n'));
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  return line;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

std::vector<std::string_view> splitOn(std::string_view line, char sep) {
  std::vector<std::string_view> out;
  size_t pos = 0;
  while (true) {
    size_t t = line.find(sep, pos);
    out.push_back(line.substr(pos, t == std::string_view::npos ? std::string_view::npos : t - pos));
    if (t == std::string_view::npos) break;
    pos = t + 1;
  }
  return out;
}

bool splitQuoted(std::string_view line, char sep, std::vector<std::string>* out, std::string* error) {
  out->clear();
  size_t i = 0;
  while (true) {
    std::string field;
    if (i < line.size() && line[i] == '"') {
      const size_t open = i++;
      while (true) {
        if (i >= line.size()) {
          *error = "unterminated quote opened at column " + std::to_string(open + 1);
          return false;
        }
        if (line[i] == '"') {
          if (i + 1 < line.size() && line[i + 1] == '"') {
            field.push_back('"');
            i += 2;
            continue;
          }
          ++i;
          break;
        }
        field.push_back(line[i++]);
      }
      if (i < line.size() && line[i] != sep) {
        *error = "text after a closing quote at column " + std::to_string(i + 1);
        return false;
      }
    } else {
      const size_t end = std::min(line.find(sep, i), line.size());
      field.assign(line.substr(i, end - i));
      i = end;
    }
    out->push_back(std::move(field));
    if (i >= line.size()) return true;
    ++i;  // the separator
  }
}

bool isNumber(std::string_view s) {
  size_t i = 0;
  if (i < s.size() && (s[i] == '-' || s[i] == '+')) ++i;
  size_t digits = 0;
  while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) ++i, ++digits;
  if (i < s.size() && s[i] == '.') {
    ++i;
    while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) ++i, ++digits;
  }
  if (digits == 0) return false;
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    if (i < s.size() && (s[i] == '-' || s[i] == '+')) ++i;
    size_t exp = 0;
    while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) ++i, ++exp;
    if (exp == 0) return false;
  }
  return i == s.size();
}

bool allDigits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

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

std::vector<std::string> cameoCandidates(const std::string& dataPath) {
  fs::path p = fs::absolute(dataPath).lexically_normal();
  std::vector<std::string> c;
  // <data>/tkg/<set> or <data>/icews/<file>: the sibling cameo/ folder.
  for (fs::path up = p; up.has_parent_path() && up != up.parent_path(); up = up.parent_path())
    c.push_back((up / "cameo").string());
  c.push_back("../shared/data/cameo");
  return c;
}

std::optional<CameoNames> loadCameoNamesIfFound(const ImportOptions& opt) {
  auto dir = cameoDirectory(opt.cameoDir, cameoCandidates(opt.path));
  if (!dir) return std::nullopt;
  auto names = CameoNames::load(dir.value());
  if (!names) return std::nullopt;
  return std::move(names).value();
}

Status ImportRun::begin() {
  start_ = Clock::now();
  auto stats = store_.stats();
  if (!stats) return stats.status();
  storeHasActors_ = stats->actors > 0;
  // Names of actors a curator removed still mean them (core/actor_identity.h).
  KG_RETURN_IF_ERROR(store_.scanRemovedActors([&](ActorId) {
    storeHasActors_ = true;
    return storage::Scan::kStop;
  }));
  identity_ = std::make_unique<ActorIdentity>(store_);
  auto loader = store_.newBulkLoader();
  if (!loader) return loader.status();
  loader_ = std::move(loader).value();
  pipeline_ = std::make_unique<LoadPipeline>(*loader_);
  return Status::ok();
}

Status ImportRun::malformed(const std::string& where, size_t line, const std::string& what) {
  std::string msg = where + ":" + std::to_string(line) + ": " + printable(what);
  if (opt_.strict) return Status::invalidArgument(msg + " (--strict: nothing was imported)");
  ++sum_.malformed;
  if (sum_.examples.size() < opt_.maxExamples) sum_.examples.push_back(std::move(msg));
  return Status::ok();
}

Result<ActorId> ImportRun::actor(const std::string& name, std::string_view country, std::string_view sectors,
                                 std::string_view code) {
  auto it = actors_.find(name);
  if (it != actors_.end()) return it->second;
  auto keys = extract::nameKeys(name);
  if (keys.empty()) return Status::invalidArgument("actor name '" + name + "' has no letters or digits");
  Actor a;
  a.name = name;
  a.kind = guessActorKind(name, country, sectors);
  auto sector = splitSectorName(name);
  if (sector)
    a.country = sector->second;
  else if (auto open = name.rfind('('); open != std::string::npos && name.back() == ')')
    a.country = std::string(trim(std::string_view(name).substr(open + 1, name.size() - open - 2)));
  else if (a.kind == ActorKind::kState)
    a.country = name;
  else
    a.country = std::string(country);
  if (storeHasActors_) {
    // One identity for every source (core/actor_identity.h): the stored
    // actor this name means, if any.
    ActorClaim claim;
    claim.name = name;
    claim.kind = a.kind;
    claim.kindGuessed = true;
    if (country.size() == 3 && std::all_of(country.begin(), country.end(), [](char c) { return std::isupper(static_cast<unsigned char>(c)); }))
      claim.countryCode = country;
    claim.actorCode = code;
    auto found = identity_->find(claim);
    if (!found) return found.status();
    if (found->has_value()) {
      actors_.emplace(name, **found);
      return **found;
    }
  }
  auto id = loader_->putActor(std::move(a), keys);
  if (!id) return id.status();
  actors_.emplace(name, id.value());
  if (sector && opt_.sectorLinks) KG_RETURN_IF_ERROR(partOfCountry(id.value(), sector->second));
  return id.value();
}

Status ImportRun::partOfCountry(ActorId sectorActor, const std::string& country) {
  // "Citizen (India)" is part of India: the state, found or made like any
  // other actor the rows name.
  auto state = actor(country, country, {});
  if (!state) return state.status();
  if (state.value() == sectorActor) return Status::ok();
  // Through the pipeline like the events, so that edge ids follow the rows.
  auto slot = pipeline_->slot();
  if (!slot) return slot.status();
  Edge& e = **slot;
  e.src = sectorActor;
  e.dst = state.value();
  e.type = EdgeType::kPartOf;
  e.mode.clear();
  e.cameo.clear();
  e.title.clear();
  e.srcCode.clear();
  e.dstCode.clear();
  e.when = DateRange();
  e.confidence = 1.0f;
  e.evidence.clear();
  ++sectorLinks_;
  return Status::ok();
}

void ImportRun::noActorPair(const std::string& where, size_t line, const std::string& what) {
  ++sum_.noActorPair;
  if (sum_.noActorPairExamples.size() < opt_.maxExamples)
    sum_.noActorPairExamples.push_back(where + ":" + std::to_string(line) + ": " + printable(what));
}

Status ImportRun::event(ActorId src, ActorId dst, const PloverEvent& ev, std::string_view cameo, const Date& date,
                        const std::string& doc, uint32_t sentence, const std::string& text, Attributes attributes) {
  // A reused edge: every field putEdge reads is set (strings keep their
  // capacity, so a bulk import allocates little per row).
  auto slot = pipeline_->slot();
  if (!slot) return slot.status();
  Edge& e = **slot;
  e.src = src;
  e.dst = dst;
  e.type = ev.type;
  e.mode.assign(ev.mode);
  e.cameo.assign(cameo);
  e.title.clear();
  e.srcCode.clear();
  e.dstCode.clear();
  e.when = DateRange::point(date);
  e.confidence = 1.0f;
  e.evidence.resize(opt_.evidence ? 1 : 0);
  if (opt_.evidence) {
    Evidence& r = e.evidence[0];
    r.doc = doc;
    r.sentence = sentence;
    r.begin = r.end = 0;
    r.text = text;
    r.attributes = std::move(attributes);
  }
  ++events_;
  return Status::ok();
}

Result<ImportSummary> ImportRun::finish() {
  // Every edge merged: the loader is this thread's again.
  KG_RETURN_IF_ERROR(pipeline_->close());
  sum_.parseSeconds = secondsSince(start_);
  if (opt_.progress) opt_.progress(sum_.rows);
  if (opt_.writing) opt_.writing();
  auto t = Clock::now();
  auto st = loader_->finish();
  if (!st) return st.status();
  sum_.writeSeconds = secondsSince(t);
  // Each event carries exactly one evidence record keyed by its row (doc,
  // line or event id): the event is stored when that record is new, and was
  // already present otherwise (a re-import, a repeated row). Without
  // evidence an event is stored when it made a new edge.
  // Sector links (PART_OF, no evidence; each one new, as its sector actor
  // is) are not events.
  sum_.stored = opt_.evidence ? st->evidenceAdded : st->edgesAdded - std::min<uint64_t>(st->edgesAdded, sectorLinks_);
  assert(sum_.stored <= events_);
  sum_.merged = events_ - sum_.stored;
  assert(sum_.rows == sum_.stored + sum_.merged + sum_.noActorPair + sum_.malformed);
  return sum_;
}

}  // namespace kg::core::importing
