// Charset decoding: any page's bytes to valid UTF-8 NFC (tests: charset_test.cc).
//
// The idea is to trust declarations but check them against the bytes.
//   1. A byte-order mark decides, and so does the NUL pattern of BOM-less
//      UTF-16/32. Otherwise the bytes must not look binary (charset_sniff.h).
//   2. The declared charset: HTTP Content-Type, then <meta> (HTML), then the
//      XML declaration; labels mapped per WHATWG (charset_labels.h).
//   3. Checks: declared UTF-8 with more than one invalid sequence per four
//      valid multi-byte ones is re-detected; a declared legacy charset whose
//      bytes are clean multi-byte UTF-8 becomes UTF-8; a declared legacy
//      charset that fails on more than 5% of non-ASCII bytes is replaced by
//      the best detected one. Each override adds a warning.
//   4. Undeclared: valid (or mostly valid, by the same ratio) UTF-8 is UTF-8;
//      otherwise the statistical candidates are tried in order and the first
//      that decodes cleanly wins.
//   5. Decode (own code for UTF-8 and windows-1252, ICU ucnv for the rest),
//      replacing invalid sequences by U+FFFD and counting them; repair
//      mojibake (mojibake_repair.cc); drop NULs; normalise to NFC.
// Example: bytes "caf\xE9" declared "utf-8" -> 1 invalid of 1 non-ASCII
// sequence -> re-detected as windows-1252 -> "café", with the warning
// "declared charset utf-8 contradicted by content; decoded as windows-1252".
// Cost: a constant number of linear passes; peak memory about 2 bytes of
// UTF-16 per input byte for ICU-decoded charsets, none for UTF-8 and 1252.
#include "extract/charset.h"

#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <unicode/stringpiece.h>
#include <unicode/ucnv.h>
#include <unicode/ucnv_cb.h>

#include <algorithm>
#include <climits>
#include <cstring>
#include <memory>
#include <string>

#include "extract/charset_labels.h"
#include "extract/charset_sniff.h"
#include "extract/charset_util.h"
#include "extract/nfc_check.h"

namespace veille::extract {
namespace {

using internal::CharsetInfo;
using internal::CharsetKind;

struct DecodeErrors {
  size_t count = 0;
  size_t first_offset = 0;  // relative to the decoded bytes
  const char* base = nullptr;

