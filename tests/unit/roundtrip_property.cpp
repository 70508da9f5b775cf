// SPDX-License-Identifier: MIT
// Property: for random valid datasets that use every member of every model struct, with
// arbitrary Unicode text and awkward doubles, save -> load -> save is byte-identical and the
// loaded dataset equals the original member by member (doubles bit for bit).
#include <dxframe/io/dataset_json.hpp>

#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <limits>
#include <map>
#include <optional>
#include <sstream>
#include <string>
#include <type_traits>
#include <typeinfo>
#include <vector>

#include <boost/describe/enumerators.hpp>
#include <boost/describe/members.hpp>
#include <boost/mp11/algorithm.hpp>
#include <nlohmann/json.hpp>

#include <dxframe/io/file.hpp>
#include <dxframe/io/json.hpp>
#include <dxframe/model.hpp>

#include "catch_compat.hpp"
#include "member_traits.hpp"

namespace {

using dxframe_test::is_map;
using dxframe_test::is_opt;
using dxframe_test::is_table;
using dxframe_test::is_vec;

// SplitMix64: tiny, seedable, and identical on every platform (unlike <random> distributions).
struct rng {
    std::uint64_t state;
    std::uint64_t next() {
        std::uint64_t z = (state += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
    std::uint64_t below(std::uint64_t n) { return next() % n; }
    bool chance(std::uint64_t percent) { return below(100) < percent; }
};

void append_utf8(std::string& out, std::uint32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

// Text mixing ASCII (quotes, backslashes, slashes), control characters including NUL,
// Vietnamese letters, CJK, characters JSON treats specially in JavaScript (U+2028), the BOM
// character, private use, and astral code points (emoji and beyond).
std::string random_text(rng& r) {
    std::string s;
    const auto length = r.below(13);
    for (std::uint64_t i = 0; i < length; ++i) {
        std::uint32_t cp = 0;
        switch (r.below(8)) {
            case 0: cp = static_cast<std::uint32_t>(0x20 + r.below(0x5F)); break;
            case 1: cp = static_cast<std::uint32_t>(r.below(0x20)); break;
            case 2: {
                static const char special[] = "\"\\/~{}[]:,";
                cp = static_cast<unsigned char>(special[r.below(sizeof special - 1)]);
                break;
            }
            case 3: cp = static_cast<std::uint32_t>(0x1EA0 + r.below(0x5A)); break;  // Ạ … ỹ
            case 4: cp = static_cast<std::uint32_t>(0xC0 + r.below(0xF1)); break;    // À … ư
            case 5: cp = static_cast<std::uint32_t>(0x4E00 + r.below(0x5200)); break;
            case 6: {
                static const std::uint32_t odd[] = {0x7F, 0x2028, 0x2029, 0xFEFF, 0xFFFD, 0xE000, 0xFFFF, 0x10FFFF};
                cp = odd[r.below(8)];
                break;
            }
            default: cp = static_cast<std::uint32_t>(0x10000 + r.below(0x100000)); break;
        }
        append_utf8(s, cp);
    }
    return s;
}

double random_double(rng& r) {
    switch (r.below(5)) {
        case 0: return static_cast<double>(static_cast<std::int64_t>(r.below(201)) - 100);
        case 1: return static_cast<double>(static_cast<std::int64_t>(r.below(20001)) - 10000) / 100.0;
        case 2: {
            static const double special[] = {0.0,
                                             -0.0,
                                             0.1,
                                             1e-7,
                                             1e21,
                                             1e300,
                                             std::numeric_limits<double>::denorm_min(),
                                             std::numeric_limits<double>::min(),
                                             std::numeric_limits<double>::max(),
                                             -std::numeric_limits<double>::max(),
                                             9007199254740993.0,
                                             0.30000000000000004};
            return special[r.below(std::size(special))];
        }
        default: {
            // Any finite bit pattern: subnormals, huge exponents, 17-digit mantissas.
            for (;;) {
                const std::uint64_t bits = r.next();
                double d;
                std::memcpy(&d, &bits, sizeof d);
                if (std::isfinite(d)) return d;
            }
        }
    }
}

// How often each member of each struct was non-empty, to prove that every field is exercised.
using coverage_map = std::map<std::string, std::size_t>;

template <class T>
void fill(T& value, rng& r, coverage_map& coverage);

// Members the schema narrows get values it accepts, after the generic fill.
template <class T>
void narrow(T&, rng&) {}
void narrow(dxframe::observation& o, rng& r) {
    if (o.out_of) o.out_of = static_cast<double>(1 + r.below(200));  // a ranking's size: a positive integer
}

template <class T>
void fill_struct(T& value, rng& r, coverage_map& coverage) {
    boost::mp11::mp_for_each<boost::describe::describe_members<T, boost::describe::mod_public>>([&](auto D) {
        auto& member = value.*D.pointer;
        fill(member, r, coverage);
        using M = std::remove_reference_t<decltype(member)>;
        bool present = true;
        if constexpr (is_opt<M>::value) {
            present = member.has_value();
        } else if constexpr (is_vec<M>::value || is_table<M>::value || is_map<M>::value) {
            present = !member.empty();
        }
        coverage[std::string(typeid(T).name()) + "::" + D.name] += present ? 1 : 0;
    });
}

template <class T>
void fill(T& value, rng& r, coverage_map& coverage) {
    if constexpr (is_opt<T>::value) {
        if (r.chance(70)) {
            typename T::value_type inner{};
            fill(inner, r, coverage);
            value = std::move(inner);
        } else {
            value.reset();
        }
    } else if constexpr (is_vec<T>::value) {
        value.resize(static_cast<std::size_t>(r.below(4)));
        for (auto& element : value)
            fill(element, r, coverage);
    } else if constexpr (is_table<T>::value) {
        std::vector<typename T::value_type> rows(static_cast<std::size_t>(r.below(4)));
        for (auto& element : rows)
            fill(element, r, coverage);
        value = rows;
    } else if constexpr (is_map<T>::value) {
        value.clear();
        const auto n = r.below(4);
        for (std::uint64_t i = 0; i < n; ++i)
            fill(value[random_text(r)], r, coverage);
    } else if constexpr (std::is_same<T, std::string>::value) {
        value = random_text(r);
    } else if constexpr (std::is_same<T, double>::value) {
        value = random_double(r);
    } else if constexpr (std::is_same<T, bool>::value) {
        value = r.chance(50);
    } else if constexpr (std::is_integral<T>::value) {
        value = static_cast<T>(r.below(4000));  // a number of days
    } else if constexpr (std::is_same<T, dxframe::date>::value) {
        // Anywhere in 0001-01-01 .. 9999-12-31.
        value = dxframe::date::from_days(-719162 + static_cast<std::int64_t>(r.below(2932897 + 719162)));
    } else if constexpr (std::is_enum<T>::value) {
        using list = boost::describe::describe_enumerators<T>;
        const auto pick = r.below(boost::mp11::mp_size<list>::value);
        std::uint64_t i = 0;
        boost::mp11::mp_for_each<list>([&](auto D) {
            if (i++ == pick) value = D.value;
        });
    } else {
        fill_struct(value, r, coverage);
        narrow(value, r);
    }
}

// Member-by-member equality; on a difference, `where` receives its JSON Pointer.
template <class T>
bool same(const T& a, const T& b, const std::string& path, std::string& where) {
    bool ok = true;
    if constexpr (is_opt<T>::value) {
        ok = a.has_value() == b.has_value() && (!a || same(*a, *b, path, where));
    } else if constexpr (is_vec<T>::value) {
        ok = a.size() == b.size();
        for (std::size_t i = 0; ok && i < a.size(); ++i)
            ok = same(a[i], b[i], path + "/" + std::to_string(i), where);
    } else if constexpr (is_table<T>::value) {
        ok = a.size() == b.size();
        for (std::size_t i = 0; ok && i < a.size(); ++i)
            ok = same(a[i], b[i], path + "/" + std::to_string(i), where);
    } else if constexpr (is_map<T>::value) {
        ok = a.size() == b.size();
        for (auto ia = a.begin(), ib = b.begin(); ok && ia != a.end(); ++ia, ++ib) {
            ok = ia->first == ib->first && same(ia->second, ib->second, path + "/" + ia->first, where);
        }
    } else if constexpr (std::is_same<T, double>::value) {
        std::uint64_t x = 0;
        std::uint64_t y = 0;
        std::memcpy(&x, &a, sizeof a);
        std::memcpy(&y, &b, sizeof b);
        ok = x == y;  // bit for bit: -0.0 must stay -0.0
    } else if constexpr (std::is_same<T, std::string>::value || std::is_same<T, dxframe::date>::value ||
                         std::is_enum<T>::value || std::is_integral<T>::value) {
        ok = a == b;
    } else {
        boost::mp11::mp_for_each<boost::describe::describe_members<T, boost::describe::mod_public>>([&](auto D) {
            if (ok) ok = same(a.*D.pointer, b.*D.pointer, path + "/" + D.name, where);
        });
        return ok;
    }
    if (!ok && where.empty()) where = path.empty() ? "(root)" : path;
    return ok;
}

dxframe::dataset random_dataset(rng& r, coverage_map& coverage) {
    dxframe::dataset ds;
    fill(ds, r, coverage);
    return ds;
}

std::string errors_of(const dxframe::load_result& res) {
    std::string out;
    for (const auto& d : res.diagnostics)
        out += d.path + ": " + d.message + "\n";
    return out;
}

}  // namespace

TEST_CASE("random datasets: save -> load -> save is byte-identical and the load is equal", "[roundtrip]") {
    rng r{20250701};
    coverage_map coverage;
    const int iterations = 400;
    for (int i = 0; i < iterations; ++i) {
        const dxframe::dataset original = random_dataset(r, coverage);
        const std::string first = dxframe::save_dataset(original);
        const auto loaded = dxframe::load_dataset(first);
        INFO("iteration " << i << "\n" << errors_of(loaded));
        REQUIRE(loaded.ok());
        REQUIRE(loaded.diagnostics.empty());
        std::string where;
        const bool equal = same(original, *loaded.data, "", where);
        INFO("first difference at " << where);
        CHECK(equal);
        CHECK(dxframe::save_dataset(*loaded.data) == first);
    }
    // Every member of every struct was non-empty in some dataset.
    std::size_t members = 0;
    for (const auto& [name, count] : coverage) {
        INFO(name);
        CHECK(count > 0);
        ++members;
    }
    // framework 10 + text 2 + pillar_info 3 + dimension 3 + dimension_code 2 + node 7 + indicator 15
    // + target 18 + baseline 2 + milestone 2 + status_thresholds 3 + growth_thresholds 3 + manual_status 5
    // + task 10 + source 4 + entity 8 + observation 12 + dataset 3 + derivation 9 + count_condition 2
    CHECK(members == 123);
}

TEST_CASE("random datasets survive other spellings of the same JSON", "[roundtrip]") {
    rng r{424242};
    coverage_map coverage;
    for (int i = 0; i < 150; ++i) {
        const dxframe::dataset original = random_dataset(r, coverage);
        const std::string canonical = dxframe::save_dataset(original);
        const auto tree = nlohmann::ordered_json::parse(canonical);
        // Compact, and with every non-ASCII character escaped (surrogate pairs for astral ones).
        const std::string compact = tree.dump(-1);
        const std::string escaped = tree.dump(1, '\t', true);
        for (const std::string* text : {&compact, &escaped}) {
            const auto loaded = dxframe::load_dataset(*text);
            INFO("iteration " << i << "\n" << errors_of(loaded));
            REQUIRE(loaded.ok());
            std::string where;
            const bool equal = same(original, *loaded.data, "", where);
            INFO("first difference at " << where);
            CHECK(equal);
            CHECK(dxframe::save_dataset(*loaded.data) == canonical);
        }
        // The generic nlohmann conversion agrees with the loader, for both json types.
        const nlohmann::json j = original;
        std::string where;
        const bool equal_json = same(original, j.get<dxframe::dataset>(), "", where);
        const nlohmann::ordered_json oj = original;
        const bool equal_ordered = same(original, oj.get<dxframe::dataset>(), "", where);
        INFO("first difference at " << where);
        CHECK(equal_json);
        CHECK(equal_ordered);
    }
}

TEST_CASE("the comparison used above does detect differences", "[roundtrip]") {
    rng r{7};
    coverage_map coverage;
    dxframe::dataset a;
    do {
        a = random_dataset(r, coverage);
    } while (a.observations.empty());
    std::string where;
    CHECK(same(a, a, "", where));
    dxframe::dataset b = a;
    const std::size_t last = b.observations.size() - 1;
    b.observations.edit(last)->status = b.observations[last].status == dxframe::observation_status::final
                                            ? dxframe::observation_status::provisional
                                            : dxframe::observation_status::final;
    CHECK_FALSE(same(a, b, "", where));
    CHECK(where == "/observations/" + std::to_string(a.observations.size() - 1) + "/status");
    where.clear();
    dxframe::dataset c = a;
    c.framework.name.vi += "x";
    CHECK_FALSE(same(a, c, "", where));
    CHECK(where == "/framework/name/vi");
    where.clear();
    // -0.0 == 0.0 numerically, but not bit for bit.
    dxframe::observation o1;
    dxframe::observation o2;
    o1.value = 0.0;
    o2.value = -0.0;
    CHECK_FALSE(same(o1, o2, "", where));
}

// Not run by default: writes generated documents for tests/schema_check.py (ctest runs it as
// the fixture of the schema_check test). The directory comes from DXFRAME_SAMPLES_DIR.
TEST_CASE("write schema samples", "[.schema-samples]") {
    const char* dir = std::getenv("DXFRAME_SAMPLES_DIR");
    REQUIRE(dir != nullptr);
    std::filesystem::create_directories(dir);
    rng r{99};
    coverage_map coverage;
    for (int i = 0; i < 25; ++i) {
        std::ostringstream name;
        name << dir << "/generated-" << i << ".json";
        dxframe::write_file_atomic(name.str(), dxframe::save_dataset(random_dataset(r, coverage)));
    }
}
