// LocalGraph's paged edge and actor listings (edgesPage, actorsPage: what kgd
// answers a page with): every page after the first is read from the
// listing's kept ids, by cursor or by offset, and the pages together are the
// unpaged listing; a cursor of another listing or store state is refused.
#include <catch2/catch.hpp>

#include "../support/temp_dir.h"
#include "core/engine.h"
#include "core/local_graph.h"
#include "core/page_cursor.h"

using namespace kg;
using namespace kg::core;
using kg::testing::TempDir;

namespace {

// 12 actors and 240 events of 4 types (some of them the same event, merged
// into one edge: over 200 edges): dates over 50 days with many ties, every
// 9th undated, confidence in tenths, one evidence snippet each.
struct PagingGraph {
  TempDir dir;
  std::unique_ptr<Engine> engine;
  std::vector<Actor> actors;

  PagingGraph() {
    auto e = Engine::open(dir.sub("db"), {});
    REQUIRE(e.isOk());
    engine = std::move(e).value();
    for (int i = 0; i < 12; ++i) {
      Actor a;
      a.name = "Actor " + std::to_string(i);
      a.kind = i % 3 == 0 ? ActorKind::kState : ActorKind::kPerson;
      auto added = engine->addActor(a);
      REQUIRE(added.isOk());
      actors.push_back(added.value());
    }
    const EdgeType types[] = {EdgeType::kAssault, EdgeType::kAccuse, EdgeType::kProtest, EdgeType::kConsult};
    for (int i = 0; i < 240; ++i) add(i, types[i % 4]);
  }

  void add(int i, EdgeType type) {
    Edge e;
    e.src = actors[static_cast<size_t>(i * 7) % actors.size()].id;
    e.dst = actors[static_cast<size_t>(i * 7 + 1 + i % 5) % actors.size()].id;
    e.type = type;
    if (i % 9 != 0) {
      e.when.from = Date::fromDays(Date::day(2020, 1, 1).days() + (i * 37) % 50, DatePrecision::kDay);
      e.when.to = e.when.from;
    }
    e.confidence = static_cast<float>(1 + i % 10) / 10.0f;
    Evidence ev;
    ev.doc = "doc" + std::to_string(i);
    ev.text = "Sentence " + std::to_string(i) + ".";
    ev.end = static_cast<uint32_t>(ev.text.size());
    e.evidence.push_back(ev);
    auto added = engine->addEdge(e);
    REQUIRE(added.isOk());
  }
};

// The listing as local `kg edges` reads it (LocalGraph::forEachEdge: the
// engine's streamed listing, not the pages).
std::vector<Edge> unpaged(LocalGraph& g, const EdgeQuery& q) {
  std::vector<Edge> out;
  REQUIRE(g.forEachEdge(q, [&](Edge& e) {
             out.push_back(e);
             return true;
           }).isOk());
  return out;
}

// Every page of `q`, `size` edges a page, following each page's cursor (or,
// with `byOffset`, its next offset as an old client does).
std::vector<Edge> paged(LocalGraph& g, const EdgeQuery& q, size_t size, bool byOffset) {
  std::vector<Edge> out;
  PageRequest req;
  req.count = size;
  uint64_t version = 0;
  for (int pages = 0;; ++pages) {
    PageSpan span;
    auto rows = g.edgesPage(q, req, &span);
    REQUIRE(rows.isOk());
    if (pages == 0) version = span.version;
    CHECK(span.version == version);
    CHECK(rows->size() == std::min(size, span.total - (span.next - rows->size())));
    for (auto& e : *rows) out.push_back(std::move(e));
    if (!span.more) {
      CHECK(span.nextCursor.empty());
      break;
    }
    REQUIRE_FALSE(span.nextCursor.empty());
    if (byOffset)
      req.offset = span.next;
    else
      req.cursor = span.nextCursor;
    REQUIRE(pages < 1000);
  }
  return out;
}

std::vector<EdgeQuery> queries(const PagingGraph& g) {
  std::vector<EdgeQuery> qs;
  qs.emplace_back();  // every edge
  EdgeQuery types;
  types.filter.types = {EdgeType::kAssault, EdgeType::kProtest};
  qs.push_back(types);
  EdgeQuery window;
  window.filter.fromDay = Date::day(2020, 1, 10).days();
  window.filter.toDay = Date::day(2020, 1, 30).days();
  qs.push_back(window);
  EdgeQuery undated = window;
  undated.filter.includeUndated = true;
  qs.push_back(undated);
  EdgeQuery confident;
  confident.filter.minConfidence = 0.65f;
  qs.push_back(confident);
  EdgeQuery actor;
  actor.actor = g.actors[3].name;
  actor.filter.types = {EdgeType::kAccuse, EdgeType::kConsult};
  qs.push_back(actor);
  EdgeQuery limited;
  limited.limit = 50;
  qs.push_back(limited);
  EdgeQuery noEvidence;
  noEvidence.evidence = 0;
  qs.push_back(noEvidence);
  return qs;
}

}  // namespace

