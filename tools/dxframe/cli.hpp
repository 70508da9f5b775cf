// SPDX-License-Identifier: MIT
// Shared plumbing of the dxframe command-line tool: the command registry, argument parsing,
// exit codes and output. Commands live one per file (cmd_*.cpp) and register themselves.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <ostream>
#include <stdexcept>
#include <string>
#include <vector>

namespace dxframe::cli {

/// Exit codes shared by every command (DESIGN.md).
enum exit_code : int {
    exit_ok = 0,          ///< Success.
    exit_data_error = 1,  ///< The input has errors (diagnostics printed).
    exit_usage_error = 2  ///< Bad arguments, or a file that cannot be read or written.
};

/// Thrown for bad command lines; main prints the message and the command's usage, exit 2.
struct usage_error : std::runtime_error {
    using std::runtime_error::runtime_error;
};

/// Thrown when a file cannot be read or written; main prints it, exit 2.
struct io_failure : std::runtime_error {
    using std::runtime_error::runtime_error;
};

/// What a command receives.
struct context {
    std::vector<std::string> args;  ///< Arguments after the command name.
    std::ostream& out;              ///< Standard output.
    std::ostream& err;              ///< Standard error.
    bool out_is_terminal = false;   ///< Whether stdout is a TTY (colour, layout).
    bool err_is_terminal = false;   ///< Whether stderr is a TTY (progress bars).
};

/// A sub-command of the tool.
struct command {
    std::string name;                  ///< As typed: "validate".
    std::string summary;               ///< One line for `dxframe --help`.
    std::string usage;                 ///< Full usage text for `dxframe NAME --help`.
    std::function<int(context&)> run;  ///< Returns an exit code.
};

/// The options that bound a dataset input, taken by every command that reads one (they are
/// parsed here, once, and applied by input.hpp's load_input).
inline const std::vector<std::string>& input_limit_options() {
    static const std::vector<std::string> names{"--max-input-size", "--max-values", "--max-depth",
                                                "--max-string-length"};
    return names;
}

/// Their paragraph of the usage text (appended by `registrar` to each command that reads a
/// dataset FILE).
inline constexpr const char* input_limit_usage =
    "\n"
    "Input limits (for very large datasets; the defaults open a national commune-level year):\n"
    "  --max-input-size SIZE  largest dataset document read, in bytes, with an optional K, M\n"
    "                         or G suffix (binary: 2G = 2147483648); default 4G\n"
    "  --max-values N         most JSON values in the document; default 1000000000\n"
    "  --max-depth N          deepest nesting of arrays and objects; default 64, at most 1000\n"
    "  --max-string-length SIZE\n"
    "                         longest string or key, in bytes (K, M, G suffixes); default 1M\n";

/// The input limits given on the command line of the command being run (set by parsed_args,
/// which every command constructs once; empty when not given).
struct input_limit_values {
    std::optional<std::uint64_t> max_input_size;     ///< --max-input-size, in bytes.
    std::optional<std::uint64_t> max_values;         ///< --max-values.
    std::optional<std::uint64_t> max_depth;          ///< --max-depth.
    std::optional<std::uint64_t> max_string_length;  ///< --max-string-length, in bytes.
};

/// The running command's input limits.
inline input_limit_values& command_input_limits() {
    static input_limit_values values;
    return values;
}

/// The value of an input limit option: a whole number with an optional K, M or G suffix (binary
/// multiples, so 64M = 67108864), at least 1; else usage_error naming the option. Sizes
/// (--max-input-size, --max-string-length) are in bytes; --max-values and --max-depth count.
inline std::uint64_t size_option(const std::string& option, const std::string& value) {
    const auto bad = [&]() {
        const bool bytes = option == "--max-input-size" || option == "--max-string-length";
        return usage_error("option " + option + (bytes ? " needs a size in bytes, a" : " needs a") +
                           " whole number with an optional K, M or G suffix (e.g. " + (bytes ? "512M" : "1000") +
                           "), not '" + value + "'");
    };
    std::string digits = value;
    unsigned shift = 0;
    if (!digits.empty()) {
        const char unit = digits.back();
        shift = unit == 'K' || unit == 'k' ? 10 : unit == 'M' || unit == 'm' ? 20 : unit == 'G' || unit == 'g' ? 30 : 0;
        if (shift != 0) digits.pop_back();
    }
    if (digits.empty()) throw bad();
    std::uint64_t n = 0;
    for (char ch : digits) {
        if (ch < '0' || ch > '9') throw bad();
        const auto d = static_cast<std::uint64_t>(ch - '0');
        if (n > (~std::uint64_t{0} - d) / 10) throw bad();  // beyond 2^64 - 1
        n = n * 10 + d;
    }
    if (n == 0 || n > (~std::uint64_t{0} >> shift)) throw bad();
    return n << shift;
}

/// True when a command's usage names a dataset FILE it reads (its first line has a FILE that
/// is not the value of an option such as -o FILE).
inline bool usage_reads_file(const std::string& usage) {
    const std::string first = usage.substr(0, usage.find('\n'));
    for (std::size_t at = first.find("FILE"); at != std::string::npos; at = first.find("FILE", at + 4)) {
        if (at == 0) continue;
        const char before = first[at - 1];
        if (before == '[' || before == '(') return true;
        if (before != ' ') continue;
        const std::size_t word = first.rfind(' ', at - 2);
        const std::size_t start = word == std::string::npos ? 0 : word + 1;
        if (first[start] != '-' && first[start] != '[') return true;
    }
    return false;
}

/// All registered commands, by name.
inline std::map<std::string, command>& registry() {
    static std::map<std::string, command> commands;
    return commands;
}

/// Registers a command at static-initialisation time: `static const registrar r{{...}};`.
struct registrar {
    /// Adds `c` to the registry.
    explicit registrar(command c) {
        if (usage_reads_file(c.usage)) c.usage += input_limit_usage;
        registry().emplace(c.name, std::move(c));
    }
};

/// A parsed command line: options (`--name value`, `--name=value`, `-o value`) and positionals.
/// Flags (options without a value) are declared up front so `--flag FILE` is not misread.
class parsed_args {
public:
    /// Parses `args`. `value_options` take a value; `flag_options` do not. Anything else that
    /// starts with `-` (other than `-` alone, meaning stdin) is a usage error.
    parsed_args(const std::vector<std::string>& args, const std::vector<std::string>& value_options,
                const std::vector<std::string>& flag_options = {}) {
        auto is_in = [](const std::vector<std::string>& v, const std::string& s) {
            for (const auto& x : v) {
                if (x == s) return true;
            }
            return false;
        };
        command_input_limits() = {};
        bool only_positionals = false;
        for (std::size_t i = 0; i < args.size(); ++i) {
            const std::string& a = args[i];
            if (only_positionals || a == "-" || a.empty() || a[0] != '-') {
                positionals_.push_back(a);
                continue;
            }
            if (a == "--") {
                only_positionals = true;
                continue;
            }
            std::string name = a;
            std::optional<std::string> value;
            if (const auto eq = a.find('='); eq != std::string::npos && a.rfind("--", 0) == 0) {
                name = a.substr(0, eq);
                value = a.substr(eq + 1);
            }
            if (is_in(flag_options, name)) {
                if (value) throw usage_error("option " + name + " takes no value");
                options_[name].push_back("");
            } else if (is_in(value_options, name) || is_in(input_limit_options(), name)) {
                if (!value) {
                    if (i + 1 >= args.size()) throw usage_error("option " + name + " needs a value");
                    value = args[++i];
                }
                options_[name].push_back(*value);
            } else {
                throw usage_error("unknown option " + name);
            }
        }
        if (const auto size = get("--max-input-size")) {
            command_input_limits().max_input_size = size_option("--max-input-size", *size);
        }
        if (const auto values = get("--max-values")) {
            command_input_limits().max_values = size_option("--max-values", *values);
        }
        if (const auto depth = get("--max-depth")) {
            command_input_limits().max_depth = size_option("--max-depth", *depth);
        }
        if (const auto length = get("--max-string-length")) {
            command_input_limits().max_string_length = size_option("--max-string-length", *length);
        }
    }

