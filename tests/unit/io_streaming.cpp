// SPDX-License-Identifier: MIT
// The streaming loader against the whole-tree route it replaced (kept here only, as the
// oracle): the same dataset, diagnostics (code, severity, path, message, line, column) and
// kept-aside members on every document of the test data and the fuzz corpora, in strict and
// lenient mode, read in chunks of 1, 7, 4096 bytes and whole; tokens, UTF-8 sequences, an
// overflowing number and a byte order mark cut by a chunk edge; standard-input streams; the
// size and value-count limits and the options that raise them.
#include <dxframe/io/dataset_json.hpp>
#include <dxframe/io/detail/json_parse.hpp>

#include <cstddef>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <unordered_set>
#include <vector>

#include <nlohmann/json.hpp>

#include "catch_compat.hpp"
#include "cli_runner.hpp"

namespace {

using dxframe::diagnostic_code;
using dxframe::load_options;
using dxframe::load_result;

// The loader as it was before streaming: the whole text parsed into one tree (re-parsed with
// each overflowing number replaced), then the typed reader over the tree.
load_result tree_load(std::string_view text, const load_options& options) {
    load_result result;
    auto& diags = result.diagnostics;
    if (text.size() >= 3 && text.compare(0, 3, "\xEF\xBB\xBF") == 0) {
        dxframe::diagnostic d;
        d.severity =
            options.mode == dxframe::strictness::strict ? dxframe::severity::error : dxframe::severity::warning;
        d.code = diagnostic_code::invalid_json;
        d.message = options.mode == dxframe::strictness::strict
                        ? "the document starts with a UTF-8 byte order mark, which is not allowed in strict mode"
                        : "the document starts with a UTF-8 byte order mark (skipped)";
        d.line = 1;
        d.column = 1;
        diags.push_back(d);
    }
    nlohmann::ordered_json root;
    dxframe::detail::parse_limits limits;
    limits.max_depth = options.limits.max_depth;
    limits.max_string_length = options.limits.max_string_length;
    limits.max_elements = options.limits.max_elements;
    const auto parsed = dxframe::detail::parse_json_document(text, limits, root, diags);
    if (!parsed.ok) return result;
    auto fail = [&](diagnostic_code code, std::string path, std::string message) {
        dxframe::diagnostic d;
        d.code = code;
        d.path = std::move(path);
        d.message = std::move(message);
        diags.push_back(d);
        return result;
    };
    if (!root.is_object()) {
        return fail(diagnostic_code::type_mismatch, "",
                    "the document must be a JSON object, got " + dxframe::detail::describe_value(root));
    }
    const auto format = root.find("format");
    if (format == root.end()) {
        return fail(diagnostic_code::unsupported_format, "/format",
                    std::string("missing member \"format\"; expected \"") + dxframe::format_tag + "\"");
    }
    if (!format->is_string() || format->get_ref<const std::string&>() != dxframe::format_tag) {
        return fail(diagnostic_code::unsupported_format, "/format",
                    "format " + dxframe::detail::describe_value(*format) + " is not supported; expected \"" +
                        dxframe::format_tag + "\"");
    }
    dxframe::json_read_context ctx;
    ctx.mode = options.mode;
    dxframe::dataset ds;
    const std::string root_path;
    dxframe::detail::read_struct(root, ds, ctx, dxframe::detail::json_path::root(&root_path), "format");
    const std::unordered_set<std::string> poisoned(parsed.poisoned_paths.begin(), parsed.poisoned_paths.end());
    for (auto& d : ctx.diagnostics) {
        if (poisoned.count(d.path) == 0) diags.push_back(std::move(d));
    }
    result.unknown_fields = std::move(ctx.unknown_fields);
    if (!dxframe::has_errors(diags)) result.data = std::move(ds);
    return result;
}

std::string describe(const load_result& r) {
    std::ostringstream s;
    for (const auto& d : r.diagnostics) {
        s << static_cast<int>(d.severity) << ' ' << static_cast<int>(d.code) << ' ' << d.path << ' '
          << (d.line ? std::to_string(*d.line) : "-") << ':' << (d.column ? std::to_string(*d.column) : "-") << ' '
          << d.message << '\n';
    }
    for (const auto& u : r.unknown_fields)
        s << "unknown " << u.path << ' ' << u.json << '\n';
    s << (r.data ? dxframe::save_dataset(*r.data) : std::string("no data")) << '\n';
    return s.str();
}

// The streaming loader gives what the tree route gives, whatever the chunk size.
void check_same(const std::string& text, const load_options& options, const std::string& name) {
    INFO(name << (options.mode == dxframe::strictness::strict ? " (strict)" : " (lenient)"));
    const std::string expected = describe(tree_load(text, options));
    CHECK(describe(dxframe::load_dataset(text, options)) == expected);
    for (std::size_t chunk : {std::size_t{1}, std::size_t{7}, std::size_t{4096}}) {
        INFO("chunk " << chunk);
        CHECK(describe(dxframe::detail::load_dataset_chunked(text, options, chunk)) == expected);
    }
    std::istringstream in(text);
    CHECK(describe(dxframe::load_dataset_stream(in, options)) == expected);
}

void check_both_modes(const std::string& text, const std::string& name) {
    load_options strict;
    check_same(text, strict, name);
    load_options lenient;
    lenient.mode = dxframe::strictness::lenient;
    check_same(text, lenient, name);
    load_options tight;  // every limit reachable, as in the fuzz harness
    tight.limits.max_depth = 6;
    tight.limits.max_string_length = 32;
    tight.limits.max_elements = 200;
    check_same(text, tight, name + " (tight limits)");
}

const std::string data_dir = DXFRAME_TEST_DATA_DIR;

}  // namespace

