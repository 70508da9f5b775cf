// SPDX-License-Identifier: MIT
/// @file
/// @brief Internal: parsing untrusted JSON text into an nlohmann::ordered_json tree through
/// nlohmann's SAX parser, with limits, duplicate-key detection and positioned diagnostics.
///
/// Why a SAX layer rather than `json::parse`: the DOM parser silently keeps the last of two
/// equal keys, cannot bound memory or nesting before the tree exists, and its exceptions carry
/// no JSON Pointer. nlohmann's SAX driver is iterative (an explicit stack), so a deeply nested
/// document cannot overflow the call stack here; the depth limit additionally guarantees that
/// everything recursive done later with the tree (dump, the typed reader) stays shallow.
///
/// The tree is built by this layer rather than by nlohmann::detail::json_sax_dom_parser because
/// that internal class changed its template parameters in nlohmann 3.12.
#pragma once

#include <cstddef>
#include <cstdint>
#include <deque>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_set>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include <dxframe/diagnostic.hpp>
#include <dxframe/io/detail/input_source.hpp>
#include <dxframe/io/detail/stream_sink.hpp>
#include <dxframe/io/detail/utf8.hpp>

namespace dxframe::detail {

/// Limits applied while parsing (see dxframe::load_limits for their meaning).
struct parse_limits {
    std::size_t max_depth = 64;                ///< Deepest nesting of arrays and objects.
    std::size_t max_string_length = 1u << 20;  ///< Longest string or key, in bytes.
    std::uint64_t max_elements = 5'000'000;    ///< Most JSON values in the whole document.
};

/// Depth beyond which no limit is honoured: the tree is later dumped and destroyed recursively
/// by nlohmann, so the nesting must stay far below what the call stack can take.
inline constexpr std::size_t hard_max_depth = 1000;

/// The end of a limit_exceeded message: how to raise the limit that was hit.
inline constexpr const char* raise_depth = "; raise load_limits::max_depth (command line: --max-depth)";
/// As raise_depth, for strings and keys.
inline constexpr const char* raise_string_length =
    "; raise load_limits::max_string_length (command line: --max-string-length)";

/// SAX handler that builds an ordered_json tree while enforcing limits and reporting duplicate
/// keys. Returning false from a callback stops nlohmann's parser.
class limited_dom_builder {
public:
    using json = nlohmann::ordered_json;

    /// Builds into `root`; `poisoned` lists value numbers (0-based, document order) that stand
    /// for an overflowing number, with the diagnostic to emit when that value is reached.
    limited_dom_builder(json& root, const parse_limits& limits,
                        const std::vector<std::pair<std::size_t, diagnostic>>& poisoned)
        : root_(root), limits_(limits), poisoned_(poisoned) {
        max_depth_ = limits.max_depth < hard_max_depth ? limits.max_depth : hard_max_depth;
    }

    /// Streaming: reads from `source` (whose number guard replaced overflowing numbers: they
    /// are reported when reached) and hands the top-level members and the elements of the
    /// arrays it streams to `sink` as they complete.
    limited_dom_builder(json& root, const parse_limits& limits, input_source& source, stream_sink& sink)
        : limited_dom_builder(root, limits, no_poisoned()) {
        source_ = &source;
        sink_ = &sink;
    }

    /// A null.
    bool null() {
        if (capturing_) return capture(captured_member::kind::null);
        return put(json(nullptr));
    }
    /// true or false.
    bool boolean(bool v) {
        if (capturing_) return capture(captured_member::kind::boolean) && (captured_[count_ - 1].flag = v, true);
        return put(json(v));
    }
    /// A negative integer (or any integer, depending on nlohmann's choice).
    bool number_integer(json::number_integer_t v) {
        if (capturing_) return capture(captured_member::kind::integer) && (captured_[count_ - 1].integer = v, true);
        return put(json(v));
    }
    /// A non-negative integer.
    bool number_unsigned(json::number_unsigned_t v) {
        if (capturing_) {
            return capture(captured_member::kind::unsigned_integer) && (captured_[count_ - 1].whole = v, true);
        }
        return put(json(v));
    }
    /// A number with a fraction or exponent.
    bool number_float(json::number_float_t v, const json::string_t&) {
        if (capturing_) return capture(captured_member::kind::floating) && (captured_[count_ - 1].number = v, true);
        return put(json(v));
    }
    /// A string value.
    bool string(json::string_t& v) {
        if (v.size() > limits_.max_string_length) {
            return limit("a string of " + std::to_string(v.size()) + " bytes exceeds the limit of " +
                         std::to_string(limits_.max_string_length) + raise_string_length);
        }
        if (capturing_) {
            if (!capture(captured_member::kind::string)) return false;
            captured_[count_ - 1].text.swap(v);
            return true;
        }
        return put(json(std::move(v)));
    }
    /// Binary values exist only in binary formats; never produced by the JSON parser.
    bool binary(json::binary_t&) { return false; }

