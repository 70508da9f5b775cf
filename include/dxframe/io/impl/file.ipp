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

#if !defined(_WIN32)
/// Where write_file_atomic_with writes `path`.
struct write_destination {
    bool direct = false;           ///< Open `path` and write into it (a device, a pipe, a socket).
    std::filesystem::path target;  ///< Else: the path to replace atomically (symbolic links followed).
};

/// True for a symbolic link of the kernel's table of open files (/proc/PID/fd/N, /dev/fd/N),
/// which /dev/stdout and /dev/stderr lead to on Linux: it names an open file, not a path, so it
/// is written through, never replaced (even when it leads to a regular file).
inline bool open_file_link(const std::filesystem::path& link) {
    const std::filesystem::path dir = link.parent_path().lexically_normal();
    const std::string d = dir.generic_string();
    return d == "/dev/fd" || (d.rfind("/proc/", 0) == 0 && dir.filename() == "fd");
}

/// Decides how `path` is written. Something that exists and is not a regular file or a
/// directory (following symbolic links: a character or block device, a FIFO, a socket) is
/// written directly. Otherwise the symbolic links are followed to the file they name (which may
/// not exist yet), and that file is replaced, so a link stays a link. A directory is left to the
/// rename, which refuses it.
inline write_destination destination_of(const std::string& path) {
    struct stat st {};
    const bool exists = ::stat(path.c_str(), &st) == 0;
    if (exists && !S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode)) return {true, {}};
    std::filesystem::path current(path);
    for (int hops = 0;; ++hops) {
        struct stat lst {};
        if (::lstat(current.c_str(), &lst) != 0 || !S_ISLNK(lst.st_mode)) break;
        if (hops >= 40) throw io_error(path, "cannot write", ELOOP);
        if (open_file_link(current)) return {true, {}};
        std::error_code ec;
        const std::filesystem::path text = std::filesystem::read_symlink(current, ec);
        if (ec) throw io_error(path, "cannot write", ec.value() != 0 ? ec.value() : EIO);
        current = text.is_absolute() ? text : current.parent_path() / text;
    }
    if (exists) {
        // The file found must be the one `path` names; if not (it went away, or a link of the
        // open-file table named something else), write through `path` rather than guess.
        struct stat found {};
        if (::stat(current.c_str(), &found) != 0 || found.st_dev != st.st_dev || found.st_ino != st.st_ino) {
            if (S_ISREG(st.st_mode)) return {true, {}};
            return {false, std::filesystem::path(path)};
        }
    }
    return {false, current};
}

/// Writes `content` into `path` opened as it is (no temporary file, no rename): the way to
/// write a device, a FIFO or a socket. Errors are io_error with `path`, as for a file.
inline void write_directly(const std::string& path, std::string_view content, const chunk_writer& writer) {
    const auto fail = [&](const char* action, int errnum) { throw io_error(path, action, errnum != 0 ? errnum : EIO); };
    errno = 0;
    // No O_CREAT: the path exists; if it vanished meanwhile, a regular file must not be made
    // here without the atomic replacement.
    const int fd = ::open(path.c_str(), O_WRONLY | O_TRUNC | O_CLOEXEC | O_NOCTTY);
    if (fd < 0) fail("cannot open", errno);
    file_closer f{::fdopen(fd, "wb")};
    if (f.file == nullptr) {
        const int errnum = errno;
        ::close(fd);
        fail("cannot open", errnum);
    }
    for (std::size_t offset = 0; offset < content.size(); offset += atomic_write_chunk) {
        const std::size_t size =
            content.size() - offset < atomic_write_chunk ? content.size() - offset : atomic_write_chunk;
        errno = 0;
        if (writer(f.file, content.data() + offset, size) != size) fail("cannot write", errno);
    }
    errno = 0;
    if (std::fflush(f.file) != 0) fail("cannot write", errno);
    struct stat st {};
    if (::fstat(::fileno(f.file), &st) == 0 && (S_ISBLK(st.st_mode) || S_ISREG(st.st_mode))) {
        if (::fsync(::fileno(f.file)) != 0) fail("cannot flush to disk", errno);
    }
    errno = 0;
    const int closed = std::fclose(f.file);
    f.file = nullptr;
    if (closed != 0) fail("cannot write", errno);
}
#endif

/// write_file_atomic with the writing step supplied by the caller: the test seam that lets a
/// test make a write fail halfway (`writer` returns a short count) or throw, and check that the
/// old file is intact and no temporary file is left. Content is handed to `writer` in pieces of
/// atomic_write_chunk bytes.
inline void write_file_atomic_with(const std::string& path, std::string_view content, const chunk_writer& writer) {
    if (std::filesystem::path(path).filename().empty()) throw io_error(path, "cannot write", EISDIR);
#if defined(_WIN32)
    const std::filesystem::path target(path);
#else
    const write_destination destination = destination_of(path);
    if (destination.direct) {
        write_directly(path, content, writer);
        return;
    }
    const std::filesystem::path& target = destination.target;
    if (target.filename().empty()) throw io_error(path, "cannot write", EISDIR);
#endif

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
    if (::stat(target.c_str(), &old_stat) == 0) {
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
