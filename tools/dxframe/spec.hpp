// SPDX-License-Identifier: MIT
// The SPEC syntax of `dxframe index --normalise SPEC --aggregate SPEC` (and of the uncertainty
// commands' method alternatives): a method name, then colon-separated numeric parameters.
//
//   normalisers:  none | minmax[:L:U] | zscore[:M:S] | rank | percentile_rank | borda |
//                 goalposts[:A] | distance_to_target | distance_to_max | fraction_of_max
//   aggregators:  arithmetic | geometric | harmonic | genmean:P | median
//
// Defaults: minmax = minmax:0:100 (COINr's default), zscore = zscore:0:1, goalposts = each
// indicator's own scale. Parsing is pure (no I/O): try_parse_* return the value or a message;
// the parse_* wrappers throw cli::usage_error with that message, for the commands.
#pragma once

#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

#include <dxframe/index/aggregate.hpp>
#include <dxframe/index/normalise.hpp>
#include <dxframe/report/format.hpp>

#include "cli.hpp"

namespace dxframe::cli {

/// One line listing the normaliser SPECs, for usage texts and error messages.
inline constexpr const char* normalise_spec_list =
    "none, minmax:L:U, zscore:M:S, rank, percentile_rank, borda, goalposts[:A], distance_to_target, "
    "distance_to_max, fraction_of_max";
/// One line listing the aggregator SPECs.
inline constexpr const char* aggregate_spec_list = "arithmetic, geometric, harmonic, genmean:P, median";

/// A parsed SPEC or why it is wrong.
template <class T>
struct spec_result {
    std::optional<T> value;  ///< The method, when the SPEC is valid.
    std::string error;       ///< Otherwise a message naming the problem and the expected form.
};

namespace detail {

inline std::vector<std::string_view> split_spec(std::string_view s) {
    std::vector<std::string_view> parts;
    std::size_t start = 0;
    for (;;) {
        const std::size_t colon = s.find(':', start);
        parts.push_back(s.substr(start, colon == std::string_view::npos ? std::string_view::npos : colon - start));
        if (colon == std::string_view::npos) break;
        start = colon + 1;
    }
    return parts;
}

inline std::optional<double> spec_number(std::string_view s) {
    if (!s.empty() && s.front() == '+') s.remove_prefix(1);
    if (s.empty()) return std::nullopt;
    double v = 0.0;
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc() || end != s.data() + s.size() || !std::isfinite(v)) return std::nullopt;
    return v;
}

// Reads exactly `count` numbers after the name; on failure sets `error`.
inline bool spec_numbers(const std::vector<std::string_view>& parts, std::size_t count, std::string_view spec,
                         const std::string& form, std::vector<double>& out, std::string& error) {
    if (parts.size() != count + 1) {
        error = "'" + std::string(spec) + "': " + std::string(parts[0]) + " takes " +
                (count == 1 ? std::string("one number") : std::to_string(count) + " numbers") + ", as in " + form;
        return false;
    }
    out.clear();
    for (std::size_t i = 1; i < parts.size(); ++i) {
        const auto v = spec_number(parts[i]);
        if (!v) {
            error = "'" + std::string(parts[i]) + "' in '" + std::string(spec) + "' is not a finite number (expected " +
                    form + ")";
            return false;
        }
        out.push_back(*v);
    }
    return true;
}

}  // namespace detail

/// Parses a normaliser SPEC.
inline spec_result<normalisation> try_parse_normalise_spec(std::string_view spec) {
    spec_result<normalisation> r;
    const auto parts = detail::split_spec(spec);
    const std::string_view name = parts[0];
    std::vector<double> nums;
    normalisation n;
    auto no_params = [&](normaliser m) {
        if (parts.size() != 1) {
            r.error = "'" + std::string(spec) + "': " + std::string(name) + " takes no parameters";
            return;
        }
        n.method = m;
        r.value = n;
    };
    if (name == "none") {
        no_params(normaliser::none);
    } else if (name == "minmax") {
        n.method = normaliser::minmax;
        if (parts.size() == 1) {
            r.value = n;  // COINr's default [0, 100]
        } else if (detail::spec_numbers(parts, 2, spec, "minmax:L:U (e.g. minmax:0:100)", nums, r.error)) {
            if (nums[0] == nums[1]) {
                r.error = "'" + std::string(spec) + "': the lower and upper ends of minmax must differ";
            } else {
                n.lower = nums[0];
                n.upper = nums[1];
                r.value = n;
            }
        }
    } else if (name == "zscore") {
        n.method = normaliser::zscore;
        if (parts.size() == 1) {
            r.value = n;
        } else if (detail::spec_numbers(parts, 2, spec, "zscore:M:S (e.g. zscore:0:1)", nums, r.error)) {
            if (!(nums[1] > 0)) {
                r.error = "'" + std::string(spec) + "': the standard deviation S of zscore:M:S must be > 0";
            } else {
                n.mean = nums[0];
                n.sd = nums[1];
                r.value = n;
            }
        }
    } else if (name == "rank") {
        no_params(normaliser::rank);
    } else if (name == "percentile_rank") {
        no_params(normaliser::percentile_rank);
    } else if (name == "borda") {
        no_params(normaliser::borda);
    } else if (name == "goalposts") {
        n.method = normaliser::goalposts;
        if (parts.size() == 1) {
            r.value = n;
        } else if (detail::spec_numbers(parts, 1, spec, "goalposts:A (A = output scale, e.g. goalposts:100)", nums,
                                        r.error)) {
            n.scale = nums[0];
            r.value = n;
        }
    } else if (name == "distance_to_target") {
        no_params(normaliser::distance_to_target);
    } else if (name == "distance_to_max") {
        no_params(normaliser::distance_to_max);
    } else if (name == "fraction_of_max") {
        no_params(normaliser::fraction_of_max);
    } else {
        r.error = "unknown normaliser '" + std::string(spec) + "'; expected one of: " + normalise_spec_list;
    }
    return r;
}

