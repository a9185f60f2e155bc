// Charset evidence (tests: charset_test.cc, "Sniff*" and "Detect*" cases).
//
// The <meta> prescan is a bounded version of the WHATWG "prescan a byte
// stream" algorithm: in the first 4 KiB, skip comments, and for each <meta>
// tag read its attributes (quoted or not, any case) and take `charset`, or
// the charset inside `content` when `http-equiv` is Content-Type. For example
// `<META HTTP-EQUIV="content-type" CONTENT="text/html; charset=ISO-8859-1">`
// gives "ISO-8859-1". Cost: O(4 KiB) whatever the page size.
//
// Statistical detection asks uchardet first (it models letter-pair
// frequencies per language and handles the CJK multi-byte charsets well) and
// ICU's ucsdet second (n-gram scores, confidence 0..100). Both are weak on
// little evidence: uchardet calls "été" windows-1250. So when the detector
// answers a Latin-script single-byte charset on fewer than 16 non-ASCII bytes,
// windows-1252 (the web's legacy default) is tried first, and when both name
// different Latin charsets, ICU's (if confident) goes first. The caller picks
// the first candidate that decodes without errors. Cost: linear, at most
// 256 KiB per detector.
#include "extract/charset_sniff.h"

#include <uchardet/uchardet.h>
#include <unicode/ucsdet.h>

#include <algorithm>
#include <memory>
#include <string>
#include <utility>

#include "extract/charset_util.h"

namespace veille::extract::internal {
namespace {

constexpr size_t kDetectBytes = 256 * 1024;
constexpr size_t kThinLatinEvidence = 16;  // non-ASCII bytes
constexpr int kMinIcuConfidence = 30;
// Within the Latin single-byte family uchardet confuses ISO-8859-1/2 and
// windows-1250 more often than ICU does; ICU wins ties from this confidence.
constexpr int kIcuLatinTieBreak = 40;

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }
char Lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

// True when s[pos..] starts with `lower_prefix`, ASCII case ignored.
bool StartsWithCi(std::string_view s, size_t pos, std::string_view lower_prefix) {
  if (s.size() - pos < lower_prefix.size()) return false;
  for (size_t k = 0; k < lower_prefix.size(); ++k) {
    if (Lower(s[pos + k]) != lower_prefix[k]) return false;
  }
  return true;
}

std::string ToLower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = Lower(c);
  return out;
}

// WHATWG "get an attribute": reads one attribute of a tag at *pos. Returns
// false at the tag's '>' or the end of the input.
bool NextAttribute(std::string_view s, size_t* pos, std::string* name, std::string* value) {
  size_t i = *pos;
  while (i < s.size() && (IsSpace(s[i]) || s[i] == '/')) ++i;
  if (i >= s.size() || s[i] == '>') {
    *pos = i;
    return false;
  }
  name->clear();
  value->clear();
  while (i < s.size() && !IsSpace(s[i]) && s[i] != '=' && s[i] != '>' && s[i] != '/') {
    name->push_back(Lower(s[i++]));
  }
  while (i < s.size() && IsSpace(s[i])) ++i;
  if (i < s.size() && s[i] == '=') {
    ++i;
    while (i < s.size() && IsSpace(s[i])) ++i;
    if (i < s.size() && (s[i] == '"' || s[i] == '\'')) {
      const char quote = s[i++];
      const size_t end = std::min(s.find(quote, i), s.size());
      value->assign(s.substr(i, end - i));
      i = end + 1;
    } else {
      while (i < s.size() && !IsSpace(s[i]) && s[i] != '>') value->push_back(s[i++]);
    }
  }
  *pos = std::min(i, s.size());
  return true;
}

std::string TrimQuotes(std::string_view v) {
  while (!v.empty() && (IsSpace(v.front()) || v.front() == '"' || v.front() == '\'')) {
    v.remove_prefix(1);
  }
  const size_t end = v.find_first_of(" \t\n\r\f;\"'");
  return std::string(v.substr(0, end));
}

