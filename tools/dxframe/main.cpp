// SPDX-License-Identifier: MIT
// dxframe — command-line tool over the dxframe library. This file only dispatches; each
// sub-command is in its own cmd_*.cpp and registers itself (see cli.hpp).
#include <cstdio>
#include <exception>
#include <iostream>
#include <string>
#include <vector>

#include <unistd.h>

#include <dxframe/version.hpp>

#include "cli.hpp"

namespace {

void print_help(std::ostream& out) {
    out << "dxframe " << dxframe::version_string
        << " — national digital-transformation framework: targets, progress, indices\n\n"
           "Usage: dxframe [COMMAND] [ARGS...]\n"
           "       dxframe                 the scorecard of the embedded Vietnam dataset, as of today\n\n"
           "Commands:\n";
    for (const auto& [name, cmd] : dxframe::cli::registry()) {
        std::string padded = "  " + name;
        padded.resize(16, ' ');
        out << padded << cmd.summary << "\n";
    }
    out << "\nRun 'dxframe COMMAND --help' for a command's options.\n"
           "Exit codes: 0 success; 1 the input has errors; 2 usage or I/O error.\n";
}

}  // namespace

int main(int argc, char** argv) {
    using namespace dxframe::cli;
    std::vector<std::string> args(argv + 1, argv + argc);
    std::string name = "scorecard";  // no arguments: the main job
    if (!args.empty()) {
        if (args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
            print_help(std::cout);
            return exit_ok;
        }
        if (args[0] == "--version") {
            std::cout << "dxframe " << dxframe::version_string << "\n";
            return exit_ok;
        }
        // Options without a command belong to the default command: `dxframe --as-of 2025-01-01`.
        if (args[0].empty() || args[0].front() != '-') {
            name = args[0];
            args.erase(args.begin());
        }
    }
    const auto it = registry().find(name);
    if (it == registry().end()) {
        std::cerr << "dxframe: unknown command '" << name << "'\n\n";
        print_help(std::cerr);
        return exit_usage_error;
    }
    const command& cmd = it->second;
    for (const auto& a : args) {
        if (a == "--help" || a == "-h") {
            std::cout << cmd.usage;
            return exit_ok;
        }
    }
    context ctx{args, std::cout, std::cerr, isatty(fileno(stdout)) != 0, isatty(fileno(stderr)) != 0};
    try {
        const int code = cmd.run(ctx);
        std::cout.flush();
        if (!std::cout) {
            std::cerr << "dxframe " << name << ": error writing to standard output\n";
            return exit_usage_error;
        }
        return code;
    } catch (const usage_error& e) {
        std::cerr << "dxframe " << name << ": " << e.what() << "\n\n" << cmd.usage;
        return exit_usage_error;
    } catch (const io_failure& e) {
        std::cerr << "dxframe " << name << ": " << e.what() << "\n";
        return exit_usage_error;
    } catch (const std::exception& e) {
        // Library misuse or an unexpected failure: never a stack trace, always a message.
        std::cerr << "dxframe " << name << ": internal error: " << e.what() << "\n";
        return exit_usage_error;
    }
}
