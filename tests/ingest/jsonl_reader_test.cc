#include "ingest/jsonl_reader.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "test_util.h"

namespace veille::ingest {
namespace {

using std::string_literals::operator""s;

// What one Next() call gave: a document or a status.
struct Item {
  RawDocument doc;
  Status status;
};

// Drains a JSONL reader over `data`, keeping documents and errors in order.
std::vector<Item> ReadAll(std::string data, size_t max_bytes = 20u << 20, size_t chunk = SIZE_MAX,
                          bool gzip = false) {
  IngestOptions options;
  options.max_document_bytes = max_bytes;
  std::unique_ptr<ByteStream> stream = NewMemoryStream(std::move(data), chunk);
  if (gzip) stream = NewGzipStream(std::move(stream));
  auto reader = NewJsonlReader("in.jsonl", std::move(stream), options);
  std::vector<Item> items;
  for (int guard = 0; guard < 10000; ++guard) {
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

TEST(JsonlReader, ReadsGoodRecords) {
  const std::string data =
      R"({"url": "https://ex.fr/a", "title": "Titre", "text": "Ligne 1\nLigne 2", "site": "Ex", "published": "2019-04-25T10:30:00+02:00"})"
      "\n"
      R"({"url": "https://ex.fr/b", "html": "<p>été</p>", "content_type": "text/html; charset=utf-8"})"
      "\n";
  const std::vector<Item> items = ReadAll(data);
  ASSERT_EQ(items.size(), 2u);
  ASSERT_TRUE(items[0].status.ok()) << items[0].status.ToString();
  const RawDocument& a = items[0].doc;
  EXPECT_EQ(a.input, "in.jsonl");
  EXPECT_EQ(a.record, 1);
  EXPECT_EQ(a.format, DocFormat::kText);
  EXPECT_EQ(a.bytes, "Ligne 1\nLigne 2");
  EXPECT_EQ(a.url, "https://ex.fr/a");
  EXPECT_EQ(a.title, "Titre");
  EXPECT_EQ(a.site, "Ex");
  EXPECT_EQ(a.published, "2019-04-25T08:30:00Z");
  EXPECT_EQ(a.extra_json, "");
  EXPECT_TRUE(a.bytes_are_utf8);
  ASSERT_TRUE(items[1].status.ok());
  const RawDocument& b = items[1].doc;
  EXPECT_EQ(b.record, 2);
  EXPECT_EQ(b.format, DocFormat::kHtml);
  EXPECT_EQ(b.bytes, "<p>\xC3\xA9t\xC3\xA9</p>");
  EXPECT_EQ(b.content_type, "text/html; charset=utf-8");
  EXPECT_EQ(b.published, "");
}

TEST(JsonlReader, KeepsUnknownFieldsAsJson) {
  const std::vector<Item> items = ReadAll(
      R"({"text": "t", "lang": "fr", "tags": ["a", "b"], "meta": {"n": 1}, "charset": "latin1"})");
  ASSERT_EQ(items.size(), 1u);
  ASSERT_TRUE(items[0].status.ok());
  EXPECT_EQ(items[0].doc.extra_json,
            R"({"charset":"latin1","lang":"fr","meta":{"n":1},"tags":["a","b"]})");
}

TEST(JsonlReader, SourceIsASynonymOfSite) {
  const std::vector<Item> items = ReadAll(
      "{\"text\": \"t\", \"source\": \"Le Monde\"}\n"
      "{\"text\": \"t\", \"source\": \"Agence\", \"site\": \"Le Monde\"}\n");
  ASSERT_EQ(items.size(), 2u);
  EXPECT_EQ(items[0].doc.site, "Le Monde");
  EXPECT_EQ(items[0].doc.extra_json, "");
  EXPECT_EQ(items[1].doc.site, "Le Monde");
  EXPECT_EQ(items[1].doc.extra_json, R"({"source":"Agence"})");
}

TEST(JsonlReader, HtmlWinsAndTextIsKeptInExtra) {
  const std::vector<Item> items = ReadAll(R"({"text": "plain", "html": "<b>rich</b>"})");
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0].doc.format, DocFormat::kHtml);
  EXPECT_EQ(items[0].doc.bytes, "<b>rich</b>");
  EXPECT_EQ(items[0].doc.extra_json, R"({"text":"plain"})");
}

TEST(JsonlReader, MalformedLineInTheMiddleIsReportedThenReadingGoesOn) {
  const std::vector<Item> items = ReadAll(
      "{\"text\": \"one\"}\n"
      "{\"text\": tru}\n"
      "{\"text\": \"three\"}\n");
  ASSERT_EQ(items.size(), 3u);
  EXPECT_EQ(items[0].doc.bytes, "one");
  const Status& bad = items[1].status;
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.code(), StatusCode::kInvalidInput);
  EXPECT_EQ(bad.input(), "in.jsonl");
  EXPECT_EQ(bad.line(), 2);
  EXPECT_EQ(bad.message().rfind("malformed JSON at column 13: syntax error", 0), 0u)
      << bad.message();
  EXPECT_EQ(bad.message().find("last read"), std::string::npos);
  EXPECT_EQ(items[2].doc.bytes, "three");
  EXPECT_EQ(items[2].doc.record, 3);
}

TEST(JsonlReader, BlankLinesAreSkippedButCounted) {
  const std::vector<Item> items = ReadAll("\n  \r\n{\"text\": \"x\"}\r\n\n\t\n{\"text\": \"y\"}");
  ASSERT_EQ(items.size(), 2u);
  EXPECT_EQ(items[0].doc.record, 3);
  EXPECT_EQ(items[1].doc.record, 6);
}

TEST(JsonlReader, RecordErrorsNameTheirReason) {
  const std::vector<Item> items = ReadAll(
      "[1, 2]\n"
      "{\"title\": \"no body\"}\n"
      "{\"text\": \"x\", \"url\": 42}\n"
      "{\"text\": 7}\n"
      "\"just a string\"\n"
      "{\"text\": \"x\"} {\"text\": \"y\"}\n"
      "{\"text\": \"x\", \"url\": null, \"title\": null}\n");
  ASSERT_EQ(items.size(), 7u);
  EXPECT_EQ(items[0].status.message(), "record is not a JSON object (found array)");
  EXPECT_EQ(items[1].status.message(), "record has neither \"text\" nor \"html\"");
  EXPECT_EQ(items[2].status.message(), "field \"url\" must be a string (found number)");
  EXPECT_EQ(items[3].status.message(), "field \"text\" must be a string (found number)");
  EXPECT_EQ(items[4].status.message(), "record is not a JSON object (found string)");
  EXPECT_EQ(items[5].status.message().rfind("malformed JSON at column 15: ", 0), 0u)
      << items[5].status.message();
  EXPECT_TRUE(items[6].status.ok());
  EXPECT_EQ(items[6].doc.url, "");
  for (int i = 0; i < 6; ++i) EXPECT_EQ(items[i].status.line(), i + 1);
}

TEST(JsonlReader, InvalidDateIsAnError) {
  const std::vector<Item> items = ReadAll(
      "{\"text\": \"x\", \"published\": \"2019-02-30\"}\n"
      "{\"text\": \"x\", \"published\": \"hier\"}\n"
      "{\"text\": \"x\", \"published\": \"2019-02-28\"}\n");
  ASSERT_EQ(items.size(), 3u);
  EXPECT_EQ(items[0].status.code(), StatusCode::kInvalidInput);
  EXPECT_EQ(items[0].status.message().rfind("invalid date in \"published\": ", 0), 0u);
  EXPECT_EQ(items[0].status.line(), 1);
  EXPECT_EQ(items[1].status.line(), 2);
  EXPECT_EQ(items[2].doc.published, "2019-02-28");
}

TEST(JsonlReader, InvalidUtf8IsReported) {
  const std::vector<Item> items = ReadAll("{\"text\": \"caf\xE9\"}\n{\"text\": \"ok\"}\n");
  ASSERT_EQ(items.size(), 2u);
  EXPECT_EQ(items[0].status.code(), StatusCode::kInvalidInput);
  EXPECT_EQ(items[0].status.message().rfind("invalid UTF-8 in JSON string", 0), 0u)
      << items[0].status.message();
  EXPECT_EQ(items[1].doc.bytes, "ok");
}

TEST(JsonlReader, OverLongLineIsSkipped) {
  const std::string long_record = "{\"text\": \"" + std::string(5000, 'a') + "\"}";
  const std::vector<Item> items =
      ReadAll("{\"text\": \"a\"}\n" + long_record + "\n{\"text\": \"b\"}\n", 1024, 100);
  ASSERT_EQ(items.size(), 3u);
  EXPECT_EQ(items[1].status.code(), StatusCode::kResourceExhausted);
  EXPECT_EQ(items[1].status.message(), "record exceeds the 1 KiB limit");
  EXPECT_EQ(items[1].status.line(), 2);
  EXPECT_EQ(items[2].doc.bytes, "b");
  EXPECT_EQ(items[2].doc.record, 3);
}

TEST(JsonlReader, DeepNestingIsRejectedBeforeParsing) {
  const std::string deep =
      "{\"text\": \"x\", \"a\": " + std::string(100000, '[') + std::string(100000, ']') + "}";
  const std::vector<Item> items = ReadAll(deep + "\n{\"text\": \"ok\", \"a\": [[[\"[[[\"]]]}\n");
  ASSERT_EQ(items.size(), 2u);
  EXPECT_EQ(items[0].status.message(), "JSON nested deeper than 512 levels");
  ASSERT_TRUE(items[1].status.ok());
  EXPECT_EQ(items[1].doc.extra_json, R"({"a":[[["[[["]]]})");
}

TEST(JsonlReader, ReadsGzipJsonl) {
  std::string data;
  for (int i = 0; i < 2000; ++i) data += "{\"text\": \"doc " + std::to_string(i) + "\"}\n";
  const std::string packed =
      testing_util::Gzip(data.substr(0, 1000)) + testing_util::Gzip(data.substr(1000));
  const std::vector<Item> items = ReadAll(packed, 1024, 333, /*gzip=*/true);
  ASSERT_EQ(items.size(), 2000u);
  EXPECT_EQ(items[1999].doc.bytes, "doc 1999");
  EXPECT_EQ(items[1999].doc.record, 2000);
}

TEST(JsonlReader, TruncatedGzipEndsTheInputAfterOneError) {
  std::string data;
  for (int i = 0; i < 100; ++i) data += "{\"text\": \"doc " + std::to_string(i) + "\"}\n";
  std::string packed = testing_util::Gzip(data);
  packed.resize(packed.size() - 4);  // the ISIZE trailer is missing
  const std::vector<Item> items = ReadAll(packed, 1024, SIZE_MAX, /*gzip=*/true);
  ASSERT_EQ(items.size(), 101u);  // every line decodes, then the stream is found cut
  EXPECT_EQ(items[99].doc.bytes, "doc 99");
  EXPECT_EQ(items[100].status.code(), StatusCode::kCorruption);
  EXPECT_EQ(items[100].status.message().rfind("truncated gzip stream (member 1 ends early", 0), 0u);
  EXPECT_EQ(items[100].status.input(), "in.jsonl");
}

TEST(JsonlReader, EmptyInputHasNoRecords) { EXPECT_TRUE(ReadAll("").empty()); }

}  // namespace
}  // namespace veille::ingest