TEST_CASE("streaming load equals the whole-tree load on every test and fuzz document", "[io_streaming]") {
    namespace fs = std::filesystem;
    std::size_t files = 0;
    for (const std::string& dir : {data_dir, data_dir + "/../../fuzz/regressions", data_dir + "/../../fuzz/seeds"}) {
        if (!fs::exists(dir)) continue;
        for (const auto& entry : fs::recursive_directory_iterator(dir)) {
            if (!entry.is_regular_file() || entry.file_size() > (std::uintmax_t{4} << 20)) continue;
            const std::string text = dxframe_test::slurp(entry.path());
            if (text.empty() || (text.front() != '{' && text.front() != '[' && text.front() != '\xEF' &&
                                 entry.path().extension() != ".json")) {
                continue;
            }
            check_both_modes(text, entry.path().string());
            ++files;
        }
    }
    CHECK(files > 30);
}

TEST_CASE("streaming load: tokens, UTF-8, overflows and a byte order mark across chunk edges", "[io_streaming]") {
    const std::string head =
        R"({"format": "dxframe/1", "framework": {"id": "f", "name": {"vi": "Hà Nội", "en": "x"}},)";
    const std::vector<std::string> cases = {
        head + R"( "observations": [{"entity": "vn", "indicator": "i", "date": "2024-12-31", "value": 12345.678e-2}]})",
        head + R"( "observations": [{"entity": "vn", "indicator": "i", "date": "2024-12-31", "value": 1e400}]})",
        head + R"( "observations": [{"entity": "vn", "indicator": "i", "date": "2024-12-31", "value": -1E+999},)" +
            R"( {"entity": "vn", "indicator": "i", "date": "2024-02-30", "value": 1e400, "value": 2}]})",
        "\xEF\xBB\xBF" + head + R"( "observations": []})",
        head + R"( "observations": [{"entity": "Hà Nội", "indicator": "i", "date": "2024-12-31", "note": "Đ\xC3"}]})",
        head + R"( "observations": [{"entity": "vn", "indicator": "i", "date": "2024-12-31", "source": {"reference":)" +
            R"( "r", "x": 1}, "value": 1, "extra": [1e999, {"a": 1}]}]})",
        head + R"( "observations": [1e999, null, {"entity": 5}, [], {"entity": "vn", "entity": "x"}]})",
        head + R"( "observations": [{"entity": "vn", "indicator": "i", "date": "2024-12-31", "value": 1}],)" +
            R"( "observations": [1e999], "extra": {"a": [1, 2]}})",
        head + R"( "observations": [{"entity": "vn", "indicator": "i", "date": "2024-12-31", "value": 1.}]})",
        head + R"( "observations": [{"entity": "vn", "indicator": "i", "date": "2024-12-31", "value": 1e999 ]})",
        head + R"( "observations": [{"entity": "vn", "indicator": "i", "date": "2024-12-31", "value": [1e999-5]}]})",
        head + R"( "observations": [{"entity": "vn", "indicator": "i", "date": "2024-12-31", "value": true1e999}]})",
        R"({"observations": [{"entity": "vn"}], "format": "dxframe/2"})",
        R"([1e999, "format"])",
        R"({"format": "dxframe/1", "framework": {"id": "f"}, "observations": {"entity": 1}, "entities": 7})",
        "{\"format\": \"dxframe/1\",\n \"framework\": {\"id\": \"ф\"},\n\n \"observations\": [{\"é\": \xFF}]}",
        "{\"format\": \"dxframe/1\", \"framework\": {\"id\": \"f\"}, \"observations\": [",
    };
    std::size_t n = 0;
    for (const auto& text : cases)
        check_both_modes(text, "case " + std::to_string(n++));

    // More overflowing numbers than are reported: the next one stops the parser.
    std::string many = head + R"( "observations": [)";
    for (int i = 0; i < 105; ++i)
        many += std::string(i == 0 ? "" : ", ") + "1e999";
    many += "]}";
    check_both_modes(many, "105 overflows");

    // One observation per member combination, wide records (more members than the fast path
    // holds), in a document long enough to cross many chunks.
    std::string wide = head + R"( "observations": [)";
    for (int i = 0; i < 40; ++i) {
        wide += std::string(i == 0 ? "" : ",\n") + R"({"entity": "e)" + std::to_string(i) +
                R"(", "indicator": "i", "date": "2024-01-)" + std::to_string(10 + i % 19) + R"(", )" +
                (i % 3 == 0 ? R"("numerator": 60, "denominator": 63)" : R"("value": -)" + std::to_string(i) + ".25") +
                (i % 4 == 0 ? R"(, "status": "provisional", "note": "n")" : "") +
                (i % 5 == 0 ? R"(, "out_of": 63, "source": null)" : "") + "}";
    }
    wide += R"(, {"entity": "e", "indicator": "i", "date": "2024-01-01")";
    for (int k = 0; k < 40; ++k)
        wide += R"(, "k)" + std::to_string(k) + R"(": 1)";
    wide += "}]}";
    check_both_modes(wide, "wide");
}

