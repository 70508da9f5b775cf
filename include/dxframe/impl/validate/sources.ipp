// SPDX-License-Identifier: MIT
// Sources: targets and observations should cite where they come from (missing_source, a note).
// Part of the definitions for <dxframe/validate.hpp> (included through <dxframe/impl/validate.ipp>).
#pragma once

#include <optional>
#include <string>

#include <dxframe/diagnostic.hpp>
#include <dxframe/impl/validate/context.ipp>
#include <dxframe/model/dataset.hpp>

namespace dxframe::detail::validation {

/// True when `text` is empty or only white space.
inline bool is_blank(const std::string& text) noexcept {
    return text.find_first_not_of(" \t\r\n") == std::string::npos;
}

/// True when `s` cites something: present, with a reference that is not blank.
inline bool cites_something(const std::optional<source>& s) noexcept {
    return s && !is_blank(s->reference);
}

/// Notes a missing source at `path`, or a blank reference at `path/reference`, unless the
/// options turn such notes off. `who` names the citing element.
inline void check_source(context& cx, const std::optional<source>& s, const std::string& path, const std::string& who) {
    if (!cx.options.report_missing_sources) return;
    if (!s) {
        cx.report(severity::info, diagnostic_code::missing_source, path, who + " cites no source");
    } else if (is_blank(s->reference)) {
        cx.report(severity::info, diagnostic_code::missing_source, path + "/reference",
                  who + " has a source with an empty reference");
    }
}

}  // namespace dxframe::detail::validation
