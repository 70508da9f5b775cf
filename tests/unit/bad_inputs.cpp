// SPDX-License-Identifier: MIT
// The bad-input suite: every malformed file in tests/data/bad/ is given to the real `dxframe`
// executable by the command that reads it, and the run must end with the expected exit status
// (1 = the input has errors, 2 = it cannot be read) and exactly the expected error diagnostics,
// each at its place: a JSON Pointer, the line and column of a JSON syntax error, or the line and
// column of a CSV cell. Never a crash, a sanitizer report, a NaN, or half-written output.
//
// Each JSON file is one small valid dataset (two nodes, two indicators, a target, a task, three
// entities, four observations) with one defect; each CSV file is tests/data/index/small_iData.csv
// or small_iMeta.csv with one defect, paired with the other, valid, table. A file added to
// tests/data/bad/ without a row here fails the coverage test at the end.
#include "catch_compat.hpp"
#include "cli_runner.hpp"

#ifdef DXFRAME_CLI_PATH

#include <algorithm>
#include <cstddef>
#include <filesystem>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

#include <nlohmann/json.hpp>

namespace {

namespace fs = std::filesystem;

const std::string data_dir = DXFRAME_TEST_DATA_DIR;
const std::string bad_dir = data_dir + "/bad";
const std::string good_data = data_dir + "/index/small_iData.csv";
const std::string good_meta = data_dir + "/index/small_iMeta.csv";

/// Which file a diagnostic is about: the bad file of the row, or one of the valid COINr tables
/// it is paired with (a column of iData that iMeta does not describe is reported in iData).
enum class about { bad_file, idata, imeta };

/// One expected error diagnostic: its code and its place. `path` is the JSON Pointer ("" for
/// the whole document or for a table); line and column are 0 when the diagnostic has none.
struct expect {
    std::string code;
    std::string path;
    std::size_t line = 0;
    std::size_t column = 0;
    about where = about::bad_file;
};

/// At a JSON Pointer (validation and type errors carry no line).
expect at(std::string code, std::string path) {
    return {std::move(code), std::move(path), 0, 0, about::bad_file};
}
/// At a JSON Pointer and a line and column (syntax errors, overflowing numbers).
expect at(std::string code, std::string path, std::size_t line, std::size_t column) {
    return {std::move(code), std::move(path), line, column, about::bad_file};
}
/// At a line and column (0 = none) of a CSV table.
expect cell(std::string code, std::size_t line, std::size_t column, about where = about::bad_file) {
    return {std::move(code), "", line, column, where};
}

/// `token` n times: the JSON Pointer of the element at nesting depth n.
std::string repeat(const std::string& token, int n) {
    std::string out;
    for (int i = 0; i < n; ++i)
        out += token;
    return out;
}

/// The commands, with %F for the bad file, %D and %M for the valid COINr tables.
const char* const validate_json = "validate --format json %F";
const char* const validate_text = "validate %F";
const char* const data_table = "index --data %F --meta %M";
const char* const meta_table = "index --data %D --meta %F";

/// One row of the table: a file, how it is run, and what must come out.
struct bad_case {
    std::string file;            ///< Name in tests/data/bad ("." = the folder itself; does_not_exist* = absent).
    std::string command;         ///< Arguments of dxframe, with the placeholders above.
    int exit_status = 1;         ///< 1: errors in the input; 2: cannot be read.
    std::vector<expect> errors;  ///< Exactly the error diagnostics reported.
};

const std::vector<bad_case>& table() {
    static const std::vector<bad_case> rows = {
        // ---- not JSON, or not a JSON object ---------------------------------------------------
        {"empty.json", validate_json, 1, {at("invalid_json", "", 1, 1)}},
        {"empty.json", "index %F", 1, {at("invalid_json", "", 1, 1)}},
        {"whitespace_only.json", validate_json, 1, {at("invalid_json", "", 3, 1)}},
        {"truncated.json", validate_json, 1, {at("invalid_json", "/framework/targets/0", 55, 10)}},
        {"truncated.json", "progress %F", 1, {at("invalid_json", "/framework/targets/0", 55, 10)}},
        {"trailing_comma.json", validate_json, 1, {at("invalid_json", "/framework/nodes/2", 28, 5)}},
        {"missing_comma.json", validate_json, 1, {at("invalid_json", "/framework/nation", 10, 11)}},
        {"single_quotes.json", validate_json, 1, {at("invalid_json", "/framework", 4, 5)}},
        {"unquoted_key.json", validate_json, 1, {at("invalid_json", "/framework/name", 9, 6)}},
        {"trailing_garbage.json", validate_json, 1, {at("invalid_json", "", 151, 1)}},
        {"two_documents.json", validate_json, 1, {at("invalid_json", "", 151, 1)}},
        {"top_level_array.json", validate_json, 1, {at("type_mismatch", "")}},
        {"top_level_string.json", validate_json, 1, {at("type_mismatch", "")}},
        {"nan_literal.json", validate_json, 1, {at("invalid_json", "/observations/0/value", 116, 16)}},
        {"infinity_literal.json", validate_json, 1, {at("invalid_json", "/observations/2/value", 135, 17)}},
        // ---- encodings: a UTF-8 BOM is refused in strict mode (docs/diagnostics.md) -------------
        {"bom_valid_document.json", validate_json, 1, {at("invalid_json", "", 1, 1)}},
        {"bom_then_garbage.json", validate_json, 1, {at("invalid_json", "", 1, 1), at("invalid_json", "", 1, 2)}},
        {"utf16le.json", validate_json, 1, {at("invalid_json", "", 1, 1)}},
        {"invalid_utf8_byte.json", validate_json, 1, {at("invalid_json", "/entities/1/name/vi", 95, 17)}},
        {"invalid_utf8_overlong.json", validate_json, 1, {at("invalid_json", "/framework/id", 4, 15)}},
        {"invalid_utf8_surrogate.json", validate_json, 1, {at("invalid_json", "/entities/2/name/en", 105, 19)}},
        {"invalid_utf8_truncated_sequence.json",
         validate_json,
         1,
         {at("invalid_json", "/observations/0/source/reference", 118, 34)}},
        {"lone_surrogate_escape.json", validate_json, 1, {at("invalid_json", "/entities/1/name/en", 96, 25)}},
        {"control_char_in_string.json", validate_json, 1, {at("invalid_json", "/entities/0/name/en", 88, 20)}},
        // ---- limits: 100000 nested arrays and 40000 nested objects stop at depth 64 --------------
        {"deep_nesting_arrays.json", validate_json, 1, {at("limit_exceeded", repeat("/0", 64))}},
        {"deep_nesting_arrays.json", "scorecard %F", 1, {at("limit_exceeded", repeat("/0", 64))}},
        {"deep_nesting_objects.json", validate_json, 1, {at("limit_exceeded", repeat("/a", 64))}},
        {"deep_nesting_unclosed.json", validate_json, 1, {at("limit_exceeded", "/framework" + repeat("/0", 63))}},
        // ---- numbers --------------------------------------------------------------------------
        {"number_1e400.json", validate_json, 1, {at("non_finite_value", "/observations/0/value", 116, 16)}},
        {"number_negative_overflow_weight.json",
         validate_json,
         1,
         {at("non_finite_value", "/framework/indicators/1/weight", 50, 19)}},
        {"number_400_digits.json", validate_json, 1, {at("non_finite_value", "/observations/2/value", 135, 16)}},
        {"string_nan_value.json", validate_json, 1, {at("non_finite_value", "/observations/0/value")}},
        {"string_nan_value.json", "progress %F", 1, {at("non_finite_value", "/observations/0/value")}},
        {"string_infinity_target.json", validate_json, 1, {at("non_finite_value", "/framework/targets/0/value")}},
        // Two finite counts whose quotient overflows (1e300 / 1e-300): validate passed it, and the
        // index engine later reported an infinite value at the indicator, not at the observation.
        {"ratio_overflow.json", validate_json, 1, {at("non_finite_value", "/observations/3/numerator")}},
        {"ratio_overflow.json", "index %F", 1, {at("non_finite_value", "/observations/3/numerator")}},
        // ---- keys, types, nulls, required and unknown members, enums, format -------------------
        {"duplicate_key_format.json", validate_json, 1, {at("duplicate_key", "/format")}},
        {"duplicate_key_indicator.json", validate_json, 1, {at("duplicate_key", "/framework/indicators/1/unit")}},
        {"wrong_type_id_number.json", validate_json, 1, {at("type_mismatch", "/framework/id")}},
        {"wrong_type_indicators_object.json", validate_json, 1, {at("type_mismatch", "/framework/indicators")}},
        {"wrong_type_value_string.json", validate_json, 1, {at("type_mismatch", "/observations/2/value")}},
        {"wrong_type_weight_bool.json", validate_json, 1, {at("type_mismatch", "/framework/nodes/1/weight")}},
        {"null_required_level.json", validate_json, 1, {at("missing_required_field", "/entities/1/level")}},
        {"null_required_deadline.json",
         validate_json,
         1,
         {at("missing_required_field", "/framework/targets/0/deadline")}},
        {"missing_required_nation.json", validate_json, 1, {at("missing_required_field", "/framework/nation")}},
        {"missing_required_unit.json",
         validate_json,
         1,
         {at("missing_required_field", "/framework/indicators/1/unit")}},
        {"missing_format.json", validate_json, 1, {at("unsupported_format", "/format")}},
        {"unsupported_format.json", validate_json, 1, {at("unsupported_format", "/format")}},
        {"unknown_field.json", validate_json, 1, {at("unknown_field", "/observations/1/colour")}},
        {"unknown_field.json", validate_text, 1, {at("unknown_field", "/observations/1/colour")}},
        {"invalid_enum_unit.json", validate_json, 1, {at("invalid_enum_value", "/framework/indicators/0/unit")}},
        // ---- dates ----------------------------------------------------------------------------
        {"date_2024_02_30.json", validate_json, 1, {at("invalid_date", "/observations/0/date")}},
        {"date_2023_13_01.json", validate_json, 1, {at("invalid_date", "/framework/targets/0/deadline")}},
        {"date_2023_13_01.json", "scorecard %F", 1, {at("invalid_date", "/framework/targets/0/deadline")}},
        {"date_2023_02_29.json", validate_json, 1, {at("invalid_date", "/entities/2/effective")}},
        {"date_not_iso.json", validate_json, 1, {at("invalid_date", "/framework/tasks/0/deadline")}},
        // ---- dataset rules --------------------------------------------------------------------
        {"deadline_before_baseline.json",
         validate_json,
         1,
         {at("deadline_before_baseline", "/framework/targets/0/deadline")}},
        {"deadline_before_baseline.json",
         "progress %F",
         1,
         {at("deadline_before_baseline", "/framework/targets/0/deadline")}},
        {"deadline_equals_baseline.json",
         validate_json,
         1,
         {at("deadline_before_baseline", "/framework/targets/0/deadline")}},
        {"denominator_zero.json", validate_json, 1, {at("non_positive_denominator", "/observations/1/denominator")}},
        {"denominator_zero.json", "index %F", 1, {at("non_positive_denominator", "/observations/1/denominator")}},
        {"denominator_negative.json",
         validate_json,
         1,
         {at("non_positive_denominator", "/observations/1/denominator")}},
        {"numerator_exceeds_denominator.json",
         validate_json,
         1,
         {at("numerator_exceeds_denominator", "/observations/1/numerator")}},
        {"negative_count_value.json", validate_json, 1, {at("value_out_of_bounds", "/observations/3/value")}},
        {"percent_over_100.json", validate_json, 1, {at("value_out_of_bounds", "/observations/0/value")}},
        {"value_and_ratio.json", validate_json, 1, {at("ambiguous_value", "/observations/1/value")}},
        {"half_ratio.json", validate_json, 1, {at("ambiguous_value", "/observations/1/denominator")}},
        {"node_cycle.json", validate_json, 1, {at("hierarchy_cycle", "/framework/nodes/0/parent")}},
        {"node_cycle.json", "index %F", 1, {at("hierarchy_cycle", "/framework/nodes/0/parent")}},
        {"node_self_parent.json", validate_json, 1, {at("hierarchy_cycle", "/framework/nodes/1/parent")}},
        {"indicator_self_parent.json", validate_json, 1, {at("hierarchy_cycle", "/framework/indicators/0/parent")}},
        {"entity_self_parent.json", validate_json, 1, {at("hierarchy_cycle", "/entities/1/parent")}},
        {"succession_cycle.json", validate_json, 1, {at("successor_cycle", "/entities/1/successor_of/0")}},
        {"succession_cycle.json", "progress %F", 1, {at("successor_cycle", "/entities/1/successor_of/0")}},
        {"succession_self.json", validate_json, 1, {at("invalid_succession", "/entities/1/successor_of/0")}},
        {"succession_no_effective.json", validate_json, 1, {at("invalid_succession", "/entities/1/effective")}},
        {"empty_framework.json", validate_json, 1, {at("empty_framework", "/framework/indicators")}},
        {"empty_framework.json", "scorecard %F", 1, {at("empty_framework", "/framework/indicators")}},
        {"unknown_indicator.json", validate_json, 1, {at("unknown_reference", "/observations/2/indicator")}},
        {"unknown_entity.json", validate_json, 1, {at("unknown_reference", "/observations/3/entity")}},
        {"unknown_node_parent.json", validate_json, 1, {at("unknown_reference", "/framework/indicators/1/parent")}},
        {"unknown_task_owner.json", validate_json, 1, {at("unknown_reference", "/framework/tasks/0/owner")}},
        {"unknown_nation.json", validate_json, 1, {at("unknown_reference", "/framework/nation")}},
        {"duplicate_indicator_id.json",
         validate_json,
         1,
         {at("duplicate_id", "/framework/indicators/1/id"), at("unknown_reference", "/observations/2/indicator"),
          at("unknown_reference", "/observations/3/indicator")}},
        {"duplicate_entity_id.json",
         validate_json,
         1,
         {at("duplicate_id", "/entities/2/id"), at("unknown_reference", "/observations/1/entity"),
          at("unknown_reference", "/observations/3/entity")}},
        {"negative_weight.json", validate_json, 1, {at("negative_weight", "/framework/indicators/1/weight")}},
        {"zero_weight_sum.json", validate_json, 1, {at("zero_weight_sum", "/framework/nodes/1")}},
        {"zero_weight_sum.json", "index %F", 1, {at("zero_weight_sum", "/framework/nodes/1")}},
        {"min_above_max.json", validate_json, 1, {at("invalid_bounds", "/framework/indicators/1/minimum")}},
        {"conflicting_observations.json", validate_json, 1, {at("conflicting_observations", "/observations/4/value")}},
        {"task_done_without_date.json", validate_json, 1, {at("invalid_task", "/framework/tasks/0/completed")}},
        {"milestone_after_deadline.json",
         validate_json,
         1,
         {at("milestone_out_of_order", "/framework/targets/0/milestones/0/date")}},
        {"target_without_value.json", validate_json, 1, {at("invalid_target", "/framework/targets/0/value")}},
        {"target_wrong_side.json",
         validate_json,
         1,
         {at("target_on_wrong_side_of_baseline", "/framework/targets/0/value")}},
        // ---- unreadable inputs: exit 2, no diagnostics ------------------------------------------
        {"does_not_exist.json", validate_json, 2, {}},
        {"does_not_exist.json", "progress %F", 2, {}},
        {"does_not_exist.csv", data_table, 2, {}},
        {".", validate_json, 2, {}},
        {".", "scorecard %F", 2, {}},
        {".", meta_table, 2, {}},
        // ---- COINr iData (with the valid iMeta) -------------------------------------------------
        {"empty_iData.csv", data_table, 1, {cell("invalid_csv", 1, 1)}},
        // No unit rows: refused as a dataset without observations is (it gave exit 0 and an empty table).
        {"header_only_iData.csv", data_table, 1, {cell("insufficient_data", 1, 0)}},
        {"ragged_long_row_iData.csv", data_table, 1, {cell("invalid_csv", 3, 46)}},
        {"ragged_short_row_iData.csv", data_table, 1, {cell("invalid_csv", 4, 36)}},
        // The unterminated quote swallows the rest of the file, so the row is also short.
        {"unterminated_quote_iData.csv", data_table, 1, {cell("invalid_csv", 5, 5), cell("invalid_csv", 5, 5)}},
        {"quote_in_unquoted_field_iData.csv", data_table, 1, {cell("invalid_csv", 6, 8)}},
        {"text_after_quote_iData.csv", data_table, 1, {cell("invalid_csv", 7, 14)}},
        {"non_numeric_cell_iData.csv", data_table, 1, {cell("invalid_number", 8, 6)}},
        {"decimal_comma_cell_iData.csv", data_table, 1, {cell("invalid_number", 9, 7)}},
        {"non_finite_cell_iData.csv", data_table, 1, {cell("non_finite_value", 2, 5)}},
        {"duplicate_ucode_iData.csv", data_table, 1, {cell("duplicate_id", 6, 1)}},
        {"missing_ucode_column_iData.csv", data_table, 1, {cell("invalid_metadata", 1, 0)}},
        {"unknown_column_iData.csv", data_table, 1, {cell("unknown_reference", 1, 11)}},
        {"empty_ucode_iData.csv", data_table, 1, {cell("missing_required_field", 7, 1)}},
        // Not UTF-8: refused where it is read, not when the JSON result is written (it was an
        // "internal error", exit 2, from the JSON writer).
        {"invalid_utf8_name_iData.csv", "index --format json --data %F --meta %M", 1, {cell("invalid_csv", 3, 9)}},
        // ---- COINr iMeta (with the valid iData) -------------------------------------------------
        {"empty_iMeta.csv", meta_table, 1, {cell("invalid_csv", 1, 1)}},
        {"duplicate_icode_iMeta.csv",
         meta_table,
         1,
         {cell("duplicate_id", 3, 2), cell("unknown_reference", 1, 6, about::idata)}},
        {"unknown_parent_iMeta.csv", meta_table, 1, {cell("unknown_reference", 6, 9)}},
        {"weight_not_number_iMeta.csv", meta_table, 1, {cell("invalid_number", 4, 5)}},
        {"negative_weight_iMeta.csv", meta_table, 1, {cell("negative_weight", 5, 5)}},
        {"direction_not_pm1_iMeta.csv", meta_table, 1, {cell("invalid_metadata", 7, 4)}},
        {"self_parent_iMeta.csv", meta_table, 1, {cell("invalid_metadata", 9, 9)}},
        {"two_roots_iMeta.csv", meta_table, 1, {cell("invalid_metadata", 12, 9)}},
        {"unknown_type_iMeta.csv", meta_table, 1, {cell("invalid_metadata", 2, 10)}},
        {"missing_weight_column_iMeta.csv", meta_table, 1, {cell("invalid_metadata", 1, 0)}},
        {"indicator_without_metadata_iMeta.csv", meta_table, 1, {cell("unknown_reference", 1, 10, about::idata)}},
        {"bool_not_bool_iMeta.csv", meta_table, 1, {cell("invalid_metadata", 3, 14)}},
        {"windows1258_iMeta.csv", "index --format json --data %D --meta %F", 1, {cell("invalid_csv", 3, 7)}},
        {"windows1258_iMeta.csv", meta_table, 1, {cell("invalid_csv", 3, 7)}},
    };
    return rows;
}

std::string path_of(const bad_case& row) {
    return row.file == "." ? bad_dir : bad_dir + "/" + row.file;
}

std::string q(const std::string& s) {
    return "\"" + s + "\"";
}

std::string expand(const bad_case& row) {
    std::string out;
    const std::string& c = row.command;
    for (std::size_t i = 0; i < c.size(); ++i) {
        if (c[i] == '%' && i + 1 < c.size()) {
            const char k = c[++i];
            out += k == 'F' ? q(path_of(row)) : k == 'D' ? q(good_data) : q(good_meta);
        } else {
            out += c[i];
        }
    }
    return out;
}

std::string file_of(const bad_case& row, about where) {
    return where == about::idata ? good_data : where == about::imeta ? good_meta : path_of(row);
}

/// The text line prefix of an expected diagnostic: `FILE[:LINE[:COL]]: [PATH: ]error CODE:`.
std::string text_prefix(const bad_case& row, const expect& e) {
    std::string s = file_of(row, e.where);
    if (e.line != 0) s += ":" + std::to_string(e.line);
    if (e.column != 0) s += ":" + std::to_string(e.column);
    s += ": ";
    if (!e.path.empty()) s += e.path + ": ";
    return s + "error " + e.code + ":";
}

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string l; std::getline(in, l);)
        out.push_back(l);
    return out;
}

