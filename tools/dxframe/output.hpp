// SPDX-License-Identifier: MIT
// What the commands share in writing their results: the -o/--output destination. Numbers become
// text through <dxframe/report/format.hpp>, Markdown and HTML are escaped by
// <dxframe/report/escape.hpp>.
#pragma once

#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <dxframe/io/file.hpp>
#include <dxframe/model/text.hpp>

#include "cli.hpp"

namespace dxframe::cli {

/// Writes a command's result: to standard output when `output` (-o/--output) is absent or "-",
/// else to that file: a regular file atomically, a device or a pipe directly (write_file_atomic).
/// Throws io_failure when the file cannot be written.
inline void write_output(context& ctx, const std::optional<std::string>& output, const std::string& text) {
    if (!output || *output == "-") {
        ctx.out << text;
        return;
    }
    try {
        write_file_atomic(*output, text);
    } catch (const io_error& e) {
        throw io_failure(e.what());
    }
}

/// The format a file name asks for by its extension ("md", "json", "csv", "html", "text"), or ""
/// when the extension names none: `-o report.html` without --format writes HTML.
inline std::string format_from_extension(const std::string& path) {
    const auto dot = path.rfind('.');
    if (dot == std::string::npos) return {};
    std::string ext = path.substr(dot + 1);
    for (auto& ch : ext)
        ch = static_cast<char>(ch >= 'A' && ch <= 'Z' ? ch - 'A' + 'a' : ch);
    if (ext == "md" || ext == "markdown") return "md";
    if (ext == "json") return "json";
    if (ext == "csv") return "csv";
    if (ext == "html" || ext == "htm") return "html";
    if (ext == "txt") return "text";
    return {};
}

/// A command's output format: --format (one of `allowed`, else usage_error), else the format the
/// `-o` file's extension names when it is one of `allowed`, else `fallback`.
inline std::string output_format(const parsed_args& args, const std::optional<std::string>& output,
                                 const std::vector<std::string>& allowed, const std::string& fallback) {
    if (const auto f = args.get("--format")) return one_of("--format", *f, allowed);
    if (output) {
        std::string guessed = format_from_extension(*output);
        for (const auto& a : allowed) {
            if (a == guessed) return guessed;
        }
    }
    return fallback;
}

/// The language of the user's locale: Vietnamese when LC_ALL, LC_MESSAGES or LANG (the first one
/// set) starts with "vi", else English.
inline language language_from_environment() {
    for (const char* name : {"LC_ALL", "LC_MESSAGES", "LANG"}) {
        const char* v = std::getenv(name);
        if (v == nullptr || *v == '\0') continue;
        return std::string_view(v).substr(0, 2) == "vi" ? language::vi : language::en;
    }
    return language::en;
}

}  // namespace dxframe::cli
