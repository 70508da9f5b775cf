// SPDX-License-Identifier: MIT
// Loading and saving `dxframe/1` documents: every diagnostic code with its exact path, strict
// and lenient modes, limits, duplicate keys, syntax-error positions, the byte order mark, and
// agreement of schema/dxframe.schema.json with the C++ model.
#include <dxframe/io/dataset_json.hpp>

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <type_traits>
#include <vector>

#include <boost/describe/enumerators.hpp>
#include <boost/describe/members.hpp>
#include <boost/mp11/algorithm.hpp>
#include <nlohmann/json.hpp>

#include <dxframe/io/detail/utf8.hpp>
#include <dxframe/io/file.hpp>
#include <dxframe/model.hpp>

#include "catch_compat.hpp"
#include "member_traits.hpp"

using dxframe::diagnostic_code;
using dxframe::load_dataset;
using dxframe::severity;

namespace {

const std::string data_dir = DXFRAME_TEST_DATA_DIR;

// The smallest valid document: the framework's three required members.
const std::string minimal_framework =
    R"("framework": {"id": "f", "name": {"vi": "Khung", "en": "Framework"}, "nation": "VN"})";

std::string doc(const std::string& rest = {}) {
    return R"({"format": "dxframe/1", )" + minimal_framework + (rest.empty() ? "" : ", " + rest) + "}";
}

std::string errors_of(const dxframe::load_result& r) {
    std::string out;
    for (const auto& d : r.diagnostics)
        out += dxframe::to_json_text(d, -1) + "\n";
    return out;
}

// The only diagnostic of `r`, which must be an error with this code and path.
const dxframe::diagnostic& only_error(const dxframe::load_result& r, diagnostic_code code, const std::string& path) {
    INFO(errors_of(r));
    REQUIRE(r.diagnostics.size() == 1);
    const auto& d = r.diagnostics.front();
    CHECK(d.severity == severity::error);
    CHECK(d.code == code);
    CHECK(d.path == path);
    CHECK_FALSE(r.ok());
    CHECK_FALSE(r.data.has_value());
    return d;
}

bool has(const dxframe::load_result& r, diagnostic_code code, const std::string& path) {
    for (const auto& d : r.diagnostics) {
        if (d.code == code && d.path == path) return true;
    }
    return false;
}

dxframe::load_options lenient() {
    dxframe::load_options o;
    o.mode = dxframe::strictness::lenient;
    return o;
}

}  // namespace

TEST_CASE("the sample document loads with every field and saves back byte for byte", "[dataset_io]") {
    const std::string text = dxframe::read_file(data_dir + "/io/sample.json");
    const auto r = load_dataset(text);
    INFO(errors_of(r));
    REQUIRE(r.ok());
    CHECK(r.diagnostics.empty());
    const dxframe::dataset& ds = *r.data;
    CHECK(ds.framework.id == "vn-dx-sample");
    CHECK(ds.framework.name.vi == "Khung chuyển đổi số mẫu");
    REQUIRE(ds.framework.pillars.size() == 1);
    CHECK(ds.framework.pillars[0].id == dxframe::pillar::digital_government);
    REQUIRE(ds.framework.nodes.size() == 2);
    CHECK_FALSE(ds.framework.nodes[0].parent);
    CHECK(ds.framework.nodes[1].aggregation ==
          std::optional<dxframe::aggregation>(dxframe::aggregation::generalised_mean));
    CHECK(ds.framework.nodes[1].aggregation_parameter == std::optional<double>(0.5));
    REQUIRE(ds.framework.indicators.size() == 2);
    CHECK(ds.framework.indicators[0].unit == dxframe::unit::percent);
    CHECK(ds.framework.indicators[0].maximum == std::optional<double>(100.0));
    CHECK(ds.framework.indicators[0].weight == 2.5);
    CHECK(ds.framework.indicators[1].direction == dxframe::direction::lower_is_better);
    CHECK_FALSE(ds.framework.indicators[1].pillar);
    REQUIRE(ds.framework.targets.size() == 2);
    const auto& t = ds.framework.targets[0];
    CHECK(t.deadline == dxframe::date::from_ymd(2025, 12, 31));
    REQUIRE(t.baseline);
    CHECK(t.baseline->value == 30.5);
    REQUIRE(t.milestones.size() == 1);
    CHECK(t.milestones[0].value == 60.0);
    REQUIRE(t.source);
    CHECK(t.source->confidence == std::optional<dxframe::confidence_level>(dxframe::confidence_level::verified));
    CHECK(t.method == std::optional<dxframe::progress_method>(dxframe::progress_method::growth_ratio));
    REQUIRE(t.thresholds);
    CHECK(t.thresholds->on_track == 0.9);
    CHECK(t.thresholds->needs_acceleration == 0.5);
    REQUIRE(t.no_target_thresholds);
    CHECK(t.no_target_thresholds->on_track == 0.02);
    REQUIRE(t.manual_statuses.size() == 1);
    CHECK(t.manual_statuses[0].entity == std::optional<std::string>("HN"));
    CHECK(t.manual_statuses[0].status == dxframe::target_status::on_track);
    CHECK(t.manual_statuses[0].date == dxframe::date::from_ymd(2024, 6, 30));
    CHECK(t.manual_statuses[0].reason.en == "Department's Q2 report");
    REQUIRE(t.manual_statuses[0].source);
    CHECK_FALSE(ds.framework.targets[1].method);
    CHECK(ds.framework.targets[1].manual_statuses.empty());
    CHECK(ds.framework.targets[1].kind == dxframe::target_kind::within);
    CHECK(ds.framework.targets[1].tolerance == std::optional<double>(0.25));
    REQUIRE(ds.framework.tasks.size() == 1);
    CHECK(ds.framework.tasks[0].status == dxframe::task_status::done);
    CHECK(ds.framework.tasks[0].completed == std::optional<dxframe::date>(dxframe::date::from_ymd(2024, 5, 15)));
    CHECK(ds.framework.tasks[0].targets == std::vector<std::string>{"t-online-2025"});
    REQUIRE(ds.entities.size() == 4);
    CHECK(ds.entities[1].groups ==
          std::map<std::string, std::string>{{"region", "Đồng bằng sông Hồng"}, {"type", "centrally-run city"}});
    CHECK(ds.entities[3].successor_of == std::vector<std::string>{"HG"});
    CHECK(ds.entities[3].effective == std::optional<dxframe::date>(dxframe::date::from_ymd(2025, 7, 1)));
    REQUIRE(ds.observations.size() == 2);
    CHECK(ds.observations[0].value == std::optional<double>(55.25));
    CHECK(ds.observations[1].numerator == std::optional<double>(60.0));
    CHECK(ds.observations[1].denominator == std::optional<double>(63.0));
    CHECK(ds.observations[1].status == dxframe::observation_status::provisional);

    CHECK(dxframe::save_dataset(ds) == text);
}

