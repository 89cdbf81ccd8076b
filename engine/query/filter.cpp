#include "query/filter.h"

#include <algorithm>
#include <cmath>

namespace kg::query {

const char* directionName(Direction d) {
  switch (d) {
    case Direction::kOut: return "out";
    case Direction::kIn: return "in";
    case Direction::kBoth: return "both";
  }
  return "both";
}

Result<Direction> parseDirection(std::string_view s) {
  if (s == "out") return Direction::kOut;
  if (s == "in") return Direction::kIn;
  if (s == "both") return Direction::kBoth;
  return Status::invalidArgument("unknown direction '" + std::string(s) + "'; use out, in or both");
}

namespace {
bool isCameoPrefix(std::string_view s) {
  return !s.empty() && s.size() <= 4 && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}
Status badCameo(std::string_view value) {
  return Status::invalidArgument("'" + std::string(value) +
                                 "' is not a CAMEO code or prefix (1 to 4 digits, e.g. 19 or 0211)");
}
}  // namespace

Result<std::vector<std::string>> parseCameoList(std::string_view text) {
  std::vector<std::string> out;
  if (text.empty()) return out;
  size_t pos = 0;
  while (true) {
    const size_t comma = text.find(',', pos);
    const std::string_view item = text.substr(pos, comma == std::string_view::npos ? std::string_view::npos : comma - pos);
    if (item.empty())
      return Status::invalidArgument("empty CAMEO code in '" + std::string(text) +
                                     "' (a comma-separated list of codes or prefixes of 1 to 4 digits, e.g. 19,0211)");
    if (!isCameoPrefix(item)) return badCameo(item);
    out.emplace_back(item);
    if (comma == std::string_view::npos) break;
    pos = comma + 1;
  }
  return out;
}

bool cameoMatches(const std::vector<std::string>& prefixes, std::string_view code) {
  if (prefixes.empty()) return true;
  for (const auto& p : prefixes)
    if (code.size() >= p.size() && code.substr(0, p.size()) == p) return true;
  return false;
}

Result<EdgePredicate> EdgePredicate::compile(const Filter& f) {
  EdgePredicate p;
  for (const auto& c : f.cameo) {
    if (!isCameoPrefix(c)) return badCameo(c);
    p.cameo_.push_back(graph::packCameo(c));
  }
  if (!(f.minConfidence >= 0.0f && f.minConfidence <= 1.0f))
    return Status::invalidArgument("minimum confidence " + std::to_string(f.minConfidence) +
                                   " is outside 0..1");
  if (f.fromDay && f.toDay && *f.toDay < *f.fromDay)
    return Status::invalidArgument("window end " + Date::fromDays(*f.toDay, DatePrecision::kDay).toString() +
                                   " is before its start " +
                                   Date::fromDays(*f.fromDay, DatePrecision::kDay).toString());
  if (!f.types.empty()) {
    p.typeMask_ = 0;
    for (EdgeType t : f.types) p.typeMask_ |= 1u << static_cast<unsigned>(t);
  }
  // Confidences are stored as round(c * 255); the smallest byte that is >= min.
  p.minConf_ = static_cast<uint8_t>(std::ceil(f.minConfidence * 255.0f - 1e-3f));
  p.windowed_ = f.fromDay.has_value() || f.toDay.has_value();
  p.includeUndated_ = f.includeUndated;
  p.lo_ = f.fromDay.value_or(graph::kOpenStart);
  p.hi_ = f.toDay.value_or(graph::kOpenEnd);
  p.direction_ = f.direction;
  p.cancel_ = f.cancel;
  return p;
}

}  // namespace kg::query
