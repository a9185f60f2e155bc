#include "serve/html.h"

#include <ctime>

#include <fmt/format.h>

namespace veille::serve {
namespace {

// Length of the valid UTF-8 sequence at s[i], or 0 when it is not one.
size_t Utf8Length(std::string_view s, size_t i) {
  const auto c = static_cast<unsigned char>(s[i]);
  size_t n = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
  if (n == 0 || i + n > s.size()) return 0;
  for (size_t k = 1; k < n; ++k) {
    if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return 0;
  }
  if (n == 2 && c < 0xC2) return 0;  // overlong
  return n;
}

}  // namespace

std::string HtmlEscape(std::string_view s) {
  std::string out;
  out.reserve(s.size() + s.size() / 8);
  for (size_t i = 0; i < s.size();) {
    const char c = s[i];
    switch (c) {
      case '&':
        out += "&amp;";
        ++i;
        continue;
      case '<':
        out += "&lt;";
        ++i;
        continue;
      case '>':
        out += "&gt;";
        ++i;
        continue;
      case '"':
        out += "&quot;";
        ++i;
        continue;
      case '\'':
        out += "&#39;";
        ++i;
        continue;
      default:
        break;
    }
    const auto u = static_cast<unsigned char>(c);
    if (u < 0x20 && c != '\t' && c != '\n' && c != '\r') {
      ++i;
      continue;
    }
    const size_t n = Utf8Length(s, i);
    if (n == 0) {
      out += "\xEF\xBF\xBD";
      ++i;
      continue;
    }
    out.append(s.substr(i, n));
    i += n;
  }
  return out;
}

std::string SafeHttpUrl(std::string_view url) {
  auto starts = [&](std::string_view p) {
    if (url.size() <= p.size()) return false;
    for (size_t i = 0; i < p.size(); ++i) {
      if (std::tolower(static_cast<unsigned char>(url[i])) != p[i]) return false;
    }
    return true;
  };
  if (!starts("http://") && !starts("https://")) return "";
  for (char c : url) {
    if (static_cast<unsigned char>(c) <= 0x20) return "";
  }
  return std::string(url);
}

std::string UrlEncode(std::string_view s) {
  std::string out;
  for (char c : s) {
    const auto u = static_cast<unsigned char>(c);
    if (std::isalnum(u) || c == '-' || c == '_' || c == '.' || c == '~') {
      out += c;
    } else {
      out += fmt::format("%{:02X}", u);
    }
  }
  return out;
}

std::string FormatUnixTime(int64_t unix_seconds) {
  if (unix_seconds <= 0) return "";
  const std::time_t t = static_cast<std::time_t>(unix_seconds);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%d %H:%M UTC", &tm);
  return buf;
}

std::string Truncate(std::string_view s, size_t max_chars) {
  size_t chars = 0;
  size_t i = 0;
  size_t last_space = std::string_view::npos;
  while (i < s.size() && chars < max_chars) {
    if (s[i] == ' ' || s[i] == '\n') last_space = i;
    const size_t n = Utf8Length(s, i);
    i += n == 0 ? 1 : n;
    ++chars;
  }
  if (i >= s.size()) return std::string(s);
  const size_t cut =
      last_space != std::string_view::npos && last_space > i * 3 / 4 ? last_space : i;
  return std::string(s.substr(0, cut)) + "…";
}

std::string Page(std::string_view title, std::string_view body, std::string_view query) {
  return fmt::format(
      "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
      "<title>{0} · Veille</title><link rel=\"stylesheet\" href=\"/static/style.css\">"
      "<link rel=\"icon\" href=\"/static/favicon.svg\" type=\"image/svg+xml\">"
      "<script src=\"/static/app.js\" defer></script></head><body>"
      "<header class=\"top\"><a class=\"brand\" href=\"/\">Veille</a>"
      "<nav><a href=\"/\">Stories</a><a href=\"/storylines\">Storylines</a>"
      "<a href=\"/articles\">Articles</a><a href=\"/entities\">Entities</a></nav>"
      "<form class=\"search\" action=\"/search\" method=\"get\" role=\"search\">"
      "<input type=\"search\" name=\"q\" value=\"{1}\" placeholder=\"Search the news\" "
      "aria-label=\"Search\" maxlength=\"256\"><button type=\"submit\">Search</button></form>"
      "</header><main>{2}</main><footer>Veille · <a href=\"/api/stories\">JSON API</a></footer>"
      "</body></html>\n",
      HtmlEscape(title), HtmlEscape(query), body);
}

}  // namespace veille::serve
