// SPDX-License-Identifier: MIT
// Definitions for <dxframe/io/coinr.hpp> (see <dxframe/config.hpp>: included by that header
// in header-only mode, by <dxframe/src.hpp> in separate compilation).
#pragma once

#include <charconv>
#include <cmath>
#include <cstddef>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <system_error>
#include <unordered_map>
#include <utility>
#include <vector>

#include <dxframe/diagnostic.hpp>
#include <dxframe/index/matrix.hpp>
#include <dxframe/index/normalise.hpp>
#include <dxframe/index/tree.hpp>
#include <dxframe/io/coinr.hpp>
#include <dxframe/io/csv.hpp>

namespace dxframe {

namespace detail {

enum class cell_kind { missing, number, invalid, non_finite };

struct cell_number {
    cell_kind kind = cell_kind::missing;
    double value = 0.0;
};

inline std::string_view trim_cell(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
        s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t'))
        s.remove_suffix(1);
    return s;
}

/// A cell as a number: empty or NA = missing; otherwise the whole cell must be a decimal number.
inline cell_number parse_cell(std::string_view raw) {
    cell_number r;
    std::string_view s = trim_cell(raw);
    if (s.empty() || s == "NA") return r;
    if (!s.empty() && s.front() == '+') s.remove_prefix(1);
    double v = 0.0;
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc() || end != s.data() + s.size() || s.empty()) {
        // from_chars refuses out-of-range numbers (1e999): that is a non-finite value.
        r.kind = ec == std::errc::result_out_of_range ? cell_kind::non_finite : cell_kind::invalid;
        return r;
    }
    if (!std::isfinite(v)) {
        r.kind = cell_kind::non_finite;
        return r;
    }
    r.kind = cell_kind::number;
    r.value = v;
    return r;
}

inline std::optional<bool> parse_bool_cell(std::string_view raw) {
    const std::string_view s = trim_cell(raw);
    if (s == "TRUE" || s == "true" || s == "True" || s == "T" || s == "1") return true;
    if (s == "FALSE" || s == "false" || s == "False" || s == "F" || s == "0") return false;
    return std::nullopt;
}

inline bool starts_with_digit(const std::string& s) {
    return !s.empty() && s[0] >= '0' && s[0] <= '9';
}

}  // namespace detail

