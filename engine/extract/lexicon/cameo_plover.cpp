#include "extract/lexicon/cameo_plover.h"

#include <cassert>
#include <string>
#include <unordered_map>

#include "extract/lexicon/dictionary_lines.h"

namespace kg::extract {
namespace {

struct Row {
  std::string_view code;
  bool hasEvent = false;
  EdgeType type = EdgeType::kConsult;
  std::string_view mode;
};

bool isDigits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

// The embedded table is project data checked by the tests (every line must
// parse), so a malformed line is a bug: asserted, and skipped in release.
std::unordered_map<std::string_view, Row> parseTable() {
  std::unordered_map<std::string_view, Row> rows;
  std::string_view text = cameoPloverTableText();
  while (!text.empty()) {
    const size_t nl = text.find('\n');
    std::string_view line = text.substr(0, nl);
    text = nl == std::string_view::npos ? std::string_view{} : text.substr(nl + 1);
    line = trimBlanks(line);
    if (line.empty() || line.front() == '#') continue;
    std::string_view fields[3];
    size_t n = 0;
    while (n < 3) {
      const size_t tab = line.find('\t');
      fields[n++] = trimBlanks(line.substr(0, tab));
      if (tab == std::string_view::npos) break;
      line = line.substr(tab + 1);
    }
    assert(n == 3 && isDigits(fields[0]) && "cameo_plover.txt: CODE<TAB>TYPE<TAB>mode");
    if (n != 3 || !isDigits(fields[0])) continue;
    Row row{fields[0], false, EdgeType::kConsult, fields[2] == "-" ? std::string_view{} : fields[2]};
    if (fields[1] != "-") {
      auto type = parseEdgeType(fields[1]);
      assert(type.isOk() && isPloverType(*type) && "cameo_plover.txt: not a PLOVER type");
      if (!type.isOk() || !isPloverType(*type)) continue;
      row.hasEvent = true;
      row.type = *type;
    }
    rows.emplace(row.code, row);
  }
  return rows;
}

const std::unordered_map<std::string_view, Row>& table() {
  static const std::unordered_map<std::string_view, Row> rows = parseTable();
  return rows;
}

}  // namespace

std::optional<PloverEvent> ploverForCameo(std::string_view code) {
  if (code.size() < 2 || code.size() > 4 || !isDigits(code)) return std::nullopt;
  const auto& t = table();
  for (; code.size() >= 2; code.remove_suffix(1)) {
    auto it = t.find(code);
    if (it == t.end()) continue;
    if (!it->second.hasEvent) return std::nullopt;
    return PloverEvent{it->second.type, it->second.mode, it->second.code};
  }
  return std::nullopt;
}

bool doneToThirdParty(std::string_view code) {
  return code.starts_with("042") || code.starts_with("043") || code.starts_with("045");
}

bool isCameoCode(std::string_view code) {
  return code.size() >= 2 && code.size() <= 4 && isDigits(code) && table().count(code) > 0;
}

std::optional<PloverEvent> eventForCameo(std::string_view code) {
  if (auto ev = ploverForCameo(code)) return ev;
  if (code.size() < 2 || code.size() > 4 || !isDigits(code)) return std::nullopt;
  const auto& t = table();
  std::string_view known = code;
  while (known.size() >= 2 && t.count(known) == 0) known.remove_suffix(1);
  if (known.size() < 2) return std::nullopt;
  const std::string_view stored = t.find(known)->second.code;  // static storage
  const std::string_view root = code.substr(0, 2);
  if (root == "01") return PloverEvent{EdgeType::kStatement, {}, stored};
  if (root != "02") return std::nullopt;
  // The demand twin: 02xy -> 10xy.
  std::string twin = "10";
  twin.append(known.substr(2));
  const auto demand = ploverForCameo(twin);
  return PloverEvent{EdgeType::kRequest, demand ? demand->mode : std::string_view{}, stored};
}

}  // namespace kg::extract
