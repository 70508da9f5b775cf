// SPDX-License-Identifier: MIT
// Commune-scale benchmark (issue 15): for each dataset file (bench/commune_gen.cpp), side by
// side in one run, each step in a child process of its own so that its peak memory is its own
// (wait4's ru_maxrss):
//   dom        the file read and parsed by nlohmann::json (the yardstick)
//   load       load_dataset_file (streaming); then + validate (no missing_source notes, as
//              progress and scorecard run it); then + validate as `dxframe validate` runs it
//              (a missing_source note for each observation without a source)
//   progress   assess_all over every entity that reports (progress --all-entities), after a load
//   scorecard  make_scorecard, after a load
//   index      make_dataset_input (the dataset -> index step), after a load
// Prints one Markdown table: CPU seconds of each step's timed part (user + system: on a shared
// machine steadier than the wall clock, also shown), CPU microseconds per observation, peak
// RSS, and the ratios the issue asks for (load + validate / DOM parse, in CPU seconds of the
// whole child; peak / file size).
//
//   scale_bench FILE...      e.g. scale_bench /tmp/commune-100k.json /tmp/commune-1m.json
//   scale_bench --repeat N FILE...   N rounds of every step (round by round, so that a slow spell
//                            of a shared machine hits each step alike); each step's fastest child
//                            (least CPU) is shown, as the Google Benchmark programs show the fastest
//                            iteration
#include <dxframe/index/dataset_input.hpp>
#include <dxframe/io/dataset_json.hpp>
#include <dxframe/progress/assess.hpp>
#include <dxframe/progress/scorecard.hpp>
#include <dxframe/report/format.hpp>
#include <dxframe/validate.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
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

