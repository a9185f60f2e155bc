// DocumentFrequencies, TF-IDF weighting and cosine (declared in
// include/veille/analyze.h).
#include <algorithm>
#include <cmath>

#include "veille/analyze.h"

namespace veille {

void DocumentFrequencies::AddDocument(const TermVector& terms) {
  ++documents_;
  for (const TermCount& t : terms) ++df_[t.term];
}

void DocumentFrequencies::RemoveDocument(const TermVector& terms) {
  if (documents_ > 0) --documents_;
  for (const TermCount& t : terms) {
    auto it = df_.find(t.term);
    if (it == df_.end()) continue;
    if (--it->second <= 0) df_.erase(it);
  }
}

int64_t DocumentFrequencies::DocumentFrequency(std::string_view term) const {
  const auto it = df_.find(std::string(term));
  return it == df_.end() ? 0 : it->second;
}

double DocumentFrequencies::Idf(std::string_view term) const {
  const double df = static_cast<double>(DocumentFrequency(term));
  const double n = static_cast<double>(documents_);
  return std::log((1.0 + n) / (1.0 + std::min(df, n))) + 1.0;
}

std::vector<std::pair<std::string, int64_t>> DocumentFrequencies::Entries() const {
  return {df_.begin(), df_.end()};
}

void DocumentFrequencies::Restore(int64_t document_count,
                                  const std::vector<std::pair<std::string, int64_t>>& entries) {
  documents_ = document_count < 0 ? 0 : document_count;
  df_.clear();
  df_.reserve(entries.size());
  for (const auto& [term, df] : entries) {
    if (df > 0) df_[term] += df;
  }
}

SparseVector TfIdf(const TermVector& terms, const DocumentFrequencies& df) {
  SparseVector out;
  out.reserve(terms.size());
  double norm2 = 0;
  for (const TermCount& t : terms) {
    if (t.count == 0) continue;
    const double w = (1.0 + std::log(static_cast<double>(t.count))) * df.Idf(t.term);
    out.emplace_back(t.term, static_cast<float>(w));
    norm2 += w * w;
  }
  if (norm2 <= 0) return {};
  const double inv = 1.0 / std::sqrt(norm2);
  for (auto& [term, w] : out) w = static_cast<float>(w * inv);
  return out;  // TermVector is sorted by term, so is `out`
}

double Cosine(const SparseVector& a, const SparseVector& b) {
  double dot = 0, na = 0, nb = 0;
  for (const auto& [t, w] : a) na += static_cast<double>(w) * w;
  for (const auto& [t, w] : b) nb += static_cast<double>(w) * w;
  if (na <= 0 || nb <= 0) return 0;
  size_t i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    const int c = a[i].first.compare(b[j].first);
    if (c == 0) {
      dot += static_cast<double>(a[i].second) * b[j].second;
      ++i;
      ++j;
    } else if (c < 0) {
      ++i;
    } else {
      ++j;
    }
  }
  return dot / (std::sqrt(na) * std::sqrt(nb));
}

}  // namespace veille
