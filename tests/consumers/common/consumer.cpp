// SPDX-License-Identifier: MIT
// The program every consumer test builds, whichever way it found dxframe (installed package,
// build tree, add_subdirectory, FetchContent, pkg-config). It goes through the public API the
// way an application would: load a small document, validate it, save it and load it again, and
// check that bad data is reported as diagnostics. Exit status 0 only when every check holds.
#include <dxframe/dxframe.hpp>

#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

namespace {

// A complete, valid dxframe/1 document: a nation and two provinces, one indicator in one node,
// one target, one task and three observations (one given as a numerator/denominator ratio).
constexpr std::string_view small_dataset = R"json({
  "format": "dxframe/1",
  "framework": {
    "id": "consumer-test",
    "name": {"vi": "Khung thử", "en": "Test framework"},
    "nation": "VN",
    "pillars": [{"id": "digital_government", "name": {"vi": "Chính phủ số", "en": "Digital government"}}],
    "nodes": [{"id": "dg", "name": {"vi": "Chính phủ số", "en": "Digital government"},
               "pillar": "digital_government"}],
    "indicators": [{"id": "dg.online", "name": {"vi": "Dịch vụ công trực tuyến", "en": "Online public services"},
                    "pillar": "digital_government", "parent": "dg", "unit": "percent",
                    "direction": "higher_is_better"}],
    "targets": [{"id": "t.online", "indicator": "dg.online", "kind": "at_least", "value": 80,
                 "deadline": "2025-12-31", "baseline": {"date": "2020-12-31", "value": 30},
                 "source": {"reference": "Decision 749/QD-TTg"}}],
    "tasks": [{"id": "task.portal", "title": {"vi": "Cổng dịch vụ công", "en": "Public service portal"},
               "owner": "P1", "deadline": "2025-06-30", "status": "in_progress"}]
  },
  "entities": [
    {"id": "VN", "name": {"vi": "Việt Nam", "en": "Viet Nam"}, "level": "nation"},
    {"id": "P1", "name": {"vi": "Tỉnh Một", "en": "Province One"}, "level": "province", "parent": "VN"},
    {"id": "P2", "name": {"vi": "Tỉnh Hai", "en": "Province Two"}, "level": "province", "parent": "VN"}
  ],
  "observations": [
    {"entity": "VN", "indicator": "dg.online", "date": "2023-12-31", "value": 55.5,
     "source": {"reference": "MIC report 2023"}},
    {"entity": "P1", "indicator": "dg.online", "date": "2023-12-31", "value": 61.25,
     "source": {"reference": "MIC report 2023"}},
    {"entity": "P2", "indicator": "dg.online", "date": "2023-12-31", "numerator": 60, "denominator": 63,
     "source": {"reference": "MIC report 2023"}, "status": "provisional"}
  ]
}
)json";

int failures = 0;

void check(bool condition, const char* what) {
    if (!condition) {
        std::fprintf(stderr, "consumer check failed: %s\n", what);
        ++failures;
    }
}

void print_diagnostics(const std::vector<dxframe::diagnostic>& diagnostics) {
    for (const auto& d : diagnostics) {
        std::fprintf(stderr, "  %s: %s\n", d.path.c_str(), d.message.c_str());
    }
}

}  // namespace

