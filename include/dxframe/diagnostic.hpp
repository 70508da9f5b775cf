// SPDX-License-Identifier: MIT
/// @file
/// @brief Diagnostics: how every module reports a problem with data.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <boost/describe/class.hpp>
#include <boost/describe/enum.hpp>

#include <dxframe/config.hpp>

namespace dxframe {

/// How serious a diagnostic is.
enum class severity {
    error,    ///< The data cannot be used as it is.
    warning,  ///< Probably a mistake; results are still computed.
    info      ///< Worth knowing (a field kept in lenient mode, a missing source).
};
BOOST_DESCRIBE_ENUM(severity, error, warning, info)

/// What kind of problem a diagnostic reports. The README lists each with an example.
enum class diagnostic_code {
    // Reading a document.
    invalid_json,            ///< Not JSON (with line and column).
    unsupported_format,      ///< `format` missing or not "dxframe/1".
    type_mismatch,           ///< A value of the wrong JSON type.
    unknown_field,           ///< A member the format does not define.
    missing_required_field,  ///< A required member is absent (or null).
    invalid_enum_value,      ///< A string that names no enumerator.
    invalid_date,            ///< Not `YYYY-MM-DD`, or no such day.
    non_finite_value,        ///< NaN, infinity, or a number out of double range.
    duplicate_key,           ///< The same key twice in one object.
    limit_exceeded,          ///< Document size, depth, string length or count over the limit.
    // Checking a dataset.
    duplicate_id,                      ///< Two elements of one kind share an id.
    unknown_reference,                 ///< An id that names nothing (indicator, node, entity, target, owner).
    value_out_of_bounds,               ///< Outside the indicator's bounds (a percent of 130).
    numerator_exceeds_denominator,     ///< More achieved than exist (64 of 63 provinces).
    non_positive_denominator,          ///< A denominator of zero or less.
    ambiguous_value,                   ///< Both a value and a ratio, or neither, or half a ratio.
    deadline_before_baseline,          ///< A target that ends before it starts.
    target_on_wrong_side_of_baseline,  ///< Meeting the target would mean getting worse.
    target_met_at_baseline,            ///< Already met when set (warning).
    invalid_target,                    ///< A target whose kind and values do not fit together.
    milestone_out_of_order,            ///< Milestones not in date order or outside baseline..deadline.
    negative_weight,                   ///< A weight below zero.
    zero_weight_sum,                   ///< A node whose children's weights add up to zero.
    hierarchy_cycle,                   ///< A node that is its own ancestor.
    conflicting_observations,          ///< Same entity, indicator and date, different values.
    duplicate_observation,             ///< Same entity, indicator, date and value twice (warning).
    out_of_on_non_rank,                ///< `out_of` on an indicator whose unit is not rank.
    invalid_out_of,                    ///< `out_of` that is not a positive whole number.
    rank_outside_ranking,              ///< A rank below 1 or above its `out_of` (not whole: warning).
    successor_cycle,                   ///< An entity that succeeds itself through mergers.
    invalid_succession,                ///< successor_of without an effective date, or similar.
    entity_not_alive,         ///< A figure, task or target of an entity at a date it does not exist (a merger).
    invalid_task,             ///< A task whose status and dates disagree.
    invalid_bounds,           ///< An indicator whose minimum exceeds its maximum.
    empty_framework,          ///< No indicators at all.
    missing_source,           ///< A target or observation that cites no source (info).
    missing_reason,           ///< A manual status without a reason.
    invalid_manual_status,    ///< A manual status that is not a judgement, or two for one entity and date.
    unknown_dimension,        ///< A breakdown names a dimension its indicator is not broken down by.
    unknown_dimension_code,   ///< A breakdown names a code its dimension does not have.
    breakdown_exceeds_total,  ///< Counts of a breakdown's parts add up to more than its total.
    invalid_derivation,       ///< A derived indicator that cannot be computed (a count without condition, a cycle).
    missing_weight,           ///< A member's value with no weight on or before its date (weighted_mean).
    derived_value_differs,    ///< A reported value of a derived indicator other than the computed one (warning).
    // Tables and computations.
    invalid_csv,              ///< A CSV table that cannot be read (ragged row, bad quoting).
    invalid_number,           ///< A cell that should be a number and is not.
    invalid_metadata,         ///< An index-metadata row that breaks the COINr rules.
    insufficient_data,        ///< Too few values for a method (zero range, one value).
    invalid_input_for_method  ///< A value a method cannot take (log of a non-positive value).
};
BOOST_DESCRIBE_ENUM(diagnostic_code, invalid_json, unsupported_format, type_mismatch, unknown_field,
                    missing_required_field, invalid_enum_value, invalid_date, non_finite_value, duplicate_key,
                    limit_exceeded, duplicate_id, unknown_reference, value_out_of_bounds, numerator_exceeds_denominator,
                    non_positive_denominator, ambiguous_value, deadline_before_baseline,
                    target_on_wrong_side_of_baseline, target_met_at_baseline, invalid_target, milestone_out_of_order,
                    negative_weight, zero_weight_sum, hierarchy_cycle, conflicting_observations, duplicate_observation,
                    out_of_on_non_rank, invalid_out_of, rank_outside_ranking, successor_cycle, invalid_succession,
                    entity_not_alive, invalid_task, invalid_bounds, empty_framework, missing_source, missing_reason,
                    invalid_manual_status, unknown_dimension, unknown_dimension_code, breakdown_exceeds_total,
                    invalid_derivation, missing_weight, derived_value_differs, invalid_csv, invalid_number,
                    invalid_metadata, insufficient_data, invalid_input_for_method)

/// One problem found in data.
struct diagnostic {
    dxframe::severity severity = severity::error;          ///< How serious.
    diagnostic_code code = diagnostic_code::invalid_json;  ///< What kind of problem.
    std::string path;                   ///< JSON Pointer (`/observations/12/date`) or table place (`iData.csv`).
    std::string message;                ///< Human-readable explanation naming the offending value.
    std::optional<std::size_t> line;    ///< 1-based line in the source text, when known.
    std::optional<std::size_t> column;  ///< 1-based column in the source text, when known.
};
BOOST_DESCRIBE_STRUCT(diagnostic, (), (severity, code, path, message, line, column))

/// True when any diagnostic is an error.
DXFRAME_DECL bool has_errors(const std::vector<diagnostic>& diagnostics) noexcept;

/// Number of diagnostics of a severity.
DXFRAME_DECL std::size_t count(const std::vector<diagnostic>& diagnostics, severity s) noexcept;

/// Appends `token` to `out` as a JSON Pointer reference token (without the leading '/'): `~`
/// becomes "~0" and `/` becomes "~1" (RFC 6901, section 3); every other byte is kept. The one
/// JSON Pointer escaper of the library: pointer_append and json_path::pointer use it.
DXFRAME_DECL void pointer_escape_append(std::string& out, std::string_view token);

/// Appends one JSON Pointer reference token to `path`, escaping `~` and `/` (RFC 6901).
DXFRAME_DECL std::string pointer_append(const std::string& path, const std::string& token);

/// Appends an array index to a JSON Pointer.
DXFRAME_DECL std::string pointer_append(const std::string& path, std::size_t index);

}  // namespace dxframe

#if DXFRAME_HEADER_ONLY
#include <dxframe/impl/diagnostic.ipp>
#endif
