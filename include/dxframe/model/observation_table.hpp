// SPDX-License-Identifier: MIT
/// @file
/// @brief The observations of a dataset, stored compactly: 32 bytes a row.
#pragma once

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <iterator>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <dxframe/config.hpp>
#include <dxframe/model/breakdown.hpp>
#include <dxframe/model/date.hpp>
#include <dxframe/model/id_pool.hpp>
#include <dxframe/model/indicator.hpp>
#include <dxframe/model/observation.hpp>
#include <dxframe/model/source.hpp>

namespace dxframe {

/// The members of one observation as the loader reads them, without owning their text: what
/// observation_table::push_back stores without building an `observation` first.
struct observation_fields {
    std::string_view entity;                                ///< Id of the entity observed.
    std::string_view indicator;                             ///< Id of the indicator.
    dxframe::date date;                                     ///< End of the reference period.
    std::optional<double> value;                            ///< The value.
    std::optional<double> numerator;                        ///< Count achieved.
    std::optional<double> denominator;                      ///< Count required or total.
    std::optional<double> out_of;                           ///< Size of the ranking of a rank.
    observation_status status = observation_status::final;  ///< Final or provisional.
    std::optional<std::string_view> note;                   ///< Anything a reader needs to know.
};

/// A sequence of observations held as 32-byte rows: entity and indicator as ids of an id_pool,
/// the date as a day number, the breakdown as an id of interned breakdowns (0: the headline), the
/// value, flags, and the index of a side row for the rarely present members (numerator and
/// denominator, out_of, source, note). `std::vector<observation>` takes 296 bytes an observation
/// (GCC 12): at commune scale (4 million) that alone was 2.5 times the size of the file.
///
/// It reads as a container of `observation` values: `operator[]`, `at()` and the iterators
/// build a copy (const, so `table[2].value = 1` does not compile rather than change nothing).
/// Change a row with set() or edit(). Library loops over every row use the key view instead
/// (entity_key(), indicator_key(), day(), value_of(), …), which builds nothing.
class observation_table {
public:
    /// Marks a row without a side row.
    static constexpr std::uint32_t no_extra = 0xFFFFFFFFu;

    class const_iterator;
    class editor;
    /// The element type.
    using value_type = observation;
    /// A row number.
    using size_type = std::size_t;
    /// Iterator is const_iterator: rows are changed only through set() or edit().
    using iterator = const_iterator;

    /// An empty table.
    observation_table() = default;
    /// The observations of `list`, in order.
    observation_table(std::initializer_list<observation> list) : observation_table() {
        reserve(list.size());
        for (const observation& o : list)
            push_back(o);
    }
    /// The observations of `list`, in order (implicit, so `ds.observations = some_vector` works).
    observation_table(const std::vector<observation>& list)  // NOLINT(google-explicit-constructor)
        : observation_table() {
        reserve(list.size());
        for (const observation& o : list)
            push_back(o);
    }

    /// The number of observations.
    std::size_t size() const noexcept { return rows_.size(); }
    /// True when there are none.
    bool empty() const noexcept { return rows_.empty(); }
    /// Makes room for `n` observations without reallocating.
    void reserve(std::size_t n) { rows_.reserve(n); }
    /// Removes every observation (and the interned texts).
    DXFRAME_DECL void clear();
    /// Appends a copy of `o`.
    DXFRAME_DECL void push_back(const observation& o);
    /// Appends the observation `f` describes (the loader's fast path).
    DXFRAME_DECL void push_back(const observation_fields& f);
    /// Replaces observation `i` (below size()) by `o`.
    DXFRAME_DECL void set(std::size_t i, const observation& o);

    /// Observation `i` (below size()), as a copy.
    const observation operator[](std::size_t i) const { return materialise(i); }
    /// Observation `i`, as a copy; throws std::out_of_range when `i` is not below size().
    DXFRAME_DECL const observation at(std::size_t i) const;
    /// Copies observation `i` (below size()) into `out`, reusing its storage: a loop that needs
    /// whole observations one at a time builds one, not one per row.
    DXFRAME_DECL void copy_to(std::size_t i, observation& out) const;
    /// Every observation, in order, as plain structs.
    DXFRAME_DECL std::vector<observation> to_vector() const;
    /// An editor of observation `i` (below size()): `table.edit(2)->numerator = 60;` writes the
    /// change back when the editor goes (at the end of the full expression).
    editor edit(std::size_t i);

    /// The first observation.
    const_iterator begin() const noexcept;
    /// Past the last observation.
    const_iterator end() const noexcept;

    /// Observation by observation equal (texts compared, not ids).
    DXFRAME_DECL friend bool operator==(const observation_table& a, const observation_table& b);
    /// Not equal.
    friend bool operator!=(const observation_table& a, const observation_table& b) { return !(a == b); }

    /// The entity ids (entity_key() numbers them).
    const id_pool& entities() const noexcept { return entities_; }
    /// The indicator ids (indicator_key() numbers them).
    const id_pool& indicators() const noexcept { return indicators_; }
    /// The interned breakdowns (breakdown_key() numbers them; 0 is the headline).
    const std::vector<dxframe::breakdown>& breakdowns() const noexcept { return breakdowns_; }

