// SPDX-License-Identifier: MIT
// The generic Boost.Describe <-> nlohmann conversion: every kind of member, both json types,
// the opt-out trait, and the path-aware reader's diagnostics.
#include <dxframe/io/json.hpp>

#include <cmath>
#include <cstdint>
#include <limits>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <boost/describe/class.hpp>
#include <boost/describe/enum.hpp>
#include <nlohmann/json.hpp>

#include <dxframe/diagnostic.hpp>
#include <dxframe/model.hpp>

#include "catch_compat.hpp"

namespace jt {

enum class colour { red, green, blue };
BOOST_DESCRIBE_ENUM(colour, red, green, blue)

// Sparse values: the JSON form is the name, never the number.
enum class level : int { low = 1, high = 5 };
BOOST_DESCRIBE_ENUM(level, low, high)

struct base_part {
    std::string id;
    int version = 0;
};
BOOST_DESCRIBE_STRUCT(base_part, (), (id, version))

struct inner {
    double x = 0;
    std::optional<colour> tint;
};
BOOST_DESCRIBE_STRUCT(inner, (), (x, tint))

struct everything : base_part {
    bool flag = false;
    std::int8_t small = 0;
    std::uint16_t count = 0;
    std::int64_t big = 0;
    float ratio = 0;
    double value = 0;
    std::string name;
    colour paint = colour::red;
    level grade = level::low;
    dxframe::date when;
    std::optional<double> maybe;
    std::optional<inner> child;
    std::vector<inner> items;
    std::map<std::string, double> scores;
    std::map<std::string, std::vector<colour>> palettes;
    std::vector<std::optional<int>> sparse;
    int defaulted = 7;
};
BOOST_DESCRIBE_STRUCT(everything, (base_part),
                      (flag, small, count, big, ratio, value, name, paint, grade, when, maybe, child, items, scores,
                       palettes, sparse, defaulted))

// A type with a private described member: the generic conversion must not apply; its own
// ADL functions are used instead.
class secretive {
public:
    int shown = 0;
    int hidden() const { return hidden_; }
    void set_hidden(int h) { hidden_ = h; }

private:
    int hidden_ = 0;
    BOOST_DESCRIBE_CLASS(secretive, (), (shown), (), (hidden_))
};
inline void to_json(nlohmann::json& j, const secretive& s) {
    j = nlohmann::json{{"shown", s.shown}, {"h", s.hidden()}};
}
inline void from_json(const nlohmann::json& j, secretive& s) {
    s.shown = j.at("shown").get<int>();
    s.set_hidden(j.at("h").get<int>());
}

// A described type that opts out to keep its own text form.
struct custom {
    int a = 0;
};
BOOST_DESCRIBE_STRUCT(custom, (), (a))
template <class BasicJsonType>
void to_json(BasicJsonType& j, const custom& c) {
    j = "custom:" + std::to_string(c.a);
}
template <class BasicJsonType>
void from_json(const BasicJsonType& j, custom& c) {
    const auto s = j.template get<std::string>();
    if (s.rfind("custom:", 0) != 0) throw std::invalid_argument("not a custom");
    c.a = std::stoi(s.substr(7));
}

// A described enum that opts out: nlohmann's default integer form is used.
enum class raw_code { a = 1, b = 2 };
BOOST_DESCRIBE_ENUM(raw_code, a, b)

struct holder {
    custom c;
    raw_code code = raw_code::a;
};
BOOST_DESCRIBE_STRUCT(holder, (), (c, code))

struct maybe_list {
    std::optional<std::vector<int>> list;
};
BOOST_DESCRIBE_STRUCT(maybe_list, (), (list))

union number_or_text {
    int i;
    float f;
};

}  // namespace jt

namespace dxframe {
template <>
struct defaulted_fields<jt::everything> {
    static constexpr std::array<std::string_view, 1> names{"defaulted"};
};
template <>
struct defaulted_fields<jt::base_part> {
    static constexpr std::array<std::string_view, 1> names{"version"};
};
template <>
struct enable_generic_json<jt::custom> : std::false_type {};
template <>
struct enable_generic_json<jt::raw_code> : std::false_type {};
}  // namespace dxframe

