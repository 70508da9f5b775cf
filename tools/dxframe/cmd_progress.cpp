// SPDX-License-Identifier: MIT
// `dxframe progress FILE [--as-of DATE] [--method M] [--format json|csv|md]`: where every target
// of a dataset stands at a date, one row per (target, entity). A thin layer: load, validate,
// dxframe::make_progress_report, render, write (loading and diagnostics: input.hpp, shared by every command).
#include <optional>
#include <string>
#include <vector>

#include <dxframe/progress/progress_report.hpp>
#include <dxframe/report/progress.hpp>

#include "cli.hpp"
#include "input.hpp"
#include "output.hpp"
#include "progress_args.hpp"

namespace {

constexpr const char* progress_usage_head =
    "Usage: dxframe progress FILE [--as-of YYYY-MM-DD] [--method linear|growth_ratio|projection]\n"
    "                        [--format json|csv|md] [--base-date YYYY-MM-DD] [--all-entities]\n"
    "                        [--thresholds ON,ACC,LIM] [--growth-thresholds ON,ACC,LIM]\n"
    "                        [--ignore-target-methods] [--stale-after MONTHS]\n"
    "                        [--result-window MONTHS] [-o FILE]\n"
    "\n"
    "Assesses every target of a dxframe/1 dataset (FILE, or '-' for standard input) at a date:\n"
    "one row per (target, entity) with its status - achieved, on_track, needs_acceleration,\n"
    "limited_progress, deterioration, overdue, unreported (deadline passed, no result in the\n"
    "result window), insufficient_data (with the reason) or no_data (nothing reported yet) -\n"
    "the measures behind it, and the date and age of the latest observation (stale when older\n"
    "than --stale-after). Methods, statuses and formulas: docs/progress.md.\n"
    "\n"
    "Options:\n"
    "  --as-of DATE       assess as of this date (default: today, UTC); later observations\n"
    "                     are ignored\n"
    "  --format F         json (default): an array of objects with target, indicator, entity,\n"
    "                     status, progress, expected, ratio, latest {date, value}, projected,\n"
    "                     deadline and more (null when not applicable); csv: one row per\n"
    "                     assessment, numbers with 17 significant digits; md: a Markdown table\n"
    "  --base-date DATE   for targets without a baseline, start at the first observation on or\n"
    "                     after DATE (default: the first observation)\n"
    "  --all-entities     also assess each target for every other entity reporting its\n"
    "                     indicator (e.g. a national target for each province)\n";
constexpr const char* progress_usage_tail =
    "  -o, --output FILE  write to FILE instead of standard output (a regular file atomically;\n"
    "                     a device or a pipe directly)\n"
    "\n"
    "Exit codes: 0 success; 1 the dataset has errors (diagnostics on standard error);\n"
    "2 usage error, or a file that cannot be read or written.\n";

dxframe::date parse_date(const std::string& option, const std::string& text) {
    const auto d = dxframe::date::parse(text);
    if (!d) throw dxframe::cli::usage_error("option " + option + " needs a date YYYY-MM-DD, not '" + text + "'");
    return *d;
}

int run_progress(dxframe::cli::context& ctx) {
    using dxframe::cli::usage_error;
    std::vector<std::string> value_options = dxframe::cli::progress_value_options;
    value_options.insert(value_options.end(), {"--as-of", "--format", "--base-date", "-o", "--output"});
    std::vector<std::string> flags = dxframe::cli::progress_flags;
    flags.emplace_back("--all-entities");
    const dxframe::cli::parsed_args args(ctx.args, value_options, flags);
    const auto& files = args.positionals();
    if (files.empty()) throw usage_error("which dataset file?");
    if (files.size() > 1) throw usage_error("one dataset file at a time, not " + std::to_string(files.size()));
    if (args.has("-o") && args.has("--output")) throw usage_error("give -o or --output, not both");

    dxframe::progress_options options;
    dxframe::cli::read_progress_options(args, options);
    const std::string format =
        dxframe::cli::one_of("--format", args.get("--format").value_or("json"), {"json", "csv", "md"});
    const dxframe::date as_of =
        args.get("--as-of") ? parse_date("--as-of", *args.get("--as-of")) : dxframe::date::today();
    if (const auto b = args.get("--base-date")) options.base_date = parse_date("--base-date", *b);
    const auto scope = args.has("--all-entities") ? dxframe::entity_scope::all_observed : dxframe::entity_scope::bound;

    // Same input handling as every command: FILE or "-", loader and validator problems on
    // standard error, exit 1 on any error.
    const auto data = dxframe::cli::load_checked(ctx.err, files.front());
    if (!data) return dxframe::cli::exit_data_error;

    const dxframe::progress_report report = dxframe::make_progress_report(*data, as_of, options, scope);
    const std::string text = format == "json"  ? dxframe::render_json(report)
                             : format == "csv" ? dxframe::render_csv(report)
                                               : dxframe::render_markdown(report);

    std::optional<std::string> output = args.get("-o");
    if (!output) output = args.get("--output");
    dxframe::cli::write_output(ctx, output, text);
    return dxframe::cli::exit_ok;
}

const dxframe::cli::registrar progress_command{
    {"progress", "assess every target at a date: status, progress, projection",
     std::string(progress_usage_head) + dxframe::cli::progress_options_help + progress_usage_tail, run_progress}};

}  // namespace
