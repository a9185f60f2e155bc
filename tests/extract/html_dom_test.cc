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
  // Appended, not "'" + text + "'": g++ 12 warns (-Wrestrict) on that
  // inlined concatenation.
  if (node.is_text()) return std::string("'").append(node.text()).append("'");
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
// CDATA nodes merged as HtmlDom merges them; with `attrs`, each element's
// attributes as ShapeWithAttrs writes them ("name[a=v,b=w](children)").
std::string XmlShape(const xmlNode* node, bool attrs = false) {
  if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE) {
    return std::string("'").append(reinterpret_cast<const char*>(node->content)).append("'");
  }
  if (node->type != XML_ELEMENT_NODE) return "#";
  std::string out(reinterpret_cast<const char*>(node->name));
  if (attrs) {
    out += "[";
    for (const xmlAttr* a = node->properties; a != nullptr; a = a->next) {
      if (a != node->properties) out += ",";
      out += reinterpret_cast<const char*>(a->name);
      out += "=";
      if (a->children != nullptr && a->children->content != nullptr) {
        out += reinterpret_cast<const char*>(a->children->content);
      }
    }
    out += "]";
  }
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
    out += XmlShape(c, attrs);
    previous_text = text;
  }
  return out + ")";
}

std::string LibxmlShape(const std::string& html, bool attrs = false) {
  htmlDocPtr doc = htmlReadMemory(
      html.data(), static_cast<int>(html.size()), nullptr, "UTF-8",
      HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET);
  std::string out;
  if (doc != nullptr) {
    if (const xmlNode* root = xmlDocGetRootElement(doc); root != nullptr) {
      out = XmlShape(root, attrs);
    }
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

// The tree with each element's attributes: "name[a=v,b=w](children)".
std::string Quoted(std::string_view text) {
  std::string out = "'";
  out.append(text);
  out += '\'';
  return out;
}

std::string ShapeWithAttrs(const DomNode& node) {
  if (node.is_text()) return Quoted(node.text());
  if (!node.is_element()) return "#";
  std::string out(node.name());
  out += "[";
  for (size_t i = 0; i < node.attr_count(); ++i) {
    if (i > 0) out += ",";
    out.append(node.attr_name(i));
    out += '=';
    out.append(node.attr_value(i));
  }
  out += "]";
  if (!node.has_children()) return out;
  out += "(";
  for (DomNode c = node.first_child(); c; c = c.next_sibling()) {
    if (c != node.first_child()) out += ",";
    out += ShapeWithAttrs(c);
  }
  return out + ")";
}

// Quoted attribute values are cut before libxml2 reads them and put back
// from the page (HtmlDom::Parse): the attributes must stay libxml2's on
// tags made to trip the tokenizer that finds them, where the cut is refused
// or where a wrong guess makes the whole page parse again.
TEST(HtmlDomTest, AttributeValuesGiveLibxml2sAttributes) {
  const char* pages[] = {
      "<html><body><div class=\"story main\" id='x1'><a href=\"/a?b=c\">t</a></div></body></html>",
      "<div CLASS=\"Up\" Data-X = \"sp aced\" hidden title=\"a > b\">x</div>",
      "<div title=\"it's\" alt='say \"hi\"'>q</div><p class=\"\">empty</p>",
      "<a href=\"/x\"/><img src=\"a.png\"/><br class=\"c\" /><p>after</p>",
      "<a href=/plain class=\"c\">u</a><a href=x/>v</a>",
      "<div class=\"a\" class=\"b\">duplicate</div>",
      "<div class=\"one &amp; two\" title=\"&eacute;t&#233;\">entities</div>",
      "<div title=\"caf\xc3\xa9 \xe2\x82\xac\" data-c=\"ctrl \x01 x\">utf8</div>",
      "<div title=\"line\r\nbreak\ttab\">crlf</div>",
      "<div \"bogus\" class=\"c\" 'x' id=\"i\">junk</div><div class=\"d\"<b id=\"e\">lt</b>",
      "<!-- <div class=\"in comment\"> --><div class=\"out\">c</div>",
      "<!--> <div class=\"after odd comment\">x</div> -->y<div class=\"z\">z</div>",
      "<!-- a --!> <p class=\"p\">q</p> -->",
      "<script>var s = '<div class=\"in script\">';</script><div class=\"s\">s</div>",
      "<script type=\"text/template\"><div class=\"tpl\"><%= x %></div></script><p "
      "class=\"k\">k</p>",
      "<html class=\"h\"><body class=\"b\"><html class=\"again\"><body "
      "id=\"again\">x</body></html>",
      "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-1\"><p "
      "title=\"\xc3\xa9\">m</p>",
      "<table class=\"t\"><tr class=\"r\"><td class=\"d\">1</td></tr></table><p class=\"x\">2",
      "<p class=\"a\">one<div class=\"b\">two</div><li class=\"c\">three",
      "<textarea class=\"ta\"><b class=\"in\">x</b></textarea>",
      "<div class=\"unterminated>text</div><p class=\"p\">p</p>",
      "<div class=\"end of page",
      "<svg viewBox=\"0 0 10 10\"><path d=\"M0 0L10 10\"/></svg><p class=\"v\">v</p>",
      "<a b=\"1\" c=\"2\" d=\"3\" e=\"4\">many</a><p x:y=\"ns\" _u=\"us\" .d=\"dot\">n</p>",
  };
  for (const char* page : pages) {
    EXPECT_EQ(ShapeWithAttrs(HtmlDom::Parse(page).root()), LibxmlShape(page, /*attrs=*/true))
        << page;
  }
}

// Text runs after a tag are cut to one placeholder byte and put back
// (HtmlDom::Parse): where libxml2 tests text for blanks, implies a <p> or
// splits text in 1000-byte chunks, the tree must stay libxml2's.
TEST(HtmlDomTest, TextRunsGiveLibxml2sTree) {
  const std::string blanks(1500, ' ');
  const std::string long_text(2500, 'w');
  const std::string pages[] = {
      "<html><body><p>plain text</p>\n  <p>  leading blanks</p>\n</body></html>",
      "<html>text right in html<p>x</p></html>",
      "<html><head>\n  <title>A title</title>\n  text in head\n</head><body>b</body></html>",
      "<html> <body> a &amp; b &lt;c&gt; d</body></html>",
      "<div>one</div>two<span>three</span >four</p>five",
      "<ul><li>a</li>\n<li>b</li>\r\n<li>c\r\nd</li></ul>",
      "<html><body>x</body></html>\nafter the end<p>y</p>",
      "<html>" + blanks + "<body>long blank run in html</body></html>",
      "<html><head>" + blanks + "x</head></html>",
      "<html><body><div>" + blanks + "</div><div>" + blanks + "z</div></body></html>",
      "<html>" + blanks + "late text</html>",
      "<html><body><p>" + long_text + "</p>" + long_text + "</body></html>",
      "<table><tr><td>cell</td>stray text<td>cell2</td></tr></table>",
      "<textarea>text <b>in</b> area</textarea><title>late title</title>",
      "<p>ctrl \x01 char</p><p>caf\xc3\xa9 \xe2\x82\xac</p><p>\xef\xbf\xbe</p>",
      "<p>a > b</p><p>a < b</p><p>a <3 b</p><p>end",
      "<p>text<!-- comment -->more</p><p>x<?pi ?>y</p>",
      "<script>s()</script>after script<style>p{}</style>after style",
      "<br>after br<img src=x>after img<hr/>after hr",
      "text before any tag<p>t</p>",
      // Non-XML characters past the first 8 bytes (read a word at a time).
      "<p>eight bytes and \xef\xbf\xbf then</p><p>long enough run \x1f here</p>"
      "<p>tabs\tand\nlines\r\nfine here, \xef\xbc\x81 fullwidth</p>",
      // The run ends at '&' or '<' (one scan); bad characters after its end.
      "<p>a run &amp; then \x01</p><p>x &copy",
      "<p>before &amp; no tag after",
      "<p>ends on \xef\xbf\xbe</p><p>\xef\xbf</p>",
      "<p>ab\x02<i>c</i></p>",
  };
  for (const std::string& page : pages) {
    EXPECT_EQ(ShapeWithAttrs(HtmlDom::Parse(page).root()), LibxmlShape(page, /*attrs=*/true))
        << page;
  }
}

// Element and attribute names are stored once per parse (the parser's
// dictionary pointers): repeated names keep their own values, and text on
// either side of an element is not merged.
TEST(HtmlDomTest, RepeatedNamesKeepTheirValues) {
  const std::string page =
      "<div class=\"a\" id=\"1\"><div class=\"b\">x<b></b>y</div><DIV ID=\"2\" class=c>"
      "<span class=\"a\">z</span></DIV></div>";
  const HtmlDom dom = HtmlDom::Parse(page);
  EXPECT_EQ(ShapeWithAttrs(dom.root()), LibxmlShape(page, /*attrs=*/true));
  const DomNode outer = dom.root().first_child().first_child();
  ASSERT_EQ(outer.name(), "div");
  EXPECT_EQ(outer.attr("class"), "a");
  EXPECT_EQ(outer.attr("id"), "1");
  EXPECT_EQ(outer.first_child().attr("class"), "b");
  EXPECT_EQ(outer.first_child().next_sibling().attr("id"), "2");
  EXPECT_EQ(outer.first_child().next_sibling().attr("class"), "c");
}

// Pages that are not valid UTF-8 are parsed uncut (libxml2 then reads them
// as Latin-1 from the first bad byte on): same tree as libxml2's.
TEST(HtmlDomTest, InvalidUtf8PageGivesLibxml2sTree) {
  const std::string page =
      "<div class=\"a\">caf\xe9</div><div title=\"t\xc3\xa9\"><script>x()</script></div>";
  EXPECT_EQ(ShapeWithAttrs(HtmlDom::Parse(page).root()), LibxmlShape(page, /*attrs=*/true));
}

}  // namespace
}  // namespace veille::extract
