// SPDX-License-Identifier: MIT
/// @file
/// @brief CSV tables (RFC 4180): a strict reader with line/column diagnostics, and a writer.
///
/// Reading follows RFC 4180: comma-separated fields, records ended by CRLF (a bare LF or CR is
/// accepted too), fields in double quotes may hold commas, quotes (doubled) and line breaks. The
/// first record is the header. Tolerated with a note: a UTF-8 byte-order mark. Skipped: blank
/// lines. Errors (each reported, never thrown, with the 1-based line and character column): a
/// byte that is not UTF-8 (reading stops there), a row whose field count differs from the
/// header's, a quote inside an unquoted field, text after a closing quote, an unterminated quoted
/// field, an empty table.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <boost/describe/class.hpp>

#include <dxframe/config.hpp>
#include <dxframe/diagnostic.hpp>

namespace dxframe {

/// Options for read_csv.
struct csv_read_options {
    std::string source = "table.csv";  ///< Name used as the diagnostics' path (the file name).
    char delimiter = ',';              ///< Field separator.
};
BOOST_DESCRIBE_STRUCT(csv_read_options, (), (source, delimiter))

/// A table read from CSV: the header and the data rows, every row as long as the header.
struct csv_table {
    std::vector<std::string> header;             ///< Field names (the first record).
    std::vector<std::vector<std::string>> rows;  ///< Data records.
    std::vector<std::size_t> row_lines;          ///< 1-based line where each data record starts.
    std::size_t header_line = 1;                 ///< 1-based line of the header record.

    /// Index of the header field `name`, if present (first occurrence).
    std::optional<std::size_t> column(std::string_view name) const {
        for (std::size_t i = 0; i < header.size(); ++i) {
            if (header[i] == name) return i;
        }
        return std::nullopt;
    }
};
BOOST_DESCRIBE_STRUCT(csv_table, (), (header, rows, row_lines, header_line))

/// The outcome of read_csv.
struct csv_read_result {
    std::optional<csv_table> table;       ///< Nullopt when any error.
    std::vector<diagnostic> diagnostics;  ///< Every problem (and the byte-order-mark note).
    /// True when a table was read.
    bool ok() const noexcept { return table.has_value(); }
};

/// Reads a CSV table (see the file comment for the rules).
DXFRAME_DECL csv_read_result read_csv(std::string_view text, const csv_read_options& options = {});

/// One field as CSV: quoted (with doubled quotes) when it holds the delimiter, a quote or a line
/// break, as is otherwise.
DXFRAME_DECL std::string csv_field(std::string_view field, char delimiter = ',');

/// Writes rows as CSV, each record ended by `newline` (RFC 4180 says CRLF, the default).
DXFRAME_DECL std::string write_csv(const std::vector<std::vector<std::string>>& rows, std::string_view newline = "\r\n",
                                   char delimiter = ',');

}  // namespace dxframe

#if DXFRAME_HEADER_ONLY
#include <dxframe/io/impl/csv.ipp>
#endif
