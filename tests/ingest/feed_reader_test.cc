#include "ingest/feed_reader.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <string>
#include <vector>

#include "test_util.h"

namespace veille::ingest {
namespace {

struct Item {
  RawDocument doc;
  Status status;
};

std::vector<Item> ReadFeed(std::string data, std::string name = "feed.xml",
                           size_t max_bytes = 20u << 20, size_t chunk = SIZE_MAX,
                           bool gzip = false) {
  IngestOptions options;
  options.max_document_bytes = max_bytes;
  std::unique_ptr<ByteStream> stream = NewMemoryStream(std::move(data), chunk);
  if (gzip) stream = NewGzipStream(std::move(stream));
  auto reader = NewFeedReader(name, std::move(stream), options);
  std::vector<Item> items;
  for (int guard = 0; guard < 100000; ++guard) {
    RawDocument doc;
    Result<bool> got = reader->Next(&doc);
    if (!got.ok()) {
      items.push_back({{}, got.status()});
      continue;
    }
    if (!*got) break;
    items.push_back({std::move(doc), Status()});
  }
  return items;
}

nlohmann::json Extra(const RawDocument& doc) {
  return doc.extra_json.empty() ? nlohmann::json::object() : nlohmann::json::parse(doc.extra_json);
}

// An RSS 2.0 feed as the specification (rssboard.org/rss-specification)
// describes it, with the content and Dublin Core modules under unusual
// prefixes: namespaces are matched by URI.
const char kRss2[] = R"(<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:c="http://purl.org/rss/1.0/modules/content/"
     xmlns:dublin="http://purl.org/dc/elements/1.1/">
  <channel>
    <title>Le Courrier du Pacifique</title>
    <link>https://courrier.example/</link>
    <description>Actualité</description>
    <image><title>Logo</title><url>https://courrier.example/logo.png</url>
      <link>https://courrier.example/</link></image>
    <item>
      <title>Kim Jong-un arrive à Vladivostok</title>
      <link>/2019/04/24/kim-arrive</link>
      <description>&lt;p&gt;Le train blindé est entré en gare.&lt;/p&gt;</description>
      <c:encoded><![CDATA[<p>Le train blindé du dirigeant nord-coréen est entré en gare.</p><p>Deuxième paragraphe.</p>]]></c:encoded>
      <dublin:creator>Anne Martin</dublin:creator>
      <category>Asie</category>
      <category domain="x">Diplomatie</category>
      <guid isPermaLink="false">courrier-4821</guid>
      <pubDate>Wed, 24 Apr 2019 18:05:00 +1000</pubDate>
    </item>
    <item>
      <title>Sommet sur l'île Rousski</title>
      <description>Les deux dirigeants se sont entretenus pendant trois heures.</description>
      <guid>https://courrier.example/2019/04/25/sommet</guid>
      <author>redaction@courrier.example (La rédaction)</author>
      <pubDate>Thu, 25 Apr 2019 14:00:00 GMT</pubDate>
    </item>
  </channel>
</rss>
)";

TEST(FeedReader, ReadsRss2Items) {
  const std::vector<Item> items = ReadFeed(kRss2);
  ASSERT_EQ(items.size(), 2u);
  ASSERT_TRUE(items[0].status.ok()) << items[0].status.ToString();
  const RawDocument& a = items[0].doc;
  EXPECT_EQ(a.input, "feed.xml");
  EXPECT_EQ(a.record, 1);
  EXPECT_EQ(a.format, DocFormat::kHtml);
  EXPECT_TRUE(a.bytes_are_utf8);
  // content:encoded wins over description.
  EXPECT_EQ(a.bytes,
            "<p>Le train blindé du dirigeant nord-coréen est entré en gare.</p><p>Deuxième "
            "paragraphe.</p>");
  EXPECT_EQ(a.url, "https://courrier.example/2019/04/24/kim-arrive");  // against the channel link
  EXPECT_EQ(a.title, "Kim Jong-un arrive à Vladivostok");
  EXPECT_EQ(a.author, "Anne Martin");
  EXPECT_EQ(a.site, "Le Courrier du Pacifique");
  EXPECT_EQ(a.published, "2019-04-24T08:05:00Z");
  const nlohmann::json extra = Extra(a);
  EXPECT_EQ(extra["guid"], "courrier-4821");
  EXPECT_EQ(extra["categories"], nlohmann::json({"Asie", "Diplomatie"}));
  EXPECT_EQ(extra["summary"], "<p>Le train blindé est entré en gare.</p>");
  EXPECT_EQ(extra["feed_title"], "Le Courrier du Pacifique");
  EXPECT_EQ(extra["feed_url"], "https://courrier.example/");

  ASSERT_TRUE(items[1].status.ok());
  const RawDocument& b = items[1].doc;
  EXPECT_EQ(b.record, 2);
  EXPECT_EQ(b.format, DocFormat::kText);  // a description without markup
  EXPECT_EQ(b.bytes, "Les deux dirigeants se sont entretenus pendant trois heures.");
  EXPECT_EQ(b.url, "https://courrier.example/2019/04/25/sommet");  // a permalink guid
  EXPECT_EQ(b.author, "redaction@courrier.example (La rédaction)");
  EXPECT_EQ(b.published, "2019-04-25T14:00:00Z");
  EXPECT_FALSE(Extra(b).contains("summary"));
}

TEST(FeedReader, SameItemsWhateverTheChunkingAndGzip) {
  const std::vector<Item> whole = ReadFeed(kRss2);
  for (size_t chunk : {1, 3, 64}) {
    const std::vector<Item> small = ReadFeed(kRss2, "feed.xml", 20u << 20, chunk);
    ASSERT_EQ(small.size(), whole.size());
    for (size_t i = 0; i < whole.size(); ++i) {
      EXPECT_EQ(small[i].doc.bytes, whole[i].doc.bytes);
      EXPECT_EQ(small[i].doc.extra_json, whole[i].doc.extra_json);
    }
  }
  const std::vector<Item> gz =
      ReadFeed(testing_util::Gzip(kRss2), "feed.xml.gz", 20u << 20, SIZE_MAX, true);
  ASSERT_EQ(gz.size(), 2u);
  EXPECT_EQ(gz[1].doc.bytes, whole[1].doc.bytes);
}

// RSS 1.0 (web.resource.org/rss/1.0/spec): items are siblings of the channel.
TEST(FeedReader, ReadsRss1Rdf) {
  const char kRdf[] = R"(<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
         xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="https://vostok.example/rss">
    <title>Vostok Info</title>
    <link>https://vostok.example/</link>
    <items><rdf:Seq><rdf:li resource="https://vostok.example/a1"/></rdf:Seq></items>
  </channel>
  <image rdf:about="https://vostok.example/logo.png"><title>Image title</title></image>
  <item rdf:about="https://vostok.example/a1">
    <title>Poutine attend son hôte</title>
    <link>https://vostok.example/a1</link>
    <description>Le président russe est arrivé jeudi matin.</description>
    <dc:date>2019-04-25T09:00:00+10:00</dc:date>
    <dc:creator>I. Petrova</dc:creator>
    <dc:subject>Politique</dc:subject>
  </item>
  <item rdf:about="https://vostok.example/a2">
    <title>Sans lien</title>
  </item>
</rdf:RDF>)";
  const std::vector<Item> items = ReadFeed(kRdf);
  ASSERT_EQ(items.size(), 2u);
  ASSERT_TRUE(items[0].status.ok()) << items[0].status.ToString();
  EXPECT_EQ(items[0].doc.title, "Poutine attend son hôte");
  EXPECT_EQ(items[0].doc.site, "Vostok Info");  // not the image's title
  EXPECT_EQ(items[0].doc.published, "2019-04-24T23:00:00Z");
  EXPECT_EQ(items[0].doc.author, "I. Petrova");
  EXPECT_EQ(Extra(items[0].doc)["categories"], nlohmann::json({"Politique"}));
  EXPECT_EQ(items[1].doc.url, "https://vostok.example/a2");  // rdf:about
  EXPECT_EQ(items[1].doc.bytes, "");                         // a link-only item
}

