// HtmlExtractor (tests: html_extractor_test.cc, extract_test.cc).
//
// Idea (after Arc90's Readability): article text sits in paragraphs that are
// long, full of commas and poor in links, and those paragraphs share a
// container. After DomCleaner has dropped the obvious furniture, each
// paragraph of 25+ characters scores 1 + commas + min(chars / 100, 3); the
// score goes in full to its container (the paragraph's parent block, or the
// block itself for text written directly in a div) and half to that
// container's parent. A container's final score is (score + tag prior +
// class cue) * (1 - link density of its subtree). The best container wins;
// its siblings join when they score at least a fifth of it, or are long
// link-poor paragraphs. The kept paragraphs of the chosen subtrees, in
// document order, are the text, minus headings h1, link-dense paragraphs
// (> 50% link text), lines the lexicon calls boilerplate ("PUBLICITÉ") and
// short loose text between blocks that is not a sentence (a bare date).
// Example: <article><p>long, sentence, ...</p><p>another, ...</p></article>
// <div class=teasers><p><a>Other story</a></p></div>: the article scores ~8,
// the teaser div ~0 (all links), so only the two paragraphs are returned.
// Short text in a leaf table cell is data and kept, linked text too when the
// table is mostly plain text; headings and "...:" labels left at the end
// with no body text after them are dropped, and a heading that opens the
// after-story section ("Weitere Informationen", "Related") ends the text
// unless a long paragraph follows it; an author-box label ("Über den Autor",
// "Artikel von", a loose "AUTOR") after half the text ends it however long
// the biography under it. A standfirst set apart from the body
// (in the article's header, or a long sibling heading) joins it
// (standfirst.cc). The run of reader prompts closing the text ("Follow us
// on Twitter", a newsletter sign-up) is cut (reader_prompts.cc). Soft
// hyphens are removed. A page showing under a quarter of the JSON-LD
// articleBody it declares (a paywall teaser) gives that body.
// Fallback: below options.min_article_chars, every kept paragraph of the
// body (a short brief, or a page that is one flat div); still below, a
// second cleaning that keeps the elements only named like furniture, and
// the same choice over it.
// Cost: parsing (html_dom.h) dominates; scoring is O(blocks + paragraphs), two arrays of
// one double per block.
#include "extract/html_extractor.h"

#include <algorithm>

#include "extract/boilerplate_lexicon.h"
#include "extract/dom_cleaner.h"
#include "extract/html_dom.h"
#include "extract/json_ld.h"
#include "extract/reader_prompts.h"
#include "extract/standfirst.h"
#include "extract/text_util.h"

