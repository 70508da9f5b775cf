// SPDX-License-Identifier: MIT
// Definitions for <dxframe/index/dti.hpp> (see <dxframe/config.hpp>: included by that header
// in header-only mode, by <dxframe/src.hpp> in separate compilation).
#pragma once

#include <cmath>
#include <cstddef>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include <dxframe/config.hpp>
#include <dxframe/diagnostic.hpp>
#include <dxframe/error.hpp>
#include <dxframe/index/aggregate.hpp>
#include <dxframe/index/dti.hpp>
#include <dxframe/index/matrix.hpp>
#include <dxframe/index/normalise.hpp>
#include <dxframe/index/tree.hpp>
#include <dxframe/model/entity.hpp>
#include <dxframe/model/text.hpp>

namespace dxframe {

DXFRAME_DECL std::vector<dti_main_indicator> dti_province_922() {
    return {
        {"awareness", {"Nhận thức số", "Digital awareness"}, 100.0},
        {"institutions", {"Thể chế số", "Digital institutions"}, 100.0},
        {"infrastructure", {"Hạ tầng số", "Digital infrastructure"}, 100.0},
        {"human_resources", {"Nhân lực số", "Digital human resources"}, 100.0},
        {"cybersecurity", {"An toàn thông tin mạng", "Network information security"}, 100.0},
        {"smart_city", {"Đô thị thông minh", "Smart city"}, 0.0},
        {"digital_government_ops", {"Hoạt động chính quyền số", "Digital government activity"}, 200.0},
        {"digital_economy_ops", {"Hoạt động kinh tế số", "Digital economy activity"}, 150.0},
        {"digital_society_ops", {"Hoạt động xã hội số", "Digital society activity"}, 150.0},
    };
}

DXFRAME_DECL dti_score score_dti(const std::vector<std::optional<double>>& values,
                                 const std::vector<dti_main_indicator>& structure) {
    if (values.size() != structure.size()) throw error("score_dti: one value per main indicator expected");
    dti_score s;
    bool complete = true;
    for (std::size_t i = 0; i < structure.size(); ++i) {
        const double mx = structure[i].max_points;
        if (!std::isfinite(mx) || mx < 0) throw error("score_dti: max points must be finite and >= 0");
        s.max_points += mx;
        if (!values[i]) {
            if (mx > 0) {
                complete = false;
                diagnostic d;
                d.severity = severity::error;
                d.code = diagnostic_code::insufficient_data;
                d.path = structure[i].id;
                d.message = "main indicator '" + structure[i].id + "' (" + detail::index_num(mx) +
                            " points) has no value; the DTI cannot be scored";
                s.diagnostics.push_back(std::move(d));
            }
            continue;
        }
        const double v = *values[i];
        if (!std::isfinite(v) || v < 0 || v > 1) {
            diagnostic d;
            d.severity = std::isfinite(v) ? severity::warning : severity::error;
            d.code = std::isfinite(v) ? diagnostic_code::value_out_of_bounds : diagnostic_code::non_finite_value;
            d.path = structure[i].id;
            d.message = "main indicator '" + structure[i].id + "' has value " + detail::index_num(v) +
                        ", outside the 0-1 scale";
            s.diagnostics.push_back(std::move(d));
            if (!std::isfinite(v)) {
                complete = false;
                continue;
            }
        }
        s.points += v * mx;
    }
    if (!(s.max_points > 0)) throw error("score_dti: the maximum points add up to zero");
    if (complete) s.value = s.points / s.max_points;
    return s;
}

DXFRAME_DECL double round_published(double value, int decimals) {
    const double f = std::pow(10.0, decimals);
    return std::round(value * f) / f;
}

DXFRAME_DECL tree_build_result dti_tree(const std::vector<dti_main_indicator>& structure, const std::string& root_id,
                                        language lang) {
    std::vector<tree_indicator> inds;
    for (std::size_t i = 0; i < structure.size(); ++i) {
        tree_indicator t;
        t.id = structure[i].id;
        t.name = structure[i].name.in(lang);
        t.parent = root_id;
        t.weight = structure[i].max_points;
        t.parameters.goalpost_lower = 0.0;
        t.parameters.goalpost_upper = 1.0;
        t.path = structure[i].id;
        inds.push_back(std::move(t));
    }
    tree_node root;
    root.id = root_id;
    root.name = "DTI";
    root.method = aggregation_method{};
    return build_tree(std::move(inds), {root});
}

DXFRAME_DECL merge_result merge_successors(const std::vector<std::string>& units, const value_matrix& values,
                                           const std::vector<entity>& entities, std::optional<date> as_of) {
    if (values.rows() != units.size()) throw error("merge_successors: one unit id per row expected");
    std::unordered_map<std::string, std::size_t> row_of;
    for (std::size_t r = 0; r < units.size(); ++r)
        row_of.emplace(units[r], r);
    merge_result out;

    struct successor {
        std::size_t entity;
        std::vector<std::size_t> rows;  // predecessors' rows
        bool own_row;
    };
    std::vector<successor> succ;
    std::vector<std::vector<std::size_t>> succ_of_row(units.size());  // successors consuming a row
    for (std::size_t e = 0; e < entities.size(); ++e) {
        const entity& ent = entities[e];
        if (ent.successor_of.empty()) continue;
        if (as_of && ent.effective && as_of < ent.effective) continue;
        successor s{e, {}, row_of.count(ent.id) != 0};
        const std::string path = pointer_append("/entities", e);
        for (const auto& p : ent.successor_of) {
            const auto it = row_of.find(p);
            if (it == row_of.end()) {
                diagnostic d;
                d.severity = severity::warning;
                d.code = diagnostic_code::insufficient_data;
                d.path = path + "/successor_of";
                d.message = "'" + ent.id + "': predecessor '" + p + "' has no data; the mean is over the others";
                out.diagnostics.push_back(std::move(d));
                continue;
            }
            if (p == ent.id) continue;  // a successor keeping a predecessor's id keeps its row below
            s.rows.push_back(it->second);
        }
        if (s.own_row) {
            diagnostic d;
            d.severity = severity::info;
            d.code = diagnostic_code::invalid_succession;
            d.path = path;
            d.message = "'" + ent.id + "' has data of its own, which is used instead of its predecessors' mean";
            out.diagnostics.push_back(std::move(d));
        } else if (s.rows.empty()) {
            diagnostic d;
            d.severity = severity::warning;
            d.code = diagnostic_code::insufficient_data;
            d.path = path;
            d.message = "'" + ent.id + "': none of its predecessors has data; it is left out";
            out.diagnostics.push_back(std::move(d));
        }
        for (std::size_t r : s.rows)
            succ_of_row[r].push_back(succ.size());
        succ.push_back(std::move(s));
    }

    // Output rows: a row consumed by successors is replaced by the successors it is the first
    // predecessor of; an own-row successor stays where its row is.
    struct out_row {
        bool merged;
        std::size_t index;  // input row, or successor index
    };
    std::vector<out_row> rows;
    std::vector<bool> emitted(succ.size(), false);
    for (std::size_t r = 0; r < units.size(); ++r) {
        if (succ_of_row[r].empty()) {
            rows.push_back({false, r});
            continue;
        }
        for (std::size_t s : succ_of_row[r]) {
            if (emitted[s] || succ[s].own_row) continue;
            emitted[s] = true;
            rows.push_back({true, s});
        }
    }
    out.values.resize(rows.size(), values.cols());
    for (std::size_t k = 0; k < rows.size(); ++k) {
        if (!rows[k].merged) {
            out.units.push_back(units[rows[k].index]);
            for (std::size_t c = 0; c < values.cols(); ++c)
                out.values.set(k, c, values.get(rows[k].index, c));
            continue;
        }
        const successor& s = succ[rows[k].index];
        out.units.push_back(entities[s.entity].id);
        for (std::size_t c = 0; c < values.cols(); ++c) {
            double sum = 0.0;
            std::size_t count = 0;
            for (std::size_t r : s.rows) {
                if (const auto v = values.get(r, c)) {
                    sum += *v;
                    ++count;
                }
            }
            if (count > 0) out.values.set(k, c, sum / static_cast<double>(count));
        }
    }
    return out;
}

}  // namespace dxframe
