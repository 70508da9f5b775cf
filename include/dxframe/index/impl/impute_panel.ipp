// SPDX-License-Identifier: MIT
// Definitions of <dxframe/index/impute.hpp>'s panel imputation (see <dxframe/config.hpp>: included
// by that header in header-only mode, by <dxframe/src.hpp> in separate compilation). Kept apart
// from impute.ipp, whose helpers (inline, in namespace detail) it uses.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include <dxframe/config.hpp>
#include <dxframe/diagnostic.hpp>
#include <dxframe/error.hpp>
#include <dxframe/index/impl/impute.ipp>
#include <dxframe/index/impute.hpp>
#include <dxframe/index/matrix.hpp>
#include <dxframe/index/normalise.hpp>
#include <dxframe/index/tree.hpp>
#include <dxframe/io/coinr.hpp>

namespace dxframe {

namespace detail {

/// One unit's place in each period: its row, or npos when the period does not have it.
struct panel_unit {
    std::string id;
    std::vector<std::size_t> rows;
};

inline std::vector<panel_unit> panel_units(const std::vector<imputation_input>& periods) {
    std::vector<panel_unit> units;
    std::unordered_map<std::string, std::size_t> index;
    for (std::size_t p = 0; p < periods.size(); ++p) {
        const auto& ids = *periods[p].units;
        for (std::size_t r = 0; r < ids.size(); ++r) {
            const auto [it, fresh] = index.emplace(ids[r], units.size());
            if (fresh) units.push_back(panel_unit{ids[r], std::vector<std::size_t>(periods.size(), index_tree::npos)});
            units[it->second].rows[p] = r;
        }
    }
    return units;
}

/// impute_panel's "latest" for indicator `col`: each missing value takes the unit's value of the
/// latest earlier period (at most `max_time` periods back) that has one, read from the input.
inline void impute_latest(const std::vector<imputation_input>& periods, const std::vector<panel_unit>& units,
                          std::size_t col, std::optional<std::size_t> max_time, std::vector<value_matrix>& out) {
    for (const auto& unit : units) {
        for (std::size_t p = 0; p < periods.size(); ++p) {
            const std::size_t r = unit.rows[p];
            if (r == index_tree::npos || !std::isnan(periods[p].values->column(col)[r])) continue;
            const std::size_t back = max_time ? std::min(*max_time, p) : p;
            for (std::size_t k = 1; k <= back; ++k) {
                const std::size_t q = p - k;
                const std::size_t rq = unit.rows[q];
                if (rq == index_tree::npos) continue;
                const double v = periods[q].values->column(col)[rq];
                if (!std::isnan(v)) {
                    out[p].column(col)[r] = v;
                    break;
                }
            }
        }
    }
}

/// R's approx(x, y, xout = v, method = "linear", rule = 2) for x ascending and distinct (approx1
/// in R's approx.c): the ends are held, an interior point is y[i] + (y[j] − y[i])·((v − x[i])/(x[j] − x[i])).
inline double r_approx_linear(const std::vector<double>& x, const std::vector<double>& y, double v) {
    std::size_t i = 0;
    std::size_t j = x.size() - 1;
    if (v < x[i]) return y[i];
    if (v > x[j]) return y[j];
    while (i < j - 1) {
        const std::size_t ij = (i + j) / 2;
        if (v < x[ij]) {
            j = ij;
        } else {
            i = ij;
        }
    }
    if (v == x[j]) return y[j];
    if (v == x[i]) return y[i];
    return y[i] + (y[j] - y[i]) * ((v - x[i]) / (x[j] - x[i]));
}

/// impute_panel's "linear" for indicator `col`, unit by unit over the periods the unit has.
inline void impute_interpolate(const std::vector<double>& times, const std::vector<imputation_input>& periods,
                               const std::vector<panel_unit>& units, std::size_t col, std::vector<value_matrix>& out,
                               const std::string& source, std::vector<diagnostic>& diags) {
    const std::string& id = (*periods.front().indicator_ids)[col];
    capped_warnings empty(diags, source);
    capped_warnings single(diags, source);
    std::vector<double> xs;
    std::vector<double> ys;
    for (const auto& unit : units) {
        xs.clear();
        ys.clear();
        std::size_t gaps = 0;
        for (std::size_t p = 0; p < periods.size(); ++p) {
            const std::size_t r = unit.rows[p];
            if (r == index_tree::npos) continue;
            const double v = periods[p].values->column(col)[r];
            if (std::isnan(v)) {
                ++gaps;
            } else {
                xs.push_back(times[p]);
                ys.push_back(v);
            }
        }
        if (gaps == 0) continue;
        if (xs.empty()) {
            empty.add("unit '" + unit.id + "' has no value of '" + id + "' in any period; nothing to interpolate");
            continue;
        }
        if (xs.size() == 1) {
            single.add("unit '" + unit.id + "' has a value of '" + id + "' in one period only (" +
                       index_num(xs.front()) + "); interpolation needs two, so its " + std::to_string(gaps) +
                       " missing periods stay missing");
            continue;
        }
        for (std::size_t p = 0; p < periods.size(); ++p) {
            const std::size_t r = unit.rows[p];
            if (r == index_tree::npos || !std::isnan(periods[p].values->column(col)[r])) continue;
            out[p].column(col)[r] = r_approx_linear(xs, ys, times[p]);
        }
    }
    empty.finish("units have no value of '" + id + "' in any period");
    single.finish("units have a value of '" + id + "' in one period only and are not interpolated");
}

}  // namespace detail

DXFRAME_DECL panel_imputation_result impute_panel(const std::vector<double>& times,
                                                  const std::vector<imputation_input>& periods,
                                                  const imputation_spec& spec, const panel_imputation_options& options,
                                                  const std::string& source) {
    if (times.size() != periods.size() || periods.empty()) {
        throw error("impute_panel: " + std::to_string(periods.size()) + " periods and " + std::to_string(times.size()) +
                    " times");
    }
    for (std::size_t p = 0; p < periods.size(); ++p) {
        detail::check_input(periods[p]);
        if (*periods[p].indicator_ids != *periods.front().indicator_ids) {
            throw error("impute_panel: the periods do not have the same indicators");
        }
        if (p > 0 && !(times[p] > times[p - 1])) throw error("impute_panel: times must be strictly increasing");
    }
    const auto& ids = *periods.front().indicator_ids;
    panel_imputation_result out;
    auto methods = detail::resolve_imputation(spec, ids, source, out.diagnostics);
    detail::check_methods(methods, ids, periods.front().groups, true, source, out.diagnostics);
    for (std::size_t p = 0; p < periods.size(); ++p)
        out.values.push_back(*periods[p].values);
    const auto units = detail::panel_units(periods);
    for (std::size_t i = 0; i < methods.size(); ++i) {
        const imputation& m = methods[i];
        if (m.method == imputation_method::none) continue;
        if (m.method == imputation_method::latest) {
            detail::impute_latest(periods, units, i, options.max_time, out.values);
        } else if (m.method == imputation_method::interpolate) {
            detail::impute_interpolate(times, periods, units, i, out.values, source, out.diagnostics);
        } else {
            for (std::size_t p = 0; p < periods.size(); ++p) {
                if (p > 0 && !detail::find_group(periods[p].groups, m.group) &&
                    (m.method == imputation_method::mean_group || m.method == imputation_method::median_group)) {
                    out.diagnostics.push_back(
                        detail::impute_diag(severity::error, diagnostic_code::unknown_reference, source,
                                            "imputation '" + to_spec(m) + "': the group column '" + m.group +
                                                "' does not exist" + detail::period_text(times[p])));
                    continue;
                }
                detail::impute_cross_section_column(periods[p], i, m, times[p], out.values[p], source, out.diagnostics);
            }
        }
    }
    detail::imputation_tally tally(ids);
    for (std::size_t p = 0; p < periods.size(); ++p)
        tally.add(*periods[p].values, out.values[p], *periods[p].units, times[p]);
    // "latest" leaves the start of a series open by design: say how many cells that left.
    for (std::size_t i = 0; i < methods.size(); ++i) {
        if (methods[i].method != imputation_method::latest) continue;
        const auto& c = tally.indicators[i];
        if (c.missing > c.filled) {
            out.diagnostics.push_back(detail::impute_diag(
                severity::warning, diagnostic_code::insufficient_data, source,
                "indicator '" + ids[i] + "': " + std::to_string(c.missing - c.filled) +
                    " missing cells have no earlier value to carry forward (latest) and stay missing"));
        }
    }
    out.indicators = std::move(tally.indicators);
    out.units = std::move(tally.units);
    out.still_missing = std::move(tally.still_missing);
    return out;
}

DXFRAME_DECL panel_imputation_result impute_panel(const std::vector<coinr_data>& periods, const imputation_spec& spec,
                                                  const panel_imputation_options& options, const std::string& source) {
    if (periods.empty()) throw error("impute_panel: no periods");
    std::vector<std::string> ids;
    for (const auto& ind : periods.front().tree.indicators())
        ids.push_back(ind.id);
    std::vector<double> times;
    std::vector<imputation_input> inputs;
    for (std::size_t p = 0; p < periods.size(); ++p) {
        if (!periods[p].time) throw error("impute_panel: period " + std::to_string(p + 1) + " has no time");
        times.push_back(*periods[p].time);
        imputation_input in;
        in.values = &periods[p].values;
        in.indicator_ids = &ids;
        in.units = &periods[p].units;
        in.groups = &periods[p].groups;
        inputs.push_back(in);
    }
    return impute_panel(times, inputs, spec, options, source);
}

}  // namespace dxframe
