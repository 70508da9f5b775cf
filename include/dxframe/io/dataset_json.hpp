// SPDX-License-Identifier: MIT
/// @file
/// @brief Loading and saving a dataset as a `dxframe/1` JSON document.
///
/// The document is `{"format": "dxframe/1", "framework": {...}, "entities": [...],
/// "observations": [...]}` (schema/dxframe.schema.json). Loading never throws on bad data and
/// never returns a half-built dataset: it reports every problem it can find as a diagnostic
/// with a JSON Pointer (and line and column for syntax errors), and gives the dataset only when
/// there is no error. Saving writes a canonical text: save → load → save is byte-identical.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <utility>
#include <vector>

#include <boost/describe/class.hpp>
#include <nlohmann/json.hpp>

#include <dxframe/diagnostic.hpp>
#include <dxframe/error.hpp>
#include <dxframe/io/detail/json_parse.hpp>
#include <dxframe/io/detail/utf8.hpp>
#include <dxframe/io/file.hpp>
#include <dxframe/io/json.hpp>
#include <dxframe/model/dataset.hpp>
#include <dxframe/version.hpp>

namespace dxframe {

/// Bounds on what load_dataset accepts, so that a hostile or broken file cannot exhaust memory
/// or the stack. The defaults are far above any real framework (the whole Vietnam dataset is a
/// few hundred kilobytes and nests 6 levels deep).
struct load_limits {
    std::size_t max_document_bytes = 64u << 20;  ///< Largest document, in bytes (default 64 MiB).
    std::size_t max_depth = 64;  ///< Deepest nesting of arrays and objects (default 64; at most 1000 is honoured).
    std::size_t max_string_length = 1u << 20;  ///< Longest string or key, in bytes (default 1 MiB).
    std::size_t max_elements =
        5'000'000;  ///< Most JSON values (scalars, arrays, objects) in the document (default 5 million).
};
BOOST_DESCRIBE_STRUCT(load_limits, (), (max_document_bytes, max_depth, max_string_length, max_elements))

/// How load_dataset reads.
struct load_options {
    strictness mode = strictness::strict;  ///< Unknown members: errors (strict) or kept-aside warnings (lenient).
    load_limits limits{};                  ///< Size, depth, string and count bounds.
};
BOOST_DESCRIBE_STRUCT(load_options, (), (mode, limits))

/// What load_dataset found.
struct load_result {
    std::optional<dataset> data;                ///< The dataset; nullopt when any error was found (never half-built).
    std::vector<diagnostic> diagnostics;        ///< Every problem, with JSON Pointer paths.
    std::vector<unknown_field> unknown_fields;  ///< Lenient mode: unknown members, kept aside.

