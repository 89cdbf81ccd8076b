// kgsum64: the checksum of graph snapshot files and their verification
// records, specified in engine/storage/FORMAT.md ("Graph snapshot file"). Not
// cryptographic: it detects damage (any change confined to one 8-byte word
// always changes it), not a forger.
//
// Pure function; safe from any thread.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>

namespace kg::graph {

// kgsum64 of `bytes`; runs at memory speed (four independent lanes).
uint64_t kgsum64(std::span<const std::byte> bytes);

}  // namespace kg::graph
