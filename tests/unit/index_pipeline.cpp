// SPDX-License-Identifier: MIT
// The whole pipeline (index/pipeline.hpp): every intermediate table equals what the library's
// steps give one by one; the final index on ASEM with denomination, imputation and treatment
// equals the base-R port of COINr (coinr-expected/pipeline_asem.csv, pipeline_reference.R); the
// panel's scores are index_panel's; a dxframe/1 dataset of provinces runs the same way; bad
// input is a diagnostic naming it.
#include <dxframe/error.hpp>
#include <dxframe/index/compute.hpp>
#include <dxframe/index/dataset_tables.hpp>
#include <dxframe/index/denominate.hpp>
#include <dxframe/index/impute.hpp>
#include <dxframe/index/panel.hpp>
#include <dxframe/index/pipeline.hpp>
#include <dxframe/index/treat.hpp>
#include <dxframe/io/dataset_json.hpp>
#include <dxframe/report/format.hpp>
#include <dxframe/report/pipeline.hpp>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <limits>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "catch_compat.hpp"
#include "index_pipeline_support.hpp"

namespace {

namespace px = pipeline_expected;

std::vector<std::string> indicator_ids(const dxframe::index_tree& tree) {
    std::vector<std::string> ids;
    for (const auto& ind : tree.indicators())
        ids.push_back(ind.id);
    return ids;
}

dxframe::pipeline_spec full_spec(const std::string& impute) {
    dxframe::pipeline_spec spec;
    std::vector<std::string> args{impute};
    auto parsed = dxframe::parse_imputation_spec(args);
    REQUIRE(parsed.ok());
    spec.impute = *parsed.spec;
    spec.treat = dxframe::treat_spec{};
    return spec;
}

// (scenario, uCode) -> (Index, Rank) of pipeline_asem.csv.
std::map<std::pair<std::string, std::string>, std::pair<std::optional<double>, std::optional<double>>> expected() {
    const auto t = px::table("pipeline_asem.csv");
    std::map<std::pair<std::string, std::string>, std::pair<std::optional<double>, std::optional<double>>> out;
    for (const auto& row : t.rows)
        out[{row[0], row[1]}] = {px::number(row[2]), px::number(row[3])};
    return out;
}

void check_index(const dxframe::pipeline_result& r, const std::string& scenario) {
    const auto e = expected();
    const auto index = r.index.index_values();
    REQUIRE(index.size() == 51);
    for (std::size_t u = 0; u < r.units.size(); ++u) {
        INFO(scenario << " " << r.units[u]);
        const auto it = e.find({scenario, r.units[u]});
        REQUIRE(it != e.end());
        CHECK(px::close(index[u], it->second.first));
        REQUIRE(r.index.ranks[u].has_value());
        CHECK(static_cast<double>(*r.index.ranks[u]) == *it->second.second);
    }
}

dxframe::dataset provinces() {
    auto r = dxframe::load_dataset(px::read_text(px::data_path("index/provinces_pipeline.json")));
    REQUIRE(r.data);
    return std::move(*r.data);
}

}  // namespace

TEST_CASE("pipeline on ASEM: each table is the step's own result, in COINr's order", "[index][pipeline]") {
    const auto data = px::asem();
    dxframe::pipeline_spec spec = full_spec("mean_group:GDP_group");
    spec.denominate.enabled = true;
    const auto r = dxframe::run_pipeline(data, spec);
    REQUIRE(r.ok());
    CHECK(r.raw == data.values);

    const auto d = dxframe::denominate(data);
    CHECK(r.denominated == d.values);
    REQUIRE(r.denomination.size() == data.tree.indicator_count());

    const auto ids = indicator_ids(data.tree);
    dxframe::imputation_input in;
    in.values = &d.values;
    in.indicator_ids = &ids;
    in.units = &data.units;
    in.groups = &data.groups;
    const auto imp = dxframe::impute(in, spec.impute);
    CHECK(r.imputed == imp.values);
    std::size_t filled = 0;
    for (const auto& c : r.imputed_by_indicator)
        filled += c.filled;
    CHECK(filled > 0);

    const auto tr = dxframe::treat_outliers(imp.values, ids, data.units, *spec.treat);
    CHECK(r.treated == tr.values);
    REQUIRE(r.treatment.size() == ids.size());
    CHECK(r.treatment[0].indicator == ids[0]);

    const auto idx = dxframe::compute_index(data.tree, tr.values, data.units, spec.index);
    CHECK(r.index.normalised == idx.normalised);
    CHECK(r.index.aggregates == idx.aggregates);
    CHECK(r.index.ranks == idx.ranks);
    CHECK(&dxframe::pipeline_table(r, dxframe::pipeline_stage::normalised) == &r.index.normalised);
    CHECK(dxframe::parse_pipeline_stage("treated") == dxframe::pipeline_stage::treated);
    CHECK_FALSE(dxframe::parse_pipeline_stage("Treated"));
}

