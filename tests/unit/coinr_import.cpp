// SPDX-License-Identifier: MIT
// Import of COINr iData / iMeta tables: the ASEM example, and every validation rule of COINr's
// new_coin / check_iData / check_iMeta reported as a diagnostic naming file, line and field.
#include <dxframe/io/coinr.hpp>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "catch_compat.hpp"

using dxframe::diagnostic_code;

namespace {

std::string slurp(const std::string& path) {
    std::ifstream f(path, std::ios::binary);
    REQUIRE(f.good());
    std::stringstream s;
    s << f.rdbuf();
    return s.str();
}

// A valid three-level table to break one rule at a time.
const std::string meta_ok =
    "Level,iCode,iName,Direction,Weight,Unit,Target,Parent,Type\n"  // line 1
    "1,a,Alpha,1,1,pct,90,P,Indicator\n"                            // line 2
    "1,b,Beta,-1,2,days,3,P,Indicator\n"                            // line 3
    "1,c,Gamma,1,1,pct,50,Q,Indicator\n"                            // line 4
    "2,P,Pillar P,1,1,,,Index,Aggregate\n"                          // line 5
    "2,Q,Pillar Q,1,1,,,Index,Aggregate\n"                          // line 6
    "3,Index,The index,1,1,,,,Aggregate\n"                          // line 7
    ",Region,Region,,,,,,Group\n";                                  // line 8
const std::string data_ok =
    "uCode,uName,Region,a,b,c\n"
    "VNM,Viet Nam,Asia,80,5,40\n"
    "THA,Thailand,Asia,70,NA,45\n"
    "FRA,France,,95,2,\n";

dxframe::coinr_import_result import(const std::string& data, const std::string& meta) {
    return dxframe::import_coinr(data, meta);
}

// The diagnostic with this code whose message contains `text`, or fail.
const dxframe::diagnostic& find(const dxframe::coinr_import_result& r, diagnostic_code code, const std::string& text) {
    for (const auto& d : r.diagnostics) {
        if (d.code == code && d.message.find(text) != std::string::npos) return d;
    }
    std::string all;
    for (const auto& d : r.diagnostics)
        all += "\n  " + d.path + ":" + std::to_string(d.line.value_or(0)) + ": " + d.message;
    FAIL("no diagnostic containing '" << text << "' among:" << all);
    throw std::logic_error("unreachable");
}

std::string replace(std::string s, const std::string& from, const std::string& to) {
    const auto at = s.find(from);
    REQUIRE(at != std::string::npos);
    return s.replace(at, from.size(), to);
}

}  // namespace

TEST_CASE("COINr import: the ASEM example", "[coinr]") {
    const std::string dir = std::string(DXFRAME_TEST_DATA_DIR) + "/asem/";
    const auto r = dxframe::import_coinr(slurp(dir + "iData.csv"), slurp(dir + "iMeta.csv"));
    REQUIRE(r.ok());
    CHECK(r.diagnostics.empty());
    const auto& d = *r.data;
    CHECK(d.units.size() == 51);
    CHECK(d.units.front() == "AUT");
    CHECK(d.unit_names.front() == "Austria");
    CHECK(d.time == 2018.0);
    CHECK(d.tree.indicator_count() == 49);
    CHECK(d.tree.node_count() == 11);
    CHECK(d.tree.node(d.tree.root()).id == "Index");
    CHECK(d.tree.indicator(0).id == "LPI");
    CHECK(d.tree.indicator(0).name == "Logistics Performance Index");
    CHECK(d.tree.indicator(0).line == 2u);
    CHECK(d.tree.indicator(0).path == "iMeta.csv");
    CHECK(d.tree.indicator(*d.tree.find_indicator("CostImpEx")).direction == dxframe::direction::lower_is_better);
    CHECK(*d.tree.indicator(0).parameters.target == Catch::Approx(4.11803135));
    // Levels 2, 3, 4 as in iMeta.
    CHECK(d.tree.level(*d.tree.find_node("Physical")) == 2);
    CHECK(d.tree.level(*d.tree.find_node("Conn")) == 3);
    std::size_t missing = 0;
    for (std::size_t u = 0; u < 51; ++u) {
        for (std::size_t i = 0; i < 49; ++i)
            missing += d.values.is_missing(u, i) ? 1u : 0u;
    }
    CHECK(missing == 63);                                   // as tests/data/asem/README.md says
    CHECK(*d.values.get(0, 0) == Catch::Approx(4.097985));  // AUT's LPI
    REQUIRE(d.groups.size() == 4);
    CHECK(d.groups[0].id == "GDP_group");
    CHECK(d.groups[0].values[0] == std::optional<std::string>("L"));
    CHECK(d.denominator_ids == std::vector<std::string>{"Area", "Energy", "GDP", "Population"});
    CHECK(*d.denominators.get(0, 3) == Catch::Approx(8735.453));
}

