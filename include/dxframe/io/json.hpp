// SPDX-License-Identifier: MIT
/// @file
/// @brief JSON conversion for every Boost.Describe-described struct and enum, with a
/// path-aware, non-throwing reader.
///
/// Including this header makes `nlohmann::json j = value;` and `value = j.get<T>()` work for
/// every described type (structs, enums) and for dxframe::date, with any nlohmann json type
/// (`nlohmann::json`, `nlohmann::ordered_json`, …):
///   - a struct is an object with one member per described public member (bases first, then
///     the struct's own members, in declaration order when the json type keeps order);
///   - an enum is the string of its enumerator's name; a value with no name is an error;
///   - dxframe::date is the string `YYYY-MM-DD`;
///   - an empty `std::optional` member is omitted; a missing or null member reads as nullopt;
///   - `std::vector<T>` is an array and `std::map<std::string, T>` an object.
///
/// Reading (`j.get<T>()`) throws dxframe::json_error carrying the JSON Pointer of the first
/// problem. read_json() is the same reader without exceptions: it collects every problem as a
/// dxframe::diagnostic. The rules it applies:
///   - a member may be omitted only when it is a `std::optional`, a vector, a map, or listed in
///     dxframe::defaulted_fields<T>; otherwise `missing_required_field` (also for `null`);
///   - unknown members are `unknown_field` errors in strict mode, warnings in lenient mode
///     (where the member is kept aside as an unknown_field);
///   - numbers must be finite (`non_finite_value` also for strings such as "NaN"); integers
///     are checked for range and integrality; enum strings must name an enumerator
///     (`invalid_enum_value` lists the allowed names); dates must exist (`invalid_date`).
///
/// The generic conversion applies to types whose described members and bases are all public and
/// that are not unions (the Boost.JSON rule: private members mean the type keeps an invariant a
/// member-by-member conversion would bypass). Specialise dxframe::enable_generic_json<T> to
/// std::false_type to keep your own `to_json` / `from_json` for a described type.
#pragma once

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include <boost/describe/bases.hpp>
#include <boost/describe/class.hpp>
#include <boost/describe/enum.hpp>
#include <boost/describe/enumerators.hpp>
#include <boost/describe/members.hpp>
#include <boost/describe/modifiers.hpp>
#include <boost/mp11/algorithm.hpp>
#include <boost/mp11/list.hpp>
#include <nlohmann/json.hpp>

#include <dxframe/config.hpp>
#include <dxframe/diagnostic.hpp>
#include <dxframe/error.hpp>
#include <dxframe/io/detail/json_read.hpp>
#include <dxframe/io/detail/utf8.hpp>
#include <dxframe/io/json_types.hpp>
#include <dxframe/model/date.hpp>
#include <dxframe/model/fields.hpp>

