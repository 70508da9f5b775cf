// SPDX-License-Identifier: MIT
// Fuzzes the command lines of the `dxframe` tool: argument parsing, option values, method SPECs,
// dates, formats, every command. Input: one argument per line, the first being the command. The
// words @json, @data and @meta stand for the test data files (a valid dataset, COINr iData and
// iMeta), so the fuzzer reaches past the argument checks into real runs.
//
// Arguments that would make the run touch the outside world are skipped, not fuzzed: '-'
// (standard input), -o/--output (writing files), and numbers above 2000 (replication counts,
// thread counts: a long run is not a bug). Oracles are in tool_runner.hpp: exit code 0, 1 or 2,
// a message for every failure, no exception but usage and I/O errors.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "tool_runner.hpp"

namespace {

bool is_big_number(const std::string& s) {
    std::size_t digits = 0;
    for (const char c : s) {
        if (c >= '0' && c <= '9') {
            if (++digits > 3 && s.find_first_not_of("0123456789") == std::string::npos) return true;
        }
    }
    // Numbers written with an exponent or inside a list ("--runs=1e9", "2:5000") count as big too.
    return digits > 3 && s.find_first_of("eE") != std::string::npos;
}

bool touches_outside(const std::string& a) {
    if (a == "-" || a == "-o" || a.rfind("--output", 0) == 0 || a.rfind("--o", 0) == 0) return true;
    return is_big_number(a);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    std::vector<std::string> words;
    std::size_t start = 0;
    while (start <= text.size() && words.size() < 64) {
        std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        words.emplace_back(text.substr(start, end - start));
        start = end + 1;
    }
    if (words.empty() || dxframe::cli::registry().count(words[0]) == 0) return 0;
    const std::string name = words[0];
    std::vector<std::string> args;
    const std::string dir = DXFRAME_FUZZ_DATA_DIR;
    for (std::size_t i = 1; i < words.size(); ++i) {
        std::string a = words[i];
        if (a == "@json") a = dir + "/valid/edge_cases.json";
        if (a == "@data") a = dir + "/index/small_iData.csv";
        if (a == "@meta") a = dir + "/index/small_iMeta.csv";
        if (touches_outside(a)) return 0;
        args.push_back(std::move(a));
    }
    const auto r = dxframe_fuzz::run_tool(name, args);
    if (r.code == 0 && (name == "progress" || name == "index")) {
        // CSV output is checked cell by cell; JSON output cannot show a NaN (it would be null).
        if (r.out.find(',') != std::string::npos) dxframe_fuzz::require_no_nonfinite_cells(r.out, "dxframe " + name);
    }
    return 0;
}
