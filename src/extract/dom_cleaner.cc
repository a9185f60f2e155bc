// DomCleaner (tests: html_extractor_test.cc).
//
// One recursive walk over libxml2's tree does three jobs at once:
//   1. metadata: every element, kept or not, is shown to MetadataCollector
//      (a <h1> inside a dropped <header> still gives the title);
//   2. cleaning: an element is dropped with its subtree when its tag is not
//      content (script, style, iframe, svg, button, nav, aside, footer,
//      figcaption...), when it is hidden (hidden, aria-hidden, display:none),
//      or when its class/id/role/aria-label carries a boilerplate cue
//      ("share", "comment", "lire-aussi", "mehr-zum-thema"...; see
//      boilerplate_lexicon.h; '_' reads as '-'). An inline element that
//      wraps blocks is judged as a block. html, body, article and main are never dropped
//      for a cue (CMS put "comments-open" on <body>). A cued block, a <form>
//      and a <header> outside <article> are only dropped when they hold less
//      than half the page's text: more means a wrapper (a page inside a
//      <form>, or nested in an unclosed <header> by libxml2's HTML 4 parser;
//      a dropped <header> keeps its h1 and the lead under it: standfirst.h);
//   3. flattening: kept block elements become Blocks (parent links, pre-order)
//      and text becomes Paragraphs owned by the innermost open block.
// Example: <div class=story><p>Un <a>lien</a>, du texte.</p><div class=share>
// Partager</div></div> gives blocks [div(story, +25), p] and one paragraph
// "Un lien, du texte." (chars 15, link_chars 4); the share div is gone.
// Cost: O(nodes + text bytes), one string per paragraph; recursion depth is
// bounded by kMaxDepth (libxml2 itself stops at 256 levels without HUGE).
#include "extract/dom_cleaner.h"

#include <algorithm>
#include <array>
#include <string_view>

#include "extract/boilerplate_lexicon.h"
#include "extract/dom_util.h"
#include "extract/standfirst.h"
#include "extract/text_util.h"

