// SPDX-License-Identifier: MIT
/// @file
/// @brief The progress module: targets against deadlines (three methods), tasks, roll-up.
/// See docs/progress.md.
#pragma once

#include <dxframe/progress/assess.hpp>
#include <dxframe/progress/derived.hpp>
#include <dxframe/progress/framework_tree.hpp>
#include <dxframe/progress/freshness.hpp>
#include <dxframe/progress/growth.hpp>
#include <dxframe/progress/options.hpp>
#include <dxframe/progress/progress_report.hpp>
#include <dxframe/progress/ranking.hpp>
#include <dxframe/progress/rollup.hpp>
#include <dxframe/progress/scorecard.hpp>
#include <dxframe/progress/series.hpp>
#include <dxframe/progress/status.hpp>
#include <dxframe/progress/tasks.hpp>
