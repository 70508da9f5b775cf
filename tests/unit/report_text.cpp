// SPDX-License-Identifier: MIT
// Display width, cutting and wrapping of UTF-8 text; number and date formatting; escaping.
#include <cmath>
#include <optional>
#include <string>
#include <vector>

#include <dxframe/report/escape.hpp>
#include <dxframe/report/format.hpp>
#include <dxframe/report/labels.hpp>
#include <dxframe/report/text_width.hpp>

#include "catch_compat.hpp"

using namespace dxframe;

TEST_CASE("display width counts characters, not bytes", "[report][text]") {
    CHECK(display_width("Hạ tầng số") == 10);  // 16 bytes
    CHECK(std::string("Hạ tầng số").size() == 16);
    CHECK(display_width("An toàn thông tin mạng") == 22);
    // Decomposed: "a" + U+0323 COMBINING DOT BELOW is one column.
    CHECK(display_width("Ha\xcc\xa3") == 2);
    CHECK(code_point_count("Ha\xcc\xa3") == 3);
    CHECK(display_width("\xe4\xb8\xad\xe6\x96\x87") == 4);  // two CJK characters, two columns each
    CHECK(display_width("") == 0);
    CHECK(display_width("\xff"
                        "a") == 2);                         // an ill-formed byte counts one column
    CHECK(display_width("\xe2\x96\x88\xe2\x96\x91") == 2);  // block and shade characters
}

TEST_CASE("truncate, pad and wrap never split a character", "[report][text]") {
    const std::string name = "Phát triển nguồn nhân lực số";  // 28 columns
    const std::string cut = truncate_to_width(name, 12);
    CHECK(display_width(cut) <= 12);
    CHECK(cut == "Phát triển\u2026");  // the space before the ellipsis is dropped
    CHECK(truncate_to_width(name, 28) == name);
    CHECK(truncate_to_width(name, 0).empty());
    CHECK(truncate_to_width(name, 1) == "\u2026");
    // Cutting "Ha" + combining mark keeps the mark with its letter or drops both.
    CHECK(truncate_to_width("Ha\xcc\xa3"
                            "ng",
                            3) == "Ha\xcc\xa3\u2026");

    CHECK(pad_right("Số", 5) == "Số   ");
    CHECK(display_width(pad_right("Số", 5)) == 5);
    CHECK(pad_left("5%", 4) == "  5%");
    CHECK(pad_right("abcdef", 4) == "abc\u2026");

    const auto lines = wrap_to_width("Kinh tế số chiếm 20% GDP vào năm 2025", 12);
    REQUIRE(lines.size() == 4);
    CHECK(lines[0] == "Kinh tế số");
    CHECK(lines[1] == "chiếm 20%");
    CHECK(lines[2] == "GDP vào năm");
    CHECK(lines[3] == "2025");
    for (const auto& l : lines)
        CHECK(display_width(l) <= 12);
    CHECK(wrap_to_width("", 10).empty());
    CHECK(wrap_to_width("một-từ-rất-dài-không-có-khoảng-trắng", 8) == std::vector<std::string>{"một-từ-\u2026"});
}

TEST_CASE("numbers: round-trip text for machines, localised text for people", "[report][format]") {
    CHECK(round_trip_number(0.1) == "0.1");
    CHECK(round_trip_number(71.79) == "71.79");
    CHECK(round_trip_number(1.0 / 3.0) == "0.3333333333333333");
    CHECK(std::stod(round_trip_number(1.0 / 3.0)) == 1.0 / 3.0);
    CHECK(round_trip_number(0.1 + 0.2) == "0.30000000000000004");  // 17 significant digits needed
    CHECK(std::stod(round_trip_number(0.1 + 0.2)) == 0.1 + 0.2);
    CHECK(round_trip_number(1e300) == "1e+300");
    CHECK(round_trip_number(0.0) == "0");
    CHECK(round_trip_number(std::nan("")).empty());
    CHECK(round_trip_number(std::optional<double>{}).empty());

    CHECK(human_number(16400000.0, language::en) == "16,400,000");
    CHECK(human_number(16400000.0, language::vi) == "16.400.000");
    CHECK(human_number(71.79, language::en) == "71.79");
    CHECK(human_number(71.79, language::vi) == "71,79");
    CHECK(human_number(4543.0, language::vi) == "4543");  // four digits stay ungrouped
    CHECK(human_number(75908.0, language::vi) == "75.908");
    CHECK(human_number(123.456, language::en) == "123.5");
    CHECK(human_number(0.12345, language::en) == "0.123");
    CHECK(human_number(-1234567.0, language::en) == "-1,234,567");
    CHECK(human_number(std::nan(""), language::en) == "\u2014");
    CHECK(human_number(std::optional<double>{}, language::vi) == "\u2014");

    CHECK(percent(0.6) == "60%");
    CHECK(percent(1.0 / 6.0) == "17%");
    CHECK(percent(std::nullopt) == "\u2014");
    CHECK(percent(std::nan("")) == "\u2014");

    CHECK(human_date(date::from_ymd(2025, 12, 31), language::vi) == "31/12/2025");
    CHECK(human_date(date::from_ymd(2025, 1, 5), language::en) == "2025-01-05");
}