DXFRAME_DECL coinr_import_result import_coinr(const csv_table& idata, const csv_table& imeta,
                                              const coinr_options& options) {
    coinr_import_result result;
    auto& diags = result.diagnostics;
    const std::string& dsrc = options.data_source;
    const std::string& msrc = options.meta_source;
    auto report = [&](severity sev, diagnostic_code code, const std::string& src, std::optional<std::size_t> line,
                      std::optional<std::size_t> column, std::string msg) {
        diagnostic d;
        d.severity = sev;
        d.code = code;
        d.path = src;
        d.line = line;
        d.column = column;
        d.message = std::move(msg);
        diags.push_back(std::move(d));
    };
    auto meta_err = [&](diagnostic_code code, std::optional<std::size_t> line, std::optional<std::size_t> col,
                        std::string msg) { report(severity::error, code, msrc, line, col, std::move(msg)); };
    auto data_err = [&](diagnostic_code code, std::optional<std::size_t> line, std::optional<std::size_t> col,
                        std::string msg) { report(severity::error, code, dsrc, line, col, std::move(msg)); };

    // ---- iMeta ----------------------------------------------------------------------------
    const char* required[] = {"Level", "iCode", "Parent", "Direction", "Type", "Weight"};
    bool meta_cols_ok = true;
    for (const char* r : required) {
        if (!imeta.column(r)) {
            meta_err(diagnostic_code::invalid_metadata, imeta.header_line, std::nullopt,
                     std::string("required column '") + r +
                         "' is missing (iMeta needs Level, iCode, Parent, "
                         "Direction, Type, Weight)");
            meta_cols_ok = false;
        }
    }
    if (!meta_cols_ok) return result;
    const std::size_t c_level = *imeta.column("Level");
    const std::size_t c_code = *imeta.column("iCode");
    const std::size_t c_parent = *imeta.column("Parent");
    const std::size_t c_dir = *imeta.column("Direction");
    const std::size_t c_type = *imeta.column("Type");
    const std::size_t c_weight = *imeta.column("Weight");
    const auto c_name = imeta.column("iName");
    const auto c_target = imeta.column("Target");
    const auto c_gl = imeta.column("goalpost_lower");
    const auto c_gu = imeta.column("goalpost_upper");
    const auto c_gs = imeta.column("goalpost_scale");
    const auto c_gt = imeta.column("goalpost_trunc2posts");
    const auto c_cap = imeta.column("dist2targ_cap_max");
    const auto c_denominator = imeta.column("Denominator");

    struct meta_row {
        std::size_t line = 0;
        std::string code, name, type;
        std::optional<std::string> parent;
        std::optional<int> level;
        std::optional<int> direction;
        std::optional<double> weight;
        indicator_parameters params;
        std::optional<std::string> denominator;
    };
    std::vector<meta_row> rows;
    const std::set<std::string> types{"Indicator", "Aggregate", "Group", "Denominator", "Other"};
    auto number_at = [&](const std::vector<std::string>& row, std::size_t col, std::size_t line,
                         const std::string& what) -> std::optional<double> {
        const auto cell = detail::parse_cell(row[col]);
        if (cell.kind == detail::cell_kind::number) return cell.value;
        if (cell.kind == detail::cell_kind::invalid) {
            meta_err(diagnostic_code::invalid_number, line, col + 1, what + " '" + row[col] + "' is not a number");
        } else if (cell.kind == detail::cell_kind::non_finite) {
            meta_err(diagnostic_code::non_finite_value, line, col + 1, what + " '" + row[col] + "' is not finite");
        }
        return std::nullopt;
    };
    for (std::size_t r = 0; r < imeta.rows.size(); ++r) {
        const auto& row = imeta.rows[r];
        const std::size_t line = imeta.row_lines[r];
        meta_row m;
        m.line = line;
        m.code = std::string(detail::trim_cell(row[c_code]));
        m.type = std::string(detail::trim_cell(row[c_type]));
        m.name = c_name ? row[*c_name] : m.code;
        if (m.name.empty() || m.name == "NA") m.name = m.code;
        if (c_denominator) {
            const std::string_view den = detail::trim_cell(row[*c_denominator]);
            if (!den.empty() && den != "NA") m.denominator = std::string(den);
        }
        const std::string_view parent = detail::trim_cell(row[c_parent]);
        if (!parent.empty() && parent != "NA") m.parent = std::string(parent);
        if (!types.count(m.type)) {
            meta_err(diagnostic_code::invalid_metadata, line, c_type + 1,
                     "Type '" + m.type + "' is not one of Indicator, Aggregate, Group, Denominator, Other");
        }
        if (const auto lv = number_at(row, c_level, line, "Level")) {
            if (*lv != std::floor(*lv) || *lv < 1 || *lv > 1000) {
                meta_err(diagnostic_code::invalid_metadata, line, c_level + 1,
                         "Level '" + row[c_level] + "' is not a positive integer");
            } else {
                m.level = static_cast<int>(*lv);
            }
        }
        if (const auto dv = number_at(row, c_dir, line, "Direction")) {
            if (*dv != 1.0 && *dv != -1.0) {
                meta_err(diagnostic_code::invalid_metadata, line, c_dir + 1,
                         "Direction '" + row[c_dir] + "' is not -1 or 1");
            } else {
                m.direction = static_cast<int>(*dv);
            }
        }
        m.weight = number_at(row, c_weight, line, "Weight");
        const bool structural = m.type == "Indicator" || m.type == "Aggregate";
        if (c_target) m.params.target = number_at(row, *c_target, line, "Target");
        if (c_gl) m.params.goalpost_lower = number_at(row, *c_gl, line, "goalpost_lower");
        if (c_gu) m.params.goalpost_upper = number_at(row, *c_gu, line, "goalpost_upper");
        if (c_gs) {
            if (const auto v = number_at(row, *c_gs, line, "goalpost_scale")) m.params.goalpost_scale = *v;
        }
        auto bool_at = [&](std::optional<std::size_t> col, bool& into, const char* what) {
            if (!col) return;
            const std::string_view s = detail::trim_cell(row[*col]);
            if (s.empty() || s == "NA") return;
            if (const auto b = detail::parse_bool_cell(s)) {
                into = *b;
            } else {
                meta_err(diagnostic_code::invalid_metadata, line, *col + 1,
                         std::string(what) + " '" + row[*col] + "' is not TRUE or FALSE");
            }
        };
        bool_at(c_gt, m.params.goalpost_truncate, "goalpost_trunc2posts");
        bool_at(c_cap, m.params.cap_at_target, "dist2targ_cap_max");

        // COINr's per-row rules.
        if (m.code.empty() || m.code == "NA") {
            meta_err(diagnostic_code::invalid_metadata, line, c_code + 1, "iCode is empty");
        } else if (detail::starts_with_digit(m.code)) {
            meta_err(diagnostic_code::invalid_metadata, line, c_code + 1,
                     "iCode '" + m.code + "' begins with a digit (COINr does not allow it)");
        }
        if (structural) {
            if (!m.level) {
                if (detail::parse_cell(row[c_level]).kind == detail::cell_kind::missing) {
                    meta_err(diagnostic_code::invalid_metadata, line, c_level + 1,
                             m.type + " '" + m.code + "' has no Level");
                }
            } else if (m.type == "Indicator" && *m.level != 1) {
                meta_err(diagnostic_code::invalid_metadata, line, c_level + 1,
                         "Indicator '" + m.code + "' is at Level " + std::to_string(*m.level) +
                             "; indicators must be at Level 1");
            } else if (m.type == "Aggregate" && *m.level == 1) {
                meta_err(diagnostic_code::invalid_metadata, line, c_level + 1,
                         "Aggregate '" + m.code + "' is at Level 1, which is for indicators");
            }
            if (!m.direction && detail::parse_cell(row[c_dir]).kind == detail::cell_kind::missing) {
                meta_err(diagnostic_code::invalid_metadata, line, c_dir + 1,
                         m.type + " '" + m.code + "' has no Direction");
            }
            if (!m.weight) {
                if (detail::parse_cell(row[c_weight]).kind == detail::cell_kind::missing) {
                    meta_err(diagnostic_code::invalid_metadata, line, c_weight + 1,
                             m.type + " '" + m.code + "' has no Weight");
                }
            } else if (*m.weight < 0) {
                meta_err(diagnostic_code::negative_weight, line, c_weight + 1,
                         "Weight of '" + m.code + "' is negative (" + row[c_weight] + ")");
            }
        }
        if (m.type == "Indicator" && c_target && !m.params.target &&
            detail::parse_cell(row[*c_target]).kind == detail::cell_kind::missing) {
            meta_err(
                diagnostic_code::invalid_metadata, line, *c_target + 1,
                "Indicator '" + m.code + "' has no Target (when iMeta has a Target column, every indicator needs one)");
        }
        rows.push_back(std::move(m));
    }
    // Unique codes.
    std::unordered_map<std::string, std::size_t> by_code;
    for (std::size_t r = 0; r < rows.size(); ++r) {
        if (rows[r].code.empty()) continue;
        const auto [it, fresh] = by_code.emplace(rows[r].code, r);
        if (!fresh) {
            meta_err(
                diagnostic_code::duplicate_id, rows[r].line, c_code + 1,
                "iCode '" + rows[r].code + "' is already defined on line " + std::to_string(rows[it->second].line));
        }
    }
    // Levels: no gaps; parents exist, one level up; the top level has no parent; aggregates have children.
    std::set<int> levels;
    for (const auto& m : rows) {
        if ((m.type == "Indicator" || m.type == "Aggregate") && m.level) levels.insert(*m.level);
    }
    const int maxlev = levels.empty() ? 0 : *levels.rbegin();
    for (int l = 1; l <= maxlev; ++l) {
        if (!levels.count(l)) {
            meta_err(diagnostic_code::invalid_metadata, imeta.header_line, c_level + 1,
                     "Level " + std::to_string(l) + " is missing between 1 and " + std::to_string(maxlev));
        }
    }
    std::size_t tops = 0;
    std::set<std::string> parents_used;
    for (const auto& m : rows) {
        if (m.type != "Indicator" && m.type != "Aggregate") continue;
        if (!m.level) continue;
        if (*m.level == maxlev) {
            ++tops;
            if (m.parent) {
                meta_err(diagnostic_code::invalid_metadata, m.line, c_parent + 1,
                         "'" + m.code + "' is at the highest Level (" + std::to_string(maxlev) +
                             ") and must not have a Parent");
            }
            continue;
        }
        if (!m.parent) {
            meta_err(diagnostic_code::invalid_metadata, m.line, c_parent + 1,
                     "'" + m.code + "' (Level " + std::to_string(*m.level) + ") has no Parent");
            continue;
        }
        parents_used.insert(*m.parent);
        const auto it = by_code.find(*m.parent);
        if (it == by_code.end()) {
            meta_err(diagnostic_code::unknown_reference, m.line, c_parent + 1,
                     "Parent '" + *m.parent + "' of '" + m.code + "' is not an iCode");
            continue;
        }
        const meta_row& p = rows[it->second];
        if (p.type != "Aggregate") {
            meta_err(diagnostic_code::invalid_metadata, m.line, c_parent + 1,
                     "Parent '" + *m.parent + "' of '" + m.code + "' is of Type " + p.type + ", not Aggregate");
        } else if (p.level && *p.level != *m.level + 1) {
            meta_err(diagnostic_code::invalid_metadata, m.line, c_parent + 1,
                     "Parent '" + *m.parent + "' of '" + m.code + "' is at Level " + std::to_string(*p.level) +
                         ", not the level immediately above (" + std::to_string(*m.level + 1) + ")");
        }
    }
    if (maxlev > 0 && tops != 1) {
        meta_err(diagnostic_code::invalid_metadata, imeta.header_line, c_level + 1,
                 std::to_string(tops) + " elements are at the highest Level " + std::to_string(maxlev) +
                     "; the index must be the only one");
    }
    for (const auto& m : rows) {
        if (m.type == "Aggregate" && !parents_used.count(m.code)) {
            meta_err(diagnostic_code::invalid_metadata, m.line, c_code + 1,
                     "Aggregate '" + m.code + "' has no children");
        }
    }
    std::size_t n_indicators = 0;
    for (const auto& m : rows)
        n_indicators += m.type == "Indicator" ? 1u : 0u;
    if (n_indicators == 0) {
        meta_err(diagnostic_code::empty_framework, imeta.header_line, std::nullopt,
                 "iMeta has no rows of Type Indicator");
    }

    // ---- iData ----------------------------------------------------------------------------
    const auto c_ucode = idata.column("uCode");
    if (!c_ucode) {
        data_err(diagnostic_code::invalid_metadata, idata.header_line, std::nullopt,
                 "required column 'uCode' is missing");
        return result;
    }
    const auto c_uname = idata.column("uName");
    const auto c_time = idata.column("Time");
    std::set<std::string> seen_cols;
    for (std::size_t c = 0; c < idata.header.size(); ++c) {
        const std::string& h = idata.header[c];
        if (detail::trim_cell(h).empty()) {
            data_err(diagnostic_code::invalid_metadata, idata.header_line, c + 1,
                     "column " + std::to_string(c + 1) + " has no name");
            continue;
        }
        if (!seen_cols.insert(h).second) {
            data_err(diagnostic_code::duplicate_id, idata.header_line, c + 1, "column name '" + h + "' appears twice");
        }
        if (detail::starts_with_digit(h)) {
            data_err(diagnostic_code::invalid_metadata, idata.header_line, c + 1,
                     "column name '" + h + "' begins with a digit (COINr does not allow it)");
        }
        if (h == "uCode" || h == "uName" || h == "Time") continue;
        const auto it = by_code.find(h);
        if (it == by_code.end()) {
            data_err(diagnostic_code::unknown_reference, idata.header_line, c + 1,
                     "column '" + h + "' is not described in " + msrc);
        } else if (rows[it->second].type == "Aggregate") {
            data_err(diagnostic_code::invalid_metadata, idata.header_line, c + 1,
                     "column '" + h + "' is an Aggregate in " + msrc + "; aggregates are computed, not supplied");
        }
    }
    for (const auto& m : rows) {
        if (m.type != "Aggregate" && !m.code.empty() && !idata.column(m.code)) {
            meta_err(diagnostic_code::unknown_reference, m.line, c_code + 1,
                     m.type + " '" + m.code + "' has no column in " + dsrc);
        }
    }

    // Time: numeric; pick one period.
    std::vector<std::optional<double>> times(idata.rows.size());
    std::optional<double> chosen;
    if (c_time) {
        std::set<double> distinct;
        for (std::size_t r = 0; r < idata.rows.size(); ++r) {
            const auto cell = detail::parse_cell(idata.rows[r][*c_time]);
            if (cell.kind == detail::cell_kind::number) {
                times[r] = cell.value;
                distinct.insert(cell.value);
            } else if (cell.kind != detail::cell_kind::missing) {
                data_err(diagnostic_code::invalid_number, idata.row_lines[r], *c_time + 1,
                         "Time '" + idata.rows[r][*c_time] + "' is not a number");
            }
        }
        if (options.time) {
            if (!distinct.count(*options.time)) {
                data_err(diagnostic_code::insufficient_data, idata.header_line, *c_time + 1,
                         "no rows have Time " + detail::index_num(*options.time));
            }
            chosen = options.time;
        } else if (!distinct.empty()) {
            chosen = *distinct.rbegin();
            if (distinct.size() > 1) {
                report(severity::info, diagnostic_code::insufficient_data, dsrc, idata.header_line, *c_time + 1,
                       "panel data with " + std::to_string(distinct.size()) + " Time values; using the latest, " +
                           detail::index_num(*chosen));
            }
        }
    }
    std::vector<std::size_t> use;  // iData rows of the chosen period
    for (std::size_t r = 0; r < idata.rows.size(); ++r) {
        if (!c_time || !chosen || (times[r] && *times[r] == *chosen)) use.push_back(r);
    }
    // An index of no units is not an index: refuse it here, as a dataset with no usable
    // observation is refused, rather than hand every caller an empty table to misreport.
    if (use.empty() && !has_errors(diags)) {
        data_err(diagnostic_code::insufficient_data, idata.header_line, std::nullopt,
                 "the table has no unit rows (only the header), so there is nothing to compute");
    }
    // Units: present, unique, not a column name.
    std::unordered_map<std::string, std::size_t> unit_line;
    for (std::size_t r : use) {
        const std::string code(detail::trim_cell(idata.rows[r][*c_ucode]));
        const std::size_t line = idata.row_lines[r];
        if (code.empty() || code == "NA") {
            data_err(diagnostic_code::missing_required_field, line, *c_ucode + 1, "uCode is empty");
            continue;
        }
        if (code.find(' ') != std::string::npos) {
            data_err(diagnostic_code::invalid_metadata, line, *c_ucode + 1, "uCode '" + code + "' contains a space");
        }
        const auto [it, fresh] = unit_line.emplace(code, line);
        if (!fresh) {
            data_err(diagnostic_code::duplicate_id, line, *c_ucode + 1,
                     "uCode '" + code + "' already appears on line " + std::to_string(it->second) +
                         (c_time ? " (for the same Time)" : ""));
        }
        if (seen_cols.count(code)) {
            data_err(diagnostic_code::invalid_metadata, line, *c_ucode + 1,
                     "uCode '" + code + "' is also a column name");
        }
    }
    if (has_errors(diags)) return result;

    // ---- Build ----------------------------------------------------------------------------
    std::vector<tree_indicator> inds;
    std::vector<tree_node> nodes;
    std::vector<std::size_t> ind_cols;
    coinr_data out;
    for (const auto& m : rows) {
        if (m.type == "Indicator") {
            tree_indicator t;
            t.id = m.code;
            t.name = m.name;
            t.parent = m.parent;
            t.weight = *m.weight;
            t.direction = *m.direction == 1 ? direction::higher_is_better : direction::lower_is_better;
            t.parameters = m.params;
            t.path = msrc;
            t.line = m.line;
            inds.push_back(std::move(t));
            ind_cols.push_back(*idata.column(m.code));
            out.indicator_denominators.push_back(m.denominator);
        } else if (m.type == "Aggregate") {
            tree_node t;
            t.id = m.code;
            t.name = m.name;
            t.parent = m.parent;
            t.weight = *m.weight;
            t.path = msrc;
            t.line = m.line;
            nodes.push_back(std::move(t));
        } else if (m.type == "Group") {
            out.groups.push_back(coinr_group{m.code, m.name, {}});
        } else if (m.type == "Denominator") {
            out.denominator_ids.push_back(m.code);
        }
    }
    tree_options topt;
    topt.add_root_if_needed = false;
    tree_build_result built = build_tree(std::move(inds), std::move(nodes), topt);
    for (auto& d : built.diagnostics)
        diags.push_back(std::move(d));
    if (!built.ok()) return result;
    out.tree = std::move(*built.tree);

    const std::size_t nu = use.size();
    out.values.resize(nu, out.tree.indicator_count());
    out.denominators.resize(nu, out.denominator_ids.size());
    auto read_numbers = [&](const std::vector<std::size_t>& cols, value_matrix& into) {
        for (std::size_t k = 0; k < cols.size(); ++k) {
            const std::size_t col = cols[k];
            for (std::size_t u = 0; u < nu; ++u) {
                const std::size_t r = use[u];
                const auto cell = detail::parse_cell(idata.rows[r][col]);
                if (cell.kind == detail::cell_kind::number) {
                    into.set(u, k, cell.value);
                } else if (cell.kind == detail::cell_kind::invalid) {
                    data_err(diagnostic_code::invalid_number, idata.row_lines[r], col + 1,
                             "'" + idata.header[col] + "' of '" + idata.rows[r][*c_ucode] + "' is '" +
                                 idata.rows[r][col] + "', not a number");
                } else if (cell.kind == detail::cell_kind::non_finite) {
                    data_err(diagnostic_code::non_finite_value, idata.row_lines[r], col + 1,
                             "'" + idata.header[col] + "' of '" + idata.rows[r][*c_ucode] + "' is '" +
                                 idata.rows[r][col] + "', not a finite number");
                }
            }
        }
    };
    read_numbers(ind_cols, out.values);
    std::vector<std::size_t> den_cols;
    for (const auto& id : out.denominator_ids)
        den_cols.push_back(*idata.column(id));
    read_numbers(den_cols, out.denominators);
    for (auto& g : out.groups) {
        const std::size_t col = *idata.column(g.id);
        for (std::size_t r : use) {
            const std::string_view v = detail::trim_cell(idata.rows[r][col]);
            g.values.push_back(v.empty() || v == "NA" ? std::nullopt : std::optional<std::string>(std::string(v)));
        }
    }
    for (std::size_t r : use) {
        out.units.emplace_back(detail::trim_cell(idata.rows[r][*c_ucode]));
        std::string name = c_uname ? idata.rows[r][*c_uname] : std::string();
        out.unit_names.push_back(name.empty() || name == "NA" ? out.units.back() : name);
    }
    out.time = chosen;
    if (has_errors(diags)) return result;
    result.data = std::move(out);
    return result;
}

DXFRAME_DECL coinr_import_result import_coinr(std::string_view idata_csv, std::string_view imeta_csv,
                                              const coinr_options& options) {
    coinr_import_result result;
    csv_read_options dopt;
    dopt.source = options.data_source;
    csv_read_options mopt;
    mopt.source = options.meta_source;
    csv_read_result d = read_csv(idata_csv, dopt);
    csv_read_result m = read_csv(imeta_csv, mopt);
    for (auto& x : m.diagnostics)
        result.diagnostics.push_back(std::move(x));
    for (auto& x : d.diagnostics)
        result.diagnostics.push_back(std::move(x));
    if (!d.ok() || !m.ok()) return result;
    coinr_import_result inner = import_coinr(*d.table, *m.table, options);
    for (auto& x : inner.diagnostics)
        result.diagnostics.push_back(std::move(x));
    result.data = std::move(inner.data);
    return result;
}

}  // namespace dxframe
