// SPDX-License-Identifier: MIT
// `dxframe profile UNIT (FILE | --data iData.csv --meta iMeta.csv) [...]`: a unit's strengths
// and weaknesses — its best- and worst-ranked indicators, direction applied — as COINr's
// get_str_weak. A thin layer: read the input (index_input.hpp), dxframe::profile_unit, render
// (report/profile.hpp), write.
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include <dxframe/index.hpp>
#include <dxframe/report/profile.hpp>

#include "cli.hpp"
#include "index_input.hpp"
#include "output.hpp"

namespace {

using dxframe::cli::usage_error;

constexpr const char* profile_usage_head =
    "Usage: dxframe profile UNIT FILE [--root NODE] [--as-of YYYY-MM-DD | --year YYYY] [OPTIONS]\n"
    "       dxframe profile UNIT --data iData.csv --meta iMeta.csv [--year TIME] [OPTIONS]\n"
    "\n"
    "The strengths and weaknesses of one unit (an entity id of the dataset, or a uCode), as\n"
    "COINr's get_str_weak: every indicator is ranked over the units (direction applied, so\n"
    "rank 1 is the best; ties share the best rank), and the unit's best-ranked and worst-ranked\n"
    "indicators are listed with their rank and value. As COINr, indicators on which the unit\n"
    "has the worst rank of all are left out of the strengths (--keep-worst keeps them).\n"
    "\n"
    "Options:\n"
    "  --dset D           raw (default: the values as given, direction applied) or normalised\n"
    "                     (after --normalise, already oriented)\n"
    "  --top N            strengths to list (default 5)\n"
    "  --bottom N         weaknesses to list (default 5)\n"
    "  --keep-worst       do not leave out indicators on which the unit ranks last\n"
    "  --format F         csv (default), json, md or html. Without --format, -o FILE picks it\n"
    "                     from the extension\n"
    "  --lang vi|en       language of the Markdown and HTML reports, and of a dataset's names\n"
    "  -o, --output FILE  write to FILE instead of standard output\n"
    "  --normalise, --aggregate, --min-share, --rank-decimals: as for `dxframe index`\n";

std::size_t count_option(const dxframe::cli::parsed_args& args, const char* option, std::size_t fallback) {
    const auto v = args.get(option);
    if (!v) return fallback;
    const auto n = dxframe::cli::detail::input_number(*v);
    if (!n || *n < 0 || *n > 10000 || *n != static_cast<double>(static_cast<std::size_t>(*n))) {
        throw usage_error(std::string("option ") + option + " needs a whole number from 0 to 10000, not '" + *v + "'");
    }
    return static_cast<std::size_t>(*n);
}

int run_profile(dxframe::cli::context& ctx) {
    if (ctx.args.empty() || ctx.args.front().empty() || ctx.args.front()[0] == '-') {
        throw usage_error("which unit? give its id first: dxframe profile UNIT (FILE | --data ... --meta ...)");
    }
    const std::string unit = ctx.args.front();
    const std::vector<std::string> rest(ctx.args.begin() + 1, ctx.args.end());
    std::vector<std::string> value_options = dxframe::cli::index_input_options;
    value_options.insert(value_options.end(), {"--dset", "--top", "--bottom", "--format", "--lang", "-o", "--output"});
    std::vector<std::string> flags = dxframe::cli::index_input_flags;
    flags.emplace_back("--keep-worst");
    const dxframe::cli::parsed_args args(rest, value_options, flags);
    dxframe::cli::index_input_request request = dxframe::cli::index_input_source(args);
    if (args.has("-o") && args.has("--output")) throw usage_error("give -o or --output, not both");
    std::optional<std::string> output = args.get("-o");
    if (!output) output = args.get("--output");
    const std::string format = dxframe::cli::output_format(args, output, {"csv", "json", "md", "html"}, "csv");
    const std::string dset = dxframe::cli::one_of("--dset", args.get("--dset").value_or("raw"), {"raw", "normalised"});
    dxframe::profile_options options;
    options.strengths = count_option(args, "--top", options.strengths);
    options.weaknesses = count_option(args, "--bottom", options.weaknesses);
    options.discard_worst = !args.has("--keep-worst");
    options.apply_direction = dset == "raw";  // normalised values are already oriented (COINr's advice)

    const dxframe::index_spec spec = dxframe::cli::parse_index_spec(args);
    dxframe::cli::parse_index_input_choices(args, request);
    const std::optional<dxframe::cli::index_input> in = dxframe::cli::load_index_input(ctx.err, request);
    if (!in) return dxframe::cli::exit_data_error;

    std::optional<dxframe::index_result> computed;
    if (dset == "normalised") {
        dxframe::cli::check_index_spec_ids(spec, in->tree);
        computed = dxframe::compute_index(in->tree, in->values, in->units, spec);
        dxframe::cli::detail::print_index_diagnostics(ctx.err, *in, computed->diagnostics, dxframe::severity::info);
        if (!computed->ok()) return dxframe::cli::exit_data_error;
    }
    const dxframe::unit_profile profile =
        dxframe::profile_unit(in->tree, computed ? computed->normalised : in->values, in->units, unit, options);
    dxframe::cli::detail::print_index_diagnostics(ctx.err, *in, profile.diagnostics, dxframe::severity::warning);
    if (!profile.ok()) return dxframe::cli::exit_data_error;

    dxframe::profile_report_options report;
    report.lang = request.lang;
    for (std::size_t i = 0; i < in->units.size(); ++i) {
        if (in->units[i] == unit && i < in->names.size()) report.unit_name = in->names[i];
    }
    const std::string text = format == "csv"    ? dxframe::render_profile_csv(profile)
                             : format == "json" ? dxframe::render_profile_json(profile)
                             : format == "md"   ? dxframe::render_profile_markdown(profile, report)
                                                : dxframe::render_profile_html(profile, report);
    dxframe::cli::write_output(ctx, output, text);
    return dxframe::cli::exit_ok;
}

const dxframe::cli::registrar profile_command{
    {"profile", "a unit's strengths and weaknesses: its best- and worst-ranked indicators (COINr's)",
     std::string(profile_usage_head) + dxframe::cli::index_input_usage +
         "\nExit codes: 0 success; 1 the input has errors or the unit is unknown; 2 usage error, or a\n"
         "file that cannot be read or written.\n",
     run_profile}};

}  // namespace
