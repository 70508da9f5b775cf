// SPDX-License-Identifier: MIT
#include <stdexcept>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include <dxframe/io/json.hpp>
#include <dxframe/model/dataset.hpp>
#include <dxframe/model/id_pool.hpp>
#include <dxframe/model/observation_table.hpp>

#include "catch_compat.hpp"

using dxframe::date;
using dxframe::id_pool;
using dxframe::observation;
using dxframe::observation_table;

namespace {

observation plain(const std::string& entity, const std::string& indicator, double value) {
    observation o;
    o.entity = entity;
    o.indicator = indicator;
    o.date = date::from_ymd(2025, 12, 31);
    o.value = value;
    return o;
}

// Every optional member present.
observation full() {
    observation o;
    o.entity = "HN";
    o.indicator = "dti";
    o.date = date::from_ymd(2024, 2, 29);
    o.numerator = 60;
    o.denominator = 63;
    o.out_of = 63;
    o.source = dxframe::source{"Report 1", std::string("https://example.org"), date::from_ymd(2025, 1, 2),
                               dxframe::confidence_level::secondary};
    o.status = dxframe::observation_status::provisional;
    o.note = "re-cut";
    o.backcast = false;
    o.breakdown = {{"sex", "female"}, {"area", "rural"}};
    return o;
}

std::string text(const observation& o) {
    return dxframe::to_json_text(o, -1);
}

}  // namespace

// ds.observations[0].value = 1 must not compile: operator[] gives a const copy.
static_assert(std::is_same<decltype(std::declval<const observation_table&>()[0]), const observation>::value,
              "operator[] returns a const observation");
static_assert(std::is_same<decltype(std::declval<observation_table&>()[0]), const observation>::value,
              "operator[] on a non-const table returns a const observation too");
static_assert(std::is_same<decltype(*std::declval<observation_table::const_iterator>()), const observation>::value,
              "iterators yield const observations by value");
static_assert(!std::is_assignable<decltype((std::declval<observation_table&>()[0].value)), double>::value,
              "a member of the copy cannot be assigned");

TEST_CASE("id_pool interns each text once with stable ids", "[observation_table]") {
    id_pool pool;
    CHECK(pool.empty());
    CHECK(pool.intern("HN") == 0);
    CHECK(pool.intern("HCM") == 1);
    CHECK(pool.intern("HN") == 0);
    CHECK(pool.size() == 2);
    CHECK(pool.name(1) == "HCM");
    REQUIRE(pool.find("HCM"));
    CHECK(*pool.find("HCM") == 1);
    CHECK_FALSE(pool.find("DN"));
    // A long text (no small-string buffer) and many of them: the look-up survives growth.
    for (int i = 0; i < 1000; ++i)
        pool.intern("a commune whose id is long enough " + std::to_string(i));
    CHECK(pool.size() == 1002);
    CHECK(*pool.find("a commune whose id is long enough 999") == 1001);
    const id_pool copy = pool;  // NOLINT(performance-unnecessary-copy-initialization): the copy is the test
    CHECK(copy.size() == pool.size());
    CHECK(*copy.find("a commune whose id is long enough 5") == 7);
    CHECK(copy.name(7) == "a commune whose id is long enough 5");
    id_pool moved = std::move(pool);
    CHECK(*moved.find("HCM") == 1);
    id_pool assigned;
    assigned.intern("x");
    assigned = copy;
    CHECK(assigned.size() == 1002);
    CHECK_FALSE(assigned.find("x"));
    assigned.clear();
    CHECK(assigned.empty());
    CHECK(assigned.intern("y") == 0);
}

