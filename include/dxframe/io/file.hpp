// SPDX-License-Identifier: MIT
/// @file
/// @brief Reading whole files and replacing files atomically.
///
/// write_file_atomic() never leaves a half-written file behind: it writes a temporary file in
/// the target's directory, flushes it to disk, and renames it over the target, so a reader
/// sees either the old content or the new one, even if the process dies or the disk fills up.
/// A device, a named pipe or a socket is written directly instead (never replaced by a file).
#pragma once

#include <cstddef>
#include <cstdio>
#include <string>
#include <string_view>
#include <system_error>

#include <dxframe/config.hpp>
#include <dxframe/error.hpp>

namespace dxframe {

/// A file could not be read or written. The message names the path and the system's reason
/// ("cannot read 'data.json': No such file or directory").
class io_error : public error {
public:
    /// `action` says what failed ("cannot read"); `errnum` is the errno value.
    io_error(const std::string& path, const std::string& action, int errnum)
        : error(action + " '" + path + "': " + std::generic_category().message(errnum)),
          path_(path),
          code_(errnum, std::generic_category()) {}
    /// The file concerned.
    const std::string& path() const noexcept { return path_; }
    /// The system error (an errno value in the generic category).
    std::error_code code() const noexcept { return code_; }

private:
    std::string path_;
    std::error_code code_;
};

namespace detail {

/// Closes a FILE on scope exit.
struct file_closer {
    std::FILE* file = nullptr;  ///< The file, or null.
    file_closer() = default;
    /// Takes `f` (may be null).
    explicit file_closer(std::FILE* f) noexcept : file(f) {}
    file_closer(const file_closer&) = delete;
    file_closer& operator=(const file_closer&) = delete;
    ~file_closer() {
        if (file != nullptr) std::fclose(file);
    }
};

/// Reads at most `limit` bytes of the file into `out`. Returns true when that was the whole
/// file, false when more remains. Throws io_error when the file cannot be opened or read (a
/// directory, a missing file, a read error).
DXFRAME_DECL bool read_file_prefix(const std::string& path, std::size_t limit, std::string& out);

}  // namespace detail

/// The whole content of a file, byte for byte. Throws io_error (with the path and the system's
/// reason) when it cannot be opened or read.
DXFRAME_DECL std::string read_file(const std::string& path);

/// Replaces (or creates) `path` with `content` atomically: a temporary file in the same
/// directory is written, flushed to disk (fsync) and renamed over the target, so readers never
/// see a partial file. The replaced file's permissions are kept (POSIX). On any failure the
/// temporary file is removed, the old file is left intact, and io_error is thrown with the
/// path and the system's reason.
///
/// POSIX: when `path` exists and is not a regular file or a directory (a character or block
/// device such as /dev/null, a FIFO, a socket, or a symbolic link to one such as /dev/stdout
/// on a pipe), it is opened and written directly, with no temporary file and no rename; write
/// and close errors are io_error with the path as above. A symbolic link to a regular file (or
/// to a path that does not exist yet) stays a link: the file it leads to is replaced atomically,
/// keeping that file's permissions. The links of the open-file table (/dev/stdout, /dev/fd/N,
/// /proc/self/fd/N on Linux) are always written through, even to a regular file.
/// Windows: always the temporary file and the rename.
DXFRAME_DECL void write_file_atomic(const std::string& path, std::string_view content);

}  // namespace dxframe

#if DXFRAME_HEADER_ONLY
#include <dxframe/io/impl/file.ipp>
#endif
