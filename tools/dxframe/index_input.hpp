// SPDX-License-Identifier: MIT
// The input of the index-computing commands, shared so that they all read the same inputs the
// same way: either a dxframe/1 dataset FILE ("-" = standard input) or COINr tables
// (--data iData.csv --meta iMeta.csv), turned into an index tree, a units × indicators matrix
// and the unit ids and names; and the index's methods (--normalise, --aggregate, --min-share,
// --rank-decimals). The library builds the input (index/input.hpp): dataset_index_input() for a
// dataset (each entity's latest value of each indicator by the rule progress uses, entities
// without any left out), coinr_index_input() for COINr tables (panel data by Time); this file
// reads the files and the options and prints the problems to the error stream as text lines;
// the caller returns exit_data_error when nothing usable came out.
#pragma once

#include <cmath>
#include <cstdlib>
#include <optional>
#include <ostream>
#include <string>
#include <utility>
#include <vector>

#include <dxframe/diagnostic.hpp>
#include <dxframe/index/compute.hpp>
#include <dxframe/index/dataset_input.hpp>
#include <dxframe/index/input.hpp>
#include <dxframe/index/tree.hpp>
#include <dxframe/io/coinr.hpp>
#include <dxframe/io/file.hpp>
#include <dxframe/model/dataset.hpp>
#include <dxframe/model/date.hpp>
#include <dxframe/model/text.hpp>

#include "cli.hpp"
#include "input.hpp"
#include "spec.hpp"

