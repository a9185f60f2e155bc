// HTML helpers of the web UI: escaping (every string that came from a page
// goes through HtmlEscape before it reaches the output), safe links, the
// page layout. Pure functions; thread-safe.
#ifndef VEILLE_SERVE_HTML_H_
#define VEILLE_SERVE_HTML_H_

#include <cstdint>
#include <string>
#include <string_view>

namespace veille::serve {

// Escapes & < > " ' (text and quoted attribute values alike). Invalid UTF-8
// bytes are replaced by U+FFFD; C0 controls other than \t \n \r are dropped.
std::string HtmlEscape(std::string_view s);

// `url` when it is an absolute http(s) URL, else "" (javascript:, data:,
// relative paths... are never linked). Not escaped: pass it to HtmlEscape.
std::string SafeHttpUrl(std::string_view url);

// Percent-encodes a query-string value (RFC 3986 unreserved kept).
std::string UrlEncode(std::string_view s);

// "2019-04-25 08:30 UTC" for unix seconds; "" for 0 or less.
std::string FormatUnixTime(int64_t unix_seconds);

// At most `max_chars` code points of `s`, cut at a space when one is near,
// with "…" appended when cut.
std::string Truncate(std::string_view s, size_t max_chars);

// A whole page: doctype, head (title, viewport, /static/style.css and
// /static/app.js), the navigation bar with the search box holding `query`,
// then `body` (already HTML). `title` is escaped here.
std::string Page(std::string_view title, std::string_view body, std::string_view query = {});

}  // namespace veille::serve

#endif  // VEILLE_SERVE_HTML_H_
