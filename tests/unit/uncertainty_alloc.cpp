// SPDX-License-Identifier: MIT
// A replication allocates nothing once its thread's workspace exists: this file counts calls to
// the global operator new (replaced below, for this test program only) while replications run.
#include <dxframe/io/coinr.hpp>
#include <dxframe/uncertainty.hpp>

#include <atomic>
#include <cstdlib>
#include <fstream>
#include <new>
#include <sstream>
#include <string>
#include <vector>

#include "catch_compat.hpp"

// The replacements below pair malloc with free, as the standard allows for replaced global
// operators. With optimisation GCC 12 inlines them into the library's new/delete expressions and
// then reports -Wmismatched-new-delete on the pairs it sees (malloc'd memory released by
// operator delete): a false positive for replaced operators, so it is silenced for this file only.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wmismatched-new-delete"
#endif

namespace {
std::atomic<bool> counting{false};
std::atomic<std::size_t> allocations{0};
}  // namespace

void* operator new(std::size_t size) {
    if (counting.load(std::memory_order_relaxed)) allocations.fetch_add(1, std::memory_order_relaxed);
    if (size == 0) size = 1;
    if (void* p = std::malloc(size)) return p;
    throw std::bad_alloc();
}
// Every other form is replaced too, so that no block from the runtime's (or a sanitizer's)
// operator new ever reaches the free() below: std::stable_sort, for one, uses nothrow new.
void* operator new[](std::size_t size) {
    return ::operator new(size);
}
void* operator new(std::size_t size, const std::nothrow_t&) noexcept {
    try {
        return ::operator new(size);
    } catch (...) {
        return nullptr;
    }
}
void* operator new[](std::size_t size, const std::nothrow_t&) noexcept {
    return ::operator new(size, std::nothrow);
}
void operator delete(void* p) noexcept {
    std::free(p);
}
void operator delete(void* p, std::size_t) noexcept {
    std::free(p);
}
void operator delete[](void* p) noexcept {
    std::free(p);
}
void operator delete[](void* p, std::size_t) noexcept {
    std::free(p);
}
void operator delete(void* p, const std::nothrow_t&) noexcept {
    std::free(p);
}
void operator delete[](void* p, const std::nothrow_t&) noexcept {
    std::free(p);
}

namespace {
std::string slurp(const std::string& path) {
    std::ifstream f(path, std::ios::binary);
    std::stringstream s;
    s << f.rdbuf();
    return s.str();
}
}  // namespace

TEST_CASE("replications allocate nothing after the first", "[uncertainty][alloc]") {
    const std::string dir = std::string(DXFRAME_TEST_DATA_DIR) + "/asem/";
    auto imp = dxframe::import_coinr(slurp(dir + "iData.csv"), slurp(dir + "iMeta.csv"));
    REQUIRE(imp.ok());
    const auto& a = *imp.data;
    dxframe::uncertainty_plan plan;
    plan.weight_noise = {{2, 0.25}, {3, 0.25}};
    dxframe::normalisation mm;
    mm.lower = 1;
    mm.upper = 100;
    dxframe::normalisation z;
    z.method = dxframe::normaliser::zscore;
    z.mean = 10;
    z.sd = 2;
    plan.normalise_alternatives = {mm, z};
    plan.aggregate_alternatives = {{dxframe::aggregation::arithmetic, 1.0}, {dxframe::aggregation::geometric, 1.0}};
    const dxframe::uncertainty_model model(a.tree, a.values, a.units, {}, plan);
    dxframe::detail::replicator rep(model);
    std::vector<double> x(model.dimension());
    auto draw = [&](std::size_t k) {
        auto g = dxframe::stream_generator(1, dxframe::random_stream::uncertainty, k);
        for (double& v : x)
            v = dxframe::uniform01(g.next());
    };
    // Warm-up: the first replications size the rank buffers.
    for (std::size_t k = 0; k < 8; ++k) {
        draw(k);
        REQUIRE(rep.run(x.data()));
    }
    std::size_t ok_runs = 0;
    allocations = 0;
    for (std::size_t k = 8; k < 208; ++k) {
        draw(k);
        counting = true;
        const bool ok = rep.run(x.data());
        counting = false;
        ok_runs += ok ? 1 : 0;
    }
    CHECK(ok_runs == 200);  // every combination of this set-up succeeds on ASEM
    CHECK(allocations == 0);
}
