// SPDX-License-Identifier: MIT
// Imputation and outlier treatment as uncertain inputs of the uncertainty and sensitivity
// analyses (COINr's get_sensitivity with Impute / Treat choices in SA_specs): each replication
// is compute_index on the data its alternatives give, the nominal uses the first alternatives,
// a choice that changes nothing has Sobol indices of 0, the seed fixes the result, and the CLI
// reads the options (bad specs: exit 2 naming the option).
#include <dxframe/index.hpp>
#include <dxframe/io/coinr.hpp>
#include <dxframe/io/csv.hpp>
#include <dxframe/io/dataset_json.hpp>
#include <dxframe/io/file.hpp>
#include <dxframe/io/json.hpp>
#include <dxframe/report/uncertainty.hpp>
#include <dxframe/uncertainty.hpp>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "catch_compat.hpp"
#include "cli_runner.hpp"

namespace {

const std::string asem_dir = std::string(DXFRAME_TEST_DATA_DIR) + "/asem/";

dxframe::coinr_data asem() {
    auto imp =
        dxframe::import_coinr(dxframe_test::slurp(asem_dir + "iData.csv"), dxframe_test::slurp(asem_dir + "iMeta.csv"));
    REQUIRE(imp.ok());
    return std::move(*imp.data);
}

bool same_double(double a, double b) {
    if (std::isnan(a) && std::isnan(b)) return true;
    return std::memcmp(&a, &b, sizeof a) == 0;
}

bool same_matrix(const dxframe::value_matrix& a, const dxframe::value_matrix& b) {
    if (a.rows() != b.rows() || a.cols() != b.cols()) return false;
    for (std::size_t i = 0; i < a.cols(); ++i) {
        for (std::size_t u = 0; u < a.rows(); ++u) {
            if (!same_double(a.column(i)[u], b.column(i)[u])) return false;
        }
    }
    return true;
}

dxframe::imputation_spec imputation_of(const std::string& text) {
    auto specs = dxframe::parse_imputation_alternatives(text);
    REQUIRE(specs.size() == 1);
    return specs[0];
}

// ASEM's indicator ids, in tree order.
std::vector<std::string> indicator_ids(const dxframe::index_tree& tree) {
    std::vector<std::string> ids;
    for (std::size_t i = 0; i < tree.indicator_count(); ++i)
        ids.push_back(tree.indicator(i).id);
    return ids;
}

// The data `spec` gives, through the public imputation API.
dxframe::value_matrix imputed(const dxframe::coinr_data& a, const dxframe::imputation_spec& spec) {
    const auto r = dxframe::impute(a, spec);
    REQUIRE(r.ok());
    return r.values;
}

// Coordinates of replication k, as run_uncertainty draws them.
std::vector<double> coordinates(const dxframe::uncertainty_model& model, std::uint64_t seed, std::size_t k) {
    std::vector<double> x(model.dimension());
    auto g = dxframe::stream_generator(seed, dxframe::random_stream::uncertainty, k);
    for (double& v : x)
        v = dxframe::uniform01(g.next());
    return x;
}

}  // namespace

