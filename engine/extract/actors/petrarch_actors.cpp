#include "extract/actors/petrarch_actors.h"

#include <cctype>
#include <fstream>
#include <sstream>
#include <unordered_map>

#include "extract/actors/name_fold.h"
#include "extract/lexicon/dictionary_lines.h"

namespace kg::extract {
namespace {

// "AL_'IRAQ_" -> "Al 'Iraq": underscores to spaces, words in title case.
std::string phraseToName(std::string_view p) {
  std::string out;
  bool wordStart = true;
  for (char c : p) {
    if (c == '_' || c == ' ') {
      if (!out.empty() && out.back() != ' ') out += ' ';
      wordStart = true;
      continue;
    }
    const auto u = static_cast<unsigned char>(c);
    if (std::isalpha(u)) {
      out += static_cast<char>(wordStart ? std::toupper(u) : std::tolower(u));
      wordStart = false;
    } else {
      out += c;
      if (c == '-') wordStart = true;
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

// YYYYMMDD or YYMMDD (years <= 40 are 20YY).
std::optional<Date> parseCodeDate(std::string_view s) {
  s = trimBlanks(s);
  for (char c : s) {
    if (!std::isdigit(static_cast<unsigned char>(c))) return std::nullopt;
  }
  int y = 0, m = 0, d = 0;
  if (s.size() == 8) {
    y = std::stoi(std::string(s.substr(0, 4)));
    m = std::stoi(std::string(s.substr(4, 2)));
    d = std::stoi(std::string(s.substr(6, 2)));
  } else if (s.size() == 6) {
    y = std::stoi(std::string(s.substr(0, 2)));
    y += y <= 40 ? 2000 : 1900;
    m = std::stoi(std::string(s.substr(2, 2)));
    d = std::stoi(std::string(s.substr(4, 2)));
  } else {
    return std::nullopt;
  }
  if (!isValidCivil({y, m, d})) return std::nullopt;
  return Date::day(y, m, d);
}

std::string roleTitle(std::string_view role) {
  static const std::unordered_map<std::string_view, const char*> kRoles = {
      {"GOV", "Government"}, {"MIL", "Military"},    {"LEG", "Legislature"}, {"JUD", "Judiciary"},
      {"COP", "Police"},     {"SPY", "Intelligence"}, {"ELI", "Elite"},       {"MED", "Media"},
      {"OPP", "Opposition"}, {"REB", "Rebel"},        {"BUS", "Business"},    {"PTY", "Party"},
      {"HLH", "Health"},     {"EDU", "Education"},   {"CVL", "Civilian"},    {"LAB", "Labour"}};
  const std::string_view head = role.substr(0, 3);
  if (auto it = kRoles.find(head); it != kRoles.end()) return it->second;
  return std::string(role);
}

struct Restriction {
  std::string code;
  Date from;
  Date to;
  bool dated = false;
};

struct Record {
  std::string name;
  std::vector<std::string> aliases;
  std::string defaultCode;
  std::vector<Restriction> restrictions;
  std::string origin;
};

// Parses "[CODE ...]" restrictions; returns false on an unclosed bracket.
bool parseBracket(std::string_view s, Restriction* r, const std::string& where, std::vector<std::string>* warnings) {
  const size_t open = s.find('[');
  const size_t close = s.find(']', open);
  if (close == std::string_view::npos) return false;
  std::string_view body = trimBlanks(s.substr(open + 1, close - open - 1));
  const size_t sp = body.find_first_of(" \t");
  r->code = std::string(body.substr(0, sp));
  if (sp == std::string_view::npos) return true;
  std::string_view spec = trimBlanks(body.substr(sp + 1));
  std::string compact;
  for (char c : spec) {
    if (!std::isspace(static_cast<unsigned char>(c))) compact += c;
  }
  r->dated = true;
  auto bad = [&] { if (warnings) warnings->push_back(where + ": date '" + compact + "' not understood; bound dropped"); };
  if (!compact.empty() && compact[0] == '<') {
    if (auto d = parseCodeDate(compact.substr(1))) r->to = *d; else bad();
  } else if (!compact.empty() && compact[0] == '>') {
    if (auto d = parseCodeDate(compact.substr(1))) r->from = *d; else bad();
  } else if (const size_t dash = compact.find('-'); dash != std::string::npos) {
    if (auto d = parseCodeDate(compact.substr(0, dash))) r->from = *d; else bad();
    if (auto d = parseCodeDate(compact.substr(dash + 1))) r->to = *d; else bad();
  } else {
    bad();
  }
  return true;
}

void commit(Record& rec, Catalog* catalog, std::unordered_map<std::string, size_t>* stateByCode,
            std::string_view origin) {
  if (rec.name.empty()) return;
  bool anyDated = false;
  for (const auto& r : rec.restrictions) anyDated = anyDated || r.dated;
  std::string code = rec.defaultCode;
  if (code.empty()) {
    for (const auto& r : rec.restrictions) {
      if (!r.dated) code = r.code;
    }
  }
  Actor a;
  a.name = rec.name;
  a.aliases = rec.aliases;
  if (!code.empty()) a.attributes["cameo"] = code;
  // Every dated code, "CODE FROM TO" ('-' for an open bound) joined by ';':
  // the code an actor had on a given day (cameoCodeOn).
  std::string dated;
  for (const auto& r : rec.restrictions) {
    if (!r.dated) continue;
    if (!dated.empty()) dated += ';';
    dated += r.code + ' ' + (r.from.known() ? r.from.toString() : "-") + ' ' + (r.to.known() ? r.to.toString() : "-");
  }
  if (!dated.empty()) a.attributes["cameo.dated"] = dated;
  const std::string any = !code.empty() ? code : (rec.restrictions.empty() ? "" : rec.restrictions.front().code);
  if (any.size() >= 3 && any.compare(0, 3, "IGO") != 0 && any.compare(0, 3, "NGO") != 0 && any.compare(0, 3, "MNC") != 0)
    a.country = any.substr(0, 3);
  bool onlyCountryCodes = !rec.restrictions.empty();
  for (const auto& r : rec.restrictions) onlyCountryCodes = onlyCountryCodes && r.code.size() == 3;
  if ((code.size() == 3 && !anyDated) || (code.empty() && onlyCountryCodes)) a.kind = ActorKind::kState;
  else if (any.rfind("IGO", 0) == 0 || any.rfind("NGO", 0) == 0) a.kind = ActorKind::kOrganisation;
  else if (any.find("REB") != std::string::npos || any.find("INS") != std::string::npos || any.find("UAF") != std::string::npos)
    a.kind = ActorKind::kArmedGroup;
  else if (anyDated) a.kind = ActorKind::kPerson;
  else a.kind = ActorKind::kOther;

  // Merge with a known actor when the name already exists (strict key), or
  // its skeleton matches exactly one known actor of the same kind.
  size_t idx = kNoActor;
  if (auto found = catalog->findByName(a.name)) {
    idx = *found;
  } else if (auto sk = catalog->findBySkeleton(a.name);
             sk && a.kind == ActorKind::kPerson && catalog->actors()[*sk].actor.kind == ActorKind::kPerson) {
    idx = *sk;
  }
  if (idx != kNoActor) {
    Actor merge = a;
    merge.name = catalog->actors()[idx].actor.name;
    merge.aliases.push_back(a.name);
    merge.kind = catalog->actors()[idx].actor.kind;
    catalog->addActor(merge, rec.origin);
  } else {
    idx = catalog->addActor(a, rec.origin);
  }
  if (a.kind == ActorKind::kState && code.size() == 3) stateByCode->emplace(code, idx);
  // A state's dated codes name its own regimes, not offices.
  if (catalog->actors()[idx].actor.kind == ActorKind::kState || a.kind == ActorKind::kState) {
    rec = Record{};
    return;
  }
  for (const auto& r : rec.restrictions) {
    if (!r.dated || r.code.size() < 3) continue;
    const std::string cc = r.code.substr(0, 3);
    size_t target = kNoActor;
    if (auto it = stateByCode->find(cc); it != stateByCode->end()) {
      target = it->second;
    } else {
      for (size_t i = 0; i < catalog->actors().size(); ++i) {
        const auto& ca = catalog->actors()[i];
        if (ca.actor.kind == ActorKind::kState && (ca.actor.country == cc || (ca.actor.attributes.count("code") && ca.actor.attributes.at("code") == cc))) {
          target = i;
          break;
        }
      }
      if (target == kNoActor) {
        Actor s;
        s.name = cc;
        s.kind = ActorKind::kState;
        s.country = cc;
        target = catalog->addActor(s, origin);
      }
      stateByCode->emplace(cc, target);
    }
    if (target == idx) continue;
    CatalogRelation rel;
    rel.type = EdgeType::kOfficialOf;
    rel.target = target;
    rel.targetName = catalog->actors()[target].actor.name;
    rel.title = roleTitle(r.code.substr(3));
    rel.from = r.from;
    rel.to = r.to;
    rel.origin = rec.origin;
    catalog->addRelation(idx, std::move(rel));
  }
  rec = Record{};
}

}  // namespace

Status parsePetrarch(std::string_view text, std::string_view origin, Catalog* catalog,
                     std::vector<std::string>* warnings) {
  std::unordered_map<std::string, size_t> stateByCode;
  Record rec;
  bool haveRecord = false;
  size_t pos = 0, lineNo = 0;
  while (pos <= text.size()) {
    const size_t nl = text.find('\n', pos);
    std::string_view raw = text.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos);
    pos = nl == std::string_view::npos ? text.size() + 1 : nl + 1;
    ++lineNo;
    const std::string where = std::string(origin) + ":" + std::to_string(lineNo);
    const size_t hash = raw.find('#');
    std::string_view line = raw.substr(0, hash);
    if (trimBlanks(line).empty()) continue;
    const bool restriction = line.front() == '\t' || line.front() == ' ';
    const std::string_view body = trimBlanks(line);
    if (restriction || body.front() == '[') {
      if (!haveRecord) return Status::invalidArgument(where + ": code restriction before any actor phrase: '" + std::string(body) + "'");
      if (body.front() != '[') {  // a stray indented phrase: treat as a synonym
        rec.aliases.push_back(phraseToName(body.front() == '+' ? body.substr(1) : body));
        continue;
      }
      Restriction r;
      if (!parseBracket(body, &r, where, warnings)) return Status::invalidArgument(where + ": unclosed '[' in '" + std::string(body) + "'");
      rec.restrictions.push_back(std::move(r));
      continue;
    }
    if (body.front() == '+') {
      if (!haveRecord) return Status::invalidArgument(where + ": synonym before any actor phrase: '" + std::string(body) + "'");
      std::string_view syn = body.substr(1);
      const size_t br = syn.find('[');
      const std::string name = phraseToName(trimBlanks(syn.substr(0, br)));
      if (!name.empty() && !nameKeys(name).empty()) rec.aliases.push_back(name);
      continue;
    }
    // A primary phrase, with an optional default code; ';' starts a comment.
    if (haveRecord) commit(rec, catalog, &stateByCode, origin);
    haveRecord = true;
    rec.origin = where;
    std::string_view phrase = body.substr(0, body.find(';'));
    const size_t br = phrase.find('[');
    if (br != std::string_view::npos) {
      Restriction r;
      if (!parseBracket(phrase.substr(br), &r, where, warnings)) return Status::invalidArgument(where + ": unclosed '[' in '" + std::string(body) + "'");
      if (r.dated) rec.restrictions.push_back(r);
      else rec.defaultCode = r.code;
      phrase = phrase.substr(0, br);
    }
    rec.name = phraseToName(trimBlanks(phrase));
    if (nameKeys(rec.name).empty()) {
      if (warnings) warnings->push_back(where + ": phrase without letters skipped");
      rec.name.clear();
    }
  }
  if (haveRecord) commit(rec, catalog, &stateByCode, origin);
  return Status::ok();
}

Status loadPetrarchFile(const std::string& path, Catalog* catalog, std::vector<std::string>* warnings) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::notFound("cannot open PETRARCH dictionary '" + path + "'");
  std::ostringstream ss;
  ss << in.rdbuf();
  return parsePetrarch(ss.str(), path, catalog, warnings);
}

std::string cameoCodeOn(const Actor& actor, Date day) {
  if (auto it = actor.attributes.find("cameo.dated"); it != actor.attributes.end() && day.known()) {
    std::string_view rest = it->second;
    while (!rest.empty()) {
      const size_t semi = rest.find(';');
      std::string_view item = rest.substr(0, semi);
      rest = semi == std::string_view::npos ? std::string_view() : rest.substr(semi + 1);
      const size_t a = item.find(' '), b = item.rfind(' ');
      if (a == std::string_view::npos || b == a) continue;
      auto from = Date::parse(item.substr(a + 1, b - a - 1));
      auto to = Date::parse(item.substr(b + 1));
      const bool afterFrom = !from.isOk() || from->days() <= day.days();
      const bool beforeTo = !to.isOk() || day.days() <= to->days();
      if (afterFrom && beforeTo) return std::string(item.substr(0, a));
    }
  }
  auto it = actor.attributes.find("cameo");
  return it == actor.attributes.end() ? std::string() : it->second;
}

}  // namespace kg::extract
