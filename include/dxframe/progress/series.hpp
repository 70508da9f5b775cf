// SPDX-License-Identifier: MIT
/// @file
/// @brief The time series an assessment works on: one entity's usable values of one indicator.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include <boost/describe/class.hpp>

#include <dxframe/config.hpp>
#include <dxframe/model/breakdown.hpp>
#include <dxframe/model/dataset.hpp>
#include <dxframe/model/date.hpp>
#include <dxframe/model/id_pool.hpp>
#include <dxframe/model/indicator.hpp>
#include <dxframe/model/observation.hpp>
#include <dxframe/model/observation_table.hpp>

namespace dxframe {

/// A value at a date (a latest value, a baseline, a point of a series).
struct dated_value {
    dxframe::date date;  ///< When.
    double value = 0;    ///< What.
};
BOOST_DESCRIBE_STRUCT(dated_value, (), (date, value))

/// One ranking's share of an entity's values of an indicator: the points of the observations
/// that give this `out_of` (observation::out_of), date-ordered, one per date. For an indicator
/// whose observations give no out_of there is one such series, with out_of absent. The series an
/// assessment uses (observed_series(), series_index::get()) is continued through the dates where
/// its ranking has no point by the largest ranking that has one there: two rankings at one date
/// are never mixed, but the editions of an index whose universe grows each year (GII: 131, 132,
/// 133, 139 economies) form one series.
struct ranked_series {
    std::optional<double> out_of;     ///< The ranking's size; absent for observations without out_of.
    std::vector<dated_value> points;  ///< The values, in date order, one per date.
};
BOOST_DESCRIBE_STRUCT(ranked_series, (), (out_of, points))

/// The ranking an assessment at `as_of` uses when an entity's observations of one indicator
/// belong to several rankings (different out_of): the ranking of the latest observation dated
/// on or before `as_of`; at equal dates the larger ranking (a bigger out_of; a ranking with
/// out_of before one without). When no ranking has a point by `as_of`, the one that starts
/// first (same tie rule). Nullptr only for an empty list. Rankings at one date are never mixed:
/// a series never holds a 4th of 63 next to a 1st of 34 of the same date.
DXFRAME_DECL const ranked_series* choose_ranking(const std::vector<ranked_series>& rankings, const date& as_of);

/// The usable values of `indicator_id` for `entity_id` in `observations`, grouped by ranking
/// (out_of, ordered: absent first, then by size), each date-ordered, one per date, in the
/// indicator's unit (ratio observations become percentages for percent indicators: 60 of 63
/// is 95.24). Observations without a usable value are skipped (validation reports them). Only
/// the observations of breakdown `b` count (the headline, by default: a figure for women never
/// enters the series of the whole population).
DXFRAME_DECL std::vector<ranked_series> observed_rankings(const observation_table& observations,
                                                          const std::string& entity_id, const std::string& indicator_id,
                                                          unit u, const breakdown& b = {});
/// The same over a vector of observations (it builds a table).
DXFRAME_DECL std::vector<ranked_series> observed_rankings(const std::vector<observation>& observations,
                                                          const std::string& entity_id, const std::string& indicator_id,
                                                          unit u, const breakdown& b = {});

/// The series an assessment at `as_of` uses: the ranking choose_ranking() picks among
/// observed_rankings(), continued through the dates where it has no point (see ranked_series;
/// an empty series when there is no usable value). Points after `as_of` are kept (see up_to()).
/// The series of breakdown `b` (the headline by default).
DXFRAME_DECL ranked_series observed_series(const observation_table& observations, const std::string& entity_id,
                                           const std::string& indicator_id, unit u, const date& as_of,
                                           const breakdown& b = {});
/// The same over a vector of observations (it builds a table).
DXFRAME_DECL ranked_series observed_series(const std::vector<observation>& observations, const std::string& entity_id,
                                           const std::string& indicator_id, unit u, const date& as_of,
                                           const breakdown& b = {});

/// The usable values of `indicator_id` for `entity_id` in `observations`, in date order, one per
/// date, each in the indicator's unit (ratio observations become percentages for percent
/// indicators: 60 of 63 is 95.24). Observations without a usable value are skipped (validation
/// reports them). Nothing is filtered by date: see up_to(). When the observations belong to
/// several rankings (out_of), the series of the ranking of the latest one (choose_ranking()
/// at the last date); use the overload with an as-of date to assess at an earlier date. The
/// headline series: observations with a breakdown are not part of it.
DXFRAME_DECL std::vector<dated_value> observed_series(const observation_table& observations,
                                                      const std::string& entity_id, const std::string& indicator_id,
                                                      unit u);
/// The same over a vector of observations (it builds a table).
DXFRAME_DECL std::vector<dated_value> observed_series(const std::vector<observation>& observations,
                                                      const std::string& entity_id, const std::string& indicator_id,
                                                      unit u);

/// The points of a date-ordered series dated on or before `as_of` (later ones are ignored by
/// every assessment).
DXFRAME_DECL std::vector<dated_value> up_to(const std::vector<dated_value>& series, const date& as_of);

/// The latest value of a settled series (one point per date, as observed_series() and
/// series_index give it) dated on or before `as_of` (the last point when `as_of` is absent), or
/// nullopt. With the settling of one date's observations (a final figure before a provisional
/// one, then the later in the document; of several rankings, choose_ranking()) this is the
/// library's one latest-value rule: progress assessments and index inputs
/// (make_dataset_input()) both take their latest value here.
DXFRAME_DECL std::optional<dated_value> latest_on_or_before(const std::vector<dated_value>& series,
                                                            const std::optional<date>& as_of);

/// The first point on or after `base` (the whole series when `base` is absent), or nullopt.
/// This is Open SDG's rule: the base year if it has data, else the next year that has.
DXFRAME_DECL std::optional<dated_value> first_on_or_after(const std::vector<dated_value>& series,
                                                          const std::optional<date>& base);

}  // namespace dxframe

