// SPDX-License-Identifier: MIT
/// @file
/// @brief The whole composite-indicator pipeline in one call, keeping every intermediate table:
/// denominate → impute → treat → normalise → aggregate → rank, for one cross-section or a panel.
///
/// The steps and their order are COINr's (bluefoxr/COINr: `Denominate`, `Impute`, `Treat`,
/// `Normalise`, `Aggregate`, each building a new data set of the coin from the previous one);
/// each step is the library's own function (denominate.hpp, impute.hpp, treat.hpp, compute.hpp,
/// panel.hpp), so the pipeline's tables are exactly what those give one by one. A step that is
/// not asked for passes its table on unchanged. The input is a COINr table (io/coinr.hpp) or a
/// dxframe/1 dataset turned into one (index/dataset_tables.hpp). The pipeline stops after the
/// first step that reports an error: the later tables stay empty and the result is not ok.
///
/// Two choices keep a number from being silently wrong, both as COINr: an indicator that
/// treatment was asked for but that has too few values to test (fewer than three for skewness,
/// four for kurtosis: COINr's `skew()`/`kurt()` stop) is an error naming it; one whose test is
/// NA (all values equal, or an infinite value: COINr's `Treat` warns "f_pass has returned NA"
/// and carries on) is a warning and left untreated (untreatable_indicators in treat.hpp, the
/// rule the uncertainty analysis's treatment alternatives follow too). A zero or negative
/// denominator is an error naming the unit (COINr returns an infinity or flips the sign).
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <boost/describe/class.hpp>
#include <boost/describe/enum.hpp>

#include <dxframe/config.hpp>
#include <dxframe/diagnostic.hpp>
#include <dxframe/index/compute.hpp>
#include <dxframe/index/denominate.hpp>
#include <dxframe/index/impute.hpp>
#include <dxframe/index/matrix.hpp>
#include <dxframe/index/panel.hpp>
#include <dxframe/index/treat.hpp>
#include <dxframe/io/coinr.hpp>
#include <dxframe/io/coinr_panel.hpp>

