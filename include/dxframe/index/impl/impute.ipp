// SPDX-License-Identifier: MIT
// Definitions for <dxframe/index/impute.hpp> (see <dxframe/config.hpp>: included by that header
// in header-only mode, by <dxframe/src.hpp> in separate compilation).
#pragma once

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include <dxframe/config.hpp>
#include <dxframe/diagnostic.hpp>
#include <dxframe/error.hpp>
#include <dxframe/index/impl/column_scan.ipp>        // detail::scan_for_imputation, residual_sum
#include <dxframe/index/impl/column_statistics.ipp>  // detail::sum_finite
#include <dxframe/index/impute.hpp>
#include <dxframe/index/matrix.hpp>
#include <dxframe/index/normalise.hpp>
#include <dxframe/index/tree.hpp>
#include <dxframe/io/coinr.hpp>

namespace dxframe {

namespace detail {

inline diagnostic impute_diag(severity sev, diagnostic_code code, const std::string& path, std::string message,
                              std::optional<std::size_t> column = std::nullopt) {
    diagnostic d;
    d.severity = sev;
    d.code = code;
    d.path = path;
    d.message = std::move(message);
    d.column = column;
    return d;
}

/// R's mean() of the values present (non-NaN) among `count` cells: the sum divided by n, then the
/// mean of the residuals added (summary.c), both in double: the first estimate from the
/// vectorised first pass (sum_finite), the residuals summed in eight fixed lanes (residual_sum),
/// so the result is the same on every instruction set. R sums in long double (x87); after the
/// correction the double result is within about an ulp of R's (docs/index-methods.md gives the
/// measured differences). A column with an infinity or a double sum that overflows takes R's own
/// sequence of operations in long double.
inline double r_mean_present(const double* x, std::size_t count, std::size_t n, const finite_sums* known = nullptr) {
    const finite_sums first = known != nullptr ? *known : sum_finite(x, count);
    if (first.infinite == 0 && std::isfinite(first.sum)) {
        const auto dn = static_cast<double>(n);
        const double s = first.sum / dn;
        return s + residual_sum(x, count, s) / dn;
    }
    const auto residuals = [&](long double shift) {
        long double acc = 0.0L;
        for (std::size_t i = 0; i < count; ++i)
            if (!std::isnan(x[i])) acc += static_cast<long double>(x[i]) - shift;
        return acc;
    };
    const auto ln = static_cast<long double>(n);
    long double s = residuals(0.0L) / ln;
    if (!std::isfinite(static_cast<double>(s))) return static_cast<double>(s);
    s += residuals(s) / ln;
    return static_cast<double>(s);
}

/// R's mean() of `v` (no NaN).
inline double r_mean(const std::vector<double>& v) {
    return r_mean_present(v.data(), v.size(), v.size());
}

/// R's median(): the middle value, or for an even count the mean() of the two middle values.
/// Partial selection (the middle value and, for an even count, the largest value below it), not a
/// full sort.
inline double r_median(std::vector<double> v) {
    const std::size_t n = v.size();
    const std::size_t half = (n + 1) / 2;  // 1-based, as R's (n + 1) %/% 2
    const auto middle = v.begin() + static_cast<std::ptrdiff_t>(half - 1);
    std::nth_element(v.begin(), middle, v.end());
    if (n % 2 == 1) return *middle;
    const double upper = *std::min_element(middle + 1, v.end());
    // R's mean(c(a, b)), in R's own long double: the sum over 2, then the residuals' mean added.
    const long double a = *middle;
    const long double b = upper;
    const long double s = (a + b) / 2.0L;
    return static_cast<double>(s + ((a - s) + (b - s)) / 2.0L);
}

inline double impute_statistic(imputation_method m, std::vector<double> values) {
    return (m == imputation_method::mean || m == imputation_method::mean_group) ? r_mean(values)
                                                                                : r_median(std::move(values));
}

// Per-indicator cap on per-unit warnings; the rest are summarised.
constexpr std::size_t max_imputation_diagnostics = 10;

/// Per-unit warnings of one kind for one indicator, the first few in full, then a count.
class capped_warnings {
public:
    capped_warnings(std::vector<diagnostic>& out, const std::string& path) : out_(&out), path_(&path) {}
    void add(std::string message) {
        if (++count_ <= max_imputation_diagnostics) {
            out_->push_back(
                impute_diag(severity::warning, diagnostic_code::insufficient_data, *path_, std::move(message)));
        }
    }
    void finish(const std::string& what) {
        if (count_ > max_imputation_diagnostics) {
            out_->push_back(impute_diag(severity::warning, diagnostic_code::insufficient_data, *path_,
                                        std::to_string(count_ - max_imputation_diagnostics) + " more " + what));
        }
        count_ = 0;
    }

private:
    std::vector<diagnostic>* out_;
    const std::string* path_;
    std::size_t count_ = 0;
};

inline std::string period_text(std::optional<double> time) {
    return time ? " in " + index_num(*time) : std::string();
}

inline std::string group_list(const std::vector<coinr_group>* groups) {
    if (!groups || groups->empty()) return "there are none";
    std::string all = "they are: ";
    for (std::size_t k = 0; k < groups->size(); ++k)
        all += (k ? ", " : "") + (*groups)[k].id;
    return all;
}

inline const coinr_group* find_group(const std::vector<coinr_group>* groups, const std::string& id) {
    if (!groups) return nullptr;
    for (const auto& g : *groups) {
        if (g.id == id) return &g;
    }
    return nullptr;
}

/// The method of each indicator; ids in the spec that are no indicator are errors.
inline std::vector<imputation> resolve_imputation(const imputation_spec& spec, const std::vector<std::string>& ids,
                                                  const std::string& source, std::vector<diagnostic>& diags) {
    std::unordered_map<std::string, std::size_t> col;
    for (std::size_t i = 0; i < ids.size(); ++i)
        col.emplace(ids[i], i);
    std::vector<imputation> out(ids.size(), spec.all);
    for (const auto& [id, m] : spec.indicator) {
        const auto it = col.find(id);
        if (it == col.end()) {
            diags.push_back(
                impute_diag(severity::error, diagnostic_code::unknown_reference, source,
                            "imputation '" + id + "=" + to_spec(m) + "': '" + id + "' is not an indicator"));
            continue;
        }
        out[it->second] = m;
    }
    return out;
}

/// Errors for group columns that do not exist (once per column) and, when `panel` is false, for
/// panel methods; such indicators are set to `none`.
inline void check_methods(std::vector<imputation>& methods, const std::vector<std::string>& ids,
                          const std::vector<coinr_group>* groups, bool panel, const std::string& source,
                          std::vector<diagnostic>& diags) {
    std::set<std::string> reported;
    for (std::size_t i = 0; i < methods.size(); ++i) {
        imputation& m = methods[i];
        const bool grouped = m.method == imputation_method::mean_group || m.method == imputation_method::median_group;
        if (grouped && !find_group(groups, m.group)) {
            if (reported.insert("g:" + m.group).second) {
                diags.push_back(impute_diag(severity::error, diagnostic_code::unknown_reference, source,
                                            "imputation '" + to_spec(m) + "' (indicator '" + ids[i] +
                                                "'): the group column '" + m.group + "' does not exist (" +
                                                group_list(groups) + ")"));
            }
            m = imputation{};
        } else if (!panel && is_panel_method(m.method)) {
            if (reported.insert("p:" + to_spec(m)).second) {
                diags.push_back(impute_diag(severity::error, diagnostic_code::invalid_input_for_method, source,
                                            "imputation '" + to_spec(m) + "' (indicator '" + ids[i] +
                                                "') needs several periods (a panel); this table has one"));
            }
            m = imputation{};
        }
    }
}

/// Imputes column `col` of one cross-section by a column or group method into `out`.
/// `missing_rows` and `known_sums`, when given, are the column's missing rows and sum_finite
/// (found by the caller's pass).
inline void impute_cross_section_column(const imputation_input& in, std::size_t col, const imputation& m,
                                        std::optional<double> time, value_matrix& out, const std::string& source,
                                        std::vector<diagnostic>& diags,
                                        const std::vector<std::size_t>* missing_rows = nullptr,
                                        const finite_sums* known_sums = nullptr) {
    const double* x = in.values->column(col);
    double* y = out.column(col);
    const std::size_t n = in.values->rows();
    const std::string& id = (*in.indicator_ids)[col];
    std::size_t missing = 0;
    if (missing_rows != nullptr) {
        missing = missing_rows->size();
    } else {
        for (std::size_t u = 0; u < n; ++u)
            missing += std::isnan(x[u]) ? 1u : 0u;
    }
    if (missing == 0) return;
    if (missing == n) {
        diags.push_back(impute_diag(severity::warning, diagnostic_code::insufficient_data, source,
                                    "indicator '" + id + "' has no value" + period_text(time) + " to impute from (" +
                                        to_spec(m) + "); its " + std::to_string(missing) + " cells stay missing"));
        return;
    }
    // An infinite value would make the statistic infinite or NaN (R's mean gives Inf or NaN):
    // nothing is imputed from it, as the treatment and the normalisers refuse it too.
    const finite_sums sums = known_sums != nullptr ? *known_sums : sum_finite(x, n);
    if (sums.infinite > 0) {
        diags.push_back(impute_diag(severity::warning, diagnostic_code::non_finite_value, source,
                                    "indicator '" + id + "' has " + std::to_string(sums.infinite) +
                                        " infinite value(s)" + period_text(time) + ": nothing imputed (" + to_spec(m) +
                                        "); its " + std::to_string(missing) + " cells stay missing"));
        return;
    }
    if (m.method == imputation_method::mean || m.method == imputation_method::median) {
        double v = 0.0;
        if (m.method == imputation_method::mean) {
            v = r_mean_present(x, n, n - missing, &sums);
        } else {
            std::vector<double> present;
            present.reserve(n - missing);
            for (std::size_t u = 0; u < n; ++u)
                if (!std::isnan(x[u])) present.push_back(x[u]);
            v = r_median(std::move(present));
        }
        if (missing_rows != nullptr) {
            for (const std::size_t u : *missing_rows)
                y[u] = v;
        } else {
            for (std::size_t u = 0; u < n; ++u) {
                if (std::isnan(x[u])) y[u] = v;
            }
        }
        return;
    }
    // Group methods: the statistic of each group's values present (i_mean_grp / i_median_grp).
    const coinr_group& g = *find_group(in.groups, m.group);
    if (g.values.size() != n) {
        throw error("impute: group column '" + g.id + "' has " + std::to_string(g.values.size()) + " labels for " +
                    std::to_string(n) + " units");
    }
    std::map<std::string, std::vector<double>> by_group;
    for (std::size_t u = 0; u < n; ++u) {
        if (!g.values[u]) continue;
        auto& bucket = by_group[*g.values[u]];
        if (!std::isnan(x[u])) bucket.push_back(x[u]);
    }
    std::map<std::string, std::optional<double>> stat;
    for (auto& [label, values] : by_group) {
        if (!values.empty()) stat[label] = impute_statistic(m.method, std::move(values));
    }
    capped_warnings no_group(diags, source);
    std::map<std::string, std::string> empty_groups;  // label -> units left missing
    for (std::size_t u = 0; u < n; ++u) {
        if (!std::isnan(x[u])) continue;
        const std::string& unit = (*in.units)[u];
        if (!g.values[u]) {
            no_group.add("unit '" + unit + "' has no " + g.id + " group, so its missing '" + id + "'" +
                         period_text(time) + " is not imputed (" + to_spec(m) + ")");
            continue;
        }
        const auto& s = stat[*g.values[u]];
        if (s) {
            y[u] = *s;
        } else {
            auto& list = empty_groups[*g.values[u]];
            list += (list.empty() ? "" : ", ") + unit;
        }
    }
    no_group.finish("units without a " + g.id + " group keep a missing '" + id + "'" + period_text(time));
    for (const auto& [label, units] : empty_groups) {
        diags.push_back(impute_diag(severity::warning, diagnostic_code::insufficient_data, source,
                                    "group '" + label + "' of " + g.id + " has no value of '" + id + "'" +
                                        period_text(time) + " (" + to_spec(m) + "), so these stay missing: " + units));
    }
}

inline void check_input(const imputation_input& in) {
    if (!in.values || !in.indicator_ids || !in.units) throw error("impute: values, indicator ids and units are needed");
    if (in.indicator_ids->size() != in.values->cols() || in.units->size() != in.values->rows()) {
        throw error("impute: " + std::to_string(in.values->rows()) + " x " + std::to_string(in.values->cols()) +
                    " values for " + std::to_string(in.units->size()) + " units and " +
                    std::to_string(in.indicator_ids->size()) + " indicators");
    }
}

/// Counts, per indicator and unit, the cells missing in `before` and filled in `after`, and lists
/// the cells still missing.
struct imputation_tally {
    std::vector<imputation_count> indicators;
    std::vector<imputation_count> units;
    std::vector<imputation_cell> still_missing;
    // The units by id: open addressing over `units` (a slot holds a unit's index + 1, 0 = empty),
    // one array instead of a node per unit (10,000 units: the nodes cost as much as a pass).
    std::vector<std::size_t> unit_slots;

