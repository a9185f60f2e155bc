#include "veille/ingest.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "test_util.h"

namespace veille {
namespace {

using ingest::testing_util::Gzip;
using ingest::testing_util::MakeTempDir;
using ingest::testing_util::WriteFile;
using std::string_literals::operator""s;
namespace fs = std::filesystem;

// Opens `path` and reads its first document; fails the test if it cannot.
RawDocument FirstDocument(const std::string& path, const IngestOptions& options = {}) {
  Result<std::unique_ptr<DocumentReader>> reader = OpenInput(path, options);
  EXPECT_TRUE(reader.ok()) << reader.status().ToString();
  RawDocument doc;
  if (!reader.ok()) return doc;
  Result<bool> got = (*reader)->Next(&doc);
  EXPECT_TRUE(got.ok()) << got.status().ToString();
  EXPECT_TRUE(got.ok() && *got);
  return doc;
}

// Opens `path` and returns the status of its first Next() (OpenInput must succeed).
Status FirstError(const std::string& path, const IngestOptions& options = {}) {
  Result<std::unique_ptr<DocumentReader>> reader = OpenInput(path, options);
  EXPECT_TRUE(reader.ok()) << reader.status().ToString();
  if (!reader.ok()) return reader.status();
  RawDocument doc;
  Result<bool> got = (*reader)->Next(&doc);
  EXPECT_FALSE(got.ok());
  if (got.ok()) return Status();
  // After the error the input is finished.
  Result<bool> after = (*reader)->Next(&doc);
  EXPECT_TRUE(after.ok() && !*after);
  return got.status();
}

TEST(OpenInput, ReadsAnHtmlPage) {
  const auto dir = MakeTempDir("open_html");
  const std::string html = "<!doctype html><html><body><p>Bonjour</p></body></html>\n";
  const std::string path = WriteFile(dir / "page.txt", html);  // content wins over the name
  RawDocument doc = FirstDocument(path);
  EXPECT_EQ(doc.input, path);
  EXPECT_EQ(doc.record, 0);
  EXPECT_EQ(doc.format, DocFormat::kHtml);
  EXPECT_EQ(doc.bytes, html);
  EXPECT_FALSE(doc.bytes_are_utf8);
}

TEST(OpenInput, ReadsATextPage) {
  const auto dir = MakeTempDir("open_text");
  const std::string text = "Le Monde\n\nUn titre\n\nUn paragraphe.\n";
  RawDocument doc = FirstDocument(WriteFile(dir / "page.html", text));
  EXPECT_EQ(doc.format, DocFormat::kText);
  EXPECT_EQ(doc.bytes, text);
}

TEST(OpenInput, ReadsJsonlRecords) {
  const auto dir = MakeTempDir("open_jsonl");
  const std::string path =
      WriteFile(dir / "dump", "{\"text\": \"a\"}\n{\"html\": \"<p>b</p>\", \"url\": \"u\"}\n");
  Result<std::unique_ptr<DocumentReader>> reader = OpenInput(path, {});
  ASSERT_TRUE(reader.ok());
  RawDocument doc;
  ASSERT_TRUE(*(*reader)->Next(&doc));
  EXPECT_EQ(doc.record, 1);
  EXPECT_EQ(doc.format, DocFormat::kText);
  ASSERT_TRUE(*(*reader)->Next(&doc));
  EXPECT_EQ(doc.record, 2);
  EXPECT_EQ(doc.format, DocFormat::kHtml);
  EXPECT_EQ(doc.url, "u");
  EXPECT_FALSE(*(*reader)->Next(&doc));
}

TEST(OpenInput, DecodesGzipWhateverTheName) {
  const auto dir = MakeTempDir("open_gzip");
  std::string jsonl;
  for (int i = 0; i < 500; ++i) jsonl += "{\"text\": \"record " + std::to_string(i) + "\"}\n";
  const std::string path = WriteFile(dir / "feed.bin", Gzip(jsonl));
  Result<std::unique_ptr<DocumentReader>> reader = OpenInput(path, {});
  ASSERT_TRUE(reader.ok()) << reader.status().ToString();
  RawDocument doc;
  int count = 0;
  while (true) {
    Result<bool> got = (*reader)->Next(&doc);
    ASSERT_TRUE(got.ok()) << got.status().ToString();
    if (!*got) break;
    ++count;
  }
  EXPECT_EQ(count, 500);
  EXPECT_EQ(doc.bytes, "record 499");

  const std::string html = "<html><head><title>T</title></head></html>";
  RawDocument page = FirstDocument(WriteFile(dir / "page.html.gz", Gzip(html)));
  EXPECT_EQ(page.format, DocFormat::kHtml);
  EXPECT_EQ(page.bytes, html);
}

TEST(OpenInput, EmptyGzippedJsonlUsesTheName) {
  const auto dir = MakeTempDir("open_gzip_empty");
  Result<std::unique_ptr<DocumentReader>> reader =
      OpenInput(WriteFile(dir / "x.jsonl.gz", Gzip("")), {});
  ASSERT_TRUE(reader.ok());
  RawDocument doc;
  Result<bool> got = (*reader)->Next(&doc);
  ASSERT_TRUE(got.ok());
  EXPECT_FALSE(*got);
}

TEST(OpenInput, CorruptGzipIsReportedByTheReader) {
  const auto dir = MakeTempDir("open_gzip_corrupt");
  std::string packed = Gzip(std::string(10000, 'a'));
  packed.resize(packed.size() / 2);
  const Status s = FirstError(WriteFile(dir / "page.html.gz", packed));
  EXPECT_EQ(s.code(), StatusCode::kCorruption);
  EXPECT_EQ(s.message().rfind("truncated gzip stream (member 1 ends early at byte ", 0), 0u)
      << s.message();
}

TEST(OpenInput, EmptyFileIsInvalidInput) {
  const auto dir = MakeTempDir("open_empty");
  Status s = FirstError(WriteFile(dir / "empty.html", ""));
  EXPECT_EQ(s.code(), StatusCode::kInvalidInput);
  EXPECT_EQ(s.message(), "empty input");
  s = FirstError(WriteFile(dir / "blank.txt", " \n\t\r\n"));
  EXPECT_EQ(s.message(), "empty input");
  EXPECT_EQ(s.input(), (dir / "blank.txt").string());
}

TEST(OpenInput, BinaryFileIsRejected) {
  const auto dir = MakeTempDir("open_binary");
  const std::string path = WriteFile(dir / "photo.html", "\x89PNG\r\n\x1a\n\0\0\0\rIHDR"s);
  Result<std::unique_ptr<DocumentReader>> reader = OpenInput(path, {});
  ASSERT_FALSE(reader.ok());
  EXPECT_EQ(reader.status().code(), StatusCode::kInvalidInput);
  EXPECT_EQ(reader.status().ToString(), path + ": binary content (PNG image)");
  reader = OpenInput(WriteFile(dir / "nul.txt", "text\0more"s), {});
  ASSERT_FALSE(reader.ok());
  EXPECT_EQ(reader.status().message(), "binary content (NUL bytes)");
  reader = OpenInput(WriteFile(dir / "a.zip.gz", Gzip("PK\x03\x04rest")), {});
  ASSERT_FALSE(reader.ok());
  EXPECT_EQ(reader.status().message(), "binary content (ZIP archive)");
}

TEST(OpenInput, FileOverTheBoundIsResourceExhausted) {
  const auto dir = MakeTempDir("open_big");
  IngestOptions options;
  options.max_document_bytes = 1024;
  const std::string exact = "<p>" + std::string(1024 - 3, 'a');
  EXPECT_EQ(FirstDocument(WriteFile(dir / "exact.html", exact), options).bytes.size(), 1024u);
  const Status s = FirstError(WriteFile(dir / "big.html", exact + "b"), options);
  EXPECT_EQ(s.code(), StatusCode::kResourceExhausted);
  EXPECT_EQ(s.message().rfind("document exceeds the 1 KiB limit (", 0), 0u) << s.message();
  const Status gz =
      FirstError(WriteFile(dir / "big.txt.gz", Gzip(std::string(1 << 20, 'z'))), options);
  EXPECT_EQ(gz.code(), StatusCode::kResourceExhausted);
}

TEST(OpenInput, ForcedFormatOverridesDetection) {
  const auto dir = MakeTempDir("open_forced");
  IngestOptions options;
  options.forced_format = DocFormat::kText;
  const std::string path = WriteFile(dir / "a.jsonl", "{\"text\": \"x\"}\n");
  RawDocument doc = FirstDocument(path, options);
  EXPECT_EQ(doc.format, DocFormat::kText);
  EXPECT_EQ(doc.bytes, "{\"text\": \"x\"}\n");
}

TEST(OpenInput, MissingPathIsNotFound) {
  const auto dir = MakeTempDir("open_missing");
  const std::string path = (dir / "absent.html").string();
  Result<std::unique_ptr<DocumentReader>> reader = OpenInput(path, {});
  ASSERT_FALSE(reader.ok());
  EXPECT_EQ(reader.status().code(), StatusCode::kNotFound);
  EXPECT_EQ(reader.status().input(), path);
}

TEST(OpenInput, DirectoryIsInvalidInput) {
  const auto dir = MakeTempDir("open_dir");
  Result<std::unique_ptr<DocumentReader>> reader = OpenInput(dir.string(), {});
  ASSERT_FALSE(reader.ok());
  EXPECT_EQ(reader.status().code(), StatusCode::kInvalidInput);
  EXPECT_EQ(reader.status().message(), "is a directory");
}

std::vector<std::string> Paths(const std::vector<InputEntry>& entries) {
  std::vector<std::string> out;
  for (const InputEntry& e : entries) out.push_back(e.path);
  return out;
}

TEST(ExpandInputs, WalksFoldersInSortedOrderSkippingHiddenEntries) {
  const auto dir = MakeTempDir("expand");
  for (const char* name : {"b.html", "a/z.txt", "a/b/c.jsonl", "A.txt", "c.txt", ".hidden.html",
                           ".git/config", "a/.cache/x.html"}) {
    WriteFile(dir / name, "x");
  }
  const std::string d = dir.string();
  const std::vector<InputEntry> entries = ExpandInputs({d});
  EXPECT_EQ(Paths(entries),
            (std::vector<std::string>{d + "/A.txt", d + "/a/b/c.jsonl", d + "/a/z.txt",
                                      d + "/b.html", d + "/c.txt"}));
  for (const InputEntry& e : entries) EXPECT_TRUE(e.status.ok());
}

TEST(ExpandInputs, TakesOnlyDocumentFilesInAFolderWalk) {
  const auto dir = MakeTempDir("expand_kinds");
  for (const char* name : {"README.md", "logo.png", "run.sh", "page.HTML", "feed.jsonl.gz",
                           "crawl-0001", "notes.txt.gz", "data.json", "news.rss", "news.atom",
                           "feed.xml", "subs.opml", "crawl.warc.gz", "style.css"}) {
    WriteFile(dir / name, "x");
  }
  const std::string d = dir.string();
  EXPECT_EQ(Paths(ExpandInputs({d})),
            (std::vector<std::string>{d + "/crawl-0001", d + "/crawl.warc.gz", d + "/data.json",
                                      d + "/feed.jsonl.gz", d + "/feed.xml", d + "/news.atom",
                                      d + "/news.rss", d + "/notes.txt.gz", d + "/page.HTML",
                                      d + "/subs.opml"}));
  // Named explicitly, any file is read.
  EXPECT_EQ(Paths(ExpandInputs({d + "/README.md"})), (std::vector<std::string>{d + "/README.md"}));
}

TEST(ExpandInputs, KeepsFilesAndStdinAsGivenAndReportsMissingPaths) {
  const auto dir = MakeTempDir("expand_mixed");
  const std::string file = WriteFile(dir / ".explicit_hidden.txt", "x");
  const std::string missing = (dir / "missing").string();
  const std::vector<InputEntry> entries = ExpandInputs({"-", missing, file});
  ASSERT_EQ(entries.size(), 3u);
  EXPECT_EQ(entries[0].path, "-");
  EXPECT_TRUE(entries[0].status.ok());
  EXPECT_EQ(entries[1].path, missing);
  EXPECT_EQ(entries[1].status.code(), StatusCode::kNotFound);
  EXPECT_EQ(entries[1].status.input(), missing);
  EXPECT_EQ(entries[2].path, file);
  EXPECT_TRUE(entries[2].status.ok());
}

TEST(ExpandInputs, DoesNotFollowSymlinkedFolders) {
  const auto dir = MakeTempDir("expand_links");
  WriteFile(dir / "real/page.html", "x");
  fs::create_directory_symlink(dir / "real", dir / "loop");
  fs::create_directory_symlink(dir, dir / "real/up");  // a cycle, if followed
  fs::create_symlink(dir / "real/page.html", dir / "link.html");
  fs::create_symlink(dir / "nowhere", dir / "broken.html");
  const std::string d = dir.string();
  const std::vector<InputEntry> entries = ExpandInputs({d});
  EXPECT_EQ(Paths(entries), (std::vector<std::string>{d + "/broken.html", d + "/link.html",
                                                      d + "/real/page.html"}));
  ASSERT_EQ(entries.size(), 3u);
  EXPECT_EQ(entries[0].status.code(), StatusCode::kNotFound);
  EXPECT_TRUE(entries[1].status.ok());
}

}  // namespace
}  // namespace veille

