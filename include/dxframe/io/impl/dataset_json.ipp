// SPDX-License-Identifier: MIT
// Definitions for <dxframe/io/dataset_json.hpp> (see <dxframe/config.hpp>: included by that header
// in header-only mode, by <dxframe/src.hpp> in separate compilation).
#pragma once

#include <algorithm>
#include <cerrno>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <istream>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include <dxframe/error.hpp>
#include <dxframe/io/dataset_json.hpp>
#include <dxframe/io/detail/dataset_reader.hpp>
#include <dxframe/io/detail/input_source.hpp>
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

namespace detail {

/// The position an array index segment of a JSON Pointer names, or nullopt when the segment is
/// not a plain index (a member name, or too long to be a position).
inline std::optional<std::size_t> pointer_index(std::string_view segment) {
    if (segment.empty() || segment.size() > 18) return std::nullopt;
    std::size_t value = 0;
    for (const char c : segment) {
        if (c < '0' || c > '9') return std::nullopt;
        value = value * 10 + static_cast<std::size_t>(c - '0');
    }
    return value;
}

/// Marks what the error at JSON Pointer `path` damages: the record it is in (an element of a
/// list of records), or else the member of the document or of the framework it is in.
inline void mark_damage(load_damage& damage, std::string_view path) {
    // The first three segments of the pointer (text after each '/', up to the next one).
    std::string_view segments[3];
    std::size_t ends[3] = {};
    std::size_t count = 0;
    for (std::size_t at = 0; count < 3 && at < path.size() && path[at] == '/'; ++count) {
        const std::size_t next = path.find('/', at + 1);
        const std::size_t end = next == std::string_view::npos ? path.size() : next;
        segments[count] = path.substr(at + 1, end - at - 1);
        ends[count] = end;
        at = end;
    }
    if (count == 0) return;  // the whole document (a byte order mark): no record
    const auto member = [&](std::size_t depth) { damage.members.emplace_back(path.substr(0, ends[depth - 1])); };
    const auto record = [&](std::vector<std::size_t>& list, std::size_t depth) {
        const auto index = count > depth ? pointer_index(segments[depth]) : std::nullopt;
        if (index) {
            list.push_back(*index);
        } else {
            member(depth);  // the list itself is damaged (not an array, null, repeated)
        }
    };
    if (segments[0] == "entities") return record(damage.entities, 1);
    if (segments[0] == "observations") return record(damage.observations, 1);
    if (segments[0] != "framework" || count == 1) return member(1);
    const std::string_view list = segments[1];
    if (list == "pillars") return record(damage.pillars, 2);
    if (list == "dimensions") return record(damage.dimensions, 2);
    if (list == "nodes") return record(damage.nodes, 2);
    if (list == "indicators") return record(damage.indicators, 2);
    if (list == "targets") return record(damage.targets, 2);
    if (list == "tasks") return record(damage.tasks, 2);
    member(2);
}

/// The damage that the errors among `diags` do (each list sorted, each position once).
inline load_damage damage_of(const std::vector<diagnostic>& diags) {
    load_damage damage;
    for (const auto& d : diags) {
        if (d.severity == severity::error) mark_damage(damage, d.path);
    }
    const auto tidy = [](auto& list) {
        std::sort(list.begin(), list.end());
        list.erase(std::unique(list.begin(), list.end()), list.end());
    };
    tidy(damage.pillars);
    tidy(damage.dimensions);
    tidy(damage.nodes);
    tidy(damage.indicators);
    tidy(damage.targets);
    tidy(damage.tasks);
    tidy(damage.entities);
    tidy(damage.observations);
    tidy(damage.members);
    return damage;
}

/// The advice that ends every document-size message.
inline const char* const raise_input_size = "; raise load_limits::max_document_bytes (command line: --max-input-size)";

/// A result with one limit_exceeded diagnostic for the whole document.
inline load_result too_large(std::string message) {
    load_result result;
    result.diagnostics.push_back(document_diagnostic(severity::error, diagnostic_code::limit_exceeded, "",
                                                     std::move(message) + raise_input_size));
    return result;
}

/// The one loader: streams `source` through the limited SAX builder into a dataset_sink.
/// `too_large_message` is the message when the input turns out larger than the limit.
inline load_result load_from_source(input_source& source, const load_options& options,
                                    const std::string& too_large_message, load_statistics* statistics,
                                    std::uint64_t expected_bytes = 0) {
    load_result result;
    auto& diags = result.diagnostics;
    const load_limits& limits = options.limits;
    source.start();
    if (source.over_limit()) return too_large(too_large_message);

    // nlohmann skips a byte order mark silently; JSON (RFC 8259 §8.1) forbids emitting one.
    if (source.starts_with_bom()) {
        diagnostic d = document_diagnostic(
            options.mode == strictness::strict ? severity::error : severity::warning, diagnostic_code::invalid_json, "",
            options.mode == strictness::strict
                ? "the document starts with a UTF-8 byte order mark, which is not allowed in strict mode"
                : "the document starts with a UTF-8 byte order mark (skipped)");
        d.line = 1;
        d.column = 1;
        diags.push_back(std::move(d));
    }

    nlohmann::ordered_json root;
    parse_limits parse_limits;
    parse_limits.max_depth = limits.max_depth;
    parse_limits.max_string_length = limits.max_string_length;
    parse_limits.max_elements = limits.max_elements;
    dataset_sink sink(options.mode);
    sink.expect(source, expected_bytes);
    limited_dom_builder builder(root, parse_limits, source, sink);
    const bool parsed = nlohmann::ordered_json::sax_parse(source.begin(), source.end(), &builder);
    // Where the parser stopped, computed before anything else is read (positions are known
    // near the cursor only).
    std::optional<diagnostic> stop;
    if (!parsed && builder.syntax_error()) {
        stop.emplace();
        if (builder.error_id() == 406) {
            // A number beyond the double range after max_overflow_reports of them.
            const std::string& token = builder.error_token();
            const std::uint64_t end = builder.error_position();
            const std::uint64_t start = end >= token.size() ? end - token.size() : 0;
            const text_position pos = source.position_of(start);
            stop->code = diagnostic_code::non_finite_value;
            stop->message = "the number " + printable(token, 40) + " is beyond the range of a double";
            stop->line = pos.line;
            stop->column = pos.column;
        } else {
            // nlohmann counts the offending byte, so it sits at error_position - 1.
            std::uint64_t offset = builder.error_position() > 0 ? builder.error_position() - 1 : 0;
            // For ill-formed UTF-8 that byte may be the first one that does not continue a
            // sequence: the character at fault starts at the sequence's lead byte, before it.
            if (builder.error_what().find("UTF-8") != std::string::npos) offset = source.sequence_start(offset);
            const text_position pos = source.position_of(offset);
            stop->code = diagnostic_code::invalid_json;
            stop->message = "invalid JSON at line " + std::to_string(pos.line) + ", column " +
                            std::to_string(pos.column) + ": " + parse_error_text(builder.error_what());
            stop->line = pos.line;
            stop->column = pos.column;
        }
        stop->path = builder.error_path();
    }
    if (!parsed) source.drain();  // an input over the size limit is only that, as if unread
    if (source.over_limit()) return too_large(too_large_message);
    for (auto& d : builder.diagnostics())
        diags.push_back(std::move(d));
    if (stop) diags.push_back(std::move(*stop));
    if (!parsed) return result;

    if (!root.is_object()) {
        diags.push_back(document_diagnostic(severity::error, diagnostic_code::type_mismatch, "",
                                            "the document must be a JSON object, got " + describe_value(root)));
        return result;
    }
    const auto format = root.find("format");
    if (format == root.end()) {
        diags.push_back(document_diagnostic(severity::error, diagnostic_code::unsupported_format, "/format",
                                            std::string("missing member \"format\"; expected \"") + format_tag + "\""));
        return result;
    }
    if (!format->is_string() || format->get_ref<const std::string&>() != format_tag) {
        diags.push_back(document_diagnostic(
            severity::error, diagnostic_code::unsupported_format, "/format",
            "format " + describe_value(*format) + " is not supported; expected \"" + format_tag + "\""));
        return result;
    }

    sink.finish();
    json_read_context& ctx = sink.context();
    // An overflowing number was read as a placeholder 0 and already reported by the parser;
    // whatever the typed reader said about that placeholder is noise.
    const std::unordered_set<std::string> poisoned(builder.poisoned_paths().begin(), builder.poisoned_paths().end());
    for (auto& d : ctx.diagnostics) {
        if (poisoned.count(d.path) == 0) diags.push_back(std::move(d));
    }
    result.unknown_fields = std::move(ctx.unknown_fields);
    if (statistics != nullptr) {
        statistics->observations = sink.data().observations.size();
        statistics->fast_observations = sink.fast_records();
    }
    if (!has_errors(diags)) {
        result.data = std::move(sink.data());
    } else {
        // Read to the end, with errors in some records: all of them, and which are damaged.
        result.partial.emplace();
        result.partial->incomplete = std::move(sink.data());
        result.partial->damage = damage_of(diags);
    }
    return result;
}

/// A reader over a byte range of memory.
inline input_source::reader memory_reader(std::string_view text) {
    return [text, at = std::size_t{0}](char* buffer, std::size_t size) mutable {
        const std::size_t n = text.size() - at < size ? text.size() - at : size;
        std::memcpy(buffer, text.data() + at, n);
        at += n;
        return n;
    };
}

}  // namespace detail

