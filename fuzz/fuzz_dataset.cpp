// SPDX-License-Identifier: MIT
// Fuzzes the dxframe/1 dataset loader and the validator: any bytes, strict and lenient, with
// default and with tight limits. Oracles: nothing escapes but diagnostics; a failed load gives
// no dataset and at least one error; a partial dataset (errors in records, the document read to
// its end) comes only without a dataset and never after a syntax error, a limit or a wrong
// format, and validates without throwing; a loaded dataset validates without throwing, and saving it
// and loading the save gives back a dataset that saves to the same bytes; reading the input in
// small chunks gives the same diagnostics and dataset as reading it in one.
#include <dxframe/io/dataset_json.hpp>
#include <dxframe/validate.hpp>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "oracle.hpp"

namespace {

// The diagnostics, kept-aside members and dataset of a load, as one comparable text.
std::string outcome(const dxframe::load_result& r) {
    std::string s;
    for (const auto& d : r.diagnostics) {
        s += std::to_string(static_cast<int>(d.code)) + ' ' + d.path + ' ' + (d.line ? std::to_string(*d.line) : "-") +
             ':' + (d.column ? std::to_string(*d.column) : "-") + ' ' + d.message + '\n';
    }
    for (const auto& u : r.unknown_fields)
        s += u.path + ' ' + u.json + '\n';
    if (r.partial) {
        const auto list = [&s](const char* name, const std::vector<std::size_t>& positions) {
            s += name;
            for (const std::size_t i : positions)
                s += ' ' + std::to_string(i);
            s += '\n';
        };
        const dxframe::load_damage& damage = r.partial->damage;
        list("pillars", damage.pillars);
        list("nodes", damage.nodes);
        list("indicators", damage.indicators);
        list("targets", damage.targets);
        list("tasks", damage.tasks);
        list("entities", damage.entities);
        list("observations", damage.observations);
        for (const auto& m : damage.members)
            s += "member " + m + '\n';
    }
    return s + (r.data ? dxframe::save_dataset(*r.data) : std::string("-"));
}

void load_and_check(std::string_view text, const dxframe::load_options& options) {
    const dxframe::load_result r = dxframe::load_dataset(text, options);
    // Differential: the streaming reader gives the same whatever its chunk size (tokens, UTF-8
    // sequences and overflowing numbers cut by chunk edges).
    if (outcome(dxframe::detail::load_dataset_chunked(text, options, 7)) != outcome(r)) {
        dxframe_fuzz::broken("reading in chunks of 7 bytes changed the outcome");
    }
    if (r.data && r.partial) dxframe_fuzz::broken("a load returned both a dataset and a partial dataset");
    if (!r.ok()) {
        if (r.data) dxframe_fuzz::broken("a failed load returned a dataset");
        if (!dxframe::has_errors(r.diagnostics)) dxframe_fuzz::broken("a failed load reported no error");
        if (!r.partial) return;
        for (const auto& d : r.diagnostics) {
            if (d.code == dxframe::diagnostic_code::limit_exceeded ||
                d.code == dxframe::diagnostic_code::unsupported_format ||
                // A syntax error (not the byte order mark, which is reported and skipped).
                (d.code == dxframe::diagnostic_code::invalid_json &&
                 d.message.find("byte order mark") == std::string::npos)) {
                dxframe_fuzz::broken("a partial dataset after a load that stopped early");
            }
        }
        // validate(partial) never throws (an exception escaping aborts the run as a crash) and
        // says something about every problem it reports.
        for (const auto& d : dxframe::validate(*r.partial)) {
            if (d.message.empty()) dxframe_fuzz::broken("a diagnostic of a partial dataset without a message");
        }
        return;
    }
    const auto diags = dxframe::validate(*r.data);
    for (const auto& d : diags) {
        if (d.message.empty()) dxframe_fuzz::broken("a diagnostic without a message");
    }
    const std::string saved = dxframe::save_dataset(*r.data);
    const dxframe::load_result again = dxframe::load_dataset(saved);
    if (!again.ok()) dxframe_fuzz::broken("a saved dataset does not load back: " + again.diagnostics.front().message);
    if (dxframe::save_dataset(*again.data) != saved) dxframe_fuzz::broken("save -> load -> save changed the bytes");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    dxframe::load_options strict;
    load_and_check(text, strict);
    dxframe::load_options lenient;
    lenient.mode = dxframe::strictness::lenient;
    load_and_check(text, lenient);
    // Tight limits: every limit is reachable by small inputs, so each check is exercised.
    dxframe::load_options tight;
    tight.limits.max_document_bytes = 4096;
    tight.limits.max_depth = 6;
    tight.limits.max_string_length = 32;
    tight.limits.max_elements = 200;
    load_and_check(text, tight);
    return 0;
}
