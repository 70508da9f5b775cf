// SPDX-License-Identifier: MIT
// `dxframe scorecard [FILE] [...]` — the main job, and what `dxframe` with no arguments runs:
// where a framework stands at a date, per pillar and overall, rendered as terminal text,
// Markdown, JSON, CSV or a self-contained HTML page. A thin layer: load (or take the embedded
// Vietnam dataset), validate, dxframe::make_scorecard, render, print or write atomically.
#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <sys/ioctl.h>
#include <unistd.h>

#include <dxframe/data/vietnam.hpp>
#include <dxframe/model/lookup.hpp>
#include <dxframe/report.hpp>
#include <dxframe/validate.hpp>

#include "cli.hpp"
#include "input.hpp"
#include "output.hpp"
#include "progress_args.hpp"

namespace {

constexpr const char* scorecard_usage_head =
    "Usage: dxframe scorecard [FILE] [--as-of YYYY-MM-DD] [--method linear|growth_ratio|projection]\n"
    "                         [--format text|md|json|csv|html] [--lang vi|en]\n"
    "                         [--color auto|always|never] [--entity ID] [--rank INDICATOR|none]\n"
    "                         [--thresholds ON,ACC,LIM] [--growth-thresholds ON,ACC,LIM]\n"
    "                         [--ignore-target-methods] [--stale-after MONTHS]\n"
    "                         [--result-window MONTHS] [-o FILE]\n"
    "       dxframe           (no arguments: the scorecard of the embedded Vietnam dataset, today)\n"
    "\n"
    "Where a framework stands at a date: per pillar the progress score, the targets by status,\n"
    "those needing action (off track, overdue, or unreported: deadline passed and no result\n"
    "reported in the result window) and the next deadlines; overdue tasks; overall. Every\n"
    "target shows the date and age of its latest observation, marked stale when older than\n"
    "--stale-after; the header gives the newest observation and source dates. FILE is a\n"
    "dxframe/1 dataset ('-' for standard input); without FILE, the embedded Vietnam dataset.\n"
    "\n"
    "Options:\n"
    "  --as-of DATE       assess as of this date (default: today, UTC)\n"
    "  --format F         text (default; 80 columns), md (Markdown), json, csv (one table,\n"
    "                     numbers with up to 17 significant digits), html (one self-contained\n"
    "                     page with charts, works offline). Without --format, -o FILE picks it\n"
    "                     from the extension (.md .json .csv .html .htm .txt)\n"
    "  --lang L           vi or en (default: vi when LC_ALL, LC_MESSAGES or LANG starts with\n"
    "                     'vi', else en)\n"
    "  --color WHEN       auto (default: colour only when standard output is a terminal and\n"
    "                     NO_COLOR is not set), always or never; text format only\n"
    "  --entity ID        assess every target for this entity (a province against the\n"
    "                     national targets) and list only its tasks\n"
    "  --rank INDICATOR   rank the entities on this indicator in the html page (default: the\n"
    "                     indicator reported by the most entities; 'none' for no ranking)\n";
constexpr const char* scorecard_usage_tail =
    "  -o, --output FILE  write to FILE (a regular file atomically: temporary file, then rename;\n"
    "                     a device or a pipe directly)\n"
    "\n"
    "Exit codes: 0 success; 1 the dataset has errors (diagnostics on standard error);\n"
    "2 usage error, or a file that cannot be read or written.\n";

// Columns of the terminal on standard output: 80, or fewer (down to 60) on a narrower one.
std::size_t terminal_width(bool is_terminal) {
    if (!is_terminal) return 80;
    winsize ws{};
    if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0 && ws.ws_col < 80) {
        return ws.ws_col < 60 ? 60 : ws.ws_col;
    }
    return 80;
}

