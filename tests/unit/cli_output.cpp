// SPDX-License-Identifier: MIT
// `-o FILE` onto something that is not a regular file (issue 15, item 3): a named pipe, a
// character device, /dev/stdout on a pipe or on a file. The real executable writes into it and
// leaves it what it was; it never replaces it by a regular file.
#include "catch_compat.hpp"
#include "cli_runner.hpp"

#if defined(DXFRAME_CLI_PATH) && !defined(_WIN32)

#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <system_error>
#include <thread>
#include <vector>

#include <fcntl.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>
#if defined(__linux__)
#include <sys/sysmacros.h>
#endif

namespace {

namespace fs = std::filesystem;

using dxframe_test::run_cli;
using dxframe_test::run_result;
using dxframe_test::scratch;
using dxframe_test::slurp;

const std::string data_dir = DXFRAME_TEST_DATA_DIR;
const std::string sample = data_dir + "/../../examples/data/vietnam-sample.json";

std::string q(const fs::path& p) {
    return "'" + p.string() + "'";
}

mode_t mode_of(const fs::path& p) {
    struct stat st {};
    return ::lstat(p.c_str(), &st) == 0 ? st.st_mode : 0;
}

// Reads a FIFO to its end in a thread, as a consumer of the tool's output would. `spare` (a
// second name of the FIFO) releases the reader if the tool replaced the FIFO by a file.
class fifo_reader {
public:
    fifo_reader(fs::path path, fs::path spare) : path_(std::move(path)), spare_(std::move(spare)) {
        REQUIRE(::link(path_.c_str(), spare_.c_str()) == 0);
        thread_ = std::thread([this] {
            const int fd = ::open(path_.c_str(), O_RDONLY);
            if (fd >= 0) {
                char buf[1 << 16];
                for (ssize_t n; (n = ::read(fd, buf, sizeof buf)) != 0;) {
                    if (n > 0) {
                        got_.append(buf, static_cast<std::size_t>(n));
                    } else if (errno != EINTR) {
                        break;
                    }
                }
                ::close(fd);
            }
            done_ = true;
        });
    }
    fifo_reader(const fifo_reader&) = delete;
    fifo_reader& operator=(const fifo_reader&) = delete;
    ~fifo_reader() {
        if (thread_.joinable()) finish();
        std::error_code ec;
        fs::remove(spare_, ec);
    }
    std::string finish() {
        for (int i = 0; i < 500 && !done_; ++i) {
            if (!S_ISFIFO(mode_of(path_))) {
                const int fd = ::open(spare_.c_str(), O_WRONLY | O_NONBLOCK);
                if (fd >= 0) ::close(fd);
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        }
        thread_.join();
        return got_;
    }

private:
    fs::path path_;
    fs::path spare_;
    std::string got_;
    std::atomic<bool> done_{false};
    std::thread thread_;
};

}  // namespace

TEST_CASE("cli -o: a named pipe gets the whole output and stays a pipe", "[cli][output]") {
    const run_result printed = run_cli("export vietnam");
    REQUIRE(printed.status == 0);
    REQUIRE(printed.out.size() > (1u << 16));  // more than a pipe holds at once

    scratch s;
    const fs::path fifo = s.name("fifo");
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    {
        fifo_reader reader(fifo, s.name("fifo-spare"));
        const run_result r = run_cli("export vietnam -o " + q(fifo));
        CHECK(r.status == 0);
        CHECK(r.out.empty());
        CHECK(r.err.empty());
        CHECK(reader.finish() == printed.out);
    }
    CHECK(S_ISFIFO(mode_of(fifo)));

    // The same through the commands' shared writer (tools/dxframe/output.hpp).
    const run_result table = run_cli("index " + q(sample) + " --format csv");
    REQUIRE(table.status == 0);
    {
        fifo_reader reader(fifo, s.name("fifo-spare"));
        const run_result r = run_cli("index " + q(sample) + " --format csv -o " + q(fifo));
        CHECK(r.status == 0);
        CHECK(reader.finish() == table.out);
    }
    CHECK(S_ISFIFO(mode_of(fifo)));
}

TEST_CASE("cli -o: a character device stays a character device", "[cli][output]") {
    scratch s;
    const fs::path node = s.name("null");
    if (::mknod(node.c_str(), S_IFCHR | 0666, makedev(1, 3)) != 0) {
        const int e = errno;
        if (e != EPERM && e != EACCES) FAIL("mknod: " << std::generic_category().message(e));
        WARN("skipped: mknod needs root (CAP_MKNOD): " << std::generic_category().message(e));
        return;
    }
    const int fd = ::open(node.c_str(), O_WRONLY);
    if (fd < 0) {
        WARN("skipped: the device node cannot be opened (nodev?): " << std::generic_category().message(errno));
        return;
    }
    ::close(fd);
    const run_result r = run_cli("export vietnam -o " + q(node));
    CHECK(r.status == 0);
    CHECK(r.err.empty());
    CHECK(S_ISCHR(mode_of(node)));
}

TEST_CASE("cli -o /dev/stdout: on a pipe and on a file", "[cli][output]") {
    if (!fs::exists("/dev/stdout")) {
        WARN("skipped: no /dev/stdout");
        return;
    }
    const run_result printed = run_cli("export vietnam");
    REQUIRE(printed.status == 0);

    // /dev/stdout itself only when not root: as root a regression would replace the machine's
    // /dev/stdout. A link of the same kind in a scratch folder stands in for it (on Linux
    // /dev/stdout is a link to /proc/self/fd/1).
    scratch s;
    std::vector<std::string> names;
    const fs::path own = s.name("stdout");
    if (fs::is_symlink("/dev/stdout")) {
        fs::create_symlink(fs::read_symlink("/dev/stdout"), own);
        names.push_back(own.string());
    }
    if (::geteuid() != 0) names.push_back("/dev/stdout");
    REQUIRE(!names.empty());

    for (const std::string& name : names) {
        CAPTURE(name);
        const mode_t before = mode_of(name);
        // Standard output is a pipe (to cat).
        const fs::path piped = s.name("piped");
        const std::string cmd =
            "\"" + std::string(DXFRAME_CLI_PATH) + "\" export vietnam -o " + q(name) + " | cat > " + q(piped);
        const int raw = std::system(cmd.c_str());
        CHECK(WIFEXITED(raw));
        CHECK(WEXITSTATUS(raw) == 0);
        CHECK(slurp(piped) == printed.out);

        // Standard output is a regular file (run_cli redirects it): written through, not replaced.
        const run_result to_file = run_cli("export vietnam -o " + q(name));
        CHECK(to_file.status == 0);
        CHECK(to_file.out == printed.out);
        CHECK(to_file.err.empty());
        CHECK(mode_of(name) == before);
    }
}

TEST_CASE("cli -o: a symbolic link to a file stays a link", "[cli][output]") {
    const run_result printed = run_cli("export vietnam");
    REQUIRE(printed.status == 0);
    scratch s;
    const fs::path real = s.file("real.json", "old");
    fs::permissions(real, fs::perms::owner_read | fs::perms::owner_write, fs::perm_options::replace);
    const fs::path link = s.name("link.json");
    fs::create_symlink(real, link);
    const run_result r = run_cli("export vietnam -o " + q(link));
    CHECK(r.status == 0);
    CHECK(fs::is_symlink(link));
    CHECK(slurp(real) == printed.out);
    CHECK((fs::status(real).permissions() & fs::perms::all) == (fs::perms::owner_read | fs::perms::owner_write));
}

#endif