TEST_CASE("observation_table rows are 32 bytes and keep every member", "[observation_table]") {
    observation_table t;
    CHECK(t.empty());
    t.reserve(4);
    t.push_back(full());
    t.push_back(plain("HCM", "dti", 2.5));
    observation bare = plain("HN", "egov", 0);
    bare.value.reset();
    t.push_back(bare);
    observation backcast = plain("HN", "dti", -0.0);
    backcast.backcast = true;
    t.push_back(backcast);
    REQUIRE(t.size() == 4);
    CHECK(text(t[0]) == text(full()));
    CHECK(text(t.at(1)) == text(plain("HCM", "dti", 2.5)));
    CHECK(text(t[2]) == text(bare));
    CHECK(text(t[3]) == text(backcast));
    CHECK(std::signbit(*t[3].value));
    CHECK_THROWS_AS(t.at(4), std::out_of_range);
    // copy_to overwrites every member of a reused observation.
    observation scratch = full();
    t.copy_to(1, scratch);
    CHECK(text(scratch) == text(plain("HCM", "dti", 2.5)));
    t.copy_to(0, scratch);
    CHECK(text(scratch) == text(full()));
    t.copy_to(3, scratch);
    CHECK(text(scratch) == text(backcast));

    // Interning: two entities, two indicators, one breakdown besides the headline.
    CHECK(t.entities().size() == 2);
    CHECK(t.indicators().size() == 2);
    CHECK(t.breakdowns().size() == 2);
    CHECK(t.entity_key(0) == t.entity_key(2));
    CHECK(t.entity_key(0) != t.entity_key(1));
    CHECK(t.indicator_key(0) == t.indicator_key(1));
    CHECK(t.entity(1) == "HCM");
    CHECK(t.indicator(2) == "egov");
    CHECK(t.day(0) == date::from_ymd(2024, 2, 29).days_since_epoch());
    CHECK(t.date_of(0) == date::from_ymd(2024, 2, 29));
    CHECK(t.breakdown_key(0) == 1);
    CHECK(t.breakdown_key(1) == 0);
    CHECK(t.breakdown_of(0).at("sex") == "female");

    // The key view.
    CHECK_FALSE(t.value(0));
    CHECK(*t.value_of(0, dxframe::unit::percent) == *dxframe::effective_value(full(), dxframe::unit::percent));
    CHECK(*t.value_of(0, dxframe::unit::count) == *dxframe::effective_value(full(), dxframe::unit::count));
    CHECK(*t.value_of(1, dxframe::unit::percent) == 2.5);
    CHECK_FALSE(t.value_of(2, dxframe::unit::percent));
    CHECK(*t.numerator(0) == 60);
    CHECK(*t.denominator(0) == 63);
    CHECK_FALSE(t.numerator(1));
    CHECK(t.has_out_of(0));
    CHECK(*t.out_of(0) == 63);
    CHECK_FALSE(t.has_out_of(1));
    CHECK_FALSE(t.out_of(1));
    REQUIRE(t.source_of(0) != nullptr);
    CHECK(t.source_of(0)->reference == "Report 1");
    CHECK(t.source_of(1) == nullptr);
    CHECK(t.is_provisional(0));
    CHECK_FALSE(t.is_provisional(1));
    CHECK(*t.backcast(0) == false);
    CHECK(*t.backcast(3) == true);
    CHECK_FALSE(t.backcast(1));

    t.clear();
    CHECK(t.empty());
    CHECK(t.entities().empty());
    t.push_back(plain("DN", "dti", 1));
    CHECK(t.entity_key(0) == 0);
    CHECK(t.breakdown_key(0) == 0);
}

TEST_CASE("observation_table value_of follows effective_value without a usable ratio", "[observation_table]") {
    observation o = plain("HN", "dti", 0);
    o.value.reset();
    o.numerator = 3;
    o.denominator = 0;
    observation only_numerator = o;
    only_numerator.denominator.reset();
    const observation_table t{o, only_numerator};
    CHECK_FALSE(t.value_of(0, dxframe::unit::percent));
    CHECK_FALSE(t.value_of(1, dxframe::unit::percent));
    CHECK(*t.numerator(1) == 3);
    CHECK_FALSE(t.denominator(1));
}

TEST_CASE("observation_table converts from and to vectors and iterates by value", "[observation_table]") {
    const std::vector<observation> list{plain("A", "x", 1), full(), plain("B", "y", 3)};
    const observation_table t = list;  // implicit, as `ds.observations = some_vector`
    const std::vector<observation> back = t.to_vector();
    REQUIRE(back.size() == 3);
    for (std::size_t i = 0; i < 3; ++i)
        CHECK(text(back[i]) == text(list[i]));

    std::vector<std::string> entities;
    for (const observation& o : t)
        entities.push_back(o.entity);
    CHECK(entities == std::vector<std::string>{"A", "HN", "B"});
    auto it = t.begin();
    CHECK((*(it + 2)).entity == "B");
    CHECK(it[1].indicator == "dti");
    CHECK(t.end() - t.begin() == 3);
    CHECK(std::distance(t.begin(), t.end()) == 3);
    ++it;
    CHECK((*it).entity == "HN");
    it += 1;
    CHECK(it.index() == 2);
    --it;
    CHECK(it.index() == 1);
    CHECK(it < t.end());
    CHECK(t.begin() <= it);
    CHECK(it - 1 == t.begin());
}

