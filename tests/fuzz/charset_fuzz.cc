// libFuzzer target for the charset layer: any bytes, as HTML and as text,
// must decode to valid UTF-8 or to a clean kInvalidInput; repair and entity
// decoding must keep valid UTF-8 valid and must not crash on invalid bytes.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <iterator>
#include <string>
#include <string_view>

#include "extract/charset.h"

namespace {

void CheckUtf8(const std::string& s) {
  if (!veille::extract::IsValidUtf8(s)) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace veille::extract;
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  // The first byte, when present, picks a declared charset to exercise overrides.
  static constexpr std::string_view kContentTypes[] = {"",
                                                       "text/html; charset=utf-8",
                                                       "text/html; charset=iso-8859-1",
                                                       "text/plain; charset=shift_jis",
                                                       "text/html; charset=utf-16",
                                                       "charset=x-unknown"};
  const std::string_view content_type =
      size > 0 ? kContentTypes[data[0] % std::size(kContentTypes)] : "";

  for (const bool is_html : {true, false}) {
    veille::Result<DecodedText> decoded = DecodeToUtf8(bytes, content_type, is_html);
    if (!decoded.ok()) {
      if (decoded.status().code() != veille::StatusCode::kInvalidInput) std::abort();
      continue;
    }
    CheckUtf8(decoded->utf8);
    CheckUtf8(RepairMojibake(decoded->utf8));
    CheckUtf8(DecodeEntities(decoded->utf8));
    CheckUtf8(NormalizeNfc(decoded->utf8));
  }
  // Raw bytes: no validity promise, but no crash and valid input stays valid.
  const std::string repaired = RepairMojibake(std::string(bytes));
  const std::string entities = DecodeEntities(bytes);
  if (IsValidUtf8(bytes)) {
    CheckUtf8(repaired);
    CheckUtf8(entities);
  }
  return 0;
}
