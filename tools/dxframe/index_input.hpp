// SPDX-License-Identifier: MIT
// The input of the index-computing commands (uncertainty, sensitivity; written so that `index`
// can share it): either a dxframe/1 dataset FILE ("-" = standard input) or COINr tables
// (--data iData.csv --meta iMeta.csv), turned into an index tree, a units × indicators matrix
// and the unit ids. Problems are printed to the error stream as text lines; the caller returns
// exit_data_error when nothing usable came out.
#pragma once

#include <algorithm>
#include <map>
#include <optional>
#include <ostream>
#include <string>
#include <utility>
#include <vector>

#include <dxframe/diagnostic.hpp>
#include <dxframe/index/matrix.hpp>
#include <dxframe/index/tree.hpp>
#include <dxframe/io/coinr.hpp>
#include <dxframe/io/file.hpp>
#include <dxframe/model/dataset.hpp>
#include <dxframe/model/date.hpp>

#include "cli.hpp"
#include "input.hpp"
#include "spec.hpp"

namespace dxframe::cli {

/// An index to compute: its tree, the data (units × the tree's indicators) and the unit ids.
struct index_input {
    index_tree tree;                  ///< Indicators and nodes.
    value_matrix values;              ///< Units × tree indicators; missing = no observation.
    std::vector<std::string> units;   ///< Unit ids, in input order.
};

/// The options load_index_input reads (to list among a command's value options).
inline const std::vector<std::string> index_input_options = {"--data", "--meta", "--time", "--as-of"};

/// Usage lines for those options.
inline constexpr const char* index_input_usage =
    "  FILE               a dxframe/1 dataset ('-' = standard input): the framework's indicators and\n"
    "                     nodes form the index tree; the units are the entities with observations\n"
    "                     of its indicators (in dataset order), each with its latest value\n"
    "  --as-of DATE       with FILE: ignore observations dated after DATE\n"
    "  --data iData.csv   COINr tables instead of FILE: units × indicators (uCode, ...)\n"
    "  --meta iMeta.csv   ... and the indicator/aggregate tree (Level, iCode, Parent, Weight, ...)\n"
    "  --time T           with COINr panel data: use the rows of Time T (default: the latest)\n";

namespace detail {

/// Prints COINr import diagnostics: their path is already the table's file name.
inline void print_table_diagnostics(std::ostream& err, const std::vector<diagnostic>& diags, severity least) {
    for (const auto& d : diags) {
        if (!at_least(d, least)) continue;
        diagnostic copy = d;
        const std::string file = copy.path;
        copy.path.clear();
        err << format_diagnostic(file.empty() ? std::string("<index>") : file, copy) << '\n';
    }
}

/// The index input of a dataset: tree from the framework, units = entities with at least one
/// usable observation of a tree indicator (dated on or before `as_of` when given), value = the
/// effective value of the latest such observation (the later one in the document on a tie).
inline std::optional<index_input> dataset_index_input(std::ostream& err, const std::string& name, const dataset& ds,
                                                      const std::optional<date>& as_of) {
    tree_build_result built = build_tree(ds.framework);
    print_diagnostics_text(err, name, built.diagnostics, severity::warning);
    if (!built.ok()) return std::nullopt;
    index_input in;
    in.tree = std::move(*built.tree);
    std::map<std::string, std::size_t> entity_row;
    for (std::size_t e = 0; e < ds.entities.size(); ++e) entity_row.emplace(ds.entities[e].id, e);
    struct latest {
        date when;
        double value;
    };
    // (entity index, indicator index) -> latest usable observation
    std::map<std::pair<std::size_t, std::size_t>, latest> cells;
    for (const auto& obs : ds.observations) {
        const auto ind = in.tree.find_indicator(obs.indicator);
        const auto ent = entity_row.find(obs.entity);
        if (!ind || ent == entity_row.end()) continue;
        if (as_of && *as_of < obs.date) continue;
        // The tree keeps the framework's indicator order, so *ind also indexes the framework.
        const auto v = effective_value(obs, ds.framework.indicators[*ind].unit);
        if (!v) continue;
        const auto key = std::make_pair(ent->second, *ind);
        const auto it = cells.find(key);
        if (it == cells.end() || !(obs.date < it->second.when)) cells[key] = latest{obs.date, *v};
    }
    std::vector<std::size_t> used;
    for (const auto& [key, value] : cells) used.push_back(key.first);
    std::sort(used.begin(), used.end());
    used.erase(std::unique(used.begin(), used.end()), used.end());
    if (used.empty()) {
        diagnostic d;
        d.severity = severity::error;
        d.code = diagnostic_code::insufficient_data;
        d.path = "/observations";
        d.message = "no entity has an observation of an index indicator" +
                    (as_of ? " dated on or before " + as_of->to_string() : std::string());
        print_diagnostics_text(err, name, {d}, severity::error);
        return std::nullopt;
    }
    std::map<std::size_t, std::size_t> row_of;
    for (std::size_t r = 0; r < used.size(); ++r) {
        row_of.emplace(used[r], r);
        in.units.push_back(ds.entities[used[r]].id);
    }
    in.values.resize(used.size(), in.tree.indicator_count());
    for (const auto& [key, value] : cells) in.values.set(row_of[key.first], key.second, value.value);
    return in;
}

}  // namespace detail

/// Reads the index input named by the command line: one positional FILE, or --data and --meta.
/// Throws usage_error for a wrong combination of arguments, io_failure when a file cannot be
/// read; prints the input's problems (warnings and errors) to `err` and returns nullopt when
/// there is an error.
inline std::optional<index_input> load_index_input(std::ostream& err, const parsed_args& args) {
    const auto data = args.get("--data");
    const auto meta = args.get("--meta");
    const auto& pos = args.positionals();
    if (data || meta) {
        if (!data || !meta) throw usage_error("--data and --meta go together (COINr's iData and iMeta tables)");
        if (!pos.empty()) throw usage_error("give either FILE or --data and --meta, not both");
        if (args.has("--as-of")) throw usage_error("--as-of applies to a dataset FILE, not to COINr tables");
        coinr_options opt;
        opt.data_source = *data;
        opt.meta_source = *meta;
        if (const auto t = args.get("--time")) {
            const auto v = dxframe::cli::detail::spec_number(*t);
            if (!v) throw usage_error("--time: '" + *t + "' is not a number");
            opt.time = *v;
        }
        std::string data_text, meta_text;
        try {
            data_text = read_file(*data);
            meta_text = read_file(*meta);
        } catch (const io_error& e) {
            throw io_failure(e.what());
        }
        coinr_import_result imp = import_coinr(data_text, meta_text, opt);
        detail::print_table_diagnostics(err, imp.diagnostics, severity::warning);
        if (!imp.ok()) return std::nullopt;
        index_input in;
        in.tree = std::move(imp.data->tree);
        in.values = std::move(imp.data->values);
        in.units = std::move(imp.data->units);
        return in;
    }
    if (pos.size() != 1) throw usage_error(pos.empty() ? "no input: give a dataset FILE or --data and --meta"
                                                       : "give one dataset FILE");
    if (args.has("--time")) throw usage_error("--time applies to COINr tables (--data, --meta)");
    std::optional<date> as_of;
    if (const auto a = args.get("--as-of")) {
        as_of = date::parse(*a);
        if (!as_of) throw usage_error("--as-of: '" + *a + "' is not a date (YYYY-MM-DD)");
    }
    const auto ds = load_checked(err, pos[0]);
    if (!ds) return std::nullopt;
    return detail::dataset_index_input(err, input_name(pos[0]), *ds, as_of);
}

}  // namespace dxframe::cli