int main() {
    std::printf("dxframe %s (format %s)\n", dxframe::version_string, dxframe::format_tag);
    check(std::string(dxframe::version_string) == std::to_string(DXFRAME_VERSION_MAJOR) + "." +
                                                      std::to_string(DXFRAME_VERSION_MINOR) + "." +
                                                      std::to_string(DXFRAME_VERSION_PATCH),
          "version string agrees with the version macros");

    // Load: the document is valid, so there is a dataset and no error.
    const dxframe::load_result loaded = dxframe::load_dataset(small_dataset);
    check(loaded.ok(), "the small dataset loads");
    check(!dxframe::has_errors(loaded.diagnostics), "loading reports no error");
    print_diagnostics(loaded.diagnostics);
    if (!loaded.data) {
        std::fprintf(stderr, "no dataset; stopping\n");
        return 1;
    }
    const dxframe::dataset& ds = *loaded.data;
    check(ds.framework.id == "consumer-test", "framework id");
    check(ds.framework.indicators.size() == 1 && ds.framework.indicators[0].unit == dxframe::unit::percent,
          "one percent indicator");
    check(ds.entities.size() == 3 && ds.entities[2].level == dxframe::entity_level::province,
          "three entities, the last a province");
    check(ds.observations.size() == 3, "three observations");
    check(ds.observations[1].value && *ds.observations[1].value == 61.25, "observation value 61.25");
    check(ds.observations[2].status == dxframe::observation_status::provisional, "provisional status");
    check(ds.framework.targets.size() == 1 && ds.framework.targets[0].deadline.to_string() == "2025-12-31",
          "target deadline");
    check(ds.framework.tasks.size() == 1 && ds.framework.tasks[0].status == dxframe::task_status::in_progress,
          "task status");
    // 60 of 63 provinces, in percent: 95.238...
    const auto share = dxframe::effective_value(ds.observations[2], dxframe::unit::percent);
    check(share && *share > 95.2380 && *share < 95.2381, "ratio observation as a percentage");

    // Validate: a consistent dataset has no error.
    const std::vector<dxframe::diagnostic> checked = dxframe::validate(ds);
    check(!dxframe::has_errors(checked), "the small dataset validates without errors");
    print_diagnostics(checked);

    // A value of 130 for a percent indicator is bad data: reported, not thrown.
    dxframe::dataset broken = ds;
    broken.observations.edit(0)->value = 130.0;
    const std::vector<dxframe::diagnostic> broken_checked = dxframe::validate(broken);
    check(dxframe::has_errors(broken_checked), "a percent of 130 is an error");
    bool out_of_bounds_reported = false;
    for (const auto& d : broken_checked) {
        if (d.code == dxframe::diagnostic_code::value_out_of_bounds && d.path.rfind("/observations/0", 0) == 0) {
            out_of_bounds_reported = true;
        }
    }
    check(out_of_bounds_reported, "value_out_of_bounds at /observations/0");

    // Save and load again: the same data comes back.
    const std::string saved = dxframe::save_dataset(ds);
    const dxframe::load_result reloaded = dxframe::load_dataset(saved);
    check(reloaded.ok() && reloaded.data, "the saved document loads again");
    if (reloaded.data) {
        check(reloaded.data->observations.size() == 3 && reloaded.data->observations[0].value &&
                  *reloaded.data->observations[0].value == 55.5,
              "round trip keeps the observations");
        check(dxframe::save_dataset(*reloaded.data) == saved, "saving again gives the same text");
    }

    // A document with an impossible date: no dataset, and the problem is located.
    std::string bad(small_dataset);
    const std::string good_date = "\"date\": \"2023-12-31\", \"value\": 55.5";
    const auto at = bad.find(good_date);
    check(at != std::string::npos, "test document contains the first observation");
    if (at != std::string::npos) {
        bad.replace(at, good_date.size(), "\"date\": \"2023-02-30\", \"value\": 55.5");
        const dxframe::load_result rejected = dxframe::load_dataset(bad);
        check(!rejected.ok() && !rejected.data, "an impossible date rejects the document");
        bool located = false;
        for (const auto& d : rejected.diagnostics) {
            if (d.code == dxframe::diagnostic_code::invalid_date && d.path == "/observations/0/date") {
                located = true;
            }
        }
        check(located, "invalid_date reported at /observations/0/date");
    }

    // The JSON layer converts described result structs directly.
    const std::string diag_json = dxframe::to_json_text(dxframe::diagnostic{});
    check(
        diag_json.find("\"severity\"") != std::string::npos && diag_json.find("\"invalid_json\"") != std::string::npos,
        "to_json_text writes member names and enums as strings");

    if (failures != 0) {
        std::fprintf(stderr, "%d consumer check(s) failed\n", failures);
        return 1;
    }
    std::printf("consumer OK: %zu entities, %zu observations\n", ds.entities.size(), ds.observations.size());
    return 0;
}
