// SPDX-License-Identifier: MIT
/// @file
/// @brief Which struct members a document may leave out.
///
/// In the data format, `std::optional`, vector and map members may always be omitted. Any other
/// member is required, unless the struct lists it here: then an omitted member keeps the value
/// the struct's default member initialiser gives it (a weight of 1, say).
#pragma once

#include <array>
#include <string_view>

namespace dxframe {

/// Names of the non-optional members of `T` that a document may omit. Specialise for your own
/// described types to relax them; the primary template lists none.
template <class T>
struct defaulted_fields {
    /// The member names.
    static constexpr std::array<std::string_view, 0> names{};
};

/// True when `name` is listed in defaulted_fields<T>.
template <class T>
constexpr bool is_defaulted_field(std::string_view name) noexcept {
    for (const auto& n : defaulted_fields<T>::names) {
        if (n == name) return true;
    }
    return false;
}

}  // namespace dxframe