TEST_CASE("every replication is compute_index on the data its imputation gives", "[uncertainty][pipeline]") {
    const dxframe::coinr_data a = asem();
    dxframe::uncertainty_plan plan;
    plan.impute_alternatives = dxframe::parse_imputation_alternatives("mean,median,mean_group:GDP_group");
    plan.weight_noise = {{2, 0.25}};
    const dxframe::uncertainty_model model(a.tree, a.values, a.units, {}, plan, &a.groups);
    REQUIRE(model.nominal_ok());

    REQUIRE(model.inputs().size() == 2);
    CHECK(model.inputs()[1].kind == dxframe::uncertain_input_kind::imputation);
    CHECK(model.inputs()[1].name == "imputation");
    CHECK(model.inputs()[1].alternatives == 3);
    CHECK(model.inputs()[1].choices == std::vector<std::string>{"mean", "median", "mean_group:GDP_group"});

    // The precomputed data of each alternative is impute's own.
    REQUIRE(model.data_alternatives().size() == 3);
    for (std::size_t k = 0; k < 3; ++k) {
        CHECK(same_matrix(model.data_alternatives()[k].values, imputed(a, plan.impute_alternatives[k])));
    }
    CHECK_FALSE(same_matrix(model.data_alternatives()[0].values, model.data_alternatives()[1].values));

    // The nominal index is the first alternative's, with the nominal weights.
    const dxframe::index_result first =
        dxframe::compute_index(a.tree, imputed(a, plan.impute_alternatives[0]), a.units);
    CHECK(model.nominal().aggregates == first.aggregates);
    CHECK(model.nominal().ranks == first.ranks);

    // A few replications, each checked bit for bit against compute_index's pipeline on the
    // imputed matrix it picked; every alternative is met.
    dxframe::detail::replicator rep(model);
    std::vector<bool> seen(3, false);
    dxframe::index_engine engine(a.tree);
    for (std::size_t k = 0; k < 40; ++k) {
        const std::vector<double> x = coordinates(model, 5, k);
        REQUIRE(rep.run(x.data()));
        const std::size_t chosen = rep.choices().imputation;
        seen[chosen] = true;
        const dxframe::value_matrix data = imputed(a, plan.impute_alternatives[chosen]);
        CHECK(same_matrix(model.replication_data(x.data()), data));
        dxframe::index_result expected;
        engine.run(data, model.replication_plan(x.data()), expected, &a.units);
        const std::size_t root = expected.aggregates.cols() - 1;
        for (std::size_t u = 0; u < a.units.size(); ++u) {
            INFO("replication " << k << ", unit " << a.units[u]);
            REQUIRE(same_double(rep.scores()[u], expected.aggregates.column(root)[u]));
            REQUIRE(rep.ranks()[u] == expected.ranks[u].value_or(0));
        }
    }
    CHECK(seen == std::vector<bool>{true, true, true});
}

TEST_CASE("treatment alternatives apply to the imputed data, in the pipeline's order", "[uncertainty][pipeline]") {
    const dxframe::coinr_data a = asem();
    dxframe::uncertainty_plan plan;
    plan.impute_alternatives = dxframe::parse_imputation_alternatives("median,mean");
    plan.treat_alternatives = dxframe::parse_treat_alternatives("winsorise:5:2:3.5,none,winsorise:1");
    const dxframe::uncertainty_model model(a.tree, a.values, a.units, {}, plan);
    REQUIRE(model.inputs().size() == 2);
    CHECK(model.inputs()[0].kind == dxframe::uncertain_input_kind::imputation);
    CHECK(model.inputs()[1].kind == dxframe::uncertain_input_kind::treatment);
    CHECK(model.inputs()[1].choices == std::vector<std::string>{"winsorise:5:2:3.5", "none", "winsorise:1:2:3.5"});
    REQUIRE(model.data_alternatives().size() == 6);
    const std::vector<std::string> ids = indicator_ids(a.tree);
    for (std::size_t i = 0; i < 2; ++i) {
        for (std::size_t t = 0; t < 3; ++t) {
            const dxframe::data_alternative& d = model.data_alternatives()[i * 3 + t];
            CHECK(d.imputation == i);
            CHECK(d.treatment == t);
            const auto treated = dxframe::treat_outliers(imputed(a, plan.impute_alternatives[i]), ids, a.units,
                                                         plan.treat_alternatives[t]);
            CHECK(same_matrix(d.values, treated.values));
        }
    }
    // The nominal index: median imputation, default winsorisation.
    const auto nominal_data =
        dxframe::treat_outliers(imputed(a, plan.impute_alternatives[0]), ids, a.units, plan.treat_alternatives[0]);
    CHECK(model.nominal().aggregates == dxframe::compute_index(a.tree, nominal_data.values, a.units).aggregates);

    // Whole analyses agree with the reference engine, replication by replication.
    dxframe::uncertainty_options fast;
    fast.runs = 200;
    fast.seed = 3;
    fast.threads = 2;
    fast.scores = true;
    dxframe::uncertainty_options reference = fast;
    reference.reference_engine = true;
    const dxframe::uncertainty_result r1 = dxframe::run_uncertainty(model, fast);
    const dxframe::uncertainty_result r2 = dxframe::run_uncertainty(model, reference);
    REQUIRE(r1.ok());
    CHECK(r1.succeeded == 200);
    CHECK(dxframe::to_json_text(r1) == dxframe::to_json_text(r2));
}

