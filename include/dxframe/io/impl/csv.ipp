// SPDX-License-Identifier: MIT
// Definitions for <dxframe/io/csv.hpp> (see <dxframe/config.hpp>: included by that header
// in header-only mode, by <dxframe/src.hpp> in separate compilation).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <dxframe/diagnostic.hpp>
#include <dxframe/io/csv.hpp>
#include <dxframe/io/detail/utf8.hpp>

namespace dxframe {

namespace detail {

/// A CSV diagnostic at a line and column of `source`.
inline diagnostic csv_diag(severity sev, const std::string& source, std::size_t line, std::size_t column,
                           std::string message) {
    diagnostic d;
    d.severity = sev;
    d.code = diagnostic_code::invalid_csv;
    d.path = source;
    d.line = line;
    d.column = column;
    d.message = std::move(message);
    return d;
}

}  // namespace detail

DXFRAME_DECL csv_read_result read_csv(std::string_view text, const csv_read_options& options) {
    csv_read_result result;
    auto& diags = result.diagnostics;
    const std::string& src = options.source;
    const char delim = options.delimiter;
    std::size_t pos = 0;
    if (text.size() >= 3 && static_cast<unsigned char>(text[0]) == 0xEF &&
        static_cast<unsigned char>(text[1]) == 0xBB && static_cast<unsigned char>(text[2]) == 0xBF) {
        pos = 3;
        diags.push_back(detail::csv_diag(severity::info, src, 1, 1, "UTF-8 byte-order mark ignored"));
    }
    const std::size_t n = text.size();
    // The cells become names and ids that are written out again as JSON, HTML and CSV; a table
    // saved in a legacy code page (Windows-1258 from Excel) would corrupt those, or make the JSON
    // writer fail far from the cause. Refuse it here, at the first bad byte (same line and column
    // rules as the reader below: CRLF, LF or CR end a line; columns count characters).
    for (std::size_t i = pos, l = 1, c = 1; i < n;) {
        if (text[i] == '\r' || text[i] == '\n') {
            i += text[i] == '\r' && i + 1 < n && text[i + 1] == '\n' ? 2 : 1;
            ++l;
            c = 1;
        } else if (const std::size_t len = detail::utf8_sequence_length(text, i); len != 0) {
            i += len;
            ++c;
        } else {
            diags.push_back(detail::csv_diag(
                severity::error, src, l, c,
                "byte " + detail::printable(text.substr(i, 1)) + " is not valid UTF-8 (save the table as CSV UTF-8)"));
            return result;
        }
    }
    std::size_t line = 1;
    std::size_t col = 1;  // character column of text[pos] (UTF-8 continuation bytes do not count)
    auto advance = [&](char c) {
        ++pos;
        if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++col;
    };
    auto newline = [&]() {  // at a CR or LF: consume CRLF / LF / CR
        if (text[pos] == '\r' && pos + 1 < n && text[pos + 1] == '\n') ++pos;
        ++pos;
        ++line;
        col = 1;
    };

    std::vector<std::vector<std::string>> records;
    std::vector<std::size_t> record_lines;
    std::vector<std::vector<std::size_t>> record_cols;  // start column of each field
    bool broken = false;
    while (pos < n) {
        // Blank line: skip.
        if (text[pos] == '\r' || text[pos] == '\n') {
            newline();
            continue;
        }
        std::vector<std::string> fields;
        std::vector<std::size_t> starts;
        const std::size_t rec_line = line;
        bool end_of_record = false;
        while (!end_of_record) {
            std::string field;
            starts.push_back(col);
            if (pos < n && text[pos] == '"') {
                const std::size_t qline = line;
                const std::size_t qcol = col;
                advance('"');
                bool closed = false;
                while (pos < n) {
                    const char c = text[pos];
                    if (c == '"') {
                        if (pos + 1 < n && text[pos + 1] == '"') {
                            field += '"';
                            advance('"');
                            advance('"');
                            continue;
                        }
                        advance('"');
                        closed = true;
                        break;
                    }
                    if (c == '\r' || c == '\n') {
                        if (c == '\r' && pos + 1 < n && text[pos + 1] == '\n') {
                            field += "\r\n";
                        } else {
                            field += c;
                        }
                        newline();
                        continue;
                    }
                    field += c;
                    advance(c);
                }
                if (!closed) {
                    diags.push_back(
                        detail::csv_diag(severity::error, src, qline, qcol,
                                         "quoted field is not terminated (no closing quote before the end)"));
                    broken = true;
                    pos = n;
                    fields.push_back(std::move(field));
                    break;
                }
                if (pos < n && text[pos] != delim && text[pos] != '\r' && text[pos] != '\n') {
                    diags.push_back(
                        detail::csv_diag(severity::error, src, line, col, "unexpected text after a closing quote"));
                    broken = true;
                    // Skip to the end of the field to keep going.
                    while (pos < n && text[pos] != delim && text[pos] != '\r' && text[pos] != '\n')
                        advance(text[pos]);
                }
            } else {
                while (pos < n && text[pos] != delim && text[pos] != '\r' && text[pos] != '\n') {
                    const char c = text[pos];
                    if (c == '"') {
                        diags.push_back(detail::csv_diag(severity::error, src, line, col,
                                                         "quote inside an unquoted field (quote the whole field and "
                                                         "double the quote)"));
                        broken = true;
                    }
                    field += c;
                    advance(c);
                }
            }
            fields.push_back(std::move(field));
            if (pos >= n) {
                end_of_record = true;
            } else if (text[pos] == delim) {
                advance(delim);
                if (pos >= n) {  // a trailing delimiter at the very end: one more empty field
                    starts.push_back(col);
                    fields.emplace_back();
                    end_of_record = true;
                }
            } else {
                newline();
                end_of_record = true;
            }
        }
        records.push_back(std::move(fields));
        record_lines.push_back(rec_line);
        record_cols.push_back(std::move(starts));
    }

    if (records.empty()) {
        diags.push_back(detail::csv_diag(severity::error, src, 1, 1, "the table is empty (no header)"));
        return result;
    }
    const std::size_t width = records[0].size();
    for (std::size_t r = 1; r < records.size(); ++r) {
        const std::size_t k = records[r].size();
        if (k == width) continue;
        broken = true;
        if (k > width) {
            diags.push_back(detail::csv_diag(severity::error, src, record_lines[r], record_cols[r][width],
                                             "row has " + std::to_string(k) + " fields; the header has " +
                                                 std::to_string(width) + " (field " + std::to_string(width + 1) +
                                                 " is extra)"));
        } else {
            diags.push_back(
                detail::csv_diag(severity::error, src, record_lines[r], record_cols[r][k - 1],
                                 "row has " + std::to_string(k) + " fields; the header has " + std::to_string(width)));
        }
    }
    if (broken) return result;
    csv_table t;
    t.header = std::move(records[0]);
    t.header_line = record_lines[0];
    for (std::size_t r = 1; r < records.size(); ++r) {
        t.rows.push_back(std::move(records[r]));
        t.row_lines.push_back(record_lines[r]);
    }
    result.table = std::move(t);
    return result;
}

DXFRAME_DECL std::string csv_field(std::string_view field, char delimiter) {
    bool quote = false;
    for (char c : field) {
        if (c == delimiter || c == '"' || c == '\r' || c == '\n') {
            quote = true;
            break;
        }
    }
    if (!quote) return std::string(field);
    std::string out = "\"";
    for (char c : field) {
        if (c == '"') out += '"';
        out += c;
    }
    out += '"';
    return out;
}

DXFRAME_DECL std::string write_csv(const std::vector<std::vector<std::string>>& rows, std::string_view newline,
                                   char delimiter) {
    std::string out;
    for (const auto& row : rows) {
        for (std::size_t i = 0; i < row.size(); ++i) {
            if (i) out += delimiter;
            out += csv_field(row[i], delimiter);
        }
        out += newline;
    }
    return out;
}

}  // namespace dxframe
