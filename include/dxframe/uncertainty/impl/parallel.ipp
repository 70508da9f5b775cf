// SPDX-License-Identifier: MIT
// Definitions for <dxframe/uncertainty/parallel.hpp> (see <dxframe/config.hpp>: included by that header
// in header-only mode, by <dxframe/src.hpp> in separate compilation).
#pragma once

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

#include <dxframe/uncertainty/parallel.hpp>

namespace dxframe {

DXFRAME_DECL unsigned resolve_thread_count(unsigned requested) noexcept {
    if (requested != 0) return requested;
    const unsigned hw = std::thread::hardware_concurrency();
    return hw == 0 ? 1u : hw;
}

namespace detail {

/// Runs `body(worker, begin, end)` over [0, total) in chunks of `chunk` items on `workers`
/// threads (worker numbers 0..workers−1; each worker calls body from one thread only, so it
/// may own a workspace). With one worker everything runs on the calling thread. The calling
/// thread calls `progress` (when set) once before starting, every `interval`, and once at the
/// end. Returns false when progress cancelled the run. An exception thrown by body stops the other workers and is
/// rethrown here after every thread has finished.
template <class Body>
bool run_chunked(std::size_t total, std::size_t chunk, unsigned workers, Body& body, const progress_callback& progress,
                 std::chrono::milliseconds interval = std::chrono::milliseconds(100)) {
    if (chunk == 0) chunk = 1;
    const std::size_t chunks = (total + chunk - 1) / chunk;
    if (workers == 0) workers = 1;
    if (chunks < workers) workers = static_cast<unsigned>(std::max<std::size_t>(chunks, 1));
    if (progress && !progress(0, total)) return false;

    if (workers == 1) {
        auto last = std::chrono::steady_clock::now();
        for (std::size_t begin = 0; begin < total; begin += chunk) {
            const std::size_t end = std::min(total, begin + chunk);
            body(0u, begin, end);
            if (progress && end < total) {
                const auto now = std::chrono::steady_clock::now();
                if (now - last >= interval) {
                    last = now;
                    if (!progress(end, total)) return false;
                }
            }
        }
        if (progress) progress(total, total);
        return true;
    }

    std::atomic<std::size_t> next_chunk{0};
    std::atomic<std::size_t> done{0};
    std::atomic<bool> stop{false};
    std::mutex mutex;
    std::condition_variable finished_cv;
    unsigned finished = 0;
    std::exception_ptr failure;

    auto work = [&](unsigned worker) {
        try {
            while (!stop.load(std::memory_order_relaxed)) {
                const std::size_t c = next_chunk.fetch_add(1, std::memory_order_relaxed);
                if (c >= chunks) break;
                const std::size_t begin = c * chunk;
                const std::size_t end = std::min(total, begin + chunk);
                body(worker, begin, end);
                done.fetch_add(end - begin, std::memory_order_relaxed);
            }
        } catch (...) {
            std::lock_guard<std::mutex> lock(mutex);
            if (!failure) failure = std::current_exception();
            stop.store(true);
        }
        {
            std::lock_guard<std::mutex> lock(mutex);
            ++finished;
        }
        finished_cv.notify_one();
    };

    std::vector<std::thread> threads;
    threads.reserve(workers);
    try {
        for (unsigned w = 0; w < workers; ++w)
            threads.emplace_back(work, w);
    } catch (...) {
        // Could not start a thread: stop the ones that did start, then report.
        stop.store(true);
        for (auto& t : threads)
            t.join();
        throw;
    }

    bool cancelled = false;
    {
        std::unique_lock<std::mutex> lock(mutex);
        // `finished` is advanced by the workers under `mutex`, which wait_for releases.
        while (finished < workers) {  // NOLINT(bugprone-infinite-loop)
            finished_cv.wait_for(lock, interval);
            if (finished < workers && progress && !cancelled) {
                lock.unlock();
                const bool go = progress(done.load(std::memory_order_relaxed), total);
                lock.lock();
                if (!go) {
                    cancelled = true;
                    stop.store(true);
                }
            }
        }
    }
    for (auto& t : threads)
        t.join();
    if (failure) std::rethrow_exception(failure);
    if (cancelled) return false;
    if (progress) progress(total, total);
    return true;
}

}  // namespace detail

}  // namespace dxframe
