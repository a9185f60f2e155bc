// HtmlDom: the compact tree built from libxml2's SAX events has the shape of
// libxml2's own tree (implied elements, auto-closed tags, merged text).
#include "extract/html_dom.h"

#include <gtest/gtest.h>

#include <string>

namespace veille::extract {
namespace {

// The tree as "name(child,child)" with text in quotes and comments as "#".
std::string Shape(const DomNode& node) {
  if (node.is_text()) return "'" + std::string(node.text()) + "'";
  if (!node.is_element()) return "#";
  std::string out(node.name());
  if (!node.has_children()) return out;
  out += "(";
  for (DomNode c = node.first_child(); c; c = c.next_sibling()) {
    if (c != node.first_child()) out += ",";
    out += Shape(c);
  }
  return out + ")";
}

TEST(HtmlDomTest, ImpliesHtmlBodyAndMergesText) {
  const HtmlDom dom = HtmlDom::Parse("<p>a<b>b</b>c &amp; d<p>e");
  EXPECT_EQ(Shape(dom.root()), "html(body(p('a',b('b'),'c & d'),p('e')))");
}

TEST(HtmlDomTest, KeepsAttributesAndComments) {
  const HtmlDom dom = HtmlDom::Parse(
      "<html lang=fr><body><div class='Story x' hidden><!-- c --></div></body></html>");
  const DomNode html = dom.root();
  EXPECT_EQ(html.attr("lang"), "fr");
  const DomNode div = html.first_child().first_child();
  EXPECT_EQ(div.name(), "div");
  EXPECT_EQ(div.attr("class"), "Story x");
  EXPECT_TRUE(div.has_attr("hidden"));
  EXPECT_EQ(div.attr("hidden"), "");
  EXPECT_FALSE(div.has_attr("id"));
  EXPECT_TRUE(div.has_children());  // the comment
  EXPECT_EQ(Shape(div), "div(#)");
  EXPECT_EQ(div.parent().name(), "body");
}

TEST(HtmlDomTest, ScriptTextAndSubtreeText) {
  const HtmlDom dom = HtmlDom::Parse(
      "<html><head><script type='application/ld+json'>{\"a\": \"<b>\"}</script></head>"
      "<body><div>x<span>y</span><p>z</p></div></body></html>");
  const DomNode head = dom.root().first_child();
  std::string json;
  head.first_child().AppendText(&json);
  EXPECT_EQ(json, "{\"a\": \"<b>\"}");
  std::string text;
  head.next_sibling().AppendText(&text);
  EXPECT_EQ(text, "xyz");
}

// libxml2's tree builder puts an element opened after </html> under the
// first <html> when the page has no doctype, and at the top level otherwise
// (no <body> is implied twice).
TEST(HtmlDomTest, ContentAfterHtmlFollowsLibxml2) {
  EXPECT_EQ(Shape(HtmlDom::Parse("<html><body><p>a</p></body></html><div>b</div>").root()),
            "html(body(p('a')),html(div('b')))");  // as xmllint --html shows
  const HtmlDom with_doctype =
      HtmlDom::Parse("<!DOCTYPE html><html><body><p>a</p></body></html><div>b</div>");
  EXPECT_EQ(Shape(with_doctype.root()), "html(body(p('a')))");
}

TEST(HtmlDomTest, EmptyAndTextOnlyInput) {
  EXPECT_FALSE(HtmlDom::Parse("").root());
  EXPECT_EQ(Shape(HtmlDom::Parse("plain words").root()), "html(body(p('plain words')))");
}

TEST(HtmlDomTest, StopsPastLibxml2DepthLimit) {
  std::string deep;
  for (int i = 0; i < 400; ++i) deep += "<div>";
  deep += "x";
  const HtmlDom dom = HtmlDom::Parse(deep);
  int depth = 0;
  for (DomNode n = dom.root(); n; n = n.first_child()) ++depth;
  EXPECT_LE(depth, 258);
  EXPECT_GE(depth, 200);
}

}  // namespace
}  // namespace veille::extract