TEST_CASE("save_dataset writes the canonical form", "[dataset_io]") {
    dxframe::dataset ds;
    ds.framework.id = "f";
    ds.framework.name = {"Khung", "Framework"};
    ds.framework.nation = "VN";
    dxframe::observation o;
    o.entity = "VN";
    o.indicator = "i";
    o.date = dxframe::date::from_ymd(2024, 1, 31);
    o.value = 0.1;  // shortest round-trip form, not 0.10000000000000001
    ds.observations.push_back(o);
    o.value = 1e-7;
    o.status = dxframe::observation_status::provisional;
    ds.observations.push_back(o);
    const std::string expected = R"({
  "format": "dxframe/1",
  "framework": {
    "id": "f",
    "name": {
      "vi": "Khung",
      "en": "Framework"
    },
    "nation": "VN"
  },
  "observations": [
    {
      "entity": "VN",
      "indicator": "i",
      "date": "2024-01-31",
      "value": 0.1,
      "status": "final"
    },
    {
      "entity": "VN",
      "indicator": "i",
      "date": "2024-01-31",
      "value": 1e-07,
      "status": "provisional"
    }
  ]
}
)";
    const std::string text = dxframe::save_dataset(ds);
    CHECK(text == expected);
    const auto r = load_dataset(text);
    REQUIRE(r.ok());
    CHECK(r.data->observations[1].value == std::optional<double>(1e-7));
    CHECK(dxframe::save_dataset(*r.data) == text);

    // Values the model forbids are refused rather than written as null or as a number.
    dxframe::dataset bad = ds;
    bad.observations.edit(0)->value = std::nan("");
    CHECK_THROWS_AS(dxframe::save_dataset(bad), dxframe::error);
    bad = ds;
    bad.observations.edit(1)->status = static_cast<dxframe::observation_status>(9);
    try {
        (void)dxframe::save_dataset(bad);
        FAIL("no exception");
    } catch (const dxframe::error& e) {
        CHECK(std::string(e.what()).find("/observations/1/status") != std::string::npos);
    }
    bad = ds;
    bad.framework.name.vi = "\xC3";  // truncated UTF-8
    CHECK_THROWS_AS(dxframe::save_dataset(bad), dxframe::error);
}

TEST_CASE("each invalid fixture is rejected with one diagnostic at the exact element", "[dataset_io]") {
    struct fixture {
        const char* file;
        diagnostic_code code;
        const char* path;
    };
    const fixture fixtures[] = {
        {"missing_required_field", diagnostic_code::missing_required_field, "/framework/indicators/0/unit"},
        {"unknown_field", diagnostic_code::unknown_field, "/observations/0/colour"},
        {"invalid_enum_value", diagnostic_code::invalid_enum_value, "/entities/0/level"},
        {"invalid_date", diagnostic_code::invalid_date, "/observations/0/date"},
        {"unsupported_format", diagnostic_code::unsupported_format, "/format"},
        {"missing_format", diagnostic_code::unsupported_format, "/format"},
        {"null_required", diagnostic_code::missing_required_field, "/framework/targets/0/deadline"},
        {"type_mismatch", diagnostic_code::type_mismatch, "/observations/0/value"},
    };
    // Every file in the directory has an expectation (schema_check.py checks the same files).
    std::set<std::string> on_disk;
    for (const auto& entry : std::filesystem::directory_iterator(data_dir + "/io/invalid")) {
        on_disk.insert(entry.path().stem().string());
    }
    CHECK(on_disk.size() == std::size(fixtures));
    for (const auto& f : fixtures) {
        INFO(f.file);
        CHECK(on_disk.count(f.file) == 1);
        const auto r = dxframe::load_dataset_file(data_dir + "/io/invalid/" + f.file + ".json");
        only_error(r, f.code, f.path);
    }
}

