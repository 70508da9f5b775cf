// SPDX-License-Identifier: MIT
/// @file
/// @brief A proleptic Gregorian civil date with ISO 8601 text form and exact year differences.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
// The declarations need <chrono> only for the C++20 calendar conversions below. <version> tells
// whether the library has them (__cpp_lib_chrono) without the cost of <chrono>, which with
// libstdc++ 12 in C++20 also brings in <sstream>.
#if __has_include(<version>)
#include <version>
#else
#include <chrono>
#endif
#if defined(__cpp_lib_chrono) && __cpp_lib_chrono >= 201907L
#include <chrono>
#endif

#include <dxframe/config.hpp>
#include <dxframe/error.hpp>

namespace dxframe {

/// A civil date (year 1..9999) in the proleptic Gregorian calendar.
///
/// Always valid: the only ways to build one check the day exists (2024-02-30 is refused).
/// Its text form is ISO 8601 `YYYY-MM-DD`; in JSON it is that string.
class date {
public:
    /// 1970-01-01, so that a default-constructed date is still a real date.
    constexpr date() noexcept = default;

    /// Builds a date, throwing dxframe::error if the day does not exist.
    DXFRAME_DECL static date from_ymd(int year, int month, int day);

    /// Builds a date if the day exists, otherwise returns nullopt.
    static constexpr std::optional<date> try_from_ymd(int year, int month, int day) noexcept {
        if (!is_valid(year, month, day)) return std::nullopt;
        return date(year, month, day);
    }

    /// Parses exactly `YYYY-MM-DD` (four-digit year, two-digit month and day).
    /// Returns nullopt for any other text or for a day that does not exist.
    static constexpr std::optional<date> parse(std::string_view text) noexcept {
        if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
        int parts[3] = {0, 0, 0};
        const std::size_t starts[3] = {0, 5, 8};
        const std::size_t lengths[3] = {4, 2, 2};
        for (int p = 0; p < 3; ++p) {
            for (std::size_t i = 0; i < lengths[p]; ++i) {
                const char c = text[starts[p] + i];
                if (c < '0' || c > '9') return std::nullopt;
                parts[p] = parts[p] * 10 + (c - '0');
            }
        }
        return try_from_ymd(parts[0], parts[1], parts[2]);
    }

    /// Today's date in UTC, from the system clock.
    DXFRAME_DECL static date today();

    /// The date `days` days after 1970-01-01 (negative: before). Throws if out of 1..9999.
    DXFRAME_DECL static date from_days(std::int64_t days);

    /// Year, 1..9999.
    constexpr int year() const noexcept { return year_; }
    /// Month, 1..12.
    constexpr int month() const noexcept { return month_; }
    /// Day of the month, 1..31.
    constexpr int day() const noexcept { return day_; }

    /// Days since 1970-01-01 (negative before it).
    constexpr std::int64_t days_since_epoch() const noexcept {
        // Howard Hinnant's days_from_civil.
        const std::int64_t y = static_cast<std::int64_t>(year_) - (month_ <= 2 ? 1 : 0);
        const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
        const std::int64_t yoe = y - era * 400;
        const std::int64_t mp = month_ > 2 ? month_ - 3 : month_ + 9;
        const std::int64_t doy = (153 * mp + 2) / 5 + day_ - 1;
        const std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        return era * 146097 + doe - 719468;
    }

    /// The date `n` days later (earlier if negative). Throws if the result leaves 1..9999.
    date add_days(std::int64_t n) const { return from_days(days_since_epoch() + n); }

    /// The ISO 8601 text `YYYY-MM-DD`.
    DXFRAME_DECL std::string to_string() const;

    /// True for leap years of the Gregorian calendar.
    static constexpr bool is_leap(int y) noexcept { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

    /// Number of days in a month of a year (0 for a month outside 1..12).
    static constexpr int days_in_month(int y, int m) noexcept {
        constexpr int lengths[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
        if (m < 1 || m > 12) return 0;
        return m == 2 && is_leap(y) ? 29 : lengths[m - 1];
    }

    /// True when year, month and day name a real day with year in 1..9999.
    static constexpr bool is_valid(int y, int m, int d) noexcept {
        return y >= 1 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 && d <= days_in_month(y, m);
    }

    /// Equality.
    friend constexpr bool operator==(const date& a, const date& b) noexcept { return a.key() == b.key(); }
    /// Inequality.
    friend constexpr bool operator!=(const date& a, const date& b) noexcept { return a.key() != b.key(); }
    /// Chronological order.
    friend constexpr bool operator<(const date& a, const date& b) noexcept { return a.key() < b.key(); }
    /// Chronological order.
    friend constexpr bool operator>(const date& a, const date& b) noexcept { return a.key() > b.key(); }
    /// Chronological order.
    friend constexpr bool operator<=(const date& a, const date& b) noexcept { return a.key() <= b.key(); }
    /// Chronological order.
    friend constexpr bool operator>=(const date& a, const date& b) noexcept { return a.key() >= b.key(); }

#if defined(__cpp_lib_chrono) && __cpp_lib_chrono >= 201907L
    /// Converts to std::chrono::year_month_day (C++20).
    constexpr operator std::chrono::year_month_day() const noexcept {
        return std::chrono::year_month_day{std::chrono::year{year_}, std::chrono::month{static_cast<unsigned>(month_)},
                                           std::chrono::day{static_cast<unsigned>(day_)}};
    }
    /// Converts from std::chrono::year_month_day (C++20); throws dxframe::error if it is not a valid day.
    static date from_chrono(const std::chrono::year_month_day& ymd) {
        return from_ymd(static_cast<int>(ymd.year()), static_cast<int>(static_cast<unsigned>(ymd.month())),
                        static_cast<int>(static_cast<unsigned>(ymd.day())));
    }
#endif

private:
    constexpr date(int y, int m, int d) noexcept : year_(y), month_(m), day_(d) {}
    constexpr std::int64_t key() const noexcept {
        return (static_cast<std::int64_t>(year_) * 16 + month_) * 32 + day_;
    }
    DXFRAME_DECL static void put(std::string& s, std::size_t at, int v, std::size_t width);

    int year_ = 1970;
    int month_ = 1;
    int day_ = 1;
};

/// The same month and day `n` years later; 29 February becomes 28 February in common years.
DXFRAME_DECL date add_years(const date& d, int n);

/// Signed number of days from `from` to `to`.
inline constexpr std::int64_t days_between(const date& from, const date& to) noexcept {
    return to.days_since_epoch() - from.days_since_epoch();
}

/// Signed length in years from `from` to `to`.
///
/// Whole years are counted on anniversaries, so the result is an exact integer when month and
/// day agree (2020-06-03 to 2025-06-03 is 5). Otherwise it is the whole years plus the remaining
/// days divided by the length (365 or 366) of the year that follows the last anniversary.
DXFRAME_DECL double years_between(const date& from, const date& to);

}  // namespace dxframe

#if DXFRAME_HEADER_ONLY
#include <dxframe/model/impl/date.ipp>
#endif
