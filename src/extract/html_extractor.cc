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
// Fallback: below options.min_article_chars, every kept paragraph of the
// body (a short brief, or a page that is one flat div).
// Cost: parsing (html_dom.h) dominates; scoring is O(blocks + paragraphs), two arrays of
// one double per block.
#include "extract/html_extractor.h"

#include <algorithm>

#include "extract/boilerplate_lexicon.h"
#include "extract/dom_cleaner.h"
#include "extract/html_dom.h"
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

double LinkDensity(uint32_t link_chars, uint32_t chars) {
  return chars == 0 ? 0.0 : static_cast<double>(link_chars) / chars;
}

bool IsTextBlock(BlockKind kind) { return kind != BlockKind::kContainer; }

// Articles split over sibling sections (a standfirst box, then the body in
// two <section>s; a recipe's ingredients beside its steps) leave the best
// container holding only part of the story. So the choice climbs to the
// parent while the parent adds text that is itself article-like: the
// added good text (paragraphs of kMinScoredChars+ that are link-poor) is at
// least kClimbMinGain of what the node has, and makes up at least
// kClimbMinGoodShare of all the text the parent adds (menus and teaser
// lists that survived cleaning are short or link-rich, so they stop it).
int32_t ClimbToWholeArticle(const PageBlocks& page, int32_t best) {
  constexpr double kClimbMinGain = 0.15;
  constexpr double kClimbMinGoodShare = 0.8;
  constexpr double kGoodMaxLinkDensity = 0.25;
  constexpr double kWrapperShare = 0.05;
  const std::vector<Block>& blocks = page.blocks;
  std::vector<double> good(blocks.size(), 0.0);
  for (const Paragraph& p : page.paragraphs) {
    const BlockKind kind = blocks[p.block].kind;
    if (p.chars >= kMinScoredChars && kind != BlockKind::kTitle &&
        LinkDensity(p.link_chars, p.chars) < kGoodMaxLinkDensity) {
      good[p.block] += p.chars;
    }
  }
  for (size_t i = blocks.size(); i-- > 1;) {
    if (blocks[i].parent >= 0) good[blocks[i].parent] += good[i];
  }
  // Wrappers that add (almost) nothing are passed through; the test is
  // made against the last accepted node.
  int32_t accepted = best;
  for (int32_t up = blocks[best].parent; up >= 0; up = blocks[up].parent) {
    const double gain = good[up] - good[accepted];
    const double added = static_cast<double>(blocks[up].text_chars) - blocks[accepted].text_chars;
    if (added <= kWrapperShare * blocks[accepted].text_chars) continue;
    if (gain < kClimbMinGain * good[accepted] || gain < kClimbMinGoodShare * added) break;
    accepted = up;
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
    if (!join && b.kind == BlockKind::kParagraph && last_paragraph[i] >= 0) {
      join = b.text_chars > kLongSiblingChars
                 ? density < kLongSiblingMaxLinkDensity
                 : density == 0 && EndsSentence(page.paragraphs[last_paragraph[i]].text);
    }
    if (join) (*selected)[i] = 1;
  }
  return true;
}

// Appends the pieces of one paragraph (split at double <br>) to `*out`.
void AppendParagraph(std::string_view text, std::string* out) {
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find("\n\n", start);
    if (end == std::string_view::npos) end = text.size();
    std::string piece(text.substr(start, end - start));
    std::replace(piece.begin(), piece.end(), '\n', ' ');
    piece = CollapseWhitespace(piece);
    if (!piece.empty() && ClassifyLine(FoldForMatch(piece)) == PhraseCue::kNone) {
      if (!out->empty()) out->append("\n\n");
      out->append(piece);
    }
    start = text.find_first_not_of('\n', end);
    if (start == std::string_view::npos) break;
  }
}

// The text of the paragraphs inside marked subtrees (`marked` per block;
// all blocks when empty). Loose text in a container (not in a p, li, h...)
// shorter than `min_loose_chars` must end a sentence to count: a bare date or
// "Photo AFP" between blocks is furniture.
std::string JoinParagraphs(const PageBlocks& page, const std::vector<char>& marked,
                           size_t min_loose_chars) {
  std::vector<char> inside(page.blocks.size(), 0);
  for (size_t i = 0; i < page.blocks.size(); ++i) {
    const int32_t parent = page.blocks[i].parent;
    inside[i] = marked.empty() || marked[i] || (parent >= 0 && inside[parent]);
  }
  std::string out;
  for (const Paragraph& p : page.paragraphs) {
    if (!inside[p.block] || page.blocks[p.block].kind == BlockKind::kTitle) continue;
    if (LinkDensity(p.link_chars, p.chars) > kMaxParagraphLinkDensity) continue;
    if (page.blocks[p.block].kind == BlockKind::kContainer && p.chars < min_loose_chars &&
        !EndsSentence(p.text)) {
      continue;
    }
    AppendParagraph(p.text, &out);
  }
  return out;
}

size_t CodePoints(std::string_view s) {
  return static_cast<size_t>(std::count_if(
      s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
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

  std::vector<char> selected(page.blocks.size(), 0);
  const size_t min_loose = options.min_paragraph_chars;
  if (SelectArticle(page, &selected)) result.text = JoinParagraphs(page, selected, min_loose);
  if (CodePoints(result.text) < options.min_article_chars) {
    result.text = JoinParagraphs(page, /*marked=*/{}, min_loose);
  }
  return result;
}

}  // namespace veille::extract
