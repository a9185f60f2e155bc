// URL canonicalisation and RFC 3986 reference resolution (tests: url_test.cc).
//
// Own code rather than a library: we need exactly RFC 3986 §5.2 resolution,
// plus a few WHATWG leniencies that real pages rely on (tabs and newlines
// inside hrefs are dropped, '\' is read as '/' in http(s) paths, "http:foo" is
// relative to an http base), plus our own canonical form for page identity.
//
// A URL is split into five parts with the RFC's appendix-B grammar
// (scheme ":" "//" authority path "?" query "#" fragment). Resolution merges
// parts (§5.2.2) and removes "." and ".." segments (§5.2.4) with a segment
// stack, so "http://a/b/c/d" + "../../g" gives "http://a/g". Canonicalisation
// then lowercases scheme and host, drops default ports and the fragment,
// decodes %XX of unreserved characters, escapes bytes that may not appear raw
// (space, controls, non-ASCII), and removes tracking parameters while keeping
// the order of the others: "HTTP://Ex.com:80/a?utm_source=x&id=3#top" ->
// "http://ex.com/a?id=3".
//
// Cost: linear in the URL length; a few small allocations. Not done: IDNA
// (non-ASCII hosts are kept as UTF-8, ASCII letters lowercased).
#include "common/url.h"

#include <array>
#include <string>
#include <string_view>
#include <vector>

namespace veille {
namespace {

struct UrlParts {
  std::string scheme;  // lowercased; empty when the reference has none
  bool has_authority = false;
  std::string authority;
  std::string path;
  bool has_query = false;
  std::string query;
  bool has_fragment = false;
  std::string fragment;
};

bool IsAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }
char ToLower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }
bool IsUnreserved(char c) {
  return IsAlpha(c) || IsDigit(c) || c == '-' || c == '.' || c == '_' || c == '~';
}
int HexValue(char c) {
  if (IsDigit(c)) return c - '0';
  c = ToLower(c);
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}

std::string Lowercase(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = ToLower(c);
  return out;
}

// Trims surrounding C0 controls and spaces; drops tabs and newlines inside.
std::string Clean(std::string_view in) {
  size_t b = 0, e = in.size();
  while (b < e && static_cast<unsigned char>(in[b]) <= 0x20) ++b;
  while (e > b && static_cast<unsigned char>(in[e - 1]) <= 0x20) --e;
  std::string out;
  out.reserve(e - b);
  for (size_t i = b; i < e; ++i) {
    if (in[i] != '\t' && in[i] != '\n' && in[i] != '\r') out.push_back(in[i]);
  }
  return out;
}

// Splits per RFC 3986 appendix B. Never fails: any string is a reference.
UrlParts Split(std::string_view s) {
  UrlParts p;
  size_t colon = s.find(':');
  if (colon != std::string_view::npos && colon > 0 && IsAlpha(s[0]) &&
      s.find_first_of("/?#") > colon) {
    bool ok = true;
    for (size_t i = 1; i < colon; ++i) {
      char c = s[i];
      if (!IsAlpha(c) && !IsDigit(c) && c != '+' && c != '-' && c != '.') ok = false;
    }
    if (ok) {
      p.scheme = Lowercase(s.substr(0, colon));
      s.remove_prefix(colon + 1);
    }
  }
  if (size_t hash = s.find('#'); hash != std::string_view::npos) {
    p.has_fragment = true;
    p.fragment = std::string(s.substr(hash + 1));
    s = s.substr(0, hash);
  }
  if (size_t q = s.find('?'); q != std::string_view::npos) {
    p.has_query = true;
    p.query = std::string(s.substr(q + 1));
    s = s.substr(0, q);
  }
  std::string path(s);
  // WHATWG: in http(s) URLs a backslash before the query acts as a slash.
  if (p.scheme.empty() || p.scheme == "http" || p.scheme == "https") {
    for (char& c : path) {
      if (c == '\\') c = '/';
    }
  }
  if (path.size() >= 2 && path[0] == '/' && path[1] == '/') {
    size_t end = path.find('/', 2);
    if (end == std::string::npos) end = path.size();
    p.has_authority = true;
    p.authority = path.substr(2, end - 2);
    path.erase(0, end);
  }
  p.path = std::move(path);
  return p;
}