TEST_CASE("pipeline keeps only the tables asked for, with the same results", "[index][pipeline]") {
    const auto data = px::asem();
    dxframe::pipeline_spec spec = full_spec("mean_group:GDP_group");
    spec.denominate.enabled = true;
    const auto all = dxframe::run_pipeline(data, spec);
    REQUIRE(all.ok());
    for (const auto stage : {dxframe::pipeline_stage::raw, dxframe::pipeline_stage::denominated,
                             dxframe::pipeline_stage::imputed, dxframe::pipeline_stage::treated}) {
        const auto keep = dxframe::keep_only(stage);
        const auto one = dxframe::run_pipeline(data, spec, "iData.csv", keep);
        REQUIRE(one.ok());
        INFO(static_cast<int>(stage));
        CHECK(dxframe::pipeline_table(one, stage) == dxframe::pipeline_table(all, stage));
        CHECK(one.raw.size() == (keep.raw ? data.values.size() : 0));
        CHECK(one.denominated.size() == (keep.denominated ? data.values.size() : 0));
        CHECK(one.imputed.size() == (keep.imputed ? data.values.size() : 0));
        CHECK(one.treated.size() == (keep.treated ? data.values.size() : 0));
        CHECK(one.index.aggregates == all.index.aggregates);
        CHECK(one.index.ranks == all.index.ranks);
        CHECK(one.treatment.size() == all.treatment.size());
    }
    const auto none =
        dxframe::run_pipeline(px::asem(), {}, "iData.csv", dxframe::keep_only(dxframe::pipeline_stage::aggregated));
    REQUIRE(none.ok());
    CHECK(none.raw.size() == 0);
    CHECK(none.denominated.size() == 0);
    CHECK(none.treated.size() == 0);
    CHECK(none.index.aggregates == dxframe::compute_index(data.tree, data.values, data.units).aggregates);
}

TEST_CASE("pipeline on ASEM reproduces the base-R port of COINr end to end", "[index][pipeline][coinr]") {
    const auto data = px::asem();
    check_index(dxframe::run_pipeline(data, full_spec("mean_group:GDP_group")), "impute_mean_group_treat");
    dxframe::pipeline_spec spec = full_spec("median");
    spec.denominate.enabled = true;
    check_index(dxframe::run_pipeline(data, spec), "denominate_impute_median_treat");
}

TEST_CASE("pipeline with no step asked: the index of compute_index, tables passed on", "[index][pipeline]") {
    const auto data = px::asem();
    const auto r = dxframe::run_pipeline(data, {});
    REQUIRE(r.ok());
    CHECK(r.denominated == data.values);
    CHECK(r.imputed == data.values);
    CHECK(r.treated == data.values);
    CHECK(r.denomination.empty());
    CHECK(r.treatment.empty());
    const auto idx = dxframe::compute_index(data.tree, data.values, data.units);
    CHECK(r.index.aggregates == idx.aggregates);
}

TEST_CASE("panel pipeline: scores as compute_panel_index, pooled and per year, changes first to last",
          "[index][pipeline][panel]") {
    const auto panel = px::asem_panel();
    for (const auto mode : {dxframe::panel_normalisation::pooled, dxframe::panel_normalisation::per_period}) {
        dxframe::panel_pipeline_options o;
        o.normalise = mode;
        const auto r = dxframe::run_panel_pipeline(panel, o);
        REQUIRE(r.ok());
        REQUIRE(r.periods.size() == 5);
        REQUIRE(r.scores.size() == 5 * 51);
        const auto expected = px::table(mode == dxframe::panel_normalisation::pooled ? "panel_index_pooled.csv"
                                                                                     : "panel_index_per_period.csv");
        std::map<std::pair<std::string, double>, std::optional<double>> by_key;
        for (const auto& row : expected.rows)
            by_key[{row[0], *px::number(row[1])}] = px::number(row[2]);
        for (const auto& s : r.scores) {
            INFO(s.unit << " " << s.time);
            REQUIRE(by_key.count({s.unit, s.time}) == 1);
            CHECK(px::close(s.index, by_key[{s.unit, s.time}]));
        }
        dxframe::panel_options po;
        po.normalise = mode;
        const auto direct = dxframe::compute_panel_index(panel, po);
        const auto changes = dxframe::panel_changes(direct, 2018, 2022);
        REQUIRE(r.changes.size() == changes.size());
        for (std::size_t k = 0; k < changes.size(); ++k) {
            CHECK(r.changes[k].unit == changes[k].unit);
            CHECK(r.changes[k].rank_change == changes[k].rank_change);
            CHECK(px::close(r.changes[k].score_change, changes[k].score_change));
        }
    }
}

