#include "ingest/opml_reader.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "test_util.h"
#include "veille/ingest.h"

namespace veille {
namespace {

// An OPML 2.0 subscription list (opml.org/spec2.opml) as feed readers export
// it: folders as outlines without xmlUrl, subscriptions with type="rss".
const char kOpml[] = R"(<?xml version="1.0" encoding="UTF-8"?>
<opml version="2.0">
  <head><title>Abonnements</title><dateCreated>Thu, 25 Apr 2019 10:00:00 GMT</dateCreated></head>
  <body>
    <outline text="Actualité" title="Actualité">
      <outline text="Asie">
        <outline type="rss" text="Vostok Info" title="Vostok Info"
                 xmlUrl="https://vostok.example/rss" htmlUrl="https://vostok.example/"/>
        <outline type="rss" text="Courrier" xmlUrl="https://courrier.example/feed.xml"/>
      </outline>
      <outline type="rss" text="Revue" xmlUrl="https://atom.example/feed.atom"/>
    </outline>
    <outline type="rss" text="Sans dossier" xmlUrl="/local/feed.rss"
             category="/Divers/Tests,/Autre"/>
    <outline type="rss" text="Doublon" xmlUrl="https://vostok.example/rss"/>
    <outline text="Un lien" type="link" url="https://example.org/"/>
  </body>
</opml>)";

TEST(ReadOpml, ReadsSubscriptionsWithTheirFolders) {
  Result<std::vector<Subscription>> subs =
      ReadOpml("https://lists.example/me/subs.opml", kOpml, IngestOptions{});
  ASSERT_TRUE(subs.ok()) << subs.status().ToString();
  ASSERT_EQ(subs->size(), 4u);  // the duplicate is kept once; the link outline is no feed
  const Subscription& a = (*subs)[0];
  EXPECT_EQ(a.url, "https://vostok.example/rss");
  EXPECT_EQ(a.title, "Vostok Info");
  EXPECT_EQ(a.html_url, "https://vostok.example/");
  EXPECT_EQ(a.category, "Actualité/Asie");
  EXPECT_EQ((*subs)[1].title, "Courrier");  // text when there is no title
  EXPECT_EQ((*subs)[2].category, "Actualité");
  EXPECT_EQ((*subs)[3].url, "https://lists.example/local/feed.rss");  // resolved
  EXPECT_EQ((*subs)[3].category, "Divers/Tests");                     // OPML 2.0 category
}

TEST(ReadOpml, ReadsGzipAndFiles) {
  const auto gz = ingest::testing_util::Gzip(kOpml);
  Result<std::vector<Subscription>> subs = ReadOpml("subs.opml.gz", gz, IngestOptions{});
  ASSERT_TRUE(subs.ok()) << subs.status().ToString();
  EXPECT_EQ(subs->size(), 4u);
  EXPECT_EQ((*subs)[3].url, "/local/feed.rss");  // a file name is no base URL

  const auto dir = ingest::testing_util::MakeTempDir("opml");
  const std::string path = ingest::testing_util::WriteFile(dir / "subs.opml", kOpml);
  subs = ReadOpmlInput(path, IngestOptions{});
  ASSERT_TRUE(subs.ok()) << subs.status().ToString();
  EXPECT_EQ(subs->size(), 4u);
  EXPECT_EQ(ReadOpmlInput((dir / "missing.opml").string(), IngestOptions{}).status().code(),
            StatusCode::kNotFound);
}

TEST(ReadOpml, OpenInputYieldsNoDocumentsAndCountsSubscriptions) {
  const auto dir = ingest::testing_util::MakeTempDir("opml_open");
  const std::string path = ingest::testing_util::WriteFile(dir / "subs.opml", kOpml);
  Result<DocFormat> format = DetectInputFormat(path, IngestOptions{});
  ASSERT_TRUE(format.ok());
  EXPECT_EQ(*format, DocFormat::kOpml);
  auto reader = OpenInput(path, IngestOptions{});
  ASSERT_TRUE(reader.ok()) << reader.status().ToString();
  RawDocument doc;
  Result<bool> got = (*reader)->Next(&doc);
  ASSERT_TRUE(got.ok()) << got.status().ToString();
  EXPECT_FALSE(*got);
  const std::vector<SkipCount> skipped = (*reader)->Skipped();
  ASSERT_EQ(skipped.size(), 1u);
  EXPECT_EQ(skipped[0].count, 4);
  EXPECT_NE(skipped[0].what.find("veille sources add"), std::string::npos);
}

TEST(ReadOpml, Errors) {
  Result<std::vector<Subscription>> subs =
      ReadOpml("list.opml", "<rss version=\"2.0\"><channel/></rss>", IngestOptions{});
  ASSERT_FALSE(subs.ok());
  EXPECT_EQ(subs.status().input(), "list.opml");
  EXPECT_NE(subs.status().message().find("not an OPML list: root element <rss>"),
            std::string::npos);

  subs = ReadOpml("list.opml", "<opml><body><outline xmlUrl=\"a\"></body></opml>", IngestOptions{});
  ASSERT_FALSE(subs.ok());
  EXPECT_NE(subs.status().message().find("malformed XML (line 1)"), std::string::npos)
      << subs.status().ToString();

  subs = ReadOpml("list.opml", "plain text", IngestOptions{});
  ASSERT_FALSE(subs.ok());
  EXPECT_NE(subs.status().message().find("not XML"), std::string::npos);

  IngestOptions small;
  small.max_document_bytes = 256;
  std::string big = "<opml version=\"2.0\"><body>";
  for (int i = 0; i < 200; ++i) {
    big += "<outline text=\"f\" xmlUrl=\"https://ex.example/" + std::to_string(i) + "\"/>";
  }
  big += "</body></opml>";
  subs = ReadOpml("big.opml", big, small);
  ASSERT_FALSE(subs.ok());
  EXPECT_EQ(subs.status().code(), StatusCode::kResourceExhausted);
  EXPECT_EQ(ReadOpml("big.opml", big, IngestOptions{})->size(), 200u);
}

}  // namespace
}  // namespace veille