TEST(FeedReader, ReadsRss091) {
  const char kRss091[] = R"(<?xml version="1.0" encoding="ISO-8859-1"?>
<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN"
  "http://my.netscape.com/publish/formats/rss-0.91.dtd">
<rss version="0.91"><channel><title>Archives</title><link>http://old.example/</link>
<language>fr</language>
<item><title>Entr)"
                         "\xE9"
                         R"(e en gare</title><link>http://old.example/1.html</link>
<description>Un train &eacute;tait attendu.</description></item>
</channel></rss>)";
  const std::vector<Item> items = ReadFeed(kRss091);
  ASSERT_EQ(items.size(), 1u);
  ASSERT_TRUE(items[0].status.ok()) << items[0].status.ToString();
  EXPECT_EQ(items[0].doc.title, "Entrée en gare");  // decoded from Latin-1 to UTF-8
  // The DTD is not loaded: the entity stays a reference, HTML reads it.
  EXPECT_EQ(items[0].doc.bytes, "Un train &eacute;tait attendu.");
  EXPECT_EQ(items[0].doc.format, DocFormat::kHtml);
}

// Atom 1.0 (RFC 4287), with xml:base (RFC 3986 resolution) and the three
// content types.
const char kAtom[] = R"(<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://atom.example/news/">
  <title type="html">Revue &amp;lt;Asie&amp;gt;</title>
  <link rel="alternate" href="https://atom.example/"/>
  <link rel="self" href="https://atom.example/feed.atom"/>
  <id>urn:uuid:60a76c80-d399-11d9-b91C-0003939e0af6</id>
  <updated>2019-04-26T08:00:00Z</updated>
  <author><name>Rédaction Asie</name></author>
  <entry>
    <title>Premier sommet</title>
    <link rel="self" href="/self/1"/>
    <link href="2019/premier-sommet"/>
    <id>tag:atom.example,2019:1</id>
    <published>2019-04-25T12:00:00+10:00</published>
    <updated>2019-04-25T15:00:00+10:00</updated>
    <author><name>Li Wei</name><email>li@atom.example</email></author>
    <category term="asie" label="Asie"/>
    <category term="russie"/>
    <summary>Résumé court.</summary>
    <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Les <b>deux</b> dirigeants &amp; leurs délégations.</p></div></content>
  </entry>
  <entry xml:base="https://other.example/x/">
    <title type="text">Deuxième</title>
    <link rel="alternate" type="text/html" href="page.html"/>
    <id>tag:atom.example,2019:2</id>
    <updated>2019-04-26T07:00:00Z</updated>
    <content type="html">&lt;p&gt;Un texte en HTML.&lt;/p&gt;</content>
  </entry>
  <entry>
    <title>Troisième</title>
    <id>tag:atom.example,2019:3</id>
    <updated>2019-04-26T07:30:00Z</updated>
    <content type="text">Du texte brut &lt;pas une balise&gt;.</content>
  </entry>
  <entry>
    <title>Vidéo</title>
    <id>tag:atom.example,2019:4</id>
    <updated>2019-04-26T07:40:00Z</updated>
    <content type="video/mp4" src="https://atom.example/v.mp4"/>
    <summary type="html">&lt;p&gt;Le résumé de la vidéo.&lt;/p&gt;</summary>
  </entry>
