// SPDX-License-Identifier: MIT
// read_file and write_file_atomic: exact bytes, io_error with path and reason, a failure
// forced in the middle of a write leaving the old file intact and no temporary file behind, and
// (POSIX) devices, FIFOs and sockets written directly, symbolic links kept.
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

#if !defined(_WIN32)
#include <atomic>
#include <thread>

#include <fcntl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/un.h>
#include <unistd.h>
#if defined(__linux__)
#include <sys/sysmacros.h>
#endif
#endif

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

#if !defined(_WIN32)

namespace {

struct stat lstat_of(const std::string& path) {
    struct stat st {};
    if (::lstat(path.c_str(), &st) != 0) st.st_mode = 0;
    return st;
}

bool is_fifo(const std::string& path) {
    return S_ISFIFO(lstat_of(path).st_mode);
}

// Reads everything from a file descriptor until end of file.
std::string drain(int fd) {
    std::string got;
    char buf[1 << 16];
    for (;;) {
        const ssize_t n = ::read(fd, buf, sizeof buf);
        if (n > 0) {
            got.append(buf, static_cast<std::size_t>(n));
        } else if (n < 0 && errno == EINTR) {
            continue;
        } else {
            break;
        }
    }
    return got;
}

// A reader of a FIFO in its own thread: opens it (waiting for a writer) and reads to the end.
// Had the writer replaced the FIFO by a file, the reader would wait forever on the old FIFO;
// `spare`, a second name of the same FIFO made beforehand, lets finish() release it.
class fifo_reader {
public:
    fifo_reader(std::string path, std::string spare) : path_(std::move(path)), spare_(std::move(spare)) {
        REQUIRE(::link(path_.c_str(), spare_.c_str()) == 0);
        thread_ = std::thread([this] {
            const int fd = ::open(path_.c_str(), O_RDONLY);
            if (fd >= 0) {
                got_ = drain(fd);
                ::close(fd);
            }
            done_ = true;
        });
    }
    fifo_reader(const fifo_reader&) = delete;
    fifo_reader& operator=(const fifo_reader&) = delete;
    ~fifo_reader() {
        if (thread_.joinable()) finish();
    }
    // Waits for the reader and returns what it read.
    std::string finish() {
        for (int i = 0; i < 500 && !done_; ++i) {
            if (!is_fifo(path_)) {  // replaced: open the old FIFO for writing and close it (EOF)
                const int fd = ::open(spare_.c_str(), O_WRONLY | O_NONBLOCK);
                if (fd >= 0) ::close(fd);
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        }
        thread_.join();
        return got_;
    }

private:
    std::string path_;
    std::string spare_;
    std::string got_;
    std::atomic<bool> done_{false};
    std::thread thread_;
};

// A character device node (`major`, `minor`) named `path`, or false with `why` when this
// process may not make one or the file system does not let it be opened.
bool make_char_device(const std::string& path, unsigned major_number, unsigned minor_number, std::string& why) {
    if (::mknod(path.c_str(), S_IFCHR | 0666, makedev(major_number, minor_number)) != 0) {
        const int e = errno;
        if (e == EPERM || e == EACCES) {
            why = "mknod needs root (CAP_MKNOD): " + std::generic_category().message(e);
            return false;
        }
        FAIL("mknod " << path << ": " << std::generic_category().message(e));
    }
    const int fd = ::open(path.c_str(), O_WRONLY);
    if (fd < 0) {
        const int e = errno;
        why = "the device node cannot be opened (file system mounted nodev?): " + std::generic_category().message(e);
        return false;
    }
    ::close(fd);
    return true;
}

}  // namespace

TEST_CASE("write_file_atomic writes into a FIFO and leaves it a FIFO", "[file_io][posix]") {
    scratch_dir dir;
    const std::string fifo = dir.file("fifo");
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    const std::string content = big_content(1'000'003);  // far more than a pipe holds

    {
        fifo_reader reader(fifo, dir.file("fifo-spare"));
        dxframe::write_file_atomic(fifo, content);
        CHECK(reader.finish() == content);
    }
    CHECK(is_fifo(fifo));
    CHECK(dir.entries() == std::vector<std::string>{"fifo", "fifo-spare"});

    // Through a symbolic link: the link stays, the FIFO gets the content.
    fs::remove(dir.path / "fifo-spare");
    fs::create_symlink("fifo", dir.path / "to-fifo");
    {
        fifo_reader reader(fifo, dir.file("fifo-spare"));
        dxframe::write_file_atomic(dir.file("to-fifo"), "through the link\n");
        CHECK(reader.finish() == "through the link\n");
    }
    CHECK(is_fifo(fifo));
    CHECK(fs::is_symlink(dir.path / "to-fifo"));
    CHECK(dir.entries() == std::vector<std::string>{"fifo", "fifo-spare", "to-fifo"});
}

TEST_CASE("write_file_atomic writes into a character device and leaves it a device", "[file_io][posix]") {
    scratch_dir dir;
    const std::string node = dir.file("null");
    std::string why;
    if (!make_char_device(node, 1, 3, why)) {  // 1,3: /dev/null on Linux
        WARN("skipped: " << why);
        return;
    }
    const dev_t rdev = lstat_of(node).st_rdev;
    dxframe::write_file_atomic(node, big_content(200'000));
    CHECK(S_ISCHR(lstat_of(node).st_mode));
    CHECK(lstat_of(node).st_rdev == rdev);
    CHECK(dir.entries() == std::vector<std::string>{"null"});

    // A write error on a device (1,7: /dev/full, "No space left on device") is io_error with
    // the path; the device stays.
    const std::string full = dir.file("full");
    REQUIRE(make_char_device(full, 1, 7, why));
    try {
        dxframe::write_file_atomic(full, "x");
        FAIL("no exception");
    } catch (const dxframe::io_error& e) {
        CHECK(e.path() == full);
        CHECK(e.code() == std::error_code(ENOSPC, std::generic_category()));
        CHECK(std::string(e.what()) == "cannot write '" + full + "': " + std::generic_category().message(ENOSPC));
    }
    CHECK(S_ISCHR(lstat_of(full).st_mode));
    CHECK(dir.entries() == std::vector<std::string>{"full", "null"});
}

TEST_CASE("write_file_atomic writes /dev/null itself when not root", "[file_io][posix]") {
    // As root a regression would replace the machine's /dev/null: the test above covers root
    // with a device node of its own.
    if (::geteuid() == 0) {
        WARN("skipped as root (see the device node test)");
        return;
    }
    dxframe::write_file_atomic("/dev/null", "discarded\n");
    CHECK(S_ISCHR(lstat_of("/dev/null").st_mode));
}

TEST_CASE("write_file_atomic writes through /dev/fd/N to a pipe", "[file_io][posix]") {
    int fds[2];
    REQUIRE(::pipe(fds) == 0);
    std::string got;
    std::thread reader([&] {
        got = drain(fds[0]);
        ::close(fds[0]);
    });
    const std::string content = big_content(300'000);
    scratch_dir dir;
    try {
        dxframe::write_file_atomic("/dev/fd/" + std::to_string(fds[1]), content);
        // A link of the user's to it (as /dev/stdout is one to /proc/self/fd/1).
        fs::create_symlink("/dev/fd/" + std::to_string(fds[1]), dir.path / "stdout");
        dxframe::write_file_atomic(dir.file("stdout"), "end\n");
    } catch (...) {
        ::close(fds[1]);
        reader.join();
        throw;
    }
    ::close(fds[1]);
    reader.join();
    CHECK(got == content + "end\n");
    CHECK(fs::is_symlink(dir.path / "stdout"));
    CHECK(dir.entries() == std::vector<std::string>{"stdout"});
}

TEST_CASE("write_file_atomic refuses a socket with io_error and leaves it", "[file_io][posix]") {
    scratch_dir dir;
    const std::string path = dir.file("sock");
    sockaddr_un addr{};
    addr.sun_family = AF_UNIX;
    if (path.size() >= sizeof addr.sun_path) {
        WARN("skipped: temporary path too long for a socket");
        return;
    }
    std::copy(path.begin(), path.end(), addr.sun_path);
    const int s = ::socket(AF_UNIX, SOCK_STREAM, 0);
    REQUIRE(s >= 0);
    REQUIRE(::bind(s, reinterpret_cast<const sockaddr*>(&addr), sizeof addr) == 0);
    try {
        dxframe::write_file_atomic(path, "x");
        FAIL("no exception");
    } catch (const dxframe::io_error& e) {
        CHECK(e.path() == path);
        CHECK(std::string(e.what()).rfind("cannot open '", 0) == 0);
    }
    ::close(s);
    CHECK(S_ISSOCK(lstat_of(path).st_mode));
    CHECK(dir.entries() == std::vector<std::string>{"sock"});
}

TEST_CASE("write_file_atomic keeps a symbolic link and replaces the file it leads to", "[file_io][posix]") {
    scratch_dir dir;
    const std::string real = dir.file("real.json");
    spit(real, "old");
    fs::permissions(real, fs::perms::owner_read | fs::perms::owner_write, fs::perm_options::replace);
    fs::create_symlink("real.json", dir.path / "link.json");              // relative
    fs::create_symlink(dir.path / "link.json", dir.path / "link2.json");  // absolute, to a link

    dxframe::write_file_atomic(dir.file("link.json"), "new");
    CHECK(slurp(real) == "new");
    CHECK(fs::read_symlink(dir.path / "link.json") == fs::path("real.json"));
    CHECK((fs::status(real).permissions() & fs::perms::all) == (fs::perms::owner_read | fs::perms::owner_write));
    dxframe::write_file_atomic(dir.file("link2.json"), "newer");
    CHECK(slurp(real) == "newer");
    CHECK(fs::is_symlink(dir.path / "link2.json"));
    CHECK(fs::is_symlink(dir.path / "link.json"));
    CHECK(fs::is_regular_file(fs::symlink_status(real)));
    CHECK(dir.entries() == std::vector<std::string>{"link.json", "link2.json", "real.json"});

    // The temporary goes next to the file, not next to the link.
    fs::create_directories(dir.path / "sub");
    fs::create_symlink(fs::path("sub") / "deep.json", dir.path / "to-deep");
    dxframe::write_file_atomic(dir.file("to-deep"), "deep");
    CHECK(slurp(dir.file("sub/deep.json")) == "deep");
    CHECK(fs::is_symlink(dir.path / "to-deep"));  // a link to a file not there yet: made there

    // A link to a directory: refused, the link and the directory stay.
    fs::create_symlink("sub", dir.path / "to-sub");
    try {
        dxframe::write_file_atomic(dir.file("to-sub"), "x");
        FAIL("no exception");
    } catch (const dxframe::io_error& e) {
        CHECK(e.path() == dir.file("to-sub"));
        CHECK(std::string(e.what()).rfind("cannot replace '", 0) == 0);
    }
    CHECK(fs::is_symlink(dir.path / "to-sub"));
    CHECK(fs::is_regular_file(dir.path / "sub" / "deep.json"));
    std::vector<std::string> sub;
    for (const auto& e : fs::directory_iterator(dir.path / "sub"))
        sub.push_back(e.path().filename().string());
    CHECK(sub == std::vector<std::string>{"deep.json"});
    CHECK(dir.entries() ==
          std::vector<std::string>{"link.json", "link2.json", "real.json", "sub", "to-deep", "to-sub"});

    // A loop of links.
    fs::create_symlink("loop-b", dir.path / "loop-a");
    fs::create_symlink("loop-a", dir.path / "loop-b");
    try {
        dxframe::write_file_atomic(dir.file("loop-a"), "x");
        FAIL("no exception");
    } catch (const dxframe::io_error& e) {
        CHECK(e.code() == std::error_code(ELOOP, std::generic_category()));
    }
    CHECK(fs::is_symlink(dir.path / "loop-a"));
}

#endif  // !_WIN32
