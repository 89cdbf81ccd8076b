#include "rpc/convert.h"

#include <cmath>

namespace kg::rpc {

namespace {

schema::ErrorCode toWire(StatusCode c) {
  switch (c) {
    case StatusCode::kOk: return schema::ErrorCode::NONE;
    case StatusCode::kInvalidArgument: return schema::ErrorCode::INVALID_ARGUMENT;
    case StatusCode::kNotFound: return schema::ErrorCode::NOT_FOUND;
    case StatusCode::kAlreadyExists: return schema::ErrorCode::ALREADY_EXISTS;
    case StatusCode::kFailedPrecondition: return schema::ErrorCode::FAILED_PRECONDITION;
    case StatusCode::kBusy: return schema::ErrorCode::BUSY;
    case StatusCode::kLimitExceeded: return schema::ErrorCode::LIMIT_EXCEEDED;
    case StatusCode::kIOError: return schema::ErrorCode::IO_ERROR;
    case StatusCode::kCorruption: return schema::ErrorCode::CORRUPTION;
    case StatusCode::kInternal: return schema::ErrorCode::INTERNAL;
    case StatusCode::kDeadlineExceeded: return schema::ErrorCode::DEADLINE_EXCEEDED;
  }
  return schema::ErrorCode::INTERNAL;
}

StatusCode fromWire(schema::ErrorCode c) {
  switch (c) {
    case schema::ErrorCode::NONE: return StatusCode::kOk;
    case schema::ErrorCode::INVALID_ARGUMENT: return StatusCode::kInvalidArgument;
    case schema::ErrorCode::NOT_FOUND: return StatusCode::kNotFound;
    case schema::ErrorCode::ALREADY_EXISTS: return StatusCode::kAlreadyExists;
    case schema::ErrorCode::FAILED_PRECONDITION: return StatusCode::kFailedPrecondition;
    case schema::ErrorCode::BUSY: return StatusCode::kBusy;
    case schema::ErrorCode::LIMIT_EXCEEDED: return StatusCode::kLimitExceeded;
    case schema::ErrorCode::IO_ERROR: return StatusCode::kIOError;
    case schema::ErrorCode::CORRUPTION: return StatusCode::kCorruption;
    case schema::ErrorCode::INTERNAL: return StatusCode::kInternal;
    case schema::ErrorCode::DEADLINE_EXCEEDED: return StatusCode::kDeadlineExceeded;
    case schema::ErrorCode::UNIMPLEMENTED: return StatusCode::kFailedPrecondition;
  }
  return StatusCode::kInternal;  // a code from a newer server
}

std::string str(capnp::Text::Reader t) { return std::string(t.cStr(), t.size()); }

}  // namespace

void setError(schema::Error::Builder out, const Status& status, const std::vector<std::string>& suggestions) {
  out.setCode(toWire(status.code()));
  out.setMessage(status.message());
  auto list = out.initSuggestions(static_cast<unsigned>(suggestions.size()));
  for (unsigned i = 0; i < suggestions.size(); ++i) list.set(i, suggestions[i]);
}

Status toStatus(schema::Error::Reader err) {
  StatusCode code = fromWire(err.getCode());
  if (code == StatusCode::kOk) return Status::ok();
  std::string msg = str(err.getMessage());
  if (msg.empty()) msg = "server error";
  if (err.hasSuggestions() && err.getSuggestions().size() > 0 && msg.find("closest known names") == std::string::npos) {
    msg += "; closest known names: ";
    bool first = true;
    for (auto s : err.getSuggestions()) {
      msg += (first ? "" : ", ") + str(s);
      first = false;
    }
  }
  return Status(code, msg);
}

void toWire(const Date& d, schema::Date::Builder out) {
  out.setDays(d.known() ? d.days() : 0);
  out.setPrecision(static_cast<uint8_t>(d.precision()));
}

Result<Date> fromWire(schema::Date::Reader d) {
  if (d.getPrecision() > static_cast<uint8_t>(DatePrecision::kDay))
    return Status::invalidArgument("date precision " + std::to_string(d.getPrecision()) + " is outside 0..4");
  auto p = static_cast<DatePrecision>(d.getPrecision());
  if (p == DatePrecision::kUnknown) return Date();
  return Date::fromDays(d.getDays(), p);
}

void toWire(const Actor& a, schema::ActorInfo::Builder out) {
  out.setId(a.id);
  out.setName(a.name);
  out.setKind(actorKindName(a.kind));
  out.setCountry(a.country);
  auto al = out.initAliases(static_cast<unsigned>(a.aliases.size()));
  for (unsigned i = 0; i < a.aliases.size(); ++i) al.set(i, a.aliases[i]);
  auto at = out.initAttributes(static_cast<unsigned>(a.attributes.size()));
  unsigned i = 0;
  for (const auto& [k, v] : a.attributes) {
    at[i].setKey(k);
    at[i].setValue(v);
    ++i;
  }
}

Result<Actor> fromWire(schema::ActorInfo::Reader in) {
  Actor a;
  a.id = in.getId();
  a.name = str(in.getName());
  auto kind = parseActorKind(str(in.getKind()));
  if (!kind) return kind.status();
  a.kind = kind.value();
  a.country = str(in.getCountry());
  for (auto s : in.getAliases()) a.aliases.push_back(str(s));
  for (auto kv : in.getAttributes()) a.attributes[str(kv.getKey())] = str(kv.getValue());
  return a;
}

void toWire(const Edge& e, const std::string& srcName, const std::string& dstName, schema::EdgeInfo::Builder out) {
  out.setId(e.id);
  out.setSrc(e.src);
  out.setDst(e.dst);
  out.setSrcName(srcName);
  out.setDstName(dstName);
  out.setType(edgeTypeName(e.type));
  out.setMode(e.mode);
  out.setCameo(e.cameo);
  out.setTitle(e.title);
  toWire(e.when.from, out.initFrom());
  toWire(e.when.to, out.initTo());
  out.setConfidence(e.confidence);
  out.setDateBasis(dateBasisName(e.dateBasis));
  out.setSources(e.sources);
  out.setSrcCode(e.srcCode);
  out.setDstCode(e.dstCode);
  auto ev = out.initEvidence(static_cast<unsigned>(e.evidence.size()));
  for (unsigned i = 0; i < e.evidence.size(); ++i) {
    const Evidence& x = e.evidence[i];
    ev[i].setDoc(x.doc);
    ev[i].setSentence(x.sentence);
    ev[i].setBegin(x.begin);
    ev[i].setEnd(x.end);
    ev[i].setText(x.text);
    ev[i].setDocTitle(x.docTitle);
    toWire(x.docDate, ev[i].initDocDate());
    auto at = ev[i].initAttributes(static_cast<unsigned>(x.attributes.size()));
    unsigned k = 0;
    for (const auto& [key, value] : x.attributes) {
      at[k].setKey(key);
      at[k].setValue(value);
      ++k;
    }
  }
}

Result<Edge> fromWire(schema::EdgeInfo::Reader in) {
  Edge e;
  e.id = in.getId();
  e.src = in.getSrc();
  e.dst = in.getDst();
  auto type = parseEdgeType(str(in.getType()));
  if (!type) return type.status();
  e.type = type.value();
  e.mode = str(in.getMode());
  e.cameo = str(in.getCameo());
  e.title = str(in.getTitle());
  auto from = fromWire(in.getFrom());
  if (!from) return from.status();
  auto to = fromWire(in.getTo());
  if (!to) return to.status();
  e.when = {from.value(), to.value()};
  e.confidence = in.getConfidence();
  // An unknown basis name (from a newer peer) reads as not recorded.
  const std::string basis = str(in.getDateBasis());
  for (uint8_t b = 0; b < kDateBasisCount; ++b)
    if (basis == dateBasisName(static_cast<DateBasis>(b))) e.dateBasis = static_cast<DateBasis>(b);
  e.sources = in.getSources();
  e.srcCode = str(in.getSrcCode());
  e.dstCode = str(in.getDstCode());
  for (auto x : in.getEvidence()) {
    Evidence ev;
    ev.doc = str(x.getDoc());
    ev.sentence = x.getSentence();
    ev.begin = x.getBegin();
    ev.end = x.getEnd();
    ev.text = str(x.getText());
    ev.docTitle = str(x.getDocTitle());
    if (x.hasDocDate()) {
      auto docDate = fromWire(x.getDocDate());
      if (docDate) ev.docDate = docDate.value();
    }
    for (auto kv : x.getAttributes()) ev.attributes[str(kv.getKey())] = str(kv.getValue());
    e.evidence.push_back(std::move(ev));
  }
  return e;
}

void toWire(const query::Filter& f, schema::Filter::Builder out) {
  auto types = out.initTypes(static_cast<unsigned>(f.types.size()));
  for (unsigned i = 0; i < f.types.size(); ++i) types.set(i, edgeTypeName(f.types[i]));
  out.setHasFrom(f.fromDay.has_value());
  out.setFromDay(f.fromDay.value_or(0));
  out.setHasTo(f.toDay.has_value());
  out.setToDay(f.toDay.value_or(0));
  out.setIncludeUndated(f.includeUndated);
  out.setDirection(f.direction == query::Direction::kOut  ? schema::Direction::OUT
                   : f.direction == query::Direction::kIn ? schema::Direction::IN
                                                          : schema::Direction::BOTH);
  out.setMinConfidence(f.minConfidence);
  auto cameo = out.initCameo(static_cast<unsigned>(f.cameo.size()));
  for (unsigned i = 0; i < f.cameo.size(); ++i) cameo.set(i, f.cameo[i]);
}

Result<query::Filter> fromWire(schema::Filter::Reader in) {
  query::Filter f;
  for (auto t : in.getTypes()) {
    auto type = parseEdgeType(str(t));
    if (!type) return type.status();
    f.types.push_back(type.value());
  }
  if (in.getHasFrom()) f.fromDay = in.getFromDay();
  if (in.getHasTo()) f.toDay = in.getToDay();
  f.includeUndated = in.getIncludeUndated();
  switch (in.getDirection()) {
    case schema::Direction::OUT: f.direction = query::Direction::kOut; break;
    case schema::Direction::IN: f.direction = query::Direction::kIn; break;
    case schema::Direction::BOTH: f.direction = query::Direction::kBoth; break;
    default: return Status::invalidArgument("unknown direction " + std::to_string(static_cast<int>(in.getDirection())));
  }
  float c = in.getMinConfidence();
  if (std::isnan(c) || c < 0.0f || c > 1.0f)
    return Status::invalidArgument("minimum confidence " + std::to_string(c) + " is outside 0..1");
  f.minConfidence = c;
  for (auto code : in.getCameo()) f.cameo.push_back(str(code));  // checked by EdgePredicate::compile
  return f;
}

void toWire(const storage::StoreStats& s, schema::Stats::Builder out) {
  out.setActors(s.actors);
  out.setEdges(s.edges);
  out.setEvidence(s.evidence);
  out.setDocuments(s.documents);
}

}  // namespace kg::rpc
