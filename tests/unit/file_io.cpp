// SPDX-License-Identifier: MIT
// read_file and write_file_atomic: exact bytes, io_error with path and reason, and a failure
// forced in the middle of a write leaving the old file intact and no temporary file behind.
#include <dxframe/io/file.hpp>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <stdexcept>
#include <string>
#include <system_error>
#include <vector>

#include "catch_compat.hpp"

namespace fs = std::filesystem;

namespace {

// A fresh directory per test, removed afterwards. ctest runs test cases as parallel
// processes, so the name is random and the directory is created exclusively.
struct scratch_dir {
    fs::path path;
    scratch_dir() {
        std::random_device rd;
        for (;;) {
            const auto tag =
                (static_cast<unsigned long long>(rd()) << 32) ^ rd() ^
                static_cast<unsigned long long>(std::chrono::steady_clock::now().time_since_epoch().count());
            path = fs::temp_directory_path() / ("dxframe-file-io-" + std::to_string(tag));
            if (fs::create_directory(path)) break;  // false: it already existed
        }
    }
    ~scratch_dir() {
        std::error_code ec;
        fs::remove_all(path, ec);
    }
    std::string file(const std::string& name) const { return (path / name).string(); }
    std::vector<std::string> entries() const {
        std::vector<std::string> names;
        for (const auto& e : fs::directory_iterator(path))
            names.push_back(e.path().filename().string());
        std::sort(names.begin(), names.end());
        return names;
    }
};

// Bytes of a file, read independently of read_file.
std::string slurp(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

void spit(const std::string& path, const std::string& content) {
    std::ofstream out(path, std::ios::binary);
    out << content;
}

std::string big_content(std::size_t size) {
    std::string s(size, '\0');
    for (std::size_t i = 0; i < size; ++i)
        s[i] = static_cast<char>('a' + i % 26);
    return s;
}

}  // namespace

TEST_CASE("read_file returns the exact bytes", "[file_io]") {
    scratch_dir dir;
    const std::string content = std::string("line 1\r\nnul:\0:end\n", 18) + "Việt Nam\xFF";
    spit(dir.file("a.bin"), content);
    CHECK(dxframe::read_file(dir.file("a.bin")) == content);
    spit(dir.file("empty"), "");
    CHECK(dxframe::read_file(dir.file("empty")).empty());
    const std::string large = big_content(300'000);  // several read chunks
    spit(dir.file("large"), large);
    CHECK(dxframe::read_file(dir.file("large")) == large);
}

TEST_CASE("read_file throws io_error with the path and the system's reason", "[file_io]") {
    scratch_dir dir;
    const std::string missing = dir.file("missing.json");
    try {
        (void)dxframe::read_file(missing);
        FAIL("no exception");
    } catch (const dxframe::io_error& e) {
        CHECK(e.path() == missing);
        CHECK(e.code() == std::error_code(ENOENT, std::generic_category()));
        CHECK(std::string(e.what()) == "cannot open '" + missing + "': " + std::generic_category().message(ENOENT));
    }
    // A directory opens on POSIX but cannot be read.
    try {
        (void)dxframe::read_file(dir.path.string());
        FAIL("no exception");
    } catch (const dxframe::io_error& e) {
        CHECK(e.path() == dir.path.string());
        CHECK(e.code() == std::error_code(EISDIR, std::generic_category()));
    }
    // io_error is a dxframe::error.
    CHECK_THROWS_AS(dxframe::read_file(missing), dxframe::error);
}

TEST_CASE("read_file_prefix stops at the limit and says whether the file was whole", "[file_io]") {
    scratch_dir dir;
    spit(dir.file("ten"), "0123456789");
    std::string out;
    CHECK(dxframe::detail::read_file_prefix(dir.file("ten"), 10, out));
    CHECK(out == "0123456789");
    CHECK_FALSE(dxframe::detail::read_file_prefix(dir.file("ten"), 9, out));
    CHECK(out == "012345678");
    CHECK(dxframe::detail::read_file_prefix(dir.file("ten"), 100, out));
    CHECK(out.size() == 10);
}

TEST_CASE("write_file_atomic creates and replaces files, leaving no temporary behind", "[file_io]") {
    scratch_dir dir;
    const std::string target = dir.file("out.json");
    dxframe::write_file_atomic(target, "first\n");
    CHECK(slurp(target) == "first\n");
    dxframe::write_file_atomic(target, "second, longer content\n");
    CHECK(slurp(target) == "second, longer content\n");
    dxframe::write_file_atomic(target, "");
    CHECK(slurp(target).empty());
    CHECK(fs::exists(target));
    const std::string large = big_content(1'000'003);
    dxframe::write_file_atomic(target, large);
    CHECK(slurp(target) == large);
    CHECK(dir.entries() == std::vector<std::string>{"out.json"});
}

TEST_CASE("write_file_atomic keeps the permissions of the file it replaces", "[file_io]") {
    scratch_dir dir;
    const std::string target = dir.file("secret.json");
    spit(target, "old");
    fs::permissions(target, fs::perms::owner_read | fs::perms::owner_write, fs::perm_options::replace);
    dxframe::write_file_atomic(target, "new");
    CHECK(slurp(target) == "new");
    CHECK((fs::status(target).permissions() & fs::perms::all) == (fs::perms::owner_read | fs::perms::owner_write));
}

TEST_CASE("a write failing halfway leaves the old file intact and removes the temporary", "[file_io]") {
    scratch_dir dir;
    const std::string target = dir.file("data.json");
    const std::string old_content = "the old, complete file\n";
    spit(target, old_content);
    const std::string new_content = big_content(3 * dxframe::detail::atomic_write_chunk + 17);

    // The disk fills up after the first chunk.
    std::vector<std::size_t> calls;
    const dxframe::detail::chunk_writer disk_full = [&](std::FILE* f, const char* data, std::size_t size) {
        calls.push_back(size);
        if (calls.size() == 1) return std::fwrite(data, 1, size, f);
        const std::size_t partial = std::fwrite(data, 1, size / 2, f);
        errno = ENOSPC;
        return partial;
    };
    try {
        dxframe::detail::write_file_atomic_with(target, new_content, disk_full);
        FAIL("no exception");
    } catch (const dxframe::io_error& e) {
        CHECK(e.path() == target);
        CHECK(e.code() == std::error_code(ENOSPC, std::generic_category()));
        CHECK(std::string(e.what()) == "cannot write '" + target + "': " + std::generic_category().message(ENOSPC));
    }
    CHECK(calls == std::vector<std::size_t>{dxframe::detail::atomic_write_chunk, dxframe::detail::atomic_write_chunk});
    CHECK(slurp(target) == old_content);
    CHECK(dir.entries() == std::vector<std::string>{"data.json"});

    // The writer throws (a bug, an out-of-memory): the exception passes through, same cleanup.
    int chunk = 0;
    const dxframe::detail::chunk_writer throwing = [&](std::FILE* f, const char* data, std::size_t size) {
        if (++chunk == 3) throw std::runtime_error("boom");
        return std::fwrite(data, 1, size, f);
    };
    CHECK_THROWS_AS(dxframe::detail::write_file_atomic_with(target, new_content, throwing), std::runtime_error);
    CHECK(slurp(target) == old_content);
    CHECK(dir.entries() == std::vector<std::string>{"data.json"});

    // A writer that fails without setting errno still gives a reason.
    const dxframe::detail::chunk_writer silent = [](std::FILE*, const char*, std::size_t) { return std::size_t{0}; };
    try {
        dxframe::detail::write_file_atomic_with(target, "x", silent);
        FAIL("no exception");
    } catch (const dxframe::io_error& e) {
        CHECK(e.code() == std::error_code(EIO, std::generic_category()));
    }
    CHECK(slurp(target) == old_content);

    // The chunks a successful write hands over cover the content exactly.
    std::vector<std::size_t> sizes;
    const dxframe::detail::chunk_writer counting = [&](std::FILE* f, const char* data, std::size_t size) {
        sizes.push_back(size);
        return std::fwrite(data, 1, size, f);
    };
    dxframe::detail::write_file_atomic_with(target, new_content, counting);
    const std::size_t c = dxframe::detail::atomic_write_chunk;
    CHECK(sizes == std::vector<std::size_t>{c, c, c, 17});
    CHECK(slurp(target) == new_content);
    CHECK(dir.entries() == std::vector<std::string>{"data.json"});
}

TEST_CASE("write_file_atomic reports unwritable targets and leaves nothing behind", "[file_io]") {
    scratch_dir dir;
    // The directory does not exist.
    const std::string nowhere = dir.file("no-such-dir/out.json");
    try {
        dxframe::write_file_atomic(nowhere, "x");
        FAIL("no exception");
    } catch (const dxframe::io_error& e) {
        CHECK(e.path() == nowhere);
        CHECK(e.code() == std::error_code(ENOENT, std::generic_category()));
    }
    // The target is a directory: the rename fails, the directory stays, the temporary goes.
    fs::create_directories(dir.path / "taken");
    fs::create_directories(dir.path / "taken" / "inside");
    try {
        dxframe::write_file_atomic(dir.file("taken"), "x");
        FAIL("no exception");
    } catch (const dxframe::io_error& e) {
        CHECK(e.path() == dir.file("taken"));
        CHECK(std::string(e.what()).rfind("cannot replace '", 0) == 0);
    }
    CHECK(fs::is_directory(dir.path / "taken" / "inside"));
    CHECK(dir.entries() == std::vector<std::string>{"taken"});
    // A path naming no file.
    CHECK_THROWS_AS(dxframe::write_file_atomic(dir.path.string() + "/", "x"), dxframe::io_error);
    CHECK(dir.entries() == std::vector<std::string>{"taken"});
}
