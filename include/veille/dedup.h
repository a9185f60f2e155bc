// Dedup: links copies of the same text. Exact duplicates (same normalised
// text) and near-duplicates (the same dispatch re-titled, lightly edited,
// truncated or wrapped in other boilerplate) are found with MinHash-LSH
// candidates over word shingles and verified on shingle containment. Nothing
// is deleted: the result is links {original (earliest), copy, overlap}; a
// copy keeps its own source and URL. A CopyLinker is not thread-safe.
#ifndef VEILLE_DEDUP_H_
#define VEILLE_DEDUP_H_

#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

#include "veille/status.h"

namespace veille {

struct DedupOptions {
  // Words per shingle. Longer shingles are more specific (fewer chance
  // matches between unrelated texts) but break more on light edits.
  int shingle_words = 5;
  // MinHash signature of lsh_bands * lsh_rows values. Pairs whose Jaccard
  // similarity exceeds about (1/bands)^(1/rows) (0.18 for 32 x 2) become
  // candidates with probability > 1/2: low so that a copy truncated to a
  // third of its original is still found; verification removes the rest.
  int lsh_bands = 32;
  int lsh_rows = 2;
  // A candidate is a copy when at least this fraction of the shingles of the
  // shorter text occur in the other (containment). Lower links looser rewrites.
  double min_containment = 0.7;
  // Texts with fewer shingles than this are linked only when exactly equal
  // (a short text shares its few shingles with too many others).
  int min_shingles = 8;
  // Shingles kept per text for verification (the first ones); bounds memory
  // at 4 bytes each.
  int max_shingles = 4096;
  // A copy no longer than the text it matched, and contained in it at least
  // this much, is not itself a candidate for later texts (their candidates
  // are the texts it matched): a wire dispatch reprinted a thousand times is
  // then compared once, not a thousand times. Looser or longer copies stay
  // candidates (a later text may copy their edits or their extra
  // paragraphs). Above 1: every copy is a candidate.
  double index_copies_below = 0.9;
  // Texts published more than this many seconds before the newest one are
  // forgotten (a copy group, once its newest member is that old): a copy is
  // linked to an original of the same month, and memory stays bounded in a
  // long-running process. 0: never forget.
  int64_t window_s = 30 * 24 * 3600;
};

struct DedupDoc {
  int64_t id = 0;
  int64_t time = 0;       // publication (or ingest) time, unix seconds; orders originals
  std::string_view text;  // title and body; only read during Add()
};

struct CopyLink {
  int64_t original_id = 0;  // the earliest version (time, then id)
  int64_t copy_id = 0;
  double overlap = 0;  // containment of the shorter text in the other, 0..1
  bool exact = false;  // same normalised text
};

class CopyLinker {
 public:
  // kInvalidInput when an option is out of range.
  static Result<std::unique_ptr<CopyLinker>> Create(const DedupOptions& options);
  virtual ~CopyLinker() = default;
  CopyLinker(const CopyLinker&) = delete;
  CopyLinker& operator=(const CopyLinker&) = delete;

  // Adds `doc` and returns the links it creates or changes: none for an
  // original text; {earliest, doc} when it copies a known text; and when it
  // is earlier than the group it copies (out-of-order arrival), it becomes
  // the original and one link per group member is returned, each replacing
  // that member's previous link. kInvalidInput for a duplicate id.
  virtual Result<std::vector<CopyLink>> Add(const DedupDoc& doc) = 0;

  // The original of `id`'s copy group (`id` itself if it is one), or
  // kNotFound (unknown, or forgotten: see window_s).
  virtual Result<int64_t> OriginalOf(int64_t id) const = 0;
  // Texts held in memory.
  virtual size_t size() const = 0;

 protected:
  CopyLinker() = default;
};

}  // namespace veille

#endif  // VEILLE_DEDUP_H_
