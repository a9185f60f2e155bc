#include "ingest/line_reader.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "test_util.h"

namespace veille::ingest {
namespace {

// Yields `data`, then fails with an I/O error.
class FailingStream final : public ByteStream {
 public:
  explicit FailingStream(std::string data) : data_(std::move(data)) {}
  Result<size_t> Read(char* buf, size_t n) override {
    if (data_.empty()) return Status::IoError("disk on fire");
    const size_t count = std::min(n, data_.size());
    data_.copy(buf, count);
    data_.erase(0, count);
    return count;
  }

 private:
  std::string data_;
};

std::vector<std::string> AllLines(LineReader& reader) {
  std::vector<std::string> lines;
  std::string line;
  for (;;) {
    Result<bool> got = reader.Next(&line);
    EXPECT_TRUE(got.ok()) << got.status().ToString();
    if (!got.ok() || !*got) return lines;
    lines.push_back(line);
  }
}

TEST(LineReader, SplitsLinesAndStripsTerminators) {
  LineReader reader(NewMemoryStream("un\r\ndeux\n\ntrois", 2), 100);
  EXPECT_EQ(AllLines(reader), (std::vector<std::string>{"un", "deux", "", "trois"}));
  EXPECT_EQ(reader.line_number(), 4);
}

TEST(LineReader, EmptyStreamHasNoLines) {
  LineReader reader(NewMemoryStream(""), 100);
  EXPECT_TRUE(AllLines(reader).empty());
  EXPECT_EQ(reader.line_number(), 0);
}

TEST(LineReader, FinalNewlineAddsNoEmptyLine) {
  LineReader reader(NewMemoryStream("a\nb\n"), 100);
  EXPECT_EQ(AllLines(reader), (std::vector<std::string>{"a", "b"}));
}

TEST(LineReader, LineAtTheBoundIsAccepted) {
  LineReader reader(NewMemoryStream("12345\r\n123456"), 5);
  std::string line;
  Result<bool> got = reader.Next(&line);
  ASSERT_TRUE(got.ok());
  EXPECT_EQ(line, "12345");
  got = reader.Next(&line);
  ASSERT_FALSE(got.ok());
  EXPECT_EQ(got.status().code(), StatusCode::kResourceExhausted);
  EXPECT_EQ(reader.line_number(), 2);
}

TEST(LineReader, OverLongLineIsSkippedAndReadingGoesOn) {
  const std::string huge(3 << 20, 'x');  // spans many 64 KiB buffers
  LineReader reader(NewMemoryStream("avant\n" + huge + "\napres\n", 100000), 1024);
  std::string line;
  ASSERT_TRUE(reader.Next(&line).ok());
  EXPECT_EQ(line, "avant");
  Result<bool> got = reader.Next(&line);
  ASSERT_FALSE(got.ok());
  EXPECT_EQ(got.status().code(), StatusCode::kResourceExhausted);
  EXPECT_EQ(reader.line_number(), 2);
  EXPECT_LE(line.capacity(), 64u << 10);  // the long line was never held
  got = reader.Next(&line);
  ASSERT_TRUE(got.ok());
  ASSERT_TRUE(*got);
  EXPECT_EQ(line, "apres");
  EXPECT_EQ(reader.line_number(), 3);
}

TEST(LineReader, StreamErrorIsReturnedOnceThenEnd) {
  LineReader reader(std::make_unique<FailingStream>("ok\npartial"), 100);
  std::string line;
  ASSERT_TRUE(reader.Next(&line).ok());
  EXPECT_EQ(line, "ok");
  Result<bool> got = reader.Next(&line);
  ASSERT_FALSE(got.ok());
  EXPECT_EQ(got.status().code(), StatusCode::kIoError);
  EXPECT_EQ(reader.line_number(), 2);
  got = reader.Next(&line);
  ASSERT_TRUE(got.ok());
  EXPECT_FALSE(*got);
}

TEST(LineReader, ReadsLinesOfAGzipStream) {
  std::string text;
  for (int i = 0; i < 10000; ++i) text += "ligne " + std::to_string(i) + "\n";
  LineReader reader(NewGzipStream(NewMemoryStream(testing_util::Gzip(text))), 64);
  const std::vector<std::string> lines = AllLines(reader);
  ASSERT_EQ(lines.size(), 10000u);
  EXPECT_EQ(lines[9999], "ligne 9999");
}

}  // namespace
}  // namespace veille::ingest
