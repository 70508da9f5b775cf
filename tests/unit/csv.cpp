// SPDX-License-Identifier: MIT
// CSV (RFC 4180): quoting, line endings, byte-order mark, ragged rows and bad quoting reported
// with line and column, and the writer's round trip.
#include <dxframe/io/csv.hpp>

#include <string>
#include <vector>

#include "catch_compat.hpp"

using dxframe::read_csv;

namespace {
using rows = std::vector<std::vector<std::string>>;

dxframe::csv_read_options named(const std::string& source) {
    dxframe::csv_read_options o;
    o.source = source;
    return o;
}
}  // namespace

TEST_CASE("csv: header and rows, quoted commas, doubled quotes, line breaks inside quotes", "[csv]") {
    const auto r = read_csv(
        "id,name,note\r\n"
        "1,\"Hà Nội, Việt Nam\",plain\r\n"
        "2,\"He said \"\"ok\"\"\",\"two\r\nlines\"\r\n"
        "3,,\"\"\r\n");
    REQUIRE(r.ok());
    CHECK(r.diagnostics.empty());
    const auto& t = *r.table;
    CHECK(t.header == std::vector<std::string>{"id", "name", "note"});
    CHECK(t.rows == rows{{"1", "Hà Nội, Việt Nam", "plain"}, {"2", "He said \"ok\"", "two\r\nlines"}, {"3", "", ""}});
    // The third data record starts on line 5: the quoted line break moved it down.
    CHECK(t.row_lines == std::vector<std::size_t>{2, 3, 5});
    CHECK(t.header_line == 1);
    CHECK(*t.column("note") == 2);
    CHECK_FALSE(t.column("missing"));
}

TEST_CASE("csv: LF and CR line ends, blank lines, no final line break, a trailing empty field", "[csv]") {
    const auto lf = read_csv("a,b\n1,2\n\n3,4");
    REQUIRE(lf.ok());
    CHECK(lf.table->rows == rows{{"1", "2"}, {"3", "4"}});
    CHECK(lf.table->row_lines == std::vector<std::size_t>{2, 4});
    const auto cr = read_csv("a,b\r1,2\r");
    REQUIRE(cr.ok());
    CHECK(cr.table->rows == rows{{"1", "2"}});
    const auto trailing = read_csv("a,b\n1,");
    REQUIRE(trailing.ok());
    CHECK(trailing.table->rows == rows{{"1", ""}});
    const auto header_only = read_csv("a,b\n");
    REQUIRE(header_only.ok());
    CHECK(header_only.table->rows.empty());
}

TEST_CASE("csv: a UTF-8 byte-order mark is tolerated with a note", "[csv]") {
    const auto r = read_csv("\xEF\xBB\xBFuCode,x\nVNM,1\n", named("iData.csv"));
    REQUIRE(r.ok());
    CHECK(r.table->header[0] == "uCode");
    REQUIRE(r.diagnostics.size() == 1);
    CHECK(r.diagnostics[0].severity == dxframe::severity::info);
    CHECK(r.diagnostics[0].path == "iData.csv");
    CHECK(r.diagnostics[0].message == "UTF-8 byte-order mark ignored");
}

TEST_CASE("csv: ragged rows are errors naming the line and column", "[csv]") {
    const auto r = read_csv("a,b,c\n1,2,3\n4,5\n6,7,8,9\n", named("t.csv"));
    CHECK_FALSE(r.ok());
    REQUIRE(r.diagnostics.size() == 2);
    const auto& short_row = r.diagnostics[0];
    CHECK(short_row.code == dxframe::diagnostic_code::invalid_csv);
    CHECK(short_row.severity == dxframe::severity::error);
    CHECK(short_row.path == "t.csv");
    CHECK(short_row.line == 3u);
    CHECK(short_row.column == 3u);  // the last field of "4,5" starts at column 3
    CHECK(short_row.message == "row has 2 fields; the header has 3");
    const auto& long_row = r.diagnostics[1];
    CHECK(long_row.line == 4u);
    CHECK(long_row.column == 7u);  // "9" is the extra field
    CHECK(long_row.message == "row has 4 fields; the header has 3 (field 4 is extra)");
}

TEST_CASE("csv: columns count characters, not bytes", "[csv]") {
    // "Đà Nẵng" is 7 characters but 11 bytes; the extra field "y" starts at character column 11.
    const auto r = read_csv("a,b\nĐà Nẵng,x,y\n");
    REQUIRE(r.diagnostics.size() == 1);
    CHECK(r.diagnostics[0].column == 11u);
}

TEST_CASE("csv: bad quoting is an error at the offending character", "[csv]") {
    SECTION("a quote inside an unquoted field") {
        const auto r = read_csv("a,b\n1,ab\"c\n");
        CHECK_FALSE(r.ok());
        REQUIRE(r.diagnostics.size() == 1);
        CHECK(r.diagnostics[0].line == 2u);
        CHECK(r.diagnostics[0].column == 5u);
    }
    SECTION("text after a closing quote") {
        const auto r = read_csv("a,b\n\"x\"y,2\n");
        CHECK_FALSE(r.ok());
        REQUIRE(r.diagnostics.size() == 1);
        CHECK(r.diagnostics[0].line == 2u);
        CHECK(r.diagnostics[0].column == 4u);
        CHECK(r.diagnostics[0].message == "unexpected text after a closing quote");
    }
    SECTION("an unterminated quoted field, reported where it opens") {
        const auto r = read_csv("a,b\n1,\"never\nclosed\n");
        CHECK_FALSE(r.ok());
        REQUIRE_FALSE(r.diagnostics.empty());
        CHECK(r.diagnostics[0].line == 2u);
        CHECK(r.diagnostics[0].column == 3u);
        CHECK(r.diagnostics[0].message.find("not terminated") != std::string::npos);
    }
    SECTION("an empty table") {
        const auto r = read_csv("");
        CHECK_FALSE(r.ok());
        REQUIRE(r.diagnostics.size() == 1);
        CHECK(r.diagnostics[0].message == "the table is empty (no header)");
    }
}

TEST_CASE("csv writer: quotes only when needed, CRLF by default, round-trips through the reader", "[csv]") {
    const rows data{{"uCode", "name", "value"}, {"VNM", "Việt Nam, \"VN\"", "0.80017"}, {"X", "two\nlines", ""}};
    const std::string text = dxframe::write_csv(data);
    CHECK(text == "uCode,name,value\r\nVNM,\"Việt Nam, \"\"VN\"\"\",0.80017\r\nX,\"two\nlines\",\r\n");
    const auto back = read_csv(text);
    REQUIRE(back.ok());
    CHECK(back.table->header == data[0]);
    CHECK(back.table->rows == rows{data[1], data[2]});
    CHECK(dxframe::write_csv({{"a", "b"}}, "\n") == "a,b\n");
    CHECK(dxframe::csv_field("plain") == "plain");
    CHECK(dxframe::csv_field("x;y", ';') == "\"x;y\"");
}