TEST_CASE("every reader diagnostic code is reported at its exact path, all in one pass", "[dataset_io]") {
    // Twelve good observations, then a bad date at index 12, then more problems.
    std::string observations;
    for (int i = 0; i < 12; ++i) {
        observations +=
            R"({"entity": "VN", "indicator": "i", "date": "2024-01-01", "value": )" + std::to_string(i) + "},";
    }
    observations += R"({"entity": "VN", "indicator": "i", "date": "2024-02-30", "value": 1},)";
    observations += R"({"entity": "VN", "indicator": "i", "date": "2024-01-01", "value": "NaN", "status": "draft"},)";
    observations +=
        R"({"entity": 7, "indicator": "i", "date": "2024-01-01", "numerator": 1e400, "denominator": -1e999})";
    const std::string text = R"({"format": "dxframe/1",
  "framework": {"id": "f", "name": {"vi": "Khung"}, "nation": "VN",
    "nodes": [{"id": "n", "name": {"vi": "", "en": ""}, "weight": "1", "aggregaton": "median"}]},
  "observations": [)" + observations +
                             "]}";
    const auto r = load_dataset(text);
    INFO(errors_of(r));
    CHECK_FALSE(r.ok());
    CHECK(has(r, diagnostic_code::missing_required_field, "/framework/name/en"));
    CHECK(has(r, diagnostic_code::type_mismatch, "/framework/nodes/0/weight"));
    CHECK(has(r, diagnostic_code::unknown_field, "/framework/nodes/0/aggregaton"));
    CHECK(has(r, diagnostic_code::invalid_date, "/observations/12/date"));
    CHECK(has(r, diagnostic_code::non_finite_value, "/observations/13/value"));
    CHECK(has(r, diagnostic_code::invalid_enum_value, "/observations/13/status"));
    CHECK(has(r, diagnostic_code::type_mismatch, "/observations/14/entity"));
    CHECK(has(r, diagnostic_code::non_finite_value, "/observations/14/numerator"));
    CHECK(has(r, diagnostic_code::non_finite_value, "/observations/14/denominator"));
    CHECK(r.diagnostics.size() == 9);
    for (const auto& d : r.diagnostics)
        CHECK(d.severity == severity::error);

    for (const auto& d : r.diagnostics) {
        if (d.path == "/observations/13/status") {
            CHECK(d.message == "\"draft\" is not an allowed value; allowed: final, provisional");
        }
        if (d.path == "/framework/nodes/0/aggregaton") {
            CHECK(d.message.find("did you mean \"aggregation\"") != std::string::npos);
        }
        if (d.path == "/observations/14/numerator") {
            // Overflowing numbers are found by the parser, which knows where they are.
            REQUIRE(d.line);
            CHECK(*d.line == 4);
            const std::string line4 = text.substr(text.find("\n  \"observations\"") + 1);
            const auto column = line4.find("1e400");
            CHECK(*d.column == column + 1);  // the line is ASCII, so columns are bytes + 1
            CHECK(d.message == "the number 1e400 is beyond the range of a double");
        }
    }
}

TEST_CASE("syntax errors give line and column, counted in characters", "[dataset_io]") {
    const auto r1 = load_dataset("{\n  \"format\": \"dxframe/1\",\n  \"framework\": {\"id\": \"f\",}\n}");
    const auto& d1 = only_error(r1, diagnostic_code::invalid_json, "/framework/id");
    CHECK(d1.line == std::optional<std::size_t>(3));
    CHECK(d1.column == std::optional<std::size_t>(27));  // the '}' after the dangling comma
    CHECK(d1.message ==
          "invalid JSON at line 3, column 27: syntax error while parsing object key - unexpected '}'; expected string "
          "literal");

    // "ệ" is three bytes but one column.
    const auto r2 = load_dataset(R"({"vi": "Việt Nam",})");
    const auto& d2 = only_error(r2, diagnostic_code::invalid_json, "/vi");
    CHECK(d2.line == std::optional<std::size_t>(1));
    CHECK(d2.column == std::optional<std::size_t>(19));

    // Truncated text: the position just after the end.
    const auto r3 = load_dataset("{\"format\": \"dxframe/1\"");
    CHECK(only_error(r3, diagnostic_code::invalid_json, "/format").column == std::optional<std::size_t>(23));
    const auto r4 = load_dataset("");
    CHECK(only_error(r4, diagnostic_code::invalid_json, "").column == std::optional<std::size_t>(1));
    // Trailing content, comments and NaN literals are not JSON.
    only_error(load_dataset(doc() + " x"), diagnostic_code::invalid_json, "");
    only_error(load_dataset(doc() + " // note"), diagnostic_code::invalid_json, "");
    CHECK(
        load_dataset(doc(R"("observations": [{"entity": "VN", "indicator": "i", "date": "2024-01-01", "value": NaN}])"))
            .diagnostics.at(0)
            .code == diagnostic_code::invalid_json);
    // CRLF line ends count as one line each.
    // (The path of a syntax error is where the reader was: here after the member "format".)
    const auto r5 = load_dataset("{\r\n\"format\": \"dxframe/1\",\r\n]");
    CHECK(only_error(r5, diagnostic_code::invalid_json, "/format").line == std::optional<std::size_t>(3));
}

