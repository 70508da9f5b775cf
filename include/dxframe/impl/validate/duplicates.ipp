// SPDX-License-Identifier: MIT
// Observations that repeat an earlier one: the same entity, indicator, date and ranking, with
// the same value (duplicate_observation, a warning) or another (conflicting_observations).
// Part of the definitions for <dxframe/validate.hpp> (included through <dxframe/impl/validate.ipp>).
#pragma once

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <dxframe/diagnostic.hpp>
#include <dxframe/impl/validate/context.ipp>
#include <dxframe/impl/validate/text.ipp>
#include <dxframe/model/breakdown.hpp>
#include <dxframe/model/dataset.hpp>

namespace dxframe::detail::validation {

/// Key of an observation for duplicate detection: interned entity and indicator, the day, the
/// ranking (`out_of`; two rankings of one date are two series, not a conflict) and the
/// interned breakdown (0 = headline; the female share and the headline are two series too).
struct observation_key {
    std::uint32_t entity = 0;
    std::uint32_t indicator = 0;
    std::uint32_t breakdown = 0;
    std::int64_t day = 0;
    bool has_out_of = false;
    double out_of = 0;
    friend bool operator==(const observation_key& a, const observation_key& b) noexcept {
        return a.entity == b.entity && a.indicator == b.indicator && a.breakdown == b.breakdown && a.day == b.day &&
               a.has_out_of == b.has_out_of &&
               (!a.has_out_of || a.out_of == b.out_of || (std::isnan(a.out_of) && std::isnan(b.out_of)));
    }
};

/// Hash of an observation_key (splitmix64 finaliser over the packed fields).
struct observation_key_hash {
    std::size_t operator()(const observation_key& k) const noexcept {
        std::uint64_t x = (static_cast<std::uint64_t>(k.entity) << 32) ^ k.indicator;
        x ^= static_cast<std::uint64_t>(k.day) * 0x9E3779B97F4A7C15ULL;
        x ^= static_cast<std::uint64_t>(k.breakdown) * 0xC2B2AE3D27D4EB4FULL;
        if (k.has_out_of) {
            // Equal keys must hash alike: -0.0 == 0.0, and every NaN is one ranking here.
            const double size = k.out_of == 0 ? 0.0 : std::isnan(k.out_of) ? 1.5 : k.out_of;
            std::uint64_t bits = 0;
            std::memcpy(&bits, &size, sizeof bits);
            x ^= (bits + 1) * 0xD6E8FEB86659FD93ULL;
        }
        x ^= x >> 30;
        x *= 0xBF58476D1CE4E5B9ULL;
        x ^= x >> 27;
        x *= 0x94D049BB133111EBULL;
        x ^= x >> 31;
        return static_cast<std::size_t>(x);
    }
};

/// The earlier observation that a new one repeats, when that one has a usable value.
/// A plain bool + double rather than an optional: GCC 12 at -O2 reports a false
/// -Wmaybe-uninitialized on copies of std::optional<double>.
struct earlier_observation {
    bool found = false;           ///< An earlier observation has the same key and a usable value.
    std::size_t position = none;  ///< Its position in /observations.
    double value = 0;             ///< Its value.
};

/// The observations seen so far, by key, with their values: each one is recorded in document
/// order and compared with the first one of its key. Ids are the table's interned numbers, so a
/// key is a few words; the keys are found through an open-addressing table of positions (linear
/// probing, at most half full), so a clean observation costs a few hash look-ups and no
/// allocation of its own (about 72 bytes each, against a hash-map node and its bucket). Positions
/// fit 32 bits: a document holds fewer values than that (load_limits::max_elements).
class observation_history {
public:
    explicit observation_history(std::size_t expected) {
        keys_.reserve(expected);
        values_.reserve(expected);
        grow(2 * expected);
    }

