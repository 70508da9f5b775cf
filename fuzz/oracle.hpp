// SPDX-License-Identifier: MIT
// What every dxframe fuzz harness checks beyond "no crash": a broken promise of the library
// (a NaN in a result, an exception escaping an API that reports problems as diagnostics, a
// save that does not load back) aborts, so libFuzzer records the input that caused it.
#pragma once

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace dxframe_fuzz {

/// Stops the run: libFuzzer saves the current input as a crash.
[[noreturn]] inline void broken(const std::string& what) {
    std::fprintf(stderr, "dxframe fuzz oracle: %s\n", what.c_str());
    std::abort();
}

/// Every number in `j` is finite. nlohmann keeps a NaN put into it as a number (it only writes
/// it out as null), so converting a result to JSON and walking it finds any NaN the result held.
inline void require_finite(const nlohmann::json& j, const std::string& where, const std::string& path = "") {
    if (j.is_number_float()) {
        if (!std::isfinite(j.get<double>())) broken(where + ": non-finite number at " + path);
    } else if (j.is_object()) {
        for (const auto& [key, value] : j.items())
            require_finite(value, where, path + "/" + key);
    } else if (j.is_array()) {
        for (std::size_t i = 0; i < j.size(); ++i)
            require_finite(j[i], where, path + "/" + std::to_string(i));
    }
}

/// `text` has no "nan" or "inf" cell: for CSV the tool writes (cells separated by commas).
inline void require_no_nonfinite_cells(std::string_view text, const std::string& where) {
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t end = text.find_first_of(",\n\r", start);
        if (end == std::string_view::npos) end = text.size();
        std::string cell(text.substr(start, end - start));
        for (auto& c : cell)
            c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
        if (!cell.empty() && (cell[0] == '-' || cell[0] == '+')) cell.erase(0, 1);
        if (cell == "nan" || cell == "inf" || cell == "infinity") broken(where + ": cell '" + cell + "' in CSV output");
        start = end + 1;
    }
}

}  // namespace dxframe_fuzz
