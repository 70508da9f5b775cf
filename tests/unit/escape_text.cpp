// SPDX-License-Identifier: MIT
// The one Markdown escaper, the one HTML escaper (<dxframe/report/escape.hpp>) and the one JSON
// Pointer escaper (<dxframe/diagnostic.hpp>) on the edge cases.
#include <string>

#include <dxframe/diagnostic.hpp>
#include <dxframe/io/json.hpp>
#include <dxframe/report/escape.hpp>

#include "catch_compat.hpp"

using namespace dxframe;

TEST_CASE("escape: Markdown table cells", "[escape]") {
    CHECK(markdown_escape("a|b") == "a\\|b");  // a pipe would end the cell
    CHECK(markdown_escape("C:\\dir") == "C:\\\\dir");
    CHECK(markdown_escape("\\|") == "\\\\\\|");  // a backslash before a pipe escapes neither
    CHECK(markdown_escape("one\ntwo\r\nthree\tfour") == "one two three four");  // a cell is one line
    CHECK(markdown_escape("dti_1 *x* `c` [l](u) #h ~s~") == "dti\\_1 \\*x\\* \\`c\\` \\[l\\](u) \\#h \\~s\\~");
    CHECK(markdown_escape("<script>&amp;") == "&lt;script&gt;&amp;amp;");
    CHECK(markdown_escape("Hạ tầng số") == "Hạ tầng số");
    CHECK(markdown_escape("").empty());
}

TEST_CASE("escape: HTML text and attributes", "[escape]") {
    CHECK(html_escape("a|b\\c\nd") == "a|b\\c\nd");
    CHECK(html_escape("<a href=\"x\">'&'</a>") == "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
    CHECK(html_escape("x\x01y") == "xy");
}

TEST_CASE("escape: JSON Pointer reference tokens", "[escape]") {
    CHECK(pointer_append("", "a/b") == "/a~1b");
    CHECK(pointer_append("/x", "m~n") == "/x/m~0n");
    CHECK(pointer_append("", "~1") == "/~01");  // "~" first, so "~1" does not become "/"
    CHECK(pointer_append("", "/~") == "/~1~0");
    CHECK(pointer_append("", "") == "/");
    CHECK(pointer_append("/a", std::size_t{3}) == "/a/3");
    std::string out = "/p";
    pointer_escape_append(out, "a~/b");
    CHECK(out == "/pa~0~1b");

    // The JSON reader's paths use the same escaping.
    const std::string prefix = "/root";
    const detail::json_path root = detail::json_path::root(&prefix);
    const detail::json_path child = root.member("k/~");
    CHECK(child.str() == "/root/k~1~0");
    CHECK(child.element(2).str() == "/root/k~1~0/2");
}
