// SPDX-License-Identifier: MIT
// Rank provinces on the provincial DTI (Decision 922/QĐ-BTTTT) from a table of main-indicator
// values, with the index engine: the DTI tree weights each main indicator by its maximum
// points, main indicators are already on 0–1 (normaliser `none`), the arithmetic mean gives
// Σ value × points ÷ 1,000 — the published DTI — and ties share a rank ("1224").
//
// Đà Nẵng's row is its published DTI 2022 main-indicator values (dti.gov.vn/xep-hang-2022);
// its DTI must come out as the published 0.8002. The other rows are illustrative.
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <iostream>
#include <map>
#include <string>
#include <vector>

#include <dxframe/index.hpp>
#include <dxframe/io/csv.hpp>
#include <dxframe/report/format.hpp>
#include <dxframe/report/ranking.hpp>
#include <dxframe/report/text_width.hpp>

namespace {

constexpr const char* table =
    "province,awareness,institutions,infrastructure,human_resources,cybersecurity,smart_city,"
    "digital_government_ops,digital_economy_ops,digital_society_ops\n"
    "Đà Nẵng,1.0000,0.9000,0.8253,0.8487,0.7578,,0.8575,0.7836,0.5197\n"
    "Tỉnh A (illustrative),0.85,0.80,0.70,0.65,0.60,,0.72,0.55,0.50\n"
    "Tỉnh B (illustrative),0.90,0.70,0.60,0.70,0.65,,0.60,0.50,0.45\n"
    "Tỉnh C (illustrative),0.70,0.90,0.60,0.70,0.65,,0.60,0.50,0.45\n"
    "Tỉnh D (illustrative),0.60,0.55,0.50,0.45,0.40,,0.50,0.35,0.30\n";

}  // namespace

int run() {
    // 1. Read the table (strict RFC 4180; problems come back as diagnostics).
    const dxframe::csv_read_result read = dxframe::read_csv(table);
    for (const auto& d : read.diagnostics)
        std::cerr << d.path << ": " << d.message << "\n";
    if (!read.table) return 1;
    const dxframe::csv_table& t = *read.table;

    // 2. The DTI 922 tree: main indicators weighted by their maximum points.
    const auto structure = dxframe::dti_province_922();
    const dxframe::tree_build_result built = dxframe::dti_tree(structure);
    if (!built.tree) return 1;
    const dxframe::index_tree& tree = *built.tree;

    // 3. Units × indicators, in the tree's indicator order; an empty cell is missing.
    std::vector<std::string> units;
    dxframe::value_matrix values(t.rows.size(), tree.indicator_count());
    for (std::size_t r = 0; r < t.rows.size(); ++r) {
        units.push_back(t.rows[r][0]);
        for (std::size_t c = 1; c < t.header.size(); ++c) {
            const auto col = tree.find_indicator(t.header[c]);
            if (!col || t.rows[r][c].empty()) continue;
            values.set(r, *col, std::strtod(t.rows[r][c].c_str(), nullptr));
        }
    }

    // 4. Compute and rank: no normalisation, weighted arithmetic mean, ranks at the published
    //    precision (4 decimals), so equal published values share a rank.
    dxframe::index_spec spec;
    spec.normalise.method = dxframe::normaliser::none;
    spec.rank.decimals = 4;
    const dxframe::index_result result = dxframe::compute_index(tree, values, units, spec);
    for (const auto& d : result.diagnostics)
        std::cerr << d.path << ": " << d.message << "\n";
    const dxframe::ranking ranking =
        dxframe::ranking_from_index(dxframe::make_report(tree, result), {}, "Provincial DTI (Decision 922)");

    // 5. Print.
    std::cout << ranking.title << "\n";
    for (const auto& e : ranking.entries) {
        std::cout << dxframe::pad_left(e.rank ? std::to_string(*e.rank) : "-", 3) << "  "
                  << dxframe::pad_right(e.name, 24) << "  "
                  << (e.value ? std::to_string(dxframe::round_published(*e.value)).substr(0, 6) : "-") << "\n";
    }

    // Check: Đà Nẵng's published DTI 2022, and the "1224" ranks of the illustrative rows.
    bool ok = ranking.entries.size() == 5 && ranking.entries[0].name == "Đà Nẵng" && ranking.entries[0].value &&
              dxframe::round_published(*ranking.entries[0].value) == 0.8002;
    const std::vector<std::size_t> expected_ranks{1, 2, 3, 3, 5};
    for (std::size_t i = 0; ok && i < expected_ranks.size(); ++i)
        ok = ranking.entries[i].rank == expected_ranks[i];
    if (!ok) std::cerr << "unexpected DTI values or ranks\n";
    return ok ? 0 : 1;
}

// Misuse of the API throws dxframe::error (bad data never does): report it, do not crash.
int main() {
    try {
        return run();
    } catch (const std::exception& e) {
        std::fputs(e.what(), stderr);
        std::fputs("\n", stderr);
    } catch (...) {
        std::fputs("unexpected exception\n", stderr);
    }
    return 1;
}
