#include "ingest/warc_reader.h"

#include <gtest/gtest.h>
#include <zlib.h>
#include <nlohmann/json.hpp>

#include <string>
#include <vector>

#include "test_util.h"

namespace veille::ingest {
namespace {

using testing_util::Gzip;

// One WARC record (ISO 28500:2017 section 5), framed as the standard says.
std::string Record(std::string_view type, std::string_view uri, std::string_view content_type,
                   std::string_view block, std::string version = "WARC/1.1",
                   std::string length = "") {
  std::string r = version + "\r\n";
  r += "WARC-Type: " + std::string(type) + "\r\n";
  r += "WARC-Record-ID: <urn:uuid:" + std::to_string(block.size()) + "-" + std::string(type) +
       ">\r\n";
  r += "WARC-Date: 2019-04-25T08:15:00Z\r\n";
  if (!uri.empty()) r += "WARC-Target-URI: " + std::string(uri) + "\r\n";
  if (!content_type.empty()) r += "Content-Type: " + std::string(content_type) + "\r\n";
  r += "Content-Length: " + (length.empty() ? std::to_string(block.size()) : length) + "\r\n";
  r += "\r\n";
  r += block;
  r += "\r\n\r\n";
  return r;
}

std::string Http(int status, std::string_view content_type, std::string_view body,
                 std::string extra_headers = "") {
  std::string r = "HTTP/1.1 " + std::to_string(status) + " X\r\n";
  if (!content_type.empty()) r += "Content-Type: " + std::string(content_type) + "\r\n";
  r += extra_headers;
  r += "\r\n";
  r += body;
  return r;
}

std::string Response(std::string_view uri, std::string http) {
  return Record("response", uri, "application/http; msgtype=response", http);
}

const char kPage[] = "<html><head><title>Sommet</title></head><body><p>Texte.</p></body></html>";

struct Item {
  RawDocument doc;
  Status status;
};

struct WarcRun {
  std::vector<Item> items;
  std::vector<SkipCount> skipped;
  int64_t Skipped(std::string_view what) const {
    for (const SkipCount& s : skipped) {
      if (s.what == what) return s.count;
    }
    return 0;
  }
};

WarcRun ReadWarc(std::string data, size_t max_bytes = 20u << 20, bool gzip = false,
                 size_t chunk = SIZE_MAX) {
  IngestOptions options;
  options.max_document_bytes = max_bytes;
  std::unique_ptr<ByteStream> stream = NewMemoryStream(std::move(data), chunk);
  if (gzip) stream = NewGzipStream(std::move(stream));
  auto reader = NewWarcReader("crawl.warc", std::move(stream), options);
  WarcRun run;
  for (int guard = 0; guard < 10000; ++guard) {
    RawDocument doc;
    Result<bool> got = reader->Next(&doc);
    if (!got.ok()) {
      run.items.push_back({{}, got.status()});
      continue;
    }
    if (!*got) break;
    run.items.push_back({std::move(doc), Status()});
  }
  run.skipped = reader->Skipped();
  return run;
}

// A crawl as wget or Heritrix writes it: warcinfo, then request/response
// pairs, with metadata and revisit records.
std::string Crawl() {
  std::string w;
  w += Record("warcinfo", "", "application/warc-fields", "software: test\r\nformat: WARC 1.1\r\n");
  w += Record("request", "https://news.example/a", "application/http; msgtype=request",
              "GET /a HTTP/1.1\r\nHost: news.example\r\n\r\n");
  w += Response("https://news.example/a", Http(200, "text/html; charset=windows-1251", kPage,
                                               "Last-Modified: Thu, 25 Apr 2019 07:00:00 GMT\r\n"));
  w += Record("metadata", "https://news.example/a", "application/warc-fields", "outlinks: x\r\n");
  w += Record("revisit", "https://news.example/a", "application/http; msgtype=response",
              "HTTP/1.1 200 OK\r\n\r\n");
  w += Response("https://news.example/missing", Http(404, "text/html", "<p>not found</p>"));
  w += Response("https://news.example/logo.png",
                Http(200, "image/png", std::string("\x89PNG\r\n\x1a\n\0\0\0", 11)));
  w += Record("response", "dns:news.example", "text/dns", "news.example. 300 IN A 192.0.2.1");
  w += Record("resource", "https://news.example/b", "text/html; charset=utf-8", kPage);
  return w;
}

TEST(WarcReader, ReadsPagesAndCountsTheRest) {
  const WarcRun run = ReadWarc(Crawl());
  ASSERT_EQ(run.items.size(), 2u);
  for (const Item& it : run.items) ASSERT_TRUE(it.status.ok()) << it.status.ToString();
  const RawDocument& a = run.items[0].doc;
  EXPECT_EQ(a.input, "crawl.warc");
  EXPECT_EQ(a.record, 3);
  EXPECT_EQ(a.format, DocFormat::kHtml);
  EXPECT_EQ(a.bytes, kPage);
  EXPECT_EQ(a.url, "https://news.example/a");
  EXPECT_EQ(a.content_type, "text/html; charset=windows-1251");
  EXPECT_EQ(a.http_status, 200);
  EXPECT_EQ(a.fetched_at, "2019-04-25T08:15:00Z");
  const nlohmann::json extra = nlohmann::json::parse(a.extra_json);
  EXPECT_EQ(extra["warc_type"], "response");
  EXPECT_EQ(extra["last_modified"], "2019-04-25T07:00:00Z");
  EXPECT_TRUE(extra["warc_record_id"].get<std::string>().starts_with("<urn:uuid:"));

  const RawDocument& b = run.items[1].doc;
  EXPECT_EQ(b.record, 9);
  EXPECT_EQ(b.content_type, "text/html; charset=utf-8");
  EXPECT_EQ(b.http_status, 0);

  EXPECT_EQ(run.Skipped("warcinfo records"), 1);
  EXPECT_EQ(run.Skipped("request records"), 1);
  EXPECT_EQ(run.Skipped("metadata records"), 1);
  EXPECT_EQ(run.Skipped("revisit records"), 1);
  EXPECT_EQ(run.Skipped("non-2xx responses"), 1);
  EXPECT_EQ(run.Skipped("non-HTML responses"), 1);
  EXPECT_EQ(run.Skipped("non-HTTP responses"), 1);
}

TEST(WarcReader, SameWhateverTheChunkingAndPerRecordGzip) {
  const WarcRun plain = ReadWarc(Crawl());
  for (size_t chunk : {1, 7, 100}) {
    const WarcRun small = ReadWarc(Crawl(), 20u << 20, false, chunk);
    ASSERT_EQ(small.items.size(), plain.items.size());
    EXPECT_EQ(small.items[1].doc.bytes, plain.items[1].doc.bytes);
  }
  // .warc.gz: one gzip member per record, concatenated.
  std::string gz;
  std::string all = Crawl();
  for (size_t pos = 0; pos < all.size();) {
    size_t next = all.find("WARC/1.1\r\n", pos + 1);
    if (next == std::string::npos) next = all.size();
    gz += Gzip(all.substr(pos, next - pos));
    pos = next;
  }
  const WarcRun zipped = ReadWarc(gz, 20u << 20, true);
  ASSERT_EQ(zipped.items.size(), 2u);
  EXPECT_EQ(zipped.items[0].doc.bytes, kPage);
  EXPECT_EQ(zipped.skipped.size(), plain.skipped.size());
  // A truncated last member: the pages before it, then one corruption error.
  gz.resize(gz.size() - 10);
  const WarcRun cut = ReadWarc(gz, 20u << 20, true);
  ASSERT_EQ(cut.items.size(), 2u);
  EXPECT_TRUE(cut.items[0].status.ok());
  EXPECT_EQ(cut.items[1].status.code(), StatusCode::kCorruption);
}

// RFC 9112 section 7.1 chunked coding, RFC 9110 section 8.4 gzip.
TEST(WarcReader, DecodesChunkedAndCompressedBodies) {
  const std::string gz = Gzip(kPage);
  std::string chunked;
  for (size_t pos = 0; pos < gz.size(); pos += 17) {
    const std::string part = gz.substr(pos, 17);
    char size[16];
    std::snprintf(size, sizeof(size), "%zx;ext=1\r\n", part.size());
    chunked += size + part + "\r\n";
  }
  chunked += "0\r\n\r\n";
  std::string w = Response(
      "https://news.example/c",
      Http(200, "text/html", chunked, "Transfer-Encoding: chunked\r\nContent-Encoding: gzip\r\n"));
  // Stored already decoded while keeping the headers (wget does this).
  w += Response("https://news.example/d",
                Http(200, "text/html", kPage, "Content-Encoding: gzip\r\n"));
  // Folded header line and LF-only ends.
  w += Response(
      "https://news.example/e",
      "HTTP/1.0 200 OK\nContent-Type: text/html;\n charset=utf-8\n\n" + std::string(kPage));
  const WarcRun run = ReadWarc(w);
  ASSERT_EQ(run.items.size(), 3u);
  for (const Item& it : run.items) {
    ASSERT_TRUE(it.status.ok()) << it.status.ToString();
    EXPECT_EQ(it.doc.bytes, kPage);
  }
  EXPECT_EQ(run.items[2].doc.content_type, "text/html; charset=utf-8");
}

TEST(WarcReader, UnsupportedCodingAndBombsAreErrors) {
  std::string w = Response("https://news.example/br",
                           Http(200, "text/html", "xxxx", "Content-Encoding: br\r\n"));
  w += Response("https://news.example/bomb", Http(200, "text/html", Gzip(std::string(1 << 20, 'a')),
                                                  "Content-Encoding: gzip\r\n"));
  w += Response("https://news.example/ok", Http(200, "text/html", kPage));
  const WarcRun run = ReadWarc(w, 64 << 10);
  ASSERT_EQ(run.items.size(), 3u);
  EXPECT_EQ(run.items[0].status.code(), StatusCode::kUnsupported);
  EXPECT_EQ(run.items[0].status.line(), 1);
  EXPECT_EQ(run.items[1].status.code(), StatusCode::kResourceExhausted);
  EXPECT_EQ(run.items[1].status.line(), 2);
  ASSERT_TRUE(run.items[2].status.ok());
  EXPECT_EQ(run.items[2].doc.record, 3);
}

TEST(WarcReader, ContentLengthTooShortResynchronises) {
  std::string bad =
      Record("response", "https://news.example/short", "application/http; msgtype=response",
             Http(200, "text/html", kPage), "WARC/1.0", "40");
  const std::string w = bad + Response("https://news.example/next", Http(200, "text/html", kPage));
  const WarcRun run = ReadWarc(w);
  ASSERT_EQ(run.items.size(), 2u);
  EXPECT_EQ(run.items[0].status.code(), StatusCode::kInvalidInput);
  EXPECT_EQ(run.items[0].status.input(), "crawl.warc");
  EXPECT_EQ(run.items[0].status.line(), 1);
  EXPECT_NE(run.items[0].status.message().find("Content-Length 40 does not end at a record"),
            std::string::npos)
      << run.items[0].status.ToString();
  ASSERT_TRUE(run.items[1].status.ok());
  EXPECT_EQ(run.items[1].doc.url, "https://news.example/next");
  EXPECT_EQ(run.items[1].doc.record, 2);
}

TEST(WarcReader, ContentLengthTooLongRecoversTheSwallowedRecord) {
  const std::string http = Http(200, "text/html", kPage);
  std::string w =
      Record("response", "https://news.example/long", "application/http; msgtype=response", http,
             "WARC/1.1", std::to_string(http.size() + 60));
  w += Response("https://news.example/swallowed", Http(200, "text/html", kPage));
  w += Response("https://news.example/last", Http(200, "text/html", kPage));
  const WarcRun run = ReadWarc(w);
  ASSERT_EQ(run.items.size(), 3u);
  EXPECT_EQ(run.items[0].status.code(), StatusCode::kInvalidInput);
  EXPECT_EQ(run.items[1].doc.url, "https://news.example/swallowed");
  EXPECT_EQ(run.items[2].doc.url, "https://news.example/last");
}

TEST(WarcReader, ContentLengthPastTheEnd) {
  const std::string w =
      Response("https://news.example/a", Http(200, "text/html", kPage)) +
      Record("response", "https://news.example/b", "application/http; msgtype=response",
             Http(200, "text/html", kPage), "WARC/1.1", "100000");
  const WarcRun run = ReadWarc(w);
  ASSERT_EQ(run.items.size(), 2u);
  EXPECT_TRUE(run.items[0].status.ok());
  EXPECT_EQ(run.items[1].status.line(), 2);
  EXPECT_NE(run.items[1].status.message().find("runs past the end of the input"),
            std::string::npos);
}

TEST(WarcReader, GarbageAndBadHeadersResynchronise) {
  std::string w = "this is not a warc record\r\nmore junk\r\n";
  w += Response("https://news.example/a", Http(200, "text/html", kPage));
  w += "WARC/1.1\r\nWARC-Type: response\r\n\r\nno length here\r\n\r\n";
  w += Response("<https://news.example/b>", Http(200, "text/html", kPage));  // WARC 1.0 style
  const WarcRun run = ReadWarc(w);
  ASSERT_EQ(run.items.size(), 4u);
  EXPECT_NE(run.items[0].status.message().find("expected a WARC/1.x record header"),
            std::string::npos);
  EXPECT_EQ(run.items[1].doc.url, "https://news.example/a");
  EXPECT_NE(run.items[2].status.message().find("missing Content-Length"), std::string::npos);
  EXPECT_EQ(run.items[3].doc.url, "https://news.example/b");
}

// Found by warc_fuzz: a "WARC/1." line without an end made no progress.
TEST(WarcReader, HeaderCutShortAtTheEndTerminates) {
  for (std::string w : {"junk\nWARC/1.0", "WARC/1.1", "WARC/1.1\r\nWARC-Type: x\r\n",
                        "x\nWARC/1.1\nWARC/1.1\nWARC/1."}) {
    const WarcRun run = ReadWarc(w, 1024, false, 3);
    ASSERT_FALSE(run.items.empty()) << w;
    ASSERT_LE(run.items.size(), 4u) << w;
    for (const Item& it : run.items) EXPECT_EQ(it.status.code(), StatusCode::kInvalidInput) << w;
  }
}

TEST(WarcReader, LargeRecordsAreBounded) {
  std::string big_page = "<html><body><p>" + std::string(5000, 'x') + "</p></body></html>";
  std::string w = Response("https://news.example/big", Http(200, "text/html", big_page));
  w += Response("https://news.example/video", Http(200, "video/mp4", std::string(5000, '\0')));
  w += Record("request", "https://news.example/big", "application/http", std::string(5000, 'r'));
  w += Response("https://news.example/small", Http(200, "text/html", kPage));
  const WarcRun run = ReadWarc(w, 1024);
  ASSERT_EQ(run.items.size(), 2u);
  EXPECT_EQ(run.items[0].status.code(), StatusCode::kResourceExhausted);
  EXPECT_NE(run.items[0].status.message().find("1 KiB"), std::string::npos);
  EXPECT_EQ(run.items[1].doc.url, "https://news.example/small");
  EXPECT_EQ(run.Skipped("non-HTML responses"), 1);
  EXPECT_EQ(run.Skipped("request records"), 1);
}

TEST(WarcReader, OpenInputDetectsWarcWithBinaryPayloads) {
  const auto dir = testing_util::MakeTempDir("warc_open");
  std::string w = Crawl();
  const std::string path = testing_util::WriteFile(dir / "crawl.warc.gz", Gzip(w));
  Result<DocFormat> format = DetectInputFormat(path, IngestOptions{});
  ASSERT_TRUE(format.ok());
  EXPECT_EQ(*format, DocFormat::kWarc);
  auto reader = OpenInput(path, IngestOptions{});
  ASSERT_TRUE(reader.ok()) << reader.status().ToString();
  int docs = 0;
  RawDocument doc;
  for (Result<bool> got = (*reader)->Next(&doc); got.ok() && *got; got = (*reader)->Next(&doc)) {
    ++docs;
  }
  EXPECT_EQ(docs, 2);
  EXPECT_FALSE((*reader)->Skipped().empty());
}

}  // namespace
}  // namespace veille::ingest
