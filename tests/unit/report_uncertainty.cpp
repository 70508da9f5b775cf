// SPDX-License-Identifier: MIT
// The renderings of the uncertainty and sensitivity analyses (CSV, JSON, Markdown, HTML and
// their SVG charts) on small hand-made results, and the text forms of plans and targets.
#include <cstddef>
#include <optional>
#include <regex>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include <dxframe/error.hpp>
#include <dxframe/report/sensitivity.hpp>
#include <dxframe/report/uncertainty.hpp>
#include <dxframe/uncertainty/plan_text.hpp>

#include "catch_compat.hpp"

using namespace dxframe;

namespace {

std::size_t occurrences(const std::string& text, const std::string& what) {
    std::size_t n = 0;
    for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + what.size()))
        ++n;
    return n;
}

// The values of attribute `name` of every element that starts with `start` (e.g. "<rect class=\"band\""), in order.
std::vector<double> attributes(const std::string& text, const std::string& start, const std::string& name) {
    std::vector<double> out;
    const std::regex attr(" " + name + "=\"([-0-9.]+)\"");
    for (std::size_t at = text.find(start); at != std::string::npos; at = text.find(start, at + 1)) {
        const std::string element = text.substr(at, text.find('>', at) - at);
        std::smatch m;
        if (std::regex_search(element, m, attr)) out.push_back(std::stod(m[1].str()));
    }
    return out;
}

// The data-unit (or data-input) values of the elements starting with `start`, in order.
std::vector<std::string> data_values(const std::string& text, const std::string& start, const std::string& name) {
    std::vector<std::string> out;
    for (std::size_t at = text.find(start); at != std::string::npos; at = text.find(start, at + 1)) {
        const std::size_t v = text.find(name + "=\"", at);
        const std::size_t b = v + name.size() + 2;
        out.push_back(text.substr(b, text.find('"', b) - b));
    }
    return out;
}

rank_summary rank(std::string unit, std::optional<std::size_t> nominal, std::optional<double> mean,
                  std::optional<double> median, std::optional<double> q5, std::optional<double> q95) {
    rank_summary k;
    k.unit = std::move(unit);
    k.nominal = nominal;
    k.mean = mean;
    k.median = median;
    k.q5 = q5;
    k.q95 = q95;
    return k;
}

// Three units in input order A, B, C: B is nominally first, A second, C has no rank at all.
uncertainty_result small_uncertainty() {
    uncertainty_result r;
    r.seed = 7;
    r.runs = 200;
    r.succeeded = 198;
    r.failed = 2;
    uncertain_input w;
    w.name = "weights level 2";
    w.kind = uncertain_input_kind::weights;
    w.levels = {2};
    w.weights = 8;
    w.dimension = 8;
    uncertain_input a;
    a.name = "aggregator";
    a.kind = uncertain_input_kind::aggregator;
    a.alternatives = 2;
    a.dimension = 1;
    r.inputs = {w, a};
    r.normalisers = {normalisation{}};
    r.aggregators = {aggregation_method{}, aggregation_method{aggregation::geometric, 1.0}};
    r.ranks = {rank("A", 2, 2.125, 2.0, 1.0, 3.0), rank("B", 1, 1.5, 1.5, 1.0, 2.0),
               rank("C", std::nullopt, std::nullopt, std::nullopt, std::nullopt, std::nullopt)};
    return r;
}

sobol_index sobol(std::string input, std::optional<double> si, std::optional<double> si5, std::optional<double> si95,
                  std::optional<double> st, std::optional<double> st5, std::optional<double> st95) {
    sobol_index i;
    i.input = std::move(input);
    i.first_order = si;
    i.first_order_q5 = si5;
    i.first_order_q95 = si95;
    i.total = st;
    i.total_q5 = st5;
    i.total_q95 = st95;
    return i;
}

// Two inputs: the first with both indices and intervals, the second with a total index that is
// undefined and no interval for it.
sensitivity_result small_sensitivity() {
    sensitivity_result r;
    r.seed = 3;
    r.runs = 400;
    r.target = sensitivity_target::unit_rank;
    r.unit = "AUT";
    uncertain_input w;
    w.name = "weights";
    w.weights = 12;
    uncertain_input n;
    n.name = "normaliser";
    n.kind = uncertain_input_kind::normaliser;
    n.alternatives = 2;
    r.inputs = {w, n};
    r.normalisers = {normalisation{}, normalisation{normaliser::zscore, 0, 100, 10, 2, std::nullopt}};
    r.aggregators = {aggregation_method{}};
    r.sobol.base_runs = 100;
    r.sobol.rows_used = 100;
    r.sobol.bootstrap = 500;
    r.sobol.mean = 2.5;
    r.sobol.variance = 1.25;
    r.sobol.indices = {sobol("weights", 0.2, 0.1, 0.3, 0.5, 0.4, 0.6),
                       sobol("normaliser", 0.05, -0.02, 0.1, std::nullopt, std::nullopt, std::nullopt)};
    return r;
}

}  // namespace