  void Add(size_t offset) {
    if (count++ == 0) first_offset = offset;
  }
};

struct Utf8Census {
  size_t multibyte = 0;             // valid sequences of 2+ bytes
  size_t invalid = 0;               // maximal ill-formed subparts, except a cut tail
  bool cut_tail = false;            // ends inside a sequence (a truncated page)
  internal::ControlBytes controls;  // for CheckNotBinary
};

// One pass over the bytes for both the UTF-8 verdict and the binary check.
Utf8Census CountUtf8(std::string_view s) {
  Utf8Census c;
  for (size_t i = internal::SkipPrintableAscii(s, 0); i < s.size();
       i = internal::SkipPrintableAscii(s, i)) {
    const auto lead = static_cast<unsigned char>(s[i]);
    if (lead < 0x80) {
      if (lead < 0x20 && internal::CountedControl(lead)) {
        ++(lead == 0 ? c.controls.nul : c.controls.control);
      }
      ++i;
      continue;
    }
    const internal::Utf8Step step = internal::DecodeUtf8Step(s, i);
    const bool cut_tail = !step.ok && i + step.len == s.size() && lead >= 0xC2 && lead <= 0xF4;
    if (cut_tail) {
      c.cut_tail = true;
    } else {
      ++(step.ok ? c.multibyte : c.invalid);
    }
    i += step.len;
  }
  return c;
}

// UTF-8 with some damage (a truncated tail, a pasted windows-1252 byte)
// rather than another charset: at least 4 valid multi-byte sequences for
// each invalid one.
// A cut tail alone does not count against UTF-8 when other sequences are valid.
bool MostlyUtf8(const Utf8Census& c) { return c.multibyte > 0 && c.invalid * 4 <= c.multibyte; }
bool CleanUtf8(const Utf8Census& c) { return c.invalid == 0 && !c.cut_tail; }

void DecodeUtf8(std::string_view s, std::string* out, DecodeErrors* errors) {
  out->reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    const size_t start = i;
    i = internal::SkipAscii(s, i);
    out->append(s.substr(start, i - start));
    if (i == s.size()) break;
    const internal::Utf8Step step = internal::DecodeUtf8Step(s, i);
    if (step.ok) {
      out->append(s.substr(i, step.len));
    } else {
      errors->Add(i);
      internal::AppendUtf8(internal::kReplacementChar, out);
    }
    i += step.len;
  }
}

void DecodeWindows1252(std::string_view s, std::string* out) {
  out->reserve(s.size() + s.size() / 8);
  for (char c : s) internal::AppendUtf8(internal::Cp1252ToUnicode(static_cast<uint8_t>(c)), out);
}

// ICU to-Unicode callback: counts each error and substitutes U+FFFD.
void U_CALLCONV CountingToUCallback(const void* context, UConverterToUnicodeArgs* args,
                                    const char* /*code_units*/, int32_t length,
                                    UConverterCallbackReason reason, UErrorCode* err) {
  if (reason > UCNV_IRREGULAR) return;  // reset, close, clone
  auto* errors = static_cast<DecodeErrors*>(const_cast<void*>(context));
  const ptrdiff_t end = args->source - errors->base;
  errors->Add(end >= length ? static_cast<size_t>(end - length) : 0);
  *err = U_ZERO_ERROR;
  static const UChar kSub = 0xFFFD;
  ucnv_cbToUWriteUChars(args, &kSub, 1, 0, err);
}

void AppendUtf16AsUtf8(const char16_t* s, size_t n, std::string* out) {
  out->reserve(out->size() + n + n / 2);
  for (size_t i = 0; i < n; ++i) {
    char32_t cp = s[i];
    if (cp >= 0xD800 && cp <= 0xDBFF && i + 1 < n && s[i + 1] >= 0xDC00 && s[i + 1] <= 0xDFFF) {
      cp = 0x10000 + ((cp - 0xD800) << 10) + (s[i + 1] - 0xDC00);
      ++i;
    } else if (cp >= 0xD800 && cp <= 0xDFFF) {
      cp = internal::kReplacementChar;
    }
    internal::AppendUtf8(cp, out);
  }
}

// Decodes with ICU. False when ICU cannot open the converter.
bool DecodeWithIcu(std::string_view s, const CharsetInfo& cs, std::string* out,
                   DecodeErrors* errors) {
  UErrorCode err = U_ZERO_ERROR;
  const std::string icu_name(cs.icu_name);
  std::unique_ptr<UConverter, decltype(&ucnv_close)> cnv(ucnv_open(icu_name.c_str(), &err),
                                                         &ucnv_close);
  if (U_FAILURE(err)) return false;
  errors->base = s.data();
  ucnv_setToUCallBack(cnv.get(), CountingToUCallback, errors, nullptr, nullptr, &err);
  if (U_FAILURE(err)) return false;
  std::u16string buf(std::min<size_t>(s.size() + 16, size_t{1} << 20), u'\0');
  const char* src = s.data();
  const char* const src_end = s.data() + s.size();
  while (true) {
    UChar* target = reinterpret_cast<UChar*>(buf.data());
    err = U_ZERO_ERROR;
    ucnv_toUnicode(cnv.get(), &target, target + buf.size(), &src, src_end, nullptr, true, &err);
    const size_t produced = target - reinterpret_cast<UChar*>(buf.data());
    AppendUtf16AsUtf8(buf.data(), produced, out);
    if (err != U_BUFFER_OVERFLOW_ERROR) break;
  }
  return U_SUCCESS(err);
}

// Decodes `s` as `cs` into *out (replacing *out). False if unsupported.
bool Decode(std::string_view s, const CharsetInfo& cs, std::string* out, DecodeErrors* errors) {
  out->clear();
  *errors = DecodeErrors();
  if (cs.kind == CharsetKind::kUtf8) {
    DecodeUtf8(s, out, errors);
    return true;
  }
  if (cs.name == "windows-1252") {
    DecodeWindows1252(s, out);
    return true;
  }
  return DecodeWithIcu(s, cs, out, errors);
}

size_t CountNonAscii(std::string_view s) {
  size_t n = 0;
  for (char c : s) n += static_cast<unsigned char>(c) >= 0x80;
  return n;
}

// Decodes with the first candidate that has no errors, else the one with the
// fewest. Returns the chosen charset.
const CharsetInfo* DecodeBest(std::string_view s, const std::vector<const CharsetInfo*>& candidates,
                              std::string* out, DecodeErrors* errors) {
  const CharsetInfo* best = nullptr;
  size_t best_errors = SIZE_MAX;
  std::string text;
  DecodeErrors errs;
  for (const CharsetInfo* cs : candidates) {
    if (!Decode(s, *cs, &text, &errs) || errs.count >= best_errors) continue;
    best = cs;
    best_errors = errs.count;
    out->swap(text);
    *errors = errs;
    if (best_errors == 0) break;
  }
  return best;
}

std::string LowerLabel(std::string_view label) {
  std::string out(label);
  for (char& c : out) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  return out;
}

}  // namespace