    /// Start of an object.
    bool start_object(std::size_t) { return open(json::object(), true); }
    /// A key of the current object.
    bool key(json::string_t& k) {
        frame& f = frames_.back();
        if (k.size() > limits_.max_string_length) {
            f.duplicate_key = k;
            f.key_is_held = true;
            return limit("a key of " + std::to_string(k.size()) + " bytes exceeds the limit of " +
                         std::to_string(limits_.max_string_length) + raise_string_length);
        }
        if (capturing_) {
            if (count_ < linear_key_search) return capture_key(k);
            materialize(false);  // a record this wide is read as a tree, with a key index
        }
        auto& members = refs_.back()->get_ref<json::object_t&>();
        if (is_duplicate(f, members, k)) {
            f.duplicate_key = std::move(k);
            f.key_is_held = true;
            diagnostic d;
            d.code = diagnostic_code::duplicate_key;
            d.path = current_path();
            d.message = "key " + quote_text(f.duplicate_key) + " appears more than once in the same object";
            diagnostics_.push_back(std::move(d));
            // The first occurrence wins; later values are parsed into a throw-away slot, so that
            // an adversarial run of duplicates cannot make insertion quadratic.
            slot_ = &discarded_.emplace_back();
            return true;
        }
        if (f.index) f.index->insert(k);
        members.emplace_back(std::move(k), json());
        // Valid until the next key of this object: nothing else is appended to it meanwhile.
        f.key = &members.back().first;
        f.key_is_held = false;
        slot_ = &members.back().second;
        return true;
    }
    /// End of the current object.
    bool end_object() { return close(); }
    /// Start of an array.
    bool start_array(std::size_t) { return open(json::array(), false); }
    /// End of the current array.
    bool end_array() { return close(); }

    /// A syntax error (or number overflow): remembered for the caller, which knows the text.
    bool parse_error(std::size_t position, const std::string& last_token, const json::exception& ex) {
        error_position_ = position;
        error_token_ = last_token;
        error_id_ = ex.id;
        error_what_ = ex.what();
        error_path_ = current_path();
        syntax_error_ = true;
        return false;
    }

    /// True when parsing stopped on a syntax error (not on a limit).
    bool syntax_error() const noexcept { return syntax_error_; }
    /// nlohmann's byte count at the error (the offending byte is at position - 1).
    std::size_t error_position() const noexcept { return error_position_; }
    /// The token nlohmann was reading when it failed.
    const std::string& error_token() const noexcept { return error_token_; }
    /// nlohmann's exception id (101: syntax error, 406: number overflow, …).
    int error_id() const noexcept { return error_id_; }
    /// nlohmann's message.
    const std::string& error_what() const noexcept { return error_what_; }
    /// JSON Pointer of the value being read when the error happened.
    const std::string& error_path() const noexcept { return error_path_; }
    /// Streaming: pointers of the overflowing numbers reached (their value is a placeholder 0).
    const std::vector<std::string>& poisoned_paths() const noexcept { return poisoned_paths_; }
    /// Number of values read so far (the next value's number).
    std::size_t values() const noexcept { return static_cast<std::size_t>(values_); }
    /// Duplicate-key and limit diagnostics, in document order.
    std::vector<diagnostic>& diagnostics() noexcept { return diagnostics_; }

private:
    struct frame {
        bool is_object = false;
        std::size_t count = 0;             // arrays: elements so far
        const std::string* key = nullptr;  // objects: the current key, in the tree
        // Objects: a repeated (or over-long) key, which the tree does not hold. A flag, not a
        // pointer into the frame: frames move when frames_ grows (a fuzzer found that one).
        std::string duplicate_key;
        bool key_is_held = false;  // the current key is duplicate_key
        // Objects with many members: a hash index of their keys, built on demand. Small objects
        // (nearly all of a dataset) are searched directly, with no allocation.
        std::unique_ptr<std::unordered_set<std::string>> index;
        bool streamed = false;  // arrays: a top-level member whose elements go to the sink
    };

