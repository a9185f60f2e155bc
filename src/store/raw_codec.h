// How the store keeps raw input bytes: a content hash that names them
// (XXH3-128, for deduplication and integrity checks) and zstd compression.
// Pure functions; thread-safe.
#ifndef VEILLE_STORE_RAW_CODEC_H_
#define VEILLE_STORE_RAW_CODEC_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "veille/status.h"

namespace veille::store {

// The codec name recorded in raw_documents.codec.
inline constexpr const char* kRawCodecZstd = "zstd";

// XXH3-128 of `bytes` as 32 lowercase hex digits, high 64 bits first (the
// canonical big-endian form of XXH128_canonicalFromHash).
std::string ContentHash(std::string_view bytes);

// Compresses `bytes` into one zstd frame that records its content size.
// `level` is clamped to zstd's range. Returns kInternal if zstd fails.
Result<std::string> CompressRaw(std::string_view bytes, int level);

// Decompresses a frame made by CompressRaw that must hold exactly
// `expected_size` bytes. Returns kCorruption when the frame is damaged or its
// size differs, kResourceExhausted when `expected_size` is not addressable.
Result<std::string> DecompressRaw(std::string_view frame, int64_t expected_size);

}  // namespace veille::store

#endif  // VEILLE_STORE_RAW_CODEC_H_