TEST_CASE("invalid UTF-8 is invalid JSON with its position, and messages stay valid UTF-8", "[dataset_io]") {
    const std::string text =
        "{\"format\": \"dxframe/1\", \"x\": \"a\xFF"
        "b\"}";
    const auto r = load_dataset(text);
    const auto& d = only_error(r, diagnostic_code::invalid_json, "/x");
    CHECK(d.line == std::optional<std::size_t>(1));
    CHECK(d.column == std::optional<std::size_t>(32));
    CHECK(d.message.find("ill-formed UTF-8") != std::string::npos);
    CHECK(dxframe::detail::is_valid_utf8(d.message));
    CHECK(d.message.find("\\xFF") != std::string::npos);
    // A sequence cut short is reported at its lead byte, not at the byte that ended it.
    const auto cut = load_dataset("{\"format\": \"dxframe/1\", \"x\": \"a\xE1\xBB\"}");
    const auto& c = only_error(cut, diagnostic_code::invalid_json, "/x");
    CHECK(c.column == std::optional<std::size_t>(32));
    // An overlong encoding of '/' and a lone surrogate (CESU) are refused too.
    CHECK(load_dataset(doc(std::string(R"("entities": [{"id": ")") + "\xC0\xAF" +
                           R"(", "name": {"vi": "", "en": ""}, "level": "other"}])"))
              .diagnostics.at(0)
              .code == diagnostic_code::invalid_json);
    CHECK(load_dataset(doc(std::string(R"("entities": [{"id": ")") + "\xED\xA0\x80" +
                           R"(", "name": {"vi": "", "en": ""}, "level": "other"}])"))
              .diagnostics.at(0)
              .code == diagnostic_code::invalid_json);
    // The diagnostics serialise as JSON (nlohmann refuses invalid UTF-8 when dumping).
    CHECK_NOTHROW(dxframe::to_json_text(r.diagnostics));
}

TEST_CASE("a byte order mark is an error in strict mode and a skipped warning in lenient mode", "[dataset_io]") {
    const std::string text = "\xEF\xBB\xBF" + doc();
    const auto strict = load_dataset(text);
    const auto& d = only_error(strict, diagnostic_code::invalid_json, "");
    CHECK(d.line == std::optional<std::size_t>(1));
    CHECK(d.column == std::optional<std::size_t>(1));

    const auto loose = load_dataset(text, lenient());
    REQUIRE(loose.ok());
    REQUIRE(loose.diagnostics.size() == 1);
    CHECK(loose.diagnostics[0].severity == severity::warning);
    CHECK(loose.diagnostics[0].code == diagnostic_code::invalid_json);
    CHECK(loose.data->framework.id == "f");

    // Positions after a BOM are still positions in the text as given.
    const auto after = load_dataset("\xEF\xBB\xBF{]", lenient());
    REQUIRE(after.diagnostics.size() == 2);
    CHECK(after.diagnostics[1].code == diagnostic_code::invalid_json);
    CHECK(after.diagnostics[1].column == std::optional<std::size_t>(3));
}

TEST_CASE("the format tag is required, and reading stops at a foreign one", "[dataset_io]") {
    only_error(load_dataset(R"({"format": 1, "framework": 5})"), diagnostic_code::unsupported_format, "/format");
    const auto foreign = load_dataset(R"({"format": "dxframe/2", "framework": 5})");
    const auto& d = only_error(foreign, diagnostic_code::unsupported_format, "/format");
    CHECK(d.message == "format \"dxframe/2\" is not supported; expected \"dxframe/1\"");
    only_error(load_dataset(R"({"framework": 5})"), diagnostic_code::unsupported_format, "/format");
    only_error(load_dataset(R"([{"format": "dxframe/1"}])"), diagnostic_code::type_mismatch, "");
    only_error(load_dataset(R"("dxframe/1")"), diagnostic_code::type_mismatch, "");
    // The framework is required; entities and observations may be left out.
    only_error(load_dataset(R"({"format": "dxframe/1"})"), diagnostic_code::missing_required_field, "/framework");
    const auto ok = load_dataset(doc());
    REQUIRE(ok.ok());
    CHECK(ok.data->entities.empty());
    CHECK(ok.data->observations.empty());
}

