// SPDX-License-Identifier: MIT
// Definitions for <dxframe/model/observation_table.hpp> (see <dxframe/config.hpp>: included by
// that header in header-only mode, by <dxframe/src.hpp> in separate compilation).
#pragma once

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include <dxframe/model/observation.hpp>
#include <dxframe/model/observation_table.hpp>

namespace dxframe {

namespace detail {

// A source as one text that two sources share exactly when every member is equal (each part
// prefixed by its length, so no text can imitate a separator).
inline std::string source_key(const source& s) {
    std::string key;
    const auto part = [&key](bool present, std::string_view text) {
        key += present ? std::to_string(text.size()) : std::string("-");
        key += ':';
        key += text;
    };
    part(true, s.reference);
    part(s.url.has_value(), s.url ? std::string_view(*s.url) : std::string_view());
    const std::string published = s.published ? s.published->to_string() : std::string();
    part(s.published.has_value(), published);
    const std::string confidence = s.confidence ? std::to_string(static_cast<int>(*s.confidence)) : std::string();
    part(s.confidence.has_value(), confidence);
    return key;
}

}  // namespace detail

DXFRAME_DECL void observation_table::clear() {
    rows_.clear();
    extras_.clear();
    notes_.clear();
    sources_.clear();
    source_ids_.clear();
    breakdowns_.resize(1);
    breakdown_ids_.clear();
    breakdown_ids_.emplace(dxframe::breakdown{}, 0);
    entities_.clear();
    indicators_.clear();
}

DXFRAME_DECL std::uint32_t observation_table::intern_breakdown(const dxframe::breakdown& b) {
    if (b.empty()) return 0;
    const auto found = breakdown_ids_.find(b);
    if (found != breakdown_ids_.end()) return found->second;
    const auto id = static_cast<std::uint32_t>(breakdowns_.size());
    breakdowns_.push_back(b);
    breakdown_ids_.emplace(b, id);
    return id;
}

DXFRAME_DECL std::uint32_t observation_table::intern_source(const dxframe::source& s) {
    std::string key = detail::source_key(s);
    const auto found = source_ids_.find(key);
    if (found != source_ids_.end()) return found->second;
    const auto id = static_cast<std::uint32_t>(sources_.size());
    sources_.push_back(s);
    source_ids_.emplace(std::move(key), id);
    return id;
}

DXFRAME_DECL void observation_table::store_extra(row& r, const std::optional<double>& numerator,
                                                 const std::optional<double>& denominator,
                                                 const std::optional<double>& out_of, const dxframe::source* src,
                                                 std::optional<std::string_view> note,
                                                 std::optional<std::int32_t> unnamed_status) {
    if (!numerator && !denominator && !out_of && src == nullptr && !note && !unnamed_status) {
        r.extra = no_extra;  // a side row it had stays unused: edits are rare
        return;
    }
    if (r.extra == no_extra) {
        r.extra = static_cast<std::uint32_t>(extras_.size());
        extras_.emplace_back();
    }
    extra_row& e = extras_[r.extra];
    e = extra_row{};
    if (numerator) {
        e.numerator = *numerator;
        r.flags |= flag_numerator;
    }
    if (denominator) {
        e.denominator = *denominator;
        r.flags |= flag_denominator;
    }
    if (out_of) {
        e.out_of = *out_of;
        r.flags |= flag_out_of;
    }
    if (src != nullptr) {
        e.source = intern_source(*src);
        r.flags |= flag_source;
    }
    if (note) {
        e.note = static_cast<std::uint32_t>(notes_.size());
        notes_.emplace_back(*note);
        r.flags |= flag_note;
    }
    if (unnamed_status) {
        e.status = *unnamed_status;
        r.flags |= flag_unnamed_status;
    }
}

DXFRAME_DECL observation_table::row observation_table::make_row(const observation& o, std::uint32_t extra) {
    row r{};
    r.entity = entities_.intern(o.entity);
    r.indicator = indicators_.intern(o.indicator);
    r.day = static_cast<std::int32_t>(o.date.days_since_epoch());
    r.breakdown = intern_breakdown(o.breakdown);
    r.extra = extra;
    r.flags = 0;
    r.value = 0;
    if (o.value) {
        r.value = *o.value;
        r.flags |= flag_value;
    }
    if (o.status == observation_status::provisional) r.flags |= flag_provisional;
    if (o.backcast)
        r.flags |= static_cast<std::uint16_t>(*o.backcast ? flag_backcast | flag_backcast_true : flag_backcast);
    const bool named = o.status == observation_status::final || o.status == observation_status::provisional;
    store_extra(r, o.numerator, o.denominator, o.out_of, o.source ? &*o.source : nullptr,
                o.note ? std::optional<std::string_view>(*o.note) : std::nullopt,
                named ? std::nullopt : std::optional<std::int32_t>(static_cast<std::int32_t>(o.status)));
    return r;
}

DXFRAME_DECL void observation_table::push_back(const observation& o) {
    rows_.push_back(make_row(o, no_extra));
}

DXFRAME_DECL void observation_table::push_back(const observation_fields& f) {
    row r{};
    r.entity = entities_.intern(f.entity);
    r.indicator = indicators_.intern(f.indicator);
    r.day = static_cast<std::int32_t>(f.date.days_since_epoch());
    r.breakdown = 0;
    r.extra = no_extra;
    r.flags = 0;
    r.value = 0;
    if (f.value) {
        r.value = *f.value;
        r.flags |= flag_value;
    }
    if (f.status == observation_status::provisional) r.flags |= flag_provisional;
    store_extra(r, f.numerator, f.denominator, f.out_of, nullptr, f.note, std::nullopt);
    rows_.push_back(r);
}

DXFRAME_DECL void observation_table::set(std::size_t i, const observation& o) {
    rows_[i] = make_row(o, rows_[i].extra);
}

DXFRAME_DECL void observation_table::copy_to(std::size_t i, observation& out) const {
    const row& r = rows_[i];
    const std::string_view entity = entities_.name(r.entity);
    const std::string_view indicator = indicators_.name(r.indicator);
    out.entity.assign(entity.data(), entity.size());
    out.indicator.assign(indicator.data(), indicator.size());
    out.date = date::from_days(r.day);
    out.value.reset();
    if ((r.flags & flag_value) != 0) out.value = r.value;
    out.numerator.reset();
    out.denominator.reset();
    out.out_of.reset();
    out.source.reset();
    out.note.reset();
    out.status = (r.flags & flag_provisional) != 0 ? observation_status::provisional : observation_status::final;
    if (r.extra != no_extra) {
        const extra_row& e = extras_[r.extra];
        if ((r.flags & flag_numerator) != 0) out.numerator = e.numerator;
        if ((r.flags & flag_denominator) != 0) out.denominator = e.denominator;
        if ((r.flags & flag_out_of) != 0) out.out_of = e.out_of;
        if ((r.flags & flag_source) != 0) out.source = sources_[e.source];
        if ((r.flags & flag_note) != 0) out.note = notes_[e.note];
        if ((r.flags & flag_unnamed_status) != 0) out.status = static_cast<observation_status>(e.status);
    }
    out.backcast.reset();
    if ((r.flags & flag_backcast) != 0) out.backcast = (r.flags & flag_backcast_true) != 0;
    if (r.breakdown != 0) {
        out.breakdown = breakdowns_[r.breakdown];
    } else {
        out.breakdown.clear();
    }
}

DXFRAME_DECL observation observation_table::materialise(std::size_t i) const {
    observation o;
    copy_to(i, o);
    return o;
}

DXFRAME_DECL const observation observation_table::at(std::size_t i) const {
    if (i >= rows_.size()) {
        throw std::out_of_range("observation_table::at: row " + std::to_string(i) + " of " +
                                std::to_string(rows_.size()));
    }
    return materialise(i);
}

DXFRAME_DECL std::vector<observation> observation_table::to_vector() const {
    std::vector<observation> out;
    out.reserve(rows_.size());
    for (std::size_t i = 0; i < rows_.size(); ++i)
        out.push_back(materialise(i));
    return out;
}

DXFRAME_DECL std::optional<double> observation_table::value_of(std::size_t i, unit u) const noexcept {
    const row& r = rows_[i];
    if ((r.flags & flag_value) != 0) return r.value;
    if ((r.flags & (flag_numerator | flag_denominator)) != (flag_numerator | flag_denominator)) return std::nullopt;
    const extra_row& e = extras_[r.extra];
    if (!(e.denominator > 0)) return std::nullopt;
    const double share = e.numerator / e.denominator;
    return u == unit::percent ? share * 100.0 : share;
}

DXFRAME_DECL bool operator==(const observation_table& a, const observation_table& b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        const observation_table::row& x = a.rows_[i];
        const observation_table::row& y = b.rows_[i];
        if (x.flags != y.flags || x.day != y.day || a.entity(i) != b.entity(i) || a.indicator(i) != b.indicator(i) ||
            a.breakdown_of(i) != b.breakdown_of(i) || a.value(i) != b.value(i) || a.numerator(i) != b.numerator(i) ||
            a.denominator(i) != b.denominator(i) || a.out_of(i) != b.out_of(i)) {
            return false;
        }
        const source* sa = a.source_of(i);
        const source* sb = b.source_of(i);
        if ((sa == nullptr) != (sb == nullptr)) return false;
        if (sa != nullptr && detail::source_key(*sa) != detail::source_key(*sb)) return false;
        if ((x.flags & observation_table::flag_unnamed_status) != 0 &&
            a.extras_[x.extra].status != b.extras_[y.extra].status) {
            return false;
        }
        if ((x.flags & observation_table::flag_note) != 0 &&
            a.notes_[a.extras_[x.extra].note] != b.notes_[b.extras_[y.extra].note]) {
            return false;
        }
    }
    return true;
}

}  // namespace dxframe