/// Parses an aggregator SPEC.
inline spec_result<aggregation_method> try_parse_aggregate_spec(std::string_view spec) {
    spec_result<aggregation_method> r;
    const auto parts = detail::split_spec(spec);
    const std::string_view name = parts[0];
    aggregation_method m;
    auto no_params = [&](aggregation a) {
        if (parts.size() != 1) {
            r.error = "'" + std::string(spec) + "': " + std::string(name) + " takes no parameters";
            return;
        }
        m.method = a;
        r.value = m;
    };
    if (name == "arithmetic") {
        no_params(aggregation::arithmetic);
    } else if (name == "geometric") {
        no_params(aggregation::geometric);
    } else if (name == "harmonic") {
        no_params(aggregation::harmonic);
    } else if (name == "median") {
        no_params(aggregation::median);
    } else if (name == "genmean") {
        std::vector<double> nums;
        if (detail::spec_numbers(parts, 1, spec, "genmean:P (e.g. genmean:2)", nums, r.error)) {
            if (nums[0] == 0.0) {
                r.error =
                    "'" + std::string(spec) + "': genmean needs P != 0 (P = 0 is the geometric mean: use geometric)";
            } else {
                m.method = aggregation::generalised_mean;
                m.p = nums[0];
                r.value = m;
            }
        }
    } else {
        r.error = "unknown aggregator '" + std::string(spec) + "'; expected one of: " + aggregate_spec_list;
    }
    return r;
}

/// Parses a normaliser SPEC; throws usage_error naming `option` on a bad SPEC.
inline normalisation parse_normalise_spec(std::string_view spec, const std::string& option = "--normalise") {
    auto r = try_parse_normalise_spec(spec);
    if (!r.value) throw usage_error(option + ": " + r.error);
    return *r.value;
}

/// Parses an aggregator SPEC; throws usage_error naming `option` on a bad SPEC.
inline aggregation_method parse_aggregate_spec(std::string_view spec, const std::string& option = "--aggregate") {
    auto r = try_parse_aggregate_spec(spec);
    if (!r.value) throw usage_error(option + ": " + r.error);
    return *r.value;
}

/// The SPEC of a normalisation (round-trips through try_parse_normalise_spec).
inline std::string to_spec(const normalisation& n) {
    switch (n.method) {
        case normaliser::none: return "none";
        case normaliser::minmax:
            return "minmax:" + dxframe::shortest_number(n.lower) + ":" + dxframe::shortest_number(n.upper);
        case normaliser::zscore:
            return "zscore:" + dxframe::shortest_number(n.mean) + ":" + dxframe::shortest_number(n.sd);
        case normaliser::rank: return "rank";
        case normaliser::percentile_rank: return "percentile_rank";
        case normaliser::borda: return "borda";
        case normaliser::goalposts: return n.scale ? "goalposts:" + dxframe::shortest_number(*n.scale) : "goalposts";
        case normaliser::distance_to_target: return "distance_to_target";
        case normaliser::distance_to_max: return "distance_to_max";
        case normaliser::fraction_of_max: return "fraction_of_max";
    }
    return "none";
}

/// The SPEC of an aggregation method.
inline std::string to_spec(const aggregation_method& m) {
    switch (m.method) {
        case aggregation::arithmetic: return "arithmetic";
        case aggregation::geometric: return "geometric";
        case aggregation::harmonic: return "harmonic";
        case aggregation::generalised_mean: return "genmean:" + dxframe::shortest_number(m.p);
        case aggregation::median: return "median";
    }
    return "arithmetic";
}

}  // namespace dxframe::cli