using nlohmann::json;
using nlohmann::ordered_json;

namespace {

jt::everything sample_everything() {
    jt::everything e;
    e.id = "e1";
    e.version = 3;
    e.flag = true;
    e.small = -5;
    e.count = 65535;
    e.big = -9007199254740993LL;  // not representable as a double: must stay an integer
    e.ratio = 0.5f;
    e.value = 0.1;
    e.name = "Hà Nội \"quoted\" \\ / \n";
    e.paint = jt::colour::blue;
    e.grade = jt::level::high;
    e.when = dxframe::date::from_ymd(2024, 2, 29);
    e.maybe = 2.5;
    e.child = jt::inner{1.25, jt::colour::green};
    e.items = {jt::inner{-1.0, std::nullopt}, jt::inner{1e300, jt::colour::red}};
    e.scores = {{"b", 2.0}, {"a", 1.0}};
    e.palettes = {{"warm", {jt::colour::red}}, {"a/b~c", {}}};
    e.sparse = {1, std::nullopt, 3};
    e.defaulted = 9;
    return e;
}

const dxframe::diagnostic* find_diag(const std::vector<dxframe::diagnostic>& ds, dxframe::diagnostic_code code,
                                     const std::string& path) {
    for (const auto& d : ds) {
        if (d.code == code && d.path == path) return &d;
    }
    return nullptr;
}

// Reads `text` into T and returns the context (strict unless told otherwise).
template <class T>
dxframe::json_read_context read_text(const std::string& text, T& out,
                                     dxframe::strictness mode = dxframe::strictness::strict) {
    dxframe::json_read_context ctx;
    ctx.mode = mode;
    dxframe::read_json(ordered_json::parse(text), out, ctx);
    return ctx;
}

}  // namespace

TEST_CASE("traits select described public structs and described enums only", "[json]") {
    STATIC_REQUIRE(dxframe::is_generic_json_struct_v<jt::everything>);
    STATIC_REQUIRE(dxframe::is_generic_json_struct_v<dxframe::indicator>);
    STATIC_REQUIRE(dxframe::is_generic_json_struct_v<dxframe::dataset>);
    STATIC_REQUIRE_FALSE(dxframe::is_generic_json_struct_v<jt::secretive>);  // private member
    STATIC_REQUIRE_FALSE(dxframe::is_generic_json_struct_v<jt::custom>);     // opted out
    STATIC_REQUIRE_FALSE(dxframe::is_generic_json_struct_v<jt::number_or_text>);
    STATIC_REQUIRE_FALSE(dxframe::is_generic_json_struct_v<dxframe::date>);  // not described
    STATIC_REQUIRE_FALSE(dxframe::is_generic_json_struct_v<std::string>);
    STATIC_REQUIRE(dxframe::is_generic_json_enum_v<jt::colour>);
    STATIC_REQUIRE(dxframe::is_generic_json_enum_v<dxframe::pillar>);
    STATIC_REQUIRE_FALSE(dxframe::is_generic_json_enum_v<jt::raw_code>);
    STATIC_REQUIRE_FALSE(dxframe::is_generic_json_enum_v<int>);
}