// CPU seconds (user + system) of this process so far: on a shared machine the steadier
// measure of a step than the wall clock.
double process_cpu() {
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return static_cast<double>(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
           static_cast<double>(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

// Since a start: wall seconds, CPU seconds.
struct stopwatch {
    clock_type::time_point wall = clock_type::now();
    double cpu = process_cpu();
};

double seconds_since(const stopwatch& start) {
    return std::chrono::duration<double>(clock_type::now() - start.wall).count();
}

double cpu_since(const stopwatch& start) {
    return process_cpu() - start.cpu;
}

// What a child measured: its timed seconds (wall clock) and a count, its CPU seconds (user +
// system, the whole child: on a shared machine the steadier figure) and its peak RSS.
struct measured {
    bool ok = false;
    double seconds = 0;
    double count = 0;
    double timed_cpu = 0;
    double cpu = 0;
    double peak_mb = 0;
};

double cpu_seconds(const rusage& u) {
    return static_cast<double>(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
           static_cast<double>(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

// What a step measured of its timed part.
struct timing {
    double wall = 0;
    double cpu = 0;
    double count = 0;
};

// Runs `step` in a child; the child writes "wall cpu count" to a pipe.
measured in_child(const std::function<timing()>& step) {
    int fds[2];
    if (pipe(fds) != 0) return {};
    const pid_t pid = fork();
    if (pid == 0) {
        close(fds[0]);
        const auto r = step();
        const std::string line =
            std::to_string(r.wall) + " " + std::to_string(r.cpu) + " " + std::to_string(r.count) + "\n";
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
    m.ok =
        WIFEXITED(status) && WEXITSTATUS(status) == 0 && static_cast<bool>(in >> m.seconds >> m.timed_cpu >> m.count);
    m.peak_mb = static_cast<double>(usage.ru_maxrss) / 1024.0;  // Linux: kilobytes
    m.cpu = cpu_seconds(usage);
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

// The steps; each returns (timed seconds, a count).
using step_function = std::function<timing(const std::string&)>;

timing dom_step(const std::string& path) {
    const stopwatch start;
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    const std::string text = s.str();
    const nlohmann::json j = nlohmann::json::parse(text);
    return {seconds_since(start), cpu_since(start), static_cast<double>(j.at("observations").size())};
}

// The count: observations not on the loader's fast path (≈ 0 on the generated files).
// check: 0 load only, 1 validate as progress and scorecard do (no missing_source notes), 2 as
// `dxframe validate` does (a note for each observation without a source: all of them here).
timing load_step(const std::string& path, int check) {
    const stopwatch start;
    dxframe::detail::load_statistics stats;
    auto r = dxframe::detail::load_dataset_file_with(path, {}, &stats);
    if (!r.ok()) _exit(3);
    if (check != 0) {
        dxframe::validate_options vo;
        vo.report_missing_sources = check == 2;
        if (dxframe::has_errors(dxframe::validate(*r.data, vo))) _exit(4);
    }
    return {seconds_since(start), cpu_since(start), static_cast<double>(stats.observations - stats.fast_observations)};
}

timing progress_step(const std::string& path) {
    const dxframe::dataset ds = load_or_die(path);
    const stopwatch start;
    const auto all = dxframe::assess_all(ds, as_of, {}, dxframe::entity_scope::all_observed);
    return {seconds_since(start), cpu_since(start), static_cast<double>(all.size())};
}

timing scorecard_step(const std::string& path) {
    const dxframe::dataset ds = load_or_die(path);
    const stopwatch start;
    const auto sc = dxframe::make_scorecard(ds, as_of);
    return {seconds_since(start), cpu_since(start), static_cast<double>(sc.targets.size())};
}

timing index_step(const std::string& path) {
    const dxframe::dataset ds = load_or_die(path);
    const stopwatch start;
    const auto input = dxframe::make_dataset_input(ds);
    return {seconds_since(start), cpu_since(start), static_cast<double>(input.units.size())};
}

struct named_step {
    const char* name;
    const char* label;
    step_function run;
};

const std::vector<named_step>& steps() {
    static const std::vector<named_step> all = {
        {"dom", "DOM parse (nlohmann::json)", dom_step},
        {"load", "load_dataset_file", [](const std::string& p) { return load_step(p, 0); }},
        {"validate", "load_dataset_file + validate", [](const std::string& p) { return load_step(p, 1); }},
        {"notes", "load_dataset_file + validate with source notes",
         [](const std::string& p) { return load_step(p, 2); }},
        {"progress", "assess_all, all entities (after a load)", progress_step},
        {"scorecard", "make_scorecard (after a load)", scorecard_step},
        {"index", "make_dataset_input (after a load)", index_step},
    };
    return all;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc == 4 && std::string(argv[1]) == "--step") {  // one step in this process (for a profiler)
        for (const auto& st : steps()) {
            if (argv[2] == std::string(st.name)) {
                const auto r = st.run(argv[3]);
                std::cout << st.name << ": " << dxframe::fixed_number(r.wall, 3) << " s, CPU "
                          << dxframe::fixed_number(r.cpu, 3) << " s\n";
                return 0;
            }
        }
        return 2;
    }
    int first_file = 1;
    int repeat = 1;
    if (argc >= 3 && std::string(argv[1]) == "--repeat") {
        repeat = std::max(1, std::atoi(argv[2]));
        first_file = 3;
    }
    if (argc <= first_file) {
        std::cerr << "usage: scale_bench [--repeat N] FILE...   or   scale_bench --step "
                     "dom|load|validate|notes|progress|scorecard|index FILE\n";
        return 2;
    }
    std::cout << "| file | MB | observations | step | CPU s | CPU µs / obs | wall s | peak MB | peak / file | vs DOM "
                 "(child CPU) |\n"
              << "|---|---|---|---|---|---|---|---|---|---|\n";
    for (int a = first_file; a < argc; ++a) {
        const std::string path = argv[a];
        const double file_mb = static_cast<double>(std::filesystem::file_size(path)) / (1024.0 * 1024.0);
        std::vector<measured> results(steps().size());
        for (int round = 0; round < repeat; ++round) {
            for (std::size_t i = 0; i < steps().size(); ++i) {
                const measured m = in_child([&] { return steps()[i].run(path); });
                if (round == 0 || !results[i].ok || (m.ok && m.cpu < results[i].cpu)) results[i] = m;
            }
        }
        const measured& dom = results[0];
        const double observations = dom.count > 0 ? dom.count : 1;
        for (std::size_t i = 0; i < steps().size(); ++i) {
            const measured& m = results[i];
            std::string versus;
            if (i <= 3) versus = dxframe::fixed_number(m.cpu / dom.cpu, 2) + "×";
            if (i == 2 || i == 3) versus += ", " + dxframe::fixed_number(m.count, 0) + " off the fast path";
            std::cout << "| " << std::filesystem::path(path).filename().string() << " | "
                      << dxframe::fixed_number(file_mb, 0) << " | " << dxframe::fixed_number(observations, 0) << " | "
                      << steps()[i].label << " | "
                      << (m.ok ? dxframe::fixed_number(m.timed_cpu, 2) : std::string("failed")) << " | "
                      << dxframe::fixed_number(m.timed_cpu * 1e6 / observations, 2) << " | "
                      << dxframe::fixed_number(m.seconds, 2) << " | " << dxframe::fixed_number(m.peak_mb, 0) << " | "
                      << dxframe::fixed_number(m.peak_mb / file_mb, 2) << "× | " << versus << " |\n";
        }
        std::cout.flush();
    }
    return 0;
}
