#include "core/page_cursor.h"

namespace kg::core {

namespace {

constexpr std::string_view kMark = "kgc1";
constexpr size_t kSize = 4 + 3 * 8 + 8;

void putU64(std::string* out, uint64_t v) {
  for (int shift = 56; shift >= 0; shift -= 8) out->push_back(static_cast<char>((v >> shift) & 0xff));
}

uint64_t getU64(std::string_view in) {
  uint64_t v = 0;
  for (size_t i = 0; i < 8; ++i) v = (v << 8) | static_cast<unsigned char>(in[i]);
  return v;
}

}  // namespace

uint64_t listingFingerprint(std::string_view bytes) {
  uint64_t h = 0xcbf29ce484222325ull;
  for (char c : bytes) {
    h ^= static_cast<unsigned char>(c);
    h *= 0x100000001b3ull;
  }
  return h;
}

std::string PageCursor::encode() const {
  std::string out(kMark);
  putU64(&out, listing);
  putU64(&out, version);
  putU64(&out, position);
  putU64(&out, listingFingerprint(out));
  return out;
}

Result<PageCursor> PageCursor::decode(std::string_view bytes) {
  if (bytes.size() != kSize)
    return Status::invalidArgument("malformed page cursor: " + std::to_string(bytes.size()) + " bytes where a cursor has " +
                                   std::to_string(kSize) + "; send back the nextCursor of the previous page unchanged");
  if (bytes.substr(0, kMark.size()) != kMark)
    return Status::invalidArgument("malformed page cursor: it does not start with the cursor mark; send back the "
                                   "nextCursor of the previous page unchanged");
  if (getU64(bytes.substr(kSize - 8)) != listingFingerprint(bytes.substr(0, kSize - 8)))
    return Status::invalidArgument("malformed page cursor: its check value does not match (changed or damaged); "
                                   "send back the nextCursor of the previous page unchanged");
  PageCursor c;
  c.listing = getU64(bytes.substr(4));
  c.version = getU64(bytes.substr(12));
  c.position = getU64(bytes.substr(20));
  return c;
}

}  // namespace kg::core