TEST_CASE("enums are written and read as their enumerator names", "[json]") {
    CHECK(json(jt::colour::green) == json("green"));
    CHECK(json(jt::level::high) == json("high"));
    CHECK(json(dxframe::pillar::human_resources) == json("human_resources"));
    CHECK(json("blue").get<jt::colour>() == jt::colour::blue);
    CHECK(ordered_json("low").get<jt::level>() == jt::level::low);
    CHECK(json(dxframe::observation_status::final).get<std::string>() == "final");

    // A value with no name cannot be written.
    CHECK_THROWS_AS(json(static_cast<jt::colour>(7)), dxframe::error);
    try {
        jt::inner in{1.0, static_cast<jt::colour>(7)};
        json j = in;
        FAIL("no exception");
    } catch (const dxframe::error& e) {
        const std::string what = e.what();
        CHECK(what.find("/tint") != std::string::npos);
        CHECK(what.find("enum value 7 has no name") != std::string::npos);
        CHECK(what.find("red, green, blue") != std::string::npos);
    }

    // An unknown name, a number, or a name with a NUL after it cannot be read.
    try {
        (void)json("purple").get<jt::colour>();
        FAIL("no exception");
    } catch (const dxframe::json_error& e) {
        CHECK(e.code() == dxframe::diagnostic_code::invalid_enum_value);
        CHECK(e.path().empty());
        CHECK(e.details().message == "\"purple\" is not an allowed value; allowed: red, green, blue");
    }
    try {
        (void)json(1).get<jt::colour>();
        FAIL("no exception");
    } catch (const dxframe::json_error& e) {
        CHECK(e.code() == dxframe::diagnostic_code::type_mismatch);
    }
    CHECK_THROWS_AS(json(std::string("red\0x", 5)).get<jt::colour>(), dxframe::json_error);
    try {
        (void)json("gren").get<jt::colour>();
        FAIL("no exception");
    } catch (const dxframe::json_error& e) {
        CHECK(e.details().message ==
              "\"gren\" is not an allowed value (did you mean \"green\"?); allowed: red, green, blue");
    }
}

TEST_CASE("dates are YYYY-MM-DD strings", "[json]") {
    CHECK(json(dxframe::date::from_ymd(7, 3, 9)) == json("0007-03-09"));
    CHECK(json("2024-02-29").get<dxframe::date>() == dxframe::date::from_ymd(2024, 2, 29));
    try {
        (void)json("2023-02-29").get<dxframe::date>();
        FAIL("no exception");
    } catch (const dxframe::json_error& e) {
        CHECK(e.code() == dxframe::diagnostic_code::invalid_date);
    }
    try {
        (void)json(20240229).get<dxframe::date>();
        FAIL("no exception");
    } catch (const dxframe::json_error& e) {
        CHECK(e.code() == dxframe::diagnostic_code::type_mismatch);
    }
}

TEST_CASE("a struct with every member kind round-trips through json and ordered_json", "[json]") {
    const jt::everything e = sample_everything();
    const json j = e;
    CHECK(j.at("id") == "e1");
    CHECK(j.at("version") == 3);
    CHECK(j.at("small") == -5);
    CHECK(j.at("big").is_number_integer());
    CHECK(j.at("big").get<std::int64_t>() == -9007199254740993LL);
    CHECK(j.at("paint") == "blue");
    CHECK(j.at("grade") == "high");
    CHECK(j.at("when") == "2024-02-29");
    CHECK(j.at("child") == json{{"x", 1.25}, {"tint", "green"}});
    CHECK(j.at("items").at(0) == json{{"x", -1.0}});       // empty optional omitted
    CHECK(j.at("palettes").at("a/b~c") == json::array());  // empty containers kept by default
    CHECK(j.at("sparse") == json{1, nullptr, 3});

    const auto back = j.get<jt::everything>();
    CHECK(back.id == e.id);
    CHECK(back.version == 3);
    CHECK(back.flag);
    CHECK(back.small == -5);
    CHECK(back.count == 65535);
    CHECK(back.big == e.big);
    CHECK(back.ratio == 0.5f);
    CHECK(back.value == 0.1);
    CHECK(back.name == e.name);
    CHECK(back.paint == jt::colour::blue);
    CHECK(back.grade == jt::level::high);
    CHECK(back.when == e.when);
    CHECK(back.maybe == std::optional<double>(2.5));
    REQUIRE(back.child);
    CHECK(back.child->x == 1.25);
    CHECK(back.child->tint == std::optional<jt::colour>(jt::colour::green));
    REQUIRE(back.items.size() == 2);
    CHECK_FALSE(back.items[0].tint);
    CHECK(back.items[1].x == 1e300);
    CHECK(back.scores == e.scores);
    CHECK(back.palettes == e.palettes);
    CHECK(back.sparse == e.sparse);
    CHECK(back.defaulted == 9);

    // ordered_json keeps declaration order, bases first.
    const ordered_json oj = e;
    std::vector<std::string> keys;
    for (auto it = oj.begin(); it != oj.end(); ++it)
        keys.push_back(it.key());
    CHECK(keys == std::vector<std::string>{"id", "version", "flag", "small", "count", "big", "ratio", "value", "name",
                                           "paint", "grade", "when", "maybe", "child", "items", "scores", "palettes",
                                           "sparse", "defaulted"});
    CHECK(oj.get<jt::everything>().name == e.name);
}

