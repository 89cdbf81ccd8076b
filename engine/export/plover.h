// PLOVER export: each event edge (not the standing relations MEMBER_OF,
// LEADER_OF, PART_OF, OFFICIAL_OF) as one PLOVER event record per line:
//   id, event_date, event_type, mode, context, actor, actor_country,
//   actor_role, recipient, recipient_country, recipient_role, event_text,
//   source, publication_date, story_id, url, language, cameo, confidence,
//   sources, version.
// `context` is [] (the graph keeps no PLOVER context); event_text is the first
// evidence sentence and source/publication_date/story_id/url/language come
// from its document (the outlet when known, else the source), or for an
// imported event (no document) from its evidence attributes (publisher,
// publication_date, story_id, url, language); its other attributes
// (goldstein, tone, place, lat, lon, ...) follow under their own names, so
// that `kg import --format plover` reads them back. Streamed.
#pragma once

#include <memory>

#include "export/sink.h"
#include "export/writer.h"

namespace kg::exports {

// Borrows `sink`, which must outlive the writer.
std::unique_ptr<GraphWriter> newPloverWriter(Sink& sink);

}  // namespace kg::exports
