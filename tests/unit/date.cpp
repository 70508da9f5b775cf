// SPDX-License-Identifier: MIT
#include <dxframe/model/date.hpp>

#include "catch_compat.hpp"

using dxframe::date;

TEST_CASE("date parses ISO 8601 and rejects impossible days", "[date]") {
    const auto d = date::parse("2024-02-29");
    REQUIRE(d);
    CHECK(d->year() == 2024);
    CHECK(d->month() == 2);
    CHECK(d->day() == 29);
    CHECK(d->to_string() == "2024-02-29");

    CHECK_FALSE(date::parse("2023-02-29"));
    CHECK_FALSE(date::parse("2024-02-30"));
    CHECK_FALSE(date::parse("2023-13-01"));
    CHECK_FALSE(date::parse("2023-00-10"));
    CHECK_FALSE(date::parse("2023-04-31"));
    CHECK_FALSE(date::parse("1900-02-29"));
    CHECK(date::parse("2000-02-29"));
    CHECK_FALSE(date::parse("0000-01-01"));
    CHECK_FALSE(date::parse("2023-1-01"));
    CHECK_FALSE(date::parse("2023/01/01"));
    CHECK_FALSE(date::parse("2023-01-01T00:00"));
    CHECK_FALSE(date::parse("+023-01-01"));
    CHECK_FALSE(date::parse(""));
    CHECK_THROWS_AS(date::from_ymd(2024, 2, 30), dxframe::error);
}

TEST_CASE("date day arithmetic is exact across eras", "[date]") {
    CHECK(date::from_ymd(1970, 1, 1).days_since_epoch() == 0);
    CHECK(date::from_ymd(2000, 3, 1).days_since_epoch() == 11017);
    CHECK(date::from_ymd(1969, 12, 31).days_since_epoch() == -1);
    CHECK(date::from_ymd(1, 1, 1).days_since_epoch() == -719162);
    for (std::int64_t n = -719162; n < 2932897; n += 997) {
        CHECK(date::from_days(n).days_since_epoch() == n);
    }
    CHECK(date::from_ymd(2024, 12, 31).add_days(1) == date::from_ymd(2025, 1, 1));
    CHECK(dxframe::days_between(date::from_ymd(2024, 1, 1), date::from_ymd(2025, 1, 1)) == 366);
    CHECK_THROWS_AS(date::from_ymd(9999, 12, 31).add_days(1), dxframe::error);
}

TEST_CASE("years_between is exact on anniversaries and prorates otherwise", "[date]") {
    using dxframe::years_between;
    CHECK(years_between(date::from_ymd(2020, 6, 3), date::from_ymd(2025, 6, 3)) == 5.0);
    CHECK(years_between(date::from_ymd(2025, 6, 3), date::from_ymd(2020, 6, 3)) == -5.0);
    // 2024-01-01 + 183 days in a 366-day year.
    CHECK(years_between(date::from_ymd(2024, 1, 1), date::from_ymd(2024, 7, 2)) == Catch::Approx(183.0 / 366.0));
    // One whole year, then 31 days of the 365-day year that starts 2021-12-31.
    CHECK(years_between(date::from_ymd(2020, 12, 31), date::from_ymd(2022, 1, 31)) ==
          Catch::Approx(1.0 + 31.0 / 365.0));
    // 29 February anniversaries fall on 28 February in common years.
    CHECK(years_between(date::from_ymd(2024, 2, 29), date::from_ymd(2025, 2, 28)) == 1.0);
    CHECK(years_between(date::from_ymd(2024, 5, 5), date::from_ymd(2024, 5, 5)) == 0.0);
}

TEST_CASE("dates order chronologically", "[date]") {
    CHECK(date::from_ymd(2024, 12, 31) < date::from_ymd(2025, 1, 1));
    CHECK(date::from_ymd(2025, 2, 1) > date::from_ymd(2025, 1, 31));
    CHECK(date::from_ymd(2025, 2, 1) == *date::parse("2025-02-01"));
    CHECK(date{} == date::from_ymd(1970, 1, 1));
}