TEST_CASE("a choice that changes nothing has Sobol indices of about 0", "[uncertainty][pipeline]") {
    const dxframe::coinr_data a = asem();
    dxframe::uncertainty_plan plan;
    plan.weight_noise = {{2, 0.25}};
    // Thresholds no indicator reaches: both alternatives leave the data as it is.
    plan.treat_alternatives = dxframe::parse_treat_alternatives("none,winsorise:5:1000:1000");
    plan.impute_alternatives = dxframe::parse_imputation_alternatives("mean,median");
    const dxframe::uncertainty_model model(a.tree, a.values, a.units, {}, plan);
    REQUIRE(same_matrix(model.data_alternatives()[0].values, model.data_alternatives()[1].values));
    dxframe::sensitivity_options opt;
    opt.base_runs = 300;
    opt.bootstrap = 0;
    opt.threads = 2;
    const dxframe::sensitivity_result r = dxframe::run_sensitivity(model, opt);
    REQUIRE(r.ok());
    REQUIRE(r.sobol.indices.size() == 3);
    const dxframe::sobol_index& treatment = r.sobol.indices[2];
    CHECK(treatment.input == "treatment");
    REQUIRE(treatment.total);
    CHECK(*treatment.total == 0.0);  // f(A) and f(A with B's treatment) are the same doubles
    REQUIRE(treatment.first_order);
    CHECK(std::fabs(*treatment.first_order) < 0.1);
    // The imputation does change the ranks: it gets a visible share.
    REQUIRE(r.sobol.indices[1].total);
    CHECK(*r.sobol.indices[1].total > 0.01);
}

TEST_CASE("the same seed gives the same analysis with imputation and treatment inputs", "[uncertainty][pipeline]") {
    const dxframe::coinr_data a = asem();
    dxframe::uncertainty_plan plan;
    plan.weight_noise = {{2, 0.25}, {3, 0.25}};
    plan.impute_alternatives = dxframe::parse_imputation_alternatives("mean,median");
    plan.treat_alternatives = dxframe::parse_treat_alternatives("none,winsorise");
    const dxframe::uncertainty_model model(a.tree, a.values, a.units, {}, plan);
    dxframe::uncertainty_options opt;
    opt.runs = 150;
    opt.seed = 11;
    opt.threads = 1;
    const std::string one = dxframe::to_json_text(dxframe::run_uncertainty(model, opt));
    opt.threads = 2;
    CHECK(dxframe::to_json_text(dxframe::run_uncertainty(model, opt)) == one);
    opt.seed = 12;
    CHECK(dxframe::to_json_text(dxframe::run_uncertainty(model, opt)) != one);
}

TEST_CASE("imputation and treatment alternatives are checked", "[uncertainty][pipeline]") {
    CHECK(dxframe::parse_imputation_alternatives("mean;LPI=median,none").size() == 2);
    CHECK(dxframe::parse_imputation_alternatives("mean;LPI=median,none")[0].indicator.at("LPI").method ==
          dxframe::imputation_method::median);
    CHECK(dxframe::imputation_spec_text(imputation_of("mean;LPI=median")) == "mean;LPI=median");
    CHECK_THROWS_AS(dxframe::parse_imputation_alternatives("mean,average"), dxframe::error);
    CHECK_THROWS_AS(dxframe::parse_treat_alternatives("none,winsorise:x"), dxframe::error);
    CHECK_THROWS_AS(dxframe::parse_treat_alternatives("clip"), dxframe::error);

    const dxframe::coinr_data a = asem();
    dxframe::uncertainty_plan plan;
    plan.impute_alternatives = dxframe::parse_imputation_alternatives("mean,latest");
    CHECK_THROWS_AS(dxframe::uncertainty_model(a.tree, a.values, a.units, {}, plan), dxframe::error);
    // A group column the data does not have: named in the error.
    plan.impute_alternatives = dxframe::parse_imputation_alternatives("mean,mean_group:Nowhere");
    try {
        const dxframe::uncertainty_model model(a.tree, a.values, a.units, {}, plan, &a.groups);
        FAIL("no error");
    } catch (const dxframe::error& e) {
        CHECK(std::string(e.what()).find("Nowhere") != std::string::npos);
    }
    // One alternative of each is applied but is no uncertain input.
    plan.impute_alternatives = dxframe::parse_imputation_alternatives("median");
    plan.weight_noise = {{2, 0.1}};
    dxframe::uncertainty_plan only_imputation;
    only_imputation.impute_alternatives = plan.impute_alternatives;
    CHECK_FALSE(dxframe::has_uncertain_input(only_imputation));
    const dxframe::uncertainty_model model(a.tree, a.values, a.units, {}, plan);
    CHECK(model.inputs().size() == 1);
    CHECK(model.nominal().aggregates ==
          dxframe::compute_index(a.tree, imputed(a, plan.impute_alternatives[0]), a.units).aggregates);
}

