// PageCursor: where a paged listing goes on, as the server hands it to the
// client with one page and takes it back with the next request. It names the
// listing (a fingerprint of the request that made it), the version of the
// store the listing was read at (LocalGraph's store version) and the position
// of the next item, so that the next page starts there without listing the
// result again, and a page of another version or another request is refused
// instead of answered.
//
// The encoding is opaque to clients: 36 bytes, "kgc1", then the three numbers
// big-endian, then a check value over the 28 bytes before it (FNV-1a 64):
// bytes a client changed or truncated are refused, not read as a position.
// A cursor is not a secret and not signed; one a client forged with a valid
// check names at most a position in a listing the client may read anyway.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "base/status.h"

namespace kg::core {

struct PageCursor {
  uint64_t listing = 0;   // fingerprint of the request (listingFingerprint)
  uint64_t version = 0;   // store version the listing was read at
  uint64_t position = 0;  // index of the next item in the listing

  // The opaque bytes a client carries.
  std::string encode() const;
  // The cursor in `bytes`; InvalidArgument naming what is wrong with it (its
  // length, its mark, its check value) when they are not a cursor encode() wrote.
  static Result<PageCursor> decode(std::string_view bytes);
};

// FNV-1a 64 of `bytes`: the fingerprint of a listing's canonical request text.
uint64_t listingFingerprint(std::string_view bytes);

}  // namespace kg::core
