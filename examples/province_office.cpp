// SPDX-License-Identifier: MIT
// A province's digital-transformation office: its own scorecard (its targets, assessed for its
// entity) and the national count it reports into ("x of N provinces have issued a DX
// resolution"), derived from one yes/no observation per province.
//
// The country, its six provinces and every figure below are ILLUSTRATIVE, made up for the
// example: they describe no real place.
//
//   example_province_office [YYYY-MM-DD]     (default: 2025-12-31)
#include <cstdio>
#include <exception>
#include <iostream>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <dxframe/model.hpp>
#include <dxframe/progress.hpp>
#include <dxframe/report.hpp>
#include <dxframe/validate.hpp>

namespace {

using namespace dxframe;

/// Every record says where it comes from; here, from nowhere real.
source illustrative() {
    source s;
    s.reference = "Illustrative figure, made up for this example";
    return s;
}

indicator make_indicator(const std::string& id, const std::string& en, unit u) {
    indicator ind;
    ind.id = id;
    ind.name = {en, en};
    ind.pillar = pillar::digital_government;
    ind.unit = u;
    return ind;
}

target make_target(const std::string& id, const std::string& indicator_id, std::optional<std::string> entity,
                   double value, const char* deadline) {
    target t;
    t.id = id;
    t.indicator = indicator_id;
    t.entity = std::move(entity);
    t.kind = target_kind::at_least;
    t.value = value;
    t.deadline = *date::parse(deadline);
    t.source = illustrative();
    return t;
}

observation make_observation(const std::string& entity_id, const std::string& indicator_id, const char* when,
                             double value) {
    observation o;
    o.entity = entity_id;
    o.indicator = indicator_id;
    o.date = *date::parse(when);
    o.value = value;
    o.source = illustrative();
    return o;
}

/// The illustrative dataset: a nation, six provinces, two province indicators with targets for
/// "river_delta", and the national share of provinces with a DX resolution, derived as a count.
dataset illustrative_country() {
    dataset ds;
    framework& fw = ds.framework;
    fw.id = "illustrative_dx";
    fw.name = {"Chuyển đổi số (ví dụ)", "Digital transformation (illustrative)"};
    fw.nation = "country";
    fw.pillars.push_back({pillar::digital_government, {"Chính quyền số", "Digital government"}, std::nullopt});

    entity nation;
    nation.id = "country";
    nation.name = {"Quốc gia", "The country"};
    nation.level = entity_level::nation;
    ds.entities.push_back(nation);
    for (const char* id : {"capital", "coast", "highland", "lake", "north_hill", "river_delta"}) {
        entity province;
        province.id = id;
        province.name = {id, id};
        province.level = entity_level::province;
        province.parent = "country";
        ds.entities.push_back(province);
    }

    fw.indicators.push_back(make_indicator("online_dossier_share", "Dossiers submitted online (%)", unit::percent));
    fw.indicators.push_back(make_indicator("dx_resolution_issued", "Province has a DX resolution", unit::boolean));
    indicator national =
        make_indicator("provinces_with_dx_resolution", "Provinces with a DX resolution (%)", unit::percent);
    derivation count;
    count.kind = derivation_kind::count;
    count.level = entity_level::province;
    count.indicator = "dx_resolution_issued";
    count.condition = count_condition{comparison::at_least, 1};
    national.derived = count;
    fw.indicators.push_back(national);

    // The province's own target, and the national one its resolution counts towards.
    fw.targets.push_back(make_target("river_delta_online_80", "online_dossier_share", "river_delta", 80, "2025-12-31"));
    fw.targets.push_back(
        make_target("all_provinces_resolution", "provinces_with_dx_resolution", std::nullopt, 100, "2025-12-31"));

    for (const auto& [when, value] :
         std::vector<std::pair<const char*, double>>{{"2023-12-31", 40}, {"2024-12-31", 55}, {"2025-06-30", 68}})
        ds.observations.push_back(make_observation("river_delta", "online_dossier_share", when, value));
    // Each province reports yes (1) or no (0); a "no" stands until a later report ("highland" does
    // not report in 2025); "lake" never reports, so it is listed as missing.
    for (const auto& [province, value] : std::vector<std::pair<const char*, double>>{
             {"capital", 1}, {"coast", 1}, {"highland", 0}, {"north_hill", 0}, {"river_delta", 1}})
        ds.observations.push_back(make_observation(province, "dx_resolution_issued", "2024-06-30", value));
    for (const char* province : {"capital", "coast", "north_hill", "river_delta"})
        ds.observations.push_back(make_observation(province, "dx_resolution_issued", "2025-06-30", 1));
    return ds;
}

std::string list(const std::vector<std::string>& ids) {
    std::string out;
    for (const std::string& id : ids)
        out += (out.empty() ? "" : ", ") + id;
    return out.empty() ? "none" : out;
}

int run(int argc, char** argv) {
    date as_of = *date::parse("2025-12-31");
    if (argc > 1) {
        const auto d = date::parse(argv[1]);
        if (!d) {
            std::cerr << "not a date (YYYY-MM-DD): " << argv[1] << "\n";
            return 2;
        }
        as_of = *d;
    }
    const dataset ds = illustrative_country();
    const std::vector<diagnostic> problems = validate(ds);
    for (const diagnostic& dg : problems)
        std::cerr << dg.path << ": " << dg.message << "\n";
    if (has_errors(problems)) return 1;

    // 1. The province's scorecard: each target for the entity it binds.
    scorecard_options options;
    options.lang = language::en;
    const scorecard sc = make_scorecard(ds, as_of, options);
    std::cout << "Province river_delta, as of " << as_of.to_string() << "\n";
    for (const scorecard_target& t : sc.targets) {
        if (t.entity != "river_delta") continue;
        std::cout << "  " << t.indicator_name << ": "
                  << (t.latest ? trimmed_number(t.latest->value, 1) : std::string("no data")) << " (target "
                  << trimmed_number(t.target_value.value_or(0), 1) << " by " << t.deadline.to_string() << ") - "
                  << status_label(t.status, language::en) << "\n";
    }

    // 2. The national count it reports into, from the provinces' yes/no observations.
    const indicator& national = ds.framework.indicators.back();
    std::cout << "\nNational: " << national.name.en << "\n";
    for (const derived_point& p : derive_series(ds, national)) {
        if (as_of < p.date) break;
        const derived_membership who = derived_members(ds, national, p.date);
        std::cout << "  " << p.date.to_string() << ": " << trimmed_number(p.numerator.value_or(0), 0) << " of "
                  << trimmed_number(p.denominator.value_or(0), 0) << " provinces = " << trimmed_number(p.value, 1)
                  << "%; not yet: " << list(who.not_meeting) << "; not reported: " << list(who.missing) << "\n";
    }
    for (const scorecard_target& t : sc.targets) {
        if (t.id == "all_provinces_resolution")
            std::cout << "  target 100% by " << t.deadline.to_string() << ": " << status_label(t.status, language::en)
                      << "\n";
    }
    return sc.targets.empty() ? 1 : 0;
}

}  // namespace

// Misuse of the API throws dxframe::error (bad data never does): report it, do not crash.
int main(int argc, char** argv) {
    try {
        return run(argc, argv);
    } catch (const std::exception& e) {
        std::fputs(e.what(), stderr);
        std::fputs("\n", stderr);
    } catch (...) {
        std::fputs("unexpected exception\n", stderr);
    }
    return 1;
}
