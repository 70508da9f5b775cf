// SPDX-License-Identifier: MIT
// Writes a commune-shaped dxframe/1 dataset for the scale benchmark (bench/README.md): the
// embedded Viet Nam framework and entities, plus 3,321 communes under the 34 provinces in
// force since 1 July 2025, 100 commune indicators (percent, 0-100) with a target each, and
// the 12 monthly observations of 2025 of (commune, indicator) series, N observations in all:
// observation k is month k mod 12 of series k / 12, series s being commune s mod 3,321 and
// indicator s / 3,321. Every series has its 12 months at every size, so the work per
// observation of a progress assessment is the same at 100 k as at 4 M; N is capped at the
// whole year, 3,321 × 100 × 12 = 3,985,200 ("4 M"). The file validates clean at every size and
// is written in save_dataset's canonical layout, streamed (never held whole).
//
//   commune_gen N OUT.json      e.g. commune_gen 4000000 /tmp/commune-4m.json
#include <dxframe/data/vietnam.hpp>
#include <dxframe/io/dataset_json.hpp>
#include <dxframe/report/format.hpp>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <set>
#include <string>
#include <vector>

namespace {

constexpr int communes = 3321;
constexpr int indicators = 100;
constexpr int months = 12;

std::string two(int n) {
    return (n < 10 ? "0" : "") + std::to_string(n);
}

std::string indicator_id(int i) {
    return "cm_dx_" + two(i / 10) + std::to_string(i % 10);
}

std::string commune_id(int c) {
    std::string n = std::to_string(c + 1);
    return "vn_c" + std::string(4 - n.size(), '0') + n;
}

// A deterministic value in [0, 100] that grows through the year (a commune's progress).
double value_of(std::uint64_t commune, std::uint64_t ind, std::uint64_t month) {
    std::uint64_t x = (commune * 1000003U + ind * 7919U) ^ 0x9E3779B97F4A7C15ULL;
    x ^= x >> 31;
    x *= 0xBF58476D1CE4E5B9ULL;
    x ^= x >> 27;
    const double start = static_cast<double>(x % 600) / 10.0;  // 0 .. 59.9
    const double v = start + static_cast<double>(month) * 2.5;
    return v > 100 ? 100 : v;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 3) {
        std::cerr << "usage: commune_gen N OUT.json\n";
        return 2;
    }
    constexpr std::uint64_t whole_year = std::uint64_t{communes} * indicators * months;
    std::uint64_t n = std::strtoull(argv[1], nullptr, 10);
    if (n > whole_year) n = whole_year;
    dxframe::dataset ds = dxframe::data::vietnam();
    ds.observations.clear();  // the national figures stay out: every observation is a commune's

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

    std::string head = dxframe::save_dataset(ds);
    // save_dataset leaves out the empty observations: reopen the document to append them.
    const std::size_t close = head.rfind('}');
    head.erase(close);
    while (!head.empty() && (head.back() == '\n' || head.back() == ' '))
        head.pop_back();

    std::FILE* out = std::fopen(argv[2], "wb");
    if (out == nullptr) {
        std::perror(argv[2]);
        return 2;
    }
    std::fputs(head.c_str(), out);
    std::fputs(",\n  \"observations\": [", out);
    static const char* const month_ends[months] = {"01-31", "02-28", "03-31", "04-30", "05-31", "06-30",
                                                   "07-31", "08-31", "09-30", "10-31", "11-30", "12-31"};
    std::string record;
    for (std::uint64_t k = 0; k < n; ++k) {
        const std::uint64_t series = k / months;
        const std::uint64_t m = k % months;
        const std::uint64_t c = series % communes;
        const std::uint64_t i = series / communes;
        record = k == 0 ? "\n    {\n" : ",\n    {\n";
        record += "      \"entity\": \"" + commune_id(static_cast<int>(c)) + "\",\n";
        record += "      \"indicator\": \"" + indicator_id(static_cast<int>(i)) + "\",\n";
        record += "      \"date\": \"2025-" + std::string(month_ends[m]) + "\",\n";
        record += "      \"value\": " + dxframe::trimmed_number(value_of(c, i, m), 1) + "\n    }";
        std::fputs(record.c_str(), out);
    }
    std::fputs(n == 0 ? "]\n}\n" : "\n  ]\n}\n", out);
    if (std::fclose(out) != 0) {
        std::perror(argv[2]);
        return 2;
    }
    return 0;
}
