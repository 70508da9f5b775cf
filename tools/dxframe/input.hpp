// SPDX-License-Identifier: MIT
// Shared input handling of the dxframe command-line tool: reading a dataset from a file or
// standard input ("-"), and printing diagnostics as text lines or JSON objects. Every command
// that takes a dataset FILE uses this, so they all accept the same inputs and report problems
// the same way.
#pragma once

#include <iostream>
#include <optional>
#include <ostream>
#include <string>
#include <utility>
#include <vector>

#include <boost/describe/enum_to_string.hpp>
#include <nlohmann/json.hpp>

#include <dxframe/diagnostic.hpp>
#include <dxframe/io/dataset_json.hpp>
#include <dxframe/io/file.hpp>
#include <dxframe/io/json.hpp>
#include <dxframe/validate.hpp>

#include "cli.hpp"

namespace dxframe::cli {

/// How an input is named in messages: "<stdin>" for "-", the path otherwise.
inline std::string input_name(const std::string& path) {
    return path == "-" ? "<stdin>" : path;
}

/// `options` with the input limits given on the running command's line (--max-input-size,
/// --max-values, --max-depth, --max-string-length; see cli.hpp) in place of its own.
inline load_options with_command_limits(load_options options) {
    const input_limit_values& given = command_input_limits();
    if (given.max_input_size) options.limits.max_document_bytes = *given.max_input_size;
    if (given.max_values) options.limits.max_elements = *given.max_values;
    if (given.max_depth) options.limits.max_depth = static_cast<std::size_t>(*given.max_depth);
    if (given.max_string_length) {
        options.limits.max_string_length = static_cast<std::size_t>(*given.max_string_length);
    }
    return options;
}

/// Loads a dataset document from FILE, or from standard input when `path` is "-", streaming it
/// either way, with the command line's input limits (with_command_limits). Throws io_failure
/// (exit 2) when the input cannot be read; every problem with its content (syntax, format,
/// types, size limits) is a diagnostic in the result, with `data` empty on any error.
inline load_result load_input(const std::string& path, const load_options& options = {}) {
    const load_options limited = with_command_limits(options);
    try {
        if (path == "-") {
            std::cin.clear();
            return load_dataset_stream(std::cin, limited);
        }
        return load_dataset_file(path, limited);
    } catch (const io_error& e) {
        throw io_failure(e.what());
    }
}

/// True when `d` is at least as serious as `least` (error > warning > info).
inline bool at_least(const diagnostic& d, severity least) noexcept {
    return static_cast<int>(d.severity) <= static_cast<int>(least);
}

/// One diagnostic as a text line, without the newline:
/// `FILE[:LINE[:COL]]: [PATH: ]SEVERITY CODE: MESSAGE`. The path is left out when it is empty
/// (the whole document); line and column appear when the loader knows them (syntax errors).
inline std::string format_diagnostic(const std::string& file, const diagnostic& d) {
    std::string line = file;
    if (d.line) {
        line += ':' + std::to_string(*d.line);
        if (d.column) line += ':' + std::to_string(*d.column);
    }
    line += ": ";
    if (!d.path.empty()) line += d.path + ": ";
    line += boost::describe::enum_to_string(d.severity, "?");
    line += ' ';
    line += boost::describe::enum_to_string(d.code, "?");
    line += ": ";
    line += d.message;
    return line;
}

/// Prints the diagnostics at least as serious as `least`, one line each (format_diagnostic).
inline void print_diagnostics_text(std::ostream& out, const std::string& file, const std::vector<diagnostic>& diags,
                                   severity least = severity::info) {
    for (const auto& d : diags) {
        if (at_least(d, least)) out << format_diagnostic(file, d) << '\n';
    }
}

/// One diagnostic as a JSON object: `{"file", "severity", "code", "path", "message"}` plus
/// `"line"` and `"column"` when known.
inline nlohmann::ordered_json diagnostic_json(const std::string& file, const diagnostic& d) {
    nlohmann::ordered_json out = nlohmann::ordered_json::object();
    out["file"] = file;
    const nlohmann::ordered_json fields = d;  // the generic described-struct conversion
    for (auto it = fields.begin(); it != fields.end(); ++it)
        out[it.key()] = it.value();
    return out;
}

/// Appends the diagnostics at least as serious as `least` to a JSON array.
inline void append_diagnostics_json(nlohmann::ordered_json& array, const std::string& file,
                                    const std::vector<diagnostic>& diags, severity least = severity::info) {
    for (const auto& d : diags) {
        if (at_least(d, least)) array.push_back(diagnostic_json(file, d));
    }
}

/// "2 errors, 1 warning, 0 notes" (info diagnostics are called notes).
inline std::string count_summary(const std::vector<diagnostic>& diags) {
    auto part = [](std::size_t n, const char* one, const char* many) {
        return std::to_string(n) + ' ' + (n == 1 ? one : many);
    };
    return part(count(diags, severity::error), "error", "errors") + ", " +
           part(count(diags, severity::warning), "warning", "warnings") + ", " +
           part(count(diags, severity::info), "note", "notes");
}

/// What a command that needs a usable dataset asks of load_checked.
struct input_options {
    strictness mode = strictness::strict;  ///< --lenient: unknown members are warnings, not errors.
    bool validate = true;                  ///< Also apply dxframe::validate's rules.
    severity print = severity::warning;    ///< Print problems at least this serious (notes are noise here).
};

/// Loads FILE ("-" = stdin) for a command that computes on it (scorecard, progress, index):
/// prints the loader's and (unless turned off) the validator's problems to `err` as text lines,
/// and returns the dataset, or nullopt when there is any error (the command then returns
/// exit_data_error). A document read to its end with errors in some records is validated too
/// (its partial dataset), so the user sees every problem in one run; it is never computed on.
/// Throws io_failure when the input cannot be read.
inline std::optional<dataset> load_checked(std::ostream& err, const std::string& path,
                                           const input_options& options = {}) {
    load_options lo;
    lo.mode = options.mode;
    load_result loaded = load_input(path, lo);
    const std::string name = input_name(path);
    print_diagnostics_text(err, name, loaded.diagnostics, options.print);
    validate_options vo;
    vo.report_missing_sources = options.print == severity::info;  // only notes would say it
    if (!loaded.data) {
        if (loaded.partial && options.validate)
            print_diagnostics_text(err, name, validate(*loaded.partial, vo), options.print);
        return std::nullopt;
    }
    if (options.validate) {
        const auto problems = validate(*loaded.data, vo);
        print_diagnostics_text(err, name, problems, options.print);
        if (has_errors(problems)) return std::nullopt;
    }
    return std::move(loaded.data);
}

}  // namespace dxframe::cli