namespace veille::extract {
namespace {

constexpr int kMaxDepth = 400;
constexpr float kContentCueWeight = 25;  // readability's class weight
// A block named like boilerplate is dropped unless it holds this share of the
// page's text or more (then the name is a wrapper's, not a widget's).
constexpr double kMaxCuedShare = 0.5;
constexpr double kMaxCuedProseShare = 0.5;  // the same, counting prose paragraphs only
constexpr uint32_t kMinProseChars = 80;     // a paragraph this long, link-poor, is prose
// A nav, aside, footer, head, noscript or button survives only as a parser's
// misnesting: when it holds (nearly) all the page's prose, the rest of the
// page having been swallowed by it. A sidebar of teaser excerpts holds less.
constexpr double kMisnestProseShare = 0.75;

enum class Role : uint8_t {
  kInline,     // text flows through
  kBlock,      // a Block of the given kind
  kDrop,       // walked for metadata only
  kFurniture,  // form: a block cued as boilerplate (see Judge)
  kHeader,     // kFurniture outside <article>, else a container
  kMisnest,    // nav, aside, footer, head, noscript, button: furniture, walked only
               // to catch a page the parser nested inside one (see Finish)
  kSkip,       // not walked at all (its own element is still shown to metadata)
  kBreak,      // <br>
};

struct TagInfo {
  std::string_view name;
  Role role;
  BlockKind kind;
  float weight;  // readability's prior by tag
};

// Sorted by name for binary search.
constexpr std::array kTags = {
    TagInfo{"address", Role::kBlock, BlockKind::kContainer, -3},
    TagInfo{"article", Role::kBlock, BlockKind::kContainer, 8},
    TagInfo{"aside", Role::kMisnest, BlockKind::kContainer, 0},
    TagInfo{"audio", Role::kSkip, BlockKind::kContainer, 0},
    TagInfo{"blockquote", Role::kBlock, BlockKind::kQuote, 3},
    TagInfo{"body", Role::kBlock, BlockKind::kContainer, 0},
    TagInfo{"br", Role::kBreak, BlockKind::kContainer, 0},
    TagInfo{"button", Role::kMisnest, BlockKind::kContainer, 0},
    TagInfo{"canvas", Role::kSkip, BlockKind::kContainer, 0},
    TagInfo{"center", Role::kBlock, BlockKind::kContainer, 0},
    TagInfo{"dd", Role::kBlock, BlockKind::kListItem, -3},
    TagInfo{"details", Role::kBlock, BlockKind::kContainer, 0},
    TagInfo{"dialog", Role::kDrop, BlockKind::kContainer, 0},
    TagInfo{"div", Role::kBlock, BlockKind::kContainer, 5},
    TagInfo{"dl", Role::kBlock, BlockKind::kContainer, -3},
    TagInfo{"dt", Role::kBlock, BlockKind::kListItem, -3},
    TagInfo{"embed", Role::kSkip, BlockKind::kContainer, 0},
    TagInfo{"figcaption", Role::kDrop, BlockKind::kContainer, 0},
    TagInfo{"figure", Role::kBlock, BlockKind::kContainer, 0},
    TagInfo{"footer", Role::kMisnest, BlockKind::kContainer, 0},
    TagInfo{"form", Role::kFurniture, BlockKind::kContainer, -3},
    TagInfo{"h1", Role::kBlock, BlockKind::kTitle, -5},
    TagInfo{"h2", Role::kBlock, BlockKind::kHeading, -5},
    TagInfo{"h3", Role::kBlock, BlockKind::kHeading, -5},
    TagInfo{"h4", Role::kBlock, BlockKind::kHeading, -5},
    TagInfo{"h5", Role::kBlock, BlockKind::kHeading, -5},
    TagInfo{"h6", Role::kBlock, BlockKind::kHeading, -5},
    TagInfo{"head", Role::kMisnest, BlockKind::kContainer, 0},
    TagInfo{"header", Role::kHeader, BlockKind::kContainer, 0},
    TagInfo{"hgroup", Role::kBlock, BlockKind::kContainer, 0},
    TagInfo{"iframe", Role::kSkip, BlockKind::kContainer, 0},
    TagInfo{"input", Role::kSkip, BlockKind::kContainer, 0},
    TagInfo{"li", Role::kBlock, BlockKind::kListItem, -3},
    TagInfo{"main", Role::kBlock, BlockKind::kContainer, 8},
    TagInfo{"map", Role::kSkip, BlockKind::kContainer, 0},
    TagInfo{"math", Role::kSkip, BlockKind::kContainer, 0},
    TagInfo{"menu", Role::kMisnest, BlockKind::kContainer, 0},
    TagInfo{"nav", Role::kMisnest, BlockKind::kContainer, 0},
    TagInfo{"noscript", Role::kMisnest, BlockKind::kContainer, 0},
    TagInfo{"object", Role::kSkip, BlockKind::kContainer, 0},
    TagInfo{"ol", Role::kBlock, BlockKind::kContainer, -3},
    TagInfo{"p", Role::kBlock, BlockKind::kParagraph, 0},
    TagInfo{"pre", Role::kBlock, BlockKind::kPre, 3},
    TagInfo{"script", Role::kSkip, BlockKind::kContainer, 0},
    TagInfo{"section", Role::kBlock, BlockKind::kContainer, 0},
    TagInfo{"select", Role::kSkip, BlockKind::kContainer, 0},
    TagInfo{"style", Role::kSkip, BlockKind::kContainer, 0},
    TagInfo{"summary", Role::kBlock, BlockKind::kContainer, 0},
    TagInfo{"svg", Role::kSkip, BlockKind::kContainer, 0},
    TagInfo{"table", Role::kBlock, BlockKind::kContainer, 0},
    TagInfo{"tbody", Role::kBlock, BlockKind::kContainer, 0},
    TagInfo{"td", Role::kBlock, BlockKind::kContainer, 3},
    TagInfo{"template", Role::kSkip, BlockKind::kContainer, 0},
    TagInfo{"textarea", Role::kSkip, BlockKind::kContainer, 0},
    TagInfo{"title", Role::kSkip, BlockKind::kContainer, 0},
    TagInfo{"tfoot", Role::kBlock, BlockKind::kContainer, 0},
    TagInfo{"th", Role::kBlock, BlockKind::kContainer, -5},
    TagInfo{"thead", Role::kBlock, BlockKind::kContainer, 0},
    TagInfo{"tr", Role::kBlock, BlockKind::kContainer, 0},
    TagInfo{"ul", Role::kBlock, BlockKind::kContainer, -3},
    TagInfo{"video", Role::kSkip, BlockKind::kContainer, 0},
};
constexpr TagInfo kInlineTag{"", Role::kInline, BlockKind::kContainer, 0};

const TagInfo& LookUp(std::string_view tag) {
  const auto it = std::lower_bound(kTags.begin(), kTags.end(), tag,
                                   [](const TagInfo& t, std::string_view n) { return t.name < n; });
  return (it != kTags.end() && it->name == tag) ? *it : kInlineTag;
}

bool IsHidden(const DomNode& element) {
  if (element.has_attr("hidden") || AttrView(element, "aria-hidden") == "true") return true;
  const std::string_view style = AttrView(element, "style");
  if (style.empty()) return false;
  std::string s;
  for (const char c : style) {
    if (c != ' ') s.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c);
  }
  return s.find("display:none") != std::string::npos ||
         s.find("visibility:hidden") != std::string::npos;
}

// True when `element` has a block element (p, div, ul...) as a direct child.
bool WrapsBlocks(const DomNode& element) {
  for (DomNode child = element.first_child(); child; child = child.next_sibling()) {
    if (child.is_element() && LookUp(child.name()).role == Role::kBlock) return true;
  }
  return false;
}

// Visible characters (code points other than spaces and '\n') in `s`.
uint32_t VisibleChars(std::string_view s) {
  uint32_t n = 0;
  for (const char c : s) {
    n += (static_cast<unsigned char>(c) & 0xC0) != 0x80 && c != ' ' && c != '\n';
  }
  return n;
}

class Cleaner {
 public:
  Cleaner(PageBlocks* out, MetadataCollector* metadata, bool keep_cued)
      : out_(out), metadata_(metadata), keep_cued_(keep_cued) {}

