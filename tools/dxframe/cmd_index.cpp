// SPDX-License-Identifier: MIT
// `dxframe index (FILE | --data iData.csv --meta iMeta.csv) [--normalise SPEC] [--aggregate SPEC]
// [--format csv|json|md|html]`: a composite index over a tree of indicators — normalise,
// aggregate, rank — from a dxframe/1 dataset or from COINr's iData/iMeta tables. A thin layer:
// read the input (index_input.hpp: the tree, the unit × indicator matrix, the unit names),
// dxframe::compute_index, render it (report/index.hpp, report/index_html.hpp), write.
#include <optional>
#include <string>
#include <vector>

#include <dxframe/index.hpp>
#include <dxframe/report/format.hpp>
#include <dxframe/report/index.hpp>
#include <dxframe/report/index_html.hpp>

#include "cli.hpp"
#include "index_input.hpp"
#include "index_pipeline.hpp"
#include "output.hpp"
#include "spec.hpp"

namespace {

using dxframe::cli::usage_error;

constexpr const char* index_usage =
    "Usage: dxframe index FILE [--root NODE] [--as-of YYYY-MM-DD | --year YYYY] [--merge-successors]\n"
    "                          [--lang vi|en] [OPTIONS]\n"
    "       dxframe index --data iData.csv --meta iMeta.csv [--year TIME] [--lang vi|en] [OPTIONS]\n"
    "\n"
    "Computes a composite index over a tree of indicators: normalise every indicator, aggregate\n"
    "node by node up to the index, rank the units (ties share a rank: 1, 2, 2, 4). The input is\n"
    "a dxframe/1 dataset (FILE, '-' for standard input: the framework's nodes and indicators\n"
    "form the tree, each entity's latest observation of each indicator is its value) or COINr's\n"
    "iData and iMeta tables (CSV, validated with COINr's rules). Methods and formulas:\n"
    "docs/index-methods.md.\n"
    "\n"
    "Options:\n"
    "  --normalise SPEC       normaliser for every indicator (default minmax:0:100). SPEC is one of\n"
    "                         none, minmax:L:U, zscore:M:S, rank, percentile_rank, borda,\n"
    "                         goalposts[:A], distance_to_target, distance_to_max, fraction_of_max\n"
    "  --normalise ID=SPEC    for one indicator (repeatable)\n"
    "  --aggregate SPEC       aggregator for every node without its own method (default\n"
    "                         arithmetic): arithmetic, geometric, harmonic, genmean:P, median\n"
    "  --aggregate ID=SPEC    for one node (repeatable)\n"
    "  --min-share X          a node is missing for a unit when the share of its children present\n"
    "                         is below X (0-1; default 0: missing only when none is present)\n"
    "  --rank-decimals N      rank values rounded to N decimals (the DTI ranks its published\n"
    "                         4-decimal values, so equal published values share a rank)\n"
    "  --format F             csv (default): one row per unit in input order, columns uCode, every\n"
    "                         normalised indicator, every aggregate (lowest level first, the index\n"
    "                         last), Rank; numbers with 17 significant digits, missing empty.\n"
    "                         json: columns, units with every value, diagnostics. md: a table by\n"
    "                         rank. html: one self-contained page (ranked bars stacked by each\n"
    "                         component's contribution, the framework with effective weights,\n"
    "                         the results table by rank). Without --format, -o FILE\n"
    "                         picks it from the extension\n"
    "  --lang vi|en           language of the Markdown and HTML reports, and of a dataset's names\n"
    "                         (default en)\n"
    "  -o, --output FILE      write to FILE instead of standard output (a regular file\n"
    "                         atomically; a device or a pipe directly)\n"
    "Dataset only:\n"
    "  --root NODE            the index under this node (a framework may hold several)\n"
    "  --as-of DATE           use observations up to DATE (the latest of each)\n"
    "  --year YYYY            use observations dated in YYYY (the latest of each)\n"
    "  --merge-successors     score each merged entity (successor_of) as the mean of its\n"
    "                         predecessors' values, indicator by indicator (the DTI 2024 rule)\n"
    "COINr tables only:\n"
    "  --year TIME            panel data: the Time to use (default the latest)\n"
    "Pipeline (COINr's order: denominate, impute, treat, then normalise, aggregate, rank; see\n"
    "docs/index-methods.md):\n"
    "  --denominate           divide each indicator by its denominator (iMeta's Denominator column;\n"
    "                         iData's columns of Type Denominator; for a dataset, an indicator's\n"
    "                         denominator and denominator_scale)\n"
    "  --denominator ID=COL[:SCALE]  indicator ID divided by COL / SCALE (a denominator column, or\n"
    "                         for a dataset an indicator outside the index); implies --denominate.\n"
    "                         Given at all, these replace iMeta's Denominator column (as COINr's\n"
    "                         denomby): only the indicators named are denominated\n"
    "  --impute SPEC          fill missing values of every indicator: mean, median,\n"
    "                         mean_group:COLUMN, median_group:COLUMN (a group column of iData, or an\n"
    "                         entity group attribute of a dataset), and with --years latest\n"
    "                         (the unit's latest earlier value) or interpolate (linear between years)\n"
    "  --impute ID=SPEC       for one indicator (repeatable)\n"
    "  --impute-max-time N    with --years, latest: look back at most N periods\n"
    "  --treat SPEC           outlier treatment of every indicator: none, or\n"
    "                         winsorise[:MAX_POINTS[:SKEW:KURTOSIS]] (COINr's default Treat; defaults\n"
    "                         5, 2, 3.5: winsorise while |skewness| >= SKEW and kurtosis >= KURTOSIS,\n"
    "                         then the log transform if that fails); an indicator with too few\n"
    "                         values to test (3 for skewness, 4 for kurtosis) is an error; one\n"
    "                         whose test is undefined (all values equal, or an infinite value) is\n"
    "                         left untreated with a warning, as COINr's Treat does\n"
    "  --treat ID=SPEC        for one indicator (repeatable)\n"
    "  --dset TABLE           print one table of the pipeline instead of the index, as CSV (uCode,\n"
    "                         the indicators in iMeta order, 17 significant digits, missing empty):\n"
    "                         raw, denominated, imputed, treated, normalised, or aggregated (the\n"
    "                         normalised indicators and every aggregate); with --years a Time column\n"
    "                         follows uCode and every year is printed\n"
    "  --years all|Y1,Y2,...  several years at once (COINr's iData Time column, or a dataset's\n"
    "                         observation years, whole numbers 1 to 9999). csv: uCode,Time,Index,\n"
    "                         Rank,RankChange,IndexChange, one row per unit and year; RankChange\n"
    "                         (places gained) and IndexChange\n"
    "                         since the first year chosen are filled on the last year's rows. json:\n"
    "                         scores, changes, imputation counts, treatment log. md, html: the last\n"
    "                         year's report with the rank change since the first\n"
    "  --panel-normalise pooled|per-year  with --years: normalise the years chosen together (default,\n"
    "                         as COINr's panel, so a score means the same every year) or each year\n"
    "                         on its own (ranks then equal each year's own index)\n"
    "\n"
    "Exit codes: 0 success (warnings on standard error); 1 the input has errors, or the index\n"
    "cannot be computed as asked (diagnostics on standard error); 2 usage error, or a file that\n"
    "cannot be read or written.\n";

// The methods in the notation of --normalise and --aggregate, for the title of the page.
std::string methods_line(const dxframe::index_spec& spec) {
    std::string s = "normalise " + dxframe::cli::to_spec(spec.normalise);
    for (const auto& [id, n] : spec.indicator_normalise)
        s += ", " + id + "=" + dxframe::cli::to_spec(n);
    s += "; aggregate " + dxframe::cli::to_spec(spec.aggregate);
    for (const auto& [id, m] : spec.node_aggregate)
        s += ", " + id + "=" + dxframe::cli::to_spec(m);
    if (spec.min_share > 0) s += "; min share " + dxframe::shortest_number(spec.min_share);
    return s;
}

int run_index(dxframe::cli::context& ctx) {
    std::vector<std::string> value_options{"--data",          "--meta",   "--normalise", "--aggregate", "--min-share",
                                           "--rank-decimals", "--format", "-o",          "--output",    "--root",
                                           "--as-of",         "--year",   "--lang"};
    value_options.insert(value_options.end(), dxframe::cli::pipeline_options.begin(),
                         dxframe::cli::pipeline_options.end());
    std::vector<std::string> flags{"--merge-successors"};
    flags.insert(flags.end(), dxframe::cli::pipeline_flags.begin(), dxframe::cli::pipeline_flags.end());
    const dxframe::cli::parsed_args args(ctx.args, value_options, flags);
    // Checked in this order, so that the first problem is the one reported: which input, the
    // output, the methods, then which part of the input.
    dxframe::cli::index_input_request request = dxframe::cli::index_input_source(args);
    if (args.has("-o") && args.has("--output")) throw usage_error("give -o or --output, not both");
    std::optional<std::string> output = args.get("-o");
    if (!output) output = args.get("--output");

    const std::string format = dxframe::cli::output_format(args, output, {"csv", "json", "md", "html"}, "csv");

    const dxframe::index_spec spec = dxframe::cli::parse_index_spec(args);
    dxframe::cli::parse_index_input_choices(args, request);
    if (dxframe::cli::pipeline_requested(args)) {
        const dxframe::cli::pipeline_request pipeline = dxframe::cli::parse_pipeline_request(args, spec);
        dxframe::cli::pipeline_output how;
        how.format = format;
        how.report.lang = request.lang;
        how.report.methods = dxframe::cli::pipeline_methods(pipeline.options.spec);
        how.report.methods += (how.report.methods.empty() ? "" : "; ") + methods_line(spec);
        const auto text = dxframe::cli::run_pipeline_command(ctx.err, request, pipeline, how);
        if (!text) return dxframe::cli::exit_data_error;
        dxframe::cli::write_output(ctx, output, *text);
        return dxframe::cli::exit_ok;
    }
    const auto computed = dxframe::cli::load_and_compute_index(ctx.err, request, spec);
    if (!computed) return dxframe::cli::exit_data_error;
    const dxframe::cli::index_input* in = &computed->input;
    const dxframe::index_result& res = computed->result;

    dxframe::index_report_options options;
    options.lang = request.lang;
    options.methods = methods_line(spec);
    std::string text;
    if (format == "csv") {
        text = dxframe::render_index_csv(in->tree, res);
    } else if (format == "json") {
        text = dxframe::render_index_json(in->tree, res, in->names, spec);
    } else if (format == "md") {
        text = dxframe::render_index_markdown(in->tree, res, in->names, options);
    } else {
        text = dxframe::render_index_html(in->tree, res, in->names, spec, options);
    }
    dxframe::cli::write_output(ctx, output, text);
    return dxframe::cli::exit_ok;
}

const dxframe::cli::registrar index_command{
    {"index", "composite index: normalise, aggregate over a tree, rank (dataset or COINr tables)", index_usage,
     run_index}};

}  // namespace