/// Things that must never appear: crashes, sanitizer reports, uncaught exceptions, and NaN or
/// infinity printed as a number (a quoted "NaN" naming what the user wrote is fine).
void check_no_crash_marks(const std::string& text) {
    for (const char* mark : {"terminate called", "Assertion", "AddressSanitizer", "LeakSanitizer", "runtime error",
                             "Segmentation", "what():", "stack overflow"}) {
        INFO("mark: " << mark);
        CHECK(text.find(mark) == std::string::npos);
    }
    static const std::regex nan_number(R"((^|[^"A-Za-z_\\])[-+]?(nan|inf|infinity)($|[^"A-Za-z_]))", std::regex::icase);
    CHECK_FALSE(std::regex_search(text, nan_number));
}

using place = std::tuple<std::string, std::string, std::size_t, std::size_t>;  // code, path, line, column

}  // namespace

TEST_CASE("bad inputs: each malformed file gives its exit status and exactly its diagnostics, at their places",
          "[cli][bad_inputs]") {
    for (const auto& row : table()) {
        const std::string args = expand(row);
        INFO("dxframe " << args);
        if (row.file.rfind("does_not_exist", 0) == 0) {
            REQUIRE_FALSE(fs::exists(path_of(row)));
        } else {
            REQUIRE(fs::exists(path_of(row)));
        }
        const auto r = dxframe_test::run_cli(args);
        INFO("stdout: " << r.out.substr(0, 2000));
        INFO("stderr: " << r.err.substr(0, 2000));
        CHECK(r.status == row.exit_status);
        check_no_crash_marks(r.out);
        check_no_crash_marks(r.err);

        const bool json = row.command.rfind("validate --format json", 0) == 0;
        const bool validate = row.command.rfind("validate", 0) == 0;
        if (row.exit_status == 2) {
            // Cannot be read: the reason names the file, and nothing about its content is said.
            CHECK(row.errors.empty());
            const std::string reason =
                (row.file.rfind("does_not_exist", 0) == 0 ? "cannot open '" : "cannot read '") + path_of(row) + "'";
            CHECK(r.err.find(reason) != std::string::npos);
            if (json) CHECK(r.out == "[]\n");
            if (!validate) CHECK(r.out.empty());
            continue;
        }

        if (json) {
            // Well-formed: the whole stdout is one JSON array, and its errors are exactly those expected.
            const auto diags = nlohmann::json::parse(r.out, nullptr, false);
            REQUIRE(diags.is_array());
            std::vector<place> found, wanted;
            for (const auto& d : diags) {
                CHECK(d.at("file") == path_of(row));
                if (d.at("severity") != "error") continue;
                found.emplace_back(d.at("code").get<std::string>(), d.at("path").get<std::string>(),
                                   d.contains("line") ? d.at("line").get<std::size_t>() : 0,
                                   d.contains("column") ? d.at("column").get<std::size_t>() : 0);
            }
            for (const auto& e : row.errors)
                wanted.emplace_back(e.code, e.path, e.line, e.column);
            std::sort(found.begin(), found.end());
            std::sort(wanted.begin(), wanted.end());
            CHECK(found == wanted);
            CHECK(r.err.empty());
            continue;
        }

        // Text: every error line on stderr (validate: stdout) is one expected, at its place.
        const std::string& text = validate ? r.out : r.err;
        std::vector<std::string> error_lines;
        for (const auto& l : lines_of(text)) {
            if (l.find(": error ") != std::string::npos) error_lines.push_back(l);
        }
        CHECK(error_lines.size() == row.errors.size());
        std::multiset<std::string> unmatched(error_lines.begin(), error_lines.end());
        for (const auto& e : row.errors) {
            const std::string prefix = text_prefix(row, e);
            INFO("expected a line starting " << prefix);
            const auto it = std::find_if(unmatched.begin(), unmatched.end(),
                                         [&](const std::string& l) { return l.rfind(prefix, 0) == 0; });
            CHECK(it != unmatched.end());
            if (it != unmatched.end()) unmatched.erase(it);
        }
        if (validate) {
            // Well-formed: the diagnostics, then the summary line of the file, then nothing.
            CHECK(!text.empty());
            CHECK(text.back() == '\n');
            const auto ls = lines_of(text);
            REQUIRE_FALSE(ls.empty());
            CHECK(ls.back().rfind(path_of(row) + ": " + std::to_string(row.errors.size()) + " error", 0) == 0);
        } else {
            // A command that computes writes nothing at all when its input is refused.
            CHECK(r.out.empty());
        }
    }
}