TEST_CASE("to_json_text writes declaration order with the requested indentation", "[json]") {
    jt::inner in{1.5, jt::colour::red};
    CHECK(dxframe::to_json_text(in) == "{\n  \"x\": 1.5,\n  \"tint\": \"red\"\n}");
    CHECK(dxframe::to_json_text(in, -1) == R"({"x":1.5,"tint":"red"})");
    CHECK(dxframe::to_json_text(in, 4) == "{\n    \"x\": 1.5,\n    \"tint\": \"red\"\n}");
    in.tint.reset();
    CHECK(dxframe::to_json_text(in, -1) == R"({"x":1.5})");

    dxframe::text t{"Việt Nam", "Viet Nam"};
    CHECK(dxframe::to_json_text(t, -1) == "{\"vi\":\"Việt Nam\",\"en\":\"Viet Nam\"}");
    CHECK(dxframe::to_json_text(std::vector<jt::colour>{jt::colour::red, jt::colour::blue}, -1) == R"(["red","blue"])");

    // Described library structs serialise with no extra code: diagnostic omits empty line/column.
    dxframe::diagnostic d;
    d.code = dxframe::diagnostic_code::invalid_date;
    d.path = "/observations/12/date";
    d.message = "bad";
    CHECK(dxframe::to_json_text(d, -1) ==
          R"({"severity":"error","code":"invalid_date","path":"/observations/12/date","message":"bad"})");
    d.line = 3;
    CHECK(dxframe::to_json_text(d, -1) ==
          R"({"severity":"error","code":"invalid_date","path":"/observations/12/date","message":"bad","line":3})");

    // Misuse is reported, not written as null or invalid text.
    CHECK_THROWS_AS(dxframe::to_json_text(jt::inner{std::nan(""), std::nullopt}), dxframe::error);
    CHECK_THROWS_AS(dxframe::to_json_text(dxframe::text{"\xFF", ""}), dxframe::error);
}

TEST_CASE("non-finite numbers are refused on write with their path", "[json]") {
    jt::everything e = sample_everything();
    e.items[1].x = std::numeric_limits<double>::infinity();
    try {
        json j = e;
        FAIL("no exception");
    } catch (const dxframe::error& err) {
        CHECK(std::string(err.what()) == "dxframe JSON: /items/1/x: a non-finite number cannot be written");
    }
}

TEST_CASE("json_write_options can omit empty containers", "[json]") {
    jt::everything e;
    dxframe::json_write_options keep;
    const auto kept = dxframe::to_json_value<ordered_json>(e, keep);
    CHECK(kept.contains("items"));
    CHECK(kept.at("scores") == ordered_json::object());
    dxframe::json_write_options omit;
    omit.omit_empty_containers = true;
    const auto omitted = dxframe::to_json_value<ordered_json>(e, omit);
    CHECK_FALSE(omitted.contains("items"));
    CHECK_FALSE(omitted.contains("scores"));
    CHECK_FALSE(omitted.contains("palettes"));
    CHECK_FALSE(omitted.contains("sparse"));
    CHECK_FALSE(omitted.contains("maybe"));
    CHECK(omitted.contains("defaulted"));  // not a container: always written

    dxframe::json_write_options nulls;
    nulls.empty_optionals_as_null = true;
    CHECK(dxframe::to_json_value<ordered_json>(jt::inner{1.0, std::nullopt}, nulls).dump() ==
          R"({"x":1.0,"tint":null})");
    CHECK(dxframe::to_json_value<ordered_json>(jt::inner{1.0, jt::colour::red}, nulls).dump() ==
          R"({"x":1.0,"tint":"red"})");
    // …and that form reads back the same.
    CHECK_FALSE(json::parse(R"({"x":1.0,"tint":null})").get<jt::inner>().tint);

    // An engaged optional holding an empty vector is not "empty": nullopt and [] must differ.
    jt::maybe_list m;
    CHECK(dxframe::to_json_value<ordered_json>(m, omit).dump() == "{}");
    m.list.emplace();
    CHECK(dxframe::to_json_value<ordered_json>(m, omit).dump() == R"({"list":[]})");
    CHECK(json::parse(R"({"list":[]})").get<jt::maybe_list>().list.has_value());
    CHECK_FALSE(json::parse("{}").get<jt::maybe_list>().list.has_value());
}