    /// The entity of row `i` as a number of entities().
    std::uint32_t entity_key(std::size_t i) const noexcept { return rows_[i].entity; }
    /// The indicator of row `i` as a number of indicators().
    std::uint32_t indicator_key(std::size_t i) const noexcept { return rows_[i].indicator; }
    /// The entity id of row `i`.
    std::string_view entity(std::size_t i) const noexcept { return entities_.name(rows_[i].entity); }
    /// The indicator id of row `i`.
    std::string_view indicator(std::size_t i) const noexcept { return indicators_.name(rows_[i].indicator); }
    /// The date of row `i` as days since 1970-01-01.
    std::int32_t day(std::size_t i) const noexcept { return rows_[i].day; }
    /// The date of row `i`.
    dxframe::date date_of(std::size_t i) const { return date::from_days(rows_[i].day); }
    /// The breakdown of row `i` as a number of breakdowns() (0: the headline).
    std::uint32_t breakdown_key(std::size_t i) const noexcept { return rows_[i].breakdown; }
    /// The breakdown of row `i`.
    const dxframe::breakdown& breakdown_of(std::size_t i) const noexcept { return breakdowns_[rows_[i].breakdown]; }
    /// The value member of row `i`.
    std::optional<double> value(std::size_t i) const noexcept {
        return has(i, flag_value) ? std::optional<double>(rows_[i].value) : std::nullopt;
    }
    /// effective_value() of row `i` in unit `u`, without building the observation.
    DXFRAME_DECL std::optional<double> value_of(std::size_t i, unit u) const noexcept;
    /// The numerator of row `i`.
    std::optional<double> numerator(std::size_t i) const noexcept {
        return has(i, flag_numerator) ? std::optional<double>(extras_[rows_[i].extra].numerator) : std::nullopt;
    }
    /// The denominator of row `i`.
    std::optional<double> denominator(std::size_t i) const noexcept {
        return has(i, flag_denominator) ? std::optional<double>(extras_[rows_[i].extra].denominator) : std::nullopt;
    }
    /// True when row `i` has an out_of.
    bool has_out_of(std::size_t i) const noexcept { return has(i, flag_out_of); }
    /// The out_of of row `i`.
    std::optional<double> out_of(std::size_t i) const noexcept {
        return has(i, flag_out_of) ? std::optional<double>(extras_[rows_[i].extra].out_of) : std::nullopt;
    }
    /// The source of row `i`; null when it has none.
    const dxframe::source* source_of(std::size_t i) const noexcept {
        return has(i, flag_source) ? &sources_[extras_[rows_[i].extra].source] : nullptr;
    }
    /// True when row `i` is provisional.
    bool is_provisional(std::size_t i) const noexcept { return has(i, flag_provisional); }
    /// The backcast member of row `i`.
    std::optional<bool> backcast(std::size_t i) const noexcept {
        return has(i, flag_backcast) ? std::optional<bool>(has(i, flag_backcast_true)) : std::nullopt;
    }

private:
    struct row {
        std::uint32_t entity;
        std::uint32_t indicator;
        std::int32_t day;
        std::uint32_t breakdown;
        std::uint32_t extra;
        std::uint16_t flags;
        double value;
    };
    struct extra_row {
        double numerator = 0;
        double denominator = 0;
        double out_of = 0;
        std::uint32_t source = 0;
        std::uint32_t note = 0;
        std::int32_t status = 0;  // a status with no name (only a program builds one), kept to be refused on save
    };
    enum : std::uint16_t {
        flag_value = 1u << 0,
        flag_numerator = 1u << 1,
        flag_denominator = 1u << 2,
        flag_out_of = 1u << 3,
        flag_source = 1u << 4,
        flag_note = 1u << 5,
        flag_provisional = 1u << 6,
        flag_backcast = 1u << 7,
        flag_backcast_true = 1u << 8,
        flag_unnamed_status = 1u << 9,
    };
    static_assert(sizeof(row) == 32, "a row is 32 bytes (the point of the table)");

    bool has(std::size_t i, std::uint16_t flag) const noexcept { return (rows_[i].flags & flag) != 0; }
    DXFRAME_DECL observation materialise(std::size_t i) const;
    DXFRAME_DECL std::uint32_t intern_breakdown(const dxframe::breakdown& b);
    DXFRAME_DECL std::uint32_t intern_source(const dxframe::source& s);
    // The side row for `r` (reusing the one it has), filled from the members given.
    DXFRAME_DECL void store_extra(row& r, const std::optional<double>& numerator,
                                  const std::optional<double>& denominator, const std::optional<double>& out_of,
                                  const dxframe::source* src, std::optional<std::string_view> note,
                                  std::optional<std::int32_t> unnamed_status);
    DXFRAME_DECL row make_row(const observation& o, std::uint32_t extra);

