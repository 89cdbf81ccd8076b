// Helpers shared by the libFuzzer targets: the fuzz bytes as text, split into
// a selector and parts.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace kg::fuzz {

inline std::string_view asText(const uint8_t* data, size_t size) {
  return std::string_view(reinterpret_cast<const char*>(data), size);
}

// The first byte (0 when empty) and the rest.
inline uint8_t selector(std::string_view* text) {
  if (text->empty()) return 0;
  const auto s = static_cast<uint8_t>((*text)[0]);
  text->remove_prefix(1);
  return s;
}

// `text` cut at every occurrence of `separator` (a line of its own in the
// seed files, e.g. "\n====\n"), at most `maxParts` parts (the last keeps
// the rest).
inline std::vector<std::string_view> splitParts(std::string_view text, std::string_view separator, size_t maxParts) {
  std::vector<std::string_view> parts;
  while (parts.size() + 1 < maxParts) {
    const size_t at = text.find(separator);
    if (at == std::string_view::npos) break;
    parts.push_back(text.substr(0, at));
    text.remove_prefix(at + separator.size());
  }
  parts.push_back(text);
  while (parts.size() < maxParts) parts.emplace_back();
  return parts;
}

}  // namespace kg::fuzz
