// SPDX-License-Identifier: MIT
// dxframe validate FILE... — checks dataset documents: first the document itself (the loader:
// syntax, format tag, member types, dates), then the dataset rules (dxframe::validate).
#include <iterator>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include <dxframe/validate.hpp>

#include "cli.hpp"
#include "input.hpp"

namespace {

const char* const usage_text =
    "Usage: dxframe validate FILE... [--format text|json] [--lenient] [--min-severity error|warning|info]\n"
    "\n"
    "Checks dxframe/1 dataset documents. Each FILE is first read as a document (JSON syntax,\n"
    "the format tag, member names and types, dates); a record with a bad member is reported\n"
    "and skipped, and reading goes on. A document read to its end is then checked against\n"
    "the dataset rules (skipping the bad records), so one run reports every problem:\n"
    "unique ids, references that resolve, values inside the indicators' bounds, targets\n"
    "whose kind, values, baseline and milestones fit together, weights, the indicator tree\n"
    "and the entities' parent and merger chains, tasks, and observations that repeat or\n"
    "contradict each other. FILE may be - for standard input.\n"
    "\n"
    "Options:\n"
    "  --format text|json   text (default): one line per diagnostic,\n"
    "                         FILE[:LINE:COL]: PATH: SEVERITY CODE: MESSAGE\n"
    "                       then one summary line per file (\"FILE: 2 errors, 0 warnings, 1 note\").\n"
    "                       json: one array of objects {\"file\", \"severity\", \"code\", \"path\",\n"
    "                       \"message\"} (plus \"line\" and \"column\" when known), for all files.\n"
    "  --lenient            report members the format does not define as warnings and keep\n"
    "                       going, instead of rejecting the document (errors)\n"
    "  --min-severity LEVEL print only diagnostics at least this serious: error, warning or\n"
    "                       info (default info: everything; summaries still count everything)\n"
    "\n"
    "Severities: error (the data cannot be used as it is), warning (probably a mistake),\n"
    "info (a note, e.g. a target or observation without a source). PATH is a JSON Pointer\n"
    "into the document, e.g. /framework/targets/3/value. docs/diagnostics.md lists every code.\n"
    "\n"
    "Exit status: 0 when no file has errors (warnings and notes allowed); 1 when any file has\n"
    "errors; 2 on a usage error or a file that cannot be read.\n"
    "\n"
    "Examples:\n"
    "  dxframe validate examples/data/vietnam-sample.json\n"
    "  dxframe validate --format json --min-severity warning a.json b.json\n"
    "  cat report.json | dxframe validate -\n";

int run_validate(dxframe::cli::context& ctx) {
    using namespace dxframe;
    using namespace dxframe::cli;
    const parsed_args args(ctx.args, {"--format", "--min-severity"}, {"--lenient"});
    const std::string format = one_of("--format", args.get("--format").value_or("text"), {"text", "json"});
    const std::string min =
        one_of("--min-severity", args.get("--min-severity").value_or("info"), {"error", "warning", "info"});
    const severity least = min == "error" ? severity::error : min == "warning" ? severity::warning : severity::info;
    const auto& files = args.positionals();
    if (files.empty()) throw usage_error("no FILE given");
    std::size_t stdin_uses = 0;
    for (const auto& f : files)
        stdin_uses += f == "-" ? 1 : 0;
    if (stdin_uses > 1) throw usage_error("standard input (-) can be read only once");

    load_options options;
    options.mode = args.has("--lenient") ? strictness::lenient : strictness::strict;
    bool any_errors = false;
    bool any_unreadable = false;
    nlohmann::ordered_json all = nlohmann::ordered_json::array();
    for (const auto& file : files) {
        const std::string name = input_name(file);
        load_result loaded;
        try {
            loaded = load_input(file, options);
        } catch (const io_failure& e) {
            // Go on with the other files; the exit status says that one could not be read.
            ctx.err << "dxframe validate: " << e.what() << "\n";
            any_unreadable = true;
            continue;
        }
        std::vector<diagnostic> diags = std::move(loaded.diagnostics);
        // A document read to its end is checked against the rules even with errors in some
        // records (the partial dataset, damaged records skipped), so one run reports it all.
        const bool checked = loaded.data || loaded.partial;
        if (checked) {
            auto rules = loaded.data ? validate(*loaded.data) : validate(*loaded.partial);
            diags.insert(diags.end(), std::make_move_iterator(rules.begin()), std::make_move_iterator(rules.end()));
        }
        any_errors = any_errors || has_errors(diags);
        if (format == "json") {
            append_diagnostics_json(all, name, diags, least);
        } else {
            print_diagnostics_text(ctx.out, name, diags, least);
            ctx.out << name << ": " << count_summary(diags)
                    << (checked ? "" : " (not loaded, so the dataset rules were not checked)") << "\n";
        }
    }
    if (format == "json") ctx.out << all.dump(2) << "\n";
    if (any_unreadable) return exit_usage_error;
    return any_errors ? exit_data_error : exit_ok;
}

const dxframe::cli::registrar registered{
    {"validate", "check dataset files: document structure, then references, bounds, targets, cycles", usage_text,
     run_validate}};

}  // namespace