    static const std::vector<std::pair<std::size_t, diagnostic>>& no_poisoned() {
        static const std::vector<std::pair<std::size_t, diagnostic>> none;
        return none;
    }

    // The key of the top-level member being read (null for a repeated one, which is dropped).
    const std::string* top_key() const noexcept {
        if (frames_.empty() || !frames_[0].is_object || frames_[0].key_is_held) return nullptr;
        return frames_[0].key;
    }

    // Capture mode: the next captured slot, for key `k`.
    bool capture_key(std::string& k) {
        frame& f = frames_.back();
        f.duplicate_key = k;  // the path names the key (the record has no tree to point into)
        f.key_is_held = true;
        bool repeated = false;
        for (std::size_t i = 0; i < count_ && !repeated; ++i)
            repeated = captured_[i].key == k;
        if (repeated) {
            diagnostic d;
            d.code = diagnostic_code::duplicate_key;
            d.path = current_path();
            d.message = "key " + quote_text(k) + " appears more than once in the same object";
            diagnostics_.push_back(std::move(d));
        }
        if (count_ == captured_.size()) captured_.emplace_back();
        captured_member& c = captured_[count_++];
        c.key.swap(k);
        c.type = captured_member::kind::pending;
        c.discarded = repeated;
        return true;
    }

    // Capture mode: a scalar value for the pending key.
    bool capture(captured_member::kind type) {
        if (!count_value()) return false;
        captured_[count_ - 1].type = type;
        return true;
    }

    // Leaves capture mode: the record read so far becomes a tree in its array, and the key
    // whose value is being opened (when `pending`) gets its slot, so that building goes on.
    void materialize(bool pending) {
        json record = captured_object(captured_, pending ? count_ - 1 : count_);
        auto& items = refs_.back()->get_ref<json::array_t&>();
        items.push_back(std::move(record));
        refs_.push_back(&items.back());
        capturing_ = false;
        frame& f = frames_.back();
        auto& placed = refs_.back()->get_ref<json::object_t&>();
        f.key = nullptr;
        f.key_is_held = false;
        if (!pending) return;
        const captured_member& c = captured_[count_ - 1];
        f.duplicate_key = c.key;
        f.key_is_held = true;
        if (c.discarded) {
            slot_ = &discarded_.emplace_back();
            return;
        }
        placed.emplace_back(c.key, json());
        f.key = &placed.back().first;
        f.key_is_held = false;
        slot_ = &placed.back().second;
    }

    // After a value completed: hands a completed element of a streamed array, or a completed
    // top-level member, to the sink.
    void deliver() {
        if (sink_ == nullptr) return;
        if (frames_.size() == 2 && frames_[1].streamed) {
            auto& items = refs_.back()->get_ref<json::array_t&>();
            sink_->element(*top_key(), frames_[1].count, items.back());
            items.pop_back();
        } else if (frames_.size() == 1 && top_key() != nullptr) {
            sink_->member(*top_key(), root_.get_ref<json::object_t&>().back().second);
        }
    }

    // Objects up to this size are searched linearly for a repeated key.
    static constexpr std::size_t linear_key_search = 32;

    static bool is_duplicate(frame& f, const json::object_t& members, const std::string& k) {
        if (f.index) return f.index->count(k) != 0;
        for (const auto& m : members) {
            if (m.first == k) return true;
        }
        if (members.size() >= linear_key_search) {
            f.index = std::make_unique<std::unordered_set<std::string>>();
            for (const auto& m : members)
                f.index->insert(m.first);
        }
        return false;
    }

    std::string current_path() const {
        std::string out;
        for (const frame& f : frames_) {
            if (f.is_object) {
                if (f.key_is_held) {
                    out = pointer_append(out, f.duplicate_key);
                } else if (f.key != nullptr) {
                    out = pointer_append(out, *f.key);
                }
            } else {
                out = pointer_append(out, f.count);
            }
        }
        return out;
    }

    bool limit(std::string message) {
        diagnostic d;
        d.code = diagnostic_code::limit_exceeded;
        d.path = current_path();
        d.message = std::move(message);
        diagnostics_.push_back(std::move(d));
        return false;
    }

