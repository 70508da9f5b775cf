// SPDX-License-Identifier: MIT
// Shared plumbing of the dxframe command-line tool: the command registry, argument parsing,
// exit codes and output. Commands live one per file (cmd_*.cpp) and register themselves.
#pragma once

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

/// All registered commands, by name.
inline std::map<std::string, command>& registry() {
    static std::map<std::string, command> commands;
    return commands;
}

/// Registers a command at static-initialisation time: `static const registrar r{{...}};`.
struct registrar {
    /// Adds `c` to the registry.
    explicit registrar(command c) { registry().emplace(c.name, std::move(c)); }
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
            } else if (is_in(value_options, name)) {
                if (!value) {
                    if (i + 1 >= args.size()) throw usage_error("option " + name + " needs a value");
                    value = args[++i];
                }
                options_[name].push_back(*value);
            } else {
                throw usage_error("unknown option " + name);
            }
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
