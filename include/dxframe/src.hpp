// SPDX-License-Identifier: MIT
/// @file
/// @brief The library's function bodies, for separate compilation (see <dxframe/config.hpp>).
///
/// Include this header in exactly one source file of a program whose every translation unit
/// defines `DXFRAME_SEPARATE_COMPILATION`. That file then holds the one definition of each
/// library function the headers declare; the other units include only declarations.
#pragma once

#include <dxframe/config.hpp>

#if DXFRAME_HEADER_ONLY
#error "<dxframe/src.hpp> is for separate compilation: define DXFRAME_SEPARATE_COMPILATION for every translation unit"
#endif

#include <dxframe/data/vietnam.hpp>
#include <dxframe/dxframe.hpp>

// Every impl/*.ipp file, each once (the test src_lists_every_ipp keeps this list complete).
#include <dxframe/data/impl/vietnam.ipp>
#include <dxframe/impl/diagnostic.ipp>
#include <dxframe/impl/validate.ipp>
#include <dxframe/impl/validate/breakdowns.ipp>
#include <dxframe/impl/validate/context.ipp>
#include <dxframe/impl/validate/cycles.ipp>
#include <dxframe/impl/validate/derived.ipp>
#include <dxframe/impl/validate/dimensions.ipp>
#include <dxframe/impl/validate/duplicates.ipp>
#include <dxframe/impl/validate/entities.ipp>
#include <dxframe/impl/validate/hierarchy.ipp>
#include <dxframe/impl/validate/lifetimes.ipp>
#include <dxframe/impl/validate/observations.ipp>
#include <dxframe/impl/validate/rankings.ipp>
#include <dxframe/impl/validate/references.ipp>
#include <dxframe/impl/validate/sources.ipp>
#include <dxframe/impl/validate/target_settings.ipp>
#include <dxframe/impl/validate/targets.ipp>
#include <dxframe/impl/validate/tasks.ipp>
#include <dxframe/impl/validate/text.ipp>
#include <dxframe/impl/validate/values.ipp>
#include <dxframe/index/impl/aggregate.ipp>
#include <dxframe/index/impl/audit.ipp>
#include <dxframe/index/impl/audit_correlation.ipp>
#include <dxframe/index/impl/audit_pca.ipp>
#include <dxframe/index/impl/column_scan.ipp>
#include <dxframe/index/impl/column_statistics.ipp>
#include <dxframe/index/impl/compute.ipp>
#include <dxframe/index/impl/contributions.ipp>
#include <dxframe/index/impl/dataset_input.ipp>
#include <dxframe/index/impl/dataset_tables.ipp>
#include <dxframe/index/impl/denominate.ipp>
#include <dxframe/index/impl/dti.ipp>
#include <dxframe/index/impl/impute.ipp>
#include <dxframe/index/impl/impute_panel.ipp>
#include <dxframe/index/impl/impute_text.ipp>
#include <dxframe/index/impl/input.ipp>
#include <dxframe/index/impl/kernels.ipp>
#include <dxframe/index/impl/matrix.ipp>
#include <dxframe/index/impl/normalise.ipp>
#include <dxframe/index/impl/panel.ipp>
#include <dxframe/index/impl/pipeline.ipp>
#include <dxframe/index/impl/prepare.ipp>
#include <dxframe/index/impl/profile.ipp>
#include <dxframe/index/impl/rank.ipp>
#include <dxframe/index/impl/treat.ipp>
#include <dxframe/index/impl/treat_text.ipp>
#include <dxframe/index/impl/tree.ipp>
#include <dxframe/index/impl/vector_log.ipp>
#include <dxframe/io/detail/impl/utf8.ipp>
#include <dxframe/io/impl/coinr.ipp>
#include <dxframe/io/impl/coinr_panel.ipp>
#include <dxframe/io/impl/csv.ipp>
#include <dxframe/io/impl/dataset_json.ipp>
#include <dxframe/io/impl/file.ipp>
#include <dxframe/io/impl/json.ipp>
#include <dxframe/model/impl/breakdown.ipp>
#include <dxframe/model/impl/date.ipp>
#include <dxframe/model/impl/id_pool.ipp>
#include <dxframe/model/impl/indicator.ipp>
#include <dxframe/model/impl/lifetime.ipp>
#include <dxframe/model/impl/lookup.ipp>
#include <dxframe/model/impl/observation.ipp>
#include <dxframe/model/impl/observation_table.ipp>
#include <dxframe/model/impl/pillar.ipp>
#include <dxframe/progress/impl/assess.ipp>
#include <dxframe/progress/impl/assess_measures.ipp>
#include <dxframe/progress/impl/derived.ipp>
#include <dxframe/progress/impl/framework_tree.ipp>
#include <dxframe/progress/impl/freshness.ipp>
#include <dxframe/progress/impl/growth.ipp>
#include <dxframe/progress/impl/options.ipp>
#include <dxframe/progress/impl/progress_report.ipp>
#include <dxframe/progress/impl/ranking.ipp>
#include <dxframe/progress/impl/rollup.ipp>
#include <dxframe/progress/impl/scorecard.ipp>
#include <dxframe/progress/impl/series.ipp>
#include <dxframe/progress/impl/tasks.ipp>
#include <dxframe/report/impl/audit.ipp>
#include <dxframe/report/impl/audit_html.ipp>
#include <dxframe/report/impl/breakdowns.ipp>
#include <dxframe/report/impl/csv.ipp>
#include <dxframe/report/impl/escape.ipp>
#include <dxframe/report/impl/format.ipp>
#include <dxframe/report/impl/html.ipp>
#include <dxframe/report/impl/index.ipp>
#include <dxframe/report/impl/index_html.ipp>
#include <dxframe/report/impl/json.ipp>
#include <dxframe/report/impl/labels.ipp>
#include <dxframe/report/impl/markdown.ipp>
#include <dxframe/report/impl/pipeline.ipp>
#include <dxframe/report/impl/profile.ipp>
#include <dxframe/report/impl/progress.ipp>
#include <dxframe/report/impl/ranking.ipp>
#include <dxframe/report/impl/sensitivity.ipp>
#include <dxframe/report/impl/svg.ipp>
#include <dxframe/report/impl/terminal.ipp>
#include <dxframe/report/impl/text_width.ipp>
#include <dxframe/report/impl/uncertainty.ipp>
#include <dxframe/report/impl/uncertainty_page.ipp>
#include <dxframe/uncertainty/impl/data_alternatives.ipp>
#include <dxframe/uncertainty/impl/model.ipp>
#include <dxframe/uncertainty/impl/parallel.ipp>
#include <dxframe/uncertainty/impl/plan.ipp>
#include <dxframe/uncertainty/impl/plan_text.ipp>
#include <dxframe/uncertainty/impl/sensitivity.ipp>
#include <dxframe/uncertainty/impl/statistics.ipp>
#include <dxframe/uncertainty/impl/uncertainty.ipp>