// RFC 3986 §5.2.4 with a segment stack: linear in the path length.
std::string RemoveDotSegments(std::string_view path) {
  if (path.empty()) return std::string();
  const bool absolute = path[0] == '/';
  std::vector<std::string_view> out;
  size_t i = absolute ? 1 : 0;
  while (true) {
    size_t j = path.find('/', i);
    const bool last = j == std::string_view::npos;
    if (last) j = path.size();
    std::string_view seg = path.substr(i, j - i);
    if (seg == "." || seg == "..") {
      if (seg == ".." && !out.empty()) out.pop_back();
      if (last) out.push_back("");  // "a/b/.." ends with a slash
    } else {
      out.push_back(seg);
    }
    if (last) break;
    i = j + 1;
  }
  std::string result = absolute ? "/" : "";
  for (size_t k = 0; k < out.size(); ++k) {
    if (k > 0) result.push_back('/');
    result.append(out[k]);
  }
  return result;
}

std::string Merge(const UrlParts& base, std::string_view ref_path) {
  if (base.has_authority && base.path.empty()) return "/" + std::string(ref_path);
  size_t slash = base.path.rfind('/');
  if (slash == std::string::npos) return std::string(ref_path);
  return base.path.substr(0, slash + 1) + std::string(ref_path);
}

bool IsHttp(std::string_view scheme) { return scheme == "http" || scheme == "https"; }

// Escapes bytes that may not appear raw; normalises existing escapes
// (unreserved ones decoded, hex uppercased). A lone '%' becomes "%25".
std::string NormalizeEscapes(std::string_view s) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c == '%') {
      const int hi = i + 2 < s.size() ? HexValue(s[i + 1]) : -1;
      const int lo = hi >= 0 ? HexValue(s[i + 2]) : -1;
      if (lo < 0) {
        out += "%25";
        continue;
      }
      const char decoded = static_cast<char>(hi * 16 + lo);
      if (IsUnreserved(decoded)) {
        out.push_back(decoded);
      } else {
        out.push_back('%');
        out.push_back(kHex[hi]);
        out.push_back(kHex[lo]);
      }
      i += 2;
    } else if (c <= 0x20 || c >= 0x7F || c == '"' || c == '<' || c == '>' || c == '`' || c == '{' ||
               c == '}' || c == '|' || c == '^') {
      out.push_back('%');
      out.push_back(kHex[c >> 4]);
      out.push_back(kHex[c & 15]);
    } else {
      out.push_back(static_cast<char>(c));
    }
  }
  return out;
}

std::string Serialize(const UrlParts& p) {
  std::string out = p.scheme + ":";
  if (p.has_authority) out += "//" + p.authority;
  out += p.path;
  if (p.has_query) out += "?" + p.query;
  if (p.has_fragment) out += "#" + p.fragment;
  return out;
}

struct Authority {
  std::string userinfo;  // with its trailing '@', or empty
  std::string host;      // lowercased
  std::string port;      // digits, or empty
};

// Splits and validates "user@host:port". False when the host is empty or
// holds characters a host cannot hold, or the port is not a number <= 65535.
bool ParseAuthority(std::string_view a, Authority* out) {
  if (size_t at = a.rfind('@'); at != std::string_view::npos) {
    out->userinfo = std::string(a.substr(0, at + 1));
    a.remove_prefix(at + 1);
  }
  std::string_view host = a, port;
  if (!a.empty() && a[0] == '[') {
    size_t close = a.find(']');
    if (close == std::string_view::npos || close == 1) return false;
    host = a.substr(0, close + 1);
    std::string_view rest = a.substr(close + 1);
    if (!rest.empty()) {
      if (rest[0] != ':') return false;
      port = rest.substr(1);
    }
    for (char c : host.substr(1, host.size() - 2)) {
      if (HexValue(c) < 0 && c != ':' && c != '.') return false;
    }
  } else {
    if (size_t colon = a.rfind(':'); colon != std::string_view::npos) {
      host = a.substr(0, colon);
      port = a.substr(colon + 1);
    }
    for (char c : host) {
      const unsigned char u = static_cast<unsigned char>(c);
      if (u < 0x80 && !IsUnreserved(c) && c != '%' && c != '!' && c != '$' && c != '&' &&
          c != '\'' && c != '(' && c != ')' && c != '*' && c != '+' && c != ',' && c != ';' &&
          c != '=') {
        return false;
      }
    }
    while (!host.empty() && host.back() == '.') host.remove_suffix(1);  // "ex.com." = "ex.com"
  }
  if (host.empty()) return false;
  if (port.size() > 5) return false;
  long value = 0;
  for (char c : port) {
    if (!IsDigit(c)) return false;
    value = value * 10 + (c - '0');
  }
  if (value > 65535) return false;
  out->host = Lowercase(host);
  out->port = std::string(port);
  return true;
}

