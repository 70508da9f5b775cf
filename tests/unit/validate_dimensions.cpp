// SPDX-License-Identifier: MIT
// Dimensions and breakdowns (issue 14, item 1): what validation says about the dimensions an
// indicator lists, the breakdowns of observations and targets, parts of a count that add up
// to more than their total, and repeated figures of one breakdown.
#include <string>
#include <vector>

#include <dxframe/io/dataset_json.hpp>
#include <dxframe/validate.hpp>

#include "catch_compat.hpp"

using namespace dxframe;

namespace {

dataset sample() {
    auto loaded = load_dataset_file(std::string(DXFRAME_TEST_DATA_DIR) + "/progress/breakdowns.json");
    REQUIRE(loaded.data);
    REQUIRE(loaded.diagnostics.empty());
    return *loaded.data;
}

std::vector<diagnostic> problems(const dataset& ds) {
    validate_options o;
    o.report_missing_sources = false;
    return validate(ds, o);
}

std::vector<diagnostic> of_code(const dataset& ds, diagnostic_code code) {
    std::vector<diagnostic> out;
    for (const auto& x : problems(ds)) {
        if (x.code == code) out.push_back(x);
    }
    return out;
}

observation trained(double value, breakdown b) {
    observation o;
    o.entity = "vn";
    o.indicator = "hr_trained";
    o.date = *date::parse("2024-12-31");
    o.value = value;
    o.breakdown = std::move(b);
    return o;
}

}  // namespace

TEST_CASE("a dataset with dimensions and breakdowns validates clean", "[validate][dimensions]") {
    CHECK(problems(sample()).empty());
}

TEST_CASE("a breakdown by a dimension the indicator does not list is unknown_dimension", "[validate][dimensions]") {
    dataset ds = sample();
    ds.observations.edit(4)->breakdown = {{"area", "rural"}, {"sex", "female"}};  // the share is split by sex only
    const auto found = of_code(ds, diagnostic_code::unknown_dimension);
    REQUIRE(found.size() == 1);
    CHECK(found[0].path == "/observations/4/breakdown/area");
    CHECK(found[0].severity == severity::error);
    CHECK(found[0].message.find("'sex'") != std::string::npos);  // names the dimensions it has
}

TEST_CASE("a code its dimension does not have is unknown_dimension_code", "[validate][dimensions]") {
    dataset ds = sample();
    ds.observations.edit(8)->breakdown = {{"sex", "femal"}};
    ds.framework.targets[1].breakdown = {{"sex", "women"}};
    const auto found = of_code(ds, diagnostic_code::unknown_dimension_code);
    REQUIRE(found.size() == 2);
    CHECK(found[0].path == "/framework/targets/1/breakdown/sex");
    CHECK(found[1].path == "/observations/8/breakdown/sex");
    CHECK(found[1].message.find("'femal'") != std::string::npos);
}

TEST_CASE("a target's breakdown is checked like an observation's", "[validate][dimensions]") {
    dataset ds = sample();
    ds.framework.targets[2].breakdown = {{"age", "15-24"}};
    const auto found = of_code(ds, diagnostic_code::unknown_dimension);
    REQUIRE(found.size() == 1);
    CHECK(found[0].path == "/framework/targets/2/breakdown/age");
    CHECK(found[0].message.find("target 'trained_total'") != std::string::npos);
}

TEST_CASE("dimension declarations: undeclared, repeated dimensions and codes", "[validate][dimensions]") {
    dataset ds = sample();
    ds.framework.indicators[0].dimensions = {"sex", "age", "sex"};
    ds.framework.dimensions.push_back(ds.framework.dimensions[0]);                    // "sex" again
    ds.framework.dimensions[1].codes.push_back(ds.framework.dimensions[1].codes[0]);  // "urban" again
    std::vector<std::pair<diagnostic_code, std::string>> got;
    for (const auto& x : problems(ds)) {
        if (x.code == diagnostic_code::duplicate_id || x.code == diagnostic_code::unknown_reference)
            got.emplace_back(x.code, x.path);
    }
    const std::vector<std::pair<diagnostic_code, std::string>> expected{
        {diagnostic_code::duplicate_id, "/framework/dimensions/1/codes/2/id"},
        {diagnostic_code::duplicate_id, "/framework/dimensions/2/id"},
        {diagnostic_code::unknown_reference, "/framework/indicators/0/dimensions/1"},
        {diagnostic_code::duplicate_id, "/framework/indicators/0/dimensions/2"},
    };
    CHECK(got == expected);
}