TEST_CASE("target expressions and units", "[report][format]") {
    CHECK(unit_suffix(unit::percent, std::string("% of households")) == "%");
    CHECK(unit_suffix(unit::mbps, std::nullopt) == " Mbps");
    CHECK(unit_suffix(unit::other, std::string("Tbps")) == " Tbps");
    CHECK(unit_suffix(unit::count, std::string("enterprises")).empty());
    CHECK(target_expression(target_kind::at_least, 80.0, std::nullopt, direction::higher_is_better, unit::percent, "%",
                            language::en) == "\u2265 80%");
    CHECK(target_expression(target_kind::at_most, 50.0, std::nullopt, direction::lower_is_better, unit::rank, "",
                            language::vi) == "\u2264 50");
    CHECK(target_expression(target_kind::within, 1.0, 3.5, direction::higher_is_better, unit::count, "",
                            language::vi) == "1\u20133,5");
    CHECK(target_expression(target_kind::increase, std::nullopt, std::nullopt, direction::higher_is_better, unit::count,
                            "", language::en) == "\u2191");
    CHECK(target_expression(target_kind::maintain, 5.0, std::nullopt, direction::lower_is_better, unit::count, "",
                            language::en) == "\u2264 5");
    CHECK(target_expression(target_kind::at_least, std::nullopt, std::nullopt, direction::higher_is_better, unit::count,
                            "", language::en) == "\u2014");
    CHECK(target_expression(target_kind::at_least, 1.0, std::nullopt, direction::higher_is_better, unit::boolean, "",
                            language::vi) == "có");
    CHECK(human_value(0.0, unit::boolean, "", language::en) == "no");
}

TEST_CASE("escaping for HTML/SVG and Markdown", "[report][escape]") {
    CHECK(html_escape("<script>alert('x')</script> & \"q\"") ==
          "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;");
    CHECK(html_escape("Chính phủ số") == "Chính phủ số");
    CHECK(html_escape(std::string("a\x01"
                                  "b\x7f"
                                  "c")) == "abc");     // control characters dropped
    CHECK(html_escape("x\xffy") == "x\xef\xbf\xbdy");  // ill-formed byte -> U+FFFD
    CHECK(markdown_escape("a | b *c* [d](e) <i>") == "a \\| b \\*c\\* \\[d\\](e) &lt;i&gt;");
    CHECK(markdown_escape("line\nbreak") == "line break");
}

TEST_CASE("labels exist in both languages with Vietnamese diacritics", "[report][labels]") {
    for (std::size_t k = 0; k < target_status_count; ++k) {
        const auto s = static_cast<target_status>(k);
        CHECK_FALSE(status_label(s, language::vi).empty());
        CHECK_FALSE(status_label(s, language::en).empty());
        CHECK(status_label(s, language::vi) != status_label(s, language::en));
        CHECK(display_width(status_short_label(s, language::vi)) <= 13);
        CHECK(display_width(status_short_label(s, language::en)) <= 13);
        CHECK(display_width(status_abbreviation(s, language::vi)) == 3);
        CHECK(display_width(status_abbreviation(s, language::en)) == 3);
    }
    // A target with one observation has data, too little to assess: not "No data".
    CHECK(status_short_label(target_status::insufficient_data, language::en) == "Insufficient");
    CHECK(target_count(1, language::en) == "1 target");
    CHECK(target_count(2, language::en) == "2 targets");
    CHECK(target_count(0, language::en) == "0 targets");
    CHECK(target_count(1, language::vi) == "1 chỉ tiêu");
    CHECK(status_label(target_status::needs_acceleration, language::vi) == "Cần tăng tốc");
    CHECK(status_label(target_status::overdue, language::vi) == "Quá hạn");
    CHECK(label(report_label::scorecard_title, language::vi) == "Bảng điểm chuyển đổi số");
    CHECK(task_state_label(task_state::done_late, language::vi) == "Hoàn thành muộn");
    CHECK(label(report_label::owner, language::en) == "Owner");
}