TEST_CASE("bad inputs: every file in tests/data/bad has a row, and the table is large enough", "[cli][bad_inputs]") {
    std::set<std::string> listed;
    for (const auto& row : table())
        listed.insert(row.file);
    std::size_t files = 0;
    for (const auto& entry : fs::directory_iterator(bad_dir)) {
        const std::string name = entry.path().filename().string();
        INFO("file without a row in tests/unit/bad_inputs.cpp: " << name);
        CHECK(listed.count(name) == 1);
        ++files;
    }
    CHECK(files >= 45);
    CHECK(table().size() >= 40);
}

namespace {

/// The same text with every LF line end replaced by CRLF.
std::string to_crlf(const std::string& lf) {
    std::string out;
    for (char c : lf) {
        if (c == '\n') out += '\r';
        out += c;
    }
    return out;
}

std::string replace_once(std::string text, const std::string& from, const std::string& to) {
    const auto at_pos = text.find(from);
    REQUIRE(at_pos != std::string::npos);
    return text.replace(at_pos, from.size(), to);
}

}  // namespace

TEST_CASE("bad inputs made at run time: a string and a document over the size limits", "[cli][bad_inputs]") {
    // Too large to keep in the repository: a string of 1 MiB + 1 byte (limit 1 MiB) and a
    // document of 64 MiB + 1 byte (limit lowered to 64 MiB: the default is 4 GiB), from a file
    // and from standard input.
    dxframe_test::scratch s;
    const auto long_string = s.file("long_string.json", "{\"format\": \"dxframe/1\", \"framework\": {\"id\": \"" +
                                                            std::string((1u << 20) + 1, 'x') + "\"}}\n");
    auto r = dxframe_test::run_cli("validate --format json " + q(long_string.string()));
    CHECK(r.status == 1);
    auto diags = nlohmann::json::parse(r.out);
    REQUIRE(diags.size() == 1);
    CHECK(diags[0].at("code") == "limit_exceeded");
    CHECK(diags[0].at("path") == "/framework/id");
    CHECK(diags[0].at("message") ==
          "a string of 1048577 bytes exceeds the limit of 1048576; raise load_limits::max_string_length "
          "(command line: --max-string-length)");

    const auto huge = s.file("huge.json", std::string((64u << 20) + 1, ' '));
    r = dxframe_test::run_cli("validate --max-input-size 64M --format json " + q(huge.string()));
    CHECK(r.status == 1);
    diags = nlohmann::json::parse(r.out);
    REQUIRE(diags.size() == 1);
    CHECK(diags[0].at("code") == "limit_exceeded");
    CHECK(diags[0].at("path") == "");
    r = dxframe_test::run_cli("progress --max-input-size 64M -", huge.string());
    CHECK(r.status == 1);
    CHECK(r.out.empty());
    CHECK(r.err ==
          "<stdin>: error limit_exceeded: the input is larger than the limit of 67108864 bytes; raise "
          "load_limits::max_document_bytes (command line: --max-input-size)\n");
}

