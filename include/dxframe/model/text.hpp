// SPDX-License-Identifier: MIT
/// @file
/// @brief Bilingual (Vietnamese / English) text and the language selector.
#pragma once

#include <string>

#include <boost/describe/class.hpp>
#include <boost/describe/enum.hpp>

namespace dxframe {

/// A display language.
enum class language { vi, en };
BOOST_DESCRIBE_ENUM(language, vi, en)

/// A name or label in Vietnamese and English (UTF-8). Either may be empty.
struct text {
    std::string vi;  ///< Vietnamese, with diacritics.
    std::string en;  ///< English.

    /// The text in `lang`, falling back to the other language when that one is empty.
    const std::string& in(language lang) const noexcept {
        const std::string& first = lang == language::vi ? vi : en;
        const std::string& second = lang == language::vi ? en : vi;
        return first.empty() ? second : first;
    }
    /// Equality of both languages.
    friend bool operator==(const text& a, const text& b) { return a.vi == b.vi && a.en == b.en; }
    /// Inequality.
    friend bool operator!=(const text& a, const text& b) { return !(a == b); }
};
BOOST_DESCRIBE_STRUCT(text, (), (vi, en))

}  // namespace dxframe
