// SPDX-License-Identifier: MIT
// Small builders shared by the derived-indicator tests (progress_derived.cpp, validate_derived.cpp).
#pragma once

#include <string>

#include <dxframe/model.hpp>

namespace derived_test {

// An indicator with a name and a unit, nothing else.
inline dxframe::indicator plain(const std::string& id, dxframe::unit u) {
    dxframe::indicator ind;
    ind.id = id;
    ind.name = {id, id};
    ind.unit = u;
    return ind;
}

// A value of `indicator` for `entity` at `when`.
inline dxframe::observation obs(const std::string& entity, const std::string& indicator, const dxframe::date& when,
                                double value) {
    dxframe::observation o;
    o.entity = entity;
    o.indicator = indicator;
    o.date = when;
    o.value = value;
    return o;
}

// A derivation of `kind` over the entities of `level` from `indicator`.
inline dxframe::derivation derive(dxframe::derivation_kind kind, dxframe::entity_level level,
                                  const std::string& indicator) {
    dxframe::derivation dv;
    dv.kind = kind;
    dv.level = level;
    dv.indicator = indicator;
    return dv;
}

}  // namespace derived_test