TEST_CASE("treatment alternatives follow the pipeline's rule, every alternative's warnings kept",
          "[uncertainty][pipeline]") {
    dxframe::coinr_data a = asem();
    const std::size_t lpi = *a.tree.find_indicator("LPI");
    for (std::size_t u = 0; u < a.units.size(); ++u)
        a.values.set(u, lpi, 3.0);
    dxframe::uncertainty_plan plan;
    plan.treat_alternatives = dxframe::parse_treat_alternatives("none,winsorise");
    plan.impute_alternatives = dxframe::parse_imputation_alternatives("mean,median");
    const dxframe::uncertainty_model model(a.tree, a.values, a.units, {}, plan, nullptr, "equal.csv");
    std::vector<std::string> treatment_warnings;
    for (const auto& d : model.nominal().diagnostics) {
        if (d.path == "LPI" && d.severity == dxframe::severity::warning) treatment_warnings.push_back(d.message);
    }
    // Once per imputation alternative, under treatment alternative 2 (the nominal's is none).
    REQUIRE(treatment_warnings.size() == 2);
    CHECK(treatment_warnings[0].rfind("imputation alternative 1 'mean', treatment alternative 2 'winsorise:5:2:3.5': ",
                                      0) == 0);
    CHECK(treatment_warnings[1].rfind("imputation alternative 2 'median', treatment alternative 2", 0) == 0);

    // Too few values: an error naming the alternative and the indicator, as the pipeline.
    for (std::size_t u = 2; u < a.units.size(); ++u)
        a.values.set_missing(u, lpi);
    plan.impute_alternatives.clear();
    try {
        const dxframe::uncertainty_model few(a.tree, a.values, a.units, {}, plan);
        FAIL("no error");
    } catch (const dxframe::error& e) {
        const std::string what = e.what();
        CHECK(what.find("treatment alternative 2") != std::string::npos);
        CHECK(what.find("'LPI' (2 values)") != std::string::npos);
    }
}

#ifdef DXFRAME_CLI_PATH

