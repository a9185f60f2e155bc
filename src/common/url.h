// URL helpers shared by the stages: canonicalisation (the identity of a page
// for idempotent ingest), resolution of relative links, host extraction.
// Pure functions; thread-safe.
#ifndef VEILLE_COMMON_URL_H_
#define VEILLE_COMMON_URL_H_

#include <string>
#include <string_view>

#include "veille/status.h"

namespace veille {

// Canonicalises an absolute http(s) URL: scheme and host lowercased, default
// port (80/443) dropped, fragment dropped, tracking parameters removed
// (utm_*, fbclid, gclid, dclid, msclkid, mc_cid, mc_eid, igshid, yclid, _ga,
// xtor, at_medium-style at_* ...), an empty query dropped, an empty path made
// "/", percent-encoding of unreserved characters decoded, surrounding spaces
// trimmed. Returns kInvalidInput for anything that is not an absolute http(s) URL.
Result<std::string> CanonicalizeUrl(std::string_view url);

// Resolves `ref` (absolute, scheme-relative, or relative) against absolute
// `base` per RFC 3986. Returns kInvalidInput if neither gives an absolute URL.
Result<std::string> ResolveUrl(std::string_view base, std::string_view ref);

// Returns the lowercased host of an absolute URL without "www.", or "".
std::string UrlHost(std::string_view url);

}  // namespace veille

#endif  // VEILLE_COMMON_URL_H_