namespace dxframe {

namespace detail {

/// Appends a member known to be new to an object, without the linear duplicate search
/// nlohmann::ordered_json's operator[] does (quadratic on large objects).
template <class J>
void append_member(J& object, const std::string& key, J&& value) {
    auto& members = object.template get_ref<typename J::object_t&>();
    if constexpr (has_emplace_back<typename J::object_t>::value) {
        members.emplace_back(key, std::forward<J>(value));
    } else {
        members.emplace(key, std::forward<J>(value));
    }
}

template <class J, class T>
J write_value(const T& value, const json_write_options& options, const json_path& path);

/// Writes the described struct `value`'s members into the object `object`.
template <class J, class T>
void write_members(J& object, const T& value, const json_write_options& options, const json_path& path) {
    using members = boost::describe::describe_members<T, boost::describe::mod_public | boost::describe::mod_inherited>;
    boost::mp11::mp_for_each<members>([&](auto D) {
        const auto& member = value.*D.pointer;
        using member_type = std::remove_cv_t<std::remove_reference_t<decltype(member)>>;
        if constexpr (is_optional<member_type>::value) {
            if (!member.has_value() && !options.empty_optionals_as_null) return;
        } else if constexpr (is_vector<member_type>::value || is_sequence<member_type>::value ||
                             is_string_map<member_type>::value) {
            if (options.omit_empty_containers && member.empty()) return;
        }
        append_member(object, std::string(D.name), write_value<J>(member, options, path.member(D.name)));
    });
}

/// Converts any supported value to json type J (see the file comment for the rules).
template <class J, class T>
J write_value(const T& value, const json_write_options& options, const json_path& path) {
    if constexpr (is_optional<T>::value) {
        if (!value.has_value()) return J(nullptr);
        return write_value<J>(*value, options, path);
    } else if constexpr (std::is_floating_point<T>::value) {
        if (!std::isfinite(value)) {
            // JSON has no NaN or infinity, and nlohmann would silently write null.
            throw error("dxframe JSON: " + (path.str().empty() ? std::string("(root)") : path.str()) +
                        ": a non-finite number cannot be written");
        }
        return J(value);
    } else if constexpr (
        std::is_arithmetic<T>::value ||
        std::is_same<T, std::string>::
            value) {  // NOLINT(bugprone-branch-clone): the common case, named before the generic tests below
        return J(value);
    } else if constexpr (std::is_same<T, date>::value) {
        return J(value.to_string());
    } else if constexpr (is_vector<T>::value || is_sequence<T>::value) {
        J array = J::array();
        auto& items = array.template get_ref<typename J::array_t&>();
        items.reserve(value.size());
        std::size_t i = 0;
        for (const auto& element : value) {
            items.push_back(write_value<J, typename T::value_type>(element, options, path.element(i++)));
        }
        return array;
    } else if constexpr (is_string_map<T>::value) {
        J object = J::object();
        for (const auto& kv : value)
            append_member(object, kv.first, write_value<J>(kv.second, options, path.member(kv.first)));
        return object;
    } else if constexpr (is_generic_json_enum_v<T>) {
        const char* name = enumerator_name(value);
        if (name == nullptr) {
            throw error("dxframe JSON: " + (path.str().empty() ? std::string("(root)") : path.str()) + ": enum value " +
                        std::to_string(static_cast<long long>(static_cast<std::underlying_type_t<T>>(value))) +
                        " has no name (allowed: " + enumerator_list<T>() + ")");
        }
        return J(name);
    } else if constexpr (is_generic_json_struct_v<T>) {
        J object = J::object();
        write_members(object, value, options, path);
        return object;
    } else {
        return J(value);
    }
}

/// Reads `j` into a fresh T and throws json_error for the first problem (strict mode).
template <class T, class J>
T read_or_throw(const J& j) {
    static_assert(std::is_default_constructible<T>::value, "dxframe JSON: the type must be default-constructible");
    json_read_context ctx;
    ctx.stop_at_first_error = true;
    T value{};
    read_value(j, value, ctx, json_path::root(nullptr));
    for (auto& d : ctx.diagnostics) {
        if (d.severity == severity::error) throw json_error(std::move(d));
    }
    return value;
}

}  // namespace detail

/// Reads `j` into `out` without throwing on bad data: every problem is added to
/// `ctx.diagnostics` with the JSON Pointer of the offending element, prefixed by `path` (the
/// pointer of `j` in its document; "" for the root). Returns true when no error was added.
/// `out` is overwritten as a whole (a struct is reset to `T{}` first, so omitted members take
/// their defaults). On errors `out` may be partly assigned: discard it then.
template <class T, class BasicJsonType>
bool read_json(const BasicJsonType& j, T& out, json_read_context& ctx, const std::string& path = {}) {
    const std::size_t errors_before = ctx.error_count;
    detail::read_value(j, out, ctx, detail::json_path::root(&path));
    return ctx.error_count == errors_before;
}

/// Converts `value` to the json type `BasicJsonType` (e.g. nlohmann::ordered_json to keep
/// declaration order). Throws dxframe::error for an enum value with no name or a non-finite
/// number, naming the JSON Pointer of the offending member.
template <class BasicJsonType, class T>
BasicJsonType to_json_value(const T& value, const json_write_options& options = {}) {
    const std::string root;
    return detail::write_value<BasicJsonType>(value, options, detail::json_path::root(&root));
}

/// `value` as JSON text with members in declaration order, indented by `indent` spaces
/// (-1: compact, on one line); no trailing newline. Throws dxframe::error for an enum value
/// with no name, a non-finite number, or a string that is not valid UTF-8.
template <class T>
std::string to_json_text(const T& value, int indent = 2) {
    const auto j = to_json_value<nlohmann::ordered_json>(value);
#if defined(__cpp_exceptions) || defined(__EXCEPTIONS) || defined(_CPPUNWIND)
    try {
        return j.dump(indent);
    } catch (const nlohmann::ordered_json::exception& e) {
        throw error(std::string("dxframe JSON: cannot write text: ") + e.what());
    }
#else
    return j.dump(indent);
#endif
}

}  // namespace dxframe

namespace nlohmann {

/// Generic conversion of every described struct (see <dxframe/io/json.hpp>).
template <class T>
struct adl_serializer<T, std::enable_if_t<dxframe::is_generic_json_struct_v<T>>> {
    /// Writes `value` as an object (empty optionals omitted).
    template <class BasicJsonType>
    static void to_json(BasicJsonType& j, const T& value) {
        j = dxframe::to_json_value<BasicJsonType>(value);
    }
    /// Reads `value` (strict); throws dxframe::json_error with the JSON Pointer of the first problem.
    template <class BasicJsonType>
    static void from_json(const BasicJsonType& j, T& value) {
        value = dxframe::detail::read_or_throw<T>(j);
    }
};

/// Generic conversion of every described enum: the enumerator's name.
template <class T>
struct adl_serializer<T, std::enable_if_t<dxframe::is_generic_json_enum_v<T>>> {
    /// Writes the enumerator's name; throws dxframe::error for a value with no name.
    template <class BasicJsonType>
    static void to_json(BasicJsonType& j, const T& value) {
        j = dxframe::to_json_value<BasicJsonType>(value);
    }
    /// Reads an enumerator name; throws dxframe::json_error (invalid_enum_value, type_mismatch).
    template <class BasicJsonType>
    static void from_json(const BasicJsonType& j, T& value) {
        value = dxframe::detail::read_or_throw<T>(j);
    }
};

/// dxframe::date as the string `YYYY-MM-DD` (date keeps its invariant in private members, so it
/// is not described and gets its own serializer).
template <>
struct adl_serializer<dxframe::date> {
    /// Writes `YYYY-MM-DD`.
    template <class BasicJsonType>
    static void to_json(BasicJsonType& j, const dxframe::date& value) {
        j = value.to_string();
    }
    /// Reads `YYYY-MM-DD`; throws dxframe::json_error (invalid_date, type_mismatch).
    template <class BasicJsonType>
    static void from_json(const BasicJsonType& j, dxframe::date& value) {
        value = dxframe::detail::read_or_throw<dxframe::date>(j);
    }
};

}  // namespace nlohmann

#if DXFRAME_HEADER_ONLY
#include <dxframe/io/impl/json.ipp>
#endif