</feed>)";

TEST(FeedReader, ReadsAtomEntries) {
  const std::vector<Item> items = ReadFeed(kAtom, "https://atom.example/feed.atom");
  ASSERT_EQ(items.size(), 4u);
  for (const Item& it : items) ASSERT_TRUE(it.status.ok()) << it.status.ToString();
  const RawDocument& a = items[0].doc;
  EXPECT_EQ(a.url, "https://atom.example/news/2019/premier-sommet");  // xml:base, not rel=self
  EXPECT_EQ(a.title, "Premier sommet");
  EXPECT_EQ(a.site, "Revue <Asie>");  // type="html" decoded to text
  EXPECT_EQ(a.author, "Li Wei");
  EXPECT_EQ(a.published, "2019-04-25T02:00:00Z");
  EXPECT_EQ(a.format, DocFormat::kHtml);
  EXPECT_EQ(a.bytes, "<div><p>Les <b>deux</b> dirigeants &amp; leurs délégations.</p></div>");
  const nlohmann::json extra = Extra(a);
  EXPECT_EQ(extra["guid"], "tag:atom.example,2019:1");
  EXPECT_EQ(extra["updated"], "2019-04-25T05:00:00Z");
  EXPECT_EQ(extra["categories"], nlohmann::json({"Asie", "russie"}));
  EXPECT_EQ(extra["summary"], "Résumé court.");

  const RawDocument& b = items[1].doc;
  EXPECT_EQ(b.url, "https://other.example/x/page.html");
  EXPECT_EQ(b.author, "Rédaction Asie");           // the feed's author
  EXPECT_EQ(b.published, "2019-04-26T07:00:00Z");  // updated, for want of published
  EXPECT_EQ(b.format, DocFormat::kHtml);
  EXPECT_EQ(b.bytes, "<p>Un texte en HTML.</p>");

  EXPECT_EQ(items[2].doc.format, DocFormat::kText);
  EXPECT_EQ(items[2].doc.bytes, "Du texte brut <pas une balise>.");
  EXPECT_EQ(items[2].doc.url, "");

  // Out-of-line content: the summary is the body.
  EXPECT_EQ(items[3].doc.format, DocFormat::kHtml);
  EXPECT_EQ(items[3].doc.bytes, "<p>Le résumé de la vidéo.</p>");
}