    /// Records the next observation, row `i` of `rows`, with its usable value (none when it has
    /// no usable value) and returns the first earlier observation of its key, if that one has a
    /// usable value. The table's interned ids are the key's.
    earlier_observation record(const observation_table& rows, std::size_t i, const std::optional<double>& value) {
        const std::size_t position = values_.size();
        const observation_key key = key_of(rows, i);
        keys_.push_back(key);
        values_.push_back(value);
        if (2 * (firsts_ + 1) > slots_.size()) grow(2 * slots_.size());
        const std::size_t mask = slots_.size() - 1;
        const std::size_t hash = observation_key_hash{}(key);
        const std::uint64_t mark = fingerprint(hash);
        for (std::size_t at = hash & mask;; at = (at + 1) & mask) {
            if (slots_[at] == 0) {  // a new key: this observation is its first
                slots_[at] = mark | static_cast<std::uint32_t>(position + 1);
                ++firsts_;
                return {};
            }
            // Another key's slot is passed over on its fingerprint, without reading its key: at
            // commune scale the keys are far apart in memory and nearly every key is new.
            if ((slots_[at] & ~std::uint64_t{0xFFFFFFFFu}) != mark) continue;
            const std::size_t first = static_cast<std::uint32_t>(slots_[at]) - 1U;
            if (keys_[first] == key) {
                earlier_observation earlier;
                if (values_[first].has_value()) {
                    earlier.found = true;
                    earlier.position = first;
                    earlier.value = *values_[first];
                }
                return earlier;
            }
        }
    }

    /// Starts loading the slot where row `i`'s key is looked for first. A commune-scale table
    /// (8 M slots for 4 M observations) is far larger than the cache, so every record() waits
    /// for memory; asked a few rows ahead, the slot is in cache when that row's turn comes.
    void prefetch(const observation_table& rows, std::size_t i) const noexcept {
#if defined(__GNUC__) || defined(__clang__)
        const std::size_t at = observation_key_hash{}(key_of(rows, i)) & (slots_.size() - 1);
        __builtin_prefetch(slots_.data() + at);
        // GCC 12 at -O2 dropped the prefetch above from the inlined loop (no prefetcht0 in the
        // assembly; validation 20-25 % slower at 4 M observations): a compiler barrier keeps it.
        asm volatile("" ::: "memory");
#else
        (void)rows;
        (void)i;
#endif
    }

private:
    static observation_key key_of(const observation_table& rows, std::size_t i) {
        return observation_key{rows.entity_key(i), rows.indicator_key(i), rows.breakdown_key(i),
                               rows.day(i),        rows.has_out_of(i),    rows.out_of(i).value_or(0.0)};
    }

    // The upper half of a slot: the upper bits of the key's hash (the lower ones pick the slot).
    static std::uint64_t fingerprint(std::size_t hash) noexcept {
        return (static_cast<std::uint64_t>(hash) >> 32U) << 32U;
    }

    // Rehashes into a table of at least `size` slots (a power of two, at least twice the keys).
    void grow(std::size_t size) {
        std::size_t n = 16;
        while (n < size || n < 2 * (firsts_ + 1))
            n *= 2;
        std::vector<std::uint64_t> old(n, 0);
        old.swap(slots_);
        const std::size_t mask = n - 1;
        for (const std::uint64_t slot : old) {
            if (slot == 0) continue;
            std::size_t at = observation_key_hash{}(keys_[static_cast<std::uint32_t>(slot) - 1U]) & mask;
            while (slots_[at] != 0)
                at = (at + 1) & mask;
            slots_[at] = slot;
        }
    }

    std::vector<observation_key> keys_;          // per observation
    std::vector<std::optional<double>> values_;  // per observation, for comparing repeats
    std::vector<std::uint64_t> slots_;           // fingerprint | position + 1 of a key's first; 0 = empty
    std::size_t firsts_ = 0;                     // keys in slots_
};

/// JSON Pointer to observation `i`.
inline std::string observation_path(std::size_t i) {
    return "/observations/" + std::to_string(i);
}

/// Reports an observation (`who`, at `path`) that repeats `earlier` with the same `value` (its
/// own: 0 and -0 are the same value, and the message shows what this observation says).
inline void report_duplicate(context& cx, const std::string& path, const std::string& who, double value,
                             const earlier_observation& earlier) {
    cx.report(severity::warning, diagnostic_code::duplicate_observation, path,
              who + " repeats " + observation_path(earlier.position) + " (same value " + number_text(value) + ")");
}

/// Reports an observation (`who`, at `path`, with value `value`) that contradicts `earlier`;
/// `b` is the breakdown both are about.
inline void report_conflict(context& cx, const std::string& path, const std::string& who, double value,
                            const earlier_observation& earlier, const std::optional<double>& out_of,
                            const breakdown& b) {
    cx.error(diagnostic_code::conflicting_observations, path,
             who + " has value " + number_text(value) + ", but " + observation_path(earlier.position) + " reports " +
                 number_text(earlier.value) +
                 (b.empty() ? std::string(" for the same entity, indicator and date")
                            : " for the same entity, indicator, breakdown (" + breakdown_text(b) + ") and date") +
                 (out_of ? " in the same ranking (out_of " + number_text(*out_of) + ")" : std::string()));
}

}  // namespace dxframe::detail::validation