    std::vector<row> rows_;
    std::vector<extra_row> extras_;
    std::vector<std::string> notes_;
    std::vector<dxframe::source> sources_;
    std::map<std::string, std::uint32_t> source_ids_;
    std::vector<dxframe::breakdown> breakdowns_{dxframe::breakdown{}};
    std::map<dxframe::breakdown, std::uint32_t> breakdown_ids_{{dxframe::breakdown{}, 0}};
    id_pool entities_;
    id_pool indicators_;
};

/// Random access to the observations of a table, each as a copy.
class observation_table::const_iterator {
public:
    using iterator_category = std::random_access_iterator_tag;  ///< Random access (yields values).
    using value_type = observation;                             ///< The element.
    using difference_type = std::ptrdiff_t;                     ///< A distance.
    using reference = const observation;                        ///< What `*it` gives: a copy.
    using pointer = void;                                       ///< No `->` into a row.

    /// A singular iterator.
    const_iterator() = default;
    /// Row `i` of `table`.
    const_iterator(const observation_table* table, std::size_t i) noexcept : table_(table), i_(i) {}

    /// The observation, as a copy.
    const observation operator*() const { return (*table_)[i_]; }
    /// The observation `n` rows on, as a copy.
    const observation operator[](difference_type n) const { return (*table_)[offset(n)]; }
    /// The row number.
    std::size_t index() const noexcept { return i_; }

    /// Next row.
    const_iterator& operator++() noexcept {
        ++i_;
        return *this;
    }
    /// Next row (postfix).
    const_iterator operator++(int) noexcept {
        const_iterator old = *this;
        ++i_;
        return old;
    }
    /// Previous row.
    const_iterator& operator--() noexcept {
        --i_;
        return *this;
    }
    /// Previous row (postfix).
    const_iterator operator--(int) noexcept {
        const_iterator old = *this;
        --i_;
        return old;
    }
    /// `n` rows on.
    const_iterator& operator+=(difference_type n) noexcept {
        i_ = offset(n);
        return *this;
    }
    /// `n` rows back.
    const_iterator& operator-=(difference_type n) noexcept {
        i_ = offset(-n);
        return *this;
    }
    /// `n` rows on.
    friend const_iterator operator+(const_iterator it, difference_type n) noexcept { return it += n; }
    /// `n` rows on.
    friend const_iterator operator+(difference_type n, const_iterator it) noexcept { return it += n; }
    /// `n` rows back.
    friend const_iterator operator-(const_iterator it, difference_type n) noexcept { return it -= n; }
    /// The number of rows from `b` to `a`.
    friend difference_type operator-(const const_iterator& a, const const_iterator& b) noexcept {
        return static_cast<difference_type>(a.i_) - static_cast<difference_type>(b.i_);
    }
    /// Same row.
    friend bool operator==(const const_iterator& a, const const_iterator& b) noexcept { return a.i_ == b.i_; }
    /// Other row.
    friend bool operator!=(const const_iterator& a, const const_iterator& b) noexcept { return a.i_ != b.i_; }
    /// Earlier row.
    friend bool operator<(const const_iterator& a, const const_iterator& b) noexcept { return a.i_ < b.i_; }
    /// Later row.
    friend bool operator>(const const_iterator& a, const const_iterator& b) noexcept { return a.i_ > b.i_; }
    /// Not later.
    friend bool operator<=(const const_iterator& a, const const_iterator& b) noexcept { return a.i_ <= b.i_; }
    /// Not earlier.
    friend bool operator>=(const const_iterator& a, const const_iterator& b) noexcept { return a.i_ >= b.i_; }

private:
    std::size_t offset(difference_type n) const noexcept {
        return static_cast<std::size_t>(static_cast<difference_type>(i_) + n);
    }
    const observation_table* table_ = nullptr;
    std::size_t i_ = 0;
};

/// A copy of one observation that is written back into its table when the editor goes.
class observation_table::editor {
public:
    /// Edits row `i` of `table`.
    editor(observation_table& table, std::size_t i) : table_(&table), i_(i), copy_(table[i]) {}
    editor(const editor&) = delete;
    editor& operator=(const editor&) = delete;
    editor(editor&&) = delete;
    editor& operator=(editor&&) = delete;
    /// Writes the edited observation back.
    ~editor() { table_->set(i_, copy_); }  // NOLINT(bugprone-exception-escape): out of memory only

    /// The observation being edited.
    observation* operator->() noexcept { return &copy_; }
    /// The observation being edited.
    observation& operator*() noexcept { return copy_; }

private:
    observation_table* table_;
    std::size_t i_;
    observation copy_;
};

inline observation_table::editor observation_table::edit(std::size_t i) {
    return editor(*this, i);
}

inline observation_table::const_iterator observation_table::begin() const noexcept {
    return const_iterator(this, 0);
}

inline observation_table::const_iterator observation_table::end() const noexcept {
    return const_iterator(this, rows_.size());
}

}  // namespace dxframe

#if DXFRAME_HEADER_ONLY
#include <dxframe/model/impl/observation_table.ipp>
#endif
