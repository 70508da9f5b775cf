// SPDX-License-Identifier: MIT
/// @file
/// @brief Uncertain inputs and sensitivity targets written as text, the way the `dxframe`
/// tool's options take them: `--weight-noise 2:0.25,3:0.1`, `--target rank:AUT`.
///
/// The checks are the library's (check_uncertainty_plan's rules: a level ≥ 1, at most once, a
/// factor in [0, 1]), so a program that reads a plan from a file of its own applies the same.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <boost/describe/class.hpp>

#include <dxframe/config.hpp>
#include <dxframe/index/impute.hpp>
#include <dxframe/index/treat.hpp>
#include <dxframe/uncertainty/plan.hpp>
#include <dxframe/uncertainty/sensitivity.hpp>

namespace dxframe {

/// Reads weight noise "LEVEL:FACTOR[,LEVEL:FACTOR...]" (e.g. "2:0.25,3:0.1"): a tree level,
/// a whole number from 1 to 1000 (1 = the indicators' weights), and a noise factor in [0, 1];
/// each level at most once. Throws dxframe::error naming the item that is wrong.
DXFRAME_DECL std::vector<level_noise> parse_weight_noise(std::string_view text);

/// Reads imputation alternatives "SPEC[;ID=SPEC...][,SPEC...]" (e.g. "mean,median,none"): each
/// comma-separated item is one alternative, its `;`-separated parts the arguments of
/// parse_imputation_spec (a default SPEC and per-indicator ID=SPEC). Throws dxframe::error
/// quoting the first item that does not parse.
DXFRAME_DECL std::vector<imputation_spec> parse_imputation_alternatives(std::string_view text);

/// Reads treatment alternatives "SPEC[;ID=SPEC...][,SPEC...]" (e.g. "none,winsorise:5:2:3.5"),
/// each item as parse_treat_spec reads its arguments. Throws dxframe::error quoting the first
/// item that does not parse.
DXFRAME_DECL std::vector<treat_spec> parse_treat_alternatives(std::string_view text);

/// True when `plan` varies something: weight noise at some level, or two or more normaliser,
/// aggregator, imputation or treatment alternatives (a single alternative is only applied).
DXFRAME_DECL bool has_uncertain_input(const uncertainty_plan& plan) noexcept;

/// A sensitivity target with its unit.
struct sensitivity_target_choice {
    sensitivity_target target = sensitivity_target::mean_rank_shift;  ///< What to explain.
    std::string unit;  ///< The unit, for unit_rank and unit_score (else empty).
};
BOOST_DESCRIBE_STRUCT(sensitivity_target_choice, (), (target, unit))

/// Reads a sensitivity target: "mean-rank-shift", "rank:UNIT" (one unit's rank) or "score:UNIT"
/// (its index value). Throws dxframe::error for anything else. Whether the unit exists is for
/// run_sensitivity to say (it knows the units).
DXFRAME_DECL sensitivity_target_choice parse_sensitivity_target(std::string_view text);

}  // namespace dxframe

#if DXFRAME_HEADER_ONLY
#include <dxframe/uncertainty/impl/plan_text.ipp>
#endif
