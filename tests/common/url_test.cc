#include "common/url.h"

#include <gtest/gtest.h>

#include <string>

namespace veille {
namespace {

std::string Canon(std::string_view url) {
  Result<std::string> r = CanonicalizeUrl(url);
  return r.ok() ? r.value() : "ERROR: " + r.status().message();
}

std::string Resolve(std::string_view base, std::string_view ref) {
  Result<std::string> r = ResolveUrl(base, ref);
  return r.ok() ? r.value() : "ERROR";
}

TEST(CanonicalizeUrl, LowercasesSchemeAndHostButNotPath) {
  EXPECT_EQ(Canon("HTTPS://WWW.Example.COM/Path/To?Q=A"), "https://www.example.com/Path/To?Q=A");
}

TEST(CanonicalizeUrl, DropsDefaultPortsOnly) {
  EXPECT_EQ(Canon("http://example.com:80/a"), "http://example.com/a");
  EXPECT_EQ(Canon("https://example.com:443/a"), "https://example.com/a");
  EXPECT_EQ(Canon("http://example.com:443/a"), "http://example.com:443/a");
  EXPECT_EQ(Canon("https://example.com:8443/a"), "https://example.com:8443/a");
  EXPECT_EQ(Canon("http://example.com:/a"), "http://example.com/a");
}

TEST(CanonicalizeUrl, DropsFragment) {
  EXPECT_EQ(Canon("https://ex.com/a#section-2"), "https://ex.com/a");
  EXPECT_EQ(Canon("https://ex.com/a?x=1#"), "https://ex.com/a?x=1");
}

TEST(CanonicalizeUrl, RemovesTrackingParamsKeepingOrder) {
  EXPECT_EQ(Canon("https://ex.com/a?utm_source=tw&id=3&utm_medium=social&page=2&fbclid=XyZ"),
            "https://ex.com/a?id=3&page=2");
  EXPECT_EQ(Canon("https://ex.com/a?z=1&gclid=abc&y=2&x=3"), "https://ex.com/a?z=1&y=2&x=3");
  EXPECT_EQ(Canon("https://ex.com/a?xtor=RSS-1&at_medium=custom&at_campaign=x&b=1"),
            "https://ex.com/a?b=1");
  EXPECT_EQ(Canon("https://ex.com/a?UTM_Source=x&msclkid=1&igshid=2&mc_cid=3&mc_eid=4&_ga=5"),
            "https://ex.com/a");
  EXPECT_EQ(Canon("https://ex.com/a?dclid=1&yclid=2&keep=utm_source"),
            "https://ex.com/a?keep=utm_source");
}

TEST(CanonicalizeUrl, KeepsParamsThatOnlyLookLikeTracking) {
  EXPECT_EQ(Canon("https://ex.com/?utmost=1&gclidx=2"), "https://ex.com/?utmost=1&gclidx=2");
}

TEST(CanonicalizeUrl, DropsEmptyQueryAndEmptyParams) {
  EXPECT_EQ(Canon("https://ex.com/a?"), "https://ex.com/a");
  EXPECT_EQ(Canon("https://ex.com/a?utm_campaign=spring"), "https://ex.com/a");
  EXPECT_EQ(Canon("https://ex.com/a?&x=1&&y=2&"), "https://ex.com/a?x=1&y=2");
}

TEST(CanonicalizeUrl, EmptyPathBecomesSlash) {
  EXPECT_EQ(Canon("http://example.com"), "http://example.com/");
  EXPECT_EQ(Canon("http://example.com?x=1"), "http://example.com/?x=1");
}

TEST(CanonicalizeUrl, DecodesUnreservedEscapesOnly) {
  EXPECT_EQ(Canon("https://ex.com/%7Euser/a%2db%2Fc%3f"), "https://ex.com/~user/a-b%2Fc%3F");
  EXPECT_EQ(Canon("https://ex.com/100%"), "https://ex.com/100%25");
}

TEST(CanonicalizeUrl, EscapesSpacesAndNonAscii) {
  EXPECT_EQ(Canon("https://ex.com/caf\xC3\xA9 noir"), "https://ex.com/caf%C3%A9%20noir");
}

TEST(CanonicalizeUrl, TrimsAndRemovesDotSegments) {
  EXPECT_EQ(Canon("  https://ex.com/a/./b/../c\n"), "https://ex.com/a/c");
  EXPECT_EQ(Canon("https://ex.com./a"), "https://ex.com/a");
}

TEST(CanonicalizeUrl, KeepsIpv6AndUserinfo) {
  EXPECT_EQ(Canon("http://[2001:DB8::1]:80/x"), "http://[2001:db8::1]/x");
  EXPECT_EQ(Canon("http://user:pw@Ex.com/"), "http://user:pw@ex.com/");
}

TEST(CanonicalizeUrl, RejectsNonHttpAndMalformed) {
  EXPECT_FALSE(CanonicalizeUrl("").ok());
  EXPECT_FALSE(CanonicalizeUrl("   ").ok());
  EXPECT_FALSE(CanonicalizeUrl("ftp://ex.com/a").ok());
  EXPECT_FALSE(CanonicalizeUrl("mailto:a@b.c").ok());
  EXPECT_FALSE(CanonicalizeUrl("/relative/path").ok());
  EXPECT_FALSE(CanonicalizeUrl("ex.com/a").ok());
  EXPECT_FALSE(CanonicalizeUrl("http://").ok());
  EXPECT_FALSE(CanonicalizeUrl("http:///a").ok());
  EXPECT_FALSE(CanonicalizeUrl("http://ex.com:99999/").ok());
  EXPECT_FALSE(CanonicalizeUrl("http://ex.com:8a/").ok());
  EXPECT_FALSE(CanonicalizeUrl("http://ex<ample.com/").ok());
  EXPECT_FALSE(CanonicalizeUrl("http://[::1/").ok());
  EXPECT_FALSE(CanonicalizeUrl("http://[]/").ok());
  Result<std::string> r = CanonicalizeUrl("javascript:alert(1)");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kInvalidInput);
}

TEST(CanonicalizeUrl, IsIdempotent) {
  const char* urls[] = {"HTTP://Ex.com:80/a/../b?utm_source=x&q=%7e#f", "https://ex.com",
                        "https://ex.com/a b?c=d e"};
  for (const char* u : urls) {
    std::string once = Canon(u);
    EXPECT_EQ(Canon(once), once) << u;
  }
}

// The examples of RFC 3986 §5.4.1 and §5.4.2.
TEST(ResolveUrl, Rfc3986Examples) {
  const std::string base = "http://a/b/c/d;p?q";
  const std::pair<const char*, const char*> cases[] = {
      {"g", "http://a/b/c/g"},
      {"./g", "http://a/b/c/g"},
      {"g/", "http://a/b/c/g/"},
      {"/g", "http://a/g"},
      {"//g", "http://g/"},
      {"?y", "http://a/b/c/d;p?y"},
      {"g?y", "http://a/b/c/g?y"},
      {"#s", "http://a/b/c/d;p?q#s"},
      {"g#s", "http://a/b/c/g#s"},
      {";x", "http://a/b/c/;x"},
      {"", "http://a/b/c/d;p?q"},
      {".", "http://a/b/c/"},
      {"./", "http://a/b/c/"},
      {"..", "http://a/b/"},
      {"../", "http://a/b/"},
      {"../g", "http://a/b/g"},
      {"../..", "http://a/"},
      {"../../g", "http://a/g"},
      {"../../../g", "http://a/g"},
      {"../../../../g", "http://a/g"},
      {"/./g", "http://a/g"},
      {"/../g", "http://a/g"},
      {"g.", "http://a/b/c/g."},
      {".g", "http://a/b/c/.g"},
      {"g..", "http://a/b/c/g.."},
      {"./../g", "http://a/b/g"},
      {"./g/.", "http://a/b/c/g/"},
      {"g/./h", "http://a/b/c/g/h"},
      {"g/../h", "http://a/b/c/h"},
      {"g;x=1/./y", "http://a/b/c/g;x=1/y"},
      {"g;x=1/../y", "http://a/b/c/y"},
      {"g?y/./x", "http://a/b/c/g?y/./x"},
      {"g#s/../x", "http://a/b/c/g#s/../x"},
  };
  for (const auto& [ref, want] : cases) EXPECT_EQ(Resolve(base, ref), want) << ref;
}

TEST(ResolveUrl, AbsoluteAndSchemeRelativeRefs) {
  EXPECT_EQ(Resolve("https://ex.com/a/b", "http://other.org/x"), "http://other.org/x");
  EXPECT_EQ(Resolve("https://ex.com/a/b", "//cdn.ex.com/img.png"), "https://cdn.ex.com/img.png");
  EXPECT_EQ(Resolve("http://ex.com/a/b", "//cdn.ex.com"), "http://cdn.ex.com/");
  EXPECT_EQ(Resolve("https://ex.com/a/b", "HTTPS://Other.org/"), "https://Other.org/");
  EXPECT_EQ(Resolve("not a url", "https://ex.com/x"), "https://ex.com/x");
}

TEST(ResolveUrl, RealWorldLeniencies) {
  EXPECT_EQ(Resolve("https://ex.com/news/", "  article 1.html\n"),
            "https://ex.com/news/article%201.html");
  EXPECT_EQ(Resolve("https://ex.com/news/", "sec\ttion/a"), "https://ex.com/news/section/a");
  EXPECT_EQ(Resolve("https://ex.com/news/x", "..\\y"), "https://ex.com/y");
  EXPECT_EQ(Resolve("https://ex.com", "a"), "https://ex.com/a");
  EXPECT_EQ(Resolve("https://ex.com/a/b", "https:c"), "https://ex.com/a/c");
}

TEST(ResolveUrl, RejectsWhenNothingAbsolute) {
  EXPECT_FALSE(ResolveUrl("", "a/b").ok());
  EXPECT_FALSE(ResolveUrl("/relative/base", "x").ok());
  EXPECT_FALSE(ResolveUrl("https://ex.com/", "//").ok());
  EXPECT_FALSE(ResolveUrl("https://ex.com/", "http://bad host/").ok());
}

TEST(UrlHost, LowercasesAndStripsWwwAndPort) {
  EXPECT_EQ(UrlHost("https://WWW.LeMonde.fr:443/a"), "lemonde.fr");
  EXPECT_EQ(UrlHost("http://news.bbc.co.uk/x"), "news.bbc.co.uk");
  EXPECT_EQ(UrlHost("http://user@www2.ex.com"), "www2.ex.com");
  EXPECT_EQ(UrlHost("/relative"), "");
  EXPECT_EQ(UrlHost("not a url"), "");
  EXPECT_EQ(UrlHost(""), "");
}

}  // namespace
}  // namespace veille
