// SPDX-License-Identifier: MIT
// Definitions for <dxframe/validate.hpp> (see <dxframe/config.hpp>: included by that header
// in header-only mode, by <dxframe/src.hpp> in separate compilation).
//
// The rules live in impl/validate/, one file per part of the document or concern:
//   context.ipp      what the rules share: id look-ups, usable bounds, damaged records (a partial
//                    dataset), the list of diagnostics
//   text.ipp         how messages write numbers and ids
//   references.ipp   unique ids, references that resolve (the nation, pillars)
//   values.ipp       finite numbers, values within an indicator's bounds
//   sources.ipp      targets and observations that cite no source
//   cycles.ipp       cycles of parent links and of mergers: finding and naming them
//   hierarchy.ipp    /framework/nodes and /framework/indicators: the indicator tree
//   targets.ipp      /framework/targets: kind, values, baseline, milestones, deadline
//   tasks.ipp        /framework/tasks
//   entities.ipp     /entities: parents and successions
//   duplicates.ipp   observations that repeat or contradict an earlier one
//   rankings.ipp     out_of and ranks
//   observations.ipp /observations
//   dimensions.ipp   /framework/dimensions and the dimensions indicators list
//   breakdowns.ipp   breakdowns of observations and targets: dimensions, codes, parts ≤ total
//   derived.ipp      derived indicators: their derivation, weights, reported values
#pragma once

#include <utility>
#include <vector>

#include <dxframe/diagnostic.hpp>
#include <dxframe/impl/validate/context.ipp>
#include <dxframe/impl/validate/derived.ipp>
#include <dxframe/impl/validate/dimensions.ipp>
#include <dxframe/impl/validate/entities.ipp>
#include <dxframe/impl/validate/hierarchy.ipp>
#include <dxframe/impl/validate/lifetimes.ipp>
#include <dxframe/impl/validate/observations.ipp>
#include <dxframe/impl/validate/references.ipp>
#include <dxframe/impl/validate/targets.ipp>
#include <dxframe/impl/validate/tasks.ipp>
#include <dxframe/model/dataset.hpp>
#include <dxframe/model/partial_dataset.hpp>
#include <dxframe/validate.hpp>

namespace dxframe {

namespace detail::validation {

/// Every section in the order the saved JSON document has them, so that the diagnostics come
/// in document order (each section reports element by element, member by member).
inline std::vector<diagnostic> check_all(context& cx) {
    detail::validation::check_nation(cx);
    detail::validation::check_pillar_ids(cx);
    detail::validation::check_dimensions(cx);
    detail::validation::check_nodes(cx);
    detail::validation::check_indicators(cx);
    detail::validation::check_derivations(cx);
    detail::validation::check_targets(cx);
    detail::validation::check_tasks(cx);
    detail::validation::check_entities(cx);
    detail::validation::check_observations(cx);
    detail::validation::check_derived_observations(cx);
    return std::move(cx.diagnostics);
}

}  // namespace detail::validation

DXFRAME_DECL std::vector<diagnostic> validate(const dataset& ds, const validate_options& options) {
    detail::validation::context cx(ds, options, nullptr);
    return detail::validation::check_all(cx);
}

DXFRAME_DECL std::vector<diagnostic> validate(const partial_dataset& partial, const validate_options& options) {
    detail::validation::context cx(partial.incomplete, options, &partial.damage);
    return detail::validation::check_all(cx);
}

}  // namespace dxframe
