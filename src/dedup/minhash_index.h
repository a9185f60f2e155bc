// MinHashIndex: MinHash signatures of shingle sets and an LSH banding index
// over them (see minhash_index.cc). Not thread-safe.
#ifndef VEILLE_DEDUP_MINHASH_INDEX_H_
#define VEILLE_DEDUP_MINHASH_INDEX_H_

#include <cstdint>
#include <unordered_map>
#include <vector>

namespace veille::dedup {

class MinHashIndex {
 public:
  MinHashIndex(int bands, int rows);
  // The signature (bands * rows values) of a non-empty shingle set.
  std::vector<uint32_t> Signature(const std::vector<uint32_t>& shingles) const;
  // Ids sharing at least one band with `signature`, ascending, no duplicates.
  std::vector<int64_t> Candidates(const std::vector<uint32_t>& signature) const;
  void Insert(int64_t id, const std::vector<uint32_t>& signature);
  // Removes `id`, inserted with `signature`.
  void Erase(int64_t id, const std::vector<uint32_t>& signature);

 private:
  uint64_t BandKey(const std::vector<uint32_t>& signature, int band) const;
  int bands_, rows_;
  std::unordered_map<uint64_t, std::vector<int64_t>> buckets_;
};

}  // namespace veille::dedup

#endif  // VEILLE_DEDUP_MINHASH_INDEX_H_
