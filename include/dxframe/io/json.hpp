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
#include <dxframe/io/detail/utf8.hpp>
#include <dxframe/model/date.hpp>
#include <dxframe/model/fields.hpp>

namespace dxframe {

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

namespace detail {

/// A JSON Pointer built lazily as a chain of stack frames, turned into text only when a
/// diagnostic or an error needs it (most values are read without any problem).
struct json_path {
    const json_path* parent = nullptr;    ///< Enclosing frame; null for the root.
    const std::string* prefix = nullptr;  ///< Root only: the pointer of the root value.
    std::string_view key;                 ///< Member name (when !is_index).
    std::size_t index = 0;                ///< Array index (when is_index).
    bool is_index = false;                ///< Array element or object member.

    /// A root frame whose pointer is `*p` (may be null for "").
    static json_path root(const std::string* p) noexcept {
        json_path r;
        r.prefix = p;
        return r;
    }
    /// The frame of member `k` of this value (k must outlive the frame).
    json_path member(std::string_view k) const noexcept {
        json_path r;
        r.parent = this;
        r.key = k;
        return r;
    }
    /// The frame of element `i` of this array.
    json_path element(std::size_t i) const noexcept {
        json_path r;
        r.parent = this;
        r.index = i;
        r.is_index = true;
        return r;
    }
    /// The JSON Pointer text (RFC 6901 escaping).
    DXFRAME_DECL std::string str() const;
};

/// Adds a diagnostic to the context.
DXFRAME_DECL void report(json_read_context& ctx, severity sev, diagnostic_code code, const json_path& path,
                         std::string message);

/// Adds an error diagnostic to the context.
DXFRAME_DECL void report_error(json_read_context& ctx, diagnostic_code code, const json_path& path,
                               std::string message);

/// A short description of a JSON value for messages: `"text"`, `12.5`, `true`, `null`, `an array`.
template <class J>
std::string describe_value(const J& j) {
    if (j.is_string()) return quote_text(j.template get_ref<const typename J::string_t&>());
    if (j.is_array()) return "an array";
    if (j.is_object()) return "an object";
    if (j.is_null()) return "null";
    if (j.is_number_float() && !std::isfinite(j.template get<double>())) return "a non-finite number";
    return j.dump();
}

/// True for strings a spreadsheet or another language writes for non-finite numbers
/// ("NaN", "-Infinity", "inf", "nan(0x1)").
DXFRAME_DECL bool names_non_finite(std::string_view s) noexcept;

/// Reports a value that should have been a number: non_finite_value for "NaN"-like strings,
/// type_mismatch otherwise.
template <class J>
void report_not_a_number(const J& j, json_read_context& ctx, const json_path& path, const std::string& expected) {
    if (j.is_string() && names_non_finite(j.template get_ref<const typename J::string_t&>())) {
        report_error(ctx, diagnostic_code::non_finite_value, path,
                     describe_value(j) + " is not a finite number; only finite numbers are allowed");
    } else {
        report_error(ctx, diagnostic_code::type_mismatch, path, "expected " + expected + ", got " + describe_value(j));
    }
}

/// Comma-separated enumerator names of E.
template <class E>
std::string enumerator_list() {
    std::string out;
    boost::mp11::mp_for_each<boost::describe::describe_enumerators<E>>([&](auto D) {
        if (!out.empty()) out += ", ";
        out += D.name;
    });
    return out;
}

/// The name of `value`, or nullptr when no enumerator has that value.
template <class E>
const char* enumerator_name(E value) noexcept {
    const char* name = nullptr;
    boost::mp11::mp_for_each<boost::describe::describe_enumerators<E>>([&](auto D) {
        if (name == nullptr && D.value == value) name = D.name;
    });
    return name;
}

/// " (did you mean "x"?)" when one candidate is within a small edit distance of `s`.
template <class Names>
std::string did_you_mean(std::string_view s, const Names& candidates) {
    std::string best;
    std::size_t best_distance = 3;
    for (std::string_view c : candidates) {
        const std::size_t d = edit_distance(s, c);
        if (d < best_distance && d < c.size()) {
            best_distance = d;
            best = std::string(c);
        }
    }
    return best.empty() ? std::string() : " (did you mean \"" + best + "\"?)";
}

/// Names of the described public members of T (bases first).
template <class T>
std::vector<std::string_view> member_names() {
    std::vector<std::string_view> names;
    boost::mp11::mp_for_each<
        boost::describe::describe_members<T, boost::describe::mod_public | boost::describe::mod_inherited>>(
        [&](auto D) { names.emplace_back(D.name); });
    return names;
}

/// The class that declares a member, from its member pointer (a base of T for inherited members).
template <class C, class M>
C declaring_class(M C::*);

/// True when member `name` of type M, declared in class B, of struct T may be left out of a
/// document: optionals, vectors, maps, and members listed in defaulted_fields of T or of B.
template <class T, class B, class M>
bool may_omit_member(std::string_view name) noexcept {
    return is_optional<M>::value || is_vector<M>::value || is_string_map<M>::value || is_defaulted_field<T>(name) ||
           is_defaulted_field<B>(name);
}

/// True when the object type M (nlohmann::ordered_map) can append without searching.
template <class M, class = void>
struct has_emplace_back : std::false_type {};
template <class M>
struct has_emplace_back<M, std::void_t<decltype(std::declval<M&>().emplace_back(
                               std::declval<const typename M::key_type&>(), std::declval<typename M::mapped_type>()))>>
    : std::true_type {};

template <class T, class J>
void read_value(const J& j, T& out, json_read_context& ctx, const json_path& path);

/// Reports member `key` (value `value`, at `child`) that the described struct T does not have:
/// an unknown_field error (strict), or a warning with the member kept aside (lenient).
template <class T, class J>
void report_unknown_member(const std::string& key, const J& value, json_read_context& ctx, const json_path& child,
                           std::string_view skip_key = {}) {
    const auto names = member_names<T>();
    std::string known;
    for (auto n : names) {
        if (!skip_key.empty() && n == skip_key) continue;
        known += known.empty() ? "" : ", ";
        known += n;
    }
    const std::string message =
        "unknown member " + quote_text(key) + did_you_mean(key, names) + "; known members: " + known;
    if (ctx.mode == strictness::strict) {
        report_error(ctx, diagnostic_code::unknown_field, child, message);
    } else {
        report(ctx, severity::warning, diagnostic_code::unknown_field, child, message + " (kept aside)");
        ctx.unknown_fields.push_back(
            unknown_field{child.str(), value.dump(-1, ' ', false, J::error_handler_t::replace)});
    }
}

/// Reports each required member of `out`'s type that `seen` (by declaration order) says was
/// not in the object at `path`.
template <class T>
void report_missing_members(const T& out, const bool* seen, json_read_context& ctx, const json_path& path) {
    using members = boost::describe::describe_members<T, boost::describe::mod_public | boost::describe::mod_inherited>;
    std::size_t index = 0;
    boost::mp11::mp_for_each<members>([&](auto D) {
        using member_type = std::remove_cv_t<std::remove_reference_t<decltype(out.*D.pointer)>>;
        using owner = decltype(declaring_class(D.pointer));
        if (!seen[index] && !ctx.stopped() && !may_omit_member<T, owner, member_type>(D.name)) {
            report_error(ctx, diagnostic_code::missing_required_field, path.member(D.name),
                         "missing required member \"" + std::string(D.name) + "\"");
        }
        ++index;
    });
}

/// Reads a JSON object into the described struct `out`. `skip_key` names one member the caller
/// handles itself (the document's "format" tag).
template <class T, class J>
void read_struct(const J& j, T& out, json_read_context& ctx, const json_path& path, std::string_view skip_key = {}) {
    using members = boost::describe::describe_members<T, boost::describe::mod_public | boost::describe::mod_inherited>;
    if (!j.is_object()) {
        report_error(ctx, diagnostic_code::type_mismatch, path, "expected an object, got " + describe_value(j));
        return;
    }
    // Start from the default value, so that omitted members are nullopt, empty, or their
    // default (the rule of defaulted_fields) whatever `out` held before.
    out = T{};
    constexpr std::size_t count = boost::mp11::mp_size<members>::value;
    bool seen[count + 1] = {};  // +1: a struct may describe no members
    for (auto it = j.begin(); it != j.end(); ++it) {
        const std::string& key = it.key();
        if (!skip_key.empty() && key == skip_key) continue;
        const json_path child = path.member(key);
        bool matched = false;
        std::size_t index = 0;
        boost::mp11::mp_for_each<members>([&](auto D) {
            if (!matched && key == D.name) {
                matched = true;
                seen[index] = true;
                using member_type = std::remove_cv_t<std::remove_reference_t<decltype(out.*D.pointer)>>;
                using owner = decltype(declaring_class(D.pointer));
                const auto& value = it.value();
                if (value.is_null() && !may_omit_member<T, owner, member_type>(D.name)) {
                    report_error(ctx, diagnostic_code::missing_required_field, child,
                                 "required member \"" + std::string(D.name) + "\" is null");
                } else {
                    read_value(value, out.*D.pointer, ctx, child);
                }
            }
            ++index;
        });
        if (!matched) report_unknown_member<T>(key, it.value(), ctx, child, skip_key);
        if (ctx.stopped()) return;
    }
    report_missing_members(out, seen, ctx, path);
}

/// Reads an integer, checking that the number is integral and fits T.
template <class T, class J>
void read_integer(const J& j, T& out, json_read_context& ctx, const json_path& path) {
    using limits = std::numeric_limits<T>;
    const std::string expected =
        "an integer from " + std::to_string(limits::min()) + " to " + std::to_string(limits::max());
    const auto out_of_range = [&] {
        report_error(ctx, diagnostic_code::type_mismatch, path, "expected " + expected + ", got " + describe_value(j));
    };
    if (j.is_number_unsigned()) {
        const auto v = j.template get<std::uint64_t>();
        if (v > static_cast<std::uint64_t>(limits::max())) return out_of_range();
        out = static_cast<T>(v);
    } else if (j.is_number_integer()) {
        const auto v = j.template get<std::int64_t>();
        if constexpr (std::is_signed<T>::value) {
            if (v < static_cast<std::int64_t>(limits::min()) || v > static_cast<std::int64_t>(limits::max())) {
                return out_of_range();
            }
        } else {
            if (v < 0 || static_cast<std::uint64_t>(v) > static_cast<std::uint64_t>(limits::max()))
                return out_of_range();
        }
        out = static_cast<T>(v);
    } else if (j.is_number_float()) {
        const double d = j.template get<double>();
        if (!std::isfinite(d)) {
            report_error(ctx, diagnostic_code::non_finite_value, path, "a non-finite number is not allowed");
            return;
        }
        // max() + 1.0 is a power of two, exact in a double, so the comparison is exact.
        if (d != std::trunc(d) || d < static_cast<double>(limits::min()) ||
            !(d < static_cast<double>(limits::max()) + 1.0)) {
            return out_of_range();
        }
        out = static_cast<T>(d);
    } else {
        report_not_a_number(j, ctx, path, expected);
    }
}

/// Reads a floating-point number, refusing non-finite values and values out of T's range.
template <class T, class J>
void read_float(const J& j, T& out, json_read_context& ctx, const json_path& path) {
    if (j.is_number_unsigned()) {
        out = static_cast<T>(j.template get<std::uint64_t>());
    } else if (j.is_number_integer()) {
        out = static_cast<T>(j.template get<std::int64_t>());
    } else if (j.is_number_float()) {
        const double d = j.template get<double>();
        if (!std::isfinite(d) || std::fabs(d) > static_cast<double>(std::numeric_limits<T>::max())) {
            report_error(ctx, diagnostic_code::non_finite_value, path,
                         std::isfinite(d) ? j.dump() + " is out of range" : "a non-finite number is not allowed");
            return;
        }
        out = static_cast<T>(d);
    } else {
        report_not_a_number(j, ctx, path, "a number");
    }
}

/// Reads a value through nlohmann's own conversion (types with a user serializer), turning
/// its exceptions into diagnostics.
template <class T, class J>
void read_fallback(const J& j, T& out, json_read_context& ctx, const json_path& path) {
#if defined(__cpp_exceptions) || defined(__EXCEPTIONS) || defined(_CPPUNWIND)
    try {
        out = j.template get<T>();
    } catch (const json_error& e) {
        diagnostic d = e.details();
        d.path = path.str() + d.path;
        if (d.severity == severity::error) ++ctx.error_count;
        ctx.diagnostics.push_back(std::move(d));
    } catch (const typename J::exception& e) {
        report_error(ctx, diagnostic_code::type_mismatch, path, printable(e.what(), 200));
    }
#else
    out = j.template get<T>();
#endif
}

/// Reads any supported value into `out` (see the file comment for the rules).
template <class T, class J>
void read_value(const J& j, T& out, json_read_context& ctx, const json_path& path) {
    if constexpr (is_optional<T>::value) {
        if (j.is_null()) {
            out.reset();
        } else {
            typename T::value_type inner{};
            read_value(j, inner, ctx, path);
            out = std::move(inner);
        }
    } else if constexpr (std::is_same<T, bool>::value) {
        if (j.is_boolean()) {
            out = j.template get<bool>();
        } else {
            report_error(ctx, diagnostic_code::type_mismatch, path, "expected true or false, got " + describe_value(j));
        }
    } else if constexpr (std::is_integral<T>::value) {
        read_integer(j, out, ctx, path);
    } else if constexpr (std::is_floating_point<T>::value) {
        read_float(j, out, ctx, path);
    } else if constexpr (std::is_same<T, std::string>::value) {
        if (j.is_string()) {
            out = j.template get_ref<const typename J::string_t&>();
        } else {
            report_error(ctx, diagnostic_code::type_mismatch, path, "expected a string, got " + describe_value(j));
        }
    } else if constexpr (std::is_same<T, date>::value) {
        if (!j.is_string()) {
            report_error(ctx, diagnostic_code::type_mismatch, path,
                         "expected a date string YYYY-MM-DD, got " + describe_value(j));
        } else if (const auto d = date::parse(j.template get_ref<const typename J::string_t&>())) {
            out = *d;
        } else {
            report_error(ctx, diagnostic_code::invalid_date, path,
                         describe_value(j) + " is not a valid date (expected YYYY-MM-DD naming a day that exists)");
        }
    } else if constexpr (is_vector<T>::value) {
        if (!j.is_array()) {
            report_error(ctx, diagnostic_code::type_mismatch, path, "expected an array, got " + describe_value(j));
            return;
        }
        out.clear();
        out.reserve(j.size());
        std::size_t i = 0;
        for (const auto& element : j) {
            typename T::value_type item{};
            read_value(element, item, ctx, path.element(i++));
            out.push_back(std::move(item));
            if (ctx.stopped()) return;
        }
    } else if constexpr (is_string_map<T>::value) {
        if (!j.is_object()) {
            report_error(ctx, diagnostic_code::type_mismatch, path, "expected an object, got " + describe_value(j));
            return;
        }
        out.clear();
        for (auto it = j.begin(); it != j.end(); ++it) {
            typename T::mapped_type item{};
            read_value(it.value(), item, ctx, path.member(it.key()));
            out.emplace(it.key(), std::move(item));
            if (ctx.stopped()) return;
        }
    } else if constexpr (is_generic_json_enum_v<T>) {
        if (!j.is_string()) {
            report_error(ctx, diagnostic_code::type_mismatch, path,
                         "expected a string (one of: " + enumerator_list<T>() + "), got " + describe_value(j));
            return;
        }
        const auto& s = j.template get_ref<const typename J::string_t&>();
        bool found = false;
        // Compared by hand rather than with enum_from_string: Boost 1.81 only takes a C string,
        // which would accept "percent\0junk" as "percent".
        boost::mp11::mp_for_each<boost::describe::describe_enumerators<T>>([&](auto D) {
            if (!found && s == D.name) {
                out = D.value;
                found = true;
            }
        });
        if (!found) {
            std::vector<std::string_view> names;
            boost::mp11::mp_for_each<boost::describe::describe_enumerators<T>>(
                [&](auto D) { names.emplace_back(D.name); });
            report_error(ctx, diagnostic_code::invalid_enum_value, path,
                         quote_text(s) + " is not an allowed value" + did_you_mean(s, names) +
                             "; allowed: " + enumerator_list<T>());
        }
    } else if constexpr (is_generic_json_struct_v<T>) {
        read_struct(j, out, ctx, path);
    } else {
        read_fallback(j, out, ctx, path);
    }
}

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
        } else if constexpr (is_vector<member_type>::value || is_string_map<member_type>::value) {
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
    } else if constexpr (is_vector<T>::value) {
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