  // `shown` is what metadata is told about content: false under a kMisnest
  // element, whose text is kept only when it turns out to hold the article.
  void Walk(const DomNode& node, int depth, bool content, bool shown, bool in_article,
            bool in_link) {
    for (DomNode child = node.first_child(); child; child = child.next_sibling()) {
      if (child.is_text()) {
        if (content) AppendText(child.text(), in_link);
        continue;
      }
      if (!child.is_element()) continue;
      metadata_->Visit(child, content && shown);
      const std::string_view tag = TagName(child);
      const TagInfo& info = LookUp(tag);
      if (info.role == Role::kSkip || depth >= kMaxDepth) continue;
      if (info.role == Role::kBreak) {
        if (content) AppendBreak();
        continue;
      }
      std::string cues;
      const Verdict verdict = content ? Judge(child, tag, info, in_article, &cues) : kDrop;
      bool is_block = info.role == Role::kBlock || info.role == Role::kHeader ||
                      info.role == Role::kFurniture || info.role == Role::kMisnest;
      // A cued inline element (a share link) goes at once; a cued block is
      // decided in Finish(), when its share of the page's text is known. An
      // inline element wrapping blocks (a CMS's <span class="..._meta_field">
      // around the whole post body) is judged as the block it acts as.
      if (verdict == kCued && !is_block && WrapsBlocks(child)) is_block = true;
      const bool keep = verdict == kKeep || (verdict == kCued && (is_block || keep_cued_));
      const bool block = keep && is_block;
      if (block) {
        OpenBlock(info.role == Role::kInline ? BlockKind::kContainer : info.kind,
                  info.weight + (HasContentCue(cues) ? kContentCueWeight : 0), verdict == kCued,
                  info.role == Role::kMisnest);
        out_->blocks.back().cell = tag == "td" || tag == "th";
        out_->blocks.back().header = info.role == Role::kHeader && verdict == kCued;
      }
      Walk(child, depth + 1, keep, shown && info.role != Role::kMisnest,
           in_article || tag == "article", in_link || tag == "a");
      if (block) CloseBlock();
    }
  }

