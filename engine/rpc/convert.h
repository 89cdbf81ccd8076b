// Conversions between the model types and the Cap'n Proto messages of
// schema/actorgraph.capnp, shared by the service and the client. Internal to
// kg_rpc (it exposes Cap'n Proto types). Pure functions; any thread.
#pragma once

#include <string>
#include <vector>

#include "actorgraph.capnp.h"
#include "base/status.h"
#include "model/actor.h"
#include "model/edge.h"
#include "query/options.h"
#include "storage/graph_store.h"

namespace kg::rpc {

void setError(schema::Error::Builder out, const Status& status, const std::vector<std::string>& suggestions = {});
// OK for code `none`; the error's code and message otherwise (suggestions
// are appended to the message when it does not already name them).
Status toStatus(schema::Error::Reader err);

void toWire(const Date& d, schema::Date::Builder out);
// InvalidArgument for a precision outside 0..4.
Result<Date> fromWire(schema::Date::Reader d);

void toWire(const Actor& a, schema::ActorInfo::Builder out);
Result<Actor> fromWire(schema::ActorInfo::Reader a);

// `srcName`/`dstName` are written as given.
void toWire(const Edge& e, const std::string& srcName, const std::string& dstName, schema::EdgeInfo::Builder out);
// InvalidArgument for an unknown type name or a bad date.
Result<Edge> fromWire(schema::EdgeInfo::Reader e);

void toWire(const query::Filter& f, schema::Filter::Builder out);
// InvalidArgument for an unknown edge type.
Result<query::Filter> fromWire(schema::Filter::Reader f);

void toWire(const storage::StoreStats& s, schema::Stats::Builder out);

}  // namespace kg::rpc
