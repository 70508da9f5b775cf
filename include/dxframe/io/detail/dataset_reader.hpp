// SPDX-License-Identifier: MIT
/// @file
/// @brief Internal: the streaming reader of a `dxframe/1` document, behind load_dataset,
/// load_dataset_file and load_dataset_stream.
///
/// The limited SAX builder (json_parse.hpp) hands over each top-level member as it completes,
/// each element of `entities` as a small tree, and each element of `observations` as a flat
/// record; nothing holds the document as one tree. Every part is read with the generic typed
/// reader (json.hpp) at its JSON Pointer, so diagnostics and paths are the ones a whole-tree
/// read gives, in the same order (the typed reader visits members in document order too).
/// Observations, the bulk of a large dataset, take a fast path: a regular record (known
/// members of the expected types, a valid date and status) is decoded straight into an
/// row of the observation table (no `observation` is built); anything else is rebuilt as a tree
/// and given to the typed reader, so the fast path never decides about a diagnostic.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include <boost/describe/members.hpp>
#include <boost/mp11/algorithm.hpp>
#include <nlohmann/json.hpp>

#include <dxframe/diagnostic.hpp>
#include <dxframe/io/detail/input_source.hpp>
#include <dxframe/io/detail/stream_sink.hpp>
#include <dxframe/io/json.hpp>
#include <dxframe/model/dataset.hpp>
#include <dxframe/model/observation_table.hpp>

namespace dxframe::detail {

/// Decodes a regular observation record into `out` (views of the members' text: valid while
/// `members` is); false (with `out` unspecified) for anything the typed reader must see: an
/// unknown member, a wrong type, a bad date or status, `null` where it is not allowed, a
/// `source` object, a `breakdown` object (the headline records, the bulk, stay on the fast
/// path), a missing required member.
inline bool decode_observation(const std::vector<captured_member>& members, std::size_t count,
                               observation_fields& out) {
    using kind = captured_member::kind;
    out = observation_fields{};
    bool entity = false;
    bool indicator = false;
    bool day = false;
    const auto number = [](const captured_member& c, std::optional<double>& slot) {
        switch (c.type) {
            case kind::null: slot.reset(); return true;
            case kind::integer: slot = static_cast<double>(c.integer); return true;
            case kind::unsigned_integer: slot = static_cast<double>(c.whole); return true;
            case kind::floating:
                slot = c.number;  // finite: nlohmann refuses the rest, the number guard replaces them
                return true;
            default: return false;
        }
    };
    for (std::size_t i = 0; i < count; ++i) {
        const captured_member& c = members[i];
        if (c.discarded) continue;
        const std::string& k = c.key;
        const bool is_string = c.type == kind::string;
        if (k == "entity" && is_string) {
            out.entity = c.text;
            entity = true;
        } else if (k == "indicator" && is_string) {
            out.indicator = c.text;
            indicator = true;
        } else if (k == "date" && is_string) {
            const auto d = date::parse(c.text);
            if (!d) return false;
            out.date = *d;
            day = true;
        } else if (k == "value") {
            if (!number(c, out.value)) return false;
        } else if (k == "numerator") {
            if (!number(c, out.numerator)) return false;
        } else if (k == "denominator") {
            if (!number(c, out.denominator)) return false;
        } else if (k == "out_of") {
            if (!number(c, out.out_of)) return false;
        } else if (k == "status" && is_string && (c.text == "final" || c.text == "provisional")) {
            out.status = c.text == "final" ? observation_status::final : observation_status::provisional;
        } else if (k == "note" && (is_string || c.type == kind::null)) {
            if (is_string) out.note = std::string_view(c.text);
        } else if (k == "source" && c.type == kind::null) {
            // no source: as if omitted
        } else {
            return false;
        }
    }
    return entity && indicator && day;
}

/// The stream sink that reads a `dxframe/1` document's members into a dataset.
class dataset_sink final : public stream_sink {
public:
    /// Reads in `mode` (strict or lenient about unknown members).
    explicit dataset_sink(strictness mode) { ctx_.mode = mode; }

    /// The document has `bytes` bytes and is read from `source`: after a few thousand
    /// observations their size in the text tells how many there will be, and the vector is
    /// reserved once (sparing the copies of growing it, and their peak of old + new storage).
    void expect(const input_source& source, std::uint64_t bytes) noexcept {
        source_ = &source;
        expected_bytes_ = bytes;
    }

    /// `entities` and `observations` arrive element by element.
    bool streams(const std::string& key) const override { return key == "entities" || key == "observations"; }
    /// Observations arrive as flat records.
    bool captures(const std::string& key) const override { return key == "observations"; }

