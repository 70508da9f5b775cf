// SPDX-License-Identifier: MIT
// The one UTF-8 decoder (<dxframe/io/detail/utf8.hpp>) and the functions built on it.
#include <cstddef>
#include <string>
#include <string_view>

#include <dxframe/io/detail/utf8.hpp>
#include <dxframe/report/escape.hpp>
#include <dxframe/report/text_width.hpp>

#include "catch_compat.hpp"

using dxframe::detail::decode_utf8;
using dxframe::detail::is_valid_utf8;

namespace {
// The code point at the start of `s` and its length.
std::pair<char32_t, std::size_t> first(std::string_view s) {
    std::size_t len = 0;
    const char32_t cp = decode_utf8(s, 0, len);
    return {cp, len};
}
const std::pair<char32_t, std::size_t> bad{0xFFFD, 1};
}  // namespace

TEST_CASE("utf8: well-formed sequences decode to their code point", "[utf8]") {
    CHECK(first("A") == std::pair<char32_t, std::size_t>{U'A', 1});
    CHECK(first("\xC3\xA1") == std::pair<char32_t, std::size_t>{0xE1, 2});             // á
    CHECK(first("\xE1\xBA\xA1") == std::pair<char32_t, std::size_t>{0x1EA1, 3});       // ạ
    CHECK(first("\xF0\x9F\x98\x80") == std::pair<char32_t, std::size_t>{0x1F600, 4});  // emoji
    CHECK(first("\xF4\x8F\xBF\xBF") == std::pair<char32_t, std::size_t>{0x10FFFF, 4});
    CHECK(first("\xEF\xBF\xBD") == std::pair<char32_t, std::size_t>{0xFFFD, 3});  // a real U+FFFD
    CHECK(first(std::string_view("\0", 1)) == std::pair<char32_t, std::size_t>{0, 1});
    CHECK(is_valid_utf8("Chính phủ số"));
}

TEST_CASE("utf8: every ill-formed byte is U+FFFD of length 1", "[utf8]") {
    CHECK(first("\x80") == bad);              // lone continuation byte
    CHECK(first("\xC0\xAF") == bad);          // overlong '/'
    CHECK(first("\xC1\xBF") == bad);          // overlong
    CHECK(first("\xE0\x80\xAF") == bad);      // overlong, three bytes
    CHECK(first("\xF0\x80\x80\xAF") == bad);  // overlong, four bytes
    CHECK(first("\xED\xA0\x80") == bad);      // surrogate U+D800
    CHECK(first("\xF4\x90\x80\x80") == bad);  // above U+10FFFF
    CHECK(first("\xF5\x80\x80\x80") == bad);
    CHECK(first("\xFF") == bad);
    CHECK(first("\xE1\xBA") == bad);  // cut short at the end
    CHECK(first("\xE1"
                "A") == bad);  // interrupted
    CHECK_FALSE(is_valid_utf8("x\xFFy"));

    // The decoder's users resume at the next byte.
    CHECK(dxframe::code_point_count("\xE1\xBA"
                                    "A") == 3);
    CHECK(dxframe::display_width("\xC0\xAF") == 2);
    CHECK(dxframe::html_escape("a\xED\xA0\x80"
                               "b") ==
          "a\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD"
          "b");
    CHECK(dxframe::detail::printable("a\xFF") == "a\\xFF");
}
