// SPDX-License-Identifier: MIT
/// @file
/// @brief Vietnam's Digital Transformation Index (DTI): the points scale and merged provinces.
///
/// Facts (reference: vietnam-dx-framework.md §4.3, §4.6, §4.7): under Decision 922/QĐ-BTTTT
/// (2022) the province DTI has nine main indicators with maximum points adding up to 1,000; each
/// main indicator is published as a 0–1 value, and the published DTI is Σ value × max points ÷
/// 1,000 (Đà Nẵng 2022: 800.2 points → 0.8002). Since DTI 2024, a province formed by the 2025
/// mergers is scored with the arithmetic mean of each main indicator over the provinces it was
/// formed from.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <boost/describe/class.hpp>

#include <dxframe/config.hpp>
#include <dxframe/diagnostic.hpp>
#include <dxframe/index/matrix.hpp>
#include <dxframe/index/tree.hpp>
#include <dxframe/model/entity.hpp>
#include <dxframe/model/text.hpp>

namespace dxframe {

/// A main indicator of a DTI and the points it is worth.
struct dti_main_indicator {
    std::string id;           ///< Identifier, e.g. "awareness".
    text name;                ///< Name in Vietnamese and English.
    double max_points = 0.0;  ///< Maximum points (0 = collected but not scored).
};
BOOST_DESCRIBE_STRUCT(dti_main_indicator, (), (id, name, max_points))

/// The province DTI of Decision 922/QĐ-BTTTT (20/05/2022, first applied to DTI 2021): five
/// foundation indicators of 100 points, smart city (collected, not scored), and the three
/// activity indicators of 200, 150 and 150 points — 1,000 in all.
DXFRAME_DECL std::vector<dti_main_indicator> dti_province_922();

/// A DTI score on the points scale.
struct dti_score {
    double points = 0.0;                  ///< Σ value × max points over the scored indicators.
    double max_points = 0.0;              ///< Σ max points (1,000 for the 922 province DTI).
    std::optional<double> value;          ///< points ÷ max_points; missing when a scored value is missing.
    std::vector<diagnostic> diagnostics;  ///< Missing or out-of-range main-indicator values.
};
BOOST_DESCRIBE_STRUCT(dti_score, (), (points, max_points, value, diagnostics))

/// Scores main-indicator values (each 0–1, one per entry of `structure`) on the points scale.
/// A missing value of a scored indicator makes the score missing (the DTI has no renormalisation;
/// unscored indicators may be missing); a value outside [0, 1] is reported as a warning.
/// Throws dxframe::error when the sizes differ or a max is negative, non-finite, or all zero.
DXFRAME_DECL dti_score score_dti(const std::vector<std::optional<double>>& values,
                                 const std::vector<dti_main_indicator>& structure);

/// A value rounded to `decimals` places, as published (the DTI publishes 4: 0.8002).
DXFRAME_DECL double round_published(double value, int decimals = 4);

/// An index tree for a DTI structure: the main indicators as the indicators of one root node,
/// weighted by their max points. Run with the `none` normaliser (main indicators are published
/// 0–1) and the arithmetic mean, the index is Σ value × points ÷ Σ points: the published DTI.
DXFRAME_DECL tree_build_result dti_tree(const std::vector<dti_main_indicator>& structure,
                                        const std::string& root_id = "dti", language lang = language::en);

/// The outcome of merge_successors.
struct merge_result {
    std::vector<std::string> units;       ///< Unit ids after the mergers.
    value_matrix values;                  ///< Their values (same columns as the input).
    std::vector<diagnostic> diagnostics;  ///< Predecessors without data, successors kept as reported.
};

/// Applies the DTI merger rule: every entity with `successor_of` (effective on or before
/// `as_of`, when given) gets, column by column, the arithmetic mean of its predecessors' values
/// present (missing when none is); its predecessors leave the table. The successor takes the
/// place of its first predecessor in `units`; other rows keep their order. A successor that
/// already has its own row keeps it (its own data wins; noted as info). `values` has one row per
/// entry of `units`. Diagnostic paths point into `entities` (`/entities/12`).
DXFRAME_DECL merge_result merge_successors(const std::vector<std::string>& units, const value_matrix& values,
                                           const std::vector<entity>& entities,
                                           std::optional<date> as_of = std::nullopt);

}  // namespace dxframe

#if DXFRAME_HEADER_ONLY
#include <dxframe/index/impl/dti.ipp>
#endif
