// HtmlDom: the compact tree built from libxml2's SAX events has the shape of
// libxml2's own tree (implied elements, auto-closed tags, merged text).
#include "extract/html_dom.h"

#include <gtest/gtest.h>
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

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

// The same shape of libxml2's own tree (htmlReadMemory), adjacent text and
// CDATA nodes merged as HtmlDom merges them.
std::string XmlShape(const xmlNode* node) {
  if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE) {
    return "'" + std::string(reinterpret_cast<const char*>(node->content)) + "'";
  }
  if (node->type != XML_ELEMENT_NODE) return "#";
  std::string out(reinterpret_cast<const char*>(node->name));
  if (node->children == nullptr) return out;
  out += "(";
  bool previous_text = false;
  for (const xmlNode* c = node->children; c != nullptr; c = c->next) {
    const bool text = c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE;
    if (text && previous_text) {
      out.pop_back();  // the closing quote: append to the previous text
      out += std::string(reinterpret_cast<const char*>(c->content)) + "'";
      continue;
    }
    if (c != node->children) out += ",";
    out += XmlShape(c);
    previous_text = text;
  }
  return out + ")";
}

std::string LibxmlShape(const std::string& html) {
  htmlDocPtr doc = htmlReadMemory(
      html.data(), static_cast<int>(html.size()), nullptr, "UTF-8",
      HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET);
  std::string out;
  if (doc != nullptr) {
    if (const xmlNode* root = xmlDocGetRootElement(doc); root != nullptr) out = XmlShape(root);
    xmlFreeDoc(doc);
  }
  return out;
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

// Script and style contents are cut before libxml2 reads them and put back
// as the element's text (HtmlDom::Parse): the tree must stay libxml2's on
// every kind of content, including the ones where the cut is refused or
// falls back to a whole parse.
TEST(HtmlDomTest, ScriptAndStyleContentsGiveLibxml2sTree) {
  const char* pages[] = {
      "<html><head><script>var a = 1 < 2 && b > 3;</script></head><body><p>x</p></body></html>",
      "<html><head><style>p > a { color: red }</style><title>t</title></head><body>y</body></html>",
      "<html><body><SCRIPT type=\"text/javascript\">if (a<b) {}</SCRIPT><p>z</p></body></html>",
      "<html><body><script>document.write('<p>not a tag</p>')</script>after</body></html>",
      "<html><body><script>var s = '</scr' + 'ipt>';</script><p>q</p></body></html>",
      "<html><body><!-- <script>in a comment</script> --><p>r</p></body></html>",
      "<html><body><script></script><style></style><p>empty</p></body></html>",
      "<html><body><script>\n<!--\nold();\n//-->\n</script><p>s</p></body></html>",
      "<html><body><script src=a.js /><p>self-closed</p></body></html>",
      "<html><body><noscript><style>.x{}</style><img src=a></noscript><p>n</p></body></html>",
      "<html><body><a title='<script>x</script>'>link</a></body></html>",
      "<html><body><textarea><script>kept as text</script></textarea></body></html>",
      "<html><body><script>unterminated at the end of the page",
      "<html><body><style>a{}</style><script>b()</script><style>c{}</style>text</body></html>",
      "<html><body><svg><style>.s{fill:red}</style><script>x()</script></svg><p>v</p></body></"
      "html>",
      "<html><body><script>caf\xc3\xa9 \xe2\x82\xac \x01 ctrl</script><p>u</p></body></html>",
      "<html><body><script>a</script ><script>b</script\n><p>w</p></body></html>",
  };
  for (const char* page : pages) {
    EXPECT_EQ(Shape(HtmlDom::Parse(page).root()), LibxmlShape(page)) << page;
  }
}

}  // namespace
}  // namespace veille::extract
