// SPDX-License-Identifier: MIT
// Which kind of container a described member is, for tests that walk the model generically
// (the schema-agreement check, the random dataset generator).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <type_traits>
#include <vector>

#include <dxframe/model/observation_table.hpp>

namespace dxframe_test {

/// std::optional<T>.
template <class T>
struct is_opt : std::false_type {};
template <class T>
struct is_opt<std::optional<T>> : std::true_type {};
/// std::vector<T>.
template <class T>
struct is_vec : std::false_type {};
template <class T>
struct is_vec<std::vector<T>> : std::true_type {};
/// dxframe::observation_table: a sequence of observations that is not a vector.
template <class T>
struct is_table : std::false_type {};
template <>
struct is_table<dxframe::observation_table> : std::true_type {};
/// std::map<std::string, T>.
template <class T>
struct is_map : std::false_type {};
template <class T>
struct is_map<std::map<std::string, T>> : std::true_type {};

}  // namespace dxframe_test