TEST_CASE("LocalGraph: edge pages by cursor or by offset are exactly the unpaged listing, for any page size and filter",
          "[core][paging]") {
  PagingGraph g;
  LocalGraph local(*g.engine);
  for (const EdgeQuery& q : queries(g)) {
    const auto all = unpaged(local, q);
    INFO("types " << q.filter.types.size() << ", actor '" << q.actor.text() << "', confidence " << q.filter.minConfidence
                  << ", limit " << q.limit << ": " << all.size() << " edges");
    REQUIRE_FALSE(all.empty());
    EdgeFilter f;
    f.filter = q.filter;
    if (!q.actor.empty()) f.actor = g.engine->resolveOne(q.actor.name())->id;
    if (q.limit) f.limit = q.limit;
    auto engineList = g.engine->edges(f, q.evidence);
    REQUIRE(engineList.isOk());
    CHECK(engineList.value() == all);  // the held listing and the streamed one agree
    for (size_t size : {size_t{1}, size_t{2}, size_t{7}, size_t{64}, size_t{1000}}) {
      INFO("page size " << size);
      CHECK(paged(local, q, size, false) == all);
      CHECK(paged(local, q, size, true) == all);
    }
    auto count = local.countEdges(q);
    REQUIRE(count.isOk());
    if (q.limit == 0) CHECK(count.value() == all.size());
  }
  // Every query above kept its listing for one store version: the cache holds
  // the most recent ones.
  CHECK(local.listings().listings() > 0);
}

TEST_CASE("LocalGraph: a page after the first reads its own edges, not the whole listing again", "[core][paging]") {
  PagingGraph g;
  LocalGraph local(*g.engine);
  // The steps a listing takes are counted on its filter's Cancel (16 for
  // each stored edge header read or edge loaded): what the page cost.
  auto stepsOf = [&](PageRequest req, PageSpan* span) {
    EdgeQuery q;
    q.evidence = 1;
    q.filter.cancel = std::make_shared<query::Cancel>();
    auto rows = local.edgesPage(q, req, span);
    REQUIRE(rows.isOk());
    CHECK(rows->size() == std::min<size_t>(req.count, span->total - (span->next - rows->size())));
    return q.filter.cancel->steps();
  };
  PageRequest first;
  first.count = 10;
  PageSpan span1;
  const uint64_t listing = stepsOf(first, &span1);
  REQUIRE(span1.total > 200);
  CHECK(listing >= 16 * span1.total);  // the first page lists every header
  PageRequest second = first;
  second.cursor = span1.nextCursor;
  PageSpan span2;
  const uint64_t page = stepsOf(second, &span2);
  CHECK(page <= 16 * 2 * 10);  // ten edges with one evidence each
  CHECK(span2.next == 20);
  PageRequest byOffset = first;  // an old client's next page: the same listing, kept
  byOffset.offset = span1.total - 10;
  PageSpan span3;
  CHECK(stepsOf(byOffset, &span3) <= 16 * 2 * 10);
  CHECK_FALSE(span3.more);
  CHECK(span3.nextCursor.empty());
}

TEST_CASE("LocalGraph: a cursor of a store state that a write has changed is FailedPrecondition, never a page of "
          "the new state",
          "[core][paging]") {
  PagingGraph g;
  LocalGraph local(*g.engine);
  PageRequest req;
  req.count = 100;
  PageSpan span;
  REQUIRE(local.edgesPage(EdgeQuery{}, req, &span).isOk());
  REQUIRE(span.more);
  g.add(1000, EdgeType::kThreaten);  // a new edge dated among those already listed
  req.cursor = span.nextCursor;
  PageSpan after;
  auto stale = local.edgesPage(EdgeQuery{}, req, &after);
  REQUIRE_FALSE(stale.isOk());
  CHECK(stale.status().code() == StatusCode::kFailedPrecondition);
  CHECK(stale.status().message().find("list again from the first page") != std::string::npos);
  // By offset (an old client) the page is answered at the new version, which
  // tells the client to start over.
  PageRequest byOffset;
  byOffset.count = 100;
  byOffset.offset = span.next;
  PageSpan moved;
  REQUIRE(local.edgesPage(EdgeQuery{}, byOffset, &moved).isOk());
  CHECK(moved.version != span.version);
  CHECK(moved.total == span.total + 1);
  // Actors too.
  PageRequest actorsReq;
  actorsReq.count = 5;
  PageSpan a1;
  REQUIRE(local.actorsPage(std::nullopt, actorsReq, &a1).isOk());
  Actor extra;
  extra.name = "Newcomer";
  extra.kind = ActorKind::kPerson;
  REQUIRE(g.engine->addActor(extra).isOk());
  actorsReq.cursor = a1.nextCursor;
  PageSpan a2;
  auto staleActors = local.actorsPage(std::nullopt, actorsReq, &a2);
  REQUIRE_FALSE(staleActors.isOk());
  CHECK(staleActors.status().code() == StatusCode::kFailedPrecondition);
}

