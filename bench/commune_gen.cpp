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
#include <dxframe/io/dataset_json.hpp>
#include <dxframe/report/format.hpp>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <string>
#include <vector>

#include "commune_shape.hpp"

using commune_shape::commune_id;
using commune_shape::communes;
using commune_shape::indicator_id;
using commune_shape::indicators;
using commune_shape::month_ends;
using commune_shape::months;
using commune_shape::value_of;

int main(int argc, char** argv) {
    if (argc != 3) {
        std::cerr << "usage: commune_gen N OUT.json\n";
        return 2;
    }
    constexpr std::uint64_t whole_year = std::uint64_t{communes} * indicators * months;
    std::uint64_t n = std::strtoull(argv[1], nullptr, 10);
    if (n > whole_year) n = whole_year;
    const dxframe::dataset ds = commune_shape::framework_and_entities();

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