namespace veille::extract {
namespace {

constexpr uint32_t kMinScoredChars = 25;  // shorter paragraphs do not vote
constexpr double kMaxCharsBonus = 3;      // cap on the length part of a vote
constexpr double kMaxParagraphLinkDensity = 0.5;
constexpr double kSiblingScoreRatio = 0.2;  // siblings scoring this share of the best join
constexpr double kMinSiblingScore = 10;
constexpr uint32_t kLongSiblingChars = 80;  // a sibling <p> this long joins if link-poor
constexpr double kLongSiblingMaxLinkDensity = 0.25;
constexpr uint32_t kMinProseAfterCloser = 200;  // a paragraph this long goes on with the story

double LinkDensity(uint32_t link_chars, uint32_t chars) {
  return chars == 0 ? 0.0 : static_cast<double>(link_chars) / chars;
}

bool IsTextBlock(BlockKind kind) { return kind != BlockKind::kContainer; }

// A leaf table cell in a table (the row's parent: tbody or table) that is
// mostly unlinked text: a data table whose cells link to what they name (a
// recipe's ingredients linked to the products, beside their amounts). Its
// link text is data, kept like the other cells; a table that is mostly
// links (a menu laid out as a table) is not.
bool IsLinkedDataCell(const PageBlocks& page, const Block& b) {
  if (!b.cell || !b.leaf || b.parent < 0) return false;
  const int32_t table = page.blocks[b.parent].parent;
  if (table < 0) return false;
  const Block& t = page.blocks[table];
  return LinkDensity(t.link_chars, t.text_chars) <= kMaxParagraphLinkDensity;
}

// Articles split over sibling sections (a standfirst box, then the body in
// two <section>s; a recipe's ingredients beside its steps; a CMS that wraps
// each paragraph and its subheading in their own chain of divs) leave the
// best container holding only part of the story. So the choice climbs to
// the parent while the parent adds text that is itself article-like: of
// the text it adds, at least kClimbMinGoodShare is good text (paragraphs of
// kMinScoredChars+ that are link-poor, or the text of a data table's cells;
// menus and teaser lists that survived cleaning are short or link-rich, so
// they stop it). A parent is taken once the good text added since the last
// one taken reaches kClimbMinGain of what that one has; a step adding less
// (a wrapper, a section holding only a subheading and its short paragraph)
// is passed through rather than ending the climb, so the sections above it
// can still join.
int32_t ClimbToWholeArticle(const PageBlocks& page, int32_t best) {
  constexpr double kClimbMinGain = 0.15;
  constexpr double kClimbMinGoodShare = 0.8;
  constexpr double kGoodMaxLinkDensity = 0.25;
  constexpr double kWrapperShare = 0.05;
  const std::vector<Block>& blocks = page.blocks;
  std::vector<double> good(blocks.size(), 0.0);
  std::vector<double> headings(blocks.size(), 0.0);  // subheading text, per subtree
  for (const Paragraph& p : page.paragraphs) {
    const BlockKind kind = blocks[p.block].kind;
    if (kind == BlockKind::kHeading) headings[p.block] += p.chars;
    // Short text in a leaf cell of a data table (a recipe's "125 g | Mehl")
    // is data, as article-like as prose.
    const Block& b = blocks[p.block];
    const bool data_cell = IsLinkedDataCell(page, b);
    if ((p.chars >= kMinScoredChars || data_cell) && kind != BlockKind::kTitle &&
        LinkDensity(p.link_chars, p.chars) < kGoodMaxLinkDensity) {
      good[p.block] += p.chars;
    }
  }
  for (size_t i = blocks.size(); i-- > 1;) {
    if (blocks[i].parent >= 0) good[blocks[i].parent] += good[i];
    if (blocks[i].parent >= 0) headings[blocks[i].parent] += headings[i];
  }
  int32_t accepted = best;
  for (int32_t up = blocks[best].parent; up >= 0; up = blocks[up].parent) {
    const double gain = good[up] - good[accepted];
    const double added = static_cast<double>(blocks[up].text_chars) - blocks[accepted].text_chars;
    // A wrapper, or a section adding only its subheading ("Die Kritik").
    const double added_headings = headings[up] - headings[accepted];
    if (added - added_headings <= kWrapperShare * blocks[accepted].text_chars) continue;
    if (gain < kClimbMinGoodShare * added) break;
    if (gain >= kClimbMinGain * good[accepted]) accepted = up;
  }
  return accepted;
}

// Marks the blocks whose subtrees hold the article (see the essay above).
// Returns false when no paragraph voted.
bool SelectArticle(const PageBlocks& page, std::vector<char>* selected) {
  const std::vector<Block>& blocks = page.blocks;
  std::vector<double> score(blocks.size(), 0.0);
  std::vector<char> voted(blocks.size(), 0);
  std::vector<int32_t> last_paragraph(blocks.size(), -1);
  for (size_t i = 0; i < page.paragraphs.size(); ++i) {
    const Paragraph& p = page.paragraphs[i];
    last_paragraph[p.block] = static_cast<int32_t>(i);
    const BlockKind kind = blocks[p.block].kind;
    if (p.chars < kMinScoredChars || kind == BlockKind::kTitle || kind == BlockKind::kHeading) {
      continue;
    }
    const int32_t container = IsTextBlock(kind) ? blocks[p.block].parent : p.block;
    if (container < 0) continue;
    const double vote = 1.0 + static_cast<double>(std::count(p.text.begin(), p.text.end(), ',')) +
                        std::min(p.chars / 100.0, kMaxCharsBonus);
    score[container] += vote;
    voted[container] = 1;
    if (const int32_t up = blocks[container].parent; up >= 0) {
      score[up] += vote / 2;
      voted[up] = 1;
    }
  }
  int32_t best = -1;
  double best_score = 0;
  for (size_t i = 0; i < blocks.size(); ++i) {
    if (!voted[i]) continue;
    score[i] = (score[i] + blocks[i].tag_weight) *
               (1.0 - LinkDensity(blocks[i].link_chars, blocks[i].text_chars));
    if (best < 0 || score[i] > best_score) {
      best = static_cast<int32_t>(i);
      best_score = score[i];
    }
  }
  if (best < 0) return false;
  best = ClimbToWholeArticle(page, best);
  best_score = std::max(best_score, score[best]);
  (*selected)[best] = 1;
  const int32_t parent = blocks[best].parent;
  if (parent < 0) return true;
  const double threshold = std::max(kMinSiblingScore, best_score * kSiblingScoreRatio);
  for (size_t i = parent + 1; i < blocks.size(); ++i) {
    if (blocks[i].parent != parent || static_cast<int32_t>(i) == best) continue;
    const Block& b = blocks[i];
    const double density = LinkDensity(b.link_chars, b.text_chars);
    bool join = voted[i] && score[i] >= threshold;
    if (!join && (b.kind == BlockKind::kParagraph || b.kind == BlockKind::kHeading) &&
        last_paragraph[i] >= 0) {
      join = b.text_chars > kLongSiblingChars
                 ? density < kLongSiblingMaxLinkDensity
                 : density == 0 && EndsSentence(page.paragraphs[last_paragraph[i]].text);
    }
    if (join) (*selected)[i] = 1;
  }
  JoinStandfirst(page, best, selected);
  return true;
}

// Soft hyphens (U+00AD, &shy;) only mark where a browser may break a word:
// invisible unless it does, so "Ita&shy;li&shy;ens" reads "Italiens". Left
// in, they split the word for search, matching and deduplication.
void RemoveSoftHyphens(std::string* s) {
  size_t at = s->find("\xC2\xAD");
  if (at == std::string::npos) return;
  size_t out = at;
  for (size_t i = at; i < s->size(); ++i) {
    if ((*s)[i] == '\xC2' && i + 1 < s->size() && (*s)[i + 1] == '\xAD') {
      ++i;
      continue;
    }
    (*s)[out++] = (*s)[i];
  }
  s->resize(out);
}

// Appends the pieces of one paragraph (split at double <br>) to `*out`.
void AppendParagraph(std::string_view text, std::string* out) {
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find("\n\n", start);
    if (end == std::string_view::npos) end = text.size();
    std::string piece(text.substr(start, end - start));
    std::replace(piece.begin(), piece.end(), '\n', ' ');
    RemoveSoftHyphens(&piece);
    piece = CollapseWhitespace(piece);
    const std::string folded = piece.empty() ? std::string() : FoldForMatch(piece);
    if (!piece.empty() && ClassifyLine(folded) == PhraseCue::kNone && !IsCreditOrPostMeta(folded)) {
      if (!out->empty()) out->append("\n\n");
      out->append(piece);
    }
    start = text.find_first_not_of('\n', end);
    if (start == std::string_view::npos) break;
  }
}

// A heading, or a short line ending in ':' ("Kontakt:", "Sources :"): text
// that announces other text rather than says something.
bool IsLabel(BlockKind kind, const Paragraph& p) {
  constexpr uint32_t kMaxLabelChars = 60;
  if (kind == BlockKind::kHeading) return !EndsSentence(p.text);  // not a pull quote
  if (p.chars > kMaxLabelChars) return false;
  std::string_view s = p.text;
  while (s.ends_with(' ') || s.ends_with('\n') || s.ends_with("\xC2\xA0")) {
    s.remove_suffix(s.ends_with(' ') || s.ends_with('\n') ? 1 : 2);
  }
  return s.ends_with(':');
}

// The text of the paragraphs inside marked subtrees (`marked` per block;
// all blocks when empty). Loose text in a container (not in a p, li, h...)
// shorter than `min_loose_chars` must end a sentence to count: a bare date or
// "Photo AFP" between blocks is furniture. Not so in a table cell holding no
// block: inside the article that is data (a recipe's "200 g Mehl", a
// standings row), short by nature. `*body_end` is set to the text's size
// after its last piece of body text: the labels behind it (IsLabel) that no
// body text follows announced what the cleaning took away ("Weitere
// Informationen:", "Explore further", "Related" over a dropped list of links).
std::string JoinParagraphs(const PageBlocks& page, const std::vector<char>& marked,
                           size_t min_loose_chars, size_t* body_end) {
  std::vector<char> inside(page.blocks.size(), 0);
  for (size_t i = 0; i < page.blocks.size(); ++i) {
    const int32_t parent = page.blocks[i].parent;
    inside[i] = marked.empty() || marked[i] || (parent >= 0 && inside[parent]);
  }
  std::string out;
  *body_end = 0;
  size_t closer = std::string::npos;      // where the first closing heading starts
  size_t author_box = std::string::npos;  // where the first author-box label starts
  for (const Paragraph& p : page.paragraphs) {
    if (!inside[p.block] || page.blocks[p.block].kind == BlockKind::kTitle) continue;
    const Block& b = page.blocks[p.block];
    if (LinkDensity(p.link_chars, p.chars) > kMaxParagraphLinkDensity &&
        !IsLinkedDataCell(page, b)) {
      continue;
    }
    if (b.kind == BlockKind::kContainer && !(b.cell && b.leaf) && p.chars < min_loose_chars &&
        !EndsSentence(p.text)) {
      // A loose "AUTOR" over a box still titles it.
      if (author_box == std::string::npos && IsAuthorBoxLabel(FoldForMatch(p.text))) {
        author_box = out.size();
      }
      continue;
    }
    const size_t before = out.size();
    const bool label = IsLabel(b.kind, p);
    AppendParagraph(p.text, &out);
    if (out.size() > before && !label) *body_end = out.size();
    if (label) {
      const std::string folded = FoldForMatch(p.text);
      if (closer == std::string::npos && IsSectionCloser(folded)) closer = before;
      if (author_box == std::string::npos && IsAuthorBoxLabel(folded)) author_box = before;
    } else if (closer != std::string::npos && out.size() > before &&
               p.chars >= kMinProseAfterCloser &&
               LinkDensity(p.link_chars, p.chars) < kLongSiblingMaxLinkDensity) {
      // Prose after it: the heading titled a box inside the story (a
      // "Related" box between two paragraphs), and the story goes on.
      closer = std::string::npos;
    }
  }
  // The section a closing heading opens ("Weitere Informationen", "Related")
  // is links, sources and contacts, not the story: cut there, when the
  // heading comes after most of the text (one near the top is a page's
  // table of contents or an "About" box, not the end of a story).
  if (closer != std::string::npos && closer >= *body_end / 2)
    *body_end = std::min(*body_end, closer);
  // An author box ("Über den Autor", "About the author") is a biography,
  // however long: cut at its label, when it comes after half of the text
  // like a closing heading.
  if (author_box != std::string::npos && author_box >= *body_end / 2)
    *body_end = std::min(*body_end, author_box);
  return out;
}

size_t CodePoints(std::string_view s) {
  return static_cast<size_t>(std::count_if(
      s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

// The article's text: the chosen subtrees' paragraphs, or below
// `min_article_chars` every kept paragraph of the page when `fallback`
// (else "").
std::string SelectText(const PageBlocks& page, size_t min_loose, size_t min_article_chars,
                       bool fallback = true) {
  std::vector<char> selected(page.blocks.size(), 0);
  std::string text;
  size_t body_end = 0;
  if (SelectArticle(page, &selected)) text = JoinParagraphs(page, selected, min_loose, &body_end);
  if (CodePoints(text) < min_article_chars) {
    if (!fallback) return "";
    text = JoinParagraphs(page, /*marked=*/{}, min_loose, &body_end);
  }
  text.resize(body_end);  // trailing labels
  text.resize(TrailingPromptsStart(text, min_article_chars));
  return text;
}

}  // namespace

HtmlExtraction ExtractHtml(std::string_view utf8_html, const ExtractOptions& options) {
  HtmlExtraction result;
  const HtmlDom dom = HtmlDom::Parse(utf8_html);
  const DomNode root = dom.root();
  if (!root) return result;
  result.parsed = true;

  PageBlocks page;
  MetadataCollector metadata;
  CleanDom(root, &page, &metadata);
  result.metadata = std::move(metadata.inputs());

  const size_t min_loose = options.min_paragraph_chars;
  result.text = SelectText(page, min_loose, options.min_article_chars);
  // A page that shows little of its story (a paywall teaser, a body drawn
  // by a script) may still declare the whole of it to search engines: a
  // JSON-LD articleBody kArticleBodyRatio times longer than what the page
  // shows replaces it.
  constexpr size_t kArticleBodyRatio = 4;
  if (!result.metadata.json_ld.empty()) {
    std::string body = ReadJsonLdArticleBody(result.metadata.json_ld);
    const size_t body_chars = CodePoints(body);
    if (body_chars >= options.min_article_chars &&
        body_chars > kArticleBodyRatio * CodePoints(result.text)) {
      result.text = std::move(body);
      return result;
    }
  }
  // Below a quarter of the minimum the first look found no article; a short
  // article (a brief) is between that and the minimum, and stays as found.
  if (CodePoints(result.text) >= options.min_article_chars / 4) return result;
  // Second look: the cleaning may have dropped the article with a wrapper
  // named like furniture (a theme's "sidebar-layout" or "meta" around the
  // post, a page parsed into an unclosed <header> or <nav>). Keep the cued
  // elements and choose again; the scoring's link density still sets menus
  // aside. Only pages left with (almost) nothing pay for this second walk.
  // Only a chosen container counts (every kept paragraph of a page whose
  // furniture is kept would be footer, cookie and comment text), and it must
  // hold what the first look found: a short brief is not traded for the
  // comments under it.
  PageBlocks relaxed;
  MetadataCollector unused;
  CleanDom(root, &relaxed, &unused, CuedElements::kKeep);
  std::string second =
      SelectText(relaxed, min_loose, options.min_article_chars, /*fallback=*/false);
  const std::string_view first_paragraph =
      std::string_view(result.text).substr(0, result.text.find("\n\n"));
  if (!second.empty() && second.find(first_paragraph) != std::string::npos) {
    result.text = std::move(second);
  }
  return result;
}

}  // namespace veille::extract
