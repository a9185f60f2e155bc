// Copy linking.
//
// Each added text is normalised (case-folded words), hashed whole for exact
// duplicates, and cut into 5-word shingles. Near-duplicate candidates come
// from MinHash-LSH (minhash_index.cc); each candidate is verified on
// containment: the fraction of the shorter text's shingles found in the
// other. Containment rather than Jaccard, because a copy is often the
// original truncated ("read more on...") or wrapped in another site's
// boilerplate: a 200-word lead of a 600-word dispatch has Jaccard 0.33 but
// containment 1. Verified copies join the copy group of the text they match;
// a group's original is its earliest member (time, then id), so a late-
// arriving earlier version takes over and the links are re-pointed.
// Example: A (t=10) "Kim arrives in Vladivostok ... 400 words"; B (t=20) the
// same dispatch under another title with a footer: containment 0.97 -> link
// {A, B, 0.97}; C (t=5) the agency original arrives last -> links {C, A},
// {C, B}. Cost per text: O(shingles * signature) to sign, `bands` lookups,
// and one merge per candidate. Memory: the kept shingles (4 bytes each) and
// the signature's band keys per text.
// Covered by tests/dedup/copy_linker_test.cc.
#include <algorithm>
#include <limits>
#include <string>
#include <unordered_map>
#include <vector>

#include "dedup/minhash_index.h"
#include "dedup/shingles.h"
#include "veille/dedup.h"

namespace veille {
namespace {

class CopyLinkerImpl final : public CopyLinker {
 public:
  explicit CopyLinkerImpl(const DedupOptions& options)
      : options_(options), lsh_(options.lsh_bands, options.lsh_rows) {}

  Result<std::vector<CopyLink>> Add(const DedupDoc& doc) override {
    if (docs_.count(doc.id)) {
      return Status::InvalidInput("doc " + std::to_string(doc.id) + " already added");
    }
    // Before the search: a group forgotten now is never the one this text
    // matches.
    newest_ = std::max(newest_, doc.time);
    if (options_.window_s > 0 && ++adds_since_forget_ >= kForgetEvery) Forget();
    const std::vector<std::string> words = dedup::NormalizedWords(doc.text);
    Entry entry;
    entry.time = doc.time;
    entry.exact = dedup::ExactHash(words);
    entry.shingles = dedup::ShingleHashes(words, options_.shingle_words,
                                          static_cast<size_t>(options_.max_shingles));
    const bool long_enough =
        entry.shingles.size() >= static_cast<size_t>(std::max(1, options_.min_shingles));
    int64_t matched = -1;
    if (words.empty()) {
      // An empty text copies nothing.
    } else if (auto it = exact_.find(entry.exact); it != exact_.end()) {
      matched = it->second;
    } else if (long_enough) {
      std::vector<uint32_t> sig = lsh_.Signature(entry.shingles);
      double best = 0;
      for (int64_t cand : lsh_.Candidates(sig)) {
        const double c = dedup::Containment(entry.shingles, docs_.at(cand).shingles);
        if (c > best || (c == best && matched >= 0 && Earlier(cand, matched))) {
          best = c;
          matched = cand;
        }
      }
      if (best < options_.min_containment) matched = -1;
      // Containment is of the shorter text: a longer text holding the one it
      // matched has more to offer later texts and stays a candidate.
      if (matched < 0 || best < options_.index_copies_below ||
          entry.shingles.size() > docs_.at(matched).shingles.size()) {
        lsh_.Insert(doc.id, sig);
        entry.signature = std::move(sig);
      }
    }
    if (!words.empty()) exact_.emplace(entry.exact, doc.id);
    entry.original = doc.id;
    docs_.emplace(doc.id, std::move(entry));

    std::vector<CopyLink> links;
    if (matched < 0) {
      groups_[doc.id];
      return links;
    }
    const int64_t original = docs_.at(matched).original;
    if (!Earlier(doc.id, original)) {
      docs_.at(doc.id).original = original;
      groups_[original].push_back(doc.id);
      links.push_back(Link(original, doc.id));
      return links;
    }
    // The new text is earlier than the group's original: it takes over.
    std::vector<int64_t> members = std::move(groups_[original]);
    groups_.erase(original);
    members.push_back(original);
    std::sort(members.begin(), members.end());
    for (int64_t m : members) {
      docs_.at(m).original = doc.id;
      links.push_back(Link(doc.id, m));
    }
    groups_[doc.id] = std::move(members);
    return links;
  }