namespace dxframe {

/// Whether and by what indicators are denominated (COINr's `Denominate`).
struct pipeline_denomination {
    bool enabled = false;  ///< False: the step is skipped (the denominated table is the raw one).
    /// Per indicator id: its denominator and scale. When not empty it replaces the input's own
    /// (iMeta's Denominator column) for every indicator, as COINr's `Denominate` with `denomby`:
    /// an indicator not listed, or listed with no denominator, is left as it is.
    std::map<std::string, denominator_choice> indicator;
    double scale = 1.0;  ///< COINr's ScaleFactor for the indicators that take the input's denominator.
};
BOOST_DESCRIBE_STRUCT(pipeline_denomination, (), (enabled, indicator, scale))

/// Every choice of a pipeline run.
struct pipeline_spec {
    pipeline_denomination denominate;  ///< Step 1 (off by default).
    imputation_spec impute;            ///< Step 2 (default: none, missing cells stay missing).
    std::optional<treat_spec> treat;   ///< Step 3; none = not run (COINr's Treat not called).
    index_spec index;                  ///< Steps 4–6: normalise, aggregate, rank.
};
BOOST_DESCRIBE_STRUCT(pipeline_spec, (), (denominate, impute, treat, index))

/// The tables of a pipeline run, as COINr names its data sets (`dset`).
enum class pipeline_stage {
    raw,          ///< The input values (COINr "Raw").
    denominated,  ///< After denomination ("Denominated").
    imputed,      ///< After imputation ("Imputed").
    treated,      ///< After outlier treatment ("Treated").
    normalised,   ///< After normalisation ("Normalised").
    aggregated    ///< Normalised indicators and every aggregate ("Aggregated").
};
BOOST_DESCRIBE_ENUM(pipeline_stage, raw, denominated, imputed, treated, normalised, aggregated)

/// The stage named by `text` (raw, denominated, imputed, treated, normalised, aggregated).
DXFRAME_DECL std::optional<pipeline_stage> parse_pipeline_stage(const std::string& text);

/// Every table and log of one cross-section's run. Tables are units × the tree's indicators (in
/// tree order, rows as the input's units); the normalised and aggregated ones are in `index`.
struct pipeline_result {
    std::vector<std::string> units;                      ///< Unit ids by row.
    value_matrix raw;                                    ///< The input values.
    value_matrix denominated;                            ///< After step 1.
    value_matrix imputed;                                ///< After step 2.
    value_matrix treated;                                ///< After step 3.
    std::vector<denomination_count> denomination;        ///< Per indicator (empty when not run).
    std::vector<imputation_count> imputed_by_indicator;  ///< Cells missing and filled, per indicator.
    std::vector<imputation_count> imputed_by_unit;       ///< The same per unit.
    std::vector<imputation_cell> still_missing;          ///< Cells left missing after imputation.
    std::vector<indicator_treatment> treatment;          ///< Per indicator (empty when not run).
    index_result index;                                  ///< Normalised, aggregated, ranks.
    std::vector<diagnostic> diagnostics;                 ///< Every step's problems, in step order.
    /// True when no diagnostic is an error.
    bool ok() const noexcept { return !has_errors(diagnostics); }
};

/// Which intermediate tables run_pipeline keeps in its result. Each is a full units × indicators
/// copy (80 MB at 10,000 × 1,000): a caller that prints one table, or only the index, keeps
/// only that one; a table not kept is left empty (size 0). The index tables are always kept.
struct pipeline_tables {
    bool raw = true;          ///< pipeline_result::raw.
    bool denominated = true;  ///< pipeline_result::denominated.
    bool imputed = true;      ///< pipeline_result::imputed.
    bool treated = true;      ///< pipeline_result::treated.
};
BOOST_DESCRIBE_STRUCT(pipeline_tables, (), (raw, denominated, imputed, treated))

/// Only the table of `stage` (none for normalised and aggregated, which are in the index).
DXFRAME_DECL pipeline_tables keep_only(pipeline_stage stage);

/// Runs the pipeline on one cross-section (`data.values` are the raw values). `source` names
/// the input in diagnostics; `keep` says which intermediate tables the result holds (all by
/// default; the steps run the same either way, and a table not kept is never copied). Throws
/// dxframe::error only on misuse (as compute_index: ids the tree does not have in
/// `spec.index`); problems with the data are diagnostics.
DXFRAME_DECL pipeline_result run_pipeline(const coinr_data& data, const pipeline_spec& spec,
                                          const std::string& source = "iData.csv", const pipeline_tables& keep = {});

/// The table of `stage` (normalised: `index.normalised`; aggregated: `index.aggregates`, the
/// nodes only — a renderer puts the normalised indicators before them, as COINr's Aggregated).
DXFRAME_DECL const value_matrix& pipeline_table(const pipeline_result& result, pipeline_stage stage);

/// Options of a panel run.
struct panel_pipeline_options {
    pipeline_spec spec;  ///< The steps, as for one cross-section.
    /// Normalisation over all periods together (pooled: COINr's default for a panel,
    /// `Normalise.purse(global = TRUE)`, so that a score means the same every year) or each
    /// period on its own (per_period: `global = FALSE`).
    panel_normalisation normalise = panel_normalisation::pooled;
    panel_imputation_options impute;  ///< For the panel methods (latest: how far back).
};
BOOST_DESCRIBE_STRUCT(panel_pipeline_options, (), (spec, normalise, impute))

/// Every period's run, the scores of every unit in every period, and the change between the
/// first and the last period.
struct panel_pipeline_result {
    std::vector<double> times;                           ///< The periods, ascending.
    std::vector<pipeline_result> periods;                ///< One per period: its tables, treatment log and index.
    std::vector<imputation_count> imputed_by_indicator;  ///< Imputation counts over all periods.
    std::vector<imputation_count> imputed_by_unit;       ///< The same per unit id.
    std::vector<imputation_cell> still_missing;          ///< Cells left missing, with their period.
    std::vector<panel_score> scores;                     ///< uCode, Time, Index, Rank: period by period.
    std::vector<panel_change> changes;                   ///< From the first period to the last (empty with one period).
    std::vector<diagnostic> diagnostics;                 ///< Every problem (a period's carry its time).
    /// True when no diagnostic is an error.
    bool ok() const noexcept { return !has_errors(diagnostics); }
};

/// Runs the pipeline on a panel: each period denominated on its own; imputed together
/// (impute_panel: `latest` and `interpolate` use each unit's own series, the cross-section
/// methods each period); each period treated on its own (as COINr's `Treat.purse`); normalised
/// pooled or per period and aggregated (compute_panel_index); ranked within each period.
DXFRAME_DECL panel_pipeline_result run_panel_pipeline(const coinr_panel& panel,
                                                      const panel_pipeline_options& options = {},
                                                      const std::string& source = "iData.csv");

}  // namespace dxframe

#if DXFRAME_HEADER_ONLY
#include <dxframe/index/impl/pipeline.ipp>
#endif
