#include "common/iso_time.h"

#include <gtest/gtest.h>

#include <string>

namespace veille {
namespace {

std::string Norm(std::string_view text) {
  Result<std::string> r = NormalizeIsoTime(text);
  return r.ok() ? r.value() : "ERROR";
}

TEST(NormalizeIsoTime, DateAloneStaysADate) {
  EXPECT_EQ(Norm("2019-04-25"), "2019-04-25");
  EXPECT_EQ(Norm(" 2019-04-25 "), "2019-04-25");
}

TEST(NormalizeIsoTime, DateTimeWithoutZoneIsUtc) {
  EXPECT_EQ(Norm("2019-04-25T08:30"), "2019-04-25T08:30:00Z");
  EXPECT_EQ(Norm("2019-04-25 08:30:15"), "2019-04-25T08:30:15Z");
}

TEST(NormalizeIsoTime, AppliesOffsets) {
  EXPECT_EQ(Norm("2019-04-25T08:30:00+03:00"), "2019-04-25T05:30:00Z");
  EXPECT_EQ(Norm("2019-04-25T01:30:00+03:00"), "2019-04-24T22:30:00Z");
  EXPECT_EQ(Norm("2019-12-31T22:00:00-05:00"), "2020-01-01T03:00:00Z");
  EXPECT_EQ(Norm("2019-04-25T08:30:00+0530"), "2019-04-25T03:00:00Z");
  EXPECT_EQ(Norm("2019-04-25T08:30:00+02"), "2019-04-25T06:30:00Z");
  EXPECT_EQ(Norm("2019-04-25 08:30:00Z"), "2019-04-25T08:30:00Z");
  EXPECT_EQ(Norm("2019-04-25t08:30:00z"), "2019-04-25T08:30:00Z");
}

TEST(NormalizeIsoTime, TruncatesFractionalSeconds) {
  EXPECT_EQ(Norm("2019-04-25T08:30:00.999Z"), "2019-04-25T08:30:00Z");
  EXPECT_EQ(Norm("2019-04-25T08:30:59.123456789+01:00"), "2019-04-25T07:30:59Z");
  EXPECT_EQ(Norm("2019-04-25T08:30:00,5Z"), "2019-04-25T08:30:00Z");
}

TEST(NormalizeIsoTime, LeapDaysAndLeapSeconds) {
  EXPECT_EQ(Norm("2020-02-29"), "2020-02-29");
  EXPECT_EQ(Norm("2000-02-29T12:00:00Z"), "2000-02-29T12:00:00Z");
  EXPECT_EQ(Norm("2016-12-31T23:59:60Z"), "2017-01-01T00:00:00Z");
}

TEST(NormalizeIsoTime, RejectsImpossibleDatesAndJunk) {
  const char* bad[] = {"",
                       "2019-02-30",
                       "2019-02-29",
                       "1900-02-29",
                       "2019-13-01",
                       "2019-00-10",
                       "2019-04-31",
                       "2019-4-25",
                       "19-04-25",
                       "2019/04/25",
                       "2019-04-25T",
                       "2019-04-25T24:00",
                       "2019-04-25T08:60",
                       "2019-04-25T08:30:61",
                       "2019-04-25T08:30:00.Z",
                       "2019-04-25T08:30:00+24:00",
                       "2019-04-25T08:30:00+03:",
                       "2019-04-25T08:30:00 PST",
                       "2019-04-25x",
                       "yesterday",
                       "0000-01-01T00:30:00+01:00"};
  for (const char* b : bad) {
    Result<std::string> r = NormalizeIsoTime(b);
    ASSERT_FALSE(r.ok()) << b;
    EXPECT_EQ(r.status().code(), StatusCode::kInvalidInput);
  }
}

TEST(IsoToUnixSeconds, ReadsNormalisedForms) {
  EXPECT_EQ(IsoToUnixSeconds("1970-01-01"), 0);
  EXPECT_EQ(IsoToUnixSeconds("1970-01-02"), 86400);
  EXPECT_EQ(IsoToUnixSeconds("2019-04-25T05:30:00Z"), 1556170200);
  EXPECT_EQ(IsoToUnixSeconds("1969-12-31T23:59:59Z"), -1);
}

TEST(FormatIsoUtc, FormatsAndRoundTrips) {
  EXPECT_EQ(FormatIsoUtc(0), "1970-01-01T00:00:00Z");
  EXPECT_EQ(FormatIsoUtc(1556170200), "2019-04-25T05:30:00Z");
  EXPECT_EQ(FormatIsoUtc(-1), "1969-12-31T23:59:59Z");
  EXPECT_EQ(FormatIsoUtc(951782400), "2000-02-29T00:00:00Z");
  for (int64_t t : {int64_t{0}, int64_t{1}, int64_t{86399}, int64_t{1700000000}, int64_t{-86401},
                    int64_t{253402300799}}) {
    EXPECT_EQ(IsoToUnixSeconds(FormatIsoUtc(t)), t) << t;
    EXPECT_EQ(Norm(FormatIsoUtc(t)), FormatIsoUtc(t));
  }
}

}  // namespace
}  // namespace veille
