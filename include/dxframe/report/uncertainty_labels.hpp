// SPDX-License-Identifier: MIT
/// @file
/// @brief Bilingual (Vietnamese / English) words of the uncertainty and sensitivity reports.
///
/// A table of their own: report_label is full (Boost.Describe takes at most 52 enumerators), and
/// these words belong to the analysis pages only. Vietnamese follows the vocabulary of
/// report/labels.hpp ("chỉ số" for an indicator, "xếp hạng" for a ranking); "độ bất định" is
/// uncertainty, "độ nhạy" sensitivity. All strings are UTF-8 in precomposed form (NFC).
#pragma once

#include <string_view>

#include <boost/describe/enum.hpp>

#include <dxframe/model/text.hpp>
#include <dxframe/report/labels.hpp>

namespace dxframe {

/// The fixed words of the uncertainty and sensitivity reports.
enum class analysis_label {
    uncertainty_title,  ///< "Uncertainty analysis".
    sensitivity_title,  ///< "Sensitivity analysis".
    analysis_eyebrow,   ///< "Robustness of the index ranking".
    rank_intervals,     ///< "Rank intervals".
    rank_note,          ///< How to read the rank intervals.
    unit,               ///< "Unit".
    name,               ///< "Name".
    nominal,            ///< "Nominal".
    nominal_rank,       ///< "Nominal rank".
    mean,               ///< "Mean".
    median,             ///< "Median".
    median_rank,        ///< "Median rank".
    q5,                 ///< "Q5".
    q95,                ///< "Q95".
    band,               ///< "5th–95th percentile of the rank".
    rank,               ///< "Rank".
    ranks,              ///< "Ranks".
    scores,             ///< "Index value".
    settings,           ///< "Settings".
    replications,       ///< "Replications".
    failed,             ///< "failed".
    seed,               ///< "Seed".
    inputs,             ///< "Uncertain inputs".
    alternatives,       ///< "alternatives".
    weights_perturbed,  ///< "weights perturbed".
    noise,              ///< "noise".
    sobol_indices,      ///< "Sobol sensitivity indices".
    sobol_note,         ///< How to read Si and STi.
    input,              ///< "Input".
    first_order,        ///< "First-order (Si)".
    total,              ///< "Total (STi)".
    interval,           ///< "5–95% bootstrap interval".
    target,             ///< "Target".
    mean_rank_shift,    ///< "mean absolute rank shift".
    rank_of,            ///< "rank of" (before a unit).
    score_of,           ///< "index value of" (before a unit).
    base_runs,          ///< "Base sample N".
    rows_used,          ///< "design rows used".
    bootstrap,          ///< "Bootstrap resamples".
    target_mean,        ///< "Target mean".
    target_variance,    ///< "variance".
    not_ranked          ///< "not ranked".
};
BOOST_DESCRIBE_ENUM(analysis_label, uncertainty_title, sensitivity_title, analysis_eyebrow, rank_intervals, rank_note,
                    unit, name, nominal, nominal_rank, mean, median, median_rank, q5, q95, band, rank, ranks, scores,
                    settings, replications, failed, seed, inputs, alternatives, weights_perturbed, noise, sobol_indices,
                    sobol_note, input, first_order, total, interval, target, mean_rank_shift, rank_of, score_of,
                    base_runs, rows_used, bootstrap, target_mean, target_variance, not_ranked)

/// The word for `key` in `lang`.
constexpr std::string_view label(analysis_label key, language lang) noexcept {
    using detail::pick;
    switch (key) {
        case analysis_label::uncertainty_title: return pick(lang, "Phân tích độ bất định", "Uncertainty analysis");
        case analysis_label::sensitivity_title: return pick(lang, "Phân tích độ nhạy", "Sensitivity analysis");
        case analysis_label::analysis_eyebrow:
            return pick(lang, "Độ vững của xếp hạng chỉ số", "Robustness of the index ranking");
        case analysis_label::rank_intervals: return pick(lang, "Khoảng xếp hạng", "Rank intervals");
        case analysis_label::rank_note:
            return pick(lang,
                        "Mỗi dòng là một đơn vị, theo thứ tự xếp hạng danh nghĩa. Thanh trải từ phân vị 5 đến "
                        "phân vị 95 của thứ hạng qua các lần lặp; vạch là trung vị, hình thoi là hạng danh nghĩa. "
                        "Thanh càng dài, thứ hạng càng phụ thuộc vào các lựa chọn bất định.",
                        "Each row is a unit, in order of its nominal rank. The bar spans the 5th to the 95th "
                        "percentile of its rank over the replications; the bar mark is the median, the diamond the "
                        "nominal rank. The longer the bar, the more the rank depends on the uncertain choices.");
        case analysis_label::unit: return pick(lang, "Đơn vị", "Unit");
        case analysis_label::name: return pick(lang, "Tên", "Name");
        case analysis_label::nominal: return pick(lang, "Danh nghĩa", "Nominal");
        case analysis_label::nominal_rank: return pick(lang, "Hạng danh nghĩa", "Nominal rank");
        case analysis_label::mean: return pick(lang, "Trung bình", "Mean");
        case analysis_label::median: return pick(lang, "Trung vị", "Median");
        case analysis_label::median_rank: return pick(lang, "Hạng trung vị", "Median rank");
        case analysis_label::q5: return pick(lang, "P5", "Q5");
        case analysis_label::q95: return pick(lang, "P95", "Q95");
        case analysis_label::band: return pick(lang, "Phân vị 5–95 của thứ hạng", "5th–95th percentile of the rank");
        case analysis_label::rank: return pick(lang, "Hạng", "Rank");
        case analysis_label::ranks: return pick(lang, "Thứ hạng", "Ranks");
        case analysis_label::scores: return pick(lang, "Giá trị chỉ số", "Index value");
        case analysis_label::settings: return pick(lang, "Thiết lập", "Settings");
        case analysis_label::replications: return pick(lang, "Số lần lặp", "Replications");
        case analysis_label::failed: return pick(lang, "thất bại", "failed");
        case analysis_label::seed: return pick(lang, "Hạt giống ngẫu nhiên", "Seed");
        case analysis_label::inputs: return pick(lang, "Đầu vào bất định", "Uncertain inputs");
        case analysis_label::alternatives: return pick(lang, "phương án", "alternatives");
        case analysis_label::weights_perturbed: return pick(lang, "trọng số bị nhiễu", "weights perturbed");
        case analysis_label::noise: return pick(lang, "nhiễu", "noise");
        case analysis_label::sobol_indices: return pick(lang, "Chỉ số độ nhạy Sobol", "Sobol sensitivity indices");
        case analysis_label::sobol_note:
            return pick(lang,
                        "Si (bậc một) là phần phương sai của đầu ra do riêng đầu vào đó gây ra; STi (toàn phần) "
                        "tính cả tương tác với các đầu vào khác, nên STi ≥ Si. STi gần 0: đầu vào gần như không "
                        "ảnh hưởng; STi lớn hơn hẳn Si: đầu vào tác động chủ yếu qua tương tác. Râu là khoảng "
                        "bootstrap 5–95%.",
                        "Si (first order) is the share of the output's variance due to the input alone; STi (total) "
                        "includes its interactions with the other inputs, so STi ≥ Si. STi near 0: the input hardly "
                        "matters; STi well above Si: it acts mostly through interactions. Whiskers: the 5–95% "
                        "bootstrap interval.");
        case analysis_label::input: return pick(lang, "Đầu vào", "Input");
        case analysis_label::first_order: return pick(lang, "Bậc một (Si)", "First order (Si)");
        case analysis_label::total: return pick(lang, "Toàn phần (STi)", "Total (STi)");
        case analysis_label::interval: return pick(lang, "Khoảng bootstrap 5–95%", "5–95% bootstrap interval");
        case analysis_label::target: return pick(lang, "Đại lượng phân tích", "Target");
        case analysis_label::mean_rank_shift:
            return pick(lang, "độ lệch hạng tuyệt đối trung bình", "mean absolute rank shift");
        case analysis_label::rank_of: return pick(lang, "hạng của", "rank of");
        case analysis_label::score_of: return pick(lang, "giá trị chỉ số của", "index value of");
        case analysis_label::base_runs: return pick(lang, "Cỡ mẫu cơ sở N", "Base sample N");
        case analysis_label::rows_used: return pick(lang, "dòng thiết kế được dùng", "design rows used");
        case analysis_label::bootstrap: return pick(lang, "Số mẫu bootstrap", "Bootstrap resamples");
        case analysis_label::target_mean: return pick(lang, "Trung bình của đại lượng", "Target mean");
        case analysis_label::target_variance: return pick(lang, "phương sai", "variance");
        case analysis_label::not_ranked: return pick(lang, "không xếp hạng", "not ranked");
    }
    return {};
}

}  // namespace dxframe
