// SPDX-License-Identifier: MIT
/// @file
/// @brief Internal: a chunked byte source for nlohmann's SAX parser, so that a document is
/// parsed without holding its whole text (a file, standard input, or a string read in slices).
///
/// Three jobs that used to need the whole text are done here, one chunk at a time:
///   - the byte limit: at most `max_bytes` bytes are read, one more tells "too large";
///   - positions: the line and code-point column of the start of the buffer are kept, so that
///     the position of an error near the parser's cursor is computed without the text before it
///     (the buffer always keeps a few bytes before the cursor for a UTF-8 sequence in progress);
///   - the number guard: nlohmann stops at a number beyond the double range (1e400). A scan of
///     each chunk, aware of strings and of where a value may stand, replaces such a number by a
///     `0` and spaces of the same length (positions stay put) and records it, so that the parser
///     reads on and the loader reports the number where it is. A number cut by the end of a
///     chunk is held back until the next chunk completes it.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <functional>
#include <iterator>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <dxframe/io/detail/utf8.hpp>

namespace dxframe::detail {

/// A number token beyond the double range, replaced in the input by `0` and spaces.
struct overflow_token {
    std::uint64_t offset = 0;  ///< Byte offset of the token in the document.
    std::string text;          ///< The token (its first 100 bytes).
    text_position position;    ///< Line and column of its first byte.
};

/// Most overflowing numbers replaced in one document; the next one stops the parser.
inline constexpr std::size_t max_overflow_reports = 100;

/// The byte source. `read(buffer, n)` fills up to n bytes and returns how many (0 at the end);
/// it may throw (an unreadable file), which goes through the parser to the caller.
class input_source {
public:
    /// A function that reads the next bytes of the document.
    using reader = std::function<std::size_t(char* buffer, std::size_t size)>;

    /// Reads through `read`; more than `max_bytes` bytes is "over the limit". `chunk` is the
    /// read size (tests use tiny chunks to cut tokens and UTF-8 sequences at chunk edges).
    input_source(reader read, std::uint64_t max_bytes, std::size_t chunk = std::size_t{1} << 20)
        : read_(std::move(read)), max_bytes_(max_bytes), chunk_(chunk == 0 ? 1 : chunk) {}

    /// The input-iterator pair handed to nlohmann (state lives in the source).
    class iterator {
    public:
        using iterator_category = std::input_iterator_tag;  ///< Single pass.
        using value_type = char;                            ///< Bytes.
        using difference_type = std::ptrdiff_t;             ///< Unused.
        using pointer = const char*;                        ///< Unused.
        using reference = const char&;                      ///< The current byte.

        /// `s` null: the end.
        explicit iterator(input_source* s = nullptr) noexcept : s_(s) {}
        /// The current byte.
        reference operator*() const noexcept { return s_->buffer_[s_->cur_]; }
        /// Next byte (reads the next chunk when this one is used up).
        iterator& operator++() {
            if (++s_->cur_ == s_->lim_) s_->refill();
            return *this;
        }
        /// Postfix form (the source is shared, so the copy is the same position).
        iterator operator++(int) {
            ++*this;
            return *this;
        }
        /// Both at the end, or both not.
        friend bool operator==(const iterator& a, const iterator& b) noexcept { return a.at_end() == b.at_end(); }
        /// Negation of ==.
        friend bool operator!=(const iterator& a, const iterator& b) noexcept { return !(a == b); }

    private:
        bool at_end() const noexcept { return s_ == nullptr || s_->cur_ == s_->lim_; }
        input_source* s_;
    };

    /// Reads the first chunk; call once before begin().
    void start() {
        if (!started_) {
            started_ = true;
            refill();
        }
    }
    /// The parser's first position.
    iterator begin() noexcept { return iterator(this); }
    /// The parser's end.
    iterator end() noexcept { return iterator(nullptr); }

    /// True when the input has more than max_bytes bytes (reading stopped there).
    bool over_limit() const noexcept { return over_limit_; }
    /// True when the document starts with a UTF-8 byte order mark.
    bool starts_with_bom() const noexcept { return bom_; }
    /// Bytes handed to the parser so far.
    std::uint64_t delivered() const noexcept { return base_ + cur_; }

    /// Reads (and drops) the rest of the input, to tell whether it is over the limit after the
    /// parser stopped early.
    void drain() {
        while (!eof_) {
            cur_ = lim_;
            refill();
        }
    }

