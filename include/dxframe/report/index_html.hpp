// SPDX-License-Identifier: MIT
/// @file
/// @brief An index computation as one self-contained HTML page: ranked bars stacked by the
/// components' contributions, the framework tree with effective weights, and the results table.
///
/// Like the scorecard page (report/html.hpp) it needs nothing outside itself: CSS in a
/// `<style>` element, charts as inline `<svg>`, no script, font, image or link to fetch; it
/// reads at phone width (the chart and the framework reflow, the wide table scrolls inside its
/// own box) and prints (colours kept, boxes unrolled).
///
/// Sections (each a `<section>` with an id):
/// - `bars`: one `div.bar-row` per ranked unit, best first (`data-unit`, `data-rank`), holding
///   the label (`.bar-label`), an `svg.bar` with one `rect.seg` per top-level component
///   (`data-component`; width 0 when the unit lacks it) — or one `rect.whole` when the root's
///   mean is not additive (the legend says so) — and the value (`.bar-value`);
/// - `framework`: the tree as nested lists, `li.tree-node` and `li.tree-indicator` (`data-id`,
///   `data-weight` = the effective weight), each with its effective weight in percent;
/// - `results`: `table.results`, one `tr.unit-row` per unit by rank (`data-unit`), a colour
///   class `q0`…`q8` per number cell (a single-hue blue scale per column), fixed decimals per
///   column, "—" for a missing value, a `td.change` (▲/▼ and the places) per row when previous
///   ranks are given.
#pragma once

#include <string>
#include <vector>

#include <dxframe/config.hpp>
#include <dxframe/index/compute.hpp>
#include <dxframe/index/tree.hpp>
#include <dxframe/report/index.hpp>

namespace dxframe {

/// The colour of top-level component `k` in the index page's charts (Okabe–Ito, a palette
/// readable with any common colour-vision deficiency; repeats after eight).
DXFRAME_DECL std::string component_color(std::size_t k);

/// `result` (computed over `tree` with `spec`) as a complete HTML document (UTF-8). `names` has
/// one display name per unit (may be empty: the unit ids are shown).
DXFRAME_DECL std::string render_index_html(const index_tree& tree, const index_result& result,
                                           const std::vector<std::string>& names, const index_spec& spec,
                                           const index_report_options& options = {});

}  // namespace dxframe

#if DXFRAME_HEADER_ONLY
#include <dxframe/report/impl/index_html.ipp>
#endif