std::string RunUchardet(std::string_view sample) {
  std::unique_ptr<uchardet, decltype(&uchardet_delete)> ud(uchardet_new(), &uchardet_delete);
  if (!ud || uchardet_handle_data(ud.get(), sample.data(), sample.size()) != 0) return "";
  uchardet_data_end(ud.get());
  const char* name = uchardet_get_charset(ud.get());
  return name ? name : "";
}

std::string RunIcuDetector(std::string_view sample, bool is_html, int* confidence) {
  *confidence = 0;
  UErrorCode err = U_ZERO_ERROR;
  std::unique_ptr<UCharsetDetector, decltype(&ucsdet_close)> det(ucsdet_open(&err), &ucsdet_close);
  if (U_FAILURE(err)) return "";
  ucsdet_enableInputFilter(det.get(), is_html);
  ucsdet_setText(det.get(), sample.data(), static_cast<int32_t>(sample.size()), &err);
  const UCharsetMatch* match = ucsdet_detect(det.get(), &err);
  if (U_FAILURE(err) || match == nullptr) return "";
  *confidence = ucsdet_getConfidence(match, &err);
  if (*confidence < kMinIcuConfidence) return "";
  const char* name = ucsdet_getName(match, &err);
  return U_SUCCESS(err) && name ? name : "";
}

}  // namespace

const CharsetInfo* SniffBom(std::string_view b, size_t* bom_len) {
  struct Bom {
    std::string_view bytes;
    const char* label;
  };
  static constexpr Bom kBoms[] = {
      {std::string_view("\xFF\xFE\x00\x00", 4), "utf-32le"},  // before UTF-16LE
      {std::string_view("\x00\x00\xFE\xFF", 4), "utf-32be"},
      {"\xEF\xBB\xBF", "utf-8"},
      {"\xFF\xFE", "utf-16le"},
      {"\xFE\xFF", "utf-16be"},
  };
  for (const Bom& bom : kBoms) {
    if (b.substr(0, bom.bytes.size()) == bom.bytes) {
      *bom_len = bom.bytes.size();
      return LookupCharset(bom.label);
    }
  }
  *bom_len = 0;
  return nullptr;
}

const CharsetInfo* SniffWideWithoutBom(std::string_view b) {
  const size_t n = std::min<size_t>(b.size(), 1024) & ~size_t{3};
  if (n < 4) return nullptr;
  size_t zeros[4] = {0, 0, 0, 0};
  for (size_t i = 0; i < n; ++i) {
    if (b[i] == '\0') ++zeros[i % 4];
  }
  const size_t quarter = n / 4;
  const auto mostly = [&](size_t z) { return z * 10 >= quarter * 9; };
  const auto rarely = [&](size_t z) { return z * 10 <= quarter; };
  if (mostly(zeros[1]) && mostly(zeros[2]) && mostly(zeros[3]) && rarely(zeros[0])) {
    return LookupCharset("utf-32le");
  }
  if (mostly(zeros[0]) && mostly(zeros[1]) && mostly(zeros[2]) && rarely(zeros[3])) {
    return LookupCharset("utf-32be");
  }
  const size_t even = zeros[0] + zeros[2], odd = zeros[1] + zeros[3];
  const size_t pairs = n / 2;
  if (odd * 10 >= pairs * 4 && even * 20 <= pairs) return LookupCharset("utf-16le");
  if (even * 10 >= pairs * 4 && odd * 20 <= pairs) return LookupCharset("utf-16be");
  return nullptr;
}

std::string CharsetFromContentType(std::string_view ct) {
  for (size_t i = 0; i + 7 <= ct.size(); ++i) {
    if (!StartsWithCi(ct, i, "charset")) continue;
    size_t j = i + 7;
    while (j < ct.size() && IsSpace(ct[j])) ++j;
    if (j < ct.size() && ct[j] == '=') return TrimQuotes(ct.substr(j + 1));
  }
  return "";
}

