#include "ingest/format_detect.h"

#include <gtest/gtest.h>

#include <string>

namespace veille::ingest {
namespace {

using std::string_literals::operator""s;

TEST(DetectFormat, JsonObjectLineIsJsonl) {
  EXPECT_EQ(DetectFormat("{\"url\": \"http://a\", \"text\": \"x\"}\n{\"a\":1}\n", "x"),
            DocFormat::kJsonl);
  EXPECT_EQ(DetectFormat("\xEF\xBB\xBF  \n{}\n", ""), DocFormat::kJsonl);
  EXPECT_EQ(DetectFormat("{ \"text\": \"no newline yet", "dump.txt"), DocFormat::kJsonl);
}

TEST(DetectFormat, HugeFirstLineNeedsNoFullParse) {
  const std::string head = "{\"html\": \"" + std::string(10000, 'a');
  EXPECT_EQ(DetectFormat(head, "x"), DocFormat::kJsonl);
}

TEST(DetectFormat, BraceWithoutJsonUsesTheExtension) {
  EXPECT_EQ(DetectFormat("{not json}\n", "notes.txt"), DocFormat::kText);
  EXPECT_EQ(DetectFormat("{not json}\n", "data.jsonl"), DocFormat::kJsonl);
  EXPECT_EQ(DetectFormat("{\"a\": 1\nmore\n", "page"), DocFormat::kText);
}

TEST(DetectFormat, MarkupIsHtml) {
  EXPECT_EQ(DetectFormat("<!DOCTYPE html><html><body>x</body></html>", "a.txt"), DocFormat::kHtml);
  EXPECT_EQ(DetectFormat("  <HTML lang=fr>", ""), DocFormat::kHtml);
  EXPECT_EQ(DetectFormat("\xEF\xBB\xBF<!-- saved from url -->\n<head>", ""), DocFormat::kHtml);
  EXPECT_EQ(DetectFormat("<?xml version=\"1.0\"?>\n<html xmlns=\"...\">", ""), DocFormat::kHtml);
  EXPECT_EQ(DetectFormat("Un fragment\n<p>avec un paragraphe</p>", ""), DocFormat::kHtml);
  EXPECT_EQ(DetectFormat("<div class=\"article\">", ""), DocFormat::kHtml);
  EXPECT_EQ(DetectFormat("<meta charset=utf-8><title>T</title>", ""), DocFormat::kHtml);
}

TEST(DetectFormat, MarkupAfterTheFirstFourKibIsNotSeen) {
  const std::string head = std::string(kSniffBytes, 'a') + "<html>";
  EXPECT_EQ(DetectFormat(head, "page.txt"), DocFormat::kText);
}

TEST(DetectFormat, Utf16WithBomIsExamined) {
  const std::string utf16le = "\xFF\xFE<\0h\0t\0m\0l\0>\0"s;
  EXPECT_EQ(DetectFormat(utf16le, ""), DocFormat::kHtml);
  const std::string utf16be = "\xFE\xFF\0<\0p\0>\0T"s;
  EXPECT_EQ(DetectFormat(utf16be, ""), DocFormat::kHtml);
}

TEST(DetectFormat, PlainTextIsText) {
  EXPECT_EQ(DetectFormat("Le Monde\n\nUn titre\n\nUn paragraphe < 3 > 2.\n", "a.html"),
            DocFormat::kText);
  EXPECT_EQ(DetectFormat("x <span", ""), DocFormat::kHtml);  // a tag cut at the end
  EXPECT_EQ(DetectFormat("1 <p2 and <abbrev", ""), DocFormat::kText);
}

TEST(DetectFormat, EmptyContentUsesTheExtension) {
  EXPECT_EQ(DetectFormat("", "page.html"), DocFormat::kHtml);
  EXPECT_EQ(DetectFormat(" \n", "dir/page.HTM"), DocFormat::kHtml);
  EXPECT_EQ(DetectFormat("", "a.xhtml.gz"), DocFormat::kHtml);
  EXPECT_EQ(DetectFormat("", "dump.ndjson"), DocFormat::kJsonl);
  EXPECT_EQ(DetectFormat("", "dump.jsonl.gz"), DocFormat::kJsonl);
  EXPECT_EQ(DetectFormat("", "notes.txt"), DocFormat::kText);
  EXPECT_EQ(DetectFormat("", "noext"), DocFormat::kText);
  EXPECT_EQ(DetectFormat("", "dir.jsonl/noext"), DocFormat::kText);
  EXPECT_EQ(DetectFormat("", ".gz"), DocFormat::kText);
}

TEST(DetectFormat, FeedsByTheirRootElement) {
  EXPECT_EQ(DetectFormat("<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel>", ""),
            DocFormat::kFeed);
  // Escaped HTML in the items does not make it a page.
  EXPECT_EQ(DetectFormat("<rss version=\"2.0\"><channel><item><description><![CDATA[<p>x</p>"
                         "<div>y</div>]]></description>",
                         "a.html"),
            DocFormat::kFeed);
  EXPECT_EQ(DetectFormat("\xEF\xBB\xBF<?xml version=\"1.0\"?>\n<!-- c -->\n"
                         "<?xml-stylesheet href=\"s.xsl\"?>\n"
                         "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>t</title>",
                         ""),
            DocFormat::kFeed);
  EXPECT_EQ(DetectFormat("<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" "
                         "xmlns=\"http://purl.org/rss/1.0/\"><channel>",
                         ""),
            DocFormat::kFeed);
  EXPECT_EQ(DetectFormat("<!DOCTYPE rss PUBLIC \"-//Netscape Communications//DTD RSS 0.91//EN\" "
                         "\"http://my.netscape.com/publish/formats/rss-0.91.dtd\">\n<rss "
                         "version=\"0.91\">",
                         ""),
            DocFormat::kFeed);
  EXPECT_EQ(DetectFormat("<!DOCTYPE rss [<!ENTITY a \"<b>\">]><rss>", ""), DocFormat::kFeed);
}

TEST(DetectFormat, XmlThatIsNoFeedIsNotOne) {
  // A <feed> outside the Atom namespace, an RDF document that is no RSS.
  EXPECT_EQ(DetectFormat("<feed><title>x</title></feed>", ""), DocFormat::kHtml);
  EXPECT_EQ(DetectFormat("<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">"
                         "<rdf:Description/>",
                         "x.rdf"),
            DocFormat::kText);
  EXPECT_EQ(DetectFormat("<rssfeed>hello</rssfeed>", ""), DocFormat::kText);
  EXPECT_EQ(DetectFormat("<html><body><rss>", ""), DocFormat::kHtml);
}

TEST(DetectFormat, OpmlAndWarc) {
  EXPECT_EQ(DetectFormat("<?xml version=\"1.0\"?><opml version=\"2.0\"><head>", ""),
            DocFormat::kOpml);
  EXPECT_EQ(DetectFormat("WARC/1.1\r\nWARC-Type: warcinfo\r\n", ""), DocFormat::kWarc);
  EXPECT_EQ(DetectFormat("WARC/1.0\r\n", "x.txt"), DocFormat::kWarc);
  EXPECT_TRUE(HasWarcMagic("WARC/1.0\r\n"));
  EXPECT_FALSE(HasWarcMagic("WARC/2.0\r\n"));
  EXPECT_EQ(DetectFormat("WARC records are described in ISO 28500.", ""), DocFormat::kText);
}

TEST(DetectFormat, FeedExtensionsBreakTies) {
  EXPECT_EQ(DetectFormat("", "news.rss"), DocFormat::kFeed);
  EXPECT_EQ(DetectFormat("  ", "news.atom.gz"), DocFormat::kFeed);
  EXPECT_EQ(DetectFormat("", "feed.xml"), DocFormat::kFeed);
  EXPECT_EQ(DetectFormat("", "subs.opml"), DocFormat::kOpml);
  EXPECT_EQ(DetectFormat("", "crawl.warc.gz"), DocFormat::kWarc);
  // Content still decides first.
  EXPECT_EQ(DetectFormat("<html><p>x</p>", "page.xml"), DocFormat::kHtml);
}

TEST(SniffBinary, KnownMagicNumbers) {
  EXPECT_EQ(SniffBinary("\x89PNG\r\n\x1a\n\0\0\0\rIHDR"s), "PNG image");
  EXPECT_EQ(SniffBinary("\xFF\xD8\xFF\xE0\0\x10JFIF"s), "JPEG image");
  EXPECT_EQ(SniffBinary("GIF89a..."), "GIF image");
  EXPECT_EQ(SniffBinary("%PDF-1.7\n"), "PDF document");
  EXPECT_EQ(SniffBinary("PK\x03\x04\x14\0"s), "ZIP archive");
  EXPECT_EQ(SniffBinary("\x7F"
                        "ELF\x02\x01\x01"),
            "ELF executable");
  EXPECT_EQ(SniffBinary("\x1F\x8B\x08"), "gzip data (compressed twice)");
}

TEST(SniffBinary, NulBytesWithoutBomAreBinary) {
  EXPECT_EQ(SniffBinary("abc\0def"s), "NUL bytes");
  EXPECT_EQ(SniffBinary("\xFF\xFEh\0i\0"s), "");
  EXPECT_EQ(SniffBinary("\xFE\xFF\0h\0i"s), "");
  EXPECT_EQ(SniffBinary("\xFF\xFE\0\0h\0\0\0"s), "");
}

TEST(SniffBinary, TextIsNotBinary) {
  EXPECT_EQ(SniffBinary(""), "");
  EXPECT_EQ(SniffBinary("<html>"), "");
  EXPECT_EQ(SniffBinary("{\"text\": \"\xC3\xA9t\xC3\xA9\"}"), "");
  EXPECT_EQ(SniffBinary("PK is a word; GIF too; ID3 tags"), "");
}

}  // namespace
}  // namespace veille::ingest
