// SPDX-License-Identifier: MIT
// Definitions for <dxframe/report/labels.hpp> (see <dxframe/config.hpp>: included by that header
// in header-only mode, by <dxframe/src.hpp> in separate compilation).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

#include <dxframe/report/labels.hpp>

namespace dxframe {

DXFRAME_DECL std::string target_count(std::size_t n, language lang) {
    if (lang == language::vi) return std::to_string(n) + " chỉ tiêu";
    return std::to_string(n) + (n == 1 ? " target" : " targets");
}

DXFRAME_DECL std::string age_phrase(std::int64_t days, language lang) {
    if (days == 0) return lang == language::vi ? "hôm nay" : "today";
    if (lang == language::vi) return std::to_string(days) + " ngày trước";
    return std::to_string(days) + (days == 1 ? " day ago" : " days ago");
}

DXFRAME_DECL std::string status_origin_text(status_origin status_source, const std::optional<std::string>& reason,
                                            method_origin method_source, progress_method method, language lang) {
    std::string out;
    if (status_source == status_origin::manual) {
        out = std::string(label(status_source_label::manual, lang));
        if (reason && !reason->empty()) out += ": " + *reason;
    }
    if (method_source == method_origin::target) {
        if (!out.empty()) out += " \u00b7 ";
        out +=
            std::string(label(status_source_label::own_method, lang)) + ": " + std::string(method_label(method, lang));
    }
    return out;
}

}  // namespace dxframe
