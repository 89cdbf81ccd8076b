// The merge rule: when a fact being written is the same real event (or the
// same office held) as an edge already stored, so that it becomes more
// evidence for that edge instead of a second edge. FORMAT.md "Facts and
// merging" is its specification; WriteBatch::putEdge applies it. (The bulk
// loader keeps exact-fact merging: imported rows carry their own dates.)
//
// Pure functions of their arguments; safe from any thread.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "model/edge.h"

namespace kg::storage::merge {

// Day-precision dates of the same event read from text (basis text or
// article) may differ by this many days: an undated report published the
// day after the event ("on Friday" in one article, nothing but Saturday's
// date in the next), and a night-time event dated on either side of the
// date line ("on Thursday" in Washington, "early on Friday, 3 January" in
// Baghdad: the Soleimani strike). The price: two strikes by one actor on one
// target on consecutive days become one edge (with all their evidence).
// Hand-entered and imported dates must agree exactly.
inline constexpr int32_t kTextDayTolerance = 1;

// An event read with no date of its own is dated by its article (basis
// article): it happened on or before that day, most often within the week
// before (the report a few days on: "the US assassinated the general"
// in a Sunday article about Friday's strike). Such a day meets a day read
// in the text (basis text) up to this many days before it (and
// kTextDayTolerance after). The price: an undated report of a second strike
// of one actor on one target within the week joins the first.
inline constexpr int32_t kArticleLagDays = 7;

// Merged confidence stays at or below this: many reports make an extracted
// event likelier, never certain (only a dictionary or a hand-entered fact
// claims 1.0, and merging keeps that).
inline constexpr float kMaxMergedConfidence = 0.99f;

// Searching the `out` family: a fact dated `from` can meet a stored event
// whose start lies within [from.firstDay - kScanBefore, lastDay + kScanAfter]
// (a year date holding a day date starts up to 365 days before it).
inline constexpr int32_t kScanBefore = 366;
inline constexpr int32_t kScanAfter = kArticleLagDays;

// How well `incoming` matches `stored` (same src, type and dst assumed; the
// caller compares them): nullopt when they are different facts, else a rank,
// lower is better: 0 the identical fact (same dates and title), 1 the same
// dates at another precision or basis, 2 one date holds the other (a month
// and a day in it), 3 days within kTextDayTolerance (or an article's
// day up to kArticleLagDays after a text day), 4 an office read
// from text meeting a recorded tenure of the same title (the caller prefers
// the one holding its date, else the nearest), 5 a text office that extends
// a text office, 6 as 4 with the title worded otherwise, or a membership
// (MEMBER_OF) read from text joining one read under another title (one
// membership, two roles in it). Two undated facts are identical (0);
// an undated fact and a dated one are not ranked here: WriteBatch::putEdge
// joins them only when nothing else of the same (src, type, dst, title) is
// stored, so that an undated report never picks one of several events.
//
// Events (PLOVER types), with `title` equal: two points are the same event
// when equal, when one date holds the other, when both are days read
// from text at most kTextDayTolerance apart, or when an article's day
// (basis article) is at most kArticleLagDays after a text day (basis text)
// and at most kTextDayTolerance before it. Other ranges merge only when
// identical.
// Standing relations (offices, memberships), titles compared ignoring ASCII
// case: a text- or article-dated mention joins a recorded tenure (any
// non-text basis: dictionary, hand-entered, imported) that holds its date,
// and otherwise rank 4 is still given, so that the caller can pick the
// nearest tenure: an office known to have ended is not extended by a later
// mention. Two text-read mentions of one office are one edge whose dates
// grow to cover both (rank 5). Two recorded tenures merge only when
// identical; a recorded tenure never joins a text office (ingest writes an
// article's dictionary offices before its text edges).
// `titleMatters` false lets a text mention join a recorded tenure whose
// title is worded otherwise ("second-in-command" vs "Deputy Chairman"); the
// caller passes it when that tenure is the only one recorded for the pair.
std::optional<int> rank(const Edge& stored, const Edge& incoming, bool titleMatters = true);

// A stated support (kg::isStatedSupport: SUPPORT with no CAMEO code, "the
// Iran-backed militia") dated from text (basis text or article). Two such
// reports are one edge whose dates grow to cover both (as two text mentions
// of an office, rank 5): the support was seen from the first article that
// states it to the last. False for an undated one, which merges as any
// undated fact does.
bool isStatedSupport(const Edge& e);

// The mode that marks an event announced, planned, threatened or
// hypothetical rather than done (the extractor's planned mode).
inline constexpr std::string_view kPlannedMode = "planned";

// False when `a` and `b` cannot be one fact whatever their dates: an event
// reported as done and one only planned or hypothetical ("the US would need
// to fight a war with Iraq" and "the US invaded Iraq in 2003") are different
// facts, so the done one is never marked planned and the planned one never
// borrows the other's date. Standing relations always pass.
bool sameStatus(const Edge& a, const Edge& b);

// Days between two ranges (0 when they overlap); both must be anyKnown().
int32_t gap(const DateRange& a, const DateRange& b);

// True for a date basis that comes from reading text (kText, kArticle).
bool readFromText(DateBasis b);

// The dates and basis the merged edge keeps, given the stored edge and the
// incoming fact it matched. Events: a date read in the sentence beats an
// article's date; with the same basis a finer precision wins; an undated
// stored edge takes the incoming dates; hand-entered/imported dates stay.
// Offices: a recorded tenure keeps its dates; a text office, and a stated
// support (isStatedSupport), grows to cover the mention.
void mergeDates(Edge* stored, const Edge& incoming);

// The confidence after `incoming` (of confidence `c`) joined an edge of
// confidence `stored`. With `newSource` (a document the edge had no evidence
// from): noisy-or, 1 - (1 - stored)(1 - c), capped at kMaxMergedConfidence,
// as independent reports of one event each could be wrong; otherwise (another
// sentence of a document already counted) the higher of the two. Never lowers
// the stored value.
float mergeConfidence(float stored, float c, bool newSource);

}  // namespace kg::storage::merge
