// SPDX-License-Identifier: MIT
// Definitions for <dxframe/model/date.hpp> (see <dxframe/config.hpp>: included by that header
// in header-only mode, by <dxframe/src.hpp> in separate compilation).
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <string>

#include <dxframe/error.hpp>
#include <dxframe/model/date.hpp>

namespace dxframe {

DXFRAME_DECL date date::from_ymd(int year, int month, int day) {
    if (!is_valid(year, month, day)) {
        throw error("dxframe::date: no such day " + std::to_string(year) + "-" + std::to_string(month) + "-" +
                    std::to_string(day));
    }
    return date(year, month, day);
}

DXFRAME_DECL date date::today() {
    const auto now = std::chrono::system_clock::now();
    const auto days = std::chrono::duration_cast<std::chrono::hours>(now.time_since_epoch()).count() / 24;
    return from_days(static_cast<std::int64_t>(days));
}

DXFRAME_DECL date date::from_days(std::int64_t days) {
    // Howard Hinnant's civil_from_days, exact for the proleptic Gregorian calendar.
    const std::int64_t z = days + 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const std::int64_t doe = z - era * 146097;
    const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const std::int64_t mp = (5 * doy + 2) / 153;
    const std::int64_t d = doy - (153 * mp + 2) / 5 + 1;
    const std::int64_t m = mp < 10 ? mp + 3 : mp - 9;
    const std::int64_t y = yoe + era * 400 + (m <= 2 ? 1 : 0);
    if (y < 1 || y > 9999) throw error("dxframe::date: day count out of range");
    return date(static_cast<int>(y), static_cast<int>(m), static_cast<int>(d));
}

DXFRAME_DECL std::string date::to_string() const {
    std::string s(10, '-');
    put(s, 0, year_, 4);
    put(s, 5, month_, 2);
    put(s, 8, day_, 2);
    return s;
}

DXFRAME_DECL void date::put(std::string& s, std::size_t at, int v, std::size_t width) {
    for (std::size_t i = width; i-- > 0;) {
        s[at + i] = static_cast<char>('0' + v % 10);
        v /= 10;
    }
}

DXFRAME_DECL date add_years(const date& d, int n) {
    const int y = d.year() + n;
    if (y < 1 || y > 9999) throw error("dxframe::add_years: year out of range");
    const int dd = d.day() <= date::days_in_month(y, d.month()) ? d.day() : date::days_in_month(y, d.month());
    return date::from_ymd(y, d.month(), dd);
}

DXFRAME_DECL double years_between(const date& from, const date& to) {
    if (to < from) return -years_between(to, from);
    int whole = to.year() - from.year();
    if (whole > 0 && add_years(from, whole) > to) --whole;
    const date anniversary = add_years(from, whole);
    const date next = add_years(from, whole + 1 <= 9999 - from.year() ? whole + 1 : whole);
    const auto rest = days_between(anniversary, to);
    const auto span = days_between(anniversary, next);
    // Only at the very end of year 9999 is there no following anniversary: use a common year.
    return static_cast<double>(whole) + static_cast<double>(rest) / static_cast<double>(span > 0 ? span : 365);
}

}  // namespace dxframe
