// The storage codec's decoders: a garbled key or record is an error value
// (Corruption), never a crash, a hang or an allocation sized by its bytes.
#include "fuzz_input.h"
#include "storage/codec.h"

namespace codec = kg::storage::codec;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text = kg::fuzz::asText(data, size);
  const uint8_t which = kg::fuzz::selector(&text);
  // Keys are short; records follow the key after a NUL when there is one.
  const size_t cut = text.find('\0');
  const std::string_view key = cut == std::string_view::npos ? text : text.substr(0, cut);
  const std::string_view value = cut == std::string_view::npos ? std::string_view() : text.substr(cut + 1);
  switch (which % 6) {
    case 0: (void)codec::decodeEdgeKey(text); break;
    case 1: {
      std::vector<std::string> keys;
      (void)codec::decodeActor(7, text, &keys);
      break;
    }
    case 2: {
      auto k = codec::decodeEdgeKey(key);
      codec::EdgeKey ek = k.isOk() ? *k : codec::EdgeKey{1, kg::EdgeType::kConsult, kg::Date(), 2, 3};
      (void)codec::decodeEdge(ek, value);
      break;
    }
    case 3: (void)codec::decodeEvidence(key, value); break;
    case 4: (void)codec::decodeDocument(kg::DocId(std::string(key)), value); break;
    default: (void)codec::decodeCounter(text); break;
  }
  return 0;
}
