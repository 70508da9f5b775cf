// SPDX-License-Identifier: MIT
// The shape of the commune-scale dataset, shared by commune_gen.cpp (which writes it to a file)
// and derived_bench.cpp (which builds it in memory): sizes, ids and the value generator.
#pragma once

#include <cstdint>
#include <set>
#include <string>
#include <vector>

#include <dxframe/data/vietnam.hpp>
#include <dxframe/model.hpp>

namespace commune_shape {

inline constexpr int communes = 3321;
inline constexpr int indicators = 100;
inline constexpr int months = 12;

/// Month ends of 2025, the dates of the monthly observations ("MM-DD").
inline const char* const month_ends[months] = {"01-31", "02-28", "03-31", "04-30", "05-31", "06-30",
                                               "07-31", "08-31", "09-30", "10-31", "11-30", "12-31"};

inline std::string two(int n) {
    return (n < 10 ? "0" : "") + std::to_string(n);
}

/// "cm_dx_000" … "cm_dx_099".
inline std::string indicator_id(int i) {
    return "cm_dx_" + two(i / 10) + std::to_string(i % 10);
}

/// "vn_c0001" … "vn_c3321".
inline std::string commune_id(int c) {
    std::string n = std::to_string(c + 1);
    return "vn_c" + std::string(4 - n.size(), '0') + n;
}

/// A deterministic value in [0, 100] that grows through the year (a commune's progress).
inline double value_of(std::uint64_t commune, std::uint64_t ind, std::uint64_t month) {
    std::uint64_t x = (commune * 1000003U + ind * 7919U) ^ 0x9E3779B97F4A7C15ULL;
    x ^= x >> 31;
    x *= 0xBF58476D1CE4E5B9ULL;
    x ^= x >> 27;
    const double start = static_cast<double>(x % 600) / 10.0;  // 0 .. 59.9
    const double v = start + static_cast<double>(month) * 2.5;
    return v > 100 ? 100 : v;
}

/// The embedded Viet Nam framework and entities without their observations (every observation of
/// the dataset is a commune's), plus the 3,321 communes, spread over the 34 provinces in force
/// since 1 July 2025, and the 100 commune indicators (percent) with a target each.
inline dxframe::dataset framework_and_entities() {
    dxframe::dataset ds = dxframe::data::vietnam();
    ds.observations.clear();

    // The 34 provinces in force: those no merger lists as a predecessor.
    std::set<std::string> merged;
    for (const auto& e : ds.entities) {
        for (const auto& p : e.successor_of)
            merged.insert(p);
    }
    std::vector<std::string> provinces;
    for (const auto& e : ds.entities) {
        if (e.level == dxframe::entity_level::province && merged.count(e.id) == 0) provinces.push_back(e.id);
    }
    for (int c = 0; c < communes; ++c) {
        dxframe::entity e;
        e.id = commune_id(c);
        e.name = {"Xã " + std::to_string(c + 1), "Commune " + std::to_string(c + 1)};
        e.level = dxframe::entity_level::commune;
        e.parent = provinces[static_cast<std::size_t>(c) % provinces.size()];
        ds.entities.push_back(e);
    }
    for (int i = 0; i < indicators; ++i) {
        dxframe::indicator ind;
        ind.id = indicator_id(i);
        ind.name = {"Chỉ số xã " + std::to_string(i + 1), "Commune indicator " + std::to_string(i + 1)};
        ind.unit = dxframe::unit::percent;
        ind.minimum = 0;
        ind.maximum = 100;
        ds.framework.indicators.push_back(ind);
        dxframe::target t;
        t.id = "cm_target_" + two(i / 10) + std::to_string(i % 10);
        t.indicator = ind.id;
        t.entity = provinces.front();
        t.kind = dxframe::target_kind::at_least;
        t.value = 80;
        t.deadline = *dxframe::date::parse("2030-12-31");
        ds.framework.targets.push_back(t);
    }
    return ds;
}

}  // namespace commune_shape