TEST_CASE("uncertainty CSV and Markdown keep the tool's formats", "[report][uncertainty]") {
    uncertainty_result r = small_uncertainty();
    CHECK(uncertainty_csv(r) ==
          "uCode,Nominal,Mean,Median,Q5,Q95\n"
          "A,2,2.125,2,1,3\n"
          "B,1,1.5,1.5,1,2\n"
          "C,,,,,\n");
    CHECK(uncertainty_markdown(r) ==
          "# Uncertainty analysis\n\n"
          "Inputs: weights level 2, aggregator. Replications: 200 (2 failed), seed 7.\n\n"
          "| Unit | Nominal | Mean | Median | Q5 | Q95 |\n|---|---:|---:|---:|---:|---:|\n"
          "| A | 2 | 2.125 | 2 | 1 | 3 |\n"
          "| B | 1 | 1.5 | 1.5 | 1 | 2 |\n"
          "| C | \u2014 | \u2014 | \u2014 | \u2014 | \u2014 |\n");
    CHECK(uncertainty_markdown(r, language::vi).find("| Đơn vị | Danh nghĩa |") != std::string::npos);

    score_summary s;
    s.unit = "A";
    s.nominal = 0.1;
    r.scores = {s, s, s};
    const std::string csv = uncertainty_csv(r);
    CHECK(csv.rfind("uCode,Nominal,Mean,Median,Q5,Q95,Score_Nominal,Score_Mean,Score_Median,Score_Q5,Score_Q95\n", 0) ==
          0);
    CHECK(csv.find("A,2,2.125,2,1,3,0.10000000000000001,,,,\n") != std::string::npos);

    const auto doc = nlohmann::json::parse(uncertainty_json(r));
    CHECK(doc.at("runs") == 200);
    CHECK(doc.at("ranks").at(1).at("unit") == "B");
}

TEST_CASE("rank intervals: one band per unit in nominal-rank order, marks where the numbers say",
          "[report][uncertainty]") {
    const uncertainty_result r = small_uncertainty();
    CHECK(nominal_rank_order(r.ranks) == std::vector<std::size_t>{1, 0, 2});

    const std::string svg = svg_rank_intervals(r.ranks, {}, language::en, 1000);
    CHECK(data_values(svg, "<g class=\"unit-row\"", "data-unit") == std::vector<std::string>{"B", "A", "C"});
    // Plot area x from 300 to 984 (width 684); three rank slots of 228, rank r at 300 + (r - 0.5) * 228.
    CHECK(attributes(svg, "<rect class=\"band\"", "x") == std::vector<double>{414, 414});
    CHECK(attributes(svg, "<rect class=\"band\"", "width") == std::vector<double>{228, 456});
    CHECK(attributes(svg, "<line class=\"median\"", "x1") == std::vector<double>{528, 642});
    CHECK(occurrences(svg, "<path class=\"nominal\" d=\"M414 ") == 1);  // B: nominal 1
    CHECK(occurrences(svg, "<path class=\"nominal\" d=\"M642 ") == 1);  // A: nominal 2
    // C has no statistics: no band, no marks, the missing mark instead.
    const std::string c_row = svg.substr(svg.find("data-unit=\"C\""));
    CHECK(c_row.find("class=\"band\"") == std::string::npos);
    CHECK(c_row.find("class=\"median\"") == std::string::npos);
    CHECK(c_row.find("class=\"nominal\"") == std::string::npos);
    CHECK(c_row.find("<text class=\"missing\"") != std::string::npos);

    // A rank that never moves still draws a band (4 wide, centred on the rank).
    std::vector<rank_summary> still = {rank("X", 1, 1.0, 1.0, 1.0, 1.0), rank("Y", 2, 2.0, 2.0, 2.0, 2.0)};
    const std::string s2 = svg_rank_intervals(still, {"Ex", "Y"}, language::en, 1000);
    CHECK(attributes(s2, "<rect class=\"band\"", "width") == std::vector<double>{4, 4});
    CHECK(s2.find(">X \u00b7 Ex<") != std::string::npos);  // a name that says more than the id
    CHECK(s2.find("Y \u00b7 Y") == std::string::npos);

    // For a phone: the ids only, and the same order and marks on a narrower axis (x 94..342).
    const std::string phone = svg_rank_intervals(r.ranks, {"Alpha", "Beta", "Gamma"}, language::en, 350);
    CHECK(phone.find("class=\"chart rank-intervals compact\"") != std::string::npos);
    CHECK(data_values(phone, "<g class=\"unit-row\"", "data-unit") == std::vector<std::string>{"B", "A", "C"});
    CHECK(phone.find(">A</text>") != std::string::npos);  // the name only in the tooltip
    CHECK(phone.find(">A \u00b7 Alpha</text>") == std::string::npos);
    CHECK(attributes(phone, "<rect class=\"band\"", "x") == std::vector<double>{135.33, 135.33});
    CHECK(attributes(phone, "<rect class=\"band\"", "width") == std::vector<double>{82.67, 165.33});
}

