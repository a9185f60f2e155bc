#include "cluster/centroid.h"

#include <algorithm>
#include <cmath>

namespace veille::cluster {

double Dot(const IdVector& a, const IdVector& b) {
  double dot = 0;
  size_t i = 0, j = 0;
  const auto& x = a.terms;
  const auto& y = b.terms;
  while (i < x.size() && j < y.size()) {
    if (x[i].first < y[j].first) {
      ++i;
    } else if (x[i].first > y[j].first) {
      ++j;
    } else {
      dot += static_cast<double>(x[i].second) * y[j].second;
      ++i;
      ++j;
    }
  }
  return dot;
}

double Norm(const IdVector& v) {
  double n2 = 0;
  for (const auto& [id, w] : v.terms) n2 += static_cast<double>(w) * w;
  return std::sqrt(n2);
}

double Cosine(const IdVector& a, const IdVector& b) {
  if (a.terms.empty() || b.terms.empty()) return 0;
  const double na = Norm(a), nb = Norm(b);
  if (na <= 0 || nb <= 0) return 0;
  return Dot(a, b) / (na * nb);
}

bool IsSorted(const IdVector& v) {
  for (size_t i = 1; i < v.terms.size(); ++i) {
    if (v.terms[i - 1].first >= v.terms[i].first) return false;
  }
  return true;
}

void Centroid::Add(const IdVector& v) {
  const double n = Norm(v);
  if (n <= 0) return;
  ++count_;
  for (const auto& [id, w] : v.terms) {
    float& c = sum_[id];
    const double before = c;
    c = static_cast<float>(before + w / n);
    norm2_ += static_cast<double>(c) * c - before * before;
  }
}

void Centroid::Subtract(const IdVector& v) {
  const double n = Norm(v);
  if (n <= 0) return;
  if (count_ > 0) --count_;
  // Below this a sum is float rounding left by members added and removed.
  constexpr float kResidue = 1e-6f;
  for (const auto& [id, w] : v.terms) {
    auto it = sum_.find(id);
    if (it == sum_.end()) continue;
    it->second = static_cast<float>(it->second - w / n);
    if (std::abs(it->second) < kResidue) sum_.erase(it);
  }
  norm2_ = 0;
  for (const auto& [id, w] : sum_) norm2_ += static_cast<double>(w) * w;
}

void Centroid::Merge(const Centroid& other) {
  count_ += other.count_;
  for (const auto& [id, w] : other.sum_) {
    float& c = sum_[id];
    const double before = c;
    c = static_cast<float>(before + w);
    norm2_ += static_cast<double>(c) * c - before * before;
  }
}

double Centroid::norm() const { return norm2_ > 0 ? std::sqrt(norm2_) : 0; }

double Centroid::Cosine(const IdVector& v) const {
  const double cn = norm(), vn = Norm(v);
  if (cn <= 0 || vn <= 0) return 0;
  double dot = 0;
  for (const auto& [id, w] : v.terms) {
    auto it = sum_.find(id);
    if (it != sum_.end()) dot += static_cast<double>(w) * it->second;
  }
  return std::clamp(dot / (cn * vn), 0.0, 1.0);
}

double Centroid::Cosine(const Centroid& other) const {
  const double an = norm(), bn = other.norm();
  if (an <= 0 || bn <= 0) return 0;
  const Centroid& small = sum_.size() <= other.sum_.size() ? *this : other;
  const Centroid& large = &small == this ? other : *this;
  double dot = 0;
  for (const auto& [id, w] : small.sum_) {
    auto it = large.sum_.find(id);
    if (it != large.sum_.end()) dot += static_cast<double>(w) * it->second;
  }
  return std::clamp(dot / (an * bn), 0.0, 1.0);
}

std::vector<std::pair<uint32_t, float>> Centroid::TopShared(const IdVector& v, size_t limit) const {
  std::vector<std::pair<uint32_t, float>> out;
  const double cn = norm(), vn = Norm(v);
  if (cn <= 0 || vn <= 0) return out;
  for (const auto& [id, w] : v.terms) {
    auto it = sum_.find(id);
    if (it != sum_.end()) out.emplace_back(id, static_cast<float>(w * it->second / (cn * vn)));
  }
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
    return a.second != b.second ? a.second > b.second : a.first < b.first;
  });
  if (out.size() > limit) out.resize(limit);
  return out;
}

IdVector Centroid::Top(size_t limit) const {
  std::vector<std::pair<uint32_t, float>> all(sum_.begin(), sum_.end());
  std::sort(all.begin(), all.end(), [](const auto& a, const auto& b) {
    return a.second != b.second ? a.second > b.second : a.first < b.first;
  });
  if (all.size() > limit) all.resize(limit);
  double n2 = 0;
  for (const auto& [id, w] : all) n2 += static_cast<double>(w) * w;
  const double n = n2 > 0 ? std::sqrt(n2) : 1;
  for (auto& [id, w] : all) w = static_cast<float>(w / n);
  std::sort(all.begin(), all.end());
  return IdVector{std::move(all)};
}

}  // namespace veille::cluster
