// SPDX-License-Identifier: MIT
/// @file
/// @brief The types of dxframe's generic JSON conversion: which types it applies to, how strict a
/// reader is, what it reports and keeps aside, and the writer's options (see <dxframe/io/json.hpp>).
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
#include <dxframe/io/detail/utf8.hpp>
#include <dxframe/model/date.hpp>
#include <dxframe/model/fields.hpp>

namespace dxframe {

class observation_table;

/// Whether dxframe's generic JSON conversion applies to a described type. Specialise it to
/// `std::false_type` for a type that has its own `to_json` / `from_json` (or its own
/// `nlohmann::adl_serializer`); otherwise the generic conversion would take precedence, since an
/// `adl_serializer` specialisation wins over ADL functions.
template <class T>
struct enable_generic_json : std::true_type {};

namespace detail {

template <class T, class = void>
struct is_public_described_struct : std::false_type {};

// Only instantiated for described classes, so the describe_* queries below are well-formed.
template <class T>
struct is_public_described_struct<
    T, std::enable_if_t<std::is_class<T>::value && boost::describe::has_describe_members<T>::value>>
    : std::integral_constant<
          bool, !std::is_union<T>::value &&
                    boost::mp11::mp_empty<boost::describe::describe_members<
                        T, boost::describe::mod_private | boost::describe::mod_inherited>>::value &&
                    boost::mp11::mp_empty<boost::describe::describe_members<
                        T, boost::describe::mod_protected | boost::describe::mod_inherited>>::value &&
                    boost::mp11::mp_empty<boost::describe::describe_bases<T, boost::describe::mod_private>>::value &&
                    boost::mp11::mp_empty<boost::describe::describe_bases<T, boost::describe::mod_protected>>::value> {
};

template <class T, class = void>
struct is_described_enum : std::false_type {};

template <class T>
struct is_described_enum<T, std::enable_if_t<std::is_enum<T>::value>>
    : std::integral_constant<bool, boost::describe::has_describe_enumerators<T>::value> {};

template <class T>
struct is_optional : std::false_type {};
template <class T>
struct is_optional<std::optional<T>> : std::true_type {};

template <class T>
struct is_vector : std::false_type {};
template <class T, class A>
struct is_vector<std::vector<T, A>> : std::true_type {};

/// Containers that are read and written as a JSON array of their value_type without being a
/// std::vector (observation_table: rows in, observations out).
template <class T>
struct is_sequence : std::false_type {};
template <>
struct is_sequence<observation_table> : std::true_type {};

template <class T>
struct is_string_map : std::false_type {};
template <class T, class C, class A>
struct is_string_map<std::map<std::string, T, C, A>> : std::true_type {};

}  // namespace detail

/// True when the generic struct conversion applies to `T`: a described class (not a union)
/// whose described members and bases are all public, and enable_generic_json<T> is true.
template <class T>
inline constexpr bool is_generic_json_struct_v =
    detail::is_public_described_struct<T>::value&& enable_generic_json<T>::value;

/// True when the generic enum conversion (enumerator names as strings) applies to `T`.
template <class T>
inline constexpr bool is_generic_json_enum_v = detail::is_described_enum<T>::value&& enable_generic_json<T>::value;

/// How strictly a reader treats members the format does not define.
enum class strictness {
    strict,  ///< Unknown members are errors (the default: typos must not go unnoticed).
    lenient  ///< Unknown members are warnings; they are kept aside, not lost.
};
BOOST_DESCRIBE_ENUM(strictness, strict, lenient)

/// A member the reader did not know, kept aside in lenient mode.
struct unknown_field {
    std::string path;  ///< JSON Pointer of the member (`/framework/indicators/3/colour`).
    std::string json;  ///< Its value as compact JSON text.
};
BOOST_DESCRIBE_STRUCT(unknown_field, (), (path, json))

/// Thrown by `j.get<T>()` (the nlohmann conversion) for a described type when the JSON does not
/// fit: carries the diagnostic of the first problem, with its JSON Pointer relative to `j`.
class json_error : public error {
public:
    /// Wraps a diagnostic; the message is "<path>: <message>".
    explicit json_error(dxframe::diagnostic d)
        : error("dxframe JSON: " + (d.path.empty() ? std::string("(root)") : d.path) + ": " + d.message),
          diagnostic_(std::move(d)) {}
    /// The problem, with code, JSON Pointer and message.
    const dxframe::diagnostic& details() const noexcept { return diagnostic_; }
    /// The problem's code (type_mismatch, missing_required_field, …).
    diagnostic_code code() const noexcept { return diagnostic_.code; }
    /// JSON Pointer of the offending element, relative to the converted value.
    const std::string& path() const noexcept { return diagnostic_.path; }

private:
    dxframe::diagnostic diagnostic_;
};

/// State of a non-throwing read: options in, diagnostics and kept-aside members out. One
/// context may be used for several reads; diagnostics accumulate.
struct json_read_context {
    strictness mode = strictness::strict;       ///< How unknown members are treated.
    bool stop_at_first_error = false;           ///< Stop reading after the first error (for exceptions).
    std::vector<diagnostic> diagnostics;        ///< Every problem, in document order.
    std::vector<unknown_field> unknown_fields;  ///< Lenient mode: unknown members kept aside.
    std::size_t error_count = 0;                ///< Number of error-severity diagnostics added.

    /// True once any error has been reported.
    bool has_errors() const noexcept { return error_count > 0; }
    /// True when reading should stop (stop_at_first_error and an error was found).
    bool stopped() const noexcept { return stop_at_first_error && error_count > 0; }
};

/// Options of the generic writer.
struct json_write_options {
    /// Leave out members that are empty vectors or maps (as an empty optional is left out).
    /// Off for `nlohmann::json j = value` (result structs keep their `[]`); save_dataset() turns
    /// it on so that documents stay short.
    bool omit_empty_containers = false;
    /// Write an empty optional member as `null` instead of leaving it out (for consumers that
    /// want every member present, e.g. report tables). Loading accepts both forms.
    bool empty_optionals_as_null = false;
};

}  // namespace dxframe
