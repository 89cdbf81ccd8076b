#include "core/cameo.h"

#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <fstream>

namespace kg::core {

std::optional<PloverEvent> ploverForCameo(std::string_view code) { return extract::ploverForCameo(code); }

std::optional<PloverEvent> eventForCameo(std::string_view code) { return extract::eventForCameo(code); }

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