TEST_CASE("uncertainty HTML page: chart, table in chart order, one missing mark, settings", "[report][uncertainty]") {
    const uncertainty_result r = small_uncertainty();
    analysis_report_options o;
    o.unit_names = {"Alpha", "Beta <b>", "Gamma"};
    const std::string h = uncertainty_html(r, o);
    CHECK(h.rfind("<!DOCTYPE html>", 0) == 0);
    CHECK(h.find("<script") == std::string::npos);
    CHECK(h.find("Beta &lt;b&gt;") != std::string::npos);
    CHECK(h.find("Beta <b>") == std::string::npos);
    // The chart twice: wide, and narrow for a phone (the style sheet shows the one that fits).
    CHECK(occurrences(h, "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart rank-intervals wide\"") == 1);
    CHECK(occurrences(h, "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart rank-intervals compact\"") == 1);
    CHECK(occurrences(h, "<g class=\"unit-row\"") == 6);
    CHECK(data_values(h, "<tr class=\"unit-line\"", "data-unit") == std::vector<std::string>{"B", "A", "C"});
    // One number style: ranks with one decimal, missing as the mark, never "nan" or "n/a".
    CHECK(h.find("<td class=\"n\">2.0</td><td class=\"n\">2.1</td><td class=\"n\">1.0</td><td class=\"n\">3.0</td>") !=
          std::string::npos);
    const std::string c_line = h.substr(h.find("<tr class=\"unit-line\" data-unit=\"C\""));
    CHECK(occurrences(c_line.substr(0, c_line.find("</tr>")), "\u2014") == 5);
    CHECK(h.find("n/a") == std::string::npos);
    CHECK(h.find("nan") == std::string::npos);
    // The settings: replications, failures, seed, inputs with what they vary.
    CHECK(h.find("data-runs=\"200\">200 (2 failed)") != std::string::npos);
    CHECK(h.find("<dd class=\"seed\">7</dd>") != std::string::npos);
    CHECK(h.find("<li>weights level 2 (8 weights perturbed)</li>") != std::string::npos);
    CHECK(h.find("<li>aggregator (2 alternatives: arithmetic, geometric)</li>") != std::string::npos);

    o.lang = language::vi;
    const std::string v = uncertainty_html(r, o);
    CHECK(v.find("<html lang=\"vi\">") != std::string::npos);
    CHECK(v.find("Phân tích độ bất định") != std::string::npos);
    CHECK(v.find("Uncertainty analysis") == std::string::npos);
}

TEST_CASE("sensitivity CSV and Markdown keep the tool's formats", "[report][sensitivity]") {
    const sensitivity_result r = small_sensitivity();
    CHECK(sensitivity_csv(r) ==
          "Input,Si,Si_Q5,Si_Q95,STi,STi_Q5,STi_Q95\n"
          "weights,0.20000000000000001,0.10000000000000001,0.29999999999999999,0.5,0.40000000000000002,"
          "0.59999999999999998\n"
          "normaliser,0.050000000000000003,-0.02,0.10000000000000001,,,\n");
    CHECK(sensitivity_markdown(r) ==
          "# Sensitivity analysis\n\n"
          "Target: rank of AUT. N = 100, 400 replications (0 failed), 100 design rows used, seed 3. Target mean 2.5, "
          "variance 1.25. Intervals: 5th-95th percentile over 500 bootstrap resamples.\n\n"
          "| Input | Si | Si 5% | Si 95% | STi | STi 5% | STi 95% |\n|---|---:|---:|---:|---:|---:|---:|\n"
          "| weights | 0.2 | 0.1 | 0.3 | 0.5 | 0.4 | 0.6 |\n"
          "| normaliser | 0.05 | -0.02 | 0.1 | \u2014 | \u2014 | \u2014 |\n");
    CHECK(sensitivity_json(r).find("\"target\": \"unit_rank\"") != std::string::npos);
}