TEST_CASE("COINr import: a small valid table, NA and empty cells missing", "[coinr]") {
    const auto r = import(data_ok, meta_ok);
    REQUIRE(r.ok());
    const auto& d = *r.data;
    CHECK(d.units == std::vector<std::string>{"VNM", "THA", "FRA"});
    CHECK(d.values.is_missing(1, 1));
    CHECK(d.values.is_missing(2, 2));
    CHECK(*d.values.get(2, 0) == 95.0);
    CHECK(d.groups[0].values ==
          std::vector<std::optional<std::string>>{std::string("Asia"), std::string("Asia"), std::nullopt});
    CHECK(d.tree.indicator(1).weight == 2.0);
    CHECK_FALSE(d.time);
}

TEST_CASE("COINr import: iMeta rules", "[coinr]") {
    SECTION("a required column is missing") {
        const auto r = import(data_ok, replace(meta_ok, "Direction", "Dir"));
        CHECK_FALSE(r.ok());
        const auto& d = find(r, diagnostic_code::invalid_metadata, "required column 'Direction' is missing");
        CHECK(d.path == "iMeta.csv");
        CHECK(d.line == 1u);
    }
    SECTION("Type, Direction, Level and Weight values") {
        auto meta = replace(meta_ok, "1,a,Alpha,1,1,pct,90,P,Indicator", "1,a,Alpha,2,-1,pct,90,P,Indicatr");
        meta = replace(meta, "1,c,Gamma,1,1,pct,50,Q,Indicator", "1.5,c,Gamma,1,x,pct,50,Q,Indicator");
        const auto r = import(data_ok, meta);
        CHECK_FALSE(r.ok());
        const auto& type = find(r, diagnostic_code::invalid_metadata, "Type 'Indicatr'");
        CHECK(type.line == 2u);
        CHECK(type.column == 9u);
        const auto& dir = find(r, diagnostic_code::invalid_metadata, "Direction '2' is not -1 or 1");
        CHECK(dir.column == 4u);
        find(r, diagnostic_code::invalid_metadata, "Level '1.5' is not a positive integer");
        const auto& w = find(r, diagnostic_code::invalid_number, "Weight 'x' is not a number");
        CHECK(w.line == 4u);
        CHECK(w.column == 5u);
    }
    SECTION("indicators at Level 1, aggregates above, no gaps, one top") {
        auto meta = replace(meta_ok, "1,c,Gamma,1,1,pct,50,Q,Indicator", "2,c,Gamma,1,1,pct,50,Q,Indicator");
        meta = replace(meta, "2,Q,Pillar Q,1,1,,,Index,Aggregate", "1,Q,Pillar Q,1,1,,,Index,Aggregate");
        auto r = import(data_ok, meta);
        CHECK_FALSE(r.ok());
        CHECK(find(r, diagnostic_code::invalid_metadata, "Indicator 'c' is at Level 2").line == 4u);
        find(r, diagnostic_code::invalid_metadata, "Aggregate 'Q' is at Level 1");
        r = import(data_ok,
                   replace(meta_ok, "3,Index,The index,1,1,,,,Aggregate", "4,Index,The index,1,1,,,,Aggregate"));
        find(r, diagnostic_code::invalid_metadata, "Level 3 is missing between 1 and 4");
        r = import(data_ok, meta_ok + "3,Other,Second top,1,1,,,,Aggregate\n1,d,Delta,1,1,pct,1,Other,Indicator\n");
        find(r, diagnostic_code::invalid_metadata, "2 elements are at the highest Level 3");
    }
    SECTION("codes: unique, not starting with a digit") {
        auto meta = replace(meta_ok, "1,c,Gamma", "1,a,Gamma");
        auto r = import(data_ok, meta);
        CHECK(find(r, diagnostic_code::duplicate_id, "iCode 'a' is already defined on line 2").line == 4u);
        r = import(replace(data_ok, ",c\n", ",9c\n"), replace(meta_ok, "1,c,Gamma", "1,9c,Gamma"));
        find(r, diagnostic_code::invalid_metadata, "iCode '9c' begins with a digit");
    }
    SECTION("parents: existing, one level up, none at the top, aggregates have children") {
        auto r = import(data_ok, replace(meta_ok, "1,b,Beta,-1,2,days,3,P,", "1,b,Beta,-1,2,days,3,Nope,"));
        CHECK(find(r, diagnostic_code::unknown_reference, "Parent 'Nope' of 'b'").column == 8u);
        r = import(data_ok, meta_ok + "2,R,Pillar R,1,1,,,Index,Aggregate\n");
        CHECK(find(r, diagnostic_code::invalid_metadata, "Aggregate 'R' has no children").line == 9u);
        r = import(data_ok, replace(meta_ok, "1,c,Gamma,1,1,pct,50,Q,", "1,c,Gamma,1,1,pct,50,Index,"));
        find(r, diagnostic_code::invalid_metadata, "is at Level 3, not the level immediately above (2)");
        r = import(data_ok, replace(meta_ok, "3,Index,The index,1,1,,,,", "3,Index,The index,1,1,,,P,"));
        find(r, diagnostic_code::invalid_metadata, "'Index' is at the highest Level (3) and must not have a Parent");
    }
    SECTION("weights, targets") {
        auto r = import(data_ok, replace(meta_ok, "1,b,Beta,-1,2,", "1,b,Beta,-1,-2,"));
        CHECK(find(r, diagnostic_code::negative_weight, "Weight of 'b' is negative").line == 3u);
        r = import(data_ok, replace(meta_ok, "1,a,Alpha,1,1,pct,90,", "1,a,Alpha,1,1,pct,,"));
        find(r, diagnostic_code::invalid_metadata, "Indicator 'a' has no Target");
    }
}