TEST_CASE("the path of a repeated key survives deeper nesting (found by fuzzing)", "[dataset_io]") {
    // The repeated key lives in its parser frame; opening five more levels moves the frames. A
    // syntax error down there then reads the path through the repeated key: it used to read
    // freed memory (ASan: heap-use-after-free in current_path).
    const auto r = load_dataset(R"({"format": "dxframe/1", "x": 1, "x": {"b": {"c": {"d": {"e": [1, }}}}})");
    INFO(errors_of(r));
    REQUIRE(r.diagnostics.size() == 2);
    CHECK(r.diagnostics[0].code == diagnostic_code::duplicate_key);
    CHECK(r.diagnostics[0].path == "/x");
    CHECK(r.diagnostics[1].code == diagnostic_code::invalid_json);
    CHECK(r.diagnostics[1].path.rfind("/x/b/c/d/e", 0) == 0);
    CHECK_FALSE(r.data);
}

TEST_CASE("duplicate keys are errors with the path of the repeated key", "[dataset_io]") {
    const auto r =
        load_dataset(R"({"format": "dxframe/1", "framework": {"id": "a", "id": "b", "name": {"vi": "", "en": ""},
        "nation": "VN"}, "entities": [{"id": "VN", "name": {"vi": "", "en": "", "en": ""}, "level": "nation"}]})");
    INFO(errors_of(r));
    REQUIRE(r.diagnostics.size() == 2);
    CHECK(r.diagnostics[0].code == diagnostic_code::duplicate_key);
    CHECK(r.diagnostics[0].path == "/framework/id");
    CHECK(r.diagnostics[0].message == "key \"id\" appears more than once in the same object");
    CHECK(r.diagnostics[1].code == diagnostic_code::duplicate_key);
    CHECK(r.diagnostics[1].path == "/entities/0/name/en");
    CHECK_FALSE(r.data);
    // Also in lenient mode: a duplicate is ambiguous, not merely unknown.
    CHECK_FALSE(
        load_dataset(R"({"format": "dxframe/1", "format": "dxframe/1", )" + minimal_framework + "}", lenient()).ok());
    // Large objects switch to a hash index of their keys; duplicates are still found, before
    // and after the switch (key k3 repeated as the 33rd and the 41st member).
    std::string groups;
    for (int i = 0; i < 40; ++i) {
        groups += "\"k" + std::to_string(i == 32 ? 3 : i) + "\": \"v\", ";
    }
    groups += R"("k3": "again")";
    const auto big = load_dataset(doc(R"("entities": [{"id": "VN", "name": {"vi": "", "en": ""}, "level": "nation",
        "groups": {)" + groups + "}}]"));
    INFO(errors_of(big));
    REQUIRE(big.diagnostics.size() == 2);
    CHECK(big.diagnostics[0].path == "/entities/0/groups/k3");
    CHECK(big.diagnostics[1].path == "/entities/0/groups/k3");
    CHECK(big.diagnostics[1].code == diagnostic_code::duplicate_key);
    // Without the repeats, all 41 distinct keys load.
    std::string distinct;
    for (int i = 0; i < 41; ++i)
        distinct += std::string(i ? ", " : "") + "\"k" + std::to_string(i) + "\": \"v\"";
    const auto fine = load_dataset(doc(R"("entities": [{"id": "VN", "name": {"vi": "", "en": ""}, "level": "nation",
        "groups": {)" + distinct + "}}]"));
    REQUIRE(fine.ok());
    CHECK(fine.data->entities.at(0).groups.size() == 41);
    // Equal keys in different objects are fine.
    CHECK(load_dataset(doc(R"("entities": [{"id": "A", "name": {"vi": "", "en": ""}, "level": "nation"},
        {"id": "B", "name": {"vi": "", "en": ""}, "level": "province"}])"))
              .ok());
}

TEST_CASE("strict mode refuses unknown members: lenient mode keeps them aside", "[dataset_io]") {
    const std::string text = doc(R"("entities": [{"id": "VN", "name": {"vi": "", "en": ""}, "level": "nation",
        "colour": "red", "meta": {"z": 1, "a": [true, null]}}])");
    const auto strict = load_dataset(text);
    CHECK_FALSE(strict.ok());
    CHECK(strict.diagnostics.size() == 2);
    CHECK(has(strict, diagnostic_code::unknown_field, "/entities/0/colour"));
    CHECK(has(strict, diagnostic_code::unknown_field, "/entities/0/meta"));
    CHECK(strict.unknown_fields.empty());

    const auto loose = load_dataset(text, lenient());
    REQUIRE(loose.ok());
    CHECK(loose.diagnostics.size() == 2);
    for (const auto& d : loose.diagnostics)
        CHECK(d.severity == severity::warning);
    REQUIRE(loose.unknown_fields.size() == 2);
    CHECK(loose.unknown_fields[0].path == "/entities/0/colour");
    CHECK(loose.unknown_fields[0].json == "\"red\"");
    CHECK(loose.unknown_fields[1].path == "/entities/0/meta");
    CHECK(loose.unknown_fields[1].json == R"({"z":1,"a":[true,null]})");
    CHECK(loose.data->entities.at(0).level == dxframe::entity_level::nation);

    // Lenient mode relaxes nothing else.
    const auto still_bad =
        load_dataset(doc(R"("entities": [{"id": "VN", "name": {"vi": "", "en": ""}, "level": "land"}])"), lenient());
    only_error(still_bad, diagnostic_code::invalid_enum_value, "/entities/0/level");
}

