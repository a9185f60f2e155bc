#include "extract/text_util.h"

#include <cstdint>

namespace veille::extract {
namespace {

// Decodes the code point at s[i] and its length. Invalid bytes decode as
// themselves with length 1 (callers only need a robust walk, not validation).
uint32_t DecodeAt(std::string_view s, size_t i, size_t* len) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  size_t n = b0 < 0x80 ? 1 : b0 >= 0xF0 ? 4 : b0 >= 0xE0 ? 3 : b0 >= 0xC0 ? 2 : 1;
  if (i + n > s.size()) n = 1;
  uint32_t cp = n == 1 ? b0 : n == 2 ? (b0 & 0x1F) : n == 3 ? (b0 & 0x0F) : (b0 & 0x07);
  for (size_t k = 1; k < n; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
  *len = n;
  return cp;
}

bool IsSpace(uint32_t cp) {
  return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' || cp == '\v' ||
         cp == 0xA0 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x202F || cp == 0x205F ||
         cp == 0x3000;
}

bool IsZeroWidth(uint32_t cp) { return cp == 0x200B || cp == 0x200C || cp == 0xFEFF; }

bool IsLetter(uint32_t cp) {
  if (cp < 0x80) return (cp | 0x20) >= 'a' && (cp | 0x20) <= 'z';
  if (cp < 0xC0 || cp == 0xD7 || cp == 0xF7) return false;  // Latin-1 symbols
  if (cp >= 0x2000 && cp <= 0x2BFF) return false;           // punctuation, symbols
  if (cp >= 0x3000 && cp <= 0x303F) return false;           // CJK punctuation
  if (cp >= 0xFE00 && cp <= 0xFFFF) return false;           // forms, specials
  return true;
}

}  // namespace

void AppendCollapsed(std::string_view in, std::string* out, bool* pending_space) {
  size_t i = 0;
  while (i < in.size()) {
    // ASCII fast path: a run of visible ASCII is copied at once.
    const auto b = static_cast<unsigned char>(in[i]);
    if (b > ' ' && b < 0x80) {
      size_t end = i + 1;
      while (end < in.size() && static_cast<unsigned char>(in[end]) > ' ' &&
             static_cast<unsigned char>(in[end]) < 0x80) {
        ++end;
      }
      if (*pending_space && !out->empty() && out->back() != '\n') out->push_back(' ');
      *pending_space = false;
      out->append(in.substr(i, end - i));
      i = end;
      continue;
    }
    size_t len;
    const uint32_t cp = DecodeAt(in, i, &len);
    if (IsSpace(cp)) {
      *pending_space = true;
    } else if (!IsZeroWidth(cp)) {
      if (*pending_space && !out->empty() && out->back() != '\n') out->push_back(' ');
      *pending_space = false;
      out->append(in.substr(i, len));
    }
    i += len;
  }
}

std::string CollapseWhitespace(std::string_view in) {
  std::string out;
  out.reserve(in.size());
  bool pending = false;
  AppendCollapsed(in, &out, &pending);
  return out;
}

std::string FoldForMatch(std::string_view in) {
  std::string collapsed = CollapseWhitespace(in);
  std::string out;
  out.reserve(collapsed.size());
  for (size_t i = 0; i < collapsed.size(); ++i) {
    const auto c = static_cast<unsigned char>(collapsed[i]);
    if (c >= 'A' && c <= 'Z') {
      out.push_back(static_cast<char>(c + 32));
    } else if (c == 0xC3 && i + 1 < collapsed.size()) {
      auto c1 = static_cast<unsigned char>(collapsed[i + 1]);
      if (c1 >= 0x80 && c1 <= 0x9E && c1 != 0x97) c1 += 0x20;  // À-Þ -> à-þ
      out.push_back(static_cast<char>(c));
      out.push_back(static_cast<char>(c1));
      ++i;
    } else if (c == 0xE2 && collapsed.compare(i, 3, "\xE2\x80\x99") == 0) {
      out.push_back('\'');  // ’
      i += 2;
    } else {
      out.push_back(static_cast<char>(c));
    }
  }
  return out;
}

TextShape ShapeOf(std::string_view text) {
  TextShape shape;
  bool in_word = false;
  size_t i = 0;
  while (i < text.size()) {
    size_t len;
    const uint32_t cp = DecodeAt(text, i, &len);
    i += len;
    ++shape.chars;
    if (IsSpace(cp)) {
      in_word = false;
      continue;
    }
    ++shape.visible;
    if (!in_word) ++shape.words;
    in_word = true;
    if (IsLetter(cp)) {
      ++shape.letters;
    } else if (cp >= '0' && cp <= '9') {
      ++shape.digits;
    } else if (cp == ',' || cp == 0xFF0C || cp == 0x3001) {
      ++shape.commas;
    }
  }
  return shape;
}

namespace {

// Strips trailing spaces and, when `closers`, closing quotes and brackets.
std::string_view TrimEnd(std::string_view s, bool closers) {
  while (!s.empty()) {
    const auto c = static_cast<unsigned char>(s.back());
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      s.remove_suffix(1);
    } else if (closers && (c == '"' || c == '\'' || c == ')' || c == ']')) {
      s.remove_suffix(1);
    } else if (closers && (s.ends_with("»") || s.ends_with("”") || s.ends_with("’"))) {
      s.remove_suffix(s.ends_with("»") ? 2 : 3);
    } else if (s.ends_with("\xC2\xA0") || s.ends_with("\xE2\x80\xAF")) {
      s.remove_suffix(s.ends_with("\xC2\xA0") ? 2 : 3);
    } else {
      break;
    }
  }
  return s;
}

}  // namespace

bool EndsTruncated(std::string_view text) {
  const std::string_view s = TrimEnd(text, /*closers=*/false);
  return s.ends_with("...") || s.ends_with("…");
}

bool EndsSentence(std::string_view text) {
  const std::string_view s = TrimEnd(text, /*closers=*/true);
  if (s.empty() || s.ends_with("...") || s.ends_with("…")) return false;
  const char c = s.back();
  return c == '.' || c == '!' || c == '?';
}

}  // namespace veille::extract
