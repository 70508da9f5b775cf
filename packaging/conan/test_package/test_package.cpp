// SPDX-License-Identifier: MIT
// Package test: one real call through the installed headers and dependencies. Loads a
// minimal document and validates it; exit status 0 only if both succeed.
#include <dxframe/dxframe.hpp>

#include <cstdio>

int main() {
    const dxframe::load_result loaded = dxframe::load_dataset(R"({
  "format": "dxframe/1",
  "framework": {"id": "pkg", "name": {"vi": "Gói", "en": "Package"}, "nation": "VN", "pillars": [],
                "nodes": [], "indicators": [{"id": "i", "name": {"vi": "i", "en": "i"}, "unit": "percent",
                                "direction": "higher_is_better"}],
                "targets": [], "tasks": []},
  "entities": [{"id": "VN", "name": {"vi": "Việt Nam", "en": "Viet Nam"}, "level": "nation"}],
  "observations": [{"entity": "VN", "indicator": "i", "date": "2024-12-31", "value": 42.5}]
})");
    if (!loaded.ok()) {
        for (const auto& d : loaded.diagnostics)
            std::fprintf(stderr, "%s: %s\n", d.path.c_str(), d.message.c_str());
        return 1;
    }
    const auto problems = dxframe::validate(*loaded.data);
    std::printf("dxframe %s: %zu observation(s), %zu diagnostic(s)\n", dxframe::version_string,
                loaded.data->observations.size(), problems.size());
    return dxframe::has_errors(problems) || loaded.data->observations.size() != 1 ? 1 : 0;
}
