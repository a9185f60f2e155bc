#include "extract/charset.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "extract/charset_util.h"

namespace veille::extract {
namespace {

using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::StartsWith;

DecodedText Decode(std::string_view bytes, std::string_view content_type = "",
                   bool is_html = true) {
  Result<DecodedText> r = DecodeToUtf8(bytes, content_type, is_html);
  EXPECT_TRUE(r.ok()) << r.status().ToString();
  if (!r.ok()) return {};
  EXPECT_TRUE(IsValidUtf8(r->utf8));
  return std::move(r).value();
}

std::string Warnings(const DecodedText& d) {
  std::string all;
  for (const std::string& w : d.warnings) all += w + "\n";
  return all;
}

const char kShiftJis[] =
    "\x93\xFA\x96{\x8C\xEA\x82\xCC\x83"
    "e\x83L\x83X\x83g\x82\xC5\x82\xB7\x81"
    "B\x93\x8C\x8B"
    "\x9E\x82\xC5\x90V\x82\xB5\x82\xA2\x83j\x83\x85\x81[\x83X\x82\xAA\x94\xAD\x95\x5C\x82\xB3"
    "\x82\xEA\x82\xDC\x82\xB5\x82\xBD\x81"
    "B";
const char kGb18030[] =
    "\xD6\xD0\xCE\xC4\xD0\xC2\xCE\xC5\xB1\xA8\xB5\xC0\xA3\xBA\xB1\xB1\xBE\xA9\xBD\xF1\xCC\xEC"
    "\xB7\xA2\xB2\xBC\xC1\xCB\xD0\xC2\xB5\xC4\xBE\xAD\xBC\xC3\xCA\xFD\xBE\xDD\xA3\xAC\xCA\xD0"
    "\xB3\xA1\xB7\xB4\xD3\xA6\xBB\xFD\xBC\xAB\xA1\xA3";
const char kKoi8r[] =
    "\xF0\xD2\xC9\xD7\xC5\xD4, \xCD\xC9\xD2! \xFC\xD4\xCF \xD4\xC5\xD3\xD4\xCF\xD7\xC1\xD1 "
    "\xCE\xCF\xD7\xCF\xD3\xD4\xD8 \xCE\xC1 \xD2\xD5\xD3\xD3\xCB\xCF\xCD \xD1\xDA\xD9\xCB\xC5 "
    "\xCF \xD0\xCF\xC7\xCF\xC4\xC5.";
const char kRussian[] = "Привет, мир! Это тестовая новость на русском языке о погоде.";
// "L'été est chaud. Le café de la gare à côté de l'hôtel." in windows-1252.
const char kFrench1252[] =
    "L'\xE9t\xE9 est chaud. Le caf\xE9 de la gare \xE0 c\xF4t\xE9 de l'h\xF4tel.";
const char kFrench[] = "L'été est chaud. Le café de la gare à côté de l'hôtel.";

// --- Evidence sources ---

TEST(DecodeToUtf8, EmptyInput) {
  DecodedText d = Decode("");
  EXPECT_EQ(d.utf8, "");
  EXPECT_EQ(d.charset, "UTF-8");
  EXPECT_THAT(d.warnings, IsEmpty());
}

TEST(DecodeToUtf8, PlainUtf8AndAscii) {
  EXPECT_EQ(Decode("hello").charset, "UTF-8");
  DecodedText d = Decode("<p>Été à Zürich — “quotes”</p>");
  EXPECT_EQ(d.utf8, "<p>Été à Zürich — “quotes”</p>");
  EXPECT_EQ(d.charset, "UTF-8");
  EXPECT_THAT(d.warnings, IsEmpty());
}

TEST(DecodeToUtf8, Utf8BomIsStripped) {
  DecodedText d = Decode(
      "\xEF\xBB\xBF"
      "caf\xC3\xA9");
  EXPECT_EQ(d.utf8, "café");
  EXPECT_EQ(d.charset, "UTF-8");
}

TEST(DecodeToUtf8, Utf16LeWithBom) {
  const std::string bytes("\xFF\xFE\xE9\x00t\x00\xE9\x00", 8);
  DecodedText d = Decode(bytes);
  EXPECT_EQ(d.utf8, "été");
  EXPECT_EQ(d.charset, "UTF-16LE");
}

TEST(DecodeToUtf8, Utf16BeWithBomAndSurrogatePair) {
  const std::string bytes("\xFE\xFF\x00h\x00i\xD8\x3D\xDE\x00", 10);
  DecodedText d = Decode(bytes);
  EXPECT_EQ(d.utf8, "hi\xF0\x9F\x98\x80");
  EXPECT_EQ(d.charset, "UTF-16BE");
}

TEST(DecodeToUtf8, Utf32LeWithBom) {
  const std::string bytes("\xFF\xFE\x00\x00\xE9\x00\x00\x00", 8);
  DecodedText d = Decode(bytes);
  EXPECT_EQ(d.utf8, "é");
  EXPECT_EQ(d.charset, "UTF-32LE");
}

TEST(DecodeToUtf8, BomBeatsDeclarations) {
  DecodedText d = Decode("\xEF\xBB\xBF<meta charset=koi8-r>caf\xC3\xA9", "text/html; charset=big5");
  EXPECT_EQ(d.charset, "UTF-8");
  EXPECT_THAT(d.utf8, HasSubstr("café"));
}

TEST(DecodeToUtf8, Utf16LeWithoutBomFromNulPattern) {
  std::string bytes;
  for (char c : std::string("<html><body>Hello world, this is UTF-16.</body></html>")) {
    bytes.push_back(c);
    bytes.push_back('\0');
  }
  DecodedText d = Decode(bytes);
  EXPECT_EQ(d.charset, "UTF-16LE");
  EXPECT_EQ(d.utf8, "<html><body>Hello world, this is UTF-16.</body></html>");
}

TEST(DecodeToUtf8, Utf16OddTrailingByteIsReplaced) {
  const std::string bytes("\xFF\xFEh\x00i\x00!", 7);
  DecodedText d = Decode(bytes);
  EXPECT_EQ(d.utf8, "hi\xEF\xBF\xBD");
  EXPECT_THAT(Warnings(d),
              HasSubstr("1 byte sequence(s) replaced by U+FFFD, first at byte offset 6"));
}

TEST(DecodeToUtf8, ContentTypeCharsetWindows1252French) {
  DecodedText d = Decode(kFrench1252, "text/html; charset=windows-1252");
  EXPECT_EQ(d.utf8, kFrench);
  EXPECT_EQ(d.charset, "windows-1252");
  EXPECT_THAT(d.warnings, IsEmpty());
}

TEST(DecodeToUtf8, Latin1LabelMeansWindows1252) {
  // 0x92 is a control in ISO-8859-1 but '’' in windows-1252, as WHATWG reads it.
  DecodedText d = Decode("l\x92\xE9t\xE9", "text/plain; charset=\"ISO-8859-1\"", false);
  EXPECT_EQ(d.utf8, "l’été");
  EXPECT_EQ(d.charset, "windows-1252");
  EXPECT_EQ(Decode("caf\xE9", "text/html;charset=latin1").charset, "windows-1252");
  EXPECT_EQ(Decode("caf\xE9", "text/html; Charset = ascii").charset, "windows-1252");
}

TEST(DecodeToUtf8, MetaCharset) {
  DecodedText d = Decode("<html><head><meta charset=\"ISO-8859-15\"></head><p>5 \xA4</p>");
  EXPECT_EQ(d.charset, "ISO-8859-15");
  EXPECT_THAT(d.utf8, HasSubstr("5 €"));
  EXPECT_EQ(Decode("<META CHARSET=utf8><p>\xC3\xA9</p>").charset, "UTF-8");
}

TEST(DecodeToUtf8, MetaHttpEquivContentType) {
  const std::string html = std::string(
                               "<html><head><META HTTP-EQUIV=\"Content-Type\" "
                               "CONTENT=\"text/html; charset=KOI8-R\"></head><body>") +
                           kKoi8r + "</body></html>";
  DecodedText d = Decode(html);
  EXPECT_EQ(d.charset, "KOI8-R");
  EXPECT_THAT(d.utf8, HasSubstr(kRussian));
}

TEST(DecodeToUtf8, MetaContentWithoutHttpEquivIsIgnored) {
  DecodedText d = Decode("<meta name=x content=\"charset=windows-1251\"><p>caf\xE9</p>");
  EXPECT_EQ(d.charset, "windows-1252");
}

TEST(DecodeToUtf8, MetaInCommentIsIgnored) {
  DecodedText d = Decode("<!-- <meta charset=windows-1251> --><p>caf\xE9</p>");
  EXPECT_EQ(d.charset, "windows-1252");
  EXPECT_THAT(d.utf8, HasSubstr("café"));
}

TEST(DecodeToUtf8, MetaScanIsBoundedTo4KiB) {
  const std::string meta = "<meta charset=windows-1251><p>caf\xE9</p>";
  EXPECT_EQ(Decode("<html>" + meta).charset, "windows-1251");
  const std::string far = "<html>" + std::string(5000, ' ') + meta;
  DecodedText d = Decode(far);
  EXPECT_EQ(d.charset, "windows-1252");
  EXPECT_THAT(d.utf8, HasSubstr("café"));
}

TEST(DecodeToUtf8, MetaIgnoredForPlainText) {
  EXPECT_EQ(Decode("<meta charset=windows-1251> caf\xE9", "", false).charset, "windows-1252");
}

TEST(DecodeToUtf8, XmlDeclaration) {
  DecodedText d = Decode("<?xml version=\"1.0\" encoding='ISO-8859-2'?><rss>\xB1</rss>", "", false);
  EXPECT_EQ(d.charset, "ISO-8859-2");
  EXPECT_THAT(d.utf8, HasSubstr("ą"));
}

TEST(DecodeToUtf8, ContentTypeBeatsMeta) {
  DecodedText d =
      Decode("<meta charset=windows-1252><p>caf\xE9</p>", "text/html; charset=windows-1251");
  EXPECT_EQ(d.charset, "windows-1251");
  EXPECT_THAT(d.utf8, HasSubstr("cafй"));
}

TEST(DecodeToUtf8, UnknownLabelIsIgnoredWithWarning) {
  DecodedText d = Decode("caf\xE9", "text/html; charset=x-klingon");
  EXPECT_EQ(d.charset, "windows-1252");
  EXPECT_EQ(d.utf8, "café");
  EXPECT_THAT(Warnings(d), HasSubstr("unknown charset label 'x-klingon'"));
}

TEST(DecodeToUtf8, DeclaredUtf16WithoutBomReadsAsUtf8) {
  DecodedText d = Decode("<meta charset=utf-16><p>caf\xC3\xA9</p>");
  EXPECT_EQ(d.charset, "UTF-8");
  EXPECT_THAT(d.utf8, HasSubstr("café"));
  EXPECT_THAT(Warnings(d), HasSubstr("without a byte-order mark"));
}

// --- Statistical detection ---

TEST(DecodeToUtf8, UndeclaredShortWindows1252) {
  DecodedText d = Decode("\xE9t\xE9", "", false);
  EXPECT_EQ(d.utf8, "été");
  EXPECT_EQ(d.charset, "windows-1252");
}

TEST(DecodeToUtf8, UndeclaredWindows1252Sentence) {
  DecodedText d = Decode(kFrench1252, "", false);
  EXPECT_EQ(d.utf8, kFrench);
  EXPECT_EQ(d.charset, "windows-1252");
}

TEST(DecodeToUtf8, UndeclaredShiftJis) {
  DecodedText d = Decode(kShiftJis, "", false);
  EXPECT_EQ(d.charset, "Shift_JIS");
  EXPECT_EQ(d.utf8, "日本語のテキストです。東京で新しいニュースが発表されました。");
}

TEST(DecodeToUtf8, UndeclaredGb18030) {
  DecodedText d = Decode(kGb18030, "", false);
  EXPECT_EQ(d.charset, "GB18030");
  EXPECT_EQ(d.utf8, "中文新闻报道：北京今天发布了新的经济数据，市场反应积极。");
}

TEST(DecodeToUtf8, UndeclaredKoi8r) {
  DecodedText d = Decode(kKoi8r, "", false);
  EXPECT_EQ(d.charset, "KOI8-R");
  EXPECT_EQ(d.utf8, kRussian);
}

TEST(DecodeToUtf8, UndeclaredCzechIso88592) {
  const char bytes[] =
      "\xC8"
      "esk\xE1 vl\xE1"
      "da ve st\xF8"
      "edu ozn\xE1mila nov\xE1 hospod\xE1\xF8sk\xE1 "
      "opat\xF8"
      "en\xED, kter\xE1 maj\xED podpo\xF8it dom\xE1"
      "cnosti a mal\xE9 podniky.";
  DecodedText d = Decode(bytes, "", false);
  EXPECT_EQ(d.charset, "ISO-8859-2");
  EXPECT_EQ(d.utf8,
            "Česká vláda ve středu oznámila nová hospodářská opatření, která mají podpořit "
            "domácnosti a malé podniky.");
}

// --- Overrides ---

TEST(DecodeToUtf8, DeclaredUtf8ContradictedByWindows1252) {
  DecodedText d = Decode(kFrench1252, "text/html; charset=utf-8");
  EXPECT_EQ(d.utf8, kFrench);
  EXPECT_EQ(d.charset, "windows-1252");
  EXPECT_THAT(Warnings(d), HasSubstr("declared charset utf-8 contradicted by content; "
                                     "decoded as windows-1252"));
}

TEST(DecodeToUtf8, DeclaredLatin1ContradictedByUtf8) {
  DecodedText d = Decode("<meta charset=iso-8859-1><p>L'été</p>");
  EXPECT_EQ(d.charset, "UTF-8");
  EXPECT_THAT(d.utf8, HasSubstr("L'été"));
  EXPECT_THAT(Warnings(d),
              HasSubstr("declared charset iso-8859-1 contradicted by content; decoded as UTF-8"));
}

TEST(DecodeToUtf8, DeclaredLegacyCharsetThatFailsIsReplaced) {
  // Latin text cannot be EUC-JP: "\xE9t" is an invalid pair.
  DecodedText d = Decode(kFrench1252, "text/html; charset=euc-jp");
  EXPECT_EQ(d.charset, "windows-1252");
  EXPECT_EQ(d.utf8, kFrench);
  EXPECT_THAT(Warnings(d), HasSubstr("declared charset euc-jp contradicted by content"));
}

TEST(DecodeToUtf8, DeclaredAsciiWithPureAsciiIsNotAnOverride) {
  DecodedText d = Decode("plain", "text/plain; charset=us-ascii", false);
  EXPECT_EQ(d.charset, "windows-1252");
  EXPECT_THAT(d.warnings, IsEmpty());
}

TEST(DecodeToUtf8, MostlyValidUtf8KeepsUtf8AndReportsInvalidBytes) {
  std::string text = "Les élèves ont été reçus à l'école. ";
  text += text;
  const std::string bytes = text + "Caf\xE9 cr\xC3\xA8me.";
  DecodedText d = Decode(bytes, "text/html; charset=utf-8");
  EXPECT_EQ(d.charset, "UTF-8");
  EXPECT_EQ(d.utf8, text + "Caf\xEF\xBF\xBD crème.");
  EXPECT_THAT(Warnings(d), HasSubstr("invalid UTF-8: 1 byte sequence(s) replaced by U+FFFD, "
                                     "first at byte offset " +
                                     std::to_string(text.size() + 3)));
}

TEST(DecodeToUtf8, TruncatedSequenceIsOneReplacement) {
  DecodedText d = Decode(std::string(40, 'a') + "\xC3\xA9\xC3\xA9\xC3\xA9\xE2\x82", "", false);
  EXPECT_EQ(d.charset, "UTF-8");
  EXPECT_EQ(d.utf8, std::string(40, 'a') + "ééé\xEF\xBF\xBD");
}

// --- Binary content ---

TEST(DecodeToUtf8, UndeclaredMostlyUtf8StaysUtf8) {
  DecodedText d = Decode("été à Noël, déjà \xE9 fini", "", false);
  EXPECT_EQ(d.charset, "UTF-8");
  EXPECT_EQ(d.utf8, "été à Noël, déjà \xEF\xBF\xBD fini");
}

TEST(DecodeToUtf8, PngIsBinary) {
  const std::string png("\x89PNG\r\n\x1A\n\x00\x00\x00\rIHDR\x00\x00\x01\x00", 20);
  Result<DecodedText> r = DecodeToUtf8(png, "", true);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kInvalidInput);
  EXPECT_THAT(r.status().message(), StartsWith("binary content ("));
}

TEST(DecodeToUtf8, NulAndControlHeavyBytesAreBinary) {
  std::string bytes;
  for (int i = 0; i < 400; ++i) bytes += std::string("ab\x00\x01\x02", 5);
  Result<DecodedText> r = DecodeToUtf8(bytes, "text/html; charset=utf-8", true);
  ASSERT_FALSE(r.ok());
  EXPECT_THAT(r.status().message(), StartsWith("binary content ("));
}

TEST(DecodeToUtf8, AStrayNulInLongTextIsRemoved) {
  const std::string bytes = std::string(500, 'x') + std::string("\x00", 1) + "y";
  DecodedText d = Decode(bytes, "", false);
  EXPECT_EQ(d.utf8, std::string(500, 'x') + "y");
  EXPECT_THAT(Warnings(d), HasSubstr("removed 1 NUL"));
}

// --- Repair and normalisation inside DecodeToUtf8 ---

TEST(DecodeToUtf8, RepairsMojibakeAndNormalisesToNfc) {
  DecodedText d = Decode("<p>L'Ã©tÃ©, donâ€™t</p><p>Cafe\xCC\x81</p>");
  EXPECT_EQ(d.utf8, "<p>L'été, don’t</p><p>Café</p>");
  EXPECT_THAT(Warnings(d), HasSubstr("repaired mojibake"));
}

TEST(DecodeToUtf8, UndeclaredUtf8WithEmbeddedWindows1252MojibakeInLatin1Page) {
  // A windows-1252 page that pasted UTF-8 "’": decoded as 1252, then repaired.
  DecodedText d = Decode("l\xE9g\xE8re, aujourd\xE2\x80\x99hui", "text/html; charset=windows-1252");
  EXPECT_EQ(d.utf8, "légère, aujourd’hui");
}

TEST(DecodeToUtf8, LargeInputIsLinear) {
  std::string big;
  big.reserve(4 << 20);
  while (big.size() < (4u << 20)) big += "Le café crème à côté, Ã©tÃ© &amp; “news” 日本. ";
  DecodedText d = Decode(big, "", false);
  EXPECT_EQ(d.charset, "UTF-8");
  EXPECT_THAT(d.utf8.substr(0, 64), StartsWith("Le café crème à côté, été &amp; “news”"));
}

// --- RepairMojibake ---

TEST(RepairMojibake, RepairsCommonForms) {
  bool changed = false;
  EXPECT_EQ(RepairMojibake("Ã©tÃ©", &changed), "été");
  EXPECT_TRUE(changed);
  EXPECT_EQ(RepairMojibake("donâ€™t"), "don’t");
  EXPECT_EQ(RepairMojibake("Ã‰cole"), "École");
  EXPECT_EQ(RepairMojibake("â€œQuoteâ€\xC2\x9D"), "“Quote”");
  EXPECT_EQ(RepairMojibake("Ã\xC2\x89"
                           "cole"),
            "École");  // Latin-1 reading: C1 control
  EXPECT_EQ(RepairMojibake("ÐŸÑ€Ð¸Ð²ÐµÑ‚"), "Привет");
  EXPECT_EQ(RepairMojibake("Å‚Ã³dÅº"), "łódź");
  EXPECT_EQ(RepairMojibake("È™i È›ara"), "și țara");
  EXPECT_EQ(RepairMojibake("ðŸ˜€ 10â‚¬"), "😀 10€");
  EXPECT_EQ(RepairMojibake("Il a dÃ» partir"), "Il a dû partir");
  EXPECT_EQ(RepairMojibake("Ã\xC2\xA0 Paris"), "à Paris");
}

TEST(RepairMojibake, RepairsDoubleEncoding) {
  EXPECT_EQ(RepairMojibake("ÃƒÂ©tÃƒÂ©"), "été");
  EXPECT_EQ(RepairMojibake("Ã¢â‚¬â„¢"), "’");
}

TEST(RepairMojibake, LeavesCorrectTextAlone) {
  const char* correct[] = {
      "",
      "plain ASCII",
      "São Paulo, NÃO É VERDADE, IRMÃ",
      "«IRMÃ» e «MÃE»",
      "ÃO”",
      "Fuß“ und Straße»",
      "CAFÉ’S MENU",
      "naïve café, Ærøskøbing, Øst",
      "€5, ©2024, ±3°C, ½ £",
      "日本語のテキスト, Привет, Ελληνικά, עברית",
      "Â",
      "Ã",
      "ÂÂÂ",
      "x × y ÷ z",
  };
  for (const char* text : correct) {
    bool changed = true;
    EXPECT_EQ(RepairMojibake(text, &changed), text);
    EXPECT_FALSE(changed) << text;
  }
}

TEST(RepairMojibake, PassesInvalidBytesThrough) {
  EXPECT_EQ(RepairMojibake("\xFF"
                           "Ã©\xC3"),
            "\xFF"
            "é\xC3");
}

// --- DecodeEntities ---

TEST(DecodeEntities, NamedAndNumeric) {
  EXPECT_EQ(DecodeEntities("&eacute;t&#233; &#xE9;&#XE9;"), "été éé");
  EXPECT_EQ(DecodeEntities("a &amp; b &lt;c&gt; &quot;d&quot; &apos;e&apos;"),
            "a & b <c> \"d\" 'e'");
  EXPECT_EQ(DecodeEntities("&Eacute;cole&nbsp;&hellip;&euro;"), "École\xC2\xA0…€");
  EXPECT_EQ(DecodeEntities("&#128512;"), "😀");
}

TEST(DecodeEntities, Html5NumericRules) {
  EXPECT_EQ(DecodeEntities("l&#146;eau"), "l’eau");
  EXPECT_EQ(DecodeEntities("&#0;"), "\xEF\xBF\xBD");
  EXPECT_EQ(DecodeEntities("&#xD800;"), "\xEF\xBF\xBD");
  EXPECT_EQ(DecodeEntities("&#x110000;"), "\xEF\xBF\xBD");
  EXPECT_EQ(DecodeEntities("&#99999999999;"), "\xEF\xBF\xBD");
  EXPECT_EQ(DecodeEntities("&#233 x"), "é x");
}

TEST(DecodeEntities, LeavesUnknownAndMalformedAlone) {
  const char* kept[] = {"&foo;",
                        "&e",
                        "&",
                        "AT&T",
                        "&;",
                        "&#;",
                        "&#x;",
                        "&#",
                        "&#xZ;",
                        "?a=1&copy=2",
                        "&eacute",
                        "& amp;",
                        "&#12345678901234567890;"};
  for (const char* k : kept) EXPECT_EQ(DecodeEntities(k), k);
  EXPECT_EQ(DecodeEntities("&&amp;&"), "&&&");
  EXPECT_EQ(DecodeEntities("&unknown;&amp;"), "&unknown;&");
}

// --- IsValidUtf8 and NormalizeNfc ---

TEST(IsValidUtf8, RejectsOverlongsSurrogatesAndTruncation) {
  EXPECT_TRUE(IsValidUtf8(""));
  EXPECT_TRUE(IsValidUtf8("abcdefghijklmnop été 日本 😀"));
  EXPECT_FALSE(IsValidUtf8("\xC0\xAF"));
  EXPECT_FALSE(IsValidUtf8("\xE0\x80\xAF"));
  EXPECT_FALSE(IsValidUtf8("\xED\xA0\x80"));
  EXPECT_FALSE(IsValidUtf8("\xF4\x90\x80\x80"));
  EXPECT_FALSE(IsValidUtf8("abcdefgh\xC3"));
  EXPECT_FALSE(IsValidUtf8("\x80"));
  EXPECT_FALSE(IsValidUtf8("\xFF"));
}

TEST(NormalizeNfc, ComposesAndKeepsComposedText) {
  EXPECT_EQ(NormalizeNfc("e\xCC\x81t\xC3\xA9"), "été");
  EXPECT_EQ(NormalizeNfc("déjà"), "déjà");
  EXPECT_EQ(NormalizeNfc("\xE1\x84\x92\xE1\x85\xA1\xE1\x86\xAB"), "한");
  EXPECT_EQ(NormalizeNfc(""), "");
}

// The ASCII skippers stop on the first byte of their class wherever it
// lies (in a 16-byte block, an 8-byte word or the tail), and at the end.
TEST(SkipAscii, StopsAtTheFirstByteOutsideTheRun) {
  for (size_t len = 0; len <= 40; ++len) {
    const std::string plain(len, 'a');
    EXPECT_EQ(internal::SkipAscii(plain, 0), len);
    EXPECT_EQ(internal::SkipPrintableAscii(plain, 0), len);
    for (size_t at = 0; at < len; ++at) {
      for (const char stop : {'\x80', '\xC3', '\xFF'}) {
        std::string s = plain;
        s[at] = stop;
        EXPECT_EQ(internal::SkipAscii(s, 0), at);
        EXPECT_EQ(internal::SkipPrintableAscii(s, 0), at);
        EXPECT_EQ(internal::SkipAscii(s, at + 1), len);
      }
      for (const char control : {'\0', '\n', '\x1F'}) {
        std::string s = plain;
        s[at] = control;
        EXPECT_EQ(internal::SkipAscii(s, 0), len);
        EXPECT_EQ(internal::SkipPrintableAscii(s, 0), at);
      }
      std::string del = plain;
      del[at] = '\x7F';
      EXPECT_EQ(internal::SkipPrintableAscii(del, 0), len);
    }
  }
}

}  // namespace
}  // namespace veille::extract
