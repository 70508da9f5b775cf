// SPDX-License-Identifier: MIT
// What the commands share in writing their results: numbers in full (CSV) and in part (tables for
// people), Markdown table cells, and the -o/--output destination. Each command keeps its own
// short form of a number for people (they differ on purpose: an index table shows magnitudes, a
// progress table significant digits, the uncertainty tables ranks); they are built from these.
#pragma once

#include <cstdio>
#include <optional>
#include <string>

#include <dxframe/io/file.hpp>

#include "cli.hpp"

namespace dxframe::cli {

/// `v` with 17 significant digits (`%.17g`): the same double when read back.
inline std::string number17(double v) {
    char buf[40];
    std::snprintf(buf, sizeof buf, "%.17g", v);
    return buf;
}

/// number17 of the value, or "" (an empty CSV cell) for none.
inline std::string number17(const std::optional<double>& v) {
    return v ? number17(*v) : std::string();
}

/// `v` with `decimals` digits after the point, never in exponent notation (`%.*f`).
inline std::string fixed_number(double v, int decimals) {
    char buf[400];  // DBL_MAX has 309 digits before the point
    std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
    return buf;
}

/// A fixed_number without the zeros that end its decimals (and without the point when none is
/// left); "-0" (a small negative value rounded away) becomes "0".
inline std::string trim_decimals(std::string s) {
    if (s.find('.') != std::string::npos) {
        while (s.back() == '0')
            s.pop_back();
        if (s.back() == '.') s.pop_back();
    }
    return s == "-0" ? "0" : s;
}

/// `s` as one Markdown table cell: '|' escaped, line breaks as spaces; nothing else changes
/// (ids such as `dti_1` stay as written).
inline std::string md_cell(const std::string& s) {
    std::string out;
    for (char c : s) {
        if (c == '|') {
            out += "\\|";
        } else if (c == '\n' || c == '\r') {
            out += ' ';
        } else {
            out += c;
        }
    }
    return out;
}

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
