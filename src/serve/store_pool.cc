#include "serve/store_pool.h"

#include <utility>

namespace veille::serve {

StorePool::StorePool(std::string path, StoreOptions options, size_t size)
    : path_(std::move(path)), options_(options), size_(size == 0 ? 1 : size) {}

StorePool::Lease::~Lease() {
  if (store_ != nullptr) pool_->Release(std::move(store_));
}

Result<StorePool::Lease> StorePool::Acquire() {
  std::unique_lock<std::mutex> lock(mu_);
  free_cv_.wait(lock, [&] { return !idle_.empty() || open_ < size_; });
  if (!idle_.empty()) {
    std::unique_ptr<Store> store = std::move(idle_.back());
    idle_.pop_back();
    return Lease(this, std::move(store));
  }
  ++open_;
  lock.unlock();
  Result<std::unique_ptr<Store>> store = OpenSqliteStore(path_, options_);
  if (!store.ok()) {
    lock.lock();
    --open_;
    free_cv_.notify_one();
    return store.status().At(path_);
  }
  return Lease(this, std::move(*store));
}

void StorePool::Release(std::unique_ptr<Store> store) {
  std::lock_guard<std::mutex> lock(mu_);
  idle_.push_back(std::move(store));
  free_cv_.notify_one();
}

}  // namespace veille::serve
