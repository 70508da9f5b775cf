// SPDX-License-Identifier: MIT
// Definitions for <dxframe/index/denominate.hpp> (see <dxframe/config.hpp>: included by that header
// in header-only mode, by <dxframe/src.hpp> in separate compilation).
#pragma once

#include <cmath>
#include <cstddef>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include <dxframe/config.hpp>
#include <dxframe/diagnostic.hpp>
#include <dxframe/error.hpp>
#include <dxframe/index/denominate.hpp>
#include <dxframe/index/matrix.hpp>
#include <dxframe/index/normalise.hpp>
#include <dxframe/io/coinr.hpp>

namespace dxframe {

namespace detail {

// Per-indicator cap on per-unit diagnostics, as the index engine caps its own.
constexpr std::size_t max_denominator_diagnostics = 10;

inline diagnostic denominate_diag(diagnostic_code code, const std::string& source, std::string message) {
    diagnostic d;
    d.severity = severity::error;
    d.code = code;
    d.path = source;
    d.message = std::move(message);
    return d;
}

// "they are: A, B" or "there are none", for the unknown-denominator message.
inline std::string denominator_list(const std::vector<std::string>& ids) {
    if (ids.empty()) return "there are none";
    std::string all = "they are: ";
    for (std::size_t k = 0; k < ids.size(); ++k)
        all += (k ? ", " : "") + ids[k];
    return all;
}

}  // namespace detail

DXFRAME_DECL denomination_result denominate(const denomination_input& in,
                                            const std::vector<denominator_choice>& choices, const std::string& source) {
    if (!in.values || !in.indicator_ids || !in.units || !in.denominators || !in.denominator_ids) {
        throw error("denominate: every table of the input must be given");
    }
    const value_matrix& x = *in.values;
    const value_matrix& den = *in.denominators;
    if (in.indicator_ids->size() != x.cols() || choices.size() != x.cols()) {
        throw error("denominate: " + std::to_string(x.cols()) + " indicator columns, " +
                    std::to_string(in.indicator_ids->size()) + " ids and " + std::to_string(choices.size()) +
                    " choices");
    }
    if (in.units->size() != x.rows() || den.rows() != x.rows() || in.denominator_ids->size() != den.cols()) {
        throw error("denominate: the units, indicator rows, denominator rows and denominator ids do not fit");
    }
    for (const auto& c : choices) {
        if (c.denominator && !(std::isfinite(c.scale) && c.scale > 0)) {
            throw error("denominate: a scale factor must be a finite positive number, not " +
                        detail::index_num(c.scale));
        }
    }
    std::unordered_map<std::string, std::size_t> den_col;
    for (std::size_t k = 0; k < in.denominator_ids->size(); ++k)
        den_col.emplace((*in.denominator_ids)[k], k);

    denomination_result out;
    out.values = x;
    const std::size_t n = x.rows();
    for (std::size_t i = 0; i < x.cols(); ++i) {
        const std::string& id = (*in.indicator_ids)[i];
        denomination_count count;
        count.indicator = id;
        count.denominator = choices[i].denominator;
        if (!choices[i].denominator) {
            out.counts.push_back(std::move(count));
            continue;
        }
        const auto it = den_col.find(*choices[i].denominator);
        if (it == den_col.end()) {
            out.diagnostics.push_back(detail::denominate_diag(
                diagnostic_code::unknown_reference, source,
                "the denominator '" + *choices[i].denominator + "' of indicator '" + id +
                    "' is not a denominator column (" + detail::denominator_list(*in.denominator_ids) + ")"));
            out.counts.push_back(std::move(count));
            continue;
        }
        const double* dcol = den.column(it->second);
        const double* xcol = x.column(i);
        double* ycol = out.values.column(i);
        const double scale = choices[i].scale;
        std::size_t reported = 0;
        std::size_t non_positive = 0;
        for (std::size_t u = 0; u < n; ++u) {
            if (std::isnan(xcol[u])) continue;  // missing stays missing, not counted
            const double d = dcol[u];
            if (std::isnan(d)) {
                ycol[u] = value_matrix::missing_value();
                ++count.made_missing;
                continue;
            }
            if (!(d > 0)) {
                ycol[u] = value_matrix::missing_value();
                ++count.made_missing;
                ++non_positive;
                if (reported < detail::max_denominator_diagnostics) {
                    ++reported;
                    out.diagnostics.push_back(detail::denominate_diag(
                        diagnostic_code::non_positive_denominator, source,
                        "unit '" + (*in.units)[u] + "': the denominator '" + *choices[i].denominator +
                            "' of indicator '" + id + "' is " + detail::index_num(d) +
                            " (not positive); the denominated value is missing"));
                }
                continue;
            }
            // COINr: dcol <- denoms / ScaleFactor; x / dcol — in that order, for the same rounding.
            ycol[u] = xcol[u] / (d / scale);
            ++count.changed;
        }
        if (non_positive > reported) {
            out.diagnostics.push_back(
                detail::denominate_diag(diagnostic_code::non_positive_denominator, source,
                                        "indicator '" + id + "': " + std::to_string(non_positive - reported) +
                                            " more units have a zero or negative denominator '" +
                                            *choices[i].denominator + "'; their values are missing"));
        }
        out.counts.push_back(std::move(count));
    }
    return out;
}

DXFRAME_DECL std::vector<denominator_choice> denominators_from_meta(const coinr_data& data, double scale) {
    std::vector<denominator_choice> out(data.tree.indicator_count());
    for (std::size_t i = 0; i < out.size() && i < data.indicator_denominators.size(); ++i) {
        out[i].denominator = data.indicator_denominators[i];
        const bool own_scale =
            i < data.indicator_denominator_scales.size() && data.indicator_denominator_scales[i].has_value();
        out[i].scale = own_scale ? *data.indicator_denominator_scales[i] : scale;
    }
    return out;
}

DXFRAME_DECL denomination_result denominate(const coinr_data& data, const std::vector<denominator_choice>& choices,
                                            const std::string& source) {
    std::vector<std::string> ids;
    ids.reserve(data.tree.indicator_count());
    for (const auto& ind : data.tree.indicators())
        ids.push_back(ind.id);
    denomination_input in;
    in.values = &data.values;
    in.indicator_ids = &ids;
    in.units = &data.units;
    in.denominators = &data.denominators;
    in.denominator_ids = &data.denominator_ids;
    return denominate(in, choices, source);
}

DXFRAME_DECL denomination_result denominate(const coinr_data& data, const std::string& source) {
    return denominate(data, denominators_from_meta(data), source);
}

}  // namespace dxframe