TEST_CASE("panel pipeline: latest imputation uses earlier years, treatment per year", "[index][pipeline][panel]") {
    auto panel = px::asem_panel();
    const std::size_t lpi = *panel.periods[0].tree.find_indicator("LPI");
    const double before = *panel.periods[3].values.get(0, lpi);
    panel.periods[4].values.set_missing(0, lpi);
    dxframe::panel_pipeline_options o;
    o.spec = full_spec("latest");
    const auto r = dxframe::run_panel_pipeline(panel, o);
    REQUIRE(r.ok());
    CHECK(r.periods[4].imputed.get(0, lpi) == before);
    for (const auto& p : r.periods)
        CHECK(p.treatment.size() == panel.periods[0].tree.indicator_count());
    std::size_t filled = 0;
    for (const auto& c : r.imputed_by_indicator)
        filled += c.filled;
    CHECK(filled >= 1);
}

TEST_CASE("pipeline on a dxframe/1 dataset: groups from entity attributes, denominators from other indicators",
          "[index][pipeline][dataset]") {
    const auto ds = provinces();
    dxframe::dataset_input_options opt;
    opt.root = "pdti";
    opt.year = 2022;
    const auto tables = dxframe::dataset_coinr_data(ds, opt);
    REQUIRE(tables.ok());
    const auto& data = *tables.data;
    REQUIRE(data.units.size() == 6);
    REQUIRE(data.groups.size() == 1);
    CHECK(data.groups[0].id == "region");
    CHECK(data.denominator_ids == std::vector<std::string>{"population"});

    dxframe::pipeline_spec spec = full_spec("mean_group:region");
    spec.denominate.enabled = true;
    spec.denominate.indicator["services"] = dxframe::denominator_choice{std::string("population"), 1.0};
    const auto r = dxframe::run_pipeline(data, spec, "provinces.json");
    REQUIRE(r.ok());
    const std::size_t services = *data.tree.find_indicator("services");
    const std::size_t internet = *data.tree.find_indicator("internet");
    const std::size_t incidents = *data.tree.find_indicator("incidents");
    CHECK(r.denominated.get(0, services) == 950 / (8.4 / 1.0));

    // The dataset's own denominator of services (population, scale 1000) is iMeta's Denominator:
    // --denominate alone uses it; internet and incidents name none and are left as they are.
    REQUIRE(data.indicator_denominators[services] == std::optional<std::string>("population"));
    CHECK(data.indicator_denominator_scales[services] == std::optional<double>(1000.0));
    CHECK_FALSE(data.indicator_denominators[internet]);
    dxframe::pipeline_spec own;
    own.denominate.enabled = true;
    const auto ro = dxframe::run_pipeline(data, own, "provinces.json");
    REQUIRE(ro.ok());
    CHECK(ro.denominated.get(0, services) == 950 / (8.4 / 1000.0));
    CHECK(ro.denominated.get(0, internet) == data.values.get(0, internet));
    // Bắc Ninh (north) has no internet value in 2022: the mean of Hà Nội and Hải Phòng.
    CHECK(r.imputed.get(2, internet) == (83.0 + 72.0) / 2);
    // Hồ Chí Minh (south) has no incidents value: the mean of Cần Thơ and Bình Dương.
    CHECK(r.imputed.get(3, incidents) == (5.0 + 9.0) / 2);
    REQUIRE(r.index.ranks.size() == 6);

    dxframe::dataset_input_options every_year;
    every_year.root = "pdti";
    const auto panel = dxframe::dataset_coinr_panel(ds, every_year);
    REQUIRE(panel.ok());
    CHECK(panel.panel->times == std::vector<double>{2021, 2022});
    CHECK(dxframe::dataset_years(ds, std::string("pdti")) == std::vector<int>{2021, 2022});
    dxframe::panel_pipeline_options po;
    po.spec = full_spec("mean_group:region");
    const auto pr = dxframe::run_panel_pipeline(*panel.panel, po, "provinces.json");
    REQUIRE(pr.ok());
    CHECK(pr.scores.size() == 12);
    CHECK(pr.changes.size() == 6);
}