int run_scorecard(dxframe::cli::context& ctx) {
    using dxframe::cli::one_of;
    using dxframe::cli::usage_error;
    const dxframe::cli::parsed_args args(
        ctx.args,
        [] {
            std::vector<std::string> v = dxframe::cli::progress_value_options;
            v.insert(v.end(),
                     {"--as-of", "--format", "--lang", "--color", "--colour", "--entity", "--rank", "-o", "--output"});
            return v;
        }(),
        dxframe::cli::progress_flags);
    const auto& files = args.positionals();
    if (files.size() > 1) throw usage_error("one dataset at a time, not " + std::to_string(files.size()));
    if (args.has("-o") && args.has("--output")) throw usage_error("give -o or --output, not both");
    std::optional<std::string> output = args.get("-o");
    if (!output) output = args.get("--output");
    if (output && *output == "-") output.reset();

    dxframe::scorecard_options options;
    dxframe::date as_of = dxframe::date::today();
    if (const auto v = args.get("--as-of")) {
        const auto d = dxframe::date::parse(*v);
        if (!d) throw usage_error("option --as-of needs a date YYYY-MM-DD that exists, not '" + *v + "'");
        as_of = *d;
    }
    dxframe::cli::read_progress_options(args, options.progress);
    const std::string format = dxframe::cli::output_format(args, output, {"text", "md", "json", "csv", "html"}, "text");
    options.lang = dxframe::cli::language_from_environment();
    if (const auto v = args.get("--lang")) {
        options.lang = one_of("--lang", *v, {"vi", "en"}) == "vi" ? dxframe::language::vi : dxframe::language::en;
    }
    std::string color = "auto";
    if (args.has("--color") && args.has("--colour")) throw usage_error("give --color or --colour, not both");
    if (const auto v = args.get("--color")) color = one_of("--color", *v, {"auto", "always", "never"});
    if (const auto v = args.get("--colour")) color = one_of("--colour", *v, {"auto", "always", "never"});
    if (const auto v = args.get("--entity")) options.entity = *v;
    if (const auto v = args.get("--rank")) {
        if (*v == "none") {
            options.auto_ranking = false;
        } else {
            options.ranking_indicator = *v;
        }
    }

    // The dataset: FILE, or the embedded one (validated the same way: it must pass).
    dxframe::dataset ds;
    if (files.empty()) {
        ds = dxframe::data::vietnam();
        const auto problems = dxframe::validate(ds);
        if (dxframe::has_errors(problems)) {
            dxframe::cli::print_diagnostics_text(ctx.err, "<embedded vietnam>", problems, dxframe::severity::error);
            return dxframe::cli::exit_data_error;
        }
    } else {
        auto loaded = dxframe::cli::load_checked(ctx.err, files.front());
        if (!loaded) return dxframe::cli::exit_data_error;
        ds = std::move(*loaded);
    }
    if (options.entity && dxframe::find_by_id(ds.entities, *options.entity) == nullptr) {
        throw usage_error("option --entity: no entity '" + *options.entity + "' in the dataset");
    }
    if (options.ranking_indicator &&
        dxframe::find_by_id(ds.framework.indicators, *options.ranking_indicator) == nullptr) {
        throw usage_error("option --rank: no indicator '" + *options.ranking_indicator + "' in the dataset");
    }

    const dxframe::scorecard sc = dxframe::make_scorecard(ds, as_of, options);
    std::string text;
    if (format == "text") {
        dxframe::terminal_options t;
        const bool to_terminal = !output && ctx.out_is_terminal;
        const char* no_color = std::getenv("NO_COLOR");
        const char* term = std::getenv("TERM");
        t.color = color == "always" || (color == "auto" && to_terminal && (no_color == nullptr || *no_color == '\0') &&
                                        !(term != nullptr && std::string_view(term) == "dumb"));
        t.width = terminal_width(to_terminal);
        text = dxframe::render_terminal(sc, t);
    } else if (format == "md") {
        text = dxframe::render_markdown(sc);
    } else if (format == "json") {
        text = dxframe::render_json(sc);
    } else if (format == "csv") {
        text = dxframe::render_csv(sc);
    } else {
        text = dxframe::render_html(sc);
    }

    dxframe::cli::write_output(ctx, output, text);
    return dxframe::cli::exit_ok;
}

const dxframe::cli::registrar scorecard_command{
    {"scorecard", "where a framework stands: pillar scores, target statuses, overdue tasks (the default)",
     std::string(scorecard_usage_head) + dxframe::cli::progress_options_help + scorecard_usage_tail, run_scorecard}};

}  // namespace
