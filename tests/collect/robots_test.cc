// RobotsRules against the robots exclusion protocol (RFC 9309): group
// selection, longest match, allow on ties, `*` and `$`, percent-encoding.
// The cases follow the RFC's sections 2.2 and 5 examples.
#include <gtest/gtest.h>

#include "collect/robots.h"

namespace veille::collect {
namespace {

TEST(RobotsRules, RfcExampleGroups) {
  // RFC 9309 section 5.1, with our product token standing for ExampleBot.
  const char* kBody =
      "User-Agent: *\n"
      "Disallow: *.gif$\n"
      "Disallow: /example/\n"
      "Allow: /publications/\n"
      "\n"
      "User-Agent: foobot\n"
      "Disallow:/\n"
      "Allow:/example/page.html\n"
      "Allow:/example/allowed.gif\n"
      "\n"
      "User-Agent: barbot\n"
      "User-Agent: bazbot\n"
      "Disallow: /example/page.html\n"
      "\n"
      "User-Agent: quxbot\n";
  const RobotsRules foo = RobotsRules::Parse(kBody, "FooBot");
  EXPECT_TRUE(foo.Allowed("/example/page.html"));
  EXPECT_TRUE(foo.Allowed("/example/allowed.gif"));
  EXPECT_FALSE(foo.Allowed("/example/other.html"));
  EXPECT_FALSE(foo.Allowed("/"));

  const RobotsRules baz = RobotsRules::Parse(kBody, "bazbot");
  EXPECT_FALSE(baz.Allowed("/example/page.html"));
  EXPECT_TRUE(baz.Allowed("/example/other.html"));  // barbot/bazbot group only

  const RobotsRules qux = RobotsRules::Parse(kBody, "quxbot");  // empty group
  EXPECT_TRUE(qux.Allowed("/example/page.html"));
  EXPECT_TRUE(qux.Allowed("/x.gif"));

  const RobotsRules other = RobotsRules::Parse(kBody, "Veille");  // falls back to *
  EXPECT_FALSE(other.Allowed("/images/a.gif"));
  EXPECT_TRUE(other.Allowed("/images/a.gif?x=1"));  // $ anchors the end
  EXPECT_FALSE(other.Allowed("/example/x"));
  EXPECT_TRUE(other.Allowed("/publications/x"));
  EXPECT_TRUE(other.Allowed("/"));
}

TEST(RobotsRules, LongestMatchWinsAndAllowWinsTies) {
  // RFC 9309 section 5.2 (longest match).
  const RobotsRules r = RobotsRules::Parse(
      "User-Agent: *\nAllow: /example/page/\nDisallow: /example/page/disallowed.gif\n", "Veille");
  EXPECT_TRUE(r.Allowed("/example/page/"));
  EXPECT_TRUE(r.Allowed("/example/page/x.html"));
  EXPECT_FALSE(r.Allowed("/example/page/disallowed.gif"));
  const RobotsRules tie =
      RobotsRules::Parse("User-agent: *\nDisallow: /folder\nAllow: /folder\n", "Veille");
  EXPECT_TRUE(tie.Allowed("/folder/page"));
}

TEST(RobotsRules, WildcardsAndAnchors) {
  const RobotsRules r = RobotsRules::Parse(
      "user-agent: veille\n"
      "disallow: /*.php$\n"
      "disallow: /fish*salmon\n"
      "disallow: /a\n"
      "allow: /a/b*c$\n",
      "Veille");
  EXPECT_FALSE(r.Allowed("/index.php"));
  EXPECT_FALSE(r.Allowed("/dir/x.php"));
  EXPECT_TRUE(r.Allowed("/index.php?q=1"));
  EXPECT_TRUE(r.Allowed("/index.php5"));
  EXPECT_FALSE(r.Allowed("/fish/and/salmon/recipe"));
  EXPECT_TRUE(r.Allowed("/fish/trout"));
  EXPECT_TRUE(r.Allowed("/a/bxc"));
  EXPECT_FALSE(r.Allowed("/a/bxcd"));
  EXPECT_FALSE(r.Allowed("/a/x"));
  EXPECT_TRUE(r.Allowed("/b"));
}

TEST(RobotsRules, GroupsForOneAgentAreMergedAndStarIsIgnored) {
  // RFC 9309 2.2.1: groups naming the same agent combine; a specific group
  // replaces the * group entirely. Keys are case-insensitive; product-token
  // versions ("veille/2.0") name the token.
  const RobotsRules r = RobotsRules::Parse(
      "User-agent: *\nDisallow: /\n\n"
      "USER-AGENT: veille/2.0\nDisallow: /a\n\n"
      "User-agent: other\nDisallow: /b\n\n"
      "User-agent: Veille\nDisallow: /c # a comment\n",
      "Veille");
  EXPECT_FALSE(r.Allowed("/a"));
  EXPECT_TRUE(r.Allowed("/b"));
  EXPECT_FALSE(r.Allowed("/c/d"));
  EXPECT_TRUE(r.Allowed("/d"));
  EXPECT_EQ(r.rule_count(), 2u);
}

TEST(RobotsRules, EmptyDisallowAndJunkLines) {
  const RobotsRules r = RobotsRules::Parse(
      "Disallow: /before-any-group\n"
      "garbage without colon\n"
      "User-agent: *\r\n"
      "Crawl-delay: 10\r\n"
      "Sitemap: https://example.com/sitemap.xml\r\n"
      "Disallow:\r\n",
      "Veille");
  EXPECT_TRUE(r.Allowed("/before-any-group"));
  EXPECT_TRUE(r.Allowed("/anything"));
  EXPECT_EQ(r.rule_count(), 0u);
  EXPECT_TRUE(RobotsRules::Parse("", "Veille").Allowed("/x"));
}

TEST(RobotsRules, PercentEncodingIsNormalised) {
  // RFC 9309 2.2.2: unreserved characters match encoded or not; UTF-8 in a
  // pattern matches its percent-encoded form in the URL.
  const RobotsRules r = RobotsRules::Parse(
      "User-agent: *\nDisallow: /%7Ejoe/\nDisallow: /foo/bar/ツ\nDisallow: /a%3cd\n", "Veille");
  EXPECT_FALSE(r.Allowed("/~joe/index.html"));
  EXPECT_FALSE(r.Allowed("/foo/bar/%E3%83%84"));
  EXPECT_FALSE(r.Allowed("/a%3Cd"));  // reserved escapes compare case-insensitively
  EXPECT_TRUE(r.Allowed("/a<d"));     // ... and are not decoded
  EXPECT_EQ(NormalizeRobotsPath("/%7e%41%2F"), "/~A%2F");
}

TEST(RobotsRules, RobotsTxtAlwaysAllowedAndFixedPolicies) {
  EXPECT_TRUE(RobotsRules::DisallowAll().Allowed("/robots.txt"));
  EXPECT_FALSE(RobotsRules::DisallowAll().Allowed("/"));
  EXPECT_TRUE(RobotsRules::AllowAll().Allowed("/anything"));
}

TEST(RobotsPattern, StarsDoNotBlowUp) {
  const std::string path(5000, 'a');
  EXPECT_FALSE(RobotsPatternMatches("/*a*a*a*a*a*a*a*a*a*b$", "/" + path));
  EXPECT_TRUE(RobotsPatternMatches("/*a*a*a*a$", "/" + path));
  EXPECT_TRUE(RobotsPatternMatches("/", "/x"));
  EXPECT_FALSE(RobotsPatternMatches("/x$", "/xy"));
  EXPECT_TRUE(RobotsPatternMatches("/x*", "/x"));
}

}  // namespace
}  // namespace veille::collect