TEST_CASE("pipeline bad input: a zero denominator, a missing group column, too few values to treat",
          "[index][pipeline]") {
    auto data = px::asem();
    data.denominators.set(0, 0, 0.0);
    dxframe::pipeline_spec spec;
    spec.denominate.enabled = true;
    auto r = dxframe::run_pipeline(data, spec);
    CHECK_FALSE(r.ok());
    CHECK(r.treated.size() == 0);

    spec = full_spec("mean_group:Nope");
    r = dxframe::run_pipeline(px::asem(), spec);
    REQUIRE_FALSE(r.ok());
    bool named = false;
    for (const auto& d : r.diagnostics)
        named = named || d.message.find("'Nope'") != std::string::npos;
    CHECK(named);

    data = px::asem();
    const std::size_t lpi = *data.tree.find_indicator("LPI");
    for (std::size_t u = 2; u < data.units.size(); ++u)
        data.values.set_missing(u, lpi);
    spec = dxframe::pipeline_spec{};
    spec.treat = dxframe::treat_spec{};
    r = dxframe::run_pipeline(data, spec);
    REQUIRE_FALSE(r.ok());
    named = false;
    for (const auto& d : r.diagnostics)
        named = named || (d.severity == dxframe::severity::error && d.message.find("'LPI'") != std::string::npos);
    CHECK(named);
    CHECK(r.index.aggregates.size() == 0);
}

TEST_CASE("pipeline renderings: stage tables, the panel CSV and JSON, a step not reached",
          "[index][pipeline][report]") {
    const auto data = px::asem();
    const auto r = dxframe::run_pipeline(data, full_spec("median"));
    REQUIRE(r.ok());
    const std::string raw = dxframe::render_pipeline_table_csv(data.tree, r, dxframe::pipeline_stage::raw);
    CHECK(raw.rfind("uCode,LPI,Flights,", 0) == 0);
    CHECK(raw.find("\nAUT," + dxframe::full_precision_number(*data.values.get(0, 0)) + ",") != std::string::npos);
    const std::string agg = dxframe::render_pipeline_table_csv(data.tree, r, dxframe::pipeline_stage::aggregated);
    CHECK(agg.substr(0, agg.find('\n')).size() > raw.substr(0, raw.find('\n')).size());
    CHECK(agg.substr(0, agg.find('\n')).rfind(",Index") != std::string::npos);

    auto stopped = data;
    stopped.denominators.set(0, 0, -1.0);
    dxframe::pipeline_spec spec;
    spec.denominate.enabled = true;
    const auto bad = dxframe::run_pipeline(stopped, spec);
    REQUIRE_FALSE(bad.ok());
    CHECK_THROWS_AS(dxframe::render_pipeline_table_csv(data.tree, bad, dxframe::pipeline_stage::treated),
                    dxframe::error);

    dxframe::panel_pipeline_options po;
    const auto p = dxframe::run_panel_pipeline(px::asem_panel(), po);
    REQUIRE(p.ok());
    const std::string csv = dxframe::render_panel_csv(p);
    CHECK(csv.rfind("uCode,Time,Index,Rank,RankChange,IndexChange\nAUT,2018,", 0) == 0);
    const auto json = nlohmann::json::parse(dxframe::render_panel_json(p, po));
    CHECK(json["times"].size() == 5);
    CHECK(json["scores"].size() == 255);
    CHECK(json["changes"].size() == 51);
    const auto options = dxframe::panel_report_options(p);
    CHECK(options.previous_label == "2018");
    CHECK(options.previous_ranks.size() == 51);
    const auto table = dxframe::render_panel_table_csv(data.tree, p, dxframe::pipeline_stage::normalised);
    CHECK(table.rfind("uCode,Time,LPI,", 0) == 0);
}