    /// True when the document was loaded (no error; warnings allowed).
    bool ok() const noexcept { return data.has_value(); }
};
BOOST_DESCRIBE_STRUCT(load_result, (), (data, diagnostics, unknown_fields))

namespace detail {

/// A diagnostic without a path.
inline diagnostic document_diagnostic(severity sev, diagnostic_code code, std::string path, std::string message) {
    diagnostic d;
    d.severity = sev;
    d.code = code;
    d.path = std::move(path);
    d.message = std::move(message);
    return d;
}

}  // namespace detail

/// Loads a `dxframe/1` document from JSON text.
///
/// Reports, each with the JSON Pointer of the offending element:
///   - `invalid_json` (with line and column): a syntax error, invalid UTF-8, a truncated text;
///     also a UTF-8 byte order mark (an error in strict mode, a warning in lenient mode);
///   - `limit_exceeded`: a document, nesting depth, string or value count over options.limits;
///   - `duplicate_key`: the same key twice in one object;
///   - `unsupported_format`: `format` missing or not "dxframe/1" (reading stops there: the
///     rest of a document of another format would only produce noise);
///   - `type_mismatch`, `unknown_field`, `missing_required_field`, `invalid_enum_value`,
///     `invalid_date`, `non_finite_value`: see <dxframe/io/json.hpp>.
/// Reading goes on after each problem as far as it can, so one run reports them all; `data` is
/// set only when there is no error. Semantic checks (references, bounds, targets) are not done
/// here: pass the dataset to dxframe::validate().
inline load_result load_dataset(std::string_view json_text, const load_options& options = {}) {
    load_result result;
    auto& diags = result.diagnostics;
    const load_limits& limits = options.limits;

    if (json_text.size() > limits.max_document_bytes) {
        diags.push_back(detail::document_diagnostic(severity::error, diagnostic_code::limit_exceeded, "",
                                                    "the document has " + std::to_string(json_text.size()) +
                                                        " bytes, more than the limit of " +
                                                        std::to_string(limits.max_document_bytes)));
        return result;
    }

    // nlohmann skips a byte order mark silently; JSON (RFC 8259 §8.1) forbids emitting one.
    if (json_text.size() >= 3 && json_text.compare(0, 3, "\xEF\xBB\xBF") == 0) {
        diagnostic d = detail::document_diagnostic(
            options.mode == strictness::strict ? severity::error : severity::warning, diagnostic_code::invalid_json, "",
            options.mode == strictness::strict
                ? "the document starts with a UTF-8 byte order mark, which is not allowed in strict mode"
                : "the document starts with a UTF-8 byte order mark (skipped)");
        d.line = 1;
        d.column = 1;
        diags.push_back(std::move(d));
    }

    nlohmann::ordered_json root;
    detail::parse_limits parse_limits;
    parse_limits.max_depth = limits.max_depth;
    parse_limits.max_string_length = limits.max_string_length;
    parse_limits.max_elements = limits.max_elements;
    const detail::parse_outcome parsed = detail::parse_json_document(json_text, parse_limits, root, diags);
    if (!parsed.ok) return result;

    if (!root.is_object()) {
        diags.push_back(
            detail::document_diagnostic(severity::error, diagnostic_code::type_mismatch, "",
                                        "the document must be a JSON object, got " + detail::describe_value(root)));
        return result;
    }
    const auto format = root.find("format");
    if (format == root.end()) {
        diags.push_back(
            detail::document_diagnostic(severity::error, diagnostic_code::unsupported_format, "/format",
                                        std::string("missing member \"format\"; expected \"") + format_tag + "\""));
        return result;
    }
    if (!format->is_string() || format->get_ref<const std::string&>() != format_tag) {
        diags.push_back(detail::document_diagnostic(
            severity::error, diagnostic_code::unsupported_format, "/format",
            "format " + detail::describe_value(*format) + " is not supported; expected \"" + format_tag + "\""));
        return result;
    }

    json_read_context ctx;
    ctx.mode = options.mode;
    dataset ds;
    const std::string root_path;
    detail::read_struct(root, ds, ctx, detail::json_path::root(&root_path), "format");

    // An overflowing number was read as a placeholder 0 and already reported by the parser;
    // whatever the typed reader said about that placeholder is noise.
    const std::unordered_set<std::string> poisoned(parsed.poisoned_paths.begin(), parsed.poisoned_paths.end());
    for (auto& d : ctx.diagnostics) {
        if (poisoned.count(d.path) == 0) diags.push_back(std::move(d));
    }
    result.unknown_fields = std::move(ctx.unknown_fields);
    if (!has_errors(diags)) result.data = std::move(ds);
    return result;
}

/// Loads a `dxframe/1` document from a file. Throws io_error only when the file cannot be read;
/// every problem with its content is a diagnostic, as for load_dataset. A file larger than
/// options.limits.max_document_bytes is not read beyond that limit.
inline load_result load_dataset_file(const std::string& path, const load_options& options = {}) {
    std::string text;
    const std::size_t limit = options.limits.max_document_bytes;
    const bool whole = detail::read_file_prefix(path, limit, text);
    if (!whole) {
        load_result result;
        result.diagnostics.push_back(detail::document_diagnostic(severity::error, diagnostic_code::limit_exceeded, "",
                                                                 "the file '" + detail::printable(path, 200) +
                                                                     "' is larger than the limit of " +
                                                                     std::to_string(limit) + " bytes"));
        return result;
    }
    return load_dataset(text, options);
}

/// The canonical `dxframe/1` text of a dataset: "format" first, then framework, entities and
/// observations; members in declaration order; empty optionals, vectors and maps left out;
/// two-space indentation and a final newline; numbers written with the fewest digits that read
/// back to the same double. save → load → save gives the same bytes.
///
/// Throws dxframe::error (the dataset breaks the model's invariants, a programming error) for
/// an enum value with no name, a NaN or infinite number, or a string that is not valid UTF-8.
inline std::string save_dataset(const dataset& ds) {
    using json = nlohmann::ordered_json;
    json document = json::object();
    detail::append_member(document, "format", json(format_tag));
    json_write_options options;
    options.omit_empty_containers = true;
    const std::string root_path;
    detail::write_members(document, ds, options, detail::json_path::root(&root_path));
#if defined(__cpp_exceptions) || defined(__EXCEPTIONS) || defined(_CPPUNWIND)
    try {
        return document.dump(2) + '\n';
    } catch (const json::exception& e) {
        throw error(std::string("dxframe::save_dataset: ") + e.what());
    }
#else
    return document.dump(2) + '\n';
#endif
}

}  // namespace dxframe