  Result<int64_t> OriginalOf(int64_t id) const override {
    auto it = docs_.find(id);
    if (it == docs_.end()) return Status::NotFound("doc " + std::to_string(id));
    return it->second.original;
  }

  size_t size() const override { return docs_.size(); }

 private:
  struct Entry {
    int64_t time = 0;
    uint64_t exact = 0;
    std::vector<uint32_t> shingles;
    std::vector<uint32_t> signature;  // empty when not in the LSH index
    int64_t original = 0;
  };
  // Adds between two passes of Forget: its cost, a walk over the groups, is
  // spread thin.
  static constexpr int kForgetEvery = 1024;

  // Drops the copy groups whose newest member is older than the window.
  void Forget() {
    adds_since_forget_ = 0;
    if (newest_ < std::numeric_limits<int64_t>::min() + options_.window_s) return;
    const int64_t cutoff = newest_ - options_.window_s;
    std::vector<int64_t> old;
    for (const auto& [original, members] : groups_) {
      int64_t newest = docs_.at(original).time;
      for (int64_t m : members) newest = std::max(newest, docs_.at(m).time);
      if (newest < cutoff) old.push_back(original);
    }
    for (int64_t original : old) {
      for (int64_t m : groups_.at(original)) Remove(m);
      Remove(original);
      groups_.erase(original);
    }
  }

  void Remove(int64_t id) {
    const auto it = docs_.find(id);
    const Entry& e = it->second;
    if (!e.signature.empty()) lsh_.Erase(id, e.signature);
    if (auto x = exact_.find(e.exact); x != exact_.end() && x->second == id) exact_.erase(x);
    docs_.erase(it);
  }

  bool Earlier(int64_t a, int64_t b) const {
    const int64_t ta = docs_.at(a).time, tb = docs_.at(b).time;
    return ta != tb ? ta < tb : a < b;
  }

  CopyLink Link(int64_t original, int64_t copy) const {
    const Entry& o = docs_.at(original);
    const Entry& c = docs_.at(copy);
    CopyLink link{original, copy, 0, o.exact == c.exact};
    link.overlap = link.exact ? 1.0 : dedup::Containment(c.shingles, o.shingles);
    return link;
  }

  DedupOptions options_;
  dedup::MinHashIndex lsh_;
  std::unordered_map<int64_t, Entry> docs_;
  std::unordered_map<uint64_t, int64_t> exact_;               // normalised-text hash -> first doc
  std::unordered_map<int64_t, std::vector<int64_t>> groups_;  // original -> its copies
  int64_t newest_ = std::numeric_limits<int64_t>::min();      // latest time added
  int adds_since_forget_ = 0;
};

}  // namespace

Result<std::unique_ptr<CopyLinker>> CopyLinker::Create(const DedupOptions& options) {
  if (options.shingle_words < 1 || options.lsh_bands < 1 || options.lsh_rows < 1 ||
      options.min_shingles < 1 || options.max_shingles < 1) {
    return Status::InvalidInput(
        "dedup options: shingle_words, lsh_bands, lsh_rows, min_shingles, max_shingles must be >= "
        "1");
  }
  if (!(options.min_containment > 0 && options.min_containment <= 1)) {
    return Status::InvalidInput("dedup options: min_containment must be in (0, 1]");
  }
  if (!(options.index_copies_below > 0) || options.window_s < 0) {
    return Status::InvalidInput("dedup options: index_copies_below must be > 0, window_s >= 0");
  }
  return std::unique_ptr<CopyLinker>(std::make_unique<CopyLinkerImpl>(options));
}

}  // namespace veille
