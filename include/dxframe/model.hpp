// SPDX-License-Identifier: MIT
/// @file
/// @brief All model headers (Boost.Describe only; no JSON library).
#pragma once

#include <dxframe/model/breakdown.hpp>
#include <dxframe/model/dataset.hpp>
#include <dxframe/model/date.hpp>
#include <dxframe/model/derivation.hpp>
#include <dxframe/model/dimension.hpp>
#include <dxframe/model/entity.hpp>
#include <dxframe/model/fields.hpp>
#include <dxframe/model/framework.hpp>
#include <dxframe/model/id_pool.hpp>
#include <dxframe/model/indicator.hpp>
#include <dxframe/model/lifetime.hpp>
#include <dxframe/model/lookup.hpp>
#include <dxframe/model/manual_status.hpp>
#include <dxframe/model/method.hpp>
#include <dxframe/model/node.hpp>
#include <dxframe/model/observation.hpp>
#include <dxframe/model/observation_table.hpp>
#include <dxframe/model/partial_dataset.hpp>
#include <dxframe/model/pillar.hpp>
#include <dxframe/model/source.hpp>
#include <dxframe/model/target.hpp>
#include <dxframe/model/target_status.hpp>
#include <dxframe/model/task.hpp>
#include <dxframe/model/text.hpp>