TEST_CASE("limits: document size, depth, string length and value count", "[dataset_io]") {
    const std::string text = doc();  // 8 values, 3 levels deep
    dxframe::load_options o;

    o.limits.max_document_bytes = text.size();
    CHECK(load_dataset(text, o).ok());
    o.limits.max_document_bytes = text.size() - 1;
    only_error(load_dataset(text, o), diagnostic_code::limit_exceeded, "");

    o = {};
    o.limits.max_depth = 3;
    CHECK(load_dataset(text, o).ok());
    o.limits.max_depth = 2;
    const auto too_deep = load_dataset(text, o);
    const auto& depth = only_error(too_deep, diagnostic_code::limit_exceeded, "/framework/name");
    CHECK(depth.message ==
          "nesting deeper than the limit of 2; raise load_limits::max_depth (command line: --max-depth)");

    o = {};
    o.limits.max_elements = 8;
    CHECK(load_dataset(text, o).ok());
    o.limits.max_elements = 7;
    only_error(load_dataset(text, o), diagnostic_code::limit_exceeded, "/framework/nation");

    o = {};
    o.limits.max_string_length = 9;  // "dxframe/1" and "framework" are 9 bytes
    CHECK(load_dataset(text, o).ok());
    o.limits.max_string_length = 8;
    only_error(load_dataset(text, o), diagnostic_code::limit_exceeded, "/format");
    o.limits.max_string_length = 12;  // "observations" is 12 bytes
    only_error(load_dataset(doc(R"("observations": [{"entity": "0123456789abc"}])"), o),
               diagnostic_code::limit_exceeded, "/observations/0/entity");
    only_error(load_dataset(doc(R"("observations": [{"entity_longer": 1}])"), o), diagnostic_code::limit_exceeded,
               "/observations/0/entity_longer");
    // Lengths are in bytes: "Hà Nội" is 6 characters and 9 bytes, "Hà Nội!" 10 bytes.
    o.limits.max_string_length = 9;
    CHECK(load_dataset(R"({"format": "dxframe/1", "framework": {"id": "Hà Nội"}})", o).diagnostics.at(0).code ==
          diagnostic_code::missing_required_field);
    only_error(load_dataset(R"({"format": "dxframe/1", "framework": {"id": "Hà Nội!"}})", o),
               diagnostic_code::limit_exceeded, "/framework/id");
}

