// SPDX-License-Identifier: MIT
// Runs one registered `dxframe` command in-process, as tools/dxframe/main.cpp would, with its
// output captured. The harnesses that use it link every tools/dxframe/cmd_*.cpp (not main.cpp):
// each command registers itself at start-up.
#pragma once

#include <exception>
#include <sstream>
#include <string>
#include <vector>

#include "../tools/dxframe/cli.hpp"
#include "oracle.hpp"

namespace dxframe_fuzz {

/// What one command gave.
struct tool_run {
    int code = 0;     ///< Exit code main() would return.
    std::string out;  ///< Standard output.
    std::string err;  ///< Standard error.
};

/// Runs `name args...`. Usage and I/O errors are the command's to report (exit 2); any other
/// exception would reach main's "internal error" handler, which the tool promises never to need,
/// so it is a finding. So are an exit code other than 0, 1, 2 and a failure with no message.
inline tool_run run_tool(const std::string& name, const std::vector<std::string>& args) {
    using namespace dxframe::cli;
    const auto it = registry().find(name);
    if (it == registry().end()) broken("no command '" + name + "' is registered");
    std::ostringstream out;
    std::ostringstream err;
    context ctx{args, out, err, false, false};
    tool_run r;
    try {
        r.code = it->second.run(ctx);
    } catch (const usage_error& e) {
        r.code = exit_usage_error;
        err << e.what();
    } catch (const io_failure& e) {
        r.code = exit_usage_error;
        err << e.what();
    } catch (const std::exception& e) {
        broken("dxframe " + name + ": internal error: " + e.what());
    }
    if (r.code < 0 || r.code > 2) broken("dxframe " + name + ": exit code " + std::to_string(r.code));
    // `validate` reports on standard output (its report is the product); the others on stderr.
    if (r.code != 0 && err.str().empty() && out.str().empty())
        broken("dxframe " + name + ": failed without saying why");
    r.out = out.str();
    r.err = err.str();
    return r;
}

}  // namespace dxframe_fuzz
