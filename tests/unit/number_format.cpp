// SPDX-License-Identifier: MIT
// The one number-to-text module (<dxframe/report/format.hpp>): every style on the edge cases
// (negative zero, huge and tiny values, NaN, infinity, missing values).
#include <cfloat>
#include <cmath>
#include <cstdlib>
#include <limits>
#include <optional>
#include <string>

#include <dxframe/report/format.hpp>

#include "catch_compat.hpp"

using namespace dxframe;

namespace {
const std::string dash = "\u2014";
const double inf = std::numeric_limits<double>::infinity();
const double not_a_number = std::numeric_limits<double>::quiet_NaN();
}  // namespace

TEST_CASE("format: machine numbers read back to the same double", "[format]") {
    CHECK(full_precision_number(0.1) == "0.10000000000000001");
    CHECK(full_precision_number(100.0) == "100");
    CHECK(full_precision_number(-0.0) == "-0");
    CHECK(full_precision_number(1e300) == "1.0000000000000001e+300");
    CHECK(full_precision_number(5e-324) == "4.9406564584124654e-324");
    CHECK(std::strtod(full_precision_number(DBL_MAX).c_str(), nullptr) == DBL_MAX);
    CHECK(full_precision_number(inf) == "inf");
    CHECK(full_precision_number(not_a_number).find("nan") != std::string::npos);
    CHECK(full_precision_number(std::optional<double>{}).empty());

    CHECK(shortest_number(0.1) == "0.1");
    CHECK(shortest_number(0.1 + 0.2) == "0.30000000000000004");
    CHECK(shortest_number(100.0) == "100");  // not "1e+02"
    CHECK(shortest_number(1e10) == "10000000000");
    CHECK(shortest_number(1e16) == "10000000000000000");
    CHECK(shortest_number(1e20) == "1e+20");
    CHECK(shortest_number(1e-5) == "1e-05");
    CHECK(shortest_number(0.0001) == "0.0001");
    CHECK(shortest_number(5e-324) == "5e-324");
    CHECK(shortest_number(DBL_MAX) == "1.7976931348623157e+308");
    CHECK(shortest_number(-0.0) == "-0");
    CHECK(shortest_number(not_a_number) == "NaN");
    CHECK(shortest_number(inf) == "inf");
    CHECK(shortest_number(-inf) == "-inf");

    CHECK(general_number(0.001, 6) == "0.001");
    CHECK(general_number(100.0, 6) == "100");
    CHECK(general_number(1234567.0, 6) == "1.23457e+06");
    CHECK(general_number(-0.0, 6) == "-0");
    CHECK(general_number(1e-300, 6) == "1e-300");

    CHECK(round_trip_number(-0.0) == "-0");
    CHECK(round_trip_number(inf).empty());
}

TEST_CASE("format: numbers for people, fixed, trimmed and significant", "[format]") {
    CHECK(fixed_number(9.58391, 4) == "9.5839");
    CHECK(fixed_number(100.0, 1) == "100.0");
    CHECK(fixed_number(0.0, 4) == "0.0000");
    CHECK(fixed_number(-0.0, 2) == "0.00");        // negative zero has no sign
    CHECK(fixed_number(-0.00001, 4) == "0.0000");  // nor a value that rounds to zero
    CHECK(fixed_number(-0.5, 0) == "0");           // rounds to even: zero
    CHECK(fixed_number(-1.25, 1) == "-1.2");
    CHECK(fixed_number(1e300, 0).size() == 301);  // never an exponent
    CHECK(fixed_number(DBL_MAX, 17).size() == 309 + 1 + 17);
    CHECK(fixed_number(1e-300, 4) == "0.0000");
    CHECK(fixed_number(not_a_number, 2) == dash);
    CHECK(fixed_number(-inf, 2) == dash);
    CHECK(fixed_number(std::optional<double>{}, 2) == dash);

    CHECK(trimmed_number(0.25, 4) == "0.25");
    CHECK(trimmed_number(3.0, 4) == "3");
    CHECK(trimmed_number(-0.00001, 4) == "0");
    CHECK(trimmed_number(-0.0, 4) == "0");
    CHECK(trimmed_number(1e-9, 4) == "0");
    CHECK(trimmed_number(12.34567, 4) == "12.3457");
    CHECK(trimmed_number(inf, 4) == dash);
    CHECK(trimmed_number(std::optional<double>{}, 4) == dash);

    CHECK(significant_number(12845.9, 4) == "12846");  // not 1.285e+04
    CHECK(significant_number(1234.56, 4) == "1235");
    CHECK(significant_number(71.789, 4) == "71.79");
    CHECK(significant_number(0.000123456, 4) == "0.0001235");
    CHECK(significant_number(1e-20, 4) == "0");  // at most 12 decimals
    CHECK(significant_number(0.0, 4) == "0");
    CHECK(significant_number(-0.0, 4) == "0");
    CHECK(significant_number(1e300, 4).size() == 301);
    CHECK(significant_number(not_a_number, 4) == dash);
    CHECK(significant_number(std::optional<double>{}, 4) == dash);

    CHECK(human_number(-0.0, language::en) == "0");
    CHECK(human_number(-0.0001, language::vi) == "0");
    CHECK(human_number(1e16, language::en) == "1e+16");
    CHECK(human_number(inf, language::en) == dash);
    CHECK(percent(-0.001) == "0%");
    CHECK(percent(inf) == dash);
}