TEST_CASE("pipeline treatment rule as COINr: too few values stop, all equal is a warning", "[index][pipeline]") {
    auto data = px::asem();
    const std::size_t lpi = *data.tree.find_indicator("LPI");
    for (std::size_t u = 0; u < data.units.size(); ++u)
        data.values.set(u, lpi, 3.0);
    dxframe::pipeline_spec spec;
    spec.treat = dxframe::treat_spec{};
    auto r = dxframe::run_pipeline(data, spec);
    REQUIRE(r.ok());
    bool warned = false;
    for (const auto& d : r.diagnostics)
        warned = warned || (d.severity == dxframe::severity::warning && d.path == "LPI");
    CHECK(warned);
    CHECK(r.treated.get(0, lpi) == 3.0);
    CHECK(r.index.aggregates.size() > 0);

    // Three values: kurtosis cannot be computed, COINr's kurt() stops: an error naming LPI.
    for (std::size_t u = 3; u < data.units.size(); ++u)
        data.values.set_missing(u, lpi);
    data.values.set(0, lpi, 1.0);
    r = dxframe::run_pipeline(data, spec);
    REQUIRE_FALSE(r.ok());
    CHECK(r.diagnostics.front().message.find("'LPI' (3 values)") != std::string::npos);
    // The same rule, for a library user.
    const auto found = dxframe::untreatable_indicators(data.values, indicator_ids(data.tree), {}, "x.csv");
    REQUIRE(found.size() == 1);
    CHECK(found[0].path == "x.csv");
    dxframe::treat_spec off;
    off.per_indicator["LPI"].enabled = false;
    CHECK(dxframe::untreatable_indicators(data.values, indicator_ids(data.tree), off, "x.csv").empty());
    // From counts (what the fused imputation and treatment know without reading the matrix): the
    // same diagnostic, word for word; a count vector of the wrong size is a caller's bug.
    std::vector<std::size_t> present(data.values.cols(), data.values.rows());
    present[lpi] = 3;
    const auto by_count = dxframe::untreatable_indicators_by_count(present, indicator_ids(data.tree), {}, "x.csv");
    REQUIRE(by_count.size() == 1);
    CHECK(by_count[0].message == found[0].message);
    CHECK(by_count[0].code == found[0].code);
    CHECK(dxframe::untreatable_indicators_by_count(present, indicator_ids(data.tree), off, "x.csv").empty());
    present.pop_back();
    CHECK_THROWS(dxframe::untreatable_indicators_by_count(present, indicator_ids(data.tree), {}, "x.csv"));
}

TEST_CASE("pipeline denominators given replace iMeta's, as COINr's denomby", "[index][pipeline]") {
    const auto data = px::asem();
    const std::size_t flights = *data.tree.find_indicator("Flights");
    const std::size_t lpi = *data.tree.find_indicator("LPI");
    dxframe::pipeline_spec spec;
    spec.denominate.enabled = true;
    auto meta = dxframe::run_pipeline(data, spec);
    REQUIRE(meta.ok());
    CHECK(meta.denominated.get(0, flights) != data.values.get(0, flights));  // iMeta: by Population
    spec.denominate.indicator["LPI"].denominator = "GDP";
    const auto given = dxframe::run_pipeline(data, spec);
    REQUIRE(given.ok());
    CHECK(given.denominated.get(0, flights) == data.values.get(0, flights));
    CHECK(given.denominated.get(0, lpi) != data.values.get(0, lpi));
}

TEST_CASE("spec texts: one function per spec, the separator chosen", "[index][pipeline]") {
    dxframe::treat_spec t;
    t.per_indicator["LPI"].enabled = false;
    t.global.max_points.reset();
    CHECK(dxframe::treat_spec_text(t) == "winsorise:all:2:3.5;LPI=none");
    CHECK(dxframe::treat_spec_text(t, ", ") == "winsorise:all:2:3.5, LPI=none");
    dxframe::imputation_spec i;
    i.all.method = dxframe::imputation_method::mean;
    i.indicator["LPI"].method = dxframe::imputation_method::median;
    CHECK(dxframe::imputation_spec_text(i, ", ") == "mean, LPI=median");
}

TEST_CASE("dataset denominators of another year than the indicators: a warning naming both dates",
          "[index][pipeline][dataset]") {
    auto ds = provinces();
    dxframe::dataset_input_options opt;
    opt.root = "pdti";
    const auto count_warnings = [&opt](const dxframe::dataset& d) {
        const auto tables = dxframe::dataset_coinr_data(d, opt);
        REQUIRE(tables.ok());
        std::vector<std::string> found;
        for (const auto& x : tables.diagnostics) {
            if (x.severity == dxframe::severity::warning && x.message.find("'population'") != std::string::npos)
                found.push_back(x.message);
        }
        return found;
    };
    CHECK(count_warnings(ds).empty());
    // One unit's 2022 population removed: its latest is of 2021, its indicators of 2022.
    const std::string unit = ds.observations[0].entity;
    std::vector<dxframe::observation> obs = ds.observations.to_vector();
    obs.erase(std::remove_if(obs.begin(), obs.end(),
                             [&unit](const dxframe::observation& o) {
                                 return o.entity == unit && o.indicator == "population" && o.date.year() == 2022;
                             }),
              obs.end());
    ds.observations = obs;
    const auto found = count_warnings(ds);
    REQUIRE(found.size() == 1);
    CHECK(found[0].find("1 unit(s)") != std::string::npos);
    CHECK(found[0].find("2021-12-31") != std::string::npos);
    CHECK(found[0].find("2022-12-31") != std::string::npos);
}