// Here, not at the top: in header-only mode derived.hpp brings its definitions, which use
// dated_value and observed_series() declared above; series_index below holds derived_point.
#include <dxframe/progress/derived.hpp>

namespace dxframe {

/// All series of a dataset, grouped once so that assessing many targets does not rescan the
/// observations for each one. A series is one entity's values of one indicator for one
/// breakdown; the headline (empty breakdown) is what every call gives unless it names one.
class series_index {
public:
    /// Groups the observations of `ds` by (entity, indicator, breakdown), in each indicator's
    /// unit; the series of a derived indicator (indicator::derived) is its derive_series()
    /// (computed points, reported ones where none could be computed), under (derived_entity(),
    /// indicator) as a headline series.
    explicit series_index(const dataset& ds);

    /// The full date-ordered headline series of one entity and indicator (empty when there is
    /// none); of several rankings (out_of), the one of the latest observation (choose_ranking()).
    const std::vector<dated_value>& get(const std::string& entity_id, const std::string& indicator_id) const;

    /// The series of one entity, indicator and breakdown (the headline by default) an assessment
    /// at `as_of` uses (choose_ranking(); an empty series with no out_of when there is none).
    /// Points after `as_of` are kept.
    const ranked_series& get(const std::string& entity_id, const std::string& indicator_id, const date& as_of,
                             const breakdown& b = {}) const;

    /// The latest value of one entity, indicator and breakdown (the headline by default) on or
    /// before `as_of` (any date when absent): latest_on_or_before() of the series of the ranking
    /// choose_ranking() picks there; nullopt when there is none.
    std::optional<dated_value> latest(const std::string& entity_id, const std::string& indicator_id,
                                      const std::optional<date>& as_of, const breakdown& b = {}) const;

    /// The derived series of `indicator_id` for `entity_id` with each point's counts
    /// (derive_series()); nullptr when the indicator is not derived for that entity.
    const std::vector<derived_point>* derived(const std::string& entity_id, const std::string& indicator_id) const;

    /// Ids of the entities that have at least one usable value of `indicator_id` in breakdown
    /// `b` (the headline by default), sorted.
    std::vector<std::string> entities_with(const std::string& indicator_id, const breakdown& b = {}) const;

    /// One entity's series, as series_of() lists them.
    struct entity_series {
        std::string_view entity;      ///< The entity's id (valid as long as the index).
        const ranked_series* series;  ///< What get() gives for it at the as-of date; never null.
    };
    /// The entities entities_with() lists, in its order, each with the series get() gives at
    /// `as_of`: what a pass over every entity reporting an indicator needs, with no look-up per
    /// entity (assess_all()'s `all_observed` scope over 3,321 communes).
    std::vector<entity_series> series_of(const std::string& indicator_id, const date& as_of,
                                         const breakdown& b = {}) const;

