#pragma once
// The one parallel loop of Cartes: fn(i) for i in [0, n) on up to `threads`
// threads (0: std::thread::hardware_concurrency()), the calling thread
// included. The first exception stops the loop and is rethrown once every
// thread has returned.
#include <cstddef>
#include <functional>

namespace cartes {

void parallel_for(std::size_t n, unsigned threads, const std::function<void(std::size_t)>& fn);

// The same, telling fn which worker runs it (0 .. workers-1), for work that
// keeps one context per worker (a GEOS handle, a scratch buffer). Returns the
// number of workers used, so a caller can size per-worker state beforehand
// with parallel_workers(n, threads).
unsigned parallel_workers(std::size_t n, unsigned threads);
void parallel_for_worker(std::size_t n, unsigned threads, const std::function<void(unsigned worker, std::size_t)>& fn);

}  // namespace cartes