TEST_CASE("optional members: omitted or null read as nullopt", "[json]") {
    jt::inner in{5.0, jt::colour::red};
    auto ctx = read_text(R"({"x": 2})", in);
    CHECK(ctx.diagnostics.empty());
    CHECK(in.x == 2.0);
    CHECK_FALSE(in.tint);

    in.tint = jt::colour::red;
    ctx = read_text(R"({"x": 2, "tint": null})", in);
    CHECK(ctx.diagnostics.empty());
    CHECK_FALSE(in.tint);
}

TEST_CASE("omitted members: containers and defaulted fields keep their defaults, others are required", "[json]") {
    jt::everything e;
    // Only the members that are neither optional, containers nor defaulted.
    const std::string minimal = R"({"id": "x", "flag": false, "small": 1, "count": 2, "big": 3, "ratio": 0.25,
        "value": 1, "name": "n", "paint": "red", "grade": "low", "when": "2000-01-01"})";
    auto ctx = read_text(minimal, e);
    CHECK(ctx.diagnostics.empty());
    CHECK(e.version == 0);    // defaulted in the base, via defaulted_fields<base_part>
    CHECK(e.defaulted == 7);  // defaulted_fields<everything>
    CHECK(e.items.empty());
    CHECK(e.scores.empty());
    CHECK(e.value == 1.0);

    jt::everything f;
    ctx = read_text(R"({"id": "x", "value": null})", f);
    // Every required member is reported, each with its own path, in declaration order.
    std::vector<std::string> missing;
    for (const auto& d : ctx.diagnostics) {
        CHECK(d.code == dxframe::diagnostic_code::missing_required_field);
        missing.push_back(d.path);
    }
    CHECK(missing == std::vector<std::string>{"/value", "/flag", "/small", "/count", "/big", "/ratio", "/name",
                                              "/paint", "/grade", "/when"});
    CHECK(find_diag(ctx.diagnostics, dxframe::diagnostic_code::missing_required_field, "/value")->message ==
          "required member \"value\" is null");
    CHECK(find_diag(ctx.diagnostics, dxframe::diagnostic_code::missing_required_field, "/when")->message ==
          "missing required member \"when\"");

    // null is not an empty container.
    jt::everything g;
    ctx = read_text(R"({"items": null})", g);
    CHECK(find_diag(ctx.diagnostics, dxframe::diagnostic_code::type_mismatch, "/items"));
}