namespace {
// ASEM's iData with LPI blank but for two rows, as a scratch file.
std::string few_lpi(dxframe_test::scratch& s) {
    std::ifstream in(asem_dir + "iData.csv", std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    auto t = dxframe::read_csv(text.str());
    REQUIRE(t.ok());
    std::vector<std::vector<std::string>> rows{t.table->header};
    rows.insert(rows.end(), t.table->rows.begin(), t.table->rows.end());
    const auto lpi = static_cast<std::size_t>(std::find(rows[0].begin(), rows[0].end(), "LPI") - rows[0].begin());
    REQUIRE(lpi < rows[0].size());
    for (std::size_t k = 3; k < rows.size(); ++k)
        rows[k][lpi].clear();
    return s.file("few.csv", dxframe::write_csv(rows, "\n")).string();
}

const std::string asem_args = "--data \"" + asem_dir + "iData.csv\" --meta \"" + asem_dir + "iMeta.csv\"";
}  // namespace

TEST_CASE("dxframe uncertainty and sensitivity read the imputation and treatment options", "[uncertainty][cli]") {
    SECTION("uncertainty: the same numbers as the library") {
        const auto r = dxframe_test::run_cli("uncertainty " + asem_args +
                                             " --impute-alternatives mean,median,mean_group:GDP_group"
                                             " --treat-alternatives none,winsorise:5:2:3.5 --weight-noise 2:0.25"
                                             " --runs 100 --seed 4 --threads 2 --format json");
        INFO(r.err);
        REQUIRE(r.status == 0);
        const dxframe::coinr_data a = asem();
        dxframe::uncertainty_plan plan;
        plan.weight_noise = {{2, 0.25}};
        plan.impute_alternatives = dxframe::parse_imputation_alternatives("mean,median,mean_group:GDP_group");
        plan.treat_alternatives = dxframe::parse_treat_alternatives("none,winsorise:5:2:3.5");
        const dxframe::uncertainty_model model(a.tree, a.values, a.units, {}, plan, &a.groups);
        dxframe::uncertainty_options opt;
        opt.runs = 100;
        opt.seed = 4;
        const dxframe::uncertainty_result expected = dxframe::run_uncertainty(model, opt);
        CHECK(r.out == dxframe::uncertainty_json(expected));
    }
    SECTION("sensitivity: the inputs are named in the report") {
        const auto r = dxframe_test::run_cli("sensitivity " + asem_args +
                                             " --impute-alternatives mean,median --treat-alternatives none,winsorise"
                                             " --runs 20 --bootstrap 0 --format csv");
        INFO(r.err);
        REQUIRE(r.status == 0);
        CHECK(r.out.find("\nimputation,") != std::string::npos);
        CHECK(r.out.find("\ntreatment,") != std::string::npos);
        const auto md = dxframe_test::run_cli("sensitivity " + asem_args +
                                              " --impute-alternatives mean,median --weight-noise 2:0.1"
                                              " --runs 20 --bootstrap 0 --format html --lang en");
        REQUIRE(md.status == 0);
        CHECK(md.out.find("imputation (2 alternatives: mean, median)") != std::string::npos);
    }
    SECTION("bad specs: exit 2, naming the option") {
        const auto bad_impute = dxframe_test::run_cli("uncertainty " + asem_args + " --impute-alternatives mean,avg");
        CHECK(bad_impute.status == 2);
        CHECK(bad_impute.err.find("--impute-alternatives") != std::string::npos);
        CHECK(bad_impute.err.find("avg") != std::string::npos);
        const auto bad_treat =
            dxframe_test::run_cli("uncertainty " + asem_args + " --treat-alternatives none,winsorise:1:0:3");
        CHECK(bad_treat.status == 2);
        CHECK(bad_treat.err.find("--treat-alternatives") != std::string::npos);
        const auto panel = dxframe_test::run_cli("uncertainty " + asem_args + " --impute-alternatives mean,latest");
        CHECK(panel.status == 2);
        CHECK(panel.err.find("--impute-alternatives") != std::string::npos);
        const auto no_group =
            dxframe_test::run_cli("uncertainty " + asem_args + " --impute-alternatives mean,mean_group:Nowhere");
        CHECK(no_group.status == 2);
        CHECK(no_group.err.find("Nowhere") != std::string::npos);
    }
}

TEST_CASE("dxframe uncertainty imputes within the entities' groups of a dxframe/1 dataset", "[uncertainty][cli]") {
    const std::string file = DXFRAME_TEST_DATA_DIR "/index/provinces_pipeline.json";
    const auto r = dxframe_test::run_cli("uncertainty \"" + file +
                                         "\" --root pdti --impute-alternatives mean,mean_group:region"
                                         " --weight-noise 1:0.25 --runs 50 --seed 7 --threads 2 --format json");
    INFO(r.err);
    REQUIRE(r.status == 0);
    // The same analysis from the library: the groups come with the input (index_input::groups).
    const auto loaded = dxframe::load_dataset(dxframe::read_file(file));
    REQUIRE(loaded.data);
    dxframe::dataset_input_options o;
    o.root = "pdti";
    o.tree_notes = false;
    const auto in = dxframe::dataset_index_input(*loaded.data, o);
    REQUIRE(in.ok());
    REQUIRE(in.input->groups.size() == 1);
    CHECK(in.input->groups[0].id == "region");
    dxframe::uncertainty_plan plan;
    plan.weight_noise = {{1, 0.25}};
    plan.impute_alternatives = dxframe::parse_imputation_alternatives("mean,mean_group:region");
    const dxframe::uncertainty_model model(in.input->tree, in.input->values, in.input->units, {}, plan,
                                           &in.input->groups);
    dxframe::uncertainty_options opt;
    opt.runs = 50;
    opt.seed = 7;
    CHECK(r.out == dxframe::uncertainty_json(dxframe::run_uncertainty(model, opt)));
    const auto no_group = dxframe_test::run_cli("uncertainty \"" + file +
                                                "\" --root pdti --impute-alternatives mean,mean_group:province");
    CHECK(no_group.status == 2);
    CHECK(no_group.err.find("province") != std::string::npos);
}

TEST_CASE("dxframe uncertainty: a treatment alternative that cannot test an indicator is an error",
          "[uncertainty][cli]") {
    dxframe_test::scratch s;
    const auto r = dxframe_test::run_cli("uncertainty --data \"" + few_lpi(s) + "\" --meta \"" + asem_dir +
                                         "iMeta.csv\" --treat-alternatives none,winsorise --runs 20");
    CHECK(r.status == 2);
    CHECK(r.err.find("treatment alternative 2") != std::string::npos);
    CHECK(r.err.find("'LPI' (2 values)") != std::string::npos);
}

#endif
