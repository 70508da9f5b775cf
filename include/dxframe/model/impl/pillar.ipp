// SPDX-License-Identifier: MIT
// Definitions for <dxframe/model/pillar.hpp> (see <dxframe/config.hpp>: included by that header
// in header-only mode, by <dxframe/src.hpp> in separate compilation).
#pragma once

#include <dxframe/model/pillar.hpp>
#include <dxframe/model/text.hpp>

namespace dxframe {

DXFRAME_DECL text pillar_name(pillar p) {
    switch (p) {
        case pillar::awareness: return {"Nhận thức số", "Digital awareness"};
        case pillar::institutions: return {"Thể chế số", "Digital institutions"};
        case pillar::infrastructure: return {"Hạ tầng số", "Digital infrastructure"};
        case pillar::platforms: return {"Nền tảng số", "Digital platforms"};
        case pillar::data: return {"Dữ liệu số", "Digital data"};
        case pillar::human_resources: return {"Nhân lực số", "Digital human resources"};
        case pillar::cybersecurity: return {"An toàn thông tin mạng", "Cybersecurity"};
        case pillar::digital_government: return {"Chính phủ số", "Digital government"};
        case pillar::digital_economy: return {"Kinh tế số", "Digital economy"};
        case pillar::digital_society: return {"Xã hội số", "Digital society"};
    }
    return {};
}

}  // namespace dxframe