TEST_CASE("COINr import: iData rules", "[coinr]") {
    SECTION("uCode column, unique codes without spaces, not a column name") {
        auto r = import(replace(data_ok, "uCode,", "Code,"), meta_ok);
        CHECK(find(r, diagnostic_code::invalid_metadata, "required column 'uCode' is missing").path == "iData.csv");
        r = import(replace(replace(data_ok, "THA,", "VNM,"), "FRA,", "F RA,"), meta_ok);
        const auto& dup = find(r, diagnostic_code::duplicate_id, "uCode 'VNM' already appears on line 2");
        CHECK(dup.line == 3u);
        CHECK(dup.column == 1u);
        find(r, diagnostic_code::invalid_metadata, "uCode 'F RA' contains a space");
        r = import(replace(data_ok, "FRA,", "a,"), meta_ok);
        find(r, diagnostic_code::invalid_metadata, "uCode 'a' is also a column name");
    }
    SECTION("columns and iMeta describe each other") {
        auto r = import(replace(replace(data_ok, "uName,Region,a,b,c", "uName,Region,a,b,c,extra"), "40\n", "40,1\n"),
                        meta_ok);
        // Rows without the extra column are ragged: the CSV layer reports them first.
        CHECK_FALSE(r.ok());
        r = import(data_ok, meta_ok + "1,d,Delta,1,1,pct,1,Q,Indicator\n");
        CHECK(find(r, diagnostic_code::unknown_reference, "Indicator 'd' has no column in iData.csv").line == 9u);
        r = import("uCode,a,b,c,Z\nVNM,1,2,3,4\n", meta_ok + "1,d,Delta,1,1,pct,1,Q,Indicator\n");
        find(r, diagnostic_code::unknown_reference, "column 'Z' is not described in iMeta.csv");
        r = import("uCode,Region,a,b,c,P\nVNM,Asia,1,2,3,4\n", meta_ok);
        CHECK(find(r, diagnostic_code::invalid_metadata, "column 'P' is an Aggregate").column == 6u);
        r = import("uCode,Region,a,b,c,a\nVNM,Asia,1,2,3,4\n", meta_ok);
        find(r, diagnostic_code::duplicate_id, "column name 'a' appears twice");
    }
    SECTION("indicator cells must be numbers") {
        const auto r = import(replace(replace(data_ok, "70,NA,45", "70,fast,45"), "95,2,", "95,Inf,"), meta_ok);
        CHECK_FALSE(r.ok());
        const auto& word = find(r, diagnostic_code::invalid_number, "'b' of 'THA' is 'fast', not a number");
        CHECK(word.path == "iData.csv");
        CHECK(word.line == 3u);
        CHECK(word.column == 5u);
        const auto& inf = find(r, diagnostic_code::non_finite_value, "'b' of 'FRA' is 'Inf'");
        CHECK(inf.line == 4u);
    }
    SECTION("CSV problems come first, with the file name") {
        const auto r = import("uCode,a\nVNM,\"1\n", meta_ok);
        CHECK_FALSE(r.ok());
        CHECK(r.diagnostics[0].code == diagnostic_code::invalid_csv);
        CHECK(r.diagnostics[0].path == "iData.csv");
    }
}

TEST_CASE("COINr import: panel data uses one Time, the latest by default", "[coinr]") {
    const std::string panel =
        "uCode,Time,Region,a,b,c\n"
        "VNM,2021,Asia,70,6,30\n"
        "VNM,2022,Asia,80,5,40\n"
        "THA,2022,Asia,75,4,35\n";
    auto r = import(panel, meta_ok);
    REQUIRE(r.ok());
    CHECK(r.data->time == 2022.0);
    CHECK(r.data->units == std::vector<std::string>{"VNM", "THA"});
    CHECK(*r.data->values.get(0, 0) == 80.0);
    REQUIRE(r.diagnostics.size() == 1);
    CHECK(r.diagnostics[0].severity == dxframe::severity::info);
    dxframe::coinr_options o;
    o.time = 2021;
    r = dxframe::import_coinr(panel, meta_ok, o);
    REQUIRE(r.ok());
    CHECK(r.data->units == std::vector<std::string>{"VNM"});
    CHECK(*r.data->values.get(0, 0) == 70.0);
    o.time = 2030;
    r = dxframe::import_coinr(panel, meta_ok, o);
    CHECK_FALSE(r.ok());
    find(r, diagnostic_code::insufficient_data, "no rows have Time 2030");
    // Within one Time, a uCode may appear once.
    r = import(panel + "THA,2022,Asia,1,1,1\n", meta_ok);
    find(r, diagnostic_code::duplicate_id, "uCode 'THA' already appears on line 4 (for the same Time)");
}
