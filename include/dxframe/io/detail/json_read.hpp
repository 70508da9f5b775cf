// SPDX-License-Identifier: MIT
/// @file
/// @brief Internal: the generic JSON reader of <dxframe/io/json.hpp> — JSON Pointers built lazily,
/// diagnostics, and the readers of structs, numbers, strings, enums, dates and containers.
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
#include <dxframe/io/json_types.hpp>
#include <dxframe/model/date.hpp>
#include <dxframe/model/fields.hpp>

namespace dxframe::detail {

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
    return is_optional<M>::value || is_vector<M>::value || is_sequence<M>::value || is_string_map<M>::value ||
           is_defaulted_field<T>(name) || is_defaulted_field<B>(name);
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
    } else if constexpr (is_vector<T>::value || is_sequence<T>::value) {
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

}  // namespace dxframe::detail
