#include "analyze/text_fold.h"

#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <array>
#include <string>

#include "common/utf8.h"

namespace veille::analyze {
namespace {

bool IsAscii(std::string_view s) {
  for (const char c : s) {
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  }
  return true;
}

// ICU's U_SENTINEL (a malformed sequence) is dropped, as before.
void AppendUtf8(UChar32 c, std::string* out) {
  if (c >= 0) veille::AppendUtf8(static_cast<char32_t>(c), out);
}

// The accent-free form of one code point: its canonical decomposition with
// the non-spacing marks removed, or a ligature's letters.
std::string FoldCodePoint(UChar32 c) {
  switch (c) {
    case 0x0153:
      return "oe";  // œ
    case 0x0152:
      return "OE";
    case 0x00E6:
      return "ae";  // æ
    case 0x00C6:
      return "AE";
    case 0x00F8:
      return "o";  // ø
    case 0x00D8:
      return "O";
    case 0x0142:
      return "l";  // ł
    case 0x0141:
      return "L";
    case 0x0111:
      return "d";  // đ
    case 0x0110:
      return "D";
    case 0x0131:
      return "i";  // dotless ı
    case 0x00DF:
      return "ss";
    default:
      break;
  }
  std::string out;
  if (u_charType(c) == U_NON_SPACING_MARK) return out;
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  if (U_FAILURE(status)) {
    AppendUtf8(c, &out);
    return out;
  }
  icu::UnicodeString decomposed;
  if (!nfd->getDecomposition(c, decomposed)) {
    AppendUtf8(c, &out);
    return out;
  }
  for (int32_t i = 0; i < decomposed.length();) {
    const UChar32 d = decomposed.char32At(i);
    i += U16_LENGTH(d);
    if (u_charType(d) != U_NON_SPACING_MARK) AppendUtf8(d, &out);
  }
  return out;
}

// Code points below U+0800 (two UTF-8 bytes: Latin, Greek, Cyrillic, ...)
// are folded through a table built once.
constexpr UChar32 kTableSize = 0x800;

const std::array<std::string, kTableSize>& FoldTable() {
  static const auto* table = [] {
    auto* t = new std::array<std::string, kTableSize>();
    for (UChar32 c = 0; c < kTableSize; ++c) (*t)[c] = FoldCodePoint(c);
    return t;
  }();
  return *table;
}

// Case folding of code points below U+0800 one at a time: a code point with
// an NFKC_Casefold boundary on both sides normalises independently of its
// neighbours, so a string of such code points folds by concatenation.
struct CaseEntry {
  bool simple = false;
  std::string folded;
};

const std::array<CaseEntry, kTableSize>& CaseTable() {
  static const auto* table = [] {
    auto* t = new std::array<CaseEntry, kTableSize>();
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfkc_cf = icu::Normalizer2::getNFKCCasefoldInstance(status);
    if (U_FAILURE(status)) return t;
    for (UChar32 c = 0; c < kTableSize; ++c) {
      CaseEntry& e = (*t)[c];
      e.simple = nfkc_cf->hasBoundaryBefore(c) && nfkc_cf->hasBoundaryAfter(c);
      if (!e.simple) continue;
      icu::UnicodeString n = nfkc_cf->normalize(icu::UnicodeString(c), status);
      if (U_FAILURE(status)) {
        e.simple = false;
        status = U_ZERO_ERROR;
        continue;
      }
      n.toUTF8String(e.folded);
    }
    return t;
  }();
  return *table;
}

// Appends `folded` with typographic apostrophes and hyphens unified.
void AppendUnified(std::string_view folded, std::string* out) {
  const int32_t n = static_cast<int32_t>(folded.size());
  for (int32_t i = 0; i < n;) {
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(folded.data(), i, n, c);
    switch (c) {
      case 0x2019:
      case 0x2018:
      case 0x02BC:
      case 0x2032:
        out->push_back('\'');
        break;
      case 0x2010:
      case 0x2011:
        out->push_back('-');
        break;
      default:
        out->append(folded.substr(start, i - start));
    }
  }
}

// Folds through the table; false when a code point needs the full normaliser.
bool FoldCaseByTable(std::string_view text, std::string* out) {
  const auto& table = CaseTable();
  const int32_t n = static_cast<int32_t>(text.size());
  for (int32_t i = 0; i < n;) {
    const unsigned char b = static_cast<unsigned char>(text[i]);
    if (b < 0x80) {
      out->push_back(b >= 'A' && b <= 'Z' ? static_cast<char>(b + 32) : static_cast<char>(b));
      ++i;
      continue;
    }
    UChar32 c;
    U8_NEXT(text.data(), i, n, c);
    if (c == 0x2019 || c == 0x2018 || c == 0x02BC || c == 0x2032) {
      out->push_back('\'');
    } else if (c == 0x2010 || c == 0x2011) {
      out->push_back('-');
    } else if (c >= 0 && c < kTableSize) {
      if (!table[c].simple) return false;
      out->append(table[c].folded);
    } else {
      return false;  // beyond the table: ICU decides
    }
  }
  return true;
}

}  // namespace

std::string FoldCase(std::string_view text) {
  if (IsAscii(text)) {
    std::string out(text);
    for (char& c : out) c = c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c;
    return out;
  }
  std::string out;
  out.reserve(text.size());
  if (FoldCaseByTable(text, &out)) return out;
  out.clear();
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc_cf = icu::Normalizer2::getNFKCCasefoldInstance(status);
  std::string folded;
  if (U_SUCCESS(status)) {
    icu::StringByteSink<std::string> sink(&folded, static_cast<int32_t>(text.size()));
    nfkc_cf->normalizeUTF8(0, icu::StringPiece(text.data(), static_cast<int32_t>(text.size())),
                           sink, nullptr, status);
  }
  if (U_FAILURE(status)) folded.assign(text);
  AppendUnified(folded, &out);
  return out;
}

std::string FoldAccents(std::string_view text) {
  if (IsAscii(text)) return std::string(text);
  const auto& table = FoldTable();
  std::string out;
  out.reserve(text.size());
  const int32_t n = static_cast<int32_t>(text.size());
  for (int32_t i = 0; i < n;) {
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(text.data(), i, n, c);
    if (c < 0x80) {
      out.push_back(static_cast<char>(c));
    } else if (c < 0) {
      out.append(text.substr(start, i - start));
    } else if (c < kTableSize) {
      out += table[c];
    } else {
      out += FoldCodePoint(c);
    }
  }
  return out;
}

}  // namespace veille::analyze
