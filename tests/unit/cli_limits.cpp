// SPDX-License-Identifier: MIT
// The input-limit options of every command that reads a dataset: --max-input-size SIZE (K, M,
// G suffixes), --max-values N, --max-depth N and --max-string-length SIZE. An input over a limit is reported as limit_exceeded naming
// the option; the same input with the limit raised loads; a bad SIZE is a usage error; the
// commands that read a dataset FILE document the options in their help, from a file and from
// standard input alike.
#include "catch_compat.hpp"
#include "cli_runner.hpp"

#include <string>

#include <nlohmann/json.hpp>

#include "../../tools/dxframe/cli.hpp"

namespace {

const std::string sample = std::string(DXFRAME_TEST_DATA_DIR) + "/valid/edge_cases.json";

std::string q(const std::string& s) {
    return "\"" + s + "\"";
}

}  // namespace

TEST_CASE("option --max-input-size: over the limit names the option, a raised limit loads", "[cli][limits]") {
    const auto size = std::filesystem::file_size(sample);
    REQUIRE(size > 1024);  // 11 KiB
    REQUIRE(size < 1024 * 1024);
    auto r = dxframe_test::run_cli("validate --format json --max-input-size 1K " + q(sample));
    CHECK(r.status == 1);
    auto diags = nlohmann::json::parse(r.out);
    REQUIRE(diags.size() == 1);
    CHECK(diags[0].at("code") == "limit_exceeded");
    CHECK(diags[0].at("path") == "");
    CHECK(diags[0].at("message").get<std::string>().find("(command line: --max-input-size)") != std::string::npos);

    r = dxframe_test::run_cli("validate --max-input-size=1M " + q(sample));
    CHECK(r.status == 0);
    r = dxframe_test::run_cli("validate --max-input-size " + std::to_string(size) + " " + q(sample));
    CHECK(r.status == 0);
    r = dxframe_test::run_cli("validate --max-input-size " + std::to_string(size - 1) + " " + q(sample));
    CHECK(r.status == 1);

    // Standard input, and a command that computes on the dataset.
    r = dxframe_test::run_cli("progress --max-input-size 1K -", sample);
    CHECK(r.status == 1);
    CHECK(r.err ==
          "<stdin>: error limit_exceeded: the input is larger than the limit of 1024 bytes; raise "
          "load_limits::max_document_bytes (command line: --max-input-size)\n");
    r = dxframe_test::run_cli("progress --max-input-size 12K -", sample);
    CHECK(r.status == 0);
    r = dxframe_test::run_cli("scorecard --max-input-size 1K " + q(sample));
    CHECK(r.status == 1);
    CHECK(r.err.find("--max-input-size") != std::string::npos);
}

TEST_CASE("option --max-values: over the limit names the option, a raised limit loads", "[cli][limits]") {
    auto r = dxframe_test::run_cli("validate --max-values 10 " + q(sample));
    CHECK(r.status == 1);
    CHECK(r.out.find("limit_exceeded: the document has more than 10 values; raise load_limits::max_elements "
                     "(command line: --max-values)") != std::string::npos);
    r = dxframe_test::run_cli("validate --max-values 1M " + q(sample));
    CHECK(r.status == 0);
}

TEST_CASE("options --max-depth and --max-string-length: over the limit names the option, raised loads",
          "[cli][limits]") {
    // edge_cases.json nests 6 deep and its longest string is 29 bytes.
    auto r = dxframe_test::run_cli("validate --max-depth 3 " + q(sample));
    CHECK(r.status == 1);
    CHECK(r.out.find("limit_exceeded: nesting deeper than the limit of 3; raise load_limits::max_depth "
                     "(command line: --max-depth)") != std::string::npos);
    r = dxframe_test::run_cli("validate --max-depth 64 " + q(sample));
    CHECK(r.status == 0);
    r = dxframe_test::run_cli("progress --max-string-length 16 -", sample);
    CHECK(r.status == 1);
    CHECK(r.err.find("bytes exceeds the limit of 16; raise load_limits::max_string_length (command line: "
                     "--max-string-length)") != std::string::npos);
    r = dxframe_test::run_cli("validate --max-string-length 1K " + q(sample));
    CHECK(r.status == 0);
    r = dxframe_test::run_cli("validate --max-depth deep " + q(sample));
    CHECK(r.status == 2);
    CHECK(r.err.find("option --max-depth needs a whole number") != std::string::npos);
}

TEST_CASE("limit options: sizes with suffixes, bad values are usage errors", "[cli][limits]") {
    using dxframe::cli::size_option;
    CHECK(size_option("--max-input-size", "1") == 1);
    CHECK(size_option("--max-input-size", "64M") == (std::uint64_t{64} << 20));
    CHECK(size_option("--max-input-size", "2G") == (std::uint64_t{2} << 30));
    CHECK(size_option("--max-input-size", "3k") == 3072);
    CHECK(size_option("--max-input-size", "18446744073709551615") == ~std::uint64_t{0});
    for (const char* bad : {"", "0", "K", "1.5G", "-1", "12X", "1 G", "17179869184G", "99999999999999999999"}) {
        INFO(bad);
        CHECK_THROWS_AS(size_option("--max-input-size", bad), dxframe::cli::usage_error);
    }
    const auto r = dxframe_test::run_cli("validate --max-input-size 12X " + q(sample));
    CHECK(r.status == 2);
    CHECK(r.err.find("option --max-input-size needs a size in bytes") != std::string::npos);
}

TEST_CASE("limit options: every command that reads a dataset FILE documents them", "[cli][limits]") {
    for (const char* command : {"validate", "progress", "scorecard", "index", "uncertainty", "sensitivity"}) {
        INFO(command);
        const auto r = dxframe_test::run_cli(std::string(command) + " --help");
        CHECK(r.status == 0);
        CHECK(r.out.find("--max-input-size SIZE") != std::string::npos);
        CHECK(r.out.find("--max-values N") != std::string::npos);
    }
    const auto r = dxframe_test::run_cli("export --help");
    CHECK(r.out.find("--max-input-size") == std::string::npos);
    CHECK(dxframe::cli::usage_reads_file("Usage: dxframe x FILE [--a B]\n"));
    CHECK(dxframe::cli::usage_reads_file("Usage: dxframe x [FILE] [--a B]\n"));
    CHECK_FALSE(dxframe::cli::usage_reads_file("Usage: dxframe x DATASET [-o FILE]\n"));
}
