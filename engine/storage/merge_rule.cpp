#include "storage/merge_rule.h"

#include <algorithm>
#include <cctype>
#include <string_view>

namespace kg::storage::merge {

namespace {

bool sameTitle(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i]))) return false;
  return true;
}

bool undated(const DateRange& r) { return !r.anyKnown(); }
bool isPoint(const DateRange& r) { return r.from.known() && r.from == r.to; }

// Both points: [first, last] of a holds b's.
bool holds(const Date& a, const Date& b) { return a.days() <= b.days() && b.lastDay() <= a.lastDay(); }

std::optional<int> rankEvent(const Edge& s, const Edge& in) {
  if (s.title != in.title) return std::nullopt;
  if (s.when == in.when) return 0;
  if (!isPoint(s.when) || !isPoint(in.when)) return std::nullopt;
  const Date a = s.when.from, b = in.when.from;
  if (a.days() == b.days() && a.lastDay() == b.lastDay()) return 1;
  if (holds(a, b) || holds(b, a)) return 2;
  if (readFromText(s.dateBasis) && readFromText(in.dateBasis) && a.precision() == DatePrecision::kDay &&
      b.precision() == DatePrecision::kDay && std::abs(a.days() - b.days()) <= kTextDayTolerance)
    return 3;
  if (a.precision() == DatePrecision::kDay && b.precision() == DatePrecision::kDay) {
    // The article's day bounds the text day from above (merge_rule.h kArticleLagDays).
    int32_t lag = 0;
    if (s.dateBasis == DateBasis::kArticle && in.dateBasis == DateBasis::kText)
      lag = a.days() - b.days();
    else if (in.dateBasis == DateBasis::kArticle && s.dateBasis == DateBasis::kText)
      lag = b.days() - a.days();
    else
      return std::nullopt;
    if (lag >= -kTextDayTolerance && lag <= kArticleLagDays) return 3;
  }
  return std::nullopt;
}

std::optional<int> rankStanding(const Edge& s, const Edge& in, bool titleMatters) {
  const bool titles = sameTitle(s.title, in.title);
  if (s.when == in.when && s.title == in.title) return 0;
  if (undated(s.when) || undated(in.when)) return std::nullopt;
  const bool sText = readFromText(s.dateBasis), inText = readFromText(in.dateBasis);
  if (!sText && !inText) return std::nullopt;  // two recorded tenures: only identical ones merge
  // One membership read twice under two titles ("its spokesman", "its
  // deputy secretary-general") is one membership; two offices are not.
  if (sText && inText)
    return titles ? std::optional<int>(5) : s.type == EdgeType::kMemberOf ? std::optional<int>(6) : std::nullopt;
  if (inText) {  // a mention meets a recorded tenure
    if (!titles && titleMatters) return std::nullopt;
    return titles ? 4 : 6;
  }
  return std::nullopt;  // a recorded tenure never joins a text office (putEdge writes recorded ones first)
}

}  // namespace

bool sameStatus(const Edge& a, const Edge& b) {
  if (isStandingType(a.type)) return true;
  return (a.mode == kPlannedMode) == (b.mode == kPlannedMode);
}

bool readFromText(DateBasis b) { return b == DateBasis::kText || b == DateBasis::kArticle; }

bool isStatedSupport(const Edge& e) {
  return kg::isStatedSupport(e.type, e.cameo) && readFromText(e.dateBasis) && e.when.anyKnown();
}

int32_t gap(const DateRange& a, const DateRange& b) {
  const int32_t af = a.firstDay(), al = a.lastDay(), bf = b.firstDay(), bl = b.lastDay();
  if (al < bf) return bf - al;
  if (bl < af) return af - bl;
  return 0;
}

std::optional<int> rank(const Edge& stored, const Edge& incoming, bool titleMatters) {
  if (!sameStatus(stored, incoming)) return std::nullopt;
  if (undated(stored.when) && undated(incoming.when))
    return stored.title == incoming.title || (isStandingType(stored.type) && sameTitle(stored.title, incoming.title))
               ? std::optional<int>(0)
               : std::nullopt;
  if (isStatedSupport(stored) && isStatedSupport(incoming)) {
    if (stored.title != incoming.title) return std::nullopt;
    return stored.when == incoming.when ? 0 : 5;
  }
  return isStandingType(stored.type) ? rankStanding(stored, incoming, titleMatters) : rankEvent(stored, incoming);
}

void mergeDates(Edge* stored, const Edge& in) {
  if (!in.when.anyKnown()) return;
  if (!stored->when.anyKnown()) {
    stored->when = in.when;
    stored->dateBasis = in.dateBasis;
    return;
  }
  if (isStandingType(stored->type) || (isStatedSupport(*stored) && isStatedSupport(in))) {
    if (!readFromText(stored->dateBasis) || !readFromText(in.dateBasis)) return;  // a recorded tenure keeps its dates
    // A text office grows to cover the mention (ends compared by their days).
    if (in.when.from.known() && (!stored->when.from.known() || in.when.from.days() < stored->when.from.days()))
      stored->when.from = in.when.from;
    if (in.when.to.known() && (!stored->when.to.known() || in.when.to.lastDay() > stored->when.to.lastDay()))
      stored->when.to = in.when.to;
    if (in.dateBasis == DateBasis::kText) stored->dateBasis = DateBasis::kText;
    return;
  }
  if (!readFromText(stored->dateBasis) || !readFromText(in.dateBasis)) return;  // hand-entered / imported dates stay
  const bool textBeatsArticle = stored->dateBasis == DateBasis::kArticle && in.dateBasis == DateBasis::kText;
  const bool finer = stored->dateBasis == in.dateBasis && isPoint(in.when) && isPoint(stored->when) &&
                     in.when.from.precision() > stored->when.from.precision();
  if (textBeatsArticle || finer) {
    stored->when = in.when;
    stored->dateBasis = in.dateBasis;
  }
}

float mergeConfidence(float stored, float c, bool newSource) {
  float best = std::max(stored, c);
  if (!newSource) return best;
  const float noisyOr = 1.0f - (1.0f - stored) * (1.0f - c);
  return std::max(best, std::min(noisyOr, kMaxMergedConfidence));
}

}  // namespace kg::storage::merge
