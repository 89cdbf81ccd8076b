#include "core/cameo.h"

#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <fstream>

namespace kg::core {

namespace {

struct Row {
  const char* code;
  EdgeType type;
  const char* mode;
};

constexpr EdgeType A = EdgeType::kAgree, Cs = EdgeType::kConsult, Su = EdgeType::kSupport,
                   Cc = EdgeType::kConcede, Co = EdgeType::kCooperate, Ai = EdgeType::kAid,
                   Rt = EdgeType::kRetreat, Rq = EdgeType::kRequest, Ac = EdgeType::kAccuse,
                   Rj = EdgeType::kReject, Th = EdgeType::kThreaten, Pr = EdgeType::kProtest,
                   Sa = EdgeType::kSanction, Mo = EdgeType::kMobilize, Ce = EdgeType::kCoerce,
                   As = EdgeType::kAssault;

// CAMEO code -> PLOVER type and mode, sorted by code. Root 08 is listed as
// CONCEDE (its first PLOVER reading); 084-087 are RETREAT.
constexpr Row kTable[] = {
    {"03", A, ""}, {"030", A, ""}, {"031", A, ""}, {"0311", A, ""}, {"0312", A, ""}, {"0313", A, ""},
    {"0314", A, ""}, {"032", A, ""}, {"033", A, ""}, {"0331", A, ""}, {"0332", A, ""}, {"0333", A, ""},
    {"0334", A, ""}, {"034", A, ""}, {"0341", A, ""}, {"0342", A, ""}, {"0343", A, ""}, {"0344", A, ""},
    {"035", A, ""}, {"0351", A, ""}, {"0352", A, ""}, {"0353", A, ""}, {"0354", A, ""}, {"0355", A, ""},
    {"0356", A, ""}, {"036", A, ""}, {"037", A, ""}, {"038", A, ""}, {"039", A, ""}, {"04", Cs, ""},
    {"040", Cs, ""}, {"041", Cs, "phone"}, {"042", Cs, "visit"}, {"043", Cs, "visit"},
    {"044", Cs, "third-party"}, {"045", Cs, ""}, {"046", Cs, ""}, {"05", Su, ""}, {"050", Su, ""},
    {"051", Su, ""}, {"052", Su, ""}, {"053", Su, ""}, {"054", Su, ""}, {"055", Su, ""}, {"056", Su, ""},
    {"057", Su, ""}, {"06", Co, ""}, {"060", Co, ""}, {"061", Co, ""}, {"062", Co, ""}, {"063", Co, ""},
    {"064", Co, ""}, {"07", Ai, ""}, {"070", Ai, ""}, {"071", Ai, ""}, {"072", Ai, ""}, {"073", Ai, ""},
    {"074", Ai, ""}, {"075", Ai, ""}, {"08", Cc, ""}, {"080", Cc, ""}, {"081", Cc, ""}, {"0811", Cc, ""},
    {"0812", Cc, ""}, {"0813", Rt, ""}, {"0814", Rt, ""}, {"082", Cc, ""}, {"083", Cc, ""}, {"0831", Cc, ""},
    {"0832", Cc, ""}, {"0833", Cc, ""}, {"0834", Cc, ""}, {"084", Rt, ""}, {"0841", Rt, "release"},
    {"0842", Rt, "return"}, {"085", Rt, "ease"}, {"086", Rt, "access"}, {"0861", Rt, "access"},
    {"0862", Rt, "access"}, {"0863", Rt, "access"}, {"087", Rt, "disarm"}, {"0871", Rt, "ceasefire"},
    {"0872", Rt, "withdraw"}, {"0873", Rt, "disarm"}, {"0874", Rt, "disarm"}, {"09", Ac, ""},
    {"090", Ac, "investigate"}, {"091", Ac, "investigate"}, {"092", Ac, "investigate"},
    {"093", Ac, "investigate"}, {"094", Ac, "investigate"}, {"10", Rq, ""}, {"100", Rq, ""},
    {"101", Rq, "assist"}, {"1011", Rq, "assist"}, {"1012", Rq, "assist"}, {"1013", Rq, "assist"},
    {"1014", Rq, "assist"}, {"102", Rq, "assist"}, {"103", Rq, "assist"}, {"1031", Rq, "assist"},
    {"1032", Rq, "assist"}, {"1033", Rq, "assist"}, {"1034", Rq, "assist"}, {"104", Rq, "change"},
    {"1041", Rq, "change"}, {"1042", Rq, "change"}, {"1043", Rq, "change"}, {"1044", Rq, "change"},
    {"105", Rq, "change"}, {"1051", Rq, "yield"}, {"1052", Rq, "yield"}, {"1053", Rq, "yield"},
    {"1054", Rq, "yield"}, {"1055", Rq, "yield"}, {"1056", Rq, "yield"}, {"106", Rq, "meet"},
    {"107", Rq, "meet"}, {"108", Rq, "meet"}, {"11", Ac, ""}, {"110", Ac, "disapprove"},
    {"111", Ac, "disapprove"}, {"112", Ac, "disapprove"}, {"1121", Ac, "allege"}, {"1122", Ac, "allege"},
    {"1123", Ac, "allege"}, {"1124", Ac, "allege"}, {"1125", Ac, "allege"}, {"113", Ac, "disapprove"},
    {"114", Ac, "allege"}, {"115", Ac, "allege"}, {"116", Ac, "disapprove"}, {"12", Rj, ""}, {"120", Rj, ""},
    {"121", Rj, "assist"}, {"1211", Rj, "assist"}, {"1212", Rj, "assist"}, {"1213", Rj, "assist"},
    {"1214", Rj, "assist"}, {"122", Rj, "assist"}, {"1221", Rj, "assist"}, {"1222", Rj, "assist"},
    {"1223", Rj, "assist"}, {"1224", Rj, "assist"}, {"123", Rj, "change"}, {"1231", Rj, "change"},
    {"1232", Rj, "change"}, {"1233", Rj, "change"}, {"1234", Rj, "change"}, {"124", Rj, "change"},
    {"1241", Rj, "change"}, {"1242", Rj, "change"}, {"1243", Rj, "yield"}, {"1244", Rj, "yield"},
    {"1245", Rj, "yield"}, {"1246", Rj, "yield"}, {"125", Rj, "meet"}, {"126", Rj, "meet"}, {"127", Rj, "meet"},
    {"128", Rj, "yield"}, {"129", Rj, "yield"}, {"13", Th, ""}, {"130", Th, ""}, {"131", Th, ""},
    {"1311", Th, "relations"}, {"1312", Th, "restrict"}, {"1313", Th, "relations"}, {"132", Th, "ban"},
    {"1321", Th, "political"}, {"1322", Th, "ban"}, {"1323", Th, "restrict"}, {"1324", Th, "restrict"},
    {"133", Th, "relations"}, {"134", Th, "relations"}, {"135", Th, "relations"}, {"136", Th, "expel"},
    {"137", Th, "violence"}, {"138", Th, "violence"}, {"1381", Th, "restrict"}, {"1382", Th, "territory"},
    {"1383", Th, "violence"}, {"1384", Th, "violence"}, {"1385", Th, "violence"}, {"139", Th, "relations"},
    {"14", Pr, ""}, {"140", Pr, ""}, {"141", Pr, "demo"}, {"1411", Pr, "demo"}, {"1412", Pr, "demo"},
    {"1413", Pr, "demo"}, {"1414", Pr, "demo"}, {"142", Pr, "hunger"}, {"1421", Pr, "hunger"},
    {"1422", Pr, "hunger"}, {"1423", Pr, "hunger"}, {"1424", Pr, "hunger"}, {"143", Pr, "boycott"},
    {"1431", Pr, "boycott"}, {"1432", Pr, "boycott"}, {"1433", Pr, "boycott"}, {"1434", Pr, "boycott"},
    {"144", Pr, "obstruct"}, {"1441", Pr, "obstruct"}, {"1442", Pr, "obstruct"}, {"1443", Pr, "obstruct"},
    {"1444", Pr, "obstruct"}, {"145", Pr, "riot"}, {"1451", Pr, "riot"}, {"1452", Pr, "riot"},
    {"1453", Pr, "riot"}, {"1454", Pr, "riot"}, {"15", Mo, ""}, {"150", Mo, ""}, {"151", Mo, "police"},
    {"152", Mo, "troops"}, {"153", Mo, "police"}, {"154", Mo, "troops"}, {"16", Sa, ""}, {"160", Sa, ""},
    {"161", Sa, "withdraw"}, {"162", Sa, "discontinue"}, {"1621", Sa, "discontinue"},
    {"1622", Sa, "discontinue"}, {"1623", Sa, "discontinue"}, {"163", Ce, "restrict"}, {"164", Sa, "withdraw"},
    {"165", Sa, "withdraw"}, {"166", Sa, "expel"}, {"1661", Sa, "expel"}, {"1662", Sa, "expel"},
    {"1663", Sa, "expel"}, {"17", Ce, ""}, {"170", Ce, ""}, {"171", Ce, "seize"}, {"1711", Ce, "seize"},
    {"1712", As, "seize"}, {"172", Ce, "restrict"}, {"1721", Ce, "restrict"}, {"1722", Ce, "ban"},
    {"1723", Ce, "curfew"}, {"1724", Ce, "martial-law"}, {"173", Ce, "arrest"}, {"174", Ce, "deport"},
    {"175", As, "pro_autocracy"}, {"18", As, ""}, {"180", As, ""}, {"181", As, "abduct"}, {"182", As, "beat"},
    {"1821", As, "sexual"}, {"1822", As, "torture"}, {"1823", As, ""}, {"183", As, "suicide-attack"},
    {"1831", As, "suicide-attack"}, {"1832", As, "explosives"}, {"1833", As, "explosives"},
    {"184", As, "abduct"}, {"185", As, "assassinate"}, {"186", As, "assassinate"}, {"19", As, ""},
    {"190", As, ""}, {"191", Ce, "restrict"}, {"192", Ce, "seize"}, {"193", As, "firearms"},
    {"194", As, "heavy-weapons"}, {"195", As, "heavy-weapons"}, {"196", As, ""}, {"20", As, ""},
    {"200", As, "massacre"}, {"201", As, "cleansing"}, {"202", As, "massacre"}, {"203", As, "cleansing"},
    {"204", As, "unconventional"}, {"2041", As, "unconventional"}, {"2042", As, "unconventional"},
};

const std::unordered_map<std::string_view, const Row*>& table() {
  static const std::unordered_map<std::string_view, const Row*> map = [] {
    std::unordered_map<std::string_view, const Row*> m;
    for (const Row& r : kTable) m.emplace(r.code, &r);
    return m;
  }();
  return map;
}

}  // namespace

std::optional<PloverEvent> ploverForCameo(std::string_view code) {
  if (code.empty() || code.size() > 4) return std::nullopt;
  for (char c : code)
    if (c < '0' || c > '9') return std::nullopt;
  const auto& t = table();
  while (code.size() >= 2) {
    auto it = t.find(code);
    if (it != t.end()) return PloverEvent{it->second->type, it->second->mode, it->second->code};
    code.remove_suffix(1);
  }
  return std::nullopt;
}

std::string foldEventName(std::string_view name) {
  std::string out;
  bool space = false;
  for (unsigned char c : name) {
    if (std::isalnum(c)) {
      if (space && !out.empty()) out.push_back(' ');
      space = false;
      out.push_back(static_cast<char>(std::tolower(c)));
    } else {
      space = true;
    }
  }
  return out;
}

Result<std::string> cameoDirectory(const std::string& explicitDir, const std::vector<std::string>& candidates) {
  namespace fs = std::filesystem;
  const char* kFile = "cameo_codes_goldstein.tsv";
  if (!explicitDir.empty()) return explicitDir;
  const char* env = std::getenv("KG_CAMEO_DIR");
  if (env && *env) return std::string(env);
  std::string tried;
  for (const auto& c : candidates) {
    std::error_code ec;
    if (fs::exists(fs::path(c) / kFile, ec)) return c;
    tried += (tried.empty() ? "" : ", ") + c;
  }
  return Status::notFound(std::string("no CAMEO code list (") + kFile + ") found in " + tried +
                          "; pass --cameo-dir DIR or set KG_CAMEO_DIR");
}

Result<CameoNames> CameoNames::load(const std::string& dir) {
  const std::string path = (std::filesystem::path(dir) / "cameo_codes_goldstein.tsv").string();
  std::ifstream in(path);
  if (!in) return Status::notFound("cannot read the CAMEO code list " + path);
  CameoNames names;
  std::string line;
  size_t lineNo = 0;
  while (std::getline(in, line)) {
    ++lineNo;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || (lineNo == 1 && line.rfind("code\t", 0) == 0)) continue;
    auto tab = line.find('\t');
    if (tab == std::string::npos)
      return Status::invalidArgument(path + ":" + std::to_string(lineNo) + ": expected code<TAB>name, got '" + line + "'");
    auto tab2 = line.find('\t', tab + 1);
    std::string code = line.substr(0, tab);
    std::string name = line.substr(tab + 1, tab2 == std::string::npos ? std::string::npos : tab2 - tab - 1);
    // A root's label ("THREATEN", 13) folds like its first code's name
    // ("Threaten", 130); event data means the specific code.
    auto [it, added] = names.byName_.emplace(foldEventName(name), code);
    if (!added && code.size() > it->second.size()) it->second = code;
    names.byCode_.emplace(code, name);
  }
  return names;
}

std::optional<std::string> CameoNames::codeOf(std::string_view name) const {
  auto it = byName_.find(foldEventName(name));
  if (it == byName_.end()) return std::nullopt;
  return it->second;
}

std::string CameoNames::nameOf(std::string_view code) const {
  auto it = byCode_.find(std::string(code));
  return it == byCode_.end() ? std::string() : it->second;
}

}  // namespace kg::core
