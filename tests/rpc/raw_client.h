// A raw Cap'n Proto client of kgd, for calls rpc::Client does not make (a
// request an older or hostile client would send). Belongs to the thread that
// made it.
#pragma once

#include <capnp/rpc-twoparty.h>
#include <kj/async-io.h>

#include <string>

#include "actorgraph.capnp.h"

namespace kg::testing {

struct RawClient {
  kj::AsyncIoContext io = kj::setupAsyncIo();
  kj::Own<kj::AsyncIoStream> stream;
  kj::Own<capnp::TwoPartyClient> rpc;
  schema::ActorGraph::Client cap = nullptr;
  explicit RawClient(const std::string& address) {
    stream = io.provider->getNetwork()
                 .parseAddress(address)
                 .then([](kj::Own<kj::NetworkAddress> a) { return a->connect(); })
                 .wait(io.waitScope);
    rpc = kj::heap<capnp::TwoPartyClient>(*stream);
    cap = rpc->bootstrap().castAs<schema::ActorGraph>();
  }
};

}  // namespace kg::testing
