// SPDX-License-Identifier: MIT
// `dxframe uncertainty` and `dxframe sensitivity`: how robust an index's ranking is to its
// weights, normaliser, aggregator, imputation and outlier treatment. A thin layer: read the index input (index_input.hpp),
// parse the uncertain inputs, call dxframe::run_uncertainty / run_sensitivity, write the report
// the library renders (report/uncertainty.hpp, report/sensitivity.hpp).
#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include <dxframe/error.hpp>
#include <dxframe/report/sensitivity.hpp>
#include <dxframe/report/uncertainty.hpp>
#include <dxframe/uncertainty.hpp>

#include "cli.hpp"
#include "index_input.hpp"
#include "output.hpp"
#include "spec.hpp"

namespace {

using dxframe::cli::usage_error;

constexpr const char* common_usage =
    "Uncertain inputs (at least one):\n"
    "  --weight-noise L:F[,L:F...]\n"
    "                     perturb every weight at tree level L (1 = indicators) to\n"
    "                     w * (1 + F * U(-1, 1)), 0 <= F <= 1; each level is one input\n"
    "  --group-weights    make all the weight noise a single input\n"
    "  --normalise-alternatives SPEC[,SPEC...]\n"
    "                     normalisers to choose from, equally likely (e.g. minmax:1:100,zscore:10:2)\n"
    "  --aggregate-alternatives SPEC[,SPEC...]\n"
    "                     aggregators to choose from, equally likely (e.g. arithmetic,geometric)\n"
    "  --impute-alternatives SPEC[;ID=SPEC...][,SPEC...]\n"
    "                     imputations of the missing values to choose from, equally likely\n"
    "                     (e.g. none,mean,median,mean_group:GDP_group; ID=SPEC after ';' for one\n"
    "                     indicator; groups: iData's Group columns or the entities' groups)\n"
    "  --treat-alternatives SPEC[;ID=SPEC...][,SPEC...]\n"
    "                     outlier treatments of the imputed data to choose from, equally likely\n"
    "                     (e.g. none,winsorise:5:2:3.5,winsorise:3)\n"
    "                     The nominal index uses the nominal weights and the first SPEC of each list;\n"
    "                     the data is imputed, then treated, then normalised, as dxframe index does.\n"
    "Index (as in dxframe index):\n"
    "  --normalise [ID=]SPEC\n"
    "                     the normaliser (default minmax:0:100), or ID's own; alternatives replace\n"
    "                     the default, not an ID's own\n"
    "  --aggregate [ID=]SPEC\n"
    "                     the aggregator (default arithmetic), or node ID's own; likewise\n"
    "  SPECs: normalisers none, minmax:L:U, zscore:M:S, rank, percentile_rank, borda,\n"
    "         goalposts[:A], distance_to_target, distance_to_max, fraction_of_max;\n"
    "         aggregators arithmetic, geometric, harmonic, genmean:P, median;\n"
    "         imputations none, mean, median, mean_group:COLUMN, median_group:COLUMN;\n"
    "         treatments none, winsorise[:MAX_POINTS[:SKEW:KURTOSIS]] (defaults 5, 2, 3.5)\n"
    "Input:\n";

constexpr const char* lang_usage =
    "  --lang L           words of the md and html reports (and entity names of a dataset FILE):\n"
    "                     vi or en (default: vi when LC_ALL, LC_MESSAGES or LANG starts with vi)\n";

constexpr const char* run_usage =
    "Running:\n"
    "  --seed S           random seed (default 1): the same seed gives the same output, bit for\n"
    "                     bit, with any number of threads\n"
    "  --threads T        worker threads (default: all cores)\n"
    "  --reference        compute every replication with the plain index engine (slower; the\n"
    "                     same result - for checking)\n"
    "  -o, --output FILE  write to FILE instead of standard output (a regular file\n"
    "                     atomically; a device or a pipe directly)\n"
    "A progress bar is shown on standard error when it is a terminal.\n"
    "\n"
    "Exit codes: 0 success (failed replications are reported on standard error and in the\n"
    "output, and left out of the statistics); 1 the input has errors, or the nominal index or\n"
    "every replication failed; 2 usage error, or a file that cannot be read or written.\n"
    "Method: docs/uncertainty.md.\n";

std::string uncertainty_usage() {
    return std::string(
               "Usage: dxframe uncertainty (FILE | --data iData.csv --meta iMeta.csv) [--runs N] [--seed S]\n"
               "           [--weight-noise L:F,...] [--normalise-alternatives SPEC,...]\n"
               "           [--aggregate-alternatives SPEC,...] [--impute-alternatives SPEC,...]\n"
               "           [--treat-alternatives SPEC,...] [--threads T] [--scores]\n"
               "           [--format csv|json|md|html] [--lang vi|en] [-o FILE]\n"
               "\n"
               "Monte Carlo uncertainty analysis of the index ranking: N replications each draw weight\n"
               "noise, a normaliser, an aggregator (and an imputation and a treatment when given\n"
               "alternatives), rebuild the index and rank it. Per unit: the nominal rank and the mean,\n"
               "median, 5th and 95th percentile of its rank.\n"
               "\n") +
           common_usage + dxframe::cli::index_input_usage +
           "Output:\n"
           "  --runs N           replications (default 1000)\n"
           "  --scores           also summarise the index values (csv: Score_* columns)\n"
           "  --format F         csv (default): uCode,Nominal,Mean,Median,Q5,Q95, one row per unit in\n"
           "                     input order, numbers with 17 significant digits, empty = none;\n"
           "                     json: the whole result (inputs, statistics, failures, diagnostics);\n"
           "                     md: a Markdown table; html: one self-contained page with the rank\n"
           "                     intervals as a chart, sorted by nominal rank, and a table. Without\n"
           "                     --format, -o FILE picks it from the extension (.csv .json .md .html)\n" +
           lang_usage + run_usage;
}

std::string sensitivity_usage() {
    return std::string(
               "Usage: dxframe sensitivity (FILE | --data iData.csv --meta iMeta.csv) [--runs N] [--seed S]\n"
               "           [--weight-noise L:F,...] [--normalise-alternatives SPEC,...]\n"
               "           [--aggregate-alternatives SPEC,...] [--impute-alternatives SPEC,...]\n"
               "           [--treat-alternatives SPEC,...] [--target T] [--bootstrap B]\n"
               "           [--threads T] [--format csv|json|md|html] [--lang vi|en] [-o FILE]\n"
               "\n"
               "Variance-based sensitivity analysis of the index ranking: a Saltelli design of N(d+2)\n"
               "replications for d uncertain inputs, first-order (Si) and total (STi) Sobol indices of\n"
               "each input with bootstrap 5-95% intervals.\n"
               "\n") +
           common_usage + dxframe::cli::index_input_usage +
           "Output:\n"
           "  --runs N           base sample size N (default 500; N(d+2) replications are run)\n"
           "  --target T         what to explain: mean-rank-shift (default: the mean over units of\n"
           "                     |rank - nominal rank|), rank:UNIT or score:UNIT (one unit's rank or\n"
           "                     index value)\n"
           "  --bootstrap B      bootstrap resamples for the intervals (default 1000; 0 = none)\n"
           "  --format F         csv (default): Input,Si,Si_Q5,Si_Q95,STi,STi_Q5,STi_Q95, one row per\n"
           "                     input, 17 significant digits, empty = undefined; json: the whole\n"
           "                     result; md: a Markdown table; html: one self-contained page with Si\n"
           "                     and STi as bars with their intervals, and a table. Without --format,\n"
           "                     -o FILE picks it from the extension (.csv .json .md .html)\n" +
           lang_usage + run_usage;
}

std::vector<std::string> split_list(const std::string& text) {
    std::vector<std::string> out;
    std::size_t start = 0;
    for (;;) {
        const std::size_t comma = text.find(',', start);
        out.push_back(text.substr(start, comma == std::string::npos ? std::string::npos : comma - start));
        if (comma == std::string::npos) break;
        start = comma + 1;
    }
    return out;
}

std::uint64_t parse_unsigned(const std::string& option, const std::string& text, std::uint64_t min) {
    if (text.empty() || text.find_first_not_of("0123456789") != std::string::npos) {
        throw usage_error(option + ": '" + text + "' is not a whole number");
    }
    errno = 0;
    const unsigned long long v = std::strtoull(text.c_str(), nullptr, 10);
    if (errno == ERANGE) throw usage_error(option + ": '" + text + "' is too large");
    if (v < min) throw usage_error(option + " must be at least " + std::to_string(min));
    return static_cast<std::uint64_t>(v);
}

// What both commands read from the command line.
struct analysis_setup {
    dxframe::cli::index_input input;
    dxframe::index_spec spec;
    dxframe::uncertainty_plan plan;
    std::uint64_t seed = 1;
    unsigned threads = 0;
    bool reference = false;
    std::string format = "csv";
    dxframe::analysis_report_options report;
    std::optional<std::string> output;
};

const std::vector<std::string> shared_value_options = {"--normalise-alternatives",
                                                       "--aggregate-alternatives",
                                                       "--impute-alternatives",
                                                       "--treat-alternatives",
                                                       "--weight-noise",
                                                       "--runs",
                                                       "--seed",
                                                       "--threads",
                                                       "--format",
                                                       "--lang",
                                                       "-o",
                                                       "--output"};

std::vector<std::string> value_options(std::vector<std::string> extra) {
    std::vector<std::string> v = shared_value_options;
    v.insert(v.end(), dxframe::cli::index_input_options.begin(), dxframe::cli::index_input_options.end());
    v.insert(v.end(), extra.begin(), extra.end());
    return v;
}

std::vector<std::string> flag_options(std::vector<std::string> extra) {
    std::vector<std::string> v = dxframe::cli::index_input_flags;
    v.insert(v.end(), extra.begin(), extra.end());
    return v;
}

// Parses the uncertain inputs and the run options (not the input files).
void parse_setup(const dxframe::cli::parsed_args& args, analysis_setup& s) {
    s.spec = dxframe::cli::parse_index_spec(args);
    if (const auto v = args.get("--normalise-alternatives")) {
        for (const auto& item : split_list(*v)) {
            s.plan.normalise_alternatives.push_back(
                dxframe::cli::parse_normalise_spec(item, "--normalise-alternatives"));
        }
    }
    if (const auto v = args.get("--aggregate-alternatives")) {
        for (const auto& item : split_list(*v)) {
            s.plan.aggregate_alternatives.push_back(
                dxframe::cli::parse_aggregate_spec(item, "--aggregate-alternatives"));
        }
    }
    if (const auto v = args.get("--impute-alternatives")) {
        try {
            s.plan.impute_alternatives = dxframe::parse_imputation_alternatives(*v);
            dxframe::check_uncertainty_plan(s.plan);
        } catch (const dxframe::error& e) {
            throw usage_error(std::string("--impute-alternatives: ") + e.what());
        }
    }
    if (const auto v = args.get("--treat-alternatives")) {
        try {
            s.plan.treat_alternatives = dxframe::parse_treat_alternatives(*v);
        } catch (const dxframe::error& e) {
            throw usage_error(std::string("--treat-alternatives: ") + e.what());
        }
    }
    if (const auto v = args.get("--weight-noise")) {
        try {
            s.plan.weight_noise = dxframe::parse_weight_noise(*v);
        } catch (const dxframe::error& e) {
            throw usage_error(std::string("--weight-noise: ") + e.what());
        }
    }
    s.plan.group_weight_levels = args.has("--group-weights");
    if (!dxframe::has_uncertain_input(s.plan)) {
        throw usage_error(
            "nothing is uncertain: give --weight-noise, or two or more --normalise-alternatives, "
            "--aggregate-alternatives, --impute-alternatives or --treat-alternatives");
    }
    if (const auto v = args.get("--seed")) s.seed = parse_unsigned("--seed", *v, 0);
    if (const auto v = args.get("--threads")) {
        const std::uint64_t t = parse_unsigned("--threads", *v, 1);
        if (t > 1024) throw usage_error("--threads: at most 1024");
        s.threads = static_cast<unsigned>(t);
    }
    s.reference = args.has("--reference");
    if (args.has("-o") && args.has("--output")) throw usage_error("give -o or --output, not both");
    s.output = args.get("-o");
    if (!s.output) s.output = args.get("--output");
    s.format = dxframe::cli::output_format(args, s.output, {"csv", "json", "md", "html"}, "csv");
    s.report.lang = dxframe::cli::language_from_environment();
    if (const auto v = args.get("--lang")) {
        s.report.lang =
            dxframe::cli::one_of("--lang", *v, {"vi", "en"}) == "vi" ? dxframe::language::vi : dxframe::language::en;
    }
}

// A progress bar on standard error, redrawn in place; quiet unless stderr is a terminal.
dxframe::progress_callback progress_bar(dxframe::cli::context& ctx, const char* what) {
    if (!ctx.err_is_terminal) return {};
    std::ostream* err = &ctx.err;
    return [err, what](std::size_t done, std::size_t total) {
        const int width = 30;
        const double share = total == 0 ? 1.0 : static_cast<double>(done) / static_cast<double>(total);
        const int filled = static_cast<int>(share * width);
        std::string bar(static_cast<std::size_t>(filled), '#');
        bar.resize(static_cast<std::size_t>(width), '.');
        char pct[16];
        std::snprintf(pct, sizeof pct, "%3d%%", static_cast<int>(share * 100.0));
        *err << "\r" << what << " [" << bar << "] " << pct << " " << done << "/" << total;
        if (done == total) *err << "\n";
        err->flush();
        return true;
    };
}

// Failures and other analysis diagnostics, on standard error.
void report(dxframe::cli::context& ctx, const std::vector<dxframe::diagnostic>& diags,
            const std::vector<dxframe::failure_group>& failures, const std::vector<dxframe::normalisation>& norms,
            const std::vector<dxframe::aggregation_method>& aggs, const std::vector<dxframe::uncertain_input>& inputs,
            const dxframe::cli::index_input& in) {
    dxframe::cli::detail::print_index_diagnostics(ctx.err, in, diags);
    for (const auto& f : failures) {
        ctx.err << "  " << f.count << " failed with " << dxframe::cli::to_spec(norms[f.normaliser]) << " + "
                << dxframe::cli::to_spec(aggs[f.aggregator]);
        for (const auto& input : inputs) {
            if (input.kind == dxframe::uncertain_input_kind::imputation)
                ctx.err << " + " << input.choices[f.imputation];
            if (input.kind == dxframe::uncertain_input_kind::treatment) ctx.err << " + " << input.choices[f.treatment];
        }
        ctx.err << " (first: replication " << f.first_replication << "): " << f.first_error.message << "\n";
    }
}

bool load(dxframe::cli::context& ctx, const dxframe::cli::parsed_args& args, analysis_setup& s) {
    auto in = dxframe::cli::load_index_input(ctx.err, args);
    if (!in) return false;
    s.input = std::move(*in);
    dxframe::cli::check_index_spec_ids(s.spec, s.input.tree);
    s.report.unit_names = s.input.names;
    return true;
}

// Builds the model, runs `analysis` on it (with a progress bar) and reports its failed
// replications and diagnostics on standard error. What the library refuses before it runs (a
// plan the input cannot carry, e.g. weight noise at a level the tree does not have, or a target
// unit it does not have) is a usage error.
template <class Options, class Analysis>
auto analyse(dxframe::cli::context& ctx, const analysis_setup& s, Options opt, const char* what, Analysis analysis) {
    opt.progress = progress_bar(ctx, what);
    try {
        const dxframe::uncertainty_model model(s.input.tree, s.input.values, s.input.units, s.spec, s.plan,
                                               &s.input.groups, s.input.coinr ? s.input.file : std::string());
        auto r = analysis(model, opt);
        report(ctx, r.diagnostics, r.failures, r.normalisers, r.aggregators, r.inputs, s.input);
        return r;
    } catch (const dxframe::error& e) {
        throw usage_error(e.what());
    }
}

// Renders `r` in the chosen format with `render` (csv, json, md, html) and writes it.
template <class Result, class Csv, class Json, class Markdown, class Html>
void write(dxframe::cli::context& ctx, const analysis_setup& s, const Result& r, Csv csv, Json json, Markdown md,
           Html html) {
    const std::string text = s.format == "json"   ? json(r)
                             : s.format == "md"   ? md(r, s.report.lang)
                             : s.format == "html" ? html(r, s.report)
                                                  : csv(r);
    dxframe::cli::write_output(ctx, s.output, text);
}

int run_uncertainty_command(dxframe::cli::context& ctx) {
    const dxframe::cli::parsed_args args(ctx.args, value_options({}),
                                         flag_options({"--group-weights", "--scores", "--reference"}));
    analysis_setup s;
    parse_setup(args, s);
    dxframe::uncertainty_options opt;
    opt.runs = 1000;
    if (const auto v = args.get("--runs")) opt.runs = static_cast<std::size_t>(parse_unsigned("--runs", *v, 1));
    opt.seed = s.seed;
    opt.threads = s.threads;
    opt.scores = args.has("--scores");
    opt.reference_engine = s.reference;
    if (!load(ctx, args, s)) return dxframe::cli::exit_data_error;

    const dxframe::uncertainty_result r = analyse(
        ctx, s, opt, "uncertainty", [](const auto& m, const auto& o) { return dxframe::run_uncertainty(m, o); });
    if (!r.ok()) return dxframe::cli::exit_data_error;
    write(
        ctx, s, r, [](const auto& x) { return dxframe::uncertainty_csv(x); },
        [](const auto& x) { return dxframe::uncertainty_json(x); },
        [](const auto& x, dxframe::language l) { return dxframe::uncertainty_markdown(x, l); },
        [](const auto& x, const auto& o) { return dxframe::uncertainty_html(x, o); });
    return r.succeeded == 0 ? dxframe::cli::exit_data_error : dxframe::cli::exit_ok;
}

int run_sensitivity_command(dxframe::cli::context& ctx) {
    const dxframe::cli::parsed_args args(ctx.args, value_options({"--target", "--bootstrap"}),
                                         flag_options({"--group-weights", "--reference"}));
    analysis_setup s;
    parse_setup(args, s);
    dxframe::sensitivity_options opt;
    opt.base_runs = 500;
    if (const auto v = args.get("--runs")) opt.base_runs = static_cast<std::size_t>(parse_unsigned("--runs", *v, 2));
    if (const auto v = args.get("--bootstrap"))
        opt.bootstrap = static_cast<std::size_t>(parse_unsigned("--bootstrap", *v, 0));
    opt.seed = s.seed;
    opt.threads = s.threads;
    opt.reference_engine = s.reference;
    if (const auto v = args.get("--target")) {
        try {
            const dxframe::sensitivity_target_choice t = dxframe::parse_sensitivity_target(*v);
            opt.target = t.target;
            opt.unit = t.unit;
        } catch (const dxframe::error& e) {
            throw usage_error(std::string("--target: ") + e.what());
        }
    }
    if (!load(ctx, args, s)) return dxframe::cli::exit_data_error;

    const dxframe::sensitivity_result r = analyse(
        ctx, s, opt, "sensitivity", [](const auto& m, const auto& o) { return dxframe::run_sensitivity(m, o); });
    if (!r.ok()) return dxframe::cli::exit_data_error;
    write(
        ctx, s, r, [](const auto& x) { return dxframe::sensitivity_csv(x); },
        [](const auto& x) { return dxframe::sensitivity_json(x); },
        [](const auto& x, dxframe::language l) { return dxframe::sensitivity_markdown(x, l); },
        [](const auto& x, const auto& o) { return dxframe::sensitivity_html(x, o); });
    return dxframe::cli::exit_ok;
}

const dxframe::cli::registrar uncertainty_registrar{
    {"uncertainty", "rank robustness: Monte Carlo over weights, normalisers, aggregators", uncertainty_usage(),
     run_uncertainty_command}};
const dxframe::cli::registrar sensitivity_registrar{{"sensitivity",
                                                     "Sobol sensitivity indices of the ranking to each uncertain input",
                                                     sensitivity_usage(), run_sensitivity_command}};

}  // namespace
