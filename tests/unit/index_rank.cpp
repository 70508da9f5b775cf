// SPDX-License-Identifier: MIT
// Ranking: competition ranks ("1224"), ties at the published precision, group ranks, rank change.
#include <dxframe/index/rank.hpp>

#include <optional>
#include <string>
#include <vector>

#include "catch_compat.hpp"

namespace {
constexpr std::nullopt_t NA = std::nullopt;
using ranks = std::vector<std::optional<std::size_t>>;
}  // namespace

TEST_CASE("competition ranking: ties share the best rank, the next rank is skipped, missing is unranked",
          "[index][rank]") {
    CHECK(dxframe::competition_rank({0.5, 0.7, NA, 0.7, 0.2}) == ranks{3u, 1u, NA, 1u, 4u});
    dxframe::rank_options asc;
    asc.order = dxframe::rank_order::ascending;
    CHECK(dxframe::competition_rank({0.5, 0.7, NA, 0.7, 0.2}, asc) == ranks{2u, 3u, NA, 3u, 1u});
    CHECK(dxframe::competition_rank({}).empty());
    CHECK(dxframe::competition_rank({NA, NA}) == ranks{NA, NA});
    CHECK(dxframe::competition_rank({1.0, 1.0, 1.0}) == ranks{1u, 1u, 1u});
}

TEST_CASE("ranking at the published precision makes near-equal values tie", "[index][rank]") {
    // 0.80024 and 0.80016 are both published as 0.8002, and then share a rank.
    const std::vector<std::optional<double>> v{0.80024, 0.80016, 0.7};
    CHECK(dxframe::competition_rank(v) == ranks{1u, 2u, 3u});
    dxframe::rank_options four;
    four.decimals = 4;
    CHECK(dxframe::competition_rank(v, four) == ranks{1u, 1u, 3u});
}

TEST_CASE("group ranks rank each unit within its group: no group, no rank", "[index][rank]") {
    const std::vector<std::optional<double>> v{10, 30, 20, 50, 40, 5};
    const std::vector<std::optional<std::string>> g{std::string("North"), std::string("South"),
                                                    std::string("North"), NA,
                                                    std::string("South"), std::string("North")};
    CHECK(dxframe::group_rank(v, g) == ranks{2u, 2u, 1u, NA, 1u, 3u});
    CHECK_THROWS_AS(dxframe::group_rank(v, {NA}), dxframe::error);
}

TEST_CASE("rank change between editions, matched by id", "[index][rank]") {
    // Published DTI ranks (reference §4.7, §4.8): Bắc Kạn 59th (2020) -> 51st (2021), "up 8 places";
    // Thanh Hóa 15th -> 12th, up 3; Hà Nội 24th (2022) -> 6th (2023), up 18.
    const auto change = dxframe::rank_change({"bac_kan", "thanh_hoa", "new_unit"}, {51u, 12u, 7u},
                                             {"thanh_hoa", "bac_kan", "gone"}, {15u, 59u, 1u});
    REQUIRE(change.size() == 3);
    CHECK(change[0].unit == "bac_kan");
    CHECK(change[0].previous == 59u);
    CHECK(change[0].current == 51u);
    CHECK(change[0].change == 8);
    CHECK(change[1].change == 3);
    CHECK_FALSE(change[2].previous);
    CHECK_FALSE(change[2].change);
    const auto hanoi = dxframe::rank_change({"ha_noi"}, {6u}, {"ha_noi"}, {24u});
    CHECK(hanoi[0].change == 18);
    const auto fell = dxframe::rank_change({"x"}, {10u}, {"x"}, {4u});
    CHECK(fell[0].change == -6);
    const auto unranked = dxframe::rank_change({"x"}, {NA}, {"x"}, {4u});
    CHECK_FALSE(unranked[0].change);
    CHECK_THROWS_AS(dxframe::rank_change({"x"}, {}, {}, {}), dxframe::error);
}
