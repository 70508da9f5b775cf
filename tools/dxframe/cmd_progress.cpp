// SPDX-License-Identifier: MIT
// `dxframe progress FILE [--as-of DATE] [--method M] [--format json|csv|md]`: where every target
// of a dataset stands at a date, one row per (target, entity). A thin layer: load, validate,
// dxframe::assess_all, print (loading and diagnostics: input.hpp, shared by every command).
#include <algorithm>
#include <cmath>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <boost/describe/enum_from_string.hpp>
#include <boost/describe/enum_to_string.hpp>
#include <boost/describe/members.hpp>
#include <boost/mp11/algorithm.hpp>
#include <nlohmann/json.hpp>

#include <dxframe/io/csv.hpp>
#include <dxframe/io/json.hpp>
#include <dxframe/progress.hpp>
#include <dxframe/report/escape.hpp>
#include <dxframe/report/format.hpp>

#include "cli.hpp"
#include "input.hpp"
#include "output.hpp"

namespace {

constexpr const char* progress_usage =
    "Usage: dxframe progress FILE [--as-of YYYY-MM-DD] [--method linear|growth_ratio|projection]\n"
    "                        [--format json|csv|md] [--base-date YYYY-MM-DD] [--all-entities]\n"
    "                        [--stale-after MONTHS] [--result-window MONTHS] [-o FILE]\n"
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
    "  --method M         linear (default): share of the distance covered vs share of the time\n"
    "                     elapsed; growth_ratio: observed vs required compound annual growth\n"
    "                     (Eurostat / Open SDG); projection: observed growth carried on to the\n"
    "                     deadline (UNSD Progress Chart)\n"
    "  --format F         json (default): an array of objects with target, indicator, entity,\n"
    "                     status, progress, expected, ratio, latest {date, value}, projected,\n"
    "                     deadline and more (null when not applicable); csv: one row per\n"
    "                     assessment, numbers with 17 significant digits; md: a Markdown table\n"
    "  --base-date DATE   for targets without a baseline, start at the first observation on or\n"
    "                     after DATE (default: the first observation)\n"
    "  --all-entities     also assess each target for every other entity reporting its\n"
    "                     indicator (e.g. a national target for each province)\n"
    "  --stale-after N    mark the latest observation stale when it is dated more than N\n"
    "                     months before the as-of date (default 12)\n"
    "  --result-window N  after the deadline, a target not met is overdue when a result dated\n"
    "                     N months before the deadline or later shows it, else unreported\n"
    "                     (default 6)\n"
    "  -o, --output FILE  write to FILE instead of standard output (a regular file atomically;\n"
    "                     a device or a pipe directly)\n"
    "\n"
    "Exit codes: 0 success; 1 the dataset has errors (diagnostics on standard error);\n"
    "2 usage error, or a file that cannot be read or written.\n";

// Keys every JSON object carries, null when they do not apply (the documented contract).
const std::set<std::string> always_present = {"target",    "indicator", "entity",         "status",
                                              "progress",  "expected",  "ratio",          "latest",
                                              "projected", "deadline",  "latest_age_days"};

using dxframe::full_precision_number;
using dxframe::markdown_escape;

// Short form for people: 4 significant digits, never in exponent notation (12846, not
// 1.285e+04), trailing zeros dropped; "—" when missing.
std::string short_number(const std::optional<double>& v) {
    return dxframe::significant_number(v, 4);
}

template <class E>
std::string name_of(E e) {
    return boost::describe::enum_to_string(e, "?");
}

template <class E>
E parse_enum(const std::string& option, const std::string& value, const std::vector<std::string>& allowed) {
    dxframe::cli::one_of(option, value, allowed);
    E e{};
    boost::describe::enum_from_string(value.c_str(), e);
    return e;
}

dxframe::date parse_date(const std::string& option, const std::string& text) {
    const auto d = dxframe::date::parse(text);
    if (!d) throw dxframe::cli::usage_error("option " + option + " needs a date YYYY-MM-DD, not '" + text + "'");
    return *d;
}

std::string to_json_output(const std::vector<dxframe::target_assessment>& results) {
    using json = nlohmann::ordered_json;
    json array = json::array();
    for (const auto& a : results) {
        const json full = a;
        json object = json::object();
        // Rebuild in declaration order so that keys filled with null keep their place.
        boost::mp11::mp_for_each<
            boost::describe::describe_members<dxframe::target_assessment, boost::describe::mod_public>>(
            [&](auto member) {
                const std::string key = member.name;
                if (full.contains(key)) {
                    object[key] = full.at(key);
                } else if (always_present.count(key) != 0) {
                    object[key] = nullptr;
                }
            });
        array.push_back(std::move(object));
    }
    return array.dump(2) + "\n";
}

std::string to_csv_output(const std::vector<dxframe::target_assessment>& results) {
    std::vector<std::vector<std::string>> rows;
    // Columns are only ever added at the end, so that existing consumers keep working.
    rows.push_back({"target",
                    "indicator",
                    "entity",
                    "kind",
                    "method",
                    "status",
                    "reason",
                    "progress",
                    "expected",
                    "ratio",
                    "latest_date",
                    "latest_value",
                    "baseline_date",
                    "baseline_value",
                    "target_value",
                    "projected",
                    "deadline",
                    "as_of",
                    "days_to_deadline",
                    "observed_growth",
                    "required_growth",
                    "opensdg_score",
                    "path_value",
                    "path_gap",
                    "message",
                    "latest_out_of",
                    "result_window_start",
                    "latest_age_days",
                    "stale"});
    for (const auto& a : results) {
        rows.push_back({a.target,
                        a.indicator,
                        a.entity,
                        name_of(a.kind),
                        name_of(a.method),
                        name_of(a.status),
                        a.reason ? name_of(*a.reason) : "",
                        full_precision_number(a.progress),
                        full_precision_number(a.expected),
                        full_precision_number(a.ratio),
                        a.latest ? a.latest->date.to_string() : "",
                        a.latest ? full_precision_number(a.latest->value) : "",
                        a.baseline ? a.baseline->date.to_string() : "",
                        a.baseline ? full_precision_number(a.baseline->value) : "",
                        full_precision_number(a.target_value),
                        full_precision_number(a.projected),
                        a.deadline.to_string(),
                        a.as_of.to_string(),
                        std::to_string(a.days_to_deadline),
                        full_precision_number(a.observed_growth),
                        full_precision_number(a.required_growth),
                        full_precision_number(a.opensdg_score),
                        full_precision_number(a.path_value),
                        full_precision_number(a.path_gap),
                        a.message.value_or(""),
                        full_precision_number(a.latest_out_of),
                        a.result_window_start.to_string(),
                        a.latest_age_days ? std::to_string(*a.latest_age_days) : "",
                        a.stale ? "true" : "false"});
    }
    return dxframe::write_csv(rows, "\n");
}

// The newest observation date and the newest source publication date (observations' and
// targets' sources) on or before the as-of date, as the scorecard reports them.
struct freshness {
    std::optional<dxframe::date> observation, source;
};

freshness newest_dates(const dxframe::dataset& ds, const dxframe::date& as_of) {
    freshness f;
    const auto newer = [](std::optional<dxframe::date>& cur, const dxframe::date& d) {
        if (!cur || *cur < d) cur = d;
    };
    for (const auto& t : ds.framework.targets) {
        if (t.source && t.source->published && *t.source->published <= as_of) newer(f.source, *t.source->published);
    }
    for (const auto& o : ds.observations) {
        if (o.date > as_of) continue;
        newer(f.observation, o.date);
        if (o.source && o.source->published && *o.source->published <= as_of) newer(f.source, *o.source->published);
    }
    return f;
}

std::string to_md_output(const std::vector<dxframe::target_assessment>& results, const dxframe::date& as_of,
                         const dxframe::progress_options& options, const freshness& fresh) {
    std::ostringstream out;
    out << "Progress as of " << as_of.to_string() << " (method: " << name_of(options.method) << ")\n\n";
    out << "Newest observation: " << (fresh.observation ? fresh.observation->to_string() : "none")
        << " · newest source published: " << (fresh.source ? fresh.source->to_string() : "none")
        << " · stale: latest observation older than " << options.stale_after_months << " months\n\n";
    out << "| Target | Indicator | Entity | Status | Progress | Expected | Ratio | Latest | Data age | Projected "
           "| Deadline | Days left | Note |\n";
    out << "|---|---|---|---|---:|---:|---:|---|---|---:|---|---:|---|\n";
    for (const auto& a : results) {
        std::string latest(dxframe::missing_mark);
        if (a.latest) {
            latest = short_number(a.latest->value);
            if (a.latest_out_of) latest += " / " + short_number(*a.latest_out_of);  // a rank in its ranking
            latest += " (" + a.latest->date.to_string() + ")";
        }
        std::string age(dxframe::missing_mark);
        if (a.latest_age_days) age = std::to_string(*a.latest_age_days) + " days";
        if (a.stale) age += " **stale**";
        std::string note = a.message.value_or("");
        for (const auto& n : a.notes)
            note += (note.empty() ? "" : "; ") + n;
        out << "| " << markdown_escape(a.target) << " | " << markdown_escape(a.indicator) << " | "
            << markdown_escape(a.entity) << " | " << markdown_escape(name_of(a.status)) << " | "
            << short_number(a.progress) << " | " << short_number(a.expected) << " | " << short_number(a.ratio) << " | "
            << latest << " | " << age << " | " << short_number(a.projected) << " | " << a.deadline.to_string() << " | "
            << a.days_to_deadline << " | " << markdown_escape(note) << " |\n";
    }
    return out.str();
}

int run_progress(dxframe::cli::context& ctx) {
    using dxframe::cli::usage_error;
    const dxframe::cli::parsed_args args(
        ctx.args,
        {"--as-of", "--method", "--format", "--base-date", "--stale-after", "--result-window", "-o", "--output"},
        {"--all-entities"});
    const auto& files = args.positionals();
    if (files.empty()) throw usage_error("which dataset file?");
    if (files.size() > 1) throw usage_error("one dataset file at a time, not " + std::to_string(files.size()));
    if (args.has("-o") && args.has("--output")) throw usage_error("give -o or --output, not both");

    dxframe::progress_options options;
    if (const auto m = args.get("--method")) {
        options.method = parse_enum<dxframe::progress_method>("--method", *m, {"linear", "growth_ratio", "projection"});
    }
    const std::string format =
        dxframe::cli::one_of("--format", args.get("--format").value_or("json"), {"json", "csv", "md"});
    const dxframe::date as_of =
        args.get("--as-of") ? parse_date("--as-of", *args.get("--as-of")) : dxframe::date::today();
    if (const auto b = args.get("--base-date")) options.base_date = parse_date("--base-date", *b);
    if (const auto v = args.get("--stale-after"))
        options.stale_after_months = dxframe::cli::months_option("--stale-after", *v);
    if (const auto v = args.get("--result-window")) {
        options.result_window_months = dxframe::cli::months_option("--result-window", *v);
    }
    const auto scope = args.has("--all-entities") ? dxframe::entity_scope::all_observed : dxframe::entity_scope::bound;

    // Same input handling as every command: FILE or "-", loader and validator problems on
    // standard error, exit 1 on any error.
    const auto data = dxframe::cli::load_checked(ctx.err, files.front());
    if (!data) return dxframe::cli::exit_data_error;

    const auto results = dxframe::assess_all(*data, as_of, options, scope);
    std::string text;
    if (format == "json") {
        text = to_json_output(results);
    } else if (format == "csv") {
        text = to_csv_output(results);
    } else {
        text = to_md_output(results, as_of, options, newest_dates(*data, as_of));
    }

    std::optional<std::string> output = args.get("-o");
    if (!output) output = args.get("--output");
    dxframe::cli::write_output(ctx, output, text);
    return dxframe::cli::exit_ok;
}

const dxframe::cli::registrar progress_command{
    {"progress", "assess every target at a date: status, progress, projection", progress_usage, run_progress}};

}  // namespace
