// SPDX-License-Identifier: MIT
// Running the real `dxframe` executable from a test: scratch files that are removed afterwards,
// and one call that captures the exit status, stdout and stderr.
#pragma once

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <system_error>
#include <vector>

#if !defined(_WIN32)
#include <sys/wait.h>
#include <unistd.h>
#endif

namespace dxframe_test {

namespace fs = std::filesystem;

/// What one run of the tool gave.
struct run_result {
    int status = -1;  ///< Exit status (-1 when the process did not exit normally).
    std::string out;  ///< Standard output.
    std::string err;  ///< Standard error.
};

/// The bytes of a file.
inline std::string slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

/// A temporary path no other test process uses (ctest runs test cases in parallel).
inline fs::path scratch_path(const std::string& stem) {
    static int counter = 0;
#if defined(_WIN32)
    const long pid = 0;
#else
    const long pid = static_cast<long>(::getpid());
#endif
    return fs::temp_directory_path() /
           ("dxframe_test_" + std::to_string(pid) + "_" + std::to_string(counter++) + "_" + stem);
}

/// Scratch files of one test, removed when it ends.
struct scratch {
    std::vector<fs::path> paths;  ///< Everything handed out so far.
    scratch() = default;
    scratch(const scratch&) = delete;
    scratch& operator=(const scratch&) = delete;
    ~scratch() {
        std::error_code ec;
        for (const auto& p : paths)
            fs::remove(p, ec);
    }
    /// A new file holding `content`.
    fs::path file(const std::string& stem, const std::string& content) {
        paths.push_back(scratch_path(stem));
        std::ofstream(paths.back(), std::ios::binary) << content;
        return paths.back();
    }
    /// A new path, not created.
    fs::path name(const std::string& stem) {
        paths.push_back(scratch_path(stem));
        return paths.back();
    }
};

#ifdef DXFRAME_CLI_PATH
/// Runs `[env_prefix] dxframe ARGS [< stdin_file]` through the shell, capturing stdout and stderr.
inline run_result run_cli(const std::string& args, const std::string& stdin_file = "",
                          const std::string& env_prefix = "") {
    scratch s;
    const fs::path out = s.name("out");
    const fs::path err = s.name("err");
    std::string cmd = env_prefix + "\"" + std::string(DXFRAME_CLI_PATH) + "\" " + args + " > \"" + out.string() +
                      "\" 2> \"" + err.string() + "\"";
    if (!stdin_file.empty()) cmd += " < \"" + stdin_file + "\"";
    const int raw = std::system(cmd.c_str());
    run_result r;
#if defined(_WIN32)
    r.status = raw;
#else
    r.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
#endif
    r.out = slurp(out);
    r.err = slurp(err);
    return r;
}
#endif

}  // namespace dxframe_test