TEST_CASE("bad inputs, the valid counterparts: CRLF tables give the same index as LF tables", "[cli][bad_inputs]") {
    dxframe_test::scratch s;
    const std::string data_lf = dxframe_test::slurp(good_data);
    const std::string meta_lf = dxframe_test::slurp(good_meta);
    REQUIRE(data_lf.find('\r') == std::string::npos);
    REQUIRE(meta_lf.find('\r') == std::string::npos);
    const auto data_crlf = s.file("iData_crlf.csv", to_crlf(data_lf));
    const auto meta_crlf = s.file("iMeta_crlf.csv", to_crlf(meta_lf));
    for (const char* format : {"csv", "json"}) {
        INFO("--format " << format);
        const auto lf = dxframe_test::run_cli("index --format " + std::string(format) + " --data " + q(good_data) +
                                              " --meta " + q(good_meta));
        const auto crlf = dxframe_test::run_cli("index --format " + std::string(format) + " --data " +
                                                q(data_crlf.string()) + " --meta " + q(meta_crlf.string()));
        CHECK(lf.status == 0);
        CHECK(crlf.status == 0);
        CHECK(crlf.err.empty());
        CHECK(crlf.out.find('\r') == std::string::npos);  // no CR leaks into a value or name
        CHECK(crlf.out == lf.out);
    }
    // The rows are really there: 8 units ranked, the header naming the 6 indicators and the index.
    const auto csv =
        dxframe_test::run_cli("index --data " + q(data_crlf.string()) + " --meta " + q(meta_crlf.string()));
    const auto ls = lines_of(csv.out);
    REQUIRE(ls.size() == 9);
    CHECK(ls[0] == "uCode,i1,i2,i3,i4,i5,i6,P1,P2,P3,S1,S2,Index,Rank");
    CHECK(ls[2].rfind("BEL,", 0) == 0);
}

