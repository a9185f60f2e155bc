#include "store/raw_codec.h"

#include <xxhash.h>
#include <zstd.h>

#include <algorithm>
#include <limits>

namespace veille::store {

std::string ContentHash(std::string_view bytes) {
  const XXH128_hash_t hash = XXH3_128bits(bytes.data(), bytes.size());
  XXH128_canonical_t canonical;
  XXH128_canonicalFromHash(&canonical, hash);
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(2 * sizeof(canonical.digest));
  for (const unsigned char byte : canonical.digest) {
    out.push_back(kHex[byte >> 4]);
    out.push_back(kHex[byte & 0x0f]);
  }
  return out;
}

Result<std::string> CompressRaw(std::string_view bytes, int level) {
  level = std::clamp(level, ZSTD_minCLevel(), ZSTD_maxCLevel());
  std::string out(ZSTD_compressBound(bytes.size()), '\0');
  const size_t n = ZSTD_compress(out.data(), out.size(), bytes.data(), bytes.size(), level);
  if (ZSTD_isError(n)) {
    return Status::Internal(std::string("zstd compression failed: ") + ZSTD_getErrorName(n));
  }
  out.resize(n);
  return out;
}

Result<std::string> DecompressRaw(std::string_view frame, int64_t expected_size) {
  if (expected_size < 0 ||
      static_cast<uint64_t>(expected_size) > std::numeric_limits<size_t>::max() / 2) {
    return Status::ResourceExhausted("raw document size " + std::to_string(expected_size) +
                                     " cannot be decompressed here");
  }
  const unsigned long long frame_size = ZSTD_getFrameContentSize(frame.data(), frame.size());
  if (frame_size == ZSTD_CONTENTSIZE_ERROR || frame_size == ZSTD_CONTENTSIZE_UNKNOWN ||
      frame_size != static_cast<uint64_t>(expected_size)) {
    return Status::Corruption("raw document: damaged zstd frame or size mismatch (expected " +
                              std::to_string(expected_size) + " bytes)");
  }
  std::string out(static_cast<size_t>(expected_size), '\0');
  const size_t n = ZSTD_decompress(out.data(), out.size(), frame.data(), frame.size());
  if (ZSTD_isError(n) || n != out.size()) {
    return Status::Corruption(std::string("raw document: zstd decompression failed: ") +
                              (ZSTD_isError(n) ? ZSTD_getErrorName(n) : "short output"));
  }
  return out;
}

}  // namespace veille::store