TEST_CASE("integers are checked for range and integrality", "[json]") {
    struct case_t {
        const char* text;
        bool ok;
    };
    const case_t small_cases[] = {{"127", true},  {"-128", true},  {"128", false},   {"-129", false}, {"3.0", true},
                                  {"3.5", false}, {"true", false}, {"\"3\"", false}, {"1e2", true},   {"1e3", false}};
    for (const auto& c : small_cases) {
        std::int8_t v = 0;
        dxframe::json_read_context ctx;
        const bool ok = dxframe::read_json(json::parse(c.text), v, ctx);
        INFO(c.text);
        CHECK(ok == c.ok);
        if (!c.ok) {
            REQUIRE(ctx.diagnostics.size() == 1);
            CHECK(ctx.diagnostics[0].code == dxframe::diagnostic_code::type_mismatch);
        }
    }
    std::int8_t v8 = 0;
    dxframe::json_read_context c8;
    dxframe::read_json(json::parse("3.5"), v8, c8);
    CHECK(c8.diagnostics.at(0).message == "expected an integer from -128 to 127, got 3.5");

    const case_t unsigned_cases[] = {{"0", true}, {"65535", true}, {"65536", false}, {"-1", false}, {"-0.0", true}};
    for (const auto& c : unsigned_cases) {
        std::uint16_t v = 0;
        dxframe::json_read_context ctx;
        INFO(c.text);
        CHECK(dxframe::read_json(json::parse(c.text), v, ctx) == c.ok);
    }

    const case_t int64_cases[] = {{"9223372036854775807", true},
                                  {"-9223372036854775808", true},
                                  {"9223372036854775808", false},  // parsed as unsigned, one too many
                                  {"9.3e18", false},
                                  {"-9.223372036854775808e18", true},   // exactly -2^63
                                  {"9.223372036854775808e18", false}};  // exactly 2^63
    for (const auto& c : int64_cases) {
        std::int64_t v = 0;
        dxframe::json_read_context ctx;
        INFO(c.text);
        CHECK(dxframe::read_json(json::parse(c.text), v, ctx) == c.ok);
    }
    std::int64_t big = 0;
    dxframe::json_read_context cb;
    dxframe::read_json(json::parse("-9223372036854775808"), big, cb);
    CHECK(big == std::numeric_limits<std::int64_t>::min());

    std::uint64_t u = 0;
    dxframe::json_read_context cu;
    CHECK(dxframe::read_json(json::parse("18446744073709551615"), u, cu));
    CHECK(u == std::numeric_limits<std::uint64_t>::max());
    CHECK_FALSE(dxframe::read_json(json::parse("1.8446744073709551616e19"), u, cu));  // 2^64
}

TEST_CASE("floating-point members refuse non-finite values and NaN-like strings", "[json]") {
    const char* non_finite_strings[] = {"\"NaN\"",  "\"nan\"", "\"-Infinity\"", "\"Infinity\"",
                                        "\"+inf\"", "\"INF\"", "\"nan(0x1)\""};
    for (const char* text : non_finite_strings) {
        double d = 1.0;
        dxframe::json_read_context ctx;
        INFO(text);
        CHECK_FALSE(dxframe::read_json(json::parse(text), d, ctx));
        REQUIRE(ctx.diagnostics.size() == 1);
        CHECK(ctx.diagnostics[0].code == dxframe::diagnostic_code::non_finite_value);
    }
    const char* wrong_type[] = {"\"12\"", "\"\"", "\"infinite\"", "true", "null", "[]", "{}"};
    for (const char* text : wrong_type) {
        double d = 1.0;
        dxframe::json_read_context ctx;
        INFO(text);
        CHECK_FALSE(dxframe::read_json(json::parse(text), d, ctx));
        REQUIRE(ctx.diagnostics.size() == 1);
        CHECK(ctx.diagnostics[0].code == dxframe::diagnostic_code::type_mismatch);
    }
    // A tree built in code may hold a NaN or infinity; the reader still refuses it.
    double d = 0;
    dxframe::json_read_context ctx;
    CHECK_FALSE(dxframe::read_json(json(std::numeric_limits<double>::quiet_NaN()), d, ctx));
    CHECK(ctx.diagnostics.at(0).code == dxframe::diagnostic_code::non_finite_value);
    // A double that a float cannot hold.
    float f = 0;
    dxframe::json_read_context cf;
    CHECK_FALSE(dxframe::read_json(json(1e300), f, cf));
    CHECK(cf.diagnostics.at(0).code == dxframe::diagnostic_code::non_finite_value);
    // Integers are fine for doubles.
    dxframe::json_read_context ci;
    CHECK(dxframe::read_json(json(-7), d, ci));
    CHECK(d == -7.0);
}