DXFRAME_DECL load_result load_dataset(std::string_view json_text, const load_options& options) {
    return detail::load_dataset_chunked(json_text, options, std::size_t{1} << 20, nullptr);
}

namespace detail {

DXFRAME_DECL load_result load_dataset_chunked(std::string_view json_text, const load_options& options,
                                              std::size_t chunk, load_statistics* statistics) {
    const std::string message = "the document has " + std::to_string(json_text.size()) +
                                " bytes, more than the limit of " + std::to_string(options.limits.max_document_bytes);
    if (json_text.size() > options.limits.max_document_bytes) return too_large(message);
    input_source source(memory_reader(json_text), options.limits.max_document_bytes, chunk);
    return load_from_source(source, options, message, statistics, json_text.size());
}

DXFRAME_DECL load_result load_dataset_file_with(const std::string& path, const load_options& options,
                                                load_statistics* statistics) {
    const std::uint64_t limit = options.limits.max_document_bytes;
    const std::string message =
        "the file '" + printable(path, 200) + "' is larger than the limit of " + std::to_string(limit) + " bytes";
    std::error_code ec;
    std::uint64_t file_bytes = 0;  // 0: unknown (not a regular file)
    if (std::filesystem::is_regular_file(path, ec)) {
        file_bytes = std::filesystem::file_size(path, ec);
        if (ec) file_bytes = 0;
        if (file_bytes > limit) return too_large(message);
    }
    errno = 0;
    file_closer f{std::fopen(path.c_str(), "rb")};
    if (f.file == nullptr) throw io_error(path, "cannot open", errno != 0 ? errno : ENOENT);
    input_source source(
        [&](char* buffer, std::size_t size) {
            errno = 0;
            const std::size_t got = std::fread(buffer, 1, size, f.file);
            if (got < size && std::ferror(f.file)) throw io_error(path, "cannot read", errno != 0 ? errno : EIO);
            return got;
        },
        limit);
    return load_from_source(source, options, message, statistics, file_bytes);
}

}  // namespace detail

DXFRAME_DECL load_result load_dataset_file(const std::string& path, const load_options& options) {
    return detail::load_dataset_file_with(path, options, nullptr);
}

DXFRAME_DECL load_result load_dataset_stream(std::istream& in, const load_options& options) {
    const std::uint64_t limit = options.limits.max_document_bytes;
    detail::input_source source(
        [&](char* buffer, std::size_t size) {
            in.read(buffer, static_cast<std::streamsize>(size));
            if (in.bad()) throw io_error("<stream>", "cannot read", EIO);
            return static_cast<std::size_t>(in.gcount());
        },
        limit);
    return detail::load_from_source(
        source, options, "the input is larger than the limit of " + std::to_string(limit) + " bytes", nullptr);
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
