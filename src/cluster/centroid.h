// Centroid: the running sum of L2-normalised sparse vectors, with its norm
// kept up to date, so that the cosine of a vector with the mean of a set of
// vectors costs one hash lookup per term of the vector. Not thread-safe.
#ifndef VEILLE_CLUSTER_CENTROID_H_
#define VEILLE_CLUSTER_CENTROID_H_

#include <cstddef>
#include <cstdint>
#include <unordered_map>
#include <utility>
#include <vector>

#include "veille/cluster.h"

namespace veille::cluster {

// Dot product of two sorted sparse vectors (merge join).
double Dot(const IdVector& a, const IdVector& b);
// Euclidean norm.
double Norm(const IdVector& v);
// Cosine of two sparse vectors; 0 if either is empty or zero.
double Cosine(const IdVector& a, const IdVector& b);
// True when ids are strictly ascending.
bool IsSorted(const IdVector& v);

class Centroid {
 public:
  // Adds `v` scaled by 1/|v| (so every member counts once whatever its scale).
  void Add(const IdVector& v);
  // Removes `v` as Add added it (a member moved to another story); terms
  // left near zero are dropped and the norm is recomputed.
  void Subtract(const IdVector& v);
  // Adds another centroid's sum.
  void Merge(const Centroid& other);
  bool empty() const { return sum_.empty(); }
  size_t size() const { return sum_.size(); }
  double norm() const;
  // Members added (Add) or merged in.
  size_t count() const { return count_; }
  // Cosine of `v` with the centroid; 0 if either is empty.
  double Cosine(const IdVector& v) const;
  // Cosine of two centroids.
  double Cosine(const Centroid& other) const;
  // The shared terms of `v` and the centroid, with their contribution to the
  // cosine, heaviest first, at most `limit`.
  std::vector<std::pair<uint32_t, float>> TopShared(const IdVector& v, size_t limit) const;
  // The `limit` heaviest terms, L2-normalised, sorted by id.
  IdVector Top(size_t limit) const;

 private:
  std::unordered_map<uint32_t, float> sum_;
  double norm2_ = 0;
  size_t count_ = 0;
};

}  // namespace veille::cluster

#endif  // VEILLE_CLUSTER_CENTROID_H_
