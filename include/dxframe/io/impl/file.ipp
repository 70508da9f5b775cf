// SPDX-License-Identifier: MIT
// Definitions for <dxframe/io/file.hpp> (see <dxframe/config.hpp>: included by that header
// in header-only mode, by <dxframe/src.hpp> in separate compilation).
#pragma once

#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <random>
#include <string>
#include <string_view>
#include <system_error>

#if defined(_WIN32)
#include <io.h>
#else
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#endif

#include <dxframe/io/file.hpp>

namespace dxframe {

namespace detail {

/// Closes a FILE on scope exit.
struct file_closer {
    std::FILE* file = nullptr;
    ~file_closer() {
        if (file != nullptr) std::fclose(file);
    }
};

DXFRAME_DECL bool read_file_prefix(const std::string& path, std::size_t limit, std::string& out) {
    out.clear();
    errno = 0;
    file_closer f{std::fopen(path.c_str(), "rb")};
    if (f.file == nullptr) throw io_error(path, "cannot open", errno != 0 ? errno : ENOENT);
    constexpr std::size_t chunk = 1u << 16;
    while (out.size() < limit) {
        const std::size_t want = limit - out.size() < chunk ? limit - out.size() : chunk;
        const std::size_t old = out.size();
        out.resize(old + want);
        errno = 0;
        const std::size_t got = std::fread(&out[old], 1, want, f.file);
        out.resize(old + got);
        if (got < want) {
            if (std::ferror(f.file)) throw io_error(path, "cannot read", errno != 0 ? errno : EIO);
            return true;
        }
    }
    errno = 0;
    if (std::fgetc(f.file) == EOF) {
        if (std::ferror(f.file)) throw io_error(path, "cannot read", errno != 0 ? errno : EIO);
        return true;
    }
    return false;
}

/// Writes `size` bytes to `file` and returns how many were written, like std::fwrite (which
/// it is, outside tests). A short count is a failure; errno says why.
using chunk_writer = std::function<std::size_t(std::FILE* file, const char* data, std::size_t size)>;

/// Size of the pieces write_file_atomic_with hands to its writer.
inline constexpr std::size_t atomic_write_chunk = 1u << 16;

/// A name for the temporary file: hidden, next to the target, unlikely to collide.
inline std::string temporary_name(const std::filesystem::path& target) {
    static std::atomic<std::uint64_t> counter{0};
    std::uint64_t seed = static_cast<std::uint64_t>(std::chrono::steady_clock::now().time_since_epoch().count());
    seed ^= (counter.fetch_add(1) + 1) * 0x9E3779B97F4A7C15ull;
    seed ^= static_cast<std::uint64_t>(reinterpret_cast<std::uintptr_t>(&counter));
#if defined(__cpp_exceptions) || defined(__EXCEPTIONS) || defined(_CPPUNWIND)
    try {
        std::random_device rd;
        seed ^= (static_cast<std::uint64_t>(rd()) << 32) ^ rd();
    } catch (...) {
        // No entropy source: the clock and the counter still make a collision unlikely, and
        // the file is created exclusively, so a collision only costs a retry.
    }
#endif
    static constexpr char hex[] = "0123456789abcdef";
    std::string suffix(16, '0');
    for (std::size_t i = 0; i < 16; ++i)
        suffix[i] = hex[(seed >> (4 * i)) & 0xF];
    const std::filesystem::path name = "." + target.filename().string() + ".tmp-" + suffix;
    return (target.parent_path() / name).string();
}

/// write_file_atomic with the writing step supplied by the caller: the test seam that lets a
/// test make a write fail halfway (`writer` returns a short count) or throw, and check that the
/// old file is intact and no temporary file is left. Content is handed to `writer` in pieces of
/// atomic_write_chunk bytes.
inline void write_file_atomic_with(const std::string& path, std::string_view content, const chunk_writer& writer) {
    const std::filesystem::path target(path);
    if (target.filename().empty()) throw io_error(path, "cannot write", EISDIR);

    // Create the temporary file exclusively ("x"), retrying on a name collision.
    std::string temp;
    file_closer f;
    for (int attempt = 0; f.file == nullptr; ++attempt) {
        temp = temporary_name(target);
        errno = 0;
        f.file = std::fopen(temp.c_str(), "wbx");
        if (f.file == nullptr && (errno != EEXIST || attempt >= 100)) {
            throw io_error(path, "cannot create a temporary file to write", errno != 0 ? errno : EIO);
        }
    }
    // From here on, any failure (an error or an exception from `writer`) removes the temporary.
    struct temp_remover {
        const std::string& name;
        file_closer& file;
        bool keep = false;
        ~temp_remover() {
            if (keep) return;
            if (file.file != nullptr) {
                std::fclose(file.file);
                file.file = nullptr;
            }
            std::remove(name.c_str());
        }
    } remover{temp, f};
    const auto fail = [&](const char* action, int errnum) { throw io_error(path, action, errnum != 0 ? errnum : EIO); };

#if !defined(_WIN32)
    // Keep the permissions of the file being replaced (a 0600 file must not become 0644).
    struct stat old_stat {};
    if (::stat(path.c_str(), &old_stat) == 0) {
        (void)::fchmod(::fileno(f.file), old_stat.st_mode & 07777);
    }
#endif

    for (std::size_t offset = 0; offset < content.size(); offset += atomic_write_chunk) {
        const std::size_t size =
            content.size() - offset < atomic_write_chunk ? content.size() - offset : atomic_write_chunk;
        errno = 0;
        if (writer(f.file, content.data() + offset, size) != size) fail("cannot write", errno);
    }
    errno = 0;
    if (std::fflush(f.file) != 0) fail("cannot write", errno);
#if defined(_WIN32)
    if (::_commit(::_fileno(f.file)) != 0) fail("cannot flush to disk", errno);
#else
    if (::fsync(::fileno(f.file)) != 0) fail("cannot flush to disk", errno);
#endif
    errno = 0;
    const int closed = std::fclose(f.file);
    f.file = nullptr;
    if (closed != 0) fail("cannot write", errno);

    std::error_code ec;
    std::filesystem::rename(temp, target, ec);
    if (ec) {
        const int errnum =
            ec.category() == std::generic_category() || ec.category() == std::system_category() ? ec.value() : EIO;
        fail("cannot replace", errnum);
    }
    remover.keep = true;

#if !defined(_WIN32)
    // Make the rename itself durable. Best effort: some file systems refuse to sync a directory.
    const std::string dir = target.parent_path().empty() ? std::string(".") : target.parent_path().string();
    const int dir_fd = ::open(dir.c_str(), O_RDONLY);
    if (dir_fd >= 0) {
        (void)::fsync(dir_fd);
        ::close(dir_fd);
    }
#endif
}

}  // namespace detail

DXFRAME_DECL std::string read_file(const std::string& path) {
    std::string content;
    detail::read_file_prefix(path, static_cast<std::size_t>(-1), content);
    return content;
}

DXFRAME_DECL void write_file_atomic(const std::string& path, std::string_view content) {
    detail::write_file_atomic_with(path, content, [](std::FILE* file, const char* data, std::size_t size) {
        return std::fwrite(data, 1, size, file);
    });
}

}  // namespace dxframe