TEST_CASE("LocalGraph: a malformed cursor, one of another listing, or one past its listing's end is InvalidArgument",
          "[core][paging]") {
  PagingGraph g;
  LocalGraph local(*g.engine);
  EdgeQuery assaults;
  assaults.filter.types = {EdgeType::kAssault};
  PageRequest req;
  req.count = 10;
  PageSpan span;
  REQUIRE(local.edgesPage(assaults, req, &span).isOk());
  REQUIRE_FALSE(span.nextCursor.empty());
  auto refused = [&](const EdgeQuery& q, const std::string& cursor, const std::string& why) {
    PageRequest r;
    r.count = 10;
    r.cursor = cursor;
    PageSpan s;
    auto page = local.edgesPage(q, r, &s);
    REQUIRE_FALSE(page.isOk());
    CHECK(page.status().code() == StatusCode::kInvalidArgument);
    INFO(page.status().message());
    CHECK(page.status().message().find(why) != std::string::npos);
  };
  refused(assaults, "not a cursor", "malformed page cursor");
  std::string flipped = span.nextCursor;
  flipped[30] = static_cast<char>(flipped[30] ^ 0x40);
  refused(assaults, flipped, "check value");
  EdgeQuery accusations;
  accusations.filter.types = {EdgeType::kAccuse};
  refused(accusations, span.nextCursor, "another listing");
  EdgeQuery more = assaults;
  more.limit = 20;
  refused(more, span.nextCursor, "another listing");
  // An actor listing's cursor is not an edge listing's.
  PageSpan actorSpan;
  PageRequest actorsReq;
  actorsReq.count = 2;
  REQUIRE(local.actorsPage(std::nullopt, actorsReq, &actorSpan).isOk());
  refused(EdgeQuery{}, actorSpan.nextCursor, "another listing");
  // Well formed, of this listing and version, but past its end.
  PageCursor far = PageCursor::decode(span.nextCursor).value();
  far.position = span.total + 1;
  refused(assaults, far.encode(), "past the end");
  far.position = span.total;  // the end itself: an empty last page
  PageRequest atEnd;
  atEnd.count = 10;
  atEnd.cursor = far.encode();
  PageSpan endSpan;
  auto last = local.edgesPage(assaults, atEnd, &endSpan);
  REQUIRE(last.isOk());
  CHECK(last->empty());
  CHECK_FALSE(endSpan.more);
}

TEST_CASE("LocalGraph: countEdges is the length of the unlimited listing, and unfiltered the store's counter",
          "[core][paging]") {
  PagingGraph g;
  LocalGraph local(*g.engine);
  for (const EdgeQuery& q : queries(g)) {
    EdgeQuery all = q;
    all.limit = 0;
    auto count = local.countEdges(q);
    REQUIRE(count.isOk());
    CHECK(count.value() == unpaged(local, all).size());
  }
  CHECK(selectsEveryEdge(EdgeQuery{}));
  EdgeQuery limited;
  limited.limit = 3;
  CHECK(selectsEveryEdge(limited));
  const auto all = unpaged(local, EdgeQuery{});
  REQUIRE(all.size() > 200);
  CHECK(local.countEdges(limited).value() == all.size());
  // The counter follows a removal (curation) as the listing does.
  REQUIRE(local.removeEdge(all.front().id, CurationBy{"test", "edge rm"}).isOk());
  CHECK(local.countEdges(EdgeQuery{}).value() == all.size() - 1);
  CHECK(unpaged(local, EdgeQuery{}).size() == all.size() - 1);
  EdgeQuery unknown;
  unknown.actor = "Nobody At All";
  CHECK(local.countEdges(unknown).status().code() == StatusCode::kNotFound);
}
