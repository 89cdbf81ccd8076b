#include "query/filter.h"

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

Result<EdgePredicate> EdgePredicate::compile(const Filter& f) {
  EdgePredicate p;
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
  p.stopAt_ = f.stopAt;
  return p;
}

}  // namespace kg::query