    // Counts a value, emits the pending diagnostic of a patched overflowing number.
    bool count_value() {
        if (source_ != nullptr) {
            if (const overflow_token* t = source_->overflow_read()) {
                diagnostic d;
                d.code = diagnostic_code::non_finite_value;
                d.path = current_path();
                d.message = "the number " + printable(t->text, 40) + " is beyond the range of a double";
                d.line = t->position.line;
                d.column = t->position.column;
                poisoned_paths_.push_back(d.path);
                diagnostics_.push_back(std::move(d));
                source_->pop_overflow();
            }
        }
        for (const auto& p : poisoned_) {
            if (p.first == values_) diagnostics_.push_back(p.second);
        }
        ++values_;
        if (values_ > limits_.max_elements) {
            return limit("the document has more than " + std::to_string(limits_.max_elements) +
                         " values; raise load_limits::max_elements (command line: --max-values)");
        }
        return true;
    }

    // Where the next value goes: the root, the end of the current array, or the slot of the
    // current key.
    json* place(json&& v) {
        if (refs_.empty()) {
            root_ = std::move(v);
            return &root_;
        }
        json& parent = *refs_.back();
        if (parent.is_array()) {
            auto& items = parent.get_ref<json::array_t&>();
            items.push_back(std::move(v));
            return &items.back();
        }
        *slot_ = std::move(v);
        return slot_;
    }

    void after_value() {
        if (!frames_.empty() && !frames_.back().is_object) ++frames_.back().count;
    }

    bool put(json&& v) {
        if (!count_value()) return false;
        place(std::move(v));
        deliver();
        after_value();
        return true;
    }

    bool open(json&& container, bool is_object) {
        if (!count_value()) return false;
        if (frames_.size() + 1 > max_depth_) {
            return limit("nesting deeper than the limit of " + std::to_string(max_depth_) +
                         (max_depth_ < hard_max_depth ? raise_depth : "; no deeper nesting is read"));
        }
        if (capturing_) materialize(true);
        frame f;
        f.is_object = is_object;
        if (sink_ != nullptr && frames_.size() == 2 && frames_[1].streamed && is_object && captures_) {
            // An object element of a captured array: no tree unless it turns out nested.
            capturing_ = true;
            count_ = 0;
            frames_.push_back(std::move(f));
            return true;
        }
        if (sink_ != nullptr && !is_object && frames_.size() == 1 && top_key() != nullptr) {
            f.streamed = sink_->streams(*top_key());
            captures_ = f.streamed && sink_->captures(*top_key());
        }
        // Pointers into parent containers stay valid: a parent gets no new element while a
        // child is open.
        refs_.push_back(place(std::move(container)));
        frames_.push_back(std::move(f));
        return true;
    }

    bool close() {
        if (capturing_) {
            capturing_ = false;
            frames_.pop_back();
            sink_->record(*top_key(), frames_[1].count, captured_, count_);
            after_value();
            return true;
        }
        refs_.pop_back();
        frames_.pop_back();
        deliver();
        after_value();
        return true;
    }

