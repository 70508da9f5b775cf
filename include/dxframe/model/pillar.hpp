// SPDX-License-Identifier: MIT
/// @file
/// @brief The pillars and foundations of a national DX framework (Decision 749/QĐ-TTg).
#pragma once

#include <array>
#include <optional>
#include <string_view>

#include <boost/describe/class.hpp>
#include <boost/describe/enum.hpp>

#include <dxframe/config.hpp>
#include <dxframe/model/text.hpp>

namespace dxframe {

/// The seven foundations and three pillars of Decision 749/QĐ-TTg.
enum class pillar {
    awareness,           ///< Nhận thức số — digital awareness (foundation).
    institutions,        ///< Thể chế số — digital institutions (foundation).
    infrastructure,      ///< Hạ tầng số — digital infrastructure (foundation).
    platforms,           ///< Nền tảng số — digital platforms (foundation).
    data,                ///< Dữ liệu số — digital data (foundation).
    human_resources,     ///< Nhân lực số — digital human resources (foundation).
    cybersecurity,       ///< An toàn thông tin mạng — network information security (foundation).
    digital_government,  ///< Chính phủ số — digital government (pillar).
    digital_economy,     ///< Kinh tế số — digital economy (pillar).
    digital_society      ///< Xã hội số — digital society (pillar).
};
BOOST_DESCRIBE_ENUM(pillar, awareness, institutions, infrastructure, platforms, data, human_resources, cybersecurity,
                    digital_government, digital_economy, digital_society)

/// Every pillar in declaration order (foundations first).
inline constexpr std::array<pillar, 10> all_pillars = {pillar::awareness,
                                                       pillar::institutions,
                                                       pillar::infrastructure,
                                                       pillar::platforms,
                                                       pillar::data,
                                                       pillar::human_resources,
                                                       pillar::cybersecurity,
                                                       pillar::digital_government,
                                                       pillar::digital_economy,
                                                       pillar::digital_society};

/// True for the seven foundations, false for the three pillars proper.
constexpr bool is_foundation(pillar p) noexcept {
    return p != pillar::digital_government && p != pillar::digital_economy && p != pillar::digital_society;
}

/// The official Vietnamese and English names of a pillar.
DXFRAME_DECL text pillar_name(pillar p);

/// A framework's own description of one pillar (names may differ from the defaults, e.g.
/// "Chính quyền số" for provinces).
struct pillar_info {
    dxframe::pillar id = pillar::awareness;  ///< Which pillar.
    text name;                               ///< Display name.
    std::optional<text> description;         ///< What the pillar covers.
};
BOOST_DESCRIBE_STRUCT(pillar_info, (), (id, name, description))

}  // namespace dxframe

#if DXFRAME_HEADER_ONLY
#include <dxframe/model/impl/pillar.ipp>
#endif