    /// True when the option or flag was given.
    bool has(const std::string& name) const { return options_.count(name) != 0; }
    /// The last value given for an option, if any.
    std::optional<std::string> get(const std::string& name) const {
        const auto it = options_.find(name);
        if (it == options_.end() || it->second.empty()) return std::nullopt;
        return it->second.back();
    }
    /// Every value given for a repeatable option, in order.
    std::vector<std::string> all(const std::string& name) const {
        const auto it = options_.find(name);
        return it == options_.end() ? std::vector<std::string>{} : it->second;
    }
    /// Positional arguments in order.
    const std::vector<std::string>& positionals() const { return positionals_; }

private:
    std::map<std::string, std::vector<std::string>> options_;
    std::vector<std::string> positionals_;
};

/// Checks `value` is one of `allowed`, else throws usage_error naming the option.
inline const std::string& one_of(const std::string& option, const std::string& value,
                                 const std::vector<std::string>& allowed) {
    for (const auto& a : allowed) {
        if (a == value) return value;
    }
    std::string list;
    for (const auto& a : allowed)
        list += (list.empty() ? "" : "|") + a;
    throw usage_error("option " + option + " must be one of " + list + ", not '" + value + "'");
}

/// A whole number of months in 0..1200 (--stale-after, --result-window), else usage_error.
inline int months_option(const std::string& option, const std::string& value) {
    int n = 0;
    bool ok = !value.empty() && value.size() <= 4;
    for (char ch : value) {
        if (ch < '0' || ch > '9') {
            ok = false;
            break;
        }
        n = n * 10 + (ch - '0');
    }
    if (!ok || n > 1200) {
        throw usage_error("option " + option + " needs a whole number of months from 0 to 1200, not '" + value + "'");
    }
    return n;
}

}  // namespace dxframe::cli