    /// Line and column of byte `offset`, which must not be before the start of the buffer
    /// (offsets near the parser's cursor always qualify).
    text_position position_of(std::uint64_t offset) const noexcept {
        const std::size_t rel = offset < base_ ? 0 : static_cast<std::size_t>(offset - base_);
        return advance(base_position_, rel < filled_ ? rel : filled_).first;
    }
    /// utf8_sequence_start at a document offset near the cursor.
    std::uint64_t sequence_start(std::uint64_t offset) const noexcept {
        if (offset < base_) return offset;
        const std::size_t rel = static_cast<std::size_t>(offset - base_);
        return base_ + utf8_sequence_start(window(), rel);
    }
    /// The bytes at a document offset near the cursor (empty when out of the buffer).
    std::string_view bytes_at(std::uint64_t offset, std::size_t size) const noexcept {
        if (offset < base_ || offset - base_ > filled_) return {};
        return window().substr(static_cast<std::size_t>(offset - base_), size);
    }
    /// The next replaced number when the parser has read it (its `0` and the byte after it),
    /// else null. Call pop_overflow() after using it.
    const overflow_token* overflow_read() const noexcept {
        if (overflows_.empty() || overflows_.front().offset + 1 >= delivered()) return nullptr;
        return &overflows_.front();
    }
    /// Forgets the token returned by overflow_read().
    void pop_overflow() { overflows_.pop_front(); }

private:
    std::string_view window() const noexcept { return {buffer_.data(), filled_}; }

    // The position after stepping from `from` (the position of buffer_[0]) to `rel`, and the
    // buffer index where the stepping ended (>= rel: a UTF-8 sequence is stepped over whole),
    // with position_of()'s rules: '\n' ends a line, a column is a code point or an ill-formed byte.
    std::pair<text_position, std::size_t> advance(text_position from, std::size_t rel) const noexcept {
        const std::string_view w = window();
        std::size_t i = 0;
        const char* data = w.data();
        const std::size_t nl = rel == 0 ? std::string_view::npos : w.substr(0, rel).rfind('\n');
        if (nl != std::string_view::npos) {
            from.line += static_cast<std::size_t>(std::count(data, data + nl + 1, '\n'));
            from.column = 1;
            i = nl + 1;
        }
        while (i < rel) {
            if (static_cast<unsigned char>(data[i]) < 0x80U) {
                ++i;
            } else {
                const std::size_t n = utf8_sequence_length(w, i);
                i += n == 0 ? 1 : n;
            }
            ++from.column;
        }
        return {from, i};
    }

    // Moves the unread bytes (and a few read ones, for positions) to the front, reads the next
    // chunk and scans it.
    void refill() {
        if (eof_) return;
        constexpr std::size_t keep = 8;  // read bytes kept before the cursor (a UTF-8 sequence)
        if (cur_ > keep) {
            const auto stepped = advance(base_position_, cur_ - keep);
            const std::size_t drop = stepped.second;
            base_position_ = stepped.first;
            std::memmove(buffer_.data(), buffer_.data() + drop, filled_ - drop);
            base_ += drop;
            cur_ -= drop;
            scanned_ = scanned_ > drop ? scanned_ - drop : 0;
            lim_ -= drop;
            filled_ -= drop;
        }
        for (;;) {
            if (buffer_.size() < filled_ + chunk_) buffer_.resize(filled_ + chunk_);
            std::size_t want = chunk_;
            const std::uint64_t left = max_bytes_ - read_total_;  // read one more to tell "too large"
            if (left < want - 1) want = static_cast<std::size_t>(left) + 1;
            const std::size_t got = want == 0 ? 0 : read_(buffer_.data() + filled_, want);
            read_total_ += got;
            if (read_total_ > max_bytes_) {
                over_limit_ = true;
                eof_ = true;
                filled_ = lim_;  // nothing more reaches the parser
                return;
            }
            if (!bom_checked_ && (filled_ + got >= 3 || got == 0)) {
                bom_checked_ = true;
                bom_ = base_ == 0 && filled_ + got >= 3 && std::memcmp(buffer_.data(), "\xEF\xBB\xBF", 3) == 0;
                if (bom_) scanned_ = 3;
            }
            filled_ += got;
            if (got == 0) eof_ = true;
            if (!bom_checked_) continue;
            lim_ = scan(scanned_ > lim_ ? scanned_ : lim_);
            scanned_ = lim_;
            if (lim_ > cur_ || eof_) return;
        }
    }

    bool value_expected() const noexcept {
        return prev_ == 0 || prev_ == ':' || prev_ == '[' || (prev_ == ',' && !open_.empty() && open_.back() == '[');
    }