TEST(FeedReader, RejectsWhatIsNotAFeed) {
  std::vector<Item> items = ReadFeed("<html><body><p>page</p></body></html>");
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0].status.code(), StatusCode::kInvalidInput);
  EXPECT_NE(items[0].status.message().find("not a feed: root element <html>"), std::string::npos);
  EXPECT_EQ(items[0].status.input(), "feed.xml");

  items = ReadFeed("Bonjour, ceci n'est pas du XML.");
  ASSERT_EQ(items.size(), 1u);
  EXPECT_NE(items[0].status.message().find("not XML"), std::string::npos)
      << items[0].status.ToString();

  items = ReadFeed("");
  ASSERT_EQ(items.size(), 1u);
  EXPECT_NE(items[0].status.message().find("not XML"), std::string::npos);
}

TEST(FeedReader, KeepsItemsBeforeMalformedXml) {
  // The good item ends well before the error (libxml2 reads ahead ~4 KiB).
  const std::string feed =
      "<rss version=\"2.0\"><channel><title>T</title>\n"
      "<item><title>one</title><link>https://ex.example/1</link>"
      "<description>" +
      std::string(6000, 'x') +
      "</description></item>\n"
      "<item><title>two</title><description><p>unclosed</description></item>\n"
      "<item><title>three</title></item></channel></rss>";
  const std::vector<Item> items = ReadFeed(feed);
  ASSERT_EQ(items.size(), 2u);
  EXPECT_TRUE(items[0].status.ok());
  EXPECT_EQ(items[0].doc.title, "one");
  EXPECT_EQ(items[1].status.code(), StatusCode::kInvalidInput);
  EXPECT_EQ(items[1].status.line(), 2);  // the item number
  EXPECT_NE(items[1].status.message().find("malformed XML (line 3)"), std::string::npos)
      << items[1].status.ToString();
  EXPECT_EQ(items[1].status.input(), "feed.xml");
}

// The "billion laughs" of the XML bomb literature: nine levels of ten-fold
// entity references. Nothing is expanded; libxml2's entity checks refuse it
// or the reference stays a reference: either way bounded and not a crash.
TEST(FeedReader, XmlBombFailsCleanly) {
  std::string bomb = "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [\n<!ENTITY lol \"lol\">\n";
  for (int i = 1; i <= 9; ++i) {
    bomb += "<!ENTITY lol" + std::to_string(i) + " \"";
    for (int j = 0; j < 10; ++j) {
      bomb += i == 1 ? "&lol;" : "&lol" + std::to_string(i - 1) + ";";
    }
    bomb += "\">\n";
  }
  bomb +=
      "]>\n<rss version=\"2.0\"><channel><title>x</title>"
      "<item><title>a</title><description>&lol9;</description></item>"
      "</channel></rss>";
  const std::vector<Item> items = ReadFeed(bomb);
  ASSERT_EQ(items.size(), 1u);
  if (items[0].status.ok()) {
    EXPECT_LT(items[0].doc.bytes.size(), 100u);  // the reference, not a billion "lol"
  } else {
    EXPECT_EQ(items[0].status.code(), StatusCode::kInvalidInput);
    EXPECT_NE(items[0].status.message().find("entity"), std::string::npos)
        << items[0].status.ToString();
  }
}

