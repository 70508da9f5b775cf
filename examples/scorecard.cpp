// SPDX-License-Identifier: MIT
// The national scorecard of the embedded Vietnam dataset: assess every target as of a date,
// roll the results up per pillar, and print them — the same thing `dxframe` prints.
//
//   example_scorecard [YYYY-MM-DD] [vi|en]     (default: today, English)
#include <cstdio>
#include <exception>
#include <iostream>
#include <string>

#include <dxframe/data/vietnam.hpp>
#include <dxframe/report.hpp>

int run(int argc, char** argv) {
    dxframe::date as_of = dxframe::date::today();
    if (argc > 1) {
        const auto d = dxframe::date::parse(argv[1]);
        if (!d) {
            std::cerr << "not a date (YYYY-MM-DD): " << argv[1] << "\n";
            return 2;
        }
        as_of = *d;
    }

    // The embedded dataset: pillars, indicators, targets with sources, tasks, observations.
    const dxframe::dataset vietnam = dxframe::data::vietnam();

    // Build the scorecard: pure computation, no printing.
    dxframe::scorecard_options options;
    options.lang = argc > 2 && std::string(argv[2]) == "vi" ? dxframe::language::vi : dxframe::language::en;
    options.progress.method = dxframe::progress_method::linear;
    const dxframe::scorecard sc = dxframe::make_scorecard(vietnam, as_of, options);

    // Use the numbers directly...
    std::cout << "As of " << as_of.to_string() << ": " << sc.overall.targets << " targets, overall score "
              << dxframe::percent(sc.overall.score) << "\n";
    for (const dxframe::scorecard_group& p : sc.pillars) {
        std::cout << "  " << dxframe::pad_right(p.name, 26) << dxframe::pad_left(dxframe::percent(p.score), 5) << "  "
                  << p.targets << " targets, " << p.off_track.size() << " off track or overdue\n";
    }
    for (const dxframe::scorecard_task& t : sc.overdue_tasks) {
        std::cout << "  overdue by " << t.days_late.value_or(0) << " days: " << t.title << " (" << t.owner_name
                  << ")\n";
    }
    std::cout << "\n";

    // ...or render them: terminal text here; render_markdown, render_csv, render_json and
    // render_html give the other formats.
    std::cout << dxframe::render_terminal(sc);
    return sc.pillars.empty() ? 1 : 0;
}

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
