// StorePool: a bounded set of Store connections shared by the server's
// threads. A Store is single-thread, so each request leases one for its
// duration; reads on separate SQLite connections run concurrently (WAL).
// Thread-safe.
#ifndef VEILLE_SERVE_STORE_POOL_H_
#define VEILLE_SERVE_STORE_POOL_H_

#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "veille/store.h"

namespace veille::serve {

class StorePool {
 public:
  // At most `size` connections to `path`, opened on demand.
  StorePool(std::string path, StoreOptions options, size_t size);

  // A leased connection; returned to the pool when destroyed.
  class Lease {
   public:
    Lease(StorePool* pool, std::unique_ptr<Store> store) : pool_(pool), store_(std::move(store)) {}
    Lease(Lease&&) = default;
    Lease& operator=(Lease&&) = delete;
    ~Lease();
    Store& operator*() const { return *store_; }
    Store* operator->() const { return store_.get(); }

   private:
    StorePool* pool_;
    std::unique_ptr<Store> store_;
  };

  // Waits for a free connection (opening one while fewer than `size` exist).
  // Errors as OpenSqliteStore.
  Result<Lease> Acquire();

 private:
  void Release(std::unique_ptr<Store> store);

  const std::string path_;
  const StoreOptions options_;
  const size_t size_;
  std::mutex mu_;
  std::condition_variable free_cv_;
  std::vector<std::unique_ptr<Store>> idle_;
  size_t open_ = 0;  // connections in existence (idle or leased)
};

}  // namespace veille::serve

#endif  // VEILLE_SERVE_STORE_POOL_H_
