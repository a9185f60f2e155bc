#include "veille/status.h"

#include <gtest/gtest.h>

namespace veille {
namespace {

TEST(Status, DefaultIsOk) {
  Status s;
  EXPECT_TRUE(s.ok());
  EXPECT_EQ(s.ToString(), "OK");
  EXPECT_EQ(s.code(), StatusCode::kOk);
}

TEST(Status, CarriesCodeMessageAndPlace) {
  Status s = Status::InvalidInput("malformed JSON").At("feed.jsonl", 3);
  EXPECT_FALSE(s.ok());
  EXPECT_EQ(s.code(), StatusCode::kInvalidInput);
  EXPECT_EQ(s.message(), "malformed JSON");
  EXPECT_EQ(s.input(), "feed.jsonl");
  EXPECT_EQ(s.line(), 3);
  EXPECT_EQ(s.ToString(), "feed.jsonl:3: malformed JSON");
}

TEST(Status, CopyIsDeep) {
  Status a = Status::IoError("disk full");
  Status b = a;
  b = b.WithContext("writing x");
  EXPECT_EQ(a.message(), "disk full");
  EXPECT_EQ(b.message(), "writing x: disk full");
}

Result<int> Half(int x) {
  if (x % 2) return Status::InvalidInput("odd");
  return x / 2;
}

Status UseHalf(int x, int* out) {
  VEILLE_ASSIGN_OR_RETURN(*out, Half(x));
  return Status::Ok();
}

TEST(Result, HoldsValueOrStatus) {
  Result<int> r = Half(4);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(*r, 2);
  Result<int> e = Half(3);
  ASSERT_FALSE(e.ok());
  EXPECT_EQ(e.status().message(), "odd");
  int out = 0;
  EXPECT_TRUE(UseHalf(8, &out).ok());
  EXPECT_EQ(out, 4);
  EXPECT_EQ(UseHalf(5, &out).code(), StatusCode::kInvalidInput);
}

TEST(Result, OkStatusBecomesInternal) {
  Result<int> r{Status::Ok()};
  EXPECT_EQ(r.status().code(), StatusCode::kInternal);
}

}  // namespace
}  // namespace veille
