// SPDX-License-Identifier: MIT
// Load a dxframe/1 document, validate it and print every problem with its place.
//
//   example_validate_file [FILE.json]     (default: data/vietnam-sample.json)
#include <exception>
#include <iostream>
#include <string>

#include <dxframe/io/dataset_json.hpp>
#include <dxframe/validate.hpp>

int main(int argc, char** argv) {
    const std::string path = argc > 1 ? argv[1] : "data/vietnam-sample.json";

    // Loading never throws on bad data and never returns a half-built dataset; only a file
    // that cannot be read at all throws.
    dxframe::load_result loaded;
    try {
        loaded = dxframe::load_dataset_file(path);
    } catch (const std::exception& e) {  // dxframe::io_error: missing or unreadable file
        std::cerr << e.what() << "\n";
        return 2;
    }
    for (const dxframe::diagnostic& d : loaded.diagnostics) {
        std::cerr << path << ":" << d.path << ": " << d.message << "\n";
    }
    if (!loaded.ok()) return 1;

    // Checks references, bounds, ratios, dates, weights, cycles, duplicates, ...
    const std::vector<dxframe::diagnostic> problems = dxframe::validate(*loaded.data);
    for (const dxframe::diagnostic& d : problems) {
        std::cerr << path << ":" << d.path << ": " << d.message << "\n";
    }
    std::cout << path << ": " << loaded.data->framework.targets.size() << " targets, "
              << loaded.data->observations.size() << " observations, "
              << dxframe::count(problems, dxframe::severity::error) << " errors\n";
    return dxframe::has_errors(problems) ? 1 : 0;
}
