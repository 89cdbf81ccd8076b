@0xcaa6f4daec189c00;
# ActorGraph RPC interface, served by `kgd` (engine/rpc/service.cpp) and used
# by kg::rpc::Client (engine/rpc/client.h) and `kg --remote`.
#
# Never renumber an ordinal; add new fields and methods at the end.
#
# Conventions:
#  - Every result carries `error`; code `none` means success. A bad request
#    (unknown actor, bad filter, limits exceeded, a deadline) is answered with
#    an Error, never by dropping the connection. Capnp exceptions are reserved
#    for transport failures.
#  - Actors are named by ActorRef (a name, alias or spelling resolved as by
#    `kg resolve`, or an id).
#  - Edge types are the names of model/edge.h: PLOVER names ("ASSAULT"), the
#    standing relations ("OFFICIAL_OF") and the CAMEO-only event types
#    ("STATEMENT", "APPEAL"); actor kinds
#    the names of `kg actor add --kind` ("person", "armed_group", ...).
#  - Lists that can be long are paged: the request says an offset and a page
#    size (0 = the server default, at most maxPageSize); the result says
#    where the next page starts. Each page is computed afresh; `version`
#    names the graph snapshot it was computed on, so that a client can notice
#    a concurrent ingest between pages and start over.

$import "/capnp/c++.capnp".namespace("kg::schema");

const maxPageSize :UInt32 = 10000;
const defaultPageSize :UInt32 = 1000;
const maxIngestDocuments :UInt32 = 1000;

struct Date {
  # Days since 1970-01-01 (first day covered) and precision:
  # 0 unknown, 1 year, 2 month, 3 week, 4 day.
  days @0 :Int32;
  precision @1 :UInt8;
}

struct ActorInfo {
  id @0 :UInt64;
  name @1 :Text;
  kind @2 :Text;
  country @3 :Text;
  aliases @4 :List(Text);
  attributes @5 :List(Attribute);
}

struct Attribute {
  key @0 :Text;
  value @1 :Text;
}

struct Stats {
  actors @0 :UInt64;
  edges @1 :UInt64;
  evidence @2 :UInt64;
  documents @3 :UInt64;
}

# kg stats beyond the counters (rpc::GraphSummary).
struct NamedCount {
  name @0 :Text;
  count @1 :UInt64;
}

struct Summary {
  firstDay @0 :Date;                  # earliest known start of a dated edge (precision 0: none)
  lastDay @1 :Date;                   # latest known end
  undatedEdges @2 :UInt64;
  edgesByType @3 :List(NamedCount);   # type name -> edges, types with edges only
  actorsByKind @4 :List(NamedCount);  # kind name -> actors
  sources @5 :UInt64;                 # distinct sources of the stored documents
}

enum ErrorCode {
  none @0;
  invalidArgument @1;
  notFound @2;
  alreadyExists @3;
  failedPrecondition @4;
  busy @5;
  limitExceeded @6;
  ioError @7;
  corruption @8;
  internal @9;
  deadlineExceeded @10;  # the call ran past the server's per-call deadline; its work was stopped
  unimplemented @11;
}

struct Error {
  code @0 :ErrorCode;
  message @1 :Text;
  # E.g. the closest known names for an unknown actor.
  suggestions @2 :List(Text);
}

# An actor named in a request. A query (edges, neighbors, path, timeline,
# asof, actor) given an `id` answers for that actor only, even when another
# actor has the same name; an id that names no actor is notFound "no actor
# with id N". A `name` is resolved as `kg resolve` resolves it (the first of
# the actors spelled exactly so, else NotFound with suggestions or
# InvalidArgument listing the candidates), as for clients that send names
# only. rpc::Client sends the id whenever its core::ActorRef holds one.
struct ActorRef {
  union {
    none @0 :Void;
    name @1 :Text;
    id @2 :UInt64;
  }
}

struct Evidence {
  doc @0 :Text;
  sentence @1 :UInt32;
  begin @2 :UInt32;
  end @3 :UInt32;
  text @4 :Text;
  attributes @5 :List(Attribute);  # the imported row's fields (goldstein, url, lat, ...)
  docTitle @6 :Text;                # the stored document's title ("" when not stored)
  docDate @7 :Date;                 # and its publication date (precision 0 when unknown)
}

struct EdgeInfo {
  id @0 :UInt64;
  src @1 :UInt64;
  dst @2 :UInt64;
  srcName @3 :Text;
  dstName @4 :Text;
  type @5 :Text;
  mode @6 :Text;
  cameo @7 :Text;
  title @8 :Text;
  from @9 :Date;
  to @10 :Date;
  confidence @11 :Float32;
  evidence @12 :List(Evidence);
  dateBasis @13 :Text;   # "" (not recorded), "text", "article", "dictionary"
  sources @14 :UInt32;   # distinct documents among all its evidence; 0 = not counted
  srcCode @15 :Text;     # CAMEO actor codes of the parties as coded ("POLGOV"); "" = none
  dstCode @16 :Text;
}