Result<DecodedText> DecodeToUtf8(std::string_view bytes, std::string_view content_type,
                                 bool is_html) {
  DecodedText result;
  size_t bom_len = 0;
  const CharsetInfo* charset = internal::SniffBom(bytes, &bom_len);
  if (charset == nullptr) charset = internal::SniffWideWithoutBom(bytes);
  const bool decided = charset != nullptr;
  const std::string_view body = bytes.substr(bom_len);
  Utf8Census census;  // of body (== bytes) when !decided
  if (!decided) {
    census = CountUtf8(body);
    VEILLE_RETURN_IF_ERROR(internal::CheckNotBinary(bytes, census.controls));
  }

  std::string declared_label;
  if (!decided) {
    const std::string labels[] = {internal::CharsetFromContentType(content_type),
                                  is_html ? internal::SniffMetaCharset(body) : std::string(),
                                  internal::SniffXmlEncoding(body)};
    for (const std::string& label : labels) {
      if (label.empty()) continue;
      const CharsetInfo* info = internal::LookupCharset(label);
      if (info == nullptr) {
        result.warnings.push_back("unknown charset label '" + label + "' ignored");
        continue;
      }
      if (info->kind == CharsetKind::kWide) {  // WHATWG: ASCII-compatible bytes claiming UTF-16
        result.warnings.push_back("declared charset " + LowerLabel(label) +
                                  " without a byte-order mark; read as UTF-8");
        info = &internal::Utf8Charset();
      }
      charset = info;
      declared_label = LowerLabel(label);
      break;
    }
  }

  std::string text;
  DecodeErrors errors;
  const auto contradicted = [&](const CharsetInfo& now) {
    result.warnings.push_back("declared charset " + declared_label +
                              " contradicted by content; decoded as " + std::string(now.name));
  };
  if (charset != nullptr && !decided && charset->kind == CharsetKind::kUtf8) {
    if (CleanUtf8(census)) {
      text.assign(body);  // what decoding would give, without validating again
    } else if (!MostlyUtf8(census)) {
      const CharsetInfo* best =
          DecodeBest(body, internal::StatisticalCandidates(body, is_html), &text, &errors);
      if (best != nullptr && best->kind != CharsetKind::kUtf8) {
        charset = best;
        contradicted(*best);
      } else {
        text.clear();
      }
    }
  } else if (charset != nullptr && !decided) {
    if (census.invalid == 0 && census.multibyte > 0) {
      charset = &internal::Utf8Charset();
      contradicted(*charset);
    } else if (Decode(body, *charset, &text, &errors) && errors.count * 20 > CountNonAscii(body)) {
      std::string other_text;
      DecodeErrors other_errors;
      const CharsetInfo* best = DecodeBest(body, internal::StatisticalCandidates(body, is_html),
                                           &other_text, &other_errors);
      if (best != nullptr && best != charset && other_errors.count < errors.count) {
        charset = best;
        text.swap(other_text);
        errors = other_errors;
        contradicted(*best);
      }
    }
  } else if (charset == nullptr) {
    if (CleanUtf8(census)) {
      charset = &internal::Utf8Charset();
      text.assign(body);
    } else if (MostlyUtf8(census)) {
      charset = &internal::Utf8Charset();
    } else {
      charset = DecodeBest(body, internal::StatisticalCandidates(body, is_html), &text, &errors);
    }
  }
  if (charset == nullptr) charset = &internal::Windows1252Charset();

  if (text.empty() && !body.empty() && !Decode(body, *charset, &text, &errors)) {
    result.warnings.push_back("no converter for " + std::string(charset->name) +
                              "; decoded as windows-1252");
    charset = &internal::Windows1252Charset();
    Decode(body, *charset, &text, &errors);
  }
  if (errors.count > 0) {
    result.warnings.push_back("invalid " + std::string(charset->name) + ": " +
                              std::to_string(errors.count) +
                              " byte sequence(s) replaced by U+FFFD, first at byte offset " +
                              std::to_string(errors.first_offset + bom_len));
  }

  bool repaired = false;
  text = RepairMojibake(std::move(text), &repaired);
  if (repaired) result.warnings.push_back("repaired mojibake (UTF-8 read as windows-1252)");
  // Outside UTF-16/32 (only read when `decided`), a NUL character comes from
  // a NUL byte, which the census counted.
  const bool may_hold_nul = decided || census.controls.nul > 0;
  if (const size_t nuls = may_hold_nul ? std::count(text.begin(), text.end(), '\0') : 0; nuls > 0) {
    text.erase(std::remove(text.begin(), text.end(), '\0'), text.end());
    result.warnings.push_back("removed " + std::to_string(nuls) + " NUL character(s)");
  }
  if (text.compare(0, 3, "\xEF\xBB\xBF") == 0) text.erase(0, 3);  // a second BOM
  // Most pages are NFC already: keep the buffer instead of copying it.
  result.utf8 = internal::StableUnderNfc(text) ? std::move(text) : NormalizeNfc(text);
  result.charset = std::string(charset->name);
  return result;
}

std::string NormalizeNfc(std::string_view utf8) {
  if (utf8.size() > static_cast<size_t>(INT32_MAX)) return std::string(utf8);
  if (IsValidUtf8(utf8) && internal::StableUnderNfc(utf8)) return std::string(utf8);
  UErrorCode err = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(err);
  if (U_FAILURE(err)) return std::string(utf8);
  const icu::StringPiece piece(utf8.data(), static_cast<int32_t>(utf8.size()));
  if (nfc->isNormalizedUTF8(piece, err) && U_SUCCESS(err)) return std::string(utf8);
  err = U_ZERO_ERROR;
  std::string out;
  out.reserve(utf8.size());
  icu::StringByteSink<std::string> sink(&out);
  nfc->normalizeUTF8(0, piece, sink, nullptr, err);
  return U_SUCCESS(err) ? out : std::string(utf8);
}

bool IsValidUtf8(std::string_view s) {
  for (size_t i = internal::SkipAscii(s, 0); i < s.size(); i = internal::SkipAscii(s, i)) {
    const internal::Utf8Step step = internal::DecodeUtf8Step(s, i);
    if (!step.ok) return false;
    i += step.len;
  }
  return true;
}

}  // namespace veille::extract
