#include "ingest/feed_text.h"

#include <cstdint>

#include "common/utf8.h"

namespace veille::ingest {
namespace {

bool IsXmlSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }
bool IsAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// A character reference to NUL is not text: it becomes U+FFFD like an
// invalid code point (which veille::AppendUtf8 already replaces).
void AppendUtf8(uint32_t cp, std::string* out) {
  veille::AppendUtf8(cp == 0 ? kReplacementChar : static_cast<char32_t>(cp), out);
}

// Length of an entity reference "&name;" or "&#N;" / "&#xH;" at the start of
// `s`, or 0.
size_t EntityLength(std::string_view s) {
  if (s.size() < 3 || s[0] != '&') return 0;
  size_t i = 1;
  if (s[i] == '#') {
    ++i;
    const bool hex = i < s.size() && (s[i] == 'x' || s[i] == 'X');
    if (hex) ++i;
    const size_t start = i;
    while (i < s.size() && i - start < 8 &&
           (IsDigit(s[i]) ||
            (hex && ((s[i] >= 'a' && s[i] <= 'f') || (s[i] >= 'A' && s[i] <= 'F'))))) {
      ++i;
    }
    if (i == start) return 0;
  } else {
    const size_t start = i;
    while (i < s.size() && i - start < 32 && (IsAlpha(s[i]) || IsDigit(s[i]))) ++i;
    if (i == start) return 0;
  }
  return i < s.size() && s[i] == ';' ? i + 1 : 0;
}

}  // namespace

std::string_view TrimXmlSpace(std::string_view s) {
  while (!s.empty() && IsXmlSpace(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsXmlSpace(s.back())) s.remove_suffix(1);
  return s;
}

std::string CollapseSpace(std::string_view s) {
  s = TrimXmlSpace(s);
  std::string out;
  out.reserve(s.size());
  bool space = false;
  for (char c : s) {
    if (IsXmlSpace(c)) {
      space = true;
      continue;
    }
    if (space) out.push_back(' ');
    space = false;
    out.push_back(c);
  }
  return out;
}

std::string HtmlToPlain(std::string_view html) {
  std::string out;
  out.reserve(html.size());
  for (size_t i = 0; i < html.size();) {
    const char c = html[i];
    if (c == '<') {
      const size_t end = html.find('>', i);
      if (end == std::string_view::npos) break;
      i = end + 1;
      continue;
    }
    const size_t len = c == '&' ? EntityLength(html.substr(i)) : 0;
    if (len == 0) {
      out.push_back(c);
      ++i;
      continue;
    }
    const std::string_view ent = html.substr(i + 1, len - 2);
    if (ent[0] == '#') {
      const bool hex = ent.size() > 1 && (ent[1] == 'x' || ent[1] == 'X');
      uint32_t cp = 0;
      for (char d : ent.substr(hex ? 2 : 1)) {
        const uint32_t v = IsDigit(d) ? d - '0' : (d | 0x20) - 'a' + 10;
        cp = cp * (hex ? 16 : 10) + v;
      }
      AppendUtf8(cp, &out);
    } else if (ent == "amp") {
      out.push_back('&');
    } else if (ent == "lt") {
      out.push_back('<');
    } else if (ent == "gt") {
      out.push_back('>');
    } else if (ent == "quot") {
      out.push_back('"');
    } else if (ent == "apos") {
      out.push_back('\'');
    } else if (ent == "nbsp") {
      AppendUtf8(0xA0, &out);
    } else {
      out.append(html.substr(i, len));  // left for the extractor's entity table
    }
    i += len;
  }
  return out;
}

bool LooksLikeHtml(std::string_view body) {
  for (size_t i = 0; i < body.size(); ++i) {
    if (body[i] == '<' && i + 1 < body.size()) {
      const char next = body[i + 1];
      if (IsAlpha(next)) {
        size_t j = i + 2;
        while (j < body.size() && (IsAlpha(body[j]) || IsDigit(body[j]))) ++j;
        if (j < body.size() && (IsXmlSpace(body[j]) || body[j] == '>' || body[j] == '/')) {
          return true;
        }
      } else if ((next == '/' && i + 2 < body.size() && IsAlpha(body[i + 2])) ||
                 body.substr(i, 4) == "<!--") {
        return true;
      }
    } else if (body[i] == '&' && EntityLength(body.substr(i)) > 0) {
      return true;
    }
  }
  return false;
}

}  // namespace veille::ingest