namespace dxframe::cli {

/// An index to compute (the library's index_input: tree, values, unit ids and names) and where
/// it came from, for messages.
struct index_input : dxframe::index_input {
    bool coinr = false;  ///< Read from COINr tables (diagnostics name their table).
    std::string file;    ///< The input's name for messages (FILE, or the iData path).
};

/// Which input the command line names, and which part of it to use.
struct index_input_request {
    bool coinr = false;               ///< COINr tables (--data, --meta) rather than a dataset FILE.
    std::string path;                 ///< The dataset FILE ("-" = standard input), or the iData path.
    std::string meta;                 ///< The iMeta path (COINr tables).
    std::optional<std::string> root;  ///< --root: the index under this node (dataset).
    std::optional<date> as_of;        ///< --as-of: observations up to this date (dataset).
    std::optional<double> year;       ///< --year: a calendar year (dataset) or a Time of iData (COINr).
    bool merge = false;               ///< --merge-successors (dataset).
    language lang = language::en;     ///< --lang: the language of names (dataset).
};

/// The value options load_index_input and parse_index_spec read (for a command's option list).
inline const std::vector<std::string> index_input_options = {
    "--data", "--meta", "--root", "--as-of", "--year", "--normalise", "--aggregate", "--min-share", "--rank-decimals"};
/// The flag options they read.
inline const std::vector<std::string> index_input_flags = {"--merge-successors"};

/// Usage lines for those options.
inline constexpr const char* index_input_usage =
    "  FILE               a dxframe/1 dataset ('-' = standard input): the framework's indicators and\n"
    "                     nodes form the tree; each entity's latest observation of each indicator is\n"
    "                     its value; entities without any are left out\n"
    "  --root NODE        with FILE: only the index under this node (a framework may hold several)\n"
    "  --as-of DATE       with FILE: use observations up to DATE\n"
    "  --year YYYY        with FILE: use observations dated in YYYY; with COINr tables: the rows of\n"
    "                     Time YYYY (default: the latest)\n"
    "  --merge-successors with FILE: entities formed by a merger get the mean of their\n"
    "                     predecessors' values (DTI 2024 rule)\n"
    "  --data iData.csv   COINr tables instead of FILE: units x indicators (uCode, ...)\n"
    "  --meta iMeta.csv   ... and the tree (Level, iCode, Parent, Direction, Weight, Type)\n"
    "  --min-share S      a node is missing for a unit with less than this share of its children\n"
    "                     (COINr's dat_thresh; default 0)\n"
    "  --rank-decimals D  round index values to D decimals before ranking (ties at that precision)\n";

namespace detail {

inline std::optional<double> input_number(const std::string& s) {
    char* end = nullptr;
    const double v = std::strtod(s.c_str(), &end);
    if (s.empty() || end != s.c_str() + s.size() || !std::isfinite(v)) return std::nullopt;
    return v;
}

/// Prints diagnostics: for COINr tables each names its table in its path (a file name), for a
/// dataset the path is a JSON Pointer into `file`.
inline void print_index_diagnostics(std::ostream& err, const index_input& in, const std::vector<diagnostic>& diags,
                                    severity least = severity::warning) {
    for (const auto& d : diags) {
        if (!at_least(d, least)) continue;
        if (in.coinr) {
            diagnostic copy = d;
            copy.path.clear();
            err << format_diagnostic(d.path.empty() ? in.file : d.path, copy) << '\n';
        } else {
            err << format_diagnostic(in.file, d) << '\n';
        }
    }
}

}  // namespace detail

/// Which input the command line names: one positional FILE, or --data and --meta (then --root,
/// --as-of and --merge-successors, which apply to a dataset, are usage errors; --lang is the
/// language of a report, and of a dataset's names). Throws usage_error for a wrong
/// combination; reads no file.
inline index_input_request index_input_source(const parsed_args& args) {
    const auto& pos = args.positionals();
    index_input_request r;
    r.coinr = args.has("--data") || args.has("--meta");
    if (r.coinr) {
        const auto data = args.get("--data");
        const auto meta = args.get("--meta");
        if (!data || !meta) throw usage_error("COINr input needs both --data and --meta");
        if (!pos.empty()) throw usage_error("give a dataset FILE or --data/--meta, not both");
        for (const char* o : {"--root", "--as-of", "--merge-successors"}) {
            if (args.has(o)) throw usage_error(std::string(o) + " applies to a dataset FILE, not to COINr tables");
        }
        r.path = *data;
        r.meta = *meta;
        return r;
    }
    if (pos.empty()) throw usage_error("which input? give a dataset FILE, or --data iData.csv --meta iMeta.csv");
    if (pos.size() > 1) throw usage_error("one dataset FILE at a time (got " + std::to_string(pos.size()) + ")");
    r.path = pos[0];
    r.root = args.get("--root");
    r.merge = args.has("--merge-successors");
    return r;
}

/// Reads --as-of, --year and --lang into `r` (after index_input_source). Throws usage_error for
/// a malformed value, or for --as-of with --year.
inline void parse_index_input_choices(const parsed_args& args, index_input_request& r) {
    if (const auto a = args.get("--as-of")) {
        r.as_of = date::parse(*a);
        if (!r.as_of) throw usage_error("--as-of must be a date YYYY-MM-DD, not '" + *a + "'");
    }
    if (const auto y = args.get("--year")) {
        if (r.as_of) throw usage_error("give --as-of or --year, not both");
        r.year = detail::input_number(*y);
        if (!r.year || (!r.coinr && (*r.year != std::floor(*r.year) || *r.year < 1 || *r.year > 9999))) {
            throw usage_error("--year must be " + std::string(r.coinr ? "a number (a Time of iData)" : "a year YYYY") +
                              ", not '" + *y + "'");
        }
    }
    if (const auto l = args.get("--lang"))
        r.lang = one_of("--lang", *l, {"vi", "en"}) == "vi" ? language::vi : language::en;
}

/// The dataset options `r` names (--root, --as-of, --year, --merge-successors, --lang; without
/// the tree builder's notes).
inline dataset_input_options dataset_options(const index_input_request& r) {
    dataset_input_options opt;
    opt.root = r.root;
    opt.as_of = r.as_of;
    if (r.year) opt.year = static_cast<int>(*r.year);
    opt.merge_successors = r.merge;
    opt.name_language = r.lang;
    opt.tree_notes = false;
    return opt;
}

/// Reads the input `r` names and builds it with the library (coinr_index_input or
/// dataset_index_input). Throws io_failure when a file cannot be read; prints the input's
/// problems to `err` (notes too: which Time of panel data is used, which merged entity has data
/// of its own; not the tree builder's notes) and returns nullopt when there is an error.
inline std::optional<index_input> load_index_input(std::ostream& err, const index_input_request& r) {
    index_input in;
    in.coinr = r.coinr;
    in.file = r.coinr ? r.path : input_name(r.path);
    index_input_result built;
    if (r.coinr) {
        std::string data_text, meta_text;
        try {
            data_text = read_file(r.path);
            meta_text = read_file(r.meta);
        } catch (const io_error& e) {
            throw io_failure(e.what());
        }
        coinr_options opt;
        opt.data_source = r.path;
        opt.meta_source = r.meta;
        opt.time = r.year;
        built = coinr_index_input(data_text, meta_text, opt);
    } else {
        const auto ds = load_checked(err, r.path);
        if (!ds) return std::nullopt;
        built = dataset_index_input(*ds, dataset_options(r));
    }
    detail::print_index_diagnostics(err, in, built.diagnostics, severity::info);
    if (!built.ok()) return std::nullopt;
    static_cast<dxframe::index_input&>(in) = std::move(*built.input);
    return in;
}

/// Reads the index input named by the command line (index_input_source, then
/// parse_index_input_choices, then load_index_input): usage_error for wrong arguments,
/// io_failure when a file cannot be read, nullopt (problems printed to `err`) for bad data.
inline std::optional<index_input> load_index_input(std::ostream& err, const parsed_args& args) {
    index_input_request r = index_input_source(args);
    parse_index_input_choices(args, r);
    return load_index_input(err, r);
}

/// The index methods given on the command line: --normalise and --aggregate (repeatable: SPEC
/// for the default, ID=SPEC for one indicator or node), --min-share, --rank-decimals. Throws
/// usage_error for a malformed value.
inline index_spec parse_index_spec(const parsed_args& args) {
    index_spec spec;
    auto split = [](const std::vector<std::string>& values, const std::string& option,
                    std::optional<std::string>& global, std::vector<std::pair<std::string, std::string>>& per_id) {
        for (const auto& v : values) {
            const auto eq = v.find('=');
            if (eq == std::string::npos) {
                if (global) throw usage_error(option + " SPEC given twice ('" + *global + "' and '" + v + "')");
                global = v;
            } else {
                if (eq == 0) throw usage_error(option + " '" + v + "': the ID before '=' is empty");
                per_id.emplace_back(v.substr(0, eq), v.substr(eq + 1));
            }
        }
    };
    std::optional<std::string> norm_global, agg_global;
    std::vector<std::pair<std::string, std::string>> norm_ids, agg_ids;
    split(args.all("--normalise"), "--normalise", norm_global, norm_ids);
    split(args.all("--aggregate"), "--aggregate", agg_global, agg_ids);
    if (norm_global) spec.normalise = parse_normalise_spec(*norm_global);
    if (agg_global) spec.aggregate = parse_aggregate_spec(*agg_global);
    for (const auto& [id, s] : norm_ids)
        spec.indicator_normalise[id] = parse_normalise_spec(s, "--normalise " + id);
    for (const auto& [id, s] : agg_ids)
        spec.node_aggregate[id] = parse_aggregate_spec(s, "--aggregate " + id);
    if (const auto m = args.get("--min-share")) {
        const auto v = detail::input_number(*m);
        if (!v || *v < 0 || *v > 1) throw usage_error("--min-share must be a number between 0 and 1, not '" + *m + "'");
        spec.min_share = *v;
    }
    if (const auto d = args.get("--rank-decimals")) {
        const auto v = detail::input_number(*d);
        if (!v || *v < 0 || *v > 15 || *v != std::floor(*v)) {
            throw usage_error("--rank-decimals must be a whole number from 0 to 15, not '" + *d + "'");
        }
        spec.rank.decimals = static_cast<int>(*v);
    }
    return spec;
}

/// Throws usage_error when an ID=SPEC of `spec` names no element of `tree` (a typo is a usage
/// error, not silence).
inline void check_index_spec_ids(const index_spec& spec, const index_tree& tree) {
    for (const auto& [id, n] : spec.indicator_normalise) {
        if (!tree.find_indicator(id)) throw usage_error("--normalise " + id + "=...: no indicator '" + id + "'");
    }
    for (const auto& [id, m] : spec.node_aggregate) {
        if (!tree.find_node(id)) throw usage_error("--aggregate " + id + "=...: no node '" + id + "'");
    }
}

/// An index input and its index.
struct computed_index {
    index_input input;    ///< What was read.
    index_result result;  ///< Its index, every level.
};

/// Reads the input `request` names (after parse_index_input_choices) and computes its index with
/// `spec`: problems go to `err`; nullopt when the input has errors or the index cannot be
/// computed (the caller returns exit_data_error). Throws usage_error when `spec` names an
/// element the tree does not have.
inline std::optional<computed_index> load_and_compute_index(std::ostream& err, const index_input_request& request,
                                                            const index_spec& spec) {
    std::optional<index_input> in = load_index_input(err, request);
    if (!in) return std::nullopt;
    check_index_spec_ids(spec, in->tree);
    index_result res = compute_index(in->tree, in->values, in->units, spec);
    detail::print_index_diagnostics(err, *in, res.diagnostics, severity::info);
    if (!res.ok()) return std::nullopt;
    return computed_index{std::move(*in), std::move(res)};
}

}  // namespace dxframe::cli