TEST_CASE("counts: parts that add up to more than their total are breakdown_exceeds_total", "[validate][dimensions]") {
    dataset ds = sample();
    // Headline 1 200 000; female 650 000 + male 550 000 = the total exactly: clean.
    CHECK(of_code(ds, diagnostic_code::breakdown_exceeds_total).empty());
    // Male 550 001 crosses the headline by one.
    ds.observations.edit(9)->value = 550001;
    auto found = of_code(ds, diagnostic_code::breakdown_exceeds_total);
    REQUIRE(found.size() == 1);
    CHECK(found[0].path == "/observations/9/value");
    CHECK(found[0].message.find("/observations/7") != std::string::npos);
    CHECK(found[0].message.find("'sex'") != std::string::npos);
    // Within the relative tolerance (1e-9 of 1.2e6 = 0.0012): not reported.
    ds.observations.edit(9)->value = 550000.001;
    CHECK(of_code(ds, diagnostic_code::breakdown_exceeds_total).empty());
    // A second level: rural + urban women against the women's total, reported at the crossing part.
    ds = sample();
    ds.observations.edit(11)->value = 250001;
    // A repeat of a part (here a conflicting one) is not added twice.
    ds.observations.push_back(trained(250001, {{"sex", "female"}, {"area", "urban"}}));
    found = of_code(ds, diagnostic_code::breakdown_exceeds_total);
    REQUIRE(found.size() == 1);
    CHECK(found[0].path == "/observations/11/value");
    CHECK(found[0].message.find("(sex=female)") != std::string::npos);
    CHECK(found[0].message.find("'area'") != std::string::npos);
}

TEST_CASE("percent shares of a breakdown are not summed", "[validate][dimensions]") {
    // Female 35% and male 85% "add up" to 120%, more than the headline 60%: shares are not parts.
    const dataset ds = sample();
    CHECK(ds.framework.indicators[1].unit == unit::percent);
    CHECK(of_code(ds, diagnostic_code::breakdown_exceeds_total).empty());
}

TEST_CASE("repeated figures are compared within one breakdown", "[validate][dimensions]") {
    dataset ds = sample();
    // Another female figure for the same date: a conflict, and the message names the breakdown.
    ds.observations.push_back(trained(640000, {{"sex", "female"}}));
    auto found = of_code(ds, diagnostic_code::conflicting_observations);
    REQUIRE(found.size() == 1);
    CHECK(found[0].path == "/observations/12/value");
    CHECK(found[0].message.find("/observations/8") != std::string::npos);
    CHECK(found[0].message.find("breakdown (sex=female)") != std::string::npos);
    // The headline and each breakdown are different series: none of the sample's figures conflict.
    CHECK(of_code(sample(), diagnostic_code::conflicting_observations).empty());
    CHECK(of_code(sample(), diagnostic_code::duplicate_observation).empty());
    // The same value twice in one breakdown is a duplicate.
    ds = sample();
    ds.observations.push_back(trained(650000, {{"sex", "female"}}));
    found = of_code(ds, diagnostic_code::duplicate_observation);
    REQUIRE(found.size() == 1);
    CHECK(found[0].path == "/observations/12");
}