TEST_CASE("the reader collects every problem with the JSON Pointer of the exact element", "[json]") {
    jt::everything e;
    const std::string text = R"({"id": 5, "flag": 1, "small": 1, "count": 2, "big": 3, "ratio": 0.25,
        "value": "NaN", "name": "n", "paint": "purple", "grade": "low", "when": "2024-02-30",
        "items": [{"x": 1}, {"x": 2, "tint": "grey", "shade": 1}],
        "palettes": {"a/b~c": ["red", 7]},
        "sparse": [1, null, 2.5]})";
    const auto ctx = read_text(text, e);
    using code = dxframe::diagnostic_code;
    CHECK(find_diag(ctx.diagnostics, code::type_mismatch, "/id"));
    CHECK(find_diag(ctx.diagnostics, code::type_mismatch, "/flag"));
    CHECK(find_diag(ctx.diagnostics, code::non_finite_value, "/value"));
    CHECK(find_diag(ctx.diagnostics, code::invalid_enum_value, "/paint"));
    CHECK(find_diag(ctx.diagnostics, code::invalid_date, "/when"));
    CHECK(find_diag(ctx.diagnostics, code::invalid_enum_value, "/items/1/tint"));
    CHECK(find_diag(ctx.diagnostics, code::unknown_field, "/items/1/shade"));
    CHECK(find_diag(ctx.diagnostics, code::type_mismatch, "/palettes/a~1b~0c/1"));  // RFC 6901 escaping
    CHECK(find_diag(ctx.diagnostics, code::type_mismatch, "/sparse/2"));
    CHECK(ctx.diagnostics.size() == 9);
    CHECK(ctx.error_count == 9);
    CHECK(ctx.has_errors());

    // With a base path, pointers are relative to the enclosing document.
    dxframe::observation obs;
    dxframe::json_read_context octx;
    dxframe::read_json(ordered_json::parse(R"({"entity": "VN", "indicator": "i", "date": "2024-13-01"})"), obs, octx,
                       "/observations/12");
    REQUIRE(octx.diagnostics.size() == 1);
    CHECK(octx.diagnostics[0].path == "/observations/12/date");
    CHECK(octx.diagnostics[0].code == code::invalid_date);
}

TEST_CASE("unknown members: strict error, lenient warning kept aside", "[json]") {
    const std::string text = R"({"x": 1, "tnt": "red", "extra": {"b": [1, 2], "a": "ş"}})";
    jt::inner strict_in;
    const auto strict = read_text(text, strict_in);
    REQUIRE(strict.diagnostics.size() == 2);
    CHECK(strict.diagnostics[0].severity == dxframe::severity::error);
    CHECK(strict.diagnostics[0].code == dxframe::diagnostic_code::unknown_field);
    CHECK(strict.diagnostics[0].path == "/tnt");
    CHECK(strict.diagnostics[0].message == "unknown member \"tnt\" (did you mean \"tint\"?); known members: x, tint");
    CHECK(strict.unknown_fields.empty());

    jt::inner lenient_in;
    const auto lenient = read_text(text, lenient_in, dxframe::strictness::lenient);
    REQUIRE(lenient.diagnostics.size() == 2);
    CHECK(lenient.diagnostics[1].severity == dxframe::severity::warning);
    CHECK_FALSE(lenient.has_errors());
    REQUIRE(lenient.unknown_fields.size() == 2);
    CHECK(lenient.unknown_fields[0].path == "/tnt");
    CHECK(lenient.unknown_fields[0].json == "\"red\"");
    CHECK(lenient.unknown_fields[1].path == "/extra");
    CHECK(lenient.unknown_fields[1].json == R"({"b":[1,2],"a":"ş"})");  // document order kept
    CHECK(lenient_in.x == 1.0);
}

