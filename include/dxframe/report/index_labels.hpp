// SPDX-License-Identifier: MIT
/// @file
/// @brief Bilingual (Vietnamese / English) words of the index report.
///
/// The index report's own vocabulary, beside the scorecard's (report/labels.hpp, whose enum
/// is full): "chỉ số thành phần" for an indicator of a composite index, "trọng số hiệu dụng"
/// for an effective weight. UTF-8, precomposed (NFC).
#pragma once

#include <string_view>

#include <boost/describe/enum.hpp>

#include <dxframe/model/text.hpp>
#include <dxframe/report/labels.hpp>

namespace dxframe {

/// The fixed words of the index report (headings, column names, legends).
enum class index_label {
    composite_index,  ///< "Composite index" (the eyebrow above the title).
    methods,          ///< "Methods".
    units,            ///< "units".
    indicators,       ///< "indicators".
    ranked_bars,      ///< "Index by unit, ranked".
    stacked_note,     ///< Says what the stacked segments are.
    unstacked_note,   ///< Says why the bars are not stacked, for a root that is not an arithmetic mean.
    signed_note,      ///< Says why the bars are not stacked, for negative values (e.g. z-scores).
    framework_tree,   ///< "Framework and effective weights".
    tree_note,        ///< Says what an effective weight is.
    results,          ///< "Results by rank".
    results_note,     ///< Says how numbers, colours and missing values are shown.
    unit,             ///< "Unit" (a column: the unit code).
    name,             ///< "Name".
    change,           ///< "Change" (of rank since the previous edition).
    change_note,      ///< Says what the rank-change arrows mean (before the previous edition's name).
    new_entry,        ///< "new" (a unit not ranked in the previous edition).
    level,            ///< "Level".
    not_ranked,       ///< "not ranked" (a unit without an index value).
    ties_note         ///< "ties share a rank".
};
BOOST_DESCRIBE_ENUM(index_label, composite_index, methods, units, indicators, ranked_bars, stacked_note, unstacked_note,
                    framework_tree, tree_note, results, results_note, unit, name, change, change_note, new_entry, level,
                    not_ranked, ties_note)

/// The words for `key` in `lang`.
constexpr std::string_view label(index_label key, language lang) noexcept {
    using detail::pick;
    switch (key) {
        case index_label::composite_index: return pick(lang, "Chỉ số tổng hợp", "Composite index");
        case index_label::methods: return pick(lang, "Phương pháp", "Methods");
        case index_label::units: return pick(lang, "đơn vị", "units");
        case index_label::indicators: return pick(lang, "chỉ số thành phần", "indicators");
        case index_label::ranked_bars: return pick(lang, "Chỉ số theo đơn vị, xếp hạng", "Index by unit, ranked");
        case index_label::stacked_note:
            return pick(lang,
                        "Mỗi đoạn là đóng góp của một thành phần: điểm của thành phần × trọng số của nó trong chỉ số; "
                        "các đoạn cộng lại bằng giá trị chỉ số (trung bình cộng có trọng số).",
                        "Each segment is one component's contribution: its score × its weight in the index; the "
                        "segments add up to the index value (a weighted arithmetic mean).");
        case index_label::unstacked_note:
            return pick(lang,
                        "Chỉ số gộp các thành phần bằng một trung bình không cộng tính, nên thanh chỉ thể hiện giá "
                        "trị chỉ số, không chia theo thành phần; điểm từng thành phần có trong bảng kết quả.",
                        "The index combines its components with a mean that is not additive, so each bar shows the "
                        "index value alone, not split by component; the components' scores are in the results table.");
        case index_label::signed_note:
            return pick(lang,
                        "Một số giá trị âm (dưới mức trung bình), nên thanh chỉ thể hiện giá trị chỉ số tính từ 0, "
                        "không chia theo thành phần; điểm từng thành phần có trong bảng kết quả.",
                        "Some values are negative (below the average), so each bar shows the index value alone, drawn "
                        "from zero, not split by component; the components' scores are in the results table.");
        case index_label::framework_tree:
            return pick(lang, "Khung chỉ số và trọng số hiệu dụng", "Framework and effective weights");
        case index_label::tree_note:
            return pick(lang,
                        "Trọng số hiệu dụng: phần của mỗi thành phần trong chỉ số cuối cùng (trọng số chia cho tổng "
                        "trọng số cùng cấp, nhân dồn từ gốc); các chỉ số thành phần cộng lại 100%.",
                        "Effective weight: each element's share of the final index (its weight over its siblings' "
                        "total, multiplied down from the root); the indicators' weights add up to 100%.");
        case index_label::results: return pick(lang, "Kết quả theo thứ hạng", "Results by rank");
        case index_label::results_note:
            return pick(lang,
                        "Màu nền theo từng cột: càng đậm càng cao trong cột đó. Số thập phân cố định theo cột; "
                        "“—” là thiếu số liệu.",
                        "Shading is per column: darker is higher within that column. Fixed decimals per column; "
                        "“—” is missing.");
        case index_label::unit: return pick(lang, "Mã", "Unit");
        case index_label::name: return pick(lang, "Tên", "Name");
        case index_label::change: return pick(lang, "Thay đổi", "Change");
        case index_label::change_note:
            return pick(lang, "▲ lên hạng, ▼ xuống hạng (số bậc) so với", "▲ up, ▼ down (places) since");
        case index_label::new_entry: return pick(lang, "mới", "new");
        case index_label::level: return pick(lang, "Cấp", "Level");
        case index_label::not_ranked: return pick(lang, "không xếp hạng", "not ranked");
        case index_label::ties_note: return pick(lang, "đồng hạng khi bằng điểm", "ties share a rank");
    }
    return {};
}

}  // namespace dxframe