enum Direction {
  both @0;
  out @1;
  in @2;
}

struct Filter {
  # The filters of every query (see engine/query/filter.h): an edge matches
  # when its type is listed (all when empty), its confidence is at least
  # minConfidence and, with a window, its date range overlaps the window.
  types @0 :List(Text);
  hasFrom @1 :Bool;
  fromDay @2 :Int32;    # days since 1970, inclusive
  hasTo @3 :Bool;
  toDay @4 :Int32;      # inclusive
  includeUndated @5 :Bool;
  direction @6 :Direction;
  minConfidence @7 :Float32;
  cameo @8 :List(Text);  # CAMEO code prefixes, 1-4 digits ("19", "0211"): an edge
                         # matches when its CAMEO code starts with one (any when empty)
}

struct Page {
  offset @0 :UInt64;
  size @1 :UInt32;      # 0 = defaultPageSize; more than maxPageSize is LimitExceeded
  # edges, actors: the previous page's nextCursor, sent back unchanged; the
  # page starts where it says (offset is then ignored). Empty = by offset.
  # Malformed, or of another request: invalidArgument. The graph changed
  # since that page was read: failedPrecondition (start the listing over).
  cursor @2 :Data;
}

struct PageInfo {
  nextOffset @0 :UInt64;
  more @1 :Bool;        # another page follows at nextOffset
  total @2 :UInt64;     # items in the whole result
  version @3 :UInt64;   # graph snapshot version the page was computed on
  # edges, actors: where the next page starts (opaque; empty when no page
  # follows, or when this page saw a write land and the listing must start
  # over). A page after the first, asked for by cursor or by offset at the
  # same version, costs about its own size: kgd keeps the listing's ids.
  nextCursor @4 :Data;
}

struct NeighbourNode {
  actor @0 :ActorInfo;
  depth @1 :UInt8;
}

enum PathMode {
  shortest @0;
  allShortest @1;
  kShortest @2;
  weighted @3;
  temporal @4;
}

struct PathInfo {
  nodes @0 :List(ActorInfo);
  edges @1 :List(EdgeInfo);   # edges[i] joins nodes[i] and nodes[i+1]
  cost @2 :Float64;
  days @3 :List(Int32);       # temporal: the day each edge is taken
}

enum RankMeasure {
  degree @0;
  pagerank @1;
  betweenness @2;
}

struct RankEntry {
  actor @0 :ActorInfo;
  score @1 :Float64;
}

struct ComponentInfo {
  size @0 :UInt64;
  members @1 :List(Member);   # the first `members` asked for, in actor-id order
}

struct Member {
  id @0 :UInt64;
  name @1 :Text;
}

struct DocumentIn {
  text @0 :Text;
  title @1 :Text;
  date @2 :Text;        # "YYYY[-MM[-DD]]", "" when unknown
  source @3 :Text;
  url @4 :Text;
}

struct IngestReport {
  documents @0 :UInt64;   # documents received
  articles @1 :UInt64;    # articles found in them
  actorsAdded @2 :UInt64;
  edgesAdded @3 :UInt64;
  evidenceAdded @4 :UInt64;
  skipped @5 :UInt64;     # already ingested or empty
  warnings @6 :List(Text);
}

# Curation (core/curation.h; kg actor merge / alias / rename / set / rm,
# kg edge rm, kg undo, kg log). Each command is one batch with its log record.
struct CurationBy {
  user @0 :Text;   # who asks (the client's user); logged as "USER via kgd"
  args @1 :Text;   # the command line as given, for the log
}

struct MergeReport {
  kept @0 :ActorInfo;      # after the merge
  dropped @1 :ActorInfo;   # as it was before
  logSeq @2 :UInt64;
  edgesMoved @3 :UInt64;
  edgesJoined @4 :UInt64;
  selfLoops @5 :UInt64;
  suppressed @6 :UInt64;
}

struct UndoReport {
  undone @0 :UInt64;
  undoneCommand @1 :Text;
  undoneArgs @2 :Text;
  logSeq @3 :UInt64;
  actors @4 :UInt64;
  edges @5 :UInt64;
}

struct LogRecord {
  seq @0 :UInt64;
  unixSeconds @1 :Int64;
  user @2 :Text;
  command @3 :Text;
  args @4 :Text;
  details @5 :Text;   # JSON; the undo image left out ("undoable": true when kept)
}

# A client's callback for the progress of a long call (rank, ingest), passed
# as the call's optional `progress` parameter; without one nothing is
# reported, as for clients older than it. kgd calls `report` while the call
# runs, at most one report unanswered at a time and at most one every 200 ms;
# a report that cannot be sent then is dropped (the next carries the newer
# counts), so a slow or departed client never holds up the call's work. The
# last count may never be reported: the call's answer says it ended.
interface ProgressSink {
  # `done` of `total` units of `what` ("sources", "iterations",
  # "documents"); total 0 = not known.
  report @0 (done :UInt64, total :UInt64, what :Text) -> ();
}