    json& root_;
    parse_limits limits_;
    std::size_t max_depth_ = 64;
    const std::vector<std::pair<std::size_t, diagnostic>>& poisoned_;
    std::vector<json*> refs_;
    std::vector<frame> frames_;
    json* slot_ = nullptr;
    std::deque<json> discarded_;
    std::uint64_t values_ = 0;
    std::vector<diagnostic> diagnostics_;
    bool syntax_error_ = false;
    std::size_t error_position_ = 0;
    std::string error_token_;
    int error_id_ = 0;
    std::string error_what_;
    std::string error_path_;
    // Streaming.
    input_source* source_ = nullptr;
    stream_sink* sink_ = nullptr;
    std::vector<std::string> poisoned_paths_;
    bool captures_ = false;   // the open streamed array's object elements are captured
    bool capturing_ = false;  // reading a captured record (frames_.back())
    std::vector<captured_member> captured_;
    std::size_t count_ = 0;  // members of the captured record
};

/// nlohmann's message without its "[json.exception…] parse error at line L, column C: " prefix
/// (dxframe reports its own line and column).
inline std::string parse_error_text(const std::string& what) {
    std::size_t start = 0;
    const std::size_t column = what.find(", column ");
    if (column != std::string::npos) {
        const std::size_t colon = what.find(": ", column);
        if (colon != std::string::npos) start = colon + 2;
    } else {
        const std::size_t bracket = what.find("] ");
        if (bracket != std::string::npos) start = bracket + 2;
    }
    return printable(std::string_view(what).substr(start), 200);
}

/// The result of parse_json_document.
struct parse_outcome {
    bool ok = false;                          ///< A complete tree was built.
    std::vector<std::string> poisoned_paths;  ///< Pointers of overflowing numbers (read as 0 in the tree).
};

/// Parses `text` into `out`, appending every problem to `diagnostics`:
///   - invalid_json (syntax, invalid UTF-8, a truncated document) with line and column;
///   - non_finite_value for numbers beyond the double range (1e400), with path, line and column.
///     nlohmann stops at such a number; the text is then re-parsed with the number replaced by
///     a 0 of the same length (so positions stay put), so that the rest of the document is still
///     checked. Those pointers are returned so that the caller ignores the placeholder value;
///   - duplicate_key (parsing continues; the first value is kept);
///   - limit_exceeded (parsing stops).
/// A UTF-8 byte order mark at the start is skipped by nlohmann; the caller decides whether it
/// is allowed.
inline parse_outcome parse_json_document(std::string_view text, const parse_limits& limits, nlohmann::ordered_json& out,
                                         std::vector<diagnostic>& diagnostics) {
    parse_outcome outcome;
    std::vector<std::pair<std::size_t, diagnostic>> poisoned;
    std::string patched;
    std::string_view input = text;
    for (;;) {
        out = nullptr;
        limited_dom_builder builder(out, limits, poisoned);
        const bool ok = nlohmann::ordered_json::sax_parse(input.begin(), input.end(), &builder);
        if (ok) {
            for (auto& d : builder.diagnostics())
                diagnostics.push_back(std::move(d));
            outcome.ok = true;
            return outcome;
        }
        if (builder.syntax_error() && builder.error_id() == 406) {
            // Number overflow: the token ends just before error_position.
            const std::string& token = builder.error_token();
            const std::size_t end = builder.error_position() <= input.size() ? builder.error_position() : input.size();
            const std::size_t start = end >= token.size() ? end - token.size() : 0;
            const text_position pos = position_of(text, start);
            diagnostic d;
            d.code = diagnostic_code::non_finite_value;
            d.path = builder.error_path();
            d.message = "the number " + printable(token, 40) + " is beyond the range of a double";
            d.line = pos.line;
            d.column = pos.column;
            const bool can_retry = poisoned.size() < max_overflow_reports &&
                                   input.substr(start, token.size()) == std::string_view(token) && !token.empty();
            if (can_retry) {
                poisoned.emplace_back(builder.values(), d);
                outcome.poisoned_paths.push_back(d.path);
                if (patched.empty()) patched.assign(text.data(), text.size());
                patched.replace(start, token.size(), "0" + std::string(token.size() - 1, ' '));
                input = patched;
                continue;
            }
            for (auto& e : builder.diagnostics())
                diagnostics.push_back(std::move(e));
            diagnostics.push_back(std::move(d));
            out = nullptr;
            return outcome;
        }
        for (auto& d : builder.diagnostics())
            diagnostics.push_back(std::move(d));
        if (builder.syntax_error()) {
            // nlohmann counts the offending byte, so it sits at error_position - 1.
            std::size_t offset = builder.error_position() > 0 ? builder.error_position() - 1 : 0;
            // For ill-formed UTF-8 that byte may be the first one that does not continue a
            // sequence: the character at fault starts at the sequence's lead byte, before it.
            if (builder.error_what().find("UTF-8") != std::string::npos) offset = utf8_sequence_start(text, offset);
            const text_position pos = position_of(text, offset);
            diagnostic d;
            d.code = diagnostic_code::invalid_json;
            d.path = builder.error_path();
            d.message = "invalid JSON at line " + std::to_string(pos.line) + ", column " + std::to_string(pos.column) +
                        ": " + parse_error_text(builder.error_what());
            d.line = pos.line;
            d.column = pos.column;
            diagnostics.push_back(std::move(d));
        }
        out = nullptr;
        return outcome;
    }
}

}  // namespace dxframe::detail
