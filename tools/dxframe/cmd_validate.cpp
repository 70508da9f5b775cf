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
    "the format tag, member names and types, dates); a document that loads is then checked\n"
    "against the dataset rules: unique ids, references that resolve, values inside the\n"
    "indicators' bounds, targets whose kind, values, baseline and milestones fit together,\n"
    "weights, the indicator tree and the entities' parent and merger chains, tasks, and\n"
    "observations that repeat or contradict each other. FILE may be - for standard input.\n"
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
        if (loaded.data) {
            auto rules = validate(*loaded.data);
            diags.insert(diags.end(), std::make_move_iterator(rules.begin()), std::make_move_iterator(rules.end()));
        }
        any_errors = any_errors || has_errors(diags);
        if (format == "json") {
            append_diagnostics_json(all, name, diags, least);
        } else {
            print_diagnostics_text(ctx.out, name, diags, least);
            ctx.out << name << ": " << count_summary(diags)
                    << (loaded.data ? "" : " (not loaded, so the dataset rules were not checked)") << "\n";
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
