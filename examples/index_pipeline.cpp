// SPDX-License-Identifier: MIT
// A complete composite-indicator pipeline in C++, the OECD/JRC Handbook's steps as COINr runs
// them: import COINr-layout tables, denominate, impute, treat outliers, normalise and aggregate,
// rank, audit, and one unit's strengths and weaknesses.
//
// Data: a subset of COINr's ASEM example (data/asem-subset: 51 countries, 27 indicators → 4
// sub-pillars → 2 pillars → index; see its README for the source and licence).
//
//   example_index_pipeline [DIR [UNIT]]     (defaults: data/asem-subset, VNM)
#include <dxframe/index/audit.hpp>
#include <dxframe/index/compute.hpp>
#include <dxframe/index/denominate.hpp>
#include <dxframe/index/impute.hpp>
#include <dxframe/index/profile.hpp>
#include <dxframe/index/treat.hpp>
#include <dxframe/io/coinr.hpp>
#include <dxframe/io/file.hpp>
#include <dxframe/report/format.hpp>

#include <cstddef>
#include <cstdio>
#include <exception>
#include <iostream>
#include <string>
#include <vector>

namespace {

// Errors stop the pipeline; warnings are shown and it goes on.
bool report(const std::string& step, const std::vector<dxframe::diagnostic>& diagnostics) {
    for (const auto& d : diagnostics)
        if (d.severity != dxframe::severity::info) std::cerr << step << ": " << d.path << ": " << d.message << "\n";
    return !dxframe::has_errors(diagnostics);
}

int run(int argc, char** argv) {
    const std::string dir = argc > 1 ? argv[1] : "data/asem-subset";
    const std::string unit = argc > 2 ? argv[2] : "VNM";

    // 1. Import: iData (units, indicators, group and denominator columns) and iMeta (the tree).
    const auto imported =
        dxframe::import_coinr(dxframe::read_file(dir + "/iData.csv"), dxframe::read_file(dir + "/iMeta.csv"));
    if (!report("import", imported.diagnostics)) return 1;
    const dxframe::coinr_data& data = *imported.data;
    const dxframe::index_tree& tree = data.tree;
    std::vector<std::string> ids;
    for (const auto& indicator : tree.indicators())
        ids.push_back(indicator.id);
    std::cout << "ASEM subset: " << data.units.size() << " units, " << ids.size() << " indicators, "
              << tree.nodes().size() << " aggregates\n";

    // 2. Denominate by iMeta's Denominator column (COINr's Denominate default): counts per head,
    //    per unit of GDP, per km².
    dxframe::denomination_result denominated = dxframe::denominate(data);
    if (!report("denominate", denominated.diagnostics)) return 1;
    std::size_t divided = 0;
    for (const auto& c : denominated.counts)
        divided += c.denominator ? 1u : 0u;
    std::cout << "denominated: " << divided << " indicators\n";

    // 3. Impute the missing values by the mean of the unit's GDP group (COINr i_mean_grp), in
    //    place on the denominated values.
    dxframe::value_matrix values = std::move(denominated.values);
    const auto spec = dxframe::parse_imputation_spec({"mean_group:GDP_group"});
    if (!report("impute", spec.diagnostics)) return 1;
    const auto imputed = dxframe::impute_in_place(values, ids, data.units, &data.groups, *spec.spec);
    if (!report("impute", imputed.diagnostics)) return 1;
    std::size_t missing = 0;
    std::size_t filled = 0;
    for (const auto& c : imputed.indicators) {
        missing += c.missing;
        filled += c.filled;
    }
    std::cout << "imputed: " << filled << " of " << missing << " missing cells\n";

    // 4. Treat outliers as COINr's Treat does by default: winsorise up to 5 points, else log.
    std::vector<dxframe::diagnostic> treat_diagnostics;
    const auto treated = dxframe::treat_outliers_in_place(values, ids, data.units, {}, treat_diagnostics);
    if (!report("treat", treat_diagnostics)) return 1;
    std::cout << "treated:";
    for (const auto& t : treated) {
        if (t.applied == dxframe::treatment::winsorised)
            std::cout << " " << t.indicator << " (winsorised " << t.points << ")";
        else if (t.applied == dxframe::treatment::log)
            std::cout << " " << t.indicator << " (log)";
    }
    std::cout << "\n";

    // 5. Normalise (min-max onto [0, 100]), aggregate (arithmetic means) and rank.
    const dxframe::index_result index = dxframe::compute_index(tree, values, data.units);
    if (!report("index", index.diagnostics)) return 1;
    std::cout << "top five:\n";
    for (std::size_t place = 1; place <= 5; ++place)
        for (std::size_t u = 0; u < data.units.size(); ++u)
            if (index.ranks[u] == place)
                std::cout << "  " << place << ". " << data.units[u] << "  " << dxframe::fixed_number(index.index(u), 2)
                          << "\n";

    // 6. Audit the normalised indicators and the aggregates: reliability of every group.
    const dxframe::audit_result audit = dxframe::run_audit(tree, index.normalised, &index.aggregates);
    report("audit", audit.diagnostics);
    std::cout << "Cronbach's alpha:";
    for (const auto& g : audit.groups)
        std::cout << " " << g.group << " " << dxframe::fixed_number(g.alpha, 2);
    std::cout << "\n" << audit.flags.size() << " pairs of indicators flagged as too (un)correlated\n";

    // 7. One unit: its rank, and its best- and worst-ranked indicators (COINr get_str_weak), on
    //    the treated values with each indicator's direction applied.
    const dxframe::unit_profile profile = dxframe::profile_unit(tree, values, data.units, unit);
    if (!report("profile", profile.diagnostics)) return 1;
    for (std::size_t u = 0; u < data.units.size(); ++u)
        if (data.units[u] == unit && index.ranks[u])
            std::cout << unit << ": rank " << *index.ranks[u] << " of " << data.units.size() << "\n";
    std::cout << "  strengths:";
    for (const auto& e : profile.strengths)
        std::cout << " " << e.indicator << " (" << e.rank << ")";
    std::cout << "\n  weaknesses:";
    for (const auto& e : profile.weaknesses)
        std::cout << " " << e.indicator << " (" << e.rank << ")";
    std::cout << "\n";
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    try {
        return run(argc, argv);
    } catch (const std::exception& e) {
        std::fputs(e.what(), stderr);
        std::fputs("\n", stderr);
    } catch (...) {
        std::fputs("unexpected exception\n", stderr);
    }
    return 1;
}