std::string SniffMetaCharset(std::string_view html) {
  const std::string_view s = html.substr(0, kMetaScanBytes);
  std::string name, value;
  size_t i = 0;
  while ((i = s.find('<', i)) != std::string_view::npos) {
    if (s.compare(i, 4, "<!--") == 0) {
      const size_t end = s.find("-->", i + 4);
      if (end == std::string_view::npos) break;
      i = end + 3;
      continue;
    }
    if (!StartsWithCi(s, i, "<meta") || i + 5 >= s.size() ||
        !(IsSpace(s[i + 5]) || s[i + 5] == '/')) {
      ++i;
      continue;
    }
    size_t pos = i + 5;
    bool pragma = false;
    std::string charset, content_charset;
    while (NextAttribute(s, &pos, &name, &value)) {
      if (name == "charset" && charset.empty()) charset = TrimQuotes(value);
      if (name == "http-equiv" && ToLower(value) == "content-type") pragma = true;
      if (name == "content" && content_charset.empty()) {
        content_charset = CharsetFromContentType(value);
      }
    }
    if (!charset.empty()) return charset;
    if (pragma && !content_charset.empty()) return content_charset;
    i = pos;
  }
  return "";
}

std::string SniffXmlEncoding(std::string_view b) {
  size_t i = 0;
  while (i < b.size() && IsSpace(b[i])) ++i;
  if (b.compare(i, 5, "<?xml") != 0) return "";
  const size_t end = b.find("?>", i);
  if (end == std::string_view::npos || end - i > 512) return "";
  const std::string_view decl = b.substr(i, end - i);
  const size_t enc = decl.find("encoding");
  if (enc == std::string_view::npos) return "";
  size_t j = enc + 8;
  while (j < decl.size() && IsSpace(decl[j])) ++j;
  if (j >= decl.size() || decl[j] != '=') return "";
  return TrimQuotes(decl.substr(j + 1));
}

Status CheckNotBinary(std::string_view b, const ControlBytes& counted) {
  struct Magic {
    std::string_view bytes;
    const char* what;
  };
  static constexpr Magic kMagic[] = {
      {"\x89PNG\r\n\x1A\n", "PNG image"},
      {"GIF87a", "GIF image"},
      {"GIF89a", "GIF image"},
      {"\xFF\xD8\xFF", "JPEG image"},
      {"%PDF-", "PDF document"},
      {"PK\x03\x04", "ZIP archive"},
      {"\x1F\x8B", "gzip data"},
      {"\x28\xB5\x2F\xFD", "zstd data"},
      {"\x7F"
       "ELF",
       "ELF executable"},
      {"OggS", "Ogg media"},
      {"wOFF", "WOFF font"},
      {"wOF2", "WOFF2 font"},
  };
  for (const Magic& m : kMagic) {
    if (b.substr(0, m.bytes.size()) == m.bytes) {
      return Status::InvalidInput(std::string("binary content (") + m.what + " signature)");
    }
  }
  const size_t nul = counted.nul, control = counted.control;
  if (nul + control > b.size() / 100) {
    return Status::InvalidInput("binary content (" + std::to_string(nul) + " NUL and " +
                                std::to_string(control) + " control bytes in " +
                                std::to_string(b.size()) + ")");
  }
  return Status::Ok();
}

std::vector<const CharsetInfo*> StatisticalCandidates(std::string_view bytes, bool is_html) {
  const std::string_view sample = bytes.substr(0, kDetectBytes);
  const size_t non_ascii = static_cast<size_t>(std::count_if(
      sample.begin(), sample.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; }));
  std::vector<const CharsetInfo*> out;
  const auto add = [&out](const CharsetInfo* info) {
    if (info != nullptr && info->kind != CharsetKind::kWide &&
        std::find(out.begin(), out.end(), info) == out.end()) {
      out.push_back(info);
    }
  };
  int icu_confidence = 0;
  const CharsetInfo* guesses[2] = {LookupCharset(RunUchardet(sample)),
                                   LookupCharset(RunIcuDetector(sample, is_html, &icu_confidence))};
  const auto latin = [](const CharsetInfo* info) {
    return info != nullptr && info->kind == CharsetKind::kLatinSingle;
  };
  if (latin(guesses[0]) && latin(guesses[1]) && icu_confidence >= kIcuLatinTieBreak) {
    std::swap(guesses[0], guesses[1]);
  }
  for (const CharsetInfo* info : guesses) {
    if (latin(info) && non_ascii < kThinLatinEvidence) add(&Windows1252Charset());
    add(info);
  }
  add(&Windows1252Charset());
  return out;
}

}  // namespace veille::extract::internal
