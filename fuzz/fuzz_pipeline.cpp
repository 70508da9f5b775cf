// SPDX-License-Identifier: MIT
// Fuzzes the whole pipeline on one dataset document: load -> validate -> progress (every method)
// -> scorecard (every format) -> index, first through the library, then through the tool's
// commands on the same bytes written to a file.
//
// Oracles: no NaN or infinity in any assessment, roll-up or scorecard (checked on their JSON
// form, which keeps a NaN as a number); every renderer succeeds on every scorecard; the tool
// exits 0 or 1 on a readable file, and a dataset `dxframe validate` accepts is one `progress` and
// `scorecard` accept; no CSV cell of the tool's output is NaN or infinite.
#include <dxframe/io/dataset_json.hpp>
#include <dxframe/io/json.hpp>
#include <dxframe/progress.hpp>
#include <dxframe/report.hpp>
#include <dxframe/validate.hpp>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <string>
#include <string_view>
#include <vector>

#include <unistd.h>

#include "tool_runner.hpp"

namespace {

const dxframe::progress_method methods[] = {dxframe::progress_method::linear, dxframe::progress_method::growth_ratio,
                                            dxframe::progress_method::projection};
const char* const method_names[] = {"linear", "growth_ratio", "projection"};
const char* const formats[] = {"text", "md", "json", "csv", "html"};
const char* const as_of_dates[] = {"2025-06-30", "2020-01-01", "2030-12-31"};

void check_library(const dxframe::dataset& ds, std::size_t variant) {
    const auto as_of = *dxframe::date::parse(as_of_dates[variant % 3]);
    for (const auto method : methods) {
        dxframe::progress_options po;
        po.method = method;
        const auto assessments = dxframe::assess_all(ds, as_of, po, dxframe::entity_scope::all_observed);
        dxframe_fuzz::require_finite(nlohmann::json(assessments), "assess_all");
        dxframe_fuzz::require_finite(nlohmann::json(dxframe::rollup(ds.framework, assessments)), "rollup");
        dxframe::scorecard_options so;
        so.progress = po;
        const dxframe::scorecard sc = dxframe::make_scorecard(ds, as_of, so);
        dxframe_fuzz::require_finite(nlohmann::json(sc), "scorecard");
        (void)dxframe::render_terminal(sc);
        (void)dxframe::render_markdown(sc);
        (void)dxframe::render_json(sc);
        dxframe_fuzz::require_no_nonfinite_cells(dxframe::render_csv(sc), "scorecard csv");
        (void)dxframe::render_html(sc);
    }
}

std::string scratch_file() {
    return "/tmp/dxframe-fuzz-pipeline-" + std::to_string(static_cast<long>(::getpid())) + ".json";
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const auto loaded = dxframe::load_dataset(text);
    const std::size_t variant = size;
    if (loaded.ok() && !dxframe::has_errors(dxframe::validate(*loaded.data))) check_library(*loaded.data, variant);

    static const std::string path = scratch_file();
    {
        std::ofstream f(path, std::ios::binary | std::ios::trunc);
        f.write(text.data(), static_cast<std::streamsize>(text.size()));
        if (!f) dxframe_fuzz::broken("cannot write " + path);
    }
    const std::string as_of = as_of_dates[variant % 3];
    const auto validated = dxframe_fuzz::run_tool("validate", {path});
    const auto progress = dxframe_fuzz::run_tool(
        "progress", {path, "--as-of", as_of, "--method", method_names[variant % 3], "--format", "csv"});
    const auto card = dxframe_fuzz::run_tool("scorecard", {path, "--as-of", as_of, "--format", formats[variant % 5]});
    const auto index = dxframe_fuzz::run_tool("index", {path, "--as-of", as_of, "--format", "csv"});
    for (const auto* r : {&validated, &progress, &card, &index}) {
        if (r->code == 2) dxframe_fuzz::broken("exit 2 on a readable file: " + r->err);
    }
    if (validated.code == 0 && (progress.code != 0 || card.code != 0)) {
        dxframe_fuzz::broken("validate accepts the dataset but progress or scorecard does not: " + progress.err +
                             card.err);
    }
    if (progress.code == 0) dxframe_fuzz::require_no_nonfinite_cells(progress.out, "dxframe progress csv");
    if (index.code == 0) dxframe_fuzz::require_no_nonfinite_cells(index.out, "dxframe index csv");
    return 0;
}