    /// An element as a tree: read at /KEY/INDEX.
    void element(const std::string& key, std::size_t index, nlohmann::ordered_json& value) override {
        if (key == "observations") {
            read_element(value, ds_.observations, "observations", index);
        } else {
            read_element(value, ds_.entities, "entities", index);
        }
    }

    /// An observation as a flat record: the fast path, or the typed reader on its tree.
    void record(const std::string&, std::size_t index, const std::vector<captured_member>& members,
                std::size_t count) override {
        if (source_ != nullptr && expected_bytes_ != 0) plan(index);
        if (!decode_observation(members, count, fields_)) {
            const nlohmann::ordered_json tree = captured_object(members, count);
            read_element(tree, ds_.observations, "observations", index);
            return;
        }
        ds_.observations.push_back(fields_);
        ++fast_records_;
    }

    /// A top-level member: read as read_struct would, then dropped from the tree.
    void member(const std::string& key, nlohmann::ordered_json& value) override {
        if (key == "format") return;  // checked by the loader on the whole tree's root
        using members = boost::describe::describe_members<dataset, boost::describe::mod_public>;
        const std::string root_path;
        const json_path root = json_path::root(&root_path);
        const json_path child = root.member(key);
        bool matched = false;
        std::size_t index = 0;
        boost::mp11::mp_for_each<members>([&](auto D) {
            if (!matched && key == D.name) {
                matched = true;
                seen_[index] = true;
                using member_type = std::remove_cv_t<std::remove_reference_t<decltype(ds_.*D.pointer)>>;
                using owner = decltype(declaring_class(D.pointer));
                if (value.is_null() && !may_omit_member<dataset, owner, member_type>(D.name)) {
                    report_error(ctx_, diagnostic_code::missing_required_field, child,
                                 "required member \"" + std::string(D.name) + "\" is null");
                } else if (!(value.is_array() && streams(key))) {
                    read_value(value, ds_.*D.pointer, ctx_, child);
                }
            }
            ++index;
        });
        if (!matched) report_unknown_member<dataset>(key, value, ctx_, child, "format");
        value = nullptr;
    }

    /// After the document: the required members it lacked.
    void finish() {
        const std::string root_path;
        report_missing_members(ds_, seen_, ctx_, json_path::root(&root_path));
    }

    /// The dataset read.
    dataset& data() noexcept { return ds_; }
    /// The typed reader's diagnostics and kept-aside members.
    json_read_context& context() noexcept { return ctx_; }
    /// Observations decoded by the fast path (the benchmark reports it: ≈ all of them).
    std::size_t fast_records() const noexcept { return fast_records_; }

private:
    // Reserves the observations once the first `sample` of them say how long one is in the text.
    void plan(std::size_t index) {
        constexpr std::size_t sample = 4096;
        if (index == 0) first_offset_ = source_->delivered();
        if (index != sample) return;
        const std::uint64_t now = source_->delivered();
        if (now <= first_offset_ || expected_bytes_ <= now) return;
        const double per_record = static_cast<double>(now - first_offset_) / static_cast<double>(sample);
        const double estimate = static_cast<double>(expected_bytes_ - first_offset_) / per_record * 1.02 + sample;
        // Never more than the shortest possible record allows ({"entity":"","indicator":"","date":"2024-01-01"}).
        const double most = static_cast<double>(expected_bytes_) / 45.0;
        ds_.observations.reserve(static_cast<std::size_t>(estimate < most ? estimate : most));
    }

    template <class T>
    void read_element(const nlohmann::ordered_json& value, std::vector<T>& out, const char* key, std::size_t index) {
        const std::string root_path;
        const json_path root = json_path::root(&root_path);
        const json_path member = root.member(key);
        T item{};
        read_value(value, item, ctx_, member.element(index));
        out.push_back(std::move(item));
    }

    // An observation off the fast path: read by the typed reader, then stored as a row.
    void read_element(const nlohmann::ordered_json& value, observation_table& out, const char* key, std::size_t index) {
        const std::string root_path;
        const json_path root = json_path::root(&root_path);
        const json_path member = root.member(key);
        observation item{};
        read_value(value, item, ctx_, member.element(index));
        out.push_back(item);
    }

    dataset ds_;
    observation_fields fields_;  // the fast path's record, reused
    json_read_context ctx_;
    const input_source* source_ = nullptr;
    std::uint64_t expected_bytes_ = 0;
    std::uint64_t first_offset_ = 0;
    bool seen_[boost::mp11::mp_size<boost::describe::describe_members<dataset, boost::describe::mod_public>>::value] =
        {};
    std::size_t fast_records_ = 0;
};

}  // namespace dxframe::detail