  // Drops the cued blocks that hold less than kMaxCuedShare of the page's
  // text (a share bar, a related rail) and keeps the others (a wrapper named
  // "dialog-off-canvas-main-canvas" around the whole page), then sets the
  // subtree totals.
  void Finish() {
    EndParagraph();
    SumText();
    if (keep_cued_) return;
    std::vector<Block>& blocks = out_->blocks;
    uint32_t page_chars = 0;
    for (const Block& b : blocks) page_chars += b.parent < 0 ? b.text_chars : 0;
    // Prose per subtree: a page whose parser nested the article inside an
    // unclosed menu <li> or <header>, or whose theme names the article's
    // wrapper "...-meta", keeps that wrapper when it holds most of the prose.
    std::vector<uint32_t> prose(blocks.size(), 0);
    for (const Paragraph& p : out_->paragraphs) {
      if (p.chars >= kMinProseChars && p.link_chars * 4 < p.chars) prose[p.block] += p.chars;
    }
    for (size_t i = blocks.size(); i-- > 0;) {
      if (blocks[i].parent >= 0) prose[blocks[i].parent] += prose[i];
    }
    uint32_t page_prose = 0;
    for (size_t i = 0; i < blocks.size(); ++i) page_prose += blocks[i].parent < 0 ? prose[i] : 0;
    std::vector<char> dropped(blocks.size(), 0);
    bool any = false;
    for (size_t i = 0; i < blocks.size(); ++i) {
      const Block& b = blocks[i];
      const double prose_share = b.prose_only ? kMisnestProseShare : kMaxCuedProseShare;
      const bool holds_prose = page_prose > 0 && prose[i] >= prose_share * page_prose;
      dropped[i] =
          (b.parent >= 0 && dropped[b.parent]) ||
          (b.cued && !holds_prose && (b.prose_only || b.text_chars < kMaxCuedShare * page_chars));
      any = any || dropped[i];
    }
    if (!any) return;
    std::vector<char> keep(out_->paragraphs.size(), 0);
    MarkHeaderLeads(*out_, dropped, &keep);
    std::vector<Paragraph>& paragraphs = out_->paragraphs;
    size_t kept = 0;
    for (size_t k = 0; k < paragraphs.size(); ++k) {
      if (dropped[paragraphs[k].block] && !keep[k]) continue;
      if (kept != k) paragraphs[kept] = std::move(paragraphs[k]);
      ++kept;
    }
    paragraphs.resize(kept);
    SumText();
  }

 private:
  void SumText() {
    std::vector<Block>& blocks = out_->blocks;
    for (Block& b : blocks) b.text_chars = b.link_chars = 0;
    for (const Paragraph& p : out_->paragraphs) {
      blocks[p.block].text_chars += p.chars;
      blocks[p.block].link_chars += p.link_chars;
    }
    for (size_t i = blocks.size(); i-- > 0;) {
      if (blocks[i].parent < 0) continue;
      blocks[blocks[i].parent].text_chars += blocks[i].text_chars;
      blocks[blocks[i].parent].link_chars += blocks[i].link_chars;
    }
  }

  enum Verdict { kKeep, kDrop, kCued };