    // The end of the number token starting at `i` by nlohmann's grammar, or 0 when it is
    // malformed (nlohmann reports that itself); `complete` false when the buffer ended first.
    std::size_t number_end(std::size_t i, bool& has_exponent, std::size_t& int_digits, bool& complete) const noexcept {
        const char* d = buffer_.data();
        const std::size_t n = filled_;
        complete = true;
        auto digit = [&](std::size_t k) { return k < n && d[k] >= '0' && d[k] <= '9'; };
        auto cut = [&](std::size_t k) {
            if (k >= n && !eof_) complete = false;
            return k >= n;
        };
        if (d[i] == '-') {
            ++i;
            if (cut(i) || !digit(i)) return 0;
        }
        const std::size_t int_start = i;
        if (d[i] == '0') {
            ++i;
        } else {
            while (digit(i))
                ++i;
        }
        int_digits = i - int_start;
        if (cut(i)) return i;
        if (d[i] == '.') {
            ++i;
            if (cut(i) || !digit(i)) return 0;
            while (digit(i))
                ++i;
            if (cut(i)) return i;
        }
        if (d[i] == 'e' || d[i] == 'E') {
            has_exponent = true;
            ++i;
            if (cut(i)) return 0;
            if (d[i] == '+' || d[i] == '-') ++i;
            if (cut(i) || !digit(i)) return 0;
            while (digit(i))
                ++i;
            if (cut(i)) return i;
        }
        return i;
    }

    // Scans buffer_[from, filled_); returns where the parser may read up to (the start of a
    // number token the buffer cuts, when more input may follow).
    std::size_t scan(std::size_t from) {
        char* d = buffer_.data();
        std::size_t i = from;
        while (i < filled_) {
            const char c = d[i];
            if (in_string_) {
                if (escape_) {
                    escape_ = false;
                } else if (c == '\\') {
                    escape_ = true;
                } else if (c == '"') {
                    in_string_ = false;
                    prev_ = 'v';
                }
                ++i;
                continue;
            }
            switch (c) {
                case '"':
                    in_string_ = true;
                    ++i;
                    break;
                case '{':
                case '[':
                    open_.push_back(c);
                    prev_ = c;
                    ++i;
                    break;
                case '}':
                case ']':
                    if (!open_.empty()) open_.pop_back();
                    prev_ = 'v';
                    ++i;
                    break;
                case ',':
                case ':':
                    prev_ = c;
                    ++i;
                    break;
                case ' ':
                case '\t':
                case '\n':
                case '\r': ++i; break;
                default:
                    if (c == '-' || (c >= '0' && c <= '9')) {
                        bool has_exponent = false;
                        bool complete = true;
                        std::size_t int_digits = 0;
                        const std::size_t end = number_end(i, has_exponent, int_digits, complete);
                        if (!complete) return i;       // held back until the next chunk completes it
                        if (end == 0) return filled_;  // malformed: nlohmann stops there anyway
                        if (value_expected() && (has_exponent || int_digits > 308)) guard(i, end);
                        prev_ = 'v';
                        i = end;
                    } else {
                        prev_ = 'v';
                        ++i;
                    }
            }
        }
        return filled_;
    }

    // Replaces the token [i, end) by "0" and spaces when it is beyond the double range.
    void guard(std::size_t i, std::size_t end) {
        if (patched_ >= max_overflow_reports) return;
        const std::string token(buffer_.data() + i, end - i);
        const double v = std::strtod(token.c_str(), nullptr);
        if (!std::isinf(v)) return;
        overflow_token t;
        t.offset = base_ + i;
        t.text = token.substr(0, 100);
        t.position = advance(base_position_, i).first;
        overflows_.push_back(std::move(t));
        ++patched_;
        buffer_[i] = '0';
        std::memset(buffer_.data() + i + 1, ' ', end - i - 1);
    }

    reader read_;
    std::uint64_t max_bytes_;
    std::size_t chunk_;
    std::vector<char> buffer_;
    std::size_t cur_ = 0;      // next byte for the parser
    std::size_t lim_ = 0;      // end of what the parser may read
    std::size_t filled_ = 0;   // end of the bytes read
    std::size_t scanned_ = 0;  // where the number guard goes on
    std::uint64_t base_ = 0;   // document offset of buffer_[0]
    text_position base_position_;
    std::uint64_t read_total_ = 0;
    bool started_ = false;
    bool eof_ = false;
    bool over_limit_ = false;
    bool bom_checked_ = false;
    bool bom_ = false;
    // Number guard state, carried from chunk to chunk.
    bool in_string_ = false;
    bool escape_ = false;
    char prev_ = 0;  // last structural character outside strings ('v' after a value, 0 at the start)
    std::vector<char> open_;
    std::deque<overflow_token> overflows_;
    std::size_t patched_ = 0;
};

}  // namespace dxframe::detail