namespace veille {
namespace {

TEST(OpenBuffer, ReadsAFetchedPageWithItsContentType) {
  auto reader = OpenBuffer("https://example.org/a", "<html><body><p>Bonjour</p></body></html>",
                           "text/html; charset=iso-8859-1", IngestOptions());
  ASSERT_TRUE(reader.ok()) << reader.status().ToString();
  RawDocument doc;
  Result<bool> more = (*reader)->Next(&doc);
  ASSERT_TRUE(more.ok());
  ASSERT_TRUE(*more);
  EXPECT_EQ(doc.input, "https://example.org/a");
  EXPECT_EQ(doc.format, DocFormat::kHtml);
  EXPECT_EQ(doc.content_type, "text/html; charset=iso-8859-1");
  more = (*reader)->Next(&doc);
  ASSERT_TRUE(more.ok());
  EXPECT_FALSE(*more);
}

TEST(OpenInput, ReadsFeedItemsAsDocuments) {
  const auto dir = MakeTempDir("open_feed");
  const std::string path = WriteFile(
      dir / "news",  // no extension: detected by content
      "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Site</title>"
      "<item><title>Un</title><link>https://ex.example/1</link>"
      "<description>&lt;p&gt;Texte.&lt;/p&gt;</description></item>"
      "<item><title>Deux</title><link>https://ex.example/2</link></item></channel></rss>");
  Result<std::unique_ptr<DocumentReader>> reader = OpenInput(path, IngestOptions());
  ASSERT_TRUE(reader.ok()) << reader.status().ToString();
  RawDocument doc;
  ASSERT_TRUE(*(*reader)->Next(&doc));
  EXPECT_EQ(doc.record, 1);
  EXPECT_EQ(doc.format, DocFormat::kHtml);
  EXPECT_EQ(doc.bytes, "<p>Texte.</p>");
  EXPECT_EQ(doc.site, "Site");
  ASSERT_TRUE(*(*reader)->Next(&doc));
  EXPECT_EQ(doc.title, "Deux");
  EXPECT_FALSE(*(*reader)->Next(&doc));
  EXPECT_TRUE((*reader)->Skipped().empty());
}

TEST(OpenBuffer, ReadsAFetchedFeedWithoutImposingItsContentType) {
  auto reader = OpenBuffer("https://ex.example/feed",
                           "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>S</title>"
                           "<entry><title>E</title><link href=\"/e\"/><content type=\"html\">"
                           "&lt;p&gt;x&lt;/p&gt;</content></entry></feed>",
                           "application/atom+xml; charset=iso-8859-1", IngestOptions());
  ASSERT_TRUE(reader.ok()) << reader.status().ToString();
  RawDocument doc;
  ASSERT_TRUE(*(*reader)->Next(&doc));
  EXPECT_EQ(doc.url, "https://ex.example/e");  // resolved against the feed's URL
  EXPECT_EQ(doc.content_type, "");
  EXPECT_TRUE(doc.bytes_are_utf8);
}

TEST(OpenBuffer, RejectsBinaryNamingTheInput) {
  auto reader = OpenBuffer("https://example.org/x.png", std::string("\x89PNG\r\n\x1a\n", 8), "",
                           IngestOptions());
  ASSERT_FALSE(reader.ok());
  EXPECT_EQ(reader.status().input(), "https://example.org/x.png");
  EXPECT_THAT(reader.status().message(), ::testing::HasSubstr("binary"));
}

}  // namespace
}  // namespace veille
