// SPDX-License-Identifier: MIT
/// @file
/// @brief Umbrella header: the whole dxframe library in one include.
///
/// Convenient for applications; libraries and hot translation units should include only the
/// headers they use (the model headers alone do not pull in nlohmann/json and compile several
/// times faster, see bench/README.md).
#pragma once

#include <dxframe/version.hpp>

#include <dxframe/diagnostic.hpp>
#include <dxframe/error.hpp>
#include <dxframe/model.hpp>

#include <dxframe/io/coinr.hpp>
#include <dxframe/io/coinr_panel.hpp>
#include <dxframe/io/csv.hpp>
#include <dxframe/io/dataset_json.hpp>
#include <dxframe/io/file.hpp>
#include <dxframe/io/json.hpp>
#include <dxframe/validate.hpp>

#include <dxframe/index.hpp>
#include <dxframe/progress.hpp>
#include <dxframe/report.hpp>
#include <dxframe/uncertainty.hpp>

// The embedded Viet Nam dataset is not included here (it is large): include
// <dxframe/data/vietnam.hpp> where you use dxframe::data::vietnam().
