#include "serve/html.h"

#include <gtest/gtest.h>

#include "serve/web_render.h"

namespace veille::serve {
namespace {

TEST(HtmlEscape, EscapesMarkupAndQuotes) {
  EXPECT_EQ(HtmlEscape(R"(<script>alert("x")</script>)"),
            "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
  EXPECT_EQ(HtmlEscape(R"("><img src=x onerror='a()'>)"),
            "&quot;&gt;&lt;img src=x onerror=&#39;a()&#39;&gt;");
  EXPECT_EQ(HtmlEscape("a & b"), "a &amp; b");
  EXPECT_EQ(HtmlEscape("Poutine à Vladivostok — été"), "Poutine à Vladivostok — été");
}

TEST(HtmlEscape, ReplacesInvalidUtf8AndDropsControls) {
  EXPECT_EQ(HtmlEscape(std::string("a\xC3(b")), "a\xEF\xBF\xBD(b");
  EXPECT_EQ(HtmlEscape(std::string("a\x01\x1b"
                                   "b\tc\n")),
            "ab\tc\n");
  EXPECT_EQ(HtmlEscape(std::string("\xC0\xAF")), "\xEF\xBF\xBD\xEF\xBF\xBD");  // overlong '/'
}

TEST(SafeHttpUrl, OnlyAbsoluteHttp) {
  EXPECT_EQ(SafeHttpUrl("https://example.com/a?b=1"), "https://example.com/a?b=1");
  EXPECT_EQ(SafeHttpUrl("HTTP://EXAMPLE.COM/"), "HTTP://EXAMPLE.COM/");
  EXPECT_EQ(SafeHttpUrl("javascript:alert(1)"), "");
  EXPECT_EQ(SafeHttpUrl("data:text/html,<script>"), "");
  EXPECT_EQ(SafeHttpUrl("/etc/passwd"), "");
  EXPECT_EQ(SafeHttpUrl("https://a.com/\nx"), "");
  EXPECT_EQ(SafeHttpUrl("http://"), "");
}

TEST(SnippetHtml, MarksMatchesAndEscapes) {
  EXPECT_EQ(SnippetHtml("port de [Vladivostok], <b>"),
            "port de <mark>Vladivostok</mark>, &lt;b&gt;");
  EXPECT_EQ(SnippetHtml("[open"), "<mark>open</mark>");
  EXPECT_EQ(SnippetHtml("a] b"), "a] b");
}

TEST(Truncate, CutsOnCodePoints) {
  EXPECT_EQ(Truncate("été", 2), "ét…");
  EXPECT_EQ(Truncate("short", 10), "short");
}

TEST(UrlEncode, Reserved) { EXPECT_EQ(UrlEncode("a b&c=é"), "a%20b%26c%3D%C3%A9"); }

}  // namespace
}  // namespace veille::serve