TEST_CASE("streaming load: a regular observation takes the fast path", "[io_streaming]") {
    const std::string text =
        R"({"format": "dxframe/1", "framework": {"id": "f", "name": {"vi": "x", "en": "x"}}, "observations": [)"
        R"({"entity": "vn", "indicator": "i", "date": "2024-12-31", "value": 1},)"
        R"({"entity": "vn", "indicator": "i", "date": "2025-12-31", "numerator": 3, "denominator": 4, "status": "final"},)"
        R"({"entity": "vn", "indicator": "i", "date": "2025-12-31", "value": 2, "source": {"reference": "r"}}]})";
    dxframe::detail::load_statistics stats;
    const auto r = dxframe::detail::load_dataset_chunked(text, {}, 5, &stats);
    for (const auto& d : r.diagnostics)
        CHECK(d.code == diagnostic_code::missing_required_field);  // the framework's, nothing else
    CHECK(stats.observations == 3);
    CHECK(stats.fast_observations == 2);  // the one with a source object is read as a tree
    const auto tree = dxframe::detail::load_dataset_chunked(text, {}, 5);
    CHECK(describe(tree) == describe(tree_load(text, {})));
}

TEST_CASE("limits: size and value-count messages name the option that raises them", "[io_streaming]") {
    const std::string text = R"({"format": "dxframe/1", "framework": {"id": "f"}})";
    load_options o;
    CHECK(o.limits.max_document_bytes >= (std::uint64_t{2} << 30));    // a commune-scale year opens
    CHECK(o.limits.max_elements >= std::uint64_t{4'000'000} * 8 * 1);  // 4 M observations × 7 members
    o.limits.max_document_bytes = text.size() - 1;
    auto r = dxframe::load_dataset(text, o);
    REQUIRE(r.diagnostics.size() == 1);
    CHECK(r.diagnostics[0].code == diagnostic_code::limit_exceeded);
    CHECK(r.diagnostics[0].message == "the document has " + std::to_string(text.size()) +
                                          " bytes, more than the limit of " + std::to_string(text.size() - 1) +
                                          "; raise load_limits::max_document_bytes (command line: --max-input-size)");
    std::istringstream in(text);
    r = dxframe::load_dataset_stream(in, o);
    REQUIRE(r.diagnostics.size() == 1);
    CHECK(r.diagnostics[0].message == "the input is larger than the limit of " + std::to_string(text.size() - 1) +
                                          " bytes; raise load_limits::max_document_bytes (command line: "
                                          "--max-input-size)");
    o.limits.max_document_bytes = text.size();
    std::istringstream again(text);
    CHECK(dxframe::load_dataset_stream(again, o).diagnostics.at(0).code == diagnostic_code::missing_required_field);
    o = {};
    o.limits.max_elements = 3;
    r = dxframe::load_dataset(text, o);
    REQUIRE(r.diagnostics.size() == 1);
    CHECK(r.diagnostics[0].message ==
          "the document has more than 3 values; raise load_limits::max_elements (command line: --max-values)");
    o.limits.max_elements = 4;
    CHECK(dxframe::load_dataset(text, o).diagnostics.at(0).code == diagnostic_code::missing_required_field);
}