TEST_CASE("deeply nested input never overflows the stack", "[dataset_io]") {
    const std::size_t n = 1'000'000;
    const std::string arrays = std::string(n, '[') + std::string(n, ']');
    const auto r = load_dataset(arrays);
    REQUIRE(r.diagnostics.size() == 1);
    CHECK(r.diagnostics[0].code == diagnostic_code::limit_exceeded);
    CHECK(r.diagnostics[0].message ==
          "nesting deeper than the limit of 64; raise load_limits::max_depth (command line: --max-depth)");

    // Even when the caller lifts the limit, nesting is capped (the tree is dumped recursively).
    dxframe::load_options o;
    o.limits.max_depth = static_cast<std::size_t>(-1);
    const auto capped = load_dataset(arrays, o);
    REQUIRE(capped.diagnostics.size() == 1);
    CHECK(capped.diagnostics[0].message == "nesting deeper than the limit of 1000; no deeper nesting is read");

    std::string objects;
    for (std::size_t i = 0; i < 100'000; ++i)
        objects += "{\"a\":";
    objects += "1" + std::string(100'000, '}');
    CHECK(load_dataset(objects).diagnostics.at(0).code == diagnostic_code::limit_exceeded);

    // Unclosed nesting within the limit is a syntax error, not a crash.
    CHECK(load_dataset(std::string(50, '[')).diagnostics.at(0).code == diagnostic_code::invalid_json);
}

TEST_CASE("overflowing numbers are all reported, up to a bound", "[dataset_io]") {
    std::string values;
    for (int i = 0; i < 150; ++i)
        values += std::string(i ? "," : "") + "1e999";
    const auto r = load_dataset(doc(R"("observations": [)" + values + "]"));
    // 100 are patched and parsing continues; the 101st stops it.
    std::size_t non_finite = 0;
    for (const auto& d : r.diagnostics)
        non_finite += d.code == diagnostic_code::non_finite_value ? 1 : 0;
    CHECK(non_finite == 101);
    CHECK(r.diagnostics.size() == 101);
    CHECK(r.diagnostics[100].path == "/observations/100");
    CHECK_FALSE(r.ok());
}

TEST_CASE("any error means no data, however small", "[dataset_io]") {
    std::string observations;
    for (int i = 0; i < 200; ++i) {
        observations += std::string(i ? "," : "") +
                        R"({"entity": "VN", "indicator": "i", "date": "2024-01-01", "value": )" +
                        (i == 137 ? std::string("true") : std::to_string(i)) + "}";
    }
    const auto r = load_dataset(doc(R"("observations": [)" + observations + "]"));
    only_error(r, diagnostic_code::type_mismatch, "/observations/137/value");
    CHECK(r.unknown_fields.empty());
}

TEST_CASE("load_dataset_file reads files and throws io_error only for unreadable ones", "[dataset_io]") {
    const auto r = dxframe::load_dataset_file(data_dir + "/io/sample.json");
    REQUIRE(r.ok());
    CHECK(r.data->framework.id == "vn-dx-sample");

    try {
        (void)dxframe::load_dataset_file(data_dir + "/io/no-such-file.json");
        FAIL("no exception");
    } catch (const dxframe::io_error& e) {
        CHECK(e.path() == data_dir + "/io/no-such-file.json");
    }
    CHECK_THROWS_AS(dxframe::load_dataset_file(data_dir + "/io"), dxframe::io_error);

    dxframe::load_options o;
    o.limits.max_document_bytes = 100;
    const auto big = dxframe::load_dataset_file(data_dir + "/io/sample.json", o);
    only_error(big, diagnostic_code::limit_exceeded, "");
}

// ---------------------------------------------------------------------------------------------
// The schema file must describe exactly the model: for every struct reachable from dataset, the
// same member names, the same required members (by the loader's rule, computed here
// independently), and the JSON type each member's C++ type maps to; for every enum, the same
// names in the same order.

namespace schema_agreement {

using nlohmann::json;

using dxframe_test::is_map;
using dxframe_test::is_opt;
using dxframe_test::is_table;
using dxframe_test::is_vec;

// Schema names of the model's types; a new model type without one here fails to compile.
template <class T>
const char* name_of();
#define DXFRAME_SCHEMA_NAME(T)          \
    template <>                         \
    const char* name_of<dxframe::T>() { \
        return #T;                      \
    }
DXFRAME_SCHEMA_NAME(text)
DXFRAME_SCHEMA_NAME(pillar_info)
DXFRAME_SCHEMA_NAME(source)
DXFRAME_SCHEMA_NAME(node)
DXFRAME_SCHEMA_NAME(indicator)
DXFRAME_SCHEMA_NAME(baseline)
DXFRAME_SCHEMA_NAME(milestone)
DXFRAME_SCHEMA_NAME(target)
DXFRAME_SCHEMA_NAME(task)
DXFRAME_SCHEMA_NAME(framework)
DXFRAME_SCHEMA_NAME(entity)
DXFRAME_SCHEMA_NAME(observation)
DXFRAME_SCHEMA_NAME(pillar)
DXFRAME_SCHEMA_NAME(confidence_level)
DXFRAME_SCHEMA_NAME(aggregation)
DXFRAME_SCHEMA_NAME(unit)
DXFRAME_SCHEMA_NAME(direction)
DXFRAME_SCHEMA_NAME(target_kind)
DXFRAME_SCHEMA_NAME(task_status)
DXFRAME_SCHEMA_NAME(entity_level)
DXFRAME_SCHEMA_NAME(observation_status)
DXFRAME_SCHEMA_NAME(progress_method)
DXFRAME_SCHEMA_NAME(target_status)
DXFRAME_SCHEMA_NAME(status_thresholds)
DXFRAME_SCHEMA_NAME(growth_thresholds)
DXFRAME_SCHEMA_NAME(manual_status)
DXFRAME_SCHEMA_NAME(dimension)
DXFRAME_SCHEMA_NAME(dimension_code)
DXFRAME_SCHEMA_NAME(derivation)
DXFRAME_SCHEMA_NAME(count_condition)
DXFRAME_SCHEMA_NAME(derivation_kind)
DXFRAME_SCHEMA_NAME(comparison)
#undef DXFRAME_SCHEMA_NAME

json ref(const std::string& name) {
    return json{{"$ref", "#/$defs/" + name}};
}

struct checker {
    const json& defs;
    std::set<std::string> visited;

    template <class M>
    json expected() {
        if constexpr (is_opt<M>::value) {
            return json{{"anyOf", json::array({expected<typename M::value_type>(), json{{"type", "null"}}})}};
        } else if constexpr (is_vec<M>::value || is_table<M>::value) {
            return json{{"type", "array"}, {"items", expected<typename M::value_type>()}};
        } else if constexpr (is_map<M>::value) {
            return json{{"type", "object"}, {"additionalProperties", expected<typename M::mapped_type>()}};
        } else if constexpr (std::is_same<M, std::string>::value) {
            return json{{"type", "string"}};
        } else if constexpr (std::is_same<M, double>::value) {
            return json{{"type", "number"}};
        } else if constexpr (std::is_same<M, bool>::value) {
            return json{{"type", "boolean"}};
        } else if constexpr (std::is_integral<M>::value) {
            return json{{"type", "integer"}};
        } else if constexpr (std::is_same<M, dxframe::date>::value) {
            return ref("date");
        } else if constexpr (std::is_enum<M>::value) {
            check_enum<M>();
            return ref(name_of<M>());
        } else {
            check_struct<M>();
            return ref(name_of<M>());
        }
    }

    template <class E>
    void check_enum() {
        const std::string name = name_of<E>();
        if (!visited.insert(name).second) return;
        INFO("enum " << name);
        REQUIRE(defs.contains(name));
        json names = json::array();
        boost::mp11::mp_for_each<boost::describe::describe_enumerators<E>>([&](auto D) { names.push_back(D.name); });
        CHECK(defs.at(name).at("enum") == names);
        CHECK(defs.at(name).at("type") == "string");
    }

    template <class S>
    void check_struct() {
        const std::string name = name_of<S>();
        if (!visited.insert(name).second) return;
        INFO("struct " << name);
        REQUIRE(defs.contains(name));
        const json& def = defs.at(name);
        CHECK(def.at("type") == "object");
        CHECK(def.at("additionalProperties") == false);
        std::set<std::string> properties;
        for (auto it = def.at("properties").begin(); it != def.at("properties").end(); ++it)
            properties.insert(it.key());
        std::set<std::string> members;
        std::set<std::string> required;
        boost::mp11::mp_for_each<boost::describe::describe_members<S, boost::describe::mod_public>>([&](auto D) {
            using M = std::remove_cv_t<std::remove_reference_t<decltype(std::declval<S&>().*D.pointer)>>;
            members.insert(D.name);
            // The loader's rule: optionals, vectors, maps and defaulted_fields may be omitted.
            if (!is_opt<M>::value && !is_vec<M>::value && !is_table<M>::value && !is_map<M>::value &&
                !dxframe::is_defaulted_field<S>(D.name)) {
                required.insert(D.name);
            }
            INFO("member " << D.name);
            if (def.at("properties").contains(D.name)) {
                json actual = def.at("properties").at(D.name);
                actual.erase("description");
                if (name + "." + D.name == "observation.out_of") {
                    // A double the schema narrows to a positive integer (a ranking's size).
                    CHECK(actual.at("anyOf").at(0) == json{{"type", "integer"}, {"minimum", 1}});
                    actual["anyOf"][0] = json{{"type", "number"}};
                }
                CHECK(actual == expected<M>());
            }
        });
        CHECK(properties == members);
        std::set<std::string> schema_required;
        for (const auto& r : def.at("required"))
            schema_required.insert(r.get<std::string>());
        CHECK(schema_required == required);
    }
};

}  // namespace schema_agreement

TEST_CASE("schema agrees with the model", "[dataset_io][schema]") {
    using nlohmann::json;
    const json schema = json::parse(dxframe::read_file(data_dir + "/../../schema/dxframe.schema.json"));
    CHECK(schema.at("$schema") == "https://json-schema.org/draft/2020-12/schema");
    const json& defs = schema.at("$defs");

    // The document: format + the members of dataset.
    CHECK(schema.at("type") == "object");
    CHECK(schema.at("additionalProperties") == false);
    CHECK(schema.at("properties").at("format").at("const") == dxframe::format_tag);
    CHECK(schema.at("required") == json::array({"format", "framework"}));

    schema_agreement::checker c{defs, {}};
    std::set<std::string> document_members{"format"};
    boost::mp11::mp_for_each<boost::describe::describe_members<dxframe::dataset, boost::describe::mod_public>>(
        [&](auto D) {
            using M = std::remove_cv_t<std::remove_reference_t<decltype(std::declval<dxframe::dataset&>().*D.pointer)>>;
            document_members.insert(D.name);
            json actual = schema.at("properties").at(D.name);
            actual.erase("description");
            CHECK(actual == c.expected<M>());
        });
    std::set<std::string> properties;
    for (auto it = schema.at("properties").begin(); it != schema.at("properties").end(); ++it)
        properties.insert(it.key());
    CHECK(properties == document_members);

    // No definition is left over from a removed type; the date is the one non-described type.
    std::set<std::string> defined;
    for (auto it = defs.begin(); it != defs.end(); ++it)
        defined.insert(it.key());
    c.visited.insert("date");
    CHECK(defined == c.visited);
    CHECK(defs.at("date").at("pattern") == "^[0-9]{4}-[0-9]{2}-[0-9]{2}$");
}
