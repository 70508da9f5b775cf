// SPDX-License-Identifier: MIT
/// @file
/// @brief The composite-index module: normalise, aggregate over a tree of any depth, rank; DTI.
#pragma once

#include <dxframe/index/aggregate.hpp>
#include <dxframe/index/audit.hpp>
#include <dxframe/index/column_statistics.hpp>
#include <dxframe/index/compute.hpp>
#include <dxframe/index/contributions.hpp>
#include <dxframe/index/dataset_input.hpp>
#include <dxframe/index/dataset_tables.hpp>
#include <dxframe/index/denominate.hpp>
#include <dxframe/index/dti.hpp>
#include <dxframe/index/impute.hpp>
#include <dxframe/index/input.hpp>
#include <dxframe/index/matrix.hpp>
#include <dxframe/index/normalise.hpp>
#include <dxframe/index/panel.hpp>
#include <dxframe/index/pipeline.hpp>
#include <dxframe/index/prepare.hpp>
#include <dxframe/index/profile.hpp>
#include <dxframe/index/rank.hpp>
#include <dxframe/index/treat.hpp>
#include <dxframe/index/tree.hpp>