  // What becomes of a kept parent's child `element`: kept, dropped, or cued
  // as boilerplate by its names (decided later for blocks). Fills `*cues`
  // with its lowercased class, id, role and aria-label.
  static Verdict Judge(const DomNode& element, std::string_view tag, const TagInfo& info,
                       bool in_article, std::string* cues) {
    // <form> and <header> are cued, not dropped: a form may wrap a whole page
    // (ASP.NET), and libxml2's HTML 4 parser may nest a page inside an
    // unclosed <header>.
    if (info.role == Role::kDrop) return kDrop;
    if (info.role == Role::kMisnest) return kCued;
    if (info.role == Role::kFurniture || (info.role == Role::kHeader && !in_article)) {
      return kCued;
    }
    if (IsHidden(element)) return kDrop;
    for (const std::string_view attr : {"class", "id", "role", "aria-label"}) {
      AppendLowered(element, attr, cues);
    }
    // "post_body" and "lire_aussi" are the same names as "post-body" and
    // "lire-aussi" to the lexicon.
    std::replace(cues->begin(), cues->end(), '_', '-');
    if (cues->empty() || tag == "html" || tag == "body" || tag == "article" || tag == "main") {
      return kKeep;
    }
    return IsArticleBodyAttribute(*cues) || !IsBoilerplateAttribute(*cues) ? kKeep : kCued;
  }

  void OpenBlock(BlockKind kind, float weight, bool cued, bool prose_only) {
    EndParagraph();
    Block block;
    block.parent = stack_.empty() ? -1 : stack_.back();
    if (block.parent >= 0) {
      Block& parent = out_->blocks[block.parent];
      parent.leaf = false;
      // A div or span-made block inside <h2> is part of the heading.
      if (kind == BlockKind::kContainer &&
          (parent.kind == BlockKind::kHeading || parent.kind == BlockKind::kTitle)) {
        kind = parent.kind;
      }
    }
    block.kind = kind;
    block.tag_weight = weight;
    block.cued = cued;
    block.prose_only = prose_only;
    stack_.push_back(static_cast<int32_t>(out_->blocks.size()));
    out_->blocks.push_back(block);
  }

  void CloseBlock() {
    EndParagraph();
    stack_.pop_back();
  }

  void AppendText(std::string_view text, bool in_link) {
    if (stack_.empty()) return;  // text outside <body>
    if (open_ < 0) {
      open_ = static_cast<int32_t>(out_->paragraphs.size());
      out_->paragraphs.push_back(Paragraph{stack_.back(), {}, 0, 0});
      pending_space_ = false;
    }
    Paragraph& p = out_->paragraphs[open_];
    const size_t before = p.text.size();
    AppendCollapsed(text, &p.text, &pending_space_);
    const uint32_t added = VisibleChars(std::string_view(p.text).substr(before));
    p.chars += added;
    if (in_link) p.link_chars += added;
  }

  void AppendBreak() {
    if (open_ < 0) return;
    out_->paragraphs[open_].text.push_back('\n');
    pending_space_ = false;
  }

  void EndParagraph() {
    if (open_ < 0) return;
    Paragraph& p = out_->paragraphs[open_];
    while (!p.text.empty() && (p.text.back() == '\n' || p.text.back() == ' ')) p.text.pop_back();
    if (p.chars == 0) out_->paragraphs.pop_back();
    open_ = -1;
  }

  PageBlocks* out_;
  MetadataCollector* metadata_;
  std::vector<int32_t> stack_;  // open blocks, innermost last
  const bool keep_cued_;        // CuedElements::kKeep
  int32_t open_ = -1;           // the paragraph receiving text, or -1
  bool pending_space_ = false;
};

}  // namespace

void CleanDom(const DomNode& root, PageBlocks* out, MetadataCollector* metadata,
              CuedElements cued) {
  Cleaner cleaner(out, metadata, cued == CuedElements::kKeep);
  // `root` itself is an element too: show it to metadata (<html lang>).
  if (root.is_element()) metadata->Visit(root, true);
  cleaner.Walk(root, 0, /*content=*/true, /*shown=*/true, /*in_article=*/false,
               /*in_link=*/false);
  cleaner.Finish();
}

}  // namespace veille::extract
