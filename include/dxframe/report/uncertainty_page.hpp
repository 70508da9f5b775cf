// SPDX-License-Identifier: MIT
/// @file
/// @brief What the uncertainty and sensitivity HTML pages share: the page frame (the reports'
/// style sheet, header band, footer), the run's settings and the chart colours.
///
/// Both pages are self-contained like the scorecard's (report/html.hpp): CSS in a `<style>`
/// element, charts as inline `<svg>`, no script, font, image or link to fetch. The colours are
/// the Okabe–Ito palette (Okabe and Ito 2008, "Color Universal Design"), which readers with any
/// common colour-vision deficiency can tell apart; marks differ by shape as well as colour.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <boost/describe/class.hpp>

#include <dxframe/config.hpp>
#include <dxframe/index/aggregate.hpp>
#include <dxframe/index/normalise.hpp>
#include <dxframe/model/text.hpp>
#include <dxframe/uncertainty/plan.hpp>

namespace dxframe {

/// The colours of the analysis charts (Okabe–Ito).
namespace analysis_colors {
inline constexpr std::string_view band = "#56b4e9";     ///< Sky blue: a 5–95% rank band.
inline constexpr std::string_view median = "#0072b2";   ///< Blue: a median mark.
inline constexpr std::string_view nominal = "#d55e00";  ///< Vermillion: a nominal rank (diamond).
inline constexpr std::string_view first = "#0072b2";    ///< Blue: first-order Sobol index bars.
inline constexpr std::string_view total = "#e69f00";    ///< Orange: total Sobol index bars.
inline constexpr std::string_view whisker = "#1f2328";  ///< Near black: bootstrap whiskers.
}  // namespace analysis_colors

/// How an uncertainty or sensitivity report is written.
struct analysis_report_options {
    language lang = language::en;  ///< Language of the fixed words.
    /// Display names of the units, in the order of the result's ranks (e.g. COINr's uName);
    /// empty = the unit ids only.
    std::vector<std::string> unit_names;
};
BOOST_DESCRIBE_STRUCT(analysis_report_options, (), (lang, unit_names))

namespace detail {

// Charts narrower than this are drawn for a phone (a narrow label column, a smaller font); each
// page carries a wide chart and a phone chart and its style sheet shows the one that fits.
inline constexpr double compact_chart_width = 500;
// The width of the phone charts: a 390 px screen less the page's margins.
inline constexpr double phone_chart_width = 350;

// The document up to and including the opening <main>: head (title, the reports' style sheet
// and the analysis pages' own rules), the header band with `title` and the `meta` line (HTML).
DXFRAME_DECL std::string analysis_page_open(std::string_view title, const std::string& meta_html, language lang);

// The end of the document: </main>, the footer, </body></html>.
DXFRAME_DECL std::string analysis_page_close(language lang);

// One uncertain input for a reader: "weights level 2 (8 weights perturbed)",
// "normaliser (minmax, zscore)".
DXFRAME_DECL std::string input_description(const uncertain_input& in, const std::vector<normalisation>& normalisers,
                                           const std::vector<aggregation_method>& aggregators, language lang);

// The settings section: replications (failed), seed, uncertain inputs, then `extra` rows
// (label, HTML value).
DXFRAME_DECL std::string analysis_settings(const std::vector<uncertain_input>& inputs,
                                           const std::vector<normalisation>& normalisers,
                                           const std::vector<aggregation_method>& aggregators, std::uint64_t seed,
                                           std::size_t runs, std::size_t failed, language lang,
                                           const std::vector<std::pair<std::string, std::string>>& extra = {});

// A legend swatch and its text (escaped); `shape` is a CSS class (sw-band, sw-median, ...).
DXFRAME_DECL std::string legend_item(std::string_view shape, std::string_view color, std::string_view text);

}  // namespace detail

}  // namespace dxframe

#if DXFRAME_HEADER_ONLY
#include <dxframe/report/impl/uncertainty_page.ipp>
#endif
