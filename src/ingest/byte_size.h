// Human-readable byte counts for error messages ("20 MiB", "1 KiB", "1500 bytes").
// Pure function; thread-safe.
#ifndef VEILLE_INGEST_BYTE_SIZE_H_
#define VEILLE_INGEST_BYTE_SIZE_H_

#include <cstddef>
#include <string>

namespace veille::ingest {

// "N MiB" or "N KiB" when `bytes` is an exact multiple, else "N bytes".
inline std::string FormatByteSize(size_t bytes) {
  if (bytes != 0 && bytes % (size_t{1} << 20) == 0) return std::to_string(bytes >> 20) + " MiB";
  if (bytes != 0 && bytes % (size_t{1} << 10) == 0) return std::to_string(bytes >> 10) + " KiB";
  return std::to_string(bytes) + " bytes";
}

}  // namespace veille::ingest

#endif  // VEILLE_INGEST_BYTE_SIZE_H_
