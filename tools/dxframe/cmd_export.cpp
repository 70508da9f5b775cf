// SPDX-License-Identifier: MIT
// `dxframe export vietnam [-o FILE]`: prints (or writes) an embedded dataset as dxframe/1 JSON.
//
// The output is save_dataset() of the parsed dataset, not the embedded text itself, so it is the
// canonical form every other command writes (readable UTF-8, 2-space indent, ordered keys) and
// reading it back gives the same dataset.
#include <optional>
#include <string>

#include <dxframe/data/vietnam.hpp>
#include <dxframe/io/dataset_json.hpp>
#include <dxframe/io/file.hpp>

#include "cli.hpp"

namespace {

constexpr const char* export_usage =
    "Usage: dxframe export DATASET [-o FILE]\n"
    "\n"
    "Prints an embedded dataset as dxframe/1 JSON (UTF-8), in the canonical form that\n"
    "'dxframe validate' and the other commands read.\n"
    "\n"
    "Datasets:\n"
    "  vietnam        Viet Nam's national DX framework: pillars, indicators, targets with\n"
    "                 sources, tasks, 63 + 34 provinces, ministries, reported figures\n"
    "\n"
    "Options:\n"
    "  -o, --output FILE   write to FILE instead of standard output ('-' means standard\n"
    "                      output); a regular file atomically (temporary file, then rename),\n"
    "                      a device or a pipe directly\n"
    "\n"
    "Exit codes: 0 success; 2 usage error (unknown dataset) or the file cannot be written.\n";

int run_export(dxframe::cli::context& ctx) {
    using dxframe::cli::usage_error;
    const dxframe::cli::parsed_args args(ctx.args, {"-o", "--output"});
    const auto& names = args.positionals();
    if (names.empty()) throw usage_error("which dataset? (known: vietnam)");
    if (names.size() > 1) throw usage_error("one dataset at a time, not " + std::to_string(names.size()));
    if (names.front() != "vietnam") throw usage_error("unknown dataset '" + names.front() + "' (known: vietnam)");

    const std::string json = dxframe::save_dataset(dxframe::data::vietnam());
    if (args.has("-o") && args.has("--output")) throw usage_error("give -o or --output, not both");
    // Repeating the same option is allowed; the last value wins, as for every command.
    std::optional<std::string> output = args.get("-o");
    if (!output) output = args.get("--output");
    if (!output || *output == "-") {
        ctx.out << json;
        return dxframe::cli::exit_ok;
    }
    try {
        dxframe::write_file_atomic(*output, json);
    } catch (const dxframe::io_error& e) {
        throw dxframe::cli::io_failure(e.what());
    }
    return dxframe::cli::exit_ok;
}

const dxframe::cli::registrar export_command{
    {"export", "print an embedded dataset (vietnam) as dxframe/1 JSON", export_usage, run_export}};

}  // namespace