TEST_CASE("bad inputs, the valid counterparts: quoted commas and quotes in CSV cells are data, not separators",
          "[cli][bad_inputs]") {
    dxframe_test::scratch s;
    const std::string data = replace_once(dxframe_test::slurp(good_data), "BEL,Belgium,",
                                          "BEL,\"Belgium, Kingdom of \"\"the\"\" Belgians\",");
    const std::string meta =
        replace_once(dxframe_test::slurp(good_meta), "1,i2,Processing days,", "1,i2,\"Processing days, median\",");
    const auto data_q = s.file("iData_quoted.csv", data);
    const auto meta_q = s.file("iMeta_quoted.csv", meta);
    const auto plain = dxframe_test::run_cli("index --data " + q(good_data) + " --meta " + q(good_meta));
    const auto quoted = dxframe_test::run_cli("index --data " + q(data_q.string()) + " --meta " + q(meta_q.string()));
    CHECK(quoted.status == 0);
    CHECK(quoted.err.empty());
    CHECK(quoted.out == plain.out);  // the CSV result names units by uCode only: identical
    const auto j =
        dxframe_test::run_cli("index --format json --data " + q(data_q.string()) + " --meta " + q(meta_q.string()));
    REQUIRE(j.status == 0);
    const auto doc = nlohmann::json::parse(j.out);
    CHECK(doc.at("units").at(1).at("unit") == "BEL");
    CHECK(doc.at("units").at(1).at("name") == "Belgium, Kingdom of \"the\" Belgians");
    CHECK(doc.at("columns").at(1).at("id") == "i2");
    CHECK(doc.at("columns").at(1).at("name") == "Processing days, median");
}

#else

TEST_CASE("bad inputs: skipped (the dxframe tool is not built)", "[cli][bad_inputs]") {
    SUCCEED();
}

#endif
