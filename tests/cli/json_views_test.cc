// AppendExtractLine (the hand-written `veille extract` line) against the path
// it replaces, Dump(ExtractView(...)): byte-identical on escapes, non-ASCII,
// invalid UTF-8 (the fallback), empty fields and related lists.
#include "cli/json_views.h"

#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace veille::cli {
namespace {

std::string ViaDump(const std::string& input, const Article& a) {
  return Dump(ExtractView(input, a));
}

std::string ViaAppend(const std::string& input, const Article& a) {
  std::string out = "prefix|";
  AppendExtractLine(input, a, &out);
  EXPECT_EQ(out.substr(0, 7), "prefix|");  // appends, never clears
  return out.substr(7);
}

// Every field the line prints set to `s`, with two related links.
Article AllFields(const std::string& s) {
  Article a;
  a.url = "https://ex.fr/" + s;
  a.title = "T" + s;
  a.author = s + "A";
  a.published = "2024-01-02" + s;
  a.site = s;
  a.lang = "fr" + s;
  a.text = s + "\n\n" + s;
  a.image_url = "https://ex.fr/img.png";  // not printed
  a.warnings = {"not printed"};
  a.related = {{s, s, s}, {"t", "", ""}};
  return a;
}

const std::vector<std::string>& Samples() {
  static const std::vector<std::string> kSamples = {
      "",
      "plain",
      std::string("nul\0here", 8),
      "\x01\x02\x07\x0b\x0e\x1b\x1f",
      "\b\t\n\f\r",
      "quote\" back\\slash /slash </script>",
      "del\x7f",
      "caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80",  // é € 😀
      "\xed\x9f\xbf\xee\x80\x80\xef\xbf\xbf\xf4\x8f\xbf\xbf\xe0\xa0\x80\xf0\x90\x80\x80",
      "\xc3(",             // bad continuation
      "trunc\xe2\x82",     // truncated at the end
      "\xc0\xaf",          // overlong
      "\xe0\x80\x80",      // overlong
      "\xed\xa0\x80",      // surrogate
      "\xf4\x90\x80\x80",  // past U+10FFFF
      "\xf5\x80\x80\x80",
      "\x80",
      "\xff\xfe",
  };
  return kSamples;
}

TEST(AppendExtractLineTest, EmptyArticleMatchesDump) {
  const Article a;
  EXPECT_EQ(ViaAppend("", a), ViaDump("", a));
  EXPECT_EQ(ViaAppend("", a),
            R"({"author":null,"input":"","lang":null,"published":null,"related":[],)"
            R"("site":null,"text":"","title":null,"url":null})");
}

TEST(AppendExtractLineTest, KnownLine) {
  Article a;
  a.title = "Caf\xc3\xa9 \"x\"";
  a.text = "a\tb\x01\x7f/";
  a.related = {{"r", "", "u"}};
  EXPECT_EQ(ViaAppend("in.html", a),
            "{\"author\":null,\"input\":\"in.html\",\"lang\":null,\"published\":null,"
            "\"related\":[{\"snippet\":null,\"title\":\"r\",\"url\":\"u\"}],"
            "\"site\":null,\"text\":\"a\\tb\\u0001\x7f/\",\"title\":\"Caf\xc3\xa9 \\\"x\\\"\","
            "\"url\":null}");
  EXPECT_EQ(ViaAppend("in.html", a), ViaDump("in.html", a));
}

TEST(AppendExtractLineTest, EverySampleInEveryFieldMatchesDump) {
  for (const std::string& s : Samples()) {
    SCOPED_TRACE(testing::PrintToString(s));
    const Article all = AllFields(s);
    EXPECT_EQ(ViaAppend(s, all), ViaDump(s, all));
    // One field at a time, the others plain, so a fallback in one field is
    // seen on its own.
    const std::vector<std::string Article::*> fields = {
        &Article::url,  &Article::title, &Article::author, &Article::published,
        &Article::site, &Article::lang,  &Article::text};
    for (std::string Article::*f : fields) {
      Article a;
      a.*f = s;
      EXPECT_EQ(ViaAppend("in", a), ViaDump("in", a));
    }
    for (int which = 0; which < 3; ++which) {
      Article a;
      a.related = {{"t0", "s0", "u0"}, {"", "", ""}};
      RelatedLink& r = a.related[1];
      (which == 0 ? r.title : which == 1 ? r.snippet : r.url) = s;
      EXPECT_EQ(ViaAppend("in", a), ViaDump("in", a));
    }
  }
}

TEST(AppendExtractLineTest, InvalidUtf8FallsBackToReplacement) {
  Article a;
  a.text = "ok\xff";
  const std::string line = ViaAppend("in", a);
  EXPECT_NE(line.find("ok\xef\xbf\xbd"), std::string::npos) << line;  // U+FFFD
  EXPECT_EQ(line, ViaDump("in", a));
}

// Every 1- and 2-byte string, and 3- and 4-byte strings around the lead bytes'
// limits: the UTF-8 check and the escapes agree with nlohmann's.
TEST(AppendExtractLineTest, ShortByteStringsMatchDump) {
  Article a;
  for (int b0 = 0; b0 < 256; ++b0) {
    for (int b1 = -1; b1 < 256; ++b1) {
      a.text.assign(1, static_cast<char>(b0));
      if (b1 >= 0) a.text.push_back(static_cast<char>(b1));
      ASSERT_EQ(ViaAppend("", a), ViaDump("", a)) << b0 << " " << b1;
    }
  }
  const int kTails[] = {0x00, 0x41, 0x7f, 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0xc0, 0xff};
  for (int b0 = 0xc0; b0 < 256; ++b0) {
    for (int b1 = 0x80; b1 < 0xc0; ++b1) {
      for (int b2 : kTails) {
        for (int b3 : {-1, 0x41, 0x80, 0xbf, 0xc0}) {
          a.text = {static_cast<char>(b0), static_cast<char>(b1), static_cast<char>(b2)};
          if (b3 >= 0) a.text.push_back(static_cast<char>(b3));
          ASSERT_EQ(ViaAppend("", a), ViaDump("", a)) << b0 << " " << b1 << " " << b2 << " " << b3;
        }
      }
    }
  }
}

}  // namespace
}  // namespace veille::cli
