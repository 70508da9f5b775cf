// SPDX-License-Identifier: MIT
/// @file
/// @brief The scorecard as JSON: the described struct, member for member.
///
/// Members keep their declaration order; enums are their names, dates "YYYY-MM-DD"; numbers
/// read back to the same double. Unlike the data format (where an absent optional is left
/// out), a report writes every member: a missing value is `null`, so that a consumer sees the
/// same keys in every row. NaN and infinity never appear (the scorecard holds none).
#pragma once

#include <string>

#include <boost/describe/members.hpp>
#include <boost/describe/modifiers.hpp>
#include <boost/mp11/algorithm.hpp>
#include <nlohmann/json.hpp>

#include <dxframe/config.hpp>
#include <dxframe/io/json.hpp>
#include <dxframe/progress/scorecard.hpp>

namespace dxframe {

namespace detail {

// The generic conversion of <dxframe/io/json.hpp>, except that empty optionals become null.
template <class T>
nlohmann::ordered_json report_json_value(const T& value) {
    if constexpr (is_optional<T>::value) {
        if (!value) return nullptr;
        return report_json_value(*value);
    } else if constexpr (is_vector<T>::value || is_sequence<T>::value) {
        nlohmann::ordered_json array = nlohmann::ordered_json::array();
        for (const auto& element : value)
            array.push_back(report_json_value(element));
        return array;
    } else if constexpr (is_generic_json_struct_v<T>) {
        nlohmann::ordered_json object = nlohmann::ordered_json::object();
        boost::mp11::mp_for_each<
            boost::describe::describe_members<T, boost::describe::mod_public | boost::describe::mod_inherited>>(
            [&](auto member) { object[member.name] = report_json_value(value.*member.pointer); });
        return object;
    } else {
        return to_json_value<nlohmann::ordered_json>(value);
    }
}

}  // namespace detail

/// Any described report struct as JSON text (members in declaration order, absent optionals as
/// null), indented by `indent` spaces, with a final newline.
template <class T>
std::string render_report_json(const T& value, int indent = 2) {
    return detail::report_json_value(value).dump(indent) + "\n";
}

/// The scorecard as JSON text, two-space indented, with a final newline.
DXFRAME_DECL std::string render_json(const scorecard& sc);

}  // namespace dxframe

#if DXFRAME_HEADER_ONLY
#include <dxframe/report/impl/json.ipp>
#endif
