// SPDX-License-Identifier: MIT
// One pass over everything (issue 14, item 5): the loader recovers from a bad field, keeping the
// record in place marked damaged, and validate(const partial_dataset&) checks everything that
// loaded, so a document with ten problems of different kinds gets all ten in one run. Damaged
// records are skipped by every rule but keep their id, so references to them do not cascade.
#include <cstddef>
#include <fstream>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include <boost/describe/enum_to_string.hpp>
#include <nlohmann/json.hpp>

#include <dxframe/io/dataset_json.hpp>
#include <dxframe/io/json.hpp>
#include <dxframe/model/partial_dataset.hpp>
#include <dxframe/validate.hpp>

#include "catch_compat.hpp"

using namespace dxframe;

namespace {

using json = nlohmann::ordered_json;
using code_path = std::pair<std::string, std::string>;

const std::string data_dir = DXFRAME_TEST_DATA_DIR;

std::string slurp(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

/// The clean Viet Nam sample as a tree, to plant defects in.
json sample() {
    return json::parse(slurp(data_dir + "/../../examples/data/vietnam-sample.json"));
}

/// Codes and paths of the error diagnostics, in order.
std::vector<code_path> errors_of(const std::vector<diagnostic>& diags) {
    std::vector<code_path> out;
    for (const auto& d : diags) {
        if (d.severity == severity::error) out.emplace_back(boost::describe::enum_to_string(d.code, "?"), d.path);
    }
    return out;
}

/// What one run of "load, then validate whatever was read" reports, as `dxframe validate` does.
std::vector<code_path> one_pass(const std::string& text) {
    const load_result loaded = load_dataset(text);
    std::vector<diagnostic> all = loaded.diagnostics;
    std::vector<diagnostic> rules;
    if (loaded.data) rules = validate(*loaded.data);
    if (loaded.partial) rules = validate(*loaded.partial);
    all.insert(all.end(), rules.begin(), rules.end());
    return errors_of(all);
}

}  // namespace

TEST_CASE("partial: ten planted problems of different kinds are all reported in one pass", "[validate][partial]") {
    const load_result loaded = load_dataset_file(data_dir + "/planted/ten_mixed_defects.json");
    REQUIRE_FALSE(loaded.data);  // a document with errors is never handed out as a dataset
    REQUIRE(loaded.partial);
    CHECK_FALSE(loaded.ok());

    // The loader's five, in document order.
    const std::vector<code_path> loader = {
        {"type_mismatch", "/framework/nodes/1/weight"},  {"invalid_enum_value", "/framework/indicators/7/unit"},
        {"missing_required_field", "/entities/5/level"}, {"invalid_date", "/observations/9/date"},
        {"non_finite_value", "/observations/35/value"},
    };
    CHECK(errors_of(loaded.diagnostics) == loader);
    CHECK(loaded.diagnostics.size() == loader.size());

    // The damaged records stay in place, at their document positions, with their ids.
    const partial_dataset& p = *loaded.partial;
    CHECK(p.damage.nodes == std::vector<std::size_t>{1});
    CHECK(p.damage.indicators == std::vector<std::size_t>{7});
    CHECK(p.damage.entities == std::vector<std::size_t>{5});
    CHECK(p.damage.observations == std::vector<std::size_t>{9, 35});
    CHECK(p.damage.targets.empty());
    CHECK(p.damage.tasks.empty());
    CHECK(p.damage.pillars.empty());
    CHECK(p.damage.members.empty());
    CHECK(p.incomplete.framework.nodes.size() == 8);
    CHECK(p.incomplete.framework.indicators.size() == 15);
    CHECK(p.incomplete.entities.size() == 12);
    CHECK(p.incomplete.observations.size() == 41);
    CHECK(p.incomplete.framework.nodes[1].id == "pillar_institutions");
    CHECK(p.incomplete.framework.indicators[7].id == "dg_dossiers_fully_online_share");
    CHECK(p.incomplete.entities[5].id == "vn_hanoi");
    CHECK(p.incomplete.observations[36].entity == "vn_hanoi");  // the one after keeps its place

    // The result converts to JSON like every described struct (for tools that report it).
    const json as_json = nlohmann::ordered_json::parse(to_json_text(p.damage, -1));
    CHECK(as_json.at("observations") == json::array({9, 35}));
    CHECK(as_json.at("entities") == json::array({5}));

    // The rules' five, in document order: nothing about the damaged records or their users (the
    // target and the observations of the damaged indicator, the observations of the damaged
    // entity, the children of the damaged node).
    const std::vector<code_path> rules = {
        {"deadline_before_baseline", "/framework/targets/3/deadline"},
        {"duplicate_id", "/framework/tasks/3/id"},
        {"numerator_exceeds_denominator", "/observations/0/numerator"},
        {"value_out_of_bounds", "/observations/28/value"},
        {"unknown_reference", "/observations/33/entity"},
    };
    const auto found = validate(p);
    CHECK(errors_of(found) == rules);
    CHECK(found.size() == rules.size());  // no warnings or notes either
}

TEST_CASE("partial: at most one of data and partial: neither when the document was not read to its end",
          "[validate][partial]") {
    const std::string clean = sample().dump(2);
    const load_result ok = load_dataset(clean);
    CHECK(ok.data);
    CHECK_FALSE(ok.partial);

    const std::string cut = clean.substr(0, clean.size() / 2);  // a syntax error
    const load_result syntax = load_dataset(cut);
    CHECK_FALSE(syntax.data);
    CHECK_FALSE(syntax.partial);
    REQUIRE_FALSE(syntax.diagnostics.empty());
    CHECK(syntax.diagnostics.back().code == diagnostic_code::invalid_json);

    json other = sample();
    other["format"] = "dxframe/2";
    other["observations"][0]["date"] = "2024-02-30";
    const load_result format = load_dataset(other.dump());
    CHECK_FALSE(format.data);
    CHECK_FALSE(format.partial);
    CHECK(errors_of(format.diagnostics) == std::vector<code_path>{{"unsupported_format", "/format"}});

    load_options small;
    small.limits.max_elements = 100;
    const load_result limit = load_dataset(clean, small);
    CHECK_FALSE(limit.data);
    CHECK_FALSE(limit.partial);
    REQUIRE_FALSE(limit.diagnostics.empty());
    CHECK(limit.diagnostics.back().code == diagnostic_code::limit_exceeded);

    json bad_date = sample();
    bad_date["observations"][3]["date"] = "2024-02-30";
    const load_result damaged = load_dataset(bad_date.dump());
    CHECK_FALSE(damaged.data);
    REQUIRE(damaged.partial);
    CHECK(damaged.partial->damage.observations == std::vector<std::size_t>{3});
    CHECK(validate(*damaged.partial).empty());  // the rest is clean: nothing more to say
}

TEST_CASE("partial: a damaged record keeps its id, so references to it do not cascade", "[validate][partial]") {
    // An indicator with a bad unit: its targets and observations name it, and that is fine.
    json doc = sample();
    doc["framework"]["indicators"][8]["unit"] = "position";  // dg_egdi_rank, used by targets 1 and 2
    CHECK(one_pass(doc.dump()) == std::vector<code_path>{{"invalid_enum_value", "/framework/indicators/8/unit"}});

    // A node with a bad aggregation, parent of others; a target with a bad kind, named by a
    // task; an entity with a bad level, owner of tasks and parent of nothing.
    json more = sample();
    more["framework"]["targets"][0]["kind"] = "grow";
    more["entities"][2]["level"] = 7;
    more["framework"]["nodes"][0]["aggregation"] = "average";
    CHECK(one_pass(more.dump()) == std::vector<code_path>{{"invalid_enum_value", "/framework/nodes/0/aggregation"},
                                                          {"invalid_enum_value", "/framework/targets/0/kind"},
                                                          {"type_mismatch", "/entities/2/level"}});

    // Its id is still its own: a later record with the same id is a duplicate.
    json twice = sample();
    twice["entities"][2]["level"] = "ministryy";
    twice["entities"][3]["id"] = "mic";
    const auto found = one_pass(twice.dump());
    REQUIRE(found.size() >= 2);
    CHECK(found[0] == code_path{"invalid_enum_value", "/entities/2/level"});
    CHECK(found[1] == code_path{"duplicate_id", "/entities/3/id"});
}

TEST_CASE("partial: a damaged record without a readable id silences unknown references into its kind only",
          "[validate][partial]") {
    // Control: an observation of an entity that does not exist is reported.
    json control = sample();
    control["observations"][2]["entity"] = "vn_ghost";
    CHECK(one_pass(control.dump()) == std::vector<code_path>{{"unknown_reference", "/observations/2/entity"}});

    // With an entity whose id is unreadable, that observation may have named it: not reported.
    json unnamed = control;
    unnamed["entities"][4]["id"] = 42;  // mps, owner of task 2
    CHECK(one_pass(unnamed.dump()) == std::vector<code_path>{{"type_mismatch", "/entities/4/id"}});

    // An indicator id that is unreadable silences unknown indicators, not unknown entities.
    json other_kind = control;
    other_kind["framework"]["indicators"][0]["id"] = nullptr;
    other_kind["observations"][5]["indicator"] = "no_such_indicator";
    CHECK(one_pass(other_kind.dump()) ==
          std::vector<code_path>{{"missing_required_field", "/framework/indicators/0/id"},
                                 {"unknown_reference", "/observations/2/entity"}});

    // A whole list that is not an array: no empty_framework, no unknown indicator anywhere.
    json no_list = sample();
    no_list["framework"]["indicators"] = json::object();
    CHECK(one_pass(no_list.dump()) == std::vector<code_path>{{"type_mismatch", "/framework/indicators"}});

    // No framework object at all: only what the loader said, and nothing about the nation.
    json no_framework = sample();
    no_framework["framework"] = 3;
    CHECK(one_pass(no_framework.dump()) == std::vector<code_path>{{"type_mismatch", "/framework"}});
}

TEST_CASE("partial: a record that is not an object, and damage out of range, never make validate throw",
          "[validate][partial]") {
    json doc = sample();
    doc["observations"][1] = "not an observation";
    doc["framework"]["targets"][2] = json::array();
    const load_result loaded = load_dataset(doc.dump());
    REQUIRE(loaded.partial);
    CHECK(loaded.partial->damage.observations == std::vector<std::size_t>{1});
    CHECK(loaded.partial->damage.targets == std::vector<std::size_t>{2});
    CHECK(loaded.partial->incomplete.observations.size() == 41);
    // Target 2 had an id; now unreadable, so the task that names it is not reported.
    CHECK(errors_of(validate(*loaded.partial)).empty());

    partial_dataset odd;
    odd.incomplete = *load_dataset(sample().dump()).data;
    odd.damage.observations = {0, 1000000};
    odd.damage.entities = {99};
    odd.damage.members = {"/framework/nation"};
    std::vector<diagnostic> found;
    CHECK_NOTHROW(found = validate(odd));
    CHECK(errors_of(found).empty());
}
