// SPDX-License-Identifier: MIT
/// @file
/// @brief The uncertainty module: reproducible randomness, Monte Carlo uncertainty analysis and
/// Sobol sensitivity analysis of index rankings.
#pragma once

#include <dxframe/uncertainty/data_alternatives.hpp>
#include <dxframe/uncertainty/model.hpp>
#include <dxframe/uncertainty/parallel.hpp>
#include <dxframe/uncertainty/plan.hpp>
#include <dxframe/uncertainty/plan_text.hpp>
#include <dxframe/uncertainty/random.hpp>
#include <dxframe/uncertainty/sensitivity.hpp>
#include <dxframe/uncertainty/statistics.hpp>
#include <dxframe/uncertainty/uncertainty.hpp>
