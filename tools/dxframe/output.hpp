// SPDX-License-Identifier: MIT
// What the commands share in writing their results: the -o/--output destination. Numbers become
// text through <dxframe/report/format.hpp>, Markdown and HTML are escaped by
// <dxframe/report/escape.hpp>.
#pragma once

#include <optional>
#include <string>

#include <dxframe/io/file.hpp>

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

}  // namespace dxframe::cli