bool IsTrackingParam(std::string_view key) {
  static constexpr std::array<std::string_view, 12> kExact = {
      "fbclid", "gclid", "dclid", "msclkid", "mc_cid", "mc_eid",
      "igshid", "yclid", "_ga",   "_gl",     "xtor",   "gbraid"};
  const std::string k = Lowercase(key);
  if (k.rfind("utm_", 0) == 0 || k.rfind("at_", 0) == 0) return true;
  for (std::string_view t : kExact) {
    if (k == t) return true;
  }
  return false;
}

// Drops tracking and empty parameters, keeping the others in order.
std::string CleanQuery(std::string_view query) {
  std::string out;
  size_t i = 0;
  while (i <= query.size()) {
    size_t amp = query.find('&', i);
    if (amp == std::string_view::npos) amp = query.size();
    std::string_view param = query.substr(i, amp - i);
    std::string_view key = param.substr(0, param.find('='));
    if (!param.empty() && !IsTrackingParam(key)) {
      if (!out.empty()) out.push_back('&');
      out.append(param);
    }
    i = amp + 1;
  }
  return out;
}

}  // namespace

Result<std::string> CanonicalizeUrl(std::string_view url) {
  UrlParts p = Split(Clean(url));
  if (!IsHttp(p.scheme) || !p.has_authority) {
    return Status::InvalidInput("not an absolute http(s) URL: '" + std::string(url) + "'");
  }
  Authority auth;
  if (!ParseAuthority(p.authority, &auth)) {
    return Status::InvalidInput("bad host or port in URL: '" + std::string(url) + "'");
  }
  const bool default_port = auth.port.empty() || (p.scheme == "http" && auth.port == "80") ||
                            (p.scheme == "https" && auth.port == "443");
  p.authority = auth.userinfo + auth.host + (default_port ? "" : ":" + auth.port);
  p.path = NormalizeEscapes(RemoveDotSegments(p.path));
  if (p.path.empty()) p.path = "/";
  if (p.has_query) {
    p.query = NormalizeEscapes(CleanQuery(p.query));
    p.has_query = !p.query.empty();
  }
  p.has_fragment = false;
  p.fragment.clear();
  return Serialize(p);
}

Result<std::string> ResolveUrl(std::string_view base, std::string_view ref) {
  const UrlParts b = Split(Clean(base));
  UrlParts r = Split(Clean(ref));
  const bool base_ok = !b.scheme.empty() && (!IsHttp(b.scheme) || b.has_authority);
  // WHATWG leniency: "http:foo" against an http base is a relative reference.
  if (base_ok && IsHttp(r.scheme) && r.scheme == b.scheme && !r.has_authority) r.scheme.clear();
  UrlParts t;
  if (!r.scheme.empty()) {
    t = r;
    t.path = RemoveDotSegments(r.path);
  } else {
    if (!base_ok) {
      return Status::InvalidInput("cannot resolve '" + std::string(ref) +
                                  "': base is not absolute: '" + std::string(base) + "'");
    }
    t.scheme = b.scheme;
    if (r.has_authority) {
      t.has_authority = true;
      t.authority = r.authority;
      t.path = RemoveDotSegments(r.path);
      t.has_query = r.has_query;
      t.query = r.query;
    } else {
      t.has_authority = b.has_authority;
      t.authority = b.authority;
      if (r.path.empty()) {
        t.path = b.path;
        t.has_query = r.has_query || b.has_query;
        t.query = r.has_query ? r.query : b.query;
      } else {
        t.path = RemoveDotSegments(r.path[0] == '/' ? r.path : Merge(b, r.path));
        t.has_query = r.has_query;
        t.query = r.query;
      }
    }
    t.has_fragment = r.has_fragment;
    t.fragment = r.fragment;
  }
  if (IsHttp(t.scheme)) {
    Authority auth;
    if (!t.has_authority || !ParseAuthority(t.authority, &auth)) {
      return Status::InvalidInput("resolved URL has no valid host: '" + std::string(ref) + "'");
    }
    if (t.path.empty()) t.path = "/";
  }
  t.path = NormalizeEscapes(t.path);
  t.query = NormalizeEscapes(t.query);
  t.fragment = NormalizeEscapes(t.fragment);
  return Serialize(t);
}

std::string UrlHost(std::string_view url) {
  const UrlParts p = Split(Clean(url));
  Authority auth;
  if (p.scheme.empty() || !p.has_authority || !ParseAuthority(p.authority, &auth)) return "";
  std::string host = std::move(auth.host);
  if (host.rfind("www.", 0) == 0) host.erase(0, 4);
  return host;
}

}  // namespace veille
