// SPDX-License-Identifier: MIT
/// @file
/// @brief Bilingual (Vietnamese / English) words of the audit and profile reports.
///
/// The statistical audit's and the unit profile's own vocabulary, beside the scorecard's
/// (report/labels.hpp): "hệ số tương quan" for a correlation coefficient, "độ lệch" (skewness),
/// "độ nhọn" (kurtosis), "điểm mạnh" / "điểm yếu" for strengths and weaknesses. UTF-8,
/// precomposed (NFC).
#pragma once

#include <string_view>

#include <boost/describe/enum.hpp>

#include <dxframe/model/text.hpp>
#include <dxframe/report/labels.hpp>

namespace dxframe {

/// The fixed words of the audit and profile reports (headings, column names, legends).
enum class audit_label {
    audit_title,      ///< "Statistical audit".
    statistics,       ///< "Indicator statistics".
    statistics_note,  ///< Says what the outlier flag means.
    indicator,        ///< "Indicator".
    n,                ///< "n" (values present).
    missing,          ///< "Missing".
    mean,             ///< "Mean".
    sd,               ///< "SD".
    min,              ///< "Min".
    max,              ///< "Max".
    skewness,         ///< "Skewness".
    kurtosis,         ///< "Kurtosis".
    outlier,          ///< "Outliers?" (the flag column).
    correlations,     ///< "Correlations between indicators".
    heatmap_note,     ///< Says what the colours and faint cells mean.
    family,           ///< "Correlation with parent and higher aggregates".
    ancestor,         ///< "Aggregate".
    level,            ///< "Level".
    flags,            ///< "Flagged pairs".
    flags_note,       ///< Says what the flags mean.
    no_flags,         ///< "No pair flagged."
    group,            ///< "Group".
    high,             ///< "high".
    low,              ///< "low".
    groups,           ///< "Reliability and principal components by group".
    groups_note,      ///< Says what alpha and the first component's share mean.
    members,          ///< "Members".
    alpha,            ///< "Cronbach's alpha".
    first_share,      ///< "PC1 share".
    complete_rows,    ///< "Complete units".
    loadings,         ///< "PC1 loadings".
    diagnostics,      ///< "Notes".
    profile_title,    ///< "Strengths and weaknesses".
    strengths,        ///< "Strengths".
    weaknesses,       ///< "Weaknesses".
    rank,             ///< "Rank".
    value,            ///< "Value".
    of,               ///< "of" (rank 3 of 51).
    profile_note      ///< Says how strengths are chosen.
};
BOOST_DESCRIBE_ENUM(audit_label, audit_title, statistics, statistics_note, indicator, n, missing, mean, sd, min, max,
                    skewness, kurtosis, outlier, correlations, heatmap_note, family, ancestor, level, flags, flags_note,
                    no_flags, group, high, low, groups, groups_note, members, alpha, first_share, complete_rows,
                    loadings, diagnostics, profile_title, strengths, weaknesses, rank, value, of, profile_note)

/// The words for `key` in `lang`.
constexpr std::string_view label(audit_label key, language lang) noexcept {
    using detail::pick;
    switch (key) {
        case audit_label::audit_title: return pick(lang, "Kiểm định thống kê", "Statistical audit");
        case audit_label::statistics: return pick(lang, "Thống kê các chỉ số", "Indicator statistics");
        case audit_label::statistics_note:
            return pick(lang,
                        "Đánh dấu ngoại lai khi |độ lệch| > 2 và độ nhọn > 3,5 (COINr get_stats); “—” là không tính "
                        "được (cần ít nhất 3 giá trị cho độ lệch, 4 cho độ nhọn).",
                        "Flagged as outlier-prone when |skewness| > 2 and kurtosis > 3.5 (COINr get_stats); “—” cannot "
                        "be computed (skewness needs 3 values, kurtosis 4).");
        case audit_label::indicator: return pick(lang, "Chỉ số", "Indicator");
        case audit_label::n: return pick(lang, "Số giá trị", "n");
        case audit_label::missing: return pick(lang, "Thiếu", "Missing");
        case audit_label::mean: return pick(lang, "Trung bình", "Mean");
        case audit_label::sd: return pick(lang, "Độ lệch chuẩn", "SD");
        case audit_label::min: return pick(lang, "Nhỏ nhất", "Min");
        case audit_label::max: return pick(lang, "Lớn nhất", "Max");
        case audit_label::skewness: return pick(lang, "Độ lệch", "Skewness");
        case audit_label::kurtosis: return pick(lang, "Độ nhọn", "Kurtosis");
        case audit_label::outlier: return pick(lang, "Ngoại lai?", "Outliers?");
        case audit_label::correlations:
            return pick(lang, "Tương quan giữa các chỉ số", "Correlations between indicators");
        case audit_label::heatmap_note:
            return pick(lang,
                        "Hệ số tương quan Pearson (các cặp đủ số liệu). Tím: tương quan dương, cam: âm; ô nhạt: không "
                        "có ý nghĩa thống kê (p > ngưỡng); ô xám: không tính được. Đường kẻ phân tách các nhóm.",
                        "Pearson correlation (pairwise complete). Purple: positive, orange: negative; faint cells are "
                        "not significant (p above the threshold); grey cells cannot be computed. Lines separate the "
                        "groups.");
        case audit_label::family:
            return pick(lang, "Tương quan với nhóm cha và các cấp trên",
                        "Correlation with parent and higher aggregates");
        case audit_label::ancestor: return pick(lang, "Cấp tổng hợp", "Aggregate");
        case audit_label::level: return pick(lang, "Cấp", "Level");
        case audit_label::flags: return pick(lang, "Các cặp được đánh dấu", "Flagged pairs");
        case audit_label::flags_note:
            return pick(lang,
                        "Hai chỉ số cùng nhóm tương quan quá cao (có thể tính trùng) hoặc quá thấp (COINr "
                        "get_corr_flags).",
                        "Two indicators of one group correlated too strongly (possible double counting) or too "
                        "weakly (COINr get_corr_flags).");
        case audit_label::no_flags: return pick(lang, "Không có cặp nào.", "No pair flagged.");
        case audit_label::group: return pick(lang, "Nhóm", "Group");
        case audit_label::high: return pick(lang, "cao", "high");
        case audit_label::low: return pick(lang, "thấp", "low");
        case audit_label::groups:
            return pick(lang, "Độ tin cậy và thành phần chính theo nhóm",
                        "Reliability and principal components by group");
        case audit_label::groups_note:
            return pick(
                lang,
                "Alpha của Cronbach từ hiệp phương sai từng cặp; tỷ lệ phương sai của thành phần chính thứ nhất "
                "trên các đơn vị đủ số liệu (dữ liệu chuẩn hoá). Tỷ lệ cao: nhóm đo một điều chung.",
                "Cronbach's alpha from pairwise covariances; the first principal component's share of the "
                "variance over the units with every value (standardised data). A high share: the group "
                "measures one thing.");
        case audit_label::members: return pick(lang, "Thành phần", "Members");
        case audit_label::alpha: return pick(lang, "Alpha Cronbach", "Cronbach's alpha");
        case audit_label::first_share: return pick(lang, "Tỷ lệ TP1", "PC1 share");
        case audit_label::complete_rows: return pick(lang, "Đơn vị đủ số liệu", "Complete units");
        case audit_label::loadings: return pick(lang, "Hệ số tải TP1", "PC1 loadings");
        case audit_label::diagnostics: return pick(lang, "Ghi chú", "Notes");
        case audit_label::profile_title: return pick(lang, "Điểm mạnh và điểm yếu", "Strengths and weaknesses");
        case audit_label::strengths: return pick(lang, "Điểm mạnh", "Strengths");
        case audit_label::weaknesses: return pick(lang, "Điểm yếu", "Weaknesses");
        case audit_label::rank: return pick(lang, "Hạng", "Rank");
        case audit_label::value: return pick(lang, "Giá trị", "Value");
        case audit_label::of: return pick(lang, "trên", "of");
        case audit_label::profile_note:
            return pick(lang,
                        "Các chỉ số có thứ hạng tốt nhất và kém nhất của đơn vị (đã tính chiều của chỉ số; bỏ chỉ số "
                        "thiếu số liệu và chỉ số mà đơn vị đứng cuối; COINr get_str_weak).",
                        "The unit's best- and worst-ranked indicators (direction applied; indicators without a value "
                        "and those where the unit ranks last are left out; COINr get_str_weak).");
    }
    return {};
}

}  // namespace dxframe