TEST_CASE("get<T>() throws json_error for the first problem and leaves the target untouched", "[json]") {
    dxframe::indicator ind;
    ind.id = "kept";
    const json bad = json::parse(R"({"id": "i", "name": {"vi": "a", "en": "b"}, "unit": "percent",
        "direction": "up", "weight": "heavy"})");
    try {
        bad.get_to(ind);
        FAIL("no exception");
    } catch (const dxframe::json_error& e) {
        CHECK(e.code() == dxframe::diagnostic_code::invalid_enum_value);
        CHECK(e.path() == "/direction");
        CHECK(std::string(e.what()).find("/direction") != std::string::npos);
        CHECK(std::string(e.what()).find("higher_is_better, lower_is_better") != std::string::npos);
    }
    CHECK(ind.id == "kept");

    // A json_error is a dxframe::error, so callers may catch either.
    CHECK_THROWS_AS(json::parse(R"({"x": 1, "y": 2})").get<jt::inner>(), dxframe::error);
    try {
        (void)json::parse(R"({"name": {"vi": "a"}})").get<dxframe::pillar_info>();
        FAIL("no exception");
    } catch (const dxframe::json_error& e) {
        // Members are read in document order, then missing ones are checked in declaration order.
        CHECK(e.code() == dxframe::diagnostic_code::missing_required_field);
        CHECK(e.path() == "/name/en");
    }
}

TEST_CASE("types outside the generic conversion keep their own serialisers", "[json]") {
    jt::secretive s;
    s.shown = 1;
    s.set_hidden(2);
    const json j = s;
    CHECK(j == json{{"shown", 1}, {"h", 2}});
    CHECK(j.get<jt::secretive>().hidden() == 2);

    jt::holder h;
    h.c.a = 42;
    h.code = jt::raw_code::b;
    const json hj = h;
    CHECK(hj == json{{"c", "custom:42"}, {"code", 2}});
    const ordered_json ohj = h;
    CHECK(ohj.dump() == R"({"c":"custom:42","code":2})");
    const auto back = hj.get<jt::holder>();
    CHECK(back.c.a == 42);
    CHECK(back.code == jt::raw_code::b);

    // The user's serialiser failing becomes a diagnostic at the member's path.
    jt::holder bad;
    dxframe::json_read_context ctx;
    CHECK_FALSE(dxframe::read_json(json::parse(R"({"c": 5, "code": 1})"), bad, ctx));
    REQUIRE(ctx.diagnostics.size() == 1);
    CHECK(ctx.diagnostics[0].path == "/c");
    CHECK(ctx.diagnostics[0].code == dxframe::diagnostic_code::type_mismatch);
}

TEST_CASE("model types convert with no extra code", "[json]") {
    dxframe::target t;
    t.id = "t1";
    t.indicator = "i1";
    t.kind = dxframe::target_kind::within;
    t.value = 1.0;
    t.upper = 3.0;
    t.deadline = dxframe::date::from_ymd(2030, 12, 31);
    t.milestones.push_back({dxframe::date::from_ymd(2027, 1, 1), 2.0});
    const ordered_json j = t;
    CHECK(
        j.dump() ==
        R"({"id":"t1","indicator":"i1","breakdown":{},"kind":"within","value":1.0,"upper":3.0,"deadline":"2030-12-31","milestones":[{"date":"2027-01-01","value":2.0}],"manual_statuses":[]})");
    const auto back = j.get<dxframe::target>();
    CHECK(back.kind == dxframe::target_kind::within);
    CHECK(back.upper == std::optional<double>(3.0));
    CHECK_FALSE(back.tolerance);
    REQUIRE(back.milestones.size() == 1);
    CHECK(back.milestones[0].date == dxframe::date::from_ymd(2027, 1, 1));

    // defaulted_fields<node>: weight may be omitted and keeps 1.
    const auto n = json::parse(R"({"id": "n", "name": {"vi": "", "en": ""}})").get<dxframe::node>();
    CHECK(n.weight == 1.0);
    // …but indicator.unit is required.
    CHECK_THROWS_AS(json::parse(R"({"id": "i", "name": {"vi": "", "en": ""}, "direction": "lower_is_better"})")
                        .get<dxframe::indicator>(),
                    dxframe::json_error);

    std::map<std::string, dxframe::text> names{{"vi", {"Việt Nam", "Viet Nam"}}};
    const json mj = names;
    CHECK(mj == json{{"vi", {{"vi", "Việt Nam"}, {"en", "Viet Nam"}}}});
    CHECK((mj.get<std::map<std::string, dxframe::text>>() == names));
}