TEST_CASE("breakdowns survive save and load, and documents without them are unchanged", "[validate][dimensions][io]") {
    const dataset ds = sample();
    const std::string saved = save_dataset(ds);
    CHECK(saved.find("\"breakdown\": {\n") != std::string::npos);
    CHECK(saved.find("\"dimensions\": [") != std::string::npos);
    auto back = load_dataset(saved);
    REQUIRE(back.data);
    CHECK(back.diagnostics.empty());
    CHECK(back.data->observations[10].breakdown == breakdown{{"area", "rural"}, {"sex", "female"}});
    CHECK(back.data->framework.targets[1].breakdown == breakdown{{"sex", "female"}});
    CHECK(back.data->framework.dimensions.size() == 2);
    CHECK(back.data->framework.indicators[0].dimensions == std::vector<std::string>{"sex", "area"});
    CHECK(save_dataset(*back.data) == saved);
    // Headline-only members are omitted, so older documents round-trip byte for byte.
    dataset plain = ds;
    plain.framework.dimensions.clear();
    for (auto& ind : plain.framework.indicators)
        ind.dimensions.clear();
    for (auto& t : plain.framework.targets)
        t.breakdown.clear();
    for (std::size_t i = 0; i < plain.observations.size(); ++i)
        plain.observations.edit(i)->breakdown.clear();
    const std::string plain_text = save_dataset(plain);
    CHECK(plain_text.find("\"breakdown\"") == std::string::npos);
    CHECK(plain_text.find("\"dimensions\"") == std::string::npos);
}

TEST_CASE("the loader reads breakdowns and reports bad ones with their path", "[validate][dimensions][io]") {
    const std::string head = R"({"format": "dxframe/1", "framework": {"id": "f", "name": {"vi": "f", "en": "f"},
        "nation": "vn", "indicators": [{"id": "i", "name": {"vi": "i", "en": "i"}, "unit": "count",
        "direction": "higher_is_better"}]}, "entities": [{"id": "vn", "name": {"vi": "vn", "en": "vn"}, "level": "nation"}],
        "observations": [{"entity": "vn", "indicator": "i", "date": "2024-12-31", "value": 1},
        {"entity": "vn", "indicator": "i", "date": "2024-12-31", "value": 2, )";
    const auto load = [&](const std::string& breakdown_json) { return load_dataset(head + breakdown_json + "}]}"); };

    auto ok = load(R"("breakdown": {"sex": "female", "area": "rural"})");
    INFO((ok.diagnostics.empty() ? std::string() : ok.diagnostics[0].path + ": " + ok.diagnostics[0].message));
    REQUIRE(ok.data);
    CHECK(ok.data->observations[0].breakdown.empty());  // the fast path: a headline record
    CHECK(ok.data->observations[1].breakdown == breakdown{{"area", "rural"}, {"sex", "female"}});
    CHECK(ok.data->observations[1].value == 2.0);

    auto empty = load(R"("breakdown": {})");
    REQUIRE(empty.data);
    CHECK(is_headline(empty.data->observations[1].breakdown));

    auto not_object = load(R"("breakdown": "female")");
    CHECK_FALSE(not_object.data);
    REQUIRE_FALSE(not_object.diagnostics.empty());
    CHECK(not_object.diagnostics[0].code == diagnostic_code::type_mismatch);
    CHECK(not_object.diagnostics[0].path == "/observations/1/breakdown");

    auto not_string = load(R"("breakdown": {"sex": 1})");
    CHECK_FALSE(not_string.data);
    REQUIRE_FALSE(not_string.diagnostics.empty());
    CHECK(not_string.diagnostics[0].code == diagnostic_code::type_mismatch);
    CHECK(not_string.diagnostics[0].path == "/observations/1/breakdown/sex");
}

TEST_CASE("breakdown_text names the dimensions in id order", "[validate][dimensions]") {
    CHECK(breakdown_text({}).empty());
    CHECK(breakdown_text({{"sex", "female"}, {"area", "rural"}}) == "area=rural, sex=female");
    CHECK(is_headline(breakdown{}));
    CHECK_FALSE(is_headline(breakdown{{"sex", "male"}}));
}
