#include "common/rfc822_time.h"

#include <gtest/gtest.h>

#include <string>

namespace veille {
namespace {

std::string Norm(std::string_view text) {
  Result<std::string> r = NormalizeRfc822Time(text);
  return r.ok() ? r.value() : "ERROR";
}

// The examples of RFC 822 section 5 and RSS 2.0's <pubDate>.
TEST(NormalizeRfc822Time, ReadsTheRssForm) {
  EXPECT_EQ(Norm("Thu, 25 Apr 2019 10:30:00 +0300"), "2019-04-25T07:30:00Z");
  EXPECT_EQ(Norm("Sat, 07 Sep 2002 00:00:01 GMT"), "2002-09-07T00:00:01Z");
  EXPECT_EQ(Norm("Wed, 24 Apr 2019 23:10:00 -0500"), "2019-04-25T04:10:00Z");
}

TEST(NormalizeRfc822Time, NamedZones) {
  EXPECT_EQ(Norm("25 Apr 2019 10:30 EDT"), "2019-04-25T14:30:00Z");
  EXPECT_EQ(Norm("25 Apr 2019 10:30 PST"), "2019-04-25T18:30:00Z");
  EXPECT_EQ(Norm("25 Apr 2019 10:30:00 UT"), "2019-04-25T10:30:00Z");
  EXPECT_EQ(Norm("25 Apr 2019 10:30:00 Z"), "2019-04-25T10:30:00Z");
  EXPECT_EQ(Norm("25 Apr 2019 10:30:00 GMT+0300"), "2019-04-25T07:30:00Z");
  EXPECT_EQ(Norm("25 Apr 2019 10:30:00 +03:00"), "2019-04-25T07:30:00Z");
  EXPECT_EQ(Norm("25 Apr 2019 10:30:00 +0300 (MSK)"), "2019-04-25T07:30:00Z");
}

TEST(NormalizeRfc822Time, LenientForms) {
  EXPECT_EQ(Norm("Thursday, 25 April 2019 10:30:00 +0000"), "2019-04-25T10:30:00Z");
  EXPECT_EQ(Norm("thu, 25 apr 2019 10:30:00 gmt"), "2019-04-25T10:30:00Z");
  EXPECT_EQ(Norm("Thu,25 Apr 2019 10:30:00"), "2019-04-25T10:30:00Z");  // no zone: UTC
  EXPECT_EQ(Norm("  Thu, 5 Apr 2019 9:05 +0000 \n"), "2019-04-05T09:05:00Z");
  EXPECT_EQ(Norm("Apr 25 2019 10:30:00 +0000"), "2019-04-25T10:30:00Z");
  EXPECT_EQ(Norm("25 Sept 2019 10:30:00 +0000"), "2019-09-25T10:30:00Z");
  EXPECT_EQ(Norm("25 Apr 2019"), "2019-04-25");
}

TEST(NormalizeRfc822Time, TwoDigitYears) {
  EXPECT_EQ(Norm("25 Apr 19 10:30:00 GMT"), "2019-04-25T10:30:00Z");
  EXPECT_EQ(Norm("25 Apr 99 10:30:00 GMT"), "1999-04-25T10:30:00Z");
}

TEST(NormalizeRfc822Time, AcceptsIso8601Instead) {
  EXPECT_EQ(Norm("2019-04-25T10:30:00+03:00"), "2019-04-25T07:30:00Z");
}

TEST(NormalizeRfc822Time, RejectsWhatItCannotRead) {
  EXPECT_EQ(Norm(""), "ERROR");
  EXPECT_EQ(Norm("yesterday"), "ERROR");
  EXPECT_EQ(Norm("Thu, 25 Foo 2019 10:30:00 GMT"), "ERROR");
  EXPECT_EQ(Norm("Thu, 31 Apr 2019 10:30:00 GMT"), "ERROR");  // no 31 April
  EXPECT_EQ(Norm("Thu, 25 Apr 2019 25:30:00 GMT"), "ERROR");
  EXPECT_EQ(Norm("Thu, 25 Apr 2019 10:30:00 XYZ"), "ERROR");
  EXPECT_EQ(Norm("Thu, 25 Apr 2019 10:30:00 GMT extra"), "ERROR");
  EXPECT_EQ(Norm("Thu, 25 Apr 201 10:30:00 GMT"), "ERROR");
  Result<std::string> r = NormalizeRfc822Time("Thu, 25 Foo 2019");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("unknown month"), std::string::npos);
}

}  // namespace
}  // namespace veille