TEST_CASE("observation_table edit writes back and set replaces", "[observation_table]") {
    observation_table t{plain("A", "x", 1), full()};
    t.edit(0)->numerator = 60;
    CHECK(*t[0].numerator == 60);
    CHECK(*t[0].value == 1);
    {
        auto e = t.edit(1);
        e->note.reset();
        e->source.reset();
        e->breakdown.clear();
        e->entity = "C";
        CHECK(t[1].note);  // not yet written back
    }
    const observation edited = t[1];
    CHECK_FALSE(edited.note);
    CHECK_FALSE(edited.source);
    CHECK(edited.breakdown.empty());
    CHECK(edited.entity == "C");
    CHECK(*edited.numerator == 60);
    CHECK(t.breakdown_key(1) == 0);
    t.set(0, full());
    CHECK(text(t[0]) == text(full()));
    t.set(0, plain("A", "x", 7));
    CHECK(text(t[0]) == text(plain("A", "x", 7)));
    CHECK_FALSE(t.numerator(0));
    CHECK(t.source_of(0) == nullptr);
}

TEST_CASE("observation_table equality compares observations, not ids", "[observation_table]") {
    observation_table a{plain("A", "x", 1), plain("B", "x", 2), full()};
    observation_table b;
    b.push_back(plain("B", "y", 0));  // interns B first: other ids for the same texts
    b.clear();
    b.push_back(full());
    b = observation_table{plain("A", "x", 1), plain("B", "x", 2), full()};
    CHECK(a == b);
    observation_table c{plain("B", "x", 2)};
    c.clear();
    c.push_back(plain("A", "x", 1));
    c.push_back(plain("B", "x", 2));
    c.push_back(full());
    CHECK(a == c);
    c.edit(2)->note = "another";
    CHECK(a != c);
    c.edit(2)->note = "re-cut";
    CHECK(a == c);
    c.edit(2)->source->url.reset();
    CHECK_FALSE(a == c);
    const observation_table shorter{plain("A", "x", 1)};
    CHECK(a != shorter);
    observation_table d{plain("A", "x", 1), plain("B", "x", 2), full()};
    d.edit(1)->value = 2.5;
    CHECK(a != d);
}

TEST_CASE("observation_fields rows equal the observations they describe", "[observation_table]") {
    dxframe::observation_fields f;
    f.entity = "HN";
    f.indicator = "dti";
    f.date = date::from_ymd(2025, 6, 30);
    f.numerator = 1;
    f.denominator = 4;
    f.out_of = 34;
    f.status = dxframe::observation_status::provisional;
    f.note = "n";
    observation_table t;
    t.push_back(f);
    observation o;
    o.entity = "HN";
    o.indicator = "dti";
    o.date = f.date;
    o.numerator = 1;
    o.denominator = 4;
    o.out_of = 34;
    o.status = dxframe::observation_status::provisional;
    o.note = "n";
    CHECK(t == observation_table{o});
    CHECK(*t.value_of(0, dxframe::unit::percent) == 25.0);
}

TEST_CASE("a dataset's observations round-trip through JSON as a sequence", "[observation_table]") {
    dxframe::dataset ds;
    ds.observations = {full(), plain("HCM", "dti", 2.5)};
    const nlohmann::ordered_json j = dxframe::to_json_value<nlohmann::ordered_json>(ds);
    REQUIRE(j.at("observations").is_array());
    CHECK(j.at("observations").size() == 2);
    CHECK(j.at("observations").at(0).dump() == text(full()));
    dxframe::dataset back;
    dxframe::json_read_context ctx;
    CHECK(dxframe::read_json(j, back, ctx));
    CHECK(back.observations == ds.observations);
    nlohmann::ordered_json wrong = j;
    wrong["observations"] = 3;
    dxframe::json_read_context bad;
    CHECK_FALSE(dxframe::read_json(wrong, back, bad));
    REQUIRE(bad.diagnostics.size() == 1);
    CHECK(bad.diagnostics[0].path == "/observations");
}