    explicit imputation_tally(const std::vector<std::string>& ids) {
        for (const auto& id : ids)
            indicators.push_back(imputation_count{id, 0, 0});
    }
    // The count of each row's unit (registered on first sight).
    std::vector<std::size_t> unit_rows(const std::vector<std::string>& unit_ids) {
        std::size_t wanted = 64;  // a power of two, at least twice the units there can be
        while (wanted < 2 * (units.size() + unit_ids.size()))
            wanted *= 2;
        if (wanted > unit_slots.size()) {
            unit_slots.assign(wanted, 0);
            for (std::size_t k = 0; k < units.size(); ++k)
                unit_slots[free_slot(units[k].id)] = k + 1;
        }
        std::vector<std::size_t> row_to_unit(unit_ids.size());
        for (std::size_t u = 0; u < unit_ids.size(); ++u) {
            const std::size_t slot = free_slot(unit_ids[u]);
            if (unit_slots[slot] == 0) {
                units.push_back(imputation_count{unit_ids[u], 0, 0});
                unit_slots[slot] = units.size();
            }
            row_to_unit[u] = unit_slots[slot] - 1;
        }
        return row_to_unit;
    }
    // The slot of unit `id`: where it is, or the empty slot where it goes.
    std::size_t free_slot(const std::string& id) const {
        const std::size_t mask = unit_slots.size() - 1;
        std::size_t slot = std::hash<std::string>{}(id)&mask;
        while (unit_slots[slot] != 0 && units[unit_slots[slot] - 1].id != id)
            slot = (slot + 1) & mask;
        return slot;
    }
    // Column i imputed in place: `missing_rows` were missing before, `after` is the column now.
    // The per-unit counts go to two compact arrays (by row; flush_columns adds them to `units`):
    // the missing cells fall anywhere, and the counts of 10,000 units as imputation_count
    // records would not stay in cache.
    std::vector<std::size_t> row_missing;
    std::vector<std::size_t> row_filled;
    void add_column(std::size_t i, const std::vector<std::size_t>& missing_rows, const double* after,
                    const std::vector<std::string>& unit_ids) {
        if (row_missing.size() != unit_ids.size()) {
            row_missing.assign(unit_ids.size(), 0);
            row_filled.assign(unit_ids.size(), 0);
        }
        std::size_t filled_here = 0;
        for (const std::size_t u : missing_rows) {
            ++row_missing[u];
            if (!std::isnan(after[u])) {
                ++row_filled[u];
                ++filled_here;
            } else {
                still_missing.push_back(imputation_cell{unit_ids[u], indicators[i].id, std::nullopt});
            }
        }
        indicators[i].missing += missing_rows.size();
        indicators[i].filled += filled_here;
    }
    void flush_columns(const std::vector<std::size_t>& row_to_unit) {
        for (std::size_t u = 0; u < row_missing.size(); ++u) {
            units[row_to_unit[u]].missing += row_missing[u];
            units[row_to_unit[u]].filled += row_filled[u];
        }
        row_missing.clear();
        row_filled.clear();
    }
    void add(const value_matrix& before, const value_matrix& after, const std::vector<std::string>& unit_ids,
             std::optional<double> time) {
        const std::vector<std::size_t> row_to_unit = unit_rows(unit_ids);
        for (std::size_t i = 0; i < before.cols(); ++i) {
            const double* b = before.column(i);
            const double* a = after.column(i);
            for (std::size_t u = 0; u < before.rows(); ++u) {
                if (!std::isnan(b[u])) continue;
                const bool filled = !std::isnan(a[u]);
                ++indicators[i].missing;
                ++units[row_to_unit[u]].missing;
                if (filled) {
                    ++indicators[i].filled;
                    ++units[row_to_unit[u]].filled;
                } else {
                    still_missing.push_back(imputation_cell{unit_ids[u], indicators[i].id, time});
                }
            }
        }
    }
};

}  // namespace detail

DXFRAME_DECL bool is_panel_method(imputation_method m) noexcept {
    return m == imputation_method::latest || m == imputation_method::interpolate;
}

DXFRAME_DECL std::string to_spec(const imputation& m) {
    switch (m.method) {
        case imputation_method::none: return "none";
        case imputation_method::mean: return "mean";
        case imputation_method::median: return "median";
        case imputation_method::mean_group: return "mean_group:" + m.group;
        case imputation_method::median_group: return "median_group:" + m.group;
        case imputation_method::latest: return "latest";
        case imputation_method::interpolate: return "interpolate";
    }
    return "none";
}

DXFRAME_DECL std::optional<imputation> parse_imputation(std::string_view text, std::vector<diagnostic>& diagnostics,
                                                        const std::string& where) {
    const std::string_view accepted =
        "none, mean, median, mean_group:COLUMN, median_group:COLUMN, latest or interpolate";
    const auto colon = text.find(':');
    const std::string_view name = text.substr(0, colon);
    imputation m;
    bool known = true;
    if (name == "none") {
        m.method = imputation_method::none;
    } else if (name == "mean") {
        m.method = imputation_method::mean;
    } else if (name == "median") {
        m.method = imputation_method::median;
    } else if (name == "mean_group") {
        m.method = imputation_method::mean_group;
    } else if (name == "median_group") {
        m.method = imputation_method::median_group;
    } else if (name == "latest") {
        m.method = imputation_method::latest;
    } else if (name == "interpolate") {
        m.method = imputation_method::interpolate;
    } else {
        known = false;
    }
    const bool grouped = m.method == imputation_method::mean_group || m.method == imputation_method::median_group;
    std::string problem;
    if (!known) {
        problem = "'" + std::string(name) + "' is not an imputation method";
    } else if (grouped && (colon == std::string_view::npos || colon + 1 == text.size())) {
        problem = std::string(name) + " needs the group column: " + std::string(name) + ":COLUMN";
    } else if (!grouped && colon != std::string_view::npos) {
        problem = std::string(name) + " takes no ':' argument";
    }
    if (!problem.empty()) {
        diagnostics.push_back(detail::impute_diag(
            severity::error, diagnostic_code::invalid_enum_value, where,
            "imputation '" + std::string(text) + "': " + problem + " (accepted: " + std::string(accepted) + ")"));
        return std::nullopt;
    }
    if (grouped) m.group = std::string(text.substr(colon + 1));
    return m;
}

DXFRAME_DECL imputation_spec_result parse_imputation_spec(const std::vector<std::string>& arguments,
                                                          const std::string& where) {
    imputation_spec_result result;
    imputation_spec spec;
    std::optional<std::size_t> global_at;
    std::map<std::string, std::size_t> id_at;
    auto fail = [&](std::size_t k, std::string message) {
        result.diagnostics.push_back(detail::impute_diag(severity::error, diagnostic_code::invalid_enum_value, where,
                                                         std::move(message), k + 1));
    };
    for (std::size_t k = 0; k < arguments.size(); ++k) {
        const std::string& a = arguments[k];
        const auto eq = a.find('=');
        const std::string text = eq == std::string::npos ? a : a.substr(eq + 1);
        const std::size_t before = result.diagnostics.size();
        const auto m = parse_imputation(text, result.diagnostics, where);
        for (std::size_t d = before; d < result.diagnostics.size(); ++d)
            result.diagnostics[d].column = k + 1;
        if (!m) continue;
        if (eq == std::string::npos) {
            if (global_at) {
                fail(k, "imputation '" + a + "': a default is already given ('" + arguments[*global_at] +
                            "', argument " + std::to_string(*global_at + 1) + ")");
                continue;
            }
            global_at = k;
            spec.all = *m;
        } else if (eq == 0) {
            fail(k, "imputation '" + a + "': the indicator id before '=' is empty");
        } else {
            const std::string id = a.substr(0, eq);
            const auto [it, fresh] = id_at.emplace(id, k);
            if (!fresh) {
                fail(k, "imputation '" + a + "': indicator '" + id + "' already has one ('" + arguments[it->second] +
                            "', argument " + std::to_string(it->second + 1) + ")");
                continue;
            }
            spec.indicator[id] = *m;
        }
    }
    if (result.diagnostics.empty()) result.spec = std::move(spec);
    return result;
}

DXFRAME_DECL imputation_result impute_in_place(value_matrix& values, const std::vector<std::string>& indicator_ids,
                                               const std::vector<std::string>& units,
                                               const std::vector<coinr_group>* groups, const imputation_spec& spec,
                                               const std::string& source) {
    imputation_input in;
    in.values = &values;
    in.indicator_ids = &indicator_ids;
    in.units = &units;
    in.groups = groups;
    detail::check_input(in);
    imputation_result out;
    auto methods = detail::resolve_imputation(spec, indicator_ids, source, out.diagnostics);
    detail::check_methods(methods, indicator_ids, groups, false, source, out.diagnostics);
    detail::imputation_tally tally(indicator_ids);
    const std::vector<std::size_t> row_to_unit = tally.unit_rows(units);
    // One pass from memory per column finds its missing cells and its count, sum and range;
    // imputing and counting then read the column from cache (it is imputed in place: reading and
    // writing the same matrix).
    std::vector<std::size_t> missing_rows;
    for (std::size_t i = 0; i < methods.size(); ++i) {
        const double* x = values.column(i);
        const detail::finite_sums sums = detail::scan_for_imputation(x, values.rows(), missing_rows);
        if (missing_rows.empty()) continue;
        if (methods[i].method != imputation_method::none)
            detail::impute_cross_section_column(in, i, methods[i], std::nullopt, values, source, out.diagnostics,
                                                &missing_rows, &sums);
        tally.add_column(i, missing_rows, x, units);
    }
    tally.flush_columns(row_to_unit);
    out.indicators = std::move(tally.indicators);
    out.units = std::move(tally.units);
    out.still_missing = std::move(tally.still_missing);
    return out;
}

DXFRAME_DECL imputation_result impute(const imputation_input& in, const imputation_spec& spec,
                                      const std::string& source) {
    detail::check_input(in);
    value_matrix values = *in.values;
    imputation_result out = impute_in_place(values, *in.indicator_ids, *in.units, in.groups, spec, source);
    out.values = std::move(values);
    return out;
}

DXFRAME_DECL imputation_result impute(const coinr_data& data, const imputation_spec& spec, const std::string& source) {
    std::vector<std::string> ids;
    for (const auto& ind : data.tree.indicators())
        ids.push_back(ind.id);
    imputation_input in;
    in.values = &data.values;
    in.indicator_ids = &ids;
    in.units = &data.units;
    in.groups = &data.groups;
    return impute(in, spec, source);
}

}  // namespace dxframe