interface ActorGraph {
  stats @0 () -> (stats :Stats, error :Error);
  # Every actor whose name or alias folds like `name`, best first; empty when none.
  resolve @1 (name :Text) -> (actors :List(ActorInfo), error :Error);
  # Exactly one actor; NotFound with the closest names as suggestions, or
  # InvalidArgument listing the candidates when ambiguous.
  actor @2 (ref :ActorRef) -> (actor :ActorInfo, error :Error);
  actors @3 (kind :Text, page :Page) -> (actors :List(ActorInfo), page :PageInfo, error :Error);
  # Edges touching `actor` (all edges when none), date-ordered; `limit` 0 =
  # no limit; `evidence` snippets per edge.
  edges @4 (actor :ActorRef, filter :Filter, limit :UInt64, evidence :UInt32, page :Page)
      -> (edges :List(EdgeInfo), page :PageInfo, error :Error);
  # The k-hop neighbourhood; nodes come whole with the page at offset 0,
  # edges are paged.
  neighbors @5 (actor :ActorRef, depth :UInt32, limit :UInt64, fanout :UInt64, maxEdges :UInt64,
                filter :Filter, page :Page, evidence :UInt32)
      -> (nodes :List(NeighbourNode), edges :List(EdgeInfo), truncated :Bool, page :PageInfo,
          error :Error);
  path @6 (from :ActorRef, to :ActorRef, mode :PathMode, filter :Filter, maxDepth :UInt32, k :UInt32,
           maxPaths :UInt32, evidence :UInt32)
      -> (paths :List(PathInfo), truncated :Bool, error :Error);
  # Edges of one actor in date order.
  timeline @7 (actor :ActorRef, filter :Filter, evidence :UInt32, page :Page)
      -> (edges :List(EdgeInfo), page :PageInfo, error :Error);
  # Standing relations (offices, memberships) in force on `date`, optionally
  # of one actor only.
  asof @8 (date :Date, actor :ActorRef, filter :Filter, page :Page, evidence :UInt32)
      -> (edges :List(EdgeInfo), page :PageInfo, error :Error);
  # Betweenness on large graphs is estimated from sampled sources
  # (approximate, with the number of sources).
  # With `progress`, kgd reports the ranking's progress to it while it runs
  # (PageRank: iterations of at most 100; betweenness: sources done of those
  # used; degree: none).
  rank @9 (measure :RankMeasure, filter :Filter, top :UInt32, progress :ProgressSink)
      -> (entries :List(RankEntry), error :Error, approximate :Bool, sources :UInt64);
  # Extracts and stores documents; readers keep being answered meanwhile.
  # With `progress`, kgd reports the documents of this call extracted and
  # stored so far ("documents" of `documents`' length).
  ingest @10 (documents :List(DocumentIn), progress :ProgressSink) -> (report :IngestReport, error :Error);
  # Weakly connected components, largest first: the `top` largest (0 = 10),
  # with at most `members` members each (0 = all).
  components @11 (filter :Filter, top :UInt32, members :UInt32)
      -> (components :List(ComponentInfo), count :UInt64, isolated :UInt64, error :Error);
  # Date range and counts by edge type, actor kind and document source (kg stats).
  summary @12 () -> (summary :Summary, error :Error);

  # Curation. Actors are ActorRefs: an id, or a name read as `kg` reads its
  # ACTOR argument ("12" and "#12" are ids, anything else a name, alias or
  # spelling). Errors as core::Curator's (InvalidArgument, NotFound,
  # AlreadyExists, FailedPrecondition) with the same messages.
  mergeActors @13 (keep :ActorRef, drop :ActorRef, by :CurationBy) -> (report :MergeReport, error :Error);
  # Adds `alias` (or removes it, with `remove`).
  alias @14 (actor :ActorRef, alias :Text, remove :Bool, by :CurationBy) -> (actor :ActorInfo, error :Error);
  renameActor @15 (actor :ActorRef, name :Text, by :CurationBy) -> (actor :ActorInfo, error :Error);
  # `kind` "" keeps the kind; the country is set only with setCountry ("" clears it).
  setActor @16 (actor :ActorRef, kind :Text, setCountry :Bool, country :Text, by :CurationBy)
      -> (actor :ActorInfo, error :Error);
  removeActor @17 (actor :ActorRef, withEdges :Bool, by :CurationBy)
      -> (removed :ActorInfo, edgesRemoved :UInt64, logSeq :UInt64, error :Error);
  removeEdge @18 (edge :UInt64, by :CurationBy) -> (edge :EdgeInfo, error :Error);
  # Undoes log record `seq` (0 = the last one).
  undo @19 (seq :UInt64, by :CurationBy) -> (report :UndoReport, error :Error);
  # The curation log, oldest first.
  log @20 () -> (records :List(LogRecord), error :Error);
}