    /// The breakdowns other than the headline that one entity and indicator have a series of,
    /// in breakdown order (std::map's: by dimension id, then code id).
    std::vector<breakdown> breakdowns(const std::string& entity_id, const std::string& indicator_id) const;

private:
    /// One series' key: interned entity, indicator and breakdown (0 = the headline).
    struct series_key {
        std::uint32_t entity = 0;     ///< In entities_.
        std::uint32_t indicator = 0;  ///< In indicators_.
        std::uint32_t part = 0;       ///< In parts_.
        bool operator==(const series_key& o) const noexcept {
            return entity == o.entity && indicator == o.indicator && part == o.part;
        }
    };
    /// Mixes the three ids (consecutive ids must not fall into neighbouring buckets).
    struct series_key_hash {
        std::size_t operator()(const series_key& k) const noexcept {
            std::uint64_t x = ((std::uint64_t{k.entity} << 32U) | k.indicator) ^ (k.part * 0x9E3779B97F4A7C15ULL);
            x ^= x >> 33U;
            x *= 0xFF51AFD7ED558CCDULL;
            x ^= x >> 33U;
            return static_cast<std::size_t>(x);
        }
    };
    /// The rankings of one entity and indicator, as observed (for choose_ranking()) and continued.
    struct rankings_of_one {
        std::vector<ranked_series> own;  ///< Empty for a series with no usable value.
        /// continue_rankings() of `own`; empty for a single ranking, which is its own continuation.
        std::vector<ranked_series> continued;
        /// The continued series of `chosen` (an element of `own`).
        const ranked_series& continued_of(const ranked_series* chosen) const noexcept {
            return continued.empty() ? *chosen : continued[static_cast<std::size_t>(chosen - own.data())];
        }
    };
    /// Series keys to their slot in series_: open addressing with linear probing in one array,
    /// so that a look-up among 330 k series reads one or two cache lines (a node-based map
    /// reads a node per probe and allocates one per series).
    class slot_table {
    public:
        /// The slot of `k`, or `none`.
        DXFRAME_DECL std::uint32_t find(const series_key& k) const noexcept;
        /// The slot of `k`; `next` (then stored) when `k` is new.
        DXFRAME_DECL std::uint32_t find_or_add(const series_key& k, std::uint32_t next);
        static constexpr std::uint32_t none = 0xFFFFFFFFU;  ///< No slot.

    private:
        struct cell {
            series_key key;
            std::uint32_t slot = none;
        };
        std::vector<cell> cells_;  ///< A power of two in size, at most half full.
        std::size_t used_ = 0;
        DXFRAME_DECL void grow();
    };
    id_pool entities_;                             ///< Entity ids of the series.
    id_pool indicators_;                           ///< Indicator ids of the series.
    std::vector<breakdown> parts_;                 ///< Interned breakdowns by id; parts_[0] is the headline.
    std::map<breakdown, std::uint32_t> part_ids_;  ///< The ids of the other breakdowns, in breakdown order.
    std::vector<series_key> keys_;                 ///< By slot: the series' key.
    std::vector<rankings_of_one> series_;          ///< By slot: the series.
    slot_table slots_;                             ///< Key -> slot.
    std::unordered_map<series_key, std::vector<derived_point>, series_key_hash> derived_;  ///< Derived points.
    /// Per (indicator, breakdown): the slots of the series with a usable value, sorted by entity id.
    std::unordered_map<std::uint64_t, std::vector<std::uint32_t>> slots_of_;
    /// Per (entity, indicator): its breakdowns other than the headline, in breakdown order.
    std::unordered_map<std::uint64_t, std::vector<std::uint32_t>> parts_of_;

    /// The series of (entity, indicator, breakdown), or nullptr.
    const rankings_of_one* find(const std::string& entity_id, const std::string& indicator_id,
                                const breakdown& b) const;
    /// Stores the series of every derived indicator under (its derived entity, its id);
    /// `sources` holds, by indicator id, the positions of the observations of the indicators
    /// derived series are computed from.
    void add_derived_series(const dataset& ds, const std::vector<std::vector<std::size_t>>& sources);
    /// Groups the rows of `rows` into keys_ and series_ (one slot per key), in each indicator's
    /// unit (`units`, by indicator id); keeps in `sources` the positions of the rows of the
    /// indicators marked in `is_source` (both by indicator id).
    void group_rows(const observation_table& rows, const std::vector<unit>& units, const std::vector<char>& is_source,
                    std::vector<std::vector<std::size_t>>& sources);
    /// Fills slots_of_ and parts_of_ from the finished series_.
    void list_series();
};

}  // namespace dxframe

#if DXFRAME_HEADER_ONLY
#include <dxframe/progress/impl/series.ipp>
#endif