TEST(FeedReader, ExternalEntitiesAreNotFetched) {
  const std::string feed =
      "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n"
      "<rss version=\"2.0\"><channel><item><title>a</title>"
      "<description>&xxe;</description></item></channel></rss>";
  const std::vector<Item> items = ReadFeed(feed);
  ASSERT_EQ(items.size(), 1u);
  if (items[0].status.ok()) {
    EXPECT_EQ(items[0].doc.bytes.find("root:"), std::string::npos);
  }
}

TEST(FeedReader, OversizedItemIsSkippedAndReadingGoesOn) {
  std::string feed = "<rss version=\"2.0\"><channel><title>T</title>";
  feed +=
      "<item><title>big</title><description>" + std::string(5000, 'x') + "</description></item>";
  feed += "<item><title>small</title><description>ok</description></item></channel></rss>";
  const std::vector<Item> items = ReadFeed(feed, "feed.xml", 1024);
  ASSERT_EQ(items.size(), 2u);
  EXPECT_EQ(items[0].status.code(), StatusCode::kResourceExhausted);
  EXPECT_EQ(items[0].status.line(), 1);
  EXPECT_NE(items[0].status.message().find("1 KiB"), std::string::npos);
  ASSERT_TRUE(items[1].status.ok());
  EXPECT_EQ(items[1].doc.title, "small");
  EXPECT_EQ(items[1].doc.record, 2);
}

TEST(FeedReader, UnreadableDateIsKeptAsExtra) {
  const std::vector<Item> items = ReadFeed(
      "<rss version=\"2.0\"><channel><item><title>a</title><pubDate>hier soir</pubDate>"
      "</item></channel></rss>");
  ASSERT_EQ(items.size(), 1u);
  ASSERT_TRUE(items[0].status.ok());
  EXPECT_EQ(items[0].doc.published, "");
  EXPECT_EQ(Extra(items[0].doc)["unparsed_date"], "hier soir");
}

TEST(FeedReader, TruncatedGzipKeepsEarlierItems) {
  std::string feed = "<rss version=\"2.0\"><channel><title>T</title>";
  for (int i = 0; i < 200; ++i) {
    feed += "<item><title>item " + std::to_string(i) + "</title><description>text " +
            std::to_string(i * 7919) + "</description></item>";
  }
  feed += "</channel></rss>";
  std::string gz = testing_util::Gzip(feed);
  gz.resize(gz.size() * 2 / 3);
  const std::vector<Item> items = ReadFeed(gz, "feed.xml.gz", 20u << 20, SIZE_MAX, true);
  ASSERT_GE(items.size(), 2u);
  EXPECT_TRUE(items.front().status.ok());
  EXPECT_EQ(items.back().status.code(), StatusCode::kCorruption) << items.back().status.ToString();
}

TEST(FeedReader, StreamsManyItems) {
  std::string feed = "<rss version=\"2.0\"><channel><title>T</title>";
  const int kItems = 20000;
  for (int i = 0; i < kItems; ++i) {
    feed += "<item><title>n" + std::to_string(i) + "</title><link>https://ex.example/" +
            std::to_string(i) + "</link></item>";
  }
  feed += "</channel></rss>";
  const std::vector<Item> items = ReadFeed(feed, "feed.xml", 20u << 20, 4096);
  ASSERT_EQ(items.size(), static_cast<size_t>(kItems));
  EXPECT_EQ(items.back().doc.url, "https://ex.example/19999");
  EXPECT_EQ(items.back().doc.record, kItems);
}

}  // namespace
}  // namespace veille::ingest