TEST_CASE("Sobol chart: one Si and one STi bar per input, whiskers on the intervals", "[report][sensitivity]") {
    const sensitivity_result r = small_sensitivity();
    const std::string svg = svg_sobol_indices(r.sobol, language::en, 1000);
    CHECK(data_values(svg, "<g class=\"input-row\"", "data-input") ==
          std::vector<std::string>{"weights", "normaliser"});
    // Axis from -0.2 to 0.6 (steps of 0.2) over x 232..980: x(v) = 232 + (v + 0.2) / 0.8 * 748, zero at 419.
    CHECK(attributes(svg, "<rect class=\"si", "x") == std::vector<double>{419, 419});
    CHECK(attributes(svg, "<rect class=\"si", "width") == std::vector<double>{187, 46.75});
    CHECK(attributes(svg, "<rect class=\"sti", "width") == std::vector<double>{467.5, 0});
    CHECK(occurrences(svg, "<rect class=\"sti missing\"") == 1);
    CHECK(occurrences(svg, "<text class=\"missing\"") == 1);
    // Whiskers: both of "weights", the Si one of "normaliser"; none for the undefined STi.
    CHECK(occurrences(svg, "<g class=\"whisker\" data-of=\"si\">") == 2);
    CHECK(occurrences(svg, "<g class=\"whisker\" data-of=\"sti\">") == 1);
    CHECK(attributes(svg, "<line class=\"whisker-line\"", "x1") == std::vector<double>{512.5, 793, 400.3});
    CHECK(attributes(svg, "<line class=\"whisker-line\"", "x2") == std::vector<double>{699.5, 980, 512.5});
    const std::string phone = svg_sobol_indices(r.sobol, language::en, 350);
    CHECK(phone.find("class=\"chart sobol-indices compact\"") != std::string::npos);
    CHECK(occurrences(phone, "<rect class=\"si") == 2);
    CHECK(occurrences(phone, "<g class=\"whisker\"") == 3);
}

TEST_CASE("sensitivity HTML page: how to read, table, settings, languages", "[report][sensitivity]") {
    const sensitivity_result r = small_sensitivity();
    const std::string h = sensitivity_html(r);
    CHECK(h.find("variance due to the input alone") != std::string::npos);
    CHECK(h.find("includes its interactions") != std::string::npos);
    CHECK(h.find("<tr class=\"input-line\" data-input=\"weights\"><td>weights</td><td class=\"n\">0.200</td>") !=
          std::string::npos);
    CHECK(h.find("<td class=\"n\">-0.020</td>") != std::string::npos);
    CHECK(h.find("rank of AUT") != std::string::npos);
    CHECK(h.find("<li>normaliser (2 alternatives: minmax, zscore)</li>") != std::string::npos);
    CHECK(h.find("<script") == std::string::npos);
    analysis_report_options o;
    o.lang = language::vi;
    const std::string v = sensitivity_html(r, o);
    CHECK(v.find("Phân tích độ nhạy") != std::string::npos);
    CHECK(v.find("hạng của AUT") != std::string::npos);
}

TEST_CASE("weight noise, uncertain plans and sensitivity targets as text", "[uncertainty][plan]") {
    const auto noise = parse_weight_noise("2:0.25,1:0");
    REQUIRE(noise.size() == 2);
    CHECK(noise[0] == level_noise{2, 0.25});
    CHECK(noise[1] == level_noise{1, 0.0});
    CHECK_THROWS_AS(parse_weight_noise("2"), error);
    CHECK_THROWS_AS(parse_weight_noise("0:0.1"), error);
    CHECK_THROWS_AS(parse_weight_noise("1.5:0.1"), error);
    CHECK_THROWS_AS(parse_weight_noise("2:1.5"), error);
    CHECK_THROWS_AS(parse_weight_noise("2:0.1,2:0.2"), error);
    CHECK_THROWS_AS(parse_weight_noise("2: 0.1"), error);
    CHECK_THROWS_AS(parse_weight_noise(""), error);

    uncertainty_plan plan;
    CHECK_FALSE(has_uncertain_input(plan));
    plan.normalise_alternatives = {normalisation{}};
    CHECK_FALSE(has_uncertain_input(plan));  // one alternative only replaces the default
    plan.aggregate_alternatives = {aggregation_method{}, aggregation_method{aggregation::geometric, 1.0}};
    CHECK(has_uncertain_input(plan));
    plan.aggregate_alternatives.clear();
    plan.weight_noise = {level_noise{}};
    CHECK(has_uncertain_input(plan));

    CHECK(parse_sensitivity_target("mean-rank-shift").target == sensitivity_target::mean_rank_shift);
    const auto t = parse_sensitivity_target("score:VNM");
    CHECK(t.target == sensitivity_target::unit_score);
    CHECK(t.unit == "VNM");
    CHECK(parse_sensitivity_target("rank:A:B").unit == "A:B");
    CHECK_THROWS_AS(parse_sensitivity_target("rank:"), error);
    CHECK_THROWS_AS(parse_sensitivity_target("median"), error);
}
