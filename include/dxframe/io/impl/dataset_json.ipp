// SPDX-License-Identifier: MIT
// Definitions for <dxframe/io/dataset_json.hpp> (see <dxframe/config.hpp>: included by that header
// in header-only mode, by <dxframe/src.hpp> in separate compilation).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_set>
#include <utility>

#include <nlohmann/json.hpp>

#include <dxframe/error.hpp>
#include <dxframe/io/dataset_json.hpp>
#include <dxframe/io/detail/json_parse.hpp>
#include <dxframe/io/detail/utf8.hpp>
#include <dxframe/io/file.hpp>
#include <dxframe/io/json.hpp>
#include <dxframe/version.hpp>

namespace dxframe {

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

DXFRAME_DECL load_result load_dataset(std::string_view json_text, const load_options& options) {
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

DXFRAME_DECL load_result load_dataset_file(const std::string& path, const load_options& options) {
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

DXFRAME_DECL std::string save_dataset(const dataset& ds) {
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
