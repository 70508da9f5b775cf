// SPDX-License-Identifier: MIT
// Commune-scale benchmark (issue 15): for each dataset file (bench/commune_gen.cpp), side by
// side in one run, each step in a child process of its own so that its peak memory is its own
// (wait4's ru_maxrss):
//   dom        the file read and parsed by nlohmann::json (the yardstick)
//   load       load_dataset_file (streaming) + validate
//   progress   assess_all over every entity that reports (progress --all-entities), after a load
//   scorecard  make_scorecard, after a load
//   index      make_dataset_input (the dataset -> index step), after a load
// Prints one Markdown table: seconds, microseconds per observation, peak RSS, and the ratios
// the issue asks for (load + validate / DOM parse, peak / file size).
//
//   scale_bench FILE...      e.g. scale_bench /tmp/commune-100k.json /tmp/commune-1m.json
#include <dxframe/index/dataset_input.hpp>
#include <dxframe/io/dataset_json.hpp>
#include <dxframe/progress/assess.hpp>
#include <dxframe/progress/scorecard.hpp>
#include <dxframe/report/format.hpp>
#include <dxframe/validate.hpp>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include <nlohmann/json.hpp>

namespace {

using clock_type = std::chrono::steady_clock;

double seconds_since(clock_type::time_point start) {
    return std::chrono::duration<double>(clock_type::now() - start).count();
}

// What a child measured: its timed seconds and a count (observations read), or failure.
struct measured {
    bool ok = false;
    double seconds = 0;
    double count = 0;
    double peak_mb = 0;
};

// Runs `step` in a child; the child writes "seconds count" to a pipe.
measured in_child(const std::function<std::pair<double, double>()>& step) {
    int fds[2];
    if (pipe(fds) != 0) return {};
    const pid_t pid = fork();
    if (pid == 0) {
        close(fds[0]);
        const auto r = step();
        const std::string line = std::to_string(r.first) + " " + std::to_string(r.second) + "\n";
        const ssize_t written = write(fds[1], line.data(), line.size());
        _exit(written == static_cast<ssize_t>(line.size()) ? 0 : 1);
    }
    close(fds[1]);
    std::string text;
    char buffer[256];
    for (ssize_t got; (got = read(fds[0], buffer, sizeof buffer)) > 0;)
        text.append(buffer, static_cast<std::size_t>(got));
    close(fds[0]);
    int status = 0;
    rusage usage{};
    wait4(pid, &status, 0, &usage);
    measured m;
    std::istringstream in(text);
    m.ok = WIFEXITED(status) && WEXITSTATUS(status) == 0 && static_cast<bool>(in >> m.seconds >> m.count);
    m.peak_mb = static_cast<double>(usage.ru_maxrss) / 1024.0;  // Linux: kilobytes
    return m;
}

dxframe::dataset load_or_die(const std::string& path) {
    auto r = dxframe::load_dataset_file(path);
    if (!r.ok()) {
        std::cerr << path << ": does not load: " << r.diagnostics.front().message << "\n";
        _exit(3);
    }
    return std::move(*r.data);
}

const dxframe::date as_of = *dxframe::date::parse("2025-12-31");

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::cerr << "usage: scale_bench FILE...\n";
        return 2;
    }
    std::cout << "| file | MB | observations | step | s | µs / obs | peak MB | peak / file | vs DOM parse |\n"
              << "|---|---|---|---|---|---|---|---|---|\n";
    for (int a = 1; a < argc; ++a) {
        const std::string path = argv[a];
        const double file_mb = static_cast<double>(std::filesystem::file_size(path)) / (1024.0 * 1024.0);
        const measured dom = in_child([&] {
            const auto start = clock_type::now();
            std::ifstream in(path, std::ios::binary);
            std::ostringstream s;
            s << in.rdbuf();
            const std::string text = s.str();
            const nlohmann::json j = nlohmann::json::parse(text);
            return std::make_pair(seconds_since(start), static_cast<double>(j.at("observations").size()));
        });
        const measured load = in_child([&] {
            const auto start = clock_type::now();
            dxframe::detail::load_statistics stats;
            auto r = dxframe::detail::load_dataset_file_with(path, {}, &stats);
            if (!r.ok()) _exit(3);
            const auto problems = dxframe::validate(*r.data);
            if (dxframe::has_errors(problems)) _exit(4);
            // The second number: observations not on the fast path (≈ 0 on this file).
            return std::make_pair(seconds_since(start),
                                  static_cast<double>(stats.observations - stats.fast_observations));
        });
        const measured progress = in_child([&] {
            const dxframe::dataset ds = load_or_die(path);
            const auto start = clock_type::now();
            const auto all = dxframe::assess_all(ds, as_of, {}, dxframe::entity_scope::all_observed);
            return std::make_pair(seconds_since(start), static_cast<double>(all.size()));
        });
        const measured scorecard = in_child([&] {
            const dxframe::dataset ds = load_or_die(path);
            const auto start = clock_type::now();
            const auto sc = dxframe::make_scorecard(ds, as_of);
            return std::make_pair(seconds_since(start), static_cast<double>(sc.targets.size()));
        });
        const measured index = in_child([&] {
            const dxframe::dataset ds = load_or_die(path);
            const auto start = clock_type::now();
            const auto input = dxframe::make_dataset_input(ds);
            return std::make_pair(seconds_since(start), static_cast<double>(input.units.size()));
        });
        const double observations = dom.count;
        const auto row = [&](const char* step, const measured& m, const std::string& note) {
            std::cout << "| " << std::filesystem::path(path).filename().string() << " | "
                      << dxframe::fixed_number(file_mb, 0) << " | " << dxframe::fixed_number(observations, 0) << " | "
                      << step << " | " << (m.ok ? dxframe::fixed_number(m.seconds, 2) : std::string("failed")) << " | "
                      << dxframe::fixed_number(m.seconds * 1e6 / (observations > 0 ? observations : 1), 2) << " | "
                      << dxframe::fixed_number(m.peak_mb, 0) << " | " << dxframe::fixed_number(m.peak_mb / file_mb, 2)
                      << "× | " << note << " |\n";
        };
        row("DOM parse (nlohmann::json)", dom, "1.00×");
        row("load_dataset_file + validate", load,
            dxframe::fixed_number(load.seconds / dom.seconds, 2) + "× (" + dxframe::fixed_number(load.count, 0) +
                " observations off the fast path)");
        row("assess_all, all entities", progress, "");
        row("make_scorecard", scorecard, "");
        row("make_dataset_input", index, "");
        std::cout.flush();
    }
    return 0;
}
